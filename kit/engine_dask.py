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
        cluster = local_cluster()
        client = Client(cluster)
    try:
        client.register_plugin(ModelLoader(model), name=ModelLoader.name)
        yield client
    finally:
        if cluster is not None:
            client.close()
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
