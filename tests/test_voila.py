"""00-start-here served as an app by Voilà: the page loads, no code is shown, the widgets render."""

from __future__ import annotations

import pytest

from browser_support import (
    ARTIFACTS, CHROMIUM_ARGS, chromium_path, free_port, jupyter_bin, lesson_folder, serve, server_environment,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(900)]


def test_voila_serves_the_first_lesson_as_an_app(tmp_path):
    from playwright.sync_api import sync_playwright

    folder = lesson_folder(tmp_path)
    port = free_port()
    command = [
        jupyter_bin("voila"), "notebooks/00-start-here.ipynb", "--no-browser", f"--port={port}",
        "--Voila.ip=127.0.0.1", "--VoilaConfiguration.file_allowlist=['.*']",
    ]
    try:
        executable = chromium_path()
    except RuntimeError as error:  # no browser on this machine: say so in one line
        pytest.skip(str(error))
    log = ARTIFACTS / "voila.log"
    # Readiness is asked of a static file: asking for "/" would run the whole notebook once more.
    ready = "/voila/static/voila.js"
    with serve(command, port, ready, log, folder, timeout=600, env=server_environment(tmp_path)) as url:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url, timeout=600_000)
            page.locator(".kit-article-text").first.wait_for(timeout=600_000)
            assert page.locator(".kit-article-reader select").count() >= 1, "the reader's controls render"
            # Voilà keeps an (empty) input area per cell in its layout: check that no code is shown.
            shown = page.locator("body").inner_text()
            assert "import kit" not in shown and "kit.analyze(" not in shown, "no code is shown"
            assert page.locator(".jp-CodeMirrorEditor, .cm-editor").count() == 0, "no code editor"
            assert "kit-mention" in page.locator(".kit-article-text").first.inner_html()
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.locator(".kit-article-reader").first.scroll_into_view_if_needed()
            page.screenshot(path=str(ARTIFACTS / "voila-00-start-here.png"))
            browser.close()
