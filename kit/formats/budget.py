"""A time budget around one reader: a runaway file becomes a problem row, not a hang.

Readers are meant to be linear, but a parser we do not own (trafilatura on
link-dense HTML, a regex on a pathological line) may not be. The budget is CPU
time of this process (not the wall clock, which a busy shared machine stretches):
:func:`time_budget` arms a ``SIGPROF`` timer (main thread, POSIX) that raises
:class:`OutOfTime` inside the reader; a profiling timer someone else armed is put
back as it was, minus the time spent. Elsewhere (a worker thread, Windows) the
budget is checked between the records a reader yields (:meth:`Budget.check`).

Reading many files, a :class:`Session` sets the handler once (``with Session() as session:``) and
each file's ``time_budget(seconds, session)`` then costs a clock reading, not four system calls:
the timer stays armed for the earliest deadline, and when it fires the handler looks at the
file being read at that moment.

>>> with Session() as session:
...     with time_budget(0.05, session):
...         _ = sum(range(1000))           # a quick file
...     with time_budget(0.05, session):
...         try:
...             while True:
...                 _ = sum(range(1000))   # a runaway one
...         except OutOfTime:
...             print("stopped")
stopped

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

    def __init__(self, seconds: float | None, session: Session | None = None):
        self.seconds = seconds
        self.usable = False
        self.session = session if session is not None and session.active else None

    def __enter__(self) -> Budget:
        seconds = self.seconds
        if self.session is not None:
            return self.session.start(seconds)
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
        if self.session is not None:
            self.session.current = None
            return False
        if self.usable:
            signal.setitimer(signal.ITIMER_PROF, 0)
            _signal.signal(signal.SIGPROF, self.previous_handler)
            if self.previous_delay:
                signal.setitimer(signal.ITIMER_PROF, max(self.previous_delay - self.budget.spent(), 0.001),
                                 self.previous_interval)
        return False


class Session:
    """One ``SIGPROF`` handler for the budgets of many files (main thread, POSIX; elsewhere the
    budgets check between records as without it). ``time_budget(seconds, session)`` starts a file's
    budget; the timer is re-armed only when this file's deadline comes before the one it is armed
    for, and when it fires the file then being read is stopped if it is past its budget (else the
    timer is armed again for that file's deadline). A timer someone else armed is handed on when
    it expires, and put back on leaving, minus the time spent."""

    def __init__(self):
        self.active = False
        self.current: Budget | None = None
        #: the process time our timer fires at (None: not armed)
        self.fires_at: float | None = None
        #: the process time the timer someone else armed fires at, and its interval
        self.previous_at: float | None = None
        self.previous_interval = 0.0
        self.previous_handler = None

    def __enter__(self) -> Session:
        if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
            self.previous_handler = _signal.signal(signal.SIGPROF, self._expired)
            delay, self.previous_interval = signal.setitimer(signal.ITIMER_PROF, 0)
            now = time.process_time()
            self.previous_at = now + delay if delay else None
            self.fires_at = None
            self.active = True
            if self.previous_at is not None:
                self._arm(self.previous_at, now)
        return self

    def __exit__(self, *exc_info) -> bool:
        if self.active:
            self.active = False
            self.current = None
            signal.setitimer(signal.ITIMER_PROF, 0)
            _signal.signal(signal.SIGPROF, self.previous_handler)
            if self.previous_at is not None:
                signal.setitimer(signal.ITIMER_PROF, max(self.previous_at - time.process_time(), 0.001),
                                 self.previous_interval)
        return False

    def start(self, seconds: float | None) -> Budget:
        """The budget of the file read from now on (``time_budget(seconds, session)`` calls this)."""
        timed = bool(seconds and seconds > 0)
        budget = Budget(seconds if timed else float("inf"), timed=timed)
        if timed:
            deadline = budget.started + seconds
            if self.previous_at is not None:
                deadline = min(deadline, self.previous_at)
            if self.fires_at is None or self.fires_at > deadline:
                self._arm(deadline, budget.started)
        self.current = budget
        return budget

    def _arm(self, at: float, now: float) -> None:
        self.fires_at = at
        signal.setitimer(signal.ITIMER_PROF, max(at - now, 0.001))

    def _expired(self, number, frame):
        now = time.process_time()
        self.fires_at = None
        hand_on = None
        if self.previous_at is not None and now >= self.previous_at - 0.001:
            hand_on = self.previous_handler
            self.previous_at = now + self.previous_interval if self.previous_interval else None
        budget = self.current
        if budget is not None and budget.timed and now - budget.started >= budget.seconds * 0.99:
            self.current = None
            if self.previous_at is not None:
                self._arm(self.previous_at, now)
            if callable(hand_on):
                hand_on(number, frame)
            raise OutOfTime
        deadlines = [at for at in (budget.started + budget.seconds if budget is not None and budget.timed else None,
                                   self.previous_at) if at is not None]
        if deadlines:
            self._arm(min(deadlines), now)
        if callable(hand_on):
            hand_on(number, frame)
