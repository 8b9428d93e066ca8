"""read_corpus on the bundled corpus: the seed's row, Wikinews, the whole data folder."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import kit
from kit.corpus import article_id

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data/wire/000_3a78acad3bfae3fb.txt"
GOLD = json.loads((ROOT / "data/annotations/seed/gold.json").read_text(encoding="utf-8"))["metadata"]
WIKINEWS = ROOT / "data/wikinews/articles.jsonl"


@pytest.fixture(scope="module")
def seed_row():
    corpus = kit.read_corpus(SEED)
    assert len(corpus.articles) == 1 and corpus.problems.empty
    return corpus.articles.iloc[0]


@pytest.fixture(scope="module")
def wikinews():
    return kit.read_corpus(ROOT / "data/wikinews", quiet=True)


@pytest.fixture(scope="module")
def wikinews_records():
    return [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("column", ["version", "headline", "advisory", "dateline_place", "agency", "desk", "issue"])
def test_seed_row_equals_gold_metadata(seed_row, column):
    assert seed_row[column] == GOLD[column]


@pytest.mark.parametrize(
    "column, gold",
    [("keywords", GOLD["keywords"]), ("published", pd.Timestamp(GOLD["published"])),
     ("dateline_date", pd.Timestamp(GOLD["dateline_date"]))],
)
def test_seed_keywords_and_dates(seed_row, column, gold):
    assert seed_row[column] == gold


def test_seed_body_is_the_verbatim_slice_between_dateline_and_desk_code(seed_row):
    text = SEED.read_text(encoding="utf-8")
    start = text.index(GOLD["body_starts_with"])
    end = text.index(GOLD["desk"])
    assert seed_row.body == text[start:end].strip()
    assert seed_row.body.startswith(GOLD["body_starts_with"])
    assert seed_row.body.endswith(GOLD["body_ends_with"])


@pytest.mark.parametrize("fragment", GOLD["not_in_body"])
def test_seed_body_leaves_out_the_wire_furniture(seed_row, fragment):
    assert fragment not in seed_row.body


@pytest.mark.parametrize(
    "column, expected",
    [("source", SEED.as_posix()), ("outlet", "AFP"), ("format", "wire"), ("language", "en"), ("n_words", 406)],
)
def test_seed_source_outlet_language(seed_row, column, expected):
    assert seed_row[column] == expected


@pytest.mark.parametrize(
    "encoding, line_end",
    [("cp1254", "\n"), ("utf-8", "\r\n"), ("utf-8", "\r"), ("utf-8-sig", "\n"), ("utf-16", "\n"),
     ("utf-16-le", "\r\n"), ("utf-16-be", "\n")],
)
def test_encoded_copies_of_the_seed_read_exactly_like_the_original(tmp_path, seed_row, encoding, line_end):
    copy = tmp_path / "seed.txt"
    copy.write_bytes(SEED.read_text(encoding="utf-8").replace("\n", line_end).encode(encoding))
    row = kit.read_corpus(copy).articles.iloc[0]
    columns = [c for c in seed_row.index if c not in ("source", "article_id")]
    assert row[columns].to_dict() == seed_row[columns].to_dict()


def test_wikinews_loads_293_articles_without_problems(wikinews):
    assert len(wikinews.articles) == 293
    assert wikinews.problems.empty


def test_wikinews_bodies_headlines_dates_urls_are_the_records_fields(wikinews, wikinews_records):
    articles = wikinews.articles
    assert articles.body.tolist() == [record["text"] for record in wikinews_records]
    assert articles.headline.tolist() == [record["title"] for record in wikinews_records]
    assert articles.url.tolist() == [record["url"] for record in wikinews_records]
    assert articles.published.dt.strftime("%Y-%m-%d").tolist() == [record["date"] for record in wikinews_records]


def test_wikinews_dateline_dates_come_from_the_dateline_field(wikinews, wikinews_records):
    for date, record in zip(wikinews.articles.dateline_date, wikinews_records):
        if record["dateline"]:
            assert pd.Timestamp(date).strftime("%A, %B %-d, %Y") == record["dateline"]
        else:
            assert pd.isna(date)


@pytest.mark.parametrize(
    "column, expected",
    [("outlet", {"Wikinews"}), ("format", {"jsonl"}), ("language", {"en"})],
)
def test_wikinews_constant_columns(wikinews, column, expected):
    assert set(wikinews.articles[column]) == expected


def test_wikinews_source_keeps_the_path_and_line_not_the_records_source_field(wikinews):
    sources = wikinews.articles.source.tolist()
    assert sources[0] == WIKINEWS.as_posix() + "#1"
    assert sources[-1] == WIKINEWS.as_posix() + "#293"
    assert wikinews.articles.record_id.iloc[0].startswith("wikinews:")


def test_wikinews_shows_its_licence(wikinews, capsys):
    assert any("CC BY 2.5" in line and "Wikinews" in line for line in wikinews.credits)
    assert "CC BY 2.5" in repr(wikinews) and "CC BY 2.5" in wikinews._repr_html_()
    kit.read_corpus(WIKINEWS)
    assert "CC BY 2.5" in capsys.readouterr().out


def test_article_ids_are_stable_and_unique(wikinews):
    ids = wikinews.articles.article_id
    assert ids.is_unique
    assert ids.tolist() == [article_id(source) for source in wikinews.articles.source]
    again = kit.read_corpus(ROOT / "data/wikinews", quiet=True).articles.article_id
    assert ids.tolist() == again.tolist()


def test_the_data_folder_reads_wire_and_wikinews_and_skips_the_rest():
    corpus = kit.read_corpus(ROOT / "data", quiet=True)
    assert corpus.articles.format.value_counts().to_dict() == {"jsonl": 293, "wire": 1}
    skipped = set(corpus.skipped.source)
    assert (ROOT / "data/annotations").as_posix() in skipped
    assert {(ROOT / "data/gum/gum_actors.jsonl").as_posix(), (ROOT / "data/wikinews/LICENSE.md").as_posix()} <= skipped
    # Whatever else sits in data/ must be accounted for, never dropped silently.
    files = {p.as_posix() for p in (ROOT / "data").rglob("*") if p.is_file() and "annotations" not in p.parts}
    read = {source.split("#")[0] for source in corpus.articles.source}
    assert files <= read | set(corpus.problems.source) | skipped


def test_several_paths_at_once():
    corpus = kit.read_corpus([SEED, WIKINEWS], quiet=True)
    assert len(corpus.articles) == 294


def test_a_missing_path_raises_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file or folder"):
        kit.read_corpus(tmp_path / "nowhere")


def test_tables_keep_the_contract(wikinews):
    from kit.tables import COLUMNS

    for table, frame in (("articles", wikinews.articles), ("problems", wikinews.problems)):
        assert list(frame.columns[: len(COLUMNS[table])]) == list(COLUMNS[table])
        for column, dtype in COLUMNS[table].items():
            assert str(frame[column].dtype) == dtype, column


@pytest.mark.parametrize(
    "pattern, n_articles",
    [("data/wikinews/*.jsonl", 293), ("data/**/000_*.txt", 1), ("data/wi*", 294)],
)
def test_glob_patterns(pattern, n_articles):
    assert len(kit.read_corpus(ROOT / pattern, quiet=True).articles) == n_articles


def test_a_pattern_that_matches_nothing_raises(tmp_path):
    with pytest.raises(FileNotFoundError, match="matches"):
        kit.read_corpus(tmp_path / "*.nothing")


signal = pytest.importorskip("signal")
needs_timers = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no interval timers here")


@needs_timers
def test_a_profiling_timer_armed_before_the_read_is_put_back_after_it():
    # read_corpus sets its time-budget handler once for the whole read (budget.Session); the
    # handler and timer someone else (a sampling profiler) had are theirs again afterwards
    def profiler(number, frame):
        pass

    before = signal.signal(signal.SIGPROF, profiler)
    try:
        signal.setitimer(signal.ITIMER_PROF, 60.0)
        assert len(kit.read_corpus(ROOT / "data/wikinews", quiet=True).articles) == 293
        delay, _ = signal.getitimer(signal.ITIMER_PROF)
        handler = signal.getsignal(signal.SIGPROF)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, before)
    assert handler is profiler
    assert 50.0 < delay <= 60.0


@needs_timers
def test_a_profiling_timer_that_expires_during_the_read_is_handed_on():
    ticks = []
    before = signal.signal(signal.SIGPROF, lambda number, frame: ticks.append(number))
    try:
        signal.setitimer(signal.ITIMER_PROF, 0.01, 0.01)  # a sampler's tick, every 10 ms of CPU
        corpus = kit.read_corpus([ROOT / "data/wikinews", ROOT / "data/wire"], quiet=True)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, before)
    assert len(corpus.articles) == 294 and corpus.problems.empty
    assert ticks  # reading 294 articles takes more than 10 ms of CPU
