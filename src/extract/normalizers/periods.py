"""A project's period (项目起止时间, 项目实施期, 实施周期 …) and single date cells as dates.

Periods are printed at three granularities: a day (`2026/1/1 - 2027/12/31`), a month
(`2023年4月-2024年2月`, `2023.07-2024.01`, `202101-202312`) or a year (`2021年度`,
`2021-2023`). A start reads as the first day of what it names and an end as the last day, so
`2023年4月-2024年2月` is 2023-04-01 .. 2024-02-29: the dates then cover what was printed.

A period is read only when its text is one date or two dates joined by a range separator;
anything else (`合同工期540天`, `长期`, an end before its start, an impossible date) gives
(None, None), because a guessed period would be worse than none. Nothing here raises.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from extract.normalizers import vocab

__all__ = ["excel_serial_date", "parse_date", "parse_period"]

_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01 after Excel's 1900 leap-year bug
_SERIAL_MIN, _SERIAL_MAX = 36526, 73050  # 2000-01-01 .. 2099-12-31: plausible project dates
_SPACE = re.compile(r"\s+")
_TIME = re.compile(r"\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?\s*$")
_SERIAL = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.0+)?")


def _alternation(words: tuple[str, ...]) -> str:
    folded = {unicodedata.normalize("NFKC", w) for w in words}
    return "|".join(re.escape(w) for w in sorted(folded, key=len, reverse=True))


_Y = r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})"
_M = r"(?P<m>[0-9]{1,2})"
_D = r"(?P<d>[0-9]{1,2})"
_YEAR = f"(?:{_alternation(vocab.DATE_YEAR_MARKS)})"
_MONTH = f"(?:{_alternation(vocab.DATE_MONTH_MARKS)})"
_DAY = f"(?:{_alternation(vocab.DATE_DAY_MARKS)})"
_END = r"(?![0-9])"


@dataclass(frozen=True, slots=True)
class _Token:
    """One printed date: its year (None when omitted), month and day, as far as printed."""

    year: int | None
    month: int | None
    day: int | None
    start: int
    end: int


# Tried in order at each position; the first that matches is the token. Forms with a day come
# before forms without one, and forms that print a year before forms that omit it.
_TOKENS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"{_Y}(?P<s>[/.\-]){_M}(?P=s){_D}{_DAY}?{_END}"),
    re.compile(rf"{_Y}{_YEAR}{_M}{_MONTH}{_D}{_DAY}?{_END}"),
    re.compile(rf"{_Y}[/.\-]{_M}{_MONTH}?{_END}"),
    re.compile(rf"{_Y}{_YEAR}{_M}{_MONTH}{_END}"),
    re.compile(rf"{_Y}(?P<m>[0-9]{{2}})(?P<d>[0-9]{{2}}){_END}"),
    re.compile(rf"{_Y}(?P<m>[0-9]{{2}}){_END}"),
    re.compile(rf"{_Y}{_YEAR}?{_END}"),
    # The year omitted, as the end of a period (`2024年1月-12月`): taken from the start.
    re.compile(rf"(?<![0-9]){_M}{_MONTH}{_D}{_DAY}?{_END}"),
    re.compile(rf"(?<![0-9]){_M}{_MONTH}"),
)
_JOIN = re.compile(
    rf"(?:{_alternation(vocab.PERIOD_START_MARKS)})?(?:{_alternation(vocab.RANGE_SEPARATORS)})+"
)


def _compact(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def _tokens(compact: str) -> list[_Token]:
    found: list[_Token] = []
    pos = 0
    while pos < len(compact):
        for pattern in _TOKENS:
            match = pattern.match(compact, pos)
            if match is not None:
                groups = match.groupdict()
                found.append(
                    _Token(
                        int(groups["y"]) if groups.get("y") else None,
                        int(groups["m"]) if groups.get("m") else None,
                        int(groups["d"]) if groups.get("d") else None,
                        match.start(),
                        match.end(),
                    )
                )
                pos = match.end()
                break
        else:
            pos += 1
    return found


def _first_day(token: _Token, year: int) -> date | None:
    try:
        return date(year, token.month or 1, token.day or 1)
    except ValueError:
        return None


def _last_day(token: _Token, year: int) -> date | None:
    month = token.month or 12
    if not 1 <= month <= 12:
        return None
    try:
        return date(year, month, token.day or calendar.monthrange(year, month)[1])
    except ValueError:
        return None


def parse_period(raw: str) -> tuple[date | None, date | None]:
    """The first and last day of a printed period, or (None, None) when it cannot be read.

    A single year or month is the whole of it; a single day is no period (its end is not
    printed), so it gives (None, None) rather than half an answer.
    """
    compact = _compact(raw)
    tokens = _tokens(compact)
    if len(tokens) == 1:
        only = tokens[0]
        if only.year is None or only.day is not None:
            return None, None
        start, end = _first_day(only, only.year), _last_day(only, only.year)
    elif len(tokens) == 2:
        first, second = tokens
        if first.year is None or _JOIN.fullmatch(compact[first.end : second.start]) is None:
            return None, None
        start = _first_day(first, first.year)
        end = _last_day(second, second.year if second.year is not None else first.year)
    else:
        return None, None
    if start is None or end is None or end < start:
        return None, None
    return start, end


def excel_serial_date(text: str) -> date | None:
    """The date an Excel serial number stands for (`44,561` -> 2021-12-31), else None.

    Spreadsheets exported as text print a date cell as its serial. Only 2000..2099 serials are
    read: a small number in a value cell is far likelier a count than a date in 1900.
    """
    compact = _compact(text)
    if not _SERIAL.fullmatch(compact):
        return None
    serial = int(compact.split(".")[0].replace(",", ""))
    if not _SERIAL_MIN <= serial <= _SERIAL_MAX:
        return None
    return _EXCEL_EPOCH + timedelta(days=serial)


def parse_date(raw: str, *, end: bool = False) -> date | None:
    """A single date cell (计划开始日期, 计划完成日期) as a date, or None.

    A month or a year is read as its first day, or as its last day with `end=True`, matching
    how `parse_period` reads the two ends of a period. A time of day after the date (a
    spreadsheet datetime printed as text) is ignored.
    """
    serial = excel_serial_date(raw)
    if serial is not None:
        return serial
    compact = _compact(_TIME.sub("", raw))
    tokens = _tokens(compact)
    if len(tokens) != 1:
        return None
    token = tokens[0]
    if token.year is None or (token.start, token.end) != (0, len(compact)):
        return None
    return _last_day(token, token.year) if end else _first_day(token, token.year)
