"""Amounts, amount units, percentages and spending-plan months."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.normalizers.numbers import (
    ProseAmount,
    amount_unit,
    label_amount_unit,
    parse_amount,
    parse_amount_text,
    parse_month,
    parse_percent,
    prose_amounts,
    to_yuan,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6.00", Decimal("6.00")),
        ("0", Decimal("0")),
        ("1,234.50", Decimal("1234.50")),
        ("１２．５", Decimal("12.5")),
        (" 13.00 ", Decimal("13.00")),
        ("\t13.00\n", Decimal("13.00")),
        ("11.03万元", Decimal("11.03")),
        ("300元", Decimal("300")),
        ("1,000,000", Decimal("1000000")),
        ("-", None),
        ("—", None),
        ("", None),
        ("   ", None),
        ("无", None),
        ("1,2", None),
        ("6.00万美元", None),
        ("abc", None),
        ("1.2.3", None),
    ],
)
def test_parse_amount(text: str, expected: Decimal | None) -> None:
    result = parse_amount(text)
    assert result == expected
    if expected is not None:
        # The printed precision is kept: 6.00 is not 6.
        assert str(result) == str(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("单位：万元", "万元"),
        ("单位:元", "元"),
        ("单位: 元", "元"),
        ("金额单位：万元", "万元"),
        ("（单位：万元）", "万元"),
        ("\t单位：万元", "万元"),
        ("单位（万元）", "万元"),
        ("单位：千元", "千元"),
        ("单位：亿元", "亿元"),
        ("单位名称：632001某某局", None),
        ("预算单位：632001", None),
        ("单位：个", None),
        ("万元", None),
        ("", None),
    ],
)
def test_amount_unit(text: str, expected: str | None) -> None:
    assert amount_unit(text) == expected


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [
        ("6.00", "万元", "60000.00"),
        ("11.03", "万元", "110300.00"),
        ("0", "万元", "0.00"),
        ("13", None, "13.00"),
        ("13.005", "元", "13.01"),  # half up, not half even
        ("13.004", "元", "13.00"),
        ("2.5", "千元", "2500.00"),
        ("1.5", "亿元", "150000000.00"),
        ("123456789012.34", "万元", "1234567890123400.00"),
    ],
)
def test_to_yuan(amount: str, unit: str | None, expected: str) -> None:
    result = to_yuan(Decimal(amount), unit)
    assert result == Decimal(expected)
    assert str(result) == expected


@pytest.mark.parametrize(("amount", "unit"), [("1", "美元"), ("NaN", "元"), ("Infinity", None)])
def test_to_yuan_rejects_what_it_cannot_convert(amount: str, unit: str | None) -> None:
    with pytest.raises(ValueError):
        to_yuan(Decimal(amount), unit)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20.00%", "20.00"),
        ("20%", "20.00"),
        ("100", "100.00"),
        ("100.00%", "100.00"),
        ("0.5", "0.50"),  # a bare number is a percent number, never a fraction
        ("３０％", "30.00"),
        ("33.335%", "33.34"),
        (" 50 % ", "50.00"),
        ("abc", None),
        ("", None),
        ("%", None),
        ("20%以上", None),
        ("1,000%", None),
    ],
)
def test_parse_percent(text: str, expected: str | None) -> None:
    result = parse_percent(text)
    if expected is None:
        assert result is None
    else:
        assert str(result) == expected


@pytest.mark.parametrize(
    ("period", "month"),
    [
        ("3月底", 3),
        ("6月末", 6),
        ("10月底", 10),
        ("12月底", 12),
        ("3月", 3),
        ("３月底", 3),
        ("三月底", 3),
        ("十月", 10),
        ("十一月底", 11),
        ("十二月底", 12),
        ("第一季度", 3),
        ("一季度", 3),
        ("二季度", 6),
        ("第三季度", 9),
        ("三季度", 9),
        ("四季度", 12),
        ("上半年", 6),
        ("下半年", 12),
        ("年底", 12),
        ("年末", 12),
        ("全年", 12),
        ("1-3月", 3),
        ("1月-3月", 3),
        ("截至9月", 9),
        ("2021年6月底", 6),
        ("上半年（6月底）", 6),
        ("13月", None),
        ("3个月", None),
        ("", None),
        ("20.00%", None),
    ],
)
def test_parse_month(period: str, month: int | None) -> None:
    assert parse_month(period) == month


@settings(max_examples=200)
@given(st.text())
def test_parsers_never_raise(text: str) -> None:
    amount = parse_amount(text)
    assert amount is None or amount.is_finite()
    unit = amount_unit(text)
    assert unit is None or unit in ("元", "千元", "万元", "亿元")
    percent = parse_percent(text)
    assert percent is None or percent.as_tuple().exponent == -2
    month = parse_month(text)
    assert month is None or 1 <= month <= 12


@settings(max_examples=200)
@given(
    st.decimals(allow_nan=False, allow_infinity=False, places=4, max_value=10**12),
    st.sampled_from([None, "元", "千元", "万元", "亿元"]),
)
def test_to_yuan_is_exact_to_the_cent(amount: Decimal, unit: str | None) -> None:
    result = to_yuan(amount, unit)
    assert result.as_tuple().exponent == -2
    multiplier = {None: 1, "元": 1, "千元": 1000, "万元": 10_000, "亿元": 100_000_000}[unit]
    assert abs(result - amount * multiplier) <= Decimal("0.005")


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("10000万元", "10000", "万元"),
        ("250万", "250", "万元"),
        ("250 万", "250", "万元"),
        ("6.00万元", "6.00", "万元"),
        (
            "6923.3552万元(其中:上级财政资金:6923.3552万元;本级财政:0万元)",
            "6923.3552",
            "万元",
        ),
        ("6923.3552万元（其中：上级财政资金：6923.3552万元）", "6923.3552", "万元"),
        ("300万元;其中人员经费100万元", "300", "万元"),
        ("300万元，其中人员经费100万元", "300", "万元"),
        ("771,325,800.00", "771325800.00", None),
        ("226,145,100.00", "226145100.00", None),
        ("284500.00", "284500.00", None),
        ("919.00", "919.00", None),
        ("3", "3", None),
        ("0", "0", None),
        ("0.00", "0.00", None),
        ("3,309,840.00元", "3309840.00", "元"),
        ("8,827,620.53", "8827620.53", None),
        ("１２３．５万元", "123.5", "万元"),
        ("2.5千元", "2.5", "千元"),
        ("1.5亿元", "1.5", "亿元"),
        (" 13.00 ", "13.00", None),
        ("-", None, None),
        ("—", None, None),
        ("无", None, None),
        ("", None, None),
        ("   ", None, None),
        ("详见附件", None, None),
        ("1,2", None, None),
        ("1.2.3", None, None),
        ("6.00万美元", None, None),
        ("100%", None, None),
        ("3万人", None, None),
        ("2025年", None, None),
        ("300万元,2", None, None),
    ],
)
def test_parse_amount_text(text: str, amount: str | None, unit: str | None) -> None:
    value, printed_unit = parse_amount_text(text)
    if amount is None:
        assert value is None
    else:
        assert value == Decimal(amount)
        assert str(value) == amount  # the printed precision is kept
    assert printed_unit == unit


@pytest.mark.parametrize(
    ("label", "unit"),
    [
        ("中期市财政预算(万元)", "万元"),
        ("本年度申请市财政预算资金(万元)", "万元"),
        ("项目资金（元）", "元"),
        ("投入目标(万元)", "万元"),
        ("投入目标（万元）", "万元"),
        ("资金总额（ 万元 ）", "万元"),
        ("金额(千元)", "千元"),
        ("预算（万）", "万元"),
        ("金额单位：万元", "万元"),
        ("项目资金(单位:元)", "元"),
        ("年度资金总额", None),
        ("资金支出计划（%）", None),
        ("项目名称", None),
        ("", None),
    ],
)
def test_label_amount_unit(label: str, unit: str | None) -> None:
    assert label_amount_unit(label) == unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "项目总预算1720.00万，其中人员经费300万元",
            [("1720.00", "万元", 5, 13), ("300", "万元", 20, 25)],
        ),
        ("2025年度项目总预算1720.00万，其中", [("1720.00", "万元", 11, 19)]),
        ("年度预算安排795万元。", [("795", "万元", 6, 11)]),
        (
            "第一季度用款计划15万元，第二季度用款计划10万元",
            [("15", "万元", 8, 12), ("10", "万元", 21, 25)],
        ),
        ("总投资1.5亿元，安排建设资金3000万元", [("1.5", "亿元", 3, 8), ("3000", "万元", 15, 21)]),
        ("预算1,720.5 万元", [("1720.5", "万元", 2, 12)]),
        ("预算５万元", [("5", "万元", 2, 5)]),
        ("经费300元", [("300", "元", 2, 6)]),
        ("经费2.5千元", [("2.5", "千元", 2, 7)]),
        ("250万用于设备购置", [("250", "万元", 0, 4)]),
        ("服务3万人，覆盖5万亩", []),
        ("2025年度", []),
        ("满意度95%以上", []),
        ("2024年12月31日前", []),
        ("详见单位的项目绩效目标表", []),
        ("", []),
    ],
)
def test_prose_amounts(text: str, expected: list[tuple[str, str, int, int]]) -> None:
    found = prose_amounts(text)
    assert [(str(a.value), a.unit, a.start, a.end) for a in found] == expected
    for amount in found:
        assert isinstance(amount, ProseAmount)
        # The span is the printed number and unit: it starts with a digit, ends with the unit.
        assert text[amount.start].isdigit()
        assert text[amount.end - 1] in amount.unit


@settings(max_examples=200)
@given(st.text())
def test_amount_text_readers_never_raise(text: str) -> None:
    amount, unit = parse_amount_text(text)
    assert amount is None or amount.is_finite()
    assert unit in (None, "元", "千元", "万元", "亿元")
    assert amount is not None or unit is None
    assert label_amount_unit(text) in (None, "元", "千元", "万元", "亿元")
    for found in prose_amounts(text):
        assert found.value.is_finite()
        assert 0 <= found.start < found.end <= len(text)
