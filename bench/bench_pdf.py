"""PDF extraction speed against pdfplumber's bare table walk, and memory on a 500-page document.

The target (issue 4): the whole PDF extraction costs no more per page than pdfplumber's own
`page.extract_tables()` over the same file, since we run table finding once per page and reuse
what pdfplumber computed. On the same files in one process, samples/reference.pdf (5 pages)
and samples/large/40_projects.pdf (42 pages), each timed per page as

  ours: extract_file         read + hash + parse + normalize (no writing), the whole extraction
  ours: parse_pdf            the PDF parser alone
  pdfplumber tables          `for page in pdf.pages: page.extract_tables(); page.close()`
  pdfplumber tables+text     the same plus `page.extract_text()`, what a user also needs to get
                             the headings and project titles between the tables

Every timing is best and median of several repeats, the methods taking turns so that a slow
moment of the machine hits all of them. Then memory: a ~500-page document (build_many from
samples/make_samples.py printed by LibreOffice, cached in bench/.cache/) and the 42-page one,
each read in a fresh subprocess so that nothing of this process counts: seconds, ms per page,
peak RSS (VmHWM: ru_maxrss survives execve on Linux, so in a subprocess it may be the parent's),
VmRSS right after page ~50 and after the last page (a wrapper around the parser's per-page
function, set up in the subprocess; src/ is not touched), and VmRSS at 10%, 50% and 100% of the
elapsed time (a thread reading /proc/self/status every 50 ms). Flat figures from page 50 to the
last page (KiB/pg: the growth per page between them) mean memory does not grow with page count.
Prints figures, asserts nothing about timing.
Usage: python bench/bench_pdf.py [--repeats R] [--skip-large] [--pages N]
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
from benchlib import (
    EXTRACTED_AT,
    ROOT,
    SAMPLES,
    Timing,
    extract_cold,
    load_sample_module,
    status_kib,
    time_methods,
)

from extract.parsers import pdf_parser
from extract.parsers.pdf_parser import parse_pdf
from extract.pipeline import FileResult, InputFile, extract_file

CACHE = Path(__file__).resolve().parent / ".cache"
REFERENCE = SAMPLES / "reference.pdf"
LARGE = SAMPLES / "large" / "40_projects.pdf"
# build_many(P) prints as part one (2 pages) plus about one page per project: 40 -> 42 pages.
PART_ONE_PAGES = 2
SAMPLE_EVERY = 0.05  # seconds between two VmRSS readings in the memory subprocess
PAGE_MARK = 50  # the page after which memory should stop growing


@dataclass(frozen=True)
class Sample:
    name: str
    path: Path
    data: bytes
    pages: int


def load_sample(path: Path) -> Sample:
    data = path.read_bytes()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = len(pdf.pages)
    return Sample(path.name, path, data, pages)


# --- the methods compared -----------------------------------------------------------------


def ours_extract(sample: Sample) -> FileResult:
    return extract_cold(sample.path, sample.name)


def ours_parse(sample: Sample) -> None:
    parse_pdf(sample.data)


def plumber_tables(sample: Sample) -> None:
    with pdfplumber.open(io.BytesIO(sample.data)) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.close()


def plumber_tables_text(sample: Sample) -> None:
    with pdfplumber.open(io.BytesIO(sample.data)) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.extract_text()
            page.close()


# --- the 500-page document ----------------------------------------------------------------


def large_pdf(target_pages: int) -> Path | None:
    """The cached ~`target_pages`-page PDF, printed by LibreOffice on the first run."""
    projects = max(1, target_pages - PART_ONE_PAGES)
    path = CACHE / f"{projects}_projects.pdf"
    if path.is_file():
        print(f"{path.relative_to(ROOT)}: cached ({len(path.read_bytes()) / 2**20:.1f} MiB)")
        return path
    make_samples = load_sample_module("make_samples")  # imports make_pdfs from samples/ too
    make_pdfs = load_sample_module("make_pdfs")
    problem = make_pdfs.cannot_print()
    if problem is not None:
        print(
            f"{target_pages}-page case skipped: {problem}, and"
            f" {path.relative_to(ROOT)} was not generated before"
        )
        return None
    start = time.perf_counter()
    docx_data = make_samples.build_many(projects)
    built = time.perf_counter() - start
    pdf = make_pdfs.convert({path.stem: docx_data})[path.stem]
    printed = time.perf_counter() - start - built
    CACHE.mkdir(exist_ok=True)
    path.write_bytes(pdf)
    print(
        f"{path.relative_to(ROOT)}: generated in {built + printed:.1f} s"
        f" (build_many({projects}) {built:.1f} s, soffice {printed:.1f} s),"
        f" {len(pdf) / 2**20:.1f} MiB"
    )
    return path


# --- memory, measured in a fresh subprocess -----------------------------------------------


def vm_rss_kib() -> int:
    return status_kib("VmRSS") or 0


def peak_rss_kib() -> int:
    """This process's peak RSS. VmHWM first: on Linux ru_maxrss is kept across execve, so a
    fresh subprocess would report its parent's peak if that was higher."""
    hwm = status_kib("VmHWM")
    if hwm is not None:
        return hwm
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


class Sampler(threading.Thread):
    """VmRSS every SAMPLE_EVERY seconds, with the time it was read."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.samples: list[tuple[float, int]] = []
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            self.samples.append((time.perf_counter(), vm_rss_kib()))
            self.stopped.wait(SAMPLE_EVERY)

    def at(self, moment: float) -> int:
        """The last reading at or before `moment`."""
        before = [rss for t, rss in self.samples if t <= moment]
        return before[-1] if before else self.samples[0][1]


def child(mode: str, path: Path) -> None:
    """One read of `path` in this (fresh) process; prints its figures as one JSON line."""
    data = path.read_bytes()
    per_page: dict[int, int] = {}  # page number -> VmRSS once that page is read

    if mode == "plumber":

        def run() -> int:
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                for page in pdf.pages:
                    page.extract_tables()
                    page.close()
                    per_page[page.page_number] = vm_rss_kib()
                return len(pdf.pages)

    else:
        read_page = getattr(pdf_parser, "_read_page", None)
        if read_page is not None:

            def hooked(page: Any, *args: Any) -> Any:
                result = read_page(page, *args)
                per_page[page.page_number] = vm_rss_kib()
                return result

            pdf_parser._read_page = hooked
        if mode == "parse":

            def run() -> int:
                return parse_pdf(data).n_pages or 0

        else:

            def run() -> int:
                item = InputFile(path, path.name)
                result = extract_file(item, year=None, extracted_at=EXTRACTED_AT)
                assert result.status != "failed", result.error
                return max(per_page, default=0)

    gc.collect()
    start_rss = vm_rss_kib()
    sampler = Sampler()
    sampler.start()
    start = time.perf_counter()
    pages = run()
    end = time.perf_counter()
    end_rss = vm_rss_kib()
    sampler.stopped.set()
    sampler.join()
    elapsed = end - start
    mark = min(PAGE_MARK, pages)
    figures = {
        "pages": pages,
        "seconds": elapsed,
        "start": start_rss,
        "page_mark": mark,
        "at_mark": per_page.get(mark),
        "at_last": per_page.get(pages),
        "t10": sampler.at(start + 0.1 * elapsed),
        "t50": sampler.at(start + 0.5 * elapsed),
        "end": end_rss,
        "peak": peak_rss_kib(),
    }
    print(json.dumps(figures))


def measure(mode: str, path: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"memory subprocess ({mode} {path.name}) failed:\n{done.stderr}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def mib(kib: int | None) -> str:
    return f"{kib / 1024:6.0f}" if kib else f"{'-':>6}"


def memory_run(paths: list[Path]) -> None:
    print("\nmemory, each run in a fresh process (MiB of VmRSS; peak: VmHWM)")
    print(
        f"{'file':<18}{'run':<10}{'pages':>6}{'s':>6}{'ms/pg':>7}{'start':>6}"
        f"{'pg~50':>6}{'last':>6}{'KiB/pg':>7}{'t10%':>6}{'t50%':>6}{'t100%':>6}{'peak':>6}"
    )
    modes = {"parse": "parse_pdf", "extract": "extract", "plumber": "plumber"}
    for path in paths:
        for mode, label in modes.items():
            f = measure(mode, path)

            mark, last, pages = f["at_mark"], f["at_last"], f["pages"]
            growth = "-"
            if mark and last and pages > f["page_mark"]:
                growth = f"{(last - mark) / (pages - f['page_mark']):.1f}"
            print(
                f"{path.name:<18}{label:<10}{pages:>6}{f['seconds']:>6.1f}"
                f"{f['seconds'] * 1000 / pages:>7.1f}{mib(f['start'])}{mib(mark)}{mib(last)}"
                f"{growth:>7}{mib(f['t10'])}{mib(f['t50'])}{mib(f['end'])}{mib(f['peak'])}"
            )
    print(
        "(pg~50, last: right after that page is read; t10%..t100%: at that share of the run;"
        "\n plumber: the bare extract_tables walk)"
    )


# --- report -------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--repeats", type=int, help="timed runs per method and file (default: 5 reference, 3 large)"
    )
    parser.add_argument("--skip-large", action="store_true", help="skip the ~500-page case")
    parser.add_argument("--pages", type=int, default=500, help="pages of the large case")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return

    methods: dict[str, Callable[[Sample], object]] = {
        "ours: extract_file (parse+normalize)": ours_extract,
        "ours: parse_pdf alone": ours_parse,
        "pdfplumber extract_tables": plumber_tables,
        "pdfplumber extract_tables + text": plumber_tables_text,
    }
    started = time.perf_counter()
    samples = [load_sample(REFERENCE), load_sample(LARGE)]
    repeats = {REFERENCE.name: 5, LARGE.name: 3}
    results: dict[str, dict[str, Timing]] = {}
    for sample in samples:
        check = ours_extract(sample)
        print(
            f"{sample.name}: {sample.pages} pages, {len(sample.data) / 1024:.0f} KiB, extract_file"
            f" status {check.status}, {check.count('projects')} projects,"
            f" {check.count('indicators')} indicators, {check.count('issues')} issues"
        )
        results[sample.name] = time_methods(
            methods, sample, args.repeats or repeats[sample.name], per=sample.pages
        )

    names = [s.name for s in samples]
    counts = ", ".join(f"{args.repeats or repeats[n]} for {n}" for n in names)
    width = max(len(n) for n in methods) + 2
    print(f"\nms per page, best / median of {counts} (one process, one core)")
    print(" " * width + "".join(f"{n:>24}" for n in names))
    for method in methods:
        cells = "".join(
            f"{results[n][method].best * 1000:>13.1f} /{results[n][method].median * 1000:>9.1f}"
            for n in names
        )
        print(f"{method:<{width}}{cells}")

    print("\nratios on best times (target: extract / extract_tables <= 1.0x)")
    print(" " * width + "".join(f"{n:>24}" for n in names))
    for kind, short in (
        ("ours: extract_file (parse+normalize)", "extract"),
        ("ours: parse_pdf alone", "parse_pdf"),
    ):
        for other in [m for m in methods if not m.startswith("ours")]:
            label = f"{short} / {other.removeprefix('pdfplumber ')}"
            cells = "".join(
                f"{results[n][kind].best / results[n][other].best:>23.2f}x" for n in names
            )
            print(f"{label:<{width}}{cells}")
    print(f"(timings took {time.perf_counter() - started:.0f} s)")

    paths = [LARGE]
    if args.skip_large:
        print(f"\n{args.pages}-page case skipped (--skip-large)")
    else:
        print()
        big = large_pdf(args.pages)
        if big is not None:
            paths.append(big)
    memory_run(paths)


if __name__ == "__main__":
    main()
