"""The house rules of kit/'s layout, checked: small modules, short functions, word lists as data.

A newcomer should find one question per package and code short enough to read in one
sitting. An exception is listed here with its reason, so that it is a decision, not drift.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

KIT = Path(__file__).resolve().parents[1] / "kit"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80
#: module or "module:function" -> why it may be longer
EXCEPTIONS: dict[str, str] = {
}
#: a literal set/list/dict of this many lower-case words in code is a word list: it belongs in kit/lexicon/
MAX_WORDS_IN_CODE = 12

DTYPE = re.compile(r"^(string|object|bool|boolean|u?int\d+|Int\d+|float\d+|Float\d+|datetime64\[ns(, UTC)?\]|category)$")

MODULES = sorted(p for p in KIT.rglob("*.py") if "__pycache__" not in p.parts)


def _name(path: Path) -> str:
    return str(path.relative_to(KIT.parent))


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_modules_are_short(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES or _name(path) in EXCEPTIONS, f"{_name(path)} has {lines} lines"


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_functions_are_short(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
        and f"{_name(path)}:{node.name}" not in EXCEPTIONS
    ]
    assert long == []


def _word_list_literals(tree) -> list[int]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        elif isinstance(node, ast.Dict):
            if all(isinstance(v, ast.Constant) and isinstance(v.value, str) and DTYPE.match(v.value) for v in node.values):
                continue  # a table's columns and their dtypes (kit.tables), not words
            words = [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
        else:
            continue
        if sum(bool(re.fullmatch(r"[a-z][a-z.'-]*", w)) for w in words) > MAX_WORDS_IN_CODE:
            found.append(node.lineno)
    return found


def _split_strings(tree) -> list[int]:
    """ "a b c ... z".split(): a word list written as one string."""
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"
                and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)
                and len(node.func.value.value.split()) > MAX_WORDS_IN_CODE):
            found.append(node.lineno)
    return found


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_word_lists_live_in_the_lexicon(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = sorted(set(_word_list_literals(tree) + _split_strings(tree)))
    assert lines == [], f"{_name(path)}: word lists in code at lines {lines}: move them to kit/lexicon/"


def test_each_word_list_is_defined_once():
    from kit import lexicon

    seen: dict[frozenset, str] = {}
    for name in sorted(lexicon.names()):
        words = lexicon.words(name)
        assert words, f"kit/lexicon/{name}.txt is empty"
        assert words not in seen, f"kit/lexicon/{name}.txt repeats {seen.get(words)}.txt"
        seen[words] = name
