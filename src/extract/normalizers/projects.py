"""Part two: each project's header grid and indicator grid, read from the row stream.

Header rows are read by their labels (a label cell, then its value cell), never by grid
position, because templates merge and order those cells differently. Indicator rows are read
by the columns the indicator header row declared, looking through vertical merges, so a merged
一级指标 and a repeated one give the same rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from extract.model import Cell, Paragraph
from extract.normalizers import vocab
from extract.normalizers.findings import INFO, WARNING, Finding
from extract.normalizers.labels import match_label
from extract.normalizers.numbers import amount_unit
from extract.normalizers.rows import Event, GridIndex, Row
from extract.normalizers.text import clean_text, split_numbered, strip_numbering

_TITLE = regex.compile(
    r"(?:" + "|".join(regex.escape(s) for s in vocab.PROJECT_TITLE_SUFFIXES) + r")"
    r"\s*(?:[（(][^（）()]*[）)])?\s*$"
)
# `632001秦皇岛市北戴河区政府采购中心(本级)`, `单位名称：632001 某某局`
_UNIT = regex.compile(
    r"^(?:(?:预算)?(?:单位|部门)(?:名称)?\s*[:：]\s*)?(?P<code>\d{3,12})\s*(?P<name>\D.*)$", regex.S
)
_LABELLED = regex.compile(r"^(?P<label>[^：:]{2,12})[：:](?P<value>.+)$", regex.S)
_INDICATOR_MIN_LABELS = 3


@dataclass(slots=True)
class IndicatorDraft:
    level1: str | None
    level2: str | None
    level3: str | None
    description: str | None
    value_raw: str | None
    basis: str | None
    location: str


@dataclass(slots=True)
class ProjectDraft:
    """One project as read, before numbers are converted; fields hold cleaned text."""

    title: str | None
    location: str | None = None
    unit_code: str | None = None
    unit_name: str | None = None
    amount_unit: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    periods: list[str] = field(default_factory=list)
    percents: list[str] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    indicators: list[IndicatorDraft] = field(default_factory=list)
    n_rows: int = 0


def is_project_title(text: str) -> bool:
    return bool(_TITLE.search(text.strip()))


class _Reader:
    """The state machine over the row stream of part two."""

    def __init__(self) -> None:
        self.projects: list[ProjectDraft] = []
        self.findings: list[Finding] = []
        self._grid = GridIndex()
        self._mode = "header"  # header | plan_values | indicators
        self._columns: dict[str, int] = {}
        self._columns_width = 0

    # --- dispatch -------------------------------------------------------------------------

    def feed(self, event: Event) -> None:
        if isinstance(event, Paragraph):
            self._paragraph(event)
        elif any(c.text.strip() for c in event.cells):
            self._row(event)

    def _paragraph(self, para: Paragraph) -> None:
        text = clean_text(para.text)
        if not text:
            return
        if is_project_title(text):
            self._start(clean_text(strip_numbering(text)))
            return
        current = self._current()
        if current is not None and current.n_rows == 0:
            # Lines between a title and its table: the unit line (`单位：万元`, unit name).
            self._free_text(current, text, location=None)

    def _row(self, row: Row) -> None:
        if self._indicator_header(row):
            return
        current = self._current()
        if current is None or (self._mode == "indicators" and self._has_project_label(row)):
            current = self._start(None)
        if current.location is None:
            current.location = row.table.location.describe() or row.location()
        current.n_rows += 1
        if self._mode == "indicators":
            self._indicator_row(current, row)
        elif self._mode == "plan_values":
            self._plan_values(current, row)
        else:
            self._header_row(current, row)

    def _current(self) -> ProjectDraft | None:
        return self.projects[-1] if self.projects else None

    def _start(self, title: str | None) -> ProjectDraft:
        draft = ProjectDraft(title=title)
        previous = self._current()
        if previous is not None and previous.n_rows == 0 and previous.title is None:
            self.projects[-1] = draft
        else:
            self.projects.append(draft)
        self._mode = "header"
        self._columns = {}
        return draft

    # --- header grid ----------------------------------------------------------------------

    def _header_row(self, draft: ProjectDraft, row: Row) -> None:
        texts = [t for t in (clean_text(c.text) for c in row.cells) if t]
        i = 0
        while i < len(texts):
            text = texts[i]
            key = match_label(text, vocab.PROJECT_LABELS)
            if key is None:
                inline = _LABELLED.match(text)
                inline_key = match_label(inline["label"], vocab.PROJECT_LABELS) if inline else None
                if inline is not None and inline_key is not None:
                    self._set_field(draft, inline_key, [inline["value"].strip()], row)
                else:
                    self._free_text(draft, text, location=row.location())
                i += 1
                continue
            if key == "budget_block":
                i += 1
                continue
            rest = texts[i + 1 :]
            if key in ("spending_plan", "goals"):
                self._set_field(draft, key, rest, row)
                return
            value = rest[0] if rest and match_label(rest[0], vocab.PROJECT_LABELS) is None else None
            if value is not None:
                self._set_field(draft, key, [value], row)
                i += 1
            i += 1

    def _set_field(self, draft: ProjectDraft, key: str, values: list[str], row: Row) -> None:
        if key == "spending_plan":
            draft.periods = values
            self._mode = "plan_values"
        elif key == "goals":
            draft.goals = [g for v in values for g in split_numbered(v)]
        elif values:
            draft.fields[key] = values[0]

    def _plan_values(self, draft: ProjectDraft, row: Row) -> None:
        draft.percents = [t for t in (clean_text(c.text) for c in row.cells) if t]
        self._mode = "header"

    def _free_text(self, draft: ProjectDraft, text: str, *, location: str | None) -> None:
        unit = amount_unit(text)
        if unit is not None and len(text) <= 16:
            draft.amount_unit = unit
            return
        unit_match = _UNIT.match(text)
        if unit_match is not None and "project_code" not in draft.fields:
            draft.unit_code = unit_match["code"]
            draft.unit_name = clean_text(unit_match["name"])
            return
        if "budget_total" in draft.fields and "purpose" not in draft.fields:
            draft.fields["purpose"] = text
            return
        self.findings.append(
            Finding(
                INFO,
                "text_unrecognized",
                f"text in the project table was not mapped to any column: {text[:40]}",
                location,
                len(self.projects),
            )
        )

    # --- indicator grid -------------------------------------------------------------------

    def _indicator_header(self, row: Row) -> bool:
        found: dict[str, int] = {}
        for cell in row.cells:
            key = match_label(cell.text, vocab.INDICATOR_COLUMNS)
            if key is not None and key not in found:
                found[key] = cell.col
        if len(found) < _INDICATOR_MIN_LABELS or "value" not in found:
            return False
        if "level3" not in found and "level1" not in found:
            return False
        if self._current() is None:
            self._start(None)
        self._mode = "indicators"
        self._columns = found
        self._columns_width = row.table.n_cols
        return True

    def _has_project_label(self, row: Row) -> bool:
        return any(
            match_label(c.text, vocab.PROJECT_LABELS) in ("project_code", "project_name")
            for c in row.cells
        )

    def _indicator_row(self, draft: ProjectDraft, row: Row) -> None:
        if row.table.n_cols != self._columns_width and not self._aligned(row):
            self.findings.append(
                Finding(
                    WARNING,
                    "table_unrecognized",
                    "an indicator row does not fit the indicator table's columns",
                    row.location(),
                    len(self.projects),
                )
            )
            return
        values = {key: self._text_at(row, col) for key, col in self._columns.items()}
        if not any(values.get(k) for k in ("level3", "description", "value")):
            return
        previous = draft.indicators[-1] if draft.indicators else None
        level1 = values.get("level1") or (previous.level1 if previous else None)
        level2 = values.get("level2")
        if not level2 and previous is not None and previous.level1 == level1:
            level2 = previous.level2
        draft.indicators.append(
            IndicatorDraft(
                level1=level1,
                level2=level2,
                level3=values.get("level3"),
                description=values.get("description"),
                value_raw=values.get("value"),
                basis=values.get("basis"),
                location=row.location(),
            )
        )

    def _aligned(self, row: Row) -> bool:
        cols = {c.col for c in row.cells}
        return cols <= set(range(self._columns_width))

    def _text_at(self, row: Row, col: int) -> str | None:
        cell: Cell | None = self._grid.cell_at(row.table, row.index, col)
        return clean_text(cell.text) if cell is not None else None


def read_projects(stream: Iterable[Event]) -> tuple[list[ProjectDraft], list[Finding]]:
    """Every project of part two, in document order, with what could not be mapped."""
    reader = _Reader()
    for event in stream:
        reader.feed(event)
    projects = [p for p in reader.projects if p.n_rows or p.fields]
    return projects, reader.findings
