"""The word classes the actor rules use, read from :mod:`kit.lexicon` (``actors_*.txt``).

These are English words, not lists of countries or people: the roles nouns and verbs play
in news text. Extend a list by editing its file when a corpus shows a gap.

>>> "official" in ANONYMOUS_NOUNS, "police" in GROUP_NOUNS
(True, True)
"""

from __future__ import annotations

from kit import lexicon
from kit.syntax import OWNER_NOUNS, SPEECH_VERBS, SUBJECT_DEPS  # noqa: F401  (shared with the quotes)

#: Unnamed people a story relies on ("a senior US official said").
ANONYMOUS_NOUNS = lexicon.words("actors_anonymous_nouns")
#: Collectives that act as one ("police arrested", "the opposition said").
GROUP_NOUNS = lexicon.words("actors_group_nouns")
#: Plural nouns of people and organisations a "they" may refer back to ("The parents said they ...").
PLURAL_ANTECEDENT_NOUNS = lexicon.words("actors_plural_antecedent_nouns")
#: Institutions that belong to a country ("its embassy", "the Russian government").
INSTITUTION_NOUNS = lexicon.words("actors_institution_nouns")
ORGANIZATION_NAME_HEADS = lexicon.words("actors_organization_name_heads")
#: Institutions that stand for the country itself.
COUNTRY_INSTITUTIONS = lexicon.words("actors_country_institutions")
#: Plural nouns of a party's members ("the Democrats"): a NORP group of them names the party.
PARTY_MEMBER_NOUNS = lexicon.words("actors_party_member_nouns")
#: Nouns that describe an organization named earlier ("the newspaper said").
ORGANIZATION_DESCRIPTIONS = lexicon.words("actors_organization_descriptions")
#: Descriptions that fit any organization whatever its name.
GENERIC_ORGANIZATION_DESCRIPTIONS = lexicon.words("actors_generic_organization_descriptions")
#: Words that mark a news outlet's name, so that "the newspaper" finds it.
MEDIA_NAME_WORDS = lexicon.words("actors_media_name_words")
MEDIA_DESCRIPTIONS = lexicon.words("actors_media_descriptions")
#: Titles of persons: "President Maduro" ... "the president" refers back to him.
TITLE_NOUNS = lexicon.words("actors_title_nouns")
#: Police and military ranks, seen alone as ORG by spaCy-sm.
RANKS = lexicon.words("actors_ranks")
#: Tokens stripped from the front of a person's name ("President Trump" -> "Trump").
NAME_TITLES = lexicon.words("actors_name_titles")
#: Verbs of movement or location: their object is a place ("leaving Caracas").
PLACE_VERBS = lexicon.words("actors_place_verbs")
#: Verbs whose prepositional object is where someone comes from or goes ("born in", "emigrated to").
BIRTH_VERBS = lexicon.words("actors_birth_verbs")
#: Prepositions whose object is always a place ("throughout the United States").
PLACE_PREPOSITIONS = lexicon.words("actors_place_prepositions")
#: Prepositions whose object is a party to something ("talks with Moscow").
ACTOR_PREPOSITIONS = lexicon.words("actors_actor_prepositions")
NOUN_ACTOR_PREPOSITIONS = lexicon.words("actors_noun_actor_prepositions")
#: Nouns that are a person only when they speak.
SPEAKING_ONLY_NOUNS = lexicon.words("actors_speaking_only_nouns")
#: First words of names of storms, not people ("Cyclone Phailin") nor places ("Hurricane Maria").
NOT_PERSON_FIRST_WORDS = lexicon.words("actors_not_person_first_words")
#: Last words of names of landmarks that spaCy-sm tags ORG: places, not actors.
PLACE_NAME_ENDS = lexicon.words("actors_place_name_ends")
#: First words of names of places ("Mount Everest", "Lake Chad", "Isle of Man").
PLACE_NAME_STARTS = lexicon.words("actors_place_name_starts")
#: Last words of names of buildings, places unless they act ("Bontddu Hall", "Holy Cross Hospital").
BUILDING_NAME_ENDS = lexicon.words("actors_building_name_ends")
#: Heads of names of buildings before "of" ("the Museum of Flight"): places unless they act.
BUILDING_NAME_HEADS = lexicon.words("actors_building_name_heads")
#: Nouns that make the name before them, or after "the ... of", a place's ("the Amazon rainforest").
PLACE_CUE_NOUNS = lexicon.words("actors_place_cue_nouns")
#: Prepositions whose object is where something is or happens ("in Jolo", "off Lampedusa").
LOCATIVE_PREPOSITIONS = lexicon.words("actors_locative_prepositions")
#: Nouns of offices: an organization in "the Defence Secretary" or "Senate President X" is
#: part of a title, not a mention (the annotation guidelines agree).
OFFICE_NOUNS = TITLE_NOUNS | frozenset(("speaker",))
#: Capitalised offices whose "of" names the body in the title: "Speaker of the House".
OFFICES_OF = lexicon.words("actors_offices_of")
#: Words between "the" and a title in a description ("the Prime Minister", "the vice president").
TITLE_MODIFIERS = lexicon.words("actors_title_modifiers")
#: Last words of names that are not actors ("the Berwick Prize", "the Ineos 1:59 Challenge").
NOT_ACTOR_NAME_ENDS = lexicon.words("actors_not_actor_name_ends")
#: Awards, whatever follows them ("the Nemmers Prize in Mathematics").
AWARD_WORDS = lexicon.words("actors_award_words")
#: A company's market nouns ("shares of Goldman", "Ford's stock"): the name is the company's.
COMPANY_CONTEXT_NOUNS = lexicon.words("actors_company_context_nouns")
#: First words of names of undertakings, not actors ("Project MKUltra", "Operation Desert Storm").
NOT_ACTOR_NAME_STARTS = lexicon.words("actors_not_actor_name_starts")
#: Words of vehicles' names that spaCy-sm takes for people ("Space Shuttle Atlantis").
VEHICLE_WORDS = lexicon.words("actors_vehicle_words")
#: Nouns of craft that carry names ("the boat, Conception"): such a name is the craft's.
VESSEL_NOUNS = lexicon.words("actors_vessel_nouns")
#: Titles only people bear: a title of these and two capitalised words is a person's name,
#: whatever spaCy's label. Not "General", "Major", "Prince".
PERSON_ONLY_TITLES = lexicon.words("actors_person_only_titles")

#: Dependency labels of a word that only modifies a noun ("US" in "his US counterpart").
MODIFIER_DEPS = frozenset(("compound", "amod", "nmod", "npadvmod"))
#: Which kind wins when two candidates cover the same words.
KIND_PRIORITY = {"person": 5, "organization": 4, "country": 4, "group": 3, "anonymous": 3, "place": 1}
