"""Finding figures in a parsed Doc: a quantity, its hedge, currency, unit, kind and counted noun.

See :mod:`kit.figures` for the columns and conventions.
"""

from __future__ import annotations

import bisect
import dataclasses

import pandas as pd
from spacy.attrs import LOWER, SHAPE
from spacy.strings import get_string_id
from spacy.tokens import Doc

from kit import lexicon
from kit.figures import numbers
from kit.figures.counted import _counted_direct
from kit.figures.filters import PHONE, _is_not_a_figure, _is_phone
from kit.figures.following import _anchor, _read_right
from kit.figures.numbers import CURRENCY_SYMBOLS, EMPHASIS, HEDGES, TIME_UNITS, UNITS_OF_MEASURE
from kit.figures.quantities import (
    APPROX_MARKS,
    DIGIT_ONLY,
    START_WORDS,
    _Figure,
    _hedge_before,
    _may_start_quantity,
    _Quantity,
    _read_range,
)
from kit.figures.resolve import _merge_compound_durations, _resolve_ellipsis
from kit.tables import conform

KINDS = ("count", "money", "percent", "measure")
#: Words that anchor a duration in time, making it a time expression ("three months ago").
TIME_ANCHORS_AFTER = lexicon.words("figures_time_anchors_after")
TIME_ANCHORS_BEFORE = lexicon.words("figures_time_anchors_before")


def find_figures(doc: Doc, include_time: bool = False) -> list[dict]:
    """Rows of the figures table for one parsed article (no ``article_id``).

    ``include_time=True`` keeps time expressions ("three months ago") with kind "time".

    >>> from kit.nlp import load_model
    >>> doc = load_model()("It cut its staff to just a few dozen, from about 1,000.")
    >>> [(row["text"], row["low"], row["high"], row["counted"], row["counted_how"]) for row in find_figures(doc)]
    [('just a few dozen', 24.0, 60.0, 'staff', 'ellipsis'), ('about 1,000', None, None, 'staff', 'ellipsis')]
    """
    figures: list[_Figure] = []
    n = len(doc)
    free = 0  # the first token not yet taken by a figure or a phone number
    for i in _candidates(doc):
        if i < free:
            continue
        token = doc[i]
        if not _may_start_quantity(token):
            continue
        if DIGIT_ONLY.match(token.text.lstrip("+")):
            # a few tokens of text around the number, not doc.text (rebuilt on every access)
            first = i - 1 if i > 0 and doc[i - 1].text == "(" and not doc[i - 1].whitespace_ else i
            nearby = "".join(t.text_with_ws for t in doc[first:i + 9])
            phone = PHONE.match(nearby)
            if phone and _is_phone(phone.group(0)):
                phone_end = doc[first].idx + phone.end()
                free = i
                while free < n and doc[free].idx < phone_end:
                    free += 1
                continue
        quantity = _read_range(doc, i)
        if quantity is None:
            continue
        figure = _figure(doc, quantity)
        free = max(quantity.end, i + 1)
        if figure is not None:
            figures.append(figure)
    figures = _merge_compound_durations(doc, figures)
    _resolve_ellipsis(doc, figures)
    sentence_starts = [sentence.start for sentence in doc.sents] if n else []
    rows = []
    for figure in figures:
        if figure.kind == "time" and not include_time:
            continue
        span = doc[figure.start:figure.end]
        # "€100m." at the end of a sentence: the full stop the tokenizer kept with the "m" is not the figure's
        end_char = span.end_char - (span[-1].lower_[:-1] in numbers.SUFFIXES and span[-1].text.endswith("."))
        rows.append({
            "start": span.start_char,
            "end": end_char,
            "text": doc.text[span.start_char:end_char] if end_char < span.end_char else span.text,
            "value": _float(figure.value),
            "low": _float(figure.low),
            "high": _float(figure.high),
            "approx": figure.approx,
            "kind": figure.kind,
            "unit": figure.unit,
            "currency": figure.currency,
            "unit_text": figure.unit_text,
            "counted": figure.counted,
            "counted_how": figure.counted_how,
            "sentence": max(0, bisect.bisect_right(sentence_starts, figure.start) - 1),
        })
    return rows



#: Hashes of the words that may start a quantity, as ``Doc.to_array(LOWER)`` gives them.
_START_HASHES = frozenset(get_string_id(word) for word in START_WORDS)
#: Shapes (hashes) with a digit or a hyphen, filled as they are met: "dd", "XX$dd", "xxxx-xxxx".
_SHAPES: dict[int, bool] = {}


def _candidates(doc: Doc) -> list[int]:
    """Tokens that may start a quantity, found on the Doc's arrays: a word of ``START_WORDS`` or a
    shape with a digit or a hyphen ("300", "US$58", "~295", "twenty-five"); the rest is never read."""
    strings = doc.vocab.strings
    out = []
    for k, (lower, shape) in enumerate(doc.to_array([LOWER, SHAPE]).tolist()):
        if lower in _START_HASHES:
            out.append(k)
            continue
        known = _SHAPES.get(shape)
        if known is None:
            known = _SHAPES[shape] = any(c in strings[shape] for c in "d-½¼¾⅓⅔⅛")
        if known:
            out.append(k)
    return out


def _float(number) -> float | None:
    return None if number is None else float(number)



def extract(text: str, nlp=None, include_time: bool = False) -> pd.DataFrame:
    """The figures of one text, as the rows ``analyze`` would give (``article_id`` empty).

    >>> extract("Russia has cut its staff in Venezuela to just a few dozen, from about 1,000.")[
    ...     ["text", "value", "low", "high", "approx", "counted", "counted_how"]].values.tolist()
    [['just a few dozen', nan, 24.0, 60.0, 'a few dozen', 'staff', 'ellipsis'], ['about 1,000', 1000.0, nan, nan, 'about', 'staff', 'ellipsis']]
    >>> extract("The firm lost $3bn, 40% of its value, over 2.5 km of road.").kind.tolist()
    ['money', 'percent', 'measure']
    """
    if nlp is None:
        from kit.nlp import load_model

        nlp = load_model()
    return conform(find_figures(nlp(text), include_time=include_time), "figures")



def _figure(doc: Doc, quantity: _Quantity) -> _Figure | None:
    """Extend a quantity with its hedge, currency and unit; None when it is not a figure."""
    left = _read_left(doc, quantity)
    # Not figures: names, identifiers, dates, years, clock times, addresses, scores, list numbers.
    if _is_not_a_figure(doc, quantity, left.start, left.approx or left.emphasised, left.kind or quantity.kind):
        return None
    start, approx, hedge_side = left.start, left.approx, left.hedge_side
    value, low, high = quantity.value, quantity.low, quantity.high
    if left.negative:
        value, low, high = (None if v is None else -v for v in (value, low, high))
        if low is not None and high is not None:
            low, high = min(low, high), max(low, high)
    right = _read_right(doc, quantity, left)
    kind, unit = right.kind, right.unit

    # A duration anchored in time is a time expression, not a quantity claimed.
    if kind == "measure" and unit in TIME_UNITS and _anchored_in_time(doc, start, quantity.end):
        kind = "time"
    if quantity.lone_one and (approx == "some" or (approx is None and not left.emphasised
                                                   and not _coordinated_with_number(doc, quantity))):
        return None  # "one resident said", "some one of us": a determiner or pronoun, not a count

    if value is not None and hedge_side in ("low", "high"):
        if hedge_side == "low":
            low = value
        else:
            high = value
    if quantity.vague:
        approx = quantity.vague
    figure = _Figure(start, right.end, quantity.start, quantity.end, value, low, high, approx, kind, unit,
                     currency=right.currency, unit_text=right.unit_text,
                     anchor=_anchor(doc, quantity.start, quantity.end))
    if kind in ("count", "percent"):
        counted = _counted_direct(doc, figure)
        if counted:
            figure.counted, figure.counted_how = counted, "direct"
    return figure


@dataclasses.dataclass
class _Left:
    """What stands before a quantity: where the figure starts, its currency, hedge, emphasis, sign."""

    start: int
    kind: str | None = None
    currency: str | None = None
    unit_text: str | None = None
    approx: str | None = None
    hedge_side: str | None = None  # "low", "high" or "about" (numbers.HEDGES)
    emphasised: bool = False
    negative: bool = False  # "minus 5 degrees"


def _read_left(doc: Doc, quantity: _Quantity) -> _Left:
    """Currency sign, "minus", then hedges and emphasis, read leftwards ("just over", "about $")."""
    left = _Left(quantity.start)
    start = quantity.start
    if start > 0 and doc[start - 1].lower_ in CURRENCY_SYMBOLS and \
            (quantity.value is not None or quantity.low is not None):
        left.kind, left.currency = "money", CURRENCY_SYMBOLS[doc[start - 1].lower_]
        left.unit_text = doc[start - 1].text
        start -= 1
        prefix = f"{doc[start - 1].lower_}{doc[start].lower_}" if start > 0 else ""
        if doc[start].text == "$" and prefix in CURRENCY_SYMBOLS and doc[start - 1].is_alpha \
                and doc[start - 1].lower_ not in ("a", "an"):  # "a $48.2 million contract" is dollars
            # "C $ 300 million", "hk $ 10" as some tokenizers or lower-cased copies split them
            left.currency, left.unit_text = CURRENCY_SYMBOLS[prefix], f"{doc[start - 1].text}$"
            start -= 1
    if quantity.currency:
        left.kind, left.currency = "money", quantity.currency
    if start > 0 and doc[start - 1].lower_ == "minus" and quantity.value is not None:
        left.negative = True
        start -= 1
    magnitude_before = start > 0 and doc[start - 1].lower_ == "magnitude"
    if start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ == "magnitude" and quantity.value:
        left.kind = "measure"  # "a magnitude of 7.8" (the words stay out of the span)
    # "over magnitude 4.5": a hedge may stand before the word "magnitude", which then joins the span
    position = start - 1 if magnitude_before else start
    for _ in range(3):  # "only about", "just over": emphasis and hedge, read leftwards
        matched = _hedge_before(doc, position)
        if matched is None:
            break
        words, width = matched
        if words in HEDGES and left.approx is None:
            left.approx, left.hedge_side = words, HEDGES[words]
        elif words in EMPHASIS:
            left.emphasised = True
        elif words == "between" and quantity.value is None and quantity.low is not None:
            left.approx = "between"
        else:
            break
        position -= width
        start = position
    mark = doc[quantity.start].text[:1]
    if mark in APPROX_MARKS and left.approx is None:
        left.approx, left.hedge_side = mark, HEDGES[mark]  # "~295"
    if magnitude_before:
        left.kind = "measure"
    left.start = start
    return left


def _anchored_in_time(doc: Doc, start: int, core_end: int) -> bool:
    n = len(doc)
    j = core_end
    while j < n and (doc[j].lower_ in UNITS_OF_MEASURE or doc[j].text in ("-", "–")):
        j += 1  # "six weeks later"
    if j + 2 < n and doc[j].lower_ == "of" and doc[j + 1].lower_ in UNITS_OF_MEASURE and doc[j + 2].lower_ == "ago":
        return True  # "thousands of years ago"
    if j < n and doc[j].lower_ in TIME_ANCHORS_AFTER:
        return doc[j].lower_ != "from" or (j + 1 < n and doc[j + 1].lower_ == "now")
    k = start - 1
    while k >= 0 and doc[k].lower_ in ("the", "a", "an"):
        k -= 1
    return k >= 0 and doc[k].lower_ in TIME_ANCHORS_BEFORE and doc[k].lower_ != "few"



def _coordinated_with_number(doc: Doc, quantity: _Quantity) -> bool:
    """"killed one and injured eight": a lone "one" counts when coordinated with another number."""
    sentence_end = doc[quantity.start].sent.end
    window = doc[quantity.end:min(sentence_end, quantity.end + 6)]
    sentence_start = doc[quantity.start].sent.start
    before = doc[max(sentence_start, quantity.start - 8):quantity.start]

    def has_number(tokens) -> bool:
        return any(t.like_num and t.lower_ != "one" and numbers.parse_number(t.text) is not None for t in tokens)

    if any(t.lower_ in ("and", "or", ",") for t in window[:2]) and has_number(window):
        return True
    return bool(before) and before[-1].lower_ in ("and", "or", ",") and has_number(before)
