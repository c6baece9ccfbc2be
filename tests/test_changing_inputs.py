"""Files rewritten while a run reads them: rows follow the bytes read, the row says the file
changed, and OUT never holds two documents rows with one doc_id (issue 16, defect 3)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

import extract
from conftest import SAMPLES
from extract import runner
from extract.pipeline import InputFile, collect_inputs
from extract.runner import Options, execute
from extract.writers import write_datasets

REFERENCE = (SAMPLES / "reference.txt").read_bytes()


def _variant(n: int) -> bytes:
    """The reference document with its unit code changed: other content, same layout."""
    return REFERENCE.replace(b"130304", f"13{n:04d}".encode(), 1)


def _doc_id(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _rewrite_after_planning(monkeypatch: pytest.MonkeyPatch, rewrites: dict[Path, bytes]) -> None:
    """Planning hashes the files as they are; the files change before the workers read them."""
    real_plan = runner.plan

    def plan_then_rewrite(*args: Any, **kwargs: Any) -> Any:
        planned = real_plan(*args, **kwargs)
        for path, data in rewrites.items():
            path.write_bytes(data)
        return planned

    monkeypatch.setattr(runner, "plan", plan_then_rewrite)


def _run(folder: Path, out: Path, jobs: int = 2, commit_every: int = 500) -> runner.Report:
    options = Options(out=out, jobs=jobs, commit_every=commit_every)
    return execute(collect_inputs([folder]), options, None)


@pytest.mark.parametrize(
    ("kept", "changed", "jobs", "commit_every"),
    [
        ("a.txt", "b.txt", 1, 500),
        ("b.txt", "a.txt", 1, 500),
        ("b.txt", "a.txt", 1, 1),  # the changed path's rows are in OUT already
        ("a.txt", "b.txt", 2, 500),
    ],
    ids=["unchanged-read-first", "changed-read-first", "changed-committed-first", "two-workers"],
)
def test_a_file_rewritten_with_another_inputs_bytes_is_a_duplicate(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kept: str,
    changed: str,
    jobs: int,
    commit_every: int,
) -> None:
    """Whichever of the two is read first, the unchanged path holds the document."""
    folder = tmp_path / "in"
    folder.mkdir()
    content, other = _variant(1), _variant(2)
    assert _doc_id(content) != _doc_id(other)
    (folder / kept).write_bytes(content)
    (folder / changed).write_bytes(other)
    _rewrite_after_planning(monkeypatch, {folder / changed: content})
    out = tmp_path / "out"
    report = _run(folder, out, jobs=jobs, commit_every=commit_every)

    data = extract.load(out)
    documents = data.documents
    assert documents["doc_id"].tolist() == [_doc_id(content)]  # the planned `other` was not read
    assert documents["source_path"].tolist() == [kept]
    files = data.files.set_index("source_path")
    assert files.loc[changed, "role"] == "duplicate"
    assert files.loc[changed, "doc_id"] == _doc_id(content)
    assert files.loc[changed, "note"] == f"duplicate of {kept}; the file changed during the run"
    assert files.loc[kept, "role"] == "document"
    # The rows are the unchanged path's: no change note, and every child count agrees.
    assert "file_changed_during_run" not in set(data.issues["code"])
    counts = data.indicators.groupby("doc_id").size().to_dict()
    assert documents.set_index("doc_id")["n_indicators"].to_dict() == counts
    assert documents["n_issues"].tolist() == [len(data.issues)]
    assert [d.display for d in report.done] == [kept] and report.duplicates == [changed]


def test_a_rewritten_file_says_so_and_its_duplicates_are_read_themselves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    planned, written = _variant(3), _variant(4)
    (folder / "c.txt").write_bytes(planned)
    (folder / "d.txt").write_bytes(planned)  # planned as a duplicate of c.txt
    _rewrite_after_planning(monkeypatch, {folder / "c.txt": written})
    out = tmp_path / "out"
    _run(folder, out, jobs=1)

    data = extract.load(out)
    documents = data.documents.set_index("source_path")
    assert data.documents["doc_id"].is_unique
    assert documents.loc["c.txt", "doc_id"] == _doc_id(written)  # doc_id follows the bytes read
    assert documents.loc["d.txt", "doc_id"] == _doc_id(planned)  # d still holds the old content
    changed = data.issues[data.issues["code"] == "file_changed_during_run"]
    assert changed["doc_id"].tolist() == [_doc_id(written)]
    assert changed["severity"].tolist() == ["warning"]
    assert _doc_id(planned) in changed["message"].iloc[0]
    files = data.files.set_index("source_path")
    assert files.loc["c.txt", "role"] == files.loc["d.txt", "role"] == "document"
    assert set(files["doc_id"]) <= set(data.documents["doc_id"])
    assert documents.loc["c.txt", "n_issues"] == (data.issues["doc_id"] == _doc_id(written)).sum()


def test_an_unchanged_file_has_no_change_note(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(_variant(5))
    out = tmp_path / "out"
    _run(folder, out, jobs=1)
    assert "file_changed_during_run" not in set(extract.load(out).issues["code"])


def test_a_commit_with_two_rows_of_one_document_is_refused(tmp_path: Path) -> None:
    """The invariant is the writer's: a caller that would duplicate a doc_id gets an error."""
    rows = {
        "documents": [
            {"doc_id": "d1", "source_path": "a.txt", "fiscal_year": 2021},
            {"doc_id": "d1", "source_path": "b.txt", "fiscal_year": 2021},
        ]
    }
    with pytest.raises(ValueError, match=r"two documents rows share doc_id d1: a\.txt, b\.txt"):
        write_datasets(tmp_path / "out", rows, replace_doc_ids=[])
    assert not (tmp_path / "out" / "documents").exists()


def test_inputs_carry_the_content_planning_hashed(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(_variant(6))
    planned = runner.plan([InputFile(path, "a.txt")], extracted_at=runner.datetime.now())
    assert [t.item.planned_sha256 for t in planned.tasks] == [
        hashlib.sha256(_variant(6)).hexdigest()
    ]
