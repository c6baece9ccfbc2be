"""A dataset folder's year files: `2021.parquet` and its later segments `2021.1.parquet`, ….

A commit that adds documents to a year writes them as a new segment instead of rewriting the
year, so adding 100 documents to an archive of thousands costs what the 100 cost. Segments are
merged as they come (a new segment absorbs the newest ones while they are no more than twice
its size), which keeps a year to a few files, each written O(log n) times over its life. Every
file has the dataset's full schema and is sorted by its keys; readers concatenate and sort.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

UNKNOWN_YEAR = "unknown"
YEAR_FILE = re.compile(r"^(?P<key>-?\d+|unknown)(?:\.(?P<seq>[1-9]\d*))?\.parquet$")
MERGE_FACTOR = 2  # a segment is merged into the next while it is at most this times bigger


@dataclass
class YearFile:
    """One file as a commit first sees it: its doc_ids only, the rows read when needed."""

    path: Path
    key: str
    seq: int
    rows: int
    exact: bool  # written with today's schema exactly
    doc_ids: pa.ChunkedArray

    @property
    def name(self) -> str:
        return self.path.name


def file_name(key: str, seq: int) -> str:
    return f"{key}.parquet" if seq == 0 else f"{key}.{seq}.parquet"


def list_files(folder: Path, schema: pa.Schema) -> list[YearFile]:
    """The folder's year files, oldest segment first within a year; only doc_ids are read."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = YEAR_FILE.match(path.name)
        if match is None:
            continue
        with pq.ParquetFile(path) as parquet:
            exact = parquet.schema_arrow.equals(schema, check_metadata=False)
            ids = parquet.read(columns=["doc_id"]).column("doc_id")
        found.append(YearFile(path, match["key"], int(match["seq"] or 0), len(ids), exact, ids))
    return sorted(found, key=lambda f: (f.key, f.seq))


def segments_to_merge(year: list[YearFile], new_rows: int) -> list[YearFile]:
    """The newest segments of a year that a new segment of `new_rows` rows absorbs."""
    merged: list[YearFile] = []
    size = new_rows
    for file in reversed(year):
        if file.rows > MERGE_FACTOR * size:
            break
        merged.append(file)
        size += file.rows
    return merged[::-1]


def losing_rows(file: YearFile, replaced: pa.Array) -> bool:
    return bool(len(replaced)) and pc.any(pc.is_in(file.doc_ids, value_set=replaced)).as_py()
