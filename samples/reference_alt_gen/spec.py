"""The content model of a held-out `project_table` document, and what it means by construction.

Every printed string is made here from the same values the golden rows are made from: an amount
is the printed text in the printed unit (golden.py multiplies it to yuan), an indicator value is
built by a helper that writes both the printed text and its comparator / number / unit, goals
are stored without their numbering (the renderer prints `1.` `2.`).

Cell text notation: `\\n` inside a text separates the cell's paragraphs (they read joined with
nothing between them: all the breaks fall between CJK characters or punctuation). A column
named in `Ind.enter` (or `Project.enter`) ends with an empty paragraph, as when the author
pressed Enter at the end of the cell.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal

CENT = Decimal("0.01")

# --- indicator values ---------------------------------------------------------------------


@dataclass(frozen=True)
class Value:
    """A printed 指标值 and its reading (SCHEMA.md indicators: value_raw … value_kind)."""

    printed: str
    comparator: str | None
    num: float | None
    unit: str | None
    kind: str  # numeric | text


def ge(n: str, unit: str | None = None) -> Value:
    """`≥95%`, `≥12.5万平方米`."""
    return Value(f"≥{n}{unit or ''}", ">=", float(n), unit, "numeric")


def le(n: str, unit: str | None = None) -> Value:
    """`≤3天`, `≤10个工作日`."""
    return Value(f"≤{n}{unit or ''}", "<=", float(n), unit, "numeric")


def gt(n: str, unit: str | None = None) -> Value:
    """`>92%`."""
    return Value(f">{n}{unit or ''}", ">", float(n), unit, "numeric")


def eq(n: str, unit: str | None = None, sign: str = "") -> Value:
    """`100%`, `0起`, bare `2` (no sign is `=`); `=1次` with sign `=`."""
    return Value(f"{sign}{n}{unit or ''}", "=", float(n), unit, "numeric")


def above(n: str, unit: str) -> Value:
    """`90%以上` -> >=."""
    return Value(f"{n}{unit}以上", ">=", float(n), unit, "numeric")


def not_below(n: str, unit: str, word: str = "不低于") -> Value:
    """`不低于95%`, `不少于4次` -> >=."""
    return Value(f"{word}{n}{unit}", ">=", float(n), unit, "numeric")


def text(printed: str) -> Value:
    """Qualitative (`按时完成`, `控制在预算额度内`) and deadlines (`12月底前`)."""
    return Value(printed, None, None, None, "text")


# --- level codes (SCHEMA.md, TEMPLATES.md conventions) --------------------------------------

LEVEL1_CODES = {
    "产出指标": "output",
    "效益指标": "outcome",
    "满意度指标": "satisfaction",
    "成本指标": "cost",
}
LEVEL2_CODES = {
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
    "可持续影响指标": "sustainability",
    "服务对象满意度指标": "satisfaction",
}

# --- grid rows, projects, documents ---------------------------------------------------------

COLUMNS = ("level1", "level2", "level3", "description", "value", "basis")


@dataclass(frozen=True)
class Ind:
    level1: str
    level2: str
    level3: str
    description: str
    value: Value
    basis: str
    enter: tuple[str, ...] = ()  # columns whose cell ends with an empty paragraph

    def __post_init__(self) -> None:
        assert self.level1 in LEVEL1_CODES, self.level1
        assert self.level2 in LEVEL2_CODES, self.level2
        assert set(self.enter) <= set(COLUMNS), self.enter
        for part in (self.level3, self.description, self.basis):
            check_breaks(part)


def I(  # noqa: E743 - the content tables read best with a one-letter constructor
    level1: str,
    level2: str,
    level3: str,
    description: str,
    value: Value,
    basis: str = "年度工作计划",
    enter: tuple[str, ...] = (),
) -> Ind:
    full = {"产出": "产出指标", "效益": "效益指标", "满意度": "满意度指标", "成本": "成本指标"}
    return Ind(full.get(level1, level1), level2, level3, description, value, basis, enter)


def check_breaks(cell: str) -> None:
    """A paragraph break must fall between CJK characters or punctuation: the value reads the
    paragraphs joined with nothing between them, in every format."""
    parts = cell.split("\n")
    for a, b in itertools.pairwise(parts):
        if a and b:
            assert not (a[-1].isascii() and b[0].isascii()), f"ASCII across a break: {cell!r}"


@dataclass(frozen=True)
class Project:
    name: str
    code: str
    unit_code: str
    unit_name: str
    total: str  # 预算数 as printed, in the document's amount unit
    fiscal: str  # 其中：财政资金
    other: str  # 其他资金
    purpose: str  # `\n` between paragraphs
    plan: tuple[tuple[str, str], ...]  # (period as printed, percentage as printed)
    goals: tuple[str, ...]  # without numbering; each keeps its own final 。
    indicators: tuple[Ind, ...]
    title: str | None = None  # heading without number, when not `<name>绩效目标表`
    goals_inline: bool = False  # `1.…。2.…。` in one paragraph
    enter: tuple[str, ...] = ()  # header cells ending with an empty paragraph: purpose, goals

    def __post_init__(self) -> None:
        assert len(self.indicators) >= 2 and 1 <= len(self.goals) <= 4, self.name
        assert Decimal(self.total) == Decimal(self.fiscal) + Decimal(self.other), self.name
        assert 18 <= len(self.code) <= 21, self.code
        assert len(self.unit_code) == 6 and self.unit_code.isdigit(), self.unit_code
        check_breaks(self.purpose)
        pcts = [Decimal(p.rstrip("%")) for _, p in self.plan]
        assert pcts == sorted(pcts) and pcts[-1] == 100, self.name
        for goal in self.goals:  # a number before a dot would read as the next goal's number
            assert not re.search(r"\d\.", goal), goal
        if self.goals_inline:
            assert all(g.endswith("。") for g in self.goals), "inline goals end with 。"

    @property
    def table_title(self) -> str:
        return self.title or f"{self.name}绩效目标表"


@dataclass(frozen=True)
class Item:
    """One 分项绩效目标: `（一）name`, `绩效目标：goal`, `绩效指标：indicator`."""

    name: str
    goal: str
    indicator: str


@dataclass(frozen=True)
class Doc:
    stem: str
    about: str  # one line for the report
    layout: str  # separate | nested | continued
    merge_level1: bool  # 一级 merged down (vertical merge) or repeated on every row
    overall: str
    items: tuple[Item, ...]
    measures: tuple[str, ...]
    projects: tuple[Project, ...]
    amount_unit: str = "万元"  # 万元 | 元
    merge_level2: bool = False  # 二级 merged down too, where consecutive rows share it
    title_line: str | None = None  # a document title above 第一部分, e.g. `…2022年部门预算绩效目标`
    year_text: int | None = None  # the year that title prints
    flow: bool = False  # pages break where they fall (inside indicator tables); else each
    # project starts a page
    repeat_header: bool = False  # the grid's header row repeats on every page (tblHeader)
    page_header: bool = False  # `第 N 页 共 M 页` above every page (all have `— N —` below)
    toc: int = 10000000  # first bookmark number
    features: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        assert self.layout in ("separate", "nested", "continued")
        assert 2 <= len(self.projects) <= 5, self.stem
        assert (self.title_line is None) == (self.year_text is None)
        if self.title_line:
            assert f"{self.year_text}年部门预算绩效目标" in self.title_line
        assert not (self.repeat_header and self.layout == "continued"), "tblHeader needs a table"
        for m in self.measures:
            assert "。" in m, m


def code(region: str, year: int, seed: str, length: int = 21) -> str:
    """A project code: division code, 2-digit year, then deterministic letters and digits."""
    head = f"{region}{year % 100:02d}"
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
    digest = hashlib.sha256(seed.encode()).digest()
    tail = "".join(alphabet[b % len(alphabet)] for b in digest)
    return head + tail[: length - len(head)]


def free_code(prefix: str, seed: str, length: int) -> str:
    """A project code without a division prefix (its first six characters are not digits)."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
    digest = hashlib.sha256(seed.encode()).digest()
    tail = "".join(alphabet[b % len(alphabet)] for b in digest)
    out = prefix + tail[: length - len(prefix)]
    assert not out[:6].isdigit()
    return out


STANDARD = ("3月底", "6月底", "10月底", "12月底")
QUARTERS = ("1季度", "2季度", "3季度", "4季度")
HALVES = ("6月底", "12月底")


def plan(periods: tuple[str, ...], *pcts: str) -> tuple[tuple[str, str], ...]:
    assert len(periods) == len(pcts)
    return tuple(zip(periods, pcts, strict=True))


def month_of(period: str) -> int:
    if period.endswith("月底"):
        return int(period[: -len("月底")])
    if period.endswith("季度"):
        return 3 * int(period[: -len("季度")])
    raise AssertionError(period)
