"""Speakers of clauses inside clauses on US political news (issue 14, speakers): made-up
sentences of the forms whose speaker the kit took from a clause inside another on PolNeAR's
train split. Tables of (case, text, (content, kind, speaker, cue)); each row must be among
the quotes found. Guard rows keep the forms the rules must leave alone."""

from __future__ import annotations

import pytest

from test_quotes import _found  # the quotes of one text, offsets checked


CLAUSES = [
    # ", saying" after a relative clause on the object of an infinitive: the subject of the
    # verb the infinitive hangs on speaks, not the relative's antecedent.
    ("', noting' after 'a way to create jobs that ...'",
     "Governor Lee pitched the bill as a way to create jobs that pay well, noting that she is the only candidate "
     "who will cut taxes.",
     ("she is the only candidate who will cut taxes", "indirect", "Lee", "noting")),
    ("', arguing' after 'has threatened to veto the measure that ...'",
     "The mayor has threatened to veto the measure that raises fees, arguing such fees could hurt small firms.",
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
    ("', adding:' after 'refused ... but said'",
     'The spokesman refused to answer questions on whom Garcia would like to see win, but said there was no '
     'meeting planned, adding: "If one is proposed we will consider it."',
     ("If one is proposed we will consider it.", "direct", "The spokesman", "adding")),
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
    ("guard: 'rebuffed a heckler trying to ask'",
     "The mayor rebuffed a heckler trying to ask her about the budget.",
     ("her about the budget", "indirect", "a heckler", "ask")),
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
