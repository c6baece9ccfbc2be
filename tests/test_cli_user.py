"""What a user sees from the command line, in real processes as a user runs them: no traceback
(every user error is one `Error:` line and exit 2, naming what the user gave, never an internal
temp file), output modes, the summary's counts, `--year` applied or dropped explicitly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLES

EXTRACT = [sys.executable, "-m", "extract"]
STATUSES = ("ok:", "failed:", "partial:")


def _extract(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*EXTRACT, *args], capture_output=True, text=True, cwd=cwd, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`out` holds the reference document, `empty_out` only documents without targets."""
    folder = tmp_path_factory.mktemp("cli_errors")
    reference = _extract("run", str(SAMPLES / "reference.txt"), "--out", "out", cwd=folder)
    assert reference.returncode == 0, reference.stderr
    no_targets = sorted((SAMPLES / "no_targets").glob("*.docx"))[:1]
    ran = _extract("run", *map(str, no_targets), "--out", "empty_out", cwd=folder)
    assert ran.returncode == 0, ran.stderr
    (folder / "a_file").write_text("x", encoding="utf-8")
    (folder / "not_an_output").mkdir()
    return folder


ERRORS = [
    (["history", "out", "--csv", "nodir/h.csv"], "cannot write nodir/h.csv: No such file"),
    (["history", "out", "--csv", "out"], "is a directory"),
    (["report", "out", "-o", "nodir/r.html"], "cannot write nodir/r.html: No such file"),
    (["report", "nonexistent"], "no extract output at nonexistent"),
    (["report", "not_an_output"], "not_an_output"),
    (["run", "nonexistent.pdf", "--out", "x"], "does not exist"),
    (["run", str(SAMPLES / "reference.txt"), "--out", "a_file/out"], "a_file"),
    (["history", "a_file"], "a_file"),
]


@pytest.mark.parametrize(("args", "message"), ERRORS, ids=[" ".join(a) for a, _ in ERRORS])
def test_user_errors_are_one_line_and_exit_2(work: Path, args: list[str], message: str) -> None:
    done = _extract(*args, cwd=work)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert ".tmp" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error")]
    assert len(errors) == 1 and message in errors[0], done.stderr


def test_history_of_an_output_without_projects_says_so(work: Path) -> None:
    done = _extract("history", "empty_out", cwd=work)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "no projects in this output"
    assert done.stderr == ""


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A good document and a file that cannot be read."""
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "good.txt").write_bytes((SAMPLES / "reference.txt").read_bytes())
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really\n")
    return folder


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (["--quiet"], ["failed: broken.pdf"]),
        (["--quiet", "--verbose"], ["failed: broken.pdf", "ok: good.txt"]),
        (["--verbose"], ["failed: broken.pdf", "ok: good.txt"]),
    ],
)
def test_output_modes_name_each_file_with_its_true_status(
    mixed: Path, tmp_path: Path, flags: list[str], expected: list[str]
) -> None:
    done = _extract("run", str(mixed), "--out", "out", "--jobs", "1", *flags, cwd=tmp_path)
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    named = sorted(": ".join(line.split(": ")[:2]) for line in lines if line.startswith(STATUSES))
    assert named == expected
    if "--quiet" in flags:
        assert done.stdout == ""
        assert all(line.startswith(STATUSES) for line in lines)


def test_the_summary_counts_issues_by_severity(mixed: Path, tmp_path: Path) -> None:
    done = _extract("run", str(mixed / "good.txt"), "--out", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    # The reference document: no error, two true warnings (sentences as 成本指标 values) and
    # two notes (Tika's blank lines inside a cell).
    assert done.stdout.strip() == (
        "1 file: 1 ok, 0 partial, 0 failed; 3 projects, 27 indicators; "
        "0 errors, 2 warnings, 2 notes -> out"
    )


def test_year_applied_or_dropped_explicitly_and_unsupported_counted(tmp_path: Path) -> None:
    """`--year` then a run without it: the document is read again with its own year; a file
    extract does not read is counted in the summary."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dept.txt").write_bytes((SAMPLES / "reference.txt").read_bytes())
    (folder / "notes.rtf").write_text("{\\rtf1}", encoding="utf-8")
    forced = _extract("run", "in", "--out", "out", "--year", "2030", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    again = _extract("run", "in", "--out", "out", cwd=tmp_path)
    assert again.stdout.startswith("1 file: 1 ok"), again.stdout
    assert again.stdout.rstrip().endswith("(skipped: 1 unsupported file(s): .rtf)")
    import extract

    documents = extract.load(tmp_path / "out").documents
    assert documents[["fiscal_year", "fiscal_year_source"]].values.tolist() == [
        [2021, "project_code"]
    ]
    same = _extract("run", "in", "--out", "out", cwd=tmp_path)
    assert "1 unchanged file(s) already in out" in same.stdout
