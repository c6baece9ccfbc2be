"""A batch of several hundred documents through the whole run, as `extract run` does it.

Builds N distinct documents from the committed samples, a third each of .txt, .docx and .pdf
(each copy differs in bytes, so each is its own document), then runs the batch:

  --jobs 1 and --jobs 2      documents per second, writing included, into a fresh OUT each
  --engine dask              the same on a 2-worker local Dask cluster (when the dask extra is
                             installed), as a ratio to --jobs 2
  re-run                     the same set again into the --jobs 2 OUT: everything is unchanged,
                             so this is the cost of hashing and skipping, as a share of the run
  worker memory              peak RSS of the workers after the first and the last files

Runs through `extract.runner.execute`, the function behind `extract run` (worker processes
included); prints figures and asserts nothing about them.
Each round runs every engine once; ratios are the median of the rounds' ratios.
Usage: python bench/bench_batch.py [--docs N] [--keep DIR] [--repeats R]
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from benchlib import SAMPLES, base36, distinct_docx

from extract.pipeline import InputFile, collect_inputs
from extract.runner import Options, Report, execute


def build_corpus(folder: Path, n: int) -> dict[str, int]:
    txt = (SAMPLES / "reference.txt").read_text(encoding="utf-8")
    docx = (SAMPLES / "reference.docx").read_bytes()
    pdf = (SAMPLES / "reference.pdf").read_bytes()
    counts = {"txt": 0, "docx": 0, "pdf": 0}
    for i in range(n):
        kind = ("txt", "docx", "pdf")[i % 3]
        code = base36(i)
        if kind == "txt":
            data = re.sub(r"(?<=13030421)[A-Z0-9]{4}(?=[A-Z0-9]{9}\b)", code, txt).encode()
        elif kind == "docx":
            data = distinct_docx(docx, i)
        else:
            data = pdf + f"\n% copy {i}\n".encode()  # after %%EOF: same content, own bytes
        (folder / f"doc_{i:04d}.{kind}").write_bytes(data)
        counts[kind] += 1
    return counts


def timed_run(
    inputs: list[InputFile], out: Path, jobs: int, engine: str = "local"
) -> tuple[float, Report]:
    start = time.perf_counter()
    report = execute(inputs, Options(out=out, jobs=jobs, engine=engine), progress=None)
    return time.perf_counter() - start, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=510, help="documents in the batch")
    parser.add_argument("--keep", type=Path, default=None, help="build the corpus here")
    parser.add_argument("--repeats", type=int, default=3, help="rounds of the engines")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep if args.keep is not None else Path(tmp)
        corpus = base / "corpus"
        corpus.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        counts = build_corpus(corpus, args.docs)
        inputs = collect_inputs([corpus])
        print(
            f"corpus: {len(inputs)} documents ({counts['txt']} txt, {counts['docx']} docx,"
            f" {counts['pdf']} pdf) built in {time.perf_counter() - start:.1f} s"
        )
        try:
            import distributed  # noqa: F401  (the dask extra)
        except ImportError:
            engines = [("--jobs 1", 1, "local"), ("--jobs 2", 2, "local")]
            print("--engine dask: skipped, the dask extra is not installed")
        else:
            engines = [("--jobs 1", 1, "local"), ("--jobs 2", 2, "local"), ("dask", 2, "dask")]
        # Rounds interleave the engines: this machine's speed drifts by a third within minutes,
        # so a ratio is taken within each round and the median of the rounds' ratios printed.
        times: dict[str, list[float]] = {name: [] for name, _, _ in engines}
        reports: dict[str, Report] = {}
        for round_ in range(args.repeats):
            for name, jobs, engine in engines:
                out = base / f"out_{name.replace(' ', '').strip('-')}"
                shutil.rmtree(out, ignore_errors=True)
                seconds, report = timed_run(inputs, out, jobs, engine)
                times[name].append(seconds)
                if round_ == 0:  # later rounds' workers fork a parent that imported dask
                    reports[name] = report
                statuses = {s: report.by_status(s) for s in ("ok", "partial", "failed")}
                print(
                    f"round {round_ + 1} {name}: {seconds:6.1f} s, {len(inputs) / seconds:6.1f}"
                    f" docs/s, {report.commits} commit(s), {statuses},"
                    f" {report.total('indicators')} indicators"
                )

        def ratio(a: str, b: str) -> str:
            rounds = [x / y for x, y in zip(times[a], times[b], strict=True)]
            each = ", ".join(f"{r:.2f}" for r in rounds)
            return f"{statistics.median(rounds):.2f}x (rounds: {each})"

        one, two = times["--jobs 1"], times["--jobs 2"]
        print(
            f"--jobs 1 median {statistics.median(one):.1f} s, --jobs 2 median"
            f" {statistics.median(two):.1f} s: speed-up {ratio('--jobs 1', '--jobs 2')}"
            " (target >= 1.8x)"
        )
        if "dask" in times:
            print(
                f"--engine dask, a 2-worker LocalCluster (its start included): median"
                f" {statistics.median(times['dask']):.1f} s = {ratio('dask', '--jobs 2')}"
                " --jobs 2 (target <= 1.15x)"
            )
        seconds, rerun = timed_run(inputs, base / "out_jobs2", 2)
        share = seconds / statistics.median(two)
        print(
            f"re-run, unchanged set: {seconds:.2f} s, {len(rerun.unchanged)} unchanged, "
            f"{len(rerun.done)} extracted = {share:.1%} of a --jobs 2 run (target < 5%)"
        )

        rss = reports["--jobs 2"].worker_rss_kib
        k = max(1, min(20, len(rss) // 10))
        first, last = statistics.median(rss[:k]), statistics.median(rss[-k:])
        print(
            f"worker peak RSS (--jobs 2, round 1): median of the first {k} files"
            f" {first / 1024:.1f} MiB,"
            f" of the last {k} {last / 1024:.1f} MiB, highest {max(rss) / 1024:.1f} MiB"
            " (workers are replaced every 1,000 files; target: flat)"
        )


if __name__ == "__main__":
    main()
