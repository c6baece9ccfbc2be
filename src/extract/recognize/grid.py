"""Indicator grids: a header row names the columns, every row below is read by column.

What the columns mean is decided from the header and, where labels lie, from the content: a
指标性质/指标方向 column holding `≥ = ≤` gives comparators and one holding 正向/反向 directions;
a column printed 一级指标 that holds 二级 names (数量指标…) is the 二级 column. A label merged
down the left of the grid (`绩效指标`) names the grid, not a column. When columns repeat
(二级 | 三级 | 指标值 twice: side-by-side 长期/年度 halves, or 指标值 once per horizon), each row
gives one indicator per horizon, the 长期 one first. Rows are buffered and finished together,
because those decisions need the whole column.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from extract.model import Cell, Table
from extract.normalizers.labels import category_level, parent_level1_name
from extract.normalizers.rows import CellIndex, Row
from extract.normalizers.text import clean_text
from extract.normalizers.values import comparator_of, direction_of, nature_of
from extract.recognize.labels import GridLabels, HeaderIndex
from extract.recognize.records import Finding, Indicator

LONG, ANNUAL = "long_term", "annual"
# Columns that exist once per indicator; a second one starts the other horizon's half.
_PER_HALF = ("level2", "level3", "description", "value", "basis", "note", "sign", "unit")


@dataclass(slots=True)
class GridColumn:
    col: int
    field: str
    horizon: str | None
    label: str


@dataclass(slots=True)
class GridHeader:
    table: Table
    row: int
    columns: list[GridColumn]
    unmapped: list[str]
    horizon: str | None  # of the whole grid: a label column, a band, or a block label
    texts: tuple[str, ...]
    band_horizons: tuple[str, ...] = ()  # horizons printed above the columns, left to right


def find_header(row: Row, cells: CellIndex, grid: GridLabels, min_labels: int) -> GridHeader | None:
    """The grid header `row` is, with its columns resolved, or None."""
    labels = {c.field for cell in row.cells if (c := grid.column(clean_text(cell.text) or ""))}
    if len(labels) < min_labels - 1 or ("value" not in labels and len(labels) < min_labels):
        return None  # not even close: most rows are data rows
    table = row.table
    columns: list[GridColumn] = []
    unmapped: list[str] = []
    horizon: str | None = None
    seen: set[int] = set()
    band = _band_above(row, cells, grid)
    for col in range(table.n_cols):
        cell = cells.cell_at(table, row.index, col)
        text = clean_text(cell.text) if cell is not None else None
        if not text and band is not None:
            cell = band.get(col)
            text = clean_text(cell.text) if cell is not None else None
        if cell is None or not text or id(cell) in seen:
            continue
        seen.add(id(cell))
        column = grid.column(text)
        if column is not None:
            columns.append(GridColumn(col, column.field, column.horizon, text))
        elif grid.is_block(text) or _spans_below(cell, row.index):
            horizon = horizon or grid.horizon(text)
        else:
            unmapped.append(text)
    fields = {c.field for c in columns}
    if len(fields) < min_labels or "value" not in fields:
        return None
    band_horizons: list[str] = []
    if band is not None:
        _horizons_from_band(columns, band, grid)
        for col in sorted(band):
            found = grid.horizon(clean_text(band[col].text) or "")
            if found is not None and found not in band_horizons:
                band_horizons.append(found)
    texts = tuple(t for c in row.cells if (t := clean_text(c.text)))
    return GridHeader(table, row.index, columns, unmapped, horizon, texts, tuple(band_horizons))


def _band_above(row: Row, cells: CellIndex, grid: GridLabels) -> dict[int, Cell] | None:
    """The row above the header when it only holds grid labels and horizon words."""
    if row.index == 0:
        return None
    table = row.table
    found: dict[int, Cell] = {}
    for col in range(table.n_cols):
        cell = cells.cell_at(table, row.index - 1, col)
        if cell is None or not cell.text.strip():
            continue
        text = clean_text(cell.text) or ""
        if grid.column(text) is None and not grid.is_block(text) and grid.horizon(text) is None:
            return None
        found[col] = cell
    return found or None


def _horizons_from_band(columns: list[GridColumn], band: dict[int, Cell], grid: GridLabels) -> None:
    for column in columns:
        cell = band.get(column.col)
        if column.horizon is None and cell is not None:
            column.horizon = grid.horizon(clean_text(cell.text) or "")


def _spans_below(cell: Cell, header_row: int) -> bool:
    return cell.row + cell.row_span - 1 > header_row


@dataclass(slots=True)
class _RawRow:
    texts: dict[int, str]  # grid column -> cleaned text ("" when empty)
    shared: set[int]  # columns whose cell is the same as the value column's (a spanning row)
    location: str
    confidence: dict[int, float] = field(default_factory=dict)  # OCR'd cells, by column


@dataclass(slots=True)
class GridReader:
    """Reads the rows of one grid; `finish` turns them into indicators."""

    header: GridHeader
    cells: CellIndex
    horizon: str | None  # from a block label before the grid, if the grid names none
    labels: HeaderIndex
    grid: GridLabels
    rows: list[_RawRow] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def ends_at(self, row: Row) -> bool:
        """A row of header labels (审核意见, 项目名称 …) after the grid ends it."""
        texts = [t for c in row.cells if (t := clean_text(c.text))]
        if not texts or len(texts) > 3:
            return False
        hit = self.labels.match(texts[0]) or self.labels.inline(texts[0])
        return hit is not None and self.grid.column(texts[0]) is None

    def add(self, row: Row) -> None:
        if row.table is not self.header.table and not _fits(row.table, self.header.table):
            self.findings.append(
                Finding(
                    "table_unrecognized",
                    "an indicator row does not fit the indicator table's columns",
                    row.location(),
                )
            )
            return
        texts: dict[int, str] = {}
        shared: set[int] = set()
        confidence: dict[int, float] = {}
        value_cols = [c.col for c in self.header.columns if c.field == "value"]
        value_cells = {id(self.cells.cell_at(row.table, row.index, c)) for c in value_cols}
        for column in self.header.columns:
            cell = self.cells.cell_at(row.table, row.index, column.col)
            texts[column.col] = (clean_text(cell.text) or "") if cell is not None else ""
            if cell is not None and column.field != "value" and id(cell) in value_cells:
                shared.add(column.col)
            if cell is not None and cell.confidence is not None and cell.text:
                confidence[column.col] = cell.confidence
        if any(texts.values()):
            self.rows.append(_RawRow(texts, shared, row.location(), confidence))

    # --- finishing ----------------------------------------------------------------------

    def finish(self) -> list[Indicator]:
        columns = self._roles()
        if self.header.unmapped:
            self.findings.append(
                Finding(
                    "column_unmapped",
                    "indicator columns not read: " + "、".join(self.header.unmapped),
                    self.rows[0].location if self.rows else None,
                )
            )
        halves = _halves(columns, self.header.horizon or self.horizon, self.header.band_horizons)
        shift = _holds_level2_names(columns, self.rows)
        out: list[Indicator] = []
        fill: dict[tuple[int, str], str] = {}
        for raw in self.rows:
            if self._is_label_row(raw):
                continue
            for horizon, half in halves:
                indicator = _indicator(raw, half, horizon, fill, shift)
                if indicator is not None:
                    out.append(indicator)
        return out

    def _roles(self) -> list[GridColumn]:
        """Content decides what a 指标性质/指标方向 column holds."""
        out: list[GridColumn] = []
        for column in self.header.columns:
            if column.field != "sign":
                out.append(column)
                continue
            values = [r.texts.get(column.col, "") for r in self.rows]
            role = _sign_role([v for v in values if v])
            if role is None:
                self.header.unmapped.append(column.label)
            else:
                out.append(GridColumn(column.col, role, column.horizon, column.label))
        return out

    def _is_label_row(self, raw: _RawRow) -> bool:
        """A repeated header, a funds-block row (`年度预算执行率 | 100% | 分值 | 10分`) or a
        form row after the grid (`其他说明的问题 | …`)."""
        texts = [raw.texts[c] for c in sorted(raw.texts) if raw.texts[c]]
        if texts and self.labels.match(texts[0]) is not None:
            return True
        return any(self.grid.column(text) is not None for text in texts)


def _fits(table: Table, header_table: Table) -> bool:
    return table.n_cols == header_table.n_cols


def _sign_role(values: list[str]) -> str | None:
    if not values:
        return "sign"
    votes: Counter[str] = Counter()
    for value in values:
        if comparator_of(value) is not None:
            votes["sign"] += 1
        elif direction_of(value) is not None:
            votes["direction"] += 1
        elif nature_of(value) is not None:
            votes["nature"] += 1
    if not votes:
        return None
    role, count = votes.most_common(1)[0]
    return role if count * 2 >= len(values) else None


def _halves(
    columns: list[GridColumn], grid_horizon: str | None, band: tuple[str, ...]
) -> list[tuple[str, list[GridColumn]]]:
    """(horizon, columns) per indicator a row gives, the 长期 one first.

    A half's horizon is the one its own labels print; else the band's, left to right; else
    the left half is the 长期 one, as forms print it.
    """
    counts = Counter(c.field for c in columns if c.field in _PER_HALF)
    if not any(n > 1 for n in counts.values()):
        horizon = grid_horizon or _only_horizon(columns) or ANNUAL
        return [(horizon, columns)]
    repeated = next(c for c in columns if counts[c.field] > 1)
    second = [c for c in columns if c.field == repeated.field][1].col
    left = [c for c in columns if c.col < second]
    right = [c for c in columns if c.col >= second]
    right_fields = {c.field for c in right}
    shared = [c for c in left if c.field not in right_fields]
    left_own = [c for c in left if c.field in right_fields]
    left_h, right_h = _pair(_only_horizon(left_own), _only_horizon(right), band)
    halves = [(left_h, shared + left_own), (right_h, shared + right)]
    return sorted(halves, key=lambda h: h[0] != LONG)


def _other(horizon: str) -> str:
    return ANNUAL if horizon == LONG else LONG


def _pair(left: str | None, right: str | None, band: tuple[str, ...]) -> tuple[str, str]:
    if left is not None and right is not None and left != right:
        return left, right
    if left is not None and right is None:
        return left, _other(left)
    if right is not None and left is None:
        return _other(right), right
    if len(band) == 2:
        return band[0], band[1]
    return LONG, ANNUAL


def _only_horizon(columns: list[GridColumn]) -> str | None:
    found = {c.horizon for c in columns if c.horizon is not None}
    return found.pop() if len(found) == 1 else None


def _holds_level2_names(columns: list[GridColumn], rows: list[_RawRow]) -> bool:
    """No 三级 column, and the column printed 一级 holds 二级 names: 鄂州's grid."""
    fields = {c.field for c in columns}
    if "level3" in fields or "level1" not in fields or "level2" not in fields:
        return False
    col = next(c.col for c in columns if c.field == "level1")
    levels = Counter(category_level(r.texts.get(col, "")) for r in rows if r.texts.get(col))
    return levels[2] > 0 and levels[1] == 0


def _indicator(
    raw: _RawRow,
    columns: list[GridColumn],
    horizon: str,
    fill: dict[tuple[int, str], str],
    shift: bool,
) -> Indicator | None:
    values: dict[str, str] = {}
    cols: dict[str, int] = {}
    for column in columns:
        if column.field not in values:
            values[column.field] = raw.texts.get(column.col, "")
            cols[column.field] = column.col
    if shift:
        values["level3"], values["level2"] = values.get("level2", ""), values.get("level1", "")
        values["level1"] = ""
        cols["level3"], cols["level2"] = cols.get("level2", -1), cols.get("level1", -1)
    level1 = _filled(values, cols, "level1", fill, parent=None)
    level2 = _filled(values, cols, "level2", fill, parent=level1)
    if shift:
        level1 = parent_level1_name(level2 or "") or ""
    name_field = "level3" if "level3" in values else "description"
    name_col = cols.get(name_field, -1)
    if not values.get(name_field) or name_col in raw.shared:
        return None
    return Indicator(
        level1=level1 or None,
        level2=level2 or None,
        level3=values.get("level3") or None,
        description=values.get("description") or None,
        value_raw=values.get("value") or None,
        basis=values.get("basis") or None,
        location=raw.location,
        note=values.get("note") or None,
        horizon=horizon,
        sign=values.get("sign") or None,
        direction=values.get("direction") or None,
        nature=values.get("nature") or None,
        unit=values.get("unit") or None,
        weight=values.get("weight") or None,
        ocr_confidence=min(
            (raw.confidence[c] for c in cols.values() if c in raw.confidence), default=None
        ),
    )


def _filled(
    values: dict[str, str],
    cols: dict[str, int],
    name: str,
    fill: dict[tuple[int, str], str],
    *,
    parent: str | None,
) -> str:
    """A level as printed, else the one above it (a 二级 only under the same 一级)."""
    col = cols.get(name, -1)
    key = (col, name)
    text = values.get(name, "")
    if text:
        fill[key] = text
        if parent is not None:
            fill[(col, "parent")] = parent
        return text
    if parent is not None and fill.get((col, "parent")) != parent:
        return ""
    return fill.get(key, "")
