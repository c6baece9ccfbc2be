"""What the PDFs of samples/make_pdf_cases.py show, so that a regeneration losing it fails.

`cut_one_char{,_b}.pdf`: a page break cuts an indicator-grid row inside a cell that wraps,
leaving ONE character of it for the next page: that page's table begins with a row whose only
text is that character, the previous page ends with the row holding the rest of the cell, and
the grid goes on after it (the cut is not its last row). `unit_same_line.pdf`: each project's
unit and `单位：万元` are one text line, outside every table. Extraction results are
tests/test_golden.py's business (it reads these files as it reads every variant).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from conftest import SAMPLES

VARIANTS = SAMPLES / "variants"
UNIT = "单位：万元"
REFERENCE_LINES = (SAMPLES / "reference.txt").read_text(encoding="utf-8").split("\n")
# A cell of one line in the reference (Tika writes each cell as TAB + its text).
ONE_LINE_CELLS = frozenset(line[1:] for line in REFERENCE_LINES if line.startswith("\t"))
# The unit lines: the header tables' first cells, followed by `单位：万元`.
UNITS = [
    REFERENCE_LINES[k][1:]
    for k in range(len(REFERENCE_LINES) - 1)
    if REFERENCE_LINES[k + 1] == f"\t{UNIT}"
]
COLUMNS = ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据")


def _flat(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


@dataclass(frozen=True)
class Cut:
    page: int  # the page holding the lone character (1-based)
    column: int
    before: str  # the cut cell's text at the foot of the previous page
    after: str  # the lone character


def _body_above(page: Any, top: float) -> bool:
    return any(c["bottom"] <= top + 1 and c["text"].strip() for c in page.chars)


def _cuts(path: Path) -> list[Cut]:
    cuts = []
    with pdfplumber.open(path) as doc:
        for k in range(1, len(doc.pages)):
            tables, prev_tables = doc.pages[k].find_tables(), doc.pages[k - 1].find_tables()
            if not tables or not prev_tables or _body_above(doc.pages[k], tables[0].bbox[1]):
                continue  # no table at the top of this page, or none on the page before
            rows, prev_rows = tables[0].extract(), prev_tables[-1].extract()
            first = [_flat(cell) for cell in rows[0]]
            last = [_flat(cell) for cell in prev_rows[-1]]
            full = [i for i, cell in enumerate(first) if cell]
            if len(first) != len(COLUMNS) or len(last) != len(COLUMNS) or len(full) != 1:
                continue
            col = full[0]
            if len(first[col]) == 1 and len(rows) > 1:  # the grid goes on after the row
                cuts.append(Cut(k + 1, col, last[col], first[col]))
    return cuts


def _check_cut(path: Path, columns: set[int]) -> None:
    assert path.is_file(), f"{path.name} missing: run samples/make_pdf_cases.py"
    cuts = [cut for cut in _cuts(path) if cut.column in columns]
    assert cuts, f"{path.name}: no page starts with a one-character part of a cut row"
    for cut in cuts:
        assert cut.before, cut  # the rest of the cell is on the previous page
        assert cut.before + cut.after in ONE_LINE_CELLS, cut  # one cell of one source line


def test_a_page_break_leaves_one_character_of_a_description_cell() -> None:
    _check_cut(VARIANTS / "cut_one_char.pdf", {2, 3})  # 三级指标, 绩效指标描述


def test_a_page_break_leaves_one_character_of_another_cell() -> None:
    _check_cut(VARIANTS / "cut_one_char_b.pdf", {0, 1, 4, 5})


@pytest.mark.parametrize("name", ["cut_one_char", "cut_one_char_b"])
def test_the_cut_documents_let_rows_break(name: str) -> None:
    with zipfile.ZipFile(VARIANTS / f"{name}.docx") as archive:
        document = archive.read("word/document.xml").decode()
    assert "<w:tbl>" in document and "cantSplit" not in document


def test_unit_and_amount_unit_share_one_line_outside_the_tables() -> None:
    path = VARIANTS / "unit_same_line.pdf"
    assert path.is_file(), f"{path.name} missing: run samples/make_pdf_cases.py"
    assert len(UNITS) == 3, UNITS
    found = []
    with pdfplumber.open(path) as doc:
        for page in doc.pages:
            boxes = [t.bbox for t in page.find_tables()]
            for line in page.extract_text_lines():
                if UNIT not in line["text"]:
                    continue
                found.append(_flat(line["text"]))
                inside = [b for b in boxes if b[1] - 1 < line["bottom"] and line["top"] < b[3] + 1]
                assert not inside, f"{line['text']!r} is inside a table"
                chars = line["chars"]
                start = next(i for i, c in enumerate(chars) if c["text"] == UNIT[0])
                assert chars[start]["x0"] - chars[start - 1]["x1"] > 20, "no gap before 单位"
    assert found == [unit + UNIT for unit in UNITS]
