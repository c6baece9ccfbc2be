"""Worker processes: a file that crashes, hangs or exhausts memory costs only its own row.

The per-file function is swapped for one that misbehaves on purpose for some file names and
runs the real extraction for the others, so the pool's isolation is tested with real crashes,
real timeouts and the real memory cap, in real worker processes.
"""

from __future__ import annotations

import dataclasses
import faulthandler
import io
import os
import shutil
import signal
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import SAMPLES
from extract.batch import Task, plan, run_local, work
from extract.pipeline import FileResult, InputFile
from extract.progress import Progress

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def misbehave(item: InputFile, year: int | None, extracted_at: datetime) -> tuple[FileResult, int]:
    """Runs in a worker: misbehaves as the file's name says, else extracts it for real."""
    name = item.path.stem
    if name == "segfault":
        faulthandler.disable()  # pytest's, inherited by the fork: the crash is meant, no dump
        os.kill(os.getpid(), signal.SIGSEGV)
    if name == "killed":
        os.kill(os.getpid(), signal.SIGKILL)
    if name == "hang":
        time.sleep(60)
    if name == "hog":
        bytearray(8 << 30)  # 8 GiB: fits this machine, not the worker's 1 GiB cap
    if name.startswith("pid"):
        result, _ = work(item, year, extracted_at)
        return result, os.getpid()
    return work(item, year, extracted_at)


def _tasks(folder: Path, names: list[str]) -> list[Task]:
    data = (SAMPLES / "reference.txt").read_bytes()
    for i, name in enumerate(names):
        (folder / f"{name}.txt").write_bytes(data + f"\n附注{i}\n".encode())
    inputs = [InputFile(folder / f"{n}.txt", f"{n}.txt") for n in names]
    return plan(inputs, extracted_at=NOW).tasks


def test_crashes_hangs_and_memory_exhaustion_fail_alone(tmp_path: Path) -> None:
    names = ["good1", "segfault", "hang", "good2", "killed", "hog", "good3"]
    tasks = _tasks(tmp_path, names)
    start = time.monotonic()
    outcomes = list(
        run_local(
            tasks,
            year=None,
            extracted_at=NOW,
            jobs=2,
            timeout=2,
            memory_mb=1024,
            function=misbehave,
        )
    )
    assert time.monotonic() - start < 30  # the hanging file did not hold the run
    by_name = {o.result.display: o.result for o in outcomes}
    assert sorted(by_name) == sorted(f"{n}.txt" for n in names)
    for good in ("good1.txt", "good2.txt", "good3.txt"):
        assert by_name[good].status == "ok"
        assert by_name[good].count("indicators") == 27
    expected = {
        "segfault.txt": "the reader crashed (SIGSEGV) while reading the file",
        "killed.txt": "the reader was killed (most likely out of memory) while reading the file",
        "hang.txt": "stopped after 2 s (--timeout): the file takes too long to read",
        "hog.txt": "ran out of memory while reading the file (see --memory-limit)",
    }
    for name, reason in expected.items():
        result = by_name[name]
        assert (result.status, result.error) == ("failed", reason)
        document = result.rows["documents"][0]
        assert document["sha256"] is not None and document["source_format"] == "txt"
        assert [i["code"] for i in result.rows["issues"]] == ["file_unreadable"]


def test_workers_are_replaced_after_a_number_of_files(tmp_path: Path) -> None:
    tasks = _tasks(tmp_path, [f"pid{i}" for i in range(6)])
    outcomes = list(
        run_local(
            tasks,
            year=None,
            extracted_at=NOW,
            jobs=1,
            tasks_per_worker=2,
            function=misbehave,
        )
    )
    pids = [o.worker_rss_kib for o in outcomes]
    assert len(pids) == 6 and len(set(pids)) == 3
    assert all(o.result.status == "ok" for o in outcomes)


def test_closing_the_run_early_ends_the_workers(tmp_path: Path) -> None:
    tasks = _tasks(tmp_path, ["good1", "hang", "hang2"])
    (tmp_path / "hang2.txt").unlink()
    shutil.copy(tmp_path / "hang.txt", tmp_path / "hang2.txt")
    outcomes = run_local(tasks, year=None, extracted_at=NOW, jobs=2, function=misbehave)
    first = next(outcomes)
    start = time.monotonic()
    outcomes.close()  # what Ctrl-C does: the sleeping worker must not be waited for
    assert time.monotonic() - start < 10
    assert first.result.display in {"good1.txt", "hang.txt", "hang2.txt"}


def test_plan_hashes_once_dedups_and_skips_what_out_holds(tmp_path: Path) -> None:
    from extract import __version__
    from extract.batch import Known

    a = tmp_path / "a.txt"
    a.write_bytes((SAMPLES / "reference.txt").read_bytes())
    b = tmp_path / "same as a.txt"
    shutil.copy(a, b)
    c = tmp_path / "c.txt"
    c.write_bytes(a.read_bytes() + b"\n")
    missing = tmp_path / "gone.txt"
    inputs = [InputFile(p, p.name) for p in (a, b, c, missing)]
    fresh = plan(inputs, extracted_at=NOW)
    assert [t.item.display for t in fresh.tasks] == ["a.txt", "c.txt"]
    assert fresh.duplicates == ["same as a.txt"]
    assert [r.error for r in fresh.unreadable] == [
        "cannot read the file: No such file or directory"
    ]
    known = {
        fresh.tasks[0].sha256: Known(__version__, 2021, "project_code", "ok"),
        fresh.tasks[1].sha256: Known(__version__, 2021, "project_code", "failed"),
    }
    again = plan(inputs, known=known, extracted_at=NOW)
    assert again.unchanged == ["a.txt"]
    assert [t.item.display for t in again.tasks] == ["c.txt"]  # failed before: tried again
    older = {fresh.tasks[0].sha256: Known("0.0.1", 2021, "project_code", "ok")}
    assert [t.item.display for t in plan(inputs, known=older, extracted_at=NOW).tasks] == [
        "a.txt",
        "c.txt",
    ]
    with_year = plan(inputs, known=known, year=2022, extracted_at=NOW)
    assert [t.item.display for t in with_year.tasks] == ["a.txt", "c.txt"]
    # --year applied or dropped explicitly: the same --year skips, none re-reads (issue 17).
    forced = {fresh.tasks[0].sha256: Known(__version__, 2030, "option", "ok")}
    assert plan(inputs, known=forced, year=2030, extracted_at=NOW).unchanged == ["a.txt"]
    assert plan(inputs, known=forced, extracted_at=NOW).unchanged == []


def _result(display: str, status: str) -> FileResult:
    return FileResult("0" * 16, display, status, None if status == "ok" else "bad", {})


def test_progress_lines_in_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    from extract import progress as module

    monkeypatch.setattr(module, "_LOG_EVERY_SECONDS", 0.0)
    stream = io.StringIO()
    progress = Progress(3, stream=stream, tty=False)
    for name, status in (("a", "ok"), ("b", "failed"), ("c", "ok")):
        progress.advance(_result(name, status))
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("1/3 files (33%), ") and lines[0].endswith(" s left, 0 failed")
    assert lines[1] == "failed: b: bad"
    assert lines[2].startswith("2/3 files (66%), ") and lines[2].endswith(", 1 failed")
    assert len(lines) == 3  # the run's summary line, not the progress, reports the end


def test_progress_bar_on_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(2, stream=stream, tty=True, verbose=True)
    progress.advance(_result("a", "ok"))
    progress.advance(_result("b", "failed"))
    progress.close()
    text = stream.getvalue()
    assert "ok: a" in text and "failed: b: bad" in text
    assert "0/2 [" in text and "1/2 [" in text and "file/s" in text and "failed=" in text


@pytest.mark.parametrize("verbose", [False, True])
def test_quiet_progress_prints_what_needs_looking_at_only(verbose: bool) -> None:
    """--quiet: no progress, only the files not fully read; with --verbose every file, each
    with its true status (issue 17)."""
    stream = io.StringIO()
    progress = Progress(3, stream=stream, tty=False, quiet=True, verbose=verbose)
    for name, status in (("a", "ok"), ("b", "failed"), ("c", "partial")):
        progress.advance(_result(name, status))
    expected = ["failed: b: bad", "partial: c: bad"]
    assert stream.getvalue().splitlines() == (["ok: a", *expected] if verbose else expected)


@pytest.mark.parametrize("jobs", [1, 2])
def test_real_files_through_the_pool(jobs: int, tmp_path: Path) -> None:
    files = [SAMPLES / "reference.txt", SAMPLES / "reference.docx", SAMPLES / "reference.pdf"]
    tasks = plan([InputFile(p, p.name) for p in files], extracted_at=NOW).tasks
    outcomes = list(run_local(tasks, year=None, extracted_at=NOW, jobs=jobs))
    assert sorted((o.result.display, o.result.count("indicators")) for o in outcomes) == [
        ("reference.docx", 27),
        ("reference.pdf", 27),
        ("reference.txt", 27),
    ]
    assert all(o.worker_rss_kib and o.worker_rss_kib > 1000 for o in outcomes)


def test_a_scanned_pdf_gets_the_timeout_once_per_fifteen_scanned_pages() -> None:
    """A long scan takes seconds a page to OCR: its budget grows with its scanned pages, told
    from its first pages when it is handed to a worker (planning leaves it unopened, as the
    Dask engine never needs it); text PDFs and other files get the timeout once."""
    scanned = SAMPLES / "scanned"
    inputs = [
        InputFile(scanned / "funing_zhujian_2022.pdf", "funing.pdf"),  # 7 pages, all scans
        InputFile(scanned / "mixed_reference.pdf", "mixed.pdf"),  # pages 2 and 4 of 5
        InputFile(SAMPLES / "large" / "40_projects.pdf", "40_projects.pdf"),
        InputFile(SAMPLES / "reference.docx", "reference.docx"),
    ]
    tasks = {t.item.display: t for t in plan(inputs, extracted_at=datetime.now(UTC)).tasks}
    assert {t.scans for t in tasks.values()} == {None}
    assert [tasks[n].scanned() for n in ("funing.pdf", "mixed.pdf", "40_projects.pdf")] == [7, 2, 0]
    assert tasks["reference.docx"].scanned() is None
    assert tasks["funing.pdf"].budget(120) == 120  # never less than the timeout
    long_scan = dataclasses.replace(tasks["funing.pdf"], scans=45)
    assert long_scan.budget(120) == pytest.approx(360)
    assert tasks["40_projects.pdf"].budget(120) == 120  # 42 pages of text
    assert tasks["reference.docx"].budget(0) is None  # --timeout 0: none


def test_only_a_pdf_of_more_than_fifteen_pages_is_looked_into_for_its_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fifteen scanned pages or fewer cannot raise the budget: such a PDF's pages stay unloaded
    (its page count is a hundredth of the look). A longer scan gets its pages' share."""
    from PIL import Image, ImageDraw

    pages = []
    for i in range(20):  # a 20-page scan: images only, no text layer
        page = Image.new("L", (850, 1100), 255)
        ImageDraw.Draw(page).rectangle((100, 100 + i * 10, 700, 300 + i * 10), fill=0)
        pages.append(page)
    pages[0].save(tmp_path / "scan20.pdf", save_all=True, append_images=pages[1:])
    inputs = [
        InputFile(tmp_path / "scan20.pdf", "scan20.pdf"),
        InputFile(SAMPLES / "scanned" / "funing_zhujian_2022.pdf", "funing.pdf"),  # 7 scans
    ]
    tasks = {t.item.display: t for t in plan(inputs, extracted_at=datetime.now(UTC)).tasks}
    assert tasks["scan20.pdf"].scanned() == 20
    assert tasks["scan20.pdf"].budget(120) == pytest.approx(160)

    def looked(path: str, sample: int = 3) -> int | None:
        raise AssertionError(f"{path} was looked into")

    monkeypatch.setattr("extract.batch.scanned_pages", looked)
    assert tasks["funing.pdf"].budget(120) == 120
    with pytest.raises(AssertionError, match=r"scan20\.pdf was looked into"):
        tasks["scan20.pdf"].budget(120)
