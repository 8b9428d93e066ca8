"""Each lesson in a real browser, run as a student runs it, checked from the page itself.

JupyterLab + Debian's Chromium (or an installed Chrome/Chromium: see browser_support),
driven by Playwright. For each lesson: Run All, then from the page: no traceback, the
page (the notebook's scroll height) under 6,000 px, time axis labels that read as
dates, and in 04 the quote explorer's first rows showing speaker and quote inside the
visible panel. Screenshots go to out/browser/ for a person to look at.

Slow (a JupyterLab, a kernel and a browser per lesson): run one at a time, e.g.
``pytest tests/test_browser_lessons.py -k 04``.
"""

from __future__ import annotations

import re

import pytest

from browser_support import ROOT, TOKEN, jupyterlab, launch_chromium

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(1200)]

SHOTS = ROOT / "out" / "browser"
MAX_HEIGHT = 6000
LESSONS = ["00-start-here", "01-corpus", "02-actors", "03-figures", "04-quotes"]
#: Tick labels of a plotly date axis ("Jun 2019", "2019-06", "Jul 3, 2019", "2019").
DATE_LABEL = re.compile(r"^([A-Z][a-z]{2}( \d{1,2},)? )?\d{4}$|^\d{4}-\d{2}(-\d{2})?$|^[A-Z][a-z]{2}( \d{1,2})?$")


@pytest.fixture()
def browser():
    yield from launch_chromium()


def run_all(page, url: str, lesson: str) -> None:
    page.goto(f"{url}/lab/tree/notebooks/{lesson}.ipynb?token={TOKEN}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
    page.wait_for_function(
        "() => (document.querySelector('#jp-main-statusbar')?.innerText || '').includes('| Idle')", timeout=180_000)
    if page.get_by_role("button", name="No", exact=True).count():  # the "Jupyter news?" toast
        page.get_by_role("button", name="No", exact=True).first.click()
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    page.wait_for_timeout(2000)
    page.wait_for_function(
        "() => ![...document.querySelectorAll('.jp-InputPrompt')].some(p => p.textContent.includes('[*]'))",
        timeout=900_000)
    page.wait_for_timeout(3000)  # widgets and charts draw after the kernel is idle


def notebook_height(page) -> int:
    return page.evaluate("""() => Math.max(...[...document.querySelectorAll(
        '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer, .jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook')]
        .map(e => e.scrollHeight))""")


def screenshots(page, lesson: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(".jp-Notebook .jp-Cell").first.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    page.screenshot(path=str(SHOTS / f"{lesson}-top.png"))
    for i, explorer in enumerate(page.locator(".kit-explorer, [class*='kit-'][class*='-explorer'], .kit-article-reader")
                                 .all()[:2]):
        explorer.scroll_into_view_if_needed()
        page.wait_for_timeout(500)
        page.screenshot(path=str(SHOTS / f"{lesson}-explorer{i}.png"))


def date_ticks(page, scope: str, title: str) -> list[str]:
    """The x tick labels of the plotly charts in ``scope`` whose title starts with ``title``."""
    return page.evaluate("""([scope, title]) => [...document.querySelectorAll(scope + ' .js-plotly-plot')]
        .filter(plot => (plot.querySelector('.gtitle')?.textContent || '').startsWith(title))
        .flatMap(plot => [...plot.querySelectorAll('.xaxislayer-above .xtick text')])
        .map(t => t.textContent.trim()).filter(Boolean)""", [scope, title])


@pytest.mark.parametrize("lesson", LESSONS)
def test_lesson_runs_reads_and_stays_short(tmp_path, browser, lesson):
    log = SHOTS / f"{lesson}-jupyterlab.log"
    with jupyterlab(tmp_path, log) as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        console = []
        page.on("console", lambda message: console.append(f"{message.type}: {message.text}")
                if message.type in ("error", "warning") and "activate" not in message.text else None)
        page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
        run_all(page, url, lesson)
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        assert "Traceback" not in " ".join(errors.all_inner_texts())
        height = notebook_height(page)
        screenshots(page, lesson)
        cells = page.evaluate("""() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell')]
            .map((c, i) => i + ': ' + Math.round(c.getBoundingClientRect().height) + ' px ' +
                 (c.querySelector('.jp-InputArea')?.innerText || '').slice(0, 60).replace(/\\n/g, ' '))""")
        (SHOTS / f"{lesson}-console.txt").write_text("\n".join(console + [f"height {height}"] + cells), encoding="utf-8")
        assert height < MAX_HEIGHT, f"{lesson} is {height} px tall after Run All"

        if lesson == "04-quotes":
            panel = page.locator(".kit-quote-explorer").first
            panel.scroll_into_view_if_needed()
            rows = panel.locator("table.dataTable tbody tr")
            rows.first.wait_for(timeout=60_000)
            box = panel.bounding_box()
            # With a filter per column, each header cell is an input named by its placeholder.
            headers = panel.locator("table.dataTable thead tr").first.locator("th").evaluate_all(
                "cells => cells.map(c => (c.querySelector('input')?.placeholder || c.innerText).trim())")
            for row in rows.all()[:3]:
                cells = row.locator("td").all()
                for column in ("speaker", "quote"):
                    cell = cells[[h.strip() for h in headers].index(column)]
                    cell_box = cell.bounding_box()
                    assert cell.inner_text().strip(), f"{column} is blank"
                    assert box["x"] <= cell_box["x"] and cell_box["x"] + cell_box["width"] <= box["x"] + box["width"] + 1, \
                        f"the {column} column is outside the visible panel"
            page.screenshot(path=str(SHOTS / f"{lesson}-quotes-grid.png"))

        if lesson == "02-actors":
            explorer = page.locator(".kit-actor-explorer").first
            explorer.scroll_into_view_if_needed()
            explorer.locator(".lm-TabBar-tab, .p-TabBar-tab", has_text="over time").first.click()
            page.wait_for_timeout(3000)
            ticks = date_ticks(page, ".kit-actor-explorer", "Mentions over time")
            assert ticks and all(DATE_LABEL.match(t) for t in ticks), ticks
            page.screenshot(path=str(SHOTS / f"{lesson}-over-time.png"))

        if lesson == "01-corpus":
            ticks = date_ticks(page, ".jp-OutputArea", "Articles over time")
            assert ticks and all(DATE_LABEL.match(t) for t in ticks), ticks
