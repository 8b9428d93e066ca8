"""One module per input format; each turns text (or bytes) into article rows.

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
