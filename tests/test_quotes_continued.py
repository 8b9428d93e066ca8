"""Quoted sentences that go on a quote before them, the sentences around a quote that are
not its attribution, quoted words inside a reported clause, and an "according to" around a
quote with a cue of its own (issue 14, direct quotes). Made-up sentences of the shapes the kit
misattributed on PolNeAR's train split; tables of (case, text, (content, kind, speaker, cue)),
each row must be among the quotes found."""

from __future__ import annotations

import pytest

from test_quotes import _found, _given_parse  # the quotes of one text, offsets checked; a Doc with a given parse


NEW_SENTENCE_AFTER = [
    # A quoted sentence ending in a full stop, then a new sentence whose verb of saying has
    # words of its own (an object, a reported clause): that verb is not the quote's cue; the
    # quote goes on the speaker of the quote before it.
    ("an object after 'mentioned'",
     '"We have no doubt about the outcome," she said. "We are comfortable with the number of towns we are able '
     'to visit every week." She mentioned a planned visit on Friday to a farm near the river.',
     ("We are comfortable with the number of towns we are able to visit every week.", "direct", "she", "said")),
    ("an object after 'praised'",
     '"The budget is sound," the mayor said. "Nobody in this hall should worry about the pension fund this '
     'year." He praised the council\'s work on the new bridge.',
     ("Nobody in this hall should worry about the pension fund this year.", "direct", "the mayor", "said")),
    ("a reported clause after 'said'",
     '"We will see," Lee said. "Nothing is decided yet." She said the board meets next week.',
     ("Nothing is decided yet.", "direct", "Lee", "said")),
    ("a reported clause and an 'according to' phrase in the sentence after",
     '"It is a sad day," Lopez told reporters in Akron. "Nobody should have to see that at a rally." Gov. Dana '
     'Ruiz said she would have fired the aide, according to local papers.',
     ("Nobody should have to see that at a rally.", "direct", "Lopez", "told")),
    # Guards: a question before the next sentence's cue and its listener, a listener after
    # 'told', a cue with no words of its own: that sentence still attributes the quote.
    ("guard: a question, then the cue with its listener",
     '"Would you run again?" the host asked. "Did you talk to your family?" Okafor asked the senator.',
     ("Did you talk to your family?", "direct", "Okafor", "asked")),
    ("guard: 'told' and its listener",
     'The hearing ran late. "We have heard enough for one day." Okafor told the committee.',
     ("We have heard enough for one day.", "direct", "Okafor", "told")),
    ("guard: a cue with no words of its own",
     'The hearing ran late. "We have heard enough for one day." Okafor said in a statement.',
     ("We have heard enough for one day.", "direct", "Okafor", "said")),
]


@pytest.mark.parametrize("case, text, expected", NEW_SENTENCE_AFTER, ids=[row[0] for row in NEW_SENTENCE_AFTER])
def test_a_new_sentence_saying_something_else(nlp, case, text, expected):
    assert expected in _found(nlp, text)


OUTER_REPORTER = [
    # Quoted words under a verb of saying that is itself inside a reported clause: the marks
    # give the words of the reporter of the outer clause (and when that clause makes a claim
    # of its own around them, it is the one row, mixed).
    ("a quoted word under a verb inside a reported clause",
     'The governor said he expected voters will say "no" to the tax.',
     ('he expected voters will say "no" to the tax', "mixed", "The governor", "said")),
    ("a quoted label under 'called' inside a reported clause",
     'Lee said the mayor called the report "a whitewash."',
     ("a whitewash.", "partial", "Lee", "said")),
    # Guards: quoted words right under the reporter's verb; a reported clause that holds the
    # marks and a claim of its own stays one mixed quote of the reporter.
    ("guard: the reporter's own verb",
     'Despite his earlier doubts, the chairman asked, "Why now?" Later Dunn said he believes the vote was "rushed."',
     ("rushed.", "partial", "Dunn", "said")),
    ("guard: a mixed quote with a verb of saying inside",
     'Reyes argued that critics say the deal would "gut" the pension fund.',
     ('critics say the deal would "gut" the pension fund', "mixed", "Reyes", "argued")),
]


@pytest.mark.parametrize("case, text, expected", OUTER_REPORTER, ids=[row[0] for row in OUTER_REPORTER])
def test_the_outer_reporter_speaks_the_marks(nlp, case, text, expected):
    assert expected in _found(nlp, text)


ACCORDING_AROUND = [
    # A quote with its own cue and an "according to" phrase after them: the quote is its
    # speaker's, and the clause (quote and cue) is also the report of the phrase's object.
    ("'according to' after a quote and its cue",
     '"We will not back down from this fight," Okafor said, according to the Gazette.',
     [("We will not back down from this fight,", "direct", "Okafor", "said"),
      ('We will not back down from this fight," Okafor said', "mixed", "Gazette", "according to")]),
    ("'according to' a document after a quote, its cue and the listener",
     '"The case is closed," the judge told the jury, according to a recording of the hearing.',
     [("The case is closed,", "direct", "the judge", "told"),
      ('The case is closed," the judge told the jury', "mixed", "a recording of the hearing", "according to")]),
    # Guards: a quote whose only cue is the phrase, and no quote at all: one row each.
    ("guard: 'according to' is the quote's own cue",
     'According to the Gazette, "the plant will close in May and nobody was told."',
     [("the plant will close in May and nobody was told.", "direct", "Gazette", "According to")]),
    ("guard: 'according to' without a quote",
     "The plant will close in May, according to the Gazette.",
     [("The plant will close in May", "indirect", "Gazette", "according to")]),
]


@pytest.mark.parametrize("case, text, expected", ACCORDING_AROUND, ids=[row[0] for row in ACCORDING_AROUND])
def test_according_to_around_a_quote_with_its_cue(nlp, case, text, expected):
    assert _found(nlp, text) == expected


VERBLESS = [
    # A whole quoted sentence without a verb, right after a quote of the same speaker, is a
    # direct quote that continues it (not a few words of the reporter's sentence).
    ("a verbless sentence after an inverted cue",
     'Many of them talked about the floods in the valley.\n\n"Water," said Lopez, a retired farmer. "Water for the '
     'whole county, every single week."\n\nThe storms changed the race.',
     ("Water for the whole county, every single week.", "direct", "Lopez", "said")),
    ("a list in marks after a quote",
     '"We lost the barn," Okafor said. "Three cows, two goats and the tractor."',
     ("Three cows, two goats and the tractor.", "direct", "Okafor", "said")),
]


@pytest.mark.parametrize("case, text, expected", VERBLESS, ids=[row[0] for row in VERBLESS])
def test_a_verbless_quoted_sentence_goes_on(nlp, case, text, expected):
    assert expected in _found(nlp, text)


def test_a_quoted_name_with_a_full_stop_is_no_sentence(nlp):
    """'"Harbor Road."' after a quote: a few capitalised words, a name, not words said."""
    assert [row[0] for row in _found(nlp, '"We lost the barn," Okafor said. "Harbor Road."')] == ["We lost the barn,"]


# 'Asked by Ruiz about the plans, he said, "We drew them ourselves."' parsed with both the
# 'Asked' clause and 'said' under the quote's verb.
ASKED_THEN_SAID = [
    ("Asked", True, 12, "advcl", "VERB", "VBN", "ask"), ("by", True, 0, "agent", "ADP", "IN", "by"),
    ("Ruiz", True, 1, "pobj", "PROPN", "NNP", "Ruiz"), ("about", True, 0, "prep", "ADP", "IN", "about"),
    ("the", True, 5, "det", "DET", "DT", "the"), ("plans", False, 3, "pobj", "NOUN", "NNS", "plan"),
    (",", True, 8, "punct", "PUNCT", ",", ","), ("he", True, 8, "nsubj", "PRON", "PRP", "he"),
    ("said", False, 12, "parataxis", "VERB", "VBD", "say"), (",", True, 8, "punct", "PUNCT", ",", ","),
    ('"', False, 12, "punct", "PUNCT", "``", '"'), ("We", True, 12, "nsubj", "PRON", "PRP", "we"),
    ("drew", True, 12, "ROOT", "VERB", "VBD", "draw"), ("them", True, 12, "dobj", "PRON", "PRP", "they"),
    ("ourselves", False, 12, "npadvmod", "PRON", "PRP", "ourselves"), (".", False, 12, "punct", "PUNCT", ".", "."),
    ('"', False, 12, "punct", "PUNCT", "''", '"'),
]


def test_the_cue_nearest_the_quote_under_its_verb(nlp):
    """Two verbs of saying under the quote's verb: the one beside the marks is its cue."""
    from kit.quotes import find_quotes

    rows = find_quotes(_given_parse(nlp, ASKED_THEN_SAID), [])
    assert ("We drew them ourselves.", "direct", "he", "said") in [(r["text"], r["kind"], r["speaker"], r["cue"]) for r in rows]
