"""Project periods and single date cells -> dates."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.normalizers.periods import excel_serial_date, parse_date, parse_period

D = date

PERIODS: list[tuple[str, date | None, date | None]] = [
    # day granularity
    ("2026/1/1 - 2027/12/31", D(2026, 1, 1), D(2027, 12, 31)),
    ("2026/1/1-2027/12/31", D(2026, 1, 1), D(2027, 12, 31)),
    ("2025.1.1-2025.12.31", D(2025, 1, 1), D(2025, 12, 31)),
    ("2025年1月1日-2025年12月31日", D(2025, 1, 1), D(2025, 12, 31)),
    ("2023-01-01至2023-12-31", D(2023, 1, 1), D(2023, 12, 31)),
    ("2023-01-01 至 2023-12-31", D(2023, 1, 1), D(2023, 12, 31)),
    ("20230101-20231231", D(2023, 1, 1), D(2023, 12, 31)),
    ("2025年1月1日-12月31日", D(2025, 1, 1), D(2025, 12, 31)),
    ("2024年3月1日至2024年2月29日", None, None),  # end before start
    # month granularity: first day of the first month, last day of the last
    ("2023年4月-2024年2月", D(2023, 4, 1), D(2024, 2, 29)),
    ("2023.07-2024.01", D(2023, 7, 1), D(2024, 1, 31)),
    ("2023.7-2024.1", D(2023, 7, 1), D(2024, 1, 31)),
    ("202101-202312", D(2021, 1, 1), D(2023, 12, 31)),
    ("2023年1月至2023年12月", D(2023, 1, 1), D(2023, 12, 31)),
    ("2023年1月到2023年12月", D(2023, 1, 1), D(2023, 12, 31)),
    ("2023年1月起至2023年12月", D(2023, 1, 1), D(2023, 12, 31)),
    ("2023/04-2023/06", D(2023, 4, 1), D(2023, 6, 30)),
    ("2024年1月-12月", D(2024, 1, 1), D(2024, 12, 31)),
    ("2023年11月-2月", None, None),  # the omitted year would put the end first
    # separators
    ("2023年1月—2023年12月", D(2023, 1, 1), D(2023, 12, 31)),
    ("2023年1月–2023年12月", D(2023, 1, 1), D(2023, 12, 31)),
    ("2023年1月~2023年12月", D(2023, 1, 1), D(2023, 12, 31)),
    ("2023年1月～2023年12月", D(2023, 1, 1), D(2023, 12, 31)),
    ("2023年1月－2023年12月", D(2023, 1, 1), D(2023, 12, 31)),
    ("2023年1月 —— 2023年12月", D(2023, 1, 1), D(2023, 12, 31)),
    # year granularity
    ("2021年度", D(2021, 1, 1), D(2021, 12, 31)),
    ("2021年", D(2021, 1, 1), D(2021, 12, 31)),
    ("2021", D(2021, 1, 1), D(2021, 12, 31)),
    ("2021-2023", D(2021, 1, 1), D(2023, 12, 31)),
    ("2021年-2023年", D(2021, 1, 1), D(2023, 12, 31)),
    ("2021年--2023年", D(2021, 1, 1), D(2023, 12, 31)),
    ("2021年至2023年", D(2021, 1, 1), D(2023, 12, 31)),
    # full-width digits and padding
    ("２０２３年４月－２０２４年２月", D(2023, 4, 1), D(2024, 2, 29)),
    ("  2021年度 ", D(2021, 1, 1), D(2021, 12, 31)),
    # not a period
    ("合同工期540天", None, None),
    ("长期", None, None),
    ("一年", None, None),
    ("", None, None),
    ("2026/1/1", None, None),  # a single day: the end is not printed
    ("1月-12月", None, None),  # no year
    ("2024-2023", None, None),
    ("2023年13月-2024年1月", None, None),
    ("2023年2月30日-2023年3月1日", None, None),
    ("2021年、2022年、2023年", None, None),
    ("2023年1月开工，2023年12月完工", None, None),
]


@pytest.mark.parametrize(("raw", "start", "end"), PERIODS)
def test_parse_period(raw: str, start: date | None, end: date | None) -> None:
    assert parse_period(raw) == (start, end)


DATES: list[tuple[str, date | None, date | None]] = [
    ("2026/1/1", D(2026, 1, 1), D(2026, 1, 1)),
    ("2026-01-01", D(2026, 1, 1), D(2026, 1, 1)),
    ("2026.1.1", D(2026, 1, 1), D(2026, 1, 1)),
    ("2026年1月1日", D(2026, 1, 1), D(2026, 1, 1)),
    ("2026年12月31日", D(2026, 12, 31), D(2026, 12, 31)),
    ("20260101", D(2026, 1, 1), D(2026, 1, 1)),
    ("2026年1月", D(2026, 1, 1), D(2026, 1, 31)),
    ("2024年2月", D(2024, 2, 1), D(2024, 2, 29)),
    ("2026.02", D(2026, 2, 1), D(2026, 2, 28)),
    ("2026年", D(2026, 1, 1), D(2026, 12, 31)),
    ("46023", D(2026, 1, 1), D(2026, 1, 1)),
    ("46,023", D(2026, 1, 1), D(2026, 1, 1)),
    ("2026-01-01 00:00:00", D(2026, 1, 1), D(2026, 1, 1)),
    (" 2026/1/1 ", D(2026, 1, 1), D(2026, 1, 1)),
    ("２０２６年１月１日", D(2026, 1, 1), D(2026, 1, 1)),
    ("2026/2/30", None, None),
    ("2026/1/1 - 2027/12/31", None, None),
    ("1月1日", None, None),
    ("100", None, None),
    ("46023.5", None, None),
    ("abc", None, None),
    ("", None, None),
]


@pytest.mark.parametrize(("raw", "start", "end"), DATES)
def test_parse_date(raw: str, start: date | None, end: date | None) -> None:
    assert parse_date(raw) == start
    assert parse_date(raw, end=True) == end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("44,561", D(2021, 12, 31)),
        ("44561", D(2021, 12, 31)),
        ("44561.0", D(2021, 12, 31)),
        ("46023", D(2026, 1, 1)),
        (" 44561 ", D(2021, 12, 31)),
        ("36526", D(2000, 1, 1)),
        ("73050", D(2099, 12, 31)),
        ("36525", None),
        ("73051", None),
        ("44561.5", None),
        ("4,4561", None),
        ("24", None),
        ("2021", None),
        ("-44561", None),
        ("abc", None),
        ("", None),
    ],
)
def test_excel_serial_date(text: str, expected: date | None) -> None:
    assert excel_serial_date(text) == expected


@settings(max_examples=300)
@given(st.one_of(st.text(), st.text(alphabet=list("0123456789年月日度-/.至~ ,"))))
def test_period_readers_never_raise(text: str) -> None:
    start, end = parse_period(text)
    assert (start is None) == (end is None)
    if start is not None and end is not None:
        assert start <= end
    for flag in (False, True):
        day = parse_date(text, end=flag)
        assert day is None or isinstance(day, date)
    serial = excel_serial_date(text)
    assert serial is None or D(2000, 1, 1) <= serial <= D(2099, 12, 31)
