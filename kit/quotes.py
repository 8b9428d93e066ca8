"""Quotes: who is quoted saying what — content, kind, speaker, cue, and the speaker's actor.

One pass over a parsed Doc (no second spaCy call) turns it into rows of the
``quotes`` table (see DESIGN):

- **direct**: a sentence or clause in quote marks (``"X," the embassy said``);
- **partial**: a few quoted words inside the reporter's own sentence, where the unquoted
  part adds only the subject and verb (``denied a Russian military "presence"``, ``Moscow
  said the experts would stay "for as long as needed."``); the row is the quoted words;
- **mixed**: a reported clause that holds a quoted part and makes a claim of its own; the
  row is the whole clause, inner marks included (``The army said the plane was bringing
  meat from Bishkek "to help the country's economy."``); also a quote that opens inside
  the reporter's sentence and runs on as whole sentences (``He said the plan was "a
  disaster. We will fight it."``);
- **indirect**: reported speech without marks (``The Wall Street Journal said Russia
  has cut its staff ...``, ``..., the newspaper said``, ``according to police``).

One speech event gives one row. These follow the annotation guidelines of the dev set
(data/annotations/README.md).

Quote marks are found on the raw text by :mod:`kit.quotemarks`; the cue (a verb
of saying from :data:`SPEECH_VERBS`, matched on lemmas, or ``according to``) and
the speaker come from the dependency parse: the quote's way up the tree to a
verb of saying, that verb's subject, a relative ``who`` replaced by its antecedent,
a subjectless ``saying`` given the subject of the verb before it. The speaker's
actor is read from the mention rows of :func:`kit.actors.find_mentions` (the
mention that holds the speaker's head word). A he/she speaker goes to the person
:func:`kit.actors.person_antecedent` finds (the rule the mentions use too: the
nearest earlier subject naming a person, else the article's topic person); they/it
to the nearest preceding group, organization or country. A quote
whose speaker cannot be found keeps an empty speaker: nothing is guessed.

>>> rows = find_quotes(load_model()('"We will win," the minister said.'), [])
>>> [(r["text"], r["kind"], r["speaker"], r["cue"]) for r in rows]
[('We will win,', 'direct', 'the minister', 'said')]
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from typing import Iterable

import pandas as pd
from spacy.tokens import Doc, Span, Token

from kit.nlp import load_model
from kit.quotemarks import QuoteSpan, find_quote_spans
from kit.tables import conform

#: Lemmas of verbs that introduce a quote ("'X,' she said", "he called it 'a farce'").
SPEECH_VERBS = frozenset(
    """
    say tell add warn deny tweet retweet post write claim insist state announce declare explain
    note argue assert admit acknowledge confirm report reply respond answer ask suggest stress
    emphasise emphasize allege accuse complain concede contend maintain predict promise recall
    reveal remark comment describe call read testify urge vow threaten indicate observe mention
    estimate conclude disclose caution agree continue quip joke shout yell scream exclaim whisper
    plead boast lament concur retort counter criticise criticize blast slam label dub brand term
    confess blame question wonder tout charge demand affirm inform assure advise recount echo
    reiterate repeat underline highlight specify clarify elaborate speculate brief speak
    rule find conclude proclaim pledge recommend hint acknowledge muse sing chant talk express decide find
    determine propose stipulate
    """.split()
)

#: Lemmas of verbs whose clausal complement is reported speech ("X said Y has cut ...").
#: Narrower than :data:`SPEECH_VERBS`: "call", "describe", "ask" do not report a claim.
INDIRECT_VERBS = frozenset(
    """
    say tell add warn deny tweet post write claim insist state announce declare explain note
    argue assert admit acknowledge confirm report reply respond suggest stress emphasise emphasize
    allege complain concede contend maintain predict promise reveal remark comment testify vow
    threaten indicate observe mention estimate conclude disclose caution agree confess affirm
    inform assure advise reiterate repeat specify clarify speculate recall hint rule proclaim express
    find determine propose stipulate
    pledge signal tell
    """.split()
)

#: Nouns of documents that "say" things for whoever issued them.
DOCUMENT_NOUNS = frozenset(
    "statement report letter post tweet message release filing document study ruling notice "
    "communique communiqué memo email e-mail press-release announcement survey poll".split()
)

#: Nouns that speak for their owner: "his government" is the man's, "its administration" the country's.
GOVERNING_NOUNS = frozenset("government administration regime cabinet campaign office".split())

#: Things that carry words but are nobody's voice.
SIGN_NOUNS = frozenset("placard sign banner poster t-shirt shirt slogan graffiti billboard caption".split())

#: Words that make a reported clause a question, not a claim ("did not say whether ...").
_QUESTION_WORDS = frozenset("whether if how why when what who whom whose where which".split())
_RELATIVE_PRONOUNS = frozenset("who that which whom".split())
_PERSON_PRONOUNS = frozenset("he she him her".split())
_GROUP_PRONOUNS = frozenset("they them it we".split())
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
#: Dependents that are not part of a speaker's noun phrase ("Hugh Hill, a doctor, said").
_NOT_IN_SPEAKER = frozenset("relcl acl appos punct cc conj advcl parataxis prep_by".split())
#: How many sentences back a pronoun may look for its actor.
PRONOUN_WINDOW_SENTENCES = 4


@dataclasses.dataclass
class _Attribution:
    cue: Token | None = None
    cue_text: str | None = None
    speaker: Token | None = None
    linked: bool = False  # found by the parse (the quote hangs under the cue), not by proximity


def find_quotes(doc: Doc, mentions: list[dict]) -> list[dict]:
    """Rows of the quotes table for one parsed article (no ``article_id``).

    ``mentions`` are the rows :func:`kit.actors.find_mentions` gave for the same Doc;
    they resolve speakers to ``actor_id`` (an empty list leaves every ``actor_id`` empty).

    >>> doc = load_model()('The Wall Street Journal said Russia has cut its staff.')
    >>> [(r["text"], r["kind"], r["speaker"]) for r in find_quotes(doc, [])]
    [('Russia has cut its staff', 'indirect', 'The Wall Street Journal')]
    """
    if not doc.text.strip():
        return []
    article = _Article(doc, mentions)
    rows = article.quoted_rows()
    reported, absorbed = article.indirect_rows(rows)
    rows = [row for row in rows if (row["start"], row["end"]) not in absorbed] + reported
    rows.sort(key=lambda row: (row["start"], row["end"]))
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


# ---------------------------------------------------------------------------------------
# Helpers for the notebooks: the tables alone, never Docs

KINDS = ("direct", "partial", "mixed", "indirect")
NO_SPEAKER = "(no speaker)"
UNRESOLVED = "(speaker not resolved)"


def quoted_actors(analysis, by: str = "actor") -> pd.DataFrame:
    """Who is quoted how often: one row per actor (or actor kind, or country), with the
    number of quotes of each kind and of articles, most quoted first.

    ``by="actor"`` lists resolved speakers only; ``by="kind"`` and ``by="country"`` also
    count quotes whose speaker was not resolved to an actor, and quotes with no speaker.
    Accepts a :class:`kit.Analysis` or a dict of its tables.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> top = quoted_actors(result)
    >>> [int(n) for n in top.set_index("name").loc["Sergei Ryabkov", ["n_quotes", "partial", "indirect"]]]
    [3, 2, 1]
    """
    if by not in ("actor", "kind", "country"):
        raise ValueError(f"quoted_actors(by={by!r}): use by='actor', by='kind' or by='country'")
    quotes, actors = _table(analysis, "quotes"), _table(analysis, "actors")
    frame = quotes.merge(actors[["actor_id", "name", "kind", "country"]].rename(columns={"kind": "actor_kind"}),
                         on="actor_id", how="left")
    resolved = frame["name"].notna()
    if by == "actor":
        frame = frame[resolved]
        keys = ["actor_id", "name", "actor_kind", "country"]
    else:
        column = "actor_kind" if by == "kind" else "country"
        label = frame[column].astype("object")
        label = label.where(resolved, UNRESOLVED).where(frame["speaker"].notna(), NO_SPEAKER)
        if by == "country":
            label = label.where(label.notna(), "(no country)")
        frame = frame.assign(**{column: label})
        keys = [column]
    frame = frame.assign(**{kind: (frame["kind"] == kind).astype("int64") for kind in KINDS})
    out = (
        frame.groupby(keys, dropna=False)
        .agg(n_quotes=("kind", "size"), **{kind: (kind, "sum") for kind in KINDS}, n_articles=("article_id", "nunique"))
        .reset_index()
        .rename(columns={"actor_kind": "kind"})
    )
    name_column = "name" if by == "actor" else out.columns[0]
    return out.sort_values(["n_quotes", name_column], ascending=[False, True]).reset_index(drop=True)


def anonymous_share(analysis) -> float:
    """The share of attributed quotes whose speaker is an anonymous source ("a senior US
    official", "sources"), among quotes with a speaker; 0.0 when there are none.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> round(anonymous_share(result), 2)
    0.07
    """
    quotes, actors = _table(analysis, "quotes"), _table(analysis, "actors")
    with_speaker = quotes[quotes["speaker"].notna()]
    if not len(with_speaker):
        return 0.0
    kinds = with_speaker["actor_id"].map(dict(zip(actors["actor_id"], actors["kind"])))
    return float((kinds == "anonymous").sum() / len(with_speaker))


def quotes_per_article(analysis) -> pd.DataFrame:
    """Per article: how many quotes of each kind, how many distinct speakers, and how many
    quotes have no resolved speaker. Articles without quotes are listed with zeros.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> quotes_per_article(result)[["n_quotes", "direct", "indirect"]].values.tolist()
    [[15, 2, 7]]
    """
    quotes, articles = _table(analysis, "quotes"), _table(analysis, "articles")
    counts = pd.crosstab(quotes["article_id"], quotes["kind"]) if len(quotes) else pd.DataFrame()
    out = articles[["article_id"] + [c for c in ("headline", "published") if c in articles.columns]].copy()
    for kind in KINDS:
        out[kind] = out["article_id"].map(counts[kind] if kind in counts.columns else {}).fillna(0).astype("int64")
    out.insert(out.columns.get_loc("direct"), "n_quotes", out[list(KINDS)].sum(axis=1))
    grouped = quotes.groupby("article_id")
    out["n_speakers"] = out["article_id"].map(grouped["actor_id"].nunique() if len(quotes) else {}).fillna(0).astype("int64")
    unresolved = quotes[quotes["actor_id"].isna()].groupby("article_id").size() if len(quotes) else {}
    out["unresolved"] = out["article_id"].map(unresolved).fillna(0).astype("int64")
    return out.reset_index(drop=True)


def _table(analysis, name: str) -> pd.DataFrame:
    table = analysis[name] if isinstance(analysis, dict) else getattr(analysis, name)
    return table if len(table.columns) else conform(table, name)


# ---------------------------------------------------------------------------------------
# One article


class _Article:
    """The parsed article with the look-ups every quote needs, built once."""

    def __init__(self, doc: Doc, mentions: list[dict]):
        self.doc = doc
        self.text = doc.text
        self.sents = list(doc.sents)
        self.sent_starts = [sent.start for sent in self.sents]
        self.marks = find_quote_spans(doc.text)
        # Characters inside quote marks (the marks included): verbs there are the speaker's words.
        self.quoted_chars = sorted((span.outer_start, span.outer_end) for span in self.marks)
        self._quoted_starts = [start for start, _ in self.quoted_chars]
        self.mentions = sorted(
            (m for m in mentions if m.get("start") is not None and m.get("end") is not None),
            key=lambda m: (m["start"], -m["end"]),
        )
        self._mention_starts = [m["start"] for m in self.mentions]
        self.entity_of = {token.i: ent for ent in doc.ents for token in ent}
        self.paragraph_starts = [match.start() for match in re.finditer(r"[^\n]+", doc.text)] or [0]
        self._genders: dict[str, str] | None = None  # who is he or she, from honorifics (once)

    # -- positions ----------------------------------------------------------------------

    def sentence_index(self, token_index: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, token_index) - 1)

    def in_quote(self, char: int) -> bool:
        position = bisect.bisect_right(self._quoted_starts, char) - 1
        return position >= 0 and self.quoted_chars[position][0] <= char < self.quoted_chars[position][1]

    def tokens_of(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def paragraph_of(self, char: int) -> int:
        """Number of the paragraph (a line of text) holding ``char``."""
        return max(0, bisect.bisect_right(self.paragraph_starts, char) - 1)

    # -- quotes in marks -----------------------------------------------------------------

    def quoted_rows(self) -> list[dict]:
        rows: list[dict] = []
        found: list[tuple[QuoteSpan, Span, _Attribution, str] | None] = []
        for mark in self.marks:
            start, end = _strip(self.text, mark.start, mark.end)
            content = self.tokens_of(start, end) if end > start else None
            if content is None or not any(token.is_alpha or token.is_digit for token in content):
                found.append(None)
                continue
            kind = self.kind_of(content, mark)
            attribution = self.attribute(mark, content, kind)
            found.append((mark, content, attribution, kind))
        self._share_along_chains(found)
        previous: tuple[QuoteSpan, _Attribution, str] | None = None
        for item in found:
            if item is None:
                continue
            mark, content, attribution, kind = item
            if attribution.speaker is None and kind == "direct" and previous is not None:
                attribution = self._continued_from(mark, content, previous) or attribution
            if attribution.speaker is None and kind == "direct":
                attribution = self._introduced_before(mark, content) or attribution
            if attribution.speaker is None and (attribution.cue is None or _is_a_name(content)):
                continue  # nobody is said to say it: a slogan, a sign, a title, scare quotes
            if kind != "direct" and self.text[: mark.outer_start].rstrip().endswith("("):
                continue  # a gloss or translation in brackets: 'anti-Brexit ("British exit")'

            start, end = _strip(self.text, mark.start, mark.end)
            rows.append(self.row(start, end, kind, attribution, content[0].i))
            if kind == "direct" and attribution.speaker is not None:
                previous = (mark, attribution, kind)
        return rows

    def kind_of(self, content: Span, mark: QuoteSpan) -> str:
        """direct, partial or mixed, from what the quoted words hold."""
        first_sentence = self.sentence_index(content[0].i)
        last_sentence = self.sentence_index(content[-1].i)
        inside = lambda token: content.start <= token.i < content.end  # noqa: E731
        first_part = [token for token in content if self.sentence_index(token.i) == first_sentence]
        # A clause of the speaker's own where the quote opens: a subject inside the quote whose
        # verb heads the quoted words (not a relative clause inside a quoted noun phrase).
        has_clause = any(
            token.dep_ in _SUBJECTS + ("expl",) and inside(token.head)
            and (not inside(token.head.head) or token.head.head == token.head)
            and token.lower_ not in _RELATIVE_PRONOUNS
            for token in first_part
        )
        sentence = self.sents[first_sentence]
        opens_sentence = self.text[sentence.start_char : mark.outer_start].strip() == "" or self.text[
            sentence.start_char : mark.outer_start
        ].rstrip().endswith(":")
        # '"Overall," he continued, "the presence of water ..."': a quote opening its sentence
        # and broken by the cue is the speaker's sentence, verb or not.
        broken = self.text[mark.start : mark.end].rstrip().endswith(",")
        if has_clause or (opens_sentence and (broken or any(token.pos_ in ("VERB", "AUX") for token in content))):
            return "direct"
        if last_sentence > first_sentence:
            return "mixed"
        return "partial"

    def attribute(self, mark: QuoteSpan, content: Span, kind: str) -> _Attribution:
        """The cue and speaker of one quote: by the parse first, else the nearest cue around it."""
        linked = self._cue_by_parse(content)
        if kind != "direct":
            # Quoted words inside the reporter's sentence belong to the verb they hang under,
            # not to whichever verb of saying is near ("nicknamed the "Kim Kardashian of
            # Pakistan," had 750,000 followers and wrote about feminism").
            if linked is None:
                # "... at "very low height" according to The Aviation Herald": according to
                # attributes its whole sentence.
                linked = next((token for token in self.sents[self.sentence_index(content.start)]
                               if token.lower_ == "according" and self.is_cue(token)), None)
            if linked is None or _is_a_name(content):
                return _Attribution()  # "Hurricane Hunters", "Super Tuesday": names, not words said
            return _Attribution(linked, _cue_text(linked), self.speaker_of(linked), linked=True)
        if linked is not None:
            speaker = self.speaker_of(linked)
            if speaker is not None or linked.lower_ == "according":
                return _Attribution(linked, _cue_text(linked), speaker, linked=True)
        best = None
        for verb in self._cues_around(mark, content):
            speaker = self.speaker_of(verb)
            if speaker is None or (mark.outer_start <= speaker.idx < mark.outer_end):
                continue
            distance = min(abs(verb.i - content.start), abs(verb.i - content.end))
            # A verb whose own reported clause lies outside this quote is someone else's cue.
            owns_other = any(child.dep_ == "ccomp" and not self.in_quote(child.idx) for child in verb.children)
            key = (owns_other, distance)
            if best is None or key < best[0]:
                best = (key, verb, speaker)
        if best is not None:
            return _Attribution(best[1], _cue_text(best[1]), best[2])
        if linked is not None:
            return _Attribution(linked, _cue_text(linked), None, linked=True)
        return self._introduced_by_colon(mark, content)

    def _introduced_by_colon(self, mark: QuoteSpan, content: Span) -> _Attribution:
        """'Bolsonaro opposed Macron's statement: "..."': a clause ending in a colon
        introduces its subject's words even when its verb is not one of saying."""
        if not self.text[: mark.outer_start].rstrip().endswith(":"):
            return _Attribution()
        colon = self.tokens_of(self.text[: mark.outer_start].rstrip().__len__() - 1, mark.outer_start)
        if colon is None:
            return _Attribution()
        verb = colon[0].head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head  # 'opposed Macron's statement:' hangs the colon on the object
        if self.in_quote(verb.idx) or verb.pos_ not in ("VERB", "AUX") or verb.i > colon[0].i:
            return _Attribution()
        speaker = self.speaker_of(verb)
        return _Attribution(verb, _cue_text(verb), speaker) if speaker is not None else _Attribution()

    def _cue_by_parse(self, content: Span) -> Token | None:
        """The verb of saying the quote hangs under, or that hangs under the quote's head."""
        roots = [token for token in content if not (content.start <= token.head.i < content.end) or token.head == token]
        for root in roots:  # up the tree first: 'reported that "X", and called ...' is 'reported'
            node, steps = root, 0
            while node.head != node and steps < 8:
                node, steps = node.head, steps + 1
                if content.start <= node.i < content.end:
                    continue
                if self.is_cue(node):
                    return node
                if node.dep_ in ("relcl",) and node.pos_ in ("VERB", "AUX"):
                    break  # a relative clause's verb: the quote is part of a description
        for root in roots:  # then down: '"X," said Y' parsed with "said" under the quote's verb
            for child in root.children:
                if not (content.start <= child.i < content.end) and self.is_cue(child) and child.dep_ in (
                    "parataxis", "ccomp", "advcl", "conj", "prep"):
                    return child
        return None

    def is_cue(self, token: Token) -> bool:
        if self.in_quote(token.idx):
            return False
        if token.lower_ == "according" and any(child.lower_ == "to" for child in token.children):
            return True
        return token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS

    def _cues_around(self, mark: QuoteSpan, content: Span) -> Iterable[Token]:
        """Verbs of saying in the quote's sentences, and in a neighbour that only attributes it."""
        first = self.sentence_index(self.tokens_of(mark.outer_start, mark.outer_start + 1).start if mark.opening else content.start)
        last = self.sentence_index(content[-1].i)
        after = self.tokens_of(mark.outer_end - 1, mark.outer_end) if mark.closing else None
        if after is not None:
            last = max(last, self.sentence_index(after.start))
        candidates = list(range(first, last + 1))
        # '"X." he said.' split in two by the parser; 'He said:' then the quote.
        if last + 1 < len(self.sents):
            following = self.sents[last + 1]
            gap = self.text[mark.outer_end : following.start_char]
            attributes_only = any(
                self.is_cue(token) and not any(child.dep_ == "ccomp" for child in token.children) for token in following
            )
            if gap.strip() == "" and self.paragraph_of(following.start_char) == self.paragraph_of(mark.outer_end - 1) and (
                following.text[:1].islower() or len(following) <= 8 or attributes_only
            ):
                candidates.append(last + 1)
        if first > 0:
            preceding = self.sents[first - 1]
            ending = preceding.text.rstrip()[-1:]
            # 'He said:' then the quote; or the parser cut a sentence at the quote mark
            # ('said he was "humbled" by the results and | "I and we will ...').
            if ending and ending not in ".!?\"”’'»" and self.text[preceding.end_char : mark.outer_start].strip() == "":
                candidates.append(first - 1)
        # A cue belongs to its paragraph: the parser sometimes runs a sentence over a line break.
        paragraphs = range(self.paragraph_of(mark.outer_start), self.paragraph_of(max(mark.outer_start, mark.outer_end - 1)) + 1)
        for number in candidates:
            colon_sentence = number == first - 1 and self.sents[number].text.rstrip().endswith(":")
            for token in self.sents[number]:
                if self.is_cue(token) and (colon_sentence or self.paragraph_of(token.idx) in paragraphs):
                    yield token

    def _share_along_chains(self, found: list) -> None:
        """Pieces of one quote over several paragraphs share the speaker found for any of them."""
        chains: dict[int, list[int]] = {}
        for index, item in enumerate(found):
            if item is None:
                continue
            root = index
            while found[root] is not None and found[root][0].continues is not None:
                parent = found[root][0].continues
                if parent is None or parent >= len(found) or found[parent] is None or parent == root:
                    break
                root = parent
            chains.setdefault(root, []).append(index)
        for members in chains.values():
            if len(members) < 2:
                continue
            source = next((found[i][2] for i in members if found[i][2].speaker is not None), None)
            if source is None:
                continue
            for i in members:
                mark, content, attribution, kind = found[i]
                if attribution.speaker is None:
                    found[i] = (mark, content, dataclasses.replace(source, linked=False), kind)

    def _introduced_before(self, mark: QuoteSpan, content: Span) -> _Attribution | None:
        """'He revealed that a reboot is considered. "Jerry and I are talking to NBC."': a quoted
        sentence with no cue of its own, right after a sentence of the same paragraph in which
        someone says something, is theirs."""
        number = self.sentence_index(content.start)
        sentence = self.sents[number]
        if number == 0 or self.text[sentence.start_char : mark.outer_start].strip():
            return None  # the quote must open its sentence
        before = self.sents[number - 1]
        if self.paragraph_of(before.start_char) != self.paragraph_of(mark.outer_start):
            return None
        if any(self.in_quote(token.idx) for token in before if not token.is_space):
            return None  # the sentence before holds a quote of its own: handled by continuation
        cues = [token for token in before if self.is_cue(token) and token.lemma_ in INDIRECT_VERBS]
        for cue in reversed(cues):
            speaker = self.speaker_of(cue)
            if speaker is not None:
                return _Attribution(cue, _cue_text(cue), speaker)
        return None

    def _continued_from(self, mark: QuoteSpan, content: Span, previous) -> _Attribution | None:
        """'"X," he said. "Y."': a quoted sentence with no cue of its own goes on the last
        speaker's quote when nothing but quotes lies between them (same or next paragraph)."""
        before_mark, attribution, _ = previous
        gap = self.text[before_mark.outer_end : mark.outer_start]
        if self.paragraph_of(mark.outer_start) - self.paragraph_of(before_mark.outer_end) > 1:
            return None
        if len(gap) > 300:
            return None
        # Between the two quotes: only the attribution of the first one ("he said."), no new actor.
        gap_tokens = self.tokens_of(before_mark.outer_end, mark.outer_start)
        attributing = set()  # "said Devin Oldman, who helped manage ...": the first quote's own attribution
        for token in (attribution.cue, attribution.speaker):
            if token is not None:
                attributing.update(t.i for t in token.subtree)
        if gap_tokens is not None:
            for token in gap_tokens:
                if token.i in attributing:
                    continue
                if token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or token.pos_ in ("VERB",) and token.lemma_ not in SPEECH_VERBS:
                    return None
        return dataclasses.replace(attribution, linked=False)

    # -- reported speech ------------------------------------------------------------------

    def indirect_rows(self, quoted: list[dict]) -> tuple[list[dict], set[tuple[int, int]]]:
        """Reported speech: indirect rows, and mixed rows for reported clauses that hold quoted
        words and make a claim of their own. Returns the rows and the spans of the partial
        quotes a mixed row takes in (one speech event gives one quote)."""
        rows, absorbed = [], set()
        for token in self.doc:
            if token.lower_ == "according":
                found = self._according_to(token)
            elif token.pos_ == "VERB" and token.lemma_.lower() in INDIRECT_VERBS and not self.in_quote(token.idx):
                if _passive_without_agent(token) or _negated(token):
                    continue  # "deaths were reported", "not everyone agreed": nobody is said to say it
                found = self._reported_clause(token)
            else:
                continue
            if found is None:
                continue
            start, end = found
            kind = "indirect"
            inner = [row for row in quoted if start - 1 <= row["start"] and row["end"] <= end + 1]
            if any(self.in_quote(char) for char in (start, end - 1)) or any(
                start <= mark.outer_start < end for mark in self.marks
            ):
                end = self._through_closing_mark(start, end)
                if end is None or any(row["kind"] == "direct" for row in inner) or not self._makes_own_claim(start, end):
                    continue  # the quoted words are the quote (partial or direct)
                kind = "mixed"
            elif any(start < row["end"] and row["start"] < end for row in quoted):
                continue
            speaker = self.speaker_of(token)
            if speaker is None:
                continue
            attribution = _Attribution(token, _cue_text(token), speaker, linked=True)
            rows.append(self.row(start, end, kind, attribution, self.tokens_of(start, end).start))
            if kind == "mixed":
                absorbed.update((row["start"], row["end"]) for row in inner)
        return rows, absorbed

    def _through_closing_mark(self, start: int, end: int) -> int | None:
        """The end of a reported clause, moved past the closing mark of a quote that opens
        inside it ('... Kyrgyzstan "to help the country's economy."'); None if the quote runs
        on past its sentence (then it is the speaker's own words, not part of the clause)."""
        for mark in self.marks:
            if start <= mark.outer_start < end < mark.outer_end:
                if self.text[end : mark.end].strip(" .,;:!?") or not mark.closing:
                    return None
                end = mark.outer_end
        return end

    def _makes_own_claim(self, start: int, end: int) -> bool:
        """Does the reported clause say more than its subject and verb outside the quote?
        "the experts would stay "for as long as needed."" does not (a partial quote);
        "the plane was bringing meat from Bishkek "to help ..."" does (a mixed quote)."""
        tokens = self.tokens_of(start, end)
        if tokens is None:
            return False
        roots = [t for t in tokens if not (tokens.start <= t.head.i < tokens.end) or t.head == t]
        frame = set()
        for root in roots:
            frame.add(root.i)
            for child in root.children:
                if child.dep_ in _SUBJECTS + ("expl", "aux", "auxpass", "neg", "mark", "advmod"):
                    frame.update(t.i for t in child.subtree)
        claim = [t for t in tokens if t.i not in frame and not t.is_punct and not self.in_quote(t.idx)]
        return len(claim) >= 4

    def _reported_clause(self, verb: Token) -> tuple[int, int] | None:
        """Character span of what ``verb`` reports: its clausal complement, or the clause it
        follows ("Russia rotated ..., its embassy said")."""
        for child in verb.children:
            if child.i > verb.i and (child.dep_ == "ccomp" or _misparsed_complement(verb, child)):
                tokens = [t for t in child.subtree]
                if tokens and tokens[0].dep_ == "mark" and tokens[0].lower_ == "that":
                    tokens = tokens[1:]
                if not tokens or tokens[0].lower_ in _QUESTION_WORDS:
                    return None
                if tokens[0].dep_ == "mark" and tokens[0].head == child:
                    return None  # "so he could fund ...", "because ...": not what was said
                if not _is_finite(child) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children
                                                     if c.tag_ not in ("PRP",) or c.lower_ in ("i", "he", "she", "we", "they")):
                    return None  # "found him to be positive": a small clause, not a report
                # "confirmed they seized the substance, stating "..."", "said people changed their
                # minds and several said ...": a quote or another speaker's words hung on the end of
                # the reported clause are reported on their own; the clause stops before them.
                cut = [
                    t.left_edge.i for t in child.children
                    if t.i > child.i and t.dep_ in ("advcl", "conj", "parataxis", "ccomp", "npadvmod")
                    and self.is_cue(t)
                ]
                if cut:
                    tokens = [t for t in tokens if t.i < min(cut)]
                # "claiming Maduro's re-election last year was illegitimate": the parser often hangs
                # the clause's subject on the verb as an object; take it back when it touches the clause.
                objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubj") and verb.i < c.i < child.i]
                if verb.lemma_ not in ("tell", "inform", "assure", "advise", "warn", "brief"):
                    for obj in sorted(objects, key=lambda c: -c.i):
                        subtree = list(obj.subtree)
                        if subtree[-1].i + 1 == tokens[0].i and subtree[0].i > verb.i:
                            tokens = subtree + tokens
                return self._clause_span(tokens)
            if child.dep_ == "ccomp" and child.i < verb.i and verb.dep_ == "ROOT":
                # "The pullout was due to ..., the newspaper said."
                return self._clause_span(list(child.subtree))
        if verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
            # "Russia rotated ... on Wednesday, its embassy in Caracas said, as ..."
            head = verb.head
            first = head.left_edge.i
            last = min(t.i for t in verb.subtree if not t.is_punct) - 1
            if last < 0 or self.doc[last].text not in (",", "—", "–", "--"):
                return None  # only the written pattern "<clause>, <speaker> said"
            tokens = [t for t in self.doc[first : last + 1]]
            if tokens and self.sentence_index(tokens[0].i) == self.sentence_index(verb.i):
                return self._clause_span(tokens)
        return None

    def _according_to(self, according: Token) -> tuple[int, int] | None:
        """'According to police, the man was armed' / 'The man was armed, according to police.'"""
        if self.in_quote(according.idx) or not any(child.lower_ == "to" for child in according.children):
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
            return self._clause_span(before + [t for t in self.doc[before[-1].i + 1 : after[0].i]] + after)
        tokens = after if len(after) >= len(before) else before
        return self._clause_span(tokens)

    def _clause_span(self, tokens: list[Token]) -> tuple[int, int] | None:
        while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].dep_ == "cc"):
            tokens = tokens[1:]
        while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
            tokens = tokens[:-1]
        if len(tokens) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in tokens):
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        return start, end

    # -- speakers -------------------------------------------------------------------------

    def speaker_of(self, cue: Token, depth: int = 0) -> Token | None:
        """The head word of who says ``cue``: its subject, a relative's antecedent, the
        subject of the verb a subjectless 'saying' follows, the object of 'according to'.

        Never a word inside quote marks: that is what is said, not who says it."""
        speaker = self._speaker_of(cue, depth)
        if speaker is not None and self.in_quote(speaker.idx):
            speaker = self._subject_before(cue) if cue.dep_ != "ROOT" else None
        return speaker

    def _speaker_of(self, cue: Token, depth: int = 0) -> Token | None:
        if depth > 3:
            return None
        if cue.lower_ == "according":
            for to in cue.children:
                if to.lower_ == "to":
                    objects = [c for c in to.children if c.dep_ == "pobj"]
                    return self._named(self._issuer(objects[0])) if objects else None
            return None
        subjects = [child for child in cue.children if child.dep_ in ("nsubj", "csubj")]
        if subjects:
            # "Party leader and Prime Minister Boris Johnson said": the parser may give two
            # subjects; the person, else the one next to the verb, speaks.
            people = [s for s in subjects if s.ent_type_ == "PERSON"]
            subject = self._antecedent(people[0] if people else subjects[-1], cue)
            return self._named(subject) if subject is not None else None
        for child in cue.children:
            if child.dep_ == "agent":  # "was told by X"
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return self._named(objects[0])
        if cue.dep_ == "pcomp" and cue.head.lower_ == "as" and cue.head.head.lemma_ in ("quote", "cite", "report"):
            # "X was quoted as saying", "It cited the Air Force as stating": X / the Air Force.
            reporter = cue.head.head
            for child in reporter.children:
                if child.dep_ in ("nsubjpass", "dobj"):
                    return self._named(child)
        inverted = self._inverted_subject(cue)
        if inverted is not None:
            return self._named(inverted)
        before = cue.doc[cue.i - 1] if cue.i else None
        if (before is not None and cue.dep_ in ("ROOT", "ccomp", "parataxis") and before.ent_type_ in ("PERSON", "ORG")
                and not self.in_quote(before.idx)):
            # '"...", Caloundra coach Geoff Ingram said.' parsed with "coach" as a verb: the
            # name right before a subjectless verb of saying is its subject.
            return before
        if cue.dep_ in ("conj", "xcomp") and cue.head.pos_ in ("VERB", "AUX"):
            speaker = self.speaker_of(cue.head, depth + 1)
            if speaker is not None:
                return speaker
        if cue.dep_ == "acl" and cue.head.pos_ in ("NOUN", "PROPN"):
            # "a statement saying ...": the document speaks (for its issuer); "with local media
            # reporting ...": the noun speaks; "placards saying ...": signs are not speakers.
            if cue.head.lemma_ in SIGN_NOUNS:
                return None
            return self._named(self._issuer(cue.head))
        if cue.dep_ in ("advcl", "acl", "conj", "xcomp", "pcomp", "ccomp", "ROOT"):
            # "..., saying ...", "wept ... and said ...": the subject of the nearest finite
            # verb before it in its sentence (the parser often hangs these on the wrong verb).
            speaker = self._subject_before(cue)
            if speaker is not None:
                return self._named(speaker)
            if cue.tag_ == "VBG" and cue.head != cue and cue.head.pos_ in ("VERB", "AUX"):
                return self.speaker_of(cue.head, depth + 1)
        return None

    def _subject_before(self, cue: Token) -> Token | None:
        sentence = self.sents[self.sentence_index(cue.i)]
        for token in reversed(self.doc[sentence.start : cue.i]):
            if self.in_quote(token.idx) or not _is_finite(token):
                continue
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            if subjects:
                return self._antecedent(subjects[0], token)
        return None

    def _inverted_subject(self, cue: Token) -> Token | None:
        """'"X," said the minister' / '"X," read the statement': a subject after its verb,
        which the parser often takes for an object. Only right after a quote."""
        before = cue.doc[cue.i - 1] if cue.i else None
        while before is not None and before.is_punct and not before.is_quote and before.i > 0:
            before = cue.doc[before.i - 1]
        if before is None or not (before.is_quote or self.in_quote(before.idx)):
            return None
        for child in cue.children:
            if child.dep_ in ("dobj", "attr", "nsubjpass", "npadvmod") and child.i > cue.i and child.pos_ in ("NOUN", "PROPN"):
                return child
        return None

    def _named(self, head: Token) -> Token:
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
        mention = self.mention_at(token)
        return mention is not None and mention.get("kind") == "person" and mention.get("how") != "pronoun"

    def _antecedent(self, subject: Token, verb: Token) -> Token | None:
        if subject.lower_ in _RELATIVE_PRONOUNS:
            if verb.dep_ == "relcl" and (subject.lower_ in ("who", "that") or verb.head.lemma_.lower() in DOCUMENT_NOUNS):
                return self._issuer(verb.head)  # "a statement which said ..."
            return None
        return self._issuer(subject)

    def _issuer(self, noun: Token) -> Token:
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
        return subjects[0] if subjects and subjects[0].lower_ not in _RELATIVE_PRONOUNS else noun

    def speaker_span(self, head: Token) -> tuple[int, int]:
        """Where the speaker is written: the mention, named entity or noun phrase of ``head``."""
        if head.tag_ in ("PRP", "WP"):  # he, she, they, who ("Some of the protesters" is a phrase)
            return head.idx, head.idx + len(head)
        mention = self.mention_at(head)
        if mention is not None:
            return mention["start"], mention["end"]
        entity = self.entity_of.get(head.i)
        if entity is not None and entity.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC"):
            return entity.start_char, entity.end_char
        dropped = set()
        for child in head.children:
            if child.dep_ in _NOT_IN_SPEAKER or (child.dep_ == "prep" and child.lower_ == "by"):
                dropped.update(t.i for t in child.subtree)
        kept = [t for t in head.subtree if t.i not in dropped]
        # The contiguous stretch around the head.
        first = last = head.i
        kept_set = {t.i for t in kept}
        while first - 1 in kept_set:
            first -= 1
        while last + 1 in kept_set:
            last += 1
        tokens = self.doc[first : last + 1]
        while len(tokens) > 1 and (tokens[0].is_punct or tokens[0].dep_ in ("cc", "preconj")):
            tokens = tokens[1:]
        while len(tokens) > 1 and tokens[-1].is_punct:
            tokens = tokens[:-1]
        return tokens.start_char, tokens.end_char

    def mention_at(self, head: Token) -> dict | None:
        """The mention row holding the head word (the shortest one when they nest)."""
        char = head.idx
        position = bisect.bisect_right(self._mention_starts, char)
        best = None
        for mention in self.mentions[max(0, position - 12) : position]:
            if mention["start"] <= char < mention["end"]:
                if best is None or mention["end"] - mention["start"] < best["end"] - best["start"]:
                    best = mention
        return best

    def actor_of(self, head: Token) -> str | None:
        mention = self.mention_at(head)
        is_pronoun = head.lower_ in _PERSON_PRONOUNS | _GROUP_PRONOUNS
        if is_pronoun:
            # Our own reading first: the subject the pronoun continues is usually its actor,
            # better than the last name mentioned ("she was attacked by X. She told ...").
            found = self._pronoun_actor(head)
            if found is not None:
                return found
            if mention is not None and head.lower_ in _PERSON_PRONOUNS and mention.get("kind") != "person":
                return None  # "he" is a person, whatever the mention row says
        if mention is not None and _present(mention.get("actor_id")):
            return mention["actor_id"]
        for owner in head.children:  # "his government said": the government of the man before
            if owner.dep_ == "poss" and owner.lower_ in ("his", "her", "its", "their") and head.lemma_.lower() in GOVERNING_NOUNS:
                return self._pronoun_actor(owner)
        for preposition in head.children:  # "Some of the protesters", "one of the officials"
            if preposition.dep_ == "prep" and preposition.lower_ == "of" and head.pos_ in ("PRON", "DET", "NUM"):
                for noun in preposition.children:
                    mention = self.mention_at(noun) if noun.dep_ == "pobj" else None
                    if mention is not None and _present(mention.get("actor_id")):
                        return mention["actor_id"]
        return None

    def _pronoun_actor(self, pronoun: Token) -> str | None:
        """he/she -> the person the story was about just before, by the rule the actors use
        too (``kit.actors.person_antecedent``: the nearest earlier subject naming a person,
        else the topic person; subjects inside quotes do not count). they/it -> the nearest
        earlier subject naming a group, organization or country, else the last one
        mentioned; only within a few sentences, never from inside a quote."""
        if pronoun.lower_ in _PERSON_PRONOUNS | {"his", "hers"}:
            from kit.actors import genders_from_honorifics, person_antecedent

            if self._genders is None:
                self._genders = genders_from_honorifics(self.doc, self.mentions)
            mention = person_antecedent(pronoun, self.mentions, genders=self._genders, in_quote=self.in_quote)
            return mention["actor_id"] if mention is not None and _present(mention.get("actor_id")) else None
        kinds = ("organization", "country", "group", "anonymous")
        sentence = self.sentence_index(pronoun.i)
        earliest_sentence = max(0, sentence - PRONOUN_WINDOW_SENTENCES)
        start = self.sents[earliest_sentence].start
        for token in reversed(self.doc[start : pronoun.i]):
            if token.dep_ not in ("nsubj", "nsubjpass") or self.in_quote(token.idx) or token.pos_ == "PRON":
                continue
            mention = self.mention_at(self._named(token))
            if mention is None or not _present(mention.get("actor_id")) or mention.get("how") == "pronoun":
                continue
            if mention.get("kind") in kinds:
                return mention["actor_id"]
        earliest = self.sents[earliest_sentence].start_char
        position = bisect.bisect_left(self._mention_starts, pronoun.idx)
        for mention in reversed(self.mentions[:position]):
            if mention["start"] < earliest:
                break
            if not _present(mention.get("actor_id")) or self.in_quote(mention["start"]) or mention.get("how") == "pronoun":
                continue
            if mention.get("kind") in kinds:
                return mention["actor_id"]
        return None

    # -- rows ------------------------------------------------------------------------------

    def row(self, start: int, end: int, kind: str, attribution: _Attribution, first_token: int) -> dict:
        speaker = attribution.speaker
        if speaker is not None:
            speaker_start, speaker_end = self.speaker_span(speaker)
            speaker_text = self.text[speaker_start:speaker_end]
            actor_id = self.actor_of(speaker)
        else:
            speaker_start = speaker_end = speaker_text = actor_id = None
        return {
            "start": start,
            "end": end,
            "text": self.text[start:end],
            "kind": kind,
            "speaker": speaker_text,
            "speaker_start": speaker_start,
            "speaker_end": speaker_end,
            "actor_id": actor_id,
            "cue": attribution.cue_text,
            "sentence": self.sentence_index(first_token),
        }


def _is_a_name(content: Span) -> bool:
    """A few capitalised words: the name of a thing, not words someone said."""
    words = [token for token in content if token.is_alpha and not token.is_stop]
    return 0 < len(words) <= 4 and all(token.is_title or token.is_upper for token in words)


def _misparsed_complement(verb: Token, child: Token) -> bool:
    """'she said as a teenager she was forced ...' parsed as an adverbial clause: a clause with
    its own subject and no conjunction ("after", "because"), hung on a verb with no ccomp."""
    if child.dep_ != "advcl" or any(c.dep_ == "ccomp" for c in verb.children):
        return False
    children = {c.dep_ for c in child.children}
    return bool(children & {"nsubj", "nsubjpass"}) and "mark" not in children


def _passive_without_agent(verb: Token) -> bool:
    children = {child.dep_ for child in verb.children}
    return "auxpass" in children and "agent" not in children


def _negated(verb: Token) -> bool:
    if any(child.dep_ == "neg" for child in verb.children):
        return True
    return any(child.dep_ in _SUBJECTS and any(g.dep_ == "neg" or g.lower_ in ("no", "not") for g in child.children)
               for child in verb.children)


def _is_finite(token: Token) -> bool:
    """A verb with tense of its own ("denied", "has said"), not a participle or infinitive."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ in ("aux", "auxpass"):
        return False
    if token.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return True
    return any(child.dep_ in ("aux", "auxpass") and child.tag_ in ("VBD", "VBZ", "VBP", "MD") for child in token.children)


def _cue_text(cue: Token | None) -> str | None:
    if cue is None:
        return None
    if cue.lower_ == "according":
        return cue.doc[cue.i : cue.i + 2].text
    particles = [c for c in cue.children if c.dep_ == "prt" and c.i == cue.i + 1]
    return cue.doc[cue.i : cue.i + 2].text if particles else cue.text


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _present(value) -> bool:
    return value is not None and not (isinstance(value, float) and value != value) and value is not pd.NA
