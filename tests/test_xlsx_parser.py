"""Excel workbooks (.xlsx, .xls) to the model: cells as printed, blocks, notes, defences.

Workbooks are built here with openpyxl; formula results need a spreadsheet program to compute
them, so those come from tests/fixtures/xlsx/ (made by make_fixtures.py through LibreOffice),
which also holds the .xls.
"""

from __future__ import annotations

import io
import random
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.worksheet.worksheet import Worksheet

from extract.model import Document, Location, Paragraph, ParseError, Table
from extract.parsers.number_format import display_number, display_text
from extract.parsers.sheet_blocks import SheetGrid, sheet_blocks
from extract.parsers.xls_parser import parse_xls
from extract.parsers.xlsx_parser import parse_xlsx
from extract.pipeline import InputFile, extract_file

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "xlsx"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HEADER = ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标"]
HEADER += ["指标性质", "指标值", "度量单位", "权重", "指标方向性"]


def _book(*titles: str) -> tuple[openpyxl.Workbook, list[Worksheet]]:
    wb = openpyxl.Workbook()
    first = wb.active
    assert first is not None
    first.title = titles[0] if titles else "Sheet1"
    sheets = [first] + [wb.create_sheet(title) for title in titles[1:]]
    return wb, sheets


def _save(wb: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _tables(doc: Document) -> list[Table]:
    return list(doc.tables())


def _texts(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows()]


def _message(data: bytes, parse: object = parse_xlsx) -> str:
    assert callable(parse)
    with pytest.raises(ParseError) as info:
        parse(data)
    return str(info.value)


def _zip(members: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _package(
    rows: str, *, styles: str | None = None, strings: str | None = None, sheet_head: str = ""
) -> bytes:
    """A workbook written by hand, part by part, the way Excel lays it out."""
    rels = [f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>']
    members: dict[str, bytes | str] = {
        "xl/workbook.xml": (
            f'<workbook {NS} xmlns:r="{_REL}"><sheets>'
            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/worksheets/sheet1.xml": (
            f"<worksheet {NS}>{sheet_head}<sheetData>{rows}</sheetData></worksheet>"
        ),
    }
    if styles is not None:
        members["xl/styles.xml"] = styles
        rels.append(f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>')
    if strings is not None:
        members["xl/sharedStrings.xml"] = f"<sst {NS}>{strings}</sst>"
        rels.append(
            f'<Relationship Id="rId3" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
        )
    members["xl/_rels/workbook.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels)
        + "</Relationships>"
    )
    return _zip(members)


def _flat_sheet(ws: Worksheet, blank_after_header: bool = False) -> None:
    """The 井研 layout: title, amount unit, header on row 3, merged project cells."""
    ws["A1"] = "井研县部门预算项目绩效目标申报表(2023年度)"
    ws.merge_cells("A1:L1")
    ws["A2"] = "金额单位:元"
    for col, label in enumerate(HEADER, start=1):
        ws.cell(3, col, label)
    first = 5 if blank_after_header else 4
    ws.cell(first, 1, "820-马踏镇部门")
    ws.cell(first, 3, 8827620.53).number_format = "#,##0.00"
    rows = [
        ("产出指标", "数量指标", "发放人数", "≥", 95, "人", 10, "正向指标"),
        ("效益指标", "社会效益指标", "维护社会稳定", "≥", 0.95, None, 10, "正向指标"),
        ("满意度指标", "服务对象满意度指标", "村组干部满意度", "≥", 0.9, None, 10, "正向指标"),
    ]
    start = first + 1
    for i, row in enumerate(rows):
        r = start + i
        if i == 0:
            ws.cell(r, 1, "820001-井研县马踏镇人民政府")
            ws.cell(r, 2, "村组干部报酬")
            ws.cell(r, 3, 3309840).number_format = "#,##0.00"
            ws.cell(r, 4, "按时发放村组干部报酬")
        for j, value in enumerate(row):
            ws.cell(r, 5 + j, value)
        if isinstance(row[4], float):
            ws.cell(r, 9).number_format = "0%"
    for col in "ABCD":
        ws.merge_cells(f"{col}{start}:{col}{start + len(rows) - 1}")


# --- cells as printed -------------------------------------------------------------------


def test_numbers_read_as_their_format_prints_them() -> None:
    wb, (ws,) = _book("formats")
    cells = [
        (0.2, "0%"),
        (0.2, "0.00%"),
        (3309840, "#,##0.00"),
        (3309840, "0.00"),
        (95, "General"),
        (95.0, "General"),
        (0.6, "General"),
        (date(2026, 1, 1), "yyyy/m/d"),
        (date(2026, 1, 1), "yyyy-mm-dd"),
        (46023, "General"),  # a date serial with no date format stays a number
        (1234.5, '#,##0.00"元"'),
        (-1234.5, "#,##0.00;[Red]\\(#,##0.00\\)"),
        (True, "General"),
    ]
    for i, (value, fmt) in enumerate(cells, start=1):
        ws.cell(i, 1, value).number_format = fmt
        ws.cell(i, 2, "x")
    doc = parse_xlsx(_save(wb))
    (table,) = _tables(doc)
    assert [row[0] for row in _texts(table)] == [
        "20%",
        "20.00%",
        "3,309,840.00",
        "3309840.00",
        "95",
        "95",
        "0.6",
        "2026/1/1",
        "2026-01-01",
        "46023",
        "1,234.50元",
        "(1,234.50)",
        "TRUE",
    ]


def test_builtin_formats_without_a_code_in_the_file() -> None:
    """Ids 14 and 31 are the locale's dates: Chinese Excel prints 2026/1/1 and 2026年1月1日."""
    ids = [14, 31, 9, 10, 4, 3]
    values = [46023, 46023, 0.2, 0.2, 1234.5, 1234.5]
    rows = "".join(
        f'<row r="{i}"><c r="A{i}" s="{i}"><v>{v}</v></c><c r="B{i}" t="inlineStr">'
        f"<is><t>id</t></is></c></row>"
        for i, v in enumerate(values, start=1)
    )
    xfs = "<xf/>" + "".join(f'<xf numFmtId="{i}"/>' for i in ids)
    data = _package(rows, styles=f"<styleSheet {NS}><cellXfs>{xfs}</cellXfs></styleSheet>")
    (table,) = _tables(parse_xlsx(data))
    assert [row[0] for row in _texts(table)] == [
        "2026/1/1",
        "2026年1月1日",
        "20%",
        "20.00%",
        "1,234.50",
        "1,235",
    ]


def test_string_kinds_and_escapes() -> None:
    """Shared strings with runs and phonetic guides, inline strings, formula strings, booleans,
    errors, `_x000D_` escapes and cells without `r`."""
    strings = (
        "<si><t>plain</t></si>"
        "<si><r><t>ri</t></r><r><rPr><b/></rPr><t>ch</t></r><rPh><t>guide</t></rPh></si>"
        "<si><t>line_x000D_\nbreak</t></si>"
    ).replace("\\n", "\n")
    rows = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="s"><v>2</v></c></row>'
        '<row r="2"><c t="str"><f>A1</f><v>plain</v></c><c t="b"><v>1</v></c>'
        '<c t="e"><v>#DIV/0!</v></c></row>'
        '<row><c r="A3" t="d"><v>2026-01-01T00:00:00</v></c><c r="B3" t="inlineStr">'
        "<is><r><t>in</t></r><r><t>line</t></r></is></c></row>"
    )
    (table,) = _tables(parse_xlsx(_package(rows, strings=strings)))
    assert _texts(table) == [
        ["plain", "rich", "line\nbreak"],
        ["plain", "TRUE", "#DIV/0!"],
        ["2026-01-01", "inline", ""],
    ]


@pytest.mark.parametrize("index", ["1", "-1", "x", " 2 "])
def test_a_cell_naming_a_shared_string_the_file_lacks_is_a_damaged_file(index: str) -> None:
    rows = f'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>{index}</v></c></row>'
    data = _package(rows, strings="<si><t>only</t></si>")
    assert "a cell refers to a missing shared string" in _message(data)


def test_line_breaks_in_a_cell_are_paragraphs() -> None:
    wb, (ws,) = _book()
    ws.append(["年度目标", "项目"])
    ws.append(["1.按时发放\n2.维护稳定\r\n3.提升满意度", "A"])
    (table,) = _tables(parse_xlsx(_save(wb)))
    cell = table.rows()[1][0]
    assert cell.paragraphs == ("1.按时发放", "2.维护稳定", "3.提升满意度")
    assert cell.text == "1.按时发放\n2.维护稳定\n3.提升满意度"


def test_formula_results_are_the_saved_values() -> None:
    """LibreOffice computed and stored them (openpyxl cannot)."""
    doc = parse_xlsx((FIXTURES / "budget.xlsx").read_bytes())
    table = _tables(doc)[0]
    rows = _texts(table)
    assert rows[0] == ["单位名称", "项目名称", "预算数", "合计", "指标值", "完成时间"]
    assert rows[1] == [
        "820001-某某局",
        "村组干部报酬",
        "3,309,840.00",
        "6619680.00",
        "20%",
        "2026/1/1",
    ]
    assert rows[2] == ["0.00", "95%", "2026/6/30"]
    assert rows[3][2:4] == ["125,000.50", "250001.00"]


def test_formula_without_a_saved_result_is_empty_and_noted() -> None:
    wb, (ws,) = _book("calc")
    ws.append(["预算数", "合计"])
    ws.append([10, "=A2*2"])
    doc = parse_xlsx(_save(wb))
    assert _texts(_tables(doc)[0]) == [["预算数", "合计"], ["10", ""]]
    assert (
        "sheet calc: 1 formula has no saved result (B2), read as empty: "
        "open and save the file in a spreadsheet program"
    ) in doc.notes


# --- blocks -----------------------------------------------------------------------------


def test_flat_sheet_title_lines_become_paragraphs_above_the_table() -> None:
    wb, (ws,) = _book("部门项目支出绩效目标05-2")
    _flat_sheet(ws)
    doc = parse_xlsx(_save(wb))
    assert doc.source_format == "xlsx" and doc.n_pages is None
    p1, p2, table = doc.blocks
    assert isinstance(p1, Paragraph) and isinstance(p2, Paragraph) and isinstance(table, Table)
    assert p1.text == "井研县部门预算项目绩效目标申报表(2023年度)"
    assert p1.location == Location(sheet="部门项目支出绩效目标05-2", row=1)
    assert p2.text == "金额单位:元" and p2.location.row == 2
    assert (table.n_rows, table.n_cols) == (5, 12)
    rows = _texts(table)
    assert rows[0] == HEADER
    assert rows[1] == ["820-马踏镇部门", "", "8,827,620.53"] + [""] * 9
    assert rows[2] == [
        "820001-井研县马踏镇人民政府",
        "村组干部报酬",
        "3,309,840.00",
        "按时发放村组干部报酬",
        "产出指标",
        "数量指标",
        "发放人数",
        "≥",
        "95",
        "人",
        "10",
        "正向指标",
    ]
    assert rows[3][:5] == ["效益指标", "社会效益指标", "维护社会稳定", "≥", "95%"]
    assert len(rows[3]) == 8  # the four project cells are merged down from row 2
    unit = table.rows()[2][0]
    assert (unit.row, unit.col, unit.row_span, unit.col_span) == (2, 0, 3, 1)
    assert unit.location == Location(sheet="部门项目支出绩效目标05-2", table=1, row=5, col=1)
    assert unit.location.describe() == "sheet 部门项目支出绩效目标05-2, table 1, row 5, col 1"
    assert table.location == Location(sheet="部门项目支出绩效目标05-2", table=1)
    assert table.cell_at(4, 1) is table.rows()[2][1]  # grid positions follow the spans


def test_empty_cells_inside_a_table_keep_their_grid_positions() -> None:
    wb, (ws,) = _book()
    ws.append(["a", "b", "c"])
    ws.append(["d", None, "f"])
    ws.append([None, "h", None])
    (table,) = _tables(parse_xlsx(_save(wb)))
    assert _texts(table) == [["a", "b", "c"], ["d", "", "f"], ["", "h", ""]]
    assert [(c.row, c.col) for c in table.cells] == [(r, c) for r in range(3) for c in range(3)]


def test_a_blank_row_between_header_and_data_does_not_cut_the_table() -> None:
    wb, (ws,) = _book()
    _flat_sheet(ws, blank_after_header=True)
    doc = parse_xlsx(_save(wb))
    (table,) = _tables(doc)
    rows = _texts(table)
    assert rows[0] == HEADER
    assert rows[1] == [""] * 12
    assert rows[2][0] == "820-马踏镇部门"
    assert table.n_rows == 6


def test_tables_whose_columns_differ_stay_apart_across_a_blank_row() -> None:
    wb, (ws,) = _book()
    for row, values in ((1, ["收入", "预算数"]), (2, ["财政拨款", 100])):
        for col, value in enumerate(values, start=1):
            ws.cell(row, col, value)
    for row, values in ((4, ["支出", "预算数", "备注"]), (5, ["基本支出", 60])):
        for col, value in enumerate(values, start=2):
            ws.cell(row, col, value)
    first, second = _tables(parse_xlsx(_save(wb)))
    assert _texts(first) == [["收入", "预算数"], ["财政拨款", "100"]]
    assert _texts(second) == [["支出", "预算数", "备注"], ["基本支出", "60", ""]]
    assert second.rows()[0][0].location.col == 2


def test_separate_lone_cells_of_a_title_row_are_paragraphs() -> None:
    wb, (ws,) = _book()
    ws["A1"] = "单位名称：某某局"
    ws["D1"] = "金额单位：万元"
    ws.append(["项目", "预算数", "执行数", "备注"])
    ws.append(["甲", 1, 2, ""])
    doc = parse_xlsx(_save(wb))
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Paragraph", "Table"]
    assert [p.text for p in doc.paragraphs()] == ["单位名称：某某局", "金额单位：万元"]
    assert _texts(_tables(doc)[0])[0] == ["项目", "预算数", "执行数", "备注"]


def test_a_header_cell_merged_down_is_not_peeled_as_a_title() -> None:
    wb, (ws,) = _book()
    ws["A1"] = "项目名称"
    ws.merge_cells("A1:A2")
    ws["B2"] = "预算数"
    ws["C2"] = "执行数"
    ws.append(["甲", 1, 2])
    (table,) = _tables(parse_xlsx(_save(wb)))
    assert table.rows()[0][0].text == "项目名称" and table.rows()[0][0].row_span == 2


def test_a_caption_merged_across_a_grid_stays_its_first_row() -> None:
    """`年度绩效指标` over the second of twin grids is the grid's caption row; the sheet's own
    title at the top is a paragraph even when merged across the same width."""
    wb, (ws,) = _book()
    ws["A1"] = "项目绩效目标表"
    ws.merge_cells("A1:C1")
    for row, values in ((2, ["一级指标", "三级指标", "指标值"]), (3, ["产出指标", "数量", "4所"])):
        for col, value in enumerate(values, start=1):
            ws.cell(row, col, value)
    ws["A5"] = "年度绩效指标"
    ws.merge_cells("A5:C5")
    for row, values in ((6, ["一级指标", "三级指标", "指标值"]), (7, ["产出指标", "面积", "8600"])):
        for col, value in enumerate(values, start=1):
            ws.cell(row, col, value)
    doc = parse_xlsx(_save(wb))
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table", "Table"]
    assert doc.blocks[0].text == "项目绩效目标表"  # type: ignore[union-attr]
    second = _tables(doc)[1]
    assert _texts(second)[0] == ["年度绩效指标"]
    assert second.rows()[0][0].col_span == 3


def test_a_lone_value_inside_a_grid_stays_in_its_table() -> None:
    grid = SheetGrid(
        name="s",
        cells={(0, 0): "a", (0, 1): "b", (0, 2): "c", (0, 3): "d", (2, 2): "x", (3, 0): "e"},
    )
    grid.cells.update({(3, 1): "f", (3, 2): "g", (3, 3): "h"})
    grid.cells.update({(1, 0): "i", (2, 0): "j"})
    (table,) = sheet_blocks(grid)
    assert isinstance(table, Table)
    assert _texts(table)[2] == ["j", "", "x", ""]


def test_each_sheet_in_order_and_the_note_naming_them() -> None:
    wb, (a, b, c) = _book("收支总表", "部门项目支出预算05-1", "部门项目支出绩效目标05-2")
    a.append(["收入", "预算数"])
    a.append(["财政拨款", 100])
    b.append(["部门项目支出预算表"])
    _flat_sheet(c)
    doc = parse_xlsx(_save(wb))
    sheets = [block.location.sheet for block in doc.blocks]
    assert sheets == ["收支总表", "部门项目支出预算05-1"] + ["部门项目支出绩效目标05-2"] * 3
    assert doc.notes[0] == "sheets read: 收支总表, 部门项目支出预算05-1, 部门项目支出绩效目标05-2"
    assert [t.location.table for t in doc.tables()] == [1, 1]  # numbered per sheet


# --- hidden content ---------------------------------------------------------------------


def test_hidden_sheets_rows_and_columns_are_read_and_noted() -> None:
    wb, (ws, extra, secret, empty) = _book("表", "附表", "宏", "空表")
    ws.append(["项目", "指标值", "备注"])
    for i in range(2, 7):
        ws.append([f"项目{i}", i, "x"])
    for r in (3, 5, 6):
        ws.row_dimensions[r].hidden = True
    ws.column_dimensions["C"].hidden = True
    extra.append(["名称", "数值"])
    extra.append(["执行率", 1])
    extra.sheet_state = "hidden"
    secret.append(["a", "b"])
    secret.sheet_state = "veryHidden"
    empty["B3"].number_format = "0%"  # styled, nothing printed
    doc = parse_xlsx(_save(wb))
    assert doc.notes == (
        "sheets read: 表, 附表",
        "sheet 表: rows 3, 5-6 are hidden: read anyway",
        "sheet 表: column C is hidden: read anyway",
        "sheet 附表 is hidden: read anyway",
        "sheet 宏 is very hidden (only a program can show it): skipped",
        "sheet 空表 is empty: skipped",
    )
    first, second = _tables(doc)
    assert [row[0] for row in _texts(first)] == ["项目"] + [f"项目{i}" for i in range(2, 7)]
    assert _texts(second) == [["名称", "数值"], ["执行率", "1"]]


def test_chart_sheets_are_skipped_with_a_note() -> None:
    wb, (ws,) = _book("数据")
    ws.append(["项目", "数值"])
    ws.append(["甲", 1])
    wb.create_chartsheet("图表")
    doc = parse_xlsx(_save(wb))
    assert doc.notes == ("sheets read: 数据", "sheet 图表 is a chart sheet: skipped")


def test_an_empty_workbook_is_an_error() -> None:
    wb, _ = _book()
    assert _message(_save(wb)) == "the workbook is empty: no sheet has a filled cell"


# --- .xls -------------------------------------------------------------------------------


def test_xls_reads_like_the_xlsx_it_was_saved_from() -> None:
    xls = parse_xls((FIXTURES / "budget.xls").read_bytes())
    xlsx = parse_xlsx((FIXTURES / "budget.xlsx").read_bytes())
    assert xls.source_format == "xls" and xls.n_pages is None
    assert [_texts(t) for t in xls.tables()] == [_texts(t) for t in xlsx.tables()]
    assert [p.text for p in xls.paragraphs()] == ["部门项目支出绩效目标表", "金额单位:元"]
    assert xls.notes == (
        "sheets read: 部门项目支出绩效目标05-2, 附表",
        "sheet 部门项目支出绩效目标05-2: row 6 is hidden: read anyway",
        "sheet 附表 is hidden: read anyway",
    )
    table = _tables(xls)[0]
    unit = table.rows()[1][0]
    assert (unit.text, unit.row_span) == ("820001-某某局", 2)
    assert unit.location == Location(sheet="部门项目支出绩效目标05-2", table=1, row=4, col=1)
    assert table.rows()[3][1].paragraphs == ("农业技术推广", "（含培训）")
    assert _texts(_tables(xls)[1]) == [["名称", "数值"], ["执行率", "95.60%"]]


def test_content_decides_between_xls_and_xlsx() -> None:
    xls = (FIXTURES / "budget.xls").read_bytes()
    xlsx = (FIXTURES / "budget.xlsx").read_bytes()
    assert parse_xlsx(xls).source_format == "xls"
    assert parse_xls(xlsx).source_format == "xlsx"


def test_encrypted_xls(monkeypatch: pytest.MonkeyPatch) -> None:
    """xlrd's word for an RC4-encrypted workbook becomes the user's one line."""
    import xlrd  # type: ignore[import-untyped]

    def refuse(**_: object) -> None:
        raise xlrd.XLRDError("Workbook is encrypted")

    monkeypatch.setattr(xlrd, "open_workbook", refuse)
    message = _message((FIXTURES / "budget.xls").read_bytes(), parse_xls)
    assert message == "password-protected Excel file: remove the password and save again"


def test_damaged_xls() -> None:
    data = (FIXTURES / "budget.xls").read_bytes()
    assert _message(OLE_MAGIC + bytes(2048), parse_xls).startswith("not a valid Excel 97-2003")
    assert _message(random.Random(3).randbytes(4096), parse_xls).startswith(
        "not a valid Excel 97-2003 file (damaged or not an .xls): "
    )
    assert _message(data[: len(data) // 2], parse_xls).startswith("not a valid Excel 97-2003")


# --- hostile and broken files -----------------------------------------------------------


def test_zip_bomb_by_ratio_is_refused_from_the_directory() -> None:
    wb, (ws,) = _book()
    ws["A1"] = "x"
    with zipfile.ZipFile(io.BytesIO(_save(wb))) as src:
        members: dict[str, bytes | str] = {n: src.read(n) for n in src.namelist()}
    members["xl/worksheets/sheet1.xml"] = bytes(20 << 20)
    message = _message(_zip(members))
    assert message == "unsafe Excel file: xl/worksheets/sheet1.xml is compressed more than 200:1"


def test_zip_bomb_by_total_size_is_refused() -> None:
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member,
    ):
        chunk = bytes(1 << 20)
        for _ in range(210):
            member.write(chunk)
    assert _message(buffer.getvalue()) == "unsafe Excel file: it would unpack to more than 200 MB"


_LAUGHS = '<!ENTITY a "lol">' + "".join(
    f'<!ENTITY {chr(98 + i)} "{f"&{chr(97 + i)};" * 10}">' for i in range(9)
)


@pytest.mark.parametrize(
    "part", ["xl/workbook.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml"]
)
@pytest.mark.parametrize(
    "doctype",
    [f"<!DOCTYPE x [{_LAUGHS}]>", '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'],
    ids=["billion laughs", "external entity"],
)
def test_xml_with_a_dtd_is_refused(part: str, doctype: str) -> None:
    data = _package(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="0"><v>1</v></c></row>',
        strings="<si><t>x</t></si>",
        styles=f"<styleSheet {NS}><cellXfs><xf/></cellXfs></styleSheet>",
    )
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        members: dict[str, bytes | str] = {n: src.read(n) for n in src.namelist()}
    blob = members[part]
    assert isinstance(blob, bytes)
    members[part] = b'<?xml version="1.0" encoding="UTF-8"?>' + doctype.encode() + blob
    assert _message(_zip(members)) == "unsafe Excel file: XML contains a DTD/entities"


def test_a_dtd_in_utf16_xml_is_refused() -> None:
    data = _package('<row r="1"><c r="A1"><v>1</v></c></row>')
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        members: dict[str, bytes | str] = {n: src.read(n) for n in src.namelist()}
    sheet = members["xl/worksheets/sheet1.xml"]
    assert isinstance(sheet, bytes)
    xml = f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [{_LAUGHS}]>' + sheet.decode()
    members["xl/worksheets/sheet1.xml"] = xml.encode("utf-16")
    assert _message(_zip(members)) == "unsafe Excel file: XML contains a DTD/entities"


def test_encrypted_workbook() -> None:
    data = OLE_MAGIC + bytes(600) + "EncryptedPackage".encode("utf-16-le")
    assert _message(data) == "password-protected Excel file: remove the password and save again"


def test_corrupt_workbooks_get_one_line() -> None:
    data = (FIXTURES / "budget.xlsx").read_bytes()
    truncated = _message(data[: len(data) // 2])
    assert truncated.startswith("not a valid Excel file (damaged or not an .xlsx): ")
    assert "\n" not in truncated
    assert _message(random.Random(1).randbytes(4096)).startswith("not a valid Excel file")
    assert _message(_zip({"hello.txt": "hi"})) == (
        "not an Excel workbook: the archive has no xl/workbook.xml"
    )
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    )
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        members: dict[str, bytes | str] = {n: src.read(n) for n in src.namelist()}
    members["xl/worksheets/sheet1.xml"] = sheet
    assert _message(_zip(members)).startswith(
        "not a valid Excel file (damaged or not an .xlsx): xl/worksheets/sheet1.xml is not "
        "well-formed XML"
    )


def test_mangled_workbooks_raise_only_parse_error() -> None:
    data = (FIXTURES / "budget.xlsx").read_bytes()
    rnd = random.Random(7)
    for _ in range(40):
        mangled = bytearray(data)
        for _ in range(8):
            mangled[rnd.randrange(len(mangled))] = rnd.randrange(256)
        try:
            parse_xlsx(bytes(mangled))
        except ParseError as exc:
            assert "\n" not in str(exc)


def test_strict_open_xml_reads_like_transitional() -> None:
    wb, (ws,) = _book()
    ws.append(["项目", "指标值"])
    ws.append(["甲", 0.2])
    ws["B2"].number_format = "0%"
    data = _save(wb)
    strict = {
        b"http://schemas.openxmlformats.org/spreadsheetml/2006/main": (
            b"http://purl.oclc.org/ooxml/spreadsheetml/main"
        ),
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
            b"http://purl.oclc.org/ooxml/officeDocument/relationships"
        ),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            member = src.read(info.filename)
            if not info.filename.endswith(".rels"):
                for usual, other in strict.items():
                    member = member.replace(usual, other)
            dst.writestr(info, member)
    assert _texts(_tables(parse_xlsx(out.getvalue()))[0]) == [["项目", "指标值"], ["甲", "20%"]]


# --- number formats on their own --------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code", "printed"),
    [
        (0.2, "0%", "20%"),
        (0.956, "0.0%", "95.6%"),
        (2.675, "0.00", "2.68"),  # rounded as shown, half away from zero
        (0.1 + 0.2, "General", "0.3"),
        (1e20, "General", "1E+20"),
        (12345, "0.00E+00", "1.23E+04"),
        (1234567, "#,##0,", "1,235"),
        (0.5, "#.00", ".50"),
        (0, '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ', "-"),
        (-5, '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ', "-5.00"),
        (3, "[$¥-804]#,##0.00", "¥3.00"),
        (0, "0;-0;;@", ""),
        (1.5, "# ?/?", "1.5"),  # fractions: General
        (46023.5, "yyyy-mm-dd hh:mm:ss", "2026-01-01 12:00:00"),
        (46023, 'yyyy"年"m"月"d"日"', "2026年1月1日"),
        (46023, "mmm-yy", "Jan-26"),
        (46023, "aaaa", "星期四"),
        (0.5, "h:mm AM/PM", "12:00 PM"),
        (1.25, "[h]:mm", "30:00"),
        (1462, "yyyy-mm-dd", "1904-01-01"),
    ],
)
def test_number_formats(value: float, code: str, printed: str) -> None:
    assert display_number(value, code) == printed


@settings(max_examples=500, deadline=None)
@given(
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet='0#?.,%E+-;@"\\_*[]$<>=/ymdhsAMP:年元General', max_size=24),
)
def test_any_format_code_prints_something_and_never_raises(value: float, code: str) -> None:
    assert isinstance(display_number(value, code), str)
    assert isinstance(display_text("abc", code), str)


def test_date1904_and_text_sections() -> None:
    assert display_number(0, "yyyy-mm-dd", date1904=True) == "1904-01-01"
    assert display_text("abc", '0;-0;0;"名称："@') == "名称：abc"
    assert display_text("abc", "0.00") == "abc"


# --- speed and the whole pipeline ---------------------------------------------------------


def test_a_2000_row_flat_sheet_is_one_table() -> None:
    """bench/bench_xlsx.py times it; here only its shape is checked (no timing in tests)."""
    wb, (ws,) = _book()
    ws.append(["部门项目支出绩效目标表"])
    ws.append(HEADER)
    r = 3
    while r < 2003:
        ws.cell(r, 1, "820001-某某局")
        ws.cell(r, 2, f"项目{r}")
        ws.cell(r, 3, 3309840).number_format = "#,##0.00"
        for i in range(8):
            level = ["产出指标", "数量指标", f"指标{i}", "≥", 0.95, "%", 10, "正向"]
            for j, value in enumerate(level):
                ws.cell(r + i, 5 + j, value)
        for col in "ABCD":
            ws.merge_cells(f"{col}{r}:{col}{r + 7}")
        r += 8
    doc = parse_xlsx(_save(wb))
    (table,) = _tables(doc)
    assert table.n_rows == 2001 and table.n_cols == 12


def test_a_flat_sheet_workbook_reads_to_projects(tmp_path: Path) -> None:
    wb, (ws,) = _book("部门项目支出绩效目标05-2")
    _flat_sheet(ws, blank_after_header=True)
    path = tmp_path / "jingyan.xlsx"
    path.write_bytes(_save(wb))
    result = extract_file(
        InputFile(path, path.name), year=None, extracted_at=datetime(2026, 1, 1, tzinfo=UTC)
    )
    assert result.status == "ok", result.rows.get("issues")
    (project,) = result.rows["projects"]
    assert project["project_name"] == "村组干部报酬"
    assert project["unit_name"] == "井研县马踏镇人民政府"
    assert str(project["budget_total_yuan"]) == "3309840.00"
    values = [(i["level3"], i["value_raw"]) for i in result.rows["indicators"]]
    assert values == [("发放人数", "95"), ("维护社会稳定", "95%"), ("村组干部满意度", "90%")]
    (document,) = result.rows["documents"]
    assert document["source_format"] == "xlsx"


# --- block splitting, on any grid ---------------------------------------------------------


@st.composite
def _grids(draw: st.DrawFn) -> SheetGrid:
    size = 7
    cells = {
        (r, c): draw(st.sampled_from(["", " ", "x", "y\nz"])) + f"{r}.{c}"
        if draw(st.booleans())
        else ""
        for r in range(size)
        for c in range(size)
    }
    merges: list[tuple[int, int, int, int]] = []
    taken: set[tuple[int, int]] = set()
    for _ in range(draw(st.integers(0, 4))):
        top, left = draw(st.integers(0, size - 1)), draw(st.integers(0, size - 1))
        bottom = draw(st.integers(top, min(size - 1, top + 2)))
        right = draw(st.integers(left, min(size - 1, left + 2)))
        area = {(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)}
        if area & taken or len(area) == 1:
            continue
        taken |= area
        merges.append((top, left, bottom, right))
    return SheetGrid(name="s", cells={k: v for k, v in cells.items() if v}, merges=merges)


@settings(max_examples=300, deadline=None)
@given(_grids())
def test_every_printed_cell_lands_once_and_tables_tile_their_grid(grid: SheetGrid) -> None:
    covered = {
        (r, c)
        for top, left, bottom, right in grid.merges
        for r in range(top, bottom + 1)
        for c in range(left, right + 1)
        if (r, c) != (top, left)
    }
    printed = sorted(
        line.strip()
        for pos, text in grid.cells.items()
        if pos not in covered
        for line in text.split("\n")
        if line.strip()
    )
    seen: list[str] = []
    for block in sheet_blocks(grid):
        if isinstance(block, Paragraph):
            seen.append(block.text)
            continue
        grid_cells: set[tuple[int, int]] = set()
        for cell in block.cells:
            seen.extend(p.strip() for p in cell.paragraphs if p.strip())
            for r in range(cell.row, cell.row + cell.row_span):
                for c in range(cell.col, cell.col + cell.col_span):
                    assert (r, c) not in grid_cells
                    grid_cells.add((r, c))
        assert grid_cells == {(r, c) for r in range(block.n_rows) for c in range(block.n_cols)}
    assert sorted(seen) == printed
