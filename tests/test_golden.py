"""Every format and layout of the reference content yields exactly the reviewed golden rows.

The golden files in tests/golden/reference/ were checked by hand against the document once
(see tests/test_reference.py for the facts spelled out); from then on they are compared
exactly. Only per-file columns (doc_id, source_format, source_location, …) may differ.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from conftest import GOLDEN, SAMPLES
from extract.parsers.formats import input_suffixes
from extract.parsers.office_convert import soffice
from extract.pipeline import InputFile, extract_file
from extract.schema import DATASETS
from golden_io import comparable, dump, load

# Parser notes describe how a format's quirks were resolved; they are true of one rendering only.
FORMAT_SPECIFIC_CODES = frozenset({"parser_note"})


# Formats read through LibreOffice: their golden tests skip, with the reason, without it.
CONVERTED = frozenset({".doc", ".wps"})
HAS_SOFFICE = soffice() is not None
NO_SOFFICE = (
    "LibreOffice (soffice) is not installed: Debian apt-get install libreoffice-writer-nogui"
)


def _skip_without_soffice(path: Path) -> None:
    if path.suffix in CONVERTED and not HAS_SOFFICE:
        pytest.skip(NO_SOFFICE)


def _sample_files() -> list[Path]:
    files = [SAMPLES / "reference.txt", SAMPLES / "reference.doc", SAMPLES / "reference.wps"]
    files += sorted(SAMPLES.glob("reference.docx")) + sorted(SAMPLES.glob("reference.pdf"))
    files += (
        sorted((SAMPLES / "variants").glob("*.docx")) if (SAMPLES / "variants").is_dir() else []
    )
    files += sorted((SAMPLES / "variants").glob("*.pdf")) if (SAMPLES / "variants").is_dir() else []
    files += sorted((SAMPLES / "variants").glob("*.txt")) if (SAMPLES / "variants").is_dir() else []
    return files


def _rows(path: Path) -> dict[str, list[dict[str, object]]]:
    result = extract_file(
        InputFile(path, path.name), year=None, extracted_at=datetime(2026, 1, 1, tzinfo=UTC)
    )
    rows = {name: comparable(result.rows.get(name, []), name) for name in DATASETS}
    rows["issues"] = [r for r in rows["issues"] if r["code"] not in FORMAT_SPECIFIC_CODES]
    for r in rows["issues"]:
        r.pop("seq", None)
    for r in rows["documents"]:
        r.pop("n_issues", None)
    return rows


def test_golden_reference_txt(update_golden: bool) -> None:
    rows = _rows(SAMPLES / "reference.txt")
    folder = GOLDEN / "reference"
    if update_golden:
        for name, data in rows.items():
            dump(folder / f"{name}.json", data)
        pytest.fail("golden files rewritten: review `git diff tests/golden`, then re-run")
    for name in DATASETS:
        assert rows[name] == load(folder / f"{name}.json"), name


@pytest.mark.parametrize("path", _sample_files(), ids=lambda p: p.relative_to(SAMPLES).as_posix())
def test_every_format_matches_golden(path: Path) -> None:
    _skip_without_soffice(path)
    rows = _rows(path)
    for name in DATASETS:
        assert rows[name] == load(GOLDEN / "reference" / f"{name}.json"), name


# --- the other template families ----------------------------------------------------------------

# Each folder tests/golden/<family>/<sample>/ holds the rows written by the sample generator from
# the content it rendered (samples/forms, samples/narrative_gen), never from the extractor; every
# rendering samples/<family>/<sample>.{txt,docx,pdf} must give exactly those rows.
FAMILY_FOLDERS = (
    "declaration_form",
    "declaration_form_alt",
    "flat_sheet",
    "narrative",
    "narrative_alt",
    "no_targets",
    "reference_alt",
)
CONTENT = tuple(name for name in DATASETS if name != "issues")
READ_SUFFIXES = input_suffixes()
# Renderings whose text cannot say what their Word original said, and what they lose. Each is
# run (strict xfail: passing would be news, and fails the test so this list is kept true).
_PARAGRAPH_AT_LINE_END = (
    "a 工作保障措施 paragraph ending exactly at the right margin (no first-line indent) prints "
    "like a wrapped line in the PDF: it joins the next measure"
)
AMBIGUOUS = {
    "reference_alt/beidaihe_chengguan_2021.pdf": _PARAGRAPH_AT_LINE_END,
    "reference_alt/changli_weijian_2023.pdf": _PARAGRAPH_AT_LINE_END,
}
EXTRACTION_ERRORS = frozenset({"template_unmatched", "table_unrecognized", "content_unread"})


def _family_samples() -> list[Any]:
    cases = []
    for family in FAMILY_FOLDERS:
        for golden in sorted((GOLDEN / family).glob("*/")):
            for path in sorted((SAMPLES / family).glob(f"{golden.name}.*")):
                if path.suffix not in READ_SUFFIXES:
                    continue
                reason = AMBIGUOUS.get(path.relative_to(SAMPLES).as_posix())
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                cases.append(pytest.param(path, golden, marks=marks))
    return cases


@pytest.mark.parametrize(
    ("path", "golden"),
    _family_samples(),
    ids=lambda value: value.relative_to(SAMPLES).as_posix() if SAMPLES in value.parents else "",
)
def test_family_sample_matches_golden(path: Path, golden: Path) -> None:
    _skip_without_soffice(path)
    rows = _rows(path)
    for name in CONTENT:
        assert rows[name] == load(golden / f"{name}.json"), name
    codes = [r["code"] for r in rows["issues"]]
    assert not EXTRACTION_ERRORS & set(codes), codes
    if golden.parent.name in ("narrative", "narrative_alt", "no_targets"):  # few notes
        assert len(codes) <= 5, codes


def test_a_legacy_word_file_without_libreoffice_says_how_to_read_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("extract.parsers.office_convert.soffice", lambda: None)
    result = extract_file(
        InputFile(SAMPLES / "reference.wps", "reference.wps"),
        year=None,
        extracted_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    assert result.status == "failed"
    assert result.rows["documents"][0]["source_format"] == "wps"
    assert result.error == (
        "legacy Word/WPS file: reading it needs LibreOffice (Debian: apt-get install "
        "libreoffice-writer-nogui), or save it as .docx"
    )
