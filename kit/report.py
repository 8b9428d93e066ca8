"""The HTML report: the report notebook's cells run in this process, written as one page.

:func:`write_report` saves an analysis's tables as parquet, runs the code cells of
the report notebook (``kit/templates/report.ipynb``, editable like any lesson) in
this very process, and writes two files: the executed ``report.ipynb`` and one
self-contained ``report.html`` that a browser opens without Jupyter or a network
(no MathJax, no CDN; plotly's JavaScript embedded once), code hidden.

No kernel is started, so a report costs what its charts cost. Nothing from the
results folder is executed: the folder is never a working directory nor on
``sys.path``, and only the kit's own template runs. Files are written through a
fresh temporary file renamed into place, so a symlink planted in ``out`` is
replaced, never written through.

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

import ast
import html
import json
import logging
import os
import re
import tempfile
from pathlib import Path

import pandas as pd

TEMPLATE = Path(__file__).resolve().parent / "templates" / "report.ipynb"
#: Rows shown in a report table before "… and N more" (a sample across articles).
MAX_ROWS = 25
#: Problems listed in full up to this many (they are all in problems.parquet).
MAX_PROBLEMS = 1000
#: What Analysis.save writes into a folder: planted symlinks at these names are removed first.
SAVED_NAMES = tuple(f"{name}.parquet" for name in ("articles", "mentions", "actors", "figures", "quotes", "problems"))

log = logging.getLogger(__name__)

PAGE_STYLE = """
body {font-family: Helvetica, Arial, sans-serif; color: #212529; max-width: 1100px; margin: 2em auto; padding: 0 1em;
      line-height: 1.45}
table.kit-table {border-collapse: collapse; font-size: 0.9em; margin: 0.5em 0}
.kit-table td, .kit-table th {text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid #dee2e6;
      overflow-wrap: anywhere; max-width: 420px}
.kit-table th {background: #f1f3f5}
.kit-cell-error {color: #c92a2a}
code {background: #f1f3f5; padding: 0 3px}
"""


def write_report(analysis_or_folder, out: str | os.PathLike, *, title: str = "Corpus report", timeout: int = 600,
                 save: bool = True, cache=True) -> Path:
    """Write ``<out>/report.html`` (and the executed ``report.ipynb``); returns the HTML's path.

    ``analysis_or_folder`` is an :class:`kit.Analysis` (its tables are saved into
    ``out`` first, unless ``save=False`` because they already are) or a folder written
    by :meth:`kit.Analysis.save`. ``timeout`` is kept for compatibility: cells run in
    this process.

    ``cache`` (what :func:`kit.cache.open_cache` takes; False for none): a report whose
    tables (the checksums in the folder's manifest), title, folder and kit code (every file of
    the package, the template included) and plotting libraries are all unchanged is the
    same report: it is copied from the cache instead of run again. A report in which a
    cell failed is never cached.
    """
    import kit

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    if isinstance(analysis_or_folder, (str, os.PathLike)):
        folder = Path(analysis_or_folder).resolve()
        analysis = kit.Analysis.load(folder)  # checks every file against the manifest
    else:
        analysis = analysis_or_folder
        folder = out.resolve()
        if save:
            remove_planted_links(out, SAVED_NAMES + ("credits.json",))
            analysis.save(out)
    parameters = {"tables": str(folder), "title": str(title)}
    # The folder's manifest describes the tables only if they were saved here or loaded from it.
    trusted = save or isinstance(analysis_or_folder, (str, os.PathLike))
    store, key = _report_cache(cache, folder, parameters) if trusted else (None, None)
    if store is not None:
        notebook_text, page_text = store.get_file(key, "report.ipynb"), store.get_file(key, "report.html")
        if notebook_text is not None and page_text is not None:
            write_text(out / "report.ipynb", notebook_text.decode("utf-8", "surrogateescape"))
            return write_text(out / "report.html", page_text.decode("utf-8", "surrogateescape"))
    global _plotly_embedded
    _plotly_embedded = False  # each page embeds plotly.js once
    notebook = run_template(TEMPLATE, parameters, preset={"tables": analysis})
    notebook_text = json.dumps(notebook, ensure_ascii=False, indent=1) + "\n"
    page_text = page(notebook, str(title))
    write_text(out / "report.ipynb", notebook_text)
    path = write_text(out / "report.html", page_text)
    if store is not None and not _failed_cells(notebook):  # a failed cell is tried again next time
        store.put_file(key, "report.ipynb", notebook_text.encode("utf-8", "surrogateescape"))
        store.put_file(key, "report.html", page_text.encode("utf-8", "surrogateescape"))
    return path


def _failed_cells(notebook) -> int:
    """How many code cells of an executed notebook show an error instead of their output."""
    return sum(1 for cell in notebook["cells"] for output in cell.get("outputs", ())
               if output.get("data", {}).get("text/html", "").startswith("<p class='kit-cell-error'>"))


#: Libraries whose versions change what a report page holds (charts, tables, markdown).
REPORT_LIBRARIES = ("plotly", "pandas", "numpy", "mistune", "pyarrow")


def _report_cache(cache, folder: Path, parameters: dict):
    """The cache and the key of a report on the tables saved in ``folder``, or ``(None, None)``."""
    import hashlib
    from importlib import metadata

    from kit.cache import open_cache, package_fingerprint
    from kit.saving import _manifest_files

    store = open_cache(cache)
    files = _manifest_files(folder) if store is not None else None
    if store is None or not files or not all(name in files for name in SAVED_NAMES):
        return None, None
    versions = {}
    for library in REPORT_LIBRARIES:
        try:
            versions[library] = metadata.version(library)
        except metadata.PackageNotFoundError:
            versions[library] = None
    material = {"report": 1, "files": {name: entry["sha256"] for name, entry in sorted(files.items())},
                "parameters": parameters, "kit": package_fingerprint(), "libraries": versions}
    return store, hashlib.sha256(json.dumps(material, sort_keys=True).encode("utf-8", "surrogateescape")).hexdigest()


def write_text(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a new temporary file renamed over it.

    The temporary file is created exclusively (never an existing file or link), and
    the rename replaces whatever sits at ``path`` (a planted symlink included)
    instead of writing through it.
    """
    path = Path(path)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes 0600: give the usual permissions
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def remove_planted_links(folder: Path, names) -> None:
    """Remove symlinks at ``folder/<name>`` (and at their ``.<name>.tmp``), so nothing is written through them."""
    for name in names:
        stem = name[: -len(".parquet")] if name.endswith(".parquet") else name
        for candidate in (folder / name, folder / f".{stem}.parquet.tmp"):
            if candidate.is_symlink():
                candidate.unlink()


def run_template(template: Path, parameters: dict, preset: dict | None = None):
    """Run a notebook's code cells here, in order, in one namespace; returns the executed notebook.

    The cell tagged ``parameters`` is replaced by ``parameters`` (written back as its
    source, as papermill does); ``preset`` names then override parameters in
    the namespace without being written into the notebook (an Analysis already in
    memory is not read back from its folder). Each cell's last expression becomes its
    output (its HTML when it has one). A cell that raises shows the error's type and
    message in place of its output and the rest of the report goes on.
    """
    # Plain JSON, not nbformat: importing nbformat's schema validator costs seconds (grammars compiled at import).
    notebook = json.loads(Path(template).read_text(encoding="utf-8"))
    namespace: dict = {"__name__": "__report__"}
    count = 0
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            cell["source"] = "\n".join(f"{name} = {value!r}" for name, value in parameters.items())
            namespace.update(parameters)
            namespace.update(preset or {})
            continue
        count += 1
        cell["execution_count"] = count
        cell["outputs"] = [_output(_run_cell(_source(cell), namespace), count)]
    return notebook


def _run_cell(source: str, namespace: dict):
    """Execute ``source``; the value of its last line if that is an expression (else None)."""
    try:
        tree = ast.parse(source)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, "<report cell>", "exec"), namespace)  # the kit's own template, never a corpus
        if last is None:
            return None
        return eval(compile(ast.Expression(last.value), "<report cell>", "eval"), namespace)
    except Exception as error:  # one broken cell must not cost the whole report
        log.warning("a report cell failed: %s: %s", type(error).__name__, error)
        return _CellError(f"This part of the report failed: {type(error).__name__}: {error}")


class _CellError:
    def __init__(self, message: str):
        self.message = message

    def _repr_html_(self) -> str:
        return f"<p class='kit-cell-error'>{html.escape(self.message)}</p>"


def _source(cell) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def _output(value, count: int) -> dict:
    """A notebook ``execute_result`` output of ``value`` (its HTML when it has one)."""
    data = {"text/plain": "" if value is None else repr(value)[:2000]}
    if value is not None and hasattr(value, "_repr_html_"):
        data["text/html"] = value._repr_html_() or ""
    return {"output_type": "execute_result", "data": data, "metadata": {}, "execution_count": count}


def page(notebook, title: str) -> str:
    """The executed notebook as one HTML page: markdown cells rendered, code hidden, outputs in place."""
    import mistune

    markdown = mistune.create_markdown(escape=True)
    parts = []
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            text = re.sub(r"<!--.*?-->", "", _source(cell), flags=re.S).strip()
            if text:
                parts.append(markdown(text))
        elif cell["cell_type"] == "code":
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if "text/html" in data:
                    parts.append(data["text/html"])
    body = "\n".join(parts)
    return (f"<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{html.escape(title)}</title><style>{PAGE_STYLE}</style></head>\n<body>\n{body}\n</body></html>\n")


def load(tables):
    """The analysis of the report: ``tables`` is a folder written by ``Analysis.save`` (or an Analysis)."""
    import kit

    return tables if isinstance(tables, kit.Analysis) else kit.Analysis.load(tables)


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


def sample_across_articles(frame: pd.DataFrame, n: int = MAX_ROWS) -> pd.DataFrame:
    """At most ``n`` rows taken across articles (each article's first row, then its second…), in document order.

    >>> frame = pd.DataFrame({"article_id": list("aaab"), "start": [1, 2, 3, 1]})
    >>> sample_across_articles(frame, 2).values.tolist()
    [['a', 1], ['b', 1]]
    """
    if len(frame) <= n or "article_id" not in frame.columns:
        return frame.head(n)
    rank = frame.groupby("article_id", sort=False).cumcount()
    order = pd.factorize(frame["article_id"])[0]
    chosen = frame.assign(_rank=rank.to_numpy(), _order=order).sort_values(["_rank", "_order"], kind="stable").head(n)
    return chosen.sort_values(["_order"] + (["start"] if "start" in frame.columns else []), kind="stable").drop(
        columns=["_rank", "_order"])


def with_articles(frame: pd.DataFrame, analysis) -> pd.DataFrame:
    """``frame`` with its article's ``headline`` and ``date`` (YYYY-MM-DD) beside every row."""
    articles = analysis.articles.drop_duplicates("article_id").set_index("article_id")
    headline = frame["article_id"].map(articles["headline"]) if "headline" in articles else None
    published = frame["article_id"].map(articles["published"]) if "published" in articles else None
    dates = pd.to_datetime(published, errors="coerce").dt.strftime("%Y-%m-%d") if published is not None else None
    return frame.assign(headline=headline, date=dates)


def sampled_table(frame: pd.DataFrame, analysis, columns: list[str], noun: str, parquet: str):
    """A sample of ``frame`` across articles, headline and date first, saying what it samples."""
    from IPython.display import HTML

    shown = with_articles(sample_across_articles(frame), analysis)
    note_text = ""
    if len(frame) > len(shown):
        note_text = (f"<p><em>A sample of {len(shown):,} of {len(frame):,} {noun}, taken across "
                     f"{frame['article_id'].nunique():,} articles; all are in {html.escape(parquet)}.</em></p>")
    return HTML(table(shown, ["date", "headline"] + columns, max_rows=len(shown)).data + note_text)


def top_figures(analysis):
    """Figures claimed, with what they count, beside their article's date and headline (sampled across articles)."""
    if not len(analysis.figures):
        return note("No figures found.")
    return sampled_table(analysis.figures, analysis, ["text", "value", "kind", "unit", "counted"], "figures",
                         "figures.parquet")


def top_quotes(analysis):
    """Quotes with their speakers and the speaker's actor, beside date and headline (sampled across articles)."""
    quotes = analysis.quotes
    if not len(quotes):
        return note("No quotes found.")
    names = analysis.actors.set_index("actor_id")["name"] if len(analysis.actors) else pd.Series(dtype="string")
    frame = quotes.assign(actor=quotes["actor_id"].map(names))
    return sampled_table(frame, analysis, ["speaker", "actor", "cue", "kind", "text"], "quotes", "quotes.parquet")


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
