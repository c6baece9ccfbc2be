"""Checks an analyst would otherwise do by hand after retyping, as `issues` findings.

Rules read finished rows only, so they apply the same to every input format. Each rule is a
small function; `validate` runs them all.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from itertools import pairwise
from typing import Any

from extract.normalizers.findings import ERROR, WARNING, Finding

Row = dict[str, Any]
_HUNDRED = Decimal("100")


def _budget_sum(projects: Sequence[Row]) -> Iterator[Finding]:
    for p in projects:
        total, fiscal, other = (
            p.get("budget_total_yuan"),
            p.get("budget_fiscal_yuan"),
            p.get("budget_other_yuan"),
        )
        if total is None or fiscal is None:
            continue
        parts = fiscal + (other or Decimal(0))
        if parts != total:
            yield Finding(
                ERROR,
                "budget_sum_mismatch",
                f"财政资金 {fiscal} + 其他资金 {other or 0} = {parts} yuan, but 预算数 is {total}",
                p.get("source_location"),
                p["project_seq"],
            )


def _spending_plan(plan: Sequence[Row], projects: Sequence[Row]) -> Iterator[Finding]:
    where = {p["project_seq"]: p.get("source_location") for p in projects}
    by_project: dict[int, list[Row]] = defaultdict(list)
    for point in plan:
        by_project[point["project_seq"]].append(point)
    for seq, points in by_project.items():
        values = [p["cumulative_pct"] for p in points if p["cumulative_pct"] is not None]
        if not values:
            continue
        if any(b < a for a, b in pairwise(values)):
            yield Finding(
                WARNING,
                "spending_plan_decreasing",
                "cumulative spending plan goes down: " + ", ".join(f"{v}%" for v in values),
                where.get(seq),
                seq,
            )
        if values[-1] != _HUNDRED:
            yield Finding(
                WARNING,
                "spending_plan_not_100",
                f"the last point of the spending plan is {values[-1]}%, not 100%",
                where.get(seq),
                seq,
            )


def _required_fields(projects: Sequence[Row]) -> Iterator[Finding]:
    labels = {"project_code": "项目编码", "project_name": "项目名称", "budget_total_yuan": "预算数"}
    for p in projects:
        for column, label in labels.items():
            if p.get(column) in (None, ""):
                yield Finding(
                    WARNING,
                    "empty_required_field",
                    f"{label} is empty",
                    p.get("source_location"),
                    p["project_seq"],
                )


def _duplicate_codes(projects: Sequence[Row]) -> Iterator[Finding]:
    counts = Counter(p["project_code"] for p in projects if p.get("project_code"))
    for p in projects:
        code = p.get("project_code")
        if code and counts[code] > 1:
            yield Finding(
                WARNING,
                "duplicate_project_code",
                f"项目编码 {code} appears {counts[code]} times in this document",
                p.get("source_location"),
                p["project_seq"],
            )


_REQUIRED_LEVEL1 = {"output": "产出指标", "outcome": "效益指标", "satisfaction": "满意度指标"}


def _missing_level1(projects: Sequence[Row], indicators: Sequence[Row]) -> Iterator[Finding]:
    present: dict[int, set[str]] = defaultdict(set)
    for ind in indicators:
        present[ind["project_seq"]].add(ind["level1_code"])
    for p in projects:
        seq = p["project_seq"]
        if seq not in present:
            continue  # no indicators at all is reported by the normalizer
        missing = [label for code, label in _REQUIRED_LEVEL1.items() if code not in present[seq]]
        if missing:
            yield Finding(
                WARNING,
                "missing_level1",
                "the project has no " + "、".join(missing),
                p.get("source_location"),
                seq,
            )


def validate(
    projects: Sequence[Row], plan: Sequence[Row], indicators: Sequence[Row]
) -> list[Finding]:
    rules: list[Callable[[], Iterator[Finding]]] = [
        lambda: _budget_sum(projects),
        lambda: _spending_plan(plan, projects),
        lambda: _required_fields(projects),
        lambda: _duplicate_codes(projects),
        lambda: _missing_level1(projects, indicators),
    ]
    return [finding for rule in rules for finding in rule()]
