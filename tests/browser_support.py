"""Servers and a browser for the browser tests: JupyterLab or Voilà on a free port, Debian's Chromium.

Chromium is Debian's (/usr/bin/chromium, installed by `make test`): Playwright's own
browser download does not work on these machines, so Playwright drives it through
``executable_path``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]


#: Where an installed Chromium or Chrome is found (Debian/Ubuntu, macOS, other Linux), in order.
BROWSER_CANDIDATES = (
    "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
)


def chromium_path() -> str:
    """An installed Chromium or Chrome (``$CHROMIUM`` first); RuntimeError with a one-line reason if none.

    Playwright's own browser download is not used (it fails on these machines); the
    browser tests skip with this reason where no browser is installed.
    """
    names = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
    for candidate in (os.environ.get("CHROMIUM"), *BROWSER_CANDIDATES, *(shutil.which(name) for name in names)):
        if candidate and Path(candidate).exists():
            return candidate
    raise RuntimeError("no Chromium or Chrome installed (set CHROMIUM=/path/to/it, or `apt-get install chromium`"
                       " / install Google Chrome on macOS)")


def free_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


#: The analysis cache of the notebooks run headless (their working folder is notebooks/):
#: the servers below share it, so a lesson the notebook tests have just run opens in seconds.
NOTEBOOK_CACHE = ROOT / "notebooks" / ".kit-cache"


def lesson_folder(tmp_path: Path) -> Path:
    """A copy of the notebooks beside the bundled data, so the browser's autosave cannot
    write outputs into the committed notebooks. Caches and checkpoints are not copied."""
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks",
                    ignore=shutil.ignore_patterns(".kit-cache", ".ipynb_checkpoints", "__pycache__"))
    (tmp_path / "data").symlink_to(ROOT / "data")
    return tmp_path


def server_environment(tmp_path: Path) -> dict[str, str]:
    """Environment of a Jupyter or Voilà server under test: its own settings and workspaces
    (never the user's), and the notebooks' analysis cache (``KIT_CACHE``)."""
    environment = dict(os.environ)
    environment.setdefault("KIT_CACHE", str(NOTEBOOK_CACHE))
    environment["JUPYTERLAB_SETTINGS_DIR"] = str(tmp_path / "lab-settings")
    environment["JUPYTERLAB_WORKSPACES_DIR"] = str(tmp_path / "lab-workspaces")
    environment["JUPYTER_RUNTIME_DIR"] = str(tmp_path / "runtime")
    return environment


@contextlib.contextmanager
def serve(command: list[str], port: int, ready_path: str, log: Path, cwd: Path, timeout: float = 120,
          env: dict[str, str] | None = None):
    """Start a server, wait until ``ready_path`` answers, stop it (and its kernels) at the end."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                   env=env)
        try:
            deadline = time.monotonic() + timeout
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"{command[0]} exited early; see {log}")
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}{ready_path}", timeout=5)
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"{command[0]} did not answer on port {port}; see {log}")
                    time.sleep(0.5)
            yield f"http://127.0.0.1:{port}"
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, 15)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=20)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, 9)


def jupyter_bin(name: str) -> str:
    return str(Path(sys.executable).parent / name)


#: The token the test JupyterLab servers require (they listen on 127.0.0.1 only).
TOKEN = "kit-browser-test"


def launch_chromium():
    """A headless Chromium for a fixture to yield; skips the test, in one line, where none is installed."""
    import pytest

    try:
        executable = chromium_path()
    except RuntimeError as error:  # no browser on this machine: say so in one line
        pytest.skip(str(error))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@contextlib.contextmanager
def jupyterlab(tmp_path: Path, log: Path):
    """JupyterLab on a copy of the lessons (:func:`lesson_folder`), without news or update checks;
    yields its base URL (requests need ``?token=`` :data:`TOKEN`)."""
    folder = lesson_folder(tmp_path)
    port = free_port()
    command = [
        jupyter_bin("jupyter"), "lab", "--no-browser", "--allow-root", f"--port={port}", "--ip=127.0.0.1",
        f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={folder}", "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    with serve(command, port, f"/api/status?token={TOKEN}", log, folder, env=server_environment(tmp_path)) as url:
        yield url
