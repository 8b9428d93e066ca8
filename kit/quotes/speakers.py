"""Who says a quote: the speaker of a cue, where the speaker is written, and its actor.

From the dependency parse: the cue's subject, a relative ``who`` replaced by its
antecedent, a subjectless ``saying`` given the subject of the verb before it, the
object of ``according to``, a document replaced by whoever issued it ("a statement
released by the court"), a title replaced by the name beside it ("its leader, Jeremy
Corbyn"). The speaker's actor is read from the mention rows of
:func:`kit.actors.find_mentions` (the mention that holds the speaker's head word). A
he/she speaker goes to the person :func:`kit.actors.person_antecedent` finds (the
rule the mentions use too); they/it to the nearest preceding group, organization or
country. Nothing is guessed: a speaker that cannot be found stays empty.

>>> from kit.nlp import load_model
>>> from kit.quotes.article import Article
>>> doc = load_model()('"We will win," the minister said.')
>>> speakers = Speakers(Article(doc, []))
>>> speakers.speaker_of(doc[8]).text
'minister'
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kit import lexicon
from kit.quotes.article import (
    DOCUMENT_NOUNS, GOVERNING_NOUNS, GROUP_PRONOUNS, PERSON_PRONOUNS, RELATIVE_PRONOUNS, SIGN_NOUNS, Article,
    Attribution, is_finite, present,
)

#: Dependents that are not part of a speaker's noun phrase ("Hugh Hill, a doctor, said").
NOT_IN_SPEAKER = frozenset("relcl acl appos punct cc conj advcl parataxis prep_by".split())
#: How many sentences back a they/it speaker may look for its actor.
PRONOUN_WINDOW_SENTENCES = 4
#: Words that open a line with a colon without naming a speaker ("UPDATE: ...").
NOT_LABELS = lexicon.words("quotes_not_labels")
FIRST_PERSON = frozenset("i we me us".split())
#: Transcript labels of the interviewer's side ("((WN)) How did ...?", "Q: ...").
INTERVIEWER_LABELS = frozenset(("wn", "q", "interviewer", "wikinews"))
#: A transcript paragraph's label: "((Dorsa Derakhshani)) ..." (Wikinews) or "FALLIN: ...".
_TRANSCRIPT_LABEL = re.compile(r"[ \t]*(?:\(\(([^()\n]{1,60})\)\)|([A-Z][\w.'’ -]{0,40}):[ \t])")
_WORD = re.compile(r"[\w’'-]+")
#: Nouns of a share of people that the parser takes for an adverb ("a third agreed").
_SHARE_WORDS = frozenset("third thirds quarter quarters half majority percent fifth fifths".split())
#: Verbs of writing or speaking to someone: "emailed supporters saying ..." is the writer's.
ADDRESSING_VERBS = frozenset("email tell write send text message address brief urge thank remind warn assure".split())
#: The actor kinds a they/it speaker can be.
GROUP_KINDS = ("organization", "country", "group", "anonymous")


class Speakers:
    """The speaker rules for one article."""

    def __init__(self, article: Article):
        self.article = article
        self.doc = article.doc

    # -- the speaker of a cue -------------------------------------------------------------

    def speaker_of(self, cue: Token, depth: int = 0) -> Token | None:
        """The head word of who says ``cue``: its subject, a relative's antecedent, the
        subject of the verb a subjectless 'saying' follows, the object of 'according to'.

        Never a word inside quote marks: that is what is said, not who says it."""
        speaker = self._speaker_of(cue, depth)
        if speaker is not None and self.article.in_quote(speaker.idx):
            speaker = self.subject_before(cue) if cue.dep_ != "ROOT" else None
        return speaker

    def _speaker_of(self, cue: Token, depth: int = 0) -> Token | None:
        """The speaker the grammar names: subject, agent, 'quoted as saying', 'according to'."""
        if depth > 3:
            return None
        if cue.lower_ == "according":
            for to in cue.children:
                if to.lower_ == "to":
                    objects = [c for c in to.children if c.dep_ == "pobj"]
                    return self.named(self.issuer(objects[0])) if objects else None
            return None
        subjects = [child for child in cue.children if child.dep_ in ("nsubj", "csubj")]
        if subjects:
            # "Party leader and Prime Minister Boris Johnson said": the parser may give two
            # subjects; the person, else the one next to the verb, speaks.
            people = [s for s in subjects if s.ent_type_ == "PERSON"]
            subject = self.antecedent(people[0] if people else subjects[-1], cue)
            return self.named(subject) if subject is not None else None
        for child in cue.children:
            if child.dep_ == "agent":  # "was told by X"
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return self.named(objects[0])
        if cue.dep_ == "pcomp" and cue.head.lower_ == "as" and cue.head.head.lemma_ in ("quote", "cite", "report"):
            # "X was quoted as saying", "It cited the Air Force as stating": X / the Air Force.
            reporter = cue.head.head
            for child in reporter.children:
                if child.dep_ in ("nsubjpass", "dobj"):
                    return self.named(child)
        return self._speaker_nearby(cue, depth)

    def _speaker_nearby(self, cue: Token, depth: int) -> Token | None:
        """A cue without a subject of its own: the speaker from the words around it."""
        inverted = self._inverted_subject(cue)
        if inverted is not None:
            return self.named(inverted)
        for child in cue.children:  # "About 4 in 10 say ...", "Less than a third agreed ...": a share
            if child.i < cue.i and child.dep_ in ("nummod", "npadvmod") and child.pos_ in ("NUM", "NOUN") and (
                    child.pos_ == "NUM" or child.lower_ in _SHARE_WORDS) and not _time_word(child):
                return child
        before = cue.doc[cue.i - 1] if cue.i else None
        if (before is not None and cue.dep_ in ("ROOT", "ccomp", "parataxis") and before.ent_type_ in ("PERSON", "ORG")
                and not self.article.in_quote(before.idx)):
            # '"...", Caloundra coach Geoff Ingram said.' parsed with "coach" as a verb: the
            # name right before a subjectless verb of saying is its subject.
            return before
        misattached = self._misattached_subject(cue) or self._added_to_before(cue, depth)
        if misattached is not None:
            return self.named(misattached)
        if cue.dep_ in ("conj", "xcomp") and cue.head.pos_ in ("VERB", "AUX"):
            # "He said his attacks have given ... and said that ...": the parser hangs the second
            # "said" inside the first one's reported clause; the speaker is the first one's.
            speaker = self.speaker_of(self.reporting_verb(cue.head), depth + 1)
            if speaker is not None:
                return speaker
        if cue.dep_ == "acl" and cue.head.pos_ in ("NOUN", "PROPN"):
            # "a statement saying ...": the document speaks (for its issuer); "with local media
            # reporting ...": the noun speaks; "placards saying ...": signs are not speakers.
            if cue.head.lemma_ in SIGN_NOUNS:
                return None
            addressed = cue.head.head
            if (cue.head.dep_ in ("dobj", "dative") and cue.head.lemma_.lower() not in DOCUMENT_NOUNS
                    and addressed.pos_ == "VERB" and addressed.lemma_.lower() in ADDRESSING_VERBS):
                # "The senator emailed supporters saying: ...": the one who writes to them speaks.
                subjects = [c for c in addressed.children if c.dep_ == "nsubj"]
                if subjects:
                    return self.named(self.antecedent(subjects[0], addressed) or subjects[0])
            return self.named(self.issuer(cue.head))
        if cue.dep_ in ("advcl", "acl", "conj", "xcomp", "pcomp", "ccomp", "ROOT"):
            # "..., saying ...", "wept ... and said ...": the subject of the nearest finite
            # verb before it in its sentence (the parser often hangs these on the wrong verb).
            speaker = self.subject_before(cue)
            if speaker is not None:
                return self.named(speaker)
            if cue.tag_ == "VBG" and cue.head != cue and cue.head.pos_ in ("VERB", "AUX"):
                return self.speaker_of(cue.head, depth + 1)
        return self.main_clause_subject(cue)

    def _misattached_subject(self, cue: Token) -> Token | None:
        """'"...," Brent Bozell III, founder of the center, tells the paper' / 'In a statement to
        the Observer, her adviser, Jake Sullivan, said:': a subject set off by commas that the
        parser hangs as an appositive on the noun before it; it ends right before the cue."""
        if cue.i < 2 or cue.doc[cue.i - 1].text != ",":
            return None
        sentence = self.article.sents[self.article.sentence_index(cue.i)]
        after_quote = self._name_after_quote(cue, sentence)
        if after_quote is not None:
            return after_quote
        found = None
        for token in self.doc[sentence.start : cue.i - 1]:
            if token.dep_ == "appos" and token.pos_ in ("NOUN", "PROPN") and token.right_edge.i == cue.i - 2 and (
                    token.head.i < token.i) and not self.article.in_quote(token.idx) and not self.article.in_quote(token.left_edge.idx):
                if found is None or token.left_edge.i < found.left_edge.i:
                    found = token
        return found

    def _name_after_quote(self, cue: Token, sentence) -> Token | None:
        """'"...," Texas delegate Bill Eastland, wearing a hat, said': the first noun after the
        closing mark that the parser hangs on a word inside the quote is the cue's subject."""
        article = self.article
        if not article.in_quote(sentence[0].idx):
            return None  # the quote opens the sentence
        closing = sentence[0]
        while closing.i + 1 < cue.i and article.in_quote(self.doc[closing.i + 1].idx):
            closing = self.doc[closing.i + 1]
        for token in self.doc[closing.i + 1 : cue.i]:
            if token.is_punct or token.is_space:
                continue
            if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound" and article.in_quote(token.head.idx):
                return token
            if token.dep_ != "compound" and token.pos_ not in ("DET", "ADJ", "PROPN", "NOUN"):
                return None  # another clause before the cue
        return None

    def _added_to_before(self, cue: Token, depth: int) -> Token | None:
        """'Maher stated that ... . Adding, "Now, ..."': a sentence opened by a subjectless
        participle of saying goes on the speaker of the sentence before (same paragraph)."""
        article = self.article
        number = article.sentence_index(cue.i)
        if cue.tag_ != "VBG" or number == 0 or cue.i != article.sents[number].start:
            return None
        before = article.sents[number - 1]
        if article.paragraph_of(before.start_char) != article.paragraph_of(cue.idx):
            return None
        for token in reversed(before):
            if article.is_cue(token):
                speaker = self._speaker_of(token, depth + 1)
                if speaker is not None:
                    return speaker
        return None

    def main_clause_subject(self, cue: Token) -> Token | None:
        """'After saying he was nervous, the man ...', 'In addition to stating that ..., Clinton
        has vowed ...', 'Having announced ..., Judge Berman proceeded': a subjectless participle
        set before its clause is said by the subject of the clause it hangs on."""
        if cue.tag_ not in ("VBG", "VBN") or cue.dep_ not in ("pcomp", "advcl", "pobj"):
            return None
        if cue.tag_ == "VBN" and not any(child.lower_ == "having" for child in cue.children):
            return None  # "Asked whether ..., Ryan said": a passive participle; Ryan is the one asked
        node, steps = cue.head, 0
        while node.pos_ not in ("VERB", "AUX") and node.head != node and steps < 3:
            node, steps = node.head, steps + 1  # after -> (to -> addition -> in) -> the verb
        if node.pos_ not in ("VERB", "AUX") or node.i < cue.i or self.article.in_quote(node.idx):
            return None
        subjects = [child for child in node.children if child.dep_ in ("nsubj", "nsubjpass") and child.i > cue.i]
        if not subjects or subjects[0].lower_ in RELATIVE_PRONOUNS:
            return None
        return self.named(self.issuer(subjects[0]))

    def subject_before(self, cue: Token) -> Token | None:
        """The subject of the nearest finite verb before ``cue`` in its sentence."""
        article = self.article
        sentence = article.sents[article.sentence_index(cue.i)]
        for token in reversed(self.doc[sentence.start : cue.i]):
            if article.in_quote(token.idx) or not is_finite(token):
                continue
            # "Sanders said the process could be "messy," adding ...": a verb inside what
            # someone reports is not who adds; the one who reports it is.
            token = self.reporting_verb(token)
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            if subjects:
                return self.antecedent(subjects[0], token)
        return None

    def reporting_verb(self, verb: Token) -> Token:
        """The verb of saying whose reported clause holds ``verb`` (``verb`` itself if none)."""
        node, steps = verb, 0
        while node.dep_ in ("ccomp", "conj") and node.head != node and steps < 4:
            node, steps = node.head, steps + 1
            if self.article.is_cue(node) and node.lower_ != "according":
                return node
        return verb

    def label_speaker(self, colon: Token) -> Token | None:
        """'Ryabkov: "No new technicians ..."', 'FALLIN: Well, I think ...', 'Gillibrand on the
        speeches: ...': a name opening its line (a headline, a round-up, a transcript) and a
        colon label what follows as that speaker's words. The head word of the name, or None."""
        article = self.article
        line_start = article.paragraph_starts[article.paragraph_of(colon.idx)]
        dash = max(article.text.rfind(" - ", line_start, colon.idx), article.text.rfind(" – ", line_start, colon.idx),
                   article.text.rfind(" — ", line_start, colon.idx))
        if dash >= 0:  # "Pollsters agree - Carl Bialik: ...", "EXCLUSIVE – Roger Stone: ..."
            line_start = dash + 3
        label = article.tokens_of(line_start, colon.idx)
        if label is None or not 1 <= len(label) <= 12 or label[0].idx != line_start + (
                len(article.text[line_start:colon.idx]) - len(article.text[line_start:colon.idx].lstrip())):
            return None
        if any(token.pos_ in ("VERB", "AUX") and is_finite(token) for token in label) or any(
                token.is_punct and token.text not in (".", "-", "'") for token in label):
            return None  # a clause ("He then listed the qualities:") is not a label
        if len(label) == 1 and len(label[0]) == 1:
            return None  # "Q:", "A:": an interview's sides, not names
        if any(token.lower_ in NOT_LABELS for token in label) or label[0].pos_ in ("DET", "ADP", "ADV", "PRON", "CCONJ"):
            return None  # "The Latest:", "From X writing at Y:": a heading, not a speaker
        words = [token for token in label if not token.is_punct]
        proper = (len(words) == 1 and (words[0].is_title or words[0].is_upper)) or (
            len(words) <= 4 and all(token.pos_ == "PROPN" for token in words))  # "Lynch:", "NY Post:"
        names = [token for token in label if proper or token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                 or (article.mention_at(token) is not None and article.mention_at(token).get("how") != "pronoun")]
        if not names or not (label[0].is_title or label[0].is_upper) or names[0].i > label.start + 3:
            return None
        # The name's last word before any "on ..." ("Gillibrand on Hillary ..."): its head word.
        first_name = names[0]
        last = first_name.i
        while last + 1 < label.end and (
                (self.doc[last + 1].ent_iob_ == "I" and self.doc[last + 1].ent_type_ == first_name.ent_type_)
                or (not first_name.ent_type_ and self.doc[last + 1].pos_ == "PROPN")):  # "Carly Fiorina:" untagged
            last += 1
        return self.doc[last]

    def _inverted_subject(self, cue: Token) -> Token | None:
        """'"X," said the minister' / '"X," read the statement': a subject after its verb,
        which the parser often takes for an object. Only right after a quote."""
        before = cue.doc[cue.i - 1] if cue.i else None
        while before is not None and before.is_punct and not before.is_quote and before.i > 0:
            before = cue.doc[before.i - 1]
        if before is None or not (before.is_quote or self.article.in_quote(before.idx)):
            return None
        for child in cue.children:
            if child.dep_ in ("dobj", "attr", "nsubjpass", "npadvmod") and child.i > cue.i and child.pos_ in ("NOUN", "PROPN"):
                return child
        return None

    def named(self, head: Token) -> Token:
        """'The Labour Party's leader, Jeremy Corbyn' / 'party leader and Prime Minister Boris
        Johnson' / 'University of California, San Diego's chancellor, Pradeep Khosla': a title
        with the person's name beside it speaks as that person."""
        if head.ent_type_ == "PERSON" or head.pos_ == "PRON":
            return head
        frontier, seen = [head], 0
        while frontier and seen < 3:
            seen += 1
            following = []
            for node in frontier:
                for child in node.children:
                    if child.dep_ not in ("appos", "conj"):
                        continue
                    if self._is_person(child) and not (child.dep_ == "conj" and node.ent_type_):
                        return child  # ("Russia and Putin": two speakers, the first is kept)
                    if child.dep_ == "appos" and child.pos_ == "PROPN" and node.pos_ == "NOUN" and not child.ent_type_:
                        return child  # "its chancellor, Pradeep Khosla" (a name the tagger missed)
                    following.append(child)
            frontier = following
        return head

    def _is_person(self, token: Token) -> bool:
        if token.ent_type_ == "PERSON":
            return True
        mention = self.article.mention_at(token)
        return mention is not None and mention.get("kind") == "person" and mention.get("how") != "pronoun"

    def antecedent(self, subject: Token, verb: Token) -> Token | None:
        """The speaker a subject stands for: a relative pronoun's antecedent, a document's issuer."""
        if subject.lower_ in RELATIVE_PRONOUNS:
            if verb.dep_ == "relcl" and (subject.lower_ in ("who", "that") or verb.head.lemma_.lower() in DOCUMENT_NOUNS):
                return self._predicated(self.issuer(verb.head))  # "a statement which said ..."
            return None
        return self.issuer(subject)

    def _predicated(self, noun: Token) -> Token:
        """'Trump is a serial liar and a birther who has pledged ...': a relative hung on what a
        copula says its subject is speaks as that subject."""
        node = noun
        while node.dep_ == "conj" and node.head != node:
            node = node.head
        if node.dep_ == "attr" and node.head.lemma_ == "be" and node.pos_ == "NOUN":
            subjects = [c for c in node.head.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN", "PRON")]
            if subjects and subjects[0].lower_ not in RELATIVE_PRONOUNS and subjects[0].lower_ not in ("it", "this", "that"):
                return subjects[0]
        return noun

    def issuer(self, noun: Token) -> Token:
        """'They released a statement which said ...': a document speaks for whoever issued it,
        when the same sentence names them."""
        if noun.lemma_.lower() not in DOCUMENT_NOUNS:
            return noun
        for child in noun.children:  # "Trump's statement", "the court's summary", "estimates by organizers"
            if child.dep_ == "poss":
                return child
            if child.dep_ == "prep" and child.lower_ == "by":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        for child in noun.children:  # "a statement released by the Supreme Court"
            if child.dep_ == "acl":
                for agent in child.children:
                    if agent.dep_ == "agent":
                        objects = [c for c in agent.children if c.dep_ == "pobj"]
                        if objects:
                            return objects[0]
        if noun.dep_ not in ("dobj", "pobj"):
            return noun
        verb = noun.head if noun.dep_ == "dobj" else noun.head.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"] if verb.pos_ in ("VERB", "AUX") else []
        return subjects[0] if subjects and subjects[0].lower_ not in RELATIVE_PRONOUNS else noun



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
        line_start = text.rfind("\n", 0, head.idx) + 1
        line_end = text.find("\n", head.idx)
        line_end = len(text) if line_end < 0 else line_end
        start, end = max(start, line_start), min(end, line_end)
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
        if mention is None and head.is_upper and 2 <= len(head) <= 4:
            found = self.initials_actor(head.text)
            if found is not None:
                return found
        if head.pos_ == "NOUN":
            found = self.description_actor(head)
            if found is not None:
                return found
        for owner in head.children:  # "his government said": the government of the man before
            if owner.dep_ == "poss" and owner.lower_ in ("his", "her", "its", "their") and head.lemma_.lower() in GOVERNING_NOUNS:
                return self.pronoun_actor(owner)
        for preposition in head.children:  # "Some of the protesters", "one of the officials"
            if preposition.dep_ == "prep" and preposition.lower_ == "of" and head.pos_ in ("PRON", "DET", "NUM"):
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

    def row(self, start: int, end: int, kind: str, attribution: Attribution, first_token: int) -> dict:
        """One row of the quotes table (without ``article_id``)."""
        speaker = attribution.speaker
        if speaker is not None:
            speaker_start, speaker_end = self.speaker_span(speaker)
            speaker_text = self.article.text[speaker_start:speaker_end]
            actor_id = self.actor_of(speaker)
        else:
            speaker_start = speaker_end = speaker_text = actor_id = None
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


def _time_word(token: Token) -> bool:
    """'Tuesday', 'two years ago', '2019': a time, not a share of people."""
    return token.ent_type_ in ("DATE", "TIME") or any(child.ent_type_ in ("DATE", "TIME") for child in token.children)


def _person_rules():
    """The parse helpers shared with the actors (kit.syntax), imported in this one place
    (lazily: kit.syntax reads quote marks from this package)."""
    from kit.syntax import genders_from_honorifics, person_antecedent

    return genders_from_honorifics, person_antecedent
