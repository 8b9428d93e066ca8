"""`make bench`: speed and memory of the kit, printed side by side in one run.

    .venv/bin/python bench/run.py            # everything (about half an hour on 2 cores)
    .venv/bin/python bench/run.py --quick    # a short run on fewer articles (a few minutes)
    .venv/bin/python bench/run.py --only analyze,cache   # some parts only

Parts (bench/README.md says what each number means and gives the last figures):

- ``read``      read_corpus articles/s (bench/bench_read.py's measure_read), beside open().read()
- ``analyze``   kit.analyze against bare ``nlp.pipe`` with the same model on the
                293 Wikinews articles: words/s and the kit's overhead (target: within 15%)
- ``processes`` kit.analyze with n_process=2 against 1 on 2,000 articles (target 1.7x), the load said
- ``cache``     a cached rerun against the cold run (target: under 5% of cold)
- ``report``    ``python -m kit report`` on 41 articles, cold then cached (target: 10%)
- ``dask``      engine="dask" on a 2-worker LocalCluster against the local engine
- ``dask_files`` the workers read files and write partitions, the client runs the corpus step:
                100,000 articles (the bundled ones repeated with new ids), the per-article
                cache warm; wall time, articles/s and the client's peak memory
- ``memory``    peak memory of kit.streaming.analyze_to (what ``python -m kit analyze`` runs) at
                1,000, 10,000 and 50,000 articles (a synthetic corpus repeating the bundled
                one), each in a fresh subprocess sharing one per-article cache (target: under
                1.5 GB, and within 10% of the 10,000 peak at 50,000); kit.analyze, whose
                result holds every table, at the largest size beside it
- ``widgets``   bench/bench_widgets.py, if present

Timings are wall-clock on whatever else the machine is doing: compare figures from
the same run, side by side, not across runs.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from anywhere, with or without an installed kit

import pandas as pd  # noqa: E402

PARTS = ("read", "analyze", "extractors", "processes", "cache", "report", "dask", "dask_files", "memory", "widgets")
TARGETS = {"overhead": 0.15, "cached_share": 0.05, "peak_mb": 1500}


def wikinews_articles(count: int | None = None, repeat_to: int | None = None) -> pd.DataFrame:
    """The bundled Wikinews articles as an articles table (body = text); repeated to ``repeat_to`` rows."""
    records = [json.loads(line) for line in (ROOT / "data/wikinews/articles.jsonl").read_text(encoding="utf-8").splitlines()]
    records = records[:count] if count else records
    if repeat_to:
        records = [records[i % len(records)] for i in range(repeat_to)]
    return pd.DataFrame(
        {
            "article_id": [f"{i:06d}-{r['id']}" for i, r in enumerate(records)],
            "body": [r["text"] for r in records],
            "published": pd.to_datetime([r["date"] for r in records], errors="coerce"),
        }
    )


def words(articles: pd.DataFrame) -> int:
    return int(articles["body"].str.split().str.len().sum())


def timed(function, *arguments, **options) -> tuple[float, object]:
    started = time.perf_counter()
    result = function(*arguments, **options)
    return time.perf_counter() - started, result


# --- parts -----------------------------------------------------------------------------


def _sibling(name: str):
    """The module of bench/<name>.py (scripts, not a package), or None when it is absent."""
    path = ROOT / "bench" / f"{name}.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bench_read(quick: bool) -> list[tuple[str, str]]:
    module = _sibling("bench_read")
    if module is None:
        return [("read_corpus", "bench/bench_read.py not found")]
    result = module.measure_read(300 if quick else 3000)
    return [
        ("read_corpus", f"{result['articles_per_second']:,.0f} articles/s, {result['megabytes_per_second']} MB/s, "
                        f"{result['articles_per_cpu_second']:,.0f} articles per CPU second (target 5,000) "
                        f"({result['articles']} wire files, {result['megabytes']} MB, {result['problems']} problems)"),
        ("plain open().read()", f"{result['plain_files_per_second']:,.0f} files/s, "
                                f"{result['plain_megabytes_per_second']} MB/s, "
                                f"{result['plain_files_per_cpu_second']:,.0f} per CPU second (the same files, decoded)"),
    ]


def bench_extractors_part(articles: pd.DataFrame, repeats: int) -> list[tuple[str, str]]:
    module = _sibling("bench_extractors")
    if module is None:
        return [("extractors", "bench/bench_extractors.py not found")]
    return module.measure_extractors(articles, repeats)


def bench_report_part() -> list[tuple[str, str]]:
    module = _sibling("bench_report")
    if module is None:
        return [("report", "bench/bench_report.py not found")]
    return list(module.measure_report().items())


def bench_analyze(articles: pd.DataFrame, repeats: int, state: dict) -> list[tuple[str, str]]:
    import kit
    from kit.analysis import article_rows
    from kit.nlp import load_model

    nlp = load_model()  # loaded once, outside every timing
    kit.analyze(articles.head(3), cache=False, progress=False)  # the extractors' lookups, built once
    texts = list(articles["body"])
    n_words = words(articles)

    def bare():
        for _ in nlp.pipe(texts, batch_size=64):
            pass

    # Interleaved, best of each: other work on the machine disturbs both alike.
    bare_runs, rows_runs, kit_runs = [], [], []
    for _ in range(repeats):
        bare_runs.append(timed(bare))
        rows_runs.append(timed(article_rows, articles["body"], cache=False, progress=False))
        kit_runs.append(timed(kit.analyze, articles, cache=False, progress=False))
    bare_seconds = min(run[0] for run in bare_runs)
    rows_seconds = min(run[0] for run in rows_runs)
    kit_seconds, result = min(kit_runs, key=lambda run: run[0])
    state.update(kit_seconds=kit_seconds, result=result)
    overhead = kit_seconds / bare_seconds - 1
    verdict = "meets" if overhead <= TARGETS["overhead"] else "MISSES"
    return [
        ("bare nlp.pipe", f"{n_words / bare_seconds:,.0f} words/s ({bare_seconds:.1f} s, {len(articles)} articles, {n_words:,} words)"),
        ("kit.analyze", f"{n_words / kit_seconds:,.0f} words/s ({kit_seconds:.1f} s): "
                        f"{overhead:+.0%} over bare spaCy, {verdict} the {TARGETS['overhead']:.0%} target"),
        ("  of which: parse + extract", f"{rows_seconds:.1f} s (extractors: {rows_seconds - bare_seconds:+.1f} s over the parse)"),
        ("  of which: corpus step", f"{kit_seconds - rows_seconds:.1f} s (actors merged across articles, tables built)"),
        ("  tables", repr(result)),
    ]


def bench_processes(articles: pd.DataFrame, state: dict) -> list[tuple[str, str]]:
    """n_process=2 against 1 on the same articles, side by side; the load average said, since the
    machine's other work takes cores from the workers."""
    import kit

    load = os.getloadavg()[0]
    cpu = time.process_time()
    one, reference = timed(kit.analyze, articles, cache=False, progress=False)
    one_cpu = time.process_time() - cpu
    two, result = timed(kit.analyze, articles, cache=False, progress=False, n_process=2)
    same = _same_tables(result, reference)
    return [
        ("n_process=1", f"{words(articles) / one:,.0f} words/s ({one:.1f} s wall, {one_cpu:.1f} s CPU, "
                        f"{len(articles):,} articles)"),
        ("n_process=2", f"{words(articles) / two:,.0f} words/s ({two:.1f} s, {one / two:.2f}x, target 1.7x; "
                        f"includes starting 2 workers; {os.cpu_count()} CPUs, load average {load:.1f} before, "
                        f"{os.getloadavg()[0]:.1f} after){same}"),
    ]


def bench_cache(articles: pd.DataFrame) -> list[tuple[str, str]]:
    import kit
    from kit.cache import ArticleCache

    with tempfile.TemporaryDirectory() as folder:
        cold, first = timed(kit.analyze, articles, cache=folder, progress=False)
        cache = ArticleCache(folder)
        warm, second = timed(kit.analyze, articles, cache=cache, progress=False)
        grown = ArticleCache(folder)
        extra = pd.DataFrame({"article_id": ["added"], "body": [articles["body"].iloc[0] + " One more sentence."]})
        added, _ = timed(kit.analyze, pd.concat([articles, extra], ignore_index=True), cache=grown, progress=False)
        size = sum(p.stat().st_size for p in Path(folder).rglob("*.json"))
    share = warm / cold
    verdict = "meets" if share <= TARGETS["cached_share"] else "MISSES"
    return [
        ("cold run, filling the cache", f"{cold:.2f} s ({size / 1e6:.1f} MB in {len(articles)} entries)"),
        ("cached rerun", f"{warm:.2f} s = {share:.1%} of cold, {verdict} the {TARGETS['cached_share']:.0%} target "
                         f"(unchanged corpus: its tables read back whole){_same_tables(second, first)}"),
        ("one article added", f"{added:.2f} s = {added / cold:.1%} of cold ({grown.stats['hits']} articles read back, "
                              f"{grown.stats['writes']} analysed, the corpus-level step run again)"),
    ]


def bench_dask(articles: pd.DataFrame, state: dict) -> list[tuple[str, str]]:
    import kit
    from distributed import Client

    from kit.engine_dask import ModelLoader, local_cluster

    started, (cluster) = timed(local_cluster, n_workers=2)
    client = Client(cluster)
    try:
        warmup, _ = timed(client.register_plugin, ModelLoader(None), name=ModelLoader.name)
        seconds, result = timed(kit.analyze, articles, engine="dask", client=client, cache=False, progress=False)
    finally:
        client.close()
        cluster.close()
    local = state.get("kit_seconds") or timed(kit.analyze, articles, cache=False, progress=False)[0]
    return [
        ("local engine", f"{words(articles) / local:,.0f} words/s ({local:.1f} s)"),
        ("dask, 2-worker LocalCluster", f"{words(articles) / seconds:,.0f} words/s ({seconds:.1f} s, {local / seconds:.2f}x; "
                                       f"cluster start {started:.1f} s and model load {warmup:.1f} s not included)"
                                       f"{_same_tables(result, state.get('result'))}"),
    ]


def bench_memory(sizes: list[int]) -> list[tuple[str, str]]:
    """Peak memory of analyze_to at each size (and of analyze at the largest), each in a fresh process,
    sharing one per-article cache.

    The corpus repeats the 293 Wikinews bodies with new ids: the first (smallest) run parses
    them cold (the model loaded, the cache filled), the larger ones read the per-article rows
    back (no model: their peak is the rows and the corpus step) and run the whole corpus step.
    """
    lines = []
    peaks = {}
    runs = [(size, "streamed") for size in sizes] + [(sizes[-1], "memory")]
    with tempfile.TemporaryDirectory() as cache:
        for number, (size, mode) in enumerate(runs):
            done = subprocess.run(
                [sys.executable, str(Path(__file__).resolve()), "--memory-child", str(size), "--memory-cache", cache,
                 "--memory-mode", mode],
                capture_output=True, text=True, cwd=ROOT,
            )
            label = f"{'analyze_to' if mode == 'streamed' else 'kit.analyze (tables in memory)'}, {size:,} articles"
            if done.returncode:
                lines.append((label, f"failed: {done.stderr.strip().splitlines()[-1:]}"))
                continue
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            if mode == "streamed":
                peaks[size] = figures["peak_mb"]
            verdict = "meets" if figures["peak_mb"] <= TARGETS["peak_mb"] else "MISSES"
            how = "cold: model loaded, 293 bodies parsed" if number == 0 else "per-article cache warm, no model"
            lines.append((label, f"{figures['peak_mb']:,.0f} MB peak ({verdict} the {TARGETS['peak_mb']:,} MB target; "
                                 f"{how}); {figures['ready_mb']:,.0f} MB before; {figures['seconds']:.0f} s wall, "
                                 f"{figures['cpu_seconds']:.0f} s CPU, {figures['mentions']:,} mentions"))
    if len(peaks) >= 3:
        (small, first), (middle, second), (large, third) = sorted(peaks.items())[-3:]
        growth = third / second - 1
        verdict = "meets" if growth <= 0.10 else "MISSES"
        lines.append(("growth (analyze_to)", f"{second - first:+,.0f} MB from {small:,} to {middle:,}, "
                                             f"{third - second:+,.0f} MB ({growth:+.0%}) from {middle:,} to {large:,} "
                                             f"articles: {verdict} the within-10% target"))
    return lines


def memory_child(size: int, cache: str | None, mode: str = "streamed") -> None:
    """Run in a fresh process: analyse ``size`` synthetic articles and print the peak RSS as JSON.

    ``mode`` "streamed": ``kit.streaming.analyze_to`` into a temporary folder (what ``python -m
    kit analyze`` runs: the tables go to disk partition by partition); "memory": ``kit.analyze``
    (its result, every table, held in memory).
    """
    import kit
    from kit.streaming import analyze_to, row_counts

    articles = wikinews_articles(repeat_to=size)
    ready = _peak_mb()
    cpu = time.process_time()
    with tempfile.TemporaryDirectory() as out:
        if mode == "memory":
            seconds, result = timed(kit.analyze, articles, cache=cache or False, progress=False)
            mentions = len(result.mentions)
        else:
            seconds, _ = timed(analyze_to, articles, out, cache=cache or False, progress=False)
            mentions = row_counts(out)["mentions"]
    print(json.dumps({"peak_mb": _peak_mb(), "ready_mb": ready, "seconds": seconds, "mentions": mentions,
                      "cpu_seconds": time.process_time() - cpu, "mode": mode}))


def bench_dask_files(size: int, cache: str | None = None) -> list[tuple[str, str]]:
    """``analyze_files`` (the workers read the files) on ``size`` articles, in a fresh process (its peak
    is the client's; the workers are processes of their own), the per-article cache warm.

    The corpus: the bundled Wikinews records repeated with new ids, as JSON Lines files of 1,000
    articles (one partition each). The cache is filled first on one copy of the 293 (its parse timed
    apart), so the run measures reading, the cache, writing the partitions and the corpus step.
    """
    with tempfile.TemporaryDirectory() as folder:
        cache = cache or str(Path(folder) / "cache")
        done = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--dask-child", str(size), "--memory-cache", cache],
            capture_output=True, text=True, cwd=ROOT,
        )
    if done.returncode:
        return [(f"dask from files, {size:,} articles", f"failed: {done.stderr.strip().splitlines()[-3:]}")]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    verdict = "meets" if figures["peak_mb"] <= TARGETS["peak_mb"] else "MISSES"
    return [
        ("cache filled (293 bodies parsed)", f"{figures['warm_seconds']:.0f} s on the cluster (not in the timing)"),
        (f"dask from files, {size:,} articles", f"{figures['seconds']:.0f} s wall, {size / figures['seconds']:,.0f} "
                                                f"articles/s ({figures['files']} files, {figures['workers']} workers, "
                                                f"per-article cache warm); {figures['mentions']:,} mentions"),
        ("  client peak memory", f"{figures['peak_mb']:,.0f} MB ({verdict} the {TARGETS['peak_mb']:,} MB target; "
                                 f"{figures['ready_mb']:,.0f} MB with the cluster started); client CPU "
                                 f"{figures['cpu_seconds']:.0f} s"),
    ]


def dask_child(size: int, cache: str) -> None:
    """Run in a fresh process: write the synthetic files, fill the cache, time analyze_files; print JSON."""
    from distributed import Client

    from kit.engine_dask import ModelLoader, analyze_files, local_cluster
    from kit.streaming import row_counts

    records = [json.loads(line) for line in (ROOT / "data/wikinews/articles.jsonl").read_text(encoding="utf-8").splitlines()]
    with tempfile.TemporaryDirectory() as folder:
        corpus, warm = Path(folder) / "corpus", Path(folder) / "warm"
        corpus.mkdir()
        warm.mkdir()
        (warm / "wikinews.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        for start in range(0, size, 1000):
            lines = (json.dumps({**records[i % len(records)], "id": f"{i:06d}-{records[i % len(records)]['id']}"})
                     for i in range(start, min(size, start + 1000)))
            (corpus / f"part-{start // 1000:04d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        cluster = local_cluster(n_workers=2)
        client = Client(cluster)
        try:
            client.register_plugin(ModelLoader(None), name=ModelLoader.name)
            warm_seconds, _ = timed(analyze_files, [warm], Path(folder) / "warm-out", client=client, cache=cache, load=False)
            ready = _peak_mb()
            cpu = time.process_time()
            seconds, out = timed(analyze_files, [corpus], Path(folder) / "out", client=client, cache=cache,
                                 partition_files=1, load=False)
            figures = {"peak_mb": _peak_mb(), "ready_mb": ready, "seconds": seconds, "warm_seconds": warm_seconds,
                       "cpu_seconds": time.process_time() - cpu, "files": len(list(corpus.iterdir())),
                       "workers": len(client.scheduler_info()["workers"]), "mentions": row_counts(out)["mentions"]}
        finally:
            client.close()
            cluster.close()
    print(json.dumps(figures))


def bench_widgets(quick: bool) -> list[tuple[str, str]]:
    module = _sibling("bench_widgets")
    if module is None:
        return [("widgets", "bench/bench_widgets.py not found")]
    function = next(
        (getattr(module, name) for name in ("measure_widgets", "measure", "run", "main") if callable(getattr(module, name, None))),
        None,
    )
    if function is None:
        return [("widgets", "bench/bench_widgets.py has no measure_widgets()")]
    result = function(quick=quick) if "quick" in function.__code__.co_varnames else function()
    if isinstance(result, dict):
        return [(f"widgets: {key}", str(value)) for key, value in result.items()]
    if isinstance(result, (list, tuple)) and all(isinstance(r, tuple) and len(r) == 2 for r in result):
        return [(str(k), str(v)) for k, v in result]
    return [("widgets", str(result))]


# --- running and printing ----------------------------------------------------------------


def _peak_mb() -> float:
    """Peak resident memory of this process in MB.

    Linux's VmHWM belongs to this program alone; ru_maxrss there carries the parent's peak
    across fork and exec, so it would report the bench's own memory for every child.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _same_tables(result, reference) -> str:
    if result is None or reference is None:
        return ""
    for name in ("mentions", "actors", "figures", "quotes"):
        if not getattr(result, name).equals(getattr(reference, name)):
            return f"; NOT the same {name} table"
    return "; same tables"


def print_part(title: str, lines: list[tuple[str, str]]) -> None:
    print(f"\n{title}")
    width = max(len(label) for label, _ in lines) if lines else 0
    for label, value in lines:
        print(f"  {label:<{width}}  {value}")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer articles, one repeat: a few minutes")
    parser.add_argument("--only", help=f"comma-separated parts among {', '.join(PARTS)}")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--memory-cache", help=argparse.SUPPRESS)
    parser.add_argument("--memory-mode", default="streamed", help=argparse.SUPPRESS)
    parser.add_argument("--dask-child", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.dask_child:
        dask_child(options.dask_child, options.memory_cache)
        return 0
    if options.memory_child:
        memory_child(options.memory_child, options.memory_cache, options.memory_mode)
        return 0
    parts = options.only.split(",") if options.only else list(PARTS)
    unknown = set(parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown part(s) {sorted(unknown)}; choose from {', '.join(PARTS)}")

    quick = options.quick
    articles = wikinews_articles(60 if quick else None)
    repeats = 2 if quick else 3
    state: dict = {}
    print(f"kit bench{' (quick)' if quick else ''}: {len(articles)} Wikinews articles, {words(articles):,} words; "
          f"{os.cpu_count()} CPUs; {time.strftime('%Y-%m-%d %H:%M')}")
    runs = {
        "read": ("read_corpus", lambda: bench_read(quick)),
        "analyze": ("kit.analyze against bare spaCy (same model, model loaded beforehand)",
                    lambda: bench_analyze(articles, repeats, state)),
        "extractors": ("each extractor's share of analysis time (CPU, articles parsed once)",
                       lambda: bench_extractors_part(articles, repeats)),
        "processes": ("n_process 2 against 1", lambda: bench_processes(
            articles if quick else wikinews_articles(repeat_to=2000), state)),
        "cache": ("cached rerun against cold", lambda: bench_cache(articles)),
        "report": ("python -m kit report, cold against cached (41 articles, fresh processes)", bench_report_part),
        "dask": ("Dask LocalCluster against local", lambda: bench_dask(articles, state)),
        "memory": ("peak memory (fresh process each)", lambda: bench_memory([300, 1000, 3000] if quick else [1000, 10000, 50000])),
        "dask_files": ("dask from files: the workers read, the client runs the corpus step (fresh process)",
                       lambda: bench_dask_files(3000 if quick else 100_000)),
        "widgets": ("widgets", lambda: bench_widgets(quick)),
    }
    for part in parts:
        title, run = runs[part]
        try:
            print_part(title, run())
        except Exception as error:  # one broken part must not hide the others
            print_part(title, [("failed", f"{type(error).__name__}: {error}")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
