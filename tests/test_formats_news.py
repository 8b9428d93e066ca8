"""The news formats of issue 16: web pages, ninjs, NITF, NewsML 1.2 and G2, Reuters-21578, datelines and bylines.

Readers are called directly, and through read_corpus (kit/formats/registry.py). Tests on the shared
corpora (``../shared/corpora``: web pages, IPTC examples) are skipped when the
folder is absent; their texts are never copied here.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
from pathlib import Path

import pytest

from kit.formats import Problem, bylines, html, newsml, newsml1, ninjs, nitf, plaintext, sgml_reuters
from kit.formats.sniff import sniff_markup

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "samples"
IPTC = SAMPLES / "iptc"


def _shared() -> Path:
    candidates = [Path(os.environ["KIT_SHARED"])] if os.environ.get("KIT_SHARED") else []
    candidates += [ROOT / ".." / "shared", ROOT / ".." / ".." / "shared"]
    return next((c for c in candidates if c.is_dir()), candidates[0]) / "corpora"


SHARED = _shared()
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpora is absent")


def rows(reader, path: Path):
    return list(reader.read(path.read_text(encoding="utf-8")))


def articles(items):
    return [item for item in items if not isinstance(item, Problem)]


def problems(items):
    return [item for item in items if isinstance(item, Problem)]


# -- content sniffing ----------------------------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        ("<<EXCLUSIVE>> Minister resigns\n\nThe minister resigned.", None),
        ("< 5 percent of voters backed the plan, the poll found.", None),
        ("Plain words first. <p>later</p>", None),
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        ("<script>var a = '<div>';</script>\n<!-- ad -->\n<html><body><p>Hi</p></body></html>", "html"),
        ("<div class='story'><p>A fragment of a page.</p></div>", "html"),
        ('<?xml version="1.0"?>\n<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x">', "newsml-g2"),
        ('<?xml version="1.0"?><newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">', "newsml-g2"),
        ('<?xml version="1.0"?><NewsML Version="1.2"><NewsEnvelope/>', "newsml1"),
        ('<?xml version="1.0"?>\n<!DOCTYPE nitf SYSTEM "nitf-3-6.dtd">\n<nitf><head/></nitf>', "nitf"),
        ('<!DOCTYPE lewis SYSTEM "lewis.dtd">\n<REUTERS TOPICS="YES" NEWID="1">', "reuters-sgml"),
        ("<rss version='2.0'><channel><title>x</title></channel></rss>", "xml"),
    ],
)
def test_sniff_markup(text, expected):
    assert sniff_markup(text) == expected


@needs_shared
def test_a_page_opening_with_long_scripts_is_html():
    page = (SHARED / "pages/trafilatura-cache/schleifen.ucoz.de.briefe.html").read_text(encoding="utf-8", errors="replace")
    assert not page.lstrip().lower().startswith(("<html", "<!doctype"))
    assert sniff_markup(page) == "html"


# -- web pages -------------------------------------------------------------------
def test_page_metadata_byline_dateline_entities_and_keywords():
    text = (SAMPLES / "html_after_scripts_dateline.html").read_text(encoding="utf-8")
    assert sniff_markup(text) == "html"
    [row] = rows(html, SAMPLES / "html_after_scripts_dateline.html")
    assert row["headline"] == "Senate votes to extend summer school meals 'for three more years'"
    assert row["keywords"] == ["Senate", "school meals", "children", "Congress"]
    assert (row["byline"], row["dateline_place"], row["agency"]) == ("Meredith Jameson", "WASHINGTON", "AP")
    assert row["body"].startswith("The Senate voted on Tuesday")
    for left_out in ("By Meredith Jameson", "(AP)", "Most read", "Privacy policy", "document.createElement"):
        assert left_out not in row["body"]


@pytest.mark.parametrize(
    "sample, reason",
    [("html_page_not_found.html", "not an article: an error page"),
     ("html_front_page.html", "not an article: a list of links")],
)
def test_pages_that_are_not_articles_are_problems(sample, reason):
    items = rows(html, SAMPLES / sample)
    assert not articles(items)
    assert [p.reason[: len(reason)] for p in problems(items)] == [reason]


def test_a_short_main_text_falls_back_to_the_permissive_pass_and_says_so(monkeypatch):
    short = {"text": "Subscribe to read the full story today, it is free.", "title": "Quake hits Peru"}
    full = {"text": "A strong quake hit Peru on Sunday. " * 30, "title": None}
    calls = []

    def fake_extract(text, **settings):
        calls.append(settings)
        return dict(full if settings.get("favor_recall") else short)

    monkeypatch.setattr(html, "_extract", fake_extract)
    items = list(html.read("<html><body>" + "<p>A strong quake hit Peru on Sunday.</p>" * 30 + "</body></html>"))
    [row] = articles(items)
    assert row["body"].startswith("A strong quake") and row["headline"] == "Quake hits Peru"
    assert "permissive pass" in problems(items)[0].reason
    assert calls == [{}, {"favor_recall": True}]


def _pages_bench():
    spec = importlib.util.spec_from_file_location("bench_pages", ROOT / "bench/bench_pages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: Pages the reader used to empty or cut to under half (favor_precision, pruned headers, NFD text,
#: scripts before <html>); their expected text (trafilatura's own test strings) must now be kept.
LOSSY_PAGES = ["rnz.de.witzel.html", "meedia.de.freenet.html", "schleifen.ucoz.de.briefe.html",
               "hundeverein-kreisunna.de.html", "chip.de.tests.html", "novalanalove.com.ear-candy.html",
               "adac.de.kindersitze.html", "reuters.com.parasite.html"]


@needs_shared
@pytest.mark.parametrize("name", LOSSY_PAGES)
def test_real_pages_keep_their_article_text(name):
    from kit.formats.encoding import decode

    bench = _pages_bench()
    expected = bench.expectations(bench.PAGES / "trafilatura_realworld_tests.py")[name]
    text = decode((bench.PAGES / "trafilatura-cache" / name).read_bytes()).text
    [row] = articles(html.read(text))
    kept = bench._normal(f"{row['headline']}\n{row['body']}\n{row.get('comments') or ''}")
    assert [s for s in expected["in"] if bench._normal(s) not in kept] == []
    assert [s for s in expected["not_in"] if bench._normal(s) in bench._normal(row["body"])] == []


@needs_shared
def test_a_page_rendered_by_scripts_is_a_problem():
    from kit.formats.encoding import decode

    page = SHARED / "pages/trafilatura-cache/lanouvellerepublique.fr.martin.html"
    [problem] = list(html.read(decode(page.read_bytes()).text))
    assert problem.reason.startswith("not an article: the page is filled in by scripts")


@needs_shared
def test_reuters_page_headline_entities_byline_and_dateline():
    from kit.formats.encoding import decode

    page = SHARED / "pages/trafilatura-cache/reuters.com.parasite.html"
    [row] = articles(html.read(decode(page.read_bytes()).text))
    assert "&#" not in row["headline"] and row["headline"].startswith("'Parasite'")
    assert (row["byline"], row["dateline_place"], row["agency"]) == ("Jill Serjeant", "LOS ANGELES", "Reuters")
    assert "(Reuters)" not in row["body"][:200]
    assert "Film" in row["keywords"] and all("," not in k for k in row["keywords"])


# -- ninjs -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "sample, expected",
    [
        ("ninjs14_simple_text.json", {"headline": "Captain of wrecked cruise ship on trial in Italy",
                                      "byline": "Paulo Santalucia and Frances d'Emilio", "agency": "AP",
                                      "dateline_place": "GROSSETO, Italy", "published": dt.datetime(2013, 7, 9, 10, 37)}),
        ("ninjs21_dpa_text.json", {"byline": "Christian Hollmann", "agency": "dpa", "language": "de",
                                   "published": dt.datetime(2019, 5, 10, 14, 2, 28)}),
        ("ninjs30_ntb_text.json", {"headline": "Google har kjøpt giganttomt i Skien", "agency": "NTB", "byline": None,
                                   "language": "nb-NO", "story_id": "slug:skien-google|NTB"}),
        ("ninjs30_nitf_body.json", {"byline": "Trond Husø, The Anti-Doping Database", "dateline_place": "Oslo, Norway",
                                    "language": "en"}),
    ],
)
def test_ninjs_text_items(sample, expected):
    [row] = rows(ninjs, IPTC / "ninjs" / sample)
    assert ninjs.looks_like((IPTC / "ninjs" / sample).read_text(encoding="utf-8"))
    assert {key: row.get(key) for key in expected} == expected
    assert len(row["body"].split()) > 15 and "<" not in row["body"]


def test_ninjs_keywords_and_bodies():
    [dpa] = rows(ninjs, IPTC / "ninjs/ninjs21_dpa_text.json")
    assert dpa["body"].startswith("Für Lucien Favre")
    [nitf_body] = rows(ninjs, IPTC / "ninjs/ninjs30_nitf_body.json")
    assert nitf_body["keywords"] == ["Sport", "drug abuse in sport", "Cycling"]
    [ntb] = rows(ninjs, IPTC / "ninjs/ninjs30_ntb_text.json")
    assert ntb["keywords"][:2] == ["Innenriks", "Teknologi"]


@pytest.mark.parametrize(
    "sample, kind",
    [("ninjs14_simple_photo.json", "picture"), ("ninjs30_ap_video.json", "video"), ("ninjs30_event.json", "event")],
)
def test_ninjs_items_that_are_not_text_are_problems(sample, kind):
    [problem] = rows(ninjs, IPTC / "ninjs" / sample)
    assert isinstance(problem, Problem) and problem.reason.startswith(f"a ninjs {kind} item, not a text item")


# -- NITF, NewsML 1.2, Reuters-21578 ---------------------------------------------
def test_nitf_story():
    [row] = rows(nitf, SAMPLES / "nitf_story.xml")
    assert {k: row[k] for k in ("headline", "byline", "agency", "dateline_place", "record_id", "story_id")} == {
        "headline": "Harbour workers end strike after pay deal", "byline": "Meredith Jameson",
        "agency": "Kit Wire Service", "dateline_place": "Rotterdam", "record_id": "KIT-20190627-0042",
        "story_id": "slug:harbour-strike|Kit Wire Service"}
    assert row["published"] == dt.datetime(2019, 6, 27, 14, 30) and row["dateline_date"] == dt.datetime(2019, 6, 27)
    assert row["keywords"] == ["ports", "labour", "strike"]
    # the abstract and the photo caption are not the text
    assert "four percent raise" not in row["body"] and "Cranes stand idle" not in row["body"]
    assert row["body"].count("\n\n") == 2


def test_newsml_1_2_business_wire_release():
    [row] = rows(newsml1, IPTC / "newsml1/businesswire_newsml12.xml")
    assert (row["agency"], row["language"], row["published"]) == ("Business Wire", "en", dt.datetime(2013, 7, 31, 15, 32))
    assert row["headline"].startswith("Lunch Taking a Toll?")
    assert row["body"].startswith("With more Applebee’s® Lunch Combos") and ".bwalign" not in row["body"]
    assert "United States" in row["keywords"]


def test_reuters_21578_stories():
    items = rows(sgml_reuters, SAMPLES / "reuters21578_sample.sgm")
    stories = articles(items)
    assert [s["record_id"] for s in stories] == ["1", "2", "4"]
    assert [p.reason for p in problems(items)] == ["a Reuters-21578 story, NEWID 3, is a brief (a headline only); not read"]
    first, second, fourth = stories
    assert (first["dateline_place"], first["dateline_date"], first["published"]) == (
        "SALVADOR", dt.datetime(1987, 2, 26), dt.datetime(1987, 2, 26, 15, 1, 1))
    assert first["keywords"] == ["cocoa", "el-salvador", "usa"] and not first["body"].endswith("Reuter")
    assert second["headline"] == "KIT WIDGETS <KWI> 4TH QTR NET"
    assert (fourth["byline"], fourth["dateline_date"]) == ("Jane Kitson", dt.datetime(1987, 3, 1))
    assert all("\x02" not in s["body"] and "\x03" not in s["body"] for s in stories)


# -- NewsML-G2 ---------------------------------------------------------------------
def test_newsml_g2_provider_by_uri_falls_back_to_info_source():
    [row] = rows(newsml, IPTC / "newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml")
    assert (row["agency"], row["byline"], row["dateline_place"]) == ("Associated Press", "Meredith Jameson", "New York, NY")
    assert row["keywords"] == ["economy, business and finance", "central bank", "money and monetary policy"]
    assert row["story_id"] == "slug:us-finance-fed|Associated Press"


def test_newsml_g2_yearless_dateline_abstract_and_agency_in_dateline():
    item = """<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:9" version="1">
    <itemMeta><itemClass qcode="ninat:text"/><provider uri="http://example.com/"/>
    <versionCreated>2016-02-09T09:17:00+03:00</versionCreated></itemMeta>
    <contentMeta><located qcode="city:Moscow"/><headline>Talks resume</headline><slugline>talks</slugline>
    <dateline>MOSCOW, Feb 8 (Reuters)</dateline></contentMeta>
    <contentSet><inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">
    <body><body.head><abstract><p>A short summary.</p></abstract></body.head>
    <body.content><p>Talks resumed on Monday in the capital.</p></body.content></body></nitf></inlineXML></contentSet>
    </newsItem>"""
    [row] = list(newsml.read(item))
    assert (row["dateline_place"], row["dateline_date"], row["agency"]) == ("MOSCOW", dt.datetime(2016, 2, 8), "Reuters")
    assert row["body"] == "Talks resumed on Monday in the capital."
    assert row["story_id"] == "slug:talks|Reuters"


@pytest.mark.parametrize(
    "sample, reason",
    [
        ("LISTING_3_Photo_in_NewsML-G2.xml", "a NewsML-G2 picture (ninat:picture), not a text item"),
        ("LISTING_17_Planning_Item_a_CCL.xml", "a NewsML-G2 planning item"),
        ("LISTING_21_A_complete_sample_SportsML-G2_document.xml", "a NewsML-G2 item of sports results (SportsML)"),
        ("LISTING_6_Simple_NewsML-G2_Package.xml", "a NewsML-G2 package item"),
        ("LISTING_28_Illustrating_Located_Subject_and_Dateline.xml", "a NewsML-G2 fragment (a contentMeta block alone"),
    ],
)
def test_newsml_g2_items_that_are_not_text_are_problems(sample, reason):
    [problem] = rows(newsml, IPTC / "newsml-g2" / sample)
    assert isinstance(problem, Problem) and problem.reason.startswith(reason)


def test_newsml_g2_sports_story_in_nitf_is_an_article():
    [row] = rows(newsml, IPTC / "newsml-g2/LISTING_22_Sports_story_in_NewsML-G2NITF.xml")
    assert row["headline"].startswith("Preview: Arizona Diamondbacks") and row["dateline_place"] == "Philadelphia"
    assert "Baseball" in row["keywords"]


READERS = {"newsml-g2": newsml, "ninjs": ninjs}


@needs_shared
@pytest.mark.parametrize("folder, reader", [("agency-formats/newsml-g2", "newsml-g2"), ("agency-formats/ninjs", "ninjs")])
def test_every_shared_example_is_an_article_with_its_fields_or_a_problem_naming_it(folder, reader):
    paths = sorted(p for p in (SHARED / folder).rglob("*") if p.suffix in (".xml", ".json") and "schema" not in p.name)
    paths = [p for p in paths if p.parent.name not in ("NewsML", "schema-extension")]
    assert len(paths) > 20
    kinds = ("picture", "video", "audio", "event", "planning", "concept", "knowledge", "package", "catalog",
             "fragment", "sports", "without text content", "without a body", "composite")
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert READERS[reader].looks_like(text) or path.name.startswith("2023100") or "collection" in str(path), path
        items = list(READERS[reader].read(text))
        assert items, path
        for item in items:
            if isinstance(item, Problem):
                assert any(kind in item.reason for kind in kinds), (path, item.reason)
                continue
            fragment = path.name.startswith("LISTING_25")  # a contentSet alone: text without metadata
            assert item["body"] and (item.get("headline") or "<headline" not in text), path
            assert item.get("published") or fragment, path
            assert "<" not in item["body"][:200], path


# -- datelines and bylines in plain text -------------------------------------------
@pytest.mark.parametrize(
    "body, expected",
    [
        ("JAKARTA (Reuters) - Indonesia said on Monday it would cut fuel subsidies.",
         {"dateline_place": "JAKARTA", "agency": "Reuters", "text": "Indonesia said"}),
        ("WASHINGTON (AP) — The Senate voted on Tuesday.", {"dateline_place": "WASHINGTON", "agency": "AP", "text": "The Senate"}),
        ("SALVADOR, Feb 26 - Showers continued throughout the week.",
         {"dateline_place": "SALVADOR", "dateline_date": dt.datetime(1987, 2, 26), "text": "Showers"}),
        ("LIMA, Peru — A strong quake hit Peru.", {"dateline_place": "LIMA, Peru", "text": "A strong quake"}),
        ("By Meredith Jameson\n\nNEW YORK (Reuters) - Stocks fell.",
         {"byline": "Meredith Jameson", "dateline_place": "NEW YORK", "agency": "Reuters", "text": "Stocks fell."}),
        ("By the way, nobody expected the vote to pass.", {"text": "By the way"}),
        ("The minister (AFP) - said nothing of note today.", {"text": "The minister"}),
    ],
)
def test_datelines_and_bylines_opening_a_body(body, expected):
    head = bylines.read_head(body, published=dt.datetime(1987, 2, 27))
    found = {key: head[key] for key in ("byline", "dateline_place", "agency", "dateline_date") if key in head}
    assert {**found, "text": body[head["start"] :][: len(expected["text"])]} == expected


def test_a_plain_story_titled_with_angle_brackets_keeps_its_byline_and_dateline_apart():
    text = (SAMPLES / "plain_exclusive_byline_dateline.txt").read_text(encoding="utf-8")
    assert sniff_markup(text) is None
    [row] = list(plaintext.read(text))
    assert row["headline"].startswith("<<EXCLUSIVE>>")
    assert (row["byline"], row["dateline_place"], row["agency"]) == ("Jane Kitson", "JAKARTA", "Reuters")
    assert row["body"].startswith("The operator") and text[row["body_start"] :].startswith(row["body"])


# -- through read_corpus (once the registry has the formats) -------------------------
@pytest.mark.parametrize(
    "sample, format_name, n_articles, n_problems",
    [
        ("iptc/ninjs/ninjs21_dpa_text.json", "ninjs", 1, 0),
        ("iptc/ninjs/ninjs30_ap_video.json", None, 0, 1),
        ("nitf_story.xml", "nitf", 1, 0),
        ("iptc/newsml1/businesswire_newsml12.xml", "newsml1", 1, 0),
        ("reuters21578_sample.sgm", "reuters-sgml", 3, 1),
        ("plain_exclusive_byline_dateline.txt", "wire", 1, 0),  # an agency dateline near the top: wire text
        ("html_after_scripts_dateline.html", "html", 1, 0),
        ("html_page_not_found.html", None, 0, 1),
        ("iptc/newsml-g2/LISTING_3_Photo_in_NewsML-G2.xml", None, 0, 1),
    ],
)
def test_read_corpus_reads_each_news_format(sample, format_name, n_articles, n_problems):
    import kit

    corpus = kit.read_corpus(SAMPLES / sample, quiet=True)
    assert (len(corpus.articles), len(corpus.problems)) == (n_articles, n_problems)
    if format_name:
        assert set(corpus.articles.format) == {format_name}
        assert "byline" in corpus.articles.columns
