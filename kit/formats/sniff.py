"""What kind of markup a text is, from its content: HTML, the agency XML formats, or none.

A text starting with "<" is markup only when its first element parses as a tag:
a plain-text story titled "<<EXCLUSIVE>> Minister resigns" is text. Leading
byte-order marks, XML declarations, processing instructions, comments,
doctypes and (for web pages) whole ``<script>``/``<style>`` blocks are looked
past, so a page whose ``<html>`` comes after 20 kB of inline script is still
HTML. Only the head of the text is looked at (:data:`HEAD`).

>>> sniff_markup("<<EXCLUSIVE>> Minister resigns\\n\\nThe minister resigned on Monday.")
>>> sniff_markup('<?xml version="1.0"?>\\n<!-- feed --><nitf version="-//IPTC//DTD NITF 3.6//EN"><head/></nitf>')
'nitf'
>>> sniff_markup("<script>var a = '<div>';</script>\\n<html><body><p>Hi</p></body></html>")
'html'
>>> sniff_markup('<!DOCTYPE lewis SYSTEM "lewis.dtd">\\n<REUTERS TOPICS="YES" NEWID="1">')
'reuters-sgml'
"""

from __future__ import annotations

import re

from kit import lexicon
#: Characters of the text looked at (past any leading scripts and comments).
HEAD = 65536

#: How far leading scripts, styles and comments may run before the first element.
MAX_PROLOG = 400_000

_TAG = re.compile(r"<([A-Za-z][\w.\-]*(?::[\w.\-]+)?)(?=[\s/>])(?:\s+[^<>]*?)?/?>")
_PROLOG = re.compile(
    r"\s+|\ufeff|<\?.*?\?>|<!--.*?-->|<!\[CDATA\[.*?\]\]>|<!(?:DOCTYPE|doctype)\b[^>\[]*(?:\[.*?\])?\s*>"
    r"|<(script|style|noscript)\b[^>]*>.*?</\1\s*>",
    re.S | re.I,
)
_HTML_TAGS = lexicon.words("formats_html_tags")
_G2_ROOTS = {"newsItem", "newsMessage", "packageItem", "conceptItem", "knowledgeItem", "planningItem", "catalogItem",
             "conceptSet", "catalog",
             # fragments of an item (the IPTC guidelines' listings): read as NewsML-G2, reported for what they are
             "contentMeta", "contentSet", "itemMeta", "groupSet", "inlineXML"}


def first_element(text: str) -> tuple[str | None, int]:
    """The name of the first element past the prolog (declarations, comments, scripts), and where it starts.

    >>> first_element("<!-- x --><?xml version='1.0'?>\\n<rss version='2.0'>")
    ('rss', 32)
    >>> first_element("<< not a tag")
    (None, 0)
    """
    position = 0
    limit = min(len(text), MAX_PROLOG)
    while position < limit:
        match = _PROLOG.match(text, position)
        if not match or match.end() == position:
            break
        position = match.end()
    tag = _TAG.match(text, position)
    return (tag.group(1), position) if tag else (None, position)


def sniff_markup(text: str) -> str | None:
    """``"html"``, ``"newsml-g2"``, ``"newsml1"``, ``"nitf"``, ``"reuters-sgml"``, ``"xml"`` (other markup) or None.

    None means the text is not markup (read it as text). The doctype decides
    when there is one (``<!DOCTYPE html``, ``lewis.dtd``, ``nitf``); otherwise the
    first element does.

    >>> sniff_markup('<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">')
    'newsml-g2'
    >>> sniff_markup('<?xml version="1.0"?><NewsML Version="1.2"><NewsEnvelope/>')
    'newsml1'
    >>> sniff_markup("<rss version='2.0'><channel/></rss>"), sniff_markup("plain words")
    ('xml', None)
    """
    head = text[:MAX_PROLOG].lstrip("\ufeff \t\r\n")
    if not head.startswith("<"):
        return None
    name, start = first_element(head)
    if name is None:
        return None
    prolog = head[:start]
    doctype = re.search(r"<!DOCTYPE\s+([\w:.\-]+)([^>]*)>", prolog, re.I)
    local = name.rsplit(":", 1)[-1]
    if local == "REUTERS" or (doctype and doctype.group(1).lower() == "lewis"):
        return "reuters-sgml"
    if local == "nitf" or (doctype and doctype.group(1).lower() == "nitf"):
        return "nitf"
    if local == "NewsML" or (doctype and doctype.group(1) == "NewsML"):
        return "newsml1"
    if local in _G2_ROOTS:
        return "newsml-g2"
    if (doctype and doctype.group(1).lower() == "html") or local.lower() in _HTML_TAGS:
        return "html"
    window = head[start : start + HEAD]
    # Other XML may wrap a NewsML-G2 item (an envelope, a feed) or hold a web page's body.
    if re.search(r"<(?:\w+:)?(?:newsItem|newsMessage|packageItem)[\s>]", window):
        return "newsml-g2"
    if re.search(r"<(?:\w+:)?nitf[\s>]", window):
        return "nitf"
    return "xml"
