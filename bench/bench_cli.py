"""Tika .txt documents per second at the margin, through the whole `extract run --jobs 1`.

Runs the installed command (a new process each time, as a user runs it) on a small and a large
set of distinct .txt documents made from every committed text sample (each copy with its own
project codes and a trailing line, so its own doc_id), each into a fresh OUT. The margin is
(large - small documents) / (large - small seconds): what one more document costs once the
command has started, writing included. Prints the figures; asserts nothing.
Usage: python bench/bench_cli.py [--small 13] [--large 624] [--repeats 3]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import CODE, SAMPLES, base36

from extract.writers import read_tables

TARGET = 400.0  # documents per second at the margin (issue 15)


def text_samples() -> list[Path]:
    return sorted(p for p in SAMPLES.rglob("*.txt") if "cache" not in p.as_posix())


def make_corpus(folder: Path, n: int, sources: list[Path]) -> None:
    folder.mkdir(parents=True)
    for i in range(n):
        source = sources[i % len(sources)]
        data = CODE.sub(base36(i).encode(), source.read_bytes())
        (folder / f"d{i:05d}_{source.stem}.txt").write_bytes(data + f"\n批次{i}\n".encode())


def run_once(command: str, corpus: Path, out: Path) -> float:
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(
        [command, "run", str(corpus), "--out", str(out), "--jobs", "1", "-q"], check=True
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=13)
    parser.add_argument("--large", type=int, default=624)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    command = shutil.which("extract", path=str(Path(sys.executable).parent)) or "extract"
    sources = text_samples()
    with tempfile.TemporaryDirectory() as tmp:
        small, large = Path(tmp, "small"), Path(tmp, "large")
        make_corpus(small, args.small, sources)
        make_corpus(large, args.large, sources)
        out = Path(tmp, "out")
        times: dict[str, list[float]] = {"small": [], "large": []}
        for _ in range(args.repeats):  # in turns, so a slow moment hits both
            times["small"].append(run_once(command, small, out))
            times["large"].append(run_once(command, large, out))
        held = read_tables(out, ["documents"])["documents"]
        ok = held.column("status").to_pylist().count("ok")
    t_small, t_large = min(times["small"]), min(times["large"])
    margin = (args.large - args.small) / (t_large - t_small)
    best = f"best of {args.repeats}"
    print(f"documents: distinct copies of the {len(sources)} .txt samples (every family)")
    for n, seconds in ((args.small, t_small), (args.large, t_large)):
        print(f"extract run --jobs 1, {n:4d} documents: {seconds:6.2f} s ({best})")
    print(f"OUT after the last run: {held.num_rows} documents, {ok} ok")
    each = 1000 / margin
    print(f"at the margin: {margin:.0f} documents/s ({each:.2f} ms each), target >= {TARGET:.0f}")


if __name__ == "__main__":
    main()
