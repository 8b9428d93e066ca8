"""Reported rows that are not speech: a filter over :class:`kit.quotes.reported.ReportedSpeech`'s rows.

A reported row is judged by its cue, its speaker and its content in the parsed article;
:func:`kept` drops the indirect rows that no one is said to have said: a set phrase ("it goes
without saying"), a verb whose subject is a thing ("the storm threatens to cut power"), a line
of a list under a label ("Iowa: Jane Roe, John Doe, ..."), a headline's kicker ("WATCH: ..."), a
participle before its noun ("pledged delegates", "her reported income"), a contest conceded
("conceded the race"), a verb and object that say nothing ("answered the door"), a content that is
only the setting ("asked on Twitter"), the main clause of a cleft ("It was a year ago that she
was saying ..."), words cut inside a word. PolNeAR annotates nearly every other form (author's
asides, negated speech, objects of "answer", "deny", "confirm"), so the rules stay narrow.

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
from kit.quotes.article import FINITE_TAGS, Article
from kit.quotes.reported import CUE_KEY

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
#: Words that open a headline to catch the eye, not to name a speaker ("BOOM: ...", "WATCH: ...").
KICKERS = lexicon.words("quotes_not_speech_kickers")
#: Tags of a verb's participle or past form written before a noun ("pledged delegates").
PARTICIPLE_TAGS = frozenset(("VBN", "VBD"))
#: Tags of the word before such a participle: a number, a determiner, a possessive ("60 pledged
#: delegates", "the pledged delegates", "the firm's reported profits", "her declared assets").
BEFORE_PARTICIPLE_TAGS = frozenset("CD DT PDT POS PRP$".split())
#: Determiners that also follow a subject ("they both acknowledged faults"): no sign of a noun phrase.
FLOATING_QUANTIFIERS = frozenset("both all each either neither".split())
#: Tags of a word that can be the subject a floating quantifier follows ("they both", "the aides all").
SUBJECT_POS = frozenset(("NOUN", "PROPN", "PRON"))
#: Verb-object pairs (lemmas) in which a verb of saying does something else ("answer door", "tell difference").
VERB_OBJECTS = lexicon.words("quotes_not_speech_verb_objects")
#: Settings of a speech act, a preposition and its object's lemma ("on twitter", "over shoulder").
SETTINGS = lexicon.words("quotes_not_speech_settings")


def cue_token(row: dict, article: Article) -> Token | None:
    """The row's cue word in the Doc, for a row that does not carry it (a headline's, a
    labelled line's, an answer's; the rows found from a cue word carry its index): the token
    written as the cue's first word nearest the content, in the sentences from the speaker's to
    the content's, outside the content (found in the text, not by walking the tokens)."""
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


def kicker_label(row: dict, article: Article) -> bool:
    """'Kicker: headline' ("BOOM: ...", "WATCH: ...", "EXCLUSIVE: ..."): a word that sells the
    headline, not someone who says it."""
    if row["cue"] != ":" or row.get("speaker_start") is None:
        return False
    return article.text[row["speaker_start"] : row["speaker_end"]].strip().lower() in KICKERS


def cut_in_a_word(row: dict, article: Article) -> bool:
    """The content starts or ends inside a word ("Plan Does|n't Add Up", "who co-|wrote it"):
    words cut out of a sentence (a headline's, an aside's), not a clause someone said."""
    text, start, end = article.text, row["start"], row["end"]
    if end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        return True
    return start > 1 and text[start - 1] == "-" and text[start - 2].isalpha() or \
        start > 0 and text[start - 1].isalnum() and text[start].isalnum()


def participle_before_noun(row: dict, cue: Token, article: Article) -> bool:
    """The cue is a participle between a number, a determiner or a possessive and its noun
    ("60 pledged delegates", "the pledged delegates", "the mayor's reported net worth", "both
    declared candidates" opening a noun phrase), the content running on from that noun: a word
    of a noun phrase, not a verb of saying ("they both acknowledged faults" is said: "both"
    after its subject)."""
    span = article.tokens_of(row["start"], row["end"])
    if span is None or not len(span) or span.start != cue.i + 1 or cue.i == 0 or cue.tag_ not in PARTICIPLE_TAGS:
        return False
    noun = span[0] if span[0].tag_ != "JJ" or len(span) < 2 else span[1]  # "reported net worth"
    before = cue.doc[cue.i - 1]
    if noun.tag_ not in ("NN", "NNS") or before.tag_ not in BEFORE_PARTICIPLE_TAGS:
        return False
    if before.lower_ in FLOATING_QUANTIFIERS:
        return before.lower_ == "both" and (before.i == 0 or cue.doc[before.i - 1].pos_ not in SUBJECT_POS)
    return True


def contest_conceded(row: dict, cue: Token, article: Article) -> bool:
    """"conceded the race", "concede the election": giving up a contest (a thing noun), not
    conceding a point."""
    span = article.tokens_of(row["start"], row["end"])
    if cue.lemma_.lower() != "concede" or span is None or not len(span):
        return False
    noun = span.root
    return noun.head == cue and noun.dep_ == "dobj" and noun.lemma_.lower() in THING_NOUNS


def set_object(row: dict, cue: Token, article: Article) -> bool:
    """The content is the cue's direct object, and verb and object make a pair that says
    nothing ("she answered the door", "is answering the call to serve", "can tell the
    difference"): a chore or a skill, not words reported."""
    span = article.tokens_of(row["start"], row["end"])
    if span is None or not len(span):
        return False
    noun = span.root
    return noun.head == cue and noun.dep_ == "dobj" and f"{cue.lemma_.lower()} {noun.lemma_.lower()}" in VERB_OBJECTS


def setting_only(row: dict, cue: Token, article: Article) -> bool:
    """The content is only a phrase of the setting: where, through what or how often the words
    were said ("she asked on Twitter", "he mentions it on the campaign trail", "called over her
    shoulder", "declined to answer on several occasions"), not the words."""
    span = article.tokens_of(row["start"], row["end"])
    if span is None or not len(span) or span.root.tag_ != "IN":
        return False
    objects = [child for child in span.root.children if child.dep_ == "pobj"]
    return bool(objects) and f"{span.root.lower_} {objects[0].lemma_.lower()}" in SETTINGS


def cleft_main_clause(row: dict, cue: Token, article: Article) -> bool:
    """"It was a year ago that she was saying the opposite": the content is the cleft's "It was
    ..." clause, and what she said is elsewhere."""
    span = article.tokens_of(row["start"], row["end"])
    if span is None or not len(span) or cue.i < span.end:
        return False
    root = span.root
    if root.lemma_ != "be" or cue.head != root or not any(c.lower_ == "it" and c.dep_ in ("nsubj", "expl") for c in root.children):
        return False
    return any(token.lower_ == "that" for token in cue.doc[span.end : cue.i])


#: The rules on a row's cue word, by name (a row any of them holds is dropped).
RULES = (("idiom", idiom), ("thing_says", thing_says), ("people_admitted", people_admitted),
         ("participle_before_noun", participle_before_noun), ("contest_conceded", contest_conceded),
         ("cleft_main_clause", cleft_main_clause), ("set_object", set_object),
         ("setting_only", setting_only))
#: The rules on a row's words alone (its cue word is not looked for).
ROW_RULES = (("listed_under_label", listed_under_label), ("kicker_label", kicker_label), ("cut_in_a_word", cut_in_a_word))


def reason(row: dict, article: Article) -> str | None:
    """Why the reported row is not speech (a rule's name), or None when it may be."""
    for name, rule in ROW_RULES:
        if rule(row, article):
            return name
    cue = article.doc[row[CUE_KEY]] if row.get(CUE_KEY) is not None else cue_token(row, article)
    if cue is None:
        return None
    for name, rule in RULES:
        if rule(row, cue, article):
            return name
    return None


def kept(rows: list[dict], article: Article) -> list[dict]:
    """The reported rows that may be speech (only indirect rows are judged)."""
    out = [row for row in rows if row["kind"] != "indirect" or reason(row, article) is None]
    for row in out:
        row.pop(CUE_KEY, None)
    return out
