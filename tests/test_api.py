"""The notebook API hands out DataFrames with the contract's types, from a consistent OUT."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest

from extract import writers
from extract.api import Datasets, load, read_dataset
from extract.schema import ALL_DATASETS, SCHEMAS
from extract.writers import write_datasets


class Killed(BaseException):
    """Stands in for SIGKILL: no `except Exception` cleanup handler runs."""


def rows(doc_id: str, year: int | None) -> dict[str, list[dict[str, Any]]]:
    base = {"doc_id": doc_id, "fiscal_year": year}
    project = {**base, "project_seq": 1}
    return {
        "documents": [
            {
                **base,
                "file_size": 10,
                "status": "ok",
                "n_projects": 1,
                "extracted_at": datetime(2024, 5, 1, 8, 30, tzinfo=UTC),
            }
        ],
        "projects": [
            {
                **project,
                "project_name": "运行费用",
                "budget_total_yuan": Decimal("60000.10"),
                "budget_fiscal_yuan": Decimal("0.20"),
            }
        ],
        "spending_plan": [
            {**project, "seq": 1, "period": "3月底", "month": 3, "cumulative_pct": Decimal("20")}
        ],
        "indicators": [
            {**project, "seq": 1, "value_raw": "=1次", "value_num": 1.0, "comparator": "="},
            {**project, "seq": 2, "value_raw": "好", "value_num": None},
        ],
    }


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    both = rows("a", 2021)
    for name, extra in rows("b", None).items():
        both[name] = both[name] + extra
    write_datasets(folder, both, replace_doc_ids=["a", "b"])
    return folder


def test_load_gives_every_dataset_by_key_and_attribute(out: Path) -> None:
    ds = load(out)
    assert isinstance(ds, Datasets)
    assert list(ds) == list(ALL_DATASETS)
    assert len(ds) == len(ALL_DATASETS)
    assert ds.projects is ds["projects"]
    for name in ALL_DATASETS:
        assert getattr(ds, name) is ds[name]
        assert list(ds[name].columns) == SCHEMAS[name].names
    assert "projects=2" in repr(ds)


def test_load_accepts_str_paths(out: Path) -> None:
    assert len(load(str(out)).documents) == 2


def test_types_are_the_contract_types(out: Path) -> None:
    ds = load(out)
    projects = ds.projects
    assert projects["fiscal_year"].dtype == pd.Int16Dtype()
    assert projects["project_seq"].dtype == pd.Int32Dtype()
    assert projects["doc_id"].dtype == pd.StringDtype("pyarrow")
    assert projects["budget_total_yuan"].dtype == pd.ArrowDtype(pa.decimal128(18, 2))
    assert projects["fiscal_year"].tolist() == [2021, pd.NA]
    assert projects.loc[0, "budget_total_yuan"] == Decimal("60000.10")
    total = projects["budget_total_yuan"].sum() + projects["budget_fiscal_yuan"].sum()
    assert total == Decimal("120000.60")  # exact: no float rounding

    plan = ds.spending_plan
    assert plan["month"].dtype == pd.Int8Dtype()
    assert plan["cumulative_pct"].dtype == pd.ArrowDtype(pa.decimal128(5, 2))
    assert plan.loc[0, "cumulative_pct"] == Decimal("20.00")

    indicators = ds.indicators
    assert indicators["value_num"].dtype == "float64"
    assert indicators["value_raw"].tolist()[:2] == ["=1次", "好"]

    documents = ds.documents
    assert documents["file_size"].dtype == pd.Int64Dtype()
    assert documents["n_pages"].dtype == pd.Int32Dtype()
    assert isinstance(documents["extracted_at"].dtype, pd.DatetimeTZDtype)
    assert str(documents["extracted_at"].dtype.tz) == "UTC"
    assert documents.loc[0, "extracted_at"] == pd.Timestamp("2024-05-01 08:30", tz="UTC")


def test_empty_dataset_has_typed_columns(out: Path) -> None:
    measures = load(out).measures
    assert len(measures) == 0
    assert measures["fiscal_year"].dtype == pd.Int16Dtype()
    assert measures["seq"].dtype == pd.Int32Dtype()
    assert measures["text"].dtype == pd.StringDtype("pyarrow")


def test_read_dataset(out: Path) -> None:
    frame = read_dataset(out, "indicators")
    assert len(frame) == 4
    assert frame["seq"].dtype == pd.Int32Dtype()
    with pytest.raises(ValueError, match="unknown dataset 'indicator'"):
        read_dataset(out, "indicator")


def test_missing_output_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        load(tmp_path / "nowhere")
    with pytest.raises(FileNotFoundError, match="not an extract output folder"):
        load(tmp_path)
    with pytest.raises(FileNotFoundError, match="does not exist"):
        read_dataset(tmp_path / "nowhere", "projects")


def test_load_finishes_a_commit_left_by_a_killed_run(
    out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace = os.replace

    def killed_once_journal_exists(src: Any, dst: Any) -> None:
        if (out / writers.JOURNAL_NAME).exists():
            raise Killed
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", killed_once_journal_exists)
    with pytest.raises(Killed):
        write_datasets(out, rows("a", 2023), replace_doc_ids=["a"])
    monkeypatch.undo()
    assert (out / writers.JOURNAL_NAME).exists()

    projects = load(out).projects
    assert sorted(projects["fiscal_year"].dropna().tolist()) == [2023]
    assert not (out / writers.JOURNAL_NAME).exists()
    assert not list(out.rglob(".*.tmp"))


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: root ignores file permissions, so the folder stays writable",
)
def test_load_of_a_read_only_output(out: Path) -> None:
    (out / writers.LOCK_NAME).unlink()
    folders = [out, *(p for p in out.iterdir() if p.is_dir())]
    for folder in folders:
        folder.chmod(0o555)
    try:
        assert len(load(out).projects) == 2
    finally:
        for folder in folders:
            folder.chmod(0o755)


def test_inexact_load_gives_float_amounts_for_notebook_maths(out: Path) -> None:
    """`describe`, `cumsum` and a frame-wide `describe` on amounts (issue 17); exact stays the
    default."""
    projects = load(out, exact=False).projects
    amounts = projects["budget_total_yuan"]
    assert amounts.dtype == "float64"
    assert amounts.tolist() == [60000.10, 60000.10]
    assert amounts.cumsum().tolist() == [60000.10, 120000.20]
    assert amounts.describe()["mean"] == pytest.approx(60000.10)
    assert "budget_total_yuan" in projects.describe().columns
    plan = read_dataset(out, "spending_plan", exact=False)
    assert plan["cumulative_pct"].dtype == "float64"
    exact = load(out).projects["budget_total_yuan"]
    assert isinstance(exact.dtype, pd.ArrowDtype) and exact.sum() == Decimal("120000.20")
    # Everything but the decimals is typed as in the exact load.
    decimals = [f.name for f in SCHEMAS["indicators"] if pa.types.is_decimal(f.type)]
    assert decimals == ["weight"]
    inexact = load(out, exact=False).indicators.dtypes
    assert inexact["weight"] == "float64"
    assert (inexact.drop(decimals) == load(out).indicators.dtypes.drop(decimals)).all()


def test_dir_lists_the_lazily_imported_api() -> None:
    import extract

    public = [name for name in dir(extract) if not name.startswith("_")]
    assert public == ["history", "load", "read_dataset", "report"]
    assert all(callable(getattr(extract, name)) for name in public)
