"""Each extractor's share of analysis time: what actors, figures and quotes cost beside the parse.

The articles are parsed once (``nlp.pipe``, the model loaded beforehand, not timed into
any extractor); then every registered extractor (:mod:`kit.extractors`) runs on every
parsed article in the registry's order, each fed the rows it needs, and its CPU time is
summed. Each is printed as a share of one whole ``kit.analyze(cache=False)`` run on the
same articles (parse, extractors and corpus step). The quotes' target (issue 14): no
more than 3% of analysis time. Best of ``repeats`` interleaved runs.

Run: ``.venv/bin/python bench/bench_extractors.py [N]`` (the first N Wikinews articles,
default all); ``bench/run.py --only extractors`` prints the same lines.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: Largest share of analysis time each extractor may take (issue 14 for the quotes).
TARGETS = {"quotes": 0.03}


def extractor_seconds(docs: list) -> dict[str, float]:
    """CPU seconds each registered extractor spends on ``docs``, run as ``analyze_doc`` runs them."""
    from kit import extractors

    seconds = {extractor.table: 0.0 for extractor in extractors.in_order()}
    functions = [(extractor.table, extractor.function(), extractor.needs) for extractor in extractors.in_order()]
    for doc in docs:
        rows: dict[str, list] = {}
        for table, function, needs in functions:
            start = time.process_time()
            rows[table] = list(function(doc, *(rows[need] for need in needs)))
            seconds[table] += time.process_time() - start
    return seconds


def measure_extractors(articles, repeats: int = 3) -> list[tuple[str, str]]:
    """Printed lines: each extractor's CPU seconds and share of one ``kit.analyze`` run."""
    import kit
    from kit.nlp import load_model

    nlp = load_model()
    kit.analyze(articles.head(3), cache=False, progress=False)  # lookups built once, outside the timings
    docs = list(nlp.pipe(list(articles["body"]), batch_size=64))
    best: dict[str, float] = {}
    whole = float("inf")
    for _ in range(repeats):
        for table, spent in extractor_seconds(docs).items():
            best[table] = min(best.get(table, float("inf")), spent)
        start = time.process_time()
        kit.analyze(articles, cache=False, progress=False)
        whole = min(whole, time.process_time() - start)
    lines = [("kit.analyze", f"{whole:.1f} s CPU on {len(articles)} articles (parse, extractors, corpus step)")]
    for table, spent in best.items():
        share = spent / whole
        target = TARGETS.get(table)
        verdict = "" if target is None else (
            f", {'meets' if share <= target else 'MISSES'} the {target:.0%} target")
        lines.append((f"  {table}", f"{spent:.2f} s CPU = {share:.1%} of analysis time{verdict}"))
    return lines


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT / "bench"))
    from run import print_part, wikinews_articles

    argv = sys.argv[1:] if argv is None else argv
    count = int(argv[0]) if argv else None
    articles = wikinews_articles(count)
    print_part(f"extractors' share of kit.analyze ({len(articles)} Wikinews articles)", measure_extractors(articles))
    return 0


if __name__ == "__main__":
    sys.exit(main())
