"""`extract excel`: codes stay text, amounts are numbers, headers are frozen and filtered, and
LibreOffice opens the workbook with the codes intact (issue 17: Excel mangles the CSV)."""

from __future__ import annotations

import io
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from conftest import SAMPLES
from extract.columns import label_zh
from extract.parsers import office_convert
from extract.schema import ALL_DATASETS

EXTRACT = [sys.executable, "-m", "extract"]
CODES = ("130304210000000001234", "130304210000000005678", "130304210000000009999")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference document with all-digit project codes and a unit code with zeros in front,
    the values Excel turns into numbers when it opens a CSV."""
    folder = tmp_path_factory.mktemp("excel")
    text = (SAMPLES / "reference.txt").read_text(encoding="utf-8")
    for old, new in zip(("K8U6FQHZNYVC1", "MUG5OBR3ORRT9", "YUPWMZITO1GAN"), CODES, strict=True):
        text = text.replace(f"13030421{old}", new)
    text = text.replace("632001秦皇岛", "001001秦皇岛")
    (folder / "dept.txt").write_text(text, encoding="utf-8")
    ran = subprocess.run(
        [*EXTRACT, "run", "dept.txt", "--out", "out", "-q"], cwd=folder, check=False
    )
    assert ran.returncode == 0
    return folder / "out"


@pytest.fixture(scope="module")
def workbook(out: Path) -> Path:
    done = subprocess.run(
        [*EXTRACT, "excel", str(out)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"excel -> {out / 'datasets.xlsx'}"
    return out / "datasets.xlsx"


def _sheet_rows(path: Path, sheet: str) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path)
    return [tuple(cell.value for cell in row) for row in book[sheet].iter_rows()]


def _column(rows: list[tuple[object, ...]], name: str) -> list[object]:
    index = rows[0].index(name)
    return [row[index] for row in rows[2:]]


def test_a_sheet_per_dataset_with_two_frozen_filtered_header_rows(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames == list(ALL_DATASETS)
    sheet = book["projects"]
    assert sheet.freeze_panes == "A3"
    assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A2:")
    names = [cell.value for cell in sheet[1]]
    labels = [cell.value for cell in sheet[2]]
    assert names[:3] == ["doc_id", "fiscal_year", "project_seq"]
    assert labels == [label_zh("projects", name) for name in names]
    assert sheet.column_dimensions["A"].width > 10


def test_codes_are_text_and_amounts_numbers_with_two_decimals(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    sheet = book["projects"]
    header = [cell.value for cell in sheet[1]]
    codes = [row[header.index("project_code")].value for row in sheet.iter_rows(min_row=3)]
    assert codes == list(CODES)
    units = [row[header.index("unit_code")] for row in sheet.iter_rows(min_row=3)]
    assert [cell.value for cell in units] == ["001001"] * 3
    assert all(cell.data_type == "s" for cell in units)
    amounts = [row[header.index("budget_total_yuan")] for row in sheet.iter_rows(min_row=3)]
    assert [cell.value for cell in amounts] == [60000, 130000, 110300]
    assert all(cell.number_format == "#,##0.00" for cell in amounts)
    assert book["documents"]["A3"].data_type == "s"


def test_values_and_comparators_are_text_never_formulas(workbook: Path) -> None:
    rows = _sheet_rows(workbook, "indicators")
    comparators = set(_column(rows, "comparator"))
    assert {">=", "="} <= comparators  # no leading-quote guard: a text cell needs none
    values = _column(rows, "value_raw")
    assert all(isinstance(v, str) for v in values if v is not None)
    assert all(isinstance(v, int | float) for v in _column(rows, "value_num") if v is not None)
    plan = _sheet_rows(workbook, "spending_plan")
    assert {row[plan[0].index("cumulative_pct")] for row in plan[2:]} >= {100.0}


def test_the_workbook_holds_every_row_of_every_dataset(out: Path, workbook: Path) -> None:
    import extract

    data = extract.load(out)
    book = openpyxl.load_workbook(workbook, read_only=True)
    for name in ALL_DATASETS:
        assert book[name].max_row == 2 + max(len(data[name]), 0), name
    projects = _sheet_rows(workbook, "projects")
    exact = data.projects["budget_total_yuan"].tolist()
    assert [
        Decimal(str(v)).quantize(Decimal("0.01")) for v in _column(projects, "budget_total_yuan")
    ] == exact


@pytest.mark.skipif(office_convert.soffice() is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it_with_the_codes_intact(workbook: Path) -> None:
    """LibreOffice reads the workbook and saves it again: the codes come back as text."""
    saved = office_convert.convert(workbook.read_bytes(), ".xlsx", "xlsx")
    book = openpyxl.load_workbook(io.BytesIO(saved))
    sheet = book["projects"]
    header = [cell.value for cell in sheet[1]]
    codes = [row[header.index("project_code")].value for row in sheet.iter_rows(min_row=3)]
    assert codes == list(CODES)
    units = {row[header.index("unit_code")].value for row in sheet.iter_rows(min_row=3)}
    assert units == {"001001"}


def test_errors_are_one_line(out: Path, tmp_path: Path) -> None:
    for args, message in (
        ([str(tmp_path / "nothing")], "no extract output"),
        ([str(out), "-o", str(tmp_path / "nodir" / "x.xlsx")], "cannot write"),
    ):
        done = subprocess.run(
            [*EXTRACT, "excel", *args], capture_output=True, text=True, check=False
        )
        assert done.returncode == 2
        assert done.stderr.startswith("Error: ") and message in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
        assert "Traceback" not in done.stderr
