"""A Doc as the reference's Word structure (samples/make_samples.py's Builder), then .docx bytes.

Part one is paragraphs, the headings `一、` `二、` `三、` in Heading 1 with `_Toc` bookmarks; part
two is, per project, the bookmarked heading `N.<title>` (Heading 2), the header table on the
reference's 7-column grid (HEADER_SPANS, the unit line as its first row) and the indicator grid
— a separate table, a table nested in an extra last row, or rows continuing the header table,
as Builder does for the seed's variants. Merged labels are vertical merges; a repeated 一级 is
printed on every row.
"""

from __future__ import annotations

import io
from typing import Any

from docx.oxml.ns import qn
from make_samples import (
    HEADER_WIDTHS,
    INDICATOR_WIDTHS,
    Block,
    Builder,
    CellSpec,
    Para,
    TableSpec,
    Variant,
    deterministic_zip,
    el,
    new_document,
    paragraph_text,
)
from spec import Doc, Ind, Project

GRID_HEADER = ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据")
CN = "一二三四五六七八九十"
# Spans of the spending-plan rows after the label cell, by number of periods (7-column grid).
PLAN_SPANS = {4: (1, 1, 2, 2), 2: (3, 3)}


def cell(text: str, span: int = 1, vmerge: str | None = None, enter: bool = False) -> CellSpec:
    paragraphs = [[part] for part in text.split("\n")]
    if enter:
        paragraphs.append([""])
    return CellSpec(paragraphs, span, vmerge)


def title_text(k: int, p: Project) -> str:
    return f"{k}.{p.table_title}"


def leading(doc: Doc) -> str:
    """The seed prints ` 第一部分` with a leading space; every other document does too."""
    return " " if doc.toc % 2 == 0 else ""


def blocks(doc: Doc) -> list[Block]:
    toc = iter(range(doc.toc, doc.toc + 100))
    out: list[Block] = []
    if doc.title_line:
        out += [Para(doc.title_line), Para("")]
    out += [Para(f"{leading(doc)}第一部分"), Para("部门整体绩效目标"), Para("")]
    out += [Para("一、总体绩效目标", f"_Toc{next(toc)}"), Para(doc.overall)]
    out.append(Para("二、分项绩效目标", f"_Toc{next(toc)}"))
    for k, item in enumerate(doc.items):
        out += [
            Para(f"（{CN[k]}）{item.name}"),
            Para(f"绩效目标：{item.goal}"),
            Para(f"绩效指标：{item.indicator}"),
        ]
    out.append(Para("三、工作保障措施", f"_Toc{next(toc)}"))
    out += [Para(m) for m in doc.measures]
    out += [Para(f"{leading(doc)}第二部分"), Para(""), Para("预算项目绩效目标")]
    out += [Para(""), Para(""), Para("")]
    for k, p in enumerate(doc.projects, 1):
        out.append(Para(title_text(k, p), f"_Toc{next(toc)}"))
        out += [header_table(doc, p), Para(""), indicator_table(doc, p)]
        if doc.flow:  # else the next heading starts a page: blank lines could spill onto one
            out += [Para(""), Para("")]
    return out


def goal_paragraphs(p: Project) -> str:
    numbered = [f"{k}.{goal}" for k, goal in enumerate(p.goals, 1)]
    return "".join(numbered) if p.goals_inline else "\n".join(numbered)


def header_table(doc: Doc, p: Project) -> TableSpec:
    spans = PLAN_SPANS[len(p.plan)]
    rows = [
        [cell(f"{p.unit_code}{p.unit_name}", 5), cell(f"单位：{doc.amount_unit}", 2)],
        [cell("项目编码"), cell(p.code, 2), cell("项目名称"), cell(p.name, 3)],
        [
            cell("预算规模及资金用途", vmerge="restart"),
            cell("预算数"),
            cell(p.total),
            cell("其中：财政资金"),
            cell(p.fiscal),
            cell("其他资金"),
            cell(p.other),
        ],
        [cell("", vmerge="continue"), cell(p.purpose, 6, enter="purpose" in p.enter)],
        [cell("资金支出计划（%）", vmerge="restart")]
        + [cell(period, s) for (period, _), s in zip(p.plan, spans, strict=True)],
        [cell("", vmerge="continue")]
        + [cell(pct, s) for (_, pct), s in zip(p.plan, spans, strict=True)],
        [cell("绩效目标"), cell(goal_paragraphs(p), 6, enter="goals" in p.enter)],
    ]
    return TableSpec("header", rows, HEADER_WIDTHS)


def indicator_table(doc: Doc, p: Project) -> TableSpec:
    rows = [[cell(label) for label in GRID_HEADER]]
    previous: Ind | None = None
    for ind in p.indicators:
        same1 = previous is not None and previous.level1 == ind.level1
        same2 = same1 and previous is not None and previous.level2 == ind.level2
        first = label_cell(ind.level1, doc.merge_level1, same1, "level1" in ind.enter)
        second = label_cell(ind.level2, doc.merge_level2, same2, "level2" in ind.enter)
        rows.append(
            [
                first,
                second,
                cell(ind.level3, enter="level3" in ind.enter),
                cell(ind.description, enter="description" in ind.enter),
                cell(ind.value.printed, enter="value" in ind.enter),
                cell(ind.basis, enter="basis" in ind.enter),
            ]
        )
        previous = ind
    # A merge starts only where a label covers more than one row.
    for col in (0, 1):
        for r in range(1, len(rows)):
            if rows[r][col].vmerge == "restart" and not (
                r + 1 < len(rows) and rows[r + 1][col].vmerge == "continue"
            ):
                rows[r][col].vmerge = None
    return TableSpec("indicators", rows, INDICATOR_WIDTHS)


def label_cell(label: str, merge: bool, same: bool, enter: bool) -> CellSpec:
    if not merge:
        return cell(label, enter=enter)
    if same:
        return cell("", vmerge="continue")
    return cell(label, vmerge="restart", enter=enter)


# --- .docx ------------------------------------------------------------------------------------


def render_docx(doc: Doc) -> bytes:
    variant = Variant(f"{doc.stem}.docx", layout=doc.layout, page_header=doc.page_header)
    document = new_document(variant)
    props = document.core_properties
    props.title = doc.title_line or "部门预算绩效目标"
    props.comments = "generated by samples/reference_alt_gen/make.py"
    # 五号 (10.5 pt), the body size of most published 绩效目标 documents.
    normal = document.styles["Normal"].element.get_or_add_rPr()
    normal.append(el("w:sz", {"w:val": "21"}))
    normal.append(el("w:szCs", {"w:val": "21"}))
    body = document.element.body
    sect_pr = body.find(qn("w:sectPr"))
    for node in Builder(variant).body(blocks(doc)):
        sect_pr.addprevious(node)
    if not doc.flow:
        starts = {f"{leading(doc)}第二部分"} | {
            title_text(k, p) for k, p in enumerate(doc.projects, 1)
        }
        for p in body.findall(qn("w:p")):
            if paragraph_text(p) in starts:
                page_break_before(p)
    if doc.repeat_header:
        for tbl in body.iter(qn("w:tbl")):
            tr = tbl.find(qn("w:tr"))
            if tr is not None and row_texts(tr)[:1] == [GRID_HEADER[0]]:
                tr.insert(0, el("w:trPr", {}, el("w:tblHeader")))
    buffer = io.BytesIO()
    document.save(buffer)
    return deterministic_zip(buffer.getvalue())


def page_break_before(p: Any) -> None:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = el("w:pPr")
        p.insert(0, ppr)
    node = el("w:pageBreakBefore")
    style = ppr.find(qn("w:pStyle"))
    if style is not None:
        style.addnext(node)
    else:
        ppr.insert(0, node)


def row_texts(tr: Any) -> list[str]:
    return ["".join(paragraph_text(p) for p in tc.iter(qn("w:p"))) for tc in tr.findall(qn("w:tc"))]
