"""Plain text: the first non-blank line is the headline, the rest is the body.

A newspaper dateline opening the body (``WASHINGTON — ``, ``LIMA, Peru — ``)
becomes ``dateline_place``. The body is a verbatim slice of the text (``body_start`` says where), so
offsets into it map back to the file.

>>> row = next(read("Quake hits Peru\\n\\nA strong quake hit Peru on Sunday.\\n"))
>>> row["headline"], row["body"]
('Quake hits Peru', 'A strong quake hit Peru on Sunday.')
>>> next(read("Quake hits Peru\\n\\nLIMA, Peru — A strong quake hit Peru."))["dateline_place"]
'LIMA, Peru'

"""

from __future__ import annotations

import re
from typing import Iterator

from kit.formats import Problem


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
    # Newspapers open with a dateline of the place alone: "WASHINGTON — ...".
    dateline = _DATELINE.match(body)
    if dateline and len(body) > dateline.end():
        row["dateline_place"] = dateline.group("place")
        start += dateline.end()
        body = body[dateline.end() :]
    row.update(body=body, body_start=start)
    yield row


_DATELINE = re.compile(r"(?P<place>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3}(?:, [A-Z][a-z]+\.?)?)[ \t]+(?:—|–|--)[ \t]+")
