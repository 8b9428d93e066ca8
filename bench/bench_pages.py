"""Web pages: the kit's HTML reader beside trafilatura's defaults, on real pages.

Reads ``../shared/corpora/pages/`` (relative to the repo root; the pages are
not ours to copy): 109 saved pages from trafilatura's test suite, with the
expectations its ``test_extract`` checks, read out of
``trafilatura_realworld_tests.py`` with :mod:`ast` (never imported): for each
page, strings its main text must contain and strings (boilerplate, comments)
it must not. Conditions are evaluated as for plain-text output
(``xmloutput=False, formatting=False``).

Printed, for the kit (``kit.read_corpus`` on each page) and for
``trafilatura.extract(page)`` at its defaults:

The kit keeps readers' comments out of the body, in a ``comments`` column;
trafilatura's default output appends them, and some expectations are comment
text, so the kit is printed twice: body alone, and body plus comments.

- **recall**: words of the must-contain strings found, averaged over pages
  (and the share of strings found);
- **boilerplate**: share of the must-not strings found in the text;
- **pages < half**: pages keeping less than half of their expected words;
- **emptied**: pages with no text at all;
- **silent losses** (kit only, must be 0): pages that keep less than half of
  their expected words (in body and comments) and have no problems row saying so.

    .venv/bin/python bench/bench_pages.py              # all pages
    .venv/bin/python bench/bench_pages.py --failures   # and list the pages that lose text
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))



def shared_folder() -> Path:
    """``../shared`` beside the repo (``$KIT_SHARED`` first; a worktree's is two levels up)."""
    import os

    candidates = [Path(os.environ["KIT_SHARED"])] if os.environ.get("KIT_SHARED") else []
    candidates += [ROOT / ".." / "shared", ROOT / ".." / ".." / "shared"]
    return next((c for c in candidates if c.is_dir()), candidates[0])


PAGES = shared_folder() / "corpora" / "pages"
CONDITIONS = {"xmloutput": False, "formatting": False}


def expectations(test_file: Path) -> dict[str, dict[str, list[str]]]:
    """``{file name: {"in": [...], "not_in": [...]}}`` from ``test_extract``'s asserts."""
    tree = ast.parse(test_file.read_text(encoding="utf-8"))
    pages = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "MOCK_PAGES" for t in node.targets):
            pages = ast.literal_eval(node.value)
    function = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "test_extract")
    found: dict[str, dict[str, list[str]]] = {}
    state = {"page": None}

    def visit(statements):
        for statement in statements:
            if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call):
                call = statement.value
                if getattr(call.func, "id", "") == "do_load_page" and call.args and isinstance(call.args[0], ast.Constant):
                    state["page"] = pages.get(call.args[0].value)
                    if state["page"]:
                        found.setdefault(state["page"], {"in": [], "not_in": []})
            elif isinstance(statement, ast.If):
                try:
                    taken = eval(compile(ast.Expression(statement.test), "<test>", "eval"), {}, dict(CONDITIONS))
                except Exception:
                    continue
                visit(statement.body if taken else statement.orelse)
            elif isinstance(statement, ast.Assert) and state["page"]:
                test = statement.test
                if (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.left, ast.Constant)
                        and isinstance(test.left.value, str) and getattr(test.comparators[0], "id", "") == "result"):
                    kind = "in" if isinstance(test.ops[0], ast.In) else "not_in" if isinstance(test.ops[0], ast.NotIn) else None
                    if kind:
                        found[state["page"]][kind].append(test.left.value)

    visit(function.body)
    return {name: expected for name, expected in found.items() if expected["in"] or expected["not_in"]}


def _normal(text: str) -> str:
    return " ".join(text.split())


def score(text: str, expected: dict[str, list[str]]) -> dict:
    text = _normal(text)
    must = [_normal(s) for s in expected["in"]]
    words = sum(len(s.split()) for s in must)
    kept = sum(len(s.split()) for s in must if s in text)
    return {"recall": kept / words if words else None, "strings": sum(s in text for s in must), "n_strings": len(must),
            "boilerplate": sum(_normal(s) in text for s in expected["not_in"]), "n_boilerplate": len(expected["not_in"]),
            "empty": not text}


def kit_pages(files: list[Path]) -> dict[str, tuple[str, list[str]]]:
    """``{name: (headline + body, comments column, problem reasons)}`` through ``kit.read_corpus``."""
    import kit

    corpus = kit.read_corpus([str(f) for f in files], quiet=True)
    out = {}
    for path in files:
        source = path.as_posix()
        rows = corpus.articles[corpus.articles.source.str.startswith(source)]
        parts = rows.reindex(columns=["headline", "body", "comments"]).astype("object").fillna("")
        text = "\n".join(f"{r.headline}\n{r.body}" for r in parts.itertuples())
        comments = "\n".join(parts.comments.tolist())
        reasons = corpus.problems[corpus.problems.source.str.startswith(source)].reason.tolist()
        out[path.name] = (text, comments, reasons)
    return out


def trafilatura_pages(files: list[Path]) -> dict[str, str]:
    import trafilatura

    from kit.formats.encoding import decode

    return {f.name: trafilatura.extract(decode(f.read_bytes()).text) or "" for f in files}


def summary(scores: list[dict]) -> dict:
    recalls = [s["recall"] for s in scores if s["recall"] is not None]
    return {
        "recall": sum(recalls) / len(recalls),
        "strings": sum(s["strings"] for s in scores) / max(1, sum(s["n_strings"] for s in scores)),
        "boilerplate": sum(s["boilerplate"] for s in scores) / max(1, sum(s["n_boilerplate"] for s in scores)),
        "under_half": sum(1 for s in recalls if s < 0.5),
        "emptied": sum(1 for s in scores if s["empty"]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--failures", action="store_true", help="list the pages the kit loses text on")
    args = parser.parse_args(argv)
    test_file = PAGES / "trafilatura_realworld_tests.py"
    if not test_file.exists():
        print(f"{PAGES.resolve()} is absent: the shared pages are needed for this bench (see the issue 16 README)")
        return 0
    expected = expectations(test_file)
    cache = PAGES / "trafilatura-cache"
    files = sorted(cache / name for name in expected if (cache / name).exists())
    kit_out = kit_pages(files)
    traf_out = trafilatura_pages(files)
    kit_scores, with_comments, traf_scores, silent, lines = [], [], [], [], []
    for path in files:
        text, comments, reasons = kit_out[path.name]
        mine, theirs = score(text, expected[path.name]), score(traf_out[path.name], expected[path.name])
        kept = score(text + "\n" + comments, expected[path.name])
        with_comments.append(kept)
        kit_scores.append(mine)
        traf_scores.append(theirs)
        # a loss is text the kit keeps nowhere (body or comments column) without a problems row
        if kept["recall"] is not None and kept["recall"] < 0.5 and not reasons:
            silent.append(path.name)
        if mine["recall"] is not None and mine["recall"] < 1:
            lines.append(f"  {path.name:48s} body {mine['recall']:.2f} +comments {kept['recall']:.2f} "
                         f"traf {theirs['recall']:.2f} {'; '.join(reasons)[:100]}")
    kit_sum, traf_sum, comments_sum = summary(kit_scores), summary(traf_scores), summary(with_comments)
    print(f"{len(files)} pages with expectations ({sum(s['n_strings'] for s in kit_scores)} must-contain, "
          f"{sum(s['n_boilerplate'] for s in kit_scores)} must-not strings)")
    print(f"{'':14s}{'recall':>9s}{'strings':>9s}{'boilerplate':>13s}{'< half':>8s}{'emptied':>9s}")
    for name, s in (("kit body", kit_sum), ("kit +comments", comments_sum), ("trafilatura", traf_sum)):
        print(f"{name:14s}{s['recall']:9.3f}{s['strings']:9.3f}{s['boilerplate']:13.3f}{s['under_half']:8d}{s['emptied']:9d}")
    print(f"silent losses (kit; pages under half with no problems row, must be 0): {len(silent)}"
          + (f" {silent}" if silent else ""))
    if args.failures:
        print("pages whose body misses expected text (recall of body, of body + comments, of trafilatura; problems):")
        print("\n".join(lines))
    return 1 if silent else 0


if __name__ == "__main__":
    raise SystemExit(main())
