"""A time budget around one reader: a runaway file becomes a problem row, not a hang.

Readers are meant to be linear, but a parser we do not own (trafilatura on
link-dense HTML, a regex on a pathological line) may not be. :func:`time_budget`
arms a ``SIGALRM`` timer (main thread, POSIX) that raises :class:`OutOfTime`
inside the reader; a timer someone else armed (pytest-timeout, a notebook's) is
put back as it was, minus the time spent. Elsewhere (a worker thread, Windows)
the budget is checked between the records a reader yields (:meth:`Budget.check`).

>>> import time
>>> with time_budget(0.05) as budget:
...     try:
...         while True:
...             time.sleep(0.01)
...     except OutOfTime:
...         print("stopped")
stopped
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time


class OutOfTime(BaseException):
    """The reader ran past its time budget (a BaseException, so that readers' ``except Exception`` let it through)."""


class Budget:
    def __init__(self, seconds: float):
        self.seconds = seconds
        self.started = time.monotonic()

    def check(self) -> None:
        if time.monotonic() - self.started > self.seconds:
            raise OutOfTime


@contextlib.contextmanager
def time_budget(seconds: float | None):
    """Run the block within ``seconds`` (None or <= 0: no limit); raises :class:`OutOfTime` past it."""
    budget = Budget(seconds if seconds and seconds > 0 else float("inf"))
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield budget
        return

    def expired(number, frame):
        nonlocal previous_delay
        if time.monotonic() - budget.started >= budget.seconds * 0.999:
            raise OutOfTime
        # The earlier timer of someone else came first: hand it on, then re-arm ours.
        previous_delay = 0
        signal.setitimer(signal.ITIMER_REAL, max(budget.seconds - (time.monotonic() - budget.started), 0.001))
        if callable(previous_handler):
            previous_handler(number, frame)

    previous_handler = signal.signal(signal.SIGALRM, expired)
    previous_delay, previous_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    if previous_delay and previous_delay < seconds:
        signal.setitimer(signal.ITIMER_REAL, previous_delay)
    try:
        yield budget
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay:
            left = previous_delay - (time.monotonic() - budget.started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), previous_interval)
