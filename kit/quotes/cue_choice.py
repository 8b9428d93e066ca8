"""Cue choice: which verb of saying a quote in marks is tied to, when the parse hangs it elsewhere.

'Seconds later, he mailed a card saying, "approved."': the parser hangs the quoted word on
"mailed", but the verb of saying right before the opening mark introduces it (used by
:class:`kit.quotes.find.MarkedQuotes` when the parse gives the quote no cue with a speaker).
'"We feel fine," she said. "The towns are near."': a quoted sentence with no cue of its own
goes on the quote before it (:func:`continued_from`).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from kit.quotes.article import SPEECH_VERBS, Attribution, cue_text, negated

if TYPE_CHECKING:  # annotations only
    from kit.quotes.article import Article
    from kit.quotes.marks import QuoteSpan
    from kit.quotes.speakers import Speakers


def cue_before_mark(article: Article, speakers: Speakers, mark: QuoteSpan) -> Attribution | None:
    """'mailed a card saying, "approved."', 'was quick to state, "Harbor County is ..."': a verb of
    saying right before the opening mark (a comma between at most) introduces the quote, whatever
    the parse; its speaker says it. None when no such verb, or it has no speaker."""
    end = len(article.text[: mark.outer_start].rstrip())
    if end and article.text[end - 1] == ",":
        end = len(article.text[: end - 1].rstrip())
    before = article.tokens_of(end - 1, end) if end else None
    if before is None or len(before) == 0:
        return None
    verb = before[-1]
    if verb.pos_ != "VERB" or not article.is_cue(verb) or article.in_quote(verb.idx) or negated(verb):
        return None
    speaker = speakers.speaker_of(verb)
    return Attribution(verb, cue_text(verb), speaker, linked=True) if speaker is not None else None


def continued_from(article: Article, mark: QuoteSpan, previous) -> Attribution | None:
    """'"X," he said. "Y."': a quoted sentence with no cue of its own goes on the last
    speaker's quote when nothing but quotes lies between them (same or next paragraph)."""
    before_mark, attribution, _ = previous
    if article.paragraph_of(mark.outer_start) - article.paragraph_of(before_mark.outer_end) > 1:
        return None
    if mark.outer_start - before_mark.outer_end > 300:
        return None
    # Between the two quotes: only the attribution of the first one ("he said."), no new actor.
    gap_tokens = article.tokens_of(before_mark.outer_end, mark.outer_start)
    attributing = set()  # "said Devin Oldman, who helped manage ...": the first quote's own attribution
    for token in (attribution.cue, attribution.speaker):
        if token is not None:
            attributing.update(t.i for t in token.subtree)
    for token in gap_tokens if gap_tokens is not None else ():
        if token.i in attributing:
            continue
        if token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or token.pos_ in ("VERB",) and token.lemma_ not in SPEECH_VERBS:
            return None
    return dataclasses.replace(attribution, linked=False)
