"""Small budget documents written the way Apache Tika renders the Word originals.

Validation tests need documents that break exactly one rule. Writing them as Tika text (a TAB
before each cell, a blank line after each row, three after a table) runs them through the same
parser and normalizers as samples/reference.txt; `test_validate.py` checks that a document built
from the reference's own values gives the reference's rows, so the builder cannot drift from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from extract.pipeline import FileResult, InputFile, extract_file

UNIT_LINE = "632001秦皇岛市北戴河区政府采购中心(本级)"

Indicator = tuple[str, str, str, str, str, str]  # 一级, 二级, 三级, 描述, 指标值, 依据

# Project 1 of samples/reference.txt, row for row (一级 left blank under a merged cell).
REFERENCE_INDICATORS: tuple[Indicator, ...] = (
    ("产出指标", "数量指标", "交易数量", "进行土地交易数量", "100%", "年度工作计划"),
    ("", "质量指标", "成功数量", "土地交易成功数量", "≥50%", "年度工作计划"),
    ("", "时效指标", "规定时间内完成", "按时完成土地交易", "≥100%", "年度工作计划"),
    ("", "成本指标", "节约支出成本", "支出金额控制在预算额度内", "≤6万元", "年度工作计划"),
    (
        "效益指标",
        "经济效益指标",
        "收取土地出让价款",
        "完成土地供应，显化土地价值",
        "按时收取土地出让价款",
        "年度工作计划",
    ),
    (
        "",
        "社会效益指标",
        "优化区里资源配置",
        "提升城市面貌，改善居住环境",
        "提升全区整体布局",
        "年度工作计划",
    ),
    ("", "生态效益指标", "注意环境保护", "合理利用土地，保护环境", "利于保护环境", "年度工作计划"),
    (
        "",
        "可持续影响指标",
        "节约集约用地",
        "合理利用土地，促进可持续发展",
        "合理利用土地",
        "年度工作计划",
    ),
    (
        "满意度指标",
        "服务对象满意度指标",
        "用地意向人满意率",
        "用地意向人满意百分比",
        "≥90%",
        "年度工作计划",
    ),
)


@dataclass(frozen=True)
class Project:
    """One 项目绩效目标表. The defaults are the reference's project 1, except that its 成本指标
    value is the figure `≤6万元`, so a default project breaks no rule at all."""

    name: str = "国有土地交易中心运行费用"
    code: str = "13030421K8U6FQHZNYVC1"
    total: str = "6.00"
    fiscal: str = "6.00"
    other: str = "0"
    purpose: str = "预算6万元，其中财政资金6万元，主要用于保障国有土地交易中心进行国有土地交易活动"
    periods: Sequence[str] = ("3月底", "6月底", "10月底", "12月底")
    percents: Sequence[str] = ("20.00%", "50.00%", "80.00%", "100.00%")
    goals: Sequence[str] = ("1.保障国有土地交易中心的工作顺利开展，高质量完成土地交易工作。",)
    indicators: Sequence[Indicator] = field(default=REFERENCE_INDICATORS)

    def with_value(self, level3: str, value: str) -> Project:
        """This project with one indicator's 指标值 changed."""
        rows = [(*row[:4], value, row[5]) if row[2] == level3 else row for row in self.indicators]
        assert rows != list(self.indicators), f"no indicator {level3}"
        return replace(self, indicators=tuple(rows))


def _row(cells: Sequence[str]) -> str:
    return "".join(f"\t{cell}\n" for cell in cells) + "\n"


def _table(number: int, project: Project) -> str:
    header = (
        _row([UNIT_LINE, "单位：万元"])
        + _row(["项目编码", project.code, "项目名称", project.name])
        + _row(
            [
                *("预算规模及资金用途", "预算数", project.total),
                *("其中：财政资金", project.fiscal, "其他资金", project.other),
            ]
        )
        + _row(["", project.purpose])
        + _row(["资金支出计划（%）", *project.periods])
        + _row(["", *project.percents])
        + _row(["绩效目标", "\n".join(project.goals)])
    )
    grid = _row(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"])
    grid += "".join(_row(row) for row in project.indicators)
    return f"{number}.{project.name}绩效目标表\n{header}\n\n{grid}\n\n"


def document(*projects: Project, title: str = "2021年部门预算绩效目标") -> str:
    """A whole document: title, a short part one, then one table pair per project."""
    part_one = (
        f"{title}\n第一部分\n部门整体绩效目标\n一、总体绩效目标\n合法合规完成采购项目。\n"
        "三、工作保障措施\n完善制度建设。制定完善预算绩效管理制度。\n"
    )
    tables = "".join(_table(n, p) for n, p in enumerate(projects, start=1))
    return f"{part_one}第二部分\n预算项目绩效目标\n\n{tables}"


def extract_text(
    tmp_path: Path, text: str, *, name: str = "doc.txt", year: int | None = None
) -> FileResult:
    """Write `text` as a UTF-8 file and run it through the whole pipeline."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_file(
        InputFile(path, name), year=year, extracted_at=datetime(2026, 1, 1, tzinfo=UTC)
    )
