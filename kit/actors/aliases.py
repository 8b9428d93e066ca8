"""The alias file: names the data sources lack ("America", "the Kremlin"), taught by the user.

``data/aliases.csv`` (columns alias, name, kind, country, usage) of the project you run from
is read if it exists, else the packaged copy ``kit/data/aliases.csv``.
"""

from __future__ import annotations

import csv
import functools
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:  # spaCy is imported where a Doc is worked on, not when kit.actors is (a cached report)
    from spacy.matcher import PhraseMatcher

from kit.cache_keys import alias_file  # one lookup, spaCy-free, shared with the cache key


@functools.lru_cache(maxsize=4)
def load_aliases(path: str | None = None) -> pd.DataFrame:
    """The alias table: ``alias``, ``name`` (canonical), ``kind``, ``country``, ``usage``.

    ``usage`` is ``name`` (the alias always names the actor: "America", "EU") or
    ``seat`` (a seat of power that stands for its government only when it acts:
    "the Kremlin said", but "talks at the Kremlin" is a place). Missing means ``name``.
    Platforms are listed as the companies that run them ("Twitter", "YouTube"); as
    for any organization, "a post on Facebook" is the medium, no mention.
    ``kind`` ``none`` marks events and concepts that spaCy's small model takes for
    people or organizations ("Brexit", "El Niño"): they are never mentions.
    The file is read once per session; after editing it, call
    ``kit.actors.reload_aliases()`` (or restart the kernel).

    >>> aliases = load_aliases()
    >>> aliases.set_index("alias").loc["Kremlin", ["name", "usage"]].tolist()
    ['Russia', 'seat']
    """
    with open(path or alias_file(), newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if (row.get("alias") or "").strip()]
    table = pd.DataFrame(rows).fillna("")
    for column in ("alias", "name", "kind", "country", "usage"):
        if column not in table.columns:
            table[column] = ""
        table[column] = table[column].astype(str).str.strip()
    table["usage"] = table["usage"].replace("", "name")
    table["country"] = table["country"].replace("", None)
    return table[["alias", "name", "kind", "country", "usage"]]


@functools.lru_cache(maxsize=4)
def seat_spellings(path: str | None = None) -> frozenset[str]:
    """The alias spellings of seats of power ("White House", "Kremlin", "Downing Street").

    A mention whose text is one of these (a leading "the" aside) and whose kind is
    ``country`` is the building standing for its government ("The White House said"): the
    actor is the country, the name is the administration's (an organization, as MUC types
    it); a mention of kind ``place`` is the building itself ("talks at the Kremlin").

    >>> sorted(seat_spellings())[:2]
    ['Blue House', 'Downing Street']
    """
    aliases = load_aliases(path)
    return frozenset(aliases.loc[aliases.usage == "seat", "alias"])


def names_seat(text: str) -> bool:
    """Is this mention text a seat of power's name ("the White House", "Kremlin")?"""
    bare = text[4:] if text[:4].lower() == "the " else text
    return bare in seat_spellings()


def reload_aliases() -> None:
    """Forget the alias file read so far, so that the next analysis reads your edits."""
    load_aliases.cache_clear()
    seat_spellings.cache_clear()
    _alias_matcher.cache_clear()
    _country_abbreviations.cache_clear()


@functools.lru_cache(maxsize=8)
def _alias_matcher(vocab, path: str) -> tuple[PhraseMatcher, dict[str, dict]]:
    """A PhraseMatcher over the alias spellings (exact case), built once per vocab."""
    from spacy.lang.en import English
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    tokenizer = English().tokenizer  # the model's tokenizer splits the same way for these strings
    aliases = load_aliases(path)
    matcher = PhraseMatcher(vocab, attr="ORTH")
    records = {}
    for row in aliases.to_dict("records"):
        key = row["alias"]
        records[key] = row
        matcher.add(key, [Doc(vocab, words=[t.text for t in tokenizer(key)])])
    return matcher, records


@functools.lru_cache(maxsize=1)
def _country_abbreviations() -> dict[str, str]:
    """Upper-case country spellings of the alias file ("US", "U.S.", "UK")."""
    aliases = load_aliases()
    rows = aliases[(aliases.kind == "country") & (aliases.usage == "name")]
    return {a: n for a, n in zip(rows.alias, rows.name) if a.replace(".", "").isupper()}
