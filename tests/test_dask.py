"""engine="dask": the same tables as the local engine, on a 2-worker LocalCluster."""

from __future__ import annotations

import json
import os
from pathlib import Path

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


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    """Four files: the seed wire story, two JSON Lines files of Wikinews articles, an empty file."""
    import shutil
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copy(next((root / "data" / "wire").glob("*.txt")), folder / "a-seed.txt")
    lines = (root / "data" / "wikinews" / "articles.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / "b-news.jsonl").write_text("".join(lines[:4]), encoding="utf-8")
    (folder / "c-news.jsonl").write_text("".join(lines[4:7]), encoding="utf-8")
    (folder / "d-empty.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def local_files(small_corpus, tmp_path_factory):
    """The local engine's tables of the small corpus, as Analysis.save writes them (and load reads them)."""
    import kit

    result = kit.analyze(kit.read_corpus(small_corpus, quiet=True), cache=False, progress=False)
    return kit.Analysis.load(result.save(tmp_path_factory.mktemp("local")))


ALL_TABLES = ("articles", "problems", *TABLES)


def test_workers_reading_files_give_the_local_tables_and_a_rerun_skips_the_parts_done(small_corpus, local_files,
                                                                                      client, tmp_path):
    import kit
    from kit.engine_dask import analyze_files

    local = local_files
    result = analyze_files([small_corpus], tmp_path, client=client, partition_files=1, cache=tmp_path / "cache")
    for name in ALL_TABLES:
        pd.testing.assert_frame_equal(getattr(result, name), getattr(local, name), obj=name)
    assert result.credits == local.credits
    assert kit.Analysis.load(tmp_path).mentions.equals(result.mentions)  # the tables are saved in out
    done = sorted((tmp_path / "parts" / "done").iterdir())
    assert len(done) == 4
    # a run cut short: one partition lost; the rerun writes it alone, and gives the same tables
    written = {path: path.stat().st_mtime_ns for path in (tmp_path / "parts" / "mentions").iterdir()}
    done[1].unlink()
    again = analyze_files([small_corpus], tmp_path, client=client, partition_files=1, cache=tmp_path / "cache")
    changed = [path.name for path, mtime in written.items() if path.stat().st_mtime_ns != mtime]
    assert changed == ["part-00001.parquet"]
    for name in ALL_TABLES:
        pd.testing.assert_frame_equal(getattr(again, name), getattr(local, name), obj=name)
    # a file changed since (its modification time here): its partition alone is made again
    written = {path: path.stat().st_mtime_ns for path in (tmp_path / "parts" / "mentions").iterdir()}
    source = Path(json.loads(done[2].read_text(encoding="utf-8"))["stamp"]["files"][0][0])
    status = source.stat()
    os.utime(source, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))
    again = analyze_files([small_corpus], tmp_path, client=client, partition_files=1, cache=tmp_path / "cache")
    changed = [path.name for path, mtime in written.items() if path.stat().st_mtime_ns != mtime]
    assert changed == ["part-00002.parquet"]
    for name in ALL_TABLES:
        pd.testing.assert_frame_equal(getattr(again, name), getattr(local, name), obj=name)


def test_workers_reading_files_fill_and_read_the_per_article_cache(small_corpus, local_files, client, tmp_path):
    from kit.cache import ArticleCache
    from kit.engine_dask import analyze_files

    cache = tmp_path / "cache"
    analyze_files([small_corpus], tmp_path / "first", client=client, partition_files=2, cache=cache)
    entries = {path: path.stat().st_mtime_ns for path in cache.rglob("*.json")}
    assert len(entries) == len(ArticleCache(cache)) == len(local_files.articles)
    # another run (a new --out, other partitions): every article read back from the cache, none rewritten
    again = analyze_files([small_corpus], tmp_path / "second", client=client, partition_files=3, cache=cache)
    assert {path: path.stat().st_mtime_ns for path in cache.rglob("*.json")} == entries
    for name in ALL_TABLES:
        pd.testing.assert_frame_equal(getattr(again, name), getattr(local_files, name), obj=name)


def test_latest_only_on_the_workers_keeps_the_local_tables(client, tmp_path):
    import kit
    from kit.engine_dask import analyze_files

    sample = Path(__file__).resolve().parent / "samples" / "seed_two_versions.txt"
    local = kit.analyze(kit.read_corpus(sample, latest_only=True, quiet=True), cache=False, progress=False)
    local = kit.Analysis.load(local.save(tmp_path / "local"))
    result = analyze_files([sample], tmp_path / "out", client=client, latest_only=True, cache=False)
    assert result.articles.version.tolist() == ["2ndlead"]
    for name in ALL_TABLES:
        pd.testing.assert_frame_equal(getattr(result, name), getattr(local, name), obj=name)


def test_the_command_line_runs_on_a_scheduler_named_by_the_environment(small_corpus, client, tmp_path, monkeypatch):
    import kit
    from kit.cli import main

    monkeypatch.setenv("KIT_DASK_SCHEDULER", client.scheduler.address)
    assert main(["analyze", str(small_corpus), "--out", str(tmp_path), "--engine", "dask", "--quiet"]) == 0
    saved = kit.Analysis.load(tmp_path)
    assert len(list((tmp_path / "parts" / "done").iterdir())) == 1  # 4 files: one partition
    local = kit.analyze(kit.read_corpus(small_corpus, quiet=True), cache=False, progress=False)
    for name in TABLES:
        assert len(getattr(saved, name)) == len(getattr(local, name)), name
