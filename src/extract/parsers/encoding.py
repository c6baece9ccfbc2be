"""Decoding text files whose encoding nobody wrote down.

Budget texts come from Chinese Windows machines (GBK/GB18030), from Tika (UTF-8) and from
editors that like UTF-16. Guessing wrong yields mojibake that flows silently into datasets and is
only noticed (if ever) by a reader of the output, so every guess past strict UTF-8 must also
produce text that looks like Chinese; when nothing does, the user is told to re-save the file.
"""

from __future__ import annotations

import codecs
import unicodedata
from bisect import bisect_right
from collections import Counter

import charset_normalizer

from extract.model import ParseError

# UTF-32 first: its little-endian marker starts with the UTF-16 one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f")
# Code point ranges a Chinese document uses outside ASCII: ideographs, CJK and full-width
# punctuation, and the symbols of GB2312 that budgets use (≥, ①, ℃, ㎡, ×, “”). Kana, box
# drawing, Greek, Cyrillic and Hangul are left out: they are what a misread Big5, Shift-JIS or
# UTF-16 file turns into.
_CHINESE_RANGES: tuple[tuple[int, int], ...] = (
    (0x00A0, 0x00BF),
    (0x00D7, 0x00D7),
    (0x00F7, 0x00F7),
    (0x2000, 0x206F),
    (0x2100, 0x22FF),
    (0x2460, 0x24FF),
    (0x25A0, 0x26FF),
    (0x2E80, 0x2FDF),
    (0x3000, 0x303F),
    (0x3200, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFF60),
    (0xFFE0, 0xFFEF),
    (0x20000, 0x323AF),
)
_RANGE_STARTS = tuple(lo for lo, _ in _CHINESE_RANGES)
_MIN_CHINESE_SHARE = 0.9  # of non-ASCII characters
_MIN_GB2312_SHARE = 0.8  # of non-ASCII characters, for text read as GB18030
_MAX_UNASSIGNED_SHARE = 0.01  # unassigned or private-use characters, of all characters
_MAX_GUESS_CHAOS = 0.1  # charset_normalizer's "mess" ratio we still call confident

UNDECIDED = "cannot decide the text encoding (not UTF-8, UTF-16 or GB18030); save the file as UTF-8"
NOT_TEXT = "not a text file: it contains NUL bytes but is not UTF-16 text"


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding name) with newlines as LF and no leading BOM, or ParseError."""
    text, encoding = _decode(data)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    for bom, name, codec in _BOMS:
        if data.startswith(bom):
            return _decode_marked(data, len(bom), codec), name
    if b"\x00" in data:
        return _decode_nul_bearing(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_like_text(text) and _looks_chinese(text, require_gb2312=True):
            return text, "gb18030"
    guess = _guess(data)
    if guess is None:
        raise ParseError(UNDECIDED)
    return guess


def _decode_marked(data: bytes, skip: int, codec: str) -> str:
    """A byte-order mark is a promise; a file breaking it is damaged, not in another encoding."""
    label = codec.removesuffix("-le").removesuffix("-be").upper()
    try:
        text = data[skip:].decode(codec)
    except UnicodeDecodeError as exc:
        raise ParseError(
            f"the file is marked as {label} text but is damaged at byte {skip + exc.start}; "
            "save it as UTF-8 again"
        ) from None
    if "\x00" in text or (label != "UTF-8" and not _looks_like_text(text)):
        raise ParseError(f"not a text file: it is marked as {label} but holds binary data")
    return text


def _decode_nul_bearing(data: bytes) -> tuple[str, str]:
    """Text never holds NUL, so NUL bytes mean UTF-16/32 without a BOM, or binary data.

    ASCII characters put their NUL byte after the character in little-endian and before it in
    big-endian; CJK characters rarely have a NUL byte at all (U+4E00 一 does, on the other
    side), so the side holding most NUL bytes gives the byte order to try first.
    """
    candidates: list[str] = []
    if len(data) % 4 == 0:
        # UTF-16 text almost never passes as UTF-32: its code units would have to be < 0x11.
        candidates += ["utf-32-le", "utf-32-be"]
    if len(data) % 2 == 0:
        little_first = data[1::2].count(0) >= data[0::2].count(0)
        pair = ["utf-16-le", "utf-16-be"]
        candidates += pair if little_first else pair[::-1]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, encoding
    raise ParseError(NOT_TEXT)


def _guess(data: bytes) -> tuple[str, str] | None:
    """charset_normalizer's best guess, kept only if it is confident and reads as Chinese.

    Its guesses on short or non-Chinese input are wild (`café` comes back as Urdu cp1006), and a
    non-Chinese decoding of a Chinese budget is mojibake whatever its score.
    """
    try:
        best = charset_normalizer.from_bytes(data).best()
        if best is None or best.chaos > _MAX_GUESS_CHAOS:
            return None
        text = str(best)
        encoding = codecs.lookup(best.encoding).name
    except Exception:  # a heuristic library failing means "undecided", never a crash
        return None
    if _looks_like_text(text) and _looks_chinese(text, require_gb2312=False):
        return text, encoding
    return None


def _looks_like_text(text: str) -> bool:
    """No control characters but layout ones, and hardly any unassigned/private code points.

    Random bytes decoded as UTF-16/32 land all over the code space, much of it unassigned.
    """
    odd = 0
    for char, count in Counter(text).items():
        category = unicodedata.category(char)
        if category == "Cc" and char not in _ALLOWED_CONTROLS:
            return False
        if category in ("Cn", "Co", "Cs"):
            odd += count
    return odd <= _MAX_UNASSIGNED_SHARE * len(text)


def _looks_chinese(text: str, *, require_gb2312: bool) -> bool:
    """Most non-ASCII characters are Chinese ones; with `require_gb2312`, common ones too.

    A misread Big5 or Shift-JIS file decodes as GB18030 into real but rare characters (GBK's
    extension areas) mixed with kana and Cyrillic; real simplified Chinese text is nearly all
    GB2312.
    """
    counts = [(char, n) for char, n in Counter(text).items() if ord(char) > 0x7F]
    non_ascii = sum(n for _, n in counts)
    if non_ascii == 0:
        return True
    chinese = sum(n for char, n in counts if _is_chinese(char))
    if chinese < _MIN_CHINESE_SHARE * non_ascii:
        return False
    if not require_gb2312:
        return True
    common = sum(n for char, n in counts if _in_gb2312(char))
    return common >= _MIN_GB2312_SHARE * non_ascii


def _is_chinese(char: str) -> bool:
    code = ord(char)
    index = bisect_right(_RANGE_STARTS, code) - 1
    return index >= 0 and code <= _CHINESE_RANGES[index][1]


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True
