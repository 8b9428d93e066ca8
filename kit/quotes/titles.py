"""Titles: quoted names of shows, books and films written where a noun phrase goes, not words said.

'on the channel's "Sunday Morning Futures," Roe said': the quote follows a possessive, a
determiner, a preposition or a noun of its sentence, so it names something (used by
:class:`kit.quotes.find.MarkedQuotes` for a few capitalised words or a title-cased line).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit import lexicon

if TYPE_CHECKING:  # annotations only
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
