"""Print precision/recall for actors, figures and quotes on the annotated dev sets.

Each part has its own script (bench/quality_actors.py, quality_figures.py,
quality_quotes.py) that prints the kit's scores beside the baselines a user
would otherwise pick; this runs them one after another.

    python bench/quality.py            # all three
    python bench/quality.py figures    # one part
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PARTS = ("actors", "figures", "quotes")


def main(argv: list[str]) -> int:
    parts = argv or list(PARTS)
    unknown = set(parts) - set(PARTS)
    if unknown:
        print(f"unknown part(s) {sorted(unknown)}; choose from {', '.join(PARTS)}", file=sys.stderr)
        return 2
    status = 0
    for part in parts:
        print(f"\n=== {part} " + "=" * (60 - len(part)), flush=True)
        done = subprocess.run([sys.executable, str(HERE / f"quality_{part}.py")], cwd=HERE.parent)
        status = status or done.returncode
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
