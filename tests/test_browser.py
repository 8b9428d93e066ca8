"""The first lesson in a real browser: JupyterLab + Debian's Chromium, driven by Playwright.

Opens 00-start-here, runs all cells, changes the article in the ArticleReader and checks
that the highlighted text changed. A screenshot is saved in tests/artifacts/.
"""

from __future__ import annotations

import os
import re

import pytest

from browser_support import ARTIFACTS, CHROMIUM_ARGS, chromium_path, free_port, jupyter_bin, lesson_folder, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(900)]

TOKEN = "kit-browser-test"
READER_TEXT = ".kit-article-text"


@pytest.fixture()
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def test_start_here_runs_and_the_reader_follows_the_selection(tmp_path, browser):
    folder = lesson_folder(tmp_path)
    port = free_port()
    os.environ["JUPYTERLAB_SETTINGS_DIR"] = str(tmp_path / "lab-settings")
    os.environ["JUPYTERLAB_WORKSPACES_DIR"] = str(tmp_path / "lab-workspaces")
    command = [
        jupyter_bin("jupyter"), "lab", "--no-browser", "--allow-root", f"--port={port}", "--ip=127.0.0.1",
        f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={folder}", "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    with serve(command, port, f"/api/status?token={TOKEN}", ARTIFACTS / "jupyterlab.log", folder) as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{url}/lab/tree/notebooks/00-start-here.ipynb?token={TOKEN}")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)

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
        before = reader.inner_html()
        assert "kit-mention" in before, "the reader highlights actor mentions"

        select = page.locator(".kit-article-reader select").first
        options = select.locator("option").all_inner_texts()
        assert len(options) > 1, "the reader offers more than one article"
        current = select.input_value()
        choice = next(text for text in options if text != current)
        select.select_option(label=choice)
        page.wait_for_function(
            "([selector, old]) => document.querySelector(selector).innerHTML !== old",
            arg=[READER_TEXT, before],
            timeout=60_000,
        )
        after = reader.inner_html()
        assert after != before
        assert re.search(r"kit-(mention|figure|quote)", after), "the new article is highlighted too"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        reader.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "00-start-here.png"), full_page=False)
