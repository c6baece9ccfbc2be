"""Tika text renderings of the reference's Word layouts, and a layout with empty paragraphs.

Each samples/variants/<layout>.docx gets its .txt as Apache Tika writes it (samples/
tika_render.py; real Tika output of reference.docx is samples/reference.txt, which the
renderer reproduces). `nested_blanks.docx` is the nested arrangement with an empty paragraph
ending cells of the indicator grid in its first, middle and last columns and in cells whose
row ends there: in Tika's text each such paragraph is a blank line, like a row's end, so it
is the case where a reader must tell them apart. All give the reference's golden rows.

Run: `.venv/bin/python samples/make_tika.py` (deterministic).
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from make_samples import deterministic_zip
from tika_render import render

HERE = Path(__file__).resolve().parent
VARIANTS = HERE / "variants"
# Layouts whose Word features Tika's text keeps (automatic numbering and tracked changes are
# rendered by Word, not stored as text, so their .txt would differ from the real Tika's).
RENDERED = (
    "nested",
    "continued",
    "repeated_level1",
    "breaks_tabs",
    "pagebreak_plain",
    "pagebreak_repeat",
    "nested_blanks",
)
# (row, column) of indicator-grid cells given a trailing empty paragraph, per nested grid.
BLANK_CELLS = ((1, 0), (2, 2), (3, 5), (5, 3), (6, 5), (8, 1))


def nested_blanks() -> bytes:
    document = docx.Document(str(VARIANTS / "nested.docx"))
    grids = {
        id(grid._tbl): grid  # a merged cell is listed once per grid position it covers
        for outer in document.tables
        for cell in outer._cells
        for grid in cell.tables
    }
    for grid in grids.values():
        done: set[int] = set()
        for r, c in BLANK_CELLS:
            cell = grid.cell(r, c)
            if r < len(grid.rows) and id(cell._tc) not in done:
                done.add(id(cell._tc))
                cell.add_paragraph("")
    buffer = io.BytesIO()
    document.save(buffer)
    return deterministic_zip(buffer.getvalue())


def main() -> None:
    (VARIANTS / "nested_blanks.docx").write_bytes(nested_blanks())
    for name in RENDERED:
        source = VARIANTS / f"{name}.docx"
        text = render(source.read_bytes())
        (VARIANTS / f"{name}.txt").write_text(text, encoding="utf-8", newline="\n")
        print(f"make_tika: wrote variants/{name}.txt")


if __name__ == "__main__":
    main()
