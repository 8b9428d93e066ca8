"""ArticleReader: pick an article, read it with its actors, figures and quotes highlighted."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import pandas as pd

from kit import render
from kit.widgets.explorer import Explorer, dropdown, month_slider
from kit.widgets.selection import (
    ALL, MAX_ROWS, Keywords, Periods, article_label, count_note, counted_options, equals_mask, rows_by_article,
    TextIndex,
)


class ArticleReader(Explorer):
    """Read one article at a time, its annotations highlighted.

    Controls (attributes you can also set from code):

    - ``search``: words that must all appear in the headline;
    - ``article``: the article shown (a dropdown of the matching articles, at most 200);
    - ``dates``: a range of months; ``outlet`` and ``keyword``: dropdowns;
    - ``show_actors``, ``show_figures``, ``show_quotes``: a checkbox per highlight layer.

    ``text`` is the HTML of the article (metadata, legend, highlighted body); hovering
    a highlight shows the resolved actor, the value or bounds, or the speaker.
    ``selection`` is the table of matching articles; ``annotations`` the shown
    article's highlights as rows.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> reader = kit.widgets.ArticleReader(result)
    >>> "kit-article-text" in reader.text.value
    True
    >>> reader.show_quotes.value = False
    >>> "kit-quote" in reader.text.value
    False
    """

    def __init__(self, analysis, **kwargs):
        super().__init__(**kwargs)
        self.analysis = analysis
        self.articles = analysis.articles.reset_index(drop=True)
        articles = self.articles
        # Indexes built once: every later change is masks over these arrays.
        self._periods = Periods(articles["published"])
        self._keywords = Keywords(articles["keywords"] if "keywords" in articles else pd.Series([None] * len(articles)))
        self._labels = [article_label(p, o, h) for p, o, h in
                        zip(articles["published"], articles["outlet"], articles["headline"])]
        self._order = articles.sort_values("published", ascending=False, na_position="last", kind="stable").index.to_numpy()
        self._headline_index = TextIndex(articles["headline"])
        self._position = {article_id: i for i, article_id in enumerate(articles["article_id"])}
        self._tables = {name: getattr(analysis, name) for name in ("mentions", "figures", "quotes")}
        self._by_article = {name: rows_by_article(table) for name, table in self._tables.items()}
        self._actors = render.actors_index(analysis.actors)
        self._matching = np.arange(len(articles))

        self.search = widgets.Text(placeholder="words in the headline", description="search",
                                   continuous_update=False, layout=widgets.Layout(width="260px"))
        self.article = dropdown("article", [], width="640px")
        self.article.add_class("kit-article-choice")  # a stable handle for browser tests and user CSS
        self.dates = month_slider(self._periods)
        self.outlet = dropdown("outlet", counted_options(articles["outlet"]))
        self.keyword = dropdown("keyword", self._keywords.options())
        self.show_actors = widgets.Checkbox(value=True, description="actors", indent=False, layout=widgets.Layout(width="90px"))
        self.show_figures = widgets.Checkbox(value=True, description="figures", indent=False, layout=widgets.Layout(width="90px"))
        self.show_quotes = widgets.Checkbox(value=True, description="quotes", indent=False, layout=widgets.Layout(width="90px"))
        self.count = widgets.HTML()
        self.text = widgets.HTML()
        self.text.add_class("kit-article-view")

        # The article dropdown is the reader's first <select>: the browser tests rely on it.
        self.children = [
            widgets.HBox([self.search, self.article]),
            widgets.HBox([self.dates, self.outlet, self.keyword]),
            widgets.HBox([widgets.HTML("highlight:&nbsp;"), self.show_actors, self.show_figures, self.show_quotes, self.count]),
            self.text,
        ]
        self.add_class("kit-article-reader")
        self.watch([self.search, self.dates, self.outlet, self.keyword], self.refresh)
        self.watch([self.article, self.show_actors, self.show_figures, self.show_quotes], self.draw)
        self.refresh()

    # --- selection -------------------------------------------------------------------------

    def matching_positions(self) -> np.ndarray:
        """Row positions of the articles that match the filters, newest first."""
        first, last = self.dates.index if len(self._periods) else (0, 0)
        mask = (
            self._headline_index.mask(self.search.value)
            & equals_mask(self.articles["outlet"], self.outlet.value)
            & self._keywords.mask(self.keyword.value)
        )
        if len(self._periods):
            mask &= self._periods.mask(first, last)
        return self._order[mask[self._order]]

    def compute_selection(self) -> pd.DataFrame:
        return self.articles.iloc[self._matching].reset_index(drop=True)

    @property
    def article_id(self) -> str | None:
        """The id of the article shown (None when no article matches)."""
        return self.article.value

    def show_article(self, article_id: str) -> None:
        """Show this article, clearing the filters if they hide it."""
        if article_id not in self._position:
            raise KeyError(f"no article with article_id {article_id!r} in this analysis")
        if article_id not in {value for _, value in self.article.options}:
            self._set_quietly(self.search, value="")
            self._set_quietly(self.outlet, value=ALL)
            self._set_quietly(self.keyword, value=ALL)
            if len(self._periods):
                self._set_quietly(self.dates, index=(0, len(self._periods) - 1))
            self.refresh()
            if article_id not in {value for _, value in self.article.options}:
                options = [(self._labels[self._position[article_id]], article_id)] + list(self.article.options)
                self._set_quietly(self.article, options=options)
        if self.article.value == article_id:
            self.draw()  # the quiet changes above may have selected it already: no change event comes
        else:
            self.article.value = article_id

    @property
    def shown_layers(self) -> tuple[str, ...]:
        flags = {"actors": self.show_actors.value, "figures": self.show_figures.value, "quotes": self.show_quotes.value}
        return tuple(layer for layer in render.LAYERS if flags[layer])

    def article_rows(self, name: str, article_id: str) -> pd.DataFrame:
        """The rows of table ``name`` (mentions, figures, quotes) of one article."""
        positions = self._by_article[name].get(article_id)
        table = self._tables[name]
        return table.iloc[positions] if positions is not None else table.iloc[0:0]

    def markup(self) -> list[dict]:
        """The shown article's segments (see :func:`kit.render.article_markup`)."""
        if self.article_id is None:
            return []
        position = self._position[self.article_id]
        body = self.articles.at[position, "body"]
        body = body if isinstance(body, str) else ""
        spans = render.span_annotations(
            body, self.article_rows("mentions", self.article_id), self.article_rows("figures", self.article_id),
            self.article_rows("quotes", self.article_id), self._actors, show=self.shown_layers)
        return render.segments_of(body, spans)

    @property
    def annotations(self) -> pd.DataFrame:
        """The highlights of the shown article: layer, role, start, end, text, label, title."""
        seen, rows = set(), []
        for segment in self.markup():
            for annotation in segment["annotations"]:
                key = (annotation["layer"], annotation["role"], annotation["start"], annotation["end"], annotation["title"])
                if key not in seen:
                    seen.add(key)
                    rows.append(annotation)
        frame = pd.DataFrame(rows, columns=["layer", "role", "start", "end", "label", "title"])
        if self.article_id is not None and len(frame):
            body = self.articles.loc[self.articles["article_id"] == self.article_id, "body"].iloc[0]
            frame.insert(4, "text", [body[s:e] for s, e in zip(frame["start"], frame["end"])])
        return frame.sort_values(["start", "layer"]).reset_index(drop=True)

    # --- drawing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Apply the filters: new article list, then draw the chosen article."""
        self._matching = self.matching_positions()
        shown = self._matching[:MAX_ROWS]
        ids = self.articles["article_id"].to_numpy()
        options = [(self._labels[p], ids[p]) for p in shown]
        current = self.article.value
        value = current if current in {v for _, v in options} else (options[0][1] if options else None)
        self._set_quietly(self.article, options=options, value=value)
        self.count.value = count_note(len(self._matching), len(shown), "article")
        self.draw()

    def draw(self) -> None:
        """Draw the chosen article with the chosen layers."""
        if self.article_id is None:
            self.text.value = '<div class="kit-article-text"><p>No article matches the filters.</p></div>'
            return
        position = self._position[self.article_id]
        article = self.articles.iloc[position].to_dict()
        self.text.value = render.render_markup(article, self.markup(), self.shown_layers)
