"""Analyses for the render, plots and widget tests, built once per session (cached).

- :func:`gold_analysis`: an Analysis whose tables are the hand annotations of the seed
  and of the Wikinews dev set (real text, spans checked by people): the expected
  highlights, values and speakers are known exactly.
- :func:`hostile_analysis`: the seed's gold analysis plus one article whose headline,
  body, speaker and actor names carry HTML and script payloads.
- the real pipeline's analysis of the seed plus Wikinews is the ``bundled_analysis``
  fixture of tests/conftest.py.

Imported by tests/test_render.py, tests/test_plots.py and tests/test_widgets.py.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pandas as pd

from kit.actors import slug
from kit.analysis import Analysis
from kit.tables import conform

ROOT = Path(__file__).resolve().parents[1]
SEED_GOLD = ROOT / "data" / "annotations" / "seed" / "gold.json"
DEV_SET = ROOT / "data" / "annotations" / "wikinews"
WIKINEWS = ROOT / "data" / "wikinews" / "articles.jsonl"

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
]


def _wikinews_records() -> dict[str, dict]:
    with open(WIKINEWS, encoding="utf-8") as lines:
        records = (json.loads(line) for line in lines if line.strip())
        return {record["id"]: record for record in records}


def _gold_tables(gold, article_id: str) -> dict[str, pd.DataFrame]:
    actor_ids = {name: slug(name) for name in gold.actors["name"]}
    mentions = gold.mentions.assign(
        article_id=article_id,
        actor_id=gold.mentions["actor"].map(actor_ids),
        sentence=0,
        how="name",
    )
    quotes = gold.quotes.assign(
        article_id=article_id,
        actor_id=gold.quotes["actor"].map(lambda name: actor_ids.get(name, slug(name) if isinstance(name, str) else None)),
        sentence=0,
    )
    figures = gold.figures.assign(article_id=article_id, sentence=0)
    return {"mentions": mentions, "quotes": quotes, "figures": figures}


def _actors(mentions: pd.DataFrame, gold_actors: pd.DataFrame) -> pd.DataFrame:
    countries = dict(zip(gold_actors["name"].map(slug), gold_actors["country"]))
    grouped = mentions.groupby("actor_id").agg(
        name=("actor", "first"), kind=("kind", "first"),
        n_mentions=("actor_id", "size"), n_articles=("article_id", "nunique"),
        aliases=("text", lambda s: sorted(set(s))),
    ).reset_index()
    grouped["country"] = grouped["actor_id"].map(countries)
    return conform(grouped.sort_values("n_mentions", ascending=False), "actors")


@functools.lru_cache(maxsize=None)
def gold_analysis() -> Analysis:
    """The seed and the Wikinews dev set, with their hand annotations as the tables."""
    from kit.evaluation import load_dev_set, load_gold

    seed = load_gold(SEED_GOLD)
    records = _wikinews_records()
    meta = seed.metadata
    articles = [{
        "article_id": "seed", "source": "data/wire/000_3a78acad3bfae3fb.txt", "outlet": "AFP", "format": "wire",
        "version": meta["version"], "keywords": meta["keywords"], "published": pd.Timestamp(meta["published"]),
        "headline": meta["headline"], "advisory": meta["advisory"], "dateline_place": meta["dateline_place"],
        "agency": "AFP", "body": seed.body, "desk": meta["desk"], "issue": meta["issue"], "language": "en",
    }]
    tables = {name: [_gold_tables(seed, "seed")[name]] for name in ("mentions", "figures", "quotes")}
    gold_actors = [seed.actors]
    for gold in load_dev_set(DEV_SET):
        record = records.get(gold.id, {})
        articles.append({
            "article_id": gold.id, "source": "data/wikinews/articles.jsonl", "outlet": "Wikinews",
            "format": "jsonl", "published": pd.Timestamp(record["date"]) if record.get("date") else None, "headline": record.get("title"),
            "body": gold.body, "url": record.get("url"), "language": "en",
            "dateline_place": record.get("dateline"),
        })
        for name, frame in _gold_tables(gold, gold.id).items():
            tables[name].append(frame)
        gold_actors.append(gold.actors)
    mentions = pd.concat(tables["mentions"], ignore_index=True)
    all_actors = pd.concat(gold_actors, ignore_index=True).drop_duplicates("name")
    return Analysis(
        articles=conform(articles, "articles"),
        mentions=conform(mentions, "mentions"),
        actors=_actors(mentions, all_actors),
        figures=conform(pd.concat(tables["figures"], ignore_index=True), "figures"),
        quotes=conform(pd.concat(tables["quotes"], ignore_index=True), "quotes"),
    )


@functools.lru_cache(maxsize=None)
def hostile_analysis() -> Analysis:
    """The gold analysis plus an article whose every shown field carries an HTML payload."""
    base = gold_analysis()
    script, image, svg = HOSTILE
    body = f"{script} said {image} that 12 {svg} were \"{script} coming\"."
    article_id = "hostile"
    speaker_start = 0
    speaker_end = len(script)
    figure_start = body.index("12")
    quote_start = body.index(f"{script} coming")
    quote_end = quote_start + len(f"{script} coming")
    image_start = body.index(image)
    articles = conform([{
        "article_id": article_id, "source": f"data/{image}.txt", "outlet": script, "format": "txt",
        "keywords": [script, image], "published": pd.Timestamp("2019-06-28"), "headline": f"Headline {script} {image}",
        "body": body, "url": "javascript:alert(1)", "language": "en",
    }], "articles")
    mentions = conform([
        {"article_id": article_id, "start": speaker_start, "end": speaker_end, "text": script,
         "actor_id": "hostile-actor", "kind": "person", "sentence": 0, "how": "name"},
        {"article_id": article_id, "start": image_start, "end": image_start + len(image), "text": image,
         "actor_id": "hostile-actor", "kind": "person", "sentence": 0, "how": "alias"},
    ], "mentions")
    actors = conform([{"actor_id": "hostile-actor", "name": f"{image} {script}", "kind": "person",
                       "country": svg, "aliases": [script], "n_mentions": 2, "n_articles": 1}], "actors")
    figures = conform([{"article_id": article_id, "start": figure_start, "end": figure_start + 2, "text": "12",
                        "value": 12.0, "kind": "count", "counted": svg, "counted_how": "direct", "approx": script,
                        "sentence": 0}], "figures")
    quotes = conform([{"article_id": article_id, "start": quote_start, "end": quote_end,
                       "text": body[quote_start:quote_end], "kind": "direct", "speaker": script,
                       "speaker_start": speaker_start, "speaker_end": speaker_end, "actor_id": "hostile-actor",
                       "cue": image, "sentence": 0}], "quotes")
    return Analysis(
        articles=pd.concat([base.articles, articles], ignore_index=True),
        mentions=pd.concat([base.mentions, mentions], ignore_index=True),
        actors=pd.concat([base.actors, actors], ignore_index=True),
        figures=pd.concat([base.figures, figures], ignore_index=True),
        quotes=pd.concat([base.quotes, quotes], ignore_index=True),
    )
