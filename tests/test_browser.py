"""The first lesson in a real browser: JupyterLab + Debian's Chromium, driven by Playwright.

Opens 00-start-here, runs all cells, changes the article in the ArticleReader and checks
that the highlighted text changed. A screenshot is saved in tests/artifacts/.
"""

from __future__ import annotations

import re

import pytest

from browser_support import ARTIFACTS, TOKEN, jupyterlab, launch_chromium

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(900)]

#: Stable classes set by kit.widgets.ArticleReader and kit.render (see kit/render.py CLASSES).
READER = ".kit-article-reader"
READER_TEXT = f"{READER} .kit-article-text"


def headline(label: str) -> str:
    """The headline part of a reader option label ("2019-06-27 · AFP · Russia rotates …")."""
    return label.split(" · ", 2)[-1].rstrip("…").strip()


@pytest.fixture()
def browser():
    yield from launch_chromium()


def test_start_here_runs_and_the_reader_follows_the_selection(tmp_path, browser):
    log = ARTIFACTS / "jupyterlab.log"
    with jupyterlab(tmp_path, log) as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{url}/lab/tree/notebooks/00-start-here.ipynb?token={TOKEN}")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
        # "Run All" before the kernel is up runs nothing: wait until the status bar names an idle kernel.
        page.wait_for_function(
            "() => (document.querySelector('#jp-main-statusbar')?.innerText || '').includes('| Idle')",
            timeout=180_000,
        )
        if page.get_by_role("button", name="No", exact=True).count():  # the "Jupyter news?" toast
            page.get_by_role("button", name="No", exact=True).first.click()

        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        reader = page.locator(READER_TEXT).first
        reader.wait_for(timeout=600_000)
        page.wait_for_function(
            "() => ![...document.querySelectorAll('.jp-InputPrompt')].some(p => p.textContent.includes('[*]'))",
            timeout=600_000,
        )
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        assert "Traceback" not in " ".join(errors.all_inner_texts())
        assert "kit-mention" in reader.inner_html(), "the reader highlights actor mentions"
        header = page.locator(f"{READER} .kit-article-header").first
        assert "Venezuela" in header.inner_text(), "the lesson opens the reader on the seed"

        # The lesson opens the reader on a headline search; clearing it lists every article.
        search = page.locator(f"{READER} input[type='text']").first
        search.fill("")
        search.press("Enter")
        page.wait_for_function(
            "selector => document.querySelector(selector).options.length > 1",
            arg=f"{READER} select", timeout=60_000,
        )
        before = reader.inner_html()

        # The article dropdown is the reader's first <select>; its values are the labels
        # "date · outlet · headline" (the option texts use non-breaking spaces instead).
        # Choose an article whose headline is not the one on screen.
        select = page.locator(f"{READER} select").first
        options = select.evaluate("element => [...element.options].map(option => option.value)")
        assert len(options) > 1, "the reader offers more than one article"
        shown = page.locator(f"{READER} .kit-article-header").first.inner_text()
        choice = next(value for value in options if value != select.input_value() and headline(value) not in shown)
        select.select_option(value=choice)
        # Wait for the chosen article itself: clearing the search may redraw the reader once
        # more (on the list's first article) after `before` was read, so "the text changed"
        # alone could be that redraw.
        page.wait_for_function(
            "([selector, wanted]) => document.querySelector(selector).innerText.includes(wanted)",
            arg=[f"{READER} .kit-article-header", headline(choice)],
            timeout=60_000,
        )
        after = reader.inner_html()
        assert after != before
        assert headline(choice) in page.locator(f"{READER} .kit-article-header").first.inner_text(), \
            "the reader shows the chosen article"
        assert re.search(r"kit-(mention|figure|quote)", after), "the new article is highlighted too"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.locator(READER).first.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "00-start-here.png"), full_page=False)
