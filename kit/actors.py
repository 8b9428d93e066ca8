"""Mentions of people, countries, organizations, groups and anonymous sources, resolved to actors.

(Placeholder contract: the actors issue fills this module.)
"""
from __future__ import annotations

import pandas as pd
from spacy.tokens import Doc


def find_mentions(doc: Doc) -> list[dict]:
    """Rows of the mentions table for one parsed article (no ``article_id``)."""
    return []


def resolve_corpus(mentions: pd.DataFrame, articles: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """Merge actors across the corpus; returns (mentions, actors, {old actor_id: new actor_id})."""
    return mentions, pd.DataFrame(), {}
