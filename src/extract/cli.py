"""The `extract` command: parses arguments, calls the library, turns outcomes into exit codes.

Exit codes: 0 every file ok (or partial), 1 any file failed, 2 bad usage (including an input
path that does not exist or an output folder that cannot be written).
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
def run(inputs: tuple[Path, ...], out: Path, year: int | None, quiet: bool, verbose: bool) -> None:
    """Extract INPUT files and folders (recursively) into OUT."""
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
    sys.exit(EXIT_FAILED if summary.by_status("failed") else EXIT_OK)


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
