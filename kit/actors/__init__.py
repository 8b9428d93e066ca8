"""Who is mentioned: mentions of people, countries, organizations, groups and anonymous
sources, each resolved to a canonical actor.

The package, by question:

- :mod:`kit.actors.find`: one article, a spaCy Doc -> mention rows (``find_mentions``);
  with :mod:`~kit.actors.names` (what is a name), :mod:`~kit.actors.roles` (the role a
  word plays: acts, names a place, modifies), :mod:`~kit.actors.places` (labels put right on
  evidence in the article: "in Jolo" tagged PERSON is a town, "Qantas and Emirates" two
  airlines) and :mod:`~kit.actors.references` (descriptions, institutions, anonymous
  sources, pronouns);
- :mod:`kit.actors.resolve`: the corpus, merges across articles and the actors table
  (``resolve_corpus``, ``actors_table``);
- :mod:`kit.actors.explore`: tables -> tables (``top_actors``, ``mentions_over_time``,
  ``cooccurrence``);
- :mod:`kit.actors.aliases`: the user-editable alias file (``data/aliases.csv``);
- :mod:`kit.actors.geography`: countries from country_converter, countryinfo, GeoNames.
  Word lists are ``kit/lexicon/actors_*.txt``; what the quotes share is :mod:`kit.syntax`.

How it works, per article (``find_mentions``, on the Doc spaCy already parsed):

1. spaCy's entities, corrected where the small model fails: a lone surname tagged
   ORG ("Trump said") becomes the person named in full elsewhere in the article;
   "Group of" + "20" is one name (from the alias file).
2. Countries by name, abbreviation (``kit.geography``) and alias ("America").
   A country used as a modifier ("his US counterpart", "Russian technicians") is
   not a mention of the country; a country's or place's name as a modifier ("US" of
   "U.S. officials") is a row of kind "place", how "modifier" (nested in a description
   that holds it), as a newswire tagger counts names.
3. Capitals and seats of power stand for their government only when the parse says
   they act: subject ("Moscow said"), object of a verb that is not a movement
   ("angered Washington", but not "leaving Caracas"), possessor ("Moscow's
   services"), or partner ("between Moscow and Caracas"). Otherwise they are places.
4. Institutions of a country ("its embassy in Caracas", "the Russian embassy in
   Caracas"; "the Iraqi government" is the Government of Iraq, an organization whose
   country is Iraq), descriptions of an actor named before ("the newspaper", "The embassy",
   "the president", "police" after "North Wales Police"), abbreviations ("WHO" after
   "World Health Organization"), anonymous sources and groups when they act ("a senior US
   official said", "police arrested"), and third-person pronouns (how="pronoun"):
   he/him/his/himself and she/her/herself only to a person, by ``person_antecedent``
   (the nearest earlier subject naming a person of that gender, else a person named in
   any role in this sentence or the two before; gender from an honorific, a gendered noun
   or a given name, ``kit/lexicon/actors_given_names.txt``; never an organization or
   country; the quotes use the same function for their speakers); it/its only to an
   organization or country that says it or is the clause's subject ("the company said it
   would", "Russia cut its staff"); they/them/their to whoever says it, else the latest
   organization, country or group subject of this sentence or the one before. A pronoun
   with no such antecedent is left out rather than guessed. "his government" is the man's
   (how="description").

What is deliberately *not* a mention: a country or demonym that only modifies a noun
("his US counterpart", "Russian technicians": the seed's gold calls these modifiers;
they still give an anonymous source or an institution its ``country``); the annotated
dev sets leave pronouns out of actor mentions, so their bench scores them apart.
Places are mentions of kind "place" (``top_actors`` leaves them out unless asked).

Across articles (``resolve_corpus``), a lone surname is merged with the one full name
that ends with it ("Putin" -> "Vladimir Putin"), a lone abbreviation with the name it
abbreviates, and the actors table is built.

The alias file (``data/aliases.csv``, columns alias, name, kind, country, usage) is
where users teach the kit names the data sources lack: "America", "the Kremlin".

>>> rows = extract("Russia angered Washington. Vladimir Putin met Trump. Putin said he was pleased.")
>>> rows[["text", "actor_id", "kind", "how"]].values.tolist()[:3]
[['Russia', 'russia', 'country', 'name'], ['Washington', 'united-states', 'country', 'capital'], ['Vladimir Putin', 'vladimir-putin', 'person', 'name']]
>>> rows.loc[rows.text == "he", "actor_id"].tolist()
['vladimir-putin']
"""

from __future__ import annotations

import pandas as pd

from kit.actors import geography  # noqa: F401
from kit.actors.aliases import alias_file, load_aliases, reload_aliases
from kit.actors.explore import cooccurrence, mentions_over_time, table_of, top_actors
from kit.actors.find import find_mentions
from kit.actors.names import government_name, initials, slug, turn_labels
from kit.actors.resolve import actors_table, resolve_corpus
from kit.syntax import genders_from_honorifics, person_antecedent

__all__ = [
    "actors_table", "alias_file", "cooccurrence", "extract", "find_mentions", "genders_from_honorifics",
    "geography", "government_name", "initials", "load_aliases", "mentions_over_time", "person_antecedent",
    "reload_aliases", "resolve_corpus", "slug", "table_of", "top_actors", "turn_labels",
]


def extract(text: str, nlp=None) -> pd.DataFrame:
    """The mentions of one text, resolved: the rows ``kit.analyze`` would give, for teaching.

    >>> extract("The Kremlin said Russia would stay.")[["text", "actor_id", "how"]].values.tolist()
    [['The Kremlin', 'russia', 'alias'], ['Russia', 'russia', 'name']]
    """
    from kit.nlp import load_model
    from kit.tables import conform

    nlp = nlp or load_model()
    rows = find_mentions(nlp(text))
    for row in rows:
        row["article_id"] = "text"
    mentions = conform(rows, "mentions")
    mentions, _, _ = resolve_corpus(mentions, None)
    return mentions
