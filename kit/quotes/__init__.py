"""Quotes: who is quoted saying what — content, kind, speaker, cue, and the speaker's actor.

One pass over a parsed Doc (no second spaCy call) turns it into rows of the
``quotes`` table (its columns: :data:`kit.tables.COLUMNS`):

- **direct**: a sentence or clause in quote marks (``"X," the embassy said``);
- **partial**: a few quoted words inside the reporter's own sentence, where the unquoted
  part adds only the subject and verb (``denied a Russian military "presence"``, ``Moscow
  said the experts would stay "for as long as needed."``); the row is the quoted words;
- **mixed**: a reported clause that holds a quoted part and makes a claim of its own; the
  row is the whole clause, inner marks included (``The army said the plane was bringing
  meat from Bishkek "to help the country's economy."``); also a quote that opens inside
  the reporter's sentence and runs on as whole sentences (``He said the plan was "a
  disaster. We will fight it."``);
- **indirect**: reported speech without marks (``The Wall Street Journal said Russia
  has cut its staff ...``, ``..., the newspaper said``, ``according to police``).

One speech event gives one row. These follow the annotation guidelines of the dev set
(data/annotations/README.md).

The package, along the kit's find / resolve / explore split:

- :mod:`kit.quotes.marks`: where quotation marks open and close, on the raw text;
- :mod:`kit.quotes.article`: the parsed article indexed once (sentences, paragraphs,
  marks, mention rows) and the word lists (``kit/lexicon/speech_verbs.txt``,
  ``quotes_*.txt``);
- :mod:`kit.quotes.find`: :func:`find_quotes` (Doc -> rows) and the quotes in marks;
- :mod:`kit.quotes.reported`: reported speech, from the parse;
- :mod:`kit.quotes.speakers`: the cue's speaker, from the parse;
- :mod:`kit.quotes.speaker_actors`: where the speaker is written and its actor;
- :mod:`kit.quotes.resolve`: rows across an article's pieces (:func:`same_speaker_actors`);
- :mod:`kit.quotes.explore`: tables -> tables (:func:`quoted_actors`,
  :func:`anonymous_share`, :func:`quotes_per_article`).

A quote whose speaker cannot be found keeps an empty speaker: nothing is guessed.

>>> rows = find_quotes(load_model()('"We will win," the minister said.'), [])
>>> [(r["text"], r["kind"], r["speaker"], r["cue"]) for r in rows]
[('We will win,', 'direct', 'the minister', 'said')]
"""

from kit.nlp import load_model
from kit.quotes.article import (
    DOCUMENT_NOUNS, GOVERNING_NOUNS, INDIRECT_VERBS, QUESTION_WORDS, SIGN_NOUNS, SPEECH_VERBS, Article, Attribution,
)
from kit.quotes.explore import KINDS, NO_SPEAKER, UNRESOLVED, anonymous_share, quoted_actors, quotes_per_article, table_of
from kit.quotes.find import extract, find_quotes
from kit.quotes.marks import QuoteSpan, find_quote_spans
from kit.quotes.resolve import same_speaker_actors
from kit.quotes.speaker_actors import SpeakerActors
from kit.quotes.speakers import PRONOUN_WINDOW_SENTENCES, Speakers

__all__ = [
    "find_quotes", "extract", "quoted_actors", "anonymous_share", "quotes_per_article", "table_of",
    "KINDS", "NO_SPEAKER", "UNRESOLVED", "SPEECH_VERBS", "INDIRECT_VERBS", "DOCUMENT_NOUNS", "GOVERNING_NOUNS",
    "SIGN_NOUNS", "QUESTION_WORDS", "PRONOUN_WINDOW_SENTENCES", "QuoteSpan", "find_quote_spans", "Article",
    "Attribution", "Speakers", "SpeakerActors", "load_model", "same_speaker_actors",
]
