"""Charts of who is quoted: quotes per speaker, the anonymous share, quotes by kind."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd

from kit.plots.base import (
    KIND_COLOURS, OTHER_COLOUR, _bars, _check_engine, _label, _labels, _matplotlib, _new_figure,
    _table, empty_figure,
)


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
