"""Which actors appear together: a co-occurrence graph built from the mentions table.

>>> import pandas as pd
>>> mentions = pd.DataFrame({"article_id": ["a", "a", "a", "b"], "sentence": [0, 0, 1, 0],
...     "actor_id": ["russia", "venezuela", "russia", "russia"],
...     "kind": ["country"] * 4, "name": ["Russia", "Venezuela", "Russia", "Russia"]})
>>> graph = cooccurrence_graph(mentions)
>>> graph["russia"]["venezuela"]["weight"], graph.nodes["russia"]["n_mentions"]
(1, 3)
"""

from __future__ import annotations

from itertools import combinations

import networkx as nx
import pandas as pd


def cooccurrence_graph(
    mentions: pd.DataFrame,
    level: str = "sentence",
    min_weight: int = 1,
    kinds: tuple[str, ...] | None = None,
) -> nx.Graph:
    """Actors as nodes; an edge for each pair mentioned in the same sentence (or article).

    ``weight`` counts the sentences (or articles) the pair shares; edges lighter than
    ``min_weight`` are dropped. Nodes carry ``name``, ``kind`` and ``n_mentions``.
    Places are left out unless ``kinds`` names them (they say where, not who).

    >>> from kit.actors import extract
    >>> mentions = extract("Vladimir Putin will meet Donald Trump. Russia denied it.")
    >>> graph = cooccurrence_graph(mentions, level="sentence")
    >>> graph.has_edge("vladimir-putin", "donald-trump"), graph.has_edge("russia", "donald-trump")
    (True, False)
    """
    if level not in ("sentence", "article"):
        raise ValueError(f"cooccurrence_graph(level={level!r}): use 'sentence' or 'article'")
    if kinds is None:
        mentions = mentions[mentions["kind"] != "place"]
    else:
        mentions = mentions[mentions["kind"].isin(kinds)]
    graph = nx.Graph()
    if len(mentions) == 0:
        return graph
    names = mentions["name"] if "name" in mentions.columns else mentions["actor_id"]
    for actor_id, group in mentions.assign(_name=names).groupby("actor_id"):
        graph.add_node(
            actor_id,
            name=group["_name"].mode().iloc[0],
            kind=group["kind"].mode().iloc[0],
            n_mentions=len(group),
        )
    unit = ["article_id", "sentence"] if level == "sentence" else ["article_id"]
    weights: dict[tuple[str, str], int] = {}
    for actor_ids in mentions.groupby(unit)["actor_id"].agg(lambda s: sorted(set(s))):
        for pair in combinations(actor_ids, 2):
            weights[pair] = weights.get(pair, 0) + 1
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in weights.items() if w >= min_weight)
    return graph
