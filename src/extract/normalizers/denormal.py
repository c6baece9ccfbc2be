"""Columns repeated from a row's project and document, so a spreadsheet user needs no joins:
indicators and issues carry their project's code and name, issues the document's path, and
projects and documents the administrative division they belong to (by the region code printed
in the project code, else by the unit's or department's name; never guessed)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from extract.normalizers.regions import Division, division, division_in

Row = dict[str, Any]


def denormalize(rows: dict[str, list[Row]], source_path: str) -> None:
    """Fill the repeated columns of one document's rows, in place."""
    projects = {project["project_seq"]: project for project in rows.get("projects", [])}
    for project in projects.values():
        _place(project, _project_division(project))
    for name in ("indicators", "issues"):
        for row in rows.get(name, []):
            owner = projects.get(row.get("project_seq"))
            row["project_code"] = owner.get("project_code") if owner else None
            row["project_name"] = owner.get("project_name") if owner else None
    for issue in rows.get("issues", []):
        issue["source_path"] = source_path
    for document in rows.get("documents", []):
        _place(document, _document_division(document, projects.values()))


def document_issue_columns(source_path: str) -> Row:
    """The repeated columns of an issue about the whole document (no project)."""
    return {"project_code": None, "project_name": None, "source_path": source_path}


def _project_division(project: Row) -> tuple[Division, str] | None:
    printed = division(project.get("region_code"))
    if printed is not None:
        return printed, "project_code"
    for column in ("unit_name", "department_name"):
        named = division_in(project.get(column))
        if named is not None:
            return named, column
    return None


def _document_division(document: Row, projects: Iterable[Row]) -> tuple[Division, str] | None:
    """The projects' division when they agree (or their common city or province), else the
    one the document's unit name says."""
    codes = {project["division_code"] for project in projects if project.get("division_code")}
    shared = _common_ancestor(codes)
    if shared is not None:
        return shared, "projects"
    named = division_in(document.get("unit_name"))
    return (named, "unit_name") if named is not None else None


def _common_ancestor(codes: set[str]) -> Division | None:
    if not codes:
        return None
    for width, pad in ((6, ""), (4, "00"), (2, "0000")):
        prefixes = {code[:width] for code in codes}
        if len(prefixes) == 1:
            return division(prefixes.pop() + pad)
    return None


def _place(row: Row, found: tuple[Division, str] | None) -> None:
    row["division_code"] = found[0].code if found else None
    row["region_name"] = found[0].name if found else None
    row["region_source"] = found[1] if found else None
