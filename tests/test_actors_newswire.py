"""Actors on the layout of agency and newswire stories (issue #15): datelines, bylines, credits.

Every snippet is invented, in the forms agency stories take. A dateline's city is a place
(MUC-7: LOC) under its usual spelling, never an organization nor a country's government; the
names of bylines, credit lines, copyright notices and "Follow X on Twitter" lines are credits,
never mentions; no name runs across a line break; the running text beside keeps its mentions
(those rows, and the labels that are no dateline, guard against rules that reach too far: they
pass before the change too; every other row fails before it).
"""

from __future__ import annotations

import pytest

from kit import actors
from kit.actors.furniture import dateline_places, newswire_credit_spans


@pytest.fixture(scope="module")
def nlp():
    from kit.nlp import load_model

    return load_model()


def mentions_of(nlp, text):
    return actors.find_mentions(nlp(text))


def mention_on(rows, text, needle):
    start = text.index(needle)
    return next((r for r in rows if r["start"] < start + len(needle) and start < r["end"]), None)


# (story, the dateline's city as printed, its canonical name)
DATELINE_PLACES = [
    ("PARIS, Nov 3 (Reuters) - The French cabinet met on Tuesday to weigh the pension plan.", "PARIS", "Paris"),
    ("WASHINGTON (Reuters) - Two senators asked the regulator for the files on Tuesday.", "WASHINGTON", "Washington"),
    ("WASHINGTON — Lawmakers left town without a deal on the highway bill.", "WASHINGTON", "Washington"),
    ("MANCHESTER, N.H. - A crowd of farmers waited two hours in the snow for the governor.", "MANCHESTER",
     "Manchester"),
    ("TRENTON, N.J. (AP) — The state's budget office warned of a shortfall next spring.", "TRENTON", "Trenton"),
    ("DES MOINES - Volunteers knocked on doors all weekend ahead of the caucuses.", "DES MOINES", "Des Moines"),
    ("ST. LOUIS — The brewery will close its oldest plant before next summer.", "ST. LOUIS", "St. Louis"),
    ("LONDON 1996-08-30\nShares in the brewer rose two percent in early trade.", "LONDON", "London"),
    ("Headline over the story\n\nATLANTA -- A water main broke under a busy road on Friday.", "ATLANTA", "Atlanta"),
    ("CASPER, Wyo. (AP) — Ranchers gathered at the fairground to hear the candidates.", "CASPER", "Casper"),
    ("By ANN SMITH, Associated Press\nBEIJING — Exports fell for a third month in May.", "BEIJING", "Beijing"),
    ("Moscow, June 27, 2019 (AFP) - The ruble slid against the dollar on Thursday.", "Moscow", "Moscow"),
    ("(ANSA) - ROME, June 27 - The coalition lost a confidence vote in the upper house.", "ROME", "Rome"),
]


@pytest.mark.parametrize("text, city, name", DATELINE_PLACES)
def test_a_datelines_city_is_a_place_under_its_usual_name(nlp, text, city, name):
    row = mention_on(mentions_of(nlp, text), text, city)
    assert row is not None and row["text"] == city, row
    assert (row["kind"], row["name"], row["how"]) == ("place", name, "name")


# (story, a person's name right after the dateline): spaCy runs the city into the name and calls
# the whole an ORG; cut at the dateline, the name is a person's again.
AFTER_DATELINE_PERSONS = [
    ("CLEVELAND - Maria Ortega toured the plant on Friday. Ortega later met workers.", "Maria Ortega"),
    ("ROME - Bernard Sayles visited the Vatican archives on Saturday. Sayles is a senator.", "Bernard Sayles"),
]


@pytest.mark.parametrize("text, person", AFTER_DATELINE_PERSONS)
def test_a_name_after_the_dateline_is_a_person(nlp, text, person):
    row = mention_on(mentions_of(nlp, text), text, person)
    assert row is not None and (row["text"], row["kind"]) == (person, "person"), row


# (story, the state after the city, its name): the agency's abbreviation names a state.
DATELINE_STATES = [
    ("MANCHESTER, N.H. - A crowd of farmers waited two hours in the snow for the governor.", "N.H.",
     "New Hampshire"),
    ("TRENTON, N.J. (AP) — The state's budget office warned of a shortfall next spring.", "N.J.", "New Jersey"),
    ("BOCA RATON, Fla. -- Retirees lined up early at the polling station.", "Fla.", "Florida"),
    ("LA CROSSE, Wisc. — The river rose a foot overnight after the storms.", "Wisc.", "Wisconsin"),
]


@pytest.mark.parametrize("text, state, name", DATELINE_STATES)
def test_a_datelines_state_abbreviation_is_the_state(nlp, text, state, name):
    row = mention_on(mentions_of(nlp, text), text, state)
    assert row is not None and (row["text"], row["kind"], row["name"]) == (state, "place", name), row


# Lines in capitals before a dash that are no dateline: labels and headlines name no place.
NOT_DATELINES = [
    ("EXCLUSIVE – The former aide kept a diary of every meeting.", "EXCLUSIVE"),
    ("UPDATE - The road has reopened after the crash.", "UPDATE"),
    ("EDITOR’S NOTE — The series follows three families.", "EDITOR"),
    ("VOTERS TIRED OF THE NOISE - Polls show a weary electorate.", "VOTERS"),
    ("Soil Moisture Index (SMI)- Readings rose in the north.", "Soil Moisture Index"),
]


@pytest.mark.parametrize("text, label", NOT_DATELINES)
def test_labels_in_capitals_are_no_dateline(nlp, text, label):
    assert not dateline_places(text)
    row = mention_on(mentions_of(nlp, text), text, label)
    assert row is None or row["kind"] != "place", row


# (story, a name the layout credits): never a mention.
CREDITS = [
    ("By ANN SMITH, Associated Press\nBEIJING — Exports fell for a third month in May.", "ANN SMITH"),
    ("By ANN SMITH, Associated Press\nBEIJING — Exports fell for a third month in May.", "Associated Press"),
    ("By Ann Smith\nAssociated Press\nBEIJING — Exports fell for a third month in May.", "Associated Press"),
    ("BY TOM OKAFOR / AP Chief Political Writer\nThe race tightened on Sunday.", "TOM OKAFOR"),
    ("By Rita Vance, Staff Writer\nThe county board met late into the night.", "Rita Vance"),
    ("The board approved the plan.\nAssociated Press writer Jane Doe in Paris contributed to this report.",
     "Jane Doe"),
    ("The board approved the plan.\nAssociated Press writer Jane Doe in Paris contributed to this report.",
     "Paris"),
    ("The board approved the plan. Lena Park and Omar Haddad contributed reporting from Denver.", "Omar Haddad"),
    ("The board approved the plan.\nCopyright 2021 Associated Press. All rights reserved.",
     "Associated Press"),
    ("The board approved the plan.\n(c) Reuters 2019", "Reuters"),
    ("The board approved the plan.\nFollow Tom Gale on Twitter @tomgale_news.", "Tom Gale"),
    ("(Reuters) - The carmaker recalled forty thousand vans on Monday.", "Reuters"),
    ("(ANSA) - ROME, June 27 - The coalition lost a confidence vote in the upper house.", "ANSA"),
    ("The board approved the plan.\nContact Tom Gale at tgale@example.com.", "Tom Gale"),
    ("The board approved the plan. Associated Press writers Ida Moss and Tom Fry contributed.", "Ida Moss"),
    ("The board approved the plan.\nOn Twitter follow Tom Gale https://example.com/tomgale", "Tom Gale"),
    ("The board approved the plan.\n-- Staff writer Ruth Kimble", "Ruth Kimble"),
    ("The board approved the plan.\n— Senior Correspondent Ruth Kimble.", "Ruth Kimble"),
    ("The board approved the plan.\nh/t The Portland Ledger", "Portland Ledger"),
    ("The mayor waved to the crowd.\n\nKurt Mahler / Reuters.\n\nThe vote came late.", "Kurt Mahler"),
    ("The vote came late on Sunday.\nThe Associated Press", "Associated Press"),
    ("The vote came late on Sunday.\n- Reuters.", "Reuters"),
    ("The vote came late on Sunday.\nOur Standards: Thomson Reuters Trust Principles", "Thomson Reuters"),
    ("The mayor waved to the crowd. (DORA VASQUEZ/AFP/Getty Images.)\nThe vote came late.", "DORA VASQUEZ"),
    ("The board approved the plan.\nKowalski reported from Tucson, Ariz.; Brandt, from Boise.", "Kowalski"),
    ("The board approved the plan.\nKowalski reported from Tucson, Ariz.; Brandt, from Boise.", "Boise"),
    ("The board approved the plan.\nOkafor reported from Tulsa. Associated Press writer Lena Park contributed"
     " from Omaha.", "Lena Park"),
    ("The board approved the plan.\nStory by Rita Vance", "Story"),
    ("The board approved the plan.\nStory by Rita Vance", "Rita Vance"),
    # a list of names after a credit cue, and a cue after a comma
    ("The vote came late.\nAdditional reporting by Ida Moss; Editing by Tom Fry, Lena Park and Omar Haddad",
     "Lena Park"),
    ("The vote came late.\nAdditional reporting by Ida Moss; Editing by Tom Fry, Lena Park and Omar Haddad",
     "Omar Haddad"),
    ("The vote came late. (Reporting by Ida Moss; Writing by Tom Fry, editing by Lena Park)", "Lena Park"),
]


@pytest.mark.parametrize("text, credited", CREDITS)
def test_credited_names_are_no_mentions(nlp, text, credited):
    row = mention_on(mentions_of(nlp, text), text, credited)
    assert row is None, row


# (story, a name in running text beside the layout, its kind): kept.
RUNNING_TEXT = [
    ("WASHINGTON — The Senate passed the measure on a vote of 52 to 48.", "The Senate", "organization"),
    ("By Monday morning, Microsoft had fixed the bug, the company said.", "Microsoft", "organization"),
    ("By ANN SMITH, Associated Press\nBEIJING — China's exports fell for a third month in May.", "China",
     "country"),
    ("He said the storm contributed to the losses at Acme Corporation.", "Acme Corporation", "organization"),
    ("Copyright lawyers for Disney filed the suit in Los Angeles.", "Disney", "organization"),
    ("Follow the money, Senator Jane Holt told the crowd on Monday.", "Jane Holt", "person"),
    ("Reach out to Senator Jane Holt at her office, the flyer said.", "Jane Holt", "person"),
    ("Farmers, Democrats and Ohio unions contributed.", "Ohio", "place"),
    ("The BBC reported from Kabul that the talks had failed.", "Kabul", "place"),
    ("A Portland Herald/Bloomberg poll put Senator Jane Holt ahead.", "Jane Holt", "person"),
    ("Donors contributed from all 50 states, Governor Ann Pell said.", "Ann Pell", "person"),
    ("MANCHESTER, N.H. - Senator Jane Holt spoke to voters at a diner.", "Jane Holt", "person"),
    ("The board approved the plan.\nCopyright 2019 The Associated Press.\nMore rain fell on Oregon.", "Oregon",
     "place"),    ("The storm, reporting by the county showed, hit Senator Jane Holt's farm.", "Jane Holt", "person"),
]


@pytest.mark.parametrize("text, needle, kind", RUNNING_TEXT)
def test_running_text_beside_the_layout_keeps_its_mentions(nlp, text, needle, kind):
    row = mention_on(mentions_of(nlp, text), text, needle)
    assert row is not None and row["kind"] == kind, row


LINE_BREAKS = [
    "By ANN SMITH, Associated Press\nBEIJING — Exports fell for a third month in May.",
    "Bank of England\nLONDON (Reuters) - Rates stayed on hold on Thursday.",
    "Acme Corporation\nBOSTON — Its shares fell on Friday.",
]


@pytest.mark.parametrize("text", LINE_BREAKS)
def test_no_mention_runs_across_a_line_break(nlp, text):
    assert not [r["text"] for r in mentions_of(nlp, text) if "\n" in r["text"]]


def test_credit_spans_cover_the_whole_credit():
    text = "By ANN SMITH, Associated Press\nBEIJING — Exports fell.\nCopyright 2019 The Associated Press."
    assert [text[s:e] for s, e in newswire_credit_spans(text)] == [
        "By ANN SMITH, Associated Press", "Copyright 2019 The Associated Press."]
