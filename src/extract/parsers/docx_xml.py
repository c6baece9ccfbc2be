"""One pass over a Word body: paragraphs and tables in reading order, text as Word shows it.

The table grid is read from the XML (`w:gridSpan`, `w:vMerge`, `w:gridBefore`/`w:gridAfter`)
rather than through python-docx's `row.cells`, which repeats a merged cell at every grid
position it covers and re-walks the row for each lookup; here a merged cell is one `Cell`
with its spans, found once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from extract.model import Block, Cell, Location, Paragraph, Table
from extract.parsers.docx_numbering import Numbering
from extract.parsers.docx_ooxml import Element, W, int_val, val
from extract.parsers.docx_styles import Styles

_P, _TBL, _TR, _TC, _R = W + "p", W + "tbl", W + "tr", W + "tc", W + "r"
_PPR, _SDT, _SDT_CONTENT = W + "pPr", W + "sdt", W + "sdtContent"
_RPR, _VANISH = W + "rPr", W + "vanish"
_P_STYLE, _TR_PR = W + "pStyle", W + "trPr"
_CUSTOM_XML, _BOOKMARK = W + "customXml", W + "bookmarkStart"
_TEXT, _TABS, _BREAKS = W + "t", {W + "tab", W + "ptab"}, {W + "br", W + "cr"}
_TC_PR, _GRID_SPAN, _V_MERGE, _H_MERGE = W + "tcPr", W + "gridSpan", W + "vMerge", W + "hMerge"
_FLD_CHAR, _NO_BREAK_HYPHEN, _SYM = W + "fldChar", W + "noBreakHyphen", W + "sym"
# Inline wrappers whose content is shown; `w:del`/`w:moveFrom` (removed text) are not listed.
_INLINE_CONTAINERS = frozenset(
    W + tag
    for tag in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo")
)
_INLINE_WRAPPED = {_SDT: _SDT_CONTENT, W + "ruby": W + "rubyBase"}
_MAX_GRID = 64  # Word's limit is 63 columns; bigger spans are damage, not layout
_SKIP_BOOKMARKS = frozenset({"_GoBack"})


@dataclass(slots=True)
class _CellDraft:
    row: int
    col: int
    col_span: int
    paragraphs: list[str]
    tables: list[Table]
    row_span: int = 1


@dataclass(slots=True)
class _Fields:
    """Open complex fields: True while in the instruction part (before `separate`)."""

    stack: list[bool] = field(default_factory=list)
    in_instruction: int = 0

    def char(self, kind: str | None) -> None:
        if kind == "begin":
            self.stack.append(True)
            self.in_instruction += 1
        elif kind == "separate" and self.stack and self.stack[-1]:
            self.stack[-1] = False
            self.in_instruction -= 1
        elif kind == "end" and self.stack and self.stack.pop():
            self.in_instruction -= 1

    def close_instructions(self) -> None:
        """Instructions never span paragraphs; one still open is damage, so show what follows."""
        if self.in_instruction:
            self.stack = [False] * len(self.stack)
            self.in_instruction = 0


class BodyWalker:
    """Walks `w:body` once; numbering counters and field state follow reading order."""

    def __init__(self, styles: Styles, numbering: Numbering) -> None:
        self._styles = styles
        self._numbering = numbering
        self._fields = _Fields()
        self._n_tables = 0
        self._n_paragraphs = 0
        self._pending_bookmarks: list[str] = []
        self.notes: list[str] = []

    def blocks(self, body: Element) -> list[Block]:
        out: list[Block] = []
        for node in _block_items(body):
            if node.tag == _BOOKMARK:
                self._add_bookmark(self._pending_bookmarks, node)
            elif node.tag == _P:
                paragraph = self._body_paragraph(node)
                if paragraph is not None:
                    out.append(paragraph)
            else:
                out.append(self._table(node))
        return out

    # --- paragraphs ---------------------------------------------------------------------

    def _body_paragraph(self, p: Element) -> Paragraph | None:
        """Empty paragraphs are layout, not content: they produce no block."""
        self._n_paragraphs += 1
        bookmarks, self._pending_bookmarks = self._pending_bookmarks, []
        text, style_id = self._paragraph_text(p, bookmarks)
        if not text.strip():
            return None
        ppr = p.find(_PPR)
        outline = int_val(ppr.find(W + "outlineLvl")) if ppr is not None else None
        if outline is not None:
            level = outline + 1 if 0 <= outline < 9 else None
        else:
            level = self._styles.heading_level(style_id)
        return Paragraph(
            text=text,
            heading_level=level,
            bookmarks=tuple(bookmarks),
            location=Location(line=self._n_paragraphs),
        )

    def _paragraph_text(self, p: Element, bookmarks: list[str]) -> tuple[str, str | None]:
        ppr = p[0] if len(p) and p[0].tag == _PPR else None  # properties come first
        style = ppr[0] if ppr is not None and len(ppr) and ppr[0].tag == _P_STYLE else None
        style_id = val(style)  # the style comes first among the properties
        label = self._numbering.label(ppr, style_id)
        parts: list[str] = []
        self._inline(p, parts, bookmarks)
        self._fields.close_instructions()
        return label + "".join(parts), style_id

    def _inline(self, parent: Element, out: list[str], bookmarks: list[str]) -> None:
        for child in parent:
            tag = child.tag
            if tag == _R:
                self._run(child, out)
            elif tag in _INLINE_CONTAINERS:
                self._inline(child, out, bookmarks)
            elif tag in _INLINE_WRAPPED:  # content control, or phonetic guide over its base
                content = child.find(_INLINE_WRAPPED[tag])
                if content is not None:
                    self._inline(content, out, bookmarks)
            elif tag == _BOOKMARK:
                self._add_bookmark(bookmarks, child)

    def _run(self, r: Element, out: list[str]) -> None:
        fields = self._fields
        hidden = _hidden(r)
        for child in r:
            tag = child.tag
            if tag == _FLD_CHAR:
                fields.char(val(child, "fldCharType"))
            elif fields.in_instruction or hidden:
                continue
            elif tag == _TEXT:
                out.append(child.text or "")
            elif tag in _TABS:
                out.append("\t")
            elif tag in _BREAKS:
                out.append("\n")
            elif tag == _NO_BREAK_HYPHEN:
                out.append("-")
            elif tag == _SYM:
                out.append(_symbol(val(child, "char")))
            # w:softHyphen, w:instrText, w:delText, note references, drawings: nothing shown

    @staticmethod
    def _add_bookmark(bookmarks: list[str], node: Element) -> None:
        name = val(node, "name")
        if name and name not in _SKIP_BOOKMARKS:
            bookmarks.append(name)

    # --- tables -------------------------------------------------------------------------

    def _table(self, tbl: Element) -> Table:
        """Numbered when reached, so nested tables number in reading order after their parent."""
        self._n_tables += 1
        number = self._n_tables
        drafts: list[_CellDraft] = []
        open_merges: dict[int, _CellDraft] = {}
        n_rows = n_cols = 0
        for tr in _rows(tbl):
            trpr = next((c for c in tr[:2] if c.tag == _TR_PR), None)  # after tblPrEx only
            if trpr is not None and trpr.find(W + "del") is not None:
                continue  # a tracked row deletion
            open_merges, end = self._row(tr, trpr, n_rows, number, drafts, open_merges)
            n_cols = max(n_cols, end)
            n_rows += 1
        cells = tuple(
            Cell.from_paragraphs(
                d.paragraphs,
                d.row,
                d.col,
                row_span=d.row_span,
                col_span=d.col_span,
                location=Location(table=number, row=d.row + 1, col=d.col + 1),
                tables=tuple(d.tables),
            )
            for d in drafts
        )
        return Table(cells=cells, n_rows=n_rows, n_cols=n_cols, location=Location(table=number))

    def _row(
        self,
        tr: Element,
        trpr: Element | None,
        row: int,
        number: int,
        drafts: list[_CellDraft],
        open_merges: dict[int, _CellDraft],
    ) -> tuple[dict[int, _CellDraft], int]:
        """Places one row's cells on the grid; returns the merges still open and the row end."""
        col = _grid_count(trpr, "gridBefore", 0)
        still_open: dict[int, _CellDraft] = {}
        previous: _CellDraft | None = None
        for tc in _cells(tr):
            # A cell's properties come first (the schema's order): no search through its text.
            span, vmerge, hmerge = _cell_props(tc[0] if len(tc) and tc[0].tag == _TC_PR else None)
            paragraphs, tables = self._cell_content(tc)
            above = open_merges.get(col) if vmerge == "continue" else None
            if above is not None:
                above.row_span = row - above.row + 1
                still_open[col] = above
                if any(p.strip() for p in paragraphs) or tables:  # Word does not show it
                    where = Location(table=number, row=row + 1, col=col + 1).describe()
                    self.notes.append(f"{where}: text in a cell merged into the one above ignored")
                previous = None
            elif hmerge == "continue" and previous is not None:
                previous.col_span += span  # legacy horizontal merge: widen the cell on its left
                previous.paragraphs.extend(p for p in paragraphs if p.strip())
                previous.tables.extend(tables)
            else:
                previous = _CellDraft(row, col, span, paragraphs, tables)
                drafts.append(previous)
                if vmerge is not None:
                    still_open[col] = previous
            col += span
        return still_open, col + _grid_count(trpr, "gridAfter", 0)

    def _cell_content(self, tc: Element) -> tuple[list[str], list[Table]]:
        """A field cannot run past its cell, so a damaged one is contained to the cell."""
        outer, self._fields = self._fields, _Fields()
        paragraphs: list[str] = []
        tables: list[Table] = []
        ignored: list[str] = []
        try:
            for node in _block_items(tc):
                if node.tag == _P:
                    paragraphs.append(self._paragraph_text(node, ignored)[0])
                elif node.tag == _TBL:
                    tables.append(self._table(node))
        finally:
            self._fields = outer
        return paragraphs, tables


def _block_items(parent: Element) -> Iterator[Element]:
    """`w:p`, `w:tbl` and `w:bookmarkStart` in order, looking through content controls."""
    for child in parent:
        tag = child.tag
        if tag in (_P, _TBL, _BOOKMARK):
            yield child
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _block_items(content)
        elif tag == _CUSTOM_XML:
            yield from _block_items(child)


def _rows(tbl: Element) -> Iterator[Element]:
    yield from _children(tbl, _TR)


def _cells(tr: Element) -> Iterator[Element]:
    yield from _children(tr, _TC)


def _children(parent: Element, tag: str) -> Iterator[Element]:
    """Rows or cells, including those wrapped in row/cell-level content controls."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == _CUSTOM_XML:
            yield from _children(child, tag)


def _grid_count(props: Element | None, name: str, default: int) -> int:
    if props is None:
        return default
    value = int_val(props.find(W + name), default)
    low = 1 if default == 1 else 0
    return max(low, min(value if value is not None else default, _MAX_GRID))


def _cell_props(tcpr: Element | None) -> tuple[int, str | None, str | None]:
    """(gridSpan, vMerge, hMerge) of a cell in one pass over its properties.

    A merge is `restart`, `continue` or None; a bare `<w:vMerge/>` means continue.
    """
    span, vmerge, hmerge = 1, None, None
    if tcpr is None:
        return span, vmerge, hmerge
    for child in tcpr:
        tag = child.tag
        if tag == _GRID_SPAN:
            value = int_val(child, 1)
            span = max(1, min(value if value is not None else 1, _MAX_GRID))
        elif tag == _V_MERGE:
            vmerge = "restart" if val(child) == "restart" else "continue"
        elif tag == _H_MERGE:
            hmerge = "restart" if val(child) == "restart" else "continue"
    return span, vmerge, hmerge


def _hidden(r: Element) -> bool:
    """Runs formatted `w:vanish` are not shown (field characters in them still count)."""
    # The schema puts a run's properties first: no search through its text children.
    rpr = r[0] if len(r) and r[0].tag == _RPR else None
    vanish = rpr.find(_VANISH) if rpr is not None else None
    return vanish is not None and val(vanish) not in ("0", "false", "off")


def _symbol(code: str | None) -> str:
    """`w:sym` characters outside the symbol-font private area are ordinary characters."""
    try:
        point = int(code or "", 16)
    except ValueError:
        return ""
    return chr(point) if 0x20 <= point < 0xE000 or 0xF900 <= point <= 0xFFFD else ""
