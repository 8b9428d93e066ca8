"""Figures tables for notebooks: claims about a thing, a summary per article, who claims what.

These take tables (or an :class:`~kit.analysis.Analysis`) and give tables; never a Doc.
"""

from __future__ import annotations

import re
from typing import Iterable

import pandas as pd

from kit.figures.find import KINDS, extract
from kit.figures.numbers import VAGUE


def vague_quantities() -> pd.DataFrame:
    """The numbers the kit assigns to vague quantities, as a table (``kit.numbers.VAGUE``).

    >>> table = vague_quantities().set_index("words")
    >>> table.loc["a few dozen", ["low", "high"]].tolist()
    [24.0, 60.0]
    """
    return pd.DataFrame([{"words": words, "low": float(low), "high": float(high)}
                         for words, (low, high) in VAGUE.items()])



def _singular(word: str) -> str:
    # A light singulariser, enough to match "technician" with "technicians" without a
    # second spaCy call: plural nouns in news are overwhelmingly regular.
    word = word.lower()
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word



def _words(text) -> set[str]:
    if not isinstance(text, str):
        return set()
    return {_singular(w) for w in re.findall(r"[\w'.-]+", text)}



def claims_about(analysis_or_figures, terms: Iterable[str] | str, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every figure whose counted noun contains one of ``terms``, with its article's date and source.

    Matching is case-insensitive and ignores plural endings ("technician" finds
    "military technicians"). Accepts an :class:`~kit.analysis.Analysis` or a figures
    table (then pass ``articles`` for headline, date and outlet).

    >>> figures = extract("It cut its staff to a few dozen. Some 100 technicians left.")
    >>> claims_about(figures, ["staff", "technician"])[["text", "counted"]].values.tolist()
    [['a few dozen', 'staff'], ['Some 100', 'technicians']]
    """
    if hasattr(analysis_or_figures, "figures"):
        figures = analysis_or_figures.figures
        articles = analysis_or_figures.articles if articles is None else articles
    else:
        figures = analysis_or_figures
    if isinstance(terms, str):
        terms = [terms]
    wanted = {_singular(t) for term in terms for t in term.split()}
    mask = figures["counted"].map(lambda counted: bool(_words(counted) & wanted)) if len(figures) else []
    found = figures[mask].copy() if len(figures) else figures.copy()
    if articles is not None and len(found):
        columns = [c for c in ("article_id", "published", "headline", "outlet", "source") if c in articles.columns]
        found = found.merge(articles[columns], on="article_id", how="left")
        if "published" in found.columns:
            found = found.sort_values(["published", "article_id", "start"], kind="stable")
    return found.reset_index(drop=True)



def summarize_figures(figures: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per article: how many figures of each kind, how many hedged, the most counted thing.

    >>> import pandas as pd
    >>> figures = extract("About 100 experts came. 40% of them left.").assign(article_id="a1")
    >>> summarize_figures(figures)[["article_id", "n_figures", "n_count", "n_percent", "n_hedged"]].values.tolist()
    [['a1', 2, 1, 1, 1]]
    """
    columns = ["article_id", "n_figures"] + [f"n_{kind}" for kind in KINDS] + \
              ["n_hedged", "n_vague", "n_ellipsis", "largest_count", "largest_count_of", "most_counted"]
    rows = []
    for article_id, group in figures.groupby("article_id", sort=False):
        counts = group[group.kind == "count"]
        best = counts.assign(size=counts.value.fillna(counts.high)).sort_values("size", ascending=False).head(1)
        counted = group.counted.dropna().map(lambda c: " ".join(sorted(_words(c))))
        rows.append({
            "article_id": article_id,
            "n_figures": len(group),
            **{f"n_{kind}": int((group.kind == kind).sum()) for kind in KINDS},
            "n_hedged": int(group.approx.notna().sum()),
            "n_vague": int((group.value.isna() & group.low.notna() & group.high.notna()).sum()),
            "n_ellipsis": int((group.counted_how == "ellipsis").sum()),
            "largest_count": float(best["size"].iloc[0]) if len(best) else None,
            "largest_count_of": best.counted.iloc[0] if len(best) else None,
            "most_counted": group.counted.dropna().iloc[counted.reset_index(drop=True).map(
                counted.value_counts()).values.argmax()] if len(counted) else None,
        })
    summary = pd.DataFrame(rows, columns=columns)
    if articles is not None and len(summary):
        extra = [c for c in ("article_id", "published", "headline", "outlet") if c in articles.columns]
        summary = articles[extra].merge(summary, on="article_id", how="right")
    return summary



def claimed_by(analysis, quotes: pd.DataFrame | None = None, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Who puts each figure forward: the quote it sits in (if any) and that quote's speaker.

    One row per figure (all the figures table's columns) plus ``quote_start``,
    ``quote_end``, ``quote_kind`` (the quote's kind, or ``"reporter"`` when the figure
    is in no quote: the reporter's own claim), ``speaker`` (the speaker's words in the
    article; missing for the reporter), ``speaker_actor_id``, ``speaker_name`` (the
    actor's canonical name from the actors table) and ``cue`` (the reporting verb).
    A figure inside nested or overlapping quotes belongs to the shortest one (the
    innermost voice). Accepts an :class:`~kit.analysis.Analysis`, or a figures table
    with ``quotes`` (and optionally ``actors``) passed by keyword.

    >>> figures = pd.DataFrame({"article_id": ["a", "a"], "start": [10, 60], "end": [20, 70],
    ...                         "text": ["about 1,000", "around 100"]})
    >>> quotes = pd.DataFrame({"article_id": ["a"], "start": [0], "end": [40], "kind": ["indirect"],
    ...     "speaker": ["The Wall Street Journal"], "actor_id": ["wall-street-journal"], "cue": ["reported"]})
    >>> claimed_by(figures, quotes=quotes)[["text", "quote_kind", "speaker"]].values.tolist()
    [['about 1,000', 'indirect', 'The Wall Street Journal'], ['around 100', 'reporter', <NA>]]
    """
    if hasattr(analysis, "figures"):
        figures = analysis.figures
        quotes = analysis.quotes if quotes is None else quotes
        actors = getattr(analysis, "actors", None) if actors is None else actors
    else:
        figures = analysis
    if quotes is None:
        raise ValueError("claimed_by needs the quotes table: pass an Analysis or quotes=...")
    figures = figures.reset_index(drop=True)
    wanted = ["article_id", "start", "end", "kind", "speaker", "actor_id", "cue"]
    spans = quotes[[c for c in wanted if c in quotes.columns]].rename(columns={
        "start": "quote_start", "end": "quote_end", "kind": "quote_kind", "actor_id": "speaker_actor_id"})
    # One join on article_id, then keep the quotes that contain the figure: quotes per
    # article are few, so the pairs stay small and the test is vectorised.
    pairs = figures[["article_id", "start", "end"]].reset_index(names="figure").merge(spans, on="article_id")
    inside = pairs[(pairs["quote_start"] <= pairs["start"]) & (pairs["end"] <= pairs["quote_end"])]
    inside = inside.assign(length=inside["quote_end"] - inside["quote_start"])
    innermost = inside.sort_values(["figure", "length"], kind="stable").drop_duplicates("figure")
    columns = [c for c in spans.columns if c != "article_id"]
    found = figures.join(innermost.set_index("figure")[columns])
    for column in ("quote_kind", "speaker", "speaker_actor_id", "cue"):
        if column not in found.columns:
            found[column] = pd.NA
        found[column] = found[column].astype("string")
    for column in ("quote_start", "quote_end"):
        found[column] = found[column].astype("Int64")
    found["quote_kind"] = found["quote_kind"].fillna("reporter")
    names = {}
    if actors is not None and len(actors):
        names = dict(zip(actors["actor_id"], actors["name"]))
    found["speaker_name"] = found["speaker_actor_id"].map(names, na_action="ignore").astype("string")
    return found
