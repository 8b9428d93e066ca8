"""``python -m kit read|analyze|report``: the files written, the messages, the exit codes."""

from __future__ import annotations

import json
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


# --- a report rerun on unchanged inputs is copied from the cache (kit.report_cache) ------------------


def _key(corpus, out, options=None, command=("report",)):
    from kit.report_cache import run_key

    return run_key(list(command), [corpus], {"title": None, "model": None, **(options or {})}, out)


def _change_a_byte(corpus):
    path = corpus / SEED_FILE.name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    path.write_bytes(bytes(data))


def _rename_a_file(corpus):
    path = corpus / SEED_FILE.name
    path.rename(corpus / ("renamed-" + SEED_FILE.name))


def _add_an_empty_file(corpus):
    (corpus / "new.txt").write_bytes(b"")


@pytest.mark.parametrize(
    "change",
    [
        _change_a_byte,
        _rename_a_file,
        _add_an_empty_file,
        lambda corpus: (corpus / "hostile <b>name &amp.txt").write_text("Another text.\n", encoding="utf-8"),
    ],
)
def test_report_key_changes_with_any_byte_or_name_of_the_corpus(corpus, tmp_path, change):
    before = _key(corpus, tmp_path / "out")
    assert before == _key(corpus, tmp_path / "out")
    change(corpus)
    assert _key(corpus, tmp_path / "out") not in (None, before)


@pytest.mark.parametrize(
    "options, command",
    [
        ({"title": "Another title"}, ("report",)),
        ({"latest_only": True}, ("report",)),
        ({"model": "en_core_web_sm"}, ("report",)),
        ({"n_process": 2}, ("report",)),
        ({}, ("analyze",)),
    ],
)
def test_report_key_changes_with_the_options(corpus, tmp_path, options, command):
    assert _key(corpus, tmp_path / "out", options, command) != _key(corpus, tmp_path / "out")


def test_report_key_changes_with_out_and_kit_variables(corpus, tmp_path, monkeypatch):
    before = _key(corpus, tmp_path / "out")
    assert _key(corpus, tmp_path / "other") != before
    monkeypatch.setenv("KIT_SOMETHING", "1")
    assert _key(corpus, tmp_path / "out") != before
    monkeypatch.setenv("KIT_SOMETHING", "2")
    assert _key(corpus, tmp_path / "out") != before
    monkeypatch.delenv("KIT_SOMETHING")
    monkeypatch.setenv("NOT_KIT_SOMETHING", "1")  # other variables are not part of the key
    assert _key(corpus, tmp_path / "out") == before


def test_report_key_changes_with_the_alias_file(corpus, tmp_path, monkeypatch):
    before = _key(corpus, tmp_path / "out")
    project = tmp_path / "project"
    (project / "data").mkdir(parents=True)
    (project / "data" / "aliases.csv").write_text("alias,name\nthe Kremlin,Russia\n", encoding="utf-8")
    monkeypatch.chdir(project)  # data/aliases.csv of the project run from is the alias file in use
    assert _key(corpus, tmp_path / "out") != before


def test_report_key_is_none_for_a_corpus_that_cannot_be_read_whole(tmp_path):
    import os

    folder = _folder(tmp_path / "corpus")
    os.mkfifo(folder / "pipe.txt")  # never read to hash it: no key, the report runs as usual
    assert _key(folder, tmp_path / "out") is None


def _report(corpus, out, cache, capsys, *extra):
    assert main(["report", str(corpus), "--out", str(out), "--cache", str(cache), *extra]) == OK
    return capsys.readouterr()


def _report_files(out):
    return {path.name: path.read_bytes() for path in sorted(out.iterdir()) if path.name != "manifest.json"}


@pytest.mark.slow
def test_report_rerun_is_reused_and_any_change_makes_it_again(corpus, tmp_path, capsys):
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = _report(corpus, out, cache, capsys)
    assert "reused from the cache" not in first.out
    written = _report_files(out)
    (out / "report.html").unlink()  # the stored run is written back whole
    again = _report(corpus, out, cache, capsys)
    assert "reused from the cache" in again.out and again.err == ""
    assert "read 2 article(s); 0 problem(s)" in again.out and "mentions of" in again.out
    assert _report_files(out) == written
    import kit

    kit.Analysis.load(out)  # the tables still match their manifest
    titled = _report(corpus, out, cache, capsys, "--title", "Another title")
    assert "reused from the cache" not in titled.out
    assert "Another title" in (out / "report.html").read_text(encoding="utf-8")
    _change_a_byte(corpus)
    assert "reused from the cache" not in _report(corpus, out, cache, capsys).out


@pytest.mark.slow
def test_a_damaged_cached_report_is_ignored_with_a_message_and_made_again(corpus, tmp_path, capsys):
    from kit.report_cache import FORMAT

    out, cache = tmp_path / "out", tmp_path / "cache"
    _report(corpus, out, cache, capsys)
    written = _report_files(out)
    [index] = (cache / FORMAT).glob("*/*/index.json")
    stored = index.parent / json.loads(index.read_text(encoding="utf-8"))["files"]["report.html"]["file"]
    stored.write_bytes(stored.read_bytes()[:-10] + b"<script>x")  # the stored page, tampered with
    damaged = _report(corpus, out, cache, capsys)
    assert "cached report is damaged and is ignored" in damaged.err and "checksum" in damaged.err
    assert "reused from the cache" not in damaged.out
    assert (out / "report.html").read_bytes() == written["report.html"]
    assert "<script>x" not in (out / "report.html").read_text(encoding="utf-8")
    assert "reused from the cache" in _report(corpus, out, cache, capsys).out  # stored again, whole


@pytest.mark.slow
def test_a_reused_report_never_imports_pandas_or_spacy(corpus, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    argv = ["report", str(corpus), "--out", str(out), "--cache", str(cache), "--quiet"]
    assert main(argv) == OK
    code = ("import sys; from kit.cli import main; code = main(sys.argv[1:]); "
            "print(code, 'pandas' in sys.modules, 'spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, *argv], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.stdout.split() == ["0", "False", "False"], done.stderr
