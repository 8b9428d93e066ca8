"""Writing results safely: whole runs or nothing, never through a planted symlink, CSV that stays data.

Three tools, for every part of the kit that writes into a folder a user names
(``--out``, ``Analysis.save``, the report, an explorer's CSV):

- :func:`open_for_writing` / :func:`write_bytes` / :func:`write_text`: **the way to write
  one file.** The data goes to a fresh temporary file in the target's folder (created
  with ``O_EXCL``, so never through an existing name or symlink), is flushed to disk,
  and is renamed over the target: a rename replaces a symlink planted at the target
  instead of writing through it, readers see the old file or the new one, never half,
  and two writers never share a temporary name. ``kit.report`` should write
  ``report.html`` / ``report.ipynb`` with :func:`write_text`.
- :func:`save_tables` / :func:`open_run`: a run's tables (parquet) and files
  (``credits.json``) with a manifest (``manifest.json``) of their SHA-256 checksums,
  switched in only once every file is written (a full disk leaves the previous run
  whole), one writer at a time (a lock on the folder). :func:`open_run` refuses a
  folder whose files do not match its manifest, naming the file.
- :func:`spreadsheet_safe`: a table whose text cells cannot run as spreadsheet formulas.

>>> import tempfile, pandas as pd
>>> folder = tempfile.mkdtemp()
>>> _ = save_tables(folder, {"articles": pd.DataFrame({"article_id": ["a1"]})}, {"credits.json": b"[]"})
>>> run = open_run(folder)
>>> run.read_table("articles").article_id.tolist(), run.read_bytes("credits.json")
(['a1'], b'[]')
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import os
import re
import stat
import tempfile
import uuid
from pathlib import Path
from typing import BinaryIO, Iterator

#: The file listing a saved run's files and their checksums; written last, switched in atomically.
MANIFEST = "manifest.json"
MANIFEST_FORMAT = "kit-run-1"
#: Names a saved table may have (they become file names).
TABLE_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")
#: The manifest of a run is a few hundred bytes: anything much larger is not one.
MAX_MANIFEST_BYTES = 1 << 20


class SaveError(OSError):
    """A run could not be saved; the folder still holds the previous run, whole."""


class MixedRunError(ValueError):
    """A saved folder whose files do not belong together (or are damaged); the message names the file."""


# --- one file ------------------------------------------------------------------------------------


@contextlib.contextmanager
def open_for_writing(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary stream that becomes ``path`` when the block ends without an error.

    Nothing is ever written through a symlink at ``path`` (it is replaced, not followed),
    and the temporary file is unique to this writer. On an error the temporary file is
    removed and ``path`` is left as it was.

    >>> import tempfile, os
    >>> target = os.path.join(tempfile.mkdtemp(), "out.txt")
    >>> with open_for_writing(target) as stream:
    ...     _ = stream.write(b"hello")
    >>> open(target, "rb").read()
    b'hello'
    """
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        _remove_quietly(temporary)
        raise


def write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically, never through a symlink (see :func:`open_for_writing`)."""
    with open_for_writing(path) as stream:
        stream.write(data)
    return Path(path)


def write_text(path: str | os.PathLike, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically, never through a symlink."""
    return write_bytes(path, text.encode("utf-8", "surrogateescape"))


def make_folder(folder: str | os.PathLike, *, inside: str | os.PathLike | None = None) -> Path:
    """Create ``folder`` (and its parents) and return it.

    With ``inside``, every folder from ``inside`` (exclusive) down to ``folder`` must be a
    real folder, not a symlink, so files written there stay inside ``inside``
    (``make_folder(out / "figures", inside=out)``). The folder a user names is
    trusted as given, even when it is a symlink.
    """
    folder = Path(folder)
    if not str(folder).strip():
        raise ValueError("an empty folder name: give a folder (use '.' for the current one)")
    if inside is None:
        folder.mkdir(parents=True, exist_ok=True)
    else:
        root = Path(inside)
        root.mkdir(parents=True, exist_ok=True)
        if root not in folder.parents and folder != root:
            raise SaveError(f"{folder} is not inside {root}")
        for part in [*reversed(folder.parents), folder]:
            if part != folder and root not in part.parents:
                continue  # root itself and the folders above it: the user's choice
            if not part.is_symlink() and not part.exists():
                part.mkdir(exist_ok=True)
            if part.is_symlink() or not part.is_dir():
                raise SaveError(f"{part} is a symlink or not a folder: nothing is written through it")
    if not folder.is_dir():
        raise SaveError(f"{folder} is not a folder")
    return folder


def read_regular_file(path: str | os.PathLike, max_bytes: int, *, follow: bool = False) -> bytes | None:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes``, else None.

    Never blocks on a FIFO or a device (``O_NONBLOCK``, then ``fstat``), never reads
    more than ``max_bytes + 1`` bytes, and does not follow a symlink unless ``follow``.
    A missing file is None too; other OS errors are raised.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENXIO, errno.EMLINK):
            return None  # a symlink (O_NOFOLLOW) or a device without a reader (ENXIO)
        raise
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode) or status.st_size > max_bytes:
            return None
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(handle, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:  # grew after the check
            return None
        return b"".join(chunks)
    finally:
        os.close(handle)


# --- a run: tables and files that belong together -----------------------------------------------


def save_tables(directory: str | os.PathLike, tables: dict, files: dict[str, bytes] | None = None) -> Path:
    """Save ``tables`` (name -> DataFrame, as ``<name>.parquet``) and ``files`` (name -> bytes) as one run.

    A table may also be given as a list of parquet files (its partitions, in order): they are
    written one after the other into ``<name>.parquet`` (:func:`write_parquet_parts`), never
    held in memory together.

    Every file is first written to a temporary file in ``directory``; only when all are
    written (and the manifest too) are they renamed into place, under an exclusive lock on
    the folder, the manifest last. A failure before that (a full disk) raises
    :class:`SaveError` and leaves the previous run untouched; a crash during the renames
    leaves files that do not match the manifest, which :func:`open_run` refuses.
    Files of the previous run that this run does not have are removed.
    """
    directory = make_folder(directory)
    contents: dict[str, str] = {}  # final name -> temporary file
    manifest: dict[str, dict] = {}
    try:
        for name, table in tables.items():
            if not TABLE_NAME.match(name):
                raise ValueError(f"not a table name: {name!r}")
            write = write_parquet if hasattr(table, "columns") else write_parquet_parts
            contents[f"{name}.parquet"] = _temporary(directory, f"{name}.parquet", lambda s, t=table, w=write: w(t, s))
        for name, data in (files or {}).items():
            if "/" in name or "\\" in name or name in ("", ".", "..", MANIFEST):
                raise ValueError(f"not a file name for a run: {name!r}")
            contents[name] = _temporary(directory, name, lambda s, d=data: s.write(d))
        for name, temporary in contents.items():
            manifest[name] = {"sha256": _sha256_of(temporary), "bytes": os.path.getsize(temporary)}
        record = {"format": MANIFEST_FORMAT, "run": uuid.uuid4().hex, "files": manifest}
        body = json.dumps(record, indent=1, sort_keys=True).encode()
        contents[MANIFEST] = _temporary(directory, MANIFEST, lambda s: s.write(body))
    except BaseException as error:
        for temporary in contents.values():
            _remove_quietly(temporary)
        if isinstance(error, OSError) and not isinstance(error, SaveError):
            raise SaveError(f"could not save the tables in {directory} ({error}); the previous run there is untouched") from error
        raise
    with _locked(directory):
        previous = _manifest_files(directory)
        for name, temporary in contents.items():  # the manifest is the last item
            os.replace(temporary, directory / name)
        for name in set(previous or ()) - set(contents):
            if _safe_member(name):
                _remove_quietly(directory / name)
    return directory


class Run:
    """A saved run opened for reading: its files checked against the manifest before use.

    ``manifest`` is None for a folder saved without one (by an older kit, or by hand):
    its files are then read as they are, and only damage that stops them being read is
    reported (naming the file).
    """

    def __init__(self, directory: str | os.PathLike):
        self.directory = Path(directory)
        self.manifest = _manifest_files(self.directory, strict=True)

    def has(self, name: str) -> bool:
        """Whether the run has the file ``name`` (``articles.parquet``, ``credits.json``)."""
        if self.manifest is not None:
            return name in self.manifest
        path = self.directory / name
        return path.is_file()

    def read_bytes(self, name: str) -> bytes:
        """The bytes of one file of the run; :class:`MixedRunError` if they are not the run's."""
        path = self.directory / name
        expected = self.manifest.get(name) if self.manifest is not None else None
        if self.manifest is not None and expected is None:
            raise FileNotFoundError(f"{path}: not part of the run saved in {self.directory}")
        limit = int(expected["bytes"]) if expected else 1 << 40
        try:
            data = read_regular_file(path, limit)
        except OSError as error:
            raise MixedRunError(f"{path}: cannot be read ({error})") from error
        if data is None:
            if not os.path.lexists(path):
                raise FileNotFoundError(f"{path}: missing; was this folder written by Analysis.save()?")
            raise MixedRunError(f"{path}: not a regular file of the saved run (a symlink, a device, or larger than saved)")
        if expected and hashlib.sha256(data).hexdigest() != expected["sha256"]:
            raise MixedRunError(
                f"{path}: does not belong with the other tables in {self.directory} (its checksum is not the one "
                f"in {MANIFEST}: it was half written, damaged, or comes from another run); save the analysis again"
            )
        return data

    def read_table(self, name: str):
        """The table ``name`` (``<name>.parquet``) as a DataFrame; errors name the file."""
        import pandas as pd

        data = self.read_bytes(f"{name}.parquet")
        try:
            return pd.read_parquet(io.BytesIO(data))
        except Exception as error:  # noqa: BLE001 - pyarrow's ArrowInvalid & co do not name the file
            raise MixedRunError(f"{self.directory / f'{name}.parquet'}: not a readable parquet table "
                                f"({type(error).__name__}: {error})") from error


def open_run(directory: str | os.PathLike) -> Run:
    """Open a folder written by :func:`save_tables` (or an older, manifest-less one) for reading."""
    directory = Path(directory)
    if not directory.is_dir():
        raise FileNotFoundError(f"{directory}: no such folder; was it written by Analysis.save()?")
    return Run(directory)


def _manifest_files(directory: Path, *, strict: bool = False) -> dict[str, dict] | None:
    path = directory / MANIFEST
    data = read_regular_file(path, MAX_MANIFEST_BYTES)
    if data is None:
        if strict and os.path.lexists(path):
            raise MixedRunError(f"{path}: not a regular file (a symlink or device?); this folder cannot be trusted")
        return None
    try:
        record = json.loads(data.decode("utf-8"))
        files = record["files"]
        if record.get("format") != MANIFEST_FORMAT or not isinstance(files, dict):
            raise ValueError("unknown format")
        for name, entry in files.items():
            if not _safe_member(name) or not isinstance(entry.get("sha256"), str) or not isinstance(entry.get("bytes"), int):
                raise ValueError(f"bad entry {name!r}")
        return files
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        if strict:
            raise MixedRunError(f"{path}: damaged ({error}); save the analysis again") from error
        return None


def _safe_member(name: str) -> bool:
    return isinstance(name, str) and name not in ("", ".", "..", MANIFEST) and "/" not in name and "\\" not in name and "\0" not in name


#: Rows converted to Arrow at a time when a table is written: the copy Arrow makes of a table's
#: strings is then one row group's, not the whole table's (600 MB at 50,000 articles).
ROWS_PER_GROUP = 100_000


#: At most about this many bytes of a table are converted to Arrow at a time (the articles' bodies:
#: 100,000 Wikinews articles would be 450 MB in one row group).
BYTES_PER_GROUP = 32 << 20


def write_parquet(table, target, rows_per_group: int = ROWS_PER_GROUP) -> None:
    """Write a DataFrame as parquet (no index) to a path or binary stream, ``rows_per_group`` rows at a time
    (fewer when rows are long: about :data:`BYTES_PER_GROUP` per group, measured on the first rows).

    Read back, it is the table ``table.to_parquet(target, index=False)`` writes.

    >>> import io, pandas as pd
    >>> stream = io.BytesIO()
    >>> write_parquet(pd.DataFrame({"a": [1, 2, 3], "b": [None, "x", None]}), stream, rows_per_group=2)
    >>> pd.read_parquet(io.BytesIO(stream.getvalue())).b.tolist()
    [None, 'x', None]
    """
    sample = table.iloc[:1000]
    row_bytes = sample.memory_usage(index=False, deep=True).sum() / max(1, len(sample))
    rows_per_group = max(100, min(rows_per_group, int(BYTES_PER_GROUP / max(row_bytes, 1))))
    if len(table) <= rows_per_group:
        table.to_parquet(target, index=False)
        return
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.Schema.from_pandas(table, preserve_index=False)  # types of the whole table, column by column
    with pq.ParquetWriter(target, schema) as writer:
        for start in range(0, len(table), rows_per_group):
            part = table.iloc[start : start + rows_per_group]
            writer.write_table(pa.Table.from_pandas(part, schema=schema, preserve_index=False))
            pa.default_memory_pool().release_unused()  # else each group's buffers may stay held until the end


def write_parquet_parts(paths, target) -> None:
    """Write the parquet files ``paths`` (one table's partitions, in order) as one parquet table to ``target``.

    Read back, it is the concatenation of the partitions (``pd.concat``, ``ignore_index=True``):
    a column missing from a partition is missing there, a column of nothing but missing values
    takes the type it has elsewhere. One partition is in memory at a time.

    >>> import io, tempfile, os, pandas as pd
    >>> folder = tempfile.mkdtemp()
    >>> pd.DataFrame({"a": [1], "b": [None]}).to_parquet(os.path.join(folder, "1.parquet"), index=False)
    >>> pd.DataFrame({"a": [2], "b": ["x"]}).to_parquet(os.path.join(folder, "2.parquet"), index=False)
    >>> stream = io.BytesIO()
    >>> write_parquet_parts([os.path.join(folder, n) for n in ("1.parquet", "2.parquet")], stream)
    >>> pd.read_parquet(io.BytesIO(stream.getvalue())).b.tolist()
    [None, 'x']
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    schemas = [pq.read_schema(path) for path in paths]
    files = [pq.ParquetFile(path) for path in paths]
    rows = [file.metadata.num_rows for file in files]
    with_rows = [schema for schema, count in zip(schemas, rows) if count] or schemas[:1]
    if not with_rows:
        raise ValueError("write_parquet_parts: no partitions to write")
    schema = pa.unify_schemas(with_rows, promote_options="permissive").with_metadata(with_rows[0].metadata)
    with pq.ParquetWriter(target, schema) as writer:
        for file, count in zip(files, rows):
            if not count:
                continue
            for group in range(file.num_row_groups):
                part = file.read_row_group(group)
                columns = [part.column(field.name).cast(field.type) if field.name in part.column_names
                           else pa.nulls(len(part), field.type) for field in schema]
                writer.write_table(pa.Table.from_arrays(columns, schema=schema))
                del part, columns
                pa.default_memory_pool().release_unused()
        if not any(rows):
            writer.write_table(schema.empty_table())


def _temporary(directory: Path, name: str, write) -> str:
    """Write a temporary file for ``name`` in ``directory`` with ``write(stream)``; its path."""
    handle, temporary = tempfile.mkstemp(prefix=f".{name[:40]}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        _remove_quietly(temporary)
        raise
    return temporary


def _sha256_of(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@contextlib.contextmanager
def _locked(directory: Path):
    """An exclusive lock on the folder itself (no lock file to plant), where the OS has flock."""
    try:
        import fcntl
    except ImportError:  # Windows: renames are still atomic one by one
        yield
        return
    handle = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # releases the lock


def _remove_quietly(path: str | os.PathLike) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


# --- CSV for spreadsheets --------------------------------------------------------------------------

#: A cell starting with one of these is a formula (or becomes one) in Excel, LibreOffice, Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def spreadsheet_safe(frame):
    """A copy of ``frame`` whose text cells (and column names) cannot run as spreadsheet formulas.

    Text starting with ``= + - @``, a tab or a line break gets a leading ``'``, as
    OWASP recommends and spreadsheet-safe exporters do; numbers stored as numbers
    (a plain ``-3``) are left as they are. Use it on any table written as CSV for people.

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"text": ["=HYPERLINK(\\"http://x\\")", "-5 people", "fine"], "value": [-3, 2, 1]})
    >>> spreadsheet_safe(frame).to_dict("list")
    {'text': ['\\'=HYPERLINK("http://x")', "'-5 people", 'fine'], 'value': [-3, 2, 1]}
    """
    import pandas as pd

    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if pd.api.types.is_numeric_dtype(series) or pd.api.types.is_datetime64_any_dtype(series):
            continue
        mapped = series.astype(object).map(_safe_cell)
        out[column] = mapped.astype("string") if isinstance(series.dtype, pd.StringDtype) else mapped
    out.columns = [_safe_cell(name) for name in out.columns]
    return out


def _safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
