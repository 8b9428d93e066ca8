"""Titles: quoted names of shows, books and films written where a noun phrase goes, not words said.

'on the channel's "Sunday Morning Futures," Roe said': the quote follows a possessive, a
determiner, a preposition or a noun of its sentence, so it names something (used by
:class:`kit.quotes.find.MarkedQuotes` for a few capitalised words or a title-cased line).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit import lexicon

if TYPE_CHECKING:  # annotations only
    from spacy.tokens import Span

    from kit.quotes.article import Article
    from kit.quotes.marks import QuoteSpan

#: Verbs that give a name ("dubbed", "titled"): quoted capitalised words beside them are a name.
NAMING_VERBS = lexicon.words("quotes_direct_naming_verbs")


def after_a_noun_phrase(article: Article, mark: QuoteSpan) -> bool:
    """Does the quote follow a determiner, preposition, possessive or noun of its sentence
    ("on the podcast "Morning Ledger"", "NBC's "Harbor Weekly""), or a participle that names
    ('a memoir titled "River Days"')?

    The parser sometimes starts a new sentence at the opening mark after a possessive
    ('the network\\'s | "Harbor Weekly," Roe said'): a possessive 's right before the mark
    counts whatever sentence the parser puts it in.
    """
    opening = article.tokens_of(mark.outer_start, mark.outer_start + 1)
    if opening is None or len(opening) == 0 or opening.start == 0:
        return False
    token = article.doc[opening.start - 1]
    while token.i > 0 and token.is_space:
        token = article.doc[token.i - 1]
    if token.idx >= mark.outer_start:
        return False
    # the parser may tag the 's of "WTMJ's" a closing mark: any 's but the verb's ("he's")
    possessive = token.tag_ == "POS" or (token.lower_ in ("'s", "’s") and token.pos_ not in ("AUX", "VERB"))
    if possessive and article.paragraph_of(token.idx) == article.paragraph_of(mark.outer_start):
        return True  # "the network's "Harbor Weekly"", one sentence or two in the parse
    if article.sentence_index(token.i) != article.sentence_index(opening.start):
        return False
    if token.tag_ == "VBN" and token.lemma_.lower() in NAMING_VERBS:
        return True  # 'a memoir titled "River Days"', 'a plan dubbed "Harbor First"'
    return token.pos_ in ("DET", "ADP", "NOUN", "PROPN") or possessive


def modifies_next(content: Span, mark: QuoteSpan) -> bool:
    """'a "unity" lunch', 'her "clawback" plan': up to three quoted words that modify the noun right after the marks."""
    after = content.doc[content.end + 1] if content.end + 1 < len(content.doc) and mark.closing else None
    return after is not None and after.idx == mark.outer_end + 1 and after.pos_ in ("NOUN", "PROPN") and len(content) <= 3 \
        and all(content.start <= t.head.i < content.end or t.head == after for t in content) and content[-1].head == after


def title_case(content: Span) -> bool:
    """'Backfire: The Long Fight for the Company', 'A River Runs Past the Mill': five or more
    words, every one but the small ones capitalised (a book's or a film's title)."""
    words = [token for token in content if token.is_alpha]
    return len(words) >= 5 and all(token.text[:1].isupper() for token in words if not token.is_stop) and sum(
        token.text[:1].isupper() for token in words) >= 4
