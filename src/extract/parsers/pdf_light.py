"""A PDF page's chars and table cells read with PDFium, as pdfplumber would report them.

pdfplumber interprets each page's content stream with pdfminer, in Python: ~20-80 ms a page,
most of the cost of reading a PDF. PDFium (pypdfium2, a pdfplumber dependency) reads the same
page natively in a few milliseconds. This module rebuilds, from PDFium's text page and path
objects, the two things the PDF parser takes from pdfplumber: the chars (text, x0, x1, top,
bottom, size) and each table's cell rectangles (`page.find_tables()`). The parser reads pages
that hold no target material this way (see `pdf_parser`'s page triage); those that do are read
by pdfplumber itself.

What is rebuilt is pdfminer's geometry, not PDFium's: a char spans its advance width from its
origin (pdfminer's `LTChar`), and its box runs from the font's descriptor /Descent to one font
size above that; widths and descents come from pdfminer's own font objects, so they are the
numbers pdfminer would use. Table rulings are PDFium's path objects classified the way
pdfminer classifies painted paths (line, rectangle, curve), turned into pdfplumber's edges and
handed to pdfplumber's table finding (`pdf_rulings`).

PDFium's text page is not a faithful list of glyphs: it drops text objects it takes for
duplicates, splits ligatures, replaces marked text, rewrites line-end hyphens and collapses runs
of spaces. A page where any of that may have happened, or whose fonts or layout this module
cannot reproduce (rotated pages or text, vertical writing, Type 3 fonts, unmapped glyphs), is
not read here (`read` returns None) and the parser reads it with pdfplumber. What remains
possible is a space lost from a run of spaces or at a line start, which only changes spacing
that the text normalizers remove anyway.

PDFium is not thread-safe: every call into it holds one process-wide lock.
"""

from __future__ import annotations

import ctypes
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from extract.parsers.pdf_rulings import curve_edges, line_edge, rect_edges, table_cells

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
Edge = dict[str, Any]
Matrix = tuple[float, float, float, float, float, float]

LOCK = threading.Lock()
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
_DIGITS = 4  # decimals kept of PDFium's single-precision numbers: their printed value
_NAME_BUFFER = 256
# A scan may carry a little text added over it (a page number, a 校对 stamp, a file name): a
# page with fewer chars than this goes to pdfplumber, which reads it as a scan when images
# cover most of it (`pdf_parser`).
SCAN_TEXT_CHARS = 40
SCANNED_PAGE_SHARE = 0.5  # of a page covered by images: a scan, when it has (next to) no text
_EMPTY_WIDTH = 0.01  # PDFium's text page skips text objects narrower than this (kSizeEpsilon)


class LightUnavailable(Exception):
    """PDFium cannot read this document (or is missing); every page goes to pdfplumber."""


class _NotHere(Exception):
    """This page cannot be read here; the message says why (`LightReader.reason`)."""


@dataclass(frozen=True, slots=True)
class LightPage:
    """What pdfplumber would have given for one page: its chars and its tables' cells."""

    chars: list[dict[str, Any]]
    tables: list[list[Box]]


@dataclass(frozen=True, slots=True)
class _Font:
    """What pdfminer computes a glyph's box from, per printed character."""

    descent: float  # font units / 1000, negative
    widths: Mapping[str, float]  # char -> advance in text space units (x 1000 font units)


@dataclass(slots=True)
class _Fonts:
    """The fonts of the pages read so far, by base name without the subset tag; a name that
    two differing fonts share is kept once, and a char whose width differs between them is
    dropped from it (a page printing it is not read here)."""

    resources: Any  # a pdfminer PDFResourceManager
    by_id: dict[int, _Font | None] = field(default_factory=dict)

    def page_fonts(self, page: Any) -> dict[str, _Font | None]:
        """The page's fonts by base name; None for those whose glyphs cannot be placed."""
        from pdfminer.pdftypes import PDFObjRef, dict_value, resolve1

        resources = resolve1(page.page_obj.resources) or {}
        fonts = resolve1(resources.get("Font")) if isinstance(resources, dict) else None
        if not isinstance(fonts, dict):
            return {}
        merged: dict[str, _Font | None] = {}
        for ref in fonts.values():
            objid = ref.objid if isinstance(ref, PDFObjRef) else None
            spec = dict_value(ref)
            if objid is None:  # a font written into the page itself: nothing to share
                font = _font(self.resources, None, spec)
            else:
                if objid not in self.by_id:
                    self.by_id[objid] = _font(self.resources, objid, spec)
                font = self.by_id[objid]
            name = _base_name(spec)
            if name is None:
                continue
            if name in merged:
                known = merged[name]
                merged[name] = None if known is None or font is None else _merge(known, font)
            else:
                merged[name] = font
        return merged


def _base_name(spec: Mapping[str, Any]) -> str | None:
    from pdfminer.psparser import PSLiteral

    base = spec.get("BaseFont")
    name = base.name if isinstance(base, PSLiteral) else base
    if isinstance(name, bytes):
        name = name.decode("latin-1")
    return _SUBSET_TAG.sub("", name) if isinstance(name, str) else None


def _font(resources: Any, objid: int | None, spec: Mapping[str, Any]) -> _Font | None:
    """pdfminer's font object for `spec`, reduced to descent and per-char widths; None for
    fonts whose glyph boxes pdfminer computes otherwise (Type 3, vertical writing)."""
    from pdfminer.pdffont import PDFCIDFont, PDFType3Font

    try:
        font = resources.get_font(objid, spec)
    except Exception:
        return None
    if isinstance(font, PDFType3Font) or font.is_vertical():
        return None
    # The codes its ToUnicode map names come first: a subset font is printed with those, and
    # the encoding's other codes (which name the same chars) are never used.
    mapping = getattr(font, "unicode_map", None)
    named = list(mapping.cid2unichr) if mapping is not None else []
    others = [] if isinstance(font, PDFCIDFont) else sorted(set(range(256)) - set(named))
    widths: dict[str, float] = {}
    seen: set[str] = set()  # chars of an earlier group, kept or not
    for codes in (named, others):
        found: dict[str, float] = {}
        clashes: set[str] = set()
        for cid in codes:
            try:
                text = font.to_unichr(cid)
            except Exception:
                continue
            if len(text) != 1 or text in seen:
                continue  # several chars: PDFium splits them in pieces, not read here
            width = float(font.char_width(cid))
            if found.setdefault(text, width) != width:
                clashes.add(text)  # two codes print it at different widths: which one?
        widths.update({t: w for t, w in found.items() if t not in clashes})
        seen.update(found)
    return _Font(descent=float(font.get_descent()), widths=widths)


def _merge(a: _Font, b: _Font) -> _Font:
    """Two subsets of one font printed under the same name: keep what they agree on."""
    if a.descent != b.descent:
        return _Font(descent=a.descent, widths={})
    widths = {**a.widths, **b.widths}
    differ = {t for t, w in b.widths.items() if a.widths.get(t, w) != w}
    return _Font(descent=a.descent, widths={t: w for t, w in widths.items() if t not in differ})


# --- PDFium calls ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Api:
    """The PDFium functions read here, re-declared without argument types: ctypes checks and
    converts declared arguments on every call, which costs more than the calls themselves
    (there are two or three a char). Callers pass handles as `ctypes.c_void_p`, indexes as
    Python ints (C `int`), out-parameters with `ctypes.byref`, and any other width wrapped
    in its ctypes type."""

    count_chars: Callable[..., int]
    get_text: Callable[..., int]
    unicode: Callable[..., int]
    generated: Callable[..., int]
    map_error: Callable[..., int]
    origin: Callable[..., int]
    char_matrix: Callable[..., int]
    font_size: Callable[..., float]
    text_object: Callable[..., int | None]
    object_font: Callable[..., int | None]
    font_name: Callable[..., int]
    count_objects: Callable[..., int]
    get_object: Callable[..., int | None]
    count_form_objects: Callable[..., int]
    get_form_object: Callable[..., int | None]
    object_type: Callable[..., int]
    object_bounds: Callable[..., int]
    object_matrix: Callable[..., int]
    count_segments: Callable[..., int]
    segment: Callable[..., int | None]
    segment_point: Callable[..., int]
    segment_type: Callable[..., int]
    segment_close: Callable[..., int]
    matrix_type: Any
    text: int
    path: int
    form: int
    moveto: int
    lineto: int
    bezierto: int


def _api() -> _Api:
    try:
        import pypdfium2.raw as raw
    except ImportError as exc:  # pragma: no cover - a pdfplumber dependency
        raise LightUnavailable(str(exc)) from exc
    vp, i, d = ctypes.c_void_p, ctypes.c_int, ctypes.c_double

    def free(fn: Any, restype: Any) -> Any:
        address = ctypes.cast(fn, vp).value
        if address is None:  # pragma: no cover - every binding has an address
            raise LightUnavailable("a PDFium function has no address")
        return ctypes.CFUNCTYPE(restype)(address)

    return _Api(
        count_chars=free(raw.FPDFText_CountChars, i),
        get_text=free(raw.FPDFText_GetText, i),
        unicode=free(raw.FPDFText_GetUnicode, ctypes.c_uint),
        generated=free(raw.FPDFText_IsGenerated, i),
        map_error=free(raw.FPDFText_HasUnicodeMapError, i),
        origin=free(raw.FPDFText_GetCharOrigin, i),
        char_matrix=free(raw.FPDFText_GetMatrix, i),
        font_size=free(raw.FPDFText_GetFontSize, d),
        text_object=free(raw.FPDFText_GetTextObject, vp),
        object_font=free(raw.FPDFTextObj_GetFont, vp),
        font_name=free(raw.FPDFFont_GetBaseFontName, ctypes.c_size_t),
        count_objects=free(raw.FPDFPage_CountObjects, i),
        get_object=free(raw.FPDFPage_GetObject, vp),
        count_form_objects=free(raw.FPDFFormObj_CountObjects, i),
        get_form_object=free(raw.FPDFFormObj_GetObject, vp),
        object_type=free(raw.FPDFPageObj_GetType, i),
        object_bounds=free(raw.FPDFPageObj_GetBounds, i),
        object_matrix=free(raw.FPDFPageObj_GetMatrix, i),
        count_segments=free(raw.FPDFPath_CountSegments, i),
        segment=free(raw.FPDFPath_GetPathSegment, vp),
        segment_point=free(raw.FPDFPathSegment_GetPoint, i),
        segment_type=free(raw.FPDFPathSegment_GetType, i),
        segment_close=free(raw.FPDFPathSegment_GetClose, i),
        matrix_type=raw.FS_MATRIX,
        text=int(raw.FPDF_PAGEOBJ_TEXT),
        path=int(raw.FPDF_PAGEOBJ_PATH),
        form=int(raw.FPDF_PAGEOBJ_FORM),
        moveto=int(raw.FPDF_SEGMENT_MOVETO),
        lineto=int(raw.FPDF_SEGMENT_LINETO),
        bezierto=int(raw.FPDF_SEGMENT_BEZIERTO),
    )


def _handle(pointer: Any) -> ctypes.c_void_p:
    """A pypdfium2 handle (a typed ctypes pointer) as the `c_void_p` `_Api` takes."""
    return ctypes.c_void_p(ctypes.cast(pointer, ctypes.c_void_p).value)


# --- the reader -----------------------------------------------------------------------------


class LightReader:
    """One document open in PDFium beside pdfplumber's; `read` gives one page or None."""

    def __init__(self, data: bytes) -> None:
        from pdfminer.pdfinterp import PDFResourceManager

        self._api = _api()
        try:
            import pypdfium2 as pdfium

            with LOCK:
                self._doc = pdfium.PdfDocument(data)
                self.n_pages = len(self._doc)
        except LightUnavailable:
            raise
        except Exception as exc:
            raise LightUnavailable(" ".join(str(exc).split())) from exc
        self._fonts = _Fonts(PDFResourceManager(caching=True))
        self.reason = ""  # why the last page was not read here
        self.declined = False  # whether that was `proceed` saying no

    def close(self) -> None:
        with LOCK:
            self._doc.close()

    def read(
        self, index: int, page: Any, proceed: Callable[[str], bool] | None = None
    ) -> LightPage | None:
        """Page `index` (0-based) as pdfplumber would read it, `page` being pdfplumber's
        page object (for its size and its fonts); None when it must go to pdfplumber, with
        the reason in `self.reason`. `proceed(text)`, given the page's text layer first, can
        decline the page (it holds what pdfplumber must read) before the costlier reading."""
        self.declined = False
        try:
            light = self._read(index, page, proceed)
        except _NotHere as exc:
            self.reason = str(exc)
            return None
        self.reason = ""
        return light

    def _read(self, index: int, page: Any, proceed: Callable[[str], bool] | None) -> LightPage:
        width, height = float(page.width), float(page.height)
        with LOCK:
            pdf_page = self._doc[index]
            try:
                text_page = pdf_page.get_textpage()
                try:
                    if proceed is not None and not proceed(text_page.get_text_range()):
                        self.declined = True
                        raise _NotHere("declined by its text")
                    if not _plain_geometry(page, width, height) or pdf_page.get_rotation() % 360:
                        raise _NotHere("rotated or offset page boxes")
                    if text_page.count_chars() < SCAN_TEXT_CHARS and _scan_like(pdf_page):
                        raise _NotHere("a scan with a little text over it")
                    fonts = self._fonts.page_fonts(page)
                    referenced: set[int] = set()
                    chars = _chars(self._api, _handle(text_page.raw), height, fonts, referenced)
                finally:
                    text_page.close()
                objects = _Objects(self._api, height)
                objects.walk(_handle(pdf_page.raw), _IDENTITY, form=False)
                if any(objects.inked(obj) for obj in objects.text_objects - referenced):
                    # Text PDFium left out (a copy it took for a duplicate): pdfminer keeps it.
                    raise _NotHere("a text object without chars")
            finally:
                pdf_page.close()
        return LightPage(chars=chars, tables=table_cells(objects.edges()))


def page_count(path: str) -> int | None:
    """A PDF's pages, from its page tree alone (0.1 ms: no page is loaded); None when PDFium
    cannot open it."""
    import pypdfium2 as pdfium

    with LOCK:
        try:
            pdf = pdfium.PdfDocument(path)
        except Exception:  # damaged, encrypted: the worker's parser reports it
            return None
        try:
            return len(pdf)
        finally:
            pdf.close()


def scanned_pages(path: str, sample: int = 3) -> int | None:
    """About how many of a PDF's pages are scans, from its first `sample` pages (a scanned
    document is scanned throughout; a text one with a scanned page or two stays near 0).
    None when PDFium cannot open the file (the parser then says why). About 10 ms: the local
    engine calls it for each long PDF, to give OCR the time it takes."""
    with LOCK:  # PDFium is not thread-safe
        return _scanned_pages(path, sample)


def _scanned_pages(path: str, sample: int) -> int | None:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(path)
    except Exception:  # damaged, encrypted: the worker's parser reports it
        return None
    try:
        total = len(pdf)
        looked = min(sample, total)
        scans = 0
        for index in range(looked):
            page = pdf[index]
            try:
                text = page.get_textpage()
                try:
                    scans += text.count_chars() < SCAN_TEXT_CHARS and _scan_like(page)
                finally:
                    text.close()
            finally:
                page.close()
        return round(total * scans / looked) if looked else 0
    except Exception:
        return None
    finally:
        pdf.close()


def _scan_like(pdf_page: Any) -> bool:
    """Images cover over half the page (pdfplumber then decides whether it is a scan)."""
    import pypdfium2.raw as raw

    width, height = pdf_page.get_size()
    covered = 0.0
    for obj in pdf_page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,)):
        left, bottom, right, top = obj.get_bounds()
        covered += max(0.0, min(right, width) - max(left, 0.0)) * max(
            0.0, min(top, height) - max(bottom, 0.0)
        )
    return bool(covered >= SCANNED_PAGE_SHARE * width * height)


def _plain_geometry(page: Any, width: float, height: float) -> bool:
    """An unrotated page whose media and crop boxes both start at the origin: pdfplumber's
    coordinates are then PDFium's, with y flipped."""
    box = (0.0, 0.0, width, height)
    try:
        same = [tuple(float(v) for v in b) for b in (page.mediabox, page.cropbox)]
    except (AttributeError, TypeError, ValueError):
        return False
    return not page.rotation and all(b == box for b in same)


def _chars(
    api: _Api,
    text_page: ctypes.c_void_p,
    height: float,
    fonts: Mapping[str, _Font | None],
    referenced: set[int],
) -> list[dict[str, Any]]:
    """pdfminer's chars of the page; raises _NotHere when PDFium's text page cannot give
    them. The hot loop of the light reading: two or three PDFium calls a char."""
    count = api.count_chars(text_page)
    if count <= 0:
        raise _NotHere("no text layer")  # pdfplumber decides whether it is a scanned page
    text = _page_text(api, text_page, count)
    x, y = ctypes.c_double(), ctypes.c_double()
    px, py = ctypes.byref(x), ctypes.byref(y)
    origin, text_object, map_error = api.origin, api.text_object, api.map_error
    name = ctypes.create_string_buffer(_NAME_BUFFER)
    # Per text object: its font's widths, then size, descent and advance scales.
    objects: dict[int, tuple[Mapping[str, float], float, float, float]] = {}
    fonts_by_handle: dict[int, _Font | None] = {}
    out: list[dict[str, Any]] = []
    bases: list[float] = []  # each char's baseline, for the check of spaces
    add_char, add_base, rounded, digits = out.append, bases.append, round, _DIGITS
    spaces = False
    last_handle = 0
    widths: Mapping[str, float] = {}
    size = descent = scale = 0.0
    x0 = base = top = bottom = last_x = last_y = 0.0
    gap_at: tuple[int, float, float] | None = None  # a space PDFium made: object, x, y
    for index, char in enumerate(text):
        if char in _GENERATED and api.generated(text_page, index):
            # A space PDFium made of a gap inside a text object takes the origin of the glyph
            # after the gap; when that glyph is not the next one, it was a space PDFium
            # dropped (two spaces in a row) and pdfminer reports.
            owner = text_object(text_page, index) or 0
            if owner:
                origin(text_page, index, px, py)
                gap_at = (owner, x.value, y.value)
            continue
        if char < " " or map_error(text_page, index):
            # unmapped (pdfminer prints `(cid:N)`), or a line-end hyphen PDFium rewrote
            raise _NotHere(f"char {index} unmapped ({ord(char):#x})")
        handle = text_object(text_page, index) or 0
        same = handle == last_handle
        if not same:
            if handle not in objects:
                font, font_size, a, d = _object_info(
                    api, text_page, index, handle, fonts, fonts_by_handle, name
                )
                objects[handle] = (
                    font.widths,
                    font_size * d,
                    font.descent * font_size * d,
                    font_size * a,
                )
                referenced.add(handle)
            widths, size, descent, scale = objects[handle]
        advance = widths.get(char)
        if advance is None:
            raise _NotHere(f"char {char!r} not in its font's map")
        origin(text_page, index, px, py)
        xv, yv = x.value, y.value
        if gap_at is not None:
            if gap_at[0] == handle and (gap_at[1], gap_at[2]) != (xv, yv):
                raise _NotHere(f"a space PDFium dropped after a gap (at x={gap_at[1]:.1f})")
            gap_at = None
        if same and yv == last_y:
            # Along a run, PDFium adds single-precision advances up; pdfminer adds doubles.
            # The step between two origins, rounded, is the printed advance (and spacing).
            step = rounded(xv - last_x, digits)
            if step == 0:  # one glyph PDFium split in pieces (a ligature, marked text)
                raise _NotHere(f"char {char!r} shares its origin")
            x0 += step
        else:
            x0, base = rounded(xv, digits), rounded(yv, digits)
            low = base + descent
            top, bottom = height - (low + size), height - low
        last_handle, last_x, last_y = handle, xv, yv
        if char == " ":
            spaces = True
        add_base(base)
        add_char(
            {
                "text": char,
                "x0": x0,
                "x1": x0 + advance * scale,
                "top": top,
                "bottom": bottom,
                "size": size,
            }
        )
    if not out:
        raise _NotHere("no text layer")  # only what PDFium made up: pdfplumber's to judge
    if spaces:
        _check_spaces(out, bases)
    return out


_GENERATED = frozenset(" \r\n")  # what PDFium generates: spaces and line breaks


def _page_text(api: _Api, text_page: ctypes.c_void_p, count: int) -> str:
    """The text page's chars, one per char index: in one call when every char is one UTF-16
    unit (a char beyond the BMP takes two: then one call a char)."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = api.get_text(text_page, 0, count, buffer)
    if written == count + 1:
        text = ctypes.string_at(buffer, 2 * count).decode("utf-16-le", errors="replace")
        if len(text) == count:  # a pair of surrogates decodes to one char: shorter
            return text
    return "".join(chr(api.unicode(text_page, i)) for i in range(count))


def _check_spaces(chars: list[dict[str, Any]], bases: list[float]) -> None:
    """PDFium keeps one space of a run of spaces: room for half a space more after a space,
    with no char in it, may be a space that pdfminer reports and PDFium dropped."""
    lines = {base for base, c in zip(bases, chars, strict=True) if c["text"] == " "}
    runs = sorted(
        (base, c["x0"], c["x1"], c["text"] == " ")
        for base, c in zip(bases, chars, strict=True)
        if base in lines
    )
    for (base, x0, x1, space), (next_base, start, _, _) in pairwise(runs):
        if space and next_base == base and start - x1 > (x1 - x0) / 2:
            raise _NotHere(f"a run of spaces PDFium may have collapsed (at x={x1:.1f})")


def _object_info(
    api: _Api,
    text_page: ctypes.c_void_p,
    index: int,
    handle: int,
    fonts: Mapping[str, _Font | None],
    fonts_by_handle: dict[int, _Font | None],
    name: Any,
) -> tuple[_Font, float, float, float]:
    """Font, font size and scale of the text object of char `index`; raises _NotHere when
    its glyphs are not upright or its font is not one of the page's own."""
    if not handle:
        raise _NotHere(f"char {index} has no text object")
    matrix = api.matrix_type()
    if not api.char_matrix(text_page, index, ctypes.byref(matrix)):
        raise _NotHere(f"char {index} has no matrix")
    if matrix.b != 0 or matrix.c != 0 or matrix.a <= 0 or matrix.d <= 0:
        raise _NotHere("text that is not upright")
    font_handle = api.object_font(ctypes.c_void_p(handle)) or 0
    if font_handle not in fonts_by_handle:
        length = (
            api.font_name(ctypes.c_void_p(font_handle), name, ctypes.c_size_t(_NAME_BUFFER))
            if font_handle
            else 0
        )
        base = name.value.decode("latin-1") if 0 < length <= _NAME_BUFFER else ""
        key = _SUBSET_TAG.sub("", base)
        if key not in fonts:
            raise _NotHere(f"font {base!r} is not in the page's resources")
        fonts_by_handle[font_handle] = fonts[key]
    font = fonts_by_handle[font_handle]
    if font is None:
        raise _NotHere("a font whose glyph boxes are not reproduced (Type 3, vertical)")
    size = round(api.font_size(text_page, index), _DIGITS)
    return font, size, round(matrix.a, _DIGITS + 2), round(matrix.d, _DIGITS + 2)


# --- ruling lines ---------------------------------------------------------------------------


class _Objects:
    """The page's painted paths as pdfplumber's edges, and its text objects."""

    def __init__(self, api: _Api, height: float) -> None:
        self.api = api
        self.height = height
        self.lines: list[Edge] = []
        self.rects: list[Edge] = []
        self.curves: list[Edge] = []
        self.text_objects: set[int] = set()
        self._matrix = api.matrix_type()
        self._pmatrix = ctypes.byref(self._matrix)
        self._x, self._y = ctypes.c_float(), ctypes.c_float()
        self._px, self._py = ctypes.byref(self._x), ctypes.byref(self._y)

    def edges(self) -> list[Edge]:
        """In pdfplumber's order: lines, then rectangles, then curves, each as painted."""
        return self.lines + self.rects + self.curves

    def walk(self, parent: ctypes.c_void_p, outer: Matrix, *, form: bool) -> None:
        api = self.api
        count = api.count_form_objects(parent) if form else api.count_objects(parent)
        for i in range(max(count, 0)):
            found = (
                api.get_form_object(parent, ctypes.c_ulong(i))
                if form
                else api.get_object(parent, i)
            )
            if not found:
                continue
            obj = ctypes.c_void_p(found)
            kind = api.object_type(obj)
            if kind == api.text:
                self.text_objects.add(found)
                continue
            if kind not in (api.path, api.form):
                continue
            matrix = _compose(self._object_matrix(obj), outer)
            if kind == api.form:
                self.walk(obj, matrix, form=True)
            else:
                self._path(obj, matrix)

    def inked(self, found: int) -> bool:
        """Whether the text object's glyphs cover any width. PDFium's text page leaves out the
        ones that do not (a run of spaces: pdfminer keeps them as space chars, which change
        no line's text); any other text object left out makes the page pdfplumber's."""
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        ok = self.api.object_bounds(
            ctypes.c_void_p(found),
            ctypes.byref(left),
            ctypes.byref(bottom),
            ctypes.byref(right),
            ctypes.byref(top),
        )
        return not ok or abs(right.value - left.value) >= _EMPTY_WIDTH

    def _object_matrix(self, obj: ctypes.c_void_p) -> Matrix:
        m = self._matrix
        if not self.api.object_matrix(obj, self._pmatrix):
            return _IDENTITY
        return (m.a, m.b, m.c, m.d, m.e, m.f)

    def _path(self, obj: ctypes.c_void_p, matrix: Matrix) -> None:
        for shape, points in _subpaths(self._segments(obj, matrix), self.api):
            self._paint(shape, points)

    def _segments(
        self, obj: ctypes.c_void_p, matrix: Matrix
    ) -> Iterator[tuple[int, tuple[float, float], bool]]:
        api = self.api
        a, b, c, d, e, f = matrix
        for i in range(max(api.count_segments(obj), 0)):
            found = api.segment(obj, i)
            if not found:
                continue
            segment = ctypes.c_void_p(found)
            if not api.segment_point(segment, self._px, self._py):
                continue
            x, y = self._x.value, self._y.value
            point = (round(a * x + c * y + e, _DIGITS), round(b * x + d * y + f, _DIGITS))
            yield api.segment_type(segment), point, bool(api.segment_close(segment))

    def _paint(self, shape: str, points: list[tuple[float, float]]) -> None:
        """pdfminer's `paint_path` for one subpath: a line, a rectangle or a curve, then
        pdfplumber's edges of it."""
        if shape in ("mlh", "ml"):
            self.lines.append(line_edge(*self._box(points[:2])))
        elif shape in ("mlllh", "mllll"):
            (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = points
            square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
                y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
            )
            if points[0] == points[4] and square:
                self.rects.extend(rect_edges(*self._box(points)))
            else:
                self.curves.extend(curve_edges(self._flipped(points)))
        else:
            self.curves.extend(curve_edges(self._flipped(points)))

    def _box(self, points: list[tuple[float, float]]) -> tuple[float, ...]:
        """x0, x1, top, bottom, width, height of the points, as pdfminer boxes a path
        (min and max) and pdfplumber turns the box over."""
        xs, ys = [x for x, _ in points], [y for _, y in points]
        x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
        return x0, x1, self.height - y1, self.height - y0, x1 - x0, y1 - y0

    def _flipped(self, points: list[tuple[float, float]]) -> list[tuple[float, float]]:
        return [(x, self.height - y) for x, y in points]


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """`inner` then `outer`."""
    a1, b1, c1, d1, e1, f1 = inner
    a0, b0, c0, d0, e0, f0 = outer
    return (
        a1 * a0 + b1 * c0,
        a1 * b0 + b1 * d0,
        c1 * a0 + d1 * c0,
        c1 * b0 + d1 * d0,
        e1 * a0 + f1 * c0 + e0,
        e1 * b0 + f1 * d0 + f0,
    )


def _subpaths(
    segments: Iterator[tuple[int, tuple[float, float], bool]], api: _Api
) -> Iterator[tuple[str, list[tuple[float, float]]]]:
    """PDFium's segments as pdfminer's path operators, one subpath at a time.

    PDFium stores a Bézier curve as three points and a `h` as a flag on the point that closes
    the subpath (adding a line back to its start when needed); pdfminer keeps the operators,
    each with its end point, `h` standing for the start point, and drops a redundant line
    before a `h`. Subpaths with only a move are dropped, as pdfminer's do.
    """
    ops: list[tuple[str, tuple[float, float]]] = []
    curve_points = 0
    for kind, point, close in segments:
        if kind == api.moveto:
            if len(ops) > 1:
                yield _shape(ops)
            ops = [("m", point)]
            curve_points = 0
            continue
        if not ops:
            continue
        if kind == api.bezierto:  # the third point ends the curve
            curve_points += 1
            if curve_points % 3:
                continue
            ops.append(("c", point))
        elif kind == api.lineto:
            ops.append(("l", point))
        else:
            ops.append(("?", point))  # unknown to PDFium: no shape pdfminer would name
        if close:
            start = ops[0][1]
            if ops[-1][0] == "l" and ops[-1][1] == start:
                ops[-1] = ("h", start)
            else:
                ops.append(("h", start))
    if len(ops) > 1:
        yield _shape(ops)


def _shape(ops: list[tuple[str, tuple[float, float]]]) -> tuple[str, list[tuple[float, float]]]:
    shape = "".join(op for op, _ in ops)
    points = [point for _, point in ops]
    if len(shape) > 3 and shape[-2:] == "lh" and points[-2] == points[0]:
        shape = shape[:-2] + "h"
        points.pop()
    return shape, points
