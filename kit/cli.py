"""``python -m kit …``: read, analyse and report on a corpus from the command line.

Three commands, each a superset of the one before::

    python -m kit read    CORPUS --out DIR    # articles.parquet, problems.parquet
    python -m kit analyze CORPUS --out DIR    # + mentions, actors, figures, quotes
    python -m kit report  CORPUS --out DIR    # + report.html (readable without Jupyter)

The tables of one run are switched in together with a ``manifest.json`` of their
checksums (:mod:`kit.saving`): a run cut short leaves the previous one whole, and no file
is written through a symlink planted in ``--out``. Every name and message printed goes
through :func:`shown`, so a file name cannot drive the terminal or forge an output line.

Exit codes: 0 done; 1 nothing readable in CORPUS, or an error (the message says
what to do); 2 a usage error (unknown option, missing argument).

>>> main(["read", "data/wire", "--out", "/tmp/kit-cli-doctest", "--quiet"])
0
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

OK, FAILED, USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kit",
        description="Who is mentioned, what numbers are claimed, who is quoted: tables and a report from a news corpus.",
        epilog="Example: python -m kit report data --out out/report",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    descriptions = {
        "read": "read CORPUS into the articles and problems tables",
        "analyze": "read and analyse CORPUS: mentions, actors, figures and quotes tables",
        "report": "read, analyse, and write an HTML report (with every table as parquet)",
    }
    for name, text in descriptions.items():
        command = commands.add_parser(name, help=text, description=text)
        command.add_argument("corpus", metavar="CORPUS", nargs="+", help="files, folders or archives to read")
        command.add_argument("--out", required=True, metavar="DIR", help="folder for the parquet tables (created)")
        command.add_argument(
            "--latest-only", action="store_true", help="keep only the latest version of each wire story"
        )
        command.add_argument("--quiet", "-q", action="store_true", help="no progress bar, only errors")
        command.add_argument("--debug", action="store_true", help="show the full traceback of an error")
        if name == "read":
            continue
        command.add_argument("--model", metavar="NAME", help="installed spaCy pipeline (default: en_core_web_sm)")
        command.add_argument("--n-process", type=int, default=1, metavar="N", help="worker processes (-1: all CPUs)")
        command.add_argument("--engine", choices=("local", "dask"), default="local", help="where articles are analysed")
        command.add_argument(
            "--scheduler", metavar="ADDRESS",
            help="a dask scheduler (tcp://host:8786; default $KIT_DASK_SCHEDULER): its workers read the files and "
                 "write their rows under --out/parts (which they must reach), a rerun skips the parts done; "
                 "implies --engine dask")
        cache = command.add_mutually_exclusive_group()
        cache.add_argument("--cache", metavar="DIR", help="cache folder (default: $KIT_CACHE or .kit-cache)")
        cache.add_argument("--no-cache", action="store_true", help="analyse every article afresh")
        if name == "report":
            command.add_argument("--title", help="the report's title (default: from CORPUS)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit code (``python -m kit`` exits with it)."""
    parser = build_parser()
    try:
        options = parser.parse_args(argv)
    except SystemExit as exit:  # argparse has printed the usage message
        return int(exit.code or 0) and USAGE
    try:
        return _run(options)
    except KeyboardInterrupt:
        _say("interrupted", error=True)
        return FAILED
    except Exception as error:  # a clear line, not a traceback, unless --debug
        if options.debug:
            raise
        _say(f"error: {error or type(error).__name__}", error=True)
        _say("(run again with --debug for the full traceback)", error=True)
        return FAILED


def _run(options: argparse.Namespace) -> int:
    import kit

    started = time.perf_counter()
    paths = [Path(p) for p in options.corpus]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        _say(f"error: no such file or folder: {', '.join(missing)}", error=True)
        return FAILED
    if not options.out.strip():
        _say("error: --out is empty: give the folder for the tables (use --out . for the current folder)", error=True)
        return FAILED
    out = Path(options.out)
    if out.exists() and not out.is_dir():
        _say(f"error: --out {out} is a file; give a folder", error=True)
        return FAILED

    if options.command != "read" and (options.engine == "dask" or getattr(options, "scheduler", None)):
        return _run_on_cluster(options, paths, out, started)
    run = _ReportRun(options, paths, out) if options.command == "report" else None
    if run is not None and run.restore():
        _say(f"done in {time.perf_counter() - started:.1f} s", quiet=options.quiet)
        return OK
    corpus = kit.read_corpus(paths, latest_only=options.latest_only, quiet=options.quiet)
    articles, problems = corpus.articles, corpus.problems
    _say(f"read {len(articles)} article(s); {len(problems)} problem(s)", quiet=options.quiet)
    for row in problems.head(5).itertuples(index=False):
        _say(f"  not read: {row.source}" + (f" line {row.line}" if _present(row.line) else "") + f": {row.reason}", quiet=options.quiet)
    if len(problems) > 5:
        _say(f"  … and {len(problems) - 5} more in {out / 'problems.parquet'}", quiet=options.quiet)

    out.mkdir(parents=True, exist_ok=True)
    if options.command == "read":
        from kit.saving import save_tables

        # Saved as one run (a checksum manifest, switched in whole, never through a symlink).
        save_tables(out, {"articles": articles, "problems": problems})
        if not len(articles):
            _say(f"error: nothing readable in {' '.join(options.corpus)}", error=True)
            return FAILED
        _say(f"wrote articles.parquet and problems.parquet to {out}/", quiet=options.quiet)
        return OK

    if not len(articles):
        from kit.tables import empty

        tables = {name: empty(name) for name in ("mentions", "actors", "figures", "quotes")}
        kit.Analysis(articles=articles, problems=problems, **tables).save(out)
        _say(f"error: nothing readable in {' '.join(options.corpus)} (the problems table is in {out}/)", error=True)
        return FAILED
    cache = False if options.no_cache else (options.cache or True)
    settings = dict(model=options.model, n_process=options.n_process, cache=cache, progress=not options.quiet,
                    engine=options.engine)
    if options.command == "analyze":
        # The tables written partition by partition, never all in memory (kit.streaming).
        from kit.streaming import analyze_to, row_counts

        _say_counts(row_counts(analyze_to(corpus, out, **settings)), out, quiet=options.quiet)
        _say(f"done in {time.perf_counter() - started:.1f} s", quiet=options.quiet)
        return OK
    result = kit.analyze(corpus, **settings)
    counts = {name: len(table) for name, table in result.tables().items()}
    _say_counts(counts, out, quiet=options.quiet)
    if options.command == "report":
        from kit.report import write_report

        title = options.title or f"Report on {', '.join(p.name or str(p) for p in paths)}"
        html = write_report(result, out, title=title, cache=cache)
        _say(f"report: {html}", quiet=options.quiet)
        run.store(f"read {len(articles)} article(s); {len(problems)} problem(s)", _counts_line(counts, out))
    _say(f"done in {time.perf_counter() - started:.1f} s", quiet=options.quiet)
    return OK


class _ReportRun:
    """A ``report`` run served whole from the cache when nothing it depends on changed (:mod:`kit.report_cache`).

    The key is computed before anything heavy is imported; a hit copies the stored tables
    and report into ``--out`` and prints that it was reused; a damaged entry is reported
    and the report is made again. ``--no-cache`` turns it off.
    """

    def __init__(self, options: argparse.Namespace, paths: list[Path], out: Path):
        from kit import report_cache
        from kit.cache import open_cache

        self.options, self.paths, self.out, self.key, self.directory = options, paths, out, None, None
        if options.no_cache:
            return
        self.directory = open_cache(options.cache or True).directory
        self.key = report_cache.run_key(*self._material())

    def _material(self):
        options = self.options
        settings = {"latest_only": options.latest_only, "model": options.model, "n_process": options.n_process,
                    "engine": options.engine, "cache": str(Path(self.directory).resolve()), "title": options.title}
        return [options.command], self.paths, settings, self.out

    def restore(self) -> bool:
        """True when the stored run was written into ``--out`` (and said so)."""
        from kit import report_cache

        if self.key is None:
            return False
        try:
            lines = report_cache.restore_run(self.directory, self.key, self.out)
        except report_cache.DamagedEntry as error:
            _say(f"the cached report is damaged and is ignored ({error}); making it again", error=True)
            return False
        except OSError as error:
            _say(f"the cached report could not be copied ({error}); making it again", error=True)
            return False
        if lines is None:
            return False
        for line in lines:
            _say(line, quiet=self.options.quiet)
        _say(f"report: {self.out / 'report.html'} (reused from the cache: corpus, options and kit unchanged)",
             quiet=self.options.quiet)
        return True

    def store(self, *lines: str) -> None:
        """Keep the run just written, unless a report cell failed or an input changed during the run."""
        import json

        from kit import report_cache
        from kit.report import _failed_cells

        if self.key is None or report_cache.run_key(*self._material()) != self.key:
            return
        try:
            if _failed_cells(json.loads((self.out / "report.ipynb").read_text(encoding="utf-8"))):
                return
        except (OSError, ValueError, KeyError):
            return
        report_cache.store_run(self.directory, self.key, self.out, list(lines))


def _run_on_cluster(options: argparse.Namespace, paths: list[Path], out: Path, started: float) -> int:
    """analyze/report with the dask engine: the workers read the files and write partitions (kit.engine_dask)."""
    from kit import engine_dask
    from kit.streaming import row_counts

    out.mkdir(parents=True, exist_ok=True)
    cache = False if options.no_cache else (options.cache or True)
    client = engine_dask.scheduler_client(options.scheduler)  # None: $KIT_DASK_SCHEDULER or a LocalCluster
    try:
        # the workers read, analyse and write the partitions; the tables are saved in out
        engine_dask.analyze_files(paths, out, client=client, model=options.model, latest_only=options.latest_only,
                                  cache=cache, load=False)
    finally:
        if client is not None:
            client.close()
    counts = row_counts(out)
    _say(f"read {counts['articles']} article(s); {counts['problems']} problem(s); "
         f"partitions in {out / 'parts'}/", quiet=options.quiet)
    if not counts["articles"]:
        _say(f"error: nothing readable in {' '.join(options.corpus)}", error=True)
        return FAILED
    _say_counts(counts, out, quiet=options.quiet)
    if options.command == "report":
        import kit
        from kit.report import write_report

        title = options.title or f"Report on {', '.join(p.name or str(p) for p in paths)}"
        _say(f"report: {write_report(kit.Analysis.load(out), out, title=title, cache=cache)}", quiet=options.quiet)
    _say(f"done in {time.perf_counter() - started:.1f} s", quiet=options.quiet)
    return OK


def _say_counts(counts: dict[str, int], out: Path, *, quiet: bool) -> None:
    _say(_counts_line(counts, out), quiet=quiet)


def _counts_line(counts: dict[str, int], out: Path) -> str:
    return (f"analysed: {counts['mentions']} mentions of {counts['actors']} actors, {counts['figures']} figures, "
            f"{counts['quotes']} quotes; tables in {out}/")


def _present(value) -> bool:
    import pandas as pd

    return value is not None and not pd.isna(value)


def shown(text: str) -> str:
    """``text`` safe to print on a terminal: control characters as escapes, like ``repr``.

    File names and messages quoting them come from the corpus: an escape sequence in a name
    would retitle or clear the terminal, a newline would forge an output line, a bidi
    override would reorder what is shown, and an undecodable byte (kept by Python as a lone
    surrogate) could not be printed at all.

    >>> shown("a\\nb\\x1b]0;pwned\\x07.txt")
    'a\\\\nb\\\\x1b]0;pwned\\\\x07.txt'
    >>> shown("caf\\udce9.txt"), shown("Zürich – ok")
    ('caf\\\\xe9.txt', 'Zürich – ok')
    """
    return "".join(_escaped(character) for character in str(text))


def _escaped(character: str) -> str:
    import unicodedata

    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape): show the byte
        return f"\\x{code - 0xDC00:02x}"
    if unicodedata.category(character) in ("Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn") and character != "\u200d":
        return repr(character)[1:-1] if code < 0x80 else (f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    return character


def _say(message: str, *, error: bool = False, quiet: bool = False) -> None:
    """Print one line (escaped with :func:`shown`): to stderr for errors, else to stdout unless quiet."""
    if quiet and not error:
        return
    stream = sys.stderr if error else sys.stdout
    line = shown(message)
    encoding = getattr(stream, "encoding", None) or "utf-8"
    # A terminal that cannot show a character (LANG=C) gets an escape, not a UnicodeEncodeError.
    line = line.encode(encoding, "backslashreplace").decode(encoding, "replace")
    print(line, file=stream, flush=True)
