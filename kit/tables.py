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
        # who wrote it: the format's byline field, or a "By ..." line opening the body (which the
        # reader then leaves out of the body); names only ("Meredith Jameson") except wire text,
        # which keeps its line as printed ("By Parisa Hafezi")
        "byline": "string",
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
    # A real copy: a shallow one shares its columns' data with the caller's frame, so a later
    # in-place change to a conformed table (``.loc[...] = ...``) would change the caller's too.
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


def table_of(data, name: str) -> pd.DataFrame:
    """Table ``name`` from whatever a user passes: an Analysis (``data.<name>``), a dict of
    tables (``data[name]``), or the table itself (a DataFrame). The one place every
    explore function, plot and widget accepts "an Analysis, a dict or a table".

    >>> table_of({"actors": empty("actors")}, "actors").columns[0]
    'actor_id'
    >>> len(table_of(empty("quotes"), "quotes"))
    0
    """
    if isinstance(data, pd.DataFrame):
        table = data
    elif isinstance(data, dict):
        table = data.get(name)
        if table is None:
            raise KeyError(f"no {name!r} table among {sorted(data)}")
    else:
        table = getattr(data, name, None)
        if table is None:
            raise TypeError(f"expected a kit.Analysis, a dict of tables or the {name!r} table, not {type(data).__name__}")
    return table if len(table.columns) else conform(table, name)


_SCALARS = (str, int, float, type(None))
_INT64 = range(-(1 << 63), 1 << 63)


def rows_fit_contract(rows) -> bool:
    """Whether ``rows`` is what :func:`kit.pipeline.analyze_doc` returns: table -> list of flat dicts
    (the cache reads forged or damaged entries through this: anything else is a miss).

    Values are checked against the table's column types (:data:`kit.tables.COLUMNS`), so a
    forged entry with a valid checksum cannot make a later step fail; unknown tables and
    columns may hold scalars or lists of scalars.

    >>> rows_fit_contract({"mentions": [{"start": 0, "end": 6, "text": "Russia"}]})
    True
    >>> rows_fit_contract({"mentions": 5}), rows_fit_contract({"mentions": [{"start": "0"}]}), rows_fit_contract({"x": [[1]]})
    (False, False, False)
    """
    if not isinstance(rows, dict):
        return False
    for table, items in rows.items():
        if not isinstance(table, str) or not isinstance(items, list):
            return False
        if table == "errors":
            if not all(isinstance(item, str) for item in items):
                return False
            continue
        types = COLUMNS.get(table, {})
        for row in items:
            if not isinstance(row, dict):
                return False
            for column, value in row.items():
                if not isinstance(column, str) or not _fits(value, types.get(column)):
                    return False
    return True


def _fits(value, dtype: str | None) -> bool:
    if isinstance(value, bool):
        return dtype is None
    if dtype in ("int64", "Int64"):
        return (isinstance(value, int) and value in _INT64) or (value is None and dtype == "Int64")
    if dtype == "float64":
        return value is None or isinstance(value, (int, float))
    if dtype == "string":
        return value is None or isinstance(value, str)
    if isinstance(value, list):
        return all(isinstance(item, _SCALARS) for item in value)
    return isinstance(value, _SCALARS) and (not isinstance(value, int) or value in _INT64)
