"""The tables every part of the kit relies on: their columns, empty frames, and checks.

The column lists are the contract between reading, analysing and exploring
(see the README's architecture section). Offsets are character offsets into
``articles.body`` and ``body[start:end] == text`` always holds.

>>> from kit.tables import empty
>>> list(empty("figures").columns)[:4]
['article_id', 'start', 'end', 'text']
"""

from __future__ import annotations

import pandas as pd

COLUMNS: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "string",
        "source": "string",
        "outlet": "string",
        "format": "string",
        "story_id": "string",
        "version": "string",
        "keywords": "object",
        "published": "datetime64[ns]",
        "headline": "string",
        "advisory": "string",
        "dateline_place": "string",
        "dateline_date": "datetime64[ns]",
        "agency": "string",
        "body": "string",
        "desk": "string",
        "issue": "Int64",
        "language": "string",
        "n_words": "Int64",
        "url": "string",
    },
    "problems": {"source": "string", "line": "Int64", "reason": "string"},
    "mentions": {
        "article_id": "string",
        "start": "int64",
        "end": "int64",
        "text": "string",
        "actor_id": "string",
        "kind": "string",
        "sentence": "int64",
        "how": "string",
    },
    "actors": {
        "actor_id": "string",
        "name": "string",
        "kind": "string",
        "country": "string",
        "aliases": "object",
        "n_mentions": "int64",
        "n_articles": "int64",
    },
    "figures": {
        "article_id": "string",
        "start": "int64",
        "end": "int64",
        "text": "string",
        "value": "float64",
        "low": "float64",
        "high": "float64",
        "approx": "string",
        "kind": "string",
        "unit": "string",
        "currency": "string",
        "unit_text": "string",
        "counted": "string",
        "counted_how": "string",
        "sentence": "int64",
    },
    "quotes": {
        "article_id": "string",
        "start": "int64",
        "end": "int64",
        "text": "string",
        "kind": "string",
        "speaker": "string",
        "speaker_start": "Int64",
        "speaker_end": "Int64",
        "actor_id": "string",
        "cue": "string",
        "sentence": "int64",
    },
}

#: Tables whose rows point into ``articles.body`` with start/end offsets.
SPAN_TABLES = ("mentions", "figures", "quotes")


def empty(table: str) -> pd.DataFrame:
    """An empty frame with the table's columns and dtypes."""
    return conform(pd.DataFrame(), table)


def conform(frame: pd.DataFrame | list[dict], table: str) -> pd.DataFrame:
    """Give ``frame`` exactly the table's columns, in order, with their dtypes.

    Missing columns become missing values (never guesses); extra columns are kept
    after the contract's columns so that a format can carry more than the contract.

    >>> bool(conform([{"source": "a.txt", "reason": "empty file"}], "problems").line.isna().all())
    True
    """
    if not isinstance(frame, pd.DataFrame):
        frame = pd.DataFrame(list(frame))
    columns = COLUMNS[table]
    out = frame.copy()
    for name, dtype in columns.items():
        if name not in out.columns:
            out[name] = pd.Series([None] * len(out), index=out.index, dtype="object")
        out[name] = _as_dtype(out[name], dtype)
    extra = [c for c in out.columns if c not in columns]
    return out[list(columns) + extra].reset_index(drop=True)


def _as_dtype(series: pd.Series, dtype: str) -> pd.Series:
    if dtype == "object":
        return series.astype("object")
    if dtype.startswith("datetime64"):
        return _as_naive_datetimes(series)
    if dtype in ("int64", "float64") and series.isna().any():
        return series.astype("float64") if dtype == "float64" else series.astype("Int64")
    return series.astype(dtype)


def _as_naive_datetimes(series: pd.Series) -> pd.Series:
    """Dates as naive datetimes; each value parsed on its own format ("2019-06-27T03:57"
    beside "2019-01-04"), zone-aware values converted to UTC, the unreadable missing."""
    if pd.api.types.is_datetime64_any_dtype(series):
        converted = series
    else:
        try:
            converted = pd.to_datetime(series, errors="coerce", format="mixed", utc=True)
        except (ValueError, TypeError, OverflowError):
            converted = pd.to_datetime(series.map(_one_datetime), errors="coerce", utc=True)
    if getattr(converted.dt, "tz", None) is not None:
        converted = converted.dt.tz_convert("UTC").dt.tz_localize(None)
    return converted.astype("datetime64[ns]")


def _one_datetime(value):
    try:
        return pd.Timestamp(value).tz_localize("UTC") if pd.Timestamp(value).tzinfo is None else pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        return pd.NaT


def check_offsets(articles: pd.DataFrame, table: pd.DataFrame) -> list[str]:
    """Return a description of every row whose ``body[start:end]`` is not its ``text``.

    An empty list means the table keeps the offset contract.
    """
    bodies = dict(zip(articles["article_id"], articles["body"]))
    bad = []
    for row in table.itertuples(index=False):
        body = bodies.get(row.article_id)
        if body is None or body[row.start : row.end] != row.text:
            bad.append(f"{row.article_id}[{row.start}:{row.end}] != {row.text!r}")
    return bad
