"""Apache Tika's plain-text rendering of a Word document, read back into tables.

Tika writes a TAB before each table cell, a newline after each paragraph, one more after each
table row and one more after each table. It keeps no spans, so merged cells just make short rows.
The one real ambiguity: an empty paragraph at the end of a cell prints as a blank line, exactly
like a row end. Only the table's column count can tell them apart, so that decision is made per
table from all of its rows and reported in the document's notes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from extract.model import Block, Cell, Document, Location, Paragraph, ParseError, Table
from extract.parsers.encoding import decode_text

_BOOKMARK = re.compile(r"\[bookmark: ([^\]]+)\]")
_BOOKMARK_MARK = "[bookmark: "
# Row end + table end print two blank lines; a third can only be a paragraph between tables.
_TABLE_GAP = 3
# A row width seen this often in one table is a grid's: short chunks among such rows are split.
_RECURRING = 3


@dataclass(slots=True)
class _CellDraft:
    line: int
    paragraphs: list[str]
    opens_table: bool = False  # a second TAB: the first cell of a table nested in a cell


@dataclass(slots=True)
class _Chunk:
    """TAB lines between single blank lines: a row, or part of one if a cell hid a blank line.

    `blanks_after` counts the blank lines before the table's next chunk (1 or 2).
    """

    cells: list[_CellDraft] = field(default_factory=list)
    blanks_after: int = 0


@dataclass(slots=True)
class _TableDraft:
    line: int
    chunks: list[_Chunk]


BLANK = "the file has no text, only spaces and blank lines"


def parse_tika_text(data: bytes) -> Document:
    """A Document from Tika text bytes; only ParseError (undecodable or blank) can escape."""
    text, encoding = decode_text(data)
    if not text.strip():
        raise ParseError(BLANK)
    blocks: list[Block] = []
    notes: list[str] = []
    n_tables = 0
    for item in _scan(text.split("\n")):
        if isinstance(item, _TableDraft):
            n_tables += 1
            blocks.append(_build_table(item, n_tables, notes))
        else:
            blocks.append(item)
    return Document(
        blocks=tuple(blocks), source_format="txt", encoding=encoding, notes=tuple(notes)
    )


def _scan(lines: list[str]) -> list[Paragraph | _TableDraft]:
    """Paragraphs and table drafts in reading order: only a leading TAB ever opens a table."""
    out: list[Paragraph | _TableDraft] = []
    i = 0
    while i < len(lines):
        if lines[i].startswith("\t"):
            table, i = _read_table(lines, i)
            out.append(table)
            continue
        paragraph = _paragraph(lines[i], i + 1)
        if paragraph is not None:
            out.append(paragraph)
        i += 1
    return out


def _paragraph(line: str, line_no: int) -> Paragraph | None:
    text, bookmarks = _split_bookmarks(line)
    text = text.strip()
    if not text:
        return None
    return Paragraph(text=text, bookmarks=bookmarks, location=Location(line=line_no))


def _split_bookmarks(line: str) -> tuple[str, tuple[str, ...]]:
    if _BOOKMARK_MARK not in line:
        return line, ()
    return _BOOKMARK.sub("", line), tuple(_BOOKMARK.findall(line))


def _is_blank(line: str) -> bool:
    """Blank as Tika's separators are; a lone TAB is an empty cell, not a blank line."""
    return not line.startswith("\t") and not line.strip()


def _read_table(lines: list[str], start: int) -> tuple[_TableDraft, int]:
    """The table starting at `start` (a TAB line) and the index of the first line after it.

    Inside a table a line without a leading TAB is a further paragraph of the current cell;
    after exactly one blank line too, since a table end always adds a second blank line.
    """
    cell = _new_cell(lines[start], start)
    chunks = [_Chunk(cells=[cell])]
    i, n = start + 1, len(lines)
    while i < n:
        line = lines[i]
        if line.startswith("\t"):
            cell = _new_cell(line, i)
            chunks[-1].cells.append(cell)
            i += 1
            continue
        if not _is_blank(line):
            cell.paragraphs.append(_split_bookmarks(line)[0])
            i += 1
            continue
        j = i
        while j < n and _is_blank(lines[j]):
            j += 1
        blanks = j - i
        if j == n or blanks >= _TABLE_GAP:
            return _TableDraft(start + 1, chunks), j
        if lines[j].startswith("\t"):
            chunks[-1].blanks_after = blanks
            chunks.append(_Chunk())
            i = j
        elif blanks == 1:
            cell.paragraphs += ["", _split_bookmarks(lines[j])[0]]
            i = j + 1
        else:  # two blank lines then text: row end, table end, paragraph
            return _TableDraft(start + 1, chunks), j
    return _TableDraft(start + 1, chunks), n


def _new_cell(line: str, index: int) -> _CellDraft:
    nested = line.startswith("\t\t")
    text = _split_bookmarks(line[2:] if nested else line[1:])[0]
    return _CellDraft(line=index + 1, paragraphs=[text], opens_table=nested)


def _build_table(draft: _TableDraft, number: int, notes: list[str]) -> Table:
    """A table; a table nested in its last cell (Tika marks it with a second TAB) becomes that
    cell's table, its rows grouped on their own, so their regularity is the grid's own."""
    outer, beside, nested = _split_nested(draft.chunks)
    rows = _group_rows(outer, number, notes) if outer else []
    holder: _CellDraft | None = None
    inner: tuple[Table, ...] = ()
    if nested:
        inner = (_build_table(_TableDraft(nested[0].cells[0].line, nested), number + 1, notes),)
        holder = _CellDraft(line=nested[0].cells[0].line, paragraphs=[])
        if beside and rows:
            rows[-1].append(holder)
        else:
            rows.append([holder])
    cells = tuple(
        Cell.from_paragraphs(
            cell.paragraphs,
            row=r,
            col=c,
            location=Location(table=number, row=r + 1, col=c + 1, line=cell.line),
            tables=inner if cell is holder else (),
        )
        for r, row in enumerate(rows)
        for c, cell in enumerate(row)
    )
    return Table(
        cells=cells,
        n_rows=len(rows),
        n_cols=max(len(row) for row in rows),
        location=Location(table=number, line=draft.line),
    )


def _split_nested(chunks: list[_Chunk]) -> tuple[list[_Chunk], bool, list[_Chunk]]:
    """(outer chunks, whether the nested table sits beside outer cells of its row, nested
    chunks): the nested table runs from its opening cell to the table's end; cells before the
    opening one in its chunk stay in the outer row (a label left of the nested grid)."""
    for k, chunk in enumerate(chunks):
        for m, cell in enumerate(chunk.cells):
            if cell.opens_table:
                cell.opens_table = False
                head = _Chunk(cells=chunk.cells[:m])
                tail = _Chunk(cells=chunk.cells[m:], blanks_after=chunk.blanks_after)
                outer = [*chunks[:k], head] if head.cells else chunks[:k]
                return outer, bool(head.cells), [tail, *chunks[k + 1 :]]
    return chunks, False, []


def _group_rows(chunks: list[_Chunk], table: int, notes: list[str]) -> list[list[_CellDraft]]:
    """Chunks into rows, joining chunks that a blank line inside a cell split off.

    A blank line ends a row, and ends a cell's last paragraph when that paragraph is empty:
    only the widths around tell the two apart. A run of short chunks adding up to exactly the
    width of the rows around it is one row: in a regular table (most chunks are full rows of n
    cells, n the largest), between full rows; in any table, after a row of a width that
    recurs (the indicator rows continuing a form's header rows in one table), when another
    row of that width (or the table's end) follows. Short rows next to other short rows are
    real, as in a form's header block of merged label cells above its grid.
    """
    sizes = [len(chunk.cells) for chunk in chunks]
    width = max(sizes)
    regular = width >= 2 and 2 * sizes.count(width) > len(sizes)
    recurring = {n for n, count in Counter(sizes).items() if count >= _RECURRING and n >= 2}
    rows: list[list[_CellDraft]] = []
    whole = _whole_from(sizes, width)
    i = 0
    whole_before = False  # after a full row or a joined run
    previous = 0  # cells of the row before
    while i < len(chunks):
        end = i + 1
        short = False
        # At the table start (a title row, a form's first label rows) only a run that a full
        # row follows is joined.
        if regular and sizes[i] < width and (whole_before or i == 0):
            short = True
            run = _row_end(sizes, i, width)
            follows = whole[run] if i else run == len(sizes) or sizes[run] == width
            end = run if run > i + 1 and follows else i + 1
        elif previous in recurring and sizes[i] < previous:
            run = _row_end(sizes, i, previous)
            if run > i + 1 and _whole_at(sizes, run, previous):
                end = run
        for chunk in chunks[i : end - 1]:  # their blank lines were empty paragraphs
            _pad(chunk, chunk.blanks_after)
        _pad(chunks[end - 1], chunks[end - 1].blanks_after - 1)
        rows.append([cell for chunk in chunks[i:end] for cell in chunk.cells])
        if end - i > 1:
            notes.append(_merge_note(table, len(rows), end - i - 1, len(rows[-1])))
        elif short:
            notes.append(f"table {table}, row {len(rows)}: {sizes[i]} of {width} cells")
        whole_before = end - i > 1 or sizes[i] == width
        previous = len(rows[-1])
        i = end
    return rows


def _whole_at(sizes: list[int], start: int, width: int) -> bool:
    """Whether the chunks from `start` begin with a row of `width` cells, runs adding up to
    it and then such a row, or nothing."""
    while start < len(sizes) and sizes[start] < width:
        run = _row_end(sizes, start, width)
        if run == start + 1:
            return False
        start = run
    return start == len(sizes) or sizes[start] == width


def _whole_from(sizes: list[int], width: int) -> list[bool]:
    """Per chunk index (and the end): whether the chunks from there begin with a full row, a
    joinable run, or nothing."""
    whole = [True] * (len(sizes) + 1)
    for start in range(len(sizes) - 1, -1, -1):
        if sizes[start] < width:
            run = _row_end(sizes, start, width)
            whole[start] = run > start + 1 and whole[run]
    return whole


def _row_end(sizes: list[int], start: int, width: int) -> int:
    """End of the chunk run from `start` that adds up to exactly `width` cells, else start + 1.

    A run never exceeds `width` chunks and full chunks are the majority, so this stays linear.
    """
    total, j = 0, start
    while j < len(sizes) and total < width:
        total += sizes[j]
        j += 1
    return j if total == width else start + 1


def _pad(chunk: _Chunk, count: int) -> None:
    if count > 0:
        chunk.cells[-1].paragraphs += [""] * count


def _merge_note(table: int, row: int, breaks: int, width: int) -> str:
    what = "blank line inside a cell" if breaks == 1 else f"{breaks} blank lines inside cells"
    return f"table {table}, row {row}: {what} (column count {width})"
