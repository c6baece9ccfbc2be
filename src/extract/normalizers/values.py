"""Reading an indicator value (指标值) as comparator, number and unit.

Rules, in order (all spellings come from `vocab`):

1. Full-width forms are folded (`９０％` -> `90%`, `＞=` -> `>=`), whitespace is dropped and a
   trailing `。`/`；`/`.` is ignored.
2. A clean value is `[comparator] number [unit] [（含）] [suffix comparator]`:
   `≥90%`, `不低于95分`, `90%以上`, `3天以内`, `=1次`, `2次/年`, `0`, `100分`. With no
   comparator the comparator is `=`. A prefix and a suffix comparator that disagree
   (`≥90%以下`) make the value unreadable (rule 4).
3. Otherwise, text holding exactly one number directly followed by a unit is read as that
   number (the *embedded-number rule*): `完成3个项目建设` -> (`=`, 3, `个`), `满意度达90%以上`
   -> (`>=`, 90, `%`), `不低于上年的95%` -> (`>=`, 95, `%`). The comparator is a suffix word
   after the unit, else the last comparator written before the number, else `=`. Calendar units
   (`年`, `月`, `日`) and ordinals (`第3批`) are excluded, because there the number is a date or
   a position (`2021年底前完成`, `3月底前`), not a target. `value_raw` keeps the prose, so the
   reading can always be checked.
4. Everything else is text: comparator, number and unit are None. It is flagged `unparsed` when
   it looked quantitative, i.e. holds a digit or a comparator symbol (`≥`, `<`, `=` …), so
   `unparsed` implies kind `text`. Ranges
   (`90%-95%`, `90~95%`) fall here on purpose: the contract has no column for a second bound
   and half of a range would misstate the target, so they are text flagged `unparsed` for
   review. Word comparators alone (`不低于上年水平`) and yes/no answers (`是`, `否`, `达标`)
   are ordinary qualitative text, not flagged.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from extract.normalizers import vocab

__all__ = ["ParsedValue", "parse_value"]


@dataclass(frozen=True, slots=True)
class ParsedValue:
    comparator: str | None
    number: float | None
    unit: str | None
    kind: str  # "numeric" | "text"
    # Looked quantitative (had a digit or a comparator symbol) but could not be parsed cleanly.
    unparsed: bool


_TEXT = ParsedValue(None, None, None, "text", False)
_UNPARSED = ParsedValue(None, None, None, "text", True)

# Full-width ASCII (`！`..`～`) to ASCII, plus the small percent sign.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0xFE6A: ord("%")}
_NOISE = re.compile(r"[\s\u200b-\u200f\u2060\ufeff\u00ad]+")
_TRAILING_STOP = re.compile(r"[。.;；,，]+$")
_CALENDAR_UNITS = frozenset({"年", "月", "日"})
_SYMBOLS = re.compile(r"[<>=≥≤≧≦⩾⩽]")


def _fold(text: str) -> str:
    return text.translate(_FOLD)


def _alternation(words: list[str]) -> str:
    ordered = sorted({_fold(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in ordered)


_COMPARATOR_OF = {_fold(word): canonical for word, canonical in vocab.COMPARATORS}
_SUFFIX_WORDS = {_fold(word) for word in vocab.SUFFIX_COMPARATORS}
_PREFIX_CMP = _alternation([w for w in _COMPARATOR_OF if w not in _SUFFIX_WORDS])
_SUFFIX_CMP = _alternation(list(_SUFFIX_WORDS))
_ONE_UNIT = _alternation(list(vocab.VALUE_UNITS))
# A unit may be a rate (`2次/年`); `（含）` may sit between unit and suffix (`95%（含）以上`).
_TAIL = rf"(?P<unit>(?:{_ONE_UNIT})(?:/(?:{_ONE_UNIT}))?)?(?:\(含\))?(?P<suf>{_SUFFIX_CMP})?"
_NUMBER = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
_CLEAN = re.compile(rf"(?P<cmp>{_PREFIX_CMP})?(?P<num>[+-]?{_NUMBER})" + _TAIL)
_NUMBER_RUN = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_VALID_NUMBER = re.compile(_NUMBER)
_AFTER_NUMBER = re.compile(_TAIL)
_ANY_PREFIX_CMP = re.compile(_PREFIX_CMP)


def _numeric(cmp: str | None, number: str, unit: str | None, suffix: str | None) -> ParsedValue:
    """A numeric value, or unparsed when the number overflows or the comparators disagree."""
    value = float(number.replace(",", ""))
    prefix = _COMPARATOR_OF[cmp] if cmp else None
    after = _COMPARATOR_OF[suffix] if suffix else None
    if not math.isfinite(value) or (prefix and after and prefix != after):
        return _UNPARSED
    return ParsedValue(prefix or after or "=", value, unit or None, "numeric", False)


def _clean(compact: str) -> ParsedValue | None:
    found = _CLEAN.fullmatch(compact)
    if found is None:
        return None
    return _numeric(found["cmp"], found["num"], found["unit"], found["suf"])


def _embedded(compact: str) -> ParsedValue | None:
    """The embedded-number rule (module docstring, rule 3)."""
    runs = list(_NUMBER_RUN.finditer(compact))
    if len(runs) != 1 or not _VALID_NUMBER.fullmatch(runs[0][0]):
        return None
    run = runs[0]
    before = compact[: run.start()]
    tail = _AFTER_NUMBER.match(compact, run.end())
    unit = tail["unit"] if tail is not None else None
    if unit is None or before.endswith("第") or unit.split("/")[0] in _CALENDAR_UNITS:
        return None
    written = [m[0] for m in _ANY_PREFIX_CMP.finditer(before)]
    return _numeric(written[-1] if written else None, run[0], unit, tail["suf"] if tail else None)


def parse_value(raw: str) -> ParsedValue:
    """Read an indicator value by the rules in the module docstring; never raises."""
    compact = _TRAILING_STOP.sub("", _NOISE.sub("", _fold(raw)))
    if not compact:
        return _TEXT
    parsed = _clean(compact) or _embedded(compact)
    if parsed is not None:
        return parsed
    if _NUMBER_RUN.search(compact) or _SYMBOLS.search(compact):
        return _UNPARSED
    return _TEXT
