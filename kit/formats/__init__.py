"""One module per input format; each turns text (or bytes) into article rows.

- :mod:`~kit.formats.encoding`: bytes to text (BOMs, UTF-16, code pages, mojibake, line ends)
- :mod:`~kit.formats.wire`: agency wire stories (header, headline, advisory, dateline, desk, issue)
  (datelines found by :mod:`~kit.formats.datelines`)
- :mod:`~kit.formats.plaintext`: first line headline, the rest body
- :mod:`~kit.formats.jsonrecords`: JSON and JSON Lines; :mod:`~kit.formats.csvfile`: CSV/TSV;
  both map fields to columns through :mod:`~kit.formats.records`
- :mod:`~kit.formats.html`: web pages through trafilatura; :mod:`~kit.formats.newsml`: NewsML-G2
- :mod:`~kit.formats.archive`: zip, tar, gzip, bz2 and xz, in memory, within limits
- :mod:`~kit.formats.language`: a cheap guess of the language
- :mod:`~kit.formats.registry`: the list of formats and how each is recognised (add one here)
- :mod:`~kit.formats.reader`: dispatch through the registry, safe opening, time budget
  (:mod:`~kit.formats.budget`); :mod:`~kit.formats.paths`: globs, folder walks, links, names;
  :mod:`~kit.formats.versions`: story versions across files

A reader yields plain dicts (columns of the ``articles`` table, plus
``position`` when the file holds several records) and :class:`Problem` objects
for records it could not read. :mod:`kit.corpus` adds ``source`` and
``article_id`` and conforms the rows to the table contract.

>>> from kit.formats import Problem
>>> Problem("line is not JSON", line=3).reason
'line is not JSON'
"""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass
class Problem:
    """A record (or a whole file) that could not be read, and why, in plain words."""

    reason: str
    line: int | None = None
    #: suffix naming the record inside the file (``#3``, ``!entry.txt``), if any
    position: str | None = None


@dataclasses.dataclass
class Skip:
    """A reader's verdict that a whole file is not a corpus (e.g. annotations), and why (``Corpus.skipped``)."""

    reason: str
