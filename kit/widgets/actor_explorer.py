"""ActorExplorer: who is mentioned, with whom, when; an actor's mentions in context."""

from __future__ import annotations

import ipywidgets as widgets
import networkx as nx
import numpy as np
import pandas as pd

from kit import kwic, plots
from kit.widgets.explorer import ChartSlot, Explorer, dropdown, month_slider
from kit.widgets.grid import GRID_ROWS, Grid
from kit.widgets.selection import (
    ALL, MAX_ROWS, Periods, actor_counts, cooccurrence_weights, count_note, counted_options, equals_mask,
    mentions_per_period, dates_text,
)

NO_ACTOR = "(choose an actor)"
TABS = ("ranking", "network", "over time")
#: The context grid's columns: the mention as written, its line, where and when.
COLUMNS = ("mention", "in context", "headline", "date")
WIDTHS = {"mention": "mid", "in context": "wide", "headline": "mid", "date": "date"}


class ActorExplorer(Explorer):
    """Top actors under filters, their co-occurrence network, mentions over time, and KWIC lines.

    Controls: ``kind``, ``country`` (dropdowns), ``dates`` (a range of months),
    ``min_mentions`` and ``top`` (sliders), ``min_together`` (the network's weight
    threshold: sentences two actors share at least), ``actor`` (the listed actors;
    choosing one lists its mentions in a grid below, in context, and draws its
    mentions over time). The charts sit
    in ``tabs``; only the visible one is redrawn on a change, the others when shown.

    ``ranking`` is the filtered actors table (counts within the chosen months);
    ``selection`` the mentions of the chosen actor (or of every listed actor when
    none is chosen) with ``left``/``match``/``right`` context and the headline.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> explorer = kit.widgets.ActorExplorer(result)
    >>> explorer.kind.value = "country"
    >>> explorer.actor.value = explorer.actor.options[1][1]
    >>> explorer.selection[["left", "match", "right"]].shape[1]
    3
    """

    def __init__(self, analysis, top: int = 20, **kwargs):
        super().__init__(**kwargs)
        self.analysis = analysis
        articles = analysis.articles
        self.actors = analysis.actors.reset_index(drop=True)
        mentions = analysis.mentions.reset_index(drop=True)
        # Indexes built once: actor and article codes, each mention's month.
        self._actor_code = {actor_id: i for i, actor_id in enumerate(self.actors["actor_id"])}
        known = mentions["actor_id"].isin(self._actor_code.keys())
        self.mentions = mentions[known].reset_index(drop=True)
        self._codes = self.mentions["actor_id"].map(self._actor_code).to_numpy(dtype=np.int64)
        self._article_codes = pd.factorize(self.mentions["article_id"])[0].astype(np.int64)
        sentences = self.mentions["sentence"] if "sentence" in self.mentions else pd.Series(0, index=self.mentions.index)
        self._sentence_codes = (self.mentions[["article_id"]].assign(sentence=sentences.fillna(-1))
                                .groupby(["article_id", "sentence"], sort=False).ngroup().to_numpy(dtype=np.int64))
        published = pd.Series(articles["published"].to_numpy(), index=articles["article_id"].to_numpy())
        published = published[~published.index.duplicated()]
        self._periods = Periods(self.mentions["article_id"].map(published))  # a Series map keeps datetime64
        # Each actor-article pair once, with its month: articles per actor in any range of months.
        pairs = pd.DataFrame({"actor": self._codes, "article": self._article_codes, "period": self._periods.codes})
        pairs = pairs.drop_duplicates(["actor", "article"])
        self._pair_actor = pairs["actor"].to_numpy()
        self._pair_periods = pairs["period"].to_numpy()
        self._headlines = dict(zip(articles["article_id"], articles["headline"]))
        self._published = published
        self._bodies = dict(zip(articles["article_id"], articles["body"]))
        self._rows_by_actor = {actor_id: rows for actor_id, rows in
                               self.mentions.groupby("actor_id", sort=False).indices.items()}
        self._ranking = self.actors.iloc[0:0]
        self._stale: set[str] = set()

        self.kind = dropdown("kind", [("(all but places)", ALL)] + counted_options(self.actors["kind"])[1:])
        self.country = dropdown("country", counted_options(self.actors["country"]))
        self.dates = month_slider(self._periods)
        most = int(self.actors["n_mentions"].max()) if len(self.actors) else 1
        self.min_mentions = widgets.IntSlider(value=1, min=1, max=max(2, min(most, 100)), description="min mentions",
                                              continuous_update=False, style={"description_width": "initial"})
        self.top = widgets.IntSlider(value=top, min=5, max=60, step=5, description="top",
                                     continuous_update=False, style={"description_width": "initial"})
        self.min_together = widgets.IntSlider(value=1, min=1, max=10, description="network: together in at least",
                                              continuous_update=False, style={"description_width": "initial"},
                                              layout=widgets.Layout(width="360px"))
        self.actor = widgets.Select(options=[(NO_ACTOR, None)], rows=6, description="actor",
                                    layout=widgets.Layout(width="340px"))
        self.count = widgets.HTML()
        self.charts = {name: ChartSlot() for name in TABS}
        self.tabs = widgets.Tab(children=[self.charts[name].widget for name in TABS], titles=list(TABS))
        self.context = widgets.HTML()
        self.grid = Grid(WIDTHS)
        self.children = [
            widgets.HBox([self.kind, self.country, self.dates]),
            widgets.HBox([self.min_mentions, self.top, self.count]),
            self.min_together,
            self.tabs,
            widgets.HBox([self.actor, self.context]),
            self.grid.widget,
        ]
        self.add_class("kit-actor-explorer")
        self.watch([self.kind, self.country, self.dates, self.min_mentions, self.top], self.refresh)
        self.watch([self.min_together], self.redraw_network)
        self.watch([self.actor], self.choose)
        self.tabs.observe(lambda change: self.draw_visible(), names="selected_index")
        self.refresh()

    # --- selection -------------------------------------------------------------------------

    def mention_mask(self) -> np.ndarray:
        """Mentions in the chosen months."""
        first, last = self.dates.index if len(self._periods) else (0, 0)
        return self._periods.mask(first, last) if len(self._periods) else np.ones(len(self.mentions), dtype=bool)

    def compute_ranking(self) -> pd.DataFrame:
        """The actors passing the filters, counted within the chosen months, most mentioned first."""
        actors = self.actors
        first, last = self.dates.index if len(self._periods) else (0, 0)
        if len(self._periods) and not self._periods.is_full(first, last):
            in_months = (self._pair_periods >= first) & (self._pair_periods <= last)
            actors = actors.assign(n_mentions=actor_counts(self._codes, self.mention_mask(), len(actors)),
                                   n_articles=actor_counts(self._pair_actor, in_months, len(actors)))
        keep = actors["n_mentions"].to_numpy() >= max(1, self.min_mentions.value)
        if self.kind.value == ALL:
            keep &= (actors["kind"] != "place").fillna(True).to_numpy(dtype=bool)
        else:
            keep &= equals_mask(actors["kind"], self.kind.value)
        keep &= equals_mask(actors["country"], self.country.value)
        chosen = actors[keep]
        return chosen.sort_values(["n_mentions", "n_articles", "name"], ascending=[False, False, True]).reset_index(drop=True)

    @property
    def ranking(self) -> pd.DataFrame:
        """The filtered actors table, most mentioned first."""
        return self._ranking.copy()

    def chosen_mentions(self) -> pd.DataFrame:
        """Mention rows of the chosen actor (or of all ranked actors) in the chosen months."""
        mask = self.mention_mask()
        if self.actor.value is not None:
            rows = self._rows_by_actor.get(self.actor.value, np.array([], dtype=np.int64))
            rows = rows[mask[rows]]
        else:
            listed = np.zeros(len(self.actors), dtype=bool)
            listed[[self._actor_code[a] for a in self._ranking["actor_id"]]] = True
            rows = np.flatnonzero(mask & listed[self._codes]) if len(self._codes) else np.array([], dtype=np.int64)
        return self.mentions.iloc[rows]

    def compute_selection(self) -> pd.DataFrame:
        lines = kwic.keyword_in_context(self._bodies, self.chosen_mentions())
        lines["headline"] = lines["article_id"].map(self._headlines)
        return lines

    # --- drawing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Apply the filters: new ranking and actor list; redraw the visible chart and the context."""
        self._ranking = self.compute_ranking()
        listed = self._ranking.head(MAX_ROWS)
        options = [(NO_ACTOR, None)] + [
            (f"{name} ({n:,})", actor_id)
            for name, n, actor_id in zip(listed["name"], listed["n_mentions"], listed["actor_id"])
        ]
        value = self.actor.value if self.actor.value in {v for _, v in options} else None
        self._set_quietly(self.actor, options=options, value=value)
        self.count.value = count_note(len(self._ranking), len(listed), "actor")
        self._stale = set(TABS)
        self.draw_visible()
        self.draw_context()

    def choose(self) -> None:
        """A new actor was chosen: its mentions in context and its line over time."""
        self._stale.add("over time")
        self.draw_visible()
        self.draw_context()

    def redraw_network(self) -> None:
        self._stale.add("network")
        self.draw_visible()

    def draw_visible(self) -> None:
        name = TABS[self.tabs.selected_index or 0]
        if name in self._stale:
            self.draw(name)

    def draw(self, name: str) -> None:
        """Draw one chart from the current selection."""
        top = self._ranking.head(self.top.value)
        if name == "ranking":
            figure = plots.top_actors(top, n=self.top.value, kind=self.kind.value if self.kind.value != ALL else None)
        elif name == "network":
            figure = self.network_figure(top)
        else:
            chosen = [self.actor.value] if self.actor.value is not None else top["actor_id"].head(5).tolist()
            figure = plots.draw_over_time(self.over_time_table(chosen))
        self.charts[name].show(figure)
        self._stale.discard(name)

    def network_graph(self, top: pd.DataFrame) -> nx.Graph:
        """Co-occurrence (same sentence) of the listed actors within the chosen months."""
        codes = [self._actor_code[a] for a in top["actor_id"]]
        edges = cooccurrence_weights(self._sentence_codes, self._codes, self.mention_mask(), codes)
        ids = self.actors["actor_id"].to_numpy()
        graph = nx.Graph()
        for row in top.itertuples(index=False):
            graph.add_node(row.actor_id, name=row.name, kind=row.kind, n_mentions=int(row.n_mentions))
        graph.add_weighted_edges_from((ids[a], ids[b], w) for a, b, w in edges if w >= self.min_together.value)
        graph.remove_nodes_from([node for node, degree in dict(graph.degree()).items() if degree == 0])
        return graph

    def network_figure(self, top: pd.DataFrame):
        graph = self.network_graph(top)
        if graph.number_of_nodes() == 0:
            return plots.empty_figure("No listed actors are mentioned together that often: lower the "
                                      "'together in at least' slider.", "Actors mentioned together")
        return plots.draw_network(graph, title=f"Actors mentioned together (in {self.min_together.value}+ sentences)")

    def over_time_table(self, actor_ids: list[str]) -> pd.DataFrame:
        """Mentions per month of these actors within the chosen months: period, actor_id, name, n_mentions."""
        codes = [self._actor_code[a] for a in actor_ids if a in self._actor_code]
        counts = mentions_per_period(self._periods.codes, self._codes, self.mention_mask(), codes, len(self._periods))
        names = self.actors["name"].to_numpy()
        ids = self.actors["actor_id"].to_numpy()
        rows = [
            {"period": self._periods.starts[p], "actor_id": ids[code], "name": names[code], "n_mentions": int(counts[i, p])}
            for i, code in enumerate(codes) for p in np.flatnonzero(counts[i])
        ]
        return pd.DataFrame(rows, columns=["period", "actor_id", "name", "n_mentions"])

    def draw_context(self) -> None:
        if self.actor.value is None:
            self.context.value = "<p style='color:#555'>Choose an actor to read its mentions in context below.</p>"
            self.grid.show(pd.DataFrame(columns=list(COLUMNS)))
            self.grid.widget.layout.display = "none"  # an empty grid is only noise
            return
        self.grid.widget.layout.display = None
        rows = self.chosen_mentions()
        self.context.value = f"<p>{count_note(len(rows), min(len(rows), GRID_ROWS), 'mention')}</p>"
        self.grid.show(self.context_frame(rows.head(GRID_ROWS)))

    def context_frame(self, rows: pd.DataFrame) -> pd.DataFrame:
        """The grid's rows: the mention as written, its line in context, the headline and date."""
        lines = kwic.keyword_in_context(self._bodies, rows, width=70)
        return pd.DataFrame({
            "mention": lines["match"].to_numpy(),
            "in context": kwic.kwic_text(lines),
            "headline": rows["article_id"].map(self._headlines).to_numpy(),
            "date": dates_text(rows["article_id"].map(self._published)),
        }, columns=list(COLUMNS))
