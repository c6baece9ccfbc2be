"""The output contract of SCHEMA.md: layout, types, re-runs, CSV safety and kill-safety.

Rows are made by hand here so that these tests say nothing about any parser.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from extract import writers
from extract.csv_out import csv_bytes
from extract.schema import DATASETS, SCHEMAS, SORT_KEYS
from extract.writers import OutputError, check_writable, read_tables, recover, write_datasets

Rows = dict[str, list[dict[str, Any]]]


class Killed(BaseException):
    """Stands in for SIGKILL: no `except Exception` cleanup handler runs."""


def doc_rows(doc_id: str, year: int | None, *, budget: str = "60000.00") -> Rows:
    """One small document with rows in most datasets (measures stay empty on purpose)."""
    base = {"doc_id": doc_id, "fiscal_year": year}
    project = {**base, "project_seq": 1}
    return {
        "documents": [
            {
                **base,
                "source_path": f"{doc_id}.txt",
                "source_format": "txt",
                "file_size": 1234,
                "status": "ok",
                "n_projects": 1,
                "n_indicators": 2,
                "n_issues": 2,
                "extracted_at": datetime(2024, 5, 1, 8, 30, tzinfo=UTC),
                "encoding": "gb18030",
            }
        ],
        "department_goals": [{**base, "seq": 1, "kind": "overall", "goal": "合法合规完成采购项目"}],
        "projects": [
            {
                **project,
                "project_name": "国有土地交易中心运行费用",
                "amount_unit": "万元",
                "budget_total_yuan": Decimal(budget),
                "budget_fiscal_yuan": Decimal(budget),
                "budget_other_yuan": None,
            }
        ],
        "project_goals": [{**project, "seq": 1, "text": "保障中心正常运转"}],
        "spending_plan": [
            {**project, "seq": 1, "period": "3月底", "month": 3, "cumulative_pct": Decimal("20")}
        ],
        "indicators": [
            {**project, "seq": 2, "level3": "满意度", "value_raw": "≥90%", "value_num": 90.0},
            {**project, "seq": 1, "level3": "采购次数", "value_raw": "=1次", "value_num": 1.0},
        ],
        "issues": [
            {**project, "severity": "warning", "code": "value_unparsed", "message": "-"},
            {**base, "project_seq": None, "severity": "info", "code": "doc_level"},
        ],
    }


def merge(*parts: Rows) -> Rows:
    merged: Rows = {}
    for part in parts:
        for name, rows in part.items():
            merged.setdefault(name, []).extend(rows)
    return merged


def snapshot(out: Path) -> dict[str, bytes]:
    """Every visible output file's bytes: what a reader of OUT can see."""
    return {
        path.relative_to(out).as_posix(): path.read_bytes()
        for path in sorted(out.rglob("*"))
        if path.is_file() and not path.name.startswith(".")
    }


def temps(out: Path) -> list[Path]:
    return [p for p in out.rglob(".*") if p.is_file() and p.name.endswith(".tmp")]


def read(out: Path, name: str) -> pa.Table:
    return writers.read_table_unlocked(out, name)


# --------------------------------------------------------------------------------------------
# Schemas


EXPECTED_COLUMNS = {
    "documents": [
        "doc_id", "source_path", "source_format", "sha256", "file_size", "fiscal_year",
        "fiscal_year_source", "unit_code", "unit_name", "status", "error", "n_projects",
        "n_indicators", "n_issues", "extractor_version", "extracted_at", "encoding", "n_pages",
        "sheets", "n_pages_parsed", "division_code", "region_name", "region_source",
        "ocr_pages",
    ],
    "department_goals": ["doc_id", "fiscal_year", "seq", "kind", "name", "goal", "indicator"],
    "measures": ["doc_id", "fiscal_year", "seq", "title", "text"],
    "projects": [
        "doc_id", "fiscal_year", "project_seq", "table_title", "unit_code", "unit_name",
        "project_code", "project_name", "amount_unit", "budget_total_yuan",
        "budget_fiscal_yuan", "budget_other_yuan", "purpose", "region_code", "source_location",
        "template", "department_name", "project_category", "project_nature", "period_raw",
        "period_start", "period_end", "budget_project_total_yuan", "budget_carryover_yuan",
        "legal_basis", "implementation_plan", "division_code", "region_name", "region_source",
    ],
    "project_goals": ["doc_id", "fiscal_year", "project_seq", "seq", "text", "horizon"],
    "spending_plan": [
        "doc_id", "fiscal_year", "project_seq", "seq", "period", "month", "cumulative_pct",
    ],
    "indicators": [
        "doc_id", "fiscal_year", "project_seq", "seq", "level1", "level2", "level3",
        "description", "value_raw", "comparator", "value_num", "value_unit", "value_kind",
        "basis", "level1_code", "level2_code", "source_location", "note", "horizon",
        "direction", "weight", "project_code", "project_name", "ocr_confidence",
    ],
    "issues": [
        "doc_id", "fiscal_year", "project_seq", "seq", "severity", "code", "message", "location",
        "project_code", "project_name", "source_path",
    ],
}  # fmt: skip


def test_datasets_are_the_contract_ones_documents_first() -> None:
    assert DATASETS[0] == "documents"
    assert {*DATASETS, "files"} == set(SCHEMAS) == set(SORT_KEYS) == {*EXPECTED_COLUMNS, "files"}


@pytest.mark.parametrize("name", DATASETS)
def test_schema_columns_in_contract_order(name: str) -> None:
    assert SCHEMAS[name].names == EXPECTED_COLUMNS[name]
    assert SCHEMAS[name].field("fiscal_year").type == pa.int16()
    assert SCHEMAS[name].field("doc_id").type == pa.string()


def test_schema_types_spelled_out() -> None:
    projects, documents = SCHEMAS["projects"], SCHEMAS["documents"]
    for column in (
        "budget_total_yuan",
        "budget_fiscal_yuan",
        "budget_other_yuan",
        "budget_project_total_yuan",
        "budget_carryover_yuan",
    ):
        assert projects.field(column).type == pa.decimal128(18, 2)
    assert projects.field("period_start").type == pa.date32()
    assert projects.field("period_end").type == pa.date32()
    assert SCHEMAS["indicators"].field("weight").type == pa.decimal128(6, 2)
    assert projects.field("project_seq").type == pa.int32()
    assert SCHEMAS["spending_plan"].field("month").type == pa.int8()
    assert SCHEMAS["spending_plan"].field("cumulative_pct").type == pa.decimal128(5, 2)
    assert SCHEMAS["indicators"].field("value_num").type == pa.float64()
    assert SCHEMAS["indicators"].field("seq").type == pa.int32()
    assert SCHEMAS["issues"].field("seq").type == pa.int32()
    assert documents.field("file_size").type == pa.int64()
    assert documents.field("n_indicators").type == pa.int32()
    assert documents.field("n_pages").type == pa.int32()
    assert documents.field("encoding").type == pa.string()
    assert documents.field("extracted_at").type == pa.timestamp("us", tz="UTC")


def test_sort_keys() -> None:
    assert SORT_KEYS["documents"] == ["doc_id"]
    assert SORT_KEYS["measures"] == ["doc_id", "seq"]
    assert SORT_KEYS["department_goals"] == ["doc_id", "seq"]
    assert SORT_KEYS["projects"] == ["doc_id", "project_seq"]
    assert SORT_KEYS["indicators"] == ["doc_id", "project_seq", "seq"]
    assert SORT_KEYS["issues"] == ["doc_id", "project_seq", "seq"]


# --------------------------------------------------------------------------------------------
# Layout and types on disk


def test_one_file_per_year_with_exact_schema(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_datasets(out, merge(doc_rows("a", 2021), doc_rows("b", None)), replace_doc_ids={"a", "b"})
    assert sorted(p.name for p in (out / "projects").iterdir()) == [
        "2021.parquet",
        "unknown.parquet",
    ]
    assert not list(out.rglob("fiscal_year=*"))
    for name in DATASETS:
        assert (out / f"{name}.csv").is_file()
        for path in (out / name).glob("*.parquet"):
            file_schema = pq.read_schema(path)
            assert file_schema.equals(SCHEMAS[name], check_metadata=False), path
            assert file_schema.field("fiscal_year").type == pa.int16()
    years = pq.read_table(out / "projects" / "2021.parquet")["fiscal_year"].to_pylist()
    assert years == [2021]
    assert pq.read_table(out / "projects" / "unknown.parquet")["fiscal_year"].to_pylist() == [None]


def test_dataset_without_rows_is_an_empty_unknown_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_datasets(out, doc_rows("a", 2021), replace_doc_ids={"a"})
    assert [p.name for p in (out / "measures").iterdir()] == ["unknown.parquet"]
    table = pq.read_table(out / "measures" / "unknown.parquet")
    assert table.num_rows == 0
    assert table.schema.equals(SCHEMAS["measures"], check_metadata=False)
    frame = pd.read_parquet(out / "measures")
    assert list(frame.columns) == SCHEMAS["measures"].names
    assert len(frame) == 0
    assert frame["fiscal_year"].dtype == "int16"
    header = b"\xef\xbb\xbfdoc_id,fiscal_year,seq,title,text\r\n"
    assert (out / "measures.csv").read_bytes() == header


def test_pandas_reads_the_folder_with_int16_years(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_datasets(out, merge(doc_rows("a", 2021), doc_rows("b", 2022)), replace_doc_ids=["a"])
    frame = pd.read_parquet(out / "projects")
    assert frame["fiscal_year"].dtype == "int16"
    assert sorted(frame["fiscal_year"]) == [2021, 2022]
    write_datasets(out, doc_rows("c", None), replace_doc_ids=["c"])
    # With a null year numpy-backed pandas widens to float64; the nullable backends keep int16.
    nullable = pd.read_parquet(out / "projects", dtype_backend="numpy_nullable")
    assert nullable["fiscal_year"].dtype == "Int16"
    assert nullable["fiscal_year"].isna().sum() == 1
    arrow_backed = pd.read_parquet(out / "projects", dtype_backend="pyarrow")
    assert arrow_backed["fiscal_year"].dtype == pd.ArrowDtype(pa.int16())
    default = pd.read_parquet(out / "projects")
    assert not isinstance(default["fiscal_year"].dtype, pd.CategoricalDtype)
    assert default["fiscal_year"].dropna().tolist() == [2021.0, 2022.0]


def test_rows_are_sorted_by_keys_with_document_issues_first(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_datasets(out, merge(doc_rows("b", 2021), doc_rows("a", 2021)), replace_doc_ids=[])
    indicators = pq.read_table(out / "indicators" / "2021.parquet")
    assert indicators.select(["doc_id", "seq"]).to_pylist() == [
        {"doc_id": "a", "seq": 1},
        {"doc_id": "a", "seq": 2},
        {"doc_id": "b", "seq": 1},
        {"doc_id": "b", "seq": 2},
    ]
    issues = pq.read_table(out / "issues" / "2021.parquet").select(["doc_id", "code", "seq"])
    assert issues.to_pylist()[:2] == [
        {"doc_id": "a", "code": "doc_level", "seq": 2},
        {"doc_id": "a", "code": "value_unparsed", "seq": 1},
    ]


def test_issues_are_numbered_in_the_order_raised() -> None:
    issues: list[dict[str, Any]] = [
        {"doc_id": "a", "code": "first"},
        {"doc_id": "b", "code": "other"},
        {"doc_id": "a", "code": "given", "seq": 5},
        {"doc_id": "a", "code": "second"},
    ]
    table = writers.rows_to_table("issues", issues)
    assert table.select(["code", "seq"]).to_pylist() == [
        {"code": "first", "seq": 6},
        {"code": "other", "seq": 1},
        {"code": "given", "seq": 5},
        {"code": "second", "seq": 7},
    ]


# --------------------------------------------------------------------------------------------
# Re-runs


def test_rerun_replaces_one_document_and_keeps_the_other(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_datasets(out, merge(doc_rows("a", 2021), doc_rows("b", 2022)), replace_doc_ids=["a", "b"])
    untouched = (out / "projects" / "2022.parquet").read_bytes()

    write_datasets(out, doc_rows("a", 2021, budget="70000"), replace_doc_ids=["a"])

    projects = read(out, "projects")
    assert projects.column("doc_id").to_pylist() == ["a", "b"]
    assert projects.column("budget_total_yuan").to_pylist() == [
        Decimal("70000.00"),
        Decimal("60000.00"),
    ]
    assert (out / "projects" / "2022.parquet").read_bytes() == untouched
    for name in DATASETS:
        doc_ids = read(out, name).column("doc_id").to_pylist()
        assert doc_ids.count("a") == doc_ids.count("b"), name


def test_rerun_moves_a_document_whose_year_changed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_datasets(out, merge(doc_rows("a", 2021), doc_rows("b", 2022)), replace_doc_ids=["a", "b"])
    write_datasets(out, doc_rows("a", 2023), replace_doc_ids=["a"])
    assert sorted(p.name for p in (out / "projects").iterdir()) == ["2022.parquet", "2023.parquet"]
    frame = pd.read_parquet(out / "indicators")
    assert sorted(set(zip(frame["doc_id"], frame["fiscal_year"], strict=True))) == [
        ("a", 2023),
        ("b", 2022),
    ]


def test_rerun_of_a_document_that_lost_its_rows(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_datasets(out, doc_rows("a", 2021), replace_doc_ids=["a"])
    failed = {"documents": [{"doc_id": "a", "fiscal_year": None, "status": "failed"}]}
    write_datasets(out, failed, replace_doc_ids=["a"])
    assert [p.name for p in (out / "projects").iterdir()] == ["unknown.parquet"]
    assert read(out, "projects").num_rows == 0
    assert read(out, "documents").column("status").to_pylist() == ["failed"]


def test_new_rows_replace_their_document_even_when_not_listed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_datasets(out, doc_rows("a", 2021), replace_doc_ids=["a"])
    write_datasets(out, doc_rows("a", 2021), replace_doc_ids=[])
    assert read(out, "indicators").num_rows == 2


def test_file_from_an_older_schema_is_rewritten_with_todays(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_datasets(out, doc_rows("a", 2021), replace_doc_ids=["a"])
    old = pa.table({"doc_id": ["z"], "fiscal_year": pa.array([2019], pa.int16())})
    pq.write_table(old, out / "documents" / "2019.parquet")
    write_datasets(out, doc_rows("b", 2021), replace_doc_ids=["b"])
    rewritten = pq.read_table(out / "documents" / "2019.parquet")
    assert rewritten.schema.equals(SCHEMAS["documents"], check_metadata=False)
    assert rewritten.column("doc_id").to_pylist() == ["z"]


# --------------------------------------------------------------------------------------------
# CSV


def test_csv_has_bom_header_and_formula_safe_text(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_datasets(out, doc_rows("a", 2021), replace_doc_ids=["a"])
    raw = (out / "indicators.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0] == ",".join(SCHEMAS["indicators"].names)
    assert ",'=1次," in text
    assert ",=1次," not in text
    parquet_values = read(out, "indicators").column("value_raw").to_pylist()
    assert "=1次" in parquet_values

    issues = (out / "issues.csv").read_text(encoding="utf-8-sig")
    assert ",'-," in issues  # message "-" is text, so it is escaped too

    frame = pd.read_csv(out / "projects.csv", encoding="utf-8-sig", dtype=str)
    assert frame.loc[0, "budget_total_yuan"] == "60000.00"
    assert frame["budget_other_yuan"].isna().iloc[0]
    plan = pd.read_csv(out / "spending_plan.csv", encoding="utf-8-sig", dtype=str)
    assert plan.loc[0, "cumulative_pct"] == "20.00"
    documents = pd.read_csv(out / "documents.csv", encoding="utf-8-sig", dtype=str)
    assert documents.loc[0, "extracted_at"] == "2024-05-01T08:30:00+00:00"


def _csv_line(**columns: pa.Array) -> str:
    return csv_bytes(pa.table(columns)).decode("utf-8-sig").split("\r\n")[1]


@pytest.mark.parametrize("value", ["=1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_every_dangerous_prefix_is_escaped(value: str) -> None:
    quoted = '"' + "'" + value + '"' if "\r" in value else "'" + value
    assert _csv_line(text=pa.array([value]), other=pa.array(["x"])) == quoted + ",x"


def test_numbers_are_not_escaped() -> None:
    line = _csv_line(
        amount=pa.array([Decimal("-1.50")], pa.decimal128(18, 2)),
        count=pa.array([-3], pa.int32()),
        empty=pa.array([None], pa.string()),
    )
    assert line == "-1.50,-3,"


# --------------------------------------------------------------------------------------------
# Kill-safety


def _expected_after_rerun(tmp_path: Path, first: Rows, second: Rows) -> dict[str, bytes]:
    reference = tmp_path / "reference"
    write_datasets(reference, first, replace_doc_ids=[])
    write_datasets(reference, second, replace_doc_ids=["a"])
    return snapshot(reference)


FIRST = merge(doc_rows("a", 2021), doc_rows("b", 2022))
SECOND = doc_rows("a", 2023, budget="1.5")


def _fail_on_call(n: int, real: Callable[..., Any], exc: BaseException) -> Callable[..., Any]:
    calls = 0

    def fake(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls >= n:
            raise exc
        return real(*args, **kwargs)

    return fake


def test_kill_after_journal_is_rolled_forward(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _expected_after_rerun(tmp_path, FIRST, SECOND)
    out = tmp_path / "out"
    write_datasets(out, FIRST, replace_doc_ids=[])
    before = snapshot(out)
    real_replace = os.replace

    def killed_once_journal_exists(src: Any, dst: Any) -> None:
        if (out / writers.JOURNAL_NAME).exists():
            raise Killed
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", killed_once_journal_exists)
    with pytest.raises(Killed):
        write_datasets(out, SECOND, replace_doc_ids=["a"])
    monkeypatch.undo()

    assert (out / writers.JOURNAL_NAME).exists()
    assert snapshot(out) == before  # nothing renamed yet: readers still see the old state
    recover(out)
    assert snapshot(out) == expected
    assert not (out / writers.JOURNAL_NAME).exists()
    assert not temps(out)


def test_kill_in_the_middle_of_the_renames_is_rolled_forward(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _expected_after_rerun(tmp_path, FIRST, SECOND)
    out = tmp_path / "out"
    write_datasets(out, FIRST, replace_doc_ids=[])
    # Call 1 puts the journal in place, calls 2-4 rename data files, call 5 is killed.
    monkeypatch.setattr(os, "replace", _fail_on_call(5, os.replace, Killed()))
    with pytest.raises(Killed):
        write_datasets(out, SECOND, replace_doc_ids=["a"])
    monkeypatch.undo()

    assert (out / writers.JOURNAL_NAME).exists()
    journal = json.loads((out / writers.JOURNAL_NAME).read_text(encoding="utf-8"))
    assert "projects/2021.parquet" in journal["delete"]
    recover(out)
    assert snapshot(out) == expected
    assert not temps(out)


def test_kill_before_journal_leaves_old_output_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    write_datasets(out, FIRST, replace_doc_ids=[])
    before = snapshot(out)
    monkeypatch.setattr(pq, "write_table", _fail_on_call(4, pq.write_table, Killed()))
    with pytest.raises(Killed):
        write_datasets(out, SECOND, replace_doc_ids=["a"])
    monkeypatch.undo()

    assert not (out / writers.JOURNAL_NAME).exists()
    assert temps(out)
    assert snapshot(out) == before
    assert len(pd.read_parquet(out / "projects")) == 2  # readers skip the dot-temps
    recover(out)
    assert not temps(out)
    assert snapshot(out) == before


def test_ordinary_error_removes_temps_and_raises_output_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    write_datasets(out, FIRST, replace_doc_ids=[])
    before = snapshot(out)
    disk_full = OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(pq, "write_table", _fail_on_call(3, pq.write_table, disk_full))
    with pytest.raises(OutputError, match="No space left on device"):
        write_datasets(out, SECOND, replace_doc_ids=["a"])
    assert not temps(out)
    assert snapshot(out) == before


def test_kill_while_staging_the_files_dataset_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every folder the writer stages in is swept, the `files` one included."""
    out = tmp_path / "out"
    seen = datetime(2024, 1, 1, tzinfo=UTC)
    files_row = {"source_path": "a.txt", "doc_id": "a", "role": "document", "seen_at": seen}
    first = {**FIRST, "files": [files_row]}
    write_datasets(out, first, replace_doc_ids=[])
    before = snapshot(out)
    # The files dataset is staged after the eight keyed datasets.
    real = pq.write_table

    def killed_at_files(table: pa.Table, where: Any, **kwargs: Any) -> None:
        if Path(where.name).parent.name == "files":
            raise Killed
        real(table, where, **kwargs)

    monkeypatch.setattr(pq, "write_table", killed_at_files)
    with pytest.raises(Killed):
        write_datasets(out, {**SECOND, "files": [files_row]}, replace_doc_ids=["a"])
    monkeypatch.undo()
    assert [p.parent.name for p in temps(out)].count("files") == 1
    recover(out)
    assert not temps(out)
    assert snapshot(out) == before


def _csv_lines(out: Path, name: str) -> tuple[bytes, list[bytes]]:
    header, *rows = (out / f"{name}.csv").read_bytes().split(b"\r\n")
    return header, sorted(rows)


def _assert_csv_holds_the_parquet_rows(out: Path) -> None:
    for name in DATASETS:
        expected = csv_bytes(read(out, name)).split(b"\r\n")
        assert _csv_lines(out, name) == (expected[0], sorted(expected[1:])), name


def test_adding_documents_appends_to_the_csv(tmp_path: Path) -> None:
    """New documents only: each CSV keeps its bytes and gets the new rows after them."""
    out = tmp_path / "out"
    write_datasets(out, doc_rows("a", 2021), replace_doc_ids=[])
    before = (out / "indicators.csv").read_bytes()
    measures = (out / "measures.csv").read_bytes()
    write_datasets(out, merge(doc_rows("b", 2022), doc_rows("c", 2021)), replace_doc_ids=[])
    after = (out / "indicators.csv").read_bytes()
    assert after.startswith(before) and len(after) > len(before)
    assert (out / "measures.csv").read_bytes() == measures  # no rows added: left alone
    _assert_csv_holds_the_parquet_rows(out)
    # Replacing a document rewrites the CSV, sorted again.
    write_datasets(out, doc_rows("b", 2022, budget="2.5"), replace_doc_ids=["b"])
    _assert_csv_holds_the_parquet_rows(out)
    assert (out / "indicators.csv").read_bytes() == csv_bytes(read(out, "indicators"))


def test_a_csv_of_an_older_schema_is_rewritten_not_appended(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_datasets(out, doc_rows("a", 2021), replace_doc_ids=[])
    old = (out / "projects.csv").read_bytes().replace(b",implementation_plan", b"", 1)
    (out / "projects.csv").write_bytes(old)
    write_datasets(out, doc_rows("b", 2022), replace_doc_ids=[])
    assert (out / "projects.csv").read_bytes() == csv_bytes(read(out, "projects"))


@pytest.mark.parametrize("torn", [b"", b"half a line,", b"x" * 5000])
def test_a_kill_during_an_append_is_rolled_forward_to_the_same_csv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, torn: bytes
) -> None:
    """Killed after the journal, with part of the new bytes (or anything) already at the end:
    recovery truncates to the size the journal kept and appends again."""
    second = doc_rows("b", 2022)
    expected = tmp_path / "expected"
    write_datasets(expected, doc_rows("a", 2021), replace_doc_ids=[])
    write_datasets(expected, second, replace_doc_ids=[])
    out = tmp_path / "out"
    write_datasets(out, doc_rows("a", 2021), replace_doc_ids=[])
    real_replace = os.replace

    def killed_once_journal_exists(src: Any, dst: Any) -> None:
        if (out / writers.JOURNAL_NAME).exists():
            raise Killed
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", killed_once_journal_exists)
    with pytest.raises(Killed):
        write_datasets(out, second, replace_doc_ids=[])
    monkeypatch.undo()
    journal = json.loads((out / writers.JOURNAL_NAME).read_text(encoding="utf-8"))
    assert "indicators.csv" in [target for _, target, _ in journal["append"]]
    with open(out / "indicators.csv", "ab") as fh:
        fh.write(torn)
    recover(out)
    assert snapshot(out) == snapshot(expected)
    assert not temps(out)


def test_recover_refuses_a_journal_naming_foreign_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_datasets(out, FIRST, replace_doc_ids=[])
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me", encoding="utf-8")
    journal = {"version": 1, "token": "t", "replace": [], "delete": ["../precious.txt"]}
    (out / writers.JOURNAL_NAME).write_text(json.dumps(journal), encoding="utf-8")
    with pytest.raises(OutputError, match="not readable"):
        recover(out)
    assert victim.exists()


def test_recover_of_missing_or_clean_output_is_a_no_op(tmp_path: Path) -> None:
    recover(tmp_path / "missing")
    out = tmp_path / "out"
    write_datasets(out, FIRST, replace_doc_ids=[])
    before = snapshot(out)
    recover(out)
    assert snapshot(out) == before


# --------------------------------------------------------------------------------------------
# Writability and locking


def test_check_writable_creates_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "a" / "b"
    check_writable(out)
    assert out.is_dir()
    assert list(out.iterdir()) == []


def test_check_writable_rejects_a_path_under_a_file(tmp_path: Path) -> None:
    regular = tmp_path / "file.txt"
    regular.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match=r"file\.txt") as info:
        check_writable(regular / "out")
    assert "\n" not in str(info.value)
    with pytest.raises(OutputError, match="not a folder"):
        check_writable(regular)


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: root ignores file permissions, so a read-only folder is writable",
)
def test_check_writable_rejects_a_read_only_folder(tmp_path: Path) -> None:
    locked = tmp_path / "ro"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with pytest.raises(OutputError, match="Permission denied"):
            check_writable(locked / "out")
        with pytest.raises(OutputError, match="Permission denied"):
            check_writable(locked)
    finally:
        locked.chmod(0o755)


def test_bad_rows_are_caller_bugs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(ValueError, match="unknown dataset"):
        write_datasets(out, {"project": []}, replace_doc_ids=[])
    with pytest.raises(ValueError, match="budget_totl_yuan"):
        typo = {"projects": [{"doc_id": "a", "budget_totl_yuan": 1}]}
        write_datasets(out, typo, replace_doc_ids=[])
    with pytest.raises(ValueError, match="column budget_total_yuan"):
        bad = {"projects": [{"doc_id": "a", "budget_total_yuan": Decimal("1.234")}]}
        write_datasets(out, bad, replace_doc_ids=[])
    with pytest.raises(ValueError, match="doc_id"):
        write_datasets(out, {"measures": [{"seq": 1}]}, replace_doc_ids=[])
    assert not out.exists()


def test_second_writer_waits_for_the_lock(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    errors: list[BaseException] = []

    def second_writer() -> None:
        try:
            write_datasets(out, doc_rows("a", 2021), replace_doc_ids=["a"])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    with writers._locked(out):
        thread = threading.Thread(target=second_writer)
        thread.start()
        time.sleep(0.3)
        assert thread.is_alive()
        assert not (out / "documents").exists()
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert errors == []
    assert read(out, "documents").num_rows == 1


# --------------------------------------------------------------------------------------------
# Other readers, when installed (not dependencies of this project)


def test_duckdb_reads_the_folder(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb", reason="duckdb not installed; optional reader check")
    out = tmp_path / "out"
    write_datasets(out, merge(doc_rows("a", 2021), doc_rows("b", None)), replace_doc_ids=[])
    pattern = (out / "projects" / "*.parquet").as_posix()
    result = duckdb.sql(f"select count(*), min(fiscal_year) from read_parquet('{pattern}')")
    assert result.fetchall() == [(2, 2021)]


def test_polars_reads_the_folder(tmp_path: Path) -> None:
    polars = pytest.importorskip("polars", reason="polars not installed; optional reader check")
    out = tmp_path / "out"
    write_datasets(out, merge(doc_rows("a", 2021), doc_rows("b", None)), replace_doc_ids=[])
    frame = polars.read_parquet(out / "projects" / "*.parquet")
    assert frame.height == 2
    assert frame.schema["fiscal_year"] == polars.Int16


def test_copying_the_output_keeps_it_readable(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_datasets(out, FIRST, replace_doc_ids=[])
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    write_datasets(copy, SECOND, replace_doc_ids=["a"])
    assert read(copy, "projects").column("fiscal_year").to_pylist() == [2023, 2022]


def test_half_a_commit_on_a_read_only_out_is_never_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed while renaming, and then OUT cannot be written (a read-only mount): readers
    refuse with one line instead of returning documents without their indicators."""
    out = tmp_path / "out"
    write_datasets(out, FIRST, replace_doc_ids=[])
    monkeypatch.setattr(os, "replace", _fail_on_call(5, os.replace, Killed()))
    with pytest.raises(Killed):
        write_datasets(out, SECOND, replace_doc_ids=["a"])
    monkeypatch.undo()

    def read_only(out: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(writers, "_recover_locked", read_only)
    with pytest.raises(OutputError, match="interrupted commit") as caught:
        read_tables(out)
    assert "\n" not in str(caught.value)
    monkeypatch.undo()
    assert read_tables(out)["projects"].num_rows > 0  # writable again: finished, then read
