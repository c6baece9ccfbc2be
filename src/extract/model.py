"""The intermediate document model every parser emits and every normalizer reads.

Parsers know file formats and nothing of budgets; normalizers know budgets and nothing of file
formats. This module is the only thing they share, so a new input format is one new parser.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TypeVar, dataclass_transform

_T = TypeVar("_T")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[_T]) -> type[_T]:
    """A dataclass frozen to the type checker (mypy refuses an assignment to a field) but
    plain at run time, slotted, hashed and compared as a frozen one is.

    A frozen dataclass sets every field through `object.__setattr__`, which makes it five
    times slower to build; every cell of every table, its location and its row are built
    this way, and building them was a fifth of reading a Tika text. Change one with
    `dataclasses.replace`, as a frozen one.
    """
    return dataclass(slots=True, unsafe_hash=True)(cls)


@record
class Location:
    """Where a block, row or cell sits in its source. All indexes are 1-based."""

    page: int | None = None
    sheet: str | None = None  # a workbook's sheet name
    table: int | None = None
    row: int | None = None
    col: int | None = None
    line: int | None = None

    def describe(self) -> str:
        """Human form used in datasets: `page 3`, `table 2, row 5`, `line 26`,
        `sheet 部门项目支出绩效目标05-2, row 4`."""
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.sheet is not None:
            parts.append(f"sheet {self.sheet}")
        if self.table is not None:
            parts.append(f"table {self.table}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.col is not None:
            parts.append(f"col {self.col}")
        if self.line is not None and not parts:
            parts.append(f"line {self.line}")
        return ", ".join(parts)


@record
class Paragraph:
    """A paragraph outside tables, in reading order.

    `heading_level` is set only when the source says so (Word outline level/heading style);
    text sources leave it None and normalizers find headings by their wording.
    """

    text: str
    heading_level: int | None = None
    bookmarks: tuple[str, ...] = ()
    location: Location = field(default_factory=Location)
    confidence: float | None = None  # OCR: the least confident character's; None when printed


@record
class Cell:
    """One cell of a table grid; a merged cell appears once, at its top-left grid position.

    `row`/`col` are 0-based grid coordinates. `paragraphs` holds the cell's paragraphs as the
    source gave them (possibly with empty ones); `text` is them joined by newlines with
    leading/trailing empty paragraphs dropped. `tables` holds tables nested inside the cell.
    `confidence` is set when the text was recognised from an image (OCR): the recognition
    confidence (0-1) of its least certain character; None for text read from the file.
    """

    text: str
    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    paragraphs: tuple[str, ...] = ()
    location: Location = field(default_factory=Location)
    tables: tuple[Table, ...] = ()
    confidence: float | None = None

    @staticmethod
    def from_paragraphs(
        paragraphs: tuple[str, ...] | list[str],
        row: int,
        col: int,
        *,
        row_span: int = 1,
        col_span: int = 1,
        location: Location | None = None,
        tables: tuple[Table, ...] = (),
        confidence: float | None = None,
    ) -> Cell:
        paras = tuple(paragraphs)
        if len(paras) == 1:  # most cells: one paragraph, kept unless blank
            text = paras[0] if paras[0].strip() else ""
        else:
            lo, hi = 0, len(paras)
            while lo < hi and not paras[lo].strip():
                lo += 1
            while hi > lo and not paras[hi - 1].strip():
                hi -= 1
            text = "\n".join(paras[lo:hi])
        # Positional: every cell of every table is made here (half the time of keywords).
        where = location if location is not None else Location()
        return Cell(text, row, col, row_span, col_span, paras, where, tables, confidence)


@record
class Table:
    """A table as a grid of cells; `n_rows`/`n_cols` are the grid's size after spans."""

    cells: tuple[Cell, ...]
    n_rows: int
    n_cols: int
    location: Location = field(default_factory=Location)

    def rows(self) -> list[list[Cell]]:
        """Cells grouped by the grid row they start in, each row sorted by column.

        Rows covered entirely by vertical merges from above come back as empty lists, so
        `rows()[i]` is always grid row i.
        """
        out: list[list[Cell]] = [[] for _ in range(self.n_rows)]
        for cell in self.cells:
            out[cell.row].append(cell)
        for r in out:
            r.sort(key=lambda c: c.col)
        return out

    def cell_at(self, row: int, col: int) -> Cell | None:
        """The cell covering grid position (row, col), following spans."""
        for cell in self.cells:
            if (
                cell.row <= row < cell.row + cell.row_span
                and cell.col <= col < cell.col + cell.col_span
            ):
                return cell
        return None

    def iter_tables(self) -> Iterator[Table]:
        """This table and every table nested in its cells, depth first."""
        yield self
        for cell in self.cells:
            for inner in cell.tables:
                yield from inner.iter_tables()


Block = Paragraph | Table


@record
class Document:
    """A parsed input file: blocks in reading order plus what the parser learned on the way.

    `notes` are recoverable oddities the parser wants reported (become `issues` rows);
    `encoding` is set by text parsers to the encoding they decoded with. `unread` names parts
    of the file that could not be read (a damaged or scanned page): what they held is missing,
    so the document can only be `partial`. `n_pages_parsed` is how many of a PDF's pages were
    read in full (table parsing by pdfplumber); the others held no target material and were
    read faster (see `parsers.pdf_parser`). `ocr_pages` is how many pages were read by OCR
    (scanned pages without a text layer), None when the format has no pages.
    """

    blocks: tuple[Block, ...]
    source_format: str
    encoding: str | None = None
    notes: tuple[str, ...] = ()
    n_pages: int | None = None
    unread: tuple[str, ...] = ()
    n_pages_parsed: int | None = None
    ocr_pages: int | None = None

    def paragraphs(self) -> Iterator[Paragraph]:
        for block in self.blocks:
            if isinstance(block, Paragraph):
                yield block

    def tables(self) -> Iterator[Table]:
        for block in self.blocks:
            if isinstance(block, Table):
                yield block


class ParseError(Exception):
    """The file cannot be read at all; the message is the one-line reason a user sees."""
