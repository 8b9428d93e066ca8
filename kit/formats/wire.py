"""Agency wire text: header line, headline, advisory, dateline, body, desk code, issue.

A wire story, as agencies and the bulletins that resell them deliver it::

    Russia US Venezuela diplomacy military,2ndlead 27 Haziran 2019 - 03:57   <- header
    Russia rotates military 'technicians' from crisis-hit Venezuela          <- headline
    ATTENTION - UPDATES with comments by Russian, US officials ///           <- advisory
    Moscow, June 27, 2019 (AFP) - Russia rotated military technicians ...    <- dateline, body
    ... in Osaka. jz-as-sct/ec                                               <- desk code
    79. Sayı                                                                 <- bulletin issue

Headline, advisory, dateline and body may share one line (as in the seed) or
stand on lines of their own. Datelines of many agencies are recognised:
``WASHINGTON (AP) —``, ``LONDON, June 27 (Reuters) -``, ``Berlin (dpa) -``,
``BEIJING, June 27 (Xinhua) --``, ``Madrid, 27 jun (EFE).-``, ``(ANSA) - ROME,
June 27 -``, ``MOSCOW, June 27. /TASS/.``. A file may hold several stories: each
header line (or, without header lines, each dateline) starts one.

The body is the verbatim slice of the text between the dateline and the desk
code, so offsets into the body map back to the file (``body_start`` gives where).

>>> text = open("data/wire/000_3a78acad3bfae3fb.txt", encoding="utf-8").read()
>>> story = next(read(text))
>>> story["agency"], story["dateline_place"], story["version"], story["issue"]
('AFP', 'Moscow', '2ndlead', 79)
>>> text[story["body_start"]:].startswith(story["body"])
True
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Iterator

from kit.formats import Problem
from kit.formats.dates import DATE_LANGUAGES, _parse_date, _parse_date_and_time, _parse_dateline_date  # noqa: F401
# Datelines are found by their own module; their names stay importable from here.
from kit.formats.datelines import (AGENCIES, MAX_HEAD, MAX_PREFIX, _canonical_agency, _known_places,  # noqa: F401
                                   find_datelines)

#: Story versions agencies put in the header line, oldest to newest within a story.
VERSION_ORDER = ("flash", "urgent", "bulletin", "newsalert", "advisory", "1stlead", "2ndlead",
                 "3rdlead", "4thlead", "5thlead", "update", "recast", "wrapup", "correction")

_HEADER = re.compile(
    # the lookahead makes long body lines fail at once: a header line is short
    r"(?m)^(?=[^\n]{8,230}$)(?P<slug>[^\n,]{1,150}?)\s*,\s*(?P<version>[A-Za-z0-9][\w-]{0,30})\s+(?P<date>[^\n]{6,50}?)[ \t]*$"
)
# Story versions as agencies write them: 2ndlead, 1st writethru (one token here),
# urgent, correction, recast, refile, adv27, update2, ...
_VERSION = re.compile(
    r"(?i)(?:\d+(?:st|nd|rd|th)?[-_]?)?(?:lead|ld|lede|writethru|wrap|wrapup|update|upd|urgent|correction|corrected|"
    r"corr|advisory|flash|bulletin|newsalert|alert|recast|refile|repeat|rpt|fix|sub|kill|elim|insert|add|takes?|"
    r"new|first|final|version|adv)[-_]?\d*"
)
_ADVISORY = re.compile(
    r"(?P<label>ATTENTION|ATTN|ADVISORY|EDITORS?['’]? ?NOTE|Eds?\.?)\s*[-–—:]\s*(?P<advisory>[^\n]+?)\s*(?:///|$)",
    re.MULTILINE,
)
# AFP desk codes end a story: "jz-as-sct/ec", "bur-fz/jj", "ys/jh".
_DESK = re.compile(r"(?:(?<=\s)|^)(?P<desk>[a-z]{1,6}(?:-[a-z]{1,6})*/[a-z]{1,6}(?:-[a-z]{1,6})*)\s*$")
_DESK_CODE = re.compile(r"[a-z]{1,6}(?:-[a-z]{1,6})*/[a-z]{1,6}(?:-[a-z]{1,6})*")
_ISSUE = re.compile(
    r"(?mi)^[ \t]*(?:(?P<a>\d{1,5})\s*\.\s*(?:sayı|sayi|issue|numéro|número|ausgabe)"
    r"|(?:sayı|sayi|issue|no\.|nr\.|number)\s*(?P<b>\d{1,5}))[ \t]*$"
)
# Reuters and others close with the staff who worked on the story.
_TRAILER = re.compile(
    r"\n\s*(?P<trailer>\((?:Reporting|Writing|Additional reporting|Compiled|Editing|Written|Story) by[^()\n]{0,300}\))\s*$"
)
_END_MARK = re.compile(r"\s*(?:\n|^)[ \t]*(?:[-=_*#~]{3,}|\(?END\)?S?|-0-|-30-|\(MORE\))[ \t]*\s*$")
_BYLINE = re.compile(r"^\s*(?:[Bb]y|BY|[Pp]ar|PAR|[Pp]or|POR|[Vv]on|VON)\s+[A-ZÀ-Þ][^\n]{1,80}$")
_ADVISORY_IN_BRACKETS = re.compile(
    r"\((?:Adds|Updates|Recasts|Corrects|Changes|Removes|Fixes|Refiles|Repeats|Rewrites|Inserts|Deletes|Clarifies|"
    r"Edits|Moves|Writes through|Advisory|New throughout|Tops|Combines)\b[^()\n]{0,200}\)"
)
_HEADLINE_VERSION = re.compile(
    r"(?P<version>(?:UPDATE|WRAPUP|RPT|REFILE|CORRECTED|CORRECTION|URGENT|FLASH|RECAST)(?: \d+)?)\s*-\s*(?=\S)"
)


_NOT_SCANNED: tuple = (None, None)
#: (text, _scan_headers(text)) of the last text looks_like_wire saw whole, for read() to take
_last_scan: tuple = _NOT_SCANNED


def looks_like_wire(text: str) -> bool:
    """True when ``text`` opens like a wire story: a header line, or a dateline near the top.

    >>> looks_like_wire("WASHINGTON (AP) — The Senate voted on Tuesday.")
    True
    >>> looks_like_wire("A plain note about lunch.")
    False
    """
    global _last_scan
    head = text[:5000]
    if head is text:
        # The whole text: its header lines are found once, here, and read() takes them (a non-overlapping
        # scan finds the same lines as read's unless a match ran past its line).
        scanned = _scan_headers(text)
        _last_scan = (text, scanned)
        headers, crossing = scanned
        first = next(_iter_headers(head, overlapping=False), None) if crossing else (headers[0] if headers else None)
    else:
        first = next(_iter_headers(head, overlapping=False), None)
    if first:
        return True
    # A dateline deep inside a plain article ("... told (AFP) - ...") does not make it wire.
    return any(d["start"] < MAX_HEAD // 2 or d["on_own_line"] for d in find_datelines(head))


def read(text: str) -> Iterator[dict | Problem]:
    """Yield one article row per story in ``text`` (positions 1, 2, ... when several).

    Rows carry ``body_start``: the offset of the body in ``text``. A story
    without an issue footer of its own takes the bulletin's (the file's last).
    """
    global _last_scan
    scanned = _last_scan
    if scanned[0] is text:  # looks_like_wire scanned this very text
        _last_scan = _NOT_SCANNED
        headers, crossing = scanned[1]
    else:
        headers, crossing = _scan_headers(text)
    stories = _split(text, headers)
    if len(stories) == 1 or not crossing:
        # The header a story opens with is the one found in the whole text (a story's lines read
        # alike in it and alone, unless a match ran from one line into the next: then read alone).
        known = headers if headers else [None] * len(stories)
        rows = [_read_story(text, start, end, header) for (start, end), header in zip(stories, known)]
    else:
        rows = [_read_story(text, start, end) for start, end in stories]
    bulletin_issue = next((row["issue"] for row in reversed(rows) if row.get("issue") is not None), None)
    line_ends = None
    for number, ((start, _), row) in enumerate(zip(stories, rows), 1):
        if row.get("issue") is None:
            row["issue"] = bulletin_issue
        if len(stories) > 1:
            row["position"] = f"#{number}"
        if not row["body"]:
            if line_ends is None:
                line_ends = [m.start() for m in re.finditer("\n", text)]
            yield Problem("a wire story with no body text after its dateline", line=bisect.bisect(line_ends, start) + 1,
                          position=row.get("position"))
            continue
        yield row


# four digits written out, not \d{4}: the same matches, and a search tries them at a digit only
_YEAR = re.compile(r"\d\d\d\d")
_CLOCK_OR_DAY = re.compile(r"\d{1,2}[:.h]\d{2}|\d{1,2}\s")
# What must follow a line without a comma for a header to start on it: the slug's comma on a later line.
_SPACES_COMMA = re.compile(r"\s*,")


def _parse_header(match: re.Match) -> dict | None:
    # "Paris, Tuesday 27 June 2019" is a line of prose, not a header: the word
    # after the comma must be a story version.
    if not _VERSION.fullmatch(match.group("version")):
        return None
    date_text = match.group("date")
    if not _YEAR.search(date_text) or not _CLOCK_OR_DAY.search(date_text):
        return None
    published = _parse_date_and_time(date_text)
    if published is None:
        return None
    keywords = match.group("slug").split()
    if len(keywords) == 1 and "-" in keywords[0]:  # AFP also writes slugs as "Venezuela-Russia-US-military"
        keywords = [word for word in keywords[0].split("-") if word]
    return {"keywords": keywords, "version": match.group("version"), "published": published}


def _headers(text: str) -> list[tuple[re.Match, dict]]:
    return list(_iter_headers(text))


def _scan_headers(text: str) -> tuple[list[tuple[re.Match, dict]], bool]:
    """The header lines of ``text``, and whether a match of the header pattern ran past its line."""
    crossing: list[bool] = []
    return list(_iter_headers(text, crossing=crossing)), bool(crossing)


def _iter_headers(text: str, overlapping: bool = True, crossing: list | None = None) -> Iterator[tuple[re.Match, dict]]:
    """The header lines of ``text`` and what they say, in order.

    Only short lines can be headers: the pattern is tried at their starts, not at every
    character, and only where a comma (the slug's) is on the line or follows it past blanks.
    ``overlapping=False`` goes on after a match's end, as ``_HEADER.finditer`` would; ``crossing``
    gets an item for each match that runs past its line.
    """
    position, size = 0, len(text)
    find, year = text.find, _YEAR.search
    while position < size:
        end = find("\n", position)
        end = size if end < 0 else end
        if 8 <= end - position <= 230:
            comma = find(",", position, end)
            if comma < 0:
                # the slug's comma on a later line (past blanks): the next line opens with a blank or a comma
                following = text[end + 1:end + 2]
                if not (following == "," or following.isspace()) or not _SPACES_COMMA.match(text, end):
                    position = end + 1
                    continue
            elif year(text, comma, end) is None and len(text[comma + 1:end].split(None, 1)) == 2:
                # After the line's first comma, two words and no year: a match could neither parse
                # (its date, on this line, has no year) nor run past the line (its version and
                # date are the words on it), so it would change nothing: the pattern is not tried.
                position = end + 1
                continue
            match = _HEADER.match(text, position)
            if match:
                parsed = _parse_header(match)
                if parsed:
                    yield match, parsed
                if match.end() > end:
                    if crossing is not None:
                        crossing.append(True)
                    if not overlapping:
                        end = match.end()
        position = end + 1


def _split(text: str, headers: list | None = None) -> list[tuple[int, int]]:
    """Spans of the stories in ``text``: at header lines (``headers``, found if not given), else at datelines."""
    headers = _headers(text) if headers is None else headers
    if headers:
        starts = [match.start() for match, _ in headers]
        starts[0] = 0  # anything before the first header belongs to the first story
    else:
        datelines = [d for d in find_datelines(text) if d["on_own_line"]] or find_datelines(text)[:1]
        if not datelines:
            return [(0, len(text))]
        starts = [0] + [_head_start(text, d["start"]) for d in datelines[1:]]
    ends = starts[1:] + [len(text)]
    return list(zip(starts, ends))


def _head_start(text: str, dateline_start: int) -> int:
    """Where the headline block before a dateline begins (stories without headers).

    The headline is the non-blank line just before the dateline, or before a
    byline or advisory line that precedes it.
    """
    position = text.rfind("\n", max(0, dateline_start - MAX_HEAD), dateline_start) + 1
    for _ in range(3):
        end = position
        while end > 0 and text[end - 1] in "\n ":
            end -= 1
        if end == 0:
            return 0
        line_start = text.rfind("\n", max(0, end - MAX_HEAD), end) + 1
        line = text[line_start:end]
        position = line_start
        if not (_BYLINE.match(line) or _ADVISORY.match(line.strip())):
            break
    return position


_UNKNOWN = object()


def _read_story(text: str, start: int, end: int, header=_UNKNOWN) -> dict:
    """The row of the story ``text[start:end]``; ``header``: its header line's (match in ``text``, parsed), if known."""
    story = text[start:end]
    row: dict = {"format": "wire"}
    if header is _UNKNOWN:
        header = next(_iter_headers(story), None)
        shift = 0
    else:
        shift = start
    head_from = 0
    if header:
        match, parsed = header
        row.update(parsed)
        head_from = match.end() - shift
    # The issue footer closes the story: only a footer with nothing after it counts
    # (a "No. 5" line inside the body is text).
    last_text = _end_of_text(story, 0, len(story))
    issue_match = next((m for m in _line_matches(_ISSUE, story, max(0, last_text - MAX_PREFIX)) if m.end() >= last_text),
                       None)
    story_end = issue_match.start() if issue_match else len(story)
    if issue_match:
        row["issue"] = int(issue_match.group("a") or issue_match.group("b"))
    # The dateline follows the headline and advisory closely; "(YouTube) -" deep
    # in a body is not one.
    datelines = [d for d in find_datelines(story[head_from : min(story_end, head_from + MAX_HEAD)])]
    for d in datelines:
        for key in ("start", "end", "place_start"):
            d[key] += head_from
    # A dateline sharing its line with text before it (the one-line layout) has
    # only a headline and an advisory before it, never paragraphs.
    datelines = [d for d in datelines if d["on_own_line"] or d["start"] - head_from <= MAX_HEAD // 2]
    dateline = datelines[0] if datelines else None
    if dateline:
        head = story[head_from : dateline["start"]]
        body_from = dateline["end"]
        row["agency"] = dateline["agency"]
        row["outlet"] = dateline["agency"]
        row["dateline_place"] = dateline["place"]
        if dateline["date"]:
            row["dateline_date"] = _dateline_day(dateline["date"], row.get("published"))
    else:
        # No dateline: the first line after the header is the headline.
        rest = story[head_from:story_end]
        first = re.match(r"\s*([^\n]*)\n?", rest)
        head = first.group(1)
        body_from = head_from + first.end()
    _read_head(head, row)
    body_to = story_end
    # The desk code closes the story: look for it in the last characters only.
    desk = _desk_at_end(story, max(body_from, story_end - 200), story_end) if body_from < story_end else None
    if desk:
        row["desk"], body_to = desk
    else:
        # End marks ("ENDS", "-30-", "###", a rule of dashes) and credit lines close
        # a story; they are not its text.
        while body_from < body_to:
            body_to = _end_of_text(story, body_from, body_to)
            end_mark = _END_MARK.search(story, max(body_from, body_to - MAX_PREFIX), body_to)
            if end_mark is None:
                break
            body_to = end_mark.start()
        window = max(body_from, _end_of_text(story, body_from, body_to) - MAX_PREFIX)
        trailer = _TRAILER.search(story, window, body_to) if body_from < body_to else None
        if trailer:
            row["trailer"] = trailer.group("trailer")
            body_to = trailer.start()
    # the body stripped of blanks (what str.strip removes), sliced once
    while body_from < body_to and story[body_from].isspace():
        body_from += 1
    body_to = _end_of_text(story, body_from, body_to)
    row["body"] = story[body_from:body_to]
    row["body_start"] = start + body_from
    row["story_id"] = _story_id(row)
    return row


def _dateline_day(written: str, base):
    """The day a dateline's date names (midnight), or None; ``base``: the header's filing time, if any."""
    # Midnight after the filing day: datelines are never later, and few distinct bases keep the cache warm.
    limit = base.replace(hour=0, minute=0, second=0, microsecond=0) + dt.timedelta(days=1) if base else None
    date = _parse_dateline_date(written, limit)
    # Without a year in the dateline or a header date to take it from, the
    # year would be a guess: leave the date missing.
    if date is not None and base is None and not _YEAR.search(written):
        date = None
    return date.replace(hour=0, minute=0, second=0, microsecond=0) if date else None


def _line_matches(pattern: re.Pattern, text: str, position: int) -> Iterator[re.Match]:
    """``pattern.finditer(text, position)`` for a pattern that opens with ``(?m)^`` and cannot match
    empty: tried only at the starts of lines (where ``^`` can match), not at every character."""
    size = len(text)
    start = position
    while start <= size:
        if start and text[start - 1] != "\n":  # not a line start: go to the next one
            start = text.find("\n", start) + 1
            if not start:
                return
        match = pattern.match(text, start)
        if match:
            yield match
            start = max(match.end(), start + 1)
        else:
            start += 1


def _desk_at_end(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The desk code closing ``text[start:end]`` and where it starts: ``_DESK.search(text, start, end)``
    without trying the pattern at every character (the code is the last word, after a blank)."""
    last = _end_of_text(text, start, end)
    first = last
    while first > start and not text[first - 1].isspace():
        first -= 1
    if first == last or (first > 0 and not text[first - 1].isspace()):
        return None
    code = _DESK_CODE.fullmatch(text, first, last)
    return (code.group(), first) if code else None


def _end_of_text(text: str, start: int, end: int) -> int:
    """``end`` moved back over trailing whitespace (no copy of the text)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _read_head(head: str, row: dict) -> None:
    """Headline, advisory, byline and a headline's version prefix, from the text before the dateline."""
    head = head[:MAX_HEAD * 2]
    advisory = _ADVISORY.search(head)
    if advisory:
        row["advisory"] = advisory.group("advisory").strip()
        head = head[: advisory.start()] + "\n" + head[advisory.end() :]
    lines = [line.strip() for line in head.split("\n") if line.strip() and line.strip() != "///"]
    headline_lines = []
    for line in lines:
        if _BYLINE.match(line):
            row.setdefault("byline", line)
        elif _ADVISORY_IN_BRACKETS.fullmatch(line) and headline_lines:
            # Reuters: "(Adds analyst comment, updates prices)" under the headline
            row.setdefault("advisory", line[1:-1].strip())
        else:
            headline_lines.append(line)
    headline = " ".join(headline_lines).strip(" /")
    # Reuters and others put the version before the headline: "UPDATE 2-Oil prices rise".
    prefix = _HEADLINE_VERSION.match(headline)
    if prefix and len(headline) > prefix.end():
        row.setdefault("version", prefix.group("version"))
        headline = headline[prefix.end() :]
    row["headline"] = headline or None


def _story_id(row: dict) -> str | None:
    """The slug a story's versions share: its header keywords and its agency.

    :func:`kit.corpus.link_versions` turns slugs into ``story_id``s across
    files, splitting a slug that comes back days later into separate stories.
    """
    if not row.get("keywords"):
        return None
    return "slug:" + " ".join(row["keywords"]).lower() + "|" + (row.get("agency") or "")


def version_rank(version: str | None) -> int:
    """Order of a version within a story; unknown versions sort after known ones.

    >>> version_rank("urgent") < version_rank("1stlead") < version_rank("2ndlead")
    True
    """
    if not version:
        return -1
    version = version.lower()
    if version in VERSION_ORDER:
        return VERSION_ORDER.index(version)
    lead = re.search(r"(\d+)", version)
    return 100 + int(lead.group(1)) if lead else len(VERSION_ORDER)
