"""A second author's narrative samples: four long 上海 district 部门预算 documents.

Written from the conventions of ../shared/TEMPLATES.md (family `narrative`), independently of
narrative_docs.py, to look like the PDFs the districts publish: a cover, a 目录 with page
numbers, 第一部分 部门概况, 第二部分 部门预算情况说明 (with chapters whose titles end in
`经费情况说明` and are not project sheets), 第三部分 the budget tables (some landscape), 名词解释,
and the project sheets (`XX项目经费情况说明`), in one document under 第四部分 其他相关情况说明.

Every amount of the ordinary chapters and tables is computed from one set of figures (the
function-classification leaves), so the 合计 rows add up. The facts the golden rows hold are
values here; the printed sentences are made from them (truth by construction).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal

WAN = Decimal(10000)
CENT = Decimal("0.01")
ZERO = Decimal(0)
SUFFIXES = ("项目经费情况说明", "经费情况说明")  # longest first
LABELS = ("项目概述", "立项依据", "实施主体", "实施方案", "实施周期", "年度预算安排", "绩效目标")
CN = "一二三四五六七八九十"
POINTER = "详见绩效目标申报表。"
FORBIDDEN = ("总体绩效目标", "分项绩效目标", "工作保障措施")


def D(value: str | Decimal) -> Decimal:
    return Decimal(value)


def yuan(wan: Decimal) -> Decimal:
    return (wan * WAN).quantize(CENT)


def pct(part: Decimal, whole: Decimal) -> Decimal:
    return (part * 100 / whole).quantize(CENT) if whole else ZERO


def cn_number(n: int) -> str:
    """1..29 as 一 … 十一 … 二十九 (chapter numbering)."""
    if n <= 10:
        return CN[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN[tens - 1]) + "十" + (CN[ones - 1] if ones else "")


# --- periods ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    raw: str
    start: date | None
    end: date | None


def _last(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def p_days(a: date, b: date, sep: str = "至") -> Period:
    """`2025年1月1日至2025年12月31日`"""
    return Period(f"{a.year}年{a.month}月{a.day}日{sep}{b.year}年{b.month}月{b.day}日", a, b)


def p_dots(a: date, b: date) -> Period:
    """`2024.1.1-2024.12.31`"""
    return Period(f"{a.year}.{a.month}.{a.day}-{b.year}.{b.month}.{b.day}", a, b)


def p_month_dots(y1: int, m1: int, y2: int, m2: int) -> Period:
    """`2025.1-2025.12`: month granularity."""
    return Period(f"{y1}.{m1}-{y2}.{m2}", date(y1, m1, 1), _last(y2, m2))


def p_months(y1: int, m1: int, y2: int, m2: int, sep: str = "至") -> Period:
    """`2024年7月至2025年12月` / `2024年1月-2026年12月`"""
    return Period(f"{y1}年{m1}月{sep}{y2}年{m2}月", date(y1, m1, 1), _last(y2, m2))


def p_year(y: int) -> Period:
    """`2025年全年`: the calendar year."""
    return Period(f"{y}年全年", date(y, 1, 1), date(y, 12, 31))


def p_prose(text: str) -> Period:
    assert not any(c.isdigit() for c in text)
    return Period(text, None, None)


# --- 年度预算安排 ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Budget:
    paragraphs: tuple[str, ...]
    total: Decimal | None = None  # 万元
    project_total: Decimal | None = None  # 万元, 总投资 only
    quarters: tuple[tuple[str, Decimal], ...] = ()  # (period as printed, 万元)


def b_plain(template: str, amount: str, *extra: str) -> Budget:
    """`template` holds `{a}` once, the total: `本项目2025年预算安排资金{a}万元…`."""
    assert template.count("{a}") == 1
    return Budget((template.format(a=amount), *extra), D(amount))


def b_breakdown(
    lead: str, total: str, items: tuple[tuple[str, str], ...], tail: str = ""
) -> Budget:
    """`项目总预算1720.00万元，其中：A980.00万元，B420.00万元…。` (the parts add up)."""
    assert sum((D(a) for _, a in items), ZERO) == D(total), f"breakdown of {total}"
    parts = "，".join(f"{name}{a}万元" for name, a in items)
    return Budget((f"{lead}{total}万元，其中：{parts}。{tail}",), D(total))


def b_quarters(
    lead: str,
    labels: tuple[str, str, str, str],
    amounts: tuple[str, str, str, str],
    sep: str,
    printed_total: bool = False,
    *extra: str,
) -> Budget:
    """Quarterly 用款计划; `lead` may hold `{a}` (the printed total, the quarters' sum)."""
    values = tuple(D(a) for a in amounts)
    total = sum(values, ZERO)
    parts = sep.join(f"{q}用款计划{a}万元" for q, a in zip(labels, amounts, strict=True))
    head = lead.format(a=f"{total:.2f}") if printed_total else lead
    assert ("{a}" in lead) == printed_total
    return Budget(
        (f"{head}{parts}。", *extra), total, quarters=tuple(zip(labels, values, strict=True))
    )


def b_invest(template: str, total: str, year: str, *extra: str) -> Budget:
    """`总投资{t}万元…本年度安排{y}万元`: this year's money is the total."""
    assert template.count("{t}") == 1 and template.count("{y}") == 1
    assert template.index("{t}") < template.index("{y}")
    return Budget((template.format(t=total, y=year), *extra), D(year), project_total=D(total))


def b_none(*paragraphs: str) -> Budget:
    assert not any(c.isdigit() for p in paragraphs for c in p), "prose without an amount"
    return Budget(tuple(paragraphs))


# --- a project sheet ------------------------------------------------------------------------


@dataclass(frozen=True)
class Sheet:
    heading: str  # as printed, without list numbering
    overview: tuple[str, ...]
    basis: tuple[str, ...]
    subject: tuple[str, ...]
    plan: tuple[str, ...]
    period: Period
    budget: Budget
    goal: tuple[str, ...] | None  # None: the section only points to the 申报表 (POINTER)
    number: str = ""  # list numbering printed before the heading: `1.`, `（一）`
    overview_label: str = "项目概述"  # or 项目概况
    numbering: str = "cn"  # cn: `一、项目概述`; paren: `（一）项目概述`
    inline: frozenset[str] = frozenset()  # sections whose first paragraph follows `：`
    wraps: bool = False  # the heading is long enough to wrap onto two lines in the PDF

    @property
    def name(self) -> str | None:
        for suffix in SUFFIXES:
            if self.heading.endswith(suffix):
                return self.heading[: -len(suffix)] or None
        raise AssertionError(f"not a sheet heading: {self.heading}")

    @property
    def printed_heading(self) -> str:
        return f"{self.number}{self.heading}"

    def label(self, k: int) -> str:
        """The printed label of section k (0-based), without the colon."""
        name = self.overview_label if k == 0 else LABELS[k]
        return f"{CN[k]}、{name}" if self.numbering == "cn" else f"（{CN[k]}）{name}"

    def sections(self) -> list[tuple[str, str, tuple[str, ...]]]:
        """(printed label, label name, paragraphs) in printed order."""
        texts = (
            self.overview,
            self.basis,
            self.subject,
            self.plan,
            (self.period.raw,),
            self.budget.paragraphs,
            self.goal if self.goal is not None else (POINTER,),
        )
        names = (self.overview_label, *LABELS[1:])
        return [(self.label(k), names[k], texts[k]) for k in range(7)]


# --- the other blocks -----------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """`第一部分 部门概况`: a Word Heading 1 on a new page."""

    text: str
    toc: bool = True


@dataclass(frozen=True)
class Chap:
    """`一、主要职能` (level 1) or `（一）…` (level 2)."""

    text: str
    level: int = 1
    toc: bool = False
    new_page: bool = False


@dataclass(frozen=True)
class P:
    text: str
    indent: bool = True
    bold: bool = False
    align: str = "justify"


@dataclass(frozen=True)
class Tbl:
    title: str
    header: tuple[tuple[str, ...], ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]  # relative, scaled to the text width
    merges: tuple[tuple[int, int, int, int], ...] = ()  # (row, col, row2, col2), header rows
    maker: str = ""  # `编制单位：…` printed left of the unit line
    unit: str = "单位：万元"
    note: str = ""  # a `注：…` line below the table
    landscape: bool = False
    font: float = 10.0
    bold_rows: frozenset[int] = frozenset()  # body rows printed bold (合计, 类)
    toc: str = ""  # the 目录 line, when the table is listed there


@dataclass(frozen=True)
class Toc:
    title: str = "目  录"


Block = Part | Chap | P | Tbl | Toc | Sheet


@dataclass(frozen=True)
class Look:
    """How one document prints."""

    header: str  # running header on every page but the cover
    footer: str  # `— {} —`, `第 {} 页`, `{}`, `- {} -`
    cover_counted: bool = False  # True: the cover is page 1 (no number shown on it)
    body_pt: float = 12.0
    body_font: str = "宋体"
    line_spacing: float = 1.25
    sheet_heading: str = "bold"  # bold | heading (Word Heading 2)
    label_style: str = "bold"  # bold | heading (Word Heading 3)
    sheet_new_page: bool = False
    toc_sheets: bool = False  # the 目录 lists the sheets too
    toc_tables: bool = False  # the 目录 lists the tables of 第三部分
    chapter_style: str = "bold"  # bold | heading (Word Heading 2 for 一、 chapters)


@dataclass(frozen=True)
class Doc:
    name: str
    cover: tuple[tuple[str, float], ...]  # (line, points)
    year: int
    unit_name: str
    look: Look
    blocks: tuple[Block, ...]
    title: str = ""

    @property
    def sheets(self) -> list[Sheet]:
        return [b for b in self.blocks if isinstance(b, Sheet)]


# --- the budget figures and the ordinary chapters -------------------------------------------

ALL_CLASSES = (
    ("201", "一般公共服务支出"),
    ("202", "外交支出"),
    ("203", "国防支出"),
    ("204", "公共安全支出"),
    ("205", "教育支出"),
    ("206", "科学技术支出"),
    ("207", "文化旅游体育与传媒支出"),
    ("208", "社会保障和就业支出"),
    ("210", "卫生健康支出"),
    ("211", "节能环保支出"),
    ("212", "城乡社区支出"),
    ("213", "农林水支出"),
    ("214", "交通运输支出"),
    ("215", "资源勘探工业信息等支出"),
    ("216", "商业服务业等支出"),
    ("217", "金融支出"),
    ("219", "援助其他地区支出"),
    ("220", "自然资源海洋气象等支出"),
    ("221", "住房保障支出"),
    ("222", "粮油物资储备支出"),
    ("224", "灾害防治及应急管理支出"),
    ("229", "其他支出"),
    ("232", "债务付息支出"),
)
CLASS_NAMES = dict(ALL_CLASSES)

COMMON_NAMES = {
    "20805": "行政事业单位养老支出",
    "2080501": "行政单位离退休",
    "2080505": "机关事业单位基本养老保险缴费支出",
    "2080506": "机关事业单位职业年金缴费支出",
    "21011": "行政事业单位医疗",
    "2101101": "行政单位医疗",
    "2101102": "事业单位医疗",
    "22102": "住房改革支出",
    "2210201": "住房公积金",
}

# Basic expenditure by economic classification: code, name, weight inside its pool.
PERSONNEL_CORE = (
    ("30101", "基本工资", 22),
    ("30102", "津贴补贴", 30),
    ("30103", "奖金", 8),
    ("30107", "绩效工资", 25),
    ("30112", "其他社会保障缴费", 3),
    ("30199", "其他工资福利支出", 12),
)
PUBLIC_ITEMS = (
    ("30201", "办公费", 18),
    ("30202", "印刷费", 4),
    ("30205", "水费", 2),
    ("30206", "电费", 8),
    ("30207", "邮电费", 5),
    ("30209", "物业管理费", 24),
    ("30211", "差旅费", 3),
    ("30213", "维修（护）费", 6),
    ("30215", "会议费", 2),
    ("30216", "培训费", 3),
    ("30217", "公务接待费", 0),  # = the “三公” 公务接待费
    ("30226", "劳务费", 5),
    ("30228", "工会经费", 6),
    ("30229", "福利费", 5),
    ("30231", "公务用车运行维护费", 0),  # = the “三公” 公务用车运行费
    ("30239", "其他交通费用", 6),
    ("30299", "其他商品和服务支出", 3),
)
RETIRE_ITEMS = (
    ("30302", "退休费", 80),
    ("30305", "生活补助", 15),
    ("30399", "其他对个人和家庭的补助", 5),
)
DIRECT = {"pension": "30108", "annuity": "30109", "medical": "30110", "housing": "30113"}
ECON_NAMES = {
    "301": "工资福利支出",
    "302": "商品和服务支出",
    "303": "对个人和家庭的补助",
    "30108": "机关事业单位基本养老保险缴费",
    "30109": "职业年金缴费",
    "30110": "职工基本医疗保险缴费",
    "30113": "住房公积金",
    **{c: n for c, n, _ in PERSONNEL_CORE + PUBLIC_ITEMS + RETIRE_ITEMS},
}


def allocate(total: Decimal, weights: list[int]) -> list[Decimal]:
    """Split `total` by integer weights into cents; the last share takes the remainder."""
    whole = sum(weights)
    shares = [(total * w / whole).quantize(CENT, ROUND_DOWN) for w in weights]
    shares[-1] += total - sum(shares, ZERO)
    return shares


@dataclass(frozen=True)
class Leaf:
    """One 项-level line of the functional classification."""

    code: str  # 7 digits
    basic: str  # 万元
    project: str
    use: str  # 主要用于…
    econ: str = ""  # run | pension | annuity | medical | housing | retire (basic money)
    fund: bool = False  # 政府性基金 money, not 一般公共预算
    note: str = ""  # a sentence after the use (a change on last year)

    @property
    def total(self) -> Decimal:
        return D(self.basic) + D(self.project)


@dataclass(frozen=True)
class Finance:
    unit: str
    short: str  # how the prose names the unit: `本部门`, `区民政局`
    year: int
    names: dict[str, str]  # 5- and 7-digit codes → 款 / 项 names
    leaves: tuple[Leaf, ...]
    public: str  # 公用经费 inside the 运行 leaves, 万元
    prior_total: str
    prior_gpb: str
    change_reason: str
    three_public: tuple[str, str, str, str]  # 出国（境）, 车辆购置, 车辆运行, 接待
    prior_three_public: tuple[str, str, str, str]
    three_public_notes: tuple[str, str, str]
    operating: str  # 机关运行经费
    prior_operating: str
    procurement: tuple[str, str, str]  # 货物, 工程, 服务
    sme: str  # 面向中小企业预留
    assets: tuple[str, ...]
    perf_projects: int
    fund_use: str = ""
    thousands: bool = False
    blank_zero: bool = True  # the 总表 print nothing for zero (else 0.00)
    item_numbering: str = "（{}）"  # 具体使用情况 items: `（1）`, `{}.`, `` (none)
    item_year: bool = True  # `科目，2025年预算为…` (else `科目，预算为…`)
    three_public_title: str = "“三公”经费预算情况说明"
    operating_title: str = "机关运行经费"
    table_prefix: str = ""  # printed before each table title, e.g. the year
    projects_table: tuple[tuple[str, str, str], ...] = ()  # (项目名称, 科目编码, 万元)

    # ---- sums
    def _sum(self, prefix: str = "", fund: bool | None = None) -> tuple[Decimal, Decimal, Decimal]:
        leaves = [
            leaf
            for leaf in self.leaves
            if leaf.code.startswith(prefix) and (fund is None or leaf.fund == fund)
        ]
        basic = sum((D(leaf.basic) for leaf in leaves), ZERO)
        project = sum((D(leaf.project) for leaf in leaves), ZERO)
        return basic + project, basic, project

    @property
    def total(self) -> Decimal:
        return self._sum()[0]

    @property
    def gpb(self) -> Decimal:
        return self._sum(fund=False)[0]

    @property
    def fund(self) -> Decimal:
        return self._sum(fund=True)[0]

    def m(self, value: Decimal) -> str:
        return f"{value:,.2f}" if self.thousands else f"{value:.2f}"

    def z(self, value: Decimal) -> str:
        """A 总表 cell: blank for zero where the document prints it so."""
        return "" if (value == 0 and self.blank_zero) else self.m(value)

    def classes(self, fund: bool | None = None) -> list[str]:
        return sorted({leaf.code[:3] for leaf in self.leaves if fund is None or leaf.fund == fund})

    def name_of(self, code: str) -> str:
        if len(code) == 3:
            return CLASS_NAMES[code]
        return self.names.get(code) or COMMON_NAMES[code]

    # ---- economic classification of the basic money
    def econ(self) -> dict[str, Decimal]:
        out: dict[str, Decimal] = {}
        run = sum((D(leaf.basic) for leaf in self.leaves if leaf.econ == "run"), ZERO)
        core = run - D(self.public)
        assert core > 0
        for (code, _, _), v in zip(
            PERSONNEL_CORE, allocate(core, [w for *_, w in PERSONNEL_CORE]), strict=True
        ):
            out[code] = v
        for kind, code in DIRECT.items():
            out[code] = sum((D(leaf.basic) for leaf in self.leaves if leaf.econ == kind), ZERO)
        retire = sum((D(leaf.basic) for leaf in self.leaves if leaf.econ == "retire"), ZERO)
        for (code, _, _), v in zip(
            RETIRE_ITEMS, allocate(retire, [w for *_, w in RETIRE_ITEMS]), strict=True
        ):
            out[code] = v
        _, _, run_cars, reception = (D(v) for v in self.three_public)
        free = D(self.public) - run_cars - reception
        weighted = [(c, w) for c, _, w in PUBLIC_ITEMS if w]
        for (code, _), v in zip(weighted, allocate(free, [w for _, w in weighted]), strict=True):
            out[code] = v
        out["30217"], out["30231"] = reception, run_cars
        basic = self._sum(fund=False)[1]
        assert sum(out.values(), ZERO) == basic, "economic classification ≠ basic expenditure"
        return out


def _table_title(f: Finance, name: str) -> str:
    return f"{f.table_prefix}{name}"


def _maker(f: Finance) -> str:
    return f"编制单位：{f.unit}"


def _leaf_rows(f: Finance, fund: bool | None, cols: int) -> tuple[list[tuple[str, ...]], set[int]]:
    """类 / 款 / 项 rows with (total, basic, project) or (total,) columns."""
    rows: list[tuple[str, ...]] = []
    bold: set[int] = set()
    for c in f.classes(fund):
        subs = sorted(
            {
                lf.code[:5]
                for lf in f.leaves
                if lf.code.startswith(c) and (fund is None or lf.fund == fund)
            }
        )
        bold.add(len(rows))
        rows.append((c, f.name_of(c), *(f.m(v) for v in f._sum(c, fund)[:cols])))
        for sub in subs:
            rows.append((sub, f.name_of(sub), *(f.m(v) for v in f._sum(sub, fund)[:cols])))
            for lf in f.leaves:
                if lf.code.startswith(sub) and (fund is None or lf.fund == fund):
                    rows.append(
                        (
                            lf.code,
                            f.name_of(lf.code),
                            *(f.m(v) for v in f._sum(lf.code, fund)[:cols]),
                        )
                    )
    return rows, bold


def tables(f: Finance) -> list[Block]:
    """第三部分: the budget tables, every 合计 computed from the leaves."""
    total, basic, project = f._sum()
    gpb, fund = f.gpb, f.fund
    z, m = f.z, f.m
    out: list[Block] = []
    rows: list[tuple[str, ...]]
    body: list[tuple[str, ...]]
    bold: set[int]

    # 1 财务收支预算总表
    income = [
        ("一、财政拨款", z(total)),
        ("（一）一般公共预算资金", z(gpb)),
        ("（二）政府性基金", z(fund)),
        ("（三）国有资本经营预算", z(ZERO)),
        ("二、事业收入", z(ZERO)),
        ("三、事业单位经营收入", z(ZERO)),
        ("四、其他收入", z(ZERO)),
    ]
    expense = [(name, z(f._sum(code)[0])) for code, name in ALL_CLASSES]
    rows = [
        (*(income[k] if k < len(income) else ("", "")), *expense[k]) for k in range(len(expense))
    ]
    n = len(rows)
    rows += [
        ("本年收入合计", m(total), "本年支出合计", m(total)),
        ("上年结转结余", z(ZERO), "年终结转结余", z(ZERO)),
        ("收入总计", m(total), "支出总计", m(total)),
    ]
    out.append(
        Tbl(
            _table_title(f, "财务收支预算总表"),
            (("收入", "", "支出", ""), ("项目", "预算数", "项目", "预算数")),
            tuple(rows),
            (34, 16, 34, 16),
            merges=((0, 0, 0, 1), (0, 2, 0, 3)),
            maker=_maker(f),
            bold_rows=frozenset({n, n + 2}),
            toc="财务收支预算总表",
        )
    )

    # 2 部门收入预算总表 (landscape)
    body, bold = _leaf_rows(f, None, 1)
    rows = [("", "合计", m(total), m(total), m(gpb), z(fund), z(ZERO), z(ZERO), z(ZERO), z(ZERO))]
    for row in body:
        code = row[0]
        t = f._sum(code)[0]
        g = f._sum(code, fund=False)[0]
        fu = f._sum(code, fund=True)[0]
        rows.append((code, row[1], m(t), m(t), z(g), z(fu), z(ZERO), z(ZERO), z(ZERO), z(ZERO)))
    out.append(
        Tbl(
            _table_title(f, "部门收入预算总表"),
            (
                (
                    "功能分类科目",
                    "",
                    "合计",
                    "财政拨款资金",
                    "",
                    "",
                    "",
                    "事业收入",
                    "事业单位经营收入",
                    "其他收入",
                ),
                (
                    "科目编码",
                    "科目名称",
                    "",
                    "小计",
                    "一般公共预算资金",
                    "政府性基金",
                    "国有资本经营预算",
                    "",
                    "",
                    "",
                ),
            ),
            tuple(rows),
            (9, 26, 10, 10, 11, 9, 10, 9, 10, 9),
            merges=(
                (0, 0, 0, 1),
                (0, 2, 1, 2),
                (0, 3, 0, 6),
                (0, 7, 1, 7),
                (0, 8, 1, 8),
                (0, 9, 1, 9),
            ),
            maker=_maker(f),
            landscape=True,
            font=9.0,
            bold_rows=frozenset({0, *(b + 1 for b in bold)}),
            toc="部门收入预算总表",
        )
    )

    # 3 部门支出预算总表
    body, bold = _leaf_rows(f, None, 3)
    rows = [(*r, z(ZERO)) for r in body]
    rows.append(("", "合计", m(total), m(basic), m(project), z(ZERO)))
    out.append(
        Tbl(
            _table_title(f, "部门支出预算总表"),
            (
                ("功能分类科目", "", "合计", "基本支出", "项目支出", "事业单位经营支出"),
                ("科目编码", "科目名称", "", "", "", ""),
            ),
            tuple(rows),
            (13, 33, 14, 13, 13, 14),
            merges=((0, 0, 0, 1), (0, 2, 1, 2), (0, 3, 1, 3), (0, 4, 1, 4), (0, 5, 1, 5)),
            maker=_maker(f),
            bold_rows=frozenset({*bold, len(rows) - 1}),
            toc="部门支出预算总表",
        )
    )

    # 4 财政拨款收支预算总表 (landscape)
    income = [
        ("一、本年收入", m(total)),
        ("（一）一般公共预算资金", m(gpb)),
        ("（二）政府性基金", z(fund)),
        ("（三）国有资本经营预算", z(ZERO)),
        ("二、上年结转", z(ZERO)),
        ("（一）一般公共预算资金", z(ZERO)),
        ("（二）政府性基金", z(ZERO)),
        ("（三）国有资本经营预算", z(ZERO)),
    ]
    expense4 = [
        (
            name,
            z(f._sum(code)[0]),
            z(f._sum(code, fund=False)[0]),
            z(f._sum(code, fund=True)[0]),
            z(ZERO),
        )
        for code, name in ALL_CLASSES
    ]
    rows = [
        (*(income[k] if k < len(income) else ("", "")), *expense4[k]) for k in range(len(expense4))
    ]
    n = len(rows)
    rows += [
        ("收入总计", m(total), "支出总计", m(total), m(gpb), z(fund), z(ZERO)),
    ]
    out.append(
        Tbl(
            _table_title(f, "财政拨款收支预算总表"),
            (
                ("收入", "", "支出", "", "", "", ""),
                (
                    "项目",
                    "预算数",
                    "项目",
                    "合计",
                    "一般公共预算",
                    "政府性基金",
                    "国有资本经营预算",
                ),
            ),
            tuple(rows),
            (24, 11, 24, 11, 11, 10, 11),
            merges=((0, 0, 0, 1), (0, 2, 0, 6)),
            maker=_maker(f),
            landscape=True,
            font=9.0,
            bold_rows=frozenset({n}),
            toc="财政拨款收支预算总表",
        )
    )

    # 5 一般公共预算支出功能分类预算表
    body, bold = _leaf_rows(f, False, 3)
    g_total, g_basic, g_project = f._sum(fund=False)
    rows = [("", "合计", m(g_total), m(g_basic), m(g_project)), *body]
    out.append(
        Tbl(
            _table_title(f, "一般公共预算支出功能分类预算表"),
            (("功能分类科目编码", "功能分类科目名称", "合计", "基本支出", "项目支出"),),
            tuple(rows),
            (17, 38, 15, 15, 15),
            maker=_maker(f),
            bold_rows=frozenset({0, *(b + 1 for b in bold)}),
            toc="一般公共预算支出功能分类预算表",
        )
    )

    # 6 一般公共预算基本支出部门预算经济分类预算表
    econ = f.econ()
    rows = []
    bold = set()
    public_codes = {c for c, _, _ in PUBLIC_ITEMS}
    for head in ("301", "302", "303"):
        codes = sorted(c for c in econ if c.startswith(head))
        s = sum((econ[c] for c in codes), ZERO)
        personnel = s if head != "302" else ZERO
        bold.add(len(rows))
        rows.append((head, ECON_NAMES[head], m(s), z(personnel), z(s - personnel)))
        for c in codes:
            v = econ[c]
            is_public = c in public_codes
            rows.append(
                (c, ECON_NAMES[c], m(v), z(ZERO if is_public else v), z(v if is_public else ZERO))
            )
    pub = sum((econ[c] for c in econ if c in public_codes), ZERO)
    rows.append(("", "合计", m(g_basic), m(g_basic - pub), m(pub)))
    out.append(
        Tbl(
            _table_title(f, "一般公共预算基本支出部门预算经济分类预算表"),
            (
                ("部门预算支出经济分类科目", "", "合计", "人员经费", "公用经费"),
                ("科目编码", "科目名称", "", "", ""),
            ),
            tuple(rows),
            (14, 38, 16, 16, 16),
            merges=((0, 0, 0, 1), (0, 2, 1, 2), (0, 3, 1, 3), (0, 4, 1, 4)),
            maker=_maker(f),
            font=9.5,
            bold_rows=frozenset({*bold, len(rows) - 1}),
            toc="一般公共预算基本支出部门预算经济分类预算表",
        )
    )

    # 7 政府性基金预算支出功能分类预算表
    header7 = (("功能分类科目编码", "功能分类科目名称", "合计", "基本支出", "项目支出"),)
    if fund:
        body, bold = _leaf_rows(f, True, 3)
        ft, fb, fp = f._sum(fund=True)
        rows = [*body, ("", "合计", m(ft), m(fb), m(fp))]
        note = ""
    else:
        rows, bold = [("", "合计", "", "", "")], set()
        note = f"注：{f.unit}{f.year}年无政府性基金预算拨款安排的支出，故本表无数据。"
    out.append(
        Tbl(
            _table_title(f, "政府性基金预算支出功能分类预算表"),
            header7,
            tuple(rows),
            (17, 38, 15, 15, 15),
            maker=_maker(f),
            note=note,
            bold_rows=frozenset({*bold, len(rows) - 1}),
            toc="政府性基金预算支出功能分类预算表",
        )
    )

    # 8 国有资本经营预算支出功能分类预算表
    out.append(
        Tbl(
            _table_title(f, "国有资本经营预算支出功能分类预算表"),
            header7,
            (("", "合计", "", "", ""),),
            (17, 38, 15, 15, 15),
            maker=_maker(f),
            note=f"注：{f.unit}{f.year}年无国有资本经营预算拨款安排的支出，故本表无数据。",
            bold_rows=frozenset({0}),
            toc="国有资本经营预算支出功能分类预算表",
        )
    )

    # 9 “三公”经费和机关运行经费预算表 (landscape)
    def three(values: tuple[str, str, str, str], operating: str, label: str) -> tuple[str, ...]:
        a, b, c, d = (D(v) for v in values)
        return (label, m(a + b + c + d), m(a), m(b + c), m(b), m(c), m(d), m(D(operating)))

    out.append(
        Tbl(
            _table_title(f, "“三公”经费和机关运行经费预算表"),
            (
                ("项目", "“三公”经费", "", "", "", "", "", "机关运行经费"),
                ("", "合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费", ""),
                ("", "", "", "小计", "公务用车购置费", "公务用车运行费", "", ""),
            ),
            (
                three(f.prior_three_public, f.prior_operating, f"{f.year - 1}年预算数"),
                three(f.three_public, f.operating, f"{f.year}年预算数"),
            ),
            (16, 12, 13, 12, 12, 12, 11, 12),
            merges=(
                (0, 0, 2, 0),
                (0, 1, 0, 6),
                (0, 7, 2, 7),
                (1, 1, 2, 1),
                (1, 2, 2, 2),
                (1, 3, 1, 5),
                (1, 6, 2, 6),
            ),
            maker=_maker(f),
            landscape=True,
            font=10.0,
            toc="“三公”经费和机关运行经费预算表",
        )
    )

    # 10 项目支出预算表 (some documents only)
    if f.projects_table:
        rows = []
        s = ZERO
        for name, code, amount in f.projects_table:
            rows.append((name, code, f.name_of(code), m(D(amount))))
            s += D(amount)
        assert s == project, f"{f.unit}: 项目支出预算表 {s} ≠ {project}"
        rows.append(("合计", "", "", m(s)))
        out.append(
            Tbl(
                _table_title(f, "部门项目支出预算表"),
                (("项目名称", "功能分类科目编码", "功能分类科目名称", "预算数"),),
                tuple(rows),
                (34, 17, 33, 16),
                maker=_maker(f),
                bold_rows=frozenset({len(rows) - 1}),
                toc="部门项目支出预算表",
            )
        )
    return out


def budget_chapters(f: Finance) -> list[Block]:
    """第二部分: 部门预算情况说明, chapters 一 to 十."""
    y, u, s = f.year, f.unit, f.short
    total, basic, project = f._sum()
    gpb, fund = f.gpb, f.fund
    prior = D(f.prior_total)
    diff = total - prior
    word = "增加" if diff >= 0 else "减少"
    class_names = "、".join(CLASS_NAMES[c] for c in f.classes())
    out: list[Block] = [
        Chap("一、财务收支预算总体情况", toc=True),
        P(
            f"按照全口径预算的原则，{u}所有收入和支出均纳入部门预算管理。收入包括：一般公共预算财政拨款收入、"
            "政府性基金预算财政拨款收入、国有资本经营预算财政拨款收入、事业收入、事业单位经营收入、其他收入；"
            f"支出包括：{class_names}。"
        ),
        P(
            f"{u}{y}年财务收支预算总额{total:.2f}万元。与上年相比，收、支预算总额各{word}{abs(diff):.2f}万元，"
            f"{f.change_reason}"
        ),
        Chap("二、部门收入预算情况", toc=True),
    ]
    if fund:
        out.append(
            P(
                f"{y}年，{s}收入预算总额{total:.2f}万元，其中：一般公共预算财政拨款收入{gpb:.2f}万元，"
                f"占{pct(gpb, total)}%；政府性基金预算财政拨款收入{fund:.2f}万元，"
                f"占{pct(fund, total)}%；"
                "国有资本经营预算财政拨款收入、事业收入、事业单位经营收入、其他收入均为零。"
            )
        )
    else:
        out.append(
            P(
                f"{y}年，{s}收入预算总额{total:.2f}万元，全部为一般公共预算财政拨款收入，占100.00%；政府性基金"
                "预算财政拨款收入、国有资本经营预算财政拨款收入、事业收入、事业单位经营收入、其他收入均为零。"
            )
        )
    out += [
        Chap("三、部门支出预算情况", toc=True),
        P(
            f"{y}年，{s}支出预算总额{total:.2f}万元，其中：基本支出{basic:.2f}万元，"
            f"占{pct(basic, total)}%；"
            f"项目支出{project:.2f}万元，占{pct(project, total)}%。"
            "基本支出主要用于保障机构正常运转和完成"
            "日常工作任务所发生的人员经费和公用经费；项目支出主要用于完成特定行政工作任务和事业发展目标。"
        ),
        Chap("四、财政拨款收支预算总体情况", toc=True),
    ]
    spend = "；".join(f"{CLASS_NAMES[c]}{f._sum(c)[0]:.2f}万元" for c in f.classes())
    out.append(
        P(
            f"{y}年，{s}财政拨款收支预算总额{total:.2f}万元。财政拨款收入包括：一般公共预算财政拨款"
            f"{gpb:.2f}万元"
            + (f"，政府性基金预算财政拨款{fund:.2f}万元" if fund else "")
            + f"。财政拨款支出主要用于：{spend}。"
        )
    )
    gdiff = gpb - D(f.prior_gpb)
    gword = "增加" if gdiff >= 0 else "减少"
    structure = "；".join(
        f"{CLASS_NAMES[c]}{f._sum(c, False)[0]:.2f}万元，占{pct(f._sum(c, False)[0], gpb)}%"
        for c in f.classes(False)
    )
    out += [
        Chap("五、一般公共预算支出预算情况", toc=True),
        Chap("（一）一般公共预算当年拨款规模变化情况", 2),
        P(
            f"{y}年，{s}一般公共预算当年拨款{gpb:.2f}万元，"
            f"比{y - 1}年预算{gword}{abs(gdiff):.2f}万元，"
            f"{f.change_reason}"
        ),
        Chap("（二）一般公共预算当年拨款结构情况", 2),
        P(f"{structure}。"),
        Chap("（三）一般公共预算当年拨款具体使用情况", 2),
    ]
    k = 0
    for leaf in f.leaves:
        if leaf.fund:
            continue
        k += 1
        lead = f.item_numbering.format(k) if f.item_numbering else ""
        cls, sub, item = CLASS_NAMES[leaf.code[:3]], f.name_of(leaf.code[:5]), f.name_of(leaf.code)
        out.append(
            P(
                f"{lead}“{cls}（类）{sub}（款）{item}（项）”科目，{f'{y}年' if f.item_year else ''}"
                f"预算为{leaf.total:.2f}万元，"
                f"主要用于{leaf.use}。{leaf.note}"
            )
        )
    econ = f.econ()
    public = D(f.public)
    out += [
        Chap("六、一般公共预算基本支出预算情况", toc=True),
        P(
            f"{y}年，{s}一般公共预算基本支出{f._sum(fund=False)[1]:.2f}万元，其中：人员经费"
            f"{f._sum(fund=False)[1] - public:.2f}万元，"
            "主要包括：基本工资、津贴补贴、奖金、绩效工资、机关事业"
            "单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、其他社会保障缴费、住房公积金、其他"
            f"工资福利支出、退休费、生活补助等；公用经费{public:.2f}万元，主要包括：办公费、印刷费、水费、电费、"
            "邮电费、物业管理费、差旅费、维修（护）费、会议费、培训费、公务接待费、劳务费、工会经费、福利费、"
            f"公务用车运行维护费、其他交通费用、其他商品和服务支出等。其中，办公费{econ['30201']:.2f}万元，"
            f"物业管理费{econ['30209']:.2f}万元。"
        ),
        Chap("七、政府性基金预算支出预算情况", toc=True),
    ]
    if fund:
        out.append(P(f"{y}年，{s}政府性基金预算拨款支出{fund:.2f}万元，主要用于{f.fund_use}。"))
    else:
        out.append(P(f"{u}{y}年无政府性基金预算拨款安排的支出。"))
    out += [
        Chap("八、国有资本经营预算支出预算情况", toc=True),
        P(f"{u}{y}年无国有资本经营预算拨款安排的支出。"),
    ]
    a, b, c, d = (D(v) for v in f.three_public)
    pa, pb, pc, pd = (D(v) for v in f.prior_three_public)
    t3, p3 = a + b + c + d, pa + pb + pc + pd
    d3 = t3 - p3
    change = (
        f"比{y - 1}年预算{'增加' if d3 > 0 else '减少'}{abs(d3):.2f}万元"
        if d3
        else f"与{y - 1}年预算持平"
    )
    na, nb, nd = f.three_public_notes
    out += [
        Chap(f"九、{f.three_public_title}", toc=True),
        P(f"{y}年{s}“三公”经费财政拨款预算为{t3:.2f}万元，{change}。其中："),
        P(f"1.因公出国（境）费{a:.2f}万元，{na}"),
        P(
            f"2.公务用车购置及运行费{b + c:.2f}万元，其中：公务用车购置费{b:.2f}万元，"
            f"公务用车运行费{c:.2f}万元，"
            f"{nb}"
        ),
        P(f"3.公务接待费{d:.2f}万元，{nd}"),
        Chap("十、其他重要事项的情况说明", toc=True),
    ]
    od = D(f.operating) - D(f.prior_operating)
    goods, works, services = (D(v) for v in f.procurement)
    gov = sum((D(lf.project) for lf in f.leaves if not lf.fund), ZERO)
    out += [
        Chap(f"（一）{f.operating_title}", 2),
        P(
            f"{y}年{s}机关运行经费预算为{D(f.operating):.2f}万元，比{y - 1}年预算"
            f"{'增加' if od >= 0 else '减少'}{abs(od):.2f}万元。"
            "机关运行经费主要用于办公费、印刷费、水电费、"
            "邮电费、物业管理费、差旅费、维修（护）费、会议费、培训费、公务接待费、公务用车运行维护费等日常"
            "公用经费支出。"
        ),
        Chap("（二）政府采购预算情况", 2),
        P(
            f"{y}年{s}政府采购预算总额{goods + works + services:.2f}万元，"
            f"其中：政府采购货物预算{goods:.2f}万元，"
            f"政府采购工程预算{works:.2f}万元，政府采购服务预算{services:.2f}万元。{y}年{s}面向中小企业预留"
            f"政府采购项目预算金额{D(f.sme):.2f}万元。"
        ),
        Chap("（三）国有资产占有使用情况", 2),
        *(P(t) for t in f.assets),
        Chap("（四）绩效目标设置情况", 2),
        P(
            f"按照本区预算绩效管理工作的总体要求，{s}{f.perf_projects}个项目纳入绩效目标管理，涉及一般公共预算"
            f"当年财政拨款{gov:.2f}万元，占一般公共预算当年项目支出财政拨款的100.00%。"
        ),
    ]
    return out


def glossary(f: Finance) -> list[Block]:
    terms = (
        "财政拨款收入：指本级财政当年拨付的资金，包括一般公共预算资金、政府性基金和国有资本经营预算资金。",
        "事业收入：指事业单位开展专业业务活动及其辅助活动所取得的收入。",
        "其他收入：指除上述“财政拨款收入”“事业收入”“事业单位经营收入”等以外的收入。",
        "上年结转结余：指以前年度支出预算因客观条件变化未执行完毕、结转到本年度按有关规定继续使用的资金。",
        "基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。",
        "项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
        "“三公”经费：指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。"
        "其中，因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、"
        "公杂费等支出；公务用车购置及运行费反映单位公务用车车辆购置支出（含车辆购置税）及燃料费、维修费、"
        "过路过桥费、保险费、安全奖励费用等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。",
        "机关运行经费：指为保障行政单位（包括参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，"
        "包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房"
        "水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。",
    )
    return [P(t) for t in terms]


# =============================================================================================
# The four documents
# =============================================================================================


def _leaf(code: str, basic: str, project: str, use: str, econ: str = "", **kw: object) -> Leaf:
    return Leaf(code, basic, project, use, econ, **kw)  # type: ignore[arg-type]


def _staff(
    pension: str, annuity: str, medical: tuple[str, ...], housing: str, retire: str
) -> list[Leaf]:
    out = [
        _leaf("2080501", retire, "0.00", "行政单位离退休人员的退休费、生活补助等支出", "retire"),
        _leaf(
            "2080505", pension, "0.00", "按规定为在职人员缴纳机关事业单位基本养老保险", "pension"
        ),
        _leaf("2080506", annuity, "0.00", "按规定为在职人员缴纳职业年金", "annuity"),
        _leaf(
            "2101101", medical[0], "0.00", "按规定为行政单位在职人员缴纳职工基本医疗保险", "medical"
        ),
    ]
    if len(medical) > 1:
        out.append(
            _leaf(
                "2101102",
                medical[1],
                "0.00",
                "按规定为事业单位在职人员缴纳职工基本医疗保险",
                "medical",
            )
        )
    out.append(_leaf("2210201", housing, "0.00", "按规定为在职人员缴纳住房公积金", "housing"))
    return out


def _by_code(leaves: list[Leaf]) -> tuple[Leaf, ...]:
    return tuple(sorted(leaves, key=lambda lf: lf.code))


NOTE_ABROAD = "未安排因公出国（境）团组。"
NOTE_RECEPTION = "主要用于按规定开支的各类公务接待支出，严格执行公务接待标准。"


def _document(
    name: str,
    cover: tuple[tuple[str, float], ...],
    unit: str,
    fin: Finance,
    look: Look,
    blocks: list[Block],
) -> Doc:
    return Doc(name, cover, fin.year, unit, look, tuple(blocks), title=look.header)


# --- 1. 金山区人大常委会办公室 2025: sheets under 第四部分 其他相关情况说明 ----------------------

JINSHAN_UNIT = "上海市金山区人民代表大会常务委员会办公室"
JINSHAN_FIN = Finance(
    unit=JINSHAN_UNIT,
    short="本部门",
    year=2025,
    names={
        "20101": "人大事务",
        "2010101": "行政运行",
        "2010102": "一般行政管理事务",
        "2010104": "人大会议",
        "2010106": "人大监督",
        "2010107": "人大代表履职能力提升",
        "2010108": "代表工作",
        "2010199": "其他人大事务支出",
    },
    leaves=_by_code(
        [
            _leaf(
                "2010101",
                "1184.59",
                "0.00",
                "保障区人大常委会机关正常运转的人员经费和日常公用经费",
                "run",
            ),
            _leaf(
                "2010102",
                "0.00",
                "96.20",
                "机关公文印制、档案管理、办公设备购置及机关日常事务性工作",
            ),
            _leaf("2010104", "0.00", "186.50", "保障区人民代表大会会议和区人大常委会会议的召开"),
            _leaf(
                "2010106", "0.00", "78.30", "区人大常委会开展执法检查、专题询问、预算审查监督等工作"
            ),
            _leaf("2010107", "0.00", "152.00", "区人大代表学习培训、视察调研和履职服务平台运维"),
            _leaf(
                "2010108",
                "0.00",
                "60.00",
                "各镇（街道、工业区）人大代表之家和代表联络站建设及运行维护",
            ),
            _leaf(
                "2010199",
                "0.00",
                "320.00",
                "数字人大综合应用平台建设",
                note="比2024年预算增加140.00万元，主要是数字人大综合应用平台进入系统开发建设阶段。",
            ),
            *_staff("128.46", "64.23", ("72.18",), "95.37", "38.60"),
        ]
    ),
    public="168.42",
    prior_total="2318.76",
    prior_gpb="2318.76",
    change_reason="主要原因是数字人大综合应用平台建设资金增加，以及按规定调整人员经费。",
    three_public=("0.00", "0.00", "5.60", "1.80"),
    prior_three_public=("0.00", "0.00", "6.40", "1.80"),
    three_public_notes=(
        NOTE_ABROAD,
        "本年未安排公务用车购置；公务用车运行费主要用于机要通信和应急保障用车的燃料费、维修费、保险费等支出。",
        NOTE_RECEPTION,
    ),
    operating="168.42",
    prior_operating="172.10",
    procurement=("36.80", "0.00", "412.60"),
    sme="298.40",
    assets=(
        "截至2024年12月31日，本部门共有车辆2辆，其中：机要通信用车1辆、应急保障用车1辆；单位价值100万元以上"
        "设备0台（套）。",
        "2025年部门预算未安排购置车辆及单位价值100万元以上设备。",
    ),
    perf_projects=6,
    item_numbering="",
    item_year=False,
    three_public_title="“三公”经费预算情况说明",
    operating_title="机关运行经费情况说明",
    table_prefix="2025年",
)

JINSHAN_SHEETS = [
    Sheet(
        number="1.",
        heading="人大会议项目经费情况说明",
        overview=(
            "区人民代表大会是区级国家权力机关。根据《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》"
            "的规定，区人民代表大会每年至少举行一次会议。本项目主要用于保障区第八届人民代表大会第五次会议及区人大"
            "常委会会议的顺利召开，包括会议材料印制、会场布置、会务保障、代表住宿及餐饮、安全保卫、医疗保障和新闻"
            "宣传等支出。",
            "2025年预计召开区人民代表大会会议1次、区人大常委会会议8次、主任会议24次，参加会议的区人大代表约300"
            "人次。",
        ),
        basis=(
            "《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》《中华人民共和国全国人民代表大会和地方"
            "各级人民代表大会代表法》以及区人大常委会2025年工作要点。",
        ),
        subject=("上海市金山区人民代表大会常务委员会办公室。",),
        plan=(
            "（1）会前准备阶段。制定大会会务工作方案，明确秘书、会务、宣传、保卫等各工作组职责分工；按照政府采购"
            "有关规定确定会议服务、材料印制等供应商；做好会议文件的起草、审核、校对和印制工作。",
            "（2）会议召开阶段。严格执行中央八项规定及其实施细则精神，坚持勤俭节约办会，合理控制会议规模和会期，"
            "统一安排代表食宿，不安排宴请，不发放纪念品；做好会场服务、安全保卫、医疗保障和新闻宣传工作。",
            "（3）会后总结阶段。及时做好会议文件资料的清退、归档工作，梳理汇总代表建议、批评和意见并交有关部门"
            "办理，按照合同约定和实际发生数与供应商进行结算。",
        ),
        period=p_days(date(2025, 1, 1), date(2025, 12, 31)),
        budget=b_plain(
            "本项目2025年预算安排资金{a}万元，主要用于会议材料印制、会场租赁及布置、会务服务、代表食宿等支出。",
            "186.50",
        ),
        goal=(
            "保障区人民代表大会会议和区人大常委会会议按计划顺利召开，会议组织规范有序，会议文件材料印制准确及时，"
            "会议经费严格控制在预算额度以内，参会代表对会务服务的满意度达到95%以上。",
        ),
    ),
    Sheet(
        number="2.",
        heading="人大代表履职能力提升项目经费情况说明",
        overview=(
            "为进一步加强代表工作能力建设，支持和保障代表依法履职，本项目围绕提升区人大代表政治素质和履职能力，"
            "组织开展代表初任培训、专题培训和履职学习，组织代表开展集中视察、专题调研和执法检查，并为代表履职"
            "提供信息化服务和必要的履职保障。",
        ),
        basis=(
            "《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》；",
            "《上海市人民代表大会常务委员会关于加强和改进代表工作的若干意见》；",
            "中共上海市金山区委《关于加强新时代区人大工作的实施意见》。",
        ),
        subject=("上海市金山区人民代表大会常务委员会办公室代表工作室。",),
        plan=(
            "1.代表学习培训。全年举办区人大代表专题培训班2期，组织新任代表参加初任培训，邀请专家学者围绕宪法法律、"
            "预算审查监督、基层治理等内容开展专题辅导，培训覆盖率达到100%。",
            "2.代表视察调研。围绕区委中心工作和人民群众关心的热点难点问题，组织代表开展集中视察、专题调研和执法"
            "检查活动，每季度至少组织1次，形成视察调研报告并送区政府及有关部门研究处理。",
            "3.代表履职服务。运维区人大代表履职服务平台，及时向代表推送会议文件、工作动态和学习资料，做好代表建议"
            "的网上提交、交办、督办和反馈工作，提升代表建议办理质量。",
        ),
        period=p_month_dots(2025, 1, 2025, 12),
        budget=b_breakdown(
            "项目总预算",
            "152.00",
            (
                ("代表培训经费", "68.00"),
                ("代表视察调研经费", "46.00"),
                ("代表履职服务平台运维经费", "38.00"),
            ),
        ),
        goal=(
            "组织代表专题培训2期以上，代表年度参加培训率达到100%，代表视察调研活动全年不少于4次，代表建议按期办结"
            "率达到100%。",
            "通过项目实施，进一步提升区人大代表依法履职的能力和水平，密切代表同人民群众的联系，充分发挥代表在推进"
            "全过程人民民主中的作用。",
        ),
    ),
    Sheet(
        number="3.",
        heading="金山区各镇（街道、工业区）人大代表之家及代表联络站阵地建设和日常运行维护项目经费情况说明",
        wraps=True,
        overview=(
            "人大代表之家和代表联络站是人大代表联系人民群众的重要平台。截至2024年底，全区共建成人大代表之家11个、"
            "代表联络站124个，实现了镇（街道、工业区）和村居全覆盖。本项目主要用于代表之家和代表联络站的标准化"
            "建设提升、日常运行维护，以及代表进站接待选民、收集社情民意等活动的组织保障。",
        ),
        basis=(
            "《上海市人民代表大会常务委员会关于加强人大代表之家和代表联络站建设的指导意见》《金山区人大代表之家"
            "和代表联络站建设管理办法》。",
        ),
        subject=(
            "上海市金山区人民代表大会常务委员会办公室，各镇人大、街道（工业区）人大工委具体组织实施。",
        ),
        plan=(
            "按照“有场所、有制度、有活动、有台账、有成效”的标准，对全区代表之家和代表联络站开展分类建设和提升："
            "对场地面积不足、设施陈旧的站点实施改造，统一标识标牌和制度上墙内容；落实站点日常管理人员，确保站点"
            "在规定接待日正常开放；每季度组织代表集中进站接待选民，对收集到的意见建议分类登记、及时转办并跟踪"
            "办理结果；年底组织开展站点运行情况考核评估，评估结果作为下一年度经费安排的重要依据。",
        ),
        period=p_year(2025),
        budget=b_quarters(
            "",
            ("一季度", "二季度", "三季度", "四季度"),
            ("12.00", "18.00", "16.00", "14.00"),
            "；",
        ),
        goal=None,
        inline=frozenset({"实施周期", "年度预算安排"}),
    ),
    Sheet(
        number="4.",
        heading="人大监督工作经费情况说明",
        overview=(
            "本项目用于保障区人大常委会依法开展监督工作，包括听取和审议区政府及区监察委员会、区人民法院、区人民"
            "检察院专项工作报告，开展执法检查、专题询问和满意度测评，审查批准区级预算和决算，听取审议国有资产管理"
            "情况报告，以及对规范性文件进行备案审查等工作所需的调研、评估、专家咨询和第三方服务支出。",
            "2025年，区人大常委会计划听取审议专项工作报告12项，开展执法检查3次、专题询问1次。",
        ),
        basis=(
            "《中华人民共和国各级人民代表大会常务委员会监督法》《上海市各级人民代表大会常务委员会监督条例》《上海市"
            "人民代表大会常务委员会关于加强区人大常委会预算审查监督的若干意见》。",
        ),
        subject=(
            "上海市金山区人民代表大会常务委员会办公室，区人大各专门委员会和常委会各工作委员会。",
        ),
        plan=(
            "根据区人大常委会年度监督工作计划，由各专门委员会和工作委员会牵头组织实施。对专业性较强的监督事项，通过"
            "政府购买服务方式委托第三方专业机构开展评估，邀请人大代表和相关领域专家参与调研论证。",
            "预算审查监督方面，依托预算联网监督系统，对区级预算执行情况实行实时在线监督，组织人大代表和专家开展部门"
            "预算初步审查和重点项目绩效评价，审查意见及时反馈区政府及有关部门研究处理。",
        ),
        period=p_prose("长期"),
        budget=b_plain("本项目2025年预算安排资金{a}万元。", "78.30"),
        goal=(
            "全年完成区人大常委会监督工作计划确定的各项监督任务，监督工作计划完成率达到100%，审议意见交办率达到"
            "100%，区政府及有关部门对审议意见研究处理情况的反馈率达到100%，推动一批人民群众关心的热点难点问题得到"
            "有效解决。",
        ),
        inline=frozenset({"实施主体", "实施周期"}),
    ),
    Sheet(
        number="5.",
        heading="人大信息化建设项目经费情况说明",
        overview=(
            "为适应新时代人大工作数字化转型的需要，本项目建设金山区“数字人大”综合应用平台，整合代表履职、预算联网"
            "监督、备案审查、信访接待等业务系统，实现人大各项工作的网上办理和数据共享，并同步对机关会议室音视频"
            "系统、网络安全设备进行更新改造。",
        ),
        basis=(
            "区发展改革委《关于金山区人大数字人大综合应用平台建设项目可行性研究报告的批复》以及区大数据中心关于"
            "项目信息化建设的技术审核意见。",
        ),
        subject=("上海市金山区人民代表大会常务委员会办公室，委托专业信息化建设单位承建。",),
        plan=(
            "项目分两个阶段实施。第一阶段（2024年7月至2024年12月）完成需求调研、系统总体设计和基础平台搭建；第二阶段"
            "（2025年1月至2025年12月）完成各业务模块开发、数据迁移、系统联调测试、等级保护测评及上线试运行。",
            "项目建设严格执行政府采购和信息化项目管理的有关规定，实行项目监理制度，建设过程中同步开展网络安全等级"
            "保护测评和密码应用安全性评估，确保系统安全可靠运行。",
        ),
        period=p_months(2024, 7, 2025, 12),
        budget=b_invest(
            "本项目总投资{t}万元，分两年安排，本年度安排资金{y}万元，主要用于应用系统开发、数据资源整合和音视频"
            "设备更新改造。",
            "560.00",
            "320.00",
        ),
        goal=(
            "完成数字人大综合应用平台各业务模块开发并上线运行，系统通过网络安全等级保护三级测评，平台年度可用率不低于"
            "99%，人大代表和机关干部对系统使用的满意度达到90%以上。",
        ),
    ),
]

JINSHAN = _document(
    "jinshan_renda_2025",
    ((JINSHAN_UNIT, 22.0), ("2025年部门预算", 26.0), ("二〇二五年一月", 16.0)),
    JINSHAN_UNIT,
    JINSHAN_FIN,
    Look(
        header=f"{JINSHAN_UNIT}2025年部门预算",
        footer="— {} —",
        chapter_style="heading",
    ),
    [
        Toc(),
        Part("第一部分 部门概况"),
        Chap("一、主要职能", toc=True),
        P(
            "上海市金山区人民代表大会常务委员会办公室是区人大常委会的办事机构，在区人大常委会秘书长领导下开展工作。"
            "主要职能是："
        ),
        P(
            "（一）负责区人民代表大会会议和区人大常委会会议、主任会议的会务组织工作，承担会议文件的起草、审核和印发工作；"
        ),
        P("（二）负责区人大常委会的综合协调、调查研究、督查督办和信息报送工作；"),
        P(
            "（三）承担区人大代表的联络服务工作，组织代表学习培训、视察调研和执法检查，负责代表建议、批评和意见的"
            "交办、督办和答复工作；"
        ),
        P("（四）负责区人大常委会人事任免的具体事务工作；"),
        P("（五）承担区人大常委会信访接待工作，受理人民群众来信来访；"),
        P("（六）负责区人大常委会的新闻宣传、理论研究和对外联络工作；"),
        P("（七）负责区人大常委会机关的财务、资产、后勤保障和信息化建设工作；"),
        P("（八）承办区人大常委会及其领导交办的其他事项。"),
        Chap("二、机构设置", toc=True),
        P(
            "本部门内设办公室（研究室）、代表工作室（人事任免工作室）、法制工作室、监察和司法工作室、财政经济工作室、"
            "城建环保工作室、教科文卫工作室、社会建设工作室、信访办公室等9个工作机构。"
        ),
        P(
            "纳入2025年部门预算编制范围的单位共1家，为上海市金山区人民代表大会常务委员会办公室本级。"
        ),
        P("截至2024年12月底，本部门行政编制52名，实有在职人员49名；离退休人员36名。"),
        Part("第二部分 2025年部门预算情况说明"),
        *budget_chapters(JINSHAN_FIN),
        Chap("十一、名词解释", toc=True),
        *glossary(JINSHAN_FIN),
        Part("第三部分 2025年部门预算表"),
        *tables(JINSHAN_FIN),
        Part("第四部分 其他相关情况说明"),
        Chap("一、项目经费情况说明", toc=True),
        P(
            "根据区财政局关于部门预算公开工作的要求，现将本部门2025年部分重点项目的经费情况说明如下。"
        ),
        *JINSHAN_SHEETS,
        Chap("二、其他需要说明的事项", toc=True),
        P("本部门2025年无其他需要说明的事项。"),
    ],
)


# --- 2. 长宁区民政局 2025: one-line cover, 第五部分 项目经费情况说明, sheets `（一）…` ---

CHANGNING_UNIT = "上海市长宁区民政局"
CHANGNING_FIN = Finance(
    unit=CHANGNING_UNIT,
    short="区民政局",
    year=2025,
    names={
        "20802": "民政管理事务",
        "2080201": "行政运行",
        "2080202": "一般行政管理事务",
        "2080206": "社会组织管理",
        "2080208": "基层政权建设",
        "2080250": "事业运行",
        "2080299": "其他民政管理事务支出",
        "20810": "社会福利",
        "2081002": "老年福利",
        "2081004": "殡葬",
        "2081006": "养老服务",
        "20819": "最低生活保障",
        "2081901": "城市最低生活保障金支出",
        "20820": "临时救助",
        "2082001": "临时救助支出",
        "22960": "彩票公益金安排的支出",
        "2296002": "用于社会福利的彩票公益金支出",
    },
    leaves=_by_code(
        [
            _leaf(
                "2080201", "1563.28", "0.00", "保障局机关正常运转的人员经费和日常公用经费", "run"
            ),
            _leaf("2080202", "0.00", "85.60", "机关综合事务管理、信息系统运维和档案管理"),
            _leaf("2080206", "0.00", "120.00", "社会组织培育孵化、等级评估和年检抽查"),
            _leaf("2080208", "0.00", "368.40", "居民区自治共治项目扶持和社区工作者培训"),
            _leaf(
                "2080250",
                "645.30",
                "0.00",
                "保障局属事业单位正常运转的人员经费和日常公用经费",
                "run",
            ),
            _leaf("2080299", "0.00", "95.00", "婚姻登记、行政区划和地名管理等民政事务"),
            _leaf(
                "2081002",
                "0.00",
                "2360.00",
                "发放养老服务补贴、社区助餐服务补贴和社区养老服务机构运营补贴",
                note="比2024年预算增加215.00万元，主要是社区助餐服务补贴范围扩大。",
            ),
            _leaf("2081004", "0.00", "146.80", "节地生态安葬奖补和殡葬服务管理"),
            _leaf(
                "2081006", "0.00", "1200.00", "江苏路街道综合养老服务中心新建及社区长者照护之家改建"
            ),
            _leaf("2081901", "0.00", "980.00", "按月发放城市居民最低生活保障金"),
            _leaf("2082001", "0.00", "740.00", "发放临时救助金和支出型贫困家庭生活救助金"),
            _leaf("2296002", "0.00", "450.00", "福利彩票公益金资助的养老服务项目", fund=True),
            *_staff("176.52", "88.26", ("98.74", "36.20"), "131.05", "86.40"),
        ]
    ),
    public="386.50",
    prior_total="8925.30",
    prior_gpb="8495.30",
    change_reason="主要原因是社区助餐服务补贴范围扩大和养老服务设施建设项目进入主体施工阶段。",
    three_public=("0.00", "0.00", "8.40", "2.10"),
    prior_three_public=("0.00", "0.00", "8.90", "2.10"),
    three_public_notes=(
        NOTE_ABROAD,
        "本年未安排公务用车购置；公务用车运行费主要用于社会救助入户核查和殡葬执法检查用车的燃料费、维修费、保险费"
        "等支出。",
        NOTE_RECEPTION,
    ),
    operating="212.35",
    prior_operating="220.80",
    procurement=("128.60", "1200.00", "2864.30"),
    sme="1520.00",
    assets=(
        "截至2024年12月31日，区民政局共有车辆4辆，其中：执法执勤用车2辆、特种专业技术用车2辆；单位价值100万元"
        "以上设备0台（套）。2025年部门预算未安排购置车辆及单位价值100万元以上设备。",
    ),
    perf_projects=10,
    fund_use="资助社区养老服务机构开展助老服务项目、为困难老年人提供居家养老服务和实施老年人福利项目",
    thousands=True,
    blank_zero=False,
    item_numbering="{}.",
    three_public_title="“三公”经费情况说明",
    operating_title="机关运行经费",
    projects_table=(
        ("机关综合事务管理", "2080202", "85.60"),
        ("社会组织培育发展", "2080206", "120.00"),
        ("基层政权和社区治理", "2080208", "368.40"),
        ("婚姻登记及区划地名管理", "2080299", "95.00"),
        ("社区养老服务补贴", "2081002", "2360.00"),
        ("殡葬管理服务", "2081004", "146.80"),
        ("养老服务设施建设", "2081006", "1200.00"),
        ("社会救助（最低生活保障）", "2081901", "980.00"),
        ("社会救助（临时救助）", "2082001", "740.00"),
        ("福利彩票公益金资助项目", "2296002", "450.00"),
    ),
)

CHANGNING_SHEETS = [
    Sheet(
        number="（一）",
        heading="社区养老服务补贴项目经费情况说明",
        overview=(
            "为贯彻落实本市关于深化养老服务体系建设的部署要求，进一步减轻老年人养老负担，本项目对符合条件的老年人"
            "和社区养老服务机构给予补贴，主要包括：",
            "（1）养老服务补贴。对经老年照护统一需求评估达到照护等级、且家庭经济困难的老年人，按照评估等级给予居家"
            "养老服务补贴或机构养老服务补贴；",
            "（2）社区助餐服务补贴。对在社区长者食堂、老年助餐点就餐的本区户籍70周岁以上老年人给予助餐补贴，对助餐"
            "服务机构给予运营补贴；",
            "（3）社区嵌入式养老服务机构运营补贴。按照服务对象人数和服务质量评估结果，对长者照护之家、日间照护机构"
            "给予运营补贴。",
        ),
        basis=(
            "《上海市养老服务条例》《上海市老年照护统一需求评估及服务管理办法》《长宁区养老服务补贴实施办法》《长宁区"
            "社区老年助餐服务管理办法》。",
        ),
        subject=("上海市长宁区民政局，各街道（镇）社区事务受理服务中心、社区综合为老服务中心。",),
        plan=(
            "本项目采取“个人申请、街道（镇）受理审核、区民政局审批、按月发放”的方式实施。老年人或其家属向户籍所在地"
            "或居住地街道（镇）社区事务受理服务中心提出申请，经老年照护统一需求评估确定照护等级后，由街道（镇）对申请人"
            "的家庭经济状况进行核对，符合条件的报区民政局审批。居家养老服务补贴以服务券形式按月发放至服务对象，由服务"
            "对象向签约的居家养老服务机构购买服务，服务机构凭服务记录按月申请结算；机构养老服务补贴直接拨付至入住的"
            "养老机构，用于抵扣服务对象的照护费用；社区助餐补贴通过为老服务信息平台实名记录就餐信息，由区民政局按季度"
            "与助餐服务机构进行结算。区民政局会同区财政局每年对补贴政策执行情况开展专项检查，委托第三方机构开展服务"
            "质量评估，对虚报冒领、服务质量不达标的机构追回补贴资金并依规处理，确保补贴资金安全、规范、有效使用。",
        ),
        period=p_days(date(2025, 1, 1), date(2025, 12, 31)),
        budget=b_quarters(
            "本项目2025年预算安排资金{a}万元，按季度分解用款计划：",
            ("第一季度", "第二季度", "第三季度", "第四季度"),
            ("560.00", "600.00", "600.00", "600.00"),
            "，",
            True,
        ),
        goal=(
            "全年为符合条件的老年人发放养老服务补贴不少于1.2万人次，社区助餐服务日均供餐能力达到6000客以上，补贴资金"
            "按时足额发放率达到100%，服务对象对养老服务的满意度不低于90%，推动形成“15分钟养老服务圈”，提升老年人的"
            "获得感、幸福感和安全感。",
        ),
        inline=frozenset(LABELS),
    ),
    Sheet(
        number="（二）",
        heading="社会救助项目经费情况说明",
        overview=(
            "社会救助是保障困难群众基本生活的托底性制度安排。本项目主要用于发放城市居民最低生活保障金、临时救助金和"
            "支出型贫困家庭生活救助金，保障全区低保对象、低收入困难家庭和因病、因学等刚性支出较大导致生活困难家庭的"
            "基本生活。",
            "截至2024年12月底，全区在册低保对象3862户、5214人，低收入困难家庭1126户。",
        ),
        basis=(
            "《社会救助暂行办法》；",
            "《上海市社会救助条例》；",
            "《上海市城乡居民最低生活保障标准调整方案》；",
            "《长宁区临时救助实施办法》。",
        ),
        subject=(
            "上海市长宁区民政局（区社会救助事务管理中心），各街道（镇）社区事务受理服务中心。",
        ),
        plan=(
            "严格执行社会救助申请、审核、审批程序，依托本市居民经济状况核对系统开展家庭经济状况核对，实行“一门受理、"
            "协同办理”。低保金按月通过社会化发放渠道足额发放到户；临时救助实行“小金额先行救助”和“急难型救助”，对"
            "情况紧急的困难群众先行救助、后补手续。",
            "定期开展低保对象动态管理，对在册对象每年至少复核一次；每季度通过政府网站和街道（镇）公示栏公示救助对象"
            "相关信息，接受社会监督；委托第三方机构开展社会救助政策落实情况评估。",
        ),
        period=p_month_dots(2025, 1, 2025, 12),
        budget=b_breakdown(
            "项目总预算",
            "1720.00",
            (
                ("最低生活保障金", "980.00"),
                ("临时救助金", "420.00"),
                ("支出型贫困家庭生活救助金", "320.00"),
            ),
        ),
        goal=(
            "全年保障城市低保对象基本生活，低保金按时足额发放率达到100%，临时救助平均办理时限不超过10个工作日，救助"
            "对象认定准确率达到98%以上。",
            "通过项目实施，织密织牢社会救助兜底保障安全网，确保全区困难群众基本生活得到有效保障。",
        ),
    ),
    Sheet(
        number="（三）",
        heading="婚姻登记服务经费情况说明",
        overview=(
            "本项目用于保障区婚姻登记管理中心开展结婚登记、离婚登记、补领婚姻登记证等婚姻登记业务，以及婚姻家庭辅导、"
            "颁证仪式和婚俗文化宣传等服务工作。区婚姻登记管理中心年均办理各类婚姻登记业务约9000对。",
        ),
        basis=("《婚姻登记条例》《婚姻登记工作规范》。",),
        subject=("上海市长宁区婚姻登记管理中心。",),
        plan=(
            "推行婚姻登记“网上预约、现场办理”服务模式，开设婚姻家庭辅导室，通过政府购买服务方式引入专业社会组织开展"
            "婚前辅导和婚姻家庭关系调适服务；定期开展颁证仪式和婚俗改革宣传活动，倡导简约适度的婚俗新风。",
        ),
        period=p_prose("长期"),
        budget=b_none(
            "本项目经费纳入区婚姻登记管理中心日常运行经费统筹安排，不单独列示预算金额，按照实际发生数据实结算。"
        ),
        goal=(
            "婚姻登记合格率达到100%，婚姻登记档案规范管理率达到100%，当事人对婚姻登记服务的满意度达到95%以上。",
        ),
        inline=frozenset(LABELS),
    ),
    Sheet(
        number="（四）",
        heading="养老服务设施建设项目经费情况说明",
        overview=(
            "为应对人口深度老龄化，补齐养老服务设施短板，本项目新建江苏路街道综合养老服务中心1处，改建社区长者照护之家"
            "3处，新增养老床位约260张、日间照护服务能力约120人。",
            "项目建成后，将形成集机构养老、社区日间照护、居家上门服务、助餐服务于一体的综合养老服务体系。",
        ),
        basis=(
            "区发展改革委《关于长宁区养老服务设施建设项目可行性研究报告的批复》《长宁区养老服务设施布局专项规划"
            "（2021—2035年）》。",
        ),
        subject=("上海市长宁区民政局，委托区属国有企业实施代建。",),
        plan=(
            "项目严格执行基本建设程序，由代建单位负责项目的前期手续办理、招标采购和工程实施管理，通过公开招标确定设计、"
            "施工和监理单位。建设过程中实行工程质量终身责任制和安全生产责任制，区民政局会同区建设管理部门对工程进度、"
            "质量和资金使用情况实施全过程监管，工程款按照合同约定和工程进度分期支付。",
        ),
        period=p_months(2024, 1, 2026, 12, sep="-"),
        budget=b_invest(
            "该项目总投资{t}万元，分三年安排资金，本年度安排{y}万元，用于综合养老服务中心主体结构施工及长者照护之家"
            "改建工程。",
            "3600.00",
            "1200.00",
        ),
        goal=None,
        inline=frozenset({"实施周期"}),
    ),
]

CHANGNING = _document(
    "changning_civil_2025",
    ((f"{CHANGNING_UNIT}2025年部门预算", 22.0),),
    CHANGNING_UNIT,
    CHANGNING_FIN,
    Look(
        header=f"{CHANGNING_UNIT}2025年部门预算",
        footer="第 {} 页",
        body_pt=14.0,
        body_font="仿宋",
        line_spacing=1.2,
        toc_tables=True,
    ),
    [
        Toc("目录"),
        Part("第一部分 上海市长宁区民政局概况"),
        Chap("一、主要职能"),
        P("上海市长宁区民政局是区政府工作部门，主管本区民政工作。主要职能是："),
        P(
            "（一）贯彻执行国家和本市有关民政工作的法律、法规、规章和方针政策，研究起草本区民政事业发展规划和政策措施"
            "并组织实施；"
        ),
        P(
            "（二）拟订本区社会救助规划、政策和标准，统筹推进社会救助体系建设，负责城乡居民最低生活保障、特困人员救助"
            "供养、临时救助、支出型贫困家庭生活救助等工作；"
        ),
        P(
            "（三）统筹推进、督促指导、监督管理本区养老服务工作，拟订养老服务体系建设规划、政策和标准，承担老年人福利和"
            "特殊困难老年人救助工作；"
        ),
        P("（四）负责本区社会组织登记管理和监督检查工作，培育发展社区社会组织；"),
        P("（五）指导本区基层群众自治制度建设，会同有关部门推进社区治理和社区服务体系建设；"),
        P("（六）负责本区行政区划、地名管理工作，指导行政区域界线的勘定和管理；"),
        P("（七）负责本区婚姻登记管理、殡葬管理和儿童福利工作，推进婚俗和殡葬改革；"),
        P("（八）负责本区慈善事业促进和社会工作、志愿服务管理工作，按规定管理福利彩票公益金；"),
        P("（九）完成区委、区政府交办的其他任务。"),
        Chap("二、机构设置"),
        P(
            "区民政局内设办公室、政策法规科（审批科）、社会救助科、养老服务科、社会事务科、社会组织管理科、基层政权和"
            "社区建设科、财务审计科等8个科室。"
        ),
        P(
            "区民政局所属事业单位包括：区社会救助事务管理中心、区婚姻登记管理中心、区养老服务指导中心、区社会组织服务"
            "中心、区殡葬管理所。纳入2025年部门预算编制范围的单位包括局本级和上述5家事业单位。"
        ),
        Part("第二部分 2025年部门预算情况说明"),
        *budget_chapters(CHANGNING_FIN),
        Part("第三部分 2025年部门预算表"),
        *tables(CHANGNING_FIN),
        Part("第四部分 名词解释"),
        *glossary(CHANGNING_FIN),
        Part("第五部分 项目经费情况说明"),
        *CHANGNING_SHEETS,
    ],
)


# --- 3. 宝山区生态环境局 2024: sections `（一）项目概述`, each sheet on a new page ---------------

BAOSHAN_UNIT = "上海市宝山区生态环境局"
BAOSHAN_FIN = Finance(
    unit=BAOSHAN_UNIT,
    short="本部门",
    year=2024,
    names={
        "21101": "环境保护管理事务",
        "2110101": "行政运行",
        "2110102": "一般行政管理事务",
        "2110104": "生态环境保护宣传",
        "2110199": "其他环境保护管理事务支出",
        "21102": "环境监测与监察",
        "2110299": "其他环境监测与监察支出",
        "21103": "污染防治",
        "2110301": "大气",
        "2110307": "土壤",
        "2110399": "其他污染防治支出",
    },
    leaves=_by_code(
        [
            _leaf(
                "2110101", "1420.36", "0.00", "保障局机关正常运转的人员经费和日常公用经费", "run"
            ),
            _leaf("2110102", "0.00", "64.50", "机关日常事务性工作和信息系统运行维护"),
            _leaf("2110104", "0.00", "38.00", "“六五”环境日等生态环境宣传教育活动"),
            _leaf(
                "2110199",
                "0.00",
                "96.00",
                "生态环境执法检查和执法装备运行维护",
                note="比2023年预算减少4.00万元，主要是压减执法装备购置支出。",
            ),
            _leaf(
                "2110299",
                "512.40",
                "866.40",
                "区环境监测站正常运转、地表水环境质量监测和实验室能力提升改造",
                "run",
            ),
            _leaf(
                "2110301",
                "0.00",
                "425.60",
                "挥发性有机物重点企业治理评估、餐饮油烟在线监测和扬尘污染巡查",
            ),
            _leaf("2110307", "0.00", "268.00", "土壤污染状况调查和污染地块风险管控"),
            _leaf("2110399", "0.00", "142.30", "噪声污染防治和固体废物规范化管理"),
            *_staff("158.30", "79.15", ("85.42", "22.16"), "121.88", "52.10"),
        ]
    ),
    public="286.80",
    prior_total="4108.35",
    prior_gpb="4108.35",
    change_reason="主要原因是区环境监测站实验室能力提升改造项目本年度安排资金增加。",
    three_public=("0.00", "0.00", "12.60", "1.20"),
    prior_three_public=("0.00", "26.00", "12.60", "1.50"),
    three_public_notes=(
        NOTE_ABROAD,
        "本年未安排公务用车购置；公务用车运行费主要用于执法执勤用车和环境监测专用车辆的燃料费、维修费、保险费等"
        "支出。",
        NOTE_RECEPTION,
    ),
    operating="196.80",
    prior_operating="201.30",
    procurement=("468.20", "520.00", "1326.50"),
    sme="980.00",
    assets=(
        "截至2023年12月31日，本部门共有车辆7辆，其中：执法执勤用车4辆、特种专业技术用车3辆；单位价值100万元以上"
        "设备5台（套）。",
        "2024年部门预算安排购置单位价值100万元以上设备2台（套），为气相色谱—质谱联用仪和电感耦合等离子体质谱仪。",
    ),
    perf_projects=7,
    item_numbering="（{}）",
    three_public_title="“三公”经费预算情况说明",
    operating_title="机关运行经费预算",
    table_prefix="2024年",
)

BAOSHAN_SHEETS = [
    Sheet(
        heading="大气污染防治项目经费情况说明",
        numbering="paren",
        overview=(
            "本项目围绕打赢蓝天保卫战目标，开展挥发性有机物（VOCs）重点企业治理评估、餐饮油烟在线监测监管、建筑"
            "工地扬尘污染防控、非道路移动机械排放检测，以及重污染天气应急管控等工作，持续改善全区环境空气质量。",
        ),
        basis=(
            "《中华人民共和国大气污染防治法》《上海市大气污染防治条例》《上海市清洁空气行动计划（2023—2025年）》"
            "《宝山区深入打好蓝天保卫战实施方案》。",
        ),
        subject=("上海市宝山区生态环境局大气环境管理科。",),
        plan=(
            "一是开展VOCs重点企业“一厂一策”治理评估，对全区120家重点企业治理设施运行情况进行现场核查和效果评估；"
            "二是对全区重点区域餐饮服务单位安装的油烟在线监测设备进行运维管理，实现超标排放自动预警；三是委托第三方"
            "开展建筑工地、道路扬尘污染巡查，每月形成巡查报告并移交相关部门处理；四是开展非道路移动机械编码登记核查"
            "和排放抽检，全年抽检不少于300台；五是修订完善重污染天气应急预案和应急减排清单，组织开展应急演练。",
        ),
        period=p_year(2024),
        budget=b_plain(
            "本项目2024年预算安排资金{a}万元，主要用于第三方技术服务、在线监测设备运维和现场抽检检测等支出。",
            "425.60",
        ),
        goal=(
            "全区环境空气质量优良天数比例达到87%以上，细颗粒物（PM2.5）年均浓度稳定控制在30微克/立方米以下，VOCs"
            "重点企业治理评估完成率达到100%，餐饮油烟在线监测设备数据有效传输率不低于90%。",
        ),
    ),
    Sheet(
        heading="水环境监测经费情况说明",
        numbering="paren",
        overview=(
            "本项目用于开展全区地表水环境质量监测，包括国控、市控断面和区控断面的常规水质监测，河道水质自动监测站"
            "运行维护，以及饮用水水源地水质监测和入河排污口监督性监测等工作，为水环境管理和河长制考核提供数据支撑。",
            "全区共布设地表水监测断面86个，其中国考断面2个、市考断面14个，水质自动监测站9座。",
        ),
        basis=(
            "《中华人民共和国水污染防治法》《地表水环境质量标准》（GB3838—2002）《上海市水环境功能区划》《宝山区"
            "生态环境监测网络建设方案》。",
        ),
        subject=("上海市宝山区环境监测站。",),
        plan=(
            "1.常规监测。按照监测方案对区控断面开展每月一次的常规水质监测，监测项目包括水温、pH值、溶解氧、高锰酸盐"
            "指数、氨氮、总磷等。",
            "2.自动监测站运维。委托专业运维单位对水质自动监测站开展日常巡检、试剂更换、仪器校准和质控比对，确保监测"
            "数据真实、准确、完整。",
            "3.数据质量管理。严格执行监测质量管理体系文件，开展平行样、加标回收和空白样等质控措施，每月编制水环境"
            "质量监测报告。",
        ),
        period=p_dots(date(2024, 1, 1), date(2024, 12, 31)),
        budget=b_quarters(
            "本项目按季度编制用款计划：",
            ("一季度", "二季度", "三季度", "四季度"),
            ("38.60", "52.40", "50.20", "45.20"),
            "，",
        ),
        goal=(
            "全年完成区控断面常规监测不少于1032断面次，水质自动监测站数据有效率不低于90%，监测数据质控合格率达到"
            "100%，按时向区河长制办公室和相关部门报送水环境质量监测报告。",
        ),
        inline=frozenset({"实施周期"}),
    ),
    Sheet(
        heading="土壤污染状况调查及风险管控项目经费情况说明",
        numbering="paren",
        overview=(
            "本项目主要用于开展重点行业企业用地土壤污染状况调查、建设用地土壤污染状况调查报告和风险评估报告评审，以及"
            "暂不开发利用污染地块的风险管控和环境监测。",
        ),
        basis=(
            "《中华人民共和国土壤污染防治法》；",
            "《上海市土壤污染防治条例》；",
            "《建设用地土壤污染状况调查技术导则》（HJ25.1—2019）。",
        ),
        subject=(
            "上海市宝山区生态环境局土壤生态环境管理科，委托具有相应能力的第三方技术机构实施。",
        ),
        plan=(
            "按照“谁污染、谁治理”和“分类管理、风险管控”的原则，对纳入名录的重点监管单位开展土壤和地下水自行监测情况"
            "的监督检查；组织专家对建设用地土壤污染状况调查报告和风险评估报告进行评审；对暂不开发利用的污染地块划定"
            "管控区域，设立标识，开展土壤和地下水环境监测，发现污染扩散的及时督促责任人采取污染防治措施。",
        ),
        period=p_days(date(2024, 1, 1), date(2024, 12, 31)),
        budget=b_breakdown(
            "项目总预算",
            "268.00",
            (
                ("土壤污染状况调查经费", "126.00"),
                ("调查评估报告评审经费", "42.00"),
                ("污染地块风险管控及监测经费", "100.00"),
            ),
        ),
        goal=(
            "完成重点监管单位土壤和地下水自行监测监督检查全覆盖，建设用地土壤污染状况调查报告评审按时完成率达到100%，"
            "暂不开发利用污染地块风险管控措施落实率达到100%。",
            "重点建设用地安全利用得到有效保障。",
        ),
    ),
    Sheet(
        heading="生态环境执法经费情况说明",
        numbering="paren",
        overview_label="项目概况",
        overview=(
            "本项目保障区生态环境局执法支队依法开展生态环境执法检查，包括日常“双随机、一公开”监管、重点排污单位执法"
            "监测、环境违法案件查处、生态环境信访投诉调查处理以及执法装备的运行维护等工作。",
            "2023年全区共办理生态环境行政处罚案件216件，处理信访投诉4300余件。",
        ),
        basis=("《中华人民共和国环境保护法》《生态环境行政处罚办法》《上海市环境保护条例》。",),
        subject=("上海市宝山区生态环境局执法支队。",),
        plan=(
            "实行执法检查“双随机、一公开”全覆盖，对重点排污单位实施差异化监管；运用无人机、走航监测车、在线监控等"
            "非现场执法手段，提高执法效能；对群众信访投诉实行“接诉即办”，一般投诉在规定时限内完成调查处理并答复；"
            "定期组织执法人员业务培训和执法大练兵活动，提升执法规范化水平。",
        ),
        period=p_prose("长期"),
        budget=b_plain(
            "2024年预算数为{a}万元，较上年减少4.00万元，主要是压减执法装备购置支出。", "96.00"
        ),
        goal=(
            "“双随机、一公开”抽查任务完成率达到100%，生态环境信访投诉按期办结率达到100%，行政处罚案件法制审核率达到"
            "100%，执法案卷评查合格率达到95%以上。",
        ),
        inline=frozenset({"实施主体"}),
    ),
    Sheet(
        heading="宝山区环境监测站实验室能力提升改造项目经费情况说明",
        numbering="paren",
        overview=(
            "区环境监测站现有实验室建成于2008年，实验用房面积约2600平方米，经过十余年使用，存在通风系统老化、实验台面"
            "和给排水管线破损、废气废液收集处理设施不完善等问题，部分大型分析仪器已超过使用年限，难以满足新污染物、"
            "挥发性有机物和土壤、地下水等新增监测项目的分析需要。本项目对实验室实施整体改造，包括实验室功能分区优化"
            "调整、通风系统和实验废气处理系统改造、纯水系统和给排水管线更新、实验室信息管理系统（LIMS）建设，同步"
            "购置气相色谱—质谱联用仪、电感耦合等离子体质谱仪等分析仪器设备，改造完成后实验室监测能力将由现有的286项"
            "提升至420项以上，满足国家和本市对区级生态环境监测站标准化建设的要求。",
        ),
        basis=("区发展改革委《关于宝山区环境监测站实验室能力提升改造项目可行性研究报告的批复》。",),
        subject=("上海市宝山区环境监测站。",),
        plan=(
            "项目分两个阶段实施：2023年第四季度至2024年第二季度完成实验室土建装修和机电系统改造；2024年第三季度至"
            "2025年第一季度完成仪器设备采购、安装调试、实验室信息管理系统建设和检验检测机构资质认定扩项评审。",
        ),
        period=p_months(2023, 10, 2025, 3, sep="-"),
        budget=b_invest(
            "本项目总投资{t}万元，本年度安排建设资金{y}万元，主要用于实验室装修改造工程和仪器设备购置。",
            "1480.00",
            "680.00",
        ),
        goal=(
            "2024年完成实验室装修改造工程并通过竣工验收，完成主要分析仪器设备的采购和安装调试，项目年度投资计划完成率"
            "达到90%以上，工程质量验收合格率达到100%。",
        ),
    ),
    Sheet(
        heading="生态环境宣传教育经费情况说明",
        numbering="paren",
        overview=(
            "本项目用于组织开展“六五”环境日、全国低碳日等主题宣传活动，推进环保设施向公众开放和生态环境教育基地建设，"
            "制作生态环境宣传品和公益广告，提高公众生态环境保护意识，营造全社会共同参与生态文明建设的良好氛围。",
        ),
        basis=("《中华人民共和国环境保护法》《公民生态环境行为规范》。",),
        subject=("上海市宝山区生态环境局综合科。",),
        plan=(
            "围绕重要环境纪念日集中开展主题宣传活动，组织环境监测、污水处理等环保设施向公众开放，开展生态环境保护进社区、"
            "进学校、进企业活动；通过政府购买服务方式委托专业机构策划实施宣传活动和制作宣传品。",
        ),
        period=p_months(2024, 1, 2024, 12),
        budget=b_none("本项目经费在局机关一般行政管理事务经费中统筹安排，据实列支。"),
        goal=None,
        inline=frozenset({"实施周期", "绩效目标"}),
    ),
]

BAOSHAN = _document(
    "baoshan_eco_2024",
    ((BAOSHAN_UNIT, 26.0), ("2024年部门预算", 26.0)),
    BAOSHAN_UNIT,
    BAOSHAN_FIN,
    Look(
        header=f"{BAOSHAN_UNIT}2024年部门预算",
        footer="{}",
        body_pt=14.0,
        line_spacing=1.3,
        sheet_new_page=True,
        chapter_style="heading",
    ),
    [
        Toc(),
        Part("第一部分 部门概况"),
        Chap("一、主要职能", toc=True),
        P(
            "上海市宝山区生态环境局是区政府工作部门，为正处级，负责本区生态环境保护工作。主要职能是：（一）贯彻执行"
            "国家和本市有关生态环境保护的法律、法规、规章和方针政策，拟订本区生态环境保护规划并组织实施；（二）负责"
            "本区重大生态环境问题的统筹协调和监督管理，牵头协调重特大环境污染事故和生态破坏事件的调查处理；（三）负责"
            "监督管理本区减排目标的落实，组织实施排污许可制度；（四）负责本区环境污染防治的监督管理，会同有关部门"
            "监督管理饮用水水源地生态环境保护工作；（五）负责本区生态环境监测工作，统一发布本区生态环境综合性报告和"
            "重大生态环境信息；（六）统一负责本区生态环境监督执法，组织开展生态环境保护执法检查活动；（七）组织开展"
            "本区生态环境保护宣传教育工作，推动社会组织和公众参与生态环境保护；（八）完成区委、区政府交办的其他任务。"
        ),
        Chap("二、机构设置", toc=True),
        P(
            "本部门内设办公室、综合科、大气环境管理科、水生态环境管理科、土壤生态环境管理科、环境影响评价与排放管理科、"
            "法规与监督科等7个科室，下设区生态环境局执法支队、区环境监测站等单位。"
        ),
        P(
            "纳入本部门2024年部门预算编制范围的单位共3家，包括局机关本级、区生态环境局执法支队和区环境监测站。"
        ),
        Part("第二部分 2024年部门预算情况说明"),
        *budget_chapters(BAOSHAN_FIN),
        Part("第三部分 名词解释"),
        *glossary(BAOSHAN_FIN),
        Part("第四部分 2024年部门预算表"),
        *tables(BAOSHAN_FIN),
        Part("第五部分 项目经费情况说明"),
        *BAOSHAN_SHEETS,
    ],
)


# --- 4. 黄浦区外滩街道办事处 2026: Word headings, the 目录 lists the sheets, 名词解释 last ------

WAITAN_UNIT = "上海市黄浦区外滩街道办事处"
WAITAN_FIN = Finance(
    unit=WAITAN_UNIT,
    short="本部门",
    year=2026,
    names={
        "20103": "政府办公厅（室）及相关机构事务",
        "2010301": "行政运行",
        "2010302": "一般行政管理事务",
        "2010350": "事业运行",
        "2010399": "其他政府办公厅（室）及相关机构事务支出",
        "20701": "文化和旅游",
        "2070109": "群众文化",
        "20810": "社会福利",
        "2081002": "老年福利",
        "21201": "城乡社区管理事务",
        "2120199": "其他城乡社区管理事务支出",
        "21205": "城乡社区环境卫生",
        "2120501": "城乡社区环境卫生",
    },
    leaves=_by_code(
        [
            _leaf(
                "2010301", "2860.45", "0.00", "保障街道机关正常运转的人员经费和日常公用经费", "run"
            ),
            _leaf("2010302", "0.00", "265.30", "街道机关日常事务性工作、办公设备购置和档案管理"),
            _leaf(
                "2010350",
                "724.60",
                "0.00",
                "保障街道所属事业单位正常运转的人员经费和日常公用经费",
                "run",
            ),
            _leaf(
                "2010399", "0.00", "312.80", "社区综合治理、居民自治项目扶持和“家门口”服务站点运行"
            ),
            _leaf("2070109", "0.00", "186.00", "社区文化活动中心社会化运营和群众文化活动"),
            _leaf("2081002", "0.00", "158.60", "辖区老年人助餐、助浴等为老服务"),
            _leaf("2120199", "0.00", "218.40", "城市网格化综合管理和“一网统管”平台终端运行"),
            _leaf(
                "2120501",
                "0.00",
                "642.80",
                "辖区道路保洁、垃圾清运和生活垃圾分类",
                note="比2025年预算增加36.50万元，主要是道路保洁作业面积增加。",
            ),
            *_staff("256.74", "128.37", ("146.52", "48.30"), "198.60", "64.80"),
        ]
    ),
    public="612.40",
    prior_total="6038.90",
    prior_gpb="6038.90",
    change_reason="主要原因是按规定调整人员经费标准以及道路保洁作业经费增加。",
    three_public=("0.00", "0.00", "9.80", "0.60"),
    prior_three_public=("0.00", "0.00", "9.80", "0.60"),
    three_public_notes=(
        NOTE_ABROAD,
        "本年未安排公务用车购置；公务用车运行费主要用于应急保障用车的燃料费、维修费、保险费等支出。",
        NOTE_RECEPTION,
    ),
    operating="386.20",
    prior_operating="392.50",
    procurement=("96.40", "85.00", "1420.60"),
    sme="1050.00",
    assets=(
        "截至2025年12月31日，本部门共有车辆3辆，其中：应急保障用车3辆；单位价值100万元以上设备0台（套）。",
        "2026年部门预算未安排购置车辆及单位价值100万元以上设备。",
    ),
    perf_projects=6,
    item_numbering="{}.",
    item_year=False,
    three_public_title="“三公”经费预算情况说明",
    operating_title="机关运行经费情况说明",
)

WAITAN_SHEETS = [
    Sheet(
        heading="社区综合治理项目经费情况说明",
        overview_label="项目概况",
        overview=(
            "本项目用于推进外滩街道社区综合治理工作，包括居民区“家门口”服务站点运行、居民自治项目扶持、楼组自治和睦邻点"
            "建设、社区矛盾纠纷排查化解，以及“美丽家园”居民区精细化治理等工作，覆盖辖区内全部居民区。",
            "外滩街道辖区面积约2.25平方公里，下辖14个居民区。",
        ),
        basis=(
            "《上海市居民委员会工作条例》《关于加强基层治理体系和治理能力现代化建设的实施意见》《黄浦区社区自治项目"
            "管理办法》。",
        ),
        subject=("上海市黄浦区外滩街道办事处社区自治办公室，各居民区党组织和居民委员会。",),
        plan=(
            "（1）居民自治项目扶持。每年开展居民自治项目征集评选，对评选确定的自治项目给予经费支持，项目实施情况纳入"
            "居民区年度考核。",
            "（2）“家门口”服务站点运行。保障居民区“家门口”服务站点日常运行，统筹配置养老、就业、法律咨询等服务资源，"
            "推动服务事项就近办理。",
            "（3）矛盾纠纷排查化解。依托居民区人民调解委员会和“老娘舅”调解团队，定期开展矛盾纠纷排查，及时化解邻里"
            "纠纷和物业管理矛盾。",
        ),
        period=p_month_dots(2026, 1, 2026, 12),
        budget=b_plain(
            "本项目2026年预算安排资金{a}万元，主要用于居民自治项目补助、服务站点运行和调解工作补贴。",
            "312.80",
        ),
        goal=(
            "完成居民自治项目不少于28个，“家门口”服务站点运行率达到100%，社区矛盾纠纷调解成功率达到95%以上，居民对"
            "社区治理工作的满意度不低于90%。",
        ),
    ),
    Sheet(
        heading="城市网格化综合管理经费情况说明",
        overview=(
            "本项目保障街道城市运行管理中心（网格化综合管理中心）的日常运行，包括网格巡查人员劳务费用、城市管理问题"
            "发现与处置、“一网统管”平台终端运行维护，以及重大活动和防汛防台期间的应急值守等工作。",
        ),
        basis=("《上海市城市网格化管理办法》《黄浦区城市运行“一网统管”建设实施方案》。",),
        subject=("上海市黄浦区外滩街道城市运行管理中心。",),
        plan=(
            "按照“发现及时、处置高效、监督有力”的要求，将辖区划分为若干责任网格，每个网格配备专职网格巡查员，实行"
            "全天候巡查；对巡查发现和市民热线转办的城市管理问题，通过“一网统管”平台派单至职能部门和责任单位限时处置，"
            "处置结果由网格巡查员现场核查后结案。",
            "街道城运中心每月对各职能部门和责任单位案件处置情况进行统计通报，通报结果纳入街道年度绩效考核。",
        ),
        period=p_days(date(2026, 1, 1), date(2026, 12, 31)),
        budget=b_plain("2026年度预算安排{a}万元。", "218.40"),
        goal=(
            "城市管理问题及时发现率达到95%以上，网格案件按时结案率达到98%以上，12345市民服务热线工单按时办结率达到"
            "100%，实现辖区城市管理问题早发现、早处置。",
        ),
        inline=frozenset(LABELS),
    ),
    Sheet(
        heading="外滩街道社区文化活动中心社会化专业化运营管理服务及群众文化活动项目经费情况说明",
        wraps=True,
        overview=(
            "本项目通过政府购买服务方式，委托专业社会组织对外滩街道社区文化活动中心实施社会化、专业化运营管理，提供公共"
            "文化设施免费开放、群众文化团队培育、公益文化培训和讲座展览等服务，并组织开展社区文化节等群众文化活动。",
        ),
        basis=(
            "《中华人民共和国公共文化服务保障法》《上海市公共文化服务保障与促进条例》《上海市社区文化活动中心管理办法》。",
        ),
        subject=("上海市黄浦区外滩街道办事处社区服务办公室，社区文化活动中心运营机构。",),
        plan=(
            "通过公开招标确定运营机构，签订运营服务合同，明确服务内容、服务标准和考核要求；街道每季度对运营机构开展"
            "考核，委托第三方机构每年开展一次服务满意度测评，考核和测评结果与运营服务费用支付挂钩。",
        ),
        period=p_year(2026),
        budget=b_none("本项目经费按照运营服务合同约定，在街道公共文化服务经费中统筹安排。"),
        goal=(
            "社区文化活动中心全年免费开放时间每周不少于63小时，全年举办公益文化培训、讲座和展览不少于200场次，培育群众"
            "文化团队不少于30支，群众对社区公共文化服务的满意度达到90%以上。",
        ),
        inline=frozenset({"实施周期", "年度预算安排"}),
    ),
]

WAITAN = _document(
    "huangpu_waitan_2026",
    ((WAITAN_UNIT, 24.0), ("2026年部门预算", 24.0), ("（公开版）", 16.0)),
    WAITAN_UNIT,
    WAITAN_FIN,
    Look(
        header=f"{WAITAN_UNIT}2026年部门预算",
        footer="- {} -",
        cover_counted=True,
        body_pt=12.0,
        line_spacing=1.5,
        sheet_heading="heading",
        label_style="heading",
        toc_sheets=True,
    ),
    [
        Toc("目    录"),
        Part("第一部分 部门概况"),
        Chap("一、主要职能"),
        P(
            "上海市黄浦区外滩街道办事处是黄浦区人民政府的派出机关，在区委、区政府和街道党工委的领导下，依法履行辖区"
            "公共服务、公共管理和公共安全等职能。主要职能是："
        ),
        P(
            "（一）统筹社区发展。组织编制并实施街道社区发展规划，参与辖区重大公共设施的规划建设和管理；"
        ),
        P(
            "（二）组织公共服务。落实就业、社会保障、养老、助残、文化、体育等公共服务事项，管理社区服务设施；"
        ),
        P(
            "（三）实施综合管理。组织协调辖区城市管理、市容环境、综合执法和网格化管理工作，推进“一网统管”建设；"
        ),
        P("（四）监督专业管理。对职能部门派出机构的专业管理工作进行监督和考核评价；"),
        P("（五）动员社会参与。指导居民委员会建设，培育社区社会组织，推动居民自治和社区共治；"),
        P("（六）指导数据工作。做好辖区人口、房屋、单位等基础数据的采集和动态管理；"),
        P("（七）完成区委、区政府交办的其他任务。"),
        Chap("二、机构设置"),
        P(
            "外滩街道办事处内设党政办公室、社区党建办公室、社区管理办公室、社区服务办公室、社区平安办公室、社区自治"
            "办公室、营商服务办公室等7个办公室，下属社区事务受理服务中心、城市运行管理中心、社区党群服务中心、社区"
            "文化活动中心等事业单位。"
        ),
        P("纳入2026年部门预算编制范围的单位包括街道办事处本级及所属事业单位。"),
        Part("第二部分 2026年部门预算情况说明"),
        *budget_chapters(WAITAN_FIN),
        Part("第三部分 2026年部门预算表"),
        *tables(WAITAN_FIN),
        Part("第四部分 项目经费情况说明"),
        *WAITAN_SHEETS,
        Part("第五部分 名词解释"),
        *glossary(WAITAN_FIN),
    ],
)

DOCS: tuple[Doc, ...] = (JINSHAN, CHANGNING, BAOSHAN, WAITAN)
