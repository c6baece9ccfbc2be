"""The grid lookup every template engine reads cells through."""

from __future__ import annotations

from extract.model import Cell, Table
from extract.normalizers.rows import CellIndex


def test_a_merged_cell_covers_every_position_of_its_span_and_single_cells_their_own() -> None:
    merged = Cell("项目资金", 0, 0, row_span=2, col_span=2)
    right = Cell("100", 0, 2)
    below = Cell("50", 1, 2)
    last = Cell("合计", 2, 0, col_span=3)
    table = Table(cells=(merged, right, below, last), n_rows=3, n_cols=3)
    index = CellIndex()
    covering = {(r, c): index.cell_at(table, r, c) for r in range(3) for c in range(3)}
    assert all(covering[p] is merged for p in ((0, 0), (0, 1), (1, 0), (1, 1)))
    assert covering[(0, 2)] is right and covering[(1, 2)] is below
    assert all(covering[(2, c)] is last for c in range(3))
    assert index.cell_at(table, 3, 0) is None and index.cell_at(table, 0, 3) is None
