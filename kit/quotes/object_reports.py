"""Speech acts whose content is the verb's object, not a clause: forms that
:meth:`kit.quotes.reported.ReportedSpeech.act_content` takes from here.

A speech act that judges or addresses someone often has a bare name or noun as its whole
content ("Reyes praised [Okafor]", "the mayor thanked [volunteers]"); "call" judges with
an object and a second noun phrase ("called the deal [a disgrace]", "called her rival
["Low-Energy Lou"]"), also when the parser hangs that phrase on the object or the object
goes before the verb ("what critics call [a tax grab]").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only
    from spacy.tokens import Token

from kit import lexicon

#: Verbs of claiming whose infinitive is the claim ("claims to speak for farmers").
INFINITIVE_VERBS = lexicon.words("quotes_object_infinitive_verbs")
#: Tags of words that are no content on their own ("whomever", "which").
_NOT_CONTENT_TAGS = frozenset("WP WDT WP$ PRP PRP$ DT CD".split())
#: Nouns that make "call into ..." a speech act ("called into question her record").
_INTO_NOUNS = frozenset(("question", "doubt"))


def one_word_object(verb: Token, tokens: list[Token]) -> tuple[int, int] | None:
    """'Reyes praised [Okafor]', 'Okafor thanked [volunteers]', 'she criticized [Reyes]':
    a speech act's content that is one word, a name or a noun (not a pronoun, a number or a
    handle like "@okafor"). Not after a verb in the simple present ("Protesters blast
    Okafor"): that is a headline's form, and a headline's speech is for
    :meth:`kit.quotes.reported.ReportedSpeech.headline_rows`, which tells when a line is one."""
    if len(tokens) != 1 or verb.tag_ in ("VBP", "VBZ"):
        return None
    word = tokens[0]
    if word.pos_ not in ("PROPN", "NOUN") or word.tag_ in _NOT_CONTENT_TAGS or not word.is_alpha:
        return None
    return word.idx, word.idx + len(word)


def called_parts(verb: Token, parts: list[Token]) -> list[Token]:
    """The parts of what "call" says when it judges or labels someone with a phrase that
    :func:`kit.quotes.article.call_parts` leaves (a name, words in marks, a phrase the
    parser hangs elsewhere):

    - an object and a complement of any kind: "called the mayor ["a disgrace"]", "called
      the plan a gift to Wall Street" (a name further on in the complement);
    - an object with a second noun phrase the parser makes its apposition: "called her
      rival [a "coward"]", "called the senator his hero";
    - a complement whose object goes before the verb or that the parser makes the verb's
      subject: "what critics call [a tax grab]", "Reyes calls [Okafor unfit]";
    - "called [into question her record]".

    An object alone ("called a meeting", "called voters") is none of these."""
    objects = [part for part in parts if part.dep_ in ("dobj", "dative") and part.pos_ != "NUM"]
    complements = [part for part in parts if part.dep_ in ("oprd", "acomp")]
    if objects and complements:
        return objects + complements
    seconds = [child for child in objects[0].children if child.dep_ == "appos" and (
        any(d.dep_ in ("det", "poss") for d in child.children) or child.nbor(-1).is_quote)] if objects else []
    if seconds:
        return objects + seconds[-1:]
    if complements and not objects:
        before = [c for c in verb.children if c.dep_ == "dobj" and c.i < verb.i]
        misparsed = [c for c in verb.children if c.dep_ == "nsubj" and verb.i < c.i < complements[0].i]
        if before or misparsed:
            return misparsed + complements
    into = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "into" and c.i == verb.i + 1 and any(
        o.dep_ == "pobj" and o.lower_ in _INTO_NOUNS for o in c.children)]
    if into and objects:
        return into + objects
    return []


def claimed_infinitive(verb: Token) -> list[Token]:
    """'the group claims [to speak for farmers]', 'a man who claimed [to be a doctor]': the
    infinitive after a verb of claiming (``quotes_object_infinitive_verbs``) is the claim."""
    if verb.lemma_.lower() not in INFINITIVE_VERBS:
        return []
    return [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i and any(
        a.dep_ == "aux" and a.lower_ == "to" and a.i < c.i for a in c.children)]


def talked_up(verb: Token, parts: list[Token]) -> list[Token]:
    """'Reyes talked up [her record]', 'the mayor talked [taxes] at the diner': the object of
    "talk" with the particle "up", or a bare noun without a determiner (a topic); not "talked
    the council into it"."""
    if verb.lemma_.lower() != "talk":
        return []
    particle = any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    return [part for part in parts if part.dep_ == "dobj" and part.pos_ == "NOUN" and (particle or not any(
        c.dep_ in ("det", "poss", "nummod") for c in part.children))]


def pleaded_to(verb: Token) -> list[Token]:
    """'pleaded guilty [to fraud]', 'pleaded not guilty [to three counts of perjury]': what a
    plea admits or denies is the charge after "to" (which the parser hangs on the verb or on
    "guilty")."""
    guilty = [c for c in verb.children if c.lower_ == "guilty"]
    if verb.lemma_.lower() != "plead" or not guilty:
        return []
    return [c for head in (verb, guilty[0]) for c in head.children if c.dep_ == "prep" and c.lower_ == "to" and any(
        o.dep_ in ("pobj", "pcomp") for o in c.children)]


def question_put(parts: list[Token]) -> bool:
    """'asked the panel a simple question: ...', 'asked her a series of questions about the
    deal', 'asking questions from the bench', 'asked our readers their thoughts on the vote': the
    object of "ask" is what was asked when it is a question (or thoughts) that the sentence
    says more about, or several of them; "asked him a question" alone says nothing."""
    for part in parts:
        if part.dep_ != "dobj":
            continue
        noun = part
        if part.lemma_.lower() == "series" and any(c.lower_ == "of" for c in part.children):
            noun = next((o for c in part.children if c.lower_ == "of" for o in c.children if o.dep_ == "pobj"), part)
        if noun.lemma_.lower() not in ("question", "thought"):
            continue
        described = any(c.dep_ in ("amod", "relcl", "prep", "acl", "compound", "advmod") for c in noun.children)
        following = noun.doc[noun.right_edge.i + 1] if noun.right_edge.i + 1 < len(noun.doc) else None
        if described or noun.tag_ == "NNS" or (following is not None and following.text == ":") or noun is not part:
            return True
    return False
