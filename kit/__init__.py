"""The media-analysis notebook kit: who is mentioned, what numbers are claimed, who is quoted.

One package per question (:mod:`kit.actors`, :mod:`kit.figures`, :mod:`kit.quotes`), the
readers in :mod:`kit.formats` (their registry: ``kit/formats/registry.py``), the extractors'
registry in :mod:`kit.extractors`, word lists in ``kit/lexicon/``; ``kit/README.md`` shows the
whole layout and how to add a format or an extractor.

>>> import kit
>>> corpus = kit.read_corpus("data/wire")
>>> result = kit.analyze(corpus, progress=False)
"""

__version__ = "0.1.0"

from kit.corpus import Corpus, read_corpus  # noqa: E402
from kit.analysis import Analysis, analyze  # noqa: E402
from kit import actors, figures, quotes  # noqa: E402

__all__ = ["Corpus", "read_corpus", "Analysis", "analyze", "actors", "figures", "quotes", "__version__"]


def __getattr__(name):
    # plots and widgets pull in plotly and ipywidgets: import them on first use.
    if name in ("plots", "widgets", "render", "report", "exercises", "evaluation"):
        import importlib

        return importlib.import_module(f"kit.{name}")
    raise AttributeError(f"module 'kit' has no attribute {name!r}")
