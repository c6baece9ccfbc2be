"""The sheet engine: many projects stacked in one table, one row per indicator.

The header row holds the project's own columns (单位名称, 项目名称, 预算数, 年度目标 …) beside the
indicator columns. A project's cells are printed on its first row only, merged or left blank
below, so a project starts where its name cell starts; a unit likewise. A row that names only a
unit-like code and an amount, no project and no indicator, is a department subtotal: it names
the department of the units below it and is no project.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.model import Cell, Paragraph
from extract.normalizers.numbers import amount_unit
from extract.normalizers.rows import CellIndex, Event, Row
from extract.normalizers.text import clean_text, split_numbered
from extract.recognize.grid import GridHeader, GridReader, find_header
from extract.recognize.labels import GridLabels, HeaderIndex
from extract.recognize.records import AmountText, Goal, Project
from extract.templates import Template, Vocabulary


@dataclass(slots=True)
class _Columns:
    project: dict[str, int] = field(default_factory=dict)  # field -> grid column
    units: dict[str, str | None] = field(default_factory=dict)  # amount field -> label unit


@dataclass(slots=True)
class SheetReader:
    template: Template
    words: Vocabulary
    header: HeaderIndex
    grid_labels: GridLabels
    cells: CellIndex

    def read(self, title: str | None, events: list[Event]) -> list[Project]:
        return _Sheet(self, title).run(events)


class _Sheet:
    def __init__(self, reader: SheetReader, title: str | None) -> None:
        self.r = reader
        self.title = title
        self.unit_line: str | None = None
        self.year_texts: list[str] = [title] if title else []
        self.projects: list[Project] = []
        self.grid_header: GridHeader | None = None
        self.columns = _Columns()
        self.grid: GridReader | None = None
        self.department: str | None = None
        self.unit: str | None = None
        self.starts: dict[str, int] = {}  # field -> id() of the cell the current value is in

    def run(self, events: list[Event]) -> list[Project]:
        for event in events:
            if isinstance(event, Paragraph):
                self._paragraph(event)
            elif any(c.text.strip() for c in event.cells):
                self._row(event)
        self._close()
        return self.projects

    def _paragraph(self, para: Paragraph) -> None:
        self._line(clean_text(para.text) or "")

    def _line(self, text: str) -> None:
        """Above the header: the title, the year, `金额单位：元`, `单位名称：…` lines."""
        hit = self.r.header.inline(text)
        if hit is not None and hit.value and hit.field.name in ("unit_name", "department_name"):
            if hit.field.name == "unit_name":
                self.unit = hit.value
            else:
                self.department = hit.value
            return
        unit = amount_unit(text)
        if unit is not None:
            self.unit_line = unit
        elif self.r.words.year_line.match(text):
            self.year_texts.append(text)
        elif not self.title and text:
            self.title = text
            self.year_texts.append(text)

    def _row(self, row: Row) -> None:
        header = find_header(row, self.r.cells, self.r.grid_labels, self.r.words.grid.min_labels)
        if header is not None:
            if self.grid_header is None or header.texts != self.grid_header.texts:
                self._set_header(row, header)
            return
        if self.grid_header is None:
            texts = [t for c in row.cells if (t := clean_text(c.text))]
            for text in texts:
                self._line(text)
            return
        self._data_row(row)

    def _set_header(self, row: Row, header: GridHeader) -> None:
        columns = _Columns()
        mapped = set()
        for col in range(row.table.n_cols):
            cell = self.r.cells.cell_at(row.table, row.index, col)
            text = clean_text(cell.text) if cell is not None else None
            hit = self.r.header.match(text) if text else None
            if hit is not None and hit.field.name not in columns.project:
                columns.project[hit.field.name] = col
                columns.units[hit.field.name] = hit.unit
                mapped.add(text)
        header.unmapped = [t for t in header.unmapped if t not in mapped]
        self.grid_header, self.columns = header, columns

    def _cell(self, row: Row, name: str) -> Cell | None:
        col = self.columns.project.get(name)
        if col is None:
            return None
        return self.r.cells.cell_at(row.table, row.index, col)

    def _data_row(self, row: Row) -> None:
        name_cell = self._cell(row, "project_name")
        unit_cell = self._cell(row, "unit_name")
        name = _text(name_cell, row)
        unit = _text(unit_cell, row)
        if unit is not None:
            self.unit = unit
        if name is None and not self._has_indicator(row):
            if unit is not None and name_cell is not None and not _text_any(name_cell):
                self.department, self.unit = unit, None  # a department subtotal row
            return
        if name is not None:
            self._start(row, name)
        if self.grid is not None:
            self.grid.add(row)
            self.projects[-1].n_rows += 1

    def _has_indicator(self, row: Row) -> bool:
        assert self.grid_header is not None
        for column in self.grid_header.columns:
            if column.field in ("level3", "value", "description"):
                cell = self.r.cells.cell_at(row.table, row.index, column.col)
                if cell is not None and cell.text.strip():
                    return True
        return False

    def _start(self, row: Row, name: str) -> None:
        self._close()
        assert self.grid_header is not None
        project = Project(template=self.r.template.family, title=self.title)
        project.location = row.location()
        project.sheet = row.table.location.sheet
        project.amount_unit_line = self.unit_line
        project.year_texts = list(self.year_texts)
        project.fields["project_name"] = name
        if self.unit:
            project.fields["unit_name"] = self.unit
        if self.department:
            project.fields["department_name"] = self.department
        for field_name in ("project_code", "budget_total", "goals_annual"):
            cell = self._cell(row, field_name)
            text = clean_text(cell.text) if cell is not None else None
            if not text or cell is None:
                continue
            if field_name == "budget_total":
                project.amounts.append(
                    AmountText(
                        "budget_total",
                        text,
                        "year",
                        self.columns.units.get(field_name),
                        cell.row,
                        cell.col,
                        id(row.table),
                    )
                )
            elif field_name == "goals_annual":
                project.goals.extend(Goal(g, "annual") for g in split_numbered(text))
            else:
                project.fields[field_name] = text
        project.has_grid = True
        self.projects.append(project)
        self.grid = GridReader(
            self.grid_header, self.r.cells, None, self.r.header, self.r.grid_labels
        )

    def _close(self) -> None:
        if self.grid is None or not self.projects:
            return
        project = self.projects[-1]
        project.indicators.extend(self.grid.finish())
        project.findings.extend(self.grid.findings)
        if self.grid.header.unmapped and len(self.projects) > 1:
            project.findings = [f for f in project.findings if f.code != "column_unmapped"]
        self.grid = None


def _text(cell: Cell | None, row: Row) -> str | None:
    """A cell's text on the row it starts in; a merged cell's lower rows give None."""
    if cell is None or cell.row != row.index:
        return None
    return clean_text(cell.text)


def _text_any(cell: Cell) -> bool:
    return bool(cell.text.strip())
