"""Characters of a PDF page to lines, and lines to paragraphs as they were written.

A PDF has no paragraphs or cell paragraphs, only glyphs at positions. A line that stops short
of the right edge ended its paragraph; a full one wrapped. When wrapped lines are joined, CJK
needs no space, Latin words need one, and a hyphen at a line end is kept as printed (never
removed, never invented). A single word filling a whole line was broken by the layout engine,
not at a space (long project codes in narrow cells), so its halves are joined without one.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from operator import itemgetter
from statistics import median
from typing import Any

Char = Mapping[str, Any]  # a pdfplumber char: text, x0, x1, top, bottom, size

# CJK ideographs, kana, CJK and full-width punctuation: no space is written around them.
_CJK = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f\u2014\u2018-\u201f\u2026\u00b7]"
)
# A gap wider than this share of the font size between two Latin glyphs is a word space.
_SPACE_GAP = 0.25
# Characters a line may not start with (Chinese line breaking): one of them moves down to the
# next line together with the character before it.
_NO_LINE_START = frozenset("）)］]｝}》〉」』】〕〗〙〛，,。.、；;：:？?！!”’…—·%％")
# Points of measuring noise allowed when comparing a gap with a glyph's width.
_TOLERANCE = 0.75
# Between lines of one paragraph, the top-to-top distance stays within this factor of the
# usual line pitch; paragraph spacing adds more.
_PITCH_SLACK = 1.25
# Of an em: how far OCR may misplace a line's end (see `ocr_slack`).
_OCR_SLACK = 0.2
# A first line indented by more than this many font sizes starts a paragraph (首行缩进).
_INDENT = 1.5


@dataclass(slots=True)
class Line:
    """One printed line. `lead` is the width its start needed on the line before: its first
    character (with the next one if that may not start a line), or its first word and the
    space before it; a line with less room than that left at its end was full and wrapped."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    lead: float = 0.0
    confidence: float | None = None  # OCR'd chars: the least confident one's

    @property
    def single_token(self) -> bool:
        return len(self.text.split()) == 1


_IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def is_cjk(char: str) -> bool:
    return bool(_CJK.match(char))


def is_ideograph(char: str) -> bool:
    """A Han character (not CJK punctuation or a full-width form): one em wide, set solid."""
    return bool(_IDEOGRAPH.match(char))


# A text layer whose fonts map every glyph to one character reads as 主主主主: a PDF printed
# where its CJK font was missing (LibreOffice draws the missing glyph for each character and
# maps it to the first character it stood for, one per font). In Chinese text no two
# characters come near that: in our samples the two commonest (指, 标 of 指标) are at most a
# fifth of all; a garbled layer's are nearly all.
_GARBLED_SHARE = 0.6
_GARBLED_LEAST = 100  # Han characters: fewer say nothing
_GARBLED_PAGE_LEAST = 30  # on one page (at most 0.23 of a sample page's are its two commonest)


@dataclass(frozen=True, slots=True)
class HanCount:
    """A page's Han characters: how many, and how many of them are its two commonest (which
    are kept to name them)."""

    total: int = 0
    top: int = 0
    commonest: tuple[str, ...] = ()

    @classmethod
    def of(cls, texts: Iterable[str]) -> HanCount:
        counts = Counter(texts)
        han = [(n, text) for text, n in counts.items() if is_ideograph(text)]
        if not han:
            return cls()
        han.sort(reverse=True)
        return cls(sum(n for n, _ in han), sum(n for n, _ in han[:2]), tuple(t for _, t in han[:2]))


def garbled(pages: Sequence[HanCount]) -> str | None:
    """Why the document's text layer cannot be read, when the pages' Han characters are nearly
    all the two commonest of each page; else None."""
    total = sum(p.total for p in pages)
    if total < _GARBLED_LEAST:
        return None
    share = sum(p.top for p in pages) / total
    if share <= _GARBLED_SHARE:
        return None
    largest = max(pages, key=lambda p: p.total)
    read_as = f"{_read_as(largest)} or another one character a page"
    return f"the PDF's text layer is garbled: {_one_character(share, total, read_as)}"


def garbled_page(page: HanCount) -> str | None:
    """Why one page's text cannot be read (a page printed in a font that was missing, in a
    document otherwise readable), or None."""
    if page.total < _GARBLED_PAGE_LEAST or page.top / page.total <= _GARBLED_SHARE:
        return None
    share = page.top / page.total
    return f"its text layer is garbled: {_one_character(share, page.total, _read_as(page))}"


def _read_as(page: HanCount) -> str:
    return " or ".join(f"'{text}'" for text in page.commonest)


def _one_character(share: float, total: int, read_as: str) -> str:
    return (
        f"{share:.0%} of its {total} Chinese characters read as {read_as} (its fonts map every"
        " glyph to one character, as in a PDF printed without its Chinese font); export it"
        " again with the fonts embedded, or OCR a scan"
    )


_BY_POSITION = itemgetter("top", "x0")
_BY_X0 = itemgetter("x0")


def lines_of(chars: Iterable[Char]) -> list[Line]:
    """Glyphs grouped into lines by vertical overlap, each line read left to right."""
    ordered = sorted(chars, key=_BY_POSITION)
    groups: list[list[Char]] = []
    top = bottom = 0.0
    for char in ordered:
        middle = (char["top"] + char["bottom"]) / 2
        if groups and top <= middle <= bottom:
            groups[-1].append(char)
            if char["bottom"] > bottom:
                bottom = char["bottom"]
        else:
            groups.append([char])
            top, bottom = char["top"], char["bottom"]
    return [line for group in groups if (line := _line(group)) is not None]


def _line(chars: list[Char]) -> Line | None:
    """One pass over the line's glyphs: its text (with the spaces a gap between Latin glyphs
    stands for), its visible glyphs, their extent and whether they share one size."""
    chars.sort(key=_BY_X0)
    parts: list[str] = []
    visible: list[Char] = []
    previous: Char | None = None
    after_space = True  # the glyph before is a space (or there is none)
    size = top = bottom = 0.0
    one_size = True
    for char in chars:
        text = char["text"]
        if text.isspace():
            parts.append(text)
            previous, after_space = char, True
            continue
        if not after_space and previous is not None:
            gap = char["x0"] - previous["x1"]
            if (
                gap > _SPACE_GAP * char["size"]
                and not (_cjk(parts[-1][-1]) or _cjk(text[:1]))
                and not _one_reading(previous, char)
            ):
                parts.append(" ")
        parts.append(text)
        previous, after_space = char, False
        if visible:
            if char["size"] != size:
                one_size = False
            if char["top"] < top:
                top = char["top"]
            if char["bottom"] > bottom:
                bottom = char["bottom"]
        else:
            size, top, bottom = char["size"], char["top"], char["bottom"]
        visible.append(char)
    text = "".join(parts)
    if not text.strip():
        return None
    if not one_size:
        size = float(median([c["size"] for c in visible]))
    return Line(
        text=text.strip(),
        x0=visible[0]["x0"],
        x1=visible[-1]["x1"],
        top=top,
        bottom=bottom,
        size=size,
        lead=_lead(visible, size),
        confidence=least_confidence(visible),
    )


def least_confidence(chars: Sequence[Char]) -> float | None:
    """The lowest OCR confidence of `chars`; None for chars of a text layer (which have none:
    OCR gives every char one, so the first tells)."""
    if not chars or "confidence" not in chars[0]:
        return None
    return float(min(c["confidence"] for c in chars))


def lower(a: float | None, b: float | None) -> float | None:
    """The lower of two confidences, None meaning 'not recognised' (certain)."""
    if a is None:
        return b
    return a if b is None or a < b else b


def _one_reading(a: Char, b: Char) -> bool:
    """Both read by OCR in one text line: the recogniser wrote the spaces it saw, and its
    character places are too rough to add any."""
    line = a.get("ocr_line")
    return line is not None and line == b.get("ocr_line")


@functools.lru_cache(maxsize=16384)
def _cjk(char: str) -> bool:
    """`is_cjk`, cached: a page asks about the same few thousand characters again and again."""
    return bool(_CJK.match(char))


def _lead(visible: list[Char], size: float) -> float:
    first = visible[0]
    start: float = first["x0"]
    end: float = first["x1"]
    if _cjk(first["text"][:1]) or not first["text"][:1].isalnum():
        if len(visible) > 1 and visible[1]["text"][:1] in _NO_LINE_START:
            end = visible[1]["x1"]
        return end - start
    for previous, char in pairwise(visible):  # a Latin word: up to a gap or a CJK character
        if _cjk(char["text"][:1]) or char["x0"] - previous["x1"] > _SPACE_GAP * size:
            break
        end = char["x1"]
    return end - start + _SPACE_GAP * size


def glue(before: Line, after: str) -> str:
    """What goes between a wrapped line and the next: nothing or one space."""
    return glue_text(before.text, after, broken_word=before.single_token)


def glue_text(before: str, after: str, *, broken_word: bool = False) -> str:
    end, start = before[-1:], after[:1]
    if not end or not start or is_cjk(end) or is_cjk(start) or end == "-":
        return ""
    return "" if broken_word else " "


def ocr_slack(line: Line) -> float:
    """Room at a line's end that OCR may have mismeasured: it places characters by where the
    recogniser fired, to a tenth of an em or two; a text layer's places are exact."""
    return 0.0 if line.confidence is None else _OCR_SLACK * line.size


def may_be_full(gap: float, lead: float) -> bool:
    """Whether a line may have had no room for the next start: within measuring noise of it."""
    return gap < lead + _TOLERANCE


def is_full(gap: float, lead: float) -> bool:
    """Whether a line with `gap` left before the right edge had no room for the next line's
    start (`lead` wide), so that it wrapped rather than ended its paragraph."""
    return gap < lead - _TOLERANCE


@dataclass(slots=True)
class CellText:
    """A cell's paragraphs, and what a page break needs to know to continue them."""

    paragraphs: list[str]
    last_gap: float = 0.0  # room left at the end of the last line
    first_lead: float = 0.0  # the `lead` of the first line
    broken_word: bool = False  # the last line is a single word


def cell_paragraphs(lines: Sequence[Line], left: float, right: float) -> CellText:
    """A cell's lines as its paragraphs; `left`/`right` are the cell's borders, and the text's
    padding is taken to be the same on both sides."""
    if not lines:
        return CellText([])
    padding = max(min(line.x0 for line in lines) - left, 0.0)
    edge = right - padding
    paragraphs: list[str] = [lines[0].text]
    for previous, line in pairwise(lines):
        if is_full(edge - previous.x1 - ocr_slack(previous), line.lead):
            paragraphs[-1] += glue(previous, line.text) + line.text
        else:
            paragraphs.append(line.text)
    last = lines[-1]
    return CellText(paragraphs, edge - last.x1, lines[0].lead, last.single_token)


@dataclass(slots=True)
class Flow:
    """Body text measures of a whole document: where lines end and how far apart they are."""

    left: float
    right: float
    pitch: dict[float, float]  # font size (rounded) -> usual top-to-top distance

    def continues(self, previous: Line, line: Line, *, same_page: bool) -> bool:
        """Whether `line` carries on the paragraph `previous` ended a line of."""
        room = self.right - previous.x1 - ocr_slack(previous)
        if abs(previous.size - line.size) > 0.5 + ocr_slack(line) or not is_full(room, line.lead):
            return False
        if line.x0 > self.left + _INDENT * line.size:
            return False
        if not same_page:
            return True
        distance = line.top - previous.top
        usual = self.pitch.get(round(previous.size), previous.size * 1.5)
        return 0 < distance <= usual * _PITCH_SLACK


def measure_flow(pages: Sequence[Sequence[Line]]) -> Flow:
    """Text column edges and line pitch from the lines of every page."""
    lines = [line for page in pages for line in page]
    if not lines:
        return Flow(0.0, 0.0, {})
    distances: dict[float, Counter[float]] = {}
    for page in pages:
        for previous, line in pairwise(page):
            if abs(previous.size - line.size) <= 0.5 and line.top > previous.top:
                counts = distances.setdefault(round(line.size), Counter())
                counts[round(line.top - previous.top, 1)] += 1
    # The most frequent distance, the smaller one on a tie: paragraph spacing only adds.
    pitch = {size: min(counts, key=lambda d: (-counts[d], d)) for size, counts in distances.items()}
    return Flow(left=min(line.x0 for line in lines), right=_right_edge(lines), pitch=pitch)


def _right_edge(lines: Sequence[Line]) -> float:
    """Where full lines end: the most common end among the longer lines. Not the furthest
    end, which is a punctuation mark hanging into the margin."""
    left = min(line.x0 for line in lines)
    furthest = max(line.x1 for line in lines)
    long = Counter(round(line.x1) for line in lines if line.x1 - left > (furthest - left) / 2)
    if not long:  # every line of no width (glyphs of width 0): no edge but the furthest
        return furthest
    edge = max(long, key=lambda x: (long[x], x))
    return max(line.x1 for line in lines if round(line.x1) == edge)


# --- running headers, footers and page numbers ----------------------------------------------

_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－_~一\s]*\d+[-—–－_~一\s]*"
    r"|第\s*\d+\s*页(?:\s*[,，/、]?\s*共\s*\d+\s*页)?"
    r"|共\s*\d+\s*页\s*第\s*\d+\s*页"
    r"|\d+\s*/\s*\d+"
    r"|page\s+\d+(?:\s+of\s+\d+)?)$",
    re.IGNORECASE,
)
_MARGIN = 0.08  # top and bottom share of the page where running headers and footers sit
_DIGITS = re.compile(r"\d+")


def furniture(pages: Sequence[Sequence[Line]], heights: Sequence[float]) -> set[tuple[int, int]]:
    """(page index, line index) of page numbers and running headers/footers.

    Only the two outermost lines at the top and bottom of a page, inside its margins, are
    candidates. Page numbers are recognized by their wording; other running lines by
    repeating at the same height, digits aside, on at least half the pages (and at least two),
    so a `单位：万元` under each project's title is never taken for a running header.
    """
    found: set[tuple[int, int]] = set()
    repeats: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for p, (lines, height) in enumerate(zip(pages, heights, strict=True)):
        n = len(lines)
        for i in {0, 1, n - 2, n - 1} & set(range(n)):
            line = lines[i]
            top_margin = line.bottom < _MARGIN * height and i < 2
            bottom_margin = line.top > (1 - _MARGIN) * height and i >= n - 2
            if not (top_margin or bottom_margin):
                continue
            if _PAGE_NUMBER.match(line.text):
                found.add((p, i))
            else:
                key = (_DIGITS.sub("#", line.text), round(line.top / 3))
                repeats.setdefault(key, []).append((p, i))
    for places in repeats.values():
        n_pages = len({p for p, _ in places})
        if n_pages >= 2 and n_pages * 2 >= len(pages):
            found.update(places)
    return found
