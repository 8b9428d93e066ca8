"""Plural pronouns (they, them, their) for groups of people and organisations (issue 15).

When no speaker and no actor subject decides, "they" is the nearest plural subject of its
sentence (before it) or of the one before, if that subject names people, a group or
organisations; it becomes a mention of its own when no rule made one. Never a single person,
never a plural that names things, never the subject of the pronoun's own verb when the
pronoun is its object. The sentences are made up in the manner of news stories.
"""

from __future__ import annotations

import pytest

from kit import actors


def pronoun_actor(text: str, needle: str):
    """The actor of the pronoun that begins ``needle`` (None if no mention covers it), and
    the text of that actor's first mention."""
    rows = actors.extract(text)
    start = text.index(needle)
    hit = rows[(rows.start == start)]
    if hit.empty:
        return None, None
    actor_id = hit.iloc[0].actor_id
    first = rows[(rows.actor_id == actor_id) & (rows.how != "pronoun")]
    return actor_id, (first.iloc[0].text if len(first) else None)


PLURAL_PRONOUNS = [
    # (text, the pronoun and what follows it, text of the antecedent's first mention or None)
    ("The parents are also accused of putting their social life ahead of the child.", "their social",
     "The parents"),
    ("Schools can run their own flag discussions.", "their own", "Schools"),
    ("The protesters marched to the square. They demanded new elections.", "They demanded", "The protesters"),
    ("The terrorists are protesting against modernity. They think it endangers their tradition.",
     "their tradition", "The terrorists"),
    ("Local farmers say the drought ruined them.", "them", "Local farmers"),
    ("Many residents were evacuated on Monday, and they returned on Friday.", "they returned", "Many residents"),
    # stays unresolved: the nearest plural subject names things, or no plural at all
    ("Prices rose sharply last year, and they are expected to rise again.", "they are", None),
    ("The new rules were published on Monday. They take effect in May.", "They take", None),
    ("Ann Lee spoke on Monday. They said the talks had failed.", "They said", None),  # a single person: no "they"
    # the subject of the pronoun's own verb is not its object
    ("The parents hired them after a short interview.", "them", None),
    # a nearer plural subject that names things stops the search further back
    ("The soldiers left the base. The trucks broke down. They were towed away.", "They were", None),
]


@pytest.mark.parametrize("text, needle, antecedent", PLURAL_PRONOUNS)
def test_plural_pronouns(text, needle, antecedent):
    actor_id, first = pronoun_actor(text, needle)
    assert first == antecedent, (actor_id, first)
