"""Helpers the XML readers share: a safe parse, namespace-blind lookups, and text of paragraphs.

Parsing uses lxml with entity resolution, DTD loading and network access
switched off (a corpus file never fetches anything), comments and processing
instructions dropped, and no huge trees.

>>> root = parse_xml('<a xmlns="urn:x"><b>One <i>two</i></b><p>Three.</p><p>Four.</p></a>')
>>> local(root.tag), text_of(find(root, "b")), paragraphs(root)
('a', 'One two', 'Three.\\n\\nFour.')
>>> html_text("<section><p>First para.</p><p>Second &amp; last.</p></section>")
'First para.\\n\\nSecond & last.'
"""

from __future__ import annotations

import re
from typing import Iterator

from kit.formats import Problem

#: Elements whose text is one paragraph of a body (XHTML, NITF, NewsML-G2's inline XML).
BLOCKS = ("p", "hl2", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt")


def parse_xml(text: str):
    """The root element of ``text``; raises ``lxml.etree.XMLSyntaxError`` on broken XML."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False,
                             load_dtd=False, remove_comments=True, remove_pis=True)
    text = re.sub(r"^\ufeff?\s*<\?xml[^>]*\?>", "", text)
    return etree.fromstring(text.encode("utf-8"), parser)


def parse_document(text: str, kind: str):
    """``(root, None)`` for the XML of ``text`` past its doctype, else ``(None, Problem)``
    naming ``kind`` ("an NITF document") and the parser's reason.

    >>> parse_document("<nitf><body/></nitf>", "an NITF document")[0].tag
    'nitf'
    >>> parse_document("<nitf><body>", "an NITF document")[1].reason.startswith("broken XML in an NITF document")
    True
    """
    from lxml import etree

    try:
        return parse_xml(re.sub(r"<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>", "", text, count=1, flags=re.S)), None
    except etree.XMLSyntaxError as error:
        return None, Problem(f"broken XML in {kind} ({error.msg})", line=getattr(error, "lineno", None))


def numbered(items: list, read) -> Iterator:
    """``read(item)`` for each item (an article row or a Problem), with its position ``#n``
    in the document when it holds several items."""
    for number, item in enumerate(items, 1):
        position = f"#{number}" if len(items) > 1 else None
        result = read(item)
        if isinstance(result, Problem):
            result.position = position
        elif position:
            result["position"] = position
        yield result


def local(tag) -> str:
    """A tag's name without its namespace (comments and entities have none)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def find(element, name: str):
    """The first descendant (or the element itself) named ``name``, in any namespace."""
    if element is None:
        return None
    for child in element.iter():
        if local(child.tag) == name:
            return child
    return None


def find_all(element, name: str) -> list:
    if element is None:
        return []
    return [child for child in element.iter() if local(child.tag) == name]


def children(element, name: str) -> list:
    """Direct children named ``name``."""
    return [child for child in element if local(child.tag) == name] if element is not None else []


def text_of(element) -> str | None:
    """The element's text, whitespace collapsed; None when empty."""
    if element is None:
        return None
    text = " ".join("".join(element.itertext()).split())
    return text or None


def paragraphs(element, *, skip: tuple[str, ...] = ("media", "table", "script", "style")) -> str:
    """The text of ``element``'s paragraphs (:data:`BLOCKS`), joined by blank lines; its whole text if it has none."""
    if element is None:
        return ""
    found = []
    for block in element.iter():
        name = local(block.tag)
        if name not in BLOCKS:
            continue
        if any(local(a.tag) in BLOCKS + skip for a in block.iterancestors()):
            continue  # a <p> in a <li> or a caption in <media> is not a paragraph of its own
        text = text_of(block)
        if text:
            found.append(text)
    if found:
        return "\n\n".join(found)
    return text_of(element) or ""


def html_text(fragment: str) -> str:
    """The paragraphs of an HTML or XHTML fragment (a ninjs body, a NewsML 1.2 DataContent) as text."""
    from lxml import html as lxml_html

    if not fragment or not fragment.strip():
        return ""
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml refuses some fragments (control characters): their words are still text
        return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    return paragraphs(root)
