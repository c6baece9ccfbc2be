"""Full-width or half-width punctuation after OCR, told by the ink on the page image.

Synthetic lines are set on a numpy page (glyphs as blocks of ink where a font puts them, in a
grid of ems, with rough recognised boxes as the recogniser gives), so each decision is tested
against a known printed width; one real scanned sample page checks marks the text layer of its
source PDF says are half-width and full-width.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from conftest import SAMPLES

np = pytest.importorskip("numpy", reason="numpy (the ocr extra) is not installed")
pytest.importorskip("cv2", reason="OpenCV (the ocr extra) is not installed")
pytest.importorskip("rapidocr", reason="RapidOCR (the ocr extra) is not installed")

from extract.parsers import ocr_engine, ocr_punct, scan_image, scan_seals  # noqa: E402
from extract.parsers.ocr_engine import Glyph  # noqa: E402

EM = 30  # pixels: a 10.5 pt font at 200 dpi is about 29
PAPER, INK = 238, 35


@dataclass(frozen=True)
class Shape:
    """A glyph as a font sets it: its advance and its ink's blocks, in ems of its cell."""

    advance: float
    blocks: tuple[tuple[float, float, float, float], ...]  # x0, x1, top, bottom


def _paren(x0: float, x1: float, opening: bool) -> tuple[tuple[float, float, float, float], ...]:
    """A paren's ink between x0 and x1: a stroke down one side, its ends bent to the other."""
    w = x1 - x0
    ends = (x0 + 0.4 * w, x1) if opening else (x0, x1 - 0.4 * w)
    middle = (x0, x0 + 0.5 * w) if opening else (x1 - 0.5 * w, x1)
    return ((*ends, 0.0, 0.22), (*middle, 0.18, 0.82), (*ends, 0.78, 1.0))


IDEOGRAPH = Shape(
    1.0,
    (
        (0.06, 0.94, 0.08, 0.18),
        (0.06, 0.16, 0.08, 0.92),
        (0.84, 0.94, 0.08, 0.92),
        (0.06, 0.94, 0.82, 0.92),
        (0.45, 0.55, 0.08, 0.92),
    ),
)  # 中-like: a box and a stroke down
DIGIT = Shape(
    0.55,
    (
        (0.1, 0.45, 0.12, 0.22),
        (0.1, 0.2, 0.12, 0.92),
        (0.35, 0.45, 0.12, 0.92),
        (0.1, 0.45, 0.82, 0.92),
    ),
)
PERCENT = Shape(0.8, ((0.08, 0.3, 0.15, 0.45), (0.5, 0.72, 0.55, 0.88), (0.35, 0.45, 0.1, 0.9)))
SHAPES = {
    "full(": Shape(1.0, _paren(0.58, 0.82, True)),  # 「（」 at the right of its em
    "full)": Shape(1.0, _paren(0.18, 0.42, False)),  # 「）」 at the left
    "half(": Shape(0.36, _paren(0.1, 0.3, True)),
    "half)": Shape(0.36, _paren(0.06, 0.26, False)),
    "full:": Shape(1.0, ((0.42, 0.58, 0.3, 0.44), (0.42, 0.58, 0.64, 0.78))),  # centred
    "half:": Shape(0.3, ((0.08, 0.22, 0.3, 0.44), (0.08, 0.22, 0.64, 0.78))),
    "full,": Shape(1.0, ((0.12, 0.3, 0.74, 1.0),)),  # 「，」 at the bottom left
    "half,": Shape(0.3, ((0.08, 0.24, 0.74, 1.0),)),
    "space": Shape(0.3, ()),
    "quote": Shape(0.4, ((0.1, 0.16, 0.05, 0.35), (0.26, 0.32, 0.05, 0.35))),  # straight "
    "numeral2": Shape(
        0.6,
        (
            (0.1, 0.5, 0.1, 0.16),
            (0.18, 0.24, 0.1, 0.9),
            (0.36, 0.42, 0.1, 0.9),
            (0.1, 0.5, 0.84, 0.9),
        ),
    ),  # Ⅱ
}


def _shape(char: str) -> Shape:
    return DIGIT if char.isdigit() else PERCENT if char == "%" else IDEOGRAPH


def typeset(page: Any, items: list[tuple[str, str]], x: float, y: float, line: int) -> list[Glyph]:
    """Items (recognised text, how it is printed: a SHAPES key or '' for the text's own
    shape) set from x on the em row at y; returns glyphs with rough recognised boxes."""
    glyphs: list[Glyph] = []
    for text, printed in items:
        shape = SHAPES[printed] if printed else _shape(text)
        for x0, x1, top, bottom in shape.blocks:
            rows = slice(round(y + top * EM), round(y + bottom * EM))
            page[rows, round(x + x0 * EM) : round(x + x1 * EM)] = INK
        width = shape.advance * EM
        if text:  # the recogniser's box: about the glyph's cell, a little off
            top, bottom = y - 0.25 * EM, y + 1.25 * EM
            box = (x + 0.12 * width, top, x + 0.92 * width, bottom)
            glyphs.append(Glyph(text, *box, 0.95, 1.5 * EM, line))
        x += width
    return glyphs


def blank(width: int = 800, height: int = 240) -> Any:
    return np.full((height, width), PAPER, dtype=np.uint8)


def texts(glyphs: list[Glyph]) -> str:
    return "".join(g.text for g in glyphs)


def chars(text: str) -> list[tuple[str, str]]:
    return [(c, "") for c in text]


# --- decisions on synthetic lines ---------------------------------------------------------


@pytest.mark.parametrize("read", ["()", "（）"])
@pytest.mark.parametrize(("printed", "expected"), [("full", "（）"), ("half", "()")])
def test_parens_in_a_line_take_their_printed_width(read: str, printed: str, expected: str) -> None:
    page = blank()
    items = [
        *chars("采购中心"),
        (read[0], printed + "("),
        *chars("本级"),
        (read[1], printed + ")"),
        *chars("支出"),
    ]
    glyphs = typeset(page, items, 40, 60, 0)
    out = ocr_punct.settle_widths(glyphs, page)
    assert texts(out) == f"采购中心{expected[0]}本级{expected[1]}支出"


@pytest.mark.parametrize(("printed", "expected"), [("full", "计划（%）"), ("half", "计划(%)")])
def test_closing_paren_at_a_cell_end_against_its_ruling(printed: str, expected: str) -> None:
    """The closing paren ends the line a little before the cell's right ruling: that blank
    is padding, not the paren's; the opening paren's blank decides the pair."""
    page = blank()
    read = "（）" if printed == "half" else "()"
    items = [*chars("计划"), (read[0], printed + "("), ("%", ""), (read[1], printed + ")")]
    glyphs = typeset(page, items, 40, 60, 0)
    advance = SHAPES[printed + "("].advance + SHAPES[printed + ")"].advance + 2 + 0.8
    right = round(40 + (advance + 0.6) * EM)  # padding: as much blank as a full-width ）
    page[20:160, right : right + 2] = INK  # the cell's right border
    page[20:22, 20 : right + 2] = INK  # and its top and bottom ones
    page[158:160, 20 : right + 2] = INK
    out = ocr_punct.settle_widths(glyphs, page)
    assert texts(out) == expected


@pytest.mark.parametrize(("printed", "expected"), [("full", "（%）"), ("half", "(%)")])
def test_a_line_of_only_a_paren_pair_follows_the_text_edge_above(
    printed: str, expected: str
) -> None:
    """`（%）` wrapped onto its own line of a left-aligned cell: neither paren has an outer
    neighbour, but a full-width `（` starts half an em right of the edge the line above
    starts at; a half-width `(` starts at it."""
    page = blank()
    above = typeset(page, chars("资金支出计划"), 40, 40, 0)
    read = "()" if printed == "full" else "（）"
    items = [(read[0], printed + "("), ("%", ""), (read[1], printed + ")")]
    below = typeset(page, items, 40, 40 + 1.4 * EM, 1)
    out = ocr_punct.settle_widths(above + below, page)
    assert texts(out) == "资金支出计划" + expected


@pytest.mark.parametrize(("printed", "expected"), [("full", "（万元）"), ("half", "(万元)")])
def test_a_paren_pair_wrapped_over_two_lines_is_decided_together(
    printed: str, expected: str
) -> None:
    """`项目资金（` / `万元）`: the closing paren ends its line with nothing after it; the
    opening one, at the end of the line above, has the evidence."""
    page = blank()
    read = "()" if printed == "full" else "（）"
    above = typeset(page, [*chars("项目资金"), (read[0], printed + "(")], 40, 40, 0)
    below = typeset(page, [*chars("万元"), (read[1], printed + ")")], 40, 40 + 1.4 * EM, 1)
    out = ocr_punct.settle_widths(above + below, page)
    assert texts(out) == "项目资金" + expected


@pytest.mark.parametrize("read", ["(试行)", "（试行）"])
def test_a_line_centred_under_another_tells_nothing(read: str) -> None:
    """Centred under a longer line, `(试行)` starts about half an em right of that line's
    edge, as a full-width `（` would in a left-aligned cell: no evidence either way."""
    page = blank()
    above = typeset(page, chars("项目名称"), 40, 40, 0)
    items = [(read[0], "half("), *chars("试行"), (read[-1], "half)")]
    below = typeset(page, items, 40 + (4 - 2.72) / 2 * EM, 40 + 1.4 * EM, 1)
    out = ocr_punct.settle_widths(above + below, page)
    assert texts(out) == "项目名称" + read


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([*chars("单位"), (":", "full:"), *chars("万元")], "单位：万元"),
        ([*chars("时间10"), ("：", "half:"), *chars("30开始")], "时间10:30开始"),
        ([*chars("预算"), (",", "full,"), *chars("用于")], "预算，用于"),
        ([*chars("金额1"), ("，", "half,"), *chars("200元")], "金额1,200元"),
    ],
)
def test_colons_and_commas_take_their_printed_width(
    items: list[tuple[str, str]], expected: str
) -> None:
    page = blank()
    out = ocr_punct.settle_widths(typeset(page, items, 40, 60, 0), page)
    assert texts(out) == expected


@pytest.mark.parametrize("read", ["(", "（"])
def test_a_half_width_paren_after_a_space_is_left_alone(read: str) -> None:
    """A half-width paren after a space has as much blank as neither form: unclear."""
    page = blank()
    items = [*chars("中心"), ("", "space"), (read, "half("), *chars("本级")]
    out = ocr_punct.settle_widths(typeset(page, items, 40, 60, 0), page)
    assert texts(out) == f"中心{read}本级"


@pytest.mark.parametrize("read", [")", "）"])
def test_a_lone_closing_paren_at_a_line_end_is_left_alone(read: str) -> None:
    """No outer neighbour, no partner, no line above or below: nothing tells."""
    page = blank()
    items = [*chars("规模指标"), (read, "full)")]
    out = ocr_punct.settle_widths(typeset(page, items, 40, 60, 0), page)
    assert texts(out) == f"规模指标{read}"


def test_a_mark_without_ink_or_merged_with_its_neighbour_is_left_alone() -> None:
    page = blank()
    glyphs = typeset(page, [*chars("单位"), (":", "full:"), *chars("万元")], 40, 60, 0)
    page[:, 40 + 2 * EM : 40 + 3 * EM] = PAPER  # the colon's ink gone
    assert texts(ocr_punct.settle_widths(glyphs, page)) == "单位:万元"
    page = blank()
    glyphs = typeset(page, [*chars("采购"), ("(", "full("), *chars("本级")], 40, 60, 0)
    page[60 : 60 + EM, 40 + 2 * EM : 40 + 3 * EM] = INK  # a blot joins the paren to 购
    assert texts(ocr_punct.settle_widths(glyphs, page)) == "采购(本级"


def test_specks_and_a_ruling_through_the_band_are_not_neighbours() -> None:
    page = blank()
    items = [*chars("预算"), (",", "full,"), *chars("用于"), (")", "full)"), *chars("家庭")]
    glyphs = typeset(page, items, 40, 60, 0)
    comma_right = round(40 + 2.3 * EM)
    page[80:82, comma_right + 3 : comma_right + 8] = INK  # a speck just right of the comma
    page[60 + EM + 6 : 60 + EM + 8, 20:780] = INK  # a ruling under the line, in its band
    out = ocr_punct.settle_widths(glyphs, page)
    assert texts(out) == "预算，用于）家庭"


def test_other_glyphs_and_geometry_are_unchanged() -> None:
    page = blank()
    glyphs = typeset(page, [*chars("单位"), (":", "full:"), *chars("万元")], 40, 60, 0)
    out = ocr_punct.settle_widths(glyphs, page)
    assert [g.text for g in out] == ["单", "位", "：", "万", "元"]
    for before, after in zip(glyphs, out, strict=True):
        assert (before.x0, before.x1, before.top, before.bottom, before.line) == (
            after.x0,
            after.x1,
            after.top,
            after.bottom,
            after.line,
        )
    assert out[0] is glyphs[0]
    no_marks = typeset(blank(), chars("万元"), 40, 60, 0)
    assert ocr_punct.settle_widths(no_marks, page) == no_marks
    # Boxes off the image and an empty page do not break it.
    lost = [Glyph("(", 5000, 10, 5020, 50, 0.9, 40, 0), Glyph("中", 5020, 10, 5050, 50, 0.9, 40, 0)]
    assert texts(ocr_punct.settle_widths(lost, page)) == "(中"
    assert ocr_punct.settle_widths([], page) == []


# --- a real scanned page ------------------------------------------------------------------

UNAVAILABLE = ocr_engine.available()


@pytest.mark.skipif(UNAVAILABLE is not None, reason=f"no OCR here: {UNAVAILABLE}")
def test_marks_on_a_scanned_reference_page_take_the_text_layers_widths() -> None:
    """samples/scanned/reference_200.pdf page 3 is a scan of samples/reference.pdf page 3,
    whose text layer holds `632001秦皇岛市北戴河区政府采购中心(本级)` (half-width parens),
    `资金支出计划（%）` (full-width) and only full-width colons and commas."""
    pdfium = pytest.importorskip("pypdfium2")
    pdf = pdfium.PdfDocument(str(SAMPLES / "scanned" / "reference_200.pdf"))
    try:
        bitmap = pdf[2].render(scale=200 / 72, rev_byteorder=True)
        rgb = bitmap.to_numpy()[:, :, :3].copy()
    finally:
        pdf.close()
    grey = scan_seals.grey_without_seals(rgb)
    grey = scan_image.straighten(grey, scan_image.skew(grey))
    grey, _ = scan_seals.without_grey_seals(grey, 200)
    out = ocr_punct.settle_widths(ocr_engine.recognise(grey), grey)
    lines: dict[int, str] = {}
    for g in out:
        lines[g.line] = lines.get(g.line, "") + g.text
    text = "\n".join(lines.values())
    assert "政府采购中心(本级)" in text
    assert "划（%）" in text  # the cell's text wraps after 计
    assert "（%)" not in text and "(%" not in text
    marks = [c for c in text if c in ",:;，：；"]
    assert len(marks) >= 5
    assert set(marks) <= set("，：；")


@pytest.mark.parametrize(("printed", "expected"), [("quote", '"'), ("numeral2", "Ⅱ")])
def test_a_lone_quote_read_as_a_numeral_is_a_quote_by_its_ink(printed: str, expected: str) -> None:
    """A cell's closing `"` wrapped onto a line of its own is read `Ⅱ`: its ticks are a third
    of an em tall, where the numeral stands a whole em."""
    page = blank()
    above = typeset(page, chars("环保产品采购"), 40, 40, 0)
    below = typeset(page, [("Ⅱ", printed)], 40, 40 + 1.4 * EM, 1)
    out = ocr_punct.settle_widths(above + below, page)
    assert texts(out) == "环保产品采购" + expected
