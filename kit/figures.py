"""Figures: the numbers a text claims, what they count, and how sure it is.

One pass over a Doc spaCy has already parsed (no second spaCy call). For each
numeric expression the extractor keeps a row of the ``figures`` table:

- ``text``/``start``/``end``: the figure with its hedge and currency sign, without
  the counted noun or the unit word ("around 100", "More than 50", "just a few
  dozen", "about $90 billion", "40%"). ``doc.text[start:end] == text``.
- ``value`` where a number is stated; ``low``/``high`` for bounds ("more than 50":
  value 50, low 50), ranges ("four to five thousand": low 4000, high 5000) and
  vague quantities (``vague_quantities()`` lists them all, from ``kit.numbers.VAGUE``:
  "a few dozen" is 24-60, "dozens" 24-99, "hundreds" 200-999, "several" 3-9,
  "a few" 2-5, ...).
- ``approx``: the hedge ("around", "more than", "between") or, for a vague
  quantity, its words ("a few dozen"). Emphasis such as "just" or "only" stays in
  the span but is not an approximation.
- ``kind``: ``count``; ``money`` (``unit`` is the ISO currency); ``percent``
  (``unit`` "%"; fractions of a whole such as "two thirds of" are percentages);
  ``measure`` (``unit`` normalised: "km", "mile", "year", "magnitude", ...).
  Durations are measures with a time unit; ages ("aged 78", "36 years old",
  "a 36-year-old", "she was 26", "Smithers, 36,") are measures in years, as the
  dev set's annotators marked them, not counts.
- ``counted``: the noun phrase being counted, from the dependency parse: the noun
  a number modifies ("100 military experts"), the object of "of" ("dozens of
  protesters", "48% of the vote"); ``counted_how`` is ``direct`` then. When the
  noun is elided it is the object of the governing verb ("cut its staff ... to
  just a few dozen, from about 1,000"; "the number of polling stations" gives
  "polling stations"), people after a casualty verb ("killed twelve"), or the
  counted noun of a parallel figure in the same or the previous sentence ("gained
  13 seats and lost 10"), with ``counted_how = ellipsis``. Measures and money
  have no counted noun; where none is found both columns are empty.

Not figures: dates and years ("June 26", "in 2019", "the 1960s"), clock times,
ordinals, identifiers and names with digits (Il-62, F-16, G20, Group of 20,
COVID-19, Boeing 737, Flight 370, Section 5, No. 5), phone numbers, street
addresses, list numbering, and scores ("won 3-1"). Time expressions anchored in
time ("three months ago", "several years later", "the past few weeks") are
not claims about a quantity: they are left out, or kept with ``kind = "time"``
when asked (``include_time=True``); evaluation ignores them.

>>> rows = extract("Russia sent around 100 military experts; more than 50 countries objected.")
>>> rows[["text", "value", "low", "approx", "counted"]].values.tolist()
[['around 100', 100.0, nan, 'around', 'military experts'], ['more than 50', 50.0, 50.0, 'more than', 'countries']]
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from typing import Iterable, Sequence

import pandas as pd
from spacy.tokens import Doc, Token

from kit import numbers
from kit.numbers import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DOLLAR_COUNTRIES,
    EMPHASIS,
    FRACTIONS,
    HEDGES,
    SCALES,
    SUFFIXES,
    TIME_UNITS,
    UNITS_OF_MEASURE,
    VAGUE,
    VAGUE_PLURALS,
    VAGUE_WORDS,
)
from kit.tables import conform

KINDS = ("count", "money", "percent", "measure")

MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "jan.", "feb", "feb.", "mar", "mar.", "apr", "apr.",
    "jun", "jun.", "jul", "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.", "oct", "oct.",
    "nov", "nov.", "dec", "dec.",
}
#: Words after which a number is a label, not a quantity ("Section 5", "Flight 370").
LABELS = {
    "section", "article", "chapter", "paragraph", "clause", "rule", "no", "no.", "nos", "nos.", "#",
    "number", "room", "page", "pages", "flight", "route", "platform", "gate", "line", "episode",
    "season", "volume", "vol.", "issue", "item", "grade", "level", "category", "phase", "stage",
    "step", "exit", "highway", "interstate", "district", "ward", "precinct", "code", "bill",
    "resolution", "amendment", "version", "model", "track", "act", "unit", "block", "building",
    "apartment", "suite", "box", "lot", "row", "seat", "channel", "division", "tier", "type",
    "class", "squadron", "regiment", "battalion", "brigade", "corps", "pier", "berth", "terminal",
    "bus", "train", "term", "round", "week", "day", "game", "match", "race", "hole", "lap", "heat",
    "question", "figure", "table", "appendix", "annex", "verse", "psalm", "mark", "mk", "mk.",
}
CLOCK_WORDS = {"am", "a.m.", "pm", "p.m.", "gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt",
               "bst", "cet", "cest", "ist", "jst", "msk", "o'clock", "hrs", "local"}
#: Entity types whose numbers are part of a name ("Boeing 737", "Section 5 of the Act").
NAME_ENTITIES = {"ORG", "PRODUCT", "FAC", "LAW", "EVENT", "WORK_OF_ART", "PERSON", "GPE", "LOC",
                 "NORP", "LANGUAGE"}
STREET_WORDS = {"street", "st", "st.", "road", "rd", "rd.", "avenue", "ave", "ave.", "lane", "boulevard",
                "blvd", "drive", "way", "place", "square", "terrace", "court", "crescent", "highway"}
#: Words near "3-1" that make it a score or a tally of votes, not a range.
SCORE_CONTEXT = {"win", "won", "wins", "beat", "beats", "defeat", "defeated", "defeats", "draw", "drew",
               "victory", "lost", "loss", "lose", "score", "scored", "goal", "goals", "match", "game",
               "final", "lead", "led", "leads", "set", "sets", "tie", "tied", "half-time", "halftime",
               "vote", "voted", "ruling", "ruled", "decision", "record"}
#: Words that anchor a duration in time, making it a time expression ("three months ago").
TIME_ANCHORS_AFTER = {"ago", "later", "earlier", "before", "after", "prior", "since", "hence", "from"}
TIME_ANCHORS_BEFORE = {"past", "last", "next", "previous", "coming", "recent", "following", "first",
                       "final", "few", "preceding", "within"}
#: Words that may stand between a number and its unit without changing it.
UNIT_QUALIFIERS = {"u.s.", "us", "imperial", "metric", "short", "long", "statute", "troy"}
#: Nouns "of" a number that are a scale, not the thing counted ("a factor of two", "a margin of 5").
SCALE_NOUNS = {"factor", "margin", "rate", "ratio", "average", "score", "scale", "magnitude", "age", "height",
               "depth", "length", "distance", "speed", "cost", "value", "price", "sum", "budget", "multiple",
               "maximum", "minimum", "level", "temperature", "weight", "capacity", "range"}
AGE_WORDS_BEFORE = {"aged", "age", "ages"}
#: Prepositions whose object, attached to a verb, takes the verb's object as counted noun
#: ("cut its staff to a few dozen", "from about 1,000").
ELLIPSIS_PREPOSITIONS = {"to", "from", "by", "at", "of", "with", "around", "about", "than"}
DIGIT_ONLY = re.compile(r"^\d+$")
CURRENCY_CODE = re.compile(r"^([A-Z]{3})(\d[\d,]*(?:\.\d+)?)$")
CURRENCY_CODES = set(CURRENCY_SYMBOLS.values()) | set(CURRENCY_WORDS.values())
#: Phone numbers: "+44 20 7946 0958", "(202) 555-0100", "555-1234", "02.99.12.34.56".
PHONE = re.compile(r"\+\d{1,4}(?:[ .-]\(?\d{1,5}\)?){2,5}|\(\d{2,5}\) ?\d{3,4}[ .-]\d{3,5}"
                   r"|\d{2,5}(?:[.-]\d{2,5}){2,4}\b|\d{3}-\d{4}\b")


@dataclasses.dataclass
class _Quantity:
    """A number or vague amount read from tokens ``[start, end)``."""

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    vague: str | None = None  # the words of a vague quantity ("a few dozen")
    scale: float | None = None  # the last scale word's factor ("thousand" -> 1000)
    words: bool = False  # written in words
    percent: bool = False  # a fraction of a whole ("two thirds of")
    lone_one: bool = False  # "one" alone, often a pronoun or determiner
    unit: str | None = None  # a unit read with the number ("about an hour")
    currency: str | None = None  # an ISO code glued to the digits ("GBP738")


@dataclasses.dataclass
class _Figure:
    start: int  # token index, hedge and currency included
    end: int  # token index, exclusive
    core_start: int
    core_end: int
    value: float | None
    low: float | None
    high: float | None
    approx: str | None
    kind: str
    unit: str | None
    counted: str | None = None
    counted_how: str | None = None
    anchor: int = 0  # the token whose syntactic head lies outside the figure
    merged_down_to: int | None = None  # compound durations: the smallest unit taken in, in seconds


# --- public API ---------------------------------------------------------------------


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
    i = 0
    while i < n:
        token = doc[i]
        if not _may_start_quantity(token):
            i += 1
            continue
        if DIGIT_ONLY.match(token.text.lstrip("+")):
            # a few tokens of text around the number, not doc.text (rebuilt on every access)
            first = i - 1 if i > 0 and doc[i - 1].text == "(" and not doc[i - 1].whitespace_ else i
            nearby = "".join(t.text_with_ws for t in doc[first:i + 9])
            phone = PHONE.match(nearby)
            if phone and _is_phone(phone.group(0)):
                phone_end = doc[first].idx + phone.end()
                while i < n and doc[i].idx < phone_end:
                    i += 1
                continue
        quantity = _read_range(doc, i)
        if quantity is None:
            i += 1
            continue
        figure = _figure(doc, quantity)
        i = max(quantity.end, i + 1)
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
        rows.append({
            "start": span.start_char,
            "end": span.end_char,
            "text": span.text,
            "value": _float(figure.value),
            "low": _float(figure.low),
            "high": _float(figure.high),
            "approx": figure.approx,
            "kind": figure.kind,
            "unit": figure.unit,
            "counted": figure.counted,
            "counted_how": figure.counted_how,
            "sentence": max(0, bisect.bisect_right(sentence_starts, figure.start) - 1),
        })
    return rows


def _is_phone(text: str) -> bool:
    """Seven digits or more in groups, or a leading "+" or "(": a phone number, not amounts."""
    return text.startswith(("+", "(")) or sum(len(group) for group in re.findall(r"\d+", text)) >= 7


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


# --- reading quantities ---------------------------------------------------------------


def _may_start_quantity(token: Token) -> bool:
    lower = token.lower_
    return (
        token.text[:1].isdigit()
        or lower in numbers.NUMBER_WORDS
        or lower in ("a", "an", "half", "few", "several", "tens", "scores")
        or lower in VAGUE_PLURALS
        or bool(numbers.HYPHENATED_WORDS.match(lower))
        or (lower[:1] in "+." and token.like_num)
        or (token.text[-1:].isdigit() and CURRENCY_CODE.match(token.text) is not None)
    )


def _read_range(doc: Doc, i: int) -> _Quantity | None:
    """A quantity at token ``i``, joined with a second one into a range where the text says so."""
    first = _read_single(doc, i)
    if first is None:
        return None
    j = first.end
    n = len(doc)
    # "45% to 60%": the first sign is repeated; the range ends before the second one
    percent_range = j + 2 < n and doc[j].text == "%" and doc[j + 1].lower_ in ("to", "-", "–", "and", "or")
    if percent_range:
        j += 1
    if j + 1 < n and first.vague is None and not first.percent:
        connector = doc[j].lower_
        between = first.start > 0 and doc[first.start - 1].lower_ == "between"
        joins = connector in ("to", "or", "-", "–", "—") or (connector == "and" and between)
        glued_dash = connector in ("-", "–") and (doc[j - 1].whitespace_ or doc[j].whitespace_)
        # "rose from 50 to 60" is two figures; "ranging from 50 to 60" is one range
        starts_from = first.start > 0 and doc[first.start - 1].lower_ == "from" and not (
            first.start > 1 and doc[first.start - 2].lemma_ == "range")
        if joins and not glued_dash and not starts_from:
            second = _read_single(doc, j + 1)
            if percent_range and (second is None or second.end >= n or doc[second.end].text != "%"):
                return first
            if second is not None and second.value is not None and first.value is not None and not second.percent \
                    and first.currency == second.currency:
                low = first.value
                if first.scale is None and second.scale and low * second.scale <= second.value:
                    low *= second.scale  # "four to five thousand": the scale is shared
                if low < second.value or connector in ("-", "–"):
                    return _Quantity(first.start, second.end, None, low, second.value,
                                     scale=second.scale, words=first.words)
    return first


def _read_single(doc: Doc, i: int) -> _Quantity | None:
    token = doc[i]
    lower = token.lower_
    n = len(doc)
    coded = CURRENCY_CODE.match(token.text)
    if coded and coded.group(1) in CURRENCY_CODES and numbers.parse_digits(coded.group(2)) is not None:
        # "GBP738 thousand", "SEK9 million": the tokenizer keeps an ISO code and its amount together
        j, value, scale = _read_scales(doc, i + 1, numbers.parse_digits(coded.group(2)))
        return _Quantity(i, j, value, scale=scale, currency=coded.group(1))
    digits = numbers.parse_digits(token.text)
    if digits is not None:
        if _glued_to_name(doc, i):
            return None
        j, value, scale = _read_scales(doc, i + 1, digits)
        if numbers.DIGITS_WITH_SUFFIX.match(token.text):
            scale = 1.0
        return _Quantity(i, j, value, scale=scale)

    # Vague quantities: "a few (dozen)", "several (hundred)", "dozens", "tens of thousands".
    vague = _read_vague(doc, i)
    if vague is not None:
        return vague

    # Fractions of a whole: "two-thirds majority", "two thirds of", "a quarter of", "half of".
    if lower in numbers.UNITS and i + 2 < n and doc[i + 1].text in ("-", "–") and not token.whitespace_ \
            and not doc[i + 1].whitespace_ and doc[i + 2].lower_ in FRACTIONS:
        return _Quantity(i, i + 3, round(100 * numbers.UNITS[lower] * FRACTIONS[doc[i + 2].lower_], 1),
                         words=True, percent=True)
    if lower == "half" and i + 1 < n and doc[i + 1].lower_ == "of":
        if i > 0 and (doc[i - 1].lower_ in ("the", "other", "latter", "former", "first", "second", "top",
                                            "bottom", "northern", "southern", "eastern", "western")):
            return None  # "the second half of the month" is a part, not a share
        return _Quantity(i, i + 1, 50.0, percent=True)
    if (lower in numbers.UNITS or lower in ("a", "an")) and i + 2 < n and doc[i + 1].lower_ in FRACTIONS \
            and doc[i + 1].lower_ not in ("half", "halves") and doc[i + 2].lower_ in SCALES \
            and doc[i + 2].lower_ != "dozen":
        # "a quarter million", "three quarters billion"
        count = 1 if lower in ("a", "an") else numbers.UNITS[lower]
        scale = SCALES[doc[i + 2].lower_]
        return _Quantity(i, i + 3, count * FRACTIONS[doc[i + 1].lower_] * scale, scale=scale, words=True)
    if (lower in numbers.UNITS or lower in ("a", "one")) and i + 2 < n and doc[i + 1].lower_ in FRACTIONS \
            and doc[i + 1].lower_ not in ("half", "halves") and doc[i + 2].lower_ == "of":
        count = 1 if lower in ("a", "an") else numbers.UNITS[lower]
        share = count * FRACTIONS[doc[i + 1].lower_]
        # "a quarter of a million" is a number, not a share
        if i + 4 < n and doc[i + 3].lower_ in ("a", "an", "one") and doc[i + 4].lower_ in SCALES \
                and doc[i + 2].lower_ == "of":
            scale = SCALES[doc[i + 4].lower_]
            return _Quantity(i, i + 5, share * scale, scale=scale, words=True)
        return _Quantity(i, i + 2, round(100 * share, 1), words=True, percent=True)

    # "about an hour", "nearly a year": a hedged "a" before a time unit is one of it.
    if lower in ("a", "an") and i + 1 < n and numbers.UNITS_OF_MEASURE.get(doc[i + 1].lower_) in TIME_UNITS \
            and _hedge_before(doc, i) is not None and _hedge_before(doc, i)[0] in HEDGES:
        return _Quantity(i, i + 2, 1.0, words=True, unit=numbers.UNITS_OF_MEASURE[doc[i + 1].lower_])

    # Number words: "two million", "one hundred and twenty", "a hundred", "half a million".
    j = i
    words: list[str] = []
    while j < n:
        word = doc[j].lower_
        previous = words[-1] if words else None
        if word in numbers.NUMBER_WORDS or numbers.HYPHENATED_WORDS.match(word):
            if word in ("dozen",) and previous is None:
                break
            words.append(word)
        elif word in ("a", "an") and (previous in (None, "half")) and j + 1 < n and doc[j + 1].lower_ in SCALES:
            words.append(word)
        elif word == "half" and previous is None and j + 2 < n and doc[j + 1].lower_ in ("a", "an") \
                and doc[j + 2].lower_ in SCALES:
            words.append(word)
        elif word == "and" and previous in ("hundred", "thousand", "million", "billion") and j + 1 < n \
                and (doc[j + 1].lower_ in numbers.UNITS or doc[j + 1].lower_ in numbers.TENS):
            words.append(word)
        elif word in ("-", "–") and previous in numbers.TENS and not doc[j - 1].whitespace_ \
                and not doc[j].whitespace_ and j + 1 < n and doc[j + 1].lower_ in numbers.UNITS:
            words.append(word)
        else:
            break
        j += 1
    if not words or words[-1] in ("a", "an", "half", "and"):
        return None
    if len(words) == 1 and words[0] in SCALES:
        return None  # "thousand" alone, as in "GBP738 thousand", is the tail of a number read elsewhere
    if j + 3 < n and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
            and not doc[j + 1].whitespace_ and doc[j + 2].text == "-" and not doc[j + 2].whitespace_:
        return None  # part of a compound adjective: "two-party-preferred vote"
    value = numbers.parse_words(words)
    if value is None:
        return None
    # the last scale word is shared with a first number that has none: "four to five thousand"
    return _Quantity(i, j, value, scale=SCALES.get(words[-1]), words=True, lone_one=words == ["one"])


def _read_scales(doc: Doc, j: int, value: float) -> tuple[int, float, float | None]:
    """Scale words after digits ("2.5 million", "1.8 m"): the end, the value and the last scale."""
    scale = None
    while j < len(doc):
        word = doc[j].lower_
        if word in SCALES and word != "dozen":
            value, scale = value * SCALES[word], SCALES[word]
        elif word in SUFFIXES and not doc[j - 1].whitespace_:
            value, scale = value * SUFFIXES[word], SUFFIXES[word]
        else:
            break
        j += 1
    return j, value, scale


def _read_vague(doc: Doc, i: int) -> _Quantity | None:
    n = len(doc)
    lower = doc[i].lower_
    words: list[str] = []
    j = i
    if lower in ("a", "an") and i + 1 < n and doc[i + 1].lower_ in ("few", "couple", "handful"):
        words, j = [lower, doc[i + 1].lower_], i + 2
    elif lower == "several" or (lower == "few" and i > 0 and doc[i - 1].lower_ in ("just", "only", "the")):
        words, j = [lower], i + 1
    if words:
        low, high = VAGUE_WORDS[words[-1]]
        scale = SCALES.get(doc[j].lower_) if j < n else None
        if scale:
            low, high = low * scale, high * scale
            words.append(doc[j].lower_)
            j += 1
        elif words[-1] in ("couple", "handful") and not (j < n and doc[j].lower_ == "of"):
            return None  # "a couple" alone is two people, "a handful" is not a count
        label = " ".join(words)
        if label in VAGUE:
            low, high = VAGUE[label]
        if words[0] == "few":
            label = "few"
        return _Quantity(i, j, None, low, high, vague=label)
    if lower in VAGUE_PLURALS and doc[i].pos_ in ("NOUN", "NUM", "PROPN") and not doc[i].text[:1].isupper() \
            or (lower in VAGUE_PLURALS and i == doc[i].sent.start):
        label = lower
        j = i + 1
        if j + 1 < n and doc[j].lower_ == "of" and doc[j + 1].lower_ in ("thousands", "millions", "billions"):
            label, j = f"{lower} of {doc[j + 1].lower_}", j + 2
        if label == "tens" or label not in VAGUE:
            return None  # "tens" alone is not a quantity in news prose
        if not (j < n and (doc[j].lower_ == "of" or doc[j].pos_ in ("NOUN", "ADJ")) or doc[i].dep_ in ("pobj", "dobj", "nsubj", "attr", "conj")):
            return None
        low, high = VAGUE[label]
        return _Quantity(i, j, None, low, high, vague=label)
    return None


# --- from a quantity to a figure ---------------------------------------------------------


def _figure(doc: Doc, quantity: _Quantity) -> _Figure | None:
    """Extend a quantity with its hedge, currency and unit; None when it is not a figure."""
    n = len(doc)
    start, end = quantity.start, quantity.end
    approx = hedge_side = None
    unit = kind = None
    emphasised = False

    # Left: currency sign, then hedges and emphasis ("just over", "about $", "between").
    if start > 0 and doc[start - 1].lower_ in CURRENCY_SYMBOLS and \
            (quantity.value is not None or quantity.low is not None):
        kind, unit = "money", CURRENCY_SYMBOLS[doc[start - 1].lower_]
        start -= 1
    if quantity.currency:
        kind, unit = "money", quantity.currency
    magnitude_before = start > 0 and doc[start - 1].lower_ == "magnitude"
    # "over magnitude 4.5": a hedge may stand before the word "magnitude", which then joins the span
    left = start - 1 if magnitude_before else start
    for _ in range(3):  # "only about", "just over": emphasis and hedge, read leftwards
        matched = _hedge_before(doc, left)
        if matched is None:
            break
        words, width = matched
        if words in HEDGES and approx is None:
            approx, hedge_side = words, HEDGES[words]
        elif words in EMPHASIS:
            emphasised = True
        elif words == "between" and quantity.value is None and quantity.low is not None:
            approx = "between"
        else:
            break
        left -= width
        start = left
    if magnitude_before:
        kind, unit = "measure", "magnitude"

    # Not figures: names, identifiers, dates, years, clock times, addresses, scores, list numbers.
    if _is_not_a_figure(doc, quantity, start, approx or emphasised, kind):
        return None

    value, low, high = quantity.value, quantity.low, quantity.high
    if quantity.percent:
        kind, unit = "percent", "%"
    # Right: "%", "percent", currency words, units of measure, ages.
    j = end
    following = doc[j].lower_ if j < n else ""
    if kind is None and following in ("%", "percent", "per", "pct", "pc", "percentage") and (
            following != "per" or (j + 1 < n and doc[j + 1].lower_ == "cent")):
        kind, unit = "percent", "%"
        if following == "%":
            end += 1
    elif kind is None and following in CURRENCY_WORDS and not (following == "won" and doc[j].pos_ == "VERB"):
        kind, unit = "money", CURRENCY_WORDS[following]
    elif kind is None and following in DOLLAR_COUNTRIES and j + 1 < n and doc[j + 1].lower_ in ("dollar", "dollars"):
        kind, unit = "money", DOLLAR_COUNTRIES[following]
    elif kind is None and j + 1 < n and doc[j].text[:1].isupper() and doc[j + 1].lower_ in CURRENCY_WORDS \
            and doc[j + 1].lower_ not in ("dollar", "dollars", "won"):
        kind, unit = "money", CURRENCY_WORDS[doc[j + 1].lower_]  # "100,000 Georgian lari"
    elif kind is None and quantity.unit:
        kind, unit = "measure", quantity.unit
    elif kind is None:
        measure = _unit_after(doc, j)
        if measure:
            kind, unit = "measure", measure
        elif start > 0 and doc[start - 1].lower_ in AGE_WORDS_BEFORE or (
                start > 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ == "age"):
            kind, unit = "measure", "year"
        elif _is_age_predicate(doc, quantity):
            kind, unit = "measure", "year"
    if kind is None:
        kind = "count"
    if kind == "money" and unit == "USD" and start > 0 and doc[start - 1].lower_ in DOLLAR_COUNTRIES:
        unit = DOLLAR_COUNTRIES[doc[start - 1].lower_]

    # A duration anchored in time is a time expression, not a quantity claimed.
    if kind == "measure" and unit in TIME_UNITS and _anchored_in_time(doc, start, quantity.end):
        kind = "time"
    if quantity.lone_one and (approx == "some" or (approx is None and not emphasised
                                                   and not _coordinated_with_number(doc, quantity))):
        return None  # "one resident said", "some one of us": a determiner or pronoun, not a count

    if value is not None and hedge_side in ("low", "high"):
        if hedge_side == "low":
            low = value
        else:
            high = value
    if quantity.vague:
        approx = quantity.vague
    figure = _Figure(start, end, quantity.start, quantity.end, value, low, high, approx, kind, unit,
                     anchor=_anchor(doc, quantity.start, quantity.end))
    if kind in ("count", "percent"):
        counted = _counted_direct(doc, figure)
        if counted:
            figure.counted, figure.counted_how = counted, "direct"
    return figure


def _hedge_before(doc: Doc, left: int) -> tuple[str, int] | None:
    """The longest hedge, emphasis or "between" ending just before token ``left``."""
    for width in (3, 2, 1):
        if left - width < 0:
            continue
        words = " ".join(t.lower_ for t in doc[left - width:left])
        if words in HEDGES or words in EMPHASIS or words == "between":
            if words in ("over", "under", "above", "below", "about", "around") and width == 1:
                # "took over 3", "in and around 5": the preposition must modify the number.
                previous = doc[left - 2].lower_ if left >= 2 else ""
                if previous in ("and", "or"):
                    continue
            return words, width
    return None


def _glued_to_name(doc: Doc, i: int) -> bool:
    """True for digits that are part of a word: "Il-62", "G-20", "CoV-2", "#5".

    Reads neighbouring tokens, not ``doc.text``: spaCy rebuilds that string on every access.
    """
    token = doc[i]
    if i > 0 and not doc[i - 1].whitespace_:
        before = doc[i - 1].text
        if before[-1].isalpha() or before == "#":
            return True
        if before in ("-", "/", "_") and i > 1 and not doc[i - 2].whitespace_ and \
                any(character.isalpha() for character in doc[i - 2].text):
            return True  # "CoV-2", "K2-18b", "x86-64"
    if token.whitespace_ or i + 1 >= len(doc):
        return False
    following = doc[i + 1]
    return following.text[:1].isalpha() and not (
        following.lower_ in SUFFIXES or following.lower_ in UNITS_OF_MEASURE
        or following.lower_ in SCALES or following.lower_ in CLOCK_WORDS)


def _is_not_a_figure(doc: Doc, quantity: _Quantity, start: int, hedged, kind: str | None) -> bool:
    n = len(doc)
    core = doc[quantity.start:quantity.end]
    first, last = doc[quantity.start], doc[quantity.end - 1]
    before = doc[quantity.start - 1] if quantity.start > 0 else None
    after = doc[quantity.end] if quantity.end < n else None
    digits = numbers.parse_digits(first.text) is not None

    # List numbering at the start of a line: "1." / "2)".
    line_start = quantity.start == 0 or "\n" in doc[quantity.start - 1].text
    if digits and line_start and after is not None \
            and after.text in (".", ")") and not hedged:
        return True
    # Dates: a day next to a month ("June 26", "26 June", "Dec. 28").
    if before is not None and before.lower_ in MONTHS and (before.text[:1].isupper()) and digits:
        return True
    if after is not None and after.lower_ in MONTHS and after.text[:1].isupper() and digits:
        return True
    if after is not None and after.lower_ == "of" and quantity.end + 1 < n and \
            doc[quantity.end + 1].lower_ in MONTHS and doc[quantity.end + 1].text[:1].isupper():
        return True
    # Years: four digits between 1000 and 2100 ("in 2019", "the 2018 elections", "around 1970"),
    # unless they count something ("nearly 2000 people") or are money.
    if _looks_like_year(quantity, core) and kind != "money" and quantity.end - quantity.start == 1:
        counts_noun = after is not None and after.tag_ == "NNS" and after.lower_ not in UNITS_OF_MEASURE
        tagged_date = first.ent_type_ == "DATE" or (before is not None and before.lower_ in ("the", "'s", "in",
                                                                                          "since", "until"))
        if tagged_date or not (counts_noun or hedged):
            return True
    # Clock times: "10 am", "0800 GMT".
    if digits and after is not None and after.lower_ in CLOCK_WORDS:
        return True
    # Names and identifiers: "Boeing 737", "Section 5", "Group of 20", "No. 5", "Six Flags".
    if not hedged and kind is None:
        if not digits and first.text[:1].isupper() and first.i != first.sent.start and after is not None \
                and after.text[:1].isupper() and after.pos_ == "PROPN":
            return True
        if before is not None and (before.lower_ in LABELS or (before.text == "." and quantity.start > 1
                                                               and doc[quantity.start - 2].lower_ in ("no", "nos"))):
            return True
        if before is not None and before.is_alpha and before.is_upper and 2 <= len(before.text) <= 5 \
                and not _counts_following_noun(doc, quantity):
            return True  # "HR 6819", "CentOS 7" style catalogue names with an acronym
        if before is not None and before.pos_ == "PROPN" and before.text[:1].isupper() and \
                before.lower_ not in MONTHS and not _counts_following_noun(doc, quantity):
            return True
        if before is not None and before.lower_ == "of" and quantity.start > 1:
            name = doc[quantity.start - 2]
            if name.pos_ == "PROPN" and name.text[:1].isupper() and not _counts_following_noun(doc, quantity):
                return True
        if any(t.ent_type_ in NAME_ENTITIES for t in core) and not _counts_following_noun(doc, quantity):
            return True
    # Street addresses: "10 Downing Street".
    if digits and not hedged:
        for k in range(quantity.end, min(n, quantity.end + 4)):
            if doc[k].lower_ in STREET_WORDS and doc[k].text[:1].isupper():
                if all(doc[m].text[:1].isupper() for m in range(quantity.end, k + 1)):
                    return True
            if not doc[k].text[:1].isupper():
                break
    # Scores and tallies: "won 3-1", "a 2-0 victory", "a 5-4 ruling".
    if quantity.low is not None and quantity.value is None and quantity.vague is None and digits:
        dash = any(t.text in ("-", "–") for t in core)
        if dash and quantity.high is not None and quantity.high <= 30 and (
                quantity.low >= quantity.high or any(t.lower_ in SCORE_CONTEXT for t in first.sent)):
            return True
        if dash and _looks_like_year(quantity, core[:1]):
            return True  # "2019-2020"
    # Ordinal-like words never reach here; spelled-out "one" as a pronoun is handled by the caller.
    return False


def _looks_like_year(quantity: _Quantity, core) -> bool:
    text = core[0].text
    return len(text) == 4 and text.isdigit() and 1000 <= int(text) <= 2100


def _counts_following_noun(doc: Doc, quantity: _Quantity) -> bool:
    """True when the number modifies a following common noun ("Labour Party - 203 seats")."""
    j = quantity.end
    return j < len(doc) and doc[j].pos_ == "NOUN" and doc[j].text[:1].islower() and doc[j].tag_ == "NNS"


def _unit_after(doc: Doc, j: int) -> str | None:
    """The unit of measure right after a number ("5 km", "48-acre", "36-year-old", "years old")."""
    n = len(doc)
    if j < n and doc[j].text in ("-", "–") and not doc[j - 1].whitespace_ and j + 1 < n:
        j += 1
    if j + 1 < n and doc[j + 1].lower_ in UNITS_OF_MEASURE and (
            (doc[j].pos_ == "ADJ" and UNITS_OF_MEASURE[doc[j + 1].lower_] in TIME_UNITS)
            or doc[j].lower_ in UNIT_QUALIFIERS):
        j += 1  # "two consecutive days", "37 billion U.S. gallons", "31 billion imperial gallons"
    if j >= n:
        return None
    word = doc[j].lower_
    if word in ("square", "sq", "sq.", "cubic") and j + 1 < n and doc[j + 1].lower_ in UNITS_OF_MEASURE:
        return f"{word.rstrip('.')} {UNITS_OF_MEASURE[doc[j + 1].lower_]}".replace("sq ", "square ")
    if word in ("nautical", "light") and j + 1 < n and doc[j + 1].lower_.startswith(("mile", "year")):
        return f"{word} {doc[j + 1].lower_.rstrip('s')}"
    if word in UNITS_OF_MEASURE and word not in ("in.", "t", "l", "w", "sq", "cubic", "nautical"):
        if word in ("point", "points") and not (j + 1 < n and doc[j + 1].lower_ in ("lead", "margin", "drop", "rise",
                                                                                  "gap", "swing", "increase")):
            return None
        return UNITS_OF_MEASURE[word]
    return None


def _is_age_predicate(doc: Doc, quantity: _Quantity) -> bool:
    """"she was 26", "Smithers, 36, said": a bare number said of a person is an age."""
    head = doc[_anchor(doc, quantity.start, quantity.end)]
    if quantity.value is None or not (0 < quantity.value < 125) or quantity.value != int(quantity.value):
        return False
    following = doc[quantity.end] if quantity.end < len(doc) else None
    if following is not None and following.pos_ in ("NOUN", "PROPN", "ADJ"):
        return False
    if head.dep_ in ("attr", "acomp") and head.head.lemma_ == "be":
        subjects = [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        # spaCy tags ages as DATE; with a capitalised subject that is no entity it is a name
        return any(_is_person(s) or (head.ent_type_ == "DATE" and s.text[:1].isupper() and s.ent_type_ == ""
                                     and s.pos_ in ("PROPN", "NOUN")) for s in subjects)
    if head.dep_ == "appos" and _is_person(head.head):
        return True
    before = doc[quantity.start - 1] if quantity.start > 0 else None
    return (before is not None and before.text == "," and quantity.start > 1
            and doc[quantity.start - 2].ent_type_ == "PERSON" and following is not None and following.text == ",")


#: Common nouns for people, whose bare number after "was" is an age ("the victim was 26").
PERSON_NOUNS = {"man", "woman", "boy", "girl", "victim", "suspect", "driver", "mother", "father", "son",
                "daughter", "child", "singer", "actor", "actress", "player", "author", "president", "leader",
                "founder", "teenager", "pilot", "officer", "soldier", "patient", "wife", "husband", "brother",
                "sister", "star", "artist", "writer", "politician", "senator", "minister", "judge", "doctor",
                "chairman", "chairwoman", "chair", "governor", "mayor", "spokesman", "spokeswoman", "nurse",
                "teacher", "student", "worker", "farmer", "lawyer", "businessman", "businesswoman", "musician",
                "composer", "mathematician", "scientist", "director", "coach", "athlete", "emperor", "king",
                "queen", "prince", "princess", "pope", "bishop", "priest", "rapper", "comedian", "journalist"}


def _is_person(token: Token) -> bool:
    """A person as the parse shows it: a PERSON entity, he/she/I, a person noun, or a bare name."""
    if token.ent_type_ == "PERSON" or token.lower_ in ("he", "she", "i") or token.lemma_.lower() in PERSON_NOUNS:
        return True
    if any(child.dep_ == "appos" and child.lemma_.lower() in PERSON_NOUNS for child in token.children):
        return True  # "Cummings, the Democratic chairman of ..."
    # the small model often leaves a lone surname untagged ("Cummings, the chairman, was 68")
    return token.pos_ == "PROPN" and token.ent_type_ == "" and token.text[:1].isupper()


def _anchored_in_time(doc: Doc, start: int, core_end: int) -> bool:
    n = len(doc)
    j = core_end
    while j < n and (doc[j].lower_ in UNITS_OF_MEASURE or doc[j].text in ("-", "–")):
        j += 1
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


def _anchor(doc: Doc, start: int, end: int) -> int:
    """The token of ``[start, end)`` whose head lies outside it (the last one if several)."""
    anchor = end - 1
    for k in range(start, end):
        head = doc[k].head.i
        if head < start or head >= end or head == k:
            anchor = k
    return anchor


# --- what is counted -------------------------------------------------------------------------

_NOT_COUNTED = (set(UNITS_OF_MEASURE) - {"point", "points"}) | set(CURRENCY_WORDS) | {"%", "percent", "cent", "per", "them", "us",
                                                              "those", "these", "which", "whom", "who"}


def _counted_direct(doc: Doc, figure: _Figure) -> str | None:
    n = len(doc)
    j = figure.end
    if j < n and doc[j].lower_ in ("percent", "pct", "pc"):
        j += 1
    elif j + 1 < n and doc[j].lower_ == "per" and doc[j + 1].lower_ == "cent":
        j += 2
    # "dozens of protesters", "39 of South Carolina's 54 delegates", "48% of the vote"
    if j < n and doc[j].lower_ == "of":
        objects = [c for c in doc[j].children if c.dep_ == "pobj"]
        if objects and objects[0].pos_ in ("NOUN", "PROPN") and objects[0].lower_ not in _NOT_COUNTED:
            return _noun_phrase(doc, objects[0], j + 1)
        return None
    if figure.kind != "count":
        return None
    if j < n and doc[j].lower_ in ("dead", "injured", "wounded", "missing", "killed", "homeless", "displaced"):
        return doc[j].lower_  # "a toll of 27 dead"
    anchor = doc[figure.anchor]
    head = anchor.head
    if anchor.dep_ in ("appos", "conj") and head.pos_ == "NOUN" and head.i < figure.start \
            and head.tag_ == "NNS" and figure.start - head.i <= 2:
        return _noun_phrase(doc, head, head.left_edge.i)  # "the number of women, 102,"
    if anchor.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "det") and head.i >= figure.core_end \
            and head.pos_ in ("NOUN", "PROPN") and head.lower_ not in _NOT_COUNTED and head.i - figure.end <= 5:
        return _noun_phrase(doc, head, figure.end)
    # The parse missed the link: take the noun that directly follows ("Twenty-five people",
    # "21 confirmed cases").
    k = figure.end
    while k < n and k - figure.end < 3 and (doc[k].pos_ == "ADJ" or (doc[k].tag_ == "VBN" and k + 1 < n
                                                                       and doc[k + 1].pos_ == "NOUN")):
        k += 1
    if k < n and doc[k].pos_ == "NOUN" and doc[k].lower_ not in _NOT_COUNTED and doc[k].tag_ in ("NNS", "NN"):
        noun = doc[k]
        if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i > noun.i + 2:
            return _noun_phrase(doc, noun, figure.end)
        while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.i - noun.i <= 2 \
                and noun.head.pos_ == "NOUN":
            noun = noun.head
        return _noun_phrase(doc, noun, figure.end)
    # "a population of 2 billion", "a crowd of 100": the noun the figure measures
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.pos_ == "NOUN" \
            and doc[figure.start - 1].lower_ not in ("the", "these", "those") \
            and anchor.head.head.lemma_ not in QUANTITY_NOUNS and anchor.head.head.lemma_ not in SCALE_NOUNS \
            and anchor.head.head.i < figure.start \
            and not (k < n and doc[k].pos_ in ("NOUN", "PROPN")):
        return _noun_phrase(doc, anchor.head.head, anchor.head.head.left_edge.i)
    return None


def _noun_phrase(doc: Doc, noun: Token, leftmost: int) -> str:
    """The noun with its adjectives and compound nouns ("military experts", "U.S. troops")."""
    start = noun.i
    for child in noun.lefts:
        if child.dep_ in ("amod", "compound", "nmod") and child.i >= leftmost and child.pos_ != "NUM":
            start = min(start, child.left_edge.i if child.left_edge.i >= leftmost else child.i)
    while start < noun.i and doc[start].pos_ in ("PUNCT", "DET", "NUM"):
        start += 1
    end = noun.i + 1
    # a hyphenated noun the tokenizer split: "co-petitioners", "ex-soldiers"
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    # "private homes and businesses": a coordinated noun right after is counted too
    if end + 1 < len(doc) and doc[end].dep_ == "cc" and doc[end + 1].dep_ == "conj" \
            and doc[end + 1].head.i == noun.i and doc[end + 1].pos_ == "NOUN" and doc[end + 1].tag_ == noun.tag_:
        end += 2
    return doc[start:end].text


#: Verbs (and states after "be") whose bare number counts people: "killed twelve", "190 were dead".
CASUALTY_WORDS = {"kill", "injure", "wound", "die", "hurt", "arrest", "evacuate", "rescue", "displace",
                  "detain", "drown", "dead", "injured", "missing", "killed", "wounded", "hospitalise",
                  "hospitalize", "hospitalised", "hospitalized", "jail", "convict", "charge", "deport"}
#: Nouns that stand for a quantity of something else: "the number of polling stations".
QUANTITY_NOUNS = {"number", "total", "count", "amount", "share", "proportion", "tally", "figure", "size"}
#: How many sentences back a parallel figure may be ("gained 66 seats. Labour lost 42.").
PARALLEL_SENTENCES_BACK = 1


def _resolve_ellipsis(doc: Doc, figures: list[_Figure]) -> None:
    """Give a counted noun to counts whose noun is elided.

    In order: the object of the governing verb ("cut its staff ... to a few dozen"),
    people for casualty verbs ("killed twelve and injured twelve more", "20 were
    killed"), a parallel figure in the same sentence ("gained 13 seats and lost 10"),
    and a parallel figure in the sentence before.
    """
    if not figures:
        return
    sentence_starts = [sentence.start for sentence in doc.sents]
    sentence_of = [bisect.bisect_right(sentence_starts, figure.start) - 1 for figure in figures]
    for index, figure in enumerate(figures):
        if figure.kind != "count" or figure.counted is not None:
            continue
        anchor = doc[figure.anchor]
        if anchor.dep_ in ("nummod",) and anchor.head.pos_ == "NOUN" and anchor.head.i >= figure.end:
            continue  # it counts a noun we chose not to name (a unit, a pronoun)
        if figure.end < len(doc) and doc[figure.end].lower_ == "of":
            continue  # "one of them": a part of something said elsewhere
        noun = _object_of_governing_verb(anchor)
        if noun is not None:
            figure.counted, figure.counted_how = _noun_phrase(doc, noun, noun.left_edge.i), "ellipsis"
            continue
        if _counts_casualties(anchor):
            figure.counted, figure.counted_how = "people", "ellipsis"
            continue
        parallel = _parallel_figure(figures, index, sentence_of, same_sentence=True)
        if parallel is None:
            parallel = _parallel_figure(figures, index, sentence_of, same_sentence=False)
        if parallel is not None:
            figure.counted, figure.counted_how = parallel.counted, "ellipsis"
    # "from 180 to 5": the parse hangs the first number on the second; they count the same thing
    for figure in figures:
        anchor = doc[figure.anchor]
        if figure.kind == "count" and figure.counted is None and anchor.dep_ == "quantmod":
            for other in figures:
                if other is not figure and other.start <= anchor.head.i < other.end and other.counted:
                    figure.counted, figure.counted_how = other.counted, "ellipsis"


def _object_of_governing_verb(anchor: Token) -> Token | None:
    if anchor.dep_ != "pobj" or anchor.head.lower_ not in ELLIPSIS_PREPOSITIONS:
        return None
    verb = anchor.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "nsubj") and child.pos_ == "NOUN" \
                and child.lower_ not in _NOT_COUNTED and not any(c.dep_ == "nummod" for c in child.children):
            if child.lemma_ in QUANTITY_NOUNS:
                # "cut the number of polling stations from 180 to 5", "the number of justices
                # remain at nine": what the number is of
                of = [c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"]
                objects = [c for c in of[0].children if c.dep_ == "pobj"] if of else []
                return objects[0] if objects and objects[0].pos_ == "NOUN" else None
            if child.dep_ != "nsubj":
                return child
    return None


def _counts_casualties(anchor: Token) -> bool:
    verb = anchor.head
    if anchor.dep_ in ("dobj", "nsubjpass", "nsubj") and verb.lemma_ in CASUALTY_WORDS:
        return True
    if anchor.dep_ == "nsubj" and verb.lemma_ == "be":
        return any(c.dep_ in ("acomp", "attr") and c.lower_ in CASUALTY_WORDS for c in verb.children)
    return False


def _parallel_figure(figures: list[_Figure], index: int, sentence_of: list[int],
                     same_sentence: bool) -> _Figure | None:
    """The nearest count with a direct counted noun, in the same sentence or just before."""
    sentence = sentence_of[index]
    candidates = [k for k in range(len(figures)) if k != index and figures[k].kind == "count"
                  and figures[k].counted_how == "direct" and figures[k].counted]
    if same_sentence:
        same = [k for k in candidates if sentence_of[k] == sentence]
        return figures[min(same, key=lambda k: (abs(k - index), k > index))] if same else None
    earlier = [k for k in candidates if sentence - PARALLEL_SENTENCES_BACK <= sentence_of[k] < sentence]
    return figures[max(earlier)] if earlier else None


def _merge_compound_durations(doc: Doc, figures: list[_Figure]) -> list[_Figure]:
    """"2 hours 1 minute 39 seconds" is one duration, in seconds, from larger to smaller units."""
    seconds = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
    merged: list[_Figure] = []
    for figure in figures:
        previous = merged[-1] if merged else None
        if previous is not None and previous.kind == figure.kind == "measure" and previous.unit in seconds \
                and figure.unit in seconds and previous.value is not None and figure.value is not None:
            # the previous figure's unit word follows it, unless a merge already took it in
            gap = previous.end
            if gap < len(doc) and doc[gap].lower_ in UNITS_OF_MEASURE:
                gap += 1
            smallest = previous.merged_down_to or seconds[previous.unit]
            last_unit = 1 if previous.merged_down_to else seconds[previous.unit]
            adjacent = figure.start == gap or (figure.start == gap + 1 and doc[gap].lower_ in ("and", ","))
            if adjacent and seconds[figure.unit] < smallest:
                total = previous.value * last_unit + figure.value * seconds[figure.unit]
                end = figure.end + (1 if figure.end < len(doc) and doc[figure.end].lower_ in UNITS_OF_MEASURE else 0)
                merged[-1] = dataclasses.replace(previous, end=end, value=round(total, 3), unit="second",
                                                 merged_down_to=seconds[figure.unit])
                continue
        merged.append(figure)
    return merged


# --- helpers for notebooks -------------------------------------------------------------------


def vague_quantities() -> pd.DataFrame:
    """The numbers the kit assigns to vague quantities, as a table (``kit.numbers.VAGUE``).

    >>> table = vague_quantities().set_index("words")
    >>> table.loc["a few dozen", ["low", "high"]].tolist()
    [24.0, 60.0]
    """
    return pd.DataFrame([{"words": words, "low": float(low), "high": float(high)}
                         for words, (low, high) in VAGUE.items()])


def _singular(word: str) -> str:
    # A light singulariser, enough to match "technician" with "technicians" without a
    # second spaCy call: plural nouns in news are overwhelmingly regular.
    word = word.lower()
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _words(text) -> set[str]:
    if not isinstance(text, str):
        return set()
    return {_singular(w) for w in re.findall(r"[\w'.-]+", text)}


def claims_about(analysis_or_figures, terms: Iterable[str] | str, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every figure whose counted noun contains one of ``terms``, with its article's date and source.

    Matching is case-insensitive and ignores plural endings ("technician" finds
    "military technicians"). Accepts an :class:`~kit.analysis.Analysis` or a figures
    table (then pass ``articles`` for headline, date and outlet).

    >>> figures = extract("It cut its staff to a few dozen. Some 100 technicians left.")
    >>> claims_about(figures, ["staff", "technician"])[["text", "counted"]].values.tolist()
    [['a few dozen', 'staff'], ['Some 100', 'technicians']]
    """
    if hasattr(analysis_or_figures, "figures"):
        figures = analysis_or_figures.figures
        articles = analysis_or_figures.articles if articles is None else articles
    else:
        figures = analysis_or_figures
    if isinstance(terms, str):
        terms = [terms]
    wanted = {_singular(t) for term in terms for t in term.split()}
    mask = figures["counted"].map(lambda counted: bool(_words(counted) & wanted)) if len(figures) else []
    found = figures[mask].copy() if len(figures) else figures.copy()
    if articles is not None and len(found):
        columns = [c for c in ("article_id", "published", "headline", "outlet", "source") if c in articles.columns]
        found = found.merge(articles[columns], on="article_id", how="left")
        if "published" in found.columns:
            found = found.sort_values(["published", "article_id", "start"], kind="stable")
    return found.reset_index(drop=True)


def summarize_figures(figures: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per article: how many figures of each kind, how many hedged, the most counted thing.

    >>> import pandas as pd
    >>> figures = extract("About 100 experts came. 40% of them left.").assign(article_id="a1")
    >>> summarize_figures(figures)[["article_id", "n_figures", "n_count", "n_percent", "n_hedged"]].values.tolist()
    [['a1', 2, 1, 1, 1]]
    """
    columns = ["article_id", "n_figures"] + [f"n_{kind}" for kind in KINDS] + \
              ["n_hedged", "n_vague", "n_ellipsis", "largest_count", "largest_count_of", "most_counted"]
    rows = []
    for article_id, group in figures.groupby("article_id", sort=False):
        counts = group[group.kind == "count"]
        best = counts.assign(size=counts.value.fillna(counts.high)).sort_values("size", ascending=False).head(1)
        counted = group.counted.dropna().map(lambda c: " ".join(sorted(_words(c))))
        rows.append({
            "article_id": article_id,
            "n_figures": len(group),
            **{f"n_{kind}": int((group.kind == kind).sum()) for kind in KINDS},
            "n_hedged": int(group.approx.notna().sum()),
            "n_vague": int((group.value.isna() & group.low.notna() & group.high.notna()).sum()),
            "n_ellipsis": int((group.counted_how == "ellipsis").sum()),
            "largest_count": float(best["size"].iloc[0]) if len(best) else None,
            "largest_count_of": best.counted.iloc[0] if len(best) else None,
            "most_counted": group.counted.dropna().iloc[counted.reset_index(drop=True).map(
                counted.value_counts()).values.argmax()] if len(counted) else None,
        })
    summary = pd.DataFrame(rows, columns=columns)
    if articles is not None and len(summary):
        extra = [c for c in ("article_id", "published", "headline", "outlet") if c in articles.columns]
        summary = articles[extra].merge(summary, on="article_id", how="right")
    return summary


def claimed_by(analysis, quotes: pd.DataFrame | None = None, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Who puts each figure forward: the quote it sits in (if any) and that quote's speaker.

    One row per figure (all the figures table's columns) plus ``quote_start``,
    ``quote_end``, ``quote_kind`` (the quote's kind, or ``"reporter"`` when the figure
    is in no quote: the reporter's own claim), ``speaker`` (the speaker's words in the
    article; missing for the reporter), ``speaker_actor_id``, ``speaker_name`` (the
    actor's canonical name from the actors table) and ``cue`` (the reporting verb).
    A figure inside nested or overlapping quotes belongs to the shortest one (the
    innermost voice). Accepts an :class:`~kit.analysis.Analysis`, or a figures table
    with ``quotes`` (and optionally ``actors``) passed by keyword.

    >>> figures = pd.DataFrame({"article_id": ["a", "a"], "start": [10, 60], "end": [20, 70],
    ...                         "text": ["about 1,000", "around 100"]})
    >>> quotes = pd.DataFrame({"article_id": ["a"], "start": [0], "end": [40], "kind": ["indirect"],
    ...     "speaker": ["The Wall Street Journal"], "actor_id": ["wall-street-journal"], "cue": ["reported"]})
    >>> claimed_by(figures, quotes=quotes)[["text", "quote_kind", "speaker"]].values.tolist()
    [['about 1,000', 'indirect', 'The Wall Street Journal'], ['around 100', 'reporter', <NA>]]
    """
    if hasattr(analysis, "figures"):
        figures = analysis.figures
        quotes = analysis.quotes if quotes is None else quotes
        actors = getattr(analysis, "actors", None) if actors is None else actors
    else:
        figures = analysis
    if quotes is None:
        raise ValueError("claimed_by needs the quotes table: pass an Analysis or quotes=...")
    figures = figures.reset_index(drop=True)
    wanted = ["article_id", "start", "end", "kind", "speaker", "actor_id", "cue"]
    spans = quotes[[c for c in wanted if c in quotes.columns]].rename(columns={
        "start": "quote_start", "end": "quote_end", "kind": "quote_kind", "actor_id": "speaker_actor_id"})
    # One join on article_id, then keep the quotes that contain the figure: quotes per
    # article are few, so the pairs stay small and the test is vectorised.
    pairs = figures[["article_id", "start", "end"]].reset_index(names="figure").merge(spans, on="article_id")
    inside = pairs[(pairs["quote_start"] <= pairs["start"]) & (pairs["end"] <= pairs["quote_end"])]
    inside = inside.assign(length=inside["quote_end"] - inside["quote_start"])
    innermost = inside.sort_values(["figure", "length"], kind="stable").drop_duplicates("figure")
    columns = [c for c in spans.columns if c != "article_id"]
    found = figures.join(innermost.set_index("figure")[columns])
    for column in ("quote_kind", "speaker", "speaker_actor_id", "cue"):
        if column not in found.columns:
            found[column] = pd.NA
        found[column] = found[column].astype("string")
    for column in ("quote_start", "quote_end"):
        found[column] = found[column].astype("Int64")
    found["quote_kind"] = found["quote_kind"].fillna("reporter")
    names = {}
    if actors is not None and len(actors):
        names = dict(zip(actors["actor_id"], actors["name"]))
    found["speaker_name"] = found["speaker_actor_id"].map(names, na_action="ignore").astype("string")
    return found
