"""Find: a question-and-answer interview ("Q: ... / A: ..."): each answer is the interviewee's
own words, each question the interviewer's.

Newspapers print interviews as paragraphs opened by "Q:" and "A:" (or "Q." / "A.", or
"Question:" / "Answer:"), after an introduction that names the person interviewed. The
labels name nobody, so the row's speaker is the label as written ("A"), and its actor the
person the introduction is about: the person mentioned most often outside the labelled
paragraphs (the first named on a tie). An answer that runs over several paragraphs goes
on until the next label. Questions have no actor (the interviewer is the outlet's).

A text is read as an interview only with at least two questions and two answers, so a
line that opens with an initial ("A. Okafor said ...") is no answer.

>>> from kit.nlp import load_model
>>> from kit import actors
>>> from kit.quotes import find_quotes
>>> text = ("Dana Okafor was 15 when her father was deported. Okafor spoke to the Herald.\\n\\n"
...         "Q: When did you hear the news?\\n\\nA: At the bus stop, from my aunt, who was in tears.\\n\\n"
...         "Q: Did anyone help you?\\n\\nA: No, nobody did. I stayed with a friend for a year.")
>>> doc = load_model()(text)
>>> [(r["speaker"], r["actor_id"], r["text"][:22]) for r in find_quotes(doc, actors.find_mentions(doc)) if r["cue"] == ":"]
[('Q', None, 'When did you hear the '), ('A', 'dana-okafor', 'At the bus stop, from '), ('Q', None, 'Did anyone help you?'), ('A', 'dana-okafor', 'No, nobody did. I stay')]
"""

from __future__ import annotations

import collections
import re
from typing import TYPE_CHECKING

from kit.quotes.article import Attribution, present, strip

if TYPE_CHECKING:
    from kit.quotes.article import Article
    from kit.quotes.speaker_actors import SpeakerActors

#: A paragraph opened by an interview's label: "Q:", "A.", "Question:", "Answer -".
QA_LABEL = re.compile(r"[ \t]*(?P<label>Q|A|Question|Answer)[ \t]*(?::|\.|[-–—])[ \t]+(?=\S)")
#: The labels of an interview's two sides, as written.
QA_SIDES = frozenset(("Q", "A", "Question", "Answer"))
#: At least this many questions and this many answers make a text an interview.
MIN_TURNS = 2


def qa_turns(article: Article) -> dict[int, tuple[str, int, int]]:
    """Paragraph number -> ("Q" or "A", label start, label end) for each paragraph of a Q&A
    interview that opens with a label; empty when the text is no such interview."""
    turns = {}
    for number, start in enumerate(article.paragraph_starts):
        match = QA_LABEL.match(article.text, start)
        if match is not None:
            turns[number] = (match.group("label")[0], match.start("label"), match.end())
    sides = collections.Counter(side for side, _, _ in turns.values())
    return turns if sides["Q"] >= MIN_TURNS and sides["A"] >= MIN_TURNS else {}


def interviewee(article: Article, turns: dict[int, tuple[str, int, int]]) -> str | None:
    """The actor of the person the interview's introduction is about: the person mentioned
    most outside the labelled paragraphs (the first named on a tie), or None."""
    labelled = set(turns)
    counts: collections.Counter = collections.Counter()
    first: dict[str, int] = {}
    for mention in article.mentions:
        actor = mention.get("actor_id")
        if mention.get("kind") != "person" or not present(actor) or article.paragraph_of(mention["start"]) in labelled:
            continue
        counts[actor] += 1
        first.setdefault(actor, mention["start"])
    if not counts:
        return None
    return max(counts, key=lambda actor: (counts[actor], -first[actor]))


def answer_paragraphs(article: Article, turns: dict[int, tuple[str, int, int]]) -> set[int]:
    """The paragraphs of the interview's turns: each labelled one and the unlabelled ones
    after it, up to the next label (what one side says runs on)."""
    numbers = sorted(turns)
    out = set()
    for position, number in enumerate(numbers):
        end = numbers[position + 1] if position + 1 < len(numbers) else len(article.paragraph_starts)
        out.update(range(number, end))
    return out


def qa_rows(article: Article, actors: SpeakerActors, turns: dict[int, tuple[str, int, int]],
            found: list[dict]) -> tuple[list[dict], set[tuple[int, int]]]:
    """One direct row per paragraph of each turn (a paragraph holding a direct quote of its
    own is left alone), with the label as its speaker; and the spans of the quotes in marks
    inside the rows (the turn's words hold them). What an answer reports ("I told them the
    plant would close") stays a row of its own, beside the answer: it has its own speaker."""
    person = interviewee(article, turns)
    rows, inside = [], set()
    side = label = None
    for number in sorted(answer_paragraphs(article, turns)):
        start = article.paragraph_starts[number]
        if number in turns:
            side, label_start, start = turns[number]
            label = (label_start, label_start + len(article.text[label_start:start].split()[0].rstrip(":.-–—")))
        turn = turn_span(article, found, start, article.line_end(start))
        if side is None or turn is None:
            continue
        start, end, first, within = turn
        within = [row for row in within if row["kind"] == "partial"]
        row = actors.row(start, end, "direct", Attribution(None, ":", None, linked=True), first, speaker_span=label)
        row["actor_id"] = person if side == "A" else None  # the label names nobody: the interviewee answers
        rows.append(row)
        inside.update((r["start"], r["end"]) for r in within)
    return rows, inside


def turn_span(article: Article, found: list[dict], start: int, end: int) -> tuple[int, int, int, list[dict]] | None:
    """One speaker's paragraph of a transcript as a row's span: (start, end, its first token,
    the rows found inside it), stripped of spaces and marks; None when it holds fewer than
    three words, when a row found runs across its edge, or when it holds a direct quote of
    its own (then that quote is the row)."""
    start, end = strip(article.text, start, end)
    content = article.tokens_of(start, end) if end > start else None
    if content is None or len([t for t in content if t.is_alpha]) < 3:
        return None
    within = [row for row in found if start <= row["start"] and row["end"] <= end]
    if any(row["start"] < end and start < row["end"] for row in found if row not in within) or any(
            row["kind"] == "direct" for row in within):
        return None
    return start, end, content.start, within
