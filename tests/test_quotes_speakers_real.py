"""Speakers on the shapes of US political news (issue 14, speakers): made-up sentences of the
forms whose speaker the kit took from the wrong clause on PolNeAR's train split. Tables of
(case, text, (content, kind, speaker, cue)); each row must be among the quotes found."""

from __future__ import annotations

import pytest

from test_quotes import _found  # the quotes of one text, offsets checked


MAIN_CLAUSE = [
    # A participle set off by a comma after its clause is said by the main clause's subject,
    # not by the subject of a relative or a noun's "that" clause inside it.
    ("', saying' after a noun's that-clause",
     "Mayor Tom Reyes rejected the claim that the new budget would hurt schools, saying the plan adds money "
     "for teachers.",
     ("the plan adds money for teachers", "indirect", "Tom Reyes", "saying")),
    ("', saying' after a relative clause with 'who'",
     "Senator Ann Marsh has criticized donors who fund attack ads, saying such ads poison the debate.",
     ("such ads poison the debate", "indirect", "Ann Marsh", "saying")),
    ("', saying' after a relative clause set off by commas",
     "The senator praised the judge, who is facing a tough confirmation, saying she deserved a quick vote.",
     ("she deserved a quick vote", "indirect", "The senator", "saying")),
]


NOT_AFTER_PARTICIPLE = [
    # A participle after a comma has no subject of its own written beside it: neither the
    # appositive before it nor the noun after a quote right before it speaks.
    ("', saying' after an appositive",
     "Lena Ortiz was blunt about her opposition to Mark Dell, the current front-runner, saying the party must "
     "stop him.",
     ("the party must stop him", "indirect", "Lena Ortiz", "saying")),
    ("', saying' right after a quoted phrase",
     'Mayor Kim has given a fierce defense of "Ohio values," saying the state embodied hard work.',
     ("the state embodied hard work", "indirect", "Kim", "saying")),
    # After a quote that opens its sentence, a word inside it the parser takes for the
    # subject is what is said: the subject is the one after the verb.
    ("an inverted cue after a quote ending in a hashtag",
     'The protests grew over the weekend.\n"Nobody listens to us here anymore. We are tired. #Toledo," tweeted '
     'a local user who calls himself Birdman.',
     ("Nobody listens to us here anymore. We are tired. #Toledo,", "direct", "a local user", "tweeted")),
    # A space (here a no-break space) between the closing mark and an inverted cue.
    ("a no-break space before an inverted cue",
     '"If the board wonders why the plan failed, the answer is in this report,"\u00a0added Collins.',
     ("If the board wonders why the plan failed, the answer is in this report,", "direct", "Collins", "added")),
]


@pytest.mark.parametrize("case,text,expected", NOT_AFTER_PARTICIPLE, ids=[row[0] for row in NOT_AFTER_PARTICIPLE])
def test_participle_speaker(nlp, case, text, expected):
    assert expected in _found(nlp, text)


ISSUED = [
    # An ad, a video, a response someone puts out speaks for whoever puts it out; a participle
    # hung on whoever an email goes to is the sender's.
    ("'put out an ad calling'",
     'The governor put out a fresh radio ad calling the tax plan "a complete disaster for families."',
     ("a complete disaster for families.", "partial", "The governor", "calling")),
    ("'unveiled a video that accuses'",
     "Senator Ruth Dale unveiled an online video that accuses the mayor of hiding the audit.",
     ("the mayor of hiding the audit", "indirect", "Ruth Dale", "accuses")),
    ("'blasted out an email to donors stating,'",
     'Minutes after the vote, her staff blasted out an email to donors stating, "We won tonight! Thank you for '
     'every call you made."',
     ("We won tonight! Thank you for every call you made.", "direct", "her staff", "stating")),
    ("'shot back a response saying'",
     "Later that day, the mayor shot back a response saying that he had no plans to quit.",
     ("he had no plans to quit", "indirect", "the mayor", "saying")),
    # A count, an analysis or an estimate someone made speaks for them, as a report does.
    ("'according to an analysis by X'",
     "Turnout among young voters rose by a third, according to an analysis by Harlow College.",
     ("Turnout among young voters rose by a third", "indirect", "Harlow College", "according to")),
    ("'according to a tally by X'",
     "The mayor has 412 delegates so far, according to a tally by Ledger Media.",
     ("The mayor has 412 delegates so far", "indirect", "Ledger Media", "according to")),
    ("'according to X's own estimate'",
     "The fund has paid out $4 million to farmers, according to the charity's own estimate.",
     ("The fund has paid out $4 million to farmers", "indirect", "the charity", "according to")),
]


@pytest.mark.parametrize("case,text,expected", ISSUED, ids=[row[0] for row in ISSUED])
def test_issuer_speaks(nlp, case, text, expected):
    assert expected in _found(nlp, text)


SHARED_SUBJECT = [
    # A verb of saying joined by "and" to a verb of another tense, which the parser makes its
    # head, has the subject of the verb in its own tense above it.
    ("'forecast that X would ... and praised'",
     "Ms. Lind forecast that the sagging market would soon recover and praised efforts by the mayor to calm "
     "investors.",
     ("efforts by the mayor to calm investors", "indirect", "Lind", "praised")),
    ("'were angered by X and predicted'",
     "Union officials were angered by the ruling and predicted it would hurt thousands of workers.",
     ("it would hurt thousands of workers", "indirect", "Union officials", "predicted")),
]


@pytest.mark.parametrize("case,text,expected", SHARED_SUBJECT, ids=[row[0] for row in SHARED_SUBJECT])
def test_shared_subject(nlp, case, text, expected):
    assert expected in _found(nlp, text)


INFINITIVES = [
    # An infinitive of saying is said by the object of a verb like "prompt" or "urge", by the
    # subject of a passive, or, hung on a noun, by the subject of the verb that has the noun.
    ("'prompted X to call for'",
     "The leak prompted the city council to call for an audit of the pension fund.",
     ("an audit of the pension fund", "indirect", "the city council", "call for")),
    ("'was prompted to say'",
     "The treasurer was prompted to say the fund had lost money.",
     ("the fund had lost money", "indirect", "The treasurer", "say")),
    ("'took pains to stress'",
     "Several big firms took pains to stress that none of them backs either candidate.",
     ("none of them backs either candidate", "indirect", "Several big firms", "stress")),
    ("'had seen no proof to suggest'",
     "Auditors had seen no proof to suggest that the mayor knew about the payments.",
     ("the mayor knew about the payments", "indirect", "Auditors", "suggest")),
]


@pytest.mark.parametrize("case,text,expected", INFINITIVES, ids=[row[0] for row in INFINITIVES])
def test_infinitive_speaker(nlp, case, text, expected):
    assert expected in _found(nlp, text)


@pytest.mark.parametrize("case,text,expected", MAIN_CLAUSE, ids=[row[0] for row in MAIN_CLAUSE])
def test_main_clause_speaks(nlp, case, text, expected):
    assert expected in _found(nlp, text)
