"""Each validation rule, on a document that breaks it and on one that does not.

Documents are built as Tika text by `budget_docs` and run through the whole pipeline, so a rule
is tested on what a real file yields. A default `Project()` is the reference's project 1 with a
figure for its 成本指标, and breaks no rule: every "does not fire" test below starts from a
document that differs from a breaking one only in the value the rule is about.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

import extract
from budget_docs import REFERENCE_INDICATORS, Project, document, extract_text
from conftest import GOLDEN, SAMPLES
from extract.cli import main
from extract.pipeline import FileResult
from golden_io import comparable, load

Finding = tuple[str, str, int | None, str]


def _findings(result: FileResult) -> list[Finding]:
    """(severity, code, project_seq, message) of every finding but the parser's notes."""
    return [
        (i["severity"], i["code"], i["project_seq"], i["message"])
        for i in result.rows["issues"]
        if i["code"] != "parser_note"
    ]


def _run(tmp_path: Path, *projects: Project, **kwargs: Any) -> list[Finding]:
    return _findings(extract_text(tmp_path, document(*projects), **kwargs))


def test_builder_reproduces_the_reference_project(tmp_path: Path) -> None:
    """The builder's rows are the reference's rows: the rules below are tested on real layout."""
    project = Project().with_value("节约支出成本", "控制在预算额度内")
    result = extract_text(tmp_path, document(project))
    for name in ("projects", "spending_plan", "project_goals", "indicators"):
        golden = [r for r in load(GOLDEN / "reference" / f"{name}.json") if r["project_seq"] == 1]
        assert comparable(result.rows[name], name) == golden, name
    assert _findings(result) == [
        (
            "warning",
            "quantitative_indicator_with_text_value",
            1,
            "成本指标 节约支出成本 has no measurable target, only text: 控制在预算额度内",
        )
    ]


def test_a_default_project_breaks_no_rule(tmp_path: Path) -> None:
    assert _run(tmp_path, Project(), Project(name="评审费", code="13030421MUG5OBR3ORRT9")) == []


# --- budget_sum_mismatch ------------------------------------------------------------------------


def test_budget_sum_mismatch(tmp_path: Path) -> None:
    assert _run(tmp_path, Project(fiscal="5.00", other="0.50")) == [
        (
            "error",
            "budget_sum_mismatch",
            1,
            "财政资金 50000.00 + 其他资金 5000.00 = 55000.00 yuan, but 预算数 is 60000.00",
        )
    ]


def test_budget_that_adds_up_with_other_funds(tmp_path: Path) -> None:
    assert _run(tmp_path, Project(fiscal="5.50", other="0.50")) == []


# --- spending plan ------------------------------------------------------------------------------


def test_spending_plan_decreasing(tmp_path: Path) -> None:
    plan = ("20.00%", "50.00%", "40.00%", "100.00%")
    assert _run(tmp_path, Project(percents=plan)) == [
        (
            "warning",
            "spending_plan_decreasing",
            1,
            "cumulative spending plan goes down: 20.00%, 50.00%, 40.00%, 100.00%",
        )
    ]


def test_spending_plan_flat_is_not_decreasing(tmp_path: Path) -> None:
    assert _run(tmp_path, Project(percents=("20.00%", "50.00%", "50.00%", "100.00%"))) == []


def test_spending_plan_not_100(tmp_path: Path) -> None:
    assert _run(tmp_path, Project(percents=("20.00%", "50.00%", "80.00%", "90.00%"))) == [
        (
            "warning",
            "spending_plan_not_100",
            1,
            "the last point of the spending plan is 90.00%, not 100%",
        )
    ]


def test_spending_plan_ending_at_100_without_decimals(tmp_path: Path) -> None:
    assert _run(tmp_path, Project(percents=("25%", "50%", "75%", "100%"))) == []


# --- indicator framework ------------------------------------------------------------------------


def test_missing_level1(tmp_path: Path) -> None:
    without_satisfaction = Project(indicators=REFERENCE_INDICATORS[:-1])
    without_outcome = Project(
        name="评审费",
        code="13030421MUG5OBR3ORRT9",
        indicators=REFERENCE_INDICATORS[:4] + REFERENCE_INDICATORS[-1:],
    )
    assert _run(tmp_path, without_satisfaction, without_outcome) == [
        ("warning", "missing_level1", 1, "the project has no 满意度指标"),
        ("warning", "missing_level1", 2, "the project has no 效益指标"),
    ]


def test_cost_as_its_own_level1_needs_no_other(tmp_path: Path) -> None:
    """Newer templates add 成本指标 as a 一级; the three older ones are still all there."""
    cost = ("成本指标", "经济成本指标", "办公经费", "办公经费支出", "≤6万元", "预算标准")
    assert _run(tmp_path, Project(indicators=(*REFERENCE_INDICATORS, cost))) == []


def test_level2_misplaced(tmp_path: Path) -> None:
    rows = list(REFERENCE_INDICATORS)
    # 社会效益指标 moved up into the 产出指标 block, 数量指标 written under 满意度指标.
    rows[1] = ("", "社会效益指标", "成功数量", "土地交易成功数量", "≥50%", "年度工作计划")
    rows.append(("", "数量指标", "回访人数", "回访用地意向人", "≥20人", "年度工作计划"))
    assert _run(tmp_path, Project(indicators=tuple(rows))) == [
        (
            "warning",
            "level2_misplaced",
            1,
            "二级指标 社会效益指标 belongs under 效益指标, not under 一级指标 产出指标",
        ),
        (
            "warning",
            "level2_misplaced",
            1,
            "二级指标 数量指标 belongs under 产出指标, not under 一级指标 满意度指标",
        ),
    ]


def test_level2_misplaced_once_per_merged_cell(tmp_path: Path) -> None:
    """Two indicator rows under one merged 成本指标 in the 效益 block: one finding."""
    rows = list(REFERENCE_INDICATORS)
    rows[5:5] = [
        ("", "成本指标", "人均成本", "人均支出", "≤1万元", "年度工作计划"),
        ("", "", "单位成本", "每宗交易支出", "≤0.1万元", "年度工作计划"),
    ]
    assert _run(tmp_path, Project(indicators=tuple(rows))) == [
        (
            "warning",
            "level2_misplaced",
            1,
            "二级指标 成本指标 belongs under 产出指标 or 成本指标, not under 一级指标 效益指标",
        )
    ]


def test_cost_level2_under_cost_level1_is_in_place(tmp_path: Path) -> None:
    cost = (
        ("成本指标", "经济成本指标", "办公经费", "办公经费支出", "≤6万元", "预算标准"),
        ("", "社会成本指标", "占用场地", "交易大厅占用", "≤1处", "预算标准"),
        ("", "生态环境成本指标", "能耗", "用电", "≤2000千瓦时", "预算标准"),
    )
    assert _run(tmp_path, Project(indicators=(*REFERENCE_INDICATORS, *cost))) == []


# --- indicator values ---------------------------------------------------------------------------


def test_value_unparsed(tmp_path: Path) -> None:
    """A range holds numbers but no single target: flagged once, not also as text-only."""
    project = Project().with_value("成功数量", "50%-60%")
    assert _run(tmp_path, project) == [
        ("warning", "value_unparsed", 1, "indicator value could not be read as a number: 50%-60%")
    ]


def test_value_with_a_number_in_prose_is_parsed(tmp_path: Path) -> None:
    assert _run(tmp_path, Project().with_value("成功数量", "成功交易不少于50%")) == []


def test_quantitative_indicator_with_text_value(tmp_path: Path) -> None:
    project = Project().with_value("规定时间内完成", "按时完成")
    assert _run(tmp_path, project) == [
        (
            "warning",
            "quantitative_indicator_with_text_value",
            1,
            "时效指标 规定时间内完成 has no measurable target, only text: 按时完成",
        )
    ]


def test_text_value_of_an_outcome_indicator_is_fine(tmp_path: Path) -> None:
    """效益 targets are often qualitative (`按时收取土地出让价款` in the default project)."""
    project = Project().with_value("规定时间内完成", "≤30天")
    assert _run(tmp_path, project) == []


# --- project codes ------------------------------------------------------------------------------


def test_duplicate_project_code(tmp_path: Path) -> None:
    code = "13030421K8U6FQHZNYVC1"
    assert _run(tmp_path, Project(), Project(name="评审费", code=code)) == [
        (
            "warning",
            "duplicate_project_code",
            1,
            f"项目编码 {code} appears 2 times in this document",
        ),
        (
            "warning",
            "duplicate_project_code",
            2,
            f"项目编码 {code} appears 2 times in this document",
        ),
    ]


def test_project_code_year_mismatch(tmp_path: Path) -> None:
    """A project carried over from 2020 keeps its 2020 code in the 2021 document."""
    old = Project(name="评审费", code="13030420MUG5OBR3ORRT9")
    result = extract_text(tmp_path, document(Project(), old))
    assert result.rows["documents"][0]["fiscal_year"] == 2021
    assert _findings(result) == [
        (
            "warning",
            "project_code_year_mismatch",
            2,
            "项目编码 13030420MUG5OBR3ORRT9 carries the year 2020, but the fiscal year is 2021",
        )
    ]


def test_project_code_year_mismatch_against_the_year_option(tmp_path: Path) -> None:
    """`--year` decides the fiscal year, so the codes are checked against it."""
    assert _run(tmp_path, Project(), year=2022) == [
        (
            "warning",
            "project_code_year_mismatch",
            1,
            "项目编码 13030421K8U6FQHZNYVC1 carries the year 2021, but the fiscal year is 2022",
        )
    ]


def test_project_codes_of_the_fiscal_year(tmp_path: Path) -> None:
    codes_without_a_year = Project(name="评审费", code="XM-0001")
    assert _run(tmp_path, Project(), codes_without_a_year, year=2021) == []


# --- required fields ----------------------------------------------------------------------------


def test_empty_required_field(tmp_path: Path) -> None:
    project = Project(name="国有土地交易中心运行费用", code="").with_value("成功数量", "")
    assert _run(tmp_path, project) == [
        ("warning", "empty_required_field", 1, "项目编码 is empty"),
        ("warning", "empty_required_field", 1, "指标值 of indicator 成功数量 is empty"),
    ]


def test_required_fields_filled(tmp_path: Path) -> None:
    assert _run(tmp_path, Project(code="XM-0001").with_value("成功数量", "≥60%")) == []


# --- layout -------------------------------------------------------------------------------------


def test_no_target_tables(tmp_path: Path) -> None:
    result = extract_text(tmp_path, "关于印发预算的通知\n请各单位认真执行。\n")
    assert _findings(result) == [
        (
            "info",
            "no_target_tables",
            None,
            "the document holds no performance targets: no template recognises any of its "
            "tables or sections",
        )
    ]
    assert result.status == "ok"


def test_layout_recognized_without_part_one(tmp_path: Path) -> None:
    text = document(Project())
    result = extract_text(tmp_path, text[text.index("第二部分") :])
    assert result.status == "ok"
    assert _findings(result) == []


# --- extract run --strict -----------------------------------------------------------------------


def test_strict_exits_1_on_an_error_level_issue(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(document(Project(fiscal="5.00")), encoding="utf-8")
    out = tmp_path / "out"
    lenient = CliRunner().invoke(main, ["run", str(bad), "--out", str(out)])
    assert lenient.exit_code == 0
    strict = CliRunner().invoke(main, ["run", str(bad), "--out", str(out), "--strict"])
    assert strict.exit_code == 1
    assert f"Error: --strict: 1 error-level issue(s) in {out}/issues" in strict.stderr
    issues = extract.load(out).issues
    assert issues["code"].tolist() == ["budget_sum_mismatch"]  # written all the same


def test_strict_passes_warnings(tmp_path: Path) -> None:
    """The reference document's two warnings are no reason to stop a strict run."""
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["run", str(SAMPLES / "reference.txt"), "--out", str(out), "--strict"]
    )
    assert result.exit_code == 0, result.output
    assert set(extract.load(out).issues["severity"]) == {"warning", "info"}


def test_titles_numbered_before_a_year_keep_the_year(tmp_path: Path) -> None:
    """Issue 14, class 4: `2.2023年…绩效目标表` loses its `2.` only, in the whole pipeline."""
    first = Project(name="2023年基本公共卫生服务项目补助资金")
    second = Project(name="2024年度农村公路养护", code="13030421MUG5OBR3ORRT9")
    result = extract_text(tmp_path, document(first, second))
    titles = [p["table_title"] for p in result.rows["projects"]]
    assert titles == [
        "2023年基本公共卫生服务项目补助资金绩效目标表",
        "2024年度农村公路养护绩效目标表",
    ]
