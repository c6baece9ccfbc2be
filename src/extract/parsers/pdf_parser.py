"""PDF files to the intermediate model, with pdfplumber.

Pages are read one at a time and their caches released, so memory does not grow with page
count: what is kept of a page is its text lines and its tables' cell texts. Table finding runs
once per page (pdfplumber's `find_tables`, by `pdf_rulings`); cell text comes from assigning
each char to the cell under it, rather than from cropping the page once per cell. Running
headers, footers and page numbers are dropped, paragraphs and tables cut by page breaks are
joined, and every block, row and cell carries its page number.

Page triage: pdfplumber costs 20-80 ms a page, and a long budget document (部门预算, 20-300
pages) holds target tables on a few of them. So each page's text layer is read first with
PDFium (about a millisecond). A page whose text holds target material, by the templates'
markers (`recognize.markers`: the parser knows no budget words, the templates say them), is
read by pdfplumber, and so are the pages its content may run on to: the page after it, and the
pages a table crosses into or out of from it. Every other page is read in full by PDFium
(`pdf_light`, a few ms: the same chars and table cells pdfplumber would give), and goes to
pdfplumber after all when its layout shows a marker the text order hid, or when PDFium cannot
read it as pdfplumber would (no text layer, rotated text, fonts it maps otherwise). Pages read
by PDFium hold everything the full reading would (lines, tables, cells), so headings, unit
lines, prose, table numbers and running headers come out the same. `documents.n_pages_parsed`
counts the pages pdfplumber read; `parse_pdf(data, triage=False)`, `TRIAGE = False` or the
environment variable `EXTRACT_PDF_TRIAGE=0` read every page with pdfplumber.

Scanned pages (an image over the page and no text) are read by OCR when the `ocr` extra is
installed (`pdf_scanned`): into the same chars and table cells, each char with its recognition
confidence, so the rest of this module treats them as text pages. `parse_pdf(data, ocr=False)`
or `EXTRACT_OCR=0` (`extract run --no-ocr`) leave them unread, as does a machine without the
extra; a PDF of scanned pages only is then one line saying how to install OCR.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from extract.model import Block, Cell, Document, Location, Paragraph, ParseError, Table
from extract.parsers import ocr_engine
from extract.parsers.pdf_layout import page_objects
from extract.parsers.pdf_light import (
    SCAN_TEXT_CHARS,
    SCANNED_PAGE_SHARE,
    LightReader,
    LightUnavailable,
)
from extract.parsers.pdf_rulings import table_cells
from extract.parsers.pdf_tables import Box, PageTable, StitchedTable
from extract.parsers.pdf_text import (
    Char,
    Flow,
    HanCount,
    Line,
    furniture,
    garbled,
    garbled_page,
    glue,
    lines_of,
    lower,
    measure_flow,
)
from extract.recognize.markers import holds_target_material

if TYPE_CHECKING:  # OCR's modules import OpenCV, which only the `ocr` extra installs
    from extract.parsers.pdf_scanned import ScannedPage, ScanReader

_PASSWORD = (
    "password-protected PDF: it cannot be opened without its password;"
    " save an unprotected copy and try again"
)
_DAMAGED = "not a valid PDF file (damaged or truncated)"
_SCANNED = "scanned PDF: the pages are images without a text layer; {why}"
_OCR_OFF = "OCR is turned off (--no-ocr / EXTRACT_OCR=0)"
_NO_TEXT = "the PDF has no text on any page"
_UNMAPPED = (
    "the PDF's fonts carry no text mapping, so its characters cannot be read;"
    " it needs OCR (e.g. ocrmypdf) before its text can be extracted"
)

_PAGES_PER_CACHE = 25
_TOLERANCE = 2.0  # points of measuring noise between a row's height and the room left
_MARGIN_SLACK = 36.0  # points a bottom margin may exceed the top one

# Page triage on (see the module docstring); the environment variable EXTRACT_PDF_TRIAGE=0
# turns it off for a run without code.
TRIAGE = True
_TRIAGE_ENV = "EXTRACT_PDF_TRIAGE"
OCR_ENV = "EXTRACT_OCR"  # `extract run --no-ocr` sets it to 0 for its workers


def _env_on(name: str) -> bool:
    return os.environ.get(name, "1").strip().lower() not in ("0", "false", "no", "off")


def parse_pdf(data: bytes, *, triage: bool | None = None, ocr: bool | None = None) -> Document:
    """Parses a PDF; anything unexpected becomes a ParseError with a one-line reason.

    `triage` (default: `TRIAGE`, unless EXTRACT_PDF_TRIAGE=0) reads pages without target
    material with PDFium instead of pdfplumber; False reads every page with pdfplumber.
    `ocr` (default: on unless EXTRACT_OCR=0) reads scanned pages by OCR when it is installed."""
    if triage is None:
        triage = TRIAGE and _env_on(_TRIAGE_ENV)
    if ocr is None:
        ocr = _env_on(OCR_ENV)
    try:
        return _parse(data, triage, ocr)
    except ParseError:
        raise
    except Exception as exc:
        raise ParseError(_reason(exc)) from exc


def _inner(exc: Exception) -> BaseException:
    arg = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else None
    return arg if isinstance(arg, BaseException) else exc


def _reason(exc: Exception) -> str:
    """The one line a user sees; pdfplumber wraps pdfminer's errors, so look inside."""
    inner = _inner(exc)
    if isinstance(inner, PDFPasswordIncorrect | PDFEncryptionError):
        return _PASSWORD
    if isinstance(inner, PDFSyntaxError | PSException) or isinstance(exc, PdfminerException):
        return f"{_DAMAGED}: {_one_line(inner)}"
    return f"could not read PDF file: {_one_line(inner)}"


@dataclass(slots=True)
class _Page:
    number: int
    height: float
    lines: list[Line]
    tables: list[PageTable]
    n_chars: int = 0
    n_unmapped: int = 0
    han: HanCount = field(default_factory=HanCount)  # to tell a garbled text layer
    scanned: bool = False  # an image without text, left unread
    ocr: bool = False  # an image without text, read by OCR


@dataclass(slots=True)
class _Assembler:
    """Builds blocks in reading order across pages, joining what a page break cut."""

    flow: Flow
    # Lowest body content (a line or a table) of any page, per page height: a table that ends
    # with room left above it for another row did not run on to the next page.
    body_bottom: dict[int, float] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    n_tables: int = 0
    _para: list[Line] = field(default_factory=list)
    _para_text: str = ""
    _para_page: int = 0  # page of the paragraph's last line
    _para_first_page: int = 0
    _para_confidence: float | None = None
    _table: StitchedTable | None = None
    _table_page: int = 0
    _table_end: tuple[int, float] = (0, 0.0)  # (page height, bottom) of its last part

    def line(self, line: Line, page: int, first_on_page: bool) -> None:
        self._flush_table()
        if self._para:
            same_page = page == self._para_page
            if (same_page or (first_on_page and page == self._para_page + 1)) and (
                self.flow.continues(self._para[-1], line, same_page=same_page)
            ):
                self._para_text += glue(self._para[-1], line.text) + line.text
                self._para.append(line)
                self._para_page = page
                self._para_confidence = lower(self._para_confidence, line.confidence)
                return
            self._flush_para()
        self._para_confidence = line.confidence
        self._para = [line]
        self._para_text = line.text
        self._para_page = self._para_first_page = page

    def table(self, part: PageTable, first_on_page: bool) -> None:
        self._flush_para()
        current = self._table
        if (
            current is not None
            and first_on_page
            and part.page == self._table_page + 1
            and current.continues_as(part)
            and self._page_was_full(part)
        ):
            current.extend(part)
            self._table_page = part.page
            self._table_end = (round(part.height), part.bbox[3])
            return
        self._flush_table()
        self._table = StitchedTable.start(part)
        self._table_page = part.page
        self._table_end = (round(part.height), part.bbox[3])

    def _page_was_full(self, part: PageTable) -> bool:
        """Whether the page before had no room left for the rows `part` starts with (its first
        row, or the one after a repeated header row): else the table ended there, and `part`
        starts a new one (the next form of a document)."""
        height, bottom = self._table_end
        lowest = self.body_bottom.get(height)
        if lowest is None or len(part.ys) < 2:
            return True
        first_rows = max(b - a for a, b in zip(part.ys[:3], part.ys[1:3], strict=False))
        return lowest - bottom < first_rows - _TOLERANCE

    def finish(self) -> list[Block]:
        self._flush_para()
        self._flush_table()
        return self.blocks

    def _flush_para(self) -> None:
        if self._para:
            location = Location(page=self._para_first_page)
            self.blocks.append(
                Paragraph(text=self._para_text, location=location, confidence=self._para_confidence)
            )
            self._para = []

    def _flush_table(self) -> None:
        table = self._table
        if table is None:
            return
        self._table = None
        self.n_tables += 1
        number = self.n_tables
        cells = tuple(
            Cell.from_paragraphs(
                c.paragraphs,
                c.row,
                c.col,
                row_span=c.row_span,
                col_span=c.col_span,
                location=Location(page=c.page, table=number, row=c.row + 1, col=c.col + 1),
                confidence=c.confidence,
            )
            for c in sorted(table.cells, key=lambda c: (c.row, c.col))
        )
        self.blocks.append(
            Table(
                cells=cells,
                n_rows=table.n_rows,
                n_cols=len(table.xs) - 1,
                location=Location(page=table.first_page, table=number),
            )
        )


def _parse(data: bytes, triage: bool, ocr: bool) -> Document:
    notes: list[str] = []
    failed: dict[int, str] = {}  # page index -> why it could not be read
    no_ocr = _OCR_OFF if not ocr else ocr_engine.available()
    scans = _Scans(data) if no_ocr is None else None
    try:
        with pdfplumber.open(io.BytesIO(data), password="") as pdf:
            n_pages = len(pdf.pages)
            if n_pages == 0:
                raise ParseError(f"{_DAMAGED}: no pages found")
            reader = _light_reader(data, n_pages) if triage else None
            if reader is None:
                read = {
                    i: _full_page(page, i, failed, scans) for i, page in _pages(pdf, range(n_pages))
                }
                n_parsed = n_pages
            else:
                try:
                    read, n_parsed = _triaged(pdf, reader, failed, scans)
                finally:
                    reader.close()
    finally:
        if scans is not None:
            scans.close()
    unread = [failed[i] for i in sorted(failed)]
    pages = [p for _, p in sorted(read.items()) if p is not None]
    n_chars = sum(p.n_chars for p in pages)
    if n_chars == 0:
        if any(p.scanned for p in pages):
            raise ParseError(_SCANNED.format(why=f"it needs OCR: {no_ocr}"))
        if any(p.ocr for p in pages):
            raise ParseError(_SCANNED.format(why="OCR found no text on them"))
        raise ParseError(_NO_TEXT)
    if sum(p.n_unmapped for p in pages) * 2 > n_chars:
        raise ParseError(_UNMAPPED)
    unreadable = garbled([p.han for p in pages])
    if unreadable is not None:
        raise ParseError(unreadable)
    for p in pages:  # a page of a garbled font among readable ones: left out, and said
        why = garbled_page(p.han)
        if why is not None:
            unread.append(f"page {p.number} left out: {why}")
            p.lines, p.tables = [], []
    for p in pages:
        if p.scanned:
            unread.append(f"page {p.number} is a scanned image without text ({no_ocr})")
    dropped = furniture([p.lines for p in pages], [p.height for p in pages])
    for i, p in enumerate(pages):
        p.lines = [line for j, line in enumerate(p.lines) if (i, j) not in dropped]
    if dropped:
        notes.append(f"{len(dropped)} running header/footer and page number lines left out")
    assembler = _Assembler(measure_flow([p.lines for p in pages]), _body_bottoms(pages))
    for p in pages:
        for k, item in enumerate(_reading_order(p)):
            if isinstance(item, Line):
                assembler.line(item, p.number, k == 0)
            else:
                assembler.table(item, k == 0)
        p.lines, p.tables = [], []  # the assembler holds what it still needs
    blocks = assembler.finish()
    return Document(
        blocks=tuple(blocks),
        source_format="pdf",
        notes=tuple(notes),
        n_pages=n_pages,
        unread=tuple(unread),
        n_pages_parsed=n_parsed,
        ocr_pages=sum(p.ocr for p in pages),
    )


class _Scans:
    """The OCR reader of one document, opened on the first scanned page."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._reader: ScanReader | None = None

    def read(self, index: int) -> ScannedPage:
        if self._reader is None:
            from extract.parsers.pdf_scanned import ScanReader

            self._reader = ScanReader(self._data)
        return self._reader.read(index)

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()


def _full_page(page: Any, index: int, failed: dict[int, str], scans: _Scans | None) -> _Page | None:
    """The page read by pdfplumber (or OCR); None when it cannot be read (said in `failed`)."""
    try:
        return _read_page(page, scans)
    except Exception as exc:  # one damaged page costs that page only
        failed[index] = f"page {page.page_number} could not be read ({_one_line(_inner(exc))})"
        return None
    finally:
        page.close()


# --- page triage ----------------------------------------------------------------------------


def _light_reader(data: bytes, n_pages: int) -> LightReader | None:
    """PDFium's view of the document, or None (no triage) when PDFium cannot open it or
    counts other pages than pdfminer."""
    try:
        reader = LightReader(data)
    except LightUnavailable:
        return None
    if reader.n_pages != n_pages:
        reader.close()
        return None
    return reader


def _triaged(
    pdf: Any, reader: LightReader, failed: dict[int, str], scans: _Scans | None
) -> tuple[dict[int, _Page | None], int]:
    """Every page without target material read by PDFium, the others by pdfplumber; returns
    the pages by index and how many pdfplumber read."""
    n_pages = len(pdf.pages)
    read: dict[int, _Page | None] = {}
    # Target pages, the page after each (a table or a paragraph running on), and the pages
    # PDFium cannot read as pdfplumber would.
    wanted: set[int] = set()

    def no_targets(text: str) -> bool:
        return not holds_target_material(text)

    for i, page in _pages(pdf, range(n_pages)):
        if i in wanted:
            continue
        light = _light_page(reader, i, page, no_targets)
        if light is not None and not _is_target(light):  # the layout may show a label
            read[i] = light  # that the text layer's order hid: then the page is a target
            continue
        wanted.add(i)
        if (light is not None or reader.declined) and i + 1 < n_pages:
            wanted.add(i + 1)
    parsed: set[int] = set()
    while wanted - parsed:
        for i, page in _pages(pdf, sorted(wanted - parsed)):
            full = read[i] = _full_page(page, i, failed, scans)
            parsed.add(i)
            if full is not None and i + 1 < n_pages and _is_target(full):
                wanted.add(i + 1)  # a target page PDFium could not read
        wanted |= _crossings(read, parsed, n_pages)
    return read, len(parsed)


def _light_page(
    reader: LightReader, index: int, page: Any, proceed: Callable[[str], bool]
) -> _Page | None:
    """The page read by PDFium, unless `proceed(its text)` says no or PDFium cannot read it
    as pdfplumber would."""
    try:
        light = reader.read(index, page, proceed)
    except Exception:  # whatever PDFium makes of a damaged page, pdfplumber gets to say
        return None
    if light is None:
        return None
    return _build_page(page.page_number, float(page.height), light.chars, light.tables)


def _is_target(page: _Page) -> bool:
    """Whether the page's text holds target material: its lines in reading order (a title
    may wrap), then each cell's text (a label may wrap inside its cell), cells apart."""
    parts = [line.text for line in page.lines]
    for table in page.tables:
        parts.extend("|" + "".join(cell.paragraphs) for cell in table.cells)
    return holds_target_material("".join(parts))


def _crossings(read: dict[int, _Page | None], parsed: set[int], n_pages: int) -> set[int]:
    """Pages next to a page pdfplumber read, that a table runs on to or comes from: the page
    ends with a table and the next begins with one (running headers and footers aside)."""
    present = [(i, p) for i, p in sorted(read.items()) if p is not None]
    dropped = furniture([p.lines for _, p in present], [p.height for _, p in present])
    ends: dict[int, tuple[bool, bool]] = {}  # index -> (starts with a table, ends with one)
    for k, (i, p) in enumerate(present):
        kept = [line for j, line in enumerate(p.lines) if (k, j) not in dropped]
        order = _reading_order(_Page(p.number, p.height, kept, p.tables))
        if order:
            ends[i] = (isinstance(order[0], PageTable), isinstance(order[-1], PageTable))
    out: set[int] = set()
    for i in parsed:
        if i not in ends:
            continue
        starts, finishes = ends[i]
        if finishes and i + 1 < n_pages and ends.get(i + 1, (False, False))[0]:
            out.add(i + 1)
        if starts and i > 0 and ends.get(i - 1, (False, False))[1]:
            out.add(i - 1)
    return out - parsed


def _body_bottoms(pages: list[_Page]) -> dict[int, float]:
    """Per page height, where body text ends: the lowest content of any page, or, when every
    page is short (one form per page), the page height less a bottom margin taken to be the top
    margin, with `_MARGIN_SLACK` for margins that differ."""
    bottoms: dict[int, float] = {}
    tops: dict[int, float] = {}
    for p in pages:
        ends = [line.bottom for line in p.lines] + [t.bbox[3] for t in p.tables]
        starts = [line.top for line in p.lines] + [t.bbox[1] for t in p.tables]
        if ends:
            key = round(p.height)
            bottoms[key] = max(bottoms.get(key, 0.0), *ends)
            tops[key] = min(tops.get(key, p.height), *starts)
    return {key: max(bottom, key - tops[key] - _MARGIN_SLACK) for key, bottom in bottoms.items()}


def _pages(pdf: Any, indexes: Iterable[int]) -> Iterator[tuple[int, Any]]:
    """Pages one at a time, by index. pdfminer keeps every object it parsed (page content
    streams included) for the whole document; emptying that cache every few pages bounds
    memory on long files, while fonts and resources shared by neighbouring pages are parsed
    again only that often."""
    for count, index in enumerate(indexes, start=1):
        yield index, pdf.pages[index]
        cache = getattr(pdf.doc, "_cached_objs", None)
        if count % _PAGES_PER_CACHE == 0 and isinstance(cache, dict):
            cache.clear()


def _reading_order(page: _Page) -> list[Line | PageTable]:
    items: list[Line | PageTable] = [*page.lines, *page.tables]
    items.sort(key=lambda item: item.top if isinstance(item, Line) else item.bbox[1])
    return items


def _read_page(page: Any, scans: _Scans | None) -> _Page:
    """One page read in full by pdfplumber (pdfminer's layout of its content stream): table
    finding, then every char. The numbers are pdfplumber's own, without its slower paths.
    A scanned page is read by OCR instead, when `scans` is given."""
    chars, edges = page_objects(page)  # `page.chars` and `page.edges`, made faster
    if len(chars) < SCAN_TEXT_CHARS and _mostly_image(page):  # a page number stamped on a scan
        if scans is None:
            built = _build_page(page.page_number, float(page.height), chars, [])
            built.scanned = True
            return built
        scanned = scans.read(page.page_number - 1)
        built = _build_page(page.page_number, float(page.height), scanned.chars, scanned.boxes)
        built.ocr = True
        return built
    boxes = table_cells(edges)  # what `page.find_tables()` finds, found faster
    return _build_page(page.page_number, float(page.height), chars, boxes)


def _build_page(
    number: int, height: float, chars: Sequence[Char], boxes: Sequence[Sequence[Box]]
) -> _Page:
    """A page from its chars and its tables' cell rectangles, whoever read them: each char
    goes to the cell under its centre, the others make the page's lines."""
    tables = [t for t in (PageTable.from_boxes(cells, number) for cells in boxes) if t is not None]
    placed = [
        ((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, c)
        for c in chars
        if not c["text"].startswith("(cid:")
    ]
    n_unmapped = len(chars) - len(placed)
    for table in tables:  # a char in two tables' boxes goes to the first
        placed = table.take(placed)
    outside = [c for _, _, c in placed]
    for table in tables:
        table.finish()
        table.height = height
    return _Page(
        number=number,
        height=height,
        lines=lines_of(outside),
        tables=tables,
        n_chars=len(chars),
        n_unmapped=n_unmapped,
        han=HanCount.of(c["text"] for c in chars),
    )


def _mostly_image(page: Any) -> bool:
    """Images cover most of the page: one scan, or a scan stored in strips (some scanners
    and PDF tools tile a page image)."""
    width, height = float(page.width), float(page.height)
    area = width * height or 1.0
    covered = 0.0
    for image in page.images:
        x0, x1 = max(0.0, float(image["x0"])), min(width, float(image["x1"]))
        top, bottom = max(0.0, float(image["top"])), min(height, float(image["bottom"]))
        covered += max(0.0, x1 - x0) * max(0.0, bottom - top)
    return covered >= SCANNED_PAGE_SHARE * area


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return (text or type(exc).__name__)[:200]
