"""The per-article step of every engine: parse bodies once, run the extractors, keep plain rows.

``analyze_texts`` is the unit of work: a batch of ``(key, body)`` pairs in, ``(key, rows)``
out, in the same order, with no spaCy Doc kept. Long bodies are parsed in pieces
(:func:`split_long_body`) whose rows are put back into the article's offsets.
``iter_rows`` runs it here or in worker processes; ``kit.engine_dask`` runs it on a cluster.
"""

from __future__ import annotations

import os
from typing import Iterator

from spacy.tokens import Doc

from kit import extractors
from kit.nlp import load_model, stream_docs


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
