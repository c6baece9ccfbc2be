"""Content specs and layouts of the `flat_sheet` samples (../shared/TEMPLATES.md).

A flat sheet stacks many projects in one table, one row per indicator: the project's own
columns (单位名称, 项目名称, 预算数, 年度目标 — or 项目名称, 绩效目标 in 云南 05-2) are filled on its
first row only, vertically merged over its indicator rows or left blank below them, and a
department's subtotal row (`820-马踏镇部门 | 8,827,620.53`) sits above its units.

Every printed string is made here from the values the golden rows are made from
(samples/forms/make_flat.py): an amount is a Decimal in the printed unit, a value row is built
by a helper that writes both the printed cells and their reading, goals are printed with their
numbering by spec.Goals and written to the golden rows without it.
"""

# ruff: noqa: E501 - the content tables read best one indicator row a line (CJK counts double)

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from formlib import MARGIN, PAGE_H, PAGE_W, Block, C, L, Para, Table
from spec import (
    Goals,
    Value,
    above,
    eq,
    ge,
    le,
    not_below,
    pct2,
    text,
    within,
)

# --- page geometry ---

LANDSCAPE_TEXT_WIDTH = PAGE_H - 2 * MARGIN  # 14570 twips: A4 turned, 2 cm margins
PORTRAIT_TEXT_WIDTH = PAGE_W - 2 * MARGIN


def widths_of(total: int, *parts: int) -> tuple[int, ...]:
    """Column widths in proportion to `parts`, summing to `total`."""
    whole = sum(parts)
    out = [total * p // whole for p in parts]
    out[-1] += total - sum(out)
    return tuple(out)


# --- indicator rows ---

SEP_SIGNS = {"≥": ">=", "≤": "<=", "=": "="}  # 指标性质 holding the comparator
DIRECTIONS = {"正向指标": "positive", "反向指标": "negative", "": None}


@dataclass(frozen=True)
class Row:
    """One indicator row of a flat sheet and its reading."""

    level1: str
    level2: str
    level3: str
    value: Value
    nature: str = ""  # 指标性质 as printed: ≥ = ≤ 定性 (井研); unused in 云南
    unit: str = ""  # 度量单位 as printed
    direction: str = ""  # 指标方向性 as printed: 正向指标 / 反向指标 / empty
    weight: str | None = None  # 权重 as printed


def sep(
    level1: str,
    level2: str,
    level3: str,
    nature: str,
    target: str,
    unit: str = "",
    direction: str = "正向指标",
    weight: str | None = None,
) -> Row:
    """井研's separate value columns: 指标性质 `≥` | 指标值 `95` | 度量单位 `%`; 指标性质 `定性`
    holds no comparator and the 指标值 cell holds the text."""
    if nature == "定性":
        assert not unit, "a 定性 row prints no 度量单位 here"
        value = Value(target, None, None, None, "text")
    else:
        value = Value(
            target, SEP_SIGNS[nature], float(target.replace(",", "")), unit or None, "numeric"
        )
    return Row(level1, level2, level3, value, nature, unit, direction, weight)


def comb(level1: str, level2: str, level3: str, value: Value) -> Row:
    """云南's single 指标值 column holding sign, number and unit (`≥95%`, `±3%以内`, `可控`)."""
    return Row(level1, level2, level3, value)


def gt(n: str, unit: str | None = None) -> Value:
    """`>92%`."""
    return Value(f">{n}{unit or ''}", ">", float(n), unit, "numeric")


# --- projects, units, departments, sheets ---


@dataclass(frozen=True)
class FProject:
    name: str
    goals: Goals
    rows: tuple[Row, ...]
    budget: Decimal | None = None  # 预算数 in the printed unit; None where not printed


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    projects: tuple[FProject, ...]

    def __post_init__(self) -> None:
        assert self.code.isdigit() and len(self.code) == 6, self.code


@dataclass(frozen=True)
class Dept:
    code: str
    name: str
    units: tuple[Unit, ...]

    def __post_init__(self) -> None:
        for unit in self.units:
            assert unit.code.startswith(self.code), (unit.code, self.code)

    @property
    def subtotal(self) -> Decimal:
        return sum((p.budget or Decimal(0) for u in self.units for p in u.projects), Decimal(0))


@dataclass(frozen=True)
class Placed:
    """A project with what the sheet says about it around its own cells."""

    project: FProject
    unit_code: str | None
    unit_name: str | None
    dept_name: str | None


@dataclass(frozen=True)
class Sheet:
    stem: str
    about: str
    layout: str  # jingyan | yunnan
    fiscal_year: int
    title: str  # the sheet's title, printed once: table_title of every project
    amount_unit: str
    unit_line: str  # 金额单位:元 / 金额单位：万元
    depts: tuple[Dept, ...] = ()  # 井研: departments with subtotal rows
    sheet_unit: str | None = None  # 云南: 单位名称：… above the header, the unit of every project
    projects_: tuple[FProject, ...] = ()  # 云南: the projects, no departments
    merged: bool = True  # project cells merged over their rows (else blank below)
    merge_level1: bool = False  # 一级指标 merged over its runs inside a project
    weight: bool = False  # a 权重 column
    amount_style: str = "comma2"  # comma2 `3,309,840.00` | plain2 `3309840.00`
    title_in_table: bool = True  # title and unit line as the table's first rows (else paragraphs)
    repeat_header: bool = False  # the header row repeats on every PDF page
    landscape: bool = True
    pages: int = 1  # PDF pages the sheet is expected to take
    extra: dict[str, object] = field(default_factory=dict)

    def placed(self) -> list[Placed]:
        if self.layout == "yunnan":
            assert not self.depts and self.sheet_unit
            return [Placed(p, None, self.sheet_unit, None) for p in self.projects_]
        assert not self.projects_ and self.depts
        return [
            Placed(p, u.code, u.name, d.name)
            for d in self.depts
            for u in d.units
            for p in u.projects
        ]


# --- layouts ---


def amount(d: Decimal | None, style: str) -> str:
    if d is None:
        return ""
    return {"comma2": f"{d:,.2f}", "plain2": f"{d:.2f}"}[style]


def runs(keys: Sequence[object]) -> list[int]:
    """For each position, the length of the run of equal keys starting there (0 inside it)."""
    out = [0] * len(keys)
    i = 0
    while i < len(keys):
        j = i
        while j < len(keys) and keys[j] == keys[i]:
            j += 1
        out[i] = j - i
        i = j
    return out


def project_cells(texts: Sequence[str | tuple[str, ...]], n: int, merged: bool) -> list[list[C]]:
    """The project's own cells on each of its `n` rows: merged (nothing on later rows) or blank."""
    first = [C(t, rows=n if merged else 1) for t in texts]
    later: list[C] = [] if merged else [C("") for _ in texts]
    return [first] + [list(later) for _ in range(n - 1)]


def level1_cells(rows: Sequence[Row], merged: bool) -> list[list[C]]:
    if not merged:
        return [[C(r.level1)] for r in rows]
    spans = runs([r.level1 for r in rows])
    return [[C(r.level1, rows=spans[i])] if spans[i] else [] for i, r in enumerate(rows)]


JINGYAN_HEADER = (
    "单位名称",
    "项目名称",
    "预算数",
    "年度目标",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "指标值",
    "度量单位",
    "权重",
    "指标方向性",
)
JINGYAN_PARTS = (12, 10, 11, 14, 8, 12, 14, 6, 8, 7, 5, 7)


@dataclass
class Rendered:
    blocks: list[Block]
    table: Table
    header: tuple[str, ...]  # the column header row's labels
    header_row: int  # its index in the table
    shown: list[str]  # printed strings besides the golden text values


def jingyan(sheet: Sheet) -> Rendered:
    keep = [k for k, h in enumerate(JINGYAN_HEADER) if sheet.weight or h != "权重"]
    header = tuple(JINGYAN_HEADER[k] for k in keep)
    n = len(header)
    total = LANDSCAPE_TEXT_WIDTH if sheet.landscape else PORTRAIT_TEXT_WIDTH
    grid_widths = widths_of(total, *(JINGYAN_PARTS[k] for k in keep))
    rows: list[tuple[C, ...]] = []
    shown: list[str] = [sheet.unit_line]
    if sheet.title_in_table:
        rows += [(L(sheet.title, n),), (C(sheet.unit_line, n),)]
    header_row = len(rows)
    rows.append(tuple(L(h) for h in header))
    for dept in sheet.depts:
        label, money = f"{dept.code}-{dept.name}", amount(dept.subtotal, sheet.amount_style)
        rows.append((C(label), C(""), C(money), *(C("") for _ in range(n - 3))))
        shown += [label, money]
        for unit in dept.units:
            coded = f"{unit.code}-{unit.name}"
            shown.append(coded)
            for p in unit.projects:
                budget = amount(p.budget, sheet.amount_style)
                shown.append(budget)
                own = project_cells(
                    [coded, p.name, budget, p.goals.paragraphs()], len(p.rows), sheet.merged
                )
                ones = level1_cells(p.rows, sheet.merge_level1)
                for r, own_cells, one in zip(p.rows, own, ones, strict=True):
                    tail = [r.level2, r.level3, r.nature, r.value.printed, r.unit]
                    tail += [r.weight or ""] if sheet.weight else []
                    tail.append(r.direction)
                    rows.append((*own_cells, *one, *(C(t) for t in tail)))
                    shown += [t for t in (r.nature, r.unit, r.direction, r.weight) if t]
    table = Table(grid_widths, tuple(rows))
    blocks: list[Block] = []
    if not sheet.title_in_table:
        blocks += [Para(sheet.title, "title"), Para(sheet.unit_line, "unit")]
    blocks.append(table)
    return Rendered(blocks, table, header, header_row, shown)


YUNNAN_HEADER = ("项目名称", "绩效目标", "一级指标", "二级指标", "三级指标", "指标值")
YUNNAN_PARTS = (15, 25, 11, 15, 19, 15)


def yunnan(sheet: Sheet) -> Rendered:
    n = len(YUNNAN_HEADER)
    total = LANDSCAPE_TEXT_WIDTH if sheet.landscape else PORTRAIT_TEXT_WIDTH
    unit_cell = f"单位名称：{sheet.sheet_unit}"
    rows: list[tuple[C, ...]] = [
        (L(sheet.title, n),),
        (C(unit_cell, 3), C(sheet.unit_line, 3)),
        tuple(L(h) for h in YUNNAN_HEADER),
    ]
    for p in sheet.projects_:
        assert p.budget is None, "05-2 prints no amounts"
        own = project_cells([p.name, p.goals.paragraphs()], len(p.rows), sheet.merged)
        ones = level1_cells(p.rows, sheet.merge_level1)
        for r, own_cells, one in zip(p.rows, own, ones, strict=True):
            rows.append((*own_cells, *one, C(r.level2), C(r.level3), C(r.value.printed)))
    table = Table(widths_of(total, *YUNNAN_PARTS), tuple(rows))
    return Rendered([table], table, YUNNAN_HEADER, 2, [unit_cell, sheet.unit_line])


LAYOUTS = {"jingyan": jingyan, "yunnan": yunnan}


# --- the content ---
# fmt: off

P, B, S = "产出指标", "效益指标", "满意度指标"
COST = "成本指标"
SAT = "服务对象满意度指标"
FORWARD, BACKWARD = "正向指标", "反向指标"


def one(goal: str) -> Goals:
    return Goals((goal,), style="none")


def dot(*goals: str, inline: bool = False) -> Goals:
    return Goals(goals, style="dot", inline=inline)


JINGYAN = Sheet(
    stem="jingyan_2023",
    about=(
        "四川 井研 2023: title and `金额单位:元` as the table's first rows, landscape; 2 departments "
        "with subtotal rows, 3 units, 5 projects; project cells and 一级 vertically merged; "
        "农村公路养护 prints its indicators out of canonical order; amounts 3,309,840.00; "
        "万平方米, 万元/公里, 万元/人, 反向指标, blank 指标方向性; no 权重 column"
    ),
    layout="jingyan",
    fiscal_year=2023,
    title="井研县部门预算项目绩效目标申报表(2023年度)",
    amount_unit="元",
    unit_line="金额单位:元",
    merged=True,
    merge_level1=True,
    depts=(
        Dept(
            "820",
            "马踏镇部门",
            (
                Unit(
                    "820001",
                    "井研县马踏镇人民政府",
                    (
                        FProject(
                            "村组干部报酬",
                            one("按时发放村组干部报酬"),
                            (
                                sep(P, "数量指标", "发放村组干部人数", "=", "126", "人"),
                                sep(P, "时效指标", "报酬发放及时率", "≥", "95", "%"),
                                sep(B, "社会效益指标", "维护社会稳定", "≥", "95", "%"),
                                sep(S, SAT, "村组干部满意度", "≥", "90", "%"),
                            ),
                            Decimal("3309840.00"),
                        ),
                        FProject(
                            "场镇环境卫生整治",
                            dot("完成场镇日常清扫保洁。", "垃圾日产日清，改善场镇人居环境。"),
                            (
                                sep(P, "数量指标", "清扫保洁面积", "≥", "12.5", "万平方米"),
                                sep(P, "质量指标", "垃圾清运达标率", "=", "100", "%", ""),
                                sep(COST, "经济成本指标", "保洁人员人均成本", "≤", "3.6", "万元/人", BACKWARD),
                                sep(B, "生态效益指标", "场镇环境改善程度", "≥", "85", "%"),
                                sep(S, SAT, "场镇居民满意度", "≥", "90", "%"),
                            ),
                            Decimal("1250000.00"),
                        ),
                    ),
                ),
                Unit(
                    "820002",
                    "井研县马踏镇农业综合服务中心",
                    (
                        FProject(
                            "高标准农田管护",
                            one("落实高标准农田建后管护责任，保障农田设施正常使用"),
                            (
                                sep(P, "数量指标", "管护农田面积", "≥", "3200", "亩"),
                                sep(P, "质量指标", "设施完好率", "≥", "95", "%"),
                                sep(B, "可持续影响指标", "设施使用年限", "≥", "10", "年"),
                            ),
                            Decimal("486500.00"),
                        ),
                    ),
                ),
            ),
        ),
        Dept(
            "821",
            "集益镇部门",
            (
                Unit(
                    "821001",
                    "井研县集益镇人民政府",
                    (
                        FProject(
                            "农村公路养护",
                            one("完成辖区农村公路日常养护，保障群众安全便捷出行。"),
                            (  # printed out of canonical order: the printed order stands
                                sep(B, "社会效益指标", "群众出行条件改善率", "≥", "90", "%"),
                                sep(P, "数量指标", "养护农村公路里程", "=", "86.5", "公里"),
                                sep(S, SAT, "沿线群众满意度", "≥", "92", "%"),
                                sep(P, "时效指标", "病害处置时限", "≤", "30", "天", BACKWARD),
                                sep(COST, "经济成本指标", "每公里养护成本", "≤", "1.06", "万元/公里", BACKWARD),
                                sep(P, "质量指标", "路面完好率", "≥", "85", "%"),
                            ),
                            Decimal("920000.00"),
                        ),
                        FProject(
                            "集镇供水设施维修",
                            one("维修集镇供水管网，保障集镇居民饮水安全"),
                            (
                                sep(P, "数量指标", "维修供水管网长度", "=", "2.4", "公里"),
                                sep(P, "质量指标", "水质达标率", "=", "100", "%"),
                                sep(B, "社会效益指标", "受益人口", "≥", "8600", "人", ""),
                                sep(S, SAT, "受益群众满意度", "≥", "90", "%"),
                            ),
                            Decimal("358200.53"),
                        ),
                    ),
                ),
            ),
        ),
    ),
)


MUCHUAN = Sheet(
    stem="muchuan_2024",
    about=(
        "四川 沐川 2024: title `…（2024年度）` and `金额单位：元` as paragraphs above the table, "
        "landscape; 2 departments, 3 units, 7 projects; project cells filled on the first row only "
        "(blank below, no merges), 一级 on every row; the grid flows over two PDF pages with the "
        "header row repeated; plain amounts 486000.00; goals numbered as paragraphs and inline; "
        "人/次, 批次, 人/年, 个工作日; no 权重 column"
    ),
    layout="jingyan",
    fiscal_year=2024,
    title="沐川县部门预算项目绩效目标申报表（2024年度）",
    amount_unit="元",
    unit_line="金额单位：元",
    merged=False,
    merge_level1=False,
    amount_style="plain2",
    title_in_table=False,
    repeat_header=True,
    pages=2,
    depts=(
        Dept(
            "705",
            "沐川县沐溪镇部门",
            (
                Unit(
                    "705001",
                    "沐川县沐溪镇人民政府",
                    (
                        FProject(
                            "基层党组织活动经费",
                            one("保障村（社区）基层党组织正常开展活动，提升基层党建工作水平。"),
                            (
                                sep(P, "数量指标", "保障党组织个数", "=", "14", "个"),
                                sep(P, "数量指标", "开展主题党日活动", "≥", "168", "次"),
                                sep(P, "时效指标", "经费拨付时限", "≤", "15", "个工作日", BACKWARD),
                                sep(B, "社会效益指标", "基层党组织战斗力", "≥", "90", "%"),
                                sep(S, SAT, "党员群众满意度", "≥", "90", "%"),
                            ),
                            Decimal("168000.00"),
                        ),
                        FProject(
                            "场镇路灯维护",
                            dot("维护场镇路灯正常照明", "及时更换损坏灯具", inline=True),
                            (
                                sep(P, "数量指标", "维护路灯数量", "=", "1260", "盏"),
                                sep(P, "质量指标", "路灯亮灯率", "≥", "98", "%"),
                                sep(P, "时效指标", "故障修复时限", "≤", "48", "小时", BACKWARD),
                                sep(COST, "经济成本指标", "单盏年维护成本", "≤", "230", "元", BACKWARD),
                                sep(B, "社会效益指标", "夜间出行安全保障率", "≥", "95", "%", ""),
                                sep(S, SAT, "场镇居民满意度", "≥", "88", "%"),
                            ),
                            Decimal("289800.00"),
                        ),
                    ),
                ),
                Unit(
                    "705002",
                    "沐川县沐溪镇社区卫生服务中心",
                    (
                        FProject(
                            "基本公共卫生服务",
                            dot(
                                "为辖区居民免费提供国家基本公共卫生服务项目。",
                                "提高居民健康素养水平。",
                            ),
                            (
                                sep(P, "数量指标", "建立居民电子健康档案", "≥", "26800", "份"),
                                sep(P, "数量指标", "老年人健康管理人数", "≥", "3150", "人/年"),
                                sep(P, "质量指标", "健康档案规范化建档率", "≥", "90", "%"),
                                sep(P, "时效指标", "服务完成时限", "≤", "12", "月"),
                                sep(B, "社会效益指标", "健康素养水平提升", "≥", "2", "%"),
                                sep(S, SAT, "辖区居民满意度", "≥", "85", "%"),
                            ),
                            Decimal("1536400.00"),
                        ),
                        FProject(
                            "家庭医生签约服务",
                            one("推进家庭医生签约服务，重点人群签约覆盖率稳步提高"),
                            (
                                sep(P, "数量指标", "重点人群签约人数", "≥", "5200", "人"),
                                sep(P, "数量指标", "随访服务", "≥", "4", "人/次"),
                                sep(P, "质量指标", "重点人群签约覆盖率", "≥", "75", "%"),
                                sep(B, "社会效益指标", "就医便利程度提升", "≥", "80", "%"),
                                sep(S, SAT, "签约居民满意度", "≥", "90", "%"),
                            ),
                            Decimal("486000.00"),
                        ),
                    ),
                ),
            ),
        ),
        Dept(
            "712",
            "沐川县文化广播电视和旅游局部门",
            (
                Unit(
                    "712001",
                    "沐川县文化广播电视和旅游局",
                    (
                        FProject(
                            "公共文化场馆免费开放",
                            one("保障图书馆、文化馆免费开放，满足群众基本文化需求。"),
                            (
                                sep(P, "数量指标", "免费开放场馆数", "=", "3", "个"),
                                sep(P, "数量指标", "年接待读者", "≥", "12", "万人次"),
                                sep(P, "质量指标", "场馆开放时间达标率", "=", "100", "%"),
                                sep(COST, "经济成本指标", "运行经费控制数", "≤", "52.6", "万元", BACKWARD),
                                sep(B, "社会效益指标", "群众文化获得感", "≥", "90", "%"),
                                sep(S, SAT, "读者满意度", "≥", "92", "%"),
                            ),
                            Decimal("526000.00"),
                        ),
                        FProject(
                            "文化下乡惠民演出",
                            dot("开展送文化下乡惠民演出。", "丰富农村群众文化生活。"),
                            (
                                sep(P, "数量指标", "惠民演出场次", "≥", "60", "场"),
                                sep(P, "数量指标", "配送文化产品", "=", "12", "批次"),
                                sep(P, "时效指标", "演出完成时间", "≤", "11", "月"),
                                sep(B, "社会效益指标", "受益群众人次", "≥", "18000", "人次"),
                                sep(S, SAT, "观演群众满意度", "≥", "90", "%"),
                            ),
                            Decimal("300000.00"),
                        ),
                        FProject(
                            "旅游宣传推广",
                            one("开展旅游宣传营销活动，提升沐川旅游知名度"),
                            (
                                sep(P, "数量指标", "举办推介活动", "≥", "4", "次"),
                                sep(P, "数量指标", "投放宣传广告", "≥", "20", "期"),
                                sep(P, "质量指标", "宣传内容审核通过率", "=", "100", "%"),
                                sep(COST, "经济成本指标", "单场推介活动成本", "≤", "8.5", "万元", BACKWARD),
                                sep(B, "经济效益指标", "旅游综合收入增长率", "≥", "8", "%"),
                                sep(S, SAT, "游客满意度", "≥", "90", "%"),
                            ),
                            Decimal("450000.00"),
                        ),
                    ),
                ),
            ),
        ),
    ),
)


YUNNAN = Sheet(
    stem="yunnan_panlong_2024",
    about=(
        "云南 05-2 2024 (portrait): sheet title `2024年部门项目支出绩效目标表`, a row "
        "`单位名称：…` | `金额单位：万元`, the header on row 3 (项目名称 | 绩效目标 | 一级 | 二级 | 三级 | "
        "指标值); 4 projects of one unit (the document's unit), 项目名称 / 绩效目标 / 一级 merged; "
        "values in one cell: ≥95% 100% =100.00(%) ≥90.00(%) ±3%以内 >92% 不低于90% 95%以上 "
        "≤10个工作日 ≤65万元 985米 ≥80M 180万 bare 2, 可控 及时 优良 降低 巩固提高; 成本指标 as 一级; "
        "goals numbered 1. 2. and 目标1：; no amounts"
    ),
    layout="yunnan",
    fiscal_year=2024,
    title="2024年部门项目支出绩效目标表",
    amount_unit="万元",
    unit_line="金额单位：万元",
    sheet_unit="昆明市盘龙区农业农村局",
    merged=True,
    merge_level1=True,
    landscape=False,
    projects_=(
        FProject(
            "农村人居环境整治专项资金",
            dot("完成村庄清洁行动，农村生活垃圾有效处理。", "改善农村人居环境。"),
            (
                comb(P, "数量指标", "村庄清洁行动覆盖村数", eq("32", "个")),
                comb(P, "质量指标", "生活垃圾有效处理率", ge("95", "%")),
                comb(P, "时效指标", "资金拨付及时率", eq("100", "%")),
                comb(COST, "经济成本指标", "项目成本控制", text("可控")),
                comb(B, "生态效益指标", "农村人居环境", text("巩固提高")),
                comb(S, SAT, "村民满意度", not_below("90", "%")),
            ),
        ),
        FProject(
            "动物防疫补助经费",
            Goals(("完成重大动物疫病强制免疫。", "防止区域性重大动物疫情发生。"), style="target", inline=True),
            (
                comb(P, "数量指标", "强制免疫密度", above("95", "%")),
                comb(P, "质量指标", "免疫抗体合格率", pct2("≥", "90.00")),
                comb(P, "时效指标", "疫情报告时限", le("10", "个工作日")),
                comb(B, "社会效益指标", "重大动物疫情发生率", text("降低")),
                comb(S, SAT, "养殖户满意度", gt("92", "%")),
            ),
        ),
        FProject(
            "高原特色农业产业发展",
            one("培育高原特色农业产业基地，带动农民增收"),
            (
                comb(P, "数量指标", "新建产业基地道路", eq("985", "米")),
                comb(P, "数量指标", "扶持新型经营主体", eq("2")),
                comb(P, "质量指标", "项目验收合格率", pct2("=", "100.00")),
                comb(COST, "经济成本指标", "单个基地建设成本", le("65", "万元")),
                comb(B, "经济效益指标", "带动农户增收", eq("180", "万")),
                comb(B, "可持续影响指标", "产量增减幅度", within("3")),
            ),
        ),
        FProject(
            "农业信息化建设",
            one("建设农业农村信息化平台，提升农业管理服务水平。"),
            (
                comb(P, "数量指标", "接入网络带宽", ge("80", "M")),
                comb(P, "质量指标", "系统运行质量", text("优良")),
                comb(P, "时效指标", "故障响应", text("及时")),
                comb(S, SAT, "使用人员满意度", ge("95", "%")),
            ),
        ),
    ),
)


QW_UNIT = "犍为县自然资源局(本级)"

QIANWEI = Sheet(
    stem="qianwei_2022",
    about=(
        "四川 犍为 2022: title and `金额单位:元` as the table's first rows, landscape; 1 department, "
        "1 unit (the document's unit), 6 projects; merged project cells; 指标性质 `定性` rows (text "
        "values, no comparator); a 权重 column (10, 20, 2.5, 27.5); thousands separators in amounts "
        "(12,486,300.00) and in 指标值 (1,200 / 12,000 / 3,500); the grid flows over two PDF pages "
        "without a repeated header row"
    ),
    layout="jingyan",
    fiscal_year=2022,
    title="犍为县部门预算项目绩效目标申报表(2022年度)",
    amount_unit="元",
    unit_line="金额单位:元",
    merged=True,
    merge_level1=False,
    weight=True,
    amount_style="comma2",
    title_in_table=True,
    repeat_header=False,
    pages=2,
    depts=(
        Dept(
            "606",
            "犍为县自然资源局",
            (
                Unit(
                    "606001",
                    QW_UNIT,
                    (
                        FProject(
                            "土地出让收入征收管理",
                            one("按时足额征收土地出让收入，规范土地出让收支管理。"),
                            (
                                sep(P, "数量指标", "出让地块宗数", "≥", "18", "宗", weight="20"),
                                sep(P, "质量指标", "土地出让价款收取", "定性", "按时收取土地出让价款", weight="20"),
                                sep(P, "时效指标", "出让收入缴库时限", "≤", "5", "个工作日", BACKWARD, "10"),
                                sep(COST, "经济成本指标", "征收成本", "定性", "控制在预算额度内", "", "", "10"),
                                sep(B, "经济效益指标", "土地出让收入", "≥", "12,000", "万元", weight="30"),
                                sep(S, SAT, "竞买人满意度", "≥", "90", "%", weight="10"),
                            ),
                            Decimal("1850000.00"),
                        ),
                        FProject(
                            "不动产登记服务",
                            dot("提供便捷高效的不动产登记服务。", "压缩登记办理时限。"),
                            (
                                sep(P, "数量指标", "办理不动产登记业务", "≥", "1,200", "件", weight="20"),
                                sep(P, "质量指标", "登记差错率", "≤", "0.5", "%", BACKWARD, "10"),
                                sep(P, "质量指标", "登记资料电子化率", "=", "100", "%", weight="10"),
                                sep(P, "时效指标", "一般登记办结时限", "≤", "5", "个工作日", BACKWARD, "20"),
                                sep(B, "社会效益指标", "营商环境", "定性", "有效提升", weight="20"),
                                sep(S, SAT, "办事群众满意度", "≥", "95", "%", weight="20"),
                            ),
                            Decimal("2364580.50"),
                        ),
                        FProject(
                            "地质灾害防治",
                            one("开展地质灾害隐患排查和群测群防，保障人民群众生命财产安全"),
                            (
                                sep(P, "数量指标", "隐患点巡查排查", "≥", "146", "处", weight="20"),
                                sep(P, "数量指标", "群测群防员培训", "≥", "3,500", "人次", weight="10"),
                                sep(P, "质量指标", "隐患点监测覆盖率", "=", "100", "%", weight="20"),
                                sep(P, "时效指标", "险情处置", "定性", "及时", weight="10"),
                                sep(B, "社会效益指标", "因灾死亡人数", "=", "0", "人", BACKWARD, "30"),
                                sep(S, SAT, "受威胁群众满意度", "≥", "90", "%", weight="10"),
                            ),
                            Decimal("1120000.00"),
                        ),
                        FProject(
                            "耕地保护补偿",
                            one("落实耕地保护补偿资金，调动农村集体经济组织和农户保护耕地积极性。"),
                            (
                                sep(P, "数量指标", "补偿耕地面积", "≥", "31,215.5", "亩", weight="10"),
                                sep(P, "数量指标", "补偿农户户数", "≥", "46,820", "户", weight="10"),
                                sep(P, "质量指标", "补偿资金发放准确率", "=", "100", "%", weight="20"),
                                sep(P, "时效指标", "资金兑付完成时间", "≤", "10", "月", "", "10"),
                                sep(COST, "经济成本指标", "每亩补偿标准", "=", "40", "元/亩", "", "2.5"),
                                sep(B, "生态效益指标", "耕地保有量", "定性", "不减少", "", "", "27.5"),
                                sep(S, SAT, "农户满意度", "≥", "90", "%", weight="20"),
                            ),
                            Decimal("12486300.00"),
                        ),
                        FProject(
                            "国土空间规划编制",
                            one("完成县级国土空间总体规划编制"),
                            (
                                sep(P, "数量指标", "编制规划成果", "=", "1", "套", weight="20"),
                                sep(P, "质量指标", "规划成果质量", "定性", "通过省级审查", weight="30"),
                                sep(P, "时效指标", "规划编制完成时间", "≤", "12", "月", weight="10"),
                                sep(B, "可持续影响指标", "规划实施期限", "≥", "15", "年", weight="30"),
                                sep(S, SAT, "相关部门满意度", "≥", "85", "%", weight="10"),
                            ),
                            Decimal("980000.00"),
                        ),
                        FProject(
                            "自然资源执法监察",
                            one("开展自然资源卫片执法和动态巡查，及时制止和查处违法行为。"),
                            (
                                sep(P, "数量指标", "动态巡查", "≥", "2,400", "人次", weight="20"),
                                sep(P, "质量指标", "违法图斑核查率", "=", "100", "%", weight="20"),
                                sep(P, "时效指标", "违法行为制止", "定性", "及时", weight="20"),
                                sep(B, "社会效益指标", "违法占地面积", "≤", "15", "亩", BACKWARD, "20"),
                                sep(S, SAT, "群众满意度", "≥", "90", "%", weight="20"),
                            ),
                            Decimal("456700.00"),
                        ),
                    ),
                ),
            ),
        ),
    ),
)


# fmt: on

SHEETS = (JINGYAN, MUCHUAN, YUNNAN, QIANWEI)
