"""Write a corpus of what real corpora contain and what an attacker might send.

The files are generated, not committed: `python tests/hostile/make_hostile.py DIR`
writes them into DIR (the tests write them into a temporary folder). Every file is
named for what it tests; `EXPECT` says whether the kit should read articles from
it ("article") or list it as a problem ("problem"), or either ("any").
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "data/wire/000_3a78acad3bfae3fb.txt").read_text(encoding="utf-8")
WIKINEWS = [json.loads(line) for line in (ROOT / "data/wikinews/articles.jsonl").read_text(encoding="utf-8").splitlines()[:5]]
PLAIN = f"{WIKINEWS[0]['title']}\n\n{WIKINEWS[0]['text']}\n"

#: file name -> what the reader should make of it
EXPECT: dict[str, str] = {}


def _write(folder: Path, name: str, data: bytes | str, expect: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    EXPECT[name] = expect
    return path


def files(folder: Path) -> None:
    _write(folder, "empty.txt", b"", "problem")
    _write(folder, "whitespace only.txt", "   \n\t\n  \r\n", "problem")
    _write(folder, "nul bytes.txt", b"Headline\x00\x00\n\x00body\x00" * 50, "any")
    _write(folder, "report.pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)) * 40, "problem")
    _write(folder, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40, "problem")
    _write(folder, "seed utf-16.txt", SEED.encode("utf-16"), "article")
    _write(folder, "seed cp1254.txt", SEED.encode("cp1254"), "article")
    _write(folder, "seed bom.txt", b"\xef\xbb\xbf" + SEED.encode("utf-8"), "article")
    _write(folder, "seed crlf.txt", SEED.replace("\n", "\r\n").encode("utf-8"), "article")
    _write(folder, "seed cr.txt", SEED.replace("\n", "\r").encode("utf-8"), "article")
    _write(folder, "latin-1.txt", "Café owners in Montréal say «no» to the plan\n\nThe café's owner said prices rose 5%.\n".encode("latin-1"), "article")
    _write(folder, "mojibake.txt", PLAIN.replace("—", "â€”").replace("'", "â€™") + "\nThe cafÃ© reopened.\n", "article")
    sentence = "The committee said the budget would grow by 5% next year. "
    _write(folder, "huge article.txt", "A very long article\n\n" + sentence * (20_000_000 // len(sentence)), "article")
    _write(folder, "numbers.txt", "Sixty thousand numbers\n\n" + " ".join(str(n) for n in range(60_000)), "article")
    _write(folder, "unbalanced quotes.txt", 'Quotes everywhere\n\nHe said "' + ('and "then' * 3000) + " it ended.\n", "article")
    _write(folder, "bidi and zero width.txt", "Right\u202eto\u202cleft\n\nThe minister\u200b said\u200d \u202e\"evil\"\u202c today.\u2066x\u2069\n", "article")
    _write(folder, "emoji 🇺🇦 flags.txt", "Flags 🇺🇦🇷🇺 and emoji 😀\n\nProtesters 👩‍👩‍👧 carried 300 🇺🇦 flags, organisers said.\n", "article")
    _write(folder, "Ağustos haberi ünlü.txt", PLAIN, "article")
    _write(folder, "looks like a file.txt/inside.txt", PLAIN, "article")
    _write(folder, "html in text.txt", "A <b>bold</b> headline <script>alert(1)</script>\n\n"
           "The mayor said <img src=x onerror=alert(1)> \"we will <script>rebuild</script>\".\n", "article")


def records(folder: Path) -> None:
    rows = [{"title": r["title"], "text": r["text"], "date": r["date"]} for r in WIKINEWS[:3]]
    _write(folder, "array.json", json.dumps(rows), "article")
    _write(folder, "object.json", json.dumps(rows[0]), "article")
    _write(folder, "deep.json", "[" * 100_000 + "]" * 100_000, "problem")
    _write(folder, "broken.json", '{"title": "x", "text": "unfinished', "problem")
    lines = [json.dumps(rows[0]), "[1, 2, 3]", "42", "null", json.dumps({"title": "no text"}),
             json.dumps({"title": "null text", "text": None}), "{not json", json.dumps(rows[1]), ""]
    _write(folder, "mixed lines.jsonl", "\n".join(lines) + "\n", "article")
    _write(folder, "quoted newlines.csv", 'Title,Text,Date\n"A, headline","First line\nsecond ""quoted"" line",2019-06-27\n'
           '"Bad date","Body text here.",not a date\n', "article")
    _write(folder, "missing columns.csv", "name,age\nAda,36\n", "problem")
    _write(folder, "script page.html", "<html><head><title>Nothing here</title><script>alert('x')</script></head>"
           "<body><nav>Home | About</nav><script>document.write('x')</script></body></html>", "any")


def archives(folder: Path) -> None:
    def make_zip(entries: dict[str, bytes]) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in entries.items():
                archive.writestr(name, data)
        return buffer.getvalue()

    _write(folder, "traversal.zip", make_zip({"../escaped.txt": PLAIN.encode(), "/etc/absolute.txt": PLAIN.encode(),
                                              "fine/article.txt": PLAIN.encode()}), "any")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("bomb.txt", "w", force_zip64=True) as entry:
            chunk = b"\0" * (1 << 24)
            for _ in range(2 * 64):  # 2 GiB of zeros, 2 MB compressed
                entry.write(chunk)
    _write(folder, "bomb.zip", bomb.getvalue(), "problem")
    inner = make_zip({"inner.txt": PLAIN.encode()})
    _write(folder, "nested.zip", make_zip({"inner.zip": inner, "outer.txt": PLAIN.encode()}), "article")
    _write(folder, "corrupt.zip", b"PK\x03\x04" + b"\x00garbage" * 100, "problem")
    good = make_zip({"a.txt": PLAIN.encode(), "b.txt": SEED.encode()})
    _write(folder, "truncated.zip", good[: len(good) // 2], "problem")
    _write(folder, "truncated.txt.gz", gzip.compress(PLAIN.encode())[:60], "problem")


def reading(folder: Path) -> None:
    """Issue 18's reading items: each of these was lost, refused or crashed before."""
    _write(folder, "surrogate.json", '{"title": "Broken \\ud83d emoji", "text": %s}' % json.dumps(PLAIN + " \ud83d"),
           "article")
    _write(folder, "exclusive.txt", "<<EXCLUSIVE>> " + PLAIN, "article")
    _write(folder, "stray nul.txt", SEED.replace(" military", "\x00 military", 3), "article")
    _write(folder, "two members.txt.gz", gzip.compress(PLAIN.encode()) + gzip.compress(b"\nMore text follows here.\n"),
           "article")
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, text in (("a.txt", PLAIN), ("b/seed.txt", SEED)):
            info = tarfile.TarInfo(name)
            info.size = len(text.encode())
            archive.addfile(info, io.BytesIO(text.encode()))
    _write(folder, "stories.tar.gz", buffer.getvalue(), "article")
    _write(folder, "empty.zip", b"PK\x05\x06" + b"\x00" * 18, "problem")
    _write(folder, "archive.7z", b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(range(256)), "problem")
    link = folder / "link out.txt"
    if not link.is_symlink():
        os.symlink("/etc/hostname" if Path("/etc/hostname").exists() else "/etc/passwd", link)
    EXPECT["link out.txt"] = "problem"


def write_hostile_corpus(folder: str | Path) -> dict[str, str]:
    """Write every hostile file into ``folder``; returns {relative name: expectation}."""
    folder = Path(folder)
    EXPECT.clear()
    files(folder)
    records(folder)
    archives(folder)
    reading(folder)
    return dict(EXPECT)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/hostile/generated")
    written = write_hostile_corpus(target)
    print(f"wrote {len(written)} hostile files into {target}")
