"""How each declaration_form variant of ../shared/TEMPLATES.md prints one project.

A layout turns a `Project` into blocks (title lines and tables) and reports, in printed reading
order, the grid rows it printed with their horizon, plus the printed strings that must show in
every rendering (amounts, check boxes, coded names). Its `amounts` function is the variant's
amount rule of TEMPLATES.md's Conventions, applied to the same Decimals the form prints.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from formlib import Block, C, L, Para, Table, widths
from spec import DocSpec, Goals, Ind, Project

Amounts = tuple[str | None, dict[str, Decimal | None]]  # (amount_unit, canonical amounts)
AMOUNT_KEYS = ("total", "fiscal", "other", "project_total", "carryover")
UNIT_FACTOR = {"元": Decimal(1), "万元": Decimal(10000)}


@dataclass
class Form:
    blocks: list[Block] = field(default_factory=list)
    indicators: list[tuple[Ind, str]] = field(default_factory=list)  # (row, horizon)
    shown: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Layout:
    render: Callable[[DocSpec, Project, int], Form]
    amounts: Callable[[Project], Amounts]
    prints: frozenset[str]  # Ind fields the grid prints besides levels and value
    has_level3: bool = True


# --- shared pieces ---


def head(doc: DocSpec, p: Project, k: int) -> list[Block]:
    title = f"{k}.{p.title}" if doc.numbered_titles else p.title
    out: list[Block] = [Para(title, "title", page_break=k > 1)]
    if doc.year_line:
        out.append(Para(doc.year_line, "year"))
    if doc.unit_line:
        out.append(Para(doc.unit_line, "unit"))
    return out


def s(value: str | None) -> str:
    return value or ""


def amount(d: Decimal | None, style: str = "plain") -> str:
    """An amount as the variant prints it; a blank cell for None."""
    if d is None:
        return ""
    if style == "comma2":
        return f"{d:,.2f}"
    if style == "fixed2":
        return "0" if d == 0 else f"{d:.2f}"
    return str(d)


def amounts_of(unit: str, **values: Decimal | None) -> Amounts:
    assert set(values) <= set(AMOUNT_KEYS), values
    return unit, {key: values.get(key) for key in AMOUNT_KEYS}


def goal_cell(goals: Goals, span: int) -> C:
    return C(goals.paragraphs(), span)


def runs(keys: Sequence[object]) -> list[int]:
    """For each position, the length of the run of equal keys starting there (0 inside a run)."""
    out = [0] * len(keys)
    i = 0
    while i < len(keys):
        j = i
        while j < len(keys) and keys[j] == keys[i]:
            j += 1
        out[i] = j - i
        i = j
    return out


Column = tuple[Callable[[Ind], str], int]  # (text of the row, grid span)


def grid_rows(inds: Sequence[Ind], columns: Sequence[Column], merge: int = 2) -> list[list[C]]:
    """Rows for `inds`: the first `merge` columns (一级, 二级) vertically merged over runs."""
    keys = [[tuple(col[0](ind) for col in columns[: m + 1]) for ind in inds] for m in range(merge)]
    spans = [runs(k) for k in keys]
    rows: list[list[C]] = []
    for i, ind in enumerate(inds):
        row: list[C] = []
        for m, (text_of, span) in enumerate(columns):
            if m < merge:
                if spans[m][i] == 0:
                    continue
                row.append(C(text_of(ind), span, rows=spans[m][i]))
            else:
                row.append(C(text_of(ind), span))
        rows.append(row)
    return rows


def value_of(ind: Ind) -> str:
    return ind.value.printed if ind.value else ""


def level1(ind: Ind) -> str:
    return ind.level1


def level2(ind: Ind) -> str:
    return ind.level2


def level3(ind: Ind) -> str:
    return s(ind.level3)


def checkboxes(nature: str | None, sep: str) -> str:
    marks = {name: "√" if nature == name else "□" for name in ("新增项目", "延续项目")}
    assert nature in marks, nature
    return f"新增项目{marks['新增项目']}{sep}延续项目{marks['延续项目']}"


def coded(code: str | None, name: str | None, style: str) -> str:
    if code is None:
        return s(name)
    return {"paren": f"({code}){name}", "bracket": f"[{code}]{name}", "dash": f"{code}-{name}"}[
        style
    ]


def annual(inds: Sequence[Ind]) -> list[tuple[Ind, str]]:
    return [(ind, "annual") for ind in inds if ind.filled]


def period_raw(p: Project) -> str:
    return p.period.raw if p.period else ""


# --- 上海 普陀 2026 ---


def shanghai(doc: DocSpec, p: Project, k: int) -> Form:
    a = p.amounts
    assert p.period and len(p.period.parts) == 2
    start, end = p.period.parts
    money = [amount(a.get(key), "comma2") for key in SH_KEYS]
    grid = grid_rows(p.annual, [(level1, 1), (level2, 1), (level3, 1), (value_of, 1)], merge=2)
    assert p.long_goals and p.annual_goals
    rows: list[tuple[C, ...]] = [
        (L("项目名称"), C(p.name, 4)),
        (L("项目性质"), C(s(p.nature), 2), L("项目类别"), C(s(p.category))),
        (L("主管部门"), C(s(p.dept_name), 2), L("实施单位"), C(s(p.unit_name))),
        (L("计划开始日期"), C(start, 2), L("计划完成日期"), C(end)),
        (
            L("项目资金（元）", rows=4),
            L("项目资金总额"),
            C(money[0]),
            L("年度资金申请总额"),
            C(money[4]),
        ),
        (L("其中：财政资金"), C(money[1]), L("其中：当年财政拨款"), C(money[5])),
        (L("上年结转资金"), C(money[2]), L("其他资金"), C(money[6])),
        (L("其他资金"), C(money[3]), C(""), C("")),
        (L("项目总目标", 3), L("年度总体目标", 2)),
        (goal_cell(p.long_goals, 3), goal_cell(p.annual_goals, 2)),
        (
            L("绩效指标", rows=len(grid) + 1),
            L("一级指标"),
            L("二级指标"),
            L("三级指标"),
            L("年度指标值"),
        ),
        *(tuple(row) for row in grid),
    ]
    table = Table(widths(13, 17, 25, 19, 26), tuple(rows))
    return Form([*head(doc, p, k), table], annual(p.annual), [m for m in money if m])


# Printed slots, left block then right block.
SH_KEYS = (
    "project_total",
    "project_fiscal",
    "carryover",
    "project_other",
    "annual_total",
    "annual_fiscal",
    "annual_other",
)


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


# --- 湖南 湘潭 2023 ---


def wan(d: Decimal | None) -> str:
    """湘潭 prints `250万`, and a bare `0`."""
    assert d is not None
    return "0" if d == 0 else f"{d}万"


def xiangtan(doc: DocSpec, p: Project, k: int) -> Form:
    own, upper = wan(p.amounts["own"]), wan(p.amounts["upper"])
    grid = grid_rows(
        p.annual,
        [(level1, 1), (level2, 1), (level3, 1), (value_of, 1), (lambda i: s(i.basis), 1)],
    )
    assert p.long_goals and p.annual_goals
    rows: list[tuple[C, ...]] = [
        (L("项目支出名称"), C(p.name, 2), L("预算部门"), C(s(p.dept_name))),
        (L("年度本级预算金额"), C(own, 2), L("该项目支出上级资金"), C(upper)),
        (L("项目支出实施期"), C(period_raw(p), 4)),
        (L("实施期绩效目标"), goal_cell(p.long_goals, 4)),
        (L("本年度绩效目标"), goal_cell(p.annual_goals, 4)),
        (L("一级指标"), L("二级指标"), L("三级指标"), L("指标值及单位"), L("绩效标准")),
        *(tuple(row) for row in grid),
    ]
    table = Table(widths(16, 24, 26, 18, 16), tuple(rows))
    return Form([*head(doc, p, k), table], annual(p.annual), [own, upper])


def xiangtan_amounts(p: Project) -> Amounts:
    own, upper = p.amounts["own"], p.amounts["upper"]
    assert own is not None and upper is not None
    return amounts_of("万元", total=own + upper)


# --- 湖南 宁乡 (2015 MoF form, twin grids in the form's table) ---


def twin_columns() -> list[Column]:
    return [
        (level1, 1),
        (level2, 1),
        (lambda i: s(i.description), 1),
        (value_of, 1),
        (lambda i: s(i.note), 1),
    ]


def twin_order(p: Project) -> list[tuple[Ind, str]]:
    return [(i, "long_term") for i in p.long if i.filled] + annual(p.annual)


def ningxiang(doc: DocSpec, p: Project, k: int) -> Form:
    a = p.amounts
    fiscal = a["fiscal"]
    assert fiscal == (a["fiscal_upper"] or 0) + (a["fiscal_local"] or 0)
    assert a["total"] == fiscal + (a["own"] or 0) + (a["other"] or 0)
    money = (
        f"总额:{a['total']}万元",
        f"财政拨款:{fiscal}万元(其中:上级财政资金:{a['fiscal_upper']}万元;"
        f"本级财政:{a['fiscal_local']}万元)",
        f"自有资金:{a['own']}万元",
        f"其他:{a['other']}万元",
    )
    long_grid = grid_rows(p.long, twin_columns())
    annual_grid = grid_rows(p.annual, twin_columns())
    header = (L("一级指标"), L("二级指标"), L("指标内容"), L("指标值"), L("备注"))
    assert p.long_goals and p.annual_goals
    box = checkboxes(p.nature, "")
    rows: list[tuple[C, ...]] = [
        (L("项目名称"), C(p.name, 5)),
        (L("主管部门"), C(s(p.dept_name), 2), L("实施单位"), C(s(p.unit_name), 2)),
        (L("项目属性"), C(box, 2), L("项目期"), C(period_raw(p), 2)),
        (L("年度资金总额及构成"), C(money, 5)),
        (L("项目概况"), C(s(p.purpose), 5)),
        (L("项目立项的依据"), C(s(p.legal_basis), 5)),
        (L("长期目标", 3), L("年度目标", 3)),
        (goal_cell(p.long_goals, 3), goal_cell(p.annual_goals, 3)),
        (L("长期绩效指标", rows=len(long_grid) + 1), *header),
        *(tuple(row) for row in long_grid),
        (L("年度绩效指标", rows=len(annual_grid) + 1), *header),
        *(tuple(row) for row in annual_grid),
    ]
    table = Table(widths(12, 12, 21, 27, 14, 14), tuple(rows))
    return Form([*head(doc, p, k), table], twin_order(p), [*money, box])


def ningxiang_amounts(p: Project) -> Amounts:
    a = p.amounts
    own, other = a["own"], a["other"]
    assert own is not None and other is not None
    return amounts_of("万元", total=a["total"], fiscal=a["fiscal"], other=own + other)


# --- 陕西 佳县 (2015 MoF form, twin grids as tables of their own) ---

JX_SLOTS = ("total", "fiscal", "own", "business", "operating", "other")
JX_LABELS = ("资金总额", "财政拨款", "自有资金", "事业收入", "经营性收入", "其他")


def jiaxian(doc: DocSpec, p: Project, k: int) -> Form:
    a = p.amounts
    parts = [a[key] or Decimal(0) for key in JX_SLOTS[1:]]
    assert a["total"] == sum(parts, Decimal(0)), "资金总额 is the sum of its parts"
    money = [amount(a[key], "fixed2") for key in JX_SLOTS]
    assert p.long_goals and p.annual_goals
    box = checkboxes(p.nature, " ")
    rows: list[tuple[C, ...]] = [
        (L("项目名称"), C(p.name, 5)),
        (L("主管部门"), C(s(p.dept_name), 2), L("实施单位"), C(s(p.unit_name), 2)),
        (L("项目属性"), C(box, 2), L("项目起止时间"), C(period_raw(p), 2)),
        (
            L("年度资金总额及构成（万元）", rows=3),
            L(JX_LABELS[0]),
            C(money[0]),
            L(JX_LABELS[1]),
            C(money[1], 2),
        ),
        (L(JX_LABELS[2]), C(money[2]), L(JX_LABELS[3]), C(money[3], 2)),
        (L(JX_LABELS[4]), C(money[4]), L(JX_LABELS[5]), C(money[5], 2)),
        (L("项目概况"), C(s(p.purpose), 5)),
        (L("项目立项的依据"), C(s(p.legal_basis), 5)),
        (L("长期目标", 3), L("年度目标", 3)),
        (goal_cell(p.long_goals, 3), goal_cell(p.annual_goals, 3)),
    ]
    form = Table(widths(18, 13, 19, 14, 18, 18), tuple(rows))
    grid_w = widths(14, 22, 32, 16, 16)
    header = (L("一级指标"), L("二级指标"), L("指标内容"), L("指标值"), L("备注"))
    tables = [
        Table(
            grid_w, ((L(title, 5),), header, *(tuple(r) for r in grid_rows(inds, twin_columns())))
        )
        for title, inds in (("长期绩效指标", p.long), ("年度绩效指标", p.annual))
    ]
    blocks: list[Block] = [*head(doc, p, k), form, Para(""), tables[0], Para(""), tables[1]]
    return Form(blocks, twin_order(p), [*(m for m in money if m), box])


def jiaxian_amounts(p: Project) -> Amounts:
    a = p.amounts
    other = sum((a[key] or Decimal(0) for key in JX_SLOTS[2:]), Decimal(0))
    return amounts_of("万元", total=a["total"], fiscal=a["fiscal"], other=other)


# --- 湖北 武汉青山 2020 (side-by-side grid, 一级 on every row) ---


def half(ind: Ind | None) -> tuple[C, C, C]:
    if ind is None:
        return C(""), C(""), C("")
    return C(ind.level2), C(s(ind.level3)), C(value_of(ind))


def pair_level1(pair: tuple[Ind | None, Ind | None]) -> str:
    names = {ind.level1 for ind in pair if ind is not None}
    assert len(names) == 1, f"the halves of a row share one 一级: {names}"
    return names.pop()


def pair_order(p: Project) -> list[tuple[Ind, str]]:
    out: list[tuple[Ind, str]] = []
    for long, year in p.pairs:
        out += [(long, "long_term")] if long is not None and long.filled else []
        out += [(year, "annual")] if year is not None and year.filled else []
    return out


def wuhan(doc: DocSpec, p: Project, k: int) -> Form:
    a = p.amounts
    money = [f"{a[key]}万元" for key in WH_KEYS]
    dept = coded(p.dept_code, p.dept_name, "bracket")
    assert p.long_goals and p.annual_goals
    rows: list[tuple[C, ...]] = [
        (L("项目名称"), C(p.name, 6)),
        (L("主管部门及编码"), C(dept, 3), L("实施单位"), C(s(p.unit_name), 2)),
        (L("项目实施期"), C(period_raw(p), 6)),
        (
            L("项目资金（万元）", rows=3),
            L("资金总额"),
            C(money[0], 2),
            L("当年资金总额"),
            C(money[3], 2),
        ),
        (L("其中:财政拨款"), C(money[1], 2), L("其中:当年财政拨款"), C(money[4], 2)),
        (L("其他资金"), C(money[2], 2), L("当年其他资金"), C(money[5], 2)),
        (L("总体目标", rows=2), L("中期目标", 3), L("年度目标", 3)),
        (goal_cell(p.long_goals, 3), goal_cell(p.annual_goals, 3)),
        (L("一级指标", rows=2), L("中期指标", 3), L("年度指标", 3)),
        (L("二级指标"), L("三级指标"), L("指标值"), L("二级指标"), L("三级指标"), L("指标值")),
        *((C(pair_level1(pair)), *half(pair[0]), *half(pair[1])) for pair in p.pairs),
    ]
    table = Table(widths(12, 13, 18, 11, 13, 18, 15), tuple(rows))
    return Form([*head(doc, p, k), table], pair_order(p), [*money, dept])


WH_KEYS = ("project_total", "project_fiscal", "project_other", "total", "fiscal", "other")


def wuhan_amounts(p: Project) -> Amounts:
    a = p.amounts
    return amounts_of(
        "万元",
        total=a["total"],
        fiscal=a["fiscal"],
        other=a["other"],
        project_total=a["project_total"],
    )


# --- 广东 东莞 2019 (中期 / 年度 halves, 一级 merged) ---


def dongguan(doc: DocSpec, p: Project, k: int) -> Form:
    mid, year = amount(p.amounts["mid"], "fixed2"), amount(p.amounts["annual"], "fixed2")
    levels = [pair_level1(pair) for pair in p.pairs]
    spans = runs(levels)
    grid: list[tuple[C, ...]] = []
    for n, pair in enumerate(p.pairs):
        first = (C(levels[n], rows=spans[n]),) if spans[n] else ()
        grid.append((*first, *half(pair[0]), *half(pair[1])))
    assert p.long_goals and p.annual_goals
    rows: list[tuple[C, ...]] = [
        (L("项目名称", 2), C(p.name, 6)),
        (L("主管部门", 2), C(s(p.dept_name), 2), L("预算单位"), C(s(p.unit_name), 3)),
        (
            L("中期市财政预算(万元)", 2),
            C(mid, 2),
            L("本年度申请市财政预算资金(万元)", 2),
            C(year, 2),
        ),
        (L(str(p.extra["long_label"]), 2), goal_cell(p.long_goals, 6)),
        (L("年度目标", 2), goal_cell(p.annual_goals, 6)),
        (
            L("绩效指标", rows=len(grid) + 2),
            L("一级指标", rows=2),
            L("中期指标", 3),
            L("年度指标", 3),
        ),
        (
            L("二级指标"),
            L("三级指标"),
            L("指标值(或计划水平)"),
            L("二级指标"),
            L("三级指标"),
            L("计划指标值"),
        ),
        *grid,
    ]
    table = Table(widths(7, 11, 15, 15, 12, 15, 15, 10), tuple(rows))
    return Form([*head(doc, p, k), table], pair_order(p), [mid, year])


def dongguan_amounts(p: Project) -> Amounts:
    return amounts_of("万元", total=p.amounts["annual"], project_total=p.amounts["mid"])


# --- 重庆 奉节 2023 (amount labels in a row, values below; score bands) ---


FJ_KEYS = ("project_total", "total", "fiscal", "other")


def fengjie(doc: DocSpec, p: Project, k: int) -> Form:
    money = [amount(p.amounts[key], "fixed2") for key in FJ_KEYS]
    subject = str(p.extra["subject_code"])
    grid = grid_rows(
        p.annual,
        [
            (level1, 1),
            (level2, 1),
            (level3, 1),
            (value_of, 1),
            (lambda i: s(i.weight), 1),
            (lambda i: s(i.description), 1),
        ],
    )
    assert p.annual_goals
    rows: list[tuple[C, ...]] = [
        (L("项目名称"), C(p.name, 3), L("项目编码"), C(s(p.code))),
        (L("主管部门"), C(s(p.dept_name), 2), L("实施单位"), C(s(p.unit_name), 2)),
        (
            L("项目总预算"),
            L("当年年度预算"),
            L("其中:财政资金"),
            L("其中:其它资金"),
            L("财政资金科目代码", 2),
        ),
        (*(C(m) for m in money), C(subject, 2)),
    ]
    execution = p.extra.get("execution")  # a funds-block row: no indicator
    if execution:
        assert isinstance(execution, tuple)
        rate, score = (str(part) for part in execution)
        rows.append((L("年度预算执行率"), C(rate), L("分值"), C(score, 3)))
    rows += [
        (L("年度主要目标和成果"), goal_cell(p.annual_goals, 5)),
        (L("一级指标"), L("二级指标"), L("三级指标"), L("指标值"), L("分值"), L("指标解释")),
        *(tuple(row) for row in grid),
    ]
    table = Table(widths(17, 15, 19, 15, 8, 26), tuple(rows))
    shown = [*(m for m in money if m), subject]
    return Form([*head(doc, p, k), table], annual(p.annual), shown)


def fengjie_amounts(p: Project) -> Amounts:
    a = p.amounts
    return amounts_of(
        "万元",
        total=a["total"],
        fiscal=a["fiscal"],
        other=a["other"],
        project_total=a["project_total"],
    )


# --- 内蒙古 乌海 2021 (separate value columns, codes in parentheses) ---


def wuhai(doc: DocSpec, p: Project, k: int) -> Form:
    money = [amount(p.amounts[key]) for key in ("total", "fiscal", "other")]

    def col(attr: str) -> Callable[[Ind], str]:
        return lambda i: getattr(i.columns, attr) if i.columns else ""

    grid = grid_rows(
        p.annual,
        [
            (level1, 1),
            (level2, 1),
            (level3, 1),
            (col("nature"), 1),
            (col("sign"), 1),
            (value_of, 1),
            (col("unit"), 1),
            (lambda i: s(i.weight), 1),
            (lambda i: s(i.note), 1),
        ],
    )
    dept = coded(p.dept_code, p.dept_name, "paren")
    unit = coded(p.unit_code, p.unit_name, "paren")
    assert p.annual_goals
    rows: list[tuple[C, ...]] = [
        (L("项目名称"), C(p.name, 8)),
        (L("项目类别"), C(s(p.category), 2), L("主管部门"), C(dept, 5)),
        (L("实施单位"), C(unit, 8)),
        (L("投入目标(万元)", rows=2), L("资金总额", 2), L("其中：财政拨款数", 3), L("其他资金", 3)),
        (C(money[0], 2), C(money[1], 3), C(money[2], 3)),
        (L("年度目标"), goal_cell(p.annual_goals, 8)),
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
        *(tuple(row) for row in grid),
    ]
    table = Table(widths(11, 12, 18, 9, 9, 10, 9, 7, 15), tuple(rows))
    return Form([*head(doc, p, k), table], annual(p.annual), [*money, dept, unit])


def wuhai_amounts(p: Project) -> Amounts:
    a = p.amounts
    return amounts_of("万元", total=a["total"], fiscal=a["fiscal"], other=a["other"])


# --- 湖北 鄂州 2022 (二级 names in the 一级 column, a cost breakdown block) ---


def ezhou(doc: DocSpec, p: Project, k: int) -> Form:
    costs = p.extra["costs"]
    assert isinstance(costs, tuple)
    total = sum((c[1] for c in costs), Decimal(0))
    assert total == p.amounts["total"], "合计 is the budget total"
    prev = [sum((c[i] for c in costs), Decimal(0)) for i in (3, 4)]
    years = p.extra["prior_years"]
    assert isinstance(years, tuple)
    cost_rows = [
        (
            C(item),
            C(amount(money, "fixed2")),
            C(basis),
            C(amount(a, "fixed2")),
            C(amount(b, "fixed2")),
        )
        for item, money, basis, a, b in costs
    ]
    total_row = (
        C("合计"),
        C(amount(total, "fixed2")),
        C(""),
        C(amount(prev[0], "fixed2")),
        C(amount(prev[1], "fixed2")),
    )
    grid = grid_rows(
        p.annual, [(level2, 1), (level3, 2), (lambda i: s(i.basis), 2), (value_of, 1)], merge=1
    )
    assert p.annual_goals
    rows: list[tuple[C, ...]] = [
        (L("项目名称"), C(p.name, 3), L("项目编码"), C(s(p.code))),
        (L("主管部门"), C(s(p.dept_name), 2), L("实施单位"), C(s(p.unit_name), 2)),
        (L("项目类别"), C(s(p.category), 2), L("项目性质"), C(s(p.nature), 2)),
        (L("立项依据"), C(s(p.legal_basis), 5)),
        (
            L("项目预算成本构成", rows=len(cost_rows) + 2),
            L("成本项目"),
            L("金额（万元）"),
            L("测算依据"),
            L(str(years[0])),
            L(str(years[1])),
        ),
        *cost_rows,
        total_row,
        (L("绩效目标"), goal_cell(p.annual_goals, 5)),
        (L("一级指标"), L("二级指标", 2), L("绩效标准", 2), L("当年预期实现值")),
        *(tuple(row) for row in grid),
    ]
    table = Table(widths(15, 17, 13, 27, 14, 14), tuple(rows))
    shown = [amount(c[1], "fixed2") for c in costs] + [amount(total, "fixed2")]
    return Form([*head(doc, p, k), table], annual(p.annual), shown)


def ezhou_amounts(p: Project) -> Amounts:
    return amounts_of("万元", total=p.amounts["total"])


# --- 陕西 省级 2020 (simple label cells) ---


def shaanxi(doc: DocSpec, p: Project, k: int) -> Form:
    money = [amount(p.amounts[key]) for key in ("total", "fiscal", "other")]
    unit = coded(p.unit_code, p.unit_name, "dash")
    grid = grid_rows(p.annual, [(level1, 1), (level2, 1), (level3, 1), (value_of, 1)])
    assert p.annual_goals
    rows: list[tuple[C, ...]] = [
        (L("项目名称"), C(p.name, 3)),
        (L("单位名称"), C(unit, 3)),
        (L("资金总额"), C(money[0], 3)),
        (L("财政拨款"), C(money[1], 3)),
        (L("其他资金"), C(money[2], 3)),
        (L("年度目标"), goal_cell(p.annual_goals, 3)),
        (L("一级指标"), L("二级指标"), L("三级指标"), L("指标值")),
        *(tuple(row) for row in grid),
    ]
    table = Table(widths(18, 24, 32, 26), tuple(rows))
    return Form([*head(doc, p, k), table], annual(p.annual), [*money, unit])


def shaanxi_amounts(p: Project) -> Amounts:
    a = p.amounts
    return amounts_of("万元", total=a["total"], fiscal=a["fiscal"], other=a["other"])


LAYOUTS: dict[str, Layout] = {
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
