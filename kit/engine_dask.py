"""The same per-article analysis on a dask.distributed cluster, for corpora beyond one machine.

``kit.analyze(corpus, engine="dask")`` sends batches of article bodies to the
workers of a cluster (a LocalCluster started for the call, or the ``client=``
you pass), each worker runs exactly what the local engine runs,
:func:`kit.analysis.analyze_texts`, and only the plain rows come back. The
cache and the corpus-level step (merging actors across articles) stay on the
client, so the tables are identical to the local engine's.

Each worker loads the spaCy model once, when it joins (a worker plugin), not
once per task.

>>> import kit, pandas as pd
>>> articles = pd.DataFrame({"article_id": ["a"], "body": ["Moscow said it would help."]})
>>> kit.analyze(articles, engine="dask", cache=False, progress=False).articles.article_id.tolist()
['a']
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Iterator

import pandas as pd
from distributed import WorkerPlugin

from kit.pipeline import analyze_texts
from kit import extractors
from kit.tables import conform


class ModelLoader(WorkerPlugin):
    """Worker plugin: load the model (and the extractors' data) when a worker starts, once."""

    name = "kit-model-loader"

    def __init__(self, model: str | None = None):
        self.model = model

    def setup(self, worker=None):
        # One tiny article builds the model and the extractors' lookups (countries, aliases)
        # before the first real task arrives.
        analyze_texts([("warm-up", "Russia said around 100 experts had left Caracas.")], self.model)


def local_cluster(n_workers: int | None = None, processes: bool = True):
    """A small LocalCluster for this machine: one thread per worker (spaCy is not thread-parallel)."""
    from dask.distributed import LocalCluster

    n_workers = n_workers or max(1, min(4, os.cpu_count() or 1))
    return LocalCluster(
        n_workers=n_workers, threads_per_worker=1, processes=processes, dashboard_address=None
    )


def iter_rows(
    pairs: list[tuple[str, str]],
    *,
    model: str | None = None,
    batch_size: int | None = None,
    client=None,
) -> Iterator[tuple[str, dict[str, list[dict]]]]:
    """Analyse ``(key, body)`` pairs on the cluster; yields ``(key, rows)`` as batches finish.

    At most two batches per worker are in flight, so neither the client nor the
    workers hold the whole corpus's text at once.
    """
    from dask.distributed import as_completed

    with _ready_client(client, model) as client:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        size = batch_size or max(1, min(64, -(-len(pairs) // (4 * n_workers))))
        batches = iter([pairs[i : i + size] for i in range(0, len(pairs), size)])
        window = as_completed()
        for batch in _take(batches, 2 * n_workers):
            window.add(client.submit(analyze_texts, batch, model, pure=False))
        for future in window:
            results = future.result()
            future.release()
            for batch in _take(batches, 1):
                window.add(client.submit(analyze_texts, batch, model, pure=False))
            yield from results


def write_partitions(
    articles: pd.DataFrame,
    directory: str | os.PathLike,
    *,
    model: str | None = None,
    batch_size: int = 256,
    client=None,
) -> Path:
    """Analyse on the cluster and let each task write its rows as parquet: ``<directory>/<table>/part-N.parquet``.

    For corpora whose rows should not travel back to one machine: the per-article
    tables (mentions, figures, quotes, with ``article_id``, before actors are merged
    across the corpus) land as a partitioned parquet dataset that
    ``pandas.read_parquet(directory / "mentions")`` or dask.dataframe read back.
    The folder must be reachable by every worker (a shared disk or object store path).

    >>> import tempfile, pandas as pd
    >>> articles = pd.DataFrame({"article_id": ["a"], "body": ["Moscow said it would help."]})
    >>> folder = write_partitions(articles, tempfile.mkdtemp())
    >>> sorted(p.name for p in folder.iterdir())
    ['figures', 'mentions', 'quotes']
    """
    from dask.distributed import wait

    directory = Path(directory).resolve()
    with _ready_client(client, model) as client:
        triples = [
            (str(article_id), body if isinstance(body, str) else "")
            for article_id, body in zip(articles["article_id"], articles["body"])
        ]
        futures = [
            client.submit(_write_partition, triples[i : i + batch_size], i // batch_size, str(directory), model, pure=False)
            for i in range(0, len(triples), batch_size)
        ]
        wait(futures)
        for future in futures:
            future.result()  # re-raise a worker's error here
    return directory


@contextlib.contextmanager
def _ready_client(client, model: str | None):
    """The client to use, its workers set to load the model once; with no client, a
    LocalCluster started for the call and closed after it."""
    from dask.distributed import Client

    cluster = None
    if client is None:
        # $KIT_DASK_SCHEDULER names a running cluster; else a LocalCluster for this call
        address = os.environ.get(SCHEDULER_VARIABLE, "").strip()
        cluster = address or local_cluster()
        client = Client(cluster)
    try:
        client.register_plugin(ModelLoader(model), name=ModelLoader.name)
        yield client
    finally:
        if cluster is not None:
            client.close()
            if not isinstance(cluster, str):
                cluster.close()


def _write_partition(pairs: list[tuple[str, str]], number: int, directory: str, model: str | None) -> int:
    results = analyze_texts(pairs, model)
    for name in extractors.article_tables():
        rows = [{**row, "article_id": article_id} for article_id, tables in results for row in tables.get(name, ())]
        folder = Path(directory) / name
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"part-{number:05d}.parquet"
        temporary = folder / f".part-{number:05d}.{os.getpid()}.tmp"
        conform(rows, name).to_parquet(temporary, index=False)
        os.replace(temporary, target)
    return len(pairs)


def _take(iterator, count: int):
    for _ in range(count):
        try:
            yield next(iterator)
        except StopIteration:
            return


# --- a corpus read and analysed by the workers, partition by partition --------------------------

#: Files per partition: one task reads them, analyses their articles and writes their rows.
PARTITION_FILES = 200
#: What each partition writes under ``<out>/parts/``: the per-article tables, and the problems
#: of reading, of bodies cut short and of failed extractors apart (analyze() orders them so).
PARTITION_TABLES = ("articles", "problems_read", "problems_cut", "problems_failed")
SCHEDULER_VARIABLE = "KIT_DASK_SCHEDULER"


def analyze_files(paths, out: str | os.PathLike, *, client=None, model: str | None = None,
                  latest_only: bool = False, partition_files: int = PARTITION_FILES, progress: bool = False,
                  cache=True, load: bool = True):
    """Read and analyse the files under ``paths`` on the cluster; the tables are saved in ``out``.

    The client only lists the files. Each task reads ``partition_files`` of them on a worker,
    analyses their articles (rows from the per-article ``cache`` where present: a folder every
    worker reaches, by default the client's ``$KIT_CACHE``; False for none) and writes its rows
    as parquet, ``<out>/parts/<table>/part-N.parquet`` (``out`` must be reachable by every
    worker: a shared disk). A partition is done when its marker ``<out>/parts/done/part-N``
    exists: a run started again skips those, so a run cut short (a worker or the client lost)
    resumes where it stopped (a partition whose files changed since, in size or modification
    time, or made with another ``model``, is made again). The corpus steps (versions of a story, actors merged across
    articles) then run here on those partitions, one at a time (:mod:`kit.corpus_step`), and
    every table is saved in ``out`` as :meth:`kit.Analysis.save` would: the tables are the
    local engine's. Returns ``kit.Analysis.load(out)``, or ``out`` itself with ``load=False``.

    >>> import tempfile
    >>> analyze_files(["data/wire"], tempfile.mkdtemp(), cache=False).articles.format.tolist()
    ['wire']
    """
    from dask.distributed import as_completed

    from kit.cache import open_cache
    from kit.corpus import files_to_read

    files, walker = files_to_read(paths)
    out = Path(out).resolve()
    parts = out / "parts"
    (parts / "done").mkdir(parents=True, exist_ok=True)
    store = open_cache(cache)
    cache_folder = str(store.directory.resolve()) if store is not None else None
    chunks = [[(str(path), explicit) for path, explicit in files[i : i + partition_files]]
              for i in range(0, len(files), partition_files)]
    stamps = [_stamp(chunk, model) for chunk in chunks]
    todo = [number for number in range(len(chunks)) if not _done(parts, number, stamps[number])]
    if todo:
        with _ready_client(client, model) as client:
            futures = [client.submit(_read_and_analyze, chunks[n], n, str(parts), model, cache_folder, stamps[n],
                                     pure=False)
                       for n in todo]
            for future in as_completed(futures):
                future.result()  # a worker's error is raised here; the partitions done are kept
                future.release()
    _save_parts(parts, len(chunks), walker, out, latest_only=latest_only)
    if not load:
        return out
    from kit.analysis import Analysis

    return Analysis.load(out)


def _stamp(chunk: list[tuple[str, bool]], model: str | None) -> dict:
    """What a partition was made from: its files (path, size, modification time) and the model."""
    files = []
    for path, _ in chunk:
        try:
            status = os.stat(path)
            files.append([path, status.st_size, status.st_mtime_ns])
        except OSError:
            files.append([path, None, None])
    return {"model": model, "files": files}


def _done(parts: Path, number: int, stamp: dict) -> bool:
    """Partition ``number`` was written by an earlier run from the same files (same sizes and times) and model."""
    try:
        return json.loads((parts / "done" / f"part-{number:05d}").read_text(encoding="utf-8")).get("stamp") == stamp
    except (OSError, ValueError, AttributeError):
        return False  # no marker, or one from an older kit: the partition is made again


def _read_and_analyze(files: list[tuple[str, bool]], number: int, parts: str, model: str | None,
                      cache: str | None = None, stamp: dict | None = None) -> int:
    """On a worker: read one partition's files, analyse its articles, write its tables; the marker last."""
    from kit.analysis import MAX_ARTICLE_CHARS, _bodies_within, _collect, iter_article_rows
    from kit.corpus import reader_for
    from kit.tables import empty

    reader = reader_for()
    for path, explicit in files:
        reader.read_file(Path(path), explicit=explicit)
    articles = conform(reader.rows, "articles") if reader.rows else empty("articles")
    reader.rows = []
    bodies, cut_short = _bodies_within(articles, MAX_ARTICLE_CHARS)
    rows = iter_article_rows(bodies, model=model, cache=cache or False, progress=False)
    collected, failures = _collect(articles, rows)
    for _ in rows:  # the generator's last cache writes
        pass
    tables = {"articles": articles, "problems_read": reader.problems, "problems_cut": cut_short,
              "problems_failed": failures}
    tables.update({name: collected[name] for name in extractors.article_tables()})
    for name, table in tables.items():
        kind = "problems" if name.startswith("problems_") else name
        frame = conform(table, kind) if len(table) else empty(kind)
        folder = Path(parts) / name
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".part-{number:05d}.{os.getpid()}.tmp"
        frame.to_parquet(temporary, index=False)
        os.replace(temporary, folder / f"part-{number:05d}.parquet")
    marker = json.dumps({"articles": len(articles), "stamp": stamp})
    (Path(parts) / "done" / f"part-{number:05d}").write_text(marker + "\n", encoding="utf-8")
    return len(articles)


def _save_parts(parts: Path, count: int, walker, out: Path, *, latest_only: bool) -> Path:
    """The corpus steps on the partitions' tables, one partition at a time; every table saved in ``out``.

    The articles are held without their bodies (versions of a story are linked across the
    corpus: :func:`kit.corpus.finish_corpus`); each partition's bodies are put back as it is written.
    """
    import tempfile

    import pyarrow.parquet as pq

    from kit.analysis import _with_problems
    from kit.corpus import finish_corpus
    from kit.corpus_step import Parts
    from kit.streaming import save_resolved
    from kit.tables import empty

    stored = Parts(parts, count)
    walk_problems = conform(walker.problems, "problems") if walker.problems else empty("problems")
    read_problems = _concat([walk_problems, *(stored.read("problems_read", n) for n in range(count))], "problems")
    meta = []
    for number in range(count):
        path = stored.path("articles", number)
        frame = pd.read_parquet(path, columns=[c for c in pq.read_schema(path).names if c != "body"])
        meta.append(frame.assign(_part=number, _row=range(len(frame))))
    articles = _concat(meta, "articles")
    if not articles["article_id"].is_unique:  # an article's rows must be in one partition: all in memory then
        return _assemble_parts(parts, count, walker, latest_only=latest_only).save(out)
    if "keywords" in articles.columns:  # parquet gives a missing list back as None; read_corpus has NaN there
        articles["keywords"] = [float("nan") if value is None else value for value in articles["keywords"]]
    corpus = finish_corpus(articles, read_problems, walker.skipped, latest_only=latest_only, quiet=True)
    problems = _with_problems(corpus.problems, _concat([stored.read("problems_cut", n) for n in range(count)],
                                                       "problems").to_dict("records"))
    problems = _with_problems(problems, _concat([stored.read("problems_failed", n) for n in range(count)],
                                                "problems").to_dict("records"))
    keep = set(corpus.articles["article_id"]) if latest_only else None
    with tempfile.TemporaryDirectory(prefix=".kit-resolved-", dir=out) as scratch:
        finished = Parts(Path(scratch) / "articles", count)
        by_part = dict(tuple(corpus.articles.groupby("_part", sort=True))) if len(corpus.articles) else {}
        del articles
        for number in range(count):
            rows = by_part.pop(number, None)
            if rows is None:
                finished.write("articles", number, empty("articles"))
                continue
            rows = rows.sort_values("_row")
            bodies = stored.read("articles", number, ["body"])["body"]
            rows["body"] = bodies.iloc[rows["_row"].to_numpy()].to_numpy()
            finished.write("articles", number, rows.drop(columns=["_part", "_row"]).reset_index(drop=True))
        save_resolved(out, stored, {"articles": [finished.path("articles", n) for n in range(count)] or empty("articles")},
                      problems, list(corpus.credits), scratch=Path(scratch), keep=keep)
    return out


def _concat(frames: list[pd.DataFrame], kind: str) -> pd.DataFrame:
    from kit.analysis import _lists_back
    from kit.tables import empty

    frames = [frame for frame in frames if len(frame)]
    if not frames:
        return empty(kind)
    return _lists_back(conform(pd.concat(frames, ignore_index=True), kind), kind)


def _assemble_parts(parts: Path, count: int, walker, *, latest_only: bool):
    """The corpus steps on the partitions' tables, all in memory (when an article_id repeats)."""
    from kit.analysis import _with_problems, assemble
    from kit.corpus import finish_corpus
    from kit.corpus_step import Parts
    from kit.tables import empty

    stored = Parts(parts, count)

    def table(name: str, kind: str) -> pd.DataFrame:
        return _concat([stored.read(name, n) for n in range(count)], kind)

    walk_problems = conform(walker.problems, "problems") if walker.problems else empty("problems")
    read_problems = _concat([walk_problems, table("problems_read", "problems")], "problems")
    articles = table("articles", "articles")
    if "keywords" in articles.columns:
        articles["keywords"] = [float("nan") if value is None else value for value in articles["keywords"]]
    corpus = finish_corpus(articles, read_problems, walker.skipped, latest_only=latest_only, quiet=True)
    articles = corpus.articles.reset_index(drop=True)
    kept = set(articles["article_id"])
    collected = {}
    for name in extractors.article_tables():
        rows = table(name, name)
        collected[name] = rows[rows["article_id"].isin(kept)].reset_index(drop=True) if latest_only else rows
    problems = _with_problems(corpus.problems, table("problems_cut", "problems").to_dict("records"))
    problems = _with_problems(problems, table("problems_failed", "problems").to_dict("records"))
    result = assemble(articles, collected, problems)
    result.credits = list(corpus.credits)
    return result


def scheduler_client(address: str | None = None):
    """A client of the scheduler at ``address`` (else ``$KIT_DASK_SCHEDULER``), or None when neither is given."""
    address = address or os.environ.get(SCHEDULER_VARIABLE, "").strip() or None
    if address is None:
        return None
    from dask.distributed import Client

    return Client(address)
