"""``python -m kit read|analyze|report``: the files written, the messages, the exit codes."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pandas as pd
import pytest

from kit.cli import FAILED, OK, USAGE, main

from conftest import ROOT, SEED_FILE

ALL_TABLES = ["actors", "articles", "figures", "mentions", "problems", "quotes"]


@pytest.fixture
def corpus(tmp_path):
    """A folder with the seed wire story and a hostile plain-text article."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEED_FILE, folder / SEED_FILE.name)
    (folder / "hostile <b>name &amp.txt").write_text(
        'Officials in Moscow said on Monday that "<script>alert(1)</script>" was not a threat, '
        "and the Kremlin said around 100 experts had left Caracas.\n",
        encoding="utf-8",
    )
    return folder


def parquet_tables(folder) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.parquet"))


@pytest.mark.parametrize(
    "command, tables",
    [
        ("read", ["articles", "problems"]),
        ("analyze", ALL_TABLES),
    ],
)
def test_read_and_analyze_write_their_tables(corpus, tmp_path, capsys, command, tables):
    out = tmp_path / "out"
    assert main([command, str(corpus), "--out", str(out), "--quiet", *(["--no-cache"] if command == "analyze" else [])]) == OK
    assert parquet_tables(out) == tables
    articles = pd.read_parquet(out / "articles.parquet")
    assert len(articles) == 2
    assert capsys.readouterr().err == ""


def test_analyze_says_what_it_found(tmp_path, capsys):
    assert main(["analyze", str(SEED_FILE), "--out", str(tmp_path), "--cache", str(tmp_path / "cache")]) == OK
    said = capsys.readouterr().out
    assert "read 1 article(s); 0 problem(s)" in said
    assert "mentions of" in said and f"tables in {tmp_path}" in said


@pytest.mark.slow
def test_report_writes_an_html_page_with_the_text_escaped(corpus, tmp_path):
    out = tmp_path / "report"
    assert main(["report", str(corpus), "--out", str(out), "--no-cache", "--quiet", "--title", "Seed <i>and</i> co"]) == OK
    page = (out / "report.html").read_text(encoding="utf-8")
    assert parquet_tables(out) == ALL_TABLES
    assert "<script>alert(1)" not in page
    assert "Seed &lt;i&gt;and&lt;/i&gt; co" in page
    assert "Who is quoted" in page and "Files not read" in page
    assert "report.chart(" not in page  # code cells are hidden
    assert "Plotly.newPlot" in page or "Nothing to draw" in page


@pytest.mark.parametrize(
    "make_input, message",
    [
        (lambda tmp: tmp / "does-not-exist", "no such file or folder"),
        (lambda tmp: tmp, "nothing readable"),  # an empty folder
        (lambda tmp: _write(tmp / "scan.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20), "nothing readable"),
    ],
)
@pytest.mark.parametrize("command", ["read", "analyze"])
def test_nothing_readable_exits_1_with_a_message(tmp_path, capsys, make_input, message, command):
    source = make_input(_folder(tmp_path / "input"))
    out = tmp_path / "out"
    assert main([command, str(source), "--out", str(out), "--quiet"]) == FAILED
    assert message in capsys.readouterr().err


def test_unreadable_files_are_listed_and_kept_in_problems(tmp_path, capsys):
    folder = _folder(tmp_path / "input")
    _write(folder / "scan.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    assert main(["read", str(folder), "--out", str(tmp_path / "out")]) == FAILED
    problems = pd.read_parquet(tmp_path / "out" / "problems.parquet")
    assert problems.source.str.endswith("scan.txt").tolist() == [True]
    assert "not read:" in capsys.readouterr().out


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--model", "en_core_web_nonexistent"], "python -m spacy download en_core_web_nonexistent"),
    ],
)
def test_errors_exit_1_with_what_to_do(tmp_path, capsys, extra, message):
    assert main(["analyze", str(SEED_FILE), "--out", str(tmp_path), "--no-cache", "--quiet", *extra]) == FAILED
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_out_must_be_a_folder(tmp_path, capsys):
    a_file = _write(tmp_path / "taken", b"")
    assert main(["read", str(SEED_FILE), "--out", str(a_file)]) == FAILED
    assert "is a file" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["read"],
        ["read", "data/wire"],  # no --out
        ["frobnicate", "data/wire", "--out", "x"],
        ["analyze", "data/wire", "--out", "x", "--n-process", "two"],
        ["analyze", "data/wire", "--out", "x", "--cache", "c", "--no-cache"],
        ["read", "data/wire", "--out", "x", "--model", "en_core_web_sm"],  # read parses nothing
    ],
)
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == USAGE
    assert "usage:" in capsys.readouterr().err


@pytest.mark.parametrize("command", [[], ["read"], ["analyze"], ["report"]])
def test_help_exits_0(command, capsys):
    assert main([*command, "--help"]) == OK
    assert "usage: python -m kit" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv, code",
    [
        (["read", "data/wire", "--out", "{out}", "--quiet"], OK),
        (["read", "{out}/missing", "--out", "{out}"], FAILED),
        (["read"], USAGE),
    ],
)
def test_python_dash_m_kit_exits_with_the_code(tmp_path, argv, code):
    argv = [part.format(out=tmp_path) for part in argv]
    done = subprocess.run([sys.executable, "-m", "kit", *argv], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == code, done.stderr


def _folder(path):
    path.mkdir(parents=True, exist_ok=True)
    return path


def _write(path, data: bytes):
    path.write_bytes(data)
    return path
