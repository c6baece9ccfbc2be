"""Checks an analyst would otherwise do by hand after retyping, as `issues` findings.

Rules read finished rows only, so they apply the same to every input format. Each rule is a
small function; `validate` runs them all. `validate_fiscal_year` is separate because the fiscal
year is only final once the pipeline has weighed `--year` and the file name against the text.

Severities: `error` means the document's figures contradict themselves (a reviewer must send it
back); `warning` means something a reviewer should look at but that can be legitimate (a
continuing project keeps the year digits of the year it was created in).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from itertools import pairwise
from typing import Any

from extract.normalizers import fiscal, vocab
from extract.normalizers.findings import ERROR, WARNING, Finding
from extract.normalizers.values import is_deadline, parse_value

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


def _required_fields(
    projects: Sequence[Row],
    indicators: Sequence[Row],
    required: Mapping[str, tuple[str, ...]] | None,
) -> Iterator[Finding]:
    """Fields a project's template prints but the document left empty; a field the template
    does not print (a 项目编码 in a narrative sheet) is not missing."""
    for p in projects:
        for column, label in vocab.REQUIRED_PROJECT_FIELDS.items():
            wanted = required.get(p.get("template") or "") if required is not None else None
            if wanted is not None and column not in wanted:
                continue
            if _blank(p.get(column)):
                yield Finding(
                    WARNING,
                    "empty_required_field",
                    f"{label} is empty",
                    p.get("source_location"),
                    p["project_seq"],
                )
    for ind in indicators:
        for column, label in vocab.REQUIRED_INDICATOR_FIELDS.items():
            if column == "level3" and not _blank(ind.get("description")):
                continue  # a grid without a 三级 column names the indicator by its 指标内容
            if _blank(ind.get(column)):
                name = ind.get("level3") or ind.get("level2") or "?"
                yield Finding(
                    WARNING,
                    "empty_required_field",
                    f"{label} of indicator {name} is empty",
                    ind.get("source_location"),
                    ind["project_seq"],
                )


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


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


def _missing_level1(projects: Sequence[Row], indicators: Sequence[Row]) -> Iterator[Finding]:
    present: dict[int, set[str]] = defaultdict(set)
    for ind in indicators:
        # A 二级 counts for its framework 一级: 满意度 is a 二级 of 效益 in the 2015 forms.
        parent = vocab.LEVEL2_PARENT.get(ind.get("level2_code") or "")
        present[ind["project_seq"]].update({ind["level1_code"], parent} - {None})
    for p in projects:
        seq = p["project_seq"]
        if seq not in present:
            continue  # no indicators at all is reported by the normalizer
        missing = [vocab.LEVEL1_NAMES[c] for c in vocab.REQUIRED_LEVEL1 if c not in present[seq]]
        if missing:
            yield Finding(
                WARNING,
                "missing_level1",
                "the project has no " + "、".join(missing),
                p.get("source_location"),
                seq,
            )


def _level2_placement(indicators: Sequence[Row]) -> Iterator[Finding]:
    """A 二级指标 under a 一级指标 the framework does not put it under, once per pair.

    Unknown labels (code `other`) are not judged: the framework says nothing about them.
    """
    seen: set[tuple[int, str | None, str | None]] = set()
    for ind in indicators:
        level1, level2 = ind.get("level1_code"), ind.get("level2_code")
        allowed = vocab.LEVEL2_UNDER_LEVEL1.get(level1 or "")
        if allowed is None or level2 in (None, "other") or level2 in allowed:
            continue
        key = (ind["project_seq"], ind.get("level1"), ind.get("level2"))
        if key in seen:
            continue
        seen.add(key)
        homes = [
            vocab.LEVEL1_NAMES[c]
            for c, under in vocab.LEVEL2_UNDER_LEVEL1.items()
            if level2 in under
        ]
        yield Finding(
            WARNING,
            "level2_misplaced",
            f"二级指标 {ind.get('level2')} belongs under {' or '.join(homes)}, "
            f"not under 一级指标 {ind.get('level1')}",
            ind.get("source_location"),
            ind["project_seq"],
        )


def _quantitative_text(indicators: Sequence[Row]) -> Iterator[Finding]:
    """数量/质量/时效/成本 targets with no number at all (`控制在预算额度内`, `是否按规定执行`).

    Values that hold a number but could not be read are `value_unparsed` already, and empty
    ones `empty_required_field`; neither is reported twice.
    """
    for ind in indicators:
        raw = ind.get("value_raw") or ""
        if (
            ind.get("level2_code") not in vocab.QUANTITATIVE_LEVEL2
            or ind.get("value_kind") != "text"
            or not raw.strip()
            or parse_value(raw).unparsed
            or is_deadline(raw)  # `12月底前` is a timeliness target, though text
        ):
            continue
        yield Finding(
            WARNING,
            "quantitative_indicator_with_text_value",
            f"{ind.get('level2')} {ind.get('level3')} has no measurable target, only text: {raw}",
            ind.get("source_location"),
            ind["project_seq"],
        )


def validate_fiscal_year(projects: Sequence[Row], year: int | None) -> list[Finding]:
    """Project codes whose year digits (7–8, after the division) are not the fiscal year."""
    if year is None:
        return []
    findings = []
    for p in projects:
        code = p.get("project_code")
        code_year = fiscal.year_from_code(code)
        if code_year is not None and code_year != year:
            findings.append(
                Finding(
                    WARNING,
                    "project_code_year_mismatch",
                    f"项目编码 {code} carries the year {code_year}, but the fiscal year is {year}",
                    p.get("source_location"),
                    p["project_seq"],
                )
            )
    return findings


def validate(
    projects: Sequence[Row],
    plan: Sequence[Row],
    indicators: Sequence[Row],
    required: Mapping[str, tuple[str, ...]] | None = None,
) -> list[Finding]:
    """Every rule; `required` maps a template family to the project columns it must fill."""
    rules: list[Callable[[], Iterator[Finding]]] = [
        lambda: _budget_sum(projects),
        lambda: _spending_plan(plan, projects),
        lambda: _required_fields(projects, indicators, required),
        lambda: _duplicate_codes(projects),
        lambda: _missing_level1(projects, indicators),
        lambda: _level2_placement(indicators),
        lambda: _quantitative_text(indicators),
    ]
    return [finding for rule in rules for finding in rule()]
