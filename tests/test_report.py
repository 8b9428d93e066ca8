"""kit.report: the page is offline, its tables sampled across articles, and a results folder is data only.

Hostile items of issue 18 for the report: code planted in a results folder never
runs (1), symlinks planted in ``--out`` are replaced, never written through (9).
Built on the hand-annotated gold analysis (no spaCy run), so these tests are quick.
"""

from __future__ import annotations

import os
import sys

import pytest

from conftest_widgets import HOSTILE, gold_analysis, hostile_analysis
from kit import report


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tables")
    gold_analysis().save(folder)
    return folder


PLANTED_MODULES = ["pandas", "kit", "plotly", "IPython", "numpy", "sitecustomize", "json"]


def test_code_planted_in_a_results_folder_never_runs(saved, tmp_path):
    marker = tmp_path / "ran.txt"
    for name in PLANTED_MODULES:
        (saved / f"{name}.py").write_text(f"open({str(marker)!r}, 'a').write({name!r})\n", encoding="utf-8")
    before = list(sys.path), os.getcwd()
    try:
        page = report.write_report(saved, tmp_path / "out")
    finally:
        for name in PLANTED_MODULES:
            (saved / f"{name}.py").unlink()
    assert not marker.exists(), f"code from the results folder ran: {marker.read_text()}"
    assert (list(sys.path), os.getcwd()) == before
    assert page.read_text(encoding="utf-8").count("<h1>") == 1


@pytest.mark.parametrize("name", ["report.html", "report.ipynb", "credits.json", "quotes.parquet",
                                  ".quotes.parquet.tmp"])
def test_a_symlink_planted_in_out_is_never_written_through(tmp_path, name):
    out, outside = tmp_path / "out", tmp_path / "outside.txt"
    out.mkdir()
    outside.write_text("keep me", encoding="utf-8")
    (out / name).symlink_to(outside)
    report.write_report(gold_analysis(), out)
    assert outside.read_text(encoding="utf-8") == "keep me"
    assert not (out / name).is_symlink() or name.endswith(".tmp")


def test_the_page_needs_no_network_and_has_no_code(saved, tmp_path):
    page = report.write_report(saved, tmp_path).read_text(encoding="utf-8")
    assert "<script src" not in page.replace(" ", "").replace("<scriptsrc", "<script src")
    assert "cdn" not in " ".join(line for line in page.splitlines() if "<script" in line and "src=" in line).lower()
    assert "mathjax" not in page.lower().split("<body>")[0]
    assert "report.chart(" not in page and "import kit" not in page


def test_the_executed_notebook_is_written_beside_the_page(saved, tmp_path):
    import json

    report.write_report(saved, tmp_path)
    notebook = json.loads((tmp_path / "report.ipynb").read_text(encoding="utf-8"))
    outputs = [cell["outputs"] for cell in notebook["cells"] if cell["cell_type"] == "code" and cell["outputs"]]
    assert outputs and all(o[0]["output_type"] == "execute_result" for o in outputs)


def test_hostile_text_is_escaped_in_the_page(tmp_path):
    page = report.write_report(hostile_analysis(), tmp_path).read_text(encoding="utf-8")
    for payload in HOSTILE:
        assert payload not in page


def test_quote_and_figure_tables_have_a_headline_and_date_and_span_articles():
    analysis = gold_analysis()
    for frame in (report.top_quotes(analysis).data, report.top_figures(analysis).data):
        head = frame.split("</thead>")[0]
        assert head.index("date") < head.index("headline")
    sample = report.sample_across_articles(analysis.quotes)
    assert sample["article_id"].nunique() == min(analysis.quotes["article_id"].nunique(), len(sample))


def test_a_failing_cell_is_said_in_place_and_the_rest_goes_on(tmp_path):
    import json

    template = tmp_path / "t.ipynb"
    cells = [{"cell_type": "code", "metadata": {}, "source": "1 / 0", "outputs": [], "execution_count": None},
             {"cell_type": "code", "metadata": {}, "source": "x = 2\nx * 3", "outputs": [], "execution_count": None}]
    template.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    notebook = report.run_template(template, {})
    first, second = (cell["outputs"][0]["data"] for cell in notebook["cells"])
    assert "ZeroDivisionError" in first["text/html"] and second["text/plain"] == "6"


def test_an_unchanged_report_is_copied_from_the_cache_and_a_changed_one_is_run(saved, tmp_path, monkeypatch):
    """Same tables, title, folder and kit code: the page is the cached one; any change runs the template."""
    runs = []
    real = report.run_template
    monkeypatch.setattr(report, "run_template", lambda *a, **k: runs.append(1) or real(*a, **k))
    cache = tmp_path / "cache"
    first = report.write_report(saved, tmp_path / "out", title="One", cache=cache).read_text(encoding="utf-8")
    again = report.write_report(saved, tmp_path / "out", title="One", cache=cache).read_text(encoding="utf-8")
    assert len(runs) == 1 and again == first
    report.write_report(saved, tmp_path / "out", title="Two", cache=cache)
    report.write_report(saved, tmp_path / "out", title="One", cache=False)
    assert len(runs) == 3


def test_a_report_on_other_tables_is_not_served_from_the_cache(tmp_path, monkeypatch):
    from conftest_widgets import gold_analysis as analysis_of_gold

    from kit import Analysis

    cache = tmp_path / "cache"
    gold = analysis_of_gold()  # shared by other tests: never changed here
    report.write_report(gold, tmp_path / "out", title="T", cache=cache)
    analysis = Analysis(articles=gold.articles, mentions=gold.mentions, actors=gold.actors, figures=gold.figures,
                        quotes=gold.quotes.head(1), problems=gold.problems)
    runs = []
    real = report.run_template
    monkeypatch.setattr(report, "run_template", lambda *a, **k: runs.append(1) or real(*a, **k))
    report.write_report(analysis, tmp_path / "out", title="T", cache=cache)
    assert runs == [1]
