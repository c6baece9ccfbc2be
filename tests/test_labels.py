"""Label keys, vocabulary matching and indicator classification."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.normalizers import vocab
from extract.normalizers.labels import (
    category_level,
    classify_level1,
    classify_level2,
    label_key,
    parent_level1_name,
    strip_score_band,
)
from extract.recognize.labels import GridLabels, HeaderIndex
from extract.templates import template, vocabulary


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("项目名称", "项目名称"),
        ("项 目 名 称", "项目名称"),
        ("项\u3000目\u00a0名称", "项目名称"),
        ("\t项目名称\n", "项目名称"),
        ("项目名称：", "项目名称"),
        ("项目名称:", "项目名称"),
        ("资金支出计划（%）", "资金支出计划"),
        ("资金支出计划(％)", "资金支出计划"),
        ("其中：财政资金", "其中财政资金"),
        ("ＡＢＣ", "ABC"),
        ("", ""),
    ],
)
def test_label_key(text: str, key: str) -> None:
    assert label_key(text) == key


def _field(text: str, template_id: str = "project_table") -> str | None:
    hit = HeaderIndex(template(template_id).fields, vocabulary()).match(text)
    return hit.field.name if hit is not None else None


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("项目编码", "project_code"),
        ("项目编号：", "project_code"),
        (" 项 目 名 称 ", "project_name"),
        ("预算数", "budget_total"),
        ("其中：财政资金", "budget_fiscal"),
        ("其中:财政资金", "budget_fiscal"),
        ("其中财政资金", "budget_fiscal"),
        ("其他资金", "budget_other"),
        ("资金支出计划（%）", "spending_plan"),
        ("资金支出计划(%)", "spending_plan"),
        ("绩效目标", "goals_annual"),
        ("资金用途", "purpose"),
        ("预算规模及资金用途", "budget_block"),
        # exact matches only
        ("项目名称国有土地", None),
        ("按预算数执行", None),
        ("名称", None),
        ("", None),
        ("：", None),
    ],
)
def test_match_project_labels(text: str, canonical: str | None) -> None:
    assert _field(text) == canonical


@pytest.mark.parametrize(
    ("text", "canonical", "unit"),
    [
        ("主管部门及编码", "department_name", None),
        ("项目概况(450字内)", "purpose", None),
        ("二、自有资金", "budget_other", None),
        ("中期市财政预算(万元)", "budget_project_total", "万元"),
        ("项目资金（元）", "group", "元"),
        ("项目总体目标 (2024 年-2026 年)", "goals_long_term", None),
        ("填报单位（盖章）", "unit_name", None),
    ],
)
def test_printed_label_forms(text: str, canonical: str, unit: str | None) -> None:
    hit = HeaderIndex(template("declaration_form").fields, vocabulary()).match(text)
    assert hit is not None and (hit.field.name, hit.unit) == (canonical, unit)


@pytest.mark.parametrize(
    ("text", "canonical", "horizon"),
    [
        ("一级指标", "level1", None),
        ("二级指标", "level2", None),
        ("三级指标", "level3", None),
        ("绩效指标描述", "description", None),
        ("指标值", "value", None),
        ("指标值（包含数字及文字描述）", "value", None),
        ("指标值确定依据", "basis", None),
        ("指标值(长期)", "value", "long_term"),
        ("长期指标值", "value", "long_term"),
        ("年度指标值", "value", "annual"),
        ("二级指标(年度)", "level2", "annual"),
        ("计量单位", "unit", None),
        ("分值", "weight", None),
        ("项目名称", None, None),
        ("绩效指标", None, None),  # names a grid, not a column
    ],
)
def test_match_indicator_columns(text: str, canonical: str | None, horizon: str | None) -> None:
    column = GridLabels(vocabulary()).column(text)
    got = (column.field, column.horizon) if column is not None else (None, None)
    assert got == (canonical, horizon)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("产出指标", "output"),
        ("效益指标", "outcome"),
        ("满意度指标", "satisfaction"),
        ("成本指标", "cost"),
        ("产 出 指 标", "output"),
        ("预期产出指标", "output"),
        ("效果指标", "outcome"),
        ("成本指标(0-20)分", "cost"),
        ("产出指标 (40-50)分", "output"),
        ("效益指标（30分）", "outcome"),
        ("满意度指标（10分）", "satisfaction"),
        ("社会公众或服务对象满意度指标", "satisfaction"),
        ("产出", "output"),
        ("效益", "outcome"),
        ("其他", "other"),
        ("", "other"),
        (None, "other"),
    ],
)
def test_classify_level1(text: str | None, code: str) -> None:
    assert classify_level1(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("数量指标", "quantity"),
        ("质量指标", "quality"),
        ("时效指标", "timeliness"),
        ("进度指标", "timeliness"),
        ("成本指标", "cost"),
        ("经济成本指标", "cost"),
        ("经济效益指标", "economic"),
        ("社会效益指标", "social"),
        ("生态效益指标", "ecological"),
        ("环境效益指标", "ecological"),
        ("可持续影响指标", "sustainability"),
        ("服务对象满意度指标", "satisfaction"),
        ("满意度指标", "satisfaction"),
        ("社会公众或服务对象满意度指标", "satisfaction"),  # not social
        ("社会成本指标", "cost"),
        ("生态环境成本指标", "cost"),
        ("预算(或投资规模)控制指标", "cost"),
        ("预算（或投资规模）控制指标", "cost"),
        ("数量指标(或建筑规模指标)", "quantity"),
        ("时效指标(工期指标)", "timeliness"),
        ("工期指标", "timeliness"),
        ("社会、经济、生态效益 指标", "other"),
        ("经济、社会效益指标", "other"),
        ("社会和环境效益指标", "other"),
        ("生态环境效益指标", "ecological"),
        ("持续影响指标", "sustainability"),
        ("数 量 指 标", "quantity"),
        ("其他指标", "other"),
        ("", "other"),
        (None, "other"),
    ],
)
def test_classify_level2(text: str | None, code: str) -> None:
    assert classify_level2(text) == code


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("成本指标(0-20)分", "成本指标"),
        ("产出指标 (40-50)分", "产出指标"),
        ("效益指标（30分）", "效益指标"),
        ("满意度指标(0-10分)", "满意度指标"),
        ("效益指标（20～30）分", "效益指标"),
        ("产出指标(50)", "产出指标"),
        ("产出指标（１０分）", "产出指标"),
        ("产出指标", "产出指标"),
        ("时效指标(工期指标)", "时效指标(工期指标)"),
        ("数量指标(或建筑规模指标)", "数量指标(或建筑规模指标)"),
        ("(30分)", "(30分)"),
        ("", ""),
    ],
)
def test_strip_score_band(text: str, stripped: str) -> None:
    assert strip_score_band(text) == stripped


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("产出指标", 1),
        ("预期产出指标", 1),
        ("效益指标", 1),
        ("效果指标", 1),
        ("满意度指标", 1),
        ("产出指标 (40-50)分", 1),
        ("效益指标（30分）", 1),
        ("产 出 指 标", 1),
        ("数量指标", 2),
        ("质量指标", 2),
        ("时效指标", 2),
        ("进度指标", 2),
        ("经济效益指标", 2),
        ("社会效益指标", 2),
        ("生态效益指标", 2),
        ("环境效益指标", 2),
        ("可持续影响指标", 2),
        ("服务对象满意度指标", 2),
        ("社会公众或服务对象满意度指标", 2),
        ("经济成本指标", 2),
        ("社会成本指标", 2),
        ("生态环境成本指标", 2),
        ("数量指标(或建筑规模指标)", 2),
        ("时效指标(工期指标)", 2),
        ("预算(或投资规模)控制指标", 2),
        ("社会、经济、生态效益 指标", 2),
        ("数量", 2),
        ("成本指标", None),  # a 一级 in newer templates, a 二级 in older ones
        ("成本指标(0-20)分", None),
        ("其他", None),
        ("绩效指标", None),
        ("按时收取土地出让价款", None),
        ("社会效益明显", None),
        ("", None),
    ],
)
def test_category_level(text: str, level: int | None) -> None:
    assert category_level(text) == level


@pytest.mark.parametrize(
    ("text", "parent"),
    [
        ("数量指标", "产出指标"),
        ("质量指标", "产出指标"),
        ("时效指标", "产出指标"),
        ("时效指标(工期指标)", "产出指标"),
        ("数量指标(或建筑规模指标)", "产出指标"),
        ("成本指标", "产出指标"),
        ("预算(或投资规模)控制指标", "产出指标"),
        ("经济成本指标", "成本指标"),
        ("社会成本指标", "成本指标"),
        ("生态环境成本指标", "成本指标"),
        ("经济效益指标", "效益指标"),
        ("社会效益指标", "效益指标"),
        ("生态效益指标", "效益指标"),
        ("环境效益指标", "效益指标"),
        ("可持续影响指标", "效益指标"),
        ("服务对象满意度指标", "满意度指标"),
        ("社会公众或服务对象满意度指标", "满意度指标"),
        ("社会、经济、生态效益 指标", None),
        ("其他指标", None),
        ("", None),
    ],
)
def test_parent_level1_name(text: str, parent: str | None) -> None:
    assert parent_level1_name(text) == parent


def test_every_parent_is_a_framework_name() -> None:
    assert set(vocab.LEVEL2_PARENT) <= set(vocab.LEVEL2_NAMES)
    for level2, level1 in vocab.LEVEL2_PARENT.items():
        assert level2 in vocab.LEVEL2_UNDER_LEVEL1[level1]


@settings(max_examples=200)
@given(st.text())
def test_label_functions_never_raise(text: str) -> None:
    key = label_key(text)
    assert not any(ch.isspace() for ch in key)
    assert label_key(key) == key
    assert _field(text) in (None, *(f.name for f in template("project_table").fields))
    assert classify_level1(text) in (*vocab.LEVEL1_CODES.values(), "other")
    assert classify_level2(text) in (*vocab.LEVEL2_CODES.values(), "other")
    assert category_level(text) in (None, 1, 2)
    assert parent_level1_name(text) in (None, *vocab.LEVEL1_NAMES.values())
    assert len(strip_score_band(text)) <= len(text)
