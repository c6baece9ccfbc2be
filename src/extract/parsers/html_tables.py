"""HTML table grids, layout tables, and drafts to model tables.

Grid: HTML gives each row only the cells that start in it; where a cell goes depends on the
`rowspan`s still open from rows above, so cells are placed as browsers place them (the HTML
table model): each at the first column not covered from above, spans clamped to the spec's
limits, a `rowspan` stopping at the end of its row group (`rowspan="0"` reaches it). Where a
`colspan` would run into a cell from above, it is shortened so the grid stays a partition.

Layout: pages framed by tables (a one-cell box around the article, a page-sized grid whose
cells hold the body and the menus) would hide the data tables inside one cell. Such tables are
unwrapped into their content; see `is_layout` for the rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.model import Cell, Location, Table
from extract.parsers.html_flow import CellDraft, Line, TableDraft

MAX_COLSPAN = 1000  # the HTML spec's limits
MAX_ROWSPAN = 65534
_INTEGER = re.compile(r"\s*\+?(\d+)")
_TO_GROUP_END = 1 << 62
# Cells outside the page body that may sit beside it in a layout table (a banner or a
# copyright line), and the share of the table's text they may hold at most.
_MAX_FRAME_CELLS = 2
_MAX_FRAME_SHARE = 0.2


def span(raw: str | None, *, rows: bool) -> int:
    """A span attribute as browsers read it: leading digits, clamped; 0 rows = to group end."""
    match = _INTEGER.match(raw or "")
    if match is None:
        return 1
    value = int(match.group(1)[:12])
    if rows:
        return _TO_GROUP_END if value == 0 else min(value, MAX_ROWSPAN)
    return max(1, min(value, MAX_COLSPAN))


@dataclass(slots=True)
class GridBuilder:
    """Places cells row by row; `covered[c]` is the first row column c is free again."""

    covered: list[int] = field(default_factory=list)
    cells: list[CellDraft] = field(default_factory=list)
    n_rows: int = 0
    n_cols: int = 0
    _group: list[tuple[CellDraft, int]] = field(default_factory=list)

    def row(self, cells: list[tuple[int, int, list[Line | TableDraft]]]) -> None:
        """One `<tr>`: (rowspan, colspan, content) of each of its cells, in source order."""
        y, covered = self.n_rows, self.covered
        x = 0
        for row_span, col_span, items in cells:
            while x < len(covered) and covered[x] > y:
                x += 1
            width = 1
            while width < col_span and (x + width >= len(covered) or covered[x + width] <= y):
                width += 1
            if len(covered) < x + width:
                covered.extend([0] * (x + width - len(covered)))
            end = y + row_span if row_span < _TO_GROUP_END else _TO_GROUP_END
            for col in range(x, x + width):
                covered[col] = end
            draft = CellDraft(y, x, 1, width, items)
            self.cells.append(draft)
            self._group.append((draft, end))
            x += width
            self.n_cols = max(self.n_cols, x)
        self.n_rows += 1

    def end_group(self) -> None:
        """Spans stop at the end of their row group (`<thead>`, `<tbody>`, `<tfoot>`)."""
        end = self.n_rows
        for draft, wanted in self._group:
            draft.row_span = max(1, min(wanted, end) - draft.row)
        self._group.clear()
        self.covered = [min(row, end) for row in self.covered]

    def result(self) -> TableDraft:
        self.end_group()
        return TableDraft(self.cells, self.n_rows, self.n_cols)


def is_layout(table: TableDraft) -> bool:
    """Whether a table frames the page rather than holding data.

    Empty cells and link cells (menus: most of their text is link text) do not count. A table
    is layout when at most one cell is left (a box around content); when every cell left holds
    block content (a nested table or a heading); or when some do, and the others are at most
    two short ones (under a fifth of the text: a banner or copyright line beside the body).
    A form whose label and value cells sit beside one nested grid keeps its grid nested.
    """
    counted = [cell for cell in table.cells if _counts(cell)]
    if len(counted) <= 1:
        return True
    blocks = [cell for cell in counted if _holds_blocks(cell)]
    if not blocks:
        return False
    rest = [cell for cell in counted if not _holds_blocks(cell)]
    if len(rest) > _MAX_FRAME_CELLS:
        return False
    return sum(cell.chars() for cell in rest) < _MAX_FRAME_SHARE * table.chars()


def _counts(cell: CellDraft) -> bool:
    if cell.chars() == 0:
        return False
    if _holds_blocks(cell):
        return True
    lines = [item for item in cell.items if isinstance(item, Line)]
    return 2 * sum(line.link_chars for line in lines) < sum(line.chars for line in lines)


def _holds_blocks(cell: CellDraft) -> bool:
    return any(
        isinstance(item, TableDraft) or item.heading_level is not None for item in cell.items
    )


def unwrap(table: TableDraft) -> list[Line | TableDraft]:
    """A layout table's content in reading order, row by row; the menus beside the body (link
    cells) go, unless links are all the table holds."""
    cells = [cell for cell in table.cells if _counts(cell)] or table.cells
    return [item for cell in cells for item in cell.items]


@dataclass(slots=True)
class Numbers:
    """Table numbers: top-level tables 1..N in order, nested ones N+1... in reading order."""

    next_nested: int

    def take(self) -> int:
        self.next_nested += 1
        return self.next_nested - 1


def to_table(draft: TableDraft, number: int, numbers: Numbers) -> Table:
    cells: list[Cell] = []
    for cell in draft.cells:
        paragraphs = [item.text for item in cell.items if isinstance(item, Line)]
        nested = tuple(
            to_table(item, numbers.take(), numbers)
            for item in cell.items
            if isinstance(item, TableDraft)
        )
        cells.append(
            Cell.from_paragraphs(
                paragraphs,
                cell.row,
                cell.col,
                row_span=cell.row_span,
                col_span=cell.col_span,
                location=Location(table=number, row=cell.row + 1, col=cell.col + 1),
                tables=nested,
            )
        )
    return Table(
        cells=tuple(cells),
        n_rows=draft.n_rows,
        n_cols=draft.n_cols,
        location=Location(table=number),
    )
