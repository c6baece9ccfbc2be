"""Every Chinese label the normalizers recognise, as data.

Real documents vary their wording from county to county and year to year. The labels that name
fields and grid columns are template data (`extract/templates/fields.toml`); this file holds
the budget vocabulary the normalizers read values with: categories, comparators, units,
amounts, periods, check boxes, section headings.
"""

from __future__ import annotations

# --- indicator categories ----------------------------------------------------------------------

# 一级指标: the text (score band stripped, see SCORE_MARKS) is matched by the first key contained
# in it. 预期产出 / 效果 are the 东莞 wording of 产出 / 效益.
LEVEL1_CODES: dict[str, str] = {
    "预期产出": "output",
    "产出": "output",
    "效益": "outcome",
    "效果": "outcome",
    "满意": "satisfaction",
    "成本": "cost",
}

# 二级指标: ordered rules, the first that fires wins. A rule is (code, groups, need): it fires
# when at least `need` of its groups have a word contained in the label key. The order carries
# meaning: 满意 before 社会 (`社会公众或服务对象满意度指标` is satisfaction), 成本 before 经济 /
# 社会 / 生态 (`经济成本指标` is cost), and a label naming two or more benefit kinds
# (`社会、经济、生态效益 指标`) is `other` because no single code is true of it.
LEVEL2_RULES: tuple[tuple[str, tuple[tuple[str, ...], ...], int], ...] = (
    ("satisfaction", (("满意",),), 1),
    ("cost", (("成本",),), 1),
    ("cost", (("预算或投资规模控制", "投资规模控制", "预算控制"),), 1),
    ("quantity", (("数量",),), 1),
    ("quality", (("质量",),), 1),
    ("timeliness", (("时效", "进度", "工期"),), 1),
    ("other", (("经济",), ("社会",), ("生态", "环境")), 2),
    ("economic", (("经济",),), 1),
    ("social", (("社会",),), 1),
    ("ecological", (("生态", "环境"),), 1),
    ("sustainability", (("可持续", "持续"),), 1),
)

# Every single-word 二级 rule as word -> code, in rule order (for callers that want the words).
LEVEL2_CODES: dict[str, str] = {
    word: code
    for code, groups, need in LEVEL2_RULES
    if need == 1
    for group in groups
    for word in group
}

# Names that are a 一级指标 whatever column they are printed in (compared by label key, score
# band stripped), and names that may be either level: plain 成本指标 is a 二级 of 产出指标 in
# the older framework and a 一级 of its own in the newer one.
LEVEL1_CATEGORY_NAMES: tuple[str, ...] = (
    "产出指标",
    "预期产出指标",
    "效益指标",
    "效果指标",
    "满意度指标",
    "产出",
    "预期产出",
    "效益",
    "效果",
    "满意度",
)
AMBIGUOUS_CATEGORY_NAMES: tuple[str, ...] = ("成本指标", "成本")
# A category name ends with this word; other text is an indicator name, not a category.
CATEGORY_SUFFIXES: tuple[str, ...] = ("指标",)
# 二级 cost names that belong to the newer 成本指标 一级 rather than under 产出指标.
COST_LEVEL1_QUALIFIERS: tuple[str, ...] = (
    "生态环境成本",
    "经济成本",
    "社会成本",
    "生态成本",
    "环境成本",
)

# A score band after a 一级 name: `成本指标(0-20)分`, `效益指标（30分）`.
SCORE_MARKS: tuple[str, ...] = ("分",)

# The Ministry of Finance's indicator framework: which 二级指标 codes belong under each 一级指标
# code. 成本指标 sits under 产出指标 in the older templates and is a 一级指标 of its own in the
# newer ones, where its 二级 are 经济成本指标, 社会成本指标 and 生态环境成本指标 (all `cost`).
# In the 2015 form (湘潭, 宁乡, 佳县) 社会公众或服务对象满意度指标 is a 二级 of 效益指标.
LEVEL2_UNDER_LEVEL1: dict[str, tuple[str, ...]] = {
    "output": ("quantity", "quality", "timeliness", "cost"),
    "outcome": ("economic", "social", "ecological", "sustainability", "satisfaction"),
    "satisfaction": ("satisfaction",),
    "cost": ("cost",),
}

# The 一级 each 二级 code is filed under when a grid prints no 一级 of its own (a plain 成本指标
# is the older framework's, under 产出指标; see COST_LEVEL1_QUALIFIERS for the newer one).
LEVEL2_PARENT: dict[str, str] = {
    "quantity": "output",
    "quality": "output",
    "timeliness": "output",
    "cost": "output",
    "economic": "outcome",
    "social": "outcome",
    "ecological": "outcome",
    "sustainability": "outcome",
    "satisfaction": "satisfaction",
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
    ("±", "<="),  # a tolerance: `±3%以内` bounds the deviation from above
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
    "批次",
    "盏",
    "头",
    "公顷",
    "栋",
    "倍",
    "万平方米",
    "个工作日",  # `5个工作日内`: `个` alone would leave `工作日` unread
)

# `（含）` between a unit and its suffix comparator (`95%（含）以上`): inclusive, so no change.
INCLUSIVE_MARKS: tuple[str, ...] = ("(含)", "（含）")

# A number right after one of these is a position, not a target (`第3批`).
ORDINAL_PREFIXES: tuple[str, ...] = ("第",)

# Units after which a number is a date, not a target (`2021年底前完成`, `3月底前`).
CALENDAR_UNITS: tuple[str, ...] = ("年", "月", "日")

# --- deadlines and dates as indicator values ------------------------------------------------
# A value made of a date and deadline words (`12月底前`, `2024年12月31日前`, `6月30日之前`,
# `2023年底前完成`, `第三季度`) is qualitative text: the number in it is a date.

DATE_YEAR_MARKS: tuple[str, ...] = ("年度", "年")
DATE_MONTH_MARKS: tuple[str, ...] = ("月份", "月")
DATE_DAY_MARKS: tuple[str, ...] = ("日", "号")
DATE_QUARTER_MARKS: tuple[str, ...] = ("季度",)
DATE_QUARTER_PREFIXES: tuple[str, ...] = ("第",)
# Words naming a point of a year without a number; each anchors a date on its own.
DATE_ANCHOR_WORDS: tuple[str, ...] = (
    "上半年",
    "下半年",
    "年底",
    "年末",
    "年初",
    "年中",
    "年内",
    "当年",
    "本年",
    "今年",
    "次年",
    "明年",
    "年度",
    # a recurring deadline: `每月10日前`
    *("每月", "每年", "每季度", "每季", "每周"),
)
# Words that qualify a date (`底`, `前`, `之前`, `完成`) but do not make one on their own.
DATE_QUALIFIER_WORDS: tuple[str, ...] = (
    "上旬",
    "中旬",
    "下旬",
    "之前",
    "以前",
    "前",
    "底",
    "末",
    "初",
    "中",
    "内",
    "止",
)
# Words that may lead a deadline (`于2024年6月底前`, `截至12月底`).
DATE_LEAD_WORDS: tuple[str, ...] = ("截至", "截止", "力争", "于", "在")
# Between the dates of a list of deadlines (`5月底、11月底前`).
LIST_SEPARATORS: tuple[str, ...] = ("、", "，", ",", "和", "及", "与")
# CJK numerals a month or quarter may be written in (`十二月`, `第三季度`).
CJK_NUMERALS: tuple[str, ...] = tuple("一二三四五六七八九十〇零")

# --- separate value columns -------------------------------------------------------------------

# 指标方向 / 指标方向性 / 指标性质 words giving an indicator's direction.
DIRECTIONS: dict[str, tuple[str, ...]] = {
    "positive": ("正向", "正向指标", "正指标"),
    "negative": ("反向", "反向指标", "逆向", "逆向指标", "负向", "负向指标"),
}
# 指标性质 words for a qualitative indicator (its value cell holds text) and a quantitative one.
QUALITATIVE_NATURES: tuple[str, ...] = ("定性", "定性指标")
QUANTITATIVE_NATURES: tuple[str, ...] = ("定量", "定量指标")
# A 计量单位 / 度量单位 cell holding one of these prints no unit.
EMPTY_UNIT_CELLS: tuple[str, ...] = ("-", "—", "/", "无", "空")
# 计量单位 spellings of a unit the value grammar writes otherwise.
UNIT_ALIASES: dict[str, str] = {"百分比": "%", "百分率": "%", "百分之": "%", "(%)": "%"}
# Units a 权重 / 分值 cell may print after the number (`10分`).
WEIGHT_UNITS: tuple[str, ...] = ("分", "%")

# --- amounts ------------------------------------------------------------------------------------

# Printed amount unit -> multiplier to yuan.
AMOUNT_UNITS: dict[str, int] = {"元": 1, "千元": 1_000, "万元": 10_000, "亿元": 100_000_000}
# Printed amount units that abbreviate one of AMOUNT_UNITS: `250万` is 250 万元.
AMOUNT_UNIT_ALIASES: dict[str, str] = {"万": "万元", "亿": "亿元"}

# Words a numbered item may start with: `目标1：…目标2：…` is a list like `1.… 2.…`.
NUMBERED_ITEM_WORDS: tuple[str, ...] = ("目标", "绩效目标")

# --- sections -----------------------------------------------------------------------------------

PART_ONE_TITLES: tuple[str, ...] = ("部门整体绩效目标", "整体绩效目标", "部门绩效目标")
PART_TWO_TITLES: tuple[str, ...] = ("预算项目绩效目标", "项目绩效目标", "项目支出绩效目标")
OVERALL_GOAL_TITLES: tuple[str, ...] = ("总体绩效目标", "总体目标", "整体绩效目标")
ITEM_GOALS_TITLES: tuple[str, ...] = ("分项绩效目标", "分项目标")
MEASURES_TITLES: tuple[str, ...] = ("工作保障措施", "保障措施")
ITEM_GOAL_LABELS: tuple[str, ...] = ("绩效目标",)
ITEM_INDICATOR_LABELS: tuple[str, ...] = ("绩效指标",)
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

# --- project periods and dates ------------------------------------------------------------------

# Between the start and the end of a period or a range (`2023年4月-2024年2月`, `…至…`).
RANGE_SEPARATORS: tuple[str, ...] = ("-", "－", "—", "–", "―", "~", "～", "〜", "至", "到")
# May follow the start of a period before the separator: `2023年1月起至2023年12月`.
PERIOD_START_MARKS: tuple[str, ...] = ("起", "开始")

# --- leading codes and check boxes --------------------------------------------------------------

# Brackets around a leading code: `[015001]…`, `【015001】…`, `(433)…`, `（433001）…`.
CODE_BRACKETS: tuple[tuple[str, str], ...] = (
    ("[", "]"),
    ("【", "】"),
    ("(", ")"),
    ("（", "）"),
    ("〔", "〕"),
    ("［", "］"),
)
# Between a bare leading code and the name: `820001-井研县马踏镇人民政府`.
CODE_SEPARATORS: tuple[str, ...] = ("-", "－", "—", "–", "_", ":", "：")
# A number followed by one of these is a year or an amount, never a code (`2023年…`, `184万元`).
CODE_NAME_BLOCKERS: tuple[str, ...] = ("年", "万元", "亿元", "千元")
# These block only when nothing CJK follows (`184元`, `250万`), so 元谋县 and 万州区 stay names.
CODE_NAME_BLOCKERS_ALONE: tuple[str, ...] = ("元", "万", "亿")

# Check boxes of 项目性质 / 项目属性 (`新增项目□延续项目√`).
TICKED_MARKS: tuple[str, ...] = ("√", "✓", "✔", "☑", "☒", "■", "▣", "●", "✅")
UNTICKED_MARKS: tuple[str, ...] = ("□", "☐", "○", "〇", "◯")
