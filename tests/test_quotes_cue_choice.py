"""Which cue a quote in marks is tied to, and quoted titles that are no words said (PolNeAR
train, issue 14): made-up sentences. Tables of (case, text, expected) like the other
tests/test_quotes_*.py files."""

from __future__ import annotations

import pytest

from test_quotes import _found  # the quotes of one text, offsets checked


#: A show's, a book's or an article's title in marks, where a noun phrase goes: no quote.
TITLES = [
    ("a show's title after a possessive the parser tags a closing mark",
     "Lee Tells Voters: 'No Place For Anger.'\n\nTuesday on WKRB’s “Morning with Ann Hale,” while discussing a "
     "new poll, Mayor Lee said he would wait for the count.",
     "Morning with Ann Hale,"),
    ("a title after a participle that names",
     'Anyone who backed the mayor can find solace in a Harbor Ledger article titled "Lee Does Best Where Turnout '
     'Falls Sharply."\n\n"Do these people vote?" asked one reader.',
     "Lee Does Best Where Turnout Falls Sharply."),
    ("an editorial's title after a participle that names, before a verb of saying",
     "Fans were pleased with the review, entitled “Mr. Vale Is Not a Humble Bird-Watcher,” when it posted on "
     "Sunday.",
     "Mr. Vale Is Not a Humble Bird-Watcher,"),
]


@pytest.mark.parametrize("case, text, title", TITLES, ids=[row[0] for row in TITLES])
def test_a_title_is_no_quote(nlp, case, text, title):
    assert [row for row in _found(nlp, text) if row[0] == title] == []


#: An "according to" phrase opening the sentence of a quote with a cue of its own: the whole
#: sentence is the phrase's object's account, quote and cue together. (content, speaker, cue)
ACCORDING_FIRST = [
    ("'according to' before a speaker and a partial quote",
     'The council met on Monday.\n\nAccording to the Harbor Ledger, Roe said the vote was "a farce from start to end."',
     ("a farce from start to end.", "the Harbor Ledger", "According to")),
    ("'according to' before a sign that reads a quote",
     "Drivers on the coast road saw odd messages this week.\n\nAccording to the Coast Herald, one county sign read, "
     "“Slow down, the whales are watching.”",
     ("Slow down, the whales are watching.", "the Coast Herald", "According to")),
]


@pytest.mark.parametrize("case, text, expected", ACCORDING_FIRST, ids=[row[0] for row in ACCORDING_FIRST])
def test_according_to_opening_the_sentence(nlp, case, text, expected):
    assert expected in [(content, speaker, cue) for content, _, speaker, cue in _found(nlp, text)]


#: A quote inside the reporter's sentence, under the verb of a clause that sentence reports:
#: the words are the outer reporter's; unless that inner verb introduces them itself, a comma
#: or a colon before the marks (the guard).
OUTER_CUE = [
    ("a quote joined to a reported clause by 'and that'",
     'The mayor spoke on Friday.\n\nSenator Ann Hale told reporters that she had spoken to the harbor chief and that '
     '"I believe the ferries will run again before the winter." The chief declined to comment.',
     ("I believe the ferries will run again before the winter.", "direct", "Ann Hale", "told")),
    ("a quote after an aside with a verb of its own",
     'The board met again.\n\nDana Cole noted that although floods are not new to the valley - he wrote his first '
     'column on that subject 30 years ago, "You put it with the other storms we have seen, and it is a turning point."',
     ("You put it with the other storms we have seen, and it is a turning point.", "direct", "Dana Cole", "noted")),
    ("guard: the inner verb introduces the quote",
     'The case went to trial in May.\n\nProsecutors say that he told one agent, "I would say, well, you did a fine job."',
     ("I would say, well, you did a fine job.", "direct", "he", "told")),
]


@pytest.mark.parametrize("case, text, expected", OUTER_CUE, ids=[row[0] for row in OUTER_CUE])
def test_the_outer_cue_of_a_quote_inside_a_report(nlp, case, text, expected):
    assert expected in _found(nlp, text)


#: A verb of saying right before the opening mark (a comma between at most) introduces the
#: quote, though the parser hangs the quoted words on another verb.
BEFORE_THE_MARK = [
    ("a participle and a comma before one quoted word",
     "The clerk was told to wait.\n\nSeconds later, he mailed a card saying, “approved.”\n\nThe office closed.",
     ("approved.", "partial", "he", "saying")),
    ("a verb right before the mark, another cue earlier in the sentence",
     "The feeds shifted to the speech.\n\nSome in the hall hissed, and when Ortiz thanked Dover and said it was really "
     "great to be here, a man yelled “Go away!”\n\nBoos got louder later.",
     ("Go away!", "partial", "a man", "yelled")),
]


@pytest.mark.parametrize("case, text, expected", BEFORE_THE_MARK, ids=[row[0] for row in BEFORE_THE_MARK])
def test_a_verb_of_saying_before_the_mark(nlp, case, text, expected):
    assert expected in _found(nlp, text)


#: '"A," Roe said. "B' left open at the paragraph's end, then '"C," he went on.': B goes on
#: the quote before it in its paragraph, not on the cue of the paragraph after.
RUN_ON = [
    ("a quote left open at a paragraph's end after an attributed one",
     'The senator took the stage at noon.\n\n"The mayor says what people want to hear," Hale said. "But a mayor '
     'cannot just say anything. It has costs for the whole harbor.\n\n"I am not here to be polite. I am here to be '
     'right," he continued. "We will work with every town on the coast."',
     ("But a mayor cannot just say anything. It has costs for the whole harbor.", "direct", "Hale", "said")),
]


@pytest.mark.parametrize("case, text, expected", RUN_ON, ids=[row[0] for row in RUN_ON])
def test_a_quote_run_on_past_its_paragraph(nlp, case, text, expected):
    assert expected in _found(nlp, text)
