"""Files → dataset rows, one file at a time, each isolated from the others.

Whatever goes wrong with one file becomes that file's `failed` row with a one-line reason; the
batch goes on and nothing already extracted is lost.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from extract import __version__
from extract.collector import reading
from extract.model import Document, ParseError
from extract.normalizers import fiscal
from extract.normalizers.denormal import denormalize, document_issue_columns
from extract.normalizers.document import Normalized, normalize
from extract.normalizers.findings import ERROR, EXTRACTION_CODES, WARNING, Finding
from extract.parsers.registry import INPUT_SUFFIXES, detect_format, parse
from extract.schema import DATASETS

Row = dict[str, Any]
CONTENT_DATASETS = tuple(name for name in DATASETS if name not in ("documents", "issues"))


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    display: str  # as given, or relative to the input folder
    template: str | None = None  # a template id pinned with `--template`, else chosen per table
    planned_sha256: str | None = None  # the content planning hashed, to notice a change since


@dataclass(slots=True)
class FileResult:
    doc_id: str
    display: str
    status: str
    error: str | None
    rows: dict[str, list[Row]] = field(default_factory=dict)
    changed_from: str | None = None  # the doc_id planned, when the file changed since

    def count(self, dataset: str) -> int:
        return len(self.rows.get(dataset, ()))


@dataclass(slots=True)
class Inputs:
    files: list[InputFile] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)  # display paths of unread formats


def collect_inputs(paths: Iterable[Path], template: str | None = None) -> list[InputFile]:
    """Files as given plus every input-format file below the given folders, sorted."""
    return walk_inputs(paths, template).files


def walk_inputs(paths: Iterable[Path], template: str | None = None) -> Inputs:
    """Input files, and the files of other formats found in the folders (named, not read).

    Folder walks do not follow symbolic links to folders, so a link loop cannot hang a run.
    A file found in a folder is named relative to that folder; when several folders are given,
    relative to their common parent, so that `2021/部门绩效目标.txt` and `2022/部门绩效目标.txt`
    stay two paths.
    """
    paths = list(paths)
    folders = [p for p in paths if p.is_dir()]
    base = _common_parent(folders) if len(folders) > 1 else None
    out = Inputs()
    for path in paths:
        if not path.is_dir():
            out.files.append(InputFile(path, str(path), template))
            continue
        anchor = base if base is not None else path
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith("."):
                    continue
                full = Path(root, name)
                display = Path(os.path.relpath(full, anchor)).as_posix()
                if full.suffix.lower() in INPUT_SUFFIXES:
                    out.files.append(InputFile(full, display, template))
                else:
                    out.unsupported.append(display)
    return out


def _common_parent(folders: list[Path]) -> Path:
    try:
        return Path(os.path.commonpath([str(f) for f in folders]))
    except ValueError:  # relative and absolute paths mixed
        return Path(os.path.commonpath([str(f.absolute()) for f in folders]))


@reading
def extract_file(item: InputFile, *, year: int | None, extracted_at: datetime) -> FileResult:
    """Read, parse, normalize one file; never raises for anything the file contains."""
    try:
        data = item.path.read_bytes()
    except OSError as exc:
        return unreadable_result(item, f"cannot read the file: {exc.strerror or exc}", extracted_at)
    sha = hashlib.sha256(data).hexdigest()
    changed = _changed_note(item, sha)
    result = _extract(item, data, sha, year, extracted_at)
    if changed is not None:
        add_issue(result, changed)
        result.changed_from = (item.planned_sha256 or "")[:16]
    return result


def _changed_note(item: InputFile, sha: str) -> Finding | None:
    """The file was rewritten between planning and reading: its rows are of the bytes read."""
    if item.planned_sha256 is None or item.planned_sha256 == sha:
        return None
    return Finding(
        WARNING,
        "file_changed_during_run",
        f"the file changed while the run was going (planned content {item.planned_sha256[:16]}); "
        "these rows are of the content read",
    )


def add_issue(result: FileResult, finding: Finding) -> None:
    """One more document-level issue on a finished result (next seq, counts kept true)."""
    issues = result.rows.setdefault("issues", [])
    document = result.rows["documents"][0]
    issues.extend(_issue_rows(result.doc_id, document.get("fiscal_year"), [finding]))
    issues[-1].update(document_issue_columns(result.display), seq=len(issues))
    document["n_issues"] = len(issues)


def _extract(
    item: InputFile, data: bytes, sha: str, year: int | None, extracted_at: datetime
) -> FileResult:
    base: Row = {
        "doc_id": sha[:16],
        "source_path": item.display,
        "sha256": sha,
        "file_size": len(data),
        "extractor_version": __version__,
        "extracted_at": extracted_at,
    }
    fmt = detect_format(data, item.path.name)
    base["source_format"] = fmt
    if not data.strip():
        return _failed(base, item, "the file is empty", year)
    try:
        doc = parse(data, fmt)
    except ParseError as exc:
        return _failed(base, item, str(exc), year)
    except MemoryError:
        return _failed(base, item, OUT_OF_MEMORY, year)
    except Exception as exc:  # a parser bug must not stop the batch
        return _failed(base, item, f"internal error while reading the file: {_brief(exc)}", year)
    try:
        normalized = normalize(doc, item.template)
    except MemoryError:
        return _failed(base, item, OUT_OF_MEMORY, year)
    except Exception as exc:  # a normalizer bug must not stop the batch
        return _failed(base, item, f"internal error while reading the tables: {_brief(exc)}", year)
    return _assemble(base, item, doc, normalized, year)


OUT_OF_MEMORY = "ran out of memory while reading the file (see --memory-limit)"


def failed_result(
    item: InputFile,
    reason: str,
    *,
    sha256: str,
    size: int,
    source_format: str | None,
    year: int | None,
    extracted_at: datetime,
) -> FileResult:
    """The `failed` result of a file whose reading was stopped from outside (a timeout, a
    crashed or killed worker): what is known of it without reading it again."""
    base: Row = {
        "doc_id": sha256[:16],
        "source_path": item.display,
        "sha256": sha256,
        "file_size": size,
        "extractor_version": __version__,
        "extracted_at": extracted_at,
        "source_format": source_format,
    }
    return _failed(base, item, reason, year)


def _brief(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}"[:200]


def _assemble(
    base: Row, item: InputFile, doc: Document, norm: Normalized, option_year: int | None
) -> FileResult:
    year, source = _fiscal_year(option_year, norm, item)
    norm.validate_year(year)
    doc_id = base["doc_id"]
    rows: dict[str, list[Row]] = {}
    for name in CONTENT_DATASETS:
        rows[name] = [{"doc_id": doc_id, "fiscal_year": year, **row} for row in getattr(norm, name)]
    rows["issues"] = _issue_rows(doc_id, year, norm.findings)
    extraction_errors = [f for f in norm.findings if f.code in EXTRACTION_CODES]
    nothing = not any(rows[name] for name in CONTENT_DATASETS)
    if extraction_errors:
        status = "failed" if nothing else "partial"
        error: str | None = extraction_errors[0].message
    else:
        status, error = "ok", None
    rows["documents"] = [
        {
            **base,
            "fiscal_year": year,
            "fiscal_year_source": source,
            "unit_code": norm.unit_code,
            "unit_name": norm.unit_name,
            "status": status,
            "error": error,
            "n_projects": len(rows["projects"]),
            "n_indicators": len(rows["indicators"]),
            "n_issues": len(rows["issues"]),
            "encoding": doc.encoding,
            "n_pages": doc.n_pages,
            "sheets": "; ".join(norm.sheets) or None,
            "n_pages_parsed": doc.n_pages_parsed,
            "ocr_pages": doc.ocr_pages,
        }
    ]
    denormalize(rows, item.display)
    return FileResult(doc_id, item.display, status, error, rows)


def _fiscal_year(
    option: int | None, norm: Normalized, item: InputFile
) -> tuple[int | None, str | None]:
    candidates: Sequence[tuple[int | None, str]] = (
        (option, "option"),
        (norm.year_from_text, "text"),
        (norm.year_from_codes, "project_code"),
        (fiscal.year_from_filename(item.path.name), "filename"),
    )
    for year, source in candidates:
        if year is not None:
            return year, source
    return None, None


def _issue_rows(doc_id: str, year: int | None, findings: Sequence[Finding]) -> list[Row]:
    return [
        {
            "doc_id": doc_id,
            "fiscal_year": year,
            "seq": seq,
            "project_seq": f.project_seq,
            "severity": f.severity,
            "code": f.code,
            "message": f.message,
            "location": f.location,
        }
        for seq, f in enumerate(findings, start=1)
    ]


def _failed(base: Row, item: InputFile, reason: str, option_year: int | None) -> FileResult:
    year, source = _fallback_year(option_year, item)
    doc_id = base["doc_id"]
    issue = Finding(ERROR, "file_unreadable", reason)
    document = {
        **base,
        "fiscal_year": year,
        "fiscal_year_source": source,
        "status": "failed",
        "error": reason,
        "n_projects": 0,
        "n_indicators": 0,
        "n_issues": 1,
    }
    rows: dict[str, list[Row]] = {name: [] for name in CONTENT_DATASETS}
    rows["issues"] = _issue_rows(doc_id, year, [issue])
    rows["documents"] = [document]
    denormalize(rows, item.display)
    return FileResult(doc_id, item.display, "failed", reason, rows)


def unreadable_result(item: InputFile, reason: str, extracted_at: datetime) -> FileResult:
    """A file we cannot even read has no content hash; its id comes from its path instead."""
    digest = hashlib.sha256(f"unreadable:{item.path}".encode()).hexdigest()
    base: Row = {
        "doc_id": digest[:16],
        "source_path": item.display,
        "source_format": None,
        "sha256": None,
        "file_size": None,
        "extractor_version": __version__,
        "extracted_at": extracted_at,
    }
    return _failed(base, item, reason, None)


def _fallback_year(option: int | None, item: InputFile) -> tuple[int | None, str | None]:
    if option is not None:
        return option, "option"
    from_name = fiscal.year_from_filename(item.path.name)
    return (from_name, "filename") if from_name is not None else (None, None)


def merged_rows(results: Iterable[FileResult]) -> dict[str, list[Row]]:
    merged: dict[str, list[Row]] = {}
    for result in results:
        for name, rows in result.rows.items():
            merged.setdefault(name, []).extend(rows)
    return merged
