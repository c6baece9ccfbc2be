"""Year files in segments: adding documents writes a new segment, segments merge as they come,
and every reader sees one dataset whatever the files (issue 15, archives that grow)."""

from __future__ import annotations

import itertools
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq

import extract
from extract.schema import DATASETS
from extract.writers import write_datasets
from extract.yearfiles import MERGE_FACTOR, YEAR_FILE
from test_writers import doc_rows, merge, read


def _files(out: Path, name: str) -> dict[str, int]:
    """File name -> rows, oldest segment first."""
    paths = [p for p in (out / name).iterdir() if YEAR_FILE.match(p.name)]
    order = {p: YEAR_FILE.match(p.name) for p in paths}
    paths.sort(key=lambda p: (order[p]["key"], int(order[p]["seq"] or 0)))
    return {p.name: pq.ParquetFile(p).metadata.num_rows for p in paths}


def _batch(first: int, n: int, year: int = 2021) -> dict[str, list[dict[str, object]]]:
    return merge(*(doc_rows(f"d{i:04d}", year) for i in range(first, first + n)))


def test_adding_to_a_big_year_writes_a_segment_and_leaves_the_year_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_datasets(out, _batch(0, 40), replace_doc_ids=[])
    base = (out / "projects" / "2021.parquet").read_bytes()
    write_datasets(out, _batch(40, 3), replace_doc_ids=[])
    assert _files(out, "projects") == {"2021.parquet": 40, "2021.1.parquet": 3}
    assert (out / "projects" / "2021.parquet").read_bytes() == base
    # Every reader sees one dataset: ours, pandas, DuckDB.
    assert len(extract.load(out).projects) == 43
    assert len(pd.read_parquet(out / "projects")) == 43
    query = f"select count(*) from read_parquet('{out}/projects/*.parquet')"
    assert duckdb.sql(query).fetchall() == [(43,)]


def test_small_commits_merge_into_few_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for i in range(64):
        write_datasets(out, _batch(i, 1), replace_doc_ids=[])
    files = _files(out, "indicators")
    assert sum(files.values()) == 64 * 2
    assert len(files) <= 7  # about log2(64): each file is written O(log n) times
    sizes = list(files.values())
    # Older segments are bigger than newer ones by more than the merge factor.
    assert all(a > MERGE_FACTOR * b for a, b in itertools.pairwise(sizes))
    ids = read(out, "documents").column("doc_id").to_pylist()
    assert ids == sorted(ids) and len(set(ids)) == 64


def test_replacing_a_document_rewrites_only_its_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_datasets(out, _batch(0, 40), replace_doc_ids=[])
    write_datasets(out, _batch(40, 3), replace_doc_ids=[])
    base = (out / "projects" / "2021.parquet").read_bytes()
    write_datasets(out, doc_rows("d0041", 2021, budget="9.5"), replace_doc_ids=["d0041"])
    assert (out / "projects" / "2021.parquet").read_bytes() == base
    projects = extract.load(out).projects.set_index("doc_id")
    assert len(projects) == 43
    assert str(projects.loc["d0041", "budget_total_yuan"]) == "9.50"


def test_a_year_emptied_by_a_rerun_loses_its_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_datasets(out, _batch(0, 40), replace_doc_ids=[])
    write_datasets(out, _batch(40, 3, year=2022), replace_doc_ids=[])
    assert set(_files(out, "projects")) == {"2021.parquet", "2022.parquet"}
    moved = merge(*(doc_rows(f"d{i:04d}", 2021) for i in range(40, 43)))
    write_datasets(out, moved, replace_doc_ids=[f"d{i:04d}" for i in range(40, 43)])
    assert _files(out, "projects") == {"2021.parquet": 40, "2021.1.parquet": 3}
    for name in DATASETS:
        frame = read(out, name).to_pandas()
        assert set(frame["fiscal_year"].dropna()) <= {2021}, name
