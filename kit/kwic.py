"""Keyword in context: each row's text with the words around it, as a table, as HTML, as grid text.

The explorers show these lines beside the rendered article (:mod:`kit.render`).
"""

from __future__ import annotations

import re
from typing import Mapping, Sequence

import pandas as pd

from kit.render import _text, _valid, format_number

_SPACES = re.compile(r"\s+")


def _flatten(text: str) -> str:
    return _SPACES.sub(" ", text)


def keyword_in_context(analysis_or_bodies, rows: pd.DataFrame, width: int = 60) -> pd.DataFrame:
    """Keyword-in-context lines: ``left``, ``match``, ``right`` for rows with article_id/start/end.

    ``analysis_or_bodies`` is an Analysis (its articles table is used) or a mapping
    ``{article_id: body}``. The other columns of ``rows`` are kept after the three
    context columns; line breaks inside the context become spaces.

    >>> import pandas as pd
    >>> rows = pd.DataFrame({"article_id": ["a"], "start": [10], "end": [15]})
    >>> keyword_in_context({"a": "Yesterday Putin met Trump in Osaka."}, rows, width=10)[["left", "match", "right"]].values.tolist()
    [['Yesterday ', 'Putin', ' met Trump']]
    """
    if isinstance(analysis_or_bodies, Mapping):
        bodies = analysis_or_bodies
    else:
        articles = analysis_or_bodies.articles
        wanted = set(rows["article_id"]) if len(rows) else set()
        chosen = articles[articles["article_id"].isin(wanted)]
        bodies = dict(zip(chosen["article_id"], chosen["body"]))
    lefts, matches, rights = [], [], []
    for article_id, start, end in zip(rows["article_id"], rows["start"], rows["end"]):
        body = bodies.get(article_id)
        if not isinstance(body, str) or not _valid(start, end, len(body)):
            lefts.append(""), matches.append(""), rights.append("")
            continue
        start, end = int(start), int(end)
        lefts.append(_flatten(body[max(0, start - width):start]))
        matches.append(_flatten(body[start:end]))
        rights.append(_flatten(body[end:end + width]))
    context = pd.DataFrame({"left": lefts, "match": matches, "right": rights}, index=rows.index)
    rest = rows.drop(columns=[c for c in ("left", "match", "right") if c in rows.columns])
    return pd.concat([context, rest], axis=1).reset_index(drop=True)


def more_rows_note(total: int, shown: int) -> str:
    """``'… and 1,234 more rows'`` when a table was cut, else ``''``."""
    if total <= shown:
        return ""
    return f'<p class="kit-more" style="color:#555">… and {total - shown:,} more rows (see .selection for all)</p>'


def table_html(frame: pd.DataFrame, columns: Sequence[str] | None = None, max_rows: int = 200) -> str:
    """A table as escaped HTML (``pandas.DataFrame.to_html`` escapes by default), cut at ``max_rows``."""
    if columns is not None:
        frame = frame[[c for c in columns if c in frame.columns]]
    shown = frame.head(max_rows).copy()
    for column in shown.columns:
        if shown[column].dtype == object:
            shown[column] = shown[column].map(_text)
    table = shown.to_html(index=False, escape=True, na_rep="", classes="kit-table", border=0,
                          float_format=format_number)
    if len(frame) == 0:
        return '<p class="kit-empty" style="color:#555">No rows match.</p>'
    return table + more_rows_note(len(frame), max_rows)


def _word_cut(text: str, side: str) -> str:
    """Drop the word cut in half at the outer edge of a context (``side`` is "left" or "right")."""
    if side == "left" and " " in text and not text[:1].isspace():
        return text[text.index(" ") + 1:]
    if side == "right" and " " in text and not text[-1:].isspace():
        return text[: text.rindex(" ")]
    return text


def kwic_text(lines: pd.DataFrame) -> list[str]:
    """Each KWIC line as one plain string, ``…left «match» right…``, no word cut at either edge.

    Plain text for a table cell (a grid escapes it); the match stands out by its marks.

    >>> import pandas as pd
    >>> kwic_text(pd.DataFrame({"left": ["day Putin "], "match": ["met"], "right": [" Trump in Os"]}))
    ['…Putin «met» Trump in…']
    """
    out = []
    for left, match, right in zip(lines["left"], lines["match"], lines["right"]):
        if not match:
            out.append("")
            continue
        out.append(f"…{_word_cut(left, 'left').lstrip()}«{match}»{_word_cut(right, 'right').rstrip()}…")
    return out
