"""Bylines and datelines at the top of a body that is not wire text (web pages, plain text, SGML).

A body may open with a byline line ("By Meredith Jameson", "Von Anna Galazka")
and a dateline ("JAKARTA (Reuters) -", "SALVADOR, Feb 26 -", "WASHINGTON (AP) —",
"LIMA, Peru —"). Both are read into columns (``byline``, ``dateline_place``,
``agency``, ``dateline_date``) and the body the reader returns starts after
them: they are the story's labels, not its text, and an agency left in the
text would be counted as an actor. Datelines with an agency are found by
:func:`kit.formats.wire.find_datelines`, with the same rules as wire text; a
year-less dateline date ("Feb 26") is dated in the year of ``published`` when
there is one, else left missing.

>>> head = read_head("By Meredith Jameson\\n\\nJAKARTA (Reuters) - Indonesia said on Monday ...")
>>> head["byline"], head["dateline_place"], head["agency"], head["start"]
('Meredith Jameson', 'JAKARTA', 'Reuters', 41)
>>> import datetime as dt
>>> head = read_head("SALVADOR, Feb 26 - Showers continued.", published=dt.datetime(1987, 2, 26, 15, 1))
>>> head["dateline_place"], head["dateline_date"].date().isoformat(), head["start"]
('SALVADOR', '1987-02-26', 19)
"""

from __future__ import annotations

import datetime as dt
import re

from kit.formats import wire

#: Lines at the top of a body that may hold a byline (and blank lines between).
MAX_BYLINE_LINES = 3

#: How far into the body (characters, after any byline) a dateline may end.
MAX_DATELINE = 120

_NAME = r"[A-ZÀ-Þ][\w'’.\-]*(?:\s+(?:[A-ZÀ-Þ][\w'’.\-]*|de|van|von|der|da|di|du|la|le|bin|al|el|y))*"
_BYLINE = re.compile(
    r"(?:By|BY|by|Von|VON|von|Par|PAR|par|Por|POR|por|Door|Di|Text:|Von:)\s+(?P<names>" + _NAME
    + r"(?:\s*(?:,|and|und|et|y|&)\s*" + _NAME + r")*)(?:\s*(?:,|/|\||-|–|—)\s*[^\n]{0,60})?"
)
# "SALVADOR, Feb 26 -": a place in capitals, a date, a dash (Reuters-21578 and newspapers, no agency)
_PLACE_DATE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’\-]+(?:[ ][A-Z][A-Z.'’\-]+){0,3}(?:,[ ][A-Z][a-z]+\.?)?),[ ]+"
    r"(?P<date>[A-Z][a-z]{2,8}\.?[ ]+\d{1,2}(?:,[ ]+\d{4})?)[ ]*(?:-{1,3}|–|—)[ \t]+"
)
# "WASHINGTON — ", "LIMA, Peru — ": the place alone (newspapers)
_PLACE_ONLY = re.compile(r"(?P<place>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3}(?:, [A-Z][a-z]+\.?)?)[ \t]+(?:—|–|--)[ \t]+")


def clean_byline(text: str | None) -> str | None:
    """A byline without its "By", "View all posts by" or trailing separators.

    >>> clean_byline("View all posts by Dana Okafor"), clean_byline("BY  NASSER KARIMI "), clean_byline("  ")
    ('Dana Okafor', 'NASSER KARIMI', None)
    """
    if not text:
        return None
    text = " ".join(text.split())
    text = re.sub(r"^(?:view all posts by|posts by|written by|story by|text:|von:|autor:?|author:?)\s+", "", text, flags=re.I)
    text = re.sub(r"^(?:by|von|par|por|door)\s+", "", text, flags=re.I).strip(" ,;|/-–—")
    return text or None


def byline_of(line: str) -> str | None:
    """The names of a byline line, or None when the line is not one.

    >>> byline_of("By Jill Serjeant"), byline_of("By Parisa Hafezi and Babak Dehghanpisheh, Reuters")
    ('Jill Serjeant', 'Parisa Hafezi and Babak Dehghanpisheh')
    >>> byline_of("By the way, the minister said nothing.") is None
    True
    """
    line = line.strip()
    if len(line) > 120 or len(line.split()) > 14:
        return None
    match = _BYLINE.fullmatch(line)
    if not match:
        return None
    parts = [part.strip() for part in match.group("names").split(",")]
    # "By Parisa Hafezi, Reuters": the agency after the comma is a credit, not a name.
    while len(parts) > 1 and parts[-1].lower() in wire.AGENCIES:
        parts.pop()
    return clean_byline(", ".join(parts))


def read_head(body: str, *, published: dt.datetime | None = None) -> dict:
    """Byline, dateline place, agency and date opening ``body``, and ``start``: where its text begins.

    Keys with nothing found are left out (``start`` is always there).
    """
    found: dict = {}
    position = len(body) - len(body.lstrip())
    for _ in range(MAX_BYLINE_LINES):
        end = body.find("\n", position)
        end = len(body) if end < 0 else end
        names = byline_of(body[position:end])
        if not names or end >= len(body):
            break
        found.setdefault("byline", names)
        position = end + len(body[end:]) - len(body[end:].lstrip())
    dateline = _dateline_at(body, position, published)
    if dateline:
        found.update(dateline[0])
        position = dateline[1]
    found["start"] = position
    return found


def _dateline_at(body: str, position: int, published: dt.datetime | None) -> tuple[dict, int] | None:
    window = body[position : position + MAX_DATELINE]
    with_agency = [d for d in wire.find_datelines(window) if d["start"] == 0 and d["end"] < len(window)]
    if with_agency:
        d = with_agency[0]
        found = {"dateline_place": d["place"], "agency": d["agency"]}
        date = dateline_date(d["date"], published)
        if date:
            found["dateline_date"] = date
        return found, position + d["end"]
    match = _PLACE_DATE.match(window)
    if match and match.end() < len(window):
        date = dateline_date(match.group("date"), published)
        if date is not None or published is None:
            found = {"dateline_place": match.group("place")}
            if date:
                found["dateline_date"] = date
            return found, position + match.end()
    match = _PLACE_ONLY.match(window)
    if match and match.end() < len(window):
        return {"dateline_place": match.group("place")}, position + match.end()
    return None


def dateline_date(text: str | None, published: dt.datetime | None) -> dt.datetime | None:
    """A dateline's date: with its own year, or in the year of ``published`` (never later than it).

    >>> dateline_date("Feb 26", dt.datetime(1987, 2, 26, 15, 1)), dateline_date("Feb 26", None)
    (datetime.datetime(1987, 2, 26, 0, 0), None)
    """
    if not text:
        return None
    has_year = re.search(r"\d{4}", text) is not None
    if not has_year and published is None:
        return None
    base = None
    if published is not None:
        base = published.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None) + dt.timedelta(days=1)
    date = wire._parse_dateline_date(text, base)
    return date.replace(hour=0, minute=0, second=0, microsecond=0) if date else None


def split_dateline(value: str | None, published: dt.datetime | None = None) -> tuple[str | None, dt.datetime | None]:
    """A dateline field ("Moscow, June 27", "PARIS, June 27, 2019", "Friday, January 4, 2019") as place and date.

    A date without a year is dated in the year of ``published`` (never after it), or left missing without one.

    >>> split_dateline("Moscow, June 27", dt.datetime(2019, 6, 27, 3, 57))
    ('Moscow', datetime.datetime(2019, 6, 27, 0, 0))
    >>> split_dateline("Moscow, June 27"), split_dateline("SUNNYVALE, Calif.")
    (('Moscow', None), ('SUNNYVALE, Calif.', None))
    >>> split_dateline("Friday, January 4, 2019")
    (None, datetime.datetime(2019, 1, 4, 0, 0))
    """
    if not value or not value.strip():
        return None, None
    text = " ".join(value.split())
    weekday = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s*"
    whole = dateline_date(re.sub("^" + weekday, "", text), published) if re.search(r"\d", text) else None
    if whole is not None and not re.match(r"[^\d,]{3,},", re.sub("^" + weekday, "", text)):
        return None, whole
    if not re.search(r"\d", text):
        return text.strip(" ,"), None  # "SUNNYVALE, Calif.": a place alone
    place, _, rest = text.partition(",")
    rest = re.sub("^" + weekday, "", rest.strip())
    # "LIMA, Peru, June 27": the region belongs to the place
    region = re.match(r"([A-Z][a-z]+\.?),\s*(?=\S*\s*\d|[A-Z][a-z]+\.? \d)", rest)
    if region and not dateline_date(region.group(1) + " 1, 2000", None):
        place, rest = f"{place}, {region.group(1)}", rest[region.end():]
    date = dateline_date(rest.strip(" ,"), published) if re.search(r"\d", rest) else None
    return (place.strip() or None), date
