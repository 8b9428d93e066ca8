"""The role a word plays in its sentence: does a capital act or name a place, does a noun
speak, does a country only modify a noun ("his US counterpart")?"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported where a Doc is worked on, not when kit.actors is (a cached report)
    from spacy.tokens import Doc, Span

from kit.actors import geography
from kit.actors.words import (
    ACTOR_PREPOSITIONS, BIRTH_VERBS, MODIFIER_DEPS, PLACE_PREPOSITIONS, PLACE_VERBS, SPEECH_VERBS, SUBJECT_DEPS,
)


def _with_the(doc: Doc, start: int) -> int:
    """Include a preceding "the" in the mention, as the gold annotations do ("the United States")."""
    if start > 0 and doc[start - 1].lower_ == "the":
        return start - 1
    return start


def _is_modifier(span: Span) -> bool:
    """True when the span only modifies a noun outside it ("US" in "his US counterpart")."""
    root = span.root
    if span.start > 0 and span.doc[span.start - 1].text == "(":
        return False  # "the United Kingdom's (UK) Conservative Party": a bracketed name, not a modifier
    return (
        root.dep_ in MODIFIER_DEPS
        and root.head.pos_ in ("NOUN", "PROPN")
        and not (span.start <= root.head.i < span.end)
    )


def _first_conjunct(token):
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def _acts(token, is_actor_at, prepositions=ACTOR_PREPOSITIONS) -> bool:
    """Does this capital / seat of power / group act in the sentence (rather than name a place)?"""
    first = _first_conjunct(token)
    if first is not token and is_actor_at(first.i):
        return True  # coordinated with an actor: "Russia and Beijing"
    token = first
    dep = token.dep_
    if dep == "poss":
        # "Moscow's services" is the government's; "London's Royal Veterinary College" is a place's.
        return token.head.ent_type_ not in ("ORG", "FAC", "GPE", "LOC")
    if dep in SUBJECT_DEPS:
        return True
    if dep in ("dobj", "dative"):
        return token.head.lemma_ not in PLACE_VERBS
    if dep == "pobj":
        preposition = token.head
        if preposition.dep_ == "agent":
            return True
        if preposition.lower_ in prepositions:
            return True
        if preposition.lower_ == "to" and preposition.head.lower_ == "according":
            return True
    return False


def _completes_address(span: Span) -> bool:
    """ "Bishkek, Kyrgyzstan", "Florida, US": a country after a place and a comma is part of an address."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].ent_type_ in ("GPE", "LOC")


def _names_place(token) -> bool:
    """A country left, visited, born in or moved to is a place ("cleared the Bahamas", "born in Austria")."""
    token = _first_conjunct(token)
    if token.dep_ == "dobj":
        return token.head.lemma_ in PLACE_VERBS
    if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS:
        return True  # "galleries throughout the United States", "a trip across Canada"
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        verb = token.head.head
        return verb.pos_ in ("VERB", "AUX") and (verb.lemma_ in PLACE_VERBS or verb.lemma_ in BIRTH_VERBS)
    return False


def _speaks(token) -> bool:
    """Is the noun the subject of a verb of saying, or the source in "according to ..."?"""
    token = _first_conjunct(token)
    if token.dep_ in ("nsubj", "nsubjpass"):
        return token.head.lemma_ in SPEECH_VERBS
    return token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according"



def _country_in(tokens, countries_at: dict[int, str]) -> str | None:
    """The country a noun phrase's modifiers point to ("Russian", "US", "Russia's")."""
    for token in tokens:
        if token.i in countries_at:
            return countries_at[token.i]
        country = geography.country_of_demonym(token.text) or geography.abbreviation_index().get(token.text)
        if country is None and token.pos_ == "PROPN":
            country = geography.country_of_name(token.text)
        if country:
            return country
    return None

