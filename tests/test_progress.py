"""kit.progress: counts per item from the first one, names the stage, gives a time left only when it can."""

from __future__ import annotations

import io

import pytest

from kit import progress
from kit.progress import Progress, eta_text


@pytest.mark.parametrize(
    "done, total, elapsed, expected",
    [
        (0, 294, 0.5, "estimating time left"),      # nothing done yet: no promise
        (1, 294, 40.0, "about 3.3 h left"),          # one slow first article after 40 s: said, once time has passed
        (1, 294, 1.0, "estimating time left"),       # one article in a second: too early
        (3, 294, 6.0, "about 10 min left"),
        (147, 294, 30.0, "about 30 s left"),
        (294, 294, 60.0, ""),
        (290, 294, 60.0, "about 5 s left"),          # never "0 s left" while work remains
    ],
)
def test_time_left(done, total, elapsed, expected):
    assert eta_text(done, total, elapsed) == expected


def test_cached_items_do_not_count_towards_the_rate(monkeypatch):
    clock = iter([0.0, 10.0, 10.0, 10.0, 10.0])
    monkeypatch.setattr(progress.time, "monotonic", lambda: next(clock))
    bar = Progress(100, initial=90, enabled=False)
    bar.update(5)
    assert bar.done == 95
    assert eta_text(bar.done - bar.initial, bar.total - bar.initial, 10.0) == "about 10 s left"


def test_the_bar_counts_each_item_as_it_comes_and_names_the_stage(monkeypatch):
    from tqdm import tqdm

    out = io.StringIO()
    monkeypatch.setattr("tqdm.auto.tqdm", lambda *a, **k: tqdm(*a, file=out, **k))
    seen = []
    with Progress(25, stage="parsing") as bar:
        assert "parsing" in out.getvalue() and "0/25" in out.getvalue()  # drawn before the first item
        for item in bar.wrap(range(25)):
            seen.append(bar.done)
        bar.stage("resolving")
        assert "resolving" in out.getvalue()
    assert seen == list(range(25))
    assert "25/25" in out.getvalue()


def test_few_items_draw_no_bar(monkeypatch):
    monkeypatch.setattr("tqdm.auto.tqdm", lambda *a, **k: pytest.fail("no bar for 3 items"))
    with Progress(3) as bar:
        list(bar.wrap("abc"))
    assert bar.done == 3
