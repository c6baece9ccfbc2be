"""The `extract run` command end to end: exit codes, summary, output layout, bad input."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result

import extract
from bad_inputs import OLE, laughs_docx, zip_archive
from conftest import SAMPLES
from extract.cli import main
from extract.schema import DATASETS, SCHEMAS

REFERENCE = SAMPLES / "reference.txt"


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, ["run", *args])


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(REFERENCE, folder / "reference.txt")
    return folder


def test_run_writes_every_dataset(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _run(str(inputs), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "1 file: 1 ok, 0 partial, 0 failed; 3 projects, 27 indicators" in result.output
    for name in DATASETS:
        assert (out / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf")
        files = sorted(p.name for p in (out / name).iterdir())
        assert files == ["2021.parquet"], name
        assert pq.read_schema(out / name / "2021.parquet").equals(SCHEMAS[name]), name
    projects = pd.read_parquet(out / "projects")
    assert projects["project_code"].iloc[0] == "13030421K8U6FQHZNYVC1"
    ds = extract.load(out)
    assert ds.documents["source_path"].tolist() == ["reference.txt"]
    assert str(ds.projects["fiscal_year"].dtype) == "Int16"
    assert ds.indicators.shape[0] == 27


def test_rerun_replaces_and_keeps(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _run(str(inputs), "--out", str(out)).exit_code == 0
    other = tmp_path / "other.txt"
    other.write_bytes(REFERENCE.read_bytes() + "\n附注\n".encode())
    assert _run(str(other), "--out", str(out)).exit_code == 0
    assert _run(str(inputs), "--out", str(out), "--year", "2022").exit_code == 0
    ds = extract.load(out)
    assert len(ds.documents) == 2
    assert sorted(ds.documents["fiscal_year"].tolist()) == [2021, 2022]
    assert len(ds.indicators) == 54
    assert sorted(p.name for p in (out / "projects").iterdir()) == ["2021.parquet", "2022.parquet"]


def test_bad_files_fail_alone(inputs: Path, tmp_path: Path) -> None:
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "garbage.docx").write_bytes(b"\x00\x01garbage" * 50)
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out"
    result = _run(str(inputs), "--out", str(out))
    assert result.exit_code == 1
    assert "4 files: 1 ok, 0 partial, 3 failed" in result.output
    docs = extract.load(out).documents.set_index("source_path")
    assert docs.loc["reference.txt", "status"] == "ok"
    assert docs.loc["empty.txt", "error"] == "the file is empty"
    assert docs.loc["garbage.docx", "status"] == "failed"
    assert docs.loc["garbage.docx", "error"].startswith("not a valid Word file")
    assert docs.loc["binary.txt", "error"].startswith("not a text file")
    for error in docs["error"].dropna():
        assert "\n" not in error
    assert len(extract.load(out).indicators) == 27


BAD_WORD_FILES = {
    "not_a_zip.docx": (b"PK\x03\x04" + bytes(300), "not a valid Word file"),
    "no_document.docx": (
        zip_archive({"word/styles.xml": "<styles/>"}),
        "not a Word document: the archive has no word/document.xml",
    ),
    "password.docx": (
        OLE + bytes(512) + "EncryptedPackage".encode("utf-16-le") + bytes(512),
        "password-protected Word file: remove the password and save again",
    ),
    "legacy.docx": (OLE + bytes(2048), "legacy Word .doc file: save it as .docx"),
    "laughs.docx": (
        laughs_docx(),
        "unsafe Word file: XML contains a DTD/entities",
    ),
}


def test_bad_word_files_fail_alone(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "reference.docx", folder / "good.docx")
    for name, (data, _) in BAD_WORD_FILES.items():
        (folder / name).write_bytes(data)
    out = tmp_path / "out"
    result = _run(str(folder), "--out", str(out))
    assert result.exit_code == 1
    assert "6 files: 1 ok, 0 partial, 5 failed; 3 projects, 27 indicators" in result.output
    ds = extract.load(out)
    docs = ds.documents.set_index("source_path")
    assert docs.loc["good.docx", "status"] == "ok"
    for name, (_, reason) in BAD_WORD_FILES.items():
        assert docs.loc[name, "status"] == "failed", name
        assert docs.loc[name, "error"].startswith(reason), (name, docs.loc[name, "error"])
        assert f"failed: {name}: {reason}" in result.output
    assert len(ds.indicators) == 27


def test_whitespace_only_and_no_tables(tmp_path: Path) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\u3000\n\t\n", encoding="utf-8")
    prose = tmp_path / "prose.txt"
    prose.write_text("关于印发预算的通知\n请各单位认真执行。\n", encoding="utf-8")
    part_one = tmp_path / "part_one.txt"
    part_one.write_text(
        "一、总体绩效目标\n保障运转。\n三、工作保障措施\n完善制度。制定制度。\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = _run(str(blank), str(prose), str(part_one), "--out", str(out))
    assert result.exit_code == 1
    ds = extract.load(out)
    docs = ds.documents.set_index("source_path")
    assert docs.loc[str(blank), "status"] == "failed"
    # Readable prose without targets: ok, 0 projects, and a note saying so (contract v2).
    assert docs.loc[str(prose), "status"] == "ok"
    assert docs.loc[str(prose), "n_projects"] == 0
    assert docs.loc[str(part_one), "status"] == "ok"
    codes = ds.issues.groupby("doc_id")["code"].apply(list)
    assert "no_project_tables" in codes[docs.loc[str(part_one), "doc_id"]]
    assert codes[docs.loc[str(prose), "doc_id"]] == ["no_target_tables"]


def test_same_file_twice_is_extracted_once(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _run(str(inputs), str(inputs / "reference.txt"), "--out", str(out))
    assert result.exit_code == 0
    assert "(skipped: 1 duplicate file(s))" in result.output
    assert len(extract.load(out).documents) == 1


def test_usage_errors(tmp_path: Path) -> None:
    missing = _run(str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out"))
    assert missing.exit_code == 2
    assert "does not exist" in missing.output
    blocker = tmp_path / "file"
    blocker.write_text("x")
    unwritable = _run(str(REFERENCE), "--out", str(blocker / "out"))
    assert unwritable.exit_code == 2
    assert unwritable.output.startswith("Error: ")
    assert not (blocker / "out").exists()
    assert _run(str(REFERENCE)).exit_code == 2  # --out is required


def test_a_full_disk_exits_2_and_keeps_the_old_output(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert _run(str(inputs), "--out", str(out)).exit_code == 0

    def snapshot() -> dict[Path, bytes]:  # the lock file names its last holder: not data
        return {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and p.name != ".lock"}

    before = snapshot()
    other = tmp_path / "other.txt"
    other.write_bytes(REFERENCE.read_bytes() + "\n附注\n".encode())
    real = pq.write_table
    written = 0

    def full_after_two(*args: object, **kwargs: object) -> None:
        nonlocal written
        written += 1
        if written > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(*args, **kwargs)

    monkeypatch.setattr(pq, "write_table", full_after_two)
    result = _run(str(other), "--out", str(out), "--jobs", "1")
    assert result.exit_code == 2, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1 and "No space left on device" in errors[0]
    assert snapshot() == before


def test_paths_with_spaces_and_chinese(tmp_path: Path) -> None:
    folder = tmp_path / "二〇二一 年 预算"
    folder.mkdir()
    shutil.copy(REFERENCE, folder / "采购 中心.txt")
    out = tmp_path / "输出 目录"
    assert _run(str(folder), "--out", str(out)).exit_code == 0
    assert extract.load(out).documents["source_path"].tolist() == ["采购 中心.txt"]


def test_symlink_loop_does_not_hang(inputs: Path, tmp_path: Path) -> None:
    (inputs / "loop").symlink_to(inputs, target_is_directory=True)
    result = _run(str(inputs), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert "1 file: 1 ok" in result.output


def test_python_dash_m(inputs: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "extract", "run", str(inputs), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "3 projects, 27 indicators" in proc.stdout


def test_templates_lists_every_template_id() -> None:
    result = CliRunner().invoke(main, ["templates"])
    assert result.exit_code == 0
    ids = [line.split()[0] for line in result.output.splitlines()]
    assert ids == ["project_table", "declaration_form", "flat_sheet", "narrative"]


def test_a_pinned_template_reads_every_table_with_it(tmp_path: Path) -> None:
    form = SAMPLES / "declaration_form" / "wuhai_2021.docx"
    out = tmp_path / "out"
    pinned = _run(str(form), "--out", str(out), "--template", "project_table")
    assert pinned.exit_code == 0
    assert set(extract.load(out).projects.template) == {"project_table"}
    prose = _run(str(form), "--out", str(out), "--template", "narrative")
    assert prose.exit_code == 1  # the 申报表's tables are no prose sheets
    docs = extract.load(out).documents.set_index("source_path")
    assert docs.loc[str(form), "status"] == "failed"
    assert "no template (narrative) reads it" in docs.loc[str(form), "error"]
    chosen = _run(str(form), "--out", str(out))  # chosen per table again: read, not skipped
    assert chosen.exit_code == 0
    assert set(extract.load(out).projects.template) == {"declaration_form"}


def test_an_unknown_template_is_a_usage_error(tmp_path: Path) -> None:
    result = _run(str(REFERENCE), "--out", str(tmp_path / "out"), "--template", "hebei")
    assert result.exit_code == 2
    assert "unknown template 'hebei'" in result.output
