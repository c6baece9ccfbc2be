"""PDF page triage against pdfplumber's bare table walk, on a long budget document.

The target (issue 15): on a long budget document where few pages hold targets, the PDF
parser costs at most 0.2x pdfplumber's bare `page.extract_tables()` walk; on a document where
every page holds target tables, at most 0.8x. Two files, each timed per page as

  ours, triage           parse_pdf(data): pages without target material read by PDFium
  ours, no triage        parse_pdf(data, triage=False): every page read by pdfplumber
  ours, extract_file     the whole extraction (parse + normalize), with triage
  pdfplumber tables      `for page in pdf.pages: page.extract_tables(); page.close()`

- a ~300-page 部门预算 made by samples/make_triage.py (chapters of prose and long ruled
  budget tables, then ten 项目绩效目标表, the last one running on to the next page), printed
  by LibreOffice on the first run and cached in bench/.cache/;
- samples/large/40_projects.pdf (every page a target page).

Each timing is the best and the median of several repeats, the methods taking turns (one
process, one core). Before timing, the triaged and the untriaged parse are checked to give
the same document. Prints figures, asserts nothing about timing.
Usage: python bench/bench_pdf_triage.py [--repeats R] [--chapters C]
"""

from __future__ import annotations

import argparse
import io
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from benchlib import ROOT, SAMPLES, Timing, extract_cold, load_sample_module, time_methods

from extract.parsers.pdf_parser import parse_pdf

CACHE = Path(__file__).resolve().parent / ".cache"
LARGE = SAMPLES / "large" / "40_projects.pdf"
CHAPTERS = 68  # about 4.4 pages each (prose, a 70-row budget table): ~300 pages
ROWS = 70
PROJECTS = 10


@dataclass(frozen=True)
class Sample:
    name: str
    path: Path
    data: bytes
    pages: int


def load(path: Path) -> Sample:
    data = path.read_bytes()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = len(pdf.pages)
    return Sample(path.name, path, data, pages)


def budget_pdf(chapters: int) -> Path | None:
    """The cached long budget document, printed by LibreOffice on the first run."""
    path = CACHE / f"triage_budget_{chapters}x{ROWS}_{PROJECTS}.pdf"
    if path.is_file():
        print(f"{path.relative_to(ROOT)}: cached ({len(path.read_bytes()) / 2**20:.1f} MiB)")
        return path
    make_pdfs = load_sample_module("make_pdfs")
    make_triage = load_sample_module("make_triage")
    problem = make_pdfs.cannot_print()
    if problem is not None:
        print(f"{path.name} skipped: {problem}")
        return None
    start = time.perf_counter()
    docx_data = make_triage.build(chapters=chapters, rows_per_table=ROWS, n_projects=PROJECTS)
    pdf = make_triage.print_pdf(docx_data)
    CACHE.mkdir(exist_ok=True)
    path.write_bytes(pdf)
    print(
        f"{path.relative_to(ROOT)}: generated in {time.perf_counter() - start:.1f} s,"
        f" {len(pdf) / 2**20:.1f} MiB"
    )
    return path


# --- the methods compared -----------------------------------------------------------------


def ours_triage(sample: Sample) -> None:
    parse_pdf(sample.data, triage=True)


def ours_full(sample: Sample) -> None:
    parse_pdf(sample.data, triage=False)


def ours_extract(sample: Sample) -> None:
    extract_cold(sample.path, sample.name)


def plumber_tables(sample: Sample) -> None:
    with pdfplumber.open(io.BytesIO(sample.data)) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.close()


METHODS: dict[str, Callable[[Sample], object]] = {
    "ours, triage (parse_pdf)": ours_triage,
    "ours, no triage (triage=False)": ours_full,
    "ours, extract_file with triage": ours_extract,
    "pdfplumber extract_tables": plumber_tables,
}
PLUMBER = "pdfplumber extract_tables"


def check(sample: Sample) -> None:
    """Both readings give the same document; prints how many pages pdfplumber read."""
    triaged = parse_pdf(sample.data, triage=True)
    full = parse_pdf(sample.data, triage=False)
    same = (triaged.blocks, triaged.notes, triaged.unread) == (full.blocks, full.notes, full.unread)
    result = extract_cold(sample.path, sample.name)
    print(
        f"{sample.name}: {sample.pages} pages, {len(sample.data) / 1024:.0f} KiB;"
        f" triage read {triaged.n_pages_parsed} with pdfplumber; same document: {same};"
        f" extract_file {result.status}, {result.count('projects')} projects,"
        f" {result.count('indicators')} indicators"
    )
    if not same:
        raise SystemExit("the triaged parse differs from the full one")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per method and file")
    parser.add_argument(
        "--chapters", type=int, default=CHAPTERS, help="budget chapters of the long document"
    )
    args = parser.parse_args()
    paths = [p for p in (budget_pdf(args.chapters), LARGE) if p is not None]
    samples = [load(p) for p in paths]
    started = time.perf_counter()
    results: dict[str, dict[str, Timing]] = {}
    for sample in samples:
        check(sample)
        results[sample.name] = time_methods(METHODS, sample, args.repeats, per=sample.pages)
    names = [s.name for s in samples]
    width = max(len(m) for m in METHODS) + 2
    column = max(24, *(len(n) + 2 for n in names))
    print(f"\nms per page, best / median of {args.repeats} (one process, one core)")
    print(" " * width + "".join(f"{n:>{column}}" for n in names))
    for method in METHODS:
        timing = [results[n][method] for n in names]
        cells = "".join(
            f"{t.best * 1000:>{column - 10}.1f} /{t.median * 1000:>8.1f}" for t in timing
        )
        print(f"{method:<{width}}{cells}")
    print("\nratio to pdfplumber's extract_tables, best times (targets: 0.2x long budget, 0.8x")
    print("every page a target page)")
    print(" " * width + "".join(f"{n:>{column}}" for n in names))
    for method in [m for m in METHODS if m != PLUMBER]:
        cells = "".join(
            f"{results[n][method].best / results[n][PLUMBER].best:>{column - 1}.2f}x" for n in names
        )
        print(f"{method:<{width}}{cells}")
    print(f"(timings took {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
