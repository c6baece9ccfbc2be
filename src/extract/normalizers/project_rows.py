"""A recognized project → rows of projects, project_goals, spending_plan and indicators.

Everything here is budget semantics and none of it layout: amounts to yuan with the unit that
applies to each, which printed amount is this year's and which the whole project's, periods as
dates, codes split from names, check boxes, goals that only point elsewhere, and indicator
values read from one cell or from separate comparator / value / unit columns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from extract.normalizers import fiscal
from extract.normalizers.coded import split_code, ticked_choice
from extract.normalizers.findings import INFO, WARNING, Finding, severity_of
from extract.normalizers.labels import classify_level1, classify_level2
from extract.normalizers.numbers import (
    parse_amount_text,
    parse_month,
    parse_percent,
    to_yuan,
)
from extract.normalizers.periods import excel_serial_date, parse_date, parse_period
from extract.normalizers.values import (
    ParsedValue,
    comparator_of,
    direction_of,
    parse_value,
    parse_value_columns,
    parse_weight,
)
from extract.recognize.records import AmountText, Indicator, Project
from extract.templates import Vocabulary

Row = dict[str, Any]
_CENT = Decimal("0.01")
_HUNDRED = Decimal(100)

# Amount fields -> dataset columns.
AMOUNT_COLUMNS: dict[str, str] = {
    "budget_total": "budget_total_yuan",
    "budget_fiscal": "budget_fiscal_yuan",
    "budget_other": "budget_other_yuan",
    "budget_project_total": "budget_project_total_yuan",
    "budget_carryover": "budget_carryover_yuan",
}


@dataclass(slots=True)
class ProjectRows:
    project: Row
    goals: list[Row] = field(default_factory=list)
    plan: list[Row] = field(default_factory=list)
    indicators: list[Row] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def project_rows(seq: int, p: Project, words: Vocabulary) -> ProjectRows:
    findings = [
        Finding(severity_of(f.code), f.code, f.message, f.location, seq) for f in p.findings
    ]
    amounts, unit = _amounts(p, seq, findings)
    unit_code, unit_name = p.unit_code, p.unit_name
    if unit_name is None and p.fields.get("unit_name"):
        unit_code, unit_name = split_code(p.fields["unit_name"])
    department = p.fields.get("department_name")
    nature = p.fields.get("project_nature")
    code = p.fields.get("project_code")
    period_raw, start, end = _period(p.fields)
    row: Row = {
        "project_seq": seq,
        "table_title": p.title,
        "unit_code": unit_code,
        "unit_name": unit_name,
        "project_code": code,
        "project_name": p.fields.get("project_name"),
        "amount_unit": unit,
        **{column: amounts.get(name) for name, column in AMOUNT_COLUMNS.items()},
        "purpose": p.fields.get("purpose"),
        "region_code": fiscal.region_code(code),
        "source_location": p.location,
        "template": p.template,
        "department_name": split_code(department)[1] if department else None,
        "project_category": p.fields.get("project_category"),
        "project_nature": (ticked_choice(nature) or nature) if nature else None,
        "period_raw": period_raw,
        "period_start": start,
        "period_end": end,
        "legal_basis": p.fields.get("legal_basis"),
        "implementation_plan": p.fields.get("implementation_plan"),
    }
    out = ProjectRows(row, findings=findings)
    goals = [g for g in p.goals if not _is_pointer(g.text, words)]
    out.goals = [
        {"project_seq": seq, "seq": n, "text": g.text, "horizon": g.horizon}
        for n, g in enumerate(goals, start=1)
    ]
    out.plan = _plan(seq, p, amounts.get("budget_total"), findings)
    for n, indicator in enumerate(p.indicators, start=1):
        out.indicators.append(_indicator(seq, n, indicator, findings))
    return out


# --- amounts ------------------------------------------------------------------------------------


def _amounts(
    p: Project, seq: int, findings: list[Finding]
) -> tuple[dict[str, Decimal | None], str | None]:
    """Yuan per amount field, and the amount unit printed for the project."""
    readings = _resolve_scopes(p.amounts)
    parsed: list[tuple[AmountText, Decimal | None, str | None]] = []
    for reading in readings:
        value, cell_unit = parse_amount_text(reading.text)
        parsed.append((reading, value, cell_unit or reading.label_unit or p.amount_unit_line))
    default_unit = next((u for _, v, u in parsed if v is not None and u), None)
    default_unit = default_unit or p.amount_unit_line or _unit_from_purpose(p, parsed)
    unit = next(
        (u for r, v, u in parsed if r.field == "budget_total" and v is not None and u),
        default_unit,
    )
    if default_unit is None and any(v is not None for _, v, _ in parsed):
        findings.append(
            Finding(
                WARNING,
                "amount_unit_missing",
                "no amount unit (单位：万元/元) is printed for this project; amounts left empty",
                p.location,
                seq,
            )
        )
        return {}, None
    direct: dict[str, Decimal | None] = {}
    parts: dict[str, list[Decimal]] = {}
    for reading, value, cell_unit in parsed:
        if not reading.field:
            continue
        yuan = to_yuan(value, cell_unit or default_unit) if value is not None else None
        if reading.scope == "part":
            if yuan is not None:
                parts.setdefault(reading.field, []).append(yuan)
        elif reading.field not in direct or direct[reading.field] is None:
            direct[reading.field] = yuan
    for name, values in parts.items():
        if direct.get(name) is None:
            direct[name] = sum(values, Decimal(0)).quantize(_CENT)
    return direct, unit


def _resolve_scopes(readings: list[AmountText]) -> list[AmountText]:
    """Which printed amount is this year's and which the whole project's.

    An `either` label (资金总额, 财政拨款, 其他资金) is this year's unless the form also prints a
    this-year total: then a total of that kind is the project's. When the form prints the same
    amount twice (上海's two 其他资金, 武汉's 财政拨款 beside 当年财政拨款), each belongs to the
    total printed above it in its column (else left of it in its row); printed once, it is this
    year's.
    """
    year_total = any(r.field == "budget_total" and r.scope in ("year", "part") for r in readings)
    out: list[AmountText] = []
    for r in readings:
        copy = AmountText(r.field, r.text, r.scope, r.label_unit, r.row, r.col, r.table)
        if copy.scope == "either" and copy.field == "budget_total" and year_total:
            copy.field, copy.scope = "budget_project_total", "project"
        out.append(copy)
    totals = [r for r in out if r.field in ("budget_total", "budget_project_total")]
    if not any(r.field == "budget_project_total" for r in totals):
        return out
    printed = Counter(r.field for r in out if r.scope in ("either", "year"))
    for r in out:
        if (
            r.scope == "either"
            and r.field in ("budget_fiscal", "budget_other")
            and printed[r.field] > 1
        ):
            head = _head_of(r, totals)
            if head is not None and head.field == "budget_project_total":
                r.field = ""  # the whole project's share: no column
    return out


def _head_of(r: AmountText, totals: list[AmountText]) -> AmountText | None:
    same = [t for t in totals if t.table == r.table and t.table != 0]
    above = [t for t in same if t.col == r.col and t.row < r.row]
    if above:
        return max(above, key=lambda t: t.row)
    left = [t for t in same if t.row == r.row and t.col < r.col]
    return max(left, key=lambda t: t.col) if left else None


def _unit_from_purpose(
    p: Project, parsed: list[tuple[AmountText, Decimal | None, str | None]]
) -> str | None:
    """`预算6万元` in the purpose text tells the unit when no `单位：` line is printed."""
    purpose = p.fields.get("purpose") or ""
    total = next((v for r, v, _ in parsed if r.field == "budget_total" and v is not None), None)
    if total is None or not purpose:
        return None
    for unit in ("万元", "元"):
        for form in {f"{total}", f"{total.normalize():f}"}:
            if f"{form}{unit}" in purpose:
                return unit
    return None


# --- periods, goals, plan ----------------------------------------------------------------------


def _period(fields: dict[str, str]) -> tuple[str | None, Any, Any]:
    raw = fields.get("period_raw")
    if raw:
        start, end = parse_period(raw)
        return raw, start, end
    first, last = fields.get("period_start"), fields.get("period_end")
    if not first and not last:
        return None, None, None
    joined = " - ".join(t for t in (first, last) if t)
    return (
        joined,
        parse_date(first) if first else None,
        parse_date(last, end=True) if last else None,
    )


def _is_pointer(text: str, words: Vocabulary) -> bool:
    """A goal that only says where the goals are (`详见单位的项目绩效目标表`)."""
    return len(text) <= words.pointer_max_chars and any(w in text for w in words.goal_pointers)


def _plan(seq: int, p: Project, total: Decimal | None, findings: list[Finding]) -> list[Row]:
    if p.plan:
        return _plan_from_amounts(seq, p, findings)
    if len(p.periods) != len(p.percents):
        findings.append(
            Finding(
                WARNING,
                "spending_plan_unparsed",
                f"spending plan has {len(p.periods)} periods but {len(p.percents)} percentages",
                p.location,
                seq,
            )
        )
    rows = []
    for point, (period, pct) in enumerate(zip(p.periods, p.percents, strict=False), start=1):
        rows.append(
            {
                "project_seq": seq,
                "seq": point,
                "period": period,
                "month": parse_month(period),
                "cumulative_pct": parse_percent(pct),
            }
        )
    del total
    return rows


def _plan_from_amounts(seq: int, p: Project, findings: list[Finding]) -> list[Row]:
    """Quarterly 用款计划 amounts: cumulative shares of their sum."""
    values = [parse_amount_text(point.amount or "")[0] for point in p.plan]
    known = [v for v in values if v is not None]
    total = sum(known, Decimal(0))
    if not known or total == 0:
        return []
    rows, running = [], Decimal(0)
    for n, (point, value) in enumerate(zip(p.plan, values, strict=True), start=1):
        running += value or Decimal(0)
        rows.append(
            {
                "project_seq": seq,
                "seq": n,
                "period": point.period,
                "month": parse_month(point.period),
                "cumulative_pct": (running * _HUNDRED / total).quantize(_CENT),
            }
        )
    del findings
    return rows


# --- indicators ---------------------------------------------------------------------------------


def _indicator(seq: int, n: int, ind: Indicator, findings: list[Finding]) -> Row:
    raw = ind.value_raw
    level2_code = classify_level2(ind.level2)
    value = _value(ind, level2_code)
    if value[1].unparsed:
        findings.append(
            Finding(
                WARNING,
                "value_unparsed",
                f"indicator value could not be read as a number: {ind.value_raw}",
                ind.location,
                seq,
            )
        )
    raw, parsed = value
    return {
        "project_seq": seq,
        "seq": n,
        "level1": ind.level1,
        "level2": ind.level2,
        "level3": ind.level3,
        "description": ind.description,
        "value_raw": raw,
        "comparator": parsed.comparator,
        "value_num": parsed.number,
        "value_unit": parsed.unit,
        "value_kind": parsed.kind,
        "basis": ind.basis,
        "level1_code": classify_level1(ind.level1),
        "level2_code": level2_code,
        "source_location": ind.location,
        "note": ind.note,
        "horizon": ind.horizon,
        "direction": direction_of(ind.direction) if ind.direction else None,
        "weight": parse_weight(ind.weight),
        "ocr_confidence": ind.ocr_confidence,
    }


def _value(ind: Indicator, level2_code: str) -> tuple[str | None, ParsedValue]:
    raw = ind.value_raw
    if raw and level2_code == "timeliness" and not ind.unit:
        day = excel_serial_date(raw)
        if day is not None:
            sign = comparator_of(ind.sign) if ind.sign else None
            return day.isoformat(), ParsedValue(sign, None, None, "text", False)
    if ind.sign is not None or ind.unit is not None or ind.nature is not None:
        return raw, parse_value_columns(raw, ind.sign, ind.unit, ind.nature)
    return raw, parse_value(raw or "")


def document_unit(projects: Iterable[Row]) -> tuple[str | None, str | None]:
    """The unit every project names; None when projects name different units."""
    units = {(p.get("unit_code"), p.get("unit_name")) for p in projects}
    units.discard((None, None))
    return units.pop() if len(units) == 1 else (None, None)


__all__ = ["AMOUNT_COLUMNS", "INFO", "ProjectRows", "document_unit", "project_rows"]
