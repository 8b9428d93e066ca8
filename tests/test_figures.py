"""Figures: every form of number the issue lists, every kind of non-figure, on real text.

Each table row is a sentence and what the kit must find in it. Sentences are
written in the style of the bundled Wikinews and wire stories; the seed and the
annotated Wikinews dev set are checked as they are.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from kit import numbers
from kit.figures import claimed_by, claims_about, extract, find_figures, summarize_figures

ROOT = Path(__file__).resolve().parents[1]
NAN = float("nan")


def _same(a, b) -> bool:
    if a is None or (isinstance(a, float) and math.isnan(a)):
        return b is None or pd.isna(b)
    return not pd.isna(b) and abs(float(a) - float(b)) < 1e-6 * max(1, abs(float(a)))


@pytest.fixture(scope="module")
def figures_of(nlp):
    def run(sentence: str, include_time: bool = False) -> pd.DataFrame:
        return extract(sentence, nlp=nlp, include_time=include_time)

    return run


# sentence, figure text, value, low, high, approx, kind, unit, counted, counted_how
FORMS = [
    # digits
    ("The company employs 1,000 workers.", "1,000", 1000, None, None, None, "count", None, "workers", "direct"),
    ("The river rose by 2.5 metres overnight.", "2.5", 2.5, None, None, None, "measure", "metre", None, None),
    ("The app lost 1.8m users last year.", "1.8m", 1.8e6, None, None, None, "count", None, "users", "direct"),
    ("The government borrowed $3bn from the fund.", "$3bn", 3e9, None, None, None, "money", "dollar", None, None),
    ("Turnout fell to 40% in the capital.", "40%", 40, None, None, None, "percent", "%", None, None),
    ("He was given a fine of US$86,000.", "US$86,000", 86000, None, None, None, "money", "dollar", None, None),
    ("The fine was £2.5 million.", "£2.5 million", 2.5e6, None, None, None, "money", "pound sterling", None, None),
    ("Bail was set at 300 euros.", "300", 300, None, None, None, "money", "euro", None, None),
    ("He was awarded SEK9 million (approximately GBP738 thousand).", "approximately GBP738 thousand", 738000,
     None, None, "approximately", "money", "pound sterling", None, None),
    # number words
    ("Police arrested three men after the march.", "three", 3, None, None, None, "count", None, "men", "direct"),
    ("A hundred soldiers crossed the border.", "A hundred", 100, None, None, None, "count", None, "soldiers",
     "direct"),
    ("Two million people signed the petition.", "Two million", 2e6, None, None, None, "count", None, "people",
     "direct"),
    ("Twenty-five people were hurt.", "Twenty-five", 25, None, None, None, "count", None, "people", "direct"),
    ("He prescribed over half a million doses.", "over half a million", 5e5, 5e5, None, "over", "count", None,
     "doses", "direct"),
    # vague quantities
    ("Dozens of protesters gathered outside parliament.", "Dozens", None, 24, 99, "dozens", "count", None,
     "protesters", "direct"),
    ("Hundreds of families fled the fighting.", "Hundreds", None, 200, 999, "hundreds", "count", None,
     "families", "direct"),
    ("Tens of thousands of people marched in London.", "Tens of thousands", None, 20000, 99999,
     "tens of thousands", "count", None, "people", "direct"),
    ("A handful of journalists were allowed in.", "A handful", None, 2, 5, "a handful", "count", None,
     "journalists", "direct"),
    ("Several alleged accomplices were tried by the same court.", "Several", None, 3, 9, "several", "count", None,
     "alleged accomplices", "direct"),
    ("The party holds more than a dozen primary elections.", "more than a dozen", 12, 12, None, "more than",
     "count", None, "primary elections", "direct"),
    # ranges
    ("Between 50 and 60 people were injured.", "Between 50 and 60", None, 50, 60, "between", "count", None,
     "people", "direct"),
    ("The ministry said 50-60 migrants were rescued.", "50-60", None, 50, 60, None, "count", None, "migrants",
     "direct"),
    ("Four to five thousand people attended the rally.", "Four to five thousand", None, 4000, 5000, None, "count",
     None, "people", "direct"),
    ("They hope to reach one or two hundred buffalo.", "one or two hundred", None, 100, 200, None, "count", None,
     "buffalo", "direct"),
    # bounds
    ("More than 50 countries backed Guaido.", "More than 50", 50, 50, None, "more than", "count", None,
     "countries", "direct"),
    ("At least 20 people died in the blast.", "At least 20", 20, 20, None, "at least", "count", None, "people",
     "direct"),
    ("Up to 300 troops will be deployed.", "Up to 300", 300, None, 300, "up to", "count", None, "troops",
     "direct"),
    ("Nearly 2,000 homes lost power.", "Nearly 2,000", 2000, None, 2000, "nearly", "count", None, "homes",
     "direct"),
    ("Fewer than 10 patients remain in hospital.", "Fewer than 10", 10, None, 10, "fewer than", "count", None,
     "patients", "direct"),
    ("Over 400 earthquakes have been recorded.", "Over 400", 400, 400, None, "over", "count", None, "earthquakes",
     "direct"),
    ("There are reportedly about 5000 U.S. troops in the country.", "about 5000", 5000, None, None, "about",
     "count", None, "U.S. troops", "direct"),
    # shares of a whole
    ("Two thirds of the island was without power.", "Two thirds", 66.7, None, None, None, "percent", "%", "island",
     "direct"),
    ("Biden won about 48% of the vote.", "about 48%", 48, None, None, "about", "percent", "%", "vote", "direct"),
    ("Damage estimates range from 45% to 60% of buildings.", "45% to 60%", None, 45, 60, None, "percent", "%",
     "buildings", "direct"),
    # measures, durations and ages
    ("The rally lasted about an hour.", "about an hour", 1, None, None, "about", "measure", "hour", None, None),
    ("The quake struck about eight kilometers south of the town.", "about eight", 8, None, None, "about",
     "measure", "kilometre", None, None),
    ("He was sentenced to 40 years in prison.", "40", 40, None, None, None, "measure", "year", None, None),
    ("His time was 1 hour 59 minutes 40.2 seconds.", "1 hour 59 minutes 40.2 seconds", 7180.2, None, None, None,
     "measure", "second", None, None),
    ("The singer died on Sunday, aged 78.", "78", 78, None, None, None, "measure", "year of age", None, None),
    ("Conway was 82 years old.", "82", 82, None, None, None, "measure", "year of age", None, None),
    ("The 36-year-old man was arrested.", "36", 36, None, None, None, "measure", "year of age", None, None),
    ("Cummings, the Democratic chairman of the House Oversight and Reform Committee, was 68.", "68", 68, None,
     None, None, "measure", "year of age", None, None),
    ("The court set bail at 100,000 Georgian lari.", "100,000", 100000, None, None, None, "money", "georgian lari", None,
     None),
    ("A crowd of 100 gathered; 21 confirmed cases were reported.", "21", 21, None, None, None, "count", None,
     "confirmed cases", "direct"),
    ("The court had been petitioned by Joanna Cherry and 78 co-petitioners.", "78", 78, None, None, None, "count",
     None, "co-petitioners", "direct"),
    ("A magnitude 5.2 earthquake hit the island.", "5.2", 5.2, None, None, None, "measure", "magnitude", None,
     None),
]


@pytest.mark.parametrize("sentence, text, value, low, high, approx, kind, unit, counted, counted_how", FORMS)
def test_every_form_of_figure(figures_of, sentence, text, value, low, high, approx, kind, unit, counted,
                              counted_how):
    rows = figures_of(sentence)
    assert text in rows.text.tolist(), rows[["text", "kind"]].to_string()
    row = rows[rows.text == text].iloc[0]
    assert sentence[row.start:row.end] == text
    assert _same(value, row.value) and _same(low, row.low) and _same(high, row.high), row.to_dict()
    assert (approx, kind, unit) == (
        None if pd.isna(row.approx) else row.approx, row.kind, None if pd.isna(row.unit) else row.unit)
    assert (counted, counted_how) == (
        None if pd.isna(row.counted) else row.counted, None if pd.isna(row.counted_how) else row.counted_how)


# sentence, [(figure text, counted)] with the elided noun recovered
ELLIPSIS = [
    ("Russia has cut its staff in Venezuela to just a few dozen, from about 1,000 at the height of cooperation.",
     [("just a few dozen", "staff"), ("about 1,000", "staff")]),
    ("The SNP gained 13 seats and the Liberal Democrats lost 10.", [("13", "seats"), ("10", "seats")]),
    ("The Conservative party gained 66 seats. Labour lost 42.", [("66", "seats"), ("42", "seats")]),
    ("The storm killed more than 50 people and injured about 200.", [("more than 50", "people"),
                                                                      ("about 200", "people")]),
    ("That event killed one and injured eight people.", [("one", "people"), ("eight", "people")]),
    ("Between the two blasts, at least 20 were killed.", [("two", "blasts"), ("at least 20", "people")]),
    ("They cut the number of polling stations from 180 to 5.", [("180", "polling stations"),
                                                               ("5", "polling stations")]),
]


# sentence, a figure whose counted noun must stay empty (no guess beyond the noun phrase or a clear ellipsis)
COUNTED_EMPTY = [
    ("The firm employs 30 in the state and runs 200 stores.", "30"),
    ("A 12,000-strong force and an eight-member panel were set up.", "12,000"),
    ("The factory employs 30 in the state.", "30"),
]


@pytest.mark.parametrize("sentence, text", COUNTED_EMPTY)
def test_counted_noun_left_empty_rather_than_guessed(figures_of, sentence, text):
    rows = figures_of(sentence)
    assert text in rows.text.tolist(), rows.text.tolist()
    assert pd.isna(rows.counted[rows.text == text].iloc[0]), rows[["text", "counted"]].values.tolist()


@pytest.mark.parametrize("sentence, expected", ELLIPSIS)
def test_elided_counted_noun(figures_of, sentence, expected):
    rows = figures_of(sentence)
    assert list(zip(rows.text, rows.counted)) == expected
    direct = {text for text, _ in expected if f" {text} {_}" in f" {sentence}"}
    assert all(how == ("direct" if text in direct else "ellipsis") for text, how in zip(rows.text, rows.counted_how))


# sentence, the numbers in it that must not be figures
NOT_FIGURES = [
    ("The Il-62 plane is leaving Caracas for Moscow on June 26.", ["62", "26"]),
    ("Two F-16 jets escorted the Boeing 737 to the airport.", ["16", "737"]),
    ("Trump will meet Putin at the Group of 20 summit; the G20 meets yearly.", ["20"]),
    ("The World Health Organization declared COVID-19 a pandemic, caused by SARS-CoV-2.", ["19", "2"]),
    ("Moscow, June 27, 2019 (AFP) - Russia rotated its technicians.", ["27", "2019"]),
    ("Hunter was born on June 23, 1941 and rose to fame in the 1960s.", ["23", "1941", "1960"]),
    ("The first attack began at 7:45 p.m. and the second at 10 am.", ["7", "45", "10"]),
    ("In 2016 she came third in the race, after finishing 2nd in 2015.", ["2016", "2", "2015"]),
    ("For details call 555-1234 or +44 20 7946 0958.", ["555", "1234", "44", "20", "7946", "0958"]),
    ("He was photographed at 10 Downing Street.", ["10"]),
    ("Under Section 5 of the act and Article 50, Flight 370 was listed as No. 7.", ["5", "50", "370", "7"]),
    ("Liverpool won 3-1 against Chelsea.", ["3", "1"]),
    ("The 2019-2020 season was cancelled.", ["2019", "2020"]),
    ("The army moved ahead of the 2018 elections, and the game was invented around 1970.", ["2018", "1970"]),
    ("It ran on the network for several years up to 2015.", ["2015"]),
    ("One resident said he had seen one of them.", ["One", "one"]),
    ("Water was found on K2-18b, and the HR 6819 system runs x86-64 code.", ["18", "6819", "64"]),
    ("She bought the toy at a Six Flags theme park.", ["Six"]),
    ("Looters hit a 7-Eleven store, and the firm filed its 10-K report.", ["7", "10"]),
    ("The M25 was closed between junction 10 and junction 11.", ["10", "11"]),
    ("She polled in the September 25–27 survey; the station operated 2017–2018 in region six.", ["25", "2017", "six"]),
    ("As Figure 4c and Table 3b show, it was in '69.", ["4c", "3b", "69"]),
    ("Witnesses can call 101 or dial 999.", ["101", "999"]),
    ("Quite a few residents feared a raid.", ["a few"]),
]


@pytest.mark.parametrize("sentence, numbers_in_it", NOT_FIGURES)
def test_not_figures(figures_of, sentence, numbers_in_it):
    rows = figures_of(sentence)
    for number in numbers_in_it:
        assert not any(number in text for text in rows.text), (number, rows.text.tolist())


# sentence, time expression that is dropped by default and kept as kind "time" on request
TIME_EXPRESSIONS = [
    ("Russia angered Washington three months ago by sending experts.", "three"),
    ("Cooperation peaked several years ago.", "several"),
    ("Three years later, rockets struck the base again.", "Three"),
    ("The past several weeks were quiet.", "several"),
]


@pytest.mark.parametrize("sentence, text", TIME_EXPRESSIONS)
def test_time_expressions_are_apart_from_figures(figures_of, sentence, text):
    assert figures_of(sentence).empty
    kept = figures_of(sentence, include_time=True)
    assert kept.text.tolist() == [text] and kept.kind.tolist() == ["time"]


def test_seed_gives_exactly_the_four_gold_figures(nlp, seed_gold):
    rows = find_figures(nlp(seed_gold.body))
    got = [(r["text"], r["start"], r["end"], r["value"], r["low"], r["high"], r["approx"], r["kind"],
            r["counted"], r["counted_how"]) for r in rows]
    gold = [(g.text, g.start, g.end, g.value, g.low, g.high, g.approx, g.kind, g.counted, g.counted_how)
            for g in seed_gold.figures.astype(object).where(seed_gold.figures.notna(), None).itertuples()]
    assert [tuple(None if v is None else (float(v) if isinstance(v, (int, float)) and not isinstance(v, bool)
                                           else v) for v in row) for row in got] == \
        [tuple(None if v is None else (float(v) if isinstance(v, (int, float)) else v) for v in row)
         for row in gold]
    for not_figure in seed_gold.not_figures:
        assert not any(not_figure in r["text"] or r["text"] in not_figure and r["text"].isdigit() for r in rows)


def test_offsets_hold_on_every_dev_article(nlp):
    from kit.evaluation import load_dev_set

    golds = load_dev_set(ROOT / "data/annotations/wikinews")
    assert golds, "the Wikinews dev set is missing"
    for gold, doc in zip(golds, nlp.pipe([g.body for g in golds])):
        rows = find_figures(doc, include_time=True)
        assert all(gold.body[r["start"]:r["end"]] == r["text"] for r in rows), gold.id
        assert all(r["kind"] in ("count", "money", "percent", "measure", "time") for r in rows)
        sentences = list(doc.sents)
        assert all(sentences[r["sentence"]].start_char <= r["start"] < sentences[r["sentence"]].end_char
                   for r in rows), gold.id


def test_dev_set_quality_beats_the_baselines(nlp):
    """Detection and value F1 and counted accuracy on the annotated Wikinews articles."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from quality_figures import evaluate

    from quality_figures import _article_set

    from kit.evaluation import load_dev_set

    table = evaluate({"dev": _article_set(load_dev_set(ROOT / "data/annotations/wikinews"))}, nlp=nlp,
                     systems=("kit", "spaCy entities")).set_index("system")
    kit, spacy_entities = table.loc["kit"], table.loc["spaCy entities"]
    assert kit["detect F1"] >= 0.9 and kit["value F1"] >= 0.9 and kit["counted acc"] >= 0.75, kit.to_dict()
    assert kit["detect F1"] >= spacy_entities["detect F1"] + 0.1


VAGUE_TABLE = [("a few", (2, 5)), ("several", (3, 9)), ("a few dozen", (24, 60)), ("dozens", (24, 99)),
               ("hundreds", (200, 999)), ("thousands", (2000, 9999)), ("tens of thousands", (20000, 99999))]


@pytest.mark.parametrize("words, bounds", VAGUE_TABLE)
def test_documented_vague_quantities(words, bounds):
    assert numbers.VAGUE[words] == bounds


NUMBER_TEXTS = [("two million", 2e6), ("1.8m", 1.8e6), ("3bn", 3e9), ("a hundred", 100), ("1,000", 1000),
                ("one hundred and twenty", 120), ("half a million", 5e5), ("a dozen", 12), ("42.195", 42.195),
                ("Il-62", None), ("dozens", None)]


@pytest.mark.parametrize("text, value", NUMBER_TEXTS)
def test_parse_number(text, value):
    assert numbers.parse_number(text) == value


def test_claims_about_staff_across_articles(nlp):
    articles = pd.DataFrame({
        "article_id": ["a", "b"],
        "headline": ["Russia rotates technicians", "Embassy cuts staff"],
        "published": pd.to_datetime(["2019-06-27", "2019-06-01"]),
        "outlet": ["AFP", "WSJ"],
        "body": ["Russia sent around 100 military technicians and 40 tanks.",
                 "Russia has cut its staff in Venezuela to just a few dozen, from about 1,000."],
    })
    figures = pd.concat([extract(body, nlp=nlp).assign(article_id=article_id)
                         for article_id, body in zip(articles.article_id, articles.body)], ignore_index=True)
    found = claims_about(figures, ["staff", "personnel", "technician"], articles=articles)
    assert found[["article_id", "text", "counted", "outlet"]].values.tolist() == [
        ["b", "just a few dozen", "staff", "WSJ"],
        ["b", "about 1,000", "staff", "WSJ"],
        ["a", "around 100", "military technicians", "AFP"],
    ]
    summary = summarize_figures(figures, articles)
    assert summary.set_index("article_id").loc["b", ["n_figures", "n_count", "n_vague", "n_ellipsis"]].tolist() == \
        [2, 2, 1, 2]
    assert summary.set_index("article_id").loc["a", "largest_count_of"] == "military technicians"


# figure text in the seed, the voice that puts it forward: quote kind, speaker's actor_id
SEED_CLAIMS = [
    ("just a few dozen", "indirect", "wall-street-journal"),
    ("about 1,000", "indirect", "wall-street-journal"),
    ("around 100", "reporter", None),
]


@pytest.mark.parametrize("text, quote_kind, actor_id", SEED_CLAIMS)
def test_claimed_by_on_the_seed(seed_analysis, text, quote_kind, actor_id):
    claims = claimed_by(seed_analysis)
    assert len(claims) == len(seed_analysis.figures)
    row = claims[claims.text == text].iloc[0]
    assert row.quote_kind == quote_kind
    if actor_id is None:
        assert pd.isna(row.speaker) and pd.isna(row.speaker_actor_id) and pd.isna(row.quote_start)
    else:
        assert row.speaker_actor_id == actor_id and row.speaker_name == "The Wall Street Journal"
        assert row.quote_start <= row.start and row.end <= row.quote_end


# --- news forms (issue 13): sentence, then every figure expected in it, in order, as
# (text, value, low, high, unit, currency); an empty list means no figure at all
NEWS_FORMS = [
    # ranges that repeat the sign or the unit
    ("The company expects revenue of between $5 million and $7 million this year.",
     [("between $5 million and $7 million", None, 5e6, 7e6, "dollar", "USD")]),
    ("Analysts forecast growth of 5% to 7% next year.", [("5% to 7%", None, 5, 7, "%", None)]),
    ("Prices rose between 10 per cent and 12 per cent in the quarter.",
     [("between 10 per cent and 12", None, 10, 12, "%", None)]),  # the unit words stay out of the text
    ("Tickets for the concert will cost $40–$60 each.", [("$40–$60", None, 40, 60, "dollar", "USD")]),
    ("Temperatures will range from 20C to 25C on the coast.", [("20C to 25C", None, 20, 25, "degree Celsius", None)]),
    ("Its losses widened from £3.2 million to £4.5 million.",
     [("£3.2 million", 3.2e6, None, None, "pound sterling", "GBP"),
      ("£4.5 million", 4.5e6, None, None, "pound sterling", "GBP")]),
    # digits glued to units
    ("The battery stores 10kW and the laptop has 256GB of storage.",
     [("10kW", 10, None, None, "kilowatt", None), ("256", 256, None, None, "gigabyte", None)]),
    ("Inflation fell to 2.4pc in March.", [("2.4pc", 2.4, None, None, "%", None)]),
    ("Shares closed down 3p at 164p.", [("3p", 3, None, None, "penny", "GBP"), ("164p", 164, None, None, "penny", "GBP")]),
    ("The chip runs at 2.4GHz and the engine delivers 640bhp.",
     [("2.4GHz", 2.4, None, None, "gigahertz", None), ("640bhp", 640, None, None, "brake horsepower", None)]),
    ("Customers will get speeds of up to 30Mbps.", [("up to 30Mbps", 30, None, 30, "megabit per second", None)]),
    ("The commute is now 3min longer.", [("3min", 3, None, None, "minute", None)]),
    # currency prefixes
    ("The deal is worth US$58 billion.", [("US$58 billion", 5.8e10, None, None, "dollar", "USD")]),
    ("The miner made a profit of A$10.5 million.", [("A$10.5 million", 1.05e7, None, None, "australian dollar", "AUD")]),
    ("A flat sold for HK$12 million and another for NZ$2.1 million.",
     [("HK$12 million", 1.2e7, None, None, "hong kong dollar", "HKD"),
      ("NZ$2.1 million", 2.1e6, None, None, "new zealand dollar", "NZD")]),
    ("The firm raised C$300 million.", [("C$300 million", 3e8, None, None, "canadian dollar", "CAD")]),
    ("The fine was Rs 500 and bail ₹15,000.",
     [("Rs 500", 500, None, None, "indian rupee", "INR"), ("₹15,000", 15000, None, None, "indian rupee", "INR")]),
    ("The state set aside RM79 million.", [("RM79 million", 7.9e7, None, None, "malaysian ringgit", "MYR")]),
    ("The bank sold R$1.2 billion in bonds.", [("R$1.2 billion", 1.2e9, None, None, "brazilian real", "BRL")]),
    # signs
    ("The index rose +0.2% after falling -1.3% last week.",
     [("+0.2%", 0.2, None, None, "%", None), ("-1.3%", -1.3, None, None, "%", None)]),
    ("Temperatures dropped to −5C overnight.", [("−5C", -5, None, None, "degree Celsius", None)]),
    ("It was minus 5 degrees in Moscow.", [("minus 5", -5, None, None, "degree", None)]),
    # fractions, scientific notation, scale letters
    ("Three-quarters of voters backed the plan.", [("Three-quarters", 75, None, None, "%", None)]),
    ("The virus has infected 1.5e6 people.", [("1.5e6", 1.5e6, None, None, None, None)]),
    ("The club paid $37m for the striker.", [("$37m", 3.7e7, None, None, "dollar", "USD")]),
    ("The bonds pay 7 3/4 % interest.", [("7 3/4 %", 7.75, None, None, "%", None)]),
    ("The attacks of 9/11 changed everything.", []),
    # units, rates, ages
    ("The engine produces 300 hp and the ferry sails at 20 knots.",
     [("300", 300, None, None, "horsepower", None), ("20", 20, None, None, "knot", None)]),
    ("The Dow gained 250 points.", [("250", 250, None, None, "point", None)]),
    ("A stamp now costs 85 cents.", [("85", 85, None, None, "cent", None)]),
    ("Gasoline averaged $2.24 per gallon last week.", [("$2.24", 2.24, None, None, "dollar per gallon", "USD")]),
    ("Rents have risen to $3,500 a month.", [("$3,500", 3500, None, None, "dollar per month", "USD")]),
    ("Output reached 2 million barrels a day.", [("2 million", 2e6, None, None, "barrel per day", None)]),
    ("The plane flew at 900 km/h.", [("900", 900, None, None, "kilometre per hour", None)]),
    ("Sales rose 4.8% to $13.18 billion from $12.6 billion a year earlier.",
     [("4.8%", 4.8, None, None, "%", None), ("$13.18 billion", 1.318e10, None, None, "dollar", "USD"),
      ("$12.6 billion", 1.26e10, None, None, "dollar", "USD")]),
    ("Nathaly, 20, was buying baby items.", [("20", 20, None, None, "year of age", None)]),
    ("The deceased were aged nine, ten and 49.",
     [("nine", 9, None, None, "year of age", None), ("ten", 10, None, None, "year of age", None),
      ("49", 49, None, None, "year of age", None)]),
    # numbers in names, phone numbers, years: no figures
    ("Apple unveiled the iPhone 14 as Boeing grounded its 737 MAX fleet.", []),
    ("The S&P 500 fell 1.2% while Windows 11 sales rose.", [("1.2%", 1.2, None, None, "%", None)]),
    ("Leaders of the G20 discussed COVID-19 vaccines.", []),
    ("For help, call the hotline on 08000 858531.", []),
    ("2018 sales were weaker than expected.", []),
    ("The PlayStation 5 sold well.", []),
    # conventions kept
    ("One of the victims was a child.", []),
    ("Six weeks later, the factory reopened.", []),
    # "from X to Y": one range, unless a word of change makes it the level before and after
    ("The project will cost from $5 million to $7 million, officials said.",
     [("$5 million to $7 million", None, 5e6, 7e6, "dollar", "USD")]),
    ("First offenders face fines from £500 to £5,000.", [("£500 to £5,000", None, 500, 5000, "pound sterling", "GBP")]),
    ("Estimates of the crowd ranged from 5,000 to 8,000.", [("5,000 to 8,000", None, 5000, 8000, None, None)]),
    ("Inflation rose from 2% to 3% in the year to May.", [("2%", 2, None, None, "%", None), ("3%", 3, None, None, "%", None)]),
    ("Temperatures are forecast to climb from 20C to 30C by Friday.",
     [("20C", 20, None, None, "degree Celsius", None), ("30C", 30, None, None, "degree Celsius", None)]),
    ("Around 2,000 people attended, up from 1,500 last year.",
     [("Around 2,000", 2000, None, None, None, None), ("1,500", 1500, None, None, None, None)]),
    ("The museum was open from 2015 to 2017.", []),
    # "rose X to Y": the change, then the level; a narrow "X to Y" after a change stays a range
    ("Oil rose $1.50 to $82.30 a barrel on Tuesday.",
     [("$1.50", 1.5, None, None, "dollar", "USD"), ("$82.30", 82.3, None, None, "dollar per barrel", "USD")]),
    ("Shares in the retailer jumped 12p to 245p.", [("12p", 12, None, None, "penny", "GBP"), ("245p", 245, None, None, "penny", "GBP")]),
    ("Its market value fell by $40bn to $310bn.",
     [("$40bn", 4e10, None, None, "dollar", "USD"), ("$310bn", 3.1e11, None, None, "dollar", "USD")]),
    ("Rents rose 3 to 5 per cent last year.", [("3 to 5", None, 3, 5, "%", None)]),
    # scale letters at the end of a sentence, South Asian scales
    ("The striker signed a contract worth €100m.", [("€100m", 1e8, None, None, "euro", "EUR")]),
    ("Chelsea are understood to have paid more than £37m.", [("more than £37m", 3.7e7, 3.7e7, None, "pound sterling", "GBP")]),
    ("The Mumbai-based company raised Rs 500 crore.", [("Rs 500 crore", 5e9, None, None, "indian rupee", "INR")]),
    ("Over 35 lakh people have registered.", [("Over 35 lakh", 3.5e6, 3.5e6, None, None, None)]),
    ("Several tens of thousands of people marched.", [("Several tens of thousands", None, 30000, 90000, None, None)]),
    # hedges written as signs, rates before "from", currencies after the amount
    ("Gusts reached 185 mph (~295 km/h).",
     [("185", 185, None, None, "mile per hour", None), ("~295", 295, None, None, "kilometre per hour", None)]),
    ("The minimum wage rises to £10.42 an hour from April.", [("£10.42", 10.42, None, None, "pound sterling per hour", "GBP")]),
    ("The contract is worth 50 million USD.", [("50 million", 5e7, None, None, "dollar", "USD")]),
    ("Entry costs 15 EUR.", [("15", 15, None, None, "euro", "EUR")]),
    ("fluor said it won a $ 300 million contract.", [("$ 300 million", 3e8, None, None, "dollar", "USD")]),
    ("The ship carried 16,000 metric tons of grain.", [("16,000", 16000, None, None, "metric ton", None)]),
    # magnitudes, fractions of a unit, ages in a relative clause, "last year" after a number
    ("The quake had a magnitude of 7.8 and a magnitude-6.1 aftershock followed.",
     [("7.8", 7.8, None, None, "magnitude", None), ("magnitude-6.1", 6.1, None, None, "magnitude", None)]),
    ("The bank cut rates by a quarter of a percentage point.", [("a quarter of a percentage point", 0.25, None, None, "%", None)]),
    ("They walked for three quarters of an hour and covered half a mile.",
     [("three quarters of an hour", 0.75, None, None, "hour", None), ("half a mile", 0.5, None, None, "mile", None)]),
    ("The talks resumed half an hour later.", []),
    ("The singer, who is 25, earns $200,000 a week.",
     [("25", 25, None, None, "year of age", None), ("$200,000", 2e5, None, None, "dollar per week", "USD")]),
    ("The population grew by 0.4% to 67.6 million last year.",
     [("0.4%", 0.4, None, None, "%", None), ("67.6 million", 6.76e7, None, None, None, None)]),
    # units from quantulum3's catalogue (figures_units_catalogue), as words and as written symbols
    ("Doctors prescribed 5mg of the drug, or 30 mg for adults.",
     [("5", 5, None, None, "milligram", None), ("30", 30, None, None, "milligram", None)]),
    ("Noise reached 85 dB as pressure fell to 950 hPa.",
     [("85", 85, None, None, "decibel", None), ("950", 950, None, None, "hectopascal", None)]),
    ("Tyres should be inflated to 32 psi, and the plant made 12 kilojoules.",
     [("32", 32, None, None, "pound per square inch", None), ("12", 12, None, None, "kilojoule", None)]),
    ("The two bars and three leagues were busy.", [("two", 2, None, None, None, None), ("three", 3, None, None, None, None)]),
    # hyphenated rates, vague sums of money, number words in "-year-old", more currency signs
    ("Unions want a $15-an-hour pay floor and a £1.2bn-a-year fund.",
     [("$15", 15, None, None, "dollar per hour", "USD"), ("£1.2bn", 1.2e9, None, None, "pound sterling per year", "GBP")]),
    ("Hundreds of millions of dollars were spent.", [("Hundreds of millions", None, 2e8, 999999999, "dollar", "USD")]),
    ("Tens of billions of euros have been pledged.", [("Tens of billions", None, 2e10, 99999999999, "euro", "EUR")]),
    ("A three-year-old boy was pulled from the rubble.", [("three", 3, None, None, "year of age", None)]),
    ("The two-party-preferred vote rose.", []),
    # fractions written with a slash or a fraction character; "m" written apart from the number
    ("The track is a 1/4 mile oval, and the recipe needs ½ teaspoon of salt.",
     [("1/4", 0.25, None, None, "mile", None), ("½", 0.5, None, None, "teaspoon", None)]),
    ("Hikers covered 2½ miles.", [("2½", 2.5, None, None, "mile", None)]),
    ("The attacks of 9/11 changed the 24/7 news cycle.", []),
    ("The sea wall is 50 m high.", [("50", 50, None, None, "metre", None)]),
    # a hyphenated price per share; months written in lower case ("dec. 12", "december 1")
    ("The board approved a 12-cent-a-share dividend, to be paid Nov. 6.", [("12", 12, None, None, "cent per share", None)]),
    ("the notes are due dec. 12, 1994, or on december 1.", []),
    ("She said 12 people may march.", [("12", 12, None, None, None, None)]),
    # vague measures, karats, magnitudes without the word
    ("Some patients drove hundreds of miles to the clinic.", [("hundreds", None, 200, 999, "mile", None)]),
    ("The necklace is made of 18-karat gold.", [("18", 18, None, None, "karat", None)]),
    ("A 6.4 quake struck the island.", [("6.4", 6.4, None, None, "magnitude", None)]),
    ("Humans reached the island thousands of years ago.", []),
    # currency letters glued to an amount; South Asian digit groups
    ("The naira traded at N460, and Kenya plans to borrow Sh300 billion.",
     [("N460", 460, None, None, "nigerian naira", "NGN"), ("Sh300 billion", 3e11, None, None, "kenyan shilling", "KES")]),
    ("The rand weakened to R18.95, and Manila approved P1.5 billion.",
     [("R18.95", 18.95, None, None, "south african rand", "ZAR"), ("P1.5 billion", 1.5e9, None, None, "philippine peso", "PHP")]),
    ("The state recorded 1,24,000 cases as N95 masks and R2 values ran out.", [("1,24,000", 124000, None, None, None, None)]),
    # a share after a name is no name
    ("Biden led Trump 50.0 percent to 40.4 percent in June.", [("50.0", 50, None, None, "%", None), ("40.4", 40.4, None, None, "%", None)]),
    ("Officers called 100 residents.", [("100", 100, None, None, None, None)]),
    # pounds of weight beside pounds sterling
    ("A 300-pound black bear was spotted.", [("300", 300, None, None, "pound-mass", None)]),
    ("The boxer shed 20 pounds before the fight.", [("20", 20, None, None, "pound-mass", None)]),
    ("The carmaker lost 5 million pounds in the quarter.", [("5 million", 5e6, None, None, "pound sterling", "GBP")]),
    ("Fans raised 5,000 pounds for the charity.", [("5,000", 5000, None, None, "pound sterling", "GBP")]),
    ("The Swiss group is worth about SFr1.2bn, and Tk 500 crore was approved.",
     [("about SFr1.2bn", 1.2e9, None, None, "swiss franc", "CHF"), ("Tk 500 crore", 5e9, None, None, "bangladeshi taka", "BDT")]),
]


@pytest.mark.parametrize("sentence, expected", NEWS_FORMS)
def test_news_forms(figures_of, sentence, expected):
    rows = figures_of(sentence)
    found = [(r.text, r.value, r.low, r.high, None if pd.isna(r.unit) else r.unit,
              None if pd.isna(r.currency) else r.currency) for r in rows.itertuples()]
    assert len(found) == len(expected), found
    for got, want in zip(found, expected):
        assert got[0] == want[0] and got[4:] == want[4:], (got, want)
        assert all(_same(w, g) for w, g in zip(want[1:4], got[1:4])), (got, want)
        start = rows.start[found.index(got)]
        assert sentence[start:start + len(got[0])] == got[0]
