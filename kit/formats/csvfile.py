"""CSV (and TSV): one article per row, columns matched case-insensitively.

The delimiter (comma, semicolon, tab) is sniffed; quoted newlines are kept; a
row without text becomes a problem naming its line; a file without any text
column becomes one problem that lists the columns it has.

>>> rows = list(read('Title,Text,Date\\n"Quake hits","A quake\\nhit Peru.",2019-05-26\\n'))
>>> rows[0]["headline"], rows[0]["body"], rows[0]["position"]
('Quake hits', 'A quake\\nhit Peru.', '#1')
"""

from __future__ import annotations

import csv
import io
import sys
from typing import Iterator, TextIO

from kit.formats import Problem
from kit.formats.records import FIELD_NAMES, problem_for

# Article bodies are long; the csv module's default field limit (128 kB) is not.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def read(text: str | TextIO, fields: dict | None = None, *, tab: bool = False,
         sample: str | None = None) -> Iterator[dict | Problem]:
    """Yield one row per CSV record of ``text`` (a string, or a text stream read row by row).

    ``sample`` (the first kilobytes) is needed with a stream, to sniff the delimiter.
    """
    if sample is None:
        sample = text[:20000] if isinstance(text, str) else ""
    try:
        dialect = csv.Sniffer().sniff(sample[:20000], delimiters="\t" if tab else ",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = "\t" if tab else ","
    stream = io.StringIO(text, newline="") if isinstance(text, str) else text
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as error:
        yield Problem(f"CSV without a header row ({error or 'empty'})", line=1)
        return
    names = [name.strip().lstrip("\ufeff") for name in header]
    lowered = {name.lower() for name in names}
    body_names = {name.lower() for name in FIELD_NAMES["body"]} | {(fields or {}).get("body", "").lower()}
    if not lowered & body_names:
        yield Problem(f"CSV without a text column: it has {', '.join(names[:12])}; pass "
                      "fields={'body': '<column>'} to name the one holding the article text", line=1)
        return
    number = 0
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Problem(f"CSV row at line {line} could not be parsed ({error})", line=line)
            return
        if not any(cell.strip() for cell in cells):
            continue
        number += 1
        if len(cells) != len(names):
            yield Problem(f"CSV row {number} (line {line}) has {len(cells)} cells for {len(names)} columns",
                          line=line, position=f"#{number}")
            continue
        # Streams keep the file's line ends inside quoted cells; texts have "\n" already.
        cells = [cell.replace("\r\n", "\n").replace("\r", "\n") for cell in cells]
        yield problem_for(dict(zip(names, cells)), line, f"#{number}", fields)
