"""Who says a quote: the speaker of a cue (where it is written and its actor: :mod:`kit.quotes.speaker_actors`).

From the dependency parse: the cue's subject, a relative ``who`` replaced by its antecedent, a subjectless
``saying`` given the subject of the verb before it, the object of ``according to``, a document replaced by
whoever issued it ("a statement released by the court"), a title replaced by the name beside it ("its leader,
Jeremy Corbyn"). The speaker's actor is read from the mention rows of :func:`kit.actors.find_mentions` (the
mention that holds the speaker's head word). A he/she speaker goes to the person
:func:`kit.actors.person_antecedent` finds (the rule the mentions use too); they/it to the nearest preceding
group, organization or country. Nothing is guessed: a speaker that cannot be found stays empty.

>>> from kit.nlp import load_model
>>> from kit.quotes.article import Article
>>> doc = load_model()('"We will win," the minister said.')
>>> speakers = Speakers(Article(doc, []))
>>> speakers.speaker_of(doc[8]).text
'minister'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: spaCy is not imported with kit.quotes (a cached report's charts)
    from spacy.tokens import Token

from kit import lexicon
from kit.quotes.article import DOCUMENT_NOUNS, RELATIVE_PRONOUNS, Article, is_finite, preposition_object
from kit.quotes.speaker_clauses import (
    according_maker, after_comma, can_speak, chosen_subject, first_conjunct, infinitive_controller, joined_clause,
    inverted_subject, main_clause_verb, misparsed_subject, noun_infinitive_verb, noun_participle_speaker, pick_subject,
    shared_subject,
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
#: A dash setting off a label in a round-up line: "Heading - Label:", "Heading -More from X:".
_DASH = re.compile(r"\s[-–—]{1,2}[ \t]*(?=\S)")
#: Words that open a round-up label before its name ("More from X:").
LABEL_OPENERS = sorted(lexicon.words("quotes_label_openers"), key=len, reverse=True)
#: A transcript paragraph's label: "((Dorsa Derakhshani)) ..." (Wikinews) or "FALLIN: ...".
_TRANSCRIPT_LABEL = re.compile(r"[ \t]*(?:\(\(([^()\n]{1,60})\)\)|([A-Z][\w.'’ -]{0,40}):[ \t])")
_WORD = re.compile(r"[\w’'-]+")
#: Nouns of a share of people that the parser takes for an adverb ("a third agreed").
_SHARE_WORDS = frozenset("third thirds quarter quarters half majority percent fifth fifths".split())
#: Verbs of "as X put it": the clause names who said the quote beside it.
AS_VERBS = lexicon.words("quotes_direct_as_verbs")
#: The actor kinds a they/it speaker can be.
GROUP_KINDS = ("organization", "country", "group", "anonymous")


class Speakers:
    """The speaker rules for one article."""

    def __init__(self, article: Article):
        self.article = article
        self.doc = article.doc

    def speaker_of(self, cue: Token, depth: int = 0) -> Token | None:
        """The head word of who says ``cue``: its subject, a relative's antecedent, the
        subject of the verb a subjectless 'saying' follows, the object of 'according to'.

        Never a word inside quote marks: that is what is said, not who says it."""
        speaker = self._speaker_of(cue, depth)
        if speaker is not None and self.article.in_quote(speaker.idx):
            # '"... anymore. #Tag," tweeted a user from Ohio': after a quote that opens its
            # sentence, the parser may take a word inside for the subject; the one after speaks.
            first = self.doc[self.clause_start(cue)]
            opens = self.article.in_quote(first.idx) and (first.i == 0 or self.doc[first.i - 1].is_space or self.doc[first.i - 1].text in ".?!")
            inverted = inverted_subject(self.article, cue) if opens else None
            speaker = inverted or (self.subject_before(cue) if cue.dep_ != "ROOT" else None)
        if speaker is not None and depth == 0 and not self.article.is_cue(cue, manner=True):
            speaker = self._speaking_subject(cue, speaker)
        return self._in_segment(speaker, cue) if speaker is not None else None

    def _speaking_subject(self, verb: Token, subject: Token) -> Token | None:
        """'The timing of the surge does not surprise pollster Dan Shaw: "..."', 'Wait, it gets better:
        "..."', 'The reason is a blind faith in his word: "..."': a verb that is not one of saying speaks
        for no "it" and, when it is "be" or has a person for its object, for no subject that cannot speak
        (a thing; a document can); the object speaks instead, else nobody."""
        if subject.lower_ != "it" and (can_speak(self.article, subject) or subject.lemma_.lower() in DOCUMENT_NOUNS):
            return subject
        objects = [child for child in verb.children if child.dep_ == "dobj" and can_speak(self.article, child)
                   and not self.article.in_quote(child.idx)]
        return self.named(objects[0]) if objects else (None if verb.lemma_ == "be" or subject.lower_ == "it" else subject)

    def _in_segment(self, speaker: Token, cue: Token) -> Token | None:
        """'2:40 p.m. | The mayor's aide says ...', 'WASHINGTON (AFP) – The mayor has ...,
        saying': the parser runs a sentence over a line break or a dateline and takes the words
        before it for the subject. The speaker is the part of its phrase in the cue's own
        paragraph, else the name opening that paragraph, else none."""
        start = self.article.segment_start(cue.idx)
        if speaker.idx >= start or cue.idx < start:
            return speaker
        for verb in (cue, speaker.head):  # two subjects, one on each side of the line break
            others = [c for c in verb.children if c.dep_ in ("nsubj", "csubj") and start <= c.idx < cue.idx]
            if others:
                return self.named(self.antecedent(others[-1], verb) or others[-1])
        part = {t.i for t in speaker.subtree if start <= t.idx < cue.idx and not (t.is_punct or t.is_space)}
        start_token = self.article.tokens_of(start, start + 1).start
        before, depth = cue.i - 1, 0  # the noun right before the cue ("Gov. Ann Pell (D-RI) said")
        while before >= start_token and (depth or self.doc[before].is_punct or self.doc[before].is_space):
            depth += {")": 1, "(": -1}.get(self.doc[before].text, 0)
            before -= 1
        if before >= start_token and self.doc[before].pos_ in ("NOUN", "PROPN") and (
                before in part or self.doc[before].dep_ in ("nsubj", "appos")):
            return self.named(self.doc[before])
        heads = [self.doc[i] for i in sorted(part) if self.doc[i].head.i not in part
                 and self.doc[i].pos_ in ("NOUN", "PROPN", "PRON")]
        # 'De Blasio, on the radio, called ... and said' hung on the paragraph before: the name
        # opening the cue's paragraph, hung across the break, is the subject of its verbs.
        name = self.doc[start_token]
        while name.i + 1 < cue.i and name.dep_ == "compound" and name.head.i == name.i + 1:
            name = name.head
        opening = (self._is_person(name) or name.ent_type_ == "ORG") and (name.head.idx < start or name.dep_ == "nsubj") and name.i < cue.i
        return self.named(heads[-1]) if heads else name if opening else None

    def _speaker_of(self, cue: Token, depth: int = 0) -> Token | None:
        """The speaker the grammar names: subject, agent, 'quoted as saying', 'according to'."""
        if depth > 3:
            return None
        if cue.lower_ == "according":
            to = next((child for child in cue.children if child.lower_ == "to"), None)
            named = preposition_object(to) if to is not None else None
            return self.named(according_maker(self, named)) if named is not None else None
        subjects = [child for child in cue.children if child.dep_ in ("nsubj", "csubj")]
        # '"... [Clinton] can be ...," Roe said': a second subject inside the quote is what is said.
        subjects = [child for child in subjects if not self.article.in_quote(child.idx)] or subjects
        if subjects:
            # "Party leader and Prime Minister Boris Johnson said": the parser may give two
            # subjects; the person, else the one next to the verb, speaks.
            subject = self.antecedent(chosen_subject(cue, subjects), cue)
            return self.named(subject) if subject is not None else None
        for child in cue.children:
            agent = preposition_object(child) if child.dep_ == "agent" else None
            if agent is not None:  # "was told by X"
                return self.named(agent)
        if cue.dep_ == "pcomp" and cue.head.lower_ == "as" and cue.head.head.lemma_ in ("quote", "cite", "report"):
            # "X was quoted as saying", "It cited the Air Force as stating": X / the Air Force.
            reporter = cue.head.head
            for child in reporter.children:
                if child.dep_ in ("nsubjpass", "dobj"):
                    return self.named(child)
        return self._speaker_nearby(cue, depth)

    def _speaker_nearby(self, cue: Token, depth: int) -> Token | None:
        """A cue without a subject of its own: the speaker from the words around it."""
        inverted = inverted_subject(self.article, cue)
        if inverted is not None:
            return self.named(inverted)
        for child in cue.children:  # "About 4 in 10 say ...", "Less than a third agreed ...": a share, not a time
            if child.i < cue.i and child.dep_ in ("nummod", "npadvmod") and child.pos_ in ("NUM", "NOUN") and (
                    child.pos_ == "NUM" or child.lower_ in _SHARE_WORDS) and not any(
                    t.ent_type_ in ("DATE", "TIME") for t in (child, *child.children)):
                return child
        before = cue.doc[cue.i - 1] if cue.i else None
        if (before is not None and cue.dep_ in ("ROOT", "ccomp", "parataxis") and before.ent_type_ in ("PERSON", "ORG")
                and not self.article.in_quote(before.idx)):
            # '"...", Caloundra coach Geoff Ingram said.' parsed with "coach" as a verb: the
            # name right before a subjectless verb of saying is its subject.
            return before
        for child in cue.children:  # '"X," Roe notes.': a name the parser takes for a compound of the verb
            if child.dep_ == "compound" and child.i == cue.i - 1 and child.pos_ == "PROPN" and not self.article.in_quote(child.idx):
                return self.named(child)
        surname = self._surname_read_as_word(cue)
        if surname is not None:
            return surname
        misattached = self._misattached_subject(cue) or misparsed_subject(self.article, cue) or self._subject_before_aside(cue) \
            or self._added_to_before(cue, depth)
        if misattached is not None:
            return self.named(misattached)
        cued = self.article.is_cue(cue)
        controller, verb = (infinitive_controller(cue), noun_infinitive_verb(cue)) if cued else (None, None)
        if controller is not None or verb is not None:  # "urged voters to reject", "took pains to say"
            return self.named(self.antecedent(controller, cue.head) or controller) if controller is not None \
                else self.speaker_of(verb, depth + 1)
        if cue.dep_ in ("conj", "xcomp") and cue.head.pos_ in ("VERB", "AUX"):
            # "He said his attacks have given ... and said that ...": the parser hangs the second
            # "said" inside the first one's reported clause; the speaker is the first one's.
            shared = shared_subject(self, cue) if cue.dep_ == "conj" else None
            if shared is not None:
                return shared
            speaker = self.speaker_of(self.reporting_verb(cue.head, cue), depth + 1)
            if speaker is not None:
                return speaker
        if cue.dep_ == "acl" and cue.head.pos_ in ("NOUN", "PROPN"):
            return noun_participle_speaker(self, cue)  # "a statement saying ...", "placards saying ..."
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
        """'"...," Tom Vance III, head of the institute, tells the paper' / 'In a note to
        the Herald, her aide, Ruth Kimble, said:': a subject set off by commas that the
        parser hangs as an appositive on the noun before it; it ends right before the cue."""
        if cue.i < 2 or cue.doc[cue.i - 1].text != "," or cue.tag_ == "VBG":
            return None  # "Ann Roe, a senator, saying": a participle, not a misparsed subject
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

    def _surname_read_as_word(self, cue: Token) -> Token | None:
        """'"...," Will wrote.', 'Asked, Early described it as "..."': a capitalised modal or adverb right
        before a finite cue (or one tagged a participle) without a subject is the subject when it cannot be
        that word: a modal before a verb not in its base form ("Will wrote"), a person's surname ("Rex Early")."""
        word = self.doc[cue.i - 1] if cue.i else None
        if word is None or word.head != cue or word.tag_ not in ("MD", "RB") or not word.is_title or self.article.in_quote(
                word.idx) or not (is_finite(cue) or cue.tag_ == "VBN") or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in cue.children):
            return None
        return word if (word.tag_ == "MD" and cue.tag_ != "VB") or any(
            m.get("kind") == "person" and m.get("how") != "pronoun" and m["start"] != word.idx
            and str(m.get("text") or "").split()[-1:] == [word.text] for m in self.article.mentions) else None

    def _subject_before_aside(self, cue: Token) -> Token | None:
        """'But Sen. Jane Roe (D-Ohio), noting the crowd, said, "..."', 'Columnist Ann Lee, in an
        effort to ..., wrote,': a finite cue the parser leaves without a subject after an aside
        set off by commas (adverbs of the cue may follow it: 'Roe, exasperated, famously replied:'): the
        name or noun that opens the clause before the aside speaks."""
        doc, article = self.doc, self.article
        before = cue.i - 1  # "Roe, exasperated, famously replied:": adverbs of the cue before it
        while before > 0 and doc[before].dep_ == "advmod" and doc[before].head == cue and doc[before].pos_ == "ADV":
            before -= 1
        if before < 3 or doc[before].text != "," or not is_finite(cue):
            return None
        start = self.clause_start(cue)
        commas = [t.i for t in doc[start : before] if t.text == ","]
        if not commas or doc[commas[-1] + 1].pos_ not in ("VERB", "ADP", "ADV", "SCONJ"):
            return None  # the aside opens with a participle or a preposition ("noting", "in")
        k = commas[-1] - 1
        if doc[k].text == ")":  # "Roe (D-Ohio),": the bracket is part of the name
            while k > start and doc[k].text != "(":
                k -= 1
            k -= 1
        head = doc[k] if k >= start else None
        if head is None or head.pos_ not in ("PROPN", "NOUN") or article.in_quote(head.idx) or any(
                is_finite(t) or t.text == "," for t in doc[start : k]):
            return None  # the noun must open the clause (no verb, no comma before it)
        return head

    def clause_start(self, cue: Token) -> int:
        """The first token of the cue's sentence within its paragraph (the parser runs some
        sentences over a line break: what is before it is another sentence)."""
        sentence = self.article.sents[self.article.sentence_index(cue.i)]
        paragraph = self.article.tokens_of(self.article.paragraph_starts[self.article.paragraph_of(cue.idx)], cue.idx + 1)
        return max(sentence.start, paragraph.start) if paragraph is not None else sentence.start

    def _name_after_quote(self, cue: Token, sentence) -> Token | None:
        """'"...," Ohio delegate Ann Pell, holding a sign, said': the first noun after the
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
            token = self.reporting_verb(token, cue)
            if after_comma(cue):  # "Roe rejected the idea that X would fail, saying": Roe's
                token = main_clause_verb(token, cue)
            token = first_conjunct(token)  # "The aide refused ... but said there was ..., adding": the aide
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            if subjects:
                return self.antecedent(pick_subject(subjects), token)
        return None

    def reporting_verb(self, verb: Token, before: Token | None = None) -> Token:
        """The verb of saying whose reported clause holds ``verb`` (``verb`` itself if none),
        through clauses and infinitives ('Roe said Lee will need to pick which camp he's in');
        with ``before``, not one in a later paragraph than that word ('... and described the
        regime as "elected." [new paragraph] "I was stunned," Lopez told me': the parser ran the
        sentence on over the line break; "..., officials said" in the same one still reports)."""
        node, steps = verb, 0
        while node.dep_ in ("ccomp", "conj", "xcomp") and node.head != node and steps < 4:
            if self.article.is_cue(node.head) and joined_clause(node):
                return verb  # "Groups say ..., and the union has sued the city": a clause of its own
            node, steps = node.head, steps + 1
            if self.article.is_cue(node) and node.lower_ != "according":
                return verb if before is not None and self.article.paragraph_of(node.idx) > self.article.paragraph_of(before.idx) else node
        return verb

    def label_speaker(self, colon: Token) -> Token | None:
        """'Ryabkov: "No new technicians ..."', 'FALLIN: Well, I think ...', 'Gillibrand on the
        speeches: ...': a name opening its line (a headline, a round-up, a transcript) and a
        colon label what follows as that speaker's words. The head word of the name, or None."""
        article = self.article
        line_start = self.label_start(colon)
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
        proper = (len(words) == 1 and words[0].text[:1].isupper() and words[0].pos_ in ("PROPN", "NOUN")) or (
            len(words) <= 4 and all(token.pos_ == "PROPN" for token in words))  # "Lynch:", "NY Post:"
        names = [token for token in label if proper or token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                 or (article.mention_at(token) is not None and article.mention_at(token).get("how") != "pronoun")]
        if not names or not label[0].text[:1].isupper() or names[0].i > label.start + 3:
            return None
        first_name, last = names[0], names[0].i  # its last word, before any "on ..." ("Gillibrand on Hillary ...")
        while last + 1 < label.end and (
                (self.doc[last + 1].ent_iob_ == "I" and self.doc[last + 1].ent_type_ == first_name.ent_type_)
                or (not first_name.ent_type_ and self.doc[last + 1].pos_ == "PROPN")):  # "Carly Fiorina:" untagged
            last += 1
        return self.doc[last]

    def as_put_it(self, sentences) -> Token | None:
        """'As Vulture put it, "..."', '"...," as Roe, the whip, put it.': the verb of an "as X put
        it" clause in these sentences (outside quote marks), whose subject is who said the quote."""
        for verb in (verb for sentence in sentences for verb in sentence):
            if verb.lemma_.lower() in AS_VERBS and verb.pos_ == "VERB" and not self.article.in_quote(verb.idx) and any(
                    c.lower_ == "it" and c.dep_ == "dobj" for c in verb.children) and any(
                    c.lower_ == "as" and c.dep_ in ("mark", "advmod", "prep") for c in verb.children):
                return verb
        return None

    def before_colon(self, colon: Token) -> Token | None:
        """'Article 9 affirms:', 'Transcript as follows:', 'The board was blunt in its ruling:' then
        a quote the parser ran into the same sentence: the subject written between the paragraph's
        last full stop and the colon, else the noun of "X as follows:" (a noun or a name, never a
        pronoun; "From Jane Roe writing at the Post:" excerpts are left alone), or None."""
        article, text = self.article, self.article.text
        start = article.segment_start(colon.idx)
        for stop in (". ", "? ", "! "):
            start = max(start, text.rfind(stop, start, colon.idx) + 1)
        words = article.tokens_of(start, colon.idx)
        words = [t for t in words if not (t.is_space or t.is_punct)] if words is not None else []
        if not words or len(words) > 25 or any(article.in_quote(t.idx) for t in words):
            return None
        inside = {t.i for t in words}
        subjects = [t for t in words if t.dep_ in ("nsubj", "nsubjpass") and t.head.i in inside]
        if not subjects and len(words) > 1 and any(t.lower_ == "as" for t in words[1:3]):
            subjects = [t for t in words[:2] if t.pos_ in ("NOUN", "PROPN")][-1:]  # "Transcript as follows:"
        speaker = subjects[0] if subjects else None
        if speaker is None or speaker.pos_ not in ("NOUN", "PROPN") or speaker.i < words[0].i:
            return None
        return self.named(self.issuer(speaker))

    def label_start(self, colon: Token) -> int:
        """Where the label before a colon begins: its line's start, or past a dash ("Pollsters
        agree - Carl Bialik: ...", "EXCLUSIVE – Roger Stone: ...") and an opener ("More from ...")."""
        article = self.article
        line_start = article.paragraph_starts[article.paragraph_of(colon.idx)]
        line_start = max((dash.end() for dash in _DASH.finditer(article.text, line_start, colon.idx)), default=line_start)
        lowered = article.text[line_start : colon.idx].lower()
        opener = next((opener for opener in LABEL_OPENERS if lowered.startswith(opener + " ")), None)
        return line_start + len(opener) + 1 if opener is not None else line_start

    def after_a_dash(self, colon: Token) -> bool:
        """Is the colon's label set after a dash in its line (a round-up: "Heading - Label:")?"""
        article = self.article
        line_start = article.paragraph_starts[article.paragraph_of(colon.idx)]
        return _DASH.search(article.text, line_start, colon.idx) is not None and colon.idx - self.label_start(colon) <= 60

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
        mention = self.article.mention_at(token)
        return token.ent_type_ == "PERSON" or mention is not None and mention.get("kind") == "person" and mention.get("how") != "pronoun"

    def antecedent(self, subject: Token, verb: Token) -> Token | None:
        """The speaker a subject stands for: a relative pronoun's antecedent, a document's issuer."""
        if subject.lower_ in RELATIVE_PRONOUNS:
            while verb.dep_ == "conj" and verb.head.dep_ in ("relcl", "conj"):  # "X, who runs ... and who said"
                verb = verb.head
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
            by = preposition_object(child) if child.dep_ == "prep" and child.lower_ == "by" else None
            if by is not None:
                return by
        for agent in (a for child in noun.children if child.dep_ == "acl" for a in child.children if a.dep_ == "agent"):
            released_by = preposition_object(agent)  # "a statement released by the court"
            if released_by is not None:
                return released_by
        if noun.dep_ not in ("dobj", "pobj"):
            return noun
        verb = noun.head if noun.dep_ == "dobj" else noun.head.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"] if verb.pos_ in ("VERB", "AUX") else []
        return subjects[0] if subjects and subjects[0].lower_ not in RELATIVE_PRONOUNS else noun
