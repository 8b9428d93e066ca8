"""How well the kit finds actor mentions and groups them into actors, beside spaCy alone.

Three gold sets:

- the seed (data/annotations/seed/gold.json): the issue's quality bar — all 13 actors
  under their canonical names, mention recall >= 0.95, at most 3 mentions outside the
  gold's actors, modifiers and places, no gold place counted as a country;
- GUM (data/gum/gum_actors.jsonl: 31 Wikinews documents, 12 news and 19 interviews,
  every person, organization and place mention, named, nominal and pronominal, with
  coreference), scored for news, interviews and all: named-mention F1 (by overlap, and
  exact against GUM's name span), all mentions, B-cubed of grouping, the confusion of
  labels, and pronouns: how many of the gold's third-person pronouns the kit resolves
  (coverage) and how many of those to the actor of their gold coreference group (accuracy);
- the Wikinews dev set (data/annotations/wikinews/*.json), or any folder of annotated
  JSON files in the same shape given with ``--gold DIR``.

Mentions are scored by overlap, one to one; grouping by B-cubed over matched mentions.

The dev set is scored twice, clearly labelled:

- **strict**: every predicted mention against the gold actor mentions;
- **dev-set conventions**: as its guidelines (data/annotations/README.md) annotate.
  They leave pronouns out of actor mentions, so predicted ``how == "pronoun"`` mentions
  are not scored (nor places named as modifiers, ``how == "modifier"``, which they
  annotate only at times); and they count a country named as a location ("in Pakistan") as a
  place, where the seed gold counts "in Venezuela" as the country, so a predicted
  mention whose span equals a gold ``places`` span (a leading "the" aside) is neither
  right nor wrong (the
  report says how many such place-or-country spans there were). The gold files are
  not changed.
Newswire-style (MUC) score, closest honest stand-in for a MUC newswire set (``muc_report``):
every named person, organization and place mention, places included and nested names too,
typed PER/ORG/LOC (a country is LOC whatever it does; nationalities are no name), scored
one to one by overlap with the type (a name with the wrong type is a miss and a false
alarm), strictly (exact span and type) and untyped; on GUM news and all (GUM's named
mentions: a proper noun as head) and on the Wikinews dev and held-out sets (actor mentions
whose head word is capitalised, plus places; predictions on a gold modifier such as "US" in
"his US counterpart" are not scored). The kit counts its naming mentions (name, alias,
surname, capital, modifier), spaCy its PERSON/ORG/GPE/LOC/FAC entities.

"spaCy only" is the baseline: PERSON/ORG/GPE/NORP/LOC/FAC entities, grouped by their
lower-cased text.

The held-out MUC-style sets (data/annotations/muc_heldout and muc_heldout_b: Wikinews
articles whose every PER, ORG and LOC name is annotated by MUC-7 conventions, see their
READMEs) are scored the same way, kit beside spaCy, a row each (``--muc-gold DIR`` or
``$KIT_MUC_HELDOUT`` reads another folder instead). ``--errors`` lists the kit's errors on the
other sets by category (missed, spurious, wrong type), as scored (a prediction on a dev-set
modifier that is no gold name stays out), marked "(spaCy too)" where spaCy alone makes the same
error, with counts; on a held-out set it never does, so that no rule is tuned on it.

Run: ``.venv/bin/python bench/quality_actors.py [--model en_core_web_md] [--muc-gold DIR]``;
``report()`` returns the same text.
"""

from __future__ import annotations

import json
import os
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


def kit_mentions(nlp, texts: list[str], docs=None) -> list[pd.DataFrame]:
    """The kit's resolved mentions of each text, one frame per text (texts resolved separately)."""
    out = []
    for doc in docs if docs is not None else nlp.pipe(texts):
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
    exact = Score(0, 0, 0)
    gold_groups, predicted_groups = {}, {}
    for number, ((gold, group_column), guess) in enumerate(zip(golds, predicted)):
        gold_spans, guess_spans = _spans(gold), _spans(guess)
        score = score_spans(gold_spans, guess_spans, match="overlap")
        tp, fp, fn = tp + score.tp, fp + score.fp, fn + score.fn
        exact_gold = list(zip(gold["name_start"], gold["name_end"])) if "name_start" in gold else gold_spans
        exact = exact + score_spans(exact_gold, guess_spans, match="exact")
        for p_index, g_index in match_spans(gold_spans, guess_spans, match="overlap").items():
            gold_groups[(number, g_index)] = (number, gold[group_column].iloc[g_index])
            predicted_groups[(number, g_index)] = (number, guess["actor_id"].iloc[p_index])
    total = Score(tp, fp, fn)
    grouping = bcubed(gold_groups, predicted_groups)
    return {"P": total.precision, "R": total.recall, "F1": total.f1, "F1 exact": exact.f1, "B3 F1": grouping.f1,
            "predicted": tp + fp, "gold": tp + fn}


#: Kit mentions that name their actor (GUM's "named" mentions); descriptions and pronouns do not.
NAMING = ("name", "alias", "surname", "capital", "demonym", "modifier")
#: spaCy's labels as GUM's entity types, for the confusion table.
SPACY_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place",
               "NORP": "group"}


def load_gum(path: Path = ROOT / "data/gum/gum_actors.jsonl") -> list[dict]:
    """GUM's documents, each with a ``gold`` frame: start, end, name_start, name_end, group,
    named, kind (GUM's etype), pronoun (a third-person pronoun: he, its, them ...)."""
    from kit.syntax import PRONOUNS

    docs = [json.loads(line) for line in open(path, encoding="utf-8")]
    for d in docs:
        d["gold"] = pd.DataFrame(
            [{"start": e["span"][0], "end": e["span"][1], "name_start": e["name_span"][0], "name_end": e["name_span"][1],
              "group": e["group"], "named": e["named"], "kind": e["etype"],
              "pronoun": e["head_upos"] == "PRON" and e["text"].lower() in PRONOUNS} for e in d["entities"]],
            columns=["start", "end", "name_start", "name_end", "group", "named", "kind", "pronoun"])
    return docs


def gum_report(nlp) -> str:
    docs = load_gum()
    texts = [d["text"] for d in docs]
    kit_rows, spacy_rows = kit_mentions(nlp, texts), spacy_mentions(nlp, texts)
    named_rows = [rows[rows["how"].isin(NAMING)] for rows in kit_rows]
    parts = []
    for subset, keep in (("news", "news"), ("interviews", "interview"), ("all", None)):
        chosen = [i for i, d in enumerate(docs) if keep is None or d.get("genre") == keep]
        golds = [docs[i]["gold"] for i in chosen]
        named_golds = [(g[g.named], "group") for g in golds]
        table = pd.DataFrame({
            "kit, named mentions": corpus_scores(named_golds, [named_rows[i] for i in chosen]),
            "spaCy only, named mentions": corpus_scores(named_golds, [spacy_rows[i] for i in chosen]),
            "kit, all mentions": corpus_scores([(g, "group") for g in golds], [kit_rows[i] for i in chosen]),
            "spaCy only, all mentions": corpus_scores([(g, "group") for g in golds], [spacy_rows[i] for i in chosen]),
        }).T
        parts.append(f"GUM {subset} ({len(chosen)} documents; F1 by overlap, F1 exact against GUM's name span; "
                     "B-cubed over matched mentions)\n" + _format(table))
        parts.append("  " + pronoun_line(golds, [kit_rows[i] for i in chosen]))
        if subset in ("news", "all"):
            parts.append(label_confusion([g[g.named] for g in golds], [named_rows[i] for i in chosen],
                                         f"kit labels of GUM {subset} named mentions (rows: GUM type)"))
            spacy_kinds = [r.assign(kind=r["kind"].map(SPACY_KINDS)) for r in (spacy_rows[i] for i in chosen)]
            parts.append(label_confusion([g[g.named] for g in golds], spacy_kinds,
                                         f"spaCy labels of GUM {subset} named mentions (rows: GUM type)"))
    return "\n".join(parts)


def label_confusion(golds: list[pd.DataFrame], predicted: list[pd.DataFrame], title: str) -> str:
    """Gold kind x predicted kind over mentions matched by overlap, one to one."""
    pairs = []
    for gold, guess in zip(golds, predicted):
        for p_index, g_index in match_spans(_spans(gold), _spans(guess), match="overlap").items():
            pairs.append((gold["kind"].iloc[g_index], guess["kind"].iloc[p_index]))
    if not pairs:
        return f"  {title}: no matched mentions"
    table = pd.crosstab(pd.Series([g for g, _ in pairs], name="gold"), pd.Series([p for _, p in pairs], name="kit"))
    return f"  {title}\n" + "\n".join("    " + line for line in table.to_string().splitlines())


def pronoun_check(golds: list[pd.DataFrame], predicted: list[pd.DataFrame]) -> dict[str, int]:
    """Third-person pronouns of the gold (he, him, his, she, her, it, its, they, them, their ...,
    when they refer to a person, organization or place), how many the kit resolves (a pronoun
    mention on the same span), and how many of those point to the right actor: one whose
    other (non-pronoun) mentions include a gold mention of the pronoun's gold group. Also
    the kit's pronoun mentions that are no gold mention (spurious)."""
    out = {"gold pronouns": 0, "resolved": 0, "right actor": 0, "kit pronouns": 0, "spurious": 0}
    for gold, guess in zip(golds, predicted):
        named = guess[guess["how"] != "pronoun"]
        pronouns = guess[guess["how"] == "pronoun"]
        by_span = {(s, e): a for s, e, a in zip(pronouns["start"], pronouns["end"], pronouns["actor_id"])}
        gold_spans = set(zip(gold["start"], gold["end"]))
        out["kit pronouns"] += len(pronouns)
        out["spurious"] += sum(span not in gold_spans for span in by_span)
        for row in gold[gold["pronoun"]].itertuples(index=False):
            out["gold pronouns"] += 1
            actor_id = by_span.get((row.start, row.end))
            if actor_id is None:
                continue
            out["resolved"] += 1
            same = gold[(gold["group"] == row.group) & ~gold["pronoun"]]
            others = named[named["actor_id"] == actor_id]
            if any(s < e2 and s2 < e for s, e in zip(same["start"], same["end"])
                   for s2, e2 in zip(others["start"], others["end"])):
                out["right actor"] += 1
    return out


def pronoun_line(golds, kit_rows) -> str:
    c = pronoun_check(golds, kit_rows)
    coverage = c["resolved"] / c["gold pronouns"] if c["gold pronouns"] else 0.0
    accuracy = c["right actor"] / c["resolved"] if c["resolved"] else 0.0
    return (f"pronouns: {c['gold pronouns']} third-person in gold; kit resolves {c['resolved']} "
            f"(coverage {coverage:.3f}), {c['right actor']} to the right actor (accuracy {accuracy:.3f}); "
            f"kit pronoun mentions {c['kit pronouns']}, of which not in gold {c['spurious']}")


def by_dev_set_conventions(gold, predicted: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The predictions the dev set's guidelines score: no pronouns, and no mention whose span
    is exactly a gold place, a leading "the" aside (a country named as a location: "the
    United States" against the place "United States"). Returns them and how many
    place-or-country spans were set aside."""
    if "how" in predicted.columns:  # nor places named as modifiers ("the South Carolina primary"),
        # which the guidelines annotate as places only at times (MUC would: see muc_report)
        predicted = predicted[~predicted["how"].isin(("pronoun", "modifier"))]

    def bare(start: int, end: int) -> tuple[int, int]:
        return (start + 4, end) if gold.body[start : start + 4].lower() == "the " else (start, end)

    places = {bare(s, e) for s, e in _spans(gold.places)}
    at_place = [bare(s, e) in places for s, e in _spans(predicted)]
    keep = [not hit for hit in at_place]
    return predicted[keep], sum(at_place)


def gold_report(nlp, golds, title: str, conventions: bool = False) -> str:
    """The seed's bars, applied to any gold article(s) in the seed's shape; with
    ``conventions``, also the score by the dev set's conventions (see the module docstring)."""
    texts = [g.body for g in golds]
    kit_rows, spacy_rows = kit_mentions(nlp, texts), spacy_mentions(nlp, texts)
    lines = [title]
    # These golds do not annotate pronouns (GUM does), and annotate places named as modifiers
    # ("his US counterpart") apart from mentions: the middle row shows the kit without either.
    without_pronouns = [rows[~rows["how"].isin(("pronoun", "modifier"))] for rows in kit_rows]
    scores = {
        "kit (strict)": corpus_scores([(g.mentions, "actor") for g in golds], kit_rows),
        "kit without pronouns, modifiers": corpus_scores([(g.mentions, "actor") for g in golds], without_pronouns),
        "spaCy only (strict)": corpus_scores([(g.mentions, "actor") for g in golds], spacy_rows),
    }
    set_aside = {}
    if conventions:
        for name, rows in (("kit", kit_rows), ("spaCy only", spacy_rows)):
            kept = [by_dev_set_conventions(g, r) for g, r in zip(golds, rows)]
            scores[f"{name} (dev-set conventions)"] = corpus_scores([(g.mentions, "actor") for g in golds],
                                                                   [k for k, _ in kept])
            set_aside[name] = sum(n for _, n in kept)
    lines.append(_format(pd.DataFrame(scores).T))
    lines.append(label_confusion([g.mentions for g in golds], without_pronouns, "kit kinds of matched gold mentions "
                                 "(rows: gold kind)"))
    if conventions:
        lines.append("  dev-set conventions: pronoun mentions not scored; predicted spans equal to a gold place "
                     f"(place-or-country) not scored: kit {set_aside['kit']}, spaCy only {set_aside['spaCy only']}")
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


# --- Newswire-style (MUC) named-entity overlap -------------------------------------------
#: MUC's three name types. A country is a LOCATION in MUC whatever it does (GUM types a country
#: that acts as an organization, the dev set as a country); nationalities (NORP, the kit's
#: demonyms) are no MUC name.
MUC_KIT = {"person": "PER", "organization": "ORG", "group": "ORG", "country": "LOC", "place": "LOC"}
MUC_SPACY = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
MUC_GUM = {"person": "PER", "organization": "ORG", "place": "LOC"}
MUC_GOLD = {"person": "PER", "organization": "ORG", "group": "ORG", "country": "LOC"}


def muc_kit(rows: pd.DataFrame) -> pd.DataFrame:
    """The kit's naming mentions (no description, pronoun or demonym) with MUC types. A seat of
    power standing for its government ("The White House said", "White House officials": a
    country's alias or modifier whose text is a seat's name) is the kit's country actor but
    MUC's ORG (the administration); the building itself ("at the White House", kind place)
    stays LOC."""
    from kit.actors.aliases import names_seat

    named = rows[rows["how"].isin(("name", "alias", "surname", "capital", "modifier")) & rows["kind"].isin(MUC_KIT)]
    muc = named["kind"].map(MUC_KIT)
    seat = named["how"].isin(("alias", "modifier")) & named["text"].map(names_seat)
    return named.assign(muc=muc.where(~seat, "ORG"))[["start", "end", "text", "muc"]]


def muc_spacy(nlp_doc) -> pd.DataFrame:
    rows = [{"start": e.start_char, "end": e.end_char, "text": e.text, "muc": MUC_SPACY[e.label_]}
            for e in nlp_doc.ents if e.label_ in MUC_SPACY]
    return pd.DataFrame(rows, columns=["start", "end", "text", "muc"])


def muc_gum(doc: dict) -> pd.DataFrame:
    """GUM's named person/organization/place mentions, nested ones too, by their name span
    (without a leading "the" and a possessive "'s"); an organization that is a country is LOC."""
    from kit.actors.geography import country_of_name

    rows = []
    for e in doc["entities"]:
        if not e["named"] or e["etype"] not in MUC_GUM:
            continue
        start, end = e["name_span"]
        muc = MUC_GUM[e["etype"]]
        if muc == "ORG" and country_of_name(doc["text"][start:end]):
            muc = "LOC"
        rows.append({"start": start, "end": end, "text": doc["text"][start:end], "muc": muc})
    return pd.DataFrame(rows, columns=["start", "end", "text", "muc"])


def _named(body: str, start: int, end: int) -> bool:
    """A gold mention is a name when its head word is capitalised, as GUM's named mentions have a
    proper noun as head: the last word before "of", "for", "in" or a comma, else the last word
    ("Government of Iraq", "Thames Valley Police"; not "the UK government"), and not only
    because it opens a sentence ("Police said", when "police" occurs elsewhere)."""
    import re

    text = body[start:end]
    words = list(re.finditer(r"[^\W_][\w.'’&-]*", text))
    for number, match in enumerate(words):
        if number and match.group().lower() in ("of", "for", "in", "at", "on") or text[match.start() - 1:match.start()] == ",":
            words = words[:number]
            break
    if not words:
        return False
    head = words[-1]
    word = head.group()
    if not (word[0].isupper() or word[0].isdigit()):
        return False
    at = start + head.start()
    before = body[:at].rstrip(" \"'“‘(")
    opens = not before or before[-1] in ".!?:\n"
    return not opens or not re.search(rf"\b{re.escape(word.lower())}\b", body)


def muc_dev(gold) -> tuple[pd.DataFrame, list[tuple[int, int]]]:
    """A dev-set article's named actor mentions and places, MUC-typed, and the spans not scored:
    its modifiers ("US" in "his US counterpart", which MUC would tag but the dev set does not
    count as mentions)."""
    rows = [{"start": m.start, "end": m.end, "text": m.text, "muc": MUC_GOLD[m.kind]}
            for m in gold.mentions.itertuples(index=False)
            if m.kind in MUC_GOLD and _named(gold.body, m.start, m.end)]
    rows += [{"start": p.start, "end": p.end, "text": p.text, "muc": "LOC"} for p in gold.places.itertuples(index=False)]
    return pd.DataFrame(rows, columns=["start", "end", "text", "muc"]), _spans(gold.modifiers)


def _scored(gold: pd.DataFrame, guess: pd.DataFrame, skip: list[tuple[int, int]]) -> pd.DataFrame:
    """The predictions scored: all but those that overlap no gold name but a span in ``skip``."""
    gold_spans = _spans(gold)
    keep = [any(s < e2 and s2 < e for s2, e2 in gold_spans) or not any(s < e2 and s2 < e for s2, e2 in skip)
            for s, e in _spans(guess)]
    return guess[keep]


def muc_scores(golds: list[pd.DataFrame], predicted: list[pd.DataFrame], ignore=None) -> dict[str, float]:
    """Overlap F1 with the type (MUC-style: a name found with the wrong type is one miss and one
    false alarm), strict F1 (exact span and type), and untyped overlap F1. A predicted span that
    overlaps no gold name but a span in ``ignore`` is not scored."""
    typed, strict, untyped = Score(0, 0, 0), Score(0, 0, 0), Score(0, 0, 0)
    for number, (gold, guess) in enumerate(zip(golds, predicted)):
        gold_spans = _spans(gold)
        guess = _scored(gold, guess, (ignore or [[]] * len(golds))[number])
        untyped = untyped + score_spans(gold_spans, _spans(guess), match="overlap")
        for muc in ("PER", "ORG", "LOC"):
            g, p = gold[gold["muc"] == muc], guess[guess["muc"] == muc]
            typed = typed + score_spans(_spans(g), _spans(p), match="overlap")
            strict = strict + score_spans(_spans(g), _spans(p), match="exact")
    return {"P": typed.precision, "R": typed.recall, "F1": typed.f1, "F1 strict": strict.f1,
            "F1 untyped": untyped.f1, "predicted": typed.tp + typed.fp, "gold": typed.tp + typed.fn}


def muc_confusion(golds, predicted, title: str) -> str:
    frames = [(g, p.rename(columns={"muc": "kind"})) for g, p in zip(golds, predicted)]
    return label_confusion([g.rename(columns={"muc": "kind"}) for g, _ in frames], [p for _, p in frames], title)


def muc_errors(gold: pd.DataFrame, guess: pd.DataFrame, body: str) -> list[tuple[str, str]]:
    """(category, text) of each error: missed, spurious, wrong type (gold->kit)."""
    out = []
    pairs = match_spans(_spans(gold), _spans(guess), match="overlap")
    for p_index, g_index in pairs.items():
        g, p = gold.iloc[g_index], guess.iloc[p_index]
        if g["muc"] != p["muc"]:
            out.append((f"type {g['muc']}->{p['muc']}", f"{g['text']} | {p['text']}"))
    for g_index in set(range(len(gold))) - set(pairs.values()):
        out.append((f"missed {gold['muc'].iloc[g_index]}", gold["text"].iloc[g_index]))
    for p_index in set(range(len(guess))) - set(pairs):
        out.append((f"spurious {guess['muc'].iloc[p_index]}", guess["text"].iloc[p_index]))
    return out


def muc_report(nlp, sets: dict[str, tuple[list[str], list[pd.DataFrame], list]], errors: bool = False,
               held_out: frozenset[str] = frozenset()) -> str:
    """Newswire-style overlap F1 on each set: ``sets`` maps a title to (texts, gold frames, ignore).
    ``errors`` lists the kit's errors, except on the sets titled in ``held_out`` (scored only:
    a rule tuned on their errors would make their score a dev score)."""
    parts = ["Newswire-style (MUC) named mentions: PER/ORG/LOC, every named mention, places included; "
             "F1 by overlap with the type, strict (exact span and type), untyped"]
    for title, (texts, golds, ignore) in sets.items():
        docs = list(nlp.pipe(texts))
        kit = [muc_kit(m) for m in kit_mentions(nlp, texts, docs)]
        spacy = [muc_spacy(d) for d in docs]
        table = pd.DataFrame({"kit": muc_scores(golds, kit, ignore), "spaCy only": muc_scores(golds, spacy, ignore)}).T
        parts.append(f"{title} ({len(texts)} documents)\n" + _format(table))
        parts.append(muc_confusion(golds, kit, "kit types (rows: gold)"))
        parts.append(muc_confusion(golds, spacy, "spaCy types (rows: gold)"))
        if errors and title in held_out:
            parts.append("  (held out: scored only, its errors are not listed)")
        elif errors:
            from collections import Counter

            kinds = Counter()
            for number, (g, k, s) in enumerate(zip(golds, kit, spacy)):
                skip = (ignore or [[]] * len(golds))[number]  # as scored: the modifiers not scored stay out
                k, s = _scored(g, k, skip), _scored(g, s, skip)
                spacy_errors = set(muc_errors(g, s, texts[number]))
                for category, text in muc_errors(g, k, texts[number]):
                    kinds[category] += 1
                    parts.append(f"    {number:2d} {category:18s} {'(spaCy too) ' if (category, text) in spacy_errors else ''}{text!r}")
            parts.append("  kit errors: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    return "\n".join(parts)


def load_muc_names(folder: str | Path) -> tuple[list[str], list[pd.DataFrame], None]:
    """A folder of articles annotated with MUC-style names (``{id, title, url, annotator, text,
    names: [{text, span: [start, end], type: PER|ORG|LOC}]}``, str offsets into ``text``; the
    held-out set data/annotations/muc_heldout): the texts and their gold names as frames."""
    texts, golds = [], []
    for path in sorted(Path(folder).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        texts.append(data["text"])
        golds.append(pd.DataFrame([{"start": n["span"][0], "end": n["span"][1], "text": n["text"], "muc": n["type"]}
                                   for n in data["names"]], columns=["start", "end", "text", "muc"]))
    return texts, golds, None


def muc_sets(gold_dirs: dict[str, Path], gum: bool = True,
             name_dirs: dict[str, Path] | None = None) -> dict[str, tuple[list[str], list[pd.DataFrame], list]]:
    """The sets the newswire-style score runs on: GUM news and all (with ``gum``), each
    folder of annotated articles (``gold_dirs``, the dev set's shape) and each folder of
    articles annotated with MUC-style names (``name_dirs``, see :func:`load_muc_names`)."""
    sets = {}
    if gum:
        docs = load_gum()
        news = [d for d in docs if d.get("genre") == "news"]
        sets = {"GUM news": ([d["text"] for d in news], [muc_gum(d) for d in news], None),
                "GUM all": ([d["text"] for d in docs], [muc_gum(d) for d in docs], None)}
    for title, folder in gold_dirs.items():
        golds = [load_gold(p) for p in sorted(Path(folder).glob("*.json"))]
        made = [muc_dev(g) for g in golds]
        sets[title] = ([g.body for g in golds], [m for m, _ in made], [i for _, i in made])
    for title, folder in (name_dirs or {}).items():
        sets[title] = load_muc_names(folder)
    return sets


DEV_SET = ROOT / "data/annotations/wikinews"
#: The held-out Wikinews sets annotated with MUC-style names (each chosen by rule and annotated
#: before the kit ran on it; see their READMEs); ``$KIT_MUC_HELDOUT`` or ``--muc-gold`` names
#: another folder instead (an annotator's worktree).
MUC_HELDOUT = (ROOT / "data/annotations/muc_heldout", ROOT / "data/annotations/muc_heldout_b")


def report(gum: bool = True, gold: str | Path = DEV_SET, model: str | None = None,
           muc_gold: str | Path | None = None, errors: bool = False) -> str:
    """The whole actor-quality report as text (what bench/quality.py prints); ``gold`` is
    the folder of annotated articles scored as the dev set, ``muc_gold`` the folder of
    MUC-style names scored as a held-out row (default ``$KIT_MUC_HELDOUT``, else the folders
    of :data:`MUC_HELDOUT`; a folder is left out when it holds no file)."""
    nlp = load_model(model)
    parts = [f"spaCy pipeline: {nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
             gold_report(nlp, [load_gold(ROOT / "data/annotations/seed/gold.json")], "Seed article")]
    dev, unreadable = [], []
    for path in sorted(Path(gold).glob("*.json")):
        try:  # the dev set is written while the kit grows: one bad file must not hide the others
            dev.append(load_gold(path))
        except (ValueError, KeyError) as error:
            unreadable.append(f"{path.name}: {error}")
    if unreadable:
        parts.append("Dev-set files skipped:\n  " + "\n  ".join(unreadable))
    if dev:
        parts.append(gold_report(nlp, dev, f"Dev set {Path(gold).name} ({len(dev)} articles)", conventions=True))
    if gum:
        parts.append(gum_report(nlp))
    muc = {f"Wikinews {Path(gold).name}": Path(gold)} if dev else {}
    muc_gold = muc_gold or os.environ.get("KIT_MUC_HELDOUT")
    folders = [Path(muc_gold)] if muc_gold else MUC_HELDOUT
    names = {f"{folder.name} ({folder})": folder for folder in folders if any(folder.glob("*.json"))}
    parts.append(muc_report(nlp, muc_sets(muc, gum=gum, name_dirs=names), errors=errors,
                            held_out=frozenset(names)))
    return "\n\n".join(parts)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Actor quality: seed, an annotated folder, GUM.")
    parser.add_argument("--gold", default=str(DEV_SET), help="folder of annotated JSON files "
                        "(default: data/annotations/wikinews)")
    parser.add_argument("--no-gum", action="store_true", help="skip the GUM corpus")
    parser.add_argument("--model", default=None, help="an installed spaCy pipeline (default: $KIT_MODEL, "
                        "else en_core_web_sm)")
    parser.add_argument("--muc-gold", default=None, help="folder of articles annotated with MUC-style names "
                        "(default: $KIT_MUC_HELDOUT, else data/annotations/muc_heldout and muc_heldout_b)")
    parser.add_argument("--errors", action="store_true", help="list the kit's newswire-style errors (missed, "
                        "spurious, wrong type; '(spaCy too)' when spaCy alone makes the same) with counts by category, "
                        "on every set but the held-out ones")
    args = parser.parse_args()
    print(report(gum=not args.no_gum, gold=args.gold, model=args.model, muc_gold=args.muc_gold, errors=args.errors))
