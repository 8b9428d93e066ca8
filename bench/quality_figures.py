"""Figures: the kit beside spaCy's numeric entities and quantulum3, scored by the CQE protocol.

Data sets (each scored sentence by sentence):

- the four shared quantity sets (``../shared/corpora/quantities``: age, currency,
  dimension, temperature; public sentences from the CQE evaluation; skipped, with a
  note, when the folder is absent);
- the news sentences of ``data/annotations/figures_news`` (dev: tuned on; held-out:
  written before tuning, never tuned on), one sentence per line with gold figures;
- the seed, the Wikinews dev set and the Wikinews held-out set (whole articles, cut into
  spaCy's sentences; gold figures go to the sentence they start in).

Scores (:func:`kit.evaluation.score_figures`, the rules of the shared ``score.py``):
detection F1 (spans paired one-to-one by overlap), value P/R/F1 (CQE protocol: values
paired one-to-one within a sentence, ranges by both ends), unit accuracy and counted-noun
accuracy over detected figures whose gold has one. ``% of nlp.pipe``: the kit's time on
the parsed Docs beside the one spaCy pass it shares.

spaCy's baseline is its CARDINAL/MONEY/PERCENT/QUANTITY entities with the first number
as value (unit: "%" for PERCENT, the currency sign's name for MONEY); quantulum3's is
every quantity its parser returns, with its value and unit name.

    python bench/quality_figures.py                 # every set, three systems
    python bench/quality_figures.py --no-quantulum  # faster
    python bench/quality_figures.py --errors news-dev
"""

from __future__ import annotations

import bisect
import json
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kit.evaluation import figure_value_ok, load_dev_set, load_gold, score_figures, unit_key  # noqa: E402
from kit.figures import find_figures, numbers, units  # noqa: E402
from kit.nlp import load_model  # noqa: E402

#: the shared data beside the checkout (``../shared``), or beside its parent for a worktree in a subfolder
SHARED = next((folder / "shared" / "corpora" / "quantities" for folder in (ROOT.parent, ROOT.parent.parent)
               if (folder / "shared" / "corpora" / "quantities").is_dir()), ROOT.parent / "shared" / "corpora" / "quantities")
NEWS = ROOT / "data" / "annotations" / "figures_news"
SPACY_LABELS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")
SYSTEMS = ("kit", "spaCy entities", "quantulum3")


def kit_predictions(doc) -> list[dict]:
    return find_figures(doc)


def spacy_predictions(doc) -> list[dict]:
    rows = []
    for ent in doc.ents:
        if ent.label_ not in SPACY_LABELS:
            continue
        unit = "%" if ent.label_ == "PERCENT" else None
        if ent.label_ == "MONEY":
            unit = units.currency_name(units.currency_code(ent[0].text) or "USD")
        rows.append({"start": ent.start_char, "end": ent.end_char, "value": _first_number(ent), "unit": unit})
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
        unit = quantity.unit.name if quantity.unit and quantity.unit.name != "dimensionless" else None
        rows.append({"start": start, "end": end, "value": quantity.value, "unit": unit})
    return rows


def _sentences_of_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_sets(include_shared: bool = True) -> dict[str, list[tuple[str, list[dict]]]]:
    """Every data set as a list of (text, gold figures); article sets keep whole articles."""
    sets: dict[str, list[tuple[str, list[dict]]]] = {}
    if include_shared:
        if SHARED.is_dir():
            for name in ("age", "currency", "dimension", "temperature"):
                rows = _sentences_of_jsonl(SHARED / f"{name}.jsonl")
                # gold figures the alignment could not place (span null) are kept: they count as misses
                sets[f"cqe {name}"] = [(r["text"], [_gold_row(f) for f in r["figures"]]) for r in rows]
        else:
            print(f"(shared quantity sets not found at {SHARED}: skipped)", file=sys.stderr)
    for name in ("dev", "heldout"):
        path = NEWS / f"{name}.jsonl"
        if path.exists():
            sets[f"news {name}"] = [(r["text"], [_gold_row(f) for f in r["figures"]]) for r in _sentences_of_jsonl(path)]
    sets["seed"] = _article_set([load_gold(ROOT / "data/annotations/seed/gold.json")])
    sets["wikinews dev"] = _article_set(load_dev_set(ROOT / "data/annotations/wikinews"))
    sets["wikinews held-out"] = _article_set(load_dev_set(ROOT / "data/annotations/heldout"))
    return sets


def _gold_row(figure: dict) -> dict:
    span = figure.get("span") or [-1, -1]
    return {"start": span[0], "end": span[1], **{k: figure.get(k) for k in ("value", "low", "high", "unit", "counted")}}


def _article_set(golds) -> list[tuple[str, list[dict]]]:
    out = []
    for gold in golds:
        rows = gold.figures.astype(object).where(gold.figures.notna(), None).to_dict("records")
        out.append((gold.body, rows))
    return out


def by_sentence(doc, gold: list[dict], predicted: list[dict]) -> list[tuple[list[dict], list[dict]]]:
    """Gold and predicted figures of one text grouped by the spaCy sentence they start in."""
    starts = [sentence.start_char for sentence in doc.sents] or [0]
    groups: dict[int, tuple[list, list]] = {}
    for side, rows in ((0, gold), (1, predicted)):
        for row in rows:
            index = bisect.bisect_right(starts, max(row["start"], 0)) - 1
            groups.setdefault(index, ([], []))[side].append(row)
    return list(groups.values())


def evaluate(sets=None, nlp=None, systems=SYSTEMS) -> pd.DataFrame:
    """One row per (data set, system)."""
    nlp = nlp or load_model()
    sets = sets if sets is not None else load_sets()
    rows = []
    for name, items in sets.items():
        texts = [text for text, _ in items]
        began = time.perf_counter()
        docs = list(nlp.pipe(texts))
        pipe_seconds = time.perf_counter() - began
        for system in systems:
            pairs = []
            began = time.perf_counter()
            for (text, gold), doc in zip(items, docs):
                if system == "kit":
                    predicted = kit_predictions(doc)
                elif system == "spaCy entities":
                    predicted = spacy_predictions(doc)
                else:
                    predicted = quantulum_predictions(text)
                pairs.extend(by_sentence(doc, gold, predicted))
            seconds = time.perf_counter() - began
            score = score_figures(pairs)
            rows.append({"data": name, "system": system, "texts": len(items), **score,
                         "% of nlp.pipe": round(100 * seconds / pipe_seconds, 1) if system != "quantulum3" else None})
    return pd.DataFrame(rows)


def errors(items, nlp=None) -> pd.DataFrame:
    """The kit's misses, false alarms, wrong values, units and counted nouns, to read by eye."""
    from kit.evaluation import match_spans

    nlp = nlp or load_model()
    rows = []
    for (text, gold), doc in zip(items, nlp.pipe([text for text, _ in items])):
        for gold_rows, predicted in by_sentence(doc, gold, kit_predictions(doc)):
            pairs = match_spans([(g["start"], g["end"]) for g in gold_rows], [(p["start"], p["end"]) for p in predicted])
            sentence = doc.char_span(0, len(text), alignment_mode="expand")
            context = text[max(0, min([g["start"] for g in gold_rows] + [p["start"] for p in predicted]) - 40):][:140]
            for p_index, p in enumerate(predicted):
                if p_index not in pairs:
                    rows.append({"error": "false alarm", "text": p["text"], "kit": p["value"], "gold": None,
                                 "context": context})
                    continue
                g = gold_rows[pairs[p_index]]
                if not figure_value_ok(g, p):
                    rows.append({"error": "value", "text": p["text"], "kit": (p["value"], p["low"], p["high"]),
                                 "gold": (g["value"], g["low"], g["high"]), "context": context})
                if unit_key(g.get("unit")) and unit_key(g.get("unit")) != unit_key(p.get("unit")):
                    rows.append({"error": "unit", "text": p["text"], "kit": p.get("unit"), "gold": g["unit"],
                                 "context": context})
                if g.get("counted") and (g["counted"].split()[-1:] != (p.get("counted") or "").split()[-1:]):
                    rows.append({"error": "counted", "text": p["text"], "kit": p.get("counted"),
                                 "gold": g["counted"], "context": context})
            matched = set(pairs.values())
            for g_index, g in enumerate(gold_rows):
                if g_index not in matched:
                    rows.append({"error": "miss", "text": text[g["start"]:g["end"]] if g["start"] >= 0 else None,
                                 "kit": None, "gold": g["value"] if g["value"] is not None else (g["low"], g["high"]),
                                 "context": context})
            del sentence
    return pd.DataFrame(rows)


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Figure quality by the CQE protocol, beside the baselines.")
    parser.add_argument("--gold", help="a folder of annotated articles: 'heldout' in it scores the held-out sets only, "
                        "anything else the dev sets (bench/quality.py calls once for each); default: every set")
    parser.add_argument("--no-quantulum", action="store_true", help="leave quantulum3 out (it is slow)")
    parser.add_argument("--no-shared", action="store_true", help="leave the shared quantity sets out")
    parser.add_argument("--kit-only", action="store_true", help="score the kit alone")
    parser.add_argument("--errors", metavar="SET", help="list the kit's errors on one set (e.g. 'news dev')")
    args = parser.parse_args(argv)
    pd.set_option("display.width", 220)
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.max_colwidth", 90)
    sets = load_sets(include_shared=not args.no_shared)
    if args.gold:  # bench/quality.py: the dev sets (tuned on) or the held-out sets, one call each
        held_out = "heldout" in args.gold
        sets = {name: items for name, items in sets.items() if (("held" in name) == held_out)}
    if args.errors:
        print(errors(sets[args.errors if args.errors in sets else args.errors.replace("-", " ")]).to_string())
        return 0
    systems = ("kit",) if args.kit_only else tuple(s for s in SYSTEMS if not (args.no_quantulum and s == "quantulum3"))
    print(evaluate(sets, systems=systems).to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
