"""Glyphs to lines and paragraphs: spacing, wrapping, page furniture, on hand-placed chars."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.parsers.pdf_text import (
    Line,
    cell_paragraphs,
    furniture,
    glue,
    is_full,
    lines_of,
    measure_flow,
)

SIZE = 10.0


def _chars(text: str, x: float, top: float, *, size: float = SIZE) -> list[dict[str, Any]]:
    """Chars laid out as a PDF would: CJK full width, Latin half width, spaces as glyphs."""
    out = []
    for ch in text:
        width = size if ord(ch) > 0x2E80 else size / 2
        out.append(
            {"text": ch, "x0": x, "x1": x + width, "top": top, "bottom": top + size, "size": size}
        )
        x += width
    return out


def _line(text: str, x0: float = 0.0, top: float = 0.0, *, x1: float | None = None) -> Line:
    """A line as `lines_of` reads it; `x1` stretches its end, as justified text does."""
    (line,) = lines_of(_chars(text, x0, top))
    if x1 is not None:
        line.x1 = x1
    return line


def test_lines_are_grouped_by_height_and_read_left_to_right() -> None:
    chars = _chars("绩效目标", 100, 50) + _chars("项目", 10, 80) + _chars("编码", 30, 81)
    chars.reverse()
    lines = lines_of(chars)
    assert [line.text for line in lines] == ["绩效目标", "项目编码"]
    assert (lines[0].x0, lines[0].x1, lines[0].top) == (100, 140, 50)


def test_word_gaps_become_spaces_between_latin_only() -> None:
    latin = _chars("ISO", 0, 0) + _chars("9001", 30, 0)  # a 15 pt gap, no space glyph
    cjk = _chars("项目", 0, 20) + _chars("名称", 40, 20)  # justified: spread, never spaced
    assert [line.text for line in lines_of(latin + cjk)] == ["ISO 9001", "项目名称"]


def test_space_glyphs_are_kept_once() -> None:
    assert lines_of(_chars(" 第一部分 ", 0, 0))[0].text == "第一部分"
    assert lines_of(_chars("a  b", 0, 0))[0].text == "a  b"


def test_blank_lines_are_dropped() -> None:
    assert lines_of(_chars("   ", 0, 0)) == []


def test_glue() -> None:
    assert glue(_line("政府采"), "购项目") == ""
    assert glue(_line("budget of"), "the year") == " "
    assert glue(_line("well-"), "known") == ""  # the hyphen stays, nothing invented
    assert glue(_line("13030421K8U6F"), "QHZNYVC1") == ""  # a word broken by the layout
    assert glue(_line("合计"), "100万元") == ""
    assert glue(_line("the total"), "100万元") == " "


def test_cell_paragraphs_follow_the_right_edge() -> None:
    # Cell from 0 to 60 with 5 pt padding: 50 pt of text, five CJK characters per line.
    lines = [
        _line("保证采购项", 5),
        _line("目合法", 5, 12),
        _line("提高节约率", 5, 24),
    ]
    text = cell_paragraphs(lines, 0, 60)
    assert text.paragraphs == ["保证采购项目合法", "提高节约率"]
    assert (text.last_gap, text.first_lead, text.broken_word) == (0, 10, True)
    assert cell_paragraphs(lines[:2], 0, 60).last_gap == 20
    assert cell_paragraphs([], 0, 60).paragraphs == []


def test_a_line_with_room_for_the_next_start_ended_its_paragraph() -> None:
    # Four characters fit a 40 pt cell exactly; a three-character line left room for one.
    lines = [_line("是否按规", 5), _line("定执行", 5, 12), _line("年度", 5, 24)]
    assert cell_paragraphs(lines, 0, 50).paragraphs == ["是否按规定执行", "年度"]
    assert lines[1].lead == 10
    assert is_full(0.2, 10) and is_full(9, 10) and not is_full(10, 10)


def test_a_character_pushed_down_with_closing_punctuation_still_wrapped() -> None:
    # `利）` moved down together (no line starts with `）`), leaving two characters of room.
    lines = [_line("工资（福", 5), _line("利）发放精准", 5, 12)]
    assert lines[1].lead == 20
    assert cell_paragraphs(lines, 0, 68).paragraphs == ["工资（福利）发放精准"]
    assert cell_paragraphs([_line("工资（福", 5), _line("利发放", 5, 12)], 0, 68).paragraphs == [
        "工资（福",
        "利发放",
    ]


def test_flow_joins_wrapped_body_lines_and_splits_paragraphs() -> None:
    pages = [
        [
            _line("一、总体绩效目标", 0, 0),
            _line("我部门负责组织实施本级", 0, 20, x1=100),
            _line("政府采购。", 0, 32),
            _line("完善制度建设。制定完善", 0, 52, x1=100),
            _line("工作保障制度等", 0, 64, x1=70),
        ],
        [_line("　　加强支出管理。", 20, 0)],
    ]
    flow = measure_flow(pages)
    assert flow.pitch[10] == 12
    body = pages[0]
    assert flow.continues(body[1], body[2], same_page=True)
    assert not flow.continues(body[0], body[1], same_page=True)  # a short heading line
    assert not flow.continues(body[2], body[3], same_page=True)  # a short last line
    assert not flow.continues(body[4], pages[1][0], same_page=False)
    indented = _line("加强支出管理。", 20, 76)
    full = _line("完善制度建设。制定完善", 0, 64, x1=100)
    assert not flow.continues(full, indented, same_page=True)  # 首行缩进 starts a paragraph
    spaced = _line("加强支出管理。", 0, 90)
    assert not flow.continues(full, spaced, same_page=True)  # paragraph spacing


def test_page_numbers_and_running_headers_are_furniture() -> None:
    height = 800.0
    pages = []
    for n in range(1, 5):
        pages.append(
            [
                _line("某某单位2021年部门预算", 0, 20),
                _line(f"{n}.项目绩效目标表", 0, 100),
                _line("单位：万元", 0, 120),
                _line(f"— {n} —", 200, 770),
                _line(f"第 {n} 页 共 4 页", 200, 782),
            ]
        )
    pages[2].insert(2, _line("3", 0, 400))  # a lone number in the body is content
    found = furniture(pages, [height] * 4)
    kept = Counter(
        line.text
        for p, lines in enumerate(pages)
        for i, line in enumerate(lines)
        if (p, i) not in found
    )
    assert kept == Counter(
        {"单位：万元": 4, "3": 1, "1.项目绩效目标表": 1, "2.项目绩效目标表": 1}
        | {"3.项目绩效目标表": 1, "4.项目绩效目标表": 1}
    )


def test_a_title_on_one_page_only_is_not_a_running_header() -> None:
    pages = [[_line("2021年部门预算", 0, 20), _line("正文", 0, 100)], [_line("正文二", 0, 100)]]
    assert furniture(pages, [800.0, 800.0]) == set()


_char = st.fixed_dictionaries(
    {
        "text": st.text(min_size=1, max_size=2),
        "x0": st.floats(0, 500, allow_nan=False),
        "top": st.floats(0, 800, allow_nan=False),
        "size": st.floats(1, 30, allow_nan=False),
    }
).map(lambda c: {**c, "x1": c["x0"] + c["size"] / 2, "bottom": c["top"] + c["size"]})


@settings(max_examples=200, deadline=None)
@given(st.lists(_char, max_size=60), st.floats(0, 100), st.floats(100, 600))
def test_any_chars_give_lines_and_paragraphs_without_losing_text(
    chars: list[dict[str, Any]], left: float, right: float
) -> None:
    lines = lines_of(chars)
    paragraphs = cell_paragraphs(lines, left, right).paragraphs
    visible = Counter(ch for c in chars for ch in c["text"] if not ch.isspace())
    assert Counter(ch for p in paragraphs for ch in p if not ch.isspace()) == visible
    assert all(p.strip() for p in paragraphs)
    flow = measure_flow([lines])
    for a, b in pairwise(lines):
        flow.continues(a, b, same_page=True)
    furniture([lines], [800.0])
