"""Find, reported speech: forms of reported clauses the parse hides, beside :mod:`kit.quotes.clauses`.

A cue set off by commas inside the sentence it reports, however the parser hangs it ("Voters,
Clinton suggested, need not worry"); a clause of a subject and an auxiliary alone ("said she
would"); a gerund subject the parser takes for the cue's object ("who said raising the fee
was unfair"); a relative pronoun that is what a relative clause of saying says ("the
allegations, which he denies"); and :func:`clause_span`, the character span of a clause's
tokens. Each returns a character span, or None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: spaCy is not imported with kit.quotes (a cached report's charts)
    from spacy.tokens import Token

from kit import lexicon
from kit.quotes.article import FINITE_TAGS, RELATIVE_PRONOUNS, SUBJECTS, Article, is_finite

#: Verbs whose object is the hearer, not the start of the reported clause ("told reporters ...").
HEARER_VERBS = frozenset("tell inform assure advise warn brief".split())

#: Marks that set off an interrupting cue.
DASHES = (",", "—", "–")

#: How the parser hangs a cue set off by commas inside the sentence it reports.
SET_OFF_DEPS = frozenset("ROOT parataxis ccomp advcl conj dep".split())


def set_off_phrase(article: Article, verb: Token) -> tuple[int, int] | None:
    """'Voters, Clinton suggested, need not worry.', 'If she wins, Roe wrote in a post, nurses
    will get a raise.', 'With each loss, his backers admit, it gets harder.': a cue with its
    subject, and after it only where, when or to whom it was said ("told the Post", "wrote in a
    post", "said Friday"), set off by commas inside a sentence with words before it and a verb
    with a tense after it (outside quote marks), however the parser hangs the cue (on the next
    verb as a clause, on the first words, or as the root). The row is the whole sentence, the
    cue inside it."""
    if verb.dep_ not in SET_OFF_DEPS:
        return None
    doc = article.doc
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i]
    if not subjects or subjects[-1].lower_ in RELATIVE_PRONOUNS:
        return None
    own = {t.i for t in verb.subtree}
    first = subjects[-1].left_edge.i
    last = verb.i
    while last + 1 in own and doc[last + 1].text not in DASHES and not doc[last + 1].is_space:
        last += 1
    if not all(setting(verb, c) for c in verb.children if verb.i < c.i <= last):
        return None  # "announced four votes, ...", "agreed with ...": the cue says what was said
    if first == 0 or last + 1 >= len(doc) or any(i not in own for i in range(first, last + 1)):
        return None
    if doc[first - 1].text not in DASHES or any(
            t.text in DASHES or t.pos_ in ("VERB", "AUX") and t.i != verb.i and t.dep_ not in ("aux", "neg")
            for t in doc[first : last + 1]):
        return None
    sentence = article.sents[article.sentence_index(verb.i)]
    paragraph = article.paragraph_of(verb.idx)  # the parser sometimes runs a sentence over a line break
    tokens = [t for t in doc[sentence.start : sentence.end] if article.paragraph_of(t.idx) == paragraph]
    if doc[last + 1].text in (".", "!", "?") and all(t.is_punct or t.is_space for t in tokens if t.i > last):
        return closing_cue(article, [t for t in tokens if t.i < first - 1])
    if doc[last + 1].text not in DASHES:
        return None
    if last + 2 < len(doc) and article.in_quote(doc[last + 2].idx):
        return None  # 'a woman shouted, "Ohio," and ...': the quote after the comma is what the cue says
    if not any(t.is_alpha for t in tokens if t.i < first - 1):
        return None
    if not any(t.pos_ in ("VERB", "AUX") and t.tag_ in FINITE_TAGS and not article.in_quote(t.idx)
               for t in tokens if t.i > last + 1):
        return None  # "..., including, she said, "landlords who cheat"": no clause of the writer's after the cue
    return clause_span(tokens)


def closing_cue(article: Article, tokens: list[Token]) -> tuple[int, int] | None:
    """'As the rally began, a girl outside was sprayed by a bystander, police said.': a cue and its
    subject after a comma closing the sentence, which the parser hangs on a clause of the words
    before it; those words are the report when they hold a verb with a tense and no quote marks
    (a quote before the cue is a row of its own)."""
    if not any(t.pos_ in ("VERB", "AUX") and t.tag_ in FINITE_TAGS for t in tokens):
        return None
    if any(article.in_quote(t.idx) for t in tokens):
        return None
    return clause_span(tokens)


#: Prepositions that say where, when or how something was said, not what ("wrote in a post").
SETTING_PREPOSITIONS = lexicon.words("quotes_clause_setting_prepositions")


#: What "tell" tells when it is its object ("told the story of ..."): not a hearer.
TOLD = lexicon.words("quotes_reported_told_nouns")


def setting(verb: Token, child: Token) -> bool:
    """Whether a dependent after a cue says where, when or to whom it was said ("in a tweet",
    "on Friday", "this week", "later", "told the Post"), not what."""
    if child.dep_ in ("npadvmod", "advmod"):
        return True
    if child.dep_ == "prep":
        return child.lower_ in SETTING_PREPOSITIONS
    return child.dep_ in ("dobj", "dative") and verb.lemma_ in HEARER_VERBS and child.lemma_.lower() not in TOLD


def elliptical(child: Token, tokens: list[Token]) -> tuple[int, int] | None:
    """'She said she would.', 'They said it does.', 'He said that the firm had not.': a reported
    clause of a subject and an auxiliary alone, its verb left out (it stands for a clause said
    before); too short for :func:`clause_span`, it is still the report."""
    if child.pos_ != "AUX" and child.tag_ != "MD" or child.tag_ not in FINITE_TAGS:
        return None
    subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < child.i]
    rest = [t for t in tokens if not t.is_punct and t.i > child.i]
    if len(subjects) != 1 or any(t.dep_ != "neg" or t.head != child for t in rest):
        return None
    if any(t.i < child.i and not t.is_punct and t not in subjects[0].subtree for t in tokens):
        return None
    last = rest[-1] if rest else child
    return tokens[0].idx, last.idx + len(last)


def gerund_clause(child: Token) -> bool:
    """'said that wiping out the week burdened voters' parsed as 'said wiping' with 'burdened' hung
    on the gerund: a gerund with a finite clausal complement after it (the gerund its subject)."""
    return child.tag_ == "VBG" and any(c.dep_ == "ccomp" and c.i > child.i and is_finite(c) for c in child.children)


def gerund_subject(article: Article, verb: Token) -> tuple[int, int] | None:
    """'said having Trump on the ticket puts seats at risk', 'who said raising the fee was
    unfair', 'saying renaming the tax will change nothing': a gerund right after
    the verb (or its "that") that the parser takes for the verb's object, with the verb of the
    clause it is the subject of hung on the gerund or right after the gerund's phrase; the
    report is the gerund phrase and that verb's clause."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return None
    doc = article.doc
    for child in verb.children:
        if child.dep_ != "xcomp" or child.tag_ != "VBG" or child.left_edge.i != verb.i + 1:
            continue
        sentence = article.sentence_index(verb.i)
        if gerund_clause(child):
            return clause_span([t for t in child.subtree if article.sentence_index(t.i) == sentence])
        after = child.right_edge.i + 1
        if after >= len(doc) or article.sentence_index(after) != sentence:
            return None
        finite = doc[after]
        if finite.pos_ not in ("VERB", "AUX") or finite.tag_ not in FINITE_TAGS:
            return None
        clause = finite.head if finite.dep_ in ("aux", "auxpass") else finite
        paragraph = article.paragraph_of(verb.idx)
        tokens = [t for t in doc[child.i : clause.right_edge.i + 1]
                  if article.sentence_index(t.i) == sentence and article.paragraph_of(t.idx) == paragraph]
        return clause_span(tokens)
    return None


#: Relative pronouns that stand for what a verb of saying says ("the claims, which he denies");
#: not "that", too often another clause's ("the day that she said ...").
OBJECT_PRONOUNS = frozenset("which whom".split())


def relative_object(article: Article, verb: Token) -> tuple[int, int] | None:
    """'the allegations, which Ailes denies', 'a plan, which Roe proposed in May': a relative clause
    of saying whose object is the relative pronoun before its subject; the report is the pronoun
    (it stands for the noun described), the speaker the clause's subject."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN", "PRON") or verb.head.i > verb.i:
        return None
    children = list(verb.children)
    if any(c.dep_ in ("ccomp", "xcomp", "agent", "nsubjpass", "dative", "attr", "oprd", "acomp", "mark") for c in children):
        return None  # "which, as Roe noted, ...": an aside, not the relative clause's verb
    if any(c.dep_ == "prep" and c.i > verb.i and c.lower_ not in SETTING_PREPOSITIONS for c in children):
        return None  # "the group he warned about": what the preposition's object is
    if not any(c.dep_ == "nsubj" and c.i < verb.i and c.lower_ not in RELATIVE_PRONOUNS for c in children):
        return None  # "officials who said ...": the pronoun is who speaks
    objects = [c for c in children if c.dep_ == "dobj"]
    if len(objects) != 1 or objects[0].i > verb.i or objects[0].lower_ not in OBJECT_PRONOUNS:
        return None  # a gap ("the day he said ...") is too often no object of saying
    return objects[0].idx, objects[0].idx + len(objects[0])


def clause_span(tokens: list[Token], need_verb: bool = True) -> tuple[int, int] | None:
    """Character span of a clause's tokens, trimmed of punctuation and conjunctions at its
    ends; None for fewer than three tokens or (``need_verb``) no verb."""
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].dep_ == "cc"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    if len(tokens) < (3 if need_verb else 2) or (need_verb and not any(t.pos_ in ("VERB", "AUX") for t in tokens)):
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
