"""The content spec the narrative and no-target samples are written from.

A document is a list of blocks. The facts the golden rows hold (amounts, dates, the order of
quarters) are given here as values, and the printed sentences are made from those values, so the
document and its golden rows come from the same source (truth by construction).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

WAN = Decimal(10000)
CENT = Decimal("0.01")
QUARTERS = ("第一季度", "第二季度", "第三季度", "第四季度")
QUARTER_MONTHS = (3, 6, 9, 12)
SHEET_SUFFIXES = ("项目经费情况说明", "经费情况说明")  # longest first
SECTION_LABELS = (
    "项目概述",
    "立项依据",
    "实施主体",
    "实施方案",
    "实施周期",
    "年度预算安排",
    "绩效目标",
)
SECTION_NUMBERS = "一二三四五六七"
POINTER = "详见单位的项目绩效目标表。"


def yuan(wan: str | Decimal) -> Decimal:
    """万元 as printed → yuan with two decimals."""
    return (Decimal(wan) * WAN).quantize(CENT)


# --- periods ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    raw: str
    start: date | None
    end: date | None


def period_dots(start: date, end: date) -> Period:
    """`2025.1.1-2025.12.31`"""
    return Period(f"{_dots(start)}-{_dots(end)}", start, end)


def _dots(d: date) -> str:
    return f"{d.year}.{d.month}.{d.day}"


def period_days(start: date, end: date) -> Period:
    """`2025年1月1日-2025年12月31日`"""
    return Period(f"{_days(start)}-{_days(end)}", start, end)


def _days(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def period_months(y1: int, m1: int, y2: int, m2: int) -> Period:
    """`2025年1月-2025年12月`: the first day of the first month to the last day of the last."""
    last = calendar.monthrange(y2, m2)[1]
    return Period(f"{y1}年{m1}月-{y2}年{m2}月", date(y1, m1, 1), date(y2, m2, last))


def period_prose(text: str) -> Period:
    return Period(text, None, None)


# --- 年度预算安排 ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Budget:
    paragraphs: tuple[str, ...]
    total_wan: Decimal | None = None
    project_total_wan: Decimal | None = None
    quarters: tuple[Decimal, ...] = ()

    @property
    def unit(self) -> str | None:
        return "万元" if self.total_wan is not None else None


def budget_plain(prefix: str, amount: str, suffix: str = "万元。", *extra: str) -> Budget:
    """`2025年度预算795万元。`"""
    return Budget((f"{prefix}{amount}{suffix}", *extra), Decimal(amount))


def budget_breakdown(
    prefix: str, total: str, unit: str, items: tuple[tuple[str, str], ...], *extra: str
) -> Budget:
    """`2025年度项目总预算1720.00万，其中：A620.00万，B1100.00万。` (the parts add up)."""
    assert sum(Decimal(a) for _, a in items) == Decimal(total), f"breakdown of {total}"
    parts = "，".join(f"{name}{amount}{unit}" for name, amount in items)
    return Budget((f"{prefix}{total}{unit}，其中：{parts}。", *extra), Decimal(total))


def budget_quarters(prefix: str, amounts: tuple[str, str, str, str], *extra: str) -> Budget:
    """`第一季度用款计划15万元，第二季度用款计划20万元，…`: the total is their sum."""
    parts = "，".join(f"{q}用款计划{a}万元" for q, a in zip(QUARTERS, amounts, strict=True))
    values = tuple(Decimal(a) for a in amounts)
    return Budget((f"{prefix}{parts}。", *extra), sum(values, Decimal(0)), quarters=values)


def budget_investment(text: str, total: str, year: str, *extra: str) -> Budget:
    """`text` holds `{total}` and `{year}`: `总投资{total}万元……本年度安排建设资金{year}万元`."""
    assert "{total}" in text and "{year}" in text
    body = text.format(total=total, year=year)
    return Budget((body, *extra), Decimal(year), project_total_wan=Decimal(total))


def budget_none(*paragraphs: str) -> Budget:
    assert not any(c.isdigit() for p in paragraphs for c in p), "prose without an amount"
    return Budget(tuple(paragraphs))


# --- a project sheet ------------------------------------------------------------------------


@dataclass(frozen=True)
class Sheet:
    heading: str  # as printed, e.g. `人民调解项目经费情况说明` or bare `项目经费情况说明`
    overview: tuple[str, ...]
    basis: tuple[str, ...]
    subject: tuple[str, ...]
    plan: tuple[str, ...]
    period: Period
    budget: Budget
    goal: tuple[str, ...] | None  # None: the section only points to the table (POINTER)
    number: str = ""  # list numbering printed before the heading, e.g. `1.`
    overview_label: str = "项目概述"  # or 项目概况
    inline: frozenset[str] = frozenset()  # labels whose first paragraph follows `：` on their line

    @property
    def name(self) -> str | None:
        for suffix in SHEET_SUFFIXES:
            if self.heading.endswith(suffix):
                stem = self.heading[: -len(suffix)]
                return stem or None
        raise AssertionError(f"not a sheet heading: {self.heading}")

    def sections(self) -> list[tuple[str, tuple[str, ...]]]:
        """(label, paragraphs) in printed order."""
        goal = self.goal if self.goal is not None else (POINTER,)
        texts = (
            self.overview,
            self.basis,
            self.subject,
            self.plan,
            (self.period.raw,),
            self.budget.paragraphs,
            goal,
        )
        labels = (self.overview_label, *SECTION_LABELS[1:])
        return list(zip(labels, texts, strict=True))


# --- the other blocks -----------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1: chapter (一、…), 2: sub-chapter (（一）…)
    page_break: bool = False


@dataclass(frozen=True)
class Para:
    text: str
    align: str = "justify"  # justify | center | right | left
    bold: bool = False
    size: float | None = None  # points
    indent: bool = True  # first line indented by two characters


@dataclass(frozen=True)
class Table:
    title: str
    header: tuple[tuple[str, ...], ...]  # one or more header rows
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]  # twips
    unit_line: str = "单位：万元"
    merges: tuple[tuple[int, int, int, int], ...] = ()  # header cells (row, col, row2, col2)


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Para | Table | PageBreak | Sheet


@dataclass(frozen=True)
class Style:
    """How one document prints its furniture and sheets."""

    header_text: str
    cover_furniture: bool = True  # False: the cover page has no header or footer
    sheet_page_break: bool = False  # every sheet starts a new page
    sheet_heading_style: str = "bold"  # bold | heading (Word's Heading 2)
    section_heading_style: str = "bold"  # bold | heading (Word's Heading 3)


@dataclass(frozen=True)
class DocSpec:
    name: str
    family: str  # narrative | no_targets
    cover: tuple[str, ...]
    fiscal_year: int | None
    unit_name: str | None  # documents.unit_name expected
    style: Style
    body: tuple[Block, ...]
    title: str = "部门预算（样例）"
    toc: bool = True
    extra_checks: tuple[str, ...] = field(default=())  # more text the PDF must show

    @property
    def sheets(self) -> list[Sheet]:
        return [b for b in self.body if isinstance(b, Sheet)]
