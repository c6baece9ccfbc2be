"""Scanned PDF pages read by OCR into what the text reader reads off a text layer.

A page without a text layer is rendered, its seals removed (`scan_image`), straightened, and
read twice: its ruling lines become the edges a drawn table gives (so `pdf_rulings` finds the
same cells, spans included), and its characters, recognised with their boxes, become chars in
points carrying a `confidence`. `pdf_parser` then builds the page exactly as it builds a text
page, so everything after it (cells, paragraphs, tables joined across pages, templates) is the
same code for both. Pages are read one at a time: a mixed PDF reads its text pages from the
text layer and its scanned pages here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter
from typing import Any

from extract.parsers import ocr_engine, ocr_punct, scan_image, scan_seals
from extract.parsers.pdf_light import LOCK as PDFIUM
from extract.parsers.pdf_rulings import Edge, line_edge, table_cells
from extract.parsers.pdf_tables import Box
from extract.parsers.pdf_text import is_cjk, is_ideograph

DPI = 200  # pages are rendered at this resolution, whatever the scan's own
# A printed character's box is taller than its font size (the line box includes leading).
_BOX_TO_SIZE = 1.25
_JOIN = 0.4  # of the line height: glyphs closer than this are one run of text
_ALIKE = 0.1  # of the line height: lines this close in height are of one font size
_NEAR_LINE = 2.0  # ems between line boxes: a short line takes the size of a line this near


@dataclass(slots=True)
class ScannedPage:
    chars: list[dict[str, Any]]  # pdfplumber-like chars, with a `confidence`
    boxes: list[list[Box]]  # each table's cell rectangles, in points


class ScanReader:
    """Reads scanned pages of one PDF (opened once, with PDFium, which is not thread-safe:
    every call into it holds the PDF reader's lock)."""

    def __init__(self, data: bytes) -> None:
        import pypdfium2 as pdfium

        with PDFIUM:
            self._pdf = pdfium.PdfDocument(data)

    def close(self) -> None:
        with PDFIUM:
            self._pdf.close()

    def read(self, index: int) -> ScannedPage:
        with PDFIUM:
            page = self._pdf[index]
            try:
                scale = DPI / 72
                bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB(x), not BGR(x)
                rgb = bitmap.to_numpy()[:, :, :3].copy()
                bitmap.close()
            finally:
                page.close()
        return read_image(rgb, DPI)


def read_image(rgb: Any, dpi: float) -> ScannedPage:
    """One page image to chars and table cells in points (1/72 inch)."""
    grey = scan_seals.grey_without_seals(rgb)
    angle = scan_image.skew(grey)
    grey = scan_image.straighten(grey, angle)
    k = 72 / dpi
    scanned = grey
    grey, _ = scan_seals.without_grey_seals(grey, dpi)
    glyphs = ocr_punct.settle_widths(ocr_engine.recognise(grey), grey)
    edges = _edges(scan_image.rules(grey, dpi, _runs(glyphs)), k)
    boxes = table_cells(edges) if edges else []
    chars = _chars(glyphs, k)
    # Marks are looked for as scanned: print a grey seal's removal took with it counts.
    chars += _unread_marks(scanned, dpi, boxes, chars)
    return ScannedPage(chars, boxes)


def _unread_marks(
    grey: Any, dpi: float, tables: Sequence[Sequence[Box]], chars: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """A blank char of confidence 0 in each cell that holds marks of print but no text read:
    the cell comes out empty and certainly wrong (a lone `0` the recogniser passed over), so
    the review can name it instead of the empty field passing for a blank one."""
    k = 72 / dpi
    binary = scan_image.ink(grey)
    centres = [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2) for c in chars]
    out: list[dict[str, Any]] = []
    for table in tables:
        for x0, top, x1, bottom in table:
            if any(x0 <= x <= x1 and top <= y <= bottom for x, y in centres):
                continue
            if scan_image.holds_marks(binary, dpi, (x0 / k, top / k, x1 / k, bottom / k)):
                middle, centre = (top + bottom) / 2, (x0 + x1) / 2
                out.append(
                    {
                        "text": " ",
                        "x0": centre,
                        "x1": centre,
                        "top": middle,
                        "bottom": middle,
                        "size": 1.0,
                        "confidence": 0.0,
                    }
                )
    return out


def _runs(glyphs: Sequence[ocr_engine.Glyph]) -> list[scan_image.TextBox]:
    """Boxes of text to erase before rulings are looked for: each line's glyphs, joined where
    they are closer than a ruling and the padding either side of it could be."""
    out: list[scan_image.TextBox] = []
    previous: ocr_engine.Glyph | None = None
    for g in glyphs:
        if (
            previous is not None
            and g.line == previous.line
            and g.x0 - out[-1][2] < _JOIN * g.line_height
        ):
            x0, top, _, bottom, height = out[-1]
            out[-1] = (x0, min(top, g.top), g.x1, max(bottom, g.bottom), height)
        else:
            out.append((g.x0, g.top, g.x1, g.bottom, g.line_height))
        previous = g
    return out


def _edges(rules: Sequence[scan_image.Rule], k: float) -> list[Edge]:
    out: list[Edge] = []
    for r in rules:
        x0, x1, top, bottom = r.x0 * k, r.x1 * k, r.y0 * k, r.y1 * k
        out.append(line_edge(x0, x1, top, bottom, x1 - x0, bottom - top))
    return out


def _chars(glyphs: Sequence[ocr_engine.Glyph], k: float) -> list[dict[str, Any]]:
    """Glyphs as chars in points. The recogniser places a character by where it fired, not by
    the glyph's outline; a printed CJK character is one em wide, so each line's CJK characters
    are given their em about where they were found, and the em is the line's font size. That is
    what tells a full line from a short one."""
    lines = [list(group) for _, group in groupby(glyphs, key=attrgetter("line"))]
    measured = [_em(line) for line in lines]
    heights = [line[0].line_height for line in lines]
    boxes = [_line_box(line) for line in lines]
    known = [em or None for em in measured]  # a run measured at 0 (one place) says nothing
    # A page prints few font sizes, and a short line's own measure is rough: a line takes the
    # median em of the lines of about its height. A line without two Han characters side by
    # side (a lone 标 wrapped into a cell, a paragraph's last 核。) cannot say which size it
    # is by its box, whose height varies most on short lines: it takes the em of the nearest
    # line that has one, within `_NEAR_LINE` of that em (the line above it in its paragraph or
    # cell, a cell beside it in its row); else of lines of about its height; else the page's
    # ratio of em to height.
    ratios = sorted(em / h for em, h in zip(measured, heights, strict=True) if em)
    ratio = ratios[len(ratios) // 2] if ratios else 1 / _BOX_TO_SIZE
    out: list[dict[str, Any]] = []
    for line, height, own, box in zip(lines, heights, measured, boxes, strict=True):
        alike = sorted(
            em
            for em, h in zip(measured, heights, strict=True)
            if em and abs(h - height) <= _ALIKE * height
        )
        near = None if own else ocr_punct.borrowed_em(box, known, boxes, _NEAR_LINE)
        em = near or (alike[len(alike) // 2] if alike else height * ratio)
        for g in line:
            middle = (g.top + g.bottom) / 2 * k
            x0, x1 = g.x0 * k, g.x1 * k
            if is_cjk(g.text[:1]):
                centre = (x0 + x1) / 2
                x0, x1 = centre - em * k / 2, centre + em * k / 2
            size = em * k
            out.append(
                {
                    "text": g.text,
                    "x0": x0,
                    "x1": x1,
                    "top": middle - size / 2,
                    "bottom": middle + size / 2,
                    "size": size,
                    "confidence": g.confidence,
                    "ocr_line": g.line,
                }
            )
    return out


def _line_box(line: Sequence[ocr_engine.Glyph]) -> tuple[float, float, float, float]:
    """Top, bottom, x0, x1 (the order `ocr_punct.borrowed_em` takes)."""
    return (
        min(g.top for g in line),
        max(g.bottom for g in line),
        min(g.x0 for g in line),
        max(g.x1 for g in line),
    )


def _em(line: Sequence[ocr_engine.Glyph]) -> float | None:
    """A line's em in pixels: over its longest run of Han characters side by side, the
    distance from the first one's centre to the last one's, shared out (one character's place
    is uncertain, a run's span much less); None without such a run. Punctuation is no measure:
    `。` sits at the left of its em and is placed where the recogniser fired (`核。` measured
    a heading's em)."""
    best: tuple[int, float] = (0, 0.0)
    run: list[ocr_engine.Glyph] = []
    for g in [*line, None]:
        if g is not None and is_ideograph(g.text[:1]) and (not run or _adjacent(run[-1], g)):
            run.append(g)
            continue
        if len(run) >= 2 and len(run) > best[0]:
            span = (run[-1].x0 + run[-1].x1 - run[0].x0 - run[0].x1) / 2
            best = (len(run), span / (len(run) - 1))
        run = [g] if g is not None and is_ideograph(g.text[:1]) else []
    return best[1] if best[0] else None


def _adjacent(a: ocr_engine.Glyph, b: ocr_engine.Glyph) -> bool:
    """Set solid: no more than half a character's room between them."""
    return b.x0 - a.x1 < 0.5 * (a.x1 - a.x0 + b.x1 - b.x0) / 2 + 1
