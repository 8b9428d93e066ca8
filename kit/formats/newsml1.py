"""NewsML 1.2 (IPTC's first NewsML): a ``NewsML`` envelope of ``NewsItem``s.

Each text ``NewsItem`` becomes one article. Read from it: ``NewsIdentifier``
(``PublicIdentifier`` as record id, ``RevisionId`` as version),
``NewsManagement`` (``ThisRevisionCreated`` / ``FirstCreated`` as published,
``NewsItemType``), the ``NewsLines`` (``HeadLine``, ``ByLine``, ``DateLine``,
``SlugLine``, ``KeywordLine``), ``DescriptiveMetadata`` (``Language``,
``SubjectCode``, ``Location``), the provider (``AdministrativeMetadata`` /
``Provider``, else the envelope's ``SentFrom`` party) as agency, keywords
``Property`` values, and the text of the component whose ``Role`` is ``Body``
(or, without roles, of its text ``ContentItem``s: plain text, XHTML or NITF).
Style sheets, logos, contacts and pictures are not the body.

>>> doc = '''<NewsML Version="1.2"><NewsEnvelope><SentFrom><Party FormalName="Business Wire"/></SentFrom>
... <DateAndTime>20130605T210000+0000</DateAndTime></NewsEnvelope><NewsItem><Identification><NewsIdentifier>
... <ProviderId>businesswire.com</ProviderId><RevisionId>1</RevisionId></NewsIdentifier></Identification>
... <NewsManagement><NewsItemType FormalName="News"/><ThisRevisionCreated>20130605T210000+0000</ThisRevisionCreated>
... </NewsManagement><NewsComponent><NewsLines><HeadLine>Cambrios named a Cool Vendor</HeadLine>
... <DateLine>SUNNYVALE, Calif.</DateLine></NewsLines><NewsComponent><Role FormalName="Body"/><ContentItem>
... <MimeType FormalName="text/xhtml"/><DataContent><html xmlns="http://www.w3.org/1999/xhtml"><body>
... <p>Cambrios said today it was named a Cool Vendor.</p></body></html></DataContent></ContentItem>
... </NewsComponent></NewsComponent></NewsItem></NewsML>'''
>>> row = next(read(doc))
>>> row["headline"], row["agency"], row["dateline_place"], row["body"], str(row["published"])
('Cambrios named a Cool Vendor', 'Business Wire', 'SUNNYVALE, Calif.', 'Cambrios said today it was named a Cool Vendor.', '2013-06-05 21:00:00')
"""

from __future__ import annotations

from typing import Iterator

from kit.formats import Problem
from kit import lexicon
from kit.formats.markup import children, find, find_all, local, paragraphs, numbered, parse_document, text_of

#: Component roles that are never the body of the story.
NOT_BODY_ROLES = lexicon.words("formats_newsml1_not_body_roles")


def looks_like(text: str) -> bool:
    """True when ``text`` is a NewsML 1.x document.

    >>> looks_like('<?xml version="1.0"?><NewsML Version="1.2"><NewsEnvelope/></NewsML>')
    True
    """
    from kit.formats.sniff import sniff_markup

    return sniff_markup(text) == "newsml1"


def read(text: str, **options) -> Iterator[dict | Problem]:
    root, problem = parse_document(text, "a NewsML 1.2 document")
    if problem is not None:
        yield problem
        return
    envelope = find(root, "NewsEnvelope")
    sender = find(find(envelope, "SentFrom"), "Party")
    default_agency = sender.get("FormalName") if sender is not None else None
    items = [item for item in find_all(root, "NewsItem") if not any(local(a.tag) == "NewsItem" for a in item.iterancestors())]
    if not items:
        yield Problem("NewsML 1.2 without a NewsItem (an envelope only); nothing to read")
        return
    sent = text_of(find(envelope, "DateAndTime"))
    yield from numbered(items, lambda item: read_item(item, default_agency, sent))


def read_item(item, default_agency: str | None = None, envelope_date: str | None = None) -> dict | Problem:
    from kit.formats.bylines import byline_of, clean_byline, read_head, split_dateline
    from kit.formats.nitf import nitf_date

    management = find(item, "NewsManagement")
    kind = find(management, "NewsItemType")
    kind = kind.get("FormalName") if kind is not None else None
    lines = find(item, "NewsLines")
    headline = text_of(find(item, "HeadLine"))
    if kind and kind.lower() not in ("news", "text", "story"):
        return Problem(f"a NewsML 1.2 {kind} item, not a news text (headline: {headline!r}); not read")
    body = _body(find(item, "NewsComponent"))
    if not body:
        media = {m.get("FormalName") for m in find_all(item, "MediaType") if m.get("FormalName")}
        what = f"only {', '.join(sorted(media))} content" if media and "Text" not in media else "no text content"
        return Problem(f"a NewsML 1.2 item with {what} (headline: {headline!r}); not read")
    identifier = find(item, "NewsIdentifier")
    published = nitf_date(text_of(find(management, "ThisRevisionCreated")) or text_of(find(management, "FirstCreated"))
                          or envelope_date)
    row: dict = {"format": "newsml1", "headline": headline, "published": published,
                 "record_id": text_of(find(identifier, "PublicIdentifier")),
                 "version": text_of(find(identifier, "RevisionId"))}
    provider = find(find(item, "Provider"), "Party")
    row["agency"] = (provider.get("FormalName") if provider is not None else None) or default_agency or text_of(
        find(identifier, "ProviderId"))
    row["outlet"] = row["agency"]
    byline = text_of(find(lines, "ByLine"))
    if byline:
        row["byline"] = byline_of(byline) or clean_byline(byline)
    dateline = text_of(find(lines, "DateLine"))
    if dateline:
        row["dateline_place"], row["dateline_date"] = split_dateline(dateline, published)
    language = find(item, "Language")
    row["language"] = language.get("FormalName") if language is not None else None
    keywords = [text_of(k) for k in find_all(item, "KeywordLine") if text_of(k)]
    keywords += [p.get("Value") for p in find_all(item, "Property")
                 if (p.get("FormalName") or "").lower().endswith("keywords") and p.get("Value")]
    row["keywords"] = list(dict.fromkeys(keywords)) or None
    opening = read_head(body, published=published)
    if len(body) > opening["start"] > 0:
        body = body[opening["start"] :]
        for key in ("dateline_place", "dateline_date", "agency", "byline"):
            if opening.get(key) and not row.get(key):
                row[key] = opening[key]
    row["body"] = body
    slug = text_of(find(lines, "SlugLine"))
    if slug:
        row["story_id"] = "slug:" + slug.lower() + "|" + (row.get("agency") or "")
    return row


def _role(component) -> str:
    role = next(iter(children(component, "Role")), None)
    return (role.get("FormalName") or "").lower() if role is not None else ""


def _body(component) -> str:
    """The text of the body component under ``component`` (depth first), or of its text content items."""
    if component is None:
        return ""
    components = [component] + find_all(component, "NewsComponent")[1:]
    for candidate in components:
        if _role(candidate) in ("body", "main", "maintext", "text"):
            text = "\n\n".join(t for t in (_content_text(c) for c in find_all(candidate, "ContentItem")) if t)
            if text:
                return text
    texts = []
    for content in find_all(component, "ContentItem"):
        owner = next((a for a in content.iterancestors() if local(a.tag) == "NewsComponent"), None)
        if owner is not None and _role(owner) in NOT_BODY_ROLES:
            continue
        text = _content_text(content)
        if text:
            texts.append(text)
    return "\n\n".join(texts)


def _content_text(content) -> str:
    mime = find(content, "MimeType")
    mime = (mime.get("FormalName") or "").lower() if mime is not None else ""
    media = find(content, "MediaType")
    media = (media.get("FormalName") or "").lower() if media is not None else ""
    if (mime and not (mime.startswith("text/") or "xml" in mime or "nitf" in mime)) or (media and media != "text"):
        return ""
    if "css" in mime:
        return ""
    data = find(content, "DataContent")
    if data is None:
        return ""
    nitf = find(data, "nitf")
    if nitf is not None:
        from kit.formats.nitf import read_element

        return read_element(nitf)["body"]
    html_body = find(data, "body")
    return paragraphs(html_body if html_body is not None else data)
