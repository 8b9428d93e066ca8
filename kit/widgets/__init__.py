"""Interactive explorers of an analysis (ipywidgets 8), built on its tables alone.

>>> import kit
>>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
>>> reader = kit.widgets.ArticleReader(result)      # read articles, annotations highlighted
>>> actors = kit.widgets.ActorExplorer(result)      # top actors, network, over time, in context
>>> figures = kit.widgets.FigureExplorer(result)    # every figure, values, claims compared
>>> quotes = kit.widgets.QuoteExplorer(result)      # who is quoted, how, in context
>>> path = quotes.save_csv("out/quotes.csv")        # every explorer: .selection and .save_csv()

Each explorer is an ``ipywidgets.VBox``: display it as the last line of a cell.
Its controls are attributes (``actors.kind.value = "person"`` works from code), its
logic lives in :mod:`kit.widgets.selection` (plain functions, tested without a
browser), and the HTML it shows comes from :mod:`kit.render` (always escaped).
"""

from kit.widgets.article_reader import ArticleReader
from kit.widgets.actor_explorer import ActorExplorer
from kit.widgets.figure_explorer import FigureExplorer
from kit.widgets.quote_explorer import QuoteExplorer

__all__ = ["ArticleReader", "ActorExplorer", "FigureExplorer", "QuoteExplorer"]
