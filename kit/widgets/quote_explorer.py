"""QuoteExplorer: who is quoted, how, and the quotes in context."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import pandas as pd

from kit import kwic, plots
from kit.widgets.explorer import ChartSlot, Explorer, dropdown, month_slider
from kit.widgets.grid import GRID_ROWS, Grid
from kit.widgets.selection import Periods, count_note, counted_options, dates_text, equals_mask, TextIndex

#: The grid's columns, the question's answer first: who, how, what, where.
COLUMNS = ("speaker", "actor", "cue", "kind", "quote", "headline", "date", "in context")
WIDTHS = {"speaker": "mid", "actor": "mid", "cue": "narrow", "kind": "narrow", "quote": "wide", "headline": "mid",
          "date": "date", "in context": "mid"}

TABS = ("quotes", "who is quoted", "kinds")


class QuoteExplorer(Explorer):
    """Quotes filtered by speaker, the speaker's kind and country, quote kind, cue, words and months.

    ``speaker`` lists the speakers' actors (plus "anonymous source", and the labels of
    :mod:`kit.quotes` for a speaker not resolved and no speaker), most quoted first.
    Tabs show the ``quotes`` in a grid (speaker, actor, cue, kind, quote, headline,
    date, the quote in context; sortable, 20 a page, a filter per column; the first
    500 matches), ``who is quoted`` (quotes per speaker, anonymous sources apart) and the
    quote ``kinds``. ``share`` states the anonymous share of the quotes with a
    speaker in the selection (as :func:`kit.quotes.anonymous_share` measures it).

    ``selection`` is the filtered quotes table with the speaker's actor (``name``,
    ``speaker_kind``, ``country``, ``group``) and each article's headline and date.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> explorer = kit.widgets.QuoteExplorer(result)
    >>> explorer.kind.value = "direct"
    >>> set(explorer.selection.kind)
    {'direct'}
    """

    def __init__(self, analysis, **kwargs):
        super().__init__(**kwargs)
        self.analysis = analysis
        articles = analysis.articles[["article_id", "headline", "published"]]
        joined = plots.quote_speakers(analysis)
        joined = joined.drop(columns=[c for c in ("headline", "published") if c in joined.columns])
        self.quotes = joined.merge(articles, on="article_id", how="left").reset_index(drop=True)
        # Precomputed once: lower-cased cues, each quote's month, the searchable text.
        self._cue = self.quotes["cue"].map(lambda c: c.lower() if isinstance(c, str) else None)
        self._search_text = TextIndex(
            self.quotes["text"].fillna("").astype(str) + " " + self.quotes["speaker"].fillna("").astype(str))
        self._periods = Periods(self.quotes["published"])
        self._bodies = dict(zip(analysis.articles["article_id"], analysis.articles["body"]))
        self._actors = analysis.actors
        # The few columns the charts count, as categories: counting 100,000 quotes takes milliseconds.
        self._has_speaker = self.quotes["speaker"].notna().to_numpy(dtype=bool)
        self._anonymous = (self.quotes["group"] == "anonymous source").to_numpy(dtype=bool)
        self._chart_columns = self.quotes[["group", "speaker_kind", "kind"]].astype("object").fillna(
            {"kind": "unknown"}).astype("category")
        self._matching = np.arange(len(self.quotes))
        self._stale: set[str] = set()

        self.speaker = dropdown("speaker", counted_options(self.quotes["group"]), width="320px")
        self.speaker_kind = dropdown("speaker kind", counted_options(self.quotes["speaker_kind"]))
        self.country = dropdown("country", counted_options(self.quotes["country"]))
        self.kind = dropdown("quote kind", counted_options(self.quotes["kind"]))
        self.cue = dropdown("cue", counted_options(self._cue))
        self.search = widgets.Text(placeholder="words in the quote or speaker", description="search",
                                   continuous_update=False)
        self.dates = month_slider(self._periods)
        self.count = widgets.HTML()
        self.share = widgets.HTML()
        self.grid = Grid(WIDTHS)
        self.charts = {"who is quoted": ChartSlot(), "kinds": ChartSlot()}
        self.tabs = widgets.Tab(
            children=[self.grid.widget, self.charts["who is quoted"].widget, self.charts["kinds"].widget], titles=list(TABS))
        self.children = [
            widgets.HBox([self.speaker, self.speaker_kind, self.country]),
            widgets.HBox([self.kind, self.cue, self.search]),
            self.dates,
            widgets.HBox([self.count, self.share]),
            self.tabs,
        ]
        self.add_class("kit-quote-explorer")
        self.watch([self.speaker, self.speaker_kind, self.country, self.kind, self.cue, self.search, self.dates],
                   self.refresh)
        self.tabs.observe(lambda change: self.draw_visible(), names="selected_index")
        self.refresh()

    # --- selection -------------------------------------------------------------------------

    def matching_positions(self) -> np.ndarray:
        """Row positions of the quotes passing every filter."""
        mask = (
            equals_mask(self.quotes["group"], self.speaker.value)
            & equals_mask(self.quotes["speaker_kind"], self.speaker_kind.value)
            & equals_mask(self.quotes["country"], self.country.value)
            & equals_mask(self.quotes["kind"], self.kind.value)
            & equals_mask(self._cue, self.cue.value)
            & self._search_text.mask(self.search.value)
        )
        if len(self._periods):
            mask &= self._periods.mask(*self.dates.index)
        return np.flatnonzero(mask)

    def compute_selection(self) -> pd.DataFrame:
        return self.quotes.iloc[self._matching].reset_index(drop=True)

    def anonymous_share(self) -> float:
        """Share of the selected quotes with a speaker whose speaker is an anonymous source.

        The measure of :func:`kit.quotes.anonymous_share`, on the selection.
        """
        with_speaker = self._has_speaker[self._matching]
        if not with_speaker.any():
            return 0.0
        return float((self._anonymous[self._matching] & with_speaker).sum() / with_speaker.sum())

    # --- drawing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._matching = self.matching_positions()
        self.count.value = count_note(len(self._matching), min(len(self._matching), GRID_ROWS), "quote")
        self.share.value = (f"&nbsp;· anonymous sources: <b>{self.anonymous_share():.0%}</b> of the quotes with a speaker")
        self._stale = set(TABS)
        self.draw_visible()

    def draw_visible(self) -> None:
        name = TABS[self.tabs.selected_index or 0]
        if name in self._stale:
            self.draw(name)

    def draw(self, name: str) -> None:
        if name == "quotes":
            # rows shown before are reused as encoded: only new rows get their context lines
            self.grid.show_rows(self._matching, lambda positions: self.table_frame(self.quotes.iloc[positions]))
            self._stale.discard(name)
            return
        counted = self._chart_columns.iloc[self._matching]
        if name == "who is quoted":
            self.charts[name].show(plots.draw_quote_shares(plots.quote_shares_table(counted), self.anonymous_share()))
        else:
            self.charts[name].show(plots.draw_quotes_by_kind(plots.quotes_by_kind_table(counted, by="speaker_kind")))
        self._stale.discard(name)

    def table_frame(self, shown: pd.DataFrame) -> pd.DataFrame:
        """The grid's rows: speaker (as written), its actor, cue, kind, the quote, headline, date, context."""
        from kit.quotes import NO_SPEAKER

        lines = kwic.keyword_in_context(self._bodies, shown, width=40)
        # The quote is a column of its own: in context, its first words stand for it.
        words = [str(match).split() for match in lines["match"]]  # a list: an empty selection has no .str
        lines["match"] = [" ".join(w[:4]) + (" …" if len(w) > 4 else "") for w in words]
        speaker = shown["speaker"].astype("object")
        return pd.DataFrame({
            "speaker": speaker.where(speaker.notna(), NO_SPEAKER).to_numpy(),
            "actor": shown["group"].to_numpy(),
            "cue": shown["cue"].to_numpy(),
            "kind": shown["kind"].to_numpy(),
            "quote": shown["text"].to_numpy(),
            "headline": shown["headline"].to_numpy(),
            "date": dates_text(shown["published"]),
            "in context": kwic.kwic_text(lines),
        }, columns=list(COLUMNS))
