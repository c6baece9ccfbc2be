"""A sheet's printed cells cut into paragraphs and tables, the way a reader sees them.

A sheet has no paragraphs and no table borders we can trust, only cells. As docling's Excel
backend does, a table is a region of non-empty cells that touch (merged ranges included), grown
until no non-empty cell outside touches it, so a lone value inside a grid stays in its table.
Then three rules turn regions into the model a Word document would give:

- a region of one cell (or one merged range) is a `Paragraph`: a title, `金额单位：元`;
- the leading rows of a table that hold only separate cells (a title row merged across the
  sheet, `单位名称：… … 单位：万元`) are peeled off as paragraphs above it, unless a cell of the
  row is merged down into the rows below (then it is a header), or the row is one cell merged
  across the whole table right above its header, below the sheet's top: that is the table's
  caption (`长期绩效指标` over one of twin grids), which a Word table holds as its first row
  and the recognizers read there (measured on the committed workbook samples: peeling it too
  loses the 年度 horizon of 13 indicators of jiaxian_2021.xlsx, keeping it loses nothing);
- a table whose columns line up with the table one blank row above it (same first column, last
  column within the upper one's) continues that table: a blank row between a header and its
  data does not cut it. Measured on the flat-sheet and form samples rendered with a blank row
  after each header: never joining loses 4 of 2,928 flat-sheet fields and 138 of the reference
  form's 727; joining any overlapping tables up to two blank rows apart merges stacked forms
  (13 of 13 form documents wrong); this rule gets all flat sheets exact and splits no form.

Merged cells become spans; empty cells inside a table's rectangle stay as empty cells so grid
positions are right. Locations carry the sheet's own 1-based row and column numbers, which is
what a user finds in the spreadsheet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from extract.model import Block, Cell, Document, Location, Paragraph, ParseError, Table

__all__ = [
    "MAX_REGIONS",
    "MAX_TABLE_CELLS",
    "Merge",
    "SheetGrid",
    "Skipped",
    "column_name",
    "sheet_blocks",
    "workbook_document",
]

# A table is materialised cell by cell; beyond this many grid positions the sheet is refused
# rather than exhausting memory (a real budget sheet has a few tens of thousands).
MAX_TABLE_CELLS = 5_000_000
# Separate regions of one sheet; a real sheet has a handful, a hostile one millions.
MAX_REGIONS = 100_000
# Rows a separator may take between the parts of one table.
_JOIN_GAP = 1

Merge = tuple[int, int, int, int]  # top, left, bottom, right; 0-based, inclusive


@dataclass(slots=True)
class SheetGrid:
    """What a sheet prints: text per 0-based (row, col) and its merged ranges.

    `lines` maps a row to the physical line it starts on (CSV), for `Location.line`. The rest
    is what the workbook notes report: hidden state, hidden rows and columns (0-based), and
    formulas the file holds no saved result for.
    """

    name: str | None
    cells: dict[tuple[int, int], str]
    merges: list[Merge] = field(default_factory=list)
    lines: dict[int, int] | None = None
    hidden: bool = False
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    unsaved_formulas: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A sheet left unread, and why (`is very hidden`, `is a chart sheet`)."""

    name: str
    reason: str


def workbook_document(sheets: Iterable[SheetGrid | Skipped], source_format: str) -> Document:
    """Every sheet's blocks in workbook order, with one note per oddity a user should know of.

    Hidden sheets, rows and columns are read: departments hide working sheets and rows by
    accident as often as on purpose, and a hidden project is still a published one. The notes
    say so, one line each, and name the sheets read.
    """
    blocks: list[Block] = []
    notes: list[str] = []
    read: list[str] = []
    for sheet in sheets:
        if isinstance(sheet, Skipped):
            notes.append(f"sheet {sheet.name} {sheet.reason}")
            continue
        name = sheet.name or ""
        found = sheet_blocks(sheet)
        if not found:
            notes.append(f"sheet {name} is empty: skipped")
            continue
        read.append(name)
        blocks.extend(found)
        notes.extend(_sheet_notes(sheet, name))
    if not blocks:
        raise ParseError("the workbook is empty: no sheet has a filled cell")
    notes.insert(0, f"sheets read: {', '.join(read)}")
    return Document(blocks=tuple(blocks), source_format=source_format, notes=tuple(notes))


def _sheet_notes(sheet: SheetGrid, name: str) -> list[str]:
    notes = []
    if sheet.hidden:
        notes.append(f"sheet {name} is hidden: read anyway")
    filled = [pos for pos, text in sheet.cells.items() if text.strip()]
    rows = sorted({r for r, _ in filled if r in sheet.hidden_rows})
    if rows:
        word = "row" if len(rows) == 1 else "rows"
        verb = "is" if len(rows) == 1 else "are"
        notes.append(f"sheet {name}: {word} {_ranges(rows, _row_name)} {verb} hidden: read anyway")
    cols = sorted({c for _, c in filled if c in sheet.hidden_cols})
    if cols:
        word = "column" if len(cols) == 1 else "columns"
        verb = "is" if len(cols) == 1 else "are"
        notes.append(
            f"sheet {name}: {word} {_ranges(cols, column_name)} {verb} hidden: read anyway"
        )
    if sheet.unsaved_formulas:
        count = len(sheet.unsaved_formulas)
        where = ", ".join(f"{column_name(c)}{r + 1}" for r, c in sorted(sheet.unsaved_formulas)[:5])
        more = ", …" if count > 5 else ""
        what = "formula has" if count == 1 else "formulas have"
        notes.append(
            f"sheet {name}: {count} {what} no saved result ({where}{more}), read as empty: "
            "open and save the file in a spreadsheet program"
        )
    return notes


def _ranges(indexes: list[int], label: Callable[[int], str]) -> str:
    """`5-7, 12` for the sorted 0-based indexes [4, 5, 6, 11], each end written by `label`."""
    parts: list[str] = []
    start = prev = indexes[0]
    for index in [*indexes[1:], None]:
        if index is not None and index == prev + 1:
            prev = index
            continue
        parts.append(label(start) if start == prev else f"{label(start)}-{label(prev)}")
        if index is not None:
            start = prev = index
    return ", ".join(parts)


def _row_name(row: int) -> str:
    return str(row + 1)


def column_name(col: int) -> str:
    """`A` for 0, `AB` for 27: a column as the spreadsheet labels it."""
    out = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


@dataclass(slots=True)
class _Rect:
    top: int
    left: int
    bottom: int
    right: int

    @property
    def width(self) -> int:
        return self.right - self.left + 1


def sheet_blocks(grid: SheetGrid, first_table: int = 1) -> list[Block]:
    """The sheet's paragraphs and tables in reading order (top to bottom, then left to right);
    tables are numbered from `first_table`."""
    return _Blocks(grid).build(first_table)


class _Blocks:
    def __init__(self, grid: SheetGrid) -> None:
        self.grid = grid
        self.text = grid.cells
        self.anchor_of: dict[tuple[int, int], Merge] = {}  # every position a merge covers
        self.merge_at: dict[tuple[int, int], Merge] = {}  # a merge's top-left position
        self.rows: dict[int, list[int]] = {}  # row -> occupied columns
        self.first_row = 0  # the sheet's first printed row
        self._index(grid)

    def _index(self, grid: SheetGrid) -> None:
        occupied = {pos for pos, text in grid.cells.items() if text.strip()}
        if not occupied:
            return
        # Merges are clipped to the printed area: a merge over a whole column costs nothing.
        last_row = max(r for r, _ in occupied)
        last_col = max(c for _, c in occupied)
        budget = MAX_TABLE_CELLS
        for top, left, bottom, right in grid.merges:
            bottom, right = min(bottom, last_row), min(right, last_col)
            if bottom < top or right < left or (bottom, right) == (top, left):
                continue
            if (top, left) in self.merge_at or (top, left) in self.anchor_of:
                continue  # overlapping merges: a damaged file; the first one wins
            budget -= (bottom - top + 1) * (right - left + 1)
            if budget < 0:
                raise ParseError(f"{_where(grid)}has more merged cells than can be read")
            merge = (top, left, bottom, right)
            self.merge_at[(top, left)] = merge
            filled = (top, left) in occupied
            for r in range(top, bottom + 1):
                for c in range(left, right + 1):
                    self.anchor_of.setdefault((r, c), merge)
                    if filled:
                        occupied.add((r, c))
                    elif (r, c) != (top, left):
                        occupied.discard((r, c))  # hidden under the merge: not printed
        self.first_row = min(r for r, _ in occupied)
        for r, c in occupied:
            self.rows.setdefault(r, []).append(c)
        for cols in self.rows.values():
            cols.sort()

    # --- regions ------------------------------------------------------------------------

    def regions(self) -> list[_Rect]:
        """Rectangles grown from each unvisited occupied cell until nothing outside touches."""
        spans: dict[int, list[tuple[int, int]]] = {}  # row -> column spans of regions found
        out: list[_Rect] = []
        for r in sorted(self.rows):
            for c in self.rows[r]:
                if any(left <= c <= right for left, right in spans.get(r, ())):
                    continue
                rect = self._grow(_Rect(r, c, r, c))
                for rr in range(rect.top, rect.bottom + 1):
                    spans.setdefault(rr, []).append((rect.left, rect.right))
                out.append(rect)
                if len(out) > MAX_REGIONS:
                    raise ParseError(f"{_where(self.grid)}has too many separate blocks of cells")
        out.sort(key=lambda rect: (rect.top, rect.left))
        return _absorb(out)

    def _cols_in(self, row: int, left: int, right: int) -> list[int]:
        return [c for c in self.rows.get(row, ()) if left <= c <= right]

    def _touches(self, row: int, left: int, right: int) -> bool:
        return any(left <= c <= right for c in self.rows.get(row, ()))

    def _grow(self, rect: _Rect) -> _Rect:
        """Extends `rect` while an occupied cell touches it (diagonals included)."""
        changed = True
        while changed:
            changed = False
            while self._touches(rect.bottom + 1, rect.left - 1, rect.right + 1):
                rect.bottom += 1
                changed = True
            while rect.top > 0 and self._touches(rect.top - 1, rect.left - 1, rect.right + 1):
                rect.top -= 1
                changed = True
            for r in range(rect.top, rect.bottom + 1):
                cols = self.rows.get(r)
                if not cols or (rect.left <= cols[0] and cols[-1] <= rect.right):
                    continue
                for c in cols:  # ascending: a run of touching cells extends the right edge
                    if rect.right < c <= rect.right + 1:
                        rect.right = c
                        changed = True
                for c in reversed(cols):
                    if rect.left - 1 <= c < rect.left:
                        rect.left = c
                        changed = True
        return rect

    # --- blocks -------------------------------------------------------------------------

    def build(self, first_table: int) -> list[Block]:
        items: list[tuple[int, int, Block | _Rect]] = []
        # Joining can reach over a small region beside the lower table: absorb it again.
        for rect in _absorb(self._joined(self.regions())):
            for row, col, para in self._peel(rect):
                items.append((row, col, para))
            if rect.bottom < rect.top:
                continue
            anchors = [
                (r, c) for r in range(rect.top, rect.bottom + 1) for c in self._starts(r, rect)
            ]
            if len(anchors) == 1:
                r, c = anchors[0]
                items.extend((r, c, p) for p in self._paragraphs(r, c))
            else:
                items.append((rect.top, rect.left, rect))
        items.sort(key=lambda item: (item[0], item[1]))
        blocks: list[Block] = []
        number = first_table
        for _, _, item in items:
            if isinstance(item, _Rect):
                blocks.append(self._table(item, number))
                number += 1
            else:
                blocks.append(item)
        return blocks

    def _starts(self, row: int, rect: _Rect) -> list[int]:
        """Columns of `row` where a printed cell starts (a merge's top-left, or a plain cell)."""
        out = []
        for c in self._cols_in(row, rect.left, rect.right):
            merge = self.anchor_of.get((row, c))
            if merge is None or (merge[0], merge[1]) == (row, c):
                out.append(c)
        return out

    def _peel(self, rect: _Rect) -> list[tuple[int, int, Paragraph]]:
        """Leading rows of lone cells above a table, as paragraphs; `rect` shrinks past them."""
        out: list[tuple[int, int, Paragraph]] = []
        while rect.top < rect.bottom:
            starts = self._starts(rect.top, rect)
            if not starts or not self._lone_cells(rect.top, starts, rect):
                break
            if self._caption(rect.top, starts, rect):
                break
            for c in starts:
                out.extend((rect.top, c, p) for p in self._paragraphs(rect.top, c))
            rect.top += 1
            self._shrink(rect)
        return out

    def _caption(self, row: int, starts: list[int], rect: _Rect) -> bool:
        """A cell merged across the whole table right above a row of several cells, below other
        printed rows of the sheet (`长期绩效指标` over one of twin grids): the table's caption
        row, kept in the table as a Word table keeps it. At the top of the sheet such a row is
        the sheet's title, a paragraph."""
        if len(starts) != 1 or row == self.first_row:
            return False
        merge = self.anchor_of.get((row, starts[0]))
        if merge is None or merge[1] > rect.left or merge[3] < rect.right:
            return False
        return len(self._starts(row + 1, rect)) >= 2

    def _lone_cells(self, row: int, starts: list[int], rect: _Rect) -> bool:
        """Each cell stands alone in its row: none touches the next, none is merged down, and
        no empty merged cell (a form's value box) sits in the row."""
        ends = []
        for c in starts:
            merge = self.anchor_of.get((row, c))
            if merge is not None and merge[2] > row:
                return False
            ends.append((c, c if merge is None else merge[3]))
        if any(nxt[0] <= end + 1 for (_, end), nxt in pairwise(ends)):
            return False
        return not any(
            (row, c) in self.merge_at and not self.text.get((row, c), "").strip()
            for c in range(rect.left, rect.right + 1)
        )

    def _shrink(self, rect: _Rect) -> None:
        """The rectangle tightened around the occupied cells left in it."""
        lefts, rights, rows = [], [], []
        for r in range(rect.top, rect.bottom + 1):
            cols = self.rows.get(r)
            if not cols:
                continue
            inside = [c for c in cols if rect.left <= c <= rect.right]
            if inside:
                rows.append(r)
                lefts.append(inside[0])
                rights.append(inside[-1])
        if not rows:
            rect.bottom = rect.top - 1
            return
        rect.top, rect.bottom = rows[0], rows[-1]
        rect.left, rect.right = min(lefts), max(rights)

    def _joined(self, rects: list[_Rect]) -> list[_Rect]:
        """Tables one blank row apart whose columns line up are one table."""
        out: list[_Rect] = []
        for rect in rects:
            above = next((o for o in reversed(out) if _lines_up(o, rect, self)), None)
            if above is not None:
                above.bottom = rect.bottom
                above.left, above.right = min(above.left, rect.left), max(above.right, rect.right)
            else:
                out.append(rect)
        return out

    def _paragraphs(self, row: int, col: int) -> list[Paragraph]:
        location = self._location(row)
        lines = self.text.get((row, col), "").split("\n")
        return [Paragraph(text=line.strip(), location=location) for line in lines if line.strip()]

    def _location(self, row: int, **where: int) -> Location:
        line = self.grid.lines.get(row) if self.grid.lines is not None else None
        return Location(sheet=self.grid.name, row=row + 1, line=line, **where)

    def _table(self, rect: _Rect, number: int) -> Table:
        n_rows, n_cols = rect.bottom - rect.top + 1, rect.width
        if n_rows * n_cols > MAX_TABLE_CELLS:
            raise ParseError(
                f"{_where(self.grid)}has a table of {n_rows} x {n_cols} cells, too large to read"
            )
        cells: list[Cell] = []
        text, anchor_of, name = self.text, self.anchor_of, self.grid.name
        lines = self.grid.lines or {}
        top, left, bottom, right = rect.top, rect.left, rect.bottom, rect.right
        for r in range(top, bottom + 1):
            line = lines.get(r)
            for c in range(left, right + 1):
                row_span = col_span = 1
                pos = (r, c)
                value = text.get(pos, "")
                merge = anchor_of.get(pos)
                if merge is not None:
                    if merge[0] == r and merge[1] == c:
                        row_span = min(merge[2], bottom) - r + 1
                        col_span = min(merge[3], right) - c + 1
                    elif merge[0] >= top and merge[1] >= left:
                        continue  # covered by a merge that starts in this table
                    else:
                        value = ""  # under a merge from outside the table: not printed
                # Positional construction: this loop makes every cell of every sheet.
                location = Location(None, name, number, r + 1, c + 1, line)
                if "\n" in value:
                    cell = Cell.from_paragraphs(
                        value.split("\n"),
                        r - top,
                        c - left,
                        row_span=row_span,
                        col_span=col_span,
                        location=location,
                    )
                elif value.strip():
                    cell = Cell(value, r - top, c - left, row_span, col_span, (value,), location)
                else:  # what Cell.from_paragraphs(()) makes, without the call
                    cell = Cell("", r - top, c - left, row_span, col_span, (), location)
                cells.append(cell)
        return Table(
            cells=tuple(cells),
            n_rows=n_rows,
            n_cols=n_cols,
            location=Location(sheet=name, table=number, line=lines.get(top)),
        )


def _absorb(rects: list[_Rect]) -> list[_Rect]:
    """Rectangles that overlap become one (a region grown around another's corner).

    `rects` come sorted by top row; only rectangles still open at a row can overlap one
    starting there, so the sweep stays near linear on real sheets.
    """
    merged = True
    while merged:
        merged = False
        out: list[_Rect] = []
        open_rects: list[_Rect] = []
        for rect in rects:
            open_rects = [o for o in open_rects if o.bottom >= rect.top]
            for other in open_rects:
                if rect.left <= other.right and other.left <= rect.right:
                    other.left = min(other.left, rect.left)
                    other.bottom = max(other.bottom, rect.bottom)
                    other.right = max(other.right, rect.right)
                    merged = True
                    break
            else:
                out.append(rect)
                open_rects.append(rect)
        rects = sorted(out, key=lambda rect: (rect.top, rect.left))
    return rects


def _lines_up(above: _Rect, below: _Rect, blocks: _Blocks) -> bool:
    """`below` continues `above` across blank rows: both are tables (two columns or more),
    at most `_JOIN_GAP` blank rows apart, starting in the same column, `below` no wider."""
    gap = below.top - above.bottom - 1
    if not 1 <= gap <= _JOIN_GAP or above.width < 2 or below.width < 2:
        return False
    if below.left != above.left or below.right > above.right:
        return False
    return (
        len(blocks._starts(below.top, below)) >= 2 and len(blocks._starts(above.bottom, above)) >= 2
    )


def _where(grid: SheetGrid) -> str:
    return f"sheet {grid.name} " if grid.name is not None else "the file "
