"""Finding figures in a parsed Doc: a quantity, its hedge, currency, unit, kind and counted noun.

See :mod:`kit.figures` for the columns and conventions.
"""

from __future__ import annotations

import bisect
import dataclasses

import pandas as pd
from spacy.attrs import LOWER, SHAPE
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from kit import lexicon
from kit.figures import numbers, units
from kit.figures.counted import _counted_direct
from kit.figures.filters import PHONE, _is_not_a_figure, _is_phone
from kit.figures.numbers import (
    CASED_UNITS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DOLLAR_COUNTRIES,
    EMPHASIS,
    HEDGES,
    TIME_UNITS,
    UNITS_OF_MEASURE,
)
from kit.figures.quantities import APPROX_MARKS, CURRENCY_CODES, DIGIT_ONLY, START_WORDS, _Figure, _hedge_before, _may_start_quantity, _Quantity, _read_range
from kit.figures.resolve import _merge_compound_durations, _resolve_ellipsis
from kit.tables import conform

KINDS = ("count", "money", "percent", "measure")
#: Words that anchor a duration in time, making it a time expression ("three months ago").
TIME_ANCHORS_AFTER = lexicon.words("figures_time_anchors_after")
TIME_ANCHORS_BEFORE = lexicon.words("figures_time_anchors_before")
#: Words that may stand between a number and its unit without changing it.
UNIT_QUALIFIERS = lexicon.words("figures_unit_qualifiers")
AGE_WORDS_BEFORE = lexicon.words("figures_age_words")
#: Nouns a price may be "a" of, beside units ("$98 a share", "64 cents a dozen", "£90 a head").
RATE_NOUNS = lexicon.words("figures_rate_nouns")
#: Common nouns for people, whose bare number after "was" is an age ("the victim was 26").
PERSON_NOUNS = lexicon.words("human_nouns")  # shared with the actors (measured: same figures scores)


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


@dataclasses.dataclass
class _Right:
    """What follows a quantity: its kind, unit (a name), currency, the unit as written, the figure's end."""

    kind: str
    unit: str | None
    currency: str | None
    unit_text: str | None
    end: int


#: Words after a number that make it money in a currency's hundredth ("85 cents", "50p").
SMALL_CHANGE = {"cent": "cent", "cents": "cent", "pence": "penny", "penny": "penny", "p": "penny"}


def _read_right(doc: Doc, quantity: _Quantity, left: _Left) -> _Right:
    """Kind, unit and end from what follows: "%", "percent", currency words, units, ages, rates."""
    n = len(doc)
    start, end, j = left.start, quantity.end, quantity.end
    kind, currency, unit_text = left.kind, left.currency, left.unit_text
    unit = "magnitude" if kind == "measure" else None
    unit_end = j  # where a rate ("per gallon", "a month") may start
    if quantity.kind:
        kind, unit = quantity.kind, quantity.unit
        currency = currency or quantity.currency
        unit_text = quantity.unit_text if quantity.unit_text and not unit_text else unit_text
    if quantity.percent:
        kind, unit = "percent", "%"
    following = doc[j].lower_ if j < n else ""
    if kind is None and following in ("%", "percent", "per", "pct", "pc", "percentage") and (
            following != "per" or (j + 1 < n and doc[j + 1].lower_ == "cent")):
        kind, unit = "percent", "%"
        unit_text = "per cent" if following == "per" else doc[j].text
        if following == "%":
            end += 1
    elif kind is None and following in ("pound", "pounds", "lb", "lbs") and _is_weight(doc, j) and not (
            following.startswith("pound") and (quantity.scale or 0) >= 1_000_000):  # "lost 5 million pounds"
        kind, unit, unit_text, unit_end = "measure", "pound-mass", doc[j].text, j + 1
    elif kind is None and following in ("-", "–") and j + 1 < n and doc[j + 1].lower_ in ("pound", "pounds") \
            and not doc[j].whitespace_ and not doc[j - 1].whitespace_:
        kind, unit, unit_text, unit_end = "measure", "pound-mass", doc[j + 1].text, j + 2  # "a 300-pound bear"
    elif kind is None and following in CURRENCY_WORDS and not (following == "won" and doc[j].pos_ == "VERB"):
        kind, currency, unit_text, unit_end = "money", CURRENCY_WORDS[following], doc[j].text, j + 1
    elif kind is None and quantity.vague and following == "of" and j + 1 < n and doc[j + 1].lower_ in CURRENCY_WORDS:
        # "millions of dollars", "hundreds of millions of pounds": a vague sum of money
        kind, currency, unit_text, unit_end = "money", CURRENCY_WORDS[doc[j + 1].lower_], doc[j + 1].text, j + 2
    elif kind is None and quantity.vague and following == "of" and j + 1 < n and _unit_after(doc, j + 1):
        # "millions of years", "hundreds of miles": a vague measure
        kind, unit, unit_text, unit_end = ("measure",) + _unit_after(doc, j + 1)
    elif kind is None and quantity.value and j < n and doc[j].lemma_.lower() in QUAKE_WORDS \
            and 0 < quantity.value < 10 and "." in doc[quantity.end - 1].text:
        kind, unit = "measure", "magnitude"  # "a 6.4 quake"
    elif kind is None and _currency_after(doc, j):
        # "50 million USD", "15 EUR", "10 €": the code or sign written after the amount
        kind, currency, unit_text, unit_end = "money", _currency_after(doc, j), doc[j].text, j + 1
    elif kind is None and following in ("-", "–") and j + 1 < n and doc[j + 1].lower_ in ("cent", "penny") \
            and not doc[j - 1].whitespace_ and not doc[j].whitespace_:
        # "a 12-cent-a-share dividend"
        kind, unit, unit_text, unit_end = "money", SMALL_CHANGE[doc[j + 1].lower_], doc[j + 1].text, j + 2
    elif kind is None and following in SMALL_CHANGE and following != "p":
        kind, unit, unit_text, unit_end = "money", SMALL_CHANGE[following], doc[j].text, j + 1
    elif kind is None and following in DOLLAR_COUNTRIES and j + 1 < n and doc[j + 1].lower_ in ("dollar", "dollars"):
        kind, currency, unit_text, unit_end = "money", DOLLAR_COUNTRIES[following], doc[j:j + 2].text, j + 2
    elif kind is None and j + 1 < n and doc[j].text[:1].isupper() and doc[j + 1].lower_ in CURRENCY_WORDS \
            and doc[j + 1].lower_ not in ("dollar", "dollars", "won"):
        # "100,000 Georgian lari"
        kind, currency, unit_text, unit_end = "money", CURRENCY_WORDS[doc[j + 1].lower_], doc[j:j + 2].text, j + 2
    elif kind is None and quantity.unit:
        kind, unit = "measure", quantity.unit
    elif kind is None:
        measure = _unit_after(doc, j)
        if measure:
            kind, unit, unit_text, unit_end = "measure", measure[0], measure[1], measure[2]
        elif start > 0 and doc[start - 1].lower_ in AGE_WORDS_BEFORE or _in_list_of_ages(doc, start, end) or (
                start > 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ == "age"):
            kind, unit = "measure", AGE
        elif _is_age_predicate(doc, quantity):
            kind, unit = "measure", AGE
    kind = kind or "count"
    if kind == "money" and currency == "USD" and start > 0 and doc[start - 1].lower_ in DOLLAR_COUNTRIES:
        currency = DOLLAR_COUNTRIES[doc[start - 1].lower_]
    if kind == "money" and unit is None:
        unit = units.currency_name(currency)
    if kind in ("money", "measure") and unit and unit not in TIME_UNITS and unit != AGE:
        rate = _rate_after(doc, unit_end)
        if rate:
            unit = f"{unit} per {rate[0]}"
            unit_text = f"{unit_text or ''} {rate[1]}".strip()
    return _Right(kind, unit, currency, unit_text, end)


def _currency_after(doc: Doc, j: int) -> str | None:
    """The ISO code of a currency code or sign right after an amount ("USD", "usd", "€"), not the
    sign of a next amount ("10 $ 30 $" is two)."""
    if j >= len(doc):
        return None
    text = doc[j].text
    if text.upper() in CURRENCY_CODES and (text.isupper() or (text.islower() and text not in ("try", "php", "gel"))):
        return text.upper()
    if len(text) == 1 and text in CURRENCY_SYMBOLS and not (j + 1 < len(doc) and doc[j + 1].text[:1].isdigit()):
        return CURRENCY_SYMBOLS[text]
    return None


#: Words after "degrees" that name the scale: "30 degrees C", "98.6 degrees Fahrenheit".
TEMPERATURE_SCALES = {"c": "degree Celsius", "celsius": "degree Celsius", "centigrade": "degree Celsius",
                      "celcius": "degree Celsius", "f": "degree Fahrenheit", "fahrenheit": "degree Fahrenheit",
                      "farenheit": "degree Fahrenheit"}
#: The unit of an age: "aged 78", "a 36-year-old", "Smithers, 36,".
AGE = "year of age"


def _in_list_of_ages(doc: Doc, start: int, end: int) -> bool:
    """ "aged nine, ten, thirteen, 49, and 59": every number of a list after "aged" is an age
    (but "two aged fourteen" counts people)."""
    if end < len(doc) and doc[end].lower_ in AGE_WORDS_BEFORE:
        return False
    k = start - 1
    while k >= 0 and (doc[k].text == "," or doc[k].lower_ in ("and", "or") or doc[k].like_num):
        k -= 1
    return k >= 0 and k < start - 1 and doc[k].lower_ in AGE_WORDS_BEFORE


def _is_weight(doc: Doc, j: int) -> bool:
    """ "25 pounds of cocaine", "weighed 200 pounds": pounds of weight, not sterling."""
    if doc[j].lower_ in ("lb", "lbs"):
        return True
    if j + 1 < len(doc) and doc[j + 1].lower_ == "of":
        return True
    if j > 0 and doc[j - 1].text in ("-", "–") and not doc[j - 1].whitespace_:
        return True  # "a 300-pound bear": money is never written so
    return any(t.lemma_ in WEIGHT_WORDS for t in doc[j].sent)


#: Words of a sentence that make its "pounds" weight ("weighed 200 pounds", "shed 20 pounds", "a baby").
WEIGHT_WORDS = {"weigh", "weight", "heavy", "lose", "gain", "shed", "baby", "birth", "overweight", "obese", "fish"}


def _rate_after(doc: Doc, j: int) -> tuple[str, str] | None:
    """ "per gallon", "a month", "an hour", "a day" after a unit, or hyphenated ("a $15-an-hour wage",
    "a £1.2bn-a-year fund"): the unit of the rate and its words."""
    n = len(doc)
    first = j
    hyphenated = j + 3 < n and doc[j].text in ("-", "–") and doc[j + 2].text in ("-", "–") and \
        not doc[j - 1].whitespace_ and not doc[j].whitespace_ and not doc[j + 1].whitespace_
    if hyphenated:
        j += 1
    if j + 1 >= n or doc[j].lower_ not in ("per", "a", "an", "/"):
        return None
    k = j + 2 if hyphenated else j + 1
    word = doc[k]
    name = UNITS_OF_MEASURE.get(word.lower_)
    if name is None and doc[j].lower_ == "per" and word.pos_ == "NOUN" and word.lower_ != "cent":
        name = word.lemma_.lower()  # "per share", "per person"
    if name is None and doc[j].lower_ in ("a", "an") and word.lower_ in RATE_NOUNS:
        name = word.lower_  # "$98 a share", "64 cents a dozen"
    if name is None or (doc[j].lower_ in ("a", "an") and word.tag_ == "NNS"):
        return None
    if k + 1 < n and doc[k + 1].lower_ in TIME_ANCHORS_AFTER and (
            doc[k + 1].lower_ != "from" or (k + 2 < n and doc[k + 2].lower_ == "now")):
        return None  # "$1.17 billion a year earlier", "a year from now"; but "£10.42 an hour from April"
    return name, doc[first:k + 1].text


TONS = ("ton", "tons", "tonne", "tonnes")
#: Nouns a magnitude may stand before without the word "magnitude" ("a 6.4 quake").
QUAKE_WORDS = {"quake", "earthquake", "tremor", "aftershock", "temblor", "foreshock"}


def _unit_after(doc: Doc, j: int) -> tuple[str, str, int] | None:
    """The unit of measure right after a number, as (name, the words, their end):
    "5 km", "48-acre", "36-year-old" and "36 years old" (an age), "900 km/h"."""
    n = len(doc)
    if j < n and doc[j].text in ("-", "–") and not doc[j - 1].whitespace_ and j + 1 < n:
        j += 1
    first = j
    if j + 1 < n and doc[j + 1].lower_ in UNITS_OF_MEASURE and (
            (doc[j].pos_ == "ADJ" and UNITS_OF_MEASURE[doc[j + 1].lower_] in TIME_UNITS
             and doc[j].lower_ not in TIME_ANCHORS_BEFORE)  # not "67.6 million last year"
            or doc[j].lower_ in UNIT_QUALIFIERS) and not (doc[j].lower_ == "metric" and doc[j + 1].lower_ in TONS):
        j += 1  # "two consecutive days", "37 billion U.S. gallons", "31 billion imperial gallons"
        first = j
    if j >= n:
        return None
    word = doc[j].lower_
    if word == "basis" and j + 1 < n and doc[j + 1].lower_ in ("point", "points"):
        return "basis point", doc[j:j + 2].text, j + 2  # "50 basis points"
    if word == "metric" and j + 1 < n and doc[j + 1].lower_ in TONS:
        return "metric ton", doc[j:j + 2].text, j + 2
    if word in ("square", "sq", "sq.", "cubic") and j + 1 < n and doc[j + 1].lower_ in UNITS_OF_MEASURE:
        name = f"{word.rstrip('.')} {UNITS_OF_MEASURE[doc[j + 1].lower_]}".replace("sq ", "square ")
        return name, doc[j:j + 2].text, j + 2
    if word in ("nautical", "light") and j + 1 < n and doc[j + 1].lower_.startswith(("mile", "year")):
        return f"{word} {doc[j + 1].lower_.rstrip('s')}", doc[j:j + 2].text, j + 2
    if j + 2 < n and doc[j + 1].text == "/" and f"{word}/{doc[j + 2].lower_.rstrip('.')}" in UNITS_OF_MEASURE \
            and not doc[j].whitespace_ and not doc[j + 1].whitespace_:
        # "900 km/h", which the tokenizer splits in three
        return UNITS_OF_MEASURE[f"{word}/{doc[j + 2].lower_.rstrip('.')}"], doc[j:j + 3].text, j + 3
    if word in UNITS_OF_MEASURE and word not in ("in.", "t", "l", "w", "sq", "cubic", "nautical", "ps", "kn"):
        name = UNITS_OF_MEASURE[word]
        if name == "point" and j + 1 < n and doc[j + 1].lower_ == "of":
            return None  # "two points of view"
        if name == "degree" and j + 1 < n and doc[j + 1].lower_.rstrip(".") in TEMPERATURE_SCALES:
            return TEMPERATURE_SCALES[doc[j + 1].lower_.rstrip(".")], doc[first:j + 2].text, j + 2  # "30 degrees C"
        if name == "year" and (j + 1 < n and doc[j + 1].lower_ == "old" or (
                j + 2 < n and doc[j + 1].text in ("-", "–") and doc[j + 2].lower_ == "old")):
            return AGE, doc[first:j + 1].text, j + 1  # "36 years old", "a 36-year-old"
        return name, doc[first:j + 1].text, j + 1
    if doc[j].text == "m" and j > 0 and doc[j - 1].whitespace_ and doc[j - 1].like_num and not (
            j + 1 < n and doc[j + 1].tag_ in ("NNS", "NNPS")):
        return "metre", "m", j + 1  # "a 50 m wall": written apart, "m" is metres ("5m people" is millions)
    if doc[j].text in CASED_UNITS and j > 0 and doc[j - 1].like_num:
        return CASED_UNITS[doc[j].text], doc[j].text, j + 1  # "30 dB", "1,013 hPa"
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
        if head.head.dep_ == "relcl" and any(s.lower_ == "who" for s in subjects):
            subjects.append(head.head.head)  # "The star, who is 25, earns"
        # spaCy tags ages as DATE; with a capitalised subject that is no entity it is a name
        return any(_is_person(s) or (head.ent_type_ == "DATE" and s.text[:1].isupper() and s.ent_type_ == ""
                                     and s.pos_ in ("PROPN", "NOUN")) for s in subjects)
    if head.dep_ == "appos" and (_is_person(head.head) or (
            head.head.pos_ == "PROPN" and head.ent_type_ == "DATE" and following is not None and following.text == ",")):
        return True  # "Smithers, 36, said"; "Nathaly, 20, was" (the parse may take the name for a place)
    before = doc[quantity.start - 1] if quantity.start > 0 else None
    return (before is not None and before.text == "," and quantity.start > 1
            and _is_person(doc[quantity.start - 2]) and following is not None and following.text == ",")



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



def _anchor(doc: Doc, start: int, end: int) -> int:
    """The token of ``[start, end)`` whose head lies outside it (the last one if several)."""
    anchor = end - 1
    for k in range(start, end):
        head = doc[k].head.i
        if head < start or head >= end or head == k:
            anchor = k
    return anchor
