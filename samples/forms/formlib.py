"""A small generic toolkit for form-shaped sample documents.

- `Para` / `Table` / `C`: a document as blocks; a table is rows of the cells that *start* in
  them, each with a column span (`span`, Word's gridSpan) and a row span (`rows`, written as a
  `vMerge` restart cell and `vMerge` continuation cells below it, as Word stores it).
- `render_docx`: the blocks as a deterministic .docx (fixed core properties, fixed zip stamps).
- `tika_text`: Apache Tika's plain-text rendering of a .docx, emulated from its XML (see
  src/extract/parsers/tika_text.py): a TAB before each cell's first paragraph, each further
  paragraph of the cell on its own line, a newline after each paragraph, one more after each
  row and one more after each table; a merged cell prints once, a continuation cell prints `\t`.
- `to_pdfs`: .docx bytes printed by LibreOffice through samples/make_pdfs.py (`convert`,
  `normalize`), so the bytes are stable.
- `spec_rows`: a table's cells as Tika and python-docx see them (continuations empty).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn

SAMPLES = Path(__file__).resolve().parent.parent
if str(SAMPLES) not in sys.path:
    sys.path.insert(0, str(SAMPLES))

from make_pdfs import convert, normalize  # noqa: E402
from make_samples import deterministic_zip  # noqa: E402

FIXED_TIME = datetime(2021, 1, 28, 9, 0, 0)
PAGE_W, PAGE_H, MARGIN = 11906, 16838, 1134  # A4 in twips, 2 cm margins
TEXT_WIDTH = PAGE_W - 2 * MARGIN  # 9638
BODY_SIZE = 18  # half-points: 9 pt
GRID_SIZE = 17  # 8.5 pt in tables
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass(frozen=True)
class C:
    """One table cell: its paragraphs, its column span and its row span."""

    text: str | tuple[str, ...] = ""
    span: int = 1
    rows: int = 1
    label: bool = False  # a printed label: bold and centred

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return (self.text,) if isinstance(self.text, str) else self.text


def L(text: str, span: int = 1, rows: int = 1) -> C:
    """A label cell."""
    return C(text, span, rows, label=True)


@dataclass(frozen=True)
class Table:
    widths: tuple[int, ...]  # twips per grid column
    rows: tuple[tuple[C, ...], ...]

    def __post_init__(self) -> None:
        layout(self)  # fails loudly when a row does not cover the grid


@dataclass(frozen=True)
class Para:
    text: str
    style: str = "plain"  # title | year | unit | plain
    page_break: bool = False


Block = Para | Table


def widths(*parts: int) -> tuple[int, ...]:
    """Column widths in proportion to `parts`, summing to the page's text width."""
    total = sum(parts)
    out = [TEXT_WIDTH * p // total for p in parts]
    out[-1] += TEXT_WIDTH - sum(out)
    return tuple(out)


# --- the grid ---


@dataclass(frozen=True)
class Slot:
    """A `w:tc` of one physical row: the cell, or a continuation of one above it."""

    cell: C
    col: int
    continued: bool


def layout(table: Table) -> list[list[Slot]]:
    """Each row's `w:tc`s in order, continuation cells placed where a row span covers them."""
    n_cols = len(table.widths)
    covering: dict[int, tuple[C, int]] = {}  # start column -> (cell, rows still to cover)
    out: list[list[Slot]] = []
    for r, row in enumerate(table.rows):
        cells = list(row)
        slots: list[Slot] = []
        col = 0
        while col < n_cols:
            if col in covering:
                cell, left = covering[col]
                slots.append(Slot(cell, col, True))
                if left == 1:
                    del covering[col]
                else:
                    covering[col] = (cell, left - 1)
                col += cell.span
                continue
            assert cells, f"row {r + 1} ends at grid column {col} of {n_cols}"
            cell = cells.pop(0)
            slots.append(Slot(cell, col, False))
            if cell.rows > 1:
                covering[col] = (cell, cell.rows - 1)
            col += cell.span
        assert col == n_cols, f"row {r + 1} covers {col} of {n_cols} grid columns"
        assert not cells, f"row {r + 1} has {len(cells)} cells too many"
        out.append(slots)
    assert not covering, "a row span runs past the table's last row"
    return out


def spec_rows(table: Table) -> list[list[str]]:
    """Cell texts per row as Tika prints them: paragraphs joined by newlines, continuations
    empty."""
    return [
        ["" if s.continued else "\n".join(s.cell.paragraphs) for s in row] for row in layout(table)
    ]


# --- WordprocessingML ---


def el(tag: str, attrs: Mapping[str, str] | None = None, *children: Any) -> Any:
    node = OxmlElement(tag)
    for key, value in (attrs or {}).items():
        node.set(qn(key), value)
    for child in children:
        node.append(child)
    return node


def run(text: str, *, bold: bool = False, size: int | None = None) -> Any:
    r = el("w:r")
    rpr = el("w:rPr")
    if bold:
        rpr.append(el("w:b"))
        rpr.append(el("w:bCs"))
    if size:
        rpr.append(el("w:sz", {"w:val": str(size)}))
        rpr.append(el("w:szCs", {"w:val": str(size)}))
    if len(rpr):
        r.append(rpr)
    t = el("w:t")
    t.text = text
    t.set(XML_SPACE, "preserve")
    r.append(t)
    return r


PARA_STYLES: dict[str, tuple[str, bool, int | None]] = {
    # style -> (justification, bold, size in half-points)
    "title": ("center", True, 30),
    "year": ("center", False, 22),
    "unit": ("right", False, None),
    "plain": ("left", False, None),
}


def paragraph(
    text: str,
    *,
    jc: str = "left",
    bold: bool = False,
    size: int | None = None,
    page_break: bool = False,
    after: int = 0,
) -> Any:
    p = el("w:p")
    ppr = el("w:pPr")
    if page_break:
        ppr.append(el("w:pageBreakBefore"))
    ppr.append(el("w:spacing", {"w:before": "0", "w:after": str(after)}))
    ppr.append(el("w:jc", {"w:val": jc}))
    p.append(ppr)
    if text:
        p.append(run(text, bold=bold, size=size))
    return p


def body_paragraph(para: Para) -> Any:
    jc, bold, size = PARA_STYLES[para.style]
    after = 120 if para.style in ("title", "year") else 60
    return paragraph(
        para.text, jc=jc, bold=bold, size=size, page_break=para.page_break, after=after
    )


def table_xml(table: Table) -> Any:
    total = sum(table.widths)
    tbl = el(
        "w:tbl",
        {},
        el(
            "w:tblPr",
            {},
            el("w:tblStyle", {"w:val": "TableGrid"}),
            el("w:tblW", {"w:w": str(total), "w:type": "dxa"}),
            el("w:jc", {"w:val": "center"}),
            el("w:tblLayout", {"w:type": "fixed"}),
            el(
                "w:tblCellMar",
                {},
                el("w:left", {"w:w": "57", "w:type": "dxa"}),
                el("w:right", {"w:w": "57", "w:type": "dxa"}),
            ),
            el("w:tblLook", {"w:val": "04A0"}),
        ),
        el("w:tblGrid", {}, *(el("w:gridCol", {"w:w": str(w)}) for w in table.widths)),
    )
    for row in layout(table):
        tr = el("w:tr", {}, el("w:trPr", {}, el("w:cantSplit")))
        for slot in row:
            tr.append(cell_xml(slot, sum(table.widths[slot.col : slot.col + slot.cell.span])))
        tbl.append(tr)
    return tbl


def cell_xml(slot: Slot, width: int) -> Any:
    cell = slot.cell
    pr = el("w:tcPr", {}, el("w:tcW", {"w:w": str(width), "w:type": "dxa"}))
    if cell.span > 1:
        pr.append(el("w:gridSpan", {"w:val": str(cell.span)}))
    if cell.rows > 1:
        pr.append(el("w:vMerge", {"w:val": "restart"}) if not slot.continued else el("w:vMerge"))
    pr.append(el("w:vAlign", {"w:val": "center"}))
    tc = el("w:tc", {}, pr)
    texts = ("",) if slot.continued else cell.paragraphs
    jc = "center" if cell.label else "left"
    for text in texts:
        tc.append(paragraph(text, jc=jc, bold=cell.label, size=GRID_SIZE))
    return tc


def render_docx(blocks: Sequence[Block], title: str) -> bytes:
    """The blocks as .docx bytes, identical on every run."""
    document = docx.Document()
    props = document.core_properties
    props.author = "extract samples"
    props.last_modified_by = "extract samples"
    props.title = title
    props.comments = "generated by samples/forms/make_forms.py"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.revision = 1
    normal = document.styles["Normal"].element
    rpr = normal.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    rpr.append(el("w:sz", {"w:val": str(BODY_SIZE)}))
    # Chinese marked as such: LibreOffice then picks Noto Sans CJK SC for the missing 宋体.
    rpr.append(el("w:lang", {"w:eastAsia": "zh-CN"}))
    section = document.sections[0]
    sect = section._sectPr
    sect.remove(sect.find(qn("w:pgSz")))
    sect.remove(sect.find(qn("w:pgMar")))
    sect.insert(0, el("w:pgSz", {"w:w": str(PAGE_W), "w:h": str(PAGE_H)}))
    margins = {k: str(MARGIN) for k in ("w:top", "w:right", "w:bottom", "w:left")}
    sect.insert(
        1, el("w:pgMar", {**margins, "w:header": "567", "w:footer": "567", "w:gutter": "0"})
    )
    previous: Block | None = None
    for block in blocks:
        if isinstance(block, Table) and isinstance(previous, Table):
            raise ValueError("two tables in a row merge into one in Word: put a Para between")
        node = table_xml(block) if isinstance(block, Table) else body_paragraph(block)
        sect.addprevious(node)
        previous = block
    buffer = io.BytesIO()
    document.save(buffer)
    zipped: bytes = deterministic_zip(buffer.getvalue())
    return zipped


# --- reading a .docx back ---


def _document_xml(data: bytes) -> Any:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return parse_xml(archive.read("word/document.xml"))


def _para_text(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def tika_text(data: bytes) -> str:
    """Tika's plain text of a .docx whose body holds paragraphs and (unnested) tables."""
    body = _document_xml(data).find(qn("w:body"))
    out: list[str] = []
    for child in body:
        if child.tag == qn("w:p"):
            out.append(_para_text(child) + "\n")
        elif child.tag == qn("w:tbl"):
            for tr in child.iter(qn("w:tr")):
                for tc in tr.findall(qn("w:tc")):
                    for k, p in enumerate(tc.findall(qn("w:p"))):
                        out.append(("\t" if k == 0 else "") + _para_text(p) + "\n")
                out.append("\n")
            out.append("\n")
    return "".join(out)


def read_tika(text: str) -> tuple[list[str], list[list[list[str]]]]:
    """A strict reader of `tika_text`'s output for cells without empty paragraphs: the body
    paragraphs (non-empty) and each table's rows of cell texts. A single blank line ends a row,
    a second one the table."""
    lines = text.split("\n")
    assert lines[-1] == "", "the text ends with a newline"
    lines.pop()
    paragraphs: list[str] = []
    tables: list[list[list[str]]] = []
    i = 0
    while i < len(lines):
        if not lines[i].startswith("\t"):
            if lines[i]:
                paragraphs.append(lines[i])
            i += 1
            continue
        rows: list[list[str]] = []
        row: list[list[str]] = []
        while True:
            line = lines[i]
            if line.startswith("\t"):
                row.append([line[1:]])
            elif line:
                row[-1].append(line)
            else:
                rows.append(["\n".join(cell) for cell in row])
                row = []
                if lines[i + 1] == "":
                    i += 2
                    break
            i += 1
        tables.append(rows)
    return paragraphs, tables


def docx_texts(data: bytes) -> list[str]:
    """What python-docx reads: every body paragraph and every table cell's text."""
    document = docx.Document(io.BytesIO(data))
    out = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            out.extend(cell.text for cell in row.cells)
    return out


def docx_tables(data: bytes) -> list[list[list[str]]]:
    """Each table's rows of `w:tc` texts, read with python-docx (continuations are empty)."""
    document = docx.Document(io.BytesIO(data))
    tables = []
    for table in document.tables:
        rows = []
        for tr in table._tbl.tr_lst:
            rows.append(["\n".join(p.text for p in tc.iter(qn("w:p"))) for tc in tr.tc_lst])
        tables.append(rows)
    return tables


# --- PDF ---


def to_pdfs(sources: Mapping[str, bytes]) -> dict[str, bytes]:
    """{name: .docx} -> {name: normalized PDF}, in one LibreOffice run."""
    return {name: normalize(pdf) for name, pdf in convert(sources).items()}


def flat(text: str | None) -> str:
    return "".join((text or "").split())


def pdf_pages(data: bytes) -> list[tuple[str, list[str], list[str]]]:
    """Per page: the flattened page text, its text lines, and its flattened table cells."""
    import pdfplumber

    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            text = page.extract_text() or ""
            cells = [
                flat(cell)
                for table in page.extract_tables()
                for row in table
                for cell in row
                if cell
            ]
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            pages.append((flat(text), lines, cells))
    return pages


def missing(values: Iterable[str], haystack: Iterable[str]) -> list[str]:
    """The values (whitespace ignored) that are no substring of any haystack item."""
    hay = [flat(h) for h in haystack]
    return [v for v in values if flat(v) and not any(flat(v) in h for h in hay)]


def iter_tables(blocks: Iterable[Block]) -> Iterator[Table]:
    for block in blocks:
        if isinstance(block, Table):
            yield block
