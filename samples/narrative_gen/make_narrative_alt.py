"""Writes the second author's narrative samples (alt_docs.py) as .docx and .pdf, with golden rows.

    samples/narrative_alt/<name>.docx|.pdf      tests/golden/narrative_alt/<name>/<dataset>.json

Four long (20–40 page) 上海 district 部门预算 documents: cover, 目录 with page numbers (two
LibreOffice passes: the numbers are read from the first print and checked on the second),
running header and footer page numbers on every page but the cover, landscape sections for the
wide tables, and the project sheets (TEMPLATES.md family `narrative`).

The golden rows are written from the content in alt_docs.py (truth by construction), never
from the extractor. Before anything is written, every expected text value is looked up in the
.docx (python-docx) and in the PDF text (pdfplumber, line breaks, running header and footer
removed), and no text outside the sheets may show a sheet-heading suffix followed by a section
label. Any failure raises. Deterministic: the same bytes on every run on one machine.

Run: `.venv/bin/python samples/narrative_gen/make_narrative_alt.py`
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from datetime import date
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent
ROOT = SAMPLES.parent
sys.path[:0] = [str(HERE), str(SAMPLES), str(ROOT / "tests")]

import docx  # noqa: E402
import pdfplumber  # noqa: E402
from alt_docs import (  # noqa: E402
    CENT,
    DOCS,
    FORBIDDEN,
    LABELS,
    Chap,
    Doc,
    P,
    Part,
    Sheet,
    Tbl,
    Toc,
    yuan,
)
from docx.enum.section import WD_ORIENT, WD_SECTION  # noqa: E402
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER  # noqa: E402
from docx.shared import Mm, Pt, RGBColor, Twips  # noqa: E402
from make_pdfs import convert, normalize, soffice  # noqa: E402
from render import FIXED_TIME, _field, _font, deterministic_zip, el  # noqa: E402

from golden_io import dump  # noqa: E402

OUT = SAMPLES / "narrative_alt"
GOLDEN = ROOT / "tests" / "golden" / "narrative_alt"
DATASETS = (
    "documents",
    "department_goals",
    "measures",
    "projects",
    "project_goals",
    "spending_plan",
    "indicators",
)
ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}
PORTRAIT = {
    "w": Mm(210),
    "h": Mm(297),
    "top": Mm(30),
    "bottom": Mm(28),
    "left": Mm(28),
    "right": Mm(26),
}
LANDSCAPE = {
    "w": Mm(297),
    "h": Mm(210),
    "top": Mm(25),
    "bottom": Mm(22),
    "left": Mm(25),
    "right": Mm(25),
}
QUARTER_MONTH = {"一季度": 3, "二季度": 6, "三季度": 9, "四季度": 12}
SPACE = re.compile(r"\s+")
SECTION_LABEL = re.compile(
    r"(?:[一二三四五六七]、|（[一二三四五六七]）)"
    r"(?:项目概述|项目概况|立项依据|实施主体|实施方案|实施周期|年度预算安排|绩效目标(?!设置))"
)
SUFFIX = "经费情况说明"


def flat(text: str) -> str:
    return SPACE.sub("", text)


# =============================================================================================
# rendering
# =============================================================================================


def _text_width(geometry: dict[str, Any]) -> int:
    return int(geometry["w"] - geometry["left"] - geometry["right"])  # EMU


def _emu_to_twips(emu: int) -> int:
    return emu // 635


class Writer:
    """One document being written; `pages` maps 目录 entries to the page numbers shown."""

    def __init__(self, doc: Doc, pages: dict[str, int]) -> None:
        self.doc = doc
        self.look = doc.look
        self.pages = pages
        self.d: Any = docx.Document()
        self.fresh = True  # at the top of a page: no page break needed
        self.geometry = PORTRAIT
        self._styles()
        self._geometry(self.d.sections[0], PORTRAIT)

    # ---- setup
    def _styles(self) -> None:
        props = self.d.core_properties
        props.author = props.last_modified_by = "Administrator"
        props.title = self.doc.title
        props.comments = ""
        props.created = props.modified = FIXED_TIME
        props.revision = 3
        normal = self.d.styles["Normal"]
        normal.font.size = Pt(self.look.body_pt)
        normal.paragraph_format.line_spacing = self.look.line_spacing
        normal.paragraph_format.space_after = Pt(0)
        rpr = normal.element.get_or_add_rPr()
        _font(rpr, self.look.body_font)
        rpr.append(el("w:lang", {"w:eastAsia": "zh-CN"}))
        for name, size in (
            ("Heading 1", 18.0),
            ("Heading 2", 15.0),
            ("Heading 3", self.look.body_pt),
        ):
            style = self.d.styles[name]
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.italic = False
            style.font.color.rgb = RGBColor(0, 0, 0)
            style.paragraph_format.space_before = Pt(12 if name != "Heading 3" else 6)
            style.paragraph_format.space_after = Pt(6)
            style.paragraph_format.line_spacing = 1.2
            _font(style.element.get_or_add_rPr(), "黑体")

    @staticmethod
    def _geometry(section: Any, g: dict[str, Any]) -> None:
        section.orientation = WD_ORIENT.LANDSCAPE if g["w"] > g["h"] else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = g["w"], g["h"]
        section.top_margin, section.bottom_margin = g["top"], g["bottom"]
        section.left_margin, section.right_margin = g["left"], g["right"]
        section.header_distance = section.footer_distance = Mm(15)

    def _new_section(self, g: dict[str, Any]) -> None:
        section = self.d.add_section(WD_SECTION.NEW_PAGE)
        self._geometry(section, g)
        self.geometry = g
        self.fresh = True

    # ---- paragraphs
    def para(
        self,
        text: str = "",
        *,
        align: str = "justify",
        bold: bool = False,
        size: float | None = None,
        indent: bool = True,
        font: str | None = None,
        style: str | None = None,
        page_break: bool = False,
    ) -> Any:
        p = self.d.add_paragraph(style=style) if style else self.d.add_paragraph()
        p.alignment = ALIGN[align]
        if indent:
            p.paragraph_format.first_line_indent = Pt(2 * (size or self.look.body_pt))
        if page_break and not self.fresh:
            p.paragraph_format.page_break_before = True
        if text:
            run = p.add_run(text)
            run.bold = bold or None
            if size:
                run.font.size = Pt(size)
            if font:
                _font(run._r.get_or_add_rPr(), font)
        self.fresh = False
        return p

    def page_break(self) -> None:
        self.d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        self.fresh = True

    # ---- blocks
    def cover(self) -> None:
        for _ in range(7):
            self.d.add_paragraph()
        for text, size in self.doc.cover:
            p = self.para(text, align="center", bold=True, size=size, indent=False, font="黑体")
            p.paragraph_format.space_after = Pt(24)
        if self.look.cover_counted:
            self.page_break()
        else:
            self._new_section(PORTRAIT)

    def toc(self, block: Toc) -> None:
        p = self.para(block.title, align="center", bold=True, size=18.0, indent=False, font="黑体")
        p.paragraph_format.space_after = Pt(18)
        width = Twips(_emu_to_twips(_text_width(self.geometry)))
        for text, _, level in toc_entries(self.doc):
            p = self.d.add_paragraph()
            p.paragraph_format.tab_stops.add_tab_stop(
                width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
            )
            p.paragraph_format.left_indent = Pt(self.look.body_pt * 2 * level)
            p.paragraph_format.space_after = Pt(4)
            run = p.add_run(f"{text}\t{self.pages.get(text, 0)}")
            run.bold = (level == 0) or None
        self.fresh = False

    def part(self, block: Part) -> None:
        self.para(block.text, align="center", indent=False, style="Heading 1", page_break=True)

    def chap(self, block: Chap) -> None:
        if block.level == 1 and self.look.chapter_style == "heading":
            self.para(
                block.text, align="left", indent=False, style="Heading 2", page_break=block.new_page
            )
        else:
            size = self.look.body_pt + (2 if block.level == 1 else 0)
            p = self.para(block.text, bold=True, size=size, font="黑体", page_break=block.new_page)
            p.paragraph_format.space_before = Pt(6)

    def table(self, block: Tbl) -> None:
        if block.landscape:
            self._new_section(LANDSCAPE)
        title = self.para(
            block.title,
            align="center",
            bold=True,
            size=16.0,
            indent=False,
            font="黑体",
            page_break=True,
        )
        title.paragraph_format.space_after = Pt(10)
        width_emu = _text_width(self.geometry)
        line = self.d.add_paragraph()
        line.paragraph_format.tab_stops.add_tab_stop(
            Twips(_emu_to_twips(width_emu)), WD_TAB_ALIGNMENT.RIGHT
        )
        run = line.add_run(f"{block.maker}\t{block.unit}" if block.maker else f"\t{block.unit}")
        run.font.size = Pt(10.5)
        n_cols = len(block.widths)
        all_rows = [*block.header, *block.rows]
        table = self.d.add_table(rows=len(all_rows), cols=n_cols)
        table.style = self.d.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        total_twips = _emu_to_twips(width_emu)
        widths = [total_twips * w // sum(block.widths) for w in block.widths]
        for column, w in zip(table.columns, widths, strict=True):
            column.width = Twips(w)
        covered: set[tuple[int, int]] = set()
        for r1, c1, r2, c2 in block.merges:
            table.cell(r1, c1).merge(table.cell(r2, c2))
            covered |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)} - {(r1, c1)}
        n_head = len(block.header)
        for r, values in enumerate(all_rows):
            assert len(values) == n_cols, f"{block.title}: row {r} has {len(values)} cells"
            head = r < n_head
            if head:
                table.rows[r]._tr.get_or_add_trPr().append(el("w:tblHeader"))
            table.rows[r]._tr.get_or_add_trPr().append(el("w:cantSplit"))
            bold = head or (r - n_head) in block.bold_rows
            for c, value in enumerate(values):
                cell = table.cell(r, c)
                cell.width = Twips(widths[c])
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                if (r, c) in covered:
                    assert not value, f"{block.title}: text in a merged-away cell ({r}, {c})"
                    continue
                p = cell.paragraphs[0]
                p.paragraph_format.line_spacing = 1.0
                p.paragraph_format.first_line_indent = Pt(0)
                numeric = (
                    bool(value)
                    and value.replace(",", "").replace(".", "").isdigit()
                    and "." in value
                )
                p.alignment = (
                    WD_ALIGN_PARAGRAPH.CENTER
                    if head or (c == 0 and len(value) <= 7 and value.isdigit())
                    else WD_ALIGN_PARAGRAPH.RIGHT
                    if numeric
                    else WD_ALIGN_PARAGRAPH.LEFT
                )
                run = p.add_run(value)
                run.font.size = Pt(block.font)
                run.bold = bold or None
        if block.note:
            p = self.para(block.note, indent=False, size=10.5)
            p.paragraph_format.space_before = Pt(6)
        self.fresh = False
        if block.landscape:
            self._new_section(PORTRAIT)

    def sheet(self, sheet: Sheet) -> None:
        look = self.look
        text = sheet.printed_heading
        if look.sheet_heading == "heading":
            p = self.para(
                text,
                align="center",
                indent=False,
                style="Heading 2",
                page_break=look.sheet_new_page,
            )
        else:
            p = self.para(
                text,
                align="center",
                bold=True,
                size=16.0,
                indent=False,
                font="黑体",
                page_break=look.sheet_new_page,
            )
        p.paragraph_format.space_before = Pt(12)
        p.paragraph_format.space_after = Pt(8)
        for k, (label, _, paragraphs) in enumerate(sheet.sections()):
            rest = list(paragraphs)
            if LABELS[k] in sheet.inline:
                q = self.para()
                q.add_run(f"{label}：").bold = True
                q.add_run(rest.pop(0))
            elif look.label_style == "heading":
                self.para(label, indent=False, style="Heading 3")
            else:
                self.para(label, bold=True, font="黑体")
            for t in rest:
                self.para(t)

    # ---- furniture
    def furniture(self) -> None:
        look = self.look
        pre, post = look.footer.split("{}")
        for i, section in enumerate(self.d.sections):
            first = i == 0
            section.different_first_page_header_footer = first and look.cover_counted
            if first and not look.cover_counted:
                continue  # the cover's own section: no header, no footer
            section.header.is_linked_to_previous = False
            section.footer.is_linked_to_previous = False
            hp = section.header.paragraphs[0]
            ppr = hp._p.get_or_add_pPr()
            border = el("w:pBdr")
            border.append(
                el(
                    "w:bottom",
                    {"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "000000"},
                )
            )
            ppr.append(border)
            hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = hp.add_run(look.header)
            run.font.size = Pt(9)
            fp = section.footer.paragraphs[0]
            fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if pre:
                fp.add_run(pre)
            for node in _field(" PAGE ", "1"):
                fp._p.append(node)
            if post:
                fp.add_run(post)
            if first:  # cover_counted: the cover page shows neither
                section.first_page_header.is_linked_to_previous = False
                section.first_page_footer.is_linked_to_previous = False
            if i == 1 and not look.cover_counted:
                sect = section._sectPr
                number = el("w:pgNumType", {"w:start": "1"})
                cols = sect.find(
                    "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cols"
                )
                if cols is not None:
                    cols.addprevious(number)
                else:
                    sect.append(number)

    def render(self) -> bytes:
        self.cover()
        for block in self.doc.blocks:
            if isinstance(block, Toc):
                self.toc(block)
            elif isinstance(block, Part):
                self.part(block)
            elif isinstance(block, Chap):
                self.chap(block)
            elif isinstance(block, P):
                self.para(block.text, align=block.align, bold=block.bold, indent=block.indent)
            elif isinstance(block, Tbl):
                self.table(block)
            elif isinstance(block, Sheet):
                self.sheet(block)
            else:
                raise TypeError(block)
        self.furniture()
        buffer = io.BytesIO()
        self.d.save(buffer)
        return deterministic_zip(buffer.getvalue())


def toc_entries(doc: Doc) -> list[tuple[str, str, int]]:
    """(line as printed in the 目录, text to find on its page, indent level)."""
    out: list[tuple[str, str, int]] = []
    n_tables = 0
    for block in doc.blocks:
        if isinstance(block, Part) and block.toc:
            out.append((block.text, block.text, 0))
        elif isinstance(block, Chap) and block.toc:
            out.append((block.text, block.text, 1))
        elif isinstance(block, Tbl) and block.toc and doc.look.toc_tables:
            n_tables += 1
            out.append((f"{n_tables}.{block.toc}", block.title, 1))
        elif isinstance(block, Sheet) and doc.look.toc_sheets:
            out.append((block.printed_heading, block.printed_heading, 1))
    return out


def render(doc: Doc, pages: dict[str, int]) -> bytes:
    return Writer(doc, pages).render()


# =============================================================================================
# golden rows
# =============================================================================================

Row = dict[str, Any]


def _money(wan: Decimal | None) -> str | None:
    return None if wan is None else f"{yuan(wan)}"


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def expected(doc: Doc) -> dict[str, list[Row]]:
    year = doc.year
    out: dict[str, list[Row]] = {name: [] for name in DATASETS}
    for seq, sheet in enumerate(doc.sheets, 1):
        budget, period = sheet.budget, sheet.period
        out["projects"].append(
            {
                "fiscal_year": year,
                "project_seq": seq,
                "table_title": sheet.heading,
                "unit_code": None,
                "unit_name": None,
                "project_code": None,
                "project_name": sheet.name,
                "amount_unit": "万元" if budget.total is not None else None,
                "budget_total_yuan": _money(budget.total),
                "budget_fiscal_yuan": None,
                "budget_other_yuan": None,
                "purpose": "".join(sheet.overview),
                "region_code": None,
                "template": "narrative",
                "department_name": None,
                "project_category": None,
                "project_nature": None,
                "period_raw": period.raw,
                "period_start": _iso(period.start),
                "period_end": _iso(period.end),
                "budget_project_total_yuan": _money(budget.project_total),
                "budget_carryover_yuan": None,
                "legal_basis": "".join(sheet.basis),
                "implementation_plan": "".join(sheet.plan),
            }
        )
        if sheet.goal is not None:
            out["project_goals"].append(
                {
                    "fiscal_year": year,
                    "project_seq": seq,
                    "seq": 1,
                    "text": "".join(sheet.goal),
                    "horizon": "annual",
                }
            )
        if budget.quarters:
            assert budget.total
            running = Decimal(0)
            for k, (label, amount) in enumerate(budget.quarters, 1):
                running += amount
                exact = running * 100 / budget.total
                pct = exact.quantize(CENT, ROUND_HALF_EVEN)
                assert pct == exact.quantize(CENT, ROUND_HALF_UP), f"a rounding tie at {exact}"
                out["spending_plan"].append(
                    {
                        "fiscal_year": year,
                        "project_seq": seq,
                        "seq": k,
                        "period": label,
                        "month": QUARTER_MONTH[label.removeprefix("第")],
                        "cumulative_pct": f"{pct}",
                    }
                )
            assert out["spending_plan"][-1]["cumulative_pct"] == "100.00"
    out["documents"] = [
        {
            "fiscal_year": year,
            "fiscal_year_source": "text",
            "unit_code": None,
            "unit_name": doc.unit_name,
            "status": "ok",
            "error": None,
            "n_projects": len(doc.sheets),
            "n_indicators": 0,
        }
    ]
    return out


# =============================================================================================
# checks
# =============================================================================================


def _sheet_string(sheet: Sheet) -> str:
    """The whole sheet as it reads, heading to goal."""
    parts = [sheet.printed_heading]
    for k, (label, _, paragraphs) in enumerate(sheet.sections()):
        parts.append(f"{label}：" if LABELS[k] in sheet.inline else label)
        parts += paragraphs
    return flat("".join(parts))


def _values(doc: Doc, rows: dict[str, list[Row]]) -> Iterator[tuple[str, str]]:
    """Every expected text value, (what, text)."""
    yield "unit_name", doc.unit_name
    yield "fiscal year", f"{doc.year}年部门预算"
    for k, project in enumerate(rows["projects"]):
        sheet = doc.sheets[k]
        for key in (
            "table_title",
            "project_name",
            "purpose",
            "legal_basis",
            "implementation_plan",
            "period_raw",
        ):
            if project[key] is not None:
                yield f"{sheet.heading}: {key}", project[key]
        yield f"{sheet.heading}: budget", "".join(sheet.budget.paragraphs)
        if sheet.budget.total is not None:
            shown = [f"{q[1]}万元" for q in sheet.budget.quarters] or [
                next(f"{a}万元" for a in _amounts(sheet))
            ]
            for s in shown:
                yield f"{sheet.heading}: amount", s
    for goal in rows["project_goals"]:
        yield f"goal {goal['project_seq']}", goal["text"]
    for row in rows["spending_plan"]:
        yield f"spending plan {row['project_seq']}", f"{row['period']}用款计划"


def _amounts(sheet: Sheet) -> Iterator[str]:
    text = "".join(sheet.budget.paragraphs)
    yield from re.findall(r"(\d+(?:\.\d+)?)万元", text)


def _check_budget_text(doc: Doc) -> None:
    """The total printed is the one the golden row holds (first amount, or 总投资 … 本年度)."""
    for sheet in doc.sheets:
        b = sheet.budget
        amounts = [Decimal(a) for a in _amounts(sheet)]
        if b.total is None:
            assert not amounts, sheet.heading
        elif b.quarters:
            q = [a for _, a in b.quarters]
            assert amounts[-4:] == q, sheet.heading
            assert amounts[:-4] in ([], [b.total]), sheet.heading
        elif b.project_total is not None:
            assert amounts == [b.project_total, b.total], sheet.heading
        else:
            assert amounts[0] == b.total, sheet.heading


def check_content(doc: Doc) -> None:
    everything: list[str] = [t for t, _ in doc.cover]
    for block in doc.blocks:
        if isinstance(block, Tbl):
            everything += [
                block.title,
                block.note,
                *(c for r in (*block.header, *block.rows) for c in r),
            ]
        elif isinstance(block, Sheet):
            for _, _, paragraphs in block.sections():
                for p in paragraphs:
                    assert " " not in p and "\u3000" not in p, f"space in {p}"
                    assert SUFFIX not in p, f"a heading phrase inside a sheet's prose: {p}"
                    assert not SECTION_LABEL.search(p), f"a section label inside prose: {p}"
                    assert "、项目概" not in p
                    everything.append(p)
        elif hasattr(block, "text"):
            everything.append(block.text)
    text = "\n".join(everything)
    for word in FORBIDDEN:
        assert word not in text, f"{doc.name}: {word} must not appear"
    assert len(doc.sheets) in range(3, 7), doc.name
    _check_budget_text(doc)


# ---- .docx


def _docx_sections(paragraphs: list[str], sheet: Sheet) -> list[str]:
    found: list[list[str]] = []
    k = 0
    for text in paragraphs:
        label = sheet.label(k) if k < 7 else None
        m = re.match(rf"^{re.escape(label)}(?:：(.*))?$", text) if label else None
        if m:
            found.append([m.group(1)] if m.group(1) else [])
            k += 1
        else:
            assert found, f"{sheet.heading}: text before the first section: {text}"
            found[-1].append(text)
    assert k == 7, f"{sheet.heading}: {k} sections found"
    return ["".join(parts) for parts in found]


def check_docx(data: bytes, doc: Doc, rows: dict[str, list[Row]]) -> str:
    d: Any = docx.Document(io.BytesIO(data))
    paragraphs = [p.text for p in d.paragraphs if p.text.strip()]
    cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
    everything = "\n".join(paragraphs + cells)
    for word in FORBIDDEN:
        assert word not in everything, f"{doc.name}.docx: {word}"
    joined = "".join(paragraphs)  # a value of several paragraphs reads joined with nothing
    for what, value in _values(doc, rows):
        assert value in joined, f"{doc.name}.docx lacks {what}: {value}"
    n_tables = sum(isinstance(b, Tbl) for b in doc.blocks)
    assert len(d.tables) == n_tables, "table count"
    # Each sheet read back section by section, up to the next sheet or the next chapter.
    headings = [s.printed_heading for s in doc.sheets]
    toc = {text for text, _, _ in toc_entries(doc)}
    starts, at = [], 0
    for h in headings:
        at = next(i for i in range(at, len(paragraphs)) if paragraphs[i] == h and i > 0)
        starts.append(at)
        at += 1
    enders = {b.text for b in doc.blocks if isinstance(b, (Part, Chap))}
    for k, sheet in enumerate(doc.sheets):
        stop = starts[k + 1] if k + 1 < len(starts) else len(paragraphs)
        body = paragraphs[starts[k] + 1 : stop]
        cut = next((i for i, t in enumerate(body) if t in enders), len(body))
        got = _docx_sections(body[:cut], sheet)
        want = ["".join(p) for _, _, p in sheet.sections()]
        assert got == want, f"{doc.name} sheet {k + 1}:\n{got}\n!=\n{want}"
        project = rows["projects"][k]
        assert got[0] == project["purpose"] and got[1] == project["legal_basis"]
        assert got[3] == project["implementation_plan"] and got[4] == project["period_raw"]
    # Outside the sheets, no paragraph with the suffix is followed by a section label.
    sheet_lines = set(starts)
    for i, text in enumerate(paragraphs):
        if SUFFIX not in text or i in sheet_lines:
            continue
        following = []
        for t in paragraphs[i + 1 : i + 3]:
            if t in headings:
                break
            following.append(t)
        for t in following:
            assert not SECTION_LABEL.match(t), f"{doc.name}.docx: {text!r} is followed by {t!r}"
    header = d.sections[-1].header.paragraphs[0].text
    assert header == doc.look.header, header
    assert all(t in toc for t in toc), "目录"
    return f"{len(paragraphs)} paragraphs, {len(d.tables)} tables, {len(d.sections)} sections"


# ---- .pdf


def _footer_re(look_footer: str) -> re.Pattern[str]:
    pre, post = look_footer.split("{}")
    return re.compile(rf"^{re.escape(pre.strip())}\s*(\d+)\s*{re.escape(post.strip())}$")


def pdf_pages(pdf: bytes) -> list[tuple[list[str], bool]]:
    """Each page's text lines and whether the page is landscape."""
    with pdfplumber.open(io.BytesIO(pdf)) as d:
        return [
            (
                [line.strip() for line in (page.extract_text() or "").splitlines()],
                page.width > page.height,
            )
            for page in d.pages
        ]


def body_of(doc: Doc, pages: list[tuple[list[str], bool]]) -> list[list[str]]:
    """Each page's lines without the running header and the footer (checked here)."""
    footer = _footer_re(doc.look.footer)
    out = []
    for index, (lines, _) in enumerate(pages):
        if index == 0:
            assert doc.look.header not in lines, "a header on the cover"
            assert not any(footer.match(x) for x in lines), "a page number on the cover"
            out.append(lines)
            continue
        number = index + 1 if doc.look.cover_counted else index
        assert lines[0] == doc.look.header, f"{doc.name} page {index + 1}: header {lines[0]!r}"
        m = footer.match(lines[-1])
        assert m and int(m.group(1)) == number, f"{doc.name} page {index + 1}: footer {lines[-1]!r}"
        out.append(lines[1:-1])
    return out


def toc_pages(doc: Doc, pdf: bytes) -> dict[str, int]:
    """The page number (as shown in the footer) of every 目录 entry."""
    pages = body_of(doc, pdf_pages(pdf))
    flat_pages = [flat("".join(lines)) for lines in pages]
    toc_page = next(
        i
        for i, t in enumerate(flat_pages)
        if t.startswith(flat(next(b.title for b in doc.blocks if isinstance(b, Toc))))
    )
    out, at = {}, toc_page + 1
    for text, find, _ in toc_entries(doc):
        at = next(i for i in range(at, len(flat_pages)) if flat(find) in flat_pages[i])
        out[text] = at + 1 if doc.look.cover_counted else at
    return out


def check_pdf(
    pdf: bytes, doc: Doc, rows: dict[str, list[Row]], pages_wanted: dict[str, int]
) -> str:
    pages = pdf_pages(pdf)
    n = len(pages)
    assert 20 <= n <= 40, f"{doc.name}: {n} pages"
    landscape = sum(wide for _, wide in pages)
    assert landscape >= 2, f"{doc.name}: {landscape} landscape pages"
    body_pages = body_of(doc, pages)
    body = "".join(flat("".join(lines)) for lines in body_pages)
    lines = {flat(x) for page in body_pages for x in page}
    cover = flat("".join(pages[0][0]))
    for text, _ in doc.cover:
        assert flat(text) in cover, f"cover line {text}"
    for word in FORBIDDEN:
        assert word not in body, f"{doc.name}.pdf: {word}"
    for what, value in _values(doc, rows):
        assert flat(value) in body, f"{doc.name}.pdf lacks {what}: {value}"
    assert toc_pages(doc, pdf) == pages_wanted, f"{doc.name}: 目录 page numbers moved"
    # Every sheet reads whole, heading to goal, in order; a long heading wraps.
    spans, at = [], 0
    for sheet in doc.sheets:
        whole = _sheet_string(sheet)
        found = body.find(whole, at)
        assert found >= 0, f"{doc.name}.pdf: sheet {sheet.heading} does not read whole"
        spans.append((found, found + len(flat(sheet.printed_heading)), found + len(whole)))
        at = found + len(whole)
        single = flat(sheet.printed_heading) in lines
        assert single != sheet.wraps, f"{sheet.heading}: wrapped={not single}"
    # Outside the sheets, the suffix is never followed by a section label.
    starts = [s for s, _, _ in spans]
    for m in re.finditer(SUFFIX, body):
        p = m.start()
        if any(s <= p < e for s, e, _ in spans):
            continue
        if any(e <= p < end for _, e, end in spans):
            raise AssertionError(f"{doc.name}.pdf: {SUFFIX} inside a sheet's text")
        nxt = min([s for s in starts if s > p] + [len(body)])
        window = body[m.end() : min(nxt, m.end() + 60)]
        assert not SECTION_LABEL.search(window), f"{doc.name}.pdf: {body[p - 20 : p + 60]}"
    wrapped = sum(
        flat(v) not in lines
        for project in rows["projects"]
        for v in (project["purpose"], project["implementation_plan"])
    )
    return f"{n} pages ({landscape} landscape), {wrapped} wrapped purpose/plan texts"


# =============================================================================================


def main() -> None:
    assert len({d.name for d in DOCS}) == len(DOCS)
    if soffice() is None:
        raise SystemExit("soffice not found: the PDFs cannot be printed")
    rows = {}
    for doc in DOCS:
        check_content(doc)
        rows[doc.name] = expected(doc)
    # Pass 1: print with placeholder 目录 numbers, read where each entry landed.
    first = {doc.name: render(doc, {}) for doc in DOCS}
    printed = {name: normalize(pdf) for name, pdf in convert(first).items()}
    pages = {doc.name: toc_pages(doc, printed[doc.name]) for doc in DOCS}
    # Pass 2: the real numbers (a 目录 line keeps its line count, so nothing moves); checked.
    docs: dict[str, bytes] = {}
    notes: dict[str, str] = {}
    for doc in DOCS:
        data = render(doc, pages[doc.name])
        assert render(doc, pages[doc.name]) == data, (
            f"{doc.name}: .docx bytes differ between renderings"
        )
        notes[doc.name] = check_docx(data, doc, rows[doc.name])
        docs[doc.name] = data
    pdfs = {name: normalize(pdf) for name, pdf in convert(docs).items()}
    for doc in DOCS:
        notes[doc.name] += "; " + check_pdf(pdfs[doc.name], doc, rows[doc.name], pages[doc.name])
    OUT.mkdir(parents=True, exist_ok=True)
    for doc in DOCS:
        (OUT / f"{doc.name}.docx").write_bytes(docs[doc.name])
        (OUT / f"{doc.name}.pdf").write_bytes(pdfs[doc.name])
        for dataset in DATASETS:
            dump(GOLDEN / doc.name / f"{dataset}.json", rows[doc.name][dataset])
        print(
            f"wrote samples/narrative_alt/{doc.name}.docx|.pdf "
            f"({len(doc.sheets)} projects): {notes[doc.name]}"
        )


if __name__ == "__main__":
    main()
