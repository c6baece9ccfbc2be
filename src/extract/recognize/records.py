"""What the engines read from a document, before values are typed.

Fields hold cleaned text as printed; the normalizers convert amounts, periods and values. Each
record carries its location so that every issue can name where it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class AmountText:
    """One printed amount: its field, its scope and every unit that could apply to it."""

    field: str  # budget_total | budget_fiscal | … (after scope resolution)
    text: str
    scope: str  # year | either | part | project
    label_unit: str | None  # a unit in the label or in the group label above it
    row: int = -1
    col: int = -1
    table: int = 0  # id() of the table, to compare positions


@dataclass(slots=True)
class Indicator:
    level1: str | None
    level2: str | None
    level3: str | None
    description: str | None
    value_raw: str | None
    basis: str | None
    location: str
    note: str | None = None
    horizon: str = "annual"
    sign: str | None = None  # a 指标性质/指标方向 cell holding a comparator
    direction: str | None = None  # a cell holding 正向/反向
    nature: str | None = None  # a cell holding 定性/定量
    unit: str | None = None  # 计量单位
    weight: str | None = None
    ocr_confidence: float | None = None  # the least certain OCR'd cell it was read from


@dataclass(slots=True)
class Goal:
    text: str
    horizon: str


@dataclass(slots=True)
class PlanPoint:
    """A spending-plan point; `percent` as printed, or `amount` when prose gives amounts."""

    period: str
    percent: str | None = None
    amount: str | None = None


@dataclass(slots=True)
class Finding:
    code: str
    message: str
    location: str | None = None


@dataclass(slots=True)
class Project:
    """One project as read by a template."""

    template: str
    title: str | None = None
    location: str | None = None
    sheet: str | None = None  # the workbook sheet it was read from
    unit_code: str | None = None
    unit_name: str | None = None
    amount_unit_line: str | None = None  # unit of a `单位：万元` line
    fields: dict[str, str] = field(default_factory=dict)
    amounts: list[AmountText] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)  # 资金支出计划 periods
    percents: list[str] = field(default_factory=list)  # and their percentages
    plan: list[PlanPoint] = field(default_factory=list)  # from prose
    goals: list[Goal] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    year_texts: list[str] = field(default_factory=list)  # title and year lines
    n_rows: int = 0
    has_grid: bool = False
    findings: list[Finding] = field(default_factory=list)
