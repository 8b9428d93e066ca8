"""From the paths a user gives to the files read: globs, folder walks, links, names.

The rules, the same for folder walks and ``**`` globs:

- Folders are walked in name order; hidden files and folders are never read.
  A walk (not a glob) also skips documentation, code and folders of annotations
  (:data:`SKIPPED_FILES`, :data:`SKIPPED_FOLDERS`; listed in ``Corpus.skipped``).
- **Symbolic links** are followed only when their target is inside the folder
  being read (the root given to :func:`walk`); a link leading out of it (to
  ``/etc``, to a home folder) is a problem row naming where it points, and is
  not read. A link to nothing is a problem row too. A file or folder named
  explicitly is read wherever it is (the user named it).
- Each folder is entered once, so links that loop (``a/loop -> ..``) end; each
  file is read once, however many paths lead to it (links, hard links, the same
  path given twice): the others are listed in ``Corpus.skipped``.
- A folder that cannot be listed (permissions, a path past the OS limit) is a
  problem row, never silently empty.
- **File names** are kept as the OS gives them for reading; the ``source``
  column shows them in a printable form (:func:`display_name`): bytes that are
  not UTF-8 appear as ``\\xNN`` escapes and control characters as ``\\xNN``
  too, so tables, parquet files and terminals never get bytes they cannot hold.

>>> display_name(__import__("pathlib").Path("data") / "caf\\udce9.txt")
'data/caf\\\\xe9.txt'
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
from pathlib import Path
from typing import Callable, Iterator

#: Documentation and code next to a corpus; skipped when walking a folder.
SKIPPED_FILES = ("README*", "LICENSE*", "LICENCE*", "COPYING*", "NOTICE*", "AUTHORS*", "CHANGELOG*", "CITATION*",
                 "COMMIT", "*.md", "*.rst", "*.py", "*.pyc", "*.ipynb", "*.sh", "*.toml", "*.cfg", "*.ini",
                 "*.yml", "*.yaml", "*.lock", "Makefile", "*.css", "*.js")
SKIPPED_FOLDERS = ("annotations", "gold", "__pycache__", "node_modules")

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SKIPPED_FILE = re.compile("|".join(fnmatch.translate(pattern) for pattern in SKIPPED_FILES))

#: report(kind, path, reason) with kind "problem" or "skipped"
Report = Callable[[str, Path, str], None]


def display_name(path: Path | str) -> str:
    """``path`` as the ``source`` column shows it: POSIX slashes, always printable and encodable.

    >>> display_name("news/\\x1b[2Jstory.txt")
    'news/\\\\x1b[2Jstory.txt'
    """
    text = path.as_posix() if isinstance(path, Path) else str(path)
    if text.isascii() and text.isprintable():  # printable ASCII: no control character, no escape
        return text
    if not text.isascii() or _CONTROL.search(text):
        text = os.fsencode(text).decode("utf-8", "backslashreplace") if _has_surrogates(text) else text
        text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return text


def _has_surrogates(text: str) -> bool:
    return any("\udc80" <= character <= "\udcff" for character in text)


def is_glob(text: str) -> bool:
    return any(character in text for character in "*?[")


def expand(text: str, report: Report) -> list[Path]:
    """The files and folders a glob pattern matches, found without following links out of (or around) it."""
    parts = Path(text).parts
    fixed = []
    for part in parts:
        if is_glob(part):
            break
        fixed.append(part)
    base = Path(*fixed) if fixed else Path(".")
    pattern = parts[len(fixed):]
    if not pattern or not base.is_dir():
        return []
    matches = []
    for path in _everything_under(base, report):
        relative = path.relative_to(base).parts
        if _match(pattern, relative):
            matches.append(path)
    return sorted(matches)


def _everything_under(base: Path, report: Report) -> Iterator[Path]:
    for kind, path in _entries(base, report, skip_tooling=False):
        yield Path(path)


def _match(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    if not pattern:
        return not parts
    head = pattern[0]
    if head == "**":
        return any(_match(pattern[1:], parts[index:]) for index in range(len(parts) + 1)
                   if not any(part.startswith(".") for part in parts[:index]))
    if not parts:
        return False
    if parts[0].startswith(".") and not head.startswith("."):
        return False
    return fnmatch.fnmatchcase(parts[0], head) and _match(pattern[1:], parts[1:])


def walk(folder: Path, report: Report) -> Iterator[str]:
    """The files to read under ``folder``, in name order, by the rules of this module (as strings,
    spelt as ``Path`` would spell them: ``folder / name``)."""
    for kind, path in _entries(folder, report, skip_tooling=True):
        if kind == "file":
            yield path


def _child(folder: str, name: str) -> str:
    """``str(Path(folder) / name)`` for a folder already spelt as ``str(Path(...))``, without making the Path."""
    if os.sep != "/" or os.altsep:
        return str(Path(folder) / name)
    if folder == ".":
        return name
    return folder + name if folder.endswith("/") else folder + "/" + name


def _entries(root: Path, report: Report, *, skip_tooling: bool) -> Iterator[tuple[str, str]]:
    """Every file and folder under ``root`` (depth first, name order), each folder entered once."""
    real_root = os.path.realpath(root)
    try:
        first = os.stat(root)
    except OSError as error:
        report("problem", root, f"the folder cannot be opened ({error.strerror}); nothing in it was read")
        return
    entered = {(first.st_dev, first.st_ino)}
    stack = [str(Path(root))]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                found = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            report("problem", folder, f"the folder cannot be listed ({error.strerror or error}); "
                                      "the files in it were not read")
            continue
        subfolders = []
        for entry in found:
            if entry.name.startswith("."):
                continue  # .git, .ipynb_checkpoints: never corpus, never listed
            path = _child(folder, entry.name)
            try:
                kind = _kind(entry, path, real_root, report)
            except OSError as error:
                report("problem", path, f"cannot be opened ({error.strerror or error}); not read")
                continue
            if kind is None:
                continue
            if kind == "dir":
                if skip_tooling and entry.name.lower() in SKIPPED_FOLDERS:
                    report("skipped", path, "folder of annotations or tooling, not articles")
                    continue
                try:
                    status = os.stat(path)
                except OSError as error:
                    report("problem", path, f"the folder cannot be listed ({error.strerror or error}); "
                                            "the files in it were not read")
                    continue
                if (status.st_dev, status.st_ino) in entered:
                    report("skipped", path, "a link to a folder already read; not read twice")
                    continue
                entered.add((status.st_dev, status.st_ino))
                subfolders.append(path)
                yield "dir", path
            else:
                if skip_tooling and _SKIPPED_FILE.match(entry.name):
                    report("skipped", path, "documentation or code, not articles")
                    continue
                yield "file", path
        stack.extend(reversed(subfolders))


def _kind(entry: os.DirEntry, path: str, real_root: str, report: Report) -> str | None:
    """"dir" or "file" for an entry to go on with; None (reported) for a link we do not follow."""
    if entry.is_symlink():
        target = os.path.realpath(path)
        if not os.path.exists(target):
            report("problem", path, f"a symbolic link to nothing ({display_name(os.readlink(path))} does not exist); "
                                    "not read")
            return None
        if not (target == real_root or target.startswith(real_root.rstrip(os.sep) + os.sep)):
            report("problem", path, f"a symbolic link out of the folder being read (to {display_name(target)}); "
                                    "not followed: name the target itself to read it")
            return None
    if entry.is_dir(follow_symlinks=True):
        return "dir"
    return "file"


def check_regular(status: os.stat_result) -> str | None:
    """Why a file with this status is not read (a device, pipe or socket), or None."""
    if stat.S_ISREG(status.st_mode):
        return None
    return "not a regular file (a device, pipe or socket); not read"
