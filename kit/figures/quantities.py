"""Reading quantities from tokens: digits, number words, ranges, fractions, vague amounts.

The first step of finding figures: at a token, read the number that starts there
("2.5 million", "four to five thousand", "a few dozen", "two-thirds") into a
:class:`_Quantity` (token span, value or bounds). Whether it is a figure, and of
what, is decided in :mod:`kit.figures.find`.
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Doc, Token

from kit import lexicon
from kit.figures import numbers, units
from kit.figures import filters as _filters
from kit.figures.filters import _glued_to_name
from kit.figures.numbers import EMPHASIS, FRACTIONS, HEDGES, SCALES, SUFFIXES, TIME_UNITS, VAGUE, VAGUE_PLURALS, VAGUE_WORDS

DIGIT_ONLY = re.compile(r"^\d+$")
#: Signs of an estimate glued to the digits ("~295", "≈5kg"); read as the hedge "about".
APPROX_MARKS = "~≈"
#: The fraction of a mixed number ("7 3/4"); "9/11" or "24/7" alone are no fractions.
MIXED_FRACTION = re.compile(r"^[1-9]/(?:2|3|4|8|16|32)$")
#: A range in one token: "40–$60", "10-15".
GLUED_RANGE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)([–-])[$£€]?(\d[\d,]*(?:\.\d+)?)$")
#: Fraction characters ("½ teaspoon", "2½ miles").
VULGAR = {"½": 1 / 2, "¼": 1 / 4, "¾": 3 / 4, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 1 / 8}
#: A written-out fraction before a unit ("a 1/4 mile oval"); alone, "9/11" or "24/7" are no fractions.
SLASH_FRACTION = re.compile(r"^([1-9])/(2|3|4|8|16)$")
#: An earthquake's magnitude glued to the word: "a magnitude-6.1 aftershock".
MAGNITUDE = re.compile(r"^magnitude[-–](\d(?:\.\d+)?)$", re.I)
CURRENCY_CODE = re.compile(r"^([A-Z]{3})(\d[\d,]*(?:\.\d+)?)$")
#: ISO codes the tokenizer may glue to an amount ("GBP738").
CURRENCY_CODES = _filters.CURRENCY_CODES


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
    unit: str | None = None  # a unit read with the number ("about an hour", "10kW")
    currency: str | None = None  # an ISO code glued to the digits ("GBP738", "US$58")
    kind: str | None = None  # the kind the token itself says ("2.4pc": percent, "164p": money)
    unit_text: str | None = None  # the unit or currency as written in the token ("kW", "US$")



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
    currency: str | None = None  # ISO code of money
    unit_text: str | None = None  # the unit's words as written ("km", "per cent", "US$ a month")
    counted: str | None = None
    counted_how: str | None = None
    anchor: int = 0  # the token whose syntactic head lies outside the figure
    merged_down_to: int | None = None  # compound durations: the smallest unit taken in, in seconds


#: Words that may begin a quantity ("two", "a", "half", "several", "dozens", ...).
START_WORDS = frozenset(numbers.NUMBER_WORDS | {"a", "an", "half", "few", "several", "tens", "scores"} | set(VAGUE_PLURALS))
HAS_DIGIT = re.compile(r"\d").search


def _may_start_quantity(token: Token) -> bool:
    """A cheap test, run on every token: could a quantity start here?"""
    text = token.text
    first = text[:1]
    if first.isdigit() or first in VULGAR:
        return True
    lower = token.lower_
    if lower in START_WORDS:
        return True
    if not HAS_DIGIT(text):
        return "-" in lower and numbers.HYPHENATED_WORDS.match(lower) is not None  # "twenty-five"
    if first in APPROX_MARKS:
        return text[1:2].isdigit()  # "~295"
    if first in "+." and token.like_num:
        return True
    if lower.startswith("magnitude"):
        return MAGNITUDE.match(text) is not None  # "magnitude-6.1"
    if text[-1:].isdigit() and CURRENCY_CODE.match(text) is not None:
        return True  # "GBP738"
    return (first in "+-−–$£€¥₹" or first.isupper()) and units.GLUED.match(text) is not None  # "US$58", "−5C"



#: Words that join two numbers into a range ("5 to 7", "5-7"; "and" only after "between").
RANGE_CONNECTORS = ("to", "or", "-", "–", "—")


def _read_range(doc: Doc, i: int) -> _Quantity | None:
    """A quantity at token ``i``, joined with a second one into a range where the text says so.

    The second number may repeat the first one's sign or unit: "5% to 7%", "between 10 per
    cent and 12 per cent", "between $5 million and $7 million", "20C to 25C".
    """
    first = _read_single(doc, i)
    if first is None:
        return None
    n = len(doc)
    j, repeated = _repeated_unit(doc, first.end)
    if j + 1 >= n or first.vague is not None or first.percent:
        return first
    connector = doc[j].lower_
    sign = doc[first.start - 1].lower_ if first.start > 0 else ""
    # the word before the figure, past a currency sign: "between $5 million and $7 million"
    before = first.start - 2 if sign in numbers.CURRENCY_SYMBOLS else first.start - 1
    between = before >= 0 and doc[before].lower_ == "between"
    joins = connector in RANGE_CONNECTORS or (connector == "and" and between)
    glued_dash = connector in ("-", "–") and (doc[j - 1].whitespace_ or doc[j].whitespace_)
    # "rose from 50 to 60" is two figures, the level before and after; "will cost from $5 million
    # to $7 million" and "ranging from 50 to 60" are one range
    starts_from = before >= 0 and doc[before].lower_ == "from" and _after_change(doc, before)
    if not joins or glued_dash or starts_from:
        return first
    k = j + 1
    if sign in numbers.CURRENCY_SYMBOLS and k < n and doc[k].lower_ == sign:
        k += 1  # "$5 million and $7 million": the currency sign is repeated
    second = _read_single(doc, k)
    if second is None:
        return first
    if repeated and [t.lower_ for t in doc[second.end:second.end + len(repeated)]] != repeated:
        return first  # "5% to 7 people" is no range
    if second.value is None or first.value is None or second.percent or first.currency != second.currency \
            or first.unit != second.unit:
        return first
    low = first.value
    if first.scale is None and second.scale and low * second.scale <= second.value:
        low *= second.scale  # "four to five thousand": the scale is shared
    if connector == "to" and second.value > 3 * low and _after_change(doc, before + 1):
        return first  # "oil rose $1.50 to $82.30": the change, then the level
    if connector != "and" and not (first.currency or first.unit or first.kind) and \
            _year_like(doc[first.start]) and _year_like(doc[second.start]):
        return first  # "from 2015 to 2017": two years, each left out as a date
    if low < second.value or connector in ("-", "–"):
        return _Quantity(first.start, second.end, None, low, second.value, scale=second.scale, words=first.words,
                         unit=first.unit, currency=first.currency, kind=first.kind, unit_text=first.unit_text)
    return first


#: Words of change before "from X to Y" or "X to Y" (``kit/lexicon/figures_change_words.txt``).
CHANGE_WORDS = lexicon.words("figures_change_words")


def _after_change(doc: Doc, i: int) -> bool:
    """A word of change ("rose", "cut", "up", "an increase") governs or stands just before token
    ``i`` (past "by", adverbs and the object: "cut its staff from", "fell sharply by")."""
    if i >= len(doc) or i <= 0:
        return False
    if doc[i].head.lemma_.lower() in CHANGE_WORDS and doc[i].head.i < i:
        return True
    sentence_start = doc[i].sent.start
    for k in range(i - 1, max(sentence_start, i - 5) - 1, -1):
        token = doc[k]
        if token.lemma_.lower() in CHANGE_WORDS or token.lower_ in CHANGE_WORDS:
            return True
        if token.is_punct or token.pos_ in ("VERB", "AUX") or token.like_num:
            return False
    return False


def _year_like(token: Token) -> bool:
    return len(token.text) == 4 and token.text.isdigit() and 1000 <= int(token.text) <= 2100


def _repeated_unit(doc: Doc, j: int) -> tuple[int, list[str]]:
    """Skip a percent sign or word after a first number when a range connector follows it."""
    n = len(doc)
    for words in (["%"], ["per", "cent"], ["percent"], ["pct"]):
        width = len(words)
        if j + width < n and [t.lower_ for t in doc[j:j + width]] == words \
                and (doc[j + width].lower_ in RANGE_CONNECTORS or doc[j + width].lower_ == "and"):
            return j + width, words
    return j, []


def _read_single(doc: Doc, i: int) -> _Quantity | None:
    """One number at token ``i``: digits, a vague amount, a fraction, or number words."""
    token = doc[i]
    if token.text[:1].isdigit() or token.text[:1] in "+-.−–~≈½¼¾⅓⅔⅛" or CURRENCY_CODE.match(token.text) \
            or MAGNITUDE.match(token.text) \
            or units.GLUED.match(token.text):
        digits = _read_digits(doc, i)
        if digits is not None:
            return digits
    # Vague quantities: "a few (dozen)", "several (hundred)", "dozens", "tens of thousands".
    vague = _read_vague(doc, i)
    if vague is not None:
        return vague
    fraction = _read_fraction(doc, i)
    if fraction is not None:
        return fraction
    n = len(doc)
    lower = token.lower_
    # "about an hour", "nearly a year": a hedged "a" before a time unit is one of it.
    if lower in ("a", "an") and i + 1 < n and numbers.UNITS_OF_MEASURE.get(doc[i + 1].lower_) in TIME_UNITS \
            and _hedge_before(doc, i) is not None and _hedge_before(doc, i)[0] in HEDGES:
        return _Quantity(i, i + 2, 1.0, words=True, unit=numbers.UNITS_OF_MEASURE[doc[i + 1].lower_])
    return _read_number_words(doc, i)


def _read_digits(doc: Doc, i: int) -> _Quantity | None:
    """Digits with their scale words ("2.5 million", "3bn"), or an ISO code glued to them ("GBP738")."""
    token = doc[i]
    coded = CURRENCY_CODE.match(token.text)
    if coded and coded.group(1) in CURRENCY_CODES and numbers.parse_digits(coded.group(2)) is not None:
        # "GBP738 thousand", "SEK9 million": the tokenizer keeps an ISO code and its amount together
        j, value, scale = _read_scales(doc, i + 1, numbers.parse_digits(coded.group(2)))
        return _Quantity(i, j, value, scale=scale, currency=coded.group(1))
    digits = numbers.parse_digits(token.text.lstrip(APPROX_MARKS))
    if digits is not None:
        if _glued_to_name(doc, i):
            return None
        glued = numbers.DIGITS_WITH_SUFFIX.match(token.text.lstrip(APPROX_MARKS))
        if not glued and not token.whitespace_ and i + 1 < len(doc) and doc[i + 1].text == "m" \
                and _says_size(doc, i + 2):
            return _Quantity(i, i + 2, digits, unit="metre", kind="measure", unit_text="m")  # "1.8 m" glued
        if glued and glued.group(2) == "m" and _says_size(doc, i + 1):
            # "1.8m tall", "a 48m-high tower": metres, not millions
            return _Quantity(i, i + 1, float(glued.group(1).replace(",", "")), unit="metre", kind="measure",
                             unit_text="m")
        if not glued and i + 1 < len(doc) and token.whitespace_ and MIXED_FRACTION.match(doc[i + 1].text):
            numerator, denominator = doc[i + 1].text.split("/")
            digits += int(numerator) / int(denominator)  # "7 3/4 %", "101 1/4"
            return _Quantity(i, i + 2, digits)
        j, value, scale = _read_scales(doc, i + 1, digits)
        if glued:
            scale = 1.0
        return _Quantity(i, j, value, scale=scale)
    return _read_glued(doc, i)


#: Adjectives after a length ("1.8m tall", "48m-high"): the "m" glued to the number is metres.
SIZE_WORDS = {"tall", "high", "long", "deep", "wide", "away", "thick", "across", "below", "above"}


def _says_size(doc: Doc, j: int) -> bool:
    if j < len(doc) and doc[j].text in ("-", "–") and not doc[j].whitespace_:
        j += 1
    return j < len(doc) and doc[j].lower_ in SIZE_WORDS


def _read_glued(doc: Doc, i: int) -> _Quantity | None:
    """A token with a currency, sign, scale letter or unit glued to its digits ("US$58", "10kW",
    "−5C", "2.4pc", "164p", "8B"), or a range in one token ("40–$60")."""
    text = doc[i].text.lstrip(APPROX_MARKS)
    fraction = _read_written_fraction(doc, i, text)
    if fraction is not None:
        return fraction
    magnitude = MAGNITUDE.match(text)
    if magnitude:
        return _Quantity(i, i + 1, float(magnitude.group(1)), unit="magnitude", kind="measure", unit_text="magnitude")
    pair = GLUED_RANGE.match(text)
    if pair:
        low, high = (numbers.parse_digits(part) for part in pair.group(1, 3))
        if low is not None and high is not None and low < high:
            return _Quantity(i, i + 1, None, low, high)
    glued = units.read_glued(text)
    if glued is None or _glued_to_name(doc, i) or (i > 0 and doc[i - 1].lower_ in _filters.LABELS):
        return None  # "Figure 4c", "Table 3b" are labels
    if glued.currency_text in ("N", "R", "P") and not ("," in text or "." in text or len(text) >= 4 or (
            i + 1 < len(doc) and doc[i + 1].lower_ in SCALES)):
        return None  # "N95", "R2": a name, not naira or rand ("N460", "R18.95", "P1.5 billion" are)
    j, value, scale = i + 1, glued.value, glued.scale
    if glued.unit is None and not glued.percent:
        j, value, more = _read_scales(doc, i + 1, glued.value)
        scale = more or scale
    if glued.percent:
        kind = "percent"
    elif glued.currency or glued.unit in ("penny", "cent"):
        kind = "money"
    else:
        kind = "measure" if glued.unit else None
    return _Quantity(i, j, value, scale=scale, unit=glued.unit, currency=glued.currency, kind=kind,
                     unit_text=glued.unit_text or glued.currency_text)


def _read_written_fraction(doc: Doc, i: int, text: str) -> _Quantity | None:
    """ "½", "2½" anywhere; "1/4" only before a unit of measure ("a 1/4 mile oval", "1/2 cup")."""
    if text[-1:] in VULGAR and (len(text) == 1 or text[:-1].isdigit()):
        return _Quantity(i, i + 1, (int(text[:-1]) if len(text) > 1 else 0) + VULGAR[text[-1]])
    slash = SLASH_FRACTION.match(text)
    if slash and int(slash.group(1)) < int(slash.group(2)) and i + 1 < len(doc) \
            and doc[i + 1].lower_ in numbers.UNITS_OF_MEASURE:
        return _Quantity(i, i + 1, int(slash.group(1)) / int(slash.group(2)))
    return None


def _read_fraction(doc: Doc, i: int) -> _Quantity | None:
    """Fractions of a whole ("two-thirds majority", "two thirds of", "a quarter of", "half of")
    and fractions of a scale ("a quarter million", "a quarter of a million")."""
    token = doc[i]
    lower = token.lower_
    n = len(doc)
    if lower in numbers.UNITS and i + 2 < n and doc[i + 1].text in ("-", "–") and not token.whitespace_ \
            and not doc[i + 1].whitespace_ and doc[i + 2].lower_ in FRACTIONS:
        return _Quantity(i, i + 3, round(100 * numbers.UNITS[lower] * FRACTIONS[doc[i + 2].lower_], 1),
                         words=True, percent=True)
    if lower == "half" and i + 2 < n and doc[i + 1].lower_ in ("a", "an"):
        of_unit = _fraction_of_unit(doc, i, i + 2, 0.5)  # "half a mile", "half an hour"
        if of_unit is not None:
            return of_unit
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
        if i + 4 < n and doc[i + 3].lower_ in ("a", "an"):
            of_unit = _fraction_of_unit(doc, i, i + 4, share)  # "three quarters of an hour"
            if of_unit is not None:
                return of_unit
        return _Quantity(i, i + 2, round(100 * share, 1), words=True, percent=True)
    return None


def _fraction_of_unit(doc: Doc, i: int, k: int, share: float) -> _Quantity | None:
    """A fraction of the unit at token ``k``: "half a mile" (0.5 mile), "three quarters of an hour",
    "a quarter of a percentage point" (0.25, a percentage); the article and unit stay in the span."""
    word = doc[k].lower_
    if word == "percentage" and k + 1 < len(doc) and doc[k + 1].lower_ in ("point", "points"):
        return _Quantity(i, k + 2, share, words=True, kind="percent", unit="%", unit_text="percentage point")
    name = numbers.UNITS_OF_MEASURE.get(word)
    if name is None or name in ("point", "degree") or word in ("in", "m", "t", "l", "g", "s"):
        return None
    return _Quantity(i, k + 1, share, words=True, unit=name, unit_text=doc[k].text)


def _read_number_words(doc: Doc, i: int) -> _Quantity | None:
    """Number words: "two million", "one hundred and twenty", "a hundred", "half a million"."""
    n = len(doc)
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
    if _glued_to_name(doc, i):
        return None  # "7-Eleven"
    if len(words) == 1 and words[0] in SCALES:
        return None  # "thousand" alone, as in "GBP738 thousand", is the tail of a number read elsewhere
    if j + 3 < n and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
            and not doc[j + 1].whitespace_ and doc[j + 2].text == "-" and not doc[j + 2].whitespace_ \
            and doc[j + 1].lower_ not in numbers.UNITS_OF_MEASURE:
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
        if doc[j].is_space and j + 1 < len(doc) and doc[j + 1].lower_ in SCALES:
            j += 1  # "5.7  million": a double space is a token of its own
        word = doc[j].lower_
        if word in SCALES and word != "dozen":
            value, scale = value * SCALES[word], SCALES[word]
        elif word in SUFFIXES and not doc[j - 1].whitespace_:
            value, scale = value * SUFFIXES[word], SUFFIXES[word]
        elif word[:-1] in SUFFIXES and word.endswith(".") and not doc[j - 1].whitespace_ and (
                j + 1 == len(doc) or doc[j + 1].is_sent_start or doc[j + 1].is_space or doc[j + 1].is_quote
                or (doc[j].whitespace_ and doc[j + 1].text[:1].isupper())):
            # "worth €100m." at the end of a sentence: the tokenizer keeps the full stop with the "m"
            value, scale = value * SUFFIXES[word[:-1]], SUFFIXES[word[:-1]]
            j += 1
            break
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
        if i > 0 and doc[i - 1].lower_ == "quite":
            return None  # "quite a few": a vague amount with no fixed value, left out
        words, j = [lower, doc[i + 1].lower_], i + 2
    elif lower == "several" or (lower == "few" and i > 0 and doc[i - 1].lower_ in ("just", "only", "the")):
        words, j = [lower], i + 1
    if words:
        low, high = VAGUE_WORDS[words[-1]]
        scale = SCALES.get(doc[j].lower_) if j < n else None
        if j + 2 < n and doc[j].lower_ in ("tens", "hundreds") and doc[j + 1].lower_ == "of" \
                and doc[j + 2].lower_ in ("thousands", "millions", "billions"):
            # "several tens of thousands": several times ten thousand
            scale = VAGUE_PLURALS[doc[j].lower_] * VAGUE_PLURALS[doc[j + 2].lower_]
            words.extend(t.lower_ for t in doc[j:j + 2])
            j += 2
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
