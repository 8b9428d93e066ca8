"""An interactive table for the explorers: sorting, paging of 20, a filter per column, wrapping, keys.

Built on itables' ``ITable`` widget (DataTables inside an anywidget: it renders in
JupyterLab and Voilà, needs no network, and its cells are escaped: ``allow_html``
stays off). Where itables is missing, an escaped HTML table of the first rows is
shown instead. See bench/bench_grid.py for the measurements behind the choice.

>>> import pandas as pd
>>> grid = Grid()
>>> grid.show(pd.DataFrame({"speaker": ["<b>Ryabkov</b>"], "quote": ["we will stay"]}))
>>> grid.frame.columns.tolist()
['speaker', 'quote']
"""

from __future__ import annotations

import html
import json

import ipywidgets as widgets
import pandas as pd

#: Rows on one page of a grid.
PAGE_ROWS = 20
#: Rows sent to the browser at most; the rest are counted above the grid (narrow the filters).
GRID_ROWS = 500

OPTIONS = dict(
    pageLength=PAGE_ROWS, lengthMenu=[10, 20, 50, 100], column_filters="header", keys=True, maxBytes=0,
    showIndex=False, allow_html=False, classes="display compact cell-border", autoWidth=False,
    style="width:100%;table-layout:auto", warn_on_undocumented_option=False, warn_on_unexpected_option_type=False,
    layout={"topStart": "pageLength", "topEnd": "search", "bottomStart": "info", "bottomEnd": "paging"},
)

#: Cells wrap (no text cut mid-word); long text columns get room, short ones stay narrow.
CSS = """
<style>
.kit-grid table.dataTable td {white-space: normal; overflow-wrap: break-word; vertical-align: top; font-size: 12px;
  line-height: 1.35}
.kit-grid table.dataTable th {font-size: 12px}
.kit-grid table.dataTable thead input {width: 100%; box-sizing: border-box; font-size: 11px}
.kit-grid table.dataTable td.kit-narrow {max-width: 90px}
.kit-grid table.dataTable td.kit-date {white-space: nowrap}
.kit-grid table.dataTable td.kit-mid {min-width: 110px; max-width: 180px}
.kit-grid table.dataTable td.kit-wide {min-width: 240px}
/* A page of 20 wrapped rows scrolls in a box of its own (header kept in view): the notebook stays short. */
.kit-grid .dt-layout-table > .dt-layout-cell {display: block; max-height: 480px; overflow: auto}
.kit-grid table.dataTable thead th {position: sticky; top: 0; background: #fff; z-index: 1}
</style>
"""


def _itable():
    try:
        from itables.widget import ITable

        return ITable
    except Exception:  # itables not installed: the HTML fallback
        return None


class Grid:
    """One table slot: :meth:`show` a DataFrame; :attr:`widget` goes into the layout."""

    def __init__(self, widths: dict[str, str] | None = None):
        """``widths`` maps a column to ``"narrow"``, ``"mid"``, ``"wide"`` or ``"date"`` (a CSS class of its cells)."""
        self.frame = pd.DataFrame()
        self.widths = widths or {}
        self._layouts: dict[tuple[str, ...], dict] = {}
        self._encoded: dict = {}  # show_rows: row key -> (its JSON, its values), for the columns below
        self._encoded_columns: tuple[str, ...] | None = None
        factory = _itable()
        self._live = factory is not None
        if self._live:
            self._table = factory(pd.DataFrame({"": []}), **OPTIONS)  # classes and style set once here
            self.widget = widgets.VBox([widgets.HTML(CSS), self._table])
        else:
            self._table = widgets.HTML()
            self.widget = self._table
        self.widget.add_class("kit-grid")

    @property
    def sent(self) -> str:
        """What the browser receives: the rows' JSON (the HTML table without itables)."""
        return self._table._dt_args.get("data_json", "") if self._live else self._table.value

    def show(self, frame: pd.DataFrame) -> None:
        """Show ``frame`` (its first :data:`GRID_ROWS` rows); missing values as blanks.

        The table's layout is made once per set of columns by itables; the rows are
        then encoded here (escaped text, numbers as numbers), many times faster than
        itables' cell-by-cell pandas formatting: a redraw stays within milliseconds.
        """
        frame = frame.head(GRID_ROWS).reset_index(drop=True)
        self.frame = frame
        if not self._live:
            self._table.value = _html(frame)
            return
        columns = tuple(map(str, frame.columns))
        if columns not in self._layouts:
            self._layouts[columns] = self._layout(columns)
        self._table._dt_args = {**self._layouts[columns], "data_json": rows_json(frame)}

    def show_rows(self, keys, build) -> None:
        """Show the rows named by ``keys`` (their first :data:`GRID_ROWS`), building only rows not shown before.

        ``build(keys)`` gives the grid's rows for those keys, in order (a DataFrame). A
        key names one row of a table that does not change (a row position of the
        explorer's table), so a row once encoded is sent again as it was: a filter
        going back to rows seen before costs no new context lines nor escaping. Same
        rows, same JSON as :meth:`show` of the whole frame.
        """
        keys = list(keys[:GRID_ROWS])
        if len(self._encoded) > MAX_ENCODED_ROWS:
            self._encoded.clear()
        missing = [key for key in keys if key not in self._encoded]
        if missing or not keys:
            built = build(missing).reset_index(drop=True)
            columns = tuple(map(str, built.columns))
            if columns != self._encoded_columns:  # other columns: nothing encoded before is of use
                self._encoded, self._encoded_columns = {}, columns
                if len(missing) < len(keys):
                    missing, built = keys, build(keys).reset_index(drop=True)
            for key, encoded, values in zip(missing, _row_texts(built), built.itertuples(index=False, name=None)):
                self._encoded[key] = (encoded, values)
        columns = list(self._encoded_columns or ())
        rows = [self._encoded[key] for key in keys]
        self.frame = pd.DataFrame.from_records([values for _, values in rows], columns=columns) if rows else \
            pd.DataFrame(columns=columns)
        if not self._live:
            self._table.value = _html(self.frame)
            return
        if tuple(columns) not in self._layouts:
            self._layouts[tuple(columns)] = self._layout(tuple(columns))
        self._table._dt_args = {**self._layouts[tuple(columns)], "data_json": "[" + ", ".join(e for e, _ in rows) + "]"}

    def _layout(self, columns: tuple[str, ...]) -> dict:
        from itables.javascript import get_itables_extension_arguments

        options = {k: v for k, v in OPTIONS.items() if k not in ("classes", "style")}
        defs = [{"targets": i, "className": f"kit-{self.widths[c]}"} for i, c in enumerate(columns) if c in self.widths]
        if defs:
            options["columnDefs"] = defs
        arguments, _ = get_itables_extension_arguments(pd.DataFrame(columns=list(columns)), None, **options)
        arguments.pop("data_json", None)
        arguments["layout"] = OPTIONS["layout"]  # itables hides the controls of a table it sees empty
        return arguments


#: Rows kept encoded by :meth:`Grid.show_rows` at most (then forgotten at once): a few MB.
MAX_ENCODED_ROWS = 20_000


def rows_json(frame: pd.DataFrame) -> str:
    """The rows as DataTables data: text HTML-escaped (DataTables shows it as text), numbers kept, blanks for missing.

    >>> rows_json(pd.DataFrame({"a": ["<b>x</b>", None], "n": [1.5, float("nan")]}))
    '[["&lt;b&gt;x&lt;/b&gt;", 1.5], ["", null]]'
    """
    return json.dumps([list(row) for row in zip(*_cells(frame))], ensure_ascii=False)


def _row_texts(frame: pd.DataFrame) -> list[str]:
    """Each row's JSON as :func:`rows_json` writes it: joined with ``", "`` in brackets, they are its output."""
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    return [dumps(list(row)) for row in zip(*_cells(frame))] if len(frame.columns) else ["[]"] * len(frame)


def _cells(frame: pd.DataFrame) -> list[list]:
    """The frame's columns as JSON values: escaped text, numbers (int when whole), None for missing."""
    columns = []
    for _, column in frame.items():
        if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
            values = pd.to_numeric(column, errors="coerce").astype("float64")
            columns.append([None if v != v else (int(v) if v.is_integer() else v) for v in values.tolist()])
        else:
            text = column.astype("object").where(column.notna(), "").astype(str)
            columns.append([html.escape(v, quote=False) for v in text.tolist()])
    return columns


def _html(frame: pd.DataFrame, rows: int = PAGE_ROWS) -> str:
    head = "".join(f"<th style='text-align:left'>{html.escape(str(c))}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td style='vertical-align:top'>{html.escape(str(v))}</td>" for v in row) + "</tr>"
        for row in frame.head(rows).itertuples(index=False)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
