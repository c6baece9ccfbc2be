"""Document → canonical rows: finds the two parts and converts every value to its typed form.

The result carries rows keyed only by their position (project_seq, seq); the pipeline adds
`doc_id` and `fiscal_year`, which depend on the file and the command line, not on content.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from extract.model import Block, Document, Paragraph
from extract.normalizers import fiscal
from extract.normalizers.findings import ERROR, INFO, WARNING, Finding, severity_of
from extract.normalizers.ocr_review import low_confidence_findings
from extract.normalizers.part_one import is_part_heading, parse_part_one
from extract.normalizers.project_rows import document_unit, project_rows
from extract.normalizers.rows import Event, events
from extract.normalizers.text import clean_text
from extract.normalizers.validate import validate, validate_fiscal_year
from extract.recognize.chooser import recognizer
from extract.recognize.prose import ProseReader, cover_unit
from extract.recognize.records import Project
from extract.templates import load_templates, vocabulary
from extract.templates import template as load_template

Row = dict[str, Any]


@dataclass(slots=True)
class Normalized:
    """Rows of every content dataset plus document-level facts found in the text."""

    department_goals: list[Row] = field(default_factory=list)
    measures: list[Row] = field(default_factory=list)
    projects: list[Row] = field(default_factory=list)
    project_goals: list[Row] = field(default_factory=list)
    spending_plan: list[Row] = field(default_factory=list)
    indicators: list[Row] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    unit_code: str | None = None
    unit_name: str | None = None
    year_from_text: int | None = None
    year_from_codes: int | None = None
    sheets: list[str] = field(default_factory=list)  # workbook sheets that held projects

    def validate_year(self, year: int | None) -> None:
        """Add the findings that need the final fiscal year.

        Only the pipeline decides that year, since `--year` and the file name take part too.
        """
        self.findings.extend(validate_fiscal_year(self.projects, year))


def normalize(doc: Document, template: str | None = None) -> Normalized:
    """Rows of every dataset; `template` pins one template id (`extract run --template`)."""
    part_one, part_two_start = _split_parts(doc, template)
    out = Normalized()
    first = parse_part_one(part_one)
    out.department_goals = _numbered(first.goals)
    out.measures = _numbered(first.measures)
    recognized = recognizer(template).read(_indexed_events(doc.blocks, part_two_start))
    found = list(recognized.projects)
    prose = _prose_reader(template)
    if prose is not None:
        found += prose.read(enumerate(doc.blocks))
    found.sort(key=lambda item: item[0])
    projects = [project for _, project in found]
    out.findings.extend(
        Finding(severity_of(f.code), f.code, f.message, f.location) for f in recognized.findings
    )
    words = vocabulary()
    for seq, project in enumerate(projects, start=1):
        rows = project_rows(seq, project, words)
        out.projects.append(rows.project)
        out.project_goals.extend(rows.goals)
        out.spending_plan.extend(rows.plan)
        out.indicators.extend(rows.indicators)
        out.findings.extend(rows.findings)
    out.findings.extend(Finding(INFO, "parser_note", note) for note in doc.notes)
    out.findings.extend(Finding(ERROR, "content_unread", part) for part in doc.unread)
    out.findings.extend(low_confidence_findings(doc))
    _document_facts(out, doc, part_one, projects)
    required = {t.family: t.required for t in load_templates()}
    out.findings.extend(validate(out.projects, out.spending_plan, out.indicators, required))
    _layout_findings(out, projects)
    return out


def _indexed_events(blocks: tuple[Block, ...], start: int) -> Iterator[tuple[int, Event]]:
    for index in range(start, len(blocks)):
        for event in events((blocks[index],)):
            yield index, event


def _prose_reader(template: str | None) -> ProseReader | None:
    specs = [t for t in load_templates() if t.engine == "prose" and template in (None, t.id)]
    return _prose(specs[0].id) if specs else None


@functools.lru_cache(maxsize=4)
def _prose(template_id: str) -> ProseReader:
    return ProseReader(load_template(template_id), vocabulary())


def _split_parts(doc: Document, template: str | None) -> tuple[list[Paragraph], int]:
    """Part one is every paragraph before part two's heading, a project title or a table."""
    part_one: list[Paragraph] = []
    is_title = recognizer(template).segmenter.is_title
    for index, block in enumerate(doc.blocks):
        if not isinstance(block, Paragraph):
            return part_one, index
        text = block.text.strip()
        if is_title(text) or (is_part_heading(text) and _is_part_two(text)):
            return part_one, index
        part_one.append(block)
    return part_one, len(doc.blocks)


def _is_part_two(text: str) -> bool:
    return text.startswith("第二部分") or "项目" in text


def _numbered(rows: list[dict[str, str | None]]) -> list[Row]:
    return [{"seq": seq, **row} for seq, row in enumerate(rows, start=1)]


def _document_facts(
    out: Normalized, doc: Document, part_one: list[Paragraph], projects: list[Project]
) -> None:
    out.unit_code, out.unit_name = document_unit(out.projects)
    out.sheets = list(dict.fromkeys(p.sheet for p in projects if p.sheet is not None))
    if projects and all(p.template == "narrative" for p in projects):
        spec = next(t for t in load_templates() if t.engine == "prose")
        out.unit_name = cover_unit([clean_text(p.text) or "" for p in doc.paragraphs()], spec)
    heads = [p.text for p in part_one[:5]] + [t for p in projects for t in p.year_texts]
    out.year_from_text = fiscal.year_from_text(heads)
    out.year_from_codes = fiscal.year_from_codes(p.fields.get("project_code") for p in projects)


def _layout_findings(out: Normalized, projects: list[Project]) -> None:
    has_part_one = bool(out.department_goals or out.measures)
    unmatched = any(f.code == "template_unmatched" for f in out.findings)
    if not projects and not has_part_one and not unmatched:
        out.findings.append(
            Finding(
                INFO,
                "no_target_tables",
                "the document holds no performance targets: no template recognises any of its "
                "tables or sections",
            )
        )
    elif not projects and has_part_one:
        out.findings.append(
            Finding(WARNING, "no_project_tables", "the document has no project tables")
        )
    for seq, project in enumerate(projects, start=1):
        if project.template in _GRID_FAMILIES and project.n_rows and not project.has_grid:
            out.findings.append(
                Finding(
                    WARNING,
                    "indicator_header_missing",
                    "no indicator table (一级指标/二级指标/三级指标/指标值) found for this project",
                    project.location,
                    seq,
                )
            )


# Families whose projects always print an indicator grid.
_GRID_FAMILIES = frozenset({"project_table", "declaration_form", "flat_sheet"})
