"""A scanned page image made ready for reading: straightened, ruling lines and marks found.

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
MIN_H_RULE = 0.25
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


def ink(grey: Image) -> Image:
    """Binary image, ink = 255: Otsu's threshold, which separates print from paper on a scan
    of any exposure."""
    _, binary = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return binary


def skew(grey: Image) -> float:
    """The angle (degrees, counter-clockwise) the page's lines of text and rulings are turned
    by: the rotation that makes the rows of ink sharpest (largest variance of the row sums).
    Each angle turns the ink pixels' places rather than the image (3x faster, the same angle
    on every sample page)."""
    scale = min(1.0, _SKEW_WIDTH / grey.shape[1])
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ys, xs = np.nonzero(ink(small))
    if not len(ys):
        return 0.0
    h, w = small.shape
    centre = (w / 2, h / 2)
    x, y = xs.astype(np.float64), ys.astype(np.float64)

    def sharpness(angle: float) -> float:
        matrix = cv2.getRotationMatrix2D(centre, angle, 1.0)
        rows = np.floor(matrix[1, 0] * x + matrix[1, 1] * y + (matrix[1, 2] + 0.5))
        inside = rows[(rows >= 0) & (rows < h)].astype(np.intp)
        counts = np.bincount(inside, minlength=h).astype(np.float64)
        return float(np.square(counts).sum())

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
    for horizontal, length in ((True, MIN_H_RULE), (False, _MIN_V_RULE)):
        size = max(8, round(length * dpi))
        bridge = (gap, 1) if horizontal else (1, gap)
        run = (size, 1) if horizontal else (1, size)
        closed = cv2.morphologyEx(binary, cv2.MORPH_CLOSE, cv2.getStructuringElement(0, bridge))
        mask = cv2.morphologyEx(closed, cv2.MORPH_OPEN, cv2.getStructuringElement(0, run))
        for x, y, w, h in blobs(mask):
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


def blobs(mask: Image) -> list[tuple[int, int, int, int]]:
    """Each 8-connected blob's bounding box (x, y, w, h), top to bottom: the boxes of
    `connectedComponentsWithStats`, found by tracing the blobs' outer borders (the first level
    of `RETR_CCOMP`; a hole's border is the second), which on a page's sparse mask of rulings
    takes a fraction of labelling every pixel (15 ms a page)."""
    contours, hierarchy = cv2.findContours(mask, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return []
    boxes = [
        cv2.boundingRect(contour)
        for contour, (_, _, _, parent) in zip(contours, hierarchy[0], strict=True)
        if parent == -1
    ]
    return sorted(((int(x), int(y), int(w), int(h)) for x, y, w, h in boxes), key=_top_left)


def _top_left(box: tuple[int, int, int, int]) -> tuple[int, int]:
    return box[1], box[0]


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
