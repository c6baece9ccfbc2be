"""A flat stream of paragraphs and table rows, whatever the table layout.

Project tables come as one header table plus an indicator table, as the indicator grid nested
in the header table's last row, or as one wide table; PDFs add page breaks. Flattening them
into rows in reading order lets one state machine read every layout.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from extract.model import Block, Cell, Paragraph, Table, record


@record
class Row:
    """Grid row `index` of `table`: the cells that start in it, by column."""

    table: Table
    index: int
    cells: tuple[Cell, ...]

    def location(self) -> str:
        """`table 2, row 5`; a row of a table stitched across pages names its own page; a
        sheet's row is the row number the spreadsheet shows."""
        table = self.table.location
        page = next((c.location.page for c in self.cells if c.location.page is not None), None)
        if page is not None and page != table.page:
            table = replace(table, page=page)
        number = self.index + 1
        if table.sheet is not None:
            number = next((c.location.row for c in self.cells if c.location.row), number)
        where = table.describe()
        return f"{where}, row {number}" if where else f"row {number}"


Event = Paragraph | Row


def events(blocks: Iterable[Block]) -> Iterator[Event]:
    """Paragraphs and rows in reading order; a nested table's rows follow its outer row."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block
        else:
            yield from _table_rows(block)


def _table_rows(table: Table) -> Iterator[Row]:
    for index, cells in enumerate(table.rows()):
        yield Row(table, index, tuple(cells))
        for cell in cells:
            for inner in cell.tables:
                yield from _table_rows(inner)


class CellIndex:
    """Looks up the cell covering a grid position, building each table's index once."""

    def __init__(self) -> None:
        self._grids: dict[int, tuple[Table, dict[tuple[int, int], Cell]]] = {}

    def clear(self) -> None:
        self._grids.clear()

    def cell_at(self, table: Table, row: int, col: int) -> Cell | None:
        entry = self._grids.get(id(table))
        if entry is None or entry[0] is not table:
            entry = (table, _grid(table))
            self._grids[id(table)] = entry
        return entry[1].get((row, col))


def _grid(table: Table) -> dict[tuple[int, int], Cell]:
    grid: dict[tuple[int, int], Cell] = {}
    for cell in table.cells:
        if cell.row_span <= 1 and cell.col_span <= 1:  # most cells: one position
            grid[(cell.row, cell.col)] = cell
            continue
        for r in range(cell.row, cell.row + max(cell.row_span, 1)):
            for c in range(cell.col, cell.col + max(cell.col_span, 1)):
                grid[(r, c)] = cell
    return grid
