"""The content of the second rendering set (samples/declaration_form_alt): one AltDoc per variant.

Other departments, projects, amounts and values than variants.py, in the value forms of
TEMPLATES.md ("Value forms seen") plus units such as 盏, 头, 万平方米, 批次, 人/年. Amounts are
Decimals in the unit the form prints; alt_layouts.py formats them and make_alt.py converts them
to yuan for the golden rows.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from typing import cast

from alt_layouts import AltDoc, NGoals, WCols
from spec import (
    LEVEL1_OF_LEVEL2,
    SIGNS,
    Columns,
    E,
    Goals,
    I,
    Ind,
    Period,
    Project,
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

P, Q, G, S = "产出指标", "效益指标", "满意度指标", "成本指标"
SAT = "社会公众或服务对象满意度指标"
PLAN, TRADE, HISTORY = "计划标准", "行业标准", "历史标准"


def gt(n: str, unit: str | None = None) -> Value:
    """`>92%`."""
    return Value(f">{n}{unit or ''}", ">", float(n.replace(",", "")), unit, "numeric")


def at_least(n: str, unit: str) -> Value:
    """`不少于4.5万人` -> >= (SCHEMA.md's comparator words)."""
    return Value(f"不少于{n}{unit}", ">=", float(n), unit, "numeric")


def at_most(n: str, unit: str) -> Value:
    """`不超过48万元` -> <=."""
    return Value(f"不超过{n}{unit}", "<=", float(n), unit, "numeric")


def dot(*goals: str, inline: bool = False) -> Goals:
    return Goals(goals, "dot", inline)


def paren(*goals: str, inline: bool = False) -> Goals:
    return NGoals(goals, "paren", inline)


def circle(*goals: str, inline: bool = False) -> Goals:
    return NGoals(goals, "circle", inline)


def dun(*goals: str, inline: bool = False) -> Goals:
    return NGoals(goals, "dun", inline)


def one(goal: str) -> Goals:
    return Goals((goal,), "none")


def slash(start: str, end: str, first: date, last: date) -> Period:
    return Period(f"{start} - {end}", first, last, (start, end))


def content(level1: str, level2: str, what: str, value: Value, note: str | None = None) -> Ind:
    """A row of a grid without 三级: 指标内容 is the description."""
    return Ind(level1, level2, None, value, description=what, note=note)


def scored(level1: str, level2: str, level3: str, value: Value, weight: str, why: str) -> Ind:
    return Ind(level1, level2, level3, value, description=why, weight=weight)


def derived(level2: str, level3: str, value: Value, basis: str) -> Ind:
    return Ind(LEVEL1_OF_LEVEL2[level2], level2, level3, value, basis=basis, derived_level1=True)


def w(
    level1: str,
    level2: str,
    level3: str,
    nature: str,
    direction: str,
    target: str,
    unit: str,
    weight: str,
    note: str | None = None,
) -> Ind:
    """乌海 row: 指标性质 holds the sign or 定性, 指标方向 holds 正向指标 / 反向指标."""
    if nature == "定性":
        value = Value(target, None, None, unit or None, "text")
    else:
        value = Value(target, SIGNS[nature], float(target), unit or None, "numeric")
    return Ind(
        level1,
        level2,
        level3,
        value,
        columns=cast(Columns, WCols(nature, direction, unit)),
        weight=weight,
        note=note,
    )


def w_date(
    level1: str,
    level2: str,
    level3: str,
    nature: str,
    direction: str,
    serial: str,
    weight: str,
    note: str | None = None,
) -> Ind:
    """An Excel date serial shown as a number (`44,469`) in 目标值: value_raw is the date."""
    day = date.fromordinal(date(1899, 12, 30).toordinal() + int(serial.replace(",", "")))
    value = Value(serial, SIGNS[nature], None, None, "text", raw=day.isoformat())
    return Ind(
        level1,
        level2,
        level3,
        value,
        columns=cast(Columns, WCols(nature, direction, "")),
        weight=weight,
        note=note,
    )


# --- 上海 普陀 2026 ---

SH_TITLE = "财政项目支出绩效目标申报表"
SH_DEPT = "上海市普陀区卫生健康委员会"
SH_CDC = "上海市普陀区疾病预防控制中心"

SHANGHAI = AltDoc(
    stem="shanghai_putuo_2026_alt",
    variant="上海 普陀 2026",
    fiscal_year=2026,
    year_line="（2026年度）",
    unit_line="金额单位：元",
    about="a `金额单位：元` line instead of `项目资金（元）`; the 7 amount labels in one row over "
    "their values, no thousands separators, one blank 其他资金 (null); padded labels "
    "`项 目 名 称`; 项目总目标 above 年度总体目标 (label left of each); the grid a table of "
    "its own after a band row 绩效指标, 一级 and 二级 repeated on every row; goals （1） and "
    "① inline and 1. inline; two units (document unit null); ≥12,000份 ≥100% >95% 98%以上 "
    "≤7个工作日",
    projects=(
        Project(
            title=SH_TITLE,
            name="重大传染病监测与应急处置",
            unit_name=SH_CDC,
            dept_name=SH_DEPT,
            category="专项业务类",
            nature="延续项目",
            period=slash("2026/1/1", "2026/12/31", date(2026, 1, 1), date(2026, 12, 31)),
            amounts={
                "project_total": D("18642500.00"),
                "project_fiscal": D("18000000.00"),
                "carryover": D("642500.00"),
                "project_other": D("0"),
                "annual_total": D("9321250.00"),
                "annual_fiscal": D("9000000.00"),
                "annual_other": D("321250.00"),
            },
            long_goals=paren(
                "建立覆盖全区的传染病多点触发监测预警体系。",
                "重大传染病疫情发现和处置能力持续提升。",
            ),
            annual_goals=circle(
                "完成全区28家哨点医院传染病监测数据日常审核。",
                "突发公共卫生事件规范处置率达到100%。",
                inline=True,
            ),
            annual=(
                I(S, "经济成本指标", "单次流行病学调查平均成本", le("1200", "元/次")),
                I(S, "社会成本指标", "疫情处置对社会运行影响", text("可控")),
                I(P, "数量指标", "哨点医院监测覆盖数", eq("28", "家")),
                I(P, "数量指标", "年度病原学检测样本数", ge("12,000", "份")),
                I(P, "质量指标", "传染病报告及时率", pct2("=", "100.00")),
                I(P, "质量指标", "流行病学调查完成率", ge("100", "%")),
                I(P, "时效指标", "突发疫情现场处置到达时间", le("2", "小时")),
                I(Q, "社会效益指标", "重点传染病发病水平", text("降低")),
                I(Q, "可持续影响指标", "监测预警体系运行", text("巩固提高")),
                I(G, "服务对象满意度指标", "辖区居民满意度", pct2("≥", "90.00")),
            ),
        ),
        Project(
            title=SH_TITLE,
            name="适龄儿童免疫规划疫苗接种",
            unit_name=SH_CDC,
            dept_name=SH_DEPT,
            category="专项业务类",
            nature="延续项目",
            period=slash("2026/1/1", "2027/12/31", date(2026, 1, 1), date(2027, 12, 31)),
            amounts={
                "project_total": D("27510000.00"),
                "project_fiscal": D("25000000.00"),
                "carryover": D("1510000.00"),
                "project_other": D("1000000.00"),
                "annual_total": D("13260000.00"),
                "annual_fiscal": D("12800000.00"),
                "annual_other": D("460000.00"),
            },
            long_goals=one(
                "适龄儿童免疫规划疫苗接种率持续保持在95%以上，有效预防疫苗可预防传染病。"
            ),
            annual_goals=dot(
                "完成全区适龄儿童免疫规划疫苗接种。",
                "疫苗冷链设备运行正常率达到100%",
            ),
            annual=(
                I(S, "经济成本指标", "疫苗冷链运维成本", le("86", "万元")),
                I(P, "数量指标", "免疫规划疫苗接种剂次", ge("26", "万剂次")),
                I(P, "数量指标", "冷链设备季度巡检", eq("4", "批次")),
                I(P, "质量指标", "适龄儿童免疫规划疫苗接种率", gt("95", "%")),
                I(P, "质量指标", "疫苗冷链设备运行正常率", eq("100", "%")),
                I(P, "时效指标", "新生儿首针乙肝疫苗及时接种率", above("98", "%")),
                I(Q, "社会效益指标", "疫苗可预防传染病发病率", text("控制在较低水平")),
                I(G, "服务对象满意度指标", "受种儿童家长满意度", not_below("90", "%")),
            ),
        ),
        Project(
            title=SH_TITLE,
            name="孕产妇健康管理服务",
            unit_name="上海市普陀区妇幼保健所",
            dept_name=SH_DEPT,
            category="专项业务类",
            nature="新增项目",
            period=slash("2026/3/1", "2026/12/31", date(2026, 3, 1), date(2026, 12, 31)),
            amounts={
                "project_total": D("3468000.00"),
                "project_fiscal": D("3468000.00"),
                "carryover": None,
                "project_other": None,
                "annual_total": D("3468000.00"),
                "annual_fiscal": D("3468000.00"),
                "annual_other": None,
            },
            long_goals=dot("完成辖区孕产妇系统管理。", "孕产妇死亡率控制在较低水平。", inline=True),
            annual_goals=one("完成辖区孕产妇早孕建册及产后访视服务"),
            annual=(
                I(S, "经济成本指标", "人均服务成本", le("320", "元/人")),
                I(P, "数量指标", "孕产妇早孕建册人数", ge("5800", "人")),
                I(P, "质量指标", "孕产妇系统管理率", ge("95", "%")),
                I(P, "时效指标", "产后访视完成时限", le("7", "个工作日")),
                I(Q, "社会效益指标", "孕产妇死亡率", text("降低")),
                I(G, "服务对象满意度指标", "孕产妇满意度", pct2("≥", "90.00")),
            ),
        ),
    ),
)

# --- 湖南 湘潭 2023 ---

XT_TITLE = "2023年项目支出绩效目标申报表"
XT_DEPT = "湘潭市生态环境局"

XIANGTAN = AltDoc(
    stem="xiangtan_2023_alt",
    variant="湖南 湘潭 2023",
    fiscal_year=2023,
    unit_line="金额单位：万元",
    filler_line=True,
    about="titles not numbered; `填报单位：…` and `金额单位：万元` lines above the table "
    "(unit_name from 填报单位, amounts bare `148` / `0`, `86.5` / `120`); a 绩效指标 label "
    "column merged over the grid; 一级 and 二级 repeated on every row, empty 二级 rows; goals "
    "（1） paragraphs and inline; 2023.01-2023.12 and 2023年4月-2024年3月; 2280米 不低于90%",
    projects=(
        Project(
            title=XT_TITLE,
            name="湘江流域水质自动监测站运维",
            unit_name=XT_DEPT,
            dept_name=XT_DEPT,
            period=Period("2023.01-2023.12", date(2023, 1, 1), date(2023, 12, 31)),
            amounts={"own": D("148"), "upper": D("0")},
            long_goals=paren(
                "保障湘江湘潭段水质自动监测站稳定运行。",
                "水质监测数据有效传输率保持在90%以上。",
            ),
            annual_goals=paren(
                "完成9个水质自动监测站全年运维。",
                "监测数据有效率不低于90%。",
                inline=True,
            ),
            annual=(
                I(P, "数量指标", "运维水质自动监测站数量", eq("9", "个"), basis=PLAN),
                I(P, "质量指标", "监测数据有效率", not_below("90", "%"), basis=TRADE),
                I(P, "时效指标", "故障站点恢复时限", le("48", "小时"), basis=TRADE),
                I(P, "成本指标", "单站年运维成本", le("16.4", "万元"), basis=PLAN),
                E(Q, "经济效益指标"),
                I(Q, "社会效益指标", "水环境质量信息公开", text("及时"), basis=PLAN),
                I(Q, "环境效益指标", "湘江干流断面水质达标率", eq("100", "%"), basis=PLAN),
                E(Q, "可持续影响指标"),
                I(Q, SAT, "公众满意度", above("90", "%"), basis=HISTORY),
            ),
        ),
        Project(
            title=XT_TITLE,
            name="农村黑臭水体治理",
            unit_name=XT_DEPT,
            dept_name=XT_DEPT,
            period=Period("2023年4月-2024年3月", date(2023, 4, 1), date(2024, 3, 31)),
            amounts={"own": D("86.5"), "upper": D("120")},
            long_goals=one("完成全市农村黑臭水体整治，水体黑臭现象基本消除。"),
            annual_goals=paren(
                "完成12条农村黑臭水体治理。",
                "治理后水体透明度达到25厘米以上。",
                "沿岸群众满意度达到85%以上",
            ),
            annual=(
                I(P, "数量指标", "完成治理黑臭水体数量", eq("12", "条"), basis=PLAN),
                I(P, "数量指标", "清淤疏浚河道长度", eq("2280", "米"), basis=PLAN),
                I(P, "质量指标", "治理后水体透明度", ge("25", "厘米"), basis=TRADE),
                I(P, "时效指标", "治理工程完工时间", text("2024年3月底前"), basis=PLAN),
                E(P, "成本指标"),
                E(Q, "经济效益指标"),
                I(Q, "社会效益指标", "农村人居环境", text("明显改善"), basis=HISTORY),
                I(Q, "环境效益指标", "水体黑臭现象", text("基本消除"), basis=PLAN),
                I(Q, "可持续影响指标", "长效管护机制", text("建立"), basis=PLAN),
                I(Q, SAT, "沿岸群众满意度", ge("85", "%"), basis=PLAN),
            ),
        ),
    ),
)

# --- 湖南 宁乡 2023 ---

NX_DEPT = "宁乡市水利局"

NINGXIANG = AltDoc(
    stem="ningxiang_2023_alt",
    variant="湖南 宁乡",
    fiscal_year=2023,
    about="the year inside the title line (`2023年项目绩效目标表`, no year line); check boxes "
    "before their labels `☑新增项目 □延续项目`; 年度资金总额及构成（万元） as a row of six "
    "labels over their values, thousands separators (`1,236.50`); 长期目标 above 年度目标; "
    "twin grids as tables of their own with a merged 长期绩效指标 / 年度绩效指标 column, "
    "nothing else merged, empty 二级 rows; goals ① paragraphs and inline; two units "
    "(document unit null); 万立方米 万元/公里 不少于4.5万人",
    projects=(
        Project(
            title="2023年项目绩效目标表",
            name="山塘清淤扩容",
            unit_name=NX_DEPT,
            dept_name=NX_DEPT,
            nature="新增项目",
            period=Period("2023年1月-2025年12月", date(2023, 1, 1), date(2025, 12, 31)),
            amounts={
                "total": D("1236.50"),
                "fiscal": D("1186.50"),
                "fiscal_upper": D("600.00"),
                "fiscal_local": D("586.50"),
                "own": D("30.00"),
                "other": D("20.00"),
            },
            purpose="对全市86口重点山塘实施清淤扩容和坝体加固，恢复和提升山塘蓄水灌溉能力。",
            legal_basis="《湖南省山塘综合整治实施方案》；宁乡市2023年水利建设计划。",
            long_goals=circle(
                "完成全市86口重点山塘清淤扩容。",
                "新增蓄水能力120万立方米，改善灌溉面积3.2万亩。",
            ),
            annual_goals=circle("完成30口山塘清淤扩容。", "汛期前完成坝体加固工程。", inline=True),
            long=(
                content(P, "数量指标", "清淤扩容山塘数量", eq("86", "口")),
                content(P, "质量指标", "工程验收合格率", eq("100", "%"), "以竣工验收为准"),
                E(P, "时效指标"),
                content(P, "成本指标", "单口山塘平均投入", le("14.4", "万元")),
                content(Q, "经济效益指标", "改善灌溉面积", ge("3.2", "万亩")),
                content(Q, "社会效益指标", "受益群众", at_least("4.5", "万人")),
                E(Q, "环境效益指标"),
                content(Q, "可持续影响指标", "工程设计使用年限", ge("20", "年")),
                content(Q, SAT, "受益群众满意度", ge("90", "%")),
            ),
            annual=(
                content(P, "数量指标", "年度清淤扩容山塘数量", eq("30", "口")),
                content(P, "数量指标", "清淤土方量", ge("18", "万立方米")),
                content(P, "质量指标", "单元工程合格率", ge("95", "%")),
                content(P, "时效指标", "坝体加固完成时间", text("汛期前")),
                E(P, "成本指标"),
                E(Q, "经济效益指标"),
                content(Q, "社会效益指标", "山塘安全隐患", text("有效消除"), "汛前检查"),
                E(Q, "环境效益指标"),
                E(Q, "可持续影响指标"),
                content(Q, SAT, "受益群众满意度", above("90", "%")),
            ),
        ),
        Project(
            title="2023年项目绩效目标表",
            name="农村饮水安全巩固提升",
            unit_name="宁乡市农村供水管理站",
            dept_name=NX_DEPT,
            nature="延续项目",
            period=Period("2023.01-2023.12", date(2023, 1, 1), date(2023, 12, 31)),
            amounts={
                "total": D("462.80"),
                "fiscal": D("462.80"),
                "fiscal_upper": D("300.00"),
                "fiscal_local": D("162.80"),
                "own": D("0.00"),
                "other": D("0.00"),
            },
            purpose="对农村集中供水工程管网进行延伸改造，巩固提升农村饮水安全保障水平。",
            legal_basis="《湖南省农村饮水安全巩固提升工程实施方案》。",
            long_goals=one("农村自来水普及率和供水保证率持续提高，农村饮水安全长效运行"),
            annual_goals=circle(
                "新建及改造供水管网65公里。", "农村集中供水工程水质达标率达到95%以上。"
            ),
            long=(
                content(P, "数量指标", "累计改造供水管网", ge("260", "公里")),
                E(P, "质量指标"),
                E(P, "时效指标"),
                E(P, "成本指标"),
                E(Q, "经济效益指标"),
                content(Q, "社会效益指标", "农村自来水普及率", ge("92", "%")),
                E(Q, "环境效益指标"),
                content(Q, "可持续影响指标", "供水工程运行管护", text("巩固提高")),
                content(Q, SAT, "农村群众满意度", ge("90", "%")),
            ),
            annual=(
                content(P, "数量指标", "新建及改造供水管网", eq("65", "公里")),
                content(P, "质量指标", "集中供水工程水质达标率", above("95", "%")),
                content(P, "时效指标", "管网改造完成时间", text("10月底前")),
                content(P, "成本指标", "每公里管网改造成本", le("7.12", "万元/公里")),
                E(Q, "经济效益指标"),
                content(Q, "社会效益指标", "受益人口", eq("3.8", "万人")),
                E(Q, "环境效益指标"),
                E(Q, "可持续影响指标"),
                content(Q, SAT, "农村群众满意度", not_below("90", "%")),
            ),
        ),
    ),
)

# --- 陕西 佳县 2022 ---

JX_TITLE = "2022年度财政支出项目绩效目标申报表"
JX_DEPT = "佳县农业农村局"

JIAXIAN = AltDoc(
    stem="jiaxian_2022_alt",
    variant="陕西 佳县",
    fiscal_year=2022,
    unit_line="金额单位：万元",
    flows=(1,),
    about="the year inside the title line, no year line; a `金额单位：万元` line and no unit "
    "in the labels; 年度资金总额及构成 as a row of six labels over values, zeros as `0.00`, "
    "other = 25.60 + 0.00 + 0.00 + 20.00; check boxes after their labels with ☑; 长期目标 "
    "beside 年度目标 in one row; twin grids as rows of the form's table under band rows "
    "长期绩效指标 / 年度绩效指标 (project 1 runs onto a second page); goals 1. paragraphs "
    "and （1） inline; 批次 万头 万只 元/人",
    projects=(
        Project(
            title=JX_TITLE,
            name="设施农业大棚建设",
            unit_name=JX_DEPT,
            dept_name=JX_DEPT,
            nature="新增项目",
            period=Period("2022年3月1日-2022年11月30日", date(2022, 3, 1), date(2022, 11, 30)),
            amounts={
                "total": D("845.60"),
                "fiscal": D("800.00"),
                "own": D("25.60"),
                "business": D("0.00"),
                "operating": D("0.00"),
                "other": D("20.00"),
            },
            purpose="在佳芦镇、坑镇、木头峪镇、朱家坬镇、乌镇5个镇新建日光温室大棚160座，配套建设"
            "水肥一体化设施160套、棚间道路4.8公里，引进蔬菜、食用菌等高效品种，开展种植技术培训，"
            "通过土地流转、务工就业和入股分红带动农户特别是脱贫户稳定增收，培育壮大县域设施农业"
            "产业。",
            legal_basis="《陕西省设施农业发展规划》；佳县2022年农业产业发展实施方案。",
            long_goals=dot(
                "建成设施农业示范基地5个，带动农户发展设施农业。",
                "设施农业年产值达到3000万元以上。",
            ),
            annual_goals=paren(
                "新建日光温室大棚160座。",
                "配套建设水肥一体化设施160套。",
                "带动脱贫户稳定增收。",
                inline=True,
            ),
            long=(
                content(
                    P,
                    "数量指标",
                    "建成设施农业示范基地",
                    eq("5", "个"),
                    "佳芦镇、坑镇、木头峪镇、朱家坬镇、乌镇各建1个",
                ),
                content(
                    P, "数量指标", "累计新建日光温室", ge("480", "座"), "2022年至2024年每年160座"
                ),
                content(P, "数量指标", "累计配套水肥一体化设施", ge("480", "套")),
                content(P, "数量指标", "累计培训设施农业种植户", ge("1500", "人次")),
                content(
                    P, "质量指标", "大棚建设验收合格率", eq("100", "%"), "按设施农业建设标准验收"
                ),
                content(P, "质量指标", "大棚设施完好率", ge("95", "%")),
                content(P, "时效指标", "示范基地建成时间", text("2024年底前")),
                content(
                    P, "成本指标", "单座大棚建设成本", le("5", "万元"), "含水肥一体化设施配套费用"
                ),
                content(
                    Q,
                    "经济效益指标",
                    "设施农业年产值",
                    ge("3000", "万元"),
                    "示范基地全部建成投产后",
                ),
                content(Q, "经济效益指标", "带动户均年增收", ge("8000", "元")),
                content(Q, "社会效益指标", "带动农户", ge("1200", "户"), "含脱贫户"),
                content(
                    Q, "环境效益指标", "化肥使用量", text("降低"), "推广水肥一体化节水节肥技术"
                ),
                content(Q, "可持续影响指标", "大棚使用年限", ge("15", "年")),
                content(Q, SAT, "受益农户满意度", ge("90", "%"), "问卷调查"),
            ),
            annual=(
                content(P, "数量指标", "新建日光温室大棚", eq("160", "座"), "5个镇每镇32座"),
                content(P, "数量指标", "配套水肥一体化设施", eq("160", "套"), "每座大棚配套1套"),
                content(P, "数量指标", "新建棚间道路", eq("4.8", "公里")),
                content(P, "数量指标", "种植技术培训", eq("6", "批次"), "每镇至少1批次"),
                content(P, "质量指标", "大棚建设验收合格率", eq("100", "%")),
                content(P, "质量指标", "苗木及设备抽检合格率", ge("98", "%"), "按批次抽检"),
                content(P, "时效指标", "大棚主体完工时间", text("9月底前")),
                content(P, "时效指标", "项目完工时间", text("11月底前"), "含配套设施安装调试"),
                content(P, "成本指标", "项目年度成本", le("845.6", "万元")),
                content(Q, "经济效益指标", "棚均年收入", ge("2", "万元"), "按当年蔬菜市场均价测算"),
                content(
                    Q, "社会效益指标", "带动脱贫户就业", ge("320", "人"), "优先吸纳脱贫劳动力务工"
                ),
                content(Q, "社会效益指标", "带动土地流转面积", ge("960", "亩")),
                content(
                    Q, "社会效益指标", "入股分红覆盖农户", ge("640", "户"), "村集体经济组织统一分红"
                ),
                content(Q, "环境效益指标", "节水率", ge("30", "%"), "与大水漫灌相比"),
                content(Q, "可持续影响指标", "大棚管护机制", text("建立健全")),
                content(Q, "可持续影响指标", "新型经营主体参与运营", ge("5", "家")),
                content(Q, SAT, "受益农户满意度", ge("90", "%")),
                content(Q, SAT, "务工脱贫户满意度", ge("90", "%"), "问卷调查"),
                content(Q, SAT, "村集体经济组织满意度", ge("90", "%")),
                content(Q, SAT, "技术培训参训人员满意度", ge("90", "%"), "培训结束后现场测评"),
                content(Q, SAT, "周边群众满意度", ge("85", "%")),
            ),
        ),
        Project(
            title=JX_TITLE,
            name="重大动物疫病强制免疫补助",
            unit_name=JX_DEPT,
            dept_name=JX_DEPT,
            nature="延续项目",
            period=Period("202201-202212", date(2022, 1, 1), date(2022, 12, 31)),
            amounts={
                "total": D("138.42"),
                "fiscal": D("138.42"),
                "own": D("0.00"),
                "business": D("0.00"),
                "operating": D("0.00"),
                "other": D("0.00"),
            },
            purpose="对全县生猪、牛、羊实施重大动物疫病强制免疫，落实村级防疫员补助。",
            legal_basis="《中华人民共和国动物防疫法》；《陕西省动物防疫条例》。",
            long_goals=dot(
                "重大动物疫病免疫密度常年保持在90%以上。", "全县不发生区域性重大动物疫情。"
            ),
            annual_goals=paren(
                "完成生猪、牛、羊春秋两季强制免疫。", "免疫抗体合格率达到70%以上", inline=True
            ),
            long=(
                content(P, "数量指标", "强制免疫畜禽种类覆盖率", eq("100", "%")),
                E(P, "质量指标"),
                E(P, "时效指标"),
                E(P, "成本指标"),
                E(Q, "经济效益指标"),
                content(Q, "社会效益指标", "区域性重大动物疫情", text("不发生")),
                E(Q, "环境效益指标"),
                content(Q, "可持续影响指标", "动物防疫体系", text("巩固提高")),
                content(Q, SAT, "养殖户满意度", ge("90", "%")),
            ),
            annual=(
                content(P, "数量指标", "生猪免疫数量", ge("12", "万头")),
                content(P, "数量指标", "羊免疫数量", ge("36", "万只")),
                content(P, "质量指标", "免疫抗体合格率", ge("70", "%")),
                content(P, "时效指标", "春秋集中免疫", text("按时完成")),
                content(P, "成本指标", "村级防疫员补助标准", eq("2400", "元/人")),
                E(Q, "经济效益指标"),
                content(Q, "社会效益指标", "畜禽产品质量安全", text("有效保障")),
                E(Q, "环境效益指标"),
                E(Q, "可持续影响指标"),
                content(Q, SAT, "养殖户满意度", ge("90", "%")),
            ),
        ),
    ),
)

# --- 湖北 武汉青山 2020 ---

WH_TITLE = "项目支出绩效目标表（2020年度）"
WH_DEPT = "武汉市青山区民政局"

WUHAN = AltDoc(
    stem="wuhan_qingshan_2020_alt",
    variant="湖北 武汉青山 2020",
    fiscal_year=2020,
    page_breaks=False,
    about="title and year on one line (`项目支出绩效目标表（2020年度）`, kept in table_title); "
    "forms follow each other without page breaks; 项目资金（万元） as a row of six labels over "
    "bare values; 中期目标 above 年度目标; a one-row grid header `二级指标(长期) … 指标值(年度)`, "
    "一级 merged down; empty halves (二级 printed without 三级, and wholly empty); goals ① "
    "and 1. inline; two units (document unit null); 万人次 万元/个 批次 控制在预算额度内",
    projects=(
        Project(
            title=WH_TITLE,
            name="社区居家养老服务",
            unit_name=WH_DEPT,
            dept_code="018001",
            dept_name=WH_DEPT,
            period=Period("2020年1月-2022年12月", date(2020, 1, 1), date(2022, 12, 31)),
            amounts={
                "project_total": D("2460"),
                "project_fiscal": D("2400"),
                "project_other": D("60"),
                "total": D("820"),
                "fiscal": D("800"),
                "other": D("20"),
            },
            long_goals=circle(
                "建成覆盖全区的社区居家养老服务网络。", "社区养老服务设施覆盖率达到100%。"
            ),
            annual_goals=dot(
                "新建社区老年人日间照料中心8个。",
                "为高龄困难老人提供居家养老服务",
                inline=True,
            ),
            pairs=(
                (
                    I(P, "数量指标", "社区养老服务设施覆盖率", eq("100", "%")),
                    I(P, "数量指标", "新建日间照料中心", eq("8", "个")),
                ),
                (
                    I(P, "数量指标", "累计服务老年人", ge("2.4", "万人次")),
                    I(P, "数量指标", "居家养老服务人次", ge("8000", "人次")),
                ),
                (
                    I(P, "质量指标", "服务质量达标率", ge("95", "%")),
                    I(P, "质量指标", "服务质量达标率", ge("95", "%")),
                ),
                (E(P, "时效指标"), I(P, "时效指标", "居家养老服务补贴发放", text("按月发放"))),
                (I(P, "成本指标", "日间照料中心建设补助", le("30", "万元/个")), None),
                (
                    I(Q, "社会效益指标", "老年人生活质量", text("明显提升")),
                    I(Q, "社会效益指标", "高龄困难老人服务覆盖率", eq("100", "%")),
                ),
                (
                    I(G, "服务对象满意度指标", "服务对象满意度", ge("90", "%")),
                    I(G, "服务对象满意度指标", "服务对象满意度", ge("90", "%")),
                ),
            ),
        ),
        Project(
            title=WH_TITLE,
            name="特困人员集中供养",
            unit_name="武汉市青山区社会福利院",
            dept_code="018001",
            dept_name=WH_DEPT,
            period=Period("2020.01-2020.12", date(2020, 1, 1), date(2020, 12, 31)),
            amounts={
                "project_total": D("356.4"),
                "project_fiscal": D("356.4"),
                "project_other": D("0"),
                "total": D("356.4"),
                "fiscal": D("356.4"),
                "other": D("0"),
            },
            long_goals=one("保障全区特困人员基本生活，集中供养服务质量稳步提升。"),
            annual_goals=circle(
                "保障集中供养特困人员基本生活。", "供养服务机构安全事故零发生。", inline=True
            ),
            pairs=(
                (
                    I(P, "数量指标", "集中供养特困人员", ge("180", "人")),
                    I(P, "数量指标", "集中供养特困人员", ge("180", "人")),
                ),
                (None, I(P, "数量指标", "护理员岗位培训", eq("4", "批次"))),
                (
                    I(P, "质量指标", "供养机构安全事故", eq("0", "起")),
                    I(P, "质量指标", "供养机构安全事故", eq("0", "起")),
                ),
                (
                    I(P, "时效指标", "供养金发放", text("及时")),
                    I(P, "时效指标", "供养金发放", text("按月足额发放")),
                ),
                (
                    I(P, "成本指标", "集中供养经费", text("控制在预算额度内")),
                    I(P, "成本指标", "人均年供养成本", le("1.98", "万元/人")),
                ),
                (I(Q, "社会效益指标", "特困人员基本生活", text("有效保障")), E(Q, "社会效益指标")),
                (
                    I(G, "服务对象满意度指标", "供养对象满意度", ge("90", "%")),
                    I(G, "服务对象满意度指标", "供养对象满意度", ge("90", "%")),
                ),
            ),
        ),
    ),
)

# --- 广东 东莞 2019 ---

DG_TITLE = "东莞市2019年度财政项目支出绩效目标批复表"
DG_DEPT = "东莞市住房和城乡建设局"
DG_UNIT = "东莞市市政设施管护中心"
DG_LONG = "中期滚动目标（2019年-2021年）"
OUT, EFFECT = "预期产出指标", "效果指标"
QTY, TIME, BUDGET = "数量指标(或建筑规模指标)", "时效指标(工期指标)", "预算(或投资规模)控制指标"
BENEFIT = "社会、经济、生态效益指标"

DONGGUAN = AltDoc(
    stem="dongguan_2019_alt",
    variant="广东 东莞 2019",
    fiscal_year=2019,
    title_in_table=True,
    about="the title as the table's first row; `（万元）` labels in one row over values with "
    "thousands separators (`28,450.00`); `中期滚动目标（2019年-2021年）` beside 年度目标, labels "
    "above the goals; no 绩效指标 column and a one-row grid header (halves by position), 一级 "
    "repeated on every row; an empty 年度 half; goals 1. paragraphs and unnumbered; 万平方米 "
    "盏 万千瓦时 250万 ±3%以内 0%",
    projects=(
        Project(
            title=DG_TITLE,
            name="城市道路桥梁养护维修",
            unit_name=DG_UNIT,
            dept_name=DG_DEPT,
            amounts={"mid": D("28450"), "annual": D("9190.5")},
            long_goals=one("保障全市市管道路桥梁设施完好，道路桥梁技术状况持续保持良好水平。"),
            annual_goals=dot("完成市管道路桥梁日常养护。", "完成12座桥梁定期检测。"),
            extra={"long_label": DG_LONG},
            pairs=(
                (
                    I(OUT, QTY, "养护道路面积", ge("1260", "万平方米")),
                    I(OUT, QTY, "年度养护道路面积", ge("420", "万平方米")),
                ),
                (
                    I(OUT, QTY, "桥梁定期检测", eq("36", "座")),
                    I(OUT, QTY, "桥梁定期检测", eq("12", "座")),
                ),
                (
                    I(OUT, "质量指标", "道路完好率", ge("95", "%")),
                    I(OUT, "质量指标", "桥梁技术状况一二类比例", ge("90", "%")),
                ),
                (
                    I(OUT, TIME, "道路病害修复", text("及时")),
                    I(OUT, TIME, "路面坑槽修复时间", le("24", "小时")),
                ),
                (
                    I(OUT, BUDGET, "养护费用偏差率", within("3")),
                    I(OUT, BUDGET, "年度预算执行偏差率", within("5")),
                ),
                (
                    I(EFFECT, BENEFIT, "道路通行条件", text("持续改善")),
                    I(EFFECT, BENEFIT, "惠及市民", eq("250", "万")),
                ),
                (I(EFFECT, "可持续影响指标", "设施使用寿命", text("有效延长")), None),
                (
                    I(EFFECT, SAT, "市民满意度", ge("85", "%")),
                    I(EFFECT, SAT, "市民满意度", ge("85", "%")),
                ),
            ),
        ),
        Project(
            title=DG_TITLE,
            name="城市道路照明设施节能改造",
            unit_name=DG_UNIT,
            dept_name=DG_DEPT,
            amounts={"mid": D("4620"), "annual": D("1286")},
            long_goals=one("完成全市市管道路照明设施节能改造，照明能耗明显降低。"),
            annual_goals=one("完成8600盏路灯LED节能改造"),
            extra={"long_label": DG_LONG},
            pairs=(
                (
                    I(OUT, QTY, "节能改造路灯", eq("25800", "盏")),
                    I(OUT, QTY, "节能改造路灯", eq("8600", "盏")),
                ),
                (
                    I(OUT, "质量指标", "改造后亮灯率", ge("98", "%")),
                    I(OUT, "质量指标", "改造后亮灯率", ge("98", "%")),
                ),
                (
                    I(OUT, TIME, "改造完成时间", text("2021年底前")),
                    I(OUT, TIME, "年度改造完成时间", text("12月底前")),
                ),
                (
                    I(OUT, BUDGET, "投资控制", text("不超概算")),
                    I(OUT, BUDGET, "年度预算超支率", eq("0", "%")),
                ),
                (
                    I(EFFECT, BENEFIT, "年节约用电量", ge("1200", "万千瓦时")),
                    I(EFFECT, BENEFIT, "年节约用电量", ge("400", "万千瓦时")),
                ),
                (I(EFFECT, SAT, "市民满意度", ge("90", "%")), None),
            ),
        ),
    ),
)

# --- 重庆 奉节 2023 ---

FJ_DEPT = "奉节县农业农村委员会"
COST_B, OUT_B, EFF_B, SAT_B = (
    "成本指标(0-20)分",
    "产出指标(40-50)分",
    "效益指标(20-30)分",
    "满意度指标(0-10)分",
)

FENGJIE = AltDoc(
    stem="fengjie_2023_alt",
    variant="重庆 奉节 2023",
    fiscal_year=2023,
    year_line="（2023年度）",
    flows=(2,),
    about="page titles not numbered, no 金额单位 line: the unit is the `万元` in each amount cell "
    "(`960万元`, `0万元`); amounts as label/value pairs beside each other; full-width "
    "`其中：`; 一级 score bands repeated on every row, 二级 merged; goals 1. paragraphs and "
    "（1） inline; project 2's grid runs onto a second page; 年度预算执行率 row in project 1; "
    "不超过48万元",
    projects=(
        Project(
            title="高标准农田建设项目支出绩效目标审批表",
            name="高标准农田建设项目",
            code="500236230000000002104",
            region_code="500236",
            unit_name=FJ_DEPT,
            dept_name=FJ_DEPT,
            amounts={
                "project_total": D("2680"),
                "total": D("960"),
                "fiscal": D("900"),
                "other": D("60"),
            },
            annual_goals=dot("新建高标准农田2万亩。", "项目区农田灌溉保证率达到75%以上。"),
            extra={"subject_code": "2130135", "execution": ("100%", "10分")},
            annual=(
                scored(
                    COST_B,
                    "经济成本指标",
                    "亩均建设成本",
                    le("3000", "元/亩"),
                    "10",
                    "财政资金亩均投入标准",
                ),
                scored(
                    COST_B,
                    "社会成本指标",
                    "施工对群众生产影响",
                    text("可控"),
                    "5",
                    "施工期间对群众生产生活的影响",
                ),
                scored(
                    COST_B,
                    "生态环境成本指标",
                    "施工水土流失",
                    text("降低"),
                    "5",
                    "施工过程中造成的水土流失",
                ),
                scored(
                    OUT_B,
                    "数量指标",
                    "新建高标准农田面积",
                    eq("2", "万亩"),
                    "15",
                    "年度新建高标准农田面积",
                ),
                scored(
                    OUT_B,
                    "数量指标",
                    "新建及改造灌排渠道",
                    ge("38", "公里"),
                    "10",
                    "新建及改造灌排渠道长度",
                ),
                scored(
                    OUT_B,
                    "质量指标",
                    "工程验收合格率",
                    eq("100", "%"),
                    "10",
                    "按项目验收办法组织验收",
                ),
                scored(
                    OUT_B, "时效指标", "项目完工时间", text("12月底前"), "5", "项目主体工程完工时间"
                ),
                scored(
                    EFF_B,
                    "经济效益指标",
                    "项目区粮食亩均增产",
                    ge("50", "公斤"),
                    "10",
                    "项目区粮食亩均产量增加量",
                ),
                scored(
                    EFF_B, "社会效益指标", "受益农户", ge("6800", "户"), "10", "项目区受益农户数量"
                ),
                scored(
                    SAT_B,
                    "服务对象满意度指标",
                    "受益农户满意度",
                    ge("90", "%"),
                    "10",
                    "抽样调查受益农户满意程度",
                ),
            ),
        ),
        Project(
            title="动物疫病防控项目支出绩效目标审批表",
            name="动物疫病防控项目",
            code="500236230000000002317",
            region_code="500236",
            unit_name=FJ_DEPT,
            dept_name=FJ_DEPT,
            amounts={
                "project_total": D("186.6"),
                "total": D("186.6"),
                "fiscal": D("186.6"),
                "other": D("0"),
            },
            annual_goals=paren(
                "完成全县畜禽重大动物疫病强制免疫。", "全年不发生区域性重大动物疫情。", inline=True
            ),
            extra={"subject_code": "2130108"},
            annual=(
                scored(
                    COST_B,
                    "经济成本指标",
                    "疫苗采购成本",
                    le("65", "万元"),
                    "10",
                    "全年重大动物疫病强制免疫疫苗采购支出，按市级集中招标价格据实结算",
                ),
                scored(
                    COST_B,
                    "经济成本指标",
                    "村级防疫员劳务补助",
                    at_most("48", "万元"),
                    "5",
                    "按全县村级防疫员人数和补助标准测算的年度劳务补助支出",
                ),
                scored(
                    COST_B,
                    "社会成本指标",
                    "免疫应激对养殖生产影响",
                    text("可控"),
                    "3",
                    "免疫注射引起的畜禽应激反应对养殖场户正常生产的影响程度",
                ),
                scored(
                    COST_B,
                    "生态环境成本指标",
                    "免疫医疗废弃物处置",
                    text("按规定处置"),
                    "2",
                    "疫苗瓶、注射器等医疗废弃物按照环保要求集中收集无害化处置",
                ),
                scored(
                    OUT_B,
                    "数量指标",
                    "生猪强制免疫数量",
                    ge("42", "万头"),
                    "5",
                    "全年春秋两季集中免疫和常年补免的生猪累计数量",
                ),
                scored(
                    OUT_B,
                    "数量指标",
                    "牛强制免疫数量",
                    ge("3.6", "万头"),
                    "5",
                    "全年春秋两季集中免疫和常年补免的牛累计数量",
                ),
                scored(
                    OUT_B,
                    "数量指标",
                    "羊强制免疫数量",
                    ge("12", "万只"),
                    "5",
                    "全年春秋两季集中免疫和常年补免的羊累计数量",
                ),
                scored(
                    OUT_B,
                    "数量指标",
                    "家禽强制免疫数量",
                    ge("260", "万羽"),
                    "5",
                    "全年春秋两季集中免疫和常年补免的家禽累计数量",
                ),
                scored(
                    OUT_B,
                    "数量指标",
                    "免疫效果监测",
                    eq("4", "批次"),
                    "5",
                    "按季度开展免疫抗体监测，每季度采样检测一批次",
                ),
                scored(
                    OUT_B,
                    "数量指标",
                    "村级防疫员培训",
                    eq("2", "批次"),
                    "2",
                    "全年分春秋两季组织村级防疫员免疫技术培训",
                ),
                scored(
                    OUT_B,
                    "数量指标",
                    "免疫档案建档养殖场户",
                    ge("4600", "户"),
                    "3",
                    "规模养殖场和散养户免疫档案建立数量",
                ),
                scored(
                    OUT_B,
                    "质量指标",
                    "应免畜禽免疫密度",
                    ge("90", "%"),
                    "5",
                    "实际免疫畜禽数量占应免畜禽数量的比例",
                ),
                scored(
                    OUT_B,
                    "质量指标",
                    "免疫抗体合格率",
                    ge("70", "%"),
                    "5",
                    "免疫抗体监测合格样品数占监测样品总数的比例",
                ),
                scored(
                    OUT_B,
                    "质量指标",
                    "免疫档案规范率",
                    ge("95", "%"),
                    "2",
                    "免疫档案记录完整、规范的养殖场户占比",
                ),
                scored(
                    OUT_B,
                    "质量指标",
                    "疫苗冷链运输储存合格率",
                    eq("100", "%"),
                    "3",
                    "疫苗运输储存全程冷链温度记录合格的批次占比",
                ),
                scored(
                    OUT_B,
                    "时效指标",
                    "春季集中免疫完成时间",
                    text("5月底前"),
                    "3",
                    "春季集中免疫工作全部完成的时间",
                ),
                scored(
                    OUT_B,
                    "时效指标",
                    "秋季集中免疫完成时间",
                    text("11月底前"),
                    "2",
                    "秋季集中免疫工作全部完成的时间",
                ),
                scored(
                    EFF_B,
                    "经济效益指标",
                    "疫病造成的养殖经济损失",
                    text("降低"),
                    "5",
                    "与上年相比养殖场户因重大动物疫病造成的经济损失",
                ),
                scored(
                    EFF_B,
                    "社会效益指标",
                    "区域性重大动物疫情",
                    text("不发生"),
                    "10",
                    "全年全县范围内区域性重大动物疫情发生情况",
                ),
                scored(
                    EFF_B,
                    "社会效益指标",
                    "畜禽产品质量安全事件",
                    eq("0", "起"),
                    "5",
                    "全年因免疫不到位引发的畜禽产品质量安全事件",
                ),
                scored(
                    EFF_B,
                    "可持续影响指标",
                    "基层动物防疫体系",
                    text("巩固提高"),
                    "5",
                    "县乡村三级动物防疫体系运行情况",
                ),
                scored(
                    EFF_B,
                    "可持续影响指标",
                    "村级防疫员队伍",
                    text("保持稳定"),
                    "3",
                    "村级防疫员在岗人数与上年相比的稳定情况",
                ),
                scored(
                    EFF_B,
                    "可持续影响指标",
                    "动物疫病监测预警能力",
                    text("持续提升"),
                    "2",
                    "县级动物疫病监测预警和应急处置能力",
                ),
                scored(
                    SAT_B,
                    "服务对象满意度指标",
                    "养殖场户满意度",
                    ge("90", "%"),
                    "5",
                    "抽样问卷调查养殖场户对免疫服务的满意程度",
                ),
                scored(
                    SAT_B,
                    "服务对象满意度指标",
                    "村级防疫员满意度",
                    ge("85", "%"),
                    "3",
                    "问卷调查村级防疫员对劳务补助发放和培训的满意程度",
                ),
                scored(
                    SAT_B,
                    "服务对象满意度指标",
                    "畜产品消费者满意度",
                    ge("85", "%"),
                    "2",
                    "抽样调查城乡居民对畜产品质量安全的满意程度",
                ),
            ),
        ),
    ),
)

# --- 内蒙古 乌海 2021 ---

WU_TITLE = "2021年度项目支出绩效目标表"
WU_DEPT = "乌海市住房和城乡建设局(部门)"
WU_UNIT = "乌海市市政公用事业服务中心"

WUHAI = AltDoc(
    stem="wuhai_2021_alt",
    variant="内蒙古 乌海 2021",
    fiscal_year=2021,
    title_in_table=True,
    about="the title as the table's first row; 投入目标(万元) as label/value pairs in one row "
    "(`286.50`, `0.00`); 指标性质 holds the sign (≥ = ≤, or 定性) and 指标方向 holds "
    "正向指标 / 反向指标 — the reverse of samples/forms; goals 1. paragraphs and unnumbered; an "
    "Excel date serial 44,469 (2021-09-30); 盏 次/年 人/次 万户 万元/公里",
    projects=(
        Project(
            title=WU_TITLE,
            name="城市供热老旧管网改造",
            unit_code="318004",
            unit_name=WU_UNIT,
            dept_code="318",
            dept_name=WU_DEPT,
            category="(31)部门预算项目",
            amounts={"total": D("286.5"), "fiscal": D("286.5"), "other": D("0")},
            annual_goals=dot("完成老旧供热管网改造12公里。", "供热管网热损失率降低至15%以下。"),
            annual=(
                w(P, "数量指标", "改造供热管网长度", "≥", "正向指标", "12", "公里", "20"),
                w(P, "数量指标", "改造换热站", "=", "正向指标", "6", "座", "5"),
                w(P, "数量指标", "施工人员安全培训", "≥", "正向指标", "120", "人/次", "5"),
                w(P, "质量指标", "管网改造验收合格率", "=", "正向指标", "100", "%", "10"),
                w_date(
                    P, "时效指标", "改造完成时间", "≤", "正向指标", "44,469", "10", "供暖期前完成"
                ),
                w(P, "成本指标", "每公里改造成本", "≤", "反向指标", "23.8", "万元/公里", "10"),
                w(Q, "社会效益指标", "受益居民", "≥", "正向指标", "1.8", "万户", "10"),
                w(Q, "社会效益指标", "冬季供暖保障", "定性", "正向指标", "优良", "", "10"),
                w(
                    Q,
                    "生态效益指标",
                    "管网热损失率",
                    "≤",
                    "反向指标",
                    "15",
                    "%",
                    "10",
                    "较改造前下降",
                ),
                w(
                    G,
                    "服务对象满意度指标",
                    "供热用户满意度",
                    "≥",
                    "正向指标",
                    "90",
                    "%",
                    "10",
                    "问卷调查",
                ),
            ),
        ),
        Project(
            title=WU_TITLE,
            name="城区道路路灯维护",
            unit_code="318004",
            unit_name=WU_UNIT,
            dept_code="318",
            dept_name=WU_DEPT,
            category="(31)部门预算项目",
            amounts={"total": D("54"), "fiscal": D("48"), "other": D("6")},
            annual_goals=one("保障城区道路路灯设施正常运行，主干道亮灯率保持在98%以上。"),
            annual=(
                w(P, "数量指标", "维护路灯数量", "≥", "正向指标", "12600", "盏", "20"),
                w(P, "数量指标", "路灯巡查频次", "=", "正向指标", "52", "次/年", "10"),
                w(P, "质量指标", "主干道亮灯率", "≥", "正向指标", "98", "%", "20"),
                w(P, "时效指标", "故障路灯修复时间", "≤", "反向指标", "24", "小时", "10"),
                w(P, "成本指标", "单盏路灯年维护成本", "≤", "反向指标", "42.9", "元", "10"),
                w(Q, "社会效益指标", "夜间出行安全", "定性", "正向指标", "明显改善", "", "20"),
                w(G, "服务对象满意度指标", "市民满意度", "≥", "正向指标", "90", "%", "10"),
            ),
        ),
    ),
)

# --- 湖北 鄂州 2022 ---

EZ_TITLE = "2022年市直部门预算项目支出绩效目标表"
EZ_DEPT = "鄂州市水利和湖泊局"
EZ_UNIT = "鄂州市河湖保护中心"

EZHOU = AltDoc(
    stem="ezhou_2022_alt",
    variant="湖北 鄂州 2022",
    fiscal_year=2022,
    unit_line="金额单位：万元",
    filler_line=True,
    about="`填报单位：…` and `金额单位：万元` lines above the table (no 实施单位 cell; a plain "
    "金额 label); the grid a table of its own after the form, its 一级 column holding the 二级 "
    "names repeated on every row; goals ① paragraphs and inline; a prior-year cost of 0.00",
    projects=(
        Project(
            title=EZ_TITLE,
            name="湖泊水生态保护与修复",
            code="4207002200000200311",
            region_code="420700",
            unit_name=EZ_UNIT,
            dept_name=EZ_DEPT,
            category="专项业务类",
            nature="延续性项目",
            legal_basis="《湖北省湖泊保护条例》；《鄂州市湖泊保护规划（2021-2035年）》。",
            amounts={"total": D("147.00")},
            annual_goals=circle("恢复湖泊水生植被1200亩。", "重点湖泊水质达到功能区划要求。"),
            extra={
                "prior_years": ("2020年", "2021年"),
                "costs": (
                    ("水生植被恢复", D("86.40"), "1200亩，每亩720元", D("72"), D("80")),
                    ("湖泊水质监测", D("24.60"), "按监测点位和频次测算", D("22"), D("23.5")),
                    ("湖泊巡查保洁", D("36.00"), "12个湖泊，每个3万元", D("30"), D("33")),
                ),
            },
            annual=(
                derived("数量指标", "恢复水生植被面积", eq("1200", "亩"), PLAN),
                derived("数量指标", "巡查保洁湖泊", eq("12", "个"), PLAN),
                derived("质量指标", "重点湖泊水质达标率", ge("80", "%"), TRADE),
                derived("时效指标", "水生植被种植完成时间", text("6月底前"), PLAN),
                derived("生态效益指标", "湖泊生态环境", text("持续改善"), HISTORY),
                derived("可持续影响指标", "湖泊保护长效机制", text("巩固提高"), PLAN),
                derived("服务对象满意度指标", "周边群众满意度", ge("90", "%"), TRADE),
            ),
        ),
        Project(
            title=EZ_TITLE,
            name="农村水利工程维修养护",
            code="4207002200000200428",
            region_code="420700",
            unit_name=EZ_UNIT,
            dept_name=EZ_DEPT,
            category="专项业务类",
            nature="一次性项目",
            legal_basis="《湖北省农村水利工程管理办法》。",
            amounts={"total": D("216.00")},
            annual_goals=circle("完成8座泵站维修养护。", "完成渠道清淤42公里", inline=True),
            extra={
                "prior_years": ("2020年", "2021年"),
                "costs": (
                    ("泵站维修", D("126.80"), "8座泵站，按维修定额测算", D("110"), D("118")),
                    ("渠道清淤", D("58.20"), "清淤42公里", D("50"), D("55")),
                    ("闸门启闭设备更换", D("31.00"), "按市场询价", D("0"), D("20")),
                ),
            },
            annual=(
                derived("数量指标", "维修泵站", eq("8", "座"), PLAN),
                derived("数量指标", "清淤渠道长度", eq("42", "公里"), PLAN),
                derived("质量指标", "维修工程验收合格率", eq("100", "%"), TRADE),
                derived("时效指标", "汛前维修完成时间", text("4月底前"), PLAN),
                derived("社会效益指标", "保障灌溉面积", ge("3.5", "万亩"), HISTORY),
                derived("经济效益指标", "农业受灾损失", text("降低"), HISTORY),
                derived("服务对象满意度指标", "受益群众满意度", above("90", "%"), TRADE),
            ),
        ),
    ),
)

# --- 陕西 省级 2020 ---

SX_UNIT = "陕西省水土保持工作站"

SHAANXI = AltDoc(
    stem="shaanxi_2020_alt",
    variant="陕西 省级 2020",
    fiscal_year=2020,
    year_line="（2020年度）",
    about="title `项目绩效目标表` with the year on a line of its own (not in table_title); "
    "labels padded with full-width spaces (`项　目　名　称`); `（万元）` labels, the three amounts "
    "as label/value pairs in one row with separators (`1,268.40`); the grid a table of its own, "
    "一级 merged, a blank printed row at its end; goals `1、` paragraphs and unnumbered; "
    "人/年, bare 11 and 2",
    projects=(
        Project(
            title="项目绩效目标表",
            name="黄土高原淤地坝除险加固",
            unit_code="302005",
            unit_name=SX_UNIT,
            amounts={"total": D("1268.4"), "fiscal": D("1200"), "other": D("68.4")},
            annual_goals=dun("完成病险淤地坝除险加固42座。", "新增拦泥能力180万吨。"),
            annual=(
                I(P, "数量指标", "除险加固淤地坝", eq("42", "座")),
                I(P, "数量指标", "新增拦泥能力", ge("180", "万吨")),
                I(P, "质量指标", "工程验收合格率", eq("100", "%")),
                I(P, "时效指标", "项目完成时限", le("10", "个月")),
                I(Q, "生态效益指标", "新增水土流失治理面积", ge("26", "平方公里")),
                I(Q, "社会效益指标", "下游群众防洪安全", text("有效保障")),
                I(Q, "可持续影响指标", "工程运行管护", text("巩固提高")),
                I(G, "服务对象满意度指标", "受益群众满意度", ge("95", "%")),
            ),
        ),
        Project(
            title="项目绩效目标表",
            name="水土保持科普教育基地运行",
            unit_code="302005",
            unit_name=SX_UNIT,
            amounts={"total": D("36"), "fiscal": D("36"), "other": D("0")},
            annual_goals=one("保障水土保持科普教育基地正常开放，提升公众水土保持意识"),
            annual=(
                I(P, "数量指标", "接待参观群众", ge("5000", "人/年")),
                I(P, "数量指标", "举办科普活动场次", eq("11")),
                I(P, "质量指标", "科普展陈更新", eq("2")),
                I(P, "时效指标", "基地开放", text("按时")),
                I(Q, "社会效益指标", "公众水土保持意识", text("明显提高")),
                I(G, "服务对象满意度指标", "参观群众满意度", ge("95", "%")),
            ),
        ),
    ),
)

DOCUMENTS: tuple[AltDoc, ...] = (
    SHANGHAI,
    XIANGTAN,
    NINGXIANG,
    JIAXIAN,
    WUHAN,
    DONGGUAN,
    FENGJIE,
    WUHAI,
    EZHOU,
    SHAANXI,
)
