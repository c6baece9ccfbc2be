"""Small documents of the intermediate model, for testing the recognition engines directly.

A table is written as rows of cells; a cell is its text, or `(text, row_span, col_span)`; the
string `MERGED` marks a grid position covered by a span from above or the left (it is skipped,
as a parser never emits a covered position). Grid columns are computed from the spans.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from extract.model import Block, Cell, Document, Location, Paragraph, Table
from extract.normalizers.document import Normalized, normalize

MERGED = object()
CellSpec = str | tuple[str, int, int]


def table(rows: Sequence[Sequence[Any]], number: int = 1) -> Table:
    cells: list[Cell] = []
    covered: set[tuple[int, int]] = set()
    width = 0
    for r, row in enumerate(rows):
        col = 0
        for spec in row:
            while (r, col) in covered:
                col += 1
            if spec is MERGED:
                continue
            text, rs, cs = (spec, 1, 1) if isinstance(spec, str) else spec
            cells.append(
                Cell.from_paragraphs(
                    text.split("\n"),
                    r,
                    col,
                    row_span=rs,
                    col_span=cs,
                    location=Location(table=number, row=r + 1, col=col + 1),
                )
            )
            for dr in range(rs):
                for dc in range(cs):
                    covered.add((r + dr, col + dc))
            col += cs
        width = max(width, col, *(c + 1 for rr, c in covered if rr == r))
    return Table(tuple(cells), len(rows), width, Location(table=number))


def document(*blocks: Block | str) -> Document:
    return Document(
        blocks=tuple(Paragraph(b) if isinstance(b, str) else b for b in blocks),
        source_format="docx",
    )


def read(*blocks: Block | str, template: str | None = None) -> Normalized:
    return normalize(document(*blocks), template)


def codes(result: Normalized) -> list[str]:
    return [f.code for f in result.findings]
