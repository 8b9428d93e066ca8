"""Is any text of a measuring-only corpus copied into the project? A licence check anyone can run.

PolNeAR's articles and the saved web pages (``../shared/corpora/polnear``, ``.../pages``)
may be measured on, never copied into the project: a test sentence, docstring or comment
must be written by us, of the same form. This script finds every run of ``--words`` words
(default 7) that a project file shares with one of those texts, so a near-copy is caught
before it is committed. Words are compared lower-cased, punctuation stripped.

Scanned: the files git tracks under kit/, tests/, bench/, notebooks/ and the top-level
Markdown (or the files named), except the examples of corpora we may copy with their
credit (:data:`COPYABLE`: IPTC's examples; Wikinews lives in data/, not scanned). A short stock phrase ("in a statement on Tuesday") may match by chance; a
hit is a line to read, not proof of a copy.

Run: ``.venv/bin/python bench/check_copies.py [--words 7] [FILE ...]`` (exit 1 when a run
is shared). It says so and exits 0 when ``../shared`` is not there.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"
SCANNED = ("kit", "tests", "bench", "notebooks")
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
#: Folders of texts we may copy (with their credit), not scanned.
COPYABLE = ("tests/samples/iptc/",)
TEXT_SUFFIXES = {".py", ".md", ".ipynb", ".txt", ".toml", ".yml", ".yaml", ".cfg", ".html", ".j2", ".json"}


def words_of(text: str) -> list[str]:
    """The lower-cased words of a text, punctuation and quote marks dropped.

    >>> words_of("The deal, he said, “would collapse.”")
    ['the', 'deal', 'he', 'said', 'would', 'collapse']
    """
    return WORD.findall(text.lower().replace("\u2019", "'"))


def shingles(words: list[str], n: int) -> set[tuple[str, ...]]:
    """Every run of ``n`` consecutive words.

    >>> sorted(shingles(["a", "b", "c", "d"], 3))
    [('a', 'b', 'c'), ('b', 'c', 'd')]
    """
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def protected_texts(shared: Path = SHARED) -> dict[str, str]:
    """The measuring-only texts: PolNeAR's articles and the saved pages' visible text, by name."""
    texts = {}
    for split in ("train", "dev"):
        path = shared / "polnear" / f"{split}.jsonl"
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    texts[f"polnear/{record['id']}"] = record["text"]
    pages = shared / "pages" / "trafilatura-cache"
    if pages.is_dir():
        from lxml import html

        for page in sorted(pages.glob("*.htm*")):
            try:
                tree = html.fromstring(page.read_bytes())
            except (ValueError, SyntaxError):  # lxml's parser errors derive from these
                continue
            for bad in tree.xpath("//script|//style"):
                bad.drop_tree()
            texts[f"pages/{page.name}"] = tree.text_content()
    return texts


def project_files(paths: list[str] | None = None) -> list[Path]:
    """The files to scan: those named, else the tracked text files of :data:`SCANNED` and *.md."""
    if paths:
        return [Path(p) for p in paths]
    listed = subprocess.run(["git", "ls-files", *SCANNED, "*.md"], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.split()
    return [ROOT / name for name in listed
            if Path(name).suffix in TEXT_SUFFIXES and not name.startswith(COPYABLE)]


def find_copies(files: list[Path], texts: dict[str, str], n: int = 7) -> list[tuple[Path, int, str, str]]:
    """(file, line number, shared words, protected text's name) for each shared run of ``n`` words."""
    owner: dict[tuple[str, ...], str] = {}
    for name, text in texts.items():
        for run in shingles(words_of(text), n):
            owner.setdefault(run, name)
    hits = []
    for path in files:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (UnicodeDecodeError, OSError):
            continue
        # runs may cross line breaks: words are numbered by line, then shingled together
        numbered = [(number, word) for number, line in enumerate(lines, 1) for word in words_of(line)]
        seen = set()
        for i in range(len(numbered) - n + 1):
            run = tuple(word for _, word in numbered[i:i + n])
            if run in owner and run not in seen:
                seen.add(run)
                hits.append((path, numbered[i][0], " ".join(run), owner[run]))
    return hits


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="files to scan (default: the project's tracked text files)")
    parser.add_argument("--words", type=int, default=7, help="length of a shared run (default 7)")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"{SHARED} is not there: nothing to compare with (the check needs the shared corpora)")
        return 0
    texts = protected_texts()
    files = project_files(args.files)
    hits = find_copies(files, texts, args.words)
    for path, line, run, name in hits:
        shown = path.relative_to(ROOT) if path.is_absolute() and path.is_relative_to(ROOT) else path
        print(f"{shown}:{line}: {run!r} (also in {name})")
    print(f"{len(files)} files scanned against {len(texts)} measuring-only texts: "
          f"{len(hits)} shared runs of {args.words} words")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
