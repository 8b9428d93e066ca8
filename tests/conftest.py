"""Shared fixtures: the bundled corpora and their analysis, built once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEED_FILE = DATA / "wire" / "000_3a78acad3bfae3fb.txt"
SEED_GOLD = DATA / "annotations" / "seed" / "gold.json"

# Tests run from the repository root whatever the caller's folder, so relative
# paths in docstrings and notebooks ("data/wire") mean the same thing everywhere.
os.chdir(ROOT)


@pytest.fixture(scope="session")
def seed_gold():
    from kit.evaluation import load_gold

    return load_gold(SEED_GOLD)


@pytest.fixture(scope="session")
def seed_body(seed_gold) -> str:
    return seed_gold.body


@pytest.fixture(scope="session")
def nlp():
    from kit.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def seed_corpus():
    import kit

    return kit.read_corpus(DATA / "wire")


@pytest.fixture(scope="session")
def wikinews_corpus():
    import kit

    return kit.read_corpus(DATA / "wikinews")


@pytest.fixture(scope="session")
def bundled_analysis(tmp_path_factory):
    """The seed plus the 293 Wikinews articles, analysed once (no cache: a fresh run)."""
    import kit

    corpus = kit.read_corpus([DATA / "wire", DATA / "wikinews"])
    return kit.analyze(corpus, cache=False, progress=False)


@pytest.fixture(scope="session")
def seed_analysis(seed_corpus):
    import kit

    return kit.analyze(seed_corpus, cache=False, progress=False)
