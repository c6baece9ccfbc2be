"""Fiscal year and region: where a document says, or lets us infer, which year it budgets.

Precedence is SCHEMA.md's: `--year` > year stated in the text > year in the project codes >
year in the file name. Project codes such as `13030421K8U6FQHZNYVC1` start with a 6-digit
administrative division (130304) and the two-digit year (21).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import regex

# First two digits of mainland provinces, Taiwan, Hong Kong and Macao division codes.
_PROVINCES: frozenset[str] = frozenset(
    {
        *("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36"),
        *("37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62"),
        *("63", "64", "65", "71", "81", "82"),
    }
)
_CODE = regex.compile(r"^(?P<region>\d{6})(?P<yy>\d{2})")
_TEXT_YEAR = regex.compile(r"(?<!\d)(?P<year>20\d{2})\s*年")
_FILE_YEAR = regex.compile(r"(?<!\d)(?P<year>20\d{2})(?!\d)")
MIN_YEAR, MAX_YEAR = 2000, 2099


def region_code(project_code: str | None) -> str | None:
    """The 6-digit division a project code starts with, when it plausibly is one."""
    if not project_code:
        return None
    match = _CODE.match(project_code.strip())
    if match is None or match["region"][:2] not in _PROVINCES:
        return None
    return match["region"]


def year_from_code(project_code: str | None) -> int | None:
    if region_code(project_code) is None:
        return None
    assert project_code is not None
    match = _CODE.match(project_code.strip())
    assert match is not None
    return 2000 + int(match["yy"])


def year_from_codes(codes: Iterable[str | None]) -> int | None:
    """The year most project codes agree on."""
    years = Counter(y for y in (year_from_code(c) for c in codes) if y is not None)
    return years.most_common(1)[0][0] if years else None


def year_from_text(texts: Iterable[str]) -> int | None:
    """The first `20XX年` in the given texts (titles, headings), if any."""
    for text in texts:
        match = _TEXT_YEAR.search(text)
        if match is not None:
            return int(match["year"])
    return None


def year_from_filename(name: str) -> int | None:
    match = _FILE_YEAR.search(name)
    return int(match["year"]) if match is not None else None
