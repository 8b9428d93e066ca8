"""Find, reported speech: how far the clause a verb of saying reports runs, from the parse.

The rules that decide a reported clause's extent: the complement ("said [that] X ...") and
where it stops (before a cue or quote hung on its end, inside the cue's paragraph); the
clause a cue follows or interrupts ("X, the newspaper said", "The deal, he said, would
collapse"); relative clauses ("which he said would cost ..."); "as" phrases ("As the Globe
reported, ..."); questions ("was asked whether ...", "asked workers if ..."); and short
answers ("said no", "said the same"). Each returns a character span, or None. Forms the parse
hides (a cue set off inside the sentence, an auxiliary alone, a gerund subject) are in
:mod:`kit.quotes.clause_forms`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: spaCy is not imported with kit.quotes (a cached report's charts)
    from spacy.tokens import Token

from kit.quotes.article import (
    ASKING_VERBS, QUESTION_WORDS, RELATIVE_PRONOUNS, SUBJECTS, Article, gerund_subject_clause, is_finite, misparsed_complement,
)
from kit.quotes.clause_forms import (
    DASHES, HEARER_VERBS, clause_span, elliptical, gerund_clause, gerund_subject, relative_object, set_off_phrase,
)

#: Verbs that report a question besides the asking ones ("explained how ...").
QUESTION_REPORTING = ASKING_VERBS | frozenset("explain describe reveal tell".split())

#: Wh-words that open a free relative whose clause a verb of saying reports ("what she said was a sign").
FREE_RELATIVES = frozenset("what whatever".split())

#: Answers that stand for a clause said before ("said no", "said so") and the verbs they follow.
SHORT_ANSWERS = frozenset("yes no so".split())
SHORT_ANSWER_VERBS = frozenset("say answer reply respond".split())


def reported_clause(article: Article, verb: Token) -> tuple[int, int] | None:
    """Character span of what ``verb`` reports: its clausal complement, or the clause it
    follows ("Russia rotated ..., its embassy said"), or the sentence it is set off in."""
    found = _parsed_report(article, verb)
    return found if found is not None else set_off_phrase(article, verb) or relative_object(article, verb)


def _parsed_report(article: Article, verb: Token) -> tuple[int, int] | None:
    """What ``verb`` reports, from the dependents the parser gave it (or the clause it hangs on)."""
    if verb.dep_ == "relcl":
        found = _relative_report(article, verb)
        if found is not None:
            return found
    paragraph = article.paragraph_of(verb.idx)
    # A complement in another paragraph is the parser running a sentence over a line break
    # ('..., she said.\n\n"People turn to ..."'): the next paragraph is not what this verb reports.
    children = [child for child in verb.children if article.paragraph_of(child.idx) == paragraph]
    crosses = article.paragraph_of(verb.head.idx) != paragraph  # hung on a verb of the next paragraph: its own root
    for child in children:
        if child.i > verb.i and (child.dep_ == "ccomp" or misparsed_complement(verb, child)):
            found = _complement(article, verb, child)
            if found is not None:
                return found  # else a later complement ("say they do n't know": "do", then "know")
    found = _complement_in_phrase(article, verb) or gerund_subject(article, verb)
    if found is not None:
        return found
    found = _as_reported(article, verb)
    if found is not None:
        return found
    for child in children:
        closing = verb.dep_ == "ROOT" or crosses or _closes(article, verb)
        if child.dep_ == "ccomp" and child.i < verb.i and closing and not any(
                child.i < c.i and c.dep_ == "ccomp" for c in children):
            # "The pullout was due to ..., the newspaper said." (the clause stays in the cue's
            # paragraph: the parser sometimes runs a sentence over a line break)
            return clause_span([t for t in child.subtree if article.paragraph_of(t.idx) == paragraph])
    if verb.dep_ == "parataxis" and verb.head.i > verb.i and verb.head.pos_ in ("VERB", "AUX"):
        found = _interrupted(article, verb)
        return found if found is not None else _set_off_cue(article, verb)
    trailing = verb.dep_ in ("parataxis", "ccomp") or _bare_conj(verb)
    if trailing and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        # "Russia rotated ... on Wednesday, its embassy in Caracas said, as ..."
        head = verb.head
        if head.right_edge.i > max(t.i for t in verb.subtree) + 1:
            found = _interrupted(article, verb)  # "The plan was, she said, a mistake": the clause goes on
            if found is not None:
                return found
        first = head.left_edge.i
        last = min(t.i for t in verb.subtree if not t.is_punct) - 1
        if last < 0 or article.doc[last].text not in (",", "—", "–", "--"):
            return None  # only the written pattern "<clause>, <speaker> said"
        tokens = [t for t in article.doc[first : last + 1]]
        if tokens and article.sentence_index(tokens[0].i) == article.sentence_index(verb.i):
            return clause_span(tokens)
    return None


#: Marks after a trailing cue that end what it reports ("..., he said; his staff kept them").
_CLOSING_MARKS = frozenset((";", ")", "—", "–", "--"))


def _closes(article: Article, verb: Token) -> bool:
    """'She did get the files, he said; his staff kept them.': a cue hung on the next
    clause, with a semicolon, a dash or a bracket after it: it closes the clause before it."""
    after = verb.right_edge.i + 1
    return verb.dep_ in ("parataxis", "ccomp") and after < len(article.doc) and article.doc[after].text in _CLOSING_MARKS


def _bare_conj(verb: Token) -> bool:
    """'The plan stays on track, her aide told the Post.': a cue the parser conjoins to the
    clause before it with no "and" or "but" between them (only a comma)."""
    if verb.dep_ != "conj":
        return False
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i]
    return bool(subjects) and subjects[0].left_edge == verb.left_edge and not any(
        c.dep_ == "cc" and c.i < verb.i for c in verb.head.children)


def _relative_report(article: Article, verb: Token) -> tuple[int, int] | None:
    """'the plan, which he said would cost $5 million', 'a wall, which he said Mexico should
    pay for': a relative pronoun inside the reported clause, written before the speaker; the
    report is the whole relative clause, from the pronoun on (speaker and cue inside, as
    PolNeAR writes it)."""
    # "which she said represented ...": the pronoun hung on the verb beside its subject, the
    # rest of the clause an xcomp
    own = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.lower_ in ("which", "that")]
    two = own and any(c.dep_ == "nsubj" and c.i < verb.i and c not in own for c in verb.children)
    for child in verb.children:
        if child.dep_ not in ("ccomp", "xcomp") or child.i < verb.i or child.dep_ == "xcomp" and not two:
            continue
        pronouns = own if two else []
        pronouns += [t for t in child.subtree if t.i < verb.i and t.lower_ in RELATIVE_PRONOUNS and t.tag_ in ("WDT", "WP", "IN")]
        if not pronouns:
            continue
        sentence = article.sentence_index(verb.i)
        last = max(t.i for t in verb.subtree if article.sentence_index(t.i) == sentence)
        first = min(t.i for t in pronouns)
        return clause_span(list(article.doc[first : last + 1]))
    return None


def asked_question(article: Article, verb: Token) -> tuple[int, int] | None:
    """What someone unnamed asked ("was asked whether the troops would stay", "When asked
    if she would run, ...", "was asked to name one achievement", "asked about the vote"):
    the question or request, or what it was about."""
    for child in verb.children:
        if child.i < verb.i:
            continue
        opener = child.left_edge
        if child.dep_ == "ccomp" or (child.dep_ == "advcl" and opener.lower_ in ("if", "whether")) or (
                child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)):
            sentence = article.sentence_index(verb.i)
            return clause_span([t for t in child.subtree if article.sentence_index(t.i) == sentence])
    for child in verb.children:  # "When asked (later) about the vote, ...": what the question was about
        if verb.i < child.i <= verb.i + 4 and child.dep_ == "prep" and child.lower_ == "about":
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                sentence = article.sentence_index(verb.i)
                return clause_span(sorted((t for t in objects[0].subtree if article.sentence_index(t.i) == sentence),
                                          key=lambda t: t.i), need_verb=False)
    return None


def asked_if(article: Article, verb: Token) -> tuple[int, int] | None:
    """'asked nurses if they meant to strike', 'asked whether the vote would wait': the
    parser hangs the if-clause on the asking verb as an adverbial clause; with the person
    asked before it, it is the question put to them (who was asked, and what)."""
    for child in verb.children:
        if child.i < verb.i or child.dep_ != "advcl" or child.left_edge.lower_ not in ("if", "whether"):
            continue
        if child.left_edge.dep_ != "mark" or child.left_edge.head != child:
            continue
        hearers = [c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.i < c.i < child.i]
        sentence = article.sentence_index(verb.i)
        tokens = [t for part in hearers[:1] + [child] for t in part.subtree if article.sentence_index(t.i) == sentence]
        return clause_span(sorted(tokens, key=lambda t: t.i))
    return None


def _as_reported(article: Article, verb: Token) -> tuple[int, int] | None:
    """'As the Globe reported last week, the mayor has hired ...': the clause the "as" phrase
    sits in (also when the parser makes "as" a preposition and the verb a noun's modifier)."""
    if any(c.dep_ in ("ccomp", "dobj") or c.dep_ == "xcomp" and c.i > verb.i for c in verb.children):
        return None  # "as he vowed to appeal": while, not "as X reported"
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        phrase, clause = verb, verb.head
    elif verb.dep_ == "acl" and verb.head.dep_ == "pobj" and verb.head.head.lower_ == "as" and verb.head.head.dep_ == "prep":
        phrase, clause = verb.head.head, verb.head.head.head
    else:
        return None
    if clause.pos_ not in ("VERB", "AUX") or not any(c.dep_ in SUBJECTS for c in clause.children):
        return None
    own = {t.i for t in phrase.subtree}
    sentence = article.sentence_index(verb.i)
    return clause_span([t for t in clause.subtree if t.i not in own and article.sentence_index(t.i) == sentence])


def _complement_in_phrase(article: Article, verb: Token) -> tuple[int, int] | None:
    """'said on Monday in a statement that the bridge would reopen', 'told reporters at a news
    conference that ...': the parser hangs the that-clause on the phrase's noun; it is the
    verb's report (a clause opened by the conjunction "that", with a subject of its own)."""
    if any(child.dep_ == "ccomp" for child in verb.children):
        return None
    for child in verb.children:
        if child.i < verb.i or child.dep_ not in ("prep", "dobj", "npadvmod"):
            continue
        for token in child.subtree:
            if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN") and any(
                    c.dep_ == "mark" and c.lower_ == "that" and c.i < token.i for c in token.children) and any(
                    c.dep_ in SUBJECTS for c in token.children) and is_finite(token):
                return _complement(article, verb, token)
    return None


def _complement(article: Article, verb: Token, child: Token) -> tuple[int, int] | None:
    """The span of the clause ``child`` that ``verb`` reports ("said [that] X ..."), or None
    when it is a question, a purpose or reason, or a small clause."""
    tokens = [t for t in child.subtree]
    if tokens and tokens[0].i < verb.i and tokens[0].lower_ in FREE_RELATIVES:
        # "what diplomats said was proof of ...": the wh-word, written before the speaker, is the
        # complement's subject or object; the report runs from it (speaker and cue inside)
        sentence = article.sentence_index(verb.i)
        return clause_span([t for t in article.doc[tokens[0].i : tokens[-1].i + 1] if article.sentence_index(t.i) == sentence])
    declared = bool(tokens) and tokens[0].dep_ == "mark" and tokens[0].lower_ == "that"
    if declared:
        tokens = tokens[1:]
    # "said if elected he would ...", "noted that when it began, the lead was ...": a clause
    # opening the complement, not a question
    conditional = tokens and (tokens[0].lower_ == "if" or declared) and tokens[0].head != child
    # "noted how proud she was of the team", "saying how hard they would fight": "how" and an
    # adjective exclaim, they do not ask (but "too early to say how deep ...": an infinitive asks)
    exclaims = len(tokens) > 2 and tokens[0].lower_ == "how" and tokens[1].pos_ == "ADJ" and tokens[1].lower_ not in (
        "much", "many") and not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if not tokens or (tokens[0].lower_ in QUESTION_WORDS and not conditional and not exclaims
                      and verb.lemma_.lower() not in QUESTION_REPORTING):
        return None  # "did not say whether ...", "to determine whether ...": a question, not a report
    if tokens[0].dep_ == "mark" and tokens[0].head == child and tokens[0].lower_ not in ("whether", "if"):
        return None  # "so he could fund ...", "because ...": not what was said
    short = elliptical(child, tokens)
    if short is not None:
        return short
    # "noted that the way states pick delegates works ...", "suggesting the county outsource the
    # repairs": a clause whose verb the parser took for a noun, opened by "that" or with a subject
    noun_verb = child.dep_ == "ccomp" and child.pos_ in ("NOUN", "PROPN") and (declared or any(
        c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in child.children))
    if not is_finite(child) and not gerund_subject_clause(verb, child) and not noun_verb and not gerund_clause(child) and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in child.children
            if c.tag_ not in ("PRP",) or c.lower_ in ("i", "he", "she", "we", "they")):
        return None  # "found him to be positive": a small clause, not a report
    # "confirmed they seized the substance, stating "..."", "said people changed their
    # minds and several said ...": a quote or another speaker's words hung on the end of
    # the reported clause are reported on their own; the clause stops before them.
    cut = [
        t.left_edge.i for t in child.children
        if t.i > child.i and t.dep_ in ("advcl", "conj", "parataxis", "ccomp", "npadvmod") and article.is_cue(t)
        and (t.dep_ != "ccomp" or t.left_edge.i > 0 and article.doc[t.left_edge.i - 1].is_punct)
    ]
    if cut:
        tokens = [t for t in tokens if t.i < min(cut)]
    # "claiming Maduro's re-election last year was illegitimate": the parser often hangs
    # the clause's subject on the verb as an object; take it back when it touches the clause.
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubj") and verb.i < c.i < child.i]
    if verb.lemma_ not in HEARER_VERBS:
        for obj in sorted(objects, key=lambda c: -c.i):
            subtree = list(obj.subtree)
            if subtree[-1].i + 1 == tokens[0].i and subtree[0].i > verb.i:
                tokens = subtree + tokens
    return clause_span(tokens, need_verb=not noun_verb)


def _interrupted(article: Article, verb: Token) -> tuple[int, int] | None:
    """'The deal, he said, would collapse.' / 'In the long run, economists say, costs could
    fall.': the cue set off by commas inside the clause it reports; the row is the whole
    clause (the cue inside it)."""
    doc, head = article.doc, verb.head
    # the cue is its subject and what follows it ("former aides said"); words of the clause
    # the parser hung on the cue before its subject ("Most mornings, former aides said, ...")
    # stay outside the commas
    core = [t for t in verb.subtree if not t.is_punct]  # the verb itself at least
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i]
    first = min(s.left_edge.i for s in subjects) if subjects else core[0].i
    last = core[-1].i
    if first == 0 or last + 1 >= len(doc) or doc[first - 1].text not in DASHES or doc[last + 1].text not in DASHES:
        return None
    if not is_finite(head):
        return None
    sentence = article.sentence_index(verb.i)
    paragraph = article.paragraph_of(verb.idx)  # the parser sometimes runs a sentence over a line break
    clause = [t for t in head.subtree if article.sentence_index(t.i) == sentence and article.paragraph_of(t.idx) == paragraph]
    gerund = [c for c in head.children if c.i < first and c.dep_ in ("advcl", "csubj") and c.tag_ == "VBG"
              and c.left_edge.i == article.sents[sentence].start]
    if not gerund and not any(child.dep_ in SUBJECTS + ("expl",) for child in head.children):
        # "Riding alone at night, they said, can be hazardous": a gerund the parser hung on
        # the verb is its subject; else the clause's subject parsed away from its verb, right before the cue's comma
        # ("... and the lease, the club said, had been costly to sign"); else a clause of its
        # own: "In his state, X said, offenders are ..."
        before = doc[first - 2] if first >= 2 else None
        if before is None or before.pos_ not in ("NOUN", "PROPN") or before.i in {t.i for t in clause} \
                or article.sentence_index(before.left_edge.i) != sentence:
            return None
        clause = list(doc[before.left_edge.i : head.right_edge.i + 1])
    return clause_span(clause)


def _set_off_cue(article: Article, verb: Token) -> tuple[int, int] | None:
    """'The two sides, she said, now have a deal.', 'Even then, he said, the plan held.': a
    cue set off by commas inside the sentence it reports, hung on a verb after it, when the
    parse gives that verb no subject :func:`_interrupted` can use ("Whatever progress she has
    made, officials said, could be undone"); the row is the whole sentence, the cue inside it."""
    doc = article.doc
    core = [t for t in verb.subtree if not t.is_punct]
    first, last = core[0].i, core[-1].i
    if last - first + 1 != len(core) or first == 0 or last + 1 >= len(doc):
        return None
    if doc[first - 1].text != "," or doc[last + 1].text != ",":
        return None
    sentence = article.sents[article.sentence_index(verb.i)]
    paragraph = article.paragraph_of(verb.idx)  # the parser sometimes runs a sentence over a line break
    tokens = [t for t in doc[sentence.start : sentence.end] if article.paragraph_of(t.idx) == paragraph]
    if not any(t.is_alpha for t in tokens if t.i < first - 1) or sum(t.is_alpha for t in tokens if t.i > last + 1) < 2:
        return None  # words of the clause on both sides of the cue
    return clause_span(tokens)


def short_answer(article: Article, verb: Token) -> tuple[int, int] | None:
    """'the candidate said no', 'half said so', 'two-thirds said the same about Doe': an
    answer that stands for a clause said before (a yes, a no, a so, the same)."""
    if verb.i + 1 >= len(article.doc) or verb.lemma_.lower() not in SHORT_ANSWER_VERBS:
        return None
    word = article.doc[verb.i + 1]
    same = word.head if word.lower_ == "the" and word.head.lower_ == "same" else None
    if same is not None and same.head == verb and same.dep_ in ("dobj", "nsubj", "attr"):
        # "a third said the same of Doe", "last year 30 percent said the same": the same answer again
        about = [c for c in verb.children if c.i == same.i + 1 and c.dep_ == "prep" and c.lower_ in ("of", "for", "about")]
        last = about[0].right_edge if about else same.right_edge
        return word.idx, last.idx + len(last)
    if word.head != verb:
        return None
    if word.lower_ in SHORT_ANSWERS:
        return word.idx, word.idx + len(word)
    if word.dep_ == "dobj" and word.lower_ == "that":  # "said that." (the clause said before)
        return word.idx, word.right_edge.idx + len(word.right_edge)
    return None


#: The prepositions that bring what an accusing passive says ("accused of", "charged with", "criticized for/as").
_PASSIVE_CONTENT = frozenset("of with for as".split())


def passive_report(article: Article, verb: Token) -> tuple[int, int] | None:
    """'Roe was charged with assault', 'Doe is accused of plotting ...', 'Roe was declared
    the winner': an accusing or judging verb in the agentless passive, with a complement that
    says what of; the report is the whole clause, its subject included (nobody is named)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i]
    content = [c for c in verb.children if c.i > verb.i and (
        (c.dep_ == "prep" and c.lower_ in _PASSIVE_CONTENT and any(g.dep_ in ("pobj", "pcomp") for g in c.children))
        or (c.dep_ in ("oprd", "attr") and c.pos_ in ("NOUN", "ADJ")))]
    if not subjects or not content:
        return None
    sentence = article.sentence_index(verb.i)
    last = max(t.i for part in content for t in part.subtree if article.sentence_index(t.i) == sentence)
    first = subjects[0].left_edge.i
    if verb.dep_ == "relcl" and subjects[0].lower_ in ("who", "which", "that"):
        first = subjects[0].i
    return clause_span(list(article.doc[first : last + 1]))


def passive_subject(article: Article, verb: Token) -> tuple[int, int] | None:
    """'The talks were disclosed first by the Herald', 'The plan, reported by the Herald last
    week, is ...': a verb of saying in the passive with its agent (the speaker) reports its subject
    (or the noun a participle describes)."""
    if not any(c.dep_ == "agent" for c in verb.children):
        return None
    sentence = article.sentence_index(verb.i)
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i]
    if subjects:
        tokens = list(subjects[0].subtree)
    elif verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i and not (
            verb.head.head.lower_ == "to" and verb.head.head.head.lower_ == "according"):  # "according to polls reported by"
        own = {t.i for t in verb.subtree}
        tokens = [t for t in verb.head.subtree if t.i not in own]
    else:
        return None
    return clause_span([t for t in tokens if article.sentence_index(t.i) == sentence], need_verb=False)
