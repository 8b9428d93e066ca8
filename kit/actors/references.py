"""What refers to an actor without naming it: institutions ("its embassy"), anonymous
sources and groups ("a senior official", "police"), descriptions of an actor named before
("the newspaper", "the president"), abbreviations ("WHO"), and pronouns.

Each is resolved within its article; what cannot be resolved is left out.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported where a Doc is worked on, not when kit.actors is (a cached report)
    from spacy.tokens import Span

from kit.actors import geography
from kit.actors.names import government_name, initials
from kit.actors.pronouns import _Pronouns, _reporting_subject
from kit.actors.roles import _acts, _country_in, _speaks
from kit.actors.words import (
    ANONYMOUS_NOUNS, COUNTRY_INSTITUTIONS, GENERIC_ORGANIZATION_DESCRIPTIONS, GROUP_NOUNS,
    INSTITUTION_NOUNS, KIND_PRIORITY, MEDIA_DESCRIPTIONS, MEDIA_NAME_WORDS, MODIFIER_DEPS, NOUN_ACTOR_PREPOSITIONS,
    ORGANIZATION_DESCRIPTIONS, OWNER_NOUNS, SPEAKING_ONLY_NOUNS, SUBJECT_DEPS, TITLE_MODIFIERS, TITLE_NOUNS,
)
from kit.syntax import PRONOUN_GENDER, PRONOUNS, genders_from_honorifics, person_antecedent


# --- institutions, anonymous sources and groups (stage 4 of find_mentions) ----------------------


def _common_noun_mention(article, token) -> None:
    """An institution, anonymous source or group named by a common noun, when it acts."""
    doc = article.doc
    lemma = token.lemma_.lower()
    if lemma == "medium":
        lemma = token.lower_  # spaCy lemmatises "media" to "medium"
    if lemma in INSTITUTION_NOUNS:
        if token.dep_ not in MODIFIER_DEPS:
            _institution(article, token, article.countries_at)
        return
    if not ((lemma in ANONYMOUS_NOUNS or lemma in GROUP_NOUNS or token.lower_ in GROUP_NOUNS)
            and token.dep_ not in MODIFIER_DEPS):
        return
    # "talks with Moscow" is a party, "ruthless with the opposition" is not a source;
    # "source" is a person only when it speaks ("a source said", not "an energy source").
    if not (_acts(token, article.is_actor_at, prepositions=NOUN_ACTOR_PREPOSITIONS)
            and (lemma not in SPEAKING_ONLY_NOUNS or _speaks(token))):
        return
    left = token.left_edge.i
    # Keep determiners and adjectives, not a relative clause or a long prepositional tail.
    span = doc[left : token.i + 1]
    if any(t.ent_type_ == "PERSON" for t in span):
        return
    kind = "group" if (lemma in GROUP_NOUNS or token.lower_ in GROUP_NOUNS) else "anonymous"
    named = _named_body(article, token)
    if named is not None:  # "police" after "North Wales Police" is that force
        article.add(left, token.i + 1, name=named["name"], kind=named["kind"], how="description",
                    country=named["country"], head=lemma)
        return
    article.add(left, token.i + 1, name=_description_name(span), kind=kind, how="description",
                country=_country_in(span, article.countries_at), plural=token.tag_ == "NNS",
                head=lemma, generic=True)


def _named_body(article, token) -> dict | None:
    """The organization named in the article whose name ends with this noun ("Police")."""
    word = token.lower_
    if any(child.dep_ in ("amod", "compound") for child in token.lefts):
        return None  # "local police", "riot police": not necessarily the force named before
    for c in reversed(article.candidates):
        if c["kind"] == "organization" and c["name"].lower().split()[-1:] == [word]:
            return c
    return None


def _description_name(span: Span) -> str:
    text = span.text
    return text[0].lower() + text[1:] if span[0].pos_ == "DET" else text


def _institution(article, token, countries_at: dict[int, str]) -> None:
    """ "its embassy in Caracas", "the Russian embassy in Caracas" -> Russian embassy in Caracas."""
    doc = article.doc
    modifiers = [t for t in token.lefts if t.dep_ in ("amod", "compound", "poss", "nmod")]
    country = None
    host = None  # "embassy in Caracas": the country it is in is not the one it belongs to
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "in":
            host = next((countries_at[c.i] for c in child.children if c.i in countries_at), None)
    for t in modifiers:
        if t.dep_ == "poss" and t.lower_ == "its":  # "their government" is rarely a country's
            # "its" is most often the subject of the sentence ("Russia rotated ..., its embassy said").
            sentence = article.sentence_of(token.i)
            earlier = [c for c in article.candidates if c["kind"] == "country" and c["tok_end"] <= token.i
                       and c["country"] != host and article.sentence_of(c["tok_start"]) >= sentence - 1]
            subjects = [c for c in earlier if doc[c["tok_start"]:c["tok_end"]].root.dep_ in SUBJECT_DEPS]
            if subjects or earlier:
                country = max(subjects or earlier, key=lambda c: c["tok_end"])["country"]
        elif t.i in countries_at:
            country = countries_at[t.i]
        else:
            country = geography.country_of_demonym(t.text) or country
    lemma = token.lemma_.lower()
    named_before = any(
        c["tok_end"] <= token.i and (c.get("head") == lemma or lemma in c["name"].lower().split())
        for c in article.candidates
    )  # then "The embassy said" refers back to it (see _descriptions_and_pronouns)
    if country is None and not named_before and doc[token.left_edge.i].lower_ == "the" and token.left_edge.i >= token.i - 3:
        # "the army said": in a story about one country, its army (the country most named so far).
        # Modifiers count too ("U.S. lawmakers"): a story about one country names it mostly so.
        named = Counter(c for i, c in countries_at.items() if i < token.i and countries_at.get(i - 1) != c)
        if named:
            country = named.most_common(1)[0][0]
    if country is None:
        if _speaks(token) and lemma not in COUNTRY_INSTITUTIONS and not named_before:
            # "the emergencies ministry said": an institution we cannot place is still a speaker.
            span = doc[token.left_edge.i : token.i + 1] if token.left_edge.i >= token.i - 4 else doc[token.i : token.i + 1]
            if span[0].pos_ == "DET" and span[0].lower_ not in ("a", "an", "the"):
                return  # "his government", "this ministry": whose is unclear
            name = " ".join(t.lower_ for t in span if t.pos_ != "DET")
            article.add(span.start, span.end, name=name, kind="organization", how="description",
                        priority=3, head=token.lemma_.lower())
        return
    words = [geography.demonym_of(country) or country]
    words += [t.lower_ for t in modifiers if t.dep_ != "poss" and t.i not in countries_at
              and not geography.country_of_demonym(t.text)]
    words.append(token.lower_)
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in ("in", "to", "at"):
            objects = [c for c in child.children if c.dep_ == "pobj" and c.ent_type_ in ("GPE", "LOC")]
            if objects:
                place = doc[objects[0].left_edge.i : objects[0].i + 1]
                words += [child.lower_, place.text]
                end = objects[0].i + 1
        break
    start = token.left_edge.i if token.left_edge.i >= token.i - 4 else token.i
    if token.lemma_.lower() in COUNTRY_INSTITUTIONS:
        # "the Iraqi government said": the Government of Iraq, an organization of Iraq (as the
        # dev set's guidelines name it; its ``country`` still groups it with Iraq).
        article.add(start, token.i + 1, name=government_name(country), kind="organization", how="description",
                    country=country, priority=3, head=token.lemma_.lower())
        return
    article.add(start, end, name=" ".join(words), kind="organization", how="description",
                country=country, priority=3, head=token.lemma_.lower())


def _link_abbreviations(candidates: list[dict]) -> None:
    """Give "WHO", "RCMP", "USGS" the full name the article spells out somewhere."""
    long_names = {}
    for c in candidates:
        if c["kind"] == "organization" and " " in c["name"]:
            long_names.setdefault(initials(c["name"]), c["name"])
    # "Labour" for "Labour Party", "Scripps" for "Scripps Institution of Oceanography",
    # "Dead" for "Grateful Dead": a one-word name that begins or ends exactly one longer name.
    parts: dict[str, set[str]] = {}
    for name in set(long_names.values()):
        words = name.split()
        for word in (words[0], words[-1]):
            if word[:1].isupper():
                parts.setdefault(word, set()).add(name)
    for c in candidates:
        name = c["name"]
        if c["kind"] != "organization" or " " in name:
            continue
        if name.isupper() and name in long_names:
            c["name"] = long_names[name]
            c["how"] = "alias"
        elif len(parts.get(name, ())) == 1:
            c["name"] = next(iter(parts[name]))
            c["how"] = "alias"


def _without_overlaps(candidates: list[dict]) -> list[dict]:
    """Keep the longest of overlapping candidates (then the surer kind); in text order."""
    ranked = sorted(
        candidates,
        key=lambda c: (-(c["tok_end"] - c["tok_start"]), -c["priority"], -KIND_PRIORITY.get(c["kind"], 0), c["tok_start"]),
    )
    taken: set[int] = set()
    kept = []
    for c in ranked:
        tokens = range(c["tok_start"], c["tok_end"])
        if any(i in taken for i in tokens):
            continue
        taken.update(tokens)
        kept.append(c)
    return sorted(kept, key=lambda c: c["tok_start"])


def _descriptions_and_pronouns(article, mentions: list[dict]) -> list[dict]:
    """Add "the newspaper", "The embassy", "the president", "the official", he/she/they,
    each resolved to an actor mentioned earlier in the article; unresolved ones are left out."""
    from kit.actors.find import _token_filter

    doc = article.doc
    taken = {i for m in mentions for i in range(m["tok_start"], m["tok_end"])}
    article.mention_tokens = taken
    for m in mentions:  # person_antecedent works on character offsets, as the quotes do
        m["start"], m["end"] = doc[m["tok_start"]].idx, doc[m["tok_end"] - 1].idx + len(doc[m["tok_end"] - 1])
    context = _References(article, list(mentions), taken)
    added = []
    words = _token_filter(doc.vocab)
    for index in words.select(article.arrays, pronouns=True, nouns=words.description_rule):
        token = doc[index]
        if token.i in taken:
            continue
        if token.pos_ == "PRON" and token.lower_ in PRONOUNS:
            if token.text[:1].isupper() and not token.is_sent_start and token.i + 1 < len(doc) \
                    and doc[token.i + 1].text[:1].isupper():
                continue  # "Her Majesty", "His Holiness": a title, not a pronoun
            found = context.governed(token) if token.dep_ == "poss" else None
            if found is None:
                found = context.pronoun(token)
            if found is not None and found[0].get("new"):  # "The parents said they ...": the parents, a new mention
                    described = found[0]
                    del described["new"]
                    added.append(described)
                    context.insert(described)
                    taken.update(range(described["tok_start"], described["tok_end"]))
        elif token.pos_ in ("NOUN", "PROPN") and token.i > 0 and (
            token.pos_ == "NOUN" or token.ent_type_ == ""  # "The President insists" is often tagged PROPN
        ):
            found = context.description(token)
        else:
            found = None
        if found is None:
            continue
        antecedent, start, end, how = found
        mention = dict(antecedent, tok_start=start, tok_end=end, how=how, plural=antecedent.get("plural"),
                       start=doc[start].idx, end=doc[end - 1].idx + len(doc[end - 1]))
        added.append(mention)
        # "The Vice President said he ...", "his sister pleaded with him, but he replied": later pronouns see it
        context.insert(mention)
    return sorted(mentions + added, key=lambda m: m["tok_start"])


class _References(_Pronouns):
    """The mentions found so far in one article, and how a pronoun or description finds its actor
    (the pronouns in :mod:`kit.actors.pronouns`).
    Each method returns ``(antecedent, tok_start, tok_end, how)`` or None."""

    def __init__(self, article, mentions: list[dict], taken: set[int]):
        self.article, self.doc, self.mentions, self.taken = article, article.doc, mentions, taken
        self.starts = [m["tok_start"] for m in mentions]
        self.persons_at = {i for m in mentions if m["kind"] == "person" for i in range(m["tok_start"], m["tok_end"])}
        self.genders = genders_from_honorifics(article.doc, mentions)

    def insert(self, mention: dict) -> None:
        """Make a resolved description visible to the pronouns after it."""
        position = bisect.bisect_right(self.starts, mention["tok_start"])
        self.starts.insert(position, mention["tok_start"])
        self.mentions.insert(position, mention)

    def earlier(self, token) -> list[dict]:
        return self.mentions[: bisect.bisect_left(self.starts, token.i)]

    def governed(self, token):
        """ "his government said": the government speaks for its possessor (Maduro's)."""
        head = token.head
        if token.dep_ != "poss" or head.lemma_.lower() not in OWNER_NOUNS or head.i in self.taken:
            return None
        if token.lower_ in PRONOUN_GENDER:
            antecedent = person_antecedent(token, self.mentions, genders=self.genders,
                                              in_quote=self.article.in_quote)
        else:
            antecedent = _reporting_subject(token, self.earlier(token), kinds=("country",), sentence_subject=True)
        return None if antecedent is None else (antecedent, token.i, head.i + 1, "description")

    def description(self, token):
        """ "the newspaper", "the Prime Minister", "the official": an actor named before."""
        doc = self.doc
        lemma = token.lemma_.lower()
        if not (lemma in ORGANIZATION_DESCRIPTIONS or lemma in TITLE_NOUNS or lemma in ANONYMOUS_NOUNS):
            return None
        if doc[token.i - 1].lower_ == "the":
            first = token.i - 1
        elif token.i > 1 and doc[token.i - 2].lower_ == "the" and doc[token.i - 1].lower_ in TITLE_MODIFIERS:
            first = token.i - 2  # "the Prime Minister"
            if first in self.taken or token.i - 1 in self.taken:
                return None
        else:
            return None
        if token.dep_ in MODIFIER_DEPS:
            return None
        if lemma in TITLE_NOUNS and (
            token.dep_ in ("appos", "attr", "npadvmod") and token.head.i in self.persons_at
            or token.dep_ == "pobj" and token.head.lower_ == "as"  # "succeeding her as the Prime Minister"
        ):
            # "Ann Hale, the president of the rowing club": an office said of the
            # person named right there, not a further mention of them.
            return None
        if lemma in MEDIA_DESCRIPTIONS and not _speaks(token):
            return None  # "the paper said" is the newspaper; "the paper shows" may be a study
        title = f"{doc[token.i - 1].lower_} {lemma}" if first == token.i - 2 else lemma  # "the Vice President"
        antecedent = _antecedent(lemma, self.earlier(token), title=title)
        return None if antecedent is None else (antecedent, first, token.i + 1, "description")


def _antecedent(lemma: str, earlier: list[dict], title: str | None = None) -> dict | None:
    """The actor a description ("the newspaper", "the president") refers back to: a person
    only if the article gave them that very title ("the Vice President" is not President Trump)."""
    title = title or lemma
    for m in reversed(earlier):
        kind, name = m["kind"], m["name"].lower()
        if kind == "person" and title in m.get("titles", ()):
            return m
        if kind in ("anonymous", "group") and m.get("head") == lemma:
            return m
        if kind == "organization" and lemma in ORGANIZATION_DESCRIPTIONS:
            words = set(re.findall(r"[a-z]+", name))
            if lemma in words or m.get("head") == lemma:
                return m
            if lemma in MEDIA_DESCRIPTIONS and words & MEDIA_NAME_WORDS:
                return m
            if lemma in GENERIC_ORGANIZATION_DESCRIPTIONS and m["how"] in ("name", "alias"):
                return m
    return None


