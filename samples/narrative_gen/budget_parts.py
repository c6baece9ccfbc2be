"""The ordinary chapters of a 上海 district 部门预算 (prose with amounts, budget tables).

None of this is performance-target material: it is what surrounds chapter 七、项目经费情况说明
(or, in the no-target sample, the whole document). Every table's 合计 is computed from its rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from spec import Block, Heading, Para, Table

CN = "一二三四五六七八九十"
INCOME_ITEMS = ("财政拨款收入", "事业收入", "事业单位经营收入", "其他收入")


@dataclass(frozen=True)
class Leaf:
    """One 项-level line of the functional classification."""

    code: str  # 7 digits
    name: str
    basic: str  # 万元
    project: str
    use: str  # what the money is for (one clause)

    @property
    def total(self) -> Decimal:
        return Decimal(self.basic) + Decimal(self.project)


@dataclass(frozen=True)
class Figures:
    unit: str
    year: int
    prior_total: str  # last year's budget, 万元
    duties: tuple[str, ...]
    structure: tuple[str, ...]
    names: dict[str, str]  # 3- and 5-digit codes → 类 / 款 names
    leaves: tuple[Leaf, ...]
    three_public: tuple[str, str, str, str]  # 出国（境）, 车辆购置, 车辆运行, 接待
    prior_three_public: str
    operating: str  # 机关运行经费, 万元
    procurement: tuple[str, str, str]  # 货物, 工程, 服务, 万元
    assets: str
    performance_note: str | None = None  # a 绩效目标设置情况 paragraph (prose, not targets)
    thousands: bool = False


def money(value: Decimal, thousands: bool = False) -> str:
    return f"{value:,.2f}" if thousands else f"{value:.2f}"


def chapters(fig: Figures) -> list[Block]:
    """Chapters 一 to 六 of the budget document."""
    blocks: list[Block] = [Heading("一、部门主要职能", page_break=True)]
    blocks += [Para(p) for p in fig.duties]
    blocks.append(Heading("二、部门机构设置"))
    blocks += [Para(p) for p in fig.structure]
    blocks += _income_expense(fig)
    blocks += _general_budget(fig)
    blocks += _three_public(fig)
    blocks += _other_matters(fig)
    return blocks


def _totals(fig: Figures) -> tuple[Decimal, Decimal, Decimal]:
    basic = sum((Decimal(leaf.basic) for leaf in fig.leaves), Decimal(0))
    project = sum((Decimal(leaf.project) for leaf in fig.leaves), Decimal(0))
    return basic + project, basic, project


def _classes(fig: Figures) -> list[str]:
    return sorted({leaf.code[:3] for leaf in fig.leaves})


def _sum(fig: Figures, prefix: str) -> tuple[Decimal, Decimal, Decimal]:
    leaves = [leaf for leaf in fig.leaves if leaf.code.startswith(prefix)]
    basic = sum((Decimal(leaf.basic) for leaf in leaves), Decimal(0))
    project = sum((Decimal(leaf.project) for leaf in leaves), Decimal(0))
    return basic + project, basic, project


def _income_expense(fig: Figures) -> list[Block]:
    y, total, basic, project = fig.year, *_totals(fig)
    prior = Decimal(fig.prior_total)
    diff = total - prior
    change = f"比{y - 1}年预算{'增加' if diff >= 0 else '减少'}{abs(diff):.2f}万元"
    m = fig.thousands
    blocks: list[Block] = [
        Heading("三、部门收支预算情况说明"),
        Heading("（一）收入预算", 2),
        Para(
            f"{y}年，{fig.unit}收入预算{total:.2f}万元，其中：财政拨款收入{total:.2f}万元，{change}。"
        ),
        Heading("（二）支出预算", 2),
        Para(
            f"{y}年，{fig.unit}支出预算{total:.2f}万元，其中：基本支出{basic:.2f}万元，"
            f"项目支出{project:.2f}万元。基本支出主要用于保障机构正常运转和完成日常工作任务，"
            "项目支出主要用于完成特定行政工作任务和事业发展目标。"
        ),
    ]
    classes = _classes(fig)
    expense = [
        (f"{CN[k]}、{fig.names[c]}", money(_sum(fig, c)[0], m)) for k, c in enumerate(classes)
    ]
    income = [
        (f"{CN[k]}、{name}", money(total if k == 0 else Decimal(0), m))
        for k, name in enumerate(INCOME_ITEMS)
    ]
    n = max(len(expense), len(income))
    rows = [
        (
            *(income[k] if k < len(income) else ("", "")),
            *(expense[k] if k < len(expense) else ("", "")),
        )
        for k in range(n)
    ]
    rows.append(("收入总计", money(total, m), "支出总计", money(total, m)))
    blocks.append(
        Table(
            f"{y}年{fig.unit}收支总表",
            (("收入", "", "支出", ""), ("项目", "预算数", "项目", "预算数")),
            tuple(rows),
            (2600, 1500, 3300, 1500),
            merges=((0, 0, 0, 1), (0, 2, 0, 3)),
        )
    )
    fiscal_income = (
        ("一、一般公共预算资金", money(total, m)),
        ("二、政府性基金预算资金", money(Decimal(0), m)),
        ("三、国有资本经营预算资金", money(Decimal(0), m)),
    )
    n = max(len(expense), len(fiscal_income))
    rows = [
        (
            *(fiscal_income[k] if k < len(fiscal_income) else ("", "")),
            *(expense[k] if k < len(expense) else ("", "")),
        )
        for k in range(n)
    ]
    rows.append(("收入总计", money(total, m), "支出总计", money(total, m)))
    blocks.append(
        Table(
            f"{y}年{fig.unit}财政拨款收支总表",
            (("本年收入", "", "本年支出", ""), ("项目", "预算数", "项目", "预算数")),
            tuple(rows),
            (2900, 1400, 3200, 1400),
            merges=((0, 0, 0, 1), (0, 2, 0, 3)),
        )
    )
    return blocks


def _general_budget(fig: Figures) -> list[Block]:
    y, total, basic, project = fig.year, *_totals(fig)
    m = fig.thousands
    blocks: list[Block] = [
        Heading("四、一般公共预算支出情况说明"),
        Para(f"{y}年一般公共预算财政拨款支出预算{total:.2f}万元，具体情况如下："),
    ]
    for leaf in fig.leaves:
        cls, sub = fig.names[leaf.code[:3]], fig.names[leaf.code[:5]]
        blocks.append(
            Para(
                f"{cls}（类）{sub}（款）{leaf.name}（项）预算为{leaf.total:.2f}万元，主要用于{leaf.use}。"
            )
        )
    rows: list[tuple[str, ...]] = []
    for c in _classes(fig):
        rows.append((c, fig.names[c], *(money(v, m) for v in _sum(fig, c))))
        for sub in sorted({leaf.code[:5] for leaf in fig.leaves if leaf.code.startswith(c)}):
            rows.append((sub, fig.names[sub], *(money(v, m) for v in _sum(fig, sub))))
            for leaf in fig.leaves:
                if leaf.code.startswith(sub):
                    values = (leaf.total, Decimal(leaf.basic), Decimal(leaf.project))
                    rows.append((leaf.code, leaf.name, *(money(v, m) for v in values)))
    rows.append(("", "合计", money(total, m), money(basic, m), money(project, m)))
    blocks.append(
        Table(
            f"{y}年{fig.unit}一般公共预算支出功能分类预算表",
            (("功能分类科目编码", "功能分类科目名称", "合计", "基本支出", "项目支出"),),
            tuple(rows),
            (1500, 3300, 1400, 1400, 1400),
        )
    )
    return blocks


def _three_public(fig: Figures) -> list[Block]:
    y = fig.year
    abroad, buy, run, reception = (Decimal(v) for v in fig.three_public)
    total = abroad + buy + run + reception
    prior = Decimal(fig.prior_three_public)
    diff = total - prior
    word = "增加" if diff > 0 else "减少"
    change = f"比{y - 1}年预算{word}{abs(diff):.2f}万元" if diff else f"与{y - 1}年预算持平"
    m = fig.thousands
    text = (
        f"{y}年“三公”经费财政拨款预算数为{total:.2f}万元，"
        f"{change}。"
        f"其中：因公出国（境）费{abroad:.2f}万元；公务用车购置及运行费{buy + run:.2f}万元"
        f"（其中：公务用车购置费{buy:.2f}万元，公务用车运行费{run:.2f}万元）；"
        f"公务接待费{reception:.2f}万元。"
    )
    return [
        Heading("五、“三公”经费预算情况说明"),
        Para(text),
        Table(
            f"{y}年{fig.unit}“三公”经费预算表",
            (("合计", "因公出国（境）费", "公务用车购置费", "公务用车运行费", "公务接待费"),),
            (tuple(money(v, m) for v in (total, abroad, buy, run, reception)),),
            (1600, 1900, 1800, 1800, 1600),
        ),
    ]


def _other_matters(fig: Figures) -> list[Block]:
    y = fig.year
    goods, works, services = (Decimal(v) for v in fig.procurement)
    blocks: list[Block] = [
        Heading("六、其他重要事项说明"),
        Heading("（一）机关运行经费预算", 2),
        Para(
            f"{y}年本部门机关运行经费预算为{fig.operating}万元，主要用于办公费、水电费、"
            "物业管理费、差旅费等日常公用经费支出。"
        ),
        Heading("（二）政府采购预算情况", 2),
        Para(
            f"{y}年本部门政府采购预算总额{goods + works + services:.2f}万元，其中：政府采购货物预算"
            f"{goods:.2f}万元，政府采购工程预算{works:.2f}万元，政府采购服务预算{services:.2f}万元。"
        ),
    ]
    k = 3
    if fig.performance_note:
        blocks += [Heading("（三）绩效目标设置情况", 2), Para(fig.performance_note)]
        k += 1
    blocks += [Heading(f"（{CN[k - 1]}）国有资产占有使用情况", 2), Para(fig.assets)]
    return blocks
