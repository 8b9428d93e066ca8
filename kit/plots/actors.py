"""Charts of who is mentioned: the top actors, their co-mention network, mentions over time."""

from __future__ import annotations

import html
from typing import Sequence

import networkx as nx
import pandas as pd

from kit.plots.base import (
    KIND_COLOURS, OTHER_COLOUR, _DATE_AXIS, _bars, _check_engine, _dates, _label, _matplotlib,
    _matplotlib_lines, _names, _new_figure, _table, empty_figure,
)


def top_actors_table(data, n: int = 20, by: str = "mentions", kind: str | None = None) -> pd.DataFrame:
    """The ``n`` most mentioned actors (places left out unless ``kind="place"``).

    Same ranking as :func:`kit.actors.top_actors`.
    """
    from kit.actors import top_actors as rank

    return rank(_table(data, "actors"), by=by, kind=kind, n=n)


def top_actors(data, n: int = 20, by: str = "mentions", kind: str | None = None, engine: str = "plotly"):
    """Bars of the most mentioned actors, coloured by kind; hover shows country and articles.

    ``by="articles"`` ranks by the number of articles instead of mentions.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> kit.plots.top_actors(result, n=3).data[0].y[0]
    'Russia'
    """
    _check_engine(engine)
    title = "Most mentioned actors" if by == "mentions" else "Actors in the most articles"
    table = top_actors_table(data, n=n, by=by, kind=kind)
    if len(table) == 0:
        return empty_figure("No actors to show.", title, engine)
    column = "n_mentions" if by == "mentions" else "n_articles"
    colours = [KIND_COLOURS.get(k, OTHER_COLOUR) for k in table["kind"]]
    hover = [
        html.escape(f"{name} ({kind}{', ' + country if isinstance(country, str) else ''}): "
                    f"{m} mentions in {a} articles")
        for name, kind, country, m, a in zip(table["name"], table["kind"], table["country"],
                                             table["n_mentions"], table["n_articles"])
    ]
    return _bars(table, column, "name", title, "mentions" if by == "mentions" else "articles", engine, colours, hover)


def _mentions_with_names(analysis) -> pd.DataFrame:
    mentions = _table(analysis, "mentions")
    names = _names(analysis)
    if "name" not in mentions.columns:
        mentions = mentions.assign(name=mentions["actor_id"].map(names).fillna(mentions["text"]))
    return mentions


def actor_graph(analysis, n: int = 30, min_weight: int = 1, level: str = "sentence") -> nx.Graph:
    """The co-occurrence graph (:func:`kit.network.cooccurrence_graph`) cut to the ``n`` most mentioned actors."""
    from kit.network import cooccurrence_graph

    mentions = _mentions_with_names(analysis)
    if len(mentions) == 0:
        return nx.Graph()
    kept = mentions.loc[mentions["kind"] != "place", "actor_id"].value_counts().index[:n]
    graph = cooccurrence_graph(mentions[mentions["actor_id"].isin(kept)], level=level, min_weight=min_weight)
    return graph


def actor_network(analysis, n: int = 30, min_weight: int = 1, level: str = "sentence", engine: str = "plotly",
                  seed: int = 0):
    """The actors mentioned together (in one sentence, or ``level="article"``), drawn as a network.

    Node size follows mentions, edge width the number of shared sentences; edges
    lighter than ``min_weight`` are dropped, and so are actors left with no edge.
    The layout is networkx's spring layout with a fixed ``seed``: the same data
    always gives the same picture.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> kit.plots.actor_network(result).layout.title.text
    'Actors mentioned together'
    """
    _check_engine(engine)
    title = "Actors mentioned together"
    graph = actor_graph(analysis, n=n, min_weight=min_weight, level=level)
    graph.remove_nodes_from([node for node, degree in dict(graph.degree()).items() if degree == 0])
    if graph.number_of_nodes() == 0:
        return empty_figure("No actors are mentioned together.", title, engine)
    return draw_network(graph, title=title, engine=engine, seed=seed)


#: How many of a network's nodes carry a label (the most mentioned); the others show theirs on hover.
NETWORK_LABELS = 12


def draw_network(graph: nx.Graph, title: str = "", engine: str = "plotly", seed: int = 0, labels: int = NETWORK_LABELS):
    """Draw a graph whose nodes carry ``name``, ``kind``, ``n_mentions`` and edges ``weight``.

    The largest connected part fills the picture, smaller parts sit in a row below
    (:func:`kit.network.spread_layout`); the ``labels`` most mentioned nodes are
    named, the others on hover; one legend entry per actor kind.
    """
    from kit.network import spread_layout

    positions = spread_layout(graph, seed=seed)
    nodes = list(graph.nodes)
    largest = max((graph.nodes[v].get("n_mentions", 1) for v in nodes), default=1) or 1
    size = {v: 10 + 30 * (graph.nodes[v].get("n_mentions", 1) / largest) ** 0.5 for v in nodes}
    kind = {v: graph.nodes[v].get("kind") or "unknown" for v in nodes}
    name = {v: graph.nodes[v].get("name", v) for v in nodes}
    labelled = set(sorted(nodes, key=lambda v: (-graph.nodes[v].get("n_mentions", 0), str(name[v])))[:labels])
    heaviest = max((d.get("weight", 1) for _, _, d in graph.edges(data=True)), default=1) or 1
    kinds = sorted(set(kind.values()), key=lambda k: (list(KIND_COLOURS).index(k) if k in KIND_COLOURS else 99, k))
    if engine == "matplotlib":
        figure, axes = _matplotlib((8, 6))
        for a, b, data in graph.edges(data=True):
            axes.plot(*zip(positions[a], positions[b]), color="#adb5bd", zorder=1,
                      linewidth=0.5 + 4 * data.get("weight", 1) / heaviest)
        for k in kinds:
            members = [v for v in nodes if kind[v] == k]
            axes.scatter([positions[v][0] for v in members], [positions[v][1] for v in members], zorder=2,
                         s=[size[v] ** 2 / 2 for v in members], c=KIND_COLOURS.get(k, OTHER_COLOUR), label=_label(k, engine))
        for v in labelled:
            axes.annotate(_label(name[v], engine), positions[v], fontsize=8, ha="center", va="bottom", xytext=(0, 6),
                          textcoords="offset points")
        axes.legend(title="kind", fontsize="small", loc="upper right")
        axes.axis("off")
        axes.set_title(_label(title, engine))
        return figure
    import plotly.graph_objects as go

    traces = []
    # One trace per width class keeps the figure small (plotly draws one width per trace).
    by_width: dict[float, tuple[list, list]] = {}
    for a, b, data in graph.edges(data=True):
        width = 0.5 + round(4 * data.get("weight", 1) / heaviest)  # five width classes at most
        xs, ys = by_width.setdefault(width, ([], []))
        xs += [positions[a][0], positions[b][0], None]
        ys += [positions[a][1], positions[b][1], None]
    for width, (xs, ys) in sorted(by_width.items()):
        traces.append(go.Scatter(x=xs, y=ys, mode="lines", line=dict(width=width, color="#adb5bd"),
                                 hoverinfo="skip", showlegend=False))
    for k in kinds:
        members = [v for v in nodes if kind[v] == k]
        hover = [html.escape(f"{name[v]} ({k}): {graph.nodes[v].get('n_mentions', 0)} mentions, "
                             f"{graph.degree(v)} partners") for v in members]
        traces.append(go.Scatter(
            x=[positions[v][0] for v in members], y=[positions[v][1] for v in members], mode="markers+text",
            text=[_label(name[v], "plotly") if v in labelled else "" for v in members], textposition="top center",
            hovertext=hover, hoverinfo="text", name=_label(k, "plotly"), customdata=members,
            marker=dict(size=[size[v] for v in members], color=KIND_COLOURS.get(k, OTHER_COLOUR),
                        line=dict(width=1, color="white")),
        ))
    figure = _new_figure(traces)
    figure.update_layout(title=title, xaxis_visible=False, yaxis_visible=False, height=420,
                         margin=dict(l=10, r=10, t=50, b=10), hovermode="closest",
                         legend=dict(title="kind", orientation="h", y=-0.02),
                         xaxis_range=[-0.08, 1.08], yaxis_range=[-0.06, 1.08])
    return figure


def mentions_over_time_table(analysis, actors: Sequence[str] | None = None, n: int = 5, freq: str = "W") -> pd.DataFrame:
    """Mentions per period of the given actor_ids (default: the ``n`` most mentioned); see :func:`kit.actors.mentions_over_time`."""
    from kit.actors import mentions_over_time as per_period

    return per_period(_mentions_with_names(analysis), _table(analysis, "articles"), freq=freq,
                      actors=list(actors) if actors is not None else None, n=n)


def mentions_over_time(analysis, actors: Sequence[str] | None = None, n: int = 5, freq: str = "MS",
                       engine: str = "plotly"):
    """Mentions per period (``freq``: "D", "W", "MS", "QS"...) of a few actors, one line each.

    ``actors`` names actor_ids; by default the ``n`` most mentioned are drawn.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> kit.plots.mentions_over_time(result, n=3).layout.title.text
    'Mentions over time'
    """
    _check_engine(engine)
    return draw_over_time(mentions_over_time_table(analysis, actors=actors, n=n, freq=freq), engine=engine)


def draw_over_time(table: pd.DataFrame, title: str = "Mentions over time", engine: str = "plotly"):
    """Lines of ``n_mentions`` per ``period``, one per ``name`` (the table of :func:`mentions_over_time_table`)."""
    _check_engine(engine)
    if len(table) == 0:
        return empty_figure("No dated mentions.", title, engine)
    groups = list(table.groupby("name", sort=False))
    if engine == "matplotlib":
        return _matplotlib_lines(groups, "n_mentions", "mentions", title, legend=True)
    import plotly.graph_objects as go

    figure = _new_figure([
        go.Scatter(x=_dates(group["period"]), y=group["n_mentions"].tolist(), mode="lines+markers",
                   name=_label(name, engine))
        for name, group in groups
    ])
    figure.update_layout(title=title, yaxis_title="mentions", height=380, xaxis=_DATE_AXIS)
    return figure


