"""The Arrow schema of every dataset, declared once (contract v2, see SCHEMA.md).

Every Parquet file and every CSV is built from these schemas and never from types inferred from
the rows, so a year file holding only nulls in a column still has that column's real type and all
files of a dataset can be read together as one folder. Columns beyond SCHEMA.md (allowed by the
contract) are appended after the contractual ones so positional readers keep working.
"""

from __future__ import annotations

import pyarrow as pa

STRING = pa.string()
FISCAL_YEAR = pa.int16()
COUNT = pa.int32()
SEQ = pa.int32()
YUAN = pa.decimal128(18, 2)
PERCENT = pa.decimal128(5, 2)
WEIGHT = pa.decimal128(6, 2)
DATE = pa.date32()
TIMESTAMP_UTC = pa.timestamp("us", tz="UTC")


def _schema(*columns: tuple[str, pa.DataType]) -> pa.Schema:
    """All columns are nullable: a partial extraction must still be writable."""
    return pa.schema([pa.field(name, type_, nullable=True) for name, type_ in columns])


def _strings(*names: str) -> tuple[tuple[str, pa.DataType], ...]:
    return tuple((name, STRING) for name in names)


_DOC_YEAR = (("doc_id", STRING), ("fiscal_year", FISCAL_YEAR))
_DOC_YEAR_SEQ = (*_DOC_YEAR, ("seq", SEQ))
_DOC_YEAR_PROJECT = (*_DOC_YEAR, ("project_seq", SEQ))
_DOC_YEAR_PROJECT_SEQ = (*_DOC_YEAR_PROJECT, ("seq", SEQ))

DOCUMENTS = _schema(
    ("doc_id", STRING),
    *_strings("source_path", "source_format", "sha256"),
    ("file_size", pa.int64()),
    ("fiscal_year", FISCAL_YEAR),
    *_strings("fiscal_year_source", "unit_code", "unit_name", "status", "error"),
    ("n_projects", COUNT),
    ("n_indicators", COUNT),
    ("n_issues", COUNT),
    ("extractor_version", STRING),
    ("extracted_at", TIMESTAMP_UTC),
    # Added columns: the decoding used for text inputs (null for binary formats), and the page
    # count when the format has pages.
    ("encoding", STRING),
    ("n_pages", COUNT),
    # The sheets of a workbook its projects were read from, in order, `; `-separated (the
    # others hold no targets); null for formats without sheets.
    ("sheets", STRING),
    # The pages of a PDF read in full (table parsing by pdfplumber); the others held no target
    # material and were read from PDFium's text and ruling lines. Null for other formats.
    ("n_pages_parsed", COUNT),
    # The administrative division of the document: its projects' when they agree, else the one
    # its unit name prints (see the projects' columns of the same names).
    *_strings("division_code", "region_name", "region_source"),
    # Added: how many pages were read by OCR (scanned pages without a text layer); null for
    # formats without pages.
    ("ocr_pages", COUNT),
)

DEPARTMENT_GOALS = _schema(*_DOC_YEAR_SEQ, *_strings("kind", "name", "goal", "indicator"))

MEASURES = _schema(*_DOC_YEAR_SEQ, *_strings("title", "text"))

PROJECTS = _schema(
    *_DOC_YEAR_PROJECT,
    *_strings("table_title", "unit_code", "unit_name", "project_code", "project_name"),
    ("amount_unit", STRING),
    ("budget_total_yuan", YUAN),
    ("budget_fiscal_yuan", YUAN),
    ("budget_other_yuan", YUAN),
    *_strings("purpose", "region_code", "source_location"),
    # v2: the template family, and what the other families print.
    *_strings("template", "department_name", "project_category", "project_nature", "period_raw"),
    ("period_start", DATE),
    ("period_end", DATE),
    ("budget_project_total_yuan", YUAN),
    ("budget_carryover_yuan", YUAN),
    *_strings("legal_basis", "implementation_plan"),
    # Added: the division the project belongs to, by the region code its project code prints,
    # else by a division named in full in its unit or department name; `region_name` is the
    # national table's names (`四川省 乐山市 井研县`), `region_source` where it was read.
    *_strings("division_code", "region_name", "region_source"),
)

PROJECT_GOALS = _schema(*_DOC_YEAR_PROJECT_SEQ, ("text", STRING), ("horizon", STRING))

SPENDING_PLAN = _schema(
    *_DOC_YEAR_PROJECT_SEQ,
    ("period", STRING),
    ("month", pa.int8()),
    ("cumulative_pct", PERCENT),
)

INDICATORS = _schema(
    *_DOC_YEAR_PROJECT_SEQ,
    *_strings("level1", "level2", "level3", "description", "value_raw", "comparator"),
    ("value_num", pa.float64()),
    *_strings("value_unit", "value_kind", "basis", "level1_code", "level2_code"),
    # Added column: where the indicator's row sits in the source, e.g. `table 2, row 3`.
    ("source_location", STRING),
    # v2
    *_strings("note", "horizon", "direction"),
    ("weight", WEIGHT),
    # Added: the project's code and name repeated, so a sheet of indicators needs no join.
    *_strings("project_code", "project_name"),
    # Added: for a scanned page read by OCR, the recognition confidence (0-1) of the least
    # certain cell the indicator was read from; null for text read from the file.
    ("ocr_confidence", pa.float64()),
)

# `seq` is an added column: issues have no natural order, so the writer numbers them per document
# in the order they were raised, which keeps re-runs byte-stable and gives the key (doc_id, seq).
ISSUES = _schema(
    *_DOC_YEAR_PROJECT_SEQ,
    *_strings("severity", "code", "message", "location"),
    # Added: the project's code and name (null for document-level issues) and the file's path.
    *_strings("project_code", "project_name", "source_path"),
)

# `files` — one row per input path (contract v2), keyed by source_path; it has no fiscal year and
# lives in one file, OUT/files/all.parquet (+ OUT/files.csv).
FILES = _schema(
    *_strings("source_path", "doc_id", "role", "note"),
    ("seen_at", TIMESTAMP_UTC),
)
FILES_DATASET = "files"

# The datasets keyed by document (one Parquet file per fiscal year each).
DATASETS: tuple[str, ...] = (
    "documents",
    "department_goals",
    "measures",
    "projects",
    "project_goals",
    "spending_plan",
    "indicators",
    "issues",
)

SCHEMAS: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "department_goals": DEPARTMENT_GOALS,
    "measures": MEASURES,
    "projects": PROJECTS,
    "project_goals": PROJECT_GOALS,
    "spending_plan": SPENDING_PLAN,
    "indicators": INDICATORS,
    "issues": ISSUES,
    FILES_DATASET: FILES,
}
# Every dataset `extract.load` returns: the document-keyed ones, then files.
ALL_DATASETS: tuple[str, ...] = (*DATASETS, FILES_DATASET)

# Rows inside a file are ordered by (doc_id, project_seq, seq) where those columns exist; nulls
# (document-level issues have no project_seq) sort first, and the sort is stable.
SORT_KEYS: dict[str, list[str]] = {
    name: [col for col in ("doc_id", "project_seq", "seq") if col in schema.names]
    for name, schema in SCHEMAS.items()
    if name != FILES_DATASET
} | {FILES_DATASET: ["source_path"]}
