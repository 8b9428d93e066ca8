"""Each format on real text: samples derived from the seed and the Wikinews articles."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import kit
from kit.formats import wire
from kit.formats.encoding import decode
from kit.formats.language import count_words, guess_language

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests/samples"
SEED = ROOT / "data/wire/000_3a78acad3bfae3fb.txt"
SEED_HEADLINE = "Russia rotates military 'technicians' from crisis-hit Venezuela"
CATALONIA = "Catalonia apartment block fire kills three, injures sixteen"
RECORDS = [json.loads(line) for line in (ROOT / "data/wikinews/articles.jsonl").read_text(encoding="utf-8").splitlines()]


def read(path, **options):
    return kit.read_corpus(path, quiet=True, **options)


@pytest.mark.parametrize(
    "sample, format_name, n_articles, headline, outlet",
    [
        ("seed_separate_lines.txt", "wire", 1, SEED_HEADLINE, "AFP"),
        ("seed_two_versions.txt", "wire", 2, "Russia rotates military 'technicians' from Venezuela", "AFP"),
        ("seed_newsml.xml", "newsml", 1, SEED_HEADLINE, "AFP"),
        ("wikinews_three.jsonl", "jsonl", 3, CATALONIA, "Wikinews"),
        ("wikinews_two.json", "json", 2, CATALONIA, "Wikinews"),
        ("wikinews_three.csv", "csv", 3, CATALONIA, "Wikinews"),
        ("wikinews_plain.txt", "text", 1, CATALONIA, None),
        ("wikinews_page.html", "html", 1, CATALONIA, "Wikinews"),
    ],
)
def test_each_format_reads_its_sample(sample, format_name, n_articles, headline, outlet):
    corpus = read(SAMPLES / sample)
    assert corpus.problems.empty
    articles = corpus.articles
    assert len(articles) == n_articles
    assert set(articles.format) == {format_name}
    assert articles.headline.iloc[0] == headline
    assert (articles.outlet.iloc[0] if pd.notna(articles.outlet.iloc[0]) else None) == outlet
    assert set(articles.language) == {"en"}


@pytest.mark.parametrize(
    "sample, body_of",
    [("wikinews_three.jsonl", 5), ("wikinews_two.json", 5), ("wikinews_three.csv", 5), ("wikinews_plain.txt", 5)],
)
def test_record_formats_keep_the_text_exactly(sample, body_of):
    assert read(SAMPLES / sample).articles.body.iloc[0] == RECORDS[body_of]["text"]


def test_html_keeps_the_article_and_drops_scripts_navigation_and_footer():
    body = read(SAMPLES / "wikinews_page.html").articles.body.iloc[0]
    assert "An apartment block caught fire on Saturday morning in Badalona" in body
    for boilerplate in ("tracking pixel", "do not read me", "Random article", "Privacy policy"):
        assert boilerplate not in body


@pytest.mark.parametrize("sample", ["seed_separate_lines.txt", "seed_newsml.xml"])
def test_the_seed_in_other_shapes_gives_the_seed_metadata(sample):
    row = read(SAMPLES / sample).articles.iloc[0]
    seed = read(SEED).articles.iloc[0]
    for column in ("headline", "dateline_place", "dateline_date", "agency", "published"):
        assert row[column] == seed[column], column
    assert row.body.split() == seed.body.split()


def test_plain_text_bodies_map_back_to_the_file():
    text = (SAMPLES / "seed_separate_lines.txt").read_text(encoding="utf-8")
    row = next(wire.read(text))
    assert text[row["body_start"] : row["body_start"] + len(row["body"])] == row["body"]


def test_versions_of_one_story_share_a_story_id_and_latest_only_keeps_the_newest():
    path = SAMPLES / "seed_two_versions.txt"
    articles = read(path).articles
    assert articles.version.tolist() == ["1stlead", "2ndlead"]
    assert articles.story_id.nunique() == 1
    assert articles.issue.tolist() == [79, 79]
    latest = read(path, latest_only=True).articles
    assert latest.version.tolist() == ["2ndlead"] and latest.source.iloc[0].endswith("#2")


# The first paragraph of a real Wikinews article, under the datelines of many agencies.
LEAD = RECORDS[12]["text"].split("\n")[0]


@pytest.mark.parametrize(
    "dateline, place, agency, date",
    [
        ("WASHINGTON (AP) — ", "WASHINGTON", "AP", None),
        ("LONDON, Jan 15 (Reuters) - ", "LONDON", "Reuters", None),
        ("Berlin (dpa) - ", "Berlin", "dpa", None),
        ("(ANSA) - ROME, January 15 - ", "ROME", "ANSA", None),
        ("Madrid, 15 ene (EFE).- ", "Madrid", "EFE", None),
        ("TEHRAN, Jan. 15 (Xinhua) -- ", "TEHRAN", "Xinhua", None),
        ("MOSCOW, January 15. /TASS/. ", "MOSCOW", "TASS", None),
        ("Tehran, January 15, 2019 (AFP) - ", "Tehran", "AFP", "2019-01-15"),
        ("ST. PAUL, Minn. (AP) — ", "ST. PAUL, Minn.", "AP", None),
        ("New Delhi, Jan 15 (PTI) ", "New Delhi", "PTI", None),
    ],
)
def test_datelines_of_many_agencies(dateline, place, agency, date):
    text = "Iranian cargo plane crashes into Karaj houses\n\n" + dateline + LEAD + "\n"
    row = next(wire.read(text))
    assert (row["dateline_place"], row["agency"], row["body"], row["headline"]) == (
        place, agency, LEAD, "Iranian cargo plane crashes into Karaj houses")
    assert (row.get("dateline_date").date().isoformat() if row.get("dateline_date") else None) == date


@pytest.mark.parametrize(
    "header, keywords, version, published",
    [
        ("Iran accident aviation,urgent 15 Ocak 2019 - 09:12", ["Iran", "accident", "aviation"], "urgent", "2019-01-15 09:12"),
        ("Iran accident aviation,1stlead 15 January 2019 - 09:12", ["Iran", "accident", "aviation"], "1stlead", "2019-01-15 09:12"),
        ("Iran accident aviation,2ndlead 15 janvier 2019 - 09:12", ["Iran", "accident", "aviation"], "2ndlead", "2019-01-15 09:12"),
        ("Iran accident aviation,correction 15 de enero de 2019 - 09:12", ["Iran", "accident", "aviation"], "correction", "2019-01-15 09:12"),
        ("Iran Unfall Luftfahrt,update 15. Januar 2019 - 09:12", ["Iran", "Unfall", "Luftfahrt"], "update", "2019-01-15 09:12"),
    ],
)
def test_header_lines_in_several_languages(header, keywords, version, published):
    text = header + "\n\nIranian cargo plane crashes Tehran, Jan 15 (AFP) - " + LEAD + " bur/ec\n"
    row = next(wire.read(text))
    assert (row["keywords"], row["version"], str(pd.Timestamp(row["published"]))[:16]) == (keywords, version, published)
    assert row["dateline_date"].date().isoformat() == "2019-01-15"
    assert (row["body"], row["desk"]) == (LEAD, "bur/ec")


def test_several_stories_without_headers_are_split_at_their_datelines():
    texts = [RECORDS[i]["text"].split("\n")[0] for i in (5, 10, 24)]
    bulletin = "\n\n".join(f"{RECORDS[i]['title']}\n\nLONDON (AP) — {text}" for i, text in zip((5, 10, 24), texts))
    rows = list(wire.read(bulletin))
    assert [row["headline"] for row in rows] == [RECORDS[i]["title"] for i in (5, 10, 24)]
    assert [row["body"] for row in rows] == texts


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1"],
)
def test_encodings_of_a_wikinews_article_with_accents(encoding):
    text = next(r["text"] for r in RECORDS if "Gdańsk" not in r["text"] and "é" in r["text"])
    if encoding in ("cp1252", "latin-1"):
        text = text.encode(encoding, errors="ignore").decode(encoding)
    assert decode(text.encode(encoding)).text == text


def test_mojibake_is_repaired():
    text = RECORDS[11]["text"]  # Gdańsk: non-Latin-1 letters
    garbled = text.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    assert "Gdańsk" in decode(garbled).text


@pytest.mark.parametrize(
    "text, language",
    [(RECORDS[0]["text"], "en"),
     ("Bundeskanzlerin Angela Merkel trifft am Donnerstag den französischen Präsidenten, und die beiden wollen über die Zukunft der Union sprechen.", "de"),
     ("El presidente del Gobierno convocó este jueves elecciones para el mes de abril, según un comunicado de la Moncloa.", "es"),
     ("Rusya, Venezuela'daki askeri teknisyenlerini değiştirdi ve bu konuda bir açıklama yaptı, ancak ayrıntı vermedi.", "tr"),
     ("Okay.", None)],
)
def test_language_guess(text, language):
    assert guess_language(text) == language


@pytest.mark.parametrize(
    "text, words",
    [(RECORDS[0]["text"], len(RECORDS[0]["text"].split())),
     ("Two  spaces,\n\nthen a paragraph.\n", 5),
     ("Three   spaces and a tab\there", 6),
     ("No-break\u00a0space and thin\u2009space", 5),
     ("Ideographic\u3000space, “quotes” — dashes", 5),
     ("Zero\u200bwidth is no space", 4),
     ("Control\x1cseparators\x1fsplit", 3),
     ("  \n  ", 0),
     ("é", 1)],
)
def test_count_words_is_split(text, words):
    # the reader's n_words: len(text.split()), counted without making the words
    assert count_words(text) == words == len(text.split())


# Bulletins whose header pattern may run from one line into the next: a story read in the
# whole file keeps the header it has when read alone.
@pytest.mark.parametrize(
    "text",
    ["Russia US\n,2ndlead 27 Haziran 2019 - 03:57\nHeadline\nMoscow, June 27, 2019 (AFP) - Text. bur/ec\n"
     "Russia US,urgent 27 Haziran 2019 - 04:10\nHeadline two\nMoscow, June 27, 2019 (AFP) - More. bur/ec\n",
     "Slug words,\n2ndlead 27 Haziran 2019 - 03:57\nHeadline\nMoscow, June 27, 2019 (AFP) - Text. bur/ec\n"
     " ,urgent 27 Haziran 2019 - 04:10\nHeadline two\nMoscow, June 27, 2019 (AFP) - More. bur/ec\n",
     SEED.read_text(encoding="utf-8") * 3],
)
def test_wire_stories_read_alike_in_the_bulletin_and_alone(text):
    rows = [row for row in wire.read(text) if isinstance(row, dict)]
    alone = [wire._read_story(text, start, end) for start, end in wire._split(text)]
    assert [{k: v for k, v in row.items() if k not in ("position", "issue")} for row in rows] == \
        [{k: v for k, v in row.items() if k != "issue"} for row in alone]


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_of_samples_reads_like_the_samples(tmp_path):
    names = ["seed_separate_lines.txt", "wikinews_three.jsonl", "wikinews_three.csv", "wikinews_page.html"]
    archive = tmp_path / "samples.zip"
    archive.write_bytes(_zip({f"news/{name}": (SAMPLES / name).read_bytes() for name in names}))
    corpus = read(archive)
    assert corpus.problems.empty
    assert len(corpus.articles) == 1 + 3 + 3 + 1
    assert corpus.articles.source.iloc[0] == f"{archive.as_posix()}!news/seed_separate_lines.txt"
    assert corpus.articles.source.iloc[1] == f"{archive.as_posix()}!news/wikinews_three.jsonl#1"
    assert [p.name for p in tmp_path.iterdir()] == ["samples.zip"]  # read in memory, nothing extracted


def test_a_gzipped_file_reads_like_the_file(tmp_path):
    path = tmp_path / "articles.jsonl.gz"
    path.write_bytes(gzip.compress((SAMPLES / "wikinews_three.jsonl").read_bytes()))
    corpus = read(path)
    assert corpus.articles.body.tolist() == [RECORDS[i]["text"] for i in (5, 10, 24)]


def test_a_field_mapping_names_unusual_columns(tmp_path):
    path = tmp_path / "export.csv"
    frame = pd.DataFrame({"story_text": [RECORDS[5]["text"]], "hed": [RECORDS[5]["title"]], "day": ["2019-01-07"]})
    frame.to_csv(path, index=False)
    corpus = read(path, fields={"body": "story_text", "published": "day"})
    row = corpus.articles.iloc[0]
    assert (row.body, row.headline, row.published) == (RECORDS[5]["text"], RECORDS[5]["title"], pd.Timestamp("2019-01-07"))


@pytest.mark.parametrize(
    "fields, outlet",
    [({"source": "The Guardian"}, "The Guardian"),
     ({"source": "Wikinews (en.wikinews.org), collected by W. van Atteveldt"}, "Wikinews"),
     ({"source": {"id": "bbc-news", "name": "BBC News"}}, "BBC News"),
     ({"source": "feed.xml", "publisher": "Le Monde"}, "Le Monde"),
     ({"agency": "AFP"}, "AFP")],
)
def test_a_records_own_source_field_names_the_outlet_never_the_source(tmp_path, fields, outlet):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": RECORDS[5]["text"], **fields}))
    row = read(path).articles.iloc[0]
    assert (row.source, row.outlet) == (path.as_posix(), outlet)


def test_wire_content_is_recognised_whatever_the_extension(tmp_path):
    path = tmp_path / "story.dat"
    path.write_bytes(SEED.read_bytes())
    assert read(path).articles.format.tolist() == ["wire"]


def test_a_numbered_line_inside_a_body_is_not_the_issue_footer():
    body = RECORDS[12]["text"]
    text = f"Iran accident aviation,urgent 15 Ocak 2019 - 09:12\n\nPlane crash Tehran, Jan 15 (AFP) - {body}\nNo. 5\n{body} bur/ec\n\n81. Sayı\n"
    row = next(wire.read(text))
    assert row["issue"] == 81 and row["body"] == f"{body}\nNo. 5\n{body}"


def test_hyphenated_slugs_give_keywords():
    row = next(wire.read("Iran-accident-aviation,urgent 15 Ocak 2019 - 09:12\n\nPlane crash\nTehran, Jan 15 (AFP) - " + LEAD))
    assert row["keywords"] == ["Iran", "accident", "aviation"]


def test_a_plain_article_quoting_an_agency_deep_inside_stays_plain_text(tmp_path):
    record = RECORDS[1]
    paragraphs = record["text"].split("\n\n")
    text = record["title"] + "\n\n" + "\n\n".join(paragraphs[:3] + ["Officials told the agency (AFP) - no comment."] + paragraphs[3:])
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    row = read(path).articles.iloc[0]
    assert (row.format, row.headline) == ("text", record["title"])


@pytest.mark.parametrize(
    "first_line, is_header",
    [("Russia US Venezuela diplomacy military,2ndlead 27 Haziran 2019 - 03:57", True),
     ("Iran accident,1st writethru 15 January 2019 09:12", False),  # two-word version: not one we read
     ("Iran accident,URGENT 15 January 2019 09:12", True),
     ("Paris, Tuesday 27 June 2019 - 10:00", False),
     ("Russia, China and Iran 27 June 2019 10:00", False)],
)
def test_header_lines_need_a_story_version(first_line, is_header):
    row = next(wire.read(first_line + "\n\nHeadline\nTehran, Jan 15 (AFP) - " + LEAD))
    assert (row.get("version") is not None) == is_header


@pytest.mark.parametrize(
    "opening, place",
    [("WASHINGTON — ", "WASHINGTON"), ("LIMA, Peru — ", "LIMA, Peru"), ("NEW YORK -- ", "NEW YORK"), ("", None)],
)
def test_newspaper_datelines_in_plain_text(tmp_path, opening, place):
    path = tmp_path / "article.txt"
    path.write_text(RECORDS[12]["title"] + "\n\n" + opening + RECORDS[12]["text"], encoding="utf-8")
    row = read(path).articles.iloc[0]
    assert (row.dateline_place if pd.notna(row.dateline_place) else None, row.body) == (place, RECORDS[12]["text"])


@pytest.mark.parametrize("end", ["\nENDS\n", "\n(END)", "\n-30-\n", "\n###\n", "\n----------\n", "\n(Reporting by Parisa Hafezi; Editing by Alex Richardson)\n", "\n"])
def test_end_marks_and_credit_lines_are_not_body(end):
    row = next(wire.read("Iranian cargo plane crashes\n\nTEHRAN, Jan 15 (Reuters) - " + LEAD + end))
    assert row["body"] == LEAD


@pytest.mark.parametrize(
    "times, same_story",
    [(["27 Haziran 2019 - 23:40", "28 Haziran 2019 - 00:35"], True),   # a lead after midnight
     (["27 Haziran 2019 - 09:00", "27 Haziran 2019 - 18:00"], True),
     (["27 Haziran 2019 - 09:00", "30 Haziran 2019 - 09:00"], False)],  # the same slug days later
)
def test_versions_across_files_and_midnight_share_a_story(tmp_path, times, same_story):
    seed = SEED.read_text(encoding="utf-8")
    for number, (time, version) in enumerate(zip(times, ["1stlead", "2ndlead"])):
        text = seed.replace("2ndlead 27 Haziran 2019 - 03:57", f"{version} {time}")
        (tmp_path / f"{number}.txt").write_text(text, encoding="utf-8")
    articles = read(tmp_path).articles
    assert (articles.story_id.nunique() == 1) == same_story
    assert len(read(tmp_path, latest_only=True).articles) == (1 if same_story else 2)


@pytest.mark.parametrize(
    "head, dateline, expected",
    [
        ("UPDATE 2-Iranian cargo plane crashes into Karaj houses\n\n(Adds death toll, details)\n\nBy Parisa Hafezi\n\n",
         "TEHRAN, Jan 15 (Reuters) - ",
         {"version": "UPDATE 2", "advisory": "Adds death toll, details", "byline": "By Parisa Hafezi"}),
        ("Iranian cargo plane crashes into Karaj houses\nby Ali NOORANI\n", "Tehran, Jan 15, 2019 (AFP) - ",
         {"version": None, "advisory": None, "byline": "by Ali NOORANI"}),
        ("Iranian cargo plane crashes into Karaj houses\n\nEds: UPDATES with death toll.\n\nBy NASSER KARIMI\n\n",
         "TEHRAN, Iran (AP) — ",
         {"version": None, "advisory": "UPDATES with death toll.", "byline": "By NASSER KARIMI"}),
    ],
)
def test_bylines_advisories_and_headline_versions(head, dateline, expected):
    row = next(wire.read(head + dateline + LEAD + "\n"))
    assert row["headline"] == "Iranian cargo plane crashes into Karaj houses" and row["body"] == LEAD
    assert {key: row.get(key) for key in expected} == expected


# -- the format registry: adding a format is one module and one line --------------------------
@pytest.fixture
def shout_format():
    """A tiny fake format (``.shout`` files, or text opening with ``SHOUT:``), registered for one test."""
    from kit.formats import registry

    def read_shout(text, fields=None):
        for number, line in enumerate(text.split("\n"), 1):
            if line.startswith("SHOUT:") and line[6:].strip():
                yield {"body": line[6:].strip().lower(), "headline": "shout", "position": f"#{number}"}

    shout = registry.Format("shout", (".shout",), lambda head: head.startswith("SHOUT:"), read_shout)
    registry.register(shout, before="json")
    yield shout
    registry.unregister("shout")


@pytest.mark.parametrize("name, content", [("calls.shout", "QUAKE HITS PERU\nSHOUT: A QUAKE HIT PERU"),
                                           ("calls.txt", "SHOUT: A QUAKE HIT PERU\nSHOUT: TWO DEAD")])
def test_a_registered_format_is_read_by_suffix_or_content(tmp_path, shout_format, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    corpus = read(path)
    assert set(corpus.articles.format) == {"shout"}
    assert corpus.articles.body.iloc[0] == "a quake hit peru"


def test_an_unregistered_format_is_no_longer_claimed(tmp_path):
    from kit.formats import registry

    assert "shout" not in [f.name for f in registry.FORMATS]
    path = tmp_path / "calls.txt"
    path.write_text("SHOUT: A QUAKE HIT PERU\nSHOUT: TWO DEAD", encoding="utf-8")
    assert read(path).articles.format.tolist() == ["text"]


def test_the_reader_has_no_branch_per_format():
    """kit/formats/reader.py dispatches through the registry only: no format is named in it."""
    code = (ROOT / "kit/formats/reader.py").read_text(encoding="utf-8")
    for module in ("wire", "plaintext", "jsonrecords", "csvfile", "html", "newsml", "zipfile", "gzip"):
        assert f"import {module}" not in code and f"{module}." not in code, module
