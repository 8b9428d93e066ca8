"""Who is mentioned: mentions of people, countries, organizations, groups and anonymous
sources, each resolved to a canonical actor.

How it works, per article (``find_mentions``, on the Doc spaCy already parsed):

1. spaCy's entities, corrected where the small model fails: a lone surname tagged
   ORG ("Trump said") becomes the person named in full elsewhere in the article;
   "Group of" + "20" is one name (from the alias file).
2. Countries by name, abbreviation (``kit.geography``) and alias ("America").
   A country used as a modifier ("his US counterpart", "Russian technicians") is
   not a mention of the country.
3. Capitals and seats of power stand for their government only when the parse says
   they act: subject ("Moscow said"), object of a verb that is not a movement
   ("angered Washington", but not "leaving Caracas"), possessor ("Moscow's
   services"), or partner ("between Moscow and Caracas"). Otherwise they are places.
4. Institutions of a country ("its embassy in Caracas", "the Russian embassy in
   Caracas"; "the Iraqi government" is the Government of Iraq, an organization whose
   country is Iraq), descriptions of an actor named before ("the newspaper", "The embassy", "the president", "police" after "North
   Wales Police"), abbreviations ("WHO" after "World Health Organization"), anonymous
   sources and groups when they act ("a senior US official said", "police arrested"),
   he/she as subjects resolved by ``person_antecedent`` (the nearest earlier subject naming
   a person, else the article's topic person: never an organization or country; the
   quotes use the same function for their speakers), they/it only for a group, or an
   organization that says it ("the company said it would"), else no mention
   (how="pronoun"); "his government" is the man's (how="description").

What is deliberately *not* a mention: a country or demonym that only modifies a noun
("his US counterpart", "Russian technicians": the seed's gold calls these modifiers;
they still give an anonymous source or an institution its ``country``); object and
possessive pronouns (him, his: the gold annotations of news actors leave them out), though
``person_antecedent`` resolves them for whoever asks.
Places are mentions of kind "place" (``top_actors`` leaves them out unless asked).

Across articles (``resolve_corpus``), a lone surname is merged with the one full name
that ends with it ("Putin" -> "Vladimir Putin"), a lone abbreviation with the name it
abbreviates, and the actors table is built.

The alias file (``data/aliases.csv``, columns alias, name, kind, country, usage) is
where users teach the kit names the data sources lack: "America", "the Kremlin".

>>> rows = extract("Russia angered Washington. Vladimir Putin met Trump. Putin said he was pleased.")
>>> rows[["text", "actor_id", "kind", "how"]].values.tolist()[:3]
[['Russia', 'russia', 'country', 'name'], ['Washington', 'united-states', 'country', 'capital'], ['Vladimir Putin', 'vladimir-putin', 'person', 'name']]
>>> rows.loc[rows.text == "he", "actor_id"].tolist()
['vladimir-putin']
"""

from __future__ import annotations

import bisect
import csv
import functools
import re
import unicodedata
from collections import Counter
from pathlib import Path

import numpy
import pandas as pd
from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.matcher import PhraseMatcher
from spacy.symbols import NOUN as NOUN_ID, PRON as PRON_ID, PROPN as PROPN_ID
from spacy.tokens import Doc, Span

from kit import geography

# --- vocabulary -------------------------------------------------------------------
# These are English words, not lists of countries or people: the roles nouns and verbs
# play in news text. Extend them here when a corpus shows a gap.

#: Unnamed people a story relies on ("a senior US official said").
ANONYMOUS_NOUNS = frozenset(
    "official diplomat source spokesperson spokesman spokeswoman representative aide insider "
    "witness eyewitness analyst observer investigator lawmaker legislator negotiator adviser "
    "advisor resident prosecutor media press".split()
)
#: Collectives that act as one ("police arrested", "the opposition said").
GROUP_NOUNS = frozenset(
    "opposition police authorities protesters demonstrators rebels militants insurgents troops "
    "soldiers firefighters rescuers paramedics voters workers fans activists researchers scientists".split()
)
#: Institutions that belong to a country ("its embassy", "the Russian government").
INSTITUTION_NOUNS = frozenset(
    "embassy consulate ministry government military army navy parliament cabinet".split()
)
#: Institutions that stand for the country itself.
COUNTRY_INSTITUTIONS = frozenset(("government", "cabinet"))
#: Nouns that speak for their owner: "his government" is the man's, "its administration" the country's.
GOVERNING_NOUNS = frozenset("government administration regime cabinet".split())
#: Nouns that describe an organization named earlier ("the newspaper said").
ORGANIZATION_DESCRIPTIONS = frozenset(
    "newspaper paper daily magazine broadcaster network channel agency company firm party "
    "organization organisation ministry embassy consulate department court university council "
    "committee bank union club team airline hospital government service group band army navy".split()
)
#: Descriptions that fit any organization whatever its name.
GENERIC_ORGANIZATION_DESCRIPTIONS = frozenset("company firm organization organisation group band".split())
#: Words that mark a news outlet's name, so that "the newspaper" finds it.
MEDIA_NAME_WORDS = frozenset(
    "journal times post news herald tribune gazette telegraph guardian daily mail chronicle "
    "observer independent express standard globe star mirror sun press review bbc cnn "
    "reuters afp ap bloomberg wikinews magazine".split()
)
MEDIA_DESCRIPTIONS = frozenset("newspaper paper daily magazine broadcaster network channel agency".split())
#: Titles of persons: "President Maduro" ... "the president" refers back to him.
TITLE_NOUNS = frozenset(
    "president minister senator governor mayor chancellor king queen prince pope ambassador "
    "leader chairman chairwoman director secretary judge spokesman spokeswoman premier "
    "general commander coach chief".split()
)
#: Police and military ranks, seen alone as ORG by spaCy-sm.
RANKS = frozenset("detective inspector constable sergeant officer superintendent commissioner captain "
                  "lieutenant colonel major private corporal admiral marshal".split())
#: Tokens stripped from the front of a person's name ("President Trump" -> "Trump").
NAME_TITLES = frozenset(
    "president vice prime minister mr mr. mrs mrs. ms ms. dr dr. sen. senator rep. gov. governor "
    "mayor king queen prince princess pope chancellor general gen. secretary judge sir lord lady "
    "dame rev. former late deputy foreign".split()
)
#: Verbs of movement or location: their object is a place ("leaving Caracas").
PLACE_VERBS = frozenset(
    "leave visit arrive reach enter tour fly travel return move attack bomb strike hit shell "
    "capture besiege surround flee evacuate occupy liberate host rock shake storm invade "
    "cross approach circle land".split()
)
#: Verbs whose prepositional object is where someone comes from or goes ("born in", "emigrated to").
BIRTH_VERBS = frozenset("bear emigrate immigrate relocate".split())
#: Prepositions whose object is a party to something ("talks with Moscow").
ACTOR_PREPOSITIONS = frozenset("between with against toward towards".split())
NOUN_ACTOR_PREPOSITIONS = frozenset("between against".split())
#: Nouns that are a person only when they speak.
SPEAKING_ONLY_NOUNS = frozenset(("source", "media", "press"))
#: First words of names of storms, not people ("Cyclone Phailin") nor places ("Hurricane Maria").
NOT_PERSON_FIRST_WORDS = frozenset("cyclone hurricane typhoon storm tropical".split())
#: Last words of names of landmarks that spaCy-sm tags ORG: places, not actors ("the Jolo
#: Cathedral", "the Wind River Reservation"). "Church" and "Street" are left out: "the
#: Catholic Church", "Wall Street" act.
PLACE_NAME_ENDS = frozenset(
    "cathedral mosque temple palace estuary reservation range point airport bridge square park "
    "river lake mountain mountains island islands bay beach coast valley forest desert canal "
    "harbour harbor peninsula".split()
)
#: Nouns of offices: an organization in "the Defence Secretary" or "Senate President X" is
#: part of a title, not a mention (the annotation guidelines agree).
OFFICE_NOUNS = TITLE_NOUNS | frozenset(("speaker",))
#: Capitalised offices whose "of" names the body in the title: "Speaker of the House",
#: "Member of Parliament" (but "members of the House", "director of the Society" are mentions).
OFFICES_OF = frozenset(("Speaker", "Member"))
#: Words between "the" and a title in a description ("the Prime Minister", "the vice president").
TITLE_MODIFIERS = frozenset("prime vice foreign deputy chief interior defence defense finance".split())
SPEECH_VERBS = frozenset(
    "say report write tell tweet announce claim add state reveal confirm deny warn insist accuse comment remark reply "
    "argue explain note suggest indicate believe quote cite".split()
)
SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass", "agent", "csubj"))
MODIFIER_DEPS = frozenset(("compound", "amod", "nmod", "npadvmod"))

KIND_PRIORITY = {"person": 5, "organization": 4, "country": 4, "group": 3, "anonymous": 3, "place": 1}

def _data_dirs() -> tuple[Path, ...]:
    # The project's data/ (also from notebooks/, one level down), then the packaged copy.
    return (Path.cwd() / "data", Path.cwd().parent / "data", Path(__file__).resolve().parent / "data")


# --- lookups, built once ------------------------------------------------------------


def alias_file() -> Path:
    """The alias file in use: ``data/aliases.csv`` of the project you run from if it
    exists (edit it to teach the kit your corpus' names), else the packaged copy."""
    for directory in _data_dirs():
        if (directory / "aliases.csv").exists():
            return directory / "aliases.csv"
    raise FileNotFoundError("no aliases.csv in ./data or in the kit package (kit/data/aliases.csv)")


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


def reload_aliases() -> None:
    """Forget the alias file read so far, so that the next analysis reads your edits."""
    load_aliases.cache_clear()
    _alias_matcher.cache_clear()
    _country_abbreviations.cache_clear()


@functools.lru_cache(maxsize=8)
def _alias_matcher(vocab, path: str) -> tuple[PhraseMatcher, dict[str, dict]]:
    """A PhraseMatcher over the alias spellings (exact case), built once per vocab."""
    from spacy.lang.en import English

    tokenizer = English().tokenizer  # the model's tokenizer splits the same way for these strings
    aliases = load_aliases(path)
    matcher = PhraseMatcher(vocab, attr="ORTH")
    records = {}
    for row in aliases.to_dict("records"):
        key = row["alias"]
        records[key] = row
        matcher.add(key, [Doc(vocab, words=[t.text for t in tokenizer(key)])])
    return matcher, records


# Letters Unicode does not decompose into a base letter plus accent ("Paweł" -> "Pawel").
_UNDECOMPOSABLE = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                                 "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ı": "i"})


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


def _cased(words) -> list[str]:
    return [form for word in words for form in (word, word.capitalize(), word.upper())]


class _TokenFilter:
    """Hashes of the words the token rules care about, so that tokens are chosen on arrays."""

    def __init__(self, vocab):
        strings = vocab.strings

        def hashes(words):
            return numpy.array(sorted({strings.add(w) for w in _cased(words)}), dtype="uint64")

        self.pronouns = hashes(("he", "she", "they", "it", "his", "her", "its", "their"))
        self.the = numpy.array([strings.add("the"), strings.add("The"), strings.add("THE")], dtype="uint64")
        self.noun_rule = hashes(INSTITUTION_NOUNS | ANONYMOUS_NOUNS | GROUP_NOUNS | {"medium"})
        self.description_rule = hashes(ORGANIZATION_DESCRIPTIONS | TITLE_NOUNS | ANONYMOUS_NOUNS)
        self.title_modifiers = hashes(TITLE_MODIFIERS)

    def select(self, arrays, *, proper_orths=(), pronouns=False, nouns=None) -> list[int]:
        """Indices of: proper nouns whose text is in ``proper_orths``; he/she/they if
        ``pronouns``; nouns whose lemma or lower form is in ``nouns`` (after "the" for descriptions)."""
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
        self.doc = doc
        self.sentence_starts = [sentence.start for sentence in doc.sents] if doc.has_annotation("SENT_START") else [0]
        self.candidates: list[dict] = []
        # One C-level pass gives the attributes the token rules filter on.
        self.arrays = doc.to_array([POS, LOWER, LEMMA, ORTH]) if len(doc) else numpy.zeros((0, 4), dtype="uint64")

    def sentence_of(self, token_index: int) -> int:
        return bisect.bisect_right(self.sentence_starts, token_index) - 1

    def add(self, start: int, end: int, *, name: str, kind: str, how: str, country=None, priority=0, **extra):
        self.candidates.append(
            dict(tok_start=start, tok_end=end, name=name, kind=kind, how=how, country=country,
                 priority=priority, **extra)
        )


#: Last words of names that are not actors ("the Berwick Prize", "the Ineos 1:59 Challenge").
NOT_ACTOR_NAME_ENDS = frozenset(
    "prize award awards medal cup trophy championship championships challenge festival games "
    "olympics act bill law treaty program programme project mission summit conference "
    "war crisis pandemic virus disease life station shuttle shuttles telescope rover spacecraft "
    "satellite constitution benefit scheme".split()
)
#: Awards, whatever follows them ("the Nemmers Prize in Mathematics").
AWARD_WORDS = frozenset("prize award awards medal cup trophy".split())
#: First words of names of undertakings, not actors ("Project MKUltra", "Operation Desert Storm").
NOT_ACTOR_NAME_STARTS = frozenset(("project", "operation"))
#: Words of vehicles' names that spaCy-sm takes for people ("Space Shuttle Atlantis").
VEHICLE_WORDS = frozenset("shuttle spacecraft spaceship station telescope rover satellite probe".split())
#: Code-like names: diseases, aircraft, weapons ("COVID-19", "Il-62", "F-16").
NOT_ACTOR_NAME = re.compile(r"^[A-Za-z]{1,6}-?\d[\w-]*$")
CAMEL_CASE = re.compile(r"^(?!Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O')[A-Za-z]*[a-z][A-Z]")
_TRAILING = frozenset(("'s", "’s", "'", "’", ",", "-", "("))


def _could_be_person(name: Span) -> bool:
    """Can this PERSON entity (title stripped) be someone's name? Names are capitalised
    at both ends ("Si el" is Spanish text), are not storms ("Cyclone Phailin") nor
    vehicles ("Space Shuttle Atlantis"), and have no digits ("COVID-19", "Windows 10",
    "Boeing 737-800": codes of diseases and products; a "Jr."/"III" suffix has none)."""
    return (name.text[0].isupper() and name.text.split()[-1][:1].isupper() and name[0].lower_ not in NOT_PERSON_FIRST_WORDS
            and not any(t.lower_ in VEHICLE_WORDS for t in name) and not any(ch.isdigit() for ch in name.text))


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


#: Titles only people bear: a title of these and two capitalised words is a person's name,
#: whatever spaCy's label ("Detective Constable Daniel Dubé" ORG). Not "General", "Major",
#: "Prince": "General Electric Company", "Major League Baseball", "Prince Edward Island".
PERSON_ONLY_TITLES = frozenset(
    "detective constable sergeant inspector superintendent lieutenant corporal colonel mr mr. mrs mrs. "
    "ms ms. dr dr. senator governor mayor president chancellor minister".split()
)


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


@functools.lru_cache(maxsize=1)
def _country_abbreviations() -> dict[str, str]:
    """Upper-case country spellings of the alias file ("US", "U.S.", "UK")."""
    aliases = load_aliases()
    rows = aliases[(aliases.kind == "country") & (aliases.usage == "name")]
    return {a: n for a, n in zip(rows.alias, rows.name) if a.replace(".", "").isupper()}


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
    Parliament", "the Defence Secretary", "Senate President Thomas Rivera Schatz")?"""
    root = span.root
    if root.dep_ == "compound" and root.head.lemma_.lower() in OFFICE_NOUNS and not (span.start <= root.head.i < span.end):
        return True
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


def _titles_of(span: Span) -> set[str]:
    """Titles given to a person in the text: "President Maduro", "its president, Vladimir Putin"."""
    titles = set()
    doc = span.doc
    root = span.root
    for child in root.children:
        if child.dep_ == "compound" and child.lemma_.lower() in TITLE_NOUNS:
            titles.add(child.lemma_.lower())
    for i in range(max(0, span.start - 3), span.start):
        if doc[i].lemma_.lower() in TITLE_NOUNS:
            titles.add(doc[i].lemma_.lower())
    if root.dep_ == "appos" and root.head.lemma_.lower() in TITLE_NOUNS:
        titles.add(root.head.lemma_.lower())
    for child in root.children:
        if child.dep_ == "appos" and child.lemma_.lower() in TITLE_NOUNS:
            titles.add(child.lemma_.lower())
    return titles


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
    article = _Article(doc)
    ents = list(doc.ents)

    # 1. Full names first, so that lone surnames anywhere in the article find them.
    surnames: dict[str, str] = {}
    first_names: dict[str, str] = {}
    titles: dict[str, set[str]] = {}
    for ent in ents:
        titled = _titled_name(ent) if ent.label_ != "PERSON" else None
        if ent.label_ == "PERSON" or titled is not None:
            name = titled if titled is not None else _person_name(ent)
            if len(name) >= 2 and _could_be_person(name):
                surnames.setdefault(name[-1].text, name.text)
                first_names.setdefault(name[0].text, name.text)
                for middle in name[1:-1]:  # "Ricardo Rosselló Nevares": Spanish double surnames
                    if middle.text[:1].isupper() and len(middle.text) > 2 and "." not in middle.text:
                        first_names.setdefault(middle.text, name.text)
                titles.setdefault(name.text, set()).update(_titles_of(ent))
    # A lone given name ("Bob", or "Tong" of "Tong Yung-soo") is the person too, unless it is someone's surname.
    given = {key: full for key, full in first_names.items() if key not in surnames}
    short_names = {**{k: (v, "alias") for k, v in given.items()}, **{k: (v, "surname") for k, v in surnames.items()}}

    # 2. Aliases from the alias file (exact spelling).
    countries_at: dict[int, str] = {}  # token index -> country, for modifiers and "its"
    actor_tokens: set[int] = set()
    path = str(alias_file())
    matcher, records = _alias_matcher(doc.vocab, path)
    not_actors: set[int] = set()  # tokens of events and concepts (kind "none" in the alias file)
    not_actor_names: set[str] = set()  # abbreviations of names that are not actors ("ISS")
    for match_id, start, end in matcher(doc):
        record = records[doc.vocab.strings[match_id]]
        span = doc[start:end]
        if record["kind"] == "none":
            not_actors.update(range(start, end))
            continue
        if record["kind"] == "country":
            countries_at.update((i, record["country"] or record["name"]) for i in range(start, end))
            if _is_modifier(span):
                continue
            if record["usage"] == "seat" and not _acts(span.root, lambda i: i in actor_tokens):
                # "the south lawn of the White House": the building, a place (and not an ORG either).
                article.add(_with_the(doc, start), end, name=span.text, kind="place", how="name",
                            country=record["country"], priority=2)
                continue
            if record["usage"] == "name" and (_completes_address(span) or _names_place(span.root)):
                article.add(start, end, name=record["name"], kind="place", how="alias", country=record["name"])
                continue
        if record["kind"] == "organization" and span.root.dep_ == "pobj" and span.root.head.lower_ == "on":
            not_actors.update(range(start, end))  # "a post on Facebook": a medium (as for spaCy's ORGs below)
            continue
        start = _with_the(doc, start)
        article.add(start, end, name=record["name"], kind=record["kind"] or "organization", how="alias",
                    country=record["country"], priority=2, listed=True)
        actor_tokens.update(range(start, end))

    # 3. spaCy's entities, corrected.
    for ent in ents:
        label = ent.label_
        core = _trim(ent)
        if core is None:
            continue
        if len(core) == 1 and core.text in short_names:
            label = "PERSON"  # whatever spaCy thought ("Trump" ORG, "Pelosi's" EVENT)
        if label not in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
            continue
        if len(core) > 1 and core[0].lower_ in NOT_PERSON_FIRST_WORDS:
            continue  # "Hurricane Maria", "Tropical Storm Barry": weather, neither actor nor place
        if core.text[0].islower() and not CAMEL_CASE.match(core.text):
            continue  # names are capitalised: "state", "el" are spaCy-sm misfires
        if all(t.lower_ in NAME_TITLES or t.lower_ in TITLE_NOUNS or t.lower_ in RANKS for t in core):
            continue  # "Detective Inspector" is a title, not an organization
        if label != "PERSON" and _titled_name(core) is not None:
            label = "PERSON"  # "Detective Constable Daniel Dubé" tagged ORG
        if label == "PERSON":
            name = _person_name(core)
            if len(name) == 1 and name.text in short_names:
                # spaCy-sm also tags lone surnames as ORG or GPE ("Trump", "Maduro's regime").
                full, how = short_names[name.text]
                article.add(name.start, name.end, name=full, kind="person", how=how, titles=titles.get(full, set()))
            elif len(name) == 1 and CAMEL_CASE.match(name.text):
                # "SpaceX", "YouTube": people's names are not camel-cased (McArthur, DeSantis aside).
                article.add(name.start, name.end, name=name.text, kind="organization", how="name")
            elif _could_be_person(name):
                # "fentanyl" is no one's name, "Cyclone Phailin" no one's either
                article.add(name.start, name.end, name=name.text, kind="person", how="name",
                            titles=titles.get(name.text, set()))
            actor_tokens.update(range(core.start, core.end))
            continue
        if label == "PRODUCT":
            continue
        if label in ("GPE", "ORG", "NORP", "LOC"):
            country = geography.country_of_name(core.text)
            if country:
                countries_at.update((i, country) for i in range(ent.start, ent.end))
                if _is_modifier(core):
                    continue
                if _names_place(core.root) or _completes_address(core):
                    # "Dorian left the Bahamas", "born in Austria": where, not who.
                    article.add(_with_the(doc, core.start), core.end, name=country, kind="place", how="name",
                                country=country)
                    continue
                canonical = core.text == country or core.text.lower() == country.lower()
                article.add(_with_the(doc, core.start), core.end, name=country, kind="country",
                            how="name" if canonical else "alias", country=country)
                actor_tokens.update(range(ent.start, ent.end))
                continue
        if label in ("GPE", "LOC", "FAC"):  # FAC: buildings, airports, roads
            capital_of = geography.country_of_capital(core.text) if label == "GPE" else None
            if capital_of:
                countries_at.update((i, capital_of) for i in range(ent.start, ent.end))
            if _is_modifier(core):
                continue
            if capital_of and _acts(core.root, lambda i: i in actor_tokens):
                article.add(core.start, core.end, name=capital_of, kind="country", how="capital", country=capital_of)
                actor_tokens.update(range(ent.start, ent.end))
            else:
                article.add(core.start, core.end, name=core.text, kind="place", how="name", country=capital_of)
            continue
        if label == "NORP":
            demonym_country = geography.country_of_demonym(core.text)
            if demonym_country:
                countries_at.update((i, demonym_country) for i in range(ent.start, ent.end))
            root = ent.root
            # Only plural nouns that act are groups ("the Democrats said"); "Russian" is a modifier.
            if root.tag_ in ("NNS", "NNPS") and not _is_modifier(ent) and _acts(root, lambda i: i in actor_tokens):
                article.add(ent.start, ent.end, name=core.text, kind="group",
                            how="demonym" if demonym_country else "name", country=demonym_country, plural=True)
                actor_tokens.update(range(ent.start, ent.end))
            continue
        if label == "ORG":
            root = core.root
            if root.dep_ == "pobj" and root.head.lower_ == "on":
                continue  # a medium, not an actor: "a post on Facebook"
            spelled_out = _bracketed_after(core)  # "CERB (Canada Emergency Response Benefit)"
            if spelled_out is not None and spelled_out[-1].lower_ in NOT_ACTOR_NAME_ENDS:
                not_actor_names.add(core.text)
                continue
            if (core[-1].lower_ in NOT_ACTOR_NAME_ENDS or core.root.lower_ in AWARD_WORDS
                    or core[0].lower_ in NOT_ACTOR_NAME_STARTS or NOT_ACTOR_NAME.match(core.text)):
                # "the Berwick Prize", "the Nemmers Prize in Mathematics", "Project MKUltra", "COVID-19";
                # its abbreviation is no actor either ("the International Space Station (ISS)").
                not_actor_names.add(initials(core.text))
                if core.end + 1 < len(doc) and doc[core.end].text == "(":
                    not_actor_names.add(doc[core.end + 1].text)
                if core.start >= 2 and doc[core.start - 1].text == "(":  # "CERB (Canada Emergency Response Benefit)"
                    not_actor_names.add(doc[core.start - 2].text)
                continue
            if _in_office_title(core):
                continue  # "Speaker of the House", "the Defence Secretary", "Senate President Rivera"
            if core[-1].lower_ in PLACE_NAME_ENDS:
                article.add(_with_the(doc, core.start), core.end, name=core.text, kind="place", how="name")
                continue
            if core.start > 0 and doc[core.start - 1].like_num and core.text.isupper():
                continue  # "1922 UTC"
            if any(ch.isdigit() for ch in core[-1].text) or (
                core.end < len(doc) and any(ch.isdigit() for ch in doc[core.end].text) and doc[core.end].pos_ != "NUM"
                or core.end < len(doc) and doc[core.end].like_num and doc[core.end].dep_ in ("nummod", "compound", "appos")
                and doc[core.end].head.i == core.root.i
            ):
                continue  # a maker's product, not the maker: "Boeing 707", "Falcon 9", "Airbus A300s"
            if core.end + 2 < ent.end + 2 and core.end + 2 <= len(doc) and doc[core.end].text == "(" \
                    and doc[core.end + 1].text.isupper() and core.end + 1 < ent.end:
                # "the World Health Organization (WHO": spaCy swallows the bracketed abbreviation.
                abbreviation = doc[core.end + 1]
                article.add(abbreviation.i, abbreviation.i + 1, name=core.text, kind="organization", how="alias")
                actor_tokens.add(abbreviation.i)
            country = _government_of(core)
            name = _spelled_country(core)
            if country:
                article.add(_with_the(doc, core.start), core.end, name=government_name(country),
                            kind="organization", how="description", country=country)
            else:
                article.add(_with_the(doc, core.start), core.end, name=name, kind="organization", how="name")
            actor_tokens.update(range(core.start, core.end))

    # 4. Token rules: surnames and abbreviations spaCy missed, institutions, anonymous sources, groups.
    abbreviations = {
        initials(c["name"]): c["name"] for c in article.candidates if c["kind"] == "organization" and " " in c["name"]
    }
    # Only the few tokens that can matter are looked at in Python (chosen on arrays, see _TokenFilter).
    words = _token_filter(doc.vocab)
    proper = {doc.vocab.strings.add(w) for w in list(surnames) + list(abbreviations)}
    for index in words.select(article.arrays, proper_orths=proper, nouns=words.noun_rule):
        token = doc[index]
        pos = token.pos_
        if pos == "PROPN":
            if token.ent_type_ == "" and token.i not in actor_tokens:
                if token.text in surnames:
                    article.add(token.i, token.i + 1, name=surnames[token.text], kind="person", how="surname",
                                titles=titles.get(surnames[token.text], set()))
                elif len(token.text) >= 2 and token.text.isupper() and token.text in abbreviations:
                    article.add(token.i, token.i + 1, name=abbreviations[token.text], kind="organization", how="alias")
            continue
        if pos != "NOUN":
            continue
        lemma = token.lemma_.lower()
        if lemma == "medium":
            lemma = token.lower_  # spaCy lemmatises "media" to "medium"
        if lemma in INSTITUTION_NOUNS:
            if token.dep_ not in MODIFIER_DEPS:
                _institution(article, token, countries_at)
            continue
        if (lemma in ANONYMOUS_NOUNS or lemma in GROUP_NOUNS or token.lower_ in GROUP_NOUNS) and token.dep_ not in MODIFIER_DEPS:
            # "talks with Moscow" is a party, "ruthless with the opposition" is not a source;
            # "source" is a person only when it speaks ("a source said", not "an energy source").
            if _acts(token, lambda i: i in actor_tokens, prepositions=NOUN_ACTOR_PREPOSITIONS) and (
                lemma not in SPEAKING_ONLY_NOUNS or _speaks(token)
            ):
                left = token.left_edge.i
                # Keep determiners and adjectives, not a relative clause or a long prepositional tail.
                span = doc[left : token.i + 1]
                if any(t.ent_type_ == "PERSON" for t in span):
                    continue
                kind = "group" if (lemma in GROUP_NOUNS or token.lower_ in GROUP_NOUNS) else "anonymous"
                named = _named_body(article, token)
                if named is not None:  # "police" after "North Wales Police" is that force
                    article.add(left, token.i + 1, name=named["name"], kind=named["kind"], how="description",
                                country=named["country"], head=lemma)
                    continue
                article.add(left, token.i + 1, name=_description_name(span), kind=kind, how="description",
                            country=_country_in(span, countries_at), plural=token.tag_ == "NNS",
                            head=lemma, generic=True)

    # Speaker labels of interview transcripts ("WN:", "JD:") are layout, not mentions.
    labels = turn_labels(doc.text)
    if labels:
        label_tokens = {t.i for start, end in labels for t in doc.char_span(start, end, alignment_mode="expand") or ()}
        article.candidates = [c for c in article.candidates
                              if label_tokens.isdisjoint(range(c["tok_start"], c["tok_end"]))]
    # spaCy's English model tags words of other scripts ("किया") as entities: a name of the
    # model's language has a letter of its script; the alias file may still list others.
    script = MODEL_SCRIPTS.get(doc.lang_, "LATIN")
    article.candidates = [c for c in article.candidates if c.get("listed")
                          or _has_letter_of(doc[c["tok_start"]:c["tok_end"]].text, script)]
    if not_actors:  # "Brexit" goes, "the Brexit Party" stays
        article.candidates = [c for c in article.candidates
                              if not not_actors.issuperset(range(c["tok_start"], c["tok_end"]))]
    if not_actor_names:
        article.candidates = [c for c in article.candidates
                              if not (c["kind"] == "organization" and c["name"] in not_actor_names)]
    _link_abbreviations(article.candidates)
    mentions = _without_overlaps(article.candidates)
    mentions = _descriptions_and_pronouns(article, mentions)
    return [_row(article, m) for m in mentions]


def _named_body(article: _Article, token) -> dict | None:
    """The organization named in the article whose name ends with this noun ("Police")."""
    word = token.lower_
    if any(child.dep_ in ("amod", "compound") for child in token.lefts):
        return None  # "local police", "riot police": not necessarily the force named before
    for c in reversed(article.candidates):
        if c["kind"] == "organization" and c["name"].lower().split()[-1:] == [word]:
            return c
    return None


def _description_name(span: Span) -> str:
    text = span.text
    return text[0].lower() + text[1:] if span[0].pos_ == "DET" else text


def _institution(article: _Article, token, countries_at: dict[int, str]) -> None:
    """ "its embassy in Caracas", "the Russian embassy in Caracas" -> Russian embassy in Caracas."""
    doc = article.doc
    modifiers = [t for t in token.lefts if t.dep_ in ("amod", "compound", "poss", "nmod")]
    country = None
    host = None  # "embassy in Caracas": the country it is in is not the one it belongs to
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "in":
            host = next((countries_at[c.i] for c in child.children if c.i in countries_at), None)
    for t in modifiers:
        if t.dep_ == "poss" and t.lower_ == "its":  # "their government" is rarely a country's
            # "its" is most often the subject of the sentence ("Russia rotated ..., its embassy said").
            sentence = article.sentence_of(token.i)
            earlier = [c for c in article.candidates if c["kind"] == "country" and c["tok_end"] <= token.i
                       and c["country"] != host and article.sentence_of(c["tok_start"]) >= sentence - 1]
            subjects = [c for c in earlier if doc[c["tok_start"]:c["tok_end"]].root.dep_ in SUBJECT_DEPS]
            if subjects or earlier:
                country = max(subjects or earlier, key=lambda c: c["tok_end"])["country"]
        elif t.i in countries_at:
            country = countries_at[t.i]
        else:
            country = geography.country_of_demonym(t.text) or country
    lemma = token.lemma_.lower()
    named_before = any(
        c["tok_end"] <= token.i and (c.get("head") == lemma or lemma in c["name"].lower().split())
        for c in article.candidates
    )  # then "The embassy said" refers back to it (see _descriptions_and_pronouns)
    if country is None and not named_before and doc[token.left_edge.i].lower_ == "the" and token.left_edge.i >= token.i - 3:
        # "the army said": in a story about one country, its army (the country most named so far).
        # Modifiers count too ("U.S. lawmakers"): a story about one country names it mostly so.
        named = Counter(c for i, c in countries_at.items() if i < token.i and countries_at.get(i - 1) != c)
        if named:
            country = named.most_common(1)[0][0]
    if country is None:
        if _speaks(token) and lemma not in COUNTRY_INSTITUTIONS and not named_before:
            # "the emergencies ministry said": an institution we cannot place is still a speaker.
            span = doc[token.left_edge.i : token.i + 1] if token.left_edge.i >= token.i - 4 else doc[token.i : token.i + 1]
            if span[0].pos_ == "DET" and span[0].lower_ not in ("a", "an", "the"):
                return  # "his government", "this ministry": whose is unclear
            name = " ".join(t.lower_ for t in span if t.pos_ != "DET")
            article.add(span.start, span.end, name=name, kind="organization", how="description",
                        priority=3, head=token.lemma_.lower())
        return
    words = [geography.demonym_of(country) or country]
    words += [t.lower_ for t in modifiers if t.dep_ != "poss" and t.i not in countries_at
              and not geography.country_of_demonym(t.text)]
    words.append(token.lower_)
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in ("in", "to", "at"):
            objects = [c for c in child.children if c.dep_ == "pobj" and c.ent_type_ in ("GPE", "LOC")]
            if objects:
                place = doc[objects[0].left_edge.i : objects[0].i + 1]
                words += [child.lower_, place.text]
                end = objects[0].i + 1
        break
    start = token.left_edge.i if token.left_edge.i >= token.i - 4 else token.i
    if token.lemma_.lower() in COUNTRY_INSTITUTIONS:
        # "the Iraqi government said": the Government of Iraq, an organization of Iraq (as the
        # dev set's guidelines name it; its ``country`` still groups it with Iraq).
        article.add(start, token.i + 1, name=government_name(country), kind="organization", how="description",
                    country=country, priority=3, head=token.lemma_.lower())
        return
    article.add(start, end, name=" ".join(words), kind="organization", how="description",
                country=country, priority=3, head=token.lemma_.lower())


_SMALL_WORDS = frozenset("of and the for on in de du des la le".split())


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


def _link_abbreviations(candidates: list[dict]) -> None:
    """Give "WHO", "RCMP", "USGS" the full name the article spells out somewhere."""
    long_names = {}
    for c in candidates:
        if c["kind"] == "organization" and " " in c["name"]:
            long_names.setdefault(initials(c["name"]), c["name"])
    # "Labour" for "Labour Party", "Scripps" for "Scripps Institution of Oceanography",
    # "Dead" for "Grateful Dead": a one-word name that begins or ends exactly one longer name.
    parts: dict[str, set[str]] = {}
    for name in set(long_names.values()):
        words = name.split()
        for word in (words[0], words[-1]):
            if word[:1].isupper():
                parts.setdefault(word, set()).add(name)
    for c in candidates:
        name = c["name"]
        if c["kind"] != "organization" or " " in name:
            continue
        if name.isupper() and name in long_names:
            c["name"] = long_names[name]
            c["how"] = "alias"
        elif len(parts.get(name, ())) == 1:
            c["name"] = next(iter(parts[name]))
            c["how"] = "alias"


def _without_overlaps(candidates: list[dict]) -> list[dict]:
    """Keep the longest of overlapping candidates (then the surer kind); in text order."""
    ranked = sorted(
        candidates,
        key=lambda c: (-(c["tok_end"] - c["tok_start"]), -c["priority"], -KIND_PRIORITY.get(c["kind"], 0), c["tok_start"]),
    )
    taken: set[int] = set()
    kept = []
    for c in ranked:
        tokens = range(c["tok_start"], c["tok_end"])
        if any(i in taken for i in tokens):
            continue
        taken.update(tokens)
        kept.append(c)
    return sorted(kept, key=lambda c: c["tok_start"])


def _descriptions_and_pronouns(article: _Article, mentions: list[dict]) -> list[dict]:
    """Add "the newspaper", "The embassy", "the president", "the official", he/she/they,
    each resolved to an actor mentioned earlier in the article; unresolved ones are left out."""
    doc = article.doc
    taken = {i for m in mentions for i in range(m["tok_start"], m["tok_end"])}
    starts = [m["tok_start"] for m in mentions]
    for m in mentions:  # person_antecedent works on character offsets, as the quotes do
        m["start"], m["end"] = doc[m["tok_start"]].idx, doc[m["tok_end"] - 1].idx + len(doc[m["tok_end"] - 1])
    added = []
    persons_at = {i for m in mentions if m["kind"] == "person" for i in range(m["tok_start"], m["tok_end"])}
    genders = genders_from_honorifics(doc, mentions)
    words = _token_filter(doc.vocab)
    for index in words.select(article.arrays, pronouns=True, nouns=words.description_rule):
        token = doc[index]
        if token.i in taken:
            continue
        lower = token.lower_
        antecedent = None
        start = token.i
        how = "description"
        if token.pos_ == "PRON" and lower in ("his", "her", "its", "their"):
            # "his government said": the government speaks for its possessor (Maduro's).
            head = token.head
            if token.dep_ != "poss" or head.lemma_.lower() not in GOVERNING_NOUNS or head.i in taken:
                continue
            if lower in PRONOUN_GENDER:
                antecedent = person_antecedent(token, mentions, genders=genders)
            else:
                earlier = mentions[: bisect.bisect_left(starts, token.i)]
                antecedent = _reporting_subject(token, earlier, kinds=("country",), sentence_subject=True)
            if antecedent is None:
                continue
            added.append(dict(antecedent, tok_start=token.i, tok_end=head.i + 1, how="description",
                              plural=antecedent.get("plural")))
            continue
        if token.pos_ == "PRON" and lower in ("he", "she", "they", "it") and token.dep_ in ("nsubj", "nsubjpass"):
            earlier = mentions[: bisect.bisect_left(starts, token.i)]
            sentence = article.sentence_of(token.i)
            if lower == "it":
                # "The company said it would ...": only the organization or country that says it.
                antecedent = _reporting_subject(token, earlier, kinds=("organization", "country"))
            elif lower == "they":
                antecedent = _reporting_subject(token, earlier)
                if antecedent is None:
                    earlier = [m for m in earlier if m.get("plural") and article.sentence_of(m["tok_start"]) >= sentence - 1]
                    antecedent = earlier[-1] if earlier else None
            else:
                antecedent = person_antecedent(token, mentions, genders=genders)
                if antecedent is not None:
                    genders.setdefault(antecedent["name"], lower)
            how = "pronoun"
        elif token.pos_ in ("NOUN", "PROPN") and token.i > 0 and (
            token.pos_ == "NOUN" or token.ent_type_ == ""  # "The President insists" is often tagged PROPN
        ):
            lemma = token.lemma_.lower()
            if not (lemma in ORGANIZATION_DESCRIPTIONS or lemma in TITLE_NOUNS or lemma in ANONYMOUS_NOUNS):
                continue
            if doc[token.i - 1].lower_ == "the":
                first = token.i - 1
            elif token.i > 1 and doc[token.i - 2].lower_ == "the" and doc[token.i - 1].lower_ in TITLE_MODIFIERS:
                first = token.i - 2  # "the Prime Minister"
                if first in taken or token.i - 1 in taken:
                    continue
            else:
                continue
            if token.dep_ in MODIFIER_DEPS:
                continue
            if lemma in TITLE_NOUNS and (
                token.dep_ in ("appos", "attr", "npadvmod") and token.head.i in persons_at
                or token.dep_ == "pobj" and token.head.lower_ == "as"  # "succeeding her as the Prime Minister"
            ):
                # "Donald Trump, the president of the United States": an office said of the
                # person named right there, not a further mention of them.
                continue
            if lemma in MEDIA_DESCRIPTIONS and not _speaks(token):
                continue  # "the paper said" is the newspaper; "the paper shows" may be a study
            earlier = mentions[: bisect.bisect_left(starts, token.i)]
            antecedent = _antecedent(lemma, earlier)
            start = first
        if antecedent is None:
            continue
        added.append(dict(antecedent, tok_start=start, tok_end=token.i + 1, how=how, plural=antecedent.get("plural")))
    return sorted(mentions + added, key=lambda m: m["tok_start"])


_HONORIFICS = {"mr": "he", "mr.": "he", "sir": "he", "mrs": "she", "mrs.": "she", "ms": "she", "ms.": "she",
               "miss": "she", "dame": "she", "lady": "she", "lord": "he", "king": "he", "queen": "she"}
#: Nouns that say a person's gender when they name them ("his wife Manju Sam", "actress Jane Fonda").
GENDERED_NOUNS = {
    **{w: "he" for w in "man boy husband father son brother uncle nephew grandfather grandson king prince "
       "actor businessman chairman spokesman congressman boyfriend widower monk".split()},
    **{w: "she" for w in "woman girl wife mother daughter sister aunt niece grandmother granddaughter queen "
       "princess actress businesswoman chairwoman spokeswoman congresswoman girlfriend widow nun".split()},
}
#: Nouns of unnamed people: when the nearest subject is one ("a scientist has ... he"), the
#: pronoun is that unnamed person, not a named one further back.
HUMAN_NOUNS = frozenset(GENDERED_NOUNS) | frozenset(
    "person child baby kid teenager student teacher doctor nurse scientist worker driver passenger "
    "victim suspect fan friend neighbour neighbor resident officer soldier farmer patient".split())
#: The gender each third-person pronoun asks of its antecedent (named by its subject form).
PRONOUN_GENDER = {"he": "he", "him": "he", "his": "he", "himself": "he",
                  "she": "she", "her": "she", "hers": "she", "herself": "she"}
#: How many sentences before the pronoun's own a person antecedent is looked for as a subject.
PRONOUN_WINDOW_SENTENCES = 3


def genders_from_honorifics(doc: Doc, mentions: list[dict]) -> dict[str, str]:
    """The gender evidence the text itself gives, keyed by the mention's ``name`` (else
    ``actor_id``): an honorific ("Mr Smith" is he, "Ms Jones" she) or a gendered noun
    before or beside the name ("his wife Manju Sam", "actress Jane Fonda", "Gloria, their
    daughter"). Mentions need character ``start`` offsets.

    A first-name list would give more (gender-guesser on PyPI), but it is GPL-licensed and
    unmaintained since 2016, so the kit relies on the text and on the pronouns already resolved.

    >>> from kit.nlp import load_model
    >>> doc = load_model()("Ms Ann Jones met John Smith and his wife Mary Smith.")
    >>> genders_from_honorifics(doc, [{"start": 3, "end": 12, "name": "Ann Jones", "kind": "person"},
    ...                               {"start": 40, "end": 50, "name": "Mary Smith", "kind": "person"}])
    {'Ann Jones': 'she', 'Mary Smith': 'she'}
    """
    genders: dict[str, str] = {}
    for m in mentions:
        if m.get("kind") != "person" or m.get("how") in ("pronoun", "description"):
            continue
        span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
        if span is None:
            continue
        found = _HONORIFICS.get(doc[span.start - 1].lower_) if span.start > 0 else None
        if found is None:
            # "his wife Mary", "actress Jane Fonda": a noun just before, or the noun in apposition
            nouns = [doc[i] for i in range(max(0, span.start - 2), span.start)]
            root = span.root
            nouns += [root.head] if root.dep_ == "appos" else []
            nouns += [c for c in root.children if c.dep_ == "appos"]
            found = next((GENDERED_NOUNS[t.lower_] for t in nouns if t.lower_ in GENDERED_NOUNS), None)
        if found:
            genders.setdefault(m.get("name") or m.get("actor_id"), found)
    return genders


@functools.lru_cache(maxsize=4)
def _quoted_stretches(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    from kit.quotemarks import find_quote_spans

    spans = sorted((q.start, q.end) for q in find_quote_spans(text))
    return [start for start, _ in spans], spans


def _inside_quotes(text: str):
    starts, spans = _quoted_stretches(text)

    def inside(char: int) -> bool:
        position = bisect.bisect_right(starts, char) - 1
        return position >= 0 and spans[position][0] <= char < spans[position][1]

    return inside


def person_antecedent(pronoun, mentions: list[dict], *, genders: dict[str, str] | None = None,
                      in_quote=None, window: int = PRONOUN_WINDOW_SENTENCES) -> dict | None:
    """The person a he/she/him/his/her refers to, or None: the one rule the actors and the
    quotes (their speakers) share.

    ``mentions`` are mention rows of the pronoun's Doc with character ``start``/``end``,
    ``kind``, ``how`` and ``name`` or ``actor_id``, in text order. The antecedent is:

    1. the nearest earlier grammatical subject naming a person, within this sentence and
       the ``window`` before it: first the subject of a main verb ("Ms Jones said Smith had
       called. She ..." is Ms Jones), then any subject. A name inside "by X" or "with X" is
       no subject ("She was attacked by X. She told ..." is not X); a subject pronoun carries
       the chain further back; the subject of the pronoun's own verb cannot be its object
       ("Smith praised him" is not Smith). Outside quotes, subjects inside quotes do not
       count; inside a quote, the one who says it does not ("Stan said, 'When he was
       winning'" is not Stan). When the nearest subject is an unnamed person ("a scientist
       has ... he"), there is no named antecedent: None;
    2. failing that, the topic person: the person mentioned most so far (the latest on a tie).

    Never an organization or a country. ``genders`` (name -> "he"/"she") skips people known
    to be the other gender (by default from ``genders_from_honorifics``); ``in_quote(char)``
    tells which characters are quoted (by default from ``kit.quotemarks``).

    >>> from kit.nlp import load_model
    >>> doc = load_model()("Mayor Ann Lee was attacked by John Smith. She said the city would recover.")
    >>> rows = [{"start": 6, "end": 13, "name": "Ann Lee", "kind": "person", "how": "name"},
    ...         {"start": 30, "end": 40, "name": "John Smith", "kind": "person", "how": "name"}]
    >>> person_antecedent(doc[9], rows)["name"]
    'Ann Lee'
    """
    gender = PRONOUN_GENDER.get(pronoun.lower_)
    if gender is None:
        return None
    doc = pronoun.doc
    if genders is None:
        genders = genders_from_honorifics(doc, mentions)
    if in_quote is None:
        in_quote = _inside_quotes(doc.text)
    quoted_pronoun = in_quote(pronoun.idx)

    def key(m):
        return m.get("name") or m.get("actor_id")

    def fits(m) -> bool:
        return (m is not None and m.get("kind") == "person" and m.get("how") != "pronoun"
                and genders.get(key(m), gender) == gender)

    starts = [m["start"] for m in mentions]

    def covering(token):
        position = bisect.bisect_right(starts, token.idx)
        for m in reversed(mentions[max(0, position - 12) : position]):
            if m["start"] <= token.idx < m["end"]:
                return m
        return None

    sentence = pronoun.sent
    for _ in range(window):
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
    # "Smith praised him": the subject of the pronoun's own verb is someone else.
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    own_subjects = {c.i for c in verb.children if c.dep_ in SUBJECT_DEPS} if pronoun.dep_ not in SUBJECT_DEPS else set()
    subjects = []
    for token in reversed(doc[sentence.start : pronoun.i]):
        is_subject = token.dep_ in ("nsubj", "nsubjpass") or (
            token.dep_ == "attr" and any(c.dep_ == "expl" for c in token.head.children)  # "There was a woman"
        ) or (token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according")
        if not is_subject or token.pos_ == "PRON" or token.i in own_subjects:
            continue
        quoted = in_quote(token.idx)
        if quoted and not quoted_pronoun:
            continue
        if quoted_pronoun and not quoted and token.head.lemma_ in SPEECH_VERBS:
            continue  # the speaker calls themself "I"
        m = covering(token)
        if m is None and token.pos_ == "NOUN" and token.lemma_.lower() in HUMAN_NOUNS \
                and GENDERED_NOUNS.get(token.lemma_.lower(), gender) == gender and not subjects:
            return None  # "a scientist has ... he": an unnamed person
        if not fits(m):  # "The Labour leader, Jeremy Corbyn, said": the name beside the title
            m = next((covering(c) for c in token.children if c.dep_ == "appos" and fits(covering(c))), None)
        if fits(m):
            # "Thomas Sam and his wife Manju Sam": of two people, the one known to be of this gender
            conjuncts = [c for c in token.children if c.dep_ == "conj"]
            partners = [covering(t) for c in conjuncts for t in [c, *(a for a in c.children if a.dep_ == "appos")]]
            known = [p for p in [m] + partners if fits(p) and genders.get(key(p)) == gender]
            subjects.append((token, known[0] if known else m))
    for token, m in subjects:
        verb = token.head.head.head if token.dep_ == "pobj" else token.head  # "According to X, ..."
        if verb.dep_ == "ROOT":
            return m
    if subjects:
        return subjects[0][1]
    counts: Counter = Counter()
    latest: dict = {}
    for m in mentions:
        if m["start"] >= pronoun.idx:
            break
        if fits(m):
            counts[key(m)] += 1
            latest[key(m)] = m
    if not counts:
        return None
    return latest[max(counts, key=lambda k: (counts[k], latest[k]["start"]))]


def _reporting_subject(token, earlier: list[dict], kinds=("organization", "group", "anonymous", "country"),
                       sentence_subject: bool = False) -> dict | None:
    """ "Thames Valley Police said they had arrested...": "they" is whoever says it.
    With ``sentence_subject``, also the subject of the sentence's main verb ("Russia
    rotated ... as its government said")."""
    verb = token.head
    while token.dep_ == "poss" and verb.dep_ not in ("ccomp", "ROOT") and verb.head is not verb:
        verb = verb.head  # "its government said": from the possessor up to the reported clause
    if verb.dep_ == "ccomp" and verb.head.lemma_ in SPEECH_VERBS:
        speaker_verb = verb.head
    elif sentence_subject:
        speaker_verb = token.sent.root
    else:
        return None
    subjects = [child.i for child in speaker_verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    for m in reversed(earlier):
        if m["kind"] in kinds and any(m["tok_start"] <= i < m["tok_end"] for i in subjects):
            return m
    return None


def _antecedent(lemma: str, earlier: list[dict]) -> dict | None:
    """The actor a description ("the newspaper", "the president") refers back to."""
    for m in reversed(earlier):
        kind, name = m["kind"], m["name"].lower()
        if kind == "person" and lemma in m.get("titles", ()):
            return m
        if kind in ("anonymous", "group") and m.get("head") == lemma:
            return m
        if kind == "organization" and lemma in ORGANIZATION_DESCRIPTIONS:
            words = set(re.findall(r"[a-z]+", name))
            if lemma in words or m.get("head") == lemma:
                return m
            if lemma in MEDIA_DESCRIPTIONS and words & MEDIA_NAME_WORDS:
                return m
            if lemma in GENERIC_ORGANIZATION_DESCRIPTIONS and m["how"] in ("name", "alias"):
                return m
    return None


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


# --- the corpus -------------------------------------------------------------------------


def resolve_corpus(mentions: pd.DataFrame, articles: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """Merge actors across articles and build the actors table.

    A lone surname with no full name in its article ("Putin") joins the one full name
    of the corpus that ends with it ("Vladimir Putin"); when several full names share
    it, it joins the most mentioned if that one has at least twice the mentions of the
    next, else it stays apart. Likewise a lone abbreviation ("WHO") joins the one
    organization whose name it abbreviates ("World Health Organization").

    Returns ``(mentions, actors, renamed)``; ``renamed`` maps old actor_ids to new ones
    so that other tables (quotes) can follow.

    >>> m = pd.DataFrame({"article_id": ["a", "b"], "start": [0, 0], "end": [5, 14],
    ...     "text": ["Putin", "Vladimir Putin"], "actor_id": ["putin", "vladimir-putin"],
    ...     "kind": ["person", "person"], "sentence": [0, 0], "how": ["name", "name"]})
    >>> mentions, actors, renamed = resolve_corpus(m, None)
    >>> renamed, actors.n_articles.tolist()
    ({'putin': 'vladimir-putin'}, [2])
    """
    mentions = mentions.copy()
    if len(mentions) == 0:
        return mentions, _empty_actors(), {}
    if "name" not in mentions.columns:
        mentions["name"] = mentions["text"]
    if "country" not in mentions.columns:
        mentions["country"] = None
    mentions["name"] = mentions["name"].fillna(mentions["text"])

    persons = mentions[mentions["kind"] == "person"]
    counts = persons.groupby("actor_id").size()
    full_names = persons[persons["name"].str.contains(" ", regex=False)]
    by_last: dict[str, Counter] = {}
    for actor_id, name in zip(full_names["actor_id"], full_names["name"]):
        by_last.setdefault(name.split()[-1], Counter())[actor_id] = int(counts.get(actor_id, 0))
    renamed: dict[str, str] = {}
    lone = persons[~persons["name"].str.contains(" ", regex=False)]
    for actor_id, name in set(zip(lone["actor_id"], lone["name"])):
        options = by_last.get(name)
        if not options:
            continue
        ranked = options.most_common(2)
        if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
            if ranked[0][0] != actor_id:
                renamed[actor_id] = ranked[0][0]
    if renamed:
        target_names = dict(zip(full_names["actor_id"], full_names["name"]))
        moved = mentions["actor_id"].isin(renamed.keys()) & (mentions["kind"] == "person")
        mentions.loc[moved, "actor_id"] = mentions.loc[moved, "actor_id"].map(renamed)
        mentions.loc[moved, "name"] = mentions.loc[moved, "actor_id"].map(target_names)
        mentions.loc[moved & (mentions["how"] == "name"), "how"] = "surname"

    # An abbreviation used alone in one article ("WHO") joins the one organization of the
    # corpus whose name it abbreviates ("World Health Organization").
    organizations = mentions[mentions["kind"] == "organization"]
    spelled = {}
    for actor_id, name in set(zip(organizations["actor_id"], organizations["name"])):
        if " " in name:
            spelled.setdefault(initials(name), set()).add((actor_id, name))
    abbreviated = {}
    for actor_id, name in set(zip(organizations["actor_id"], organizations["name"])):
        options = spelled.get(name) if name.isupper() and " " not in name else None
        if options and len(options) == 1:
            abbreviated[actor_id] = next(iter(options))
    if abbreviated:
        moved = mentions["actor_id"].isin(abbreviated.keys()) & (mentions["kind"] == "organization")
        mentions.loc[moved, "name"] = mentions.loc[moved, "actor_id"].map(lambda a: abbreviated[a][1])
        mentions.loc[moved, "actor_id"] = mentions.loc[moved, "actor_id"].map(lambda a: abbreviated[a][0])
        mentions.loc[moved & (mentions["how"] == "name"), "how"] = "alias"
        renamed.update({old: new for old, (new, _) in abbreviated.items()})
    return mentions, actors_table(mentions), renamed


def actors_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per actor: name, kind, country, aliases (how it was called), n_mentions, n_articles.

    Each value is the actor's most frequent one (ties: the first in sort order), found
    with one groupby per column: the corpus step stays cheap however many actors there are.
    """
    if len(mentions) == 0:
        return _empty_actors()
    grouped = mentions.groupby("actor_id", sort=False)
    table = grouped.size().rename("n_mentions").to_frame()  # actors in order of first mention
    actor_ids = table.index.to_series(index=table.index)
    named = mentions[mentions["how"].isin(("name", "alias", "capital", "demonym"))]
    # The name: the commonest among the mentions that name the actor, else among all.
    name = _most_frequent(mentions, "name")
    name_when_named = _most_frequent(named, "name")
    has_named = actor_ids.isin(set(named["actor_id"]))
    name = name_when_named.reindex(table.index).where(has_named, name.reindex(table.index))
    table["name"] = name.where(name.notna(), actor_ids).astype(object)
    table["kind"] = _most_frequent(mentions, "kind").reindex(table.index)
    country = _most_frequent(mentions, "country") if "country" in mentions else pd.Series(dtype=object)
    table["country"] = country.reindex(table.index).astype(object)
    table["country"] = table["country"].where(table["country"].notna(), None)
    surfaces = mentions.loc[mentions["how"] != "pronoun"].groupby("actor_id", sort=False)["text"].agg(set)
    surfaces = surfaces.reindex(table.index)
    table["aliases"] = [sorted((s if isinstance(s, set) else set()) - {n}) for s, n in zip(surfaces, table["name"])]
    table["n_articles"] = grouped["article_id"].nunique() if "article_id" in mentions.columns else 1
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


def extract(text: str, nlp=None) -> pd.DataFrame:
    """The mentions of one text, resolved: the rows ``kit.analyze`` would give, for teaching.

    >>> extract("The Kremlin said Russia would stay.")[["text", "actor_id", "how"]].values.tolist()
    [['The Kremlin', 'russia', 'alias'], ['Russia', 'russia', 'name']]
    """
    from kit.nlp import load_model
    from kit.tables import conform

    nlp = nlp or load_model()
    rows = find_mentions(nlp(text))
    for row in rows:
        row["article_id"] = "text"
    mentions = conform(rows, "mentions")
    mentions, _, _ = resolve_corpus(mentions, None)
    return mentions


# --- exploring the tables --------------------------------------------------------------


def top_actors(analysis_or_tables, by: str = "mentions", kind: str | None = None, n: int = 20) -> pd.DataFrame:
    """Actors ranked by mentions or by the number of articles that mention them.

    Accepts an :class:`kit.Analysis`, a dict of tables, or the actors table itself.
    ``kind=None`` ranks every kind except places (places say where, not who);
    name a kind ("person", "country", "place", ...) to rank only that one.

    >>> actors = pd.DataFrame({"actor_id": ["a", "b", "c"], "name": ["A", "B", "C"],
    ...     "kind": ["person", "place", "country"], "n_mentions": [1, 9, 3], "n_articles": [5, 1, 1]})
    >>> top_actors(actors).name.tolist(), top_actors(actors, by="articles").name.tolist()
    (['C', 'A'], ['A', 'C'])
    """
    if isinstance(analysis_or_tables, pd.DataFrame):
        actors = analysis_or_tables
    elif isinstance(analysis_or_tables, dict):
        actors = analysis_or_tables["actors"]
    else:
        actors = analysis_or_tables.actors
    column = {"mentions": "n_mentions", "articles": "n_articles"}.get(by)
    if column is None:
        raise ValueError(f"top_actors(by={by!r}): use by='mentions' or by='articles'")
    chosen = actors[actors["kind"] != "place"] if kind is None else actors[actors["kind"] == kind]
    other = "n_articles" if column == "n_mentions" else "n_mentions"
    return chosen.sort_values([column, other, "name"], ascending=[False, False, True]).head(n).reset_index(drop=True)


def mentions_over_time(mentions: pd.DataFrame, articles: pd.DataFrame, freq: str = "W",
                       actors: list[str] | None = None, n: int = 10) -> pd.DataFrame:
    """Mentions per period and actor, tidy: ``period``, ``actor_id``, ``name``, ``n_mentions``, ``n_articles``.

    Periods come from ``articles.published`` (articles without a date are left out).
    ``actors`` picks actor_ids; by default the ``n`` most mentioned (places excluded).

    >>> m = pd.DataFrame({"article_id": ["a", "b"], "actor_id": ["russia", "russia"],
    ...     "kind": ["country", "country"], "name": ["Russia", "Russia"]})
    >>> a = pd.DataFrame({"article_id": ["a", "b"], "published": pd.to_datetime(["2019-06-03", "2019-06-27"])})
    >>> mentions_over_time(m, a, freq="MS").n_mentions.tolist()
    [2]
    """
    dated = mentions.merge(articles[["article_id", "published"]], on="article_id", how="inner")
    dated = dated[dated["published"].notna()]
    if actors is None:
        ranked = dated[dated["kind"] != "place"]["actor_id"].value_counts()
        actors = ranked.index[:n].tolist()
    dated = dated[dated["actor_id"].isin(actors)]
    if "name" not in dated.columns:
        dated["name"] = dated["actor_id"]
    # pd.Grouper takes any pandas frequency ("D", "W", "MS", "QS"...); empty periods are dropped.
    table = (
        dated.groupby([pd.Grouper(key="published", freq=freq), "actor_id"])
        .agg(name=("name", lambda s: s.mode().iloc[0]), n_mentions=("actor_id", "size"), n_articles=("article_id", "nunique"))
        .reset_index()
        .rename(columns={"published": "period"})
    )
    return table
