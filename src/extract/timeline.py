"""Each project followed across years, from an archive OUT that holds several years.

A project's code changes every year (it embeds the year: `13030421…` in 2021, `13030422…` in
2022), so projects are matched by their budget unit and their name instead: the unit code
when printed (else the unit name) and the project name with spacing and punctuation variants
folded (`label_key`). A renamed project starts a new line; that is reported, not guessed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import pandas as pd

from extract.api import load
from extract.normalizers.labels import label_key

COLUMNS = [
    "unit",
    "unit_name",
    "project_name",
    "fiscal_year",
    "project_codes",
    "budget_total_yuan",
    "n_indicators",
    "n_tables",
    "conflict",
    "budget_change_yuan",
    "years_present",
]


def history(out: Path | str) -> pd.DataFrame:
    """One row per project and fiscal year: budget, indicator count, change on the year before.

    `unit` is the matching key of the unit (code, else name). A project found in several
    tables of one year (the same document in two formats, a resubmission) counts once when
    the tables agree; when their budgets or indicator counts differ, both are left null and
    `n_tables` / `conflict` say so rather than adding them up. `budget_change_yuan` compares
    with the project's previous year present in OUT.
    """
    ds = load(out)
    projects = ds.projects
    if projects.empty:
        return pd.DataFrame({name: pd.Series(dtype="object") for name in COLUMNS})
    counts = ds.indicators.groupby(["doc_id", "project_seq"]).size().rename("n_indicators")
    frame = projects.join(counts, on=["doc_id", "project_seq"])
    frame["n_indicators"] = frame["n_indicators"].fillna(0).astype("int64")
    frame["unit"] = frame["unit_code"].fillna(frame["unit_name"]).fillna("")
    frame["name_key"] = frame["project_name"].fillna("").map(label_key)
    frame = frame[frame["name_key"] != ""]
    rows = []
    for keys, group in frame.groupby(["unit", "name_key", "fiscal_year"], dropna=False, sort=True):
        unit, name_key, year = cast(tuple[str, str, Any], keys)
        budgets = {b for b in group["budget_total_yuan"] if not pd.isna(b)}
        n_indicators = set(group["n_indicators"])
        conflict = len(budgets) > 1 or len(n_indicators) > 1
        rows.append(
            {
                "unit": unit,
                "name_key": name_key,
                "unit_name": group["unit_name"].dropna().iloc[0]
                if group["unit_name"].notna().any()
                else None,
                "project_name": group["project_name"].iloc[0],
                "fiscal_year": None if pd.isna(year) else int(year),
                "project_codes": ", ".join(sorted(set(group["project_code"].dropna()))),
                "budget_total_yuan": None if conflict or not budgets else budgets.pop(),
                "n_indicators": None if conflict else n_indicators.pop(),
                "n_tables": len(group),
                "conflict": conflict,
            }
        )
    result = pd.DataFrame(rows)
    key = ["unit", "name_key"]
    previous = result.groupby(key)["budget_total_yuan"].shift()
    result["budget_change_yuan"] = [
        None if a is None or b is None or pd.isna(b) else a - b
        for a, b in zip(result["budget_total_yuan"], previous, strict=True)
    ]
    result["years_present"] = result.groupby(key)["fiscal_year"].transform("count")
    result["fiscal_year"] = result["fiscal_year"].astype("Int16")
    result["n_indicators"] = result["n_indicators"].astype("Int64")
    return result[COLUMNS].reset_index(drop=True)


def history_table(frame: pd.DataFrame) -> str:
    """The history as text: a project per line, a column per year, `budget (indicators)`."""
    if frame.empty:
        return "no projects in this output"
    years = sorted({int(y) for y in frame["fiscal_year"].dropna()})
    has_unknown = frame["fiscal_year"].isna().any()
    headers = [str(y) for y in years] + (["unknown"] if has_unknown else [])
    rows: list[list[str]] = []
    for (unit_name, name), group in frame.groupby(["unit_name", "project_name"], sort=True):
        cells = {
            ("unknown" if pd.isna(y) else str(int(y))): _cell(b, n)
            for y, b, n in zip(
                group["fiscal_year"], group["budget_total_yuan"], group["n_indicators"], strict=True
            )
        }
        rows.append([str(unit_name), str(name), *[cells.get(h, "-") for h in headers]])
    head = ["unit", "project", *headers]
    widths = [max(_width(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)) for r in [head, *rows]]
    return "\n".join(line.rstrip() for line in lines)


def _cell(budget: Any, n_indicators: Any) -> str:
    amount = "?" if budget is None or pd.isna(budget) else f"{budget}"
    count = "?" if n_indicators is None or pd.isna(n_indicators) else f"{n_indicators}"
    return f"{amount} ({count})"


def _width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
