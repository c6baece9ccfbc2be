"""The recognition engines, one mechanism per test, on small documents of the model.

Each test names the layout difference of TEMPLATES.md it covers; the samples' golden tests
cover the same differences on whole rendered documents.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from extract.normalizers.labels import label_key
from extract.templates import TemplateError, load_templates, parse_template, vocabulary
from forms_builder import MERGED, codes, read, table

GRID = ["一级指标", "二级指标", "三级指标", "指标值"]


def _project(result: Any, seq: int = 1) -> dict[str, Any]:
    row: dict[str, Any] = result.projects[seq - 1]
    return row


# --- templates as data --------------------------------------------------------------------------


def test_every_builtin_template_loads_and_names_known_fields() -> None:
    ids = [t.id for t in load_templates()]
    assert ids == ["project_table", "declaration_form", "flat_sheet", "narrative"]
    assert {t.family for t in load_templates()} == set(ids)


@pytest.mark.parametrize("spec", [t for t in load_templates() if t.fields], ids=lambda t: t.id)
def test_no_label_names_two_fields_of_one_template(spec: Any) -> None:
    seen: dict[str, str] = {}
    for field in spec.fields:
        for label in (*field.labels, *field.either, *field.parts):
            key = label_key(label)
            assert seen.setdefault(key, field.name) == field.name, (label, seen[key], field.name)


def test_grid_columns_are_unambiguous() -> None:
    seen: dict[str, str] = {}
    for column, labels in vocabulary().grid.columns.items():
        for label in labels:
            assert seen.setdefault(label_key(label), column) == column, label


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"id": "x", "engine": "form", "feilds": []}, "unknown key 'feilds'"),
        ({"id": "x", "engine": "grid"}, "engine must be one of"),
        ({"id": "x", "engine": "form", "fields": ["project_nme"]}, "unknown field project_nme"),
        (
            {"id": "x", "engine": "form", "fields": ["project_name"], "signature": ["unit_name"]},
            "signature fields must be among its fields",
        ),
    ],
)
def test_a_template_with_a_typo_is_refused(data: dict[str, Any], message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        parse_template("x.toml", data, vocabulary())


# --- nothing invented ---------------------------------------------------------------------------


def test_a_budget_table_is_no_project() -> None:
    budget = table(
        [
            ["项目名称", "预算数", "财政拨款", "其他资金"],
            ["办公设备购置", "12.00", "12.00", "0"],
            ["合计", "12.00", "12.00", "0"],
        ]
    )
    result = read("单位：万元", budget)
    assert result.projects == []
    assert codes(result) == ["no_target_tables"]


def test_a_sentence_with_an_amount_is_no_unit_line() -> None:
    form = table(
        [
            ["项目编码", "X1", "项目名称", "评审费"],
            ["预算规模及资金用途", "预算数", "13.00", "其中：财政资金", "13.00", "其他资金", "0"],
            ["绩效目标", "完成评审"],
        ]
    )
    grid = table([GRID, ["产出指标", "数量指标", "评审次数", "≥20次"]], 2)
    result = read("1.评审费绩效目标表", "184.59万元，主要用于评审", "单位：万元", form, grid)
    project = _project(result)
    assert (project["unit_code"], project["unit_name"]) == (None, None)
    assert project["budget_total_yuan"] == Decimal("130000.00")


def test_a_pinned_template_that_does_not_fit_says_so() -> None:
    form = table(
        [
            ["项目名称", "评审费"],
            ["年度目标", "完成评审"],
            GRID,
            ["产出指标", "数量", "次数", "2次"],
        ]
    )
    result = read(form, template="narrative")
    assert result.projects == []
    assert "template_unmatched" in codes(result)


# --- header blocks ------------------------------------------------------------------------------


def test_labels_over_a_row_of_values_and_amount_scopes() -> None:
    """奉节: 项目总预算 | 当年年度预算 | 其中:财政资金 | 其中:其它资金 over their values."""
    form = table(
        [
            ["项目名称", ("水库维修", 1, 4)],
            [
                "项目总预算（万元）",
                "当年年度预算（万元）",
                "其中:财政资金",
                "其中:其它资金",
                "财政资金科目代码",
            ],
            ["500", "120", "100", "20", "2130101"],
            ["年度主要目标和成果", ("1.完成维修。2.汛前完工。", 1, 4)],
            [*GRID, "分值"],
            ["产出指标", "数量指标", "维修座数", "3座", "10"],
        ]
    )
    project = _project(read("水库维修支出绩效目标审批表", form))
    assert project["budget_project_total_yuan"] == Decimal("5000000.00")
    assert project["budget_total_yuan"] == Decimal("1200000.00")
    assert project["budget_fiscal_yuan"] == Decimal("1000000.00")
    assert project["budget_other_yuan"] == Decimal("200000.00")
    assert project["amount_unit"] == "万元"


def test_the_whole_projects_column_is_not_this_years() -> None:
    """上海: 项目资金总额 | 其中：财政资金 | 其他资金 beside 年度资金申请总额 | … | 其他资金."""
    form = table(
        [
            ["项目名称", ("道路养护", 1, 4)],
            [("项目资金（元）", 3, 1), "项目资金总额", "900.00", "年度资金申请总额", "300.00"],
            [MERGED, "其中：财政资金", "800.00", "其中：当年财政拨款", "250.00"],
            [MERGED, "其他资金", "100.00", "其他资金", "50.00"],
            ["年度总体目标", ("完成养护。", 1, 4)],
            [*GRID, MERGED],
            ["产出指标", "数量指标", "养护里程", ("≥12公里", 1, 2)],
        ]
    )
    project = _project(read("财政项目支出绩效目标申报表", "（2026年度）", form))
    assert project["budget_project_total_yuan"] == Decimal("900.00")
    assert project["budget_total_yuan"] == Decimal("300.00")
    assert project["budget_fiscal_yuan"] == Decimal("250.00")
    assert project["budget_other_yuan"] == Decimal("50.00")


def test_parts_add_up_and_inline_pairs_in_one_cell() -> None:
    """宁乡: 总额 / 财政拨款(其中…) / 自有资金 / 其他 as `label:value` lines of one cell."""
    amounts = "总额:110万元\n财政拨款:100万元(其中:上级财政资金:60万元)\n二、自有资金:4万元\n三、其他:6万元"
    form = table(
        [
            ["项目名称", "农田建设"],
            ["年度资金总额及构成", amounts],
            ["年度目标", "建成农田。"],
            ["一级指标", "二级指标", "指标内容", "指标值"],
            ["产出指标", "数量指标", "建成面积", "1.2万亩"],
        ]
    )
    result = read("项目绩效目标表", form)
    project = _project(result)
    assert project["budget_total_yuan"] == Decimal("1100000.00")
    assert project["budget_fiscal_yuan"] == Decimal("1000000.00")
    assert project["budget_other_yuan"] == Decimal("100000.00")
    indicator = result.indicators[0]
    assert (indicator["level3"], indicator["description"]) == (None, "建成面积")


def test_check_boxes_codes_and_periods() -> None:
    form = table(
        [
            ["项目名称", "档案数字化", "项目类别", "(31)部门预算项目"],
            ["主管部门", "(421)乌海市档案馆(部门)", "实施单位", "(421001)乌海市档案馆"],
            ["项目属性", "新增项目□ 延续项目√", "项目期", "2023年4月-2024年2月"],
            ["年度目标", "目标1：完成扫描。目标2：建成系统。"],
            GRID,
            ["产出指标", "数量指标", "扫描页数", "≥20万页"],
        ]
    )
    result = read("项目绩效目标表", form)
    project = _project(result)
    assert project["project_category"] == "(31)部门预算项目"
    assert project["department_name"] == "乌海市档案馆(部门)"
    assert (project["unit_code"], project["unit_name"]) == ("421001", "乌海市档案馆")
    assert project["project_nature"] == "延续项目"
    assert str(project["period_start"]) == "2023-04-01"
    assert str(project["period_end"]) == "2024-02-29"
    assert [g["text"] for g in result.project_goals] == ["完成扫描。", "建成系统。"]


def test_goals_by_horizon_below_their_labels_and_pointers() -> None:
    form = table(
        [
            ["项目名称", ("校舍维修", 1, 2)],
            [("项目绩效目标", 2, 1), "长期目标", "年度目标"],
            [MERGED, "消除隐患。", "详见单位的项目绩效目标表"],
            ["一级指标", "二级指标", "指标内容", "指标值"],
            ["产出指标", "数量指标", "维修学校", "4所"],
        ]
    )
    result = read("项目绩效目标表", form)
    assert [(g["text"], g["horizon"]) for g in result.project_goals] == [
        ("消除隐患。", "long_term")
    ]


def test_a_cost_build_up_gives_the_total() -> None:
    """鄂州: 项目预算成本构成 | 成本项目 | 金额（万元） | 测算依据, its 合计 row is the total."""
    form = table(
        [
            ["项目名称", ("农技推广", 1, 3)],
            [("项目预算成本构成", 3, 1), "成本项目", "金额（万元）", "测算依据"],
            [MERGED, "培训", "28.80", "800人次"],
            [MERGED, "合计", "28.80", ""],
            ["绩效目标", ("培训农民。", 1, 3)],
            ["一级指标", "二级指标", "绩效标准", "当年预期实现值"],
            ["数量指标", "培训农民", "计划标准", "≥800人次"],
        ]
    )
    result = read("2022年市直部门预算项目支出绩效目标表", form)
    assert _project(result)["budget_total_yuan"] == Decimal("288000.00")
    assert "text_unrecognized" not in codes(result)
    indicator = result.indicators[0]
    # The 一级 column holds 二级 names: they are level2, and level1 is derived from them.
    assert (indicator["level1"], indicator["level2"], indicator["level3"]) == (
        "产出指标",
        "数量指标",
        "培训农民",
    )
    assert (indicator["basis"], indicator["value_num"]) == ("计划标准", 800.0)


# --- indicator grids ----------------------------------------------------------------------------


def _form(*grid_rows: list[Any], goals: str = "年度目标") -> Any:
    return table([["项目名称", ("项目甲", 1, 7)], [goals, ("完成。", 1, 7)], *grid_rows])


def test_a_label_column_left_of_the_grid_and_side_by_side_halves() -> None:
    """东莞: 绩效指标 merged down the left; 二级 | 三级 | 值 twice, 中期 half first."""
    grid = _form(
        [
            ("绩效指标", 3, 1),
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值(或计划水平)",
            "二级指标",
            "三级指标",
            "计划指标值",
        ],
        [
            MERGED,
            "预期产出指标",
            "数量指标",
            "处理总量",
            "≥3650万吨",
            "数量指标",
            "年处理量",
            "≥1200万吨",
        ],
        [MERGED, "效果指标", "可持续影响指标", "设施完好率", "≥98%", "", "", ""],
    )
    result = read("财政项目支出绩效目标批复表", grid)
    got = [(i["level1"], i["level3"], i["horizon"]) for i in result.indicators]
    assert got == [
        ("预期产出指标", "处理总量", "long_term"),
        ("预期产出指标", "年处理量", "annual"),
        ("效果指标", "设施完好率", "long_term"),
    ]
    assert [i["level1_code"] for i in result.indicators] == ["output", "output", "outcome"]


def test_twin_grids_take_their_horizons_from_their_block_rows() -> None:
    form = table(
        [
            ["项目名称", ("项目乙", 1, 3)],
            ["年度目标", ("完成。", 1, 3)],
            [("长期绩效指标", 1, 4)],
            ["一级指标", "二级指标", "指标内容", "指标值"],
            ["产出指标", "数量指标", "建成学校", "4所"],
            [("年度绩效指标", 1, 4)],
            ["一级指标", "二级指标", "指标内容", "指标值"],
            ["产出指标", "数量指标", "开工学校", "2所"],
        ]
    )
    result = read("财政支出项目绩效目标申报表", form)
    got = [(i["description"], i["horizon"], i["seq"]) for i in result.indicators]
    assert got == [("建成学校", "long_term", 1), ("开工学校", "annual", 2)]


def test_sign_columns_are_read_by_content_not_label() -> None:
    """乌海: 指标性质 holds 正向/反向, 指标方向 holds `=`; 计量单位, 分值 and 备注 columns."""
    grid = _form(
        [
            "一级指标",
            "二级指标",
            "三级指标",
            "指标性质",
            "指标方向",
            "目标值",
            "计量单位",
            "分值",
            "备注",
        ],
        ["产出指标", "数量指标", "培训人次", "正向", "≥", "24", "人/次", "10", ""],
        ["产出指标", "质量指标", "投诉率", "反向", "≤", "2", "%", "5", "按季统计"],
    )
    result = read("项目绩效目标表", grid)
    first, second = result.indicators
    assert (first["comparator"], first["value_num"], first["value_unit"]) == (">=", 24.0, "人/次")
    assert (first["direction"], first["weight"], first["note"]) == (
        "positive",
        Decimal("10.00"),
        None,
    )
    assert (second["direction"], second["note"], second["value_raw"]) == (
        "negative",
        "按季统计",
        "2",
    )


def test_empty_printed_rows_and_funds_rows_are_no_indicators() -> None:
    grid = _form(
        GRID,
        ["产出指标", "数量指标", "", ""],
        ["产出指标", "质量指标", "合格率", "100%"],
        ["年度预算执行率", "100%", "分值", "10分"],
    )
    result = read("2023年项目支出绩效目标申报表", grid)
    assert [i["level3"] for i in result.indicators] == ["合格率"]


def test_unknown_grid_columns_are_reported() -> None:
    grid = _form([*GRID, "评分细则"], ["产出指标", "数量指标", "户数", "≥300户", "每少1户扣1分"])
    result = read("项目绩效目标表", grid)
    unmapped = [f.message for f in result.findings if f.code == "column_unmapped"]
    assert unmapped == ["indicator columns not read: 评分细则"]


def test_a_plain_form_is_read_as_a_declaration_form() -> None:
    """Only the reference prints 预算规模及资金用途, 资金支出计划 and a unit line."""
    form = table(
        [
            ["项目名称", "网络运维", "资金情况（万元）", ""],
            ["资金总额", "20", "财政拨款", "20"],
            ["其他资金", "0", "年度目标", "保障网络运行。"],
            GRID,
            ["产出指标", "数量指标", "运维设备", "≥120台"],
        ]
    )
    project = _project(read("项目绩效目标表", form))
    assert project["template"] == "declaration_form"
    assert project["budget_total_yuan"] == Decimal("200000.00")


def test_an_amount_printed_once_is_this_years_wherever_it_sits() -> None:
    """奉节: 项目总预算 | … | 当年年度预算 | …, then 其中：财政资金 under the project total: the form
    prints one 财政资金, this year's (上海 prints two, one per column)."""
    form = table(
        [
            ["项目名称", "农田建设", "项目编码", "500236230000000002104"],
            ["项目总预算", "2680万元", "当年年度预算", "960万元"],
            ["其中：财政资金", "900万元", "其中：其它资金", "60万元"],
            ["年度主要目标和成果", ("新建农田2万亩。", 1, 3)],
            GRID,
            ["产出指标", "数量指标", "新建面积", "2万亩"],
        ]
    )
    project = _project(read("高标准农田建设项目支出绩效目标审批表", form))
    assert project["budget_project_total_yuan"] == Decimal("26800000.00")
    assert project["budget_total_yuan"] == Decimal("9600000.00")
    assert project["budget_fiscal_yuan"] == Decimal("9000000.00")
    assert project["budget_other_yuan"] == Decimal("600000.00")
