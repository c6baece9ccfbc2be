"""Cleaning text values taken from documents.

Source formats leave artefacts in cell and paragraph text: padding with NBSP or full-width
spaces, zero-width marks, soft hyphens, TABs and quotes from Excel pastes, and hard line breaks
inside one logical value. The datasets promise the text "as it reads", so these are removed
here, once, instead of in every parser.
"""

from __future__ import annotations

import functools
import re

from extract.normalizers import vocab

__all__ = ["clean_text", "clean_title", "split_numbered", "strip_numbering"]

# A soft hyphen at a line break marks a word split across lines: join the halves.
_SOFT_HYPHEN_BREAK = re.compile(r"\u00ad[^\S\n]*\n\s*")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
# Vertical tab (Word's manual line break), form feed and Unicode line separators end a line.
_AS_NEWLINE = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Other controls (Word's cell marks among them) and exotic spaces act as plain spaces.
_AS_SPACE = re.compile(r"[^\S\n]|[\x00-\x09\x0b-\x1f\x7f-\x9f]")
# Characters around which whitespace is layout, not a word separator: CJK ideographs and
# kana, CJK and full-width punctuation, Chinese quotes, dashes and ellipses.
_CJK = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f"
    "\u2014\u2015\u2018-\u201f\u2026\u00b7]"
)


def _scrub(value: str) -> str:
    """Remove format artefacts but keep line breaks, which `split_numbered` still needs."""
    text = _AS_NEWLINE.sub("\n", value)
    text = _SOFT_HYPHEN_BREAK.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = _AS_SPACE.sub(" ", text)
    return _unquote(text)


def _unquote(text: str) -> str:
    """Drop the quotes Excel adds around a multi-line cell when it is pasted as text.

    Only a value quoted as a whole with no quote inside is unquoted, so quoted phrases that
    belong to the text (`"放管服"改革`) stay.
    """
    stripped = text.strip()
    if len(stripped) >= 2 and stripped[0] == stripped[-1] == '"' and '"' not in stripped[1:-1]:
        return stripped[1:-1]
    return text


def _join(tokens: list[str]) -> str:
    """Join whitespace-separated pieces: no space where CJK meets, one space elsewhere."""
    parts: list[str] = []
    for token in tokens:
        if parts and not (_CJK.match(parts[-1][-1]) or _CJK.match(token[0])):
            parts.append(" ")
        parts.append(token)
    return "".join(parts)


def clean_text(value: str | None) -> str | None:
    """The value as it reads, without format artefacts; None when nothing is left."""
    if value is None:
        return None
    return _clean(value)


@functools.lru_cache(maxsize=8192)
def _clean(value: str) -> str | None:
    """Cached: labels and stock values (`是`, `100%`, `≥95%`) recur in every project."""
    return _join(_scrub(value).split()) or None


# --- numbering ----------------------------------------------------------------------------------

_DIGIT = "[0-9０-９]"
_NOT_DIGIT = f"(?!{_DIGIT})"
# Numbering styles by family, `<N>` standing for the numeral: a list keeps one family, and
# `1.` / `1、` / `1)` mix in practice. A bare digit prefix must not be followed by a digit, so
# `6.00`, `10.5万元` and `1、2月` keep their numbers.
_WORD_PREFIX = "|".join(re.escape(w) for w in vocab.NUMBERED_ITEM_WORDS)
_STYLES: dict[str, str] = {
    "word": rf"(?:{_WORD_PREFIX})\s*<N>\s*[：:.．、]",
    "digit": rf"<N>(?:[.．、]{_NOT_DIGIT}|[）)])",
    "paren_digit": r"[（(]\s*<N>\s*[）)]",
    "circled": "<N>",
    "cn": "<N>[、.．]",
    "paren_cn": r"[（(]\s*<N>\s*[）)]",
}
_ANY_NUMERAL: dict[str, str] = {
    "word": f"{_DIGIT}{{1,2}}",
    "digit": f"{_DIGIT}{{1,2}}",
    "paren_digit": f"{_DIGIT}{{1,2}}",
    "circled": "[①-⑳]",
    "cn": "[一二三四五六七八九十]{1,3}",
    "paren_cn": "[一二三四五六七八九十]{1,3}",
}
_PREFIXES = {
    family: re.compile(r"\s*" + body.replace("<N>", f"(?P<n>{_ANY_NUMERAL[family]})") + r"\s*")
    for family, body in _STYLES.items()
}
_INLINE_SEPARATOR: dict[str, str] = {
    "word": "",
    "digit": r"(?<=[；;。，,：:！!？?\s\u4e00-\u9fff])",
    "paren_digit": "",
    "circled": "",
    "cn": r"(?<=[；;。，,：:！!？?\s])",
    "paren_cn": "",
}
_SENTENCE_END = r"(?<=[。；;！!？?])"
_TRAILING_SEPARATOR = re.compile(r"[；;，,\s]+$")
_CN_VALUES = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _ordinal(family: str, numeral: str) -> int:
    if family == "circled":
        return ord(numeral) - ord("①") + 1
    if family in ("cn", "paren_cn"):
        return _cn_ordinal(numeral)
    return int(numeral)


def _cn_ordinal(numeral: str) -> int:
    """`三` -> 3, `十二` -> 12, `二十一` -> 21; 0 for malformed numerals."""
    tens, sep, units = numeral.partition("十")
    if not sep:
        return _CN_VALUES.get(numeral, 0) if len(numeral) == 1 else 0
    if "十" in units or len(tens) > 1 or len(units) > 1:
        return 0
    return (_CN_VALUES.get(tens, 0) if tens else 1) * 10 + _CN_VALUES.get(units, 0)


# Every family at once, in `_PREFIXES`' order: the first alternative that matches is the
# family the loop over them would find (one match, not six, for the many texts without one).
_ANY_PREFIX = re.compile(
    "|".join(f"(?:{p.pattern.replace('(?P<n>', f'(?P<{f}>')})" for f, p in _PREFIXES.items())
)


def _prefix(text: str) -> tuple[str, int, int] | None:
    """(family, ordinal, end) of a numbering prefix at the start of `text`, if any."""
    found = _ANY_PREFIX.match(text)
    if found is None:
        return None
    family = str(found.lastgroup)  # the numeral's group, named after its family
    return family, _ordinal(family, found[family]), found.end()


# `2.2023年基本公共卫生服务项目…`: a list number before a year, which the digit style (no digit
# after the dot) cannot tell from a decimal.
_NUMBER_BEFORE_YEAR = re.compile(
    rf"^\s*{_DIGIT}{{1,2}}\s*[.．、]\s*(?=(?:19|20){_DIGIT}{{2}}\s*年)"
)


def clean_title(value: str | None) -> str | None:
    """A heading as it reads, its list number removed (a year right after it stays)."""
    text = clean_text(value)
    if text is None:
        return None
    stripped = _NUMBER_BEFORE_YEAR.sub("", text, count=1)
    return clean_text(strip_numbering(stripped) if stripped == text else stripped)


def strip_numbering(text: str) -> str:
    """Remove one leading list number (`1.`, `（一）`, `①` …); other text is returned as given."""
    found = _prefix(text)
    return text if found is None else text[found[2] :]


def _numeral(family: str, ordinal: int) -> str:
    """A pattern for `ordinal` written in `family`'s numerals (half- or full-width digits)."""
    if family == "circled":
        return chr(ord("①") + ordinal - 1) if 1 <= ordinal <= 20 else "(?!)"
    if family in ("cn", "paren_cn"):
        return _cn_numeral(ordinal)
    return "".join(f"[{d}{chr(ord(d) + 0xFEE0)}]" for d in str(ordinal))


def _cn_numeral(ordinal: int) -> str:
    digits = "一二三四五六七八九"
    tens, units = divmod(ordinal, 10)
    if tens == 0:
        return digits[units - 1] if units else "(?!)"
    head = "" if tens == 1 else digits[tens - 1] if tens < 10 else "(?!)"
    return head + "十" + (digits[units - 1] if units else "")


@functools.lru_cache(maxsize=256)
def _marker(family: str, ordinal: int) -> re.Pattern[str]:
    """The next number of a list written inline. After a sentence's end the list's next
    number counts even before a digit (`…以上。2.65岁及以上…`): there it is no decimal."""
    numeral = f"(?:{_numeral(family, ordinal)})"
    body = _STYLES[family].replace("<N>", numeral)
    pattern = _INLINE_SEPARATOR[family] + body
    if family == "digit":
        pattern = f"(?:{pattern}|{_SENTENCE_END}{numeral}[.．、])"
    return re.compile(pattern)


def _next_number_starts(line: str, family: str, ordinal: int) -> bool:
    """A line opening with the list's next number, even before a digit (`2.65岁…`)."""
    if family != "digit":
        return False
    return re.match(rf"\s*{_numeral(family, ordinal)}[.．、]", line) is not None


def _split_inline(item: str) -> list[str]:
    """Split `1.xxx；2.yyy` at its numbers, which must run on from the item's own number;
    the pieces come without their numbers."""
    found = _prefix(item) or _explicit_prefix(item)
    if found is None:
        return [item]
    family, ordinal, position = found
    pieces: list[str] = []
    start = position
    while (nxt := _marker(family, ordinal + 1).search(item, position)) is not None:
        pieces.append(_TRAILING_SEPARATOR.sub("", item[start : nxt.start()]))
        start, position, ordinal = nxt.end(), nxt.end(), ordinal + 1
    pieces.append(item[start:])
    return pieces


_DIGIT_ITEM = re.compile(rf"\s*(?P<n>{_DIGIT}{{1,2}})[.．、]\s*")


def _explicit_prefix(item: str) -> tuple[str, int, int] | None:
    """A digit list number before a digit (`2.65岁…`): `_group_lines` only starts an item
    with one where the list's next number was due."""
    found = _DIGIT_ITEM.match(item)
    return ("digit", int(found["n"]), found.end()) if found is not None else None


def _group_lines(lines: list[str]) -> list[str]:
    """Group lines into items: a line numbered in the list's style starts a new item.

    Lines without such a number continue the item above (a long goal wrapped by hand), and
    differently numbered lines (`（1）` under `1.`) are sub-points of it.
    """
    groups: list[list[str]] = []
    family: str | None = None
    ordinal = 0
    for line in lines:
        found = _prefix(line)
        starts = found is not None and found[0] == (family or found[0])
        if found is not None and family is None:
            family = found[0]
        if not starts and family is not None and _next_number_starts(line, family, ordinal + 1):
            starts = True
        if starts and found is not None and found[0] == family:
            ordinal = found[1]
        elif starts:
            ordinal += 1
        if starts or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
    return ["\n".join(group) for group in groups]


def split_numbered(text: str) -> list[str]:
    """The items of a cell holding a numbered list, numbering removed; no empty items.

    Text without numbering is one item. Items numbered on one line are split only when their
    numbers run on in order (1, 2, 3 …), so a number inside an item's text does not split it.
    """
    lines = [line for line in _scrub(text).split("\n") if line.strip()]
    items: list[str] = []
    groups = _group_lines(lines)
    for group in groups:
        pieces = _split_inline(group) if len(groups) > 1 or _prefix(group) else [group]
        for piece in pieces:
            cleaned = clean_text(piece)
            if cleaned:
                items.append(cleaned)
    return items
