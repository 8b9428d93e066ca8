"""Names: what is a name inside an entity, whose name it could be, and the ids made from names.

>>> slug("The Wall Street Journal"), initials("World Health Organization")
('wall-street-journal', 'WHO')
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported where a Doc is worked on, not when kit.actors is (a cached report)
    from spacy.tokens import Span

from kit import lexicon
from kit.actors import geography
from kit.actors.aliases import _country_abbreviations
from kit.nlp import text_of
from kit.syntax import GENDERED_NOUNS, GIVEN_NAMES, HUMAN_NOUNS
from kit.actors.roles import _with_the
from kit.actors.words import ANONYMOUS_NOUNS
from kit.actors.words import (
    AWARD_WORDS, MEDIA_NAME_WORDS, NAME_TITLES, NOT_ACTOR_NAME_ENDS, NOT_ACTOR_NAME_STARTS, NOT_PERSON_FIRST_WORDS,
    OFFICE_NOUNS, OFFICES_OF, ORGANIZATION_DESCRIPTIONS, ORGANIZATION_NAME_HEADS, PERSON_ONLY_TITLES, PLACE_NAME_ENDS,
    RANKS, TITLE_MODIFIERS, TITLE_NOUNS, VEHICLE_WORDS,
)

# Letters Unicode does not decompose into a base letter plus accent ("Paweł" -> "Pawel").
_UNDECOMPOSABLE = str.maketrans(dict(lexicon.mapping("actors_ascii_letters")))


def slug(name: str) -> str:
    """A stable, readable actor_id: ASCII, lower case, hyphens; a leading "the" dropped.

    >>> slug("The Wall Street Journal"), slug("Nicolás Maduro"), slug("Group of 20"), slug("Paweł Adamowicz")
    ('wall-street-journal', 'nicolas-maduro', 'group-of-20', 'pawel-adamowicz')
    """
    text = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSABLE)).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if not text:  # a name of another script ("Москва" listed in the alias file) keeps its letters
        text = re.sub(r"[\W_]+", "-", name.lower()).strip("-")
    if text.startswith("the-"):
        text = text[4:]
    return text or "unknown"


# --- one article ----------------------------------------------------------------------


#: Code-like names: diseases, aircraft, weapons ("COVID-19", "Il-62", "F-16").
NOT_ACTOR_NAME = re.compile(r"^[A-Za-z]{1,6}-?\d[\w-]*$")
CAMEL_CASE = re.compile(r"^(?!Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O')[A-Za-z]*[a-z][A-Z]")
_TRAILING = frozenset(("'s", "’s", "'", "’", ",", "-", "("))


def _could_be_person(name: Span) -> bool:
    """Can this PERSON entity (title stripped) be someone's name? Names are capitalised
    at both ends ("Si el" is Spanish text), are not storms ("Cyclone Phailin") nor
    vehicles ("Space Shuttle Atlantis"), and have no digits ("COVID-19", "Windows 10",
    "Boeing 737-800": codes of diseases and products; a "Jr."/"III" suffix has none)."""
    last = name.text.split()[-1]
    return (name.text[0].isupper() and bool(SURNAME_START.match(last)) and name[0].lower_ not in NOT_PERSON_FIRST_WORDS
            and not any(t.lower_ in VEHICLE_WORDS for t in name) and not any(ch.isdigit() for ch in name.text)
            and not _abbreviation_last(last, name.text))


def _abbreviation_last(last: str, text: str) -> bool:
    """Does a name end in an abbreviation ("Pro-Beijing DAB's"), not a surname? A surname in
    capitals counts only in a name all in capitals ("JOHN SMITH"); "III", "Jr." are suffixes."""
    letters = last.rstrip(".'’s") if last.endswith(("'s", "’s")) else last.rstrip(".")
    return (len(letters) >= 2 and letters.isalpha() and letters.isupper() and not text.replace("'s", "").isupper()
            and not set(letters) <= set("IVX"))


#: The script of names in each model language (Unicode character names start with it).
MODEL_SCRIPTS = {"en": "LATIN", "de": "LATIN", "fr": "LATIN", "es": "LATIN", "ru": "CYRILLIC", "el": "GREEK"}


def _has_letter_of(text: str, script: str) -> bool:
    """Has ``text`` a letter of ``script``? ``_has_letter_of("किया", "LATIN")`` is False."""
    return any(ch.isalpha() and unicodedata.name(ch, "").startswith(script) for ch in text)


#: A speaker label opening a paragraph of a transcript: "WN:", "JD:", "Smith:", "Dr. Lee:"
#: (one to three words, then a colon) or, in Wikinews' markup, "((WN))", "((Zara Kay))".
TURN_LABEL = re.compile(
    r"^[ \t]*(?:\(\((?P<bracketed>[^()\n]+)\)\)|(?P<colon>[^\W\d_][\w.'’-]*(?:[ ][\w.'’-]+){0,2})[ \t]*:)",
    re.MULTILINE)


def turn_labels(text: str) -> list[tuple[int, int]]:
    """Character spans of the speaker labels of an interview transcript.

    A label is a short name (at most 25 characters) at the start of a paragraph,
    followed by a colon or in double brackets, that opens at least two paragraphs of the article (so a one-off "Update:" or a
    "Washington:" dateline is no label). Such labels are layout, not mentions in
    running text: the kit does not count them, and descriptions cannot resolve to them.

    >>> text = "WN: How did it start?\\nJD: By chance.\\nWN: And then?\\nJD: We grew.\\nNote: edited."
    >>> [text[s:e] for s, e in turn_labels(text)]
    ['WN', 'JD', 'WN', 'JD']
    >>> text = "((WN))  Why chess?\\n\\n((Dorsa Derakhshani))  My father.\\n\\n((WN))  When?"
    >>> [text[s:e] for s, e in turn_labels(text)]
    ['WN', 'WN']
    """
    found = []
    for match in TURN_LABEL.finditer(text):
        group = "bracketed" if match.group("bracketed") is not None else "colon"
        label = match.group(group).strip()
        if len(label) <= 25:
            found.append((label, match.start(group), match.end(group)))
    counts = Counter(label for label, _, _ in found)
    return [(start, end) for label, start, end in found if counts[label] >= 2]



def _apposed_persons(ents: list[Span]) -> list[Span]:
    """Entities the article itself says are people, whatever spaCy's label: a name with a
    person noun in apposition ("Valeska Paris, an Australian woman": not the city), with
    the capitalised words just before it that spaCy split off ("Valeska")."""
    from spacy.tokens import Span

    if not ents:
        return ents
    doc = ents[0].doc
    people = []
    for ent in ents:
        if ent.label_ in ("PERSON", "NORP") or len(ent) > 3:
            continue
        root = ent.root
        if root.dep_ == "pobj" or not any(
            c.dep_ == "appos" and c.pos_ == "NOUN" and (c.lemma_.lower() in HUMAN_NOUNS or c.lower_ in GENDERED_NOUNS)
            and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == "," for c in root.children
        ):
            continue  # "in Wuhan, China — a man from ...": a place, and the man someone else
        start = ent.start
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].head.i in range(start, ent.end) and doc[start - 1].text[:1].isupper():
            start -= 1
        if all(t.text[:1].isupper() and t.is_alpha for t in doc[start:ent.end]):
            people.append(Span(doc, start, ent.end, label="PERSON"))
    people += _particle_names(ents)
    if not people:
        return ents
    taken = {i for p in people for i in range(p.start, p.end)}
    kept = [e for e in ents if taken.isdisjoint(range(e.start, e.end))]
    return sorted(kept + people, key=lambda e: e.start)


#: Particles that open a surname ("dela Vega", "van Gogh"), lower case.
NAME_PARTICLES = lexicon.words("actors_name_particles")
#: A surname may open with an elided particle: "d'Ettorre", "l'Olivier".
SURNAME_START = re.compile(r"(?:[a-z]{1,2}['’])?[A-Z]")


def _particle_names(ents: list[Span]) -> list[Span]:
    """A PERSON entity that opens with a surname particle ("dela Vega") and the capitalised
    given name just before it, which spaCy left out ("Arnel")."""
    from spacy.tokens import Span

    doc = ents[0].doc
    out = []
    for ent in ents:
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[0].lower_ in NAME_PARTICLES and ent[0].text.islower() \
                and ent.start > 0 and doc[ent.start - 1].pos_ == "PROPN" and doc[ent.start - 1].is_alpha \
                and doc[ent.start - 1].text[:1].isupper() and not doc[ent.start - 1].ent_type_:
            out.append(Span(doc, ent.start - 1, ent.end, label="PERSON"))
    return out


def _titled_name(span: Span) -> Span | None:
    """The name after person-only titles ("Detective Constable Daniel Dubé" -> "Daniel Dubé")."""
    start = span.start
    while start < span.end and span.doc[start].lower_ in PERSON_ONLY_TITLES | RANKS | NAME_TITLES:
        start += 1
    rest = span.doc[start : span.end]
    if start == span.start or not any(t.lower_ in PERSON_ONLY_TITLES for t in span.doc[span.start : start]):
        return None
    if len(rest) in (2, 3) and all(t.text[:1].isupper() and t.is_alpha for t in rest):
        return rest
    return None


def _bracketed_after(span: Span) -> Span | None:
    """The words in brackets right after an abbreviation ("CERB (Canada Emergency Response Benefit)")."""
    doc = span.doc
    if len(span) != 1 or not span.text.isupper() or span.end >= len(doc) or doc[span.end].text != "(":
        return None
    for i in range(span.end + 2, min(len(doc), span.end + 10)):
        if doc[i].text == ")":
            return doc[span.end + 1 : i]
    return None


def _trim(span: Span) -> Span | None:
    """The name inside an entity: no leading "the", no possessive, count or bracket at the end
    ("the United Kingdom's" -> "United Kingdom", "Conservative Party 365" -> "Conservative Party")."""
    doc = span.doc
    start, end = span.start, span.end
    if end - start > 1 and doc[start].lower_ == "the":
        start += 1
    for i in range(start, end):  # "World Health Organization (WHO)": the name stops at the bracket
        if doc[i].text == "(" and i > start:
            end = i
            break
    while end - start > 1 and (doc[end - 1].text in _TRAILING or doc[end - 1].like_num):
        end -= 1
    if doc[end - 1].text in _TRAILING or not any(ch.isalpha() for ch in doc[start:end].text):
        return None
    return doc[start:end]


def _spelled_country(span: Span) -> str:
    """An organization's name with a leading country abbreviation spelled out, so that
    "U.S. Geological Survey" and "United States Geological Survey" are one actor."""
    first = span[0].text
    if len(span) > 1 and (first in geography.abbreviation_index() or first in _country_abbreviations()):
        country = geography.abbreviation_index().get(first) or _country_abbreviations()[first]
        return country + span.text[len(first):]
    return span.text



def government_name(country: str) -> str:
    """The canonical name of a country's government, as the annotation guidelines give it.

    >>> government_name("Iraq"), government_name("United Kingdom"), government_name("Philippines")
    ('Government of Iraq', 'Government of the United Kingdom', 'Government of the Philippines')
    """
    plural_or_union = country.endswith("s") or country.split()[0] in ("United", "Republic", "Democratic", "Central",
                                                                       "Czech", "Dominican")
    return f"Government of {'the ' if plural_or_union else ''}{country}"


def _in_office_title(span: Span) -> bool:
    """Is this organization part of an office's title ("Speaker of the House", "Member of
    Parliament", "the Defence Secretary", "Senate President Thomas Rivera Schatz")? Not a body's
    full name before the title ("Democratic National Committee chairman")."""
    root = span.root
    if root.dep_ == "compound" and root.head.lemma_.lower() in OFFICE_NOUNS and not (span.start <= root.head.i < span.end):
        # A body's full name stays a mention: "Democratic National Committee chairman", "Civil
        # Defense Authority director" (not "the Defence Secretary", "Senate President"); so does
        # the body a spokesman speaks for ("Apple spokesman Josh Rosenstock"): no office's title.
        return not (len(span) >= 2 and span[-1].lower_ in ORGANIZATION_NAME_HEADS
                    or root.head.lemma_.lower() in ANONYMOUS_NOUNS)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.text in OFFICES_OF:
        return True
    return False


def _government_of(span: Span) -> str | None:
    """ "Government of Iraq", "the Iraqi government" name a country as an actor."""
    words = [t.text for t in span]
    if len(words) >= 3 and words[0].lower() == "government" and words[1] == "of":
        return geography.country_of_name(" ".join(words[2:]))
    if len(words) == 2 and words[1].lower() == "government":
        return geography.country_of_demonym(words[0]) or geography.country_of_name(words[0])
    return None



def _person_name(span: Span) -> Span:
    """The name part of a PERSON entity: no leading title, no trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while end - start > 1 and (doc[start].lower_ in NAME_TITLES or doc[start].lower_ in PERSON_ONLY_TITLES
                                or doc[start].lower_ in RANKS):
        start += 1
    while end - start > 1 and doc[end - 1].lower_ in ("'s", "’s", "'"):
        end -= 1
    return doc[start:end]


def compound_surname(name: Span) -> str | None:
    """The surname of a full name when it is more than one token: from its first particle
    ("Robert De Niro" -> "De Niro", "Ursula von der Leyen" -> "von der Leyen") or a hyphened
    last word ("Phoebe Waller-Bridge" -> "Waller-Bridge"); None for a one-token surname."""
    for token in name[1:-1]:
        if token.lower_ in NAME_PARTICLES:
            return name.doc[token.i : name.end].text
    if len(name) >= 4 and name[-2].text in ("-", "‐") and not name[-2].whitespace_ and not name[-3].whitespace_:
        return name[-3:].text
    return None


def _title(token) -> str:
    """The title a token gives, with its modifier: "President" -> "president", but
    "Vice President" -> "vice president" (a vice president is not "the president")."""
    lemma = token.lemma_.lower()
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.lower_ in TITLE_MODIFIERS:
        return f"{before.lower_} {lemma}"
    return lemma


def _titles_of(span: Span) -> set[str]:
    """Titles given to a person in the text: "President Maduro", "its president, Vladimir
    Putin", "Vice President Mike Pence" ("vice president")."""
    doc = span.doc
    root = span.root
    tokens = [child for child in root.children if child.dep_ in ("compound", "appos")]
    tokens += [doc[i] for i in range(max(0, span.start - 3), span.start)]
    if root.dep_ == "appos":
        tokens.append(root.head)
    return {_title(t) for t in tokens if t.lemma_.lower() in TITLE_NOUNS}



_SMALL_WORDS = lexicon.words("actors_initials_small_words")


def initials(name: str) -> str:
    """The abbreviation a name's capitalised words make ("Royal Canadian Mounted Police" -> "RCMP").

    >>> initials("World Health Organization"), initials("U.S. Geological Survey")
    ('WHO', 'USGS')
    """
    letters = []
    for word in name.split():
        if word.lower() in _SMALL_WORDS or not word[:1].isupper():
            continue
        letters.append(word.replace(".", "") if word.replace(".", "").isupper() else word[0])
    return "".join(letters)


def _not_an_organization(article, core: Span) -> bool:
    """Awards, programmes, products, titles tagged ORG ("the Berwick Prize", "Boeing 707")."""
    doc = article.doc
    spelled_out = _bracketed_after(core)  # "CERB (Canada Emergency Response Benefit)"
    if spelled_out is not None and spelled_out[-1].lower_ in NOT_ACTOR_NAME_ENDS:
        article.not_actor_names.add(core.text)
        return True
    if (core[-1].lower_ in NOT_ACTOR_NAME_ENDS and core.root.lower_ not in ORGANIZATION_NAME_HEADS
            or core.root.lower_ in AWARD_WORDS
            or core[0].lower_ in NOT_ACTOR_NAME_STARTS or NOT_ACTOR_NAME.match(core.text)):
        # "the Berwick Prize", "the Nemmers Prize in Mathematics", "Project MKUltra", "COVID-19";
        # its abbreviation is no actor either ("the International Space Station (ISS)").
        article.not_actor_names.add(initials(core.text))
        if core.end + 1 < len(doc) and doc[core.end].text == "(":
            article.not_actor_names.add(doc[core.end + 1].text)
        if core.start >= 2 and doc[core.start - 1].text == "(":  # "CERB (Canada Emergency Response Benefit)"
            article.not_actor_names.add(doc[core.start - 2].text)
        return True
    if _in_office_title(core):
        return True  # "Speaker of the House", "the Defence Secretary", "Senate President Rivera"
    if core[-1].lower_ in PLACE_NAME_ENDS:
        article.add(_with_the(doc, core.start), core.end, name=core.text, kind="place", how="name")
        return True
    if core.start > 0 and doc[core.start - 1].like_num and core.text.isupper():
        return True  # "1922 UTC"
    if any(ch.isdigit() for ch in core[-1].text) or (
        core.end < len(doc) and any(ch.isdigit() for ch in doc[core.end].text) and doc[core.end].pos_ != "NUM"
        or core.end < len(doc) and doc[core.end].like_num and doc[core.end].dep_ in ("nummod", "compound", "appos")
        and doc[core.end].head.i == core.root.i
    ):
        return True  # a maker's product, not the maker: "Boeing 707", "Falcon 9", "Airbus A300s"
    return False


def _given_name_after_title(ent: Span) -> Span | None:
    """A person's name spaCy-sm tags ORG beside an office's title, glued to its country or not
    ("First Minister of Scotland Paul Smith", "Ricardo Rosselló Nevares resigned as the
    governor"): a given name, then capitalised words that name no organization, with a title
    noun within four words."""
    doc = ent.doc
    start = ent.start + 1 if geography.country_of_name(ent[0].text) and len(ent) >= 3 else ent.start
    name = doc[start:ent.end]
    if not 2 <= len(name) <= 4 or name[0].lower_ not in GIVEN_NAMES or not all(t.text[:1].isupper() for t in name) \
            or any(t.lower_ in ORGANIZATION_NAME_HEADS or t.lower_ in ORGANIZATION_DESCRIPTIONS
                   or t.lower_ in MEDIA_NAME_WORDS for t in name):
        return None
    window = list(doc[max(ent.sent.start, ent.start - 4):ent.start]) + list(doc[ent.end:min(ent.sent.end, ent.end + 4)])
    if not any(t.lower_ in TITLE_NOUNS or t.lower_ in NAME_TITLES for t in window):
        return None
    return name


def _known_full_name(article, core: Span) -> Span | None:
    """The end of an entity that is the full name of a person the article names elsewhere
    (spaCy's PERSON there): "Nicola Sturgeon", "Scotland Nicola Sturgeon" tagged ORG."""
    people = set(article.surnames.values())
    for start in range(core.start, core.end - 1):
        if core.doc[start:core.end].text in people:
            return core.doc[start:core.end]
    return None


def _label_mentions(article) -> None:
    """A transcript's speaker label that names a person of the article ("((Zara Kay))", "Kay:",
    "ZK:" for the one person whose initials they are) is a mention of that person; "WN:" is not."""
    doc = article.doc
    people = set(article.surnames.values())
    by_initials: dict[str, set[str]] = {}
    for full in people:
        by_initials.setdefault(initials(full), set()).add(full)
    for start, end in turn_labels(text_of(doc)):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        label = span.text
        if label in people:
            full, how = label, "name"
        elif label in article.short_names and article.short_names[label][1] == "surname":
            full, how = article.short_names[label]
        elif len(by_initials.get(label, ())) == 1 and label.isupper() and len(label) >= 2:
            full, how = next(iter(by_initials[label])), "alias"
        else:
            continue
        article.add(span.start, span.end, name=full, kind="person", how=how, titles=article.titles.get(full, set()))
