"""Which template reads each unit of part two, and the reading itself.

Every template scores every unit by the labels it recognises there (signature fields, which
only its layout prints, count twice), as camelot scores its flavors; the best template whose
requirements hold reads the unit. A unit no template accepts becomes a project of none: when it
looked like target material (an indicator grid, a title, project labels) that is a
`template_unmatched` issue, otherwise it is an ordinary table of another kind and is left alone.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from extract.model import Paragraph
from extract.normalizers.rows import CellIndex, Event, Row
from extract.normalizers.text import clean_text
from extract.recognize.form import FormReader
from extract.recognize.labels import GridLabels, HeaderIndex
from extract.recognize.records import Finding, Project
from extract.recognize.segment import Segmenter, Unit
from extract.recognize.sheet import SheetReader
from extract.templates import Template, load_templates, template, vocabulary

_UNIT_LINE = regex.compile(r"^\d{3,12}\s*\p{Han}")


@dataclass(slots=True)
class Recognized:
    projects: list[tuple[int, Project]] = field(default_factory=list)  # (position, project)
    findings: list[Finding] = field(default_factory=list)


@dataclass(slots=True)
class _Score:
    template: Template
    score: int
    hits: set[str]
    ok: bool


class Recognizer:
    """Templates compiled once; `read` applies them to the event stream of part two."""

    def __init__(self, pinned: str | None = None) -> None:
        words = vocabulary()
        chosen = (template(pinned),) if pinned else load_templates()
        self.templates = tuple(t for t in chosen if t.engine in ("form", "sheet"))
        self.pinned = pinned is not None
        self.names = ", ".join(t.id for t in chosen if t.engine != "prose" or pinned)
        self.grid_labels = GridLabels(words)
        self.cells = CellIndex()
        self.indexes = {t.id: HeaderIndex(t.fields, words) for t in self.templates}
        self.segmenter = Segmenter(load_templates(), words, self.grid_labels)
        self.forms = {
            t.id: FormReader(t, words, self.indexes[t.id], self.grid_labels, self.cells)
            for t in self.templates
            if t.engine == "form"
        }
        self.sheets = {
            t.id: SheetReader(t, words, self.indexes[t.id], self.grid_labels, self.cells)
            for t in self.templates
            if t.engine == "sheet"
        }

    def clear_caches(self) -> None:
        """Forget the labels seen so far (benchmarks time documents as if each were first)."""
        self.grid_labels.clear()
        self.segmenter.clear()
        for index in self.indexes.values():
            index.clear()

    def read(self, events: Iterable[tuple[int, Event]]) -> Recognized:
        out = Recognized()
        try:
            for unit in self.segmenter.units(events):
                self._unit(unit, out)
        finally:
            self.cells.clear()  # the grid index holds this document's tables
        return out

    def _unit(self, unit: Unit, out: Recognized) -> None:
        scores = sorted(
            (self._score(t, unit) for t in self.templates),
            key=lambda s: (-s.score, s.template.priority),
        )
        accepted = [s for s in scores if s.ok]
        where = _location(unit)
        if not accepted:
            if _target_like(unit, scores):
                names = self.names
                out.findings.append(
                    Finding(
                        "template_unmatched",
                        f"a table looks like performance targets but no template ({names}) "
                        "reads it",
                        where,
                    )
                )
            return
        best = accepted[0]
        if len(accepted) > 1 and accepted[1].score == best.score:
            out.findings.append(
                Finding(
                    "template_ambiguous",
                    f"templates {best.template.id} and {accepted[1].template.id} read this "
                    f"table equally well (score {best.score}); {best.template.id} was used",
                    where,
                )
            )
        for project in self._apply(best.template, unit):
            out.projects.append((unit.position, project))

    def _apply(self, spec: Template, unit: Unit) -> list[Project]:
        if spec.engine == "sheet":
            return self.sheets[spec.id].read(unit.title, unit.events)
        project = self.forms[spec.id].read(unit.title, unit.events)
        return [project] if project.n_rows and (project.fields or project.indicators) else []

    def _score(self, spec: Template, unit: Unit) -> _Score:
        index = self.indexes[spec.id]
        hits: set[str] = set()
        in_header: set[str] = set()
        unit_line = False
        for event in unit.events:
            if isinstance(event, Paragraph):
                text = clean_text(event.text) or ""
                unit_line = unit_line or bool(_UNIT_LINE.match(text))
                hit = index.inline(text)
                if hit is not None:
                    hits.add(hit.field.name)
                continue
            texts, header = unit.row_texts.get(id(event), ([], False))
            for cell_text in texts:
                hit = index.match(cell_text) or index.inline(cell_text)
                if hit is None or (hit.field.kind == "group" and spec.engine == "sheet"):
                    continue
                (in_header if header else hits).add(hit.field.name)
        if spec.engine == "sheet":
            hits = in_header
        signed = len(hits & spec.signature) + (1 if spec.unit_line and unit_line else 0)
        # A pinned template needs no signature: the user has said which layout this is.
        signature_ok = signed > 0 or not spec.require_signature or self.pinned
        ok = _requirements(spec, unit, hits) and signature_ok
        return _Score(spec, len(hits) + 2 * signed, hits, ok)


def _target_like(unit: Unit, scores: list[_Score]) -> bool:
    """Performance-target material: an indicator grid, goals, or a target title over labels.

    A budget table (项目名称 | 预算数 | 财政拨款 …) is not: amounts are not targets.
    """
    goals = any(f.startswith("goals") for s in scores for f in s.hits)
    return (
        unit.has_grid or goals or (unit.title is not None and any(len(s.hits) >= 2 for s in scores))
    )


def _requirements(spec: Template, unit: Unit, hits: set[str]) -> bool:
    if spec.require_any and not hits & set(spec.require_any):
        return False
    content = {
        "grid": unit.has_grid,
        "goals": any(f.startswith("goals") for f in hits),
        "spending_plan": "spending_plan" in hits,
    }
    return not spec.require_content or any(content.get(c, False) for c in spec.require_content)


def _location(unit: Unit) -> str | None:
    for event in unit.events:
        if isinstance(event, Row):
            return event.table.location.describe() or event.location()
    return None


@functools.lru_cache(maxsize=8)
def recognizer(pinned: str | None = None) -> Recognizer:
    """Compiled once per process and template pin."""
    return Recognizer(pinned)
