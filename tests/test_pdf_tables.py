"""Cell rectangles to grids with spans, chars to cells, and stitching across page breaks."""

from __future__ import annotations

from typing import Any

from extract.parsers.pdf_tables import Box, PageTable, StitchedTable, snap

# A 3-column grid at x = 0, 50, 100, 200; rows every 20 pt from y = 100.
XS = (0.0, 50.0, 100.0, 200.0)


def _box(row: int, col: int, row_span: int = 1, col_span: int = 1, top: float = 100.0) -> Box:
    return (XS[col], top + 20 * row, XS[col + col_span], top + 20 * (row + row_span))


def _char(text: str, box: Box) -> dict[str, Any]:
    x0, top, _, _ = box
    return {
        "text": text,
        "x0": x0 + 5,
        "x1": x0 + 15,
        "top": top + 5,
        "bottom": top + 15,
        "size": 10.0,
    }


def _table(boxes: list[Box], texts: dict[Box, str], page: int = 1) -> PageTable:
    table = PageTable.from_boxes(boxes, page)
    assert table is not None
    for box, text in texts.items():
        for i, ch in enumerate(text):
            char = _char(ch, box)
            char["x0"] += 10 * i
            char["x1"] += 10 * i
            x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
            assert table.contains(x, y)
            table.add(char, x, y)
    table.finish()
    return table


def _grid(table: PageTable | StitchedTable) -> list[tuple[int, int, int, int, str]]:
    return sorted(
        (c.row, c.col, c.row_span, c.col_span, "".join(c.paragraphs)) for c in table.cells
    )


def test_snap_merges_near_edges() -> None:
    assert snap([0.0, 50.4, 49.8, 100.0, 0.9]) == [0.0, 49.8, 100.0]


def test_merged_rectangles_become_cells_with_spans() -> None:
    # Row 0: one cell over all columns. Rows 1-2: a vertically merged first cell.
    title, level1 = _box(0, 0, col_span=3), _box(1, 0, row_span=2)
    boxes = [title, level1, _box(1, 1), _box(1, 2), _box(2, 1), _box(2, 2)]
    table = _table(boxes, {title: "项目", level1: "产出", _box(2, 2): "≥9"})
    assert table.xs == list(XS)
    assert _grid(table) == [
        (0, 0, 1, 3, "项目"),
        (1, 0, 2, 1, "产出"),
        (1, 1, 1, 1, ""),
        (1, 2, 1, 1, ""),
        (2, 1, 1, 1, ""),
        (2, 2, 1, 1, "≥9"),
    ]


def test_degenerate_boxes_give_no_table() -> None:
    assert PageTable.from_boxes([(0.0, 0.0, 0.0, 10.0)], 1) is None


HEADER = {_box(0, 0): "一级", _box(0, 1): "二级", _box(0, 2): "指标值"}


def _page(rows: list[tuple[str, str, str]], page: int, header: bool) -> PageTable:
    texts: dict[Box, str] = {}
    boxes: list[Box] = []
    all_rows = ([("一级", "二级", "指标值")] if header else []) + rows
    for r, values in enumerate(all_rows):
        for c, value in enumerate(values):
            box = _box(r, c, top=50.0)
            boxes.append(box)
            if value:
                texts[box] = value
    return _table(boxes, texts, page)


def test_a_continued_table_is_stitched_and_its_repeated_header_dropped() -> None:
    for repeat in (True, False):
        first = _page([("产出", "数量", "10"), ("", "质量", "9")], 1, header=True)
        table = StitchedTable.start(first)
        second = _page([("", "时效", "8"), ("效益", "社会", "7")], 2, header=repeat)
        assert table.continues_as(second)
        table.extend(second)
        assert table.n_rows == 5
        texts = [(r, c, t) for r, c, _, _, t in _grid(table) if t]
        expected = [(3, 1, "时效"), (3, 2, "8"), (4, 0, "效益"), (4, 1, "社会"), (4, 2, "7")]
        assert texts[-5:] == expected
        assert {c.page for c in table.cells if c.row >= 3} == {2}


def test_a_table_with_other_outer_borders_is_not_a_continuation() -> None:
    first = StitchedTable.start(_page([("产出", "数量", "10")], 1, header=True))
    narrower = PageTable.from_boxes([(0.0, 50.0, 100.0, 70.0)], 2)
    assert narrower is not None
    assert not first.continues_as(narrower)


def test_a_continuation_on_other_inner_lines_joins_on_the_union_grid() -> None:
    table = StitchedTable.start(_page([("产出", "数量", "10")], 1, header=True))
    # The next page draws a column line at 150 (a nested table, say) and none at 100.
    part = PageTable.from_boxes(
        [(0.0, 50.0, 50.0, 70.0), (50.0, 50.0, 150.0, 70.0), (150.0, 50.0, 200.0, 70.0)], 2
    )
    assert part is not None
    part.finish()
    assert table.continues_as(part)
    table.extend(part)
    assert table.xs == [0.0, 50.0, 100.0, 150.0, 200.0]
    spans = sorted((c.row, c.col, c.col_span) for c in table.cells)
    assert spans == [
        (0, 0, 1),
        (0, 1, 1),
        (0, 2, 2),
        (1, 0, 1),
        (1, 1, 1),
        (1, 2, 2),
        (2, 0, 1),
        (2, 1, 2),
        (2, 3, 1),
    ]


def _cut_page(first_row: tuple[str, str, str], page: int) -> PageTable:
    """One row of three cells; the first is 50 pt wide, so four characters fill it."""
    boxes = [_box(0, c, top=50.0) for c in range(3)]
    table = PageTable.from_boxes(boxes, page)
    assert table is not None
    for c, text in enumerate(first_row):
        for i, ch in enumerate(text):
            x0 = XS[c] + 5 + 10 * i
            char = {"text": ch, "x0": x0, "x1": x0 + 10, "top": 55, "bottom": 65, "size": 10.0}
            table.add(char, x0 + 5, 60)
    table.finish()
    return table


def test_a_row_cut_by_the_page_break_is_joined() -> None:
    table = StitchedTable.start(_cut_page(("预算规模", "预算数", "11"), 1))
    table.extend(_cut_page(("及资金", "", ""), 2))
    assert table.n_rows == 1
    assert _grid(table) == [
        (0, 0, 1, 1, "预算规模及资金"),
        (0, 1, 1, 1, "预算数"),
        (0, 2, 1, 1, "11"),
    ]


def test_a_row_that_ended_before_the_page_break_stays_a_row() -> None:
    # The first cell had room left for the next row's first character.
    table = StitchedTable.start(_cut_page(("预算", "预算数", "11"), 1))
    table.extend(_cut_page(("资金", "", ""), 2))
    assert table.n_rows == 2


def test_a_label_that_fills_its_cell_does_not_make_a_cut() -> None:
    # `成本指标` fills its cell, but every cell below it has text: a new row.
    table = StitchedTable.start(_cut_page(("成本指标", "节约", "9"), 1))
    table.extend(_cut_page(("经济效益", "收取", "8"), 2))
    assert table.n_rows == 2


def test_a_continued_tables_lines_a_point_or_two_off_are_the_same_lines() -> None:
    """LibreOffice drew a column line at 391.6 on the next page, 393.4 on the first: one
    column (a stray 1.8-point column would unpair the cut row's cells)."""
    from extract.parsers.pdf_tables import _aligned

    table = [84.6, 132.6, 200.1, 279.1, 393.4, 439.1, 499.6]
    part = [84.6, 132.6, 200.1, 279.1, 391.6, 439.1, 499.6]
    assert _aligned(part, table) == table
    assert _aligned([84.6, 120.0, 499.6], table) == [84.6, 120.0, 499.6]  # a real new line
    # Two lines of the part near one of the table's: kept as drawn, never merged.
    assert _aligned([84.6, 392.0, 394.0, 499.6], table) == [84.6, 392.0, 394.0, 499.6]
