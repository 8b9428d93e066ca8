"""What the explorers select, as plain functions on the tables: no widgets, no browser.

Each explorer precomputes an index in its ``__init__`` (periods of every row, the
articles of every keyword, actor codes) so that a change of a control is a few
numpy masks and a cut to the rows shown, even on 10,000 articles.

>>> import pandas as pd
>>> dates = pd.Series(pd.to_datetime(["2019-06-03", "2019-08-20", None]))
>>> periods = Periods(dates)
>>> [label for label, _ in periods.options]
['2019-06', '2019-07', '2019-08']
>>> periods.mask(0, 1).tolist(), periods.mask(0, 2).tolist()
([True, False, False], [True, True, True])
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

#: The option meaning "no filter" in every dropdown.
ALL = "(all)"

#: How many rows a table or list shows at most; the rest are counted, not drawn.
MAX_ROWS = 200


class Periods:
    """Months from the first to the last date of a column, and each row's month.

    ``mask(first, last)`` keeps the rows whose month lies in ``[first, last]``
    (positions in :attr:`options`). When the range spans every month, rows
    without a date are kept too: the full range means "no date filter".
    """

    def __init__(self, dates: pd.Series, freq: str = "MS"):
        dates = pd.to_datetime(pd.Series(dates), errors="coerce").reset_index(drop=True)
        known = dates.dropna()
        if len(known):
            starts = pd.date_range(known.min().to_period("M").to_timestamp(),
                                   known.max().to_period("M").to_timestamp(), freq=freq)
        else:
            starts = pd.DatetimeIndex([])
        self.starts = starts
        self.options: list[tuple[str, int]] = [(start.strftime("%Y-%m"), i) for i, start in enumerate(starts)]
        codes = np.full(len(dates), -1, dtype=np.int64)
        if len(known):
            codes[known.index.to_numpy()] = np.searchsorted(starts.to_numpy(), known.dt.to_period("M")
                                                            .dt.to_timestamp().to_numpy())
        self.codes = codes

    def __len__(self) -> int:
        return len(self.options)

    def is_full(self, first: int, last: int) -> bool:
        return first <= 0 and last >= len(self.options) - 1

    def mask(self, first: int, last: int) -> np.ndarray:
        if self.is_full(first, last):
            return np.ones(len(self.codes), dtype=bool)
        return (self.codes >= first) & (self.codes <= last)

    def label(self, first: int, last: int) -> str:
        if not self.options:
            return "no dates"
        return f"{self.options[first][0]} to {self.options[last][0]}"


def counted_options(values: Iterable, limit: int = MAX_ROWS, all_label: str = ALL) -> list[tuple[str, str]]:
    """Dropdown options for a column, most frequent first, labelled with their counts.

    >>> counted_options(["person", "country", "person", None])
    [('(all)', '(all)'), ('person (2)', 'person'), ('country (1)', 'country')]
    """
    counts = pd.Series(list(values), dtype="object").dropna()
    counts = counts[counts.astype(str).str.strip() != ""].value_counts()
    options = [(all_label, ALL)]
    options += [(f"{value} ({count:,})", value) for value, count in counts.head(limit).items()]
    return options


def text_mask(column: pd.Series, query: str) -> np.ndarray:
    """Rows whose text contains every word of ``query`` (case-insensitive); all rows for an empty query.

    >>> text_mask(pd.Series(["Russia rotates", "Venezuela crisis", None]), "russia rot").tolist()
    [True, False, False]
    """
    words = [w for w in (query or "").lower().split() if w]
    mask = np.ones(len(column), dtype=bool)
    if not words:
        return mask
    lowered = column.fillna("").astype(str).str.lower()
    for word in words:
        mask &= lowered.str.contains(re.escape(word), regex=True).to_numpy()
    return mask


def equals_mask(column: pd.Series, value) -> np.ndarray:
    """Rows equal to ``value``; all rows for :data:`ALL` or None."""
    if value is None or value == ALL:
        return np.ones(len(column), dtype=bool)
    return (column == value).fillna(False).to_numpy(dtype=bool)


class Keywords:
    """Which articles carry each keyword (articles.keywords holds lists)."""

    def __init__(self, keywords: pd.Series):
        keywords = pd.Series(keywords).reset_index(drop=True)
        exploded = keywords.map(lambda k: list(k) if isinstance(k, (list, tuple, np.ndarray)) else []).explode()
        exploded = exploded.dropna()
        self.positions: dict[str, np.ndarray] = {
            key: group.index.to_numpy() for key, group in exploded.groupby(exploded.astype(str))
        }
        self.size = len(keywords)
        self.counts = {key: len(p) for key, p in self.positions.items()}

    def options(self, limit: int = MAX_ROWS) -> list[tuple[str, str]]:
        ranked = sorted(self.counts.items(), key=lambda pair: (-pair[1], pair[0]))[:limit]
        return [(ALL, ALL)] + [(f"{key} ({count:,})", key) for key, count in ranked]

    def mask(self, keyword) -> np.ndarray:
        if keyword is None or keyword == ALL:
            return np.ones(self.size, dtype=bool)
        mask = np.zeros(self.size, dtype=bool)
        mask[self.positions.get(keyword, np.array([], dtype=np.int64))] = True
        return mask


def article_label(published, outlet, headline, width: int = 90) -> str:
    """``2019-06-27 · AFP · Russia rotates military…``: how an article is listed in a dropdown."""
    date = published.strftime("%Y-%m-%d") if isinstance(published, pd.Timestamp) and not pd.isna(published) else "no date"
    headline = headline if isinstance(headline, str) and headline.strip() else "(no headline)"
    headline = " ".join(headline.split())
    if len(headline) > width:
        headline = headline[: width - 1] + "…"
    parts = [date] + ([outlet] if isinstance(outlet, str) and outlet else []) + [headline]
    return " · ".join(parts)


def count_note(total: int, shown: int, noun: str) -> str:
    """``'1,234 articles match; the first 200 are listed…'``, ``'16 articles match'``, ``'1 article matches'``."""
    plural, verb = (noun, "matches") if total == 1 else (noun + "s", "match")
    if total > shown:
        return f"{total:,} {plural} {verb}; the first {shown:,} are listed (narrow the filters to see others)"
    return f"{total:,} {plural} {verb}"


def rows_by_article(table: pd.DataFrame) -> dict[str, np.ndarray]:
    """``{article_id: row positions}``: an article's rows without scanning the table."""
    if len(table) == 0 or "article_id" not in table.columns:
        return {}
    return {key: positions for key, positions in table.groupby("article_id", sort=False).indices.items()}


def actor_counts(actor_codes: np.ndarray, article_codes: np.ndarray, mask: np.ndarray, n_actors: int) -> tuple[np.ndarray, np.ndarray]:
    """Mentions and distinct articles per actor among the masked mention rows (numpy only).

    >>> actor_counts(np.array([0, 0, 1]), np.array([5, 5, 6]), np.array([True, True, True]), 2)
    (array([2, 1]), array([1, 1]))
    """
    actors, articles = actor_codes[mask], article_codes[mask]
    mentions = np.bincount(actors, minlength=n_actors)
    if len(actors) == 0:
        return mentions, np.zeros(n_actors, dtype=np.int64)
    pairs = np.unique(actors.astype(np.int64) * (int(article_codes.max()) + 1) + articles)
    n_articles = np.bincount(pairs // (int(article_codes.max()) + 1), minlength=n_actors)
    return mentions, n_articles


def cooccurrence_edges(mentions: pd.DataFrame, actor_ids: Sequence[str], level: str = "sentence") -> pd.DataFrame:
    """Pairs of the given actors mentioned in one sentence (or article): ``source``, ``target``, ``weight``.

    Vectorised (a self-join of the de-duplicated mentions) so that it stays fast on
    large corpora; gives the same weights as :func:`kit.network.cooccurrence_graph`.

    >>> m = pd.DataFrame({"article_id": ["a", "a", "a"], "sentence": [0, 0, 1], "actor_id": ["x", "y", "x"]})
    >>> cooccurrence_edges(m, ["x", "y"]).values.tolist()
    [['x', 'y', 1]]
    """
    unit = ["article_id", "sentence"] if level == "sentence" else ["article_id"]
    chosen = mentions.loc[mentions["actor_id"].isin(list(actor_ids)), unit + ["actor_id"]].drop_duplicates()
    if len(chosen) == 0:
        return pd.DataFrame(columns=["source", "target", "weight"])
    pairs = chosen.merge(chosen, on=unit, suffixes=("_a", "_b"))
    pairs = pairs[pairs["actor_id_a"] < pairs["actor_id_b"]]
    edges = pairs.groupby(["actor_id_a", "actor_id_b"]).size().rename("weight").reset_index()
    return edges.rename(columns={"actor_id_a": "source", "actor_id_b": "target"})
