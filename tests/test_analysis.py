"""analyze(): what it accepts, what it refuses, the tables it returns, and what it does not keep."""

from __future__ import annotations

import gc
import json

import pandas as pd
import pytest

import kit
from kit.analysis import Analysis, analyze
from kit.cache import body_key, model_identity
from kit.tables import COLUMNS, SPAN_TABLES, check_offsets

from conftest import DATA

SPAN_AND_ACTOR_TABLES = ("mentions", "actors", "figures", "quotes")


def wikinews_articles(count: int) -> pd.DataFrame:
    """The first ``count`` bundled Wikinews articles as a bare articles table (body = text)."""
    rows = []
    with open(DATA / "wikinews" / "articles.jsonl", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            rows.append({"article_id": record["id"], "body": record["text"], "headline": record["title"]})
            if len(rows) == count:
                break
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def small_articles(seed_body) -> pd.DataFrame:
    """The seed plus 20 Wikinews articles: the small real corpus these tests analyse."""
    seed = pd.DataFrame([{"article_id": "seed", "body": seed_body, "headline": "Russia reduces military staff in Venezuela"}])
    return pd.concat([seed, wikinews_articles(20)], ignore_index=True)


@pytest.fixture(scope="module")
def small_analysis(small_articles) -> Analysis:
    return analyze(small_articles, cache=False, progress=False)


@pytest.mark.parametrize(
    "wrap",
    [
        pytest.param(lambda frame: frame, id="DataFrame"),
        pytest.param(lambda frame: frame[["article_id", "body"]], id="DataFrame with only article_id and body"),
        pytest.param(lambda frame: kit.Corpus(articles=frame), id="Corpus"),
        pytest.param(lambda frame: frame.set_index("article_id", drop=False), id="DataFrame with an index"),
    ],
)
def test_analyze_accepts_a_corpus_or_an_articles_frame(small_articles, small_analysis, wrap):
    articles = small_articles.head(3)
    result = analyze(wrap(articles), cache=False, progress=False)
    expected = small_analysis.mentions[small_analysis.mentions.article_id.isin(articles.article_id)]
    assert result.articles.article_id.tolist() == articles.article_id.tolist()
    assert result.mentions[["article_id", "start", "end", "text"]].values.tolist() == (
        expected[["article_id", "start", "end", "text"]].values.tolist()
    )


@pytest.mark.parametrize(
    "bad_input, error, message",
    [
        (["Russia rotated military technicians."], TypeError, "article_id"),
        ("data/wire", TypeError, "read_corpus"),
        (pd.DataFrame({"body": ["Moscow said."]}), ValueError, "article_id"),
        (pd.DataFrame({"article_id": ["a"], "text": ["Moscow said."]}), ValueError, "body"),
    ],
)
def test_analyze_refuses_what_is_not_articles_with_a_clear_message(bad_input, error, message):
    with pytest.raises(error, match=message):
        analyze(bad_input, cache=False, progress=False)


@pytest.mark.parametrize(
    "options, message",
    [
        ({"engine": "spark"}, "engine"),
        ({"client": object()}, "client"),
    ],
)
def test_analyze_refuses_unknown_options(small_articles, options, message):
    with pytest.raises(ValueError, match=message):
        analyze(small_articles.head(1), cache=False, progress=False, **options)


def test_a_missing_model_says_what_to_install(small_articles):
    from kit.nlp import ModelNotFound

    with pytest.raises(ModelNotFound, match="python -m spacy download en_core_web_nonexistent"):
        analyze(small_articles.head(1), model="en_core_web_nonexistent", cache=False, progress=False)


@pytest.mark.parametrize("table", SPAN_TABLES)
def test_offsets_hold_in_every_table(small_analysis, table):
    frame = getattr(small_analysis, table)
    assert check_offsets(small_analysis.articles, frame) == []


@pytest.mark.parametrize("table", ["articles", "mentions", "actors", "figures", "quotes", "problems"])
def test_every_table_has_the_contract_columns(small_analysis, table):
    frame = getattr(small_analysis, table)
    assert list(frame.columns[: len(COLUMNS[table])]) == list(COLUMNS[table])


def test_the_seed_yields_rows_in_the_per_article_tables(small_analysis):
    seed = {name: (getattr(small_analysis, name).article_id == "seed").sum() for name in ("mentions", "quotes")}
    assert seed["mentions"] > 0 and seed["quotes"] > 0


def test_save_and_load_give_back_the_same_tables(small_analysis, tmp_path):
    small_analysis.save(tmp_path)
    loaded = Analysis.load(tmp_path)
    for name, table in small_analysis.tables().items():
        pd.testing.assert_frame_equal(getattr(loaded, name), table, check_dtype=True, obj=name)
        assert getattr(loaded, name).equals(table), name  # list columns come back as lists


def test_load_names_the_missing_table(tmp_path):
    with pytest.raises(FileNotFoundError, match="articles.parquet"):
        Analysis.load(tmp_path)


def test_no_spacy_doc_outlives_the_analysis(small_articles):
    from spacy.tokens import Doc

    result = analyze(small_articles.head(5), cache=False, progress=False)
    gc.collect()
    assert len(result.mentions) > 0
    assert [o for o in gc.get_objects() if isinstance(o, Doc)] == []


def test_two_processes_give_the_same_tables_as_one(small_articles, small_analysis):
    articles = small_articles.head(8)
    one = analyze(articles, cache=False, progress=False)
    two = analyze(articles, cache=False, progress=False, n_process=2, batch_size=2)
    for name in SPAN_AND_ACTOR_TABLES:
        pd.testing.assert_frame_equal(getattr(two, name), getattr(one, name), obj=name)


def test_identical_bodies_get_the_same_rows_under_their_own_ids(small_articles, tmp_path):
    seed = small_articles.head(1)
    twice = pd.concat([seed, seed.assign(article_id="copy")], ignore_index=True)
    result = analyze(twice, cache=tmp_path, progress=False)
    by_article = result.mentions.groupby("article_id")[["start", "end", "text"]].apply(lambda f: f.values.tolist())
    assert by_article["seed"] == by_article["copy"]


@pytest.mark.parametrize(
    "first, second, same",
    [
        (("Moscow said.", "en_core_web_sm-3.8.0"), ("Moscow said.", "en_core_web_sm-3.8.0"), True),
        (("Moscow said.", "en_core_web_sm-3.8.0"), ("Moscow said!", "en_core_web_sm-3.8.0"), False),
        (("Moscow said.", "en_core_web_sm-3.8.0"), ("Moscow said.", "en_core_web_md-3.8.0"), False),
        (("Moscow said.", "en_core_web_sm-3.8.0"), ("Moscow said.", "en_core_web_sm-3.7.1"), False),
    ],
)
def test_the_cache_key_changes_with_the_body_and_the_model(first, second, same):
    assert (body_key(*first) == body_key(*second)) is same


def test_the_model_identity_is_read_without_loading_it():
    assert model_identity() == "en_core_web_sm-3.8.0"


@pytest.mark.parametrize(
    "body, limit",
    [
        ("Russia said so. " * 20, 50),
        ("First paragraph here.\n\nSecond one, longer than the first.\n\nThird.", 40),
        ("x" * 120, 50),  # no place to cut: cut hard rather than never
        ("Moscow said so.", 1000),
    ],
)
def test_long_bodies_are_cut_into_pieces_that_join_back(body, limit):
    from kit.analysis import split_long_body

    pieces = split_long_body(body, limit=limit)
    assert "".join(piece for _, piece in pieces) == body
    assert all(body[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert all(len(piece) <= limit for _, piece in pieces)


def test_a_body_parsed_in_pieces_keeps_its_offsets(seed_body, monkeypatch):
    from kit import pipeline

    monkeypatch.setattr(pipeline, "MAX_PIECE_CHARS", len(seed_body) // 2)
    articles = pd.DataFrame({"article_id": ["long"], "body": [seed_body * 3]})
    result = analyze(articles, cache=False, progress=False)
    for table in SPAN_TABLES:
        assert check_offsets(result.articles, getattr(result, table)) == []
    assert result.mentions.sentence.is_monotonic_increasing
    assert {"Putin", "Venezuela"} <= set(result.mentions.text)


@pytest.mark.parametrize("table", ["figures", "quotes"])
def test_a_failing_extractor_becomes_a_problem_and_the_other_tables_stay(small_articles, small_analysis, monkeypatch, table):
    import importlib

    from kit import extractors

    def broken(*arguments):
        raise RuntimeError("simulated bug")

    module, function = extractors.get(table).find.split(":")
    monkeypatch.setattr(importlib.import_module(module), function, broken)
    result = analyze(small_articles.head(2), cache=False, progress=False)
    assert len(getattr(result, table)) == 0
    assert len(result.mentions) == small_analysis.mentions.article_id.isin(small_articles.article_id[:2]).sum()
    assert len(result.problems) == 2
    assert result.problems.reason.str.contains(f"its {table} could not be extracted").all()


def test_a_corpus_of_over_a_thousand_articles_keeps_every_row(small_articles, small_analysis, tmp_path):
    # Rows are gathered 1,000 articles at a time; identical bodies are parsed once.
    three = small_articles.iloc[1:4].reset_index(drop=True)
    many = pd.concat([three.assign(article_id=three.article_id + f"#{i}") for i in range(400)], ignore_index=True)
    result = analyze(many, cache=tmp_path, progress=False)
    per_copy = small_analysis.mentions.article_id.isin(three.article_id).sum()
    assert len(result.articles) == 1200
    assert len(result.mentions) == 400 * per_copy
    assert check_offsets(result.articles, result.mentions) == []


def test_an_overlong_article_is_cut_and_reported_not_silently():
    import pandas as pd

    import kit

    sentence = "The ministry said 40 people were hurt. "
    articles = pd.DataFrame({"article_id": ["long"], "body": [sentence * 100], "source": ["dump.txt"]})
    result = kit.analyze(articles, cache=False, progress=False, max_chars=len(sentence) * 10)
    assert result.figures.end.max() <= len(sentence) * 10
    assert len(result.figures) == 10
    [reason] = result.problems.reason.tolist()
    assert "long" in reason and "max_chars" in reason and "3,900 characters" in reason
    assert result.problems.source.tolist() == ["dump.txt"]


# --- analyze_to: the same tables, written partition by partition (kit.streaming, kit.corpus_step) ---------

ALL_TABLES = ("articles", "mentions", "actors", "figures", "quotes", "problems")


@pytest.fixture(scope="module")
def warm_cache(small_articles, tmp_path_factory):
    """A per-article cache holding the small corpus's rows, and its tables as Analysis.save writes them."""
    folder = tmp_path_factory.mktemp("cache")
    saved = analyze(small_articles, cache=folder, progress=False).save(tmp_path_factory.mktemp("saved"))
    return folder, Analysis.load(saved)


@pytest.mark.parametrize("partition_articles", [1, 4, 1000])
def test_analyze_to_saves_the_tables_analyze_gives(small_articles, warm_cache, tmp_path, partition_articles):
    from kit.streaming import analyze_to, row_counts

    cache, expected = warm_cache
    out = analyze_to(small_articles, tmp_path / "out", cache=cache, progress=False, partition_articles=partition_articles)
    result = Analysis.load(out)
    for name in ALL_TABLES:
        pd.testing.assert_frame_equal(getattr(result, name), getattr(expected, name), obj=name)
    assert row_counts(out)["mentions"] == len(expected.mentions)
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # no scratch folder left


MERGES = {
    "a surname joins the full name of another article": (
        ["a", "b"], ["Putin", "Vladimir Putin"], ["putin", "vladimir-putin"], ["person", "person"]),
    "a surname shared by two full names with close counts stays apart": (
        ["a", "b", "c"], ["Smith", "John Smith", "Anna Smith"], ["smith", "john-smith", "anna-smith"],
        ["person"] * 3),
    "a place and a company of one name become two actors": (
        ["a", "b", "b", "c"], ["Amazon", "Amazon", "Austria", "Ford"], ["amazon", "amazon", "austria", "ford"],
        ["place", "organization", "place", "place"]),
    "an abbreviation is not merged across articles": (
        ["a", "b"], ["WHO", "World Health Organization"], ["who", "world-health-organization"],
        ["organization", "organization"]),
}


@pytest.mark.parametrize("articles, texts, actor_ids, kinds", MERGES.values(), ids=MERGES.keys())
def test_the_corpus_step_by_partitions_is_resolve_corpus(tmp_path, articles, texts, actor_ids, kinds):
    from kit.actors import resolve_corpus
    from kit.corpus_step import Parts, resolve_parts
    from kit.tables import conform

    mentions = conform(pd.DataFrame({"article_id": articles, "start": 0, "end": [len(t) for t in texts], "text": texts,
                                     "actor_id": actor_ids, "kind": kinds, "sentence": 0, "how": "name"}), "mentions")
    expected_mentions, expected_actors, _ = resolve_corpus(mentions, None)
    parts = Parts(tmp_path / "rows", len(set(articles)))
    for number, article in enumerate(dict.fromkeys(articles)):
        parts.write("mentions", number, mentions[mentions.article_id == article])
    into = Parts(tmp_path / "resolved", parts.count)
    actors = resolve_parts(parts, into, ("mentions",))
    resolved = pd.concat([pd.read_parquet(into.path("mentions", n)) for n in range(parts.count)], ignore_index=True)
    assert resolved.actor_id.tolist() == expected_mentions.actor_id.tolist()
    assert resolved.how.tolist() == expected_mentions.how.tolist()
    pd.testing.assert_frame_equal(actors, conform(expected_actors, "actors"))
