"""Find, reported speech: "according to" phrases ("The man was armed, according to police").

The clause the phrase attributes is read from the parse first (the phrase's head and its
subtree); the parser often hangs the phrase on a verb inside its own object or on the next
sentence ("..., according to two aides who asked not to be named", "... leads by 90 seats
according to a tally of the results"), so when the parse gives nothing, or only words after a
phrase that ends its sentence, the sentence's words before the phrase are the clause.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only
    from spacy.tokens import Token

    from kit.quotes.speakers import Speakers

from kit.quotes.article import Article, Attribution, cue_text
from kit.quotes.clauses import clause_span

#: Words that may open a sentence before a sentence-initial "According to" ("But according to ...").
_OPENERS = frozenset("but and yet so still".split())


def according_to(article: Article, according: Token) -> tuple[int, int] | None:
    """'According to police, the man was armed' / 'The man was armed, according to police.'"""
    if article.in_quote(according.idx) or not any(child.lower_ == "to" for child in according.children):
        return None
    found = _from_parse(article, according)
    sentence = article.sents[article.sentence_index(according.i)]
    before = [t for t in article.doc[sentence.start : according.i] if not (t.is_punct or t.is_space)]
    if len(before) >= 3 and (found is None or found[0] > according.idx and not _after_a_break(article, found[0])):
        # "Roe leads by 90 seats according to a tally of the results", "..., according to
        # aides who asked not to be named": what comes before (what the parse gave
        # after the phrase is inside its object or in the next sentence)
        return clause_span(before)
    if found is None and all(t.lower_ in _OPENERS for t in before):
        # "According to a new survey of the state's farms, most growers ...": after its comma
        commas = [t for t in article.doc[according.i : sentence.end] if t.text == ","]
        if commas:
            return clause_span(list(article.doc[commas[0].i + 1 : sentence.end]))
    return found


def _after_a_break(article: Article, start: int) -> bool:
    """Does a comma or a dash of the same sentence come right before ``start`` ("..., because,
    according to Roe, [the media would ...]")?"""
    tokens = article.tokens_of(start, start + 1)
    if tokens is None or tokens.start == 0:
        return False
    previous = article.doc[tokens.start - 1]
    return previous.text in (",", "—", "–", "--") and article.sentence_index(previous.i) == article.sentence_index(tokens.start)


def _from_parse(article: Article, according: Token) -> tuple[int, int] | None:
    """The clause the parse hangs the phrase on, the phrase left out."""
    head = according.head
    if head == according:
        return None
    phrase = {t.i for t in according.subtree}
    clause = [t for t in head.subtree if t.i not in phrase]
    if not clause:
        return None
    before = [t for t in clause if t.i < according.i and not t.is_punct]
    after = [t for t in clause if t.i > max(phrase) and not t.is_punct]
    if len(before) >= 2 and len(after) >= 2 and before[-1].i + 3 >= according.i and after[0].i <= max(phrase) + 3:
        # "One child was, according to the fire service, among the dead": the whole clause.
        return clause_span(before + [t for t in article.doc[before[-1].i + 1 : after[0].i]] + after)
    tokens = after if len(after) >= len(before) else before
    return clause_span(tokens)


def reported_through(article: Article, speakers: Speakers, cue: Token) -> Attribution | None:
    """'According to the Harbor Ledger, Roe said the vote was "a farce."': an "according to"
    phrase that opens the sentence attributes all of it, the quote and its cue together, so its
    object speaks (and "according to" is the cue); None when the quote's sentence opens with no
    such phrase. (After the quote and its cue, '"...," Roe said, according to the Ledger', the
    quote stays Roe's and the phrase's object gets a row of its own: :mod:`kit.quotes.reported`.)"""
    if cue.lower_ == "according":
        return None
    sentence = article.sents[article.sentence_index(cue.i)]
    for token in article.doc[sentence.start : cue.i]:
        if token.lower_ == "according" and article.is_cue(token) and all(
                t.lower_ in _OPENERS for t in article.doc[sentence.start : token.i] if not t.is_punct):
            speaker = speakers.speaker_of(token)
            return Attribution(token, cue_text(token), speaker, linked=True) if speaker is not None else None
    return None
