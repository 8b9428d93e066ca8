"""Bad files, records and archives: each becomes a problem a person understands; the rest loads.

Every hostile file is generated here at test time (no binaries in the repository),
mostly from the seed story and Wikinews articles.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tracemalloc
import zipfile
from pathlib import Path

import pytest

import kit

ROOT = Path(__file__).resolve().parents[1]
SEED_BYTES = (ROOT / "data/wire/000_3a78acad3bfae3fb.txt").read_bytes()
RECORDS = [json.loads(line) for line in (ROOT / "data/wikinews/articles.jsonl").read_text(encoding="utf-8").splitlines()]
TEXT = RECORDS[5]["text"]


def read(path, **options):
    return kit.read_corpus(path, quiet=True, **options)


def zipped(entries: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in entries.items():
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return buffer.getvalue()


def bomb(size: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("zeros.txt", "w", force_zip64=True) as entry:
            block = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                entry.write(block)
    return buffer.getvalue()


# name, content, the words the problem's reason must contain
BAD_FILES = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\t\n  \r\n", "only whitespace"),
    ("nul.txt", b"Russia\x00rotated\x00\x00\x00 military" * 20, "NUL"),
    ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n" + bytes(range(256)), "PDF"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PNG"),
    ("broken.json", b'{"title": "Quake", "text": "A quake hit', "not valid JSON"),
    ("scalar.json", b"42", "not articles"),
    ("empty_list.json", b"[]", "empty"),
    ("no_text.json", json.dumps({"title": RECORDS[5]["title"], "date": "2019-01-07"}).encode(), "no text"),
    ("null_text.json", json.dumps({"title": "x", "text": None}).encode(), "no text"),
    ("deep.json", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ("metadata.csv", b"Title,Date,Publisher\nQuake hits,2019-01-07,Wikinews\n", "without a text column"),
    ("script.html", b"<html><head><script>alert('x')</script></head><body><nav>Home</nav></body></html>", "no article text"),
    ("broken.xml", b'<?xml version="1.0"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentMeta>', "broken XML"),
    ("other.xml", b'<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>', "neither NewsML-G2 nor HTML"),
    ("corrupt.zip", b"PK\x03\x04" + os.urandom(200), "corrupt or truncated zip"),
    ("truncated.zip", zipped({"seed.txt": SEED_BYTES * 5})[:-40], "corrupt or truncated zip"),
    ("truncated.txt.gz", gzip.compress(SEED_BYTES)[:-30], "truncated gzip"),
    ("bad.gz", b"\x1f\x8b\x08\x00" + b"\xff" * 64, "gzip"),
]


@pytest.mark.parametrize("name, content, reason", BAD_FILES, ids=[row[0] for row in BAD_FILES])
def test_each_bad_file_is_one_problem_with_a_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    corpus = read(path)
    assert corpus.articles.empty
    assert len(corpus.problems) >= 1
    assert set(corpus.problems.source.str.split("!").str[0]) == {path.as_posix()}
    assert reason.lower() in " ".join(corpus.problems.reason).lower()


# JSON Lines mixing good records, bad lines and records that are not articles
JSONL_LINES = [
    (json.dumps({"title": RECORDS[5]["title"], "text": RECORDS[5]["text"]}), None),
    ("this is not json", "line 2 is not valid JSON"),
    ("[1, 2, 3]", "is a list"),
    ("null", "is null"),
    (json.dumps({"title": "no body here"}), "no text"),
    (json.dumps({"text": ""}), "no text"),
    ('{"text": "unterminated', "not valid JSON"),
    (json.dumps({"title": RECORDS[10]["title"], "text": RECORDS[10]["text"]}), None),
]


def test_json_lines_keep_the_good_lines_and_name_the_bad_ones(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(line for line, _ in JSONL_LINES) + "\n", encoding="utf-8")
    corpus = read(path)
    assert corpus.articles.body.tolist() == [RECORDS[5]["text"], RECORDS[10]["text"]]
    assert corpus.articles.source.tolist() == [f"{path.as_posix()}#1", f"{path.as_posix()}#8"]
    expected = {number: reason for number, (_, reason) in enumerate(JSONL_LINES, 1) if reason}
    got = dict(zip(corpus.problems.line, corpus.problems.reason))
    assert set(got) == set(expected)
    for number, reason in expected.items():
        assert reason.lower() in got[number].lower()


def test_csv_with_quoted_newlines_missing_cells_and_bad_dates(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        'title,text,date\n'
        f'"{RECORDS[5]["title"]}","{RECORDS[5]["text"].replace(chr(34), chr(34) * 2)}",2019-01-07\n'
        '"only a title"\n'
        f'"{RECORDS[10]["title"]}","{RECORDS[10]["text"].replace(chr(34), chr(34) * 2)}",not a date\n'
        '"empty text","",2019-01-01\n',
        encoding="utf-8",
    )
    corpus = read(path)
    assert corpus.articles.body.tolist() == [RECORDS[5]["text"], RECORDS[10]["text"]]
    assert corpus.articles.published.isna().tolist() == [False, True]
    assert sorted(corpus.problems.reason.str.contains("cells|no text|empty").tolist()) == [True, True]


ARCHIVE_CASES = [
    ("slip.zip", {"../../evil.txt": SEED_BYTES, "ok.txt": SEED_BYTES}, "../../evil.txt", "leaves the archive folder"),
    ("absolute.zip", {"/tmp/evil.txt": SEED_BYTES, "ok.txt": SEED_BYTES}, "/tmp/evil.txt", "leaves the archive folder"),
    ("windows.zip", {"C:\\evil.txt": SEED_BYTES, "ok.txt": SEED_BYTES}, "C:/evil.txt", "leaves the archive folder"),
    ("nested.zip", {"inner.zip": zipped({"deep.zip": zipped({"deepest.zip": zipped({"x.txt": SEED_BYTES})})}),
                    "ok.txt": SEED_BYTES}, "inner.zip!deep.zip!deepest.zip", "nested"),
    ("binary_inside.zip", {"scan.pdf": b"%PDF-1.4 " + bytes(range(256)), "ok.txt": SEED_BYTES}, "scan.pdf", "PDF"),
]


@pytest.mark.parametrize("name, entries, bad_entry, reason", ARCHIVE_CASES, ids=[c[0] for c in ARCHIVE_CASES])
def test_archive_entries_that_misbehave_are_refused_and_the_rest_loads(tmp_path, name, entries, bad_entry, reason):
    work = tmp_path / "work"
    work.mkdir()
    path = work / name
    path.write_bytes(zipped(entries))
    before = sorted(p.as_posix() for p in tmp_path.rglob("*"))
    corpus = read(path)
    assert corpus.articles.source.tolist() == [f"{path.as_posix()}!ok.txt"]
    problem = corpus.problems[corpus.problems.source == f"{path.as_posix()}!{bad_entry}"]
    assert len(problem) == 1 and reason.lower() in problem.reason.iloc[0].lower()
    assert sorted(p.as_posix() for p in tmp_path.rglob("*")) == before  # nothing written anywhere
    assert not Path("/tmp/evil.txt").exists()


def test_a_zip_bomb_stops_at_the_limit_without_filling_memory(tmp_path):
    path = tmp_path / "bomb.zip"
    path.write_bytes(bomb(300 << 20))  # 300 MB of zeros in a few hundred kB
    tracemalloc.start()
    try:
        corpus = read(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert corpus.articles.empty
    assert "inflates past" in corpus.problems.reason.iloc[0]
    assert peak < 100 << 20


def test_too_many_entries_is_one_problem(tmp_path):
    path = tmp_path / "many.zip"
    path.write_bytes(zipped({f"{number}.txt": b"x" for number in range(30)}))
    corpus = read(path, max_archive_entries=20)
    assert corpus.problems.reason.str.contains("30 entries").tolist() == [True]


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(SEED_BYTES * 50)
    corpus = read(path, max_file_bytes=len(SEED_BYTES) * 10)
    assert corpus.articles.empty and "over the" in corpus.problems.reason.iloc[0]


HOSTILE_TEXT = [
    ("rtl.txt", "Headline\n\n\u202eRussia rotated\u202c military\u200b technicians\u200d out of Venezuela."),
    ("emoji.txt", "Flags 🇷🇺 🇻🇪\n\n" + TEXT + " 🎉🔥"),
    ("quotes.txt", "Quotes\n\n" + '"' * 5000 + TEXT),
    ("numbers.txt", "Numbers\n\n" + " ".join(str(n) for n in range(60_000))),
    ("ñame with spaces é.txt", "Non-ASCII file name\n\n" + TEXT),
]


@pytest.mark.parametrize("name, text", HOSTILE_TEXT, ids=[c[0] for c in HOSTILE_TEXT])
def test_odd_but_real_text_is_read_verbatim(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    corpus = read(path)
    assert corpus.problems.empty
    assert corpus.articles.body.iloc[0] == text.split("\n\n", 1)[1]


def test_a_folder_named_like_a_file_is_walked(tmp_path):
    folder = tmp_path / "story.txt"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED_BYTES)
    assert read(folder).articles.format.tolist() == ["wire"]


def test_every_file_seen_is_a_source_or_a_problem(tmp_path):
    """The invariant, on a folder holding every kind of bad file next to good ones."""
    for name, content, _ in BAD_FILES:
        (tmp_path / name).write_bytes(content)
    for name, entries, _, _ in ARCHIVE_CASES:
        (tmp_path / name).write_bytes(zipped(entries))
    (tmp_path / "seed.txt").write_bytes(SEED_BYTES)
    (tmp_path / "seed_cp1254.txt").write_bytes(SEED_BYTES.decode("utf-8").encode("cp1254"))
    (tmp_path / "wikinews.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS[:5]) + "\nnot json\n")
    corpus = read(tmp_path)
    files = {p.as_posix() for p in tmp_path.rglob("*") if p.is_file()}

    def file_of(source):
        return source.split("!")[0].split("#")[0]

    read_files = {file_of(s) for s in corpus.articles.source}
    problem_files = {file_of(s) for s in corpus.problems.source}
    assert files == read_files | problem_files
    assert len(corpus.articles) == 2 + 5 + sum(1 for case in ARCHIVE_CASES)
    assert corpus.problems.reason.str.len().min() > 10


# Property-based: whatever the bytes, read_corpus answers, and the file is accounted for.
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

SUFFIXES = [".txt", ".json", ".jsonl", ".csv", ".html", ".xml", ".zip", ".gz", ""]


def _mutations():
    real = [SEED_BYTES[:600], json.dumps(RECORDS[5]).encode(), b'title,text\n"a","b c d"\n',
            zipped({"a.txt": SEED_BYTES[:300]}), gzip.compress(SEED_BYTES[:300])]
    return st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=2000).map(lambda text: text.encode("utf-8", "surrogatepass")),
        st.tuples(st.sampled_from(real), st.integers(0, 600), st.binary(max_size=50)).map(
            lambda cut: cut[0][: cut[1]] + cut[2] + cut[0][cut[1] + len(cut[2]) :]),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=_mutations(), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_become_articles_or_problems(tmp_path, content, suffix):
    path = tmp_path / f"input{suffix}"
    path.write_bytes(content)
    corpus = read(path)
    sources = {s.split("!")[0].split("#")[0] for s in list(corpus.articles.source) + list(corpus.problems.source)}
    assert sources == {path.as_posix()}
    assert all(isinstance(body, str) and body for body in corpus.articles.body)


@settings(max_examples=80, deadline=None)
@given(prefix=st.text(max_size=200), middle=st.text(max_size=300))
def test_wire_bodies_are_slices_of_the_text(prefix, middle):
    from kit.formats import wire

    text = prefix + "\nMoscow, June 27, 2019 (AFP) - " + middle + SEED_BYTES.decode("utf-8")
    for row in wire.read(text):
        if isinstance(row, dict):
            assert text[row["body_start"] : row["body_start"] + len(row["body"])] == row["body"]


def test_a_stray_nul_byte_in_a_long_article_is_dropped_not_fatal(tmp_path):
    path = tmp_path / "damaged.txt"
    path.write_bytes(SEED_BYTES.replace(b"Russia rotated", b"Russia\x00 rotated", 1))
    row = read(path).articles.iloc[0]
    assert row.body.startswith("Russia rotated military technicians") and row.agency == "AFP"


def test_zips_inside_zips_share_one_inflation_budget(tmp_path):
    text = (SEED_BYTES.decode("utf-8") + "\n") * 40  # ~110 kB of real text, compresses well
    inner = zipped({"story.txt": text.encode("utf-8")})
    path = tmp_path / "layers.zip"
    path.write_bytes(zipped({f"part{number}.zip": inner for number in range(8)}))
    corpus = read(path, max_archive_bytes=400_000)
    parts_read = set(corpus.articles.source.str.split("!").str[1])
    parts_refused = set(corpus.problems.source.str.split("!").str[1])
    assert 1 <= len(parts_read) < 8 and parts_read | parts_refused == {f"part{n}.zip" for n in range(8)}
    assert corpus.problems.reason.str.contains("inflates past").all()


def test_json_lines_are_streamed_and_only_an_overlong_line_is_refused(tmp_path):
    path = tmp_path / "dump.jsonl"
    lines = [json.dumps({"title": r["title"], "text": r["text"]}) for r in RECORDS[:20]]
    lines[3] = json.dumps({"title": "padded", "text": "word " * 20_000})  # ~100 kB, over the limit below
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = read(path, max_file_bytes=50_000)  # the file is far larger than this: it is streamed
    assert len(corpus.articles) == 19
    assert corpus.problems.line.tolist() == [4] and "over the size limit" in corpus.problems.reason.iloc[0]


def _fits_cp1252(text: str) -> bool:
    try:
        text.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


@pytest.mark.parametrize("encoding, line_end", [("utf-8", "\n"), ("cp1252", "\r\n"), ("utf-16", "\r\n"), ("utf-8-sig", "\n")])
def test_csv_files_are_streamed_in_their_encoding(tmp_path, encoding, line_end):
    chosen = [r for r in RECORDS if "é" in r["text"] and _fits_cp1252(r["title"] + r["text"])][:3]
    assert len(chosen) == 3
    path = tmp_path / "export.csv"
    rows = ["Title,Text"] + ['"{}","{}"'.format(r["title"].replace('"', '""'), r["text"].replace('"', '""').replace("\n", line_end))
                             for r in chosen]
    path.write_bytes(line_end.join(rows).encode(encoding))
    assert path.stat().st_size > 4000 > max(len(r["text"]) for r in chosen)
    corpus = read(path, max_file_bytes=4000)  # the file is over the limit, each record under it
    assert corpus.problems.empty
    assert corpus.articles.body.tolist() == [r["text"] for r in chosen]


@pytest.mark.parametrize(
    "odd_fields",
    [{"date": 1e30}, {"date": -1e30}, {"date": "99999-99-99"}, {"date": True}, {"title": {"nested": [1, 2]}},
     {"keywords": 5}, {"source": ["a", "list"]}, {"url": None}, {"dateline": 12}, {"date": "x" * 10_000}],
)
def test_records_with_odd_field_types_are_still_read(tmp_path, odd_fields):
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps({"text": TEXT, **odd_fields}) + "\n" + json.dumps({"text": RECORDS[10]["text"]}) + "\n")
    corpus = read(path)
    assert corpus.articles.body.tolist() == [TEXT, RECORDS[10]["text"]]
    assert corpus.problems.empty


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig"])
def test_json_lines_in_other_encodings(tmp_path, encoding):
    path = tmp_path / "wide.jsonl"
    path.write_bytes("\n".join(json.dumps({"text": r["text"]}, ensure_ascii=False) for r in RECORDS[:3]).encode(encoding))
    assert read(path).articles.body.tolist() == [r["text"] for r in RECORDS[:3]]
