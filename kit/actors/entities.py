"""Stage 3 of :mod:`kit.actors.find`: spaCy's entities, corrected, one function per label.

:func:`_entity_mention` puts an entity's label right on the article's evidence (a surname,
a place, an organization's head word, a title) and hands it to the rule for its label:
people, countries (an actor, a place or a modifier: :func:`_modifier_place`), capitals and
other places, groups (NORP) and organizations. Moved out of :mod:`kit.actors.find` as is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported where a Doc is worked on, not when kit.actors is (a cached report)
    from spacy.tokens import Span

    from kit.actors.find import _Article

from kit.actors import geography
from kit.actors.names import (
    CAMEL_CASE, _could_be_person, _government_of, _known_full_name, _not_an_organization, _person_name,
    _spelled_country, _titled_name, _trim, government_name,
)
from kit.actors.roles import _acts, _completes_address, _is_modifier, _names_place, _with_the
from kit.actors.words import (
    COMPANY_CONTEXT_NOUNS, MEDIA_NAME_WORDS, NAME_TITLES, NOT_PERSON_FIRST_WORDS, ORGANIZATION_NAME_HEADS, PARTY_MEMBER_NOUNS, RANKS,
    TITLE_NOUNS,
)


def _entity_mention(article: _Article, ent: Span) -> None:
    """The mention an entity makes, if any, by its (corrected) label."""
    label = ent.label_
    core = _trim(ent)
    if core is None:
        return
    label = _label_on_evidence(article, core, label)
    if label in ("WORK_OF_ART", "EVENT", "PRODUCT", "LAW") and _organization_by_head(core):
        label = "ORG"  # "according to the Sydney Morning Herald" tagged EVENT, "The Washington Post" a work
    if (len(core) == 1 or core.text in article.surnames) and core.text in article.short_names \
            and _surname_fits(article, ent, core):  # one word, or a compound surname: "De Niro"
        label = "PERSON"  # whatever spaCy thought ("Trump" ORG, "Pelosi's" EVENT)
    if label not in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
        return
    if len(core) == 1 and _no_name_of_anyone(article, core, label):
        return
    if len(core) > 1 and core[0].lower_ in NOT_PERSON_FIRST_WORDS:
        return  # "Hurricane Maria", "Tropical Storm Barry": weather, neither actor nor place
    if len(core) == 1 and core.text in article.storm_names:
        return  # "Lorenzo" after "Hurricane Lorenzo": the storm again
    if core.text in article.vehicle_names:
        article.not_actors.update(range(ent.start, ent.end))
        return  # "The boat, Conception, ...", "Space Shuttle Enterprise": a craft, neither actor nor place
    if core.text[0].islower() and not CAMEL_CASE.match(core.text):
        return  # names are capitalised: "state", "el" are spaCy-sm misfires
    if all(t.lower_ in NAME_TITLES or t.lower_ in TITLE_NOUNS or t.lower_ in RANKS for t in core) \
            and not (label == "PERSON" and len(core) == 1 and core.text in article.short_names):
        return  # "Detective Inspector" is a title, not an organization; "King" of "Gayle King" is a name
    if label != "PERSON" and _titled_name(core) is not None:
        label = "PERSON"  # "Detective Constable Daniel Dubé" tagged ORG
    if label != "PERSON" and len(core) >= 2 and core.text not in article.organization_names:
        named = _known_full_name(article, core)
        if named is not None:  # "Nicola Sturgeon" tagged ORG here, PERSON elsewhere in the article
            core, label = named, "PERSON"
    if label == "PERSON":
        _person_entity(article, core)
        return
    if label in ("GPE", "LOC", "FAC") and len(core) > 1 and core[-1].lower_ in MEDIA_NAME_WORDS \
            and core[-1].text[:1].isupper():
        label = "ORG"  # a newspaper: "the Saudi Gazette" tagged FAC, "the Toronto Star" GPE
    if label in ("GPE", "ORG", "NORP", "LOC") and _country_entity(article, ent, core):
        return
    if label in ("GPE", "LOC", "FAC"):  # FAC: buildings, airports, roads
        _place_entity(article, ent, core, label)
    elif label == "NORP":
        _group_entity(article, ent, core)
    elif label == "ORG":
        _organization_entity(article, ent, core)


def _organization_by_head(core: Span) -> bool:
    """A name of two words or more whose head is an organization's or a newspaper's word
    ("Sydney Morning Herald", "Australian Paralympic Committee"), capitalised, and not a
    title in quotes ("\"No Jennifer Lopez News Today\"", which names a work)."""
    doc = core.doc
    head = core.root
    if len(core) < 2 or not head.text[:1].isupper() or head.i != core.end - 1:
        return False
    if head.lower_ not in ORGANIZATION_NAME_HEADS and head.lower_ not in MEDIA_NAME_WORDS:
        return False
    before = doc[core.start - 1].text if core.start > 0 else ""
    if before and before[-1] in "\"'“‘":
        return False
    return not (core.start > 1 and doc[core.start - 1].lower_ == "the" and doc[core.start - 2].text[-1:] in "\"'“‘")


def _label_on_evidence(article: _Article, core: Span, label: str) -> str:
    """spaCy's label, or the one the article gives evidence for (:mod:`kit.actors.places`): a
    place tagged PERSON or ORG ("in Jolo", "the Amazon rainforest"), unless a building acts
    ("Holy Cross Hospital said"); an organization tagged GPE ("Qantas and Emirates")."""
    place = article.place_names.get(core.text)
    if place and label in ("PERSON", "ORG"):
        if place == "FAC" and _acts(core.root, article.is_actor_at):
            return "ORG"
        return place
    if label in ("GPE", "LOC", "PERSON", "FAC") and core.text in article.organization_names:
        return "ORG"  # also FAC: "his leadership in Civic Passion", the article's "group Civic Passion"
    return label


def _no_name_of_anyone(article: _Article, core: Span, label: str) -> bool:
    """One word that names no actor: letters after a person's name ("Mark Tedeschi, QC",
    "Tom Molomby, SC"), or a lone "person" after "the" that the article gives no full name
    ("during the Hajj": an event; people's names take no article, a name as a modifier aside)."""
    doc = article.doc
    token = core[0]
    before = doc[core.start - 1] if core.start > 0 else None
    after = doc[core.end] if core.end < len(doc) else None
    if before is not None and before.text == "," and token.text.isupper() and len(token.text) <= 3 \
            and core.start >= 2 and doc[core.start - 2].ent_type_ == "PERSON" and (after is None or after.is_punct):
        return True  # "Mark Tedeschi, QC," but not "Michael Tien, DAB's Ben Chan"
    if label != "PERSON" or core.text in article.short_names or token.dep_ == "compound" or token.text.endswith("s"):
        return False  # "the Marilyn pictures": a name as a modifier; "the Houthis", "the Sams": a group, a family
    while before is not None and before.pos_ == "ADJ" and before.i > 0:
        before = doc[before.i - 1]  # an adjective between: "the annual Hajj"
    return before is not None and before.lower_ == "the"


def _surname_fits(article: _Article, ent: Span, core: Span) -> bool:
    """May a one-word entity be the person whose surname or given name it is, whatever
    spaCy's label? Only with evidence in the article: a surname (a given name only where
    spaCy says PERSON), never after "the" ("the Barclays"), nor a word the article also
    uses inside a longer name of an organization or place ("Lloyds" of "Lloyds Bank"), nor a
    company's name in its market ("shares of Goldman" beside "Sarah Goldman")."""
    full, how = article.short_names[core.text]
    if how != "surname" and ent.label_ != "PERSON":
        return False
    if ent.label_ == "PERSON":
        return True
    doc = article.doc
    if core.start > 0 and doc[core.start - 1].lower_ == "the" or _in_its_market(doc, core):
        return False
    return core.text not in article.other_name_words


def _in_its_market(doc, core: Span) -> bool:
    """'shares of Goldman', 'Goldman shares', "Ford's stock": a company's name."""
    after = core.end + (1 if core.end < len(doc) and doc[core.end].tag_ == "POS" else 0)
    if after < len(doc) and doc[after].lower_ in COMPANY_CONTEXT_NOUNS and doc[after].pos_ == "NOUN":  # not "King shares"
        return True
    return core.start >= 2 and doc[core.start - 1].lower_ == "of" and doc[core.start - 2].lower_ in COMPANY_CONTEXT_NOUNS


def _person_entity(article: _Article, core: Span) -> None:
    name = _person_name(core)
    if (len(name) == 1 or name.text in article.surnames and name.text not in article.surnames.values()) \
            and name.text in article.short_names:
        # spaCy-sm also tags lone surnames as ORG or GPE ("Trump", "Maduro's regime").
        full, how = article.short_names[name.text]
        article.add(name.start, name.end, name=full, kind="person", how=how, titles=article.titles.get(full, set()))
    elif len(name) == 1 and CAMEL_CASE.match(name.text):
        # "SpaceX", "YouTube": people's names are not camel-cased (McArthur, DeSantis aside).
        article.add(name.start, name.end, name=name.text, kind="organization", how="name")
    elif _could_be_person(name):
        # "fentanyl" is no one's name, "Cyclone Phailin" no one's either
        article.add(name.start, name.end, name=name.text, kind="person", how="name",
                    titles=article.titles.get(name.text, set()))
    article.actor_tokens.update(range(core.start, core.end))


def _country_entity(article: _Article, ent: Span, core: Span) -> bool:
    """A country by name: an actor, a place ("left the Bahamas") or a modifier. True if it is a country."""
    doc = article.doc
    country = geography.country_of_name(core.text)
    if not country:
        return False
    article.countries_at.update((i, country) for i in range(ent.start, ent.end))
    if _is_modifier(core):
        _modifier_place(article, core.start, core.end, country, country)  # "his US counterpart": where, not who
        return True
    if _names_place(core.root) or _completes_address(core):
        # "Dorian left the Bahamas", "born in Austria": where, not who.
        article.add(_with_the(doc, core.start), core.end, name=country, kind="place", how="name", country=country)
        return True
    canonical = core.text == country or core.text.lower() == country.lower()
    article.add(_with_the(doc, core.start), core.end, name=country, kind="country",
                how="name" if canonical else "alias", country=country)
    article.actor_tokens.update(range(ent.start, ent.end))
    return True


def _modifier_place(article: _Article, start: int, end: int, name: str, country: str | None) -> None:
    """A country or place named as a modifier ("his US counterpart", "U.S. officials", "the South
    Carolina primary"): no mention of the country (the seed's gold calls it a modifier), but still
    a place's name, as a newswire tagger sees it: a place of kind "place", how "modifier", kept
    where no mention covers it (added last, :func:`kit.actors.find._with_modifier_places`)."""
    article.modifier_places.append(dict(tok_start=start, tok_end=end, name=name, kind="place", how="modifier",
                                        country=country, priority=0))


def _place_entity(article: _Article, ent: Span, core: Span, label: str) -> None:
    """A capital acts for its government ("Moscow said"); otherwise a place."""
    capital_of = geography.country_of_capital(core.text) if label == "GPE" else None
    a_country = any(i in article.countries_at for i in range(core.start, core.end))  # "US" from the alias file
    if capital_of:
        article.countries_at.update((i, capital_of) for i in range(ent.start, ent.end))
    if _is_modifier(core) and a_country:
        return  # "his US counterpart": a modifier of the country's, already a place (_alias_mentions)
    if _is_modifier(core):
        # "the South Carolina primary", "an Ottawa street": still a place's name, added last
        # where no mention covers it ("Vancouver researchers" stays one description).
        _modifier_place(article, core.start, core.end, core.text, capital_of)
        return
    if capital_of and _acts(core.root, article.is_actor_at) and not _completes_address(core):
        article.add(core.start, core.end, name=capital_of, kind="country", how="capital", country=capital_of)
        article.actor_tokens.update(range(ent.start, ent.end))
    else:
        article.add(core.start, core.end, name=core.text, kind="place", how="name", country=capital_of)


def _group_entity(article: _Article, ent: Span, core: Span) -> None:
    """NORP: only plural nouns that act are groups ("the Democrats said"); "Russian" is a modifier.
    A party's members ("the Democrats", "the Liberal Democrats") name the party (how "name");
    any other people ("Iraqis", "Muslims", "Jews") are named by a nationality, religion or
    ethnicity word (how "demonym": a naming mention, but no name by newswire conventions)."""
    demonym_country = geography.country_of_demonym(core.text)
    if demonym_country:
        article.countries_at.update((i, demonym_country) for i in range(ent.start, ent.end))
    root = ent.root
    if root.tag_ in ("NNS", "NNPS") and not _is_modifier(ent) and _acts(root, article.is_actor_at):
        party = core[-1].lower_ in PARTY_MEMBER_NOUNS
        article.add(ent.start, ent.end, name=core.text, kind="group",
                    how="name" if party else "demonym", country=demonym_country, plural=True)
        article.actor_tokens.update(range(ent.start, ent.end))


def _organization_entity(article: _Article, ent: Span, core: Span) -> None:
    doc = article.doc
    if core.root.dep_ == "pobj" and core.root.head.lower_ == "on" and core.root.lower_ not in ORGANIZATION_NAME_HEADS:
        return  # a medium, not an actor: "a post on Facebook" (but "35 years on the Supreme Court")
    if _not_an_organization(article, core):
        return
    if core.end + 2 < ent.end + 2 and core.end + 2 <= len(doc) and doc[core.end].text == "(" \
            and doc[core.end + 1].text.isupper() and core.end + 1 < ent.end:
        # "the World Health Organization (WHO": spaCy swallows the bracketed abbreviation.
        abbreviation = doc[core.end + 1]
        article.add(abbreviation.i, abbreviation.i + 1, name=core.text, kind="organization", how="alias")
        article.actor_tokens.add(abbreviation.i)
    country = _government_of(core)
    if country:
        article.add(_with_the(doc, core.start), core.end, name=government_name(country),
                    kind="organization", how="description", country=country)
    else:
        article.add(_with_the(doc, core.start), core.end, name=_spelled_country(core), kind="organization", how="name")
    article.actor_tokens.update(range(core.start, core.end))
