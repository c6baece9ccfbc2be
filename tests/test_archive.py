"""A multi-year archive in one OUT: runs accumulate, re-runs skip what is there, partitions
stay one file per year, and the history follows each project from year to year."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pytest
from click.testing import CliRunner, Result

import extract
from conftest import SAMPLES
from extract.cli import main
from extract.timeline import history

REFERENCE = (SAMPLES / "reference.txt").read_text(encoding="utf-8")


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, ["run", *args, "--jobs", "2"])


def _year_2022() -> str:
    """The same department a year later: codes carry 22, project 1 grows from 6 to 8 万元."""
    text = REFERENCE.replace("13030421", "13030422")
    return text.replace("\t6.00\n", "\t8.00\n")


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    (tmp_path / "2021.txt").write_text(REFERENCE, encoding="utf-8")
    (tmp_path / "2022.txt").write_text(_year_2022(), encoding="utf-8")
    out = tmp_path / "out"
    assert _run(str(tmp_path / "2021.txt"), "--out", str(out)).exit_code == 0
    assert _run(str(tmp_path / "2022.txt"), "--out", str(out)).exit_code == 0
    return out


def test_years_accumulate_one_file_per_year(archive: Path, tmp_path: Path) -> None:
    for name in ("documents", "projects", "indicators"):
        assert sorted(p.name for p in (archive / name).iterdir()) == [
            "2021.parquet",
            "2022.parquet",
        ]
    # A second document of 2021 joins its year's file: no new file per run.
    extra = tmp_path / "extra.txt"
    extra.write_text(REFERENCE.replace("K8U6FQHZNYVC1", "K8U6FQHZNYVC2") + "\n附注\n", "utf-8")
    assert _run(str(extra), "--out", str(archive)).exit_code == 0
    assert sorted(p.name for p in (archive / "projects").iterdir()) == [
        "2021.parquet",
        "2022.parquet",
    ]
    frame = pd.read_parquet(archive / "projects")
    assert frame.groupby("fiscal_year").size().to_dict() == {2021: 6, 2022: 3}
    assert str(frame["fiscal_year"].dtype) == "int16"
    by_duckdb = duckdb.sql(
        f"select fiscal_year, count(*) n from read_parquet('{archive}/projects/*.parquet') "
        "group by 1 order by 1"
    ).fetchall()
    assert by_duckdb == [(2021, 6), (2022, 3)]
    by_polars = pl.read_parquet(f"{archive}/projects/*.parquet").group_by("fiscal_year").len()
    assert dict(by_polars.sort("fiscal_year").iter_rows()) == {2021: 6, 2022: 3}


def test_history_follows_projects_across_years(archive: Path) -> None:
    frame = history(archive)
    assert len(frame) == 6
    land = frame[frame["project_name"] == "国有土地交易中心运行费用"]
    assert land["fiscal_year"].tolist() == [2021, 2022]
    assert [str(b) for b in land["budget_total_yuan"]] == ["60000.00", "80000.00"]
    assert land["project_codes"].tolist() == ["13030421K8U6FQHZNYVC1", "13030422K8U6FQHZNYVC1"]
    change = land["budget_change_yuan"].tolist()
    assert change[0] is None and str(change[1]) == "20000.00"
    assert land["n_indicators"].tolist() == [9, 9]
    assert set(frame["years_present"]) == {2}
    assert not frame["conflict"].any()
    assert extract.load(archive).documents["fiscal_year"].tolist() == [2021, 2022]


def test_history_command(archive: Path, tmp_path: Path) -> None:
    csv = tmp_path / "history.csv"
    result = CliRunner().invoke(main, ["history", str(archive), "--csv", str(csv)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["unit", "project", "2021", "2022"]
    land = next(line for line in lines if "国有土地交易中心运行费用" in line)
    assert land.split()[-4:] == ["60000.00", "(9)", "80000.00", "(9)"]
    assert len(pd.read_csv(csv, encoding="utf-8-sig")) == 6


def test_rerun_skips_unchanged_and_force_extracts_again(archive: Path, tmp_path: Path) -> None:
    inputs = [str(tmp_path / "2021.txt"), str(tmp_path / "2022.txt")]
    again = _run(*inputs, "--out", str(archive))
    assert again.exit_code == 0
    assert "0 files: 0 ok" in again.output
    assert "(skipped: 2 unchanged file(s) already in" in again.output
    before = extract.load(archive).documents["extracted_at"].tolist()
    forced = _run(*inputs, "--out", str(archive), "--force")
    assert forced.exit_code == 0 and "2 files: 2 ok" in forced.output
    after = extract.load(archive).documents["extracted_at"].tolist()
    assert all(a > b for a, b in zip(after, before, strict=True))
    # A changed file is a new document that replaces its path's old one (contract v2), and
    # says so; the path keeps one row in `files`.
    old_id = extract.load(archive).documents.set_index("source_path").loc[inputs[1], "doc_id"]
    (tmp_path / "2022.txt").write_text(_year_2022() + "\n附注\n", encoding="utf-8")
    changed = _run(*inputs, "--out", str(archive))
    assert "1 file: 1 ok" in changed.output and "1 unchanged" in changed.output
    ds = extract.load(archive)
    assert len(ds.documents) == 2 and old_id not in set(ds.documents.doc_id)
    new_id = ds.documents.set_index("source_path").loc[inputs[1], "doc_id"]
    notes = ds.issues[(ds.issues.doc_id == new_id) & (ds.issues.code == "document_replaced")]
    assert len(notes) == 1 and old_id in notes.message.iloc[0]
    assert ds.files.set_index("source_path").loc[inputs[1], "doc_id"] == new_id
    assert len(ds.files) == 2


def test_history_in_the_python_api(archive: Path) -> None:
    assert extract.history(archive).equals(history(archive))


def test_history_csv_is_formula_safe(tmp_path: Path) -> None:
    """`history --csv` goes through the dataset CSVs' writer: a cell Excel would run as a
    formula is written with a leading quote (issue 16, defect 4)."""
    name = "@cmd|' /C calc'!A0"
    (tmp_path / "2021.txt").write_text(
        REFERENCE.replace("国有土地交易中心运行费用", name), encoding="utf-8"
    )
    out = tmp_path / "out"
    assert _run(str(tmp_path / "2021.txt"), "--out", str(out)).exit_code == 0
    csv = tmp_path / "history.csv"
    result = CliRunner().invoke(main, ["history", str(out), "--csv", str(csv)])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(csv, encoding="utf-8-sig", dtype=str)
    assert "'" + name in set(frame["project_name"])
    assert name not in set(frame["project_name"])
    datasets = pd.read_csv(out / "projects.csv", encoding="utf-8-sig", dtype=str)
    assert "'" + name in set(datasets["project_name"])
    land = frame[frame["project_name"] == "'" + name]
    assert land["budget_total_yuan"].tolist() == ["60000.00"]
