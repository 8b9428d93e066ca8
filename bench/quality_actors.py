"""How well the kit finds actor mentions and groups them into actors, beside spaCy alone.

Three gold sets:

- the seed (data/annotations/seed/gold.json): the issue's quality bar — all 13 actors
  under their canonical names, mention recall >= 0.95, at most 3 mentions outside the
  gold's actors, modifiers and places, no gold place counted as a country;
- GUM (data/gum/gum_actors.jsonl: 31 Wikinews documents, every person, organization
  and place mention, named, nominal and pronominal, with coreference);
- the Wikinews dev set (data/annotations/wikinews/*.json) once it has files.

Mentions are scored by overlap, one to one; grouping by B-cubed over matched mentions.
"spaCy only" is the baseline: PERSON/ORG/GPE/NORP/LOC/FAC entities, grouped by their
lower-cased text.

Run: ``.venv/bin/python bench/quality_actors.py``; ``report()`` returns the same text.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from kit import actors  # noqa: E402
from kit.evaluation import Score, bcubed, load_gold, match_spans, score_spans  # noqa: E402
from kit.nlp import load_model  # noqa: E402
from kit.tables import conform  # noqa: E402

SPACY_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")


def kit_mentions(nlp, texts: list[str]) -> list[pd.DataFrame]:
    """The kit's resolved mentions of each text, one frame per text (texts resolved separately)."""
    out = []
    for doc in nlp.pipe(texts):
        rows = actors.find_mentions(doc)
        for row in rows:
            row["article_id"] = "doc"
        mentions, _, _ = actors.resolve_corpus(conform(rows, "mentions"), None)
        out.append(mentions)
    return out


def spacy_mentions(nlp, texts: list[str]) -> list[pd.DataFrame]:
    out = []
    for doc in nlp.pipe(texts):
        rows = [
            {"start": e.start_char, "end": e.end_char, "text": e.text, "actor_id": e.text.lower(), "kind": e.label_}
            for e in doc.ents
            if e.label_ in SPACY_LABELS
        ]
        out.append(pd.DataFrame(rows, columns=["start", "end", "text", "actor_id", "kind"]))
    return out


def _spans(frame) -> list[tuple[int, int]]:
    return list(zip(frame["start"].astype(int), frame["end"].astype(int)))


def corpus_scores(golds: list[tuple[pd.DataFrame, str]], predicted: list[pd.DataFrame]) -> dict[str, float]:
    """Summed overlap P/R/F1 and B-cubed over documents.

    ``golds``: per document (gold mentions with start, end and a group column name).
    """
    tp = fp = fn = 0
    gold_groups, predicted_groups = {}, {}
    for number, ((gold, group_column), guess) in enumerate(zip(golds, predicted)):
        gold_spans, guess_spans = _spans(gold), _spans(guess)
        score = score_spans(gold_spans, guess_spans, match="overlap")
        tp, fp, fn = tp + score.tp, fp + score.fp, fn + score.fn
        for p_index, g_index in match_spans(gold_spans, guess_spans, match="overlap").items():
            gold_groups[(number, g_index)] = (number, gold[group_column].iloc[g_index])
            predicted_groups[(number, g_index)] = (number, guess["actor_id"].iloc[p_index])
    total = Score(tp, fp, fn)
    grouping = bcubed(gold_groups, predicted_groups)
    return {"P": total.precision, "R": total.recall, "F1": total.f1, "B3 F1": grouping.f1,
            "predicted": tp + fp, "gold": tp + fn}


def gum_report(nlp) -> str:
    docs = [json.loads(line) for line in open(ROOT / "data/gum/gum_actors.jsonl", encoding="utf-8")]
    texts = [d["text"] for d in docs]
    golds = []
    for d in docs:
        gold = pd.DataFrame(
            [{"start": e["span"][0], "end": e["span"][1], "group": e["group"], "named": e["named"]} for e in d["entities"]]
        )
        golds.append(gold)
    kit_rows, spacy_rows = kit_mentions(nlp, texts), spacy_mentions(nlp, texts)
    table = pd.DataFrame(
        {
            "kit, all gold mentions": corpus_scores([(g, "group") for g in golds], kit_rows),
            "spaCy only, all gold mentions": corpus_scores([(g, "group") for g in golds], spacy_rows),
            "kit, named gold mentions": corpus_scores([(g[g.named], "group") for g in golds], kit_rows),
            "spaCy only, named gold mentions": corpus_scores([(g[g.named], "group") for g in golds], spacy_rows),
        }
    ).T
    return "GUM (31 Wikinews documents; overlap match, B-cubed over matched mentions)\n" + _format(table)


def gold_report(nlp, golds, title: str) -> str:
    """The seed's bars, applied to any gold article(s) in the seed's shape."""
    texts = [g.body for g in golds]
    kit_rows, spacy_rows = kit_mentions(nlp, texts), spacy_mentions(nlp, texts)
    lines = [title]
    # These golds do not annotate pronouns; GUM does. The middle row shows the kit without them.
    without_pronouns = [rows[rows["how"] != "pronoun"] for rows in kit_rows]
    table = pd.DataFrame(
        {
            "kit": corpus_scores([(g.mentions, "actor") for g in golds], kit_rows),
            "kit without pronouns": corpus_scores([(g.mentions, "actor") for g in golds], without_pronouns),
            "spaCy only": corpus_scores([(g.mentions, "actor") for g in golds], spacy_rows),
        }
    ).T
    lines.append(_format(table))
    for name, rows in (("kit", kit_rows), ("spaCy only", spacy_rows)):
        outside = places_as_countries = missing_actors = 0
        details = []
        for gold, guess in zip(golds, rows):
            allowed = _spans(gold.mentions) + _spans(gold.modifiers) + _spans(gold.places)
            for row in guess.itertuples(index=False):
                if not any(s < row.end and row.start < e for s, e in allowed):
                    outside += 1
                    details.append(repr(row.text))
                if row.kind == "country" and any(s < row.end and row.start < e for s, e in _spans(gold.places)):
                    places_as_countries += 1
            if name == "kit":
                found = set(actors.actors_table(guess)["name"]) if len(guess) else set()
                missing = [a for a in gold.actors["name"] if a not in found]
                missing_actors += len(missing)
                if missing:
                    details.append(f"missing actors in {gold.id}: {missing}")
        lines.append(
            f"  {name}: mentions outside gold actors/modifiers/places: {outside}; "
            f"gold places counted as countries: {places_as_countries}"
            + (f"; gold actors not found under their canonical name: {missing_actors}" if name == "kit" else "")
        )
        if name == "kit" and details:
            lines.append("    " + "; ".join(details[:40]))
    return "\n".join(lines)


def _format(table: pd.DataFrame) -> str:
    table = table.copy()
    for column in ("predicted", "gold"):
        table[column] = table[column].round().astype(int)
    return table.to_string(float_format=lambda x: f"{x:.3f}")


def report(gum: bool = True) -> str:
    """The whole actor-quality report as text (what bench/quality.py prints)."""
    nlp = load_model()
    parts = [gold_report(nlp, [load_gold(ROOT / "data/annotations/seed/gold.json")], "Seed article")]
    dev, unreadable = [], []
    for path in sorted((ROOT / "data/annotations/wikinews").glob("*.json")):
        try:  # the dev set is written while the kit grows: one bad file must not hide the others
            dev.append(load_gold(path))
        except (ValueError, KeyError) as error:
            unreadable.append(f"{path.name}: {error}")
    if unreadable:
        parts.append("Dev-set files skipped:\n  " + "\n  ".join(unreadable))
    if dev:
        parts.append(gold_report(nlp, dev, f"Wikinews dev set ({len(dev)} articles)"))
    if gum:
        parts.append(gum_report(nlp))
    return "\n\n".join(parts)


if __name__ == "__main__":
    print(report(gum="--no-gum" not in sys.argv))
