"""The Dask engine writes exactly what the local engine writes, on a real LocalCluster."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import extract
from conftest import SAMPLES
from extract.batch import plan, work
from extract.cli import main
from extract.dask_engine import MAX_CHUNK, QUIET, chunks, run_dask
from extract.pipeline import FileResult, InputFile
from extract.schema import DATASETS

pytest.importorskip("dask.distributed", reason="the dask extra is not installed")


def _frames(out: Path) -> dict[str, pd.DataFrame]:
    ds = extract.load(out)
    frames = {}
    for name in DATASETS:
        frame = ds[name].drop(columns=["extracted_at"], errors="ignore")
        keys = [c for c in ("doc_id", "project_seq", "seq") if c in frame.columns]
        frames[name] = frame.sort_values(keys).reset_index(drop=True)
    return frames


def test_dask_engine_matches_the_local_engine(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("reference.txt", "reference.docx", "reference.pdf"):
        shutil.copy(SAMPLES / name, inputs / name)
    shutil.copy(SAMPLES / "variants" / "nested.docx", inputs / "nested.docx")
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.4\n" + bytes(500))
    local, dask = tmp_path / "local", tmp_path / "dask"
    runner = CliRunner()
    first = runner.invoke(main, ["run", str(inputs), "--out", str(local), "--jobs", "2"])
    second = runner.invoke(
        main, ["run", str(inputs), "--out", str(dask), "--engine", "dask", "--jobs", "2"]
    )
    assert first.exit_code == second.exit_code == 1  # the broken PDF, in both
    assert (
        first.output.splitlines()[-1].split(" -> ")[0]
        == (second.output.splitlines()[-1].split(" -> ")[0])
    )
    a, b = _frames(local), _frames(dask)
    for name in DATASETS:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)
    assert len(a["documents"]) == 5 and len(a["indicators"]) == 4 * 27


def test_scheduler_needs_the_dask_engine(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["run", str(SAMPLES / "reference.txt"), "--out", str(tmp_path), "--scheduler", "x:1"],
    )
    assert result.exit_code == 2
    assert "--scheduler needs --engine dask" in result.output


def flaky(item: InputFile, year: int | None, extracted_at: datetime) -> tuple[FileResult, int]:
    """Runs on a Dask worker: one file breaks its whole task, the others extract for real."""
    if item.path.stem == "explodes":
        raise RuntimeError("boom")
    return work(item, year, extracted_at)


def test_files_go_in_chunks_and_a_failing_chunk_is_retried_file_by_file(tmp_path: Path) -> None:
    data = (SAMPLES / "reference.txt").read_bytes()
    names = [f"doc{i:02d}" for i in range(40)]
    names[17] = "explodes"
    for i, name in enumerate(names):
        (tmp_path / f"{name}.txt").write_bytes(data + f"\n附注{i}\n".encode())
    now = datetime(2026, 1, 1, tzinfo=UTC)
    inputs = [InputFile(tmp_path / f"{n}.txt", f"{n}.txt") for n in names]
    tasks = plan(inputs, extracted_at=now).tasks
    assert [len(c) for c in chunks(tasks, 2)][:5] == [5, 4, 3, 3, 3]  # 17 shares a task
    outcomes = list(run_dask(tasks, year=None, extracted_at=now, jobs=2, function=flaky))
    statuses = {o.result.display: o.result.status for o in outcomes}
    assert len(outcomes) == 40
    assert statuses.pop("explodes.txt") == "failed"
    assert set(statuses.values()) == {"ok"}  # its chunk's partner was read again alone
    failed = next(o.result for o in outcomes if o.result.display == "explodes.txt")
    assert "RuntimeError: boom" in (failed.error or "")


def test_chunks_shrink_toward_the_end_of_the_batch() -> None:
    for n, jobs in ((10_000, 2), (510, 2), (510, 4), (40, 2), (3, 2), (1, 1)):
        items = list(range(n))
        sizes = [len(c) for c in chunks(items, jobs)]
        assert [x for c in chunks(items, jobs) for x in c] == items
        assert sizes == sorted(sizes, reverse=True) and sizes[-1] == 1
        assert max(sizes) == max(1, min(MAX_CHUNK, n // (jobs * 4)))
        # the last tasks are small enough that no worker is left reading alone for long
        assert sum(sizes[-2 * jobs :]) <= 2 * jobs
    assert chunks([], 2) == []


def _quiet_settings() -> tuple[object, ...]:
    import dask

    return tuple(dask.config.get(key) for key in QUIET)


def quiet_worker(
    item: InputFile, year: int | None, extracted_at: datetime
) -> tuple[FileResult, int]:
    """Runs on a Dask worker: refuses to read unless the worker runs with QUIET's settings."""
    if _quiet_settings() != tuple(QUIET.values()):
        raise RuntimeError(f"worker settings {_quiet_settings()}")
    return work(item, year, extracted_at)


def test_the_engines_cluster_runs_without_profiling_or_monitors(tmp_path: Path) -> None:
    assert _quiet_settings() != tuple(QUIET.values())  # dask's defaults differ here
    shutil.copy(SAMPLES / "reference.txt", tmp_path / "a.txt")
    now = datetime(2026, 1, 1, tzinfo=UTC)
    tasks = plan([InputFile(tmp_path / "a.txt", "a.txt")], extracted_at=now).tasks
    outcomes = list(run_dask(tasks, year=None, extracted_at=now, jobs=1, function=quiet_worker))
    assert [(o.result.status, o.result.error) for o in outcomes] == [("ok", None)]
    assert _quiet_settings() != tuple(QUIET.values())  # and the caller's settings are back
