"""One article: a spaCy Doc -> mention rows (``find_mentions``), in numbered stages.

1. :func:`_person_names`: full names first, so that lone surnames anywhere in the article
   find them ("Putin" after or before "Vladimir Putin");
2. :func:`_alias_mentions`: the alias file's spellings ("America", "the Kremlin");
3. :func:`~kit.actors.entities._entity_mention`: spaCy's entities, corrected (one function
   per label, :mod:`kit.actors.entities`);
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

from kit.actors.aliases import _alias_matcher, alias_file
from kit.actors.entities import _entity_mention, _modifier_place
from kit.actors.furniture import cut_entities, dateline_mentions, layout_spans, quoted_titles
from kit.actors.places import organization_names, place_names, vehicle_names
from kit.actors.names import (
    MODEL_SCRIPTS, _apposed_persons, compound_surname, _could_be_person, _given_name_after_title,
    _has_letter_of, _label_mentions, _person_name, _titled_name, _titles_of, _trim,
    initials, slug, turn_labels,
)
from kit.actors.roles import _acts, _completes_address, _is_modifier, _names_place, _with_the
from kit.nlp import text_of
from kit.syntax import GIVEN_NAMES, PRONOUNS, inside_quotes
from kit.actors.words import (
    ANONYMOUS_NOUNS, GROUP_NOUNS, INSTITUTION_NOUNS, NOT_PERSON_FIRST_WORDS,
    ORGANIZATION_DESCRIPTIONS, TITLE_MODIFIERS, TITLE_NOUNS,
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
        self.vehicle_names: frozenset[str] = frozenset()  # "Conception" of "the boat, Conception"

    @functools.cached_property
    def in_quote(self):
        """Is a character offset inside a quote? Built once per article: the quote marks are
        found in one pass."""
        return inside_quotes(text_of(self.doc))

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
    # Newswire layout (kit.actors.furniture, issue #15): a dateline's places, no name across a line break.
    datelines, dateline_tokens, dateline_states = dateline_mentions(doc)
    article.layout_tokens |= dateline_tokens | quoted_titles(doc)  # 'in “Joker”': a film, not a person
    ents = cut_entities(doc.ents, dateline_tokens, dateline_states)
    ents = _apposed_persons(_outside_layout(ents, article.layout_tokens))
    article.place_names = place_names(doc, ents)
    article.organization_names = organization_names(doc, ents, article.place_names)
    article.vehicle_names = vehicle_names(ents)
    _person_names(article, ents)
    _alias_mentions(article)
    for ent in ents:
        _entity_mention(article, ent)
    _token_mentions(article)
    _drop_non_mentions(article)
    article.candidates += datelines  # newswire datelines (issue #15), after the layout's mentions went
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
    text = text_of(doc)
    spans = list(layout_spans(text)) + turn_labels(text)
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
        core = _trim(ent) if ent.label_ == "PERSON" else None
        if core is not None and (core.text in article.place_names or core.text in article.organization_names):
            continue  # "Blaenau Ffestiniog" is a town, "the group Civic Passion" a group: no given name and surname
        titled = (_titled_name(ent) or _given_name_after_title(ent)) if ent.label_ != "PERSON" else None
        if ent.label_ == "PERSON" or titled is not None:
            name = titled if titled is not None else _person_name(ent)
            if len(name) >= 2 and _could_be_person(name):
                article.surnames.setdefault(name[-1].text, name.text)
                compound = compound_surname(name)  # "De Niro", "Waller-Bridge": alone later, the person
                if compound is not None:
                    article.surnames.setdefault(compound, name.text)
                    article.surnames.setdefault(compound[:1].upper() + compound[1:], name.text)  # "Von der Leyen"
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
            named = article.short_names.get(span.text)
            if not (named and named[1] == "alias" and span.text.lower() in GIVEN_NAMES):
                article.not_actors.update(range(start, end))  # but "Oscar" of "Oscar Arias" named before is the man
            continue
        if record["kind"] == "country":
            country = record["country"] or record["name"]
            article.countries_at.update((i, country) for i in range(start, end))
            if _is_modifier(span):
                _modifier_place(article, start, end, country, country)
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


# 3. spaCy's entities, corrected: kit.actors.entities ---------------------------------------


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
                    first = _compound_start(article, token, full)  # "De Santo", "Ruiz-Tagle": the whole surname
                    article.add(first, token.i + 1, name=full, kind="person", how="surname",
                                titles=article.titles.get(full, set()))
                elif len(token.text) >= 2 and token.text.isupper() and token.text in abbreviations:
                    article.add(token.i, token.i + 1, name=abbreviations[token.text], kind="organization", how="alias")
        elif token.pos_ == "NOUN":
            _common_noun_mention(article, token)


def _compound_start(article: _Article, token, full: str) -> int:
    """Where the surname ending at ``token`` starts: at the first token of the full name's
    compound surname written right before it ("De Santo", "Ruiz-Tagle"), else at ``token``."""
    doc = article.doc
    for compound, person in article.surnames.items():
        if person != full or compound == token.text or not compound.endswith(token.text):
            continue
        start = token.idx + len(token.text) - len(compound)
        span = doc.char_span(start, token.idx + len(token.text)) if start >= 0 else None
        if span is not None and span.text == compound and not article.actor_tokens.intersection(range(span.start, span.end)):
            return span.start
    return token.i


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
