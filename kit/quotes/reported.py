"""Find, reported speech: clauses a verb of saying reports, from the parse (no marks needed).

**indirect** rows are reported speech without marks (``The Wall Street Journal said
Russia has cut its staff ...``, ``..., the newspaper said``, ``according to police``);
**mixed** rows are reported clauses that hold a quoted part and make a claim of their
own (``The army said the plane was bringing meat from Bishkek "to help the country's
economy."``): the row is the whole clause, and the partial quote inside it is dropped
(one speech event gives one row).

Negated speech gives no row ("did not say when", "is not predicting she will win", "did not
mention X by name"): a row of the quotes table says that its speaker said its content, and
they did not. (PolNeAR annotates negated attributions; this costs about 2 points of recall
there.) Nor does an agentless passive ("deaths were reported": nobody is said to say it).

>>> from kit.quotes import find_quotes
>>> from kit.nlp import load_model
>>> doc = load_model()("The man was armed, according to police.")
>>> [(r["text"], r["kind"], r["speaker"], r["cue"]) for r in find_quotes(doc, [])]
[('The man was armed', 'indirect', 'police', 'according to')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: spaCy is not imported with kit.quotes (a cached report's charts)
    from spacy.tokens import Token

from kit import lexicon

from kit.quotes.article import (
    ACT_VERBS, ASKING_VERBS, INDIRECT_VERBS, QUESTION_WORDS, RELATIVE_PRONOUNS, SUBJECTS, Article, Attribution, call_parts, cue_text,
    for_clause, gerund_subject_clause, is_finite, misparsed_complement, negated, passive_without_agent, picks_out_a_group, strip,
)
from kit.quotes.marks import DOUBLE_MARKS
from kit.quotes.nouns import SPEECH_NOUNS, noun_report
from kit.quotes.speaker_actors import SpeakerActors
from kit.quotes.speakers import INTERVIEWER_LABELS, Speakers

#: Prepositions that introduce what a speech act is about ("accused X of", "called for", "described X as").
CONTENT_PREPOSITIONS = frozenset("on for of as about against over".split())
#: Dependents of a speech-act verb that hold its content.
CONTENT_DEPENDENTS = frozenset("dobj dative xcomp ccomp oprd acomp attr".split())
#: Act verbs whose object alone is not what was said ("called the police", "asked a question").
NEEDS_MORE_THAN_OBJECT = frozenset("call ask".split())
#: Act verbs whose content only a preposition brings ("spoke about X", not "spoke on TV").
ABOUT_ONLY = frozenset("speak talk complain".split())
#: Verbs that report a question besides the asking ones ("explained how ...").
QUESTION_REPORTING = ASKING_VERBS | frozenset("explain describe reveal tell".split())

#: Verbs of saying whose object alone is what was said ("noted the attacks", "proposed a safe zone").
OBJECT_VERBS = lexicon.words("quotes_object_verbs")

#: Answers that stand for a clause said before ("said no", "said so") and the verbs they follow.
SHORT_ANSWERS = frozenset("yes no so".split())
SHORT_ANSWER_VERBS = frozenset("say answer reply respond".split())

#: Verbs whose object is the hearer, not the start of the reported clause ("told reporters ...").
HEARER_VERBS = frozenset("tell inform assure advise warn brief".split())


#: An interview answer's label: "((Thomas Rivinius)) Well, ...".
_BRACKET_LABEL = re.compile(r"[ \t]*\(\(([^()\n]{1,60})\)\)[ \t]*")
_COLON_LABEL = re.compile(r"[ \t]*[A-Z][\w.'’ -]{0,40}:[ \t]")
#: A line opened by a short label and a colon: "Ryabkov: ...", "FALLIN: Well, ...".
_LABELLED_LINE = re.compile(r"(?m)^([ \t]*[^\n:]{1,80}?)(:)[ \t]+(\S[^\n]*?)[ \t]*$")

REPORTING = INDIRECT_VERBS | ACT_VERBS | ASKING_VERBS


class ReportedSpeech:
    """The reported speech of one article."""

    def __init__(self, article: Article, speakers: Speakers, actors: SpeakerActors):
        self.article = article
        self.actors = actors
        self.doc = article.doc
        self.text = article.text
        self.speakers = speakers

    def rows(self, quoted: list[dict]) -> tuple[list[dict], set[tuple[int, int]]]:
        """Reported speech: indirect rows, and mixed rows for reported clauses that hold quoted
        words and make a claim of their own. Returns the rows and the spans of the partial
        quotes a mixed row takes in (one speech event gives one quote)."""
        article = self.article
        rows, absorbed = [], set()
        answers = self.answer_paragraphs()
        for token in self.doc:
            if answers and article.paragraph_of(token.idx) in answers:
                continue  # an interviewee's answer is their own words, like a quote: nothing nested in it
            speaker, unnamed = None, False
            if token.lower_ == "according":
                found = self.according_to(token)
            elif token.pos_ == "NOUN" and token.lemma_.lower() in SPEECH_NOUNS and not article.in_quote(token.idx):
                report = noun_report(token) if not _title_case(article.sents[article.sentence_index(token.i)]) else None
                if report is None:
                    continue
                found, speaker = clause_span(report[0], need_verb=False), self.speakers.named(report[1])
                if found is not None and token.dep_ == "dobj" and report[1].pos_ == "PRON" and any(
                        found[0] < row["end"] and row["start"] < found[1] for row in rows):
                    continue  # "repeated his claim that ...": the verb's row is that speech event
            elif token.pos_ == "VERB" and token.lemma_.lower() in REPORTING and not article.in_quote(token.idx) and not (
                    article.in_markup(token.idx)):
                if token.lemma_.lower() in ASKING_VERBS and not negated(token) and _asked_by_nobody_named(token):
                    found, unnamed = self.asked_question(token), True  # "she was asked whether ...": a question put
                elif passive_without_agent(token) or negated(token) or picks_out_a_group(token):
                    continue  # "deaths were reported", "not everyone agreed": nobody is said to say it
                else:
                    lemma = token.lemma_.lower()
                    found = self.reported_clause(token) if lemma in INDIRECT_VERBS | ASKING_VERBS else None
                    if found is None and lemma in ASKING_VERBS:
                        found = self.asked_if(token)
                    if found is None and lemma in ACT_VERBS:
                        found = self.act_content(token)
                    elif found is None and lemma in INDIRECT_VERBS:
                        found = self.said_object(token)
            else:
                continue
            if found is None:
                continue
            start, end = found
            kind = "indirect"
            inner = [row for row in quoted if start - 1 <= row["start"] and row["end"] <= end + 1]
            if any(article.in_quote(char) for char in (start, end - 1)) or any(
                    start <= mark.outer_start < end for mark in article.marks):
                end = self._through_closing_mark(start, end)
                if end is None or any(row["kind"] == "direct" for row in inner) or not self._makes_own_claim(start, end):
                    continue  # the quoted words are the quote (partial or direct)
                kind = "mixed"
            elif any(start < row["end"] and row["start"] < end for row in quoted):
                continue
            if not unnamed:
                speaker = speaker if speaker is not None else self.speakers.speaker_of(token)
                if speaker is None or article.in_markup(speaker.idx) or article.in_markup(start):
                    continue
                if start <= speaker.idx < end and not start <= token.idx < end:
                    continue  # '"...," said Jane Roe, who heads ...' misparsed: the speaker is not what is said
            attribution = Attribution(token, cue_text(token), speaker, linked=True)
            rows.append(self.actors.row(start, end, kind, attribution, article.tokens_of(start, end).start))
            if kind == "mixed":
                absorbed.update((row["start"], row["end"]) for row in inner)
        labelled, taken = self.labelled_lines(quoted + rows)
        answered, inside = self.answer_rows(answers, quoted + rows + labelled)
        return rows + labelled + answered, absorbed | taken | inside

    def answer_paragraphs(self) -> set[int]:
        """The paragraphs of a transcript that are the interviewee's answers: those labelled with
        a name ("((Thomas Rivinius)) Well, it took 20 years ...") and the unlabelled ones that
        follow them before the next label."""
        labels = self.actors._transcript_labels()
        if not labels or not any(label.lower() in INTERVIEWER_LABELS for label, _ in labels.values()):
            return set()  # not an interview: "NAME: ..." lines of a round-up are handled as labelled lines
        numbers = sorted(labels)
        answers = set()
        for position, number in enumerate(numbers):
            if labels[number][0].lower() in INTERVIEWER_LABELS:
                continue
            end = numbers[position + 1] if position + 1 < len(numbers) else number + 1
            answers.update(range(number, end))
        return answers

    def answer_rows(self, answers: set[int], found: list[dict]) -> tuple[list[dict], set[tuple[int, int]]]:
        """'((Thomas Rivinius)) Well, it took 20 years ...': each answer paragraph of an interview
        is one direct quote of the person its label names (a paragraph with a quote of its own
        or a labelled line already found is left alone). Rows, and the quotes inside them."""
        article, rows, inside = self.article, [], set()
        labels = self.actors._transcript_labels()
        speaker = actor = None
        for number in sorted(answers):
            start = article.paragraph_starts[number]
            end = self.text.find("\n", start)
            end = len(self.text) if end < 0 else end
            match = _BRACKET_LABEL.match(self.text, start)
            if match is not None:
                name = article.tokens_of(match.start(1), match.end(1))
                speaker = name[-1] if name is not None else None
                actor = labels.get(number, (None, None))[1]
                start = match.end()
            elif _COLON_LABEL.match(self.text, start):
                speaker = None  # "NAME: ..." lines are labelled lines
                continue
            start, end = strip(self.text, start, end)
            content = article.tokens_of(start, end) if end > start else None
            if speaker is None or content is None or len([t for t in content if t.is_alpha]) < 3:
                continue
            within = [row for row in found if start <= row["start"] and row["end"] <= end]
            if any(row["start"] < end and start < row["end"] for row in found if row not in within) or any(
                    row["kind"] == "direct" for row in within):
                continue
            attribution = Attribution(None, ":", speaker, linked=True)
            row = self.actors.row(start, end, "direct", attribution, content.start)
            if row["actor_id"] is None:
                row["actor_id"] = actor  # the label is not a mention: the actor its name matches
            rows.append(row)
            inside.update((row["start"], row["end"]) for row in within)
        return rows, inside

    def labelled_lines(self, found: list[dict]) -> tuple[list[dict], set[tuple[int, int]]]:
        """'Lynch: No outside influence on the probe.', 'FALLIN: Well, I think ...': a line opened
        by a name and a colon is that speaker's words (to the end of the line). Rows, and the
        spans of the partial quotes they take in."""
        article = self.article
        rows, absorbed = [], set()
        for match in _LABELLED_LINE.finditer(self.text):
            colon_char = match.start(2)
            start, end = match.start(3), match.end(3)
            if self.text[start] in DOUBLE_MARKS + "‘'" or article.in_quote(colon_char):
                continue  # a quote in marks: the marked quote has the label as its speaker
            colon = article.tokens_of(colon_char, colon_char + 1)
            speaker = self.speakers.label_speaker(colon[0]) if colon is not None else None
            content = article.tokens_of(start, end)
            if speaker is None or content is None or len([t for t in content if t.is_alpha]) < 3:
                continue
            inner = [row for row in found if start <= row["start"] and row["end"] <= end]
            if any(row["start"] < end and start < row["end"] for row in found if row not in inner):
                continue
            kind = "mixed" if inner else "indirect"
            attribution = Attribution(colon[0], ":", speaker, linked=True)
            rows.append(self.actors.row(start, end, kind, attribution, content.start))
            absorbed.update((row["start"], row["end"]) for row in inner)
        return rows, absorbed

    def _through_closing_mark(self, start: int, end: int) -> int | None:
        """The end of a reported clause, moved past the closing mark of a quote that opens
        inside it ('... Kyrgyzstan "to help the country's economy."'); None if the quote runs
        on past its sentence (then it is the speaker's own words, not part of the clause)."""
        for mark in self.article.marks:
            if start <= mark.outer_start < end < mark.outer_end:
                if self.text[end : mark.end].strip(" .,;:!?") or not mark.closing:
                    return None
                end = mark.outer_end
        return end

    def _makes_own_claim(self, start: int, end: int) -> bool:
        """Does the reported clause say more than its subject and verb outside the quote?
        "the experts would stay "for as long as needed."" does not (a partial quote);
        "the plane was bringing meat from Bishkek "to help ..."" does (a mixed quote)."""
        tokens = self.article.tokens_of(start, end)
        if tokens is None:
            return False
        roots = [t for t in tokens if not (tokens.start <= t.head.i < tokens.end) or t.head == t]
        frame = set()
        for root in roots:
            frame.add(root.i)
            for child in root.children:
                if child.dep_ in SUBJECTS + ("expl", "aux", "auxpass", "neg", "mark", "advmod"):
                    frame.update(t.i for t in child.subtree)
        claim = [t for t in tokens if t.i not in frame and not t.is_punct and not self.article.in_quote(t.idx)]
        return len(claim) >= 4

    def reported_clause(self, verb: Token) -> tuple[int, int] | None:
        """Character span of what ``verb`` reports: its clausal complement, or the clause it
        follows ("Russia rotated ..., its embassy said")."""
        if verb.dep_ == "relcl":
            found = self._relative_report(verb)
            if found is not None:
                return found
        for child in verb.children:
            if child.i > verb.i and (child.dep_ == "ccomp" or misparsed_complement(verb, child)):
                found = self._complement(verb, child)
                if found is not None:
                    return found  # else a later complement ("say they do n't know": "do", then "know")
        found = self._complement_in_phrase(verb)
        if found is not None:
            return found
        paragraph = self.article.paragraph_of(verb.idx)
        found = self._as_reported(verb)
        if found is not None:
            return found
        for child in verb.children:
            if child.dep_ == "ccomp" and child.i < verb.i and verb.dep_ == "ROOT" and not any(
                    child.i < c.i and c.dep_ == "ccomp" for c in verb.children):
                # "The pullout was due to ..., the newspaper said." (the clause stays in the cue's
                # paragraph: the parser sometimes runs a sentence over a line break)
                return clause_span([t for t in child.subtree if self.article.paragraph_of(t.idx) == paragraph])
        if verb.dep_ == "parataxis" and verb.head.i > verb.i and verb.head.pos_ in ("VERB", "AUX"):
            return self._interrupted(verb)
        if verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
            # "Russia rotated ... on Wednesday, its embassy in Caracas said, as ..."
            head = verb.head
            first = head.left_edge.i
            last = min(t.i for t in verb.subtree if not t.is_punct) - 1
            if last < 0 or self.doc[last].text not in (",", "—", "–", "--"):
                return None  # only the written pattern "<clause>, <speaker> said"
            tokens = [t for t in self.doc[first : last + 1]]
            if tokens and self.article.sentence_index(tokens[0].i) == self.article.sentence_index(verb.i):
                return clause_span(tokens)
        return None

    def _relative_report(self, verb: Token) -> tuple[int, int] | None:
        """'the plan, which he said would cost $5 million', 'a wall, which he said Mexico should
        pay for': a relative pronoun inside the reported clause, written before the speaker; the
        report is the whole relative clause, from the pronoun on (speaker and cue inside, as
        PolNeAR writes it)."""
        for child in verb.children:
            if child.dep_ != "ccomp" or child.i < verb.i:
                continue
            pronouns = [t for t in child.subtree if t.i < verb.i and t.lower_ in RELATIVE_PRONOUNS and t.tag_ in ("WDT", "WP", "IN")]
            if not pronouns:
                continue
            sentence = self.article.sentence_index(verb.i)
            last = max(t.i for t in verb.subtree if self.article.sentence_index(t.i) == sentence)
            first = min(t.i for t in pronouns)
            return clause_span(list(self.doc[first : last + 1]))
        return None

    def asked_question(self, verb: Token) -> tuple[int, int] | None:
        """What someone unnamed asked ("was asked whether the troops would stay", "When asked
        if she would run, ...", "was asked to name one achievement", "asked about the vote"):
        the question or request, or what it was about."""
        for child in verb.children:
            if child.i < verb.i:
                continue
            opener = child.left_edge
            if child.dep_ == "ccomp" or (child.dep_ == "advcl" and opener.lower_ in ("if", "whether")) or (
                    child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)):
                sentence = self.article.sentence_index(verb.i)
                return clause_span([t for t in child.subtree if self.article.sentence_index(t.i) == sentence])
        for child in verb.children:  # "When asked about the vote, ...": what the question was about
            if child.i == verb.i + 1 and child.dep_ == "prep" and child.lower_ == "about":
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if objects:
                    sentence = self.article.sentence_index(verb.i)
                    return clause_span(sorted((t for t in objects[0].subtree if self.article.sentence_index(t.i) == sentence),
                                              key=lambda t: t.i), need_verb=False)
        return None

    def asked_if(self, verb: Token) -> tuple[int, int] | None:
        """'asked workers if they planned to attend', 'asked whether the vote would wait': the
        parser hangs the if-clause on the asking verb as an adverbial clause; with the person
        asked before it, it is the question put to them (who was asked, and what)."""
        for child in verb.children:
            if child.i < verb.i or child.dep_ != "advcl" or child.left_edge.lower_ not in ("if", "whether"):
                continue
            if child.left_edge.dep_ != "mark" or child.left_edge.head != child:
                continue
            hearers = [c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.i < c.i < child.i]
            sentence = self.article.sentence_index(verb.i)
            tokens = [t for part in hearers[:1] + [child] for t in part.subtree if self.article.sentence_index(t.i) == sentence]
            return clause_span(sorted(tokens, key=lambda t: t.i))
        return None

    def _as_reported(self, verb: Token) -> tuple[int, int] | None:
        """'As the Globe reported last week, the mayor has hired ...': the clause the "as" phrase
        sits in (also when the parser makes "as" a preposition and the verb a noun's modifier)."""
        if any(c.dep_ in ("ccomp", "dobj") for c in verb.children):
            return None
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            phrase, clause = verb, verb.head
        elif verb.dep_ == "acl" and verb.head.dep_ == "pobj" and verb.head.head.lower_ == "as" and verb.head.head.dep_ == "prep":
            phrase, clause = verb.head.head, verb.head.head.head
        else:
            return None
        if clause.pos_ not in ("VERB", "AUX") or not any(c.dep_ in SUBJECTS for c in clause.children):
            return None
        own = {t.i for t in phrase.subtree}
        sentence = self.article.sentence_index(verb.i)
        return clause_span([t for t in clause.subtree if t.i not in own and self.article.sentence_index(t.i) == sentence])

    def _complement_in_phrase(self, verb: Token) -> tuple[int, int] | None:
        """'said on Monday in a statement that the bridge would reopen', 'told reporters at a news
        conference that ...': the parser hangs the that-clause on the phrase's noun; it is the
        verb's report (a clause opened by the conjunction "that", with a subject of its own)."""
        if any(child.dep_ == "ccomp" for child in verb.children):
            return None
        for child in verb.children:
            if child.i < verb.i or child.dep_ not in ("prep", "dobj", "npadvmod"):
                continue
            for token in child.subtree:
                if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN") and any(
                        c.dep_ == "mark" and c.lower_ == "that" and c.i < token.i for c in token.children) and any(
                        c.dep_ in SUBJECTS for c in token.children) and is_finite(token):
                    return self._complement(verb, token)
        return None

    def _complement(self, verb: Token, child: Token) -> tuple[int, int] | None:
        """The span of the clause ``child`` that ``verb`` reports ("said [that] X ..."), or None
        when it is a question, a purpose or reason, or a small clause."""
        tokens = [t for t in child.subtree]
        if tokens and tokens[0].dep_ == "mark" and tokens[0].lower_ == "that":
            tokens = tokens[1:]
        conditional = tokens and tokens[0].lower_ == "if" and tokens[0].head != child  # "said if elected he would ..."
        if not tokens or (tokens[0].lower_ in QUESTION_WORDS and not conditional
                          and verb.lemma_.lower() not in QUESTION_REPORTING):
            return None  # "did not say whether ...", "to determine whether ...": a question, not a report
        if tokens[0].dep_ == "mark" and tokens[0].head == child and tokens[0].lower_ not in ("whether", "if"):
            return None  # "so he could fund ...", "because ...": not what was said
        if not is_finite(child) and not gerund_subject_clause(verb, child) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children
                                            if c.tag_ not in ("PRP",) or c.lower_ in ("i", "he", "she", "we", "they")):
            return None  # "found him to be positive": a small clause, not a report
        # "confirmed they seized the substance, stating "..."", "said people changed their
        # minds and several said ...": a quote or another speaker's words hung on the end of
        # the reported clause are reported on their own; the clause stops before them.
        cut = [
            t.left_edge.i for t in child.children
            if t.i > child.i and t.dep_ in ("advcl", "conj", "parataxis", "ccomp", "npadvmod") and self.article.is_cue(t)
        ]
        if cut:
            tokens = [t for t in tokens if t.i < min(cut)]
        # "claiming Maduro's re-election last year was illegitimate": the parser often hangs
        # the clause's subject on the verb as an object; take it back when it touches the clause.
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubj") and verb.i < c.i < child.i]
        if verb.lemma_ not in HEARER_VERBS:
            for obj in sorted(objects, key=lambda c: -c.i):
                subtree = list(obj.subtree)
                if subtree[-1].i + 1 == tokens[0].i and subtree[0].i > verb.i:
                    tokens = subtree + tokens
        return clause_span(tokens)

    def _interrupted(self, verb: Token) -> tuple[int, int] | None:
        """'The deal, he said, would collapse.' / 'In the long run, economists say, costs could
        fall.': the cue set off by commas inside the clause it reports; the row is the whole
        clause (the cue inside it)."""
        head = verb.head
        core = [t for t in verb.subtree if not t.is_punct]
        if not core or core[0].i == 0 or core[-1].i + 1 >= len(self.doc):
            return None
        if self.doc[core[0].i - 1].text not in (",", "—", "–") or self.doc[core[-1].i + 1].text not in (",", "—", "–"):
            return None
        if not is_finite(head) or not any(child.dep_ in SUBJECTS for child in head.children):
            return None  # a clause of its own: "X, he said, would ...", "In his state, X said, offenders are ..."
        return clause_span([t for t in head.subtree if self.article.sentence_index(t.i) == self.article.sentence_index(verb.i)])

    def act_content(self, verb: Token, parts: list[Token] | None = None) -> tuple[int, int] | None:
        """What a speech act is about, when it is not a clause: the verb's object and
        complements ("urged [the council to act]", "accused [X of lying]", "vowed [to appeal]",
        "described [the plan as reckless]", "called for [an inquiry]")."""
        if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN":
            return None  # "questions asked of the candidates": a description, not a speech act
        if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") or c.dep_ in SUBJECTS for c in verb.children):
            return None  # "The figures include pledged delegates": a participle before a noun
        if _title_case(self.article.sents[self.article.sentence_index(verb.i)]):
            return None  # a headline ("Voters Reject The Idea Of ..."): its parse is not to be trusted
        parts = parts if parts is not None else [child for child in verb.children if child.i > verb.i and not _time_phrase(child) and (
            child.dep_ in CONTENT_DEPENDENTS or for_clause(child)
            or (child.dep_ == "prep" and child.lower_ in CONTENT_PREPOSITIONS and any(
                c.dep_ in ("pobj", "pcomp") or child.lower_ == "as" for c in child.children)))]
        if not parts:
            return None
        lemma = verb.lemma_.lower()
        if lemma in ABOUT_ONLY:
            parts = [part for part in parts if part.dep_ == "prep" and part.lower_ in ("about", "of")]
        if lemma == "call":  # "called the plan Flyboard Air" names; "called for/on ..." asks
            parts = call_parts(parts)
        if lemma == "charge":  # "charged him with murder" accuses; "charged a fee" bills
            accused = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" and c.i > verb.i]
            parts = [part for part in parts if part.dep_ == "dobj"] + accused if accused else []
        if not parts or (lemma in NEEDS_MORE_THAN_OBJECT and all(part.dep_ in ("dobj", "dative") for part in parts)):
            return None  # "called the police", "asked a question"
        if all(part.dep_ in ("dobj", "dative") and part.pos_ == "PRON" for part in parts):
            return None  # "accused him", "thanked them": no content
        tokens = [t for part in parts for t in part.subtree]
        cut = [t.i for t in tokens if t.i != verb.i and t.dep_ in ("advcl", "conj", "parataxis") and self.article.is_cue(t)]
        if cut:
            tokens = [t for t in tokens if t.i < min(cut)]
        tokens.sort(key=lambda t: t.i)
        if tokens and tokens[0].i == verb.i + 1 and cue_text(verb) != verb.text:
            tokens = tokens[1:]  # "called on [Russia to ...]": the preposition is part of the cue
        if len(tokens) < 2:
            return None
        return clause_span(list(self.doc[tokens[0].i : tokens[-1].i + 1]), need_verb=False)

    def said_object(self, verb: Token) -> tuple[int, int] | None:
        """What a verb of saying says when it is not a clause: its object ("noted [the Sept. 11
        attacks]", "proposed [a safe zone]", "predicted [a win in Texas]", "repeated [his
        promise to ...]"), or what it is about ("talked [about ...]"); only for the verbs of
        ``quotes_object_verbs`` ("claimed 3,000 lives", "declared an emergency" are not speech),
        and not a bare pronoun ("noted that")."""
        lemma = verb.lemma_.lower()
        if lemma in HEARER_VERBS:
            # "told his players not to worry": the hearer and what they were told to do.
            hearers = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
            asked = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
            if hearers and asked:
                return self.act_content(verb, hearers[:1] + asked[:1])
        answer = self.short_answer(verb)
        if answer is not None:
            return answer
        if lemma not in OBJECT_VERBS:
            return None
        if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            return None  # "Trump's reported net worth": a participle describing a noun
        if not any(c.dep_ in SUBJECTS for c in verb.children) and any(
                c.dep_ == "dobj" and c.ent_type_ in ("PERSON", "ORG") and c.i > verb.i for c in verb.children):
            return None  # "..., reported the Washington Examiner": the object is who reports
        parts = [child for child in verb.children if child.i > verb.i and not _time_phrase(child) and (
            child.dep_ in ("dobj", "xcomp") or (child.dep_ == "prep" and child.lower_ in ("about", "on")))]
        parts = [part for part in parts if not (part.dep_ == "dobj" and part.pos_ in ("PRON", "DET", "NUM"))]
        if not parts:
            return None
        return self.act_content(verb, parts)

    def short_answer(self, verb: Token) -> tuple[int, int] | None:
        """'the candidate said no', 'half said so', 'three-quarters said the same of Doe': an
        answer that stands for a clause said before (a yes, a no, a so, the same)."""
        if verb.i + 1 >= len(self.doc) or verb.lemma_.lower() not in SHORT_ANSWER_VERBS:
            return None
        word = self.doc[verb.i + 1]
        if word.head != verb:
            return None
        if word.lower_ in SHORT_ANSWERS:
            return word.idx, word.idx + len(word)
        if word.dep_ == "dobj" or word.lower_ == "the" and word.head.dep_ == "dobj":
            phrase = word if word.dep_ == "dobj" else word.head
            first = phrase.left_edge
            if first.lower_ in ("the", "that") and first.i + 1 < len(self.doc) and (
                    self.doc[first.i + 1].lower_ == "same" or phrase.lower_ == "that"):
                return phrase.left_edge.idx, phrase.right_edge.idx + len(phrase.right_edge)
        return None

    def according_to(self, according: Token) -> tuple[int, int] | None:
        """'According to police, the man was armed' / 'The man was armed, according to police.'"""
        if self.article.in_quote(according.idx) or not any(child.lower_ == "to" for child in according.children):
            return None
        head = according.head
        if head == according:
            return None
        phrase = {t.i for t in according.subtree}
        clause = [t for t in head.subtree if t.i not in phrase]
        if not clause:
            return None
        before = [t for t in clause if t.i < according.i and not t.is_punct]
        after = [t for t in clause if t.i > max(phrase) and not t.is_punct]
        if len(before) >= 2 and len(after) >= 2 and before[-1].i + 3 >= according.i and after[0].i <= max(phrase) + 3:
            # "One child was, according to the fire service, among the dead": the whole clause.
            return clause_span(before + [t for t in self.doc[before[-1].i + 1 : after[0].i]] + after)
        tokens = after if len(after) >= len(before) else before
        return clause_span(tokens)


def _asked_by_nobody_named(verb: Token) -> bool:
    """'She was asked whether ...', '(When) asked about ..., he said': an asking verb in the
    passive whose asker the sentence does not name."""
    children = {child.dep_ for child in verb.children}
    if "agent" in children:
        return False
    if "auxpass" in children:
        return True
    if verb.dep_ != "advcl" or children & {"nsubj", "nsubjpass", "aux"}:
        return False
    # "Asked what the plan means, the mayor said ...": a sentence's first word, whatever its tag.
    return verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.is_sent_start)


def _title_case(sentence) -> bool:
    """A headline in title case: most of its words capitalised."""
    words = [token for token in sentence if token.is_alpha and len(token) > 3]
    return len(words) >= 4 and sum(token.is_title or token.is_upper for token in words) >= 0.8 * len(words)


def _time_phrase(token: Token) -> bool:
    """'for several weeks', 'on Tuesday': when, not what."""
    if token.dep_ != "prep":
        return token.ent_type_ in ("DATE", "TIME")
    objects = [t for child in token.children for t in child.subtree]
    return bool(objects) and all(t.ent_type_ in ("DATE", "TIME") or t.is_punct for t in objects)


def clause_span(tokens: list[Token], need_verb: bool = True) -> tuple[int, int] | None:
    """Character span of a clause's tokens, trimmed of punctuation and conjunctions at its
    ends; None for fewer than three tokens or (``need_verb``) no verb."""
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].dep_ == "cc"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    if len(tokens) < (3 if need_verb else 2) or (need_verb and not any(t.pos_ in ("VERB", "AUX") for t in tokens)):
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
