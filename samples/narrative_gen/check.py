"""Self-checks: the written .docx and .pdf show exactly what the golden rows say. Fail loudly."""

from __future__ import annotations

import io
import re
from typing import Any

import docx
import pdfplumber
from spec import POINTER, SECTION_LABELS, SECTION_NUMBERS, DocSpec, Sheet, Table

from golden import Row

FOOTER = re.compile(r"^—\s*(\d+)\s*—$")
FORBIDDEN = ("总体绩效目标", "分项绩效目标", "工作保障措施")
NO_TARGET_FORBIDDEN = ("经费情况说明", "绩效目标表")
SPACE = re.compile(r"\s+")


def flat(text: str) -> str:
    return SPACE.sub("", text)


def _label_re(k: int, label: str) -> re.Pattern[str]:
    return re.compile(rf"^{SECTION_NUMBERS[k]}、{label}(?:：(.*))?$")


def _sheet_values(sheet: Sheet, project: Row, goal: Row | None) -> list[tuple[str, str]]:
    """(field, text) that must be printed, in printed order."""
    values = [
        ("table_title", f"{sheet.number}{project['table_title']}"),
        ("purpose", project["purpose"]),
        ("legal_basis", project["legal_basis"]),
        ("implementation_plan", project["implementation_plan"]),
        ("period_raw", project["period_raw"]),
        ("budget", "".join(sheet.budget.paragraphs)),
        ("goal", goal["text"] if goal else POINTER),
    ]
    return values


def _goal(rows: dict[str, list[Row]], seq: int) -> Row | None:
    goals = [g for g in rows["project_goals"] if g["project_seq"] == seq]
    assert len(goals) <= 1
    return goals[0] if goals else None


def _all_prose(spec: DocSpec) -> str:
    """Every string of the spec, to look for text that must not be there."""
    parts: list[str] = list(spec.cover)
    for block in spec.body:
        if isinstance(block, Table):
            parts += [block.title, *(c for row in (*block.header, *block.rows) for c in row)]
        elif isinstance(block, Sheet):
            parts += [p for _, paragraphs in block.sections() for p in paragraphs]
        else:
            parts.append(getattr(block, "text", ""))
    return "\n".join(parts)


def check_spec(spec: DocSpec) -> None:
    text = _all_prose(spec)
    for word in FORBIDDEN:
        assert word not in text, f"{spec.name}: {word} must not appear"
    if spec.family == "no_targets":
        for word in NO_TARGET_FORBIDDEN:
            assert word not in text, f"{spec.name}: {word} must not appear"
        assert not spec.sheets
    for sheet in spec.sheets:
        for _, paragraphs in sheet.sections():
            for p in paragraphs:
                assert " " not in p and "\u3000" not in p, f"space in {p}"
                assert "经费情况说明" not in p, f"a heading phrase inside prose: {p}"
                for label in ("项目概述", "项目概况", *SECTION_LABELS):
                    assert f"、{label}" not in p, f"a section label inside prose: {p}"


# --- .docx ------------------------------------------------------------------------------------


def _sections(paragraphs: list[str], sheet: Sheet) -> list[str]:
    """The joined text of each of the seven sections, read back from the document."""
    labels = [label for label, _ in sheet.sections()]
    found: list[list[str]] = []
    k = 0
    for text in paragraphs:
        m = _label_re(k, labels[k]).match(text) if k < len(labels) else None
        if m:
            found.append([m.group(1)] if m.group(1) else [])
            k += 1
        else:
            assert found, f"text before the first section: {text}"
            found[-1].append(text)
    assert k == len(labels), f"{sheet.heading}: {k} sections found"
    return ["".join(parts) for parts in found]


def check_docx(data: bytes, spec: DocSpec, rows: dict[str, list[Row]]) -> str:
    document: Any = docx.Document(io.BytesIO(data))
    paragraphs = [p.text for p in document.paragraphs]
    header = "".join(p.text for p in document.sections[0].header.paragraphs)
    assert header == spec.style.header_text, f"header {header!r}"
    footer_xml = document.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "—" in footer_xml, "footer page number"
    tables = [b for b in spec.body if isinstance(b, Table)]
    assert len(document.tables) == len(tables), "table count"
    for table, block in zip(document.tables, tables, strict=True):
        last = [cell.text for cell in table.rows[-1].cells]
        assert last == list(block.rows[-1]), f"{block.title}: last row {last}"
        assert len(table.rows) == len(block.header) + len(block.rows)
    everything = "\n".join(
        paragraphs + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )
    for word in FORBIDDEN + (NO_TARGET_FORBIDDEN if spec.family == "no_targets" else ()):
        assert word not in everything, f"{word} in {spec.name}.docx"
    for line in spec.cover:
        assert line in paragraphs, f"cover line {line}"
    titles = [f"{s.number}{s.heading}" for s in spec.sheets]
    starts, position = [], 0
    for title in titles:
        position = paragraphs.index(title, position + 1)
        starts.append(position)
    for k, sheet in enumerate(spec.sheets):
        end = starts[k + 1] if k + 1 < len(starts) else len(paragraphs)
        body = [p for p in paragraphs[starts[k] + 1 : end] if p]
        got = _sections(body, sheet)
        project = rows["projects"][k]
        goal = _goal(rows, k + 1)
        want = [
            project["purpose"],
            project["legal_basis"],
            "".join(sheet.subject),
            project["implementation_plan"],
            project["period_raw"],
            "".join(sheet.budget.paragraphs),
            goal["text"] if goal else POINTER,
        ]
        assert got == want, f"{spec.name} sheet {k + 1}: {got} != {want}"
    return f"{len(paragraphs)} paragraphs, {len(document.tables)} tables"


# --- .pdf -------------------------------------------------------------------------------------


def _page_lines(pdf: bytes) -> list[list[str]]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [
            [line.strip() for line in (page.extract_text() or "").splitlines()]
            for page in doc.pages
        ]


def check_pdf(pdf: bytes, spec: DocSpec, rows: dict[str, list[Row]]) -> str:
    pages = _page_lines(pdf)
    style = spec.style
    body_pages: list[str] = []
    single_lines: set[str] = set()
    for number, lines in enumerate(pages, 1):
        furnished = style.cover_furniture or number > 1
        footers = [int(m.group(1)) for m in map(FOOTER.match, lines) if m]
        assert footers == ([number] if furnished else []), f"{spec.name} page {number}: {footers}"
        if style.header_text and furnished:
            assert lines[0] == style.header_text, f"{spec.name} page {number} header {lines[0]!r}"
            lines = lines[1:]
        kept = [flat(line) for line in lines if not FOOTER.match(line)]
        single_lines |= set(kept)
        body_pages.append("".join(kept))
    body = "".join(body_pages)
    for word in FORBIDDEN + (NO_TARGET_FORBIDDEN if spec.family == "no_targets" else ()):
        assert word not in body, f"{word} in {spec.name}.pdf"
    for line in spec.cover:
        assert flat(line) in flat("".join(pages[0])), f"cover line {line}"
    for block in spec.body:
        if isinstance(block, Table):
            assert flat(block.title) in body, f"table title {block.title}"
            for cell in block.rows[-1]:
                assert flat(cell) in body, f"{block.title}: {cell}"
        elif hasattr(block, "text") and not isinstance(block, Sheet):
            assert flat(block.text) in body, f"{spec.name}.pdf lacks {block.text}"
    # Each sheet's values in printed order; which ones LibreOffice wrapped; which sheets span pages.
    page_starts = [sum(len(p) for p in body_pages[:k]) for k in range(len(body_pages))]
    position, wrapped, spanning = 0, 0, 0
    for k, sheet in enumerate(spec.sheets):
        values = _sheet_values(sheet, rows["projects"][k], _goal(rows, k + 1))
        first = last = 0
        for name, value in values:
            found = body.find(flat(value), position)
            assert found >= 0, f"{spec.name}.pdf sheet {k + 1}: {name} not found after {position}"
            if name == "table_title":
                first = found
            position = found + len(flat(value))
            last = position - 1
            if flat(value) not in single_lines and not any(flat(value) in s for s in single_lines):
                wrapped += 1
        page_of = [max(i for i, s in enumerate(page_starts) if s <= pos) for pos in (first, last)]
        spanning += page_of[0] != page_of[1]
    return f"{len(pages)} pages, {wrapped} wrapped values, {spanning} sheets over a page break"
