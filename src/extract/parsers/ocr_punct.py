"""Full-width or half-width punctuation, told by the ink around each mark on the page image.

PP-OCR reads `(` for `（`, `:` for `：` and back: to the recogniser they are one shape, and its
character boxes (where the CTC decoder fired) are too rough to tell a half-em mark from a
full-em one. Chinese documents mix both forms (`中心(本级)` beside `计划（%）`), so no convention
settles it either. The printed page does: a full-width mark owns a whole em, most of it blank
(`（` sits at the right of its em, `）` at the left, `，：` at the left or in the middle), a
half-width one about half as much. So each mark's own ink is found on the image and the blank
to the ink either side of it measured in the line's em (table rulings and specks are not ink).
Where one side is missing (a mark at a line's start or end), the text edge of the lines above
and below and the paren's partner (in the line, or across a wrap) are asked instead; where
nothing is clear, the recogniser's reading stays. On the scanned samples this takes the marks
read right from 357 to all 407, and on ten more documents scanned the same way from 581 to 653
of 677, making none wrong; what is left is parens on lines centred in their cells.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import groupby, pairwise
from operator import attrgetter

import cv2
import numpy as np
from numpy.typing import NDArray

from extract.parsers.ocr_engine import Glyph
from extract.parsers.pdf_text import is_ideograph

_FULL = {"(": "（", ")": "）", ":": "：", ",": "，", ";": "；", "!": "！", "?": "？"}
_HALF = {full: half for half, full in _FULL.items()}
# A straight double quote alone is read as the numeral Ⅱ or a double bar (two upright
# strokes to the recogniser too); its strokes are short ticks at the top of the line, where
# Ⅱ's stand an em tall. Ink this much of an em tall, at most, is the quote.
_QUOTE_LIKE = frozenset("Ⅱ‖ǁ")
_QUOTE_HEIGHT = 0.5
_OPENING = frozenset("(（")
_CLOSING = frozenset(")）")

# The em of a line: ideographs set solid stand one em apart, centre to centre. Distances this
# share off their median are not set solid (a space, a digit between) and are left out.
_EM_SPREAD = 0.25
# A line without two ideographs takes the em of the nearest line that has one, if that line is
# within this many of its ems; else the page's usual em; else its box height over this (a
# recognised line's box is about 1.5 em high: measured median 1.5, range 1.2-1.9).
_NEAR_LINE = 3.0
_BOX_TO_EM = 1.5
_MIN_EM = 6.0  # pixels: a smaller em is a broken box, nothing to measure by

# Where a mark's ink is looked for, in ems of its line.
_REACH = 3.0  # either side of its box
# Ruling lines (a table's) are not glyphs: an ink run this long is one, horizontal (strokes are
# at most an em, —— is 2) or vertical (a paren is about an em tall); ink this close to one is
# its ragged edge; rulings are looked for this far above and below the band too.
_H_RULE = 2.2
_V_RULE = 1.2
_RULE_PAD = 0.08
_RULE_REACH = 0.3
_SPECK = 0.1  # ink specks smaller than this square are noise (a colon's dot is 0.15 em)
# Ink within this of other ink is one group; a group with less ink than this (square ems) is
# noise, not a neighbour: a glyph holds far more, a colon or a full stop about 0.05.
_GROUP = 0.12
_GLYPH_INK = 0.03
_MARK_WIDTH = (0.1, 0.5)  # a mark's ink is this wide (a stroke of 川 is narrower, a glyph wider)
_MARK_INK = 0.012  # and holds this much ink, square ems (measured: a comma 0.03, a paren 0.08)
_PAREN_HEIGHT = 0.55  # a paren's ink is at least this tall
_MARK_SHIFT = 0.4  # its ink lies within this of its recognised box's centre
_OPEN = 1.2  # a blank wider than this is no neighbour (a cell's padding, a column gap)

# The decision, in ems. Blank + ink + blank between the neighbours' ink: a full-width mark's
# em plus the neighbours' side bearings (measured 0.97-1.29), a half-width one about half
# (0.44-0.60); between the two is unclear (a half-width mark and a space).
_FULL_SPAN = 0.85
_HALF_SPAN = 0.68
# A paren's outer blank alone (its other side missing): full-width about half an em.
_FULL_SIDE = 0.42
_HALF_SIDE = 0.22
_FULL_ONE_SIDE = 0.55  # another mark's one measured blank: full-width at least this
# A paren opening or closing a line against the text edge of the line above or below (both
# starting or ending with an ideograph): the distance from that edge to the paren's ink.
_EDGE_HALF = 0.15  # at most this: half-width
_EDGE_FULL = (0.35, 0.8)  # in this range: full-width
_EDGE_LINES = (0.6, 2.5)  # the other line's middle is this far above or below
_CENTRED = 0.3  # the same offset would come from centring both lines: tells nothing
_EDGE_STRENGTH = 0.05  # evidence from the text edge: weaker than a measured blank
_PAIR_WINS = 2.0  # a paren's evidence overrules its partner's when this many times stronger


@dataclass(frozen=True, slots=True)
class _Verdict:
    full: bool
    strength: float  # ems beyond the middle of the unclear range


@dataclass(frozen=True, slots=True)
class _Line:
    glyphs: list[Glyph]
    em: float
    top: float
    bottom: float
    x0: float
    x1: float

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True, slots=True)
class _Ink:
    """A mark's ink columns and the blank either side (None: no ink there within reach)."""

    x0: int
    x1: int  # exclusive
    left: float | None
    right: float | None


class _Page:
    """The page's ink: darker than Otsu's threshold of the whole page."""

    def __init__(self, grey: NDArray[np.uint8]) -> None:
        self.grey = grey
        threshold, _ = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
        self.threshold = float(threshold)


class _Window:
    """The ink of a line's band (rows top..bottom) in columns x0..x1, rulings and specks out:
    a horizontal ruling is cut away with its ragged edge, a vertical one's columns are walls."""

    def __init__(
        self, page: _Page, top: float, bottom: float, x0: float, x1: float, em: float
    ) -> None:
        h, w = page.grey.shape
        pad = max(2, round(_RULE_PAD * em))
        reach = max(2 * pad, round(_RULE_REACH * em))
        r0, r1 = max(int(top), 0), min(math.ceil(bottom), h)
        e0, e1 = max(r0 - reach, 0), min(r1 + reach, h)
        c0, c1 = max(int(x0), 0), min(math.ceil(x1), w)
        self.em = em
        self.start = c0
        ink = (page.grey[e0:e1, c0:c1] <= page.threshold).astype(np.uint8)
        band = slice(r0 - e0, r1 - e0)
        cut = _ruled(ink, (round(_H_RULE * em), 1), (1, 2 * pad + 1))[band]
        across = _ruled(ink, (1, round(_V_RULE * em)), (2 * pad + 1, 1))[band]
        ink = ink[band]
        ink[cut] = 0
        self.walls = np.asarray(across.any(axis=0), dtype=np.bool_)
        ink[:, self.walls] = 0
        if ink.size:
            _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
            speck = stats[:, cv2.CC_STAT_AREA] < max(2.0, (_SPECK * em) ** 2)
            speck[0] = False
            ink[speck[labels]] = 0
        self.ink = ink
        self.columns = np.asarray(ink.any(axis=0), dtype=np.bool_)

    def solid(self, skip: tuple[int, int]) -> NDArray[np.bool_]:
        """Columns with ink of a glyph: ink near other ink is one group, and a group with too
        little ink is noise. The columns `skip` (a mark's own) are left out of the groups."""
        ink = self.ink.copy()
        ink[:, skip[0] : skip[1]] = 0
        if not ink.any():
            return np.zeros(ink.shape[1], dtype=np.bool_)
        reach = 2 * round(_GROUP * self.em) + 1
        n, groups = cv2.connectedComponents(
            cv2.dilate(ink, np.ones((reach, reach), np.uint8)), connectivity=8
        )
        amount = np.bincount(groups[ink > 0], minlength=n)
        return np.asarray(((amount[groups] >= _GLYPH_INK * self.em**2) & (ink > 0)).any(axis=0))

    def height(self, a: int, b: int) -> int:
        """Rows from the first to the last with ink in columns a..b."""
        rows = np.flatnonzero(self.ink[:, a:b].any(axis=1))
        return int(rows[-1] - rows[0] + 1) if rows.size else 0


def settle_widths(glyphs: list[Glyph], grey: NDArray[np.uint8]) -> list[Glyph]:
    """The glyphs, each punctuation mark of `( ) : , ; ! ?` (either width) written in the width
    its ink on `grey` (the page image they were read from, in its pixels) shows; a mark whose
    ink does not tell keeps the recogniser's reading. Order and geometry are unchanged."""
    if grey.ndim != 2:
        raise ValueError(f"settle_widths needs a grey image (2-D), not shape {grey.shape}")
    if not any(g.text in _FULL or g.text in _HALF or g.text in _QUOTE_LIKE for g in glyphs):
        return list(glyphs)
    page = _Page(grey)
    lines = _lines(glyphs)
    glyphs = _quotes(page, lines, glyphs)
    verdicts: dict[int, _Verdict | None] = {}  # by id() of the glyph
    for line in lines:
        for i, g in enumerate(line.glyphs):
            if g.text in _FULL or g.text in _HALF:
                verdicts[id(g)] = _judge(page, lines, line, i)
    for opening, closing in _pairs(lines):
        agreed = _agree(verdicts[id(opening)], verdicts[id(closing)])
        verdicts[id(opening)] = verdicts[id(closing)] = agreed
    out: list[Glyph] = []
    for g in glyphs:
        verdict = verdicts.get(id(g))
        if verdict is not None:
            text = _FULL.get(g.text, g.text) if verdict.full else _HALF.get(g.text, g.text)
            if text != g.text:
                g = replace(g, text=text)
        out.append(g)
    return out


def _quotes(page: _Page, lines: list[_Line], glyphs: list[Glyph]) -> list[Glyph]:
    """Glyphs read as Ⅱ whose ink is a quote's ticks written `"` (in `lines` too)."""
    quotes: dict[int, Glyph] = {}
    for line in lines:
        for i, g in enumerate(line.glyphs):
            if g.text not in _QUOTE_LIKE or line.em < _MIN_EM:
                continue
            window = _Window(page, g.top, g.bottom, g.x0, g.x1, line.em)
            columns = np.flatnonzero(window.columns)
            height = window.height(0, window.ink.shape[1])
            wide = (columns[-1] - columns[0] + 1) / line.em if columns.size else 1.0
            if 0 < height < _QUOTE_HEIGHT * line.em and wide <= _MARK_WIDTH[1]:
                quotes[id(g)] = line.glyphs[i] = replace(g, text='"')
    return [quotes.get(id(g), g) for g in glyphs]


def _lines(glyphs: Sequence[Glyph]) -> list[_Line]:
    groups = [list(group) for _, group in groupby(glyphs, key=attrgetter("line"))]
    own = [_own_em(group) for group in groups]
    known = [em for em in own if em is not None]
    usual = statistics.median(known) if known else None
    boxes = [_box(group) for group in groups]
    out: list[_Line] = []
    for group, em, box in zip(groups, own, boxes, strict=True):
        size = em if em is not None else borrowed_em(box, own, boxes)
        if size is None:
            size = usual if usual is not None else group[0].line_height / _BOX_TO_EM
        out.append(_Line(group, size, *box))
    return out


def _box(line: Sequence[Glyph]) -> tuple[float, float, float, float]:
    return (
        statistics.median(g.top for g in line),
        statistics.median(g.bottom for g in line),
        min(g.x0 for g in line),
        max(g.x1 for g in line),
    )


def _own_em(line: Sequence[Glyph]) -> float | None:
    """The median distance between the centres of neighbouring ideographs, if there are any."""
    distances = [
        (b.x0 + b.x1 - a.x0 - a.x1) / 2
        for a, b in pairwise(line)
        if is_ideograph(a.text) and is_ideograph(b.text)
    ]
    if not distances:
        return None
    middle = statistics.median(distances)
    solid = [d for d in distances if abs(d - middle) <= _EM_SPREAD * middle]
    return statistics.median(solid) if solid and middle > 0 else None


def borrowed_em(
    box: tuple[float, float, float, float],
    own: Sequence[float | None],
    boxes: Sequence[tuple[float, float, float, float]],
    reach: float = _NEAR_LINE,
) -> float | None:
    """The em of the nearest line (box to box; boxes are top, bottom, x0, x1) that has one,
    if it is within `reach` of that em."""
    best: tuple[float, float] | None = None
    top, bottom, x0, x1 = box
    for em, (t, b, l0, l1) in zip(own, boxes, strict=True):
        if em is None:
            continue
        dy = max(t - bottom, top - b, 0.0)
        dx = max(l0 - x1, x0 - l1, 0.0)
        distance = math.hypot(dx, dy)
        if distance <= reach * em and (best is None or distance < best[0]):
            best = (distance, em)
    return None if best is None else best[1]


def _judge(page: _Page, lines: Sequence[_Line], line: _Line, i: int) -> _Verdict | None:
    """What the ink says of the mark line.glyphs[i]: full-width, half-width, or nothing."""
    g = line.glyphs[i]
    em = line.em
    ink = _mark_ink(page, g, em) if em >= _MIN_EM else None
    if ink is None:
        return None
    if ink.left is not None and ink.right is not None:
        span = (ink.left + ink.x1 - ink.x0 + ink.right) / em
        return _measured(span, _HALF_SPAN, _FULL_SPAN)
    if g.text in _OPENING or g.text in _CLOSING:
        outer = ink.left if g.text in _OPENING else ink.right
        if outer is None:
            return _against_edge(page, lines, line, ink, g.text in _OPENING)
        return _measured(outer / em, _HALF_SIDE, _FULL_SIDE)
    side = ink.left if ink.left is not None else ink.right
    if side is not None and side / em >= _FULL_ONE_SIDE:
        return _Verdict(True, side / em - _FULL_ONE_SIDE)
    return None


def _measured(value: float, half: float, full: float) -> _Verdict | None:
    """Full-width from `full` ems up, half-width to `half`; strength from their middle."""
    middle = (half + full) / 2
    if value >= full:
        return _Verdict(True, value - middle)
    if value <= half:
        return _Verdict(False, middle - value)
    return None


def _mark_ink(page: _Page, g: Glyph, em: float) -> _Ink | None:
    """The mark's own ink (the narrow run of ink columns nearest its box's centre) and the
    blank to the next ink either side; None if there is no such run or it is not mark-shaped."""
    window = _Window(page, g.top, g.bottom, g.x0 - _REACH * em, g.x1 + _REACH * em, em)
    centre = (g.x0 + g.x1) / 2 - window.start
    best: tuple[float, int, int] | None = None
    for a, b in _runs(window.columns):
        off = max(a - centre, centre - b, 0.0)
        fits = _MARK_WIDTH[0] <= (b - a) / em <= _MARK_WIDTH[1]
        fits = fits and window.ink[:, a:b].sum() >= _MARK_INK * em * em
        if fits and off <= _MARK_SHIFT * em and (best is None or off < best[0]):
            best = (off, a, b)
    if best is None:
        return None
    _, a, b = best
    paren = g.text in _OPENING or g.text in _CLOSING
    if paren and window.height(a, b) < _PAREN_HEIGHT * em:
        return None
    solid = window.solid((a, b))
    left = _blank(solid, window.walls, a - 1, -1, em)
    right = _blank(solid, window.walls, b, 1, em)
    return _Ink(window.start + a, window.start + b, left, right)


def _ruled(
    ink: NDArray[np.uint8], length: tuple[int, int], edge: tuple[int, int]
) -> NDArray[np.bool_]:
    """Where ink runs straight for `length` (columns, rows) or more: a ruling, widened by
    `edge` (columns, rows) to take in its ragged edge."""
    if max(length) < 2 or length[0] > ink.shape[1] or length[1] > ink.shape[0]:
        return np.zeros(ink.shape, dtype=np.bool_)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, length)
    # Outside the window is paper: a stroke running out of it is no longer than it looks.
    ruled = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, kernel, borderType=cv2.BORDER_CONSTANT, borderValue=0
    )
    return np.asarray(cv2.dilate(ruled, np.ones(edge[::-1], np.uint8)) > 0, dtype=np.bool_)


def _runs(ink: NDArray[np.bool_]) -> list[tuple[int, int]]:
    """Runs of ink columns as (first, last + 1)."""
    padded = np.concatenate(([0], ink.astype(np.int8), [0]))
    edges = np.flatnonzero(np.diff(padded))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _blank(
    ink: NDArray[np.bool_], walls: NDArray[np.bool_], start: int, step: int, em: float
) -> float | None:
    """Blank columns from `start` in direction `step` to the next ink; None when a ruling, the
    window's edge or a blank wider than `_OPEN` ems comes first."""
    x = start
    while 0 <= x < ink.size:
        if walls[x]:
            return None
        if ink[x]:
            blank = abs(x - start)
            return float(blank) if blank <= _OPEN * em else None
        x += step
    return None


def _against_edge(
    page: _Page, lines: Sequence[_Line], line: _Line, ink: _Ink, opening: bool
) -> _Verdict | None:
    """A paren opening (closing) its line, told by where the text edge is: the first (last)
    ink of the lines just above and below that start (end) with an ideograph and are not
    centred against this one. Full-width leaves about half an em of blank at the edge."""
    own = _extent(page, line)
    if own is None:
        return None
    em = line.em
    votes: set[bool] = set()
    for other in lines:
        gap = abs(other.middle - line.middle) / em
        if other is line or not _EDGE_LINES[0] <= gap <= _EDGE_LINES[1]:
            continue
        end = other.glyphs[0] if opening else other.glyphs[-1]
        if not is_ideograph(end.text) or other.x1 < line.x0 or other.x0 > line.x1:
            continue
        extent = _extent(page, other)
        if extent is None:
            continue
        d = (ink.x0 - extent[0]) / em if opening else (extent[1] - ink.x1) / em
        own_width = (own[1] - ink.x0) if opening else (ink.x1 - own[0])
        centred = ((extent[1] - extent[0]) - own_width) / 2 / em
        if abs(d - centred) < _CENTRED:
            continue
        if abs(d) <= _EDGE_HALF:
            votes.add(False)
        elif _EDGE_FULL[0] <= d <= _EDGE_FULL[1]:
            votes.add(True)
    if len(votes) != 1:
        return None
    return _Verdict(votes.pop(), _EDGE_STRENGTH)


def _extent(page: _Page, line: _Line) -> tuple[int, int] | None:
    """The line's first and last ink column (exclusive), in its first and last glyph."""
    first, last = line.glyphs[0], line.glyphs[-1]
    em = line.em
    reach = _REACH * em  # wide enough for rulings to be seen
    window = _Window(page, line.top, line.bottom, first.x0 - reach, first.x1 + reach, em)
    a = max(round(first.x0 - em / 2) - window.start, 0)
    b = max(round(first.x1) - window.start, a)
    left = np.flatnonzero(window.solid((0, 0))[a:b])
    window2 = _Window(page, line.top, line.bottom, last.x0 - reach, last.x1 + reach, em)
    a2 = max(round(last.x0) - window2.start, 0)
    b2 = max(round(last.x1 + em / 2) - window2.start, a2)
    right = np.flatnonzero(window2.solid((0, 0))[a2:b2])
    if left.size == 0 or right.size == 0:
        return None
    return window.start + a + int(left[0]), window2.start + a2 + int(right[-1]) + 1


def _pairs(lines: Sequence[_Line]) -> list[tuple[Glyph, Glyph]]:
    """Paren pairs: in a line, and across a wrap (a paren left open at a line's end, closed
    in the line just below it, as in a cell's `资金支出计划（` / `%）`)."""
    out: list[tuple[Glyph, Glyph]] = []
    left_open: dict[int, list[Glyph]] = {}  # by line index
    left_closed: dict[int, list[Glyph]] = {}
    for n, line in enumerate(lines):
        opened: list[Glyph] = []
        closed: list[Glyph] = []
        for g in line.glyphs:
            if g.text in _OPENING:
                opened.append(g)
            elif g.text in _CLOSING:
                if opened:
                    out.append((opened.pop(), g))
                else:
                    closed.append(g)
        left_open[n], left_closed[n] = opened, closed
    for n, line in enumerate(lines):
        if not left_closed[n]:
            continue
        above = [
            (line.middle - other.middle, k)
            for k, other in enumerate(lines)
            if left_open[k]
            and _EDGE_LINES[0] <= (line.middle - other.middle) / line.em <= _EDGE_LINES[1]
            and other.x0 <= line.x1
            and line.x0 <= other.x1
        ]
        if above:
            k = min(above)[1]
            out.append((left_open[k].pop(), left_closed[n][0]))
    return out


def _agree(a: _Verdict | None, b: _Verdict | None) -> _Verdict | None:
    """A paren pair's verdict: a paren without evidence takes its partner's; parens that
    disagree follow the much stronger one, or neither."""
    if a is None or b is None:
        return a or b
    if a.full == b.full:
        return a if a.strength >= b.strength else b
    strong, weak = (a, b) if a.strength >= b.strength else (b, a)
    return strong if strong.strength >= _PAIR_WINS * weak.strength else None
