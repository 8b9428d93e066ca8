"""The explorers' search (kit.widgets.selection.TextIndex) and the grid's reuse of rows (Grid.show_rows).

TextIndex searches a vocabulary of tokens instead of every text; a query must match
exactly the rows it matched when every lower-cased text was scanned for every
lower-cased query word. Checked on real text: the headlines and body lines of the
bundled Wikinews articles (CC BY 2.5, Wikinews contributors: data/wikinews), with
many queries drawn from that text (slices of words, punctuation, several words, other
cases) and a table of hand-picked ones.
"""

from __future__ import annotations

import json
import random

import numpy as np
import pandas as pd
import pytest

from kit.widgets.grid import Grid, rows_json
from kit.widgets.selection import TextIndex

from conftest import ROOT

#: Rows that are not plain text: missing values, numbers, other scripts, case rules of their own.
ODD_ROWS = [
    None, float("nan"), 42, "", "   ", "\t\n", "ΟΔΟΣ Σοφοκλέους", "İstanbul’s mayor", "STRASSE straße", "x\u00a0y",
    "a\u2003b", "caf\udce9 bytes", "emoji 🙂 here", "U.S.-led talks", "“Quoted,” he said.", "re-election — again",
]

HAND_QUERIES = [
    "", " ", "\t", "the", "THE", "The President", "president said", "u.s.", "U.S.-led", "-", "—", ",", ".", "'s",
    "’s", "“", "\"", "said.", "(", ")", "%", "$", "1", "2019", "e", "ing", "ςοφ", "σοφοκλέους", "οδος", "ΟΔΟΣ",
    "i̇stanbul", "istanbul", "straße", "strasse", "x", "x\u00a0y", "a b", "caf", "\udce9", "🙂", "zzzzqqq",
    "police police", "minister minister minister", "Russia Ukraine", "a, b", "rotates, russia",
]


def _bundled_rows() -> list[str]:
    rows = []
    for line in (ROOT / "data" / "wikinews" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        rows.append(record.get("headline") or record.get("title") or "")
        rows += [part for part in str(record.get("body") or record.get("text") or "").split("\n") if part.strip()]
    return rows


@pytest.fixture(scope="module")
def column() -> pd.Series:
    rows = _bundled_rows()
    assert len(rows) > 2000
    return pd.Series(rows + ODD_ROWS + rows[:50], dtype="object")  # repeated rows too


def _drawn_queries(rows: list[str], count: int = 400, seed: int = 19) -> list[str]:
    """Queries taken from the text: slices of it (inside a word, across words and punctuation), cased anyhow."""
    chance = random.Random(seed)
    queries = []
    texts = [text for text in rows if isinstance(text, str) and len(text) > 3]
    while len(queries) < count:
        text = chance.choice(texts)
        start = chance.randrange(len(text))
        piece = text[start:start + chance.randint(1, 14)]
        case = chance.choice([str, str.upper, str.lower, str.title, str.swapcase])
        queries.append(case(piece))
    return queries


def _scanned(column: pd.Series, query: str) -> np.ndarray:
    """What the search did before: every lower-cased text scanned for every lower-cased word of the query."""
    texts = column.astype("object").fillna("").astype(str).str.lower().tolist()
    words = query.lower().split()
    return np.array([all(word in text for word in words) for text in texts], dtype=bool)


def _arrow_scanned(column: pd.Series, query: str) -> np.ndarray:
    """The former TextIndex: Arrow's substring search over the lower-cased column, word by word."""
    lowered = column.astype("object").fillna("").astype(str).str.lower()
    mask = np.ones(len(lowered), dtype=bool)
    for word in query.lower().split():
        mask &= lowered.str.contains(word, regex=False).to_numpy(dtype=bool, na_value=False)
    return mask


def test_a_query_matches_the_rows_it_matched_before(column):
    index = TextIndex(column)
    queries = HAND_QUERIES + _drawn_queries(column.tolist())
    differ = [query for query in queries if not np.array_equal(index.mask(query), _scanned(column, query))]
    assert differ == []
    assert index.mask(None).all() and index.mask("").all()
    some = sum(0 < index.mask(query).sum() < len(column) for query in queries)
    assert some > len(queries) // 2  # the queries do select: the comparison is not between all-True masks


def test_the_former_arrow_search_agrees_on_text_arrow_takes(column):
    text = column[column.map(lambda v: not (isinstance(v, str) and "\udce9" in v))].reset_index(drop=True)
    index = TextIndex(text)
    for query in [q for q in HAND_QUERIES if "\udce9" not in q] + _drawn_queries(text.tolist(), 150, seed=7):
        assert np.array_equal(index.mask(query), _arrow_scanned(text, query)), query


@pytest.mark.parametrize(
    "rows, query, expected",
    [
        (["Russia rotates", "Venezuela crisis", None], "RUSSIA rot", [True, False, False]),
        (["rotates, Russia!", "Russia rotates"], "s, r", [True, False]),  # punctuation belongs to its word
        (["the minister said", "minister"], "the minister", [True, False]),  # every word, in any order
        (["minister the", "the"], "the minister", [True, False]),
        (["ΟΔΟΣ", "οδοσ"], "οδος", [True, False]),  # final sigma: lower-cased as a whole text, like before
        (["x\u00a0y", "x y", "xy"], "x\u00a0y", [True, True, True]),  # a no-break space splits the query, as str.split does
        (["", None], "", [True, True]),
        ([], "anything", []),
    ],
)
def test_search_examples(rows, query, expected):
    column = pd.Series(rows, dtype="object")
    assert TextIndex(column).mask(query).tolist() == expected
    assert _scanned(column, query).tolist() == expected


def test_many_matching_tokens_take_the_same_rows_as_few(column):
    index = TextIndex(column)
    many = index.mask("e")
    index.MANY_TOKENS = 10 ** 9  # every token's texts by slices
    assert np.array_equal(index.mask("e"), many)
    assert np.array_equal(many, _scanned(column, "e"))


# --- the grid: rows shown before are reused -------------------------------------------------------

FRAME = pd.DataFrame({
    "speaker": ["Ryabkov", "<b>Lavrov</b>", None, "the ministry", "Maduro"],
    "value": [1.5, float("nan"), 3.0, 100.0, -2.0],
    "quote": ["we will stay", "a & b", "“no”", "", "x\u00a0y"],
})


def test_show_rows_sends_what_show_sends_and_builds_only_new_rows():
    built = []

    def build(keys):
        built.append(list(keys))
        return FRAME.iloc[list(keys)]

    reused, fresh = Grid(), Grid()
    for keys in ([0, 1, 2], [2, 3], [0, 1, 2], [4, 3, 2, 1, 0], [], [1]):
        reused.show_rows(np.array(keys, dtype=np.int64), build)
        fresh.show(FRAME.iloc[keys])
        assert reused.sent == fresh.sent == rows_json(FRAME.iloc[keys])
        assert reused.frame.astype("object").fillna("").values.tolist() == \
            fresh.frame.astype("object").fillna("").values.tolist()
        assert reused.frame.columns.tolist() == FRAME.columns.tolist()
    assert [key for keys in built for key in keys] == [0, 1, 2, 3, 4]  # each row built once


def test_a_quote_search_shows_what_a_fresh_explorer_shows():
    import kit.widgets
    from conftest_widgets import gold_analysis

    analysis = gold_analysis()
    explorer = kit.widgets.QuoteExplorer(analysis)
    for query in ("said", "minister", "", "said", "the"):
        explorer.search.value = query
        fresh = kit.widgets.QuoteExplorer(analysis)
        fresh.search.value = query
        assert explorer.grid.sent == fresh.grid.sent, query
        assert len(explorer.grid.frame) == len(fresh.grid.frame)
