"""Where quotation marks open and close in a text: spans of quoted words, found robustly.

Works on the raw text alone (no parse), so it is fast and can be tested on its own.
It knows:

- straight (``"``) and curly (“ ”, „) double quotes and guillemets (« »);
- single quotes (' ‘ ’ ‹ ›) where they quote ("rotates military 'technicians'", headlines,
  quotes inside quotes are left inside their outer quote) and not where they are
  apostrophes ("Maduro's", "Russians'", "'90s", "rock 'n' roll");
- quotes that run over several sentences, and over several paragraphs: journalists open
  each paragraph of a long quote again and close only the last one, so a paragraph that
  opens a quote without closing it is continued by the next paragraph that re-opens it;
- unbalanced marks: a quote left open ends at the end of its sentence (or paragraph),
  never later, so a stray mark cannot swallow the rest of the article.

>>> [(q.text, q.closed) for q in find_quote_spans('He said "we will win," and left.')]
[('we will win,', True)]
>>> [q.text for q in find_quote_spans("Russia rotates military 'technicians' from Venezuela")]
['technicians']
"""

from __future__ import annotations

import dataclasses
import re

from kit import lexicon

#: Marks that can only open / only close a double quote. ``”`` also closes
#: Swedish/Finnish quotes opened with ``”``; that case is handled by context.
DOUBLE_OPENING = "“„«"
DOUBLE_CLOSING = "”»"
DOUBLE_AMBIGUOUS = '"'
SINGLE_OPENING = "‘‹"
SINGLE_CLOSING = "›"
SINGLE_AMBIGUOUS = "'’"

DOUBLE_MARKS = DOUBLE_OPENING + DOUBLE_CLOSING + DOUBLE_AMBIGUOUS
SINGLE_MARKS = SINGLE_OPENING + SINGLE_CLOSING + SINGLE_AMBIGUOUS

#: A single quote this far from its opening is not a quote but two apostrophes.
SINGLE_QUOTE_MAX_CHARS = 300

#: Characters after which a mark opens a quote (besides the start of the text).
_BEFORE_OPENING = set(" \t\n\r\u00a0\u2009\u202f([{—–-/:;") | set(DOUBLE_OPENING) | set(SINGLE_OPENING)
#: Characters before which a mark closes a quote (besides the end of the text).
_AFTER_CLOSING = set(" \t\n\r\u00a0\u2009\u202f)]}.,;:!?—–-/…") | set(DOUBLE_CLOSING + DOUBLE_AMBIGUOUS + SINGLE_AMBIGUOUS)

#: Elisions written with a leading apostrophe: not quotes ('90s, 'em, 'til, rock 'n' roll).
_ELISION = re.compile(r"'(?:\d0s|\d\d\b|em\b|til\b|tis\b|twas\b|cause\b|n'|round\b)|’(?:\d0s|\d\d\b|em\b|til\b|tis\b|twas\b|cause\b|n’)", re.I)
#: Where an unclosed quote stops at the latest: the end of its sentence.
_SENTENCE_END = re.compile(r"[.!?…](?=\s+[\"“‘'«(\[]?[A-Z0-9])")
#: An attribution inside an unclosed quote, set off by commas (", said Kessel,", ", Roe added.",
#: ", she says,"): the writer forgot the closing mark; the quote ends before it.
_VERB = "(?:" + "|".join(sorted(lexicon.words("quotes_direct_attribution_verbs"))) + ")"
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}"
_ATTRIBUTION = re.compile(rf",\s+(?:{_VERB}\s+{_NAME}|{_NAME}\s+{_VERB}|(?:he|she|they)\s+{_VERB})(?=[,.])")


@dataclasses.dataclass(frozen=True)
class QuoteSpan:
    """One stretch of quoted words: ``text[start:end]``, the marks excluded.

    ``closed`` is False for a quote whose closing mark is missing (it was cut at the
    end of its sentence or paragraph). ``continues`` is the index (in the list returned
    by :func:`find_quote_spans`) of the piece this one continues, for a quote that runs
    over several paragraphs; None otherwise.
    """

    start: int
    end: int
    text: str
    opening: str
    closing: str | None
    closed: bool
    continues: int | None = None

    @property
    def outer_start(self) -> int:
        """Offset of the opening mark."""
        return self.start - len(self.opening)

    @property
    def outer_end(self) -> int:
        """Offset just past the closing mark (or the content's end when unclosed)."""
        return self.end + (len(self.closing) if self.closing else 0)


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quoted stretch of ``text``, in order, the marks excluded.

    Double quotes are paired first, paragraph by paragraph; single quotes are then
    paired only outside double quotes (inside, they are quotes within the quote).

    >>> spans = find_quote_spans('"It is over.\\n\\n"We go home," she said.')
    >>> [(s.text, s.closed, s.continues) for s in spans]
    [('It is over.', False, None), ('We go home,', True, 0)]
    >>> [s.text for s in find_quote_spans('A stray " mark. Then "a real quote" here.')]
    ['a real quote']
    """
    if not text:
        return []
    original, text = text, _doubled_apostrophes(text)
    spans: list[QuoteSpan] = []
    paragraphs = list(_paragraphs(text))
    open_from_previous: int | None = None  # index in spans of a piece left open at a paragraph's end
    for number, (para_start, para_end) in enumerate(paragraphs):
        pieces, left_open = _pair_double(text, para_start, para_end, open_from_previous)
        spans.extend(pieces)
        if left_open is not None:
            piece = left_open
            next_opens = number + 1 < len(paragraphs) and _continues_quote(text, *paragraphs[number + 1])
            if not next_opens:
                # No continuation: an unclosed quote stops at the end of its sentence.
                piece = _cut_at_sentence_end(text, piece)
            spans.append(piece)
            open_from_previous = len(spans) - 1 if next_opens else None
        else:
            open_from_previous = None
    singles = _pair_single(text, [(s.outer_start, s.outer_end) for s in spans])
    found = _in_order(spans, singles)
    if text is original:
        return found
    return [_with_doubled_marks(original, span) for span in found]


#: Two apostrophes written for a double quote (''It is over,'' he said; or two curly ones, ‘‘ ’’), as in wire and
#: newspaper archives typed on keyboards without curly quotes.
_DOUBLED_PAIRS = ("''", "‘‘", "’’")
_DOUBLED = re.compile("(?:" + "|".join(map(re.escape, _DOUBLED_PAIRS)) + ")(?!['‘’])")


def _doubled_apostrophes(text: str) -> str:
    """``text`` with each pair of apostrophes that stands for a double quote made one straight
    double mark, the same length: ``''It`` -> ``" "It`` side (the blank before it is repeated)
    and ``it,''`` -> ``it,"`` + the character after it (so the mark has the neighbours of one)."""
    if not any(pair in text for pair in _DOUBLED_PAIRS):
        return text
    chars = list(text)
    for match in _DOUBLED.finditer(text):
        index = match.start()
        before = text[index - 1] if index else "\n"
        after = text[index + 2] if index + 2 < len(text) else "\n"
        blank = index - 1  # "''I dislike the label 'Harbor poor,' '' she said": blanks between the two closing marks
        while blank > 1 and text[blank] in " \u00a0" and blank > index - 3:
            blank -= 1
        if blank < index - 1 and text[blank] in "'’" and text[blank - 1] not in " '’" and not after.isalnum():
            before = chars[index - 1] = text[blank]  # the double mark closes after the single one
        if (before in _BEFORE_OPENING or before == "\n") and not after.isspace():
            chars[index], chars[index + 1] = before, '"'
        elif not before.isspace() and (after in _AFTER_CLOSING or after == "\n"):
            chars[index], chars[index + 1] = '"', after
    return "".join(chars)


def _with_doubled_marks(text: str, span: QuoteSpan) -> QuoteSpan:
    """A span found on the rewritten text, with the real text and two-character marks."""
    before, after = text[span.start - 2 : span.start], text[span.end : span.end + 2]
    opening = before if span.opening and before in _DOUBLED_PAIRS else span.opening
    closing = after if span.closing and after in _DOUBLED_PAIRS else span.closing
    return dataclasses.replace(span, text=text[span.start : span.end], opening=opening, closing=closing)


def _in_order(doubles: list[QuoteSpan], singles: list[QuoteSpan]) -> list[QuoteSpan]:
    """Merge, sort, drop empty pieces, and point ``continues`` at final positions."""
    tagged = [(span.start, 0, number, span) for number, span in enumerate(doubles) if span.end > span.start]
    tagged += [(span.start, 1, None, span) for span in singles if span.end > span.start]
    tagged.sort(key=lambda item: (item[0], item[1]))
    position = {number: index for index, (_, _, number, _) in enumerate(tagged) if number is not None}
    out = []
    for _, _, _, span in tagged:
        if span.continues is not None:
            span = dataclasses.replace(span, continues=position.get(span.continues))
        out.append(span)
    return out


def _paragraphs(text: str):
    """(start, end) of each non-empty line: news bodies put one paragraph on a line."""
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            yield match.start(), match.end()


def _continues_quote(text: str, start: int, end: int) -> bool:
    """Does the paragraph go on with a quote left open by the one before?

    Yes when it opens with a quote mark (the journalists' convention), or when its first
    double mark can only close a quote (a paragraph broken in the middle of a quote).
    """
    stripped = text[start:end].lstrip()
    if stripped and stripped[0] in DOUBLE_OPENING + DOUBLE_AMBIGUOUS:
        return True
    for offset in range(start, end):
        if text[offset] in DOUBLE_MARKS:
            return _role(text, offset) == "close"
    return False


def _role(text: str, index: int) -> str:
    """'open', 'close', 'either' or 'none' for the double mark at ``index``, from its neighbours."""
    mark = text[index]
    before = text[index - 1] if index > 0 else " "
    if before == "=" or (before.isalnum() and index + 1 < len(text) and text[index + 1] in ">/"):
        return "none"  # markup: author="@AP" datetime="2019-03-14">, not a quote
    if mark == DOUBLE_AMBIGUOUS and (text[index + 1 : index + 2] == "“" or before == "“"):
        return "none"  # '"“We won,” she said': a straight mark doubling a curly one is a stray
    if before in " \u2009\u200a\u202f\u00a0" and index > 1 and text[index - 2] in SINGLE_MARKS:
        before = text[index - 2]  # 'a quote in a quote' " : the thin space is typography
    after = text[index + 1] if index + 1 < len(text) else " "
    can_open = (before in _BEFORE_OPENING or before in DOUBLE_MARKS) and not after.isspace()
    can_close = not before.isspace() and (after in _AFTER_CLOSING or after in DOUBLE_MARKS or after.isspace())
    if mark in DOUBLE_OPENING:
        # “ typed for ” ('"It's unusual,“ said Noble'): it closes after a word and before a blank.
        return "close" if mark == "“" and can_close and not can_open else "open"
    if mark in DOUBLE_CLOSING:
        # ” used as an opening mark (Swedish style, or a typo): open only by context.
        return "open" if can_open and not can_close else "close"
    if can_open and can_close:
        return "either"
    if can_open:
        return "open"
    if can_close:
        return "close"
    # Between two letters (word"word) or two spaces: let the pairing decide.
    return "either" if not before.isspace() else "none"


def _pair_double(text: str, start: int, end: int, continued: int | None):
    """Pair the double marks of one paragraph; returns (closed pieces, the piece left open or None).

    A second opening mark inside an open quote is a quote within the quote when enough
    closing marks follow to close both ("The "United States" is not..."); otherwise the
    first quote was never closed, and it ends with its sentence.
    """
    marks = [(found.start(), found.group(), _role(text, found.start())) for found in _DOUBLE.finditer(text, start, end)]
    marks = [(offset, mark, role) for offset, mark, role in marks if role != "none"]
    pieces: list[QuoteSpan] = []
    opened_at: int | None = None  # offset of the current (outer) opening mark
    opening_mark = ""
    continues = None
    nested = False
    for number, (offset, mark, role) in enumerate(marks):
        if opened_at is None:
            if role in ("open", "either"):
                opened_at, opening_mark = offset, mark
                continues = continued if continued is not None and not pieces and text[start:offset].strip() == "" else None
            elif continued is not None and not pieces and number == 0:
                # A paragraph that closes a quote opened earlier without opening it again.
                pieces.append(_span(text, start, offset, "", mark, True, continued))
            continue
        if nested:
            if role in ("close", "either"):
                nested = False
            continue
        if role in ("close", "either"):
            pieces.append(_span(text, opened_at + 1, offset, opening_mark, mark, True, continues))
            opened_at, continues = None, None
            continue
        later = [later_role for _, _, later_role in marks[number + 1 :]]
        if later.count("close") + later.count("either") - later.count("open") >= 2:
            nested = True
            continue
        # The quote open before this mark was never closed.
        pieces.append(_cut_at_sentence_end(text, _span(text, opened_at + 1, offset, opening_mark, None, False, continues)))
        opened_at, opening_mark, continues = offset, mark, None
    if opened_at is None:
        return pieces, None
    return pieces, _span(text, opened_at + 1, end, opening_mark, None, False, continues)


def _span(text: str, start: int, end: int, opening: str, closing: str | None, closed: bool, continues: int | None) -> QuoteSpan:
    if not closed:  # an unclosed quote does not own the blanks before what follows it
        while end > start and text[end - 1].isspace():
            end -= 1
    return QuoteSpan(start, end, text[start:end], opening, closing, closed, continues)


def _cut_at_sentence_end(text: str, span: QuoteSpan) -> QuoteSpan:
    """An unclosed quote ends with its first sentence, and before an attribution in it that
    commas set off ('"We kept no papers, said Okafor, who ...': the quote is "We kept no papers").

    >>> [s.text for s in find_quote_spans('"We kept no papers, said Dana Okafor, who runs the group.')]
    ['We kept no papers']
    """
    if span.closed:
        return span
    match = _SENTENCE_END.search(text, span.start, span.end)
    end = match.end() if match is not None else span.end
    attribution = _ATTRIBUTION.search(text, span.start, end)
    end = attribution.start() if attribution is not None else end
    return span if end == span.end else dataclasses.replace(span, end=end, text=text[span.start : end])


def _pair_single(text: str, taken: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Single-quoted stretches outside double quotes; apostrophes are left alone.

    A single mark opens only after a space or bracket and before a letter or digit,
    and closes only after a word or punctuation and before a space or punctuation;
    the closing mark must come in the same paragraph, soon. Anything else is an apostrophe.
    """
    spans: list[QuoteSpan] = []
    inside = _covered(taken)
    resume, n = 0, len(text)
    for found in _SINGLE_OPENERS.finditer(text):  # only the marks, not every character
        index, mark = found.start(), found.group()
        if index < resume or inside(index):
            continue
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < n else " "
        if not (before in _BEFORE_OPENING and (after.isalnum() or after in "[(")) or _ELISION.match(text, index):
            continue
        close = _find_single_close(text, index + 1, inside)
        if close is None:
            continue
        spans.append(QuoteSpan(index + 1, close, text[index + 1 : close], mark, text[close], True))
        resume = close + 1
    return spans


#: Any double mark.
_DOUBLE = re.compile(f"[{re.escape(DOUBLE_MARKS)}]")
#: The marks that may open a single-quoted stretch.
_SINGLE_OPENERS = re.compile(f"[{re.escape(SINGLE_OPENING + SINGLE_AMBIGUOUS)}]")


def _find_single_close(text: str, start: int, inside) -> int | None:
    """The closing single mark of a quote opened just before ``start``, or None.

    ``technicians' from`` may close the quote or be a plural possessive
    (``Russians' equipment``); such a mark closes only if no clearer closing mark follows.
    """
    limit = min(len(text), start + SINGLE_QUOTE_MAX_CHARS)
    possessive = None
    for index in range(start, limit):
        mark = text[index]
        if mark == "\n" or inside(index):
            break
        if mark not in SINGLE_CLOSING + SINGLE_AMBIGUOUS:
            continue
        before = text[index - 1]
        after = text[index + 1] if index + 1 < len(text) else " "
        if before.isspace() or after.isalnum():
            continue  # an apostrophe inside a word (Maduro's) or an opening mark
        if not (after.isspace() or after in _AFTER_CLOSING):
            continue
        if before in "sS" and _looks_possessive(text, index):
            possessive = index if possessive is None else possessive
            continue
        return index
    return possessive


def _looks_possessive(text: str, index: int) -> bool:
    """``Russians' equipment``: a plural possessive, not a closing mark."""
    after = text[index + 1 : index + 3]
    return len(after) == 2 and after[0] == " " and after[1].islower()


def _covered(spans: list[tuple[int, int]]):
    """A fast membership test: is an offset inside one of the (sorted) spans?"""
    import bisect

    starts = [s for s, _ in spans]

    def inside(offset: int) -> bool:
        position = bisect.bisect_right(starts, offset) - 1
        return position >= 0 and spans[position][0] <= offset < spans[position][1]

    return inside
