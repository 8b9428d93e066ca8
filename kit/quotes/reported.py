"""Find, reported speech: clauses a verb of saying reports, from the parse (no marks needed).

**indirect** rows are reported speech without marks (``The Wall Street Journal said
Russia has cut its staff ...``, ``..., the newspaper said``, ``according to police``);
**mixed** rows are reported clauses that hold a quoted part and make a claim of their
own (``The army said the plane was bringing meat from Bishkek "to help the country's
economy."``): the row is the whole clause, and the partial quote inside it is dropped
(one speech event gives one row).

>>> from kit.quotes import find_quotes
>>> from kit.nlp import load_model
>>> doc = load_model()("The man was armed, according to police.")
>>> [(r["text"], r["kind"], r["speaker"], r["cue"]) for r in find_quotes(doc, [])]
[('The man was armed', 'indirect', 'police', 'according to')]
"""

from __future__ import annotations

from spacy.tokens import Token

from kit.quotes.article import (
    INDIRECT_VERBS, QUESTION_WORDS, SUBJECTS, Article, Attribution, cue_text, is_finite, misparsed_complement, negated,
    passive_without_agent,
)
from kit.quotes.speakers import SpeakerActors, Speakers

#: Verbs whose object is the hearer, not the start of the reported clause ("told reporters ...").
HEARER_VERBS = frozenset("tell inform assure advise warn brief".split())


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
        for token in self.doc:
            if token.lower_ == "according":
                found = self.according_to(token)
            elif token.pos_ == "VERB" and token.lemma_.lower() in INDIRECT_VERBS and not article.in_quote(token.idx):
                if passive_without_agent(token) or negated(token):
                    continue  # "deaths were reported", "not everyone agreed": nobody is said to say it
                found = self.reported_clause(token)
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
            speaker = self.speakers.speaker_of(token)
            if speaker is None:
                continue
            attribution = Attribution(token, cue_text(token), speaker, linked=True)
            rows.append(self.actors.row(start, end, kind, attribution, article.tokens_of(start, end).start))
            if kind == "mixed":
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
        for child in verb.children:
            if child.i > verb.i and (child.dep_ == "ccomp" or misparsed_complement(verb, child)):
                return self._complement(verb, child)
            if child.dep_ == "ccomp" and child.i < verb.i and verb.dep_ == "ROOT":
                # "The pullout was due to ..., the newspaper said."
                return clause_span(list(child.subtree))
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

    def _complement(self, verb: Token, child: Token) -> tuple[int, int] | None:
        """The span of the clause ``child`` that ``verb`` reports ("said [that] X ..."), or None
        when it is a question, a purpose or reason, or a small clause."""
        tokens = [t for t in child.subtree]
        if tokens and tokens[0].dep_ == "mark" and tokens[0].lower_ == "that":
            tokens = tokens[1:]
        if not tokens or tokens[0].lower_ in QUESTION_WORDS:
            return None
        if tokens[0].dep_ == "mark" and tokens[0].head == child:
            return None  # "so he could fund ...", "because ...": not what was said
        if not is_finite(child) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children
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


def clause_span(tokens: list[Token]) -> tuple[int, int] | None:
    """Character span of a clause's tokens, trimmed of punctuation and conjunctions at its
    ends; None for fewer than three tokens or no verb."""
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].dep_ == "cc"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    if len(tokens) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
