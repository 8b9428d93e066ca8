"""Quotes and speakers on real US political news (PolNeAR), beside textacy.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates every attribution of 924
articles from seven outlets: its content, source (speaker) and cue. The shared folder
``../shared/corpora/polnear`` (beside the repository) holds it converted to JSONL with
character offsets, and its scorer ``score.py``. The texts are the outlets' copyrighted
articles: this script only reads them from there (nothing is copied into the project)
and says so when the folder is absent.

Measured with the corpus's own scorer (its docstring defines every metric):

- **speech-only**: the attributions whose cue is a verb of saying (beliefs, intentions
  and evidence such as "polls show" are another question);
- **direct**: the attributions in quotation marks.

Printed per system: content F1 (overlap), quote+speaker F1 (end to end), speaker
accuracy on the quotes found, and recall by gold type (direct, mixed, indirect).

One convention is translated: the kit writes the antecedent of a relative pronoun as the
speaker ("Graham, who says ..." -> "Graham"), PolNeAR marks the pronoun and matches
pronoun sources by span, so the kit's speaker span is carried on to a subject "who" /
"which" / "that" right after it (:func:`relative_end`); nothing else is changed.

Run: ``.venv/bin/python bench/quality_quotes_polnear.py [--split dev] [--limit N]``;
``report()`` returns the same text. ``--polnear DIR`` (or ``KIT_POLNEAR``) points at
another copy of the folder.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: Where the shared corpus is looked for: ../shared beside the repository.
DEFAULT_FOLDER = ROOT.parent / "shared" / "corpora" / "polnear"
SUBSETS = (("speech-only", {"speech_only": True}), ("direct", {"types": {"direct"}}))


def folder() -> Path | None:
    """The PolNeAR folder (``KIT_POLNEAR``, else ../shared beside the repository), or None."""
    for candidate in (os.environ.get("KIT_POLNEAR"), DEFAULT_FOLDER):
        if candidate and (Path(candidate) / "score.py").is_file():
            return Path(candidate)
    return None


def load_split(split: str = "dev", limit: int | None = None, where: Path | None = None) -> list[dict]:
    """The articles of one split (``dev`` or ``train``), the first ``limit`` of them."""
    where = where or folder()
    records = []
    with open(where / f"{split}.jsonl", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                records.append(json.loads(line))
            if limit and len(records) >= limit:
                break
    return records


def scorer(where: Path | None = None):
    """The corpus's ``score.py``, imported from its folder."""
    where = where or folder()
    sys.path.insert(0, str(where))  # score.py imports its quote_marks.py
    spec = importlib.util.spec_from_file_location("polnear_score", where / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def kit_predictions(doc, mentions: list[dict] | None = None) -> list[dict]:
    """The kit's quotes of one parsed article, in the scorer's format."""
    from kit import actors, quotes

    out = []
    rows = quotes.find_quotes(doc, actors.find_mentions(doc) if mentions is None else mentions)
    for row in rows:
        source = [row["speaker_start"], relative_end(doc, row)] if row["speaker_start"] is not None else None
        item = {"content": [row["start"], row["end"]], "source": source, "kind": row["kind"]}
        if row["cue"]:
            item["cue_text"] = row["cue"]
        out.append(item)
    return out


def relative_end(doc, row: dict) -> int:
    """Where the speaker ends in the corpus's convention. The kit writes the antecedent of a
    relative pronoun as the speaker ("Graham, who says ..." -> "Graham"); PolNeAR marks the
    pronoun ("who") and matches pronoun sources by span only, so the span is carried on to
    the relative pronoun right after the antecedent when that pronoun is a subject."""
    end = row["speaker_end"]
    span = doc.char_span(end, min(len(doc.text), end + 8), alignment_mode="expand")
    for token in span if span is not None else ():
        if token.is_punct or token.is_space:
            continue
        if token.lower_ in ("who", "which", "that") and token.dep_ in ("nsubj", "nsubjpass"):
            return token.idx + len(token)
        break
    # "Senator Jane Roe of Ohio, who said ...": the relative pronoun further on, when the parse
    # makes the kit's speaker its antecedent and the quote the relative clause's report.
    between = doc.char_span(end, row["start"], alignment_mode="expand") if row["start"] > end else None
    for token in between if between is not None else ():
        clause = token.head
        if token.lower_ in ("who", "which", "that") and token.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "relcl" \
                and row["speaker_start"] <= clause.head.idx < end and clause.right_edge.idx >= row["start"]:
            return token.idx + len(token)
    return end


def textacy_predictions(doc) -> list[dict]:
    """textacy's direct quotations of one parsed article, in the scorer's format."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # unpaired quote marks: textacy refuses the whole document
        return []
    return [{"content": [content.start_char, content.end_char],
             "source": [min(t.idx for t in speaker), max(t.idx + len(t) for t in speaker)],
             "cue_text": " ".join(t.text for t in cue)} for speaker, cue, content in triples]


def predict(records: list[dict], nlp=None, docs=None) -> dict[str, dict[str, list[dict]]]:
    """system -> article id -> predicted quotes, one parse per article."""
    from kit.nlp import load_model

    nlp = nlp or load_model()
    docs = docs if docs is not None else nlp.pipe([record["text"] for record in records], batch_size=16)
    out: dict[str, dict[str, list[dict]]] = {"kit": {}, "textacy": {}}
    for record, doc in zip(records, docs):
        out["kit"][record["id"]] = kit_predictions(doc)
        out["textacy"][record["id"]] = textacy_predictions(doc)
    return out


def measure(records: list[dict], predictions: dict[str, list[dict]], score_module=None) -> dict[str, dict]:
    """subset name -> the scorer's result for these predictions."""
    score_module = score_module or scorer()
    return {name: score_module.score(records, predictions, **options)[0] for name, options in SUBSETS}


def lines_of(system: str, result: dict) -> list[str]:
    """One printed line per subset: content F1, quote+speaker F1, speaker accuracy, recall by type."""
    out = []
    for name, res in result.items():
        recall = ", ".join(f"{kind} {100 * v['content_overlap_recall']:.1f}%" for kind, v in res["recall_by_gold_type"].items())
        speakers = res["speaker_accuracy"]
        both = res["quote_and_speaker"]
        out.append(
            f"  {system:8s} {name:12s} content F1 {100 * res['content_overlap']['f1']:5.1f}  "
            f"quote+speaker F1 {100 * both['f1']:5.1f} (P {100 * both['p']:.1f} R {100 * both['r']:.1f})  "
            f"speaker acc. {100 * speakers['acc']:5.1f}% ({speakers['correct']}/{speakers['n']})  recall: {recall}"
        )
    return out


def report(split: str = "dev", limit: int | None = None, nlp=None, docs=None) -> str:
    """The scores as printable text (a message when the shared folder is absent)."""
    where = folder()
    if where is None:
        return (f"PolNeAR: skipped (no {DEFAULT_FOLDER}; the shared corpus is read from ../shared beside the "
                "repository, or from KIT_POLNEAR)")
    records = load_split(split, limit, where)
    predictions = predict(records, nlp, docs)
    score_module = scorer(where)
    n_gold = sum(len(record["quotes"]) for record in records)
    lines = [f"PolNeAR {split}: {len(records)} articles, {n_gold} gold attributions "
             f"(read from {where}; scorer: its score.py, overlap match)"]
    for system in ("kit", "textacy"):
        lines += lines_of(system, measure(records, predictions[system], score_module))
    return "\n".join(lines)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Quote quality on PolNeAR (shared corpus, read in place).")
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--polnear", default=None, help="the PolNeAR folder (default ../shared/corpora/polnear)")
    arguments = parser.parse_args()
    if arguments.polnear:
        os.environ["KIT_POLNEAR"] = arguments.polnear
    print(report(arguments.split, arguments.limit))
