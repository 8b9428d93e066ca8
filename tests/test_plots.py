"""kit.plots on real tables: the hand-annotated seed and dev set, hostile names, empty tables, the real analysis."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import pytest
from matplotlib.figure import Figure as MatplotlibFigure

from conftest_widgets import HOSTILE, gold_analysis, hostile_analysis
from kit import plots
from kit.analysis import Analysis
from kit.tables import empty

CHARTS = [
    ("articles_over_time", {}, "Articles over time"),
    ("top_actors", {"n": 10}, "Most mentioned actors"),
    ("top_actors", {"n": 10, "by": "articles"}, "Actors in the most articles"),
    ("actor_network", {"n": 20}, "Actors mentioned together"),
    ("mentions_over_time", {"n": 3}, "Mentions over time"),
    ("figure_claims", {"counted": "staff"}, "Claims about staff"),
    ("figure_values", {}, "Values of the figures"),
    ("quote_shares", {}, "Who is quoted"),
    ("quotes_by_kind", {}, "Quotes by kind"),
]


@pytest.fixture(scope="module")
def gold():
    return gold_analysis()


@pytest.fixture(scope="module")
def empty_analysis():
    return Analysis(**{name: empty(name) for name in ("articles", "mentions", "actors", "figures", "quotes")})


def _title(figure) -> str:
    if isinstance(figure, go.Figure):
        return figure.layout.title.text or ""
    return figure.axes[0].get_title()


@pytest.mark.parametrize("engine, kind", [("plotly", go.Figure), ("matplotlib", MatplotlibFigure)])
@pytest.mark.parametrize("name, options, title", CHARTS)
def test_every_chart_in_both_engines(gold, name, options, title, engine, kind):
    figure = getattr(plots, name)(gold, engine=engine, **options)
    assert isinstance(figure, kind)
    assert _title(figure).startswith(title)
    if engine == "plotly":
        assert sum(len(trace.x) if trace.x is not None else 0 for trace in figure.data) > 0


@pytest.mark.parametrize("engine", ["plotly", "matplotlib"])
@pytest.mark.parametrize("name, options, title", CHARTS)
def test_empty_tables_give_a_note_not_an_error(empty_analysis, name, options, title, engine):
    figure = getattr(plots, name)(empty_analysis, engine=engine, **options)
    assert _title(figure).startswith(title.split(" (")[0].split(" about")[0])


def test_top_actors_follow_the_actors_table(gold):
    figure = plots.top_actors(gold, n=5)
    ranked = gold.actors[gold.actors.kind != "place"].sort_values(["n_mentions", "n_articles", "name"],
                                                                   ascending=[False, False, True])
    assert list(figure.data[0].y) == ranked.name.head(5).tolist()
    assert list(figure.data[0].x) == ranked.n_mentions.head(5).tolist()


@pytest.mark.parametrize(
    "counted, expected",
    [
        # the seed: "just a few dozen" (24..60, drawn at 42) and "about 1,000" staff
        ("staff", [(42.0, 18.0, 18.0, "just a few dozen"), (1000.0, 0.0, 0.0, "about 1,000")]),
        # "around 100 military experts"
        ("military experts", [(100.0, 0.0, 0.0, "around 100")]),
    ],
)
def test_figure_claims_draw_bounds_as_ranges(gold, counted, expected):
    seed_only = Analysis(articles=gold.articles, mentions=gold.mentions, actors=gold.actors,
                         figures=gold.figures[gold.figures.article_id == "seed"], quotes=gold.quotes)
    figure = plots.figure_claims(seed_only, counted)
    trace = figure.data[0]
    got = list(zip(trace.x, trace.error_x.arrayminus, trace.error_x.array,
                   [y.split(". ", 1)[1].split(" — ")[0] for y in trace.y]))
    assert sorted(got) == sorted(expected)


def test_figure_claims_keep_the_order_and_numbers_of_the_table_and_say_what_is_counted(gold):
    claims = gold.figures[gold.figures.counted.notna()].head(6)
    labels = list(plots.figure_claims(claims).data[0].y)
    numbers = [int(label.split(". ", 1)[0]) for label in labels]
    assert numbers == [n for n in claims.index if n in set(numbers)]
    assert all(" — " in label for label in labels)


def test_figure_claims_take_a_claims_table(gold):
    claims = gold.figures[gold.figures.counted.fillna("").str.contains("staff")]
    assert len(plots.figure_claims(claims).data[0].x) == len(claims)


@pytest.mark.parametrize(
    "group, minimum",
    [("anonymous source", 1), ("Sergei Ryabkov", 3), ("Russian embassy in Caracas", 3)],
)
def test_quote_shares_count_speakers_and_anonymous_sources(gold, group, minimum):
    table = plots.quote_shares_table(gold, n=100)
    row = table[table.group == group]
    assert len(row) == 1 and int(row.n_quotes.iloc[0]) >= minimum
    assert table.n_quotes.sum() == len(gold.quotes)
    assert 0 < plots.anonymous_share(gold) < 1


def test_network_joins_actors_of_one_sentence(gold):
    graph = plots.actor_graph(gold, n=400, level="article")
    assert graph.has_edge("russia", "venezuela")
    assert graph["russia"]["venezuela"]["weight"] >= 1


@pytest.mark.parametrize("name, options, title", CHARTS)
def test_plotly_labels_are_escaped(name, options, title):
    figure = getattr(plots, name)(hostile_analysis(), **options)
    text = json.dumps(figure.to_plotly_json(), default=str)
    for payload in HOSTILE:
        assert payload not in text


@pytest.mark.parametrize("engine", ["svg", "png"])
def test_unknown_engine_is_refused(gold, engine):
    with pytest.raises(ValueError, match="engine"):
        plots.top_actors(gold, engine=engine)


def test_anonymous_share_agrees_with_kit_quotes(bundled_analysis):
    from kit import quotes

    assert plots.anonymous_share(bundled_analysis) == pytest.approx(quotes.anonymous_share(bundled_analysis))


@pytest.mark.parametrize("name, options, title", CHARTS)
def test_charts_of_the_real_analysis(bundled_analysis, name, options, title):
    figure = getattr(plots, name)(bundled_analysis, **options)
    assert _title(figure).startswith(title.split(" about")[0])


#: Labels matplotlib would read as broken math (``$x^{$``): they must be drawn as text, not raise.
MATH = "$x^{$"


def _math_analysis() -> Analysis:
    gold = gold_analysis()
    return Analysis(
        articles=gold.articles.assign(outlet=MATH + " " + gold.articles.outlet.fillna("")),
        mentions=gold.mentions, actors=gold.actors.assign(name=gold.actors.name + " " + MATH),
        figures=gold.figures.assign(text=gold.figures.text + " " + MATH,
                                    counted=gold.figures.counted.fillna("x") + " staff " + MATH),
        quotes=gold.quotes.assign(speaker=gold.quotes.speaker.where(gold.quotes.speaker.isna(), MATH)),
    )


@pytest.mark.parametrize("name, options, title", CHARTS)
def test_matplotlib_draws_labels_with_math_signs_as_text(name, options, title):
    import io

    figure = getattr(plots, name)(_math_analysis(), engine="matplotlib", **options)
    figure.savefig(io.BytesIO(), format="png")  # drawing is where broken math raises
    texts = [t.get_text() for t in figure.findobj(lambda artist: hasattr(artist, "get_text"))]
    if name in ("top_actors", "actor_network", "mentions_over_time"):
        assert any(MATH.replace("$", r"\$") in text for text in texts)


def test_time_axes_are_dates_wherever_the_figure_goes(gold):
    for figure in (plots.mentions_over_time(gold, n=3), plots.articles_over_time(gold)):
        assert figure.layout.xaxis.type == "date"
        sent = json.loads(json.dumps(figure.to_plotly_json(), default=str))
        assert all(pd.Timestamp(x).year >= 1990 for trace in sent["data"] for x in trace["x"])


@pytest.mark.parametrize("label", ["(no speaker)", "(speaker not resolved)"])
def test_who_is_quoted_says_no_speaker_and_not_resolved_as_kit_quotes_does(bundled_analysis, label):
    from kit import quotes

    table = plots.quote_shares_table(bundled_analysis)
    by_kind = quotes.quoted_actors(bundled_analysis, by="kind").set_index("kind")["n_quotes"]
    if label in by_kind.index:
        assert int(table.set_index("group").loc[label, "n_quotes"]) == int(by_kind[label])
    figure = plots.quote_shares(bundled_analysis)
    assert label not in list(figure.data[0].y)  # named speakers are drawn; these are counted under the axis
    assert label in figure.layout.xaxis.title.text or label not in by_kind.index


def test_network_labels_the_top_nodes_only_and_has_a_legend_of_kinds(gold):
    figure = plots.actor_network(gold, n=40)
    nodes = [trace for trace in figure.data if trace.mode == "markers+text"]
    labelled = [t for trace in nodes for t in trace.text if t]
    assert 0 < len(labelled) <= plots.NETWORK_LABELS
    assert len({trace.name for trace in nodes}) == len(nodes) and all(trace.showlegend is not False for trace in nodes)
