"""Numeric expressions: value, bounds, approximation, and what is counted.

(Placeholder contract: the figures issue fills this module.)
"""
from __future__ import annotations

from spacy.tokens import Doc


def find_figures(doc: Doc) -> list[dict]:
    """Rows of the figures table for one parsed article (no ``article_id``)."""
    return []
