"""NewsML-G2 (IPTC): the XML agencies deliver news items in.

Each text ``newsItem`` becomes one article: ``headline``, ``slugline``,
``keyword``s and ``subject`` names (keywords) from contentMeta,
``versionCreated`` as published, the ``dateline`` (a year-less "Moscow, June
27" dated in the item's year) or else the ``located`` place (its name, or the
code of its qcode), the provider as agency (``literal``, ``qcode`` or name;
a provider given only as a ``uri`` falls back to the ``infoSource`` names, then
the copyright holder), ``by`` (or the NITF byline, or a person ``creator``) as
byline, language, and the body text of ``inlineXML`` (NITF's ``body.content``
only: its ``abstract`` is not repeated; paragraphs joined by blank lines).
``story_id`` is built once the agency is known.

Items that are not text are reported for what they are, each as a problems
row: pictures, video, audio, graphics, SportsML results, event sets, planning,
concept, knowledge, package and catalog items, and fragments of an item (a
``contentMeta`` or ``groupSet`` alone).

Parsing uses lxml with entity resolution and network access switched off, and a size limit.

>>> item = '''<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="2" xml:lang="en">
... <itemMeta><itemClass qcode="ninat:text"/><versionCreated>2019-06-27T03:57:00Z</versionCreated><provider literal="AFP"/></itemMeta>
... <contentMeta><headline>Russia rotates technicians</headline><dateline>Moscow, June 27</dateline></contentMeta>
... <contentSet><inlineXML contenttype="application/nitf+xml"><nitf><body><body.content>
... <p>Russia rotated military technicians.</p><p>More follows.</p></body.content></body></nitf></inlineXML>
... </contentSet></newsItem>'''
>>> row = next(read(item))
>>> row["headline"], row["agency"], row["body"], row["dateline_place"], str(row["dateline_date"])
('Russia rotates technicians', 'AFP', 'Russia rotated military technicians.\\n\\nMore follows.', 'Moscow', '2019-06-27 00:00:00')
"""

from __future__ import annotations

import re
from typing import Iterator

from kit.formats import Problem
from kit.formats.markup import children, find, find_all, local, numbered, paragraphs, parse_xml, text_of

#: Root or item elements and what they are, for the problems row.
ITEM_KINDS = {
    "packageItem": "package item (a list of references to other items)",
    "conceptItem": "concept item (a description of a person, event or idea)",
    "knowledgeItem": "knowledge item (a set of concepts)",
    "planningItem": "planning item (coverage planned, not a story)",
    "catalogItem": "catalog item (a vocabulary of codes)",
}
#: itemClass codes of newsItems that are not text.
NOT_TEXT_CLASSES = {"picture": "picture", "graphic": "graphic", "video": "video", "audio": "audio",
                    "animated": "animation", "interactive": "interactive item", "composite": "composite item"}
#: Fragments of an item (the guidelines' listings) and what they hold.
FRAGMENTS = {
    "contentMeta": "a NewsML-G2 fragment (a contentMeta block alone: metadata without text)",
    "groupSet": "a NewsML-G2 fragment (a package's groupSet: references to other items, no text)",
    "itemMeta": "a NewsML-G2 fragment (an itemMeta block alone: management metadata without text)",
}
_ITEMS = ("newsItem",) + tuple(ITEM_KINDS)


def looks_like(text: str) -> bool:
    """True when ``text`` is NewsML-G2 (an item, a message, or a fragment of an item).

    >>> looks_like('<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">')
    True
    """
    from kit.formats.sniff import sniff_markup

    return sniff_markup(text) == "newsml-g2"


def looks_like_newsml(head: str) -> bool:
    """The former recogniser (kit.corpus calls it until the format registry): a NewsML-G2 item or message in the head.

    >>> looks_like_newsml('<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">')
    True
    """
    return looks_like(head) or re.search(r"<(?:\w+:)?(?:newsItem|newsMessage|packageItem)[\s>]", head[:20000]) is not None


def read(text: str, **options) -> Iterator[dict | Problem]:
    from lxml import etree

    try:
        root = parse_xml(text)
    except etree.XMLSyntaxError as error:
        yield Problem(f"broken XML ({error.msg})", line=getattr(error, "lineno", None))
        return
    items = [e for e in root.iter() if local(e.tag) in _ITEMS and not any(local(a.tag) in _ITEMS for a in e.iterancestors())]
    if not items:
        yield from _fragment(root)
        return
    yield from numbered(items, _item)


def _fragment(root) -> Iterator[dict | Problem]:
    name = local(root.tag)
    if name in FRAGMENTS:
        yield Problem(FRAGMENTS[name] + "; not read")
        return
    content = find(root, "inlineXML")
    if content is not None:
        row = {"format": "newsml", **_content(content)}
        if row.get("body"):
            yield row
            return
    yield Problem("NewsML-G2 without a news item (a package or catalog only); nothing to read")


def _item_class(item) -> str:
    item_class = find(find(item, "itemMeta"), "itemClass")
    return (item_class.get("qcode") or "") if item_class is not None else ""


def _item(item) -> dict | Problem:
    from kit.formats.bylines import byline_of, clean_byline, split_dateline
    from kit.formats.records import parse_date

    meta, item_meta = find(item, "contentMeta"), find(item, "itemMeta")
    headline = text_of(find(meta, "headline"))
    kind = local(item.tag)
    if kind in ITEM_KINDS:
        return Problem(f"a NewsML-G2 {ITEM_KINDS[kind]}, not a text item (headline: {headline!r}); not read")
    code = _item_class(item).split(":")[-1]
    if code in NOT_TEXT_CLASSES:
        return Problem(f"a NewsML-G2 {NOT_TEXT_CLASSES[code]} ({_item_class(item)}), not a text item "
                       f"(headline: {headline!r}); not read")
    content = find(item, "inlineXML")
    sports = content is not None and ("sportsml" in (content.get("contenttype") or "").lower()
                                      or any(find(content, name) is not None for name in ("sports", "sports-content")))
    if sports and find(content, "nitf") is None:
        return Problem(f"a NewsML-G2 item of sports results (SportsML), not a text item (headline: {headline!r}); not read")
    if content is not None and find(content, "events") is not None:
        return Problem(f"a NewsML-G2 item holding a set of events, not a text item (headline: {headline!r}); not read")
    row: dict = {"format": "newsml", "record_id": item.get("guid"), "version": item.get("version"),
                 "language": item.get("{http://www.w3.org/XML/1998/namespace}lang"), "headline": headline}
    created = text_of(find(item_meta, "versionCreated")) or text_of(find(item_meta, "firstCreated")) or text_of(
        find(meta, "contentCreated"))
    row["published"] = parse_date(created) if created else None
    row["agency"] = _agency(item, item_meta, meta)
    if content is not None:
        row.update({k: v for k, v in _content(content, row["published"]).items() if v or k == "body"})
    else:
        row["body"] = ""
    if meta is not None:
        keywords = [text_of(k) for k in children(meta, "keyword") if text_of(k)]
        keywords += [text_of(n) for s in children(meta, "subject") for n in children(s, "name") if text_of(n)]
        row["keywords"] = list(dict.fromkeys(keywords)) or row.get("keywords") or None
        by = text_of(find(meta, "by"))
        creators = [text_of(find(c, "name")) for c in children(meta, "creator")
                    if text_of(find(c, "name")) and "staff" in (c.get("uri") or "") + (c.get("qcode") or "")]
        if by:
            row["byline"] = byline_of(by) or clean_byline(by)
        elif not row.get("byline") and creators:
            row["byline"] = ", ".join(creators)
        dateline = text_of(find(meta, "dateline"))
        if dateline:
            agency = re.search(r"\((?P<agency>[A-Za-z][\w .&']{0,30})\)\s*$", dateline)
            if agency:
                from kit.formats.wire import _canonical_agency

                row["agency"] = row["agency"] or _canonical_agency(agency.group("agency"))
                dateline = dateline[: agency.start()].strip()
            row["dateline_place"], row["dateline_date"] = split_dateline(dateline, row["published"])
        if not row.get("dateline_place"):
            row["dateline_place"] = _located(meta)
        language = find(meta, "language")
        if language is not None and language.get("tag"):
            row["language"] = language.get("tag")
    # the provider's web address is the last resort, after the dateline's "(Reuters)"
    row["agency"] = row["agency"] or _host(find(item_meta, "provider"))
    row["outlet"] = row["agency"] or text_of(find(find(item, "copyrightHolder"), "name"))
    if meta is not None:
        slug = text_of(find(meta, "slugline"))
        if slug:
            row["story_id"] = "slug:" + slug.lower() + "|" + (row.get("agency") or "")
    if not row["body"]:
        return Problem(f"a NewsML-G2 newsItem without text content (headline: {headline!r})")
    return row


def _agency(item, item_meta, meta) -> str | None:
    from kit.formats.wire import _canonical_agency

    provider = find(item_meta, "provider")
    if provider is not None:
        name = provider.get("literal") or (provider.get("qcode") or "").split(":", 1)[-1].strip() or text_of(
            find(provider, "name"))
        if name:
            return _canonical_agency(re.sub(r"^www\.", "", name))
    sources = [text_of(find(s, "name")) for s in find_all(meta, "infoSource") if text_of(find(s, "name"))]
    if sources:
        return _canonical_agency(sources[0])
    organisations = [text_of(find(c, "name")) for c in children(meta, "creator")
                     if text_of(find(c, "name")) and "staff" not in (c.get("uri") or "")]
    if organisations:
        return organisations[0]
    return text_of(find(find(item, "copyrightHolder"), "name"))


def _host(provider) -> str | None:
    uri = provider.get("uri") if provider is not None else None
    host = re.match(r"https?://(?:www\.)?([^/]+)", uri or "")
    return host.group(1) if host else None


def _located(meta) -> str | None:
    located = find(meta, "located")
    if located is None:
        return None
    name = next((text_of(n) for n in children(located, "name") if text_of(n)), None)
    if name:
        return name
    code = (located.get("qcode") or "").split(":", 1)[-1]
    return code if re.fullmatch(r"[A-Za-z][A-Za-z .'\-]+", code or "") else None


def _content(content, published=None) -> dict:
    """Body (and, from NITF, byline and dateline) of an ``inlineXML`` or ``inlineData`` element."""
    nitf = find(content, "nitf")
    if nitf is not None:
        from kit.formats.nitf import read_element

        inner = read_element(nitf)
        return {"body": inner["body"], "byline": inner.get("byline"), "dateline_place": inner.get("dateline_place"),
                "keywords": inner.get("keywords")}
    return {"body": paragraphs(content)}
