"""Pronouns and the actors they refer to: he/she (the person), it/its (the organization or
country that says it, or the subject of the sentence), they/them/their (whoever says it, the
latest actor subject, or the nearest plural subject naming people or organisations).

:class:`_Pronouns` is mixed into :class:`kit.actors.references._References`, which holds the
article's mentions so far; the functions pick an antecedent from the mentions before a pronoun.
"""

from __future__ import annotations

from kit.actors.words import (
    ANONYMOUS_NOUNS, GROUP_NOUNS, INSTITUTION_NOUNS, ORGANIZATION_DESCRIPTIONS, PLURAL_ANTECEDENT_NOUNS, SPEECH_VERBS,
)
from kit.syntax import HUMAN_NOUNS, PRONOUNS, person_antecedent


class _Pronouns:
    """How a pronoun finds its actor, for :class:`kit.actors.references._References` (which
    gives ``article``, ``doc``, ``mentions``, ``taken``, ``genders`` and ``earlier``)."""

    def pronoun(self, token):
        """he/him/his, she/her: the person (``person_antecedent``); it: the organization or
        country that says it; its: the organization or country subject of the sentence;
        they/them/their: whoever says it, else the latest actor subject of this sentence or the
        one before, else the nearest plural subject naming people or organisations
        (:meth:`plural_subject`), else a plural actor of this sentence or the one before."""
        form = PRONOUNS[token.lower_]
        earlier = self.earlier(token)
        article = self.article
        subject = token.dep_ in ("nsubj", "nsubjpass")
        if token.lower_.endswith(("self", "selves")) or (token.dep_ == "poss" and form in ("it", "they")):
            # "Guaido, who declared himself ...", "The Journal said Russia cut its staff": the
            # subject of the pronoun's own clause, if it is an actor of the right kind.
            kinds = ("person",) if form in ("he", "she") else ("organization", "country", "group", "anonymous") \
                if form == "they" else ("organization", "country")
            antecedent = _clause_subject(token, earlier, kinds)
            if antecedent is not None:
                return antecedent, token.i, token.i + 1, "pronoun"
        if form == "it":
            if subject:  # "The company said it would ...": only the organization or country that says it.
                antecedent = _reporting_subject(token, earlier, kinds=("organization", "country")) \
                    or _governing_subject(article, token, earlier, ("organization", "country")) \
                    or _last_speaker(article, token, earlier, ("organization", "country"))
            elif token.dep_ == "poss":  # "Russia rotated its troops"
                antecedent = _reporting_subject(token, earlier, kinds=("organization", "country"),
                                                sentence_subject=True)
            else:
                antecedent = None  # "it" as an object is most often a thing
        elif form == "they":
            antecedent = (_reporting_subject(token, earlier) or _governing_subject(article, token, earlier, THEY_KINDS)) \
                if subject else None
            if antecedent is None:
                antecedent = _recent_subject(article, token, earlier, THEY_KINDS)
            if antecedent is None:
                found = self.plural_subject(token)
                if found is not None:
                    return found
                sentence = article.sentence_of(token.i)
                earlier = [m for m in earlier if m.get("plural") and article.sentence_of(m["tok_start"]) >= sentence - 1]
                antecedent = earlier[-1] if earlier else None
        else:
            antecedent = person_antecedent(token, self.mentions, genders=self.genders,
                                              in_quote=self.article.in_quote)
            if antecedent is not None:
                self.genders.setdefault(antecedent["name"], form)
        return None if antecedent is None else (antecedent, token.i, token.i + 1, "pronoun")

    def plural_subject(self, token):
        """they/them/their that no speaker or actor subject decides: the nearest plural subject
        of this sentence (before the pronoun) or of the one before, when it names people, a
        group or organisations ("The parents are accused of putting their social life ahead
        ...", "Schools can run their own ..."; a plural noun of ``PLURAL_ANTECEDENT_NOUNS``,
        the group, anonymous, human or organisation nouns), quoted like the pronoun. A nearer
        plural subject that names things ("the prices rose as they ...") or a "they" left
        unresolved stops the search; a "they" resolved so carries the chain ("The terrorists
        ... They think ... They are afraid"). Never a single person, never the subject of the
        pronoun's own verb when the pronoun is its object. A plural subject that is no
        mention yet becomes one (``"new"`` in the returned antecedent)."""
        from kit.actors.references import _description_name  # references imports this module

        doc, article = self.doc, self.article
        sentence = article.sentence_of(token.i)
        first = doc[token.sent.start - 1].sent.start if token.sent.start > 0 else token.sent.start
        in_quote = article.in_quote
        quoted = in_quote(token.idx)
        own_verb = token.head.i if token.dep_ not in ("nsubj", "nsubjpass", "poss") else None
        covering = {i: m for m in self.earlier(token) for i in range(m["tok_start"], m["tok_end"])}
        for t in reversed(doc[first : token.i]):
            if t.dep_ not in ("nsubj", "nsubjpass") or in_quote(t.idx) != quoted:
                continue
            if article.sentence_of(t.i) < sentence - 1:
                break
            m = covering.get(t.i)
            if t.pos_ == "PRON":
                if PRONOUNS.get(t.lower_) != "they":
                    continue
                if m is None or m["how"] != "pronoun" or m["kind"] == "person":
                    return None
                return m, token.i, token.i + 1, "pronoun"
            if t.tag_ not in ("NNS", "NNPS"):
                continue
            if own_verb is not None and t.head.i == own_verb:
                return None  # "The parents hired them": someone else
            if m is not None:
                if m["kind"] == "person" or m["how"] == "pronoun":
                    return None
                return m, token.i, token.i + 1, "pronoun"
            lemma = t.lemma_.lower()
            if not (lemma in PLURAL_ANTECEDENT_NOUNS or t.lower_ in GROUP_NOUNS or lemma in GROUP_NOUNS
                    or lemma in ANONYMOUS_NOUNS or lemma in HUMAN_NOUNS or lemma in ORGANIZATION_DESCRIPTIONS):
                return None  # the nearest plural subject is a thing
            if t.ent_type_ and t.pos_ == "PROPN":
                return None  # a name no rule made a mention of: unsure what it is
            left = t.left_edge.i
            if left < t.i - 3 or any(i in self.taken for i in range(left, t.i + 1)) \
                    or doc[left].pos_ not in ("DET", "ADJ", "NUM", "NOUN", "PROPN"):
                left = t.i
            span = doc[left : t.i + 1]
            kind = "organization" if lemma in ORGANIZATION_DESCRIPTIONS or lemma in INSTITUTION_NOUNS else "group"
            described = dict(tok_start=span.start, tok_end=span.end, name=_description_name(span), kind=kind,
                             how="description", country=None, priority=0, plural=True, head=lemma, generic=True,
                             start=span.start_char, end=span.end_char, new=True)
            return described, token.i, token.i + 1, "pronoun"
        return None


#: What "they" may be when no speaker decides: the latest subject of these kinds (a person is "he" or "she").
THEY_KINDS = ("organization", "country", "group", "anonymous")


def _recent_subject(article, token, earlier: list[dict], kinds, window: int = 1) -> dict | None:
    """The latest subject mention of one of ``kinds`` in the pronoun's sentence (before it) or
    the ``window`` before ("The Church denied this. They also claimed ..."), quoted like the
    pronoun or not, never another pronoun."""
    doc = article.doc
    sentence = article.sentence_of(token.i)
    in_quote = article.in_quote
    quoted = in_quote(token.idx)
    for m in reversed(earlier):
        if article.sentence_of(m["tok_start"]) < sentence - window:
            break
        if m["kind"] not in kinds or m["how"] == "pronoun" or in_quote(doc[m["tok_start"]].idx) != quoted:
            continue
        root = doc[m["tok_start"] : m["tok_end"]].root
        if root.dep_ in ("nsubj", "nsubjpass"):
            if token.dep_ not in ("nsubj", "nsubjpass", "poss") and root.head.i == token.head.i:
                return None  # "NASA did not choose them": not the subject of the pronoun's own verb
            between = doc[m["tok_end"] : token.i]
            if any(t.tag_ in ("NNS", "NNPS") and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr")
                   and t.i not in article.mention_tokens for t in between):
                return None  # "the Navy saved the sailors after they": a nearer plural that is no actor
            return m
    return None


def _governing_subject(article, token, earlier: list[dict], kinds) -> dict | None:
    """The subject of the clause that governs the pronoun's own clause, when the pronoun is the
    subject of a coordinated or adverbial clause ("the museum drew crowds when it exhibited
    ...", "This government is so consumed ... yet they don't seem ..."), unless a noun of the
    pronoun's number that is no actor comes between ("Boeing sold the plant and it closed")."""
    verb = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ not in ("conj", "advcl") or verb.head.i > token.i:
        return None
    tags = ("NNS", "NNPS") if PRONOUNS[token.lower_] == "they" else ("NN", "NNP")
    for child in verb.head.children:
        if child.dep_ not in ("nsubj", "nsubjpass") or child.i >= token.i:
            continue
        found = next((m for m in reversed(earlier) if m["kind"] in kinds and m["how"] != "pronoun"
                      and m["tok_start"] <= child.i < m["tok_end"]), None)
        if found is None or any(t.tag_ in tags and t.i not in article.mention_tokens
                                for t in article.doc[found["tok_end"]:token.i]):
            return None
        return found
    return None


def _last_speaker(article, token, earlier: list[dict], kinds) -> dict | None:
    """ "said KCNA. '...', it added": a pronoun subject of a verb of saying is the latest actor
    of ``kinds`` that said something, in this sentence or the one before, if no one else spoke since."""
    if token.head.lemma_ not in SPEECH_VERBS:
        return None
    doc = article.doc
    sentence = article.sentence_of(token.i)
    for m in reversed(earlier):
        if article.sentence_of(m["tok_start"]) < sentence - 1:
            break
        root = doc[m["tok_start"]:m["tok_end"]].root
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in SPEECH_VERBS:
            return m if m["kind"] in kinds and m["how"] != "pronoun" else None
    return None


def _clause_subject(token, earlier: list[dict], kinds) -> dict | None:
    """The mention that is the subject of the pronoun's own clause ("Russia has cut its staff":
    Russia; "Guaido, who declared himself president": Guaido, through the relative pronoun)."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass") or child.i >= token.i:
            continue
        subject = child
        if subject.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
            subject = verb.head
        for m in reversed(earlier):
            if m["kind"] in kinds and m["tok_start"] <= subject.i < m["tok_end"] and m["how"] != "pronoun":
                return m
    return None


def _reporting_subject(token, earlier: list[dict], kinds=("organization", "group", "anonymous", "country"),
                       sentence_subject: bool = False) -> dict | None:
    """ "Thames Valley Police said they had arrested...": "they" is whoever says it.
    With ``sentence_subject``, also the subject of the sentence's main verb ("Russia
    rotated ... as its government said")."""
    verb = token.head
    while token.dep_ == "poss" and verb.dep_ not in ("ccomp", "ROOT") and verb.head is not verb:
        verb = verb.head  # "its government said": from the possessor up to the reported clause
    if verb.dep_ == "ccomp" and verb.head.lemma_ in SPEECH_VERBS:
        speaker_verb = verb.head
    elif sentence_subject:
        speaker_verb = token.sent.root
    else:
        return None
    subjects = [child.i for child in speaker_verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    for m in reversed(earlier):
        if m["kind"] in kinds and any(m["tok_start"] <= i < m["tok_end"] for i in subjects):
            return m
    return None
