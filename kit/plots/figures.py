"""Charts of the figures: claims about one counted thing, and every value on a log scale."""

from __future__ import annotations

import html
import re
from typing import Sequence

import numpy as np
import pandas as pd

from kit.plots.base import _check_engine, _label, _labels, _matplotlib, _new_figure, _table, empty_figure


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
