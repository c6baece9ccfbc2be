"""Ruled tables of a PDF as grids of merged cells, stitched across page breaks.

pdfplumber finds a table's cell rectangles; a merged cell is one rectangle over several grid
columns or rows (pdfplumber's `rows` show the positions it covers as None). Snapping every
rectangle edge onto the table's column and row lines turns each rectangle into one cell with
its spans. A table cut by a page break continues at the top of the next page, with or without
its header rows repeated: it is stitched back when its columns line up with the table it
continues, and repeated header rows are dropped.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from extract.parsers.pdf_text import (
    CellText,
    Char,
    Line,
    cell_paragraphs,
    glue_text,
    is_full,
    least_confidence,
    lines_of,
    lower,
    may_be_full,
)

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
_SNAP = 1.5  # points: edges closer than this are one ruling line
_ALIGN = 3.0  # points: a continued table's line this close to one of the table's is that line


def snap(values: Sequence[float]) -> list[float]:
    """Sorted distinct edges, merging those within `_SNAP` of each other."""
    out: list[float] = []
    for value in sorted(values):
        if out and value - out[-1] <= _SNAP:
            continue
        out.append(value)
    return out


def _index(edges: Sequence[float], value: float) -> int | None:
    i = bisect_right(edges, value + _SNAP) - 1
    return i if i >= 0 and abs(edges[i] - value) <= _SNAP else None


_NO_TEXT = CellText([])
_NO_CHARS: list[Char] = []  # shared by finished cells: nothing is added after finish()
_NO_BOX: Box = (0.0, 0.0, 0.0, 0.0)


@dataclass(slots=True)
class CellDraft:
    row: int
    col: int
    row_span: int
    col_span: int
    box: Box
    page: int
    chars: list[Char] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    text: CellText = field(default_factory=lambda: CellText([]))
    confidence: float | None = None  # OCR: the least confident char's

    def finish(self, *, on_edge: bool) -> None:
        """Chars to paragraphs; then what is no longer needed is let go, since every page's
        cells are kept until the document is assembled: the chars and the box always, and
        the line measures unless the cell is in a first or last row, where a page break may
        need them to tell a cut row."""
        lines: list[Line] = lines_of(self.chars)
        text = cell_paragraphs(lines, self.box[0], self.box[2])
        self.paragraphs = text.paragraphs
        self.confidence = least_confidence(self.chars)
        self.text = text if on_edge else _NO_TEXT
        self.chars = _NO_CHARS
        self.box = _NO_BOX


@dataclass(slots=True)
class PageTable:
    """One table as found on one page, its chars assigned to its cells."""

    bbox: Box
    page: int
    xs: list[float]
    ys: list[float]
    cells: list[CellDraft]
    _owner: dict[tuple[int, int], CellDraft] = field(default_factory=dict)
    height: float = 0.0  # of its page

    @classmethod
    def from_boxes(cls, boxes: Sequence[Box], page: int) -> PageTable | None:
        xs = snap([b[0] for b in boxes] + [b[2] for b in boxes])
        ys = snap([b[1] for b in boxes] + [b[3] for b in boxes])
        if len(xs) < 2 or len(ys) < 2:
            return None
        table = cls(
            bbox=(xs[0], ys[0], xs[-1], ys[-1]), page=page, xs=xs, ys=ys, cells=[], _owner={}
        )
        for box in sorted(boxes, key=lambda b: (b[1], b[0])):
            c0, c1 = _index(xs, box[0]), _index(xs, box[2])
            r0, r1 = _index(ys, box[1]), _index(ys, box[3])
            if c0 is None or c1 is None or r0 is None or r1 is None or c1 <= c0 or r1 <= r0:
                continue
            if (r0, c0) in table._owner:  # overlapping rectangles: the first one drawn wins
                continue
            cell = CellDraft(r0, c0, r1 - r0, c1 - c0, box, page, [], [], _NO_TEXT)
            table.cells.append(cell)
            for r in range(r0, r1):
                for c in range(c0, c1):
                    table._owner.setdefault((r, c), cell)
        return table if table.cells else None

    def contains(self, x: float, y: float) -> bool:
        x0, top, x1, bottom = self.bbox
        return x0 <= x <= x1 and top <= y <= bottom

    def add(self, char: Char, x: float, y: float) -> None:
        col = min(max(bisect_right(self.xs, x) - 1, 0), len(self.xs) - 2)
        row = min(max(bisect_right(self.ys, y) - 1, 0), len(self.ys) - 2)
        cell = self._owner.get((row, col))
        if cell is not None:
            cell.chars.append(char)

    def take(self, chars: list[tuple[float, float, Char]]) -> list[tuple[float, float, Char]]:
        """`add` for every char whose centre (x, y) lies inside the table; returns the
        others, in order. One loop instead of two calls a char: a page has thousands."""
        x0, top, x1, bottom = self.bbox
        xs, ys, owner = self.xs, self.ys, self._owner
        last_col, last_row = len(xs) - 2, len(ys) - 2
        rest = []
        for item in chars:
            x, y, char = item
            if not (x0 <= x <= x1 and top <= y <= bottom):
                rest.append(item)
                continue
            col = bisect_right(xs, x) - 1  # clamped as in `add`
            col = 0 if col < 0 else last_col if col > last_col else col
            row = bisect_right(ys, y) - 1
            row = 0 if row < 0 else last_row if row > last_row else row
            cell = owner.get((row, col))
            if cell is not None:
                cell.chars.append(char)
        return rest

    def finish(self) -> None:
        last = len(self.ys) - 1
        for cell in self.cells:
            # The rows a page break can cut: the last, the first, and the one after a first
            # row that may be a header repeated on this page.
            cell.finish(on_edge=cell.row <= 1 or cell.row + cell.row_span == last)
        self._owner = {}


@dataclass(slots=True)
class StitchedTable:
    """A table over one or more pages, on the union of its parts' column lines."""

    xs: list[float]
    first_page: int
    cells: list[CellDraft]
    n_rows: int

    @classmethod
    def start(cls, part: PageTable) -> StitchedTable:
        return cls(list(part.xs), part.page, list(part.cells), len(part.ys) - 1)

    def continues_as(self, part: PageTable) -> bool:
        """A continuation keeps the table's outer borders (inner lines may differ: a nested
        table or merged cells can add or hide some)."""
        return abs(part.xs[0] - self.xs[0]) <= _SNAP and abs(part.xs[-1] - self.xs[-1]) <= _SNAP

    def extend(self, part: PageTable) -> None:
        """Appends `part`, joining a row the page break cut in two."""
        part_xs = _aligned(part.xs, self.xs)
        xs = snap(self.xs + part_xs)
        _regrid(self.cells, self.xs, xs)
        _regrid(part.cells, part_xs, xs)
        self.xs = xs
        rows = _without_repeated_headers(self.cells, part.cells)
        first = min((c.row for c in rows), default=0)
        # After a header repeated on the new page, the cut row's rest comes next.
        if self._cut_row(rows, first):
            offset = self.n_rows - 1 - first
            rows = self._join_split_row(rows, first, offset)
        else:
            offset = self.n_rows - first
        for cell in rows:
            cell.row += offset
            self.cells.append(cell)
        self.n_rows = max((c.row + c.row_span for c in self.cells), default=self.n_rows)

    def _covering_last_row(self) -> dict[tuple[int, int], CellDraft]:
        last = self.n_rows - 1
        return {(c.col, c.col_span): c for c in self.cells if c.row <= last < c.row + c.row_span}

    def _cut_row(self, rows: list[CellDraft], first: int) -> bool:
        """Word and LibreOffice let a row break across pages unless told not to.

        Of the cells that start in the last row, a cut shows in two ways: a cell with text on
        both pages ends on a line with no room left for the start of the text below it, and
        a cell whose text ended before the break is blank below (on one row: the blank part
        of a cell merged down over several rows tells nothing). A short label or a number
        can fill its cell by chance, so one running cell takes a blank one beside it; with
        no blank cell, every cell with text on both pages must run on, and two at least.
        A row cut between two paragraphs of its only running cell is missed. A row where more
        cells start new text than run on is a new row (a flat sheet's next indicator, after
        a repeated header, with its project cells blank). And a row of
        blanks but for one or two cells that may have run on (within measuring noise of full)
        is the rest of a cut row: a new row fills its own 三级/指标值 cells.
        """
        last = self.n_rows - 1
        covering = self._covering_last_row()
        running = maybe = ended = blank_below = filled = 0
        for cell in rows:
            if cell.row == first and cell.paragraphs:
                filled += 1
            above = covering.get((cell.col, cell.col_span)) if cell.row == first else None
            if above is None or above.row != last or not above.paragraphs:
                continue
            if not cell.paragraphs:
                blank_below += cell.row_span == 1
            elif is_full(above.text.last_gap, cell.text.first_lead):
                running += 1
            elif may_be_full(above.text.last_gap, cell.text.first_lead):
                maybe += 1
            else:
                ended += 1
        if ended > running:  # more cells start new text than run on: a new row
            return False
        if running > 0 and (blank_below > 0 or (ended == 0 and running >= 2)):
            return True
        return maybe > 0 and ended == 0 and filled == running + maybe <= 2 and blank_below >= 2

    def _join_split_row(self, rows: list[CellDraft], first: int, offset: int) -> list[CellDraft]:
        """Cells of the part's first row continue the cells covering the table's last row."""
        covering = self._covering_last_row()
        rest: list[CellDraft] = []
        for cell in rows:
            above = covering.get((cell.col, cell.col_span)) if cell.row == first else None
            if above is None:
                rest.append(cell)
                continue
            above.row_span = cell.row + offset + cell.row_span - above.row
            above.confidence = lower(above.confidence, cell.confidence)
            if cell.paragraphs:
                if above.paragraphs and is_full(above.text.last_gap, cell.text.first_lead):
                    head, *tail = cell.paragraphs
                    end = above.paragraphs[-1]
                    joint = glue_text(end, head, broken_word=above.text.broken_word)
                    above.paragraphs[-1] = end + joint + head
                    above.paragraphs.extend(tail)
                else:
                    above.paragraphs.extend(cell.paragraphs)
                above.text = CellText(
                    above.paragraphs,
                    cell.text.last_gap,
                    above.text.first_lead,
                    cell.text.broken_word,
                )
        return rest


def _aligned(part: Sequence[float], table: Sequence[float]) -> list[float]:
    """A continuation's column lines moved onto the table's where they are within
    `_ALIGN`: a layout engine may draw the same line a point or two off on the next page,
    which is no new column (a real column is far wider). Kept as drawn if that would merge
    two of its lines."""
    moved = []
    for x in part:
        i = bisect_right(table, x)
        near = min(table[max(i - 1, 0) : i + 1], key=lambda t: abs(t - x))
        moved.append(near if abs(near - x) <= _ALIGN else x)
    return moved if all(a < b for a, b in pairwise(moved)) else list(part)


def _regrid(cells: Sequence[CellDraft], old: Sequence[float], new: Sequence[float]) -> None:
    """Moves cells from column lines `old` onto `new`, a superset of them."""
    index = [_index(new, x) for x in old]
    for cell in cells:
        start, end = index[cell.col], index[cell.col + cell.col_span]
        if start is not None and end is not None:
            cell.col, cell.col_span = start, end - start


def _row_texts(cells: Sequence[CellDraft]) -> tuple[str, ...]:
    ordered = sorted(cells, key=lambda c: c.col)
    return tuple(f"{c.col}+{c.col_span}:{' '.join(c.paragraphs)}" for c in ordered)


def _without_repeated_headers(
    table: Sequence[CellDraft], part: Sequence[CellDraft]
) -> list[CellDraft]:
    """The part's cells, minus leading rows that repeat a row of the table (header rows)."""
    by_row: dict[int, list[CellDraft]] = {}
    for cell in table:
        by_row.setdefault(cell.row, []).append(cell)
    known = {_row_texts(cells) for cells in by_row.values() if any(c.paragraphs for c in cells)}
    part_rows: dict[int, list[CellDraft]] = {}
    for cell in part:
        part_rows.setdefault(cell.row, []).append(cell)
    dropped: set[int] = set()
    for row in sorted(part_rows):
        cells = part_rows[row]
        if any(c.row_span > 1 for c in cells) or _row_texts(cells) not in known:
            break
        dropped.add(row)
    return [c for c in part if c.row not in dropped]
