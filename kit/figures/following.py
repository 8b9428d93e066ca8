"""What follows a number: its kind, unit, currency, rate or age ("40%", "5 km", "300 euros",
"$2.24 per gallon", "36 years old", "Smithers, 36,").

The right-hand half of reading a figure (:mod:`kit.figures.find` reads the hedge and
currency sign before it): units are named from ``figures_units`` (by hand) and
``figures_units_catalogue`` (quantulum3's catalogue), currencies from babel and
``figures_currency_words``.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from kit import lexicon
from kit.figures import units
from kit.figures.numbers import (
    CASED_UNITS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DOLLAR_COUNTRIES,
    TIME_UNITS,
    UNITS_OF_MEASURE,
)
from kit.figures.quantities import CURRENCY_CODES, _Quantity

if TYPE_CHECKING:
    from kit.figures.find import _Left

TIME_ANCHORS_AFTER = lexicon.words("figures_time_anchors_after")
TIME_ANCHORS_BEFORE = lexicon.words("figures_time_anchors_before")
#: Words that may stand between a number and its unit without changing it.
UNIT_QUALIFIERS = lexicon.words("figures_unit_qualifiers")
AGE_WORDS_BEFORE = lexicon.words("figures_age_words")
#: Nouns a price may be "a" of, beside units ("$98 a share", "64 cents a dozen", "£90 a head").
RATE_NOUNS = lexicon.words("figures_rate_nouns")
#: Common nouns for people, whose bare number after "was" is an age ("the victim was 26").
PERSON_NOUNS = lexicon.words("human_nouns")  # shared with the actors (measured: same figures scores)


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


def _anchor(doc: Doc, start: int, end: int) -> int:
    """The token of ``[start, end)`` whose head lies outside it (the last one if several)."""
    anchor = end - 1
    for k in range(start, end):
        head = doc[k].head.i
        if head < start or head >= end or head == k:
            anchor = k
    return anchor
