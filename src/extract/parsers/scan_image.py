"""A scanned page image made ready for reading: seals out, straightened, ruling lines found.

A scan is an image in pixels; the rest of the PDF reader works in points. Everything here
returns pixel geometry of the straightened image, and `pdf_scanned` converts it. The ruling
lines found here are handed to the same table finder the text reader uses (`pdf_rulings`), as
the edges a drawn table would give, so merged cells and spans come out the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

# Red ink in a colour scan: red above green and blue by this much, and lighter than print.
_RED_MARGIN = 40
_RED_FLOOR = 120

Image = NDArray[Any]  # uint8 pixels: grey (h, w) or RGB (h, w, 3)
TextBox = tuple[float, float, float, float, float]  # x0, top, x1, bottom, line height

# Straightening: angles tried, in degrees (a scan is rarely more than ±1° off; allow twice).
_MAX_SKEW = 2.0
_SKEW_STEP = 0.05
_SKEW_WIDTH = 900  # pixels wide the skew is measured at
# Ruling lines: a horizontal run at least this many inches long, a vertical one at least this
# tall (a table row can be as low as 0.15 in). Text is erased first (`rules(..., text=)`), so
# glyph strokes in a row of characters do not line up into a ruling; a stroke left over that
# passes never meets three other lines, so never makes a cell.
_MIN_H_RULE = 0.25
_MIN_V_RULE = 0.1
_MAX_RULE_WIDTH = 1 / 20  # inches: thicker is a filled shape, not a ruling
_GAP = 0.015  # inches of broken ink (noise, a faint scan) bridged along a line
_TOUCH = 0.012  # inches between a vertical ruling's end and the horizontal one it meets
_TEXT_CORE = 0.35  # of a text line's height each side of its middle: where its glyphs' ink is


@dataclass(frozen=True, slots=True)
class Rule:
    """A ruling line in pixels: horizontal (y0 == y1) or vertical (x0 == x1)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def horizontal(self) -> bool:
        return self.y0 == self.y1


def grey_without_seals(rgb: Image) -> Image:
    """The page's red channel as its grey levels: red ink (a seal stamped over a cell) is as
    bright there as paper, while black print, under a seal too (stamp ink is a dye: toner shows
    through), and blue or black headings stay dark. A greyscale scan is its own red channel."""
    if rgb.ndim == 2:
        return rgb
    grey = np.ascontiguousarray(rgb[:, :, 0])
    # What is left of the seal is faint there, and a recogniser reads faint strokes: pixels
    # clearly red and light (not print under the seal) become paper outright.
    r = rgb[:, :, 0].astype(np.int16)
    red = (r - np.maximum(rgb[:, :, 1], rgb[:, :, 2]).astype(np.int16) > _RED_MARGIN) & (
        r > _RED_FLOOR
    )
    grey[red] = 255
    return grey


def ink(grey: Image) -> Image:
    """Binary image, ink = 255: Otsu's threshold, which separates print from paper on a scan
    of any exposure."""
    _, binary = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return binary


def skew(grey: Image) -> float:
    """The angle (degrees, counter-clockwise) the page's lines of text and rulings are turned
    by: the rotation that makes the rows of ink sharpest (largest variance of the row sums)."""
    scale = min(1.0, _SKEW_WIDTH / grey.shape[1])
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    binary = ink(small)
    if not binary.any():
        return 0.0
    h, w = binary.shape
    centre = (w / 2, h / 2)

    def sharpness(angle: float) -> float:
        matrix = cv2.getRotationMatrix2D(centre, angle, 1.0)
        turned = cv2.warpAffine(binary, matrix, (w, h), flags=cv2.INTER_NEAREST)
        rows = turned.sum(axis=1, dtype=np.float64)
        return float(np.square(rows).sum())

    coarse = np.arange(-_MAX_SKEW, _MAX_SKEW + 1e-9, 0.25)
    best = max(coarse, key=sharpness)
    fine = np.arange(best - 0.25, best + 0.25 + 1e-9, _SKEW_STEP)
    return -float(max(fine, key=sharpness))


def straighten(image: Image, angle: float) -> Image:
    """The image turned back by `angle`, paper filling the corners."""
    if abs(angle) < _SKEW_STEP / 2:
        return image
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), -angle, 1.0)
    fill = (255, 255, 255) if image.ndim == 3 else 255
    return cv2.warpAffine(
        image,
        matrix,
        (w, h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=fill,
    )


def rules(grey: Image, dpi: float, text: Sequence[TextBox] = ()) -> list[Rule]:
    """Ruling lines of the straightened page: long thin runs of ink, each direction apart,
    once the recognised `text` (glyph boxes in pixels, with their line's height) is erased."""
    binary = ink(grey)
    for x0, top, x1, bottom, height in text:
        middle = (top + bottom) / 2
        y0 = max(0, round(middle - _TEXT_CORE * height))
        y1 = round(middle + _TEXT_CORE * height)
        binary[y0 : y1 + 1, max(0, round(x0) + 1) : round(x1)] = 0
    out: list[Rule] = []
    gap = max(1, round(_GAP * dpi))
    thick = max(2, round(_MAX_RULE_WIDTH * dpi))
    reach = max(2, round(_TOUCH * dpi))
    across_rows: Image | None = None
    for horizontal, length in ((True, _MIN_H_RULE), (False, _MIN_V_RULE)):
        size = max(8, round(length * dpi))
        bridge = (gap, 1) if horizontal else (1, gap)
        run = (size, 1) if horizontal else (1, size)
        closed = cv2.morphologyEx(binary, cv2.MORPH_CLOSE, cv2.getStructuringElement(0, bridge))
        mask = cv2.morphologyEx(closed, cv2.MORPH_OPEN, cv2.getStructuringElement(0, run))
        n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        for x, y, w, h, _area in stats[1:n]:
            across = h if horizontal else w
            if across > thick * 3:  # a filled block, or a line drawn over a black area
                continue
            if horizontal:
                middle = y + h / 2
                out.append(Rule(float(x), middle, float(x + w), middle))
            elif across_rows is not None and _meets(across_rows, x, y, w, h, reach):
                middle = x + w / 2
                out.append(Rule(middle, float(y), middle, float(y + h)))
        across_rows = mask
    return out


def _meets(horizontals: Image, x: int, y: int, w: int, h: int, reach: int) -> bool:
    """Whether a vertical run's top or bottom end touches a horizontal ruling: table lines
    cross or meet, while a glyph's stroke left over stands apart from the cell's borders."""
    height, width = horizontals.shape
    x0, x1 = max(0, x - reach), min(width, x + w + reach)
    for end in (y, y + h - 1):
        y0, y1 = max(0, end - reach), min(height, end + reach + 1)
        if horizontals[y0:y1, x0:x1].any():
            return True
    return False


# Seals: rings 3.5-5 cm across (a 公章 is 4-4.5 cm, a 财务专用章 smaller), found on a
# quarter-size image. A greyscale scan keeps no red to remove, but red ink scans lighter than
# black print: within the ring, what is lighter than halfway between the two is the seal's.
_SEAL_RADIUS = (0.6, 1.05)  # inches
_SEAL_SCALE = 0.25
# Of a seal ring's circumference found inked (rulings aside), at least: our scans' seals measure
# 0.51-0.84 (a faint side of the ring is missed), arcs over a grid 0.33-0.47.
_RING_SHARE = 0.5
_RING_SAMPLES = 360
_RING_SLACK = 4  # pixels either side of the fitted radius
_RING = 0.1  # of the radius: the band inside the ring where its ink is measured
# A seal's star: a blob at least this many inches each way and this full (glyphs are smaller,
# rulings thin).
_SOLID_SIDE = 0.25
_SOLID_FILL = 0.35


def seals(grey: Image, dpi: float) -> list[tuple[float, float, float]]:
    """Circles of seals on the page: (x, y, radius) in pixels."""
    small = cv2.resize(grey, None, fx=_SEAL_SCALE, fy=_SEAL_SCALE, interpolation=cv2.INTER_AREA)
    small = cv2.medianBlur(small, 3)
    lo, hi = (round(r * dpi * _SEAL_SCALE) for r in _SEAL_RADIUS)
    found = cv2.HoughCircles(
        small,
        cv2.HOUGH_GRADIENT,
        dp=1,
        minDist=lo,
        param1=120,
        param2=45,
        minRadius=lo,
        maxRadius=hi,
    )
    if found is None:
        return []
    binary = _without_straight_runs(ink(grey), dpi)
    circles = [
        (float(x) / _SEAL_SCALE, float(y) / _SEAL_SCALE, float(r) / _SEAL_SCALE)
        for x, y, r in found[0]
    ]
    return [c for c in circles if _ring_share(binary, *c) >= _RING_SHARE]


def _without_straight_runs(binary: Image, dpi: float) -> Image:
    """The ink less long horizontal and vertical runs (a table's rulings), which a circle
    crosses at many places without being drawn there."""
    out = binary.copy()
    for run in ((round(_MIN_H_RULE * dpi), 1), (1, round(_MIN_H_RULE * dpi))):
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, run)
        out[cv2.morphologyEx(binary, cv2.MORPH_OPEN, kernel) > 0] = 0
    return out


def _ring_share(binary: Image, cx: float, cy: float, r: float) -> float:
    """The share of a circle's circumference that is inked: a seal's ring is drawn all round
    (text over it hides a little), while a circle the transform fits to a table's lines and
    text meets ink at a few places only."""
    h, w = binary.shape
    angles = np.linspace(0, 2 * np.pi, _RING_SAMPLES, endpoint=False)
    hits = np.zeros(_RING_SAMPLES, bool)
    for dr in range(-_RING_SLACK, _RING_SLACK + 1):
        xs = np.clip(np.round(cx + (r + dr) * np.cos(angles)).astype(int), 0, w - 1)
        ys = np.clip(np.round(cy + (r + dr) * np.sin(angles)).astype(int), 0, h - 1)
        hits |= binary[ys, xs] > 0
    return float(hits.mean())


def without_grey_seals(grey: Image, dpi: float) -> tuple[Image, int]:
    """The page with the ink of grey seals turned to paper, and how many there were; print
    under a seal (darker than the seal's ink) stays."""
    circles = seals(grey, dpi)
    if not circles:
        return grey, 0
    binary = ink(grey)
    printed = grey[binary > 0]
    if not printed.size:
        return grey, 0
    print_level = float(np.median(printed))
    out = grey.copy()
    h, w = grey.shape
    ys, xs = np.ogrid[:h, :w]
    for cx, cy, r in circles:
        distance = np.sqrt((xs - cx) ** 2 + (ys - cy) ** 2)
        band = (distance >= (1 - _RING) * r) & (distance <= r * 1.05) & (binary > 0)
        if not band.any():
            continue
        seal_level = float(np.median(grey[band]))
        if seal_level <= print_level:
            _erase_black_seal(out, binary, distance, r, dpi)
            continue
        cutoff = (seal_level + print_level) / 2
        inside = (distance <= r * 1.08) & (grey > cutoff)
        out[inside] = 255
    return out, len(circles)


def _erase_black_seal(out: Image, binary: Image, distance: Any, r: float, dpi: float) -> None:
    """A seal as black as the print (a black-and-white scan): its ring, and the solid blobs
    inside it (the star), are erased by their shape; print crossing the ring loses that bit,
    and the seal's lettering stays."""
    out[(distance >= (1 - _RING - 0.02) * r) & (distance <= r * 1.07) & (binary > 0)] = 255
    inside = ((distance <= r) & (binary > 0)).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(inside, connectivity=8)
    solid = _SOLID_SIDE * dpi
    for label in range(1, n):
        w, h, area = (
            stats[label, cv2.CC_STAT_WIDTH],
            stats[label, cv2.CC_STAT_HEIGHT],
            stats[label, cv2.CC_STAT_AREA],
        )
        if w >= solid and h >= solid and area >= _SOLID_FILL * w * h:
            out[labels == label] = 255


# A cell's marks: inside its borders (less a margin for the rulings), ink blobs at least this
# tall, as a printed character is (a 5 pt glyph is 0.07 in); specks and ruling edges are less.
_MARK_HEIGHT = 0.05  # inches
_CELL_MARGIN = 0.025  # inches kept clear of each border


def holds_marks(binary: Image, dpi: float, box: tuple[float, float, float, float]) -> bool:
    """Whether the cell `box` (pixels: x0, top, x1, bottom) of the page's `ink` holds print."""
    margin = round(_CELL_MARGIN * dpi)
    x0, top, x1, bottom = (round(v) for v in box)
    crop = binary[max(0, top + margin) : bottom - margin, max(0, x0 + margin) : x1 - margin]
    if crop.size == 0 or not crop.any():
        return False
    n, _, stats, _ = cv2.connectedComponentsWithStats(np.ascontiguousarray(crop), connectivity=8)
    tall = _MARK_HEIGHT * dpi
    return any(h >= tall for h in stats[1:n, cv2.CC_STAT_HEIGHT])
