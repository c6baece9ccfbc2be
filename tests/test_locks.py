"""OUT/.lock with real processes: a run never deadlocks on its own lock, two runs take turns,
a dead holder frees it, and `--no-wait` refuses with the holder named (issue 16)."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

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


# The run behind `extract run`, with workers replaced every 100 files (the command replaces
# them every 1,000), in its own process so that a deadlock is a timeout, not a hung suite.
RECYCLED = """
import sys
from pathlib import Path
from extract.pipeline import collect_inputs
from extract.runner import Options, execute
options = Options(out=Path(sys.argv[2]), jobs=1, commit_every=5, tasks_per_worker=100)
report = execute(collect_inputs([Path(sys.argv[1])]), options, None)
print(report.commits, len(report.done))
"""


def test_frequent_commits_with_recycled_workers_end(tmp_path: Path) -> None:
    """312 files, a commit every 5, workers replaced every 100 files: the replacement worker
    is forked while a commit holds the lock, and must not keep holding it."""
    source = _documents(tmp_path / "in", 312, "d")
    out = tmp_path / "out"
    command = [sys.executable, "-c", RECYCLED, str(source), str(out)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["63", "312"]  # 62 commits of 5, one of the last 2
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


def _first_line(stream: IO[str], timeout: float) -> str:
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(stream.readline()), daemon=True).start()
    return lines.get(timeout=timeout)


def test_a_dead_holder_frees_the_lock_for_the_run_waiting_on_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    command = [*EXTRACT, "run", str(SAMPLES / "reference.txt"), "--out", str(out), "-q"]
    with (
        _holder(out / ".lock") as holder,
        subprocess.Popen(command, stderr=subprocess.PIPE, text=True) as waiting,
    ):
        assert waiting.stderr is not None
        notice = _first_line(waiting.stderr, timeout=60)  # said once it has waited a while
        assert waiting.poll() is None  # it waits for the holder
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
        _, stderr = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, stderr
    assert f"is in use by process {holder.pid} (lock holder); waiting" in notice
    assert len(extract.load(out).documents) == 1


def test_no_wait_refuses_naming_the_holder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with _holder(out / ".lock") as holder:
        refused = _run(str(SAMPLES / "reference.txt"), "--out", str(out), "--no-wait", timeout=60)
    assert refused.returncode == 2
    assert refused.stderr.strip() == (
        f"Error: {out} is in use by process {holder.pid} (lock holder) (--no-wait: not waiting)"
    )


def _consistent(data: extract.Datasets) -> None:
    """Every documents row has exactly the child rows its counts say, and no child is
    without its document: what a half-applied commit would break."""
    documents = data.documents
    assert documents["doc_id"].is_unique
    ids = set(documents["doc_id"])
    for name, column in (("projects", "n_projects"), ("indicators", "n_indicators")):
        frame = getattr(data, name)
        assert set(frame["doc_id"]) <= ids
        counts = frame.groupby("doc_id").size()
        expected = documents.set_index("doc_id")[column]
        assert (counts.reindex(expected.index, fill_value=0) == expected).all(), name


def test_a_reader_polling_during_a_long_run_sees_whole_commits_only(tmp_path: Path) -> None:
    source = _documents(tmp_path / "in", 150, "p")
    out = tmp_path / "out"
    command = [*EXTRACT, "run", str(source), "--out", str(out), "-q"]
    command += ["--jobs", "1", "--commit-every", "2"]
    seen: list[int] = []
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True) as writer:
        while writer.poll() is None:
            if (out / "documents").is_dir():
                data = extract.load(out)
                _consistent(data)
                seen.append(len(data.documents))
        assert writer.returncode == 0
        assert writer.stderr is not None
        assert "waiting" not in writer.stderr.read()  # a brief reader is waited for quietly
    _consistent(extract.load(out))
    assert len(extract.load(out).documents) == 150
    assert seen == sorted(seen)  # documents only ever grow during the run
    assert len(set(seen)) > 5, seen  # the reader saw many commits, not just the end


def test_the_lock_file_names_its_holder_for_the_next_writer(tmp_path: Path) -> None:
    """What a waiting run prints: the holder's PID, its command and since when."""
    out = tmp_path / "out"
    out.mkdir()
    code = (
        "import sys; from pathlib import Path; from extract import writers\n"
        "with writers._locked(Path(sys.argv[1])):\n"
        "    print((Path(sys.argv[1]) / '.lock').read_text().strip())\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code, str(out)], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert re.fullmatch(r"process \d+ \(python, since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\)", shown)
