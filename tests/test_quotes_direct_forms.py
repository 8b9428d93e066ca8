"""Direct quotes' speakers in forms of US political news the kit got wrong on PolNeAR's train
split (issue 14): made-up sentences. Tables of (case, text, (content, kind, speaker, cue));
each row must be among the quotes found."""

from __future__ import annotations

import pytest

from test_quotes import _found  # the quotes of one text, offsets checked


SURNAMES = [
    # A surname the tagger reads as a modal or an adverb right before a cue that has no
    # subject is the subject.
    ("a surname read as a modal before a verb tagged a participle",
     'Columnist Dana Will criticised the plan this week.\n\n"The storm in the capital is a warning that the '
     'process may send a novice to the statehouse. This might, and should, end the hopes of Ruiz, Ortega and '
     'especially Smith," Will wrote.',
     ("The storm in the capital is a warning that the process may send a novice to the statehouse. This might, "
      "and should, end the hopes of Ruiz, Ortega and especially Smith,", "direct", "Will", "wrote")),
    ("a surname read as an adverb, named before in the article",
     "The town's election clerk, Joan Greely, a retired teacher, said she had not seen the final count.\n\n"
     'Shown the figures, Greely described it as "quite a surprise."',
     ("quite a surprise.", "partial", "Greely", "described")),
    ("a surname read as an adverb of a verb tagged a participle",
     'Joe Scully, who led the county polling unit, was kinder: "Sam is terrific with numbers. He is a real '
     'good numbers guy."\n\nAnd Scully called Ortiz "a very bright man. I would hope having worked in the '
     'field, like he did, he knows the voters."',
     ("a very bright man. I would hope having worked in the field, like he did, he knows the voters.",
      "mixed", "Scully", "called")),
]

ASIDES = [
    # An aside set off by commas between the speaker and a cue with an adverb before it.
    ("an aside and an adverb before a colon quote",
     'Ms. Roe, exasperated, famously responded: "What difference does the date make now?" Her critics cited it '
     'for years.',
     ("What difference does the date make now?", "direct", "Roe", "responded")),
]

PARTICIPLES = [
    # A participle after a reported clause is said by who reports it, not by a subject inside
    # the clause (through "will have to pick").
    ("a subject inside a reported clause with an infinitive",
     'Even a longtime union organizer said Roe will have to pick which team she is on, saying, "Sooner or '
     'later, she is going to need to tell voters what she thinks of her old ally."',
     ("Sooner or later, she is going to need to tell voters what she thinks of her old ally.", "direct",
      "Even a longtime union organizer", "saying")),
    # "X, who ... and who ...": the second relative pronoun stands for the same antecedent.
    ("a participle after a second relative clause",
     'The governor was campaigning on behalf of a 58-year-old nurse named Rosa Delgado, who is seeking a seat on '
     'the school board and who greeted the voters, praising "the principal\'s candor and steady judgment" as she '
     'vowed to repair the gym.',
     ("the principal's candor and steady judgment", "partial", "Rosa Delgado", "praising")),
]

NOT_SPEAKING = [
    # A verb that is not one of saying before a colon quote: a thing for its subject does not
    # speak; the person it has for its object does.
    ("a thing for subject and a person for object",
     'Eleven percent of renters were unsure.\n\nThe size of the jump does not surprise Democratic analyst Marta '
     'Lind: "Usually, outsiders who upset front-runners in the first primaries get the largest bump in the polls."',
     ("Usually, outsiders who upset front-runners in the first primaries get the largest bump in the polls.",
      "direct", "Marta Lind", "surprise")),
]
ACROSS_A_BREAK = [
    # The parser runs a sentence over a paragraph break and hangs the second paragraph's "and
    # said" on the first one's verb: the name that opens the second paragraph speaks.
    ("a name opening a paragraph the parser hangs on the one before",
     'Mayor Lee said the plan was drawn up by the chief of police and said, "Who do you trust on safety?"\n\nLee, '
     'speaking on a radio show, called Smith a "blowhard," and said his remarks about the city were priceless '
     '"propaganda" for the rebels.',
     ('his remarks about the city were priceless "propaganda" for the rebels', "mixed", "Lee", "said")),
]
UNCLOSED = [
    # A quote left open whose sentence holds an attribution set off by commas ends before it.
    ("an unclosed quote before ', said Name,'",
     'Foster families often lost their records.\n\n"There was little guidance for foster families in those days '
     'on which forms to file, said Brandt, whose group is lobbying for a bill in the Senate.',
     ("There was little guidance for foster families in those days on which forms to file", "direct", "Brandt",
      "said")),
]
SPACED_MARKS = [
    # A quote in a quote closed at the end, typed "' ''" with a blank between the two marks.
    ("a double closing mark after a single one and a blank",
     "Ms. Okafor said she wanted the film to feel honest. ''I dislike the label 'Harbor poor,' '' she said, though "
     "she conceded that the family never went hungry.",
     ("I dislike the label 'Harbor poor,'", "direct", "she", "said")),
]
#: Two curly single marks typed for a closing double one, after a word opened by a double mark:
#: the quoted word is a scare quote, not the start of a quote that runs on.
CURLY_CLOSED = 'Moss greeted Diaz with a “welcome’’ that was really a lecture.\n\n"I will take it," Diaz said.'
#: "It" before a colon, with a verb that is not one of saying, is nobody: no speaker "it".
IT_GETS = ('The agency said 100,000 would be admitted in 2017.\n\nWait, it gets better:\n\n"By law, the governor every '
           'year sets the most refugees the state can accept. This is not done by decree."')


@pytest.mark.parametrize("case, text, expected", SURNAMES, ids=[row[0] for row in SURNAMES])
def test_a_surname_read_as_another_word(nlp, case, text, expected):
    assert expected in _found(nlp, text)


@pytest.mark.parametrize("case, text, expected", ASIDES, ids=[row[0] for row in ASIDES])
def test_a_speaker_before_an_aside(nlp, case, text, expected):
    assert expected in _found(nlp, text)


@pytest.mark.parametrize("case, text, expected", PARTICIPLES, ids=[row[0] for row in PARTICIPLES])
def test_a_participle_after_a_reported_clause(nlp, case, text, expected):
    assert expected in _found(nlp, text)


@pytest.mark.parametrize("case, text, expected", NOT_SPEAKING, ids=[row[0] for row in NOT_SPEAKING])
def test_a_thing_does_not_speak(nlp, case, text, expected):
    assert expected in _found(nlp, text)


def test_it_before_a_colon_is_nobody(nlp):
    assert [row for row in _found(nlp, IT_GETS) if row[2] == "it"] == []


@pytest.mark.parametrize("case, text, expected", ACROSS_A_BREAK, ids=[row[0] for row in ACROSS_A_BREAK])
def test_a_name_opening_a_paragraph(nlp, case, text, expected):
    assert expected in _found(nlp, text)


@pytest.mark.parametrize("case, text, expected", UNCLOSED, ids=[row[0] for row in UNCLOSED])
def test_an_unclosed_quote_before_its_attribution(nlp, case, text, expected):
    assert expected in _found(nlp, text)


def test_a_scare_quote_closed_by_curly_pairs(nlp):
    assert [row for row in _found(nlp, CURLY_CLOSED) if "lecture" in row[0]] == []


@pytest.mark.parametrize("case, text, expected", SPACED_MARKS, ids=[row[0] for row in SPACED_MARKS])
def test_a_closing_mark_after_a_blank(nlp, case, text, expected):
    assert expected in _found(nlp, text)
