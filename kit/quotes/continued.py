"""Continued: whose words quotes are when the cue beside them says something else, or is reported.

'"We feel fine," she said. "The towns are near." She noted a rally on Friday.': the verb of
the sentence after the second quote has words of its own, so it is no attribution of the
quote, which goes on the speaker before it.

'The governor said he expected voters will say "no"': the quoted word hangs under 'say',
whose subject is 'voters', but the marks give the words the governor used; the reporter of
the outer clause speaks them. Both used by :class:`kit.quotes.find.MarkedQuotes` (the
second for partial quotes only).

'Roe praised the plan on Friday.' then a paragraph '"It is a bold step."': a quote that is a
paragraph of its own, with no cue, goes on whoever the paragraph above reports
(:func:`introduced_above`). The pieces of one quote over several paragraphs share one speaker
(:func:`share_along_chains`).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from kit.quotes.article import Article, Attribution, cue_text, negated
from kit.quotes.speaker_clauses import ADDRESSING_VERBS

if TYPE_CHECKING:  # annotations only
    from spacy.tokens import Span, Token

    from kit.quotes.marks import QuoteSpan
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


def introduced_above(article: Article, speakers: Speakers, mark: QuoteSpan) -> Attribution | None:
    """'Roe praised the plan on Friday.' then '"It is a bold step."' alone on its line: a quote
    that makes up a whole paragraph (past the headline and the line below it) with no cue of its
    own is said by the speaker of the last verb of saying in the last sentence of the paragraph
    right above, or None."""
    text = article.text
    line_start, line_end = article.line_start(mark.outer_start), article.line_end(mark.outer_end)
    if not mark.closing or text[line_start : mark.outer_start].strip() or text[mark.outer_end : line_end].strip(" .\t\u00a0"):
        return None
    number = article.paragraph_of(mark.outer_start)
    words = text[mark.start : mark.end].rstrip()
    if number < 2 or words.endswith(":") or words.isupper():
        return None  # "Related:", "A HEADING IN CAPITALS": no words said
    above_start = article.paragraph_starts[number - 1]
    above = article.tokens_of(above_start, article.line_end(above_start))
    if above is None or len(above) == 0:
        return None
    last = article.sents[article.sentence_index(above[-1].i)]
    cues = [token for token in last if token.i >= above.start and article.is_cue(token) and not negated(token)]
    for cue in cues:  # the outermost: 'Roe said critics had predicted it' is Roe's report, not the critics'
        if any(ancestor in cues for ancestor in cue.ancestors):
            continue
        speaker = speakers.speaker_of(cue)
        if speaker is not None and not article.in_quote(speaker.idx):
            return Attribution(cue, cue_text(cue), speaker)
    return None


def share_along_chains(found: list) -> None:
    """Pieces of one quote over several paragraphs share the speaker found for any of them (``found``
    as :meth:`kit.quotes.find.MarkedQuotes._attributed` builds it, one item per mark)."""
    chains: dict[int, list[int]] = {}
    for index, item in enumerate(found):
        if item is None:
            continue
        root = index
        while found[root] is not None and found[root][0].continues is not None:
            parent = found[root][0].continues
            if parent is None or parent >= len(found) or found[parent] is None or parent == root:
                break
            root = parent
        chains.setdefault(root, []).append(index)
    for members in chains.values():
        if len(members) < 2:
            continue
        source = next((found[i][2] for i in members if found[i][2].speaker is not None), None)
        if source is None:
            continue
        for i in members:
            mark, content, attribution, kind = found[i]
            if attribution.speaker is None:
                found[i] = (mark, content, dataclasses.replace(source, linked=False), kind)
