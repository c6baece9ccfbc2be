"""The content of the declaration_form samples: one DocSpec per document.

Invented departments, projects and values in the forms real documents use (TEMPLATES.md
"Value forms seen"). Amounts are Decimals in the unit the form prints; the layout formats them
and the golden rows convert them to yuan.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from spec import (
    LEVEL1_OF_LEVEL2,
    DocSpec,
    E,
    Goals,
    I,
    Ind,
    Period,
    Project,
    Value,
    above,
    cols,
    eq,
    excel_date,
    ge,
    le,
    not_below,
    pct2,
    pointer,
    text,
    within,
)


def dot(*goals: str, inline: bool = False) -> Goals:
    return Goals(goals, "dot", inline)


def target(*goals: str, inline: bool = False) -> Goals:
    return Goals(goals, "target", inline)


def one(goal: str) -> Goals:
    return Goals((goal,), "none")


def slash(start: str, end: str, first: date, last: date) -> Period:
    """上海: 计划开始日期 and 计划完成日期 in two cells, period_raw joined by ` - `."""
    return Period(f"{start} - {end}", first, last, (start, end))


def derived(level2: str, level3: str, value: Value, basis: str) -> Ind:
    """鄂州: the 一级 column prints the 二级 name; the 一级 follows from it."""
    return Ind(LEVEL1_OF_LEVEL2[level2], level2, level3, value, basis=basis, derived_level1=True)


P, Q, G, S = "产出指标", "效益指标", "满意度指标", "成本指标"

# --- 上海 普陀 2026 ---

SH_TITLE = "财政项目支出绩效目标申报表"
SH_GREEN = "上海市普陀区绿化和市容管理局"
SH_GREEN_UNIT = "上海市普陀区绿化管理事务中心"

SHANGHAI = DocSpec(
    stem="shanghai_putuo_2026",
    variant="上海 普陀 2026",
    fiscal_year=2026,
    year_line="（2026年度）",
    about="3 projects of one unit; amounts in 元 with thousands separators, a carryover, "
    "left/right 其他资金; =100.00(%) ≥90.00(%) 985米 可控 降低 12月底前; goals numbered, "
    "numbered inline, unnumbered (one without a final 。)",
    projects=(
        Project(
            title=SH_TITLE,
            name="苏州河普陀段滨河绿地提升改造工程",
            unit_name=SH_GREEN_UNIT,
            dept_name=SH_GREEN,
            category="基本建设类",
            nature="新增项目",
            period=slash("2026/1/1", "2027/12/31", date(2026, 1, 1), date(2027, 12, 31)),
            amounts={
                "project_total": D("386452600.00"),
                "project_fiscal": D("352000000.00"),
                "carryover": D("24452600.00"),
                "project_other": D("10000000.00"),
                "annual_total": D("168215300.00"),
                "annual_fiscal": D("160000000.00"),
                "annual_other": D("8215300.00"),
            },
            long_goals=dot(
                "完成苏州河普陀段12公里滨河绿地提升改造，贯通滨水公共空间。",
                "建成连续开放的滨河慢行绿道，提升沿岸生态景观品质。",
            ),
            annual_goals=dot(
                "完成一期7公里滨河绿地改造及配套设施建设。",
                "新增公共绿地面积不少于3万平方米。",
            ),
            annual=(
                I(S, "经济成本指标", "年度工程投资控制", le("16821.53", "万元")),
                I(S, "社会成本指标", "施工期间交通影响", text("可控")),
                I(S, "生态环境成本指标", "施工扬尘排放", text("降低")),
                I(P, "数量指标", "滨河绿道贯通长度", eq("7200", "米")),
                I(P, "数量指标", "新增公共绿地面积", ge("30000", "平方米")),
                I(P, "质量指标", "工程验收合格率", pct2("=", "100.00")),
                I(P, "时效指标", "一期工程完工时间", text("12月底前")),
                I(Q, "社会效益指标", "滨水公共空间开放", text("全天候开放")),
                I(Q, "生态效益指标", "沿线绿化覆盖率提升", ge("2", "个百分点")),
                I(Q, "可持续影响指标", "绿地养护长效机制", text("建立并运行")),
                I(G, "服务对象满意度指标", "周边居民满意度", pct2("≥", "90.00")),
            ),
        ),
        Project(
            title=SH_TITLE,
            name="区属公园绿地日常养护",
            unit_name=SH_GREEN_UNIT,
            dept_name=SH_GREEN,
            category="城市维护类",
            nature="延续项目",
            period=slash("2026/1/1", "2026/12/31", date(2026, 1, 1), date(2026, 12, 31)),
            amounts={
                "project_total": D("45860000.00"),
                "project_fiscal": D("45860000.00"),
                "carryover": D("0"),
                "project_other": D("0"),
                "annual_total": D("45860000.00"),
                "annual_fiscal": D("45860000.00"),
                "annual_other": D("0"),
            },
            long_goals=one("保持全区公园绿地整洁有序，绿化养护质量稳定达到一级养护标准。"),
            annual_goals=dot(
                "完成全区38座公园及街头绿地日常养护。",
                "养护质量考核优良率达到95%以上。",
                inline=True,
            ),
            annual=(
                I(S, "经济成本指标", "单位面积年养护成本", le("22.5", "元/平方米")),
                I(P, "数量指标", "养护公园数量", eq("38", "座")),
                I(P, "数量指标", "养护绿地面积", ge("412", "万平方米")),
                I(P, "质量指标", "养护质量考核优良率", ge("95", "%")),
                I(P, "时效指标", "病虫害发现后处置及时率", pct2("=", "100.00")),
                I(Q, "社会效益指标", "游园环境", text("优良")),
                I(Q, "生态效益指标", "古树名木保护率", eq("100", "%")),
                I(G, "服务对象满意度指标", "游客满意度", not_below("90", "%")),
            ),
        ),
        Project(
            title=SH_TITLE,
            name="行道树修剪及安全隐患排查",
            unit_name=SH_GREEN_UNIT,
            dept_name=SH_GREEN,
            category="城市维护类",
            nature="延续项目",
            period=slash("2026/3/1", "2026/11/30", date(2026, 3, 1), date(2026, 11, 30)),
            amounts={
                "project_total": D("6382450.50"),
                "project_fiscal": D("5900000.00"),
                "carryover": D("482450.50"),
                "project_other": D("0"),
                "annual_total": D("5900000.00"),
                "annual_fiscal": D("5900000.00"),
                "annual_other": D("0"),
            },
            long_goals=dot(
                "完成全区主次干道行道树冬季整形修剪和台风季前修剪。",
                "建立行道树安全隐患常态化排查处置机制。",
            ),
            annual_goals=one("完成18600株行道树修剪，及时消除倒伏、断枝等安全隐患"),
            annual=(
                I(S, "经济成本指标", "行道树修剪单价", le("65", "元/株")),
                I(P, "数量指标", "修剪行道树数量", eq("18600", "株")),
                I(P, "数量指标", "新建道路补植路段长度", eq("985", "米")),
                I(P, "质量指标", "修剪作业质量合格率", pct2("≥", "90.00")),
                I(P, "时效指标", "台风季前修剪完成时间", text("6月底前")),
                I(Q, "社会效益指标", "树木倒伏伤人毁物事件", text("降低")),
                I(G, "服务对象满意度指标", "市民满意度", above("95", "%")),
            ),
        ),
    ),
)

SH_EDU = "上海市普陀区教育局"

SHANGHAI_B = DocSpec(
    stem="shanghai_putuo_2026_b",
    variant="上海 普陀 2026",
    fiscal_year=2026,
    year_line="（2026年度）",
    about="2 projects of two units (document unit null); blank amount cells (null), a pointer "
    "项目总目标 (详见单位的项目绩效目标表: no goal row); ≥80M, bare 0, ≥12000人次",
    projects=(
        Project(
            title=SH_TITLE,
            name="中小学智慧校园网络升级改造",
            unit_name="上海市普陀区教育信息中心",
            dept_name=SH_EDU,
            category="信息化项目",
            nature="新增项目",
            period=slash("2026/1/1", "2026/12/31", date(2026, 1, 1), date(2026, 12, 31)),
            amounts={
                "project_total": D("12736800.00"),
                "project_fiscal": D("12736800.00"),
                "carryover": None,
                "project_other": None,
                "annual_total": D("12736800.00"),
                "annual_fiscal": D("12736800.00"),
                "annual_other": None,
            },
            long_goals=dot(
                "完成全区39所中小学校园网络升级改造。",
                "建成覆盖全区的教育城域网，支撑数字化教学常态化应用。",
                inline=True,
            ),
            annual_goals=dot(
                "完成39所学校有线及无线网络改造。",
                "校园出口带宽不低于80M，教学区域无线网络全覆盖。",
                "完成网络安全等级保护测评",
            ),
            annual=(
                I(S, "经济成本指标", "单校改造平均成本", le("32.66", "万元")),
                I(P, "数量指标", "完成改造学校数", eq("39", "所")),
                I(P, "质量指标", "校园出口带宽", ge("80", "M")),
                I(P, "质量指标", "教学区域无线网络覆盖率", pct2("=", "100.00")),
                I(P, "时效指标", "项目完成时间", text("2026年8月底前")),
                I(Q, "社会效益指标", "数字化教学应用水平", text("显著提升")),
                I(Q, "可持续影响指标", "网络运维保障期", ge("3", "年")),
                I(G, "服务对象满意度指标", "师生满意度", pct2("≥", "90.00")),
            ),
        ),
        Project(
            title=SH_TITLE,
            name="青少年科技创新实践活动",
            unit_name="上海市普陀区青少年活动中心",
            dept_name=SH_EDU,
            category="专项业务费",
            nature="延续项目",
            period=slash("2026/2/1", "2026/12/31", date(2026, 2, 1), date(2026, 12, 31)),
            amounts={
                "project_total": D("2158000.00"),
                "project_fiscal": D("1958000.00"),
                "carryover": D("0"),
                "project_other": D("200000.00"),
                "annual_total": D("2158000.00"),
                "annual_fiscal": D("1958000.00"),
                "annual_other": D("200000.00"),
            },
            long_goals=pointer("详见单位的项目绩效目标表"),
            annual_goals=dot(
                "举办科技节、创客营等科创实践活动46场。",
                "参与学生不少于12000人次。",
                "活动安全事故零发生。",
            ),
            annual=(
                I(S, "经济成本指标", "人均活动成本", le("180", "元/人次")),
                I(P, "数量指标", "举办科创活动场次", eq("46", "场")),
                I(P, "数量指标", "参与学生人次", ge("12000", "人次")),
                I(P, "质量指标", "活动安全事故发生数", eq("0")),
                I(P, "时效指标", "活动按计划完成率", ge("95", "%")),
                I(Q, "社会效益指标", "青少年科学素养", text("提高")),
                I(G, "服务对象满意度指标", "学生及家长满意度", pct2("≥", "90.00")),
            ),
        ),
    ),
)

# --- 湖南 湘潭 2023 ---

XT_TITLE = "2023年项目支出绩效目标申报表"
XT_DEPT = "湘潭市交通运输局"
PLAN, TRADE, HISTORY = "计划标准", "行业标准", "历史标准"

XIANGTAN = DocSpec(
    stem="xiangtan_2023",
    variant="湖南 湘潭 2023",
    fiscal_year=2023,
    numbered_titles=True,
    about="titles numbered before the year (`1.2023年…`); no unit printed; 本级 `386万` + "
    "上级 `0` / `86.5万` + `120万`; 2023.07-2024.01 and 2023.03-2024.02 (leap day); every 二级 "
    "row printed, empty ones give no indicator; 10辆 不低于95% 95%以上 降低",
    projects=(
        Project(
            title=XT_TITLE,
            name="城区公交车辆更新购置补助",
            dept_name=XT_DEPT,
            period=Period("2023.07-2024.01", date(2023, 7, 1), date(2024, 1, 31)),
            amounts={"own": D("386"), "upper": D("0")},
            long_goals=dot(
                "完成城区公交车辆更新，淘汰老旧燃油公交车。",
                "提升公交服务品质，引导市民绿色出行。",
            ),
            annual_goals=dot(
                "更新新能源公交车10辆，新建充电桩12个。",
                "乘客满意度不低于95%。",
            ),
            annual=(
                I(P, "数量指标", "更新新能源公交车数量", eq("10", "辆"), basis=PLAN),
                I(P, "数量指标", "新建充电桩数量", eq("12", "个"), basis=PLAN),
                I(P, "质量指标", "车辆验收合格率", eq("100", "%"), basis=TRADE),
                I(P, "时效指标", "车辆交付时间", text("12月底前"), basis=PLAN),
                I(P, "成本指标", "单车购置补助标准", le("38.6", "万元/辆"), basis=PLAN),
                E(Q, "经济效益指标"),
                I(Q, "社会效益指标", "公交线路运力提升", ge("15", "%"), basis=HISTORY),
                I(Q, "环境效益指标", "年减少碳排放量", ge("420", "吨"), basis=TRADE),
                I(Q, "可持续影响指标", "车辆设计使用年限", eq("8", "年"), basis=TRADE),
                I(
                    Q,
                    "社会公众或服务对象满意度指标",
                    "乘客满意度",
                    not_below("95", "%"),
                    basis=PLAN,
                ),
            ),
        ),
        Project(
            title=XT_TITLE,
            name="农村公路安全生命防护工程",
            dept_name=XT_DEPT,
            period=Period("2023.03-2024.02", date(2023, 3, 1), date(2024, 2, 29)),
            amounts={"own": D("86.5"), "upper": D("120")},
            long_goals=one(
                "完成全县农村公路重点路段安全生命防护设施建设，消除临水临崖等安全隐患。"
            ),
            annual_goals=dot(
                "完成46公里农村公路安全防护设施建设。",
                "工程质量合格率不低于95%。",
                inline=True,
            ),
            annual=(
                I(P, "数量指标", "实施安防工程里程", eq("46", "公里"), basis=PLAN),
                I(P, "质量指标", "工程质量合格率", ge("95", "%"), basis=TRADE),
                I(P, "时效指标", "工程完工时限", text("2024年2月底前"), basis=PLAN),
                E(P, "成本指标"),
                E(Q, "经济效益指标"),
                I(Q, "社会效益指标", "农村公路交通事故发生率", text("降低"), basis=HISTORY),
                E(Q, "环境效益指标"),
                E(Q, "可持续影响指标"),
                I(
                    Q,
                    "社会公众或服务对象满意度指标",
                    "沿线群众满意度",
                    above("95", "%"),
                    basis=PLAN,
                ),
            ),
        ),
    ),
)

# --- 湖南 宁乡 2022 ---

NX_DEPT = "宁乡市农业农村局"
SAT = "社会公众或服务对象满意度指标"


def content(level1: str, level2: str, what: str, value: Value, note: str | None = None) -> Ind:
    """A row of a grid without 三级: 指标内容 is the description."""
    return Ind(level1, level2, None, value, description=what, note=note)


NINGXIANG = DocSpec(
    stem="ningxiang_2022",
    variant="湖南 宁乡",
    fiscal_year=2022,
    year_line="（2022年度）",
    about="check boxes (延续项目 / 新增项目 ticked); 年度资金总额及构成 as inline "
    "`财政拨款:1386.0472万元(其中:…)` lines (4 decimals of 万元), other = 自有资金 + 其他; "
    "项目概况, 项目立项的依据; 目标1：… inline and one a paragraph; twin grids 长期 then 年度 "
    "inside the form's table, no 三级 (指标内容 is the description), 备注 notes",
    projects=(
        Project(
            title="项目绩效目标表",
            name="高标准农田建设",
            unit_name=NX_DEPT,
            dept_name=NX_DEPT,
            nature="延续项目",
            period=Period("2022年1月-2024年12月", date(2022, 1, 1), date(2024, 12, 31)),
            amounts={
                "total": D("1436.0472"),
                "fiscal": D("1386.0472"),
                "fiscal_upper": D("600"),
                "fiscal_local": D("786.0472"),
                "own": D("30"),
                "other": D("20"),
            },
            purpose="在全市10个镇街集中连片建设高标准农田3.6万亩，开展土地平整、灌溉排水、"
            "田间道路等工程建设。",
            legal_basis="《湖南省高标准农田建设规划（2021-2030年）》；宁乡市人民政府关于推进"
            "高标准农田建设的实施意见。",
            long_goals=target(
                "建成集中连片高标准农田3.6万亩。",
                "项目区粮食综合生产能力明显提升，农田灌溉保证率达到90%以上。",
                inline=True,
            ),
            annual_goals=target(
                "年度建成高标准农田1.2万亩。",
                "3月底前完成项目开工建设。",
                "受益农户满意度达到95%以上。",
            ),
            long=(
                content(P, "数量指标", "建成高标准农田面积", eq("3.6", "万亩")),
                content(P, "数量指标", "新建及改造小型泵站", eq("8", "座")),
                content(P, "质量指标", "工程验收合格率", eq("100", "%"), "以竣工验收报告为准"),
                E(P, "时效指标"),
                content(P, "成本指标", "亩均建设投入", le("3000", "元/亩")),
                content(Q, "经济效益指标", "项目区粮食亩产提高", ge("50", "公斤")),
                E(Q, "社会效益指标"),
                content(Q, "环境效益指标", "农田灌溉水有效利用系数", ge("0.6")),
                content(Q, "可持续影响指标", "工程设计使用年限", eq("15", "年")),
                content(Q, SAT, "受益农户满意度", ge("90", "%")),
            ),
            annual=(
                content(P, "数量指标", "年度建成高标准农田面积", eq("1.2", "万亩")),
                content(P, "质量指标", "田间工程单元合格率", ge("95", "%")),
                content(P, "时效指标", "项目开工时间", text("3月底前")),
                E(P, "成本指标"),
                E(Q, "经济效益指标"),
                content(Q, "社会效益指标", "带动当地农民务工", eq("350", "人次")),
                content(Q, "环境效益指标", "项目区化肥施用量", text("降低"), "与上年相比"),
                E(Q, "可持续影响指标"),
                content(Q, SAT, "受益农户满意度", above("95", "%")),
            ),
        ),
        Project(
            title="项目绩效目标表",
            name="农村人居环境整治",
            unit_name=NX_DEPT,
            dept_name=NX_DEPT,
            nature="新增项目",
            period=Period("2022年1月-2022年12月", date(2022, 1, 1), date(2022, 12, 31)),
            amounts={
                "total": D("268.5"),
                "fiscal": D("268.5"),
                "fiscal_upper": D("0"),
                "fiscal_local": D("268.5"),
                "own": D("0"),
                "other": D("0"),
            },
            purpose="开展农村厕所改造、生活垃圾收运和村庄清洁行动，改善农村人居环境。",
            legal_basis="《农村人居环境整治提升五年行动方案（2021－2025年）》。",
            long_goals=target(
                "农村卫生厕所普及率稳步提高。",
                "农村生活垃圾收运处置体系覆盖所有行政村",
            ),
            annual_goals=target(
                "完成农村户厕改造1500户。",
                "生活垃圾收运处置行政村覆盖率达到100%。",
                inline=True,
            ),
            long=(
                content(P, "数量指标", "累计完成农村户厕改造", ge("6000", "户")),
                E(P, "质量指标"),
                E(P, "时效指标"),
                E(P, "成本指标"),
                E(Q, "经济效益指标"),
                content(Q, "社会效益指标", "村庄环境面貌", text("明显改善")),
                content(Q, "环境效益指标", "农村生活垃圾无害化处理率", ge("90", "%")),
                E(Q, "可持续影响指标"),
                content(Q, SAT, "农户满意度", ge("90", "%")),
            ),
            annual=(
                content(P, "数量指标", "完成农村户厕改造", eq("1500", "户")),
                content(P, "质量指标", "改厕验收合格率", ge("95", "%")),
                content(P, "时效指标", "改厕任务完成时间", text("11月底前")),
                content(P, "成本指标", "户厕改造奖补标准", le("1200", "元/户")),
                E(Q, "经济效益指标"),
                content(Q, "社会效益指标", "生活垃圾收运处置行政村覆盖率", eq("100", "%")),
                E(Q, "环境效益指标"),
                E(Q, "可持续影响指标"),
                content(Q, SAT, "农户满意度", ge("90", "%")),
            ),
        ),
    ),
)

# --- 陕西 佳县 2021 ---

JX_TITLE = "财政支出项目绩效目标申报表"
JX_DEPT = "佳县教育和体育局"

JIAXIAN = DocSpec(
    stem="jiaxian_2021",
    variant="陕西 佳县",
    fiscal_year=2021,
    year_line="（2021年度）",
    about="check boxes with a space; 年度资金总额及构成（万元） label/value cells, other = "
    "自有资金 + 事业收入 + 经营性收入 + 其他 (12.35 + 0 + 0 + 20.00); 项目起止时间 2021年3月-"
    "2021年11月; twin grids as tables of their own (title row 长期绩效指标 / 年度绩效指标), "
    "no 三级; 及时",
    projects=(
        Project(
            title=JX_TITLE,
            name="城区学校校舍维修改造",
            unit_name=JX_DEPT,
            dept_name=JX_DEPT,
            nature="新增项目",
            period=Period("2021年3月-2021年11月", date(2021, 3, 1), date(2021, 11, 30)),
            amounts={
                "total": D("612.35"),
                "fiscal": D("580"),
                "own": D("12.35"),
                "business": D("0"),
                "operating": D("0"),
                "other": D("20"),
            },
            purpose="对城区4所中小学校舍屋面防水、外墙及门窗等进行维修改造，消除校舍安全隐患。",
            legal_basis="《陕西省中小学校舍安全管理办法》；佳县2021年校舍安全排查报告。",
            long_goals=target(
                "消除城区学校校舍安全隐患，校舍安全达标率保持100%。",
                "改善城区学校办学条件。",
            ),
            annual_goals=target(
                "完成4所学校校舍维修改造。",
                "11月底前全部通过竣工验收。",
                inline=True,
            ),
            long=(
                content(P, "数量指标", "维修改造学校数量", eq("4", "所")),
                content(P, "质量指标", "校舍安全达标率", eq("100", "%")),
                E(P, "时效指标"),
                E(P, "成本指标"),
                E(Q, "经济效益指标"),
                content(Q, "社会效益指标", "城区学校办学条件", text("明显改善")),
                E(Q, "环境效益指标"),
                content(Q, "可持续影响指标", "维修后校舍使用年限", ge("10", "年")),
                content(Q, SAT, "师生及家长满意度", ge("90", "%")),
            ),
            annual=(
                content(P, "数量指标", "完成维修改造学校", eq("4", "所")),
                content(P, "数量指标", "维修校舍面积", eq("8600", "平方米")),
                content(P, "质量指标", "竣工验收合格率", eq("100", "%")),
                content(P, "时效指标", "竣工验收时间", text("11月底前")),
                content(P, "成本指标", "项目总成本", le("612.35", "万元")),
                E(Q, "经济效益指标"),
                content(Q, "社会效益指标", "校舍安全隐患消除", text("及时"), "汛期前完成屋面防水"),
                E(Q, "环境效益指标"),
                E(Q, "可持续影响指标"),
                content(Q, SAT, "师生及家长满意度", ge("90", "%")),
            ),
        ),
        Project(
            title=JX_TITLE,
            name="农村义务教育学生营养改善计划",
            unit_name=JX_DEPT,
            dept_name=JX_DEPT,
            nature="延续项目",
            period=Period("2021年1月-2021年12月", date(2021, 1, 1), date(2021, 12, 31)),
            amounts={
                "total": D("1286.72"),
                "fiscal": D("1286.72"),
                "own": D("0"),
                "business": D("0"),
                "operating": D("0"),
                "other": D("0"),
            },
            purpose="为全县农村义务教育阶段学生提供营养膳食补助，每生每天补助标准5元。",
            legal_basis="《农村义务教育学生营养改善计划实施细则》。",
            long_goals=target(
                "持续改善农村学生营养健康状况。", "营养改善计划覆盖全部农村义务教育学校。"
            ),
            annual_goals=target("为全县农村义务教育学生提供营养膳食补助。", "食品安全事故零发生。"),
            long=(
                content(P, "数量指标", "农村义务教育学校覆盖率", eq("100", "%")),
                E(P, "质量指标"),
                E(P, "时效指标"),
                E(P, "成本指标"),
                E(Q, "经济效益指标"),
                content(Q, "社会效益指标", "学生营养健康状况", text("持续改善")),
                E(Q, "环境效益指标"),
                content(Q, "可持续影响指标", "营养改善计划实施", text("长期")),
                content(Q, SAT, "学生及家长满意度", ge("90", "%")),
            ),
            annual=(
                content(P, "数量指标", "受益学生人数", eq("12868", "人")),
                content(P, "质量指标", "食品安全事故", eq("0", "次")),
                content(P, "时效指标", "补助资金拨付", text("按月")),
                content(P, "成本指标", "生均每天补助标准", eq("5", "元")),
                E(Q, "经济效益指标"),
                content(Q, "社会效益指标", "学生体质健康合格率", text("提高")),
                E(Q, "环境效益指标"),
                E(Q, "可持续影响指标"),
                content(Q, SAT, "学生及家长满意度", ge("95", "%")),
            ),
        ),
    ),
)

# --- 湖北 武汉青山 2020 ---

WH_TITLE = "项目支出绩效目标表"
WH_EDU = "武汉市青山区教育局"

WUHAN = DocSpec(
    stem="wuhan_qingshan_2020",
    variant="湖北 武汉青山 2020",
    fiscal_year=2020,
    year_line="（2020年度）",
    about="主管部门及编码 `[015001]…` (code dropped); 资金总额 `3600万元` beside 当年资金总额; "
    "side-by-side 中期/年度 grid with 一级 on every row, an empty 中期 half (二级 printed, no "
    "三级) and an empty 年度 half; 2020年1月1日-2022年12月31日",
    projects=(
        Project(
            title=WH_TITLE,
            name="青山区中小学校舍改扩建",
            unit_name=WH_EDU,
            dept_code="015001",
            dept_name=WH_EDU,
            period=Period("2020年1月1日-2022年12月31日", date(2020, 1, 1), date(2022, 12, 31)),
            amounts={
                "project_total": D("3600"),
                "project_fiscal": D("3600"),
                "project_other": D("0"),
                "total": D("1250"),
                "fiscal": D("1200"),
                "other": D("50"),
            },
            long_goals=dot(
                "完成6所中小学校舍改扩建，新增学位5400个。", "基本消除城区学校大班额现象。"
            ),
            annual_goals=dot(
                "开工建设2所学校，新增校舍建筑面积18000平方米。", "主体工程12月底前完工"
            ),
            pairs=(
                (
                    I(P, "数量指标", "改扩建学校数量", eq("6", "所")),
                    I(P, "数量指标", "当年开工学校数量", eq("2", "所")),
                ),
                (
                    I(P, "数量指标", "新增学位数", ge("5400", "个")),
                    I(P, "数量指标", "新增校舍建筑面积", ge("18000", "平方米")),
                ),
                (
                    I(P, "质量指标", "工程验收合格率", eq("100", "%")),
                    I(P, "质量指标", "工程质量安全事故", eq("0", "次")),
                ),
                (E(P, "时效指标"), I(P, "时效指标", "主体工程完工时间", text("12月底前"))),
                (
                    I(P, "成本指标", "单位面积造价", le("4500", "元/平方米")),
                    I(P, "成本指标", "当年投资完成率", ge("90", "%")),
                ),
                (
                    I(Q, "社会效益指标", "城区学校大班额比例", text("降低")),
                    I(Q, "社会效益指标", "学位紧张状况", text("有效缓解")),
                ),
                (I(Q, "可持续影响指标", "校舍设计使用年限", ge("50", "年")), None),
                (
                    I(G, "服务对象满意度指标", "学生家长满意度", ge("90", "%")),
                    I(G, "服务对象满意度指标", "学生家长满意度", ge("85", "%")),
                ),
            ),
        ),
        Project(
            title=WH_TITLE,
            name="教育信息化设备购置",
            unit_name=WH_EDU,
            dept_code="015001",
            dept_name=WH_EDU,
            period=Period("2020年3月1日-2020年12月31日", date(2020, 3, 1), date(2020, 12, 31)),
            amounts={
                "project_total": D("480.6"),
                "project_fiscal": D("430.6"),
                "project_other": D("50"),
                "total": D("480.6"),
                "fiscal": D("430.6"),
                "other": D("50"),
            },
            long_goals=one("建成覆盖全区中小学的智慧教室和教育资源公共服务平台。"),
            annual_goals=dot(
                "购置智慧教室设备120套。",
                "设备安装调试12月底前完成。",
                "教师信息化应用培训覆盖率100%。",
                inline=True,
            ),
            pairs=(
                (
                    I(P, "数量指标", "智慧教室建设数量", eq("300", "间")),
                    I(P, "数量指标", "购置智慧教室设备", eq("120", "套")),
                ),
                (None, I(P, "数量指标", "教师信息化培训人次", eq("1800", "人次"))),
                (
                    I(P, "质量指标", "设备验收合格率", eq("100", "%")),
                    I(P, "质量指标", "设备验收合格率", eq("100", "%")),
                ),
                (E(P, "时效指标"), I(P, "时效指标", "设备安装调试完成时间", text("12月底前"))),
                (
                    I(Q, "社会效益指标", "信息化教学常态化应用", text("全面实现")),
                    I(Q, "社会效益指标", "教师信息化应用培训覆盖率", eq("100", "%")),
                ),
                (
                    I(G, "服务对象满意度指标", "师生满意度", ge("90", "%")),
                    I(G, "服务对象满意度指标", "师生满意度", ge("90", "%")),
                ),
            ),
        ),
    ),
)

WH_HEALTH = "武汉市青山区卫生健康局"

WUHAN_B = DocSpec(
    stem="wuhan_qingshan_2020_b",
    variant="湖北 武汉青山 2020",
    fiscal_year=2020,
    year_line="（2020年度）",
    about="2 units of one department (document unit null); 202001-202212 periods; a pointer "
    "中期目标 `（包括总目标、年度目标、分解目标等，具体见表格）`; ≤10个工作日, ≤65万元, "
    "≤5‰, 95%以上, 及时",
    projects=(
        Project(
            title=WH_TITLE,
            name="重大传染病防控",
            unit_name="武汉市青山区疾病预防控制中心",
            dept_code="016001",
            dept_name=WH_HEALTH,
            period=Period("202001-202212", date(2020, 1, 1), date(2022, 12, 31)),
            amounts={
                "project_total": D("1865.4"),
                "project_fiscal": D("1865.4"),
                "project_other": D("0"),
                "total": D("621.8"),
                "fiscal": D("621.8"),
                "other": D("0"),
            },
            long_goals=dot(
                "法定传染病报告率和及时报告率保持100%。",
                "适龄儿童免疫规划疫苗接种率保持在95%以上。",
            ),
            annual_goals=dot(
                "完成辖区传染病监测和流行病学调查。",
                "开展免疫规划疫苗接种。",
                "突发公共卫生事件及时处置。",
            ),
            pairs=(
                (
                    I(P, "数量指标", "传染病监测哨点数", eq("12", "个")),
                    I(P, "数量指标", "流行病学调查完成率", eq("100", "%")),
                ),
                (
                    I(P, "质量指标", "法定传染病报告率", eq("100", "%")),
                    I(P, "质量指标", "适龄儿童免疫规划疫苗接种率", above("95", "%")),
                ),
                (
                    I(P, "时效指标", "突发疫情响应时间", le("2", "小时")),
                    I(P, "时效指标", "突发公共卫生事件处置", text("及时")),
                ),
                (E(P, "成本指标"), I(P, "成本指标", "疫苗冷链运维费用", le("65", "万元"))),
                (
                    I(Q, "社会效益指标", "重大传染病暴发流行", text("有效遏制")),
                    I(Q, "社会效益指标", "甲乙类传染病发病率", text("降低")),
                ),
                (
                    I(G, "服务对象满意度指标", "辖区居民满意度", ge("90", "%")),
                    I(G, "服务对象满意度指标", "辖区居民满意度", ge("90", "%")),
                ),
            ),
        ),
        Project(
            title=WH_TITLE,
            name="孕产妇及儿童健康管理",
            unit_name="武汉市青山区妇幼保健院",
            dept_code="016001",
            dept_name=WH_HEALTH,
            period=Period("202001-202012", date(2020, 1, 1), date(2020, 12, 31)),
            amounts={
                "project_total": D("356.25"),
                "project_fiscal": D("356.25"),
                "project_other": D("0"),
                "total": D("356.25"),
                "fiscal": D("356.25"),
                "other": D("0"),
            },
            long_goals=pointer("（包括总目标、年度目标、分解目标等，具体见表格）"),
            annual_goals=dot("孕产妇系统管理率达到90%以上。", "儿童健康管理率达到90%以上。"),
            pairs=(
                (
                    I(P, "数量指标", "孕产妇系统管理人数", ge("3200", "人")),
                    I(P, "数量指标", "孕产妇系统管理人数", ge("3200", "人")),
                ),
                (
                    I(P, "质量指标", "孕产妇系统管理率", above("90", "%")),
                    I(P, "质量指标", "儿童健康管理率", above("90", "%")),
                ),
                (None, I(P, "时效指标", "新生儿访视完成时限", le("10", "个工作日"))),
                (
                    I(Q, "社会效益指标", "孕产妇死亡率", text("控制在较低水平")),
                    I(Q, "社会效益指标", "婴儿死亡率", le("5", "‰")),
                ),
                (
                    I(G, "服务对象满意度指标", "服务对象满意度", ge("90", "%")),
                    I(G, "服务对象满意度指标", "服务对象满意度", ge("90", "%")),
                ),
            ),
        ),
    ),
)

# --- 广东 东莞 2019 ---

DG_TITLE = "东莞市2019年度财政项目支出绩效目标批复表"
DG_DEPT = "东莞市水务局"
DG_UNIT = "东莞市水务工程建设运营中心"
DG_LONG = "中期滚动目标(2019年--2021年)"
OUT, EFFECT = "预期产出指标", "效果指标"
QTY, TIME, BUDGET = "数量指标(或建筑规模指标)", "时效指标(工期指标)", "预算(或投资规模)控制指标"
BENEFIT = "社会、经济、生态效益指标"

DONGGUAN = DocSpec(
    stem="dongguan_2019",
    variant="广东 东莞 2019",
    fiscal_year=2019,
    about="year inside the title line; 预算单位; 中期市财政预算(万元) / "
    "本年度申请市财政预算资金(万元); "
    "no period (the 中期滚动目标(2019年--2021年) label is not one); 绩效指标 label column, "
    "一级 预期产出指标/效果指标 merged over 中期/年度 halves, 二级 with parentheses; ±3%以内 "
    "±5%以内 及时 0% 180万",
    projects=(
        Project(
            title=DG_TITLE,
            name="石马河流域水质净化工程运行维护",
            unit_name=DG_UNIT,
            dept_name=DG_DEPT,
            amounts={"mid": D("12860"), "annual": D("3426.5")},
            long_goals=one("保障石马河流域水质净化工程稳定运行，流域水质持续改善。"),
            annual_goals=one("全年处理污水不少于1200万吨，出水水质稳定达标。"),
            extra={"long_label": DG_LONG},
            pairs=(
                (
                    I(OUT, QTY, "处理污水总量", ge("3650", "万吨")),
                    I(OUT, QTY, "年处理污水量", ge("1200", "万吨")),
                ),
                (
                    I(OUT, "质量指标", "出水水质达标率", eq("100", "%")),
                    I(OUT, "质量指标", "出水水质达标率", eq("100", "%")),
                ),
                (
                    I(OUT, TIME, "设备故障处理", text("及时")),
                    I(OUT, TIME, "设备故障修复时间", le("48", "小时")),
                ),
                (
                    I(OUT, BUDGET, "运维费用偏差率", within("3")),
                    I(OUT, BUDGET, "年度预算超支率", eq("0", "%")),
                ),
                (
                    I(EFFECT, BENEFIT, "流域水质状况", text("持续改善")),
                    I(EFFECT, BENEFIT, "化学需氧量削减量", ge("2800", "吨")),
                ),
                (I(EFFECT, "可持续影响指标", "设施完好率", ge("98", "%")), None),
                (
                    I(EFFECT, SAT, "沿河居民满意度", ge("85", "%")),
                    I(EFFECT, SAT, "沿河居民满意度", ge("85", "%")),
                ),
            ),
        ),
        Project(
            title=DG_TITLE,
            name="小型水库除险加固",
            unit_name=DG_UNIT,
            dept_name=DG_DEPT,
            amounts={"mid": D("1560"), "annual": D("486")},
            long_goals=one("完成全市12座小型水库除险加固，消除病险隐患。"),
            annual_goals=one("完成4座小型水库除险加固主体工程"),
            extra={"long_label": DG_LONG},
            pairs=(
                (
                    I(OUT, QTY, "除险加固水库数量", eq("12", "座")),
                    I(OUT, QTY, "除险加固水库数量", eq("4", "座")),
                ),
                (
                    I(OUT, "质量指标", "工程质量合格率", eq("100", "%")),
                    I(OUT, "质量指标", "单元工程优良率", ge("85", "%")),
                ),
                (
                    I(OUT, TIME, "工程完工时间", text("2021年底前")),
                    I(OUT, TIME, "主体工程完工时间", text("汛期前")),
                ),
                (
                    I(OUT, BUDGET, "投资控制", text("不超概算")),
                    I(OUT, BUDGET, "年度投资偏差率", within("5")),
                ),
                (
                    I(EFFECT, BENEFIT, "受益人口", eq("180", "万")),
                    I(EFFECT, BENEFIT, "保护下游农田面积", eq("2.6", "万亩")),
                ),
                (
                    I(EFFECT, SAT, "受益群众满意度", ge("90", "%")),
                    I(EFFECT, SAT, "受益群众满意度", ge("90", "%")),
                ),
            ),
        ),
    ),
)

# --- 重庆 奉节 2023 ---

FJ_DEPT = "奉节县交通运输委员会"
COST_B, OUT_B, EFF_B, SAT_B = (
    "成本指标(0-20)分",
    "产出指标(40-50)分",
    "效益指标(20-30)分",
    "满意度指标(0-10)分",
)


def scored(level1: str, level2: str, level3: str, value: Value, weight: str, why: str) -> Ind:
    return Ind(level1, level2, level3, value, description=why, weight=weight)


FENGJIE = DocSpec(
    stem="fengjie_2023",
    variant="重庆 奉节 2023",
    fiscal_year=2023,
    year_line="（2023年度）",
    unit_line="金额单位：万元",
    numbered_titles=True,
    about="page titles `N.<项目名称>支出绩效目标审批表` with a year line; project codes with the "
    "division code 500236; amount labels in a row, values below, 财政资金科目代码 (not mapped); a "
    "funds-block row 年度预算执行率 | 100% | 分值 | 10分 (no indicator); score bands in 一级, "
    "分值 weights, 指标解释; ≤65万元 ≤0.6万元/公里 可控; one unnumbered goal",
    projects=(
        Project(
            title="农村公路日常养护项目支出绩效目标审批表",
            name="农村公路日常养护项目",
            code="500236230000000001217",
            region_code="500236",
            unit_name=FJ_DEPT,
            dept_name=FJ_DEPT,
            amounts={
                "project_total": D("1850"),
                "total": D("426"),
                "fiscal": D("400"),
                "other": D("26"),
            },
            annual_goals=one(
                "完成全县710公里农村公路日常养护，路面技术状况优良率达到80%以上，保障群众安全"
                "便捷出行。"
            ),
            extra={"subject_code": "2140106", "execution": ("100%", "10分")},
            annual=(
                scored(
                    COST_B,
                    "经济成本指标",
                    "每公里年养护成本",
                    le("0.6", "万元/公里"),
                    "10",
                    "年度养护资金与养护里程之比",
                ),
                scored(
                    COST_B,
                    "社会成本指标",
                    "养护作业交通管制影响",
                    text("可控"),
                    "5",
                    "养护作业期间对群众出行的影响",
                ),
                scored(
                    COST_B,
                    "生态环境成本指标",
                    "养护废弃物处置",
                    text("按规定处置"),
                    "5",
                    "清理的废弃物按环保要求处置",
                ),
                scored(
                    OUT_B,
                    "数量指标",
                    "养护农村公路里程",
                    eq("710", "公里"),
                    "15",
                    "纳入日常养护的农村公路里程",
                ),
                scored(
                    OUT_B,
                    "数量指标",
                    "清理边沟长度",
                    ge("1500", "公里"),
                    "5",
                    "年度清理边沟累计长度",
                ),
                scored(
                    OUT_B,
                    "质量指标",
                    "路面技术状况优良率",
                    ge("80", "%"),
                    "10",
                    "按公路技术状况评定标准评定",
                ),
                scored(
                    OUT_B,
                    "时效指标",
                    "水毁路段抢通时间",
                    le("48", "小时"),
                    "10",
                    "水毁发生至恢复通行的时间",
                ),
                scored(
                    EFF_B,
                    "社会效益指标",
                    "群众出行条件",
                    text("改善"),
                    "10",
                    "农村公路通行条件改善情况",
                ),
                scored(
                    EFF_B,
                    "可持续影响指标",
                    "农村公路列养率",
                    eq("100", "%"),
                    "10",
                    "列入养护计划的里程占比",
                ),
                scored(
                    SAT_B,
                    "服务对象满意度指标",
                    "沿线群众满意度",
                    ge("90", "%"),
                    "10",
                    "抽样调查沿线群众满意程度",
                ),
            ),
        ),
        Project(
            title="客运码头安全管理项目支出绩效目标审批表",
            name="客运码头安全管理项目",
            code="500236230000000001386",
            region_code="500236",
            unit_name=FJ_DEPT,
            dept_name=FJ_DEPT,
            amounts={
                "project_total": D("96.8"),
                "total": D("96.8"),
                "fiscal": D("96.8"),
                "other": D("0"),
            },
            annual_goals=one("保障全县9座客运码头安全运行，全年水上交通安全事故零发生。"),
            extra={"subject_code": "2140199"},
            annual=(
                scored(
                    COST_B,
                    "经济成本指标",
                    "码头安全设施维护费用",
                    le("65", "万元"),
                    "20",
                    "全年安全设施维护支出",
                ),
                scored(
                    OUT_B,
                    "数量指标",
                    "安全管理客运码头数量",
                    eq("9", "座"),
                    "15",
                    "纳入安全管理的客运码头",
                ),
                scored(
                    OUT_B, "数量指标", "安全巡查次数", ge("240", "次"), "10", "全年码头安全巡查次数"
                ),
                scored(
                    OUT_B,
                    "质量指标",
                    "安全隐患整改率",
                    eq("100", "%"),
                    "10",
                    "发现隐患按期整改的比例",
                ),
                scored(
                    OUT_B,
                    "时效指标",
                    "隐患整改时限",
                    le("7", "天"),
                    "5",
                    "隐患发现至整改完成的时间",
                ),
                scored(
                    EFF_B,
                    "社会效益指标",
                    "水上交通安全事故",
                    eq("0", "起"),
                    "20",
                    "全年发生的水上交通安全事故",
                ),
                scored(
                    SAT_B,
                    "服务对象满意度指标",
                    "旅客满意度",
                    ge("90", "%"),
                    "10",
                    "抽样调查旅客满意程度",
                ),
            ),
        ),
    ),
)

# --- 内蒙古 乌海 2021 ---

WU_TITLE = "2021年度项目支出绩效目标表"
WU_FARM = "乌海市农牧局(部门)"
WU_FARM_UNIT = "乌海市农牧技术推广中心"


def col_row(
    level1: str,
    level2: str,
    level3: str,
    reading: tuple[Value, object],
    weight: str,
    note: str | None = None,
) -> Ind:
    return I(level1, level2, level3, reading, weight=weight, note=note)  # type: ignore[arg-type]


WUHAI = DocSpec(
    stem="wuhai_2021",
    variant="内蒙古 乌海 2021",
    fiscal_year=2021,
    about="codes in parentheses: 项目类别 `(31)部门预算项目`, 主管部门 `(215)…(部门)`, 实施单位 "
    "`(215003)…`; 投入目标(万元) 45.6 / 45.6 / 0 and 18 / 15 / 3; 目标1：… inline and one a "
    "paragraph; 指标性质 holds 正向/反向, 指标方向 holds = ≥ ≤, 目标值, 计量单位 (人/次), "
    "分值, 备注; an "
    "Excel date serial 44,561 in a 时效 目标值 (2021-12-31)",
    projects=(
        Project(
            title=WU_TITLE,
            name="农作物病虫害统防统治",
            unit_code="215003",
            unit_name=WU_FARM_UNIT,
            dept_code="215",
            dept_name=WU_FARM,
            category="(31)部门预算项目",
            amounts={"total": D("45.6"), "fiscal": D("45.6"), "other": D("0")},
            annual_goals=target(
                "完成农作物病虫害统防统治3.2万亩。",
                "病虫害防治效果达到85%以上，挽回粮食损失600吨以上。",
                inline=True,
            ),
            annual=(
                col_row(P, "数量指标", "统防统治面积", cols("正向", "≥", "3.2", "万亩"), "20"),
                col_row(P, "数量指标", "技术培训人次", cols("正向", "=", "24", "人/次"), "10"),
                col_row(P, "质量指标", "病虫害防治效果", cols("正向", "≥", "85", "%"), "10"),
                col_row(
                    P,
                    "时效指标",
                    "防治任务完成时限",
                    excel_date("正向", "≤", "44,561"),
                    "10",
                    "年底前完成",
                ),
                col_row(P, "成本指标", "亩均防治成本", cols("反向", "≤", "12", "元/亩"), "10"),
                col_row(Q, "经济效益指标", "挽回粮食损失", cols("正向", "≥", "600", "吨"), "10"),
                col_row(
                    Q,
                    "生态效益指标",
                    "化学农药使用量",
                    cols("反向", "≤", "0.6", "吨"),
                    "10",
                    "较上年减少",
                ),
                col_row(
                    G, "服务对象满意度指标", "种植户满意度", cols("正向", "≥", "90", "%"), "10"
                ),
            ),
        ),
        Project(
            title=WU_TITLE,
            name="基层农技推广体系改革与建设补助",
            unit_code="215003",
            unit_name=WU_FARM_UNIT,
            dept_code="215",
            dept_name=WU_FARM,
            category="(32)上级转移支付项目",
            amounts={"total": D("18"), "fiscal": D("15"), "other": D("3")},
            annual_goals=target("培育农业科技示范主体120户。", "建设农业科技试验示范基地2个。"),
            annual=(
                col_row(P, "数量指标", "培育科技示范主体", cols("正向", "=", "120", "户"), "20"),
                col_row(P, "数量指标", "建设试验示范基地", cols("正向", "=", "2", "个"), "20"),
                col_row(P, "质量指标", "主推技术到位率", cols("正向", "≥", "95", "%"), "20"),
                col_row(
                    Q, "社会效益指标", "示范主体辐射带动农户", cols("正向", "≥", "1200", "户"), "20"
                ),
                col_row(
                    G,
                    "服务对象满意度指标",
                    "服务对象满意度",
                    cols("正向", "≥", "90", "%"),
                    "10",
                    "问卷调查",
                ),
            ),
        ),
    ),
)

WU_CULTURE = "乌海市文化旅游体育局(部门)"

WUHAI_B = DocSpec(
    stem="wuhai_2021_b",
    variant="内蒙古 乌海 2021",
    fiscal_year=2021,
    about="2 units (document unit null); 指标性质 `定性` rows (text, no comparator, no "
    "direction); 万人次 小时/周 in 计量单位; 反向 ≤ rows; one unnumbered 年度目标",
    projects=(
        Project(
            title=WU_TITLE,
            name="全民健身赛事活动",
            unit_code="302001",
            unit_name="乌海市文化旅游体育局",
            dept_code="302",
            dept_name=WU_CULTURE,
            category="(31)部门预算项目",
            amounts={"total": D("126.5"), "fiscal": D("126.5"), "other": D("0")},
            annual_goals=target(
                "举办市级全民健身赛事活动15项。",
                "参与群众不少于3万人次。",
                "赛事活动安全事故零发生。",
                inline=True,
            ),
            annual=(
                col_row(P, "数量指标", "举办赛事活动", cols("正向", "≥", "15", "项"), "20"),
                col_row(P, "数量指标", "参与群众", cols("正向", "≥", "3", "万人次"), "10"),
                col_row(P, "质量指标", "赛事组织规范", cols("定性", "", "优良"), "10"),
                col_row(P, "时效指标", "赛事活动按期完成率", cols("正向", "=", "100", "%"), "10"),
                col_row(P, "成本指标", "单项赛事平均成本", cols("反向", "≤", "8.4", "万元"), "10"),
                col_row(Q, "社会效益指标", "群众健身意识", cols("定性", "", "明显增强"), "20"),
                col_row(
                    G,
                    "服务对象满意度指标",
                    "参赛群众满意度",
                    cols("正向", "≥", "90", "%"),
                    "10",
                    "现场问卷",
                ),
            ),
        ),
        Project(
            title=WU_TITLE,
            name="公共图书馆免费开放",
            unit_code="302004",
            unit_name="乌海市图书馆",
            dept_code="302",
            dept_name=WU_CULTURE,
            category="(32)上级转移支付项目",
            amounts={"total": D("40"), "fiscal": D("40"), "other": D("0")},
            annual_goals=one("保障图书馆全年免费开放，提升公共文化服务水平。"),
            annual=(
                col_row(P, "数量指标", "年接待读者", cols("正向", "≥", "25", "万人次"), "20"),
                col_row(P, "数量指标", "新增馆藏图书", cols("正向", "≥", "8000", "册"), "10"),
                col_row(
                    P, "质量指标", "每周免费开放时间", cols("正向", "≥", "56", "小时/周"), "10"
                ),
                col_row(P, "时效指标", "新书上架周期", cols("反向", "≤", "30", "天"), "10"),
                col_row(Q, "社会效益指标", "公共文化服务水平", cols("定性", "", "提高"), "20"),
                col_row(G, "服务对象满意度指标", "读者满意度", cols("正向", "≥", "95", "%"), "10"),
            ),
        ),
    ),
)

# --- 湖北 鄂州 2022 ---

EZ_TITLE = "2022年市直部门预算项目支出绩效目标表"
EZ_DEPT = "鄂州市农业农村局"
EZ_UNIT = "鄂州市农业技术推广中心"

EZHOU = DocSpec(
    stem="ezhou_2022",
    variant="湖北 鄂州 2022",
    fiscal_year=2022,
    about="year inside the title line; project codes with the division code 420700; 项目类别, "
    "项目性质, 立项依据; a 项目预算成本构成 block (合计 = budget total, two prior years); "
    "the grid's "
    "一级 column prints 二级 names (merged), 二级 column the indicator: level1 derived; 绩效标准",
    projects=(
        Project(
            title=EZ_TITLE,
            name="农业科技推广与示范",
            code="4207002200000100137",
            region_code="420700",
            unit_name=EZ_UNIT,
            dept_name=EZ_DEPT,
            category="专项业务类",
            nature="延续性项目",
            legal_basis="《湖北省基层农技推广补助项目实施指导意见》（鄂农发〔2021〕12号）。",
            amounts={"total": D("97.60")},
            annual_goals=dot(
                "建设农业科技示范基地6个。",
                "培训新型职业农民800人次以上。",
                "主推技术到位率达到95%以上。",
            ),
            extra={
                "prior_years": ("2020年", "2021年"),
                "costs": (
                    ("示范基地建设", D("62.40"), "6个基地，每个10.4万元", D("55"), D("58")),
                    ("新型职业农民培训", D("28.80"), "800人次，每人次360元", D("26"), D("27.5")),
                    ("技术资料印制", D("6.40"), "按市场询价", D("5"), D("6")),
                ),
            },
            annual=(
                derived("数量指标", "建设示范基地", eq("6", "个"), PLAN),
                derived("数量指标", "培训新型职业农民", ge("800", "人次"), PLAN),
                derived("质量指标", "主推技术到位率", ge("95", "%"), TRADE),
                derived("时效指标", "示范任务完成时间", text("11月底前"), PLAN),
                derived("社会效益指标", "带动周边农户应用新技术", eq("180", "户"), HISTORY),
                derived("可持续影响指标", "示范基地持续运行", ge("3", "年"), PLAN),
                derived("服务对象满意度指标", "参训农民满意度", ge("90", "%"), TRADE),
            ),
        ),
        Project(
            title=EZ_TITLE,
            name="动物疫病强制免疫",
            code="4207002200000100215",
            region_code="420700",
            unit_name=EZ_UNIT,
            dept_name=EZ_DEPT,
            category="专项业务类",
            nature="一次性项目",
            legal_basis="《中华人民共和国动物防疫法》；《湖北省动物疫病强制免疫计划》。",
            amounts={"total": D("258.36")},
            annual_goals=dot(
                "重大动物疫病强制免疫密度常年保持在90%以上。",
                "全年不发生区域性重大动物疫情",
                inline=True,
            ),
            extra={
                "prior_years": ("2020年", "2021年"),
                "costs": (
                    ("疫苗采购", D("186.36"), "按省级招标价格测算", D("172"), D("180")),
                    ("免疫耗材及防护用品", D("42.00"), "按免疫数量测算", D("38.5"), D("40")),
                    ("村级防疫员补助", D("30.00"), "150人，每人2000元", D("30"), D("30")),
                ),
            },
            annual=(
                derived("数量指标", "生猪免疫数量", ge("48", "万头"), PLAN),
                derived("数量指标", "家禽免疫数量", ge("1200", "万羽"), PLAN),
                derived("质量指标", "强制免疫密度", ge("90", "%"), TRADE),
                derived("质量指标", "免疫抗体合格率", ge("70", "%"), TRADE),
                derived("时效指标", "春秋集中免疫完成时间", text("5月底、11月底前"), PLAN),
                derived("社会效益指标", "区域性重大动物疫情", text("不发生"), HISTORY),
                derived("服务对象满意度指标", "养殖户满意度", ge("90", "%"), TRADE),
            ),
        ),
    ),
)

# --- 陕西 省级 2020 ---

SX_TITLE = "项目绩效目标表（2020年度）"
SX_UNIT = "陕西省环境监测中心站"

SHAANXI = DocSpec(
    stem="shaanxi_2020",
    variant="陕西 省级 2020",
    fiscal_year=2020,
    unit_line="单位：万元",
    about="the year in parentheses on the title line (kept); a `单位：万元` line; 单位名称 "
    "`301008-…` (unit code); label cells 资金总额 / 财政拨款 / 其他资金 / 年度目标; bare `2` and "
    "`11`, 优良, 及时, ≤10个工作日, 4次/年",
    projects=(
        Project(
            title=SX_TITLE,
            name="秦岭生态环境质量监测",
            unit_code="301008",
            unit_name=SX_UNIT,
            amounts={"total": D("368.25"), "fiscal": D("368.25"), "other": D("0")},
            annual_goals=one(
                "完成秦岭范围内空气、地表水和生态质量例行监测，及时发布监测信息，为秦岭生态环境"
                "保护提供数据支撑。"
            ),
            annual=(
                I(P, "数量指标", "空气自动监测站点运维数量", eq("38", "个")),
                I(P, "数量指标", "发布秦岭生态环境质量报告", eq("2")),
                I(P, "质量指标", "监测数据有效率", ge("90", "%")),
                I(P, "时效指标", "监测信息发布", text("及时")),
                I(Q, "生态效益指标", "秦岭生态环境质量", text("优良")),
                I(Q, "社会效益指标", "监测数据服务管理决策", text("有效支撑")),
                I(G, "服务对象满意度指标", "管理部门满意度", ge("95", "%")),
            ),
        ),
        Project(
            title=SX_TITLE,
            name="重点排污单位监督性监测",
            unit_code="301008",
            unit_name=SX_UNIT,
            amounts={"total": D("156.8"), "fiscal": D("120"), "other": D("36.8")},
            annual_goals=dot(
                "完成全省重点排污单位监督性监测。",
                "监督性监测报告审批办结时限不超过10个工作日。",
            ),
            annual=(
                I(P, "数量指标", "监督性监测企业数量", eq("11")),
                I(P, "数量指标", "监测频次", eq("4", "次/年")),
                I(P, "质量指标", "监测质控合格率", ge("95", "%")),
                I(P, "时效指标", "监测报告审批办结时限", le("10", "个工作日")),
                I(Q, "生态效益指标", "重点排污单位达标排放率", text("提高")),
                I(G, "服务对象满意度指标", "生态环境管理部门满意度", ge("90", "%")),
            ),
        ),
    ),
)

DOCUMENTS: tuple[DocSpec, ...] = (
    SHANGHAI,
    SHANGHAI_B,
    XIANGTAN,
    NINGXIANG,
    JIAXIAN,
    WUHAN,
    WUHAN_B,
    DONGGUAN,
    FENGJIE,
    WUHAI,
    WUHAI_B,
    EZHOU,
    SHAANXI,
)
