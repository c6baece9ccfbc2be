"""The reference document's values, checked by hand against samples/reference.txt.

These are the facts the golden files were reviewed against, spelled out so that a reader can
compare them with the document line by line.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from conftest import SAMPLES
from extract.pipeline import FileResult, InputFile, extract_file


@pytest.fixture(scope="module")
def ref() -> FileResult:
    path = SAMPLES / "reference.txt"
    return extract_file(
        InputFile(path, "reference.txt"), year=None, extracted_at=datetime(2026, 1, 1, tzinfo=UTC)
    )


def _col(rows: list[dict[str, Any]], name: str) -> list[Any]:
    return [r[name] for r in rows]


def test_document_row(ref: FileResult) -> None:
    (doc,) = ref.rows["documents"]
    assert doc["status"] == "ok"
    assert doc["error"] is None
    assert doc["source_format"] == "txt"
    assert doc["encoding"] == "utf-8"
    assert doc["fiscal_year"] == 2021
    assert doc["fiscal_year_source"] == "project_code"
    assert doc["unit_code"] == "632001"
    assert doc["unit_name"] == "秦皇岛市北戴河区政府采购中心(本级)"
    assert doc["n_projects"] == 3
    assert doc["n_indicators"] == 27
    assert len(doc["doc_id"]) == 16
    assert doc["sha256"].startswith(doc["doc_id"])


def test_projects(ref: FileResult) -> None:
    projects = ref.rows["projects"]
    assert _col(projects, "project_seq") == [1, 2, 3]
    assert _col(projects, "table_title") == [
        "国有土地交易中心运行费用绩效目标表",
        "评审费绩效目标表",
        "人事代理经费绩效目标表",
    ]
    assert _col(projects, "project_code") == [
        "13030421K8U6FQHZNYVC1",
        "13030421MUG5OBR3ORRT9",
        "13030421YUPWMZITO1GAN",
    ]
    assert _col(projects, "project_name") == ["国有土地交易中心运行费用", "评审费", "人事代理经费"]
    assert _col(projects, "amount_unit") == ["万元"] * 3
    assert _col(projects, "budget_total_yuan") == [
        Decimal("60000.00"),
        Decimal("130000.00"),
        Decimal("110300.00"),
    ]
    assert _col(projects, "budget_fiscal_yuan") == _col(projects, "budget_total_yuan")
    assert _col(projects, "budget_other_yuan") == [Decimal("0.00")] * 3
    assert _col(projects, "region_code") == ["130304"] * 3
    assert _col(projects, "unit_code") == ["632001"] * 3
    assert _col(projects, "source_location") == ["table 1", "table 3", "table 5"]
    assert projects[0]["purpose"] == (
        "预算6万元，其中财政资金6万元，主要用于保障国有土地交易中心进行国有土地交易活动"
    )
    assert projects[1]["purpose"].startswith("预算数13万元，其中：财政资金13万元。")
    assert projects[2]["purpose"] == (
        "预算数11.03万元，其中：财政资金11.03万元。主要用于人事代理人员工资、保险等各项支出"
    )


def test_project_goals(ref: FileResult) -> None:
    goals = [(g["project_seq"], g["seq"], g["text"]) for g in ref.rows["project_goals"]]
    assert goals == [
        (1, 1, "保障国有土地交易中心的工作顺利开展，高质量完成土地交易工作。"),
        (2, 1, "保证采购项目合法进行、顺利完成。"),
        (2, 2, "提高采购资金节约率"),
        (3, 1, "保障本单位人事代理人员工资福利按时发放，保障办公正常运转"),
    ]


def test_spending_plan(ref: FileResult) -> None:
    plan = ref.rows["spending_plan"]
    assert len(plan) == 12
    assert _col(plan, "period")[:4] == ["3月底", "6月底", "10月底", "12月底"]
    assert _col(plan, "month") == [3, 6, 10, 12] * 3
    assert [str(p["cumulative_pct"]) for p in plan] == [
        "20.00", "50.00", "80.00", "100.00",
        "20.00", "50.00", "75.00", "100.00",
        "25.00", "50.00", "75.00", "100.00",
    ]  # fmt: skip


def test_indicators(ref: FileResult) -> None:
    ind = ref.rows["indicators"]
    assert len(ind) == 27
    assert [sum(1 for i in ind if i["project_seq"] == p) for p in (1, 2, 3)] == [9, 9, 9]
    first = ind[0]
    assert (first["level1"], first["level2"], first["level3"]) == (
        "产出指标",
        "数量指标",
        "交易数量",
    )
    assert first["description"] == "进行土地交易数量"
    assert (first["value_raw"], first["comparator"], first["value_num"]) == ("100%", "=", 100.0)
    assert (first["value_unit"], first["value_kind"], first["basis"]) == (
        "%",
        "numeric",
        "年度工作计划",
    )
    assert (first["level1_code"], first["level2_code"]) == ("output", "quantity")
    # 一级指标 is filled down over the merged (empty) cells.
    assert _col(ind[:9], "level1") == ["产出指标"] * 4 + ["效益指标"] * 4 + ["满意度指标"]
    assert _col(ind[:9], "level2_code") == [
        "quantity", "quality", "timeliness", "cost",
        "economic", "social", "ecological", "sustainability", "satisfaction",
    ]  # fmt: skip
    assert _col(ind[:9], "level1_code") == ["output"] * 4 + ["outcome"] * 4 + ["satisfaction"]
    cost = ind[3]
    assert (cost["value_raw"], cost["value_kind"], cost["comparator"]) == (
        "控制在预算额度内",
        "text",
        None,
    )
    # Project 2: a blank line inside the 三级指标 cell is not a row end.
    p2 = [i for i in ind if i["project_seq"] == 2]
    quality = p2[1]
    assert (quality["level3"], quality["description"], quality["value_raw"]) == (
        "采购项目完成数量",
        "完成采购项目比率",
        "≥95%",
    )
    assert (quality["comparator"], quality["value_num"], quality["value_unit"]) == (">=", 95.0, "%")
    # Project 2: the Excel-paste description loses its quotes and TAB.
    eco = p2[6]
    assert eco["level2"] == "生态效益指标"
    assert eco["description"] == "政府采购注重环保产品采购"
    assert eco["value_raw"] == "得到供应商的认可"
    assert eco["value_kind"] == "text"
    assert eco["basis"] == "年度工作计划"
    last = ind[-1]
    assert (last["level3"], last["value_raw"], last["comparator"], last["value_num"]) == (
        "单位人员满意度",
        "≥95%",
        ">=",
        95.0,
    )


def test_department_goals(ref: FileResult) -> None:
    goals = ref.rows["department_goals"]
    assert [(g["seq"], g["kind"], g["name"]) for g in goals] == [
        (1, "overall", None),
        (2, "item", "政府采购"),
        (3, "item", "人员管理"),
    ]
    assert goals[0]["goal"].startswith("我部门负责组织实施本级年度集中采购目录以内")
    assert goals[0]["goal"].endswith("及时合规发放各项工资福利待遇。")
    assert goals[0]["indicator"] is None
    assert (goals[1]["goal"], goals[1]["indicator"]) == ("合法合规完成采购项目", "采购项目完成率")
    assert (goals[2]["goal"], goals[2]["indicator"]) == (
        "按时发放工作人员工资福利",
        "工资福利按时足额发放率",
    )


def test_measures(ref: FileResult) -> None:
    measures = ref.rows["measures"]
    assert _col(measures, "seq") == [1, 2, 3, 4, 5, 6]
    assert _col(measures, "title") == [
        "完善制度建设",
        "加强支出管理",
        "加强绩效运行监控",
        "规范财务资产管理",
        "加强内部监督",
        "加强宣传培训调研",
    ]
    assert measures[2]["text"].endswith("提高财政资金使用效益。")
    assert "做好绩效自评。" in measures[2]["text"]


def test_issues_are_the_two_text_cost_targets_and_parser_notes(ref: FileResult) -> None:
    """The reference document adds up: no error. Its only true warnings are the two 成本指标
    whose 指标值 is a sentence with no number (`控制在预算额度内`, `是否按规定执行`); the third
    (评审费, `≥90%`) and every 数量/质量/时效 value are figures. The rest are notes on how blank
    lines were read."""
    issues = ref.rows["issues"]
    assert not [i for i in issues if i["severity"] == "error"]
    findings = [
        (i["severity"], i["code"], i["project_seq"], i["location"], i["message"])
        for i in issues
        if i["code"] != "parser_note"
    ]
    assert findings == [
        (
            "warning",
            "quantitative_indicator_with_text_value",
            1,
            "table 2, row 5",
            "成本指标 节约支出成本 has no measurable target, only text: 控制在预算额度内",
        ),
        (
            "warning",
            "quantitative_indicator_with_text_value",
            3,
            "table 6, row 5",
            "成本指标 工资福利及各项保险等发放标准 has no measurable target, "
            "only text: 是否按规定执行",
        ),
    ]
    notes = [i for i in issues if i["code"] == "parser_note"]
    assert notes and all(i["severity"] == "info" for i in notes)
    assert all(i["fiscal_year"] == 2021 for i in issues)
