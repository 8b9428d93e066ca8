"""Check functions for the notebooks' "Try it yourself" exercises.

Each check recomputes the answer from the tables (or from the kit's own extractors), so
it stays true on any corpus the notebook is run on, and says *why* when an answer is off
rather than only "wrong". Every check returns a one-line verdict starting with ✓ or ✗.

>>> check_number(3, 3, "articles")
'✓ Right: 3 articles.'
>>> check_number(..., 3, "articles")
'✗ Not answered yet: replace ... with your number (articles).'
"""

from __future__ import annotations

from typing import Iterable

import pandas as pd

RIGHT, WRONG = "✓", "✗"


def check_number(answer, expected, what: str, *, tolerance: float = 0) -> str:
    """Compare a numeric answer with the expected one; returns a short verdict.

    >>> check_number(0.3, 0.25, "share", tolerance=0.01)
    '✗ 0.30 is too high; look again at how you counted the share.'
    """
    if answer is None or answer is ...:
        return f"{WRONG} Not answered yet: replace ... with your number ({what})."
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return f"{WRONG} Expected a number of {what}, got {answer!r}."
    if abs(value - float(expected)) <= tolerance:
        return f"{RIGHT} Right: {_show(expected)} {what}."
    direction = "too high" if value > float(expected) else "too low"
    return f"{WRONG} {_show(value)} is {direction}; look again at how you counted the {what}."


def check_name(answer, expected: str, what: str) -> str:
    """Compare a name, ignoring case and surrounding spaces.

    >>> check_name("donald trump", "Donald Trump", "most mentioned person")
    '✓ Right: Donald Trump.'
    """
    if answer is ... or not isinstance(answer, str) or not answer.strip():
        return f"{WRONG} Not answered yet: write the {what} as a string."
    if answer.strip().casefold() == str(expected).strip().casefold():
        return f"{RIGHT} Right: {expected}."
    return f"{WRONG} Not {answer!r}. Hint: rank the table, then read its first row."


def most_mentioned(actors: pd.DataFrame, kind: str | None = None) -> str:
    """Name of the actor with the most mentions (of one kind, if given; places left out otherwise).

    The same ranking as :func:`kit.actors.top_actors` and the notebooks' bar charts.

    >>> actors = pd.DataFrame({"actor_id": ["a", "b"], "name": ["A", "B"], "kind": ["person", "country"],
    ...     "n_mentions": [3, 5], "n_articles": [1, 1]})
    >>> most_mentioned(actors), most_mentioned(actors, kind="person")
    ('B', 'A')
    """
    from kit.actors import top_actors

    ranked = top_actors(actors, by="mentions", kind=kind, n=1)
    if len(ranked) == 0:
        raise ValueError(f"no actors of kind {kind!r} in this analysis")
    return str(ranked.iloc[0]["name"])


def check_most_mentioned(answer, analysis, kind: str | None = None) -> str:
    """Exercise: who is the most mentioned actor (of a kind)?"""
    return check_name(answer, most_mentioned(analysis.actors, kind), f"most mentioned {kind or 'actor'}")


def check_anonymous_share(answer, analysis) -> str:
    """Exercise: what share of attributed quotes come from anonymous sources (0-1)?

    Uses :func:`kit.quotes.anonymous_share`, and accepts an answer within one point.
    """
    from kit.quotes import anonymous_share

    return check_number(answer, round(anonymous_share(analysis), 2), "share of anonymous quotes", tolerance=0.011)


def check_count(answer, table: pd.DataFrame, what: str) -> str:
    """Exercise: how many rows does this selection have?

    >>> check_count(2, pd.DataFrame({"a": [1, 2]}), "rows")
    '✓ Right: 2 rows.'
    """
    return check_number(answer, len(table), what)


def check_bounds(phrase: str, low, high, sentence: str | None = None) -> str:
    """Exercise: write the bounds you expect for a figure; the kit's extractor is the referee.

    ``phrase`` is the figure as written ("between 50 and 60"); ``sentence`` the sentence it
    stands in (default: the phrase alone). ``low``/``high`` are your bounds, ``None`` for
    an open side ("more than 50" has no upper bound).

    >>> check_bounds("between 50 and 60", 50, 60, "Between 50 and 60 people were arrested.")
    '✓ Right: "Between 50 and 60" has the bounds 50 to 60.'
    """
    from kit.figures import extract

    sentence = sentence or phrase
    figures = extract(sentence)
    found = figures[figures["text"].str.casefold().str.contains(phrase.casefold(), regex=False)] if len(figures) else figures
    if len(found) == 0:
        return f"{WRONG} The kit finds no figure {phrase!r} in that sentence: check the spelling, or write the whole sentence."
    row = found.iloc[0]
    expected = (_bound(row["low"]), _bound(row["high"]))
    if expected == (None, None) and pd.notna(row["value"]):  # an exact value is its own bounds
        expected = (_bound(row["value"]), _bound(row["value"]))
    if low is ... or high is ...:
        return f"{WRONG} Not answered yet: replace ... with numbers (None for an open side)."
    if (_bound(low), _bound(high)) == expected:
        return f'{RIGHT} Right: "{row["text"]}" has the bounds {_range(*expected)}.'
    return (f'{WRONG} The kit reads "{row["text"]}" as {_range(*expected)}, you wrote {_range(_bound(low), _bound(high))}. '
            "Who is right? Read the figures table's `approx` column and the docs of kit.figures.")


def check_speakers(answer: Iterable[str], analysis, article_id: str, kind: str = "direct") -> str:
    """Exercise: who is quoted with quotes of this kind in one article? (names of actors, any order)"""
    if answer is ... or isinstance(answer, str) or answer is None:
        return f"{WRONG} Not answered yet: write a list of names, e.g. [\"Jane Doe\", \"the ministry\"]."
    quotes = analysis.quotes[(analysis.quotes["article_id"] == article_id) & (analysis.quotes["kind"] == kind)]
    names = dict(zip(analysis.actors["actor_id"], analysis.actors["name"]))
    # a speaker resolved to an actor goes by the actor's name; an unresolved one by its words
    expected = {str(names.get(actor, speaker)) if isinstance(actor, str) else str(speaker)
                for actor, speaker in zip(quotes["actor_id"], quotes["speaker"])
                if isinstance(actor, str) or isinstance(speaker, str)}
    given = {str(name).strip().casefold() for name in answer}
    wanted = {name.casefold() for name in expected}
    if given == wanted:
        return f"{RIGHT} Right: {', '.join(sorted(expected))}."
    missing, extra = len(wanted - given), len(given - wanted)
    return (f"{WRONG} {missing} speaker(s) missing and {extra} not quoted that way. "
            f"Hint: filter the quotes table by article_id and kind == {kind!r}, then read the speakers' actors.")


def _bound(value):
    if value is None or value is ... or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    return float(value)


def _range(low, high) -> str:
    if low is None and high is None:
        return "no bounds"
    if high is None:
        return f"at least {_show(low)}"
    if low is None:
        return f"at most {_show(high)}"
    return f"{_show(low)} to {_show(high)}"


def _show(number) -> str:
    number = float(number)
    return f"{number:,.0f}" if number.is_integer() else f"{number:,.2f}"
