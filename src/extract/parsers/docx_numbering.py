"""Automatic numbering of a Word document.

Word keeps list labels (`1.`, `一、`, `（二）`) out of the text runs: they are computed at display
time from numbering.xml. Budget documents number their sections and project titles this way,
so the labels are recomputed here and put back in front of the text, as Word shows them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.parsers.docx_ooxml import Element, W, int_val, val
from extract.parsers.docx_styles import Styles

_MAX_LEVELS = 9


@dataclass(frozen=True, slots=True)
class _Level:
    fmt: str = "decimal"
    text: str = ""
    start: int = 1
    restart: int | None = None  # 0: never; n: after level n (1-based) is used
    legal: bool = False
    style: str | None = None


def _level(node: Element) -> _Level:
    legal = node.find(W + "isLgl")
    return _Level(
        fmt=val(node.find(W + "numFmt")) or "decimal",
        text=val(node.find(W + "lvlText")) or "",
        start=int_val(node.find(W + "start"), 1) or 0,
        restart=int_val(node.find(W + "lvlRestart")),
        legal=legal is not None and val(legal) not in ("0", "false"),
        style=val(node.find(W + "pStyle")),
    )


def _levels(parent: Element) -> dict[int, _Level]:
    out: dict[int, _Level] = {}
    for node in parent.findall(W + "lvl"):
        ilvl = int_val(node, None, "ilvl")
        if ilvl is not None and 0 <= ilvl < _MAX_LEVELS:
            out[ilvl] = _level(node)
    return out


@dataclass(slots=True)
class _List:
    levels: dict[int, _Level]
    start_overrides: dict[int, int] = field(default_factory=dict)
    counters: list[int | None] = field(default_factory=lambda: [None] * _MAX_LEVELS)


class Numbering:
    """List labels in reading order, counted the way Word counts them.

    Counters belong to the abstract list, so numIds that share an abstractNum continue one
    sequence (documents pasted together often carry several); a numId with a `startOverride`
    is a restarted list and counts on its own. Tika also shares counters per abstractNum.
    """

    def __init__(self, root: Element | None, styles: Styles) -> None:
        self._styles = styles
        self._lists: dict[str, _List] = {}
        if root is None:
            return
        abstracts = {
            str(node.get(W + "abstractNumId")): node for node in root.findall(W + "abstractNum")
        }
        nums = {str(node.get(W + "numId")): node for node in root.findall(W + "num")}
        shared: dict[str, list[int | None]] = {}
        for num_id, node in nums.items():
            abstract = abstracts.get(val(node.find(W + "abstractNumId")) or "")
            abstract = _follow_style_link(abstract, abstracts, nums, styles)
            entry = _List(dict(_levels(abstract)) if abstract is not None else {})
            self._overrides(entry, node)
            if abstract is not None and not entry.start_overrides:
                key = str(abstract.get(W + "abstractNumId"))
                entry.counters = shared.setdefault(key, entry.counters)
            self._lists[num_id] = entry

    @staticmethod
    def _overrides(entry: _List, num: Element) -> None:
        for override in num.findall(W + "lvlOverride"):
            ilvl = int_val(override, None, "ilvl")
            if ilvl is None or not 0 <= ilvl < _MAX_LEVELS:
                continue
            start = int_val(override.find(W + "startOverride"))
            if start is not None:
                entry.start_overrides[ilvl] = start
            replacement = override.find(W + "lvl")
            if replacement is not None:
                entry.levels[ilvl] = _level(replacement)

    def label(self, ppr: Element | None, style_id: str | None) -> str:
        """The label Word prints before this paragraph; advances the list's counters."""
        num_id, ilvl = self._num_pr(ppr, style_id)
        entry = self._lists.get(num_id or "")
        if entry is None:
            return ""
        if ilvl is None:
            ilvl = next((k for k, lv in entry.levels.items() if lv.style == style_id), 0)
        if not 0 <= ilvl < _MAX_LEVELS or ilvl not in entry.levels:
            return ""
        self._advance(entry, ilvl)
        return _render(entry, ilvl)

    def _num_pr(self, ppr: Element | None, style_id: str | None) -> tuple[str | None, int | None]:
        style_num, style_ilvl = self._styles.numbering(style_id)
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        if numpr is None:
            return style_num, style_ilvl
        num_id = val(numpr.find(W + "numId"))
        ilvl = int_val(numpr.find(W + "ilvl"))
        if num_id is None:
            num_id = style_num
        if ilvl is None and num_id == style_num:
            ilvl = style_ilvl
        return (None if num_id == "0" else num_id), ilvl

    @staticmethod
    def _advance(entry: _List, ilvl: int) -> None:
        current = entry.counters[ilvl]
        if current is None:
            start = entry.levels[ilvl].start
            entry.counters[ilvl] = entry.start_overrides.get(ilvl, start)
        else:
            entry.counters[ilvl] = current + 1
        for deeper in range(ilvl + 1, _MAX_LEVELS):
            below = entry.levels.get(deeper)
            restart = below.restart if below is not None else None
            if restart is None or (restart != 0 and ilvl < restart):
                entry.counters[deeper] = None


def _follow_style_link(
    abstract: Element | None,
    abstracts: dict[str, Element],
    nums: dict[str, Element],
    styles: Styles,
) -> Element | None:
    """An abstractNum with `numStyleLink` takes its levels from the list its style names."""
    for _ in range(4):
        if abstract is None or abstract.find(W + "lvl") is not None:
            return abstract
        link = val(abstract.find(W + "numStyleLink"))
        num = nums.get(styles.numbered_styles().get(link or "") or "")
        if num is None:
            return abstract
        abstract = abstracts.get(val(num.find(W + "abstractNumId")) or "")
    return abstract


def _render(entry: _List, ilvl: int) -> str:
    level = entry.levels[ilvl]
    if level.fmt in ("bullet", "none"):
        return ""

    def substitute(match: re.Match[str]) -> str:
        k = int(match.group(1)) - 1
        ref = entry.levels.get(k)
        if ref is None or k > ilvl:
            return ""
        value = entry.counters[k]
        if value is None:
            value = entry.start_overrides.get(k, ref.start)
        return format_number(value, "decimal" if level.legal else ref.fmt)

    return re.sub(r"%([1-9])", substitute, level.text)


_CN = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = tuple(
    zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        ("m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"),
        strict=True,
    )
)


def format_number(n: int, fmt: str) -> str:
    """A counter in one of Word's number formats; unknown formats fall back to decimal."""
    if n <= 0:
        return str(n)
    if fmt == "chineseCounting":
        return _chinese_counting(n)
    if fmt == "chineseCountingThousand":
        return _chinese_units(n, _CN, "十百千万", short_ten=True)
    if fmt == "chineseLegalSimplified":
        return _chinese_units(n, _CN_LEGAL, "拾佰仟万", short_ten=False)
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt in ("lowerLetter", "upperLetter"):
        letters = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman.upper() if fmt == "upperRoman" else roman
    enclosed = {
        "decimalEnclosedCircle": 0x2460,
        "decimalEnclosedCircleChinese": 0x2460,
        "decimalEnclosedFullstop": 0x2488,
        "decimalEnclosedParen": 0x2474,
    }
    if fmt in enclosed and n <= 20:
        return chr(enclosed[fmt] + n - 1)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) - ord("0") + 0xFF10) for d in str(n))
    return str(n)


def _chinese_counting(n: int) -> str:
    """一…十, 十一…九十九, then digit by digit (一〇〇) as Word's chineseCounting does."""
    if n < 10:
        return _CN[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")
    return "".join("〇" if d == "0" else _CN[int(d)] for d in str(n))


def _chinese_units(n: int, digits: str, units: str, *, short_ten: bool) -> str:
    """Counting with 十百千万: 一百零五, 一千零一; with `short_ten` 一十五 is written 十五."""
    if n >= 10000:
        high, low = divmod(n, 10000)
        rest = _chinese_units(low, digits, units, short_ten=False) if low else ""
        zero = digits[0] if low and low < 1000 else ""
        return _chinese_units(high, digits, units, short_ten=short_ten) + units[3] + zero + rest
    out = ""
    pending_zero = False
    for power, digit in zip((3, 2, 1, 0), f"{n:04d}", strict=True):
        d = int(digit)
        if d == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out += digits[0]
            pending_zero = False
        out += digits[d] + (units[power - 1] if power else "")
    if short_ten and 10 <= n < 20:
        out = out[1:]
    return out


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)
