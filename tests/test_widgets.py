"""The explorers without a browser: every control driven through its options, the outputs checked.

Built on two analyses of real text: the hand annotations of the seed and the
Wikinews dev set (exact expectations), and the real pipeline's analysis of the
seed plus the 293 Wikinews articles (``bundled_analysis`` in conftest.py).
"""

from __future__ import annotations

import html
import ipywidgets as widgets
import pandas as pd
import pytest

import kit.widgets
from conftest_widgets import HOSTILE, gold_analysis, hostile_analysis
from kit.widgets.selection import ALL

EXPLORERS = ["ArticleReader", "ActorExplorer", "FigureExplorer", "QuoteExplorer"]


@pytest.fixture(scope="module")
def gold():
    return gold_analysis()


@pytest.fixture(scope="module", params=["gold", "real"])
def analysis(request):
    return gold_analysis() if request.param == "gold" else request.getfixturevalue("bundled_analysis")


def html_values(widget) -> list[str]:
    """Every HTML string a widget tree shows."""
    found = [widget.value] if isinstance(widget, widgets.HTML) else []
    for child in getattr(widget, "children", ()):
        found += html_values(child)
    return found


def option_values(control) -> list:
    return [value for _, value in control.options]


def assert_count_matches(explorer, noun: str) -> None:
    assert explorer.count.value.startswith(f"{len(explorer.selection):,} {noun}")


# --- every explorer ------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXPLORERS)
def test_builds_shows_and_saves_its_selection(analysis, name, tmp_path):
    explorer = getattr(kit.widgets, name)(analysis)
    assert isinstance(explorer, widgets.VBox)
    selection = explorer.selection
    assert isinstance(selection, pd.DataFrame) and len(selection) > 0
    path = explorer.save_csv(tmp_path / f"{name}.csv")
    assert len(pd.read_csv(path)) == len(selection)


@pytest.mark.parametrize("name", EXPLORERS)
def test_hostile_text_shows_escaped(name):
    analysis = hostile_analysis()
    explorer = getattr(kit.widgets, name)(analysis)
    if name == "ArticleReader":
        explorer.show_article("hostile")
    elif name == "ActorExplorer":
        explorer.actor.value = "hostile-actor"
    elif name == "FigureExplorer":
        explorer.search.value = "svg"
    else:
        explorer.speaker.value = f"{HOSTILE[1]} {HOSTILE[0]}"
    assert len(explorer.selection) >= 1
    for tab in range(len(getattr(explorer, "tabs", widgets.Tab()).children)):
        explorer.tabs.selected_index = tab
    shown = " ".join(html_values(explorer)) + (explorer.grid.sent if hasattr(explorer, "grid") else "")
    assert "&lt;script&gt;" in shown
    for payload in HOSTILE:
        assert payload not in shown
    for chart in getattr(explorer, "charts", {}).values():
        text = str(chart.figure.to_plotly_json()) if chart.figure is not None else ""
        assert all(payload not in text for payload in HOSTILE)


# --- ArticleReader --------------------------------------------------------------------------


def test_reader_follows_the_article_dropdown(analysis):
    reader = kit.widgets.ArticleReader(analysis)
    headlines = dict(zip(analysis.articles.article_id, analysis.articles.headline))
    seen = set()
    for article_id in option_values(reader.article):
        reader.article.value = article_id
        assert reader.article_id == article_id
        page = reader.text.value
        assert 'class="kit-article-text"' in page
        headline = headlines[article_id]
        if isinstance(headline, str):
            import html

            assert html.escape(" ".join(headline.split())[:30]) in " ".join(page.split())
        seen.add(page)
    assert len(seen) == len(reader.article.options)


@pytest.mark.parametrize(
    "layer, checkbox, css",
    [("actors", "show_actors", 'class="kit-mention'), ("figures", "show_figures", 'class="kit-figure'),
     ("quotes", "show_quotes", 'class="kit-quote')],
)
def test_reader_toggles_each_layer(gold, layer, checkbox, css):
    reader = kit.widgets.ArticleReader(gold)
    reader.show_article("seed")
    assert css in reader.text.value
    assert layer in set(reader.annotations.layer)
    getattr(reader, checkbox).value = False
    assert css not in reader.text.value
    assert layer not in set(reader.annotations.layer)
    getattr(reader, checkbox).value = True
    assert css in reader.text.value


def test_reader_filters_by_outlet_keyword_dates_and_search(analysis):
    reader = kit.widgets.ArticleReader(analysis)
    for outlet in option_values(reader.outlet)[1:]:
        reader.outlet.value = outlet
        assert set(reader.selection.outlet) == {outlet}
        assert_count_matches(reader, "article")
        assert reader.article_id in set(reader.selection.article_id)
    reader.outlet.value = ALL
    for keyword in option_values(reader.keyword)[1:]:
        reader.keyword.value = keyword
        assert all(keyword in list(k) for k in reader.selection.keywords)
        assert_count_matches(reader, "article")
    reader.keyword.value = ALL
    n_months = len(reader.dates.options)
    for month in range(n_months):
        reader.dates.index = (month, month)
        start = pd.Timestamp(reader.dates.options[month][0] + "-01")
        published = reader.selection.published
        assert published.between(start, start + pd.offsets.MonthEnd(1) + pd.Timedelta(days=1)).all()
        assert_count_matches(reader, "article")
    reader.dates.index = (0, n_months - 1)
    assert len(reader.selection) == len(analysis.articles)
    word = analysis.articles.headline.dropna().iloc[0].split()[0]
    reader.search.value = word.upper()
    assert reader.selection.headline.str.lower().str.contains(word.lower(), regex=False).all()
    reader.search.value = "zzzz-no-such-headline"
    assert len(reader.selection) == 0 and reader.article_id is None
    assert "No article matches" in reader.text.value


def test_reader_finds_the_seed_by_headline(gold):
    reader = kit.widgets.ArticleReader(gold)
    reader.search.value = "technicians venezuela"
    assert reader.selection.article_id.tolist() == ["seed"]
    assert reader.article_id == "seed"
    assert "Russia rotates military" in reader.text.value


# --- ActorExplorer ------------------------------------------------------------------------


def test_actor_explorer_filters(analysis):
    explorer = kit.widgets.ActorExplorer(analysis)
    assert "place" not in set(explorer.ranking.kind)
    for kind in option_values(explorer.kind)[1:]:
        explorer.kind.value = kind
        assert set(explorer.ranking.kind) == {kind}
        assert_count_matches_ranking(explorer)
    explorer.kind.value = ALL
    for country in option_values(explorer.country)[1:]:
        explorer.country.value = country
        assert set(explorer.ranking.country) <= {country}
    explorer.country.value = ALL
    for minimum in (1, 2, 3, 5, explorer.min_mentions.max):
        explorer.min_mentions.value = minimum
        assert (explorer.ranking.n_mentions >= minimum).all()
    explorer.min_mentions.value = 1
    for top in range(explorer.top.min, explorer.top.max + 1, explorer.top.step):
        explorer.top.value = top
        assert len(explorer.charts["ranking"].figure.data[0].y) == min(top, len(explorer.ranking))
    for month in range(len(explorer.dates.options)):
        explorer.dates.index = (month, month)
        counted = explorer.ranking
        assert (counted.n_mentions >= 1).all()
        assert counted.n_mentions.sum() <= len(analysis.mentions)
    explorer.dates.index = (0, len(explorer.dates.options) - 1)


def assert_count_matches_ranking(explorer) -> None:
    assert explorer.count.value.startswith(f"{len(explorer.ranking):,} actor")


def test_actor_explorer_lists_each_actor_in_context(analysis):
    explorer = kit.widgets.ActorExplorer(analysis)
    explorer.kind.value = "person" if "person" in option_values(explorer.kind) else ALL
    for tab in range(3):
        explorer.tabs.selected_index = tab
        assert explorer.charts[("ranking", "network", "over time")[tab]].figure is not None
    explorer.tabs.selected_index = 2
    for actor_id in option_values(explorer.actor)[1:40]:
        explorer.actor.value = actor_id
        selection = explorer.selection
        assert set(selection.actor_id) == {actor_id}
        expected = int(explorer.ranking.set_index("actor_id").at[actor_id, "n_mentions"])
        assert len(selection) == expected
        assert (selection.match == selection.text.str.replace(r"\s+", " ", regex=True)).all()
        assert f"{expected:,} mention" in explorer.context.value
        assert len(explorer.grid.frame) == min(expected, 500)
        names = {trace.name for trace in explorer.charts["over time"].figure.data}
        assert len(names) <= 1
    explorer.actor.value = None
    assert set(explorer.selection.actor_id) <= set(explorer.ranking.actor_id)


@pytest.mark.parametrize("pair", [("russia", "venezuela"), ("russia", "united-states")])
def test_actor_network_of_the_seed(gold, pair):
    explorer = kit.widgets.ActorExplorer(gold)
    explorer.tabs.selected_index = 1
    graph = explorer.network_graph(explorer.ranking.head(explorer.top.value))
    assert graph.has_edge(*pair)


# --- FigureExplorer -----------------------------------------------------------------------


def test_figure_explorer_filters(analysis):
    explorer = kit.widgets.FigureExplorer(analysis)
    total = len(explorer.selection)
    for kind in option_values(explorer.kind)[1:]:
        explorer.kind.value = kind
        assert set(explorer.selection.kind) == {kind}
        assert_count_matches(explorer, "figure")
    explorer.kind.value = ALL
    for counted in option_values(explorer.counted)[1:60]:
        explorer.counted.value = counted
        assert set(explorer.selection.counted.str.lower().str.split().str.join(" ")) == {counted}
        assert_count_matches(explorer, "figure")
    explorer.counted.value = ALL
    for approx in option_values(explorer.approx):
        explorer.approx.value = approx
        selection = explorer.selection
        if approx == ALL:
            assert len(selection) == total
        elif approx.startswith("(exact"):
            assert selection.approx.isna().all()
        elif approx.startswith("(any"):
            assert selection.approx.notna().all()
        else:
            assert set(selection.approx) == {approx}
    explorer.approx.value = ALL
    for month in range(len(explorer.dates.options)):
        explorer.dates.index = (month, month)
        assert_count_matches(explorer, "figure")
    explorer.dates.index = (0, len(explorer.dates.options) - 1)
    explorer.search.value = "zzzz-nothing"
    assert len(explorer.selection) == 0 and explorer.count.value.startswith("0 figures")


def test_figure_explorer_compares_claims_about_staff(gold):
    explorer = kit.widgets.FigureExplorer(gold)
    explorer.tabs.selected_index = 2
    assert explorer.charts["claims"].figure.data  # nothing chosen: the most counted thing, not an empty tab
    assert "the most counted thing" in explorer.charts["claims"].figure.layout.title.text
    explorer.counted.value = "staff"
    figure = explorer.charts["claims"].figure
    assert sorted(figure.data[0].x) == [42.0, 1000.0]
    explorer.tabs.selected_index = 0
    frame = explorer.grid.frame
    assert "just a few dozen" in set(frame["figure"]) and "between 24 and 60" in set(frame["bounds"])
    explorer.tabs.selected_index = 1
    assert explorer.charts["values"].figure.data


# --- QuoteExplorer ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "control, column",
    [("speaker", "group"), ("speaker_kind", "speaker_kind"), ("country", "country"), ("kind", "kind")],
)
def test_quote_explorer_filters(analysis, control, column):
    explorer = kit.widgets.QuoteExplorer(analysis)
    for value in option_values(getattr(explorer, control))[1:60]:
        getattr(explorer, control).value = value
        assert set(explorer.selection[column]) == {value}
        assert_count_matches(explorer, "quote")
        if control == "speaker" and value == "anonymous source":
            assert explorer.anonymous_share() == 1.0


def test_quote_explorer_cues_search_dates_and_tabs(analysis):
    explorer = kit.widgets.QuoteExplorer(analysis)
    for cue in option_values(explorer.cue)[1:40]:
        explorer.cue.value = cue
        assert set(explorer.selection.cue.str.lower()) == {cue}
    explorer.cue.value = ALL
    for month in range(len(explorer.dates.options)):
        explorer.dates.index = (month, month)
        assert_count_matches(explorer, "quote")
    explorer.dates.index = (0, len(explorer.dates.options) - 1)
    for tab, name in enumerate(("quotes", "who is quoted", "kinds")):
        explorer.tabs.selected_index = tab
        if name != "quotes":
            assert explorer.charts[name].figure.data
    explorer.tabs.selected_index = 0
    word = explorer.selection.text.iloc[0].split()[0]
    explorer.search.value = word
    assert explorer.selection.text.str.lower().str.contains(word.lower(), regex=False).all() or \
        explorer.selection.speaker.str.lower().str.contains(word.lower(), regex=False).any()


@pytest.mark.parametrize(
    "speaker, quote",
    [("Sergei Ryabkov", "the fulfilment of after-sale service contracts."), ("Donald Trump", "Russia has informed us")],
)
def test_quote_explorer_shows_the_seed_quotes_in_context(gold, speaker, quote):
    explorer = kit.widgets.QuoteExplorer(gold)
    explorer.speaker.value = speaker
    assert any(text.startswith(quote) for text in explorer.selection.text)
    frame = explorer.grid.frame
    assert list(frame.columns[:5]) == ["speaker", "actor", "cue", "kind", "quote"]
    assert any(text.startswith(quote) for text in frame["quote"])
    assert {"headline", "date", "in context"} <= set(frame.columns) and frame["date"].str.match(r"\d{4}-\d\d-\d\d").all()


@pytest.mark.parametrize("kind", [ALL, "person", "country"])
def test_actor_network_weights_match_kit_network(gold, kind):
    from kit.network import cooccurrence_graph

    explorer = kit.widgets.ActorExplorer(gold)
    explorer.kind.value = kind
    top = explorer.ranking.head(explorer.top.value)
    fast = explorer.network_graph(top)
    mentions = gold.mentions[gold.mentions.actor_id.isin(top.actor_id)]
    reference = cooccurrence_graph(mentions, level="sentence", kinds=tuple(set(mentions.kind)))
    assert {tuple(sorted(e)): w for *e, w in fast.edges(data="weight")} == \
        {tuple(sorted(e)): w for *e, w in reference.edges(data="weight")}


def test_reader_shows_an_article_the_filters_had_hidden(gold):
    """show_article() clears the filters that hide it and draws it, even when the
    re-filtered list happens to select it already (no change event then)."""
    reader = kit.widgets.ArticleReader(gold)
    ids = list(gold.articles.article_id)
    target = ids[-1]
    other_headline = gold.articles.set_index("article_id").headline[ids[0]]
    reader.search.value = other_headline.split()[0]
    reader.show_article(target)
    assert reader.article_id == target
    headline = gold.articles.set_index("article_id").headline[target]
    assert html.escape(" ".join(headline.split())[:30]) in " ".join(reader.text.value.split())


# --- the grid -----------------------------------------------------------------------------


def test_grid_rows_are_escaped_text_and_kwic_is_a_column(gold):
    import json

    from kit.widgets.grid import rows_json

    explorer = kit.widgets.QuoteExplorer(hostile_analysis())
    data = json.loads(rows_json(explorer.grid.frame))
    for payload in HOSTILE:
        assert payload not in json.dumps(data)
    assert all("«" in row[-1] for row in data if row[-1])  # the line in context: one column, match marked


@pytest.mark.parametrize("make", [kit.widgets.QuoteExplorer, kit.widgets.FigureExplorer, kit.widgets.ActorExplorer])
def test_explorers_page_20_rows_and_send_at_most_500(gold, make):
    from kit.widgets import grid

    explorer = make(gold)
    assert grid.OPTIONS["pageLength"] == 20 and len(explorer.grid.frame) <= grid.GRID_ROWS


def test_network_threshold_drops_light_edges(gold):
    explorer = kit.widgets.ActorExplorer(gold)
    top = explorer.ranking.head(explorer.top.value)
    weights = [d["weight"] for _, _, d in explorer.network_graph(top).edges(data=True)]
    explorer.min_together.value = 2
    heavier = [d["weight"] for _, _, d in explorer.network_graph(top).edges(data=True)]
    assert sorted(heavier) == sorted(w for w in weights if w >= 2)


def test_over_time_axis_is_dates(gold):
    explorer = kit.widgets.ActorExplorer(gold)
    explorer.tabs.selected_index = 2
    sent = explorer.charts["over time"].bundle["application/vnd.plotly.v1+json"]
    assert sent["layout"]["xaxis"]["type"] == "date"
    assert all(str(x)[:4].isdigit() and "-" in str(x) for trace in sent["data"] for x in trace["x"])


def test_a_reopened_notebook_says_to_run_the_cell(gold):
    explorer = kit.widgets.QuoteExplorer(gold)
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "Run this cell" in bundle["text/plain"]
