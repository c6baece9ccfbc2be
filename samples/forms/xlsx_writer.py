"""Table specs (formlib's `Para` / `Table` blocks) as an Excel workbook, as a department's
spreadsheet author would keep them.

Two steps, so that the workbook, its CSV and its Excel-style HTML come from one model:

- `place` stacks blocks on a sheet model (`SheetModel`): a title / year / unit / plain line is
  one cell merged across the table's width (centred, centred, right-aligned, left-aligned) in a
  row above the table; a table's cells sit at their grid columns from column A, each row span /
  column span a merged range; an empty `Para` is an empty row; a form whose title starts a new
  page gets one blank row before it and a manual page break.
- `write_workbook` writes the models with openpyxl: merged ranges, thin borders, wrapped text,
  column widths from the spec's twips, estimated row heights, 宋体; fixed workbook properties
  and fixed zip stamps, so two runs give the same bytes.

What is a number and what is text (`typed`): a label cell is text. An amount cell (the caller
says which: `Kind`) is a number formatted `#,##0.00`, whatever the Word print showed (`368.25`,
`0`, `3,309,840.00` all read back as numbers). Elsewhere a cell is a number only where typing
the printed text into Excel makes one, and its number format shows exactly the printed text:
`95` (General), `0.60` (`0.00`), `1,200` / `44,561` (`#,##0`), `31,215.5` (`#,##0.0`), `100%`
/ `0%` (the fraction 1 / 0 with `0%`; `12.5%` with `0.0%`), `2026/1/1` (a date, `yyyy/m/d`).
Everything else stays text: `≥95%`, `=100.00(%)`, `985米`, `250万`, `10分`, and digit strings
of seven or more digits (project codes, 科目代码), which Excel would otherwise round or print
in E-notation. A text that begins with `=` (a 指标方向 cell holding `=`) is stored as a string,
never as a formula. `display` is the inverse used by the checks: the text Excel shows for a
cell's value and number format.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from formlib import FIXED_TIME, Block, C, Para, Table, layout
from make_samples import deterministic_zip

AMOUNT_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy/m/d"
FONT = "宋体"
TWIPS_PER_CHAR = 110  # Excel column width unit (one digit of the default font) in twips
LINE_PT = 13.5  # row height per text line at 10 pt

PLAIN = re.compile(r"^(0|[1-9]\d*)(?:\.(\d+))?$")
COMMA = re.compile(r"^[1-9]\d{0,2}(?:,\d{3})+(?:\.(\d+))?$")
PERCENT = re.compile(r"^(0|[1-9]\d*)(?:\.(\d+))?%$")
SLASH_DATE = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")
CODE_DIGITS = 7  # a bare digit string this long is a code, kept as text

# What the caller says a cell is: an amount, anything else (typed by its text), or text.
Kind = str  # "amount" | "auto" | "text"
Classifier = Callable[[Table, int, int, C], Kind]  # (table, row index, grid column, cell)


def auto(_table: Table, _row: int, _col: int, _cell: C) -> Kind:
    return "auto"


# --- values ---


def typed(text: str, kind: Kind = "auto") -> tuple[Any, str]:
    """(cell value, number format) for a printed text; see the module docstring."""
    if kind == "text" or not text:
        return text, "General"
    if kind == "amount":
        number = Decimal(text.replace(",", ""))
        return _number(number), AMOUNT_FORMAT
    if m := PLAIN.match(text):
        if m.group(2) is None and len(text) >= CODE_DIGITS:
            return text, "General"
        decimals = m.group(2) or ""
        fmt = "0." + "0" * len(decimals) if decimals.endswith("0") else "General"
        return _number(Decimal(text)), fmt
    if m := COMMA.match(text):
        decimals = m.group(1) or ""
        fmt = "#,##0" + ("." + "0" * len(decimals) if decimals else "")
        return _number(Decimal(text.replace(",", ""))), fmt
    if m := PERCENT.match(text):
        decimals = m.group(2) or ""
        fmt = "0" + ("." + "0" * len(decimals) if decimals else "") + "%"
        return _number(Decimal(text[:-1]) / 100), fmt
    if m := SLASH_DATE.match(text):
        return datetime(int(m.group(1)), int(m.group(2)), int(m.group(3))), DATE_FORMAT
    return text, "General"


def _number(d: Decimal) -> int | float:
    return int(d) if d == d.to_integral_value() else float(d)


def display(value: Any, fmt: str | None) -> str:
    """The text Excel shows for a value under one of the number formats used here (and their
    spellings after a LibreOffice round trip: `YYYY/M/D`, `General`)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    f = (fmt or "General").strip()
    if isinstance(value, datetime | date):
        if f.lower() in ("yyyy/m/d", "yyyy/m/d;@"):
            return f"{value.year}/{value.month}/{value.day}"
        return value.strftime("%Y-%m-%d")
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if f.lower() == "general":
        if number == number.to_integral_value():
            return str(int(number))
        return format(number.normalize(), "f")
    percent = f.endswith("%")
    core = f[:-1] if percent else f
    decimals = len(core.split(".", 1)[1]) if "." in core else 0
    if percent:
        number *= 100
    q = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    out = f"{q:,.{decimals}f}" if "," in core else f"{q:.{decimals}f}"
    return out + ("%" if percent else "")


def is_number_text(text: str) -> bool:
    """A printed text that `typed` (kind `auto`) would store as a number."""
    value, _ = typed(text)
    return isinstance(value, int | float)


# --- the sheet model ---


@dataclass
class XCell:
    value: Any
    fmt: str = "General"
    style: str = "cell"  # title | year | unit | plain | label | cell | head (an ordinary table)

    @property
    def text(self) -> str:
        return display(self.value, self.fmt)


@dataclass
class Placed:
    """Where one block landed: its first row (1-based) on the sheet."""

    block: Block
    row: int


@dataclass
class SheetModel:
    name: str
    cells: dict[tuple[int, int], XCell] = field(default_factory=dict)  # (row, col), 1-based
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2
    widths: list[int] = field(default_factory=list)  # twips per column
    breaks: list[int] = field(default_factory=list)  # a page break after this row
    placed: list[Placed] = field(default_factory=list)
    hidden: bool = False
    landscape: bool = False
    print_title_rows: str | None = None  # e.g. "3:3"
    freeze: str | None = None  # e.g. "A4"
    validations: list[tuple[str, str]] = field(default_factory=list)  # (range, list formula)
    links: dict[tuple[int, int], str] = field(default_factory=dict)  # cell -> "'sheet'!A1"
    next_row: int = 1

    @property
    def n_cols(self) -> int:
        return max((c for _, c in self.cells), default=1)

    @property
    def n_rows(self) -> int:
        return max((r for r, _ in self.cells), default=0)

    def set(self, row: int, col: int, cell: XCell, rows: int = 1, cols: int = 1) -> None:
        self.cells[(row, col)] = cell
        if rows > 1 or cols > 1:
            self.merges.append((row, col, row + rows - 1, col + cols - 1))

    def grid(self) -> list[list[str]]:
        """The displayed text of every cell, merged-over cells empty: what a CSV holds."""
        n_cols = self.n_cols
        out = [["" for _ in range(n_cols)] for _ in range(self.n_rows)]
        for (r, c), cell in self.cells.items():
            out[r - 1][c - 1] = cell.text
        return out

    def _widen(self, table_widths: Sequence[int]) -> None:
        for k, w in enumerate(table_widths):
            if k < len(self.widths):
                self.widths[k] = max(self.widths[k], w)
            else:
                self.widths.append(w)


def place(sheet: SheetModel, blocks: Sequence[Block], kind: Classifier = auto) -> None:
    """Stack `blocks` below what the sheet holds (see the module docstring)."""
    tables = [b for b in blocks if isinstance(b, Table)]
    previous: Block | None = sheet.placed[-1].block if sheet.placed else None
    for i, block in enumerate(blocks):
        if isinstance(block, Para):
            if block.page_break and block.text and isinstance(previous, Table):
                sheet.next_row += 1  # a blank row between forms
            if block.page_break and sheet.next_row > 1:
                sheet.breaks.append(sheet.next_row - 1)
            following = [b for b in blocks[i + 1 :] if isinstance(b, Table)]
            width_of = following[0] if following else (tables[-1] if tables else None)
            span = len(width_of.widths) if width_of else 1
            row = sheet.next_row
            if block.text:
                style = block.style if block.style in ("title", "year", "unit") else "plain"
                sheet.set(row, 1, XCell(block.text, style=style), cols=span)
            sheet.placed.append(Placed(block, row))
            sheet.next_row += 1
        else:
            sheet._widen(block.widths)
            top = sheet.next_row
            for r, slots in enumerate(layout(block)):
                for slot in slots:
                    if slot.continued:
                        continue
                    cell = slot.cell
                    text = "\n".join(cell.paragraphs)
                    if cell.label:
                        xcell = XCell(text, style="label")
                    else:
                        value, fmt = typed(text, kind(block, r, slot.col, cell))
                        xcell = XCell(value, fmt)
                        _check_typed(text, xcell, kind(block, r, slot.col, cell))
                    sheet.set(top + r, slot.col + 1, xcell, cell.rows, cell.span)
            sheet.placed.append(Placed(block, top))
            sheet.next_row = top + len(block.rows)
        previous = block


def _check_typed(text: str, cell: XCell, kind: Kind) -> None:
    """A number shows the printed text (an amount: the printed amount, maybe reformatted)."""
    if kind == "amount" and text:
        assert Decimal(cell.text.replace(",", "")) == Decimal(text.replace(",", "")), text
    else:
        assert cell.text == text, (text, cell.value, cell.fmt)


def plain_table(
    sheet: SheetModel,
    title: str,
    lines: Sequence[str],
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    twips: Sequence[int],
) -> None:
    """An ordinary table (收支总表, 目录, a code list): a merged title row, lines below it, a
    header row and rows of values; a Decimal is an amount (`#,##0.00`)."""
    n = len(header)
    r = sheet.next_row
    sheet.set(r, 1, XCell(title, style="title"), cols=n)
    r += 1
    for line in lines:
        sheet.set(r, 1, XCell(line, style="unit"), cols=n)
        r += 1
    for c, h in enumerate(header, 1):
        sheet.set(r, c, XCell(h, style="head"))
    r += 1
    for values in rows:
        for c, v in enumerate(values, 1):
            if isinstance(v, Decimal):
                sheet.set(r, c, XCell(_number(v), AMOUNT_FORMAT))
            elif v is not None and v != "":
                sheet.set(r, c, XCell(v))
            else:
                sheet.set(r, c, XCell(""))
        r += 1
    sheet._widen(twips)
    sheet.next_row = r


# --- openpyxl ---


def _chars(text: str) -> int:
    """Display width in Excel character units: CJK and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _height(sheet: SheetModel, row: int, widths_chars: list[float]) -> float | None:
    lines = 1
    for (r, c), cell in sheet.cells.items():
        if r != row or cell.style in ("title",):
            continue
        merged = next((m for m in sheet.merges if m[0] == r and m[1] == c), None)
        if merged and merged[2] > merged[0]:
            continue  # a cell over several rows grows them little; leave them
        last = merged[3] if merged else c
        room = max(1.0, sum(widths_chars[c - 1 : last]) - 1)
        need = sum(max(1, -(-_chars(p) // int(room))) for p in cell.text.split("\n"))
        lines = max(lines, need)
    if any(r == row and cell.style == "title" for (r, _), cell in sheet.cells.items()):
        return 24.0
    return None if lines == 1 else round(lines * LINE_PT, 2)


def write_workbook(sheets: Sequence[SheetModel], title: str, comments: str) -> bytes:
    """The sheet models as .xlsx bytes, identical on every run."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.hyperlink import Hyperlink
    from openpyxl.worksheet.pagebreak import Break
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook()
    wb.remove(wb.active)
    props = wb.properties
    props.creator = "extract samples"
    props.lastModifiedBy = "extract samples"
    props.title = title
    props.description = comments
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    fonts = {
        "title": Font(name=FONT, size=16, bold=True),
        "label": Font(name=FONT, size=10, bold=True),
        "head": Font(name=FONT, size=10, bold=True),
    }
    plain_font = Font(name=FONT, size=10)
    aligns = {
        "title": Alignment(horizontal="center", vertical="center"),
        "year": Alignment(horizontal="center", vertical="center"),
        "unit": Alignment(horizontal="right", vertical="center"),
        "plain": Alignment(horizontal="left", vertical="center"),
        "label": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "head": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "cell": Alignment(horizontal="left", vertical="center", wrap_text=True),
    }
    number_align = Alignment(horizontal="right", vertical="center", wrap_text=True)
    for model in sheets:
        ws = wb.create_sheet(model.name)
        if model.hidden:
            ws.sheet_state = "hidden"
        boxed = {"label", "cell", "head"}
        for (r, c), cell in sorted(model.cells.items()):
            xc = ws.cell(row=r, column=c)
            xc.value = cell.value if cell.value != "" else None  # a blank cell, styled
            if isinstance(cell.value, str) and cell.value.startswith("="):
                xc.data_type = "s"  # text, not a formula
            xc.number_format = cell.fmt
            xc.font = fonts.get(cell.style, plain_font)
            numeric = not isinstance(cell.value, str)
            xc.alignment = number_align if numeric and cell.style == "cell" else aligns[cell.style]
            if cell.style in boxed:
                xc.border = box
        for r1, c1, r2, c2 in model.merges:
            top = model.cells[(r1, c1)]
            if top.style in ("label", "cell", "head"):
                for r in range(r1, r2 + 1):  # borders around the whole merged range
                    for c in range(c1, c2 + 1):
                        if (r, c) != (r1, c1):
                            ws.cell(row=r, column=c).border = box
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
        widths_chars = [round(w / TWIPS_PER_CHAR, 1) for w in model.widths]
        for k, w in enumerate(widths_chars, 1):
            ws.column_dimensions[get_column_letter(k)].width = w
        for r in range(1, model.n_rows + 1):
            h = _height(model, r, widths_chars)
            if h:
                ws.row_dimensions[r].height = h
        for r in model.breaks:
            ws.row_breaks.append(Break(id=r))
        for (r, c), target in sorted(model.links.items()):
            xc = ws.cell(row=r, column=c)
            xc.hyperlink = Hyperlink(ref=xc.coordinate, location=target, display=str(xc.value))
        for ref, formula in model.validations:
            dv = DataValidation(type="list", formula1=formula, allow_blank=True)
            dv.add(ref)
            ws.add_data_validation(dv)
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if model.landscape else "portrait"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        if model.print_title_rows:
            ws.print_title_rows = model.print_title_rows
        if model.freeze:
            ws.freeze_panes = model.freeze
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()  # save_workbook would stamp `modified` with the clock
    zipped: bytes = deterministic_zip(buffer.getvalue())
    return zipped


def sheet_name(text: str, taken: set[str]) -> str:
    """A valid, unique Excel sheet name (31 characters, none of []:*?/\\)."""
    name = re.sub(r"[\[\]:*?/\\]", "", text)[:31]
    base, n = name, 2
    while name in taken:
        suffix = f"({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(name)
    return name
