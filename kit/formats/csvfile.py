"""CSV (and TSV): one article per row, columns matched case-insensitively.

The delimiter (comma, semicolon, tab) is sniffed; quoted newlines are kept; a
row without text becomes a problem naming its line; a file without any text
column becomes one problem that lists the columns it has. Files are streamed
(:func:`read_stream`): memory holds a record, never the file, and a line or a
field over the size limit is a problem, as is binary data met past the head
the encoding was sniffed from (the rest of such a file is not read).

>>> rows = list(read('Title,Text,Date\\n"Quake hits","A quake\\nhit Peru.",2019-05-26\\n'))
>>> rows[0]["headline"], rows[0]["body"], rows[0]["position"]
('Quake hits', 'A quake\\nhit Peru.', '#1')
"""

from __future__ import annotations

import contextlib
import csv
import io
import sys
from typing import BinaryIO, Iterable, Iterator, TextIO

from kit.formats import Problem
from kit.formats.encoding import NotText, decode
from kit.formats.records import FIELD_NAMES, problem_for

#: Fields longer than this are a problem (article bodies are long; csv's default 128 kB is not).
MAX_FIELD = 50_000_000
#: After this many unparseable rows the rest of a file is not read.
MAX_BAD_ROWS = 1000
_HEAD = 65536


def read_stream(handle: BinaryIO, fields: dict | None = None, suffix: str = "",
                max_file_bytes: int = MAX_FIELD) -> Iterator[dict | Problem]:
    """The records of an open CSV/TSV file, read a line at a time in the encoding sniffed from its head."""
    head = handle.read(_HEAD)
    if not head.strip():
        yield Problem("the file holds only whitespace")
        return
    # Decode the head only up to its last line end: a character cut in two
    # at the 64 kB boundary must not look like a wrong encoding.
    cut = head.rfind(b"\n") + 1 if len(head) == _HEAD and b"\n" in head else len(head)
    try:
        decoded = decode(head[:cut], fix_mojibake=False)
    except NotText as error:
        yield Problem(f"not read: {error}")
        return
    encoding = {"utf-8": "utf-8-sig", "utf-16-le": "utf-16", "utf-16-be": "utf-16"}.get(decoded.encoding, decoded.encoding)
    if decoded.encoding in ("utf-16-le", "utf-16-be") and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = decoded.encoding
    handle.seek(0)
    stream = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
    lines = _Lines(stream, max_file_bytes)
    yield from read(lines, fields, tab=suffix == ".tsv", sample=decoded.text, max_field=max_file_bytes)
    yield from lines.problems


class _Lines:
    """The lines of a text stream for csv.reader, each at most ``limit`` characters.

    A longer line is read past (never held) and given to the parser as an empty
    line; a line of binary data (NULs, or many undecodable bytes) ends the file.
    Both leave a problem in :attr:`problems`.
    """

    def __init__(self, stream: TextIO, limit: int):
        self.stream, self.limit, self.number = stream, limit, 0
        self.problems: list[Problem] = []

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = self.stream.readline(self.limit + 1)
        if not line:
            raise StopIteration
        self.number += 1
        if len(line) > self.limit and not line.endswith(("\n", "\r")):
            size = len(line)
            while line and not line.endswith(("\n", "\r")):
                line = self.stream.readline(1 << 20)
                size += len(line)
            self.problems.append(Problem(f"line {self.number} is {size / 1e6:.1f} million characters, over the size "
                                         "limit; not read", line=self.number))
            return "\n"
        bad = line.count("\x00") + line.count("\ufffd")
        if bad >= 4 and bad * 20 > len(line):
            self.problems.append(Problem(f"binary data (not text) from line {self.number} on; the rest of the file "
                                         "was not read", line=self.number))
            raise StopIteration
        return line


@contextlib.contextmanager
def _field_limit(limit: int):
    previous = csv.field_size_limit(min(sys.maxsize, 2**31 - 1, max(limit, 1)))
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def read(text: str | TextIO | Iterable[str], fields: dict | None = None, *, tab: bool = False,
         sample: str | None = None, max_field: int = MAX_FIELD) -> Iterator[dict | Problem]:
    """Yield one row per CSV record of ``text`` (a string, or a text stream read row by row).

    ``sample`` (the first kilobytes) is needed with a stream, to sniff the delimiter.
    """
    with _field_limit(max_field):
        yield from _read(text, fields, tab, sample)


def _read(text, fields, tab, sample) -> Iterator[dict | Problem]:
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
    number = bad = 0
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Problem(f"CSV row at line {line} could not be parsed ({error})", line=line)
            bad += 1
            if bad >= MAX_BAD_ROWS:
                yield Problem(f"{bad} rows could not be parsed; the rest of the file was not read", line=line)
                return
            continue
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
