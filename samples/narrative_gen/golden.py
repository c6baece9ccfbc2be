"""The expected canonical rows of a sample, from its DocSpec (never from the extractor)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from spec import CENT, QUARTER_MONTHS, QUARTERS, DocSpec, Sheet, yuan

Row = dict[str, Any]
DATASETS = (
    "documents",
    "department_goals",
    "measures",
    "projects",
    "project_goals",
    "spending_plan",
    "indicators",
)


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else f"{yuan(value)}"


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def project_row(year: int | None, seq: int, sheet: Sheet) -> Row:
    budget, period = sheet.budget, sheet.period
    return {
        "fiscal_year": year,
        "project_seq": seq,
        "table_title": sheet.heading,
        "unit_code": None,
        "unit_name": None,
        "project_code": None,
        "project_name": sheet.name,
        "amount_unit": budget.unit,
        "budget_total_yuan": _decimal(budget.total_wan),
        "budget_fiscal_yuan": None,
        "budget_other_yuan": None,
        "purpose": "".join(sheet.overview),
        "region_code": None,
        "template": "narrative",
        "department_name": None,
        "project_category": None,
        "project_nature": None,
        "period_raw": period.raw,
        "period_start": _iso(period.start),
        "period_end": _iso(period.end),
        "budget_project_total_yuan": _decimal(budget.project_total_wan),
        "budget_carryover_yuan": None,
        "legal_basis": "".join(sheet.basis),
        "implementation_plan": "".join(sheet.plan),
    }


def spending_rows(year: int | None, seq: int, sheet: Sheet) -> list[Row]:
    quarters, total = sheet.budget.quarters, sheet.budget.total_wan
    if not quarters:
        return []
    assert total is not None and total > 0
    rows, running = [], Decimal(0)
    for k, amount in enumerate(quarters):
        running += amount
        pct = (running * 100 / total).quantize(CENT)
        rows.append(
            {
                "fiscal_year": year,
                "project_seq": seq,
                "seq": k + 1,
                "period": QUARTERS[k],
                "month": QUARTER_MONTHS[k],
                "cumulative_pct": f"{pct}",
            }
        )
    assert rows[-1]["cumulative_pct"] == "100.00"
    return rows


def expected(spec: DocSpec) -> dict[str, list[Row]]:
    year = spec.fiscal_year
    out: dict[str, list[Row]] = {name: [] for name in DATASETS}
    for seq, sheet in enumerate(spec.sheets, 1):
        out["projects"].append(project_row(year, seq, sheet))
        if sheet.goal is not None:
            text = "".join(sheet.goal)
            goal = {
                "fiscal_year": year,
                "project_seq": seq,
                "seq": 1,
                "text": text,
                "horizon": "annual",
            }
            out["project_goals"].append(goal)
        out["spending_plan"] += spending_rows(year, seq, sheet)
    out["documents"] = [
        {
            "fiscal_year": year,
            "fiscal_year_source": "text" if year is not None else None,
            "unit_code": None,
            "unit_name": spec.unit_name,
            "status": "ok",
            "error": None,
            "n_projects": len(spec.sheets),
            "n_indicators": 0,
        }
    ]
    return out
