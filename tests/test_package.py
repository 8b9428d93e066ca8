"""The package as a user meets it: importable from anywhere, its public API, its docstring examples."""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys

import pytest

PUBLIC = ["read_corpus", "Corpus", "analyze", "Analysis", "actors", "figures", "quotes", "plots", "widgets"]
DOCTESTED = [
    "kit.tables", "kit.evaluation", "kit.exercises", "kit.figures", "kit.quotes", "kit.actors", "kit.corpus",
    "kit.formats.wire", "kit.formats.encoding", "kit.formats.records", "kit.formats.archive", "kit.formats.jsonrecords",
    "kit.formats.html",
]


def test_kit_imports_from_outside_the_repository(tmp_path):
    """An editable install must resolve to the package, not to a namespace of the same name."""
    done = subprocess.run(
        [sys.executable, "-c", "import kit; print(kit.__file__); kit.read_corpus; kit.analyze"],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("__init__.py")


@pytest.mark.parametrize("name", PUBLIC)
def test_public_api(name):
    import kit

    assert getattr(kit, name) is not None


@pytest.mark.parametrize("module", DOCTESTED)
def test_docstring_examples_run(module):
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
