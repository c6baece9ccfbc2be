"""Indicator values (指标值) -> comparator, number, unit, kind."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.normalizers.values import (
    ParsedValue,
    comparator_of,
    direction_of,
    is_qualitative_nature,
    parse_value,
    parse_value_columns,
    parse_weight,
)

CASES: list[tuple[str, str | None, float | None, str | None, str]] = [
    # no sign -> "="
    ("100%", "=", 100.0, "%", "numeric"),
    ("0", "=", 0.0, None, "numeric"),
    ("1", "=", 1.0, None, "numeric"),
    ("100分", "=", 100.0, "分", "numeric"),
    ("6万元", "=", 6.0, "万元", "numeric"),
    ("12.5元", "=", 12.5, "元", "numeric"),
    ("1,000", "=", 1000.0, None, "numeric"),
    ("1,000元", "=", 1000.0, "元", "numeric"),
    ("2次/年", "=", 2.0, "次/年", "numeric"),
    ("-5%", "=", -5.0, "%", "numeric"),
    ("=1次", "=", 1.0, "次", "numeric"),
    ("＝1次", "=", 1.0, "次", "numeric"),
    ("等于100%", "=", 100.0, "%", "numeric"),
    # >= spellings
    ("≥90%", ">=", 90.0, "%", "numeric"),
    ("≧90%", ">=", 90.0, "%", "numeric"),
    (">=90%", ">=", 90.0, "%", "numeric"),
    ("＞=90%", ">=", 90.0, "%", "numeric"),
    ("＞＝90%", ">=", 90.0, "%", "numeric"),
    ("不低于90%", ">=", 90.0, "%", "numeric"),
    ("不少于5个", ">=", 5.0, "个", "numeric"),
    ("大于等于3次", ">=", 3.0, "次", "numeric"),
    ("至少2场", ">=", 2.0, "场", "numeric"),
    ("≥95分", ">=", 95.0, "分", "numeric"),
    # <= spellings
    ("≤3天", "<=", 3.0, "天", "numeric"),
    ("<=3天", "<=", 3.0, "天", "numeric"),
    ("＜=5%", "<=", 5.0, "%", "numeric"),
    ("不高于5%", "<=", 5.0, "%", "numeric"),
    ("不超过10万元", "<=", 10.0, "万元", "numeric"),
    ("小于等于2", "<=", 2.0, None, "numeric"),
    # strict comparators
    (">0", ">", 0.0, None, "numeric"),
    ("＞5", ">", 5.0, None, "numeric"),
    ("大于80%", ">", 80.0, "%", "numeric"),
    ("<5%", "<", 5.0, "%", "numeric"),
    ("＜5％", "<", 5.0, "%", "numeric"),
    ("低于3次", "<", 3.0, "次", "numeric"),
    # suffix comparators
    ("90%以上", ">=", 90.0, "%", "numeric"),
    ("90%及以上", ">=", 90.0, "%", "numeric"),
    ("95%（含）以上", ">=", 95.0, "%", "numeric"),
    ("3天以内", "<=", 3.0, "天", "numeric"),
    ("5个工作日内", "<=", 5.0, "个工作日", "numeric"),
    ("10%以下", "<=", 10.0, "%", "numeric"),
    ("≥90%以上", ">=", 90.0, "%", "numeric"),
    # full-width digits, decimal point and percent; whitespace and a full stop
    ("１００％", "=", 100.0, "%", "numeric"),
    ("≥９５．５％", ">=", 95.5, "%", "numeric"),
    ("３天以内", "<=", 3.0, "天", "numeric"),
    ("≥ 90 %", ">=", 90.0, "%", "numeric"),
    ("100%。", "=", 100.0, "%", "numeric"),
    ("\u3000≥90%\u00a0", ">=", 90.0, "%", "numeric"),
    # units
    ("1200平方米", "=", 1200.0, "平方米", "numeric"),
    ("3个月", "=", 3.0, "个月", "numeric"),
    ("2个百分点", "=", 2.0, "个百分点", "numeric"),
    ("500人次", "=", 500.0, "人次", "numeric"),
    ("30分钟", "=", 30.0, "分钟", "numeric"),
    ("15km", "=", 15.0, "km", "numeric"),
    # embedded numbers (rule 3)
    ("完成3个项目建设", "=", 3.0, "个", "numeric"),
    ("满意度达90%以上", ">=", 90.0, "%", "numeric"),
    ("不低于上年的95%", ">=", 95.0, "%", "numeric"),
    ("控制在6万元以内", "<=", 6.0, "万元", "numeric"),
    # qualitative text
    ("得到供应商的认可", None, None, None, "text"),
    ("按时收取土地出让价款", None, None, None, "text"),
    ("控制在预算额度内", None, None, None, "text"),
    ("是否按规定执行", None, None, None, "text"),
    ("提升全区整体布局", None, None, None, "text"),
    ("合理利用土地", None, None, None, "text"),
    ("不低于上年水平", None, None, None, "text"),
    ("是", None, None, None, "text"),
    ("否", None, None, None, "text"),
    ("达标", None, None, None, "text"),
    ("", None, None, None, "text"),
    ("   ", None, None, None, "text"),
    ("-", None, None, None, "text"),
    ("—", None, None, None, "text"),
    # not representable: ranges, dates, ordinals, conflicting comparators
    ("90%-95%", None, None, None, "text"),
    ("90~95%", None, None, None, "text"),
    ("90%～95%", None, None, None, "text"),
    ("2021年底前完成", None, None, None, "text"),
    ("3月底前", None, None, None, "text"),
    ("第3批", None, None, None, "text"),
    ("≥90%以下", None, None, None, "text"),
    # `(%)` after the number is the unit `%` (上海)
    ("=100.00(%)", "=", 100.0, "%", "numeric"),
    ("≥90.00(%)", ">=", 90.0, "%", "numeric"),
    ("≥90.00（%）", ">=", 90.0, "%", "numeric"),
    ("100(%)", "=", 100.0, "%", "numeric"),
    # a tolerance bounds the deviation from above (东莞)
    ("±3%以内", "<=", 3.0, "%", "numeric"),
    ("±5%", "<=", 5.0, "%", "numeric"),
    # word and suffix comparators of the variants
    ("95%以上", ">=", 95.0, "%", "numeric"),
    ("不低于95%", ">=", 95.0, "%", "numeric"),
    ("≤10个工作日", "<=", 10.0, "个工作日", "numeric"),
    ("5个工作日之内", "<=", 5.0, "个工作日", "numeric"),
    ("3个月以上", ">=", 3.0, "个月", "numeric"),
    ("10%及以下", "<=", 10.0, "%", "numeric"),
    # the open unit grammar: any short unit word, longest first, suffix comparator split off
    ("≥12.5万平方米", ">=", 12.5, "万平方米", "numeric"),
    ("≥2000盏", ">=", 2000.0, "盏", "numeric"),
    ("≥5000头", ">=", 5000.0, "头", "numeric"),
    ("≥3批次", ">=", 3.0, "批次", "numeric"),
    ("24人/次", "=", 24.0, "人/次", "numeric"),
    ("≤48万元/公里", "<=", 48.0, "万元/公里", "numeric"),
    ("3万元/人", "=", 3.0, "万元/人", "numeric"),
    ("12人/年", "=", 12.0, "人/年", "numeric"),
    ("180万", "=", 180.0, "万", "numeric"),
    ("≥60M", ">=", 60.0, "M", "numeric"),
    ("≥80M", ">=", 80.0, "M", "numeric"),
    ("0起", "=", 0.0, "起", "numeric"),
    ("10辆", "=", 10.0, "辆", "numeric"),
    ("985米", "=", 985.0, "米", "numeric"),
    ("2280次", "=", 2280.0, "次", "numeric"),
    ("≤65万元", "<=", 65.0, "万元", "numeric"),
    ("≥3倍", ">=", 3.0, "倍", "numeric"),
    ("≥5栋", ">=", 5.0, "栋", "numeric"),
    ("3年", "=", 3.0, "年", "numeric"),
    ("12个月", "=", 12.0, "个月", "numeric"),
    ("5日内", "<=", 5.0, "日", "numeric"),
    ("2", "=", 2.0, None, "numeric"),
    ("11", "=", 11.0, None, "numeric"),
    ("0%", "=", 0.0, "%", "numeric"),
    (">92%", ">", 92.0, "%", "numeric"),
    # a parenthetical alternative: the first reading is kept
    ("≤2天（48小时）", "<=", 2.0, "天", "numeric"),
    ("≥1次(每季度)", ">=", 1.0, "次", "numeric"),
    # a tail longer than a unit word is prose: the embedded-number rule reads it
    ("3天内完成", "<=", 3.0, "天", "numeric"),
    ("3个工作日以内完成审核", "<=", 3.0, "个工作日", "numeric"),
    ("100%完成", "=", 100.0, "%", "numeric"),
    # qualitative text of the variants
    ("可控", None, None, None, "text"),
    ("及时", None, None, None, "text"),
    ("优良", None, None, None, "text"),
    ("降低", None, None, None, "text"),
    ("巩固提高", None, None, None, "text"),
    ("计划标准", None, None, None, "text"),
    # deadlines and dates are text
    ("12月底前", None, None, None, "text"),
    ("2024年12月31日前", None, None, None, "text"),
    ("6月30日之前", None, None, None, "text"),
    ("2023年底前完成", None, None, None, "text"),
    ("年底前", None, None, None, "text"),
    ("第三季度", None, None, None, "text"),
    ("第3季度", None, None, None, "text"),
    ("2021年", None, None, None, "text"),
    ("2025年度", None, None, None, "text"),
    ("12月", None, None, None, "text"),
    ("十二月底前", None, None, None, "text"),
    ("2024-12-31", None, None, None, "text"),
    ("2024/6/30前", None, None, None, "text"),
    ("截至12月底", None, None, None, "text"),
    ("于2024年6月底前完成验收", None, None, None, "text"),
    # ranges stay text
    ("2023-2024", None, None, None, "text"),
    ("3-5天", None, None, None, "text"),
]


@pytest.mark.parametrize(("raw", "comparator", "number", "unit", "kind"), CASES)
def test_parse_value(
    raw: str, comparator: str | None, number: float | None, unit: str | None, kind: str
) -> None:
    parsed = parse_value(raw)
    assert (parsed.comparator, parsed.number, parsed.unit, parsed.kind) == (
        comparator,
        number,
        unit,
        kind,
    )


def test_case_table_is_large_enough() -> None:
    assert len(CASES) >= 140
    assert len({raw for raw, *_ in CASES}) == len(CASES)


@pytest.mark.parametrize(
    ("raw", "unparsed"),
    [
        ("90%-95%", True),
        ("90~95%", True),
        ("2021年底前完成", False),  # a deadline is text, not an unread number
        ("12月底前", False),
        ("2024年12月31日前", False),
        ("第3季度", False),
        ("2023-2024", True),
        ("3-5天", True),
        ("≥90.00(%)", False),
        ("第3批", True),
        ("≥", True),
        ("≥90%以下", True),
        ("9" * 400, True),  # overflows a float
        ("1.2.3", True),
        ("得到供应商的认可", False),
        ("不低于上年水平", False),
        ("是", False),
        ("", False),
        ("100%", False),
        ("完成3个项目建设", False),
    ],
)
def test_unparsed_flag(raw: str, unparsed: bool) -> None:
    assert parse_value(raw).unparsed is unparsed


def test_result_is_frozen() -> None:
    parsed = parse_value("100%")
    assert parsed == ParsedValue("=", 100.0, "%", "numeric", False)
    with pytest.raises(AttributeError):
        parsed.number = 1.0  # type: ignore[misc]


_VALUE_ALPHABET = st.sampled_from(
    list(
        "0123456789０１２３４５６７８９.．,%％-~ ≥≤<>=＞＜＝以上内下不低于高超过第年月天个万元分次"
    )
)


@settings(max_examples=200)
@given(st.one_of(st.text(), st.text(alphabet=_VALUE_ALPHABET)))
def test_parse_value_never_raises_and_keeps_invariants(raw: str) -> None:
    parsed = parse_value(raw)
    assert parsed.kind in ("numeric", "text")
    assert (parsed.kind == "text") == (parsed.number is None)
    if parsed.number is None:
        assert parsed.comparator is None
        assert parsed.unit is None
    else:
        assert parsed.comparator in (">=", "<=", ">", "<", "=")
        assert not parsed.unparsed


@pytest.mark.parametrize(
    "raw",
    [
        "12月底前",
        "2024年12月31日前",
        "6月30日之前",
        "2023年底前完成",
        "年底前",
        "第三季度",
        "可控",
        "及时",
        "优良",
        "降低",
        "巩固提高",
        "按时收取土地出让价款",
        "控制在预算额度内",
    ],
)
def test_qualitative_and_deadlines_are_not_flagged(raw: str) -> None:
    assert parse_value(raw) == ParsedValue(None, None, None, "text", False)


# (value, sign, unit, nature) -> (comparator, number, unit, kind, unparsed)
COLUMN_CASES: list[
    tuple[
        tuple[str | None, str | None, str | None, str | None],
        tuple[str | None, float | None, str | None, str, bool],
    ]
] = [
    # 井研: 指标性质 `≥` | 指标值 `95` | 度量单位 `%`
    (("95", "≥", "%", None), (">=", 95.0, "%", "numeric", False)),
    (("95", "≤", "%", None), ("<=", 95.0, "%", "numeric", False)),
    (("95", ">=", "%", None), (">=", 95.0, "%", "numeric", False)),
    (("95", "＞", "%", None), (">", 95.0, "%", "numeric", False)),
    (("95", "大于等于", "%", None), (">=", 95.0, "%", "numeric", False)),
    (("95", "不低于", "%", None), (">=", 95.0, "%", "numeric", False)),
    # 乌海: 指标方向 `=` | 目标值 `24` | 计量单位 `人/次`, 指标性质 `正向`
    (("24", "=", "人/次", None), ("=", 24.0, "人/次", "numeric", False)),
    (("24", "=", "人/次", "正向"), ("=", 24.0, "人/次", "numeric", False)),
    (("0.6", None, "万元", None), ("=", 0.6, "万元", "numeric", False)),
    (("3", None, None, None), ("=", 3.0, None, "numeric", False)),
    # the sign may sit in the column passed as nature
    (("95", None, "%", "≥"), (">=", 95.0, "%", "numeric", False)),
    (("95", "正向", "%", "≥"), (">=", 95.0, "%", "numeric", False)),
    # a sign that is not a comparator is ignored
    (("95", "正向", "%", None), ("=", 95.0, "%", "numeric", False)),
    (("95", "反向指标", None, None), ("=", 95.0, None, "numeric", False)),
    # the value cell's own comparator and unit win over the columns
    (("≥95%", None, "%", None), (">=", 95.0, "%", "numeric", False)),
    (("≥95%", "≤", "个", None), (">=", 95.0, "%", "numeric", False)),
    (("95%", "≥", None, None), (">=", 95.0, "%", "numeric", False)),
    (("95%以上", "=", None, None), (">=", 95.0, "%", "numeric", False)),
    (("10个", "≤", "%", None), ("<=", 10.0, "个", "numeric", False)),
    # the unit column's own spellings
    (("95", "≥", "（%）", None), (">=", 95.0, "%", "numeric", False)),
    (("95", "≥", "百分比", None), (">=", 95.0, "%", "numeric", False)),
    (("95", "≥", " % ", None), (">=", 95.0, "%", "numeric", False)),
    (("95", "≥", "/", None), (">=", 95.0, None, "numeric", False)),
    (("95", "≥", "", None), (">=", 95.0, None, "numeric", False)),
    (("95", "≥", "无", None), (">=", 95.0, None, "numeric", False)),
    # 定性: text whatever the cell holds
    (("及时", None, None, "定性"), (None, None, None, "text", False)),
    (("95", "=", "%", "定性"), (None, None, None, "text", False)),
    (("优良", "定性指标", None, None), (None, None, None, "text", False)),
    (("95", "≥", "%", "定量"), (">=", 95.0, "%", "numeric", False)),
    # empty value cells are text, not unread numbers
    (("", "≥", "%", None), (None, None, None, "text", False)),
    (("  ", "=", None, None), (None, None, None, "text", False)),
    ((None, "≥", "%", None), (None, None, None, "text", False)),
    # text value cells keep their reading
    (("及时", "=", None, None), (None, None, None, "text", False)),
    (("12月底前", "≤", None, None), (None, None, None, "text", False)),
    (("90%-95%", "≥", "%", None), (None, None, None, "text", True)),
]


@pytest.mark.parametrize(("cells", "expected"), COLUMN_CASES)
def test_parse_value_columns(
    cells: tuple[str | None, str | None, str | None, str | None],
    expected: tuple[str | None, float | None, str | None, str, bool],
) -> None:
    value, sign, unit, nature = cells
    parsed = parse_value_columns(value, sign, unit, nature)
    assert (parsed.comparator, parsed.number, parsed.unit, parsed.kind, parsed.unparsed) == expected


def test_parse_value_columns_defaults_match_parse_value() -> None:
    for raw in ("≥90%", "100%", "及时", "90%-95%", "≤65万元"):
        assert parse_value_columns(raw) == parse_value(raw)


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("≥", ">="),
        ("≧", ">="),
        (">=", ">="),
        ("＞=", ">="),
        ("＞＝", ">="),
        ("大于等于", ">="),
        ("不低于", ">="),
        ("不少于", ">="),
        ("≤", "<="),
        ("<=", "<="),
        ("不高于", "<="),
        ("不超过", "<="),
        ("小于等于", "<="),
        ("=", "="),
        ("＝", "="),
        ("等于", "="),
        ("＞", ">"),
        (">", ">"),
        ("大于", ">"),
        ("<", "<"),
        ("＜", "<"),
        ("小于", "<"),
        (" ≥ ", ">="),
        ("正向", None),
        ("反向指标", None),
        ("定性", None),
        ("≥95%", None),
        ("95", None),
        ("", None),
    ],
)
def test_comparator_of(text: str, comparator: str | None) -> None:
    assert comparator_of(text) == comparator


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("正向", "positive"),
        ("正向指标", "positive"),
        (" 正向指标 ", "positive"),
        ("反向", "negative"),
        ("反向指标", "negative"),
        ("≥", None),
        ("=", None),
        ("定性", None),
        ("", None),
    ],
)
def test_direction_of(text: str, direction: str | None) -> None:
    assert direction_of(text) == direction


@pytest.mark.parametrize(
    ("text", "qualitative"),
    [
        ("定性", True),
        ("定性指标", True),
        (" 定性 ", True),
        ("定量", False),
        ("定量指标", False),
        ("正向", False),
        ("≥", False),
        ("", False),
        (None, False),
    ],
)
def test_is_qualitative_nature(text: str | None, qualitative: bool) -> None:
    assert is_qualitative_nature(text) is qualitative


@pytest.mark.parametrize(
    ("text", "weight"),
    [
        ("10", "10.00"),
        ("10分", "10.00"),
        ("7.5", "7.50"),
        ("7.5分", "7.50"),
        ("0", "0.00"),
        ("１０", "10.00"),
        (" 20 ", "20.00"),
        ("10%", "10.00"),
        ("2.555", "2.56"),
        ("9999.99", "9999.99"),
        ("10000", None),
        ("", None),
        ("  ", None),
        (None, None),
        ("-", None),
        ("-5", None),
        ("十分", None),
        ("abc", None),
        ("1.2.3", None),
    ],
)
def test_parse_weight(text: str | None, weight: str | None) -> None:
    result = parse_weight(text)
    if weight is None:
        assert result is None
    else:
        assert result == Decimal(weight)
        assert str(result) == weight


@settings(max_examples=200)
@given(
    st.one_of(st.none(), st.text(alphabet=_VALUE_ALPHABET)),
    st.one_of(st.none(), st.text(max_size=4)),
    st.one_of(st.none(), st.text(max_size=4)),
    st.one_of(st.none(), st.text(max_size=4)),
)
def test_column_readers_never_raise(
    value: str | None, sign: str | None, unit: str | None, nature: str | None
) -> None:
    parsed = parse_value_columns(value, sign, unit, nature)
    assert (parsed.kind == "text") == (parsed.number is None)
    assert not (parsed.unparsed and parsed.kind == "numeric")
    weight = parse_weight(value)
    assert weight is None or (weight.as_tuple().exponent == -2 and weight < 10000)
    assert comparator_of(sign or "") in (None, ">=", "<=", ">", "<", "=")
    assert direction_of(sign or "") in (None, "positive", "negative")


@pytest.mark.parametrize(
    ("raw", "unit"),
    [
        ("≤800元/人·月", "元/人·月"),
        ("≥1200元/人·年", "元/人·年"),
        ("3人·次", "人·次"),
    ],
)
def test_a_middle_dot_joins_the_words_of_one_unit(raw: str, unit: str) -> None:
    assert parse_value(raw).unit == unit


@pytest.mark.parametrize("raw", ["每月10日前", "每季度末", "每年12月底前"])
def test_recurring_deadlines_are_text_without_a_warning(raw: str) -> None:
    assert parse_value(raw) == ParsedValue(None, None, None, "text", False)
