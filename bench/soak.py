"""Soak: a large mixed batch, killed with SIGKILL three times and resumed, against a clean run.

Builds N files from every committed sample rendering (.pdf, .docx, .txt, .html, .xlsx, .xls,
.csv; each copy its own bytes, a few exact duplicates), mutates 5% of them (truncated, bytes
flipped, emptied, random bytes, another format's bytes under the suffix), then:

  clean run    `extract run CORPUS --out CLEAN --jobs 2` from start to end
  soak run     the same into SOAK, SIGKILLed at three random moments (the main process only,
               as the kernel's OOM killer or `kill -9` would; the second kill at the first
               commit after its moment, while it writes), resumed each time, then to the end

and prints the files, the failures (files recorded as failed: the mutants), the recoveries (an
interrupted commit or stray temps found after a kill), and whether every dataset of SOAK equals
CLEAN's (ignoring `documents.extracted_at` and `files.seen_at`, the clock). Not part of
`make test`: it takes minutes. Exits 1 when the outputs differ, a run hangs or crashes.

Usage: python bench/soak.py [--files 2000] [--seed N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from benchlib import SAMPLES

import extract
from extract.filerows import UNCHANGED_NOTE
from extract.schema import DATASETS, FILES_DATASET
from extract.writers import JOURNAL_NAME

SUFFIXES = (".pdf", ".docx", ".txt", ".html", ".xlsx", ".xls", ".csv")
# What differs between any two runs: the clock, and a path's note that an earlier run read it.
CLOCK_COLUMNS = {"documents": ["extracted_at"], "files": ["seen_at"]}
KILLS = 3
HANG_FACTOR = 10  # a run taking this many times the clean run's duration is taken as hung


def base_files() -> list[Path]:
    return sorted(
        path
        for path in SAMPLES.rglob("*")
        if path.suffix in SUFFIXES and path.is_file() and "cache" not in path.as_posix()
    )


def _rezipped(data: bytes, i: int) -> bytes:
    """The same package with its own zip comment: the same content, its own bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        dst.comment = f"copy {i}".encode()
    return out.getvalue()


def distinct(data: bytes, suffix: str, i: int) -> bytes:
    """Copy `i` of a file, with bytes of its own where the format has room for them."""
    if suffix == ".pdf":
        return data + f"\n% copy {i}\n".encode()  # after %%EOF
    if suffix in (".docx", ".xlsx"):
        return _rezipped(data, i)
    if suffix == ".html":
        return data + f"\n<!-- copy {i} -->\n".encode()
    if suffix == ".txt":
        return data + b"\n" * (1 + i % 50) + b" " * (i // 50)
    return data  # .xls, .csv: exact duplicates of each other, read once


def mutate(data: bytes, rng: random.Random, other: bytes) -> tuple[bytes, str]:
    kind = rng.choice(("truncated", "flipped", "empty", "random", "foreign", "zeroed"))
    if kind == "truncated" and data:
        return data[: rng.randrange(len(data))], kind
    if kind == "flipped" and data:
        buffer = bytearray(data)
        for _ in range(rng.randint(1, 40)):
            buffer[rng.randrange(len(buffer))] = rng.randrange(256)
        return bytes(buffer), kind
    if kind == "random":
        return rng.randbytes(rng.randint(1, 20_000)), kind
    if kind == "foreign":
        return other, kind
    if kind == "zeroed" and len(data) > 16:
        start = rng.randrange(len(data) // 2)
        end = min(len(data), start + rng.randint(1, 4096))
        return data[:start] + bytes(end - start) + data[end:], kind
    return b"", "empty"


def build_corpus(folder: Path, n: int, rng: random.Random) -> dict[str, int]:
    bases = base_files()
    contents = [path.read_bytes() for path in bases]
    mutants = set(rng.sample(range(n), n // 20))
    duplicates = set(rng.sample(sorted(set(range(1, n)) - mutants), n // 100))
    counts: dict[str, int] = {"files": n, "mutated": len(mutants), "duplicated": 0}
    written: list[Path] = []
    for i in range(n):
        base = i % len(bases)
        suffix = bases[base].suffix
        target = folder / f"{i // 100:02d}" / f"f{i:05d}_{bases[base].stem[:24]}{suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        if i in duplicates:
            source = rng.choice(written)
            target = target.with_suffix(source.suffix)
            data = source.read_bytes()
            counts["duplicated"] += 1
        else:
            data = distinct(contents[base], suffix, i)
        if i in mutants:
            data, kind = mutate(data, rng, contents[rng.randrange(len(contents))])
            counts[kind] = counts.get(kind, 0) + 1
        target.write_bytes(data)
        written.append(target)
    return counts


@dataclass
class Run:
    seconds: float
    returncode: int
    stdout: str
    stderr: str
    killed: bool


def run(
    corpus: Path, out: Path, kill_after: float | None, limit: float, mid_commit: bool = False
) -> Run:
    """One `extract run`; with `kill_after`, SIGKILLed then (or, `mid_commit`, at the first
    moment after then that a commit is writing its files)."""
    command = [sys.executable, "-m", "extract", "run", str(corpus), "--out", str(out)]
    command += ["--jobs", "2", "--commit-every", "25"]
    start = time.perf_counter()
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr)
        killed = False
        try:
            if kill_after is not None:
                try:
                    process.wait(timeout=kill_after)
                except subprocess.TimeoutExpired:
                    if mid_commit:
                        _wait_for_a_commit(out, process, deadline=time.monotonic() + limit)
                    if process.poll() is None:
                        os.kill(process.pid, signal.SIGKILL)
                        killed = True
            process.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise SystemExit(
                f"HANG: `{' '.join(command)}` still running after {limit:.0f} s"
            ) from None
        outputs = []
        for stream in (stdout, stderr):
            stream.seek(0)
            outputs.append(stream.read().decode(errors="replace"))
    return Run(time.perf_counter() - start, process.returncode, *outputs, killed)


def _wait_for_a_commit(out: Path, process: subprocess.Popen[bytes], deadline: float) -> None:
    folders = [out, *(out / name for name in DATASETS), out / FILES_DATASET]
    while process.poll() is None and time.monotonic() < deadline:
        for folder in folders:
            with contextlib.suppress(OSError), os.scandir(folder) as entries:
                if any(e.name.endswith(".tmp") or e.name == JOURNAL_NAME for e in entries):
                    return
        time.sleep(0.001)


def leftovers(out: Path) -> tuple[bool, int]:
    """An interrupted commit's journal, and the stray temps beside it, as a kill left them."""
    journal = (out / JOURNAL_NAME).exists()
    temps = sum(1 for path in out.rglob(".*.tmp") if path.is_file())
    return journal, temps


def differences(clean: Path, soak: Path) -> list[str]:
    left, right = extract.load(clean), extract.load(soak)
    problems = []
    for name in left:
        a, b = (_timeless(name, data[name]) for data in (left, right))
        if not a.equals(b):
            merged = a.merge(b, how="outer", indicator=True)
            only = merged["_merge"].value_counts()
            problems.append(
                f"{name}: {len(a)} rows clean, {len(b)} soak; "
                f"{only.get('left_only', 0)} only clean, {only.get('right_only', 0)} only soak"
            )
    return problems


def _timeless(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.drop(columns=CLOCK_COLUMNS.get(name, [])).reset_index(drop=True)
    if name == "files":
        frame["note"] = frame["note"].mask(frame["note"] == UNCHANGED_NOTE)
    return frame


def expect(run_: Run, what: str, ok: Callable[[int], bool]) -> None:
    if not ok(run_.returncode):
        tail = run_.stderr.strip().splitlines()[-5:]
        raise SystemExit(f"CRASH: {what} exited {run_.returncode}:\n" + "\n".join(tail))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: time)")
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    work = args.keep or Path(tempfile.mkdtemp(prefix="extract-soak-"))
    corpus, clean, soak = work / "corpus", work / "clean", work / "soak"
    corpus.mkdir(parents=True, exist_ok=False)
    counts = build_corpus(corpus, args.files, rng)
    print(f"seed {seed}; work folder {work}")
    print("corpus: " + ", ".join(f"{value} {key}" for key, value in counts.items()))

    reference = run(corpus, clean, None, limit=3600)
    expect(reference, "the clean run", lambda rc: rc in (0, 1))
    limit = max(60.0, HANG_FACTOR * reference.seconds)
    print(f"clean run: {reference.seconds:.1f} s, exit {reference.returncode}")

    recoveries = 0
    done = 0
    total = len(extract.load(clean).documents)
    for k in range(1, KILLS + 1):
        # A random moment within what is left of the work, so every run has something to kill.
        left = reference.seconds * max(0.1, 1 - done / max(total, 1))
        moment = rng.uniform(0.1, 0.6) * left
        # The second kill waits for a commit in progress, so that recovery is exercised.
        attempt = run(corpus, soak, moment, limit, mid_commit=k == 2)
        journal, temps = leftovers(soak)
        recoveries += journal or temps > 0
        state = (
            f"killed after {attempt.seconds:.1f} s"
            if attempt.killed
            else f"ended before its kill at {moment:.1f} s, exit {attempt.returncode}"
        )
        if not attempt.killed:
            expect(attempt, f"run {k}", lambda rc: rc in (0, 1))
        done = len(extract.load(soak).documents) if (soak / "documents.csv").exists() else 0
        print(
            f"run {k}: {state}; interrupted commit: {'yes' if journal else 'no'},"
            f" stray temps: {temps}; {done} documents readable after it"
        )
    final = run(corpus, soak, None, limit)
    expect(final, "the last resume", lambda rc: rc in (0, 1))
    skipped = re.search(r"(\d+) unchanged file", final.stdout + final.stderr)
    print(
        f"last resume: {final.seconds:.1f} s, exit {final.returncode}"
        + (f", {skipped.group(1)} unchanged files skipped" if skipped else "")
    )

    documents = extract.load(clean).documents
    failed = int((documents["status"] == "failed").sum())
    print(
        f"files: {args.files}; documents: {len(documents)}; failures: {failed} "
        f"(of {counts['mutated']} mutated); recoveries: {recoveries} of {KILLS} kills"
    )
    problems = differences(clean, soak)
    if problems:
        print("NOT equal to a clean run:\n  " + "\n  ".join(problems))
        raise SystemExit(1)
    print("equal to a clean run")


if __name__ == "__main__":
    main()
