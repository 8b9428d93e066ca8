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
    """The lines of a text stream for csv.reader; a record over ``limit`` characters is never held.

    Quotes are counted as lines go by, so a record over the limit (one huge line,
    or a quoted field over many lines) is read past to its end and handed to the
    parser as an empty line or a closing quote: :attr:`oversize` then names the
    line it started on, and the reader reports it instead of the row. A line of
    binary data (NULs, or many undecodable bytes) ends the file, with a problem
    in :attr:`problems`.
    """

    def __init__(self, stream: TextIO, limit: int):
        self.stream, self.limit = stream, limit
        self.number = self.size = 0
        self.inside = False
        self.record_start = 1
        self.oversize: int | None = None
        self.problems: list[Problem] = []

    def __iter__(self):
        return self

    def record_done(self) -> None:
        self.size, self.record_start, self.oversize = 0, self.number + 1, None

    def _physical(self) -> tuple[str | None, int, int]:
        """The next line (None when over the limit, read past), its number of quotes, its length."""
        line = self.stream.readline(self.limit + 1)
        if len(line) > self.limit and not line.endswith(("\n", "\r")):
            size, quotes = len(line), line.count('"')
            while line and not line.endswith(("\n", "\r")):
                line = self.stream.readline(1 << 20)
                size, quotes = size + len(line), quotes + line.count('"')
            return None, quotes, size
        return line, line.count('"'), len(line)

    def __next__(self) -> str:
        inside_before = self.inside
        line, quotes, size = self._physical()
        if not size:
            raise StopIteration
        self.number += 1
        self.size += size
        self.inside ^= bool(quotes & 1)
        if line is not None:
            bad = line.count("\x00") + line.count("\ufffd")
            if bad >= 4 and bad * 20 > len(line):
                self.problems.append(Problem(f"binary data (not text) from line {self.number} on; the rest of the "
                                             "file was not read", line=self.number))
                raise StopIteration
        if self.size <= self.limit:
            return line
        if self.oversize is None:
            self.oversize = self.record_start
        while self.inside:  # read past the rest of the record
            more, quotes, size = self._physical()
            if not size:
                break
            self.number += 1
            self.inside ^= bool(quotes & 1)
        return '"\n' if inside_before else "\n"


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
    with _field_limit(max_field * 2 + 1):  # a backstop: _Lines stops records over max_field first
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
    if isinstance(text, _Lines):
        text.record_done()
    names = [name.strip().lstrip("\ufeff") for name in header]
    lowered = {name.lower() for name in names}
    body_names = {name.lower() for name in FIELD_NAMES["body"]} | {(fields or {}).get("body", "").lower()}
    if not lowered & body_names:
        yield Problem(f"CSV without a text column: it has {', '.join(names[:12])}; pass "
                      "fields={'body': '<column>'} to name the one holding the article text", line=1)
        return
    number = bad = 0
    while True:
        line = (text.number if isinstance(text, _Lines) else reader.line_num) + 1
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
        oversize = text.oversize if isinstance(text, _Lines) else None
        if isinstance(text, _Lines):
            text.record_done()
        if oversize is not None:
            number += 1
            yield Problem(f"CSV row {number} (line {oversize}) is over the size limit; not read", line=oversize,
                          position=f"#{number}")
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
