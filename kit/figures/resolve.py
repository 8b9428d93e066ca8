"""Figures read together: compound durations and counted nouns left out by ellipsis.

Works on the figures of one Doc, after :mod:`kit.figures.find` has read them one by one.
"""

from __future__ import annotations

import bisect
import dataclasses

from spacy.tokens import Doc, Token

from kit import lexicon
from kit.figures.counted import _NOT_COUNTED, QUANTITY_NOUNS, _noun_phrase
from kit.figures.numbers import UNITS_OF_MEASURE
from kit.figures.quantities import _Figure

#: Prepositions whose object, attached to a verb, takes the verb's object as counted noun
#: ("cut its staff to a few dozen", "from about 1,000").
ELLIPSIS_PREPOSITIONS = lexicon.words("figures_ellipsis_prepositions")
#: Verbs (and states after "be") whose bare number counts people: "killed twelve", "190 were dead".
CASUALTY_WORDS = lexicon.words("figures_casualty_words")
#: How many sentences back a parallel figure may be ("gained 66 seats. Labour lost 42.").
PARALLEL_SENTENCES_BACK = 1


def _resolve_ellipsis(doc: Doc, figures: list[_Figure]) -> None:
    """Give a counted noun to counts whose noun is elided.

    In order: the object of the governing verb ("cut its staff ... to a few dozen"),
    people for casualty verbs ("killed twelve and injured twelve more", "20 were
    killed"), a parallel figure in the same sentence ("gained 13 seats and lost 10"),
    and a parallel figure in the sentence before.
    """
    if not figures:
        return
    sentence_starts = [sentence.start for sentence in doc.sents]
    sentence_of = [bisect.bisect_right(sentence_starts, figure.start) - 1 for figure in figures]
    for index, figure in enumerate(figures):
        if figure.kind != "count" or figure.counted is not None:
            continue
        anchor = doc[figure.anchor]
        if anchor.dep_ in ("nummod",) and anchor.head.pos_ == "NOUN" and anchor.head.i >= figure.end:
            continue  # it counts a noun we chose not to name (a unit, a pronoun)
        if figure.end < len(doc) and doc[figure.end].lower_ == "of":
            continue  # "one of them": a part of something said elsewhere
        noun = _object_of_governing_verb(anchor)
        if noun is not None:
            figure.counted, figure.counted_how = _noun_phrase(doc, noun, noun.left_edge.i), "ellipsis"
            continue
        if _counts_casualties(anchor):
            figure.counted, figure.counted_how = "people", "ellipsis"
            continue
        parallel = _parallel_figure(figures, index, sentence_of, same_sentence=True)
        if parallel is None:
            parallel = _parallel_figure(figures, index, sentence_of, same_sentence=False)
        if parallel is not None:
            figure.counted, figure.counted_how = parallel.counted, "ellipsis"
    # "from 180 to 5": the parse hangs the first number on the second; they count the same thing
    for figure in figures:
        anchor = doc[figure.anchor]
        if figure.kind == "count" and figure.counted is None and anchor.dep_ == "quantmod":
            for other in figures:
                if other is not figure and other.start <= anchor.head.i < other.end and other.counted:
                    figure.counted, figure.counted_how = other.counted, "ellipsis"



def _object_of_governing_verb(anchor: Token) -> Token | None:
    if anchor.dep_ != "pobj" or anchor.head.lower_ not in ELLIPSIS_PREPOSITIONS:
        return None
    verb = anchor.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "nsubj") and child.pos_ == "NOUN" \
                and child.lower_ not in _NOT_COUNTED and not any(c.dep_ == "nummod" for c in child.children):
            if child.lemma_ in QUANTITY_NOUNS:
                # "cut the number of polling stations from 180 to 5", "the number of justices
                # remain at nine": what the number is of
                of = [c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"]
                objects = [c for c in of[0].children if c.dep_ == "pobj"] if of else []
                return objects[0] if objects and objects[0].pos_ == "NOUN" else None
            if child.dep_ != "nsubj":
                return child
    return None



def _counts_casualties(anchor: Token) -> bool:
    verb = anchor.head
    if anchor.dep_ in ("dobj", "nsubjpass", "nsubj") and verb.lemma_ in CASUALTY_WORDS:
        return True
    if anchor.dep_ == "nsubj" and verb.lemma_ == "be":
        return any(c.dep_ in ("acomp", "attr") and c.lower_ in CASUALTY_WORDS for c in verb.children)
    return False



def _parallel_figure(figures: list[_Figure], index: int, sentence_of: list[int],
                     same_sentence: bool) -> _Figure | None:
    """The nearest count with a direct counted noun before it, in the same sentence or just before
    ("gained 13 seats and lost 10"); never one after it ("employs 30 in the state and has 200 stores":
    the 30 are not stores)."""
    sentence = sentence_of[index]
    candidates = [k for k in range(index) if figures[k].kind == "count"
                  and figures[k].counted_how == "direct" and figures[k].counted]
    if same_sentence:
        same = [k for k in candidates if sentence_of[k] == sentence]
        return figures[max(same)] if same else None
    earlier = [k for k in candidates if sentence - PARALLEL_SENTENCES_BACK <= sentence_of[k] < sentence]
    return figures[max(earlier)] if earlier else None



def _merge_compound_durations(doc: Doc, figures: list[_Figure]) -> list[_Figure]:
    """"2 hours 1 minute 39 seconds" is one duration, in seconds, from larger to smaller units."""
    seconds = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
    merged: list[_Figure] = []
    for figure in figures:
        previous = merged[-1] if merged else None
        if previous is not None and previous.kind == figure.kind == "measure" and previous.unit in seconds \
                and figure.unit in seconds and previous.value is not None and figure.value is not None:
            # the previous figure's unit word follows it, unless a merge already took it in
            gap = previous.end
            if gap < len(doc) and doc[gap].lower_ in UNITS_OF_MEASURE:
                gap += 1
            smallest = previous.merged_down_to or seconds[previous.unit]
            last_unit = 1 if previous.merged_down_to else seconds[previous.unit]
            adjacent = figure.start == gap or (figure.start == gap + 1 and doc[gap].lower_ in ("and", ","))
            if adjacent and seconds[figure.unit] < smallest:
                total = previous.value * last_unit + figure.value * seconds[figure.unit]
                end = figure.end + (1 if figure.end < len(doc) and doc[figure.end].lower_ in UNITS_OF_MEASURE else 0)
                merged[-1] = dataclasses.replace(previous, end=end, value=round(total, 3), unit="second",
                                                 merged_down_to=seconds[figure.unit])
                continue
        merged.append(figure)
    return merged
