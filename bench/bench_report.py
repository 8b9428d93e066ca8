"""How long `python -m kit report` takes on 41 articles: cold cache, then cached.

The corpus is the seed wire story plus the first 40 Wikinews articles of the
bundled corpus (data/), copied into a temporary folder; the analysis cache is a
fresh temporary folder (KIT_CACHE), so the first run is cold and the second one
reads every article from the cache (and, the inputs being unchanged, copies the whole
report back: kit/report_cache.py); a third run with a new title reads every article from
the cache but runs the template. Each run is a new process, timed from outside (imports
included: what a user waits for), in wall-clock and CPU seconds (steadier on a loaded machine).

Target (issue 19): the cached run at most 10% of the cold one.

    .venv/bin/python bench/bench_report.py
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus(folder: Path, n_wikinews: int = 40) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in (ROOT / "data" / "wire").glob("*.txt"):
        shutil.copy(path, folder / path.name)
    lines = (ROOT / "data" / "wikinews" / "articles.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / "articles.jsonl").write_text("".join(lines[:n_wikinews]), encoding="utf-8")
    return folder


#: The command line run in the child, then a line saying whether spaCy and pandas were imported.
CHILD = ("import sys; from kit.cli import main; code = main(sys.argv[1:]); "
         "print('imported:', *(name for name in ('spacy', 'pandas') if name in sys.modules), file=sys.stderr); "
         "sys.exit(code)")


def run(corpus_folder: Path, out: Path, cache: Path, *extra: str) -> tuple[float, float, str]:
    """Wall-clock and CPU seconds (user + system) of one ``python -m kit report`` process, and what it imported."""
    environment = dict(os.environ, KIT_CACHE=str(cache), PYTHONPATH=str(ROOT))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD, "report", str(corpus_folder), "--out", str(out), "--quiet",
                           *extra], check=True, env=environment, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    imported = done.stderr.strip().splitlines()[-1].removeprefix("imported:").strip() or "neither spaCy nor pandas"
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), imported


def measure_report() -> dict[str, str]:
    with tempfile.TemporaryDirectory() as temporary:
        temporary = Path(temporary)
        folder = corpus(temporary / "corpus")
        load = os.getloadavg()[0]
        cold, cold_cpu, _ = run(folder, temporary / "out", temporary / "cache")
        cached, cached_cpu, cached_imports = run(folder, temporary / "out", temporary / "cache")
        # every article cached but not the run (a new title): the template runs; spaCy need not be imported
        titled, titled_cpu, titled_imports = run(folder, temporary / "out", temporary / "cache", "--title", "Another")
        environment = dict(os.environ, PYTHONPATH=str(ROOT))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-c", "import kit"], check=True, env=environment)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        imports = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "report, cold cache (41 articles)": f"{cold:.1f} s wall, {cold_cpu:.2f} s CPU (load {load:.1f} on "
                                            f"{os.cpu_count()} CPUs)",
        "report, cached (41 articles)": f"{cached:.2f} s wall ({cached / cold:.0%} of cold), {cached_cpu:.2f} s CPU "
                                        f"({cached_cpu / cold_cpu:.1%} of cold; target 10%); imported: {cached_imports}",
        "report, articles cached, new title": f"{titled:.1f} s wall, {titled_cpu:.2f} s CPU ({titled_cpu / cold_cpu:.0%} "
                                              f"of cold; the template runs); imported: {titled_imports}",
        "`import kit` alone": f"{imports:.2f} s CPU",
    }


def main() -> int:
    for name, value in measure_report().items():
        print(f"{name:40} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
