"""Read paths into rows and problems, dispatching every file through :mod:`kit.formats.registry`.

:class:`Reader` holds no knowledge of any format: it opens files safely (a pipe
or device is refused without blocking; a file is never read past its size
limit, even if it grows after it was checked), asks the registry which format
claims the bytes and then the text, runs the reader under a time budget, and
turns what comes back into rows with ``source``, ``article_id``, ``language``
and ``n_words``. Text is repaired where it enters: lone surrogates (from JSON
escapes such as ``"\\ud83d"``) become U+FFFD, with a problem row saying so.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from pathlib import Path
from typing import Iterator

from kit.formats import Problem, Skip, paths, registry
from kit.formats.archive import InflationBudget
from kit.formats.budget import OutOfTime, Session, time_budget
from kit.formats.encoding import NotText, decode
from kit.formats.language import count_words, guess_language

#: Archives inside archives are opened this many levels deep, no deeper.
MAX_ARCHIVE_DEPTH = 3
_HEAD = 65536
_SURROGATE = re.compile("[\ud800-\udfff]")
_TEXT_COLUMNS = ("body", "headline", "advisory", "dateline_place", "outlet", "agency", "desk", "version", "url",
                 "byline", "trailer", "story_id", "record_id", "language", "license")


def _read_up_to(descriptor: int, size: int) -> bytes:
    """Up to ``size`` bytes from the file's current position: fewer only at its end (as a buffered
    ``read(size)``, without the file object)."""
    chunk = os.read(descriptor, size)
    if len(chunk) in (0, size):
        return chunk
    chunks = [chunk]
    wanted = size - len(chunk)
    while wanted > 0:
        chunk = os.read(descriptor, wanted)
        if not chunk:
            break
        chunks.append(chunk)
        wanted -= len(chunk)
    return b"".join(chunks)


def _name(path: Path | str) -> str:
    """The file name of ``path`` (``Path.name``)."""
    return path.name if isinstance(path, Path) else Path(path).name if os.sep != "/" else path.rsplit("/", 1)[-1]


_last_suffix = ("", "")


def _suffix(name: str) -> str:
    """``registry._suffix(name)``, remembered for the last name asked (a file's name is asked several times)."""
    global _last_suffix
    last = _last_suffix  # read once: another thread may replace it meanwhile (dask workers read in threads)
    if last[0] == name:
        return last[1]
    suffix = registry._suffix(name)
    _last_suffix = (name, suffix)
    return suffix


def article_id(source: str) -> str:
    """The stable id of the article read from ``source`` (path plus position).

    >>> article_id("data/wire/000_3a78acad3bfae3fb.txt")
    'de38edf1c693a7f1'
    """
    return hashlib.sha1(source.encode("utf-8", "backslashreplace")).hexdigest()[:16]


class Reader:
    """Walks paths, asks the registry what each file is, collects rows, problems and skipped files."""

    def __init__(self, *, fields=None, max_file_bytes, max_archive_bytes, max_archive_entries, max_archive_ratio,
                 max_file_seconds=None):
        self.fields = fields
        self.max_file_bytes = max_file_bytes
        self.max_archive_bytes = max_archive_bytes
        self.max_archive_entries = max_archive_entries
        self.max_archive_ratio = max_archive_ratio
        self.max_file_seconds = max_file_seconds
        self.rows: list[dict] = []
        self.problems: list[dict] = []
        self.skipped: list[tuple[str, str]] = []
        self.read_files: dict[tuple[int, int], str] = {}
        self.budget = InflationBudget(max_archive_bytes)
        #: the time-budget handler shared by the files read inside :meth:`timing`
        self.session: Session | None = None

    @contextlib.contextmanager
    def timing(self) -> Iterator[Reader]:
        """``with reader.timing():`` around many reads sets the time budget's signal handler once for
        all their files (see :class:`kit.formats.budget.Session`), not once per file."""
        if self.session is not None:
            yield self
            return
        with Session() as session:
            self.session = session
            try:
                yield self
            finally:
                self.session = None

    # -- paths -------------------------------------------------------------
    def read_path(self, path: Path) -> None:
        if path.is_dir():
            for file in paths.walk(path, self._report):
                self.read_file(file, explicit=False)
        else:
            self.read_file(path, explicit=True)

    def _report(self, kind: str, path: Path, reason: str) -> None:
        if kind == "skipped":
            self.skipped.append((paths.display_name(path), reason))
        else:
            self._problem(paths.display_name(path), reason)

    def read_file(self, path: Path | str, *, explicit: bool) -> None:
        """Read one file (a Path, or a string as :func:`kit.formats.paths.walk` gives); whatever goes
        wrong becomes a problem row, never an exception."""
        source = paths.display_name(path)
        try:
            self._read_file(path, source, explicit=explicit)
        except Exception as error:  # the safety net under every reader: the run goes on
            self._problem(source, f"could not be read ({type(error).__name__}: {error}); "
                                  "the rest of the corpus was read")

    def _read_file(self, path: Path, source: str, *, explicit: bool) -> None:
        try:
            # O_NONBLOCK: a file swapped for a named pipe after the walk must not block the run.
            descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        except OSError as error:
            self._problem(source, f"cannot open the file ({error.strerror or error})")
            return
        try:
            data = self._read_descriptor(descriptor, path, source, explicit=explicit)
        finally:
            os.close(descriptor)
        if data is not None:
            self.budget = InflationBudget(self.max_archive_bytes)
            self.read_bytes(data, source, _name(path), explicit=explicit)

    def _read_descriptor(self, descriptor: int, path: Path, source: str, *, explicit: bool) -> bytes | None:
        """The bytes of the open file (None: a problem, a skip, or a streamed file read here)."""
        status = os.fstat(descriptor)
        refused = paths.check_regular(status)
        if refused:
            self._problem(source, refused)
            return None
        identity = (status.st_dev, status.st_ino)
        if identity in self.read_files:
            self.skipped.append((source, f"the same file as {self.read_files[identity]}, already read; "
                                         "read once"))
            return None
        self.read_files[identity] = source
        if status.st_size == 0:
            self._problem(source, "empty file (0 bytes)")
            return None
        head = _read_up_to(descriptor, _HEAD)
        name = _name(path)
        suffix = _suffix(name)
        streamed = registry.claim_stream(suffix, head)
        if streamed is not None:
            with os.fdopen(os.dup(descriptor), "rb") as handle:  # its own descriptor: ours is closed after
                handle.seek(0)
                options = self._options(suffix, name, explicit=explicit)
                scale = max(1.0, status.st_size / max(self.max_file_bytes, 1))
                items = registry.call_with_options(streamed.read_stream, handle, options)
                self._collect(items, source, streamed.name, seconds_scale=scale)
            return None
        limit = self.max_file_bytes
        if status.st_size > limit:
            self._problem(source, self._too_large(status.st_size))
            return None
        # Read at most limit + 1 bytes: a file that grew since fstat is not read whole.
        data = head + _read_up_to(descriptor, limit + 1 - len(head)) if len(head) == _HEAD and len(head) <= limit else head
        if len(data) > limit:
            self._problem(source, self._too_large(len(data), grew=True))
            return None
        return data

    def _too_large(self, size: int, grew: bool = False) -> str:
        return (f"the file is {'over ' if grew else ''}{size / 1e6:.1f} MB{' (it grew while being read)' if grew else ''}, "
                f"over the {self.max_file_bytes / 1e6:.0f} MB limit; split it or pass read_corpus(..., max_file_bytes=...)")

    # -- bytes and text ----------------------------------------------------
    def read_bytes(self, data: bytes, source: str, name: str, *, explicit: bool = True, depth: int = 0) -> None:
        """Read the bytes of one file (or archive entry) named ``source``."""
        container = registry.claim_bytes(data, name, _suffix(name))
        if container is not None:
            if depth >= MAX_ARCHIVE_DEPTH:
                self._problem(source, f"an archive nested more than {MAX_ARCHIVE_DEPTH} levels deep; not opened")
                return
            for entry in container.open(data, name, **self._archive_limits()):
                entry_source = f"{source}!{paths.display_name(entry.label)}" if entry.label else source
                if entry.problem:
                    self._problem(entry_source, entry.problem)
                else:
                    self.read_bytes(entry.data, entry_source, entry.name, depth=depth + 1)
            return
        if not data or data.isspace():  # bytes.isspace: all of it the ASCII whitespace strip() removes
            self._problem(source, "empty file" if not data else "the file holds only whitespace")
            return
        try:
            decoded = decode(data)
        except NotText as error:
            self._problem(source, f"not read: {error}")
            return
        del data
        if decoded.dropped_nuls:
            self._problem(source, f"{decoded.dropped_nuls} stray NUL byte(s) dropped; the rest of the text was read")
        self.read_text(decoded.text, source, name, explicit=explicit)

    def read_text(self, text: str, source: str, name: str, *, explicit: bool = True) -> None:
        if not text or text.isspace():
            self._problem(source, "the file holds only whitespace")
            return
        suffix = _suffix(name)
        claimed = registry.claim_text(text, name, suffix)
        options = self._options(suffix, name, explicit=explicit)
        self._collect(registry.call_with_options(claimed.read, text, options), source, claimed.name)

    def _options(self, suffix: str, name: str, *, explicit: bool) -> dict:
        return {"fields": self.fields, "suffix": suffix, "name": name, "max_file_bytes": self.max_file_bytes,
                "explicit": explicit}

    # -- collecting --------------------------------------------------------
    def _collect(self, items: Iterator, source: str, format_name: str, *, seconds_scale: float = 1.0) -> None:
        read_any = False
        problems_before = len(self.problems)
        seconds = self.max_file_seconds * seconds_scale if self.max_file_seconds else None
        try:
            with time_budget(seconds, self.session) as budget:
                for item in items:
                    budget.check()
                    if isinstance(item, Skip):
                        self.skipped.append((source, item.reason))
                        return
                    if isinstance(item, Problem):
                        self._problem(source + (item.position or ""), item.reason, item.line)
                        continue
                    read_any |= self._add_row(item, source, format_name)
        except OutOfTime:
            self._problem(source, f"reading stopped after {seconds:g} s of CPU time, the limit for one file (a runaway "
                                  f"{format_name} file?); {'the articles before that point were kept, ' if read_any else ''}"
                                  "the rest was not read; pass read_corpus(..., max_file_seconds=...) to allow more")
            return
        except Exception as error:  # a reader bug must not stop the run: report it and go on
            self._problem(source, f"could not be read ({type(error).__name__}: {error})")
            return
        if not read_any and len(self.problems) == problems_before:
            self._problem(source, f"no article found in this {format_name} file")

    def _add_row(self, item: dict, source: str, format_name: str) -> bool:
        item.pop("body_start", None)
        position = item.pop("position", None)
        row_source = source + (position or "")
        body = item.get("body")
        if not isinstance(body, str) or not body.strip():
            kind = "empty" if isinstance(body, str) or body is None else f"a {type(body).__name__}, not text"
            self._problem(row_source, f"record not read: its text is {kind}")
            return False
        repaired, body_utf8 = [], None
        for column in _TEXT_COLUMNS:
            value = item.get(column)
            if isinstance(value, str) and not value.isascii():
                # lone surrogates are the only characters strict UTF-8 cannot encode (a C loop,
                # faster than a regex scan of a long body); the body's bytes are kept for count_words
                try:
                    encoded = value.encode("utf-8")
                except UnicodeEncodeError:
                    repaired.append(column)
                    continue
                if column == "body":
                    body_utf8 = encoded
        for column in repaired:
            item[column] = _SURROGATE.sub("\ufffd", item[column])
        if isinstance(item.get("keywords"), list) and not all(
                word.isascii() for word in item["keywords"] if isinstance(word, str)):
            keywords = [_SURROGATE.sub("\ufffd", word) if isinstance(word, str) else word for word in item["keywords"]]
            if keywords != item["keywords"]:
                repaired.append("keywords")
                item["keywords"] = keywords
        if repaired:
            self._problem(row_source, f"lone surrogate characters (broken emoji or escapes such as \\ud83d) in "
                                      f"{', '.join(repaired)} replaced with U+FFFD; the article was read")
        item.setdefault("format", format_name)
        item["source"] = row_source
        item["article_id"] = article_id(row_source)
        body = item["body"]
        item.setdefault("language", None)
        if not item["language"]:
            item["language"] = guess_language(body)
        item["n_words"] = count_words(body, body_utf8 if "body" not in repaired else None)
        self.rows.append(item)
        return True

    def _problem(self, source: str, reason: str, line: int | None = None) -> None:
        if not reason.isascii():  # a reason may quote the file (a column name, a field's value)
            reason = _SURROGATE.sub("\ufffd", reason)
        self.problems.append({"source": source, "line": line, "reason": reason})

    def _archive_limits(self) -> dict:
        return {
            "budget": self.budget,
            "max_entries": self.max_archive_entries,
            "max_ratio": self.max_archive_ratio,
            "max_entry_bytes": self.max_file_bytes,
        }
