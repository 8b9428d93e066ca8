"""Headlines: the speaker of a quote after a colon in the article's first line, when a topic,
a listener or a verb of saying stands between the speaker's name and the colon.

'Okafor on the Bridge Vote: "We Will Build It."', 'Okafor to Voters: "..."', 'Okafor Praises
Reyes: "A Fine Engineer."': the name that opens the headline speaks, not the name nearest the
colon (the topic's, the listener's or the verb's object). Used by
:class:`kit.quotes.find.MarkedQuotes` before the other labels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit import lexicon

if TYPE_CHECKING:  # annotations only
    from spacy.tokens import Token

    from kit.quotes.article import Article

#: Prepositions that end the speaker's name in a headline ("Okafor on ...", "Okafor to ...").
TOPIC_WORDS = lexicon.words("quotes_headline_topic_words")
#: A headline's verbs of saying as written ("Slams", "calls for"); the list kit.quotes.reported reads.
HEADLINE_CUES = lexicon.words("quotes_reported_headline_cues")
#: The most words of a speaker's name opening a headline ("Former Mayor Dana Okafor").
NAME_WORDS = 5


def headline_speaker(article: Article, colon: Token) -> Token | None:
    """The last word of the name opening the headline whose colon is ``colon``, when a topic
    word or a verb of saying of :data:`HEADLINE_CUES` follows that name; else None."""
    if article.paragraph_of(colon.idx) != 0:
        return None
    before = article.text[article.line_start(colon.idx) : colon.idx]
    if any(stop in before for stop in (". ", "? ", "! ")):
        return None  # 'Aides say X. From Roe's post: "..."': the colon ends another sentence
    line = article.tokens_of(article.line_start(colon.idx), colon.idx)
    words = [token for token in line if not token.is_space] if line is not None else []
    for index, token in enumerate(words[: NAME_WORDS + 1]):
        pair = f"{token.lower_} {words[index + 1].lower_}" if index + 1 < len(words) else ""
        if token.lower_ in TOPIC_WORDS or token.lower_ in HEADLINE_CUES or pair in HEADLINE_CUES:
            name = words[:index]
            if not name or index + 1 >= len(words) or any(not word.text[:1].isupper() or word.is_punct for word in name):
                return None
            return name[-1] if name[-1].pos_ in ("PROPN", "NOUN") or _named_below(article, name[-1]) else None
        if not token.text[:1].isupper():
            return None
    return None


def _named_below(article: Article, word: Token) -> bool:
    """Is the headline's word a name the body gives too ('Gillibrand', tagged a verb in the
    headline's title case, is a person's name further down)?"""
    return any(token.text == word.text and token.pos_ == "PROPN" and token.ent_type_ in ("PERSON", "ORG")
               for token in article.doc[word.i + 1 :] if token.idx > article.line_end(word.idx))
