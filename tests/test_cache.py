"""The per-article cache: reruns read rows back, new articles alone are analysed, damage is rebuilt."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from kit.analysis import analyze
from kit.cache import FORMAT, ArticleCache, body_key, model_identity, open_cache, user_data_fingerprint

from test_analysis import wikinews_articles

TABLES = ("mentions", "actors", "figures", "quotes")


@pytest.fixture(scope="module")
def articles(seed_body) -> pd.DataFrame:
    seed = pd.DataFrame([{"article_id": "seed", "body": seed_body}])
    return pd.concat([seed, wikinews_articles(7)[["article_id", "body"]]], ignore_index=True)


@pytest.fixture(scope="module")
def fresh(articles):
    return analyze(articles, cache=False, progress=False)


def assert_same_tables(result, expected):
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(result, name), getattr(expected, name), obj=name)
        assert getattr(result, name).equals(getattr(expected, name)), name  # lists stay lists


def entry_paths(directory: Path) -> list[Path]:
    return sorted((directory / FORMAT).glob("*/*.json"))


def forget_corpora(directory: Path) -> None:
    """Drop the whole-corpus tables, so that a rerun reads the per-article entries."""
    shutil.rmtree(directory / FORMAT / "corpora", ignore_errors=True)


def key_of(body: str) -> str:
    # The key analyze() uses: body, kit version and code, model and the alias file in use.
    return body_key(body, f"{model_identity()}+{user_data_fingerprint()}")


def test_a_rerun_reads_every_article_back_and_gives_the_same_tables(articles, fresh, tmp_path):
    first = ArticleCache(tmp_path)
    assert_same_tables(analyze(articles, cache=first, progress=False), fresh)
    assert first.stats["writes"] == len(articles)
    forget_corpora(tmp_path)
    again = ArticleCache(tmp_path)
    assert_same_tables(analyze(articles, cache=again, progress=False), fresh)
    assert again.stats == {"hits": len(articles), "misses": 0, "damaged": 0, "writes": 0, "corpus_hits": 0}


def test_a_rerun_on_an_unchanged_corpus_reads_the_whole_tables_back(articles, fresh, tmp_path):
    analyze(articles, cache=tmp_path, progress=False)
    again = ArticleCache(tmp_path)
    assert_same_tables(analyze(articles, cache=again, progress=False), fresh)
    assert again.stats == {"hits": 0, "misses": 0, "damaged": 0, "writes": 0, "corpus_hits": 1}


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda frame: frame.head(len(frame) - 1), id="an article removed"),
        pytest.param(lambda frame: frame.assign(article_id=frame.article_id + "-renamed"), id="ids changed"),
        pytest.param(lambda frame: frame.assign(outlet="Other outlet"), id="metadata changed"),
    ],
)
def test_a_changed_corpus_is_not_served_the_old_tables(articles, tmp_path, change):
    analyze(articles, cache=tmp_path, progress=False)
    changed = change(articles)
    cache = ArticleCache(tmp_path)
    result = analyze(changed, cache=cache, progress=False)
    assert cache.stats["corpus_hits"] == 0 and cache.stats["hits"] == len(changed)
    assert_same_tables(result, analyze(changed, cache=False, progress=False))


@pytest.mark.parametrize("damage", [lambda path: path.write_bytes(b""), lambda path: path.unlink()], ids=["truncated", "missing"])
def test_damaged_corpus_tables_are_rebuilt(articles, fresh, tmp_path, damage):
    analyze(articles, cache=tmp_path, progress=False)
    (stored,) = (tmp_path / FORMAT / "corpora").iterdir()
    damage(stored / "mentions.parquet")
    cache = ArticleCache(tmp_path)
    assert_same_tables(analyze(articles, cache=cache, progress=False), fresh)
    assert cache.stats["damaged"] == 1 and cache.stats["hits"] == len(articles)


def test_adding_articles_analyses_only_the_new_ones(articles, fresh, tmp_path):
    analyze(articles.head(5), cache=tmp_path, progress=False)
    cache = ArticleCache(tmp_path)
    result = analyze(articles, cache=cache, progress=False)
    assert (cache.stats["hits"], cache.stats["writes"]) == (5, len(articles) - 5)
    assert_same_tables(result, fresh)


def test_cache_false_writes_nothing(articles, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    analyze(articles.head(2), cache=False, progress=False)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "environment, expected",
    [
        (None, ".kit-cache"),
        ("shared-cache", "shared-cache"),
    ],
)
def test_cache_true_uses_kit_cache_or_the_working_folder(articles, tmp_path, monkeypatch, environment, expected):
    monkeypatch.chdir(tmp_path)
    if environment:
        monkeypatch.setenv("KIT_CACHE", str(tmp_path / environment))
    else:
        monkeypatch.delenv("KIT_CACHE", raising=False)
    analyze(articles.head(2), cache=True, progress=False)
    assert len(entry_paths(tmp_path / expected)) == 2


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: b"", id="empty file"),
        pytest.param(lambda data: data[:1], id="truncated to one byte"),
        pytest.param(lambda data: data[: len(data) // 2], id="truncated mid-write"),
        pytest.param(lambda data: data[:-1], id="last byte missing"),
        pytest.param(lambda data: data.split(b"\n", 1)[0] + b"\n", id="header only"),
        pytest.param(lambda data: data.replace(b'"mentions"', b'"mentionz"', 1), id="payload edited"),
        pytest.param(lambda data: b"\x00" * len(data), id="zeroed by a crash"),
        pytest.param(lambda data: data + b"garbage", id="trailing garbage"),
    ],
)
def test_a_damaged_entry_is_detected_and_rebuilt(articles, fresh, tmp_path, damage):
    analyze(articles, cache=tmp_path, progress=False)
    victim = ArticleCache(tmp_path).path(key_of(articles.body[0]))
    victim.write_bytes(damage(victim.read_bytes()))
    forget_corpora(tmp_path)
    cache = ArticleCache(tmp_path)
    assert_same_tables(analyze(articles, cache=cache, progress=False), fresh)
    assert (cache.stats["damaged"], cache.stats["writes"]) == (1, 1)
    assert ArticleCache(tmp_path).get(key_of(articles.body[0])) is not None


def test_an_entry_moved_under_another_key_is_not_trusted(articles, tmp_path):
    analyze(articles.head(2), cache=tmp_path, progress=False)
    cache = ArticleCache(tmp_path)
    first, second = (cache.path(key_of(body)) for body in articles.body[:2])
    second.write_bytes(first.read_bytes())
    assert cache.get(key_of(articles.body[1])) is None
    assert cache.stats["damaged"] == 1


def test_the_cache_survives_a_writer_killed_mid_write(articles, fresh, tmp_path):
    """A run killed while writing leaves its temporary file and a truncated entry: both harmless."""
    analyze(articles, cache=tmp_path, progress=False)
    victim = ArticleCache(tmp_path).path(key_of(articles.body[2]))
    data = victim.read_bytes()
    (victim.parent / f".{victim.stem[:16]}.killed.tmp").write_bytes(data[:100])
    with open(victim, "r+b") as handle:
        handle.truncate(len(data) // 3)
    forget_corpora(tmp_path)
    assert_same_tables(analyze(articles, cache=tmp_path, progress=False), fresh)
    assert ArticleCache(tmp_path).get(key_of(articles.body[2])) is not None


def _analyze_into(directory: str, bodies: list[str], ids: list[str], queue) -> None:
    try:
        frame = pd.DataFrame({"article_id": ids, "body": bodies})
        result = analyze(frame, cache=directory, progress=False)
        queue.put(("ok", len(result.mentions)))
    except Exception as error:  # reported to the test, which fails with it
        queue.put(("error", repr(error)))


def test_two_runs_sharing_a_cache_do_not_corrupt_it(articles, fresh, tmp_path):
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    queue = context.Queue()
    arguments = (str(tmp_path), list(articles.body), list(articles.article_id), queue)
    runs = [context.Process(target=_analyze_into, args=arguments) for _ in range(2)]
    for run in runs:
        run.start()
    outcomes = [queue.get(timeout=300) for _ in runs]
    for run in runs:
        run.join(timeout=60)
    assert outcomes == [("ok", len(fresh.mentions))] * 2
    forget_corpora(tmp_path)
    cache = ArticleCache(tmp_path)
    assert_same_tables(analyze(articles, cache=cache, progress=False), fresh)
    assert cache.stats["hits"] == len(articles) and cache.stats["damaged"] == 0
    assert not list((tmp_path / FORMAT).glob("*/*.tmp"))


def test_an_unwritable_cache_warns_and_the_analysis_goes_on(articles, fresh, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    with pytest.warns(UserWarning, match="continuing without it"):
        result = analyze(articles, cache=blocker, progress=False)
    assert_same_tables(result, fresh)


@pytest.mark.parametrize(
    "option, expected",
    [
        (False, None),
        (None, None),
        ("some/folder", Path("some/folder")),
        (Path("other"), Path("other")),
    ],
)
def test_open_cache_reads_the_cache_option(option, expected):
    cache = open_cache(option)
    assert (cache.directory if cache else None) == expected


@pytest.mark.parametrize("key", ["../../etc/passwd", "short", "ABCDEF0123456789", ""])
def test_keys_that_are_not_digests_are_refused(tmp_path, key):
    with pytest.raises(ValueError, match="not a cache key"):
        ArticleCache(tmp_path).path(key)


@pytest.mark.parametrize("where, expected", [
    ("project", "data/aliases.csv"), ("notebooks", "data/aliases.csv"), ("elsewhere", "kit/data/aliases.csv")])
def test_the_alias_file_is_the_projects_else_the_packaged_one(where, expected, tmp_path, monkeypatch):
    """One lookup for the cache key and kit.actors: the project's data/ (also from notebooks/), else the package's."""
    import kit.actors
    import kit.cache

    root = Path(__file__).resolve().parents[1]
    folder = {"project": root, "notebooks": root / "notebooks", "elsewhere": tmp_path}[where]
    monkeypatch.chdir(folder)
    assert kit.cache.alias_file() == kit.actors.alias_file() == root / expected


def test_import_kit_and_the_model_identity_do_not_import_spacy():
    code = ("import sys, kit, kit.analysis, kit.cache; kit.cache.model_identity(); kit.cache.user_data_fingerprint(); "
            "print('spacy' in sys.modules)")
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root,
                         env={**os.environ, "PYTHONPATH": str(root)})
    assert out.stdout.strip() == "False"


def test_the_whole_corpus_key_follows_the_corpus_step_code():
    """A change in the corpus step (kit.analysis.assemble, the actors' and quotes' resolve
    modules) must not serve whole-corpus tables made by the old code."""
    from kit import cache_keys

    files = cache_keys.fingerprinted_files(("kit.analysis", *cache_keys._roots()))
    assert {"kit/analysis.py", "kit/actors/resolve.py", "kit/quotes/resolve.py"} <= set(files)
    assert not any(f.startswith(("kit/plots/", "kit/widgets/")) for f in files)
