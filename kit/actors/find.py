"""One article: a spaCy Doc -> mention rows (``find_mentions``), in numbered stages.

1. :func:`_person_names`: full names first, so that lone surnames anywhere in the article
   find them ("Putin" after or before "Vladimir Putin");
2. :func:`_alias_mentions`: the alias file's spellings ("America", "the Kremlin");
3. :func:`_entity_mentions`: spaCy's entities, corrected (one function per label);
4. :func:`_token_mentions`: surnames and abbreviations spaCy missed, institutions,
   anonymous sources and groups;
5. :func:`_drop_non_mentions`: transcript labels, other scripts, events, awards;
6. overlaps resolved, then descriptions and pronouns (:mod:`kit.actors.references`).
"""

from __future__ import annotations

import bisect
import functools

from typing import TYPE_CHECKING

import numpy

if TYPE_CHECKING:  # spaCy is imported where a Doc is worked on, not when kit.actors is (a cached report)
    from spacy.tokens import Doc, Span

from kit.actors import geography
from kit.actors.aliases import _alias_matcher, alias_file
from kit.actors.furniture import layout_spans
from kit.actors.places import organization_names, place_names
from kit.actors.names import (
    CAMEL_CASE, MODEL_SCRIPTS, _apposed_persons, _could_be_person, _given_name_after_title, _government_of,
    _has_letter_of, _known_full_name, _label_mentions, _not_an_organization, _person_name, _spelled_country, _titled_name, _titles_of, _trim,
    government_name, initials, slug, turn_labels,
)
from kit.actors.roles import _acts, _completes_address, _is_modifier, _names_place, _with_the
from kit.syntax import PRONOUNS
from kit.actors.words import (
    ANONYMOUS_NOUNS, GROUP_NOUNS, INSTITUTION_NOUNS, MEDIA_NAME_WORDS, NAME_TITLES, NOT_PERSON_FIRST_WORDS,
    ORGANIZATION_DESCRIPTIONS, ORGANIZATION_NAME_HEADS, RANKS, TITLE_MODIFIERS, TITLE_NOUNS,
)


def _cased(words) -> list[str]:
    return [form for word in words for form in (word, word.capitalize(), word.upper())]


class _TokenFilter:
    """Hashes of the words the token rules care about, so that tokens are chosen on arrays."""

    def __init__(self, vocab):
        strings = vocab.strings

        def hashes(words):
            return numpy.array(sorted({strings.add(w) for w in _cased(words)}), dtype="uint64")

        self.pronouns = hashes(PRONOUNS)
        self.the = numpy.array([strings.add("the"), strings.add("The"), strings.add("THE")], dtype="uint64")
        self.noun_rule = hashes(INSTITUTION_NOUNS | ANONYMOUS_NOUNS | GROUP_NOUNS | {"medium"})
        self.description_rule = hashes(ORGANIZATION_DESCRIPTIONS | TITLE_NOUNS | ANONYMOUS_NOUNS)
        self.title_modifiers = hashes(TITLE_MODIFIERS)

    def select(self, arrays, *, proper_orths=(), pronouns=False, nouns=None) -> list[int]:
        """Indices of: proper nouns whose text is in ``proper_orths``; he/she/they if
        ``pronouns``; nouns whose lemma or lower form is in ``nouns`` (after "the" for descriptions)."""
        from spacy.symbols import NOUN as NOUN_ID, PRON as PRON_ID, PROPN as PROPN_ID

        if len(arrays) == 0:
            return []
        pos, lower, lemma, orth = arrays[:, 0], arrays[:, 1], arrays[:, 2], arrays[:, 3]
        mask = numpy.zeros(len(arrays), dtype=bool)
        if proper_orths:
            mask |= (pos == PROPN_ID) & numpy.isin(orth, numpy.array(sorted(proper_orths), dtype="uint64"))
        if pronouns:
            mask |= (pos == PRON_ID) & numpy.isin(lower, self.pronouns)
        if nouns is not None:
            wanted = numpy.isin(lemma, nouns) | numpy.isin(lower, nouns)
            if nouns is self.description_rule:
                after_the = numpy.zeros(len(arrays), dtype=bool)
                after_the[1:] = numpy.isin(lower[:-1], self.the)
                # "the Prime Minister", "the vice president": a title word between
                after_the[2:] |= numpy.isin(lower[:-2], self.the) & numpy.isin(lower[1:-1], self.title_modifiers)
                mask |= ((pos == NOUN_ID) | (pos == PROPN_ID)) & wanted & after_the
            else:
                mask |= (pos == NOUN_ID) & wanted
        return numpy.flatnonzero(mask).tolist()


@functools.lru_cache(maxsize=8)
def _token_filter(vocab) -> _TokenFilter:
    return _TokenFilter(vocab)


class _Article:
    """The state of one article while its mentions are found (kept small on purpose)."""

    def __init__(self, doc: Doc):
        from spacy.attrs import LEMMA, LOWER, ORTH, POS

        self.doc = doc
        self.sentence_starts = [sentence.start for sentence in doc.sents] if doc.has_annotation("SENT_START") else [0]
        self.candidates: list[dict] = []
        # One C-level pass gives the attributes the token rules filter on.
        self.arrays = doc.to_array([POS, LOWER, LEMMA, ORTH]) if len(doc) else numpy.zeros((0, 4), dtype="uint64")
        self.surnames: dict[str, str] = {}  # "Putin" -> "Vladimir Putin"
        self.titles: dict[str, set[str]] = {}  # full name -> titles given in the text
        self.short_names: dict[str, tuple[str, str]] = {}  # surname or given name -> (full name, how)
        self.countries_at: dict[int, str] = {}  # token index -> country, for modifiers and "its"
        self.actor_tokens: set[int] = set()
        self.not_actors: set[int] = set()  # tokens of events and concepts (kind "none" in the alias file)
        self.not_actor_names: set[str] = set()  # abbreviations of names that are not actors ("ISS")
        self.layout_tokens: set[int] = set()  # credits, bylines, transcript labels
        self.mention_tokens: set[int] = set()  # tokens of the mentions found before descriptions and pronouns
        self.other_name_words: set[str] = set()  # words of organizations' and places' longer names
        self.modifier_places: list[dict] = []  # places named as modifiers, kept where nothing else is
        self.place_names: dict[str, str] = {}  # names spaCy tagged PERSON/ORG that are places' -> label
        self.organization_names: set[str] = set()  # names tagged GPE/LOC that are organizations'
        self.storm_names = _storm_names(doc)  # "Lorenzo" of "Hurricane Lorenzo"

    def sentence_of(self, token_index: int) -> int:
        return bisect.bisect_right(self.sentence_starts, token_index) - 1

    def is_actor_at(self, index: int) -> bool:
        return index in self.actor_tokens

    def add(self, start: int, end: int, *, name: str, kind: str, how: str, country=None, priority=0, **extra):
        self.candidates.append(
            dict(tok_start=start, tok_end=end, name=name, kind=kind, how=how, country=country,
                 priority=priority, **extra)
        )


def _storm_names(doc: Doc) -> frozenset[str]:
    """The names the article gives storms ("Hurricane Lorenzo", "Tropical Storm Barry",
    "Cyclone Phailin"): alone later ("Lorenzo hit the Azores"), they are the storm, no person."""
    return frozenset(doc[i + 1].text for i in range(len(doc) - 1)
                     if doc[i].lower_ in NOT_PERSON_FIRST_WORDS and doc[i].text[:1].isupper()
                     and doc[i + 1].pos_ == "PROPN" and doc[i + 1].text[:1].isupper()
                     and doc[i + 1].lower_ not in NOT_PERSON_FIRST_WORDS)


def find_mentions(doc: Doc) -> list[dict]:
    """Rows of the mentions table for one parsed article (no ``article_id``).

    Each row: ``start``, ``end`` (character offsets into ``doc.text``), ``text``,
    ``actor_id``, ``kind``, ``sentence``, ``how``, plus ``name`` (canonical) and
    ``country`` for the corpus-level step.

    >>> from kit.nlp import load_model
    >>> doc = load_model()("Moscow said the experts would stay. Maduro met Nicolas Maduro's allies in Caracas.")
    >>> [(m["text"], m["actor_id"], m["how"]) for m in find_mentions(doc)][:3]
    [('Moscow', 'russia', 'capital'), ('Maduro', 'nicolas-maduro', 'surname'), ('Nicolas Maduro', 'nicolas-maduro', 'name')]
    """
    from kit.actors.references import _descriptions_and_pronouns, _link_abbreviations, _without_overlaps

    article = _Article(doc)
    article.layout_tokens = _layout_tokens(doc)
    ents = _apposed_persons(_outside_layout(doc.ents, article.layout_tokens))
    article.place_names = place_names(doc, ents)
    article.organization_names = organization_names(doc, ents, article.place_names)
    _person_names(article, ents)
    _alias_mentions(article)
    for ent in ents:
        _entity_mention(article, ent)
    _token_mentions(article)
    _drop_non_mentions(article)
    _label_mentions(article)
    _link_abbreviations(article.candidates)
    mentions = _without_overlaps(article.candidates)
    nested = _names_in_descriptions(article, mentions)
    mentions = _descriptions_and_pronouns(article, mentions)
    mentions = _with_modifier_places(article, mentions, nested)
    return [_row(article, m) for m in mentions]


def _names_in_descriptions(article: _Article, kept: list[dict]) -> list[dict]:
    """Names of organizations and people inside a description with a common noun for head,
    which took their place ("Goldman Sachs analysts", "Pentagon officials", "a Google
    spokeswoman"): still mentions of their actor, nested in the description."""
    doc = article.doc
    described = [m for m in kept if _described(doc, m)]
    if not described:
        return []
    from kit.actors.references import _without_overlaps

    chosen = {id(m) for m in kept}
    return _without_overlaps([
        c for c in article.candidates if id(c) not in chosen and c["how"] in ("name", "alias")
        and c["kind"] in ("organization", "person")
        and any(m["tok_start"] <= c["tok_start"] and c["tok_end"] < m["tok_end"] for m in described)])


def _with_modifier_places(article: _Article, mentions: list[dict], nested: list[dict] = ()) -> list[dict]:
    """The mentions and the places named as modifiers, where no mention covers them or only a
    description with a common noun for head covers them ("U.S. officials", "the New Zealand
    government", "Vancouver researchers": the place's name nested in the description, as a
    newswire tagger sees it). A name covering them keeps them ("the US Embassy", "Texas A&M").
    ``nested``: other names nested in descriptions (:func:`_names_in_descriptions`). Nested rows
    follow the row that holds them."""
    from kit.actors.references import _without_overlaps

    doc = article.doc
    taken = {i for m in mentions if not _described(doc, m) for i in range(m["tok_start"], m["tok_end"])}
    extra = [p for p in _without_overlaps(article.modifier_places) if taken.isdisjoint(range(p["tok_start"], p["tok_end"]))]
    extra += [n for n in nested if any(m is not n and m["tok_start"] <= n["tok_start"] and n["tok_end"] <= m["tok_end"]
                                       for m in mentions if _described(doc, m))]
    if not extra:
        return mentions
    return sorted(mentions + extra, key=lambda m: (m["tok_start"], m["tok_start"] - m["tok_end"]))


def _described(doc: Doc, mention: dict) -> bool:
    """Is the mention a description whose head is a common noun ("U.S. officials")?"""
    return mention["how"] == "description" and doc[mention["tok_end"] - 1].text.islower()


def _layout_tokens(doc: Doc) -> set[int]:
    """Tokens of credit lines, bylines, dateline agencies, site furniture and transcript
    labels: names printed there are no mentions (:mod:`kit.actors.furniture`)."""
    spans = list(layout_spans(doc.text)) + turn_labels(doc.text)
    return {t.i for start, end in spans for t in doc.char_span(start, end, alignment_mode="expand") or ()}


def _outside_layout(ents, layout: set[int]) -> list[Span]:
    """The entities outside layout spans; one that runs into a credit or a furniture line
    ("Reuters\nChina") keeps its longest stretch outside ("China")."""
    from spacy.tokens import Span

    if not layout:
        return list(ents)
    kept = []
    for ent in ents:
        if layout.isdisjoint(range(ent.start, ent.end)):
            kept.append(ent)
            continue
        runs, start = [], None
        for i in range(ent.start, ent.end + 1):
            outside = i < ent.end and i not in layout and not ent.doc[i].is_space
            if outside and start is None:
                start = i
            elif not outside and start is not None:
                runs.append((start, i))
                start = None
        if runs:
            start, end = max(runs, key=lambda r: r[1] - r[0])
            kept.append(Span(ent.doc, start, end, label=ent.label_))
    return kept


# 1. Full names first ------------------------------------------------------------------------


def _person_names(article: _Article, ents) -> None:
    """Full names of the article: its surnames, given names and the titles they bear."""
    first_names: dict[str, str] = {}
    for ent in ents:
        if ent.label_ == "PERSON" and _trim(ent) is not None and (_trim(ent).text in article.place_names
                                                                   or _trim(ent).text in article.organization_names):
            continue  # "Blaenau Ffestiniog" is a town, "the group Civic Passion" a group: no given name and surname
        titled = (_titled_name(ent) or _given_name_after_title(ent)) if ent.label_ != "PERSON" else None
        if ent.label_ == "PERSON" or titled is not None:
            name = titled if titled is not None else _person_name(ent)
            if len(name) >= 2 and _could_be_person(name):
                article.surnames.setdefault(name[-1].text, name.text)
                first_names.setdefault(name[0].text, name.text)
                for middle in name[1:-1]:  # "Ricardo Rosselló Nevares": Spanish double surnames
                    if middle.text[:1].isupper() and len(middle.text) > 2 and "." not in middle.text:
                        first_names.setdefault(middle.text, name.text)
                article.titles.setdefault(name.text, set()).update(_titles_of(ent))
    # Words of longer names that are not people's ("Lloyds" of "Lloyds Bank"): evidence against a surname.
    article.other_name_words = {t.text for ent in ents if ent.label_ in ("ORG", "FAC", "GPE", "LOC") and len(ent) > 1
                                and ent.text not in article.surnames.values() for t in ent}
    # A lone given name ("Bob", or "Tong" of "Tong Yung-soo") is the person too, unless it is someone's surname.
    given = {key: full for key, full in first_names.items() if key not in article.surnames}
    article.short_names = {**{k: (v, "alias") for k, v in given.items()},
                           **{k: (v, "surname") for k, v in article.surnames.items()}}


# 2. Aliases from the alias file (exact spelling) --------------------------------------------


def _alias_mentions(article: _Article) -> None:
    doc = article.doc
    matcher, records = _alias_matcher(doc.vocab, str(alias_file()))
    for match_id, start, end in matcher(doc):
        record = records[doc.vocab.strings[match_id]]
        span = doc[start:end]
        if record["kind"] == "none":
            article.not_actors.update(range(start, end))
            continue
        if record["kind"] == "country":
            article.countries_at.update((i, record["country"] or record["name"]) for i in range(start, end))
            if _is_modifier(span):
                _modifier_place(article, start, end, record["country"] or record["name"])
                continue
            if record["usage"] == "seat" and not _acts(span.root, article.is_actor_at):
                # "the south lawn of the White House": the building, a place (and not an ORG either).
                article.add(_with_the(doc, start), end, name=span.text, kind="place", how="name",
                            country=record["country"], priority=2)
                continue
            if record["usage"] == "name" and (_completes_address(span) or _names_place(span.root)):
                article.add(start, end, name=record["name"], kind="place", how="alias", country=record["name"])
                continue
        if record["kind"] == "organization" and span.root.dep_ == "pobj" and span.root.head.lower_ == "on":
            article.not_actors.update(range(start, end))  # "a post on Facebook": a medium (as for spaCy's ORGs)
            continue
        start = _with_the(doc, start)
        article.add(start, end, name=record["name"], kind=record["kind"] or "organization", how="alias",
                    country=record["country"], priority=2, listed=True)
        article.actor_tokens.update(range(start, end))


# 3. spaCy's entities, corrected --------------------------------------------------------------


def _entity_mention(article: _Article, ent: Span) -> None:
    """The mention an entity makes, if any, by its (corrected) label."""
    label = ent.label_
    core = _trim(ent)
    if core is None:
        return
    label = _label_on_evidence(article, core, label)
    if label in ("WORK_OF_ART", "EVENT", "PRODUCT", "LAW") and _organization_by_head(core):
        label = "ORG"  # "according to the Sydney Morning Herald" tagged EVENT, "The Washington Post" a work
    if len(core) == 1 and core.text in article.short_names and _surname_fits(article, ent, core):
        label = "PERSON"  # whatever spaCy thought ("Trump" ORG, "Pelosi's" EVENT)
    if label not in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
        return
    if len(core) == 1 and _no_name_of_anyone(article, core, label):
        return
    if len(core) > 1 and core[0].lower_ in NOT_PERSON_FIRST_WORDS:
        return  # "Hurricane Maria", "Tropical Storm Barry": weather, neither actor nor place
    if len(core) == 1 and core.text in article.storm_names:
        return  # "Lorenzo" after "Hurricane Lorenzo": the storm again
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
    uses inside a longer name of an organization or place ("Lloyds" of "Lloyds Bank")."""
    full, how = article.short_names[core.text]
    if how != "surname" and ent.label_ != "PERSON":
        return False
    if ent.label_ == "PERSON":
        return True
    doc = article.doc
    if core.start > 0 and doc[core.start - 1].lower_ == "the":
        return False
    return core.text not in article.other_name_words


def _person_entity(article: _Article, core: Span) -> None:
    name = _person_name(core)
    if len(name) == 1 and name.text in article.short_names:
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
        _modifier_place(article, core.start, core.end, country)  # "his US counterpart": where, not who
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


def _modifier_place(article: _Article, start: int, end: int, country: str) -> None:
    """A country named as a modifier ("his US counterpart", "U.S. officials"): no mention of the
    country (the seed's gold calls it a modifier), but still a place's name, as a newswire
    tagger sees it: a place of kind "place", how "modifier", kept where no mention covers it."""
    article.modifier_places.append(dict(tok_start=start, tok_end=end, name=country, kind="place", how="modifier",
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
        article.modifier_places.append(dict(tok_start=core.start, tok_end=core.end, name=core.text, kind="place",
                                            how="modifier", country=capital_of, priority=0))
        return
    if capital_of and _acts(core.root, article.is_actor_at) and not _completes_address(core):
        article.add(core.start, core.end, name=capital_of, kind="country", how="capital", country=capital_of)
        article.actor_tokens.update(range(ent.start, ent.end))
    else:
        article.add(core.start, core.end, name=core.text, kind="place", how="name", country=capital_of)


def _group_entity(article: _Article, ent: Span, core: Span) -> None:
    """NORP: only plural nouns that act are groups ("the Democrats said"); "Russian" is a modifier."""
    demonym_country = geography.country_of_demonym(core.text)
    if demonym_country:
        article.countries_at.update((i, demonym_country) for i in range(ent.start, ent.end))
    root = ent.root
    if root.tag_ in ("NNS", "NNPS") and not _is_modifier(ent) and _acts(root, article.is_actor_at):
        article.add(ent.start, ent.end, name=core.text, kind="group",
                    how="demonym" if demonym_country else "name", country=demonym_country, plural=True)
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


# 4. Token rules ------------------------------------------------------------------------------


def _token_mentions(article: _Article) -> None:
    """Surnames and abbreviations spaCy missed, institutions, anonymous sources, groups."""
    from kit.actors.references import _common_noun_mention

    doc = article.doc
    abbreviations = {
        initials(c["name"]): c["name"] for c in article.candidates if c["kind"] == "organization" and " " in c["name"]
    }
    # Only the few tokens that can matter are looked at in Python (chosen on arrays, see _TokenFilter).
    words = _token_filter(doc.vocab)
    proper = {doc.vocab.strings.add(w) for w in list(article.surnames) + list(abbreviations)}
    for index in words.select(article.arrays, proper_orths=proper, nouns=words.noun_rule):
        token = doc[index]
        if token.pos_ == "PROPN":
            if token.ent_type_ == "" and token.i not in article.actor_tokens:
                if token.text in article.surnames:
                    full = article.surnames[token.text]
                    article.add(token.i, token.i + 1, name=full, kind="person", how="surname",
                                titles=article.titles.get(full, set()))
                elif len(token.text) >= 2 and token.text.isupper() and token.text in abbreviations:
                    article.add(token.i, token.i + 1, name=abbreviations[token.text], kind="organization", how="alias")
        elif token.pos_ == "NOUN":
            _common_noun_mention(article, token)


# 5. What is not a mention ----------------------------------------------------------------------


def _drop_non_mentions(article: _Article) -> None:
    article.candidates = [c for c in article.candidates if _may_be_mention(article, c)]
    article.modifier_places = [c for c in article.modifier_places if _may_be_mention(article, c)]


def _may_be_mention(article: _Article, c: dict) -> bool:
    doc = article.doc
    tokens = range(c["tok_start"], c["tok_end"])
    # Speaker labels of interview transcripts ("WN:", "JD:"), credits and bylines are layout, not mentions.
    if not article.layout_tokens.isdisjoint(tokens):
        return False
    # spaCy's English model tags words of other scripts ("किया") as entities: a name of the
    # model's language has a letter of its script; the alias file may still list others.
    if not c.get("listed") and not _has_letter_of(doc[c["tok_start"]:c["tok_end"]].text, MODEL_SCRIPTS.get(doc.lang_, "LATIN")):
        return False
    if article.not_actors and article.not_actors.issuperset(tokens):
        return False  # "Brexit" goes, "the Brexit Party" stays
    return not (c["kind"] == "organization" and c["name"] in article.not_actor_names)


def _row(article: _Article, m: dict) -> dict:
    doc = article.doc
    span = doc[m["tok_start"] : m["tok_end"]]
    return {
        "start": span.start_char,
        "end": span.end_char,
        "text": span.text,
        "actor_id": slug(m["name"]),
        "kind": m["kind"],
        "sentence": article.sentence_of(m["tok_start"]),
        "how": m["how"],
        "name": m["name"],
        "country": m["country"],
    }
