"""What in an article's text is layout, not running text: credit lines ("Image: X.",
"Reporting by X; Editing by Y"), bylines ("By X"), the agency of a dateline
("WASHINGTON (Reuters) -"), site furniture ("Trending On Reuters") and the speaker
labels of interview transcripts (:func:`kit.actors.names.turn_labels`). Names there are
credited or printed, not mentioned: the kit counts no mention inside these spans.

>>> text = "LONDON (Reuters) - Banks fell.\\nReporting by Andy Bruce; Editing by Michael Perry"
>>> [text[s:e] for s, e in layout_spans(text)]
['Reuters', 'Andy Bruce', 'Michael Perry']
"""

from __future__ import annotations

import functools
import re

from kit import lexicon
from kit.nlp import text_of


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    cues = lexicon.mapping("actors_credit_cues")
    labels = sorted((c for c, kind in cues.items() if kind == "label"), key=len, reverse=True)
    bys = sorted((c for c, kind in cues.items() if kind == "by"), key=len, reverse=True)
    words = r"[^\W\d_][\w.'’&-]*(?:[ ]+(?:[^\W\d_][\w.'’&-]*|\(\w+\)|de|van|von|da|der|la|le|and|&))*"
    label = re.compile(r"(?:^|(?<=[\s(.]))(?i:" + "|".join(map(re.escape, labels)) + r")[ \t]*:[ \t]*"
                       + r"(?P<names>[^\n]*?)(?:\.[ \t]*$|\.[ \t]|\)[ \t]*$|$)", re.MULTILINE)
    # "By Jane Doe" alone on a line; "Reporting by X; Editing by Y" anywhere, in brackets or not.
    by_line = re.compile(r"^[ \t(]*(?i:by)[ \t]+(?P<names>" + words + r")[ \t)]*$", re.MULTILINE)
    # a list of names: "Editing by Ann Lee, Tom Roe and Jo Sim" (each after a comma capitalised)
    listed = r"(?=[A-Z])" + words + r"(?:,[ ]*(?=[A-Z])" + words + r")*"
    credit = re.compile(r"(?:^|(?<=[(;,]))[ \t]*(?i:" + "|".join(map(re.escape, [b for b in bys if b != "by"]))
                        + r")[ \t]+(?P<names>" + listed + r")", re.MULTILINE)
    return label, by_line, credit


#: A dateline with the agency in brackets: "WASHINGTON (Reuters) -", "LONDON, June 3 (AP) —".
DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z.'’ -]{1,40}(?:/[A-Z][A-Za-z .'-]+)?(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]*\d{1,2})?"
                      r"[ \t]*\((?P<agency>[A-Z][A-Za-z .&'-]{1,30})\)[ \t]*[-–—]", re.MULTILINE)


def _split_names(text: str, start: int) -> list[tuple[int, int]]:
    """ "X and Y", "X; Editing by Y", "X (flickr)": the name parts with their offsets."""
    spans = []
    for match in re.finditer(r"[^,;/]+", text):
        part = match.group().strip()
        part = re.sub(r"\s*\([^)]*\)?\s*$", "", part)  # "John Lubbock (flickr)"
        if not part:
            continue
        offset = start + match.start() + match.group().index(part[:1])
        for name in re.split(r"\s+(?:and|&)\s+", part):
            if name:
                at = text.find(name, offset - start)
                spans.append((start + at, start + at + len(name)))
    return spans


@functools.lru_cache(maxsize=8)
def layout_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of names that the layout prints: credits, bylines, dateline agencies,
    site furniture. Sorted.

    >>> text = "Protesters at the march. Image: John Lubbock (flickr).\\nBy Jane Doe\\nTrending On Reuters"
    >>> [text[s:e] for s, e in layout_spans(text)]
    ['John Lubbock', 'Jane Doe', 'Trending On Reuters']
    """
    label, by_line, credit = _patterns()
    spans: list[tuple[int, int]] = []
    for pattern in (label, by_line, credit):
        for match in pattern.finditer(text):
            names = match.group("names")
            if names and names.strip():
                spans += _split_names(names, match.start("names"))
    for match in DATELINE.finditer(text):
        spans.append(match.span("agency"))
    for match in _datelines(text):
        spans += [match.span(group) for group in ("first", "agency") if match.group(group)]
    for match in re.finditer(r"^[ \t]*" + _AGENCY_FIRST, text, re.MULTILINE):  # "(ANSA) - ", "(Sports Network) - "
        spans.append(match.span("first"))
    spans += newswire_credit_spans(text)
    furniture = {line.lower() for line in lexicon.words("actors_site_furniture")}
    position = 0
    for line in text.splitlines(keepends=True):
        if line.strip().lower() in furniture:
            first = position + line.index(line.strip())
            spans.append((first, first + len(line.strip())))
        position += len(line)
    return tuple(sorted(set(spans)))


# Newswire layout (issue #15) ------------------------------------------------------------------
# Datelines without an agency or with a state ("MANCHESTER, N.H. -", "TRENTON, N.J. (AP) —",
# "DES MOINES -", "LONDON 1996-08-30"), whose city is a place (MUC-7: LOC), never an
# organization nor a country's seat; bylines with a title or an agency ("By ANN SMITH,
# Associated Press") and the lines under them; credits ("Jane Doe contributed to this report.",
# "Copyright 2019 The Associated Press.", "Follow Jane Doe on Twitter", "-- Staff writer X").

_WORD = r"[A-ZÀ-Þ][\w'’.\-]*"
_GAP = r"[ \t\xa0]*"
_AGENCY_FIRST = r"\((?P<first>[A-Z][A-Za-z&.']*(?:[ ][A-Z][A-Za-z&.']*){0,3})\)[ \t\xa0]*(?:—|–|-{1,2})[ \t\xa0]+"
_DATELINE = re.compile(
    r"^[ \t]*(?:" + _AGENCY_FIRST + r")?(?P<city>" + _WORD + r"(?:[ ]" + _WORD + r"){0,3})"
    r"(?:,[ \t\xa0]*(?P<region>" + _WORD + r"(?:[ ]" + _WORD + r"){0,2}))?"
    r"(?:,?[ \t\xa0]*(?P<date>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+\d{1,2}"
    r"(?:,[ \t]*\d{4})?|(?i:mon|tues|wednes|thurs|fri|satur|sun)day))?"
    r"(?:" + _GAP + r"\((?P<agency>[A-Za-z][A-Za-z&.' /]{0,30})\))?"
    r"(?:" + _GAP + r"(?:—|–|-{1,2}|_)[ \t\xa0]+(?=\S)|[ \t]+(?P<iso>\d{4}-\d{2}-\d{2})[ \t]*$)", re.MULTILINE)


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@functools.lru_cache(maxsize=8)
def _datelines(text: str) -> tuple[re.Match, ...]:
    """The datelines of ``text``: a city in capitals at a line's start, then a state or a date, an
    agency in brackets or a dash. Without an agency, a state, a date or an ISO date line, the city
    must be a known place ("WASHINGTON —"), so that "EXCLUSIVE –" or a headline is none. A city in
    lower case needs a known agency ("Moscow, June 27, 2019 (AFP) -"; formats_agencies)."""
    from kit.gazetteer import known_places

    not_places = lexicon.words("actors_dateline_not_places")
    found = []
    for match in _DATELINE.finditer(text):
        city = match.group("city")
        agency = match.group("agency") or match.group("first")
        if city.lower().rstrip(".") in not_places or not (_is_caps(city) or _known_agency(agency)):
            continue
        if match.group("iso") and (match.group("region") or match.group("date") or match.group("agency")):
            continue
        if any(match.group(g) for g in ("first", "agency", "region", "date", "iso")) or city.lower() in known_places():
            found.append(match)
    return tuple(found)


def _known_agency(name: str | None) -> bool:
    return bool(name) and name.strip().lower() in lexicon.mapping("formats_agencies")


def _place_name(text: str) -> str:
    """ "DES MOINES" -> "Des Moines", "ST. LOUIS" -> "St. Louis", "MCALLEN" -> "McAllen"."""
    if not _is_caps(text):
        return text
    return re.sub(r"\bMc([a-z])", lambda m: "Mc" + m.group(1).upper(), text.title())


@functools.lru_cache(maxsize=8)
def dateline_places(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, canonical name) of the places datelines name: the city, and the state when
    it is an agency's abbreviation of one ("N.H." -> "New Hampshire"; "Iowa" is left to the
    entities). Sorted.

    >>> text = "MANCHESTER, N.H. (AP) — The Senate met.\\nWASHINGTON — Banks fell."
    >>> [(text[s:e], name) for s, e, name in dateline_places(text)]
    [('MANCHESTER', 'Manchester'), ('N.H.', 'New Hampshire'), ('WASHINGTON', 'Washington')]
    """
    return tuple(place for _, places, _ in _dateline_heads(text) for place in places)


@functools.lru_cache(maxsize=8)
def _dateline_heads(text: str) -> tuple[tuple[tuple, tuple, tuple], ...]:
    """For each dateline: the character spans that are layout (the city, a state the agency
    abbreviates, the date, the dash), its places, and the span of a state in full, which is left
    to the entities ("Iowa", "Burma")."""
    regions = lexicon.mapping("actors_dateline_regions")
    heads = []
    for match in _datelines(text):
        places = [(*match.span("city"), _place_name(match.group("city")))]
        layout, left = [(match.start("city"), match.end())], ()
        region = match.group("region")
        if region in regions:
            places.append((*match.span("region"), regions[region]))
        elif region:
            layout = [(match.start("city"), match.start("region")), (match.end("region"), match.end())]
            left = (match.span("region"),)
        heads.append((tuple(layout), tuple(places), left))
    return tuple(heads)


def dateline_mentions(doc) -> tuple[list[dict], set[int], set[int]]:
    """Candidate rows (as ``_Article.add`` makes them) of the places of the datelines of
    ``doc`` (kind "place", how "name": never an organization nor a country's government), the
    tokens of the datelines' layout (city, abbreviated state, date, dash) and of their states in full."""
    from kit.actors import geography

    def tokens_of(spans):
        return {t.i for start, end in spans for t in doc.char_span(start, end, alignment_mode="expand") or ()}

    rows, tokens, states = [], set(), set()
    for layout, places, left in _dateline_heads(text_of(doc)):
        tokens |= tokens_of(layout)
        states |= tokens_of(left)
        for start, end, name in places:
            span = doc.char_span(start, end, alignment_mode="contract")
            if span is not None and len(span):
                rows.append(dict(tok_start=span.start, tok_end=span.end, name=name, kind="place", how="name",
                                 country=geography.country_of_capital(name), priority=3))
    return rows, tokens, states


def cut_entities(ents, cut: set[int], states: set[int] = frozenset()) -> list:
    """The entities, cut at line breaks and at the tokens ``cut`` (the datelines' layout): no name
    runs across a line break ("Associated Press\\nBEIJING") nor into a dateline ("CLEVELAND - Jane
    Doe"). A piece keeps no punctuation at its ends, needs a proper noun, and takes the label the
    article's uncut entities give its text, if any (a dateline makes spaCy call a person ORG); a
    dateline's state in full (``states``) is a piece of its own, a GPE."""
    from collections import Counter

    from spacy.tokens import Span

    ents = list(ents)
    breaks = [e for e in ents if not cut.isdisjoint(range(e.start, e.end)) or any("\n" in t.text for t in e)]
    if not breaks:
        return ents
    whole = {id(e) for e in ents} - {id(e) for e in breaks}
    labels: dict[str, Counter] = {}
    for ent in ents:
        if id(ent) in whole:
            labels.setdefault(ent.text, Counter())[ent.label_] += 1
    surnames = {e[-1].text for e in ents if id(e) in whole and e.label_ == "PERSON"}
    doc, pieces = ents[0].doc, []
    for ent in ents:
        if id(ent) in whole:
            pieces.append(ent)
            continue
        start = None
        for i in range(ent.start, ent.end + 1):
            inside = i < ent.end and i not in cut and not doc[i].is_space and "\n" not in doc[i].text
            if start is not None and (not inside or (i in states) != (start in states)):
                piece = _trimmed(doc, start, i)
                if piece is not None:
                    known = labels.get(doc[piece[0]:piece[1]].text)
                    label = "GPE" if start in states else known.most_common(1)[0][0] if known else ent.label_
                    pieces.append(Span(doc, *piece, label=label if known or start in states else _cut_label(doc, piece, label, surnames)))
                start = None
            if inside and start is None:
                start = i
    return pieces


def _cut_label(doc, piece: tuple[int, int], label: str, surnames: set[str]) -> str:
    """A piece of two or three capitalised words after a given name or before the surname of a
    person of the article ("Jane Doe" of "CLEVELAND - Jane Doe", which spaCy labels ORG) is a
    person's name."""
    from kit.syntax import GIVEN_NAMES

    words = doc[piece[0]:piece[1]]
    if label != "PERSON" and 2 <= len(words) <= 3 and (words[0].lower_ in GIVEN_NAMES or words[-1].text in surnames) \
            and all(w.text[:1].isupper() and w.is_alpha for w in words):
        return "PERSON"
    return label


def _trimmed(doc, start: int, end: int) -> tuple[int, int] | None:
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and doc[end - 1].is_punct and doc[end - 1].text != ".":
        end -= 1
    if not any(doc[i].pos_ == "PROPN" for i in range(start, end)) or sum(c.isalpha() for c in doc[start:end].text) < 2:
        return None  # "Speaking" of a headline's entity run on, "X." of a caption
    return start, end


def _cues(kind: str) -> list[str]:
    return sorted((c for c, k in lexicon.mapping("actors_credit_cues").items() if k == kind), key=len, reverse=True)


def _alternatives(*kinds: str) -> str:
    """The cues of these kinds as one case-blind regex group, longest first."""
    return "(?i:" + "|".join(map(re.escape, sorted((c for k in kinds for c in _cues(k)), key=len, reverse=True))) + ")"


_NAME = r"[A-ZÀ-Þ][\w'’.\-]*(?:[ ](?:[A-ZÀ-Þ][\w'’.\-]*|de|van|von|da|der|la|le|bin|al))*"


@functools.lru_cache(maxsize=1)
def _credit_patterns() -> dict[str, re.Pattern]:
    names = _NAME + r"(?:(?:,[ ]*|[ ]+)(?:and|&)[ ]+" + _NAME + r"|,[ ]*" + _NAME + r")*"
    title_word = r"(?:[A-ZÀ-Þ][\w'’.&\-]*|" + _alternatives("title", "staff") + r"\b)"
    staff = r"\b" + _alternatives("staff") + r"\b"
    part = r"[A-ZÀ-Þ][\w.'’&\-]*(?:[ ][A-ZÀ-Þ][\w.'’&\-]*){0,3}"
    photo = part + r"(?:[ \t]*/[ \t]*" + part + r"){1,3}"
    place = r"[A-ZÀ-Þ][\w.'’\-]*(?:(?:,[ ]*|[ ]+)(?:[A-ZÀ-Þ][\w.'’\-]*|and)){0,4}"
    from_credit = (r"(?:" + title_word + r"[ ]+){0,5}" + _alternatives("from") + r"[ \t]+" + place
                   + r"(?:;[ \t]*" + _NAME + r",?[ \t]+from[ \t]+" + place + r")*(?:\.(?=[ \t]|$)|$)")
    return {
        # "By ANN SMITH, Associated Press", "BY JANE DOE / AP Chief Political Writer": the whole line
        "byline": re.compile(r"^[ \t(]*(?i:by)[ \t]+" + names + r"[ \t]*(?:,|/|\||—|–|-{1,2})[ \t]*"
                             + title_word + r"(?:[ ]+" + title_word + r")*[ \t).]*$", re.MULTILINE),
        # "h/t The Hill.", "(h/t Mediaite.)", "Story by X": the rest of the line
        "line": re.compile(r"(?:^|(?<=[(]))[ \t]*" + _alternatives("line") + r"[:/]*[ \t]+[^\n)]+", re.MULTILINE),
        # "Associated Press writer Jane Doe in Paris contributed to this report.": the sentence
        "after": re.compile(r"(?:^|(?<=[.!?”\"][ \t])|(?<=[.!?][ \t\xa0]{2}))[ \t]*(?:[^\n.!?]|(?<=[A-Z])\.)"
                            r"{2,200}?[ \t]" + _alternatives("after") + r"\b(?:[^\n.!?]|(?<=[A-Z])\.)*",
                            re.MULTILINE),
        # "Associated Press writers Ann Lee and Tom Fry contributed.": names after a staff title
        "staff": re.compile(r"(?:^|(?<=[.!?][ \t]))[ \t]*(?=[^\n]{0,120}?" + staff + r")(?:" + title_word
                            + r",?[ ]+){2,12}(?i:contributed)\.(?=[ \t]|$)", re.MULTILINE),
        # "Lee reported from Denver.", "Lee reported from Reno, Nev.; Park, from Washington.", "Associated
        # Press writer Jane Doe contributed from Rome." (two such credits on a line): a line of credits
        "from": re.compile(r"^[ \t]*" + from_credit + r"(?:[ \t]+" + from_credit + r")*", re.MULTILINE),
        # "Jim Roe / Reuters.", "(ANN LEE/AFP/Getty Images.)": a photo credit, a line or brackets of its own
        "photo": re.compile(r"^[ \t]*" + photo + r"[ \t.]*$|\(" + photo + r"\.?\)", re.MULTILINE),
        # "- Reuters.", "(AP)", "The Associated Press" alone on a line: the agency signs the story
        "agency": re.compile(r"^[ \t]*(?:(?:--|—|–|-)[ \t]*)?\(?" + part + r"\)?[ \t.]*$", re.MULTILINE),
        # "Copyright 2021 Associated Press. All rights reserved.", "(c) Reuters 2019": to the line's end
        "copyright": re.compile(r"(?:^|(?<=[.!?][ \t]))[ \t]*(?:" + _alternatives("copyright")
                                + r")(?=[ \t]*(?:©|\(c\)|\d{4}\b|[A-Z]))[^\n]*", re.MULTILINE),
        # "Follow Jane Doe on Twitter @janedoe.": the line, when it names a platform or a handle
        "follow": re.compile(r"^[ \t]*(?:On[ \t]+\w+,?[ \t]+)?" + _alternatives("follow") + r"[ \t\xa0]+[A-ZÀ-Þ@][^\n]{0,200}$",
                             re.MULTILINE),
        # "-- Staff writer Ruth Kimble", "— White House Correspondent Jane Doe.": the line
        "signature": re.compile(r"^[ \t]*(?:--|—|–|-)[ \t]*(?:[A-ZÀ-Þ][\w'’.\-]*[ ]+){0,5}" + staff
                                + r"[ \t]+" + _NAME + r"[ \t.]*$|^[ \t]*(?:--|—|–|-)[ \t]*" + _NAME + r",[ \t]+(?:[\w.'’\-]+[ ]+){0,5}"
                                + staff + r"[ \t.]*$", re.MULTILINE),
    }


def _short_notice(text: str) -> bool:
    """A copyright notice, not a sentence that starts with the word: a year, "rights reserved"
    or at most six words."""
    return bool(re.search(r"\b(?:1[89]|20)\d{2}\b|(?i:rights reserved)", text)) or len(text.split()) <= 6


@functools.lru_cache(maxsize=1)
def _cue_finders() -> dict[str, re.Pattern]:
    return {"after": re.compile(_alternatives("after")), "staff": re.compile(r"(?i:contributed)\.")}


def _matches(kind: str, pattern: re.Pattern, text: str):
    """``pattern.finditer(text)``; for the sentence credits ("after", "staff"), tried only in
    the 260 characters before each cue, so that a long text is read in linear time."""
    finder = _cue_finders().get(kind)
    if finder is None:
        yield from pattern.finditer(text)
        return
    resume = 0
    for cue in finder.finditer(text):
        if cue.start() < resume:
            continue
        end = text.find("\n", cue.end())
        for match in pattern.finditer(text, max(resume, cue.start() - 260), len(text) if end < 0 else end):
            if match.end() >= cue.end():
                yield match
                resume = match.end()
                break


def _names_photo_source(credit: str) -> bool:
    """Does one part of "Jim Roe / Reuters" (or "- Reuters.") name an agency or a photo service ("Getty Images")?"""
    sources = {c.lower() for c in _cues("photo")} | set(lexicon.mapping("formats_agencies"))
    return any(part.strip(" \t.()-–—").lower() in sources for part in credit.split("/"))


def newswire_credit_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of newswire credits (bylines with a title or an agency and the short lines
    under a byline, "contributed to this report", copyright notices, "Follow X on Twitter",
    signatures of staff writers): the names in them are credits, not mentions.

    >>> text = "By ANN SMITH, Associated Press\\nBEIJING — Banks fell.\\nCopyright 2019 The Associated Press."
    >>> [text[s:e] for s, e in newswire_credit_spans(text)]
    ['By ANN SMITH, Associated Press', 'Copyright 2019 The Associated Press.']
    """
    patterns = _credit_patterns()
    platforms = _cues("platform")
    spans = []
    for kind, pattern in patterns.items():
        for match in _matches(kind, pattern, text):
            found = match.group().strip()
            if kind == "copyright" and not _short_notice(found):
                continue
            if kind in ("photo", "agency") and not _names_photo_source(found):
                continue
            if kind == "follow" and not (re.search(r"@|https?://", found) or any(p in found.lower() for p in platforms)):
                continue
            start = match.start() + match.group().index(found[:1])
            spans.append((start, start + len(found)))
    spans += _under_bylines(text)
    return spans


def _under_bylines(text: str) -> list[tuple[int, int]]:
    """Lines right under a byline that name its agency or title ("By Ann Smith\\nAssociated Press"):
    up to two short lines of capitalised words, before the dateline or the first sentence."""
    title_words = {w.lower() for w in _cues("title") + _cues("staff")}
    spans = []
    bylines = [*_patterns()[1].finditer(text), *_credit_patterns()["byline"].finditer(text)]
    for match in bylines:
        position = match.end() + 1
        for _ in range(2):
            end = text.find("\n", position)
            end = len(text) if end < 0 else end
            line = text[position:end].strip()
            words = line.split()
            if not (0 < len(words) <= 6) or line.endswith((".", "?", "!", ":", "”", '"')) or _DATELINE.match(line):
                break
            if not all(w[:1].isupper() or w.lower() in title_words for w in words):
                break
            start = text.index(line, position)
            spans.append((start, start + len(line)))
            position = end + 1
    return spans


#: Marks that open and close a title in running text.
_OPENING_MARKS = frozenset('“"‘\'«')
_CLOSING_MARKS = frozenset('”"’\'»')


def quoted_titles(doc) -> set[int]:
    """Tokens of names that are a work's title in quotation marks, in a noun phrase's place:
    'his turn in “Joker”', 'she starred in "Erin Brockovich"', 'the “Fleabag” creator'. The
    name fills the marks (a comma or full stop aside) and a preposition, determiner, noun or
    possessive comes before them, or a noun right after: a film, a show, a song, never the
    person or place of the same name. A name chanted or said in marks (fans chanted "Messi!")
    is left alone."""
    tokens: set[int] = set()
    for ent in doc.ents:
        if ent.start == 0 or doc[ent.start - 1].text not in _OPENING_MARKS:
            continue
        after = ent.end + (1 if ent.end < len(doc) and doc[ent.end].text in (",", ".") else 0)
        if after >= len(doc) or doc[after].text not in _CLOSING_MARKS:
            continue
        before = doc[ent.start - 2] if ent.start >= 2 else None
        following = doc[after + 1] if after + 1 < len(doc) else None
        if (before is not None and (before.pos_ in ("ADP", "DET", "NOUN", "PROPN") or before.tag_ == "POS")
                or following is not None and following.pos_ == "NOUN"):
            tokens.update(range(ent.start, ent.end))
    return tokens
