"""Cue choice: which verb of saying a quote in marks is tied to, when the parse hangs it elsewhere.

'Minutes later, she sent an email saying, "done."': the parser hangs the quoted word on
"sent", but the verb of saying right before the opening mark introduces it (used by
:class:`kit.quotes.find.MarkedQuotes` when the parse gives the quote no cue with a speaker).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.quotes.article import Attribution, cue_text, negated

if TYPE_CHECKING:  # annotations only
    from kit.quotes.article import Article
    from kit.quotes.marks import QuoteSpan
    from kit.quotes.speakers import Speakers


def cue_before_mark(article: Article, speakers: Speakers, mark: QuoteSpan) -> Attribution | None:
    """'sent an email saying, "done."', 'was quick to state, "Harbor County is ..."': a verb of
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
