"""Part two's stream of paragraphs and rows, cut into units: one candidate project each.

A unit starts at a title (a paragraph, or a table row spanning the table, that ends like a
template's title), on a workbook's next sheet, or at a row naming a project (项目编码 /
项目名称) once the unit already has an indicator grid or already named its project, or at a
unit-level `label：value` paragraph after a grid (`填报单位：…` above the next form). Which
template reads a unit, if any, is the chooser's decision; cutting is the same for all of
them, so it uses every template's markers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

from extract.model import Paragraph
from extract.normalizers.rows import Event, Row
from extract.normalizers.text import clean_text
from extract.recognize.labels import GridLabels, HeaderIndex
from extract.templates import Template, Vocabulary

# Fields whose label starts a project, and fields a form states once per project.
START_FIELDS = ("project_code", "project_name")
UNIT_FIELDS = ("project_code", "project_name", "unit_name", "department_name")


@dataclass(slots=True)
class Unit:
    title: str | None = None
    position: int = 0  # index of the block the unit starts in
    sheet: str | None = None  # the workbook sheet of its rows
    events: list[Event] = field(default_factory=list)
    has_grid: bool = False
    header_texts: tuple[str, ...] = ()  # the last grid header row, to see it repeated
    named: set[str] = field(default_factory=set)  # start fields seen
    # Paragraphs after the unit's last row: they belong to it only if more of its rows follow
    # (a `长期绩效指标` line between twin grids); else to the next unit (`填报单位：…` above the
    # next form), or to nothing (the prose after a table).
    pending: list[Event] = field(default_factory=list)
    # Per row (by id): its non-empty cell texts, cleaned, and whether it is a grid header.
    row_texts: dict[int, tuple[list[str], bool]] = field(default_factory=dict)

    @property
    def has_rows(self) -> bool:
        return any(isinstance(e, Row) for e in self.events)


def title_pattern(suffixes: Iterable[str]) -> regex.Pattern[str]:
    """A heading ending in one of `suffixes`, optionally followed by a parenthetical."""
    words = "|".join(regex.escape(s) for s in sorted(set(suffixes), key=len, reverse=True))
    return regex.compile(rf"(?:{words})\s*(?:[（(][^（）()]*[）)])?\s*$")


class Segmenter:
    def __init__(self, templates: Sequence[Template], words: Vocabulary, grid: GridLabels) -> None:
        forms = [t for t in templates if t.engine in ("form", "sheet")]
        self.title = title_pattern(s for t in forms for s in t.title_suffixes)
        self._starts = HeaderIndex((words.fields[f] for f in UNIT_FIELDS), words)
        self._grid = grid
        self._min_labels = words.grid.min_labels

    def clear(self) -> None:
        self._starts.clear()

    def is_title(self, text: str) -> bool:
        return len(text) <= 80 and bool(self.title.search(text))

    def units(self, events: Iterable[tuple[int, Event]]) -> list[Unit]:
        """Units in reading order; `events` are (block index, event) pairs."""
        units = [Unit()]
        for position, event in events:
            current = units[-1]
            if not current.events and current.title is None:
                current.position = position
            if isinstance(event, Paragraph):
                self._paragraph(units, current, event)
            elif any(c.text.strip() for c in event.cells):
                self._row(units, current, event)
            if units[-1] is not current:
                units[-1].position = position
                units[-1].events[:0] = current.pending
                current.pending = []
        return [u for u in units if u.has_rows]

    def _paragraph(self, units: list[Unit], current: Unit, para: Paragraph) -> None:
        text = clean_text(para.text) or ""
        if not text:
            return
        if self.is_title(text):
            if current.has_rows or current.title is not None:
                units.append(Unit(title=text))
            else:
                current.title = text
            return
        if current.has_grid:
            hit = self._starts.inline(text)
            if hit is not None and hit.field.name in UNIT_FIELDS:
                units.append(Unit(events=[para]))
                return
        (current.pending if current.has_rows else current.events).append(para)

    def _row(self, units: list[Unit], current: Unit, row: Row) -> None:
        texts = [t for t in (clean_text(c.text) for c in row.cells) if t]
        sheet = row.table.location.sheet
        if current.has_rows and sheet != current.sheet:
            current = Unit(sheet=sheet)  # a workbook's next sheet is never the same form
            units.append(current)
        current.sheet = sheet
        if len(texts) == 1 and self.is_title(texts[0]) and _spans_table(row):
            if current.has_rows or current.title is not None:
                current = Unit(title=texts[0], sheet=sheet)
                units.append(current)
            else:
                current.title = texts[0]
            current.events.append(row)
            current.row_texts[id(row)] = (texts, False)
            return
        header = self.is_grid_header(texts)
        row_info = (texts, header)
        named = {
            hit.field.name
            for t in texts
            if (hit := self._starts.match(t) or self._starts.inline(t)) is not None
            and hit.field.name in START_FIELDS
        }
        repeated = header and tuple(texts) == current.header_texts
        if named and not repeated and (current.has_grid or named & current.named):
            current = Unit(sheet=sheet)
            units.append(current)
        else:
            current.events += current.pending
            current.pending = []
        current.named |= named
        current.row_texts[id(row)] = row_info
        if header:
            current.has_grid = True
            current.header_texts = tuple(texts)
        current.events.append(row)

    def is_grid_header(self, texts: list[str]) -> bool:
        columns = {c.field for t in texts if (c := self._grid.column(t)) is not None}
        return len(columns) >= self._min_labels and "value" in columns


def _spans_table(row: Row) -> bool:
    """A row whose one filled cell covers most of the table's width, or starts it (a
    spreadsheet title typed in the first cell without a merge): a title row."""
    filled = [c for c in row.cells if c.text.strip()]
    if len(filled) != 1:
        return False
    cell = filled[0]
    return cell.col_span * 2 >= row.table.n_cols or len(row.cells) == 1 or cell.col == 0
