"""The `files` dataset and the path rules of contract v2: every input path is named once."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from click.testing import CliRunner, Result

import extract
from conftest import SAMPLES
from extract.cli import main
from extract.pipeline import InputFile, extract_file

REFERENCE = SAMPLES / "reference.txt"


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, ["run", *args])


def test_same_names_in_two_year_folders_are_two_paths(tmp_path: Path) -> None:
    for year, source in (("2021", REFERENCE), ("2022", SAMPLES / "reference.docx")):
        (tmp_path / "yrs" / year).mkdir(parents=True)
        shutil.copy(source, tmp_path / "yrs" / year / "部门绩效目标.txt")
    (tmp_path / "yrs" / "2022" / "部门绩效目标.txt").write_bytes(
        REFERENCE.read_bytes() + "\n附注\n".encode()
    )
    out = tmp_path / "out"
    folders = [str(tmp_path / "yrs" / "2021"), str(tmp_path / "yrs" / "2022")]
    assert _run(*folders, "--out", str(out)).exit_code == 0
    ds = extract.load(out)
    assert sorted(ds.documents.source_path) == ["2021/部门绩效目标.txt", "2022/部门绩效目标.txt"]
    assert sorted(ds.files.source_path) == ["2021/部门绩效目标.txt", "2022/部门绩效目标.txt"]


def test_duplicates_and_unsupported_files_are_named(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(REFERENCE, folder / "a.txt")
    shutil.copy(REFERENCE, folder / "b.txt")
    (folder / "notes.rtf").write_text("{\\rtf1 x}")
    (folder / ".hidden.txt").write_text("x")
    out = tmp_path / "out"
    assert _run(str(folder), "--out", str(out)).exit_code == 0
    ds = extract.load(out)
    assert len(ds.documents) == 1
    files = ds.files.set_index("source_path")
    assert list(files.index) == ["a.txt", "b.txt", "notes.rtf"]
    assert files.loc["a.txt", "role"] == "document"
    assert files.loc["b.txt", "role"] == "duplicate"
    assert files.loc["b.txt", "note"] == "duplicate of a.txt"
    assert files.loc["a.txt", "doc_id"] == files.loc["b.txt", "doc_id"] == ds.documents.doc_id[0]
    assert files.loc["notes.rtf", "role"] == "unsupported"
    assert files.loc["notes.rtf", "note"] == ".rtf files are not read"
    assert pd.isna(files.loc["notes.rtf", "doc_id"])
    # One Parquet file without years, and a CSV beside the others.
    assert [p.name for p in (out / "files").iterdir()] == ["all.parquet"]
    assert len(pd.read_parquet(out / "files")) == 3
    assert (out / "files.csv").read_text(encoding="utf-8-sig").startswith("source_path,doc_id")


def test_a_rerun_updates_when_each_path_was_seen(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(REFERENCE, folder / "a.txt")
    out = tmp_path / "out"
    assert _run(str(folder), "--out", str(out)).exit_code == 0
    first = extract.load(out).files.seen_at.iloc[0]
    assert _run(str(folder), "--out", str(out)).exit_code == 0  # unchanged: skipped
    files = extract.load(out).files
    assert len(files) == 1 and files.seen_at.iloc[0] > first
    assert files.note.iloc[0] == "unchanged since an earlier run"


def test_documents_name_the_sheets_their_projects_came_from() -> None:
    path = SAMPLES / "flat_sheet" / "yunnan_panlong_2024.xlsx"
    result = extract_file(
        InputFile(path, path.name), year=None, extracted_at=datetime(2026, 1, 1, tzinfo=UTC)
    )
    # 收支总表 and 部门项目支出预算05-1 hold no targets: only 05-2 was read.
    assert result.rows["documents"][0]["sheets"] == "部门项目支出绩效目标05-2"
    assert result.rows["projects"][0]["source_location"].startswith(
        "sheet 部门项目支出绩效目标05-2"
    )
