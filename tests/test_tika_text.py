"""parse_tika_text: the reference rendering, its re-encodings, and Tika's convention at large."""

from __future__ import annotations

import codecs
import string
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import SAMPLES
from extract.model import Document, Location, Paragraph, ParseError, Table
from extract.parsers.encoding import NOT_TEXT, UNDECIDED
from extract.parsers.tika_text import parse_tika_text

REFERENCE = Path(__file__).resolve().parent.parent / "samples" / "reference.txt"
RAW = REFERENCE.read_bytes()
HEADER_ROW_SIZES = [2, 4, 7, 2, 5, 5, 2]
NOTES = (
    "table 4, row 3: blank line inside a cell (column count 6)",
    "table 4, row 8: blank line inside a cell (column count 6)",
)


@pytest.fixture(scope="module")
def doc() -> Document:
    return parse_tika_text(RAW)


def _texts(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows()]


# --- the reference document -----------------------------------------------------------------


def test_reference_tables(doc: Document) -> None:
    tables = list(doc.tables())
    assert len(tables) == 6
    assert [t.location for t in tables] == [
        Location(table=n, line=line) for n, line in enumerate([27, 63, 137, 174, 251, 287], 1)
    ]
    for header in tables[0::2]:
        assert [len(row) for row in header.rows()] == HEADER_ROW_SIZES
        assert (header.n_rows, header.n_cols) == (7, 7)
        assert _texts(header)[0] == ["632001秦皇岛市北戴河区政府采购中心(本级)", "单位：万元"]
        assert _texts(header)[4][:2] == ["资金支出计划（%）", "3月底"]
    for grid in tables[1::2]:
        assert (grid.n_rows, grid.n_cols) == (10, 6)
        assert [len(row) for row in grid.rows()] == [6] * 10
        assert _texts(grid)[0] == [
            "一级指标",
            "二级指标",
            "三级指标",
            "绩效指标描述",
            "指标值",
            "指标值确定依据",
        ]
        assert [row[1] for row in _texts(grid)[1:]] == [
            "数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标",
            "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标",
        ]  # fmt: skip
    assert doc.notes == NOTES
    assert (doc.source_format, doc.encoding) == ("txt", "utf-8")


def test_blank_line_inside_the_third_level_indicator_cell(doc: Document) -> None:
    grid = list(doc.tables())[3]
    row = grid.rows()[2]
    assert [cell.text for cell in row] == [
        "", "质量指标", "采购项目完成数量", "完成采购项目比率", "≥95%", "年度工作计划"
    ]  # fmt: skip
    assert row[2].paragraphs == ("采购项目完成数量", "")
    assert row[2].location == Location(table=4, row=3, col=3, line=190)
    assert row[3].location == Location(table=4, row=3, col=4, line=192)
    assert row[0].paragraphs == ("",)


def test_excel_paste_and_blank_line_in_the_ecological_row(doc: Document) -> None:
    row = list(doc.tables())[3].rows()[7]
    assert [cell.col for cell in row] == [0, 1, 2, 3, 4, 5]
    assert row[1].text == "生态效益指标"
    assert row[3].paragraphs == ('"政府采购注重环保产品采购', '"\t')
    assert row[3].text == '"政府采购注重环保产品采购\n"\t'
    assert row[4].paragraphs == ("得到供应商的认可", "")
    assert row[4].text == "得到供应商的认可"
    assert row[5].text == "年度工作计划"
    assert row[5].location.line == 231


def test_goal_cell_holds_both_lines(doc: Document) -> None:
    header = list(doc.tables())[2]
    goal_row = header.rows()[6]
    assert goal_row[0].text == "绩效目标"
    assert goal_row[1].paragraphs == ("1.保证采购项目合法进行、顺利完成。", "2.提高采购资金节约率")
    assert goal_row[1].location == Location(table=3, row=7, col=2, line=169)


def test_reference_paragraphs(doc: Document) -> None:
    paragraphs = list(doc.paragraphs())
    assert len(paragraphs) == 23
    assert (paragraphs[0].text, paragraphs[0].location) == ("第一部分", Location(line=1))
    texts = [p.text for p in paragraphs]
    wanted = ["第二部分", "（一）政府采购", "绩效目标：合法合规完成采购项目", "（二）人员管理"]
    assert [t for t in texts if t in wanted] == [
        "（一）政府采购", "绩效目标：合法合规完成采购项目", "（二）人员管理", "第二部分"
    ]  # fmt: skip
    marked = [(p.location.line, p.bookmarks, p.text) for p in paragraphs if p.bookmarks]
    assert marked == [
        (4, ("_Toc62830653",), "一、总体绩效目标"),
        (6, ("_Toc62830654",), "二、分项绩效目标"),
        (13, ("_Toc62830655",), "三、工作保障措施"),
        (26, ("_Toc62830656",), "1.国有土地交易中心运行费用绩效目标表"),
        (136, ("_Toc62830657",), "2.评审费绩效目标表"),
        (250, ("_Toc62830658",), "3.人事代理经费绩效目标表"),
    ]
    assert all("[bookmark" not in t for t in texts)


def test_titles_come_right_before_their_tables(doc: Document) -> None:
    kinds = [b.text if isinstance(b, Paragraph) else "TABLE" for b in doc.blocks]
    assert kinds[-9:] == [
        "1.国有土地交易中心运行费用绩效目标表", "TABLE", "TABLE",
        "2.评审费绩效目标表", "TABLE", "TABLE",
        "3.人事代理经费绩效目标表", "TABLE", "TABLE",
    ]  # fmt: skip


# --- the same bytes in other clothes ----------------------------------------------------------

TEXT = RAW.decode("utf-8")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.replace("\n", "\r\n").encode(), "utf-8"),
        (codecs.BOM_UTF8 + RAW, "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.replace("\n", "\r\n").encode("gbk"), "gb18030"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_reencoded_reference_gives_the_same_blocks(
    doc: Document, data: bytes, encoding: str
) -> None:
    other = parse_tika_text(data)
    assert other.blocks == doc.blocks
    assert other.notes == doc.notes
    assert other.encoding == encoding


def test_undecidable_and_binary_input() -> None:
    with pytest.raises(ParseError) as info:
        parse_tika_text("Café\n".encode("latin-1"))
    assert str(info.value) == UNDECIDED
    with pytest.raises(ParseError) as info:
        parse_tika_text(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00")
    assert str(info.value) == NOT_TEXT


@pytest.mark.parametrize("data", [b"", b"\n\r\n \n", "\u3000\t\n".encode("gb18030")])
def test_blank_input_is_refused(data: bytes) -> None:
    with pytest.raises(ParseError) as info:
        parse_tika_text(data)
    assert str(info.value) == "the file has no text, only spaces and blank lines"


# --- the convention, case by case -------------------------------------------------------------


def _parse(text: str) -> Document:
    return parse_tika_text(text.encode("utf-8"))


def _rows(text: str) -> list[list[tuple[str, ...]]]:
    return [[c.paragraphs for c in row] for t in _parse(text).tables() for row in t.rows()]


def test_spaces_around_paragraphs_and_several_bookmarks() -> None:
    doc = _parse(
        "\u3000（一）\u00a0政府采购\u00a0\n[bookmark: a][bookmark: b] 标题\t说明\n\u3000\n"
    )
    assert [(p.text, p.bookmarks, p.location.line) for p in doc.paragraphs()] == [
        ("（一）\u00a0政府采购", (), 1),
        ("标题\t说明", ("a", "b"), 2),
    ]


def test_bookmarks_inside_cells_are_dropped() -> None:
    assert _rows("\t[bookmark: x]甲\n[bookmark: y]乙\n\t丙\n\n\n") == [[("甲", "乙"), ("丙",)]]


def test_one_blank_line_then_text_continues_the_cell() -> None:
    assert _rows("\t甲\n\n乙\n\t丙\n\n\n后文\n") == [[("甲", "", "乙"), ("丙",)]]


def test_two_blank_lines_then_text_end_the_table() -> None:
    doc = _parse("\t甲\n\t乙\n\n\n后文\n")
    assert [type(b).__name__ for b in doc.blocks] == ["Table", "Paragraph"]
    assert next(doc.paragraphs()).location.line == 5


def test_two_blank_lines_then_a_tab_line_is_a_cell_ending_in_an_empty_paragraph() -> None:
    text = "\t甲\n\t乙\n\n\n\t丙\n\t丁\n\n"
    assert _rows(text) == [[("甲",), ("乙", "")], [("丙",), ("丁",)]]
    assert _parse(text).notes == ()


def test_three_blank_lines_separate_tables() -> None:
    doc = _parse("\t甲\n\t乙\n\n\n\n\t丙\n\t丁\n\n\n")
    assert [t.location for t in doc.tables()] == [
        Location(table=1, line=1),
        Location(table=2, line=6),
    ]


def test_irregular_table_is_never_merged() -> None:
    text = "\ta\n\tb\n\n\tc\n\td\n\te\n\tf\n\tg\n\n\th\n\ti\n\n\n"
    assert [[len(r) for r in t.rows()] for t in _parse(text).tables()] == [[2, 5, 2]]
    assert _parse(text).notes == ()


def test_regular_table_merges_and_reports() -> None:
    # chunk sizes 3, 1, 1, 1, 3, 3, 3, 2, 3: full rows are 5 of the 9 chunks
    text = (
        "\ta\n\tb\n\tc\n\n\td\n\n\n\te\n\n\tf\n\n"
        + "\tg\n\th\n\ti\n\n" * 3
        + "\tj\n\tk\n\n\tl\n\tm\n\tn\n\n\n"
    )
    assert _rows(text) == [
        [("a",), ("b",), ("c",)],
        [("d", "", ""), ("e", ""), ("f",)],
        *[[("g",), ("h",), ("i",)]] * 3,
        [("j",), ("k",)],
        [("l",), ("m",), ("n",)],
    ]
    assert _parse(text).notes == (
        "table 1, row 2: 2 blank lines inside cells (column count 3)",
        "table 1, row 6: 2 of 3 cells",
    )


def test_a_forms_short_header_rows_stay_rows() -> None:
    """A 申报表: a title row and label/value rows of merged cells above a 4-column grid; the
    short rows add up to the grid's width, but they are rows, not one row split by blank lines."""
    header = "\t2021年度项目支出绩效目标表\n\n\t项目名称\n\t供热改造\n\n\t项目类别\n\t专项\n\n"
    grid = "\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n" * 3
    doc = _parse(header + grid + "\n")
    (table,) = doc.tables()
    assert [len(row) for row in table.rows()] == [1, 2, 2, 4, 4, 4]


def test_large_document_is_linear() -> None:
    row = "\t\n\t质量指标\n\t采购项目完成数量\n\n\t完成采购项目比率\n\t≥95%\n\t年度工作计划\n\n"
    text = ("标题\n" + "\t一\n\t二\n\t三\n\t四\n\t五\n\t六\n\n" * 10_000 + row * 4_000 + "\n") * 3
    doc = _parse(text)
    tables = list(doc.tables())
    assert [t.n_rows for t in tables] == [14_000] * 3
    assert len(doc.notes) == 12_000


# --- properties -----------------------------------------------------------------------------

CHARS = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
    st.sampled_from(string.ascii_letters + string.digits + " .,:%()-\"'"),
    st.sampled_from("，。：；（）≥％、\u3000\u00a0"),
)
CELL_TEXT = st.text(CHARS, min_size=1, max_size=8).filter(lambda s: s.strip() != "")
CELL = st.one_of(st.just([""]), st.lists(CELL_TEXT, min_size=1, max_size=3))
BOOKMARKS = st.lists(st.from_regex(r"_Toc[0-9]{1,8}", fullmatch=True), max_size=2)


@dataclass(frozen=True)
class ParaSpec:
    text: str
    bookmarks: tuple[str, ...]


TableSpec = list[list[list[str]]]


@st.composite
def table_specs(draw: st.DrawFn) -> TableSpec:
    """A regular grid; some cells end with an empty paragraph where the parser can tell.

    A mid-row cell ending empty splits its row into two chunks, so at most a third of the rows
    may do so (full rows must stay the majority), and the very last cell of the table must not
    (its blank line would merge into the table end). At the top of a table a split row must be
    followed by a full one: two split rows there print exactly like a form's first label rows
    above its grid (`test_a_forms_short_header_rows_stay_rows`), which is what they are read as.
    """
    n_cols = draw(st.integers(2, 8))
    n_rows = draw(st.integers(1, 10))
    rows = [[list(draw(CELL)) for _ in range(n_cols)] for _ in range(n_rows)]
    split_rows = draw(st.sets(st.integers(0, n_rows - 1), max_size=(n_rows - 1) // 3))
    if 0 in split_rows:
        split_rows.discard(1)
    for r in split_rows:
        rows[r][draw(st.integers(0, n_cols - 2))].append("")
    for r in draw(st.sets(st.integers(0, n_rows - 2), max_size=n_rows)) if n_rows > 1 else ():
        rows[r][-1].append("")
    return rows


@st.composite
def documents(draw: st.DrawFn) -> list[ParaSpec | TableSpec]:
    paragraph = st.builds(ParaSpec, st.text(CHARS, max_size=10), BOOKMARKS.map(tuple))
    tables = draw(st.lists(table_specs(), max_size=3))
    blocks: list[ParaSpec | TableSpec] = list(draw(st.lists(paragraph, max_size=3)))
    for table in tables:
        if blocks and not isinstance(blocks[-1], ParaSpec):
            blocks.append(draw(paragraph))  # Word keeps a paragraph between two tables
        blocks.append(table)
        blocks.extend(draw(st.lists(paragraph, max_size=2)))
    return blocks


def render_tika(blocks: list[ParaSpec | TableSpec]) -> str:
    """Tika's convention: TAB before a cell, newline after a paragraph, a row and a table."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, ParaSpec):
            out.append("".join(f"[bookmark: {b}]" for b in block.bookmarks) + block.text + "\n")
            continue
        for row in block:
            out.extend("\t" + "".join(p + "\n" for p in cell) for cell in row)
            out.append("\n")
        out.append("\n")
    return "".join(out)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_rendered_documents_read_back(blocks: list[ParaSpec | TableSpec]) -> None:
    text = render_tika(blocks)
    assume(text.strip())  # a blank file is refused (test_blank_input_is_refused)
    doc = _parse(text)
    expected_tables = [b for b in blocks if not isinstance(b, ParaSpec)]
    got_tables = [[[list(c.paragraphs) for c in row] for row in t.rows()] for t in doc.tables()]
    assert got_tables == expected_tables
    expected_paragraphs = [
        (b.text.strip(), b.bookmarks) for b in blocks if isinstance(b, ParaSpec) and b.text.strip()
    ]
    assert [(p.text, p.bookmarks) for p in doc.paragraphs()] == expected_paragraphs
    assert [t.n_cols for t in doc.tables()] == [len(t[0]) for t in expected_tables]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_parse_or_raise_parse_error(data: bytes) -> None:
    try:
        doc = parse_tika_text(data)
    except ParseError:
        return
    assert doc.source_format == "txt"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=300))
def test_arbitrary_text_always_parses(text: str) -> None:
    if not text.strip():
        with pytest.raises(ParseError):
            parse_tika_text(text.encode("utf-8"))
        return
    doc = parse_tika_text(text.encode("utf-8"))
    for table in doc.tables():
        assert table.n_rows == len(table.rows()) >= 1
        assert all(cell.location.table == table.location.table for cell in table.cells)


@st.composite
def forms_with_nested_grids(draw: st.DrawFn) -> tuple[TableSpec, TableSpec]:
    """A form's label rows (shorter than its grid, as merged cells make them, and of
    different widths: rows of one width are a grid, which a form's header is not) and the
    indicator grid nested in its last row, whose cells may end with empty paragraphs."""
    grid = draw(table_specs())
    width = len(grid[0])
    sizes = st.integers(1, max(1, width - 1))
    rows = draw(st.lists(sizes, min_size=1, max_size=6, unique=True))
    form = [[[draw(CELL_TEXT)] for _ in range(n)] for n in rows]
    return form, grid


def render_nested(form: TableSpec, grid: TableSpec) -> str:
    """Tika's text of a form whose last row is one cell holding the grid: the cell's TAB and
    the grid's first cell's TAB meet (`\\t\\t`), and Word keeps an empty paragraph after a
    table at the end of a cell."""
    out = ["标题\n"]
    for row in form:
        out.extend("\t" + "".join(p + "\n" for p in cell) for cell in row)
        out.append("\n")
    out.append("\t")
    for row in grid:
        out.extend("\t" + "".join(p + "\n" for p in cell) for cell in row)
        out.append("\n")
    out.append("\n\n\n\n")  # grid end, the cell's last paragraph, the row end, the table end
    return "".join(out)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(forms_with_nested_grids())
def test_a_grid_nested_in_a_form_reads_back(case: tuple[TableSpec, TableSpec]) -> None:
    form, grid = case
    (table,) = _parse(render_nested(form, grid)).tables()
    rows = table.rows()
    assert [[list(c.paragraphs) for c in row] for row in rows[:-1]] == form
    (holder,) = rows[-1]
    (inner,) = holder.tables
    assert [[list(c.paragraphs) for c in row] for row in inner.rows()] == grid


def test_tika_render_reproduces_the_real_tika_text_of_the_reference() -> None:
    """samples/tika_render.py, which renders the layout samples' .txt, writes what Tika
    wrote for the reference, byte for byte."""
    sys.path.insert(0, str(SAMPLES))
    from tika_render import render

    expected = (SAMPLES / "reference.txt").read_text(encoding="utf-8")
    assert render((SAMPLES / "reference.docx").read_bytes()) == expected
