"""The `files` dataset: what every input path of a run is, and paths whose content changed.

A document is its content (doc_id = hash of the bytes); a path is where a user keeps it. Each
run records every path it saw: the document it holds, the earlier path whose duplicate it is,
or the reason it was not read. A path that now holds other content than the last run saw
replaces that path's old document, unless another path still holds the old content, and the
new document says so with a `document_replaced` note.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePath
from typing import Any

from extract.names import shown
from extract.normalizers.findings import INFO, Finding
from extract.pipeline import FileResult, add_issue
from extract.writers import read_tables

Row = dict[str, Any]
UNCHANGED_NOTE = "unchanged since an earlier run"  # a path an earlier run already read


@dataclass(slots=True)
class PathBook:
    """Path -> doc_id as OUT holds it, kept current as the run commits."""

    seen_at: datetime
    paths: dict[str, str | None] = field(default_factory=dict)
    refs: Counter[str | None] = field(default_factory=Counter)  # doc_id -> paths holding it

    def _point(self, path: str, doc_id: str | None) -> str | None:
        """Record that `path` holds `doc_id`; the doc_id it held before."""
        old = self.paths.get(path)
        if old is not None or path in self.paths:
            self.refs[old] -= 1
        self.paths[path] = doc_id
        self.refs[doc_id] += 1
        return old

    @classmethod
    def of(cls, out: Any, seen_at: datetime) -> PathBook:
        book = cls(seen_at)
        if not (out / "documents").is_dir():
            return book
        tables = read_tables(out, ["documents", "files"])
        documents, files = tables["documents"], tables["files"]
        for path, doc_id in zip(
            documents["source_path"].to_pylist(), documents["doc_id"].to_pylist(), strict=True
        ):
            if path not in book.paths:
                book._point(path, doc_id)
        for path, doc_id, role in zip(
            files["source_path"].to_pylist(),
            files["doc_id"].to_pylist(),
            files["role"].to_pylist(),
            strict=True,
        ):
            if role in ("document", "duplicate"):
                book._point(path, doc_id)
        return book

    def commit_rows(self, results: Sequence[FileResult]) -> tuple[list[Row], set[str]]:
        """`files` rows of these results, and the old documents their paths replace (each new
        document also gets a `document_replaced` issue)."""
        rows: list[Row] = []
        replaced: set[str] = set()
        for result in results:
            old = self._point(result.display, result.doc_id)
            if old is not None and old != result.doc_id and self.refs[old] <= 0:
                replaced.add(old)
                _note_replacement(result, old)
            rows.append(self._row(result.display, result.doc_id, "document", None))
        return rows, replaced

    def other_rows(
        self,
        duplicate_of: Mapping[str, tuple[str, str]],
        unchanged: Iterable[tuple[str, str]],
        unsupported: Iterable[str],
    ) -> list[Row]:
        """Rows for the paths the run did not extract: duplicates, unchanged, unsupported."""
        rows = []
        for path, doc_id in unchanged:
            self._point(path, doc_id)
            rows.append(self._row(path, doc_id, "document", UNCHANGED_NOTE))
        for path, (first, doc_id) in duplicate_of.items():
            rows.append(self.duplicate_row(path, doc_id, f"duplicate of {first}"))
        for path in unsupported:
            suffix = PurePath(path).suffix.lower() or "these"
            rows.append(self._row(path, None, "unsupported", f"{suffix} files are not read"))
        return rows

    def duplicate_row(self, path: str, doc_id: str, note: str) -> Row:
        self._point(path, doc_id)
        return self._row(path, doc_id, "duplicate", note)

    def _row(self, path: str, doc_id: str | None, role: str, note: str | None) -> Row:
        return {
            "source_path": path,
            "doc_id": doc_id,
            "role": role,
            "note": note,
            "seen_at": self.seen_at,
        }


def _note_replacement(result: FileResult, old: str) -> None:
    message = (
        f"{shown(result.display)} held other content before (document {old}); "
        "that document's rows were replaced by these"
    )
    add_issue(result, Finding(INFO, "document_replaced", message))
