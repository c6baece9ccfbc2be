"""A second rendering set of the `declaration_form` family, with its golden rows.

Run: `.venv/bin/python samples/forms/make_alt.py` (deterministic bytes; about ten seconds, most
of it LibreOffice). It writes, for every document of alt_variants.py,

- samples/declaration_form_alt/<stem>.docx / .txt (Tika's plain text, emulated) / .pdf
  (LibreOffice), rendered by alt_layouts.py — another author's layout choices for the same ten
  variants of ../shared/TEMPLATES.md that samples/forms/make_forms.py renders;
- tests/golden/declaration_form_alt/<stem>/<dataset>.json — the expected rows of documents,
  projects, project_goals, spending_plan, indicators, department_goals and measures.

The golden rows are written from the content spec by the Conventions of TEMPLATES.md, never by
running the extractor (this script imports nothing from src/extract). Before anything is
written, every rendering is read back and the script fails loudly on any difference:
python-docx and a strict reader of the Tika convention must see exactly the specified cells and
paragraphs; every expected text value must show in the .docx (python-docx), in the .txt (its
cells and paragraphs) and in the PDF pages of its own form (pdfplumber text and table cells);
forms meant to start a page do, and forms meant to run onto a second page do.

Documents (stem — variant: the choices that differ from samples/forms):

- shanghai_putuo_2026_alt — 上海 普陀 2026: a `金额单位：元` line
  instead of `项目资金（元）`; the 7 amount labels in one row over
  their values, no thousands separators, one blank 其他资金
  (null); padded labels `项 目 名 称`; 项目总目标 above 年度总体目标 (label
  left of each); the grid a table of its own after a band row
  绩效指标, 一级 and 二级 repeated on every row; goals （1） and ①
  inline and 1. inline; two units (document unit null);
  ≥12,000份 ≥100% >95% 98%以上 ≤7个工作日.
- xiangtan_2023_alt — 湖南 湘潭 2023: titles not numbered;
  `填报单位：…` and `金额单位：万元` lines above the table (unit_name from
  填报单位, amounts bare `148` / `0`, `86.5` / `120`); a 绩效指标
  label column merged over the grid; 一级 and 二级 repeated on
  every row, empty 二级 rows; goals （1） paragraphs and inline;
  2023.01-2023.12 and 2023年4月-2024年3月; 2280米 不低于90%.
- ningxiang_2023_alt — 湖南 宁乡: the year inside the title line
  (`2023年项目绩效目标表`, no year line); check boxes before their
  labels `☑新增项目 □延续项目`; 年度资金总额及构成（万元） as a row of six labels
  over their values, thousands separators (`1,236.50`); 长期目标
  above 年度目标; twin grids as tables of their own with a merged
  长期绩效指标 / 年度绩效指标 column, nothing else merged, empty 二级 rows;
  goals ① paragraphs and inline; two units (document unit
  null); 万立方米 万元/公里 不少于4.5万人.
- jiaxian_2022_alt — 陕西 佳县: the year inside the title line, no
  year line; a `金额单位：万元` line and no unit in the labels;
  年度资金总额及构成 as a row of six labels over values, zeros as
  `0.00`, other = 25.60 + 0.00 + 0.00 + 20.00; check boxes
  after their labels with ☑; 长期目标 beside 年度目标 in one row; twin
  grids as rows of the form's table under band rows 长期绩效指标 /
  年度绩效指标 (project 1 runs onto a second page); goals 1.
  paragraphs and （1） inline; 批次 万头 万只 元/人.
- wuhan_qingshan_2020_alt — 湖北 武汉青山 2020: title and year on
  one line (`项目支出绩效目标表（2020年度）`, kept in table_title); forms
  follow each other without page breaks; 项目资金（万元） as a row of
  six labels over bare values; 中期目标 above 年度目标; a one-row grid
  header `二级指标(长期) … 指标值(年度)`, 一级 merged down; empty halves
  (二级 printed without 三级, and wholly empty); goals ① and 1.
  inline; two units (document unit null); 万人次 万元/个 批次
  控制在预算额度内.
- dongguan_2019_alt — 广东 东莞 2019: the title as the table's
  first row; `（万元）` labels in one row over values with
  thousands separators (`28,450.00`); `中期滚动目标（2019年-2021年）`
  beside 年度目标, labels above the goals; no 绩效指标 column and a
  one-row grid header (halves by position), 一级 repeated on
  every row; an empty 年度 half; goals 1. paragraphs and
  unnumbered; 万平方米 盏 万千瓦时 250万 ±3%以内 0%.
- fengjie_2023_alt — 重庆 奉节 2023: page titles not numbered, no
  金额单位 line: the unit is the `万元` in each amount cell
  (`960万元`, `0万元`); amounts as label/value pairs beside each
  other; full-width `其中：`; 一级 score bands repeated on every
  row, 二级 merged; goals 1. paragraphs and （1） inline; project
  2's grid runs onto a second page; 年度预算执行率 row in project 1;
  不超过48万元.
- wuhai_2021_alt — 内蒙古 乌海 2021: the title as the table's first
  row; 投入目标(万元) as label/value pairs in one row (`286.50`,
  `0.00`); 指标性质 holds the sign (≥ = ≤, or 定性) and 指标方向 holds
  正向指标 / 反向指标 — the reverse of samples/forms; goals 1.
  paragraphs and unnumbered; an Excel date serial 44,469
  (2021-09-30); 盏 次/年 人/次 万户 万元/公里.
- ezhou_2022_alt — 湖北 鄂州 2022: `填报单位：…` and `金额单位：万元` lines
  above the table (no 实施单位 cell; a plain 金额 label); the grid a
  table of its own after the form, its 一级 column holding the
  二级 names repeated on every row; goals ① paragraphs and
  inline; a prior-year cost of 0.00.
- shaanxi_2020_alt — 陕西 省级 2020: title `项目绩效目标表` with the year
  on a line of its own (not in table_title); labels padded
  with full-width spaces (`项　目　名　称`); `（万元）` labels, the three
  amounts as label/value pairs in one row with separators
  (`1,268.40`); the grid a table of its own, 一级 merged, a
  blank printed row at its end; goals `1、` paragraphs and
  unnumbered; 人/年, bare 11 and 2.

Modules: alt_layouts.py (AltDoc, the printing functions and amount rules), alt_variants.py
(the content); formlib.py, spec.py and layouts.py of samples/forms are reused by import.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(HERE), str(ROOT / "tests")]

from alt_layouts import ALT_LAYOUTS, AltDoc, WCols  # noqa: E402
from alt_variants import DOCUMENTS  # noqa: E402
from formlib import (  # noqa: E402
    Para,
    docx_tables,
    docx_texts,
    flat,
    iter_tables,
    missing,
    pdf_pages,
    read_tika,
    render_docx,
    spec_rows,
    tika_text,
    to_pdfs,
)
from layouts import UNIT_FACTOR, Form  # noqa: E402
from spec import DIRECTIONS, LEVEL1_CODES, LEVEL2_CODES, Ind, Project  # noqa: E402

from golden_io import dump  # noqa: E402

SAMPLE_DIR = ROOT / "samples" / "declaration_form_alt"
GOLDEN_DIR = ROOT / "tests" / "golden" / "declaration_form_alt"
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

Row = dict[str, Any]


# --- golden rows (TEMPLATES.md Conventions) ---


def yuan(amount: Decimal | None, unit: str | None) -> str | None:
    if amount is None:
        return None
    assert unit is not None
    return f"{(amount * UNIT_FACTOR[unit]).quantize(CENT)}"


def project_row(doc: AltDoc, k: int, p: Project) -> Row:
    unit, money = ALT_LAYOUTS[doc.variant].amounts(p)
    period = p.period
    return {
        "fiscal_year": doc.fiscal_year,
        "project_seq": k,
        "table_title": p.title,
        "unit_code": p.unit_code,
        "unit_name": p.unit_name,
        "project_code": p.code,
        "project_name": p.name,
        "amount_unit": unit,
        "budget_total_yuan": yuan(money["total"], unit),
        "budget_fiscal_yuan": yuan(money["fiscal"], unit),
        "budget_other_yuan": yuan(money["other"], unit),
        "budget_project_total_yuan": yuan(money["project_total"], unit),
        "budget_carryover_yuan": yuan(money["carryover"], unit),
        "purpose": p.purpose,
        "region_code": p.region_code,
        "template": "declaration_form",
        "department_name": p.dept_name,
        "project_category": p.category,
        "project_nature": p.nature,
        "period_raw": period.raw if period else None,
        "period_start": period.start.isoformat() if period and period.start else None,
        "period_end": period.end.isoformat() if period and period.end else None,
        "legal_basis": p.legal_basis,
        "implementation_plan": None,
    }


def goal_rows(doc: AltDoc, k: int, p: Project) -> list[Row]:
    """Long-term first: every layout prints it left of or above the annual cell."""
    texts = [(g, "long_term") for g in (p.long_goals.rows if p.long_goals else ())]
    texts += [(g, "annual") for g in (p.annual_goals.rows if p.annual_goals else ())]
    return [
        {"fiscal_year": doc.fiscal_year, "project_seq": k, "seq": n, "text": t, "horizon": h}
        for n, (t, h) in enumerate(texts, 1)
    ]


def check_printed_fields(doc: AltDoc, ind: Ind) -> None:
    """The golden row claims only what the variant's grid prints."""
    layout = ALT_LAYOUTS[doc.variant]
    for name in ("description", "basis", "note", "weight", "columns"):
        if name not in layout.prints:
            assert getattr(ind, name) is None, f"{doc.stem}: {name} is not printed: {ind}"
    if not layout.has_level3:
        assert ind.level3 is None and ind.description, ind
    else:
        assert ind.level3, ind
    assert ind.derived_level1 == ("derived_level1" in layout.prints), ind


def direction(ind: Ind) -> str | None:
    cols: Any = ind.columns
    if cols is None:
        return None
    if isinstance(cols, WCols):
        return cols.direction_code
    return DIRECTIONS[cols.nature]


def indicator_rows(doc: AltDoc, k: int, form: Form) -> list[Row]:
    rows = []
    for n, (ind, horizon) in enumerate(form.indicators, 1):
        check_printed_fields(doc, ind)
        value = ind.value
        assert value is not None
        rows.append(
            {
                "fiscal_year": doc.fiscal_year,
                "project_seq": k,
                "seq": n,
                "level1": ind.level1,
                "level2": ind.level2,
                "level3": ind.level3,
                "description": ind.description,
                "value_raw": value.value_raw,
                "comparator": value.comparator,
                "value_num": value.num,
                "value_unit": value.unit,
                "value_kind": value.kind,
                "basis": ind.basis,
                "level1_code": LEVEL1_CODES[ind.level1],
                "level2_code": LEVEL2_CODES[ind.level2],
                "note": ind.note,
                "horizon": horizon,
                "direction": direction(ind),
                "weight": f"{Decimal(ind.weight).quantize(CENT)}" if ind.weight else None,
            }
        )
    return rows


def golden(doc: AltDoc, forms: list[Form]) -> dict[str, list[Row]]:
    projects = [project_row(doc, k, p) for k, p in enumerate(doc.projects, 1)]
    goals = [row for k, p in enumerate(doc.projects, 1) for row in goal_rows(doc, k, p)]
    indicators = [row for k, f in enumerate(forms, 1) for row in indicator_rows(doc, k, f)]
    units = {(p["unit_code"], p["unit_name"]) for p in projects}
    unit_code, unit_name = units.pop() if len(units) == 1 else (None, None)
    documents = {
        "fiscal_year": doc.fiscal_year,
        "fiscal_year_source": "text",
        "unit_code": unit_code,
        "unit_name": unit_name,
        "status": "ok",
        "error": None,
        "n_projects": len(projects),
        "n_indicators": len(indicators),
    }
    return {
        "documents": [documents],
        "projects": projects,
        "project_goals": goals,
        "spending_plan": [],
        "indicators": indicators,
        "department_goals": [],
        "measures": [],
    }


# --- what must show in every rendering ---

PROJECT_TEXTS = (
    "table_title",
    "unit_name",
    "project_code",
    "project_name",
    "department_name",
    "project_category",
    "project_nature",
    "purpose",
    "legal_basis",
)
INDICATOR_TEXTS = ("level2", "level3", "description", "basis", "note")


def shown_texts(doc: AltDoc, rows: dict[str, list[Row]], forms: list[Form]) -> list[list[str]]:
    """Per form, every golden text value that is printed as such, plus what the layout printed
    in other forms (amounts, coded names, check boxes, a date serial)."""
    out: list[list[str]] = []
    for k, (p, form) in enumerate(zip(doc.projects, forms, strict=True), 1):
        project = rows["projects"][k - 1]
        texts = [project[key] for key in PROJECT_TEXTS if project[key]]
        if p.period and p.period.parts:
            texts += list(p.period.parts)
        elif p.period:
            texts.append(project["period_raw"])
        texts += [g["text"] for g in rows["project_goals"] if g["project_seq"] == k]
        for ind, _ in form.indicators:
            assert ind.value is not None
            texts += [getattr(ind, key) for key in INDICATOR_TEXTS if getattr(ind, key)]
            texts += [ind.level1] if not ind.derived_level1 else []
            texts.append(ind.value.printed)
            if ind.weight:
                texts.append(ind.weight)
        out.append([*texts, *form.shown])
    return out


def fail_if(problems: Iterable[str], what: str) -> None:
    found = list(problems)
    if found:
        raise AssertionError(f"{what}: " + "; ".join(found[:12]))


def check_structure(doc: AltDoc, blocks: list[Any], data: bytes, txt: str) -> list[str]:
    """python-docx and a strict reader of the Tika convention see exactly the specified cells
    and paragraphs. Returns the .txt's cells and paragraphs."""
    want = [spec_rows(table) for table in iter_tables(blocks)]
    assert docx_tables(data) == want, f"{doc.stem}: python-docx reads other cells"
    paragraphs, tables = read_tika(txt)
    assert tables == want, f"{doc.stem}: the Tika text reads back as other cells"
    assert paragraphs == [b.text for b in blocks if isinstance(b, Para) and b.text], doc.stem
    return paragraphs + [cell for table in tables for row in table for cell in row]


def check_renderings(
    doc: AltDoc,
    texts: list[list[str]],
    forms: list[Form],
    data: bytes,
    txt_items: list[str],
    pdf: bytes,
) -> list[int]:
    """Every expected text in the .docx and the .txt; in the PDF, on its own form's pages.
    Returns the number of pages each form touches."""
    everything = [t for form in texts for t in form]
    fail_if(missing(everything, docx_texts(data)), f"{doc.stem}.docx misses")
    fail_if(missing(everything, txt_items), f"{doc.stem}.txt misses")
    pages = pdf_pages(pdf)
    # Each form's title line, in order (titles may repeat from form to form).
    starts: list[tuple[int, int]] = []
    k = 0
    for n, (_, lines, _) in enumerate(pages):
        for i, line in enumerate(lines):
            if k < len(doc.projects) and flat(line) == flat(doc.projects[k].title):
                starts.append((n, i))
                k += 1
    assert k == len(doc.projects), f"{doc.stem}: found {k} of {len(doc.projects)} form titles"
    assert starts[0] == (0, 0), f"{doc.stem}: the first form does not open the document"
    if doc.page_breaks:
        assert all(i == 0 for _, i in starts), f"{doc.stem}: a form does not start a page"
    else:
        assert any(i > 0 for _, i in starts), f"{doc.stem}: forms were meant to share pages"
    spans = []
    for k, (start, _) in enumerate(starts):
        if k + 1 < len(starts):
            nxt, at = starts[k + 1]
            end = nxt if at == 0 else nxt + 1
        else:
            end = len(pages)
        hay = [h for page in pages[start:end] for h in (page[0], *page[2])]
        fail_if(missing(texts[k], hay), f"{doc.stem}.pdf form {k + 1} misses")
        spans.append(end - start)
        if k + 1 in doc.flows:
            last = forms[k].indicators[-1][0]
            name = flat(last.level3 or last.description)
            later = "".join(flat(page[0]) for page in pages[start + 1 : end])
            assert end - start >= 2 and name in later, (
                f"{doc.stem}: form {k + 1}'s grid was meant to run onto the next page"
            )
        else:
            assert end - start <= 2 or not doc.page_breaks, f"{doc.stem}: form {k + 1} too long"
    if doc.page_breaks:
        for k in range(len(starts)):
            if k + 1 not in doc.flows:
                assert spans[k] == 1, f"{doc.stem}: form {k + 1} takes {spans[k]} pages"
    return spans


# --- main ---


def build(doc: AltDoc) -> tuple[list[Any], list[Form]]:
    layout = ALT_LAYOUTS[doc.variant]
    forms = [layout.render(doc, p, k) for k, p in enumerate(doc.projects, 1)]
    return [block for form in forms for block in form.blocks], forms


def main() -> None:
    assert len({d.stem for d in DOCUMENTS}) == len(DOCUMENTS), "stems must be distinct"
    assert {d.variant for d in DOCUMENTS} == set(ALT_LAYOUTS), "one document per variant"
    built = {d.stem: build(d) for d in DOCUMENTS}
    docx_bytes = {
        d.stem: render_docx(built[d.stem][0], f"{d.variant}（样例二）") for d in DOCUMENTS
    }
    texts = {stem: tika_text(data) for stem, data in docx_bytes.items()}
    pdfs = to_pdfs(docx_bytes)
    results = {}
    for doc in DOCUMENTS:  # check everything before writing anything
        blocks, forms = built[doc.stem]
        rows = golden(doc, forms)
        data, txt, pdf = docx_bytes[doc.stem], texts[doc.stem], pdfs[doc.stem]
        txt_items = check_structure(doc, blocks, data, txt)
        spans = check_renderings(doc, shown_texts(doc, rows, forms), forms, data, txt_items, pdf)
        results[doc.stem] = (rows, spans)
    SAMPLE_DIR.mkdir(parents=True, exist_ok=True)
    for doc in DOCUMENTS:
        rows, spans = results[doc.stem]
        data, txt, pdf = docx_bytes[doc.stem], texts[doc.stem], pdfs[doc.stem]
        for suffix, content in (("docx", data), ("pdf", pdf), ("txt", txt.encode("utf-8"))):
            (SAMPLE_DIR / f"{doc.stem}.{suffix}").write_bytes(content)
        for name in DATASETS:
            dump(GOLDEN_DIR / doc.stem / f"{name}.json", rows[name])
        n_ind = rows["documents"][0]["n_indicators"]
        print(
            f"{doc.stem}: {len(doc.projects)} projects, {n_ind} indicators, "
            f"PDF pages per form {spans}"
        )


if __name__ == "__main__":
    main()
