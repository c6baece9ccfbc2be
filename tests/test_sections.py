"""The section finder and the normalizers on arbitrary documents: never an uncaught exception.

Documents are drawn from the words that steer the section finder (part headings, item
numbers, project titles, table labels) mixed with arbitrary text, so the odd combinations
real documents produce are reached, not only random noise.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.model import Cell, Document, Paragraph, Table
from extract.normalizers.document import normalize
from extract.normalizers.part_one import parse_part_one, section_of

WORDS = [
    "第一部分",
    "第二部分",
    "部门整体绩效目标",
    "预算项目绩效目标",
    "一、总体绩效目标",
    "二、分项绩效目标",
    "三、工作保障措施",
    "（一）政府采购",
    "绩效目标：",
    "绩效指标：",
    "1.评审费绩效目标表",
    "项目编码",
    "项目名称",
    "预算数",
    "其中：财政资金",
    "其他资金",
    "资金支出计划（%）",
    "3月底",
    "100.00%",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    "产出指标",
    "数量指标",
    "≥95%",
    "单位：万元",
    "13030421K8U6FQHZNYVC1",
    "6.00",
    "",
]
_piece = st.one_of(st.sampled_from(WORDS), st.text(max_size=12))
_text = st.lists(_piece, min_size=1, max_size=3).map("".join)


@st.composite
def _table(draw: st.DrawFn) -> Table:
    n_rows = draw(st.integers(1, 6))
    n_cols = draw(st.integers(1, 7))
    cells = []
    for r in range(n_rows):
        c = 0
        while c < n_cols:
            span = draw(st.integers(1, n_cols - c))
            row_span = draw(st.integers(1, n_rows - r))
            cells.append(Cell(draw(_text), r, c, row_span=row_span, col_span=span))
            c += span
    return Table(cells=tuple(cells), n_rows=n_rows, n_cols=n_cols)


_block = st.one_of(_text.map(lambda t: Paragraph(t)), _table())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_block, max_size=12))
def test_normalize_never_raises(blocks: list[Paragraph | Table]) -> None:
    out = normalize(Document(blocks=tuple(blocks), source_format="txt"))
    seqs = [p["project_seq"] for p in out.projects]
    assert seqs == list(range(1, len(seqs) + 1))
    assert {i["project_seq"] for i in out.indicators} <= set(seqs)
    for finding in out.findings:
        assert finding.code and "\n" not in finding.code


@settings(max_examples=300, deadline=None)
@given(st.lists(_text, max_size=15))
def test_part_one_never_raises(texts: list[str]) -> None:
    part = parse_part_one([Paragraph(t) for t in texts])
    assert part is not None
    for text in texts:
        section_of(text)
