"""Digests of the bundled corpus's analysis tables: the guard that a change of layout
changed no result.

``python tests/digest_tables.py`` writes ``tests/data/bundled_digests.json``;
``tests/test_digest.py`` compares a fresh analysis with it. Regenerate the file only
in a commit that changes results on purpose, and say so in its message.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIGESTS = ROOT / "tests" / "data" / "bundled_digests.json"
#: the tables analyze() computes; articles and problems come from reading
TABLES = ("mentions", "actors", "figures", "quotes")


def table_digests(analysis) -> dict[str, str]:
    """One sha256 per table over its columns and rows, in order, values as JSON.

    ``article_id`` is a hash of the file's path, so it is left out: the digests must not
    depend on where the repository is checked out (rows stay in article order).
    """
    digests = {}
    for name in TABLES:
        table = getattr(analysis, name).drop(columns=["article_id"], errors="ignore")
        text = table.to_json(orient="split", index=False, date_format="iso", default_handler=str)
        digests[name] = f"{len(table)} rows " + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return digests


def bundled_analysis():
    sys.path.insert(0, str(ROOT))
    import kit

    corpus = kit.read_corpus([ROOT / "data" / "wire", ROOT / "data" / "wikinews"])
    return kit.analyze(corpus, cache=False, progress=False)


if __name__ == "__main__":
    digests = table_digests(bundled_analysis())
    DIGESTS.write_text(json.dumps(digests, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(digests, indent=1))
