"""read_corpus, Corpus, and the articles schema.

(Placeholder contract: the foundation issue fills this module.)
"""
from __future__ import annotations

import dataclasses

import pandas as pd

from kit.tables import empty


@dataclasses.dataclass
class Corpus:
    articles: pd.DataFrame
    problems: pd.DataFrame = dataclasses.field(default_factory=lambda: empty("problems"))


def read_corpus(path_or_paths, **options) -> Corpus:
    raise NotImplementedError
