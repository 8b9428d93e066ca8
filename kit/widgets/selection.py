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

import itertools
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
        dates = pd.Series(dates).reset_index(drop=True)
        if not pd.api.types.is_datetime64_any_dtype(dates):
            dates = pd.to_datetime(dates, errors="coerce")
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


class TextIndex:
    """A text column searched by words: each row's words indexed once, a search scans the vocabulary.

    A row matches a query when every word of the lower-cased query is a substring of the
    lower-cased row (what ``query_word in text.lower()`` says). A query word holds no
    whitespace, so it can only occur inside one of the row's whitespace-separated tokens:
    the index keeps the distinct tokens of the distinct texts (lower-cased whole, then split
    as ``str.split`` does), and a search finds the tokens containing each word (a substring
    scan of the vocabulary, in C++ by Arrow when it takes the strings), then their texts,
    then their rows. Same rows as scanning every text, at a fraction of the cost: the
    vocabulary of 100,000 quotes is a few tens of thousands of tokens.

    >>> index = TextIndex(pd.Series(["Russia rotates", "Venezuela crisis", None, "rotates, Russia!"]))
    >>> index.mask("RUSSIA rot").tolist(), index.mask("s, r").tolist(), index.mask("").tolist()
    ([True, False, False, True], [False, False, False, True], [True, True, True, True])
    """

    #: Above this many matching tokens, their texts are found by one pass over all pairs (not a slice each).
    MANY_TOKENS = 2000

    def __init__(self, column: pd.Series):
        lowered = pd.Series(column).reset_index(drop=True).astype("object").fillna("").astype(str).str.lower()
        codes, texts = pd.factorize(lowered, sort=False)  # distinct texts once (wire copies, repeated quotes)
        self._row_texts = codes.astype(np.int64)
        self._n_texts = len(texts)
        token_lists = [text.split() for text in texts.tolist()]
        counts = np.fromiter(map(len, token_lists), dtype=np.int64, count=len(token_lists))
        flat = np.array(list(itertools.chain.from_iterable(token_lists)), dtype=object)
        token_codes, vocabulary = pd.factorize(flat, sort=False)
        text_of_token = np.repeat(np.arange(len(texts), dtype=np.int64), counts)
        # (token, text) pairs, each once, grouped by token: a token's texts are one slice
        width = max(len(texts), 1)
        pairs = np.sort(token_codes.astype(np.int64) * width + text_of_token)  # np.sort: np.unique is 50x slower here
        pairs = pairs[np.r_[True, pairs[1:] != pairs[:-1]]] if len(pairs) else pairs
        self._pair_tokens = pairs // width
        self._pair_texts = pairs % width
        self._offsets = np.searchsorted(self._pair_tokens, np.arange(len(vocabulary) + 1))
        self.vocabulary: list[str] = vocabulary.tolist()
        self._arrow = _arrow_strings(self.vocabulary)

    def __len__(self) -> int:
        return len(self._row_texts)

    def mask(self, query: str | None) -> np.ndarray:
        """Rows containing every word of ``query`` (case-insensitive); all rows for an empty query."""
        mask = np.ones(len(self._row_texts), dtype=bool)
        for word in dict.fromkeys((query or "").lower().split()):
            texts = np.zeros(self._n_texts, dtype=bool)
            texts[self._texts_of(self._tokens_containing(word))] = True
            mask &= texts[self._row_texts]
        return mask

    def _tokens_containing(self, word: str) -> np.ndarray:
        """Positions in :attr:`vocabulary` of the tokens that contain ``word``."""
        if self._arrow is not None:
            import pyarrow.compute as pc

            try:
                return np.flatnonzero(pc.match_substring(self._arrow, word).to_numpy(zero_copy_only=False))
            except (UnicodeError, ValueError, TypeError):  # a word Arrow cannot take (a lone surrogate)
                pass
        return np.array([i for i, token in enumerate(self.vocabulary) if word in token], dtype=np.int64)

    def _texts_of(self, tokens: np.ndarray) -> np.ndarray:
        if len(tokens) > self.MANY_TOKENS:
            wanted = np.zeros(len(self.vocabulary), dtype=bool)
            wanted[tokens] = True
            return self._pair_texts[wanted[self._pair_tokens]]
        starts, ends = self._offsets[tokens], self._offsets[tokens + 1]
        return np.concatenate([self._pair_texts[a:b] for a, b in zip(starts.tolist(), ends.tolist())] or
                              [np.array([], dtype=np.int64)])


def _arrow_strings(strings: list[str]):
    """``strings`` as an Arrow array (substring scans in C++), or None (no pyarrow, or strings it cannot encode)."""
    try:
        import pyarrow as pa

        return pa.array(strings, type=pa.large_string())
    except Exception:  # noqa: BLE001 - ImportError, or ArrowInvalid / UnicodeEncodeError on a lone surrogate
        return None


def text_mask(column: pd.Series, query: str) -> np.ndarray:
    """Rows whose text contains every word of ``query`` (case-insensitive); all rows for an empty query.

    >>> text_mask(pd.Series(["Russia rotates", "Venezuela crisis", None]), "russia rot").tolist()
    [True, False, False]
    """
    return TextIndex(column).mask(query)


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


def actor_counts(actor_codes: np.ndarray, mask: np.ndarray, n_actors: int) -> np.ndarray:
    """How many of the masked rows each actor has (rows: mentions, or de-duplicated actor-article pairs).

    >>> actor_counts(np.array([0, 0, 1]), np.array([True, False, True]), 3).tolist()
    [1, 1, 0]
    """
    return np.bincount(actor_codes[mask], minlength=n_actors)


def cooccurrence_weights(unit_codes: np.ndarray, actor_codes: np.ndarray, mask: np.ndarray,
                         chosen: Sequence[int]) -> list[tuple[int, int, int]]:
    """Pairs of chosen actors named in one unit (a sentence or an article): ``(a, b, weight)``.

    Works on integer codes precomputed once (the unit and the actor of every mention
    row), so that a redraw of the network is a few numpy operations even on 10,000
    articles. The weights are those of :func:`kit.network.cooccurrence_graph`: the
    number of units the two actors share.

    >>> units, actors = np.array([0, 0, 0, 1]), np.array([7, 8, 7, 7])
    >>> cooccurrence_weights(units, actors, np.ones(4, dtype=bool), [7, 8])
    [(7, 8, 1)]
    """
    chosen = list(chosen)
    k = len(chosen)
    if k < 2 or len(actor_codes) == 0:
        return []
    local = np.full(int(max(actor_codes.max(), max(chosen))) + 1, -1, dtype=np.int64)
    local[chosen] = np.arange(k)
    keep = mask & (local[actor_codes] >= 0)
    pairs = np.unique(unit_codes[keep].astype(np.int64) * k + local[actor_codes[keep]])
    units = pairs // k
    # Only units naming two chosen actors or more can give a pair: drop the rest before the join.
    starts = np.flatnonzero(np.r_[True, units[1:] != units[:-1]])
    sizes = np.diff(np.r_[starts, len(units)])
    shared = np.repeat(sizes >= 2, sizes)
    frame = pd.DataFrame({"unit": units[shared], "actor": pairs[shared] % k})
    joined = frame.merge(frame, on="unit")
    joined = joined[joined["actor_x"] < joined["actor_y"]]
    weights = np.bincount(joined["actor_x"].to_numpy() * k + joined["actor_y"].to_numpy(), minlength=k * k)
    return [(chosen[i // k], chosen[i % k], int(weights[i])) for i in np.flatnonzero(weights)]


def mentions_per_period(period_codes: np.ndarray, actor_codes: np.ndarray, mask: np.ndarray,
                        chosen: Sequence[int], n_periods: int) -> np.ndarray:
    """Mentions of each chosen actor in each period: an array ``len(chosen) × n_periods``.

    >>> mentions_per_period(np.array([0, 1, 1, -1]), np.array([5, 5, 6, 5]), np.ones(4, dtype=bool), [5, 6], 2).tolist()
    [[1, 1], [0, 1]]
    """
    counts = np.zeros((len(chosen), n_periods), dtype=np.int64)
    dated = mask & (period_codes >= 0)
    for row, code in enumerate(chosen):
        counts[row] = np.bincount(period_codes[dated & (actor_codes == code)], minlength=n_periods)[:n_periods]
    return counts


def dates_text(values) -> list[str]:
    """Dates as ``YYYY-MM-DD`` (blank when missing): sortable as text, readable in a table.

    >>> dates_text(pd.Series(pd.to_datetime(["2019-06-27 10:00", None])))
    ['2019-06-27', '']
    """
    dates = pd.to_datetime(pd.Series(values).reset_index(drop=True), errors="coerce")
    return dates.dt.strftime("%Y-%m-%d").fillna("").tolist()
