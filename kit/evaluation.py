"""Measuring the extractors against hand annotations: gold files, span scores, B-cubed.

Gold files follow ``data/annotations/seed/gold.json``: actors with their mentions,
figures, quotes with speakers. The seed's offsets are into its *file*; the dev
set's (``data/annotations/wikinews/*.json``) are into the article body, which
the file carries as ``text``. :func:`load_gold` turns both into tables with body
offsets, so every scorer compares like with like.

>>> gold = load_gold("data/annotations/seed/gold.json")
>>> gold.body[gold.figures.start[0]:gold.figures.end[0]]
'around 100'
>>> score_spans([(0, 5)], [(0, 5), (9, 12)]).precision
0.5
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Hashable, Iterable, Sequence

import pandas as pd

from kit import lexicon
Span = tuple[int, int]


@dataclasses.dataclass
class Gold:
    """One annotated article: its body and its gold tables (body offsets)."""

    id: str
    path: Path
    body: str
    mentions: pd.DataFrame  # start, end, text, actor, kind
    actors: pd.DataFrame  # name, kind, country
    modifiers: pd.DataFrame  # start, end, text, actor
    places: pd.DataFrame  # start, end, text
    figures: pd.DataFrame  # start, end, text, value, low, high, approx, kind, unit, counted, counted_how
    quotes: pd.DataFrame  # start, end, text, kind, speaker, speaker_start, speaker_end, actor, cue
    not_figures: list[str]
    time_expressions: pd.DataFrame
    metadata: dict


@dataclasses.dataclass(frozen=True)
class Score:
    """Counts and the usual ratios (0 where undefined)."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Score") -> "Score":
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_row(self) -> dict:
        return {"P": round(self.precision, 3), "R": round(self.recall, 3), "F1": round(self.f1, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def load_gold(path: str | Path) -> Gold:
    """Read one gold file; offsets are converted to body offsets."""
    path = Path(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    if "text" in data:
        body, shift = data["text"], 0
    else:  # the seed: offsets into the wire file; the body runs from the body's first words
        text = (path.parent / data["file"]).read_text(encoding="utf-8") if (path.parent / data["file"]).exists() \
            else _find_seed_file(path, data["file"])
        meta = data["metadata"]
        shift = text.index(meta["body_starts_with"])
        end = text.index(meta["body_ends_with"]) + len(meta["body_ends_with"])
        body = text[shift:end]

    def span_rows(items: Iterable[dict], **extra) -> list[dict]:
        rows = []
        for item in items:
            start, end = item["span"][0] - shift, item["span"][1] - shift
            rows.append({"start": start, "end": end, "text": item["text"], **extra})
        return rows

    mentions, actors = [], []
    for actor in data.get("actors", []):
        actors.append({"name": actor["name"], "kind": actor.get("kind"), "country": actor.get("country")})
        mentions += span_rows(actor.get("mentions", []), actor=actor["name"], kind=actor.get("kind"))
    modifiers = [row for name, items in (data.get("modifiers") or {}).items() for row in span_rows(items, actor=name)]
    figures = []
    for figure in data.get("figures", []):
        row = span_rows([figure])[0]
        row.update({key: figure.get(key) for key in
                    ("value", "low", "high", "approx", "kind", "unit", "counted", "counted_how")})
        figures.append(row)
    quotes = []
    for quote in data.get("quotes", []):
        row = span_rows([quote["content"]])[0]
        speaker = quote.get("speaker") or {}
        row.update({
            "kind": quote.get("kind"),
            "speaker": speaker.get("text"),
            "speaker_start": speaker["span"][0] - shift if speaker.get("span") else None,
            "speaker_end": speaker["span"][1] - shift if speaker.get("span") else None,
            "actor": quote.get("actor"),
            "cue": quote.get("cue"),
        })
        quotes.append(row)
    gold = Gold(
        id=data.get("id") or data.get("file", path.stem),
        path=path,
        body=body,
        mentions=_frame(mentions, ["start", "end", "text", "actor", "kind"]),
        actors=_frame(actors, ["name", "kind", "country"]),
        modifiers=_frame(modifiers, ["start", "end", "text", "actor"]),
        places=_frame(span_rows(data.get("places", [])), ["start", "end", "text"]),
        figures=_frame(figures, ["start", "end", "text", "value", "low", "high", "approx", "kind", "unit",
                                 "counted", "counted_how"]),
        quotes=_frame(quotes, ["start", "end", "text", "kind", "speaker", "speaker_start", "speaker_end",
                               "actor", "cue"]),
        not_figures=list(data.get("not_figures", [])),
        time_expressions=_frame(span_rows(data.get("time_expressions", [])), ["start", "end", "text"]),
        metadata=data.get("metadata", {}),
    )
    _check_spans(gold)
    return gold


def load_dev_set(directory: str | Path = "data/annotations/wikinews") -> list[Gold]:
    """Every gold file in ``directory``, sorted by name."""
    return [load_gold(path) for path in sorted(Path(directory).glob("*.json"))]


def gold_articles(golds: Sequence[Gold]) -> pd.DataFrame:
    """An articles frame (article_id = gold id, body) to analyse the gold texts with the kit."""
    return pd.DataFrame({"article_id": [g.id for g in golds], "body": [g.body for g in golds]})


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_spans(gold: Iterable[Span], predicted: Iterable[Span], match: str = "overlap") -> Score:
    """Precision/recall of predicted spans against gold spans, one-to-one.

    ``match="exact"`` needs identical boundaries; ``"overlap"`` any shared character.
    Each gold span is matched at most once (greedy, in order), so duplicates count as errors.

    >>> score_spans([(0, 10), (20, 25)], [(2, 8)]).as_row()["R"]
    0.5
    """
    return Score(*_match_counts(list(gold), list(predicted), match)[:3])


def match_spans(gold: Sequence[Span], predicted: Sequence[Span], match: str = "overlap") -> dict[int, int]:
    """Index of each matched predicted span -> index of its gold span."""
    return _match_counts(list(gold), list(predicted), match)[3]


def _match_counts(gold: list[Span], predicted: list[Span], match: str):
    """One-to-one pairing, best pairs first: exact matches, then by characters shared.

    Pairing first-come would give a nested span ("Zhukovskyy said ..." inside
    "According to investigators, ...") the outer gold span and leave the inner one
    unmatched; pairing the closest spans first does not.
    """
    candidates = []
    for p_index, p in enumerate(predicted):
        for g_index, g in enumerate(gold):
            exact = tuple(g) == tuple(p)
            if exact or (match == "overlap" and overlaps(g, p)):
                shared = min(g[1], p[1]) - max(g[0], p[0])
                union = max(g[1], p[1]) - min(g[0], p[0])
                candidates.append((not exact, -shared / union, p_index, g_index))
    candidates.sort()
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, _, p_index, g_index in candidates:
        if p_index not in pairs and g_index not in used:
            pairs[p_index] = g_index
            used.add(g_index)
    tp = len(pairs)
    return tp, len(predicted) - tp, len(gold) - tp, pairs


def bcubed(gold_groups: dict[Hashable, Hashable], predicted_groups: dict[Hashable, Hashable]) -> Score:
    """B-cubed precision/recall of a clustering, over the items both sides share.

    Items are mention keys (e.g. matched spans); values are their group ids.
    Returned as a :class:`Score` whose tp/fp/fn are scaled so that precision and
    recall are the B-cubed averages.

    >>> bcubed({1: "a", 2: "a", 3: "b"}, {1: "x", 2: "x", 3: "x"}).recall
    1.0
    """
    items = [item for item in gold_groups if item in predicted_groups]
    if not items:
        return Score(0, 0, 0)
    gold_members: dict[Hashable, set] = {}
    predicted_members: dict[Hashable, set] = {}
    for item in items:
        gold_members.setdefault(gold_groups[item], set()).add(item)
        predicted_members.setdefault(predicted_groups[item], set()).add(item)
    precision = recall = 0.0
    for item in items:
        gold_set = gold_members[gold_groups[item]]
        predicted_set = predicted_members[predicted_groups[item]]
        shared = len(gold_set & predicted_set)
        precision += shared / len(predicted_set)
        recall += shared / len(gold_set)
    n = len(items)
    precision, recall = precision / n, recall / n
    # Express as counts over n items so Score's ratios give the B-cubed values.
    tp = precision * n
    fp = n - tp
    fn = tp / recall - tp if recall else n
    return Score(tp, fp, fn)


def score_table(rows: dict[str, Score]) -> pd.DataFrame:
    """A printable frame, one row per named score."""
    return pd.DataFrame({name: score.as_row() for name, score in rows.items()}).T


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns)


def _check_spans(gold: Gold) -> None:
    """Every span must match the body *and* start and end on token boundaries.

    The second check catches the commonest annotation slip: taking the first
    occurrence of a string (the "42" inside "42.195") instead of the one meant.
    """
    body = gold.body
    for name in ("mentions", "modifiers", "places", "figures", "quotes", "time_expressions"):
        for row in getattr(gold, name).itertuples():
            if body[row.start:row.end] != row.text:
                raise ValueError(
                    f"{gold.path}: {name} span [{row.start}, {row.end}] is "
                    f"{body[row.start:row.end]!r}, not {row.text!r}"
                )
            if name != "quotes" and not _on_boundaries(body, row.start, row.end):
                raise ValueError(
                    f"{gold.path}: {name} span [{row.start}, {row.end}] {row.text!r} cuts through a word or "
                    f"number ({body[max(0, row.start - 10):row.end + 10]!r}); is it the right occurrence?"
                )


def _on_boundaries(body: str, start: int, end: int) -> bool:
    before = body[start - 1] if start > 0 else " "
    after = body[end] if end < len(body) else " "
    after_next = body[end + 1] if end + 1 < len(body) else " "
    if before.isalnum() or after.isalnum():
        return False
    # "42" taken from "42.195" or "1" from "1,000": a separator followed by a digit
    return not (after in ".,:" and after_next.isdigit() and body[end - 1].isdigit())


def _find_seed_file(path: Path, name: str) -> str:
    for folder in (path.parent, Path("data/wire"), path.parents[2] / "wire" if len(path.parents) > 2 else path.parent):
        candidate = Path(folder) / name
        if candidate.exists():
            return candidate.read_text(encoding="utf-8")
    raise FileNotFoundError(f"{path}: the annotated file {name!r} was not found beside it or in data/wire")


# --- figures: the CQE protocol --------------------------------------------------------------
#
# The same rules as ../shared/corpora/quantities/score.py (the CQE paper's protocol), so the
# kit's figures can be scored on the shared quantity sets, on the news sentences in
# data/annotations/figures_news and on the annotated articles alike, without the shared folder.

#: Spellings of the same unit, as score.py folds them (then plurals are made singular).
UNIT_SYNONYMS = dict(lexicon.mapping("figures_unit_synonyms"))


def _unit_singular(word: str) -> str:
    word = word.lower()
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def unit_key(unit) -> str | None:
    """A unit folded for comparison: score.py's synonyms and singulars, the kit's short forms and
    ISO codes read as names ("km" and "kilometres" -> "kilometre", "CAD" -> "canadian dollar"),
    and an age's "year of age" compared as "year" (the Wikinews annotations write ages so).

    >>> unit_key("km"), unit_key("USD"), unit_key("years old"), unit_key("%")
    ('kilometre', 'dollar', 'year', 'percentage')
    """
    if unit is None or (isinstance(unit, float) and unit != unit):
        return None
    text = str(unit).strip()
    if not text or text.lower() in ("-", "dimensionless"):
        return None
    from kit.figures import units

    text = units.unit_name(text) or text
    text = UNIT_SYNONYMS.get(text.lower(), text.lower())
    text = " ".join(_unit_singular(w) for w in text.split())
    text = UNIT_SYNONYMS.get(text, text)
    return text[: -len(" of age")] if text.endswith(" of age") else text


def _close(a, b, tol: float = 1e-6) -> bool:
    try:
        return a is not None and b is not None and not pd.isna(a) and not pd.isna(b) and \
            abs(float(a) - float(b)) <= max(tol * max(abs(float(a)), abs(float(b))), 1e-9)
    except (TypeError, ValueError):
        return False


def figure_value_ok(gold: dict, predicted: dict) -> bool:
    """score.py's strict rule: a point value within 1e-6, or both ends of a range (either order)."""
    value = gold.get("value")
    if value is not None and not pd.isna(value):
        return _close(value, predicted.get("value"))
    low, high = predicted.get("low"), predicted.get("high")
    return (_close(gold.get("low"), low) and _close(gold.get("high"), high)) or \
        (_close(gold.get("low"), high) and _close(gold.get("high"), low))


def _counted_words(text) -> list[str]:
    stop = lexicon.words("evaluation_counted_stop_words")
    import re

    return [_unit_singular(w) for w in re.findall(r"[A-Za-z0-9]+", text if isinstance(text, str) else "")
            if w.lower() not in stop]


def score_figures(sentences: Iterable[tuple[list[dict], list[dict]]]) -> dict:
    """Detection, value (CQE protocol), unit and counted-noun scores over ``(gold, predicted)``
    figure lists, one pair a sentence; figures are dicts with ``span`` ([start, end]) or
    ``start``/``end``, ``value``, ``low``, ``high``, ``unit``, ``counted``.

    - detection: P/R/F1 of a one-to-one pairing by span overlap (best overlap first);
    - value: P/R/F1 of the CQE protocol, span-free: gold and predicted figures of a
      sentence paired one-to-one on equal values (ranges by both ends);
    - unit: over detected pairs whose gold has a unit, the share with the same unit
      (:func:`unit_key`); counted: over detected pairs whose gold has a counted noun,
      the share with the same head word.

    >>> gold = [{"span": [0, 4], "value": 5.0, "unit": "km"}]
    >>> score_figures([(gold, [{"start": 0, "end": 3, "value": 5.0, "unit": "kilometre"}])])["unit acc"]
    1.0
    """
    n_gold = n_pred = detected = value_tp = unit_n = unit_ok = counted_n = counted_ok = 0
    for gold, predicted in sentences:
        n_gold += len(gold)
        n_pred += len(predicted)
        spans_g = [tuple(g["span"]) if g.get("span") else (g["start"], g["end"]) for g in gold]
        spans_p = [tuple(p["span"]) if p.get("span") else (p["start"], p["end"]) for p in predicted]
        pairs = match_spans(spans_g, spans_p)
        detected += len(pairs)
        for p_index, g_index in pairs.items():
            g, p = gold[g_index], predicted[p_index]
            if unit_key(g.get("unit")):
                unit_n += 1
                unit_ok += unit_key(g.get("unit")) == unit_key(p.get("unit"))
            if _counted_words(g.get("counted")):
                counted_n += 1
                gw, pw = _counted_words(g.get("counted")), _counted_words(p.get("counted"))
                counted_ok += bool(pw) and gw[-1] == pw[-1]
        used: set[int] = set()
        for g in gold:
            for index, p in enumerate(predicted):
                if index not in used and figure_value_ok(g, p):
                    used.add(index)
                    value_tp += 1
                    break
    detection = Score(detected, n_pred - detected, n_gold - detected)
    value = Score(value_tp, n_pred - value_tp, n_gold - value_tp)
    return {"gold": n_gold, "predicted": n_pred, "detect F1": round(detection.f1, 3),
            "value P": round(value.precision, 3), "value R": round(value.recall, 3), "value F1": round(value.f1, 3),
            "unit acc": round(unit_ok / unit_n, 3) if unit_n else None, "unit n": unit_n,
            "counted acc": round(counted_ok / counted_n, 3) if counted_n else None, "counted n": counted_n}
