"""Speakers of reported speech on US political news (issue 14, speakers): made-up sentences of
the forms whose speaker the kit took from the wrong noun on PolNeAR's train split (a phrase
right before the verb after a comma, a plural verb joined to a clause it reports). Tables of
(case, text, (content, kind, speaker, cue)); each row must be among the quotes found. Guard
rows keep the forms the rules must leave alone."""

from __future__ import annotations

import pytest

from kit.quotes import find_quotes
from test_quotes import _found, _given_parse  # the quotes of one text, offsets checked; a Doc with a given parse


BESIDE_VERB = [
    # A phrase right before the verb, after a comma and with none between it and the verb,
    # is the speaker, not the noun before the comma the parser takes for the subject.
    ("'X, an aide said, ...'",
     'Parker, a senior aide said, "is very sure of the outcome" and will not back down.',
     ("is very sure of the outcome", "partial", "a senior aide", "said")),
    # Guards: an appositive closed by a comma; a list with "and".
    ("guard: 'X, a senator, said'",
     "Ann Pell, a senator from Ohio, said the plan would fail.",
     ("the plan would fail", "indirect", "Ann Pell", "said")),
    ("guard: 'X, Y and Z said'",
     "Lee, Park and Ortiz said the vote was rigged.",
     ("the vote was rigged", "indirect", "Lee", "said")),
    ("guard: 'X, Y, Z said'",
     "Lee, Park, Ortiz said the vote was rigged.",
     ("the vote was rigged", "indirect", "Lee", "said")),
]


@pytest.mark.parametrize("case,text,expected", BESIDE_VERB, ids=[row[0] for row in BESIDE_VERB])
def test_beside_verb(nlp, case, text, expected):
    assert expected in _found(nlp, text)


def test_conjunct_beside_verb(nlp):
    """'His support has shifted to, now, Ortiz, Wilkins said.': the parser makes "Ortiz" the
    subject and "Wilkins" its conjunct; the name next to the verb speaks (parse as the model
    gives it inside a long article)."""
    from spacy.tokens import Span

    doc = _given_parse(nlp, [
        ("His", True, 1, "poss", "PRON", "PRP$", "his"), ("support", True, 3, "nsubj", "NOUN", "NN", "support"),
        ("has", True, 3, "aux", "AUX", "VBZ", "have"), ("shifted", True, 11, "ccomp", "VERB", "VBN", "shift"),
        ("to", False, 3, "prep", "ADP", "IN", "to"), (",", True, 4, "punct", "PUNCT", ",", ","),
        ("now", False, 11, "advmod", "ADV", "RB", "now"), (",", True, 11, "punct", "PUNCT", ",", ","),
        ("Ortiz", False, 11, "nsubj", "PROPN", "NNP", "Ortiz"), (",", True, 8, "punct", "PUNCT", ",", ","),
        ("Wilkins", True, 8, "conj", "PROPN", "NNP", "Wilkins"), ("said", False, 11, "ROOT", "VERB", "VBD", "say"),
        (".", False, 11, "punct", "PUNCT", ".", "."),
    ])
    doc.ents = [Span(doc, 8, 9, label="PERSON"), Span(doc, 10, 11, label="PERSON")]
    assert ("Wilkins", "said") in [(r["speaker"], r["cue"]) for r in find_quotes(doc, [])]


AFTER_CLAUSE = [
    # A participle after a clause of what came before the main verb ("after ...") is said by
    # the main clause's subject; after a clause of what goes on at the same time, by its own.
    ("', saying' after 'apologized ... after they surfaced'",
     "Coach Tom Reed apologized for the posts after they surfaced, saying they were written years ago and did not "
     "reflect his views.",
     ("they were written years ago and did not reflect his views", "indirect", "Tom Reed", "saying")),
    # A participle after a reported clause whose verbs run through an infinitive ("will need
    # to pick which camp he's in") is said by the reporter, not by a subject inside.
    ("', saying' after 'said X will need to pick which camp he's in'",
     "Amid the dam dispute, even a veteran union organizer said Ortega will need to pick which camp he’s in, "
     "saying, “Sooner or later, he’s got to tell the valley what he really thinks.”",
     ("Sooner or later, he’s got to tell the valley what he really thinks.", "direct", "even a veteran union organizer",
      "saying")),
    ("guard: ', saying' after 'even as he defended'",
     'Mayor Lee admitted some mistakes even as he defended the new budget, saying, "Most of it is sound."',
     ("Most of it is sound.", "direct", "he", "saying")),
]


@pytest.mark.parametrize("case,text,expected", AFTER_CLAUSE, ids=[row[0] for row in AFTER_CLAUSE])
def test_after_clause(nlp, case, text, expected):
    assert expected in _found(nlp, text)


SURNAME = [
    # A surname read as an adverb is in tests/test_quotes_direct_forms.py (it needs the name said before).
    # Guard: an adverb opening its sentence.
    ("guard: 'Later, Lopez described it as'",
     "Often the mayor spoke late. Later, Lopez described it as “a long night.”",
     ("a long night.", "partial", "Lopez", "described")),
]


@pytest.mark.parametrize("case,text,expected", SURNAME, ids=[row[0] for row in SURNAME])
def test_surname_read_as_adverb(nlp, case, text, expected):
    assert expected in _found(nlp, text)


INVERTED = [
    # A verb right after a quote that stands inside its writer's sentence, after a verb of
    # that sentence, is the next verb in a row, not an inverted '"...," said X': its object
    # is no speaker.
    ("'summed X up as \"...,\" denounced her record and said'",
     'Senator Ruiz summed up the governor as "reckless," denounced her record on schools and said she should resign.',
     ("she should resign", "indirect", "Ruiz", "said")),
    # Guard: a quote finishing a clause with no verb before it still has its inverted subject.
    ("guard: 'The plan \"...,\" said X'",
     'The mayor\'s plan for the port "will cost far more than anyone admits," said Tom Reyes, an economist at the '
     'state university.',
     ("will cost far more than anyone admits,", "partial", "Tom Reyes", "said")),
]


@pytest.mark.parametrize("case,text,expected", INVERTED, ids=[row[0] for row in INVERTED])
def test_inverted_after_quote(nlp, case, text, expected):
    assert expected in _found(nlp, text)


PLURAL = [
    # A bare verb of saying joined by "and" to a verb in another form ("has lost") is a plural
    # present: the subject of the nearest verb above in that form ("fear") speaks.
    ("'fear that X has lost ... and warn'",
     "But some party strategists fear that Lopez has already lost a rare chance and warn that "
     "the new plan is not sound.",
     ("the new plan is not sound", "indirect", "some party strategists", "warn")),
    ("'believe X has joined ..., and admit'",
     "Farm groups believe the governor has joined a risky alliance, and admit that the growers are powerless "
     "if the mill closes.",
     ("the growers are powerless if the mill closes", "indirect", "Farm groups", "admit")),
    # Guard: a bare verb sharing a modal with the verb before it.
    ("guard: 'will meet ... and say'",
     "The two leaders will meet in Ohio and say the deal is done.",
     ("the deal is done", "indirect", "The two leaders", "say")),
]


@pytest.mark.parametrize("case,text,expected", PLURAL, ids=[row[0] for row in PLURAL])
def test_plural_present(nlp, case, text, expected):
    assert expected in _found(nlp, text)


MADE_BY = [
    # A participle hung on a thing put out speaks for whoever put it out: the subject of the
    # verb it is the object of, through a chain of verbs that share one subject; a campaign
    # or an office is a body that can speak.
    ("'sent letters, hired lawyers and placed ads calling'",
     'Within weeks the opposition group had sent letters to members, hired lawyers and placed newspaper ads '
     'calling the merger "a costly mistake."',
     ("a costly mistake.", "partial", "the opposition group", "calling")),
    ("'the campaign released a website asking'",
     "The Green Streets campaign on Tuesday released a mock website asking for designs for a statue of the founder.",
     ("for designs for a statue of the founder", "indirect", "The Green Streets campaign", "asking")),
    # Guards: a thing its own phrase says someone else made is not the subject's.
    ("guard: 'exploited the senator's remark describing'",
     'The campaign exploited the senator\'s remark describing the plan as "a fairy tale."',
     ("a fairy tale.", "partial", "the senator's remark", "describing")),
    ("guard: 'mocked a suit filed by X alleging'",
     "The governor's office mocked a suit filed by a former aide alleging that the governor hid the records.",
     ("the governor hid the records", "indirect", "a suit", "alleging")),
]


@pytest.mark.parametrize("case,text,expected", MADE_BY, ids=[row[0] for row in MADE_BY])
def test_made_by(nlp, case, text, expected):
    assert expected in _found(nlp, text)


def test_participle_not_reported_in_next_paragraph(nlp):
    """'He did it gently, conceding that ... .\\n\\n"I know," Ortiz said.': a sentence the parser
    runs on over a paragraph break; the verb of saying in the next paragraph does not report
    the clause the participle follows, whose own subject concedes (parse as the model gives it
    inside a long article)."""
    doc = _given_parse(nlp, [
        ("He", True, 1, "nsubj", "PRON", "PRP", "he"), ("did", True, 15, "ccomp", "VERB", "VBD", "do"),
        ("it", True, 1, "dobj", "PRON", "PRP", "it"), ("gently", False, 1, "advmod", "ADV", "RB", "gently"),
        (",", True, 1, "punct", "PUNCT", ",", ","), ("conceding", True, 1, "advcl", "VERB", "VBG", "concede"),
        ("that", True, 8, "mark", "SCONJ", "IN", "that"), ("Lee", True, 8, "nsubj", "PROPN", "NNP", "Lee"),
        ("had", True, 5, "ccomp", "VERB", "VBD", "have"), ("a", True, 10, "det", "DET", "DT", "a"),
        ("point", False, 8, "dobj", "NOUN", "NN", "point"), (".", False, 1, "punct", "PUNCT", ".", "."),
        ("\n\n", False, 11, "dep", "SPACE", "_SP", "\n\n"), ('"', False, 15, "punct", "PUNCT", "``", '"'),
        ("I", True, 15, "nsubj", "PRON", "PRP", "I"), ("know", False, 19, "ccomp", "VERB", "VBP", "know"),
        (",", False, 15, "punct", "PUNCT", ",", ","), ('"', True, 15, "punct", "PUNCT", "''", '"'),
        ("Ortiz", True, 19, "nsubj", "PROPN", "NNP", "Ortiz"), ("said", False, 19, "ROOT", "VERB", "VBD", "say"),
        (".", False, 19, "punct", "PUNCT", ".", "."),
    ])
    rows = [(r["text"], r["speaker"], r["cue"]) for r in find_quotes(doc, [])]
    assert ("Lee had a point", "He", "conceding") in rows


ACCORDING = [
    # "according to" a source of information: its maker, when the phrase names one, speaks.
    ("'according to a study from the council'",
     "Exports dipped slightly, according to a study from the Trade Council.",
     ("Exports dipped slightly", "indirect", "the Trade Council", "according to")),
    ("'according to data released by X'",
     "Ferry ridership fell 7 percent in March, according to data released Monday by city transit officials.",
     ("Ferry ridership fell 7 percent in March", "indirect", "city transit officials", "according to")),
    ("'according to figures his campaign posted'",
     "The governor spent $3 million on ads in May, according to figures his campaign posted on Monday.",
     ("The governor spent $3 million on ads in May", "indirect", "his campaign", "according to")),
    # Guards: "by" a name (as before); a place or an event after "from"; a date's possessive.
    ("guard: 'according to a count by Harbor Radio'",
     "Ortega leads by 35 seats, according to a count by Harbor Radio.",
     ("Ortega leads by 35 seats", "indirect", "Harbor Radio", "according to")),
    ("guard: 'according to reports from the convention'",
     "Angry delegates were still planning to disrupt the vote, according to reports from the convention.",
     ("Angry delegates were still planning to disrupt the vote", "indirect", "reports from the convention",
      "according to")),
    ("guard: 'according to March's polling'",
     "Nearly a third of his backing comes from retirees, according to March's Herald-CBS polling.",
     ("Nearly a third of his backing comes from retirees", "indirect", "March's Herald-CBS polling", "according to")),
]


@pytest.mark.parametrize("case,text,expected", ACCORDING, ids=[row[0] for row in ACCORDING])
def test_according_maker(nlp, case, text, expected):
    assert expected in _found(nlp, text)
