"""Word lists as data: one file a list, one word or phrase a line, loaded once.

Each list lives in ``kit/lexicon/<name>.txt``. Its first lines are ``#`` comments saying
what the list is for and where it came from; blank lines and further comments are
ignored. A line holding a tab is an entry with a value (``word<TAB>value``), read by
:func:`mapping`; :func:`words` reads the first field of each line. Code holds the
rules, these files hold the words: change a list by editing its file, never by
defining it again in a module.

Every list says what it is for:

>>> all(header(name) for name in names())
True
"""

from __future__ import annotations

import functools
import types
from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def path(name: str) -> Path:
    """The file of the list ``name``; KeyError naming the folder when there is none."""
    file = FOLDER / f"{name}.txt"
    if not file.is_file():
        raise KeyError(f"no word list {name!r} in {FOLDER} (lists: {', '.join(sorted(names()))})")
    return file


def names() -> list[str]:
    """The names of every list in the folder."""
    return [file.stem for file in FOLDER.glob("*.txt")]


@functools.cache
def entries(name: str) -> tuple[tuple[str, str | None], ...]:
    """(entry, value or None) for each line of the list, in file order."""
    rows = []
    for line in path(name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        entry, _, value = line.partition("\t")
        rows.append((entry.strip(), value.strip() if _ else None))
    return tuple(rows)


@functools.cache
def words(name: str) -> frozenset[str]:
    """The entries of a list as a set (their values, if any, ignored)."""
    return frozenset(entry for entry, _ in entries(name))


@functools.cache
def mapping(name: str) -> types.MappingProxyType:
    """The ``entry<TAB>value`` lines of a list as a read-only dict (a line without a value
    maps to the empty string)."""
    return types.MappingProxyType({entry: value or "" for entry, value in entries(name)})


def header(name: str) -> str:
    """The list's header comment: what it is for and where it came from."""
    lines = []
    for line in path(name).read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("# ").rstrip())
    return "\n".join(lines)
