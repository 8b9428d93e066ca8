"""Dates in wire headers, datelines and record fields: the common forms at once, the rest by dateparser.

>>> _parse_date("27 Haziran 2019", None), _parse_date("June 27, 2019", None)
(datetime.datetime(2019, 6, 27, 0, 0), datetime.datetime(2019, 6, 27, 0, 0))
>>> _parse_date_and_time("27 Haziran 2019 - 03:57")
datetime.datetime(2019, 6, 27, 3, 57)
"""

from __future__ import annotations

import datetime as dt
import functools
import re

#: Languages of the header and dateline dates dateparser is asked to read.
DATE_LANGUAGES = ["en", "tr", "fr", "es", "de", "it", "pt"]


@functools.lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    """Month names (wide and abbreviated, any case) of :data:`DATE_LANGUAGES` -> month number.

    From CLDR through babel; a name two languages give different months is left out.
    """
    from babel.dates import get_month_names

    found: dict[str, set[int]] = {}
    for language in DATE_LANGUAGES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale=language).items():
                    found.setdefault(name.lower().rstrip("."), set()).add(number)
    return {name: numbers.pop() for name, numbers in found.items() if len(numbers) == 1 and len(name) >= 3}


_DAY_MONTH_YEAR = re.compile(r"(?P<day>\d{1,2})\.?\s+(?:de\s+)?(?P<month>[^\W\d_]{3,12})\.?,?\s+(?:de\s+)?(?P<year>\d{4})")
_MONTH_DAY_YEAR = re.compile(r"(?P<month>[^\W\d_]{3,12})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})")


def _quick_date(text: str) -> dt.datetime | None:
    """"27 Haziran 2019", "June 27, 2019", "27 de junio de 2019": the common full dates, without dateparser.

    Anything else (no year, a weekday, a time, a name not in :func:`_month_numbers`) is None:
    dateparser reads it. Same answers as dateparser, at a hundredth of the cost.
    """
    match = _DAY_MONTH_YEAR.fullmatch(text) or _MONTH_DAY_YEAR.fullmatch(text)
    if match is None:
        return None
    month = _month_numbers().get(match.group("month").lower())
    if month is None:
        return None
    try:
        return dt.datetime(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def _parse_date(text: str, base: dt.datetime | None) -> dt.datetime | None:
    quick = _quick_date(text.strip())
    if quick is not None:
        return quick
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    import dateparser  # imported on the first date the quick forms cannot read (it costs about 0.1 s)

    try:
        return dateparser.parse(text, languages=DATE_LANGUAGES, settings=settings)
    except Exception:  # dateparser raises assorted errors on odd strings
        return None


_TIME_AT_END = re.compile(r"^(?P<date>.*?\d{4})\s*(?:[-,–]|at|à|um|saat|a las)?\s*(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})$")


@functools.lru_cache(maxsize=4096)
def _parse_date_and_time(text: str) -> dt.datetime | None:
    """A header's date and time, e.g. "27 Haziran 2019 - 03:57".

    The day is parsed by dateparser (cached: a bulletin has few distinct days),
    the clock time by a regex, so thousands of headers cost a few parses; the whole
    answer is cached too (a datetime is immutable), keyed by the header's date text.
    """
    match = _TIME_AT_END.match(text.strip())
    if match and int(match.group("hour")) < 24 and int(match.group("minute")) < 60:
        day = _parse_date(match.group("date"), None)
        if day is not None:
            return day.replace(hour=int(match.group("hour")), minute=int(match.group("minute")), second=0, microsecond=0)
    return _parse_date(text, None)


_DIGIT = re.compile(r"\d")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_THREE_LETTERS = re.compile(r"[A-Za-zÀ-ÿ]{3}")
_NUMERIC_DAY = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}")


@functools.lru_cache(maxsize=4096)
def _parse_dateline_date(text: str, base: dt.datetime | None) -> dt.datetime | None:
    """The date of a dateline ("June 27", "27 jun", "2019-06-27"), the year taken from ``base``
    when it has none (cached: a bulletin's datelines repeat a few days)."""
    if not _DIGIT.search(text):
        return None
    if _ISO_DAY.fullmatch(text.strip()):
        return dt.datetime.fromisoformat(text.strip())
    if not _THREE_LETTERS.search(text) and not _NUMERIC_DAY.fullmatch(text.strip()):
        return None
    return _parse_date(text.strip(" ,."), base)
