"""NewsML-G2 (IPTC): the XML agencies deliver news items in.

Each ``newsItem`` becomes one article: ``headline``, ``slugline`` and
``keyword``s from contentMeta, ``versionCreated`` as published, the dateline,
the provider as agency and outlet, ``by`` line, language, and the body text of
``inlineXML`` (paragraphs joined by blank lines). Parsing uses lxml with
entity resolution and network access switched off, and a size limit.

>>> item = '''<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="2" xml:lang="en">
... <itemMeta><versionCreated>2019-06-27T03:57:00Z</versionCreated><provider literal="AFP"/></itemMeta>
... <contentMeta><headline>Russia rotates technicians</headline><dateline>Moscow, June 27</dateline></contentMeta>
... <contentSet><inlineXML contenttype="application/nitf+xml"><nitf><body><body.content>
... <p>Russia rotated military technicians.</p><p>More follows.</p></body.content></body></nitf></inlineXML>
... </contentSet></newsItem>'''
>>> row = next(read(item))
>>> row["headline"], row["agency"], row["body"], row["dateline_place"]
('Russia rotates technicians', 'AFP', 'Russia rotated military technicians.\\n\\nMore follows.', 'Moscow')
"""

from __future__ import annotations

import re
from typing import Iterator

from kit.formats import Problem
from kit.formats.records import parse_date, split_dateline


def looks_like_newsml(head: str) -> bool:
    """True when the start of an XML document has a NewsML-G2 item or message.

    >>> looks_like_newsml('<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">')
    True
    """
    return re.search(r"<(?:\w+:)?(?:newsItem|newsMessage|packageItem)[\s>]", head[:20000]) is not None


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _find(element, name):
    for child in element.iter():
        if _local(child.tag) == name:
            return child
    return None


def _text(element) -> str | None:
    if element is None:
        return None
    text = " ".join("".join(element.itertext()).split())
    return text or None


def read(text: str) -> Iterator[dict | Problem]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False,
                             load_dtd=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", text).encode("utf-8"), parser)
    except etree.XMLSyntaxError as error:
        yield Problem(f"broken XML ({error.msg})", line=getattr(error, "lineno", None))
        return
    items = [element for element in root.iter() if _local(element.tag) == "newsItem"]
    if not items:
        yield Problem("NewsML without a newsItem (a package or catalog only); nothing to read")
        return
    for number, item in enumerate(items, 1):
        row = _item(item)
        if len(items) > 1:
            row["position"] = f"#{number}"
        if not row["body"]:
            yield Problem("a NewsML newsItem without text content", position=row.get("position"))
            continue
        yield row


def _item(item) -> dict:
    meta = _find(item, "contentMeta")
    item_meta = _find(item, "itemMeta")
    row: dict = {"format": "newsml", "record_id": item.get("guid"), "version": item.get("version")}
    row["language"] = item.get("{http://www.w3.org/XML/1998/namespace}lang")
    if meta is not None:
        row["headline"] = _text(_find(meta, "headline"))
        row["keywords"] = [_text(k) for k in meta.iter() if _local(k.tag) == "keyword" and _text(k)] or None
        row["byline"] = _text(_find(meta, "by"))
        slug = _text(_find(meta, "slugline"))
        if slug:
            row["story_id"] = "slug:" + slug.lower() + "|" + (row.get("agency") or "")
        dateline = _text(_find(meta, "dateline"))
        if dateline:
            row["dateline_place"], row["dateline_date"] = split_dateline(dateline)
        located = _find(meta, "located")
        if located is not None and not row.get("dateline_place"):
            row["dateline_place"] = _text(_find(located, "name"))
        language = _find(meta, "language")
        if language is not None and language.get("tag"):
            row["language"] = language.get("tag")
    if item_meta is not None:
        created = _text(_find(item_meta, "versionCreated")) or _text(_find(item_meta, "firstCreated"))
        row["published"] = parse_date(created) if created else None
        provider = _find(item_meta, "provider")
        if provider is not None:
            name = provider.get("literal") or (provider.get("qcode") or "").split(":")[-1] or _text(provider)
            row["agency"] = row["outlet"] = name or None
    content = _find(item, "inlineXML")
    if content is None:
        content = _find(item, "inlineData")
    paragraphs = []
    if content is not None:
        blocks = [e for e in content.iter() if _local(e.tag) in ("p", "hl2", "li")]
        paragraphs = [t for t in (_text(b) for b in blocks) if t] or [t for t in [_text(content)] if t]
    row["body"] = "\n\n".join(paragraphs)
    return row
