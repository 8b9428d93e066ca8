"""Speakers of clauses inside clauses on US political news (issue 14, speakers): made-up
sentences of the forms whose speaker the kit took from a clause inside another on PolNeAR's
train split. Tables of (case, text, (content, kind, speaker, cue)); each row must be among
the quotes found. Guard rows keep the forms the rules must leave alone."""

from __future__ import annotations

import pytest

from kit.quotes import find_quotes
from test_quotes import _found, _given_parse  # the quotes of one text, offsets checked; a Doc with a given parse


CLAUSES = [
    # ", saying" after a relative clause on the object of an infinitive: the subject of the
    # verb the infinitive hangs on speaks, not the relative's antecedent.
    ("', noting' after 'a way to create jobs that ...'",
     "Governor Lee sold the bill as a way to create jobs that pay well, noting that she alone among the "
     "candidates will cut taxes.",
     ("she alone among the candidates will cut taxes", "indirect", "Lee", "noting")),
    ("', arguing' after 'has vowed to block the measure that ...'",
     "The mayor has vowed to block the measure that raises fees, arguing such fees could hurt small firms.",
     ("such fees could hurt small firms", "indirect", "The mayor", "arguing")),
    # A clause joined by "and" with a subject of its own is not what the verb before reports.
    ("', saying' after '..., and the union has sued'",
     "Farmers say the rule is unfair, and the state union has already sued the agency, saying the rule breaks "
     "federal law.",
     ("the rule breaks federal law", "indirect", "the state union", "saying")),
    ("', saying' after '..., and the council has asked'",
     "Residents complained about the noise, and the council has asked the airport to cut flights, saying the "
     "night flights must end.",
     ("the night flights must end", "indirect", "the council", "saying")),
    # A verb of saying with no subject, joined by "but" to the verb before, shares its subject.
    ("', adding:' after 'would not discuss ... but said'",
     'The spokeswoman would not discuss whom Garcia hoped to see elected, but said no meeting had been set, '
     'adding: "Should one be offered, we will weigh it."',
     ("Should one be offered, we will weigh it.", "direct", "The spokeswoman", "adding")),
    ("', adding that' after 'declined to discuss ... but said'",
     "The aide declined to discuss what the governor might do next but said the talks were going well, adding "
     "that a deal was close.",
     ("a deal was close", "indirect", "The aide", "adding")),
    # A sentence the parser runs on over a paragraph break: the verb of saying in the next
    # paragraph does not report the clause before it.
    ("'and described' before a quote in the next paragraph",
     "But Garcia, making it clear that trade mattered most, stood beside the new prime minister, and described "
     "the government as ''fairly elected.''\n\n''I was stunned,'' Lopez told me. ''I know why he backs them.''",
     ("fairly elected.", "partial", "Garcia", "described")),
    # A "what" clause after a preposition is part of the main clause's object: its subject
    # does not say the participle after it.
    ("', calling' after 'praised X for what she has achieved'",
     'Former governor Ed Marsh, a party elder, praised the mayor for what she has achieved, calling it "a '
     'remarkable turnaround."',
     ("a remarkable turnaround.", "partial", "Ed Marsh", "calling")),
    ("', advising' after 'lashed out at what he described as'",
     "The chief strategist lashed out at what he described as a nasty campaign, advising the senator to keep to "
     "policy.",
     ("the senator to keep to policy", "indirect", "The chief strategist", "advising")),
    # Guards: the reporter written after its clause in the same paragraph still reports it; a
    # clause of what is reported stays with the reporter; the nearest clause after "after".
    ("guard: '..., people familiar with the meeting said'",
     "The senator stood with the leader and praised the new budget, people familiar with the meeting said.",
     ("the new budget", "indirect", "people familiar with the meeting", "praised")),
    ("guard: 'said X and Y would ..., adding'",
     "Ms. Vance said the count could be slow and the result would take weeks, adding that voters should be patient.",
     ("voters should be patient", "indirect", "Vance", "adding")),
    ("guard: 'said ... and said ...'",
     "Officials said the plan was sound and said the city would vote in June.",
     ("the city would vote in June", "indirect", "Officials", "said")),
    ("guard: 'wants to build homes, saying'",
     "Senator Ruiz wants to build homes, saying it would help the city.",
     ("it would help the city", "indirect", "Ruiz", "saying")),
]


@pytest.mark.parametrize("case,text,expected", CLAUSES, ids=[row[0] for row in CLAUSES])
def test_clause_speaker(nlp, case, text, expected):
    assert expected in _found(nlp, text)


MADE = [
    # A participle hung on a thing that cannot speak, the object of a verb whose subject can:
    # the subject speaks (the rally, the petitions are what the subject made).
    ("'opened a rally blasting'",
     "On Tuesday the senator opened a Dayton rally blasting the governor for raising fees.",
     ("the governor for raising fees", "indirect", "the senator", "blasting")),
    ("'launched petitions calling on'",
     "Local activists launched petitions calling on lawmakers to back the bill.",
     ("lawmakers to back the bill", "indirect", "Local activists", "calling on")),
    # Guards: a person the verb's object is speaks for itself; a document for its issuer; the
    # one who writes to supporters; signs say nothing.
    ("guard: 'brushed off a heckler trying to question'",
     "The mayor brushed off a heckler trying to question her on the budget.",
     ("her on the budget", "indirect", "a heckler", "question")),
    ("guard: 'issued a statement saying'",
     "The council issued a statement saying the plan was dead.",
     ("the plan was dead", "indirect", "The council", "saying")),
    ("guard: 'emailed supporters saying'",
     "The senator emailed supporters saying the vote was close.",
     ("the vote was close", "indirect", "The senator", "saying")),
]


@pytest.mark.parametrize("case,text,expected", MADE, ids=[row[0] for row in MADE])
def test_made_thing_speaker(nlp, case, text, expected):
    assert expected in _found(nlp, text)


def test_signs_say_nothing(nlp):
    assert _found(nlp, "Members of the union carried signs calling the deal a betrayal.") == []


MISPARSED = [
    # A verb of saying the parser leaves without a subject: the name before a party bracket
    # that the parser hangs on a noun before it speaks.
    ("'Senate Leader Tom Hale (D-OR) said' after a long aside",
     'Asked about an advert showing a mound of money and a cross compared to the Iron Cross, Senate Leader Tom '
     'Hale (D-OR) said "such adverts have no room in a race."',
     ("such adverts have no room in a race.", "direct", "Tom Hale", "said")),
    # ... a surname the tagger reads as a modal before a verb in the third person.
    ("'While Will acknowledges ...' with 'Will' read as a modal",
     'While Will acknowledges the governor\'s appeal as a "forceful leader," he sees the mayor as the better choice.',
     ('the governor\'s appeal as a "forceful leader,"', "mixed", "Will", "acknowledges")),
    # Guards: the same names parsed right keep their speakers; a participle has no inverted name.
    ("guard: 'Will Smith said'",
     "Will Smith said the vote was fair.",
     ("the vote was fair", "indirect", "Will Smith", "said")),
    ("guard: 'Senate leader Tom Vale (D-Ore.) said'",
     "Senate leader Tom Vale (D-Ore.) said the bill would pass.",
     ("the bill would pass", "indirect", "Tom Vale", "said")),
    ("guard: 'said a voter from Ames'",
     '"Nobody called me back," said a voter from Ames.',
     ("Nobody called me back,", "direct", "a voter from Ames", "said")),
    ("guard: 'Asked which Ohio town ...' names no speaker",
     "Asked which Ohio town he liked best, he replied: \"The one I'm in.\"",
     ("The one I'm in.", "direct", "he", "replied")),
]


@pytest.mark.parametrize("case,text,expected", MISPARSED, ids=[row[0] for row in MISPARSED])
def test_misparsed_subject(nlp, case, text, expected):
    assert expected in _found(nlp, text)


def test_title_read_as_a_clause_before_the_name(nlp):
    """'"We won," said Oversight ranking Democrat Mia Lund (D-Md.).' with "ranking" parsed as a
    verb and the name as its object: the name that ends the words after "said" speaks."""
    doc = _given_parse(nlp, [
        ('"', False, 2, "punct", "PUNCT", "``", '"'), ("We", True, 2, "nsubj", "PRON", "PRP", "we"),
        ("won", False, 5, "ccomp", "VERB", "VBD", "win"), (",", False, 2, "punct", "PUNCT", ",", ","),
        ('"', True, 5, "punct", "PUNCT", "''", '"'), ("said", True, 5, "ROOT", "VERB", "VBD", "say"),
        ("Oversight", True, 7, "npadvmod", "NOUN", "NN", "oversight"), ("ranking", True, 5, "ccomp", "VERB", "VBG", "rank"),
        ("Democrat", True, 10, "compound", "PROPN", "NNP", "Democrat"), ("Mia", True, 10, "compound", "PROPN", "NNP", "Mia"),
        ("Lund", True, 7, "dobj", "PROPN", "NNP", "Lund"), ("(", False, 10, "punct", "PUNCT", "-LRB-", "("),
        ("D", False, 14, "compound", "PROPN", "NNP", "D"), ("-", False, 12, "punct", "PUNCT", "HYPH", "-"),
        ("Md.", False, 10, "appos", "PROPN", "NNP", "Md."), (")", False, 10, "punct", "PUNCT", "-RRB-", ")"),
        (".", False, 5, "punct", "PUNCT", ".", "."),
    ])
    assert [(r["text"], r["speaker"], r["cue"]) for r in find_quotes(doc, [])] == [("We won,", "Democrat Mia Lund", "said")]


def test_reduced_relative_on_a_name_without_verb(nlp):
    """"Senator Ann Roe, the whip, on Friday called the plan ''a fraud.''" with "called" parsed
    as a relative clause of the name (the sentence's root): the name speaks."""
    doc = _given_parse(nlp, [
        ("Senator", True, 2, "compound", "PROPN", "NNP", "Senator"), ("Ann", True, 2, "compound", "PROPN", "NNP", "Ann"),
        ("Roe", False, 2, "ROOT", "PROPN", "NNP", "Roe"), (",", True, 2, "punct", "PUNCT", ",", ","),
        ("the", True, 5, "det", "DET", "DT", "the"), ("whip", False, 2, "appos", "NOUN", "NN", "whip"),
        (",", True, 2, "punct", "PUNCT", ",", ","), ("on", True, 9, "prep", "ADP", "IN", "on"),
        ("Friday", True, 7, "pobj", "PROPN", "NNP", "Friday"), ("called", True, 2, "relcl", "VERB", "VBN", "call"),
        ("the", True, 11, "det", "DET", "DT", "the"), ("plan", True, 9, "oprd", "NOUN", "NN", "plan"),
        ("''", False, 14, "punct", "PUNCT", "''", "''"), ("a", True, 14, "det", "DET", "DT", "a"),
        ("fraud", False, 11, "appos", "NOUN", "NN", "fraud"), (".", False, 14, "punct", "PUNCT", ".", "."),
        ("''", False, 14, "punct", "PUNCT", "''", "''"),
    ])
    assert ("a fraud.", "Senator Ann Roe", "called") in [(r["text"], r["speaker"], r["cue"]) for r in find_quotes(doc, [])]
