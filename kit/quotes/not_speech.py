"""Reported rows that are not speech: a filter over :class:`kit.quotes.reported.ReportedSpeech`'s rows.

A reported row is judged by its cue, its speaker and its content in the parsed article;
:func:`kept` drops the indirect rows that no one is said to have said: a set phrase ("it goes
without saying"), a verb whose subject is a thing ("the storm threatens to cut
power"), a line of a list under a label ("Iowa: Jane Roe, John Doe, ..."). PolNeAR annotates
nearly every other form (author's asides, negated speech, objects of "answer", "deny", "confirm"),
so the rules stay narrow.

>>> from kit.quotes import find_quotes
>>> from kit.nlp import load_model
>>> [row["cue"] for row in find_quotes(load_model()("Only time will tell if the plan works, she said."), [])]
['said']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: spaCy is not imported with kit.quotes (a cached report's charts)
    from spacy.tokens import Token

from kit import lexicon
from kit.quotes.article import Article

#: Set phrases holding a verb of saying that report no one's words, by each of their words:
#: word -> (its place in the phrase, the phrase's words).
IDIOMS: dict[str, list[tuple[int, list[str]]]] = {}
for _phrase in sorted(lexicon.words("quotes_not_speech_idioms")):
    for _place, _word in enumerate(_phrase.split()):
        IDIOMS.setdefault(_word, []).append((_place, _phrase.split()))
#: Verbs of saying with another sense when a thing is their subject ("the vote promises to be close").
THING_VERBS = lexicon.words("quotes_not_speech_thing_verbs")
#: Nouns of those who can say something: people, groups, organisations, and the documents that speak for them.
AGENT_NOUNS = frozenset().union(*(lexicon.words(name) for name in (
    "human_nouns", "actors_group_nouns", "actors_institution_nouns", "actors_anonymous_nouns",
    "actors_organization_descriptions", "actors_organization_name_heads", "actors_title_nouns",
    "actors_party_member_nouns", "quotes_document_nouns", "quotes_source_nouns", "governing_nouns",
    "quotes_not_speech_body_nouns")))
#: Endings of nouns for people ("voter", "investor", "economist", "historian", "applicant", "employee").
PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee", "man", "men", "people", "folk")
#: Nouns of events, plans and qualities: a speaker with such a head is a thing, not someone.
THING_NOUNS = lexicon.words("quotes_not_speech_thing_nouns")
#: Endings of abstract nouns ("confrontation", "decision", "pressure", "populism", "technology").
ABSTRACT_ENDINGS = ("tion", "sion", "ness", "ism", "ure", "ogy")
#: People a country or a school lets in ("admit refugees", "admitting more students").
ADMITTED_NOUNS = lexicon.words("quotes_not_speech_admitted_nouns")
#: How the cue words the rules look at begin ("threatened", "admitting"): a cheap test before the Doc is read.
CUE_STARTS = tuple(lemma[:5] for lemma in THING_VERBS | {"admit"})
#: Tags of a finite verb: the content of a reported clause has one.
FINITE_TAGS = frozenset("VBZ VBP VBD MD".split())


def cue_token(row: dict, article: Article) -> Token | None:
    """The row's cue word in the Doc: the token written as the cue's first word nearest the
    content, in the sentences from the speaker's to the content's, outside the content (found
    in the text, not by walking the tokens)."""
    cue = (row.get("cue") or "").split()
    if not cue:
        return None
    word, text, start, end = cue[0], article.text, row["start"], row["end"]
    low = min(start, row["speaker_start"] if row.get("speaker_start") is not None else start)
    high = max(end, row["speaker_end"] if row.get("speaker_end") is not None else end)
    opening, closing = article.tokens_of(low, low + 1), article.tokens_of(high - 1, high)
    if opening is None or closing is None:
        return None
    lowest = article.sents[article.sentence_index(opening.start)].start_char
    highest = article.sents[article.sentence_index(closing.start)].end_char
    best, distance = None, None
    found = text.find(word, lowest, highest)
    while found >= 0:
        token = article.tokens_of(found, found + len(word))
        if token is not None and len(token) == 1 and token[0].idx == found and not start <= found < end:
            gap = start - found if found < start else found - end
            if distance is None or gap < distance:
                best, distance = token[0], gap
        found = text.find(word, found + 1, highest)
    return best


def speaker_head(row: dict, article: Article) -> Token | None:
    """The head word of the row's speaker, or None when the row has no speaker."""
    if row.get("speaker_start") is None:
        return None
    span = article.tokens_of(row["speaker_start"], row["speaker_end"])
    return span.root if span is not None and len(span) else None


def is_thing(head: Token, article: Article) -> bool:
    """Is the speaker's head word a thing that says nothing: an event, a plan, a quality ("the
    debate", "his refusal", "the pressure"), or an act named by a verb ("hearing him say it")?"""
    if head.pos_ in ("VERB", "AUX"):
        return head.dep_ in ("csubj", "nsubj") or head.tag_ == "VBG"
    if head.pos_ != "NOUN" or head.ent_type_ or article.mention_at(head) is not None:
        return False
    lemma = head.lemma_.lower()
    if lemma in AGENT_NOUNS or head.lower_ in AGENT_NOUNS:
        return False
    return lemma in THING_NOUNS or lemma.endswith(ABSTRACT_ENDINGS)


def idiom(row: dict, cue: Token, article: Article) -> bool:
    """The cue is a word of a set phrase: "it's worth noting", "only time will tell"."""
    doc = cue.doc
    for place, words in IDIOMS.get(cue.lower_, ()):
        start = cue.i - place
        if start >= 0 and start + len(words) <= len(doc) and [t.lower_ for t in doc[start : start + len(words)]] == words:
            return True
    return False


def thing_says(row: dict, cue: Token, article: Article) -> bool:
    """A verb with a sense for things, and a thing as its subject: "a case that threatened to ..."."""
    if cue.lemma_.lower() not in THING_VERBS:
        return False
    head = speaker_head(row, article)
    return head is not None and is_thing(head, article)


def listed_under_label(row: dict, article: Article) -> bool:
    """'Label: words' below the headline whose words have no finite verb: an entry of a list
    ("Iowa: Jane Roe, John Doe, ...", "Kasich: Now or never."), not words said."""
    if row["cue"] != ":" or article.paragraph_of(row["start"]) == 0:
        return False
    span = article.tokens_of(row["start"], row["end"])
    return span is not None and not any(token.tag_ in FINITE_TAGS for token in span)


def people_admitted(row: dict, cue: Token, article: Article) -> bool:
    """"admit refugees", "admitting more students": letting people in, not admitting a fact."""
    span = article.tokens_of(row["start"], row["end"])
    if cue.lemma_.lower() != "admit" or span is None or span.root.head != cue:
        return False
    noun = span.root
    if noun.dep_ != "dobj" and noun.tag_ == "VB" and any(child.lower_ == "to" for child in noun.children):
        noun = next((child for child in noun.children if child.dep_ == "nsubj"), noun)  # "admit students to fill ..."
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("dobj", "nsubj"):
        return False  # "admitting terrorists might slip in": a clause, what was admitted
    lemma = noun.lemma_.lower()
    return noun.ent_type_ == "NORP" or noun.pos_ == "NOUN" and (
        lemma in AGENT_NOUNS or lemma in ADMITTED_NOUNS or lemma.endswith(PERSON_ENDINGS))


#: The rules on a row's cue word, by name (a row any of them holds is dropped).
RULES = (("idiom", idiom), ("thing_says", thing_says), ("people_admitted", people_admitted))


def reason(row: dict, article: Article) -> str | None:
    """Why the reported row is not speech (a rule's name), or None when it may be."""
    if listed_under_label(row, article):
        return "listed_under_label"
    word = (row.get("cue") or "").split()[:1]
    if not word or word[0].lower() not in IDIOMS and not word[0].lower().startswith(CUE_STARTS):
        return None  # none of the rules' words: the Doc is not looked at
    cue = cue_token(row, article)
    if cue is None:
        return None
    for name, rule in RULES:
        if rule(row, cue, article):
            return name
    return None


def kept(rows: list[dict], article: Article) -> list[dict]:
    """The reported rows that may be speech (only indirect rows are judged)."""
    return [row for row in rows if row["kind"] != "indirect" or reason(row, article) is None]
