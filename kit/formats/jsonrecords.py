"""JSON and JSON Lines: one article per object.

A JSON file may hold one object, a list of objects, or an object with the list
under ``articles``/``items``/``data``/``results``/``records``/``documents``.
JSON Lines are read one line at a time (streamed), so a large file never sits
in memory (only its articles do), and no single line may exceed the size limit; a bad line becomes a problem and the next line is read.

>>> rows = list(read_lines(['{"title": "A", "text": "Body."}', 'not json']))
>>> rows[0]["body"], rows[1].reason
('Body.', 'line 2 is not valid JSON (Expecting value)')
"""

from __future__ import annotations

import json
from typing import BinaryIO, Iterable, Iterator

from kit.formats import Problem, Skip
from kit.formats.records import is_annotation, problem_for

#: Keys under which JSON exports keep their list of articles.
LIST_KEYS = ("articles", "items", "data", "results", "records", "documents", "docs", "rows", "hits", "stories", "news")


class LineTooLong:
    """Stands for a line longer than the limit (read past, never kept)."""

    def __init__(self, size: int):
        self.size = size


def lines_of(handle: BinaryIO, limit: int) -> Iterator[bytes | LineTooLong]:
    """The lines of a binary file, one at a time; a line over ``limit`` bytes is skipped."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while line and not line.endswith(b"\n"):
                line = handle.readline(1 << 20)
                size += len(line)
            yield LineTooLong(size)
            continue
        yield line


def read_stream(handle: BinaryIO, fields: dict | None = None, max_file_bytes: int = 50_000_000,
                explicit: bool = True) -> Iterator[dict | Problem | Skip]:
    """The records of an open JSON Lines file, a line at a time (a line over ``max_file_bytes`` is a problem).

    A file met in a folder walk whose first record carries entity spans is
    annotations, not a corpus: it yields one :class:`~kit.formats.Skip`.
    """
    first = handle.readline(max_file_bytes + 1)
    if not explicit:
        try:
            head = json.loads(first.decode("utf-8-sig"))
            if isinstance(head, dict) and is_annotation(head):
                yield Skip("annotations (records with entity spans), not a corpus")
                return
        except (ValueError, RecursionError):
            pass
    handle.seek(0)
    yield from read_lines(lines_of(handle, max_file_bytes), fields)


def read_lines(lines: Iterable[str | bytes | LineTooLong], fields: dict | None = None) -> Iterator[dict | Problem]:
    """Yield a row (``position`` ``#<line>``) or a Problem for every non-blank line."""
    for number, line in enumerate(lines, 1):
        if isinstance(line, LineTooLong):
            yield Problem(f"line {number} is {line.size / 1e6:.1f} MB, over the size limit; not read",
                          line=number, position=f"#{number}")
            continue
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                from kit.formats.encoding import NotText, decode

                try:
                    line = decode(line).text
                except NotText as error:
                    yield Problem(f"line {number} is not text: {error}", line=number, position=f"#{number}")
                    continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except RecursionError:
            yield Problem(f"line {number} is JSON nested too deeply to read", line=number, position=f"#{number}")
            continue
        except ValueError as error:
            reason = getattr(error, "msg", str(error))
            yield Problem(f"line {number} is not valid JSON ({reason})", line=number, position=f"#{number}")
            continue
        yield problem_for(record, number, f"#{number}", fields)


def read_document(text: str, fields: dict | None = None) -> Iterator[dict | Problem]:
    """Yield the articles of one JSON document (position ``#<n>`` when it holds a list).

    >>> [row["position"] for row in read_document('{"articles": [{"text": "A."}, {"text": "B."}]}')]
    ['#1', '#2']
    """
    try:
        data = json.loads(text)
    except RecursionError:
        yield Problem("JSON nested too deeply to read")
        return
    except ValueError as error:
        line = getattr(error, "lineno", None)
        yield Problem(f"not valid JSON ({getattr(error, 'msg', error)}"
                      + (f" at line {line})" if line else ")"), line=line)
        return
    if isinstance(data, dict):
        lowered = {str(key).lower(): value for key, value in data.items()}
        listed = next((lowered[key] for key in LIST_KEYS if isinstance(lowered.get(key), list)), None)
        if listed is not None:
            data = listed
    if isinstance(data, dict):
        yield problem_for(data, None, None, fields)
        return
    if not isinstance(data, list):
        yield Problem(f"the JSON holds a single {type(data).__name__}, not articles")
        return
    if not data:
        yield Problem("the JSON list is empty")
        return
    for number, record in enumerate(data, 1):
        yield problem_for(record, None, f"#{number}", fields)


def looks_like_lines(head: str) -> bool:
    """True when the first non-blank line is a whole JSON object and another follows.

    >>> looks_like_lines('{"a": 1}\\n{"a": 2}\\n')
    True
    >>> looks_like_lines('{\\n "a": 1\\n}')
    False
    """
    lines = [line for line in head.split("\n") if line.strip()]
    if len(lines) < 2:
        return False
    try:
        return isinstance(json.loads(lines[0]), dict) and lines[1].lstrip().startswith("{")
    except ValueError:
        return False
