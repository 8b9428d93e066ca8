"""The scorers the quality scripts rely on, on hand-made cases and the real gold files."""

import pytest

from kit.evaluation import bcubed, load_dev_set, load_gold, score_spans


@pytest.mark.parametrize(
    "gold, predicted, match, expected",
    [
        ([(0, 5)], [(0, 5)], "exact", (1, 0, 0)),
        ([(0, 5)], [(1, 5)], "exact", (0, 1, 1)),
        ([(0, 5)], [(1, 5)], "overlap", (1, 0, 0)),
        ([(0, 5)], [(5, 9)], "overlap", (0, 1, 1)),  # touching is not overlapping
        ([(0, 5)], [(0, 5), (0, 5)], "overlap", (1, 1, 0)),  # a duplicate is an error
        ([(0, 5), (6, 9)], [], "overlap", (0, 0, 2)),
    ],
)
def test_score_spans_counts(gold, predicted, match, expected):
    score = score_spans(gold, predicted, match)
    assert (score.tp, score.fp, score.fn) == expected


@pytest.mark.parametrize(
    "gold, predicted, precision, recall",
    [
        ({1: "a", 2: "a", 3: "b"}, {1: "x", 2: "x", 3: "y"}, 1.0, 1.0),
        ({1: "a", 2: "a", 3: "b"}, {1: "x", 2: "x", 3: "x"}, 5 / 9, 1.0),
        ({1: "a", 2: "a"}, {1: "x", 2: "y"}, 1.0, 0.5),
    ],
)
def test_bcubed(gold, predicted, precision, recall):
    score = bcubed(gold, predicted)
    assert score.precision == pytest.approx(precision)
    assert score.recall == pytest.approx(recall)


def test_seed_gold_has_body_offsets(seed_gold):
    assert seed_gold.body.startswith("Russia rotated military technicians")
    assert seed_gold.body.endswith("Group of 20 summit in Osaka.")
    assert set(seed_gold.actors.name) >= {"Vladimir Putin", "Russian embassy in Caracas", "a senior US official"}
    assert len(seed_gold.figures) == 4 and len(seed_gold.quotes) == 14
    # load_gold checks every span against the body; spot-check one by hand
    row = seed_gold.quotes.iloc[0]
    assert seed_gold.body[row.speaker_start : row.speaker_end] == "the Russian embassy in Caracas"


@pytest.mark.parametrize("folder", ["data/annotations/wikinews", "data/annotations/heldout"])
def test_dev_set_loads_and_every_span_matches(folder):
    golds = load_dev_set(folder)
    assert len(golds) >= 10
    assert all(g.body for g in golds)
    for gold in golds:
        assert set(gold.quotes.actor.dropna()) <= set(gold.actors.name), gold.path


def test_bad_span_names_the_file(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"id": "x", "text": "Hello world", "actors": [{"name": "W", "mentions": '
                    '[{"text": "world", "span": [0, 5]}]}]}', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.json"):
        load_gold(path)


def test_nested_spans_pair_with_their_closest_gold():
    from kit.evaluation import match_spans

    outer, inner = (0, 60), (30, 60)
    # predicted inner first, then outer: first-come pairing would mis-assign both
    assert match_spans([outer, inner], [(31, 60), (0, 59)]) == {0: 1, 1: 0}
