"""Reuters-21578 SGML (the classic research corpus): many ``<REUTERS>`` stories a file.

The files (``reut2-000.sgm`` ... ``reut2-021.sgm``, 1,000 stories each) follow
``lewis.dtd``; they are SGML, not XML (control characters as ``&#2;``, no root
element), so each story is cut out by its tags, never parsed as XML. Each story
becomes one article: ``NEWID`` as record id, ``DATE`` as published,
``TITLE`` as headline, ``DATELINE`` ("SALVADOR, Feb 26 -") as place and date
(the year taken from ``DATE``), ``AUTHOR`` as byline, ``BODY`` as body
without the closing "Reuter" sign-off, ``TOPICS``, ``PLACES``, ``PEOPLE``,
``ORGS`` and ``EXCHANGES`` as keywords, Reuters as agency. A brief (a title
only, ``TYPE="BRIEF"``) or a story without text becomes a problems row.

>>> story = '''<!DOCTYPE lewis SYSTEM "lewis.dtd">
... <REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="1">
... <DATE>26-FEB-1987 15:01:01.79</DATE>
... <TOPICS><D>cocoa</D></TOPICS><PLACES><D>el-salvador</D><D>usa</D></PLACES><PEOPLE></PEOPLE><ORGS></ORGS>
... <EXCHANGES></EXCHANGES><COMPANIES></COMPANIES><UNKNOWN>&#5;&#5;&#5;C T</UNKNOWN>
... <TEXT>&#2;
... <TITLE>BAHIA COCOA REVIEW</TITLE>
... <DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Rain fell in the cocoa zone this week.
...  Reuter
... &#3;</BODY></TEXT>
... </REUTERS>'''
>>> row = next(read(story))
>>> row["headline"], row["dateline_place"], str(row["dateline_date"]), row["keywords"], row["body"]
('BAHIA COCOA REVIEW', 'SALVADOR', '1987-02-26 00:00:00', ['cocoa', 'el-salvador', 'usa'], 'Rain fell in the cocoa zone this week.')
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Iterator

from kit.formats import Problem

_OPENING = re.compile(r"<REUTERS\b([^>]*)>")
_ATTRIBUTE = re.compile(r'([A-Z]+)="([^"]*)"')
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SIGN_OFF = re.compile(r"\s*\b(?:Reuter|REUTER|Reuters)\s*$")

#: Category fields of a story, read as keywords, in this order.
CATEGORIES = ("TOPICS", "PLACES", "PEOPLE", "ORGS", "EXCHANGES")


def looks_like(text: str) -> bool:
    """True when ``text`` holds Reuters-21578 stories (``lewis.dtd`` doctype or a ``<REUTERS`` tag first).

    >>> looks_like('<!DOCTYPE lewis SYSTEM "lewis.dtd">\\n<REUTERS NEWID="1">'), looks_like("<<REUTERS>> Oil prices rise")
    (True, False)
    """
    from kit.formats.sniff import sniff_markup

    return sniff_markup(text) == "reuters-sgml"


def read(text: str, **options) -> Iterator[dict | Problem]:
    stories = list(_stories(text))
    if not stories:
        yield Problem("a Reuters-21578 file without a complete <REUTERS> story")
        return
    line, counted = 1, 0
    for number, (start, attributes, story) in enumerate(stories, 1):
        line += text.count("\n", counted, start)
        counted = start
        position = f"#{number}" if len(stories) > 1 else None
        row = read_story(story, dict(_ATTRIBUTE.findall(attributes)))
        if isinstance(row, Problem):
            row.line, row.position = line, position
            yield row
            continue
        if position:
            row["position"] = position
        yield row


def _stories(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, attributes, inner text) of each complete ``<REUTERS>`` story, in one pass over the text."""
    position = 0
    while True:
        opening = _OPENING.search(text, position)
        if not opening:
            return
        end = text.find("</REUTERS>", opening.end())
        if end < 0:
            return
        yield opening.start(), opening.group(1), text[opening.end() : end]
        position = end + len("</REUTERS>")


def _field(story: str, name: str) -> str | None:
    match = re.search(rf"<{name}\b[^>]*>(.*?)</{name}>", story, re.S)
    if not match:
        return None
    return _CONTROL.sub("", html.unescape(match.group(1)))


def _published(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    match = re.match(r"\s*(\d{1,2}-[A-Za-z]{3}-\d{4})\s+(\d{1,2}:\d{2}:\d{2})", value)
    if not match:
        return None
    try:
        return dt.datetime.strptime(f"{match.group(1)} {match.group(2)}", "%d-%b-%Y %H:%M:%S")
    except ValueError:
        return None


def read_story(story: str, attributes: dict) -> dict | Problem:
    from kit.formats.bylines import clean_byline, dateline_date

    title = " ".join((_field(story, "TITLE") or "").split()) or None
    text_tag = re.search(r"<TEXT\b([^>]*)>", story)
    kind = dict(_ATTRIBUTE.findall(text_tag.group(1))).get("TYPE") if text_tag else None
    body = _field(story, "BODY")
    if body is None and kind == "UNPROC":
        body = _field(story, "TEXT")
    body = _SIGN_OFF.sub("", (body or "").strip()).strip()
    if not body:
        what = "a brief (a headline only)" if kind == "BRIEF" or title else "a story without text"
        return Problem(f"a Reuters-21578 story, NEWID {attributes.get('NEWID')}, is {what}; not read")
    published = _published(_field(story, "DATE"))
    row: dict = {"format": "reuters-sgml", "record_id": attributes.get("NEWID"), "headline": title,
                 "published": published, "agency": "Reuters", "outlet": "Reuters", "language": "en", "body": body}
    dateline = " ".join((_field(story, "DATELINE") or "").split()).rstrip(" -–—")
    if dateline:
        place, _, date = dateline.rpartition(",") if re.search(r",\s*[A-Za-z]{3,9}\.?\s+\d{1,2}$", dateline) else (dateline, "", "")
        row["dateline_place"] = place.strip() or None
        row["dateline_date"] = dateline_date(date.strip(), published)
    author = _field(story, "AUTHOR")
    if author:
        row["byline"] = clean_byline(re.sub(r",?\s*Reuters?\s*$", "", author.strip(), flags=re.I))
    keywords = []
    for name in CATEGORIES:
        keywords += [k.strip() for k in re.findall(r"<D>(.*?)</D>", _field(story, name) or "") if k.strip()]
    row["keywords"] = list(dict.fromkeys(keywords)) or None
    return row
