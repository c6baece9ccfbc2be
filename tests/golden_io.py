"""Reading and writing golden rows as reviewable JSON (one file per dataset)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

# Columns that legitimately differ between formats of the same content, or between runs.
PER_FILE_COLUMNS = frozenset(
    {
        "doc_id",
        "source_path",
        "source_format",
        "sha256",
        "file_size",
        "extracted_at",
        "extractor_version",
        "encoding",
        "n_pages",
        "n_pages_parsed",
        "ocr_pages",
        "ocr_confidence",
        "sheets",
        "source_location",
        "location",
    }
)


# Columns computed from other columns of the golden rows (the project's code repeated on its
# indicators, the division of a printed region code or unit name): tests/test_denormal.py checks
# them on every sample by their rule, so goldens written by the sample generators need not.
DERIVED_COLUMNS = {
    "documents": frozenset({"division_code", "region_name", "region_source"}),
    "projects": frozenset({"division_code", "region_name", "region_source"}),
    "indicators": frozenset({"project_code", "project_name"}),
    "issues": frozenset({"project_code", "project_name"}),
}


def comparable(rows: list[dict[str, Any]], dataset: str | None = None) -> list[dict[str, Any]]:
    """Rows with per-file (and, given the dataset, derived) columns dropped and values made
    JSON-exact (Decimal as text, dates as ISO `YYYY-MM-DD`)."""
    skip = PER_FILE_COLUMNS | DERIVED_COLUMNS.get(dataset or "", frozenset())
    out = []
    for row in rows:
        clean: dict[str, Any] = {}
        for key, value in row.items():
            if key in skip:
                continue
            if isinstance(value, Decimal):
                value = f"{value}"
            elif isinstance(value, date):
                value = value.isoformat()
            clean[key] = value
        out.append(clean)
    return out


def dump(path: Path, rows: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def load(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return rows
