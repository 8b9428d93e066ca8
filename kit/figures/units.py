"""Units and currencies by name: "km" -> "kilometre", "USD" -> "dollar", and numbers glued to them.

Names follow quantulum3's unit catalogue (the one the CQE evaluation normalises to) for
measures, and babel's English currency names for money, so that a table of figures reads
the way people say the unit ("kilometre per hour", "australian dollar"). The ISO code of
a currency stays in the ``currency`` column; what the text wrote is kept in ``unit_text``.

>>> unit_name("km"), unit_name("MW"), unit_name("AUD"), unit_name("GBP")
('kilometre', 'megawatt', 'australian dollar', 'pound sterling')
>>> glued = read_glued("10kW")
>>> glued.value, glued.unit, glued.unit_text
(10.0, 'kilowatt', 'kW')
>>> read_glued("HK$12").currency, read_glued("−5C").value, read_glued("2.4pc").percent
('HKD', -5.0, True)
"""

from __future__ import annotations

import dataclasses
import functools
import re

import babel.numbers

from kit import lexicon
from kit.figures import numbers

#: Surface form -> unit name (``kit/lexicon/figures_units.txt``).
UNIT_NAMES: dict[str, str] = dict(lexicon.mapping("figures_units"))
#: The same from quantulum3's catalogue (``figures_units_catalogue.txt``), for what the hand list lacks
#: ("mg", "dB", "hPa", "kilojoules"); the hand list wins where both have a form.
CATALOGUE_NAMES: dict[str, str] = dict(lexicon.mapping("figures_units_catalogue"))
#: Names of units that are money, not measures ("85 cents", "164p").
MONEY_UNITS = {"cent": None, "cents": None, "pence": "GBP", "penny": "GBP", "p": "GBP", "c": None}
#: Glued suffixes that mean percent ("2.4pc", "3pct").
PERCENT_SUFFIXES = {"pc", "pct", "percent"}

#: A number with what the tokenizer may glue to it: a currency prefix ("US$", "HK$", "RM", "£"),
#: a sign, digits (thousands separators, decimals, an exponent), a scale letter, a unit.
GLUED = re.compile(
    r"^(?P<currency>[A-Z]{1,3}\$|RM|Rs\.?|Rp|SFr|Tk|K?Sh|[NRP](?=\d)|[$£€¥₹₩₽₺₦₱₪₫])?"
    r"(?P<sign>[+\-−–])?"
    r"(?P<number>(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?(?:e[+-]?\d+)?)"
    r"(?P<rest>[A-Za-z°²/]+)?\.?$"
)
#: Currency letters read only when glued to an amount ("N460", "R18.95", "P1.5 billion", "Sh300 billion"):
#: alone they are initials. One letter needs a decimal, a thousands separator or a scale word after it
#: (kit.figures.quantities), so that "N95 masks" and "R2" stay names.
GLUED_CURRENCIES = {"N": "NGN", "R": "ZAR", "P": "PHP", "Sh": "KES", "KSh": "KES"}
SIGNS = {"+": 1.0, "-": -1.0, "−": -1.0, "–": -1.0}


@dataclasses.dataclass
class Glued:
    """What one token such as "US$58", "10kW", "−5C" or "2.4pc" says."""

    value: float
    currency: str | None = None  # ISO code
    currency_text: str | None = None
    unit: str | None = None  # unit name
    unit_text: str | None = None
    scale: float | None = None
    percent: bool = False
    signed: bool = False


def read_glued(text: str) -> Glued | None:
    """A token holding a number with a currency, sign, scale letter or unit glued to it; None for
    anything else (a plain number, a name such as "G20", "COVID-19" or "iPhone14")."""
    match = GLUED.match(text)
    if match is None:
        return None
    currency_text, sign, number, rest = match.group("currency", "sign", "number", "rest")
    if not (currency_text or sign or rest or "e" in number):
        return None
    currency = None
    if currency_text:
        currency = GLUED_CURRENCIES.get(currency_text) or currency_code(currency_text)
        if currency is None:
            return None
    value = float(number.replace(",", "")) * (SIGNS[sign] if sign else 1.0)
    glued = Glued(value, currency, currency_text, signed=bool(sign))
    if "e" in number and not (currency or rest):
        return glued  # "1.5e6"
    if rest:
        if not _read_suffix(glued, rest):
            return None
    return glued


def _read_suffix(glued: Glued, rest: str) -> bool:
    """Read a scale letter and/or a unit after the digits; False when ``rest`` is neither."""
    scale = numbers.SUFFIXES.get(rest.lower())
    if scale is not None:
        glued.value *= scale
        glued.scale = scale
        return True
    lower = rest.lower()
    if lower in PERCENT_SUFFIXES and not glued.currency:
        glued.percent, glued.unit, glued.unit_text = True, "%", rest
        return True
    if rest in ("p", "c") and not glued.currency:  # "164p", "99c"; "20C" is Celsius
        glued.unit, glued.unit_text = ("penny" if rest == "p" else "cent"), rest
        glued.currency = MONEY_UNITS[rest]
        return True
    name = UNIT_NAMES.get(rest) or (UNIT_NAMES.get(lower) if rest not in ("C", "F") and len(rest) > 1 else None) \
        or CATALOGUE_NAMES.get(rest)
    if name is None or glued.currency:
        return False
    glued.unit, glued.unit_text = name, rest
    return True


@functools.cache
def currency_code(text: str) -> str | None:
    """The ISO code of a currency sign or code as written before a number ("US$", "RM", "£", "EUR")."""
    lower = text.lower()
    if lower in numbers.CURRENCY_SYMBOLS:
        return numbers.CURRENCY_SYMBOLS[lower]
    if text.isupper() and text in numbers.ISO_CURRENCIES:
        return text
    return None


@functools.cache
def currency_name(code: str | None) -> str | None:
    """The name of an ISO currency ("USD" -> "dollar", "AUD" -> "australian dollar")."""
    if not code:
        return None
    names = lexicon.mapping("figures_currency_names")
    if code in names:
        return names[code]
    try:
        name = babel.numbers.get_currency_name(code, locale="en")
    except Exception:  # an unknown code: keep it
        return code
    return name.lower() if name != code else code


def unit_name(text: str | None) -> str | None:
    """The name of a unit or currency as any table may write it: "km", "kilometres", "USD", "%"."""
    if not text:
        return None
    if text == "%":
        return "%"
    if text.isupper() and len(text) == 3 and text in numbers.ISO_CURRENCIES:
        return currency_name(text)
    return UNIT_NAMES.get(text) or UNIT_NAMES.get(text.lower()) or CATALOGUE_NAMES.get(text)


# --- the catalogue list (kit/lexicon/figures_units_catalogue.txt), written once from quantulum3 -------------

# The catalogue list (kit/lexicon/figures_units_catalogue.txt) is written once from quantulum3, keeping the
# kinds of unit in figures_catalogue_entities and leaving out figures_catalogue_not_units/_not_symbols.


def catalogue_lines() -> list[str]:
    """The lines of ``figures_units_catalogue.txt``: quantulum3's unit names, surfaces and symbols
    (``python -m kit.figures.units`` prints them; quantulum3 takes about 10 s to load, so the kit
    reads the list, never the catalogue). Names the hand list gives differently are renamed its way
    ("tonne" -> "metric ton")."""
    from quantulum3 import load

    catalogue = load.units("en_US")
    rename = {}
    for form, name in UNIT_NAMES.items():
        found = catalogue.surfaces.get(form) or catalogue.symbols.get(form) or set()
        if len(found) == 1 and next(iter(found)).name != name:
            rename[next(iter(found)).name] = name
    lines = {}
    for table, symbols in ((catalogue.surfaces, False), (catalogue.symbols, True)):
        for form, found in table.items():
            if len(found) != 1 or form in UNIT_NAMES or (not symbols and form.lower() in UNIT_NAMES):
                continue
            unit = next(iter(found))
            if unit.entity.name not in lexicon.words("figures_catalogue_entities") \
                    or unit.name in lexicon.words("figures_catalogue_not_units"):
                continue
            if symbols and (len(form) < 2 or form in lexicon.words("figures_catalogue_not_symbols") or not form[-1].isalpha()
                            or not form.isascii() and not (form.startswith("µ") and form[1:].isascii())
                            or " " in form or '"' in form):
                continue
            if not symbols and form != form.lower():
                continue
            lines.setdefault(form, f"{form}\t{rename.get(unit.name, unit.name)}")
    return [lines[form] for form in sorted(lines)]


if __name__ == "__main__":
    print("\n".join(catalogue_lines()))
