"""Quotes in marks whose speaker is written outside their own sentence: a quote that is a
paragraph of its own after a paragraph reporting someone (issue 14, direct quotes). Made-up
texts of the shapes the kit left without a speaker on PolNeAR's train split; tables of
(case, text, (content, kind, speaker, cue)), each row must be among the quotes found, and
guards whose quote must not go on the name given."""

from __future__ import annotations

import pytest

from test_quotes import _found  # the quotes of one text, offsets checked

HEADLINE = "Town council meets on the bridge.\n\nThe council met on Monday night in the old school hall.\n\n"

ALONE_BELOW = [
    # A quote alone on its line, no cue of its own: the speaker of the paragraph above.
    ("a reported clause above",
     HEADLINE + "Mayor Dana Okafor said the bridge would open in the spring.\n\n"
     '"We have waited long enough for this crossing."',
     ("We have waited long enough for this crossing.", "direct", "Dana Okafor", "said")),
    ("a verb of saying with an object above",
     HEADLINE + "Councillor Lee praised the engineers for their work on the plans.\n\n"
     '"They found a way to keep the old stones."',
     ("They found a way to keep the old stones.", "direct", "Councillor Lee", "praised")),
    ("the outermost cue of the sentence above",
     HEADLINE + "Okafor said that for years some residents had predicted the bridge would never be built.\n\n"
     '"I understand why they doubted us."',
     ("I understand why they doubted us.", "direct", "Okafor", "said")),
]

NOT_BELOW = [
    # Guards: no verb of saying above, a heading in capitals, a label ending in a colon.
    ("guard: no verb of saying in the paragraph above",
     HEADLINE + "Okafor then walked over to the river bank.\n\n" '"Who will pay for all of it?"',
     "Who will pay for all of it?"),
    ("guard: a heading in capitals",
     HEADLINE + "Okafor said the bridge would open in the spring.\n\n" '"A BRIDGE FOR EVERYONE"',
     "A BRIDGE FOR EVERYONE"),
]


@pytest.mark.parametrize("case, text, expected", ALONE_BELOW, ids=[row[0] for row in ALONE_BELOW])
def test_a_quote_alone_below_a_report(nlp, case, text, expected):
    assert expected in _found(nlp, text)


@pytest.mark.parametrize("case, text, content", NOT_BELOW, ids=[row[0] for row in NOT_BELOW])
def test_a_quote_alone_below_no_report(nlp, case, text, content):
    assert not [row for row in _found(nlp, text) if row[0] == content and row[2] is not None]


HEADLINE_LABELS = [
    # A headline's colon after a topic, a listener or a verb of saying and its object: the
    # name opening the headline speaks, not the name nearest the colon.
    ("a topic after 'on'",
     "Okafor on Reyes Releasing Her Tax Returns: \u2018I Think She Will.\u2019\n\n"
     "Mayor Dana Okafor said on Friday that she expected the returns soon.",
     ("I Think She Will.", "direct", "Okafor", ":")),
    ("a verb of saying and its object",
     "Okafor Praises Reyes: \u2018A Fine Engineer.\u2019\n\nMayor Dana Okafor praised her rival on Friday.",
     ("A Fine Engineer.", "direct", "Okafor", ":")),
    ("a listener after 'to'",
     "Mayor Okafor to Voters: \u2018We Will Build It.\u2019\n\nMayor Dana Okafor spoke on Friday.",
     ("We Will Build It.", "direct", "Okafor", ":")),
    ("guard: a plain label",
     "Reyes: \u2018We Will Not Pay for It.\u2019\n\nCouncillor Ana Reyes spoke on Friday.",
     ("We Will Not Pay for It.", "direct", "Reyes", ":")),
]


@pytest.mark.parametrize("case, text, expected", HEADLINE_LABELS, ids=[row[0] for row in HEADLINE_LABELS])
def test_a_headline_label_past_a_topic(nlp, case, text, expected):
    assert expected in _found(nlp, text)


COLON_THEN_NEW_SENTENCE = [
    # A quote a colon opens and a question, exclamation or full stop closes: the sentence after
    # it is a new one, whose verb of saying is not the quote's cue however the parser joins them.
    ("a question, then another speaker's verb",
     'The council met on Monday. Lee asked the mayor one thing: "Who will pay for it?" Okafor said the state would.',
     ("Who will pay for it?", "direct", "Lee", "asked")),
    ("an exclamation after a clause with no verb of saying",
     'Reyes made her case to the crowd: "We will not wait any longer!" Supporters praised the speech.',
     ("We will not wait any longer!", "direct", "Reyes", ":")),
    ("guard: a colon clause with its own verb of saying",
     'Okafor was asked about the delay. The mayor responded: "Why would we rush a bridge?" Critics cited the answer.',
     ("Why would we rush a bridge?", "direct", "The mayor", "responded")),
]


@pytest.mark.parametrize("case, text, expected", COLON_THEN_NEW_SENTENCE, ids=[row[0] for row in COLON_THEN_NEW_SENTENCE])
def test_no_cue_after_a_colon_quote(nlp, case, text, expected):
    assert expected in _found(nlp, text)


INVERTED_SUBJECT = [
    # '"...," VERB the NOUN.': a verb right after the comma and closing mark whose inverted
    # subject the parser takes for its object; that object speaks, whatever the verb.
    ("an object up to the full stop",
     '"Owners should leave their dogs at home," opined the Harbor Gazette.',
     ("Owners should leave their dogs at home,", "direct", "the Harbor Gazette", "opined")),
    ("an object up to a comma and an apposition",
     '"It is about time we had a new bridge," exhorted the mayor\'s introducer, actress Ana Cole.',
     ("It is about time we had a new bridge,", "direct", "the mayor's introducer", "exhorted")),
    ("guard: the plain inverted 'said'",
     '"We will win," said Okafor.',
     ("We will win,", "direct", "Okafor", "said")),
]


@pytest.mark.parametrize("case, text, expected", INVERTED_SUBJECT, ids=[row[0] for row in INVERTED_SUBJECT])
def test_an_inverted_subject_read_as_an_object(nlp, case, text, expected):
    assert expected in _found(nlp, text)
