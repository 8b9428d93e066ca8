"""Zip and gzip archives, read in memory, never extracted, never trusted.

Entry names are only labels here: nothing is written to disk, and names that
try to leave the folder (``../``, absolute paths, drive letters) are refused as
problems anyway, because an archive that carries them is up to no good. Sizes
are checked as the bytes are inflated (the sizes an archive declares can lie),
so a zip bomb stops at the limit instead of filling memory.

>>> import io, zipfile
>>> buffer = io.BytesIO()
>>> with zipfile.ZipFile(buffer, "w") as archive:
...     archive.writestr("story.txt", "Quake hits Peru\\n\\nA quake hit Peru.")
...     archive.writestr("../evil.txt", "escape")
>>> [(name, problem) for name, _, problem in entries(buffer.getvalue())]  # doctest: +NORMALIZE_WHITESPACE
[('story.txt', None), ('../evil.txt', 'entry name leaves the archive folder (../ or an absolute path); refused, not read')]
"""

from __future__ import annotations

import dataclasses
import io
import posixpath
import re
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
    """Inflate gzip ``data`` within the limits: ``(content, None)`` or ``(None, reason)``.

    >>> import gzip
    >>> gunzip(gzip.compress(b"Quake hits Peru"))
    (b'Quake hits Peru', None)
    >>> gunzip(gzip.compress(b"Quake hits Peru")[:-6])[1]
    'truncated gzip file (it ends before its last block); not read'
    """
    budget = budget if budget is not None else InflationBudget()
    limit = max(min(max_entry_bytes, budget.remaining, max_ratio * max(len(data), 1)), 0)
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    parts, total = [], 0
    try:
        view = memoryview(data)
        for offset in range(0, len(data), _CHUNK):
            chunk = inflater.decompress(view[offset : offset + _CHUNK], limit + 1 - total)
            total += len(chunk)
            parts.append(chunk)
            while inflater.unconsumed_tail and total <= limit:
                chunk = inflater.decompress(inflater.unconsumed_tail, limit + 1 - total)
                total += len(chunk)
                parts.append(chunk)
            if total > limit:
                return None, f"inflates past {limit / 1e6:.0f} MB (a gzip bomb, or a file over the limits); not read"
            if inflater.eof:
                break
    except zlib.error as error:
        return None, f"corrupt gzip file ({error}); not read"
    if not inflater.eof:
        return None, "truncated gzip file (it ends before its last block); not read"
    budget.remaining -= total
    return b"".join(parts), None


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
