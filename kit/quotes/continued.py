"""Continued: whose words quotes are when the cue beside them says something else, or is reported.

'"We feel fine," she said. "The towns are near." She noted a rally on Friday.': the verb of
the sentence after the second quote has words of its own, so it is no attribution of the
quote, which goes on the speaker before it.

'The governor said he expected voters will say "no"': the quoted word hangs under 'say',
whose subject is 'voters', but the marks give the words the governor used; the reporter of
the outer clause speaks them. Both used by :class:`kit.quotes.find.MarkedQuotes` (the
second for partial quotes only).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.quotes.article import Article, Attribution, cue_text, negated
from kit.quotes.speaker_clauses import ADDRESSING_VERBS

if TYPE_CHECKING:  # annotations only
    from spacy.tokens import Span, Token

    from kit.quotes.speakers import Speakers

#: How a reported clause hangs under the verb that reports it.
_REPORTED = ("ccomp", "xcomp")


def outer_reporter(article: Article, speakers: Speakers, cue: Token) -> Attribution | None:
    """The attribution of the verb of saying that reports the clause ``cue`` is in ('said he
    expected voters will say'), the outermost one with a speaker, or None when ``cue`` is
    nobody's report."""
    found, node, steps = None, cue, 0
    sentence, paragraph = article.sentence_index(cue.i), article.paragraph_of(cue.idx)
    while node.dep_ in _REPORTED and node.head != node and steps < 4:
        node, steps = node.head, steps + 1
        if article.sentence_index(node.i) != sentence or article.paragraph_of(node.idx) != paragraph:
            break  # the parser ran two sentences together: the verb before is not this clause's reporter
        if article.is_cue(node) and not negated(node):
            speaker = speakers.speaker_of(node)
            if speaker is not None:
                found = Attribution(node, cue_text(node), speaker, linked=True)
    return found


def says_its_own(sentence: Span, article: Article) -> bool:
    """Has every verb of saying in the sentence words of its own, a reported clause or an object
    ('She noted a rally on Saturday', 'Critics praise his refusal')? The listener of 'told reporters'
    is no such object, and an 'according to' phrase attributes its own sentence ('Roe said she
    would go, according to aides')."""
    cues = [token for token in sentence if article.is_cue(token) and token.lower_ != "according"]
    return bool(cues) and all(any(child.dep_ == "ccomp" or (
        child.dep_ == "dobj" and token.lemma_.lower() not in ADDRESSING_VERBS) for child in token.children) for token in cues)
