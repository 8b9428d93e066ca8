"""Resolve: quote rows across an article's pieces — a speaker written the same way is the same actor.

``kit.analyze`` parses a long body in pieces (:data:`kit.pipeline.MAX_PIECE_CHARS`), and
a piece may hold a speaker whose actor is named only in another piece: the interviewee
labelled ``((Thomas Rivinius))`` on every answer of a long interview is named in the
introduction only. :func:`same_speaker_actors` gives such a row the actor of the
article's other rows whose speaker is written exactly the same (names only: a pronoun,
"the team" or "officials" may be a different actor each time). Given the article's mention
rows too, a name still without an actor takes the actor whose names in the article hold
every word of it (:func:`actor_holding`): "((Jaya))" labels a long interview's answers in a
piece where only the introduction, in another piece, names Jaya.

>>> import pandas as pd
>>> rows = pd.DataFrame({"article_id": ["a", "a", "b"], "speaker": ["Thomas Rivinius"] * 3,
...                      "actor_id": ["thomas-rivinius", None, None]})
>>> same_speaker_actors(rows)["actor_id"].tolist()
['thomas-rivinius', 'thomas-rivinius', None]
"""

from __future__ import annotations

import re
from typing import Iterable

import pandas as pd

from kit.quotes.article import GROUP_PRONOUNS, PERSON_PRONOUNS, present

#: How a mention row writes a name (not a description or a pronoun): what a bare name matches.
NAME_HOWS = ("name", "surname", "alias")
_WORD = re.compile(r"[\w’'-]+")


def actor_holding(words: set[str], mentions: Iterable[dict]) -> str | None:
    """The actor whose mentions written as names (not places) hold every one of ``words``
    (lower case), the most mentioned one when several do; None when none does or on a tie.

    >>> rows = [{"text": "Chris Fallows", "actor_id": "chris-fallows", "how": "name", "kind": "person"}]
    >>> actor_holding({"fallows"}, rows), actor_holding({"jane"}, rows)
    ('chris-fallows', None)
    """
    counts: dict[str, int] = {}
    for mention in mentions:
        if not present(mention.get("actor_id")) or mention.get("how") not in NAME_HOWS or mention.get("kind") == "place":
            continue
        held = {w.lower() for w in _WORD.findall(f"{mention.get('text') or ''} {mention.get('name') or ''}")}
        if words <= held:
            counts[mention["actor_id"]] = counts.get(mention["actor_id"], 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def same_speaker_actors(quotes: pd.DataFrame, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """``quotes`` with an empty ``actor_id`` filled from a row of the same article whose
    speaker is the same name, when that name has one actor there (a copy; the input is not
    changed). Only speakers written as names (a capital letter, not a pronoun) are matched.
    With ``mentions`` (the mention rows, ``article_id`` and all), a name written in capitals
    only ("Jaya", "Zara Kay") that is still empty takes :func:`actor_holding` of its words
    among the same article's mentions."""
    if not len(quotes) or not {"article_id", "speaker", "actor_id"} <= set(quotes.columns):
        return quotes
    out = quotes.copy()
    named = out["speaker"].map(_is_name)
    known = out[named & out["actor_id"].notna()]
    actors = known.groupby(["article_id", "speaker"])["actor_id"].agg(lambda ids: set(ids))
    unique = {key: next(iter(ids)) for key, ids in actors.items() if len(ids) == 1}
    missing = named & out["actor_id"].isna()
    filled = [unique.get((article, speaker)) for article, speaker in zip(out.loc[missing, "article_id"], out.loc[missing, "speaker"])]
    out.loc[missing, "actor_id"] = pd.Series(filled, index=out.index[missing], dtype=object)
    if mentions is not None and len(mentions) and "article_id" in mentions.columns:
        out = _named_in_mentions(out, named, mentions)
    return out


def _named_in_mentions(out: pd.DataFrame, named: pd.Series, mentions: pd.DataFrame) -> pd.DataFrame:
    missing = named & out["actor_id"].isna() & out["speaker"].map(_all_capitals)
    if not missing.any():
        return out
    wanted = set(out.loc[missing, "article_id"])
    columns = [c for c in ("article_id", "text", "name", "actor_id", "how", "kind") if c in mentions.columns]
    rows = mentions.loc[mentions["article_id"].isin(wanted), columns].astype(object)
    rows = rows.where(rows.notna(), None)  # plain None for a missing cell (never pd.NA)
    by_article = {article: frame.to_dict("records") for article, frame in rows.groupby("article_id")}
    found = {}
    for index, article, speaker in zip(out.index[missing], out.loc[missing, "article_id"], out.loc[missing, "speaker"]):
        key = (article, speaker)
        if key not in found:
            found[key] = actor_holding({w.lower() for w in _WORD.findall(speaker)}, by_article.get(article, ()))
        if found[key] is not None:
            out.at[index, "actor_id"] = found[key]
    return out


def _all_capitals(speaker) -> bool:
    """'Jaya', 'Zara Kay': every word opens with a capital (not 'Some of the protesters')."""
    words = _WORD.findall(speaker) if isinstance(speaker, str) else []
    return bool(words) and all(word[:1].isupper() for word in words)


def _is_name(speaker) -> bool:
    if not isinstance(speaker, str) or not speaker.strip():
        return False
    words = speaker.split()
    return words[0][:1].isupper() and speaker.lower() not in PERSON_PRONOUNS | GROUP_PRONOUNS | {"i", "you", "we"} and not (
        len(words) > 1 and words[0].lower() in ("the", "a", "an", "some", "one"))
