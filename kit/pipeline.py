"""The per-article step of every engine: parse bodies once, run the extractors, keep plain rows.

``analyze_texts`` is the unit of work: a batch of ``(key, body)`` pairs in, ``(key, rows)``
out, in the same order, with no spaCy Doc kept. Long bodies are parsed in pieces
(:func:`split_long_body`) whose rows are put back into the article's offsets.
``iter_rows`` runs it here or in worker processes; ``kit.engine_dask`` runs it on a cluster.
"""

from __future__ import annotations

import numbers
import os
import time
import warnings
from typing import TYPE_CHECKING, Iterator

from kit import extractors
from kit.nlp import load_model, stream_docs

if TYPE_CHECKING:  # spaCy is imported when a model is loaded, not with the kit
    from spacy.tokens import Doc


def analyze_doc(doc: Doc) -> dict[str, list[dict]]:
    """Run every registered extractor (:mod:`kit.extractors`) on one parsed article; plain rows out.

    Rows carry offsets into ``doc.text``; ``actor_id`` values are the article's
    own and may be merged across the corpus later by :func:`kit.analyze`. An extractor
    that fails leaves its table empty for this article and says why under
    ``"errors"``: one bad article never stops a corpus.

    >>> from kit.nlp import load_model
    >>> rows = analyze_doc(load_model()("Russia said around 100 experts had left."))
    >>> sorted(rows)
    ['figures', 'mentions', 'quotes']
    """
    rows: dict[str, list[dict]] = {}
    errors: list[str] = []
    for extractor in extractors.in_order():
        try:
            rows[extractor.table] = list(extractor.function()(doc, *(rows[need] for need in extractor.needs)))
        except Exception as error:  # noqa: BLE001 - reported as a problems row by analyze()
            rows[extractor.table] = []
            errors.append(f"{extractor.table}: {type(error).__name__}: {error}")
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
    tables = extractors.article_tables()
    merged: dict[str, list[dict]] = {name: [] for name in tables}
    sentences_before = 0
    for offset, n_sentences, rows in parts:
        for name in tables:
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
        failed: dict[str, list] = {name: [] for name in extractors.article_tables()}
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


def iter_rows(
    pairs: list[tuple[str, str]], *, model: str | None, n_process: int, batch_size: int | None
) -> Iterator[tuple[str, dict[str, list[dict]]]]:
    """Analyse ``(key, body)`` pairs here, or in ``n_process`` worker processes.

    Rows come back in the order of ``pairs`` unless a worker dies (then the articles it
    held come back later, see :func:`_iter_processes`).
    """
    n_process = worker_count(n_process)
    batch_size = whole_number("batch_size", batch_size)
    if n_process == 1 or len(pairs) < 2:
        # Batches of a few hundred articles: one nlp.pipe stream each (as fast as one long
        # stream), and a failure inside spaCy costs a retry of one batch, not the run.
        size = max(batch_size or 64, 256)
        for first in range(0, len(pairs), size):
            yield from _stream_texts(pairs[first : first + size], model, batch_size)
        return
    yield from _iter_processes(pairs, model=model, n_process=n_process, batch_size=batch_size)


def _stream_texts(pairs, model, batch_size):
    """:func:`analyze_texts`, each article yielded as soon as its rows are made (so progress
    moves per article, not per batch); on a failure inside spaCy, the articles not yet
    yielded go through :func:`analyze_texts`, which isolates the culprit."""
    done = 0
    try:
        for result in _parse_and_extract(load_model(model), pairs, batch_size):
            done += 1
            yield result
    except Exception:  # noqa: BLE001 - retried below, article by article where needed
        yield from analyze_texts(pairs[done:], model, batch_size)


def whole_number(name: str, value, *, minimum: int = 1) -> int | None:
    """``value`` checked as an optional whole number of at least ``minimum`` (None stays None).

    >>> whole_number("batch_size", 64), whole_number("batch_size", None)
    (64, None)
    >>> whole_number("batch_size", -1)
    Traceback (most recent call last):
    ...
    ValueError: batch_size=-1: give a whole number of at least 1 (or None for the default)
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name}={value!r}: give a whole number (an int), not a {type(value).__name__}")
    if value < minimum:
        raise ValueError(f"{name}={value!r}: give a whole number of at least {minimum} (or None for the default)")
    return int(value)


def worker_count(n_process) -> int:
    """The number of worker processes ``n_process`` asks for: -1 is one per CPU; capped at the CPUs.

    More workers than CPUs only share the same cores, each holding its own copy of the
    model: the count is capped at ``os.cpu_count()`` with a warning.

    >>> worker_count(1), worker_count(None)
    (1, 1)
    >>> worker_count("2")
    Traceback (most recent call last):
    ...
    TypeError: n_process='2': give a whole number of processes (1, 2, ..., or -1 for one per CPU), not a str
    """
    if n_process is None or (not isinstance(n_process, bool) and n_process == 0):
        return 1
    if isinstance(n_process, bool) or not isinstance(n_process, numbers.Integral):
        raise TypeError(f"n_process={n_process!r}: give a whole number of processes (1, 2, ..., or -1 for one "
                        f"per CPU), not a {type(n_process).__name__}")
    cpus = os.cpu_count() or 1
    if n_process == -1:
        return cpus
    if n_process < -1:
        raise ValueError(f"n_process={n_process}: give a number of processes of at least 1, or -1 for one per CPU")
    if n_process > cpus:
        warnings.warn(f"n_process={n_process}: this machine has {cpus} CPU(s); using {cpus} worker processes", stacklevel=3)
        return cpus
    return int(n_process)


def _iter_processes(pairs, *, model, n_process, batch_size):
    """Analyse ``pairs`` in ``n_process`` workers; a worker's death costs nothing but time.

    The extractors run in the workers too (not only spaCy, as nlp.pipe(n_process=...) would
    do): only small rows travel back, never Docs. At most two batches per worker are in
    flight, so memory stays flat however long the corpus. Workers end with this process
    (:func:`_worker_started`). When a worker dies (killed, out of memory, a crash in native
    code), the pool is replaced and the rest goes on; the articles it held are analysed
    again one at a time in a fresh one-worker pool, and an article whose worker dies again
    comes back with an ``"errors"`` row (a problems row in :func:`kit.analyze`).
    """
    import collections

    load_model(model)  # fail here, clearly, if the model is missing; forked workers inherit it
    size = batch_size or max(1, min(64, -(-len(pairs) // (4 * n_process))))
    todo = collections.deque(pairs[i : i + size] for i in range(0, len(pairs), size))
    suspects: list[tuple[str, str]] = []
    while todo:
        lost = yield from _run_pool(todo, n_process, 2 * n_process, model, batch_size)
        for batch in lost:
            suspects.extend(batch)
    alone = collections.deque([pair] for pair in suspects)
    while alone:
        lost = yield from _run_pool(alone, 1, 1, model, batch_size)
        for batch in lost:
            for key, _body in batch:
                yield key, _worker_died()


def _worker_died() -> dict[str, list]:
    failed: dict[str, list] = {name: [] for name in extractors.article_tables()}
    failed["errors"] = ["parsing: the worker process analysing this article died, twice (killed, out of "
                        "memory, or a crash in native code)"]
    return failed


def _run_pool(todo, workers: int, in_flight: int, model, batch_size):
    """Run batches from ``todo`` in one pool until it is done or a worker dies.

    Yields each finished article's ``(key, rows)``; returns the batches lost with a dead
    worker (those not yet started stay in ``todo``).
    """
    import collections
    import concurrent.futures
    import multiprocessing
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context()
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_worker_started, initargs=(os.getpid(),))
    pending: collections.deque = collections.deque()
    lost = []
    try:
        while todo or pending:
            while todo and len(pending) < in_flight:
                batch = todo.popleft()
                try:
                    pending.append((batch, pool.submit(analyze_texts, batch, model, batch_size)))
                except BrokenProcessPool:
                    lost.append(batch)
                    break
            if not pending:
                break
            batch, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                lost.append(batch)
                for batch, future in pending:  # the others in flight: finished, or lost too
                    if future.done() and not future.cancelled() and future.exception() is None:
                        yield from future.result()
                    else:
                        lost.append(batch)
                pending.clear()
                break
            yield from results
    finally:
        pool.shutdown(wait=not lost, cancel_futures=True)
    return lost


#: Seconds between a worker's checks that the process that started it is still alive.
WATCHDOG_SECONDS = 1.0


def _worker_started(parent: int) -> None:
    """In each worker: end with the parent, even when it is killed with -9.

    On Linux the kernel sends SIGKILL to the worker when its parent dies
    (``prctl(PR_SET_PDEATHSIG)``); elsewhere, and as a fallback, a daemon thread checks
    every second that the parent is still the same process.
    """
    import signal
    import sys
    import threading

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG = 1
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)

    def watch():
        while True:
            time.sleep(WATCHDOG_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="kit-parent-watchdog", daemon=True).start()
