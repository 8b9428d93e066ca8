"""Names typed as a newswire (MUC-style) tagger types them, on evidence in the article
(issue #15). Sentences invented for these tests, of the form seen in GUM and Wikinews news.

- A named facility (a space centre, a museum, an air base, a cemetery) that spaCy-sm tags ORG
  is a place where it is no actor ("the shuttle goes to the Johnson Space Center"); one that
  speaks is its organization ("the medical center said").
- A NORP group of people named by a religion, nationality or ethnicity ("Muslims", "Jews") is
  a demonym (no name by newswire conventions); the members of a party ("the Democrats") name
  the party.
"""

from __future__ import annotations

import pytest

from kit import actors


from test_actors_places import mention_at  # the row covering a needle's occurrence


FACILITIES = [
    ("The orbiter will go on display at the Carver Space Center next spring.", "Carver Space Center", "place"),
    ("Visitors to the Museum of Naval Flight can see the jet.", "Museum of Naval Flight", "place"),
    ("The trainer will be shown at the Marston Aviation Museum from June.", "Marston Aviation Museum", "place"),
    ("Crews moved the capsule to Hollis Air Force Base on Tuesday.", "Hollis Air Force Base", "place"),
    ("He was buried in the Arlington Military Cemetery on Saturday.", "Arlington Military Cemetery", "place"),
    # guards: a facility that speaks, and a centre that names no building
    ("The Brandt Medical Center said on Monday that the patient was stable.", "Brandt Medical Center",
     "organization"),
    ("Staff at the Kessler Research Center said the data were sound.", "Kessler Research Center", "organization"),
]


@pytest.mark.parametrize("text, needle, kind", FACILITIES)
def test_facilities_are_places_unless_they_act(text, needle, kind):
    mention = mention_at(text, needle)
    assert mention is not None and mention.kind == kind, mention


GROUPS = [
    ("Muslims from many countries travelled to the city for the festival.", "Muslims", "demonym"),
    ("In the old quarter, Jews and Christians prayed together on Sunday.", "Jews", "demonym"),
    ("Muslims gathered at the mosque for the prayers.", "Muslims", "demonym"),
    # guard: a party's members name the party
    ("After the vote, Democrats said they would block the bill.", "Democrats", "name"),
]


@pytest.mark.parametrize("text, needle, how", GROUPS)
def test_groups_by_religion_or_nation_are_demonyms_and_party_members_name_the_party(text, needle, how):
    mention = mention_at(text, needle)
    assert mention is not None and mention.kind == "group" and mention.how == how, mention


# A craft's name (a boat, a ship, an orbiter), on evidence in the article: apposition with a
# craft's noun, the noun right before it, or a craft's word before its last word. No actor,
# no place, in the whole article. A maker before a craft's noun stays ("an Airbus airliner").
CRAFT = [
    ("The boat, Conception, caught fire before dawn. The Conception was owned by a local firm.", "Conception", 1),
    ("The group owns a cruise ship, Freewinds. On board the Freewinds, she said, she was held.", "Freewinds", 1),
    ("The prototype orbiter, Space Shuttle Enterprise, would be moved.", "Space Shuttle Enterprise", 0),
    ("The tanker Stena Impero was seized by Iran.", "Stena Impero", 0),
]


@pytest.mark.parametrize("text, needle, occurrence", CRAFT)
def test_names_of_craft_are_no_mentions(text, needle, occurrence):
    rows = actors.extract(text)
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    assert rows[(rows.start <= start) & (start < rows.end)].empty


def test_a_maker_before_a_craft_noun_stays():
    text = "Officials said an Airbus airliner was diverted to Rome."
    mention = mention_at(text, "Airbus")
    assert mention is not None and mention.kind == "organization"


# A person's name spaCy-sm tags ORG after "spokesperson" (a title, as "spokesman" is) is the
# person's; the Paralympics, like the Olympics, are an event, no organization.
TITLED_AND_EVENTS = [
    ("Sea-Eye spokesperson Carlotta Weibl said the name would stay.", "Carlotta Weibl", "person"),
    ("She won gold at the Paralympics in London.", "Paralympics", None),
    ("The Paralympics were held in London.", "Paralympics", None),
]


@pytest.mark.parametrize("text, needle, kind", TITLED_AND_EVENTS)
def test_spokesperson_is_a_title_and_the_paralympics_an_event(text, needle, kind):
    mention = mention_at(text, needle)
    assert (mention.kind if mention is not None else None) == kind


# A name that fills quotation marks in a noun phrase's place is a work's title (a film, a
# show, a song), no mention of the person or place of that name; a name chanted or said in
# marks, and the person outside the marks, stay.
QUOTED_TITLES = [
    ("His turn as a loner in “Joker” has swept the awards season.", "Joker", None),
    ('She starred in "Erin Brockovich" in 2000, and Erin Brockovich herself came to the premiere.',
     "Erin Brockovich", None),
    ('She starred in "Erin Brockovich" in 2000, and Erin Brockovich herself came to the premiere.',
     "Erin Brockovich herself", "person"),
    ("The crowd cheered the “Roxanne” singer as she walked on stage.", "Roxanne", None),
    ("Fans chanted “Messi!” as the team bus arrived.", "Messi", "person"),
]


@pytest.mark.parametrize("text, needle, kind", QUOTED_TITLES)
def test_a_name_in_marks_in_a_noun_phrases_place_is_a_title(text, needle, kind):
    hit = mention_at(text, needle)
    assert (None if hit is None else hit["kind"]) == kind


# A surname of more than one token (a particle, a hyphen) alone later is the person named in full.
COMPOUND_SURNAMES = [
    ("Roberta De Santo won the award on Sunday. De Santo thanked the crew.", "De Santo thanked", "roberta-de-santo"),
    ('Mara Lind-Ferro accepted the prize. "It has been a long year," Lind-Ferro said.', "Lind-Ferro said",
     "mara-lind-ferro"),
    ("Alma Ruiz-Tagle spoke first at the hearing. Ruiz-Tagle then left.", "Ruiz-Tagle then", "alma-ruiz-tagle"),
]


@pytest.mark.parametrize("text, needle, actor_id", COMPOUND_SURNAMES)
def test_compound_surnames_are_the_person(text, needle, actor_id):
    hit = mention_at(text, needle)
    assert hit is not None and hit["actor_id"] == actor_id


# Awards are no actors ("four Oscars", "two Emmys and a Grammy", "the Golden Globes"), even
# where spaCy-sm tags them PERSON or GPE; a person of the same given name, named in full, stays.
AWARDS = [
    ("The film won four Oscars, and it was her first Oscar nomination.", "Oscars", None),
    ("The film won four Oscars, and it was her first Oscar nomination.", "Oscar nomination", None),
    ("She has won two Emmys and a Grammy since the show began.", "Emmys", None),
    ("The Golden Globes will be held in January this year.", "Golden Globes", None),
    ("Oscar Arias, the former president, spoke first. Oscar then left the hall.", "Oscar then", "person"),
    ("Oscar Isaac won a Golden Globe on Sunday.", "Oscar Isaac", "person"),
]


@pytest.mark.parametrize("text, needle, kind", AWARDS)
def test_awards_are_no_actors(text, needle, kind):
    hit = mention_at(text, needle)
    assert (None if hit is None else hit["kind"]) == kind
