"""Plain text: the first non-blank line is the headline, the rest is the body.

A byline line opening the body ("By Meredith Jameson") becomes ``byline`` and
a dateline (``WASHINGTON — ``, ``LIMA, Peru — ``, ``JAKARTA (Reuters) -``,
``SALVADOR, Feb 26 -``) becomes ``dateline_place`` (and ``agency``,
``dateline_date``), both read by :mod:`kit.formats.bylines` with the rules of
wire text; the body starts after them. The body is a verbatim slice of the
text (``body_start`` says where), so offsets into it map back to the file.

>>> row = next(read("Quake hits Peru\\n\\nA strong quake hit Peru on Sunday.\\n"))
>>> row["headline"], row["body"]
('Quake hits Peru', 'A strong quake hit Peru on Sunday.')
>>> next(read("Quake hits Peru\\n\\nLIMA, Peru — A strong quake hit Peru."))["dateline_place"]
'LIMA, Peru'
>>> row = next(read("Quake hits Peru\\nBy Ana Ruiz\\n\\nLIMA (Reuters) - A strong quake hit Peru."))
>>> row["byline"], row["agency"], row["body"]
('Ana Ruiz', 'Reuters', 'A strong quake hit Peru.')

"""

from __future__ import annotations

import re
from typing import Iterator

from kit.formats import Problem
from kit.formats.bylines import read_head


def read(text: str) -> Iterator[dict | Problem]:
    first = re.match(r"\s*([^\n]*)", text)
    headline = first.group(1).strip()
    rest_from = first.end()
    body = text[rest_from:]
    if not body.strip():
        # A single paragraph is a body without a headline, not a headline without a body.
        rest_from, body, headline = 0, text, None
    start = rest_from + len(body) - len(body.lstrip())
    body = body.strip()
    if not body:
        yield Problem("the file holds only whitespace")
        return
    row = {"format": "text", "headline": headline}
    # A byline and a dateline open the body: "By Ana Ruiz", "WASHINGTON (AP) — ...".
    head = read_head(body)
    if len(body) > head["start"]:
        row.update({key: value for key, value in head.items() if key != "start"})
        start += head["start"]
        body = body[head["start"] :]
    row.update(body=body, body_start=start)
    yield row
