"""The formats read_corpus knows, in the order they are tried: one :class:`Format` each.

A file goes through three levels, and at each the first format that claims it wins:

1. **streamed** formats (JSON Lines, CSV) are read from the open file a record
   at a time, so only a record has to fit in memory (``streams(name, head)``
   looks at the file's name and first 64 kB of bytes);
2. **archive** formats (zip, tar, gzip, bz2, xz, and the 7z/rar we cannot open)
   are claimed by their magic bytes or suffix and ``open`` yields their entries,
   each read again from level 1 (archives inside archives, a few levels deep);
3. **text** formats get the decoded text: a format claims a file by its suffix
   or by ``recognise(head)`` (the first 64 kB of text, BOM and blanks stripped),
   and ``read(text, **options)`` yields article rows (plain dicts) and
   :class:`~kit.formats.Problem` objects.

Adding a format is one module and one line. The module has a recogniser and a
reader (see :mod:`kit.formats.plaintext` for the smallest one)::

    # kit/formats/ninjs.py
    def looks_like_ninjs(head: str) -> bool: ...
    def read(text: str, fields: dict | None = None) -> Iterator[dict | Problem]: ...

and the line goes into :data:`FORMATS` below, before the formats it must be
tried ahead of (``Format("ninjs", (".ninjs",), ninjs.looks_like_ninjs, ninjs.read)``),
or, from code outside the kit, ``register(Format(...), before="json")``. A reader
receives only the options its signature names: ``fields`` (the record fields
the user mapped), ``suffix`` (the file name's, lower case) and ``name``.

>>> [f.name for f in FORMATS if f.read][:4]
['jsonl', 'ninjs', 'json', 'newsml']
>>> claim_text('{"text": "A quake hit."}', "story.json").name
'json'
>>> claim_text("A quake hit Peru on Sunday.", "story.txt").name
'text'
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import re
from typing import Callable, Iterator

from kit.formats import (Problem, archive, csvfile, html, jsonrecords, newsml, newsml1, ninjs, nitf, plaintext,
                         sgml_reuters, wire)
from kit.formats.sniff import sniff_markup
from kit.formats.records import FIELD_NAMES

#: Suffixes of JSON Lines files.
JSON_LINES_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
#: Suffixes of markup; such a file no markup format claims is a problem, not plain text.
MARKUP_SUFFIXES = (".xml", ".html", ".htm", ".xhtml")


@dataclasses.dataclass
class Format:
    """One input format: how to recognise it and how to read it.

    Set ``read`` for a text format, ``open`` (with ``magic``) for an archive,
    ``read_stream`` (with ``streams``) for a format read record by record.
    """

    name: str
    #: file name endings (lower case, with the dot) that claim a file whatever its content
    suffixes: tuple[str, ...] = ()
    #: True when the start of a text (``head``, up to 64 kB) is in this format
    recognise: Callable[[str], bool] | None = None
    #: ``read(text, **options) -> Iterator[dict | Problem]``
    read: Callable[..., Iterator] | None = None
    #: archives: byte strings a file of this format starts with
    magic: tuple[bytes, ...] = ()
    #: archives: ``open(data, name, **limits) -> Iterator[archive.Entry]``
    open: Callable[..., Iterator] | None = None
    #: streamed formats: ``streams(suffix, head_bytes) -> bool``
    streams: Callable[[str, bytes], bool] | None = None
    #: streamed formats: ``read_stream(handle, head_bytes, **options) -> Iterator[dict | Problem | Skip]``
    read_stream: Callable[..., Iterator] | None = None
    #: markup formats: the kind :func:`kit.formats.sniff.sniff_markup` names for them
    #: (it looks past leading scripts and comments; a text starting with "<" that does
    #: not parse as a tag is no markup)
    markup: str | None = None

    def claims_text(self, head: str, suffix: str, markup: str | None = None) -> bool:
        if self.read is None:
            return False
        if self.markup is not None:
            if markup == self.markup:
                return True
            # a markup suffix claims markup of another kind (an .html file of bare XML); the
            # catch-all "xml" claims even a .xml that is no markup: a problem, not plain text
            return suffix in self.suffixes and (markup is not None or self.markup == "xml")
        return suffix in self.suffixes or bool(self.recognise and self.recognise(head))



def call_with_options(function: Callable, first, options: dict):
    """Call ``function(first, **options)`` with only the options its signature names."""
    return function(first, **{key: value for key, value in options.items() if key in _accepted(function)})


@functools.lru_cache(maxsize=None)
def _accepted(function: Callable) -> frozenset[str]:
    parameters = inspect.signature(function).parameters.values()
    if any(p.kind is p.VAR_KEYWORD for p in parameters):
        return frozenset(("fields", "suffix", "name", "max_file_bytes", "explicit"))
    return frozenset(p.name for p in parameters)


# -- the built-in formats' adapters (their modules stay free of registry details) -------------
def _looks_like_json_lines(head: str) -> bool:
    return head[:1] == "{" and jsonrecords.looks_like_lines(head)


def _looks_like_json(head: str) -> bool:
    return head[:1] in ("{", "[")


def _read_json_lines_text(text: str, fields: dict | None = None) -> Iterator:
    return jsonrecords.read_lines(text.split("\n"), fields)


def _other_markup(text: str) -> Iterator:
    yield Problem("XML that is neither NewsML-G2 nor HTML (nor another markup format the kit reads); not read")


def _looks_like_csv(head: str) -> bool:
    """A first line of delimited cells, one of them a text column's usual name."""
    end = head.find("\n")
    first = (head if end < 0 else head[:end]).lower()
    if "," not in first and ";" not in first and "\t" not in first:
        return False
    names = FIELD_NAMES["body"]
    if not any(name in first for name in names):  # a cell that is a name holds it
        return False
    cells = {cell.strip().strip('"').strip() for cell in re.split(r"[,;\t]", first)}
    return bool(cells & set(names))


def _read_csv_text(text: str, fields: dict | None = None, suffix: str = "") -> Iterator:
    return csvfile.read(text, fields, tab=suffix == ".tsv")


def _streams_json_lines(suffix: str, head: bytes) -> bool:
    if suffix not in JSON_LINES_SUFFIXES and suffix != ".json":
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:256]:
        return False  # UTF-16/32 JSON Lines cannot be split at b"\n": read them whole
    if suffix in JSON_LINES_SUFFIXES:
        return True
    return suffix == ".json" and jsonrecords.looks_like_lines(head.decode("utf-8-sig", errors="replace"))


def _streams_csv(suffix: str, head: bytes) -> bool:
    return suffix in (".csv", ".tsv")


def _always(head: str) -> bool:
    return True


#: The formats, in the order they are tried (streamed, then archives, then text).
FORMATS: list[Format] = [
    Format("jsonl", JSON_LINES_SUFFIXES, _looks_like_json_lines, _read_json_lines_text,
           streams=_streams_json_lines, read_stream=jsonrecords.read_stream),
    Format("csv", (), None, None, streams=_streams_csv, read_stream=csvfile.read_stream),
    Format("zip", (".zip",), magic=(b"PK\x03\x04", b"PK\x05\x06"), open=archive.open_zip),
    Format("gzip", (), magic=(b"\x1f\x8b",), open=archive.open_gzip),
    Format("tar", (".tar",), magic=(), open=archive.open_tar),
    Format("bz2", (), magic=(b"BZh",), open=archive.open_bz2),
    Format("xz", (), magic=(b"\xfd7zXZ\x00",), open=archive.open_xz),
    Format("7z", (".7z",), magic=(b"7z\xbc\xaf\x27\x1c",), open=archive.refuse_7z),
    Format("rar", (".rar",), magic=(b"Rar!\x1a\x07",), open=archive.refuse_rar),
    Format("ninjs", (".ninjs",), ninjs.looks_like, ninjs.read),
    Format("json", (".json",), _looks_like_json, jsonrecords.read_document),
    Format("newsml", (), read=newsml.read, markup="newsml-g2"),
    Format("newsml1", (), read=newsml1.read, markup="newsml1"),
    Format("nitf", (), read=nitf.read, markup="nitf"),
    Format("reuters-sgml", (".sgm",), read=sgml_reuters.read, markup="reuters-sgml"),
    Format("html", (".html", ".htm", ".xhtml"), read=html.read, markup="html"),
    Format("xml", MARKUP_SUFFIXES, read=_other_markup, markup="xml"),
    Format("csv", (".csv", ".tsv"), _looks_like_csv, _read_csv_text),
    Format("wire", (), wire.looks_like_wire, wire.read),
    Format("text", (), _always, plaintext.read),
]


def register(format: Format, *, before: str | None = None) -> Format:
    """Add ``format`` to :data:`FORMATS`, before the first format named ``before`` (else last but plain text).

    >>> fake = register(Format("shout", (".shout",), None, lambda text: iter([{"body": text.upper()}])), before="json")
    >>> claim_text("hello", "a.shout").name
    'shout'
    >>> unregister("shout")
    >>> claim_text("hello", "a.shout").name
    'text'
    """
    names = [f.name for f in FORMATS]
    if before is not None:
        index = names.index(before)
    else:
        index = names.index("text") if "text" in names else len(FORMATS)
    FORMATS.insert(index, format)
    return format


def unregister(name: str) -> None:
    """Remove every format named ``name`` from :data:`FORMATS`."""
    FORMATS[:] = [f for f in FORMATS if f.name != name]


def claim_stream(suffix: str, head: bytes) -> Format | None:
    """The streamed format that reads this file record by record, if any."""
    return next((f for f in _kind("stream") if f.streams(suffix, head)), None)


def claim_bytes(data: bytes, name: str, suffix: str | None = None) -> Format | None:
    """The archive format ``data`` is in (by magic bytes, or suffix), if any."""
    if suffix is None:
        suffix = _suffix(name)
    archives, magics, suffixes = _kind("archive")
    if data.startswith(magics) or suffix in suffixes:  # else none of them claims it
        for candidate in archives:
            if (candidate.magic and data.startswith(candidate.magic)) or suffix in candidate.suffixes:
                return candidate
    if suffix in (".tar", ".tgz") or name.lower().endswith((".tar.gz", ".tar.bz2", ".tar.xz")):
        return next((f for f in FORMATS if f.name == "tar"), None)
    if archive.is_tar(data):
        return next((f for f in FORMATS if f.name == "tar"), None)
    return None


def claim_text(text: str, name: str, suffix: str | None = None) -> Format:
    """The text format that reads ``text`` (from a file called ``name``; ``suffix``: its :func:`_suffix`, if known)."""
    head = text[:65536].lstrip("\ufeff \t\n")
    if suffix is None:
        suffix = _suffix(name)
    markup = sniff_markup(text) if head[:1] == "<" else None
    for candidate, recognise in _text_candidates(suffix, markup):
        if recognise is None or recognise(head):
            return candidate
    return next(f for f in FORMATS if f.name == "text")


#: (suffix, markup) -> the formats that may claim such a text, in order, each with the recogniser
#: still to ask (None: it claims it whatever the text); "stream", "archive" -> those formats (_kind);
#: built for the FORMATS in _CANDIDATES_OF
_CANDIDATES: dict = {}
_CANDIDATES_OF: list[Format] = []


def _candidates() -> dict:
    """_CANDIDATES, emptied first if FORMATS changed since it was filled."""
    if _CANDIDATES_OF != FORMATS:  # a C loop of identity checks while nothing was registered
        _CANDIDATES.clear()
        _CANDIDATES_OF[:] = FORMATS
    return _CANDIDATES


def _kind(kind: str):
    """The streamed formats (``"stream"``), or the archive formats with all their magic bytes and
    suffixes (``"archive"``), in FORMATS order (cached until FORMATS changes)."""
    cache = _candidates()
    found = cache.get(kind)
    if found is None:
        if kind == "stream":
            found = tuple(f for f in FORMATS if f.read_stream and f.streams)
        else:
            archives = tuple(f for f in FORMATS if f.open is not None)
            found = (archives, tuple(magic for f in archives for magic in f.magic),
                     frozenset(suffix for f in archives for suffix in f.suffixes))
        cache[kind] = found
    return found


def _text_candidates(suffix: str, markup: str | None) -> tuple:
    """The formats :func:`claim_text` asks about a text with this suffix and markup kind: those whose
    answer does not hang on the text only when it is yes (cached until FORMATS changes)."""
    found = _candidates().get((suffix, markup))
    if found is None:
        candidates = []
        for candidate in FORMATS:
            if type(candidate) is not Format:  # a subclass may claim as it likes: ask it every time
                candidates.append((candidate, functools.partial(_claims, candidate, suffix, markup)))
                continue
            if candidate.read is None:
                continue
            if candidate.markup is not None or suffix in candidate.suffixes or candidate.recognise is None:
                if candidate.claims_text("", suffix, markup):  # decided by suffix and markup alone
                    candidates.append((candidate, None))
            else:
                candidates.append((candidate, candidate.recognise))
        found = _CANDIDATES[suffix, markup] = tuple(candidates)  # _candidates() was just checked
    return found


def _claims(candidate: Format, suffix: str, markup: str | None, head: str) -> bool:
    return candidate.claims_text(head, suffix, markup)


def _suffix(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return "." + base.rsplit(".", 1)[1].lower() if "." in base.lstrip(".") else ""
