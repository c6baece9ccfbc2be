"""Every piece of text the report prints, in Chinese and in English, kept here as data.

`MESSAGES` maps a message id to its (zh, en) templates; `{name}` fields are filled in by the
page. An English template may hold a singular and a plural form separated by `|`
(`"{n} error|{n} errors"`), picked by `Text.n`; Chinese has no plural. `CODE_MEANINGS_ZH`
says in Chinese what each issue code means (the English is `findings.CODE_MEANINGS`).
Strings read from the documents (names, paths, issue messages) are printed as they are.
"""

from __future__ import annotations

import html
import string
from typing import Final

from extract.normalizers.findings import CODE_MEANINGS

LANGS: Final = ("zh", "en")
HTML_LANG: Final = {"zh": "zh-CN", "en": "en"}

# id -> (zh, en)
MESSAGES: Final[dict[str, tuple[str, str]]] = {
    # page and header
    "title": ("抽取质量报告", "Extraction quality report"),
    "page_title": ("抽取质量报告：{source}", "Extraction quality report: {source}"),
    "header": (
        "输出文件夹 {source}：{documents}，{years}{when}。由 extract {version} 生成。",
        "Output folder {source}: {documents}, {years}{when}. Report by extract {version}.",
    ),
    "n_documents": ("{n} 份文件", "{n} document|{n} documents"),
    "years": ("{years} 年度", "fiscal year {years}"),
    "years_sep": ("、", ", "),
    "years_and_unknown": ("（另有年度未知的文件）", " and unknown"),
    "years_unknown": ("年度未知", "fiscal year unknown"),
    "extracted_at": ("，抽取于 {first} UTC", ", extracted {first} UTC"),
    "extracted_between": (
        "，抽取于 {first} 至 {last} UTC",
        ", extracted {first} to {last} UTC",
    ),
    # navigation and section headings
    "h_not_read": ("未读取的文件", "Files not read"),
    "h_repeats": ("多份文件中的同一项目", "Projects read from several documents"),
    "h_issue_codes": ("问题分类", "Issues by kind"),
    "h_charts": ("图表", "Charts"),
    "h_documents": ("文件", "Documents"),
    "h_issues": ("问题", "Issues"),
    "h_projects": ("项目", "Projects"),
    "nav_summary": ("概览", "Summary"),
    "nav_not_read": ("未读取", "Not read"),
    "nav_repeats": ("重复项目", "Repeated projects"),
    "nav_charts": ("图表", "Charts"),
    "nav_documents": ("文件", "Documents"),
    "nav_issues": ("问题", "Issues"),
    "nav_projects": ("项目", "Projects"),
    # counts by severity
    "count_error": ("{n} 个错误", "{n} error|{n} errors"),
    "count_warning": ("{n} 个警告", "{n} warning|{n} warnings"),
    "count_info": ("{n} 条提示", "{n} note|{n} notes"),
    "count_sep": ("、", ", "),
    "counts_read": (
        "已读取文件中的问题：{counts}。",
        "Issues in the files read: {counts}.",
    ),
    "counts_not_read": (
        "另有 {n} 份文件未能读取（见“未读取的文件”），不计入以上数字。",
        "{n} more file could not be read (see Files not read); it is not counted above.|"
        "{n} more files could not be read (see Files not read); they are not counted above.",
    ),
    # summary tiles
    "tile_documents": ("份文件", "document|documents"),
    "tile_documents_detail": (
        "{ok} 份正常 · {partial} 份部分读取 · {failed} 份未读取",
        "{ok} ok · {partial} partial · {failed} not read",
    ),
    "tile_not_read": ("份文件未读取", "file not read|files not read"),
    "tile_not_read_none": ("每份文件都已读取", "every file was read"),
    "tile_not_read_some": ("损坏、为空或无法打开", "damaged, empty or unreadable"),
    "tile_projects": ("个项目", "project|projects"),
    "tile_projects_detail": ("{units} 个单位", "in {units} unit|in {units} units"),
    "tile_projects_repeats": (
        "；共 {rows} 行，其中 {left} 行为其他文件中的重复",
        "; {rows} rows, {left} of them repeats from other documents",
    ),
    "tile_budget": ("预算数（每个项目计一次）", "预算数 (each project once)"),
    "tile_budget_detail": ("精确值 {yuan} 元", "exactly {yuan} 元"),
    "tile_budget_left_out": (
        "；未计入 {n} 行重复（{amount}），全部行合计 {all}",
        "; {n} repeated rows ({amount}) left out, all rows {all}",
    ),
    "tile_indicators": ("个指标", "indicator|indicators"),
    "tile_indicators_detail": ("{share} 有数值目标", "{share} with a numeric target"),
    "tile_errors": ("个错误", "error|errors"),
    "tile_errors_detail": (
        "已读取文件中相互矛盾的数字等",
        "figures that contradict, in the files read",
    ),
    "tile_warnings": ("个警告", "warning|warnings"),
    "tile_warnings_detail": ("待复核 · {notes}", "to review · {notes}"),
    # files not read
    "not_read_none": ("每份文件都已读取。", "Every file was read."),
    "not_read_note": (
        "这些文件无法读取，数据集中没有它们的任何内容。它们的错误说明的是文件本身，"
        "不是相互矛盾的数字，因此不计入上方的错误数。",
        "Nothing of these files could be read, so the datasets hold none of their content. "
        "Their errors are about the file itself, not figures that contradict, and are not "
        "counted among the errors above.",
    ),
    "col_reason": ("原因", "Reason"),
    "col_issue_codes": ("问题代码", "Issue codes"),
    # repeated projects
    "repeats_none": ("没有项目出现在多份文件中。", "No project appears in more than one document."),
    "repeats_note": (
        "同一单位、同一年度的同一项目（单位编码 + 项目编码；无项目编码时按单位名称 + "
        "项目名称，忽略空白）出现在多份文件中，例如同一文件的 .docx、.pdf 和 .txt "
        "版本都被抽取了。预算合计中每个项目只计一次，按标有“计入”的文件；",
        "One unit's project of one year (unit_code + project_code; without a project code, "
        "unit name + project name, whitespace ignored) was read from more than one "
        "document, e.g. the .docx, .pdf and .txt renderings of the same file were all run. "
        "Budget totals count each such project once, from the document marked counted; ",
    ),
    "repeats_left_out": (
        "其余 {n} 行（{amount}）未计入。指标数量和占比仍按每份文件的行统计。",
        "the other {n} rows ({amount}) are left out. Indicator counts and shares still "
        "count every document's rows.",
    ),
    "repeats_count": (
        "{n} 个项目出现在多份文件中。",
        "{n} project appears in more than one document.|"
        "{n} projects appear in more than one document.",
    ),
    "col_n_documents": ("文件数", "Documents"),
    "col_copies": ("各文件及其预算数", "Each document and its 预算数"),
    "counted": ("计入", "counted"),
    "amounts_differ": ("金额不一致", "amounts differ"),
    "repeat_badge": ("{n} 份文件中重复", "in {n} documents"),
    "repeat_badge_counted": ("计入合计", "counted in the totals"),
    "repeat_badge_left_out": ("重复，未计入合计", "a repeat, left out of the totals"),
    "show_rows": ("展开 {n} 行", "Show the row|Show the {n} rows"),
    # issues by kind
    "no_issues": ("未发现问题。", "No issues found."),
    "col_severity": ("严重程度", "Severity"),
    "col_code": ("代码", "Code"),
    "col_meaning": ("含义", "Meaning"),
    "col_count": ("数量", "Count"),
    "issue_codes_note": (
        "每个问题都列在“问题”部分，并链接到其项目。",
        "Each one is listed under Issues with a link to its project.",
    ),
    "issue_codes_not_read": (
        "未读取文件的错误不在此表中，见“未读取的文件”。",
        "The errors of files not read are not in this table: see Files not read.",
    ),
    # charts
    "charts_empty": (
        "未抽取到项目，无可绘制的图表。",
        "No projects were extracted: nothing to chart.",
    ),
    "chart_projects": ("各项目预算数", "Budget by project (预算数)"),
    "chart_projects_top": (
        "预算数最大的 {shown} 个项目（共 {n} 个）；其余 {rest} 个合计 {amount}"
        "（均列于“项目”部分）。",
        "The {shown} largest of {n} projects; the other {rest} total {amount} (all are "
        "listed under Projects).",
    ),
    "chart_projects_once": (
        "出现在多份文件中的项目只显示一次。",
        "A project read from several documents is shown once.",
    ),
    "chart_projects_missing": (
        "{n} 个项目未读到预算数，未显示。",
        "{n} project without a readable 预算数 not shown.|"
        "{n} projects without a readable 预算数 not shown.",
    ),
    "chart_projects_empty": ("未能读取任何预算数。", "No 预算数 could be read."),
    "legend_budget": ("预算数", "预算数"),
    "legend_budget_mismatch": ("财政资金 + 其他资金 ≠ 预算数", "财政资金 + 其他资金 ≠ 预算数"),
    "no_code": ("无编码", "no code"),
    "bar_project_tip": (
        "{label} · {code} · {path} · {yuan} 元",
        "{label} · {code} · {path} · {yuan} 元",
    ),
    "bar_project_repeat": ("（{n} 份文件）", " (in {n} documents)"),
    "chart_units": ("各单位预算数（每个项目计一次）", "Budget by unit (预算数, each project once)"),
    "unit_not_printed": ("（未印单位名称）", "(unit not printed)"),
    "bar_unit": ("{amount} · {n} 个项目", "{amount} · {n} project|{amount} · {n} projects"),
    "bar_unit_left_out": ("（另有 {n} 行重复未计）", " ({n} repeats left out)"),
    "bar_unit_tip": (
        "{unit}：{amount}，{n} 个项目；全部 {rows} 行合计 {all}",
        "{unit}: {amount} in {n} projects; all {rows} rows {all}",
    ),
    "chart_units_top": (
        "预算数最大的 {top} 个单位（共 {n} 个）。",
        "The {top} largest of {n} units.",
    ),
    "chart_share": (
        "各二级指标中有数值目标的指标占比",
        "Share of indicators with a numeric target, per 二级指标",
    ),
    "chart_share_empty": ("未抽取到指标。", "No indicators were extracted."),
    "bar_share": ("{share} · {n}/{all}", "{share} · {n} of {all}"),
    "bar_share_tip": (
        "{name}（{code}）：{all} 个中 {n} 个为数值",
        "{name} ({code}): {n} of {all} numeric",
    ),
    "legend_share_qualitative": ("可为定性", "may be qualitative"),
    "chart_share_note": (
        "数量、质量、时效、成本指标应为数值（只有文字的会给出警告 "
        "quantitative_indicator_with_text_value）；效益和满意度指标可为定性。",
        "数量、质量、时效、成本 targets should be figures (a text-only one is the warning "
        "quantitative_indicator_with_text_value); 效益 and 满意度 targets may be qualitative.",
    ),
    "chart_plans": (
        "资金支出计划（累计 %）与均匀进度线",
        "Spending plans (资金支出计划, cumulative %) against the straight line",
    ),
    "chart_plans_empty": ("未能读取任何资金支出计划。", "No spending plan could be read."),
    "legend_plan": ("项目的计划", "a project's plan"),
    "legend_plan_issue": ("有问题的计划", "plan with an issue"),
    "legend_straight": ("均匀进度线", "straight line"),
    "chart_plans_note": (
        "{n} 个项目。虚线以上表示支出快于全年均匀进度，以下则慢于均匀进度；"
        "每个计划都应以 100% 结束。",
        "{n} project. Above the dashed line a project spends faster than evenly through the "
        "year, below it slower; every plan should end at 100%.|"
        "{n} projects. Above the dashed line a project spends faster than evenly through the "
        "year, below it slower; every plan should end at 100%.",
    ),
    "straight_tip": (
        "均匀进度线：年初 0% 至 12月底 100%",
        "straight line: 0% at 年初 to 100% at 12月底",
    ),
    "spark_title": ("{label} 的资金支出计划", "spending plan of {label}"),
    # documents table
    "documents_empty": ("此输出中没有文件。", "This output holds no documents."),
    "documents_note": (
        "先列未读取和部分读取的文件，再按错误和警告从多到少。",
        "Files not read and partial ones first, then those with the most errors and warnings.",
    ),
    "col_file": ("文件", "File"),
    "col_format": ("格式", "Format"),
    "col_year": ("年度", "Year"),
    "col_unit": ("单位", "Unit"),
    "col_status": ("状态", "Status"),
    "col_projects": ("项目", "Projects"),
    "col_indicators": ("指标", "Indicators"),
    "col_errors": ("错误", "Errors"),
    "col_warnings": ("警告", "Warnings"),
    "col_notes": ("提示", "Notes"),
    "col_reason_doc": ("原因（未读取或部分读取）", "Reason (not read or partial)"),
    "year_unknown": ("未知", "unknown"),
    "status_ok": ("正常", "ok"),
    "status_partial": ("部分读取", "partial"),
    "status_failed": ("未读取", "failed"),
    "severity_error": ("错误", "error"),
    "severity_warning": ("警告", "warning"),
    "severity_info": ("提示", "info"),
    # issues table
    "issues_read_only": (
        "{counts}，均来自已读取的文件。",
        "{counts}, all in the files read.",
    ),
    "no_serious": ("没有错误或警告。", "No errors or warnings."),
    "notes_summary": (
        "{n} 条提示（info）：读取器如何处理文件格式中的歧义等说明",
        "{n} note (info) on how the reader resolved ambiguities of a file format and the like|"
        "{n} notes (info) on how the reader resolved ambiguities of a file format and the like",
    ),
    "col_message": ("说明", "Message"),
    "col_document": ("文件", "Document"),
    "col_project": ("项目", "Project"),
    "col_location": ("位置", "Location"),
    "target_document": ("整份文件", "document"),
    # projects table
    "projects_empty": ("未抽取到项目。", "No projects were extracted."),
    "projects_note": (
        "金额按原文的单位显示（万元或元），鼠标悬停可见精确的元数。指标：数值目标数 / 全部。"
        "鼠标悬停问题标记可见其说明。",
        "Amounts in the unit printed in the document (万元 or 元); hover one for the exact "
        "figure in 元. Indicators: numeric targets / all. Hover an issue badge for its message.",
    ),
    "col_project_code": ("项目编码", "项目编码"),
    "col_project_name": ("项目名称", "项目名称"),
    "col_budget_total": ("预算数", "预算数"),
    "col_budget_fiscal": ("财政资金", "财政资金"),
    "col_budget_other": ("其他资金", "其他资金"),
    "col_plan": ("资金支出计划", "资金支出计划"),
    "col_issues": ("问题", "Issues"),
}

# What each issue code means, in Chinese (the English is findings.CODE_MEANINGS).
CODE_MEANINGS_ZH: Final[dict[str, str]] = {
    "budget_sum_mismatch": "财政资金 + 其他资金 ≠ 预算数",
    "spending_plan_decreasing": "累计资金支出计划出现下降",
    "spending_plan_not_100": "资金支出计划最终不是 100%",
    "spending_plan_unparsed": "资金支出计划的时间节点与百分比无法一一对应",
    "missing_level1": "项目缺少产出、效益或满意度指标",
    "level2_misplaced": "二级指标放在了错误的一级指标下",
    "value_unparsed": "指标值含有无法读取的数字（区间、笔误等）",
    "quantitative_indicator_with_text_value": "数量/质量/时效/成本指标没有数值目标",
    "duplicate_project_code": "同一文件中项目编码出现两次",
    "project_code_year_mismatch": "项目编码中的年份与预算年度不符",
    "empty_required_field": "项目编码、项目名称、预算数、三级指标或指标值为空",
    "amount_unit_missing": "未印金额单位（万元/元），金额留空",
    "no_project_tables": "文件中没有项目绩效目标表",
    "indicator_header_missing": "项目没有指标表",
    "table_unrecognized": "无法读取的表格行",
    "text_unrecognized": "项目表中无法对应到任何列的文字",
    "layout_unrecognized": "无法识别为绩效目标文件",
    "content_unread": "文件的一部分（损坏或扫描的页）无法读取",
    "ocr_low_confidence": "OCR 从扫描件识别、置信度低的数字：请对照扫描件核对",
    "file_unreadable": "文件完全无法读取",
    "parser_note": "文件格式中的歧义是如何处理的",
    "template_unmatched": "看似绩效目标表、但没有模板能读取的表格",
    "template_ambiguous": "两个模板读取效果相同，使用了第一个",
    "column_unmapped": "没有模板对应的指标表列（已报告，未读取）",
    "no_target_tables": "可读取但没有绩效目标的文件（0 个项目）",
    "document_replaced": "同一路径重新抽取时内容已变，替换了旧文件",
    "file_changed_during_run": "抽取过程中文件被改写，数据按读取时的内容",
}


class Text:
    """The report's strings in one language: `t("h_issues")`, `t.n("count_error", 3)`."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGS:
            raise ValueError(f"unknown report language {lang!r}: use one of {', '.join(LANGS)}")
        self.lang = lang
        self._column = LANGS.index(lang)

    @property
    def html_lang(self) -> str:
        return HTML_LANG[self.lang]

    def __call__(self, key: str, **values: object) -> str:
        """The message, plain text (escape it before it reaches markup)."""
        return self._template(key, None).format(**values)

    def n(self, key: str, n: int, **values: object) -> str:
        """The message in the form for the count `n` (`{n}` filled in)."""
        return self._template(key, n).format(n=n, **values)

    def html(self, key: str, n: int | None = None, **markup: str) -> str:
        """The message escaped, its fields filled with `markup` as given (already HTML)."""
        template = html.escape(self._template(key, n), quote=True)
        return template.format(**markup) if n is None else template.format(n=n, **markup)

    def meaning(self, code: str) -> str:
        if self.lang == "zh":
            return CODE_MEANINGS_ZH.get(code) or CODE_MEANINGS.get(code, "")
        return CODE_MEANINGS.get(code, "")

    def _template(self, key: str, n: int | None) -> str:
        forms = MESSAGES[key][self._column].split("|")
        if len(forms) == 1:
            return forms[0]
        return forms[0] if n == 1 else forms[1]


def fields(template: str) -> set[str]:
    """The `{name}` fields of a template (for checking that both languages agree)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
