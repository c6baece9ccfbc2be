"""Amounts, amount units, percentages and spending-plan months."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.normalizers.numbers import (
    amount_unit,
    parse_amount,
    parse_month,
    parse_percent,
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
