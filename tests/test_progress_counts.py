"""analyze()'s progress counts each article as it is done, from the first one (not per batch)."""

import pandas as pd

import kit
from kit import pipeline, progress


def test_each_article_is_counted_as_soon_as_its_rows_are_made(monkeypatch):
    made, counted_when = [], []
    original = pipeline._parse_and_extract

    def watched(nlp, pairs, batch_size):
        for item in original(nlp, pairs, batch_size):
            made.append(item[0])
            yield item

    def update(self, count=1):
        counted_when.append(len(made))
        self.done += count

    monkeypatch.setattr(pipeline, "_parse_and_extract", watched)
    monkeypatch.setattr(progress.Progress, "update", update)
    articles = pd.DataFrame({
        "article_id": [f"a{i}" for i in range(30)],
        "body": [f"Story {i}. Russia said {i + 2} experts had left Caracas." for i in range(30)],
    })
    kit.analyze(articles, cache=False, progress=True)
    # the bar moved after the first article, not after a whole batch of them
    assert counted_when == list(range(1, 31))
