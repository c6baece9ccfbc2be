"""Cleaning of document text: artefacts, line joining, numbering."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.normalizers import text as text_module
from extract.normalizers.text import clean_text, clean_title, split_numbered, strip_numbering


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Excel-paste quoting, the real case
        ('"政府采购注重环保产品采购\n"\t', "政府采购注重环保产品采购"),
        ('\t"合法合规"\n', "合法合规"),
        ('"放管服"改革', '"放管服"改革'),  # quotes that belong to the text stay
        ('"a"b"', '"a"b"'),
        ('"', '"'),
        ('""', None),
        # ordinary text is untouched
        ("预算6万元，其中财政资金6万元", "预算6万元，其中财政资金6万元"),
        ("≥90%", "≥90%"),
        # padding and invisible characters
        ("\u3000\u3000项目名称\u3000", "项目名称"),
        ("\u00a0国有土地\u00a0", "国有土地"),
        ("国有\u200b土地\ufeff", "国有土地"),
        ("\ufeff项目", "项目"),
        ("土\u00ad地", "土地"),
        ("Ex\u00ad\ncel", "Excel"),
        ("项目\t名称", "项目名称"),
        ("A\tB", "A B"),
        ("项目\x07", "项目"),
        # joining lines as they read
        ("保证采购项目\n合法进行", "保证采购项目合法进行"),
        ("保证采购项目\r\n合法进行", "保证采购项目合法进行"),
        ("完成率\n100%", "完成率100%"),
        ("Excel\nfile", "Excel file"),
        ("2021\n2022", "2021 2022"),
        ("a   b", "a b"),
        ("中 文", "中文"),
        ("单位： 万元", "单位：万元"),
        ("“环保” 产品", "“环保”产品"),
        ("  \n\t ", None),
        ("", None),
        (None, None),
    ],
)
def test_clean_text(value: str | None, expected: str | None) -> None:
    assert clean_text(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.国有土地交易中心运行费用绩效目标表", "国有土地交易中心运行费用绩效目标表"),
        ("1．国有土地", "国有土地"),
        ("１．国有土地", "国有土地"),
        ("1、政府采购", "政府采购"),
        ("12.评审费", "评审费"),
        ("1. 评审费", "评审费"),
        ("（一）政府采购", "政府采购"),
        ("(一)政府采购", "政府采购"),
        ("（十二）政府采购", "政府采购"),
        ("一、总体绩效目标", "总体绩效目标"),
        ("十一、总体绩效目标", "总体绩效目标"),
        ("（1）人员管理", "人员管理"),
        ("(1)人员管理", "人员管理"),
        ("( 2 )人员管理", "人员管理"),
        ("1)人员管理", "人员管理"),
        ("1）人员管理", "人员管理"),
        ("①人员管理", "人员管理"),
        # content numbers stay
        ("3月底", "3月底"),
        ("2021年度", "2021年度"),
        ("6.00", "6.00"),
        ("10.5万元", "10.5万元"),
        ("1.5倍", "1.5倍"),
        ("1、2月完成", "1、2月完成"),
        ("1.1 评审费", "1.1 评审费"),
        ("100%", "100%"),
        ("第一，加强管理", "第一，加强管理"),
        ("政府采购", "政府采购"),
        ("", ""),
    ],
)
def test_strip_numbering(text: str, expected: str) -> None:
    assert strip_numbering(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1.保证采购项目合法进行、顺利完成。\n2.提高采购资金节约率",
            ["保证采购项目合法进行、顺利完成。", "提高采购资金节约率"],
        ),
        ("1.保证采购\n项目顺利完成\n2.提高节约率", ["保证采购项目顺利完成", "提高节约率"]),
        ("1、a\n2、b\n3、c", ["a", "b", "c"]),
        ("1.a\n2、b", ["a", "b"]),  # one family, mixed separators
        ("（一）a\n（二）b", ["a", "b"]),
        ("①a\n②b", ["a", "b"]),
        (
            "1.完成采购\n（1）公开招标\n（2）询价\n2.节约资金",
            ["完成采购（1）公开招标（2）询价", "节约资金"],
        ),
        ('"1.保证采购\n2.提高节约率"\t', ["保证采购", "提高节约率"]),
        ("1.保证采购\u000b2.提高节约率", ["保证采购", "提高节约率"]),
        ("目标如下：\n1.a\n2.b", ["目标如下：", "a", "b"]),
        ("1.完成\n\n\n2.提高", ["完成", "提高"]),
        # not numbered: one item, lines joined
        ("保证采购项目\n合法进行", ["保证采购项目合法进行"]),
        ("保证采购项目合法进行", ["保证采购项目合法进行"]),
        ("预算6万元，\n其中财政资金6万元", ["预算6万元，其中财政资金6万元"]),
        # numbered inline on one line
        ("1.保证采购；2.提高节约率", ["保证采购", "提高节约率"]),
        ("1.保证采购；2.提高节约率；3.按时支付。", ["保证采购", "提高节约率", "按时支付。"]),
        ("1.保证采购。2.提高节约率。", ["保证采购。", "提高节约率。"]),
        ("1.保证采购 2.提高节约率", ["保证采购", "提高节约率"]),
        ("（1）公开招标（2）询价", ["公开招标", "询价"]),
        ("①公开招标②询价", ["公开招标", "询价"]),
        ("一、加强管理；二、节约资金", ["加强管理", "节约资金"]),
        # numbers that do not run on, or are part of the text, do not split
        ("1.保证采购；3.提高节约率", ["保证采购；3.提高节约率"]),
        ("1.完成第2、3项工作；2.节约资金", ["完成第2、3项工作", "节约资金"]),
        ("1.采购金额2.5万元", ["采购金额2.5万元"]),
        ("完成率达到90%；2.提高", ["完成率达到90%；2.提高"]),
        ("", []),
        ("\n \t\n", []),
        ("1.", []),
    ],
)
def test_split_numbered(text: str, expected: list[str]) -> None:
    assert split_numbered(text) == expected


_TEXT_ALPHABET = st.sampled_from(
    list('12３.．、()（）一二①② \n\t\u3000\u00a0\u00ad\u200b"；。ab中文')
)
_texts = st.one_of(st.text(), st.text(alphabet=_TEXT_ALPHABET))


@settings(max_examples=200)
@given(_texts)
def test_clean_text_never_raises_and_is_idempotent(value: str) -> None:
    cleaned = clean_text(value)
    if cleaned is None:
        return
    assert cleaned
    assert cleaned == cleaned.strip()
    assert "\n" not in cleaned
    assert "\t" not in cleaned
    assert "  " not in cleaned
    assert clean_text(cleaned) == cleaned


@settings(max_examples=200)
@given(_texts)
def test_strip_numbering_only_removes_a_prefix(text: str) -> None:
    assert text.endswith(strip_numbering(text))


@settings(max_examples=200)
@given(_texts)
def test_split_numbered_gives_clean_non_empty_items(text: str) -> None:
    for item in split_numbered(text):
        assert item
        assert clean_text(item) == item


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        (
            "2.2023年基本公共卫生服务项目补助资金绩效目标表",
            "2023年基本公共卫生服务项目补助资金绩效目标表",
        ),
        ("1.2024年度农村公路养护绩效目标表", "2024年度农村公路养护绩效目标表"),
        ("12.2022年城乡居民医保补助绩效目标表", "2022年城乡居民医保补助绩效目标表"),
        ("3、2025年老旧小区改造项目绩效目标表", "2025年老旧小区改造项目绩效目标表"),
        ("（二）2023年项目支出绩效目标申报表", "2023年项目支出绩效目标申报表"),
        ("1.国有土地交易中心运行费用绩效目标表", "国有土地交易中心运行费用绩效目标表"),
        ("2023年项目支出绩效目标申报表", "2023年项目支出绩效目标申报表"),
        ("10.5万元以下项目绩效目标表", "10.5万元以下项目绩效目标表"),  # a decimal, not a number
    ],
)
def test_a_titles_list_number_goes_and_its_year_stays(heading: str, title: str) -> None:
    assert clean_title(heading) == title


@pytest.mark.parametrize(
    ("cell", "goals"),
    [
        ("1.建档率保持在90%以上。2.65岁及以上老年人管理率70%。3.接种率90%以上。",
         ["建档率保持在90%以上。", "65岁及以上老年人管理率70%。", "接种率90%以上。"]),
        ("1.建档率90%以上。\n2.65岁老人管理率70%。", ["建档率90%以上。", "65岁老人管理率70%。"]),
        ("1.完成2.5万亩建设", ["完成2.5万亩建设"]),
        ("完成任务。2.5万元用于购置", ["完成任务。2.5万元用于购置"]),
    ],
)  # fmt: skip
def test_a_lists_next_number_after_a_sentence_end_counts_before_a_digit(
    cell: str, goals: list[str]
) -> None:
    assert split_numbered(cell) == goals


_PREFIX_TEXTS = st.text(
    alphabet=st.sampled_from(
        list("0123456789０１２３４５６７８９一二三十①⑳（）()、.．:：第条项 x")
    ),
    max_size=8,
)


@settings(max_examples=500)
@given(_PREFIX_TEXTS)
def test_a_numbering_prefix_is_the_first_familys_that_matches(text: str) -> None:
    """One alternation of every family finds what trying the families in order finds."""
    expected = None
    for family, pattern in text_module._PREFIXES.items():
        found = pattern.match(text)
        if found is not None:
            expected = (family, text_module._ordinal(family, found["n"]), found.end())
            break
    assert text_module._prefix(text) == expected
