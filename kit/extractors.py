"""The extractors, one registry entry each: what ``analyze`` runs on every parsed article.

An :class:`Extractor` names the per-article table it fills and that table's columns,
its *find* function (spaCy Doc -> plain row dicts, offsets into the text), the tables
it needs first (the quotes need the mentions), and how ``kit.render`` highlights its
rows (a :class:`Layer`). Functions are given as ``"module:function"`` strings, so this
module imports nothing heavy, and the cache fingerprints exactly the code they name.

Adding an extractor (say, locations) is one module and one call::

    # kit/locations.py
    def find_locations(doc):
        return [{"start": e.start_char, "end": e.end_char, "text": e.text}
                for e in doc.ents if e.label_ in ("GPE", "LOC")]

    # anywhere before analyze(), e.g. kit/__init__.py or a notebook
    kit.extractors.register(kit.extractors.Extractor(
        table="locations", find="kit.locations:find_locations",
        columns={"article_id": "string", "start": "int64", "end": "int64", "text": "string"}))

``analyze`` then returns ``result.locations`` (``tests/test_extractors.py`` does exactly
this). With a ``layer=`` the ArticleReader and the report highlight it too.

>>> [extractor.table for extractor in in_order()]
['mentions', 'figures', 'quotes']
>>> get("quotes").needs
('mentions',)
"""

from __future__ import annotations

import dataclasses
import importlib
from typing import Callable, Mapping


@dataclasses.dataclass(frozen=True)
class Layer:
    """How the rows of one extractor are highlighted in an article.

    ``spans`` (``"module:function"``) turns one row into annotations:
    ``spans(row, actors_by_id, body_length) -> list[dict]`` with ``start``, ``end``,
    ``role``, ``label`` and ``title`` (see :func:`kit.render.span_annotations`).
    """

    name: str
    css_class: str
    colour: str
    legend: str
    spans: str


@dataclasses.dataclass(frozen=True)
class Extractor:
    """One extractor: its table, its columns, its find function, what it needs, its layer."""

    table: str
    find: str
    columns: Mapping[str, str] | None = None
    needs: tuple[str, ...] = ()
    layer: Layer | None = None

    def function(self) -> Callable:
        """The find function itself (imported on first use)."""
        return resolve(self.find)

    @property
    def module(self) -> str:
        return self.find.partition(":")[0]


def resolve(reference: str) -> Callable:
    """The function a ``"module:function"`` string names."""
    module, _, name = reference.partition(":")
    return getattr(importlib.import_module(module), name)


_REGISTRY: dict[str, Extractor] = {}


def register(extractor: Extractor) -> Extractor:
    """Add (or replace) an extractor; its columns join the table contract (``kit.tables``)."""
    from kit import tables

    unknown = [need for need in extractor.needs if need not in _REGISTRY and need != extractor.table]
    if unknown:
        raise ValueError(f"extractor {extractor.table!r} needs {unknown}, which no extractor registered fills")
    if extractor.columns is not None:
        tables.COLUMNS[extractor.table] = dict(extractor.columns)
    elif extractor.table not in tables.COLUMNS:
        raise ValueError(f"extractor {extractor.table!r}: give its columns (kit.tables has none for it)")
    _REGISTRY[extractor.table] = extractor
    return extractor


def unregister(table: str) -> None:
    """Remove an extractor added by :func:`register` (the built-in ones stay available to re-add)."""
    _REGISTRY.pop(table, None)


def get(table: str) -> Extractor:
    return _REGISTRY[table]


def in_order() -> tuple[Extractor, ...]:
    """The registered extractors, each after the ones it needs."""
    done: dict[str, Extractor] = {}
    pending = list(_REGISTRY.values())
    while pending:
        ready = [e for e in pending if all(need in done for need in e.needs)]
        if not ready:
            raise ValueError(f"extractors with needs that cannot be met: {[e.table for e in pending]}")
        for extractor in ready:
            done[extractor.table] = extractor
            pending.remove(extractor)
    return tuple(done.values())


def article_tables() -> tuple[str, ...]:
    """The per-article tables, in the order the extractors run."""
    return tuple(extractor.table for extractor in in_order())


def layers() -> tuple[Layer, ...]:
    """Highlight layers in nesting order, outermost first (quotes hold mentions and figures)."""
    found = [e.layer for e in in_order() if e.layer is not None]
    return tuple(sorted(found, key=lambda layer: _NESTING.get(layer.name, len(_NESTING))))


def layer_table(layer_name: str) -> str:
    """The table whose rows a layer draws (``"actors"`` -> ``"mentions"``)."""
    return next(e.table for e in in_order() if e.layer is not None and e.layer.name == layer_name)


#: Built-in layers nest in this order; any other layer is drawn innermost.
_NESTING = {"quotes": 0, "actors": 1, "figures": 2}

for _extractor in (
    Extractor(
        "mentions", "kit.actors:find_mentions",
        layer=Layer("actors", "kit-mention", "#a5d8ff", "actor mention", "kit.render:mention_spans"),
    ),
    Extractor(
        "figures", "kit.figures:find_figures",
        layer=Layer("figures", "kit-figure", "#b2f2bb", "figure", "kit.render:figure_spans"),
    ),
    Extractor(
        "quotes", "kit.quotes:find_quotes", needs=("mentions",),
        layer=Layer("quotes", "kit-quote", "#fff3bf", "quote (speaker underlined)", "kit.render:quote_spans"),
    ),
):
    register(_extractor)
