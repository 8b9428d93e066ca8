"""Latency of the explorers on 10,000 articles: how long a change of selection takes.

The analysis of the bundled corpus (seed + 293 Wikinews articles, read from the
kit's cache when it is warm) is repeated, with fresh article_ids and dates moved
by a week per copy, until it holds 10,000 articles: no spaCy run is needed.
Each explorer is built once; then each of its controls is changed a few times
and the time from setting ``.value`` to the updated HTML/chart is measured
(the Python side: what a kernel spends before the browser gets the update).

Target: every change under 100 ms (median, CPU time: the machine may be shared; wall beside it).

    .venv/bin/python bench/bench_widgets.py             # 10,000 articles
    .venv/bin/python bench/bench_widgets.py --quick     # 2,000 articles
    .venv/bin/python bench/bench_widgets.py --gold      # repeat the hand-annotated dev set instead
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

TARGET_MS = 100.0


def bundled_analysis():
    """The real analysis of the seed plus Wikinews (the kit's cache makes reruns fast)."""
    import kit

    return kit.analyze(kit.read_corpus([ROOT / "data" / "wire", ROOT / "data" / "wikinews"]), progress=False)


def gold_analysis():
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest_widgets import gold_analysis as build

    return build()


def repeat_analysis(analysis, n_articles: int = 10_000):
    """The analysis's tables repeated until ``n_articles``: fresh ids, dates a week later per copy."""
    from kit.analysis import Analysis

    base = len(analysis.articles)
    copies = -(-n_articles // base)
    tables = {name: [] for name in ("articles", "mentions", "figures", "quotes")}
    for copy in range(copies):
        suffix = f"#{copy}"
        articles = analysis.articles.assign(
            article_id=analysis.articles["article_id"] + suffix,
            published=analysis.articles["published"] + pd.Timedelta(weeks=copy),
        )
        tables["articles"].append(articles)
        for name in ("mentions", "figures", "quotes"):
            table = getattr(analysis, name)
            tables[name].append(table.assign(article_id=table["article_id"] + suffix))
    articles = pd.concat(tables["articles"], ignore_index=True).head(n_articles)
    kept = set(articles["article_id"])
    frames = {name: pd.concat(tables[name], ignore_index=True) for name in ("mentions", "figures", "quotes")}
    frames = {name: frame[frame["article_id"].isin(kept)].reset_index(drop=True) for name, frame in frames.items()}
    counts = frames["mentions"].groupby("actor_id").agg(n_mentions=("actor_id", "size"), n_articles=("article_id", "nunique"))
    actors = analysis.actors.drop(columns=["n_mentions", "n_articles"]).merge(counts, on="actor_id", how="inner")
    actors = actors.sort_values("n_mentions", ascending=False).reset_index(drop=True)
    return Analysis(articles=articles, actors=actors, **frames)


def _time(change) -> tuple[float, float]:
    """CPU and wall-clock milliseconds of one change (CPU: steadier when the machine is shared)."""
    cpu, started = time.process_time(), time.perf_counter()
    change()
    return (time.process_time() - cpu) * 1000, (time.perf_counter() - started) * 1000


def _values(control, count: int = 5) -> list:
    values = [value for _, value in control.options]
    step = max(1, len(values) // count)
    return values[1::step][:count] or values[:1]


def changes(explorer) -> dict[str, list]:
    """For each control worth timing, a list of zero-argument functions that change it."""
    from kit.widgets import ActorExplorer, ArticleReader, FigureExplorer, QuoteExplorer
    from kit.widgets.selection import ALL

    def setter(control, attribute, value):
        return lambda: setattr(control, attribute, value)

    def dropdown(control, count=5):
        values = _values(control, count)
        return [setter(control, "value", v) for v in values] + [setter(control, "value", ALL)]

    def months(control):
        n = len(control.options)
        ranges = [(0, max(0, n // 2)), (n // 4, n - 1), (0, n - 1)]
        return [setter(control, "index", r) for r in ranges]

    def tab_changes(first_control):
        """Filter changes timed with each tab shown in turn (only the visible chart is redrawn)."""
        titles = explorer.tabs.titles
        timed = {}
        for index, title in enumerate(titles):
            functions = dropdown(first_control, 3)
            timed[f"filter, {title} tab shown"] = (index, functions)
        return timed

    if isinstance(explorer, ArticleReader):
        return {
            "article": [setter(explorer.article, "value", v) for v in _values(explorer.article, 8)],
            "search": [setter(explorer.search, "value", w) for w in ("Russia", "police", "election", "")],
            "outlet": dropdown(explorer.outlet),
            "keyword": dropdown(explorer.keyword),
            "months": months(explorer.dates),
            "highlights": [setter(explorer.show_quotes, "value", v) for v in (False, True, False, True)],
        }
    if isinstance(explorer, ActorExplorer):
        return {
            "kind": dropdown(explorer.kind),
            "country": dropdown(explorer.country),
            "min mentions": [setter(explorer.min_mentions, "value", v) for v in (5, 20, 1)],
            "months": months(explorer.dates),
            "actor": [setter(explorer.actor, "value", v) for v in _values(explorer.actor, 6)],
            **tab_changes(explorer.kind),
        }
    if isinstance(explorer, FigureExplorer):
        return {
            "kind": dropdown(explorer.kind),
            "counted": dropdown(explorer.counted),
            "approx": dropdown(explorer.approx),
            "search": [setter(explorer.search, "value", w) for w in ("people", "million", "")],
            "months": months(explorer.dates),
            **tab_changes(explorer.kind),
        }
    if isinstance(explorer, QuoteExplorer):
        return {
            "speaker": dropdown(explorer.speaker),
            "quote kind": dropdown(explorer.kind),
            "cue": dropdown(explorer.cue),
            "country": dropdown(explorer.country),
            "search": [setter(explorer.search, "value", w) for w in ("government", "police", "")],
            "months": months(explorer.dates),
            **tab_changes(explorer.kind),
        }
    raise TypeError(type(explorer).__name__)


def measure_widgets(quick: bool = False, n_articles: int | None = None, gold: bool = False) -> dict[str, str]:
    """Build each explorer on a repeated analysis and time every kind of change; returns printable rows."""
    import kit.widgets

    n_articles = n_articles or (2_000 if quick else 10_000)
    started = time.perf_counter()
    base = gold_analysis() if gold else bundled_analysis()
    analysis = repeat_analysis(base, n_articles)
    results = {
        "analysis": f"{len(analysis.articles):,} articles, {len(analysis.mentions):,} mentions, "
                    f"{len(analysis.figures):,} figures, {len(analysis.quotes):,} quotes "
                    f"(built in {time.perf_counter() - started:.1f} s)",
    }
    worst = 0.0
    for name in ("ArticleReader", "ActorExplorer", "FigureExplorer", "QuoteExplorer"):
        built, cpu = time.perf_counter(), time.process_time()
        explorer = getattr(kit.widgets, name)(analysis)
        results[f"{name} build"] = (f"{(time.process_time() - cpu) * 1000:.0f} ms CPU "
                                    f"({(time.perf_counter() - built) * 1000:.0f} wall)")
        for control, functions in changes(explorer).items():
            if isinstance(functions, tuple):  # (tab to show first, changes to time)
                tab, functions = functions
                explorer.tabs.selected_index = tab
            timings = [_time(function) for function in functions]
            median = statistics.median(cpu for cpu, _ in timings)
            wall = statistics.median(wall for _, wall in timings)
            worst = max(worst, median)
            verdict = "ok" if median < TARGET_MS else "SLOW"
            results[f"{name} · {control}"] = (
                f"median {median:.0f} ms CPU ({wall:.0f} wall), max {max(cpu for cpu, _ in timings):.0f} ms CPU "
                f"over {len(timings)} changes ({verdict})"
            )
    results["slowest median change"] = f"{worst:.0f} ms CPU (target < {TARGET_MS:.0f} ms)"
    return results


def measure_grid(n_rows: int = 10_000, repeats: int = 5) -> dict[str, str]:
    """The explorers' table on ``n_rows`` quote-like rows (Python side: what is built and sent).

    Compares itables' own ``ITable(df)`` (its cell-by-cell pandas formatting), the
    kit's :class:`~kit.widgets.grid.Grid` (rows encoded by the kit; at most
    ``GRID_ROWS`` sent), and the escaped HTML table the explorers drew before.
    """
    from itables.widget import ITable

    from kit import kwic
    from kit.widgets.grid import GRID_ROWS, OPTIONS, Grid

    words = "Russia rotated military technicians out of crisis-hit Venezuela on Wednesday, its embassy said".split()
    frame = pd.DataFrame({
        "speaker": [f"speaker {i % 700}" for i in range(n_rows)],
        "actor": [f"actor {i % 500}" for i in range(n_rows)],
        "cue": ["said", "told", "added"] * (n_rows // 3) + ["said"] * (n_rows % 3),
        "kind": ["direct", "indirect"] * (n_rows // 2) + ["direct"] * (n_rows % 2),
        "quote": [" ".join(words[i % 5:]) for i in range(n_rows)],
        "headline": [f"Headline of article {i // 7}" for i in range(n_rows)],
        "date": ["2019-06-27"] * n_rows,
        "in context": ["…" + " ".join(words) + "…"] * n_rows,
    })

    def timed(function) -> float:
        samples = []
        for _ in range(repeats):
            started = time.perf_counter()
            function()
            samples.append((time.perf_counter() - started) * 1000)
        return statistics.median(samples)

    grid = Grid()
    options = {k: v for k, v in OPTIONS.items() if k != "warn_on_unexpected_option_type"}
    return {
        f"itables ITable({n_rows:,} rows)": f"median {timed(lambda: ITable(frame, **options)):.0f} ms",
        f"itables ITable({GRID_ROWS} rows)": f"median {timed(lambda: ITable(frame.head(GRID_ROWS), **options)):.0f} ms",
        f"kit Grid.show({n_rows:,} rows: {GRID_ROWS} sent)": f"median {timed(lambda: grid.show(frame)):.0f} ms",
        f"escaped HTML table ({GRID_ROWS} rows, before)":
            f"median {timed(lambda: kwic.table_html(frame, max_rows=GRID_ROWS)):.0f} ms",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 articles instead of 10,000")
    parser.add_argument("--articles", type=int, default=None, help="how many articles to build")
    parser.add_argument("--gold", action="store_true", help="repeat the hand-annotated dev set, not the analysis")
    parser.add_argument("--grid", action="store_true", help="only the table widget on 10,000 rows")
    options = parser.parse_args(argv)
    results = measure_grid() if options.grid else {
        **measure_grid(), **measure_widgets(quick=options.quick, n_articles=options.articles, gold=options.gold)}
    width = max(map(len, results))
    for key, value in results.items():
        print(f"{key:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
