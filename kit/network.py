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


def spread_layout(graph: nx.Graph, seed: int = 0) -> dict:
    """Positions in [0, 1]²: the largest connected part fills the top, smaller parts in a row below.

    A spring layout of the whole graph pushes small detached pairs far out and
    squeezes the cluster into a corner; laying out each part on its own keeps
    every part readable. Spring layout with a fixed ``seed``: same data, same picture.

    >>> graph = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y")])
    >>> positions = spread_layout(graph)
    >>> all(0 <= v <= 1 for xy in positions.values() for v in xy), positions["x"][1] < positions["a"][1]
    (True, True)
    """
    parts = sorted(nx.connected_components(graph), key=lambda part: (-len(part), sorted(map(str, part))))
    if not parts:
        return {}
    positions: dict = {}
    small = parts[1:]
    top = 0.25 if small else 0.0  # the bottom quarter holds the small parts
    main = graph.subgraph(parts[0])
    # Spring layout with more room between nodes than networkx's default (k): the cluster spreads.
    # (kamada_kawai spreads as well but costs ~600 ms for 20 nodes: too slow for a widget.)
    layout = nx.spring_layout(main, seed=seed, k=2.0 / max(len(main), 1) ** 0.5, iterations=60)
    positions.update(_fit(layout, (0.0, top, 1.0, 1.0)))
    width = 1.0 / max(len(small), 1)
    for i, part in enumerate(small):
        sub = graph.subgraph(part)
        layout = nx.spring_layout(sub, seed=seed) if len(sub) > 1 else {next(iter(part)): (0.0, 0.0)}
        positions.update(_fit(layout, (i * width + 0.1 * width, 0.0, (i + 1) * width - 0.1 * width, 0.18)))
    return positions


def _fit(layout: dict, box: tuple[float, float, float, float]) -> dict:
    """Scale positions into ``box`` = (x0, y0, x1, y1); a single value is centred."""
    x0, y0, x1, y1 = box

    def scale(values, low, high):
        smallest, largest = min(values), max(values)
        if largest == smallest:
            return [(low + high) / 2] * len(values)
        return [low + (v - smallest) / (largest - smallest) * (high - low) for v in values]

    nodes = list(layout)
    xs = scale([float(layout[n][0]) for n in nodes], x0, x1)
    ys = scale([float(layout[n][1]) for n in nodes], y0, y1)
    return {node: (x, y) for node, x, y in zip(nodes, xs, ys)}
