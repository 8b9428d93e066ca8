"""analyze_to(): a corpus analysed into a folder, its rows never held whole in memory.

:func:`kit.analyze` returns its tables in memory, so its peak grows with the corpus (about
28 KB an article at 50,000). ``analyze_to(corpus, out)`` gives the same tables as files:
the per-article rows are written as parquet partitions as they come (``partition_articles``
articles each, in a scratch folder inside ``out``), the corpus step runs on those
partitions (:mod:`kit.corpus_step`), and each table is written to ``out/<table>.parquet``
one partition at a time, switched in with its checksum manifest (:mod:`kit.saving`).
``kit.Analysis.load(out)`` reads them back; ``python -m kit analyze`` runs this.

>>> import kit, tempfile
>>> folder = analyze_to(kit.read_corpus("data/wire"), tempfile.mkdtemp(), cache=False, progress=False)
>>> kit.Analysis.load(folder).actors.name.head(1).tolist()
['Russia']
"""

from __future__ import annotations

import itertools
import json
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from kit import extractors
from kit.corpus_step import Parts, let_go, resolve_parts
from kit.tables import conform, empty

#: Articles per partition of rows: about 100,000 mentions of Wikinews-sized articles.
PARTITION_ARTICLES = 2000


def analyze_to(corpus_or_articles, out, *, model: str | None = None, n_process: int = 1, batch_size: int | None = None,
               cache=True, progress: bool = True, engine: str = "local", client=None, max_chars: int | None = None,
               partition_articles: int = PARTITION_ARTICLES) -> Path:
    """:func:`kit.analyze` (same arguments), its tables written to the folder ``out``; returns ``out``.

    Memory holds the articles given, one partition's rows and the corpus step's counts (the
    distinct actors and names), not every table.
    """
    from kit.analysis import _collect, _with_problems, iter_article_rows, prepare
    from kit.cache import open_cache
    from kit.pipeline import whole_number
    from kit.saving import make_folder

    # the same checks and refusals as kit.analyze (model, engine, client, sizes), before anything is written
    run = prepare(corpus_or_articles, model=model, n_process=n_process, batch_size=batch_size, engine=engine,
                  client=client, max_chars=max_chars)
    n_process, batch_size, articles, problems, credits, bodies = (
        run.n_process, run.batch_size, run.articles, run.problems, run.credits, run.bodies)
    partition_articles = whole_number("partition_articles", partition_articles) or PARTITION_ARTICLES
    out = make_folder(out)
    store = open_cache(cache)
    if not articles["article_id"].is_unique:  # the corpus step by partitions needs an article's rows together
        from kit.analysis import analyze

        result = analyze(corpus_or_articles, model=model, n_process=n_process, batch_size=batch_size, cache=cache,
                         progress=progress, engine=engine, client=client, max_chars=max_chars)
        return result.save(out)
    rows = iter_article_rows(bodies, model=model, n_process=n_process, batch_size=batch_size,
                             cache=store if store is not None else False, progress=progress, engine=engine, client=client)
    del bodies
    names = extractors.article_tables()
    with tempfile.TemporaryDirectory(prefix=".kit-rows-", dir=out) as scratch:
        parts = Parts(Path(scratch) / "rows", -(-len(articles) // partition_articles))
        failures = []
        for number in range(parts.count):
            chunk = articles.iloc[number * partition_articles : (number + 1) * partition_articles]
            collected, failed = _collect(chunk, itertools.islice(rows, len(chunk)))
            failures += failed
            for name in names:
                table = collected.pop(name)
                parts.write(name, number, conform(table, name) if len(table) else empty(name))
            del collected, table
            let_go()
        for _ in rows:  # lets the generator finish (its progress bar, the last cache writes)
            pass
        problems = _with_problems(problems, failures)
        save_resolved(out, parts, {"articles": articles}, problems, credits, scratch=Path(scratch))
    return out


def save_resolved(out: Path, parts: Parts, articles: dict, problems: pd.DataFrame, credits: list[str], *,
                  scratch: Path, keep=None) -> Path:
    """The corpus step on ``parts`` and every table saved in ``out`` as one run (the tables of Analysis.save).

    ``articles`` is ``{"articles": DataFrame}`` or ``{"articles": [parquet files]}`` (partitions);
    ``keep``: the article_ids to keep (None: all).
    """
    from kit.analysis import TABLES, _extra_tables
    from kit.saving import save_tables

    names = extractors.article_tables()
    into = Parts(scratch / "resolved", parts.count)
    actors = resolve_parts(parts, into, names, keep)

    def table(name: str):
        return [into.path(name, n) for n in range(into.count)] if into.count else empty(name)

    tables = {"articles": articles["articles"], "mentions": table("mentions"), "actors": actors,
              "figures": table("figures"), "quotes": table("quotes"), "problems": conform(problems, "problems")}
    assert tuple(tables) == TABLES
    tables.update({name: table(name) for name in _extra_tables()})
    encoded = json.dumps(list(credits), ensure_ascii=False, indent=1).encode("utf-8", "surrogateescape")
    save_tables(out, tables, {"credits.json": encoded})
    shutil.rmtree(into.folder, ignore_errors=True)
    return out


def row_counts(out: str | Path) -> dict[str, int]:
    """Rows of each table saved in ``out``, from the parquet footers (nothing read into memory)."""
    import pyarrow.parquet as pq

    return {path.stem: pq.ParquetFile(path).metadata.num_rows for path in sorted(Path(out).glob("*.parquet"))}
