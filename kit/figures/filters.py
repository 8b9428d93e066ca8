"""Numbers that are not figures: dates, years, clock times, names, addresses, scores, phones.

>>> import calendar
>>> "sept." in MONTHS and "june" in MONTHS
True
"""

from __future__ import annotations

import calendar
import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from kit import lexicon
from kit.figures import numbers
from kit.figures.numbers import SCALES, SUFFIXES, UNITS_OF_MEASURE

if TYPE_CHECKING:
    from kit.figures.quantities import _Quantity

#: Month names and their abbreviations, with and without a dot ("June", "Dec.", "Sept."), lower case.
MONTHS = ({name.lower() for name in calendar.month_name[1:]} | {name.lower() for name in calendar.month_abbr[1:]}
          | {name.lower() + "." for name in calendar.month_abbr[1:]} | {"sept", "sept."})
#: Words after which a number is a label, not a quantity ("Section 5", "Flight 370").
LABELS = lexicon.words("figures_labels")
CLOCK_WORDS = lexicon.words("figures_clock_words")
#: Entity types whose numbers are part of a name ("Boeing 737", "Section 5 of the Act").
NAME_ENTITIES = {"ORG", "PRODUCT", "FAC", "LAW", "EVENT", "WORK_OF_ART", "PERSON", "GPE", "LOC",
                 "NORP", "LANGUAGE"}
STREET_WORDS = lexicon.words("figures_street_words")
#: Words near "3-1" that make it a score or a tally of votes, not a range.
SCORE_CONTEXT = lexicon.words("figures_score_context")
#: Words after a number that make it a share ("50.0 percent"), never part of a name.
SHARE_WORDS = {"%", "percent", "per", "pct", "percentage"}
#: Two days joined by a dash, as a date range writes them ("25–27").
DAY_RANGE = re.compile(r"^(?:[1-9]|[12]\d|3[01])[–-](?:[1-9]|[12]\d|3[01])$")
#: ISO codes news writes after an amount ("50 million USD"), from the currency lists.
CURRENCY_CODES = frozenset(numbers.CURRENCY_SYMBOLS.values()) | frozenset(numbers.CURRENCY_WORDS.values())
#: Phone numbers: "+44 20 7946 0958", "(202) 555-0100", "555-1234", "02.99.12.34.56".
PHONE = re.compile(r"\+\d{1,4}(?:[ .-]\(?\d{1,5}\)?){2,5}|\(\d{2,5}\) ?\d{3,4}[ .-]\d{3,5}"
                   r"|\d{2,5}(?:[.-]\d{2,5}){2,4}\b|\d{3}-\d{4}\b"
                   r"|0\d{2,5} \d{3,4} ?\d{3,4}\b|0\d{2,5} \d{5,8}\b")  # "08000 858531", "020 7946 0958"


def _is_phone(text: str) -> bool:
    """Seven digits or more in groups, or a leading "+" or "(": a phone number, not amounts."""
    return text.startswith(("+", "(")) or sum(len(group) for group in re.findall(r"\d+", text)) >= 7



def _glued_to_name(doc: Doc, i: int) -> bool:
    """True for digits that are part of a word: "Il-62", "G-20", "CoV-2", "#5".

    Reads neighbouring tokens, not ``doc.text``: spaCy rebuilds that string on every access.
    """
    token = doc[i]
    before = doc[i - 1].text if i > 0 and not doc[i - 1].whitespace_ else ""
    if before:
        if before[-1].isalpha() or before == "#":
            return True
        if before in ("-", "/", "_") and i > 1 and not doc[i - 2].whitespace_ and \
                any(character.isalpha() for character in doc[i - 2].text):
            return True  # "CoV-2", "K2-18b", "x86-64"
    if i > 1 and before in ("-", "–") and not doc[i - 2].whitespace_ and doc[i - 2].text[-1:].isdigit() \
            and token.text[:1].isupper() and token.is_alpha:
        return True  # "7-Eleven"
    if token.whitespace_ or i + 1 >= len(doc):
        return False
    following = doc[i + 1]
    if following.text in ("-", "–") and not following.whitespace_ and i + 2 < len(doc) \
            and doc[i + 2].text[:1].isupper() and doc[i + 2].is_alpha and doc[i + 2].lower_ not in UNITS_OF_MEASURE \
            and not (token.is_alpha and doc[i + 2].lower_ in numbers.NUMBER_WORDS):  # but "Twenty-Five"
        return True  # "7-Eleven", "3-Series"
    return following.text[:1].isalpha() and not (
        following.lower_ in SUFFIXES or following.lower_.rstrip(".") in SUFFIXES or following.lower_ in UNITS_OF_MEASURE
        or following.lower_ in SCALES or following.lower_ in CLOCK_WORDS)



def _is_not_a_figure(doc: Doc, quantity: _Quantity, start: int, hedged, kind: str | None) -> bool:
    n = len(doc)
    core = doc[quantity.start:quantity.end]
    first, last = doc[quantity.start], doc[quantity.end - 1]
    before = doc[quantity.start - 1] if quantity.start > 0 else None
    after = doc[quantity.end] if quantity.end < n else None
    digits = numbers.parse_digits(first.text) is not None
    days = digits or DAY_RANGE.match(first.text) is not None  # "September 25–27"
    if first.text[-1:] in "½¼¾⅓⅔⅛" or (quantity.value is not None and 0 < quantity.value < 1 and "/" in first.text):
        return False  # "½ teaspoon", "a 1/4 mile oval": fractions are never names or dates

    # List numbering at the start of a line: "1." / "2)".
    line_start = quantity.start == 0 or "\n" in doc[quantity.start - 1].text
    if digits and line_start and after is not None \
            and after.text in (".", ")") and not hedged:
        return True
    if _is_a_date_or_call(doc, quantity, before, after, digits, days):
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
    # Names and identifiers: "Boeing 737", "Section 5", "Group of 20", "No. 5", "Six Flags";
    # but not a share or a measure ("Biden led Trump 50.0 percent to 40.4 percent").
    if not hedged and kind is None and not (after is not None and (after.lower_ in SHARE_WORDS
                                                                     or after.lower_ in UNITS_OF_MEASURE)):
        if not digits and first.text[:1].isupper() and first.i != first.sent.start and after is not None \
                and after.text[:1].isupper() and after.pos_ == "PROPN":
            return True
        if _inside_a_name(doc, quantity, before, after):
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
    if len(core) == 1 and kind is None and quantity.value is None and quantity.vague is None and all(
            bound is not None and bound == int(bound) and 1900 <= bound <= 2100 for bound in (quantity.low, quantity.high)):
        return True  # "2017–2018" in one token
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



def _is_a_date_or_call(doc: Doc, quantity: _Quantity, before, after, digits: bool, days: bool) -> bool:
    """A day next to a month ("June 26", "26 June", "Dec. 28", "September 25–27"), a year written
    "'69", or a number called or dialled ("by calling 101", "dial 999")."""
    first = doc[quantity.start]
    if before is not None and _is_month(before) and days:
        return True
    if before is not None and before.text in ("'", "’") and not before.whitespace_ and len(first.text) == 2 \
            and first.text.isdigit():
        return True  # "in '69": a year
    if digits and before is not None and before.lemma_.lower() in ("call", "dial", "ring") and "," not in first.text \
            and not _counts_following_noun(doc, quantity):
        return True  # "by calling 101", "dial 999": a phone number
    if before is not None and before.text == "." and quantity.start > 1 and not doc[quantity.start - 2].whitespace_ \
            and doc[quantity.start - 2].lower_ in MONTHS and digits:  # "nov . 6" as a lower-cased copy splits it
        return True
    if after is not None and _is_month(after) and days:
        return True
    return after is not None and after.lower_ == "of" and quantity.end + 1 < len(doc) and \
        _is_month(doc[quantity.end + 1])


def _is_month(token) -> bool:
    """A month as news writes it: capitalised ("June", "Dec."), or in lower case when it cannot be
    another word ("dec.", "sept. 30", "december 1"; not "may" or "march")."""
    lower = token.lower_
    return lower in MONTHS and (token.text[:1].isupper() or lower.endswith(".") or (
        len(lower) > 5 and lower not in ("march",)))


def _inside_a_name(doc: Doc, quantity: _Quantity, before, after) -> bool:
    """A bare number that belongs to a name: "iPhone 14", "PlayStation 5", "737 MAX",
    "Windows 11 sales" (the number inside the same name entity as the word before it)."""
    if quantity.end - quantity.start != 1 or before is None or before.whitespace_ == "":
        return False
    number = doc[quantity.start]
    if before.pos_ == "PROPN" and any(c.isupper() for c in before.text[1:]) and any(c.islower() for c in before.text):
        return True  # "iPhone 14", "PlayStation 5", "eBay 2"
    if number.ent_iob_ == "I" and number.ent_type_ in NAME_ENTITIES and before.pos_ == "PROPN" \
            and before.ent_type_ == number.ent_type_:
        return True  # "Windows 11 sales", "Apollo 11 astronauts"
    return after is not None and after.is_alpha and after.is_upper and len(after.text) >= 2 \
        and after.pos_ == "PROPN" and after.ent_type_ not in ("NORP", "GPE") and after.lower_ not in UNITS_OF_MEASURE \
        and after.text not in CURRENCY_CODES  # "15 EUR" is money


def _looks_like_year(quantity: _Quantity, core) -> bool:
    text = core[0].text
    return len(text) == 4 and text.isdigit() and 1000 <= int(text) <= 2100



def _counts_following_noun(doc: Doc, quantity: _Quantity) -> bool:
    """True when the number modifies a following common noun ("Labour Party - 203 seats")."""
    j = quantity.end
    return j < len(doc) and doc[j].pos_ == "NOUN" and doc[j].text[:1].islower() and doc[j].tag_ == "NNS"
