"""pdfminer's layout of a page as the chars and ruling edges pdfplumber would give for it.

`page.chars` and `page.edges` turn every layout object into a dict of some twenty attributes
(colours, font names, matrices, marked-content tags, copied and resolved one by one): a quarter
of the time pdfplumber takes for a page. The PDF parser reads six attributes of a char and the
coordinates of an edge, so they are taken here straight from pdfminer's objects, computed with
pdfplumber's own formulas (so every number is the one pdfplumber would have), and the edges
come in pdfplumber's order: lines, rectangles, curves, each in layout order.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTLine, LTRect

from extract.parsers.pdf_rulings import Edge, curve_edges, line_edge, rect_edges

Char = dict[str, Any]


def page_objects(page: Any) -> tuple[list[Char], list[Edge]]:
    """`page.chars` (their text, x0, x1, top, bottom and size) and `page.edges` of a
    pdfplumber page, from its layout."""
    height = page.height
    mb_x0, mb_top = page.mediabox[:2]
    chars: list[Char] = []
    lines: list[Edge] = []
    rects: list[Edge] = []
    curves: list[Edge] = []
    for obj in _objects(page.layout):
        if isinstance(obj, LTChar):
            x0, x1 = obj.x0, obj.x1
            if mb_x0 != 0:
                x0, x1 = x0 + mb_x0, x1 + mb_x0
            chars.append(
                {
                    "text": obj.get_text(),
                    "x0": x0,
                    "x1": x1,
                    "top": (height - obj.y1) + mb_top,
                    "bottom": (height - obj.y0) + mb_top,
                    "size": obj.size,
                }
            )
        elif isinstance(obj, LTCurve):
            box = _box(obj, height, mb_x0, mb_top)
            if isinstance(obj, LTLine):
                lines.append(line_edge(*box))
            elif isinstance(obj, LTRect):
                rects.extend(rect_edges(*box))
            else:
                points = [(mb_x0 + x, mb_top + height - y) for x, y in obj.pts]
                curves.extend(curve_edges(points))
    return chars, lines + rects + curves


def _objects(container: Any) -> Iterator[Any]:
    """Layout objects depth first, as pdfplumber walks them (without layout analysis a
    container, such as a form XObject's figure, gives only its children)."""
    for obj in container:
        if isinstance(obj, LTContainer):
            yield from _objects(obj)
        else:
            yield obj


def _box(obj: Any, height: float, mb_x0: float, mb_top: float) -> tuple[float, ...]:
    """x0, x1, top, bottom, width, height as pdfplumber's object dict holds them."""
    x0, x1 = obj.x0, obj.x1
    if mb_x0 != 0:
        x0, x1 = x0 + mb_x0, x1 + mb_x0
    return (
        x0,
        x1,
        (height - obj.y1) + mb_top,
        (height - obj.y0) + mb_top,
        obj.width,
        obj.height,
    )
