"""kit.render on real text: the seed's and the Wikinews dev set's hand annotations, then the real analysis."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import pandas as pd
import pytest

from conftest_widgets import HOSTILE, gold_analysis, hostile_analysis
from kit import kwic, render


class _TextAndMarks(HTMLParser):
    """Collects the text of an HTML fragment and checks that marks are balanced."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.depth, self.max_depth, self.tags = [], 0, 0, set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag == "mark":
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)

    def handle_endtag(self, tag):
        if tag == "mark":
            self.depth -= 1
            assert self.depth >= 0, "a </mark> without its <mark>"

    def handle_data(self, data):
        self.text.append(data)


def parse(fragment: str) -> _TextAndMarks:
    parser = _TextAndMarks()
    parser.feed(fragment)
    parser.close()
    assert parser.depth == 0, "every <mark> is closed"
    return parser


@pytest.fixture(scope="module")
def gold():
    return gold_analysis()


@pytest.fixture(scope="module")
def hostile():
    return hostile_analysis()


def seed_span(gold, text: str, table: str = "mentions") -> tuple[int, int]:
    frame = getattr(gold, table)
    row = frame[(frame.article_id == "seed") & (frame.text == text)].iloc[0]
    return int(row.start), int(row.end)


def annotations_at(segments, start: int, end: int) -> list[dict]:
    for segment in segments:
        if segment["start"] <= start < segment["end"]:
            return [a for a in segment["annotations"] if a["start"] <= start and end <= a["end"]]
    raise AssertionError(f"no segment at {start}")


def test_segments_cover_every_body_exactly(gold):
    for article_id, body in zip(gold.articles.article_id, gold.articles.body):
        segments = render.article_markup(gold, article_id)
        assert "".join(s["text"] for s in segments) == body
        assert all(body[s["start"]:s["end"]] == s["text"] for s in segments)


@pytest.mark.parametrize(
    "table, text, layer, expected_in_title",
    [
        ("mentions", "Ryabkov", "actors", "actor: Sergei Ryabkov"),
        ("mentions", "Moscow", "actors", "actor: Russia"),
        ("mentions", "Washington", "actors", "actor: United States"),
        ("mentions", "a senior US official", "actors", "anonymous"),
        ("figures", "around 100", "figures", "value: 100"),
        ("figures", "just a few dozen", "figures", "between 24 and 60"),
        ("figures", "More than 50", "figures", "at least 50"),
        ("figures", "about 1,000", "figures", "counts: staff (ellipsis)"),
        ("quotes", "regular maintenance", "quotes", "speaker: The embassy → Russian embassy in Caracas"),
        ("quotes", "ruthless", "quotes", "speaker: Maduro → Nicolas Maduro · cue: warned · partial quote"),
        ("quotes", "no new technicians were coming", "quotes", "indirect quote"),
    ],
)
def test_hover_titles_name_the_actor_value_or_speaker(gold, table, text, layer, expected_in_title):
    start, end = seed_span(gold, text, table)
    found = [a for a in annotations_at(render.article_markup(gold, "seed"), start, end)
             if a["layer"] == layer and (a["start"], a["end"]) == (start, end)]
    assert found, f"{text!r} is highlighted in the {layer} layer"
    assert expected_in_title in found[0]["title"]


@pytest.mark.parametrize(
    "anchor, word, outer_to_inner",
    [
        # "Russia" opens the indirect quote "Russia rotated military technicians ...": a mention inside a quote
        ("Russia rotated", "Russia", ["quotes", "actors"]),
        # the speaker "Trump" is both a mention and the quote's (underlined) speaker
        ("Trump tweeted", "Trump", ["quotes", "actors"]),
        # "Venezuela" inside the direct quote "The Il-62 plane ... who have been in Venezuela ..."
        ("been in Venezuela over", "Venezuela", ["quotes", "actors"]),
        # a figure outside any quote
        ("around 100", "around 100", ["figures"]),
        # plain text: nothing
        ("angered Washington", "angered", []),
    ],
)
def test_nested_spans_nest_outermost_first(gold, anchor, word, outer_to_inner):
    body = gold.articles.set_index("article_id").at["seed", "body"]
    start = body.index(anchor) + anchor.index(word)
    layers = [a["layer"] for a in annotations_at(render.article_markup(gold, "seed"), start, start + len(word))]
    assert layers == outer_to_inner


@pytest.mark.parametrize(
    "show, classes_present, classes_absent",
    [
        (("actors", "figures", "quotes"), ["kit-mention", "kit-figure", "kit-quote"], []),
        (("actors",), ["kit-mention"], ["kit-figure", 'class="kit-quote']),
        (("figures",), ["kit-figure"], ["kit-mention\"", 'class="kit-quote']),
        (("quotes",), ["kit-quote", "kit-speaker"], ['class="kit-mention"', 'class="kit-figure"']),
        ((), [], ['class="kit-mention"', 'class="kit-figure"', 'class="kit-quote']),
    ],
)
def test_layers_can_be_switched(gold, show, classes_present, classes_absent):
    page = render.render_article(gold, "seed", show=show)
    for name in classes_present:
        assert name in page
    for name in classes_absent:
        assert name not in page
    assert parse(page.split('<div class="kit-article-text"', 1)[1].split(">", 1)[1]).text


def test_rendered_text_is_the_body_and_marks_balance(gold):
    for article_id, body in zip(gold.articles.article_id, gold.articles.body):
        fragment = render.render_segments(render.article_markup(gold, article_id))
        parsed = parse(fragment)
        assert "".join(parsed.text) == body
    assert parse(render.render_segments(render.article_markup(gold, "seed"))).max_depth >= 2


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_text_is_escaped_everywhere(hostile, payload):
    page = render.render_article(hostile, "hostile")
    assert payload not in page
    assert html.escape(payload) in page or html.escape(payload, quote=True) in page
    parsed = parse(page)
    assert parsed.tags <= {"div", "h3", "table", "tr", "th", "td", "span", "mark", "a"}
    assert "script" not in parsed.tags and "img" not in parsed.tags and "svg" not in parsed.tags


@pytest.mark.parametrize(
    "url, linked",
    [
        ("https://en.wikinews.org/wiki/X", True),
        ("http://example.org/a?b=<c>", True),
        ("javascript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        (None, False),
    ],
)
def test_header_links_only_web_addresses(url, linked):
    header = render.article_header({"headline": "H", "url": url})
    assert ("href=" in header) == linked
    assert "<script>" not in header and "<c>" not in header


@pytest.mark.parametrize(
    "anchor, width, left, match, right",
    [
        ("Ryabkov denied", 20, "icians were coming. ", "Ryabkov", " denied a Russian mi"),
        ("Moscow said the experts", 12, "s in March, ", "Moscow", " said the ex"),
        ("Osaka", 10, "summit in ", "Osaka", "."),  # the body's end: a short right context
    ],
)
def test_keyword_in_context_lines(gold, anchor, width, left, match, right):
    body = gold.articles.set_index("article_id").at["seed", "body"]
    start = body.index(anchor)
    rows = pd.DataFrame({"article_id": ["seed"], "start": [start], "end": [start + len(match)], "kind": ["x"]})
    lines = kwic.keyword_in_context(gold, rows, width=width)
    assert lines.loc[0, ["left", "match", "right", "kind"]].tolist() == [left, match, right, "x"]


@pytest.mark.parametrize(
    "low, high, expected",
    [(24, 60, "between 24 and 60"), (50, None, "at least 50"), (None, 10, "at most 10"), (None, None, "")],
)
def test_bounds_text(low, high, expected):
    assert render.bounds_text(low, high) == expected


@pytest.mark.parametrize("n_rows, note", [(5, False), (201, True)])
def test_tables_are_cut_and_escaped(n_rows, note):
    frame = pd.DataFrame({"name": [HOSTILE[0]] * n_rows, "n": range(n_rows)})
    page = kwic.table_html(frame, max_rows=200)
    assert HOSTILE[0] not in page
    assert ("more rows" in page) == note


def test_real_analysis_highlights_the_seed(bundled_analysis):
    seed_id = bundled_analysis.articles.article_id[bundled_analysis.articles.format == "wire"].iloc[0]
    page = render.render_article(bundled_analysis, seed_id)
    for name in ("kit-mention", "kit-figure", "kit-quote"):
        assert name in page
    for article_id, body in zip(bundled_analysis.articles.article_id, bundled_analysis.articles.body):
        assert "".join(parse(render.render_segments(render.article_markup(bundled_analysis, article_id))).text) == body
