"""The extractor registry: a new extractor is one module and one register() call."""

import pandas as pd
import pytest

import kit
from kit import cache, extractors, render
from kit.tables import COLUMNS

LOCATIONS = extractors.Extractor(
    table="locations",
    find="example_extractor:find_locations",
    columns={"article_id": "string", "start": "int64", "end": "int64", "text": "string", "label": "string"},
    layer=extractors.Layer("locations", "kit-location", "#ffd8a8", "place", "example_extractor:location_spans"),
)


@pytest.fixture
def with_locations():
    extractors.register(LOCATIONS)
    yield
    extractors.unregister("locations")
    COLUMNS.pop("locations", None)


def test_the_built_in_extractors_run_in_the_order_their_needs_ask():
    assert extractors.article_tables() == ("mentions", "figures", "quotes")
    assert extractors.get("quotes").needs == ("mentions",)


def test_a_registered_extractor_gives_its_own_table_and_layer(with_locations, tmp_path):
    articles = pd.DataFrame({"article_id": ["a"], "body": ["Russia sent experts to Caracas, the capital of Venezuela."]})
    result = kit.analyze(articles, cache=tmp_path / "cache", progress=False)
    assert set(result.locations.text) >= {"Caracas", "Venezuela"}
    assert list(result.locations.columns) == list(LOCATIONS.columns)
    html = render.render_article(result, "a")
    assert 'class="kit-location"' in html and "place" in html
    saved = kit.Analysis.load(result.save(tmp_path / "out"))
    assert saved.locations.text.tolist() == result.locations.text.tolist()


def test_registering_an_extractor_changes_the_cache_key(with_locations):
    assert "example_extractor" in cache._roots()


def test_an_extractor_needing_an_unknown_table_is_refused():
    with pytest.raises(ValueError, match="needs"):
        extractors.register(extractors.Extractor("claims", "x:y", columns={}, needs=("sentiments",)))


def test_the_code_fingerprint_follows_imports_not_a_hand_list():
    files = cache.fingerprinted_files()
    assert "kit/pipeline.py" in files and any(f.startswith("kit/lexicon/") for f in files)
    for presentation in ("kit/report.py", "kit/cli.py", "kit/corpus.py"):
        assert presentation not in files
    assert not any(f.startswith(("kit/plots/", "kit/widgets/", "kit/formats/", "kit/templates/")) for f in files)
