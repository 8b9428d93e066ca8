"""Check functions for the notebooks' "Try it yourself" exercises.

Each check recomputes the answer from the tables, so it stays true on any corpus
the notebook is run on, and says *why* when an answer is off rather than only
"wrong".

>>> import pandas as pd
>>> check_number(3, 3, "articles")
'✓ Right: 3 articles.'
"""

from __future__ import annotations

import pandas as pd


def check_number(answer, expected, what: str, *, tolerance: float = 0) -> str:
    """Compare a numeric answer with the expected one; returns a short verdict."""
    if answer is None or answer is ...:
        return f"✗ Not answered yet: replace ... with your number of {what}."
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return f"✗ Expected a number of {what}, got {answer!r}."
    if abs(value - float(expected)) <= tolerance:
        return f"✓ Right: {_show(expected)} {what}."
    direction = "too high" if value > float(expected) else "too low"
    return f"✗ {_show(value)} is {direction}; look again at how you counted the {what}."


def check_name(answer, expected: str, what: str) -> str:
    """Compare a name, ignoring case and surrounding spaces."""
    if not isinstance(answer, str) or not answer.strip() or answer is ...:
        return f"✗ Not answered yet: write the {what} as a string."
    if answer.strip().casefold() == str(expected).strip().casefold():
        return f"✓ Right: {expected}."
    return f"✗ Not {answer!r}. Hint: rank the table, then read its first row."


def most_mentioned(actors: pd.DataFrame, kind: str | None = None) -> str:
    """Name of the actor with the most mentions (of one kind, if given)."""
    table = actors if kind is None else actors[actors["kind"] == kind]
    return table.sort_values(["n_mentions", "name"], ascending=[False, True]).iloc[0]["name"]


def check_most_mentioned(answer, analysis, kind: str | None = None) -> str:
    """Exercise: who is the most mentioned actor (of a kind)?"""
    return check_name(answer, most_mentioned(analysis.actors, kind), f"most mentioned {kind or 'actor'}")


def check_anonymous_share(answer, analysis) -> str:
    """Exercise: what share of attributed quotes come from anonymous sources (0-1)?"""
    from kit.quotes import anonymous_share

    return check_number(answer, round(anonymous_share(analysis), 2), "(share of anonymous quotes)", tolerance=0.011)


def check_count(answer, table: pd.DataFrame, what: str) -> str:
    """Exercise: how many rows does this selection have?"""
    return check_number(answer, len(table), what)


def _show(number) -> str:
    number = float(number)
    return f"{number:,.0f}" if number.is_integer() else f"{number:,.2f}"
