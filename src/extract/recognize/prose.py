"""The prose engine: project sheets written as text (上海 `…项目经费情况说明`).

A sheet starts at a heading ending in one of the template's heading suffixes and holds
numbered sections (`一、项目概述`, possibly with its text after a colon on the same line). A
sheet ends at the next sheet, at a table, or at a numbered heading that is none of its
sections. A heading with no sections under it (the chapter title, a table of contents line) is
no project. The budget comes from the 年度预算安排 prose: the first amount that is neither the
whole project's (`总投资 X`), nor a breakdown after `其中`, nor a quarter's 用款计划; quarterly
amounts are the spending plan and, when no total is printed, add up to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from extract.model import Block, Paragraph
from extract.normalizers import vocab
from extract.normalizers.labels import label_key
from extract.normalizers.numbers import prose_amounts
from extract.normalizers.text import clean_text, strip_numbering
from extract.recognize.records import AmountText, Goal, PlanPoint, Project
from extract.templates import Template, Vocabulary

# `一、项目概述`, `（一）项目概述：…`, `1.项目概述` — a section heading, maybe with its text.
_SECTION = regex.compile(
    r"^\s*(?:[（(]?[一二三四五六七八九十]{1,3}[）)]?[、.．]?|\d{1,2}\s*[、.．])\s*"
    r"(?P<label>[^：:，。]{2,12}?)\s*(?:[：:]\s*(?P<rest>.*))?$",
    regex.S,
)
_CHAPTER = regex.compile(r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}、)")
_SENTENCE_END = regex.compile(r"[。；;！？!?]")
_HEADING_MAX = 60
_NUMBERED = regex.compile(r"^\s*(?:[（(]?[一二三四五六七八九十]{1,3}[）)、]|\d{1,2}\s*[、.．])")
_GLUED = regex.compile(r"[。；;！？!?](?=[一二三四五六七八九十]{1,3}、)")
_CLAUSE_END = regex.compile(r"[，,。；;：:！？!?]")
_YEAR = regex.compile(r"20\d{2}\s*年度?")
_QUARTERS = sorted((w for w in vocab.PERIOD_MONTHS if "季度" in w), key=len, reverse=True)


@dataclass(slots=True)
class _Sheet:
    heading: str
    position: int
    location: str
    sections: dict[str, list[str]] = field(default_factory=dict)
    current: str | None = None


class ProseReader:
    def __init__(self, spec: Template, words: Vocabulary) -> None:
        self.spec = spec
        self.words = words
        self.suffixes = sorted(spec.heading_suffixes, key=len, reverse=True)
        self.section_keys = {
            label_key(label): name
            for name, labels in (spec.sections or {}).items()
            for label in labels
        }

    def read(self, blocks: Iterable[tuple[int, Block]]) -> list[tuple[int, Project]]:
        sheets: list[_Sheet] = []
        current: _Sheet | None = None
        for position, block, text in self._lines(blocks):
            if block is None:
                current = None
                continue
            current = self._line(text, position, block, sheets, current)
        return [(s.position, self._project(s)) for s in sheets if s.sections]

    def _lines(
        self, blocks: Iterable[tuple[int, Block]]
    ) -> list[tuple[int, Paragraph | None, str]]:
        """Paragraph pieces in order (a table as a `None` piece), headings made whole."""
        out: list[tuple[int, Paragraph | None, str]] = []
        for position, block in blocks:
            if not isinstance(block, Paragraph):
                out.append((position, None, ""))
                continue
            for text in self._pieces(clean_text(block.text) or ""):
                if self._is_heading(text) and out and out[-1][1] is not None:
                    out[-1], text = self._rejoin(out[-1], text)
                out.append((position, block, text))
        return [piece for piece in out if piece[1] is None or piece[2]]

    def _rejoin(
        self, before: tuple[int, Paragraph | None, str], heading: str
    ) -> tuple[tuple[int, Paragraph | None, str], str]:
        """A heading too long for one line wraps; a PDF may end the first line's paragraph
        early, or glue that line to the paragraph above (its last line was full). The
        heading's start is then the tail after that paragraph's last sentence."""
        position, block, text = before
        cut = max((m.end() for m in _SENTENCE_END.finditer(text)), default=0)
        tail = text[cut:]
        whole = tail + heading
        if not tail or _CLAUSE_END.search(tail) or len(whole) > _HEADING_MAX:
            return before, heading
        if self._is_heading(tail) or (_CHAPTER.match(tail) and cut == 0):
            return before, heading  # a chapter title above the first sheet
        if cut == 0 and not _NUMBERED.match(tail) and self._section(tail) is not None:
            return before, heading
        return (position, block, text[:cut]), whole

    def _pieces(self, text: str) -> list[str]:
        """A paragraph split where a section heading was glued to it: a PDF joins a short
        heading line to the paragraph above when that paragraph's last line was full."""
        pieces: list[str] = []
        start = 0
        for found in _GLUED.finditer(text):
            head = _SECTION.match(text[found.end() :])
            if head is not None and label_key(head["label"]) in self.section_keys:
                pieces.append(text[start : found.end()])
                start = found.end()
        pieces.append(text[start:])
        return [p for p in pieces if p]

    def _line(
        self,
        text: str,
        position: int,
        block: Paragraph,
        sheets: list[_Sheet],
        current: _Sheet | None,
    ) -> _Sheet | None:
        if self._is_heading(text):
            current = _Sheet(text, position, block.location.describe())
            sheets.append(current)
            return current
        if current is None:
            return None
        section = self._section(text)
        if section is not None:
            name, rest = section
            current.current = name
            current.sections.setdefault(name, [])
            if rest:
                current.sections[name].append(rest)
        elif _CHAPTER.match(text):
            return None
        elif current.current is not None:
            current.sections[current.current].append(text)
        return current

    def _is_heading(self, text: str) -> bool:
        head = strip_numbering(text).strip()
        return len(head) <= _HEADING_MAX and any(head.endswith(s) for s in self.suffixes)

    def _section(self, text: str) -> tuple[str, str] | None:
        found = _SECTION.match(text)
        if found is None:
            return None
        name = self.section_keys.get(label_key(found["label"]))
        if name is None:
            return None
        return name, clean_text(found["rest"] or "") or ""

    def _project(self, sheet: _Sheet) -> Project:
        title = clean_text(strip_numbering(sheet.heading)) or sheet.heading
        name: str | None = title
        for suffix in self.suffixes:
            if title.endswith(suffix):
                name = title[: -len(suffix)].strip() or None
                break
        project = Project(template=self.spec.family, title=title, location=sheet.location)
        project.n_rows = 1
        project.year_texts.append(title)
        if name:
            project.fields["project_name"] = name
        for key in ("purpose", "legal_basis", "implementation_plan", "period_raw"):
            text = "".join(sheet.sections.get(key, []))
            if text:
                project.fields[key] = text
        goal = "".join(sheet.sections.get("goals_annual", []))
        if goal:
            project.goals.append(Goal(goal, "annual"))
        budget = "".join(sheet.sections.get("budget", []))
        if budget:
            self._budget(project, budget)
        return project

    def _budget(self, project: Project, text: str) -> None:
        for amount in prose_amounts(text):
            clause = _clause_before(text, amount.start)
            sentence = _sentence_before(text, amount.start)
            piece = text[amount.start : amount.end]
            quarter = next((q for q in _QUARTERS if q in clause), None)
            if quarter is not None:
                project.plan.append(PlanPoint(quarter, amount=piece))
                project.amounts.append(AmountText("budget_total", piece, "part", None))
            elif any(w in clause for w in self.words.prose_project_total):
                project.amounts.append(AmountText("budget_project_total", piece, "project", None))
            elif any(w in sentence for w in self.words.prose_breakdown):
                continue
            elif not any(a.field == "budget_total" and a.scope == "year" for a in project.amounts):
                project.amounts.append(AmountText("budget_total", piece, "year", None))


def _clause_before(text: str, end: int) -> str:
    starts = [m.end() for m in _CLAUSE_END.finditer(text, 0, end)]
    return _YEAR.sub("", text[(starts[-1] if starts else 0) : end])


def _sentence_before(text: str, end: int) -> str:
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, end)]
    return text[(starts[-1] if starts else 0) : end]


def cover_unit(paragraphs: list[str], spec: Template) -> str | None:
    """The unit a budget document's cover names (its first lines)."""
    suffixes = sorted(spec.cover_suffixes, key=len, reverse=True)
    lines = [t for t in paragraphs[:10] if t]
    for i, line in enumerate(lines):
        bare = _YEAR.sub("", line).strip()
        for suffix in suffixes:
            if bare.endswith(suffix):
                name = bare[: -len(suffix)].strip()
                if len(name) >= 2 and regex.match(r"\p{Han}", name):
                    return name
                if not name and i > 0 and regex.match(r"^\p{Han}{2,40}$", lines[i - 1]):
                    return lines[i - 1]
    return None
