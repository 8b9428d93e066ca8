"""Places spaCy-sm types as people or organizations, and organizations it types as places,
put right on evidence in the article (kit.actors.places). Sentences written for these tests
after Wikinews reports (CC BY 2.5, Wikinews contributors) unless marked otherwise."""

from __future__ import annotations

import pytest

from kit import actors


def mention_at(text: str, needle: str, occurrence: int = 0):
    rows = actors.extract(text)
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    hit = rows[(rows.start <= start) & (start < rows.end)]
    return None if hit.empty else hit.iloc[0]


# (text, needle, occurrence, expected kind): a place by its own words, by a place noun, or a
# town GeoNames knows used as a location; the same name stays a place in the whole article.
# Organizations by coordination with organizations.
PLACES = [
    # a town after a locative preposition, or in a list of towns
    ("Resources sent included fire engines from Dolgellau, Harlech, Barmouth and Bala.", "Harlech", 0, "place"),
    ("Resources sent included fire engines from Dolgellau, Harlech, Barmouth and Bala.", "Bala", 0, "place"),
    ("Two bombs exploded at a cathedral in Jolo on Sunday.", "Jolo", 0, "place"),
    ("The quake was centred near Guayanilla, Puerto Rico.", "Guayanilla", 0, "place"),
    # the name's own words
    ("Firefighters were called to Bontddu Hall after midnight.", "Bontddu Hall", 0, "place"),
    ("The crowd gathered in Trafalgar Square and marched to Parliament Square.", "Trafalgar Square", 0, "place"),
    # where a person is from ("a Cheltenham man"); the first word of a place's longer name
    ("Police arrested a 36-year-old Cheltenham man on suspicion of burglary.", "Cheltenham", 0, "place"),
    ("Flights were diverted from Gatwick Airport on Sunday. Passengers stranded at Gatwick waited for hours.",
     "Gatwick", 1, "place"),
    # Irish counties, US parishes: the name's own words
    ("Heavy rain was expected in County Kerry and County Mayo.", "County Mayo", 0, "place"),
    ("A state of emergency was declared in Jefferson Parish on Thursday.", "Jefferson Parish", 0, "place"),
    # a place noun after the name; the same name elsewhere in the article
    ("Fires in the Amazon rainforest spread. The Amazon lost a large area this year.", "Amazon", 1, "place"),
    # a name tagged GPE (or a one-word PERSON that is no one's in the article) coordinated with
    # organizations is an organization; a town in a list with an organization stays a town
    ("Qantas and Emirates cancelled their flights to the city.", "Emirates", 0, "organization"),
    ("The deal between Boeing and Embraer was approved by regulators.", "Embraer", 0, "organization"),
    ("Engines came from Dolgellau and Harlech, and from the North Wales Fire Service.", "Dolgellau", 0, "place"),
    # a name announced by an organization's noun ("the group X", "the airline X") is an
    # organization's in the whole article, whatever spaCy's label (PERSON, FAC); a person's
    # name after a title stays a person's
    ("The localist group Civic Passion lost two seats.", "Civic Passion", 0, "organization"),
    ("The budget airline Jetstar cancelled its flights.", "Jetstar", 0, "organization"),
    ("Members of the militant group Abu Sayyaf were arrested.", "Abu Sayyaf", 0, "organization"),
    ("Party leader Keir Starmer said the group would vote.", "Keir Starmer", 0, "person"),
]


@pytest.mark.parametrize("text, needle, occurrence, kind", PLACES)
def test_places_on_evidence(text, needle, occurrence, kind):
    mention = mention_at(text, needle, occurrence)
    assert mention is not None and mention.kind == kind, mention


# Evidence against a town: the name is someone's in the article (a surname, a given name), or a
# building acts as its organization.
NOT_PLACES = [
    ("Police spoke with John Kelly on Monday. A statement from Kelly denied the charges.", "Kelly", 1, "person"),
    ("Police said Holy Cross Hospital said the driver had died.", "Holy Cross Hospital", 0, "organization"),
    ("Nick Bos spoke with Ed about the ants. The ants came from Ed.", "Ed", 1, None),
]


@pytest.mark.parametrize("text, needle, occurrence, kind", NOT_PLACES)
def test_not_places(text, needle, occurrence, kind):
    mention = mention_at(text, needle, occurrence)
    assert (mention.kind if mention is not None else None) != "place"
    if kind is not None:
        assert mention is not None and mention.kind == kind


# A storm's name alone, after the article named the storm, is the storm again: no person.
STORMS = [
    ("Hurricane Lorenzo hit the Azores on Wednesday. Lorenzo then moved towards Ireland.", "Lorenzo", 1),
    ("Tropical Storm Barry is expected to make landfall. Barry could bring heavy rain.", "Barry", 1),
]


@pytest.mark.parametrize("text, needle, occurrence", STORMS)
def test_storm_names_are_no_people(text, needle, occurrence):
    mention = mention_at(text, needle, occurrence)
    assert mention is None or mention.kind != "person"


# A name the model tags a place in one sentence and an organization in another, used as a
# location there, is the place throughout (a real Wikinews article, bundled in data/wikinews).
def test_a_place_the_model_also_tags_organization():
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "data/wikinews/articles.jsonl"
    with open(path, encoding="utf-8") as handle:
        body = next(a["text"] for a in map(json.loads, handle) if a["title"].startswith("Bombs kill at least 20 at cathedral"))
    rows = actors.extract(body)
    alone = rows[rows.text == "Mindanao"]
    assert len(alone) == 2 and (alone.kind == "place").all()
