"""Exploring the tables: rankings, mentions over time and co-occurrence, tables in and
tables out (for notebooks, plots and widgets; never a Doc).

Each function accepts an :class:`kit.Analysis`, a dict of tables, or the table itself.
"""

from __future__ import annotations

import pandas as pd

from kit.tables import table_of


def cooccurrence(source, level: str = "sentence", min_weight: int = 1, kinds: tuple[str, ...] | None = None):
    """The co-occurrence graph (:func:`kit.network.cooccurrence_graph`) of the mentions of an
    Analysis, a dict of tables or a mentions table: actors as nodes, an edge per pair
    mentioned in the same sentence (or article), weighted by how often.

    >>> m = pd.DataFrame({"article_id": ["a", "a"], "sentence": [0, 0], "actor_id": ["x", "y"],
    ...     "kind": ["person", "country"], "name": ["X", "Y"]})
    >>> cooccurrence({"mentions": m})["x"]["y"]["weight"]
    1
    """
    from kit.network import cooccurrence_graph

    return cooccurrence_graph(table_of(source, "mentions"), level=level, min_weight=min_weight, kinds=kinds)


def top_actors(analysis_or_tables, by: str = "mentions", kind: str | None = None, n: int = 20) -> pd.DataFrame:
    """Actors ranked by mentions or by the number of articles that mention them.

    Accepts an :class:`kit.Analysis`, a dict of tables, or the actors table itself.
    ``kind=None`` ranks every kind except places (places say where, not who);
    name a kind ("person", "country", "place", ...) to rank only that one.

    >>> actors = pd.DataFrame({"actor_id": ["a", "b", "c"], "name": ["A", "B", "C"],
    ...     "kind": ["person", "place", "country"], "n_mentions": [1, 9, 3], "n_articles": [5, 1, 1]})
    >>> top_actors(actors).name.tolist(), top_actors(actors, by="articles").name.tolist()
    (['C', 'A'], ['A', 'C'])
    """
    actors = table_of(analysis_or_tables, "actors")
    column = {"mentions": "n_mentions", "articles": "n_articles"}.get(by)
    if column is None:
        raise ValueError(f"top_actors(by={by!r}): use by='mentions' or by='articles'")
    chosen = actors[actors["kind"] != "place"] if kind is None else actors[actors["kind"] == kind]
    other = "n_articles" if column == "n_mentions" else "n_mentions"
    return chosen.sort_values([column, other, "name"], ascending=[False, False, True]).head(n).reset_index(drop=True)


def mentions_over_time(mentions, articles: pd.DataFrame | None = None, freq: str = "W",
                       actors: list[str] | None = None, n: int = 10) -> pd.DataFrame:
    """Mentions per period and actor, tidy: ``period``, ``actor_id``, ``name``, ``n_mentions``, ``n_articles``.

    ``mentions`` is the mentions table (with ``articles`` the articles table), or an
    Analysis or a dict of tables holding both.

    Periods come from ``articles.published`` (articles without a date are left out).
    ``actors`` picks actor_ids; by default the ``n`` most mentioned (places excluded).

    >>> m = pd.DataFrame({"article_id": ["a", "b"], "actor_id": ["russia", "russia"],
    ...     "kind": ["country", "country"], "name": ["Russia", "Russia"]})
    >>> a = pd.DataFrame({"article_id": ["a", "b"], "published": pd.to_datetime(["2019-06-03", "2019-06-27"])})
    >>> mentions_over_time(m, a, freq="MS").n_mentions.tolist()
    [2]
    """
    if articles is None:
        articles = table_of(mentions, "articles")
    mentions = table_of(mentions, "mentions")
    if "how" in mentions.columns:  # a modifier ("US" in "US officials") is no mention of its actor
        mentions = mentions[mentions["how"] != "modifier"]
    dated = mentions.merge(articles[["article_id", "published"]], on="article_id", how="inner")
    dated = dated[dated["published"].notna()]
    if actors is None:
        ranked = dated[dated["kind"] != "place"]["actor_id"].value_counts()
        actors = ranked.index[:n].tolist()
    dated = dated[dated["actor_id"].isin(actors)]
    if "name" not in dated.columns:
        dated["name"] = dated["actor_id"]
    # pd.Grouper takes any pandas frequency ("D", "W", "MS", "QS"...); empty periods are dropped.
    table = (
        dated.groupby([pd.Grouper(key="published", freq=freq), "actor_id"])
        .agg(name=("name", lambda s: s.mode().iloc[0]), n_mentions=("actor_id", "size"), n_articles=("article_id", "nunique"))
        .reset_index()
        .rename(columns={"published": "period"})
    )
    return table
