"""Direct quotes on the shapes of US political news (issue 14, direct quotes): made-up
sentences of the forms the kit missed or misattributed on PolNeAR's train split. Tables of
(case, text, (content, kind, speaker, cue)); each row must be among the quotes found."""

from __future__ import annotations

import pytest

from test_quotes import _found  # the quotes of one text, offsets checked


WORDS_SAID = [
    # A few capitalised words right after a verb of saying are words said, not a name.
    ("a one-word shout after the cue and a comma",
     'When the senator paused, a woman near the stage shouted, "Ohio," and the crowd laughed.',
     ("Ohio,", "partial", "a woman near the stage", "shouted")),
    ("a word said over and over",
     'During the debate, Garcia said "Washington" eleven times in two minutes.',
     ("Washington", "partial", "Garcia", "said")),
    ("a name yelled from the hall",
     'A fan yelled "Brooklyn" from the back of the hall.',
     ("Brooklyn", "partial", "A fan", "yelled")),
    # The parser keeps the closing mark of the paragraph before with the next sentence: the
    # quote still opens its sentence, and its cue is the verb after it.
    ("a one-word quote after a paragraph that ends in a quote",
     '"Tom wants to act tough tonight," Dole shot back. "Let me talk."\n"Silence," he demanded, as Reyes '
     'continued to interject.',
     ("Silence,", "direct", "he", "demanded")),
]

INTRODUCED = [
    # A colon ends the words that introduce a quote the parser runs into the same sentence:
    # the speaker is the noun written before the colon.
    # A headline that labels a line with a name and a colon: the quote is the name's words,
    # verb or not.
    ("a headline label before a quote without a verb",
     "Roe: 'Never, ever underestimate Smith.'\n\nOn Sunday, Jane Roe said the race was open.",
     ("Never, ever underestimate Smith.", "direct", "Roe", ":")),
    ("a headline label before a quote with a possessive",
     "Jane Roe: 'Mark Smith's fair game.'\n\nOn Sunday, Jane Roe said the race was open.",
     ("Mark Smith's fair game.", "direct", "Jane Roe", ":")),
    # "As X put it" names who said the quote beside it.
    ("'as X put it:' before the quote",
     'Few senators even agreed to meet the nominee. As Dana Ruiz, the No. 3 in the leadership, put it: "This '
     'nominee will not get a vote. There is no point pretending otherwise."',
     ("This nominee will not get a vote. There is no point pretending otherwise.", "direct", "Dana Ruiz", "put")),
    ("'as X puts it,' opening the paragraph",
     "The council voted again.\n\nAs the Gazette's Tim Hale puts it, \"The council is tired, and the voters are "
     "bored.\"",
     ("The council is tired, and the voters are bored.", "direct", "Tim Hale", "puts")),
    ("a transcript introduced by 'as follows:'",
     'The council published its answer on Friday.\n\nTranscript as follows:\n\n"We walked into the diner and '
     'people began to clap. I told them to sit down and eat."',
     ("We walked into the diner and people began to clap. I told them to sit down and eat.", "direct",
      "Transcript", ":")),
]

TRAILING_CUE = [
    # A verb of saying right after the closing mark is the quote's cue, whatever verb before
    # the quote the parser hangs it on.
    ("an inverted cue after a question the parser hangs on a verb before it",
     'The county may have been targeted, as many officials suspect and the vendor firmly denies - "why would '
     'you not want to recount every ballot?" asked Moreno, now a consultant in Denver.',
     ("why would you not want to recount every ballot?", "direct", "Moreno", "asked")),
    # After a quote broken by a comma or a question, the verb its subject says it with is
    # the cue, listed as a verb of saying or not.
    ("an unlisted verb after a comma-broken quote",
     '"People are tired of choosing the lesser evil," he surmised, before heading back to the bus.',
     ("People are tired of choosing the lesser evil,", "direct", "he", "surmised")),
    ("an unlisted verb after a question",
     '"Would the plan cover the farm towns too?" Marsh pressed.',
     ("Would the plan cover the farm towns too?", "direct", "Marsh", "pressed")),
    ("an inverted described speaker the parser makes the subject of a later verb",
     '"A driver stopped by and told us the plant would close," said the clerk, who like most people on the '
     'street would not give a surname.',
     ("A driver stopped by and told us the plant would close,", "direct", "the clerk", "said")),
    ("a subject before an aside set off by commas, a bracket in the name",
     'But Sen. Jane Roe (D-Ohio), noting the size of the crowd, said, "Let me tell you, she has a great list of '
     'donors."',
     ("Let me tell you, she has a great list of donors.", "direct", "Jane Roe", "said")),
    ("the quote's own 'she said', not the verb of the sentence before the marks",
     'At the rally she praised the volunteers, telling the crowd, "You knocked on every door," she said, adding '
     'that the work was not done.',
     ("You knocked on every door,", "direct", "she", "said")),
]

NOT_TRAILING = [
    # Between dashes, the clause after the quote is not its attribution.
    ('When Roe finally finished - "We will win this state!" - the confetti fell on the crowd.', "the confetti"),
    # A new sentence after the marks is not the quote's cue: the quote keeps the one before.
    ('"We will not stop until every vote is counted!" She left the stage soon after, her aides said.',
     "She"),
]

NAMES = [
    # Beside a verb that gives names, the words stay a name: no row.
    'The governor called the bill "Operation Clean Slate" in a memo to staff.',
    'Aides dubbed the plan "Project Lighthouse" last spring.',
]

#: A title in marks after a noun phrase ("her memoir "..."") is a title, however long.
TITLES = [
    ('The scene is told by a former aide in her memoir "Second Chair: My Years Inside the Governor\'s Office" '
     'and by others.', "Second Chair: My Years Inside the Governor's Office"),
]

#: 'a "unity" lunch', 'the "top secret" level': quoted words that modify the noun after them.
MODIFIERS = [
    ('Roe will speak at a breakfast before joining the party for a "unity" lunch.', "unity"),
    ('None of the files reached the "top secret" level, the inspector found.', "top secret"),
]

#: A line of its own in single marks past the headline is a section heading, not the words of
#: whoever was quoted before it.
HEADINGS = [
    ('"We will hire again next spring," Ortiz said. "The orders are coming back."\n\n\'We are building trucks '
     'again!\'\n\nOn a cold Monday, the workers met at the union hall.', "We are building trucks again!"),
]

#: 'told "Morning Report"': the listener (a show), not words said.
SIGNED = [
    # A quote opening its line and signed on the same line by a dash and a name (a round-up of
    # readers' words, an epigraph) is that name's.
    ("a quote signed after its closing mark by a horizontal bar",
     "Readers wrote in about the storm.\n\n\u201cEvery storm ends, and so will this one.\u201d \u2015 Maria Okafor, Dayton"
     "\n\n\u201cKeep going even when nobody claps.\u201d \u2014 Peter Lund",
     ("Keep going even when nobody claps.", "direct", "Peter Lund", "\u2014")),
    ("a straight-quoted line signed by an em dash and a place",
     'What voters told us.\n\n"The roads come first, then the stadium." \u2014 Dana Cole, Ohio',
     ("The roads come first, then the stadium.", "direct", "Dana Cole", "\u2014")),
    # A quote over two lines whose last line is only a name and an affiliation: the name signs
    # it, and the signature is no quote of its own.
    ("a quote whose last line is its signature",
     'The party needs a new plan, the economists argue.\n\n"We will go into the next slump without any plan '
     'at all.\nDana Okafor, Farm Policy Center."\n\nThe board did not reply.',
     ("We will go into the next slump without any plan at all.", "direct", "Dana Okafor", None)),
    # A name and a colon right before the quote label it, after a dash, a sentence or another
    # quote on the same line, with no blank after the colon, or with "From" before a document.
    ("a label after another labelled quote on the same line",
     'The two candidates differ. Olin: "We will cut the tax in half." Cole: "The tax stays where it is."',
     ("The tax stays where it is.", "direct", "Cole", ":")),
    ("a label with a party and a state and no blank after the colon",
     'The hearing went on for hours.\n\nRep. Dana Cole (R-Ind.):"I have never seen that number before. '
     'Where did it come from?"',
     ("I have never seen that number before. Where did it come from?", "direct", "Dana Cole", ":")),
    ("a label after an ellipsis",
     'Soon after the flood he posted about ... Dana Ruiz: "Thanks to every volunteer who came out tonight."',
     ("Thanks to every volunteer who came out tonight.", "direct", "Dana Ruiz", ":")),
    ("a title's full stop is no sentence before a label (the verb of saying stays the cue)",
     'Dana Ruiz, a former aide to Mr. Olin and now a county chairman, said of Mr. Olin: "He is from here, and '
     'he never forgot it."',
     ("He is from here, and he never forgot it.", "direct", "Dana Ruiz", "said")),
    # A straight mark doubling a curly one ('"\u201cYou ...') is a stray: the curly pair is the quote.
    ("a stray straight mark before a curly quote",
     "The interview aired on Wednesday.\n\n\"\u201cYou don\u2019t win a race by counting towns,\u201d Olin answered "
     "before adding that he would need the cities in May.\"",
     ("You don\u2019t win a race by counting towns,", "direct", "Olin", "answered")),
    ("'From the report:' before the quote",
     "What the survey shows - Most towns are split. From the report: \u201cTowns with a mill voted to keep it. "
     "Others did not.\u201d",
     ("Towns with a mill voted to keep it. Others did not.", "direct", "the report", ":")),
    ("'From X's post:' is the post's owner's",
     "Aides say the governor will back Lund. From Cole's Facebook post: \"We must put the party first and "
     "unite behind one candidate this year.\"",
     ("We must put the party first and unite behind one candidate this year.", "direct", "Cole", ":")),
]

CARRIED = [
    # '"...," the letter read.': the parser takes "read" for a noun; the text carries the words.
    ("an email that read",
     'The campaign sent a fundraising email on Tuesday.\n\n"Friends, I will be honest. I can beat the mayor. '
     'Nobody else can," the email read. It asked for ten dollars.',
     ("Friends, I will be honest. I can beat the mayor. Nobody else can,", "direct", "email", "read")),
    ("an editorial that read",
     'The paper ran a front-page editorial.\n\n"If he wants the job, the governor should come to the coast and '
     'see the damage," the editorial read.',
     ("If he wants the job, the governor should come to the coast and see the damage,", "direct", "editorial",
      "read")),
    ("'read one' after an exclamation",
     'Planes wrote messages over the stadium.\n\n"Vote them out!" read one.',
     ("Vote them out!", "direct", "one", "read")),
    # A chant's words belong to the chanters, named or not.
    ("the chanters named by a possessive",
     'Hundreds of fans packed the hall. Their chants of "Lena! Lena! Lena!" drowned out the band.',
     ("Lena! Lena! Lena!", "partial", "Their", "chants of")),
    ("chants of nobody named",
     'Walking into the hall to chants of "Omar! Omar!," the governor said the race was "very close."',
     ("Omar! Omar!,", "partial", None, "chants of")),
]

LISTENERS = [
    ('"We need more buses on the early routes," the mayor told "Morning Report" after the vote.', "Morning Report"),
]


@pytest.mark.parametrize("case, text, expected", WORDS_SAID, ids=[row[0] for row in WORDS_SAID])
def test_words_said(nlp, case, text, expected):
    assert expected in _found(nlp, text)


@pytest.mark.parametrize("case, text, expected", INTRODUCED, ids=[row[0] for row in INTRODUCED])
def test_introduced_by_a_colon(nlp, case, text, expected):
    assert expected in _found(nlp, text)


@pytest.mark.parametrize("case, text, expected", TRAILING_CUE, ids=[row[0] for row in TRAILING_CUE])
def test_cue_after_the_marks(nlp, case, text, expected):
    assert expected in _found(nlp, text)


@pytest.mark.parametrize("text, not_speaker", NOT_TRAILING)
def test_new_sentence_after_the_marks(nlp, text, not_speaker):
    assert all(speaker != not_speaker for _, kind, speaker, _ in _found(nlp, text) if kind == "direct")


@pytest.mark.parametrize("text", NAMES)
def test_names_given_are_not_quotes(nlp, text):
    assert [row for row in _found(nlp, text) if row[1] != "indirect"] == []


@pytest.mark.parametrize("text, title", TITLES)
def test_a_long_title_is_not_a_quote(nlp, text, title):
    assert title not in [row[0] for row in _found(nlp, text)]


@pytest.mark.parametrize("text, words", MODIFIERS)
def test_a_quoted_modifier_is_not_a_quote(nlp, text, words):
    assert words not in [row[0] for row in _found(nlp, text)]


@pytest.mark.parametrize("text, heading", HEADINGS)
def test_a_quoted_heading_is_not_a_quote(nlp, text, heading):
    assert heading not in [row[0] for row in _found(nlp, text)]


@pytest.mark.parametrize("text, listener", LISTENERS)
def test_the_listener_is_not_a_quote(nlp, text, listener):
    assert listener not in [row[0] for row in _found(nlp, text)]


@pytest.mark.parametrize("case, text, expected", SIGNED, ids=[row[0] for row in SIGNED])
def test_signed_and_labelled(nlp, case, text, expected):
    assert expected in _found(nlp, text)


def test_a_signature_line_is_no_quote(nlp):
    text = next(row[1] for row in SIGNED if row[0] == "a quote whose last line is its signature")
    assert "Dana Okafor, Farm Policy Center." not in [row[0] for row in _found(nlp, text)]


@pytest.mark.parametrize("case, text, expected", CARRIED, ids=[row[0] for row in CARRIED])
def test_carried_and_chanted(nlp, case, text, expected):
    assert expected in _found(nlp, text)
