"""The bundled corpus's tables are exactly those recorded in tests/data/bundled_digests.json.

A move of code (a new layout, a word list taken out into a file) must leave every
table as it was; a change of results regenerates the file on purpose
(``python tests/digest_tables.py``) in the commit that makes it.
"""

import json

import pytest

from digest_tables import DIGESTS, table_digests


@pytest.mark.slow
def test_bundled_tables_match_their_recorded_digests(bundled_analysis):
    recorded = json.loads(DIGESTS.read_text(encoding="utf-8"))
    assert table_digests(bundled_analysis) == recorded
