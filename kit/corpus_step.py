"""The corpus step on tables on disk, partition by partition, in memory bounded by the distinct actors.

:func:`kit.analysis.assemble` runs the corpus-level steps on tables held whole in memory
(:func:`kit.actors.resolve_corpus`, :func:`kit.quotes.same_speaker_actors`). Here the same
steps run on per-article rows written as parquet partitions, ``<parts>/<table>/part-N.parquet``
(whole articles in each, by :func:`kit.analysis.analyze_to` or by dask workers,
:func:`kit.engine_dask.analyze_files`), and the resolved tables are written partition by
partition too. Only what the step needs across the corpus is kept:

1. a first pass over the mentions (four columns) counts the person mentions per actor and
   gathers the distinct (actor, name) pairs: the surnames to merge (``renamed``), and which
   names stand for a place and for something else;
2. a second pass resolves each partition's mentions and quotes (a surname moved to its full
   name, a place given its own actor, a speaker's actor repeated within its article), writes
   them, and adds the partition's counts to the actors table's: per actor and value, so the
   most frequent name, kind and country are those of the whole corpus.

What is held grows with the distinct actors, names and surfaces, not with the mentions.
The tables are those of ``assemble`` (``tests/test_analysis.py`` compares them on small
partitions). The one assumption: an article's rows are all in one partition (true of
both writers; :func:`ids_are_unique` checks the articles' ids).
"""

from __future__ import annotations

import collections
from pathlib import Path

import pandas as pd

from kit.actors.resolve import _NOT_PLACES, NAMING, rename_surnames, split_places, surname_renames, with_names
from kit.tables import conform, empty

class Parts:
    """``count`` partitions of per-article tables under ``folder``: ``<folder>/<table>/part-N.parquet``."""

    def __init__(self, folder: str | Path, count: int):
        self.folder, self.count = Path(folder), count

    def path(self, table: str, number: int) -> Path:
        return self.folder / table / f"part-{number:05d}.parquet"

    def read(self, table: str, number: int, columns: list[str] | None = None) -> pd.DataFrame:
        """One partition of ``table`` with its contract's columns (those of ``columns`` present only)."""
        path = self.path(table, number)
        if not path.exists():
            return empty("problems" if table.startswith("problems_") else table)
        if columns is not None:
            import pyarrow.parquet as pq

            present = set(pq.read_schema(path).names)
            return pd.read_parquet(path, columns=[c for c in columns if c in present])
        return pd.read_parquet(path)

    def write(self, table: str, number: int, frame: pd.DataFrame) -> None:
        from kit.saving import open_for_writing

        path = self.path(table, number)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open_for_writing(path) as stream:
            frame.to_parquet(stream, index=False)


def ids_are_unique(parts: Parts, table: str = "articles") -> bool:
    """Whether no article_id is in two partitions (or twice in one): the corpus step's assumption."""
    seen: set = set()
    for number in range(parts.count):
        ids = parts.read(table, number, ["article_id"])["article_id"] if parts.path(table, number).exists() else []
        for article_id in ids:
            if article_id in seen:
                return False
            seen.add(article_id)
    return True


def surname_merges(parts: Parts) -> tuple[dict[str, str], dict[str, str], set[str]]:
    """First pass: ``renamed`` (a lone surname's actor -> its full name's), the full names of
    the targets, and the actors named both as a place and as something else (after renaming).

    The rule is kit.actors.resolve_corpus's, on counts gathered partition by partition.
    """
    counts: collections.Counter = collections.Counter()
    full_names: dict[str, str] = {}  # actor_id -> its full name (the last seen, as dict(zip(...)) keeps)
    spelled: dict[tuple[str, str], None] = {}  # every (actor_id, full name), in order
    lone: set[tuple[str, str]] = set()
    kinds: set[tuple[str, str]] = set()
    for number in range(parts.count):
        mentions = parts.read("mentions", number, ["actor_id", "kind", "text", "name"])
        if not len(mentions):
            continue
        mentions = with_names(mentions)
        persons = mentions[mentions["kind"] == "person"]
        counts.update(persons.groupby("actor_id").size().to_dict())
        spaced = persons["name"].str.contains(" ", regex=False)
        full = persons[spaced]
        full_names.update(zip(full["actor_id"], full["name"]))
        spelled.update(dict.fromkeys(zip(full["actor_id"], full["name"])))
        single = persons[~spaced]
        lone.update(zip(single["actor_id"], single["name"]))
        placed = mentions[(mentions["kind"] == "place") | mentions["kind"].isin(_NOT_PLACES)]
        kinds.update(zip(placed["actor_id"], placed["kind"]))
    renamed = surname_renames(spelled, counts, lone)
    kinds_of: dict[str, set] = {}
    for actor_id, kind in kinds:
        if not isinstance(actor_id, str):
            continue
        kinds_of.setdefault(renamed.get(actor_id, actor_id) if kind == "person" else actor_id, set()).add(kind)
    shared = {actor_id for actor_id, found in kinds_of.items() if "place" in found and len(found) > 1}
    return renamed, full_names, shared


def resolve_mentions(mentions: pd.DataFrame, renamed: dict, full_names: dict, shared: set) -> pd.DataFrame:
    """One partition's mentions resolved as resolve_corpus resolves the whole table."""
    mentions = rename_surnames(with_names(mentions.copy()), renamed, full_names)
    return split_places(mentions, shared)


class ActorCounts:
    """The actors table's counts, added partition by partition (kit.actors.actors_table on the whole)."""

    def __init__(self):
        self.n_mentions: dict[str, int] = {}  # in order of first mention
        self.n_articles: collections.Counter = collections.Counter()
        self.values = {column: collections.Counter() for column in ("name", "named", "kind", "kind_more", "country")}
        self.surfaces: dict[str, set] = {}

    def add(self, mentions: pd.DataFrame) -> None:
        mentions = mentions[mentions["actor_id"].notna()]
        if not len(mentions):
            return
        for actor_id in mentions["actor_id"].unique():  # every actor, in order of first mention
            self.n_mentions.setdefault(actor_id, 0)
        more = mentions[mentions["how"] != "modifier"]  # a modifier names its actor, no mention of it
        counted = more.groupby("actor_id", sort=False)
        for actor_id, size in counted.size().items():
            self.n_mentions[actor_id] += int(size)
        self.n_articles.update(counted["article_id"].nunique().to_dict())
        named = mentions[mentions["how"].isin(NAMING)]
        for key, frame, column in (("name", mentions, "name"), ("named", named, "name"),
                                   ("kind", mentions, "kind"), ("kind_more", more, "kind"),
                                   ("country", mentions, "country")):
            present = frame.dropna(subset=[column])
            sizes = present.groupby(["actor_id", column], sort=False, observed=True).size()
            self.values[key].update(sizes.to_dict())
        said = mentions[mentions["how"] != "pronoun"]
        for actor_id, text in set(zip(said["actor_id"], said["text"])):
            self.surfaces.setdefault(actor_id, set()).add(text)

    def _most_frequent(self, key: str) -> pd.Series:
        counts = self.values[key]
        if not counts:
            return pd.Series(dtype=object)
        frame = pd.DataFrame([(a, v, n) for (a, v), n in counts.items()], columns=["actor_id", "value", "count"])
        frame = frame.sort_values(["actor_id", "count", "value"], ascending=[True, False, True], kind="stable")
        return frame.drop_duplicates("actor_id").set_index("actor_id")["value"]

    def table(self) -> pd.DataFrame:
        """The actors table, sorted as actors_table sorts it."""
        if not self.n_mentions:
            return empty("actors")
        index = pd.Index(list(self.n_mentions), name="actor_id")
        table = pd.Series(list(self.n_mentions.values()), index=index, name="n_mentions").to_frame()
        actor_ids = index.to_series(index=index)
        name = self._most_frequent("name").reindex(index)
        has_named = actor_ids.isin({a for a, _ in self.values["named"]})
        name = self._most_frequent("named").reindex(index).where(has_named, name)
        table["name"] = name.where(name.notna(), actor_ids).astype(object)
        # The kind: from the mentions that are more than a modifier, as actors_table has it.
        has_more = actor_ids.isin({a for a, _ in self.values["kind_more"]})
        table["kind"] = self._most_frequent("kind_more").reindex(index).where(has_more, self._most_frequent("kind").reindex(index))
        table["country"] = self._most_frequent("country").reindex(index).astype(object)
        table["country"] = table["country"].where(table["country"].notna(), None)
        table["aliases"] = [sorted(self.surfaces.get(a, set()) - {n}) for a, n in zip(index, table["name"])]
        table["n_articles"] = [self.n_articles[a] for a in index]
        table = table.reset_index()[["actor_id", "name", "kind", "country", "aliases", "n_mentions", "n_articles"]]
        table = table.sort_values(["n_mentions", "n_articles", "name"], ascending=[False, False, True])
        return conform(table.reset_index(drop=True), "actors")


def resolve_parts(parts: Parts, into: Parts, tables: tuple[str, ...], keep=None) -> pd.DataFrame:
    """The corpus step from ``parts`` into ``into`` (same partition numbers); returns the actors table.

    ``tables`` are the per-article tables (mentions, figures, quotes and registered ones);
    ``keep``, when given, is the set of article_ids to keep (the latest versions).
    """
    from kit.quotes import same_speaker_actors

    renamed, full_names, shared = surname_merges(parts)
    actors = ActorCounts()
    for number in range(parts.count):
        mentions = None  # this partition's mention rows, for the quotes' names (mentions come first)
        for name in tables:
            frame = parts.read(name, number)
            if keep is not None and len(frame):
                frame = frame[frame["article_id"].isin(keep)].reset_index(drop=True)
            if name == "mentions" and len(frame):
                frame = resolve_mentions(frame, renamed, full_names, shared)
                actors.add(frame)
                mentions = frame
            elif name == "quotes" and len(frame):
                if renamed:
                    frame["actor_id"] = frame["actor_id"].map(lambda a: renamed.get(a, a) if isinstance(a, str) else a)
                frame = same_speaker_actors(frame, mentions)
            into.write(name, number, conform(frame, name))
        let_go()
    return actors.table()


def let_go() -> None:
    """Between partitions: collect the cycles pandas leaves and give Arrow's freed buffers back,
    so that what one partition used is not still held when the next one peaks."""
    import gc

    import pyarrow as pa

    gc.collect()
    pa.default_memory_pool().release_unused()
