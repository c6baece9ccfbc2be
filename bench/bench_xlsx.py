"""Workbook parsing speed against openpyxl's bare row walk, and memory over many workbooks.

On the same files in one process, built here with openpyxl (no sample files needed):

  flat_2000.xlsx   a county flat sheet: title, `金额单位:元`, header on row 3, 2,000 rows of
                   12 columns, unit/project/amount/goal cells merged down over each project
  budget.xlsx      a 部门预算公开 workbook: 收支总表, 部门项目支出预算05-1, 部门项目支出绩效目标05-2
  province.xlsx    20 sheets, one declaration form per project

each timed per workbook as

  ours: parse               the whole parser (cells as printed, merges, blocks, the model),
                            through the registry's `parse` as `extract_file` calls it (with
                            its fewer garbage collections, `extract.collector`)
  openpyxl iter_rows        `load_workbook(read_only=True, data_only=True)`, then
                            `for row in ws.iter_rows(values_only=True)` over every sheet: the
                            bare walk, no formats, no merges, no model
  openpyxl full load        `load_workbook(data_only=True)` and every cell's value and
                            number_format: what a parser built on openpyxl would start from
  python-calamine           `to_python()` and `merged_cell_ranges` of every sheet, when installed

With LibreOffice on the machine the files are also saved as .xls and parse_xls is timed against
xlrd's bare `open_workbook(formatting_info=True)`. Then memory: `--docs` distinct workbooks
(a 200-row flat sheet, each copy with its own unit name) parsed one after the other, resident
memory read after the first 100 and after all of them. Prints figures, asserts nothing.
Usage: python bench/bench_xlsx.py [--docs N] [--repeats R]
"""

from __future__ import annotations

import argparse
import gc
import io
import random
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl
from benchlib import Timing, extract_cold, status_kib, time_methods
from openpyxl.worksheet.worksheet import Worksheet

from extract.parsers.registry import parse
from extract.parsers.xlsx_parser import parse_xlsx

HEADER = [
    "单位名称",
    "项目名称",
    "预算数",
    "年度目标",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "指标值",
    "度量单位",
    "权重",
    "指标方向性",
]
LEVELS = [
    ("产出指标", "数量指标"),
    ("产出指标", "质量指标"),
    ("产出指标", "时效指标"),
    ("效益指标", "社会效益指标"),
    ("满意度指标", "服务对象满意度指标"),
    ("成本指标", "经济成本指标"),
]


# --- workbooks ----------------------------------------------------------------------------


def flat_sheet(ws: Worksheet, n_rows: int, seed: int = 1, unit: str = "某某镇人民政府") -> None:
    """A county sheet: department subtotal rows, projects of 4-10 indicator rows each."""
    rnd = random.Random(seed)
    ws.append(["井研县部门预算项目绩效目标申报表(2023年度)"])
    ws.merge_cells("A1:L1")
    ws.append(["金额单位:元"])
    ws.append(HEADER)
    r, dept = 4, 0
    while r < n_rows + 4:
        dept += 1
        ws.cell(r, 1, f"{800 + dept}-{unit}部门")
        ws.cell(r, 3, rnd.randint(10**5, 10**7) + 0.53).number_format = "#,##0.00"
        r += 1
        for p in range(rnd.randint(2, 6)):
            start, k = r, rnd.randint(4, 10)
            ws.cell(r, 1, f"{800 + dept}{p + 1:03d}-{unit}")
            ws.cell(r, 2, f"村组干部报酬{dept}-{p}")
            ws.cell(r, 3, rnd.randint(10**4, 10**7)).number_format = "#,##0.00"
            ws.cell(r, 4, "1.按时发放村组干部报酬\n2.维护社会稳定")
            for i in range(k):
                level1, level2 = LEVELS[i % len(LEVELS)]
                value = rnd.choice([95, 100, 0.9, "按时"])
                row = [level1, level2, f"指标{i}", "≥", value, "%", 10, "正向指标"]
                for j, v in enumerate(row):
                    ws.cell(r, 5 + j, v)
                if isinstance(value, float):
                    ws.cell(r, 9).number_format = "0%"
                r += 1
            for col in "ABCD":
                ws.merge_cells(f"{col}{start}:{col}{r - 1}")
            if r >= n_rows + 4:
                break


def flat_workbook(n_rows: int, seed: int = 1, unit: str = "某某镇人民政府") -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    flat_sheet(ws, n_rows, seed, unit)
    return _save(wb)


def budget_workbook() -> bytes:
    rnd = random.Random(2)
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "收支总表"
    ws.append(["收支总表"])
    ws.merge_cells("A1:D1")
    ws.append(["部门：某某局", None, None, "单位：万元"])
    ws.append(["收入", None, "支出", None])
    ws.merge_cells("A3:B3")
    ws.merge_cells("C3:D3")
    ws.append(["项目", "预算数", "项目", "预算数"])
    for i in range(30):
        ws.append([f"收入项{i}", rnd.random() * 1000, f"支出项{i}", rnd.random() * 1000])
    ws = wb.create_sheet("部门项目支出预算05-1")
    ws.append(["部门项目支出预算表"])
    ws.append(["单位：万元"])
    ws.append(["单位名称", "项目名称", "合计", "财政拨款", "其他"])
    for i in range(60):
        ws.append([f"某单位{i}", f"项目{i}", 10.5 * i, 10 * i, 0.5 * i])
    ws = wb.create_sheet("部门项目支出绩效目标05-2")
    ws.append(["部门项目支出绩效目标表"])
    ws.merge_cells("A1:H1")
    ws.append(["单位：万元"])
    ws.append(["单位名称", "项目名称", "年度目标", "一级指标", "二级指标", "三级指标", "指标性质"])
    r = 4
    for p in range(30):
        start = r
        for i in range(6):
            level1, level2 = LEVELS[i]
            ws.append([f"某单位{p}", f"项目{p}", "目标", level1, level2, f"指标{i}", "≥", 0.95])
            ws.cell(r, 8).number_format = "0%"
            r += 1
        for col in "ABC":
            ws.merge_cells(f"{col}{start}:{col}{r - 1}")
    return _save(wb)


def province_workbook(n_projects: int = 20) -> bytes:
    wb = openpyxl.Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    for p in range(n_projects):
        ws = wb.create_sheet(f"项目{p + 1}")
        ws.append(["项目绩效目标表"])
        ws.merge_cells("A1:F1")
        ws.append(["项目名称", f"项目{p}"])
        ws.append(["单位名称", "某某厅"])
        ws.append(["资金总额", 100, "财政拨款", 90, "其他资金", 10])
        ws.append(["年度目标", "目标一\n目标二"])
        for row in (2, 3, 5):
            ws.merge_cells(f"B{row}:F{row}")
        ws.append(["一级指标", "二级指标", "三级指标", None, "指标值", None])
        for i in range(12):
            level1, level2 = LEVELS[i % 6]
            ws.append([level1, level2, f"指标{i}", None, "≥95%", None])
    return _save(wb)


def _save(wb: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# --- the methods compared -----------------------------------------------------------------


def openpyxl_iter_rows(data: bytes) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    for ws in wb.worksheets:
        for _ in ws.iter_rows(values_only=True):
            pass
    wb.close()


def openpyxl_full(data: bytes) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                cell.value  # noqa: B018 - the walk is the point
                cell.number_format  # noqa: B018
    wb.close()


def calamine_method() -> Callable[[bytes], None] | None:
    try:
        import python_calamine
    except ImportError:
        return None

    def run(data: bytes) -> None:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            sheet.to_python(skip_empty_area=False)
            sheet.merged_cell_ranges  # noqa: B018

    return run


def xlrd_bare(data: bytes) -> None:
    import xlrd  # type: ignore[import-untyped]

    book = xlrd.open_workbook(file_contents=data, formatting_info=True, logfile=io.StringIO())
    for sheet in book.sheets():
        for r in range(sheet.nrows):
            sheet.row_values(r)
    book.release_resources()


def to_xls(named: dict[str, bytes]) -> dict[str, bytes]:
    """The same workbooks saved by LibreOffice as .xls; empty without LibreOffice."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, data in named.items():
            (folder / name).write_bytes(data)
        sources = [str(folder / name) for name in named]
        command = [soffice, "--headless", "--convert-to", "xls", "--outdir", str(folder / "xls")]
        subprocess.run(
            [*command, *sources],
            check=True,
            capture_output=True,
            timeout=600,
        )
        return {
            name.replace(".xlsx", ".xls"): (
                folder / "xls" / name.replace(".xlsx", ".xls")
            ).read_bytes()
            for name in named
        }


# --- report -------------------------------------------------------------------------------


def table(
    title: str, files: dict[str, bytes], methods: dict[str, Callable[[bytes], object]], repeats: int
) -> dict[str, dict[str, Timing]]:
    results = {name: time_methods(methods, data, repeats) for name, data in files.items()}
    width = max(len(m) for m in methods) + 2
    print(f"\n{title}: ms per workbook, best / median of {repeats} (one process, one core)")
    print(" " * width + "".join(f"{n:>22}" for n in files))
    for method in methods:
        cells = "".join(
            f"{results[n][method].best * 1000:>12.1f} /{results[n][method].median * 1000:>8.1f}"
            for n in files
        )
        print(f"{method:<{width}}{cells}")
    ours = next(iter(methods))
    print(f"ratio {ours} / other, best times")
    for other in list(methods)[1:]:
        cells = "".join(f"{results[n][ours].best / results[n][other].best:>21.2f}x" for n in files)
        print(f"{'  / ' + other:<{width}}{cells}")
    return results


def ours_xlsx(data: bytes) -> object:
    return parse(data, "xlsx")


def ours_xls(data: bytes) -> object:
    return parse(data, "xls")


def memory_run(n_docs: int) -> None:
    first = min(100, n_docs)
    print(f"\nmemory: {n_docs} distinct 200-row workbooks parsed in one process")
    start = time.perf_counter()
    copies = [flat_workbook(200, seed=i, unit=f"某某镇{i}") for i in range(n_docs)]
    print(f"  copies built in {time.perf_counter() - start:.1f} s")
    gc.collect()
    before = status_kib("VmRSS")
    after_first = before
    start = time.perf_counter()
    for i, data in enumerate(copies):
        doc = parse_xlsx(data)
        del doc
        if i + 1 == first:
            after_first = status_kib("VmRSS")
    elapsed = time.perf_counter() - start
    after_all = status_kib("VmRSS")
    print(f"  parsed in {elapsed:.1f} s ({elapsed * 1000 / n_docs:.1f} ms/workbook)")
    if before is None or after_first is None or after_all is None:
        print("  (no /proc: resident memory not shown)")
        return
    growth = after_all - after_first
    print(f"  RSS before the loop: {before / 1024:8.1f} MiB")
    print(f"  RSS after {first:>4} workbooks: {after_first / 1024:8.1f} MiB")
    print(f"  RSS after {n_docs:>4} workbooks: {after_all / 1024:8.1f} MiB")
    print(
        f"  growth from workbook {first} to {n_docs}: {growth / 1024:+.1f} MiB"
        f" ({growth / max(n_docs - first, 1):+.2f} KiB/workbook; target: flat)"
    )


def whole_extraction(data: bytes, repeats: int) -> float:
    """Best seconds of extract_file on the workbook, caches cleared each time."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "flat_2000.xlsx"
        path.write_bytes(data)
        best = float("inf")
        for _ in range(repeats):
            start = time.perf_counter()
            extract_cold(path, path.name)
            best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=500, help="workbooks in the memory run")
    parser.add_argument("--repeats", type=int, default=9, help="timed runs per method and file")
    args = parser.parse_args()

    files = {
        "flat_2000.xlsx": flat_workbook(2000),
        "budget.xlsx": budget_workbook(),
        "province.xlsx": province_workbook(),
    }
    for name, data in files.items():
        doc = parse_xlsx(data)
        n_cells = sum(len(t.cells) for t in doc.tables())
        print(f"{name}: {len(data) / 1024:.1f} KiB, {len(doc.blocks)} blocks, {n_cells} cells")
    methods: dict[str, Callable[[bytes], object]] = {
        "ours: parse": ours_xlsx,
        "openpyxl iter_rows": openpyxl_iter_rows,
        "openpyxl full load": openpyxl_full,
    }
    calamine = calamine_method()
    if calamine is not None:
        methods["python-calamine"] = calamine
    results = table("xlsx", files, methods, args.repeats)
    if calamine is None:
        print("python-calamine not installed (pip install python-calamine)")
    best = results["flat_2000.xlsx"]["ours: parse"].best
    print(f"\n2,000-row flat sheet: parse {best * 1000:.0f} ms (target: well under 1 s)")
    whole = whole_extraction(files["flat_2000.xlsx"], args.repeats)
    print(f"2,000-row flat sheet, whole extraction (parse, templates, rows): {whole * 1000:.0f} ms")

    xls = to_xls(files)
    if xls:
        xls_methods: dict[str, Callable[[bytes], object]] = {
            "ours: parse": ours_xls,
            "xlrd open + row_values": xlrd_bare,
        }
        if calamine is not None:
            xls_methods["python-calamine"] = calamine
        table("xls (saved by LibreOffice)", xls, xls_methods, args.repeats)
    else:
        print("\nLibreOffice not installed: .xls not timed")

    memory_run(args.docs)


if __name__ == "__main__":
    main()
