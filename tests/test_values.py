"""Indicator values (指标值) -> comparator, number, unit, kind."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.normalizers.values import ParsedValue, parse_value

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
    assert len(CASES) >= 45
    assert len({raw for raw, *_ in CASES}) == len(CASES)


@pytest.mark.parametrize(
    ("raw", "unparsed"),
    [
        ("90%-95%", True),
        ("90~95%", True),
        ("2021年底前完成", True),
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
