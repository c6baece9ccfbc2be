"""Web pages (.html/.htm, Excel's "Save as Web Page" too) to the intermediate model.

Several regions publish their target forms only as pages on a government site, framed by the
site's menus, breadcrumbs, share buttons and footers, often inside layout tables. The page is
read as a reader sees it: what scripts, styles and form controls hold is not text, page
furniture is dropped, layout tables give way to the data tables they frame, and the rest comes
out as paragraphs and tables in reading order. Parsing is libxml2's HTML parser with network
access off and its size limits on; a DOCTYPE's entity declarations are cut before parsing, so
nothing is expanded or fetched. Every failure reaches the user as one `ParseError` line.
"""

from __future__ import annotations

from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from extract.model import Block, Document, Location, Paragraph, ParseError
from extract.parsers.html_decode import decode_html, strip_doctype
from extract.parsers.html_elements import (
    BLOCKS,
    CELLS,
    HEADINGS,
    IGNORED,
    PREFORMATTED,
    ROW_GROUPS,
    TABLE_PARTS,
    Element,
    hidden,
    holds,
    integer,
    is_furniture,
    tag_of,
)
from extract.parsers.html_flow import Flow, Line, TableDraft
from extract.parsers.html_tables import GridBuilder, Numbers, is_layout, span, to_table, unwrap

_Row = Element | tuple[Element, ...]  # a <tr>, or cells found outside any row

EMPTY = "the web page is empty"
NO_TEXT = "the web page holds no text"
ONLY_FRAMES = (
    "the web page holds no text, only frames of other pages (Excel saves each sheet of a "
    "workbook as its own page in the .files folder beside it): read those"
)
# A furniture element is kept when it holds a data table with this many non-empty cells: CMS
# templates put the article inside containers with any name.
_MANY_CELLS = 6


def parse_html(data: bytes) -> Document:
    """Parses a web page; anything unexpected becomes a ParseError with a one-line reason."""
    try:
        return _parse(data)
    except ParseError:
        raise
    except Exception as exc:
        raise ParseError(f"could not read web page: {_one_line(exc)}") from exc


def _parse(data: bytes) -> Document:
    if not data.strip(b" \t\r\n\f\x00\xef\xbb\xbf\xfe\xff"):
        raise ParseError(EMPTY)
    text, encoding, notes = decode_html(data)
    text, entities = strip_doctype(text)
    if entities:
        notes.append("the page's DOCTYPE declares entities: they were not expanded")
    if not text.strip():
        raise ParseError(EMPTY)
    parser = etree.HTMLParser(
        encoding="utf-8",
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        default_doctype=False,
        recover=True,
    )
    root = etree.fromstring(text.encode("utf-8", errors="replace"), parser=parser)
    unread = _unread(parser.error_log)
    if root is None:
        raise ParseError(NO_TEXT)
    flow = Flow()
    _Walker().element(root, flow)
    blocks = _blocks(flow.close())
    if not blocks:
        framed = next(root.iter("frame", "iframe"), None) is not None
        raise ParseError(ONLY_FRAMES if framed else NO_TEXT)
    return Document(
        blocks=tuple(blocks),
        source_format="html",
        encoding=encoding,
        notes=tuple(notes),
        unread=tuple(unread),
    )


class _Walker:
    """Turns elements into lines and table drafts. It holds no state of its own, so a branch
    (a furniture element, a table cell) can be read into a flow of its own and then kept or
    dropped whole."""

    def element(self, el: Element, flow: Flow) -> None:
        """One element into `flow` (its tail is the caller's)."""
        tag = tag_of(el)
        if tag is None or tag in IGNORED or hidden(el):
            return
        if tag == "br":
            flow.break_line()
        elif tag == "table":
            self._table(el, flow)
        elif tag not in TABLE_PARTS and tag not in ("html", "body") and is_furniture(el, tag):
            inner = flow.child()
            self._block(el, tag, inner)
            items = inner.close()
            if any(_is_data_table(item) for item in items):
                flow.extend(items)
        elif tag == "ol":
            self._ordered_list(el, flow)
        elif tag in BLOCKS:
            self._block(el, tag, flow)
        elif tag == "a":
            flow.in_link += 1
            self._content(el, flow)
            flow.in_link -= 1
        else:
            self._content(el, flow)

    def _content(self, el: Element, flow: Flow) -> None:
        flow.text(el.text)
        for child in el:
            self.element(child, flow)
            flow.text(child.tail)

    def _block(self, el: Element, tag: str, flow: Flow, prefix: str = "") -> None:
        flow.break_line()
        level, saved_level = HEADINGS.get(tag), flow.heading_level
        if level is not None:
            flow.heading_level = level
        preformatted = tag in PREFORMATTED
        flow.preformatted += preformatted
        flow.text(prefix)
        flow.text(el.text)
        for child in el:  # not through _content: one frame less per level of nesting
            self.element(child, flow)
            flow.text(child.tail)
        flow.break_line()
        flow.heading_level = saved_level
        flow.preformatted -= preformatted

    def _ordered_list(self, el: Element, flow: Flow) -> None:
        """Items numbered as browsers number them (`start`, `value`): goals are often listed
        this way, and their numbers are what splits them into separate goals."""
        flow.break_line()
        number = integer(el.get("start"), 1)
        flow.text(el.text)
        for child in el:
            if tag_of(child) == "li" and not hidden(child) and not is_furniture(child, "li"):
                number = integer(child.get("value"), number)
                self._block(child, "li", flow, prefix=f"{number}. ")
                number += 1
            else:
                self.element(child, flow)
            flow.text(child.tail)
        flow.break_line()

    # --- tables -------------------------------------------------------------------------

    def _table(self, el: Element, flow: Flow) -> None:
        """Caption and stray content first (browsers show them before the grid), then it."""
        before = Flow()
        head: list[_Row] | None = None
        foot: list[_Row] | None = None
        body: list[list[_Row]] = []
        loose: list[Element] = []  # rows not in a row group form an implicit one
        before.text(el.text)
        for child in el:
            tag = tag_of(child)
            if tag in ROW_GROUPS or tag == "caption":
                if loose:
                    body.append(self._rows(loose, before))
                    loose = []
                if hidden(child):
                    pass
                elif tag == "caption":
                    self._block(child, tag, before)
                else:
                    before.text(child.text)
                    rows = self._rows(list(child), before)
                    if tag == "thead" and head is None:
                        head = rows
                    elif tag == "tfoot" and foot is None:
                        foot = rows
                    else:
                        body.append(rows)
                before.text(child.tail)
            else:
                loose.append(child)
        if loose:
            body.append(self._rows(loose, before))
        grid = GridBuilder()
        for rows in [head or [], *body, foot or []]:
            for row in rows:
                grid.row(self._cells(row, before))
            grid.end_group()
        draft = grid.result()
        flow.extend(before.close())
        if is_layout(draft):
            flow.extend(unwrap(draft))
        else:
            flow.add(draft)

    def _rows(self, children: list[Element], stray: Flow) -> list[_Row]:
        """The rows among a row group's children: `<tr>`s, those of wrappers (`<form>` wraps
        rows in ASP.NET pages), and runs of cells outside any row (one implicit row each).
        Content that is no row is shown before the table, as browsers do."""
        rows: list[_Row] = []
        cells: list[Element] = []
        for child in children:
            tag = tag_of(child)
            if tag in CELLS:
                if not hidden(child):
                    cells.append(child)
            else:
                if cells:
                    rows.append(tuple(cells))
                    cells = []
                if tag is None or tag in IGNORED or tag in ("colgroup", "col") or hidden(child):
                    pass
                elif tag == "tr":
                    rows.append(child)
                elif tag != "table" and holds(child, "tr", "td", "th"):
                    stray.text(child.text)
                    rows.extend(self._rows(list(child), stray))
                else:
                    self.element(child, stray)
            stray.text(child.tail)
        if cells:
            rows.append(tuple(cells))
        return rows

    def _cells(self, row: _Row, stray: Flow) -> list[tuple[int, int, list[Line | TableDraft]]]:
        if isinstance(row, tuple):
            return [self._cell(td) for td in row]
        cells: list[tuple[int, int, list[Line | TableDraft]]] = []
        stray.text(row.text)
        for child in row:
            tag = tag_of(child)
            if tag in CELLS:
                if not hidden(child):
                    cells.append(self._cell(child))
            elif tag is not None and tag != "table" and holds(child, "td", "th"):
                cells.extend(self._cells(child, stray))
            else:
                self.element(child, stray)
            stray.text(child.tail)
        return cells

    def _cell(self, td: Element) -> tuple[int, int, list[Line | TableDraft]]:
        content = Flow()
        self._block(td, "td", content)
        return (
            span(td.get("rowspan"), rows=True),
            span(td.get("colspan"), rows=False),
            content.close(),
        )


def _blocks(items: list[Line | TableDraft]) -> list[Block]:
    """Paragraphs numbered 1.. and top-level tables 1..N in order; nested tables after N."""
    n_tables = sum(isinstance(item, TableDraft) for item in items)
    numbers = Numbers(n_tables + 1)
    blocks: list[Block] = []
    n_paragraphs = n_top = 0
    for item in items:
        if isinstance(item, Line):
            n_paragraphs += 1
            blocks.append(
                Paragraph(
                    text=item.text,
                    heading_level=item.heading_level,
                    location=Location(line=n_paragraphs),
                )
            )
        else:
            n_top += 1
            blocks.append(to_table(item, n_top, numbers))
    return blocks


def _is_data_table(item: Line | TableDraft) -> bool:
    return isinstance(item, TableDraft) and (
        sum(cell.chars() > 0 for cell in item.cells) >= _MANY_CELLS
    )


def _unread(errors: Any) -> list[str]:  # lxml's error log
    """What libxml2 gave up on: with its limits on, it stops at the first fatal error (a page
    nested deeper than 255 elements, a text node over 10 MB) and keeps what came before."""
    for error in errors:
        if error.level_name == "FATAL":
            if "depth" in str(error.message).lower():
                return ["the rest of the page: its elements nest more than 255 deep"]
            return [f"the rest of the page: {_one_line(error.message)}"]
    return []


def _one_line(exc: object) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
