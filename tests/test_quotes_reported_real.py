"""Reported speech on real news forms (issue 14, reported speech): invented sentences of the
forms PolNeAR's train split annotates and the kit missed. Tables of (case, text, (content,
kind, speaker, cue)); each row must be among the quotes found."""

from __future__ import annotations

import pytest

from test_quotes import _found, _given_parse, _rows  # the quotes of one text, offsets checked; a Doc with a given parse


HEADLINES = [
    # An article's first line is its headline: its verb of saying, which the parser takes for
    # a noun in the headline's telegraphic style, is read by its form.
    ("title case, the verb taken for a noun",
     "Senator Okafor Slams Reyes for Skipping The Budget Vote.\n\nBOSTON (AP) — Okafor spoke on Monday.",
     ("Reyes for Skipping The Budget Vote", "indirect", "Senator Okafor", "Slams")),
    ("lower case, the subject taken for the verb",
     "Harbor city protesters blast Okafor.\n\nBOSTON (AP) — Protesters gathered outside city hall.",
     ("Okafor", "indirect", "Harbor city protesters", "blast")),
    ("a verb and its particle, cut at a new clause",
     "Mayor Okafor Calls for Independent Inquiry after Audit Reveals Missing Funds.\n\nThe audit ran for a year.",
     ("Independent Inquiry", "indirect", "Mayor Okafor", "Calls for")),
    ("the new clause's own speaker",
     "Mayor Okafor Calls for Independent Inquiry after Audit Reveals Missing Funds.\n\nThe audit ran for a year.",
     ("Missing Funds", "indirect", "Audit", "Reveals")),
    ("cut at a semicolon",
     "Harbor Council Vows Recount; Okafor Concedes Nothing.\n\nBOSTON (AP) — The count is close.",
     ("Recount", "indirect", "Harbor Council", "Vows")),
    ("a label before the speaker",
     "The Latest: Farmers say drought worst in decades.\n\nDES MOINES (AP) — Crops are failing.",
     ("drought worst in decades", "indirect", "Farmers", "say")),
    ("what it is about, with the hearer",
     "Okafor talks to Dana Whitfield about school funding.\n\nBOSTON (AP) — The interview aired Sunday.",
     ("to Dana Whitfield about school funding", "indirect", "Okafor", "talks")),
]

PARAGRAPHS = [
    # "<clause>, she said." closing a paragraph whose next one opens with a quote: the parser
    # runs the sentence over the line break and hangs the quote on this "said" (or this
    # "said" on the next one's); the clause is still what this verb reports.
    ("the next paragraph's quote hung on this cue",
     "The county opened the shelter to help in times of flooding. But it was the first time the county had opened it "
     "for a heat wave, she said.\n\n''People come here to cool off and get water, which is why we opened it,'' "
     "Ms. Reyes said.",
     ("it was the first time the county had opened it for a heat wave", "indirect", "she", "said")),
    ("this cue hung on the next paragraph's",
     "Most of the new jobs are in the city's east end, he said.\n\n''We have never seen growth like this,'' "
     "Mr. Okafor said.",
     ("Most of the new jobs are in the city's east end", "indirect", "he", "said")),
    # An interrupting cue whose sentence the parser runs into the next paragraph's quote: the
    # clause stops at the line break.
    ("an interrupting cue, the next paragraph's quote run in",
     "The only problem, Ms. Abara said, is that the night bus runs an hour late.\n\n''I think it will get better "
     "soon,'' she said.",
     ("The only problem, Ms. Abara said, is that the night bus runs an hour late", "indirect", "Abara", "said")),
    ("an interrupting cue after an adverb, the next paragraph's quote run in",
     "Otherwise, she said, cities may simply steal jobs from one another.\n\n''There is a danger that a stadium deal "
     "alone might just move spending around,'' she told a room of students.",
     ("Otherwise, she said, cities may simply steal jobs from one another", "indirect", "she", "said")),
]

INTERRUPTED = [
    # The cue set off by commas right after the clause's verb: the clause goes on past it.
    ("after a copula, a comparative", "The new route is, he said, far safer for cyclists.",
     ("The new route is, he said, far safer for cyclists", "indirect", "he", "said")),
    ("after a subject and its verb", "The plan was, she said, a mistake from the start.",
     ("The plan was, she said, a mistake from the start", "indirect", "she", "said")),
    # The parser hangs words of the clause on the cue, before the cue's subject, when another
    # sentence comes first; or parses the clause's subject away from its verb.
    ("words of the clause hung on the cue",
     "At one stage, nearly 700 drivers were working night shifts. Many days, former colleagues said, he "
     "would stay at the depot past midnight.",
     ("Many days, former colleagues said, he would stay at the depot past midnight", "indirect",
      "former colleagues", "said")),
    ("the clause's subject parsed away from its verb",
     "They booked a hall for the evening - and the lease, the club said, had been costly to sign.",
     ("the lease, the club said, had been costly to sign", "indirect", "the club", "said")),
    ("a clause with 'there' for subject",
     "When he finally reached the station, he said, there were no trains and he had to walk home.",
     ("When he finally reached the station, he said, there were no trains and he had to walk home", "indirect",
      "he", "said")),
]

RECALL = [
    # Forms of reported speech the parse-based rules missed (issue 14, indirect recall).
    ("the same answer about someone else",
     "Half of the nurses said the pay was fair, and a third said the same of the night shifts.",
     ("the same of the night shifts", "indirect", "a third", "said")),
    ("the same answer as a subject", "Last spring, 30 percent said the same.",
     ("the same", "indirect", "30 percent", "said")),
    ("what was said about something", "The senator has said little about the new tax plan.",
     ("the new tax plan", "indirect", "The senator", "said")),
    ("a title in marks that is no quote row",
     "At the bank, Ms. Roe said she and her friends called themselves ''The Lunch Club.''",
     ("she and her friends called themselves ''The Lunch Club.''", "mixed", "Roe", "said")),
    ("an accusing passive, nobody named", "The mayor was charged with bribery and fraud last spring.",
     ("The mayor was charged with bribery and fraud", "indirect", None, "charged")),
    ("a declaring passive", "Okafor was declared the winner in Ohio on Tuesday night.",
     ("Okafor was declared the winner in Ohio on Tuesday night", "indirect", None, "declared")),
    ("a passive with its agent", "The senator's plan was reported first by the Daily Bugle.",
     ("The senator's plan", "indirect", "the Daily Bugle", "reported")),
    ("'according to' hung on its own object",
     "The agency is now looking into the deal, according to two people who spoke to the Bugle but were not "
     "allowed to speak publicly.",
     ("The agency is now looking into the deal", "indirect", "two people", "according to")),
    ("asked later about", "Asked last week about the merger, the mayor declined to comment.",
     ("the merger", "indirect", None, "Asked")),
    ("an interrupting cue after a gerund subject", "Driving at night as a young man in a rural county, he said, can be lonely.",
     ("Driving at night as a young man in a rural county, he said, can be lonely", "indirect", "he", "said")),
    ("agreeing to do something", "The bank agreed to pay $30 million to settle the charges.",
     ("to pay $30 million to settle the charges", "indirect", "The bank", "agreed")),
    ("agreeing with someone's words", "The senator agreed with his assessment of the budget.",
     ("with his assessment of the budget", "indirect", "The senator", "agreed")),
    ("telling a story", "The governor often tells the story of the night his barn burned down.",
     ("the story of the night his barn burned down", "indirect", "The governor", "tells")),
]

RECALL_MORE = [
    # A "that" clause opened by a subordinate clause is a claim, not a question.
    ("'that' before a when-clause",
     "The mayor smiled as she noted that when the count began, her rival had a ten-point lead.",
     ("when the count began, her rival had a ten-point lead", "indirect", "she", "noted")),
    ("'that' before a when-clause, 'said'",
     "The coach said that when the season started, nobody expected the team to win.",
     ("when the season started, nobody expected the team to win", "indirect", "The coach", "said")),
    # A cue set off by commas, hung on a verb whose subject the parser did not give it.
    ("a set-off cue after a free relative",
     "Whatever headway the mediators have made, diplomats said, could soon be erased by a fresh offensive.",
     ("Whatever headway the mediators have made, diplomats said, could soon be erased by a fresh offensive",
      "indirect", "diplomats", "said")),
    # A relative pronoun hung on the verb of saying beside its subject, the clause an xcomp.
    ("a relative clause of saying, the rest an xcomp",
     "He criticized the new office, which he argued seeks to punish small farms.",
     ("which he argued seeks to punish small farms", "indirect", "he", "argued")),
    ("a relative clause of saying, 'it said'",
     "The union filed the complaint, which it said covered every worker at the plant.",
     ("which it said covered every worker at the plant", "indirect", "it", "said")),
    # A trailing cue hung on the next clause, a semicolon after it: it closes the clause before it.
    ("a trailing cue before a semicolon",
     "To win the state, candidates probably need a third of the rural vote, analysts say; in 2012, the governor won "
     "with less.",
     ("To win the state, candidates probably need a third of the rural vote", "indirect", "analysts", "say")),
    # "as" with a speech act of its own is "while": the act's content, not the main clause.
    ("'as' before a vow", "The crowd cheered as the mayor vowed to rebuild the pier by summer.",
     ("to rebuild the pier by summer", "indirect", "the mayor", "vowed")),
    ("'even as' before a pledge", "Even as the two senators pledged to keep negotiating, the mood in the chamber soured.",
     ("to keep negotiating", "indirect", "the two senators", "pledged")),
    ("guard: 'as' reporting the main clause", "As the Globe reported last week, the mayor has hired a new police chief.",
     ("the mayor has hired a new police chief", "indirect", "the Globe", "reported")),
    # A verb of saying nested in the reported clause, with no comma before it, is part of what
    # the outer verb reports (one row, mixed for the words in marks).
    ("a nested 'call' with marks", 'The coach said he believed fans would call the season "a disaster" by June.',
     ('he believed fans would call the season "a disaster" by June', "mixed", "The coach", "said")),
    ("guard: a second report joined by 'and' stays its own",
     "The mayor said the council agreed, and the union said it would strike.",
     ("the council agreed", "indirect", "The mayor", "said")),
]

SET_OFF = [
    # A cue and its subject set off by commas inside the sentence it reports, with only where,
    # when or to whom after the verb, however the parser hangs it: the whole sentence is the row.
    ("a set-off cue before the clause's auxiliary", "Farmers, Okafor suggested, don't have to worry about the drought.",
     ("Farmers, Okafor suggested, don't have to worry about the drought", "indirect", "Okafor", "suggested")),
    ("a set-off cue with where it was written",
     "If she wins the seat, Okafor wrote in a post, nurses at the county hospital will get a raise.",
     ("If she wins the seat, Okafor wrote in a post, nurses at the county hospital will get a raise", "indirect",
      "Okafor", "wrote")),
    ("a closing cue the parser hangs on the clause's adverbial",
     "The library has also made it easy for people with open-minded, if quirky, tastes and dreams to gather into "
     "clubs and teach others, she said.",
     ("The library has also made it easy for people with open-minded, if quirky, tastes and dreams to gather into "
      "clubs and teach others", "indirect", "she", "said")),
    ("a set-off cue after a prepositional phrase",
     "With each passing month, his backers admit, it becomes harder to raise money.",
     ("With each passing month, his backers admit, it becomes harder to raise money", "indirect", "his backers", "admit")),
]

ELLIPTICAL = [
    # A reported clause of a subject and an auxiliary alone, its verb left out.
    ("a subject and a modal", "Asked whether she would sign the bill, Okafor said she would.",
     ("she would", "indirect", "Okafor", "said")),
    ("in an 'as' clause", "Reyes shut the old pier in March, just as he said he would, and fishermen protested.",
     ("he would", "indirect", "he", "said")),
]

NOUN_VERBS = [
    # A reported clause whose verb the parser took for a noun, with a subject or after "that".
    ("a subjunctive taken for a noun",
     "The mayor took a softer line, suggesting the county outsource the repairs to a private firm.",
     ("the county outsource the repairs to a private firm", "indirect", "The mayor", "suggesting")),
    ("a participle taken for a modifier after 'that'",
     "Advocacy groups note that Okafor co-sponsored bans in 2003 that included fines for landlords.",
     ("Okafor co-sponsored bans in 2003 that included fines for landlords", "indirect", "Advocacy groups", "note")),
]

GERUNDS = [
    # A gerund subject right after the cue, the parser taking it for the cue's object and the
    # clause's verb for a word of another phrase.
    ("a gerund subject, its verb hung elsewhere",
     "Asked if the tolls were fair, 35 percent of drivers said yes, compared with 25 percent who said raising the "
     "fee was unfair but not surprising.",
     ("raising the fee was unfair but not surprising", "indirect", "25 percent", "said")),
]

FREE_RELATIVES = [
    # "what X said was Y": the wh-word before the speaker is the reported clause's subject.
    ("a free relative, the clause's subject",
     "The hikers were released within a day, showing what several diplomats said was proof of better relations "
     "with the neighbors, yet the episode still handed opponents an argument.",
     ("what several diplomats said was proof of better relations with the neighbors", "indirect",
      "several diplomats", "said")),
    # "how" and an adjective after a verb of saying exclaim, they do not ask.
    ("'how' and an adjective", "At the ribbon cutting, Okafor smiled as she noted how proud she was to see the library open.",
     ("how proud she was to see the library open", "indirect", "she", "noted")),
    # A relative pronoun that is the object of a relative clause of saying stands for what was said.
    ("a relative pronoun, the object of saying", "The lawsuit lists a string of allegations, which Okafor denies.",
     ("which", "indirect", "Okafor", "denies")),
]

ALL = (HEADLINES + PARAGRAPHS + INTERRUPTED + RECALL + RECALL_MORE + SET_OFF + ELLIPTICAL + NOUN_VERBS + GERUNDS
       + FREE_RELATIVES)


@pytest.mark.parametrize("case, text, expected", ALL, ids=[row[0] for row in ALL])
def test_reported_speech_on_news(nlp, case, text, expected):
    assert expected in _found(nlp, text)


NOT_REPORTED = [
    # Not a headline's speech: a verb-like noun after a possessive or a determiner, and a
    # first line that is not followed by another paragraph.
    ("a noun after a possessive", "Voters Get Their Say on the Harbor Bridge.\n\nThe vote is on Tuesday."),
    ("a one-line text", "Harbor city protesters blast Okafor."),
]


NO_REPORT = [
    # What the new rules leave alone: a passive with an author for agent, a title after a
    # quote's cue, "about" after a quote, "according to" whose clause follows its comma.
    ("an author, not a report", "The new biography was written by a reporter at the Bugle.", "written"),
    ("a title after a quote's cue", '"It was my job," Roe said last week on the radio show "Open Air."', "said"),
    ("about after a quote", '"Why would you do that?" Roe said about the new plan.', None),
    ("a question without 'that'", "The coach said where the team would train next winter.", "said"),
]


# "<clause>, <speaker> told <hearer>." with the cue conjoined to the clause, no "and" between.
TOLD_CONJOINED = [
    ("The", True, 1, "det", "DET", "DT", "the"), ("plant", True, 3, "nsubj", "NOUN", "NN", "plant"),
    ("will", True, 3, "aux", "AUX", "MD", "will"), ("stay", True, 3, "ROOT", "VERB", "VB", "stay"),
    ("open", False, 3, "acomp", "ADJ", "JJ", "open"), (",", True, 3, "punct", "PUNCT", ",", ","),
    ("a", True, 7, "det", "DET", "DT", "a"), ("spokeswoman", True, 8, "nsubj", "NOUN", "NN", "spokeswoman"),
    ("told", True, 3, "conj", "VERB", "VBD", "tell"), ("the", True, 10, "det", "DET", "DT", "the"),
    ("Herald", False, 8, "dobj", "PROPN", "NNP", "Herald"), (".", False, 3, "punct", "PUNCT", ".", "."),
]


def test_cue_conjoined_after_its_clause(nlp):
    from kit.quotes import find_quotes

    rows = find_quotes(_given_parse(nlp, TOLD_CONJOINED), [])
    assert [(r["text"], r["kind"], r["speaker"], r["cue"]) for r in rows] == [
        ("The plant will stay open", "indirect", "a spokeswoman", "told")]


def test_cue_conjoined_with_and_reports_nothing_before_it(nlp):
    """'The plant will stay open, and a spokeswoman told the Herald.': two events, not a report."""
    from kit.quotes import find_quotes

    tokens = TOLD_CONJOINED[:6] + [("and", True, 3, "cc", "CCONJ", "CC", "and")] + [
        (word, space, head + 1 if head > 5 else head, *rest) for word, space, head, *rest in TOLD_CONJOINED[6:]]
    assert not find_quotes(_given_parse(nlp, tokens), [])


def test_while_is_no_report_of_the_main_clause(nlp):
    """'The crowd cheered as the mayor vowed to ...': the main clause is not what she vowed."""
    text = "The crowd cheered as the mayor vowed to rebuild the pier by summer."
    assert not [row for row in _found(nlp, text) if row[0] == "The crowd cheered"]


def test_who_is_no_content(nlp):
    """'engineers, who claimed to ...': the relative pronoun for a person is who speaks, not what is said."""
    text = "The firm hired two engineers, who claimed to have fixed the pumps in a week."
    assert not [row for row in _found(nlp, text) if row[0].startswith("who")]


@pytest.mark.parametrize("case, text, cue", NO_REPORT, ids=[row[0] for row in NO_REPORT])
def test_no_reported_row(nlp, case, text, cue):
    rows = [row for row in _rows(nlp, text) if row["kind"] != "direct"]
    assert not [row for row in rows if cue is None or row["cue"] == cue]


@pytest.mark.parametrize("case, text", NOT_REPORTED, ids=[row[0] for row in NOT_REPORTED])
def test_not_a_headline_report(nlp, case, text):
    assert not [row for row in _found(nlp, text) if row[3] in ("Say", "blast")]


# A question-and-answer interview: each answer paragraph is the interviewee's words (the person
# the introduction is about), each question the interviewer's; what an answer reports keeps its
# own row; a line that opens with an initial is no answer.
INTERVIEW = ("Dana Okafor was 15 when her father was deported. Okafor spoke to the Herald about her book.\n\n"
             "Q: When did you hear the news?\n\n"
             "A: At the bus stop, from my aunt. She told me the flat had been sealed.\n\n"
             "I knew then that my life had changed.\n\n"
             "Q. Did anyone help you?\n\n"
             "A. No, nobody did. I stayed with a friend's family for a year.")

QA_TURNS = [
    ("When did you hear the news?", "Q", None),
    ("At the bus stop, from my aunt. She told me the flat had been sealed.", "A", "dana-okafor"),
    ("I knew then that my life had changed.", "A", "dana-okafor"),
    ("Did anyone help you?", "Q", None),
    ("No, nobody did. I stayed with a friend's family for a year.", "A", "dana-okafor"),
]


def test_question_and_answer_interview(nlp):
    rows = [(r["text"], r["speaker"], r["actor_id"]) for r in _rows(nlp, INTERVIEW) if r["cue"] == ":"]
    assert rows == QA_TURNS
    # what the answer reports keeps its own speaker, beside the answer
    assert [r["speaker"] for r in _rows(nlp, INTERVIEW) if r["cue"] == "told"] == ["She"]


def test_initials_at_line_starts_are_no_interview(nlp):
    text = "A. Okafor said the plan was sound.\n\nQ. Harris asked about the budget.\n\nA. Okafor agreed."
    assert not [r for r in _rows(nlp, text) if r["cue"] == ":"]
