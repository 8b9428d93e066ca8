"""One parsed article with the look-ups every quote needs (built once), and small token tests.

:class:`Article` knows where sentences, paragraphs, quote marks and mention rows are,
so the finders (:mod:`kit.quotes.find`, :mod:`kit.quotes.reported`) and the speaker
rules (:mod:`kit.quotes.speakers`) never scan the Doc twice for them.

>>> from kit.nlp import load_model
>>> article = Article(load_model()('He said "we will win." Then he left.'), [])
>>> article.in_quote(article.text.index("win")), article.in_quote(0)
(True, False)
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:  # annotations only: spaCy is not imported with kit.quotes (a cached report's charts)
    from spacy.tokens import Doc, Span, Token

from kit import lexicon
from kit.quotes.marks import find_quote_spans
from kit.nlp import text_of

#: Lemmas of verbs that introduce a quote ("'X,' she said", "he called it 'a farce'").
SPEECH_VERBS = lexicon.words("speech_verbs")
#: Lemmas of verbs whose clausal complement is reported speech ("X said Y has cut ...").
INDIRECT_VERBS = lexicon.words("quotes_indirect_verbs")
#: Lemmas of verbs of speech acts whose content is what follows them, not a that-clause
#: ("urged the council to act", "accused X of lying", "vowed to appeal").
ACT_VERBS = lexicon.words("quotes_act_verbs")
#: Lemmas of verbs that report a question ("asked whether the troops would stay").
ASKING_VERBS = frozenset("ask wonder question inquire enquire".split())
#: Verbs of saying that are also aspect verbs: a cue only without a complement ("he continued").
ASPECT_VERBS = frozenset(("continue",))
#: Every verb that can introduce words said: verbs of saying and of speech acts.
CUE_VERBS = SPEECH_VERBS | ACT_VERBS
#: Verbs of the manner of speaking: a cue only right beside a quote that hangs on them.
MANNER_VERBS = lexicon.words("quotes_manner_verbs")
#: A verb and its particle that say together ("shot back", "pointed out", "went on").
PHRASAL_VERBS = lexicon.words("quotes_phrasal_verbs")
#: Nouns of documents that "say" things for whoever issued them.
DOCUMENT_NOUNS = lexicon.words("quotes_document_nouns")
#: Nouns that speak for their owner: "his government" is the man's, "its administration" the country's.
GOVERNING_NOUNS = lexicon.words("governing_nouns")
#: Things that carry words but are nobody's voice.
SIGN_NOUNS = lexicon.words("quotes_sign_nouns")
#: Words that make a reported clause a question, not a claim ("did not say whether ...").
QUESTION_WORDS = lexicon.words("quotes_question_words")

RELATIVE_PRONOUNS = frozenset("who that which whom".split())
#: A tag of markup left in a text: "<tweet author=... >", "</p>".
_MARKUP = re.compile(r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s>]+))*\s*/?>")
PERSON_PRONOUNS = frozenset("he she him her".split())
GROUP_PRONOUNS = frozenset("they them it we".split())
SUBJECTS = ("nsubj", "nsubjpass", "csubj")

#: A paragraph's dateline: "WASHINGTON —", "WASHINGTON (AFP) –", "WASHINGTON, Aug. 24 (UPI) —".
_DATELINE = re.compile(r"[ \t]*[A-Z][A-Z.'’ -]{1,40}(?:,[^\n(—–-]{1,20})?(?:[ \t]*\([A-Za-z .&'-]{1,30}\))?[ \t]*[-–—]{1,2}[ \t]")


@dataclasses.dataclass
class Attribution:
    """Who says a quote (the speaker's head word) and by which verb (the cue)."""

    cue: Token | None = None
    cue_text: str | None = None
    speaker: Token | None = None
    linked: bool = False  # found by the parse (the quote hangs under the cue), not by proximity


class Article:
    """The parsed article: sentences, paragraphs, quote marks and mention rows, indexed."""

    def __init__(self, doc: Doc, mentions: list[dict]):
        self.doc = doc
        self.text = text_of(doc)
        self.sents = list(doc.sents)
        self.sent_starts = [sent.start for sent in self.sents]
        self.marks = find_quote_spans(self.text)
        # Characters inside quote marks (the marks included): verbs there are the speaker's words.
        self.quoted_chars = sorted((span.outer_start, span.outer_end) for span in self.marks)
        self._quoted_starts = [start for start, _ in self.quoted_chars]
        self.mentions = sorted(
            (m for m in mentions if m.get("start") is not None and m.get("end") is not None),
            key=lambda m: (m["start"], -m["end"]),
        )
        self._mention_starts = [m["start"] for m in self.mentions]
        self.entity_of = {token.i: ent for ent in doc.ents for token in ent}
        self.paragraph_starts = [match.start() for match in re.finditer(r"[^\n]+", self.text)] or [0]
        # Markup left in a text ('<tweet author="@AP" datetime="...">'): no cue, speaker or words said.
        self.markup = [(match.start(), match.end()) for match in _MARKUP.finditer(self.text)]
        self._markup_starts = [start for start, _ in self.markup]

    def sentence_index(self, token_index: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, token_index) - 1)

    def in_quote(self, char: int) -> bool:
        position = bisect.bisect_right(self._quoted_starts, char) - 1
        return position >= 0 and self.quoted_chars[position][0] <= char < self.quoted_chars[position][1]

    def in_markup(self, char: int) -> bool:
        position = bisect.bisect_right(self._markup_starts, char) - 1
        return position >= 0 and self.markup[position][0] <= char < self.markup[position][1]

    def tokens_of(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def line_start(self, char: int) -> int:
        """Where the line holding ``char`` starts (just past the line break before it, else 0)."""
        return self.text.rfind("\n", 0, char) + 1

    def line_end(self, char: int) -> int:
        """Where the line holding ``char`` ends: its line break, else the text's end."""
        end = self.text.find("\n", char)
        return len(self.text) if end < 0 else end

    def paragraph_of(self, char: int) -> int:
        """Number of the paragraph (a line of text) holding ``char``."""
        return max(0, bisect.bisect_right(self.paragraph_starts, char) - 1)

    def segment_start(self, char: int) -> int:
        """Where the writing that holds ``char`` begins: its paragraph's start, or past the
        paragraph's dateline ("WASHINGTON (AFP) – ..."): what comes before is layout."""
        start = self.paragraph_starts[self.paragraph_of(char)]
        dateline = _DATELINE.match(self.text, start)
        if dateline is not None and dateline.end() <= char:
            return dateline.end()
        return start

    def mention_at(self, head: Token) -> dict | None:
        """The mention row holding the head word (the shortest one when they nest)."""
        char = head.idx
        position = bisect.bisect_right(self._mention_starts, char)
        best = None
        for mention in self.mentions[max(0, position - 12) : position]:
            if mention["start"] <= char < mention["end"]:
                if best is None or mention["end"] - mention["start"] < best["end"] - best["start"]:
                    best = mention
        return best

    def mentions_before(self, char: int) -> list[dict]:
        """The mention rows that start before ``char``, in text order."""
        return self.mentions[: bisect.bisect_left(self._mention_starts, char)]

    def is_cue(self, token: Token, manner: bool = False) -> bool:
        """A verb of saying (or "according to") outside quote marks; with ``manner``, a verb of
        the manner of speaking too ('"Go home," he barked')."""
        if self.in_quote(token.idx) or self.in_markup(token.idx):
            return False
        if token.lower_ == "according" and any(child.lower_ == "to" for child in token.children):
            return True
        if token.pos_ != "VERB":
            return False
        if manner and token.lemma_.lower() in MANNER_VERBS:
            return True
        if token.lemma_.lower() not in CUE_VERBS:
            return phrasal_particle(token) is not None
        if token.lemma_.lower() in ASPECT_VERBS and any(child.dep_ in ("xcomp", "dobj", "prep") for child in token.children):
            return False  # "the team would continue to win races": not '"...," he continued'
        return True


def tokens_with_lemmas(doc: Doc, nouns: frozenset[str], verbs: frozenset[str], word: str) -> list[Token]:
    """The nouns whose lemma is in ``nouns``, the verbs whose lemma is in ``verbs`` and the
    tokens that are ``word``, in the Doc's order: picked in one C-level pass over its arrays
    (lemmas compared by their hashes) instead of making every token in Python."""
    import numpy
    from spacy.attrs import LEMMA, LOWER, POS
    from spacy.symbols import NOUN, VERB

    if not len(doc):
        return []
    arrays = doc.to_array([POS, LOWER, LEMMA])
    wanted = ((arrays[:, 0] == NOUN) & _among(arrays[:, 2], _lemma_hashes(nouns))) | (
        (arrays[:, 0] == VERB) & _among(arrays[:, 2], _lemma_hashes(verbs))) | (arrays[:, 1] == doc.vocab.strings[word])
    return [doc[int(i)] for i in numpy.flatnonzero(wanted)]


@functools.lru_cache(maxsize=8)
def _lemma_hashes(words: frozenset[str]):
    """The sorted hashes of ``words`` as spaCy may store them as lemmas (lower case, else as
    written at a sentence's start or in a headline: "Says", "SAYS")."""
    import numpy
    from spacy.strings import hash_string

    forms = {form for word in words for form in (word, word.capitalize(), word.title(), word.upper())}
    return numpy.array(sorted(hash_string(form) for form in forms), dtype="uint64")


def _among(values, sorted_hashes):
    """Which of ``values`` are in the sorted array ``sorted_hashes`` (a binary search each;
    ``numpy.isin`` sorts both arrays on every call)."""
    import numpy

    if not len(sorted_hashes):
        return numpy.zeros(len(values), dtype=bool)
    places = numpy.minimum(numpy.searchsorted(sorted_hashes, values), len(sorted_hashes) - 1)
    return sorted_hashes[places] == values


# ---------------------------------------------------------------------------------------
# Tests on tokens and spans


def is_a_name(content: Span) -> bool:
    """A few capitalised words: the name of a thing, not words someone said."""
    if content.text.rstrip(" \"'”’").endswith(("!", "?")):
        return False  # "Stay there!": words said, shouted or asked, not a name
    words = 0
    for token in content:  # one pass, stopping at the first word that rules a name out
        if token.tag_ == "PRP":
            return False  # "Thank you Georgia"
        if token.is_alpha and not token.is_stop:
            words += 1
            if words > 4 or not (token.is_title or token.is_upper):
                return False
    return words > 0


def misparsed_complement(verb: Token, child: Token) -> bool:
    """'she said as a teenager she was forced ...' parsed as an adverbial clause: a clause with
    its own subject and no conjunction ("after", "because"), hung on a verb with no ccomp."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return False
    if gerund_subject_clause(verb, child):
        return True
    if child.dep_ != "advcl":
        return False
    children = {c.dep_ for c in child.children}
    return bool(children & {"nsubj", "nsubjpass"}) and "mark" not in children


def gerund_subject_clause(verb: Token, child: Token) -> bool:
    """'said raising taxes would hurt growth' parsed as 'said raising' with 'would hurt' hung on
    the gerund: a gerund right after the verb (or its "that") whose own clausal complement is
    finite and has a subject; the whole gerund phrase is the clause said."""
    if child.dep_ != "xcomp" or child.tag_ != "VBG" or child.i - verb.i not in (1, 2):
        return False
    if child.i - verb.i == 2 and verb.nbor(1).lower_ != "that":
        return False
    return any(c.dep_ == "ccomp" and c.i > child.i and is_finite(c) and any(s.dep_ in SUBJECTS for s in c.children)
               for c in child.children)


def passive_without_agent(verb: Token) -> bool:
    children = {child.dep_ for child in verb.children}
    return "auxpass" in children and "agent" not in children


def negated(verb: Token) -> bool:
    if any(child.dep_ == "neg" for child in verb.children):
        return True
    return any(child.dep_ in SUBJECTS and any(g.dep_ == "neg" or g.lower_ in ("no", "not") for g in child.children)
               for child in verb.children)


#: Tags of a verb form with a tense ("denied", "says", "say", "will"): a finite verb has one, or its auxiliary.
FINITE_TAGS = frozenset("VBD VBZ VBP MD".split())


def is_finite(token: Token) -> bool:
    """A verb with tense of its own ("denied", "has said"), not a participle or infinitive."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ in ("aux", "auxpass"):
        return False
    if token.tag_ in FINITE_TAGS:
        return True
    return any(child.dep_ in ("aux", "auxpass") and child.tag_ in FINITE_TAGS for child in token.children)


def preposition_object(preposition: Token) -> Token | None:
    """The first object of a preposition ("by [the court]"), or None."""
    return next((child for child in preposition.children if child.dep_ == "pobj"), None)


def phrasal_particle(verb: Token) -> Token | None:
    """The particle right after ``verb`` that makes it a verb of saying ("shot [back]"), or None."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is None or following.head != verb or following.dep_ not in ("prt", "advmod", "prep"):
        return None
    if following.dep_ == "prep" and any(child.dep_ == "pobj" for child in following.children):
        return None  # "went on the show": a preposition with its object, not a particle
    return following if f"{verb.lemma_.lower()} {following.lower_}" in PHRASAL_VERBS else None


def cue_text(cue: Token | None) -> str | None:
    """The cue as written: the verb, with its particle ("pointed out") or "according to"."""
    if cue is None:
        return None
    if cue.lower_ == "according":
        return cue.doc[cue.i : cue.i + 2].text
    particles = [c for c in cue.children if c.i == cue.i + 1 and (
        c.dep_ == "prt" or (c.dep_ == "prep" and cue.lemma_ == "call" and c.lower_ in ("on", "for")))]
    if cue.lemma_ == "call" and cue.i + 1 < len(cue.doc) and cue.doc[cue.i + 1].lower_ == "for" and cue.doc[
            cue.i + 1].dep_ == "mark" and cue.doc[cue.i + 1].head.head == cue:
        particles.append(cue.doc[cue.i + 1])  # "called for [the council to act]": "for" parsed as a mark
    if phrasal_particle(cue) is not None:
        particles.append(phrasal_particle(cue))
    return cue.doc[cue.i : cue.i + 2].text if particles else cue.text


def strip(text: str, start: int, end: int) -> tuple[int, int]:
    """``start, end`` moved inside the blanks around ``text[start:end]``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def present(value) -> bool:
    """Not None, NaN or pd.NA."""
    return value is not None and not (isinstance(value, float) and value != value) and value is not pd.NA


# ---------------------------------------------------------------------------------------
# Speech-act tests (kit.quotes.reported)


def picks_out_a_group(verb: Token) -> bool:
    """'Voters who say the economy matters most were divided', 'those who said ...', 'The
    share of drivers saying they want a toll is small': a verb of saying that only picks out a
    part of a poll's people (a restrictive clause on a plural or "those", in a subject) is not
    someone's report."""
    head = verb.head
    if head.pos_ not in ("NOUN", "PRON") or head.ent_type_ or not (head.tag_ == "NNS" or head.lower_ in GROUP_WORDS):
        return False
    if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "these", "this", "that")) for c in head.children):
        return False  # "the nurses who said ...": some people in particular
    if not (head.dep_ in SUBJECTS or (head.dep_ == "pobj" and head.head.head.dep_ in SUBJECTS)):
        return False  # "backlash from groups who say the law is unfair": those groups speak
    if verb.dep_ == "relcl":
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in ("who", "that")]
        return bool(subjects) and subjects[0].i > 0 and verb.doc[subjects[0].i - 1].text != ","
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.i == head.i + 1


#: Pronouns that pick out people by what they do ("those who said ...").
GROUP_WORDS = frozenset("those anyone everyone people".split())


def for_clause(child: Token) -> bool:
    """'calling for [the government to raise the wage]': the parser makes "for" the mark of an
    infinitive clause hung on the verb."""
    return child.dep_ == "advcl" and child.left_edge.lower_ == "for" and child.left_edge.dep_ == "mark"


def call_parts(parts: list[Token]) -> list[Token]:
    """What "call" says: "called for/on ..." asks; "called the plan reckless", "called him a
    liar" judges (an object and a common-noun or adjective complement); "called the plan
    Flyboard Air" only names it (a proper-noun complement)."""
    kept = [part for part in parts if part.dep_ in ("prep", "xcomp", "ccomp") or for_clause(part)]
    judged = [part for part in parts if part.dep_ in ("oprd", "acomp") and part.pos_ in ("ADJ", "NOUN")
              and not any(t.pos_ == "PROPN" or t.is_quote for t in part.subtree)]
    if judged and any(part.dep_ == "dobj" for part in parts):
        kept += judged + [part for part in parts if part.dep_ == "dobj"]
    return kept
