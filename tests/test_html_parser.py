"""The web-page parser: grids as browsers lay them out, text as a reader reads it.

Pages are small hand-written HTML in the shapes government sites publish (CMS article pages
framed by menus and layout tables, Word and Excel exports); the two fixtures in
tests/fixtures/html/ are whole pages: a 湘潭-style article with two 申报表 and an Excel
"Save as Web Page" export of a 乌海 目标表, in GB2312 as Excel writes it on Chinese Windows.
"""

from __future__ import annotations

import codecs
import html
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.model import Cell, Document, Location, Paragraph, ParseError, Table
from extract.parsers import formats, registry
from extract.parsers.html_parser import EMPTY, NO_TEXT, parse_html

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"
GOVERNMENT_PAGE = FIXTURES / "government_page.html"
EXCEL_EXPORT = FIXTURES / "excel_export.htm"

Spot = tuple[int, int, int, int, str]  # row, col, row_span, col_span, text


def _page(body: str, head: str = '<meta charset="utf-8">') -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def _spots(table: Table) -> list[Spot]:
    return sorted((c.row, c.col, c.row_span, c.col_span, c.text) for c in table.cells)


def _only_table(doc: Document) -> Table:
    tables = list(doc.tables())
    assert len(tables) == 1, [b for b in doc.blocks]
    return tables[0]


def _texts(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs()]


def _cell(table: Table, row: int, col: int) -> Cell:
    cell = table.cell_at(row, col)
    assert cell is not None
    return cell


# --- grids ------------------------------------------------------------------------------


def test_row_and_col_spans_crossing_land_where_a_browser_puts_them() -> None:
    doc = parse_html(
        _page(
            "<table>"
            "<tr><td rowspan=3>A</td><td colspan=2>B</td><td>C</td></tr>"
            "<tr><td rowspan=2 colspan=2>D</td><td>E</td></tr>"
            "<tr><td>F</td></tr>"
            "<tr><td>G</td><td colspan=3>H</td></tr>"
            "</table>"
        )
    )
    table = _only_table(doc)
    assert (table.n_rows, table.n_cols) == (4, 4)
    assert _spots(table) == [
        (0, 0, 3, 1, "A"),
        (0, 1, 1, 2, "B"),
        (0, 3, 1, 1, "C"),
        (1, 1, 2, 2, "D"),
        (1, 3, 1, 1, "E"),
        (2, 3, 1, 1, "F"),
        (3, 0, 1, 1, "G"),
        (3, 1, 1, 3, "H"),
    ]
    assert _cell(table, 2, 2).text == "D"
    assert _cell(table, 2, 0).text == "A"
    assert _cell(table, 3, 2).location == Location(table=1, row=4, col=2)


def test_a_colspan_running_into_a_rowspan_from_above_stops_there() -> None:
    table = _only_table(
        parse_html(
            _page(
                "<table><tr><td>a</td><td rowspan=2>b</td><td>c</td></tr>"
                "<tr><td colspan=3>d</td><td>e</td></tr></table>"
            )
        )
    )
    # d starts in column 0; column 1 is b's, so d keeps one column and e follows b.
    assert _spots(table) == [
        (0, 0, 1, 1, "a"),
        (0, 1, 2, 1, "b"),
        (0, 2, 1, 1, "c"),
        (1, 0, 1, 1, "d"),
        (1, 2, 1, 1, "e"),
    ]


def test_absurd_spans_are_clamped_and_rowspans_end_with_their_row_group() -> None:
    table = _only_table(
        parse_html(
            _page(
                "<table><tbody>"
                '<tr><td colspan="99999">wide</td></tr>'
                '<tr><td rowspan="500">tall</td><td rowspan="0">zero</td><td>x</td></tr>'
                "<tr><td>y</td></tr>"
                "</tbody><tbody>"
                '<tr><td colspan="junk">p</td><td rowspan="-3">q</td><td colspan=0>r</td></tr>'
                "</tbody></table>"
            )
        )
    )
    assert table.n_cols == 1000
    assert table.n_rows == 4
    assert _spots(table) == [
        (0, 0, 1, 1000, "wide"),
        (1, 0, 2, 1, "tall"),
        (1, 1, 2, 1, "zero"),
        (1, 2, 1, 1, "x"),
        (2, 2, 1, 1, "y"),
        (3, 0, 1, 1, "p"),
        (3, 1, 1, 1, "q"),
        (3, 2, 1, 1, "r"),
    ]


def test_row_groups_read_in_display_order_and_th_is_a_cell() -> None:
    table = _only_table(
        parse_html(
            _page(
                "<table><caption>表1 指标</caption>"
                "<tfoot><tr><td>合计</td><td>10</td></tr></tfoot>"
                "<tbody><tr><td>产出指标</td><td>5</td></tr></tbody>"
                "<thead><tr><th>一级指标</th><th>分值</th></tr></thead>"
                "<tbody><tr><td>效益指标</td><td>5</td></tr></tbody>"
                "</table>"
            )
        )
    )
    assert [[c.text for c in row] for row in table.rows()] == [
        ["一级指标", "分值"],
        ["产出指标", "5"],
        ["效益指标", "5"],
        ["合计", "10"],
    ]


def test_rows_wrapped_in_a_form_and_cells_outside_rows_still_make_the_grid() -> None:
    doc = parse_html(
        _page(
            "<table><form action='/x'><tr><td>项目名称</td><td>道路养护</td></tr></form>"
            "<td>预算</td><td>250</td></table>"
        )
    )
    table = _only_table(doc)
    assert [[c.text for c in row] for row in table.rows()] == [
        ["项目名称", "道路养护"],
        ["预算", "250"],
    ]


def test_hidden_rows_and_cells_are_not_in_the_grid() -> None:
    table = _only_table(
        parse_html(
            _page(
                "<table><tr><td>a</td><td style='display: none'>secret</td><td>b</td></tr>"
                "<tr hidden><td>c</td><td>d</td></tr><tr><td>e</td><td>f</td></tr></table>"
            )
        )
    )
    assert _spots(table) == [
        (0, 0, 1, 1, "a"),
        (0, 1, 1, 1, "b"),
        (1, 0, 1, 1, "e"),
        (1, 1, 1, 1, "f"),
    ]


# --- cell and paragraph text ---------------------------------------------------------


def test_br_p_div_and_li_inside_a_cell_are_separate_cell_paragraphs() -> None:
    table = _only_table(
        parse_html(
            _page(
                "<table><tr><td>绩效目标</td><td>目标1:完成培训<br>目标2:保障运转<br/>"
                "<p>3.按时</p><div>4.足额</div><ul><li>5.合规</li><li>6.安全</li></ul></td>"
                "</tr></table>"
            )
        )
    )
    cell = _cell(table, 0, 1)
    assert cell.paragraphs == (
        "目标1:完成培训",
        "目标2:保障运转",
        "3.按时",
        "4.足额",
        "5.合规",
        "6.安全",
    )
    assert cell.text == "目标1:完成培训\n目标2:保障运转\n3.按时\n4.足额\n5.合规\n6.安全"


def test_a_nested_table_is_the_cells_table_and_numbered_after_the_top_level_ones() -> None:
    doc = parse_html(
        _page(
            "<table><tr><td>项目名称</td><td>道路养护</td></tr>"
            "<tr><td>预算</td><td>250</td></tr>"
            "<tr><td>绩效指标</td><td>见下表<table>"
            "<tr><td>一级指标</td><td>二级指标</td></tr>"
            "<tr><td>产出指标</td><td>数量指标</td></tr></table>共2项</td></tr></table>"
            "<p>第二张表</p>"
            "<table><tr><td>项目名称</td><td>农村公路</td></tr></table>"
        )
    )
    first, second = doc.tables()
    assert first.location == Location(table=1)
    assert second.location == Location(table=2)
    holder = _cell(first, 2, 1)
    assert holder.text == "见下表\n共2项"  # its own text, without the nested table's
    (nested,) = holder.tables
    assert nested.location == Location(table=3)
    assert _spots(nested) == [
        (0, 0, 1, 1, "一级指标"),
        (0, 1, 1, 1, "二级指标"),
        (1, 0, 1, 1, "产出指标"),
        (1, 1, 1, 1, "数量指标"),
    ]
    assert _cell(nested, 1, 1).location == Location(table=3, row=2, col=2)
    assert [t.location.table for t in first.iter_tables()] == [1, 3]


def test_spaces_collapse_and_chinese_is_not_split_by_source_line_breaks() -> None:
    doc = parse_html(
        _page(
            "<p>项目\n  名称</p>"
            "<p>资金&nbsp;&nbsp;总额　（万元）</p>"
            "<p>Performance\n  target\t  2023</p>"
            "<p><span>产出</span>\n<span>指标</span>\u200b</p>"
            "<p>≥95%\n以上</p>"
        )
    )
    assert _texts(doc) == [
        "项目名称",
        "资金 总额 （万元）",
        "Performance target 2023",
        "产出指标",
        "≥95% 以上",
    ]


def test_headings_paragraphs_and_lines_in_reading_order_with_locations() -> None:
    doc = parse_html(
        _page(
            "<h1>部门预算</h1><div>第一部分<br>部门整体绩效目标</div>"
            "<h3>一、<b>总体</b>目标</h3><p>完成<a href='#'>年度</a>任务</p>"
            "<ol start=3><li>目标甲</li><li value=7>目标乙</li><li>目标丙</li></ol>"
        )
    )
    assert list(doc.blocks) == [
        Paragraph("部门预算", heading_level=1, location=Location(line=1)),
        Paragraph("第一部分", location=Location(line=2)),
        Paragraph("部门整体绩效目标", location=Location(line=3)),
        Paragraph("一、总体目标", heading_level=3, location=Location(line=4)),
        Paragraph("完成年度任务", location=Location(line=5)),
        Paragraph("3. 目标甲", location=Location(line=6)),
        Paragraph("7. 目标乙", location=Location(line=7)),
        Paragraph("8. 目标丙", location=Location(line=8)),
    ]


# --- encodings --------------------------------------------------------------------------

GB_TEXT = "湘潭市交通运输局2023年项目支出绩效目标申报表：年度本级预算金额250万"


@pytest.mark.parametrize(
    "head",
    [
        '<meta charset="gbk">',
        "<meta charset=GB2312>",
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
        "<meta http-equiv=Content-Type content='text/html;charset=GB18030'>",
    ],
)
def test_a_gbk_page_declaring_its_charset_is_read_as_gb18030(head: str) -> None:
    data = f"<html><head>{head}</head><body><p>{GB_TEXT}</p></body></html>".encode("gbk")
    doc = parse_html(data)
    assert doc.encoding == "gb18030"
    assert _texts(doc) == [GB_TEXT]
    assert doc.notes == ()


def test_an_xhtml_declaration_names_the_charset_too() -> None:
    data = f'<?xml version="1.0" encoding="gb2312"?><html><body><p>{GB_TEXT}</p></body></html>'
    doc = parse_html(data.encode("gb2312"))
    assert (doc.encoding, _texts(doc)) == ("gb18030", [GB_TEXT])


def test_a_gbk_page_without_a_declaration_is_detected() -> None:
    doc = parse_html(f"<html><body><p>{GB_TEXT}</p></body></html>".encode("gbk"))
    assert (doc.encoding, _texts(doc)) == ("gb18030", [GB_TEXT])


def test_a_utf8_page_declaring_gbk_is_read_as_utf8_and_the_lie_is_noted() -> None:
    data = f"<html><head><meta charset=gbk></head><body><p>{GB_TEXT}</p></body></html>"
    doc = parse_html(data.encode("utf-8"))
    assert (doc.encoding, _texts(doc)) == ("utf-8", [GB_TEXT])
    assert doc.notes == ("the page declares charset gbk but is not encoded in it",)


def test_a_gbk_page_declaring_utf8_is_read_as_gbk_and_the_lie_is_noted() -> None:
    data = f"<html><head><meta charset=utf-8></head><body><p>{GB_TEXT}</p></body></html>"
    doc = parse_html(data.encode("gbk"))
    assert (doc.encoding, _texts(doc)) == ("gb18030", [GB_TEXT])
    assert doc.notes == ("the page declares charset utf-8 but is not encoded in it",)


def test_a_gbk_page_declaring_a_latin_charset_is_read_as_gbk() -> None:
    data = f"<html><head><meta charset=iso-8859-1></head><body><p>{GB_TEXT}</p></body></html>"
    doc = parse_html(data.encode("gbk"))
    assert (doc.encoding, _texts(doc)) == ("gb18030", [GB_TEXT])
    assert len(doc.notes) == 1 and doc.notes[0].startswith("the page declares charset iso-8859-1")


def test_a_declared_charset_nothing_else_reads_is_kept_with_a_note() -> None:
    data = "<html><head><meta charset=latin1></head><body><p>Café Noël</p></body></html>"
    doc = parse_html(data.encode("latin-1"))
    assert (doc.encoding, _texts(doc)) == ("cp1252", ["Café Noël"])
    assert doc.notes == ("the page declares charset latin1, but its text does not look Chinese",)


@pytest.mark.parametrize(
    ("codec", "bom"), [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)]
)
def test_utf16_with_a_bom_wins_over_the_meta_charset(codec: str, bom: bytes) -> None:
    text = f"<html><head><meta charset=gbk></head><body><p>{GB_TEXT}</p></body></html>"
    doc = parse_html(bom + text.encode(codec))
    assert (doc.encoding, _texts(doc)) == ("utf-16", [GB_TEXT])


def test_utf8_with_a_bom() -> None:
    doc = parse_html(codecs.BOM_UTF8 + _page(f"<p>{GB_TEXT}</p>"))
    assert (doc.encoding, _texts(doc)) == ("utf-8-sig", [GB_TEXT])


# --- what is not text ---------------------------------------------------------------------


def test_scripts_styles_comments_templates_and_form_controls_are_not_text() -> None:
    doc = parse_html(
        _page(
            "<script>document.write('脚本')</script><style>p{color:red}</style>"
            "<!-- 注释 --><noscript>请启用脚本</noscript><template><p>模板</p></template>"
            "<form><label>关键字</label><input value='输入框'><select><option>选项</option>"
            "</select><textarea>文本框</textarea><button>搜索</button></form>"
            "<p hidden>隐藏</p><p style='display:none'>也隐藏</p><p>正文</p>",
            head="<meta charset=utf-8><title>页面标题</title><style>b{}</style>",
        )
    )
    assert _texts(doc) == ["关键字", "正文"]


def test_page_furniture_is_dropped_by_element_and_by_name() -> None:
    doc = parse_html(
        _page(
            "<header><h1>网站名称</h1></header>"
            "<nav><a href='/'>首页</a></nav>"
            "<div class='nav'><a>政务公开</a></div>"
            "<div id='topNav'>顶部导航</div>"
            "<div class='bread-crumb'>当前位置：首页 &gt; 财政</div>"
            "<ul class='main-menu'><li>菜单</li></ul>"
            "<div class='sidebar'>侧栏</div>"
            "<aside>相关链接</aside>"
            "<div class='bdsharebuttonbox'>分享到</div>"
            "<div id='toolbar'>打印 关闭</div>"
            "<div id='zoom'><p>正文第一段</p><p>正文第二段</p></div>"
            "<div class='copyright'>版权所有</div>"
            "<div id='footer'>联系我们</div>"
            "<footer>网站地图</footer>"
        )
    )
    assert _texts(doc) == ["正文第一段", "正文第二段"]


def test_the_article_survives_cms_containers_and_a_furniture_named_ancestor() -> None:
    rows = "".join(f"<tr><td>指标{n}</td><td>{n}0%</td></tr>" for n in range(1, 5))
    doc = parse_html(
        _page(
            "<div class='navigation-layout'><nav>菜单</nav>"  # a furniture name on the wrapper
            "<div class='content'><div id='zoom'>"
            "<p>2023年项目支出绩效目标申报表</p>"
            f"<table>{rows}</table>"
            "<p>填报说明</p></div></div></div>"
        )
    )
    assert _texts(doc) == ["2023年项目支出绩效目标申报表", "填报说明"]
    table = _only_table(doc)
    assert (table.n_rows, table.n_cols) == (4, 2)
    assert _cell(table, 3, 1).text == "40%"


def test_a_menu_of_links_in_a_furniture_element_is_dropped_even_as_a_table() -> None:
    links = "".join(f"<td><a href='/{n}'>栏目{n}</a></td>" for n in range(8))
    doc = parse_html(_page(f"<div id='menu'><table><tr>{links}</tr></table></div><p>正文</p>"))
    assert list(doc.tables()) == []
    assert _texts(doc) == ["正文"]


# --- layout tables ------------------------------------------------------------------------


def test_a_one_cell_frame_is_unwrapped_into_its_content() -> None:
    doc = parse_html(
        _page(
            "<table width=100%><tr><td><h2>2023年项目支出绩效目标申报表</h2>"
            "<table><tr><td>项目名称</td><td>道路养护</td></tr></table>"
            "<p>单位：万元</p></td></tr></table>"
        )
    )
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table", "Paragraph"]
    heading = doc.blocks[0]
    assert isinstance(heading, Paragraph) and heading.heading_level == 2
    assert _spots(_only_table(doc)) == [(0, 0, 1, 1, "项目名称"), (0, 1, 1, 1, "道路养护")]
    assert _only_table(doc).location == Location(table=1)


def test_a_table_whose_cells_only_hold_tables_is_unwrapped() -> None:
    doc = parse_html(
        _page(
            "<table><tr>"
            "<td><table><tr><td>长期目标</td><td>完成建设</td></tr></table></td>"
            "<td><table><tr><td>年度目标</td><td>完成一期</td></tr></table></td>"
            "</tr></table>"
        )
    )
    first, second = doc.tables()
    assert [c.text for c in first.cells] == ["长期目标", "完成建设"]
    assert [c.text for c in second.cells] == ["年度目标", "完成一期"]
    assert (first.location, second.location) == (Location(table=1), Location(table=2))


def test_a_form_with_a_grid_nested_beside_its_labels_keeps_the_grid_nested() -> None:
    doc = parse_html(
        _page(
            "<table>"
            "<tr><td>项目编码</td><td>632001</td><td>项目名称</td><td>道路养护</td></tr>"
            "<tr><td>预算数</td><td>250</td><td>财政资金</td><td>250</td></tr>"
            "<tr><td>绩效目标</td><td colspan=3>1.完成路面修补</td></tr>"
            "<tr><td colspan=4><table><tr><td>一级指标</td><td>二级指标</td></tr>"
            "<tr><td>产出指标</td><td>数量指标</td></tr></table></td></tr>"
            "</table>"
        )
    )
    form = _only_table(doc)
    assert form.n_rows == 4
    (grid,) = _cell(form, 3, 0).tables
    assert [c.text for c in grid.cells] == ["一级指标", "二级指标", "产出指标", "数量指标"]


def test_a_government_page_yields_its_two_forms_as_top_level_tables_with_their_titles() -> None:
    doc = parse_html(GOVERNMENT_PAGE.read_bytes())
    assert doc.source_format == "html"
    assert doc.encoding == "utf-8"
    assert (doc.notes, doc.unread) == ((), ())
    kinds = [
        b.text if isinstance(b, Paragraph) else f"table {b.location.table}" for b in doc.blocks
    ]
    assert kinds == [
        "湘潭市交通运输局2023年项目支出绩效目标",
        "发布时间：2023-03-01",
        "2023年项目支出绩效目标申报表",
        "单位：万元",
        "table 1",
        "2023年项目支出绩效目标申报表",
        "单位：万元",
        "table 2",
        "主办单位：湘潭市人民政府办公室",
    ]
    first, second = doc.tables()
    assert (first.n_rows, first.n_cols) == (8, 5)
    assert [c.text for c in first.rows()[0]] == [
        "项目支出名称",
        "道路养护",
        "预算部门",
        "湘潭市交通运输局",
    ]
    assert _cell(first, 4, 3).text == "1.完成路面修补\n2.保障道路通行"
    assert _cell(first, 7, 0).text == "产出指标"  # rowspan=2 from row 6
    assert [c.text for c in first.rows()[7]] == ["质量指标", "验收合格率", "≥95%", "行业标准"]
    assert _cell(second, 1, 4).text == "30万"
    assert _cell(second, 1, 4).location == Location(table=2, row=2, col=5)
    paragraphs = list(doc.paragraphs())
    assert [p.location.line for p in paragraphs] == list(range(1, 8))
    assert paragraphs[0].heading_level == 2


# --- Excel's web pages ------------------------------------------------------------------


def test_an_excel_export_reads_like_any_table() -> None:
    data = EXCEL_EXPORT.read_bytes()
    assert formats.detect(data, EXCEL_EXPORT.name) == "html"
    doc = parse_html(data)
    assert doc.encoding == "gb18030"
    assert list(doc.paragraphs()) == []  # the publishing wizard's comments and <xml> are gone
    table = _only_table(doc)
    # 11 rows of content, one empty row of heights only; the hidden sizing row is dropped.
    assert (table.n_rows, table.n_cols) == (12, 9)
    assert [c.text for c in table.rows()[0]] == ["项目绩效目标表"]
    assert _cell(table, 0, 8).col_span == 9
    assert [c.text for c in table.rows()[3]] == [
        "项目类别",
        "(31)部门预算项目",
        "主管部门",
        "(433)乌海市供销合作社联合社(部门)",
    ]
    assert _cell(table, 5, 0).text == "投入目标(万元)"
    assert _cell(table, 6, 0).text == "投入目标(万元)"
    assert _cell(table, 5, 3).text == "其中: 财政拨款数"  # mso-spacerun &nbsp;s collapse
    assert [c.text for c in table.rows()[6]] == ["3", "3", "0"]
    assert _cell(table, 7, 1).paragraphs == ("目标1:完成社员培训", "目标2:保障机构正常运转")
    assert [c.text for c in table.rows()[10]] == [
        "时效指标",
        "完成时间",
        "正向",
        "=",
        "44,561",  # shown text, not the x:num serial
        "日期",
        "10",
        "",  # a full-width space is no text
    ]
    assert [c.text for c in table.rows()[11]] == [""] * 9


# --- hostile and broken input -----------------------------------------------------------

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE html [\n <!ENTITY lol "lol">\n'
    ' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
    ' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n'
    ' <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
    "<html><body><p>甲&lol3;乙</p><p>&xxe;</p><table><tr><td>&xxe;</td><td>值</td></tr></table>"
    "</body></html>"
)


def test_entity_declarations_are_not_expanded_nor_fetched() -> None:
    doc = parse_html(BILLION_LAUGHS.encode())
    assert _texts(doc) == ["甲&lol3;乙", "&xxe;"]
    assert [c.text for c in _only_table(doc).cells] == ["&xxe;", "值"]
    assert doc.notes == ("the page's DOCTYPE declares entities: they were not expanded",)


def test_an_unclosed_internal_subset_does_not_swallow_the_page() -> None:
    doc = parse_html(b'<!DOCTYPE html [<!ENTITY a "b"><html><body><p>&a;</p></body></html>')
    assert _texts(doc) == ["&a;"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_binary_garbage_is_a_one_line_parse_error(seed: int) -> None:
    noise = random.Random(seed).randbytes(4096)
    with pytest.raises(ParseError) as info:
        parse_html(noise)
    assert "\n" not in str(info.value) and str(info.value)


def test_high_bytes_without_nul_that_no_encoding_reads_are_a_parse_error() -> None:
    rng = random.Random(7)
    noise = bytes(rng.choice(range(0x80, 0x100)) for _ in range(2048))
    with pytest.raises(ParseError, match="cannot decide the text encoding"):
        parse_html(noise)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", EMPTY),
        (b" \r\n\t ", EMPTY),
        (codecs.BOM_UTF8, EMPTY),
        (b"<!DOCTYPE html>", EMPTY),
        (b"<html><head><title>T</title></head><body></body></html>", NO_TEXT),
        (b"<html><body><script>alert(1)</script><!-- x --><p>&nbsp;</p></body></html>", NO_TEXT),
        (b"<table><tr><td></td><td> </td></tr></table>", NO_TEXT),
    ],
)
def test_a_page_without_text_is_a_parse_error(data: bytes, message: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_html(data)
    assert str(info.value) == message


def test_a_frameset_says_where_the_content_is() -> None:
    data = (
        b'<html><frameset rows="*,39"><frame src="book.files/sheet001.htm" name="frSheet">'
        b"<noframes><body><p>This page uses frames</p></body></noframes></frameset></html>"
    )
    with pytest.raises(ParseError, match=r"only frames of other pages .* \.files folder"):
        parse_html(data)


def test_a_page_nested_past_the_parser_limit_keeps_what_came_before() -> None:
    deep = "<div>" * 400 + "深处" + "</div>" * 400
    doc = parse_html(_page(f"<p>开头</p>{deep}<p>结尾</p>"))
    assert _texts(doc)[0] == "开头"
    assert "结尾" not in _texts(doc)
    assert doc.unread == ("the rest of the page: its elements nest more than 255 deep",)


def test_the_registry_detects_and_parses_a_page() -> None:
    data = GOVERNMENT_PAGE.read_bytes()
    assert registry.detect_format(data, "page.htm") == "html"
    doc = registry.parse(data, "html")
    assert len(list(doc.tables())) == 2


# --- property: any grid of spans reads back -----------------------------------------------

_WORD = st.text(alphabet="项目资金绩效指标ABCxyz019<&>%≥", min_size=1, max_size=4)
_PARAGRAPH = st.lists(_WORD, min_size=1, max_size=3).map(" ".join)


@st.composite
def _grids(draw: st.DrawFn) -> tuple[int, int, list[Spot]]:
    """A partition of an n×m grid into rectangles, filled in reading order as HTML does."""
    n_rows, n_cols = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    owner = [[False] * n_cols for _ in range(n_rows)]
    spots: list[Spot] = []
    for row in range(n_rows):
        for col in range(n_cols):
            if owner[row][col]:
                continue
            free = 0
            while col + free < n_cols and not owner[row][col + free]:
                free += 1
            width = draw(st.integers(1, free))
            height = draw(st.integers(1, n_rows - row))
            for r in range(row, row + height):
                for c in range(col, col + width):
                    owner[r][c] = True
            text = "\n".join(draw(st.lists(_PARAGRAPH, min_size=1, max_size=3)))
            spots.append((row, col, height, width, text))
    return n_rows, n_cols, spots


def _render(n_rows: int, spots: list[Spot], data: st.DataObject) -> str:
    rows: list[list[str]] = [[] for _ in range(n_rows)]
    for row, _col, height, width, text in spots:
        tag = data.draw(st.sampled_from(["td", "th"]))
        attrs = "".join(
            f' {name}="{value}"' if value > 1 or data.draw(st.booleans()) else ""
            for name, value in (("rowspan", height), ("colspan", width))
        )
        body = "<br>".join(html.escape(line) for line in text.split("\n"))
        gap = data.draw(st.sampled_from(["", "\n  ", " "]))
        rows[row].append(f"{gap}<{tag}{attrs}>{body}</{tag}>")
    body = "".join(f"<tr>{''.join(cells)}</tr>\n" for cells in rows)
    if data.draw(st.booleans()):
        body = f"<tbody>{body}</tbody>"
    return f"<p>表</p><table border=1>{body}</table>"


@settings(max_examples=150, deadline=None)
@given(grid=_grids(), data=st.data())
def test_a_random_grid_of_spans_reads_back_to_the_same_cells(
    grid: tuple[int, int, list[Spot]], data: st.DataObject
) -> None:
    n_rows, n_cols, spots = grid
    doc = parse_html(_page(_render(n_rows, spots, data)))
    if len(spots) == 1:  # one cell is a frame around its content: its lines are paragraphs
        assert list(doc.tables()) == []
        assert _texts(doc) == ["表", *spots[0][4].split("\n")]
        return
    table = _only_table(doc)
    assert _texts(doc) == ["表"]
    assert (table.n_rows, table.n_cols) == (n_rows, n_cols)
    assert _spots(table) == sorted(spots)
    for cell in table.cells:
        assert cell.location == Location(table=1, row=cell.row + 1, col=cell.col + 1)
