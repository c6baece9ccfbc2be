"""The expected canonical rows of a document, from its Doc (never from the extractor).

Written the way tests/golden/reference/*.json writes the reference document's rows.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from spec import CENT, LEVEL1_CODES, LEVEL2_CODES, Doc, Project, month_of

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
YUAN_PER = {"万元": Decimal(10000), "元": Decimal(1)}


def joined(cell: str) -> str:
    """A cell's paragraphs read joined with nothing between them, surrounding space stripped."""
    return cell.replace("\n", "").strip()


def yuan(printed: str, unit: str) -> str:
    return f"{(Decimal(printed) * YUAN_PER[unit]).quantize(CENT)}"


def region_code(code: str) -> str | None:
    return code[:6] if re.fullmatch(r"\d{6}", code[:6]) else None


def fiscal_year(doc: Doc) -> tuple[int, str]:
    """A year printed in the document's title wins; else the year digits of the project codes
    (6-digit division code, then 2-digit year)."""
    if doc.year_text is not None:
        return doc.year_text, "text"
    years = {2000 + int(p.code[6:8]) for p in doc.projects}
    assert len(years) == 1 and all(region_code(p.code) for p in doc.projects), doc.stem
    return years.pop(), "project_code"


def document_unit(doc: Doc) -> tuple[str | None, str | None]:
    units = {(p.unit_code, p.unit_name) for p in doc.projects}
    return units.pop() if len(units) == 1 else (None, None)


def project_row(year: int, seq: int, doc: Doc, p: Project) -> Row:
    return {
        "fiscal_year": year,
        "project_seq": seq,
        "table_title": p.table_title,
        "unit_code": p.unit_code,
        "unit_name": p.unit_name,
        "project_code": p.code,
        "project_name": p.name,
        "amount_unit": doc.amount_unit,
        "budget_total_yuan": yuan(p.total, doc.amount_unit),
        "budget_fiscal_yuan": yuan(p.fiscal, doc.amount_unit),
        "budget_other_yuan": yuan(p.other, doc.amount_unit),
        "budget_project_total_yuan": None,
        "budget_carryover_yuan": None,
        "purpose": joined(p.purpose),
        "region_code": region_code(p.code),
        "template": "project_table",
        "department_name": None,
        "project_category": None,
        "project_nature": None,
        "period_raw": None,
        "period_start": None,
        "period_end": None,
        "legal_basis": None,
        "implementation_plan": None,
    }


def rows(doc: Doc) -> dict[str, list[Row]]:
    year, source = fiscal_year(doc)
    out: dict[str, list[Row]] = {name: [] for name in DATASETS}
    dept = out["department_goals"]
    dept.append(
        {
            "fiscal_year": year,
            "seq": 1,
            "kind": "overall",
            "name": None,
            "goal": doc.overall,
            "indicator": None,
        }
    )
    for item in doc.items:
        dept.append(
            {
                "fiscal_year": year,
                "seq": len(dept) + 1,
                "kind": "item",
                "name": item.name,
                "goal": item.goal,
                "indicator": item.indicator,
            }
        )
    for k, measure in enumerate(doc.measures, 1):
        title = measure.split("。", 1)[0]
        out["measures"].append({"fiscal_year": year, "seq": k, "title": title, "text": measure})
    for seq, p in enumerate(doc.projects, 1):
        out["projects"].append(project_row(year, seq, doc, p))
        for k, goal in enumerate(p.goals, 1):
            out["project_goals"].append(
                {
                    "fiscal_year": year,
                    "project_seq": seq,
                    "seq": k,
                    "text": goal,
                    "horizon": "annual",
                }
            )
        for k, (period, pct) in enumerate(p.plan, 1):
            out["spending_plan"].append(
                {
                    "fiscal_year": year,
                    "project_seq": seq,
                    "seq": k,
                    "period": period,
                    "month": month_of(period),
                    "cumulative_pct": f"{Decimal(pct.rstrip('%')).quantize(CENT)}",
                }
            )
        for k, ind in enumerate(p.indicators, 1):
            v = ind.value
            out["indicators"].append(
                {
                    "fiscal_year": year,
                    "project_seq": seq,
                    "seq": k,
                    "level1": ind.level1,
                    "level2": ind.level2,
                    "level3": joined(ind.level3),
                    "description": joined(ind.description),
                    "value_raw": v.printed,
                    "comparator": v.comparator,
                    "value_num": v.num,
                    "value_unit": v.unit,
                    "value_kind": v.kind,
                    "basis": joined(ind.basis),
                    "level1_code": LEVEL1_CODES[ind.level1],
                    "level2_code": LEVEL2_CODES[ind.level2],
                    "note": None,
                    "horizon": "annual",
                    "direction": None,
                    "weight": None,
                }
            )
    unit_code, unit_name = document_unit(doc)
    out["documents"].append(
        {
            "fiscal_year": year,
            "fiscal_year_source": source,
            "unit_code": unit_code,
            "unit_name": unit_name,
            "status": "ok",
            "error": None,
            "n_projects": len(doc.projects),
            "n_indicators": len(out["indicators"]),
        }
    )
    return out
