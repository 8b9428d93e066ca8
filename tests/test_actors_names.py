"""Names as a newswire (MUC-style) tagger sees them: every named person, organization and
place, also where it only modifies a noun, with the kind the article gives evidence for."""

from __future__ import annotations

import pytest

from kit import actors


def mention_at(text: str, needle: str):
    rows = actors.extract(text)
    start = text.index(needle)
    hit = rows[(rows.start <= start) & (start < rows.end)]
    return None if hit.empty else hit.iloc[0]


# A place named as a modifier is still a place's name ("the South Carolina primary"): a
# mention of kind "place", how "modifier", unless a longer mention covers it.
MODIFIER_PLACES = [
    ("Joe Biden won the Democratic Party's South Carolina primary election.", "South Carolina"),
    ("A sensitive document was found wet on an Ottawa street by a passer-by.", "Ottawa"),
    ("In the Hong Kong Island geographical constituency, Regina Ip was re-elected.", "Hong Kong Island"),
]


@pytest.mark.parametrize("text, needle", MODIFIER_PLACES)
def test_places_named_as_modifiers(text, needle):
    mention = mention_at(text, needle)
    assert mention is not None and (mention.kind, mention.how, mention.text) == ("place", "modifier", needle)


# A country as a modifier is no mention of the country (the seed's convention) but a place's
# name, as a newswire tagger sees it (how "modifier"); a modifier inside a longer mention stays
# inside it.
MODIFIERS_NOT_MENTIONS = [
    ("His US counterpart arrived on Monday.", "US", "modifier"),
    ("U.S. President Donald Trump said he would veto the bill.", "U.S.", "modifier"),
    ("Last year, Vancouver researchers distributed test strip kits.", "Vancouver", "description"),
]


@pytest.mark.parametrize("text, needle, how", MODIFIERS_NOT_MENTIONS)
def test_modifiers_that_stay_out(text, needle, how):
    mention = mention_at(text, needle)
    assert (mention.how if mention is not None else None) == how
    assert mention is None or mention.kind != "country"


# Evidence against a label: a name ending in an abbreviation in capitals is no person's
# ("Pro-Beijing DAB's Horace Cheung"), so "DAB" is no surname; a newspaper's name is an
# organization whatever its first word ("the Saudi Gazette" tagged FAC).
KINDS = [
    ("Pro-Beijing DAB's Ho won. DAB's Ben Chan and Leung Che-cheung won too.", "DAB's Ben", "organization"),
    ('"It would have been much worse," Khaled Al-Maeena, editor at large at the Saudi Gazette, said.',
     "Saudi Gazette", "organization"),
    ("John Paul II met the king.", "John Paul II", "person"),
]


@pytest.mark.parametrize("text, needle, kind", KINDS)
def test_kinds_with_evidence(text, needle, kind):
    mention = mention_at(text, needle)
    assert mention is not None and mention.kind == kind


# Surnames with particles: spaCy-sm starts "dela Vega" at the particle and leaves the given
# name out; an elided particle ("d'Ettorre") opens a surname in lower case.
PARTICLE_NAMES = [
    ("Arnel dela Vega of the army's Western Mindanao Command said the group was to blame.", "Arnel dela Vega"),
    ("I did a project on learning in ants under supervision of Prof. Patrizia d'Ettorre.", "Patrizia d'Ettorre"),
]


@pytest.mark.parametrize("text, name", PARTICLE_NAMES)
def test_names_with_particles(text, name):
    mention = mention_at(text, name)
    assert mention is not None and (mention.text, mention.kind) == (name, "person")


# An organization's name with an organization's head noun stays one, whatever its last word
# ("... Infectious Disease"), and one serves "on the Supreme Court" (no medium, unlike a
# post "on Facebook").
ORGANIZATIONS = [
    ("The National Institute of Allergy and Infectious Disease's director said it was bad.",
     "National Institute of Allergy and Infectious Disease", "organization"),
    ("Justice Stevens devoted his life to public service, including 35 years on the Supreme Court.",
     "Supreme Court", "organization"),
    ("He posted a video on Facebook.", "Facebook", None),
    ("The company was listed on the London Stock Exchange in 2010.", "London Stock Exchange", "organization"),
    # a body's full name before an office's title is a mention; a title's own word is not
    ("Democratic National Committee chairman Tim Kaine said the party was ready.",
     "Democratic National Committee", "organization"),
    ("Defence Secretary Delfin Lorenzana said the group was to blame.", "Defence", None),
    ("Apple spokesman Josh Rosenstock said the company would appeal.", "Apple", "organization"),
    # a name with an organization's or a newspaper's head that spaCy takes for an event or a
    # work is the organization, unless it is a title in quotes
    ("The fire spread overnight, according to the Sydney Morning Herald.", "Sydney Morning Herald", "organization"),
    ('She read an essay called "The Student Union" aloud.', "Student Union", None),
]


@pytest.mark.parametrize("text, needle, kind", ORGANIZATIONS)
def test_organization_names(text, needle, kind):
    mention = mention_at(text, needle)
    assert (mention.kind if mention is not None else None) == kind


# A transcript's speaker label is a mention of the person it names, by full name, surname or
# the initials of one person of the article; the interviewer's "WN" names no one.
LABELS = [
    ("((WN))  Why chess, Dorsa Derakhshani?\n\n((Dorsa Derakhshani))  My father.\n\n((WN))  When?\n\n"
     "((Dorsa Derakhshani))  Early.", "Dorsa Derakhshani))  My", "dorsa-derakhshani"),
    ("Wikinews spoke to John Doe.\nWN: Why?\nJD: Because.\nWN: When?\nJD: Now.", "JD: Because", "john-doe"),
    ("Wikinews spoke to John Doe.\nWN: Why?\nDoe: Because.\nWN: When?\nDoe: Now.", "Doe: Because", "john-doe"),
    ("Wikinews spoke to John Doe.\nWN: Why?\nJD: Because.\nWN: When?\nJD: Now.", "WN: Why", None),
]


@pytest.mark.parametrize("text, needle, actor_id", LABELS)
def test_transcript_labels_name_people(text, needle, actor_id):
    mention = mention_at(text, needle)
    assert (mention.actor_id if mention is not None else None) == actor_id


# "it"/"they" as the subject of a clause governed by an organization's clause, or of a verb of
# saying right after the organization spoke, is that organization; "it" elsewhere stays out.
ORGANIZATION_PRONOUNS = [
    ("The Weatherspoon Art Museum drew large crowds when it exhibited its collection.",
     "it exhibited", "weatherspoon-art-museum"),
    ('"Shells fell near the posts," said KCNA. "Provocation deserves harsh punishment," it added.',
     "it added", "kcna"),
    ("The Environment Ministry is so consumed with secrecy, yet they lose documents.", "they lose",
     "environment-ministry"),
    ("Boeing sold the factory and then it collapsed.", "it collapsed", None),
]


@pytest.mark.parametrize("text, needle, actor_id", ORGANIZATION_PRONOUNS)
def test_organization_pronouns(text, needle, actor_id):
    mention = mention_at(text, needle)
    assert (mention.actor_id if mention is not None else None) == actor_id


# A person's name spaCy-sm tags ORG after an office's title ("resigned as the governor of ...
# Ricardo Rosselló Nevares") is the person's, and so is the same name tagged ORG elsewhere in
# the article (real Wikinews articles, bundled in data/wikinews).
def _wikinews(title_start: str) -> str:
    import json
    from pathlib import Path

    with open(Path(__file__).resolve().parents[1] / "data/wikinews/articles.jsonl", encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            if article["title"].startswith(title_start):
                return article["text"]
    raise LookupError(title_start)


FULL_NAMES = [
    ("Puerto Rico's governor", "Ricardo Rosselló Nevares", "ricardo-rossello-nevares"),
]


@pytest.mark.parametrize("title, needle, actor_id", FULL_NAMES)
def test_full_names_known_as_people(title, needle, actor_id):
    body = _wikinews(title)
    rows = actors.extract(body)
    hits = [rows[(rows.start <= i) & (i < rows.end)] for i in _starts(body, needle)]
    assert hits and all(not h.empty and h.iloc[0].actor_id == actor_id and h.iloc[0].kind == "person" for h in hits)


def _starts(body: str, needle: str) -> list[int]:
    out, at = [], body.find(needle)
    while at >= 0:
        out.append(at)
        at = body.find(needle, at + 1)
    return out


# A name inside a description with a common noun for head is a mention of its own, nested in
# the description: a place's named as a modifier ("U.S. officials", "Vancouver researchers",
# how "modifier"), an organization's that the description took the place of ("Goldman Sachs
# analysts"); inside a name it stays the name's.
NESTED = [
    ("Last year, Vancouver researchers distributed test strip kits.", "Vancouver", "vancouver"),
    ("U.S. officials said the strike had failed.", "U.S.", "united-states"),
    ("On Tuesday, the New Zealand government announced the start of the vote.", "New Zealand", "new-zealand"),
    ("Police Regional Office spokesman Ben Ong met the governor.", "Police", None),
    ("Goldman Sachs analysts said in a note that the bank would cut jobs.", "Goldman Sachs", "goldman-sachs"),
    ("A Google spokeswoman said the company had fixed the bug.", "Google", "google"),
    ("Trump administration officials said the talks would resume.", "Trump", None),
]


@pytest.mark.parametrize("text, needle, actor_id", NESTED)
def test_names_nested_in_descriptions(text, needle, actor_id):
    rows = actors.extract(text)
    start = text.index(needle)
    nested = rows[(rows.start == start) & (rows.end == start + len(needle)) & rows.how.isin(("name", "alias", "modifier"))]
    assert (nested.iloc[0]["actor_id"] if len(nested) else None) == actor_id
    assert (nested[nested.how == "modifier"].kind == "place").all()
