"""Seals (公章) stamped over a scanned page, taken out before it is read.

A seal's red ink over a cell covers its text for a recogniser. In a colour scan the red channel
holds it as paper; a greyscale scan keeps it as grey, lighter than black print; a black-and-white
scan prints it as black as the print, and only its shape (a ring, a star) tells it apart.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from extract.parsers.scan_image import MIN_H_RULE, Image, ink

# Red ink in a colour scan: red above green and blue by this much, and lighter than print.
_RED_MARGIN = 40
_RED_FLOOR = 120


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
    for run in ((round(MIN_H_RULE * dpi), 1), (1, round(MIN_H_RULE * dpi))):
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
    for cx, cy, r in circles:
        # Only the seal's square is looked at (views: erasing in them erases in `out`).
        x0, y0 = max(0, int(cx - 1.1 * r)), max(0, int(cy - 1.1 * r))
        x1, y1 = min(w, int(cx + 1.1 * r) + 2), min(h, int(cy + 1.1 * r) + 2)
        if x0 >= x1 or y0 >= y1:
            continue
        ys, xs = np.ogrid[y0:y1, x0:x1]
        distance = np.sqrt((xs - cx) ** 2 + (ys - cy) ** 2)
        near, inked, window = grey[y0:y1, x0:x1], binary[y0:y1, x0:x1], out[y0:y1, x0:x1]
        band = (distance >= (1 - _RING) * r) & (distance <= r * 1.05) & (inked > 0)
        if not band.any():
            continue
        seal_level = float(np.median(near[band]))
        if seal_level <= print_level:
            _erase_black_seal(window, inked, distance, r, dpi)
            continue
        cutoff = (seal_level + print_level) / 2
        window[(distance <= r * 1.08) & (near > cutoff)] = 255
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
