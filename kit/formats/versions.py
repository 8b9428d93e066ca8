"""The versions of a wire story across files: one ``story_id`` for them, and the newest of them.

Re-exported by :mod:`kit.corpus` (``kit.corpus.link_versions``, ``kit.corpus.keep_latest``).
"""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

#: Versions of a slug filed further apart than this are different stories.
STORY_GAP = pd.Timedelta(hours=36)


def link_versions(articles: pd.DataFrame) -> pd.DataFrame:
    """Give the versions of one story one ``story_id``, across files.

    Readers put a story's slug in ``story_id`` (``slug:<keywords>|<agency>``).
    Versions with the same slug filed within :data:`STORY_GAP` of the previous
    one are one story (a 2ndlead after midnight still follows its 1stlead); the
    same slug days later (a daily "France politics") is a new story. The id is
    a hash of the slug and the first version's time.

    >>> import kit
    >>> articles = kit.read_corpus("tests/samples/seed_two_versions.txt").articles
    >>> articles.version.tolist(), articles.story_id.nunique()
    (['1stlead', '2ndlead'], 1)
    """
    slugs = articles["story_id"].fillna("")
    mask = slugs.str.startswith("slug:").to_numpy(dtype=bool)
    if not mask.any():
        return articles
    articles = articles.copy()
    linked = pd.DataFrame({"slug": slugs[mask].astype(object), "time": pd.to_datetime(articles["published"][mask]),
                           "row": np.flatnonzero(mask)})
    # Within a slug, in time order (missing times first, as they come): a new story
    # starts at the first version and after every gap over STORY_GAP between known times.
    linked["_order"] = linked["time"].isna().map({True: 0, False: 1})
    linked = linked.sort_values(["slug", "_order", "time"], kind="stable")
    by_slug = linked["time"].groupby(linked["slug"], sort=False)
    known_before = by_slug.ffill().groupby(linked["slug"], sort=False).shift()
    first_of_slug = ~linked["slug"].duplicated()
    gap = (linked["time"] - known_before) > STORY_GAP
    starts = first_of_slug | gap.fillna(False).astype(bool)
    story_number = starts.cumsum()
    start_times = pd.Series(linked["time"][starts].to_numpy(), index=story_number[starts].to_numpy())
    # each story's first time, written once per story (not once per version)
    labels = pd.Series([t.isoformat() if pd.notna(t) else "" for t in start_times], index=start_times.index,
                       dtype=object)
    keys = linked["slug"] + "|" + story_number.map(labels)
    ids = {key: "story-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12] for key in keys.unique()}
    column = articles.columns.get_loc("story_id")
    values = articles["story_id"].astype(object).to_numpy(copy=True)
    values[linked["row"].to_numpy()] = keys.map(ids).to_numpy()
    articles.isetitem(column, pd.array(values, dtype=articles["story_id"].dtype))
    return articles


def keep_latest(articles: pd.DataFrame) -> pd.DataFrame:
    """Keep the newest version of each story (latest ``published``, then version).

    Articles without a ``story_id`` are stories of their own and all kept.

    >>> import kit
    >>> articles = kit.read_corpus("tests/samples/seed_two_versions.txt").articles
    >>> keep_latest(articles).version.tolist()
    ['2ndlead']
    """
    from kit.formats.wire import version_rank

    if articles.empty:
        return articles
    order = articles.assign(
        _published=articles["published"].fillna(pd.Timestamp.min),
        _rank=articles["version"].map(lambda v: version_rank(v if isinstance(v, str) else None)),
        _position=range(len(articles)),
    )
    grouped = order[order["story_id"].notna()].sort_values(["_published", "_rank", "_position"])
    newest = grouped.groupby("story_id", sort=False).tail(1).index
    keep = order["story_id"].isna() | order.index.isin(newest)
    return articles[keep].reset_index(drop=True)
