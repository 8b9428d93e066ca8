"""How well the kit finds quotes and their speakers, beside textacy's direct_quotations.

Gold sets: the seed (data/annotations/seed/gold.json: 8 direct and partial quotes, 6
items of reported speech) and the Wikinews dev set (data/annotations/wikinews/*.json).

- **content**: a predicted quote matches a gold quote when their spans overlap (one to one,
  the best-overlapping pairs first).
- **content+speaker**: the matched quote also has the right speaker: its speaker span
  overlaps the gold speaker or any gold mention of the gold speaker's actor (so "who"
  and its antecedent "Juan Guaido" both count), or its ``actor_id`` is the actor whose
  mentions overlap the gold actor's mentions most.
- **by kind**: recall over the gold quotes of that kind; precision over the predicted
  quotes of that kind (a quote found under another kind counts for recall only). A
  system that never gives a kind (textacy gives only ``direct``) has no precision there.

textacy's ``textacy.extract.triples.direct_quotations`` finds direct quotes only, and
gives up on a whole document whose quote marks do not pair up; it is the baseline.

With the default gold folder (the Wikinews dev set) it also prints the figures on the
PolNeAR dev split (bench/quality_quotes_polnear.py: speech-only and direct, beside
textacy; skipped with a message when ../shared is absent) and the share of the bundled
corpus's quotes with a speaker span whose speaker resolves to an actor.

Run: ``.venv/bin/python bench/quality_quotes.py``; ``report()`` returns the same text.
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from kit import actors, quotes  # noqa: E402
from kit.evaluation import Gold, Score, load_gold, overlaps  # noqa: E402
from kit.nlp import load_model  # noqa: E402

SEED_GOLD = ROOT / "data" / "annotations" / "seed" / "gold.json"
DEV_SET = ROOT / "data" / "annotations" / "wikinews"
KINDS = ("direct", "partial", "mixed", "indirect")


def kit_quotes(doc) -> tuple[list[dict], list[dict]]:
    """The kit's quote rows and mention rows for one parsed text."""
    mentions = actors.find_mentions(doc)
    return quotes.find_quotes(doc, mentions), mentions


def textacy_quotes(doc) -> tuple[list[dict], bool]:
    """textacy's direct quotations as quote rows; False when it gave up on the document."""
    from textacy.extract.triples import direct_quotations

    rows = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # unpaired quote marks: textacy refuses the whole document
        return [], False
    for speaker, cue, content in triples:
        inner = content[1:-1] if len(content) > 2 else content
        rows.append({
            "start": inner.start_char, "end": inner.end_char, "text": inner.text, "kind": "direct",
            "speaker_start": min(t.idx for t in speaker), "speaker_end": max(t.idx + len(t) for t in speaker),
            "actor_id": None, "cue": " ".join(t.text for t in cue),
        })
    return rows, True


def match_spans(gold: list[tuple[int, int]], predicted: list[tuple[int, int]]) -> dict[int, int]:
    """Predicted index -> gold index, one to one, best-overlapping pairs first.

    Nested reported speech ("According to investigators, Zhukovskyy said he had ...")
    gives overlapping quotes on both sides; pairing by the largest shared share of
    characters keeps the outer with the outer and the inner with the inner.
    """
    pairs = []
    for p_index, (p_start, p_end) in enumerate(predicted):
        for g_index, (g_start, g_end) in enumerate(gold):
            shared = min(p_end, g_end) - max(p_start, g_start)
            if shared > 0:
                pairs.append((shared / (max(p_end, g_end) - min(p_start, g_start)), p_index, g_index))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, p_index, g_index in sorted(pairs, reverse=True):
        if p_index not in matched and g_index not in used:
            matched[p_index] = g_index
            used.add(g_index)
    return matched


def actor_map(gold: Gold, mentions: list[dict]) -> dict[str, str]:
    """Predicted actor_id -> the gold actor whose mentions its mentions overlap most."""
    votes: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    gold_mentions = list(gold.mentions.itertuples())
    for mention in mentions:
        if not mention.get("actor_id"):
            continue
        for g in gold_mentions:
            if overlaps((mention["start"], mention["end"]), (g.start, g.end)):
                votes[mention["actor_id"]][g.actor] += 1
    return {actor_id: counter.most_common(1)[0][0] for actor_id, counter in votes.items()}


def speaker_right(gold: Gold, gold_row, predicted: dict, actors_of: dict[str, str]) -> bool:
    if predicted.get("actor_id") and gold_row.actor and actors_of.get(predicted["actor_id"]) == gold_row.actor:
        return True
    start, end = predicted.get("speaker_start"), predicted.get("speaker_end")
    if start is None or pd.isna(start) or gold_row.speaker_start is None or pd.isna(gold_row.speaker_start):
        return False
    span = (int(start), int(end))
    if overlaps(span, (int(gold_row.speaker_start), int(gold_row.speaker_end))):
        return True
    same_actor = gold.mentions[gold.mentions.actor == gold_row.actor] if gold_row.actor else gold.mentions.iloc[:0]
    return any(overlaps(span, (m.start, m.end)) for m in same_actor.itertuples())


def score_document(gold: Gold, predicted: list[dict], actors_of: dict[str, str]) -> dict[str, dict[str, Score]]:
    """Per measure ('content', 'speaker') and kind ('all', 'direct', ...), a Score."""
    gold_rows = list(gold.quotes.itertuples())
    pairs = match_spans([(g.start, g.end) for g in gold_rows], [(p["start"], p["end"]) for p in predicted])
    matched_gold = {g: p for p, g in pairs.items()}
    out: dict[str, dict[str, Score]] = {"content": {}, "speaker": {}}
    right_anywhere = {i for i in matched_gold if speaker_right(gold, gold_rows[i], predicted[matched_gold[i]], actors_of)}
    for kind in ("all",) + KINDS:
        in_kind = [i for i, g in enumerate(gold_rows) if kind == "all" or g.kind == kind]
        predicted_in_kind = [i for i, p in enumerate(predicted) if kind == "all" or p["kind"] == kind]
        found = [i for i in in_kind if i in matched_gold]
        right = [i for i in found if i in right_anywhere]
        unmatched_predicted = [i for i in predicted_in_kind if i not in pairs]
        # A quote found under another kind is no error of speaker: only a wrong speaker is.
        wrong_speaker = [i for i in predicted_in_kind if i in pairs and pairs[i] not in right_anywhere]
        out["content"][kind] = Score(len(found), len(unmatched_predicted), len(in_kind) - len(found))
        out["speaker"][kind] = Score(len(right), len(unmatched_predicted) + len(wrong_speaker), len(in_kind) - len(right))
    return out


def evaluate(golds: list[Gold], nlp=None) -> dict:
    """Scores of the kit and of textacy on ``golds``, summed over documents."""
    nlp = nlp or load_model()
    totals = {system: {measure: collections.defaultdict(lambda: Score(0, 0, 0)) for measure in ("content", "speaker")}
              for system in ("kit", "textacy")}
    refused = 0
    details = []
    predicted_kinds = {system: collections.Counter() for system in ("kit", "textacy")}
    for gold, doc in zip(golds, nlp.pipe([g.body for g in golds])):
        predicted, mentions = kit_quotes(doc)
        actors_of = actor_map(gold, mentions)
        baseline, accepted = textacy_quotes(doc)
        refused += not accepted
        for system, rows in (("kit", predicted), ("textacy", baseline)):
            predicted_kinds[system].update(row["kind"] for row in rows)
            scores = score_document(gold, rows, actors_of if system == "kit" else {})
            for measure, by_kind in scores.items():
                for kind, score in by_kind.items():
                    totals[system][measure][kind] = totals[system][measure][kind] + score
        details.append((gold, predicted, actors_of))
    return {"totals": totals, "textacy_refused": refused, "documents": len(golds), "details": details,
            "predicted_kinds": predicted_kinds}


def seed_check(result: dict, predicted: list[dict] | None = None) -> dict:
    """The issue's bar on the seed: direct+partial quotes with the right actor, reported speech found.

    ``predicted`` replaces the kit's rows (to count textacy's the same way)."""
    gold, kit_rows, actors_of = result["details"][0]
    predicted = kit_rows if predicted is None else predicted
    gold_rows = list(gold.quotes.itertuples())
    pairs = match_spans([(g.start, g.end) for g in gold_rows], [(p["start"], p["end"]) for p in predicted])
    matched = {g: p for p, g in pairs.items()}
    marked = [i for i, g in enumerate(gold_rows) if g.kind in ("direct", "partial", "mixed")]
    reported = [i for i, g in enumerate(gold_rows) if g.kind == "indirect"]
    if predicted is kit_rows:  # the kit: the row's actor_id must be the gold actor
        right_actor = [i for i in marked if i in matched and predicted[matched[i]].get("actor_id")
                       and actors_of.get(predicted[matched[i]]["actor_id"]) == gold_rows[i].actor]
    else:  # textacy has no actors: its speaker span must name the gold actor
        right_actor = [i for i in marked if i in matched
                       and speaker_right(gold, gold_rows[i], predicted[matched[i]], actors_of)]
    if predicted is kit_rows:
        reported_found = [i for i in reported if i in matched and predicted[matched[i]].get("actor_id")
                          and actors_of.get(predicted[matched[i]]["actor_id"]) == gold_rows[i].actor]
    else:
        reported_found = [i for i in reported if i in matched
                          and speaker_right(gold, gold_rows[i], predicted[matched[i]], actors_of)]
    return {"marked": len(marked), "marked_right_actor": len(right_actor),
            "reported": len(reported), "reported_found": len(reported_found)}


def table(result: dict) -> pd.DataFrame:
    rows = []
    for measure in ("content", "speaker"):
        for kind in ("all",) + KINDS:
            row = {"measure": "content" if measure == "content" else "content+speaker", "kind": kind}
            for system in ("kit", "textacy"):
                score = result["totals"][system][measure][kind]
                labels = kind == "all" or result["predicted_kinds"][system][kind] > 0
                # A system that never labels a kind has no precision on it (textacy: direct only).
                row[f"{system} P"] = round(score.precision, 3) if labels else float("nan")
                row[f"{system} R"] = round(score.recall, 3)
                row[f"{system} F1"] = round(score.f1, 3) if labels else float("nan")
            row["gold"] = int(result["totals"]["kit"][measure][kind].tp + result["totals"]["kit"][measure][kind].fn)
            rows.append(row)
    return pd.DataFrame(rows)


def dev_set() -> tuple[list[Gold], list[str]]:
    """The dev set's gold files that load; a file another engineer is still writing is skipped."""
    golds, skipped = [], []
    for path in sorted(DEV_SET.glob("*.json")) if DEV_SET.exists() else []:
        try:
            golds.append(load_gold(path))
        except (ValueError, KeyError) as error:
            skipped.append(f"{path.name}: {str(error)[:120]}")
    return golds, skipped


def report(nlp=None) -> str:
    """The scores as printable text: the seed bar, then seed and dev set side by side with textacy."""
    nlp = nlp or load_model()
    lines = []
    seed = evaluate([load_gold(SEED_GOLD)], nlp)
    check = seed_check(seed)
    seed_doc = nlp(seed["details"][0][0].body)
    baseline = seed_check(seed, textacy_quotes(seed_doc)[0])
    lines.append(
        f"seed: {check['marked_right_actor']}/{check['marked']} direct+partial quotes with the right actor "
        f"(textacy {baseline['marked_right_actor']}/{baseline['marked']}); "
        f"{check['reported_found']}/{check['reported']} reported-speech items with the right actor "
        f"(textacy {baseline['reported_found']}/{baseline['reported']})"
    )
    lines.append(table(seed).to_string(index=False))
    golds, skipped = dev_set()
    for problem in skipped:
        lines.append(f"skipped {problem}")
    if golds:
        dev = evaluate(golds, nlp)
        name = "Wikinews held-out set" if "heldout" in DEV_SET.name else f"Wikinews set ({DEV_SET.name})"
        name = "Wikinews dev set" if DEV_SET.name == "wikinews" else name
        lines.append(f"\n{name}: {dev['documents']} articles, "
                     f"{int(dev['totals']['kit']['content']['all'].tp + dev['totals']['kit']['content']['all'].fn)} gold quotes; "
                     f"textacy refused {dev['textacy_refused']} articles (unpaired quote marks)")
        lines.append(table(dev).to_string(index=False))
    else:
        lines.append(f"\n(no annotated files in {DEV_SET})")
    return "\n".join(lines)


def resolution_share(analysis=None) -> str:
    """How many of the bundled corpus's quotes with a speaker span resolve to an actor."""
    import kit

    if analysis is None:
        analysis = kit.analyze(kit.read_corpus([ROOT / "data" / "wire", ROOT / "data" / "wikinews"]), progress=False)
    table = analysis.quotes
    with_speaker = table[table["speaker"].notna()]
    resolved = int(with_speaker["actor_id"].notna().sum())
    share = resolved / len(with_speaker) if len(with_speaker) else 0.0
    # The same names across the pieces of a long article (idempotent once kit.analyze calls it).
    joined = quotes.same_speaker_actors(table)
    joined_resolved = int(joined.loc[joined["speaker"].notna(), "actor_id"].notna().sum())
    joined_share = joined_resolved / len(with_speaker) if len(with_speaker) else 0.0
    return (f"bundled corpus: {resolved} of {len(with_speaker)} quotes with a speaker span resolve to an actor "
            f"({share:.1%}; {len(table) - len(with_speaker)} quotes have no speaker); with "
            f"quotes.same_speaker_actors across an article's pieces: {joined_resolved} ({joined_share:.1%})")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Quote quality on the seed and an annotated folder.")
    parser.add_argument("--gold", default=str(DEV_SET), help="folder of annotated JSON files "
                        "(default: data/annotations/wikinews)")
    default = DEV_SET
    DEV_SET = Path(parser.parse_args().gold).resolve()  # dev_set() reads the module's DEV_SET
    pd.set_option("display.width", 200)
    print(report())
    if DEV_SET == default.resolve():  # once per `make quality`: PolNeAR and the bundled corpus
        import quality_quotes_polnear

        print("\n" + quality_quotes_polnear.report())
        print("\n" + resolution_share())
