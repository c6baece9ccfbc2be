"""Excel 97-2003 (.xls, WPS .et) workbooks to the intermediate model, through xlrd.

Chosen by measurement on the same 2,000-row sheet saved as .xls by LibreOffice: xlrd with
`formatting_info` opens and walks it in 25-40 ms and gives what the model needs (merged
ranges, hidden rows, columns and sheets, each cell's number format, so 0.2 formatted `0%`
reads `20%`); python-calamine takes 4-6 ms but has no number formats or hidden rows, which
would print stored values instead of what the sheet shows. The whole parser, model included,
takes 160-200 ms (bench/bench_xlsx.py). xlrd reads bytes only: no network, no macros.

Policy as for .xlsx (`xlsx_parser`): every worksheet in order, hidden content read and noted,
very hidden sheets skipped with a note, formulas as their saved results.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import xlrd  # type: ignore[import-untyped]

from extract.model import Document, ParseError
from extract.parsers.number_format import builtin_format, display_number, display_text, general
from extract.parsers.ooxml_package import one_line
from extract.parsers.sheet_blocks import SheetGrid, Skipped, workbook_document

__all__ = ["parse_xls"]

_ZIP_MAGIC = b"PK\x03\x04"
_DAMAGED = "not a valid Excel 97-2003 file (damaged or not an .xls)"
_ENCRYPTED = "password-protected Excel file: remove the password and save again"
# Format ids whose meaning depends on the locale; the file's own string is the English one.
_LOCALE_IDS = frozenset((14, 22, *range(27, 37), *range(50, 59)))
_VERY_HIDDEN = 2


def parse_xls(data: bytes) -> Document:
    """Parses a BIFF workbook; anything unexpected becomes a ParseError with a one-line reason."""
    if data.startswith(_ZIP_MAGIC):  # an .xlsx by content, whatever its name
        from extract.parsers.xlsx_parser import parse_xlsx

        return parse_xlsx(data)
    try:
        book = xlrd.open_workbook(
            file_contents=data,
            formatting_info=True,
            on_demand=True,
            logfile=io.StringIO(),
            verbosity=0,
        )
    except xlrd.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise ParseError(_ENCRYPTED) from exc
        raise ParseError(f"{_DAMAGED}: {one_line(exc)}") from exc
    except Exception as exc:
        raise ParseError(f"{_DAMAGED}: {one_line(exc)}") from exc
    try:
        return workbook_document(_sheets(book), "xls")
    except ParseError:
        raise
    except Exception as exc:
        raise ParseError(f"could not read Excel 97-2003 file: {one_line(exc)}") from exc
    finally:
        book.release_resources()


def _sheets(book: Any) -> Iterator[SheetGrid | Skipped]:
    """Each worksheet, loaded when asked for and released after (one in memory at a time)."""
    formats = _formats(book)
    date1904 = book.datemode == 1
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        name = str(sheet.name)
        if sheet.visibility == _VERY_HIDDEN:
            yield Skipped(name, "is very hidden (only a program can show it): skipped")
        else:
            grid = _grid(sheet, formats, date1904)
            grid.hidden = bool(sheet.visibility)
            yield grid
        book.unload_sheet(index)


def _formats(book: Any) -> list[str]:
    """The number format code of every cell style (XF) index."""
    out = []
    for xf in book.xf_list:
        key = int(xf.format_key)
        fmt = book.format_map.get(key)
        if key in _LOCALE_IDS or fmt is None:
            out.append(builtin_format(key))
        else:
            out.append(str(fmt.format_str) or "General")
    return out


def _grid(sheet: Any, formats: list[str], date1904: bool) -> SheetGrid:
    grid = SheetGrid(name=str(sheet.name), cells={})
    cells = grid.cells
    for r in range(sheet.nrows):
        types = sheet.row_types(r)
        values = sheet.row_values(r)
        for c, kind in enumerate(types):
            if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                continue
            value = values[c]
            code = formats[sheet.cell_xf_index(r, c)]
            text = _text(kind, value, code, date1904)
            if text:
                cells[(r, c)] = text
    grid.merges = [(rlo, clo, rhi - 1, chi - 1) for rlo, rhi, clo, chi in sheet.merged_cells]
    grid.hidden_rows = {r for r, info in sheet.rowinfo_map.items() if info.hidden}
    grid.hidden_cols = {c for c, info in sheet.colinfo_map.items() if info.hidden}
    return grid


def _text(kind: int, value: Any, code: str, date1904: bool) -> str:
    if kind == xlrd.XL_CELL_TEXT:
        text = str(value).replace("\r\n", "\n").replace("\r", "\n")
        return display_text(text, code) if "@" in code and code != "@" else text
    if kind in (xlrd.XL_CELL_NUMBER, xlrd.XL_CELL_DATE):
        number = float(value)
        if code == "General":
            return general(number)
        return display_number(number, code, date1904=date1904)
    if kind == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if value else "FALSE"
    if kind == xlrd.XL_CELL_ERROR:
        return str(xlrd.error_text_from_code.get(value, "#N/A"))
    return str(value)
