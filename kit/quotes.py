"""Quotes: content, speaker, cue verb, and the speaker's actor.

(Placeholder contract: the quotes issue fills this module.)
"""
from __future__ import annotations

from spacy.tokens import Doc


def find_quotes(doc: Doc, mentions: list[dict]) -> list[dict]:
    """Rows of the quotes table for one parsed article (no ``article_id``)."""
    return []
