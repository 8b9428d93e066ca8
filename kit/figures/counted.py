"""What a figure counts: the noun phrase a number modifies, or the object of "of".

Only the noun phrase next to the figure (``counted_how = "direct"``); elided nouns
are found in :mod:`kit.figures.resolve`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kit import lexicon
from kit.figures.numbers import CURRENCY_WORDS, UNITS_OF_MEASURE
from kit.figures.quantities import _Figure

#: Nouns "of" a number that are a scale, not the thing counted ("a factor of two", "a margin of 5").
SCALE_NOUNS = lexicon.words("figures_scale_nouns")
#: Nouns that stand for a quantity of something else: "the number of polling stations".
QUANTITY_NOUNS = lexicon.words("figures_quantity_nouns")
_NOT_COUNTED = (set(UNITS_OF_MEASURE) - {"point", "points"}) | set(CURRENCY_WORDS) | {"%", "percent", "cent", "per", "them", "us",
                                                              "those", "these", "which", "whom", "who"}


def _counted_direct(doc: Doc, figure: _Figure) -> str | None:
    n = len(doc)
    j = figure.end
    if j < n and doc[j].lower_ in ("percent", "pct", "pc"):
        j += 1
    elif j + 1 < n and doc[j].lower_ == "per" and doc[j + 1].lower_ == "cent":
        j += 2
    # "dozens of protesters", "39 of South Carolina's 54 delegates", "48% of the vote"
    if j < n and doc[j].lower_ == "of":
        objects = [c for c in doc[j].children if c.dep_ == "pobj"]
        if objects and objects[0].pos_ in ("NOUN", "PROPN") and objects[0].lower_ not in _NOT_COUNTED:
            return _noun_phrase(doc, objects[0], j + 1)
        return None
    if figure.kind != "count":
        return None
    if j < n and doc[j].lower_ in ("dead", "injured", "wounded", "missing", "killed", "homeless", "displaced"):
        return doc[j].lower_  # "a toll of 27 dead"
    anchor = doc[figure.anchor]
    head = anchor.head
    if anchor.dep_ in ("appos", "conj") and head.pos_ == "NOUN" and head.i < figure.start \
            and head.tag_ == "NNS" and figure.start - head.i <= 2:
        return _noun_phrase(doc, head, head.left_edge.i)  # "the number of women, 102,"
    if anchor.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "det") and head.i >= figure.core_end \
            and head.pos_ in ("NOUN", "PROPN") and head.lower_ not in _NOT_COUNTED and head.i - figure.end <= 5:
        return _noun_phrase(doc, head, figure.end)
    # The parse missed the link: take the noun that directly follows ("Twenty-five people",
    # "21 confirmed cases").
    k = figure.end
    while k < n and k - figure.end < 3 and (doc[k].pos_ == "ADJ" or (doc[k].tag_ == "VBN" and k + 1 < n
                                                                       and doc[k + 1].pos_ == "NOUN")):
        k += 1
    if k < n and doc[k].pos_ == "NOUN" and doc[k].lower_ not in _NOT_COUNTED and doc[k].tag_ in ("NNS", "NN"):
        noun = doc[k]
        if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i > noun.i + 2:
            return _noun_phrase(doc, noun, figure.end)
        while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.i - noun.i <= 2 \
                and noun.head.pos_ == "NOUN":
            noun = noun.head
        return _noun_phrase(doc, noun, figure.end)
    # "a population of 2 billion", "a crowd of 100": the noun the figure measures
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.pos_ == "NOUN" \
            and doc[figure.start - 1].lower_ not in ("the", "these", "those") \
            and anchor.head.head.lemma_ not in QUANTITY_NOUNS and anchor.head.head.lemma_ not in SCALE_NOUNS \
            and anchor.head.head.i < figure.start \
            and not (k < n and doc[k].pos_ in ("NOUN", "PROPN")):
        return _noun_phrase(doc, anchor.head.head, anchor.head.head.left_edge.i)
    return None



def _noun_phrase(doc: Doc, noun: Token, leftmost: int) -> str:
    """The noun with its adjectives and compound nouns ("military experts", "U.S. troops")."""
    start = noun.i
    for child in noun.lefts:
        if child.dep_ in ("amod", "compound", "nmod") and child.i >= leftmost and child.pos_ != "NUM":
            start = min(start, child.left_edge.i if child.left_edge.i >= leftmost else child.i)
    while start < noun.i and doc[start].pos_ in ("PUNCT", "DET", "NUM"):
        start += 1
    end = noun.i + 1
    # a hyphenated noun the tokenizer split: "co-petitioners", "ex-soldiers"
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    # "private homes and businesses": a coordinated noun right after is counted too
    if end + 1 < len(doc) and doc[end].dep_ == "cc" and doc[end + 1].dep_ == "conj" \
            and doc[end + 1].head.i == noun.i and doc[end + 1].pos_ == "NOUN" and doc[end + 1].tag_ == noun.tag_:
        end += 2
    return doc[start:end].text
