"""The table contract: columns, dtypes, and dates read value by value."""

import pandas as pd
import pytest

from kit.tables import COLUMNS, conform, empty


@pytest.mark.parametrize("table", sorted(COLUMNS))
def test_empty_tables_have_the_contract_columns(table):
    assert list(empty(table).columns) == list(COLUMNS[table])


@pytest.mark.parametrize(
    "values, expected",
    [
        (["2019-06-27T03:57", "2019-01-04"], ["2019-06-27 03:57", "2019-01-04 00:00"]),  # formats mixed
        (["2019-06-27T03:57+03:00", "2019-01-04"], ["2019-06-27 00:57", "2019-01-04 00:00"]),  # zones to UTC
        (["not a date", None], [None, None]),  # unreadable is missing, never a guess
    ],
)
def test_published_dates_are_read_one_by_one(values, expected):
    frame = conform([{"article_id": str(i), "body": "x", "published": v} for i, v in enumerate(values)], "articles")
    assert frame.published.dtype == "datetime64[ns]"
    got = [None if pd.isna(v) else v.strftime("%Y-%m-%d %H:%M") for v in frame.published]
    assert got == expected


def test_extra_columns_are_kept_after_the_contract():
    frame = conform([{"article_id": "a", "body": "x", "byline": "By A. Reporter"}], "articles")
    assert list(frame.columns[: len(COLUMNS["articles"])]) == list(COLUMNS["articles"])
    assert frame.byline.tolist() == ["By A. Reporter"]
