"""A whole ``python -m kit report`` run, cached: an unchanged rerun copies the report back.

:func:`run_key` names a run by everything that can change what it writes, computed
before pandas, spaCy or the corpus reader is imported (so a hit costs what hashing and
copying cost, a small fraction of a second on the bundled corpus):

- the corpus: every file's full bytes and its name (folders walked, archives as bytes),
  the paths as given and resolved;
- the options (``--latest-only``, ``--model``, ``--n-process``, ``--engine``, the cache
  folder, ``--title``) and the ``--out`` folder (the report names it);
- every file of the kit package (:func:`kit.cache_keys.package_fingerprint`), the model
  (:func:`kit.cache_keys.model_identity`, read from its ``meta.json``), the alias file in
  use, every ``KIT_*`` environment variable;
- Python's version and the installed distributions (names and versions, read from the
  ``*.dist-info`` folder names on ``sys.path``: no metadata is parsed).

:func:`store_run` keeps the files the run wrote into ``--out`` (the tables, their
manifest, ``report.html``, ``report.ipynb``) in the cache folder under the key, with an
index of their SHA-256 checksums; :func:`restore_run` checks every file against it and
writes them into ``--out`` (the tables as one run, :func:`kit.saving.save_tables`).
Nothing stored is ever executed: the index is JSON, the rest is copied as bytes. A
damaged entry (a checksum that does not match, a missing or planted file, a forged index)
raises :class:`DamagedEntry`, which the command line reports before running again.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Moscow said.")
>>> key = run_key(["report"], [folder / "a.txt"], {"title": "t"}, folder / "out")
>>> key == run_key(["report"], [folder / "a.txt"], {"title": "t"}, folder / "out")
True
>>> key == run_key(["report"], [folder / "a.txt"], {"title": "u"}, folder / "out")
False
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path

#: Bumped when the entry layout or the key's material changes.
FORMAT = "kit-run-cache-1"
#: The report files written beside the tables (not in the tables' manifest).
REPORT_FILES = ("report.ipynb", "report.html")
#: The largest file copied back from an entry.
MAX_FILE_BYTES = 4 << 30
#: The largest index read.
MAX_INDEX_BYTES = 1 << 20


class DamagedEntry(ValueError):
    """A cached run that cannot be trusted (the message says which file); it is run again."""


def run_key(command: list[str], corpus: list[Path], options: dict, out: Path) -> str | None:
    """The key of one run, or None when it cannot be computed (an unreadable or special file in the corpus)."""
    from kit import __version__
    from kit.cache_keys import alias_file, model_identity, package_fingerprint, user_data_fingerprint

    digest = hashlib.sha256()

    def part(*values) -> None:
        for value in values:
            digest.update(str(value).encode("utf-8", "surrogateescape"))
            digest.update(b"\0")

    part(FORMAT, *command, "out", os.path.abspath(out))
    for name, value in sorted(options.items()):
        part("option", name, repr(value))
    try:
        for path in corpus:
            part("corpus", path, os.path.abspath(path))
            if not _hash_tree(Path(path), digest):
                return None
        part("kit", __version__, package_fingerprint())
        part("model", model_identity(options.get("model")))
        part("aliases", alias_file(), user_data_fingerprint())
    except Exception:  # noqa: BLE001 - no key, no cache: the run itself reports what is wrong
        return None
    for name, value in sorted(os.environ.items()):
        if name.startswith("KIT_"):
            part("env", name, value)
    part("python", sys.version, sys.implementation.name, sys.executable)
    for distribution in _distributions():
        part("dist", distribution)
    return digest.hexdigest()


def _hash_tree(path: Path, digest) -> bool:
    """Add the names and bytes of ``path`` (a file, or every file under a folder) to ``digest``; False if unreadable."""
    try:
        status = os.stat(path)
    except OSError:
        return False
    if stat.S_ISREG(status.st_mode):
        return _hash_file(path, path.name, digest)
    if not stat.S_ISDIR(status.st_mode):
        return False  # a FIFO or a device: never cached
    for folder, folders, files in os.walk(path, onerror=_raise):
        folders.sort()
        for name in sorted(files + [f for f in folders if os.path.islink(os.path.join(folder, f))]):
            file = Path(folder) / name
            relative = file.relative_to(path).as_posix()
            if file.is_dir():  # a symlinked folder (os.walk does not follow it): its files count too
                digest.update(f"link-folder\0{relative}\0".encode("utf-8", "surrogateescape"))
                if not _hash_tree(file, digest):
                    return False
            elif not _hash_file(file, relative, digest):
                return False
    return True


def _raise(error: OSError) -> None:
    raise error


def _hash_file(path: Path, name: str, digest) -> bool:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        digest.update(f"file\0{name}\0".encode("utf-8", "surrogateescape"))
        with open(path, "rb") as stream:
            size = 0
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                digest.update(chunk)
                size += len(chunk)
        digest.update(f"\0{size}\0".encode())
    except OSError:
        return False
    return True


def _distributions() -> list[str]:
    """The installed distributions as ``name-version`` (their ``*.dist-info`` / ``*.egg-info`` folder names)."""
    names = set()
    for entry in sys.path:
        # Spelt as resolved folders: "" (python -c) and the same folder named in full
        # (python -m, pytest) are one place, so both name the same run.
        folder = os.path.realpath(entry or ".")
        try:
            names.update(f"{folder}:{name}" for name in os.listdir(folder)
                         if name.endswith((".dist-info", ".egg-info", ".egg-link", ".pth")))
        except OSError:
            continue
    return sorted(names)


def entry_folder(cache_directory: Path, key: str) -> Path:
    """Where the run named ``key`` is stored in the cache folder."""
    if len(key) != 64 or not all(c in "0123456789abcdef" for c in key):
        raise ValueError(f"not a run key: {key!r}")
    return Path(cache_directory) / FORMAT / key[:2] / key


def store_run(cache_directory: Path, key: str, out: Path, lines: list[str]) -> bool:
    """Keep the run just written in ``out`` (its manifest's files and the report) under ``key``.

    ``lines``: what the command printed, shown again on a hit. Written to a temporary
    folder renamed into place, so a reader sees a whole entry or none. False (and nothing
    stored) when ``out`` does not hold a whole run or the cache cannot be written.
    """
    from kit.saving import MANIFEST, _manifest_files, make_folder, read_regular_file

    out = Path(out)
    files = _manifest_files(out)
    if not files:
        return False
    names = [*sorted(files), MANIFEST, *REPORT_FILES]
    target = entry_folder(cache_directory, key)
    temporary = None
    try:
        make_folder(target.parent, inside=cache_directory)
        temporary = Path(tempfile.mkdtemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=target.parent))
        index = {}
        for number, name in enumerate(names):
            data = read_regular_file(out / name, MAX_FILE_BYTES)
            if data is None or (name in files and hashlib.sha256(data).hexdigest() != files[name]["sha256"]):
                shutil.rmtree(temporary, ignore_errors=True)
                return False  # not the run just written (changed meanwhile): nothing to keep
            stored = f"{number}.bin"  # the stored names are the kit's own, never the run's
            (temporary / stored).write_bytes(data)
            index[name] = {"file": stored, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
        record = {"format": FORMAT, "key": key, "files": index, "lines": [str(line) for line in lines]}
        (temporary / "index.json").write_text(json.dumps(record, indent=1), encoding="utf-8")  # last: marks it whole
        if os.path.lexists(target):
            shutil.rmtree(target, ignore_errors=True)
        os.replace(temporary, target)
    except OSError:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
        return False
    return True


def restore_run(cache_directory: Path, key: str, out: Path) -> list[str] | None:
    """Write the run stored under ``key`` into ``out``; returns the lines it printed, or None when absent.

    Every file is read and checked against the index before anything is written; a
    damaged entry raises :class:`DamagedEntry` (and is removed), ``out`` untouched.
    """
    from kit.saving import MANIFEST, _safe_member, read_regular_file, save_tables, write_bytes

    folder = entry_folder(cache_directory, key)
    if not os.path.lexists(folder):
        return None
    try:
        if folder.is_symlink() or not folder.is_dir():
            raise DamagedEntry(f"{folder}: not a folder")
        raw = read_regular_file(folder / "index.json", MAX_INDEX_BYTES)
        if raw is None:
            raise DamagedEntry(f"{folder / 'index.json'}: missing or not a regular file")
        try:
            record = json.loads(raw.decode("utf-8"))
            index, lines = record["files"], record["lines"]
            if record.get("format") != FORMAT or record.get("key") != key:
                raise ValueError("another format or key")
            if not isinstance(index, dict) or not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
                raise ValueError("not an index")
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
            raise DamagedEntry(f"{folder / 'index.json'}: damaged ({error})") from error
        contents = {}
        for name, entry in index.items():
            if not (name == MANIFEST or _safe_member(name)) or not isinstance(entry, dict):
                raise DamagedEntry(f"{folder / 'index.json'}: bad entry {name!r}")
            stored = entry.get("file")
            if not isinstance(stored, str) or not stored.endswith(".bin") or not stored[:-4].isdigit():
                raise DamagedEntry(f"{folder / 'index.json'}: bad stored name for {name!r}")
            data = read_regular_file(folder / stored, MAX_FILE_BYTES)
            if data is None or hashlib.sha256(data).hexdigest() != entry.get("sha256"):
                raise DamagedEntry(f"{folder / stored} ({name}): missing or its checksum does not match")
            contents[name] = data
        if MANIFEST not in contents or not all(name in contents for name in REPORT_FILES):
            raise DamagedEntry(f"{folder}: the manifest or the report is missing")
    except DamagedEntry:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    except OSError as error:
        raise DamagedEntry(f"{folder}: unreadable ({error})") from error
    manifest = contents.pop(MANIFEST)
    report = {name: contents.pop(name) for name in REPORT_FILES}
    try:
        files = json.loads(manifest.decode("utf-8"))["files"]
        if set(files) != set(contents):
            raise ValueError("the manifest does not list the stored files")
    except (ValueError, KeyError, TypeError) as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise DamagedEntry(f"{folder}: the stored manifest is damaged ({error})") from error
    # The tables as one run (checksums in a new manifest, switched in whole), then the report.
    save_tables(out, {}, contents)
    umask = os.umask(0)
    os.umask(umask)
    for name, data in report.items():
        os.chmod(write_bytes(Path(out) / name, data), 0o666 & ~umask)  # as kit.report writes them
    return lines
