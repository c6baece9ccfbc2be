"""The bad-input matrix: each class of broken or hostile file, fed to `extract run` beside a
good document. The run must finish, keep every row of the good document, give the bad file a
`documents` row with its status and a one-line reason, and exit as the README says.
"""

from __future__ import annotations

import csv
import shutil
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result

import extract
from bad_inputs import MATRIX, SAMPLES, Case, long_pdf
from extract.cli import main
from extract.pipeline import InputFile
from extract.runner import Options, execute

GOOD = SAMPLES / "reference.docx"


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, ["run", *args])


@pytest.mark.parametrize("case", MATRIX, ids=[c.name for c in MATRIX])
def test_bad_file_beside_a_good_one(case: Case, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.docx")
    (folder / case.filename).write_bytes(case.build())
    out = tmp_path / "out"
    result = _run(str(folder), "--out", str(out))
    assert result.exit_code == (1 if case.status == "failed" else 0), result.output
    ds = extract.load(out)
    docs = ds.documents.set_index("source_path")
    assert docs.loc["good.docx", "status"] == "ok"
    good_id = docs.loc["good.docx", "doc_id"]
    assert (ds.indicators["doc_id"] == good_id).sum() == 27
    assert (ds.projects["doc_id"] == good_id).sum() == 3
    bad = docs.loc[case.filename]
    assert bad["status"] == case.status
    if case.error is None:
        assert pd.isna(bad["error"])
    else:
        assert bad["error"].startswith(case.error), bad["error"]
        assert "\n" not in bad["error"] and len(bad["error"]) < 200
        assert f"{case.status}: {case.filename}: {bad['error']}" in result.output


def test_encodings_say_what_was_used_and_agree(tmp_path: Path) -> None:
    """Every text encoding of the reference gives the same rows, and names its encoding."""
    folder = tmp_path / "in"
    folder.mkdir()
    text_cases = [c for c in MATRIX if c.filename.endswith(".txt") and c.status == "ok"]
    for case in text_cases:
        if case.filename not in ("part_one.txt", "notice.txt"):
            (folder / case.filename).write_bytes(case.build())
    out = tmp_path / "out"
    assert _run(str(folder), "--out", str(out)).exit_code == 0
    ds = extract.load(out)
    encodings = dict(zip(ds.documents.source_path, ds.documents.encoding, strict=True))
    assert encodings == {
        "gbk.txt": "gb18030",
        "gb18030.txt": "gb18030",
        "utf16.txt": "utf-16",
        "utf8bom.txt": "utf-8-sig",
        "crlf.txt": "utf-8",
    }
    per_doc = ds.indicators.groupby("doc_id")["value_raw"].apply(tuple)
    assert len(set(per_doc)) == 1 and len(per_doc.iloc[0]) == 27


def test_no_project_tables_is_ok_with_an_issue_saying_so(tmp_path: Path) -> None:
    case = next(c for c in MATRIX if c.name == "no project tables")
    path = tmp_path / case.filename
    path.write_bytes(case.build())
    out = tmp_path / "out"
    assert _run(str(path), "--out", str(out)).exit_code == 0
    issues = extract.load(out).issues
    assert issues["code"].tolist() == ["no_project_tables"]


def test_unwritable_output_fails_before_any_work(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    out = blocker / "out"
    result = _run(str(GOOD), "--out", str(out))
    assert result.exit_code == 2
    assert result.output.startswith("Error: ")
    assert "cannot" in result.output.lower() or "not a folder" in result.output.lower()
    assert blocker.read_text() == "not a folder"


def test_csv_cannot_run_formulas_but_parquet_keeps_the_values(tmp_path: Path) -> None:
    """Real indicator values start with `=`, `+`, `-` and `@`; a spreadsheet must show them."""
    text = (SAMPLES / "reference.txt").read_text(encoding="utf-8")
    values = {"≥50%": "=1次", "≥100%": "+10%", "≥85%": "-5%", "≥95%": "@全体"}
    for old, new in values.items():
        text = text.replace(f"\t{old}\n", f"\t{new}\n", 1)
    path = tmp_path / "formulas.txt"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert _run(str(path), "--out", str(out)).exit_code == 0
    with (out / "indicators.csv").open(encoding="utf-8-sig", newline="") as handle:
        cells = [row["value_raw"] for row in csv.DictReader(handle)]
    for value in values.values():
        assert "'" + value in cells
        assert value not in cells
    parquet = pq.read_table(out / "indicators").column("value_raw").to_pylist()
    assert set(values.values()) <= set(parquet)


@pytest.fixture(scope="module")
def long_pdf_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("long")
    path = folder / "long.pdf"
    path.write_bytes(long_pdf(2000))
    return path


def test_a_2000_page_pdf_is_stopped_by_the_timeout(long_pdf_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.docx")
    shutil.copy(long_pdf_file, folder / "long.pdf")
    out = tmp_path / "out"
    start = time.monotonic()
    result = _run(str(folder), "--out", str(out), "--timeout", "1")
    assert time.monotonic() - start < 30
    assert result.exit_code == 1
    docs = extract.load(out).documents.set_index("source_path")
    assert docs.loc["good.docx", "n_indicators"] == 27
    assert docs.loc["long.pdf", "error"] == (
        "stopped after 1 s (--timeout): the file takes too long to read"
    )


def test_a_2000_page_pdf_finishes_in_bounded_memory(long_pdf_file: Path, tmp_path: Path) -> None:
    """Read to the end within the default timeout, under a 1 GiB cap, in a worker whose peak
    memory stays far below it (pages are released as they are read)."""
    report = execute(
        [InputFile(long_pdf_file, "long.pdf"), InputFile(GOOD, "good.docx")],
        Options(out=tmp_path / "out", jobs=1, memory_mb=1024),
        progress=None,
    )
    done = {d.display: d for d in report.done}
    assert done["good.docx"].status == "ok"
    long = done["long.pdf"]  # read to the end: its own verdict, not a timeout or memory error
    # Its 2,000 small tables match no template: nothing is invented from them (contract v2).
    assert long.status == "ok" and long.error is None
    ds = extract.load(tmp_path / "out")
    pages = ds.documents.set_index("source_path")
    assert pages.loc["long.pdf", "n_pages"] == 2000
    assert pages.loc["long.pdf", "n_projects"] == 0
    long_issues = ds.issues[ds.issues.doc_id == pages.loc["long.pdf", "doc_id"]]
    assert long_issues.code.tolist() == ["no_target_tables"]
    assert max(report.worker_rss_kib) < 400 * 1024
