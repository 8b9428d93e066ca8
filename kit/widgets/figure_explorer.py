"""FigureExplorer: every figure in a filterable table, a chart of values, claims compared."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import pandas as pd

from kit import kwic, plots, render
from kit.widgets.explorer import ChartSlot, Explorer, dropdown, month_slider
from kit.widgets.grid import GRID_ROWS, Grid
from kit.widgets.selection import ALL, Periods, count_note, counted_options, dates_text, equals_mask, TextIndex

#: The grid's columns: the figure and what it counts first, then where it was said.
COLUMNS = ("figure", "value", "bounds", "approx", "kind", "counted", "headline", "date", "in context")
WIDTHS = {"figure": "mid", "value": "narrow", "bounds": "narrow", "approx": "narrow", "kind": "narrow",
          "counted": "mid", "headline": "mid", "date": "date", "in context": "wide"}
#: Claims drawn at most in the claims tab (a dot and a row label each).
MAX_CLAIMS = 40

EXACT = "(exact: no approximation)"
APPROXIMATE = "(any approximation)"
TABS = ("table", "values", "claims")


class FigureExplorer(Explorer):
    """Figures filtered by kind, what they count, approximation, words and months.

    Controls: ``kind``, ``counted`` (what is counted, lower-cased, most frequent
    first), ``approx`` (exact, any approximation, or one wording such as "about"),
    ``search`` (words in the figure or what it counts), ``dates``. Tabs show the
    figures in a grid (``table``: sortable, 20 a page, a filter per column, the first
    500 matches), their ``values`` on a log scale, and the ``claims`` about the chosen
    counted thing (before a pick: the most counted thing of the selection) side by
    side across articles, bounds drawn as ranges.

    ``selection`` is the filtered figures table with each article's headline and date.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> explorer = kit.widgets.FigureExplorer(result)
    >>> explorer.counted.value = "staff"
    >>> explorer.selection.counted.str.lower().unique().tolist()
    ['staff']
    """

    def __init__(self, analysis, **kwargs):
        super().__init__(**kwargs)
        self.analysis = analysis
        articles = analysis.articles[["article_id", "headline", "published"]]
        figures = analysis.figures.drop(columns=[c for c in ("headline", "published") if c in analysis.figures.columns])
        self.figures = figures.merge(articles, on="article_id", how="left").reset_index(drop=True)
        # Precomputed once: what is counted, lower-cased; each figure's month.
        self._counted = self.figures["counted"].astype("object").where(self.figures["counted"].notna(), None)
        self._counted = self._counted.map(lambda c: " ".join(c.lower().split()) if isinstance(c, str) else None)
        self._approx = self.figures["approx"].astype("object")
        self._has_approx = self._approx.notna().to_numpy() & (self._approx.astype(str).str.strip() != "").to_numpy()
        self._search_text = TextIndex(self.figures["text"].fillna("").astype(str) + " " + self._counted.fillna(""))
        self._periods = Periods(self.figures["published"])
        # Value or middle of the bounds, once: the values chart then only samples positions.
        bounds = self.figures[["low", "high"]].apply(pd.to_numeric, errors="coerce").mean(axis=1)
        estimate = pd.to_numeric(self.figures["value"], errors="coerce").fillna(bounds)
        self._estimates = self.figures[["kind", "text", "counted"]].assign(estimate=estimate)
        self._positive = (estimate > 0).fillna(False).to_numpy(dtype=bool)
        self._bodies = dict(zip(analysis.articles["article_id"], analysis.articles["body"]))
        self._matching = np.arange(len(self.figures))
        self._stale: set[str] = set()

        self.kind = dropdown("kind", counted_options(self.figures["kind"]))
        self.counted = dropdown("counted", counted_options(self._counted), width="300px")
        approx_words = counted_options(self._approx)[1:]
        self.approx = dropdown("approx", [(ALL, ALL), (EXACT, EXACT), (APPROXIMATE, APPROXIMATE)] + approx_words)
        self.search = widgets.Text(placeholder="words in the figure or what it counts", description="search",
                                   continuous_update=False)
        self.dates = month_slider(self._periods)
        self.count = widgets.HTML()
        self.grid = Grid(WIDTHS)
        self.charts = {"values": ChartSlot(), "claims": ChartSlot()}
        self.tabs = widgets.Tab(children=[self.grid.widget, self.charts["values"].widget, self.charts["claims"].widget],
                                titles=list(TABS))
        self.children = [
            widgets.HBox([self.kind, self.counted, self.approx]),
            widgets.HBox([self.search, self.dates]),
            self.count,
            self.tabs,
        ]
        self.add_class("kit-figure-explorer")
        self.watch([self.kind, self.counted, self.approx, self.search, self.dates], self.refresh)
        self.tabs.observe(lambda change: self.draw_visible(), names="selected_index")
        self.refresh()

    # --- selection -------------------------------------------------------------------------

    def approx_mask(self) -> np.ndarray:
        value = self.approx.value
        if value == EXACT:
            return ~self._has_approx
        if value == APPROXIMATE:
            return self._has_approx.copy()
        return equals_mask(self._approx, value)

    def matching_positions(self) -> np.ndarray:
        """Row positions of the figures passing every filter."""
        mask = (
            equals_mask(self.figures["kind"], self.kind.value)
            & equals_mask(self._counted, self.counted.value)
            & self.approx_mask()
            & self._search_text.mask(self.search.value)
        )
        if len(self._periods):
            mask &= self._periods.mask(*self.dates.index)
        return np.flatnonzero(mask)

    def compute_selection(self) -> pd.DataFrame:
        return self.figures.iloc[self._matching].reset_index(drop=True)

    # --- drawing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._matching = self.matching_positions()
        self.count.value = count_note(len(self._matching), min(len(self._matching), GRID_ROWS), "figure")
        self._stale = set(TABS)
        self.draw_visible()

    def draw_visible(self) -> None:
        name = TABS[self.tabs.selected_index or 0]
        if name in self._stale:
            self.draw(name)

    def draw(self, name: str) -> None:
        if name == "table":
            # only the rows shown are built, and rows shown before are reused as encoded
            self.grid.show_rows(self._matching, lambda positions: self.table_frame(self.figures.iloc[positions]))
        elif name == "values":
            self.charts["values"].show(self.values_figure())
        else:
            self.charts["claims"].show(self.claims_figure())
        self._stale.discard(name)

    def values_figure(self, max_points: int = 1000):
        """The values chart of the selection; beyond ``max_points``, a fixed random sample."""
        positions = self._matching[self._positive[self._matching]]
        total = len(positions)
        if total > max_points:
            positions = np.sort(np.random.default_rng(0).choice(positions, max_points, replace=False))
        return plots.draw_figure_values(self._estimates.iloc[positions], total=total)

    def claims_subject(self) -> str | None:
        """What the claims tab compares: the chosen counted thing, else the most counted one of the selection."""
        if self.counted.value != ALL:
            return self.counted.value
        counted = self._counted.iloc[self._matching].dropna()
        return counted.value_counts().index[0] if len(counted) else None

    def claims_figure(self):
        subject = self.claims_subject()
        if subject is None:
            return plots.empty_figure("No figure of the selection says what it counts.", "Claims compared")
        positions = self._matching[(self._counted.iloc[self._matching] == subject).to_numpy(dtype=bool)]
        chosen = self.figures.iloc[positions[:MAX_CLAIMS]]
        title = f"Claims about {render.escape(subject)}"
        if self.counted.value == ALL:
            title += " (the most counted thing here: choose another in 'counted')"
        if len(positions) > MAX_CLAIMS:
            title += f", the first {MAX_CLAIMS} of {len(positions):,}"
        return plots.figure_claims(chosen.reset_index(drop=True), counted=None).update_layout(title=title)

    def table_frame(self, shown: pd.DataFrame) -> pd.DataFrame:
        """The grid's rows: the figure, value, bounds, approximation, kind, what is counted, headline, date, context."""
        lines = kwic.keyword_in_context(self._bodies, shown, width=50)
        return pd.DataFrame({
            "figure": shown["text"].to_numpy(),
            "value": pd.to_numeric(shown["value"], errors="coerce").to_numpy(),
            "bounds": [render.bounds_text(lo, hi) for lo, hi in zip(shown["low"], shown["high"])],
            "approx": shown["approx"].to_numpy(),
            "kind": shown["kind"].to_numpy(),
            "counted": shown["counted"].to_numpy(),
            "headline": shown["headline"].to_numpy(),
            "date": dates_text(shown["published"]),
            "in context": kwic.kwic_text(lines),
        }, columns=list(COLUMNS))
