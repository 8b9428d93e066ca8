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
    ACT_VERBS, ASKING_VERBS, INDIRECT_VERBS, SUBJECTS, Article, Attribution, call_parts, cue_text, for_clause, negated,
    passive_without_agent, picks_out_a_group, strip, tokens_with_lemmas,
)
from kit.quotes.according import according_to
from kit.quotes.interviews import QA_SIDES, qa_rows, qa_turns, turn_span
from kit.quotes.clauses import (
    HEARER_VERBS, asked_if, asked_question, clause_span, passive_report, passive_subject, reported_clause, short_answer,
)
from kit.quotes.marks import DOUBLE_MARKS
from kit.quotes.nouns import SPEECH_NOUNS, noun_report
from kit.quotes.object_reports import called_parts, claimed_infinitive, one_word_object, pleaded_to, question_put, talked_up
from kit.quotes.speaker_actors import SpeakerActors
from kit.quotes.speakers import INTERVIEWER_LABELS, Speakers

#: Prepositions that introduce what a speech act is about ("accused X of", "called for", "described X as").
CONTENT_PREPOSITIONS = frozenset("on for of as about against over".split())
#: Prepositions that bring one verb's content besides those ("agreed with his assessment").
VERB_PREPOSITIONS = lexicon.mapping("quotes_reported_verb_prepositions")
#: Dependents of a speech-act verb that hold its content.
CONTENT_DEPENDENTS = frozenset("dobj dative xcomp ccomp oprd acomp attr".split())
#: Act verbs whose object alone is not what was said ("called the police", "asked a question").
NEEDS_MORE_THAN_OBJECT = frozenset("call ask".split())
#: Act verbs whose content only a preposition brings ("spoke about X", not "spoke on TV").
ABOUT_ONLY = frozenset("speak talk complain".split())

#: Verbs of saying whose object alone is what was said ("noted the attacks", "proposed a safe zone").
OBJECT_VERBS = lexicon.words("quotes_object_verbs")
#: Verbs of saying whose "about" phrase is what was said ("said little about the plan", "wrote about the event").
ABOUT_VERBS = lexicon.words("quotes_reported_about_verbs")
#: What "tell" tells when it is its object ("told the story of ...", "told a joke").
TOLD_NOUNS = lexicon.words("quotes_reported_told_nouns")
#: Verbs that give names: the words in marks after their object are a name, not a title inside a claim.
NAMING_VERBS = lexicon.words("quotes_direct_naming_verbs")
#: Verbs of saying whose passive with an agent reports its subject ("was first reported by the Post").
AGENT_VERBS = lexicon.words("quotes_reported_agent_verbs")
#: Accusing verbs whose agentless passive reports a speech act ("was charged with assault").
PASSIVE_VERBS = lexicon.words("quotes_reported_passive_verbs")


#: An interview answer's label: "((Thomas Rivinius)) Well, ...".
_BRACKET_LABEL = re.compile(r"[ \t]*\(\(([^()\n]{1,60})\)\)[ \t]*")
_COLON_LABEL = re.compile(r"[ \t]*[A-Z][\w.'’ -]{0,40}:[ \t]")
#: A line opened by a short label and a colon: "Ryabkov: ...", "FALLIN: Well, ...".
_LABELLED_LINE = re.compile(r"(?m)^([ \t]*[^\n:]{1,80}?)(:)[ \t]+(\S[^\n]*?)[ \t]*$")

REPORTING = INDIRECT_VERBS | ACT_VERBS | ASKING_VERBS
#: The key under which a row found from a cue word carries that word's index in the Doc, until
#: :func:`kit.quotes.not_speech.kept` has judged it (the key never reaches the quotes table).
CUE_KEY = "_cue_i"

#: A headline's verbs of saying as written ("Slams", "calls for"), and the words that end what it says.
HEADLINE_CUES = lexicon.words("quotes_reported_headline_cues")
HEADLINE_STOPS = lexicon.words("quotes_reported_headline_stops")
#: The most words an article's first line has when it is the article's headline.
HEADLINE_WORDS = 25
#: Marks that end what a headline's speaker says ("Okafor, Reyes pledge to cooperate; deal may follow").
_HEADLINE_ENDS = frozenset((";", ":", "—", "–", ",", "--"))


class ReportedSpeech:
    """The reported speech of one article."""

    def __init__(self, article: Article, speakers: Speakers, actors: SpeakerActors):
        self.article = article
        self.actors = actors
        self.doc = article.doc
        self.text = article.text
        self.speakers = speakers

    def _candidates(self) -> list[Token]:
        """The tokens a rule of :meth:`rows` can start from: a speech noun, a reporting verb, "according"."""
        return tokens_with_lemmas(self.doc, nouns=SPEECH_NOUNS, verbs=REPORTING, word="according")

    def rows(self, quoted: list[dict]) -> tuple[list[dict], set[tuple[int, int]]]:
        """Reported speech: indirect rows, and mixed rows for reported clauses that hold quoted
        words and make a claim of their own. Returns the rows and the spans of the partial
        quotes a mixed row takes in (one speech event gives one quote)."""
        article = self.article
        rows, absorbed = [], set()
        answers = self.answer_paragraphs()
        for token in self._candidates():
            if answers and article.paragraph_of(token.idx) in answers:
                continue  # an interviewee's answer is their own words, like a quote: nothing nested in it
            speaker, unnamed = None, False
            if token.lower_ == "according":
                found = according_to(self.article, token)
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
                    found, unnamed = asked_question(self.article, token), True  # "she was asked whether ...": a question put
                elif passive_without_agent(token) and not negated(token) and token.lemma_.lower() in PASSIVE_VERBS:
                    found, unnamed = passive_report(self.article, token), True  # "was charged with assault"
                elif passive_without_agent(token) or negated(token) or picks_out_a_group(token):
                    continue  # "deaths were reported", "not everyone agreed": nobody is said to say it
                else:
                    lemma = token.lemma_.lower()
                    found = reported_clause(self.article, token) if lemma in INDIRECT_VERBS | ASKING_VERBS else None
                    if found is None and lemma in ASKING_VERBS:
                        found = asked_if(self.article, token)
                    if found is None and lemma in ACT_VERBS:
                        found = self.act_content(token)
                    elif found is None and lemma in INDIRECT_VERBS:
                        found = self.said_object(token)
                    if found is None and lemma in AGENT_VERBS:
                        found = passive_subject(self.article, token)  # "was first reported by the Post"
            else:
                continue
            if found is None:
                continue
            start, end = found
            kind = "indirect"
            inner = [row for row in quoted if start - 1 <= row["start"] and row["end"] <= end + 1]
            outer = token.lower_ == "according" and _reports_cued_quotes(inner, token)
            if outer:
                kind = "mixed"  # '"...," Roe said, according to the Post.': the quote keeps its row and speaker
            elif any(article.in_quote(char) for char in (start, end - 1)) or any(
                    start <= mark.outer_start < end for mark in article.marks):
                end = self._through_closing_mark(start, end)
                if end is None or any(row["kind"] == "direct" for row in inner) or not self._makes_own_claim(start, end) and (
                        inner or self._sentence_quoted(token, quoted) or token.lemma_.lower() in NAMING_VERBS):
                    continue  # the quoted words are the quote (partial or direct); a title in marks is not
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
            rows[-1][CUE_KEY] = token.i  # for kit.quotes.not_speech, which judges the cue word (and drops the key)
            if kind == "mixed" and not outer:
                absorbed.update((row["start"], row["end"]) for row in inner)
        labelled, taken = self.labelled_lines(quoted + rows)
        answered, inside = self.answer_rows(answers, quoted + rows + labelled)
        # "Q: ... / A: ...": each turn is one side's words; what an answer reports stays a row of its own
        turned, within = qa_rows(article, self.actors, qa_turns(article), quoted + rows + labelled + answered)
        answered += turned
        headlines = self.headline_rows(quoted + rows + labelled + answered)
        return rows + labelled + answered + headlines, absorbed | taken | inside | within

    def headline_rows(self, found: list[dict]) -> list[dict]:
        """'Mayor Okafor Slams Reyes for Skipping the Vote.', 'Protesters blast Okafor.': in an
        article's first line, when it is a headline (short, and a paragraph follows), a verb of
        saying read by its form (the parser takes most of them for nouns in a headline): the
        words before it are the speaker, those after it, to a ";", a comma or a new clause
        ("... after the Audit Finds ..."), what was said. Lines a row already covers are left."""
        article, text = self.article, self.text
        line_end = text.find("\n")
        line = article.tokens_of(*strip(text, 0, line_end)) if line_end > 0 and text[line_end:].strip() else None
        if line is None or len([t for t in line if t.is_alpha]) > HEADLINE_WORDS:
            return []
        tokens, rows, opening = list(line), [], 0
        for position, token in enumerate(tokens):
            if position < opening or article.in_quote(token.idx):
                continue
            if token.text in _HEADLINE_ENDS or token.lower_ in HEADLINE_STOPS:
                opening = position + 1  # "The Latest: Mourners say ...": the speaker starts after it
                continue
            pair = f"{token.lower_} {tokens[position + 1].lower_}" if position + 1 < len(tokens) else ""
            width = 2 if pair in HEADLINE_CUES else 1 if token.lower_ in HEADLINE_CUES else 0
            speaker = [t for t in tokens[opening:position] if not t.is_punct]
            if not width or not 1 <= len(speaker) <= 7 or not speaker[0].text[:1].isupper() or any(
                    t.pos_ in ("ADP", "AUX", "SCONJ") or t.tag_ in ("DT", "PRP$", "POS", "WDT", "WP") and t is speaker[-1]
                    for t in speaker):
                continue  # "His Say on ...", "In Ohio, ...": not a speaker before the verb
            last = position + width
            while last < len(tokens) and tokens[last].text not in _HEADLINE_ENDS and tokens[last].lower_ not in HEADLINE_STOPS:
                last += 1
            content = tokens[position + width : last]
            while content and (content[-1].is_punct or content[-1].is_space):
                content = content[:-1]
            if not any(t.is_alpha for t in content):
                continue
            start, end = content[0].idx, content[-1].idx + len(content[-1])
            if any(row["start"] < end and start < row["end"] for row in found + rows):
                opening = last
                continue
            kind = "mixed" if any(start <= mark.outer_start < end for mark in article.marks) else "indirect"
            cue = text[token.idx : tokens[position + width - 1].idx + len(tokens[position + width - 1])]
            rows.append(self.actors.row(start, end, kind, Attribution(token, cue, speaker[-1], linked=True), content[0].i,
                                        speaker_span=(speaker[0].idx, speaker[-1].idx + len(speaker[-1]))))
            opening = last
        return rows

    def answer_paragraphs(self) -> set[int]:
        """The paragraphs of a transcript that are the interviewee's answers: those labelled with
        a name ("((Thomas Rivinius)) Well, it took 20 years ...") and the unlabelled ones that
        follow them before the next label."""
        labels = self.actors._transcript_labels()
        if not labels or not any(label.lower() in INTERVIEWER_LABELS for label, _ in labels.values()):
            return set()  # not an interview: "NAME: ..." lines of a round-up are handled as labelled lines
        if all(label in QA_SIDES for label, _ in labels.values()):
            return set()  # "Q: ... / A: ...": kit.quotes.interviews; what an answer reports is kept
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
            end = article.line_end(start)
            match = _BRACKET_LABEL.match(self.text, start)
            if match is not None:
                name = article.tokens_of(match.start(1), match.end(1))
                speaker = name[-1] if name is not None else None
                actor = labels.get(number, (None, None))[1]
                start = match.end()
            elif _COLON_LABEL.match(self.text, start):
                speaker = None  # "NAME: ..." lines are labelled lines
                continue
            turn = turn_span(article, found, start, end)
            if speaker is None or turn is None:
                continue
            start, end, first, within = turn
            attribution = Attribution(None, ":", speaker, linked=True)
            row = self.actors.row(start, end, "direct", attribution, first)
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
            if any(row["start"] < end and start < row["end"] for row in found if row not in inner) or any(
                    row["kind"] == "direct" and row["cue"] not in (None, ":") and row["speaker"] is not None for row in inner):
                continue  # 'Delegates: "...," Roe said.': the quote's own cue names its speaker; the label heads a section
            kind = "mixed" if inner else "indirect"
            attribution = Attribution(colon[0], ":", speaker, linked=True)
            rows.append(self.actors.row(start, end, kind, attribution, content.start))
            absorbed.update((row["start"], row["end"]) for row in inner)
        return rows, absorbed

    def _sentence_quoted(self, token: Token, quoted: list[dict]) -> bool:
        """Does a quote row start or end in ``token``'s sentence? ('"...," he said on the
        radio show "Open Air."': the verb's words are that quote, not the title.)"""
        article = self.article
        sentence = article.sentence_index(token.i)
        for row in quoted:
            last = article.tokens_of(row["end"] - 1, row["end"])
            if last is not None and sentence in (row["sentence"], article.sentence_index(last.start)):
                return True
        return False

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
            or (child.dep_ == "prep" and (child.lower_ in CONTENT_PREPOSITIONS or child.lower_ in VERB_PREPOSITIONS.get(
                verb.lemma_.lower(), "").split()) and any(
                c.dep_ in ("pobj", "pcomp") or child.lower_ == "as" for c in child.children)))]
        if not parts:
            return None
        lemma = verb.lemma_.lower()
        if lemma in ABOUT_ONLY:
            parts = [part for part in parts if part.dep_ == "prep" and part.lower_ in ("about", "of")] + talked_up(verb, parts)
        if lemma == "call":  # "called for/on ..." asks; "called the plan reckless", "called him "a coward"" judge
            parts = call_parts(parts) or called_parts(verb, parts)
        if lemma == "charge":  # "charged him with murder" accuses; "charged a fee" bills
            accused = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" and c.i > verb.i]
            parts = [part for part in parts if part.dep_ == "dobj"] + accused if accused else []
        if not parts or (lemma in NEEDS_MORE_THAN_OBJECT and all(part.dep_ in ("dobj", "dative") for part in parts)
                         and not (lemma == "ask" and question_put(parts))):
            return None  # "called the police", "asked a question" ("asked her a series of questions about ..." says more)
        if all(part.dep_ in ("dobj", "dative") and part.pos_ == "PRON" for part in parts):
            return None  # "accused him", "thanked them": no content
        paragraph = self.article.paragraph_of(verb.idx)  # the parser sometimes runs a headline into the next line
        tokens = [t for part in parts for t in part.subtree if self.article.paragraph_of(t.idx) == paragraph]
        cut = [t.i for t in tokens if t.i != verb.i and t.dep_ in ("advcl", "conj", "parataxis") and self.article.is_cue(t)]
        if cut:
            tokens = [t for t in tokens if t.i < min(cut)]
        tokens.sort(key=lambda t: t.i)
        if tokens and tokens[0].i == verb.i + 1 and cue_text(verb) != verb.text:
            tokens = tokens[1:]  # "called on [Russia to ...]": the preposition is part of the cue
        if len(tokens) < 2:
            return one_word_object(verb, tokens)  # "praised [Okafor]"
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
            told = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.lemma_.lower() in TOLD_NOUNS]
            if told:  # "told the story of how they met": the story is what was told
                return clause_span(list(self.doc[told[0].left_edge.i : told[0].right_edge.i + 1]), need_verb=False)
        answer = short_answer(self.article, verb)
        if answer is not None:
            return answer
        about = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "about" and c.i > verb.i and not _time_phrase(c)]
        if lemma in ABOUT_VERBS and about and not self._marks_in_sentence(verb):
            return _about_object(about[0])  # ('"...," she said about the plan': the quote is what she said)
        pleaded = claimed_infinitive(verb) or pleaded_to(verb)  # "claims [to speak for ...]", "pleaded guilty [to fraud]"
        if pleaded:
            return self.act_content(verb, pleaded)
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


    def _marks_in_sentence(self, token: Token) -> bool:
        """Quotation marks in the token's sentence, or a colon after it (a quote follows)."""
        sentence = self.article.sents[self.article.sentence_index(token.i)]
        before = self.doc[max(0, sentence.start - 2) : sentence.start]  # '"Why ...?" Roe said about ...' split off
        return any(t.is_quote for t in list(before) + list(sentence)) or any(t.text == ":" for t in sentence if t.i > token.i)


def _about_object(about: Token) -> tuple[int, int] | None:
    """'said little about [the plan]', 'what she says about [immigrants]': what was said is
    about the preposition's object (one word will do; a pronoun will not)."""
    objects = [c for c in about.children if c.dep_ in ("pobj", "pcomp")]
    if not objects or (objects[0].pos_ == "PRON" and objects[0].left_edge == objects[0].right_edge):
        return None
    first, last = objects[0].left_edge, objects[0].right_edge
    return first.idx, last.idx + len(last)


def _reports_cued_quotes(inner: list[dict], according: Token) -> bool:
    """Does an "according to" clause hold a quote, before the phrase, that a cue of its own gives
    a speaker ('"...," Roe said, according to the Post')? Then the clause is also the phrase's
    object's report, a mixed row (the quote keeps its row)."""
    return any(row["kind"] == "direct" and row["cue"] not in (None, "according to") and row["speaker"] is not None
               and row["end"] < according.idx for row in inner)


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
