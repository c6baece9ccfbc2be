"""The repeated columns, checked by their rule on every sample: indicators and issues carry
their project's code and name, issues their file's path, projects and documents the division
their printed region code or unit name says (issue 17: a spreadsheet user needs no joins)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import SAMPLES
from extract.normalizers.regions import division, division_in
from extract.pipeline import FileResult, InputFile, extract_file

FAST = (".txt", ".docx", ".xlsx", ".csv", ".html")
SAMPLE_FILES = sorted(p for p in SAMPLES.rglob("*") if p.suffix in FAST and p.is_file())


def _extract(path: Path) -> FileResult:
    return extract_file(InputFile(path, path.name), year=None, extracted_at=datetime.now(UTC))


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.relative_to(SAMPLES).as_posix())
def test_repeated_columns_follow_their_rule(path: Path) -> None:
    result = _extract(path)
    projects = {p["project_seq"]: p for p in result.rows["projects"]}
    for name in ("indicators", "issues"):
        for row in result.rows[name]:
            owner = projects.get(row["project_seq"])
            assert row["project_code"] == (owner["project_code"] if owner else None)
            assert row["project_name"] == (owner["project_name"] if owner else None)
    assert {issue["source_path"] for issue in result.rows["issues"]} <= {path.name}
    for project in projects.values():
        _assert_division(project, printed=division(project["region_code"]))
    for document in result.rows["documents"]:
        _assert_division(document, printed=None)


def _assert_division(row: dict[str, object], printed: object) -> None:
    code, source = row["division_code"], row["region_source"]
    if printed is not None:
        assert (code, source) == (row["region_code"], "project_code")
    elif source in ("unit_name", "department_name"):
        found = division_in(row[source])  # type: ignore[arg-type]
        assert found is not None and found.code == code
    else:
        assert source in (None, "projects")
    if code is None:
        assert row["region_name"] is None and source is None
    else:
        found = division(code)  # type: ignore[arg-type]
        assert found is not None and row["region_name"] == found.name


def test_the_reference_is_of_beidaihe() -> None:
    result = _extract(SAMPLES / "reference.txt")
    places = {
        (p["division_code"], p["region_name"], p["region_source"]) for p in result.rows["projects"]
    }
    assert places == {("130304", "河北省 秦皇岛市 北戴河区", "project_code")}
    document = result.rows["documents"][0]
    assert (document["division_code"], document["region_source"]) == ("130304", "projects")


def test_a_unit_name_without_a_code_gives_its_county() -> None:
    """County flat sheets print `820001-井研县马踏镇人民政府`: no region code, the county by
    its name."""
    sheets = sorted((SAMPLES / "flat_sheet").glob("jingyan_*.xlsx"))
    assert sheets
    result = _extract(sheets[0])
    named = [p for p in result.rows["projects"] if p["region_source"] == "unit_name"]
    assert named and {p["region_name"] for p in named} == {"四川省 乐山市 井研县"}
