"""Renders samples/reference.txt as real Word documents: the reference layout and its variants.

The only original we have is Apache Tika's text rendering, but the Word parser must be tested on
the structures Word really writes (grid spans, vertical merges, automatic numbering, tracked
changes, content controls, fields). Every file written here holds exactly the reference's
visible text, so each layout must extract to the same rows as the text file.

Every document has the page furniture of a government file: a centred footer `— 1 —` (a PAGE
field between em dashes) and, on the reference, a header `第 1 页 共 5 页`. The Word parser
reads only the body, so the furniture shows only in the PDFs, which samples/make_pdfs.py makes
from these files with LibreOffice (skipped with a message when `soffice` is not installed).

Run: `.venv/bin/python samples/make_samples.py` (deterministic: same bytes on every run).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from copy import deepcopy
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm
from make_pdfs import PdfSample, SplitTable, write_pdfs

HERE = Path(__file__).resolve().parent
REFERENCE = HERE / "reference.txt"
VARIANTS = HERE / "variants"
LARGE = HERE / "large"
LARGE_PROJECTS = 40
FIXTURES = HERE.parent / "tests" / "fixtures" / "pdf"

# The reference layout, which the text rendering cannot tell: grid spans per header-table row
# on a 7-column grid; the indicator table is a plain 6-column grid.
HEADER_SPANS: tuple[tuple[int, ...], ...] = (
    (5, 2),
    (1, 2, 1, 3),
    (1, 1, 1, 1, 1, 1, 1),
    (1, 6),
    (1, 1, 1, 2, 2),
    (1, 1, 1, 2, 2),
    (1, 6),
)
HEADER_WIDTHS = (1500, 1100, 1100, 1400, 1100, 1000, 1100)  # twips, sums to A4 text width
INDICATOR_WIDTHS = (1100, 1300, 1500, 2100, 1100, 1200)
INDICATOR_COLS = 6
# Indicator columns on the header table's grid when the indicator rows continue that table.
CONTINUED_SPANS = (1, 1, 1, 2, 1, 1)

BOOKMARK = re.compile(r"^\[bookmark: ([^\]]+)\](.*)$")
CN_ITEM = re.compile(r"^([一二三四五六七八九十]+)、")
CN_PAREN_ITEM = re.compile(r"^（([一二三四五六七八九十]+)）")
PROJECT_NO = re.compile(r"^(\d+)\.")
CN_DIGITS = "一二三四五六七八九十"

FIXED_TIME = datetime(2021, 1, 28, 9, 0, 0)
ZIP_TIME = (2021, 1, 28, 9, 0, 0)
NUM_CN, NUM_CN_PAREN, NUM_PROJECT = 101, 102, 103  # clear of the template's own lists
# Empty paragraphs before project 1 in the pagebreak variants. In LibreOffice's layout (Noto
# Sans CJK SC for 宋体) the page break then falls after the 2nd of its 9 indicator rows, inside
# the 产出指标 group (a label merged over rows 1-3); 0-3 all break inside the table.
PAGEBREAK_PUSH = 2


@dataclass
class Para:
    text: str
    bookmark: str | None = None


@dataclass
class CellSpec:
    """A cell's paragraphs; each paragraph is its lines, joined in Word by `<w:br/>`."""

    paragraphs: list[list[str]]
    span: int = 1
    vmerge: str | None = None  # "restart" | "continue"

    @property
    def empty(self) -> bool:
        return not any(line for para in self.paragraphs for line in para)


@dataclass
class TableSpec:
    kind: str  # "header" | "indicators"
    rows: list[list[CellSpec]]
    widths: tuple[int, ...] = ()
    inner: TableSpec | None = None  # indicator grid nested in an extra last row


Block = Para | TableSpec


@dataclass(frozen=True)
class Variant:
    path: str
    layout: str = "separate"  # separate | nested | continued
    repeat_level1: bool = False
    breaks: bool = False
    autonumber: bool = False
    tracked: bool = False
    page_header: bool = False  # `第 1 页 共 5 页` above every page (all have the footer)
    # "repeat" | "plain": project 1 pushed down so a page break falls inside its indicator
    # table; indicator rows can't split, and with "repeat" the header row repeats on each page.
    pagebreak: str | None = None


VARIANT_LIST = (
    Variant("reference.docx", page_header=True),
    Variant("variants/nested.docx", layout="nested"),
    Variant("variants/continued.docx", layout="continued"),
    Variant("variants/repeated_level1.docx", repeat_level1=True),
    Variant("variants/breaks_tabs.docx", breaks=True),
    Variant("variants/autonumber.docx", autonumber=True),
    Variant("variants/tracked.docx", tracked=True),
    Variant("variants/pagebreak_repeat.docx", pagebreak="repeat"),
    Variant("variants/pagebreak_plain.docx", pagebreak="plain"),
)


# --- reading the reference text -----------------------------------------------------------


def read_reference(path: Path) -> list[Block]:
    """Blocks of the Tika text: TAB starts a cell, a blank line ends a row, another the table."""
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        if lines[i].startswith("\t"):
            table, i = _read_table(lines, i)
            blocks.append(table)
            continue
        m = BOOKMARK.match(lines[i])
        blocks.append(Para(m.group(2), m.group(1)) if m else Para(lines[i]))
        i += 1
    return blocks


def _read_table(lines: list[str], i: int) -> tuple[TableSpec, int]:
    kind = "indicators" if lines[i] == "\t一级指标" else "header"
    rows: list[list[CellSpec]] = []
    while True:
        spans = HEADER_SPANS[len(rows)] if kind == "header" else (1,) * INDICATOR_COLS
        row, i = _read_row(lines, i, spans)
        rows.append(row)
        assert lines[i] == "", f"row end expected at line {i + 1}"
        i += 1
        if i >= len(lines) or not lines[i].startswith("\t"):
            break
    assert len(rows) == (len(HEADER_SPANS) if kind == "header" else 10), kind
    assert lines[i] == "", f"table end expected at line {i + 1}"
    _mark_vertical_merges(rows)
    widths = HEADER_WIDTHS if kind == "header" else INDICATOR_WIDTHS
    return TableSpec(kind, rows, widths), i + 1


def _read_row(lines: list[str], i: int, spans: tuple[int, ...]) -> tuple[list[CellSpec], int]:
    """Blank lines inside a row are empty paragraphs, except the one after the last cell."""
    cells: list[CellSpec] = []
    for k, span in enumerate(spans):
        assert lines[i].startswith("\t"), f"cell expected at line {i + 1}"
        cell_lines = [lines[i][1:]]
        i += 1
        last = k == len(spans) - 1
        while i < len(lines) and not lines[i].startswith("\t"):
            if last and lines[i] == "":
                break
            cell_lines.append(lines[i])
            i += 1
        cells.append(CellSpec(_paragraphs(cell_lines), span))
    return cells, i


def _paragraphs(lines: list[str]) -> list[list[str]]:
    """An Excel paste (`"text` … `"`) is one paragraph with line breaks, not several."""
    out: list[list[str]] = []
    k = 0
    while k < len(lines):
        if lines[k].startswith('"') and lines[k].count('"') == 1:
            j = k + 1
            while j < len(lines) and '"' not in lines[j]:
                j += 1
            out.append(lines[k : j + 1])
            k = j + 1
        else:
            out.append([lines[k]])
            k += 1
    return out


def _mark_vertical_merges(rows: list[list[CellSpec]]) -> None:
    """Tika prints a vertically merged label's covered rows as empty first cells."""
    for r in range(1, len(rows)):
        if rows[r][0].empty:
            rows[r][0].vmerge = "continue"
            top = r - 1
            while rows[top][0].vmerge == "continue":
                top -= 1
            rows[top][0].vmerge = "restart"


# --- WordprocessingML building blocks -------------------------------------------------------


def el(tag: str, attrs: dict[str, str] | None = None, *children: Any) -> Any:
    node = OxmlElement(tag)
    for key, value in (attrs or {}).items():
        node.set(qn(key), value)
    for child in children:
        node.append(child)
    return node


def run(text: str) -> Any:
    """One run; TABs in the text become `<w:tab/>` as Word stores them."""
    r = el("w:r")
    for k, piece in enumerate(text.split("\t")):
        if k:
            r.append(el("w:tab"))
        if piece:
            t = el("w:t")
            t.text = piece
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(t)
    return r


class Builder:
    """Turns blocks into body elements for one variant; counts bookmark ids on the way."""

    def __init__(self, variant: Variant) -> None:
        self.variant = variant
        self.bookmark_id = 0
        self.counters: dict[int, int] = {}

    def paragraph(
        self,
        lines: list[str],
        *,
        style: str | None = None,
        bookmark: str | None = None,
        num_id: int | None = None,
        brk: str = "w:br",
    ) -> Any:
        p = el("w:p")
        if style or num_id:
            ppr = el("w:pPr")
            if style:
                ppr.append(el("w:pStyle", {"w:val": style}))
            if num_id:
                numpr = el("w:numPr", {}, el("w:ilvl", {"w:val": "0"}))
                numpr.append(el("w:numId", {"w:val": str(num_id)}))
                ppr.append(numpr)
            p.append(ppr)
        if bookmark:
            self.bookmark_id += 1
            p.append(el("w:bookmarkStart", {"w:id": str(self.bookmark_id), "w:name": bookmark}))
        for k, line in enumerate(lines):
            if k:
                p.append(el("w:r", {}, el(brk)))
            if line:
                p.append(run(line))
        if bookmark:
            p.append(el("w:bookmarkEnd", {"w:id": str(self.bookmark_id)}))
        return p

    def body(self, blocks: list[Block]) -> Iterator[Any]:
        i = 0
        while i < len(blocks):
            block = blocks[i]
            if isinstance(block, Para):
                if self.variant.pagebreak and self.first_project(block):
                    for _ in range(PAGEBREAK_PUSH):
                        yield el("w:p")  # truly empty: the Word parser drops it
                yield self.outside_paragraph(block)
            elif self.variant.layout != "separate" and block.kind == "header":
                nxt = blocks[i + 2]
                assert isinstance(nxt, TableSpec) and nxt.kind == "indicators"
                yield self.table(self.combine(block, nxt))
                i += 3
                continue
            else:
                yield self.table(block)
            i += 1

    def first_project(self, para: Para) -> bool:
        return bool(para.bookmark) and para.text.startswith("1.")

    def outside_paragraph(self, para: Para) -> Any:
        text, style, num_id = para.text, None, None
        if para.bookmark and CN_ITEM.match(text):
            style = "Heading1"
        elif para.bookmark and PROJECT_NO.match(text):
            style = "Heading2"
        if self.variant.autonumber:
            text, style, num_id = self.autonumber(text, style)
        return self.paragraph([text], style=style, bookmark=para.bookmark, num_id=num_id)

    def autonumber(self, text: str, style: str | None) -> tuple[str, str | None, int | None]:
        """Moves a leading `一、`/`（一）`/`1.` into Word numbering, checking it counts the same."""
        for pattern, num_id in ((CN_ITEM, NUM_CN), (CN_PAREN_ITEM, NUM_CN_PAREN)):
            m = pattern.match(text)
            if m:
                self.expect(num_id, CN_DIGITS.index(m.group(1)) + 1)
                return text[m.end() :], style, num_id
        m = PROJECT_NO.match(text)
        if m and style == "Heading2":
            self.expect(NUM_PROJECT, int(m.group(1)))
            return text[m.end() :], "ProjectTitle", None  # numbered through its style
        return text, style, None

    def expect(self, num_id: int, number: int) -> None:
        self.counters[num_id] = self.counters.get(num_id, 0) + 1
        assert self.counters[num_id] == number, f"list {num_id} would print a different number"

    def combine(self, header: TableSpec, indicators: TableSpec) -> TableSpec:
        if self.variant.layout == "nested":
            return replace(header, inner=indicators)
        rows = [
            [replace(cell, span=span) for cell, span in zip(row, CONTINUED_SPANS, strict=True)]
            for row in indicators.rows
        ]
        return replace(header, rows=header.rows + rows)

    def table(self, spec: TableSpec, width: int | None = None) -> Any:
        widths = spec.widths
        if width is not None:  # nested: scale the grid into the outer cell
            widths = tuple(w * width // sum(widths) for w in widths)
        total = sum(widths)
        tbl = el(
            "w:tbl",
            {},
            el(
                "w:tblPr",
                {},
                el("w:tblStyle", {"w:val": "TableGrid"}),
                el("w:tblW", {"w:w": str(total), "w:type": "dxa"}),
                el("w:tblLayout", {"w:type": "fixed"}),
                el("w:tblLook", {"w:val": "04A0"}),
            ),
            el("w:tblGrid", {}, *(el("w:gridCol", {"w:w": str(w)}) for w in widths)),
        )
        rows = self.level1_repeated(spec) if self.variant.repeat_level1 else spec.rows
        for k, row in enumerate(rows):
            tr = el("w:tr")
            if self.variant.pagebreak and spec.kind == "indicators":
                tr_pr = el("w:trPr", {}, el("w:cantSplit"))
                if k == 0 and self.variant.pagebreak == "repeat":
                    tr_pr.append(el("w:tblHeader"))
                tr.append(tr_pr)
            col = 0
            for cell in row:
                tr.append(self.cell(cell, sum(widths[col : col + cell.span])))
                col += cell.span
            assert col == len(widths), f"row covers {col} of {len(widths)} grid columns"
            tbl.append(tr)
        if spec.inner is not None:
            tbl.append(self.nested_row(spec.inner, total))
        return tbl

    def level1_repeated(self, spec: TableSpec) -> list[list[CellSpec]]:
        if spec.kind != "indicators":
            return spec.rows
        rows = deepcopy(spec.rows)
        label: CellSpec | None = None
        for row in rows:
            first = row[0]
            if first.vmerge is None:
                continue
            if first.vmerge == "restart":
                label = first
            elif label is not None:
                row[0] = replace(first, paragraphs=deepcopy(label.paragraphs))
            row[0].vmerge = None
        return rows

    def nested_row(self, inner: TableSpec, width: int) -> Any:
        tc = el("w:tc", {}, self.tc_pr(width, len(HEADER_WIDTHS), None))
        tc.append(self.table(inner, width - 216))  # less the cell's default margins
        tc.append(el("w:p"))  # a cell must end with a paragraph
        return el("w:tr", {}, tc)

    def tc_pr(self, width: int, span: int, vmerge: str | None) -> Any:
        pr = el("w:tcPr", {}, el("w:tcW", {"w:w": str(width), "w:type": "dxa"}))
        if span > 1:
            pr.append(el("w:gridSpan", {"w:val": str(span)}))
        if vmerge == "restart":
            pr.append(el("w:vMerge", {"w:val": "restart"}))
        elif vmerge == "continue":
            pr.append(el("w:vMerge"))
        pr.append(el("w:vAlign", {"w:val": "center"}))
        return pr

    def cell(self, spec: CellSpec, width: int) -> Any:
        tc = el("w:tc", {}, self.tc_pr(width, spec.span, spec.vmerge))
        paragraphs = spec.paragraphs
        if self.variant.breaks and len(paragraphs) > 1:
            lines = [line for para in paragraphs for line in para]
            # Trailing breaks use <w:cr/>, the other break element Word knows.
            brk = "w:cr" if lines[-1] == "" else "w:br"
            tc.append(self.paragraph(lines, brk=brk))
            return tc
        for para in paragraphs:
            tc.append(self.paragraph(para))
        return tc


# --- tracked changes, content controls, fields (tracked.docx) -------------------------------


def paragraph_text(p: Any) -> str:
    out = []
    for node in p.iter(qn("w:t"), qn("w:tab")):
        out.append("\t" if node.tag == qn("w:tab") else (node.text or ""))
    return "".join(out)


def find_paragraph(body: Any, text: str, nth: int = 0) -> Any:
    found = [p for p in body.iter(qn("w:p")) if paragraph_text(p) == text]
    assert len(found) > nth, f"paragraph {text!r} not found"
    return found[nth]


def ancestor(node: Any, tag: str) -> Any:
    while node.tag != qn(tag):
        node = node.getparent()
    return node


def set_runs(p: Any, *children: Any) -> None:
    """Replaces a paragraph's runs, keeping its properties."""
    for r in p.findall(qn("w:r")):
        p.remove(r)
    for child in children:
        p.append(child)


def change(tag: str, change_id: int, *children: Any) -> Any:
    attrs = {"w:id": str(change_id), "w:author": "审核人", "w:date": "2021-01-28T09:00:00Z"}
    return el(tag, attrs, *children)


def sdt(alias: str, sdt_id: int, *content: Any) -> Any:
    pr = el("w:sdtPr", {}, el("w:alias", {"w:val": alias}), el("w:id", {"w:val": str(sdt_id)}))
    return el("w:sdt", {}, pr, el("w:sdtContent", {}, *content))


def wrap(node: Any, wrapper_factory: Callable[..., Any]) -> None:
    parent = node.getparent()
    index = parent.index(node)
    parent.insert(index, wrapper_factory(node))


def field_runs(instruction: str, result: str) -> list[Any]:
    instr = el("w:instrText")
    instr.text = instruction
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return [
        el("w:r", {}, el("w:fldChar", {"w:fldCharType": "begin"})),
        el("w:r", {}, instr),
        el("w:r", {}, el("w:fldChar", {"w:fldCharType": "separate"})),
        run(result),
        el("w:r", {}, el("w:fldChar", {"w:fldCharType": "end"})),
    ]


def apply_tracked(document: Any, body: Any) -> None:
    """Revisions and wrappers a real file may carry; visible text stays the reference's."""
    deleted = el("w:r", {}, el("w:delText"))
    deleted[0].text = "作废的旧编码"
    set_runs(
        find_paragraph(body, "13030421K8U6FQHZNYVC1"),
        run("13030421"),
        change("w:ins", 901, run("K8U6FQHZNYVC1")),
        change("w:del", 902, deleted),
    )
    p = find_paragraph(body, next(t for t in _texts(body) if t.startswith("完善制度建设。")))
    rest = paragraph_text(p)[len("完善制度建设") :]
    rid = document.part.relate_to("https://www.ccgp.gov.cn/", RT.HYPERLINK, is_external=True)
    set_runs(p, el("w:hyperlink", {"r:id": rid}, run("完善制度建设")), run(rest))
    set_runs(
        find_paragraph(body, "（一）政府采购"), run("（一）"), sdt("采购", 801, run("政府采购"))
    )
    set_runs(find_paragraph(body, "6.00"), *field_runs(' = 6 \\# "0.00" ', "6.00"))
    unit = el("w:fldSimple", {"w:instr": " DOCPROPERTY 金额单位 "}, run("万元"))
    set_runs(find_paragraph(body, "单位：万元", 1), run("单位："), unit)
    name_p = find_paragraph(body, "国有土地交易中心运行费用")
    wrap(name_p, lambda node: sdt("项目名称", 802, node))  # block-level, inside the cell
    wrap(ancestor(find_paragraph(body, "评审费"), "w:tc"), lambda node: sdt("项目", 803, node))
    wrap(ancestor(find_paragraph(body, "单位人员满意度"), "w:tr"), lambda n: sdt("行", 804, n))
    wrap(find_paragraph(body, "预算项目绩效目标"), lambda node: sdt("标题", 805, node))


def _texts(body: Any) -> list[str]:
    return [paragraph_text(p) for p in body.iter(qn("w:p"))]


# --- document setup and saving --------------------------------------------------------------


def lvl(fmt: str, text: str, style: str | None = None) -> Any:
    node = el(
        "w:lvl",
        {"w:ilvl": "0"},
        el("w:start", {"w:val": "1"}),
        el("w:numFmt", {"w:val": fmt}),
    )
    if style:
        node.append(el("w:pStyle", {"w:val": style}))
    node.append(el("w:suff", {"w:val": "nothing"}))  # label glued to the text, as printed
    node.append(el("w:lvlText", {"w:val": text}))
    node.append(el("w:lvlJc", {"w:val": "left"}))
    return node


def add_numbering(document: Any) -> None:
    numbering = document.part.numbering_part.element
    abstracts = numbering.findall(qn("w:abstractNum"))
    anchor = abstracts[-1]
    defs = (
        (NUM_CN, lvl("chineseCounting", "%1、")),
        (NUM_CN_PAREN, lvl("chineseCounting", "（%1）")),
        (NUM_PROJECT, lvl("decimal", "%1.", "ProjectTitle")),
    )
    for num_id, level in defs:
        abstract = el("w:abstractNum", {"w:abstractNumId": str(num_id)})
        abstract.append(el("w:multiLevelType", {"w:val": "singleLevel"}))
        abstract.append(level)
        anchor.addnext(abstract)
        anchor = abstract
        num = el("w:num", {"w:numId": str(num_id)}, el("w:abstractNumId", {"w:val": str(num_id)}))
        if num_id == NUM_CN_PAREN:
            override = el("w:lvlOverride", {"w:ilvl": "0"}, el("w:startOverride", {"w:val": "1"}))
            num.append(override)
        numbering.append(num)
    style = document.styles.add_style("Project Title", WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(qn("w:styleId"), "ProjectTitle")
    style.base_style = document.styles["Heading 2"]
    ppr = style.element.get_or_add_pPr()
    ppr.append(el("w:numPr", {}, el("w:numId", {"w:val": str(NUM_PROJECT)})))


def new_document(variant: Variant) -> Any:
    document = docx.Document()
    props = document.core_properties
    props.author = "extract samples"
    props.last_modified_by = "extract samples"
    props.title = "部门预算绩效目标（样例）"
    props.comments = "generated by samples/make_samples.py from samples/reference.txt"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.revision = 1
    normal = document.styles["Normal"].element.get_or_add_rPr()
    normal.get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    # Chinese text marked as such, as Word saves it: LibreOffice then picks a Simplified
    # Chinese face (Noto Sans CJK SC) in place of the missing 宋体 rather than a Japanese one.
    normal.append(el("w:lang", {"w:eastAsia": "zh-CN"}))
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    add_page_furniture(section, variant.page_header)
    if variant.autonumber:
        add_numbering(document)
    return document


def add_page_furniture(section: Any, header: bool) -> None:
    """Footer `— N —` (PAGE field); with `header`, `第 N 页 共 M 页` (PAGE, NUMPAGES)."""
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_runs(footer._p, run("— "), *field_runs(" PAGE ", "1"), run(" —"))
    if header:
        top = section.header.paragraphs[0]
        top.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        page, pages = field_runs(" PAGE ", "1"), field_runs(" NUMPAGES ", "5")
        set_runs(top._p, run("第 "), *page, run(" 页 共 "), *pages, run(" 页"))


def deterministic_zip(data: bytes) -> bytes:
    """python-docx stamps members with the current time; fixed stamps give identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def render(blocks: list[Block], variant: Variant) -> bytes:
    document = new_document(variant)
    body = document.element.body
    sect_pr = body.find(qn("w:sectPr"))
    for node in Builder(variant).body(blocks):
        sect_pr.addprevious(node)
    if variant.tracked:
        apply_tracked(document, body)
    buffer = io.BytesIO()
    document.save(buffer)
    return deterministic_zip(buffer.getvalue())


# --- large documents (benchmarks, samples/large/) --------------------------------------------


def many_projects(blocks: list[Block], n_projects: int) -> list[Block]:
    """Part one, then `n_projects` project sections cycling through the reference's three.

    Each copy gets its own number, bookmark, name and code (same region and year prefix), so
    the result reads as `n_projects` distinct projects of one department.
    """
    starts = [
        i
        for i, b in enumerate(blocks)
        if isinstance(b, Para) and b.bookmark and PROJECT_NO.match(b.text)
    ]
    assert len(starts) == 3, "the reference has three projects"
    ends = [*starts[1:], starts[-1] + (starts[1] - starts[0])]
    sections = [blocks[a:b] for a, b in zip(starts, ends, strict=True)]
    out: list[Block] = deepcopy(blocks[: starts[0]])
    for k in range(n_projects):
        section = deepcopy(sections[k % len(sections)])
        title, header = section[0], section[1]
        assert isinstance(title, Para) and isinstance(header, TableSpec)
        code_cell, name_cell = header.rows[1][1], header.rows[1][3]
        old_code, old_name = code_cell.paragraphs[0][0], name_cell.paragraphs[0][0]
        name = old_name if k < len(sections) else f"{old_name}（{k // len(sections) + 1}）"
        code = old_code if k < len(sections) else f"{old_code[:-4]}{k:04d}"
        code_cell.paragraphs = [[code]]
        name_cell.paragraphs = [[name]]
        suffix = PROJECT_NO.sub("", title.text).removeprefix(old_name)
        title.text = f"{k + 1}.{name}{suffix}"
        title.bookmark = f"_Toc{62830656 + k}"
        out.extend(section)
    out.extend(deepcopy(blocks[ends[-1] :]))
    return out


def build_many(n_projects: int, path: Path | None = None, layout: str = "separate") -> bytes:
    """A reference-layout document with part one and `n_projects` project tables.

    Returns the .docx bytes (deterministic), also written to `path` when one is given. Used by
    bench/bench_docx.py, and by `main` for samples/large/ (LARGE_PROJECTS projects).
    """
    blocks = many_projects(read_reference(REFERENCE), n_projects)
    data = render(blocks, Variant(path.name if path else "many.docx", layout=layout))
    if path is not None:
        path.write_bytes(data)
    return data


def visible_text(data: bytes) -> str:
    """The text a .docx shows in its body (no header or footer, no deleted text)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = parse_xml(archive.read("word/document.xml"))
    return "\n".join(paragraph_text(p) for p in root.iter(qn("w:p")))


def first_indicators(blocks: list[Block]) -> tuple[Para, TableSpec]:
    """Project 1's title and indicator table."""
    k = next(k for k, b in enumerate(blocks) if isinstance(b, TableSpec) and b.kind != "header")
    title = next(b for b in reversed(blocks[:k]) if isinstance(b, Para) and b.bookmark)
    table = blocks[k]
    assert isinstance(table, TableSpec)
    return title, table


def cell_text(cell: CellSpec) -> str:
    return "".join(line for para in cell.paragraphs for line in para)


def pdf_sample(target: Path, data: bytes, variant: Variant, blocks: list[Block]) -> PdfSample:
    split = None
    if variant.pagebreak:
        title, table = first_indicators(blocks)
        rows = [[cell_text(cell) for cell in row] for row in table.rows]
        split = SplitTable(title.text, rows, repeat_header=variant.pagebreak == "repeat")
    pdf = target.with_suffix(".pdf")
    return PdfSample(pdf, data, visible_text(data), variant.page_header, split)


# LibreOffice prints tracked.docx's deletion (struck through) and insertion marks. Word's "No
# Markup" view (settings.xml <w:revisionView w:markup="false" w:insDel="false"/>) does hide
# them, but LibreOffice also recomputes the table formula field `= 6 \# "0.00"` and prints "6"
# instead of its stored result "6.00" (it ignores the number picture inside table cells), so no
# PDF of it would show the reference's text: it has no PDF.
NO_PDF = frozenset({"variants/tracked.docx"})


def main() -> None:
    blocks = read_reference(REFERENCE)
    documents: list[tuple[Path, bytes, Variant]] = []
    for variant in VARIANT_LIST:
        documents.append((HERE / variant.path, render(blocks, variant), variant))
    large = LARGE / f"{LARGE_PROJECTS}_projects.docx"
    documents.append((large, build_many(LARGE_PROJECTS), Variant(large.name)))
    for target, data, _ in documents:
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(data)
        print(f"wrote {target.relative_to(HERE.parent)} ({len(data)} bytes)")
    reference, *others = [
        pdf_sample(target, data, variant, blocks)
        for target, data, variant in documents
        if variant.path not in NO_PDF
    ]
    write_pdfs(others, reference, FIXTURES)


if __name__ == "__main__":
    main()
