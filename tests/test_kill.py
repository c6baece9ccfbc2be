"""A real `extract run` killed half-way: OUT holds whole documents only, never torn files.

SIGTERM (and Ctrl-C) stop the run cleanly: workers end, the documents already finished are
committed, the exit code says which signal. SIGKILL cannot be caught: then the writer's
journal decides, and the next reader (`extract.load`) finishes or discards the commit.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import extract
from conftest import SAMPLES

N_FILES = 36


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """PDFs (the slowest format, so a run lasts seconds), each its own document."""
    folder = tmp_path_factory.mktemp("corpus")
    data = (SAMPLES / "reference.pdf").read_bytes()
    for i in range(N_FILES):
        (folder / f"doc_{i:03d}.pdf").write_bytes(data + f"\n% copy {i}\n".encode())
    return folder


def _start(corpus: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            *(sys.executable, "-m", "extract", "run", str(corpus), "--out", str(out)),
            *("--jobs", "2", "--commit-every", "3", "--quiet"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_for_first_commit(process: subprocess.Popen[bytes], out: Path) -> None:
    """A commit's files appear by rename once its journal is written: from then on the
    commit is complete or will be rolled forward by the next reader."""
    deadline = time.monotonic() + 60
    while not (out / "documents.csv").exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "no commit within 60 s"
        time.sleep(0.02)


def _assert_whole_documents(out: Path) -> int:
    ds = extract.load(out)
    docs = ds.documents.set_index("doc_id")
    for name, column in (("projects", "n_projects"), ("indicators", "n_indicators")):
        counts = ds[name].groupby("doc_id").size()
        expected = docs[column].astype("int64")
        assert counts.reindex(expected.index, fill_value=0).tolist() == expected.tolist(), name
        assert set(ds[name]["doc_id"]) <= set(docs.index), name
    assert (docs["status"] == "ok").all()
    assert (docs["n_indicators"] == 27).all()
    for frame in (ds.indicators, ds.projects):
        assert not frame.duplicated(
            subset=["doc_id", "project_seq"] + (["seq"] if "seq" in frame.columns else [])
        ).any()
    leftovers = [p for p in out.rglob(".*") if p.name != ".lock"]
    assert leftovers == []
    csv = pd.read_csv(out / "documents.csv", encoding="utf-8-sig")
    assert len(csv) == len(docs)
    return len(docs)


def test_sigterm_keeps_the_finished_documents(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    process = _start(corpus, out)
    _wait_for_first_commit(process, out)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM, stderr
    assert b"Stopped by SIGTERM" in stderr
    kept = _assert_whole_documents(out)
    assert 3 <= kept <= N_FILES
    # The next run picks up where this one stopped.
    rerun = subprocess.run(
        [sys.executable, "-m", "extract", "run", str(corpus), "--out", str(out), "--jobs", "2"],
        capture_output=True,
        check=False,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert f"{kept} unchanged file(s)" in rerun.stdout.decode() or kept == N_FILES
    assert _assert_whole_documents(out) == N_FILES


@pytest.mark.parametrize("delay", [0.0, 0.15, 0.4])
def test_sigkill_never_leaves_a_torn_output(corpus: Path, tmp_path: Path, delay: float) -> None:
    out = tmp_path / "out"
    process = _start(corpus, out)
    _wait_for_first_commit(process, out)
    time.sleep(delay)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)
    # Workers die with their parent's pool or finish alone; none may write to OUT.
    kept = _assert_whole_documents(out)
    assert 3 <= kept <= N_FILES
