"""How long `python -m kit report` takes on 41 articles: cold cache, then cached.

The corpus is the seed wire story plus the first 40 Wikinews articles of the
bundled corpus (data/), copied into a temporary folder; the analysis cache is a
fresh temporary folder (KIT_CACHE), so the first run is cold and the second one
reads every article from the cache. Each run is a new process, timed from outside
(imports included: what a user waits for).

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


def run(corpus_folder: Path, out: Path, cache: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one ``python -m kit report`` process."""
    environment = dict(os.environ, KIT_CACHE=str(cache), PYTHONPATH=str(ROOT))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kit", "report", str(corpus_folder), "--out", str(out), "--quiet"],
                   check=True, env=environment, cwd=ROOT)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure_report() -> dict[str, str]:
    with tempfile.TemporaryDirectory() as temporary:
        temporary = Path(temporary)
        folder = corpus(temporary / "corpus")
        load = os.getloadavg()[0]
        cold, cold_cpu = run(folder, temporary / "out", temporary / "cache")
        cached, cached_cpu = run(folder, temporary / "out", temporary / "cache")
        # the tables cached but not the page (a new title): what a changed template or plot costs
        environment = dict(os.environ, KIT_CACHE=str(temporary / "cache"), PYTHONPATH=str(ROOT))
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kit", "report", str(folder), "--out", str(temporary / "out"),
                        "--quiet", "--title", "Another title"], check=True, env=environment, cwd=ROOT)
        tables_only = time.perf_counter() - started
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import kit"], check=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
        imports = time.perf_counter() - start
    return {
        "report, cold cache (41 articles)": f"{cold:.1f} s wall, {cold_cpu:.1f} s CPU (load {load:.1f} on "
                                            f"{os.cpu_count()} CPUs)",
        "report, cached (41 articles)": f"{cached:.1f} s wall ({cached / cold:.0%} of cold), {cached_cpu:.1f} s CPU "
                                        f"({cached_cpu / cold_cpu:.0%} of cold; target 10%)",
        "report, tables cached, page not": f"{tables_only:.1f} s wall (a new title: the template runs)",
        "of which `import kit` alone": f"{imports:.2f} s",
    }


def main() -> int:
    for name, value in measure_report().items():
        print(f"{name:40} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
