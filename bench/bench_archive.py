"""Adding documents to a large archive against adding them to an empty OUT, as a user runs it.

Builds an archive of N documents (the rows of samples/reference.txt under N doc_ids, written
straight through the writer: building it by extraction would take minutes) and 100 new distinct
.txt documents, then times, taking turns, the whole `extract run NEW --out OUT --jobs 1`:

  empty OUT      what the 100 documents cost on their own
  archive OUT    a fresh copy of the archive each time (the copy is not timed)

and prints the medians and their ratio (issue 15's target: <= 2x for 3,000 documents). Asserts
nothing. Usage: python bench/bench_archive.py [--archive 3000] [--new 100] [--repeats 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
from benchlib import SAMPLES

from extract import writers
from extract.schema import DATASETS


def write_corpus(folder: Path, first: int, n: int) -> None:
    text = (SAMPLES / "reference.txt").read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(first, first + n):
        (folder / f"d{i:05d}.txt").write_text(text.replace("国有土地", f"国有{i}土地"), "utf-8")


def extract_run(inputs: Path, out: Path) -> float:
    command = [sys.executable, "-m", "extract", "run", str(inputs), "--out", str(out)]
    start = time.perf_counter()
    subprocess.run([*command, "--jobs", "1", "-q"], check=True)
    return time.perf_counter() - start


def build_archive(work: Path, n: int) -> Path:
    """N documents of the reference's rows, each under its own doc_id, in one commit."""
    write_corpus(work / "seed", 0, 1)
    extract_run(work / "seed", work / "seed_out")
    rows: dict[str, list[dict[str, object]]] = {}
    for name in DATASETS:
        table = writers.read_table_unlocked(work / "seed_out", name)
        at = table.schema.get_field_index("doc_id")
        copies = [
            table.set_column(at, "doc_id", pa.array([f"archived{k:06d}"] * table.num_rows))
            for k in range(n)
        ]
        rows[name] = pa.concat_tables(copies).to_pylist()
    archive = work / "archive"
    writers.write_datasets(archive, rows, replace_doc_ids=[])
    return archive


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--archive", type=int, default=3000, help="documents in the archive")
    parser.add_argument("--new", type=int, default=100, help="documents the run adds")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        start = time.perf_counter()
        archive = build_archive(work, args.archive)
        write_corpus(work / "new", 100_000, args.new)
        size = sum(p.stat().st_size for p in archive.rglob("*") if p.is_file()) / 2**20
        print(
            f"archive: {args.archive} documents, {size:.0f} MiB, built in "
            f"{time.perf_counter() - start:.1f} s; run adds {args.new} .txt documents"
        )
        times: dict[str, list[float]] = {"empty OUT": [], "archive OUT": []}
        for _ in range(args.repeats):
            for target in times:
                out = work / "out"
                shutil.rmtree(out, ignore_errors=True)
                if target == "archive OUT":
                    shutil.copytree(archive, out)
                times[target].append(extract_run(work / "new", out))
        medians = {target: statistics.median(t) for target, t in times.items()}
        for target, median in medians.items():
            print(f"  {target:12} median {median:6.2f} s (best {min(times[target]):.2f} s)")
        ratio = medians["archive OUT"] / medians["empty OUT"]
        print(f"ratio archive / empty: {ratio:.2f}x (target <= 2.0x)")


if __name__ == "__main__":
    main()
