"""Reported speech under a noun (kit.quotes.nouns): invented news sentences of the noun-cue
forms PolNeAR's train split annotates as speech and the kit missed. Tables of (case, text,
(content, kind, speaker, cue)); each row must be among the quotes found, or (the NO_ROW table)
no row may carry that cue."""

from __future__ import annotations

import pytest

from test_quotes import _found

TOPIC_PHRASES = [
    # A speech noun's "about" / "on" / "of" phrase is what was said, when its owner is named.
    ("remarks about, possessive owner",
     "The mayor angered local unions with his remarks about the pension fund.",
     ("about the pension fund", "indirect", "his", "remarks")),
    ("comments on, in a phrase before the clause",
     "In addition to her comments on school funding, Reyes spoke about housing.",
     ("on school funding", "indirect", "her", "comments")),
    ("praise of, the sentence's subject",
     "The governor's praise of the rescue crews drew applause.",
     ("of the rescue crews", "indirect", "The governor", "praise")),
    # The subject of a light verb ("make") makes the speech act its object names.
    ("made no mention of",
     "Okafor made no mention of the budget shortfall in her speech.",
     ("of the budget shortfall in her speech", "indirect", "Okafor", "mention")),
    ("made jokes about",
     "Okafor made several jokes about the weather during the debate.",
     ("about the weather", "indirect", "Okafor", "jokes")),
]

PREDICATES = [
    # A speech noun that is the subject of "be" says the that-clause "be" takes.
    ("claim is that",
     "The senator's main claim is that the audit was rigged.",
     ("the audit was rigged", "indirect", "The senator", "claim")),
    # ... its owner the subject of a light verb in a relative clause on it.
    ("the promise X has made is that",
     "The boldest promise Okafor has made is that no school will close.",
     ("no school will close", "indirect", "Okafor", "promise")),
    ("answer was that",
     "The governor's answer was that the state could not afford the new bridge.",
     ("the state could not afford the new bridge", "indirect", "The governor", "answer")),
    # "claim" takes an infinitive, like "promise".
    ("claim to be",
     "Reyes's claim to be the strongest candidate drew laughs.",
     ("to be the strongest candidate", "indirect", "Reyes", "claim")),
]

ALL = TOPIC_PHRASES + PREDICATES


@pytest.mark.parametrize("case, text, expected", ALL, ids=[row[0] for row in ALL])
def test_noun_cue(nlp, case, text, expected):
    assert expected in _found(nlp, text)


NO_ROW = [
    # "on" a date says when, not what.
    ("a date after on", "Okafor's remarks on Monday drew applause.", "remarks"),
    # The object of a verb other than a light one: the verb's report holds the noun.
    ("object of a verb of saying", "The senator condemned the mayor's remarks about the police.", "remarks"),
    # Inside what a verb of saying reports: the outer speaker's words.
    ("inside a reported clause", "Reyes said the mayor's comments on crime were unfair.", "comments"),
    # ... whatever form the noun's content takes.
    ("that-clause inside a reported clause", "Reyes said the mayor's claim that the audit was rigged had no basis.",
     "claim"),
    ("that-clause, the object of a verb of saying", "The senator criticized the mayor's claim that the audit was rigged.",
     "claim"),
    # "renew" is no light verb: what renews calls is the news that prompts them.
    ("renewed calls for", "The audit renewed calls for an independent inquiry into the harbor fund.", "calls for"),
]


@pytest.mark.parametrize("case, text, cue", NO_ROW, ids=[row[0] for row in NO_ROW])
def test_no_noun_row(nlp, case, text, cue):
    assert all(found[3] != cue for found in _found(nlp, text))
