"""Find, reported speech under a noun: "his warning that the city would run out of money",
"Okafor's call for a national inquiry", "calls from her rivals to break up the banks".

The noun is a speech act (``kit/lexicon/quotes_speech_nouns.txt``, ``quotes_noun_*.txt``); its
speaker is its owner (a possessive, or "by" / "from" someone, or an organisation's name before
it: "the DOJ demand that ...", or the subject of a light verb: "she made no mention of ...");
its content is a that-clause, an infinitive, (for requests) what "for" brings, or (for
comments, remarks, mentions ...) an "about" / "on" / "of" phrase ("his remarks about the
pension fund"). A noun without an owner ("the claim that ...") gives nothing: nobody is said to say it.

>>> from kit.quotes import find_quotes
>>> from kit.nlp import load_model
>>> doc = load_model()("Other mayors joined Okafor's call for a national inquiry.")
>>> [(r["text"], r["kind"], r["speaker"], r["cue"]) for r in find_quotes(doc, [])]
[('a national inquiry', 'indirect', 'Okafor', 'call for')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: spaCy is not imported with kit.quotes (a cached report's charts)
    from spacy.tokens import Token

from kit import lexicon
from kit.quotes.article import CUE_VERBS, INDIRECT_VERBS, SUBJECTS, is_finite, preposition_object

#: Those whose content "about" / "on" brings ("his remarks about the budget").
TOPIC_NOUNS = lexicon.words("quotes_noun_topic_nouns")
#: Those whose content "of" brings ("made no mention of the deficit", "her praise of the crews").
OF_NOUNS = lexicon.words("quotes_noun_of_nouns")
#: Nouns of speech acts ("his claim that ...", "a call for ...", "her comments on ...").
SPEECH_NOUNS = lexicon.words("quotes_speech_nouns") | lexicon.words("quotes_noun_speech_nouns") | TOPIC_NOUNS | OF_NOUNS
#: Verbs whose subject makes the speech act their object names ("she made a promise to ...").
LIGHT_VERBS = lexicon.words("quotes_noun_light_verbs")
#: Those whose content "for" can bring ("a call for an inquiry", "a plea for calm").
REQUEST_NOUNS = frozenset("call demand plea appeal request".split())
#: Those whose content an infinitive can bring ("his promise to cut taxes").
INFINITIVE_NOUNS = REQUEST_NOUNS | lexicon.words("quotes_noun_infinitive_nouns")
#: Verbs of saying: a speech noun inside the clause one reports is that report's words.
SAYING_VERBS = CUE_VERBS | INDIRECT_VERBS


def owner(noun: Token) -> Token | None:
    """Who makes the speech act the noun names: its possessive, its "by" / "from" object, a
    name before it, or the subject of a light verb it is the object of ("the mayor made no
    mention of the deficit", "the agency issued a warning that ..."); None when the text does
    not say."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        maker = preposition_object(child) if child.dep_ == "prep" and child.lower_ in ("by", "from") and child.i > noun.i else None
        if maker is not None:
            return maker
    for child in noun.children:
        if child.dep_ == "compound" and child.i == noun.i - 1 and child.ent_type_ in ("ORG", "PERSON", "NORP", "GPE"):
            return child
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS:
        subjects = [c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0]
    for child in noun.children:  # "the boldest promise Okafor has made is that ..."
        if child.dep_ == "relcl" and child.lemma_.lower() in LIGHT_VERBS:
            subjects = [c for c in child.children if c.dep_ == "nsubj" and c.lower_ not in ("that", "which", "who")]
            if subjects:
                return subjects[0]
    return None


def content_of(noun: Token) -> list[Token] | None:
    """The tokens of what the noun says (without an opening "that" or "for"; with an opening
    "about", "on" or "of": "his remarks about the budget" says "about the budget"), or None."""
    lemma = noun.lemma_.lower()
    for child in noun.children:
        if child.i < noun.i:
            continue
        if child.dep_ in ("acl", "ccomp", "relcl", "appos") and is_finite(child) and any(
                c.dep_ == "mark" and c.lower_ == "that" and c.i < child.i for c in child.children) and any(
                c.dep_ in SUBJECTS for c in child.children):
            return [t for t in child.subtree if not (t.dep_ == "mark" and t.lower_ == "that" and t.head == child)]
        if lemma in INFINITIVE_NOUNS and child.dep_ == "acl" and child.tag_ == "VB" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return list(child.subtree)
        requested = preposition_object(child) if lemma in REQUEST_NOUNS and child.dep_ == "prep" and child.lower_ == "for" else None
        if requested is not None:
            return list(requested.subtree)
        if child.dep_ == "prep" and (child.lower_ in ("about", "on") and lemma in TOPIC_NOUNS or (
                child.lower_ == "of" and lemma in OF_NOUNS)):
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects and _topic_reported(noun, objects[0]):
                return [child, *objects[0].subtree]
    return _that_after(noun) or _that_predicate(noun)


def _that_predicate(noun: Token) -> list[Token] | None:
    """'The senator's main claim is that the audit was rigged': a speech noun that is the
    subject of "be" says the that-clause "be" takes."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_ != "be":
        return None
    for clause in verb.children:
        if clause.dep_ == "ccomp" and clause.i > verb.i and is_finite(clause) and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) and any(
                c.dep_ in SUBJECTS for c in clause.children):
            return [t for t in clause.subtree if not (t.dep_ == "mark" and t.lower_ == "that" and t.head == clause)]
    return None


def _topic_reported(noun: Token, topic: Token) -> bool:
    """Whether a speech noun's "about" / "on" / "of" phrase is a report of its own: not a date
    ("her remarks on Monday"), nor when the noun is the object of a verb other than a light one
    ("the senator condemned the mayor's remarks about the police": the senator's report holds
    it). (Inside the clause a verb of saying reports, no noun reports: :func:`noun_report`.)"""
    if topic.ent_type_ in ("DATE", "TIME"):
        return False
    return not (noun.dep_ in ("dobj", "nsubjpass", "oprd") and noun.head.lemma_.lower() not in LIGHT_VERBS)


def _that_after(noun: Token) -> list[Token] | None:
    """'faced a backlash over his warning that the city would ...': the parser hangs the
    that-clause on the sentence's verb; a "that" right after the noun's phrase opens its content
    (not when the clause is a verb of saying's own report)."""
    doc = noun.doc
    after = noun.right_edge.i + 1
    if after < len(doc) and doc[after].text == ",":
        after += 1
    if after >= len(doc) or doc[after].lower_ != "that" or doc[after].dep_ != "mark":
        return None
    clause = doc[after].head
    if not is_finite(clause) or clause.i < after or not any(c.dep_ in SUBJECTS for c in clause.children):
        return None
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in CUE_VERBS | INDIRECT_VERBS:
        return None  # "said in his statement that ...": the verb's report
    return list(doc[after + 1 : clause.right_edge.i + 1])


def noun_report(noun: Token) -> tuple[list[Token], Token] | None:
    """(content tokens, speaker head) of a speech-act noun, or None."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in SPEECH_NOUNS:
        return None
    speaker = owner(noun)
    if speaker is None:
        return None
    content = content_of(noun)
    if content and _inside_a_report(noun):
        return None
    return (content, speaker) if content else None


def _inside_a_report(noun: Token) -> bool:
    """'Roe said the mayor's claim that the audit was rigged had no basis': a speech noun inside
    the clause a verb of saying reports, or its object, is that speaker's words, not a report of
    its own (the annotators give the outer speaker the whole clause)."""
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in SAYING_VERBS:
        return True  # "Roe criticized the mayor's claim that ...": Roe's report holds it
    return any(ancestor.dep_ == "ccomp" and ancestor.head.lemma_.lower() in SAYING_VERBS for ancestor in noun.ancestors)
