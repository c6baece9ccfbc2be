"""The column dictionary: a Chinese label and an English description for every dataset column.

The labels and descriptions are data, in `columns.toml` beside this module. It is read once,
checked against the Arrow schemas (`extract.schema.SCHEMAS`: every column has an entry with a
non-empty `zh` and `description`, no entry names a column that does not exist, no two columns
of a dataset share a label) and then answers `label_zh`, `description` and `dictionary()`.

`python -m extract.columns` prints the data dictionary, docs/DATA-DICTIONARY.md (`make docs`
regenerates it; a test fails when it is out of date).
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import pyarrow as pa

from extract.schema import ALL_DATASETS, SCHEMAS

__all__ = [
    "ANNOUNCED",
    "ColumnDoc",
    "ColumnsError",
    "Entry",
    "description",
    "dictionary",
    "entries",
    "label_zh",
    "main",
    "render",
    "type_name",
    "validate",
]

RESOURCE = "columns.toml"
COMMON = "common"  # [common.COLUMN]: a shared key column, declared once
FIELDS = ("zh", "description")

# Columns announced for a schema but possibly not in it yet: their entries are tolerated while
# the schema lacks them, and required like any other once it has them. `documents.n_pages_parsed`
# (the PDF pages table-parsed, from the page-triage work) is being added to schema.py; drop it
# from here once that has landed.
ANNOUNCED: frozenset[tuple[str, str]] = frozenset({("documents", "n_pages_parsed")})

# What a row of each dataset is, and the columns that key it (the sort order is SORT_KEYS).
_DATASET_ROWS: dict[str, tuple[str, tuple[str, ...]]] = {
    "documents": ("one row per input file", ("doc_id",)),
    "department_goals": (
        "part one of a document (部门整体绩效目标)",
        ("doc_id", "seq"),
    ),
    "measures": ("工作保障措施", ("doc_id", "seq")),
    "projects": (
        "one row per project (a project table, a form, a block of a flat sheet, a narrative sheet)",
        ("doc_id", "project_seq"),
    ),
    "project_goals": ("the 绩效目标 list of a project", ("doc_id", "project_seq", "seq")),
    "spending_plan": ("资金支出计划（%）", ("doc_id", "project_seq", "seq")),
    "indicators": ("one row per performance indicator", ("doc_id", "project_seq", "seq")),
    "issues": ("what validation found", ("doc_id", "seq")),
    "files": ("one row per input path", ("source_path",)),
}


class ColumnsError(ValueError):
    """columns.toml does not match the schemas; the message names every offending column."""


@dataclass(frozen=True, slots=True)
class Entry:
    zh: str
    description: str


@dataclass(frozen=True, slots=True)
class ColumnDoc:
    """One column of the data dictionary."""

    dataset: str
    column: str
    type: str  # the Arrow type as SCHEMA.md spells it: `string`, `decimal128(18,2)`, …
    zh: str
    description: str


Columns = dict[str, dict[str, Entry]]


def validate(
    data: Mapping[str, Any],
    schemas: Mapping[str, pa.Schema] | None = None,
    announced: frozenset[tuple[str, str]] = ANNOUNCED,
    where: str = f"src/extract/{RESOURCE}",
) -> Columns:
    """The entries of a parsed columns.toml, per dataset and column; ColumnsError naming each
    `dataset.column` that is missing, incomplete or unknown to `schemas` (default SCHEMAS)."""
    schemas = SCHEMAS if schemas is None else schemas
    problems: list[str] = [
        f"[{name}]: no such dataset (the datasets are {', '.join(schemas)})"
        for name in data
        if name != COMMON and name not in schemas
    ]
    common = _entries(data, COMMON, problems)
    for column in common:
        if not any(column in schema.names for schema in schemas.values()):
            problems.append(f"{COMMON}.{column}: no dataset has a column {column!r}")
    out: Columns = {}
    for dataset, schema in schemas.items():
        own = _entries(data, dataset, problems)
        names = list(schema.names)
        for column in own:
            if column not in names and (dataset, column) not in announced:
                problems.append(f"{dataset}.{column}: no such column in the {dataset} schema")
        extra = [c for c in own if c not in names and (dataset, c) in announced]
        resolved: dict[str, Entry] = {}
        for column in [*names, *extra]:
            entry = _resolve(dataset, column, own.get(column), common.get(column), problems)
            if entry is not None:
                resolved[column] = entry
        _check_unique(dataset, resolved, problems)
        out[dataset] = resolved
    if problems:
        raise ColumnsError(f"{where} does not match the schemas:\n  " + "\n  ".join(problems))
    return out


def _entries(
    data: Mapping[str, Any], name: str, problems: list[str]
) -> dict[str, Mapping[str, Any]]:
    """The [name.COLUMN] tables of `data`, each checked for keys other than zh/description."""
    table = data.get(name, {})
    if not isinstance(table, Mapping):
        problems.append(f"{name}: expected a table of columns, got {table!r}")
        return {}
    out: dict[str, Mapping[str, Any]] = {}
    for column, entry in table.items():
        if not isinstance(entry, Mapping):
            problems.append(f"{name}.{column}: expected a table with zh and description")
            continue
        unknown = sorted(set(entry) - set(FIELDS))
        if unknown:
            keys = ", ".join(repr(k) for k in unknown)
            problems.append(f"{name}.{column}: unknown key {keys} (only zh, description)")
        out[column] = entry
    return out


def _resolve(
    dataset: str,
    column: str,
    own: Mapping[str, Any] | None,
    common: Mapping[str, Any] | None,
    problems: list[str],
) -> Entry | None:
    """The dataset's entry for the column over the common one; None (and a problem) if the
    two together do not give a non-empty zh and description."""
    if own is None and common is None:
        problems.append(
            f"{dataset}.{column}: no entry (add [{dataset}.{column}] with zh and description)"
        )
        return None
    values: dict[str, str] = {}
    for key in FIELDS:
        value = (own or {}).get(key, (common or {}).get(key))
        if value is None:
            problems.append(f"{dataset}.{column}: no {key}")
        elif not isinstance(value, str) or not value.strip():
            problems.append(f"{dataset}.{column}: {key} must be a non-empty string, got {value!r}")
        else:
            values[key] = " ".join(value.split())
    if len(values) < len(FIELDS):
        return None
    return Entry(zh=values["zh"], description=values["description"])


def _check_unique(dataset: str, entries: Mapping[str, Entry], problems: list[str]) -> None:
    seen: dict[str, str] = {}
    for column, entry in entries.items():
        first = seen.setdefault(entry.zh, column)
        if first != column:
            problems.append(
                f"{dataset}.{column}: zh {entry.zh!r} is already the label of {dataset}.{first}"
            )


@cache
def entries() -> Columns:
    """columns.toml, read and validated once."""
    text = resources.files("extract").joinpath(RESOURCE).read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ColumnsError(f"src/extract/{RESOURCE}: {exc}") from exc
    return validate(data)


def _entry(dataset: str, column: str) -> Entry:
    try:
        return entries()[dataset][column]
    except KeyError:
        raise KeyError(f"no column {dataset}.{column} in the column dictionary") from None


def label_zh(dataset: str, column: str) -> str:
    """The Chinese label of a column: `label_zh("projects", "project_code")` is `项目编码`."""
    return _entry(dataset, column).zh


def description(dataset: str, column: str) -> str:
    """What a column holds, in English (one or two sentences)."""
    return _entry(dataset, column).description


def type_name(type_: pa.DataType) -> str:
    """An Arrow type as SCHEMA.md spells it (`float64`, `date32`, `timestamp[us, UTC]`)."""
    if pa.types.is_decimal(type_):
        return f"decimal128({type_.precision},{type_.scale})"
    if pa.types.is_timestamp(type_):
        return f"timestamp[{type_.unit}, {type_.tz}]" if type_.tz else f"timestamp[{type_.unit}]"
    if pa.types.is_date32(type_):
        return "date32"
    if pa.types.is_float64(type_):
        return "float64"
    return str(type_)


def dictionary() -> list[ColumnDoc]:
    """Every column of every dataset (ALL_DATASETS), in schema order."""
    columns = entries()
    return [
        ColumnDoc(
            dataset=dataset,
            column=field.name,
            type=type_name(field.type),
            zh=columns[dataset][field.name].zh,
            description=columns[dataset][field.name].description,
        )
        for dataset in ALL_DATASETS
        for field in SCHEMAS[dataset]
    ]


_INTRO = """\
# Data dictionary

<!-- Generated by `make docs` (python -m extract.columns > docs/DATA-DICTIONARY.md) from
     src/extract/columns.toml and the schemas in src/extract/schema.py. Do not edit it by hand:
     edit those and run `make docs`. -->

Every column of every dataset that `extract run INPUT... --out OUT` writes: its type, the
Chinese label a reviewer would title it with (中文), and what it holds. The contract: columns
may be added in later versions; the ones listed keep their names, types and meaning. In Python,
`extract.columns.label_zh(dataset, column)`,
`description(dataset, column)` and `dictionary()` give the same labels and descriptions.

## Where the files are

For each dataset NAME keyed by document (all but `files`):

- `OUT/NAME/` — a Parquet dataset, one file per fiscal year: `OUT/NAME/<year>.parquet`
  (`OUT/projects/2021.parquet`), `OUT/NAME/unknown.parquet` for rows whose year is null, and
  segments `<year>.1.parquet`, `<year>.2.parquet`, … that later runs add beside a year. Read
  the folder, not one file: every file has exactly the columns and types below, `fiscal_year`
  included.
- `OUT/NAME.csv` — the same rows in one CSV, UTF-8 with BOM, one header line of the column
  names below.

`files` has no fiscal year: one file, `OUT/files/all.parquet`, and `OUT/files.csv`.

## Keys

- `doc_id` is the first 16 hex digits of the SHA-256 of the input file's bytes.
- A project is `(doc_id, project_seq)`; `project_seq` counts the project tables 1, 2, 3… in
  document order.
- A project's child rows (goals, spending plan, indicators) are `(doc_id, project_seq, seq)`;
  `seq` counts 1, 2, 3… in document order. Rows of part one (department goals, measures) and
  issues are `(doc_id, seq)`; `files` rows are keyed by `source_path`.
- Rows inside a file are sorted by `(doc_id, project_seq, seq)`, where the dataset has them.
"""


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render() -> str:
    """docs/DATA-DICTIONARY.md as it should read now."""
    docs = dictionary()
    parts = [_INTRO]
    for dataset in ALL_DATASETS:
        caption, key = _DATASET_ROWS[dataset]
        keys = ", ".join(f"`{k}`" for k in key)
        parts.append(f"\n## {dataset} — {caption}\n\nKey: {keys}.\n\n")
        parts.append("| column | type | 中文 | meaning |\n| --- | --- | --- | --- |\n")
        parts.extend(
            f"| {d.column} | {d.type} | {_cell(d.zh)} | {_cell(d.description)} |\n"
            for d in docs
            if d.dataset == dataset
        )
    return "".join(parts)


def main() -> None:
    """Print the data dictionary (Markdown, UTF-8 whatever the locale)."""
    sys.stdout.buffer.write(render().encode("utf-8"))
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
