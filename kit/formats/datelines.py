"""Datelines of agency wire text: ``Moscow, June 27, 2019 (AFP) -``, ``WASHINGTON (AP) —``, ``(ANSA) - ROME, June 27 -``.

Found by :func:`find_datelines` for :mod:`kit.formats.wire` and :mod:`kit.formats.bylines`
(re-exported by :mod:`kit.formats.wire`). Every look at the text is bounded, so
finding is linear in the text's length.

>>> [d["place"] for d in find_datelines("LONDON, June 27 (Reuters) - Shares fell.")]
['LONDON']
"""

from __future__ import annotations

import bisect
import re
from typing import Iterator

from kit import lexicon
from kit.formats.dates import _parse_dateline_date

#: Canonical spellings of agencies whose names vary in print ("dpa", "Reuters").
AGENCIES = dict(lexicon.mapping("formats_agencies"))

#: How far after the header line (characters) a dateline may start.
MAX_HEAD = 1000
#: How far before "(AFP)" a dateline's place and date are looked for. Every look
#: at the text is bounded like this, so reading is linear in the file's length.
MAX_PREFIX = 400

_SEPARATOR = r"(?:\s*\.?\s*(?:-{1,3}|–|—|:)(?=\s)|\.(?=\s))"
# "(AFP) -", "(Reuters) -", "(EFE).-", "(dpa/lby) -"; an agency in brackets of at most 4 words.
_AGENCY_IN_BRACKETS = re.compile(
    r"\((?P<agency>[A-Za-z][A-Za-z&.' ]{0,24}?)(?:/[A-Za-z]{1,6})?\)(?P<sep>" + _SEPARATOR + r"|(?=\s))[ \t]*"
)
# TASS: "MOSCOW, June 27. /TASS/."
_AGENCY_IN_SLASHES = re.compile(r"/(?P<agency>[A-Z][A-Za-z\-]{1,15})/\.?(?P<sep>" + _SEPARATOR + r"?)[ \t]*")
# ANSA and others put the agency first: "(ANSA) - ROME, June 27 -".
_AGENCY_FIRST = re.compile(
    r"(?m)^[ \t]*\((?P<agency>[A-Za-z][A-Za-z&.' ]{0,24}?)\)\s*(?:-{1,3}|–|—)\s*"
    r"(?P<place>[A-Z][^\n,()]{1,40}?),\s*(?P<date>[^\n,()]{3,20}?)\s*(?:-{1,3}|–|—)[ \t]*"
)
# The date inside a dateline: "June 27, 2019", "June 27", "JUN 27", "27 jun", "27 de junio de 2019".
_DATELINE_DATE = re.compile(
    r"(?:[,.]\s*|\s+)(?P<date>(?:[A-Za-zÀ-ÿ]{3,10}\.?\s+\d{1,2}|\d{1,2}\.?\s+(?:de\s+)?[A-Za-zÀ-ÿ]{3,10}\.?)"
    r"(?:,?\s+(?:de\s+)?\d{4})?|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})[\s,.]*$"
)


def find_datelines(text: str) -> list[dict]:
    """Every dateline in ``text``: its span, place, date text, agency and body start.

    >>> [d["place"] for d in find_datelines("LONDON, June 27 (Reuters) - Shares fell.")]
    ['LONDON']
    """
    found = []
    for match in _agency_first(text):
        if _parse_dateline_date(match.group("date"), None) is None:
            continue
        found.append({"start": match.start("agency") - 1, "end": match.end(), "place": match.group("place").strip(),
                      "date": match.group("date").strip(), "agency": _canonical_agency(match.group("agency")),
                      "place_start": match.start("place"), "on_own_line": True})
    taken = _Spans((d["start"], d["end"]) for d in found)
    for pattern in (_AGENCY_IN_BRACKETS, _AGENCY_IN_SLASHES):
        for match in pattern.finditer(text):
            if taken.covers(match.start()):
                continue
            dateline = _dateline_before(text, match)
            if dateline:
                found.append(dateline)
                taken.add(dateline["start"], dateline["end"])
    return sorted(found, key=lambda d: d["start"])


def _agency_first(text: str) -> Iterator[re.Match]:
    """``_AGENCY_FIRST.finditer(text)``, trying the pattern only at the starts of lines that open
    with a bracket (after blanks), not at every character; linear in the text's length."""
    resume, line_start, scanned, tried = 0, 0, 0, -1
    bracket = text.find("(")
    while bracket >= 0:
        newline = text.rfind("\n", scanned, bracket)
        if newline >= 0:
            line_start = newline + 1
        scanned = bracket
        match = None
        if line_start != tried:  # only a line's first bracket can open it
            tried = line_start
            if line_start >= resume and not text[line_start:bracket].strip(" \t"):
                match = _AGENCY_FIRST.match(text, line_start)
        if match:
            yield match
            resume = scanned = match.end()
            newline = text.rfind("\n", line_start, resume)
            line_start = newline + 1 if newline >= 0 else line_start
            bracket = text.find("(", resume)
        else:
            bracket = text.find("(", bracket + 1)


class _Spans:
    """Spans of text already taken by a dateline; ``covers`` looks only at spans that can reach."""

    def __init__(self, spans=()):
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.longest = 0
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        index = bisect.bisect(self.starts, start)
        self.starts.insert(index, start)
        self.ends.insert(index, end)
        self.longest = max(self.longest, end - start)

    def covers(self, position: int) -> bool:
        index = bisect.bisect(self.starts, position) - 1
        while index >= 0 and self.starts[index] >= position - self.longest:
            if self.ends[index] > position:
                return True
            index -= 1
        return False


_AGENCY_NAME = re.compile(r"[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,3}")
_NON_BLANK = re.compile(r"\S+")


def _dateline_before(text: str, match: re.Match) -> dict | None:
    agency = _canonical_agency(match.group("agency"))
    known = match.group("agency").strip().lower() in AGENCIES
    # Without a dash after the brackets, only well-known agencies make a dateline
    # ("New Delhi, Jun 27 (PTI) The ..."); "(UN) said" in a body does not.
    if not match.group("sep").strip() and not known:
        return None
    if not known and not _AGENCY_NAME.fullmatch(match.group("agency").strip()):
        return None
    window = max(0, match.start() - MAX_PREFIX)
    line_start = text.rfind("\n", window, match.start()) + 1
    cut_short = line_start == 0 and window > 0  # the line goes on before the window: text precedes
    line_start = line_start or window
    prefix = text[line_start : match.start()]
    # In one-line stories the dateline follows the advisory's "///".
    cut = prefix.rfind("///")
    if cut >= 0:
        line_start += cut + 3
        prefix = prefix[cut + 3 :]
    date_text = None
    date_match = _DATELINE_DATE.search(prefix)
    if date_match and _parse_dateline_date(date_match.group("date"), None) is not None:
        date_text = date_match.group("date")
        place_text = prefix[: date_match.start()]
    else:
        place_text = prefix
    place_text = place_text.rstrip(" ,\t")
    if not place_text.strip():
        return None
    place, place_offset = _place_at_end(place_text)
    if place is None:
        return None
    return {"start": line_start + place_offset, "end": match.end(), "place": place, "date": date_text,
            "agency": agency, "place_start": line_start + place_offset,
            "on_own_line": not cut_short and not prefix[:place_offset].strip()}


def _place_at_end(text: str) -> tuple[str | None, int]:
    """The dateline place ending ``text`` and its offset in ``text``.

    When the whole prefix is short and starts with a capital, it is the place
    ("ST. PAUL, Minn.", "Rio de Janeiro"). When a headline precedes it on the
    same line, the longest run of known place names (geonames) at the end wins,
    else a run of words in capitals, else the last capitalised word.
    """
    stripped = text.lstrip()
    lead = len(text) - len(stripped)
    words = list(_NON_BLANK.finditer(text))
    if not words:
        return None, 0
    # A short prefix of capitalised words is the place itself: "ST. PAUL, Minn.",
    # "Rio de Janeiro", "NEW YORK".
    connectors = lexicon.words("formats_place_connectors")
    if len(words) <= 5 and all(w.group()[0].isupper() or w.group().lower() in connectors for w in words):
        return stripped.rstrip(" ,"), lead
    places = _known_places()
    for size in range(min(4, len(words)), 0, -1):
        candidate = words[-size:]
        name = text[candidate[0].start() : candidate[-1].end()]
        if name.lower() in places and name[0].isupper():
            return name, candidate[0].start()
    caps = [w for w in words if w.group().isupper() and len(w.group()) > 1]
    if caps and caps[-1] is words[-1]:
        run = [words[-1]]
        for word in reversed(words[:-1]):
            if not word.group().isupper():
                break
            run.insert(0, word)
        return text[run[0].start() : run[-1].end()], run[0].start()
    last = words[-1]
    if last.group()[0].isupper():
        return last.group(), last.start()
    return None, 0


def _known_places() -> frozenset[str]:
    """Known place names (:func:`kit.gazetteer.known_places`)."""
    from kit.gazetteer import known_places

    return known_places()


def _canonical_agency(name: str) -> str:
    name = name.strip()
    return AGENCIES.get(name.lower(), name)
