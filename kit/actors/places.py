"""Names the small model types wrongly, put right on evidence in the article.

spaCy-sm tags many places PERSON or ORG ("Jolo", "Barmouth", "the Amazon" of "the Amazon
rainforest", "Bontddu Hall") and some organizations GPE ("Qantas and Emirates"). A rule here
changes a label only when the article says so:

- :func:`place_names`: a PERSON/ORG name is a place's when its own words say so ("Mount
  Everest", "Rodrigues Island", "Heathrow Airport", "Bontddu Hall"), when a place noun follows
  it or governs it ("the Amazon rainforest", "the island of Jolo"), or when it is a town GeoNames
  knows (:func:`kit.actors.geography.town_names`) or the model tags a place elsewhere in the
  article, used as a location ("in Bala", "from Barmouth", "Harlech, Wales", "Barmouth and
  Harlech"), and the article uses it for no person
  ("Valeska Paris" keeps "Paris" a surname);
- :func:`organization_names`: a GPE/LOC name coordinated with organizations ("Qantas and
  Emirates") is an organization's, unless it is a place's by other evidence; so is a one-word
  PERSON that is no one's name in the article ("Boeing and Embraer"), and a PERSON/GPE/LOC name
  that an organization's noun announces ("the localist group Civic Passion", "the airline
  Jetstar"; not a country).

Each answer holds for the whole article (the same name is one thing in one story), except that
a building that acts is its organization ("Holy Cross Hospital said"; see :mod:`kit.actors.find`).

>>> from kit.nlp import load_model
>>> doc = load_model()("The fire spread from Barmouth to Harlech. The Amazon rainforest burns.")
>>> sorted(place_names(doc, doc.ents).items())  # doctest: +SKIP
[('Amazon', 'LOC'), ('Barmouth', 'GPE'), ('Harlech', 'GPE')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.actors import geography
from kit.actors.names import _trim
from kit.actors.roles import _first_conjunct
from kit.actors.words import (
    BUILDING_NAME_ENDS, BUILDING_NAME_HEADS, LOCATIVE_PREPOSITIONS, NAME_TITLES, ORGANIZATION_DESCRIPTIONS, PLACE_CUE_NOUNS, PLACE_NAME_ENDS,
    VEHICLE_WORDS, VESSEL_NOUNS,
    PLACE_NAME_STARTS,
)
from kit.syntax import GIVEN_NAMES, HUMAN_NOUNS

if TYPE_CHECKING:  # spaCy is imported where it runs, not to load this module
    from spacy.tokens import Span

#: The labels a place's name may wrongly bear.
_NOT_PLACE_LABELS = ("PERSON", "ORG")
_PLACE_LABELS = ("GPE", "LOC", "FAC")


def place_names(doc, ents) -> dict[str, str]:
    """Names the article tags PERSON or ORG that it shows are places: name -> the label they
    should have ("GPE" a town, "LOC" a natural place, "FAC" a building, which stays an
    organization where it acts)."""
    cores = [(ent, _trim(ent)) for ent in ents if ent.label_ in _NOT_PLACE_LABELS + _PLACE_LABELS]
    cores = [(ent, core) for ent, core in cores if core is not None and core.text[:1].isupper()]
    if not any(ent.label_ in _NOT_PLACE_LABELS for ent, _ in cores):
        return {}
    found: dict[str, str] = {}
    for ent, core in cores:  # evidence from any of its mentions ("the Amazon rainforest" tagged LOC)
        label = _place_by_its_words(core, ent.label_) or _place_by_its_nouns(core)
        if label:
            found.setdefault(core.text, label)
    people = _person_words(doc, ents, found)
    towns = None
    places = {e.root.i for e in ents if e.label_ in _PLACE_LABELS}
    # The first word of a place's longer name is that place where it is used as one ("Payam
    # International Airport" ... "to land at Payam").
    short = {}
    for ent, core in cores:
        if len(core) >= 2 and _place_by_its_words(core, ent.label_):
            short.setdefault(core[0].text, found.get(core.text, ent.label_))
    for ent, core in cores:
        if ent.label_ in _NOT_PLACE_LABELS and len(core) == 1 and core.text in short and core.text not in found \
                and core.text not in people and _used_as_location(core, places, found):
            found[core.text] = short[core.text]
    tagged = {core.text for ent, core in cores if ent.label_ in ("GPE", "LOC")}  # "Mindanao" GPE elsewhere
    cores = [(ent, core) for ent, core in cores if ent.label_ in _NOT_PLACE_LABELS]
    for _ in range(2):  # twice: a town coordinated with a town found the first time ("Barmouth and Bala")
        for ent, core in cores:
            if core.text in found or core.text in people or not _used_as_location(core, places, found):
                continue
            if len(core) == 1 and core[0].lower_ in GIVEN_NAMES:
                continue  # "a call from Ed": a town of Sweden too, but first a given name
            if core.start > 0 and doc[core.start - 1].pos_ in ("DET", "PRON"):
                continue  # "in this Chamber", "at the Hilton": towns take no determiner
            towns = towns if towns is not None else geography.town_names()
            if core.text in towns or core.text in tagged:
                found[core.text] = "GPE"
                places.add(core.root.i)
    return found


def organization_names(doc, ents, places: dict[str, str]) -> set[str]:
    """GPE/LOC names coordinated with an organization ("Qantas and Emirates"), and one-word PERSON
    names that are no one's in the article ("Boeing and Embraer"): organizations',
    unless they are places' by other evidence: a country, a capital, a town GeoNames knows or a
    US state ("the EU and Russia", "from Dolgellau, Harlech and Bala"), or a name used as a
    location ("in Gwynedd"); and names an organization's noun announces ("the group Civic
    Passion", :func:`_after_organization_noun`), unless places' or countries'. ``places``:
    :func:`place_names` (an ORG among them is no organization)."""
    organizations = {e.root.i for e, core in ((e, _trim(e)) for e in ents if e.label_ == "ORG")
                     if core is None or core.text not in places}
    found = set()
    people = None
    for ent in ents:
        if ent.label_ not in ("GPE", "LOC", "PERSON"):
            continue
        core = _trim(ent)
        if core is not None and _after_organization_noun(core) and core.text not in places \
                and not geography.country_of_name(core.text):
            found.add(core.text)  # "the localist group Civic Passion", "the budget airline Jetstar"
            continue
        if core is None or not any(i in organizations for i in _conjuncts(core.root)):
            continue
        if ent.label_ == "PERSON":  # "Boeing and Embraer": one word that is no one's name in the article
            people = people if people is not None else _person_words(doc, ents, places)
            if len(core) == 1 and core.text not in people and core[0].lower_ not in GIVEN_NAMES \
                    and core.text not in places:
                found.add(core.text)
            continue
        root = _first_conjunct(core.root)
        if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS:
            continue
        if geography.country_of_name(core.text) or geography.country_of_capital(core.text) \
                or core.text in geography.town_names() or core.text in geography.region_names():
            continue
        found.add(core.text)
    return found


def vehicle_names(ents) -> frozenset[str]:
    """Names the article gives craft: in apposition with a craft's noun ("The boat, Conception,
    caught fire", "its cruise ship, Freewinds") or right after one ("the cruise ship Freewinds"),
    and names with a craft's word just before their last ("Space Shuttle Enterprise", and then
    "Enterprise" alone). Such a name is no actor and no place anywhere in the article, whatever
    spaCy's label; a noun after the name is no evidence ("a SpaceX capsule": the maker)."""
    found = set()
    for ent in ents:
        core = _trim(ent)
        if core is None or not core.text[:1].isupper():
            continue
        root, doc = core.root, core.doc
        before = doc[core.start - 1] if core.start > 0 else None
        if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.lower_ in VESSEL_NOUNS \
                or before is not None and before.pos_ == "NOUN" and before.lower_ in VESSEL_NOUNS \
                and (before.head == root or root.head == before or before.head == root.head):
            found.add(core.text)
        elif len(core) >= 2 and core[-2].lower_ in VEHICLE_WORDS and core[-1].lower_ not in PLACE_NAME_ENDS \
                and core[-1].lower_ not in BUILDING_NAME_ENDS:
            found.update((core.text, core[-1].text))  # not "Station Square"
    return frozenset(found)


def _after_organization_noun(core: Span) -> bool:
    """Is the name announced by an organization's noun just before it, and joined to it
    ("the localist group Civic Passion", "the airline Jetstar", "the militant group Abu
    Sayyaf": apposition or compound)? A person's name after a title is not (titles are
    other nouns: "party leader Keir Starmer")."""
    if core.start == 0:
        return False
    noun = core.doc[core.start - 1]
    if noun.pos_ != "NOUN" or not noun.text.islower() or noun.lower_ not in ORGANIZATION_DESCRIPTIONS:
        return False
    return core.root.head == noun or noun.head == core.root or noun.head == core.root.head


def _place_by_its_words(core: Span, label: str) -> str | None:
    """ "Mount Everest", "Lake Chad", "Rodrigues Island", "Heathrow Airport": LOC; "Bontddu Hall",
    "Holy Cross Hospital": FAC. Not a person's name that ends so ("Stuart Hall", "Ricki Lake"),
    unless it is used as a location ("in Jefferson Parish")."""
    if len(core) < 2:
        return None
    first, last = core[0].lower_, core[-1].lower_
    if label == "PERSON" and first in NAME_TITLES:
        return None
    if label == "PERSON" and first in GIVEN_NAMES and not _used_as_location(core, set(), {}):
        return None  # "Stuart Hall said", but "in Jefferson Parish"
    if first in PLACE_NAME_STARTS or last in PLACE_NAME_ENDS:
        return "LOC"
    if last in BUILDING_NAME_ENDS or f"{core[-2].lower_} {last}" in BUILDING_NAME_ENDS:
        return "FAC"  # "Bontddu Hall", "Johnson Space Center" (not "Pew Research Center")
    heads = [t for t in core[:-1] if t.nbor().lower_ == "of"]  # the word before the first "of"
    if heads and heads[0].lower_ in BUILDING_NAME_HEADS and heads[0].text[:1].isupper():
        return "FAC"  # "the Museum of Flight", "the National Museum of the U.S. Air Force"
    return None


def _place_by_its_nouns(core: Span) -> str | None:
    """ "the Amazon rainforest", "the Bangsamoro region" (a place noun after the name) and "the
    island of Jolo", "the town of Bala" (a place noun governing "of" and the name)."""
    doc = core.doc
    root = core.root
    head = root.head
    after = doc[core.end] if core.end < len(doc) else None
    if after is not None and after.lower_ in PLACE_CUE_NOUNS and after.text.islower() and after.pos_ in ("NOUN", "PROPN"):
        return "LOC"  # the next word, whatever the parse makes of it ("rainforest" taken for a verb's compound)
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in PLACE_CUE_NOUNS and head.head.text.islower():
        return "GPE"
    return None


def _person_words(doc, ents, found: dict[str, str]) -> set[str]:
    """Words of the article's longer names of people, and names after a title: a name that is
    also someone's ("Paris" of "Valeska Paris", "Mr Bala") is no evidence of a town."""
    words = set()
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        core = _trim(ent)
        if core is None or core.text in found:
            continue
        if len(core) >= 2:
            words.update(t.text for t in core)
        if core.start > 0 and doc[core.start - 1].lower_.rstrip(".") in NAME_TITLES:
            words.add(core.text)
    return words


def _used_as_location(core: Span, places: set[int], found: dict[str, str]) -> bool:
    """Is the name used for a location: the object of a locative preposition ("in Jolo", "off
    Lampedusa"), followed by a comma and a place ("Harlech, Wales"), or coordinated with a place
    ("Barmouth and Harlech")?"""
    doc = core.doc
    root = _first_conjunct(core.root)
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS:
        return True
    if root.dep_ in ("compound", "nmod") and root.head.lemma_.lower() in HUMAN_NOUNS and root.head.text.islower():
        return True  # "a 36-year-old Cheltenham man", "a Barmouth resident": where they are from
    if core.end + 1 < len(doc) and doc[core.end].text == "," and doc[core.end + 1].ent_type_ in ("GPE", "LOC") \
            and doc[core.end + 1].ent_iob_ == "B":
        return True
    return any(i in places for i in _conjuncts(core.root))


def _conjuncts(token) -> list[int]:
    """The token indices coordinated with ``token`` ("Barmouth, Bala and Harlech")."""
    return [t.i for t in token.conjuncts]
