"""Where a speaker is written and whose actor it is: the speaker span, the mention that holds
its head word, a pronoun's person or group, a transcript's labelled speaker, a description's
named actor, a document's issuer.

Split from :mod:`kit.quotes.speakers` (who says a cue, from the parse); :class:`SpeakerActors`
turns an attribution into a row of the quotes table.

>>> from kit.nlp import load_model
>>> from kit.quotes.article import Article
>>> doc = load_model()('"We will win," the minister said.')
>>> actors = SpeakerActors(Speakers(Article(doc, [])))
>>> doc.text[slice(*actors.speaker_span(doc[7]))]
'the minister'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: spaCy is not imported with kit.quotes (a cached report's charts)
    from spacy.tokens import Token

from kit import lexicon
from kit.quotes.article import GOVERNING_NOUNS, GROUP_PRONOUNS, PERSON_PRONOUNS, Article, Attribution, present
from kit.quotes.resolve import actor_holding
from kit.quotes.speaker_clauses import SOURCE_NOUNS
from kit.quotes.speakers import (
    _TRANSCRIPT_LABEL, _WORD, FIRST_PERSON, GROUP_KINDS, INTERVIEWER_LABELS, NOT_IN_SPEAKER, PRONOUN_WINDOW_SENTENCES,
    Speakers,
)


#: Words after which a name is not the title's own ("officials including Jane Roe", "countries like France").
TITLE_NOT_BEFORE_NAME = lexicon.words("quotes_not_before_titled_name")


def _is_source(noun: Token) -> bool:
    return noun.pos_ == "NOUN" and (noun.lemma_.lower() in SOURCE_NOUNS or noun.lower_ in SOURCE_NOUNS)


class SpeakerActors:
    """Where a speaker is written, and its actor (from the mention rows), for one article."""

    def __init__(self, speakers: Speakers):
        self.speakers = speakers
        self.article = speakers.article
        self.doc = speakers.doc
        self._genders: dict[str, str] | None = None  # who is he or she, from honorifics (once)

    def speaker_span(self, head: Token) -> tuple[int, int]:
        """Where the speaker is written: the mention, named entity or noun phrase of ``head``,
        within the head's paragraph (a line break is never inside a speaker)."""
        start, end = self._speaker_span(head)
        text = self.article.text
        start, end = max(start, self.article.line_start(head.idx)), min(end, self.article.line_end(head.idx))
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    def _speaker_span(self, head: Token) -> tuple[int, int]:
        if head.tag_ in ("PRP", "WP"):  # he, she, they, who ("Some of the protesters" is a phrase)
            return head.idx, head.idx + len(head)
        mention = self.article.mention_at(head)
        if mention is not None:
            return mention["start"], mention["end"]
        entity = self.article.entity_of.get(head.i)
        if entity is not None and entity.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC"):
            return entity.start_char, entity.end_char
        dropped = set()
        for child in head.children:
            if child.dep_ in NOT_IN_SPEAKER or (child.dep_ == "prep" and child.lower_ == "by"):
                dropped.update(t.i for t in child.subtree)
        kept_set = {t.i for t in head.subtree if t.i not in dropped}
        first = last = head.i  # the contiguous stretch around the head
        while first - 1 in kept_set:
            first -= 1
        while last + 1 in kept_set:
            last += 1
        tokens = self.doc[first : last + 1]
        while len(tokens) > 1 and (tokens[0].is_punct or tokens[0].dep_ in ("cc", "preconj")):
            tokens = tokens[1:]
        while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].dep_ == "case"):
            tokens = tokens[:-1]  # "the mayor's claim": the mayor
        return tokens.start_char, tokens.end_char

    def actor_of(self, head: Token) -> str | None:
        """The actor_id of the speaker whose head word is ``head``, or None."""
        mention = self.article.mention_at(head)
        if head.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
            # Our own reading first: the subject the pronoun continues is usually its actor,
            # better than the last name mentioned ("she was attacked by X. She told ...").
            found = self.pronoun_actor(head)
            if found is not None:
                return found
            if mention is not None and head.lower_ in PERSON_PRONOUNS and mention.get("kind") != "person":
                return None  # "he" is a person, whatever the mention row says
        if head.lower_ in FIRST_PERSON | {"you"}:
            return self.transcript_actor(head)
        if mention is not None and present(mention.get("actor_id")):
            return mention["actor_id"]
        found = self.titled_actor(head) or self.owner_actor(head)
        if found is not None:
            return found
        if mention is None and head.is_upper and 2 <= len(head) <= 4:
            found = self.initials_actor(head.text)
            if found is not None:
                return found
        if head.pos_ == "NOUN":
            found = self.description_actor(head) or self.source_actor(head)
            if found is not None:
                return found
        if mention is None:
            found = self.named_elsewhere_actor(head)
            if found is not None:
                return found
        for owner in head.children:  # "his government said": the government of the man before
            if owner.dep_ == "poss" and owner.lower_ in ("his", "her", "its", "their") and head.lemma_.lower() in GOVERNING_NOUNS:
                return self.pronoun_actor(owner)
        for preposition in head.children:  # "Some of the protesters", "one of the officials"
            if preposition.dep_ == "prep" and preposition.lower_ == "of" and head.pos_ in ("PRON", "DET", "NUM"):
                found = self._object_actor(preposition)
                if found is not None:
                    return found
        return None

    def titled_actor(self, head: Token) -> str | None:
        """'US Ambassador to Germany Jane Roe', 'The mayor of Paris, Anne Hidalgo': a title
        phrase whose head has no actor speaks for the full name it ends with (written right
        after the title, or after a comma in apposition; never after "and", "like",
        "including": "officials including Jane Roe" are not Jane Roe)."""
        start, end = self.speaker_span(head)
        text = self.article.text
        for mention in self.article.mentions_before(end):
            if mention["end"] != end or mention["start"] <= start or not present(mention.get("actor_id")):
                continue
            if mention.get("how") == "pronoun" or mention.get("kind") not in ("person", "organization"):
                continue
            before = text[start : mention["start"]]
            words = _WORD.findall(before)
            if not words or words[-1].lower() in TITLE_NOT_BEFORE_NAME:
                continue
            apposition = before.rstrip().endswith(",")
            full_name = len([w for w in _WORD.findall(mention["text"]) if w[:1].isupper()]) >= 2
            if apposition or full_name:
                return mention["actor_id"]
        return None

    def owner_actor(self, head: Token) -> str | None:
        """"Erdogan's office", 'the Biden campaign', 'the Trump administration': a noun that
        speaks for its owner (``governing_nouns.txt``) with a named owner speaks for that
        owner's actor (a possessive pronoun's owner is found by :meth:`actor_of`)."""
        if head.lemma_.lower() not in GOVERNING_NOUNS and head.lower_ not in GOVERNING_NOUNS:
            return None
        for owner in head.children:
            if owner.dep_ not in ("poss", "compound") or owner.tag_ == "PRP$" or owner.i > head.i:
                continue
            mention = self.article.mention_at(owner)
            if mention is not None and present(mention.get("actor_id")) and mention.get("how") != "pronoun" \
                    and mention.get("kind") in ("person", "organization", "country", "group"):
                return mention["actor_id"]
        return None

    def named_elsewhere_actor(self, head: Token) -> str | None:
        """A speaker written as a name with no mention row where it stands ("((Jaya)) ...", a
        surname the mentions missed once): the actor whose names elsewhere in the article
        (mentions written as a name, surname or alias; never a place) hold every word of it
        ("Jaya"; "Fallows" for Chris Fallows), the most mentioned one when several do (none
        on a tie)."""
        if head.tag_ in ("PRP", "PRP$", "WP") or not head.text[:1].isupper():
            return None
        start, end = self.speaker_span(head)
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        tokens = [t for t in span if t.is_alpha and not (t.i == span.start and t.lower_ in ("the", "a", "an"))]
        if not tokens or not all(t.text[:1].isupper() or t.is_stop for t in tokens):
            return None  # "the ministry", "Some of the protesters": a description, not a name
        words = {t.lower_ for t in tokens if not t.is_stop or t.text[:1].isupper()}
        return actor_holding(words, self.article.mentions)

    def _object_actor(self, preposition: Token) -> str | None:
        """The actor of a mention that is the object of ``preposition`` ("of the officials"), or None."""
        for noun in preposition.children:
            mention = self.article.mention_at(noun) if noun.dep_ == "pobj" else None
            if mention is not None and present(mention.get("actor_id")):
                return mention["actor_id"]
        return None

    def description_actor(self, noun: Token) -> str | None:
        """'the commissioner', 'the ministry', 'the campaign': a description with no mention of
        its own speaks for the nearest actor before it whose name holds the same noun
        ("Commissioner Jane Doe", "the Emergency Situations Ministry", "the Biden campaign")."""
        if not any(child.dep_ in ("det", "poss") for child in noun.children):
            return None
        words = {noun.lower_, noun.lemma_.lower()}
        for mention in reversed(self.article.mentions_before(noun.idx)):
            if not present(mention.get("actor_id")) or mention.get("how") == "pronoun":
                continue
            # The name and the title written just before it ("Police Commissioner Jane Harlow").
            before = _WORD.findall(self.article.text[max(0, mention["start"] - 40) : mention["start"]])[-3:]
            if words & {word.lower() for word in _WORD.findall(mention.get("text") or "") + before}:
                return mention["actor_id"]
        return None

    def source_actor(self, noun: Token) -> str | None:
        """'data from the Gun Violence Archive', "WHO's statistics", 'Johns Hopkins University
        data', 'a report from the NTSB': a source speaks for the issuer its phrase names; 'the
        study' with no issuer of its own, for the one named with the same noun before it."""
        if not _is_source(noun):
            return None
        found = self._issuer_actor(noun)
        if found is not None or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
            return found
        for token in reversed(self.article.doc[: noun.i]):
            if token.lemma_ == noun.lemma_ and token.pos_ == "NOUN" and not self.article.in_quote(token.idx):
                found = self._issuer_actor(token)
                if found is not None:
                    return found
        return None

    def _issuer_actor(self, noun: Token, depth: int = 0) -> str | None:
        """The actor of whoever a source noun's phrase says made it (possessive, "from" / "by" /
        "of", a name before it), or None."""
        for child in noun.children:
            if child.dep_ == "poss" and child.tag_ == "PRP$":
                return self.pronoun_actor(child) if child.lower_ in ("its", "their", "his", "her") else None
            owners = [child] if child.dep_ in ("poss", "compound") else []
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of") and child.i > noun.i:
                owners = [c for c in child.children if c.dep_ == "pobj"]
            for owner in owners:
                mention = self.article.mention_at(owner)
                if mention is not None and present(mention.get("actor_id")):
                    return mention["actor_id"]
                if _is_source(owner) and depth < 2:  # "the hypothesis of the report"
                    found = self._issuer_actor(owner, depth + 1)
                    if found is not None:
                        return found
                for place in owner.children:  # "a study by researchers at Stanford University"
                    if place.dep_ == "prep" and place.lower_ in ("at", "from", "of") and owner.pos_ == "NOUN":
                        found = self._object_actor(place)
                        if found is not None:
                            return found
        return None

    def transcript_actor(self, pronoun: Token) -> str | None:
        """'I'/'we' in a transcript answer ("((Dorsa Derakhshani)) I said ...", "FALLIN: I think
        ...") are the paragraph's labelled speaker; 'you' in the interviewer's question ("((WN))
        You noted ...") is the person interviewed, the last other speaker labelled before."""
        labels = self._transcript_labels()
        paragraph = self.article.paragraph_of(pronoun.idx)
        # An answer may run over several paragraphs: the label is the last one at or before.
        labelled = [number for number in labels if number <= paragraph]
        own = labels[max(labelled)] if labelled else None
        if pronoun.lower_ in FIRST_PERSON:
            return own[1] if own else None
        if own is None or own[1] is not None:
            return None  # "you" only in the interviewer's paragraphs
        earlier = [labels[number] for number in sorted(labels) if labels[number][1]]
        before = [label for number, label in sorted(labels.items()) if number < paragraph and label[1]]
        chosen = before[-1] if before else (earlier[0] if earlier else None)
        return chosen[1] if chosen else None

    def initials_actor(self, label: str) -> str | None:
        """'NG: This study started in 1982' in an interview with Natasha Gownaris: a label of
        capital initials is the one person in the article whose name has those initials."""
        found = {m["actor_id"] for m in self.article.mentions if m.get("kind") == "person" and present(m.get("actor_id"))
                 and "".join(word[0] for word in _WORD.findall(m.get("name") or m.get("text") or "")).upper() == label}
        return found.pop() if len(found) == 1 else None

    def _transcript_labels(self) -> dict[int, tuple[str, str | None]]:
        """Paragraph number -> (label, actor_id or None) for the paragraphs of a transcript
        ("((Name)) ..." or "NAME: ..."); an interviewer's label ("WN", "Q") has no actor."""
        if getattr(self, "_labels", None) is None:
            article = self.article
            self._labels = {}
            for number, start in enumerate(article.paragraph_starts):
                match = _TRANSCRIPT_LABEL.match(article.text, start)
                if match is None:
                    continue
                label = (match.group(1) or match.group(2)).strip()
                actor = None
                for mention in article.mentions:
                    if start <= mention["start"] < match.end() and present(mention.get("actor_id")):
                        actor = mention["actor_id"]
                        break
                if actor is None and label.lower() not in INTERVIEWER_LABELS:
                    actor = next((m["actor_id"] for m in article.mentions if present(m.get("actor_id"))
                                  and (m.get("text") or "").lower() in (label.lower(), label.split()[-1].lower())), None)
                    if actor is None and label.isupper() and 2 <= len(label) <= 4:
                        actor = self.initials_actor(label)
                self._labels[number] = (label, actor)
        return self._labels

    def pronoun_actor(self, pronoun: Token) -> str | None:
        """he/she -> the person the story was about just before, by the rule the actors use
        too (``kit.actors.person_antecedent``: the nearest earlier subject naming a person of
        the pronoun's gender, else a person named in any role just before; subjects inside
        quotes do not count; no guess past that). they/it -> the nearest
        earlier subject naming a group, organization or country, else the last one
        mentioned; only within a few sentences, never from inside a quote."""
        article = self.article
        if pronoun.lower_ in PERSON_PRONOUNS | {"his", "hers"}:
            genders_from_honorifics, person_antecedent = _person_rules()
            if self._genders is None:
                self._genders = genders_from_honorifics(self.doc, article.mentions)
            mention = person_antecedent(pronoun, article.mentions, genders=self._genders, in_quote=article.in_quote)
            return mention["actor_id"] if mention is not None and present(mention.get("actor_id")) else None
        earliest_sentence = max(0, article.sentence_index(pronoun.i) - PRONOUN_WINDOW_SENTENCES)
        start = article.sents[earliest_sentence].start
        for token in reversed(self.doc[start : pronoun.i]):
            if token.dep_ not in ("nsubj", "nsubjpass") or article.in_quote(token.idx) or token.pos_ == "PRON":
                continue
            mention = article.mention_at(self.speakers.named(token))
            if mention is None or not present(mention.get("actor_id")) or mention.get("how") == "pronoun":
                continue
            if mention.get("kind") in GROUP_KINDS:
                return mention["actor_id"]
        earliest = article.sents[earliest_sentence].start_char
        for mention in reversed(article.mentions_before(pronoun.idx)):
            if mention["start"] < earliest:
                break
            if not present(mention.get("actor_id")) or article.in_quote(mention["start"]) or mention.get("how") == "pronoun":
                continue
            if mention.get("kind") in GROUP_KINDS:
                return mention["actor_id"]
        return None

    def row(self, start: int, end: int, kind: str, attribution: Attribution, first_token: int,
            speaker_span: tuple[int, int] | None = None) -> dict:
        """One row of the quotes table (without ``article_id``). ``speaker_span``: where the
        speaker is written, when the parse cannot tell (a headline's words before its verb, an
        interview's "Q"/"A" label); else the span of the attribution's speaker."""
        speaker = attribution.speaker
        actor_id = self.actor_of(speaker) if speaker is not None else None
        if speaker_span is None and speaker is not None:
            speaker_span = self.speaker_span(speaker)
        if speaker_span is not None:
            speaker_start, speaker_end = speaker_span
            speaker_text = self.article.text[speaker_start:speaker_end]
        else:
            speaker_start = speaker_end = speaker_text = None
        return {
            "start": start,
            "end": end,
            "text": self.article.text[start:end],
            "kind": kind,
            "speaker": speaker_text,
            "speaker_start": speaker_start,
            "speaker_end": speaker_end,
            "actor_id": actor_id,
            "cue": attribution.cue_text,
            "sentence": self.article.sentence_index(first_token),
        }


#: How many paragraphs back a he/she/they speaker may go to the speaker quoted before it.
QUOTED_BEFORE_PARAGRAPHS = 2


def pronouns_to_quoted(rows: list[dict], article: Article) -> None:
    """A he/she (they/it) speaker the parse could not resolve is the person (group,
    organisation) the article was quoting just before: the actor of the nearest earlier
    quote of that kind, within a couple of paragraphs. A person never goes to an
    organisation, nor a group to a person. (Run by :func:`kit.quotes.find.find_quotes` on
    all its rows.)"""
    kinds = {m["actor_id"]: m.get("kind") for m in article.mentions if present(m.get("actor_id"))}
    for number, row in enumerate(rows):
        speaker = (row["speaker"] or "").lower()
        if present(row["actor_id"]) or speaker not in PERSON_PRONOUNS | GROUP_PRONOUNS:
            continue
        wanted = ("person",) if speaker in PERSON_PRONOUNS else GROUP_KINDS
        paragraph = article.paragraph_of(row["start"])
        for before in reversed(rows[:number]):
            if paragraph - article.paragraph_of(before["start"]) > QUOTED_BEFORE_PARAGRAPHS:
                break
            if present(before["actor_id"]) and before["speaker_start"] != row["speaker_start"]:
                if kinds.get(before["actor_id"]) in wanted:
                    row["actor_id"] = before["actor_id"]
                break  # only the quote just before: a different kind there means someone else


def _person_rules():
    """The parse helpers shared with the actors (kit.syntax), imported in this one place
    (lazily: kit.syntax reads quote marks from this package)."""
    from kit.syntax import genders_from_honorifics, person_antecedent

    return genders_from_honorifics, person_antecedent
