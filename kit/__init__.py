"""The media-analysis notebook kit: who is mentioned, what numbers are claimed, who is quoted.

One package per question (:mod:`kit.actors`, :mod:`kit.figures`, :mod:`kit.quotes`), the
readers in :mod:`kit.formats` (their registry: ``kit/formats/registry.py``), the extractors'
registry in :mod:`kit.extractors`, word lists in ``kit/lexicon/``; ``kit/README.md`` shows the
whole layout and how to add a format or an extractor.

Every public name is imported on first use (``import kit`` costs almost nothing; spaCy is
loaded only when an article must be parsed), so a report rerun on a cached corpus, or a
``python -m kit read``, never pays for the model.

>>> import kit
>>> corpus = kit.read_corpus("data/wire")
>>> result = kit.analyze(corpus, progress=False)
"""

__version__ = "0.1.0"

__all__ = ["Corpus", "read_corpus", "Analysis", "analyze", "analyze_to", "actors", "figures", "quotes", "__version__"]

#: name -> the module that defines it (imported on first use)
_NAMES = {"Corpus": "kit.corpus", "read_corpus": "kit.corpus", "Analysis": "kit.analysis", "analyze": "kit.analysis",
          "analyze_to": "kit.streaming"}
_MODULES = ("actors", "figures", "quotes", "plots", "widgets", "render", "report", "exercises", "evaluation")


def __getattr__(name):
    import importlib

    if name in _NAMES:
        value = getattr(importlib.import_module(_NAMES[name]), name)
    elif name in _MODULES:
        value = importlib.import_module(f"kit.{name}")
    else:
        raise AttributeError(f"module 'kit' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__) | set(_MODULES))
