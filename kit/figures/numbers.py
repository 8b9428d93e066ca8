"""Reading numbers as news writes them: digits, number words, multipliers, vague amounts.

This module knows nothing of spaCy: it turns short strings or word lists into
numbers, and holds the tables the figures extractor relies on (vague
quantities, hedges, currencies, units). Strict number-word sequences
("one hundred and twenty", "two million") are read by the ``text2num``
library; this module adds what news prose wraps around them: digits with
separators and suffixes ("1,000", "1.8m", "3bn"), "a hundred", "a dozen",
"half a million", fractions, and vague quantities with documented bounds.

>>> parse_number("two million")
2000000.0
>>> parse_number("1.8m")
1800000.0
>>> parse_number("a hundred")
100.0
>>> VAGUE["a few dozen"]
(24, 60)
"""

from __future__ import annotations

import re

import babel.numbers
from babel import Locale
from text_to_num import text2num

from kit import lexicon

# --- number words ---------------------------------------------------------------

UNITS = {word: int(value) for word, value in lexicon.mapping("figures_number_units").items()}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
#: Words that multiply what comes before them ("two million", "1.8 billion", "a dozen").
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
          "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
          # South Asian news: "Rs 500 crore", "35 lakh people"
          "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000}
#: Abbreviated multipliers written after digits, glued ("3bn") or as the next token ("1.8 m").
SUFFIXES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "b": 1_000_000_000,
            "bn": 1_000_000_000, "bln": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000}
#: Fractions read as percentages when they stand for a share ("two thirds of the island").
FRACTIONS = {"half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4,
             "quarters": 1 / 4, "fifth": 1 / 5, "fifths": 1 / 5, "tenth": 1 / 10, "tenths": 1 / 10}

NUMBER_WORDS = set(UNITS) | set(TENS) | set(SCALES)

#: Digits with thousands separators, also as South Asian news groups them ("1,24,000" for 124,000).
DIGITS = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?$|^\.\d+$")
DIGITS_WITH_SUFFIX = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(k|m|mn|mln|b|bn|bln|tn|trn)$", re.I)
HYPHENATED_WORDS = re.compile(r"^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)$", re.I)

# --- vague quantities ---------------------------------------------------------------

#: The numbers assigned to vague quantities: ``(low, high)``, inclusive
#: (``kit/lexicon/figures_vague.txt`` says how the bounds were chosen).
VAGUE: dict[str, tuple[float, float]] = {
    words: tuple(int(bound) for bound in bounds.split()) for words, bounds in lexicon.mapping("figures_vague").items()
}
#: Plural round numbers that can stand alone as a vague quantity ("dozens of protesters").
VAGUE_PLURALS = {"dozens": 12, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
                 "billions": 1_000_000_000, "tens": 10}
#: Vague words that may take a round number after them ("a few dozen", "several hundred").
VAGUE_WORDS = {word: VAGUE[words] for word, words in
               (("few", "a few"), ("several", "several"), ("couple", "a couple"), ("handful", "a handful"))}

# --- hedges and bounds ---------------------------------------------------------------

#: Hedges before a number, with what they say about the value: "low" (the value is a
#: lower bound), "high" (an upper bound) or "about" (an estimate).
HEDGES: dict[str, str] = dict(lexicon.mapping("figures_hedges"))
#: Words that stress a number without making it approximate; kept in the span, not in ``approx``.
EMPHASIS = set(lexicon.words("figures_emphasis"))

# --- currencies and units ---------------------------------------------------------------

#: Every ISO 4217 code babel knows ("USD", "GBP", ...).
ISO_CURRENCIES = frozenset(babel.numbers.list_currencies())


def _currency_symbols() -> dict[str, str]:
    # babel's English symbols ("$", "£", "A$", "HK$", "₹"), then the news forms it lacks
    symbols = {symbol.lower(): code for code, symbol in Locale("en").currency_symbols.items()
               if code in ISO_CURRENCIES and symbol != code and " " not in symbol and "\u202f" not in symbol
               and symbol != "¤"}  # a code babel gives as its own symbol ("ALL") would read "all three" as money
    symbols.update(lexicon.mapping("figures_currency_symbols"))
    return symbols


#: Currency written before the number, as spaCy tokenizes it (lower case).
CURRENCY_SYMBOLS = _currency_symbols()
#: Currency written after the number ("300 euros").
CURRENCY_WORDS = dict(lexicon.mapping("figures_currency_words"))
#: Nationality words that change what "dollars"/"pounds" mean ("Australian dollars").
DOLLAR_COUNTRIES = dict(lexicon.mapping("figures_dollar_countries"))

#: Measure units after a number, normalised to a short singular name.
#: Measure units after a number, as a lower-case token, and their name ("km" -> "kilometre");
#: the forms matched only as written ("C" for Celsius after digits) are in kit.figures.units.
UNITS_OF_MEASURE: dict[str, str] = {
    **{form: name for form, name in lexicon.mapping("figures_units_catalogue").items() if form == form.lower()},
    **{form: name for form, name in lexicon.mapping("figures_units").items() if form == form.lower()}}
#: Unit symbols matched only as written after a number ("30 dB", "1,013 hPa"), from the catalogue list.
CASED_UNITS: dict[str, str] = {form: name for form, name in lexicon.mapping("figures_units_catalogue").items()
                               if form != form.lower()}

TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}


def parse_digits(text: str) -> float | None:
    """A number written with digits, with thousands separators or a multiplier suffix.

    >>> parse_digits("1,000"), parse_digits("3bn"), parse_digits("42.195")
    (1000.0, 3000000000.0, 42.195)
    >>> parse_digits("F-16") is None
    True
    """
    text = text.strip()
    if DIGITS.match(text):
        return float(text.replace(",", "").lstrip("+"))
    glued = DIGITS_WITH_SUFFIX.match(text)
    if glued:
        return float(glued.group(1).replace(",", "")) * SUFFIXES[glued.group(2).lower()]
    return None


def parse_words(words: list[str]) -> float | None:
    """A sequence of number words ("one hundred and twenty", "a dozen", "half a million").

    ``a``/``an`` count as one before a scale word; a trailing "dozen" multiplies by 12;
    "half a" halves the scale after it. Strict sequences go to ``text2num``.

    >>> parse_words(["four", "hundred", "and", "twenty"])
    420.0
    >>> parse_words(["half", "a", "million"])
    500000.0
    >>> parse_words(["a", "dozen"]), parse_words(["twenty-five"])
    (12.0, 25.0)
    """
    words = [w.lower() for w in words if w not in ("-", "–")]
    if not words:
        return None
    factor = 1.0
    if words[0] == "half" and len(words) >= 3 and words[1] in ("a", "an") and words[2] in SCALES:
        factor, words = 0.5, words[1:]
    if words[0] in ("a", "an"):
        if len(words) == 1 or words[1] not in SCALES:
            return None
        words = ["one"] + words[1:]
    dozens = 1.0
    while words and words[-1] == "dozen":
        dozens *= 12
        words = words[:-1]
    if not words:
        return factor * dozens
    expanded: list[str] = []
    for word in words:
        hyphenated = HYPHENATED_WORDS.match(word)
        expanded.extend([hyphenated.group(1), hyphenated.group(2)] if hyphenated else [word])
    if any(w not in NUMBER_WORDS and w != "and" for w in expanded):
        return None
    try:
        value = text2num(" ".join(expanded), "en")
    except ValueError:
        value = _sum_words(expanded)
        if value is None:
            return None
    return float(value) * factor * dozens


def _sum_words(words: list[str]) -> float | None:
    # text2num refuses some sequences news writes ("hundred thousand" with no leading
    # one); read them by the usual accumulate-then-scale rule.
    total, current = 0.0, 0.0
    for word in words:
        if word == "and":
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0.0
        else:
            return None
    return total + current


def parse_number(text: str) -> float | None:
    """Any exact number: digits, words, or digits followed by scale words ("1.8 million").

    >>> parse_number("1.8 million"), parse_number("$3bn".lstrip("$")), parse_number("dozens")
    (1800000.0, 3000000000.0, None)
    """
    parts = text.replace("-", " - ").split()
    if not parts:
        return None
    head = parse_digits(parts[0])
    if head is None:
        glued = re.match(r"^(\d[\d,.]*)(k|m|mn|bn|b|tn)$", "".join(parts), re.I)
        if glued:
            return parse_digits("".join(parts))
        return parse_words(parts)
    for part in parts[1:]:
        scale = SCALES.get(part.lower()) or SUFFIXES.get(part.lower())
        if scale is None:
            return None
        head *= scale
    return head
