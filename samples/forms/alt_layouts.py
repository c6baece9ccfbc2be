"""A second author's printing of the ten declaration_form variants of ../shared/TEMPLATES.md.

Same content model as layouts.py (spec.py's Project / Ind / Value, a `Form` of blocks, printed
indicators and strings that must show), other layout choices wherever TEMPLATES.md leaves a
choice: amounts as a row of labels over a row of values where samples/forms prints label/value
pairs (and the reverse), grids as tables of their own where samples/forms prints them as rows
of the form (and the reverse), titles as a table row, one-row grid headers, padded labels,
full-width colons and parentheses, `填报单位：` / `金额单位：` lines, ☑ check boxes, other goal
numbering. Each variant's `amounts` is its amount rule of TEMPLATES.md's Conventions, applied to
the same Decimals the form prints.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from formlib import Block, C, L, Para, Table, widths
from layouts import Amounts, Form, Layout, amounts_of, runs, s
from spec import DocSpec, Goals, Ind, Project

# --- the document-level choices this author adds ---


@dataclass(frozen=True)
class AltDoc(DocSpec):
    page_breaks: bool = True  # each form starts a new page
    title_in_table: bool = False  # the title is the first row of the form's table
    filler_line: bool = False  # `填报单位：<unit>` printed above the table
    flows: tuple[int, ...] = ()  # project_seq whose form must run onto a second PDF page


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


@dataclass(frozen=True)
class NGoals(Goals):
    """Goals numbered `（1）`, `①`, `1、` besides spec.Goals' `1.` / `目标1：` / none / pointer."""

    def paragraphs(self) -> tuple[str, ...]:
        prefixes: dict[str, Callable[[int], str]] = {
            "paren": lambda k: f"（{k}）",
            "circle": lambda k: CIRCLED[k - 1],
            "dun": lambda k: f"{k}、",
        }
        if self.style not in prefixes:
            return super().paragraphs()
        numbered = tuple(prefixes[self.style](k) + g for k, g in enumerate(self.items, 1))
        return ("".join(numbered),) if self.inline else numbered


@dataclass(frozen=True)
class WCols:
    """乌海 separate value columns as this author fills them: 指标性质 holds the sign (or 定性),
    指标方向 holds 正向指标 / 反向指标 — the reverse of samples/forms' 乌海."""

    nature: str  # 指标性质 cell: ≥ = ≤ 定性
    direction: str  # 指标方向 cell: 正向指标 / 反向指标
    unit: str  # 计量单位 cell

    @property
    def direction_code(self) -> str | None:
        return {
            "正向指标": "positive",
            "反向指标": "negative",
            "正向": "positive",
            "反向": "negative",
        }.get(self.direction)


def head(doc: DocSpec, p: Project, k: int) -> list[Block]:
    """Title paragraph (unless it is a table row), year line, 填报单位 and 金额单位 lines."""
    assert isinstance(doc, AltDoc)
    brk = doc.page_breaks and k > 1
    out: list[Block] = []
    if doc.title_in_table:
        if k > 1:  # the title is the table's first row: an empty paragraph starts the form
            out.append(Para("", page_break=brk))
    else:
        if k > 1 and not doc.page_breaks:
            out.append(Para(""))
        out.append(Para(p.title, "title", page_break=brk))
        if doc.year_line:
            out.append(Para(doc.year_line, "year"))
    if doc.filler_line:
        assert p.unit_name
        out.append(Para(f"填报单位：{p.unit_name}"))
    if doc.unit_line:
        out.append(Para(doc.unit_line, "unit"))
    return out


def title_row(doc: DocSpec, p: Project, n: int) -> list[tuple[C, ...]]:
    assert isinstance(doc, AltDoc)
    return [(L(p.title, n),)] if doc.title_in_table else []


# --- formatting ---


def fmt(d: Decimal | None, style: str) -> str:
    if d is None:
        return ""
    return {
        "plain2": f"{d:.2f}",
        "comma2": f"{d:,.2f}",
        "bare": str(d),
        "wan": f"{d}万元",
    }[style]


Column = tuple[Callable[[Ind], str], int, bool]  # (text of the row, grid span, merged down)


def grid(inds: Sequence[Ind], columns: Sequence[Column]) -> list[tuple[C, ...]]:
    """Rows for `inds`; a merged column merges runs of equal text (and equal columns left of
    it), so a merged 二级 never crosses a 一级 boundary."""
    spans = []
    for m in range(len(columns)):
        keys = [tuple(col[0](ind) for col in columns[: m + 1]) for ind in inds]
        spans.append(runs(keys) if columns[m][2] else [1] * len(inds))
    out: list[tuple[C, ...]] = []
    for i, ind in enumerate(inds):
        row: list[C] = []
        for m, (text_of, span, _) in enumerate(columns):
            if spans[m][i] == 0:
                continue
            row.append(C(text_of(ind), span, rows=spans[m][i]))
        out.append(tuple(row))
    return out


def value_of(ind: Ind) -> str:
    return ind.value.printed if ind.value else ""


def lv1(ind: Ind) -> str:
    return ind.level1


def lv2(ind: Ind) -> str:
    return ind.level2


def lv3(ind: Ind) -> str:
    return s(ind.level3)


def goal(goals: Goals | None, span: int) -> C:
    assert goals is not None
    return C(goals.paragraphs(), span)


def annual(inds: Sequence[Ind]) -> list[tuple[Ind, str]]:
    return [(ind, "annual") for ind in inds if ind.filled]


def twin_order(p: Project) -> list[tuple[Ind, str]]:
    return [(i, "long_term") for i in p.long if i.filled] + annual(p.annual)


def pair_order(p: Project) -> list[tuple[Ind, str]]:
    out: list[tuple[Ind, str]] = []
    for long, year in p.pairs:
        out += [(long, "long_term")] if long is not None and long.filled else []
        out += [(year, "annual")] if year is not None and year.filled else []
    return out


def pair_level1(pair: tuple[Ind | None, Ind | None]) -> str:
    names = {ind.level1 for ind in pair if ind is not None}
    assert len(names) == 1, names
    return names.pop()


def half(ind: Ind | None) -> tuple[C, C, C]:
    if ind is None:
        return C(""), C(""), C("")
    return C(ind.level2), C(s(ind.level3)), C(value_of(ind))


def checkboxes(nature: str | None, before: bool, sep: str) -> str:
    """☑ / □ check boxes, the box before its label (`□新增项目 ☑延续项目`) or after it."""
    names = ("新增项目", "延续项目")
    assert nature in names, nature
    marks = {n: "☑" if n == nature else "□" for n in names}
    return sep.join(marks[n] + n if before else n + marks[n] for n in names)


def coded(code: str | None, name: str | None, style: str) -> str:
    if code is None:
        return s(name)
    return {"paren": f"({code}){name}", "bracket": f"[{code}]{name}", "dash": f"{code}-{name}"}[
        style
    ]


# --- 上海 普陀 2026: 7 amount labels over 7 values, a 金额单位 line, grid as its own table ---

SH_KEYS = (
    "project_total",
    "project_fiscal",
    "carryover",
    "project_other",
    "annual_total",
    "annual_fiscal",
    "annual_other",
)
SH_LABELS = (
    "项目资金总额",
    "其中：财政资金",
    "上年结转资金",
    "其他资金",
    "年度资金申请总额",
    "其中：当年财政拨款",
    "其他资金",
)


def shanghai(doc: DocSpec, p: Project, k: int) -> Form:
    assert p.period and len(p.period.parts) == 2
    start, end = p.period.parts
    money = [fmt(p.amounts.get(key), "plain2") for key in SH_KEYS]
    rows: list[tuple[C, ...]] = [
        (L("项 目 名 称"), C(p.name, 7)),
        (L("主 管 部 门"), C(s(p.dept_name), 3), L("实 施 单 位"), C(s(p.unit_name), 3)),
        (L("项 目 类 别"), C(s(p.category), 3), L("项 目 性 质"), C(s(p.nature), 3)),
        (L("计划开始日期"), C(start, 3), L("计划完成日期"), C(end, 3)),
        (L("项目资金", rows=2), *(L(label) for label in SH_LABELS)),
        tuple(C(m) for m in money),
        (L("项目总目标"), goal(p.long_goals, 7)),
        (L("年度总体目标"), goal(p.annual_goals, 7)),
    ]
    form = Table(widths(14, 13, 12, 12, 11, 13, 14, 11), tuple(rows))
    cols: list[Column] = [(lv1, 1, False), (lv2, 1, False), (lv3, 1, False), (value_of, 1, False)]
    grid_table = Table(
        widths(18, 24, 34, 24),
        (
            (L("绩效指标", 4),),
            (L("一级指标"), L("二级指标"), L("三级指标"), L("年度指标值")),
            *grid(p.annual, cols),
        ),
    )
    blocks = [*head(doc, p, k), form, Para(""), grid_table]
    return Form(blocks, annual(p.annual), [m for m in money if m])


def shanghai_amounts(p: Project) -> Amounts:
    a = p.amounts
    return amounts_of(
        "元",
        total=a["annual_total"],
        fiscal=a["annual_fiscal"],
        other=a["annual_other"],
        project_total=a["project_total"],
        carryover=a["carryover"],
    )


# --- 湖南 湘潭 2023: 填报单位 / 金额单位 lines, bare amounts, 绩效指标 column, nothing merged ---


def xiangtan(doc: DocSpec, p: Project, k: int) -> Form:
    own, upper = fmt(p.amounts["own"], "bare"), fmt(p.amounts["upper"], "bare")
    cols: list[Column] = [
        (lv1, 1, False),
        (lv2, 1, False),
        (lv3, 1, False),
        (value_of, 1, False),
        (lambda i: s(i.basis), 1, False),
    ]
    rows_ = grid(p.annual, cols)
    rows: list[tuple[C, ...]] = [
        *title_row(doc, p, 6),
        (L("项目支出名称"), C(p.name, 2), L("预算部门"), C(s(p.dept_name), 2)),
        (L("年度本级预算金额"), C(own, 2), L("该项目支出上级资金"), C(upper, 2)),
        (L("项目支出实施期"), C(s(p.period.raw if p.period else None), 5)),
        (L("实施期绩效目标"), goal(p.long_goals, 5)),
        (L("本年度绩效目标"), goal(p.annual_goals, 5)),
        (
            L("绩效指标", rows=len(rows_) + 1),
            L("一级指标"),
            L("二级指标"),
            L("三级指标"),
            L("指标值及单位"),
            L("绩效标准"),
        ),
        *rows_,
    ]
    table = Table(widths(15, 13, 22, 24, 14, 12), tuple(rows))
    return Form([*head(doc, p, k), table], annual(p.annual), [own, upper])


def xiangtan_amounts(p: Project) -> Amounts:
    own, upper = p.amounts["own"], p.amounts["upper"]
    assert own is not None and upper is not None
    return amounts_of("万元", total=own + upper)


# --- 湖南 宁乡: amount labels over values, □☑ boxes before labels, twin grids as own tables ---

NX_KEYS = ("total", "fiscal", "fiscal_upper", "fiscal_local", "own", "other")
NX_LABELS = ("总额", "财政拨款", "其中：上级财政资金", "其中：本级财政", "自有资金", "其他")


def twin_columns(merge1: bool, merge2: bool) -> list[Column]:
    return [
        (lv1, 1, merge1),
        (lv2, 1, merge2),
        (lambda i: s(i.description), 1, False),
        (value_of, 1, False),
        (lambda i: s(i.note), 1, False),
    ]


def ningxiang(doc: DocSpec, p: Project, k: int) -> Form:
    a = p.amounts
    assert a["fiscal"] == (a["fiscal_upper"] or 0) + (a["fiscal_local"] or 0)
    assert a["total"] == (a["fiscal"] or 0) + (a["own"] or 0) + (a["other"] or 0)
    money = [fmt(a[key], "comma2") for key in NX_KEYS]
    box = checkboxes(p.nature, before=True, sep=" ")
    rows: list[tuple[C, ...]] = [
        (L("项目名称"), C(p.name, 6)),
        (L("主管部门"), C(s(p.dept_name), 2), L("实施单位"), C(s(p.unit_name), 3)),
        (L("项目属性"), C(box, 2), L("项目期"), C(s(p.period.raw if p.period else None), 3)),
        (L("年度资金总额及构成（万元）", rows=2), *(L(x) for x in NX_LABELS)),
        tuple(C(m) for m in money),
        (L("项目概况"), C(s(p.purpose), 6)),
        (L("项目立项的依据"), C(s(p.legal_basis), 6)),
        (L("长期目标"), goal(p.long_goals, 6)),
        (L("年度目标"), goal(p.annual_goals, 6)),
    ]
    form = Table(widths(16, 13, 14, 17, 14, 13, 13), tuple(rows))
    header = (L("一级指标"), L("二级指标"), L("指标内容"), L("指标值"), L("备注"))
    grids = []
    for name, inds in (("长期绩效指标", p.long), ("年度绩效指标", p.annual)):
        body = grid(inds, twin_columns(False, False))
        grids.append(
            Table(
                widths(10, 14, 22, 30, 14, 10),
                ((L(name, rows=len(body) + 1), *header), *((*r,) for r in body)),
            )
        )
    blocks = [*head(doc, p, k), form, Para(""), grids[0], Para(""), grids[1]]
    return Form(blocks, twin_order(p), [*(m for m in money if m), box])


def ningxiang_amounts(p: Project) -> Amounts:
    a = p.amounts
    own, other = a["own"], a["other"]
    assert own is not None and other is not None
    return amounts_of("万元", total=a["total"], fiscal=a["fiscal"], other=own + other)


# --- 陕西 佳县: 金额单位 line, labels over values, ☑ after labels, twin grids in the form ---

JX_KEYS = ("total", "fiscal", "own", "business", "operating", "other")
JX_LABELS = ("资金总额", "财政拨款", "自有资金", "事业收入", "经营性收入", "其他")


def jiaxian(doc: DocSpec, p: Project, k: int) -> Form:
    a = p.amounts
    parts = [a[key] or Decimal(0) for key in JX_KEYS[1:]]
    assert a["total"] == sum(parts, Decimal(0)), "资金总额 is the sum of its parts"
    money = [fmt(a[key], "plain2") for key in JX_KEYS]
    box = checkboxes(p.nature, before=False, sep=" ")
    header = (L("一级指标"), L("二级指标"), L("指标内容", 2), L("指标值"), L("备注", 2))
    cols: list[Column] = [
        (lv1, 1, True),
        (lv2, 1, False),
        (lambda i: s(i.description), 2, False),
        (value_of, 1, False),
        (lambda i: s(i.note), 2, False),
    ]
    rows: list[tuple[C, ...]] = [
        (L("项目名称"), C(p.name, 6)),
        (L("主管部门"), C(s(p.dept_name), 2), L("实施单位"), C(s(p.unit_name), 3)),
        (L("项目属性"), C(box, 2), L("项目起止时间"), C(s(p.period.raw if p.period else None), 3)),
        (L("年度资金总额及构成", rows=2), *(L(x) for x in JX_LABELS)),
        tuple(C(m) for m in money),
        (L("项目概况"), C(s(p.purpose), 6)),
        (L("项目立项的依据"), C(s(p.legal_basis), 6)),
        (L("长期目标"), goal(p.long_goals, 2), L("年度目标"), goal(p.annual_goals, 3)),
        (L("长期绩效指标", 7),),
        header,
        *grid(p.long, cols),
        (L("年度绩效指标", 7),),
        header,
        *grid(p.annual, cols),
    ]
    table = Table(widths(13, 15, 14, 16, 14, 14, 14), tuple(rows))
    return Form([*head(doc, p, k), table], twin_order(p), [*(m for m in money if m), box])


def jiaxian_amounts(p: Project) -> Amounts:
    a = p.amounts
    other = sum((a[key] or Decimal(0) for key in JX_KEYS[2:]), Decimal(0))
    return amounts_of("万元", total=a["total"], fiscal=a["fiscal"], other=other)


# --- 湖北 武汉青山 2020: labels over values, one-row `(长期)/(年度)` header, 一级 merged ---

WH_KEYS = ("project_total", "project_fiscal", "project_other", "total", "fiscal", "other")
WH_LABELS = (
    "资金总额",
    "其中：财政拨款",
    "其他资金",
    "当年资金总额",
    "其中：当年财政拨款",
    "当年其他资金",
)


def wuhan(doc: DocSpec, p: Project, k: int) -> Form:
    money = [fmt(p.amounts[key], "bare") for key in WH_KEYS]
    dept = coded(p.dept_code, p.dept_name, "bracket")
    levels = [pair_level1(pair) for pair in p.pairs]
    spans = runs(levels)
    body: list[tuple[C, ...]] = []
    for n, pair in enumerate(p.pairs):
        first = (C(levels[n], rows=spans[n]),) if spans[n] else ()
        body.append((*first, *half(pair[0]), *half(pair[1])))
    rows: list[tuple[C, ...]] = [
        (L("项目名称"), C(p.name, 6)),
        (L("主管部门及编码"), C(dept, 3), L("实施单位"), C(s(p.unit_name), 2)),
        (L("项目实施期"), C(s(p.period.raw if p.period else None), 6)),
        (L("项目资金（万元）", rows=2), *(L(x) for x in WH_LABELS)),
        tuple(C(m) for m in money),
        (L("中期目标"), goal(p.long_goals, 6)),
        (L("年度目标"), goal(p.annual_goals, 6)),
        (
            L("一级指标"),
            L("二级指标(长期)"),
            L("三级指标(长期)"),
            L("指标值(长期)"),
            L("二级指标(年度)"),
            L("三级指标(年度)"),
            L("指标值(年度)"),
        ),
        *body,
    ]
    table = Table(widths(13, 13, 17, 12, 13, 17, 15), tuple(rows))
    return Form([*head(doc, p, k), table], pair_order(p), [*money, dept])


def wuhan_amounts(p: Project) -> Amounts:
    a = p.amounts
    return amounts_of(
        "万元",
        total=a["total"],
        fiscal=a["fiscal"],
        other=a["other"],
        project_total=a["project_total"],
    )


# --- 广东 东莞 2019: title row, labels over values with separators, one-row positional header ---


def dongguan(doc: DocSpec, p: Project, k: int) -> Form:
    mid, year = fmt(p.amounts["mid"], "comma2"), fmt(p.amounts["annual"], "comma2")
    body = [(C(pair_level1(pair)), *half(pair[0]), *half(pair[1])) for pair in p.pairs]
    rows: list[tuple[C, ...]] = [
        *title_row(doc, p, 7),
        (L("项目名称"), C(p.name, 6)),
        (L("主管部门"), C(s(p.dept_name), 2), L("预算单位"), C(s(p.unit_name), 3)),
        (L("中期市财政预算（万元）", 4), L("本年度申请市财政预算资金（万元）", 3)),
        (C(mid, 4), C(year, 3)),
        (L(str(p.extra["long_label"]), 4), L("年度目标", 3)),
        (goal(p.long_goals, 4), goal(p.annual_goals, 3)),
        (
            L("一级指标"),
            L("二级指标"),
            L("三级指标"),
            L("指标值(或计划水平)"),
            L("二级指标"),
            L("三级指标"),
            L("计划指标值"),
        ),
        *body,
    ]
    table = Table(widths(11, 15, 16, 13, 15, 16, 14), tuple(rows))
    return Form([*head(doc, p, k), table], pair_order(p), [mid, year])


def dongguan_amounts(p: Project) -> Amounts:
    return amounts_of("万元", total=p.amounts["annual"], project_total=p.amounts["mid"])


# --- 重庆 奉节 2023: label/value pairs with `万元` in the cells, 一级 repeated, 二级 merged ---

FJ_KEYS = ("project_total", "total", "fiscal", "other")


def fengjie(doc: DocSpec, p: Project, k: int) -> Form:
    money = [fmt(p.amounts[key], "wan") for key in FJ_KEYS]
    subject = str(p.extra["subject_code"])
    cols: list[Column] = [
        (lv1, 1, False),
        (lv2, 1, True),
        (lv3, 1, False),
        (value_of, 1, False),
        (lambda i: s(i.weight), 1, False),
        (lambda i: s(i.description), 1, False),
    ]
    rows: list[tuple[C, ...]] = [
        (L("项目名称"), C(p.name, 2), L("项目编码"), C(s(p.code), 2)),
        (L("主管部门"), C(s(p.dept_name), 2), L("实施单位"), C(s(p.unit_name), 2)),
        (L("项目总预算"), C(money[0], 2), L("当年年度预算"), C(money[1], 2)),
        (L("其中：财政资金"), C(money[2], 2), L("其中：其它资金"), C(money[3], 2)),
        (L("财政资金科目代码"), C(subject, 5)),
    ]
    execution = p.extra.get("execution")  # a funds-block row: no indicator
    if execution:
        assert isinstance(execution, tuple)
        rate, score = (str(part) for part in execution)
        rows.append((L("年度预算执行率"), C(rate, 2), L("分值"), C(score, 2)))
    rows += [
        (L("年度主要目标和成果"), goal(p.annual_goals, 5)),
        (L("一级指标"), L("二级指标"), L("三级指标"), L("指标值"), L("分值"), L("指标解释")),
        *grid(p.annual, cols),
    ]
    table = Table(widths(17, 15, 20, 14, 8, 26), tuple(rows))
    return Form([*head(doc, p, k), table], annual(p.annual), [*money, subject])


def fengjie_amounts(p: Project) -> Amounts:
    a = p.amounts
    return amounts_of(
        "万元",
        total=a["total"],
        fiscal=a["fiscal"],
        other=a["other"],
        project_total=a["project_total"],
    )


# --- 内蒙古 乌海 2021: title row, amount pairs in one row, 指标性质 holds the sign ---


def wuhai(doc: DocSpec, p: Project, k: int) -> Form:
    money = [fmt(p.amounts[key], "plain2") for key in ("total", "fiscal", "other")]

    def col(attr: str) -> Callable[[Ind], str]:
        return lambda i: str(getattr(i.columns, attr)) if i.columns else ""

    cols: list[Column] = [
        (lv1, 1, False),
        (lv2, 1, False),
        (lv3, 1, False),
        (col("nature"), 1, False),
        (col("direction"), 1, False),
        (value_of, 1, False),
        (col("unit"), 1, False),
        (lambda i: s(i.weight), 1, False),
        (lambda i: s(i.note), 1, False),
    ]
    dept = coded(p.dept_code, p.dept_name, "paren")
    unit = coded(p.unit_code, p.unit_name, "paren")
    rows: list[tuple[C, ...]] = [
        *title_row(doc, p, 9),
        (L("项目名称"), C(p.name, 4), L("项目类别"), C(s(p.category), 3)),
        (L("主管部门"), C(dept, 8)),
        (L("实施单位"), C(unit, 8)),
        (
            L("投入目标(万元)"),
            L("资金总额"),
            C(money[0]),
            L("其中：财政拨款数", 2),
            C(money[1], 2),
            L("其他资金"),
            C(money[2]),
        ),
        (L("年度目标"), goal(p.annual_goals, 8)),
        (
            L("一级指标"),
            L("二级指标"),
            L("三级指标"),
            L("指标性质"),
            L("指标方向"),
            L("目标值"),
            L("计量单位"),
            L("分值"),
            L("备注"),
        ),
        *grid(p.annual, cols),
    ]
    table = Table(widths(11, 12, 17, 9, 10, 10, 10, 7, 14), tuple(rows))
    return Form([*head(doc, p, k), table], annual(p.annual), [*money, dept, unit])


def wuhai_amounts(p: Project) -> Amounts:
    a = p.amounts
    return amounts_of("万元", total=a["total"], fiscal=a["fiscal"], other=a["other"])


# --- 湖北 鄂州 2022: 填报单位 / 金额单位 lines, grid as its own table, 二级 names repeated ---


def ezhou(doc: DocSpec, p: Project, k: int) -> Form:
    costs = p.extra["costs"]
    assert isinstance(costs, tuple)
    total = sum((c[1] for c in costs), Decimal(0))
    assert total == p.amounts["total"], "合计 is the budget total"
    prev = [sum((c[i] for c in costs), Decimal(0)) for i in (3, 4)]
    years = p.extra["prior_years"]
    assert isinstance(years, tuple)
    cost_rows = [
        (C(item), C(fmt(money, "plain2")), C(basis), C(fmt(a, "plain2")), C(fmt(b, "plain2")))
        for item, money, basis, a, b in costs
    ]
    total_row = (
        C("合计"),
        C(fmt(total, "plain2")),
        C(""),
        C(fmt(prev[0], "plain2")),
        C(fmt(prev[1], "plain2")),
    )
    rows: list[tuple[C, ...]] = [
        (L("项目名称"), C(p.name, 3), L("项目编码"), C(s(p.code))),
        (L("主管部门"), C(s(p.dept_name), 5)),
        (L("项目类别"), C(s(p.category), 2), L("项目性质"), C(s(p.nature), 2)),
        (L("立项依据"), C(s(p.legal_basis), 5)),
        (
            L("项目预算成本构成", rows=len(cost_rows) + 2),
            L("成本项目"),
            L("金额"),
            L("测算依据"),
            L(str(years[0])),
            L(str(years[1])),
        ),
        *cost_rows,
        total_row,
        (L("绩效目标"), goal(p.annual_goals, 5)),
    ]
    form = Table(widths(15, 17, 13, 27, 14, 14), tuple(rows))
    cols: list[Column] = [
        (lv2, 1, False),
        (lv3, 1, False),
        (lambda i: s(i.basis), 1, False),
        (value_of, 1, False),
    ]
    grid_table = Table(
        widths(24, 36, 18, 22),
        ((L("一级指标"), L("二级指标"), L("绩效标准"), L("当年预期实现值")), *grid(p.annual, cols)),
    )
    shown = [fmt(c[1], "plain2") for c in costs] + [fmt(total, "plain2")]
    return Form([*head(doc, p, k), form, Para(""), grid_table], annual(p.annual), shown)


def ezhou_amounts(p: Project) -> Amounts:
    return amounts_of("万元", total=p.amounts["total"])


# --- 陕西 省级 2020: year line, padded labels, `（万元）` labels in one row, grid of its own ---


def shaanxi(doc: DocSpec, p: Project, k: int) -> Form:
    money = [fmt(p.amounts[key], "comma2") for key in ("total", "fiscal", "other")]
    unit = coded(p.unit_code, p.unit_name, "dash")
    rows: list[tuple[C, ...]] = [
        (L("项\u3000目\u3000名\u3000称"), C(p.name, 5)),
        (L("单\u3000位\u3000名\u3000称"), C(unit, 5)),
        (
            L("资金总额（万元）"),
            C(money[0]),
            L("财政拨款（万元）"),
            C(money[1]),
            L("其他资金（万元）"),
            C(money[2]),
        ),
        (L("年\u3000度\u3000目\u3000标"), goal(p.annual_goals, 5)),
    ]
    form = Table(widths(19, 15, 18, 15, 18, 15), tuple(rows))
    cols: list[Column] = [(lv1, 1, True), (lv2, 1, False), (lv3, 1, False), (value_of, 1, False)]
    body = grid(p.annual, cols)
    blank = (C(""), C(""), C(""), C(""))
    grid_table = Table(
        widths(18, 24, 34, 24),
        ((L("一级指标"), L("二级指标"), L("三级指标"), L("指标值")), *body, blank),
    )
    return Form([*head(doc, p, k), form, Para(""), grid_table], annual(p.annual), [*money, unit])


def shaanxi_amounts(p: Project) -> Amounts:
    a = p.amounts
    return amounts_of("万元", total=a["total"], fiscal=a["fiscal"], other=a["other"])


ALT_LAYOUTS: dict[str, Layout] = {
    "上海 普陀 2026": Layout(shanghai, shanghai_amounts, frozenset()),
    "湖南 湘潭 2023": Layout(xiangtan, xiangtan_amounts, frozenset({"basis"})),
    "湖南 宁乡": Layout(ningxiang, ningxiang_amounts, frozenset({"description", "note"}), False),
    "陕西 佳县": Layout(jiaxian, jiaxian_amounts, frozenset({"description", "note"}), False),
    "湖北 武汉青山 2020": Layout(wuhan, wuhan_amounts, frozenset()),
    "广东 东莞 2019": Layout(dongguan, dongguan_amounts, frozenset()),
    "重庆 奉节 2023": Layout(fengjie, fengjie_amounts, frozenset({"weight", "description"})),
    "内蒙古 乌海 2021": Layout(wuhai, wuhai_amounts, frozenset({"columns", "weight", "note"})),
    "湖北 鄂州 2022": Layout(ezhou, ezhou_amounts, frozenset({"basis", "derived_level1"})),
    "陕西 省级 2020": Layout(shaanxi, shaanxi_amounts, frozenset()),
}
