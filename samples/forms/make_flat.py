"""Sample documents of the `flat_sheet` family, with their golden rows.

Run: `.venv/bin/python samples/forms/make_flat.py` (deterministic bytes; a few seconds, most of
it LibreOffice). It writes, for every sheet of samples/forms/flat.py,

- samples/flat_sheet/<stem>.docx — python-docx, one table holding the whole sheet (real
  gridSpan / vMerge cells where the sheet merges), landscape A4 where the sheet says so, the
  header row marked to repeat on every page where it says so;
- samples/flat_sheet/<stem>.txt — Apache Tika's plain text of that .docx (formlib.tika_text);
- samples/flat_sheet/<stem>.pdf — the .docx printed by LibreOffice (formlib.to_pdfs);
- tests/golden/flat_sheet/<stem>/<dataset>.json — the expected rows of documents, projects,
  project_goals, spending_plan, indicators, department_goals and measures (per-file columns
  left out, as tests/golden_io.py writes them; no issues).

The golden rows are made from the content spec the sheet is printed from, by the Conventions of
../shared/TEMPLATES.md — never by running the extractor. Before anything is written every
rendering is read back: python-docx and a strict reader of the Tika convention must see exactly
the specified cells and paragraphs; every expected text value (and every other printed string:
coded unit cells, subtotal rows, amounts, the 指标性质 / 度量单位 / 权重 / 指标方向性 cells) must
show in the .docx (python-docx), the .txt (the repository's Tika reader) and the PDF (pdfplumber
text and table cells); amounts and numeric values must be one-line PDF cells (never cut by a
wrap); the PDF must take the expected number of pages, repeat the header row on the second page
exactly when the sheet says so, show the indicator rows in order, and break a merged sheet
between projects (LibreOffice prints a merged cell cut by a page break on either page) but a
blank-below sheet inside one.

Samples (stem — what it exercises):

{samples}

Modules: formlib.py (tables with spans -> .docx, Tika text, PDF), spec.py (Value, Goals and
the level codes), flat.py (the sheets' content and their two layouts).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(HERE), str(ROOT / "tests"), str(ROOT / "src")]

import docx  # noqa: E402
from docx.enum.section import WD_ORIENT  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Twips  # noqa: E402
from flat import DIRECTIONS, LAYOUTS, SHEETS, Rendered, Sheet  # noqa: E402
from formlib import (  # noqa: E402
    PAGE_H,
    PAGE_W,
    Para,
    docx_tables,
    docx_texts,
    el,
    flat,
    missing,
    read_tika,
    render_docx,
    spec_rows,
    tika_text,
    to_pdfs,
)
from make_samples import deterministic_zip  # noqa: E402
from spec import LEVEL1_CODES, LEVEL2_CODES  # noqa: E402

from extract.parsers.tika_text import parse_tika_text  # noqa: E402
from golden_io import dump  # noqa: E402

__doc__ = __doc__.format(samples="\n".join(f"- {s.stem} — {s.about}." for s in SHEETS))

SAMPLE_DIR = ROOT / "samples" / "flat_sheet"
GOLDEN_DIR = ROOT / "tests" / "golden" / "flat_sheet"
DATASETS = (
    "documents",
    "projects",
    "project_goals",
    "spending_plan",
    "indicators",
    "department_goals",
    "measures",
)
CENT = Decimal("0.01")
UNIT_FACTOR = {"元": Decimal(1), "万元": Decimal(10000)}

Row = dict[str, Any]


# --- golden rows ---


def yuan(amount: Decimal | None, unit: str) -> str | None:
    return None if amount is None else f"{(amount * UNIT_FACTOR[unit]).quantize(CENT)}"


def golden(sheet: Sheet) -> dict[str, list[Row]]:
    fy = sheet.fiscal_year
    projects: list[Row] = []
    goals: list[Row] = []
    indicators: list[Row] = []
    for k, placed in enumerate(sheet.placed(), 1):
        p = placed.project
        projects.append(
            {
                "fiscal_year": fy,
                "project_seq": k,
                "table_title": sheet.title,
                "unit_code": placed.unit_code,
                "unit_name": placed.unit_name,
                "project_code": None,
                "project_name": p.name,
                "amount_unit": sheet.amount_unit,
                "budget_total_yuan": yuan(p.budget, sheet.amount_unit),
                "budget_fiscal_yuan": None,
                "budget_other_yuan": None,
                "budget_project_total_yuan": None,
                "budget_carryover_yuan": None,
                "purpose": None,
                "region_code": None,
                "template": "flat_sheet",
                "department_name": placed.dept_name,
                "project_category": None,
                "project_nature": None,
                "period_raw": None,
                "period_start": None,
                "period_end": None,
                "legal_basis": None,
                "implementation_plan": None,
            }
        )
        goals += [
            {"fiscal_year": fy, "project_seq": k, "seq": n, "text": t, "horizon": "annual"}
            for n, t in enumerate(p.goals.rows, 1)
        ]
        for n, r in enumerate(p.rows, 1):
            if sheet.layout == "yunnan":
                assert not (r.nature or r.unit or r.direction or r.weight), r
            if not sheet.weight:
                assert r.weight is None, r
            v = r.value
            indicators.append(
                {
                    "fiscal_year": fy,
                    "project_seq": k,
                    "seq": n,
                    "level1": r.level1,
                    "level2": r.level2,
                    "level3": r.level3,
                    "description": None,
                    "value_raw": v.value_raw,
                    "comparator": v.comparator,
                    "value_num": v.num,
                    "value_unit": v.unit,
                    "value_kind": v.kind,
                    "basis": None,
                    "level1_code": LEVEL1_CODES[r.level1],
                    "level2_code": LEVEL2_CODES[r.level2],
                    "note": None,
                    "horizon": "annual",
                    "direction": DIRECTIONS[r.direction],
                    "weight": f"{Decimal(r.weight).quantize(CENT)}" if r.weight else None,
                }
            )
    units = {(p["unit_code"], p["unit_name"]) for p in projects}
    unit_code, unit_name = units.pop() if len(units) == 1 else (None, None)
    documents = {
        "fiscal_year": fy,
        "fiscal_year_source": "text",
        "unit_code": unit_code,
        "unit_name": unit_name,
        "status": "ok",
        "error": None,
        "n_projects": len(projects),
        "n_indicators": len(indicators),
    }
    assert str(fy) in sheet.title, "the year comes from the title"
    return {
        "documents": [documents],
        "projects": projects,
        "project_goals": goals,
        "spending_plan": [],
        "indicators": indicators,
        "department_goals": [],
        "measures": [],
    }


# --- rendering ---


def render(sheet: Sheet, rendered: Rendered) -> bytes:
    """formlib's .docx, turned to landscape and with the header row marked to repeat as the
    sheet says, saved again with fixed zip stamps."""
    data = render_docx(rendered.blocks, f"{sheet.title}（样例）")
    document = docx.Document(io.BytesIO(data))
    document.core_properties.comments = "generated by samples/forms/make_flat.py"
    if sheet.landscape:
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Twips(PAGE_H), Twips(PAGE_W)
    if sheet.repeat_header:
        # Word repeats a table's leading header rows only: the header must be its first row.
        assert rendered.header_row == 0, "a repeated header must be the table's first row"
        tr = document.tables[0]._tbl.tr_lst[0]
        tr.get_or_add_trPr().append(el("w:tblHeader"))
    buffer = io.BytesIO()
    document.save(buffer)
    zipped: bytes = deterministic_zip(buffer.getvalue())
    return zipped


# --- checks ---


def fail_if(problems: Iterable[str], what: str) -> None:
    found = list(problems)
    if found:
        raise AssertionError(f"{what}: " + "; ".join(found[:12]))


def shown_texts(sheet: Sheet, rows: dict[str, list[Row]], rendered: Rendered) -> list[str]:
    """Every golden text value that is printed as such, and every other printed string."""
    texts: list[str] = [sheet.title, *rendered.header, *rendered.shown]
    for project in rows["projects"]:
        texts += [
            project[k] for k in ("unit_name", "project_name", "department_name") if project[k]
        ]
    texts += [g["text"] for g in rows["project_goals"]]
    for ind in rows["indicators"]:
        texts += [ind["level1"], ind["level2"], ind["level3"], ind["value_raw"]]
    return texts


def check_structure(sheet: Sheet, rendered: Rendered, data: bytes, txt: str) -> None:
    """python-docx and a strict reader of the Tika convention see exactly the specified cells
    and paragraphs."""
    want = [spec_rows(rendered.table)]
    assert docx_tables(data) == want, f"{sheet.stem}: python-docx reads other cells"
    paragraphs, tables = read_tika(txt)
    assert tables == want, f"{sheet.stem}: the Tika text reads back as other cells"
    printed = [b.text for b in rendered.blocks if isinstance(b, Para) and b.text]
    assert paragraphs == printed, f"{sheet.stem}: paragraphs {paragraphs}"
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (section.page_width > section.page_height) == sheet.landscape, sheet.stem
    marked = [
        tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None
        for tr in document.tables[0]._tbl.tr_lst
    ]
    assert marked == [sheet.repeat_header and i == 0 for i in range(len(marked))], sheet.stem


def pdf_read(data: bytes) -> list[tuple[str, list[list[str]]]]:
    """Per page: the page text and the rows of cells of its tables, as pdfplumber reads them
    (a cell's lines joined by newlines)."""
    import pdfplumber

    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            rows = [
                [(cell or "").strip() for cell in row]
                for table in page.extract_tables()
                for row in table
            ]
            pages.append((page.extract_text() or "", rows))
    return pages


def unbroken_texts(sheet: Sheet, rows: dict[str, list[Row]], rendered: Rendered) -> list[str]:
    """Printed values a line break must not cut: amounts, numeric 指标值 cells, 权重 cells (text
    values wrap: CJK lines join without a space)."""
    out = [t for t in rendered.shown if t and t[0].isdigit() and "-" not in t]
    out += [i["value_raw"] for i in rows["indicators"] if i["value_kind"] == "numeric"]
    out += [r.weight for p in sheet.placed() for r in p.project.rows if r.weight]
    return out


def check_renderings(
    sheet: Sheet,
    rendered: Rendered,
    texts: list[str],
    unbroken: list[str],
    data: bytes,
    txt: str,
    pdf: bytes,
) -> int:
    """Every expected text in the .docx, the .txt and the PDF; the PDF's values on one line,
    its pages and header rows as the sheet says. Returns the number of PDF pages."""
    fail_if(missing(texts, docx_texts(data)), f"{sheet.stem}.docx misses")
    parsed = parse_tika_text(txt.encode("utf-8"))
    cells = [c.text for t in parsed.tables() for c in t.cells]
    paragraphs = [p.text for p in parsed.paragraphs()]
    fail_if(missing(texts, cells + paragraphs), f"{sheet.stem}.txt misses")
    pages = pdf_read(pdf)
    all_cells = [c for _, rows in pages for row in rows for c in row if c]
    fail_if(missing(texts, [text for text, _ in pages] + all_cells), f"{sheet.stem}.pdf misses")
    fail_if((t for t in unbroken if t not in all_cells), f"{sheet.stem}.pdf: no one-line cell")
    assert len(pages) == sheet.pages, f"{sheet.stem}: {len(pages)} PDF pages, not {sheet.pages}"
    assert flat(sheet.title) in flat(pages[0][0]), f"{sheet.stem}: the title is not on page 1"
    header = [flat(h) for h in rendered.header]
    first_rows = [[flat(c) for c in rows[0]] if rows else [] for _, rows in pages]
    if not sheet.title_in_table:
        assert first_rows[0] == header, f"{sheet.stem}: page 1 table starts {first_rows[0]}"
    for n in range(1, len(pages)):
        rows = pages[n][1]
        repeated = first_rows[n] == header
        assert repeated == sheet.repeat_header, f"{sheet.stem}: page {n + 1} header {repeated}"
        body = rows[1:] if repeated else rows
        assert len(body) >= 3, f"{sheet.stem}: page {n + 1} holds {len(body)} grid rows"
    check_breaks(sheet, rendered, pages)
    return len(pages)


def check_breaks(
    sheet: Sheet, rendered: Rendered, pages: list[tuple[str, list[list[str]]]]
) -> None:
    """The PDF's grid rows are the indicators in order. Merged project cells cut by a page break
    print their text on either page (LibreOffice), so a merged sheet must break between
    projects; a blank-below sheet must carry one project over a break (the feature)."""
    column = rendered.header.index("三级指标")
    on_page = [
        n
        for n, (_, rows) in enumerate(pages)
        for row in rows
        if len(row) == len(rendered.header) and row[column] and flat(row[column]) != "三级指标"
    ]
    placed = sheet.placed()
    assert len(on_page) == sum(len(p.project.rows) for p in placed), f"{sheet.stem}: grid rows"
    spans, start = [], 0
    for p in placed:
        spans.append(set(on_page[start : start + len(p.project.rows)]))
        start += len(p.project.rows)
    split = [p.project.name for p, pages_of in zip(placed, spans, strict=True) if len(pages_of) > 1]
    if sheet.merged:
        assert not split, f"{sheet.stem}: a page break cuts the merged cells of {split}"
    elif len(pages) > 1:
        assert split, f"{sheet.stem}: no project is carried over a page break"


# --- main ---


def main() -> None:
    assert len({s.stem for s in SHEETS}) == len(SHEETS), "stems must be distinct"
    rendered = {s.stem: LAYOUTS[s.layout](s) for s in SHEETS}
    docx_bytes = {s.stem: render(s, rendered[s.stem]) for s in SHEETS}
    tika = {stem: tika_text(data) for stem, data in docx_bytes.items()}
    pdfs = to_pdfs(docx_bytes)
    outputs = []
    for sheet in SHEETS:
        r = rendered[sheet.stem]
        rows = golden(sheet)
        data, txt, pdf = docx_bytes[sheet.stem], tika[sheet.stem], pdfs[sheet.stem]
        check_structure(sheet, r, data, txt)
        texts, unbroken = shown_texts(sheet, rows, r), unbroken_texts(sheet, rows, r)
        n_pages = check_renderings(sheet, r, texts, unbroken, data, txt, pdf)
        outputs.append((sheet, rows, data, txt, pdf, n_pages))
    SAMPLE_DIR.mkdir(parents=True, exist_ok=True)
    for sheet, rows, data, txt, pdf, n_pages in outputs:
        for suffix, content in (("docx", data), ("pdf", pdf), ("txt", txt.encode("utf-8"))):
            (SAMPLE_DIR / f"{sheet.stem}.{suffix}").write_bytes(content)
        for name in DATASETS:
            dump(GOLDEN_DIR / sheet.stem / f"{name}.json", rows[name])
        doc = rows["documents"][0]
        print(
            f"{sheet.stem}: {doc['n_projects']} projects, {doc['n_indicators']} indicators, "
            f"{n_pages} PDF page(s)"
        )


if __name__ == "__main__":
    main()
