"""PDF files to the intermediate model, with pdfplumber.

Pages are read one at a time and their caches released, so memory does not grow with page
count: what is kept of a page is its text lines and its tables' cell texts. Table finding runs
once per page (pdfplumber's `find_tables`); cell text comes from assigning each char to the
cell under it, rather than from cropping the page once per cell. Running headers, footers and
page numbers are dropped, paragraphs and tables cut by page breaks are joined, and every
block, row and cell carries its page number.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from extract.model import Block, Cell, Document, Location, Paragraph, ParseError, Table
from extract.parsers.pdf_tables import PageTable, StitchedTable
from extract.parsers.pdf_text import Flow, Line, furniture, glue, lines_of, measure_flow

_PASSWORD = (
    "password-protected PDF: it cannot be opened without its password;"
    " save an unprotected copy and try again"
)
_DAMAGED = "not a valid PDF file (damaged or truncated)"
_SCANNED = (
    "scanned PDF: the pages are images without a text layer;"
    " it needs OCR (e.g. ocrmypdf) before its text can be extracted"
)
_NO_TEXT = "the PDF has no text on any page"
_UNMAPPED = (
    "the PDF's fonts carry no text mapping, so its characters cannot be read;"
    " it needs OCR (e.g. ocrmypdf) before its text can be extracted"
)
_SCANNED_PAGE_SHARE = 0.5  # an image over half the page, and no text: a scanned page
_PAGES_PER_CACHE = 25
_TOLERANCE = 2.0  # points of measuring noise between a row's height and the room left
_MARGIN_SLACK = 36.0  # points a bottom margin may exceed the top one


def parse_pdf(data: bytes) -> Document:
    """Parses a PDF; anything unexpected becomes a ParseError with a one-line reason."""
    try:
        return _parse(data)
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
    scanned: bool = False


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
                return
            self._flush_para()
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
            self.blocks.append(Paragraph(text=self._para_text, location=location))
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


def _parse(data: bytes) -> Document:
    notes: list[str] = []
    unread: list[str] = []
    pages: list[_Page] = []
    with pdfplumber.open(io.BytesIO(data), password="") as pdf:
        n_pages = len(pdf.pages)
        if n_pages == 0:
            raise ParseError(f"{_DAMAGED}: no pages found")
        for page in _pages(pdf):
            number = page.page_number
            try:
                pages.append(_read_page(page))
            except Exception as exc:  # one damaged page costs that page only
                unread.append(f"page {number} could not be read ({_one_line(_inner(exc))})")
            finally:
                page.close()
    n_chars = sum(p.n_chars for p in pages)
    if n_chars == 0:
        raise ParseError(_SCANNED if any(p.scanned for p in pages) else _NO_TEXT)
    if sum(p.n_unmapped for p in pages) * 2 > n_chars:
        raise ParseError(_UNMAPPED)
    for p in pages:
        if p.scanned:
            unread.append(f"page {p.number} is a scanned image without text (it needs OCR)")
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
    )


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


def _pages(pdf: Any) -> Iterator[Any]:
    """Pages one at a time. pdfminer keeps every object it parsed (page content streams
    included) for the whole document; emptying that cache every few pages bounds memory on
    long files, while fonts and resources shared by neighbouring pages are parsed again only
    that often."""
    for number, page in enumerate(pdf.pages, start=1):
        yield page
        cache = getattr(pdf.doc, "_cached_objs", None)
        if number % _PAGES_PER_CACHE == 0 and isinstance(cache, dict):
            cache.clear()


def _reading_order(page: _Page) -> list[Line | PageTable]:
    items: list[Line | PageTable] = [*page.lines, *page.tables]
    items.sort(key=lambda item: item.top if isinstance(item, Line) else item.bbox[1])
    return items


def _read_page(page: Any) -> _Page:
    found = page.find_tables()
    tables = [
        t
        for t in (PageTable.from_boxes(table.cells, page.page_number) for table in found)
        if t is not None
    ]
    outside = []
    n_unmapped = 0
    chars = page.chars
    for char in chars:
        if char["text"].startswith("(cid:"):
            n_unmapped += 1
            continue
        x = (char["x0"] + char["x1"]) / 2
        y = (char["top"] + char["bottom"]) / 2
        for table in tables:
            if table.contains(x, y):
                table.add(char, x, y)
                break
        else:
            outside.append(char)
    for table in tables:
        table.finish()
        table.height = float(page.height)
    return _Page(
        number=page.page_number,
        height=float(page.height),
        lines=lines_of(outside),
        tables=tables,
        n_chars=len(chars),
        n_unmapped=n_unmapped,
        scanned=not chars and _mostly_image(page),
    )


def _mostly_image(page: Any) -> bool:
    area = float(page.width) * float(page.height) or 1.0
    for image in page.images:
        width = abs(float(image["x1"]) - float(image["x0"]))
        height = abs(float(image["bottom"]) - float(image["top"]))
        if width * height >= _SCANNED_PAGE_SHARE * area:
            return True
    return False


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return (text or type(exc).__name__)[:200]
