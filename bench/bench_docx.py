"""Word extraction speed against python-docx and docx2python, and memory over many documents.

On the same files in one process: the reference sample (3 projects) and a 40-project document
built with samples/make_samples.py, each timed per document as

  ours: extract_file      read + hash + parse + normalize (no writing), the whole extraction
  ours: parse_docx        the Word parser alone
  python-docx walk        `for t in d.tables: for i in range(len(t.rows)): t.rows[i].cells`
  python-docx walk+text   the same, reading every cell's `.text` (the fair one: we read text)
  docx2python             `with docx2python(io.BytesIO(data)) as r: r.body`, when installed

Every timing is best and median of several repeats, the methods taking turns so that a slow
moment of the machine hits all of them. Then memory: `--docs` distinct documents (the two
inputs alternating, each copy with its own codes and unit name) extracted one after the other,
resident memory read after the first 100 and after all of them. Prints figures, asserts nothing
about timing. Usage: python bench/bench_docx.py [--docs N] [--repeats R] [--projects P]
"""

from __future__ import annotations

import argparse
import gc
import io
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
from benchlib import (
    EXTRACTED_AT,
    Timing,
    distinct_docx,
    extract_cold,
    load_sample_module,
    status_kib,
    time_methods,
)

from extract.parsers.docx_parser import parse_docx
from extract.pipeline import FileResult, InputFile, extract_file


@dataclass(frozen=True)
class Sample:
    name: str
    path: Path
    data: bytes


def build_samples(folder: Path, n_projects: int) -> list[Sample]:
    make_samples = load_sample_module("make_samples")
    blocks = make_samples.read_reference(make_samples.REFERENCE)  # type: ignore[attr-defined]
    reference = make_samples.render(blocks, make_samples.VARIANT_LIST[0])  # type: ignore[attr-defined]
    many = make_samples.build_many(n_projects)  # type: ignore[attr-defined]
    samples = []
    for name, data in (("reference.docx", reference), (f"{n_projects}_projects.docx", many)):
        path = folder / name
        path.write_bytes(data)
        samples.append(Sample(name, path, data))
    return samples


# --- the methods compared -----------------------------------------------------------------


def ours_extract(sample: Sample) -> FileResult:
    return extract_cold(sample.path, sample.name)


def ours_parse(sample: Sample) -> None:
    parse_docx(sample.data)


def python_docx_walk(sample: Sample) -> None:
    d = docx.Document(io.BytesIO(sample.data))
    for t in d.tables:
        for i in range(len(t.rows)):
            t.rows[i].cells  # noqa: B018 - the walk is the point


def python_docx_walk_text(sample: Sample) -> None:
    d = docx.Document(io.BytesIO(sample.data))
    for t in d.tables:
        for i in range(len(t.rows)):
            for cell in t.rows[i].cells:
                cell.text  # noqa: B018


def docx2python_method() -> Callable[[Sample], None] | None:
    try:
        from docx2python import docx2python
    except ImportError:
        return None

    def run(sample: Sample) -> None:
        with docx2python(io.BytesIO(sample.data)) as result:
            result.body  # noqa: B018

    return run


# --- memory -------------------------------------------------------------------------------


def rss_kib() -> tuple[int, str]:
    """Current resident set size (VmRSS); the peak from getrusage where /proc is missing."""
    current = status_kib("VmRSS")
    if current is not None:
        return current, "current RSS"
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return (peak // 1024 if sys.platform == "darwin" else peak), "peak RSS"


def memory_run(samples: list[Sample], folder: Path, n_docs: int) -> None:
    first = min(100, n_docs)
    inputs = " / ".join(s.name for s in samples)
    print(f"\nmemory: {n_docs} distinct documents in one process ({inputs} alternating)")
    start = time.perf_counter()
    paths = []
    for i in range(n_docs):
        source = samples[i % len(samples)]
        path = folder / f"copy_{i:05d}_{source.name}"
        path.write_bytes(distinct_docx(source.data, i))
        paths.append(path)
    print(f"  copies written in {time.perf_counter() - start:.1f} s")
    gc.collect()
    before, kind = rss_kib()
    statuses: dict[str, int] = {}
    after_first = before
    start = time.perf_counter()
    for i, path in enumerate(paths):
        result = extract_file(InputFile(path, path.name), year=None, extracted_at=EXTRACTED_AT)
        statuses[result.status] = statuses.get(result.status, 0) + 1
        del result
        if i + 1 == first:
            after_first, _ = rss_kib()
    elapsed = time.perf_counter() - start
    after_all, _ = rss_kib()
    gc.collect()
    after_gc, _ = rss_kib()
    growth = after_all - after_first
    rate = elapsed * 1000 / n_docs
    print(f"  extracted in {elapsed:.1f} s ({rate:.1f} ms/doc), statuses {statuses}")
    print(f"  {kind} before the loop:      {before / 1024:8.1f} MiB")
    print(f"  {kind} after {first:>5} docs:      {after_first / 1024:8.1f} MiB")
    print(f"  {kind} after {n_docs:>5} docs:      {after_all / 1024:8.1f} MiB")
    print(f"  {kind} after gc.collect():   {after_gc / 1024:8.1f} MiB")
    per_doc = growth / max(n_docs - first, 1)
    print(
        f"  growth from doc {first} to doc {n_docs}: {growth / 1024:+.1f} MiB"
        f" ({per_doc:+.2f} KiB/doc; target: flat)"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"  process peak RSS (ru_maxrss):   {peak / 1024:8.1f} MiB")
    for sample in samples:
        tracemalloc.start()
        ours_extract(sample)
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"  tracemalloc peak, one extract_file of {sample.name}: {traced_peak / 2**20:.1f} MiB"
        )


# --- report -------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=1000, help="documents in the memory run")
    parser.add_argument("--repeats", type=int, default=15, help="timed runs per method and file")
    parser.add_argument("--projects", type=int, default=40, help="projects in the big document")
    args = parser.parse_args()

    methods: dict[str, Callable[[Sample], object]] = {
        "ours: extract_file (parse+normalize)": ours_extract,
        "ours: parse_docx alone": ours_parse,
        "python-docx walk (rows[i].cells)": python_docx_walk,
        "python-docx walk + cell.text": python_docx_walk_text,
    }
    d2p = docx2python_method()
    if d2p is not None:
        methods["docx2python (r.body)"] = d2p

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        samples = build_samples(folder, args.projects)
        results: dict[str, dict[str, Timing]] = {}
        for sample in samples:
            check = ours_extract(sample)
            print(
                f"{sample.name}: {len(sample.data) / 1024:.1f} KiB, extract_file status"
                f" {check.status}, {check.count('projects')} projects,"
                f" {check.count('indicators')} indicators, {check.count('issues')} issues"
            )
            results[sample.name] = time_methods(methods, sample, args.repeats)

        names = [s.name for s in samples]
        width = max(len(n) for n in methods) + 2
        print(f"\nms per document, best / median of {args.repeats} (one process, one core)")
        print(" " * width + "".join(f"{n:>24}" for n in names))
        for method in methods:
            cells = "".join(
                f"{results[n][method].best * 1000:>13.2f} /{results[n][method].median * 1000:>9.2f}"
                for n in names
            )
            print(f"{method:<{width}}{cells}")
        if d2p is None:
            print("docx2python not installed (pip install docx2python)")

        print("\nratios, ours (extract_file) / other, on best times (target <= 0.8x the walk)")
        ours = "ours: extract_file (parse+normalize)"
        others = [m for m in methods if not m.startswith("ours")]
        print(" " * width + "".join(f"{n:>24}" for n in names))
        for kind in ("ours: extract_file (parse+normalize)", "ours: parse_docx alone"):
            for other in others:
                label = f"{'extract' if kind == ours else 'parse'} / {other.split(' (')[0]}"
                cells = "".join(
                    f"{results[n][kind].best / results[n][other].best:>23.2f}x" for n in names
                )
                print(f"{label:<{width}}{cells}")

        memory_run(samples, folder, args.docs)


if __name__ == "__main__":
    main()
