"""PDF samples of two print layouts that the other variants lack, found by a search.

`variants/cut_one_char{,_b}.pdf`: the separate layout, indicator rows allowed to break across
pages (no `w:cantSplit`), where a page break cuts an indicator-grid row inside a multi-line
cell and leaves ONE character of it on the next page: that page's table begins with a row
whose only text is that character, and the previous page ends with the row's other cells and
the rest of the cut cell. Where LibreOffice breaks depends on its line wrapping, so the case
is searched for: the indicator grid's column widths vary slightly (a different number of twips
per column, same total width) and empty paragraphs (as make_samples.PAGEBREAK_PUSH) push one
project down; candidates are printed in batches, one LibreOffice run each, and the first one
whose PDF shows such a cut in that project, not in a grid's last row, is kept. `cut_one_char`
has the cut in the 三级指标 or 绩效指标描述 column, `cut_one_char_b` in another one.

`variants/unit_same_line.pdf`: every project's unit line and amount unit printed on ONE line
above its table, as `632001…(本级)        单位：万元`: one paragraph holding the unit, a TAB
and `单位：万元`, right-aligned at the text's right edge by a tab stop (and the header table
without its first row, which held the two as cells).

Both show exactly the reference's text, so the golden rows of tests/golden/reference apply.
Run: `.venv/bin/python samples/make_pdf_cases.py` (deterministic on one machine; the search
stops at its first matches, after 240 candidates here: about 2 minutes). tests/test_pdf_cases.py
checks what the PDFs show.
"""

from __future__ import annotations

import io
import random
import re
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import docx
import pdfplumber
from docx.oxml.ns import qn
from make_pdfs import chars, check_furniture, check_text, convert, normalize, page_texts, soffice
from make_samples import (
    HEADER_WIDTHS,
    INDICATOR_WIDTHS,
    REFERENCE,
    VARIANTS,
    Block,
    Para,
    TableSpec,
    Variant,
    cell_text,
    deterministic_zip,
    el,
    read_reference,
    render,
    visible_text,
)

ROOT = Path(__file__).resolve().parent.parent
UNIT = "单位：万元"
COLUMNS = ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据")
# The two cut cases: which indicator columns the cut cell may be in.
CUT_CASES = {
    "cut_one_char": frozenset({2, 3}),
    "cut_one_char_b": frozenset({0, 1, 4, 5}),
}
SEED = 20210128  # the width perturbations' random source
MAX_DELTA = 150  # twips a column may gain or lose (2.6 mm)
WIDTH_SETS = 40  # width perturbations tried at most
MAX_PUSH = 30  # empty paragraphs at most (a page's worth)
BATCH = 30  # documents per LibreOffice run
LIBREOFFICE_RUNS = 2  # at once, each with its own profile
FLAT = re.compile(r"\s+")


def flat(text: str | None) -> str:
    return FLAT.sub("", text or "")


# --- the cut: candidates ----------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    widths: tuple[int, ...]  # the indicator grid's column widths, twips
    project: int  # the project whose title the empty paragraphs precede (1-3)
    push: int  # how many

    @property
    def name(self) -> str:
        return f"w{'-'.join(map(str, self.widths))}_p{self.project}_n{self.push}"


def width_sets() -> Iterator[tuple[int, ...]]:
    """INDICATOR_WIDTHS with each column changed by its own multiple of 10 twips, same total."""
    rng = random.Random(SEED)
    steps = range(-MAX_DELTA, MAX_DELTA + 1, 10)
    seen: set[tuple[int, ...]] = set()
    while len(seen) < WIDTH_SETS:
        deltas = [rng.choice(steps) for _ in INDICATOR_WIDTHS[1:]]
        deltas.insert(0, -sum(deltas))
        if abs(deltas[0]) > MAX_DELTA or len(set(deltas)) < len(deltas):
            continue  # every column its own change, none larger than MAX_DELTA
        widths = tuple(w + d for w, d in zip(INDICATOR_WIDTHS, deltas, strict=True))
        if widths not in seen:
            seen.add(widths)
            yield widths


def candidates() -> Iterator[Candidate]:
    for widths in width_sets():
        for project in (1, 2, 3):
            for push in range(1, MAX_PUSH + 1):
                yield Candidate(widths, project, push)


def cut_blocks(blocks: list[Block], cand: Candidate) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Para) and block.bookmark and block.text.startswith(f"{cand.project}."):
            out.extend(Para("") for _ in range(cand.push))  # truly empty <w:p/>
        if isinstance(block, TableSpec) and block.kind == "indicators":
            block = replace(block, widths=cand.widths)
        out.append(block)
    return out


# --- the cut: what a PDF shows ----------------------------------------------------------------


@dataclass(frozen=True)
class Cut:
    page: int  # 1-based: the page the cut row starts on; its last character is on page + 1
    project: int  # 1-3
    row: int  # the indicator grid's row, 0 = the header row
    column: int
    before: str  # the cut cell's text on `page`
    after: str  # its one character on page + 1

    def describe(self) -> str:
        return (
            f"project {self.project}, grid row {self.row}, column {COLUMNS[self.column]}: "
            f"{self.before!r} at the foot of page {self.page}, {self.after!r} atop page "
            f"{self.page + 1}"
        )


def grids(blocks: list[Block]) -> list[list[list[str]]]:
    """Each project's indicator grid as flat cell texts."""
    return [
        [[flat(cell_text(cell)) for cell in row] for row in block.rows]
        for block in blocks
        if isinstance(block, TableSpec) and block.kind == "indicators"
    ]


def one_line(blocks: list[Block]) -> set[tuple[int, int, int]]:
    """(project, row, column) of the grid cells that are one line of text, no break in it."""
    tables = [b for b in blocks if isinstance(b, TableSpec) and b.kind == "indicators"]
    return {
        (project, r, c)
        for project, table in enumerate(tables, 1)
        for r, row in enumerate(table.rows)
        for c, cell in enumerate(row)
        if len(cell.paragraphs) == 1 and len(cell.paragraphs[0]) == 1
    }


def body_above(page: Any, top: float) -> bool:
    """Any body text above `top` (the footer is at the foot, there is no page header)."""
    return any(c["bottom"] <= top + 1 and c["text"].strip() for c in page.chars)


def body_below(page: Any, bottom: float) -> str:
    text = "".join(c["text"] for c in page.chars if c["top"] >= bottom - 1)
    return re.sub(r"—\s*\d+\s*—", "", flat(text))


def find_cuts(pdf: bytes, ref_grids: list[list[list[str]]]) -> list[Cut]:
    """Every indicator row that ends on the next page with one character of one cell."""
    cuts = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for k in range(1, len(doc.pages)):
            page, prev = doc.pages[k], doc.pages[k - 1]
            tables, prev_tables = page.find_tables(), prev.find_tables()
            if not tables or not prev_tables:
                continue
            top, last = tables[0], prev_tables[-1]
            if body_above(page, top.bbox[1]) or body_below(prev, last.bbox[3]):
                continue  # not one table running on from the foot of a page to the next's top
            rows, prev_rows = top.extract(), last.extract()
            first = [flat(cell) for cell in rows[0]]
            tail = [flat(cell) for cell in prev_rows[-1]]
            full = [i for i, cell in enumerate(first) if cell]
            if len(first) != len(COLUMNS) or len(tail) != len(COLUMNS) or len(full) != 1:
                continue
            col = full[0]
            if len(first[col]) != 1:
                continue
            for project, grid in enumerate(ref_grids, 1):
                for r, want in enumerate(grid):
                    seen = list(tail)
                    seen[col] += first[col]
                    # column 0 holds merged 一级指标 labels, printed on the group's first row
                    if seen[1:] == want[1:] and seen[0] in ("", want[0]):
                        if r == len(grid) - 1 or want[col] != seen[col]:
                            continue  # a grid's last row is not the middle of the document
                        cuts.append(Cut(k, project, r, col, tail[col], first[col]))
    return cuts


def check_pdf(pdf: bytes, text: str) -> None:
    """The reference's text, nothing more or less, and the footer `— N —` on every page."""
    pages = page_texts(pdf)
    check_furniture(pages, header=False)
    check_text(pages, chars([text]), Counter())


Found = dict[str, tuple[Candidate, bytes, bytes, Cut]]


def search_cuts(blocks: list[Block], extra: dict[str, bytes]) -> tuple[Found, dict[str, bytes]]:
    """The first candidate of each CUT_CASES case, and the PDFs of `extra` (first batch).

    LIBREOFFICE_RUNS batches print at once while the PDFs come back in candidate order to be
    checked, so the match kept is the first in that order however the runs interleave.
    """
    ref_grids, wrapped = grids(blocks), one_line(blocks)
    found: Found = {}
    every = list(candidates())
    batches = [every[k : k + BATCH] for k in range(0, len(every), BATCH)]

    def print_batch(k: int) -> tuple[dict[str, bytes], dict[str, bytes]]:
        docs = {c.name: render(cut_blocks(blocks, c), Variant("cut.docx")) for c in batches[k]}
        return docs, convert({**docs, **(extra if k == 0 else {})})

    tried = 0
    extra_pdfs: dict[str, bytes] = {}
    with ThreadPoolExecutor(LIBREOFFICE_RUNS) as pool:
        runs = [pool.submit(print_batch, k) for k in range(min(LIBREOFFICE_RUNS, len(batches)))]
        for k in range(len(batches)):
            docs, pdfs = runs[k].result()
            if k + len(runs[k:]) < len(batches):
                runs.append(pool.submit(print_batch, len(runs)))
            if k == 0:
                extra_pdfs = {name: normalize(pdfs[name]) for name in extra}
            tried += len(batches[k])
            for cand in batches[k]:
                pdf = normalize(pdfs[cand.name])
                for cut in find_cuts(pdf, ref_grids):
                    if cut.project != cand.project:
                        continue  # the push is there to move the cut's own project
                    if (cut.project, cut.row, cut.column) not in wrapped:
                        continue  # a line break of the source, not a wrapped line
                    for case, columns in CUT_CASES.items():
                        if case not in found and cut.column in columns:
                            check_pdf(pdf, visible_text(docs[cand.name]))
                            found[case] = (cand, docs[cand.name], pdf, cut)
            print(f"  {tried} candidates printed, found: {', '.join(sorted(found)) or 'none'}")
            if len(found) == len(CUT_CASES):
                for run in runs[k + 1 :]:
                    run.cancel()
                break
    missing = set(CUT_CASES) - set(found)
    if missing:
        raise SystemExit(
            f"no candidate among {tried} gives {', '.join(sorted(missing))}: a page break "
            "cutting an indicator row with one character left for the next page"
        )
    return found, extra_pdfs


# --- the unit line ----------------------------------------------------------------------------


def unit_blocks(blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """Each header table's first row (unit, 单位：万元) as one paragraph above the table."""
    out: list[Block] = []
    units = []
    for block in blocks:
        if isinstance(block, TableSpec) and block.kind == "header":
            unit, amount = (cell_text(cell) for cell in block.rows[0])
            assert amount == UNIT, amount
            units.append(unit)
            out.append(Para(f"{unit}\t{UNIT}"))
            block = replace(block, rows=block.rows[1:])
        out.append(block)
    assert len(units) == 3, units
    return out, units


def right_tab(data: bytes, units: list[str]) -> bytes:
    """A right-aligned tab stop at the text's right edge in the unit paragraphs."""
    document = docx.Document(io.BytesIO(data))
    edge = str(sum(HEADER_WIDTHS))  # the tables' width: the text width
    done = 0
    for p in document.element.body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        if text.endswith(UNIT) and text[: -len(UNIT)] in units:
            tabs = el("w:tabs", {}, el("w:tab", {"w:val": "right", "w:pos": edge}))
            p.insert(0, el("w:pPr", {}, tabs))
            done += 1
    assert done == len(units), done
    out = io.BytesIO()
    document.save(out)
    return deterministic_zip(out.getvalue())


@dataclass(frozen=True)
class UnitLine:
    page: int
    text: str  # the line as pdfplumber reads it
    gap: float  # points between the unit's end and 单位：万元


def unit_lines(pdf: bytes, units: list[str]) -> list[UnitLine]:
    """Text lines holding a unit and 单位：万元 side by side, outside every table."""
    found = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for number, page in enumerate(doc.pages, 1):
            boxes = [t.bbox for t in page.find_tables()]
            for line in page.extract_text_lines():
                words = flat(line["text"])
                if not (words.endswith(UNIT) and words[: -len(UNIT)] in units):
                    continue
                inside = [b for b in boxes if b[1] - 1 < line["bottom"] and line["top"] < b[3] + 1]
                if inside:
                    continue
                text = "".join(c["text"] for c in line["chars"])
                start = text.index(UNIT[0], len(text) - len(UNIT))
                gap = line["chars"][start]["x0"] - line["chars"][start - 1]["x1"]
                found.append(UnitLine(number, line["text"], gap))
    return found


# --- main -----------------------------------------------------------------------------------


def write(target: Path, data: bytes) -> None:
    target.write_bytes(data)
    print(f"wrote {target.relative_to(ROOT)} ({len(data)} bytes)")


def main() -> None:
    if soffice() is None:
        raise SystemExit("soffice not found: LibreOffice prints these samples")
    start = time.monotonic()
    blocks = read_reference(REFERENCE)
    unit_doc_blocks, units = unit_blocks(blocks)
    unit_docx = right_tab(render(unit_doc_blocks, Variant("unit_same_line.docx")), units)
    print("searching for a page break that leaves one character of a cell on the next page")
    found, extra_pdfs = search_cuts(blocks, {"unit_same_line": unit_docx})
    unit_pdf = extra_pdfs["unit_same_line"]
    check_pdf(unit_pdf, visible_text(unit_docx))
    lines = unit_lines(unit_pdf, units)
    assert [flat(u.text) for u in lines] == [u + UNIT for u in units], lines
    assert all(u.gap > 20 for u in lines), lines
    for case, (cand, docx_data, pdf, cut) in found.items():
        write(VARIANTS / f"{case}.docx", docx_data)
        write(VARIANTS / f"{case}.pdf", pdf)
        deltas = [w - d for w, d in zip(cand.widths, INDICATOR_WIDTHS, strict=True)]
        print(f"  widths {cand.widths} (changes {deltas}), {cand.push} empty paragraphs")
        print(f"  before project {cand.project}; cut: {cut.describe()}")
    write(VARIANTS / "unit_same_line.docx", unit_docx)
    write(VARIANTS / "unit_same_line.pdf", unit_pdf)
    for u in lines:
        print(f"  page {u.page}: {u.text!r} (gap {u.gap:.0f} pt, no table around it)")
    print(f"done in {time.monotonic() - start:.0f} s")


if __name__ == "__main__":
    main()
