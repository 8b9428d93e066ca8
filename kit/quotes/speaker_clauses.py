"""Which clause's subject speaks for a cue that has no subject of its own (used by
:class:`kit.quotes.speakers.Speakers`).

- a participle set after its clause ("Roe rejected the idea that the plan would work,
  saying ...") is said by the subject of the main clause, not of a clause inside it;
- of two subjects the parser gives one verb ("Boston (AP) - Mayor Jane Roe has ..."), the
  person, else the one next to the verb, speaks.

>>> from kit.nlp import load_model
>>> doc = load_model()("Roe rejected the idea that the plan would fail, saying it was sound.")
>>> fail = next(t for t in doc if t.text == "fail")
>>> main_clause_verb(fail, next(t for t in doc if t.text == "saying")).text
'rejected'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: spaCy is not imported with kit.quotes (a cached report's charts)
    from spacy.tokens import Token

from kit import lexicon
from kit.quotes.article import (
    DOCUMENT_NOUNS, FINITE_TAGS, GOVERNING_NOUNS, RELATIVE_PRONOUNS, SIGN_NOUNS, Article, is_finite, preposition_object,
)

#: Verbs whose object says the infinitive after them ("urged voters to reject ...").
CONTROL_VERBS = lexicon.words("quotes_speaker_control_verbs")
#: Words opening a clause of what came before or caused the main verb ("apologized after they came out").
SEQUENCE_MARKS = lexicon.words("quotes_speaker_sequence_marks")
#: Verbs of writing or speaking to someone: "emailed supporters saying ..." is the writer's.
ADDRESSING_VERBS = lexicon.words("quotes_addressing_verbs")
#: Sources of information that speak for whoever made them ("data from X", "X's statistics").
SOURCE_NOUNS = DOCUMENT_NOUNS | lexicon.words("quotes_source_nouns")
#: Nouns of people and groups (a description that can speak for itself: "a doctor", "protesters").
PEOPLE_NOUNS = (lexicon.words("human_nouns") | lexicon.words("actors_group_nouns") | lexicon.words("actors_title_nouns")
                | lexicon.words("actors_anonymous_nouns") | lexicon.words("quotes_speaker_people_nouns"))

def according_maker(speakers, noun: Token) -> Token:
    """Who speaks for the object of "according to": for a source of information, its maker
    when the phrase names one ("a tally by the AP", "a report from the ministry", "audio
    provided by the station", "an interview his brother gave to ITV", "the ministry's
    figures"); else whoever :meth:`Speakers.issuer` finds, else the noun itself ("according to
    police", "according to the report")."""
    if noun.pos_ == "NOUN" and (noun.lemma_.lower() in SOURCE_NOUNS or noun.lower_ in SOURCE_NOUNS):
        maker = _source_maker(speakers.article, noun)
        if maker is not None:
            return maker
    return speakers.issuer(noun)


def _source_maker(article: Article, noun: Token) -> Token | None:
    """The maker a source noun's own phrase names: a possessive (not a pronoun or a date), the
    object of "by" or "from" that can speak (not a place or an event), the agent of a participle on it ("provided by"), or the subject of a
    relative clause on it without a relative pronoun ("an interview his brother gave"), or None."""
    for child in noun.children:
        if child.dep_ == "poss" and child.tag_ != "PRP$" and child.ent_type_ not in ("DATE", "TIME"):
            return child  # not "July's polling"
        if child.dep_ == "prep" and child.lower_ in ("by", "from") and child.i > noun.i:
            objects = [c for c in child.children if c.dep_ == "pobj" and (can_speak(article, c) or c.pos_ == "PROPN"
                       and c.ent_type_ not in ("GPE", "LOC", "FAC", "EVENT", "DATE", "TIME"))]
            if objects:
                return objects[0]  # not "reports from the convention"
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            for agent in child.children:
                maker = preposition_object(agent) if agent.dep_ == "agent" else None
                if maker is not None:
                    return maker
        if child.dep_ == "relcl" and child.i > noun.i:
            subjects = [c for c in child.children if c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS]
            if subjects and can_speak(article, subjects[0]) and not article.in_quote(subjects[0].idx):
                return subjects[0]
    return None


def main_clause_verb(verb: Token, cue: Token) -> Token:
    """The verb of the clause a relative or a noun's "that" clause is part of, before ``cue``
    and with a subject: "Roe rejected the idea that the plan would [fail]" -> "rejected",
    "Roe denounced supporters who [attack] ..." -> "denounced", "Roe pitched the plan as a means
    of building homes that [last]" -> "pitched" (:func:`subjected`), "Roe praised Lee for what he
    has [done]" -> "praised" (a "what" / "how" clause after a preposition), "Roe apologized after
    the columns [came] out, saying" -> "apologized" (a clause with "after", "because" ...
    set after its main verb, when the parser hangs the participle on that verb too; not "as",
    "while": "even as he [defended] X, saying" is his). Other
    clauses stay ("after the mayor [spoke], saying", "an ad in which children [shout] ...,
    yelling": the nearest)."""
    if verb.dep_ == "advcl" and verb.head == cue.head and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX") \
            and any(c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKS for c in verb.children) \
            and any(c.dep_ == "nsubj" for c in verb.head.children):
        return verb.head  # "Roe apologized after the columns [came] out, saying": the participle hangs on "apologized"
    node, steps = verb, 0
    while (node.dep_ == "acl" or node.dep_ == "relcl" and any(
            c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in node.children)
            or node.dep_ in ("pcomp", "pobj") and node.head.dep_ == "prep" and any(
                c.lower_ in ("what", "how", "whatever") for c in node.children)) and steps < 4:
        noun = node.head
        while noun.dep_ in ("pobj", "prep", "conj", "appos", "compound") and noun.head != noun and noun.pos_ not in ("VERB", "AUX"):
            noun = noun.head
        head = subjected(noun.head if noun.pos_ not in ("VERB", "AUX") else noun, cue)
        if head.pos_ not in ("VERB", "AUX") or head.i > cue.i or not any(c.dep_ == "nsubj" for c in head.children):
            break
        node, steps = head, steps + 1
    return node


def subjected(verb: Token, cue: Token) -> Token:
    """'pitched the bill as a means to [build] homes', 'has vowed to [block] the rule': from a
    verb without a subject of its own (an infinitive, a participle) up to the nearest verb
    above it, before ``cue``, that has one (``verb`` itself when it has one or none is found)."""
    node, steps = verb, 0
    while node.pos_ in ("VERB", "AUX") and not any(c.dep_ == "nsubj" for c in node.children) and steps < 4 and node.head != node:
        above = node.head
        while above.pos_ not in ("VERB", "AUX") and above.head != above and above.dep_ in (
                "pobj", "prep", "dobj", "acl", "conj", "appos", "compound", "attr"):
            above = above.head
        if above.pos_ not in ("VERB", "AUX") or above.i > cue.i:
            return verb
        node, steps = above, steps + 1
    return node if any(c.dep_ == "nsubj" for c in node.children) else verb


def first_conjunct(verb: Token) -> Token:
    """'The aide refused to answer but [said] ...': a verb joined by "and" / "but" to one before
    it, with no subject of its own, shares the subject of the first verb of the chain (``verb``
    itself when it has a subject, or when no verb before it has one)."""
    node, steps = verb, 0
    while node.dep_ == "conj" and node.head.i < node.i and node.head.pos_ in ("VERB", "AUX") and steps < 4 and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
        node, steps = node.head, steps + 1
    return node if any(c.dep_ == "nsubj" for c in node.children) else verb


def joined_clause(verb: Token) -> bool:
    """'Groups say ..., and the union has [sued] the city': is ``verb`` a clause of its own, with
    its own subject, joined to the verb it hangs on by "and" / "but" (not a clause of what
    that verb reports, which the parser sometimes hangs the same way: "would not say if the
    Senate will [vote]")?"""
    if verb.dep_ != "conj" or not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children):
        return False
    before = verb.left_edge.i - 1
    while before > verb.head.i and verb.doc[before].is_punct:
        before -= 1
    joint = verb.doc[before] if before > verb.head.i else None
    return joint is not None and joint.dep_ == "cc" and joint.lower_ in ("and", "but") and joint.head == verb.head


def after_comma(cue: Token) -> bool:
    """Is ``cue`` a participle set off by a comma after its clause (", saying", ", also noting")?"""
    before = cue.i - 1
    while before > 0 and cue.doc[before].tag_ == "RB":
        before -= 1
    return cue.tag_ == "VBG" and before >= 0 and cue.doc[before].text == ","


def pick_subject(subjects: list[Token]) -> Token:
    """Of the subjects of one verb, the person, else the last (the one next to the verb)."""
    people = [s for s in subjects if s.ent_type_ == "PERSON"]
    return people[0] if people else subjects[-1]


def chosen_subject(cue: Token, subjects: list[Token]) -> Token:
    """Which of a cue's subjects speaks: :func:`pick_subject`, unless a phrase is written right
    before the verb, after a comma, behind the parser's subject (:func:`beside_verb`)."""
    beside = beside_verb(cue, subjects)
    return beside if beside is not None else pick_subject(subjects)


def beside_verb(cue: Token, subjects: list[Token]) -> Token | None:
    """'Cruz, Wilkin said', 'Or maybe Lee, consultant Ann Roe says.', 'The mayor, an aide said, is
    sure ...': a noun phrase right before the verb with no comma between them, set after a
    comma behind another noun that the parser takes for the subject (the phrase its conjunct,
    a second subject, or an appositive in a clause set off by commas): the phrase next to the
    verb speaks. An appositive closed by a comma ('Jane Roe, a senator, said'), a list with
    "and" and a place ('Ann Roe of Dayton, Ohio said') stay with the parser's subject; so does an
    appositive when the verb goes on to its object ('Sen. Ann Roe, a friend of the mayor told
    reporters ...': a comma left out)."""
    doc = cue.doc
    if cue.i < 3 or doc[cue.i - 1].is_punct or not subjects:
        return None
    first = subjects[0]
    candidates = [s for s in subjects[1:] if s.right_edge.i == cue.i - 1]
    conjuncts = [c for c in first.subtree if c.dep_ == "conj"]
    for child in first.children:
        if child.dep_ == "conj" and len(conjuncts) == 1 or child.dep_ == "appos" and cue.i + 1 < len(doc) and doc[cue.i + 1].text == ",":
            candidates.append(child)
    for phrase in candidates:
        comma = doc[phrase.left_edge.i - 1]
        if phrase.right_edge.i != cue.i - 1 or phrase.i < first.i or comma.text != "," \
                or phrase.pos_ not in ("NOUN", "PROPN") or phrase.ent_type_ in ("GPE", "LOC", "DATE", "TIME") \
                or any(t.dep_ == "cc" for t in doc[first.i : cue.i]) \
                or sum(t.text == "," for t in doc[first.i : phrase.left_edge.i]) != 1:
            continue
        return phrase
    return None


def inverted_subject(article: Article, cue: Token) -> Token | None:
    """'"X," said the minister' / '"X," read the statement': a subject after its verb,
    which the parser often takes for an object. Only right after a quote, and never after a
    participle ('"...," saying the city ...': what follows is what is said)."""
    before = cue.doc[cue.i - 1] if cue.i else None
    while before is not None and (before.is_punct and not before.is_quote or before.is_space and "\n" not in before.text) and before.i > 0:
        before = cue.doc[before.i - 1]
    if before is None or not (before.is_quote or article.in_quote(before.idx)) or cue.tag_ == "VBG":
        return None
    opening = _quote_opening(article, before.idx)
    if opening is not None:
        sentence = article.sents[article.sentence_index(cue.i)]
        if any(t.idx < opening and is_finite(t) and not article.in_quote(t.idx) for t in sentence):
            return None  # 'Roe summed him up as "terrible," denounced his record': Roe's verbs, in a row
    for child in cue.children:
        if child.dep_ in ("dobj", "attr", "nsubjpass", "npadvmod") and child.i > cue.i and child.pos_ in ("NOUN", "PROPN"):
            return child
    for child in cue.children:
        # '"X," said Skelly': a surname the parser does not know, taken for an adverb.
        if child.i == cue.i + 1 and child.dep_ == "advmod" and child.is_title and not child.ent_type_ in ("DATE", "TIME"):
            return child
    # '"X," said Jane Roe, an aide who heads the office': the parser hangs the name right
    # after the verb on a later verb; a name there is the subject all the same.
    token = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
    while token is not None and token.dep_ == "compound" and token.pos_ == "PROPN" and token.i < token.head.i <= token.i + 2:
        token = token.head
    if token is not None and token.i > cue.i and token.pos_ == "PROPN" and token.ent_type_ in ("PERSON", "ORG") \
            and token.head != cue and token.dep_ in ("nsubj", "nsubjpass"):
        return token
    # '"X," said the woman, who ... did not want ...': a described speaker hung the same way.
    token = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
    while token is not None and token.dep_ in ("det", "amod", "compound", "nummod") and cue.i < token.i < token.head.i <= cue.i + 5:
        token = token.head
    if token is not None and token.i > cue.i and token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass") \
            and token.head != cue and token.head.i > token.i:
        return token
    return _name_after(cue)


def _quote_opening(article: Article, char: int) -> int | None:
    """Where the quote holding ``char`` (or ending there) opens, when it stands inside its
    sentence ('summed him up as "terrible," ...'); None when it opens a sentence, a line or a
    clause after a colon, semicolon or dash ('"X," said Roe', 'Lee spoke. "X," said Roe')."""
    text = article.text
    for start, end in article.quoted_chars:
        if start <= char < end or end == char + 1:
            before = text[:start].rstrip()
            opens = not before or before[-1] in ".?!:;\n—–-\"'”’)" or "\n" in text[len(before) : start]
            return None if opens else start
        if start > char:
            break
    return None


def _name_after(cue: Token) -> Token | None:
    """'"...," said Oversight ranking Democrat Jane Roe (D-Md.).': a title the parser reads as a
    clause of its own before the name; the last word of the name that ends the words after the
    verb (a comma, bracket, stop or preposition right after it) is the subject."""
    if cue.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # "Asked which Iowa county ...": a participle, no inverted subject
    previous = None
    for token in cue.doc[cue.i + 1 : cue.i + 9]:
        if token.is_punct and token.tag_ != "HYPH" or token.pos_ == "ADP" or token.is_space:
            # the name must end the phrase: a comma, bracket, stop or preposition right after it
            return previous if previous is not None and previous.pos_ == "PROPN" else None
        if token.pos_ in ("VERB", "AUX") and token.tag_ != "VBG" or token.pos_ in ("PRON", "DET") and previous is not None:
            return None
        previous = token
    return None


def _tense(verb: Token) -> str | None:
    """'past', 'present' or 'modal': the tense of a verb's own form or of its auxiliary."""
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and child.tag_ in FINITE_TAGS:
            return {"VBD": "past", "MD": "modal"}.get(child.tag_, "present")
    return None


def same_tense(cue: Token, verb: Token) -> bool:
    """Can ``cue``, joined by "and", share the subject of ``verb``? Their tenses agree ("the
    officials were angered ... and predicted"; not "the economy would rebound and praised");
    a bare participle shares a perfect's auxiliary ("has criticized X and called Y")."""
    if cue.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in cue.children):
        return verb.tag_ == "VBN" and _tense(verb) is not None
    tense = _tense(cue) if cue.tag_ in ("VBD", "VBZ", "VBP") else None
    return tense is not None and tense == _tense(verb)


def shared_subject(speakers, cue: Token) -> Token | None:
    """'Roe forecast that the economy would rebound and praised ...', 'Lee did not mention him,
    but told ...': a verb of saying joined by "and" to a verb of another tense (which the parser
    often makes its head) has the subject of the nearest verb above it in its own tense. None
    when the verb it hangs on reports it in the same tense (the rule before this one) or no
    such verb has a subject."""
    article = speakers.article
    if cue.tag_ == "VB":
        return plural_subject(speakers, cue)
    reporting = speakers.reporting_verb(cue.head, cue)
    if reporting != cue.head and same_tense(cue, reporting):
        return None
    node = cue.head
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") and same_tense(cue, node):
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and not article.in_quote(c.idx)]
            subject = speakers.antecedent(pick_subject(subjects), node) if subjects else None
            if subject is not None:
                return speakers.named(subject)
        if node.head == node:
            return None
        node = node.head
    return None


def _plural_present(verb: Token) -> bool:
    """Is ``verb`` in the present of a plural subject, by its own form or its auxiliary ("say",
    "have said", "are saying"; not "says", "has said", "said")?"""
    return verb.tag_ == "VBP" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBP" for c in verb.children)


def plural_subject(speakers, cue: Token) -> Token | None:
    """'Strategists fear that Lee has lost the lead and [warn] ...', 'Groups believe the mayor has
    joined X, and [admit] ...', 'Three senators have cast it as a duty to the groups that invited
    them and [say] ...': a bare verb of saying (the tagger's base form for a plural present)
    joined by "and" to a verb that cannot share its subject (a past, a third person singular)
    is in the present of a plural subject: the subject of the nearest verb above it in that
    form speaks. None when the verb it is joined to is itself a bare verb ('will meet and
    say': they share the modal) or no verb above has that form and a subject."""
    if any(c.dep_ == "aux" for c in cue.children) or cue.head.tag_ in ("VB", "VBP") or _plural_present(cue.head):
        return None
    node = cue.head
    for _ in range(8):
        if node.head == node:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX") and _plural_present(node):
            subjects = [c for c in node.children if c.dep_ == "nsubj" and not speakers.article.in_quote(c.idx)]
            subject = speakers.antecedent(pick_subject(subjects), node) if subjects else None
            return speakers.named(subject) if subject is not None else None
    return None


def infinitive_controller(cue: Token) -> Token | None:
    """'prompted the council to call for ...', 'was pressed to explain ...': who says an
    infinitive of saying, when the verb above it names them: its object (for the verbs of
    ``quotes_speaker_control_verbs``) or the subject of a passive. None otherwise (the subject
    of the verb above says it: "declined to say")."""
    if cue.tag_ != "VB" or cue.dep_ not in ("xcomp", "ccomp") or not any(
            c.dep_ == "aux" and c.tag_ == "TO" for c in cue.children):
        return None
    head = cue.head
    if head.pos_ not in ("VERB", "AUX") or head.i > cue.i:
        return None
    if head.lemma_.lower() in CONTROL_VERBS:
        for child in head.children:
            if child.dep_ == "dobj" and child.i < cue.i and child.pos_ in ("NOUN", "PROPN", "PRON"):
                return child
    return next((c for c in head.children if c.dep_ == "nsubjpass"), None)


def noun_infinitive_verb(cue: Token) -> Token | None:
    """'are taking pains to say ...', 'have no evidence to suggest ...', 'under pressure to
    pledge ...': the verb whose subject says an infinitive hung on a noun, or None."""
    if cue.tag_ != "VB" or cue.dep_ != "acl" or cue.head.pos_ != "NOUN" or not any(
            c.dep_ == "aux" and c.tag_ == "TO" for c in cue.children):
        return None
    noun = cue.head  # the object of the verb, or of a preposition on it ("under pressure")
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ in ("dobj", "attr") else noun
    return verb if verb.pos_ in ("VERB", "AUX") and verb.i < cue.i else None


def sender(addressee: Token, addressing_verbs: frozenset[str], documents: frozenset[str]) -> Token | None:
    """'The senator emailed supporters saying ...', 'her staff mailed out a note to
    donors stating ...': the verb of writing to ``addressee`` (the noun a "saying" hangs
    on) whose subject speaks, or None (the addressee is no one written to)."""
    verb = addressee.head
    if addressee.dep_ in ("dobj", "dative"):
        return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in addressing_verbs else None
    if addressee.dep_ != "pobj" or verb.lower_ != "to" or verb.head.pos_ != "VERB":
        return None
    verb = verb.head  # "sent a note to donors", "mailed out a letter to donors"
    if verb.lemma_.lower() in addressing_verbs or any(
            c.dep_ == "dobj" and c.lemma_.lower() in documents for c in verb.children):
        return verb
    return None


def noun_participle_speaker(speakers, cue: Token) -> Token | None:
    """Who says a participle hung on a noun: "a statement saying ..." the document (for its
    issuer); "with local media reporting ..." the noun; "placards saying ..." no one (signs are
    not speakers); "The senator emailed supporters saying ..." the one who writes to them; "the
    senator opened a rally blasting ..." the subject of the verb a thing is the object of."""
    noun = cue.head
    if noun.lemma_ in SIGN_NOUNS:
        return None
    addressed = sender(noun, ADDRESSING_VERBS, DOCUMENT_NOUNS)
    if addressed is not None and noun.lemma_.lower() not in DOCUMENT_NOUNS:
        subjects = [c for c in addressed.children if c.dep_ == "nsubj"]
        if subjects:
            return speakers.named(speakers.antecedent(subjects[0], addressed) or subjects[0])
    maker = _maker(speakers.article, noun)
    if maker is not None:
        return speakers.named(speakers.antecedent(maker, maker.head) or maker)
    issuer = speakers.issuer(noun)
    if issuer == noun and noun.lemma_.lower() in DOCUMENT_NOUNS:
        maker = _subject_of_its_verb(speakers.article, noun, True)  # "sent letters, hired lawyers and placed ads calling"
        if maker is not None:
            return speakers.named(speakers.antecedent(maker, maker.head) or maker)
    return speakers.named(issuer)


def _subject_of_its_verb(article: Article, noun: Token, document: bool = False) -> Token | None:
    """The subject of the verb ``noun`` is the object of, through the parser's chains of
    conjuncts: 'The group sent letters, hired lawyers and placed [ads] calling ...' (the verb
    shares the first one's subject), 'Two unions bought print and radio [spots] ...' (the
    object's first conjunct); None when that verb has no subject, or (unless ``noun`` is a
    document, which speaks for whoever puts it out) none that can speak."""
    node = noun
    while node.dep_ == "conj" and node.head.pos_ in ("NOUN", "PROPN") and node.head.i < node.i:
        node = node.head
    if node.dep_ != "dobj" or node.head.pos_ != "VERB":
        return None
    verb = first_conjunct(node.head)
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and not article.in_quote(c.idx)]
    return subjects[0] if subjects and (document or can_speak(article, subjects[0])) else None


def _maker(article: Article, noun: Token) -> Token | None:
    """'opened a rally blasting ...', 'placed ads calling ...', 'released a website asking ...':
    a thing that cannot speak, the object of a verb whose subject can, speaks for that subject;
    not a thing its phrase says someone else made ('exploited Roe's remark describing ...',
    'mocked a suit filed by a former aide alleging ...')."""
    if can_speak(article, noun) or noun.lemma_.lower() in DOCUMENT_NOUNS or any(
            c.dep_ == "poss" or c.dep_ == "acl" and any(g.dep_ == "agent" for g in c.children) for c in noun.children):
        return None
    return _subject_of_its_verb(article, noun)


def can_speak(article: Article, noun: Token) -> bool:
    """Can ``noun`` say something: a person, a group or an organisation (a name of one, a
    mention of one, a personal pronoun, a body like "the campaign"), not a thing ("the fracas", "a rally", "it")?"""
    if noun.lower_ in ("he", "she", "they", "we", "i", "who"):
        return True
    if noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or noun.lemma_.lower() in PEOPLE_NOUNS or noun.lower_ in PEOPLE_NOUNS:
        return True
    if noun.lemma_.lower() in GOVERNING_NOUNS:
        return True  # "the campaign", "the administration": a body that speaks for its owner
    mention = article.mention_at(noun)
    return mention is not None and mention.get("kind") in ("person", "organization", "group", "country", "anonymous") \
        and mention.get("how") != "pronoun"


def misparsed_subject(article: Article, cue: Token) -> Token | None:
    """A finite verb of saying the parser left without its subject: 'Sen. Jane Roe (R-Ohio)
    said ...' with the name hung on a noun before it (the name before the bracket speaks);
    'Jane Roe, the party's whip, on Tuesday called ...' taken for a relative clause of a name
    that has no verb of its own (the name speaks). A surname read as a modal or an adverb ('Will
    wrote', 'Early described') is :meth:`Speakers._surname_read_as_word`'s."""
    finite = is_finite(cue) or cue.tag_ == "VBN" and cue.dep_ == "relcl"  # "called" read as a relative clause
    if not finite or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in cue.children):
        return None
    doc = cue.doc
    if cue.i > 3 and doc[cue.i - 1].text == ")":
        k = cue.i - 2
        while k > 0 and doc[k].text != "(" and cue.i - k < 8:
            k -= 1
        name = doc[k - 1] if doc[k].text == "(" and k > 0 else None
        if name is not None and name.pos_ == "PROPN" and not article.in_quote(name.idx) and (
                name.ent_type_ in ("PERSON", "ORG") or _is_name(article, name)):
            return name
    if cue.dep_ == "relcl" and cue.head.dep_ == "ROOT" and cue.head.pos_ == "PROPN" and cue.head.i < cue.i \
            and not any(c.lower_ in RELATIVE_PRONOUNS for c in cue.children) and not article.in_quote(cue.head.idx):
        return cue.head
    return None


def _is_name(article: Article, token: Token) -> bool:
    mention = article.mention_at(token)
    return mention is not None and mention.get("kind") in ("person", "organization") and mention.get("how") != "pronoun"
