"""Every Chinese label the normalizers recognise, as data.

Real documents vary their wording from county to county and year to year; keeping all the
synonyms here means supporting a new template is an edit to this file, not a hunt through code.
Labels are compared after `labels.label_key()` (whitespace, colons and brackets dropped).
"""

from __future__ import annotations

# --- project header table: row/column labels -> canonical field -------------------------------

PROJECT_LABELS: dict[str, tuple[str, ...]] = {
    "project_code": ("项目编码", "项目代码", "项目编号"),
    "project_name": ("项目名称",),
    "budget_block": ("预算规模及资金用途", "预算规模及用途", "项目资金", "资金情况"),
    "budget_total": (
        "预算数",
        "年度资金总额",
        "项目总预算",
        "当年预算",
        "预算金额",
        "年度预算数",
        "预算总额",
        "资金总额",
    ),
    "budget_fiscal": ("其中：财政资金", "财政资金", "其中：财政拨款", "财政拨款", "其中财政资金"),
    "budget_other": ("其他资金", "其它资金", "其中：其他资金", "其中：其它资金"),
    "purpose": ("资金用途", "项目资金用途", "主要用途", "用途"),
    "spending_plan": (
        "资金支出计划（%）",
        "资金支出计划",
        "支出计划（%）",
        "支出计划",
        "资金支出进度",
    ),
    "goals": ("绩效目标", "年度绩效目标", "项目绩效目标", "年度目标"),
}

# --- indicator grid column headers -> canonical column ----------------------------------------

INDICATOR_COLUMNS: dict[str, tuple[str, ...]] = {
    "level1": ("一级指标",),
    "level2": ("二级指标",),
    "level3": ("三级指标", "指标名称", "绩效指标"),
    "description": ("绩效指标描述", "指标描述", "指标内容", "指标解释"),
    "value": ("指标值", "目标值", "绩效指标值", "年度指标值", "指标值（包含数字及文字描述）"),
    "basis": ("指标值确定依据", "确定依据", "指标值设定依据", "指标值依据", "依据"),
}

# --- indicator categories ----------------------------------------------------------------------

# 一级指标: the text is matched by the first key contained in it.
LEVEL1_CODES: dict[str, str] = {
    "产出": "output",
    "效益": "outcome",
    "满意": "satisfaction",
    "成本": "cost",
}

# 二级指标: matched by the first key contained in it, in this order (longest first where one
# contains another: 满意度 before others, 可持续 before 持续).
LEVEL2_CODES: dict[str, str] = {
    "数量": "quantity",
    "质量": "quality",
    "时效": "timeliness",
    "进度": "timeliness",
    "成本": "cost",
    "经济": "economic",
    "社会": "social",
    "生态": "ecological",
    "环境": "ecological",
    "可持续": "sustainability",
    "持续": "sustainability",
    "满意": "satisfaction",
}

# The Ministry of Finance's indicator framework: which 二级指标 codes belong under each 一级指标
# code. 成本指标 sits under 产出指标 in the older templates and is a 一级指标 of its own in the
# newer ones, where its 二级 are 经济成本指标, 社会成本指标 and 生态环境成本指标 (all `cost`).
LEVEL2_UNDER_LEVEL1: dict[str, tuple[str, ...]] = {
    "output": ("quantity", "quality", "timeliness", "cost"),
    "outcome": ("economic", "social", "ecological", "sustainability"),
    "satisfaction": ("satisfaction",),
    "cost": ("cost",),
}

# 一级指标 every project must have (成本 is required only by the newer templates, so not here).
REQUIRED_LEVEL1: tuple[str, ...] = ("output", "outcome", "satisfaction")

# 二级指标 whose targets are measurable by definition: their 指标值 should hold a number.
QUANTITATIVE_LEVEL2: tuple[str, ...] = ("quantity", "quality", "timeliness", "cost")

# How findings and the quality report name each category code: the framework's own wording.
LEVEL1_NAMES: dict[str, str] = {
    "output": "产出指标",
    "outcome": "效益指标",
    "satisfaction": "满意度指标",
    "cost": "成本指标",
    "other": "其他",
}
LEVEL2_NAMES: dict[str, str] = {
    "quantity": "数量指标",
    "quality": "质量指标",
    "timeliness": "时效指标",
    "cost": "成本指标",
    "economic": "经济效益指标",
    "social": "社会效益指标",
    "ecological": "生态效益指标",
    "sustainability": "可持续影响指标",
    "satisfaction": "服务对象满意度指标",
    "other": "其他",
}

# Fields a project table must fill in, as the template labels them: dataset column -> label.
REQUIRED_PROJECT_FIELDS: dict[str, str] = {
    "project_code": "项目编码",
    "project_name": "项目名称",
    "budget_total_yuan": "预算数",
}
REQUIRED_INDICATOR_FIELDS: dict[str, str] = {"level3": "三级指标", "value_raw": "指标值"}

# --- indicator values ---------------------------------------------------------------------------

# Comparator spellings -> canonical comparator, longest first so `≥` never shadows `>=`-like
# words. Checked at the start of a value (after stripping) and, for word forms, anywhere before
# the number.
COMPARATORS: tuple[tuple[str, str], ...] = (
    ("大于或等于", ">="),
    ("小于或等于", "<="),
    ("大于等于", ">="),
    ("小于等于", "<="),
    ("不低于", ">="),
    ("不少于", ">="),
    ("不小于", ">="),
    ("不短于", ">="),
    ("至少", ">="),
    ("以上", ">="),  # suffix form: `90%以上`
    ("不高于", "<="),
    ("不超过", "<="),
    ("不多于", "<="),
    ("不大于", "<="),
    ("不长于", "<="),
    ("最多", "<="),
    ("以内", "<="),  # suffix form: `3天以内`
    ("以下", "<="),  # suffix form
    ("大于", ">"),
    ("高于", ">"),
    ("多于", ">"),
    ("超过", ">"),
    ("小于", "<"),
    ("低于", "<"),
    ("少于", "<"),
    ("等于", "="),
    ("≥", ">="),
    ("≧", ">="),
    ("≤", "<="),
    ("≦", "<="),
    (">=", ">="),
    ("＞=", ">="),
    (">＝", ">="),
    ("＞＝", ">="),
    ("=>", ">="),
    ("<=", "<="),
    ("＜=", "<="),
    ("<＝", "<="),
    ("＜＝", "<="),
    ("=<", "<="),
    (">", ">"),
    ("＞", ">"),
    ("<", "<"),
    ("＜", "<"),
    ("=", "="),
    ("＝", "="),
    ("⩾", ">="),
    ("⩽", "<="),
    ("及以上", ">="),  # suffix form: `90%及以上`
    ("及以下", "<="),  # suffix form
    ("之内", "<="),  # suffix form: `5个工作日之内`
    ("内", "<="),  # suffix form: `5个工作日内` (only ever read right after a number's unit)
)

# Suffix words that carry a comparator after the number (`90%以上`).
SUFFIX_COMPARATORS: frozenset[str] = frozenset(
    {"以上", "以内", "以下", "及以上", "及以下", "之内", "内"}
)

# Units recognised after a number, longest first.
VALUE_UNITS: tuple[str, ...] = (
    "平方公里",
    "平方米",
    "立方米",
    "千瓦时",
    "个百分点",
    "百分点",
    "万元",
    "亿元",
    "千元",
    "万人",
    "人次",
    "户次",
    "公里",
    "千米",
    "小时",
    "分钟",
    "工作日",
    "个月",
    "万亩",
    "元",
    "%",
    "‰",
    "天",
    "日",
    "月",
    "年",
    "周",
    "个",
    "次",
    "人",
    "户",
    "项",
    "件",
    "家",
    "所",
    "座",
    "台",
    "套",
    "辆",
    "亩",
    "份",
    "期",
    "场",
    "本",
    "册",
    "篇",
    "条",
    "处",
    "批",
    "名",
    "位",
    "张",
    "间",
    "株",
    "棵",
    "吨",
    "米",
    "km",
    "m",
    "kg",
    "分",
    "个工作日",  # `5个工作日内`: `个` alone would leave `工作日` unread
)

# --- amounts ------------------------------------------------------------------------------------

# Printed amount unit -> multiplier to yuan.
AMOUNT_UNITS: dict[str, int] = {"元": 1, "千元": 1_000, "万元": 10_000, "亿元": 100_000_000}

# --- sections -----------------------------------------------------------------------------------

PART_ONE_TITLES: tuple[str, ...] = ("部门整体绩效目标", "整体绩效目标", "部门绩效目标")
PART_TWO_TITLES: tuple[str, ...] = ("预算项目绩效目标", "项目绩效目标", "项目支出绩效目标")
OVERALL_GOAL_TITLES: tuple[str, ...] = ("总体绩效目标", "总体目标", "整体绩效目标")
ITEM_GOALS_TITLES: tuple[str, ...] = ("分项绩效目标", "分项目标")
MEASURES_TITLES: tuple[str, ...] = ("工作保障措施", "保障措施")
ITEM_GOAL_LABELS: tuple[str, ...] = ("绩效目标",)
ITEM_INDICATOR_LABELS: tuple[str, ...] = ("绩效指标",)
# A project table heading ends with one of these.
PROJECT_TITLE_SUFFIXES: tuple[str, ...] = ("绩效目标表", "绩效目标申报表", "项目绩效目标表")
# The unit line above a table: `单位：万元`.
UNIT_LABELS: tuple[str, ...] = ("单位", "金额单位")

# --- spending plan periods ----------------------------------------------------------------------

# Period words of 资金支出计划 -> the month the period ends in. An explicit month (`3月底`,
# `十二月`) is read first; these are tried longest first, by containment.
PERIOD_MONTHS: dict[str, int] = {
    "第一季度": 3,
    "第二季度": 6,
    "第三季度": 9,
    "第四季度": 12,
    "一季度": 3,
    "二季度": 6,
    "三季度": 9,
    "四季度": 12,
    "1季度": 3,
    "2季度": 6,
    "3季度": 9,
    "4季度": 12,
    "上半年": 6,
    "年中": 6,
    "下半年": 12,
    "年底": 12,
    "年末": 12,
    "年终": 12,
    "全年": 12,
}
