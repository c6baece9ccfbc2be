"""Document → canonical rows: finds the two parts and converts every value to its typed form.

The result carries rows keyed only by their position (project_seq, seq); the pipeline adds
`doc_id` and `fiscal_year`, which depend on the file and the command line, not on content.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from extract.model import Document, Paragraph
from extract.normalizers import fiscal
from extract.normalizers.findings import ERROR, INFO, WARNING, Finding
from extract.normalizers.labels import classify_level1, classify_level2
from extract.normalizers.numbers import parse_amount, parse_month, parse_percent, to_yuan
from extract.normalizers.part_one import is_part_heading, parse_part_one
from extract.normalizers.projects import ProjectDraft, is_project_title, read_projects
from extract.normalizers.rows import events
from extract.normalizers.validate import validate, validate_fiscal_year
from extract.normalizers.values import parse_value

Row = dict[str, Any]


@dataclass(slots=True)
class Normalized:
    """Rows of every content dataset plus document-level facts found in the text."""

    department_goals: list[Row] = field(default_factory=list)
    measures: list[Row] = field(default_factory=list)
    projects: list[Row] = field(default_factory=list)
    project_goals: list[Row] = field(default_factory=list)
    spending_plan: list[Row] = field(default_factory=list)
    indicators: list[Row] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    unit_code: str | None = None
    unit_name: str | None = None
    year_from_text: int | None = None
    year_from_codes: int | None = None

    def validate_year(self, year: int | None) -> None:
        """Add the findings that need the final fiscal year.

        Only the pipeline decides that year, since `--year` and the file name take part too.
        """
        self.findings.extend(validate_fiscal_year(self.projects, year))


def normalize(doc: Document) -> Normalized:
    part_one, part_two_start = _split_parts(doc)
    out = Normalized()
    first = parse_part_one(part_one)
    out.department_goals = _numbered(first.goals)
    out.measures = _numbered(first.measures)
    drafts, findings = read_projects(events(doc.blocks[part_two_start:]))
    out.findings.extend(findings)
    for seq, draft in enumerate(drafts, start=1):
        _add_project(out, seq, draft)
    out.findings.extend(Finding(INFO, "parser_note", note) for note in doc.notes)
    out.findings.extend(Finding(ERROR, "content_unread", part) for part in doc.unread)
    _document_facts(out, doc, part_one, drafts)
    out.findings.extend(validate(out.projects, out.spending_plan, out.indicators))
    _layout_findings(out, drafts)
    return out


def _split_parts(doc: Document) -> tuple[list[Paragraph], int]:
    """Part one is every paragraph before part two's heading, a project title or a table."""
    part_one: list[Paragraph] = []
    for index, block in enumerate(doc.blocks):
        if not isinstance(block, Paragraph):
            return part_one, index
        text = block.text.strip()
        if is_project_title(text) or (is_part_heading(text) and _is_part_two(text)):
            return part_one, index
        part_one.append(block)
    return part_one, len(doc.blocks)


def _is_part_two(text: str) -> bool:
    return text.startswith("第二部分") or "项目" in text


def _numbered(rows: list[dict[str, str | None]]) -> list[Row]:
    return [{"seq": seq, **row} for seq, row in enumerate(rows, start=1)]


def _add_project(out: Normalized, seq: int, draft: ProjectDraft) -> None:
    unit = draft.amount_unit or _unit_from_purpose(draft)
    amounts = {k: parse_amount(draft.fields.get(k, "")) for k in _AMOUNT_FIELDS}
    if unit is None and any(v is not None for v in amounts.values()):
        out.findings.append(
            Finding(
                WARNING,
                "amount_unit_missing",
                "no amount unit (单位：万元/元) is printed for this project; amounts left empty",
                draft.location,
                seq,
            )
        )
    code = draft.fields.get("project_code")
    out.projects.append(
        {
            "project_seq": seq,
            "table_title": draft.title,
            "unit_code": draft.unit_code,
            "unit_name": draft.unit_name,
            "project_code": code,
            "project_name": draft.fields.get("project_name"),
            "amount_unit": unit,
            **{column: _yuan(amounts[key], unit) for key, column in _AMOUNT_FIELDS.items()},
            "purpose": draft.fields.get("purpose"),
            "region_code": fiscal.region_code(code),
            "source_location": draft.location,
        }
    )
    for goal_seq, goal in enumerate(draft.goals, start=1):
        out.project_goals.append({"project_seq": seq, "seq": goal_seq, "text": goal})
    _add_spending_plan(out, seq, draft)
    for ind_seq, ind in enumerate(draft.indicators, start=1):
        value = parse_value(ind.value_raw or "")
        out.indicators.append(
            {
                "project_seq": seq,
                "seq": ind_seq,
                "level1": ind.level1,
                "level2": ind.level2,
                "level3": ind.level3,
                "description": ind.description,
                "value_raw": ind.value_raw,
                "comparator": value.comparator,
                "value_num": value.number,
                "value_unit": value.unit,
                "value_kind": value.kind,
                "basis": ind.basis,
                "level1_code": classify_level1(ind.level1),
                "level2_code": classify_level2(ind.level2),
                "source_location": ind.location,
            }
        )
        if value.unparsed:
            out.findings.append(
                Finding(
                    WARNING,
                    "value_unparsed",
                    f"indicator value could not be read as a number: {ind.value_raw}",
                    ind.location,
                    seq,
                )
            )


_AMOUNT_FIELDS: dict[str, str] = {
    "budget_total": "budget_total_yuan",
    "budget_fiscal": "budget_fiscal_yuan",
    "budget_other": "budget_other_yuan",
}


def _yuan(amount: Decimal | None, unit: str | None) -> Decimal | None:
    return to_yuan(amount, unit) if amount is not None and unit else None


def _unit_from_purpose(draft: ProjectDraft) -> str | None:
    """`预算6万元` in the purpose text tells the unit when no `单位：` line is printed."""
    total = parse_amount(draft.fields.get("budget_total", ""))
    purpose = draft.fields.get("purpose") or ""
    if total is None or not purpose:
        return None
    for unit in ("万元", "元"):
        for form in {f"{total}", f"{total.normalize():f}"}:
            if f"{form}{unit}" in purpose:
                return unit
    return None


def _add_spending_plan(out: Normalized, seq: int, draft: ProjectDraft) -> None:
    if len(draft.periods) != len(draft.percents):
        out.findings.append(
            Finding(
                WARNING,
                "spending_plan_unparsed",
                f"spending plan has {len(draft.periods)} periods but "
                f"{len(draft.percents)} percentages",
                draft.location,
                seq,
            )
        )
    for point, (period, pct) in enumerate(zip(draft.periods, draft.percents, strict=False), 1):
        value: Decimal | None = parse_percent(pct)
        out.spending_plan.append(
            {
                "project_seq": seq,
                "seq": point,
                "period": period,
                "month": parse_month(period),
                "cumulative_pct": value,
            }
        )


def _document_facts(
    out: Normalized, doc: Document, part_one: list[Paragraph], drafts: list[ProjectDraft]
) -> None:
    units = Counter((d.unit_code, d.unit_name) for d in drafts if d.unit_code or d.unit_name)
    if units:
        out.unit_code, out.unit_name = units.most_common(1)[0][0]
    heads = [p.text for p in part_one[:5]] + [d.title for d in drafts if d.title]
    out.year_from_text = fiscal.year_from_text(heads)
    out.year_from_codes = fiscal.year_from_codes(d.fields.get("project_code") for d in drafts)


def _layout_findings(out: Normalized, drafts: list[ProjectDraft]) -> None:
    has_part_one = bool(out.department_goals or out.measures)
    if not drafts and not has_part_one:
        out.findings.append(
            Finding(
                ERROR,
                "layout_unrecognized",
                "no part of the document looks like a budget performance-target document",
            )
        )
    elif not drafts:
        out.findings.append(
            Finding(WARNING, "no_project_tables", "the document has no project tables")
        )
    for seq, draft in enumerate(drafts, start=1):
        if draft.n_rows and not draft.indicators:
            out.findings.append(
                Finding(
                    WARNING,
                    "indicator_header_missing",
                    "no indicator table (一级指标/二级指标/三级指标/指标值) found for this project",
                    draft.location,
                    seq,
                )
            )
