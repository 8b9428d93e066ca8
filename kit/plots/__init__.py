"""Charts of the analysis tables: plotly for exploring, matplotlib for print and slides.

Every chart is a plain function taking an :class:`kit.Analysis` (or the table it
needs) and returning a plotly ``Figure``; ``engine="matplotlib"`` returns a
matplotlib ``Figure`` drawn from the same data. Each chart's data comes from a
``*_table`` function you can call yourself to see the numbers behind the picture.

>>> import kit
>>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
>>> figure = kit.plots.top_actors(result, n=5)
>>> figure.layout.title.text
'Most mentioned actors'
>>> figure = kit.plots.top_actors(result, n=5, engine="matplotlib")
>>> type(figure).__name__
'Figure'

Labels drawn by plotly are HTML-escaped: plotly reads a small HTML subset in its
text, and a name like ``<img src=x onerror=...>`` must show as text.

The charts are kept per question, as the analysis is: :mod:`kit.plots.actors`,
:mod:`kit.plots.figures` and :mod:`kit.plots.quotes`, with what they share in
:mod:`kit.plots.base`. Every chart is importable from here.
"""

from kit.plots.actors import (actor_graph, actor_network, draw_network, draw_over_time, mentions_over_time,
                              mentions_over_time_table, top_actors, top_actors_table, NETWORK_LABELS)
from kit.plots.base import (ENGINES, KIND_COLOURS, OTHER_COLOUR, QUOTE_KIND_COLOURS, TEMPLATE, articles_over_time,
                            articles_over_time_table, empty_figure)
from kit.plots.figures import claims_table, draw_figure_values, figure_claims, figure_values
from kit.plots.quotes import (anonymous_share, draw_quote_shares, draw_quotes_by_kind, quote_shares,
                              quote_shares_table, quote_speakers, quotes_by_kind, quotes_by_kind_table)

__all__ = [name for name in dir() if not name.startswith("_") and name not in {"actors", "base", "figures", "quotes"}]
