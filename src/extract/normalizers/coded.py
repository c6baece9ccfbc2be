"""Cells that print a code before a name, and check-box cells.

Forms print units and departments with their budget code in front (`[015001]武汉市青山区教育局`,
`(433)乌海市供销合作社联合社(部门)`, `820001-井研县马踏镇人民政府`) and project nature as check
boxes (`新增项目□延续项目√`). The datasets keep code and name apart and the ticked label only.
Nothing here raises: a cell that does not have the expected shape comes back unsplit / None.
"""

from __future__ import annotations

import re
import unicodedata

from extract.normalizers import vocab

__all__ = ["split_code", "ticked_choice"]

_CJK = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_CJK_CHAR = re.compile(_CJK)
_DIGITS = r"[0-9\uff10-\uff19]"


def _char_class(chars: list[str]) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]"


_OPEN = _char_class([o for o, _ in vocab.CODE_BRACKETS])
_CLOSE = _char_class([c for _, c in vocab.CODE_BRACKETS])
_SEPARATOR = _char_class(list(vocab.CODE_SEPARATORS))
# Codes are 3-12 digits; a longer or shorter run is some other number.
_CODED = re.compile(
    rf"\s*(?:{_OPEN}\s*(?P<bracketed>{_DIGITS}{{3,12}})\s*{_CLOSE}\s*"
    rf"|(?P<bare>{_DIGITS}{{3,12}})(?![0-9\uff10-\uff19.,．，])\s*(?:{_SEPARATOR}\s*)?)"
    rf"(?P<name>{_CJK}.*)",
    re.DOTALL,
)
_BLOCKERS = tuple(vocab.CODE_NAME_BLOCKERS)
_BLOCKERS_ALONE = tuple(vocab.CODE_NAME_BLOCKERS_ALONE)


def _is_quantity(name: str) -> bool:
    """Whether the 'name' is the rest of a year or an amount (`年…`, `万元`, `元`)."""
    if name.startswith(_BLOCKERS):
        return True
    for word in _BLOCKERS_ALONE:
        if name.startswith(word):
            following = name[len(word) : len(word) + 1]
            if not following or not _CJK_CHAR.match(following):
                return True
    return False


def split_code(text: str) -> tuple[str | None, str]:
    """A leading code and the name after it, or (None, text) when there is no code.

    The name is kept as printed, suffixes such as `(部门)` / `(本级)` included. A number that
    is a year or an amount is not a code, and the name must start with a CJK character: a
    unit's name always does, while `184.59万元` or `12%` do not name a unit.
    """
    found = _CODED.match(text)
    if found is None:
        return None, text
    name = found["name"].strip()
    if not name or _is_quantity(name):
        return None, text
    code = unicodedata.normalize("NFKC", found["bracketed"] or found["bare"])
    return code, name


_TICKED = frozenset(vocab.TICKED_MARKS)
_UNTICKED = frozenset(vocab.UNTICKED_MARKS)
_MARKS = _TICKED | _UNTICKED
# Padding and punctuation around a check-box label carry no meaning.
_LABEL_TRIM = " \t\r\n\u3000\u00a0:：;；,，、/|"


def _marks_follow(text: str, positions: list[int]) -> bool | None:
    """Whether each mark follows its label (`新增项目□延续项目√`) or precedes it (`□新增 ☑延续`).

    A mark at the very start or end settles it; otherwise the side a mark is joined to, with
    a space on its other side, does. None when the shape does not tell.
    """
    if positions[0] == 0:
        return False
    if positions[-1] == len(text) - 1:
        return True
    for pos in positions:
        before, after = text[pos - 1], text[pos + 1]
        if after.isspace() and not before.isspace():
            return True
        if before.isspace() and not after.isspace():
            return False
    return None


def ticked_choice(text: str) -> str | None:
    """The label of the one ticked check box, or None when none or several are ticked."""
    stripped = text.strip()
    positions = [i for i, ch in enumerate(stripped) if ch in _MARKS]
    if not positions:
        return None
    follow = _marks_follow(stripped, positions)
    if follow is None:
        return None
    bounds = [-1, *positions, len(stripped)]
    ticked: list[str] = []
    for index, pos in enumerate(positions, start=1):
        if stripped[pos] not in _TICKED:
            continue
        if follow:
            label = stripped[bounds[index - 1] + 1 : pos]
        else:
            label = stripped[pos + 1 : bounds[index + 1]]
        ticked.append(label.strip(_LABEL_TRIM))
    if len(ticked) != 1 or not ticked[0]:
        return None
    return ticked[0]
