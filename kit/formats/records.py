"""Records with named fields (JSON, JSON Lines, CSV) to article rows.

Field names are matched case-insensitively against the usual names news
datasets use (``text``/``body``/``content``, ``title``/``headline`` ...); a
mapping passed as ``fields={"body": "story_text"}`` takes precedence.

>>> row = record_to_row({"Title": "Quake hits", "Text": "A quake hit.", "Source": "Wikinews (en.wikinews.org)"})
>>> row["headline"], row["body"], row["outlet"]
('Quake hits', 'A quake hit.', 'Wikinews')
"""

from __future__ import annotations

import datetime as dt
import re

from kit.formats import Problem
from kit import lexicon

#: Article column -> field names that commonly hold it, in order of preference.
def _field_names() -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for field, column in lexicon.entries("formats_field_names"):
        names.setdefault(column, []).append(field)
    return names


FIELD_NAMES = _field_names()

#: Fields that make a record an annotation (entity spans), not an article.
ANNOTATION_FIELDS = ("entities", "mentions", "annotations", "spans", "labels")


class NoTextField(ValueError):
    """The record has no field that holds article text."""


def lower_keys(record: dict) -> dict:
    """The record with its field names stripped and in lower case.

    >>> lower_keys({" Title ": "x"})
    {'title': 'x'}
    """
    return {str(key).strip().lower(): value for key, value in record.items()}


def is_annotation(record: dict) -> bool:
    """True for records that carry entity spans (GUM, Doccano, Label Studio exports).

    >>> is_annotation({"text": "Kim met Moon.", "entities": [{"span": [0, 3]}]})
    True
    """
    keys = lower_keys(record)
    return any(isinstance(keys.get(name), list) for name in ANNOTATION_FIELDS)


def record_to_row(record: dict, fields: dict[str, str] | None = None) -> dict:
    """One record -> one article row. Raises :class:`NoTextField` if it has no text."""
    keys = lower_keys(record)
    wanted = {column: [name.lower() for name in names] for column, names in FIELD_NAMES.items()}
    for column, name in (fields or {}).items():
        wanted[column] = [name.lower()] + wanted.get(column, [])

    def value(column):
        for name in wanted.get(column, []):
            found = keys.get(name)
            if found is not None and found != "":
                return found
        return None

    body = value("body")
    if body is None:
        looked = ", ".join(wanted["body"][:6])
        raise NoTextField(f"no text: the record has none of the fields {looked} (or it is empty); "
                          "pass fields={'body': '<your column>'} to name it")
    if not isinstance(body, str):
        raise NoTextField(f"its text field holds a {type(body).__name__}, not text")
    if not body.strip():
        raise NoTextField("its text field is empty")
    row: dict = {"body": body}
    for column in ("headline", "url", "agency", "version", "advisory", "desk", "story_id", "language", "license"):
        found = value(column)
        if found is not None and not isinstance(found, (dict, list)):
            row[column] = str(found).strip()
    outlet = value("outlet")
    if isinstance(outlet, dict):  # NewsAPI: {"id": ..., "name": ...}
        outlet = outlet.get("name") or outlet.get("id")
    if outlet is not None and not isinstance(outlet, (dict, list)):
        row["outlet"] = outlet_name(str(outlet))
    elif row.get("agency"):
        row["outlet"] = row["agency"]
    record_id = value("record_id")
    if record_id is not None and not isinstance(record_id, (dict, list)):
        row["record_id"] = str(record_id)
    published = value("published")
    if published is not None:
        row["published"] = parse_date(published)
    dateline = value("dateline")
    if isinstance(dateline, str) and dateline.strip():
        place, date = split_dateline(dateline)
        row["dateline_place"], row["dateline_date"] = place, date
    keywords = value("keywords")
    if isinstance(keywords, str):
        keywords = [word.strip() for word in re.split(r"[;,|]", keywords) if word.strip()]
    if isinstance(keywords, list):
        row["keywords"] = [str(word) for word in keywords]
    return row


def outlet_name(value: str) -> str:
    """The outlet's name without the notes datasets add after it.

    >>> outlet_name("Wikinews (en.wikinews.org), collected by W. van Atteveldt")
    'Wikinews'
    """
    name = re.split(r"\s+\(|,\s", value.strip(), maxsplit=1)[0].strip()
    return name or value.strip()


def parse_date(value) -> dt.datetime | None:
    """A record's date: ISO strings, epoch seconds, or any language dateparser reads.

    >>> parse_date("2019-01-04")
    datetime.datetime(2019, 1, 4, 0, 0)
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return dt.datetime.fromtimestamp(value / 1000 if value > 1e11 else value, tz=dt.timezone.utc).replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip() or len(value) > 80:
        return None
    text = value.strip()
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        from kit.formats.wire import _parse_date

        parsed = _parse_date(text, None)
    if parsed is not None and parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return parsed


def split_dateline(value: str) -> tuple[str | None, dt.datetime | None]:
    """A dateline field: a date ("Friday, January 4, 2019"), or "PLACE, date".

    >>> split_dateline("Friday, January 4, 2019")
    (None, datetime.datetime(2019, 1, 4, 0, 0))
    >>> split_dateline("PARIS, June 27, 2019")
    ('PARIS', datetime.datetime(2019, 6, 27, 0, 0))
    """
    from kit.formats.wire import _parse_date

    text = value.strip()
    weekday = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s*"
    date = _parse_date(re.sub("^" + weekday, "", text), None) if re.search(r"\d", text) else None
    if date is not None:
        return None, date
    place, _, rest = text.partition(",")
    date = _parse_date(re.sub("^" + weekday, "", rest.strip()), None) if re.search(r"\d", rest) else None
    return (place.strip() or None), date


def problem_for(record, line: int | None, position: str | None, fields: dict | None = None) -> Problem | dict:
    """Turn one decoded record into a row, or a Problem saying why it is not one.

    >>> problem_for([1, 2], line=3, position="#3").reason
    'the record is a list, not an object with a text field'
    """
    if not isinstance(record, dict):
        kind = {list: "a list", str: "a string", type(None): "null", bool: "a boolean"}.get(type(record), "a number")
        return Problem(f"the record is {kind}, not an object with a text field", line=line, position=position)
    try:
        row = record_to_row(record, fields)
    except NoTextField as error:
        return Problem(f"record not read: {error}", line=line, position=position)
    except (ValueError, TypeError, OverflowError, RecursionError) as error:
        # One odd record (a date out of range, a field nested too deep) must not
        # end the reading of the records after it.
        return Problem(f"record not read: one of its fields could not be used ({type(error).__name__}: {error})",
                       line=line, position=position)
    if position:
        row["position"] = position
    return row
