"""Sample documents of the `declaration_form` family, with their golden rows.

Run: `.venv/bin/python samples/forms/make_forms.py` (deterministic bytes; about ten seconds,
most of it LibreOffice). It writes, for every sample below,

- samples/declaration_form/<stem>.docx — python-docx, real gridSpan / vMerge cells, one form
  per project, each form's title paragraph starting a new page;
- samples/declaration_form/<stem>.txt — Apache Tika's plain text of that .docx (emulated);
- samples/declaration_form/<stem>.pdf — the .docx printed by LibreOffice (make_pdfs.convert,
  normalized);
- tests/golden/declaration_form/<stem>/<dataset>.json — the expected rows of documents,
  projects, project_goals, spending_plan, indicators, department_goals and measures (per-file
  columns left out, as tests/golden_io.py writes them).

The golden rows are made from the same content spec the document is printed from
(samples/forms/variants.py), by the Conventions of ../shared/TEMPLATES.md — never by running the
extractor. Before anything is written every rendering is read back: python-docx and a strict
reader of the Tika convention must see exactly the specified cells and paragraphs; every
expected text value must show in the .docx (python-docx), in the .txt (the repository's Tika
reader) and in the PDF pages of its own form (pdfplumber text and table cells; every form
starts a page with its title and takes at most two pages).

Samples (stem — variant: what it exercises):

- shanghai_putuo_2026 — 上海 普陀 2026: 3 projects of one unit; amounts in 元 with thousands
  separators, a carryover, left/right 其他资金; =100.00(%) ≥90.00(%) 985米 可控 降低 12月底前;
  goals numbered, numbered inline, unnumbered (one without a final 。).
- shanghai_putuo_2026_b — 上海 普陀 2026: 2 projects of two units (document unit null); blank
  amount cells (null), a pointer 项目总目标 (详见单位的项目绩效目标表: no goal row); ≥80M, bare 0,
  ≥12000人次.
- xiangtan_2023 — 湖南 湘潭 2023: titles numbered before the year (`1.2023年…`); no unit printed;
  本级 `386万` + 上级 `0` / `86.5万` + `120万`; 2023.07-2024.01 and 2023.03-2024.02 (leap day);
  every 二级 row printed, empty ones give no indicator; 10辆 不低于95% 95%以上 降低.
- ningxiang_2022 — 湖南 宁乡: check boxes (延续项目 / 新增项目 ticked); 年度资金总额及构成 as
  inline `财政拨款:1386.0472万元(其中:…)` lines (4 decimals of 万元), other = 自有资金 + 其他;
  项目概况, 项目立项的依据; 目标1：… inline and one a paragraph; twin grids 长期 then 年度 inside
  the form's table, no 三级 (指标内容 is the description), 备注 notes.
- jiaxian_2021 — 陕西 佳县: check boxes with a space; 年度资金总额及构成（万元） label/value cells,
  other = 自有资金 + 事业收入 + 经营性收入 + 其他 (12.35 + 0 + 0 + 20.00); 项目起止时间
  2021年3月-2021年11月; twin grids as tables of their own (title row 长期绩效指标 / 年度绩效指标),
  no 三级; 及时.
- wuhan_qingshan_2020 — 湖北 武汉青山 2020: 主管部门及编码 `[015001]…` (code dropped); 资金总额
  `3600万元` beside 当年资金总额; side-by-side 中期/年度 grid with 一级 on every row, an empty 中期
  half (二级 printed, no 三级) and an empty 年度 half; 2020年1月1日-2022年12月31日.
- wuhan_qingshan_2020_b — 湖北 武汉青山 2020: 2 units of one department (document unit null);
  202001-202212 periods; a pointer 中期目标 `（包括总目标、年度目标、分解目标等，具体见表格）`;
  ≤10个工作日, ≤65万元, ≤5‰, 95%以上, 及时.
- dongguan_2019 — 广东 东莞 2019: year inside the title line; 预算单位; 中期市财政预算(万元) /
  本年度申请市财政预算资金(万元); no period (the 中期滚动目标(2019年--2021年) label is not one);
  绩效指标 label column, 一级 预期产出指标/效果指标 merged over 中期/年度 halves, 二级 with
  parentheses; ±3%以内 ±5%以内 及时 0% 180万.
- fengjie_2023 — 重庆 奉节 2023: page titles `N.<项目名称>支出绩效目标审批表` with a year line;
  project codes with the division code 500236; amount labels in a row, values below,
  财政资金科目代码 (not mapped); a funds-block row 年度预算执行率 | 100% | 分值 | 10分 (no
  indicator); score bands in 一级, 分值 weights, 指标解释; ≤65万元 ≤0.6万元/公里 可控; one
  unnumbered goal.
- wuhai_2021 — 内蒙古 乌海 2021: codes in parentheses: 项目类别 `(31)部门预算项目`, 主管部门
  `(215)…(部门)`, 实施单位 `(215003)…`; 投入目标(万元) 45.6 / 45.6 / 0 and 18 / 15 / 3; 目标1：…
  inline and one a paragraph; 指标性质 holds 正向/反向, 指标方向 holds = ≥ ≤, 目标值, 计量单位
  (人/次), 分值, 备注; an Excel date serial 44,561 in a 时效 目标值 (2021-12-31).
- wuhai_2021_b — 内蒙古 乌海 2021: 2 units (document unit null); 指标性质 `定性` rows (text, no
  comparator, no direction); 万人次 小时/周 in 计量单位; 反向 ≤ rows; one unnumbered 年度目标.
- ezhou_2022 — 湖北 鄂州 2022: year inside the title line; project codes with the division code
  420700; 项目类别, 项目性质, 立项依据; a 项目预算成本构成 block (合计 = budget total, two prior
  years); the grid's 一级 column prints 二级 names (merged), 二级 column the indicator: level1
  derived; 绩效标准.
- shaanxi_2020 — 陕西 省级 2020: the year in parentheses on the title line (kept); a `单位：万元`
  line; 单位名称 `301008-…` (unit code); label cells 资金总额 / 财政拨款 / 其他资金 / 年度目标;
  bare `2` and `11`, 优良, 及时, ≤10个工作日, 4次/年.

Modules: formlib.py (tables with spans -> .docx, Tika text, PDF), spec.py (content model and
value helpers), layouts.py (one printing function and amount rule per variant), variants.py
(the content).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(HERE), str(ROOT / "tests"), str(ROOT / "src")]

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
from layouts import LAYOUTS, UNIT_FACTOR, Form  # noqa: E402
from spec import DIRECTIONS, LEVEL1_CODES, LEVEL2_CODES, DocSpec, Ind, Project  # noqa: E402
from variants import DOCUMENTS  # noqa: E402

from extract.parsers.tika_text import parse_tika_text  # noqa: E402
from golden_io import dump  # noqa: E402

SAMPLE_DIR = ROOT / "samples" / "declaration_form"
GOLDEN_DIR = ROOT / "tests" / "golden" / "declaration_form"
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
MAX_PAGES_PER_FORM = 2

Row = dict[str, Any]


# --- golden rows ---


def yuan(amount: Decimal | None, unit: str | None) -> str | None:
    if amount is None:
        return None
    assert unit is not None
    return f"{(amount * UNIT_FACTOR[unit]).quantize(CENT)}"


def project_row(doc: DocSpec, k: int, p: Project) -> Row:
    unit, money = LAYOUTS[doc.variant].amounts(p)
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


def goal_rows(doc: DocSpec, k: int, p: Project) -> list[Row]:
    """Long-term first: every layout prints it left of or above the annual cell."""
    texts = [(g, "long_term") for g in (p.long_goals.rows if p.long_goals else ())]
    texts += [(g, "annual") for g in (p.annual_goals.rows if p.annual_goals else ())]
    return [
        {"fiscal_year": doc.fiscal_year, "project_seq": k, "seq": n, "text": t, "horizon": h}
        for n, (t, h) in enumerate(texts, 1)
    ]


def check_printed_fields(doc: DocSpec, ind: Ind) -> None:
    """The golden row claims only what the variant's grid prints."""
    layout = LAYOUTS[doc.variant]
    for name in ("description", "basis", "note", "weight", "columns"):
        if name not in layout.prints:
            assert getattr(ind, name) is None, f"{doc.stem}: {name} is not printed: {ind}"
    if not layout.has_level3:
        assert ind.level3 is None and ind.description, ind
    else:
        assert ind.level3, ind
    assert ind.derived_level1 == ("derived_level1" in layout.prints), ind


def indicator_rows(doc: DocSpec, k: int, form: Form) -> list[Row]:
    rows = []
    for n, (ind, horizon) in enumerate(form.indicators, 1):
        check_printed_fields(doc, ind)
        value = ind.value
        assert value is not None
        nature = ind.columns.nature if ind.columns else None
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
                "direction": DIRECTIONS[nature] if nature else None,
                "weight": f"{Decimal(ind.weight).quantize(CENT)}" if ind.weight else None,
            }
        )
    return rows


def golden(doc: DocSpec, forms: list[Form]) -> dict[str, list[Row]]:
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


def shown_texts(doc: DocSpec, rows: dict[str, list[Row]], forms: list[Form]) -> list[list[str]]:
    """Per form, every golden text value that is printed as such, plus what the layout printed
    in other forms (amounts, coded names, the printed form of a derived value)."""
    out: list[list[str]] = []
    for k, (p, form) in enumerate(zip(doc.projects, forms, strict=True), 1):
        project = rows["projects"][k - 1]
        texts = [project[key] for key in PROJECT_TEXTS if project[key]]
        assert p.period is None or p.period.parts or project["period_raw"]
        texts += list(p.period.parts) if p.period and p.period.parts else []
        texts += [project["period_raw"]] if p.period and not p.period.parts else []
        texts += [g["text"] for g in rows["project_goals"] if g["project_seq"] == k]
        for ind, _ in form.indicators:
            assert ind.value is not None
            texts += [getattr(ind, key) for key in INDICATOR_TEXTS if getattr(ind, key)]
            texts += [ind.level1] if not ind.derived_level1 else []
            texts.append(ind.value.printed)
        out.append([*texts, *form.shown])
    return out


def fail_if(problems: Iterable[str], what: str) -> None:
    found = list(problems)
    if found:
        raise AssertionError(f"{what}: " + "; ".join(found[:12]))


def check_structure(doc: DocSpec, blocks: list[Any], data: bytes, txt: str) -> None:
    """python-docx and a strict reader of the Tika convention see exactly the specified cells
    and paragraphs. (The repository's Tika reader is not the oracle here: in a mostly regular
    table it joins short rows by design, see its `_group_rows`.)"""
    want = [spec_rows(table) for table in iter_tables(blocks)]
    assert docx_tables(data) == want, f"{doc.stem}: python-docx reads other cells"
    paragraphs, tables = read_tika(txt)
    assert tables == want, f"{doc.stem}: the Tika text reads back as other cells"
    assert paragraphs == [b.text for b in blocks if isinstance(b, Para) and b.text], doc.stem


def check_renderings(
    doc: DocSpec, texts: list[list[str]], data: bytes, txt: str, pdf: bytes
) -> list[int]:
    """Every expected text in the .docx and the .txt; in the PDF, on its own form's pages.
    Returns the number of pages of each form."""
    everything = [t for form in texts for t in form]
    fail_if(missing(everything, docx_texts(data)), f"{doc.stem}.docx misses")
    parsed = parse_tika_text(txt.encode("utf-8"))
    cells = [c.text for t in parsed.tables() for c in t.cells]
    fail_if(missing(everything, cells + [p.text for p in parsed.paragraphs()]), f"{doc.stem}.txt")
    pages = pdf_pages(pdf)
    titles = [
        flat(f"{k}.{p.title}" if doc.numbered_titles else p.title)
        for k, p in enumerate(doc.projects, 1)
    ]
    starts = [n for n, (_, lines, _) in enumerate(pages) if lines and flat(lines[0]) in titles]
    assert len(starts) == len(doc.projects) and starts[0] == 0, f"{doc.stem}: form starts {starts}"
    ends = [*starts[1:], len(pages)]
    for k, (start, end) in enumerate(zip(starts, ends, strict=True)):
        assert flat(pages[start][1][0]) == titles[k], f"{doc.stem}: form {k + 1} title"
        hay = [h for page in pages[start:end] for h in (page[0], *page[2])]
        fail_if(missing(texts[k], hay), f"{doc.stem}.pdf form {k + 1} misses")
        assert end - start <= MAX_PAGES_PER_FORM, f"{doc.stem}: form {k + 1} takes {end - start}"
    return [end - start for start, end in zip(starts, ends, strict=True)]


# --- main ---


def build(doc: DocSpec) -> tuple[list[Any], list[Form]]:
    layout = LAYOUTS[doc.variant]
    forms = [layout.render(doc, p, k) for k, p in enumerate(doc.projects, 1)]
    return [block for form in forms for block in form.blocks], forms


def main() -> None:
    assert len({d.stem for d in DOCUMENTS}) == len(DOCUMENTS), "stems must be distinct"
    built = {d.stem: build(d) for d in DOCUMENTS}
    docx_bytes = {d.stem: render_docx(built[d.stem][0], f"{d.variant}（样例）") for d in DOCUMENTS}
    texts = {stem: tika_text(data) for stem, data in docx_bytes.items()}
    pdfs = to_pdfs(docx_bytes)
    SAMPLE_DIR.mkdir(parents=True, exist_ok=True)
    for doc in DOCUMENTS:
        blocks, forms = built[doc.stem]
        rows = golden(doc, forms)
        data, txt, pdf = docx_bytes[doc.stem], texts[doc.stem], pdfs[doc.stem]
        check_structure(doc, blocks, data, txt)
        pages = check_renderings(doc, shown_texts(doc, rows, forms), data, txt, pdf)
        for suffix, content in (("docx", data), ("pdf", pdf), ("txt", txt.encode("utf-8"))):
            (SAMPLE_DIR / f"{doc.stem}.{suffix}").write_bytes(content)
        for name in DATASETS:
            dump(GOLDEN_DIR / doc.stem / f"{name}.json", rows[name])
        n_ind = rows["documents"][0]["n_indicators"]
        print(
            f"{doc.stem}: {len(forms)} projects, {n_ind} indicators, "
            f"{sum(pages)} PDF pages (per form {pages})"
        )


if __name__ == "__main__":
    main()
