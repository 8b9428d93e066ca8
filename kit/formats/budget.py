"""A time budget around one reader: a runaway file becomes a problem row, not a hang.

Readers are meant to be linear, but a parser we do not own (trafilatura on
link-dense HTML, a regex on a pathological line) may not be. The budget is CPU
time of this process (not the wall clock, which a busy shared machine stretches):
:func:`time_budget` arms a ``SIGPROF`` timer (main thread, POSIX) that raises
:class:`OutOfTime` inside the reader; a profiling timer someone else armed is put
back as it was, minus the time spent. Elsewhere (a worker thread, Windows) the
budget is checked between the records a reader yields (:meth:`Budget.check`).

>>> with time_budget(0.05) as budget:
...     try:
...         while True:
...             _ = sum(range(1000))
...     except OutOfTime:
...         print("stopped")
stopped
"""

from __future__ import annotations

import _signal
import signal
import threading
import time


class OutOfTime(BaseException):
    """The reader ran past its time budget (a BaseException, so that readers' ``except Exception`` let it through)."""


class Budget:
    def __init__(self, seconds: float, *, timed: bool = False):
        self.seconds = seconds
        self.started = time.process_time()
        #: a timer will interrupt the reader: checks between records are not needed
        self.timed = timed

    def spent(self) -> float:
        return time.process_time() - self.started

    def check(self) -> None:
        if not self.timed and self.spent() > self.seconds:
            raise OutOfTime


class time_budget:
    """Run the block within ``seconds`` of CPU time (None or <= 0: no limit); raises :class:`OutOfTime` past it.

    ``with time_budget(seconds) as budget:`` (a class, not a generator: it is entered once per file read).
    """

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.usable = False

    def __enter__(self) -> Budget:
        seconds = self.seconds
        budget = self.budget = Budget(seconds if seconds and seconds > 0 else float("inf"))
        self.usable = bool(seconds and seconds > 0 and hasattr(signal, "setitimer")
                           and threading.current_thread() is threading.main_thread())
        if not self.usable:
            return budget
        budget.timed = True

        def expired(number, frame):
            if budget.spent() >= budget.seconds * 0.99:
                raise OutOfTime
            # The earlier timer of someone else came first: hand it on, then re-arm ours.
            self.previous_delay = 0
            signal.setitimer(signal.ITIMER_PROF, max(budget.seconds - budget.spent(), 0.001))
            if callable(self.previous_handler):
                self.previous_handler(number, frame)

        # _signal's functions, not signal's: the wrappers turn every handler into an enum, a
        # tenth of the cost of reading a small file.
        self.previous_handler = _signal.signal(signal.SIGPROF, expired)
        self.previous_delay, self.previous_interval = signal.setitimer(signal.ITIMER_PROF, seconds)
        if self.previous_delay and self.previous_delay < seconds:
            signal.setitimer(signal.ITIMER_PROF, self.previous_delay)
        return budget

    def __exit__(self, *exc_info) -> bool:
        if self.usable:
            signal.setitimer(signal.ITIMER_PROF, 0)
            _signal.signal(signal.SIGPROF, self.previous_handler)
            if self.previous_delay:
                signal.setitimer(signal.ITIMER_PROF, max(self.previous_delay - self.budget.spent(), 0.001),
                                 self.previous_interval)
        return False
