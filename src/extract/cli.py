"""The `extract` command: parses arguments, calls the library, turns outcomes into exit codes.

Exit codes: 0 every file ok (or partial), 1 any file failed (or, with `run --strict`, any
error-level issue), 2 bad usage (including an input path that does not exist or an output folder
that cannot be written), 130/143 stopped by Ctrl-C/SIGTERM (finished documents are kept).
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import Any, TypeVar

import click

from extract import __version__
from extract.batch import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT
from extract.names import shown
from extract.parsers.formats import suffix_list
from extract.parsers.pdf_parser import OCR_ENV
from extract.pipeline import walk_inputs
from extract.progress import Progress
from extract.runner import COMMIT_EVERY_FILES, Options, Report, execute, stored_errors
from extract.templates import TemplateError, load_templates, template
from extract.writers import LOCK_POLICY, OutputError, check_unlocked, check_writable

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="extract")
def main() -> None:
    """Turn budget performance-target documents (.txt/.docx/.pdf) into datasets."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder: OUT/NAME/<year>.parquet and OUT/NAME.csv per dataset.",
)
@click.option(
    "--year",
    type=click.IntRange(2000, 2099),
    default=None,
    help="Fiscal year of every input (overrides what the documents say).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: the machine's cores).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds one file may take before it is stopped and recorded as failed (0: none);"
    " a scanned PDF gets it once per 15 pages (each takes seconds to OCR).",
)
@click.option(
    "--memory-limit",
    type=click.IntRange(min=0),
    default=DEFAULT_MEMORY_MB,
    show_default=True,
    help="MB of memory one file may take in its worker; a file needing more is recorded as"
    " failed (0: no limit).",
)
@click.option("--force", is_flag=True, help="Extract again files OUT already holds.")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where files are read: worker processes here, or a Dask cluster.",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a local Dask cluster).",
)
@click.option(
    "--commit-every",
    type=click.IntRange(min=1),
    default=COMMIT_EVERY_FILES,
    show_default=True,
    help="Write finished documents to OUT after this many files (and every 2 minutes).",
)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.option("--verbose", "-v", is_flag=True, help="Name each file as it finishes.")
@click.option(
    "--strict",
    is_flag=True,
    help="Exit 1 when this run finds any error-level issue (such as budget_sum_mismatch).",
)
@click.option(
    "--no-wait",
    is_flag=True,
    help="When another run is writing OUT, stop with exit 2 instead of waiting for it.",
)
@click.option(
    "--no-ocr",
    is_flag=True,
    help="Leave scanned PDF pages unread instead of reading them by OCR (when the `ocr` extra"
    " is installed).",
)
@click.option(
    "--template",
    "template_id",
    default=None,
    metavar="ID",
    help="Read every table with this template (see `extract templates`) instead of choosing"
    " one per table; implies --force.",
)
def run(
    inputs: tuple[Path, ...],
    out: Path,
    year: int | None,
    jobs: int | None,
    timeout: float,
    memory_limit: int,
    force: bool,
    engine: str,
    scheduler: str | None,
    commit_every: int,
    quiet: bool,
    verbose: bool,
    strict: bool,
    no_wait: bool,
    no_ocr: bool,
    template_id: str | None,
) -> None:
    """Extract INPUT files and folders (recursively) into OUT.

    Files OUT already holds (same content, same extractor version) are skipped; the same
    content under two paths is read once. Exit codes: 0 every file ok or partial; 1 a file
    failed, or with --strict an error-level issue was found; 2 bad usage; 130/143 stopped by
    Ctrl-C/SIGTERM, with the documents finished so far written.
    """
    if scheduler is not None and engine != "dask":
        _say("Error: --scheduler needs --engine dask", err=True)
        sys.exit(EXIT_USAGE)
    if no_ocr:  # read by the PDF parser in every worker (forked or started after this)
        os.environ[OCR_ENV] = "0"
    LOCK_POLICY.wait = not no_wait
    LOCK_POLICY.notice = lambda message: _say(message, err=True)
    try:
        check_writable(out)
        if no_wait:
            check_unlocked(out)
    except OutputError as exc:
        _say(f"Error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if template_id is not None:
        try:
            template(template_id)
        except TemplateError as exc:
            _say(f"Error: --template: {exc}", err=True)
            sys.exit(EXIT_USAGE)
        force = True  # rows read with another template must replace the stored ones
    found = walk_inputs(inputs, template_id)
    files = found.files
    if not files:
        _say(f"Error: no {suffix_list()} files in the given inputs", err=True)
        sys.exit(EXIT_USAGE)
    options = Options(
        out=out,
        year=year,
        jobs=jobs if jobs is not None else (os.cpu_count() or 1),
        timeout=timeout,
        memory_mb=memory_limit,
        force=force,
        engine=engine,
        scheduler=scheduler,
        commit_every=commit_every,
    )
    progress = Progress(len(files), quiet=quiet, verbose=verbose)
    try:
        report = execute(files, options, progress, found.unsupported)
    except OutputError as exc:
        _say(f"Error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    finally:
        progress.close()
    if not quiet:
        _say(_summary_line(report, out))
    if report.interrupted is not None:
        name = signal.Signals(report.interrupted).name
        _say(f"Stopped by {name}: the documents finished so far are in {out}", err=True)
        sys.exit(128 + report.interrupted)
    errors = 0
    if strict:  # documents skipped as unchanged count with the issues OUT holds for them
        errors = report.errors() + stored_errors(out, report.unchanged_ids)
    if errors:
        _say(f"Error: --strict: {errors} error-level issue(s) in {out}/issues", err=True)
    sys.exit(EXIT_FAILED if report.by_status("failed") or errors else EXIT_OK)


def _say(text: str, err: bool = False) -> None:
    """A one-line message: a path's control characters are shown escaped, never printed."""
    click.echo(shown(text), err=err)


def _summary_line(report: Report, out: Path) -> str:
    n = len(report.done)
    line = (
        f"{n} file{'s' if n != 1 else ''}: {report.by_status('ok')} ok, "
        f"{report.by_status('partial')} partial, {report.by_status('failed')} failed; "
        f"{report.total('projects')} projects, {report.total('indicators')} indicators; "
        f"{_counted(report.by_severity('error'), 'error')}, "
        f"{_counted(report.by_severity('warning'), 'warning')}, "
        f"{_counted(report.by_severity('info'), 'note')} -> {out}"
    )
    skipped = []
    if report.unchanged:
        skipped.append(f"{len(report.unchanged)} unchanged file(s) already in {out}")
    if report.duplicates:
        skipped.append(f"{len(report.duplicates)} duplicate file(s)")
    if report.unsupported:
        suffixes = sorted(
            {PurePath(path).suffix.lower() or "no suffix" for path in report.unsupported}
        )
        skipped.append(f"{len(report.unsupported)} unsupported file(s): {', '.join(suffixes)}")
    if skipped:
        line += f" (skipped: {', '.join(skipped)})"
    return line


def _counted(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


F = TypeVar("F", bound=Callable[..., Any])


def _output_option(what: str, default: str) -> Callable[[F], F]:
    """`--output/-o FILE` of the commands that write one file."""
    return click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=f"Where to write {what} (default: {default}).",
    )


@main.command("templates")
def templates_command() -> None:
    """List the templates extract reads (the ids `run --template` accepts)."""
    for spec in load_templates():
        click.echo(f"{spec.id:<18} {spec.family:<18} {spec.description}")


@main.command("report")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@_output_option("the page", "OUT/report.html")
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Language of the page: zh (Chinese) or en (English).",
)
def report_command(out: Path, output: Path | None, lang: str) -> None:
    """Write an HTML quality report of the output folder OUT.

    One self-contained file (no network needed): per-document status and counts, the files
    not read, projects read from several documents, every issue with a link to its project,
    and charts of budgets, quantified indicators and spending plans; in Chinese, or English
    with --lang en. Exit codes: 0 written; 2 OUT is not an extract output folder, or the file
    cannot be written.
    """
    from extract.reporting import report  # pandas is loaded only for this command

    try:
        path = report(out, output, lang)
    except (FileNotFoundError, OSError, OutputError) as exc:
        _say(f"Error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    _say(f"report -> {path}")


@main.command("excel")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@_output_option("the workbook", "OUT/datasets.xlsx")
def excel_command(out: Path, output: Path | None) -> None:
    """Write every dataset of OUT as a sheet of one Excel workbook.

    Codes stay text (`001001`, 21-digit 项目编码), amounts are numbers with two decimals, each
    sheet has the column names and their Chinese labels as a frozen, filtered header. The CSVs
    are for machines; this is for reading and reviewing. Exit codes: 0 written; 2 OUT is not
    an extract output folder, or the file cannot be written.
    """
    from extract.excel import write_workbook

    try:
        path = write_workbook(out, output)
    except (FileNotFoundError, OutputError) as exc:
        _say(f"Error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    _say(f"excel -> {path}")


@main.command("history")
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--csv",
    "csv_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the history, one row per project and year, to this CSV file.",
)
def history_command(out: Path, csv_path: Path | None) -> None:
    """Follow each project of the archive OUT across fiscal years.

    Projects are matched by unit and project name (their codes change every year). Prints one
    line per project and a column per year: budget in yuan (number of indicators).
    """
    from extract.timeline import history, history_table

    try:
        frame = history(out)
    except (FileNotFoundError, OutputError) as exc:
        _say(f"Error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(history_table(frame))
    if csv_path is not None:
        import pyarrow as pa

        from extract.writers import write_csv

        try:
            write_csv(csv_path, pa.Table.from_pandas(frame, preserve_index=False))
        except OutputError as exc:
            _say(f"Error: {exc}", err=True)
            sys.exit(EXIT_USAGE)
        _say(f"history -> {csv_path}")
