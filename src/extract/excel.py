"""`extract excel OUT`: every dataset as a sheet of one .xlsx workbook, for people, not machines.

Excel turns an all-digit 项目编码 (`130304210000000001234`) into `1.3030421e+20` and `001001`
into `1001` when it opens a CSV, and shows the CSV's formula guard as `'=`. Here every text
column is written as text cells (Excel never converts them), amounts as numbers with two
decimals, dates as dates; two header rows (column name, Chinese label), frozen, with filters.
The CSVs stay what they are, for machines. XlsxWriter writes the workbook row by row
(`constant_memory`), so a large archive does not have to fit in memory as cells.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import secrets
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import xlsxwriter
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from extract.columns import label_zh
from extract.schema import ALL_DATASETS
from extract.writers import OutputError, output_folder, read_tables

WORKBOOK_NAME = "datasets.xlsx"
MAX_ROWS = 1_048_576  # Excel's rows per sheet; a longer dataset continues on `NAME (2)`
HEADER_ROWS = 2
MAX_CELL = 32_767  # Excel's characters per cell
TRUNCATED = "…[cut: Excel holds 32,767 characters per cell; the CSV and Parquet hold it all]"
_WIDTH_SAMPLE = 500  # rows looked at to size a column
_MAX_WIDTH = 60

Writer = Callable[[Worksheet, int, int, Any], None]


def write_workbook(
    out: str | os.PathLike[str], target: str | os.PathLike[str] | None = None
) -> Path:
    """Write the workbook of OUT (default `OUT/datasets.xlsx`) and return its path; written
    beside and renamed into place, so an open or half-written file is never left."""
    source = output_folder(out)
    path = Path(target) if target is not None else source / WORKBOOK_NAME
    tables = read_tables(source, ALL_DATASETS)
    temp = path.with_name(f".{path.stem}.{secrets.token_hex(4)}.tmp.xlsx")
    try:
        _write(temp, tables)
        os.replace(temp, path)
    except (OSError, FileCreateError) as exc:
        temp.unlink(missing_ok=True)
        cause = exc.__cause__ if isinstance(exc, FileCreateError) else exc
        reason = cause.strerror if isinstance(cause, OSError) and cause.strerror else exc
        raise OutputError(f"cannot write {path}: {reason}") from exc
    except Exception:
        temp.unlink(missing_ok=True)
        raise
    return path


def _write(path: Path, tables: dict[str, pa.Table]) -> None:
    options = {
        "constant_memory": True,
        "strings_to_numbers": False,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "default_date_format": "yyyy-mm-dd",
    }
    workbook = xlsxwriter.Workbook(str(path), options)
    formats = _Formats(workbook)
    try:
        for name in ALL_DATASETS:
            table = tables[name]
            for number, (start, stop) in enumerate(_sheet_ranges(table.num_rows), start=1):
                title = name if number == 1 else f"{name} ({number})"
                _write_sheet(
                    workbook.add_worksheet(title), name, table.slice(start, stop - start), formats
                )
    finally:
        workbook.close()


def _sheet_ranges(n_rows: int) -> list[tuple[int, int]]:
    per_sheet = MAX_ROWS - HEADER_ROWS
    return [
        (start, min(start + per_sheet, n_rows)) for start in range(0, max(n_rows, 1), per_sheet)
    ]


class _Formats:
    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self.name = workbook.add_format({"bold": True, "bg_color": "#DDE4EE", "border": 1})
        self.label = workbook.add_format({"bold": True, "bg_color": "#F2F4F7", "border": 1})
        self.text = workbook.add_format({"num_format": "@"})
        self.money = workbook.add_format({"num_format": "#,##0.00"})
        self.decimal = workbook.add_format({"num_format": "0.00"})
        self.integer = workbook.add_format({"num_format": "0"})
        self.date = workbook.add_format({"num_format": "yyyy-mm-dd"})
        self.timestamp = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})


def _write_sheet(sheet: Worksheet, name: str, table: pa.Table, formats: _Formats) -> None:
    columns = table.column_names
    writers = [_writer(field, formats) for field in table.schema]
    labels = [label_zh(name, column) for column in columns]
    for col, (column, label) in enumerate(zip(columns, labels, strict=True)):
        sheet.set_column(
            col,
            col,
            _width(column, label, table.column(column)),
            _column_format(table.schema.field(column), formats),
        )
    sheet.freeze_panes(HEADER_ROWS, 0)
    sheet.autofilter(HEADER_ROWS - 1, 0, HEADER_ROWS - 1 + max(table.num_rows, 1), len(columns) - 1)
    # Row by row: in constant_memory mode a row is flushed once the next one is started.
    for col, column in enumerate(columns):
        sheet.write_string(0, col, column, formats.name)
    for col, label in enumerate(labels):
        sheet.write_string(1, col, label, formats.label)
    for offset, values in enumerate(_rows(table)):
        row = HEADER_ROWS + offset
        for col, (write, value) in enumerate(zip(writers, values, strict=True)):
            if value is not None:
                write(sheet, row, col, value)


def _rows(table: pa.Table) -> Iterator[tuple[Any, ...]]:
    """Rows in batches, so a large dataset is never all Python objects at once."""
    for batch in table.to_batches(max_chunksize=10_000):
        yield from zip(*(column.to_pylist() for column in batch.columns), strict=True)


def _writer(field: pa.Field, formats: _Formats) -> Writer:
    kind = field.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return lambda sheet, row, col, value: sheet.write_string(
            row, col, _cell_text(value), formats.text
        )
    if pa.types.is_decimal(kind):
        number = formats.money if field.name.endswith("_yuan") else formats.decimal
        return lambda sheet, row, col, value: sheet.write_number(row, col, float(value), number)
    if pa.types.is_integer(kind):
        return lambda sheet, row, col, value: sheet.write_number(row, col, value, formats.integer)
    if pa.types.is_floating(kind):
        return _write_float
    if pa.types.is_timestamp(kind):
        return lambda sheet, row, col, value: sheet.write_datetime(
            row, col, _naive_utc(value), formats.timestamp
        )
    if pa.types.is_date(kind):
        return lambda sheet, row, col, value: sheet.write_datetime(row, col, value, formats.date)
    raise TypeError(f"no Excel cell for {field.name} ({kind})")


def _write_float(sheet: Worksheet, row: int, col: int, value: float) -> None:
    if math.isfinite(value):  # Excel has no NaN or infinity: those stay empty
        sheet.write_number(row, col, value)


def _column_format(field: pa.Field, formats: _Formats) -> Format | None:
    """Text columns are text for cells typed in later too (Excel keeps `001001` as typed)."""
    kind = field.type
    return formats.text if pa.types.is_string(kind) or pa.types.is_large_string(kind) else None


def _cell_text(value: str) -> str:
    if len(value) <= MAX_CELL:
        return value
    return value[: MAX_CELL - len(TRUNCATED)] + TRUNCATED


def _naive_utc(value: dt.datetime) -> dt.datetime:
    """Excel has no time zones: the UTC wall time (the column says UTC in its label)."""
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def _width(column: str, label: str, values: pa.ChunkedArray) -> float:
    sample = values.slice(0, _WIDTH_SAMPLE).to_pylist()
    texts = [column, label, *(_shown(value) for value in sample if value is not None)]
    return min(_MAX_WIDTH, max(_display_width(text) for text in texts) + 2)


def _shown(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return "2024-01-01 00:00:00"
    return str(value).split("\n", 1)[0]


def _display_width(text: str) -> int:
    """CJK characters take two columns of Excel's width unit."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
