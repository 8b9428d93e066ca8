"""Does read_corpus give the same tables as it did at another commit? (a guard for speed work on reading)

Reads the bundled corpus (``data/``), ``tests/samples``, the hostile corpus of
``tests/hostile/make_hostile.py`` and the wire files of ``bench/bench_read.py``
with this worktree's kit and with the kit of ``--base`` (a git ref, unpacked
into a temporary folder with ``git archive``), each in its own process, then
compares ``articles``, ``problems``, ``skipped`` and ``credits`` cell by cell
(with and without ``latest_only``). ``../shared/corpora`` is read too when it is
there (it is not copied anywhere). Exit status 1 when anything differs.

    .venv/bin/python bench/check_read_same.py --base main
    .venv/bin/python bench/check_read_same.py --base HEAD~3 --wire-files 500
"""

from __future__ import annotations

import argparse
import os
import pickle
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "corpora"


def inputs(scratch: Path, wire_files: int) -> dict[str, list[str]]:
    """Name -> the paths read_corpus is given (relative to the repository root, as users give them)."""
    sys.path.insert(0, str(ROOT / "tests" / "hostile"))
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_read
    import make_hostile

    hostile = scratch / "hostile"
    hostile.mkdir()
    make_hostile.write_hostile_corpus(hostile)
    wire = scratch / "wire"
    wire.mkdir()
    for name, text in bench_read.wire_files(wire_files):
        (wire / name).write_bytes(text.encode("utf-8"))
    named = {"data": ["data"], "data_wire": ["data/wire"], "samples": ["tests/samples"], "hostile": [str(hostile)],
             "bench_wire": [str(wire)]}
    for sample in sorted((ROOT / "tests" / "samples").rglob("*")):
        if sample.is_file():
            named["sample " + sample.relative_to(ROOT).as_posix()] = [sample.relative_to(ROOT).as_posix()]
    if SHARED.is_dir():
        for corpus in sorted(SHARED.iterdir()):
            if corpus.is_dir():
                named["shared " + corpus.name] = [str(corpus)]
    else:
        print(f"({SHARED} is absent: the shared corpora are not compared)")
    return named


_READ = r"""
import pickle, sys, warnings
warnings.simplefilter("ignore")
import kit
named, out = pickle.load(open(sys.argv[1], "rb")), {}
for name, paths in named.items():
    for latest in (False, True):
        try:
            corpus = kit.read_corpus(paths, quiet=True, latest_only=latest)
            out[name, latest] = {"articles": corpus.articles, "problems": corpus.problems,
                                 "skipped": corpus.skipped, "credits": corpus.credits}
        except Exception as error:
            out[name, latest] = {"error": repr(error)}
pickle.dump(out, open(sys.argv[2], "wb"))
"""


def read_with(kit_root: Path, named_file: Path, out: Path) -> dict:
    """Run read_corpus on every input with the kit found in ``kit_root``, from this repository's root."""
    env = dict(os.environ, PYTHONPATH=str(kit_root))
    subprocess.run([sys.executable, "-c", _READ, str(named_file), str(out)], cwd=ROOT, env=env, check=True)
    with open(out, "rb") as handle:
        return pickle.load(handle)


def differences(base: dict, new: dict) -> list[str]:
    """What differs between two runs, one line per table that does."""
    import pandas as pd

    found = []
    for key in sorted(set(base) | set(new), key=str):
        if key not in base or key not in new:
            found.append(f"{key}: read in one run only")
            continue
        old_tables, new_tables = base[key], new[key]
        for table in sorted(set(old_tables) | set(new_tables)):
            old, fresh = old_tables.get(table), new_tables.get(table)
            try:
                if isinstance(old, pd.DataFrame) and isinstance(fresh, pd.DataFrame):
                    pd.testing.assert_frame_equal(old, fresh, check_exact=True)
                    # object cells (keyword lists, timestamps) compared as Python values too
                    assert list(map(repr, old.itertuples())) == list(map(repr, fresh.itertuples()))
                else:
                    assert old == fresh, f"{old!r} != {fresh!r}"
            except AssertionError as error:
                found.append(f"{key} {table}: {str(error)[:500]}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="main", help="git ref whose kit gives the expected tables (default: main)")
    parser.add_argument("--wire-files", type=int, default=2000, help="bench wire files to read (default: 2000)")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        base_root = scratch / "base"
        base_root.mkdir()
        archive = subprocess.run(["git", "archive", options.base, "kit"], cwd=ROOT, check=True, capture_output=True)
        with tarfile.open(fileobj=__import__("io").BytesIO(archive.stdout)) as tar:
            tar.extractall(base_root, filter="data")
        named_file = scratch / "inputs.pkl"
        named = inputs(scratch, options.wire_files)
        named_file.write_bytes(pickle.dumps(named))
        base = read_with(base_root, named_file, scratch / "base.pkl")
        new = read_with(ROOT, named_file, scratch / "new.pkl")
    found = differences(base, new)
    print(f"{len(base)} reads compared with {options.base}: {len(found)} differ")
    for line in found:
        print("  " + line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
