"""The HTML report: a notebook run on the saved tables, exported without its code.

:func:`write_report` saves an analysis's tables as parquet, executes the report
notebook (``kit/templates/report.ipynb``) with papermill on that folder, and
exports it with nbconvert to one self-contained ``report.html`` that a browser
opens without Jupyter or a network: code cells hidden, charts drawn with plotly
(its JavaScript embedded once), every problem listed.

The other functions here are what the notebook's cells call; each returns
something a notebook displays. Article text only ever reaches the page through
:func:`table` (pandas escapes it) or :func:`html.escape`; plotly escapes what it
embeds.

>>> import kit, tempfile
>>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
>>> write_report(result, tempfile.mkdtemp()).name
'report.html'
"""

from __future__ import annotations

import html
import logging
import os
from pathlib import Path

import pandas as pd

TEMPLATE = Path(__file__).resolve().parent / "templates" / "report.ipynb"
#: Rows shown in a report table before "… and N more".
MAX_ROWS = 25
#: Problems listed in full up to this many (they are all in problems.parquet).
MAX_PROBLEMS = 1000

log = logging.getLogger(__name__)


def write_report(analysis_or_folder, out: str | os.PathLike, *, title: str = "Corpus report", timeout: int = 600) -> Path:
    """Write ``<out>/report.html`` (and the executed ``report.ipynb``); returns the HTML's path.

    ``analysis_or_folder`` is an :class:`kit.Analysis` (its tables are saved into
    ``out`` first) or a folder written by :meth:`kit.Analysis.save`.
    """
    import nbformat
    import papermill
    from nbconvert import HTMLExporter

    out = Path(out)
    if isinstance(analysis_or_folder, (str, os.PathLike)):
        tables = Path(analysis_or_folder).resolve()
        out.mkdir(parents=True, exist_ok=True)
    else:
        tables = analysis_or_folder.save(out).resolve()
    executed = out / "report.ipynb"
    # The kernel is a separate process: make sure it imports this very kit, wherever the
    # kernel starts and however the kit was installed.
    package_root = str(Path(__file__).resolve().parents[1])
    previous = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, previous) if p)
    try:
        papermill.execute_notebook(
            str(TEMPLATE),
            str(executed),
            parameters={"tables": str(tables), "title": str(title)},
            kernel_name="python3",
            progress_bar=False,
            log_output=False,
            cwd=str(tables),
            execution_timeout=timeout,
        )
    finally:
        if previous is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = previous
    notebook = nbformat.read(executed, as_version=4)
    for cell in notebook.cells:
        # Warnings and progress bars on stderr are for whoever ran it, not the report's readers.
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.get("outputs", []) if o.get("name") != "stderr"]
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": str(title)}})
    target = out / "report.html"
    temporary = out / ".report.html.tmp"
    temporary.write_text(body, encoding="utf-8")
    temporary.replace(target)
    return target


# --- what the report notebook's cells call ------------------------------------------------


def heading(title: str, analysis):
    """The report's title and a summary of the corpus (articles, dates, outlets, counts)."""
    from IPython.display import HTML

    articles = analysis.articles
    facts = [
        ("articles", f"{len(articles):,}"),
        ("words", f"{int(pd.to_numeric(articles.get('n_words'), errors='coerce').fillna(0).sum()):,}" if "n_words" in articles else "–"),
        ("published", _date_range(articles.get("published"))),
        ("outlets", ", ".join(_top_values(articles.get("outlet"), 5)) or "–"),
        ("actor mentions", f"{len(analysis.mentions):,} of {len(analysis.actors):,} actors"),
        ("figures", f"{len(analysis.figures):,}"),
        ("quotes", f"{len(analysis.quotes):,}"),
        ("files not read", f"{len(analysis.problems):,}"),
    ]
    rows = "".join(f"<tr><th style='text-align:left'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in facts)
    credits = "".join(f"<br><small>{html.escape(line)}</small>" for line in getattr(analysis, "credits", []) or [])
    return HTML(f"<h1>{html.escape(str(title))}</h1><table>{rows}</table><p>{credits}</p>")


def chart(name: str, analysis, **options):
    """The chart ``kit.plots.<name>(analysis)`` as embeddable HTML; a simple chart if plots lacks it.

    Falls back to a plain plotly chart built here from the tables, so the report works
    whatever the state of :mod:`kit.plots`; says so when there is nothing to draw.
    """
    figure = None
    try:
        from kit import plots

        function = getattr(plots, name, None)
        if function is not None:
            figure = function(analysis, **options)
    except Exception as error:  # a broken chart must not cost the whole report
        log.warning("kit.plots.%s failed (%s); drawing a simple chart instead", name, error)
        figure = None
    if figure is None:
        figure = _FALLBACKS.get(name, lambda _: None)(analysis)
    if figure is None:
        return note("Nothing to draw: the table is empty.")
    return plotly_html(figure)


def table(frame: pd.DataFrame, columns: list[str] | None = None, max_rows: int = MAX_ROWS):
    """A table as escaped HTML, the first ``max_rows`` rows, saying how many are left out."""
    from IPython.display import HTML

    if columns:
        frame = frame[[c for c in columns if c in frame.columns]]
    if not len(frame):
        return note("None.")
    # Missing values show as blanks, not "<NA>"; text reads left-aligned like text.
    head = frame.head(max_rows).astype(object).where(frame.head(max_rows).notna(), "")
    shown = head.to_html(index=False, escape=True, border=0, classes="kit-table")
    shown = "<style>.kit-table td, .kit-table th {text-align: left; vertical-align: top}</style>" + shown
    more = f"<p><em>… and {len(frame) - max_rows:,} more rows in the parquet table.</em></p>" if len(frame) > max_rows else ""
    return HTML(shown + more)


def problems(analysis):
    """Every file or record that was not read, with the reason (escaped)."""
    frame = analysis.problems
    if not len(frame):
        return note("Every file was read.")
    return table(frame, ["source", "line", "reason"], max_rows=MAX_PROBLEMS)


def top_figures(analysis):
    """The figures claimed, with what they count, beside their article's headline."""
    figures = analysis.figures
    if not len(figures):
        return note("No figures found.")
    headlines = analysis.articles.set_index("article_id")["headline"] if "headline" in analysis.articles else None
    frame = figures.assign(headline=figures["article_id"].map(headlines) if headlines is not None else None)
    return table(frame, ["headline", "text", "value", "kind", "unit", "counted"])


def top_quotes(analysis):
    """Quotes with their speakers, longest content first is not a judgement: document order."""
    quotes = analysis.quotes
    if not len(quotes):
        return note("No quotes found.")
    names = analysis.actors.set_index("actor_id")["name"] if len(analysis.actors) else pd.Series(dtype="string")
    frame = quotes.assign(actor=quotes["actor_id"].map(names))
    return table(frame, ["speaker", "actor", "cue", "kind", "text"])


def note(text: str):
    """A short italic remark (escaped)."""
    from IPython.display import HTML

    return HTML(f"<p><em>{html.escape(text)}</em></p>")


_plotly_embedded = False


def plotly_html(figure):
    """A plotly figure as HTML for the exported page; plotly.js is embedded with the first one only."""
    from IPython.display import HTML

    global _plotly_embedded
    include = not _plotly_embedded
    _plotly_embedded = True
    return HTML(figure.to_html(full_html=False, include_plotlyjs=include, config={"displaylogo": False}))


# --- simple charts, used when kit.plots does not provide one ------------------------------


def _bar(frame: pd.DataFrame, x: str, y: str, title: str):
    import plotly.express as px

    if not len(frame):
        return None
    # plotly reads a few HTML tags in labels: escape them so article text stays text.
    frame = frame.assign(**{y: frame[y].astype(str).map(html.escape)})
    figure = px.bar(frame, x=x, y=y, orientation="h", title=title)
    figure.update_layout(yaxis={"autorange": "reversed"}, height=max(300, 24 * len(frame) + 120))
    return figure


def _top_actors(analysis):
    actors = analysis.actors
    if not len(actors):
        return None
    top = actors.nlargest(20, "n_mentions")[["name", "n_mentions"]]
    return _bar(top, "n_mentions", "name", "Most mentioned actors")


def _mentions_over_time(analysis):
    import plotly.express as px

    mentions, articles = analysis.mentions, analysis.articles
    if not len(mentions) or "published" not in articles or articles["published"].isna().all():
        return None
    dates = articles.set_index("article_id")["published"]
    names = analysis.actors.set_index("actor_id")["name"] if len(analysis.actors) else pd.Series(dtype="string")
    frame = mentions.assign(published=mentions["article_id"].map(dates), actor=mentions["actor_id"].map(names))
    frame = frame.dropna(subset=["published", "actor"])
    if not len(frame):
        return None
    top = frame["actor"].value_counts().head(6).index
    frame = frame[frame["actor"].isin(top)]
    counts = frame.groupby([pd.Grouper(key="published", freq="MS"), "actor"]).size().rename("mentions").reset_index()
    counts["actor"] = counts["actor"].map(html.escape)
    return px.line(counts, x="published", y="mentions", color="actor", markers=True, title="Mentions per month")


def _figure_claims(analysis):
    figures = analysis.figures
    if not len(figures):
        return None
    counts = figures["kind"].fillna("unknown").value_counts().rename_axis("kind").rename("figures").reset_index()
    return _bar(counts, "figures", "kind", "Figures by kind")


def _quote_shares(analysis):
    quotes = analysis.quotes
    if not len(quotes):
        return None
    names = analysis.actors.set_index("actor_id")["name"] if len(analysis.actors) else pd.Series(dtype="string")
    who = quotes["actor_id"].map(names).fillna(quotes["speaker"]).fillna("(no speaker)")
    counts = who.value_counts().head(20).rename_axis("speaker").rename("quotes").reset_index()
    return _bar(counts, "quotes", "speaker", "Who is quoted")


_FALLBACKS = {
    "top_actors": _top_actors,
    "mentions_over_time": _mentions_over_time,
    "figure_claims": _figure_claims,
    "quote_shares": _quote_shares,
}


def _date_range(series) -> str:
    if series is None:
        return "–"
    dates = pd.to_datetime(series, errors="coerce").dropna()
    if not len(dates):
        return "–"
    return f"{dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}"


def _top_values(series, count: int) -> list[str]:
    if series is None:
        return []
    return [str(v) for v in series.dropna().value_counts().head(count).index]
