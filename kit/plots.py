"""Charts of the analysis tables: plotly for exploring, matplotlib for print and slides.

Every chart is a plain function taking an :class:`kit.Analysis` (or the table it
needs) and returning a plotly ``Figure``; ``engine="matplotlib"`` returns a
matplotlib ``Figure`` drawn from the same data. Each chart's data comes from a
``*_table`` function you can call yourself to see the numbers behind the picture.

>>> import kit
>>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
>>> figure = kit.plots.top_actors(result, n=5)
>>> figure.layout.title.text
'Most mentioned actors'
>>> figure = kit.plots.top_actors(result, n=5, engine="matplotlib")
>>> type(figure).__name__
'Figure'

Labels drawn by plotly are HTML-escaped: plotly reads a small HTML subset in its
text, and a name like ``<img src=x onerror=...>`` must show as text.
"""

from __future__ import annotations

import html
import re
from typing import Iterable, Sequence

import networkx as nx
import numpy as np
import pandas as pd

from kit.tables import empty

ENGINES = ("plotly", "matplotlib")

#: Colours of actor kinds, shared by every chart so that a kind keeps its colour.
KIND_COLOURS = {
    "person": "#1c7ed6",
    "country": "#e8590c",
    "organization": "#2f9e44",
    "group": "#9c36b5",
    "anonymous": "#868e96",
    "place": "#c2255c",
    "unattributed": "#ced4da",
}
QUOTE_KIND_COLOURS = {"direct": "#1c7ed6", "partial": "#74c0fc", "mixed": "#9c36b5", "indirect": "#ffa94d"}
OTHER_COLOUR = "#495057"

#: The kit's plotly template: small on purpose. plotly's default template is large,
#: and re-validating it costs ~150 ms each time a widget's chart is redrawn.
TEMPLATE = {
    "layout": {
        "font": {"family": "Helvetica, Arial, sans-serif", "size": 13, "color": "#212529"},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "colorway": ["#1c7ed6", "#e8590c", "#2f9e44", "#9c36b5", "#f08c00", "#0c8599", "#c2255c", "#495057"],
        "xaxis": {"gridcolor": "#e9ecef", "zerolinecolor": "#ced4da", "automargin": True},
        "yaxis": {"gridcolor": "#e9ecef", "zerolinecolor": "#ced4da", "automargin": True},
        "hoverlabel": {"bgcolor": "white"},
        "margin": {"l": 10, "r": 10, "t": 50, "b": 40},
    }
}


# --- reading the inputs ------------------------------------------------------------------


def _table(data, name: str) -> pd.DataFrame:
    """``data.<name>`` for an Analysis, ``data[name]`` for a dict, ``data`` for a DataFrame."""
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, dict):
        return data.get(name, empty(name))
    table = getattr(data, name, None)
    if table is None:
        raise TypeError(f"expected a kit.Analysis or the {name!r} table, not {type(data).__name__}")
    return table


def _check_engine(engine: str) -> None:
    if engine not in ENGINES:
        raise ValueError(f"engine={engine!r}: use 'plotly' (interactive) or 'matplotlib' (print)")


def _label(value, engine: str) -> str:
    """Text as text: HTML-escaped for plotly; ``$`` escaped for matplotlib (it reads ``$…$`` as math)."""
    text = "" if value is None or (isinstance(value, float) and value != value) or value is pd.NA else str(value)
    return html.escape(text) if engine == "plotly" else text.replace("$", r"\$")


def _labels(values: Iterable, engine: str) -> list[str]:
    return [_label(value, engine) for value in values]


def _names(analysis) -> dict[str, str]:
    actors = _table(analysis, "actors")
    if len(actors) == 0:
        return {}
    return dict(zip(actors["actor_id"], actors["name"]))


def _new_figure(data=None):
    import plotly.graph_objects as go

    return go.Figure(data=data, layout={"template": TEMPLATE})


def empty_figure(message: str, title: str = "", engine: str = "plotly"):
    """A figure that says there is nothing to draw (an empty table must not raise)."""
    _check_engine(engine)
    if engine == "matplotlib":
        from matplotlib.figure import Figure

        figure = Figure(figsize=(6, 2))
        axes = figure.subplots()
        axes.axis("off")
        axes.text(0.5, 0.5, _label(message, engine), ha="center", va="center")
        axes.set_title(_label(title, engine))
        return figure
    import plotly.graph_objects as go

    figure = _new_figure()
    figure.update_layout(title=html.escape(title), xaxis_visible=False, yaxis_visible=False, height=220)
    figure.add_annotation(text=html.escape(message), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    return figure


def _matplotlib(figsize=(7, 4.5)):
    # A bare Figure, not pyplot: no global state, nothing kept alive between calls.
    from matplotlib.figure import Figure

    figure = Figure(figsize=figsize, layout="constrained")
    return figure, figure.subplots()


def _bars(frame: pd.DataFrame, x: str, y: str, title: str, xlabel: str, engine: str, colours: list[str],
          hover: list[str] | None = None):
    """Horizontal bars, largest on top."""
    if engine == "matplotlib":
        figure, axes = _matplotlib((7, max(2.5, 0.32 * len(frame) + 1)))
        positions = list(range(len(frame)))[::-1]
        axes.barh(positions, frame[x].tolist(), color=colours)
        axes.set_yticks(positions, _labels(frame[y], engine))
        axes.set_xlabel(xlabel)
        axes.set_title(_label(title, engine))
        return figure
    import plotly.graph_objects as go

    figure = _new_figure(go.Bar(
        x=frame[x].tolist(), y=_labels(frame[y], engine), orientation="h", marker_color=colours,
        hovertext=hover, hoverinfo="text+x" if hover else None,
    ))
    figure.update_layout(title=title, xaxis_title=xlabel, yaxis_autorange="reversed",
                         height=max(240, 22 * len(frame) + 90), margin=dict(l=10, r=10, t=50, b=40))
    return figure


# --- articles -----------------------------------------------------------------------------


def articles_over_time_table(data, freq: str = "MS", by: str | None = "outlet") -> pd.DataFrame:
    """Articles per period (and per ``by`` column): ``period``, ``by``, ``n_articles``.

    Articles without a ``published`` date are left out.
    """
    articles = _table(data, "articles")
    dated = articles[articles["published"].notna()]
    keys = [pd.Grouper(key="published", freq=freq)]
    if by and by in dated.columns:
        dated = dated.assign(**{by: dated[by].fillna("unknown")})
        keys.append(by)
    table = dated.groupby(keys).size().rename("n_articles").reset_index().rename(columns={"published": "period"})
    return table[table["n_articles"] > 0].reset_index(drop=True)


def articles_over_time(data, freq: str = "MS", by: str | None = "outlet", engine: str = "plotly"):
    """Articles per month (``freq`` takes any pandas frequency), one colour per outlet.

    >>> import kit
    >>> kit.plots.articles_over_time(kit.read_corpus("data/wire").articles).layout.title.text
    'Articles over time'
    """
    _check_engine(engine)
    title = "Articles over time"
    table = articles_over_time_table(data, freq=freq, by=by)
    if len(table) == 0:
        return empty_figure("No dated articles.", title, engine)
    groups = list(table.groupby(by)) if by in table.columns else [("articles", table)]
    if engine == "matplotlib":
        return _matplotlib_lines(groups, "n_articles", "articles", title, legend=len(groups) > 1)
    import plotly.graph_objects as go

    figure = _new_figure([
        go.Bar(x=_dates(group["period"]), y=group["n_articles"].tolist(), name=_label(name, engine))
        for name, group in groups
    ])
    figure.update_layout(title=title, barmode="stack", yaxis_title="articles", height=380, xaxis=_DATE_AXIS)
    return figure


# --- actors -------------------------------------------------------------------------------


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


def _matplotlib_lines(groups, column: str, label: str, title: str, *, legend: bool):
    """A static line chart of ``column`` per ``period``, one line per (name, group)."""
    figure, axes = _matplotlib()
    for name, group in groups:
        axes.plot(group["period"], group[column], marker="o", label=_label(name, "matplotlib"))
    axes.set_ylabel(label)
    axes.set_title(_label(title, "matplotlib"))
    if legend:
        axes.legend(fontsize="small")
    return figure


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


#: A time axis that reads as dates wherever the figure goes (a FigureWidget sends datetimes as numbers).
_DATE_AXIS = {"type": "date", "tickformat": "%b %Y", "hoverformat": "%Y-%m-%d", "title": {"text": "month"}}


def _dates(values) -> list[str]:
    """Periods as ISO dates (``2019-06-01``): plain strings survive any serialisation as dates."""
    return [d.strftime("%Y-%m-%d") for d in pd.to_datetime(pd.Series(values)).dt.tz_localize(None)]


# --- figures ------------------------------------------------------------------------------


def claims_table(data, counted: str | Sequence[str] | None = None) -> pd.DataFrame:
    """Figures about one counted thing, ready to compare: adds ``estimate``, ``lower``, ``upper``, ``headline``, ``published``.

    ``data`` is an Analysis (then ``counted`` picks figures whose ``counted``
    contains any of the given words) or a figures-like table already chosen
    (e.g. from ``kit.figures.claims_about``). ``estimate`` is the value, or the
    middle of the bounds when only bounds are known; ``lower``/``upper`` are the
    bounds where known, else the value.

    >>> import pandas as pd
    >>> figures = pd.DataFrame({"article_id": ["a", "b"], "value": [1000.0, None], "low": [None, 24.0],
    ...     "high": [None, 60.0], "counted": ["staff", "staff"], "text": ["about 1,000", "a few dozen"]})
    >>> claims_table(figures)[["estimate", "lower", "upper"]].values.tolist()
    [[1000.0, 1000.0, 1000.0], [42.0, 24.0, 60.0]]
    """
    figures = _table(data, "figures").copy()
    if counted is not None and len(figures):
        words = [counted] if isinstance(counted, str) else list(counted)
        pattern = "|".join(re.escape(word.lower()) for word in words)
        figures = figures[figures["counted"].fillna("").str.lower().str.contains(pattern, regex=True)]
    for column in ("value", "low", "high"):
        if column not in figures.columns:
            figures[column] = float("nan")
        figures[column] = pd.to_numeric(figures[column], errors="coerce")
    middle = figures[["low", "high"]].mean(axis=1)
    figures["estimate"] = figures["value"].fillna(middle)
    figures["lower"] = figures["low"].fillna(figures["estimate"])
    figures["upper"] = figures["high"].fillna(figures["estimate"])
    if not isinstance(data, pd.DataFrame) and hasattr(data, "articles") and "article_id" in figures.columns:
        articles = data.articles[["article_id", "headline", "published"]]
        figures = figures.drop(columns=[c for c in ("headline", "published") if c in figures.columns])
        figures = figures.merge(articles, on="article_id", how="left")
    return figures[figures["estimate"].notna()].reset_index(drop=True)


def figure_claims(data, counted: str | Sequence[str] | None = None, engine: str = "plotly"):
    """The claims about one counted thing across articles: a dot per claim, bounds as a range.

    Rows keep the order of the table given and are numbered by its index, so the
    chart reads beside the table above it; each row says what is counted. A claim
    with bounds ("between 24 and 60", "a few dozen") draws its range as an error
    bar around the middle; an open bound ("more than 50") draws a bar to the known
    side only. Hover shows the headline.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> kit.plots.figure_claims(result, "staff").layout.title.text
    'Claims about staff'
    """
    _check_engine(engine)
    if isinstance(counted, str):
        subject = counted
    elif counted:
        subject = ", ".join(counted)
    else:
        subject = "the counted things"
    title = f"Claims about {subject}"
    figures = _table(data, "figures")
    numbers = figures.index if isinstance(data, pd.DataFrame) else pd.RangeIndex(len(figures))
    table = claims_table(data.assign(_row=list(numbers)) if isinstance(data, pd.DataFrame) else data, counted)
    if len(table) == 0:
        return empty_figure("No figures with a value about this.", title, engine)
    row_numbers = table["_row"] if "_row" in table.columns else pd.Series(range(len(table)))
    texts = table["text"].astype("object").where(table["text"].notna(), "")
    what = table["counted"].astype("object").where(table["counted"].notna(), "?") if "counted" in table else ["?"] * len(table)
    rows = [f"{number}. {text} — {thing}" for number, text, thing in zip(row_numbers, texts, what)]
    minus = (table["estimate"] - table["lower"]).tolist()
    plus = (table["upper"] - table["estimate"]).tolist()
    if engine == "matplotlib":
        figure, axes = _matplotlib((7, max(2.5, 0.35 * len(table) + 1)))
        axes.errorbar(table["estimate"], range(len(table)), xerr=[minus, plus], fmt="o", capsize=4)
        axes.set_yticks(range(len(table)), _labels(rows, engine))
        axes.invert_yaxis()
        axes.set_xlabel("value")
        if table["upper"].max() > 0 and table["upper"].max() / max(table["lower"].min(), 1e-9) > 1000:
            axes.set_xscale("log")
        axes.set_title(_label(title, engine))
        return figure
    import plotly.graph_objects as go

    headlines = table["headline"] if "headline" in table.columns else table.get("article_id", pd.Series([""] * len(table)))
    headlines = headlines.astype("object").where(headlines.notna(), "")
    hover = [html.escape(f"{row}: {headline}") for row, headline in zip(rows, headlines)]
    figure = _new_figure(go.Scatter(
        x=table["estimate"].tolist(), y=_labels(rows, "plotly"), mode="markers", hovertext=hover, hoverinfo="text+x",
        error_x=dict(type="data", symmetric=False, array=plus, arrayminus=minus, thickness=2, width=6),
        marker=dict(size=10),
    ))
    figure.update_layout(title=html.escape(title), xaxis_title="value (dot: the figure or the middle of its bounds; "
                         "bar: its bounds)", yaxis_autorange="reversed", height=max(260, 28 * len(table) + 120))
    return figure


def figure_values(data, kind: str | None = None, engine: str = "plotly", max_points: int = 1000):
    """Every figure's value (or the middle of its bounds) by kind, on a log scale.

    Beyond ``max_points`` figures, a random sample (fixed seed: the same picture every
    time) is drawn and the title says so; a browser draws 100,000 dots slowly.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> kit.plots.figure_values(result).layout.title.text
    'Values of the figures'
    """
    _check_engine(engine)
    table = claims_table(_table(data, "figures"))
    if kind is not None:
        table = table[table["kind"] == kind]
    table = table[table["estimate"] > 0]
    total = len(table)
    if total > max_points:
        table = table.sample(max_points, random_state=0)
    return draw_figure_values(table, total=total, engine=engine)


def draw_figure_values(table: pd.DataFrame, total: int | None = None, engine: str = "plotly"):
    """Dots of ``estimate`` by ``kind`` (a :func:`claims_table`); ``total`` > rows means a sample is drawn."""
    _check_engine(engine)
    title = "Values of the figures"
    table = table[table["estimate"] > 0]
    if len(table) == 0:
        return empty_figure("No positive values to show.", title, engine)
    if total is not None and total > len(table):
        title += f" (a sample of {len(table):,} of the {total:,} above zero)"
    table = table.assign(kind=table["kind"].astype("object").fillna("unknown"))
    groups = list(table.groupby("kind"))
    if engine == "matplotlib":
        figure, axes = _matplotlib()
        for i, (name, group) in enumerate(groups):
            axes.scatter(group["estimate"], [i] * len(group), alpha=0.5, label=_label(name, engine))
        axes.set_yticks(range(len(groups)), _labels([name for name, _ in groups], engine))
        axes.set_xscale("log")
        axes.set_xlabel("value (log scale)")
        axes.set_title(_label(title, engine))
        return figure
    import plotly.graph_objects as go

    figure = _new_figure([
        go.Box(x=group["estimate"].to_numpy(), name=_label(name, engine), boxpoints="all", jitter=0.5, pointpos=0,
               hovertext=np.array(_labels((group["text"].fillna("") + " — " + group["counted"].fillna("")).tolist(), engine)),
               hoverinfo="text+x", fillcolor="rgba(0,0,0,0)", line=dict(width=1))
        for name, group in groups
    ])
    figure.update_layout(title=title, xaxis_type="log", xaxis_title="value (log scale)", showlegend=False,
                         height=max(260, 60 * len(groups) + 120))
    return figure


# --- quotes -------------------------------------------------------------------------------


def quote_speakers(analysis) -> pd.DataFrame:
    """The quotes with who said them: adds ``name``, ``speaker_kind``, ``country`` and ``group``.

    ``group`` is the actor's name, ``"anonymous source"`` for an anonymous actor,
    :data:`kit.quotes.UNRESOLVED` when the speaker is not resolved to an actor and
    :data:`kit.quotes.NO_SPEAKER` when the quote has none (``speaker_kind`` says the same).
    """
    from kit.quotes import NO_SPEAKER, UNRESOLVED

    quotes = _table(analysis, "quotes")
    if {"group", "speaker_kind"} <= set(quotes.columns):
        return quotes  # already joined (an explorer's selection): joining again costs time on big corpora
    actors = _table(analysis, "actors")
    columns = ["actor_id", "name", "kind", "country"]
    lookup = actors[[c for c in columns if c in actors.columns]].drop_duplicates("actor_id")
    lookup = lookup.rename(columns={"kind": "speaker_kind"})
    joined = quotes.drop(columns=[c for c in ("name", "speaker_kind", "country") if c in quotes.columns])
    joined = joined.merge(lookup, on="actor_id", how="left")
    kind = joined["speaker_kind"].astype("object")
    named = joined["name"].astype("object")
    group = named.where(named.notna(), None)
    group = group.mask(kind == "anonymous", "anonymous source")
    spoken = joined["speaker"].notna() if "speaker" in joined.columns else pd.Series(False, index=joined.index)
    missing = np.where(spoken.to_numpy(dtype=bool), UNRESOLVED, NO_SPEAKER)
    group = group.mask(group.isna(), pd.Series(missing, index=joined.index))
    joined["speaker_kind"] = kind.mask(kind.isna(), pd.Series(missing, index=joined.index))
    joined["group"] = group
    return joined


def quote_shares_table(analysis, n: int = 15) -> pd.DataFrame:
    """Quotes per speaker: ``group``, ``speaker_kind``, ``n_quotes``, ``share``, ``named``.

    The ``n`` most quoted named speakers (``named`` True), then anonymous sources as one
    row, the quotes whose speaker is not resolved and those with no speaker (the
    labels of :mod:`kit.quotes`), and the other named speakers summed as one
    ``other`` row. ``share`` is of all quotes.
    """
    from kit.quotes import NO_SPEAKER, UNRESOLVED

    joined = quote_speakers(analysis)
    if len(joined) == 0:
        return pd.DataFrame(columns=["group", "speaker_kind", "n_quotes", "share"])
    counts = (joined.groupby(["group", "speaker_kind"], observed=True).size().rename("n_quotes").reset_index()
              .sort_values(["n_quotes", "group"], ascending=[False, True]))
    counts = counts.astype({"group": "object", "speaker_kind": "object"})
    special = counts["group"].isin(["anonymous source", UNRESOLVED, NO_SPEAKER])
    named, kept_special = counts[~special], counts[special]
    top = named.head(n)
    rest = named.iloc[n:]
    parts = [top, kept_special]
    if len(rest):
        parts.append(pd.DataFrame([{"group": f"other ({len(rest)} speakers)", "speaker_kind": "other",
                                    "n_quotes": int(rest["n_quotes"].sum())}]))
    table = pd.concat([p for p in parts if len(p)], ignore_index=True)
    table["share"] = table["n_quotes"] / len(joined)
    table["named"] = ~table["group"].isin(["anonymous source", UNRESOLVED, NO_SPEAKER]) & (table["speaker_kind"] != "other")
    return table.reset_index(drop=True)


def anonymous_share(analysis) -> float:
    """Share of the quotes with a speaker whose speaker is an anonymous source.

    The same measure as :func:`kit.quotes.anonymous_share` ("a senior US official",
    "sources" among quotes that name a speaker); 0.0 when no quote has a speaker.
    """
    joined = quote_speakers(analysis)
    if len(joined) == 0 or "speaker" not in joined.columns:
        return 0.0
    with_speaker = joined["speaker"].notna().to_numpy()
    if not with_speaker.any():
        return 0.0
    anonymous = (joined["group"] == "anonymous source").to_numpy(dtype=bool)
    return float((anonymous & with_speaker).sum() / with_speaker.sum())


def quote_shares(analysis, n: int = 15, engine: str = "plotly"):
    """Who is quoted: quotes per speaker's actor, anonymous sources and unattributed quotes apart.

    The title gives the anonymous share of the quotes with a speaker.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> kit.plots.quote_shares(result).layout.title.text.startswith("Who is quoted")
    True
    """
    _check_engine(engine)
    joined = quote_speakers(analysis)  # joined once, for both the table and the share
    return draw_quote_shares(quote_shares_table(joined, n=n), anonymous_share(joined), engine=engine)


def draw_quote_shares(table: pd.DataFrame, share: float, engine: str = "plotly"):
    """Bars of the named speakers (and anonymous sources) of :func:`quote_shares_table`.

    The anonymous ``share`` is in the title; the quotes not drawn (speaker not
    resolved, no speaker, other speakers) are counted under the axis, labelled as
    everywhere else.
    """
    _check_engine(engine)
    title = f"Who is quoted (anonymous sources: {share:.0%} of quotes with a speaker)"
    if len(table) == 0:
        return empty_figure("No quotes.", "Who is quoted", engine)
    named = table["named"] if "named" in table.columns else pd.Series(True, index=table.index)
    drawn = table[named.to_numpy(dtype=bool) | (table["group"] == "anonymous source").to_numpy(dtype=bool)]
    left = table.drop(drawn.index)
    said = "; ".join(f"{g}: {int(q):,}" for g, q in zip(left["group"], left["n_quotes"]))
    xlabel = f"quotes (not drawn: {said})" if said else "quotes"
    if len(drawn) == 0:
        return empty_figure(f"No quote has a named speaker. {said}", "Who is quoted", engine)
    colours = [KIND_COLOURS.get(k, OTHER_COLOUR) for k in drawn["speaker_kind"]]
    hover = [html.escape(f"{g}: {q} quotes ({s:.0%})") for g, q, s in zip(drawn["group"], drawn["n_quotes"], drawn["share"])]
    return _bars(drawn, "n_quotes", "group", title, _label(xlabel, engine), engine, colours, hover)


def quotes_by_kind_table(analysis, by: str | None = None) -> pd.DataFrame:
    """Quotes per kind (direct, partial, mixed, indirect), optionally per speaker kind (``by="speaker_kind"``)."""
    joined = quote_speakers(analysis)
    keys = ["kind"] + ([by] if by else [])
    if len(joined) == 0:
        return pd.DataFrame(columns=keys + ["n_quotes"])
    joined = joined[keys].astype("object").fillna({"kind": "unknown"})
    table = joined.groupby(keys).size().rename("n_quotes").reset_index()
    return table.sort_values("n_quotes", ascending=False).reset_index(drop=True)


def quotes_by_kind(analysis, engine: str = "plotly"):
    """How the corpus quotes: direct, partial, mixed and indirect quotes, stacked by who speaks.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> kit.plots.quotes_by_kind(result).layout.title.text
    'Quotes by kind'
    """
    _check_engine(engine)
    return draw_quotes_by_kind(quotes_by_kind_table(analysis, by="speaker_kind"), engine=engine)


def draw_quotes_by_kind(table: pd.DataFrame, engine: str = "plotly"):
    """Stacked bars of :func:`quotes_by_kind_table` (with ``by="speaker_kind"``)."""
    _check_engine(engine)
    title = "Quotes by kind"
    if len(table) == 0:
        return empty_figure("No quotes.", title, engine)
    order = ["direct", "partial", "mixed", "indirect"]
    kinds = [k for k in order if k in set(table["kind"])] + sorted(set(table["kind"]) - set(order))
    pivot = table.groupby(["kind", "speaker_kind"])["n_quotes"].sum().unstack(fill_value=0).reindex(kinds)
    if engine == "matplotlib":
        figure, axes = _matplotlib()
        bottom = [0] * len(kinds)
        for speaker_kind in pivot.columns:
            values = pivot[speaker_kind].tolist()
            axes.bar(_labels(kinds, engine), values, bottom=bottom, label=_label(speaker_kind, engine),
                     color=KIND_COLOURS.get(speaker_kind, OTHER_COLOUR))
            bottom = [b + v for b, v in zip(bottom, values)]
        axes.set_ylabel("quotes")
        axes.legend(title="speaker", fontsize="small")
        axes.set_title(title)
        return figure
    import plotly.graph_objects as go

    figure = _new_figure([
        go.Bar(x=kinds, y=pivot[speaker_kind].tolist(), name=_label(speaker_kind, engine),
               marker_color=KIND_COLOURS.get(speaker_kind, OTHER_COLOUR))
        for speaker_kind in pivot.columns
    ])
    figure.update_layout(title=title, barmode="stack", yaxis_title="quotes", legend_title="speaker", height=380)
    return figure
