"""What the actors and the quotes read alike from spaCy's parse: who a pronoun is, which
gender the text gives a person, which stretches of text are quoted, and the word classes
(subjects, pronouns, verbs of saying) both rely on. One definition each, here.

- :func:`person_antecedent`: the person a he/she/him/his/her refers to (the mentions use
  it for pronouns, the quotes for pronoun speakers);
- :func:`genders_from_honorifics`: "Mr Smith" is he, "his wife Mary Smith" she;
- :func:`inside_quotes`: is a character inside a quoted stretch (``kit.quotemarks``)?

The word lists are data files of :mod:`kit.lexicon` (``speech_verbs``, ``governing_nouns``,
``human_nouns``, ``gendered_nouns``, ``honorifics``, ``third_person_pronouns``).

>>> PRONOUN_GENDER["his"], sorted(PERSON_PRONOUNS)[:3]
('he', ['he', 'her', 'hers'])
"""

from __future__ import annotations

import bisect
import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported where a Doc is worked on, not when kit.syntax is (a cached report)
    from spacy.tokens import Doc

from kit import lexicon
from kit.nlp import text_of

# --- word classes, one definition each ---------------------------------------------------

#: Dependency labels of a clause's subject (the agent of a passive included: "was said by X").
SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass", "agent", "csubj"))
#: Lemmas of verbs of saying ("'X,' she said", "a source said").
SPEECH_VERBS = lexicon.words("speech_verbs")
#: Nouns that speak for their owner: "his government said" is the man's, so is "his campaign said".
GOVERNING_NOUNS = lexicon.words("governing_nouns")
#: Those that also stand for their owner as an actor ("his government", not "his campaign").
OWNER_NOUNS = frozenset(word for word, how in lexicon.mapping("governing_nouns").items() if how == "owner")
#: Third-person pronouns -> the subject form that names their person and number
#: ("him" -> "he", "its" -> "it", "their" -> "they").
PRONOUNS = lexicon.mapping("third_person_pronouns")
#: The gender each personal third-person pronoun asks of its antecedent (named by its subject form).
PRONOUN_GENDER = {word: form for word, form in PRONOUNS.items() if form in ("he", "she")}
#: Pronouns that only a person can be (he, him, his, she, her, ...).
PERSON_PRONOUNS = frozenset(PRONOUN_GENDER)
#: Pronouns of groups, organizations and countries (it, its, they, them, their, ...).
NONPERSON_PRONOUNS = frozenset(word for word, form in PRONOUNS.items() if form in ("it", "they"))
#: Honorifics before a name and the gender they give ("Mr" -> he).
HONORIFICS = lexicon.mapping("honorifics")
#: Nouns that say a person's gender when they name them ("his wife Manju Sam", "actress Jane Fonda").
GENDERED_NOUNS = lexicon.mapping("gendered_nouns")
#: Given names that nearly always name a man or a woman ("mario" -> he), from nomquamgender's data.
GIVEN_NAMES = lexicon.mapping("actors_given_names")
#: Nouns of unnamed people: when the nearest subject is one ("a scientist has ... he"), the
#: pronoun is that unnamed person, not a named one further back.
HUMAN_NOUNS = lexicon.words("human_nouns")
#: How many sentences before the pronoun's own a person antecedent is looked for as a subject.
PRONOUN_WINDOW_SENTENCES = 4
#: How many sentences before the pronoun's own the latest person named in any role is looked for.
RECENT_WINDOW_SENTENCES = 2


# --- gender the text gives ----------------------------------------------------------------


def genders_from_honorifics(doc: Doc, mentions: list[dict]) -> dict[str, str]:
    """The gender evidence the text itself gives, keyed by the mention's ``name`` (else
    ``actor_id``): an honorific ("Mr Smith" is he, "Ms Jones" she) or a gendered noun
    before or beside the name ("his wife Manju Sam", "actress Jane Fonda", "Gloria, their
    daughter"). Mentions need character ``start`` offsets.

    Failing the text, a full name's first word that nearly always names a man or a woman
    (``actors_given_names``: drawn from the MIT-licensed data of nomquamgender, which the
    kit does not need at run time; gender-guesser is GPL) gives the gender.

    >>> from kit.nlp import load_model
    >>> doc = load_model()("Ms Ann Jones met John Smith and his wife Mary Smith.")
    >>> genders_from_honorifics(doc, [{"start": 3, "end": 12, "name": "Ann Jones", "kind": "person"},
    ...                               {"start": 40, "end": 50, "name": "Mary Smith", "kind": "person"}])
    {'Ann Jones': 'she', 'Mary Smith': 'she'}
    """
    genders: dict[str, str] = {}
    for m in mentions:
        if m.get("kind") != "person" or m.get("how") in ("pronoun", "description"):
            continue
        span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
        if span is None:
            continue
        found = HONORIFICS.get(doc[span.start - 1].lower_) if span.start > 0 else None
        if found is None:
            # "his wife Mary", "actress Jane Fonda": a noun just before, or the noun in apposition
            nouns = [doc[i] for i in range(max(0, span.start - 2), span.start)]
            root = span.root
            nouns += [root.head] if root.dep_ == "appos" else []
            nouns += [c for c in root.children if c.dep_ == "appos"]
            found = next((GENDERED_NOUNS[t.lower_] for t in nouns if t.lower_ in GENDERED_NOUNS), None)
        if found:
            genders.setdefault(m.get("name") or m.get("actor_id"), found)
    for m in mentions:  # failing the text's word, a given name that nearly always names a man or a woman
        name = m.get("name") or ""
        if m.get("kind") == "person" and m.get("how") not in ("pronoun", "description") and " " in name:
            found = GIVEN_NAMES.get(name.split()[0].lower())
            if found:
                genders.setdefault(name, found)
    return genders


# --- quoted stretches -----------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def quoted_stretches(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """The ``(start, end)`` character spans of the quotes in ``text``, sorted, and their starts.

    >>> quoted_stretches('He said "no" twice.')
    ([9], [(9, 11)])
    """
    from kit.quotemarks import find_quote_spans

    spans = sorted((q.start, q.end) for q in find_quote_spans(text))
    return [start for start, _ in spans], spans


def inside_quotes(text: str):
    """A function telling whether a character offset of ``text`` lies inside a quote.

    >>> inside = inside_quotes('He said "no" twice.')
    >>> inside(9), inside(15)
    (True, False)
    """
    starts, spans = quoted_stretches(text)

    def inside(char: int) -> bool:
        position = bisect.bisect_right(starts, char) - 1
        return position >= 0 and spans[position][0] <= char < spans[position][1]

    return inside


# --- the person a pronoun refers to ------------------------------------------------------


def person_antecedent(pronoun, mentions: list[dict], *, genders: dict[str, str] | None = None,
                      in_quote=None, window: int = PRONOUN_WINDOW_SENTENCES) -> dict | None:
    """The person a he/she/him/his/her refers to, or None: the one rule the actors and the
    quotes (their speakers) share.

    ``mentions`` are mention rows of the pronoun's Doc with character ``start``/``end``,
    ``kind``, ``how`` and ``name`` or ``actor_id``, in text order. The antecedent is:

    1. the nearest earlier grammatical subject naming a person, within this sentence and
       the ``window`` before it: first the subject of a main verb ("Ms Jones said Smith had
       called. She ..." is Ms Jones), then any subject. A name inside "by X" or "with X" is
       no subject ("She was attacked by X. She told ..." is not X); a subject pronoun carries
       the chain further back; the subject of the pronoun's own verb cannot be its object
       ("Smith praised him" is not Smith). Outside quotes, subjects inside quotes do not
       count; inside a quote, the one who says it does not ("Stan said, 'When he was
       winning'" is not Stan). When the nearest subject is an unnamed person ("a scientist
       has ... he"), there is no named antecedent: None. Before all that, an object or
       possessive pronoun whose clause has a subject that names no one takes that subject's
       possessor ("Thomas' sister pleaded with him" is Thomas). A subject that is a thing
       stands for its possessor ("Gloria's eczema was so severe that her skin ..."); a
       pronoun of the same gender already resolved earlier in the sentence, before any
       subject, carries the chain ("... pleaded with him, but he replied");
    2. failing that, the latest person named in any role in this sentence or the two before
       ("Thomas Jefferson. He was ..."), not the subject of the pronoun's own verb when it is
       its object, nor, for a quoted pronoun, the one who says the quote; else None (the topic
       person is no longer guessed: it was right one time in three on GUM).

    Never an organization or a country. ``genders`` (name -> "he"/"she") skips people known
    to be the other gender (by default from ``genders_from_honorifics``); ``in_quote(char)``
    tells which characters are quoted (by default from ``kit.quotemarks``).

    >>> from kit.nlp import load_model
    >>> doc = load_model()("Mayor Ann Lee was attacked by John Smith. She said the city would recover.")
    >>> rows = [{"start": 6, "end": 13, "name": "Ann Lee", "kind": "person", "how": "name"},
    ...         {"start": 30, "end": 40, "name": "John Smith", "kind": "person", "how": "name"}]
    >>> person_antecedent(doc[9], rows)["name"]
    'Ann Lee'
    """
    gender = PRONOUN_GENDER.get(pronoun.lower_)
    if gender is None:
        return None
    if genders is None:
        genders = genders_from_honorifics(pronoun.doc, mentions)
    if in_quote is None:
        in_quote = inside_quotes(text_of(pronoun.doc))
    resolver = _PersonResolver(pronoun, mentions, genders, in_quote, gender)
    found = resolver.subject(window)
    if found is not _NOT_FOUND:
        return found
    found = resolver.recent(RECENT_WINDOW_SENTENCES)
    return None if found is _NOT_FOUND else found


_NOT_FOUND = object()


class _PersonResolver:
    """The lookups :func:`person_antecedent` makes for one pronoun."""

    def __init__(self, pronoun, mentions, genders, in_quote, gender):
        self.pronoun, self.mentions, self.genders = pronoun, mentions, genders
        self.in_quote, self.gender = in_quote, gender
        self.starts = [m["start"] for m in mentions]

    @staticmethod
    def key(m):
        return m.get("name") or m.get("actor_id")

    def fits(self, m) -> bool:
        return (m is not None and m.get("kind") == "person" and m.get("how") != "pronoun"
                and self.genders.get(self.key(m), self.gender) == self.gender)

    def covering(self, token):
        position = bisect.bisect_right(self.starts, token.idx)
        for m in reversed(self.mentions[max(0, position - 12) : position]):
            if m["start"] <= token.idx < m["end"]:
                return m
        return None

    def subject(self, window: int):
        """Rule 1: the nearest earlier subject naming a person; None for an unnamed person;
        ``_NOT_FOUND`` when no subject decides."""
        pronoun, doc = self.pronoun, self.pronoun.doc
        quoted_pronoun = self.in_quote(pronoun.idx)
        sentence = pronoun.sent
        for _ in range(window):
            if sentence.start == 0:
                break
            sentence = doc[sentence.start - 1].sent
        # "Smith praised him": the subject of the pronoun's own verb is someone else.
        verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
        own_subjects = {c.i for c in verb.children if c.dep_ in SUBJECT_DEPS} if pronoun.dep_ not in SUBJECT_DEPS else set()
        # "Thomas' sister pleaded with him", "Warhol's adoption revealed his": the subject's
        # possessor, when the subject itself is no person (binding keeps the subject out).
        clause = verb
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        clause_subjects = own_subjects if pronoun.dep_ != "poss" else {
            c.i for c in clause.children if c.dep_ in SUBJECT_DEPS and c.i < pronoun.i}
        for i in sorted(clause_subjects):
            if self.covering(doc[i]) is None:
                owner = next((self.covering(c) for c in doc[i].children if c.dep_ == "poss"), None)
                if self.fits(owner) and not (self.in_quote(owner["start"]) and not quoted_pronoun):
                    return owner
        subjects = []
        for token in reversed(doc[sentence.start : pronoun.i]):
            is_subject = token.dep_ in ("nsubj", "nsubjpass") or (
                token.dep_ == "attr" and any(c.dep_ == "expl" for c in token.head.children)  # "There was a woman"
            ) or (token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according")
            if token.pos_ == "PRON" and not subjects and token.i >= pronoun.sent.start and token.i not in own_subjects \
                    and PRONOUN_GENDER.get(token.lower_) == self.gender and not token.lower_.endswith("self"):
                # "his sister pleaded with him, but he replied": the same person, already resolved
                m = self.covering(token)
                if m is not None and m.get("how") == "pronoun" and self.in_quote(token.idx) == quoted_pronoun:
                    return m
            if not is_subject or token.pos_ == "PRON" or token.i in own_subjects:
                continue
            quoted = self.in_quote(token.idx)
            if quoted and not quoted_pronoun:
                continue
            if quoted_pronoun and not quoted and token.head.lemma_ in SPEECH_VERBS:
                continue  # the speaker calls themself "I"
            m = self.covering(token)
            if not self.fits(m):  # "The Labour leader, Jeremy Corbyn, said": the name beside the title
                nouns = [token, *(c for c in token.children if c.dep_ == "conj")]  # "her ex-husband and father, X"
                m = next((self.covering(a) for n in nouns for a in n.children
                          if a.dep_ == "appos" and self.fits(self.covering(a))), m)
            if m is None and token.pos_ == "NOUN" and token.lemma_.lower() not in HUMAN_NOUNS:
                # "Gloria's eczema was so severe that her skin ...": the possessor of a subject that is no one
                m = next((self.covering(c) for c in token.children
                          if c.dep_ == "poss" and self.fits(self.covering(c))), None)
            if m is None and token.pos_ == "NOUN" and token.lemma_.lower() in HUMAN_NOUNS \
                    and GENDERED_NOUNS.get(token.lemma_.lower(), self.gender) == self.gender and not subjects:
                return None  # "a scientist has ... he": an unnamed person
            if self.fits(m):
                subjects.append((token, self.known_partner(token, m)))
        for token, m in subjects:
            verb = token.head.head.head if token.dep_ == "pobj" else token.head  # "According to X, ..."
            if verb.dep_ == "ROOT":
                return m
        return subjects[0][1] if subjects else _NOT_FOUND

    def known_partner(self, token, m):
        """ "Thomas Sam and his wife Manju Sam": of two people, the one known to be of this gender."""
        conjuncts = [c for c in token.children if c.dep_ == "conj"]
        partners = [self.covering(t) for c in conjuncts for t in [c, *(a for a in c.children if a.dep_ == "appos")]]
        known = [p for p in [m] + partners if self.fits(p) and self.genders.get(self.key(p)) == self.gender]
        return known[0] if known else m

    def recent(self, window: int):
        """Rule 2: the latest person named in this sentence or the ``window`` before it, in
        any role ("Thomas Jefferson. He was ..."), but not the subject of the pronoun's own
        verb when the pronoun is its object ("Smith praised him"): the latest known to be of
        the pronoun's gender, else the latest of unknown gender; ``_NOT_FOUND`` if none."""
        pronoun, doc = self.pronoun, self.pronoun.doc
        sentence = pronoun.sent
        for _ in range(window):
            if sentence.start == 0:
                break
            sentence = doc[sentence.start - 1].sent
        first = sentence.start_char
        quoted_pronoun = self.in_quote(pronoun.idx)
        verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
        own = set()
        if pronoun.dep_ not in SUBJECT_DEPS and pronoun.dep_ != "poss" and not pronoun.lower_.endswith("self"):
            own = {t.i for c in verb.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
        position = bisect.bisect_left(self.starts, pronoun.idx)
        unknown = _NOT_FOUND
        for m in reversed(self.mentions[:position]):
            if m["start"] < first:
                break
            chained = m.get("how") == "pronoun" and self.fits(dict(m, how="name")) and m["start"] >= pronoun.sent.start_char
            if not (self.fits(m) or chained) or (self.in_quote(m["start"]) and not quoted_pronoun):
                continue
            if quoted_pronoun and not self.in_quote(m["start"]) and self.says_something(m):
                continue  # "Stan remarked, 'until he is irrelevant'": the speaker says I
            span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
            if span is not None and own.intersection(range(span.start, span.end)):
                continue
            if self.genders.get(self.key(m)) == self.gender:
                return m
            if unknown is _NOT_FOUND:
                unknown = m  # of unknown gender: only if no one known to be of this gender is named
        return unknown

    def says_something(self, m) -> bool:
        """Is this mention the subject of a verb of saying?"""
        span = self.pronoun.doc.char_span(m["start"], m["end"], alignment_mode="expand")
        return span is not None and span.root.dep_ in SUBJECT_DEPS and span.root.head.lemma_ in SPEECH_VERBS
