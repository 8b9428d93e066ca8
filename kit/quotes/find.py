"""Find: a parsed Doc -> rows of the quotes table (quotes in marks here, reported speech in
:mod:`kit.quotes.reported`).

A quote in marks is **direct** when it is a sentence or clause of the speaker's own,
**partial** when it is a few words inside the reporter's sentence, **mixed** when it
opens inside the reporter's sentence and runs on as whole sentences. Its cue is the
verb of saying it hangs under in the parse, else the nearest one around it that has a
speaker; a quoted sentence with no cue of its own continues the quote before it or the
sentence that introduced it.

>>> rows = find_quotes(load_model()('"We will win," the minister said.'), [])
>>> [(r["text"], r["kind"], r["speaker"], r["cue"]) for r in rows]
[('We will win,', 'direct', 'the minister', 'said')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

import pandas as pd

if TYPE_CHECKING:  # annotations only: spaCy is not imported with kit.quotes (a cached report's charts)
    from spacy.tokens import Doc, Span, Token

from kit.nlp import load_model
from kit.quotes.article import (
    INDIRECT_VERBS, RELATIVE_PRONOUNS, SPEECH_VERBS, SUBJECTS, Article, Attribution, cue_text, is_a_name, is_finite, negated, passive_without_agent, strip,
)
from kit.quotes.according import reported_through
from kit.quotes.cue_choice import continued_from, cue_before_mark
from kit.quotes.continued import introduced_above, outer_reporter, says_its_own, share_along_chains
from kit.quotes.headlines import headline_speaker
from kit.quotes.marks import QuoteSpan
from kit.quotes.signed import Signed
from kit.quotes.speaker_actors import SpeakerActors, pronouns_to_quoted
from kit.quotes.speaker_clauses import ADDRESSING_VERBS
from kit.quotes.speakers import Speakers
from kit.quotes.titles import NAMING_VERBS, after_a_noun_phrase, modifies_next, title_case
from kit.tables import conform


#: Marks and blanks before a sentence's first word (a closing mark the parser kept with it).
_STRAY = " \t\n\u00a0\"“”'‘’"


def find_quotes(doc: Doc, mentions: list[dict]) -> list[dict]:
    """Rows of the quotes table for one parsed article (no ``article_id``).

    ``mentions`` (:func:`kit.actors.find_mentions`'s rows for the Doc, or []) give speakers their ``actor_id``.

    >>> doc = load_model()('The Wall Street Journal said Russia has cut its staff.')
    >>> [(r["text"], r["kind"], r["speaker"]) for r in find_quotes(doc, [])]
    [('Russia has cut its staff', 'indirect', 'The Wall Street Journal')]
    """
    from kit.quotes.not_speech import kept
    from kit.quotes.reported import ReportedSpeech

    article = Article(doc, mentions)
    if not article.text.strip():
        return []
    speakers = Speakers(article)
    actors = SpeakerActors(speakers)
    rows = MarkedQuotes(article, speakers, actors).rows()
    reported, absorbed = ReportedSpeech(article, speakers, actors).rows(rows)
    rows = [row for row in rows if (row["start"], row["end"]) not in absorbed] + kept(reported, article)
    rows.sort(key=lambda row: (row["start"], row["end"]))
    pronouns_to_quoted(rows, article)
    return rows


def extract(text: str, nlp=None) -> pd.DataFrame:
    """The quotes of one text, as the rows ``kit.analyze`` would give (without ``article_id``).

    Runs the actor step too, so speakers resolve to actors.

    >>> table = extract('"It is a plot," Maduro said.')
    >>> table[["text", "kind", "speaker", "cue"]].values.tolist()
    [['It is a plot,', 'direct', 'Maduro', 'said']]
    """
    from kit import actors

    nlp = nlp or load_model()
    doc = nlp(text)
    mentions = actors.find_mentions(doc)
    table = conform(find_quotes(doc, mentions), "quotes")
    return table.drop(columns=["article_id"])


class MarkedQuotes:
    """The quotes in marks of one article, with their kind, cue and speaker."""

    def __init__(self, article: Article, speakers: Speakers, actors: SpeakerActors):
        self.article = article
        self.actors = actors
        self.text = article.text
        self.speakers = speakers
        self.signed = Signed(article, speakers)
        self.chained: set[int] = set()  # see _attributed

    def rows(self) -> list[dict]:
        found = self._attributed()
        rows: list[dict] = []
        previous: tuple[QuoteSpan, Attribution, str] | None = None
        signed = self.signed
        for item in found:
            if item is None:
                continue
            mark, content, attribution, kind = item
            if attribution.speaker is None and kind == "direct":  # '"..." -- Jane Roe': signed, not continued
                attribution = signed.signed_after(mark) or attribution
            if (attribution.speaker is None or mark.outer_start in self.chained) and kind == "direct" and previous is not None:
                # '"A," Roe said. "B' and a paragraph '"C," she went on.': B goes on A, not on C's cue
                attribution = continued_from(self.article, mark, previous) or attribution
            if attribution.speaker is None and kind == "direct":
                attribution = self._introduced_before(mark, content) or signed.direct(mark) or introduced_above(
                    self.article, self.speakers, mark) or attribution
            chant = signed.chanted(content, mark) if attribution.cue is None else None
            if chant is not None:  # 'chants of "Go! Go!"': the chanters' words, whoever they are
                rows.append(self.actors.row(*strip(self.text, mark.start, mark.end), kind, chant, content[0].i))
                continue
            if attribution.speaker is None and (attribution.cue is None or is_a_name(content)):
                continue  # nobody is said to say it: a slogan, a sign, a title, scare quotes
            if mark.opening in ("'", "‘") and self._heading(mark):
                continue  # "'A change of heart.'" alone on its line: a section heading quoting what follows
            if kind != "direct" and (self.text[: mark.outer_start].rstrip().endswith("(") or modifies_next(content, mark)):
                continue  # a gloss in brackets ('anti-Brexit ("British exit")'), 'a "unity" lunch': no words said
            if (is_a_name(content) or title_case(content)) and after_a_noun_phrase(self.article, mark):
                continue  # 'on Fox's "Sunday Morning Futures," Issa said': a title, not words said
            start, end = strip(self.text, mark.start, mark.end)
            rows.append(self.actors.row(start, end, kind, attribution, content[0].i))
            if kind == "direct" and attribution.speaker is not None:
                previous = (mark, attribution, kind)
        return rows

    def _heading(self, mark: QuoteSpan) -> bool:
        """Is the quote a whole line of its own, past the headline (a section heading)?"""
        line_start = self.article.line_start(mark.outer_start)
        return line_start > 0 and not self.text[line_start : mark.outer_start].strip() and not self.text[
            mark.outer_end : self.article.line_end(mark.outer_end)].strip(" .\t")

    def _attributed(self) -> list[tuple[QuoteSpan, Span, Attribution, str] | None]:
        """Each quote mark's content, attribution and kind (None for marks around no words)."""
        found: list[tuple[QuoteSpan, Span, Attribution, str] | None] = []
        for mark in self.article.marks:
            start, end = strip(self.text, mark.start, mark.end)
            content = self.article.tokens_of(start, end) if end > start else None
            if content is None or not any(token.is_alpha or token.is_digit for token in content):
                found.append(None)
                continue
            kind = self.kind_of(content, mark)
            attribution = self.attribute(mark, content, kind)
            if attribution.cue is not None and attribution.speaker is not None:  # 'According to the Ledger, Roe said "..."'
                attribution = reported_through(self.article, self.speakers, attribution.cue) or attribution
            found.append((mark, content, attribution, kind))
        self.signed.sign_pieces(found)
        unattributed = {item[0].outer_start for item in found if item is not None and item[2].speaker is None}
        share_along_chains(found)
        # The first piece of a quote run over paragraphs given a later piece's speaker (see rows).
        self.chained = {item[0].outer_start for item in found if item is not None and item[0].continues is None
                        and item[0].outer_start in unattributed and item[2].speaker is not None}
        return found

    def kind_of(self, content: Span, mark: QuoteSpan) -> str:
        """direct, partial or mixed, from what the quoted words hold."""
        article = self.article
        first_sentence = article.sentence_index(content[0].i)
        last_sentence = article.sentence_index(content[-1].i)
        inside = lambda token: content.start <= token.i < content.end  # noqa: E731
        first_part = [token for token in content if article.sentence_index(token.i) == first_sentence]
        # A clause of the speaker's own where the quote opens: a subject inside the quote whose
        # verb heads the quoted words (not a relative clause inside a quoted noun phrase).
        has_clause = any(
            token.dep_ in SUBJECTS + ("expl",) and inside(token.head)
            and (not inside(token.head.head) or token.head.head == token.head)
            and token.lower_ not in RELATIVE_PRONOUNS
            for token in first_part
        )
        before = self.text[max(article.sents[first_sentence].start_char, article.paragraph_starts[article.paragraph_of(mark.outer_start)]) : mark.outer_start]
        opens_sentence = before.strip(_STRAY) == "" or before.rstrip().endswith(":")
        # '"Overall," he continued, "the presence of water ..."', '"Never!" the crowd shouted',
        # '"The bad ones?" she asked': a quote opening its sentence and closed by a comma, a
        # question or an exclamation before its cue is the speaker's sentence, verb or not.
        # '"Water for the whole county."': a whole sentence in marks, verb or not, is the
        # speaker's; not a name or a title ('"Harbor Road."').
        ending = self.text[mark.start : mark.end].rstrip()[-1:]
        broken = ending in ",?!" or (ending == "." and not is_a_name(content) and not title_case(content))
        if has_clause or (opens_sentence and (broken or any(token.pos_ in ("VERB", "AUX") for token in content))):
            return "direct"
        if before.rstrip().endswith(":") and self._colon_label(mark) is not None:
            return "direct"  # "Jane Roe: 'Never Underestimate Smith.'": a labelled line is the name's words
        if last_sentence > first_sentence:
            return "mixed"
        return "partial"

    def attribute(self, mark: QuoteSpan, content: Span, kind: str) -> Attribution:
        """The cue and speaker of one quote: by the parse first, else the nearest cue around it."""
        article, speakers = self.article, self.speakers
        linked = self._cue_by_parse(content)
        if kind != "direct":
            # Quoted words inside the reporter's sentence belong to the verb they hang under,
            # not to whichever verb of saying is near ("nicknamed the "Kim Kardashian of
            # Pakistan," had 750,000 followers and wrote about feminism").
            if linked is None:
                # "... at "very low height" according to The Aviation Herald": according to
                # attributes its whole sentence.
                linked = next((token for token in article.sents[article.sentence_index(content.start)]
                               if token.lower_ == "according" and article.is_cue(token)), None)
            before = cue_before_mark(article, speakers, mark)  # '..., saying, "done."' hung on another verb
            if before is not None and before.cue != linked and not is_a_name(content):
                return before
            if linked is None:
                return Attribution()
            if is_a_name(content) and not self._said_beside(linked, mark):
                return Attribution()  # "Hurricane Hunters", "Super Tuesday": names, not words said
            if linked.tag_ == "VBN" and (linked.dep_ in ("acl", "amod") or passive_without_agent(linked)):
                return Attribution()  # 'a website called "..."', 'what is called a "debate"': a name given
            outer = outer_reporter(article, speakers, linked) if kind == "partial" else None
            if outer is not None:  # 'said he expected voters will say "no"': the reporter's words
                return outer
            return Attribution(linked, cue_text(linked), speakers.speaker_of(linked), linked=True)
        labelled = self._colon_label(mark)
        if labelled is not None:  # 'Pollsters agree - Carl Bialik: "..."': the label, not "agree"
            return labelled
        introduced = self._cue_before_colon(mark)
        if introduced is not None:  # '..., Roe said as the heckler yelled: "..."': the heckler's
            return introduced
        # 'Roe responded: "Why now?" Critics cited it ...': a quote a colon opens and a full stop,
        # question or exclamation closes has no cue after it, whatever the parse runs together.
        closed = self._colon_before(mark) is not None and self.text[mark.start : mark.end].rstrip()[-1:] in ".?!"
        trailing = self._cue_after_closing(mark)
        if trailing is not None and not (closed and self.text[mark.outer_end : mark.outer_end + 3].strip()[:1].isupper()):
            return trailing  # '"... today? ..." asked Dunn': the cue right after the marks
        before = cue_before_mark(article, speakers, mark)
        if before is not None and before.cue != linked:  # 'when Roe thanked them, a man yelled "Stay!"'
            return before
        if linked is not None and not (closed and linked.idx >= mark.outer_end):
            speaker = speakers.speaker_of(linked)
            # 'Lee told the council that she had met the chief and that "we will act."': a quote
            # inside the sentence under a cue of a reported clause is the outer reporter's; not
            # one the inner cue introduces ('Roe says that he told an aide, "..."': his words).
            outer = outer_reporter(article, speakers, linked) if linked.idx < mark.outer_start and not self._opens(mark) \
                and not self._introduced_by(linked, mark) else None
            if outer is not None:
                return outer
            if speaker is not None or linked.lower_ == "according":
                return Attribution(linked, cue_text(linked), speaker, linked=True)
        best = None
        for verb in self._cues_around(mark, content):
            speaker = speakers.speaker_of(verb)
            if speaker is None or (mark.outer_start <= speaker.idx < mark.outer_end) or (closed and verb.idx >= mark.outer_end):
                continue
            distance = min(abs(verb.i - content.start), abs(verb.i - content.end))
            # A verb whose own reported clause lies outside this quote is someone else's cue.
            owns_other = any(child.dep_ == "ccomp" and not article.in_quote(child.idx) for child in verb.children)
            key = (owns_other, distance)
            if best is None or key < best[0]:
                best = (key, verb, speaker)
        if best is not None:
            return Attribution(best[1], cue_text(best[1]), best[2])
        if linked is not None:
            return Attribution(linked, cue_text(linked), None, linked=True)
        put = speakers.as_put_it(article.sents[article.sentence_index(i)] for i in (
            max(0, content.start - 1), min(content.end, len(article.doc) - 1)))
        return Attribution(put, cue_text(put), speakers.speaker_of(put)) if put is not None else self._introduced_by_colon(mark)

    def _introduced_by(self, cue: Token, mark: QuoteSpan) -> bool:
        """'told an aide, "..."', 'said of his wife: "..."': does the cue introduce the quote, a comma
        or a colon before the marks and only a few of the cue's own words between?"""
        between = self.article.tokens_of(cue.idx + len(cue), mark.outer_start)
        words = [t for t in between if not (t.is_punct or t.is_space)] if between is not None else []
        return self.text[: mark.outer_start].rstrip()[-1:] in (",", ":") and len(words) <= 6 and all(
            t in cue.subtree for t in words)

    def _opens(self, mark: QuoteSpan) -> bool:
        """Does the quote open its sentence (marks and blanks before it at most)?"""
        article = self.article
        opening = article.tokens_of(mark.outer_start, mark.outer_start + 1)
        if opening is None or len(opening) == 0:
            return True
        sentence = article.sents[article.sentence_index(opening.start)]
        return self.text[sentence.start_char : mark.outer_start].strip(_STRAY) == ""

    def _cue_after_closing(self, mark: QuoteSpan) -> Attribution | None:
        """'"...," Devine said.', '"...?" asked Dunn, an aide': a verb of saying right after the closing
        mark (a comma and its subject's few words between at most) is the cue, whatever the parse."""
        if not mark.closing:
            return None
        after = self.text[mark.outer_end : mark.outer_end + 40].lstrip(" ,")
        ending = self.text[mark.start : mark.end].rstrip()[-1:]
        if not (ending == "," or (ending in "?!" and not after.startswith(("He ", "She ", "They "))) or after[:1].islower()):
            return None  # '"... today." He added, ...', '"...!" She replied': a new sentence
        following = self.article.tokens_of(mark.outer_end, min(len(self.text), mark.outer_end + 60))
        paragraph = self.article.paragraph_of(mark.outer_end - 1)
        for token in following if following is not None else ():
            if token.is_space or self.article.paragraph_of(token.idx) != paragraph or token.i - following.start > 6:
                return None
            inverted = _inverted_subject(token) if ending == "," and token.i == following.start else None
            if inverted is not None and not negated(token):  # '"...," opined the Gazette' parsed with an object
                return Attribution(token, cue_text(token), inverted, linked=True)
            # '"...," he surmised', '"...?" Hannity pressed': after a quote broken by a comma, a
            # question or an exclamation, the verb its subject says it with is a cue, listed or not.
            said_with = ending in ",?!" and token.pos_ == "VERB" and not any(
                child.dep_ in ("dobj", "xcomp", "ccomp") and child.i > token.i for child in token.children)
            if (said_with or self.article.is_cue(token, manner=True)) and is_finite(token) and not negated(token):
                speaker = self.speakers.speaker_of(token)
                if speaker is None or not mark.outer_end <= speaker.idx < self.article.line_end(mark.outer_end):
                    return None
                return Attribution(token, cue_text(token), speaker, linked=True)
            if token.pos_ not in ("PUNCT", "DET", "PROPN", "NOUN", "ADJ", "PRON", "NUM") or token.text in (".", "?", "!", ";", ":", "—", "–", "--") or (token.text == "-" and token.whitespace_) \
                    or token.lower_ in RELATIVE_PRONOUNS:
                return None  # '"...," which Moscow denied', '— "...!" — the crowd cheered': not the quote's cue
        return None

    def _said_beside(self, cue: Token, mark: QuoteSpan) -> bool:
        """'someone shouted, "Cruz"', 'said "CNN" five times': capitalised quoted words right after a
        verb of saying (a comma between at most) are words said, not a name; unless the verb gives
        names ("dubbed it "Trumpcare"") or has the listener for object ('told "Fox and Friends"')."""
        lemma = cue.lemma_.lower()
        if lemma in NAMING_VERBS or lemma in ADDRESSING_VERBS or lemma not in SPEECH_VERBS or cue.idx > mark.outer_start:
            return False
        return self.text[cue.idx + len(cue) : mark.outer_start].strip(" ,:\u00a0") == ""

    def _colon_before(self, mark: QuoteSpan) -> Span | None:
        """The tokens from the colon that opens the quote (blanks between aside) to the quote, or None."""
        end = mark.outer_start  # the text before the quote read backwards, not copied
        while end > 0 and self.text[end - 1].isspace():
            end -= 1
        if end == 0 or self.text[end - 1] != ":":
            return None
        return self.article.tokens_of(end - 1, mark.outer_start)

    def _cue_before_colon(self, mark: QuoteSpan) -> Attribution | None:
        """'the heckler yelled: "..."', 'Roe, exasperated, responded: "..."': a verb of saying
        right before the colon that opens the quote is its cue, whatever the parse hangs it on."""
        colon = self._colon_before(mark)
        if colon is None or colon.start == 0:
            return None
        verb = self.article.doc[colon.start - 1]
        if verb.pos_ != "VERB" or not self.article.is_cue(verb) or self.article.in_quote(verb.idx) or negated(verb):
            return None
        speaker = self.speakers.speaker_of(verb)
        return Attribution(verb, cue_text(verb), speaker, linked=True) if speaker is not None else None

    def _colon_label(self, mark: QuoteSpan) -> Attribution | None:
        """'Ryabkov: "..."', 'Round-up heading - Carl Bialik: "..."': a name labelling its line
        (after a dash) and a colon right before the quote: that name's words."""
        colon = self._colon_before(mark)
        label = (headline_speaker(self.article, colon[0]) or self.speakers.label_speaker(colon[0])) if colon is not None else None
        return Attribution(colon[0], ":", label) if label is not None else self.signed.labelled(mark)

    def _introduced_by_colon(self, mark: QuoteSpan) -> Attribution:
        """'Bolsonaro opposed Macron's statement: "..."': a clause ending in a colon
        introduces its subject's words even when its verb is not one of saying."""
        colon = self._colon_before(mark)
        if colon is None:
            return Attribution()
        labelled = self._colon_label(mark)
        if labelled is not None:
            return labelled
        if self.speakers.after_a_dash(colon[0]):
            return Attribution()  # "Polls were right - Label:": the heading's verb is not the cue
        verb = colon[0].head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head  # 'opposed Macron's statement:' hangs the colon on the object
        if self.article.in_quote(verb.idx) or verb.pos_ not in ("VERB", "AUX") or verb.i > colon[0].i:
            return self._clause_before_colon(colon[0])
        speaker = self.speakers.speaker_of(verb)
        return Attribution(verb, cue_text(verb), speaker) if speaker is not None else self._clause_before_colon(colon[0])

    def _clause_before_colon(self, colon: Token) -> Attribution:
        """'Article 9 affirms:', 'Transcript as follows:' then a quote the parser ran into the same
        sentence: the subject written before the colon speaks (:meth:`Speakers.before_colon`)."""
        speaker = self.speakers.before_colon(colon)
        return Attribution(colon, ":", speaker) if speaker is not None else Attribution()

    def _cue_by_parse(self, content: Span) -> Token | None:
        """The verb of saying the quote hangs under, or that hangs under the quote's head.

        Not a negated verb ("did not respond") and not one in another paragraph (the parser
        runs sentences over line breaks), unless that paragraph ends in a colon ("He said:")."""
        article = self.article
        own = article.paragraph_of(content[0].idx)

        def is_cue(token: Token) -> bool:
            beside = content.end <= token.i <= content.end + 3 or content.start - 3 <= token.i < content.start
            if not article.is_cue(token, manner=beside) or negated(token):
                return False
            paragraph = article.paragraph_of(token.idx)
            if paragraph == own or paragraph == article.paragraph_of(content[-1].idx):
                return True
            return paragraph < own and self.text[: content[0].idx].rstrip(" \n\"“'‘").endswith(":")
        roots = [token for token in content if not (content.start <= token.head.i < content.end) or token.head == token]
        for root in roots:  # up the tree first: 'reported that "X", and called ...' is 'reported'
            node, steps = root, 0
            while node.head != node and steps < 8:
                node, steps = node.head, steps + 1
                if content.start <= node.i < content.end:
                    continue
                if is_cue(node):
                    return node
                if node.dep_ in ("relcl",) and node.pos_ in ("VERB", "AUX"):
                    break  # a relative clause's verb: the quote is part of a description
        # then down: '"X," said Y' parsed with "said" under the quote's verb; the nearest such verb
        # ('Asked by Roe about it, he said, "..."': 'said', not the 'Asked' clause before it)
        below = [child for root in roots for child in root.children if not (content.start <= child.i < content.end)
                 and is_cue(child) and child.dep_ in ("parataxis", "ccomp", "advcl", "conj", "prep")]
        return min(below, key=lambda child: min(abs(child.i - content.start), abs(child.i - content.end)), default=None)

    def _cues_around(self, mark: QuoteSpan, content: Span) -> Iterable[Token]:
        """Verbs of saying in the quote's sentences, and in a neighbour that only attributes it."""
        article = self.article
        opening = article.tokens_of(mark.outer_start, mark.outer_start + 1).start if mark.opening else content.start
        first = article.sentence_index(opening)
        last = article.sentence_index(content[-1].i)
        after = article.tokens_of(mark.outer_end - 1, mark.outer_end) if mark.closing else None
        if after is not None:
            last = max(last, article.sentence_index(after.start))
        candidates = list(range(first, last + 1))
        if last + 1 < len(article.sents) and self._attributes_only(mark, article.sents[last + 1]):
            candidates.append(last + 1)  # '"X." he said.' split in two by the parser
        if first > 0:
            preceding = article.sents[first - 1]
            ending = preceding.text.rstrip()[-1:]
            # 'He said:' then the quote; or the parser cut a sentence at the quote mark
            # ('said he was "humbled" by the results and | "I and we will ...').
            if ending and ending not in ".!?\"”’'»" and self.text[preceding.end_char : mark.outer_start].strip() == "":
                candidates.append(first - 1)
        # A cue belongs to its paragraph: the parser sometimes runs a sentence over a line break.
        paragraphs = range(article.paragraph_of(mark.outer_start),
                           article.paragraph_of(max(mark.outer_start, mark.outer_end - 1)) + 1)
        for number in candidates:
            colon_sentence = number == first - 1 and article.sents[number].text.rstrip().endswith(":")
            for token in article.sents[number]:
                if article.is_cue(token) and (colon_sentence or article.paragraph_of(token.idx) in paragraphs):
                    yield token

    def _attributes_only(self, mark: QuoteSpan, following: Span) -> bool:
        """Is the sentence right after the quote its attribution ('he said.', 'said the minister')?"""
        article = self.article
        gap = self.text[mark.outer_end : following.start_char]
        attributes_only = any(
            article.is_cue(token) and not any(child.dep_ == "ccomp" for child in token.children) for token in following
        )
        if self.text[mark.start : mark.end].rstrip().endswith(".") and not following.text[:1].islower() \
                and says_its_own(following, article):
            return False  # '"... state." She noted a rally in ...': a new sentence saying something else
        return gap.strip() == "" and article.paragraph_of(following.start_char) == article.paragraph_of(
            mark.outer_end - 1) and (following.text[:1].islower() or len(following) <= 8 or attributes_only)

    def _introduced_before(self, mark: QuoteSpan, content: Span) -> Attribution | None:
        """'He revealed that a reboot is considered. "Jerry and I are talking to NBC."': a quoted
        sentence with no cue of its own, right after a sentence of the same paragraph in which
        someone says something, is theirs."""
        article = self.article
        number = article.sentence_index(content.start)
        sentence = article.sents[number]
        if number == 0 or self.text[sentence.start_char : mark.outer_start].strip():
            return None  # the quote must open its sentence
        before = article.sents[number - 1]
        if article.paragraph_of(before.start_char) != article.paragraph_of(mark.outer_start):
            return None
        if any(article.in_quote(token.idx) for token in before if not token.is_space):
            return None  # the sentence before holds a quote of its own: handled by continuation
        cues = [token for token in before if article.is_cue(token) and token.lemma_ in INDIRECT_VERBS]
        for cue in reversed(cues):
            speaker = self.speakers.speaker_of(cue)
            if speaker is not None:
                return Attribution(cue, cue_text(cue), speaker)
        return None


def _inverted_subject(verb: Token) -> Token | None:
    """'"...," opined the Harbor Gazette.', '"...," exhorted the mayor's aide, Ana Cole.': a verb in
    the past or the present right after the comma and closing mark, whose only words after it
    are one object up to the sentence's end, a comma or a semicolon, is said by that object
    (the parser takes the inverted subject for an object); else None."""
    after = [child for child in verb.children if child.i > verb.i and child.dep_ not in ("punct",)]
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ") or not after or after[0].dep_ != "dobj" or after[0].pos_ not in ("NOUN", "PROPN"):
        return None
    edge = after[0].right_edge  # the object's last word, or the comma the parser hangs on it
    following = edge if edge.is_punct else verb.doc[edge.i + 1] if edge.i + 1 < len(verb.doc) else None
    return after[0] if following is None or following.text in (".", ",", ";") else None
