"""engine="dask": the same tables as the local engine, on a 2-worker LocalCluster."""

from __future__ import annotations

import pandas as pd
import pytest

from kit.analysis import analyze

from test_analysis import wikinews_articles

distributed = pytest.importorskip("distributed")

TABLES = ("mentions", "actors", "figures", "quotes")


@pytest.fixture(scope="module")
def articles(seed_body) -> pd.DataFrame:
    seed = pd.DataFrame([{"article_id": "seed", "body": seed_body}])
    return pd.concat([seed, wikinews_articles(11)[["article_id", "body"]]], ignore_index=True)


@pytest.fixture(scope="module")
def local(articles):
    return analyze(articles, cache=False, progress=False)


@pytest.fixture(scope="module")
def client():
    # Worker processes, as on a real cluster: each loads the model once, in its own memory.
    from kit.engine_dask import local_cluster

    cluster = local_cluster(n_workers=2, processes=True)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.mark.parametrize("batch_size", [1, 5, None])
def test_dask_gives_the_local_tables(articles, local, client, batch_size):
    result = analyze(articles, engine="dask", client=client, cache=False, progress=False, batch_size=batch_size)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(result, name), getattr(local, name), obj=name)


def test_each_worker_has_the_model_loaded_once(articles, client):
    from kit.nlp import load_model

    analyze(articles.head(4), engine="dask", client=client, cache=False, progress=False)
    loads = client.run(lambda: load_model.cache_info().misses)
    assert len(loads) == 2 and set(loads.values()) == {1}


def test_dask_fills_and_reads_the_same_cache_as_local(articles, local, client, tmp_path):
    from kit.cache import ArticleCache

    analyze(articles, engine="dask", client=client, cache=tmp_path, progress=False)
    cache = ArticleCache(tmp_path)
    result = analyze(articles, cache=cache, progress=False)
    assert cache.stats["corpus_hits"] == 1  # the tables dask stored serve the local rerun
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(result, name), getattr(local, name), obj=name)


def test_partitioned_parquet_holds_the_per_article_rows(articles, local, client, tmp_path):
    from kit.engine_dask import write_partitions

    folder = write_partitions(articles, tmp_path / "parts", client=client, batch_size=5)
    assert len(list((folder / "mentions").glob("part-*.parquet"))) == 3
    for name in ("mentions", "figures", "quotes"):
        written = pd.read_parquet(folder / name)
        expected = getattr(local, name)
        spans = ["article_id", "start", "end", "text"]
        assert sorted(map(tuple, written[spans].values.tolist())) == sorted(map(tuple, expected[spans].values.tolist()))
