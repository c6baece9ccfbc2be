"""Writing the datasets to OUT: Parquet per fiscal year plus one CSV per dataset.

Layout (SCHEMA.md): `OUT/NAME/<year>.parquet` (`unknown.parquet` for a null year) and
`OUT/NAME.csv`. Every file is built from the declared schema, so the year files of a dataset can
always be read together as one folder. A dataset without any rows is an empty
`OUT/NAME/unknown.parquet` that still carries the schema, so reading the folder yields the columns
with their types and zero rows.

In the CSV, text cells starting with = + - @ TAB or CR are prefixed with ' so spreadsheets show
them as text; Parquet holds the exact values.

Re-runs replace documents, not files: the rows of every doc_id being re-extracted are dropped from
every dataset and the new rows added, while rows of other documents stay. Only year files whose
rows changed are rewritten, and year files left without rows are removed, so a document whose
fiscal year changed leaves nothing behind in its old year file.

A run is all-or-nothing even if the process is killed. New files are written as dot-temps beside
their targets (readers skip names starting with `.`); then a journal `OUT/.commit.json` listing the
renames and deletions is put in place atomically; then the renames and deletions are carried out
and the journal removed. A run killed before the journal exists leaves the old output untouched
(plus stray temps); one killed after is rolled forward by `recover`, which every write and every
`extract.api.load` runs first. One writer at a time holds the exclusive lock `OUT/.lock` (POSIX
`flock`); the lock file itself is left in place because deleting a lock file races with waiters.
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import json
import os
import secrets
import sys
import tempfile
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from extract.columns import description, label_zh
from extract.csv_out import csv_body, csv_bytes, csv_header
from extract.schema import ALL_DATASETS, DATASETS, FILES_DATASET, SCHEMAS, SORT_KEYS
from extract.yearfiles import (
    UNKNOWN_YEAR,
    YEAR_FILE,
    YearFile,
    file_name,
    list_files,
    losing_rows,
    segments_to_merge,
)

LOCK_NAME = ".lock"
JOURNAL_NAME = ".commit.json"
FILES_FILE = "all.parquet"  # files has no years: one file

_JOURNAL_VERSION = 1


class OutputError(Exception):
    """OUT cannot be used: not a folder, not writable, or its existing content is unreadable."""


# --------------------------------------------------------------------------------------------
# Public API


def check_writable(out: Path) -> None:
    """Fail fast, before any extraction work, when OUT could never receive the datasets."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"cannot write to output folder {out}: it exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".write-test.", suffix=".tmp", dir=out)
        os.close(fd)
        Path(probe).unlink(missing_ok=True)
    except OSError as exc:
        raise OutputError(_os_reason(out, exc)) from exc


def write_datasets(
    out: Path,
    rows: Mapping[str, Sequence[Mapping[str, Any]]],
    *,
    replace_doc_ids: Collection[str],
) -> None:
    """Merge the new rows into OUT, replacing every document in `replace_doc_ids`.

    `files` rows (one per input path) replace the rows of their paths.

    Documents that have new rows are replaced too even when not listed, so a row can never be
    duplicated by a re-run. Raises ValueError for rows that do not fit the schema (a bug in the
    caller) and OutputError when OUT cannot be read or written.
    """
    unknown = sorted(set(rows) - set(ALL_DATASETS))
    if unknown:
        known = ", ".join(ALL_DATASETS)
        raise ValueError(f"unknown dataset(s): {', '.join(unknown)}; known: {known}")
    new_tables = {name: rows_to_table(name, rows.get(name, ())) for name in DATASETS}
    new_files = files_table(rows.get(FILES_DATASET, ()))
    _check_one_row_per_document(new_tables["documents"])
    replace = set(replace_doc_ids) | _doc_ids(new_tables.values())
    check_writable(out)
    try:
        with _locked(out):
            _recover_locked(out)
            commit = _Commit(out, secrets.token_hex(6))
            _stage_all(commit, new_tables, replace, new_files)
            commit.run()
    except OSError as exc:
        raise OutputError(_os_reason(out, exc)) from exc


def _check_one_row_per_document(documents: pa.Table) -> None:
    """The invariant every commit keeps: one `documents` row per doc_id. Rows of the documents
    committed replace OUT's, so unique new rows keep OUT unique."""
    ids = documents.column("doc_id").to_pylist()
    if len(set(ids)) == len(ids):
        return
    paths = documents.column("source_path").to_pylist()
    first: dict[str, str] = {}
    for doc_id, path in zip(ids, paths, strict=True):
        if doc_id in first:
            raise ValueError(f"two documents rows share doc_id {doc_id}: {first[doc_id]}, {path}")
        first[doc_id] = path


def check_unlocked(out: Path) -> None:
    """Raise OutputError naming the holder when another process is writing OUT now (for
    `--no-wait`, before any work)."""
    if not (Path(out) / LOCK_NAME).exists():
        return
    fd = _open_lock_file(Path(out))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise OutputError(
            f"{out} is in use by {_holder(Path(out))} (--no-wait: not waiting)"
        ) from None
    finally:
        os.close(fd)


def recover(out: Path) -> None:
    """Finish a commit left by a killed run, then delete stray temps; a no-op for a clean OUT."""
    out = Path(out)
    if not out.is_dir():
        return
    with _locked(out):
        _recover_locked(out)


def output_folder(out: str | os.PathLike[str]) -> Path:
    """Say plainly when OUT is wrong, instead of returning empty datasets for a typo."""
    path = Path(out)
    if not path.is_dir():
        raise FileNotFoundError(f"no extract output at {path}: the folder does not exist")
    if not (path / "documents").is_dir():
        raise FileNotFoundError(
            f"{path} is not an extract output folder (it has no documents/ dataset); "
            "run `extract run INPUT --out OUT` first"
        )
    return path


def read_tables(out: Path, names: Iterable[str] = DATASETS) -> dict[str, pa.Table]:
    """The current rows of each named dataset, conformed to today's schema.

    Reads under the writer lock (after recovering) so that all datasets come from the same
    commit; an OUT we may not write to (archive, read-only mount) is read as it is, unless a
    commit was interrupted there: its files may be half old, half new, so reading refuses.
    """
    out = Path(out)
    with _locked_if_possible(out) as locked:
        if locked:
            try:
                _recover_locked(out)
            except OSError as exc:
                if not _is_read_only_error(exc):
                    raise
        if (out / JOURNAL_NAME).exists():
            raise OutputError(
                f"{out} holds an interrupted commit ({JOURNAL_NAME}) that cannot be finished "
                "here (the folder is read-only): make it writable and run `extract run` or "
                "`extract.load` on it once to finish or undo the commit"
            )
        return {name: read_table_unlocked(out, name) for name in names}


def read_table_unlocked(out: Path, name: str) -> pa.Table:
    """All year files of one dataset as one table, sorted by the dataset's keys.

    Files written by an older version (fewer columns) get the missing columns as nulls; columns
    no longer in the schema are dropped. A missing dataset folder reads as zero rows.
    """
    schema = _schema_of(name)
    if name == FILES_DATASET:
        return _read_files(out / name / FILES_FILE, schema)
    return _sorted(name, _concat(_read_dataset(out / name, schema), schema))


def _read_files(path: Path, schema: pa.Schema) -> pa.Table:
    if not path.is_file():
        return schema.empty_table()
    return _sorted(FILES_DATASET, _read_file(path, schema))


def rows_to_table(name: str, rows: Sequence[Mapping[str, Any]]) -> pa.Table:
    """Build the table of new rows strictly from the schema, so a typo'd column is an error."""
    schema = _schema_of(name)
    records = [dict(row) for row in rows]
    extra = sorted({key for record in records for key in record} - set(schema.names))
    if extra:
        raise ValueError(f"{name}: column(s) not in the schema: {', '.join(extra)}")
    if any(record.get("doc_id") is None for record in records):
        raise ValueError(f"{name}: every row needs a doc_id, it is the key re-runs replace by")
    if name == "issues":
        _number_issues(records)
    try:
        return pa.Table.from_pylist(records, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise ValueError(f"{name}: {_conversion_problem(schema, records, exc)}") from exc


# --------------------------------------------------------------------------------------------
# Building the new state


def _stage_all(
    commit: _Commit, new_tables: Mapping[str, pa.Table], replace: set[str], files: pa.Table
) -> None:
    """Write every changed file as a temp; an ordinary error removes them, leaving OUT as it was."""
    try:
        for name in DATASETS:
            _stage_dataset(commit, name, new_tables[name], replace)
        if files.num_rows:
            _stage_files(commit, files)
    except Exception:
        commit.discard()
        raise


def _stage_dataset(commit: _Commit, name: str, new: pa.Table, replace: set[str]) -> None:
    """Write only the year files that lose rows (or have an older schema) and a segment per year
    that gains rows, so a commit costs what its documents touch, not what the archive holds. A
    dataset without rows is one empty `unknown.parquet`, so that readers still find its schema."""
    schema = SCHEMAS[name]
    folder = commit.out / name
    files = _listed(folder, schema)
    replaced = pa.array(sorted(replace), pa.string())
    loaded: dict[str, pa.Table] = {}  # file name -> its rows after this commit, when read
    dropped = False
    for file in files:
        if losing_rows(file, replaced) or not file.exact:
            table = _without(_read_file(file.path, schema), replaced)
            dropped |= table.num_rows < file.rows
            loaded[file.name] = table
            file.rows = table.num_rows
    staged = dict(loaded)
    live = [file for file in files if file.rows]
    for key, rows in _split_by_year(new).items():
        year = [file for file in live if file.key == key]
        merged = segments_to_merge(year, rows.num_rows)
        parts = [loaded.get(file.name) or _read_file(file.path, schema) for file in merged]
        for file in merged:
            staged.pop(file.name, None)
            live.remove(file)
        seq = merged[0].seq if merged else (year[-1].seq + 1 if year else 0)
        staged[file_name(key, seq)] = _sorted(name, _concat([*parts, rows], schema))
    final = {file.name for file in live} | {n for n, table in staged.items() if table.num_rows}
    if not final:
        empty = file_name(UNKNOWN_YEAR, 0)
        final = {empty}
        if not any(f.name == empty and f.exact and not f.rows for f in files):
            staged[empty] = schema.empty_table()
    folder.mkdir(exist_ok=True)
    for file_key in sorted(final & staged.keys()):
        commit.stage(folder / file_key, _write_parquet, _described(name, staged[file_key]))
    for file in files:
        if file.name not in final:
            commit.delete(file.path)
    csv_path = commit.out / f"{name}.csv"
    if dropped or not _csv_has_header(csv_path, schema):
        tables = [staged[n] if n in staged else _read_file(folder / n, schema) for n in final]
        commit.stage(csv_path, _write_csv, _sorted(name, _concat(tables, schema)))
    elif new.num_rows:
        # Only rows added: appending them costs what they cost, not what the archive holds.
        commit.append(csv_path, csv_body(_sorted(name, new)))


def _without(table: pa.Table, doc_ids: pa.Array) -> pa.Table:
    if not len(doc_ids):
        return table
    return table.filter(pc.invert(pc.is_in(table["doc_id"], value_set=doc_ids)))


def _csv_has_header(path: Path, schema: pa.Schema) -> bool:
    """A CSV that starts with today's header can be appended to (an older one is rewritten)."""
    header = csv_header(schema.names)
    try:
        with open(path, "rb") as fh:
            return fh.read(len(header)) == header
    except FileNotFoundError:
        return False


def files_table(rows: Sequence[Mapping[str, Any]]) -> pa.Table:
    schema = SCHEMAS[FILES_DATASET]
    records = [dict(row) for row in rows]
    extra = sorted({key for record in records for key in record} - set(schema.names))
    if extra or any(record.get("source_path") is None for record in records):
        raise ValueError(f"files: every row needs a source_path; unknown column(s): {extra}")
    return pa.Table.from_pylist(records, schema=schema)


def _stage_files(commit: _Commit, new: pa.Table) -> None:
    """files is keyed by path: a path seen again replaces its row."""
    schema = SCHEMAS[FILES_DATASET]
    folder = commit.out / FILES_DATASET
    old = read_table_unlocked(commit.out, FILES_DATASET)
    new = _last_row_per_path(new)
    seen = pa.array(sorted(set(new["source_path"].to_pylist())), pa.string())
    kept = old.filter(pc.invert(pc.is_in(old["source_path"], value_set=seen)))
    combined = _sorted(FILES_DATASET, _concat([kept, new], schema))
    folder.mkdir(exist_ok=True)
    commit.stage(folder / FILES_FILE, _write_parquet, _described(FILES_DATASET, combined))
    commit.stage(commit.out / f"{FILES_DATASET}.csv", _write_csv, combined)


def _last_row_per_path(table: pa.Table) -> pa.Table:
    """A path seen twice in one commit (planned as a duplicate, then read) keeps its last row."""
    paths = table["source_path"].to_pylist()
    last = {path: index for index, path in enumerate(paths)}
    if len(last) == len(paths):
        return table
    return table.take(pa.array(sorted(last.values()), pa.int64()))


def _number_issues(records: list[dict[str, Any]]) -> None:
    """Give issues without a seq the next number of their document, in the order raised."""
    last: dict[str, int] = {}
    for record in records:
        if record.get("seq") is not None:
            doc = record["doc_id"]
            last[doc] = max(last.get(doc, 0), int(record["seq"]))
    for record in records:
        if record.get("seq") is None:
            doc = record["doc_id"]
            last[doc] = last.get(doc, 0) + 1
            record["seq"] = last[doc]


def _conversion_problem(schema: pa.Schema, records: list[dict[str, Any]], exc: Exception) -> str:
    """Name the column that failed: pyarrow's own message does not say which one."""
    for schema_field in schema:
        try:
            pa.array([record.get(schema_field.name) for record in records], schema_field.type)
        except (pa.ArrowInvalid, pa.ArrowTypeError) as column_exc:
            return f"column {schema_field.name} ({schema_field.type}): {column_exc}"
    return str(exc)


def _doc_ids(tables: Iterable[pa.Table]) -> set[str]:
    return {doc for table in tables for doc in pc.unique(table["doc_id"]).to_pylist()}


def _year_key(year: int | None) -> str:
    return UNKNOWN_YEAR if year is None else str(year)


def _split_by_year(table: pa.Table) -> dict[str, pa.Table]:
    years = table["fiscal_year"]
    parts: dict[str, pa.Table] = {}
    for year in sorted(pc.unique(years).to_pylist(), key=lambda y: (y is None, y or 0)):
        mask = pc.is_null(years) if year is None else pc.equal(years, pa.scalar(year, pa.int16()))
        parts[_year_key(year)] = table.filter(mask)
    return parts


def _sorted(name: str, table: pa.Table) -> pa.Table:
    """Stable sort with nulls first: document-level issues (no project_seq) lead their document."""
    return table.sort_by([(key, "ascending", "at_start") for key in SORT_KEYS[name]])


def _concat(tables: Sequence[pa.Table], schema: pa.Schema) -> pa.Table:
    if not tables:
        return schema.empty_table()
    return pa.concat_tables([_conform(table, schema) for table in tables])


def _conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """Give a table read from disk exactly `schema`, whatever version wrote it."""
    columns = [
        table[f.name].cast(f.type)
        if f.name in table.column_names
        else pa.chunked_array([pa.nulls(table.num_rows, f.type)], f.type)
        for f in schema
    ]
    return pa.Table.from_arrays(columns, schema=schema)


def _schema_of(name: str) -> pa.Schema:
    try:
        return SCHEMAS[name]
    except KeyError:
        raise ValueError(f"unknown dataset {name!r}; known: {', '.join(DATASETS)}") from None


# --------------------------------------------------------------------------------------------
# Reading existing files


def _listed(folder: Path, schema: pa.Schema) -> list[YearFile]:
    try:
        return list_files(folder, schema)
    except (OSError, pa.ArrowException) as exc:
        raise OutputError(
            f"cannot read existing files in {folder}: {exc}; move them away or use another "
            "output folder"
        ) from exc


def _read_file(path: Path, schema: pa.Schema) -> pa.Table:
    """One file's rows, conformed to `schema` whatever version wrote it."""
    try:
        with pq.ParquetFile(path) as parquet:
            return _conform(parquet.read(), schema)
    except (OSError, pa.ArrowException) as exc:
        raise OutputError(
            f"cannot read existing {path}: {exc}; move it away or use another output folder"
        ) from exc


def _read_dataset(folder: Path, schema: pa.Schema) -> list[pa.Table]:
    if not folder.is_dir():
        return []
    paths = sorted(path for path in folder.iterdir() if YEAR_FILE.match(path.name))
    return [_read_file(path, schema) for path in paths]


# --------------------------------------------------------------------------------------------
# File formats


FileWriter = Callable[[BinaryIO, pa.Table], None]


def _described(name: str, table: pa.Table) -> pa.Table:
    """The table with each field's description and Chinese label in its Parquet metadata, so
    a tool that shows a file's schema shows what each column means."""
    fields = [
        field.with_metadata(
            {"description": description(name, field.name), "label_zh": label_zh(name, field.name)}
        )
        for field in table.schema
    ]
    return table.cast(pa.schema(fields))


def _write_parquet(fh: BinaryIO, table: pa.Table) -> None:
    pq.write_table(table, fh)


def write_csv(path: Path, table: pa.Table) -> None:
    """A CSV of the product outside OUT's datasets (`history --csv`): the same formula-safe
    cells as the dataset CSVs."""
    write_file(path, csv_bytes(table))


def write_file(path: Path, data: bytes) -> None:
    """Write beside and rename into place, so a crash leaves no half file; one-line errors that
    name the file asked for, never the temp."""
    path = Path(path)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(temp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
    except OSError as exc:
        with suppress(OSError):
            temp.unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _write_csv(fh: BinaryIO, table: pa.Table) -> None:
    """Excel dialect (CRLF); UTF-8 BOM so Excel on Chinese Windows picks the right encoding."""
    fh.write(csv_bytes(table))


# --------------------------------------------------------------------------------------------
# The commit: temps, journal, renames


@dataclass
class _Commit:
    """One run's changes to OUT, applied all-or-nothing through the journal."""

    out: Path
    token: str
    replaces: list[tuple[Path, Path]] = field(default_factory=list)
    appends: list[tuple[Path, Path, int]] = field(default_factory=list)  # temp, target, size
    deletes: list[Path] = field(default_factory=list)

    def stage(self, target: Path, write: FileWriter, table: pa.Table) -> None:
        """Write a temp beside `target` and make it durable before the journal can name it."""
        temp = _temp_for(target, self.token)
        self.replaces.append((temp, target))
        with open(temp, "wb") as fh:
            write(fh, table)
            fh.flush()
            os.fsync(fh.fileno())

    def append(self, target: Path, data: bytes) -> None:
        """Stage bytes to add at the end of `target`: the journal keeps its size before them,
        so applying the append again (after a kill) truncates to it first and gives the same
        file."""
        temp = _temp_for(target, self.token)
        self.appends.append((temp, target, target.stat().st_size))
        with open(temp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())

    def delete(self, target: Path) -> None:
        self.deletes.append(target)

    def discard(self) -> None:
        for temp in [temp for temp, _ in self.replaces] + [temp for temp, _, _ in self.appends]:
            with suppress(OSError):
                temp.unlink(missing_ok=True)

    def run(self) -> None:
        try:
            temps = [temp for temp, _ in self.replaces] + [temp for temp, _, _ in self.appends]
            for folder in {temp.parent for temp in temps}:
                _fsync_dir(folder)
            _write_journal(self.out, self._journal())
        except Exception:
            self.discard()
            raise
        try:
            _apply(self.out, self._journal())
        except OSError as exc:
            raise OutputError(
                f"{_os_reason(self.out, exc)}; the commit was interrupted and the next run "
                "(or extract.api.load) finishes it"
            ) from exc

    def _journal(self) -> dict[str, Any]:
        def rel(path: Path) -> str:
            return path.relative_to(self.out).as_posix()

        return {
            "version": _JOURNAL_VERSION,
            "token": self.token,
            "replace": [[rel(temp), rel(target)] for temp, target in self.replaces],
            "append": [[rel(temp), rel(target), size] for temp, target, size in self.appends],
            "delete": [rel(path) for path in self.deletes],
        }


def _temp_for(target: Path, token: str) -> Path:
    return target.with_name(f".{target.name}.{token}.tmp")


def _write_journal(out: Path, journal: dict[str, Any]) -> None:
    temp = _temp_for(out / JOURNAL_NAME, journal["token"])
    with open(temp, "w", encoding="utf-8") as fh:
        json.dump(journal, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(temp, out / JOURNAL_NAME)
    _fsync_dir(out)


def _apply(out: Path, journal: Mapping[str, Any]) -> None:
    """Roll forward: a temp that is gone was already renamed (or appended) by an earlier try."""
    replaces, appends, deletes = _validated_journal(out, journal)
    for temp, target in replaces:
        if temp.exists():
            os.replace(temp, target)
    for temp, target, size in appends:
        if temp.exists():
            _append_file(temp, target, size)
            temp.unlink()
    for path in deletes:
        path.unlink(missing_ok=True)
    changed = [target for _, target in replaces] + [target for _, target, _ in appends] + deletes
    for folder in {path.parent for path in changed}:
        _fsync_dir(folder)
    (out / JOURNAL_NAME).unlink()
    _fsync_dir(out)


def _append_file(temp: Path, target: Path, size: int) -> None:
    with open(target, "r+b") as fh, open(temp, "rb") as source:
        if fh.seek(0, os.SEEK_END) < size:
            raise OutputError(f"{target} is shorter than the unfinished commit says: restore it")
        fh.truncate(size)
        fh.seek(size)
        while chunk := source.read(1 << 20):
            fh.write(chunk)
        fh.flush()
        os.fsync(fh.fileno())


Journal = tuple[list[tuple[Path, Path]], list[tuple[Path, Path, int]], list[Path]]


def _validated_journal(out: Path, journal: Mapping[str, Any]) -> Journal:
    """Refuse a journal naming anything but our own files, so recovery can never delete others."""
    try:
        token = journal["token"]
        replaces = [(out / temp, out / target) for temp, target in journal["replace"]]
        appends = [
            (out / temp, out / target, int(size))
            for temp, target, size in journal.get("append", [])
        ]
        deletes = [out / path for path in journal["delete"]]
        targets = [target for _, target in replaces] + [target for _, target, _ in appends]
        valid = (
            journal["version"] == _JOURNAL_VERSION
            and all(_is_output_file(out, target) for target in targets + deletes)
            and all(temp == _temp_for(target, token) for temp, target in replaces)
            and all(temp == _temp_for(target, token) for temp, target, _ in appends)
            and all(target.suffix == ".csv" and size >= 0 for _, target, size in appends)
        )
    except (KeyError, TypeError, ValueError):
        valid = False
    if not valid:
        raise OutputError(
            f"unfinished commit in {out / JOURNAL_NAME} is not readable; "
            "check the folder and delete the journal by hand"
        )
    return replaces, appends, deletes


def _is_output_file(out: Path, path: Path) -> bool:
    parts = PurePosixPath(path.relative_to(out).as_posix()).parts
    if len(parts) == 1:
        return parts[0] in {f"{name}.csv" for name in ALL_DATASETS}
    if len(parts) == 2 and parts[0] == FILES_DATASET:
        return parts[1] == FILES_FILE
    return len(parts) == 2 and parts[0] in DATASETS and bool(YEAR_FILE.match(parts[1]))


def _recover_locked(out: Path) -> None:
    journal_path = out / JOURNAL_NAME
    if journal_path.exists():
        try:
            journal = json.loads(journal_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise OutputError(f"cannot read unfinished commit {journal_path}: {exc}") from exc
        if not isinstance(journal, dict):
            journal = {}
        _apply(out, journal)
    _remove_stray_temps(out)


def _remove_stray_temps(out: Path) -> None:
    """Only called under the lock, so no temp here can belong to a live writer."""
    folders = [out, *(out / name for name in (*DATASETS, FILES_DATASET))]
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            if path.name.startswith(".") and path.name.endswith(".tmp") and path.is_file():
                path.unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    """Make renames durable; some filesystems refuse fsync on a folder, which we tolerate."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --------------------------------------------------------------------------------------------
# Locking and errors


# Lock descriptors this process holds. A process forked meanwhile (a worker replaced by the pool
# during a commit) would hold the lock's open file too and keep it locked after we let go: the
# child closes its copies first thing.
_HELD: set[int] = set()


def _close_held_in_child() -> None:
    for fd in list(_HELD):
        with suppress(OSError):
            os.close(fd)
    _HELD.clear()


os.register_at_fork(after_in_child=_close_held_in_child)


@contextmanager
def _locked(out: Path) -> Iterator[None]:
    """Exclusive lock on OUT/.lock; a second writer waits here until the first is done."""
    fd = _open_lock_file(out)
    _HELD.add(fd)
    try:
        _acquire(fd, out)
        yield
    finally:
        _HELD.discard(fd)
        os.close(fd)


@contextmanager
def _locked_if_possible(out: Path) -> Iterator[bool]:
    """Lock when OUT is ours to lock; readers of a read-only OUT go ahead without it."""
    try:
        fd: int | None = _open_lock_file(out)
    except OSError as exc:
        if not _is_read_only_error(exc):
            raise
        fd = None
    if fd is None:
        yield False
        return
    _HELD.add(fd)
    try:
        _acquire(fd, out)
        yield True
    finally:
        _HELD.discard(fd)
        os.close(fd)


def _acquire(fd: int, out: Path) -> None:
    """Take the lock; when another process has it, say which one, then wait (or refuse)."""
    if not _try_lock(fd):
        message = f"{out} is in use by {_holder(out)}"
        if not LOCK_POLICY.wait:
            raise OutputError(f"{message} (--no-wait: not waiting)") from None
        # A reader (`extract.load` in a notebook) holds it for a moment: wait quietly first.
        deadline = time.monotonic() + QUIET_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(0.02)
            if _try_lock(fd):
                break
        else:
            if LOCK_POLICY.notice is not None:
                LOCK_POLICY.notice(f"{message}; waiting for it to finish")
            fcntl.flock(fd, fcntl.LOCK_EX)
    _record_holder(fd)


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _holder(out: Path) -> str:
    try:
        text = (out / LOCK_NAME).read_text(encoding="utf-8").strip()
    except OSError:
        text = ""
    return text or "another process"


def _record_holder(fd: int) -> None:
    """Write who holds the lock into the lock file, for the message of the next writer."""
    since = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S")
    line = f"process {os.getpid()} ({_command()}, since {since})\n".encode()
    with suppress(OSError):
        os.ftruncate(fd, 0)
        os.pwrite(fd, line, 0)


def _command() -> str:
    """`extract run` however it was started (console script, `python -m extract`, a notebook)."""
    first = sys.argv[0] if sys.argv else ""
    program = Path(first).name if first and first != "-c" else "python"
    if program == "__main__.py":
        program = Path(first).parent.name
    args = [arg for arg in sys.argv[1:2] if arg.isidentifier()]  # a subcommand, not a path
    return " ".join([program, *args])


QUIET_WAIT_SECONDS = 2.0  # how long a writer waits for OUT before saying who holds it


@dataclass
class LockPolicy:
    """What a writer does when OUT is locked: wait (saying so through `notice`) or refuse."""

    wait: bool = True
    notice: Callable[[str], None] | None = None


LOCK_POLICY = LockPolicy()


def _open_lock_file(out: Path) -> int:
    path = out / LOCK_NAME
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except PermissionError:
        if not path.exists():
            raise
        # Someone else's lock file: flock works on a read-only descriptor too.
        return os.open(path, os.O_RDONLY)


def _is_read_only_error(exc: OSError) -> bool:
    return isinstance(exc, PermissionError) or exc.errno == errno.EROFS


def _os_reason(out: Path, exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    return f"cannot write to output folder {out}: {reason}".replace("\n", " ")
