"""The plots' common parts: engines, colours, the small plotly template, labels, bars and time axes,
and the articles-over-time chart every question starts from."""

from __future__ import annotations

import html
from typing import Iterable

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



# --- time axes ----------------------------------------------------------------------------


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



#: A time axis that reads as dates wherever the figure goes (a FigureWidget sends datetimes as numbers).
_DATE_AXIS = {"type": "date", "tickformat": "%b %Y", "hoverformat": "%Y-%m-%d", "title": {"text": "month"}}


def _dates(values) -> list[str]:
    """Periods as ISO dates (``2019-06-01``): plain strings survive any serialisation as dates."""
    return [d.strftime("%Y-%m-%d") for d in pd.to_datetime(pd.Series(values)).dt.tz_localize(None)]

