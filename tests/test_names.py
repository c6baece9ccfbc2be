"""File names with control characters: one-line messages show them escaped, the datasets keep
them exact (issue 16, defect 5)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd

import extract
from conftest import SAMPLES
from extract.names import shown

BAD = "bad\nname.pdf"
TABBED = "tab\there\x1b.txt"


def test_shown_escapes_control_characters_only() -> None:
    assert shown("bad\nname.pdf") == "bad\\nname.pdf"
    assert shown("a\tb\r\x1b\x7f") == "a\\tb\\r\\x1b\\x7f"
    assert shown("x\u2028y\u202ez") == "x\\u2028y\\u202ez"
    assert shown("2021年/部门　绩效 目标.docx") == "2021年/部门　绩效 目标.docx"  # spaces stay
    assert shown(Path("a/b.txt")) == "a/b.txt"


def test_a_newline_in_a_file_name_keeps_each_message_on_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / BAD).write_bytes(b"%PDF-1.7\nnot really a pdf\n")
    (folder / TABBED).write_bytes((SAMPLES / "reference.txt").read_bytes())
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "extract", "run", str(folder), "--out", str(out), "--jobs", "1"],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 1, done.stderr
    failed = [line for line in done.stderr.splitlines() if line.startswith("failed:")]
    assert len(failed) == 1
    assert failed[0].startswith("failed: bad\\nname.pdf: ")
    assert not any(line.startswith("name.pdf") for line in done.stderr.splitlines())
    # The datasets keep the exact names, in Parquet and through the CSV.
    data = extract.load(out)
    assert sorted(data.documents["source_path"]) == sorted([BAD, TABBED])
    assert sorted(data.files["source_path"]) == sorted([BAD, TABBED])
    csv = pd.read_csv(out / "documents.csv", encoding="utf-8-sig", dtype=str)
    assert sorted(csv["source_path"]) == sorted([BAD, TABBED])
