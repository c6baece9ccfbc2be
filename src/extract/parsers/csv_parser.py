"""CSV and TSV files (a sheet saved as text) to the intermediate model.

Such files come from Excel's `Save as CSV` on a Chinese Windows machine (GB18030), from
`Unicode Text` (UTF-16, tab separated), from budget systems' exports (UTF-8, often with a BOM)
and from European tools (semicolons). The text is decoded as every text file is
(`encoding.decode_text`: an undecidable encoding is an error, never mojibake), the separator
is the one that splits the most records into the same number of fields, and the records then
form one sheet that `sheet_blocks` cuts like any other: title lines above the header become
paragraphs, the rest a table.
"""

from __future__ import annotations

import csv
import io
from collections import Counter

from extract.model import Document, ParseError
from extract.parsers.encoding import decode_text
from extract.parsers.sheet_blocks import SheetGrid, sheet_blocks
from extract.parsers.tika_text import BLANK

__all__ = ["parse_csv"]

_DELIMITERS = {"\t": "tab", ",": "comma", ";": "semicolon"}
_SAMPLE_RECORDS = 200  # records the separator is decided on
NO_FIELDS = "the file has no filled field, only separators"


def parse_csv(data: bytes) -> Document:
    """A Document from CSV bytes; only ParseError (undecodable, blank, damaged) can escape."""
    text, encoding = decode_text(data)
    if not text.strip():
        raise ParseError(BLANK)
    delimiter = _delimiter(text)
    grid = SheetGrid(name=None, cells={}, lines={})
    try:
        _read(text, delimiter, grid)
    except csv.Error as exc:
        raise ParseError(f"not a valid CSV file: {exc}") from exc
    blocks = sheet_blocks(grid)
    if not blocks:
        raise ParseError(NO_FIELDS)
    return Document(
        blocks=tuple(blocks),
        source_format="csv",
        encoding=encoding,
        notes=(f"read as CSV separated by {_DELIMITERS[delimiter]}",),
    )


def _read(text: str, delimiter: str, grid: SheetGrid) -> None:
    """Records into the grid; `lines` keeps the line each record starts on (a quoted field
    may hold line breaks, so records and lines part ways)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    lines = grid.lines if grid.lines is not None else {}
    cells = grid.cells
    start = 1
    for r, fields in enumerate(reader):
        lines[r] = start
        start = reader.line_num + 1
        for c, field in enumerate(fields):
            value = _unwrap(field)
            if value.strip():
                cells[(r, c)] = value


def _unwrap(field: str) -> str:
    """`="00123"`, the way Excel is told to keep a code as text, is the text `00123`."""
    if field.startswith('="') and field.endswith('"') and len(field) >= 3:
        return field[2:-1]
    return field


def _delimiter(text: str) -> str:
    """The separator under which most sample records have the same field count (two or more);
    more fields break ties, then the order tab, comma, semicolon."""
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        counts: Counter[int] = Counter()
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
        try:
            for i, fields in enumerate(reader):
                if i >= _SAMPLE_RECORDS:
                    break
                if len(fields) > 1:
                    counts[len(fields)] += 1
        except csv.Error:
            continue
        if not counts:
            continue
        width, agreeing = counts.most_common(1)[0]
        score = (agreeing, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best
