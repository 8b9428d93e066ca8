"""Progress that moves from the first second: per-article counts, stage names, a sane ETA.

One bar for a long job (a notebook widget in Jupyter, a text line in a terminal):
it names the stage (``reading``, ``parsing``, ``resolving``), counts articles as
each one finishes (not per batch), and gives a time left only once it can be
estimated (a few articles done, or a few seconds gone), from the average rate of
this run: cached articles counted at the start do not make it look fast, and the
first slow article (the model loading) does not make it promise hours.

>>> with Progress(4, enabled=False) as bar:
...     items = list(bar.wrap(range(4)))
...     bar.stage("resolving")
>>> bar.done, bar.stage_name
(4, 'resolving')
>>> eta_text(done=10, total=40, elapsed=40.0)
'about 2 min left'
>>> eta_text(done=1, total=40, elapsed=2.0)
'estimating time left'
"""

from __future__ import annotations

import time
from typing import Iterable, Iterator, TypeVar

STAGES = ("reading", "parsing", "resolving")
#: Fewer items than this: no bar (a bar for three articles is noise).
MIN_TOTAL = 20
#: A time left is given after this many items or this many seconds, whichever comes first.
ETA_AFTER_ITEMS = 3
ETA_AFTER_SECONDS = 5.0

T = TypeVar("T")


def eta_text(done: int, total: int, elapsed: float) -> str:
    """``'about 40 s left'``, ``'about 3 min left'``; ``'estimating time left'`` until it can be said.

    ``done`` counts the items finished in this run only (not the cached ones).

    >>> eta_text(done=0, total=10, elapsed=60.0)
    'estimating time left'
    >>> eta_text(done=5, total=5, elapsed=9.0)
    ''
    >>> eta_text(done=30, total=60, elapsed=30.0)
    'about 30 s left'
    >>> eta_text(done=3, total=3000, elapsed=3.0)
    'about 50 min left'
    """
    left = total - done
    if left <= 0:
        return ""
    if done <= 0 or (done < ETA_AFTER_ITEMS and elapsed < ETA_AFTER_SECONDS):
        return "estimating time left"
    seconds = elapsed / done * left
    if seconds < 90:
        return f"about {max(5, int(round(seconds / 5.0)) * 5)} s left"
    if seconds < 90 * 60:
        return f"about {int(round(seconds / 60))} min left"
    return f"about {seconds / 3600:.1f} h left"


class Progress:
    """A progress bar with a stage name, updated per item; a context manager.

    ``total`` items in all, ``initial`` of them already done (from a cache).
    ``enabled=False`` (or fewer than :data:`MIN_TOTAL` items) counts without drawing.
    """

    def __init__(self, total: int, *, initial: int = 0, stage: str = "parsing", unit: str = "article",
                 enabled: bool = True, min_total: int = MIN_TOTAL):
        self.total, self.initial, self.done = int(total), int(initial), int(initial)
        self.stage_name = stage
        self.started = time.monotonic()
        self._bar = None
        if enabled and total >= min_total:
            from tqdm.auto import tqdm

            self._bar = tqdm(total=self.total, initial=self.initial, unit=unit, desc=stage, mininterval=0.2,
                             bar_format="{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} {unit}s "
                                        "[{elapsed}{postfix}]")
            self._show()

    def _show(self) -> None:
        if self._bar is None:
            return
        self._bar.set_description_str(self.stage_name, refresh=False)
        eta = eta_text(self.done - self.initial, self.total - self.initial, time.monotonic() - self.started)
        self._bar.set_postfix_str(eta, refresh=False)
        self._bar.refresh()

    def stage(self, name: str) -> None:
        """Name the stage now running (``reading``, ``parsing``, ``resolving`` or any short word)."""
        self.stage_name = name
        self._show()

    def update(self, count: int = 1) -> None:
        """``count`` more items finished."""
        self.done += count
        if self._bar is not None:
            self._bar.update(count)
            self._show()

    def wrap(self, items: Iterable[T]) -> Iterator[T]:
        """Yield ``items``, counting each one as it comes."""
        for item in items:
            yield item
            self.update(1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.set_postfix_str("", refresh=False)
            self._bar.close()
            self._bar = None

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
