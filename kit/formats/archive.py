"""Archives (zip, tar; gzip, bz2, xz), read in memory, never extracted, never trusted.

Entry names are only labels here: nothing is written to disk, and names that
try to leave the folder (``../``, absolute paths, drive letters) are refused as
problems anyway, because an archive that carries them is up to no good. Sizes
are checked as the bytes are inflated (the sizes an archive declares can lie),
so a zip bomb stops at the limit instead of filling memory. The same limits
hold for tar, and for gzip, bz2 and xz (every member of a multi-member file is
read). An archive with no file in it is a problem, never silence; 7z and rar
are named, with what to do, since the kit cannot open them.

>>> import io, zipfile
>>> buffer = io.BytesIO()
>>> with zipfile.ZipFile(buffer, "w") as archive:
...     archive.writestr("story.txt", "Quake hits Peru\\n\\nA quake hit Peru.")
...     archive.writestr("../evil.txt", "escape")
>>> [(name, problem) for name, _, problem in entries(buffer.getvalue())]  # doctest: +NORMALIZE_WHITESPACE
[('story.txt', None), ('../evil.txt', 'entry name leaves the archive folder (../ or an absolute path); refused, not read')]
"""

from __future__ import annotations

import bz2
import dataclasses
import gzip
import io
import lzma
import posixpath
import re
import tarfile
import zipfile
import zlib
from typing import Iterator

_CHUNK = 1 << 16


@dataclasses.dataclass
class InflationBudget:
    """Bytes that may still be inflated, shared by an archive and the archives inside it.

    A zip of zips of zips (the "42.zip" bomb) stays within one budget however
    deep it goes.
    """

    remaining: int = 200_000_000


def entries(
    data: bytes,
    *,
    budget: InflationBudget | None = None,
    max_entries: int = 10_000,
    max_ratio: int = 200,
    max_entry_bytes: int = 50_000_000,
) -> Iterator[tuple[str, bytes | None, str | None]]:
    """Yield ``(name, content, None)`` for each readable entry, ``(name, None, reason)`` otherwise.

    The first item is ``("", None, reason)`` when the archive itself is unreadable.
    Inflation stops at ``max_ratio`` times the archive's size, at ``max_entry_bytes``
    an entry, and when the shared ``budget`` runs out.
    """
    budget = budget if budget is not None else InflationBudget()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as error:
        yield "", None, f"corrupt or truncated zip archive ({error}); nothing read from it"
        return
    files = [info for info in infos if not info.is_dir()]
    if not files:
        yield "", None, ("the zip archive holds no files" + (" (only folders)" if infos else "")
                         + "; nothing to read")
        return
    if len(files) > max_entries:
        yield "", None, (f"the archive holds {len(files)} entries, over the limit of {max_entries}; "
                         "pass read_corpus(..., max_archive_entries=...) if this is expected")
        return
    ratio_left = max_ratio * max(len(data), 1)
    seen = set()
    for info in files:
        name = info.filename
        label = _label(name)
        if _escapes(name):
            yield label, None, "entry name leaves the archive folder (../ or an absolute path); refused, not read"
            continue
        if label in seen:
            yield label, None, "a second entry with the same name; refused, not read"
            continue
        seen.add(label)
        if posixpath.basename(label).startswith(".") or label.startswith("__MACOSX/"):
            yield label, None, "hidden file or macOS metadata inside the archive; not an article"
            continue
        if info.flag_bits & 0x1:
            yield label, None, "encrypted entry; cannot be read without its password"
            continue
        limit = max(min(max_entry_bytes, ratio_left, budget.remaining), 0)
        try:
            content = _inflate(archive, info, limit)
        except _TooLarge:
            yield label, None, (f"inflates past {limit / 1e6:.1f} MB (a zip bomb, or an archive larger than the "
                                "limits of read_corpus(..., max_archive_bytes=..., max_archive_ratio=...)); not read")
            ratio_left -= limit
            budget.remaining -= limit
            continue
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError) as error:
            yield label, None, f"corrupt archive entry ({error}); not read"
            continue
        ratio_left -= len(content)
        budget.remaining -= len(content)
        yield label, content, None


def gunzip(data: bytes, *, budget: InflationBudget | None = None, max_ratio: int = 200,
           max_entry_bytes: int = 50_000_000, **_) -> tuple[bytes | None, str | None]:
    """Inflate gzip ``data`` (every member) within the limits: ``(content, None)`` or ``(None, reason)``.

    >>> import gzip
    >>> gunzip(gzip.compress(b"Quake hits Peru"))
    (b'Quake hits Peru', None)
    >>> gunzip(gzip.compress(b"Quake hits ") + gzip.compress(b"Peru"))  # two members, both read
    (b'Quake hits Peru', None)
    >>> gunzip(gzip.compress(b"Quake hits Peru")[:-6])[1]
    'truncated gzip file (it ends before its last block); not read'
    """
    return _decompress(_open_gzip_stream, "gzip", data, budget, max_ratio, max_entry_bytes)


def _decompress(opener, kind: str, data: bytes, budget: InflationBudget | None, max_ratio: int,
                max_entry_bytes: int) -> tuple[bytes | None, str | None]:
    """Inflate a gzip/bz2/xz stream (all its members) in chunks, stopping at the limit."""
    budget = budget if budget is not None else InflationBudget()
    limit = max(min(max_entry_bytes, budget.remaining, max_ratio * max(len(data), 1)), 0)
    parts, total = [], 0
    try:
        with opener(io.BytesIO(data)) as stream:
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                total += len(chunk)
                if total > limit:
                    return None, (f"inflates past {limit / 1e6:.0f} MB (a {kind} bomb, or a file over the limits); "
                                  "not read")
                parts.append(chunk)
    except EOFError:
        return None, f"truncated {kind} file (it ends before its last block); not read"
    except (OSError, zlib.error, lzma.LZMAError, ValueError) as error:
        return None, f"corrupt {kind} file ({error}); not read"
    budget.remaining -= total
    return b"".join(parts), None


@dataclasses.dataclass
class Entry:
    """One thing an archive holds: a file's bytes, or the reason it is not read.

    ``label`` is appended to the archive's source (``archive.zip!label``); it is
    empty for the single stream of a gzip/bz2/xz file, which keeps its source.
    ``name`` is the entry's file name, used to recognise its format.
    """

    label: str
    name: str
    data: bytes | None = None
    problem: str | None = None


def open_zip(data: bytes, name: str, **limits) -> Iterator[Entry]:
    for label, content, problem in entries(data, **limits):
        yield Entry(label, label, content, problem)


def _single(opener, kind: str, suffixes: tuple[str, ...]):
    def open_stream(data: bytes, name: str, *, budget=None, max_ratio=200, max_entry_bytes=50_000_000, **_):
        content, problem = _decompress(opener, kind, data, budget, max_ratio, max_entry_bytes)
        inner = name
        lowered = name.lower()
        for suffix, replacement in suffixes:
            if lowered.endswith(suffix):
                inner = name[: len(name) - len(suffix)] + replacement
                break
        yield Entry("", inner, content, problem)

    return open_stream


def _open_gzip_stream(buffer):
    return gzip.GzipFile(fileobj=buffer, mode="rb")


open_gzip = _single(_open_gzip_stream, "gzip", ((".tgz", ".tar"), (".gz", "")))
open_bz2 = _single(bz2.BZ2File, "bz2", ((".tbz2", ".tar"), (".tbz", ".tar"), (".bz2", "")))
open_xz = _single(lzma.LZMAFile, "xz", ((".txz", ".tar"), (".xz", "")))


def is_tar(data: bytes) -> bool:
    """True when ``data`` is a POSIX/GNU tar archive (the ``ustar`` mark at byte 257)."""
    return data[257:262] == b"ustar"


def open_tar(data: bytes, name: str, *, budget: InflationBudget | None = None, max_entries: int = 10_000,
             max_entry_bytes: int = 50_000_000, **_) -> Iterator[Entry]:
    """The files of a tar archive, with the limits and refusals of :func:`entries`.

    >>> buffer = io.BytesIO()
    >>> with tarfile.open(fileobj=buffer, mode="w") as archive:
    ...     info = tarfile.TarInfo("story.txt"); info.size = 15
    ...     archive.addfile(info, io.BytesIO(b"Quake hits Peru"))
    >>> [(e.label, e.data) for e in open_tar(buffer.getvalue(), "a.tar")]
    [('story.txt', b'Quake hits Peru')]
    """
    budget = budget if budget is not None else InflationBudget()
    try:
        archive = tarfile.open(fileobj=io.BytesIO(data), mode="r:")
        members = archive.getmembers()
    except (tarfile.TarError, EOFError, OSError, ValueError) as error:
        yield Entry("", name, None, f"corrupt or truncated tar archive ({error}); nothing read from it")
        return
    files = [member for member in members if not member.isdir()]
    if not files:
        yield Entry("", name, None, "the tar archive holds no files" + (" (only folders)" if members else "")
                    + "; nothing to read")
        return
    if len(files) > max_entries:
        yield Entry("", name, None, f"the archive holds {len(files)} entries, over the limit of {max_entries}; "
                    "pass read_corpus(..., max_archive_entries=...) if this is expected")
        return
    seen = set()
    for member in files:
        label = _label(member.name)
        if _escapes(member.name):
            yield Entry(label, label, None, "entry name leaves the archive folder (../ or an absolute path); "
                        "refused, not read")
            continue
        if label in seen:
            yield Entry(label, label, None, "a second entry with the same name; refused, not read")
            continue
        seen.add(label)
        if not member.isfile():
            yield Entry(label, label, None, "a link or device inside the archive, not a file; not followed")
            continue
        if posixpath.basename(label).startswith("."):
            yield Entry(label, label, None, "hidden file inside the archive; not an article")
            continue
        limit = max(min(max_entry_bytes, budget.remaining), 0)
        if member.size > limit:
            yield Entry(label, label, None, f"the entry is {member.size / 1e6:.1f} MB, over the {limit / 1e6:.1f} MB "
                        "left under the limits of read_corpus(..., max_file_bytes=..., max_archive_bytes=...); not read")
            continue
        try:
            content = archive.extractfile(member).read(limit + 1)
        except (tarfile.TarError, EOFError, OSError) as error:
            yield Entry(label, label, None, f"corrupt archive entry ({error}); not read")
            continue
        budget.remaining -= len(content)
        yield Entry(label, label, content, None)


def _refuse(kind: str, tool: str):
    def refuse(data: bytes, name: str, **_) -> Iterator[Entry]:
        yield Entry("", name, None, f"a {kind} archive, which the kit cannot open; extract it ({tool}) "
                    "or repack it as zip or tar.gz, then read the folder or the new archive")

    return refuse


refuse_7z = _refuse("7z", "e.g. 7z x archive.7z")
refuse_rar = _refuse("RAR", "e.g. unrar x archive.rar")


class _TooLarge(Exception):
    pass


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    # Read in chunks and count what actually comes out: declared sizes can lie.
    if info.file_size > limit:
        raise _TooLarge
    parts, total = [], 0
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise _TooLarge
            parts.append(chunk)
    return b"".join(parts)


def _label(name: str) -> str:
    # Shown in `source`; control characters would garble a table or a terminal.
    return re.sub(r"[\x00-\x1f\x7f]", "?", name.replace("\\", "/"))


def _escapes(name: str) -> bool:
    """True for names that would land outside a folder they were extracted into."""
    name = name.replace("\\", "/")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name) or "\x00" in name:
        return True
    return ".." in name.split("/")
