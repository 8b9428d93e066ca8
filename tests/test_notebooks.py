"""Notebooks: committed clean, built as lessons, and run top to bottom headless.

Every notebook (solutions included) is executed with papermill on the bundled
corpus; 05-your-corpus is also run on a corpus it has never seen, through its
``parameters`` cell, the way a user reruns it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
SOLUTIONS = sorted((ROOT / "notebooks" / "solutions").glob("*.ipynb"))
ALL = NOTEBOOKS + SOLUTIONS
EXPECTED = ["00-start-here", "01-corpus", "02-actors", "03-figures", "04-quotes", "05-your-corpus"]


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def text_of(path: Path) -> str:
    return "\n".join("".join(cell["source"]) for cell in cells(path))


def test_the_course_is_complete():
    assert [path.stem for path in NOTEBOOKS] == EXPECTED
    assert SOLUTIONS, "notebooks/solutions/ holds the exercises' solutions"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    for cell in cells(path):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"{path.name}: a code cell has outputs; run nbstripout"
            assert cell.get("execution_count") is None, f"{path.name}: execution counts committed"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_each_notebook_is_a_lesson(path):
    text = text_of(path)
    for heading in ("Goals", "Time", "Prerequisites", "Data"):
        assert heading in text, f"{path.name}: the learning card lacks {heading!r}"
    assert "Try it yourself" in text, f"{path.name}: no 'Try it yourself' exercises"
    assert "imitation" in text.lower() or "limitation" in text.lower(), f"{path.name}: no honest limitations"
    tagged = [c for c in cells(path) if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1 and tagged[0]["cell_type"] == "code", f"{path.name}: one 'parameters' code cell"
    assert "pip install" not in text, f"{path.name}: installs belong in the Makefile, not in notebooks"
    if path.stem != EXPECTED[-1]:
        following = EXPECTED[EXPECTED.index(path.stem) + 1]
        assert following in text, f"{path.name}: no pointer to the next notebook ({following})"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_code_cells_stay_short(path):
    """Logic lives in kit/: a notebook cell that grows past a screen belongs in the package."""
    for cell in cells(path):
        if cell["cell_type"] == "code":
            lines = [line for line in "".join(cell["source"]).splitlines() if line.strip()]
            assert len(lines) <= 15, f"{path.name}: a {len(lines)}-line code cell; move its logic into kit/"


@pytest.mark.slow
@pytest.mark.timeout(900)
@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_notebook_runs_headless(path, tmp_path):
    import papermill

    papermill.execute_notebook(
        str(path), str(tmp_path / path.name), cwd=str(path.parent), kernel_name="python3", progress_bar=False
    )


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_your_corpus_notebook_runs_on_another_corpus(tmp_path):
    """05-your-corpus through its parameters cell, on a CSV corpus it was not written for."""
    import pandas as pd
    import papermill

    rows = [json.loads(line) for line in (ROOT / "data/wikinews/articles.jsonl").read_text(encoding="utf-8").splitlines()]
    frame = pd.DataFrame(rows[-12:])[["title", "date", "text", "url"]]
    corpus = tmp_path / "my corpus"
    corpus.mkdir()
    frame.to_csv(corpus / "articles.csv", index=False)
    out = tmp_path / "run.ipynb"
    papermill.execute_notebook(
        str(ROOT / "notebooks/05-your-corpus.ipynb"), str(out), cwd=str(ROOT / "notebooks"),
        parameters={"CORPUS": str(corpus), "OUTPUT": str(tmp_path / "out")}, kernel_name="python3",
        progress_bar=False,
    )
    assert (tmp_path / "out" / "articles.parquet").exists()
    executed = json.loads(out.read_text(encoding="utf-8"))
    assert "12 articles" in json.dumps(executed["cells"])
