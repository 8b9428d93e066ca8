"""Quotes on real news layout and sentence shapes (issue 14, second round): made-up
sentences in the style of US political news. Tables of (case, text, (content, kind,
speaker, cue)); each row must be among the quotes found."""

from __future__ import annotations

import pytest

from test_quotes import _rows  # the rows of one text, offsets checked


def _found(nlp, text):
    return [(r["text"], r["kind"], r["speaker"], r["cue"]) for r in _rows(nlp, text)]


LAYOUT = [
    # The speaker is written in the cue's own paragraph, past its dateline: never a time
    # stamp, a headline or a dateline the parser ran into the sentence.
    ("time stamp line before the speaker",
     "2:40 p.m.\n\nThe mayor's chief of staff says he is pleased by the court's decision to drop the case.",
     ("he is pleased by the court's decision to drop the case", "indirect", "The mayor's chief of staff", "says")),
    ("headline with the same name before the speaker",
     "Jane Roe: 'We Will Fight On' In The Primary.\n\nWASHINGTON — Sen. Jane Roe (D-Ohio) defended her "
     "campaign on Monday, saying the party would unite after the primary.",
     ("the party would unite after the primary", "indirect", "Jane Roe", "saying")),
    ("dateline with an agency",
     "BOSTON (AP) – The city's police chief has defended the new patrols, saying that crime fell by a third.",
     ("crime fell by a third", "indirect", "The city's police chief", "saying")),
    ("a place and time opening the sentence, the name before the cue",
     "Mayor Roe: 'We Are Going All The Way.'\n\nTuesday in Dayton, after winning the primary, Mayor Jane Roe "
     "(D-OH) said the city would build a new bridge.",
     ("the city would build a new bridge", "indirect", "Jane Roe", "said")),
]

ALL = LAYOUT


@pytest.mark.parametrize("case, text, expected", ALL, ids=[row[0] for row in ALL])
def test_quotes_on_news(nlp, case, text, expected):
    assert expected in _found(nlp, text)


QUESTIONS = [
    # An unnamed asker: the question is reported speech, with no speaker.
    ("asked, passive, wh-clause", "In an interview that year, he was asked what happened to the black vote. He laughed.",
     ("what happened to the black vote", "indirect", None, "asked")),
    ("when asked whether", "When asked whether he would run again, the mayor said he had not decided.",
     ("whether he would run again", "indirect", None, "asked")),
    ("asked to do something", "The senator was asked to name a single achievement of the committee.",
     ("to name a single achievement of the committee", "indirect", None, "asked")),
]

SHORT_ANSWERS = [
    # A yes, a no, a so: an answer that stands for a clause.
    ("said no", "Asked if he was ever bullied, the candidate said no.", ("no", "indirect", "the candidate", "said")),
    ("said so", "He said so.", ("so", "indirect", "He", "said")),
    ("said that of", "A third said that of the mayor's campaign.",
     ("that of the mayor's campaign", "indirect", "A third", "said")),
]

ROUND_UPS = [
    # "Heading - Label: "..."": the label after the dash speaks, never the heading's subject.
    ("label after a dash, one camel-case word",
     'Polls were right about the caucus - HuffPollster: "While the caucuses provided an upset, most pollsters '
     'fared much better with the results."',
     ("While the caucuses provided an upset, most pollsters fared much better with the results.", "direct",
      "HuffPollster", ":")),
    ("'More from' opens the label",
     'Signs of a shift were there all along -More from Smith and Jones: "Data collected by our firm helps confirm '
     'that both issues were in play."',
     ("Data collected by our firm helps confirm that both issues were in play.", "direct", "Smith and Jones", ":")),
]

ALL_MORE = QUESTIONS + SHORT_ANSWERS + ROUND_UPS


@pytest.mark.parametrize("case, text, expected", ALL_MORE, ids=[row[0] for row in ALL_MORE])
def test_more_quotes_on_news(nlp, case, text, expected):
    assert expected in _found(nlp, text)
