"""Self-checks: every expected text value is in the .docx, the .txt and the PDF; the PDF shows
exactly the .docx's text; pages break where the document says they do. Failures raise."""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import docx
import pdfplumber
from make_pdfs import FOOTER, HEADER, body_lines, chars, check_furniture, check_text
from make_samples import visible_text
from render import GRID_HEADER, title_text
from spec import Doc

from golden import Row, joined

BOOKMARK = re.compile(r"\[bookmark: [^\]]+\]")


def flat(value: str | None) -> str:
    return "".join((value or "").split())


def fail_if(problems: Iterable[str], what: str) -> None:
    found = list(problems)
    if found:
        raise AssertionError(f"{what}: " + "; ".join(found[:12]))


# --- what must be shown -------------------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    cells: list[str]  # texts that are a whole table cell (paragraphs joined)
    texts: list[str]  # texts that are in a cell or a paragraph (goals, part one)


def expected(doc: Doc, rows: dict[str, list[Row]]) -> Expected:
    cells: list[str] = []
    texts: list[str] = [doc.overall, *doc.measures]
    if doc.title_line:
        texts.append(doc.title_line)
    for item in doc.items:
        texts += [item.name, item.goal, item.indicator]
    for k, p in enumerate(doc.projects, 1):
        texts.append(title_text(k, p))
        cells += [f"{p.unit_code}{p.unit_name}", f"单位：{doc.amount_unit}", p.code, p.name]
        cells += [p.total, p.fiscal, p.other, joined(p.purpose)]
        cells += [x for pair in p.plan for x in pair]
        texts += list(p.goals)
        for ind in p.indicators:
            cells += [ind.level1, ind.level2, joined(ind.level3), joined(ind.description)]
            cells += [ind.value.printed, joined(ind.basis)]
    # Every golden text value is one of them.
    shown = set(cells) | set(texts)
    for name, table in rows.items():
        for row in table:
            for key in (
                "level1",
                "level2",
                "level3",
                "description",
                "value_raw",
                "basis",
                "project_code",
                "project_name",
                "purpose",
                "unit_name",
                "unit_code",
                "name",
                "goal",
                "indicator",
                "text",
                "period",
            ):
                value = row.get(key)
                if isinstance(value, str) and not any(value in s for s in shown):
                    raise AssertionError(f"{doc.stem} {name}.{key} {value!r} is not printed")
    return Expected(cells, texts)


def missing(values: Iterable[str], hay: list[str]) -> list[str]:
    flat_hay = [flat(h) for h in hay]
    return [v for v in values if not any(flat(v) in h for h in flat_hay)]


# --- .docx, .txt --------------------------------------------------------------------------------


def docx_items(data: bytes) -> tuple[list[str], list[str]]:
    """python-docx: body paragraphs, and every cell's paragraphs joined (nested tables too)."""
    document = docx.Document(io.BytesIO(data))
    paragraphs = [p.text for p in document.paragraphs]
    cells: list[str] = []

    def walk(tables: list) -> None:  # type: ignore[type-arg]
        for table in tables:
            for row in table.rows:
                for c in row.cells:
                    cells.append("".join(p.text for p in c.paragraphs).strip())
                    walk(c.tables)

    walk(document.tables)
    return paragraphs, cells


def check_docx(doc: Doc, want: Expected, data: bytes) -> None:
    paragraphs, cells = docx_items(data)
    cell_set = set(cells)
    fail_if((c for c in want.cells if c not in cell_set), f"{doc.stem}.docx: no such cell")
    fail_if(missing(want.texts, paragraphs + cells), f"{doc.stem}.docx misses")


def check_txt(doc: Doc, want: Expected, txt: str) -> None:
    hay = BOOKMARK.sub("", txt).replace("\n", "")  # cells stay apart: each starts with a TAB
    fail_if((v for v in want.cells + want.texts if v not in hay), f"{doc.stem}.txt misses")
    if doc.year_text is None:  # the year comes from the project codes only: none printed
        years = re.findall(r"20\d\d年", txt)
        assert not years, f"{doc.stem}.txt prints a year {years}, yet its year is from codes"
    n_bookmarks = len(BOOKMARK.findall(txt))
    assert n_bookmarks == 3 + len(doc.projects), f"{doc.stem}.txt: {n_bookmarks} bookmarks"


# --- PDF ----------------------------------------------------------------------------------------


Cell = tuple[float, float, str]  # x0, x1, flattened text


@dataclass
class PdfPage:
    lines: list[str]  # body lines (running header and footer removed)
    tables: list[list[list[Cell]]]  # per table, per row, its cells


def pdf_pages(pdf: bytes) -> list[PdfPage]:
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            lines = [
                line
                for line in body_lines(page.extract_text() or "")
                if not FOOTER.match(line.strip()) and not HEADER.match(line.strip())
            ]
            tables = []
            for table in page.find_tables():
                rows = []
                for row, texts in zip(table.rows, table.extract(), strict=True):
                    cells = [
                        (box[0], box[2], flat(text))
                        for box, text in zip(row.cells, texts, strict=True)
                        if box is not None and text
                    ]
                    rows.append(cells)
                tables.append(rows)
            out.append(PdfPage(lines, tables))
    return out


def page_cells(page: PdfPage) -> list[str]:
    return [c[2] for t in page.tables for row in t for c in row]


def pdf_hay(pages: list[PdfPage]) -> list[str]:
    """The whole body text; every cell; and cells cut by a page break, joined again (the piece
    on the next page is the cell below it in the same columns)."""
    hay = ["".join(flat(line) for page in pages for line in page.lines)]
    for page in pages:
        hay += page_cells(page)
    for before, after in itertools.pairwise(pages):
        if not before.tables or not after.tables or not before.tables[-1]:
            continue
        last = before.tables[-1][-1]
        for row in after.tables[0][:2]:  # the first row, or the one after a repeated header
            for x0, x1, text in last:
                for y0, y1, more in row:
                    if min(x1, y1) - max(x0, y0) > 0.5 * min(x1 - x0, y1 - y0):
                        hay.append(text + more)
    return hay


def check_pdf(doc: Doc, want: Expected, data: bytes, pdf: bytes) -> str:
    """Returns a note on where the pages break."""
    from make_pdfs import page_texts

    texts = page_texts(pdf)
    check_furniture(texts, doc.page_header)
    header_row = chars(GRID_HEADER)
    times = check_text(texts, chars([visible_text(data)]), header_row)
    if doc.repeat_header:
        assert times > 0, f"{doc.stem}.pdf: the grid's header row never repeats"
    else:
        assert times == 0, f"{doc.stem}.pdf: extra text"
    pages = pdf_pages(pdf)
    fail_if(missing(want.cells + want.texts, pdf_hay(pages)), f"{doc.stem}.pdf misses")
    return check_breaks(doc, pages)


def last_row_page(pages: list[PdfPage], value: str, start: int, stop: int) -> int:
    """The page, from `start` to `stop`, showing the cell `value` (the first such page), or
    the last page showing a piece of it when a page break cuts it."""
    want = flat(value)
    span = range(start, min(stop, len(pages) - 1) + 1)
    found = [n for n in span if want in page_cells(pages[n])]
    if found:
        return found[0]
    pieces = [
        n
        for n in span
        if any(
            len(c) >= 2 and (want.startswith(c) or want.endswith(c)) for c in page_cells(pages[n])
        )
    ]
    assert pieces, f"no cell holds {value!r}"
    return pieces[-1]


def check_breaks(doc: Doc, pages: list[PdfPage]) -> str:
    titles = [flat(title_text(k, p)) for k, p in enumerate(doc.projects, 1)]
    flat_pages = ["".join(flat(line) for line in page.lines) for page in pages]
    starts = []
    for title in titles:
        where = [n for n, text in enumerate(flat_pages) if title in text]
        assert where, f"{doc.stem}.pdf: title {title} not found"
        starts.append(where[0])
    split_grids = []
    for k, p in enumerate(doc.projects):
        grid = next(
            n
            for n in range(starts[k], len(pages))
            if any(GRID_HEADER[2] == c[2] for t in pages[n].tables for row in t for c in row)
        )
        stop = starts[k + 1] if k + 1 < len(starts) else len(pages) - 1
        end = last_row_page(pages, p.indicators[-1].level3, grid, stop)
        if end > grid:
            split_grids.append(k + 1)
    if doc.flow:
        assert len(split_grids) >= 2, f"{doc.stem}.pdf: grids split {split_grids}, want 2+"
        return (
            f"{len(pages)} pages; indicator grids of projects {split_grids} run over a page break"
        )
    second = next(
        n for n, text in enumerate(flat_pages) if flat("第二部分预算项目绩效目标") in text
    )
    assert flat_pages[second] == flat("第二部分预算项目绩效目标"), f"{doc.stem}.pdf: part two"
    for k, start in enumerate(starts):
        assert flat_pages[start].startswith(titles[k]), (
            f"{doc.stem}.pdf: project {k + 1} does not start a page"
        )
    assert not split_grids, f"{doc.stem}.pdf: projects {split_grids} run over a page break"
    ends = [*starts[1:], len(pages)]
    long = [k + 1 for k, (a, b) in enumerate(zip(starts, ends, strict=True)) if b - a > 1]
    assert not long, f"{doc.stem}.pdf: projects {long} take more than one page"
    return f"{len(pages)} pages; part two's heading on a page of its own, one page per project"
