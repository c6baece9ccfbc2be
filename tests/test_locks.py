"""OUT/.lock with real processes: a run never deadlocks on its own lock, two runs take turns,
a dead holder frees it, and `--no-wait` refuses with the holder named (issue 16)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import extract
from conftest import SAMPLES

EXTRACT = [sys.executable, "-m", "extract"]
REFERENCE = (SAMPLES / "reference.txt").read_text(encoding="utf-8")
HOLD = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o666)
fcntl.flock(fd, fcntl.LOCK_EX)
os.ftruncate(fd, 0); os.write(fd, f"process {os.getpid()} (lock holder)\\n".encode())
print("locked", flush=True)
time.sleep(600)
"""


def _documents(folder: Path, n: int, tag: str) -> Path:
    folder.mkdir(parents=True)
    for i in range(n):
        text = REFERENCE.replace("国有土地", f"国有{tag}{i}土地")
        (folder / f"{tag}{i:04d}.txt").write_text(text, encoding="utf-8")
    return folder


def _run(*args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*EXTRACT, "run", *args, "-q"], capture_output=True, text=True, timeout=timeout
    )


@contextmanager
def _holder(lock: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding OUT's lock until it is killed."""
    command = [sys.executable, "-c", HOLD, str(lock)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
            yield holder
        finally:
            holder.kill()


def test_frequent_commits_with_recycled_workers_end(tmp_path: Path) -> None:
    """312 files, a commit every 5, workers replaced every 100 files: the replacement worker
    is forked while a commit holds the lock, and must not keep holding it."""
    source = _documents(tmp_path / "in", 312, "d")
    out = tmp_path / "out"
    done = _run(str(source), "--out", str(out), "--jobs", "1", "--commit-every", "5")
    assert done.returncode == 0, done.stderr
    assert len(extract.load(out).documents) == 312


def test_two_writers_into_one_out_both_end_with_every_document(tmp_path: Path) -> None:
    a = _documents(tmp_path / "a", 60, "a")
    b = _documents(tmp_path / "b", 60, "b")
    out = tmp_path / "out"
    common = ["--out", str(out), "--jobs", "1", "--commit-every", "3"]
    runs = [subprocess.Popen([*EXTRACT, "run", str(src), *common, "-q"]) for src in (a, b)]
    for run in runs:
        assert run.wait(timeout=240) == 0
    assert len(extract.load(out).documents) == 120


def test_a_dead_holder_frees_the_lock_for_the_run_waiting_on_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    command = [*EXTRACT, "run", str(SAMPLES / "reference.txt"), "--out", str(out), "-q"]
    with (
        _holder(out / ".lock") as holder,
        subprocess.Popen(command, stderr=subprocess.PIPE, text=True) as waiting,
    ):
        time.sleep(3)
        assert waiting.poll() is None  # it waits for the holder
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
        _, stderr = waiting.communicate(timeout=120)
    assert waiting.returncode == 0
    assert f"is being written by process {holder.pid} (lock holder); waiting" in stderr
    assert len(extract.load(out).documents) == 1


def test_no_wait_refuses_naming_the_holder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with _holder(out / ".lock") as holder:
        refused = _run(str(SAMPLES / "reference.txt"), "--out", str(out), "--no-wait", timeout=60)
    assert refused.returncode == 2
    assert refused.stderr.strip() == (
        f"Error: {out} is being written by process {holder.pid} (lock holder) "
        "(--no-wait: not waiting)"
    )
