"""The intermediate model's own constructors."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extract.model import Cell, Location

_PARAGRAPH = st.sampled_from(["", " ", "\u3000", "\t", "项目名称", " 100万元 ", "a\tb"])


@given(st.lists(_PARAGRAPH, max_size=5))
def test_a_cells_text_is_its_paragraphs_without_blank_ones_at_either_end(
    paragraphs: list[str],
) -> None:
    kept = [i for i, p in enumerate(paragraphs) if p.strip()]
    expected = "\n".join(paragraphs[kept[0] : kept[-1] + 1]) if kept else ""
    where = Location(table=1, row=2, col=3)
    cell = Cell.from_paragraphs(paragraphs, 1, 2, row_span=2, col_span=3, location=where)
    assert cell.text == expected
    assert cell.paragraphs == tuple(paragraphs)
    assert (cell.row, cell.col, cell.row_span, cell.col_span) == (1, 2, 2, 3)
    assert cell.location is where and cell.tables == () and cell.confidence is None


def test_a_cell_without_a_location_gets_an_empty_one() -> None:
    cell = Cell.from_paragraphs(("x",), 0, 0, confidence=0.5)
    assert (cell.text, cell.location, cell.confidence) == ("x", Location(), 0.5)
