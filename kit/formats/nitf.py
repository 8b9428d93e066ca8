"""NITF 3.x (IPTC's News Industry Text Format): one article a document.

Read from ``head``: ``title``, ``docdata`` (``doc-id``, ``date.issue`` /
``date.release``, ``du-key`` as slug, ``doc.copyright`` holder,
``key-list`` keywords, ``evloc``), ``tobject.subject`` and ``pubdata``; from
``body.head``: ``hedline/hl1`` (the headline), ``byline``, ``distributor``
(the agency), ``dateline`` (``location`` and ``story.date``). The body is the
paragraphs of ``body.content`` only: the ``abstract`` is a summary, not text to
repeat, and ``media`` captions and tables are left out.

>>> doc = '''<nitf version="-//IPTC//DTD NITF 3.6//EN"><head><title>Quake hits Peru</title>
... <docdata><date.issue norm="20190627T035700Z"/><du-key key="peru-quake"/></docdata></head>
... <body><body.head><hedline><hl1>Quake hits Peru</hl1></hedline><byline>By <person>Ana Ruiz</person></byline>
... <distributor>AFP</distributor><dateline><location><city>Lima</city></location>, <story.date>June 27</story.date></dateline>
... <abstract><p>A summary.</p></abstract></body.head>
... <body.content><p>A strong quake hit Peru.</p><p>More follows.</p></body.content></body></nitf>'''
>>> row = next(read(doc))
>>> row["headline"], row["byline"], row["agency"], row["dateline_place"], row["body"]
('Quake hits Peru', 'Ana Ruiz', 'AFP', 'Lima', 'A strong quake hit Peru.\\n\\nMore follows.')
>>> row["dateline_date"].date().isoformat(), row["story_id"]
('2019-06-27', 'slug:peru-quake|AFP')
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterator

from kit.formats import Problem
from kit.formats.markup import find, find_all, local, paragraphs, parse_document, text_of


def looks_like(text: str) -> bool:
    """True when ``text`` is an NITF document (past declarations and comments).

    >>> looks_like('<?xml version="1.0"?>\\n<!DOCTYPE nitf SYSTEM "nitf-3-6.dtd">\\n<nitf><head/></nitf>')
    True
    """
    from kit.formats.sniff import sniff_markup

    return sniff_markup(text) == "nitf"


def read(text: str, **options) -> Iterator[dict | Problem]:
    root, problem = parse_document(text, "an NITF document")
    if problem is not None:
        yield problem
        return
    documents = [root] if local(root.tag) == "nitf" else find_all(root, "nitf")
    if not documents:
        yield Problem("XML without an <nitf> document; nothing to read")
        return
    for number, document in enumerate(documents, 1):
        row = read_element(document)
        if len(documents) > 1:
            row["position"] = f"#{number}"
        if not row["body"]:
            yield Problem("an NITF document without text in its body.content", position=row.get("position"))
            continue
        yield row


def nitf_date(value: str | None) -> dt.datetime | None:
    """NITF's and NewsML 1.2's compact ISO dates ("20080219T000000+0100", "20130605"), as naive UTC.

    >>> nitf_date("20080219T013000+0100")
    datetime.datetime(2008, 2, 19, 0, 30)
    """
    if not value:
        return None
    match = re.fullmatch(r"\s*(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2}):?(\d{2})?(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*",
                         value)
    if not match:
        from kit.formats.records import parse_date

        return parse_date(value)
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        moment = dt.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:
        return None
    if zone and zone != "Z":
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        moment -= sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return moment


def _without_titles(element) -> str:
    """The text of ``element`` leaving out its ``<byttl>`` (a writer's title, "Staff Reporter", is not a name)."""
    parts = [element.text or ""]
    for child in element:
        if local(child.tag) != "byttl":
            parts.append(_without_titles(child))
        parts.append(child.tail or "")
    return "".join(parts)


def read_element(document) -> dict:
    """The article row of one ``<nitf>`` element (also used for NITF inside ninjs and NewsML)."""
    from kit.formats.bylines import byline_of, clean_byline, read_head, split_dateline

    head, body_head = find(document, "head"), find(document, "body.head")
    docdata = find(head, "docdata")
    row: dict = {"format": "nitf"}
    row["headline"] = text_of(find(find(body_head, "hedline"), "hl1")) or text_of(find(head, "title"))
    doc_id = find(docdata, "doc-id")
    row["record_id"] = doc_id.get("id-string") if doc_id is not None else None
    issued = find(docdata, "date.issue")
    released = find(docdata, "date.release")
    pubdata = find(head, "pubdata")
    row["published"] = nitf_date(
        (issued.get("norm") if issued is not None else None)
        or (released.get("norm") if released is not None else None)
        or (pubdata.get("date.publication") if pubdata is not None else None)
    )
    byline = find(body_head, "byline")
    if byline is not None:
        person = find(byline, "person")
        # the writer's title (<byttl>Staff Reporter</byttl>) is not a name
        names = " ".join(_without_titles(byline).split()).strip(" ,;")
        row["byline"] = text_of(person) or byline_of(names) or clean_byline(names)
    copyright_ = find(docdata, "doc.copyright")
    agency = text_of(find(body_head, "distributor")) or (copyright_.get("holder") if copyright_ is not None else None)
    row["agency"] = agency
    row["outlet"] = (pubdata.get("name") if pubdata is not None else None) or agency
    dateline = find(body_head, "dateline")
    if dateline is not None:
        location = find(dateline, "location")
        story_date = find(dateline, "story.date")
        place = text_of(find(location, "city")) or text_of(location)
        if story_date is not None and story_date.get("norm"):
            row["dateline_date"] = nitf_date(story_date.get("norm"))
        parsed_place, parsed_date = split_dateline(text_of(dateline), row["published"])
        row["dateline_place"] = place or parsed_place
        if not row.get("dateline_date") and parsed_date:
            row["dateline_date"] = parsed_date
    else:
        evloc = find(docdata, "evloc")
        if evloc is not None:
            row["dateline_place"] = evloc.get("city") or evloc.get("state-prov") or None
    keywords = [k.get("key") for k in find_all(find(docdata, "key-list"), "keyword") if k.get("key")]
    for subject in find_all(head, "tobject.subject"):
        for attribute in ("tobject.subject.matter", "tobject.subject.type", "tobject.subject.detail"):
            if subject.get(attribute) and subject.get(attribute) not in keywords:
                keywords.append(subject.get(attribute))
    row["keywords"] = keywords or None
    language = document.get("{http://www.w3.org/XML/1998/namespace}lang") or (
        find(document, "body").get("{http://www.w3.org/XML/1998/namespace}lang") if find(document, "body") is not None else None)
    row["language"] = language
    content = find(document, "body.content")
    body = paragraphs(content) if content is not None else ""
    # A dateline written into the text ("OSLO (NTB) - ...") is a label too.
    opening = read_head(body, published=row["published"])
    if opening["start"] and len(body) > opening["start"]:
        body = body[opening["start"] :]
        for key in ("dateline_place", "dateline_date", "agency", "byline"):
            if opening.get(key) and not row.get(key):
                row[key] = opening[key]
    row["body"] = body
    slug = find(docdata, "du-key")
    if slug is not None and slug.get("key"):
        row["story_id"] = "slug:" + slug.get("key").lower() + "|" + (row.get("agency") or "")
    return row
