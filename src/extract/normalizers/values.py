"""Reading an indicator value (指标值) as comparator, number and unit.

Rules, in order (all spellings come from `vocab`):

1. Full-width forms are folded (`９０％` -> `90%`, `＞=` -> `>=`), whitespace is dropped, a
   trailing `。`/`；`/`.` is ignored and `(%)` right after a number is the unit `%`
   (`=100.00(%)`).
2. A deadline or date (`12月底前`, `2024年12月31日前`, `6月30日之前`, `2023年底前完成`, `第三季度`)
   is qualitative text and not flagged: its number is a date, not a target, and nothing is
   wrong with the value.
3. A clean value is `[comparator] number [unit] [（含）] [suffix comparator] [(alternative)]`:
   `≥90%`, `不低于95分`, `90%以上`, `3天以内`, `=1次`, `2次/年`, `0`, `±3%以内`, `≤2天（48小时）`.
   The unit grammar is open, because departments count in whatever they count (`盏`, `头`,
   `批次`, `万元/公里`, `M`, `起`): a unit is a run of at most five letters or CJK characters,
   optionally `/` and a second such run, holding no comparator word, so that a suffix
   comparator (`以内`, `内`, `以上`) is split off rather than swallowed. With no comparator the
   comparator is `=`; `±` bounds a deviation from above (`<=`). A prefix and a suffix
   comparator that disagree (`≥90%以下`) make the value unreadable (rule 5).
4. Otherwise, text holding exactly one number directly followed by a known unit
   (`vocab.VALUE_UNITS`) is read as that number (the *embedded-number rule*): `完成3个项目建设`
   -> (`=`, 3, `个`), `满意度达90%以上` -> (`>=`, 90, `%`), `不低于上年的95%` -> (`>=`, 95, `%`).
   The comparator is a suffix word after the unit, else the last comparator written before the
   number, else `=`. Calendar units (`年`, `月`, `日`) and ordinals (`第3批`) are excluded,
   because there the number is a date or a position, not a target. Here the unit list is
   closed on purpose: in prose an open grammar would take the next words for a unit.
   `value_raw` keeps the prose, so the reading can always be checked.
5. Everything else is text: comparator, number and unit are None. It is flagged `unparsed` when
   it looked quantitative, i.e. holds a digit or a comparator symbol (`≥`, `<`, `=` …), so
   `unparsed` implies kind `text`. Ranges (`90%-95%`, `90~95%`) fall here on purpose: the
   contract has no column for a second bound and half of a range would misstate the target,
   so they are text flagged `unparsed` for review. Word comparators alone (`不低于上年水平`)
   and qualitative answers (`是`, `达标`, `可控`, `及时`) are ordinary text, not flagged.

Grids that print the comparator, the number and the unit in separate cells are read by
`parse_value_columns`, which applies the same grammar to the value cell first.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from extract.normalizers import vocab

__all__ = [
    "ParsedValue",
    "comparator_of",
    "direction_of",
    "is_qualitative_nature",
    "parse_value",
    "parse_value_columns",
    "parse_weight",
]


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
_SYMBOLS = re.compile(r"[<>=≥≤≧≦⩾⩽±]")
_PERCENT_IN_BRACKETS = re.compile(r"(?<=[0-9])\(%\)")
# What a unit word is made of: Latin letters and CJK ideographs.
_UNIT_CHAR = r"[A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_MAX_UNIT_WORD = 5


def _fold(text: str) -> str:
    return text.translate(_FOLD)


def _compact(text: str) -> str:
    return _NOISE.sub("", _fold(text))


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    ordered = sorted({_fold(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in ordered)


_COMPARATOR_OF = {_fold(word): canonical for word, canonical in vocab.COMPARATORS}
_SUFFIX_WORDS = {_fold(word) for word in vocab.SUFFIX_COMPARATORS}
_PREFIX_CMP = _alternation([w for w in _COMPARATOR_OF if w not in _SUFFIX_WORDS])
_SUFFIX_CMP = _alternation(list(_SUFFIX_WORDS))
_ANY_CMP = _alternation(list(_COMPARATOR_OF))
_INCLUSIVE = _alternation(vocab.INCLUSIVE_MARKS)
_NUMBER = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"

# Closed unit list, for the embedded-number rule in prose. A unit may be a rate (`2次/年`);
# `（含）` may sit between unit and suffix (`95%（含）以上`).
_ONE_UNIT = _alternation(vocab.VALUE_UNITS)
_TAIL = rf"(?P<unit>(?:{_ONE_UNIT})(?:/(?:{_ONE_UNIT}))?)?(?:{_INCLUSIVE})?(?P<suf>{_SUFFIX_CMP})?"

# Open unit grammar, for clean values: symbol units (`%`, `‰`) or a short word holding no
# comparator word, optionally `/` and a second one.
_SYMBOL_UNIT = _alternation([u for u in vocab.VALUE_UNITS if not re.search(_UNIT_CHAR, u)])
_OPEN_WORD = rf"(?:(?!{_ANY_CMP}){_UNIT_CHAR}){{1,{_MAX_UNIT_WORD}}}"
# `元/人·月`: a middle dot joins the words of one unit.
_UNIT_PART = rf"(?:{_SYMBOL_UNIT}|{_OPEN_WORD})(?:[·・]{_OPEN_WORD})?"
_OPEN_UNIT = rf"{_UNIT_PART}(?:/{_UNIT_PART})?"
_CLEAN = re.compile(
    rf"(?P<cmp>{_PREFIX_CMP})?(?P<num>[+-]?{_NUMBER})(?P<unit>{_OPEN_UNIT})?"
    rf"(?:{_INCLUSIVE})?(?P<suf>{_SUFFIX_CMP})?(?:\([^()]*\))?"
)

_NUMBER_RUN = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_VALID_NUMBER = re.compile(_NUMBER)
_AFTER_NUMBER = re.compile(_TAIL)
_ANY_PREFIX_CMP = re.compile(_PREFIX_CMP)
_CALENDAR_UNITS = frozenset(vocab.CALENDAR_UNITS)
_ORDINALS = tuple(vocab.ORDINAL_PREFIXES)

# --- deadlines and dates (rule 2) ---------------------------------------------------------------

_CJK_NUMERAL = "[" + "".join(vocab.CJK_NUMERALS) + "]"
_YEAR4 = r"(?:19|20)[0-9]{2}"
# (pattern, anchors a date on its own)
_DATE_TOKENS: tuple[tuple[re.Pattern[str], bool], ...] = (
    (re.compile(rf"{_YEAR4}(?:{_alternation(vocab.DATE_YEAR_MARKS)})"), True),
    # Numeric dates: `2024-12-31`, `2024/12/31`, `2024.12.31`, `2024-12`, `2024/12`.
    (
        re.compile(
            rf"{_YEAR4}(?:(?P<s>[-/.])[0-9]{{1,2}}(?P=s)[0-9]{{1,2}}|[-/][0-9]{{1,2}})(?![0-9.])"
        ),
        True,
    ),
    (
        re.compile(
            rf"(?:[0-9]{{1,2}}|{_CJK_NUMERAL}{{1,3}})(?:{_alternation(vocab.DATE_MONTH_MARKS)})"
        ),
        True,
    ),
    (re.compile(rf"[0-9]{{1,2}}(?:{_alternation(vocab.DATE_DAY_MARKS)})"), False),
    (
        re.compile(
            rf"(?:{_alternation(vocab.DATE_QUARTER_PREFIXES)})?(?:[0-9]|{_CJK_NUMERAL})"
            rf"(?:{_alternation(vocab.DATE_QUARTER_MARKS)})"
        ),
        True,
    ),
    (re.compile(_alternation(vocab.DATE_ANCHOR_WORDS)), True),
    (re.compile(_alternation(vocab.DATE_QUALIFIER_WORDS)), False),
)
_DATE_LEAD = re.compile(rf"(?:{_alternation(vocab.DATE_LEAD_WORDS)})*")
_DIGIT = re.compile(r"[0-9]")


def _is_deadline(compact: str) -> bool:
    """A date at the start and nothing quantitative after it (rule 2)."""
    lead = _DATE_LEAD.match(compact)
    pos = lead.end() if lead is not None else 0
    anchored = False
    while pos < len(compact):
        best: tuple[int, bool] | None = None
        for pattern, anchor in _DATE_TOKENS:
            found = pattern.match(compact, pos)
            if found is not None and found.end() > pos and (best is None or found.end() > best[0]):
                best = (found.end(), anchor)
        if best is None:
            break
        pos, anchored = best[0], anchored or best[1]
    rest = compact[pos:]
    return anchored and not _DIGIT.search(rest) and not _SYMBOLS.search(rest)


_LIST_SEPARATOR = re.compile(f"(?:{_alternation(vocab.LIST_SEPARATORS)})")


def _is_deadlines(compact: str) -> bool:
    """One deadline, or a list of them (`5月底、11月底前`)."""
    pieces = [p for p in _LIST_SEPARATOR.split(compact) if p]
    return bool(pieces) and all(_is_deadline(p) for p in pieces)


def is_deadline(raw: str | None) -> bool:
    """A value that is a date or deadline (`12月底前`): a timeliness target, though text."""
    compact = _TRAILING_STOP.sub("", _compact(raw or ""))
    return bool(compact) and _is_deadlines(compact)


# --- numbers ------------------------------------------------------------------------------------


def _numeric(cmp: str | None, number: str, unit: str | None, suffix: str | None) -> ParsedValue:
    """A numeric value, or unparsed when the number overflows or the comparators disagree."""
    value = float(number.replace(",", ""))
    prefix = _COMPARATOR_OF[cmp] if cmp else None
    after = _COMPARATOR_OF[suffix] if suffix else None
    if not math.isfinite(value) or (prefix and after and prefix != after):
        return _UNPARSED
    return ParsedValue(prefix or after or "=", value, unit or None, "numeric", False)


def _clean(compact: str) -> tuple[ParsedValue, bool] | None:
    found = _CLEAN.fullmatch(compact)
    if found is None:
        return None
    parsed = _numeric(found["cmp"], found["num"], found["unit"], found["suf"])
    return parsed, bool(found["cmp"] or found["suf"])


def _embedded(compact: str) -> tuple[ParsedValue, bool] | None:
    """The embedded-number rule (module docstring, rule 4)."""
    runs = list(_NUMBER_RUN.finditer(compact))
    if len(runs) != 1 or not _VALID_NUMBER.fullmatch(runs[0][0]):
        return None
    run = runs[0]
    before = compact[: run.start()]
    tail = _AFTER_NUMBER.match(compact, run.end())
    unit = tail["unit"] if tail is not None else None
    if unit is None or before.endswith(_ORDINALS) or unit.split("/")[0] in _CALENDAR_UNITS:
        return None
    written = [m[0] for m in _ANY_PREFIX_CMP.finditer(before)]
    suffix = tail["suf"] if tail is not None else None
    parsed = _numeric(written[-1] if written else None, run[0], unit, suffix)
    return parsed, bool(written or suffix)


def _read(raw: str) -> tuple[ParsedValue, bool]:
    """The parsed value and whether its comparator was written rather than defaulted to `=`."""
    compact = _PERCENT_IN_BRACKETS.sub("%", _TRAILING_STOP.sub("", _compact(raw)))
    if not compact or _is_deadlines(compact):
        return _TEXT, False
    reading = _clean(compact) or _embedded(compact)
    if reading is not None:
        return reading
    if _NUMBER_RUN.search(compact) or _SYMBOLS.search(compact):
        return _UNPARSED, False
    return _TEXT, False


@functools.lru_cache(maxsize=8192)  # stock values (`≥95%`, `100%`) recur in every project
def parse_value(raw: str) -> ParsedValue:
    """Read an indicator value by the rules in the module docstring; never raises."""
    return _read(raw)[0]


# --- separate value columns ---------------------------------------------------------------------


def _words(words: tuple[str, ...] | list[str]) -> frozenset[str]:
    return frozenset(_compact(w) for w in words)


_DIRECTION_OF = {_compact(w): code for code, words in vocab.DIRECTIONS.items() for w in words}
_QUALITATIVE = _words(vocab.QUALITATIVE_NATURES)
_QUANTITATIVE = _words(vocab.QUANTITATIVE_NATURES)
_EMPTY_UNITS = _words(vocab.EMPTY_UNIT_CELLS)
_UNIT_ALIASES = {_compact(k): v for k, v in vocab.UNIT_ALIASES.items()}
_BRACKETED = re.compile(r"\((?P<inner>[^()]*)\)")
_WEIGHT = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_WEIGHT_UNITS = tuple(sorted(_words(vocab.WEIGHT_UNITS), key=len, reverse=True))
_CENT = Decimal("0.01")
_WEIGHT_LIMIT = Decimal("10000")  # decimal128(6,2) holds at most 9999.99


def comparator_of(text: str) -> str | None:
    """The canonical comparator of a cell holding only a comparator (a 指标性质 / 指标方向
    column), so that a grid's sign column can be told from one holding 正向 / 反向."""
    return _COMPARATOR_OF.get(_TRAILING_STOP.sub("", _compact(text)))


def direction_of(text: str) -> str | None:
    """`positive` / `negative` for 正向 / 反向 words, else None (a sign or other text)."""
    return _DIRECTION_OF.get(_TRAILING_STOP.sub("", _compact(text)))


def nature_of(text: str | None) -> str | None:
    """`qualitative` (定性) or `quantitative` (定量) when a cell names the indicator's nature."""
    if is_qualitative_nature(text):
        return "qualitative"
    return "quantitative" if text and _compact(text) in _QUANTITATIVE else None


def is_qualitative_nature(text: str | None) -> bool:
    """Whether a 指标性质 cell says the indicator is qualitative (定性), so its value is text."""
    return bool(text) and _compact(text or "") in _QUALITATIVE


def _column_unit(unit: str | None) -> str | None:
    """The unit a 计量单位 cell prints, with brackets, placeholders and aliases resolved."""
    compact = _compact(unit or "")
    bracketed = _BRACKETED.fullmatch(compact)
    if bracketed is not None:
        compact = bracketed["inner"]
    if not compact or compact in _EMPTY_UNITS:
        return None
    return _UNIT_ALIASES.get(compact, compact)


def parse_value_columns(
    value: str | None,
    sign: str | None = None,
    unit: str | None = None,
    nature: str | None = None,
) -> ParsedValue:
    """Read a value printed across a grid's value, sign, unit and nature cells.

    The value cell is read by the grammar of `parse_value` first, so a cell that writes its
    own comparator or unit (`≥95%`) wins over the columns: the cell is what the department
    typed, the columns are often pre-filled. The comparator comes from whichever of `sign` and
    `nature` holds one, since templates put `≥ = ≤` under either label (乌海 prints 正向 under
    指标性质 and `=` under 指标方向). A nature of 定性 makes the value text whatever it holds.
    """
    if is_qualitative_nature(nature) or is_qualitative_nature(sign):
        return _TEXT
    if value is None or not value.strip():
        return _TEXT
    parsed, written = _read(value)
    if parsed.kind != "numeric":
        return parsed
    comparator = parsed.comparator
    if not written:
        comparator = comparator_of(sign or "") or comparator_of(nature or "") or comparator
    return ParsedValue(
        comparator, parsed.number, parsed.unit or _column_unit(unit), "numeric", False
    )


def parse_weight(text: str | None) -> Decimal | None:
    """A 权重 / 分值 cell as a decimal with 2 places (`10分` -> 10.00), or None.

    None also for a weight that does not fit the column's decimal128(6,2): writing a wrong
    weight would be worse than writing none.
    """
    compact = _TRAILING_STOP.sub("", _compact(text or ""))
    for word in _WEIGHT_UNITS:
        if compact.endswith(word):
            compact = compact[: -len(word)]
            break
    if not _WEIGHT.fullmatch(compact):
        return None
    try:
        weight = Decimal(compact).quantize(_CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return None
    return weight if weight < _WEIGHT_LIMIT else None
