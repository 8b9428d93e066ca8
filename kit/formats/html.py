"""HTML pages: the main text and its metadata through trafilatura.

Scripts, styles, navigation, comments and boilerplate are left out (that is
trafilatura's job, and it does it better than a hand-written parser). A page
without an article in it becomes a problem.

>>> page = ("<html><head><title>Quake hits Peru</title><script>alert(1)</script></head><body>"
...         "<nav>Home | World</nav><article><h1>Quake hits Peru</h1><p>" + "A strong quake hit Peru on Sunday. " * 8
...         + "</p></article></body></html>")
>>> row = next(read(page))
>>> row["headline"], "alert" in row["body"], row["body"].startswith("A strong quake")
('Quake hits Peru', False, True)
"""

from __future__ import annotations

import re
from typing import Iterator

from kit.formats import Problem
from kit.formats.records import parse_date


#: Fewer words than this in the main text of a page is not an article.
MIN_WORDS = 10


def looks_like_html(head: str) -> bool:
    """True when the start of a document has HTML's tags.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>"), looks_like_html("<rss/>")
    (True, False)
    """
    return re.search(r"<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]|<p[\s>]|<article[\s>]", head[:5000], re.I) is not None


def read(text: str) -> Iterator[dict | Problem]:
    import trafilatura

    document = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True,
        prune_xpath=["//nav", "//header", "//footer", "//aside", "//form"],
    )
    if document is not None and not isinstance(document, dict):
        document = document.as_dict()
    words = len((document.get("text") or "").split()) if document else 0
    # A few words left after pruning are a menu or a cookie notice, not an article.
    if words < MIN_WORDS:
        yield Problem(f"an HTML page with no article text in it (only scripts, navigation or boilerplate; "
                      f"{words} words of text)")
        return
    body = document["text"].strip()
    title = (document.get("title") or "").strip()
    # trafilatura keeps the page's <h1> as the first line; it is the headline, not body.
    if title and body.startswith(title + "\n"):
        body = body[len(title) + 1 :].lstrip()
    row = {"format": "html", "body": body, "headline": document.get("title") or None,
           "url": document.get("url") or None, "published": parse_date(document.get("date")),
           "outlet": document.get("sitename") or None, "language": document.get("language") or None,
           "byline": document.get("author") or None}
    tags = document.get("tags") or document.get("categories")
    if tags:
        row["keywords"] = [tag.strip() for tag in (tags if isinstance(tags, list) else re.split(r"[;,]", tags)) if tag.strip()]
    yield row
