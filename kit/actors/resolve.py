"""The corpus: mentions merged across articles, and the actors table.

Across articles (``resolve_corpus``), a lone surname is merged with the one full name
that ends with it ("Putin" -> "Vladimir Putin"), a lone abbreviation with the name it
abbreviates, and the actors table is built (``actors_table``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd



def resolve_corpus(mentions: pd.DataFrame, articles: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """Merge actors across articles and build the actors table.

    A lone surname with no full name in its article ("Putin") joins the one full name
    of the corpus that ends with it ("Vladimir Putin"); when several full names share
    it, it joins the most mentioned if that one has at least twice the mentions of the
    next, else it stays apart. Nothing else is merged across articles: an abbreviation
    means what its own article spells out, a description ("the company", "the Vice
    President") stays in its article, and a name shared by a place and an organization
    or person ("Amazon" the rainforest, "Amazon" the company) makes two actors: the
    place's actor_id gets ``-place``.

    Returns ``(mentions, actors, renamed)``; ``renamed`` maps old actor_ids to new ones
    so that other tables (quotes) can follow.

    >>> m = pd.DataFrame({"article_id": ["a", "b"], "start": [0, 0], "end": [5, 14],
    ...     "text": ["Putin", "Vladimir Putin"], "actor_id": ["putin", "vladimir-putin"],
    ...     "kind": ["person", "person"], "sentence": [0, 0], "how": ["name", "name"]})
    >>> mentions, actors, renamed = resolve_corpus(m, None)
    >>> renamed, actors.n_articles.tolist()
    ({'putin': 'vladimir-putin'}, [2])
    >>> m2 = m.assign(text=["WHO", "World Health Organization"], actor_id=["who", "world-health-organization"],
    ...               kind="organization")
    >>> resolve_corpus(m2, None)[2]  # "WHO" alone means what its article says: no merge
    {}
    """
    mentions = mentions.copy()
    if len(mentions) == 0:
        return mentions, _empty_actors(), {}
    mentions = with_names(mentions)

    persons = mentions[mentions["kind"] == "person"]
    counts = persons.groupby("actor_id").size()
    spaced = persons["name"].str.contains(" ", regex=False)
    full_names = persons[spaced]
    lone = persons[~spaced]
    renamed = surname_renames(zip(full_names["actor_id"], full_names["name"]), counts,
                              set(zip(lone["actor_id"], lone["name"])))
    mentions = rename_surnames(mentions, renamed, dict(zip(full_names["actor_id"], full_names["name"])))

    # An abbreviation means what its own article defines ("FRB" a fast radio burst in one story,
    # a Federal Reserve Bank in another): no merge across articles (see find_mentions).
    mentions = _separate_places(mentions)
    return mentions, actors_table(mentions), renamed


def with_names(mentions: pd.DataFrame) -> pd.DataFrame:
    """``mentions`` (changed in place) with ``name`` (the canonical name, else the text) and ``country``."""
    if "name" not in mentions.columns:
        mentions["name"] = mentions["text"]
    if "country" not in mentions.columns:
        mentions["country"] = None
    mentions["name"] = mentions["name"].fillna(mentions["text"])
    return mentions


def surname_renames(full_names: Iterable[tuple[str, str]], counts, lone: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The surname rule: each lone surname's actor (``lone``: (actor_id, name) pairs) -> the
    full name's actor ending with it (``full_names``: (actor_id, full name) pairs, in order of
    first mention; ``counts``: person mentions per actor_id), when it is the only one or has at
    least twice the mentions of the next."""
    by_last: dict[str, Counter] = {}
    for actor_id, name in full_names:
        by_last.setdefault(name.split()[-1], Counter())[actor_id] = int(counts.get(actor_id, 0))
    renamed: dict[str, str] = {}
    for actor_id, name in lone:
        options = by_last.get(name)
        if not options:
            continue
        ranked = options.most_common(2)
        if (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]) and ranked[0][0] != actor_id:
            renamed[actor_id] = ranked[0][0]
    return renamed


def rename_surnames(mentions: pd.DataFrame, renamed: dict[str, str], full_names: dict[str, str]) -> pd.DataFrame:
    """``mentions`` (changed in place) with each renamed person's mentions moved to its full name's
    actor, named by it (``full_names``: actor_id -> full name); a moved name becomes a surname."""
    if renamed:
        moved = mentions["actor_id"].isin(renamed.keys()) & (mentions["kind"] == "person")
        mentions.loc[moved, "actor_id"] = mentions.loc[moved, "actor_id"].map(renamed)
        mentions.loc[moved, "name"] = mentions.loc[moved, "actor_id"].map(full_names)
        mentions.loc[moved & (mentions["how"] == "name"), "how"] = "surname"
    return mentions


#: Kinds that never share an actor with a place of the same name (a country may: "in Austria").
_NOT_PLACES = ("person", "organization", "group", "anonymous")


def _separate_places(mentions: pd.DataFrame) -> pd.DataFrame:
    """Give places their own actor when the same actor_id also names a person, an
    organization or a group ("Amazon" the rainforest and the company).

    >>> m = pd.DataFrame({"article_id": ["a", "b", "b", "c", "c"], "actor_id": ["amazon", "amazon", "austria",
    ...     "ford", "ford"], "kind": ["place", "organization", "place", "place", "organization"]})
    >>> _separate_places(m).actor_id.tolist()
    ['amazon-place', 'amazon', 'austria', 'ford', 'ford']
    """
    is_place = mentions["kind"] == "place"
    not_place = mentions["kind"].isin(_NOT_PLACES)
    kinds = mentions[is_place | not_place].groupby("actor_id")["kind"].agg(set)
    return split_places(mentions, {a for a, k in kinds.items() if "place" in k and len(k) > 1})


def split_places(mentions: pd.DataFrame, shared: set[str]) -> pd.DataFrame:
    """``mentions`` with the place mentions of the actors in ``shared`` (names used for a place
    and for something else) given their own actor, ``<actor_id>-place``."""
    if not shared:
        return mentions
    articles = mentions["article_id"] if "article_id" in mentions.columns else pd.Series("text", index=mentions.index)
    is_place = mentions["kind"] == "place"
    not_place = mentions["kind"].isin(_NOT_PLACES)
    # Within one article the same name is one thing, whatever the labels say: only the
    # articles that use the name for a place alone get the place.
    other_articles = set(zip(mentions.loc[not_place, "actor_id"], articles[not_place]))
    keys = list(zip(mentions["actor_id"], articles))
    moved = is_place & mentions["actor_id"].isin(shared) & pd.Series([k not in other_articles for k in keys],
                                                                    index=mentions.index)
    mentions = mentions.copy()
    mentions.loc[moved, "actor_id"] = mentions.loc[moved, "actor_id"] + "-place"
    return mentions


#: How a mention names its actor (the rest describe or refer to it): the actors table's name comes from these.
NAMING = ("name", "alias", "capital", "demonym")


def actors_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per actor: name, kind, country, aliases (how it was called), n_mentions, n_articles
    (both leave out modifier rows: "US" in "US officials" names the country, it does not mention it).

    Each value is the actor's most frequent one (ties: the first in sort order), found
    with one groupby per column: the corpus step stays cheap however many actors there are.
    """
    if len(mentions) == 0:
        return _empty_actors()
    grouped = mentions.groupby("actor_id", sort=False)
    table = grouped.size().rename("n_mentions").to_frame()  # actors in order of first mention
    # Counted: what mentions the actor. A modifier ("US" in "US officials") names it without
    # mentioning it, as the annotation conventions have it; an actor named only so counts 0.
    counted = mentions[mentions["how"] != "modifier"] if "how" in mentions.columns else mentions
    table["n_mentions"] = counted.groupby("actor_id", sort=False).size().reindex(table.index, fill_value=0)
    actor_ids = table.index.to_series(index=table.index)
    named = mentions[mentions["how"].isin(NAMING)]
    # The name: the commonest among the mentions that name the actor, else among all.
    name = _most_frequent(mentions, "name")
    name_when_named = _most_frequent(named, "name")
    has_named = actor_ids.isin(set(named["actor_id"]))
    name = name_when_named.reindex(table.index).where(has_named, name.reindex(table.index))
    table["name"] = name.where(name.notna(), actor_ids).astype(object)
    # The kind: from the mentions that are more than a modifier ("US" in "US officials" is a
    # place's name; the United States, mentioned elsewhere, stays a country).
    kind = _most_frequent(mentions, "kind").reindex(table.index)
    more = mentions[mentions["how"] != "modifier"] if "how" in mentions.columns else mentions
    table["kind"] = _most_frequent(more, "kind").reindex(table.index).where(actor_ids.isin(set(more["actor_id"])), kind)
    country = _most_frequent(mentions, "country") if "country" in mentions else pd.Series(dtype=object)
    table["country"] = country.reindex(table.index).astype(object)
    table["country"] = table["country"].where(table["country"].notna(), None)
    surfaces = mentions.loc[mentions["how"] != "pronoun"].groupby("actor_id", sort=False)["text"].agg(set)
    surfaces = surfaces.reindex(table.index)
    table["aliases"] = [sorted((s if isinstance(s, set) else set()) - {n}) for s, n in zip(surfaces, table["name"])]
    table["n_articles"] = (counted.groupby("actor_id", sort=False)["article_id"].nunique()
                           .reindex(table.index, fill_value=0) if "article_id" in mentions.columns else 1)
    table = table.reset_index()[["actor_id", "name", "kind", "country", "aliases", "n_mentions", "n_articles"]]
    return table.sort_values(["n_mentions", "n_articles", "name"], ascending=[False, False, True]).reset_index(drop=True)


def _most_frequent(frame: pd.DataFrame, column: str) -> pd.Series:
    """Per actor_id, its most frequent non-missing value of ``column`` (ties: the smallest)."""
    counts = (frame.dropna(subset=[column]).groupby(["actor_id", column], sort=False, observed=True)
              .size().rename("count").reset_index())
    counts = counts.sort_values(["actor_id", "count", column], ascending=[True, False, True], kind="stable")
    return counts.drop_duplicates("actor_id").set_index("actor_id")[column]


def _empty_actors() -> pd.DataFrame:
    from kit.tables import empty

    return empty("actors")

