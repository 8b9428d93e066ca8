"""Figures: the numbers a text claims, what they count, and how sure it is.

One pass over a Doc spaCy has already parsed (no second spaCy call). For each
numeric expression the extractor keeps a row of the ``figures`` table:

- ``text``/``start``/``end``: the figure with its hedge and currency sign, without
  the counted noun or the unit word ("around 100", "More than 50", "just a few
  dozen", "about $90 billion", "40%"). ``doc.text[start:end] == text``.
- ``value`` where a number is stated; ``low``/``high`` for bounds ("more than 50":
  value 50, low 50), ranges ("four to five thousand": low 4000, high 5000) and
  vague quantities (``vague_quantities()`` lists them all, from ``kit.figures.numbers.VAGUE``:
  "a few dozen" is 24-60, "dozens" 24-99, "hundreds" 200-999, "several" 3-9,
  "a few" 2-5, ...).
- ``approx``: the hedge ("around", "more than", "between") or, for a vague
  quantity, its words ("a few dozen"). Emphasis such as "just" or "only" stays in
  the span but is not an approximation.
- ``kind``: ``count``; ``money`` (``unit`` the currency's name, "dollar", "pound
  sterling", "australian dollar", and ``currency`` its ISO code); ``percent``
  (``unit`` "%"; fractions of a whole such as "two thirds of" are percentages);
  ``measure`` (``unit`` named as quantulum3's catalogue and the CQE evaluation name
  it: "kilometre", "mile per hour", "degree Celsius", "megawatt", "magnitude", ...;
  rates read as "dollar per gallon", "barrel per day"). ``unit_text`` keeps the unit
  as written ("km", "US$", "per cent", "kW"). Signs are read ("-1.3%", "−5C",
  "minus 5 degrees"). Durations are measures with a time unit; ages ("aged 78",
  "36 years old", "a 36-year-old", "she was 26", "Smithers, 36,") are measures with
  unit "year of age", not counts.
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

The package, one module a step:

- :mod:`kit.figures.numbers`: strings to numbers, vague amounts, hedges, currencies, units
  (no spaCy; ``kit.numbers`` is the same module under its old name);
- :mod:`kit.figures.quantities`: tokens to quantities (numbers, ranges, fractions, vague amounts);
- :mod:`kit.figures.units`: unit and currency names, numbers glued to them ("US$58", "10kW");
- :mod:`kit.figures.filters`: numbers that are not figures (dates, names, phones, scores);
- :mod:`kit.figures.find`: a Doc to figure rows (hedge and currency sign before the number), ``extract``;
- :mod:`kit.figures.following`: what follows a number (kind, unit, currency, rate, age);
- :mod:`kit.figures.counted`: the counted noun next to a figure;
- :mod:`kit.figures.resolve`: compound durations and counted nouns left out by ellipsis;
- :mod:`kit.figures.explore`: tables for notebooks (``claims_about``, ``summarize_figures``,
  ``claimed_by``, ``vague_quantities``).

Word lists are in ``kit/lexicon/figures_*.txt``; month names come from ``calendar``,
currency symbols and ISO codes from babel, and the unit names beyond the hand list from
quantulum3's catalogue (``figures_units_catalogue.txt``, written by ``python -m kit.figures.units``).

>>> rows = extract("Russia sent around 100 military experts; more than 50 countries objected.")
>>> rows[["text", "value", "low", "approx", "counted"]].values.tolist()
[['around 100', 100.0, nan, 'around', 'military experts'], ['more than 50', 50.0, 50.0, 'more than', 'countries']]
"""

from kit.figures import numbers, units
from kit.figures.explore import _singular, claimed_by, claims_about, summarize_figures, vague_quantities
from kit.figures.find import KINDS, extract, find_figures

__all__ = ["KINDS", "claimed_by", "claims_about", "extract", "find_figures", "numbers", "summarize_figures",
           "units", "vague_quantities"]
