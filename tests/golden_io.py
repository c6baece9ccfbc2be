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
        "sheets",
        "source_location",
        "location",
    }
)


def comparable(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with per-file columns dropped and values made JSON-exact (Decimal as text, dates
    as ISO `YYYY-MM-DD`)."""
    out = []
    for row in rows:
        clean: dict[str, Any] = {}
        for key, value in row.items():
            if key in PER_FILE_COLUMNS:
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
