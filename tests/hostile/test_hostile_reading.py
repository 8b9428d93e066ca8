"""Hostile input to read_corpus (issue 18, the reading items): each file is an article or a problem.

Fast, reading only (no analysis): every case is built in a temporary folder from
the seed story and Wikinews articles. Items of issue 18 are named in each test.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import tarfile
import tracemalloc
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import kit

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "data/wire/000_3a78acad3bfae3fb.txt").read_bytes()
RECORDS = [json.loads(line) for line in (ROOT / "data/wikinews/articles.jsonl").read_text(encoding="utf-8").splitlines()]
TEXT = RECORDS[5]["text"]
PLAIN = f"{RECORDS[5]['title']}\n\n{TEXT}\n".encode()


def read(path, **options):
    return kit.read_corpus(path, quiet=True, **options)


def file_of(source: str) -> str:
    return source.split("!", 1)[0].split("#", 1)[0]


def reasons(corpus) -> str:
    return " | ".join(corpus.problems.reason).lower()


def tar_of(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for name, data in entries.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def zip_of(entries: dict[str, bytes], folders=()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for folder in folders:
            archive.writestr(zipfile.ZipInfo(folder), b"")
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# -- item 2: lone surrogates -------------------------------------------------------------------
@pytest.mark.parametrize("name, content", [
    ("scraped.json", '{"title": "Broken \\ud83d emoji", "text": "Protesters \\ud83d carried flags \\udc00 today."}'),
    ("scraped.jsonl", '{"title": "ok", "text": "Protesters \\ud83d carried flags today."}\n{"text": "Fine text here."}\n'),
])
def test_lone_surrogates_are_repaired_on_reading_and_reported(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    corpus = read(path)
    body = corpus.articles.body.iloc[0]
    assert "\ufffd" in body and body.encode("utf-8")  # encodable: the cache and parquet can hold it
    assert "surrogate" in reasons(corpus)
    corpus.articles.to_parquet(tmp_path / "articles.parquet")


# -- item 3: file names that are not UTF-8 -----------------------------------------------------
def test_a_file_name_that_is_not_utf8_is_read_and_shown_printably(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as handle:
        handle.write(PLAIN)
    with open(os.path.join(folder, b"bad\xff.json"), "wb") as handle:
        handle.write(b"not json at all {")
    corpus = read(tmp_path)
    assert corpus.articles.body.tolist() == [TEXT]
    sources = corpus.articles.source.tolist() + corpus.problems.source.tolist()
    assert sources == [f"{tmp_path.as_posix()}/caf\\xe9.txt", f"{tmp_path.as_posix()}/bad\\xff.json"]
    for source in sources:
        source.encode("utf-8")  # never a surrogate: printable, encodable
    corpus.articles.to_parquet(tmp_path / "articles.parquet")
    corpus.problems.to_parquet(tmp_path / "problems.parquet")


# -- item 4: CSV memory and over-size records --------------------------------------------------
def _csv_rows(n: int) -> str:
    row = '"{}","{}"\n'.format(RECORDS[5]["title"], TEXT.replace('"', '""'))
    return "title,text\n" + row * n


@pytest.mark.parametrize("layout", ["one line", "many lines"])
def test_a_csv_field_over_the_size_limit_is_a_problem_and_the_rest_is_read(tmp_path, layout):
    big = ("word " * 60_000) if layout == "one line" else ("word " * 1000 + "\n") * 60
    path = tmp_path / "export.csv"
    path.write_text(_csv_rows(2) + f'"padded","{big}"\n' + _csv_rows(2).split("\n", 1)[1], encoding="utf-8")
    corpus = read(path, max_file_bytes=200_000)
    assert corpus.articles.body.tolist() == [TEXT] * 4
    assert len(corpus.problems) >= 1 and ("size limit" in reasons(corpus) or "field limit" in reasons(corpus))


def test_binary_data_after_the_head_of_a_csv_is_one_problem_not_articles(tmp_path):
    path = tmp_path / "export.csv"
    good = _csv_rows(100)
    assert len(good.encode()) > 65536
    path.write_bytes(good.encode() + os.urandom(300_000))
    corpus = read(path)
    assert len(corpus.articles) == 100
    assert not corpus.articles.body.str.contains("\ufffd").any()
    assert "binary data" in reasons(corpus)


def test_a_huge_sparse_csv_stays_within_memory(tmp_path):
    path = tmp_path / "sparse.csv"
    path.write_text(_csv_rows(40), encoding="utf-8")
    with path.open("r+b") as handle:
        handle.truncate(400_000_000)  # a hole of NUL bytes: no disk, 400 MB to read
    tracemalloc.start()
    try:
        corpus = read(path, max_file_bytes=5_000_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(corpus.articles) == 40 and len(corpus.problems) >= 1
    assert peak < 150 << 20


# -- item 5: linear reading and a time budget --------------------------------------------------
@pytest.mark.timeout(300)
@pytest.mark.parametrize("unit", ["Moscow, June 27, 2019 (AFP) - ", "Paris (AFP) - Word ", "(AFP) - "])
def test_back_to_back_datelines_are_read_in_linear_time(tmp_path, unit):
    path = tmp_path / "datelines.txt"
    path.write_text("Moscow, June 27, 2019 (AFP) - Start. " + unit * (300_000 // len(unit)), encoding="utf-8")
    corpus = read(path)
    assert len(corpus.articles) + len(corpus.problems) >= 1


@pytest.fixture
def runaway_format():
    from kit.formats import registry

    def never_ends(text):
        while True:
            sum(range(1000))
        yield {}

    format = registry.register(registry.Format("runaway", (".runaway",), None, never_ends), before="json")
    yield format
    registry.unregister("runaway")


@pytest.mark.timeout(120)
def test_a_runaway_reader_is_stopped_by_the_time_budget(tmp_path, runaway_format):
    (tmp_path / "a.runaway").write_text("anything", encoding="utf-8")
    (tmp_path / "seed.txt").write_bytes(SEED)
    corpus = read(tmp_path, max_file_seconds=0.5)
    assert corpus.articles.format.tolist() == ["wire"]
    problem = corpus.problems[corpus.problems.source.str.endswith("a.runaway")]
    assert "stopped after 0.5 s of cpu time" in problem.reason.iloc[0].lower()


# -- item 11: silent losses --------------------------------------------------------------------
def test_every_member_of_a_multi_member_gzip_is_read(tmp_path):
    lines = [json.dumps({"text": r["text"]}).encode() + b"\n" for r in RECORDS[:3]]
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(b"".join(gzip.compress(line) for line in lines))
    assert read(path).articles.body.tolist() == [r["text"] for r in RECORDS[:3]]


ARCHIVES = [
    ("stories.tar", lambda: tar_of({"a.txt": PLAIN, "b/seed.txt": SEED})),
    ("stories.tar.gz", lambda: gzip.compress(tar_of({"a.txt": PLAIN, "b/seed.txt": SEED}))),
    ("stories.tgz", lambda: gzip.compress(tar_of({"a.txt": PLAIN, "b/seed.txt": SEED}))),
    ("stories.tar.bz2", lambda: bz2.compress(tar_of({"a.txt": PLAIN, "b/seed.txt": SEED}))),
    ("stories.tar.xz", lambda: lzma.compress(tar_of({"a.txt": PLAIN, "b/seed.txt": SEED}))),
]


@pytest.mark.parametrize("name, make", ARCHIVES, ids=[a[0] for a in ARCHIVES])
def test_tar_archives_are_read_like_zip(tmp_path, name, make):
    path = tmp_path / name
    path.write_bytes(make())
    corpus = read(path)
    assert corpus.problems.empty
    assert corpus.articles.source.tolist() == [f"{path.as_posix()}!a.txt", f"{path.as_posix()}!b/seed.txt"]
    assert corpus.articles.format.tolist() == ["text", "wire"]


@pytest.mark.parametrize("name, make", [("story.txt.bz2", lambda: bz2.compress(SEED)),
                                        ("story.txt.xz", lambda: lzma.compress(SEED))])
def test_bz2_and_xz_files_are_read(tmp_path, name, make):
    path = tmp_path / name
    path.write_bytes(make())
    assert read(path).articles.format.tolist() == ["wire"]


def test_tar_entries_that_misbehave_are_refused_and_the_rest_loads(tmp_path):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for name, data in {"../evil.txt": PLAIN, "ok.txt": PLAIN}.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("passwd")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(link)
    path = tmp_path / "mixed.tar"
    path.write_bytes(buffer.getvalue())
    corpus = read(path)
    assert corpus.articles.source.tolist() == [f"{path.as_posix()}!ok.txt"]
    assert sorted(corpus.problems.source.str.split("!").str[1]) == ["../evil.txt", "passwd"]


@pytest.mark.parametrize("name, content, words", [
    ("empty.zip", zip_of({}), "no files"),
    ("folders.zip", zip_of({}, folders=["news/", "news/2019/"]), "only folders"),
    ("empty.tar", tar_of({}), "no files"),
    ("archive.7z", b"7z\xbc\xaf\x27\x1c\x00\x04" + os.urandom(200), "7z"),
    ("archive.rar", b"Rar!\x1a\x07\x01\x00" + os.urandom(200), "rar"),
])
def test_archives_with_nothing_readable_are_a_problem_that_says_why(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    corpus = read(path)
    assert corpus.articles.empty and words in reasons(corpus)
    if name.endswith(("7z", "rar")):
        assert "extract" in reasons(corpus)


def test_a_folder_that_cannot_be_listed_is_a_problem(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "seed.txt").write_bytes(SEED)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.txt").write_bytes(SEED)
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)  # as root, chmod 000 would not stop us
    corpus = read(tmp_path)
    assert len(corpus.articles) == 1
    assert corpus.problems.source.tolist() == [(tmp_path / "locked").as_posix()]
    assert "cannot be listed" in reasons(corpus)


def test_a_path_past_the_os_limit_is_a_problem(tmp_path):
    deep = os.open(tmp_path, os.O_RDONLY)
    try:
        for _ in range(18):  # 18 * 251 characters: past PATH_MAX (4096)
            os.mkdir("d" * 250, dir_fd=deep)
            inner = os.open("d" * 250, os.O_RDONLY, dir_fd=deep)
            os.close(deep)
            deep = inner
        descriptor = os.open("story.txt", os.O_WRONLY | os.O_CREAT, dir_fd=deep)
        os.write(descriptor, PLAIN)
        os.close(descriptor)
    finally:
        os.close(deep)
    corpus = read(tmp_path)
    assert corpus.articles.empty and len(corpus.problems) == 1
    assert "too long" in reasons(corpus)


def test_links_never_leave_the_folder_being_read_without_saying_so(tmp_path):
    corpus_folder, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus_folder.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_bytes(PLAIN)
    (corpus_folder / "seed.txt").write_bytes(SEED)
    (corpus_folder / "sub").mkdir()
    (corpus_folder / "sub" / "plain.txt").write_bytes(PLAIN)
    (corpus_folder / "to_secret.txt").symlink_to(outside / "secret.txt")
    (corpus_folder / "to_outside").symlink_to(outside, target_is_directory=True)
    (corpus_folder / "to_etc").symlink_to("/etc", target_is_directory=True)
    (corpus_folder / "to_seed.txt").symlink_to(corpus_folder / "seed.txt")
    (corpus_folder / "to_sub").symlink_to(corpus_folder / "sub", target_is_directory=True)
    (corpus_folder / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    corpus = read(corpus_folder)
    assert sorted(corpus.articles.source) == [f"{corpus_folder.as_posix()}/seed.txt", f"{corpus_folder.as_posix()}/sub/plain.txt"]
    refused = dict(zip(corpus.problems.source.str.rsplit("/", n=1).str[1], corpus.problems.reason))
    assert set(refused) == {"to_secret.txt", "to_outside", "to_etc", "dangling.txt"}
    assert "out of the folder" in refused["to_etc"] and "/etc" in refused["to_etc"]
    assert "to nothing" in refused["dangling.txt"]
    skipped = dict(zip(corpus.skipped.source.str.rsplit("/", n=1).str[1], corpus.skipped.reason))
    assert set(skipped) == {"to_seed.txt", "to_sub"}


def test_a_symlink_named_explicitly_is_read(tmp_path):
    (tmp_path / "seed.txt").write_bytes(SEED)
    (tmp_path / "link.txt").symlink_to(tmp_path / "seed.txt")
    assert read(tmp_path / "link.txt").articles.format.tolist() == ["wire"]


@pytest.mark.parametrize("name, content, words", [
    ("exclusive.txt", b"<<EXCLUSIVE>> Quake hits Peru\n\nA strong quake hit Peru on Sunday, officials said.\n", None),
    ("nuls.txt", SEED.replace(b" military", b"\x00 military", 3), "nul"),
])
def test_text_that_looks_odd_at_first_is_read(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    corpus = read(path)
    assert len(corpus.articles) == 1 and "\x00" not in corpus.articles.body.iloc[0]
    if words:
        assert words in reasons(corpus) and "dropped" in reasons(corpus)
    else:
        assert corpus.problems.empty


# -- item 12: globs and duplicates -------------------------------------------------------------
@pytest.mark.timeout(120)
def test_globs_do_not_follow_link_loops(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt").write_bytes(PLAIN)
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "b").symlink_to(tmp_path / "a", target_is_directory=True)
    (tmp_path / "b2").symlink_to(tmp_path / "b", target_is_directory=True)
    corpus = read(f"{tmp_path.as_posix()}/**/*.txt")
    assert corpus.articles.source.tolist() == [f"{tmp_path.as_posix()}/a/story.txt"]
    assert corpus.articles.article_id.is_unique


@pytest.mark.parametrize("given", [lambda p: [p, p], lambda p: [p, p.parent], lambda p: [f"{p.parent}/**", p]])
def test_the_same_file_given_twice_is_read_once(tmp_path, given):
    path = tmp_path / "seed.txt"
    path.write_bytes(SEED)
    corpus = read(given(path))
    assert len(corpus.articles) == 1 and corpus.articles.article_id.is_unique
    assert "already read" in " ".join(corpus.skipped.reason)


# -- item 14: races between check and read -----------------------------------------------------
@pytest.mark.timeout(60)
def test_a_file_swapped_for_a_pipe_does_not_block(tmp_path, monkeypatch):
    regular = tmp_path / "regular.txt"
    regular.write_bytes(SEED)
    pipe = tmp_path / "story.txt"
    os.mkfifo(pipe)
    real_stat = Path.stat

    def stat(self, **options):  # the check saw a regular file; by the read it is a pipe
        return real_stat(regular if self == pipe else self, **options)

    monkeypatch.setattr(Path, "stat", stat)
    corpus = read(pipe)
    assert corpus.articles.empty and "not a regular file" in reasons(corpus)


def test_a_file_that_grows_past_the_limit_after_the_check_is_not_read_whole(tmp_path, monkeypatch):
    path = tmp_path / "growing.txt"
    path.write_bytes(SEED * 40)
    small = os.stat(path)
    fake = os.stat_result((small.st_mode, small.st_ino, small.st_dev, small.st_nlink, small.st_uid, small.st_gid,
                           len(SEED), small.st_atime, small.st_mtime, small.st_ctime))
    real_stat, real_fstat = Path.stat, os.fstat
    monkeypatch.setattr(Path, "stat", lambda self, **o: fake if self == path else real_stat(self, **o))
    monkeypatch.setattr(os, "fstat", lambda fd: fake if os.path.samestat(real_fstat(fd), small) else real_fstat(fd))
    corpus = read(path, max_file_bytes=len(SEED) * 2)
    assert corpus.articles.empty and "over the" in reasons(corpus)


# -- item 15: bad arguments and bodies that are not text ---------------------------------------
def test_an_empty_path_is_an_error_not_the_current_folder():
    with pytest.raises(ValueError, match="empty path"):
        kit.read_corpus("")
    with pytest.raises(ValueError, match="empty path"):
        kit.read_corpus(["data/wire", " "])


@pytest.mark.parametrize("body", ["null", "NaN", "42", "[\"a\", \"list\"]", "{\"nested\": 1}", "true", "\"   \""])
@pytest.mark.parametrize("container", ["json", "jsonl"])
def test_a_body_that_is_not_text_is_a_problem_row(tmp_path, body, container):
    record = '{"title": "T", "text": %s}' % body
    good = json.dumps({"text": TEXT})
    path = tmp_path / f"records.{container}"
    path.write_text(f"[{record}, {good}]" if container == "json" else f"{record}\n{good}\n", encoding="utf-8")
    corpus = read(path)
    assert corpus.articles.body.tolist() == [TEXT]
    assert len(corpus.problems) == 1 and corpus.problems.source.iloc[0].endswith("#1")


def test_a_csv_body_column_of_blanks_is_a_problem_row(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(f'title,text\n"A","   "\n"B","{TEXT}"\n', encoding="utf-8")
    corpus = read(path)
    assert corpus.articles.body.tolist() == [TEXT] and len(corpus.problems) == 1


# -- the invariant, over all of the above at once ----------------------------------------------
def test_every_file_in_a_hostile_folder_is_an_article_a_problem_or_skipped(tmp_path):
    for name, make in ARCHIVES:
        (tmp_path / name).write_bytes(make())
    (tmp_path / "empty.zip").write_bytes(zip_of({}))
    (tmp_path / "a.7z").write_bytes(b"7z\xbc\xaf\x27\x1c\x00\x04")
    (tmp_path / "multi.txt.gz").write_bytes(gzip.compress(PLAIN) + gzip.compress(b"more text"))
    (tmp_path / "exclusive.txt").write_bytes(b"<<EXCLUSIVE>> Quake\n\nA quake hit Peru on Sunday.\n")
    (tmp_path / "seed.txt").write_bytes(SEED)
    (tmp_path / "again.txt").symlink_to(tmp_path / "seed.txt")
    (tmp_path / "etc").symlink_to("/etc", target_is_directory=True)
    corpus = read(tmp_path)
    accounted = {file_of(s) for s in pd.concat([corpus.articles.source, corpus.problems.source, corpus.skipped.source])}
    assert accounted == {p.as_posix() for p in tmp_path.iterdir()}


@pytest.mark.slow
def test_repaired_text_and_odd_names_go_through_analysis_the_cache_and_saving(tmp_path):
    """Items 2 and 3 downstream: what reading lets in, the cache and Analysis.save can hold."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write(PLAIN)
    (folder / "scraped.json").write_text('{"title": "Broken \\ud83d", "text": %s}' % json.dumps(TEXT + " \ud83d"),
                                         encoding="utf-8")
    corpus = read(folder)
    assert len(corpus.articles) == 2
    analysis = kit.analyze(corpus, cache=tmp_path / "cache", progress=False)
    again = kit.analyze(corpus, cache=tmp_path / "cache", progress=False)
    pd.testing.assert_frame_equal(analysis.mentions, again.mentions)
    saved = analysis.save(tmp_path / "out")
    assert sorted(kit.Analysis.load(saved).articles.source) == sorted(corpus.articles.source)


def test_tar_entry_names_that_are_not_utf8_are_shown_printably(tmp_path):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.GNU_FORMAT) as archive:
        info = tarfile.TarInfo(os.fsdecode(b"caf\xe9\x1b[2J.txt"))
        info.size = len(PLAIN)
        archive.addfile(info, io.BytesIO(PLAIN))
    path = tmp_path / "names.tar"
    path.write_bytes(buffer.getvalue())
    source = read(path).articles.source.iloc[0]
    assert source == f"{path.as_posix()}!caf\\xe9?[2J.txt" or source == f"{path.as_posix()}!caf\\xe9\\x1b[2J.txt"
    source.encode("utf-8")
