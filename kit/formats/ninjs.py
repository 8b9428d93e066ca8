"""ninjs (IPTC's news in JSON), versions 1.x, 2.x and 3.x: one article per text item.

Field names differ between generations and are matched case-blind (2.x
``versioncreated``, 3.x ``versionCreated``): 1.x carries ``headline`` and
``body_text`` / ``body_xhtml``; 2.x and 3.x carry ``headlines[]`` and
``bodies[]`` (plain text preferred, else HTML/XHTML, else NITF, read to
paragraphs). Also read: ``uri`` and ``version``, ``versioncreated`` /
``firstcreated`` as published, ``by`` / ``byline``, ``located``,
``language``, ``copyrightholder`` as agency, ``subjects[]``/``subject[]``
names and ``keywords`` as keywords, ``slugline`` as the story slug. A
dateline opening the body ("GROSSETO, Italy (AP) --") gives place and agency
and is taken off the body.

Pictures, video, audio, graphics, events and planning items are not text:
each becomes a problems row naming its type. A file may hold one item, a list
of items, or an object with ``items``.

>>> item = '''{"uri": "urn:x:1", "type": "text", "versioncreated": "2013-07-09T10:37:00Z",
...  "byline": "Paulo Santalucia", "headline": "Captain on trial",
...  "body_text": "GROSSETO, Italy (AP) -- The trial of the captain has begun."}'''
>>> row = next(read(item))
>>> row["headline"], row["byline"], row["agency"], row["dateline_place"], row["body"]
('Captain on trial', 'Paulo Santalucia', 'AP', 'GROSSETO, Italy', 'The trial of the captain has begun.')
>>> next(read('{"uri": "urn:x:2", "type": "picture", "headlines": [{"value": "Ship"}]}')).reason
"a ninjs picture item, not a text item (headline: 'Ship'); not read"
"""

from __future__ import annotations

import json
import re
from typing import Iterator

from kit.formats import Problem
from kit.formats.markup import numbered
from kit.formats.wire import AGENCIES

#: ninjs item types that are text (composite: a text with its pictures).
TEXT_TYPES = {"text", "composite", None, ""}

#: Field names only ninjs uses; one of them beside a "uri" makes a ninjs item.
_KEYS = re.compile(r'"(?:headlines|bodies|body_text|body_xhtml|body_html|versioncreated|firstcreated|contentcreated|'
                   r'pubstatus|renditions|associations|descriptions|eventdetails|copyrightholder|\$?standard)"\s*:', re.I)


def looks_like(text: str) -> bool:
    """True when ``text`` is JSON holding a ninjs item: a ``uri`` with ninjs's own field names, in its first kilobytes.

    >>> looks_like('{"uri": "urn:x", "type": "text", "headlines": [{"value": "A"}]}'), looks_like('{"title": "A"}')
    (True, False)
    """
    if text[:1] not in "{[\ufeff \t\r\n":  # the common case, without copying the head
        return False
    head = text[:8192].lstrip("\ufeff \t\r\n")
    if head[:1] not in "{[":
        return False
    if re.search(r'"(?:\$?standard)"\s*:\s*\{[^{}]*"name"\s*:\s*"(?:tt)?ninjs"', head, re.I):
        return True
    return re.search(r'"uri"\s*:', head) is not None and _KEYS.search(head) is not None


def read(text: str, **options) -> Iterator[dict | Problem]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        yield Problem(f"broken JSON in a ninjs file ({error})")
        return
    items = data.get("items") if isinstance(data, dict) and isinstance(data.get("items"), list) else data
    items = items if isinstance(items, list) else [items]
    yield from numbered(items, _read_entry)


def _read_entry(item) -> dict | Problem:
    if not isinstance(item, dict):
        return Problem("a ninjs list entry that is not an object")
    return read_item(item)


def _lower(item: dict) -> dict:
    return {str(key).lower(): value for key, value in item.items()}


def _first_value(entries, prefer=("main", None)) -> str | None:
    if not isinstance(entries, list):
        return None
    values = [(e.get("role"), e.get("value")) for e in entries if isinstance(e, dict) and e.get("value")]
    for role in prefer:
        for entry_role, value in values:
            if entry_role == role:
                return value
    return values[0][1] if values else None


def read_item(item: dict) -> dict | Problem:
    """One ninjs item as an article row, or a problem naming what kind of item it is."""
    from kit.formats.bylines import byline_of, clean_byline, read_head, split_dateline
    from kit.formats.records import parse_date

    item = _lower(item)
    kind = item.get("type")
    headline = item.get("headline") or _first_value(item.get("headlines")) or item.get("title")
    if isinstance(headline, dict):
        headline = headline.get("value")
    if kind not in TEXT_TYPES or (kind is None and item.get("eventdetails")):
        kind = kind or "event"
        return Problem(f"a ninjs {kind} item, not a text item (headline: {headline!r}); not read")
    body = _body(item)
    if not body:
        description = _first_value(item.get("descriptions"), prefer=("text", "lead", None)) or item.get("description_text")
        if description and kind == "text":
            body = description  # NTB sends short texts as a description only
        else:
            return Problem(f"a ninjs {kind or 'untyped'} item without a body (headline: {headline!r}); not read")
    published = parse_date(item.get("versioncreated") or item.get("firstcreated") or item.get("contentcreated"))
    row: dict = {"format": "ninjs", "record_id": item.get("uri"), "version": _text(item.get("version")),
                 "headline": headline, "published": published, "language": item.get("language")}
    by = item.get("by") or item.get("byline")
    holder = item.get("copyrightholder")
    if isinstance(by, str) and (by.strip().lower() in AGENCIES or by.strip() == holder):
        holder = holder or AGENCIES[by.strip().lower()]  # "by": "NTB" names the agency, not a writer
    elif isinstance(by, str):
        row["byline"] = byline_of(by) or clean_byline(by)
    opening = read_head(body, published=published)
    if len(body) > opening["start"] > 0:
        body = body[opening["start"] :]
    row["agency"] = opening.get("agency") or (holder if isinstance(holder, str) and holder else None)
    row["outlet"] = row["agency"]
    located = item.get("located")
    if isinstance(located, str) and located:
        place, date = split_dateline(located, published)
        row["dateline_place"] = opening.get("dateline_place") or place or located
        row["dateline_date"] = opening.get("dateline_date") or date
    elif opening.get("dateline_place"):
        row["dateline_place"], row["dateline_date"] = opening["dateline_place"], opening.get("dateline_date")
    row["byline"] = row.get("byline") or opening.get("byline")
    row["keywords"] = _keywords(item) or None
    row["body"] = body
    slug = item.get("slugline")
    if isinstance(slug, str) and slug.strip():
        row["story_id"] = "slug:" + slug.strip().lower() + "|" + (row.get("agency") or "")
    return row


def _text(value) -> str | None:
    return None if value is None else str(value)


def _body(item: dict) -> str:
    from kit.formats.markup import html_text

    if isinstance(item.get("body_text"), str) and item["body_text"].strip():
        return item["body_text"].strip()
    for key in ("body_xhtml", "body_html"):
        if isinstance(item.get(key), str) and item[key].strip():
            return html_text(item[key])
    bodies = [b for b in item.get("bodies") or [] if isinstance(b, dict) and isinstance(b.get("value"), str)]

    def kind(entry):
        entry = _lower(entry)
        return f"{entry.get('role') or ''} {entry.get('contenttype') or ''}".lower()

    for entry in bodies:
        if "text/plain" in kind(entry) or kind(entry).split()[:1] == ["text"]:
            return entry["value"].strip()
    for entry in bodies:
        if "nitf" in kind(entry):
            return _nitf_text(entry["value"])
    for entry in bodies:
        if "html" in kind(entry) or "xml" in kind(entry):
            return html_text(entry["value"])
    return ""


def _nitf_text(value: str) -> str:
    from lxml import etree

    from kit.formats import nitf
    from kit.formats.markup import find, parse_xml

    try:
        root = parse_xml(value)
    except etree.XMLSyntaxError:
        from kit.formats.markup import html_text

        return html_text(value)
    document = find(root, "nitf")
    return nitf.read_element(document)["body"] if document is not None else ""


def _keywords(item: dict) -> list[str]:
    found: list[str] = []
    for key in ("subjects", "subject", "keywords", "genres"):
        if key == "genres" and found:
            break
        for entry in item.get(key) or []:
            name = entry if isinstance(entry, str) else (entry.get("name") or entry.get("literal")) if isinstance(entry, dict) else None
            if isinstance(name, str) and name.strip() and not name.strip().isdigit() and name.strip() not in found:
                found.append(name.strip())
    return found
