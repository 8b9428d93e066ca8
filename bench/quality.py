"""Print precision/recall for actors, figures and quotes on the annotated dev sets.

Each part has its own script (bench/quality_actors.py, quality_figures.py,
quality_quotes.py) that prints the kit's scores beside the baselines a user
would otherwise pick; this runs them one after another, first on the dev set
(data/annotations/wikinews, which the rules were tuned on), then on the held-out
set (data/annotations/heldout, never used for tuning: the honest estimate).

    python bench/quality.py            # all three
    python bench/quality.py figures    # one part
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PARTS = ("actors", "figures", "quotes")
GOLD = {"dev set (tuned on)": "data/annotations/wikinews", "held-out set (never tuned on)": "data/annotations/heldout"}


def main(argv: list[str]) -> int:
    parts = argv or list(PARTS)
    unknown = set(parts) - set(PARTS)
    if unknown:
        print(f"unknown part(s) {sorted(unknown)}; choose from {', '.join(PARTS)}", file=sys.stderr)
        return 2
    status = 0
    for label, folder in GOLD.items():
        for part in parts:
            title = f"{part} · {label}"
            print(f"\n=== {title} " + "=" * max(3, 70 - len(title)), flush=True)
            done = subprocess.run([sys.executable, str(HERE / f"quality_{part}.py"), "--gold", folder], cwd=HERE.parent)
            status = status or done.returncode
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
