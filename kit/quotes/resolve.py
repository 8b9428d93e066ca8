"""Resolve: quote rows across an article's pieces — a speaker written the same way is the same actor.

``kit.analyze`` parses a long body in pieces (:data:`kit.pipeline.MAX_PIECE_CHARS`), and
a piece may hold a speaker whose actor is named only in another piece: the interviewee
labelled ``((Thomas Rivinius))`` on every answer of a long interview is named in the
introduction only. :func:`same_speaker_actors` gives such a row the actor of the
article's other rows whose speaker is written exactly the same (names only: a pronoun,
"the team" or "officials" may be a different actor each time).

>>> import pandas as pd
>>> rows = pd.DataFrame({"article_id": ["a", "a", "b"], "speaker": ["Thomas Rivinius"] * 3,
...                      "actor_id": ["thomas-rivinius", None, None]})
>>> same_speaker_actors(rows)["actor_id"].tolist()
['thomas-rivinius', 'thomas-rivinius', None]
"""

from __future__ import annotations

import pandas as pd

from kit.quotes.article import GROUP_PRONOUNS, PERSON_PRONOUNS


def same_speaker_actors(quotes: pd.DataFrame) -> pd.DataFrame:
    """``quotes`` with an empty ``actor_id`` filled from a row of the same article whose
    speaker is the same name, when that name has one actor there (a copy; the input is not
    changed). Only speakers written as names (a capital letter, not a pronoun) are matched."""
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
    return out


def _is_name(speaker) -> bool:
    if not isinstance(speaker, str) or not speaker.strip():
        return False
    words = speaker.split()
    return words[0][:1].isupper() and speaker.lower() not in PERSON_PRONOUNS | GROUP_PRONOUNS | {"i", "you", "we"} and not (
        len(words) > 1 and words[0].lower() in ("the", "a", "an", "some", "one"))
