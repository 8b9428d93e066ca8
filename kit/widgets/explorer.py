"""What every explorer shares: a VBox with named controls, a selection, CSV export, chart slots."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

import ipywidgets as widgets
import pandas as pd


class ChartSlot:
    """A place for one chart, redrawn when the selection changes.

    An ``Output`` widget showing the figure as plotly's own notebook output
    (``application/vnd.plotly.v1+json``, drawn by the plotly.js bundled with
    JupyterLab's plotly extension: no network). Not a plotly ``FigureWidget``:
    plotly 6's FigureWidget shows empty axes for a chart drawn before the widget
    is first displayed (plotly.py issue 4998), which is how every explorer starts.
    :attr:`figure` is the last figure drawn, for tests and ``.write_image``;
    :attr:`bundle` what was sent.
    """

    MIME = "application/vnd.plotly.v1+json"

    def __init__(self):
        self.figure = None
        self.bundle: dict = {}
        self.widget = widgets.Output(layout=widgets.Layout(width="100%"))

    def show(self, figure) -> None:
        import json

        import plotly.io as pio

        self.figure = figure
        # Validated when it was built: encoding it again without validation saves tens of ms.
        self.bundle = {self.MIME: json.loads(pio.to_json(figure, validate=False)),
                       "text/plain": f"chart: {figure.layout.title.text or ''}"}
        try:
            from IPython import get_ipython
        except ImportError:
            return
        if get_ipython() is None:  # plain Python (tests, benchmarks): nothing to draw into
            return
        from IPython.display import display

        self.widget.clear_output(wait=True)
        with self.widget:
            display(self.bundle, raw=True)


def dropdown(description: str, options, width: str = "auto", **layout) -> widgets.Dropdown:
    return widgets.Dropdown(description=description, options=options, style={"description_width": "initial"},
                            layout=widgets.Layout(width=width, **layout))


def month_slider(periods) -> widgets.SelectionRangeSlider:
    """A range of months over :class:`~kit.widgets.selection.Periods`; the full range means no date filter."""
    return widgets.SelectionRangeSlider(
        options=periods.options or [("no dates", 0)], index=(0, max(len(periods) - 1, 0)),
        description="months", continuous_update=False, layout=widgets.Layout(width="420px"),
        disabled=len(periods) < 2)


#: Saved with the notebook before each explorer: shown when the widget cannot be (a reopened
#: notebook, no kernel), hidden by its own style while the live explorer is on the page.
RUN_NOTE = ("<style>.jp-OutputArea:has(.kit-explorer) .kit-run-note, .output_area:has(.kit-explorer) ~ * .kit-run-note,"
            " body:has(.kit-explorer) .kit-run-note.kit-live {display: none}</style>"
            "<p class='kit-run-note' style='color:#495057;background:#fff3bf;padding:4px 8px;margin:0'>"
            "&#9654; An interactive explorer belongs here: <b>run this cell</b> to see it (widgets live only while "
            "the notebook's kernel runs, so a reopened notebook shows this note or &ldquo;Error displaying "
            "widget&rdquo; until the cell is run).</p>")
RUN_TEXT = "Run this cell to see the explorer (an interactive widget: it lives only while the kernel runs)."


class Explorer(widgets.VBox):
    """Base of the explorers: ``.selection`` (a DataFrame) and ``.save_csv(path)``.

    Subclasses build their controls in ``__init__``, call :meth:`watch` on them, and
    implement :meth:`compute_selection` and :meth:`refresh`. Displayed, an explorer
    puts a short "run this cell" note before itself (saved with the notebook, hidden
    while the explorer shows) and says the same in its plain-text form.
    """

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle:
            self.add_class("kit-explorer")
            bundle = dict(bundle)
            bundle["text/plain"] = RUN_TEXT
            try:
                from IPython import get_ipython
                from IPython.display import HTML, display

                if get_ipython() is not None:
                    display(HTML(RUN_NOTE))
            except ImportError:
                pass
        return bundle

    def watch(self, controls: Iterable[widgets.Widget], handler: Callable[[], None] | None = None) -> None:
        """Call ``handler`` (default :meth:`refresh`) whenever one of ``controls`` changes value."""
        handler = handler or self.refresh

        def on_change(change):
            if not getattr(self, "_updating", False):
                handler()

        for control in controls:
            control.observe(on_change, names="value")

    def refresh(self) -> None:  # pragma: no cover - subclasses implement it
        raise NotImplementedError

    @property
    def selection(self) -> pd.DataFrame:
        """The rows currently selected by the controls, as a new DataFrame."""
        return self.compute_selection().copy()

    def compute_selection(self) -> pd.DataFrame:  # pragma: no cover - subclasses implement it
        raise NotImplementedError

    def save_csv(self, path: str | Path) -> Path:
        """Write :attr:`selection` as CSV (UTF-8, no index); returns the path.

        List columns (keywords, aliases) are written as ``a; b; c``. Text from the corpus
        that a spreadsheet would run as a formula (``=HYPERLINK(…)``, ``+cmd|…``) is written
        with a leading ``'`` (:func:`kit.saving.spreadsheet_safe`); numbers stay numbers.
        The file is written atomically, never through a symlink at ``path``.
        """
        from kit.saving import open_for_writing, spreadsheet_safe

        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        frame = self.selection
        for column in frame.columns:
            if frame[column].dtype == object and frame[column].map(lambda v: isinstance(v, (list, tuple))).any():
                frame[column] = frame[column].map(lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
        with open_for_writing(path) as stream:
            # CRLF line ends (RFC 4180): a field holding a bare CR or LF is then quoted, not split.
            spreadsheet_safe(frame).to_csv(stream, index=False, encoding="utf-8", lineterminator="\r\n")
        return path

    def _set_quietly(self, control: widgets.Widget, **values) -> None:
        """Change a control (e.g. its options) without firing the explorer's handlers."""
        self._updating = True
        try:
            for name, value in values.items():
                setattr(control, name, value)
        finally:
            self._updating = False
