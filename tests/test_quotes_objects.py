"""Speech acts whose content is the verb's object, not a that-clause (issue 14, reported
speech): made-up sentences of the forms the kit missed on PolNeAR's train split. Tables of
(case, text, (content, kind, speaker, cue)); each row must be among the quotes found."""

from __future__ import annotations

import pytest

from test_quotes import _found  # the quotes of one text, offsets checked


ONE_WORD = [
    # A speech act that judges or addresses someone: a bare name or noun is its whole content.
    ("a name praised",
     "The governor praised Okafor at a rally in Dayton on Monday.",
     ("Okafor", "indirect", "The governor", "praised")),
    ("a name criticized",
     "Reyes criticized Okafor during a town hall on Friday.",
     ("Okafor", "indirect", "Reyes", "criticized")),
    ("a plural noun thanked",
     "Senator Dana Ruiz is thanking volunteers at a victory party in her home town.",
     ("volunteers", "indirect", "Dana Ruiz", "thanking")),
]

CALLED = [
    # "call" judges with an object and a second phrase, whatever the phrase holds.
    ("a complement with a name further on",
     "The mayor called the council's budget a gift to the developers of Riverside Park.",
     ("the council's budget a gift to the developers of Riverside Park", "indirect", "The mayor", "called")),
    ("a complement whose head is a number word",
     "Ruiz called the plan an expensive one.",
     ("the plan an expensive one", "indirect", "Ruiz", "called")),
    ("a second phrase parsed as the object's apposition",
     "Ms. Hale called Mr. Brandt, the longtime treasurer, a fraud.",
     ("Mr. Brandt, the longtime treasurer, a fraud", "indirect", "Hale", "called")),
    ("the object before the verb",
     "The tax is what critics call a raid on savers.",
     ("a raid on savers", "indirect", "critics", "call")),
    ("'call into question'",
     "Councilwoman Ruiz has called into question the chief's judgment.",
     ("into question the chief's judgment", "indirect", "Councilwoman Ruiz", "called")),
]
STATED = [
    # Verbs with no sense but saying: their object is what was said.
    ("an object argued",
     "In a letter to the board, Okafor argued its merits at length.",
     ("its merits", "indirect", "Okafor", "argued")),
    ("an intention stated",
     "Councilman Reyes has publicly stated his intention to run for mayor.",
     ("his intention to run for mayor", "indirect", "Reyes", "stated")),
    ("a message retweeted",
     "Within minutes, the governor retweeted the message.",
     ("the message", "indirect", "the governor", "retweeted")),
]

CLAIMED = [
    # The infinitive of a verb of claiming, the topic "talk" talks up, the charge a plea is to.
    ("an infinitive claimed",
     "The group claims to speak for thousands of dairy farmers.",
     ("to speak for thousands of dairy farmers", "indirect", "The group", "claims")),
    ("'talked up' an object",
     "Okafor talked up her record on schools at the diner.",
     ("her record on schools", "indirect", "Okafor", "talked up")),
    ("a bare topic talked",
     "On Monday the mayor talked taxes with a crowd of retirees.",
     ("taxes", "indirect", "the mayor", "talked")),
    ("'pleaded guilty to' a charge hung on 'guilty'",
     "The former treasurer pleaded guilty to wire fraud on Tuesday.",
     ("to wire fraud", "indirect", "The former treasurer", "pleaded")),
    ("'pleaded guilty to' a charge hung on the verb",
     "Siljander pleaded guilty in July to illegal lobbying and obstruction of justice.",
     ("to illegal lobbying and obstruction of justice", "indirect", "Siljander", "pleaded")),
]

ASKED = [
    # The object of "ask" is what was asked when the sentence says more about the question.
    ("a question with a colon after it",
     "At the forum, the moderator asked the candidates a simple question: who will fix the bridge?",
     ("the candidates a simple question: who will fix the bridge", "indirect", "the moderator", "asked")),
    ("a series of questions",
     "The chairman asked the treasurer a series of questions about the missing funds.",
     ("the treasurer a series of questions about the missing funds", "indirect", "The chairman", "asked")),
]

TABLES = ONE_WORD + CALLED + STATED + CLAIMED + ASKED


@pytest.mark.parametrize("case, text, expected", TABLES, ids=[row[0] for row in TABLES])
def test_object_is_what_was_said(nlp, case, text, expected):
    assert expected in _found(nlp, text)

