"""Long budget documents with a few target pages, for the PDF parser's page triage.

A district 部门预算 runs to tens or hundreds of pages of prose and budget tables (收支总表,
支出功能分类预算表 …) and holds 项目绩效目标表 on a few of them. `build` writes such a document
as .docx (python-docx, tables written as WordprocessingML directly so that thousands of rows
take seconds): a cover, chapters of prose and long ruled budget tables whose header row repeats
on every page, then the project tables in the reference layout (title, unit line, 单位：万元,
the header table, the indicator grid), the last of them with a grid long enough to run on to
the next page, where it goes on without its header row: that page holds indicator rows and
nothing the triage recognises. None of the budget text uses a template's marker words.

`main` prints samples/triage/long_budget.pdf (about 30 pages, two projects) with LibreOffice;
tests/test_pdf_triage.py reads it. bench/bench_pdf_triage.py builds a ~300-page one (cached in
bench/.cache/). Deterministic: the same arguments give the same .docx bytes.
Run: `.venv/bin/python samples/make_triage.py`.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from make_pdfs import convert, normalize
from make_samples import deterministic_zip

HERE = Path(__file__).resolve().parent
FIXED_TIME = datetime(2025, 1, 20, 9, 0, 0)
TARGET = HERE / "triage" / "long_budget.pdf"
UNIT = "上海市申江区城市管理行政执法局"
UNIT_LINE = f"632001{UNIT}(本级)"
YEAR = 2025
SEED = 2025
TABLE_PT = 10.5

CHAPTERS = (
    "部门主要职能",
    "部门机构设置",
    "部门收支总体情况",
    "财政拨款收支情况",
    "一般公共预算支出情况",
    "政府性基金预算支出情况",
    "国有资本经营预算支出情况",
    "一般公共预算三公经费情况",
    "机关运行经费情况",
    "政府采购情况",
    "国有资产占用情况",
    "其他重要事项",
)
# Prose made of these clauses: budget talk without a template's marker words.
CLAUSES = (
    "按照区委、区政府的统一部署",
    "坚持过紧日子的要求",
    "进一步优化支出结构",
    "严格控制一般性支出",
    "保障城市管理执法工作正常运转",
    "加强市容环境卫生管理",
    "落实市政设施日常养护",
    "推进执法队伍规范化建设",
    "压减非急需非刚性支出",
    "统筹使用上年结转资金",
    "做好重点领域的资金保障",
    "规范资金使用和财务核算",
    "提高财政资金使用效益",
    "严格执行政府采购制度",
    "加强国有资产管理",
    "主动接受人大和社会监督",
)
ITEMS = (
    ("201", "一般公共服务支出"),
    ("20101", "人大事务"),
    ("2010101", "行政运行"),
    ("2010102", "一般行政管理事务"),
    ("208", "社会保障和就业支出"),
    ("20805", "行政事业单位养老支出"),
    ("2080505", "机关事业单位基本养老保险缴费支出"),
    ("2080506", "机关事业单位职业年金缴费支出"),
    ("210", "卫生健康支出"),
    ("21011", "行政事业单位医疗"),
    ("2101101", "行政单位医疗"),
    ("212", "城乡社区支出"),
    ("21201", "城乡社区管理事务"),
    ("2120101", "行政运行"),
    ("2120104", "城管执法"),
    ("2120199", "其他城乡社区管理事务支出"),
    ("221", "住房保障支出"),
    ("22102", "住房改革支出"),
    ("2210201", "住房公积金"),
)
BUDGET_HEADER = ("科目编码", "科目名称", "合计", "基本支出", "项目支出")
BUDGET_WIDTHS = (1400, 3300, 1500, 1500, 1500)
HEADER_WIDTHS = (1700, 1500, 1300, 1500, 1200, 2000)
GRID_COLUMNS = ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据")
GRID_WIDTHS = (1300, 1400, 1700, 2300, 1300, 1200)
GRID_ROWS = (
    ("产出指标", "数量指标", "巡查道路里程", "全年巡查道路的里程", "≥1200公里", "年度工作计划"),
    ("", "质量指标", "案件办结率", "违法案件按期办结的比率", "≥95%", "年度工作计划"),
    ("", "时效指标", "投诉响应时间", "接到投诉后到场处置的时间", "≤30分钟", "工作规范"),
    ("", "成本指标", "单位巡查成本", "每公里巡查的平均成本", "≤150元", "预算标准"),
    (
        "效益指标",
        "社会效益指标",
        "市容环境改善",
        "街面秩序和市容环境状况",
        "明显改善",
        "年度工作计划",
    ),
    ("", "生态效益指标", "垃圾分类覆盖", "生活垃圾分类收运的覆盖面", "100%", "年度工作计划"),
    ("", "可持续影响指标", "长效管理机制", "街面管理长效机制运行情况", "持续运行", "年度工作计划"),
    (
        "满意度指标",
        "服务对象满意度指标",
        "市民满意度",
        "市民对城市管理工作的满意程度",
        "≥90%",
        "问卷调查",
    ),
)


@dataclass(frozen=True)
class Project:
    code: str
    name: str
    budget: str  # 万元
    grid_repeats: int = 1  # the grid's rows this many times: 5 fill more than a page


def projects(n: int, long_last: bool = True) -> list[Project]:
    names = ("街面秩序整治", "违法建筑拆除", "执法装备更新", "夜间巡查保障", "执法队伍培训")
    out = [
        Project(
            code=f"31011525{k:04d}QJCGZF",
            name=f"{names[k % len(names)]}{'' if k < len(names) else k // len(names) + 1}",
            budget=f"{(k + 1) * 37.5:.2f}",
        )
        for k in range(n)
    ]
    if long_last and out:
        last = out[-1]
        out[-1] = Project(last.code, last.name, last.budget, grid_repeats=3)
    return out


# --- WordprocessingML -----------------------------------------------------------------------


def _run(text: str, size: float, bold: bool = False) -> str:
    props = f'<w:rPr>{"<w:b/>" if bold else ""}<w:sz w:val="{int(size * 2)}"/></w:rPr>'
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _cell(
    text: str, width: int, *, span: int = 1, merge: str | None = None, bold: bool = False
) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if merge is not None:
        props += f'<w:vMerge w:val="{merge}"/>' if merge == "restart" else "<w:vMerge/>"
    body = _run(text, TABLE_PT, bold) if text else ""
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p>{body}</w:p></w:tc>"


def _table(rows: list[str], widths: tuple[int, ...]) -> object:
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    xml = (
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        + "".join(rows)
        + "</w:tbl>"
    )
    return parse_xml(xml)


def _row(cells: list[str], *, header: bool = False, keep: bool = True) -> str:
    props = "<w:tblHeader/>" if header else ""
    props += "<w:cantSplit/>" if keep else ""
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"


# --- the document ---------------------------------------------------------------------------


class Writer:
    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.document = docx.Document()
        props = self.document.core_properties
        props.author = props.last_modified_by = "extract samples"
        props.comments = "generated by samples/make_triage.py"
        props.created = props.modified = FIXED_TIME
        props.revision = 1
        normal = self.document.styles["Normal"]
        normal.font.size = Pt(12)
        rpr = normal.element.get_or_add_rPr()
        fonts = rpr.get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), "宋体")
        fonts.set(qn("w:ascii"), "Times New Roman")
        fonts.set(qn("w:hAnsi"), "Times New Roman")
        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = section.bottom_margin = Mm(25)
        section.left_margin = section.right_margin = Mm(25)
        footer = section.footer.paragraphs[0]
        footer.alignment = 1
        footer.add_run("— ")
        for node in _page_field():
            footer._p.append(node)
        footer.add_run(" —")
        self.body = self.document.element.body
        self.end = self.body.find(qn("w:sectPr"))

    def para(self, text: str, *, size: float = 12, bold: bool = False, align: str = "both") -> None:
        indent = '<w:ind w:firstLine="480"/>' if align == "both" else ""
        xml = (
            f'<w:p {nsdecls("w")}><w:pPr><w:jc w:val="{align}"/>{indent}</w:pPr>'
            f"{_run(text, size, bold)}</w:p>"
        )
        self.end.addprevious(parse_xml(xml))

    def page_break(self) -> None:
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def table(self, rows: list[str], widths: tuple[int, ...]) -> None:
        self.end.addprevious(_table(rows, widths))
        self.para("")

    def prose(self, n_paragraphs: int) -> None:
        for _ in range(n_paragraphs):
            clauses = self.random.sample(CLAUSES, self.random.randint(4, 7))
            self.para("，".join(clauses) + "。")

    def budget_table(self, title: str, n_rows: int) -> None:
        self.para(title, size=14, bold=True, align="center")
        self.para("单位：万元", size=TABLE_PT, align="right")
        header = _row(
            [_cell(t, w, bold=True) for t, w in zip(BUDGET_HEADER, BUDGET_WIDTHS, strict=True)],
            header=True,
        )
        rows = [header]
        for k in range(n_rows):
            code, name = ITEMS[k % len(ITEMS)]
            basic = self.random.randint(1000, 900000) / 100
            project = self.random.randint(0, 500000) / 100
            values = (code, name, f"{basic + project:.2f}", f"{basic:.2f}", f"{project:.2f}")
            rows.append(_row([_cell(v, w) for v, w in zip(values, BUDGET_WIDTHS, strict=True)]))
        self.table(rows, BUDGET_WIDTHS)

    def project(self, number: int, project: Project) -> None:
        w = HEADER_WIDTHS
        self.para(f"{number}.{project.name}项目绩效目标表", size=14, bold=True, align="center")
        self.para(UNIT_LINE, size=TABLE_PT, align="left")
        self.para("单位：万元", size=TABLE_PT, align="right")
        budget = project.budget
        header = [
            _row(
                [
                    _cell("项目编码", w[0]),
                    _cell(project.code, w[1] + w[2], span=2),
                    _cell("项目名称", w[3]),
                    _cell(project.name, w[4] + w[5], span=2),
                ]
            ),
            _row(
                [
                    _cell("预算规模及资金用途", w[0], merge="restart"),
                    _cell("预算数", w[1]),
                    _cell(budget, w[2]),
                    _cell("其中：财政资金", w[3]),
                    _cell(budget, w[4]),
                    _cell("其他资金", w[5]),
                ]
            ),
            _row(
                [
                    _cell("", w[0], merge="continue"),
                    _cell(
                        f"预算{budget}万元，全部为财政资金，用于{project.name}工作",
                        sum(w[1:]),
                        span=5,
                    ),
                ]
            ),
            _row(
                [
                    _cell("资金支出计划（%）", w[0], merge="restart"),
                    _cell("3月底", w[1]),
                    _cell("6月底", w[2]),
                    _cell("9月底", w[3]),
                    _cell("12月底", w[4] + w[5], span=2),
                ]
            ),
            _row(
                [
                    _cell("", w[0], merge="continue"),
                    _cell("25.00%", w[1]),
                    _cell("50.00%", w[2]),
                    _cell("75.00%", w[3]),
                    _cell("100.00%", w[4] + w[5], span=2),
                ]
            ),
            _row(
                [
                    _cell("绩效目标", w[0]),
                    _cell(f"1.做好{project.name}工作，保障城市运行秩序。", sum(w[1:]), span=5),
                ]
            ),
        ]
        self.table(header, HEADER_WIDTHS)
        grid = [_row([_cell(t, g) for t, g in zip(GRID_COLUMNS, GRID_WIDTHS, strict=True)])]
        for repeat in range(project.grid_repeats):
            for values in GRID_ROWS:
                name = values[2] if repeat == 0 else f"{values[2]}{repeat + 1}"
                row = (values[0], values[1], name, *values[3:])
                grid.append(_row([_cell(t, g) for t, g in zip(row, GRID_WIDTHS, strict=True)]))
        self.table(grid, GRID_WIDTHS)

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return deterministic_zip(buffer.getvalue())


def _page_field() -> list[object]:
    nodes = []
    for part in ("begin", "instr", "separate", "1", "end"):
        if part == "instr":
            xml = (
                f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            )
        elif part in ("begin", "separate", "end"):
            xml = f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="{part}"/></w:r>'
        else:
            xml = f"<w:r {nsdecls('w')}><w:t>{part}</w:t></w:r>"
        nodes.append(parse_xml(xml))
    return nodes


def build(chapters: int, rows_per_table: int, n_projects: int, seed: int = SEED) -> bytes:
    """The .docx: a cover, `chapters` chapters (a page of prose and a budget table of
    `rows_per_table` rows each, chapter names cycling), the project tables, a closing page."""
    writer = Writer(seed)
    for _ in range(8):
        writer.para("")
    writer.para(f"{YEAR}年{UNIT}", size=22, bold=True, align="center")
    writer.para("部门预算", size=22, bold=True, align="center")
    writer.page_break()
    for k in range(chapters):
        name = CHAPTERS[k % len(CHAPTERS)]
        writer.para(f"{_chinese(k + 1)}、{name}", size=14, bold=True, align="left")
        writer.prose(12)
        writer.budget_table(f"{YEAR}年{name}表", rows_per_table)
        writer.page_break()
    writer.para("部门项目绩效目标", size=16, bold=True, align="center")
    for number, project in enumerate(projects(n_projects), start=1):
        writer.project(number, project)
        writer.page_break()
    writer.para("名词解释", size=14, bold=True, align="left")
    writer.prose(8)
    return writer.save()


def _chinese(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def print_pdf(data: bytes) -> bytes:
    return normalize(convert({"long_budget": data})["long_budget"])


def main() -> None:
    pdf = print_pdf(build(chapters=6, rows_per_table=70, n_projects=2))
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_bytes(pdf)
    print(f"wrote {TARGET.relative_to(HERE.parent)} ({len(pdf)} bytes)")


if __name__ == "__main__":
    main()
