"""Reported rows that are not speech (issue 14, precision of reported speech): invented
sentences of the forms the kit took for reported speech on PolNeAR train and nobody said.
Tables of (case, text, (content, kind, speaker, cue)) for the row that must NOT be found
(kit.quotes.not_speech drops it), and of sentences of the same forms that must still give
their row."""

from __future__ import annotations

import pytest

from test_quotes import _found, _given_parse  # the quotes of one text, offsets checked; a Doc with a given parse


NOT_SPEECH = [
    # Set phrases that hold a verb of saying (kit/lexicon/quotes_not_speech_idioms.txt).
    ("worth noting", "It's worth noting that the mayor has never lost an election in the city.",
     ("the mayor has never lost an election in the city", "indirect", "It", "noting")),
    ("goes without saying", "It goes without saying that the bridge needs repairs before winter.",
     ("the bridge needs repairs before winter", "indirect", "It", "saying")),
    ("some explaining to do", "After the audit, the treasurer had some explaining to do.",
     ("to do", "indirect", "some", "explaining")),
    ("within hailing distance", "The bill came within hailing distance of passing before the session ended.",
     ("distance of passing before the session ended", "indirect", "The bill", "hailing")),
    ("time will tell", "Only time will tell whether the new stadium will pay for itself.",
     ("whether the new stadium will pay for itself", "indirect", "Only time", "tell")),
    ("all told", "All told, up to 3,000 families could lose their homes this year.",
     ("up to 3,000 families could lose their homes this year", "indirect", "All", "told")),
    ("safe to say", "It's safe to say the council will reject the plan.",
     ("the council will reject the plan", "indirect", "It", "say")),
    # A verb with a sense for things, whose subject is a thing: an event, a plan, a quality.
    ("pressure threatening losses", "The rising pressure on the bank is threatening deeper losses for its investors.",
     ("deeper losses for its investors", "indirect", "The rising pressure on the bank", "threatening")),
    ("an event threatens", "The storm threatens to knock out power across the region.",
     ("to knock out power across the region", "indirect", "The storm", "threatens")),
    ("a debate promising to be", "The debate was promising to be a turning point for the governor.",
     ("to be a turning point for the governor", "indirect", "The debate", "promising")),
    ("a tone echoed", "The tone of the speech echoed the themes of an earlier campaign.",
     ("the themes of an earlier campaign", "indirect", "The tone of the speech", "echoed")),
    ("a refusal to condemn", "The school's refusal to condemn the protest angered many parents.",
     ("the protest", "indirect", "The school's refusal", "condemn")),
    ("an attack indicates", "The governor's sharp attack on the mayor indicates she is turning to the general election.",
     ("she is turning to the general election", "indirect", "The governor's sharp attack on the mayor", "indicates")),
    ("a sentence confirmed", "The sentence, though harsh, confirmed my faith in the courts.",
     ("my faith in the courts", "indirect", "The sentence", "confirmed")),
    ("a look suggests", "A look at the figures suggests that the plan is failing.",
     ("the plan is failing", "indirect", "A look at the figures", "suggests")),
    ("a decision suggests", "The decision suggests the board has lost patience with the mayor.",
     ("the board has lost patience with the mayor", "indirect", "The decision", "suggests")),
    # "admit" people: letting them in, not admitting a fact.
    ("efforts to admit refugees", "The provinces have stepped up efforts to admit more refugees this year.",
     ("more refugees", "indirect", "efforts", "admit")),
    ("admitting students", "Colleges are admitting more international students to fill their classes.",
     ("more international students to fill their classes", "indirect", "Colleges", "admitting")),
    # "Label: words" lines below the headline with no finite verb: entries of a list.
    ("a list of names under a place",
     "The Midwest lineup:\n\nOhio: Dana Reyes, Tom Okafor, Lena Park, Sam Whitfield, Rita Holm.\n\nIowa: Ann Cole.",
     ("Dana Reyes, Tom Okafor, Lena Park, Sam Whitfield, Rita Holm.", "indirect", "Ohio", ":")),
    ("a plan under a name",
     "Each candidate's plan for the final week:\n\nOkafor: Win in a walk.\n\nReyes: Now or never.",
     ("Now or never.", "indirect", "Reyes", ":")),
    # A headline's kicker before the colon (kit/lexicon/quotes_not_speech_kickers.txt), not a speaker.
    ("a kicker BOOM", "BOOM: Senator Just Dropped A Bombshell On The Governor.\n\nThe senator spoke on Monday.",
     ("Senator Just Dropped A Bombshell On The Governor.", "indirect", "BOOM", ":")),
    ("a kicker LOOK", "LOOK: Photos Of The Mayor's Rally Are Going Viral.\n\nThe mayor spoke.",
     ("Photos Of The Mayor's Rally Are Going Viral.", "indirect", "LOOK", ":")),
    # Content cut inside a word: a piece of a headline, not a clause.
    ("a headline cut inside a word",
     "Mayor Jane Roe Says City’s Budget Doesn’t ‘Fit With What We Promised’ To Voters.\n\nMayor Jane Roe spoke on Monday.",
     ("City’s Budget Does", "indirect", "Jane Roe", "Says")),
    # A participle between a number or determiner and its noun: "pledged delegates".
    ("pledged delegates after a number", "In Guam, 12 pledged delegates and three superdelegates were at stake on Saturday.",
     ("delegates and three superdelegates were at stake on Saturday", "indirect", "12", "pledged")),
    # ... or after "both" opening a noun phrase (not after a subject: "they both acknowledged").
    ("both pledged delegates after a preposition", "He trails in both pledged delegates and endorsements from governors.",
     ("delegates and endorsements", "indirect", "He", "pledged")),
    ("both declared candidates opening a sentence", "Both declared candidates attended the forum on Monday.",
     ("candidates attended the forum on Monday", "indirect", "Both", "declared")),
    # A verb and its object that say nothing (kit/lexicon/quotes_not_speech_verb_objects.txt).
    ("answered the door", "She answered the door and smiled at the visitors.",
     ("the door", "indirect", "She", "answered")),
    ("answered the phone", "He answered the phone on the first ring.",
     ("the phone on the first ring", "indirect", "He", "answered")),
    ("answering the call to serve", "The governor is answering the call to lead the party.",
     ("the call", "indirect", "The governor", "answering")),
    # A content that is only the setting (kit/lexicon/quotes_not_speech_settings.txt).
    ("asked on Twitter", "The senator asked on Twitter.", ("on Twitter", "indirect", "The senator", "asked")),
    ("mentions on the campaign trail", "The mayor's son is a nurse, a fact she often mentions on the campaign trail.",
     ("on the campaign trail", "indirect", "she", "mentions")),
    ("answer on several occasions", "The agency refused to answer on several occasions.",
     ("on several occasions", "indirect", "The agency", "answer")),
    ("mentioned it on television", "The anchor mentioned it on television last night.",
     ("on television", "indirect", "The anchor", "mentioned")),
    # A contest conceded (quotes_not_speech_thing_nouns): giving up, not conceding a point.
    ("conceding the race", "The governor is conceding the race in Ohio after a long night.",
     ("the race in Ohio", "indirect", "The governor", "conceding")),
    ("conceded the election", "Late on Tuesday the mayor conceded the election to her rival.",
     ("the election", "indirect", "the mayor", "conceded")),
    # The main clause of a cleft: "It was ... that she was saying ...".
    ("a cleft's main clause",
     "Few voters will praise the council for that. It was only last spring, after all, that the mayor was saying the opposite.",
     ("It was only last spring, after all", "indirect", "the mayor", "saying")),
]

STILL_SPEECH = [
    ("said, a clause", "The mayor said the new bridge would open in May.",
     ("the new bridge would open in May", "indirect", "The mayor", "said")),
    ("admitted a fact", "The minister admitted the plan had failed.",
     ("the plan had failed", "indirect", "The minister", "admitted")),
    ("a body threatened", "The union threatened to strike if the talks failed.",
     ("to strike if the talks failed", "indirect", "The union", "threatened")),
    ("a person suggested", "The senator suggested the plan was failing.",
     ("the plan was failing", "indirect", "The senator", "suggested")),
    ("a report suggests", "The report suggests the plan is failing.",
     ("the plan is failing", "indirect", "The report", "suggests")),
    ("polls suggest", "Early polls suggest the mayor will win easily.",
     ("the mayor will win easily", "indirect", "Early polls", "suggest")),
    ("a coalition threatened", "The coalition threatened to walk out of the talks.",
     ("to walk out of the talks", "indirect", "The coalition", "threatened")),
    ("a headline's label", "Okafor: City Hall Must Cut Its Budget.\n\nMayor Dana Okafor spoke on Monday.",
     ("City Hall Must Cut Its Budget.", "indirect", "Okafor", ":")),
    ("a transcript's label with a finite verb",
     "The interview aired on Sunday.\n\nOKAFOR: Well, I think the council has to act now.",
     ("Well, I think the council has to act now.", "indirect", "OKAFOR", ":")),
    ("a headline's label naming an agency", "AP: Governor plans to veto the budget.\n\nThe governor spoke on Monday.",
     ("Governor plans to veto the budget.", "indirect", "AP", ":")),
    ("a headline with whole words",
     "Governor Says Budget Plan Doesn’t Add Up For Schools.\n\nThe governor spoke on Monday.",
     ("Budget Plan Doesn’t Add Up For Schools", "indirect", "Governor", "Says")),
    ("a speaker who co-founded", "The mayor, who co-founded the group, said the new bridge would open in May.",
     ("the new bridge would open in May", "indirect", "The mayor", "said")),
    ("both acknowledged faults", "Smith and Jones both acknowledged faults with the radar as possible causes.",
     ("faults with the radar as possible causes", "indirect", "Jones", "acknowledged")),
    ("pledged to act", "The senator pledged to cut taxes for small businesses.",
     ("to cut taxes for small businesses", "indirect", "The senator", "pledged")),
    ("pledged that", "The two candidates pledged that they would debate in every state.",
     ("they would debate in every state", "indirect", "The two candidates", "pledged")),
    ("answered questions", "The mayor answered questions about the budget for an hour.",
     ("questions about the budget", "indirect", "The mayor", "answered")),
    ("answered her critics", "She answered her critics in a long letter.",
     ("her critics", "indirect", "She", "answered")),
    ("spoke about X on the radio", "The senator spoke about the budget on the radio.",
     ("about the budget on the radio", "indirect", "The senator", "spoke")),
    ("they both pledged support", "The aides both pledged support for the plan.",
     ("support for the plan", "indirect", "The aides", "pledged")),
    ("conceded a point", "The governor conceded that the plan had flaws.",
     ("the plan had flaws", "indirect", "The governor", "conceded")),
    ("a cleft naming the speaker", "It was the mayor who said the bridge would open in May.",
     ("the bridge would open in May", "indirect", "the mayor", "said")),
    ("an it-clause around the cue", "It is clear, the mayor said, that the bridge will open in May.",
     ("the bridge will open in May", "indirect", "the mayor", "said")),
]


@pytest.mark.parametrize("case, text, dropped", NOT_SPEECH, ids=[row[0] for row in NOT_SPEECH])
def test_not_speech(nlp, case, text, dropped):
    assert dropped not in _found(nlp, text)


@pytest.mark.parametrize("case, text, expected", STILL_SPEECH, ids=[row[0] for row in STILL_SPEECH])
def test_still_speech(nlp, case, text, expected):
    assert expected in _found(nlp, text)


#: "The gift is a sliver of the mayor's reported net worth." as the parser can take it in a long
#: article: "reported" a verb whose subject is "a sliver of the mayor" and object "net worth".
REPORTED_NET_WORTH = [
    ("The", True, 1, "det", "DET", "DT", "the"), ("gift", True, 2, "nsubj", "NOUN", "NN", "gift"),
    ("is", True, 2, "ROOT", "AUX", "VBZ", "be"), ("a", True, 4, "det", "DET", "DT", "a"),
    ("sliver", True, 9, "nsubj", "NOUN", "NN", "sliver"), ("of", True, 4, "prep", "ADP", "IN", "of"),
    ("the", True, 7, "det", "DET", "DT", "the"), ("mayor", False, 5, "pobj", "NOUN", "NN", "mayor"),
    ("'s", True, 7, "case", "PART", "POS", "'s"), ("reported", True, 2, "ccomp", "VERB", "VBD", "report"),
    ("net", True, 11, "amod", "ADJ", "JJ", "net"), ("worth", False, 9, "dobj", "NOUN", "NN", "worth"),
    (".", False, 2, "punct", "PUNCT", ".", "."),
]


def test_participle_after_a_possessive(nlp):
    """A participle between a possessive and its noun ("the mayor's reported net worth") is a
    word of the noun phrase, even when the parser takes it for a verb with a subject."""
    from kit.quotes import find_quotes

    assert [row["cue"] for row in find_quotes(_given_parse(nlp, REPORTED_NET_WORTH), [])] == []
