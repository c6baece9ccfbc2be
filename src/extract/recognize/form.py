"""The form engine: one project's header block, goals, spending plan and indicator grids.

Header cells are read by their labels, never by position: a label's value is the next cell to
its right that is not a label; when a label has another label (or nothing) to its right, its
value is the cell below it, as in a row of labels over a row of values. A label whose value
would be another label only heads a block (`项目资金（元）`, `项目绩效目标 | 长期目标 | 年度目标`).
Paragraphs around the tables give the unit line, the amount unit and `label：value` pairs. All
words come from the template (`extract/templates/*.toml`); this module holds none.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from extract.model import Cell, Paragraph
from extract.normalizers import vocab
from extract.normalizers.numbers import amount_unit
from extract.normalizers.part_one import is_part_heading
from extract.normalizers.rows import CellIndex, Event, Row
from extract.normalizers.text import clean_text, clean_title, split_numbered
from extract.recognize.grid import GridReader, find_header
from extract.recognize.labels import GridLabels, HeaderIndex, Hit, LabelSet
from extract.recognize.records import AmountText, Finding, Goal, Project
from extract.templates import Template, Vocabulary

# `632001秦皇岛市北戴河区政府采购中心(本级)`: a unit code, then a name starting with a CJK char.
_UNIT_LINE = regex.compile(r"^(?P<code>\d{3,12})\s*(?P<name>\p{Han}[^\n]{1,60})$")
_AMOUNT_IN_NAME = regex.compile(r"\d+(?:\.\d+)?\s*(?:万|亿|千)?元")
_WIDE_GAP = regex.compile(r"\s{2,}|\u3000+")
# Where a `单位：万元` label starts on a line that also holds the unit line.
_AMOUNT_UNIT_LABEL = regex.compile(
    "(?=(?:"
    + "|".join(sorted(map(regex.escape, vocab.UNIT_LABELS), key=len, reverse=True))
    + r")\s*[:：(（])"
)
# A unit-line name ends like a unit's name does: no sentence punctuation inside it.
_SENTENCE = regex.compile(r"[，。；;：:、！？]")


@dataclass(slots=True)
class _Unread:
    """Text no label claims, counted per table so that one odd table gives one issue."""

    first: str
    location: str | None
    count: int = 1


@dataclass(slots=True)
class FormReader:
    template: Template
    words: Vocabulary
    header: HeaderIndex
    grid_labels: GridLabels
    cells: CellIndex = field(default_factory=CellIndex)
    cost_labels: LabelSet = field(init=False)
    cost_amounts: LabelSet = field(init=False)
    cost_totals: LabelSet = field(init=False)

    def __post_init__(self) -> None:
        self.cost_labels = LabelSet(self.words.cost_labels, self.words)
        self.cost_amounts = LabelSet(self.words.cost_amount_columns, self.words)
        self.cost_totals = LabelSet(self.words.cost_total_rows, self.words)

    def read(self, title: str | None, events: list[Event]) -> Project:
        return _Read(self, title).run(events)


class _Read:
    """The state of reading one unit."""

    def __init__(self, reader: FormReader, title: str | None) -> None:
        self.r = reader
        self.project = Project(template=reader.template.family, title=clean_title(title))
        self.consumed: set[tuple[int, int, int]] = set()
        self.plan_next = False
        self.grid: GridReader | None = None
        self.pending_horizon: str | None = None
        self.group_unit: str | None = None
        self.last_field: str | None = None
        self.unread: dict[int, _Unread] = {}
        self.table = 0  # id() of the table being read
        self.cost: tuple[int, str | None] | None = None  # a cost build-up: amount col, unit
        if title:
            self.project.year_texts.append(title)

    def run(self, events: list[Event]) -> Project:
        for event in events:
            if isinstance(event, Paragraph):
                self._paragraph(event)
            elif any(c.text.strip() for c in event.cells):
                self._row(event)
        self._finish_grid()
        for unread in self.unread.values():
            more = f" (and {unread.count - 1} more)" if unread.count > 1 else ""
            self.project.findings.append(
                Finding(
                    "text_unrecognized",
                    f"text in the project table was not mapped to any column: "
                    f"{unread.first[:40]}{more}",
                    unread.location,
                )
            )
        return self.project

    # --- paragraphs -----------------------------------------------------------------------

    def _paragraph(self, para: Paragraph) -> None:
        text = clean_text(para.text)
        if not text:
            return
        if self.r.words.year_line.match(text):
            self.project.year_texts.append(text)
            return
        if is_part_heading(text) or self._line(text):
            return
        pieces = [p for p in _WIDE_GAP.split(text) if p.strip()]
        hits = [self.r.header.inline(p) for p in pieces]
        if any(h is not None for h in hits):
            for hit in hits:
                if hit is not None and hit.value:
                    self._set(hit, hit.value, None)
            return
        if self.r.grid_labels.is_block(text):
            self.pending_horizon = self.r.grid_labels.horizon(text)
            return
        self._unrecognized(text, None, 0)

    def _line(self, text: str) -> bool:
        """A `单位：万元` line, a unit line, or both on one printed line."""
        unit = amount_unit(text)
        if unit is not None:
            before = _AMOUNT_UNIT_LABEL.split(text, maxsplit=1)[0].strip()
            if before and before != text:
                if not self._unit_line(before):
                    return False
            elif len(text) > 16:
                return False
            self.project.amount_unit_line = unit
            return True
        return self._unit_line(text)

    def _unit_line(self, text: str) -> bool:
        """`632001某某局`: a unit code and name on their own line above the table."""
        if not self.r.template.unit_line or self.project.unit_name:
            return False
        if "project_code" in self.project.fields or self.project.indicators:
            return False
        found = _UNIT_LINE.match(text)
        if found is None or _AMOUNT_IN_NAME.search(text) or _SENTENCE.search(found["name"]):
            return False
        self.project.unit_code = found["code"]
        self.project.unit_name = clean_text(found["name"])
        return True

    # --- rows -----------------------------------------------------------------------------

    def _row(self, row: Row) -> None:
        project = self.project
        if project.location is None:
            project.location = row.table.location.describe() or row.location()
            project.sheet = row.table.location.sheet
        project.n_rows += 1
        if self.plan_next:
            self.plan_next = False
            project.percents = [t for c in row.cells if (t := clean_text(c.text))]
            return
        header = find_header(row, self.r.cells, self.r.grid_labels, self.r.words.grid.min_labels)
        if header is not None:
            if self.grid is not None and header.texts == self.grid.header.texts:
                return  # the header repeated on a new page
            self._finish_grid()
            project.has_grid = True
            self.grid = GridReader(
                header, self.r.cells, self.pending_horizon, self.r.header, self.r.grid_labels
            )
            self.pending_horizon = None
            return
        texts = [t for c in row.cells if (t := clean_text(c.text))]
        if len(texts) == 1 and self.r.grid_labels.is_block(texts[0]):
            self._finish_grid()  # `年度绩效指标` over the second of twin grids
            self.pending_horizon = self.r.grid_labels.horizon(texts[0])
            return
        if self.grid is not None:
            if not self.grid.ends_at(row):
                self.grid.add(row)
                return
            self._finish_grid()
        if self._cost_row(row):
            return
        if len(texts) == 1 and texts[0] == project.title:
            return
        self._header_row(row)

    def _cost_row(self, row: Row) -> bool:
        """A budget build-up block: its label row names the columns, its total row the total."""
        filled = [c for c in row.cells if clean_text(c.text)]
        if not filled:
            return False
        first = clean_text(filled[0].text)
        if self.r.cost_labels.match(first) is not None:
            self.cost = None
            for cell in filled[1:]:
                unit = self.r.cost_amounts.match(clean_text(cell.text))
                if unit is not None:
                    self.cost = (cell.col, unit or self.group_unit)
                    break
            return True
        if self.cost is None:
            return False
        if self._label(first) is not None:
            self.cost = None
            return False
        if self.r.cost_totals.match(first) is not None:
            col, unit = self.cost
            total = self.r.cells.cell_at(row.table, row.index, col)
            text = clean_text(total.text) if total is not None else None
            if total is not None and text:
                self.project.amounts.append(
                    AmountText(
                        "budget_total", text, "year", unit, total.row, total.col, id(row.table)
                    )
                )
        return True

    def _finish_grid(self) -> None:
        if self.grid is None:
            return
        self.project.indicators.extend(self.grid.finish())
        self.project.findings.extend(self.grid.findings)
        self.grid = None

    def _header_row(self, row: Row) -> None:
        table = self.table = id(row.table)
        cells = [c for c in row.cells if (table, c.row, c.col) not in self.consumed]
        texts = [clean_text(c.text) for c in cells]
        hits: list[Hit | None] = [self._label(t) for t in texts]
        i = 0
        while i < len(cells):
            text, hit = texts[i], hits[i]
            if not text or (hit is not None and hit.value and self._pairs(cells[i], 2)):
                i += 1
                continue
            if hit is None:
                if self.r.words.year_line.match(text):
                    self.project.year_texts.append(text)
                elif self.r.grid_labels.is_block(text) or self._band_word(text):
                    pass
                else:
                    self._free(text, row, cells[i])
                i += 1
                continue
            if hit.value is not None:
                self._set(hit, hit.value, cells[i])
                i += 1
                continue
            spec = hit.field
            if spec.kind == "plan":
                self.project.periods = [t for t in texts[i + 1 :] if t]
                self.plan_next = True
                return
            j = i + 1
            while j < len(cells) and hits[j] is None:
                j += 1
            values = [cells[k] for k in range(i + 1, j) if texts[k]]
            if values and spec.kind == "group":
                self.group_unit = hit.unit or self.group_unit
                for cell in values:
                    self._free(clean_text(cell.text) or "", row, cell)
                i = j
                continue
            if values:
                if spec.kind == "goals":
                    for cell in values:
                        self._set(hit, clean_text(cell.text) or "", cell)
                else:
                    self._set(hit, clean_text(values[0].text) or "", values[0])
                    for cell in values[1:]:
                        self._free(clean_text(cell.text) or "", row, cell)
                i = j
                continue
            if i + 1 < len(cells) and not texts[i + 1] and spec.kind != "group":
                self._set(hit, "", cells[i])  # printed blank: the field is empty
                i = j
                continue
            below = self._below(row, cells[i])
            if below is not None:
                self._set(hit, clean_text(below.text) or "", below)
            elif spec.kind in ("group", "goals"):
                self.group_unit = hit.unit or self.group_unit
            i += 1

    def _label(self, text: str | None) -> Hit | None:
        if not text:
            return None
        hit = self.r.header.match(text)
        if hit is not None:
            return hit
        if self.r.grid_labels.column(text) is not None:
            return None
        return self.r.header.inline(text)

    def _band_word(self, text: str) -> bool:
        return self.r.grid_labels.column(text) is not None

    def _below(self, row: Row, cell: Cell) -> Cell | None:
        """The value printed under a label: the next row's cell in the label's column."""
        target_row = cell.row + max(cell.row_span, 1)
        if target_row >= row.table.n_rows:
            return None
        below = self.r.cells.cell_at(row.table, target_row, cell.col)
        if below is None or below is cell or below.row != target_row:
            return None
        key = (id(row.table), below.row, below.col)
        text = clean_text(below.text)
        if not text or key in self.consumed or self._label(text) is not None:
            return None
        if self.r.grid_labels.column(text) is not None or self.r.grid_labels.is_block(text):
            return None
        self.consumed.add(key)
        return below

    # --- fields ---------------------------------------------------------------------------

    def _set(self, hit: Hit, text: str, cell: Cell | None) -> None:
        spec = hit.field
        project = self.project
        if spec.kind in ("group", "ignore"):
            if spec.kind == "group":
                self.group_unit = hit.unit or self.group_unit
            return
        self.last_field = spec.name
        if spec.kind == "amount":
            project.amounts.append(
                AmountText(
                    field=spec.name,
                    text=text,
                    scope=hit.scope,
                    label_unit=hit.unit or self.group_unit,
                    row=cell.row if cell is not None else -1,
                    col=cell.col if cell is not None else -1,
                    table=self.table if cell is not None else 0,
                )
            )
            return
        if spec.kind == "goals":
            horizon = spec.horizon or "annual"
            project.goals.extend(Goal(goal, horizon) for goal in split_numbered(text))
            return
        if text and spec.name not in project.fields:
            project.fields[spec.name] = text

    def _free(self, text: str, row: Row, cell: Cell) -> None:
        """A value no label claims: the template's unlabelled field, else unrecognized."""
        unlabelled = self.r.template.unlabelled
        fields = self.project.fields
        if unlabelled is not None:
            after, name = unlabelled
            seen = any(a.field == after for a in self.project.amounts) or after in fields
            if seen and name not in fields:
                fields[name] = text
                return
        if self._line(text) or self._pairs(cell):
            return
        self._unrecognized(text, row.location(), id(row.table))

    def _pairs(self, cell: Cell, least: int = 1) -> bool:
        """A cell of `label：value` lines (`总额:1436万元` / `财政拨款:1386万元` / …)."""
        lines = [p for t in cell.text.split("\n") for p in _WIDE_GAP.split(t) if p.strip()]
        hits = [self.r.header.inline(clean_text(line) or "") for line in lines]
        if sum(1 for h in hits if h is not None and h.value) < least:
            return False
        for hit in hits:
            if hit is not None and hit.value:
                self._set(hit, hit.value, cell)
        return True

    def _unrecognized(self, text: str, location: str | None, table: int) -> None:
        entry = self.unread.get(table)
        if entry is None:
            self.unread[table] = _Unread(text, location)
        else:
            entry.count += 1
