"""Problems found while normalizing or validating, before they become `issues` rows.

Kept as plain data with stable codes (the frictionless-py idea): a finding never raises, it is
reported, so one odd table does not cost the rest of the document.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
INFO = "info"

# Codes that mean rows could not be extracted (they make a document `partial`), as opposed to
# findings about the content itself (a budget that does not add up is extracted faithfully).
EXTRACTION_CODES: frozenset[str] = frozenset(
    {
        "layout_unrecognized",
        "table_unrecognized",
        "indicator_header_missing",
        "content_unread",
        "template_unmatched",
    }
)


# What each code means, in a reviewer's words: the quality report prints it beside the count.
CODE_MEANINGS: dict[str, str] = {
    "budget_sum_mismatch": "财政资金 + 其他资金 ≠ 预算数",
    "spending_plan_decreasing": "the cumulative 资金支出计划 goes down",
    "spending_plan_not_100": "the 资金支出计划 does not end at 100%",
    "spending_plan_unparsed": "the 资金支出计划's periods and percentages do not pair up",
    "missing_level1": "a project without 产出, 效益 or 满意度 indicators",
    "level2_misplaced": "a 二级指标 under the wrong 一级指标",
    "value_unparsed": "a 指标值 with figures that could not be read (a range, a typo)",
    "quantitative_indicator_with_text_value": "a 数量/质量/时效/成本 target without a figure",
    "duplicate_project_code": "the same 项目编码 twice in one document",
    "project_code_year_mismatch": "the year digits of the 项目编码 are not the fiscal year",
    "empty_required_field": "项目编码, 项目名称, 预算数, 三级指标 or 指标值 left empty",
    "amount_unit_missing": "no amount unit (万元/元) printed, so amounts were left empty",
    "no_project_tables": "a document without 项目绩效目标表",
    "indicator_header_missing": "a project without an indicator table",
    "table_unrecognized": "table rows that could not be read",
    "text_unrecognized": "text in a project table that maps to no column",
    "layout_unrecognized": "not recognisable as a performance-target document",
    "content_unread": "part of the file (a damaged or scanned page) could not be read",
    "file_unreadable": "the file could not be read at all",
    "parser_note": "how an ambiguity of the file format was resolved",
    "template_unmatched": "a table that looks like a target table but that no template reads",
    "template_ambiguous": "two templates read a table equally well; the first was used",
    "column_unmapped": "indicator grid columns no template maps (reported, not read)",
    "no_target_tables": "a readable document without performance targets (0 projects)",
    "document_replaced": "a path re-run with other content replaced its old document",
    "file_changed_during_run": "the file was rewritten during the run; rows are of the bytes read",
}

# Severity of the codes the recognition engines raise (validation picks its own).
_ENGINE_SEVERITY: dict[str, str] = {
    "text_unrecognized": INFO,
    "column_unmapped": INFO,
    "template_ambiguous": INFO,
    "no_target_tables": INFO,
    "table_unrecognized": WARNING,
    "template_unmatched": ERROR,
}


def severity_of(code: str) -> str:
    return _ENGINE_SEVERITY.get(code, WARNING)


@dataclass(frozen=True, slots=True)
class Finding:
    severity: str
    code: str
    message: str
    location: str | None = None
    project_seq: int | None = None
