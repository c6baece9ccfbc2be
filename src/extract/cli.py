"""The `extract` command: parses arguments, calls the library, turns outcomes into exit codes.

Exit codes: 0 every file ok (or partial), 1 any file failed (or, with `run --strict`, any
error-level issue), 2 bad usage (including an input path that does not exist or an output folder
that cannot be written).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from extract import __version__
from extract.pipeline import FileResult, RunSummary, collect_inputs, extract_all, merged_rows
from extract.writers import OutputError, check_writable, write_datasets

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
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.option("--verbose", "-v", is_flag=True, help="Name each file as it finishes.")
@click.option(
    "--strict",
    is_flag=True,
    help="Exit 1 when this run finds any error-level issue (such as budget_sum_mismatch).",
)
def run(
    inputs: tuple[Path, ...], out: Path, year: int | None, quiet: bool, verbose: bool, strict: bool
) -> None:
    """Extract INPUT files and folders (recursively) into OUT.

    Exit codes: 0 every file ok or partial; 1 a file failed, or with --strict an error-level
    issue was found; 2 bad usage.
    """
    try:
        check_writable(out)
    except OutputError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    files = collect_inputs(inputs)
    if not files:
        click.echo("Error: no .txt, .docx, .doc or .pdf files in the given inputs", err=True)
        sys.exit(EXIT_USAGE)

    def report(result: FileResult) -> None:
        if result.status != "ok" and not quiet:
            click.echo(f"{result.status}: {result.display}: {result.error}", err=True)
        elif verbose:
            click.echo(f"ok: {result.display}", err=True)

    summary = extract_all(files, year=year, on_result=report)
    try:
        write_datasets(
            out, merged_rows(summary.results), replace_doc_ids={r.doc_id for r in summary.results}
        )
    except OutputError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if not quiet:
        click.echo(_summary_line(summary, out))
    errors = _error_issues(summary) if strict else 0
    if errors:
        click.echo(f"Error: --strict: {errors} error-level issue(s) in {out}/issues", err=True)
    sys.exit(EXIT_FAILED if summary.by_status("failed") or errors else EXIT_OK)


def _error_issues(summary: RunSummary) -> int:
    return sum(
        1 for r in summary.results for i in r.rows.get("issues", ()) if i["severity"] == "error"
    )


def _summary_line(summary: RunSummary, out: Path) -> str:
    n = len(summary.results)
    line = (
        f"{n} file{'s' if n != 1 else ''}: {summary.by_status('ok')} ok, "
        f"{summary.by_status('partial')} partial, {summary.by_status('failed')} failed; "
        f"{summary.total('projects')} projects, {summary.total('indicators')} indicators, "
        f"{summary.total('issues')} issues -> {out}"
    )
    if summary.duplicates:
        line += f" ({len(summary.duplicates)} duplicate file(s) skipped)"
    return line


@main.command("report")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the page (default: OUT/report.html).",
)
def report_command(out: Path, output: Path | None) -> None:
    """Write an HTML quality report of the output folder OUT.

    One self-contained file (no network needed): per-document status and counts, every issue
    with a link to its project, and charts of budgets, quantified indicators and spending
    plans. Exit codes: 0 written; 2 OUT is not an extract output folder, or the file cannot be
    written.
    """
    from extract.reporting import report  # pandas is loaded only for this command

    try:
        path = report(out, output)
    except (FileNotFoundError, OSError) as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"report -> {path}")
