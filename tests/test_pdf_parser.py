"""The PDF parser on the committed PDF samples and on broken, encrypted and scanned files.

The samples were made from the Word samples by LibreOffice (`make samples`); the tests read
the committed files, so they need no LibreOffice.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

import extract
from bad_inputs import pdf_of
from conftest import SAMPLES
from extract.cli import main
from extract.model import Document, Paragraph, ParseError, Table
from extract.parsers.pdf_parser import parse_pdf
from extract.pipeline import FileResult, InputFile, extract_file
from golden_io import comparable

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
REFERENCE = SAMPLES / "reference.pdf"
DAMAGED = "not a valid PDF file (damaged or truncated): "


def _doc(path: Path) -> Document:
    return parse_pdf(path.read_bytes())


def _extract(path: Path) -> FileResult:
    return extract_file(
        InputFile(path, path.name), year=None, extracted_at=datetime(2026, 1, 1, tzinfo=UTC)
    )


def _message(data: bytes) -> str:
    with pytest.raises(ParseError) as info:
        parse_pdf(data)
    message = str(info.value)
    assert "\n" not in message
    return message


# --- structure of the reference PDF -------------------------------------------------------


def test_reference_blocks_pages_and_furniture() -> None:
    doc = _doc(REFERENCE)
    assert doc.n_pages == 5
    assert doc.unread == ()
    assert doc.notes == ("10 running header/footer and page number lines left out",)
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert not [t for t in texts if re.search(r"— \d+ —|第 ?\d+ ?页", t)]
    assert texts[:3] == ["第一部分", "部门整体绩效目标", "一、总体绩效目标"]
    # A paragraph wrapped over 9 lines, and one that goes on from page 1 to page 2.
    assert texts[3].startswith("我部门负责组织实施")
    assert texts[3].endswith("及时合规发放各项工资福利待遇。")
    carried = next(t for t in texts if t.startswith("加强宣传培训调研"))
    assert carried.endswith("促进预算绩效管理水平进一步提升。")
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [(t.location.describe(), t.n_rows, t.n_cols) for t in tables] == [
        ("page 2, table 1", 7, 7),
        ("page 2, table 2", 10, 6),
        ("page 3, table 3", 7, 7),
        ("page 3, table 4", 10, 6),
        ("page 4, table 5", 7, 7),
        ("page 4, table 6", 10, 6),
    ]


def test_merged_cells_are_spans_not_blanks() -> None:
    header, indicators = list(_doc(REFERENCE).tables())[:2]
    title = header.cell_at(0, 0)
    assert title is not None and (title.col_span, title.text) == (5, header.cells[0].text)
    purpose_label = header.cell_at(2, 0)
    assert purpose_label is not None and purpose_label.row_span == 2
    assert purpose_label.text == "预算规模及资金用途"
    level1 = [(c.row, c.row_span, c.text) for c in indicators.cells if c.col == 0]
    assert level1 == [
        (0, 1, "一级指标"),
        (1, 4, "产出指标"),
        (5, 4, "效益指标"),
        (9, 1, "满意度指标"),
    ]


def test_wrapped_cell_text_is_joined_as_written() -> None:
    cells = {c.text for t in _doc(REFERENCE).tables() for c in t.cells}
    assert "13030421K8U6FQHZNYVC1" in cells  # a code wrapped mid-word in a narrow cell
    assert "工资（福利）发放精准性" in cells  # `利）` moved down together
    assert "1.保证采购项目合法进行、顺利完成。\n2.提高采购资金节约率" in cells  # two paragraphs
    assert '"政府采购注重环保产品采购\n"' in cells  # the Excel paste, as in the text rendering


def test_rows_name_their_own_page_in_stitched_tables() -> None:
    rows = _extract(SAMPLES / "variants/pagebreak_plain.pdf").rows["indicators"]
    locations = [r["source_location"] for r in rows if r["project_seq"] == 1]
    assert locations[:3] == [
        "page 2, table 2, row 2",
        "page 2, table 2, row 3",
        "page 3, table 2, row 4",
    ]
    assert locations[-1] == "page 3, table 2, row 10"


def test_repeated_header_rows_are_dropped() -> None:
    for name in ("pagebreak_repeat", "pagebreak_plain"):
        tables = list(_doc(SAMPLES / f"variants/{name}.pdf").tables())
        indicator_tables = [t for t in tables if t.n_cols == 6]
        assert [t.n_rows for t in indicator_tables] == [10, 10, 10], name
        for t in indicator_tables:
            assert sum(c.text == "一级指标" for c in t.cells) == 1, name


def test_forty_projects_pdf_gives_the_rows_of_its_word_original() -> None:
    pdf, docx = (_extract(SAMPLES / f"large/40_projects.{ext}") for ext in ("pdf", "docx"))
    assert pdf.status == docx.status == "ok"
    assert pdf.rows["documents"][0]["n_pages"] == 42
    for name in ("department_goals", "measures", "projects", "project_goals", "spending_plan"):
        assert comparable(pdf.rows[name]) == comparable(docx.rows[name]), name
    strip = lambda rows: [{k: v for k, v in r.items() if k != "source_location"} for r in rows]  # noqa: E731
    assert strip(comparable(pdf.rows["indicators"])) == strip(comparable(docx.rows["indicators"]))
    assert Counter(r["project_seq"] for r in pdf.rows["indicators"]) == Counter(
        {seq: 9 for seq in range(1, 41)}
    )


# --- bad input ----------------------------------------------------------------------------


def test_password_protected_pdf() -> None:
    message = _message((FIXTURES / "encrypted.pdf").read_bytes())
    assert message.startswith("password-protected PDF")


def test_owner_password_only_opens_with_the_empty_user_password() -> None:
    result = _extract(FIXTURES / "owner_only.pdf")
    assert (result.status, result.count("projects"), result.count("indicators")) == ("ok", 3, 27)


def test_scanned_pdf_asks_for_ocr() -> None:
    message = _message((FIXTURES / "scanned.pdf").read_bytes())
    assert message.startswith("scanned PDF") and "OCR" in message


def _pdf_mapped(*pages: dict[str, str], lines: int = 8, widths: bool = True) -> bytes:
    """A PDF of one page per mapping, each `lines` lines of a-z in Helvetica whose ToUnicode
    map gives each letter the text its page's mapping says: what a PDF's fonts tell a reader
    each glyph means. Without `widths` the fonts give none, and a reader takes their mapped
    glyphs as 0 wide."""
    text = "".join(
        f"BT /F1 12 Tf 50 {780 - 16 * k} Td (abcdefghijklmnopqrstuvwxyz) Tj ET\n"
        for k in range(lines)
    ).encode()
    kids = " ".join(f"{3 + 4 * k} 0 R" for k in range(len(pages))).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%b] /Count %d >>" % (kids, len(pages)),
    ]
    for k, to_text in enumerate(pages):
        first = 3 + 4 * k  # the page, its font, its text, its font's map
        chars = "".join(f"<{ord(a):02X}> <{ord(b):04X}>\n" for a, b in to_text.items())
        cmap = (
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <00> <FF> endcodespacerange\n"
            f"{len(to_text)} beginbfchar\n{chars}endbfchar\n"
            "endcmap CMapName currentdict /CMap defineresource pop end end\n"
        ).encode()
        objects += [
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
            b" /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
            % (first + 1, first + 2),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode %d 0 R" % (first + 3)
            + (b" /FirstChar 97 /LastChar 122 /Widths [%b]" % (b"600 " * 26) if widths else b"")
            + b" >>",
            b"<< /Length %d >>\nstream\n%b\nendstream" % (len(text), text),
            b"<< /Length %d >>\nstream\n%b\nendstream" % (len(cmap), cmap),
        ]
    return pdf_of(objects)


def test_a_text_layer_of_one_character_is_refused_as_garbled() -> None:
    """Fonts that map every glyph to one character (a PDF printed without its Chinese font)
    read as 主主主主: the file fails with why, rather than passing for a document without
    targets. The same page mapped to as many characters as it has glyphs reads."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    garbled = _message(_pdf_mapped({a: "主" for a in letters}))
    assert garbled.startswith("the PDF's text layer is garbled: 100% of its 208 Chinese")
    assert "'主'" in garbled and "fonts embedded" in garbled
    words = "项目名称绩效目标指标值完成数量质量时效成本效益满意度"
    doc = parse_pdf(_pdf_mapped(dict(zip(letters, words, strict=True))))
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert texts and texts[0].startswith("项目名称绩效目标")
    # Too few Han characters say nothing: three lines of one character still read.
    short = parse_pdf(_pdf_mapped({a: "主" for a in letters}, lines=3))
    assert short.n_pages == 1


def test_a_garbled_page_among_readable_ones_is_left_out_and_named() -> None:
    """One page printed in a missing font, in a document otherwise readable: that page's
    text is left out, with why and where, and the other pages read as ever."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    printed = "项目名称绩效目标指标值完成数量质量时效成本效益满意度"
    first = dict(zip(letters, printed, strict=True))
    last = dict(zip(letters, printed[::-1], strict=True))  # not a running header of the first
    doc = parse_pdf(_pdf_mapped(first, {a: "主" for a in letters}, last))
    assert doc.n_pages == 3
    assert len(doc.unread) == 1
    assert doc.unread[0].startswith("page 2 left out: its text layer is garbled: 100% of its 208")
    text = "".join(b.text for b in doc.blocks if isinstance(b, Paragraph))
    assert "主" not in text
    assert text.count(printed) == 8 and text.count(printed[::-1]) == 8  # every line of 1 and 3


def test_lines_of_glyphs_without_width_read() -> None:
    """Every glyph 0 wide (a font without widths) leaves no line longer than another to tell
    the text's right edge by: the furthest end is taken, not a crash."""
    doc = parse_pdf(
        _pdf_mapped(
            dict(
                zip(
                    "abcdefghijklmnopqrstuvwxyz",
                    "项目名称绩效目标指标值完成数量质量时效成本效益满意度",
                    strict=True,
                )
            ),
            widths=False,
        )
    )
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert texts and texts[0].startswith("项目名称")


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        ("truncated", "Unexpected EOF"),
        ("tail cut", "No /Root object"),
        ("xref mangled", "no pages found"),
        ("header only", "No /Root object"),
        ("random bytes", "No /Root object"),
    ],
)
def test_damaged_pdfs(damage: str, reason: str) -> None:
    data = REFERENCE.read_bytes()
    broken = {
        "truncated": data[: len(data) // 2],
        "tail cut": data[:-200],
        "xref mangled": data.replace(b"xref\n0 ", b"xref\n9 "),
        "header only": b"%PDF-1.7\n",
        "random bytes": b"%PDF-1.4\n" + bytes(range(256)) * 20,
    }[damage]
    message = _message(broken)
    assert message.startswith(DAMAGED) and reason in message


def test_bad_pdfs_fail_alone_in_a_batch(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.pdf").write_bytes(REFERENCE.read_bytes())
    for name in ("encrypted.pdf", "scanned.pdf", "owner_only.pdf"):
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    (folder / "truncated.pdf").write_bytes(REFERENCE.read_bytes()[:20000])
    (folder / "noise.pdf").write_bytes(bytes(range(256)) * 8)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(folder), "--out", str(out)])
    assert result.exit_code == 1
    assert "6 files: 2 ok, 0 partial, 4 failed; 6 projects, 54 indicators" in result.output
    docs = extract.load(out).documents.set_index("source_path")
    assert docs.loc["good.pdf", "n_pages"] == 5
    assert docs.loc["encrypted.pdf", "error"].startswith("password-protected PDF")
    assert docs.loc["scanned.pdf", "error"].startswith("scanned PDF")
    assert docs.loc["truncated.pdf", "error"].startswith(DAMAGED)
    assert docs.loc["noise.pdf", "error"].startswith(DAMAGED)
    assert set(docs.loc[docs.status == "failed"].index) == {
        "encrypted.pdf",
        "scanned.pdf",
        "truncated.pdf",
        "noise.pdf",
    }


def test_an_unreadable_page_makes_the_document_partial(monkeypatch: pytest.MonkeyPatch) -> None:
    """One page that fails costs that page only; the rest is kept and the file is partial."""
    from extract.parsers import pdf_parser

    real = pdf_parser._read_page

    def flaky(page: object, *rest: object) -> object:
        if getattr(page, "page_number", 0) == 5:
            raise ValueError("broken content stream")
        return real(page, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_parser, "_read_page", flaky)
    result = _extract(REFERENCE)
    assert result.status == "partial"
    assert result.error == "page 5 could not be read (broken content stream)"
    assert result.count("projects") == 3
    issues = [r for r in result.rows["issues"] if r["code"] == "content_unread"]
    assert [r["severity"] for r in issues] == ["error"]


def test_a_table_that_ends_with_room_below_does_not_run_on() -> None:
    """Two 乌海 forms, each on its own page, both starting with the same title row: the first
    ends high on its page, so the second is a table of its own, not a continuation whose
    repeated header would be dropped."""
    tables = list(_doc(SAMPLES / "declaration_form_alt/wuhai_2021_alt.pdf").tables())
    assert len(tables) == 2
    assert [t.cells[0].text for t in tables] == ["2021年度项目支出绩效目标表"] * 2
