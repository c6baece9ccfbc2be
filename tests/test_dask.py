"""The Dask engine writes exactly what the local engine writes, on a real LocalCluster."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import extract
from conftest import SAMPLES
from extract.cli import main
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
