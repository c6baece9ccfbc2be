"""Three documents that hold no performance targets: a 部门决算, a 部门预算 without
绩效目标表 or 经费情况说明, and a short notice. Their golden rows: one documents row, every
other dataset empty."""

from __future__ import annotations

from decimal import Decimal

from budget_parts import CN, Figures, Leaf, chapters, money
from spec import Block, DocSpec, Heading, Para, Style, Table

# --- 长宁区体育局 2023年度部门决算 -------------------------------------------------------------

CHANGNING_UNIT = "上海市长宁区体育局"
FINAL_NAMES = {
    "207": "文化旅游体育与传媒支出",
    "20703": "体育",
    "208": "社会保障和就业支出",
    "20805": "行政事业单位养老支出",
    "221": "住房保障支出",
    "22102": "住房改革支出",
}
FINAL_LEAVES = (
    Leaf("2070301", "行政运行", "864.27", "0.00", ""),
    Leaf("2070307", "体育场馆", "0.00", "1238.60", ""),
    Leaf("2070308", "群众体育", "0.00", "412.35", ""),
    Leaf("2070399", "其他体育支出", "0.00", "96.80", ""),
    Leaf("2080505", "机关事业单位基本养老保险缴费支出", "102.44", "0.00", ""),
    Leaf("2210201", "住房公积金", "71.82", "0.00", ""),
)
CARRY_IN, CARRY_OUT = Decimal("56.40"), Decimal("38.72")
OTHER_INCOME = Decimal("120.00")  # 事业收入 (场馆开放)


def _final_sum(prefix: str) -> tuple[Decimal, Decimal, Decimal]:
    rows = [leaf for leaf in FINAL_LEAVES if leaf.code.startswith(prefix)]
    basic = sum((Decimal(r.basic) for r in rows), Decimal(0))
    project = sum((Decimal(r.project) for r in rows), Decimal(0))
    return basic + project, basic, project


def _final_accounts() -> tuple[Block, ...]:
    spent, basic, project = _final_sum("")
    income = spent + CARRY_OUT - CARRY_IN  # 本年收入 + 年初结转 = 本年支出 + 年末结转
    fiscal = income - OTHER_INCOME
    classes = sorted({leaf.code[:3] for leaf in FINAL_LEAVES})
    expense = [
        (f"{CN[k]}、{FINAL_NAMES[c]}", money(_final_sum(c)[0], True)) for k, c in enumerate(classes)
    ]
    income_items = [
        ("一、一般公共预算财政拨款收入", fiscal),
        ("二、政府性基金预算财政拨款收入", Decimal(0)),
        ("三、上级补助收入", Decimal(0)),
        ("四、事业收入", OTHER_INCOME),
        ("五、经营收入", Decimal(0)),
        ("六、其他收入", Decimal(0)),
    ]
    n = max(len(income_items), len(expense))
    rows: list[tuple[str, ...]] = []
    for k in range(n):
        left = (
            (income_items[k][0], money(income_items[k][1], True))
            if k < len(income_items)
            else ("", "")
        )
        right = expense[k] if k < len(expense) else ("", "")
        rows.append((*left, *right))
    rows += [
        ("本年收入合计", money(income, True), "本年支出合计", money(spent, True)),
        ("年初结转和结余", money(CARRY_IN, True), "年末结转和结余", money(CARRY_OUT, True)),
        ("总计", money(income + CARRY_IN, True), "总计", money(spent + CARRY_OUT, True)),
    ]
    spend_rows: list[tuple[str, ...]] = []
    for c in classes:
        spend_rows.append((c, FINAL_NAMES[c], *(money(v, True) for v in _final_sum(c))))
        for sub in sorted({leaf.code[:5] for leaf in FINAL_LEAVES if leaf.code.startswith(c)}):
            spend_rows.append((sub, FINAL_NAMES[sub], *(money(v, True) for v in _final_sum(sub))))
            for leaf in FINAL_LEAVES:
                if leaf.code.startswith(sub):
                    spend_rows.append(
                        (leaf.code, leaf.name, *(money(v, True) for v in _final_sum(leaf.code)))
                    )
    spend_rows.append(("", "合计", money(spent, True), money(basic, True), money(project, True)))
    fiscal_spent = spent - OTHER_INCOME  # 事业收入 paid 场馆 costs; the rest is 财政拨款
    fiscal_rows = (
        (
            "一、一般公共预算财政拨款",
            money(fiscal, True),
            "一、本年支出",
            money(fiscal_spent, True),
        ),
        (
            "二、政府性基金预算财政拨款",
            "0.00",
            "二、年末财政拨款结转和结余",
            money(CARRY_OUT, True),
        ),
        ("三、年初财政拨款结转和结余", money(CARRY_IN, True), "", ""),
        (
            "收入总计",
            money(fiscal + CARRY_IN, True),
            "支出总计",
            money(fiscal_spent + CARRY_OUT, True),
        ),
    )
    assert fiscal + CARRY_IN == fiscal_spent + CARRY_OUT
    abroad, run, reception = Decimal("0.00"), Decimal("5.62"), Decimal("0.86")
    three = abroad + run + reception
    return (
        Heading("一、部门主要职能", page_break=True),
        Para(
            "上海市长宁区体育局是主管本区体育工作的区政府工作部门。主要职责是：贯彻执行国家和本市有关体育"
            "工作的法律、法规、规章和政策，拟订本区体育事业发展规划并组织实施；推进全民健身工作，指导和"
            "管理社会体育指导员队伍；负责区属公共体育场馆的建设和管理；组织开展青少年体育训练和区级综合性"
            "运动会；负责体育市场的监督管理。"
        ),
        Heading("二、部门机构设置"),
        Para(
            "本部门内设办公室、群众体育科、竞技体育科、体育产业科，下属区体育中心、区少体校等事业单位。"
        ),
        Heading("三、收入支出决算总体情况说明"),
        Para(
            f"2023年度收入总计{income + CARRY_IN:.2f}万元，其中：本年收入合计{income:.2f}万元，"
            f"年初结转和结余{CARRY_IN:.2f}万元。支出总计{spent + CARRY_OUT:.2f}万元，"
            f"其中：本年支出合计{spent:.2f}万元，年末结转和结余{CARRY_OUT:.2f}万元。"
        ),
        Table(
            "2023年度上海市长宁区体育局收入支出决算总表",
            (("收入", "", "支出", ""), ("项目", "决算数", "项目", "决算数")),
            tuple(rows),
            (2900, 1400, 3200, 1400),
            merges=((0, 0, 0, 1), (0, 2, 0, 3)),
        ),
        Heading("四、收入决算情况说明"),
        Para(
            f"2023年度本年收入合计{income:.2f}万元，其中：一般公共预算财政拨款收入{fiscal:.2f}万元，占"
            f"{fiscal * 100 / income:.2f}%；事业收入{OTHER_INCOME:.2f}万元，"
            f"占{OTHER_INCOME * 100 / income:.2f}%。"
        ),
        Table(
            "2023年度上海市长宁区体育局收入决算表",
            (("项目", "本年收入合计", "财政拨款收入", "事业收入", "其他收入"),),
            (
                (
                    "合计",
                    money(income, True),
                    money(fiscal, True),
                    money(OTHER_INCOME, True),
                    "0.00",
                ),
            ),
            (2700, 1600, 1600, 1500, 1500),
        ),
        Heading("五、支出决算情况说明"),
        Para(
            f"2023年度本年支出合计{spent:.2f}万元，其中：基本支出{basic:.2f}万元，"
            f"占{basic * 100 / spent:.2f}%；项目支出{project:.2f}万元，"
            f"占{project * 100 / spent:.2f}%。项目支出主要用于区属体育场馆运行维护、"
            "全民健身设施建设和群众性体育赛事活动。"
        ),
        Table(
            "2023年度上海市长宁区体育局支出决算表",
            (("科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"),),
            tuple(spend_rows),
            (1300, 3300, 1500, 1400, 1400),
        ),
        Heading("六、财政拨款收入支出决算总体情况说明"),
        Para(
            f"2023年度财政拨款收入总计{fiscal + CARRY_IN:.2f}万元，"
            f"其中：一般公共预算财政拨款收入{fiscal:.2f}万元，年初财政拨款结转和结余{CARRY_IN:.2f}万元；财政拨款支出{fiscal_spent:.2f}万元。"
        ),
        Table(
            "2023年度上海市长宁区体育局财政拨款收入支出决算总表",
            (("收入", "", "支出", ""), ("项目", "决算数", "项目", "决算数")),
            fiscal_rows,
            (2900, 1400, 3200, 1400),
            merges=((0, 0, 0, 1), (0, 2, 0, 3)),
        ),
        Heading("七、“三公”经费财政拨款支出决算情况说明"),
        Para(
            f"2023年度“三公”经费财政拨款支出决算为{three:.2f}万元，完成预算的86.25%。其中：因公出国（境）费"
            f"{abroad:.2f}万元；公务用车购置及运行费{run:.2f}万元；公务接待费{reception:.2f}万元。"
        ),
        Table(
            "2023年度上海市长宁区体育局“三公”经费财政拨款支出决算表",
            (("合计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费"),),
            ((money(three, True), money(abroad, True), money(run, True), money(reception, True)),),
            (2200, 2200, 2400, 2200),
        ),
        Heading("八、其他重要事项的情况说明"),
        Heading("（一）机关运行经费支出情况", 2),
        Para(
            "2023年度本部门机关运行经费支出78.36万元，比年初预算数减少4.14万元，主要原因是厉行节约，压减日常公用经费。"
        ),
        Heading("（二）政府采购支出情况", 2),
        Para(
            "2023年度本部门政府采购支出总额612.48万元，其中：政府采购货物支出86.20万元、政府采购服务支出526.28万元。"
        ),
        Heading("（三）预算绩效管理情况", 2),
        Para(
            "2023年度本部门对区属体育场馆运行维护等2个项目开展了绩效自评，自评结果均为“优”。自评结果已在"
            "部门网站公开，并作为以后年度预算安排的参考。"
        ),
    )


CHANGNING = DocSpec(
    "changning_sports_final_2023",
    "no_targets",
    (CHANGNING_UNIT, "2023年度部门决算"),
    2023,
    None,
    Style("上海市长宁区体育局2023年度部门决算", cover_furniture=False),
    _final_accounts(),
    title="部门决算（样例）",
)


# --- 虹口区档案局 2024年部门预算 (no 绩效目标表, no 经费情况说明) -------------------------------

HONGKOU_UNIT = "上海市虹口区档案局"
HONGKOU_FIGURES = Figures(
    unit=HONGKOU_UNIT,
    year=2024,
    prior_total="428.15",
    duties=(
        "上海市虹口区档案局负责本区档案事业的统筹规划和组织协调，监督和指导全区机关、团体、企业事业单位"
        "和其他组织的档案工作；负责区级档案的接收、征集、整理、保管和提供利用；组织开展档案信息化建设和"
        "档案编研工作。",
    ),
    structure=(
        "本部门内设办公室、业务指导科、档案管理科、编研利用科，纳入2024年部门预算编制范围的单位为局本级。",
    ),
    names={
        "201": "一般公共服务支出",
        "20126": "档案事务",
        "208": "社会保障和就业支出",
        "20805": "行政事业单位养老支出",
        "221": "住房保障支出",
        "22102": "住房改革支出",
    },
    leaves=(
        Leaf("2012601", "行政运行", "184.59", "0.00", "保障机关正常运转的人员经费和日常公用经费"),
        Leaf("2012604", "档案馆", "0.00", "56.30", "档案数字化加工和档案库房设施维护"),
        Leaf("2012699", "其他档案事务支出", "0.00", "118.42", "档案编研和档案展览"),
        Leaf(
            "2080505",
            "机关事业单位基本养老保险缴费支出",
            "36.58",
            "0.00",
            "按规定为在职人员缴纳基本养老保险",
        ),
        Leaf("2210201", "住房公积金", "24.76", "0.00", "按规定为在职人员缴纳住房公积金"),
    ),
    three_public=("0.00", "0.00", "1.80", "0.20"),
    prior_three_public="2.00",
    operating="31.27",
    procurement=("12.60", "0.00", "142.50"),
    assets="截至2023年12月31日，本部门共有车辆1辆；单位价值100万元以上设备1台（套）。",
    performance_note="2024年本部门按要求对项目支出编报了绩效目标，涉及项目支出预算174.72万元。",
)
HONGKOU = DocSpec(
    "hongkou_archives_budget_2024",
    "no_targets",
    ("上海市虹口区档案局2024年部门预算",),
    2024,
    None,
    Style("上海市虹口区档案局2024年部门预算"),
    (
        *chapters(HONGKOU_FIGURES),
        Heading("七、名词解释"),
        Para("1.财政拨款收入：指区级财政当年拨付的资金。"),
        Para("2.基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。"),
        Para("3.项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。"),
        Para(
            "4.“三公”经费：指用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。"
        ),
    ),
)


# --- 金山区财政局: a short notice ---------------------------------------------------------------

NOTICE = DocSpec(
    "jinshan_notice_2025",
    "no_targets",
    (),
    2025,
    None,
    Style(""),
    (
        Para(
            "关于报送2025年度部门预算公开材料的通知",
            align="center",
            bold=True,
            size=18.0,
            indent=False,
        ),
        Para("金财预〔2024〕37号", align="center", indent=False),
        Para("各预算主管部门：", align="left", indent=False),
        Para(
            "根据《中华人民共和国预算法》和本市关于预决算公开工作的有关要求，现将报送2025年度部门预算公开"
            "材料的有关事项通知如下："
        ),
        Para(
            "一、各部门应于部门预算批复后二十日内，将部门预算公开文本、公开表格及情况说明报送区财政局预算科"
            "审核，审核通过后在部门门户网站统一公开。项目绩效目标随部门预算一并公开。"
        ),
        Para("二、公开材料应当真实、准确、完整，涉及国家秘密的内容不得公开。"),
        Para("三、联系人：预算科王老师，联系电话：021-00000000。"),
        Para("特此通知。"),
        Para("上海市金山区财政局", align="right", indent=False),
        Para("2024年12月5日", align="right", indent=False),
    ),
    title="通知（样例）",
    toc=False,
)

DOCS: tuple[DocSpec, ...] = (CHANGNING, HONGKOU, NOTICE)
