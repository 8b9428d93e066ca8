"""HTML pages: the main text and its metadata through trafilatura.

Scripts, styles, navigation, comments and boilerplate are left out (that is
trafilatura's job, and it does it better than a hand-written parser). The main
text is trafilatura's at its default settings (its own tests' recall); readers'
comments go to a ``comments`` column of their own, never into the body. When that text is short for the page (under :data:`DENSITY_SHARE`
of the page's visible words) a permissive pass (``favor_recall``) is tried; if
it finds more than twice as much, its text is kept and a problems row says so.

Nothing is dropped silently: a page with no article text, an error page
("Page not found"), a list of links (a front or index page) and a page
rendered in the browser (template placeholders) each become a problems row
naming the reason. A byline line and a dateline opening the text
("WASHINGTON (AP) —") become ``byline``, ``dateline_place``, ``agency``
(:mod:`kit.formats.bylines`); headline entities are decoded; keyword metas are
split into a list.

>>> page = ("<html><head><title>Quake hits Peru</title><script>alert(1)</script></head><body>"
...         "<nav>Home | World</nav><article><h1>Quake hits Peru</h1><p>" + "A strong quake hit Peru on Sunday. " * 8
...         + "</p></article></body></html>")
>>> row = next(read(page))
>>> row["headline"], "alert" in row["body"], row["body"].startswith("A strong quake")
('Quake hits Peru', False, True)
"""

from __future__ import annotations

import html as html_entities
import re
import unicodedata
from typing import Iterator

from kit.formats import Problem
from kit.formats.records import parse_date

#: Fewer words than this in the main text of a page is not an article.
MIN_WORDS = 10

#: A main text under this share of the page's visible words is checked against a permissive pass.
DENSITY_SHARE = 0.25

#: The permissive pass's text is kept when the main text is under this share of it.
FALLBACK_SHARE = 0.5

#: A main text of at least this many lines, most of them link texts, is an index page.
INDEX_MIN_LINES = 8
INDEX_LINK_SHARE = 0.6

#: Error pages are short: a page whose title says "not found" but whose text is longer is an article about it.
ERROR_PAGE_MAX_WORDS = 150


def looks_like(text: str) -> bool:
    """True when ``text`` is a web page (past leading scripts and comments).

    >>> looks_like("<!DOCTYPE html><html><body><p>Hi</p></body></html>"), looks_like("<rss/>")
    (True, False)
    """
    from kit.formats.sniff import sniff_markup

    return sniff_markup(text) == "html"


def looks_like_html(head: str) -> bool:
    """The former name of :func:`looks_like` (kit.corpus calls it until the format registry)."""
    return looks_like(head)


def read(text: str, **options) -> Iterator[dict | Problem]:
    """One article row for the page, or a problem saying why there is none (and a problem when text was recovered)."""
    facts = _page_facts(text)
    document = _extract(text)
    words = _words(document)
    note = None
    if words < MIN_WORDS or words < DENSITY_SHARE * facts["visible_words"]:
        permissive = _extract(text, favor_recall=True)
        more = _words(permissive)
        if more >= MIN_WORDS and more * FALLBACK_SHARE > words:
            note = (f"the page's main text at trafilatura's default settings was {words} words, under half of "
                    f"the {more} words a permissive pass finds; the permissive text was kept (it may hold some boilerplate)")
            metadata = document or {}
            document = {**permissive, **{k: v for k, v in metadata.items() if k != "text" and v}}
            words = more
    reason = _not_an_article(document, facts, words)
    if reason:
        yield Problem(reason)
        return
    yield _row(document)
    if note:
        yield Problem(note)


def _extract(text: str, **settings) -> dict | None:
    import trafilatura

    document = trafilatura.bare_extraction(text, with_metadata=True, include_comments=True, **settings)
    if document is not None and not isinstance(document, dict):
        document = document.as_dict()
    return document


def _words(document: dict | None) -> int:
    return len((document or {}).get("text", "").split()) if document and document.get("text") else 0


def _page_facts(text: str) -> dict:
    """Visible words, link texts and headings of the page (one lxml parse; what trafilatura does not return)."""
    from lxml import html as lxml_html

    facts = {"visible_words": 0, "links": set(), "h1": None, "title": None}
    try:
        tree = lxml_html.document_fromstring(text.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8"))
    except Exception:  # lxml refuses some documents (empty, control characters): trafilatura decides then
        return facts
    visible = tree.xpath("//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript "
                         "or ancestor::template)]")
    facts["visible_words"] = sum(len(piece.split()) for piece in visible)
    facts["links"] = {" ".join(a.text_content().split()) for a in tree.iter("a")} - {""}
    for name in ("h1", "title"):
        element = next(tree.iter(name), None)
        if element is not None:
            facts[name] = " ".join(element.text_content().split()) or None
    return facts


def _not_an_article(document: dict | None, facts: dict, words: int) -> str | None:
    if words < MIN_WORDS:
        return (f"an HTML page with no article text in it (only scripts, navigation or boilerplate; "
                f"{words} words of text)")
    body = document.get("text") or ""
    from kit import lexicon

    errors = lexicon.words("formats_not_found")
    for title in (document.get("title"), facts["h1"], facts["title"]):
        parts = [p.strip(" .!:").lower() for p in re.split(r"\s+[|\-–—:·»]\s+|\s*::\s*", title or "")]
        if words <= ERROR_PAGE_MAX_WORDS and any(part in errors for part in parts if part):
            return f"not an article: an error page (its title says {title!r})"
    lines = [" ".join(line.split()) for line in body.split("\n") if line.strip()]
    linked = sum(1 for line in lines if line in facts["links"])
    if len(lines) >= INDEX_MIN_LINES and linked >= INDEX_LINK_SHARE * len(lines):
        return (f"not an article: a list of links ({linked} of its {len(lines)} lines of text are links), "
                "a front or index page")
    if len(re.findall(r"\{\{[^{}\n]{1,200}\}\}", body)) >= 2:
        return ("not an article: the page is filled in by scripts in the browser (its text is template "
                "placeholders such as {{...}}); save the page after it has rendered")
    return None


def _row(document: dict) -> dict:
    from kit.formats.bylines import clean_byline, read_head

    body = unicodedata.normalize("NFC", document["text"].strip())
    title = unicodedata.normalize("NFC", _unescape((document.get("title") or "").strip()))
    # trafilatura keeps the page's <h1> as the first line; it is the headline, not body.
    if title and body.startswith(title + "\n"):
        body = body[len(title) + 1 :].lstrip()
    published = parse_date(document.get("date"))
    row = {"format": "html", "headline": title or None, "url": document.get("url") or None,
           "published": published, "outlet": document.get("sitename") or None,
           "language": document.get("language") or None, "byline": clean_byline(document.get("author"))}
    head = read_head(body, published=published)
    if len(body) > head["start"]:
        body = body[head["start"] :]
        for key in ("dateline_place", "dateline_date", "agency"):
            if head.get(key):
                row[key] = head[key]
        row["byline"] = row["byline"] or head.get("byline")
    row["body"] = body
    if document.get("comments"):
        # readers' comments are not the article: kept apart, out of the body that is analysed
        row["comments"] = unicodedata.normalize("NFC", document["comments"].strip())
    keywords = split_keywords((document.get("tags") or []) + (document.get("categories") or []))
    if keywords:
        row["keywords"] = keywords
    return row


def split_keywords(values) -> list[str]:
    """Keyword metas as a list: comma- or semicolon-joined strings split, duplicates dropped, order kept.

    >>> split_keywords(["Science, Physics News,Science", "Physics"])
    ['Science', 'Physics News', 'Physics']
    """
    if isinstance(values, str):
        values = [values]
    seen: dict[str, None] = {}
    for value in values or []:
        for keyword in re.split(r"[;,]", _unescape(str(value))):
            keyword = " ".join(keyword.split())
            if keyword and keyword.lower() not in {k.lower() for k in seen}:
                seen[keyword] = None
    return list(seen)


def _unescape(text: str) -> str:
    """Entities decoded, also when escaped twice (``&amp;#039;``).

    >>> _unescape("&#039;Parasite&#039; scores &amp;amp; wins")
    "'Parasite' scores & wins"
    """
    for _ in range(3):
        decoded = html_entities.unescape(text)
        if decoded == text:
            break
        text = decoded
    return text
