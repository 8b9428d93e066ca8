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

from text_to_num import text2num

# --- number words ---------------------------------------------------------------

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
#: Words that multiply what comes before them ("two million", "1.8 billion", "a dozen").
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
          "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
#: Abbreviated multipliers written after digits, glued ("3bn") or as the next token ("1.8 m").
SUFFIXES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "b": 1_000_000_000,
            "bn": 1_000_000_000, "bln": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000}
#: Fractions read as percentages when they stand for a share ("two thirds of the island").
FRACTIONS = {"half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4,
             "quarters": 1 / 4, "fifth": 1 / 5, "fifths": 1 / 5, "tenth": 1 / 10, "tenths": 1 / 10}

NUMBER_WORDS = set(UNITS) | set(TENS) | set(SCALES)

DIGITS = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$")
DIGITS_WITH_SUFFIX = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(k|m|mn|mln|b|bn|bln|tn|trn)$", re.I)
HYPHENATED_WORDS = re.compile(r"^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)$", re.I)

# --- vague quantities ---------------------------------------------------------------

#: The numbers assigned to vague quantities: ``(low, high)``, inclusive.
#: A plural round number means at least two of that unit and fewer than the next
#: one ("dozens" 24-99, "hundreds" 200-999); "a few" is 2 to 5 and "several" 3 to 9,
#: and they multiply a following unit ("a few dozen" 24-60, "several hundred" 300-900).
#: These bounds follow the hand annotations of the seed and the Wikinews dev set.
VAGUE: dict[str, tuple[float, float]] = {
    "a few": (2, 5),
    "few": (2, 5),
    "a couple": (2, 3),
    "a couple of": (2, 3),
    "several": (3, 9),
    "a handful": (2, 5),
    "a handful of": (2, 5),
    "a few dozen": (24, 60),
    "several dozen": (36, 108),
    "dozens": (24, 99),
    "scores": (40, 99),
    "tens": (20, 99),
    "a few hundred": (200, 500),
    "several hundred": (300, 900),
    "hundreds": (200, 999),
    "a few thousand": (2_000, 5_000),
    "several thousand": (3_000, 9_000),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "a few million": (2_000_000, 5_000_000),
    "several million": (3_000_000, 9_000_000),
    "millions": (2_000_000, 9_999_999),
    "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999),
    "billions": (2_000_000_000, 9_999_999_999),
}
#: Plural round numbers that can stand alone as a vague quantity ("dozens of protesters").
VAGUE_PLURALS = {"dozens": 12, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
                 "billions": 1_000_000_000, "tens": 10}
#: Vague words that may take a round number after them ("a few dozen", "several hundred").
VAGUE_WORDS = {"few": (2, 5), "several": (3, 9), "couple": (2, 3), "handful": (2, 5)}

# --- hedges and bounds ---------------------------------------------------------------

#: Hedges before a number, longest first when matched, with what they say about the value:
#: "low" (the value is a lower bound), "high" (an upper bound) or "about" (an estimate).
HEDGES: dict[str, str] = {
    "more than": "low", "over": "low", "above": "low", "at least": "low", "upwards of": "low",
    "in excess of": "low", "no fewer than": "low", "no less than": "low", "just over": "low",
    "well over": "low", "more than just": "low", "a minimum of": "low", "not less than": "low",
    "less than": "high", "fewer than": "high", "under": "high", "below": "high", "up to": "high",
    "at most": "high", "no more than": "high", "nearly": "high", "almost": "high",
    "just under": "high", "as many as": "high", "a maximum of": "high", "not more than": "high",
    "around": "about", "about": "about", "some": "about", "roughly": "about",
    "approximately": "about", "approx.": "about", "an estimated": "about", "estimated": "about",
    "close to": "about", "circa": "about", "c.": "about", "an approximate": "about",
    "more or less": "about", "somewhere around": "about", "upward of": "low",
}
#: Words that stress a number without making it approximate; kept in the span, not in ``approx``.
EMPHASIS = {"just", "only", "merely", "a mere", "barely", "fully", "exactly", "precisely", "a full",
            "a total of", "all"}

# --- currencies and units ---------------------------------------------------------------

#: Currency written before the number, as spaCy tokenizes it.
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "usd": "USD", "£": "GBP", "€": "EUR", "¥": "JPY",
                    "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "nz$": "NZD", "hk$": "HKD",
                    "s$": "SGD", "r$": "BRL", "₹": "INR", "rs": "INR", "rs.": "INR", "₽": "RUB",
                    "eur": "EUR", "gbp": "GBP", "chf": "CHF", "₩": "KRW", "₺": "TRY", "₦": "NGN",
                    "₿": "BTC"}
#: Currency written after the number ("300 euros").
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
                  "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY",
                  "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "rouble": "RUB", "roubles": "RUB",
                  "ruble": "RUB", "rubles": "RUB", "franc": "CHF", "francs": "CHF", "peso": "MXN",
                  "pesos": "MXN", "lira": "TRY", "won": "KRW", "naira": "NGN", "rand": "ZAR",
                  "shekel": "ILS", "shekels": "ILS", "bolivar": "VES", "bolivars": "VES",
                  "krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "dinar": "DZD",
                  "dinars": "DZD", "riyal": "SAR", "riyals": "SAR", "dirham": "AED", "dirhams": "AED",
                  "baht": "THB", "lari": "GEL", "taka": "BDT", "kwacha": "ZMW", "cedi": "GHS", "cedis": "GHS",
                  "shilling": "KES", "shillings": "KES", "real": "BRL", "reais": "BRL", "dong": "VND", "ringgit": "MYR", "rupiah": "IDR", "hryvnia": "UAH", "zloty": "PLN"}
#: Nationality words that change what "dollars"/"pounds" mean ("Australian dollars").
DOLLAR_COUNTRIES = {"australian": "AUD", "canadian": "CAD", "hong": "HKD", "singapore": "SGD",
                    "new": "NZD", "zealand": "NZD", "egyptian": "EGP", "us": "USD", "u.s.": "USD",
                    "american": "USD", "mexican": "MXN", "argentine": "ARS", "philippine": "PHP"}

#: Measure units after a number, normalised to a short singular name.
UNITS_OF_MEASURE: dict[str, str] = {}
for _name, _forms in {
    "km": ["km", "kms", "kilometer", "kilometers", "kilometre", "kilometres"],
    "m": ["metre", "metres", "meter", "meters"],
    "cm": ["cm", "centimetre", "centimetres", "centimeter", "centimeters"],
    "mm": ["mm", "millimetre", "millimetres", "millimeter", "millimeters"],
    "mile": ["mile", "miles", "mi"],
    "foot": ["foot", "feet", "ft"],
    "inch": ["inch", "inches", "in."],
    "yard": ["yard", "yards"],
    "nautical mile": ["nautical"],
    "acre": ["acre", "acres"],
    "hectare": ["hectare", "hectares", "ha"],
    "km2": ["km2", "km²", "sq"],
    "kg": ["kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos"],
    "g": ["gram", "grams", "gramme", "grammes"],
    "tonne": ["tonne", "tonnes", "ton", "tons", "t"],
    "lb": ["lb", "lbs"],
    "ounce": ["ounce", "ounces", "oz"],
    "litre": ["litre", "litres", "liter", "liters", "l"],
    "gallon": ["gallon", "gallons"],
    "barrel": ["barrel", "barrels", "bpd"],
    "cubic metre": ["cubic"],
    "second": ["second", "seconds", "sec", "secs"],
    "minute": ["minute", "minutes", "min", "mins"],
    "hour": ["hour", "hours", "hr", "hrs"],
    "day": ["day", "days"],
    "week": ["week", "weeks"],
    "month": ["month", "months"],
    "year": ["year", "years", "yr", "yrs"],
    "decade": ["decade", "decades"],
    "century": ["century", "centuries"],
    "degree": ["degree", "degrees", "°", "°c", "°f"],
    "km/h": ["km/h", "kph", "kmh"],
    "mph": ["mph"],
    "knot": ["knot", "knots"],
    "watt": ["watt", "watts", "w"],
    "kW": ["kw", "kilowatt", "kilowatts"],
    "MW": ["mw", "megawatt", "megawatts"],
    "GW": ["gw", "gigawatt", "gigawatts"],
    "kWh": ["kwh"],
    "volt": ["volt", "volts", "kv"],
    "calorie": ["calorie", "calories"],
    "magnitude": ["magnitude"],
    "point": ["point", "points"],
    "storey": ["storey", "storeys", "story-high"],
    "GB": ["gb", "gigabyte", "gigabytes"],
    "TB": ["tb", "terabyte", "terabytes"],
    "MB": ["mb", "megabyte", "megabytes"],
}.items():
    for _form in _forms:
        UNITS_OF_MEASURE[_form] = _name

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
