"""read_corpus, Corpus, and the articles schema.

``read_corpus`` turns files, folders and archives into one ``articles`` table
and one ``problems`` table. Nothing is dropped silently: every file it reads
is the ``source`` of an article or a row of ``problems`` (source, line,
reason). Formats are recognised by content as much as by extension: agency
wire text, plain text, JSON, JSON Lines, CSV, HTML, NewsML-G2, zip, tar, gzip,
bz2 and xz (the list, and how to add a format: :mod:`kit.formats.registry`).
The reading itself lives in :mod:`kit.formats.reader` (dispatch, safe opening,
time budget), :mod:`kit.formats.paths` (globs, walks, links, file names) and
:mod:`kit.formats.versions` (story versions); this module keeps the public names.

>>> import kit
>>> corpus = kit.read_corpus("data/wire")
>>> corpus.articles.loc[0, ["agency", "dateline_place", "version", "desk"]].tolist()
['AFP', 'Moscow', '2ndlead', 'jz-as-sct/ec']
>>> len(corpus.problems)
0

What a folder walk skips, and why (see ``Corpus.skipped``): hidden files and
folders; documentation (README*, LICENSE*, LICENCE*, COPYING*, NOTICE*,
AUTHORS*, CHANGELOG*, CITATION*, COMMIT, and every ``*.md``/``*.rst`` file:
data cards, not articles); code (``*.py``, ``*.ipynb`` ...); folders named
``annotations`` or ``gold`` (hand annotations of articles read elsewhere); and
JSON/JSON Lines files whose records carry entity spans (annotated corpora such
as GUM). A file named explicitly is always read, whatever its name.

Links and names (details in :mod:`kit.formats.paths`): a symbolic link met in a
walk is followed only if it leads to somewhere inside the folder being read,
else it is a problem row naming its target; each folder is entered once and
each file read once (the same file reached twice is in ``Corpus.skipped``);
``source`` shows file names in a printable form (undecodable bytes as ``\\xNN``).
"""

from __future__ import annotations

import dataclasses
import html
import os
from pathlib import Path
from typing import Iterable

import pandas as pd

from kit.formats import paths
from kit.formats.paths import SKIPPED_FILES, SKIPPED_FOLDERS  # noqa: F401  (public, documented here)
from kit.formats.reader import MAX_ARCHIVE_DEPTH, Reader, article_id  # noqa: F401
from kit.formats.registry import JSON_LINES_SUFFIXES as _JSON_LINES_SUFFIXES  # noqa: F401
from kit.formats.versions import STORY_GAP, keep_latest, link_versions  # noqa: F401
from kit.tables import conform, empty

#: Files larger than this are refused (a problem row), so memory stays bounded.
MAX_FILE_BYTES = 50_000_000

#: CPU seconds one reader may take on one file (streamed files: per ``max_file_bytes`` of file) before
#: it is stopped and the file becomes a problem row.
MAX_FILE_SECONDS = 120


@dataclasses.dataclass
class Corpus:
    """The articles read, the files and records that could not be, and the credits owed.

    >>> import kit
    >>> corpus = kit.read_corpus("data/wikinews", quiet=True)
    >>> len(corpus.articles), corpus.credits[0][:26]
    (293, 'Wikinews articles: CC BY 2')
    """

    articles: pd.DataFrame
    problems: pd.DataFrame = dataclasses.field(default_factory=lambda: empty("problems"))
    #: one line per licence the articles came under (show it where the articles are shown)
    credits: list[str] = dataclasses.field(default_factory=list)
    #: files a folder walk left out on purpose (documentation, code, annotations), and why
    skipped: pd.DataFrame = dataclasses.field(
        default_factory=lambda: pd.DataFrame({"source": pd.Series(dtype="string"), "reason": pd.Series(dtype="string")})
    )

    def __len__(self) -> int:
        return len(self.articles)

    def __repr__(self) -> str:
        lines = [f"Corpus({len(self.articles)} articles, {len(self.problems)} problems)"]
        return "\n".join(lines + self.credits)

    def _repr_html_(self) -> str:
        credits = "".join(f"<br><small>{html.escape(line)}</small>" for line in self.credits)
        return (f"<b>Corpus</b>: {len(self.articles)} articles, {len(self.problems)} problems"
                f"{credits}")


def read_corpus(
    path_or_paths: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    latest_only: bool = False,
    fields: dict[str, str] | None = None,
    max_file_bytes: int = MAX_FILE_BYTES,
    max_archive_bytes: int = 200_000_000,
    max_archive_entries: int = 10_000,
    max_archive_ratio: int = 200,
    max_file_seconds: float | None = MAX_FILE_SECONDS,
    quiet: bool = False,
) -> Corpus:
    """Read files, folders and archives into a :class:`Corpus`.

    ``latest_only`` keeps the newest version of each wire story (same
    ``story_id``). ``fields`` names the record fields (JSON/CSV) that hold a
    column, e.g. ``{"body": "story_text", "published": "day"}``. Files larger than
    ``max_file_bytes`` (for JSON Lines and CSV, which are streamed, records
    larger than it) and archives that inflate past ``max_archive_bytes`` (or
    more than ``max_archive_ratio`` times their size, or hold more than
    ``max_archive_entries`` entries) become problems, not memory. A reader that
    takes more than ``max_file_seconds`` of CPU time on one file (streamed files: per
    ``max_file_bytes`` of file) is stopped and the file becomes a problem
    (``None``: no limit). ``quiet``
    leaves out the one-line credit printed for licensed corpora.

    Folders are walked in name order; what a walk skips is listed in
    ``Corpus.skipped`` (see the module's docstring).

    Paths may be files, folders or glob patterns (``"data/**/*.jsonl"``). A path
    that does not exist raises ``FileNotFoundError`` and an empty path ``ValueError``
    (``""`` does not mean the current folder: say ``"."``); bad content never raises:
    it becomes a row of ``problems``.

    >>> corpus = read_corpus(["data/wire", "data/wikinews"], quiet=True)
    >>> corpus.articles.groupby("format").size().to_dict()
    {'jsonl': 293, 'wire': 1}
    >>> corpus.skipped.source.tolist()
    ['data/wire/README.md', 'data/wikinews/COMMIT', 'data/wikinews/LICENSE.md', 'data/wikinews/README.md']
    """
    given = [path_or_paths] if isinstance(path_or_paths, (str, os.PathLike)) else list(path_or_paths)
    reader = Reader(
        fields=fields,
        max_file_bytes=max_file_bytes,
        max_archive_bytes=max_archive_bytes,
        max_archive_entries=max_archive_entries,
        max_archive_ratio=max_archive_ratio,
        max_file_seconds=max_file_seconds,
    )
    with reader.timing():  # one time-budget handler for every file
        for path in _expand(given, reader):
            reader.read_path(path)
    articles = conform(reader.rows, "articles") if reader.rows else empty("articles")
    problems = conform(reader.problems, "problems") if reader.problems else empty("problems")
    return finish_corpus(articles, problems, reader.skipped, latest_only=latest_only, quiet=quiet)


def finish_corpus(articles: pd.DataFrame, problems: pd.DataFrame, skipped: list[tuple[str, str]], *,
                  latest_only: bool = False, quiet: bool = False) -> Corpus:
    """The corpus-wide steps of reading, on the rows of every file: versions of a story linked
    (and only the latest kept, with ``latest_only``), the credits of licensed articles.

    :func:`read_corpus` runs it on what it read; :mod:`kit.engine_dask` on the rows its
    workers read, partition by partition.
    """
    articles = link_versions(articles)
    if latest_only:
        articles = keep_latest(articles)
    credits = _credits(articles)
    if "license" in articles.columns:
        articles = articles.drop(columns="license")
    skipped = pd.DataFrame(skipped, columns=["source", "reason"]).astype("string")
    corpus = Corpus(articles=articles, problems=problems, credits=credits, skipped=skipped)
    if credits and not quiet:
        print("\n".join(credits))
    return corpus


def reader_for(**options) -> Reader:
    """A :class:`Reader` with read_corpus's limits, ``options`` (its keyword arguments) overriding them."""
    limits = {"fields": None, "max_file_bytes": MAX_FILE_BYTES, "max_archive_bytes": 200_000_000,
              "max_archive_entries": 10_000, "max_archive_ratio": 200, "max_file_seconds": MAX_FILE_SECONDS}
    limits.update(options)
    return Reader(**limits)


def files_to_read(path_or_paths) -> tuple[list[tuple[Path, bool]], Reader]:
    """The files read_corpus would read, in its order, each with ``explicit`` (named, not found in a
    folder); the Reader holds what the walk skipped or could not open."""
    given = [path_or_paths] if isinstance(path_or_paths, (str, os.PathLike)) else list(path_or_paths)
    reader = reader_for()
    files = []
    for path in _expand(given, reader):
        if path.is_dir():
            files.extend((Path(file), False) for file in paths.walk(path, reader._report))
        else:
            files.append((path, True))
    return files, reader


def _expand(given: list, reader: Reader) -> list[Path]:
    """The paths to read: globs expanded; a path that is empty or does not exist raises."""
    expanded = []
    for path in given:
        text = os.fspath(path)
        if isinstance(text, bytes):
            text = os.fsdecode(text)
        if not str(text).strip():
            raise ValueError("an empty path was given to read_corpus; name a file or folder "
                             "(use \".\" for the current folder)")
        if not Path(text).exists() and paths.is_glob(text):
            matches = paths.expand(text, reader._report)
            if not matches:
                raise FileNotFoundError(f"{text}: no file or folder matches this pattern (looked from {Path.cwd()})")
            expanded.extend(matches)
        else:
            expanded.append(Path(text))
    for path in expanded:
        if not path.exists() and not path.is_symlink():
            raise FileNotFoundError(
                f"{paths.display_name(path)}: no such file or folder (looked from {Path.cwd()}); "
                "check the path and try again"
            )
    return expanded


def _credits(articles: pd.DataFrame) -> list[str]:
    if "license" not in articles.columns:
        return []
    credits = []
    for (outlet, licence), group in articles.dropna(subset=["license"]).groupby(["outlet", "license"], dropna=False):
        name = outlet if isinstance(outlet, str) else "These"
        credits.append(f"{name} articles: {licence} ({len(group)} articles)")
    return credits
