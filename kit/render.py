"""Article text with its annotations, as plain data first and escaped HTML second.

Like spaCy's displacy, rendering is split in two steps so that each can be tested
(and reused) on its own:

1. :func:`article_markup` cuts an article body into segments, each carrying the
   annotations (actor mentions, figures, quotes) that cover it: plain dicts, no HTML.
   Overlapping and nested spans (a mention inside a quote, a figure inside a quote)
   simply become several annotations on the same segment.
2. :func:`render_article` turns those segments into HTML. Every piece of text that
   comes from the data (body, headline, names, speakers, values) goes through
   :func:`html.escape`, so an article holding ``<script>`` shows it as text.

Keyword-in-context lines for any rows with ``article_id``/``start``/``end`` are in
:mod:`kit.kwic`.

>>> import pandas as pd
>>> from types import SimpleNamespace
>>> body = "Putin met Trump. Russia sent around 100 experts."
>>> analysis = SimpleNamespace(
...     articles=pd.DataFrame({"article_id": ["a"], "body": [body], "headline": ["<b>Hi</b>"]}),
...     mentions=pd.DataFrame({"article_id": ["a"], "start": [0], "end": [5], "text": ["Putin"],
...                            "actor_id": ["vladimir-putin"], "kind": ["person"], "how": ["surname"]}),
...     actors=pd.DataFrame({"actor_id": ["vladimir-putin"], "name": ["Vladimir Putin"], "kind": ["person"]}),
...     figures=pd.DataFrame(), quotes=pd.DataFrame())
>>> [(s["text"], [a["label"] for a in s["annotations"]]) for s in article_markup(analysis, "a")][:2]
[('Putin', ['Vladimir Putin']), (' met Trump. Russia sent around 100 experts.', [])]
>>> "&lt;b&gt;Hi&lt;/b&gt;" in render_article(analysis, "a")
True
"""

from __future__ import annotations

import html
import math
import re
from typing import Iterable, Mapping, Sequence

import pandas as pd

from kit import extractors

#: The annotation layers, in the order they nest (outermost first), from kit.extractors:
#: each extractor's entry names its layer's colour, CSS class (the browser tests look for
#: these) and legend. Functions below ask the registry again, so a layer registered later
#: is drawn too; these constants are the built-in ones, for reading.
LAYERS = tuple(layer.name for layer in extractors.layers())
COLOURS = {layer.name: layer.colour for layer in extractors.layers()}
CLASSES = {layer.name: layer.css_class for layer in extractors.layers()}
LEGEND_LABELS = {layer.name: layer.legend for layer in extractors.layers()}


def _layers(show: Sequence[str] | None = None) -> tuple:
    return tuple(layer for layer in extractors.layers() if show is None or layer.name in show)


#: Metadata shown above an article, in this order, when present.
HEADER_FIELDS = (
    ("published", "published"),
    ("outlet", "outlet"),
    ("agency", "agency"),
    ("dateline_place", "dateline"),
    ("version", "version"),
    ("keywords", "keywords"),
    ("advisory", "advisory"),
    ("desk", "desk"),
    ("issue", "issue"),
    ("n_words", "words"),
    ("source", "source"),
)


# --- small formatting pieces -------------------------------------------------------------


def present(value) -> bool:
    """True for a real value; False for None, NaN, NaT, pd.NA and empty strings."""
    if value is None or value is pd.NA or value is pd.NaT:
        return False
    if isinstance(value, float) and math.isnan(value):
        return False
    if isinstance(value, str) and not value.strip():
        return False
    return True


def format_number(value) -> str:
    """A number as a person writes it: ``1,000``, ``2.5``, ``1.2e+12`` only when huge."""
    if not present(value):
        return ""
    value = float(value)
    if value.is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}"


def _text(value) -> str:
    if not present(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d %H:%M").removesuffix(" 00:00")
    if isinstance(value, (list, tuple)) or (hasattr(value, "tolist") and not isinstance(value, str)):
        return ", ".join(str(v) for v in list(value))
    return str(value)


def bounds_text(low, high) -> str:
    """``between 24 and 60``, ``at least 50``, ``at most 10``, or ``''``."""
    if present(low) and present(high):
        return f"between {format_number(low)} and {format_number(high)}"
    if present(low):
        return f"at least {format_number(low)}"
    if present(high):
        return f"at most {format_number(high)}"
    return ""


# --- titles: what a hover shows ------------------------------------------------------------


def mention_title(row: Mapping, actor: Mapping | None) -> str:
    """Hover text of a mention: the resolved actor, its kind and country, and how it was named."""
    name = _text(actor.get("name")) if actor else ""
    parts = [f"actor: {name or _text(row.get('text'))}"]
    kind = _text((actor or {}).get("kind")) or _text(row.get("kind"))
    country = _text((actor or {}).get("country"))
    if kind:
        parts.append(kind + (f", {country}" if country and country != name else ""))
    if present(row.get("how")):
        parts.append(f"named by {row['how']}")
    return " · ".join(parts)


def figure_title(row: Mapping) -> str:
    """Hover text of a figure: value or bounds, approximation, unit and what is counted."""
    parts = []
    if present(row.get("value")):
        parts.append(f"value: {format_number(row['value'])}")
    bounds = bounds_text(row.get("low"), row.get("high"))
    if bounds:
        parts.append(bounds)
    for field, label in (("approx", "approx."), ("kind", "kind"), ("unit", "unit")):
        if present(row.get(field)):
            parts.append(f"{label} {row[field]}")
    if present(row.get("counted")):
        how = f" ({row['counted_how']})" if present(row.get("counted_how")) else ""
        parts.append(f"counts: {row['counted']}{how}")
    return " · ".join(parts) or "figure"


def quote_title(row: Mapping, actor: Mapping | None) -> str:
    """Hover text of a quote: speaker, the speaker's actor, cue and kind."""
    speaker = _text(row.get("speaker")) or "unknown"
    name = _text(actor.get("name")) if actor else ""
    parts = [f"speaker: {speaker}" + (f" → {name}" if name and name != speaker else "")]
    if present(row.get("cue")):
        parts.append(f"cue: {row['cue']}")
    if present(row.get("kind")):
        parts.append(f"{row['kind']} quote")
    return " · ".join(parts)


# --- step 1: segments (plain data) -----------------------------------------------------------


def _records(frame) -> list[dict]:
    if frame is None or len(frame) == 0:
        return []
    return frame.to_dict("records")


def _valid(start, end, length: int) -> bool:
    return present(start) and present(end) and 0 <= int(start) < int(end) <= length


def mention_spans(row: Mapping, actors_by_id: Mapping, length: int) -> list[dict]:
    """The highlight of one mention: labelled with its resolved actor."""
    if not _valid(row.get("start"), row.get("end"), length):
        return []
    actor = actors_by_id.get(row.get("actor_id")) if present(row.get("actor_id")) else None
    return [{
        "role": "mention", "start": int(row["start"]), "end": int(row["end"]),
        "label": _text(actor.get("name")) if actor else _text(row.get("text")),
        "title": mention_title(row, actor), "actor_id": row.get("actor_id"),
    }]


def figure_spans(row: Mapping, actors_by_id: Mapping, length: int) -> list[dict]:
    """The highlight of one figure: labelled with its value or bounds."""
    if not _valid(row.get("start"), row.get("end"), length):
        return []
    label = format_number(row.get("value")) or bounds_text(row.get("low"), row.get("high"))
    return [{"role": "figure", "start": int(row["start"]), "end": int(row["end"]), "label": label,
             "title": figure_title(row)}]


def quote_spans(row: Mapping, actors_by_id: Mapping, length: int) -> list[dict]:
    """The highlights of one quote: its content and its speaker, labelled with the speaker's actor."""
    actor = actors_by_id.get(row.get("actor_id")) if present(row.get("actor_id")) else None
    common = {"label": _text(actor.get("name")) if actor else _text(row.get("speaker")),
              "title": quote_title(row, actor), "actor_id": row.get("actor_id")}
    spans = []
    for role, start, end in (("quote", "start", "end"), ("speaker", "speaker_start", "speaker_end")):
        if _valid(row.get(start), row.get(end), length):
            spans.append({"role": role, "start": int(row[start]), "end": int(row[end]), **common})
    return spans


def span_annotations(
    body: str,
    mentions: pd.DataFrame | None = None,
    figures: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
    actors_by_id: Mapping[str, Mapping] | None = None,
    show: Sequence[str] | None = None,
    tables: Mapping[str, pd.DataFrame] | None = None,
) -> list[dict]:
    """The annotations of one article: ``layer``, ``start``, ``end``, ``label``, ``title``, ``role``.

    Takes the article's own rows (already filtered to it), so that a widget holding
    an index by article can skip the search; ``tables`` gives rows of further
    registered extractors by table name. Each layer's ``spans`` function
    (:mod:`kit.extractors`) turns a row into highlights. Rows whose offsets fall
    outside the body are skipped rather than drawn in the wrong place.
    """
    rows_by_table = {"mentions": mentions, "figures": figures, "quotes": quotes, **(tables or {})}
    actors_by_id = actors_by_id or {}
    spans: list[dict] = []
    for layer in _layers(show):
        spans_of = extractors.resolve(layer.spans)
        for row in _records(rows_by_table.get(extractors.layer_table(layer.name))):
            spans.extend({"layer": layer.name, **span} for span in spans_of(row, actors_by_id, len(body)))
    return spans


def segments_of(body: str, spans: Iterable[dict]) -> list[dict]:
    """Cut ``body`` at every span boundary; each segment lists the spans covering it.

    Segments are ``{"start", "end", "text", "annotations"}`` with annotations ordered
    outermost first (longer spans, then the layer order of :data:`LAYERS`), so that
    HTML can nest them. Together the segments cover the whole body, in order.

    >>> [(s["text"], len(s["annotations"])) for s in segments_of("a bc d",
    ...     [{"layer": "quotes", "start": 0, "end": 4}, {"layer": "actors", "start": 2, "end": 4}])]
    [('a ', 1), ('bc', 2), (' d', 0)]
    """
    spans = list(spans)
    cuts = sorted({0, len(body), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    order = {layer.name: i for i, layer in enumerate(_layers())}
    spans.sort(key=lambda s: (s["start"], -(s["end"] - s["start"]), order.get(s["layer"], 9)))
    segments = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [s for s in spans if s["start"] <= start and end <= s["end"]]
        covering.sort(key=lambda s: (-(s["end"] - s["start"]), order.get(s["layer"], 9), s["start"]))
        segments.append({"start": start, "end": end, "text": body[start:end], "annotations": covering})
    return segments


def actors_index(actors: pd.DataFrame | None) -> dict[str, dict]:
    """``{actor_id: actor row}`` for looking up the resolved actor of a mention or quote."""
    if actors is None or len(actors) == 0 or "actor_id" not in actors.columns:
        return {}
    columns = [c for c in ("actor_id", "name", "kind", "country") if c in actors.columns]
    return {row["actor_id"]: row for row in actors[columns].to_dict("records")}


def _rows_of(table: pd.DataFrame | None, article_id: str) -> pd.DataFrame | None:
    if table is None or len(table) == 0 or "article_id" not in table.columns:
        return None
    return table[table["article_id"] == article_id]


def article_row(analysis, article_id: str) -> dict:
    """The article's row of ``analysis.articles`` as a dict; KeyError names the missing id."""
    articles = analysis.articles
    found = articles[articles["article_id"] == article_id]
    if len(found) == 0:
        raise KeyError(f"no article with article_id {article_id!r} in this analysis")
    return found.iloc[0].to_dict()


def article_markup(analysis, article_id: str, show: Sequence[str] | None = None) -> list[dict]:
    """The article's body as segments with the annotations that cover them (plain data).

    ``show`` picks layers among ``"actors"``, ``"figures"`` and ``"quotes"`` (and any
    registered later); None shows them all.
    Each annotation is ``{"layer", "role", "start", "end", "label", "title"}``: the
    label is the resolved actor, the value (or bounds), or the speaker; the title is
    what a hover shows.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> seed = result.articles.article_id.iloc[0]
    >>> "".join(s["text"] for s in article_markup(result, seed)) == result.articles.body.iloc[0]
    True
    """
    body = _text(article_row(analysis, article_id).get("body"))
    tables = {layer_table: _rows_of(getattr(analysis, layer_table, None), article_id)
              for layer_table in map(extractors.layer_table, (layer.name for layer in _layers(show)))}
    spans = span_annotations(body, actors_by_id=actors_index(getattr(analysis, "actors", None)), show=show,
                             tables=tables)
    return segments_of(body, spans)


# --- step 2: HTML ----------------------------------------------------------------------------


def escape(value) -> str:
    """Any value as HTML-safe text (quotes escaped too, so it is safe inside attributes)."""
    return html.escape(_text(value), quote=True)


def _mark_style(annotation: dict) -> str:
    colour = next((layer.colour for layer in _layers((annotation["layer"],))), "#eee")
    if annotation.get("role") == "speaker":
        return f"border-bottom:2px solid #e8a800;background:{colour};"
    if annotation["layer"] == "quotes":
        return f"background:{colour};"
    return f"background:{colour};border-radius:3px;padding:0 1px;"


def render_segments(segments: Iterable[dict]) -> str:
    """Segments (from :func:`article_markup`) as HTML: nested ``<mark>`` elements, all text escaped."""
    parts = []
    for segment in segments:
        opened = 0
        for annotation in segment["annotations"]:
            classes = next((layer.css_class for layer in _layers((annotation["layer"],))), "kit-span")
            if annotation.get("role") == "speaker":
                classes += " kit-speaker"
            parts.append(
                f'<mark class="{classes}" style="{_mark_style(annotation)}color:inherit;" '
                f'title="{escape(annotation.get("title"))}">'
            )
            opened += 1
        parts.append(html.escape(segment["text"], quote=False))
        parts.append("</mark>" * opened)
    return "".join(parts)


def legend_html(show: Sequence[str] | None = None) -> str:
    """One coloured swatch per shown layer."""
    items = [
        f'<span class="{layer.css_class}-legend" style="background:{layer.colour};padding:1px 6px;'
        f'margin-right:8px;border-radius:3px;">{html.escape(layer.legend)}</span>'
        for layer in _layers(show)
    ]
    return f'<div class="kit-legend" style="margin:4px 0 8px 0;font-size:90%;">{"".join(items)}</div>'


def article_header(article: Mapping) -> str:
    """The article's metadata as HTML: headline, then a small table of the fields present."""
    headline = _text(article.get("headline")) or "(no headline)"
    rows = []
    for field, label in HEADER_FIELDS:
        value = _text(article.get(field))
        if value:
            rows.append(
                f'<tr><th style="text-align:left;padding-right:10px;font-weight:normal;color:#555;">'
                f"{html.escape(label)}</th><td>{html.escape(value)}</td></tr>"
            )
    url = _text(article.get("url"))
    if re.match(r"https?://", url):  # only web links: a javascript: URL must never become a link
        rows.append(
            f'<tr><th style="text-align:left;padding-right:10px;font-weight:normal;color:#555;">url</th>'
            f'<td><a href="{escape(url)}" target="_blank" rel="noopener noreferrer">{escape(url)}</a></td></tr>'
        )
    return (
        f'<div class="kit-article-header"><h3 style="margin:4px 0;">{html.escape(headline)}</h3>'
        f'<table style="font-size:90%;">{"".join(rows)}</table></div>'
    )


def render_markup(article: Mapping, segments: Iterable[dict], show: Sequence[str] | None = None, header: bool = True) -> str:
    """Header, legend and highlighted body of an article, from its row and its segments."""
    body = (
        '<div class="kit-article-text" style="white-space:pre-wrap;line-height:1.7;max-width:50em;">'
        f"{render_segments(segments)}</div>"
    )
    return "".join([article_header(article) if header else "", legend_html(show), body])


def render_article(analysis, article_id: str, show: Sequence[str] | None = None, header: bool = True) -> str:
    """The article as HTML: metadata header, a colour legend, the body with highlights.

    Hovering a highlight shows the resolved actor, the value or bounds, or the
    speaker. Everything from the data is escaped. In a notebook::

        from IPython.display import HTML
        HTML(kit.render.render_article(result, result.articles.article_id[0]))

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> "kit-article-text" in render_article(result, result.articles.article_id.iloc[0])
    True
    """
    article = article_row(analysis, article_id)
    return render_markup(article, article_markup(analysis, article_id, show), show, header)
