"""Throughput of the whole txt pipeline on copies of the reference document.

Prints documents per second on one core (this process), parse + normalize alone, and with the
Parquet/CSV writing included. Each copy differs by a trailing line so every document has its
own doc_id, as in a real batch. Usage: python bench/bench_pipeline.py [N_DOCS] [REPEATS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from benchlib import extract_cold

from extract.pipeline import FileResult, InputFile, merged_rows
from extract.writers import write_datasets

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "samples" / "reference.txt"


def make_corpus(folder: Path, n: int) -> list[InputFile]:
    data = REFERENCE.read_bytes()
    items = []
    for i in range(n):
        path = folder / f"doc_{i:05d}.txt"
        path.write_bytes(data + f"\n批次{i}\n".encode())
        items.append(InputFile(path, path.name))
    return items


def extract(items: list[InputFile]) -> list[FileResult]:
    """Each copy as if it were the first: the text caches are emptied before every file,
    since copies of one document would otherwise find every value already cleaned."""
    return [extract_cold(item.path, item.display) for item in items]


def best_of(repeats: int, fn: object) -> float:
    assert callable(fn)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "in")
        folder.mkdir()
        items = make_corpus(folder, n)
        extract(items[:5])  # warm imports

        def extract_only() -> None:
            results = extract(items)
            assert all(r.status == "ok" for r in results), "every copy must extract cleanly"

        def extract_and_write() -> None:
            results = extract(items)
            out = Path(tmp, "out")
            write_datasets(out, merged_rows(results), replace_doc_ids={r.doc_id for r in results})

        t_extract = best_of(repeats, extract_only)
        t_total = best_of(repeats, extract_and_write)
    size_kb = REFERENCE.stat().st_size / 1024
    print(f"documents: {n} copies of samples/reference.txt ({size_kb:.1f} KiB, 27 indicators each)")
    for label, seconds in (
        ("parse + normalize (writing excluded)", t_extract),
        ("whole run (Parquet + CSV included)  ", t_total),
    ):
        print(f"{label}: {n / seconds:8.1f} docs/s  ({seconds * 1000 / n:.2f} ms/doc)")
    print("one process, one core; best of", repeats, "runs; target >= 300 docs/s per core")


if __name__ == "__main__":
    main()
