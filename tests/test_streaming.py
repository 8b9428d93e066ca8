"""kit.analyze_to takes and refuses the same arguments as kit.analyze (both run kit.analysis.prepare)."""

from __future__ import annotations

import pandas as pd
import pytest

import kit
from kit.analysis import prepare

from conftest import SEED_FILE


def _articles(body="Officials in Moscow said on Monday that 100 experts had left Caracas."):
    return pd.DataFrame({"article_id": ["a1"], "body": [body]})


BAD_ARGUMENTS = [
    # (arguments, error, words of the message)
    ({"model": 3}, TypeError, "model= takes the name or folder"),
    ({"engine": "spark"}, ValueError, "engine='spark'"),
    ({"client": object()}, ValueError, "client= is for engine='dask'"),
    ({"batch_size": 0}, ValueError, "batch_size=0"),
    ({"batch_size": 2.5}, TypeError, "batch_size"),
    ({"max_chars": -1}, ValueError, "max_chars=-1"),
    ({"n_process": "2"}, TypeError, "n_process='2'"),
]


def _refusal(call):
    with pytest.raises(Exception) as raised:
        call()
    return type(raised.value), str(raised.value)


@pytest.mark.parametrize("arguments, error, words", BAD_ARGUMENTS)
def test_analyze_to_refuses_what_analyze_refuses(tmp_path, arguments, error, words):
    refused = _refusal(lambda: kit.analyze(_articles(), cache=False, progress=False, **arguments))
    out = tmp_path / "out"
    assert _refusal(lambda: kit.analyze_to(_articles(), out, cache=False, progress=False, **arguments)) == refused
    assert refused[0] is error and words in refused[1]
    assert not out.exists()  # refused before anything is written


@pytest.mark.parametrize(
    "corpus, words",
    [
        (["not", "a", "corpus"], "takes a kit.Corpus"),
        (pd.DataFrame({"article_id": ["a1"]}), "body"),
    ],
)
def test_analyze_to_refuses_what_is_not_a_corpus(tmp_path, corpus, words):
    refused = _refusal(lambda: kit.analyze(corpus, cache=False, progress=False))
    assert _refusal(lambda: kit.analyze_to(corpus, tmp_path / "out", cache=False, progress=False)) == refused
    assert words in refused[1]


@pytest.mark.parametrize(
    "body, max_chars, analysed, reason",
    [
        ("Officials in Moscow said.", None, "Officials in Moscow said.", None),
        ("Officials in Moscow said.", 9, "Officials", "only the first 9 were analysed"),
        ("Officials in Moscow said.", 25, "Officials in Moscow said.", None),
        (None, None, "", "has no text body"),  # a missing body is analysed as empty, and said
    ],
)
def test_prepare_cuts_long_bodies_and_reports_them(body, max_chars, analysed, reason):
    run = prepare(_articles(body), max_chars=max_chars)
    assert run.bodies == [analysed]
    reasons = run.problems.reason.tolist()
    assert len(reasons) == (reason is not None)
    assert reason is None or reason in reasons[0]


def test_analyze_to_writes_what_analyze_returns_for_an_article_cut_short(tmp_path):
    corpus = kit.read_corpus(SEED_FILE)
    expected = kit.analyze(corpus, cache=False, progress=False, max_chars=400)
    saved = kit.Analysis.load(kit.analyze_to(corpus, tmp_path / "out", cache=False, progress=False, max_chars=400))
    for name in ("mentions", "figures", "quotes", "problems"):
        pd.testing.assert_frame_equal(getattr(saved, name).reset_index(drop=True),
                                      getattr(expected, name).reset_index(drop=True), check_dtype=False)
    assert "only the first 400 were analysed" in saved.problems.reason.iloc[-1]
