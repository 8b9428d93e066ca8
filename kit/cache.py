"""The per-article cache: an unchanged article is never analysed twice.

Each analysed article is stored as one small JSON file holding the rows the
extractors produced for it (mentions, figures, quotes, before the corpus-level
step that merges actors across articles). Its name is the article's cache key,
:func:`body_key`: a hash of the body, the kit's version, the model, the alias file in
use and the code the extractors run (:func:`code_fingerprint`: the modules the
per-article step imports, found by reading their imports, and the word lists), so
adding files to a corpus analyses only the new ones, and a new model, kit version or
rule never reads stale rows, while editing a plot or a widget keeps every entry.
:func:`corpus_key` names the tables of a whole corpus, served whole on a rerun.

Why one file per article rather than one database: writes are atomic with
nothing but ``os.replace`` (a temporary file in the same folder, then a rename),
so two runs sharing a cache never corrupt it, and a damaged entry costs one
article, not the whole cache. Each file starts with a SHA-256 checksum of its
payload: a truncated, half-written or otherwise damaged entry is detected, counted
as a miss, re-analysed and overwritten. (bench/README.md has the timings that
led to this choice.) Files are JSON, not pickle, so a cache folder shared with
others can never run code when it is read.

>>> import tempfile
>>> cache = ArticleCache(tempfile.mkdtemp())
>>> cache.put("ab" * 32, {"mentions": [{"start": 0, "end": 6, "text": "Russia"}]})
>>> cache.get("ab" * 32)["mentions"][0]["text"]
'Russia'
>>> cache.get("cd" * 32) is None
True
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import warnings
from pathlib import Path

from kit.saving import make_folder, read_regular_file, write_parquet

#: Bumped when the file layout changes; old entries are then simply not found.
FORMAT = "kit-cache-1"
#: Where the cache lives unless ``cache=<path>`` or $KIT_CACHE says otherwise.
DEFAULT_DIRECTORY = ".kit-cache"
ENVIRONMENT_VARIABLE = "KIT_CACHE"


class ArticleCache:
    """A folder of per-article entries, sharded by the first two hex digits of the key.

    ``stats`` counts hits, misses, damaged entries found (and rebuilt), writes, and
    ``corpus_hits``: reruns on an unchanged corpus served whole (tables stored by
    :meth:`put_tables`, so not even the corpus-level step runs again).

    >>> import tempfile
    >>> cache = ArticleCache(tempfile.mkdtemp())
    >>> cache.put("0f" * 32, {"figures": []})
    >>> cache.stats["writes"], len(cache)
    (1, 1)
    """

    def __init__(self, directory: str | os.PathLike):
        self.directory = Path(directory)
        self.stats = {"hits": 0, "misses": 0, "damaged": 0, "writes": 0, "corpus_hits": 0}
        self._writable = True

    def __repr__(self) -> str:
        return f"ArticleCache({str(self.directory)!r})"

    def __bool__(self) -> bool:
        # An empty cache is still a cache: ``if cache:`` must not mean "if it has entries".
        return True

    def __len__(self) -> int:
        return sum(1 for _ in self._entries())

    def path(self, key: str) -> Path:
        """The file holding ``key``'s rows (it may not exist)."""
        if len(key) < 8 or not all(c in "0123456789abcdef" for c in key):
            # Keys are hex digests; refusing anything else keeps every path inside the folder.
            raise ValueError(f"not a cache key (a hex digest): {key!r}")
        return self.directory / FORMAT / key[:2] / f"{key}.json"

    def has(self, key: str) -> bool:
        """Whether an entry for ``key`` exists (it may still prove damaged when read: :meth:`get`)."""
        return os.path.lexists(self.path(key))

    def get(self, key: str) -> dict[str, list[dict]] | None:
        """The rows stored for ``key``, or None when absent or damaged (then it is rebuilt).

        The cache may be shared or planted: an entry that is not a small regular file
        (a FIFO, a symlink, a device, over :data:`MAX_ENTRY_BYTES`) or whose content is not
        rows (:func:`kit.tables.rows_fit_contract`) is a miss, never an error, a hang or a memory blow-up.
        """
        try:
            data = read_regular_file(self.path(key), MAX_ENTRY_BYTES)
        except OSError as error:
            self.stats["misses"] += 1
            warnings.warn(f"cache entry {self.path(key)} unreadable ({error}); analysing again", stacklevel=2)
            return None
        if data is None:
            self.stats["misses"] += 1
            if os.path.lexists(self.path(key)):
                self.stats["damaged"] += 1
            return None
        rows = _decode(data, key)
        if rows is None:
            self.stats["damaged"] += 1
            self.stats["misses"] += 1
            return None
        self.stats["hits"] += 1
        return rows

    def put(self, key: str, rows: dict[str, list[dict]]) -> None:
        """Store ``rows`` for ``key`` atomically: readers see the old entry or the new one, never half."""
        if not self._writable:
            return
        target = self.path(key)
        payload = _encode(rows, key)
        if len(payload) > MAX_ENTRY_BYTES:  # it would never be read back
            return
        if self._write(key, target, payload):
            self.stats["writes"] += 1

    def get_tables(self, key: str) -> dict | None:
        """The corpus-level tables stored for ``key`` (see :meth:`put_tables`), or None.

        >>> import tempfile, pandas as pd
        >>> cache = ArticleCache(tempfile.mkdtemp())
        >>> cache.put_tables("ab" * 32, {"actors": pd.DataFrame({"name": ["Russia"]})})
        >>> cache.get_tables("ab" * 32)["actors"].name.tolist()
        ['Russia']
        """
        import pandas as pd

        folder = self._tables_folder(key)
        if folder.is_symlink() or not folder.is_dir():
            return None
        try:
            names = json.loads(read_regular_file(folder / "tables.json", 1 << 20) or b"")
            if not isinstance(names, list) or not all(isinstance(n, str) and n.isidentifier() for n in names):
                raise ValueError("not a list of table names")
            tables = {}
            for name in names:
                data = read_regular_file(folder / f"{name}.parquet", MAX_TABLE_BYTES)
                if data is None:
                    raise ValueError(f"{name}.parquet is not a regular file of at most {MAX_TABLE_BYTES} bytes")
                tables[name] = _valid_table(pd.read_parquet(io.BytesIO(data)), name)
            self.stats["corpus_hits"] += 1
            return tables
        except Exception:  # noqa: BLE001 - any damage (truncated parquet, missing file, forged) is a miss
            self.stats["damaged"] += 1
            shutil.rmtree(folder, ignore_errors=True)
            return None

    def put_tables(self, key: str, tables: dict) -> None:
        """Store whole tables for ``key``: written to a temporary folder, then renamed into place."""
        if not self._writable:
            return
        target = self._tables_folder(key)
        try:
            # No write lands outside the cache through a folder symlinked into it (SaveError).
            make_folder(target.parent, inside=self.directory)
            temporary = Path(tempfile.mkdtemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=target.parent))
            for name, table in tables.items():
                write_parquet(table, temporary / f"{name}.parquet")
            # tables.json last: a folder without it was never finished and reads as damaged.
            (temporary / "tables.json").write_text(json.dumps(list(tables)), encoding="utf-8")
            try:
                os.replace(temporary, target)
            except OSError:  # another run stored the same tables first: keep theirs
                shutil.rmtree(temporary, ignore_errors=True)
        except OSError as error:
            self._writable = False
            warnings.warn(f"cannot write the cache in {self.directory} ({error}); continuing without it", stacklevel=2)

    def get_file(self, key: str, name: str) -> bytes | None:
        """A file stored with :meth:`put_file` (a whole report), or None when absent or damaged.

        >>> import tempfile
        >>> cache = ArticleCache(tempfile.mkdtemp())
        >>> cache.put_file("ab" * 32, "report.html", b"<p>hi</p>")
        >>> cache.get_file("ab" * 32, "report.html"), cache.get_file("cd" * 32, "report.html")
        (b'<p>hi</p>', None)
        """
        path = self._files_folder(key) / _file_name(name)
        try:
            data = read_regular_file(path, MAX_TABLE_BYTES)
        except OSError:
            return None
        if data is None:
            return None
        header, _, payload = data.partition(b"\n")
        if header != f"{FORMAT} {hashlib.sha256(payload).hexdigest()}".encode("ascii"):
            self.stats["damaged"] += 1
            _remove_quietly(path)
            return None
        return payload

    def put_file(self, key: str, name: str, data: bytes) -> None:
        """Store ``data`` as ``name`` under ``key``, atomically, with a checksum (see :meth:`get_file`)."""
        if not self._writable:
            return
        target = self._files_folder(key) / _file_name(name)
        self._write(key, target, f"{FORMAT} {hashlib.sha256(data).hexdigest()}\n".encode("ascii") + data)

    def _write(self, key: str, target: Path, payload: bytes) -> bool:
        """Write ``payload`` to ``target`` atomically; False (and no more writes) when the disk refuses."""
        try:
            # No write lands outside the cache through a folder symlinked into it (SaveError).
            make_folder(target.parent, inside=self.directory)
            # The temporary file is in the target's folder so os.replace is a rename, which
            # is atomic; its name is unique per writer, so concurrent runs never share one.
            handle, temporary = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=target.parent)
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(payload)
                os.replace(temporary, target)
            except BaseException:
                _remove_quietly(temporary)
                raise
        except OSError as error:
            # A read-only or full disk must not stop an analysis: carry on without caching.
            self._writable = False
            warnings.warn(f"cannot write the cache in {self.directory} ({error}); continuing without it", stacklevel=3)
            return False
        return True

    def _files_folder(self, key: str) -> Path:
        self.path(key)  # validates the key
        return self.directory / FORMAT / "files" / key[:2] / key

    def _tables_folder(self, key: str) -> Path:
        self.path(key)  # validates the key
        return self.directory / FORMAT / "corpora" / key

    def clear(self) -> None:
        """Remove every entry (the folder itself is kept)."""
        shutil.rmtree(self.directory / FORMAT, ignore_errors=True)

    def _entries(self):
        root = self.directory / FORMAT
        if root.is_dir():
            yield from root.glob("*/*.json")


def open_cache(cache: bool | str | os.PathLike | ArticleCache | None) -> ArticleCache | None:
    """Turn analyze()'s ``cache=`` argument into a cache, or None for a fresh run.

    ``True``: $KIT_CACHE, else ``.kit-cache/`` in the working folder; ``False``/None:
    no cache; a path: that folder; an :class:`ArticleCache`: itself.

    >>> open_cache(False) is None
    True
    >>> open_cache("/tmp/my-cache").directory.name
    'my-cache'
    """
    if cache is None or cache is False:
        return None
    if isinstance(cache, ArticleCache):
        return cache
    if cache is True:
        return ArticleCache(os.environ.get(ENVIRONMENT_VARIABLE) or DEFAULT_DIRECTORY)
    if isinstance(cache, (str, os.PathLike)):
        if not os.fspath(cache).strip():
            raise ValueError("cache='': give a folder for the cache, True for the default, or False for none")
        return ArticleCache(cache)
    raise TypeError(f"cache= takes True, False, a folder path or an ArticleCache, not {cache!r}")


def _encode(rows: dict[str, list[dict]], key: str) -> bytes:
    body = json.dumps({"key": key, "rows": rows}, default=_plain, ensure_ascii=False, separators=(",", ":"))
    payload = body.encode("utf-8", "surrogatepass")
    header = f"{FORMAT} {hashlib.sha256(payload).hexdigest()}\n".encode("ascii")
    return header + payload


def _decode(data: bytes, key: str) -> dict[str, list[dict]] | None:
    header, _, payload = data.partition(b"\n")
    parts = header.split(b" ")
    if len(parts) != 2 or parts[0] != FORMAT.encode() or hashlib.sha256(payload).hexdigest().encode() != parts[1]:
        return None
    try:
        content = json.loads(payload.decode("utf-8", "surrogatepass"))
    except (ValueError, RecursionError):  # RecursionError: a forged "[[[[…" thousands deep
        return None
    from kit.tables import rows_fit_contract  # here, not at the top: the command line's cached path never loads pandas

    if not isinstance(content, dict) or content.get("key") != key or not rows_fit_contract(content.get("rows")):
        return None
    return content["rows"]


#: The largest cache entry read: rows of one article (a 1,000,000-character article makes a few MB).
MAX_ENTRY_BYTES = 64 << 20
#: The largest corpus table read back from the cache.
MAX_TABLE_BYTES = 4 << 30


def _valid_table(table, name: str):
    """A corpus table read back from the cache; raises unless it is a DataFrame whose columns take the table's types."""
    import pandas as pd

    from kit.tables import COLUMNS, conform

    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"{name}: not a table")
    if name in COLUMNS:
        conform(table, name)  # raises on values of the wrong type
    return table


def _file_name(name: str) -> str:
    if not re.fullmatch(r"[\w][\w.-]*", name):
        raise ValueError(f"not a file name for the cache: {name!r}")
    return name


def _plain(value):
    """JSON for the values extractors may put in rows: numpy scalars, pandas NA, sets."""
    import pandas

    if value is pandas.NA or value is pandas.NaT:
        return None
    if hasattr(value, "item") and callable(value.item):  # numpy scalars
        return value.item()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"cannot store a {type(value).__name__} in the cache: {value!r}")


def _remove_quietly(path: str | os.PathLike) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


# The keys live in kit/cache_keys.py; these names are the cache's public ones too.
from kit.cache_keys import (  # noqa: E402,F401
    DATA_FOLDERS, PACKAGE, _roots, alias_file, analysis_identity, body_key, code_fingerprint, corpus_key,
    fingerprinted_files, model_identity, package_fingerprint, user_data_fingerprint,
)
