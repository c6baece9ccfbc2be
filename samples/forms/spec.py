"""The content model of a sample: what a form prints and, by construction, what it means.

Every printed string a layout writes is made here from the same values the golden rows are
made from: an amount is a Decimal in the printed unit (the layout formats it, the golden row
multiplies it to yuan), a value is built by a helper that writes both the printed text and its
comparator/number/unit, a goal list is printed with its numbering by the layout and written to
the golden rows without it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

# --- indicator values ---


@dataclass(frozen=True)
class Value:
    """A printed value and its reading (SCHEMA.md indicators: value_raw … value_kind)."""

    printed: str  # what the value cell shows
    comparator: str | None
    num: float | None
    unit: str | None
    kind: str  # numeric | text
    raw: str | None = None  # value_raw when it is not the printed text (an Excel date serial)

    @property
    def value_raw(self) -> str:
        return self.raw if self.raw is not None else self.printed


def _num(n: str) -> float:
    return float(n.replace(",", ""))


def ge(n: str, unit: str | None = None) -> Value:
    """`≥95%`."""
    return Value(f"≥{n}{unit or ''}", ">=", _num(n), unit, "numeric")


def le(n: str, unit: str | None = None) -> Value:
    """`≤65万元`."""
    return Value(f"≤{n}{unit or ''}", "<=", _num(n), unit, "numeric")


def eq(n: str, unit: str | None = None) -> Value:
    """`985米`, `100%`, bare `2`: no sign is `=`."""
    return Value(f"{n}{unit or ''}", "=", _num(n), unit, "numeric")


def pct2(sign: str, n: str) -> Value:
    """`=100.00(%)`, `≥90.00(%)`: `(%)` after the number is the unit."""
    comparators = {"=": "=", "≥": ">=", "≤": "<="}
    return Value(f"{sign}{n}(%)", comparators[sign], _num(n), "%", "numeric")


def within(n: str) -> Value:
    """`±3%以内` -> <= 3 %."""
    return Value(f"±{n}%以内", "<=", _num(n), "%", "numeric")


def above(n: str, unit: str) -> Value:
    """`95%以上` -> >=."""
    return Value(f"{n}{unit}以上", ">=", _num(n), unit, "numeric")


def not_below(n: str, unit: str) -> Value:
    """`不低于95%` -> >=."""
    return Value(f"不低于{n}{unit}", ">=", _num(n), unit, "numeric")


def text(printed: str) -> Value:
    """Qualitative (`可控`, `及时`, `优良`, `降低`) and deadlines (`12月底前`)."""
    return Value(printed, None, None, None, "text")


# Separate-column grids (乌海): 指标性质 | 指标方向 | 目标值 | 计量单位.
SIGNS = {"=": "=", "≥": ">=", "≤": "<=", "": None}
DIRECTIONS = {"正向": "positive", "反向": "negative", "定性": None}


@dataclass(frozen=True)
class Columns:
    nature: str  # 指标性质 as printed: 正向 / 反向 / 定性
    sign: str  # 指标方向 as printed: = / ≥ / ≤ / empty
    unit: str  # 计量单位 as printed, may be empty


def cols(nature: str, sign: str, target: str, unit: str = "") -> tuple[Value, Columns]:
    """One row of separate value columns and its reading (指标性质 `定性` -> text)."""
    if nature == "定性":
        return Value(target, None, None, unit or None, "text"), Columns(nature, sign, unit)
    return (
        Value(target, SIGNS[sign], _num(target), unit or None, "numeric"),
        Columns(nature, sign, unit),
    )


def excel_date(nature: str, sign: str, serial: str) -> tuple[Value, Columns]:
    """An Excel date serial shown as a number (`44,561`): value_raw is the date it stands for."""
    day = date.fromordinal(date(1899, 12, 30).toordinal() + int(serial.replace(",", "")))
    value = Value(serial, SIGNS[sign], None, None, "text", raw=day.isoformat())
    return value, Columns(nature, sign, "")


# --- indicators ---


@dataclass(frozen=True)
class Ind:
    """A grid row. With `value` None it is a pre-printed row with nothing filled in."""

    level1: str
    level2: str
    level3: str | None = None
    value: Value | None = None
    description: str | None = None  # 指标内容 / 指标解释 / 绩效指标描述
    basis: str | None = None  # 绩效标准 / 指标值确定依据
    note: str | None = None  # 备注
    weight: str | None = None  # 分值 as printed
    columns: Columns | None = None  # separate value columns
    derived_level1: bool = False  # 鄂州: level1 is not printed, it follows from level2

    @property
    def filled(self) -> bool:
        return self.value is not None


def I(  # noqa: E743 - the content tables read best with a one-letter constructor
    level1: str,
    level2: str,
    level3: str | None,
    value: Value | tuple[Value, Columns] | None,
    **kw: str | None,
) -> Ind:
    if isinstance(value, tuple):
        return Ind(level1, level2, level3, value[0], columns=value[1], **kw)  # type: ignore[arg-type]
    return Ind(level1, level2, level3, value, **kw)  # type: ignore[arg-type]


def E(level1: str, level2: str) -> Ind:
    """A pre-printed row left empty: no indicator."""
    return Ind(level1, level2)


LEVEL1_CODES: dict[str, str] = {
    "产出指标": "output",
    "效益指标": "outcome",
    "满意度指标": "satisfaction",
    "成本指标": "cost",
    "预期产出指标": "output",
    "效果指标": "outcome",
    # score bands stay in level1 and are stripped for the code
    "成本指标(0-20)分": "cost",
    "产出指标(40-50)分": "output",
    "效益指标(20-30)分": "outcome",
    "满意度指标(0-10)分": "satisfaction",
}

LEVEL2_CODES: dict[str, str] = {
    "数量指标": "quantity",
    "质量指标": "quality",
    "时效指标": "timeliness",
    "成本指标": "cost",
    "经济成本指标": "cost",
    "社会成本指标": "cost",
    "生态环境成本指标": "cost",
    "经济效益指标": "economic",
    "社会效益指标": "social",
    "生态效益指标": "ecological",
    "环境效益指标": "ecological",
    "可持续影响指标": "sustainability",
    "服务对象满意度指标": "satisfaction",
    "社会公众或服务对象满意度指标": "satisfaction",
    "数量指标(或建筑规模指标)": "quantity",
    "时效指标(工期指标)": "timeliness",
    "预算(或投资规模)控制指标": "cost",
    "社会、经济、生态效益指标": "other",
}

# 鄂州 prints no 一级: it follows from the 二级 (the MoF framework's grouping).
LEVEL1_OF_LEVEL2: dict[str, str] = {
    "数量指标": "产出指标",
    "质量指标": "产出指标",
    "时效指标": "产出指标",
    "经济效益指标": "效益指标",
    "社会效益指标": "效益指标",
    "生态效益指标": "效益指标",
    "可持续影响指标": "效益指标",
    "服务对象满意度指标": "满意度指标",
}

# --- goals, periods, projects, documents ---


@dataclass(frozen=True)
class Goals:
    """A goal cell: `dot` 1.… 2.…, `target` 目标1：…, `none` one unnumbered goal, `pointer`."""

    items: tuple[str, ...]
    style: str = "dot"
    inline: bool = False  # all numbers in one paragraph rather than one paragraph each

    def paragraphs(self) -> tuple[str, ...]:
        if self.style == "pointer":
            return self.items
        if self.style == "none":
            assert len(self.items) == 1, "an unnumbered cell is one goal"
            return self.items
        prefix = {"dot": "{}.", "target": "目标{}："}[self.style]
        numbered = tuple(prefix.format(k) + goal for k, goal in enumerate(self.items, 1))
        return ("".join(numbered),) if self.inline else numbered

    @property
    def rows(self) -> tuple[str, ...]:
        """The project_goals texts it gives (a pointer gives none)."""
        return () if self.style == "pointer" else self.items


def pointer(text: str) -> Goals:
    return Goals((text,), style="pointer")


@dataclass(frozen=True)
class Period:
    raw: str  # period_raw
    start: date | None
    end: date | None
    parts: tuple[str, ...] = ()  # printed pieces when the form prints them in two cells


@dataclass(frozen=True)
class Project:
    title: str  # the title line as printed, without numbering
    name: str
    code: str | None = None
    region_code: str | None = None
    unit_code: str | None = None
    unit_name: str | None = None
    dept_code: str | None = None
    dept_name: str | None = None
    category: str | None = None
    nature: str | None = None
    period: Period | None = None
    amounts: dict[str, Decimal | None] = field(default_factory=dict)  # in the printed unit
    purpose: str | None = None
    legal_basis: str | None = None
    long_goals: Goals | None = None
    annual_goals: Goals | None = None
    # Grids: one annual grid, twin grids, or side-by-side rows (long half, annual half).
    annual: tuple[Ind, ...] = ()
    long: tuple[Ind, ...] = ()
    pairs: tuple[tuple[Ind | None, Ind | None], ...] = ()
    extra: dict[str, object] = field(default_factory=dict)  # variant-only printed content

    def __post_init__(self) -> None:
        if self.code and self.region_code:
            assert self.code.startswith(self.region_code), self.code


@dataclass(frozen=True)
class DocSpec:
    stem: str
    variant: str
    fiscal_year: int
    projects: tuple[Project, ...]
    about: str  # one line for make_forms.py's docstring and report
    year_line: str | None = None  # printed on its own line below every title
    unit_line: str | None = None  # printed above every form, e.g. 金额单位：万元
    numbered_titles: bool = False  # `1.` before each title
