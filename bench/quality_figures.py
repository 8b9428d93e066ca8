"""Figures: the kit beside spaCy's numeric entities and quantulum3, on the annotated dev set.

For each system, on the seed and on the Wikinews dev set (data/annotations/wikinews):

- detection: precision/recall/F1 of figure spans (a prediction matches a gold figure
  when they share a character, one to one);
- value: the same, counting a match only when the numbers agree too (``value``, or
  ``low``/``high`` for ranges and vague amounts: a relative error under 1%);
- counted: among matched figures whose gold has a counted noun, the share whose
  predicted counted noun has the same head word (plural endings ignored);
- seconds, and for the systems that read spaCy's Doc, that time as a share of the
  one ``nlp.pipe`` pass they share (the kit must stay well under 15%).

Time expressions ("three months ago") are not in the gold figures; the kit drops
them by default (``kind = "time"`` only with ``include_time=True``), so they are
never scored. spaCy's baseline is its CARDINAL/MONEY/PERCENT/QUANTITY entities,
with the first number in the entity as value; quantulum3's is every quantity its
parser returns, with its value (it has no counted noun; spaCy's baseline neither).

    python bench/quality_figures.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kit import numbers  # noqa: E402
from kit.evaluation import Score, load_dev_set, load_gold, match_spans  # noqa: E402
from kit.figures import _singular, find_figures  # noqa: E402
from kit.nlp import load_model  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SPACY_LABELS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")


def kit_predictions(doc) -> list[dict]:
    return find_figures(doc)


def spacy_predictions(doc) -> list[dict]:
    rows = []
    for ent in doc.ents:
        if ent.label_ not in SPACY_LABELS:
            continue
        rows.append({"start": ent.start_char, "end": ent.end_char, "text": ent.text,
                     "value": _first_number(ent), "low": None, "high": None, "counted": None})
    return rows


def _first_number(span) -> float | None:
    words: list[str] = []
    for token in span:
        digits = numbers.parse_digits(token.text)
        if digits is not None and not words:
            value = digits
            for following in span[token.i - span.start + 1:]:
                scale = numbers.SCALES.get(following.lower_) or numbers.SUFFIXES.get(following.lower_)
                if scale is None:
                    break
                value *= scale
            return value
        if token.lower_ in numbers.NUMBER_WORDS or token.lower_ in ("a", "an", "and"):
            words.append(token.lower_)
        elif words:
            break
    return numbers.parse_words(words) if words else None


def quantulum_predictions(text: str) -> list[dict]:
    from quantulum3 import classifier, parser

    # quantulum3's pickled unit classifier does not load with the installed scikit-learn;
    # its documented fallback is the rule-based disambiguation, which is what we score.
    classifier.USE_CLF = False
    rows = []
    for quantity in parser.parse(text):
        start, end = quantity.span
        rows.append({"start": start, "end": end, "text": text[start:end], "value": quantity.value,
                     "low": None, "high": None, "counted": None})
    return rows


def _same_number(a, b) -> bool:
    if a is None or b is None or pd.isna(a) or pd.isna(b):
        return (a is None or pd.isna(a)) and (b is None or pd.isna(b))
    return abs(float(a) - float(b)) <= 0.01 * max(abs(float(a)), abs(float(b)), 1e-9)


def _value_correct(gold: dict, predicted: dict) -> bool:
    if gold["value"] is not None and not pd.isna(gold["value"]):
        return _same_number(gold["value"], predicted.get("value"))
    return _same_number(gold["low"], predicted.get("low")) and _same_number(gold["high"], predicted.get("high"))


def _head(noun_phrase) -> str | None:
    if not isinstance(noun_phrase, str) or not noun_phrase.strip():
        return None
    return _singular(noun_phrase.split()[-1])


def score_article(gold_rows: list[dict], predicted: list[dict]) -> dict:
    gold_spans = [(g["start"], g["end"]) for g in gold_rows]
    pred_spans = [(p["start"], p["end"]) for p in predicted]
    pairs = match_spans(gold_spans, pred_spans, match="overlap")
    value_tp = sum(_value_correct(gold_rows[g], predicted[p]) for p, g in pairs.items())
    counted_pairs = [(gold_rows[g], predicted[p]) for p, g in pairs.items() if _head(gold_rows[g]["counted"])]
    counted_ok = sum(_head(g["counted"]) == _head(p.get("counted")) for g, p in counted_pairs)
    return {
        "detection": Score(len(pairs), len(predicted) - len(pairs), len(gold_rows) - len(pairs)),
        "value": Score(value_tp, len(predicted) - value_tp, len(gold_rows) - value_tp),
        "counted": (counted_ok, len(counted_pairs)),
    }


def evaluate(golds=None, nlp=None, systems=("kit", "spaCy entities", "quantulum3")) -> pd.DataFrame:
    """One row per (data set, system): detection and value P/R/F1, counted accuracy, seconds."""
    nlp = nlp or load_model()
    if golds is None:
        golds = {"seed": [load_gold(ROOT / "data/annotations/seed/gold.json")],
                 "wikinews dev": load_dev_set(ROOT / "data/annotations/wikinews")}
    rows = []
    for name, gold_list in golds.items():
        began = time.perf_counter()
        docs = list(nlp.pipe([g.body for g in gold_list]))
        pipe_seconds = time.perf_counter() - began
        for system in systems:
            totals = {"detection": Score(0, 0, 0), "value": Score(0, 0, 0)}
            counted_ok = counted_all = 0
            began = time.perf_counter()
            for gold, doc in zip(gold_list, docs):
                if system == "kit":
                    predicted = kit_predictions(doc)
                elif system == "spaCy entities":
                    predicted = spacy_predictions(doc)
                else:
                    predicted = quantulum_predictions(gold.body)
                gold_rows = gold.figures.astype(object).where(gold.figures.notna(), None).to_dict("records")
                scores = score_article(gold_rows, predicted)
                totals = {k: totals[k] + scores[k] for k in totals}
                counted_ok += scores["counted"][0]
                counted_all += scores["counted"][1]
            seconds = time.perf_counter() - began
            rows.append({
                "data": name, "system": system, "articles": len(gold_list),
                "gold": int(totals["detection"].tp + totals["detection"].fn),
                "detect P": round(totals["detection"].precision, 3),
                "detect R": round(totals["detection"].recall, 3),
                "detect F1": round(totals["detection"].f1, 3),
                "value P": round(totals["value"].precision, 3),
                "value R": round(totals["value"].recall, 3),
                "value F1": round(totals["value"].f1, 3),
                "counted acc": round(counted_ok / counted_all, 3) if counted_all else None,
                "counted n": counted_all,
                "seconds": round(seconds, 3),
                # the kit works on the parsed Doc: its cost beside the one spaCy pass it shares
                "% of nlp.pipe": round(100 * seconds / pipe_seconds, 1) if system != "quantulum3" else None,
            })
    return pd.DataFrame(rows)


def errors(gold_list, nlp=None) -> pd.DataFrame:
    """The kit's misses, false alarms and wrong values or counted nouns, to read by eye."""
    nlp = nlp or load_model()
    rows = []
    for gold, doc in zip(gold_list, nlp.pipe([g.body for g in gold_list])):
        predicted = kit_predictions(doc)
        gold_rows = gold.figures.astype(object).where(gold.figures.notna(), None).to_dict("records")
        pairs = match_spans([(g["start"], g["end"]) for g in gold_rows], [(p["start"], p["end"]) for p in predicted])
        matched_gold = set(pairs.values())
        for p_index, p in enumerate(predicted):
            if p_index not in pairs:
                rows.append({"article": gold.id, "error": "false alarm", "text": p["text"], "kit": p, "gold": None})
                continue
            g = gold_rows[pairs[p_index]]
            if not _value_correct(g, p):
                rows.append({"article": gold.id, "error": "value", "text": p["text"], "kit": p, "gold": g})
            if _head(g["counted"]) and _head(g["counted"]) != _head(p.get("counted")):
                rows.append({"article": gold.id, "error": "counted", "text": p["text"], "kit": p.get("counted"),
                             "gold": g["counted"]})
        for g_index, g in enumerate(gold_rows):
            if g_index not in matched_gold:
                rows.append({"article": gold.id, "error": "miss", "text": g["text"], "kit": None, "gold": g})
    return pd.DataFrame(rows)


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Figure quality on the seed and an annotated folder.")
    parser.add_argument("--gold", default=str(ROOT / "data/annotations/wikinews"),
                        help="folder of annotated JSON files (default: data/annotations/wikinews)")
    parser.add_argument("--errors", action="store_true", help="list the dev-set errors")
    args = parser.parse_args(argv)
    pd.set_option("display.width", 200)
    pd.set_option("display.max_columns", 20)
    table = evaluate({"seed": [load_gold(ROOT / "data/annotations/seed/gold.json")],
                      "wikinews dev": load_dev_set(Path(args.gold))})
    print(table.to_string(index=False))
    if args.errors:
        pd.set_option("display.max_colwidth", 120)
        print(errors(load_dev_set(Path(args.gold))).to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
