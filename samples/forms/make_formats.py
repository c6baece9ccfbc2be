"""The form samples in the formats departments also publish: Excel workbooks, CSV, web pages,
and the legacy Word binaries — rendered from the same content specs, so the same goldens apply.

Run after make_forms.py / make_alt.py / make_flat.py (it reads their committed .docx for the
.doc / .wps): `.venv/bin/python samples/forms/make_formats.py` (about twenty seconds, most of it
LibreOffice). Nothing here runs or reads the extractor (src/extract): the expected rows are the
committed goldens, and every rendering is read back and checked against them before anything
is written.

It writes

- samples/declaration_form/<stem>.xlsx and .html, samples/declaration_form_alt/<stem>.xlsx and
  .html for every stem (the reader must not depend on the format, so every variant gets both,
  not only those TEMPLATES.md saw published that way). Workbooks (xlsx_writer.py): the forms of
  a document stacked on one sheet, one blank row and a page break between forms; 陕西 省级
  (one sheet per project): a `目录` sheet, then one sheet per project named after it. Pages
  (html_writer.py): a site page (header, navigation bar, breadcrumb, article heading, footer)
  whose `<div class="content">` holds the title paragraphs and `<table border="1">` tables;
  wuhan_qingshan_2020.html is GBK with `<meta charset="gbk">`, the others UTF-8; 乌海 is
  "HTML from Excel": wuhai_2021.html is LibreOffice's `--convert-to html` of wuhai_2021.xlsx,
  wuhai_2021_b.html Excel's own "Save as Web Page" form (mso- styles, `x:num`), and
  wuhai_2021_alt.html a site page with that Excel table pasted into its content.
- samples/declaration_form/{shaanxi_2020,wuhai_2021}.xls — LibreOffice's `--convert-to xls` of
  the .xlsx.
- samples/declaration_form/{ningxiang_2022,jiaxian_2021}.doc and .wps — LibreOffice's
  `--convert-to doc` of the committed .docx, given the empty paragraph Word keeps after the
  last table (without it LibreOffice's Word 97 file loses that table). The .wps is a
  stand-in for Kingsoft WPS Writer's file: WPS writes the same Word 97 binary under the
  .wps name; this one is LibreOffice's Word 97 binary of the .docx with other document
  properties (so its bytes differ from the .doc's), not a file WPS wrote.
- samples/flat_sheet/<stem>.xlsx: a `收支总表` sheet (an ordinary budget table), for 云南 a
  `部门项目支出预算05-1` sheet, then the target sheet (云南: `部门项目支出绩效目标05-2`, the
  header on row 3); qianwei_2022.xlsx has a hidden sheet `下拉选项` (the drop-down lists of
  指标性质 / 指标方向性 / 度量单位, used by data validations of the target sheet). None of
  these other sheets holds a target.
- samples/flat_sheet/<stem>.csv: the target sheet as displayed (merged cells: the value in the
  first cell, blank below), one encoding per stem: jingyan_2023 UTF-8 with BOM,
  muchuan_2024 GBK, qianwei_2022 UTF-16 (LE, BOM) tab-separated, yunnan_panlong_2024 UTF-8
  without BOM; two more encodings as stems of their own, jingyan_2023_gbk.csv and
  yunnan_panlong_2024_utf16.csv, whose goldens tests/golden/flat_sheet/<stem>_<enc>/ are
  copies of the stem's (copied again on every run).
- samples/flat_sheet/<stem>.html: site pages; qianwei_2022.html holds the target sheet as an
  Excel table (mso- styles, `x:num`).

No golden was split: every rendering prints the same title lines (陕西's sheets each start with
the form's own title row, which is the table_title the goldens hold; a flat sheet's first-row
title is the sheet title they hold), the same cells and the same values as displayed; the
other sheets (目录, 收支总表, 05-1, the hidden one) hold no targets under the Conventions.

Checks, all before writing: each .xlsx opened with openpyxl shows every model cell (same kind
of value: number, date or text; same displayed text), the merged ranges, sheet order and the
hidden state, and every spec table's cells at their place; each site page read with lxml
shows exactly the specified paragraphs and tables (text, colspan, rowspan); the Excel-style
tables expand to the sheet's displayed grid; each .csv read with the csv module is that grid;
and every expected text value of the stem's goldens (with the printed amounts, coded names,
check boxes, the printed form of an Excel date serial) shows in each rendering — numbers
compared as displayed or by value. The .xls / .doc / .wps are converted back to .xlsx / .docx
by LibreOffice in a temporary folder and checked the same way (the .xls: every sheet's cells,
merges and sheet names; the .doc / .wps: python-docx reads the committed .docx's table cells).

Determinism: openpyxl output has fixed workbook properties and zip stamps; pages and CSV are
plain functions of the specs. LibreOffice's outputs (.xls, .doc, .wps, wuhai_2021.html) are
remade on every run: for the same input its bytes are the same from run to run on one
machine (it runs with a fresh profile and TZ=UTC, like the PDFs), so a re-run rewrites
identical bytes; another LibreOffice version gives other, equally stable, bytes.
"""

from __future__ import annotations

import copy
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(HERE), str(ROOT / "tests")]

import docx  # noqa: E402
import lxml.html  # noqa: E402
import openpyxl  # noqa: E402
from alt_layouts import ALT_LAYOUTS  # noqa: E402
from alt_variants import DOCUMENTS as ALT_DOCUMENTS  # noqa: E402
from flat import LAYOUTS as FLAT_LAYOUTS  # noqa: E402
from flat import SHEETS, Rendered, Sheet  # noqa: E402
from formlib import C, Para, Table, docx_tables, docx_texts, flat, layout, paragraph  # noqa: E402
from html_writer import (  # noqa: E402
    Site,
    blocks_html,
    excel_page,
    excel_style_head,
    excel_table,
    site_page,
)
from layouts import LAYOUTS, Form  # noqa: E402
from make_samples import deterministic_zip  # noqa: E402
from spec import DocSpec  # noqa: E402
from variants import DOCUMENTS as FORM_DOCUMENTS  # noqa: E402
from xlsx_writer import (  # noqa: E402
    COMMA,
    PLAIN,
    Classifier,
    Kind,
    SheetModel,
    display,
    place,
    plain_table,
    sheet_name,
    write_workbook,
)

from golden_io import load  # noqa: E402

SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"
SOFFICE_TIMEOUT = 600
CENT = Decimal("0.01")

XLS_STEMS = ("shaanxi_2020", "wuhai_2021")  # declaration_form
DOC_STEMS = ("ningxiang_2022", "jiaxian_2021")  # declaration_form: .doc and .wps
GBK_PAGE = "wuhan_qingshan_2020"
LO_PAGE = "wuhai_2021"  # LibreOffice's HTML export of the workbook
EXCEL_PAGE = "wuhai_2021_b"  # Excel's own "Save as Web Page"
PASTED_EXCEL = ("wuhai_2021_alt", "qianwei_2022")  # a site page holding an Excel table
ONE_SHEET_PER_PROJECT = "陕西 省级 2020"

# CSV encodings: (codec, BOM, delimiter). The first stem of each is the <stem>.csv.
CSV_ENCODINGS = {
    "utf8bom": ("utf-8", b"\xef\xbb\xbf", ","),
    "gbk": ("gbk", b"", ","),
    "utf16": ("utf-16-le", b"\xff\xfe", "\t"),
    "utf8": ("utf-8", b"", ","),
}
CSV_PRIMARY = {
    "jingyan_2023": "utf8bom",
    "muchuan_2024": "gbk",
    "qianwei_2022": "utf16",
    "yunnan_panlong_2024": "utf8",
}
CSV_EXTRA = (("jingyan_2023", "gbk"), ("yunnan_panlong_2024", "utf16"))
DATASETS = (
    "documents",
    "projects",
    "project_goals",
    "spending_plan",
    "indicators",
    "department_goals",
    "measures",
)

SHEET_NAMES = {
    "上海 普陀 2026": "申报表",
    "湖南 湘潭 2023": "绩效目标申报表",
    "湖南 宁乡": "绩效目标表",
    "陕西 佳县": "申报表",
    "湖北 武汉青山 2020": "Sheet1",
    "广东 东莞 2019": "批复表",
    "重庆 奉节 2023": "审批表",
    "内蒙古 乌海 2021": "项目支出绩效目标表",
    "湖北 鄂州 2022": "绩效目标表",
}
FLAT_SHEET_NAMES = {
    "jingyan_2023": "项目绩效目标申报表",
    "muchuan_2024": "绩效目标",
    "yunnan_panlong_2024": "部门项目支出绩效目标05-2",
    "qianwei_2022": "Sheet1",
}


# --- sites ---


def _site(name: str, domain: str, crumb: str, **kw: Any) -> Site:
    return Site(
        name=name,
        domain=domain,
        nav=("首页", "机构概况", "政务公开", "政务服务", "互动交流", "专题专栏"),
        crumbs=("首页", "政务公开", "财政信息", crumb),
        footer=(
            f"主办单位：{name}　　承办：{name}办公室",
            "网站标识码：0000000000　　建议使用1366×768分辨率浏览",
        ),
        **kw,
    )


SITES = {
    "上海 普陀 2026": _site("上海市普陀区人民政府", "www.shpt.gov.cn", "部门预算"),
    "湖南 湘潭 2023": _site("湘潭市财政局", "czj.xiangtan.gov.cn", "预决算公开"),
    "湖南 宁乡": _site("宁乡市人民政府", "www.nx.gov.cn", "部门预算", label_tag="b"),
    "陕西 佳县": _site("佳县人民政府", "www.jiaxian.gov.cn", "预决算公开", nbsp=True),
    "湖北 武汉青山 2020": _site(
        "武汉市青山区人民政府", "www.qingshan.gov.cn", "部门预算", encoding="gbk"
    ),
    "广东 东莞 2019": _site(
        "东莞市财政局", "czj.dg.gov.cn", "绩效管理", meta="http-equiv", nbsp=True, label_tag="b"
    ),
    "重庆 奉节 2023": _site("奉节县人民政府", "www.cqfj.gov.cn", "财政预决算", nbsp=True),
    "内蒙古 乌海 2021": _site("乌海市财政局", "czj.wuhai.gov.cn", "预算公开"),
    "湖北 鄂州 2022": _site("鄂州市财政局", "czj.ezhou.gov.cn", "预算公开", label_tag="b"),
    "陕西 省级 2020": _site("陕西省财政厅", "czt.shaanxi.gov.cn", "部门预算", meta="http-equiv"),
    "jingyan_2023": _site("井研县人民政府", "www.jingyan.gov.cn", "财政预决算"),
    "muchuan_2024": _site("沐川县人民政府", "www.muchuan.gov.cn", "财政预决算", nbsp=True),
    "yunnan_panlong_2024": _site("昆明市盘龙区人民政府", "www.kmpl.gov.cn", "部门预算"),
    "qianwei_2022": _site("犍为县人民政府", "www.qianwei.gov.cn", "财政预决算"),
}


def published(stem: str, year: int) -> str:
    day = 1 + sum(map(ord, stem)) % 27
    return f"{year}-03-{day:02d}"


# --- what is built ---


@dataclass
class DeclDoc:
    family: str  # declaration_form | declaration_form_alt
    spec: DocSpec
    forms: list[Form]

    @property
    def stem(self) -> str:
        return self.spec.stem


@dataclass
class FlatDoc:
    sheet: Sheet
    rendered: Rendered

    @property
    def stem(self) -> str:
        return self.sheet.stem


@dataclass
class Outputs:
    files: dict[Path, bytes] = field(default_factory=dict)
    golden_copies: dict[Path, Path] = field(default_factory=dict)  # target folder -> source


def declaration_docs() -> list[DeclDoc]:
    out = []
    for family, docs, layouts in (
        ("declaration_form", FORM_DOCUMENTS, LAYOUTS),
        ("declaration_form_alt", ALT_DOCUMENTS, ALT_LAYOUTS),
    ):
        for doc in docs:
            lay = layouts[doc.variant]
            forms = [lay.render(doc, p, k) for k, p in enumerate(doc.projects, 1)]
            out.append(DeclDoc(family, doc, forms))
    return out


def flat_docs() -> list[FlatDoc]:
    return [FlatDoc(s, FLAT_LAYOUTS[s.layout](s)) for s in SHEETS]


# --- what is a number in the workbooks ---


def money_like(text: str) -> bool:
    """An amount as a form prints it: `368.25`, `0`, `3,309,840.00` (not a code, not `%`)."""
    m = PLAIN.match(text)
    if m:
        return m.group(2) is not None or len(text) < 7
    return bool(COMMA.match(text))


def form_kind(form: Form) -> Classifier:
    """A form's amount cells: the printed amounts of its money blocks (`Form.shown`) and any
    2-decimal figure outside the grid (鄂州's prior-year costs) — never an indicator's value or
    score, which keep the form they were printed in."""
    values = {ind.value.printed for ind, _ in form.indicators if ind.value}
    values |= {ind.weight for ind, _ in form.indicators if ind.weight}
    amounts = {t for t in form.shown if money_like(t)} - values

    def kind(_table: Table, _row: int, _col: int, cell: C) -> Kind:
        text = "\n".join(cell.paragraphs)
        if text in values or not money_like(text):
            return "auto"
        two_decimals = bool(re.search(r"\.\d\d$", text))
        return "amount" if text in amounts or two_decimals else "auto"

    return kind


def flat_kind(rendered: Rendered) -> Classifier:
    """A flat sheet's amounts are its 预算数 column below the header (subtotal rows too)."""
    budget = rendered.header.index("预算数") if "预算数" in rendered.header else None

    def kind(table: Table, row: int, col: int, cell: C) -> Kind:
        text = "\n".join(cell.paragraphs)
        is_budget = table is rendered.table and row > rendered.header_row and col == budget
        return "amount" if is_budget and text else "auto"

    return kind


# --- workbooks ---


def declaration_workbook(doc: DeclDoc) -> list[SheetModel]:
    spec = doc.spec
    if spec.variant != ONE_SHEET_PER_PROJECT:
        sheet = SheetModel(SHEET_NAMES[spec.variant])
        for form in doc.forms:
            place(sheet, form.blocks, form_kind(form))
        return [sheet]
    taken = {"目录"}
    names = [sheet_name(p.name, taken) for p in spec.projects]
    toc = SheetModel("目录")
    rows = [
        (k, p.name, f"{p.unit_code}-{p.unit_name}" if p.unit_code else p.unit_name or "")
        for k, p in enumerate(spec.projects, 1)
    ]
    plain_table(toc, "目录", [], ("序号", "项目名称", "单位名称"), rows, (1100, 4600, 4400))
    for k, name in enumerate(names):
        toc.links[(3 + k, 2)] = f"'{name}'!A1"
    sheets = [toc]
    for name, form in zip(names, doc.forms, strict=True):
        sheet = SheetModel(name)
        place(sheet, form.blocks, form_kind(form))
        sheets.append(sheet)
    return sheets


def _split(total: Decimal, shares: Sequence[str]) -> list[Decimal]:
    parts = [(total * Decimal(s)).quantize(CENT) for s in shares]
    return [*parts, total - sum(parts, Decimal(0))]


def budget_sheet(fd: FlatDoc) -> SheetModel:
    """收支总表: an ordinary two-sided budget table (no targets)."""
    s = fd.sheet
    budgets = [
        p.project.budget for p in s.placed() if p.project.budget is not None
    ]  # 云南 05-2 prints none: an invented total
    total = sum(budgets, Decimal(0)) * Decimal(3) if budgets else Decimal("4862.35")
    total = total.quantize(CENT)
    income = _split(total, ("0.86", "0.08"))
    spend = _split(total, ("0.41", "0.27", "0.19"))
    income_names = ("一、一般公共预算拨款收入", "二、政府性基金预算拨款收入", "三、其他收入")
    spend_names = ("一、一般公共服务支出", "二、农林水支出", "三、城乡社区支出", "四、卫生健康支出")
    rows: list[tuple[Any, ...]] = []
    for k in range(4):
        rows.append(
            (
                income_names[k] if k < 3 else "",
                income[k] if k < 3 else None,
                spend_names[k],
                spend[k],
            )
        )
    rows.append(("收入总计", total, "支出总计", total))
    sheet = SheetModel("收支总表", landscape=False)
    plain_table(
        sheet,
        f"{s.fiscal_year}年部门收支总表",
        [s.unit_line],
        ("收入项目", "预算数", "支出项目", "预算数"),
        rows,
        (3600, 1800, 3600, 1800),
    )
    return sheet


def yunnan_05_1(fd: FlatDoc) -> SheetModel:
    """部门项目支出预算05-1: the same projects' budgets (05-2 prints no amounts)."""
    s = fd.sheet
    amounts = (Decimal("186.50"), Decimal("42.80"), Decimal("320.00"), Decimal("58.60"))
    rows: list[tuple[Any, ...]] = []
    for p, total in zip(s.placed(), amounts, strict=True):
        rows.append(("专项业务类", p.project.name, s.sheet_unit, total, total, Decimal(0)))
    grand = sum(amounts, Decimal(0))
    rows.append(("合计", "", "", grand, grand, Decimal(0)))
    sheet = SheetModel("部门项目支出预算05-1", landscape=True)
    plain_table(
        sheet,
        f"{s.fiscal_year}年部门项目支出预算表",
        [f"单位名称：{s.sheet_unit}　　　　{s.unit_line}"],
        ("项目分类", "项目名称", "项目单位", "合计", "一般公共预算", "政府性基金预算"),
        rows,
        (1600, 3600, 3200, 1600, 1800, 1800),
    )
    return sheet


OPTIONS = (("≥", "正向指标", "%"), ("≤", "反向指标", "个"), ("=", "", "人次"), ("定性", "", "亩"))


def flat_workbook(fd: FlatDoc) -> tuple[list[SheetModel], SheetModel]:
    """(the sheets in order, the target sheet)."""
    s, r = fd.sheet, fd.rendered
    target = SheetModel(FLAT_SHEET_NAMES[s.stem], landscape=s.landscape)
    place(target, r.blocks, flat_kind(r))
    top = target.placed[-1].row  # the table's first row
    header = top + r.header_row
    if s.repeat_header:
        target.print_title_rows = f"{header}:{header}"
    if s.stem in ("jingyan_2023", "muchuan_2024"):
        target.freeze = f"A{header + 1}"
    sheets = [budget_sheet(fd)]
    if s.layout == "yunnan":
        sheets.append(yunnan_05_1(fd))
    sheets.append(target)
    if s.stem == "qianwei_2022":
        options = SheetModel("下拉选项", hidden=True)
        plain_table(
            options,
            "下拉选项",
            [],
            ("指标性质", "指标方向性", "度量单位"),
            OPTIONS,
            (1400, 1800, 1400),
        )
        sheets.append(options)
        last = target.n_rows
        for k, label in enumerate(("指标性质", "指标方向性")):
            letter = "ABCDEFGHIJKL"[r.header.index(label)]
            source = "AB"[k]
            n = sum(1 for option in OPTIONS if option[k])
            target.validations.append(
                (
                    f"{letter}{header + 1}:{letter}{last}",
                    f"'下拉选项'!${source}$3:${source}${2 + n}",
                )
            )
    return sheets, target


# --- reading back ---


def number_of(text: str) -> Decimal | None:
    t = text.replace(",", "")
    try:
        if t.endswith("%"):
            return Decimal(t[:-1]) / 100
        return Decimal(t)
    except InvalidOperation:
        return None


def number_text(text: str) -> bool:
    return bool(PLAIN.match(text) or COMMA.match(text) or re.match(r"^\d+(\.\d+)?%$", text))


@dataclass
class Hay:
    """What a rendering shows: texts (flattened) and the numbers its cells hold."""

    texts: list[str] = field(default_factory=list)
    numbers: set[Decimal] = field(default_factory=set)

    def add(self, text: str, value: Any = None) -> None:
        self.texts.append(flat(text))
        if isinstance(value, int | float) and not isinstance(value, bool):
            self.numbers.add(Decimal(repr(value)) if isinstance(value, float) else Decimal(value))
        elif isinstance(text, str) and number_text(text):
            n = number_of(text)
            if n is not None:
                self.numbers.add(n)

    def missing(self, expected: Iterable[str]) -> list[str]:
        out = []
        for e in expected:
            f = flat(e)
            if not f:
                continue
            if number_text(e):
                n = number_of(e)
                alone = re.compile(rf"(?<![\d.,]){re.escape(f)}(?![\d.,%])")
                if (n is not None and n in self.numbers) or any(
                    alone.search(t) for t in self.texts
                ):
                    continue
            elif any(f in t for t in self.texts):
                continue
            out.append(e)
        return out


def joined(lists: Iterable[list[str]]) -> list[str]:
    return [t for texts in lists for t in texts]


def fail_if(problems: Iterable[str], what: str) -> None:
    found = list(problems)
    if found:
        raise AssertionError(f"{what}: " + "; ".join(map(str, found[:12])))


def kind_of(value: Any) -> str:
    if value is None or value == "":
        return "empty"
    if isinstance(value, str):
        return "text"
    if hasattr(value, "year"):
        return "date"
    return "number"


def read_workbook(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def check_sheet(ws: Any, model: SheetModel, what: str, *, exact_merges: bool = True) -> Hay:
    """The loaded sheet shows every model cell (kind and displayed text), nothing else, and the
    model's merged ranges. Returns what it shows."""
    hay = Hay()
    problems = []
    for row in ws.iter_rows():
        for cell in row:
            if type(cell).__name__ == "MergedCell" or cell.value is None:
                continue
            shown = display(cell.value, cell.number_format)
            hay.add(shown, cell.value)
            want = model.cells.get((cell.row, cell.column))
            if want is None:
                if shown:
                    problems.append(f"extra {cell.coordinate}={shown!r}")
                continue
            if kind_of(cell.value) != kind_of(want.value) or shown != want.text:
                problems.append(
                    f"{cell.coordinate}: {shown!r} ({kind_of(cell.value)}) "
                    f"not {want.text!r} ({kind_of(want.value)})"
                )
    for (r, c), want in model.cells.items():
        if want.text and ws.cell(row=r, column=c).value is None:
            problems.append(f"missing ({r},{c})={want.text!r}")
    merges = {(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges}
    if exact_merges and merges != set(model.merges):
        problems.append(f"merges differ: {sorted(merges ^ set(model.merges))[:6]}")
    fail_if(problems, what)
    return hay


def check_spec_tables(ws: Any, model: SheetModel, what: str) -> None:
    """Every spec table's cells at their place: text as printed (amounts by value), a
    continuation inside its cell's merged range."""
    problems = []
    for placed in model.placed:
        block = placed.block
        if isinstance(block, Para):
            if block.text:
                got = display(ws.cell(row=placed.row, column=1).value, "General")
                if got != block.text:
                    problems.append(f"row {placed.row}: {got!r} not {block.text!r}")
            continue
        for r, slots in enumerate(layout(block)):
            for slot in slots:
                cell = ws.cell(row=placed.row + r, column=slot.col + 1)
                if slot.continued:
                    if type(cell).__name__ != "MergedCell":
                        problems.append(f"{cell.coordinate} is no continuation")
                    continue
                want = "\n".join(slot.cell.paragraphs)
                got = display(cell.value, cell.number_format)
                if got != want and number_of(got) != number_of(want):
                    problems.append(f"{cell.coordinate}: {got!r} not {want!r}")
    fail_if(problems, what)


def check_workbook(data: bytes, sheets: Sequence[SheetModel], what: str) -> dict[str, Hay]:
    wb = read_workbook(data)
    assert wb.sheetnames == [s.name for s in sheets], f"{what}: sheets {wb.sheetnames}"
    hays = {}
    for model in sheets:
        ws = wb[model.name]
        assert (ws.sheet_state == "hidden") == model.hidden, f"{what}: {model.name} state"
        hays[model.name] = check_sheet(ws, model, f"{what} [{model.name}]")
        check_spec_tables(ws, model, f"{what} [{model.name}] spec")
    return hays


# --- pages ---


def decode_page(data: bytes) -> str:
    m = re.search(rb"charset=\"?([A-Za-z0-9_-]+)", data[:3000])
    assert m, "no charset declared"
    return data.decode(m.group(1).decode("ascii"))


def cell_text(el: Any) -> str:
    el = copy.deepcopy(el)
    for br in el.iter("br"):
        br.tail = "\n" + (br.tail or "")
    text: str = el.text_content()
    return "" if not text.replace("\xa0", "").strip() else text.strip("\n")


def page_rows(table: Any) -> list[list[tuple[str, int, int]]]:
    rows = []
    for tr in table.xpath("./tr|./tbody/tr|./thead/tr"):
        if "display:none" in (tr.get("style") or ""):
            continue
        rows.append(
            [
                (cell_text(td), int(td.get("colspan", 1)), int(td.get("rowspan", 1)))
                for td in tr.xpath("./td|./th")
            ]
        )
    return rows


def expand(rows: list[list[tuple[str, int, int]]]) -> list[list[str]]:
    """A table's rows as a grid of texts, merged-over positions empty."""
    grid: dict[tuple[int, int], str] = {}
    taken: set[tuple[int, int]] = set()
    for r, cells in enumerate(rows):
        c = 0
        for text, cols, nrows in cells:
            while (r, c) in taken:
                c += 1
            for dr in range(nrows):
                for dc in range(cols):
                    taken.add((r + dr, c + dc))
            grid[(r, c)] = text
            c += cols
    n_rows = max((r for r, _ in taken), default=-1) + 1
    n_cols = max((c for _, c in taken), default=-1) + 1
    return [[grid.get((r, c), "") for c in range(n_cols)] for r in range(n_rows)]


def trim(grid: list[list[str]]) -> list[list[str]]:
    """Without trailing empty rows and columns."""
    rows = [list(r) for r in grid]
    while rows and not any(rows[-1]):
        rows.pop()
    width = max((max((k + 1 for k, v in enumerate(r) if v), default=0) for r in rows), default=0)
    return [(r + [""] * width)[:width] for r in rows]


def page_hay(root: Any) -> Hay:
    hay = Hay()
    for el in root.iter("td", "th", "p", "h1", "h2", "h3", "div"):
        if el.tag in ("td", "th", "p"):
            t = cell_text(el)
            hay.add(t)
    return hay


def check_site_page(data: bytes, blocks: Sequence[Any], what: str) -> Any:
    """The content div holds exactly the specified paragraphs and tables."""
    root = lxml.html.document_fromstring(decode_page(data))
    content = root.xpath('//div[@class="content"]')
    assert len(content) == 1, f"{what}: {len(content)} content divs"
    paragraphs = [cell_text(p) for p in content[0].xpath("./p")]
    tables = [page_rows(t) for t in content[0].xpath("./table")]
    want_p = [b.text for b in blocks if isinstance(b, Para) and b.text]
    assert [p for p in paragraphs if p] == want_p, f"{what}: paragraphs {paragraphs[:4]}"
    want_t = [
        [
            [
                ("\n".join(s.cell.paragraphs), s.cell.span, s.cell.rows)
                for s in row
                if not s.continued
            ]
            for row in layout(t)
        ]
        for t in blocks
        if isinstance(t, Table)
    ]
    if tables != want_t:
        for k, (got, want) in enumerate(zip(tables, want_t, strict=False)):
            for n, (a, b) in enumerate(zip(got, want, strict=False)):
                if a != b:
                    raise AssertionError(f"{what}: table {k + 1} row {n + 1}: {a} != {b}")
        raise AssertionError(f"{what}: {len(tables)} tables, not {len(want_t)}")
    return content[0]


def check_excel_table(root: Any, model: SheetModel, what: str) -> None:
    tables = root.xpath("//table")
    grids = [trim(expand(page_rows(t))) for t in tables]
    want = trim(model.grid())
    assert want in grids, f"{what}: no table shows the sheet's grid"


# --- CSV ---


def csv_bytes(grid: list[list[str]], encoding: str) -> bytes:
    codec, bom, delimiter = CSV_ENCODINGS[encoding]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(grid)
    return bom + buffer.getvalue().encode(codec)


def read_csv(data: bytes, encoding: str) -> list[list[str]]:
    codec, bom, delimiter = CSV_ENCODINGS[encoding]
    assert data.startswith(bom)
    text = data[len(bom) :].decode(codec)
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


# --- LibreOffice ---


def lo_convert(inputs: dict[str, bytes], target: str) -> dict[str, bytes]:
    """{file name: bytes} -> {file name: converted bytes}, one LibreOffice run, fresh profile."""
    exe = shutil.which("soffice")
    assert exe, "soffice not found: LibreOffice is needed for .xls, .doc, .wps and one page"
    with tempfile.TemporaryDirectory(prefix="make_formats_") as tmp:
        root = Path(tmp)
        (root / "in").mkdir()
        paths = []
        for name, data in inputs.items():
            (root / "in" / name).write_bytes(data)
            paths.append(str(root / "in" / name))
        command = [
            exe,
            f"-env:UserInstallation={(root / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(root / "out"),
            *paths,
        ]
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=SOFFICE_TIMEOUT,
            env={**os.environ, "TZ": "UTC"},
            check=False,
        )
        ext = target.split(":")[0]
        out = {}
        for name in inputs:
            path = root / "out" / f"{Path(name).stem}.{ext}"
            if not path.is_file():
                raise RuntimeError(f"LibreOffice made no {ext} of {name}:\n{done.stderr}")
            out[name] = path.read_bytes()
        return out


def legacy_source(docx_bytes: bytes, *, wps: bool) -> bytes:
    """The committed .docx as Word would save it before a Word 97 export: with the empty
    paragraph Word keeps after a document's last table (formlib ends the body with the table;
    LibreOffice's .doc of such a file loses that table on reading back). For the .wps, the
    document properties a WPS user's file would carry, so its bytes differ from the .doc's."""
    document = docx.Document(io.BytesIO(docx_bytes))
    body = document.element.body
    body[-1].addprevious(paragraph(""))  # body[-1] is the sectPr
    if wps:
        props = document.core_properties
        props.last_modified_by = "WPS Office"
        props.comments = "stand-in for a Kingsoft WPS Writer .wps (Word 97 binary)"
    buffer = io.BytesIO()
    document.save(buffer)
    zipped: bytes = deterministic_zip(buffer.getvalue())
    return zipped


# --- expected texts (from the goldens) ---

PROJECT_TEXTS = (
    "table_title",
    "unit_name",
    "unit_code",
    "project_code",
    "project_name",
    "department_name",
    "project_category",
    "project_nature",
    "purpose",
    "legal_basis",
)


def golden_rows(family: str, stem: str) -> dict[str, list[dict[str, Any]]]:
    folder = GOLDEN / family / stem
    return {name: load(folder / f"{name}.json") for name in DATASETS}


def declaration_expected(doc: DeclDoc) -> list[list[str]]:
    """Per project: every text value of its golden rows as printed (the period's printed parts,
    a derived 一级 left out, an Excel date serial as shown), and the form's printed amounts,
    coded names and check boxes."""
    rows = golden_rows(doc.family, doc.stem)
    assert len(rows["projects"]) == len(doc.spec.projects), doc.stem
    out = []
    for k, (p, form) in enumerate(zip(doc.spec.projects, doc.forms, strict=True), 1):
        project = rows["projects"][k - 1]
        assert project["project_name"] == p.name, (doc.stem, k)
        texts = [project[key] for key in PROJECT_TEXTS if project[key]]
        if p.period and p.period.parts:
            texts += list(p.period.parts)
        elif project["period_raw"]:
            texts.append(project["period_raw"])
        texts += [g["text"] for g in rows["project_goals"] if g["project_seq"] == k]
        inds = [i for i in rows["indicators"] if i["project_seq"] == k]
        for row, (ind, _) in zip(inds, form.indicators, strict=True):
            assert ind.value is not None and row["level3"] == ind.level3, (doc.stem, row)
            texts += [
                row[key] for key in ("level2", "level3", "description", "basis", "note") if row[key]
            ]
            texts += [] if ind.derived_level1 else [row["level1"]]
            texts.append(row["value_raw"] if ind.value.raw is None else ind.value.printed)
            if row["weight"]:
                assert ind.weight and Decimal(ind.weight) == Decimal(row["weight"])
                texts.append(ind.weight)
        out.append([*texts, *form.shown])
    return out


def flat_expected(fd: FlatDoc) -> list[str]:
    rows = golden_rows("flat_sheet", fd.stem)
    s, r = fd.sheet, fd.rendered
    texts = [s.title, *r.header, *r.shown]
    for project in rows["projects"]:
        assert project["table_title"] == s.title
        texts += [
            project[k] for k in ("unit_name", "project_name", "department_name") if project[k]
        ]
    texts += [g["text"] for g in rows["project_goals"]]
    for ind in rows["indicators"]:
        texts += [ind["level1"], ind["level2"], ind["level3"], ind["value_raw"]]
        if ind["weight"]:
            texts.append(ind["weight"])
    return texts


# --- main ---


def heading(spec: DocSpec) -> str:
    p = spec.projects[0]
    owner = p.dept_name or p.unit_name or ""
    return f"{spec.fiscal_year}年{owner}部门预算公开"


def build_declaration(doc: DeclDoc, out: Outputs, lo_jobs: dict[str, dict[str, bytes]]) -> None:
    spec = doc.spec
    folder = SAMPLES / doc.family
    expected = declaration_expected(doc)
    sheets = declaration_workbook(doc)
    data = write_workbook(sheets, f"{spec.variant}（样例）", "generated by make_formats.py")
    hays = check_workbook(data, sheets, f"{doc.stem}.xlsx")
    if spec.variant == ONE_SHEET_PER_PROJECT:
        for k, texts in enumerate(expected):
            fail_if(hays[sheets[k + 1].name].missing(texts), f"{doc.stem}.xlsx sheet {k + 2}")
        fail_if(hays["目录"].missing([p.name for p in spec.projects]), f"{doc.stem} 目录")
    else:
        fail_if(hays[sheets[0].name].missing(joined(expected)), f"{doc.stem}.xlsx misses")
    out.files[folder / f"{doc.stem}.xlsx"] = data
    if doc.family == "declaration_form" and doc.stem in XLS_STEMS:
        lo_jobs["xls"][f"{doc.stem}.xlsx"] = data
    blocks = [b for form in doc.forms for b in form.blocks]
    site = SITES[spec.variant]
    everything = joined(expected)
    if doc.stem == LO_PAGE:
        lo_jobs["html"][f"{doc.stem}.xlsx"] = data
        return
    if doc.stem == EXCEL_PAGE:
        assert len(sheets) == 1
        page = excel_page(sheets[0])
        root = lxml.html.document_fromstring(decode_page(page))
        check_excel_table(root, sheets[0], f"{doc.stem}.html")
    elif doc.stem in PASTED_EXCEL:
        assert len(sheets) == 1
        page = site_page(
            site,
            heading(spec),
            published(doc.stem, spec.fiscal_year),
            excel_table(sheets[0]),
            head=excel_style_head(sheets[0]),
        )
        root = lxml.html.document_fromstring(decode_page(page))
        check_excel_table(root, sheets[0], f"{doc.stem}.html")
    else:
        if doc.stem == GBK_PAGE:
            assert site.encoding == "gbk"
        elif site.encoding != "utf-8":
            site = Site(**{**site.__dict__, "encoding": "utf-8"})
        page = site_page(
            site, heading(spec), published(doc.stem, spec.fiscal_year), blocks_html(blocks, site)
        )
        root = check_site_page(page, blocks, f"{doc.stem}.html")
    fail_if(page_hay(root).missing(everything), f"{doc.stem}.html misses")
    out.files[folder / f"{doc.stem}.html"] = page


def build_flat(fd: FlatDoc, out: Outputs) -> None:
    s = fd.sheet
    folder = SAMPLES / "flat_sheet"
    expected = flat_expected(fd)
    sheets, target = flat_workbook(fd)
    data = write_workbook(sheets, f"{s.title}（样例）", "generated by make_formats.py")
    hays = check_workbook(data, sheets, f"{s.stem}.xlsx")
    fail_if(hays[target.name].missing(expected), f"{s.stem}.xlsx misses")
    out.files[folder / f"{s.stem}.xlsx"] = data
    grid = target.grid()
    for stem, encoding in [(s.stem, CSV_PRIMARY[s.stem])] + [
        (f"{st}_{enc}", enc) for st, enc in CSV_EXTRA if st == s.stem
    ]:
        content = csv_bytes(grid, encoding)
        back = read_csv(content, encoding)
        assert back == grid, f"{stem}.csv does not read back as the sheet"
        hay = Hay()
        for row in back:
            for v in row:
                hay.add(v)
        fail_if(hay.missing(expected), f"{stem}.csv misses")
        out.files[folder / f"{stem}.csv"] = content
        if stem != s.stem:
            out.golden_copies[GOLDEN / "flat_sheet" / stem] = GOLDEN / "flat_sheet" / s.stem
    site = SITES[s.stem]
    heading_text = f"{s.fiscal_year}年部门预算项目公开"
    if s.stem in PASTED_EXCEL:
        page = site_page(
            site,
            heading_text,
            published(s.stem, s.fiscal_year),
            excel_table(target),
            head=excel_style_head(target),
        )
        root = lxml.html.document_fromstring(decode_page(page))
        check_excel_table(root, target, f"{s.stem}.html")
    else:
        page = site_page(
            site,
            heading_text,
            published(s.stem, s.fiscal_year),
            blocks_html(fd.rendered.blocks, site),
        )
        root = check_site_page(page, fd.rendered.blocks, f"{s.stem}.html")
    fail_if(page_hay(root).missing(expected), f"{s.stem}.html misses")
    out.files[folder / f"{s.stem}.html"] = page


def run_lo(docs: dict[str, DeclDoc], jobs: dict[str, dict[str, bytes]], out: Outputs) -> None:
    folder = SAMPLES / "declaration_form"
    xls = lo_convert(jobs["xls"], "xls")
    pages = lo_convert(jobs["html"], "html")
    doc_inputs: dict[str, bytes] = {}
    for stem in DOC_STEMS:
        committed = (folder / f"{stem}.docx").read_bytes()
        doc_inputs[f"{stem}.docx"] = legacy_source(committed, wps=False)
        doc_inputs[f"{stem}__wps.docx"] = legacy_source(committed, wps=True)
    binaries = lo_convert(doc_inputs, "doc")
    # read back: .xls -> .xlsx, .doc/.wps -> .docx
    back_x = lo_convert({f"{Path(n).stem}.xls": d for n, d in xls.items()}, "xlsx")
    legacy = {}
    for stem in DOC_STEMS:
        legacy[f"{stem}.doc"] = binaries[f"{stem}.docx"]
        legacy[f"{stem}.wps"] = binaries[f"{stem}__wps.docx"]
    back_d = lo_convert(legacy, "docx")
    for name, data in xls.items():
        stem = Path(name).stem
        doc = docs[stem]
        sheets = declaration_workbook(doc)
        wb = read_workbook(back_x[f"{stem}.xls"])
        assert wb.sheetnames == [s.name for s in sheets], f"{stem}.xls: {wb.sheetnames}"
        expected = declaration_expected(doc)
        for k, model in enumerate(sheets):
            hay = check_sheet(wb[model.name], model, f"{stem}.xls [{model.name}]")
            if doc.spec.variant == ONE_SHEET_PER_PROJECT and k:
                fail_if(hay.missing(expected[k - 1]), f"{stem}.xls sheet {k + 1} misses")
            elif doc.spec.variant != ONE_SHEET_PER_PROJECT:
                fail_if(hay.missing(joined(expected)), f"{stem}.xls misses")
        out.files[folder / f"{stem}.xls"] = data
    for name, page in pages.items():
        stem = Path(name).stem
        doc = docs[stem]
        sheets = declaration_workbook(doc)
        root = lxml.html.document_fromstring(decode_page(page))
        check_excel_table(root, sheets[0], f"{stem}.html (LibreOffice)")
        fail_if(page_hay(root).missing(joined(declaration_expected(doc))), f"{stem}.html")
        out.files[folder / f"{stem}.html"] = page
    for name, data in legacy.items():
        stem = Path(name).stem
        doc = docs[stem]
        committed = (folder / f"{stem}.docx").read_bytes()
        converted = back_d[name]
        assert docx_tables(converted) == docx_tables(committed), f"{name}: other table cells"
        hay = Hay()
        for t in docx_texts(converted):
            hay.add(t)
        fail_if(hay.missing(joined(declaration_expected(doc))), f"{name} misses")
        out.files[folder / name] = data
    assert xls.keys() and binaries.keys()


def check_copies(out: Outputs) -> None:
    for target, source in out.golden_copies.items():
        assert source.is_dir(), source
        assert target.name.startswith(source.name + "_"), target


def write(out: Outputs) -> None:
    for path, data in sorted(out.files.items()):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for target, source in sorted(out.golden_copies.items()):
        target.mkdir(parents=True, exist_ok=True)
        for name in DATASETS:
            shutil.copyfile(source / f"{name}.json", target / f"{name}.json")


def main(argv: Sequence[str] = ()) -> None:
    out = Outputs()
    decl = declaration_docs()
    assert len({d.stem for d in decl}) == len(decl)
    lo_jobs: dict[str, dict[str, bytes]] = {"xls": {}, "html": {}}
    for doc in decl:
        build_declaration(doc, out, lo_jobs)
    for fd in flat_docs():
        build_flat(fd, out)
    run_lo({d.stem: d for d in decl if d.family == "declaration_form"}, lo_jobs, out)
    check_copies(out)
    write(out)
    counts: dict[tuple[str, str], int] = {}
    for path in out.files:
        key = (path.parent.name, path.suffix)
        counts[key] = counts.get(key, 0) + 1
    for (family, suffix), n in sorted(counts.items()):
        print(f"{family}: {n} {suffix}")
    print(f"golden copies: {', '.join(sorted(p.name for p in out.golden_copies))}")


if __name__ == "__main__":
    main(sys.argv[1:])
