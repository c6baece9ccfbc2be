"""The Word parser: every layout of the reference content reads as the reference text.

samples/make_samples.py renders samples/reference.txt (Tika's text of the original .docx) as
real Word files: the reference layout and variants that change only how Word stores the same
visible text. Each is compared with the text file itself, so the parser is checked against
the original rather than against its own earlier output.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from lxml import etree  # type: ignore[import-untyped]

from bad_inputs import zip_bomb
from conftest import SAMPLES
from extract.model import Cell, Document, Paragraph, ParseError, Table
from extract.parsers.docx_numbering import format_number
from extract.parsers.docx_parser import parse_docx
from extract.parsers.docx_styles import Styles

REFERENCE_TXT = SAMPLES / "reference.txt"
VARIANTS = ("nested", "continued", "repeated_level1", "breaks_tabs", "autonumber", "tracked")
ALL_FILES = ("reference.docx", *(f"variants/{name}.docx" for name in VARIANTS))
# Layouts whose cells hold exactly the reference's cell texts (no merge or break changed).
SAME_CELL_TEXT = (
    "variants/nested.docx",
    "variants/continued.docx",
    "variants/autonumber.docx",
    "variants/tracked.docx",
)
DAMAGED = "not a valid Word file (damaged or not a .docx): "
BOOKMARK = re.compile(r"^\[bookmark: ([^\]]+)\]")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NUM_OFF = '<w:numPr><w:numId w:val="0"/></w:numPr>'
SPAN_999 = '<w:gridSpan w:val="999"/>'
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@cache
def _doc(name: str) -> Document:
    return parse_docx((SAMPLES / name).read_bytes())


def _xml(name: str) -> str:
    with zipfile.ZipFile(SAMPLES / name) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def _all_tables(doc: Document) -> list[Table]:
    return [inner for table in doc.tables() for inner in table.iter_tables()]


def _all_cells(doc: Document) -> list[Cell]:
    return [cell for table in _all_tables(doc) for cell in table.cells]


def _only(table: Table, row: int, col: int) -> Cell:
    cell = next((c for c in table.cells if (c.row, c.col) == (row, col)), None)
    assert cell is not None, f"no cell starts at {(row, col)}"
    return cell


# --- what the text rendering says --------------------------------------------------------


def _txt_outside_lines() -> list[tuple[str, tuple[str, ...]]]:
    """Non-empty lines outside tables, as (text, bookmarks).

    In Tika's text a table starts with a TAB line and ends with two blank lines in a row
    (row end + table end); no cell of the reference ends with an empty paragraph, so this is
    unambiguous here.
    """
    out: list[tuple[str, tuple[str, ...]]] = []
    in_table = False
    blank_run = 0
    for line in REFERENCE_TXT.read_text(encoding="utf-8").split("\n"):
        if line.startswith("\t"):
            in_table = True
        blank_run = blank_run + 1 if line == "" else 0
        if in_table:
            in_table = blank_run < 2
            continue
        if line:
            m = BOOKMARK.match(line)
            out.append((line[m.end() :], (m.group(1),)) if m else (line, ()))
    return out


def _render(doc: Document, *, fill_covered: bool = False) -> list[str]:
    """The document as Tika prints it, blank lines left out (they are layout only).

    A position covered by a vertical merge prints as an empty cell, as in Tika; with
    `fill_covered` it prints the merged cell's text instead, which is what a layout that
    repeats the label instead of merging shows. A cell holding only a nested table prints
    the nested table's rows in its place.
    """
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            prefix = "".join(f"[bookmark: {name}]" for name in block.bookmarks)
            lines.extend((prefix + block.text).split("\n"))
        else:
            lines.extend(_render_table(block, fill_covered))
    return [line for line in lines if line]


def _render_table(table: Table, fill_covered: bool) -> list[str]:
    out: list[str] = []
    for r in range(table.n_rows):
        c = 0
        while c < table.n_cols:
            cell = table.cell_at(r, c)
            if cell is None:
                c += 1
                continue
            if cell.row == r and cell.tables and not "".join(cell.paragraphs).strip():
                for inner in cell.tables:
                    out.extend(_render_table(inner, fill_covered))
            elif cell.row == r or fill_covered:
                source = cell.paragraphs if cell.row == r else (cell.text,)
                pieces = "\n".join(source).split("\n")
                out.append("\t" + pieces[0])
                out.extend(pieces[1:])
            else:
                out.append("\t")
            c = cell.col + cell.col_span
    return out


def _txt_lines() -> list[str]:
    return [line for line in REFERENCE_TXT.read_text(encoding="utf-8").split("\n") if line]


def _norm(text: str) -> str:
    """Cell text as compared across layouts.

    A line break and a paragraph break are the same thing (Cell.text joins paragraphs with
    "\\n", a `<w:br/>` is "\\n" inside one), so: split into lines, strip each (this drops the
    TAB Excel leaves after a pasted value, `"…"\\t`), drop empty lines (an empty paragraph or a
    trailing break), and take off the quotes Excel wraps around a pasted multi-line value.
    """
    lines = [line.strip() for line in text.split("\n")]
    joined = "\n".join(line for line in lines if line)
    if len(joined) >= 2 and joined[0] == joined[-1] == '"':
        joined = joined[1:-1].strip()
    return joined


def _cell_texts(doc: Document, *, normalise: bool) -> Counter[str]:
    texts = (_norm(c.text) if normalise else c.text for c in _all_cells(doc))
    return Counter(t for t in texts if t.strip())


def _row_view(doc: Document) -> Counter[str]:
    """Per grid row, the distinct cells covering it: a merge counts once per row it spans."""
    out: Counter[str] = Counter()
    for table in _all_tables(doc):
        for r in range(table.n_rows):
            seen: set[int] = set()
            for c in range(table.n_cols):
                cell = table.cell_at(r, c)
                if cell is not None and id(cell) not in seen:
                    seen.add(id(cell))
                    if _norm(cell.text):
                        out[_norm(cell.text)] += 1
    return out


# --- the reference layout ----------------------------------------------------------------


def test_reference_has_six_numbered_tables() -> None:
    doc = _doc("reference.docx")
    tables = list(doc.tables())
    assert [t.location.table for t in tables] == [1, 2, 3, 4, 5, 6]
    assert [(t.n_rows, t.n_cols) for t in tables] == [(7, 7), (10, 6)] * 3


def test_reference_header_table_merges() -> None:
    header = next(iter(_doc("reference.docx").tables()))
    spans = {(c.row, c.col): (c.text, c.row_span, c.col_span) for c in header.cells}
    assert spans[(0, 0)] == ("632001秦皇岛市北戴河区政府采购中心(本级)", 1, 5)
    assert spans[(0, 5)] == ("单位：万元", 1, 2)
    assert spans[(1, 1)] == ("13030421K8U6FQHZNYVC1", 1, 2)
    assert spans[(1, 4)] == ("国有土地交易中心运行费用", 1, 3)
    assert spans[(2, 0)] == ("预算规模及资金用途", 2, 1)
    assert spans[(3, 1)][1:] == (1, 6)
    assert spans[(4, 0)] == ("资金支出计划（%）", 2, 1)
    assert spans[(6, 1)][1:] == (1, 6)
    assert (3, 0) not in spans and (5, 0) not in spans
    assert header.cell_at(3, 0) is header.cell_at(2, 0)
    assert len(header.cells) == 25
    assert _only(header, 2, 0).location.describe() == "table 1, row 3, col 1"


def test_reference_indicator_table_merges() -> None:
    table = list(_doc("reference.docx").tables())[1]
    level1 = {c.row: (c.text, c.row_span) for c in table.cells if c.col == 0}
    assert level1 == {
        0: ("一级指标", 1),
        1: ("产出指标", 4),
        5: ("效益指标", 4),
        9: ("满意度指标", 1),
    }
    for row in (2, 3, 4, 6, 7, 8):
        assert table.cell_at(row, 0) is not None
        assert all((c.row, c.col) != (row, 0) for c in table.cells)
    assert table.cell_at(3, 0) is _only(table, 1, 0)


def test_reference_cell_quirks_are_kept() -> None:
    table = list(_doc("reference.docx").tables())[3]
    assert _only(table, 7, 3).paragraphs == ('"政府采购注重环保产品采购\n"\t',)
    assert _only(table, 2, 2).paragraphs == ("采购项目完成数量", "")
    assert _only(table, 2, 2).text == "采购项目完成数量"
    assert _only(table, 7, 4).paragraphs == ("得到供应商的认可", "")
    goals = _only(list(_doc("reference.docx").tables())[2], 6, 1)
    assert goals.paragraphs == ("1.保证采购项目合法进行、顺利完成。", "2.提高采购资金节约率")


REFERENCE_SHAPES = [(7, 7), (10, 6)] * 3
SHAPES = {
    "variants/nested.docx": [(8, 7), (10, 6)] * 3,
    "variants/continued.docx": [(17, 7)] * 3,
}
MERGED_LEVEL1 = [("一级指标", 1), ("产出指标", 4), ("效益指标", 4), ("满意度指标", 1)]
REPEATED_LEVEL1 = [("一级指标", 1)] + [("产出指标", 1)] * 4 + [("效益指标", 1)] * 4
REPEATED_LEVEL1 += [("满意度指标", 1)]


def _header_spans(table: Table) -> set[tuple[int, int, int, int]]:
    return {(c.row, c.col, c.row_span, c.col_span) for c in table.cells if c.row < 7}


def _level1(doc: Document) -> list[tuple[str, int]]:
    """The first project's 一级指标 column, wherever the layout puts the indicator grid."""
    tables = _all_tables(doc)
    grid = tables[0] if tables[0].n_rows > 8 else tables[1]
    offset = 7 if grid is tables[0] else 0
    column = sorted((c for c in grid.cells if c.col == 0 and c.row >= offset), key=lambda c: c.row)
    for cell in column:  # covered positions hold no Cell of their own
        for row in range(cell.row + 1, cell.row + cell.row_span):
            assert all((c.row, c.col) != (row, 0) for c in grid.cells)
            assert grid.cell_at(row, 0) is cell
    return [(c.text, c.row_span) for c in column]


def _headers(doc: Document) -> list[Table]:
    return [t for t in doc.tables() if _only(t, 0, 0).text.startswith("632001")]


@pytest.mark.parametrize("name", ALL_FILES)
def test_table_structure(name: str) -> None:
    doc, reference = _doc(name), _doc("reference.docx")
    shapes = SHAPES.get(name, REFERENCE_SHAPES)
    assert [(t.n_rows, t.n_cols) for t in _all_tables(doc)] == shapes
    assert [t.location.table for t in _all_tables(doc)] == list(range(1, len(shapes) + 1))
    for table, expected in zip(_headers(doc), _headers(reference), strict=True):
        assert _header_spans(table) == _header_spans(expected)
    assert _level1(doc) == (REPEATED_LEVEL1 if "repeated" in name else MERGED_LEVEL1)


def test_reference_renders_as_the_tika_text() -> None:
    assert _render(_doc("reference.docx")) == _txt_lines()


def _tika_like(name: str) -> str:
    """The sample's own XML printed the way Tika prints Word: checks the sample, not the parser.

    A line per paragraph (empty ones included), a TAB before each cell, a blank line after
    each row and after each table.
    """
    w = "{" + W_NS + "}"
    out: list[str] = []

    def paragraph(p: Any) -> str:
        marks = "".join(f"[bookmark: {b.get(w + 'name')}]" for b in p.iter(w + "bookmarkStart"))
        kinds = {w + "tab": "\t", w + "br": "\n", w + "cr": "\n"}
        return marks + "".join(kinds.get(n.tag, n.text or "") for n in p.iter(*kinds, w + "t"))

    def blocks(parent: Any) -> None:
        for child in parent:
            if child.tag == w + "p":
                out.append(paragraph(child) + "\n")
            elif child.tag == w + "tbl":
                for tr in child.findall(w + "tr"):
                    for tc in tr.findall(w + "tc"):
                        out.append("\t")
                        blocks(tc)
                    out.append("\n")
                out.append("\n")

    blocks(etree.fromstring(_xml(name).encode("utf-8")).find(w + "body"))
    return "".join(out)


@pytest.mark.parametrize("name", ["reference.docx", "variants/breaks_tabs.docx"])
def test_sample_holds_the_reference_text_byte_for_byte(name: str) -> None:
    assert _tika_like(name) == REFERENCE_TXT.read_text(encoding="utf-8")


def test_headings_and_bookmarks() -> None:
    paragraphs = list(_doc("reference.docx").paragraphs())
    levels = {p.text: p.heading_level for p in paragraphs if p.heading_level}
    assert levels == {
        "一、总体绩效目标": 1,
        "二、分项绩效目标": 1,
        "三、工作保障措施": 1,
        "1.国有土地交易中心运行费用绩效目标表": 2,
        "2.评审费绩效目标表": 2,
        "3.人事代理经费绩效目标表": 2,
    }
    assert paragraphs[0].location.line == 1


# --- every variant against the reference --------------------------------------------------


@pytest.mark.parametrize("name", ALL_FILES)
def test_paragraphs_outside_tables_match_the_text(name: str) -> None:
    got = [(p.text, p.bookmarks) for p in _doc(name).paragraphs() if p.text.strip()]
    assert got == _txt_outside_lines()


@pytest.mark.parametrize("name", [n for n in ALL_FILES if "repeated" not in n])
def test_variant_renders_as_the_tika_text(name: str) -> None:
    assert _render(_doc(name)) == _txt_lines()


def test_repeated_level1_renders_as_the_filled_reference() -> None:
    reference = _render(_doc("reference.docx"), fill_covered=True)
    assert _render(_doc("variants/repeated_level1.docx"), fill_covered=True) == reference


@pytest.mark.parametrize("name", SAME_CELL_TEXT)
def test_variant_cell_texts_equal_the_reference_exactly(name: str) -> None:
    reference = _cell_texts(_doc("reference.docx"), normalise=False)
    assert _cell_texts(_doc(name), normalise=False) == reference


@pytest.mark.parametrize("name", [n for n in ALL_FILES if "repeated" not in n])
def test_variant_cell_texts_equal_the_reference_normalised(name: str) -> None:
    reference = _cell_texts(_doc("reference.docx"), normalise=True)
    assert _cell_texts(_doc(name), normalise=True) == reference


@pytest.mark.parametrize("name", ALL_FILES)
def test_variant_rows_hold_the_reference_texts(name: str) -> None:
    """The row view counts a merged label once per row, so a repeated label matches it."""
    assert _row_view(_doc(name)) == _row_view(_doc("reference.docx"))


def test_nested_variant() -> None:
    doc = _doc("variants/nested.docx")
    outer = list(doc.tables())
    assert len(outer) == 3
    assert [t.location.table for t in _all_tables(doc)] == [1, 2, 3, 4, 5, 6]
    holder = _only(outer[0], 7, 0)
    assert (holder.col_span, holder.text, len(holder.tables)) == (7, "", 1)
    inner = holder.tables[0]
    assert (inner.n_rows, inner.n_cols, inner.location.table) == (10, 6, 2)
    assert _only(inner, 1, 0).row_span == 4
    assert _only(inner, 1, 0).location.describe() == "table 2, row 2, col 1"
    assert _only(outer[1], 0, 0).location.table == 3


def test_continued_variant() -> None:
    tables = list(_doc("variants/continued.docx").tables())
    assert [(t.n_rows, t.n_cols) for t in tables] == [(17, 7)] * 3
    table = tables[0]
    assert (_only(table, 7, 0).text, _only(table, 8, 0).row_span) == ("一级指标", 4)
    assert _only(table, 8, 3).col_span == 2
    assert table.cell_at(10, 0) is _only(table, 8, 0)


def test_repeated_level1_variant() -> None:
    tables = list(_doc("variants/repeated_level1.docx").tables())[1::2]
    for table in tables:
        level1 = sorted((c for c in table.cells if c.col == 0), key=lambda c: c.row)
        assert [c.row for c in level1] == list(range(10))
        assert all(c.row_span == 1 for c in level1)
    assert [c.text for c in tables[2].cells if c.col == 0][1:5] == ["产出指标"] * 4


def test_breaks_tabs_variant() -> None:
    xml = _xml("variants/breaks_tabs.docx")
    assert "<w:br/>" in xml and "<w:cr/>" in xml and "<w:tab/>" in xml
    tables = list(_doc("variants/breaks_tabs.docx").tables())
    goals = _only(tables[2], 6, 1)
    assert goals.paragraphs == ("1.保证采购项目合法进行、顺利完成。\n2.提高采购资金节约率",)
    assert goals.text == _only(list(_doc("reference.docx").tables())[2], 6, 1).text
    assert _only(tables[3], 2, 2).paragraphs == ("采购项目完成数量\n",)
    assert _only(tables[3], 7, 4).paragraphs == ("得到供应商的认可\n",)
    assert _only(tables[3], 7, 3).text == '"政府采购注重环保产品采购\n"\t'


def test_autonumber_variant_numbers_come_from_numbering() -> None:
    xml = _xml("variants/autonumber.docx")
    for label in ("一、", "（一）", "（二）", "1.国有", "2.评审", "3.人事"):
        assert f">{label}" not in xml
    assert xml.count("<w:numPr>") == 5  # 一二三, （一）（二）; project titles via their style
    texts = [p.text for p in _doc("variants/autonumber.docx").paragraphs()]
    assert "（二）人员管理" in texts and "3.人事代理经费绩效目标表" in texts
    levels = [p.heading_level for p in _doc("variants/autonumber.docx").paragraphs()]
    assert levels == [p.heading_level for p in _doc("reference.docx").paragraphs()]


def test_tracked_variant() -> None:
    xml = _xml("variants/tracked.docx")
    for construct in ("<w:del ", "<w:ins ", "<w:hyperlink ", "<w:sdt>", "<w:fldSimple "):
        assert construct in xml
    assert 'w:fldCharType="separate"' in xml and "作废的旧编码" in xml and "DOCPROPERTY" in xml
    doc = _doc("variants/tracked.docx")
    everything = "\n".join([p.text for p in doc.paragraphs()] + [c.text for c in _all_cells(doc)])
    assert "作废的旧编码" not in everything  # deleted
    assert "DOCPROPERTY" not in everything and "\\#" not in everything  # field codes
    tables = list(doc.tables())
    assert _only(tables[0], 1, 1).text == "13030421K8U6FQHZNYVC1"  # inserted part kept
    assert _only(tables[0], 2, 2).text == "6.00"  # complex field result
    assert _only(tables[2], 0, 5).text == "单位：万元"  # simple field result
    assert _only(tables[0], 1, 4).text == "国有土地交易中心运行费用"  # content control in cell
    assert _only(tables[2], 1, 4).text == "评审费"  # content control around the cell
    assert _only(tables[5], 9, 2).text == "单位人员满意度"  # content control around the row


# --- bad input ----------------------------------------------------------------------------


def _zip(members: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _message(data: bytes) -> str:
    with pytest.raises(ParseError) as info:
        parse_docx(data)
    return str(info.value)


def test_random_bytes() -> None:
    assert _message(random.Random(1).randbytes(4096)).startswith(DAMAGED)


def test_zip_without_document() -> None:
    data = _zip({"hello.txt": "hi"})
    assert _message(data) == "not a Word document: the archive has no word/document.xml"


def test_truncated_docx() -> None:
    data = (SAMPLES / "reference.docx").read_bytes()
    assert _message(data[: len(data) // 2]).startswith(DAMAGED)


def test_encrypted_word_file() -> None:
    data = OLE_MAGIC + bytes(600) + "EncryptedPackage".encode("utf-16-le")
    assert _message(data) == "password-protected Word file: remove the password and save again"


def test_legacy_doc() -> None:
    data = OLE_MAGIC + bytes(1024)
    assert _message(data) == "legacy Word .doc file: save it as .docx"


_LAUGHS = '<!ENTITY lol0 "lol">' + "".join(
    f'<!ENTITY lol{i} "{(f"&lol{i - 1};") * 10}">' for i in range(1, 10)
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_billion_laughs(encoding: str) -> None:
    xml = (
        f'<?xml version="1.0" encoding="{encoding}"?><!DOCTYPE w:document [{_LAUGHS}]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    data = _zip({"word/document.xml": xml.encode(encoding)})
    assert _message(data) == "unsafe Word file: XML contains a DTD/entities"


def test_zip_bomb_total_size(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(zip_bomb())
    assert path.stat().st_size < 2 << 20
    assert _message(path.read_bytes()) == "unsafe Word file: it would unpack to more than 200 MB"


def test_zip_bomb_ratio() -> None:
    data = _zip({"word/document.xml": bytes(20 << 20)})
    assert _message(data) == "unsafe Word file: word/document.xml is compressed more than 200:1"


def test_not_a_wordprocessing_document() -> None:
    data = _zip({"word/document.xml": "<root/>"})
    expected = "not a Word document: word/document.xml is not a WordprocessingML document"
    assert _message(data) == expected


def test_malformed_xml() -> None:
    data = _zip({"word/document.xml": f'<w:document xmlns:w="{W_NS}"><w:body>'})
    assert _message(data).startswith(DAMAGED + "word/document.xml is not well-formed XML")


def test_mangled_files_raise_only_parse_error() -> None:
    """Random damage to the XML or the archive bytes: a Document or a ParseError, nothing else."""
    rng = random.Random(7)
    raw = (SAMPLES / "variants/tracked.docx").read_bytes()
    xml = _xml("variants/tracked.docx").encode("utf-8")
    for _ in range(60):
        mangled = bytearray(xml)
        for _ in range(rng.randint(1, 20)):
            mangled[rng.randrange(len(mangled))] = rng.choice(b"<>/=\"'&w:x ")
        cut = bytes(mangled[: rng.randrange(len(mangled) // 2, len(mangled) + 1)])
        for data in (_zip({"word/document.xml": cut}), _flip(raw, rng)):
            try:
                parse_docx(data)
            except ParseError as exc:
                assert "\n" not in str(exc)


def _flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(8):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


# --- Word constructs on small hand-written documents --------------------------------------


def _docx(body: str, *, styles: str = "", numbering: str = "") -> bytes:
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    members: dict[str, bytes | str] = {
        "word/document.xml": f'{head}<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body>'
        "</w:document>"
    }
    if styles:
        members["word/styles.xml"] = f'{head}<w:styles xmlns:w="{W_NS}">{styles}</w:styles>'
    if numbering:
        members["word/numbering.xml"] = (
            f'{head}<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>'
        )
    return _zip(members)


def _texts(body: str, **parts: str) -> list[str]:
    return [p.text for p in parse_docx(_docx(body, **parts)).paragraphs()]


def _r(inner: str) -> str:
    return f"<w:r>{inner}</w:r>"


def _t(text: str) -> str:
    return _r(f'<w:t xml:space="preserve">{text}</w:t>')


def _field(instruction: str, result: str) -> str:
    return (
        _r('<w:fldChar w:fldCharType="begin"/>')
        + _r(f"<w:instrText>{instruction}</w:instrText>")
        + _r('<w:fldChar w:fldCharType="separate"/>')
        + result
        + _r('<w:fldChar w:fldCharType="end"/>')
    )


def test_run_content_as_word_shows_it() -> None:
    body = (
        "<w:p>"
        + "".join(
            [
                _r("<w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/>"),
                _r("<w:t>so</w:t><w:softHyphen/><w:t>ft</w:t><w:noBreakHyphen/>"),
                f'<w:del w:id="1" w:author="x">{_r("<w:delText>GONE</w:delText>")}</w:del>',
                f'<w:moveFrom w:id="2" w:author="x">{_t("MOVED")}</w:moveFrom>',
                f'<w:moveTo w:id="3" w:author="x">{_t("m")}</w:moveTo>',
                f'<w:smartTag w:uri="u" w:element="e">{_t("s")}</w:smartTag>',
                f'<w:customXml w:element="e">{_t("x")}</w:customXml>',
                _r('<w:footnoteReference w:id="1"/>'),
                _r("<w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t>"),
                _r('<w:sym w:font="Wingdings" w:char="F0B7"/><w:sym w:font="x" w:char="2605"/>'),
                f"<w:sdt><w:sdtContent>{_t('d')}</w:sdtContent></w:sdt>",
                f"<w:ruby><w:rt>{_t('zhù')}</w:rt><w:rubyBase>{_t('注')}</w:rubyBase></w:ruby>",
                _field(" PAGE ", _t("7")),
                f'<w:fldSimple w:instr=" NUMPAGES ">{_t("9")}</w:fldSimple>',
            ]
        )
        + "</w:p>"
    )
    assert _texts(body) == ["a\tb\nc\nsoft-msx★d注79"]


def test_nested_fields_show_the_outer_result_only() -> None:
    inner = _field(" MERGEFIELD x ", _t("INNER"))
    body = (
        "<w:p>"
        + _r('<w:fldChar w:fldCharType="begin"/>')
        + _r("<w:instrText>IF </w:instrText>")
        + inner
        + _r('<w:fldChar w:fldCharType="separate"/>')
        + _t("outer")
        + _r('<w:fldChar w:fldCharType="end"/>')
        + "</w:p>"
    )
    assert _texts(body) == ["outer"]


def test_field_result_may_span_paragraphs_but_an_instruction_may_not() -> None:
    toc = (
        "<w:p>"
        + _r('<w:fldChar w:fldCharType="begin"/>')
        + _r("<w:instrText>TOC \\o</w:instrText>")
        + _r('<w:fldChar w:fldCharType="separate"/>')
        + _t("entry 1")
        + "</w:p><w:p>"
        + _t("entry 2")
        + _r('<w:fldChar w:fldCharType="end"/>')
        + "</w:p>"
    )
    broken = "<w:p>" + _r('<w:fldChar w:fldCharType="begin"/><w:instrText>X</w:instrText>')
    broken += "</w:p><w:p>" + _t("shown") + "</w:p>"
    assert _texts(toc) == ["entry 1", "entry 2"]
    assert _texts(broken) == ["shown"]


def test_bookmarks_and_empty_paragraphs() -> None:
    body = (
        '<w:bookmarkStart w:id="1" w:name="before"/><w:p/>'
        '<w:p><w:bookmarkStart w:id="2" w:name="_GoBack"/>'
        '<w:bookmarkStart w:id="3" w:name="_Toc1"/>' + _t("title") + "</w:p><w:p>  </w:p>"
    )
    paragraphs = list(parse_docx(_docx(body)).paragraphs())
    assert [(p.text, p.bookmarks, p.location.line) for p in paragraphs] == [
        ("title", ("_Toc1",), 2)
    ]


STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    "</w:style>"
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="标题 2"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="heading3"><w:name w:val="Custom"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="Mine"/>'
    '<w:basedOn w:val="1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Out"><w:name w:val="Out"/>'
    '<w:pPr><w:outlineLvl w:val="3"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="LoopA"><w:name w:val="A"/><w:basedOn w:val="LoopB"/>'
    '</w:style><w:style w:type="paragraph" w:styleId="LoopB"><w:name w:val="B"/>'
    '<w:basedOn w:val="LoopA"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Listed"><w:name w:val="Listed"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
)


def _styled(style: str, text: str, extra: str = "") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr>{_t(text)}</w:p>'


def test_heading_levels_from_styles_and_outline_levels() -> None:
    body = (
        _styled("1", "h1")
        + _styled("a5", "h2")
        + _styled("heading3", "h3")
        + _styled("Mine", "based on h1")
        + _styled("Out", "outline 3")
        + _styled("Normal", "direct", '<w:outlineLvl w:val="2"/>')
        + _styled("1", "body text level", '<w:outlineLvl w:val="9"/>')
        + _styled("LoopA", "cycle")
        + f"<w:p>{_t('plain')}</w:p>"
    )
    doc = parse_docx(_docx(body, styles=STYLES))
    assert [(p.text, p.heading_level) for p in doc.paragraphs()] == [
        ("h1", 1),
        ("h2", 2),
        ("h3", 3),
        ("based on h1", 1),
        ("outline 3", 4),
        ("direct", 3),
        ("body text level", None),
        ("cycle", None),
        ("plain", None),
    ]


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


NUMBERING = (
    '<w:abstractNum w:abstractNumId="10">'
    + _lvl(0, "decimal", "%1.")
    + _lvl(1, "decimal", "%1.%2")
    + _lvl(2, "lowerLetter", "(%3)")
    + "</w:abstractNum>"
    + '<w:abstractNum w:abstractNumId="20">'
    + _lvl(0, "chineseCounting", "%1、")
    + _lvl(1, "chineseCounting", "（%2）")
    + "</w:abstractNum>"
    + '<w:abstractNum w:abstractNumId="30">'
    + _lvl(0, "bullet", "•")
    + "</w:abstractNum>"
    + '<w:abstractNum w:abstractNumId="40">'
    + _lvl(0, "upperRoman", "%1.")
    + _lvl(1, "decimalEnclosedCircle", "%2")
    + _lvl(2, "ideographTraditional", "%3、")
    + _lvl(3, "chineseCountingThousand", "第%4条", start=105)
    + "</w:abstractNum>"
    + '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>'
    + '<w:num w:numId="2"><w:abstractNumId w:val="10"/>'
    + '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
    + '<w:num w:numId="3"><w:abstractNumId w:val="20"/></w:num>'
    + '<w:num w:numId="4"><w:abstractNumId w:val="30"/></w:num>'
    + '<w:num w:numId="5"><w:abstractNumId w:val="40"/></w:num>'
    + '<w:num w:numId="6"><w:abstractNumId w:val="10"/></w:num>'
)


def _numbered(num_id: int, ilvl: int, text: str) -> str:
    props = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return f"<w:p><w:pPr>{props}</w:pPr>{_t(text)}</w:p>"


def test_numbering_labels() -> None:
    """numIds 1 and 6 share abstractNum 10, so they continue one sequence (as Word and Tika
    count); numId 2 restarts it with a startOverride and counts on its own."""
    items = [
        (1, 0, "a"),
        (1, 1, "b"),
        (1, 1, "c"),
        (1, 2, "d"),
        (1, 0, "e"),
        (1, 1, "f"),
        (2, 0, "override"),
        (1, 2, "g"),
        (6, 0, "shared"),
        (3, 0, "甲"),
        (3, 1, "乙"),
        (3, 0, "丙"),
        (3, 1, "丁"),
        (4, 0, "bullet"),
        (5, 0, "roman"),
        (5, 1, "circle"),
        (5, 2, "tiangan"),
        (5, 3, "article"),
    ]
    body = "".join(_numbered(*item) for item in items)
    body += _styled("Listed", "via style") + _styled("Listed", "removed", NUM_OFF)
    assert _texts(body, styles=STYLES, numbering=NUMBERING) == [
        "1.a",
        "1.1b",
        "1.2c",
        "(a)d",
        "2.e",
        "2.1f",
        "5.override",
        "(a)g",
        "3.shared",
        "一、甲",
        "（一）乙",
        "二、丙",
        "（一）丁",
        "bullet",
        "I.roman",
        "①circle",
        "甲、tiangan",
        "第一百零五条article",
        "4.via style",
        "removed",
    ]


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"),
        (99, "chineseCounting", "九十九"),
        (100, "chineseCounting", "一〇〇"),
        (10, "chineseCountingThousand", "十"),
        (105, "chineseCountingThousand", "一百零五"),
        (1010, "chineseCountingThousand", "一千零一十"),
        (10001, "chineseCountingThousand", "一万零一"),
        (12, "chineseLegalSimplified", "壹拾贰"),
        (1, "ideographTraditional", "甲"),
        (10, "ideographTraditional", "癸"),
        (27, "lowerLetter", "aa"),
        (3, "upperLetter", "C"),
        (1994, "upperRoman", "MCMXCIV"),
        (4, "lowerRoman", "iv"),
        (20, "decimalEnclosedCircle", "⑳"),
        (21, "decimalEnclosedCircle", "21"),
        (7, "decimalZero", "07"),
        (12, "somethingNew", "12"),
    ],
)
def test_number_formats(n: int, fmt: str, expected: str) -> None:
    assert format_number(n, fmt) == expected


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p>{_t(text)}</w:p></w:tc>"


def test_grid_before_after_and_damaged_merges() -> None:
    rows = [
        '<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>'
        + _tc("a", '<w:vMerge w:val="restart"/>')
        + _tc("b")
        + "</w:tr>",
        "<w:tr>" + _tc("x") + _tc("", "<w:vMerge/>") + _tc("c") + _tc("wide", SPAN_999) + "</w:tr>",
        '<w:tr><w:trPr><w:del w:id="1" w:author="x"/></w:trPr>' + _tc("deleted row") + "</w:tr>",
        "<w:tr>"
        + _tc("orphan", '<w:vMerge w:val="continue"/>')
        + _tc("h", '<w:vMerge w:val="restart"/>')
        + _tc("merged", '<w:hMerge w:val="continue"/>')
        + "</w:tr>",
        "<w:tr>" + _tc("", "<w:vMerge/>") + _tc("hidden text", "<w:vMerge/>") + "</w:tr>",
    ]
    doc = parse_docx(_docx(f"<w:tbl>{''.join(rows)}</w:tbl><w:p/>"))
    (table,) = doc.tables()
    spans = {(c.row, c.col): (c.text, c.row_span, c.col_span) for c in table.cells}
    assert spans == {
        (0, 1): ("a", 2, 1),
        (0, 2): ("b", 1, 1),
        (1, 0): ("x", 1, 1),
        (1, 2): ("c", 1, 1),
        (1, 3): ("wide", 1, 64),
        (2, 0): ("orphan", 2, 1),
        (2, 1): ("h\nmerged", 2, 2),
    }
    assert (table.n_rows, table.n_cols) == (4, 67)
    assert doc.notes == ("table 1, row 4, col 2: text in a cell merged into the one above ignored",)


def test_content_controls_around_rows_and_cells() -> None:
    row = "<w:tr>" + _tc("one") + f"<w:sdt><w:sdtContent>{_tc('two')}</w:sdtContent></w:sdt></w:tr>"
    body = f"<w:tbl><w:sdt><w:sdtContent>{row}</w:sdtContent></w:sdt></w:tbl>"
    (table,) = parse_docx(_docx(body)).tables()
    assert [(c.row, c.col, c.text) for c in table.cells] == [(0, 0, "one"), (0, 1, "two")]


def test_strict_open_xml_namespace() -> None:
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    data = _docx(f"<w:p>{_t('strict')}</w:p>").replace(W_NS.encode(), strict.encode())
    assert [p.text for p in parse_docx(data).paragraphs()] == ["strict"]


def test_main_part_named_by_the_package_relationships() -> None:
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="/word/main.xml" Type="http://schemas.openxmlformats.org'
        '/officeDocument/2006/relationships/officeDocument"/></Relationships>'
    )
    xml = f'<w:document xmlns:w="{W_NS}"><w:body><w:p>{_t("main")}</w:p></w:body></w:document>'
    data = _zip({"_rels/.rels": rels, "word/main.xml": xml})
    assert [p.text for p in parse_docx(data).paragraphs()] == ["main"]


# --- the styles part, read lazily ---------------------------------------------------------


def _reprefixed(xml: str, prefix: str) -> str:
    """The same WordprocessingML with another namespace prefix than `w:`."""
    return re.sub(r"(</?|\s)w:", rf"\g<1>{prefix}:", xml).replace("xmlns:w=", f"xmlns:{prefix}=")


HEADINGS = [
    ("1", "h1", 1),
    ("a5", "h2", 2),
    ("heading3", "h3", 3),
    ("Mine", "based on h1", 1),
    ("Out", "outline 3", 4),
    ("LoopA", "cycle", None),
    ("Listed", "1.via style", None),
]


def _heading_doc(styles_xml: str) -> bytes:
    body = "".join(_styled(style, text.removeprefix("1.")) for style, text, _ in HEADINGS)
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    return _zip(
        {
            "word/document.xml": f'{head}<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body>'
            "</w:document>",
            "word/styles.xml": head + styles_xml,
            "word/numbering.xml": f'{head}<w:numbering xmlns:w="{W_NS}">{NUMBERING}</w:numbering>',
        }
    )


@pytest.mark.parametrize("prefix", ["w", "x", "ns0"])
def test_styles_read_the_same_whatever_the_prefix(prefix: str) -> None:
    """`w:` is read style by style on demand; any other prefix makes the part parsed whole."""
    xml = _reprefixed(f'<w:styles xmlns:w="{W_NS}">{STYLES}</w:styles>', prefix)
    doc = parse_docx(_heading_doc(xml))
    assert [(p.text, p.heading_level) for p in doc.paragraphs()] == [
        (text, level) for _, text, level in HEADINGS
    ]


def test_styles_of_the_reference_sample_read_alike_both_ways() -> None:
    """Every style of Word's real 350 KB styles part: on-demand reading equals a whole parse."""
    with zipfile.ZipFile(SAMPLES / "reference.docx") as archive:
        xml = archive.read("word/styles.xml").decode("utf-8")
    ids = re.findall(r'w:styleId="([^"]+)"', xml)
    assert len(ids) > 150
    lazy = Styles(xml.encode(), lambda b: etree.fromstring(b))
    whole = Styles(_reprefixed(xml, "x").encode(), lambda b: etree.fromstring(b))
    assert lazy.default == whole.default == "Normal"
    for style_id in [*ids, None, "NoSuchStyle"]:
        assert lazy.heading_level(style_id) == whole.heading_level(style_id), style_id
        assert lazy.numbering(style_id) == whole.numbering(style_id), style_id
    assert [lazy.heading_level(f"Heading{n}") for n in range(1, 10)] == list(range(1, 10))


def test_styles_with_escaped_ids_and_empty_elements() -> None:
    styles = (
        f'<w:styles xmlns:w="{W_NS}">'
        '<w:style w:type="paragraph" w:styleId="Empty"/>'
        '<w:style w:type="paragraph" w:styleId="A&amp;B"><w:name w:val="heading 2"/>'
        "</w:style></w:styles>"
    )
    body = _styled("A&amp;B", "escaped") + _styled("Empty", "empty")
    doc = parse_docx(_docx(body, styles=styles.split(">", 1)[1].rsplit("<", 1)[0]))
    assert [(p.text, p.heading_level) for p in doc.paragraphs()] == [
        ("escaped", 2),
        ("empty", None),
    ]


def test_styles_part_without_a_closing_tag_is_damage() -> None:
    body = _styled("1", "h1")
    styles = '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/>'
    with pytest.raises(ParseError, match="^" + re.escape(DAMAGED + "word/styles.xml is not")):
        parse_docx(_docx(body, styles=styles))


def test_numbering_borrowed_through_a_numbering_style() -> None:
    """`numStyleLink` names a numbering style whose numId holds the levels (Word's list styles)."""
    styles = (
        STYLES + '<w:style w:type="numbering" w:styleId="BudgetList"><w:pPr>'
        '<w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>'
    )
    numbering = (
        '<w:abstractNum w:abstractNumId="60"><w:styleLink w:val="BudgetList"/>'
        + _lvl(0, "chineseCounting", "%1、")
        + "</w:abstractNum>"
        + '<w:abstractNum w:abstractNumId="50"><w:numStyleLink w:val="BudgetList"/>'
        + "</w:abstractNum>"
        + '<w:num w:numId="7"><w:abstractNumId w:val="60"/></w:num>'
        + '<w:num w:numId="8"><w:abstractNumId w:val="50"/></w:num>'
    )
    body = _numbered(8, 0, "总体目标") + _numbered(8, 0, "分项目标")
    assert _texts(body, styles=styles, numbering=numbering) == ["一、总体目标", "二、分项目标"]


def test_properties_are_found_where_the_schema_puts_them() -> None:
    """Row, cell, paragraph and run properties are read as the schema orders them: a row's
    after its table-level exceptions, the others first (a hidden run, a deleted row, a
    gridBefore after tblPrEx, a styled paragraph)."""
    hidden = "<w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>"
    rows = [
        '<w:tr><w:tblPrEx><w:tblBorders/></w:tblPrEx><w:trPr><w:gridBefore w:val="1"/></w:trPr>'
        + _tc("shifted")
        + "</w:tr>",
        '<w:tr><w:tblPrEx><w:tblBorders/></w:tblPrEx><w:trPr><w:del w:id="2" w:author="x"/>'
        "</w:trPr>" + _tc("deleted") + "</w:tr>",
        "<w:tr><w:tc><w:tcPr/><w:p>" + _t("shown") + hidden + "</w:p></w:tc></w:tr>",
    ]
    doc = parse_docx(_docx(f"<w:tbl>{''.join(rows)}</w:tbl><w:p/>"))
    (table,) = doc.tables()
    assert {(c.row, c.col): c.text for c in table.cells} == {(0, 1): "shifted", (1, 0): "shown"}
