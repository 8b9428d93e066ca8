"""Throughput of read_corpus on a few thousand wire files made from the bundled corpus.

The files are written into a temporary folder: the seed story as it is, and
each Wikinews article dressed as an AFP wire story (header line with keywords,
version and a Turkish date, headline, advisory, dateline, body, desk code,
issue footer), cycling through the articles and versions.

    .venv/bin/python bench/bench_read.py            # 3000 files
    .venv/bin/python bench/bench_read.py 500        # fewer

>>> result = measure_read(n_files=20)
>>> result["articles"], result["problems"]
(20, 0)
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kit  # noqa: E402

TURKISH_MONTHS = ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim",
                  "Kasım", "Aralık"]
ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December"]
VERSIONS = ["urgent", "1stlead", "2ndlead"]


def wire_files(n_files: int) -> list[tuple[str, str]]:
    """``(name, text)`` for ``n_files`` wire stories built from the bundled articles."""
    seed = (ROOT / "data/wire/000_3a78acad3bfae3fb.txt").read_text(encoding="utf-8")
    records = [json.loads(line) for line in (ROOT / "data/wikinews/articles.jsonl").read_text(encoding="utf-8").splitlines()]
    files = [("000_seed.txt", seed)]
    for number in range(1, n_files):
        record = records[number % len(records)]
        year, month, day = (int(part) for part in record["date"].split("-"))
        keywords = " ".join(word for word in record["title"].split()[:4] if word.isalpha()) or "news"
        version = VERSIONS[(number // len(records)) % len(VERSIONS)]
        text = (f"{keywords},{version} {day} {TURKISH_MONTHS[month - 1]} {year} - 0{number % 10}:{number % 60:02d}\n\n"
                f"{record['title']} ATTENTION - UPDATES with details /// "
                f"Paris, {ENGLISH_MONTHS[month - 1]} {day}, {year} (AFP) - {record['text']} bur/ec\n\n{number % 300}. Sayı\n")
        files.append((f"{number:05d}.txt", text))
    return files


def measure_read(n_files: int = 3000) -> dict:
    """Write ``n_files`` wire files to a temporary folder, read them, return the figures."""
    with tempfile.TemporaryDirectory() as folder:
        total_bytes = 0
        for name, text in wire_files(n_files):
            data = text.encode("utf-8")
            total_bytes += len(data)
            Path(folder, name).write_bytes(data)
        # The first read in a process loads dateparser's languages and the place
        # names (about a second); time it apart from the steady state.
        started = time.perf_counter()
        kit.read_corpus(Path(folder, "000_seed.txt"), quiet=True)
        from kit.formats import wire

        wire._known_places()  # the geonames place names, loaded on the first dateline after a headline
        warm_up = time.perf_counter() - started
        # The disk limit: the same files opened, read and decoded, nothing else.
        plain_started, plain_cpu = time.perf_counter(), time.process_time()
        for path in sorted(Path(folder).iterdir()):
            with open(path, "rb") as handle:
                handle.read().decode("utf-8")
        plain_seconds = time.perf_counter() - plain_started
        plain_cpu_seconds = time.process_time() - plain_cpu
        started, cpu_started = time.perf_counter(), time.process_time()
        corpus = kit.read_corpus(folder, quiet=True)
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
    return {
        "plain_files_per_second": round(n_files / plain_seconds, 1),
        "plain_files_per_cpu_second": round(n_files / max(plain_cpu_seconds, 1e-6), 1),
        "plain_megabytes_per_second": round(total_bytes / 1e6 / plain_seconds, 1),
        "files": n_files,
        "articles": len(corpus.articles),
        "problems": len(corpus.problems),
        "megabytes": round(total_bytes / 1e6, 1),
        "seconds": round(seconds, 2),
        # CPU time of this process: steadier than the wall clock on a shared machine
        "cpu_seconds": round(cpu_seconds, 2),
        "articles_per_cpu_second": round(len(corpus.articles) / cpu_seconds, 1),
        "warm_up_seconds": round(warm_up, 2),
        "articles_per_second": round(len(corpus.articles) / seconds, 1),
        "megabytes_per_second": round(total_bytes / 1e6 / seconds, 2),
    }


if __name__ == "__main__":
    n_files = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    result = measure_read(n_files)
    print(f"read_corpus: {result['articles']} articles from {result['files']} wire files "
          f"({result['megabytes']} MB) in {result['seconds']} s: "
          f"{result['articles_per_second']} articles/s, {result['megabytes_per_second']} MB/s; "
          f"CPU {result['cpu_seconds']} s ({result['articles_per_cpu_second']} articles per CPU second); "
          f"{result['problems']} problems (first read in the process: {result['warm_up_seconds']} s of loading); "
          f"plain open().read().decode() of the same files: {result['plain_files_per_second']:,.0f} files/s, "
          f"{result['plain_megabytes_per_second']} MB/s")
