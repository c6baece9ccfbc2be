"""Spreadsheet number formats applied the way a spreadsheet prints them.

A cell stores 0.2 and prints `20%`; it stores 3309840 and prints `3,309,840.00`; it stores the
serial 46023 and prints `2026/1/1`. Readers of a budget see the printed form, and the datasets
must say what they saw, so every number of a workbook goes through its cell's format code here.
What is not printed is not invented: padding (`_)`), fill (`*-`) and colours vanish, a General
number shows at most 15 significant digits (what a spreadsheet stores) without a trailing `.0`,
and a format this module cannot render (fractions, `[DBNum1]` numerals) falls back to General.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

__all__ = ["builtin_format", "display_number", "display_text", "general", "serial_to_datetime"]

# Format ids a workbook may use without spelling them out (ECMA-376 18.8.30). The locale short
# date (14, 22) is shown as a Chinese-locale spreadsheet shows it: 2026/1/1.
_BUILTIN: dict[int, str] = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    5: "#,##0;-#,##0",
    6: "#,##0;[Red]-#,##0",
    7: "#,##0.00;-#,##0.00",
    8: "#,##0.00;[Red]-#,##0.00",
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "yyyy/m/d",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "yyyy/m/d h:mm",
    37: "#,##0 ;(#,##0)",
    38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)",
    40: "#,##0.00;[Red](#,##0.00)",
    41: '_ * #,##0_ ;_ * \\-#,##0_ ;_ * "-"_ ;_ @_ ',
    42: '_ \u00a5* #,##0_ ;_ \u00a5* \\-#,##0_ ;_ \u00a5* "-"_ ;_ @_ ',
    43: '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ',
    44: '_ \u00a5* #,##0.00_ ;_ \u00a5* \\-#,##0.00_ ;_ \u00a5* "-"??_ ;_ @_ ',
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mm:ss.0",
    48: "##0.0E+0",
    49: "@",
}
# The Chinese-locale built-ins (27-36, 50-58), written with escapes so that this module holds
# no Chinese text: year, month, day, hour, minute, second and the morning/afternoon marker.
_Y, _MO, _D = "\u5e74", "\u6708", "\u65e5"
_H, _MI, _S = "\u65f6", "\u5206", "\u79d2"
_AMPM_CJK = "\u4e0a\u5348/\u4e0b\u5348"
_YEAR_MONTH = f'yyyy"{_Y}"m"{_MO}"'
_MONTH_DAY = f'm"{_MO}"d"{_D}"'
_HOUR_MIN = f'h"{_H}"mm"{_MI}"'
_HOUR_MIN_SEC = f'h"{_H}"mm"{_MI}"ss"{_S}"'
for _id in (27, 36, 50, 52, 57):
    _BUILTIN[_id] = _YEAR_MONTH
for _id in (28, 29, 51, 53, 54, 58):
    _BUILTIN[_id] = _MONTH_DAY
_BUILTIN[30] = "m-d-yy"
_BUILTIN[31] = f'yyyy"{_Y}"m"{_MO}"d"{_D}"'
_BUILTIN[32] = _HOUR_MIN
_BUILTIN[33] = _HOUR_MIN_SEC
_BUILTIN[34] = _BUILTIN[55] = _AMPM_CJK + _HOUR_MIN
_BUILTIN[35] = _BUILTIN[56] = _AMPM_CJK + _HOUR_MIN_SEC
_AM_CJK, _PM_CJK = _AMPM_CJK.split("/")
_WEEKDAY_CJK = "\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u65e5"  # Monday .. Sunday
_WEEK_CJK = "\u661f\u671f"

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DIGITS = frozenset("0#?")
_UNITS = frozenset(("y", "m", "d", "h", "s", "elapsed"))
_EPOCH_1900 = datetime(1899, 12, 30)
_EPOCH_1904 = datetime(1904, 1, 1)
_MAX_SERIAL = 2958465  # 9999-12-31

_TOKEN = re.compile(
    r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]|general|am/pm|a/p|' + _AMPM_CJK + r"|e[+-]|"
    r"y+|m+|d+|h+|s+|a{3,4}|e|[0#?]|.",
    re.I | re.S,
)
_ELAPSED = re.compile(r"\[(h+|m+|s+)\]", re.I)
_CONDITION = re.compile(r"\[(<=|>=|<>|<|>|=)\s*(-?[\d.]+)\]")


def builtin_format(num_fmt_id: int) -> str:
    """The code of a built-in format id; unknown ids are General."""
    return _BUILTIN.get(num_fmt_id, "General")


def display_number(value: float, code: str, *, date1904: bool = False) -> str:
    """`value` as a cell formatted `code` prints it; General where the code cannot be read
    (a damaged format must not cost the workbook)."""
    try:
        return _display(value, code, date1904)
    except (ValueError, IndexError, OverflowError, ArithmeticError):
        return general(value)


def _display(value: float, code: str, date1904: bool) -> str:
    fmt = _compile(code)
    section, negate = fmt.pick(value)
    if section is None:
        return general(value)
    if section.is_date:
        return _date(section, value, date1904) or general(value)
    text = section.render(-value if negate else value)
    return text if text is not None else general(value)


def display_text(value: str, code: str) -> str:
    """Text in a cell whose format has a text section (`@`, `0;-0;0;@"x"`) prints through it."""
    try:
        section = _compile(code).text
    except ValueError:  # a damaged condition such as `[>1.2.3]`
        return value
    if section is None:
        return value
    return "".join(value if tok == "@" else _literal(tok) for tok in section.tokens).strip()


def general(value: float) -> str:
    """General: integers without `.0`, at most 15 significant digits, no binary noise."""
    if math.isnan(value) or math.isinf(value):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    if value != 0 and not 1e-9 <= abs(value) < 1e15:
        mantissa, _, exponent = f"{value:.14e}".partition("e")
        return f"{mantissa.rstrip('0').rstrip('.')}E{int(exponent):+03d}"
    text = f"{value:.15g}"
    if "e" in text:  # 15 significant digits of a small number
        text = format(Decimal(text), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


# --- compiled formats -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Section:
    """One `;`-separated part of a format: its printing tokens, without padding, fill and
    colours; a condition such as `[>=100]` apart."""

    tokens: tuple[str, ...]
    condition: tuple[str, float] | None
    is_date: bool

    def render(self, value: float) -> str | None:
        return _render_number(self.tokens, value)

    def matches(self, value: float) -> bool:
        if self.condition is None:
            return True
        op, limit = self.condition
        if op == "<":
            return value < limit
        if op == ">":
            return value > limit
        if op == "<=":
            return value <= limit
        if op == ">=":
            return value >= limit
        if op == "<>":
            return value != limit
        return value == limit


@dataclass(frozen=True, slots=True)
class _Format:
    sections: tuple[_Section, ...]  # positive, negative, zero
    text: _Section | None

    def pick(self, value: float) -> tuple[_Section | None, bool]:
        """The section printing `value`, and whether it prints the value without its sign
        (a negative section prints its own minus or brackets)."""
        numeric = self.sections
        if not numeric:
            return None, False
        if any(s.condition is not None for s in numeric[:2]):
            for section in numeric[:2]:
                if section.condition is not None and section.matches(value):
                    return section, False
            return numeric[-1], False
        if len(numeric) >= 3 and value == 0:
            return numeric[2], False
        if len(numeric) >= 2 and value < 0:
            return numeric[1], True
        return numeric[0], False


@lru_cache(maxsize=1024)
def _compile(code: str) -> _Format:
    parts = _split_sections(code)
    if len(parts) == 1 and "@" in parts[0]:
        return _Format((), _section(parts[0]))
    text = _section(parts[3]) if len(parts) >= 4 else None
    return _Format(tuple(_section(part) for part in parts[:3]), text)


def _split_sections(code: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quoted = escape = False
    for char in code:
        if escape:
            escape = False
        elif char == "\\":
            escape = True
        elif char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def _section(part: str) -> _Section:
    tokens: list[str] = []
    condition: tuple[str, float] | None = None
    for match in _TOKEN.finditer(part):
        tok = match.group()
        if tok.startswith(("_", "*")):
            continue  # padding and fill print nothing worth keeping
        if tok.startswith("[") and not tok.startswith("[$"):
            cond = _CONDITION.fullmatch(tok)
            if cond is not None:
                condition = (cond.group(1), float(cond.group(2)))
            elif _ELAPSED.fullmatch(tok):
                tokens.append(tok.lower())
            continue  # colours, [DBNum1]: nothing printed
        tokens.append(tok)
    return _Section(tuple(tokens), condition, _looks_like_date(tokens))


def _looks_like_date(tokens: list[str]) -> bool:
    for tok in tokens:
        kind = _kind(tok)
        if kind and kind != "e":
            return True
    return False


# --- numbers --------------------------------------------------------------------------------


def _literal(tok: str) -> str:
    if tok.startswith('"'):
        return tok[1:-1]
    if tok.startswith("\\"):
        return tok[1:]
    if tok.startswith("[$"):
        return tok[2 : tok.index("-")] if "-" in tok else tok[2:-1]
    return tok


def _render_number(tokens: tuple[str, ...], value: float) -> str | None:
    """A number section: literals before and after one run of digit placeholders."""
    placeholders = [i for i, tok in enumerate(tokens) if tok in _DIGITS]
    general_at = [i for i, tok in enumerate(tokens) if tok.lower() == "general"]
    if any(tok == "/" for tok in tokens) and placeholders:
        return None  # fractions: General
    if not placeholders:
        body = general(value) if general_at else ""
        first = general_at[0] if general_at else len(tokens)
        head = "".join(_literal(t) for t in tokens[:first] if t.lower() != "general")
        tail = "".join(_literal(t) for t in tokens[first:] if t.lower() != "general")
        return _tidy(head + body + tail)
    start, end = placeholders[0], placeholders[-1]
    core = tokens[start : end + 1]
    before, after = tokens[:start], list(tokens[end + 1 :])
    # Commas right after the last placeholder scale by 1000 each.
    scale = 0
    while after and after[0] == ",":
        scale += 1
        after.pop(0)
    pct = sum(1 for t in tokens if t == "%")
    exp_at = next((i for i, t in enumerate(core) if t.lower() in ("e+", "e-")), None)
    if exp_at is not None:
        number = _scientific(core, exp_at, abs(value) * 100**pct)
    else:
        number = _fixed(core, abs(value) * 100**pct / 1000**scale)
    sign = "-" if value < 0 and number.strip("0.,") else ""
    text = "".join(_literal(t) for t in before) + sign + number
    text += "".join(_literal(t) for t in after)
    return _tidy(text)


def _fixed(core: tuple[str, ...], value: float) -> str:
    """Digits for `#,##0.00`-like placeholders: Excel rounds half away from zero on the decimal
    value it shows (2.675 -> 2.68), `0` pads, `#` and `?` do not."""
    point = core.index(".") if "." in core else -1
    int_part = core[:point] if point >= 0 else core
    dec_part = core[point + 1 :] if point >= 0 else ()
    int_ph = [t for t in int_part if t in _DIGITS]
    dec_ph = [t for t in dec_part if t in _DIGITS]
    grouping = "," in int_part
    try:
        exact = Decimal(repr(value)).quantize(Decimal(1).scaleb(-len(dec_ph)), ROUND_HALF_UP)
    except InvalidOperation:
        return general(value)
    digits = f"{exact:f}"
    whole, _, frac = digits.partition(".")
    min_int = sum(1 for t in int_ph if t == "0")
    if whole == "0" and min_int == 0:
        whole = ""
    whole = whole.rjust(min_int, "0")
    if grouping and len(whole) > 3:
        whole = f"{int(whole):,}"
    frac = frac.ljust(len(dec_ph), "0")[: len(dec_ph)]
    keep = len(frac)
    while keep > 0 and dec_ph[keep - 1] != "0" and frac[keep - 1] == "0":
        keep -= 1
    frac = frac[:keep]
    literal_ints = "".join(_literal(t) for t in int_part if t not in _DIGITS and t != ",")
    out = whole + literal_ints
    if point >= 0:
        out += "." + frac
    return out


def _scientific(core: tuple[str, ...], exp_at: int, value: float) -> str:
    mantissa_part, exp_part = core[:exp_at], core[exp_at + 1 :]
    sign_always = core[exp_at][1] == "+"
    point = mantissa_part.index(".") if "." in mantissa_part else len(mantissa_part)
    dec = sum(1 for t in mantissa_part[point:] if t in _DIGITS)
    exp_digits = len([t for t in exp_part if t in _DIGITS]) or 1
    exponent = 0 if value == 0 else math.floor(math.log10(value))
    mantissa = value / 10**exponent if value else 0.0
    text = f"{mantissa:.{dec}f}"
    if text.startswith("10"):  # rounding carried over: 9.99 -> 10.0
        exponent += 1
        text = f"{mantissa / 10:.{dec}f}"
    sign = "-" if exponent < 0 else ("+" if sign_always else "")
    return f"{text}E{sign}{abs(exponent):0{exp_digits}d}"


def _tidy(text: str) -> str:
    return text.strip()


# --- dates ----------------------------------------------------------------------------------


def serial_to_datetime(value: float, date1904: bool) -> datetime | None:
    """The moment a date serial stands for, rounded to the millisecond; None off the calendar."""
    if value < 0 or value > _MAX_SERIAL:
        return None
    if date1904:
        base = _EPOCH_1904
    elif value < 60:  # the 1900 system counts a 29 February 1900 that never was
        base = _EPOCH_1900 + timedelta(days=1)
    else:
        base = _EPOCH_1900
    return base + timedelta(milliseconds=round(value * 86_400_000))


def _date(section: _Section, value: float, date1904: bool) -> str | None:
    moment = serial_to_datetime(value, date1904)
    if moment is None:
        return None
    tokens = section.tokens
    twelve = any(t.lower() in ("am/pm", "a/p") or t == _AMPM_CJK for t in tokens)
    fraction_digits = _fraction_digits(tokens)
    if not fraction_digits and moment.microsecond >= 500_000:
        moment += timedelta(seconds=1)
    out: list[str] = []
    kinds = [_kind(t) for t in tokens]
    for i, tok in enumerate(tokens):
        kind = kinds[i]
        if kind == "m":
            prev = next((k for k in reversed(kinds[:i]) if k in _UNITS), "")
            nxt = next((k for k in kinds[i + 1 :] if k in _UNITS), "")
            kind = "min" if prev in ("h", "elapsed") or nxt == "s" else "mon"
        out.append(_date_token(tok, kind, moment, value, twelve, fraction_digits))
    return _tidy("".join(out))


def _kind(tok: str) -> str:
    """What a token of a date section stands for; "" for literals and digit placeholders."""
    low = tok.lower()
    if low.startswith("[") and not low.startswith("[$"):
        return "elapsed"
    if tok.startswith(('"', "\\", "[$")) or low == "general" or low.startswith(("e+", "e-")):
        return ""
    if low in ("aaa", "aaaa"):
        return "week"
    if low in ("am/pm", "a/p") or tok == _AMPM_CJK:
        return "ampm"
    if low[0] in "ymdhs":
        return low[0]
    if low == "e":
        return "y"
    return ""


def _fraction_digits(tokens: tuple[str, ...]) -> int:
    """`ss.00`: the zeros after a seconds token's point are fractions of a second."""
    for i, tok in enumerate(tokens):
        if tok.lower().startswith("s") and i + 1 < len(tokens) and tokens[i + 1] == ".":
            n = 0
            while i + 2 + n < len(tokens) and tokens[i + 2 + n] == "0":
                n += 1
            return n
    return 0


def _date_token(
    tok: str, kind: str, moment: datetime, value: float, twelve: bool, fraction: int
) -> str:
    n = len(tok)
    if kind == "y":
        return f"{moment.year % 100:02d}" if n <= 2 and tok.lower() != "e" else str(moment.year)
    if kind == "mon":
        name = _MONTHS[moment.month - 1]
        return {1: str(moment.month), 2: f"{moment.month:02d}", 3: name[:3], 5: name[0]}.get(
            n, name
        )
    if kind == "d":
        name = _DAYS[moment.weekday()]
        return {1: str(moment.day), 2: f"{moment.day:02d}", 3: name[:3]}.get(n, name)
    if kind == "week":
        day = _WEEKDAY_CJK[moment.weekday()]
        return day if n == 3 else _WEEK_CJK + day
    if kind == "h":
        hour = moment.hour % 12 or 12 if twelve else moment.hour
        return f"{hour:02d}" if n >= 2 else str(hour)
    if kind == "min":
        return f"{moment.minute:02d}" if n >= 2 else str(moment.minute)
    if kind == "s":
        return f"{moment.second:02d}" if n >= 2 else str(moment.second)
    if kind == "ampm":
        morning = moment.hour < 12
        if tok == _AMPM_CJK:
            return _AM_CJK if morning else _PM_CJK
        if tok.lower() == "a/p":
            return "A" if morning else "P"
        return "AM" if morning else "PM"
    if kind == "elapsed":
        unit = tok[1].lower()
        total = value * {"h": 24, "m": 1440, "s": 86400}[unit]
        return str(math.floor(total + 1e-9))
    if tok == "0" and fraction:
        return ""  # printed with the point below
    if tok == "." and fraction:
        millis = f"{moment.microsecond // 1000:03d}"
        return "." + millis[:fraction]
    return _literal(tok)
