"""Explore: tables -> tables for notebooks, plots and widgets (never a Doc).

Who is quoted how often and how (:func:`quoted_actors`), how many quotes come from
anonymous sources (:func:`anonymous_share`), and the quotes of each article
(:func:`quotes_per_article`). Each accepts a :class:`kit.Analysis` or a dict of its
tables (:func:`table_of`).
"""

from __future__ import annotations

import pandas as pd

from kit.tables import table_of

KINDS = ("direct", "partial", "mixed", "indirect")
NO_SPEAKER = "(no speaker)"
UNRESOLVED = "(speaker not resolved)"


def quoted_actors(analysis, by: str = "actor") -> pd.DataFrame:
    """Who is quoted how often: one row per actor (or actor kind, or country), with the
    number of quotes of each kind and of articles, most quoted first.

    ``by="actor"`` lists resolved speakers only; ``by="kind"`` and ``by="country"`` also
    count quotes whose speaker was not resolved to an actor, and quotes with no speaker.
    Accepts a :class:`kit.Analysis` or a dict of its tables.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> top = quoted_actors(result)
    >>> [int(n) for n in top.set_index("name").loc["Sergei Ryabkov", ["n_quotes", "partial", "indirect"]]]
    [3, 2, 1]
    """
    if by not in ("actor", "kind", "country"):
        raise ValueError(f"quoted_actors(by={by!r}): use by='actor', by='kind' or by='country'")
    quotes, actors = table_of(analysis, "quotes"), table_of(analysis, "actors")
    frame = quotes.merge(actors[["actor_id", "name", "kind", "country"]].rename(columns={"kind": "actor_kind"}),
                         on="actor_id", how="left")
    resolved = frame["name"].notna()
    if by == "actor":
        frame = frame[resolved]
        keys = ["actor_id", "name", "actor_kind", "country"]
    else:
        column = "actor_kind" if by == "kind" else "country"
        label = frame[column].astype("object")
        label = label.where(resolved, UNRESOLVED).where(frame["speaker"].notna(), NO_SPEAKER)
        if by == "country":
            label = label.where(label.notna(), "(no country)")
        frame = frame.assign(**{column: label})
        keys = [column]
    frame = frame.assign(**{kind: (frame["kind"] == kind).astype("int64") for kind in KINDS})
    out = (
        frame.groupby(keys, dropna=False)
        .agg(n_quotes=("kind", "size"), **{kind: (kind, "sum") for kind in KINDS}, n_articles=("article_id", "nunique"))
        .reset_index()
        .rename(columns={"actor_kind": "kind"})
    )
    name_column = "name" if by == "actor" else out.columns[0]
    return out.sort_values(["n_quotes", name_column], ascending=[False, True]).reset_index(drop=True)


def anonymous_share(analysis) -> float:
    """The share of attributed quotes whose speaker is an anonymous source ("a senior US
    official", "sources"), among quotes with a speaker; 0.0 when there are none.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> round(anonymous_share(result), 2)
    0.06
    """
    quotes, actors = table_of(analysis, "quotes"), table_of(analysis, "actors")
    with_speaker = quotes[quotes["speaker"].notna()]
    if not len(with_speaker):
        return 0.0
    kinds = with_speaker["actor_id"].map(dict(zip(actors["actor_id"], actors["kind"])))
    return float((kinds == "anonymous").sum() / len(with_speaker))


def quotes_per_article(analysis) -> pd.DataFrame:
    """Per article: how many quotes of each kind, how many distinct speakers, and how many
    quotes have no resolved speaker. Articles without quotes are listed with zeros.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> quotes_per_article(result)[["n_quotes", "direct", "indirect"]].values.tolist()
    [[17, 2, 9]]
    """
    quotes, articles = table_of(analysis, "quotes"), table_of(analysis, "articles")
    counts = pd.crosstab(quotes["article_id"], quotes["kind"]) if len(quotes) else pd.DataFrame()
    out = articles[["article_id"] + [c for c in ("headline", "published") if c in articles.columns]].copy()
    for kind in KINDS:
        out[kind] = out["article_id"].map(counts[kind] if kind in counts.columns else {}).fillna(0).astype("int64")
    out.insert(out.columns.get_loc("direct"), "n_quotes", out[list(KINDS)].sum(axis=1))
    grouped = quotes.groupby("article_id")
    out["n_speakers"] = out["article_id"].map(grouped["actor_id"].nunique() if len(quotes) else {}).fillna(0).astype("int64")
    unresolved = quotes[quotes["actor_id"].isna()].groupby("article_id").size() if len(quotes) else {}
    out["unresolved"] = out["article_id"].map(unresolved).fillna(0).astype("int64")
    return out.reset_index(drop=True)

