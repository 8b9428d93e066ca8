"""read_corpus, Corpus, and the articles schema.

``read_corpus`` turns files, folders and archives into one ``articles`` table
and one ``problems`` table. Nothing is dropped silently: every file it reads
is the ``source`` of an article or a row of ``problems`` (source, line,
reason). Formats are recognised by content as much as by extension: agency
wire text, plain text, JSON, JSON Lines, CSV, HTML, NewsML-G2, zip and gzip.

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
"""

from __future__ import annotations

import dataclasses
import fnmatch
import glob
import hashlib
import html
import os
import stat
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from kit.formats import Problem
from kit.formats.encoding import NotText, decode
from kit.formats.language import guess_language
from kit.tables import conform, empty

#: Files larger than this are refused (a problem row), so memory stays bounded.
MAX_FILE_BYTES = 50_000_000

#: Documentation and code next to a corpus; skipped when walking a folder.
SKIPPED_FILES = ("README*", "LICENSE*", "LICENCE*", "COPYING*", "NOTICE*", "AUTHORS*", "CHANGELOG*", "CITATION*",
                 "COMMIT", "*.md", "*.rst", "*.py", "*.pyc", "*.ipynb", "*.sh", "*.toml", "*.cfg", "*.ini",
                 "*.yml", "*.yaml", "*.lock", "Makefile", "*.css", "*.js")
SKIPPED_FOLDERS = ("annotations", "gold", "__pycache__", "node_modules")

#: Archives inside archives are opened this many levels deep, no deeper.
MAX_ARCHIVE_DEPTH = 3

_JSON_LINES_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")


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
    quiet: bool = False,
) -> Corpus:
    """Read files, folders and archives into a :class:`Corpus`.

    ``latest_only`` keeps the newest version of each wire story (same
    ``story_id``). ``fields`` names the record fields (JSON/CSV) that hold a
    column, e.g. ``{"body": "story_text", "published": "day"}``. Files larger than
    ``max_file_bytes`` (for JSON Lines and CSV, which are streamed, records
    larger than it) and archives that inflate past ``max_archive_bytes`` (or
    more than ``max_archive_ratio`` times their size, or hold more than
    ``max_archive_entries`` entries) become problems, not memory. ``quiet``
    leaves out the one-line credit printed for licensed corpora.

    Folders are walked in name order; what a walk skips is listed in
    ``Corpus.skipped`` (see the module's docstring).

    Paths may be files, folders or glob patterns (``"data/**/*.jsonl"``). A path
    that does not exist raises ``FileNotFoundError``; bad content never raises:
    it becomes a row of ``problems``.

    >>> corpus = read_corpus(["data/wire", "data/wikinews"], quiet=True)
    >>> corpus.articles.groupby("format").size().to_dict()
    {'jsonl': 293, 'wire': 1}
    >>> corpus.skipped.source.tolist()
    ['data/wire/README.md', 'data/wikinews/COMMIT', 'data/wikinews/LICENSE.md', 'data/wikinews/README.md']
    """
    given = [path_or_paths] if isinstance(path_or_paths, (str, os.PathLike)) else list(path_or_paths)
    paths = []
    for path in given:
        text = os.fspath(path)
        if not Path(text).exists() and any(character in text for character in "*?["):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                raise FileNotFoundError(f"{text}: no file or folder matches this pattern (looked from {Path.cwd()})")
            paths.extend(matches)
        else:
            paths.append(text)
    reader = _Reader(
        fields=fields,
        max_file_bytes=max_file_bytes,
        max_archive_bytes=max_archive_bytes,
        max_archive_entries=max_archive_entries,
        max_archive_ratio=max_archive_ratio,
    )
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise FileNotFoundError(
                f"{path}: no such file or folder (looked from {Path.cwd()}); check the path and try again"
            )
    for path in paths:
        reader.read_path(Path(path))
    articles = conform(reader.rows, "articles") if reader.rows else empty("articles")
    articles = link_versions(articles)
    if latest_only:
        articles = keep_latest(articles)
    problems = conform(reader.problems, "problems") if reader.problems else empty("problems")
    credits = _credits(articles)
    if "license" in articles.columns:
        articles = articles.drop(columns="license")
    skipped = pd.DataFrame(reader.skipped, columns=["source", "reason"]).astype("string")
    corpus = Corpus(articles=articles, problems=problems, credits=credits, skipped=skipped)
    if credits and not quiet:
        print("\n".join(credits))
    return corpus


#: Versions of a slug filed further apart than this are different stories.
STORY_GAP = pd.Timedelta(hours=36)


def link_versions(articles: pd.DataFrame) -> pd.DataFrame:
    """Give the versions of one story one ``story_id``, across files.

    Readers put a story's slug in ``story_id`` (``slug:<keywords>|<agency>``).
    Versions with the same slug filed within :data:`STORY_GAP` of the previous
    one are one story (a 2ndlead after midnight still follows its 1stlead); the
    same slug days later (a daily "France politics") is a new story. The id is
    a hash of the slug and the first version's time.

    >>> articles = read_corpus("tests/samples/seed_two_versions.txt").articles
    >>> articles.version.tolist(), articles.story_id.nunique()
    (['1stlead', '2ndlead'], 1)
    """
    slugs = articles["story_id"].fillna("")
    mask = slugs.str.startswith("slug:")
    if not mask.any():
        return articles
    articles = articles.copy()
    for slug, group in articles[mask].groupby(slugs[mask], sort=False):
        times = group["published"].sort_values(na_position="first")
        first = None
        previous = None
        for index, time in times.items():
            if first is None or (pd.notna(time) and pd.notna(previous) and time - previous > STORY_GAP):
                first = time
            previous = time if pd.notna(time) else previous
            key = f"{slug}|{first.isoformat() if pd.notna(first) else ''}"
            articles.at[index, "story_id"] = "story-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    return articles


def keep_latest(articles: pd.DataFrame) -> pd.DataFrame:
    """Keep the newest version of each story (latest ``published``, then version).

    Articles without a ``story_id`` are stories of their own and all kept.

    >>> articles = read_corpus("tests/samples/seed_two_versions.txt").articles
    >>> keep_latest(articles).version.tolist()
    ['2ndlead']
    """
    from kit.formats.wire import version_rank

    if articles.empty:
        return articles
    order = articles.assign(
        _published=articles["published"].fillna(pd.Timestamp.min),
        _rank=articles["version"].map(lambda v: version_rank(v if isinstance(v, str) else None)),
        _position=range(len(articles)),
    )
    grouped = order[order["story_id"].notna()].sort_values(["_published", "_rank", "_position"])
    newest = grouped.groupby("story_id", sort=False).tail(1).index
    keep = order["story_id"].isna() | order.index.isin(newest)
    return articles[keep].reset_index(drop=True)


def article_id(source: str) -> str:
    """The stable id of the article read from ``source`` (path plus position).

    >>> article_id("data/wire/000_3a78acad3bfae3fb.txt")
    'de38edf1c693a7f1'
    """
    return hashlib.sha1(source.encode("utf-8")).hexdigest()[:16]


def _credits(articles: pd.DataFrame) -> list[str]:
    if "license" not in articles.columns:
        return []
    credits = []
    for (outlet, licence), group in articles.dropna(subset=["license"]).groupby(["outlet", "license"], dropna=False):
        name = outlet if isinstance(outlet, str) else "These"
        credits.append(f"{name} articles: {licence} ({len(group)} articles)")
    return credits


class _Reader:
    """Walks paths, recognises formats, collects rows and problems."""

    def __init__(self, **options):
        self.options = options
        self.fields = options["fields"]
        self.rows: list[dict] = []
        self.problems: list[dict] = []
        self.skipped: list[tuple[str, str]] = []

    # -- walking -----------------------------------------------------------
    def read_path(self, path: Path) -> None:
        if path.is_dir():
            self._walk(path)
        else:
            self.read_file(path, explicit=True)

    def read_file(self, path: Path, *, explicit: bool) -> None:
        """Read one file; whatever goes wrong becomes a problem row, never an exception."""
        try:
            self._read_file(path, explicit=explicit)
        except Exception as error:  # the safety net under every reader: the run goes on
            self._problem(_name(path), f"could not be read ({type(error).__name__}: {error}); "
                                       "the rest of the corpus was read")

    def _walk(self, folder: Path) -> None:
        for root, folders, files in os.walk(folder):
            kept = []
            for name in sorted(folders):
                if name.startswith("."):
                    continue  # .git, .ipynb_checkpoints: never corpus, never listed
                if name.lower() in SKIPPED_FOLDERS:
                    self.skipped.append((_name(Path(root) / name), "folder of annotations or tooling, not articles"))
                    continue
                kept.append(name)
            folders[:] = kept
            for name in sorted(files):
                path = Path(root) / name
                if name.startswith("."):
                    continue
                if any(fnmatch.fnmatch(name, pattern) for pattern in SKIPPED_FILES):
                    self.skipped.append((_name(path), "documentation or code, not articles"))
                    continue
                self.read_file(path, explicit=False)

    def _read_file(self, path: Path, *, explicit: bool) -> None:
        source = _name(path)
        try:
            status = path.stat()
        except OSError as error:
            self._problem(source, f"cannot open the file ({error.strerror})")
            return
        if not stat.S_ISREG(status.st_mode):
            # /dev/zero or a named pipe would never end: never read them.
            self._problem(source, "not a regular file (a device, pipe or socket); not read")
            return
        size = status.st_size
        suffix = path.suffix.lower()
        # JSON Lines and CSV are streamed a record at a time: only a record has to fit
        # under the limit. Every other file is read whole, so the file has to.
        streamed = suffix in _JSON_LINES_SUFFIXES + (".csv", ".tsv") or (suffix == ".json" and _first_line_is_object(path))
        if streamed and suffix not in (".csv", ".tsv") and _is_wide_text(path):
            streamed = False  # UTF-16/32 JSON Lines cannot be split at b"\n": read them whole
        if size > self.options["max_file_bytes"] and not streamed:
            self._problem(source, f"the file is {size / 1e6:.1f} MB, over the {self.options['max_file_bytes'] / 1e6:.0f} MB "
                                  "limit; split it or pass read_corpus(..., max_file_bytes=...)")
            return
        if size == 0:
            self._problem(source, "empty file (0 bytes)")
            return
        try:
            if streamed and suffix in (".csv", ".tsv"):
                self._read_csv_file(path, source)
                return
            if streamed:
                self._read_json_lines_file(path, source, explicit)
                return
            data = path.read_bytes()
        except OSError as error:
            self._problem(source, f"cannot read the file ({error.strerror or error})")
            return
        self.read_bytes(data, source, path.name, explicit=explicit)

    def _read_json_lines_file(self, path: Path, source: str, explicit: bool) -> None:
        from kit.formats import jsonrecords, records

        with path.open("rb") as handle:
            first = handle.readline()
            if not explicit:
                try:
                    import json

                    head = json.loads(first.decode("utf-8-sig"))
                    if isinstance(head, dict) and records.is_annotation(head):
                        self.skipped.append((source, "annotations (records with entity spans), not a corpus"))
                        return
                except (ValueError, RecursionError):
                    pass
            handle.seek(0)
            lines = jsonrecords.lines_of(handle, self.options["max_file_bytes"])
            self._collect(jsonrecords.read_lines(lines, self.fields), source, "jsonl")

    def _read_csv_file(self, path: Path, source: str) -> None:
        from kit.formats import csvfile

        with path.open("rb") as handle:
            head = handle.read(65536)
        if not head.strip():
            self._problem(source, "the file holds only whitespace")
            return
        # Decode the head only up to its last line end: a character cut in two
        # at the 64 kB boundary must not look like a wrong encoding.
        cut = head.rfind(b"\n") + 1 if len(head) == 65536 and b"\n" in head else len(head)
        try:
            decoded = decode(head[:cut], fix_mojibake=False)
        except NotText as error:
            self._problem(source, f"not read: {error}")
            return
        encoding = {"utf-8": "utf-8-sig", "utf-16-le": "utf-16", "utf-16-be": "utf-16"}.get(decoded.encoding, decoded.encoding)
        if decoded.encoding in ("utf-16-le", "utf-16-be") and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            encoding = decoded.encoding
        with path.open("r", encoding=encoding, errors="replace", newline="") as stream:
            rows = csvfile.read(stream, self.fields, tab=path.suffix.lower() == ".tsv", sample=decoded.text)
            self._collect(rows, source, "csv")

    # -- recognising -------------------------------------------------------
    def read_bytes(self, data: bytes, source: str, name: str, *, explicit: bool = True, depth: int = 0) -> None:
        """Read the bytes of one file (or archive entry) named ``source``."""
        suffix = Path(name).suffix.lower()
        is_zip = data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06") or suffix == ".zip"
        if (is_zip or data.startswith(b"\x1f\x8b")) and depth >= MAX_ARCHIVE_DEPTH:
            self._problem(source, f"an archive nested more than {MAX_ARCHIVE_DEPTH} levels deep; not opened")
            return
        if depth == 0:
            from kit.formats.archive import InflationBudget

            self.budget = InflationBudget(self.options["max_archive_bytes"])
        if is_zip:
            from kit.formats import archive

            for entry, content, problem in archive.entries(data, **self._archive_limits()):
                if problem:
                    self._problem(f"{source}!{entry}" if entry else source, problem)
                else:
                    self.read_bytes(content, f"{source}!{entry}", entry, depth=depth + 1)
            return
        if data.startswith(b"\x1f\x8b"):
            from kit.formats import archive

            content, problem = archive.gunzip(data, **self._archive_limits())
            if problem:
                self._problem(source, problem)
            else:
                inner = name[:-3] if name.lower().endswith(".gz") else name
                self.read_bytes(content, source, inner, depth=depth + 1)
            return
        if not data.strip():
            self._problem(source, "empty file" if not data else "the file holds only whitespace")
            return
        try:
            decoded = decode(data)
        except NotText as error:
            self._problem(source, f"not read: {error}")
            return
        del data
        self.read_text(decoded.text, source, name, explicit=explicit)

    def read_text(self, text: str, source: str, name: str, *, explicit: bool = True) -> None:
        from kit.formats import jsonrecords, plaintext, records, wire

        if not text.strip():
            self._problem(source, "the file holds only whitespace")
            return
        suffix = Path(name).suffix.lower()
        head = text[:65536].lstrip("\ufeff \t\n")
        if suffix in _JSON_LINES_SUFFIXES or (head[:1] == "{" and jsonrecords.looks_like_lines(head)):
            self._collect(jsonrecords.read_lines(text.split("\n"), self.fields), source, "jsonl")
        elif head[:1] in "{[" or suffix == ".json":
            self._collect(jsonrecords.read_document(text, self.fields), source, "json")
        elif head[:1] == "<" or suffix in (".xml", ".html", ".htm", ".xhtml"):
            self._read_markup(text, source, head)
        elif suffix in (".csv", ".tsv") or _looks_like_csv(head):
            from kit.formats import csvfile

            self._collect(csvfile.read(text, self.fields, tab=suffix == ".tsv"), source, "csv")
        elif wire.looks_like_wire(text):
            self._collect(wire.read(text), source, "wire")
        else:
            self._collect(plaintext.read(text), source, "text")

    def _read_markup(self, text: str, source: str, head: str) -> None:
        from kit.formats import html as html_format
        from kit.formats import newsml

        if newsml.looks_like_newsml(head):
            self._collect(newsml.read(text), source, "newsml")
        elif html_format.looks_like_html(head):
            self._collect(html_format.read(text), source, "html")
        else:
            self._problem(source, "XML that is neither NewsML-G2 nor HTML; not read")

    # -- collecting --------------------------------------------------------
    def _collect(self, items: Iterator[dict | Problem], source: str, format_name: str) -> None:
        read_any = False
        try:
            for item in items:
                if isinstance(item, Problem):
                    self._problem(source + (item.position or ""), item.reason, item.line)
                    continue
                item.pop("body_start", None)
                position = item.pop("position", None)
                row_source = source + (position or "")
                item.setdefault("format", format_name)
                item["source"] = row_source
                item["article_id"] = article_id(row_source)
                body = item["body"]
                item.setdefault("language", None)
                if not item["language"]:
                    item["language"] = guess_language(body)
                item["n_words"] = len(body.split())
                self.rows.append(item)
                read_any = True
        except Exception as error:  # a reader bug must not stop the run: report it and go on
            self._problem(source, f"could not be read ({type(error).__name__}: {error})")
            return
        if not read_any and not any(p["source"].startswith(source) for p in self.problems[-50:]):
            self._problem(source, f"no article found in this {format_name} file")

    def _problem(self, source: str, reason: str, line: int | None = None) -> None:
        self.problems.append({"source": source, "line": line, "reason": reason})

    def _archive_limits(self) -> dict:
        return {
            "budget": self.budget,
            "max_entries": self.options["max_archive_entries"],
            "max_ratio": self.options["max_archive_ratio"],
            "max_entry_bytes": self.options["max_file_bytes"],
        }


def _name(path: Path) -> str:
    return path.as_posix()


def _is_wide_text(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(256)
    return head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head


def _first_line_is_object(path: Path) -> bool:
    from kit.formats.jsonrecords import looks_like_lines

    with path.open("rb") as handle:
        head = handle.read(65536)
    try:
        return looks_like_lines(head.decode("utf-8-sig", errors="replace"))
    except Exception:
        return False


def _looks_like_csv(head: str) -> bool:
    from kit.formats.records import FIELD_NAMES

    first = head.split("\n", 1)[0].lower()
    if "," not in first and ";" not in first and "\t" not in first:
        return False
    import re

    cells = {cell.strip().strip('"').strip() for cell in re.split(r"[,;\t]", first)}
    return bool(cells & set(FIELD_NAMES["body"]))
