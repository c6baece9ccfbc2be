"""The facts the quality report shows, gathered from the datasets into plain Python values.

Kept apart from the HTML so that what the report claims (totals, shares, which project an issue
belongs to) can be tested without parsing markup, and so that rendering never touches pandas.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

import pandas as pd

from extract.normalizers import vocab

SEVERITIES = ("error", "warning", "info")
_STATUS_ORDER = {"failed": 0, "partial": 1, "ok": 2}
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    doc_id: str
    source_path: str
    source_format: str | None
    fiscal_year: int | None
    unit_name: str | None
    status: str
    error: str | None
    n_projects: int
    n_indicators: int
    issues: Mapping[str, int]  # severity -> count

    @property
    def anchor(self) -> str:
        return document_anchor(self.doc_id)

    @property
    def read(self) -> bool:
        """Whether anything of the file was read: a `failed` document holds no data."""
        return self.status != "failed"

    @property
    def reason(self) -> str:
        """`documents.error` on one line (its first non-empty one)."""
        lines = [line.strip() for line in (self.error or "").splitlines()]
        return next((line for line in lines if line), "")


@dataclass(frozen=True, slots=True)
class PlanPoint:
    period: str | None
    month: int | None
    pct: Decimal | None


@dataclass(slots=True)
class ProjectFacts:
    doc_id: str
    project_seq: int
    source_path: str
    fiscal_year: int | None
    unit_code: str | None
    unit_name: str | None
    project_code: str | None
    project_name: str | None
    amount_unit: str | None  # as printed: 万元 or 元
    budget_total: Decimal | None
    budget_fiscal: Decimal | None
    budget_other: Decimal | None
    plan: list[PlanPoint] = field(default_factory=list)
    n_indicators: int = 0
    n_numeric: int = 0
    issues: list[IssueFacts] = field(default_factory=list)
    repeat: RepeatedProject | None = None  # set when the project was read from other documents
    counted: bool = True  # False: a repeat left out of the budget totals

    @property
    def anchor(self) -> str:
        return project_anchor(self.doc_id, self.project_seq)

    @property
    def label(self) -> str:
        return self.project_name or self.project_code or f"#{self.project_seq}"

    @property
    def identity(self) -> tuple[int | None, str, str, str] | None:
        """What makes two rows the same project of the same unit and year, or None when
        neither a code nor a name was printed: unit_code (else the unit's name) and
        project_code (else the project's name), names compared without whitespace."""
        unit = _squeeze(self.unit_code) or _squeeze(self.unit_name)
        if code := _squeeze(self.project_code):
            return (self.fiscal_year, unit, "code", code)
        if name := _squeeze(self.project_name):
            return (self.fiscal_year, _squeeze(self.unit_name), "name", name)
        return None

    def worst_severity(self) -> str | None:
        present = {i.severity for i in self.issues}
        return next((s for s in SEVERITIES if s in present), None)


@dataclass(frozen=True, slots=True)
class IssueFacts:
    doc_id: str
    source_path: str
    project_seq: int | None
    project_label: str | None
    severity: str
    code: str
    message: str
    location: str | None

    @property
    def anchor(self) -> str:
        """Where the issue's link goes: its project, or its document for document-level ones."""
        if self.project_seq is None:
            return document_anchor(self.doc_id)
        return project_anchor(self.doc_id, self.project_seq)


@dataclass(slots=True)
class RepeatedProject:
    """One unit's project found in more than one document (e.g. the .docx, .pdf and .txt
    renderings of one file were all run). `copies[0]`'s document is the one the totals count;
    the others' rows are left out of them."""

    number: int  # 1, 2, … in the order the report lists them
    copies: list[ProjectFacts]

    @property
    def anchor(self) -> str:
        return f"repeat-{self.number}"

    @property
    def counted(self) -> list[ProjectFacts]:
        return [p for p in self.copies if p.counted]

    @property
    def left_out(self) -> list[ProjectFacts]:
        return [p for p in self.copies if not p.counted]

    @property
    def n_documents(self) -> int:
        return len({p.doc_id for p in self.copies})

    @property
    def amounts_differ(self) -> bool:
        return len({p.budget_total for p in self.copies}) > 1


@dataclass(frozen=True, slots=True)
class UnitBudget:
    unit_name: str | None  # None: no unit name printed
    total: Decimal  # each project once
    n_projects: int  # each project once
    total_all: Decimal  # every row, repeats included
    n_rows: int
    yuan_only: bool  # every amount of the unit was printed in 元

    @property
    def n_left_out(self) -> int:
        return self.n_rows - self.n_projects


@dataclass(frozen=True, slots=True)
class Level2Share:
    code: str
    name: str
    n_indicators: int
    n_numeric: int
    quantitative: bool  # the framework expects a figure for this 二级指标

    @property
    def share(self) -> float:
        return self.n_numeric / self.n_indicators if self.n_indicators else 0.0


@dataclass(slots=True)
class ReportFacts:
    documents: list[DocumentFacts]
    projects: list[ProjectFacts]
    issues: list[IssueFacts]
    units: list[UnitBudget]
    level2: list[Level2Share]
    n_indicators: int
    n_numeric: int
    extracted_from: datetime | None
    extracted_to: datetime | None
    repeats: list[RepeatedProject] = field(default_factory=list)

    def count_status(self, status: str) -> int:
        return sum(1 for d in self.documents if d.status == status)

    def not_read(self) -> list[DocumentFacts]:
        """The `failed` documents: files of which nothing could be read."""
        return [d for d in self.documents if not d.read]

    def read_issues(self) -> list[IssueFacts]:
        """The issues of the documents that were read (a failed file's issues say only that
        it could not be read: they are not figures that contradict)."""
        unread = {d.doc_id for d in self.not_read()}
        return [i for i in self.issues if i.doc_id not in unread]

    def unread_issues(self, doc_id: str) -> list[IssueFacts]:
        return [i for i in self.issues if i.doc_id == doc_id]

    def count_severity(self, severity: str) -> int:
        """Issues of that severity in the documents that were read."""
        return sum(1 for i in self.read_issues() if i.severity == severity)

    def severity_counts(self) -> dict[str, int]:
        return {s: self.count_severity(s) for s in SEVERITIES}

    def counted_projects(self) -> list[ProjectFacts]:
        """Every project once: repeats read from other documents left out."""
        return [p for p in self.projects if p.counted]

    def budget_total(self, *, every_row: bool = False) -> Decimal:
        """The 预算数 summed over each project once, or over `every_row` (repeats included)."""
        projects = self.projects if every_row else self.counted_projects()
        return sum((p.budget_total for p in projects if p.budget_total is not None), Decimal())

    def left_out(self) -> list[ProjectFacts]:
        return [p for p in self.projects if not p.counted]

    def issue_codes(self) -> list[tuple[str, str, int]]:
        """(severity, code, count) over the documents read, worst severity first, then most
        frequent."""
        counts = Counter((i.severity, i.code) for i in self.read_issues())
        rank = {s: n for n, s in enumerate(SEVERITIES)}
        ordered = sorted(counts.items(), key=lambda kv: (rank.get(kv[0][0], 9), -kv[1], kv[0][1]))
        return [(severity, code, n) for (severity, code), n in ordered]


def document_anchor(doc_id: str) -> str:
    return f"doc-{doc_id}"


def project_anchor(doc_id: str, project_seq: int) -> str:
    return f"project-{doc_id}-{project_seq}"


def gather(datasets: Mapping[str, pd.DataFrame]) -> ReportFacts:
    """Everything the report shows, from the frames `extract.load` returns."""
    docs = _records(datasets["documents"])
    paths = {d["doc_id"]: d["source_path"] or d["doc_id"] for d in docs}
    projects = _projects(_records(datasets["projects"]), paths)
    by_key = {(p.doc_id, p.project_seq): p for p in projects}
    for point in _records(datasets["spending_plan"]):
        project = by_key.get((point["doc_id"], point["project_seq"]))
        if project is not None:
            project.plan.append(PlanPoint(point["period"], point["month"], point["cumulative_pct"]))
    indicators = _records(datasets["indicators"])
    for ind in indicators:
        project = by_key.get((ind["doc_id"], ind["project_seq"]))
        if project is not None:
            project.n_indicators += 1
            project.n_numeric += ind["value_kind"] == "numeric"
    issues = _issues(_records(datasets["issues"]), paths, by_key)
    for issue in issues:
        if issue.project_seq is not None:
            by_key[issue.doc_id, issue.project_seq].issues.append(issue)
    stamps = [d["extracted_at"] for d in docs if d["extracted_at"] is not None]
    status = {d["doc_id"]: d["status"] or "failed" for d in docs}
    repeats = _repeats(projects, status)
    return ReportFacts(
        documents=_documents(docs, issues),
        projects=projects,
        issues=issues,
        units=_units(projects),
        repeats=repeats,
        level2=_level2(indicators),
        n_indicators=len(indicators),
        n_numeric=sum(1 for i in indicators if i["value_kind"] == "numeric"),
        extracted_from=min(stamps) if stamps else None,
        extracted_to=max(stamps) if stamps else None,
    )


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts of plain Python values, every kind of missing value as None."""
    return [{str(k): _plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


def _plain(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, Decimal | str):
        return value.item()  # numpy scalars
    return value


def _documents(docs: list[dict[str, Any]], issues: list[IssueFacts]) -> list[DocumentFacts]:
    per_doc: dict[str, Counter[str]] = defaultdict(Counter)
    for issue in issues:
        per_doc[issue.doc_id][issue.severity] += 1
    facts = [
        DocumentFacts(
            doc_id=d["doc_id"],
            source_path=d["source_path"] or d["doc_id"],
            source_format=d["source_format"],
            fiscal_year=d["fiscal_year"],
            unit_name=d["unit_name"],
            status=d["status"] or "failed",
            error=d["error"],
            n_projects=d["n_projects"] or 0,
            n_indicators=d["n_indicators"] or 0,
            issues=dict(per_doc[d["doc_id"]]),
        )
        for d in docs
    ]
    # Problems first: failed, then partial, then documents with errors or warnings.
    return sorted(
        facts,
        key=lambda d: (
            _STATUS_ORDER.get(d.status, 0),
            -d.issues.get("error", 0),
            -d.issues.get("warning", 0),
            d.source_path,
        ),
    )


def _projects(rows: list[dict[str, Any]], paths: Mapping[str, str]) -> list[ProjectFacts]:
    projects = [
        ProjectFacts(
            doc_id=r["doc_id"],
            project_seq=r["project_seq"],
            source_path=paths.get(r["doc_id"], r["doc_id"]),
            fiscal_year=r["fiscal_year"],
            unit_code=r.get("unit_code"),
            unit_name=r["unit_name"],
            project_code=r["project_code"],
            project_name=r["project_name"],
            amount_unit=r.get("amount_unit"),
            budget_total=r["budget_total_yuan"],
            budget_fiscal=r["budget_fiscal_yuan"],
            budget_other=r["budget_other_yuan"],
        )
        for r in rows
    ]
    return sorted(projects, key=lambda p: (p.source_path, p.project_seq))


def _issues(
    rows: list[dict[str, Any]],
    paths: Mapping[str, str],
    projects: Mapping[tuple[str, int], ProjectFacts],
) -> list[IssueFacts]:
    rank = {s: n for n, s in enumerate(SEVERITIES)}
    rows = sorted(
        rows,
        key=lambda r: (
            rank.get(r["severity"], 9),
            paths.get(r["doc_id"], r["doc_id"]),
            r["project_seq"] if r["project_seq"] is not None else -1,
            r.get("seq") or 0,
        ),
    )
    facts = []
    for r in rows:
        project = projects.get((r["doc_id"], r["project_seq"]))
        facts.append(
            IssueFacts(
                doc_id=r["doc_id"],
                source_path=paths.get(r["doc_id"], r["doc_id"]),
                # A project whose row is missing still gets its issue listed, without a link.
                project_seq=r["project_seq"] if project is not None else None,
                project_label=project.label if project is not None else None,
                severity=r["severity"] or "info",
                code=r["code"] or "",
                message=r["message"] or "",
                location=r["location"],
            )
        )
    return facts


def _squeeze(text: str | None) -> str:
    """A name or code without its whitespace (line breaks of a cell, full-width spaces)."""
    return _WHITESPACE.sub("", text or "")


def _repeats(projects: Sequence[ProjectFacts], status: Mapping[str, str]) -> list[RepeatedProject]:
    """Group the rows of one project found in several documents and mark all but one
    document's rows as left out of the totals. The document counted is the one whose copy has
    a 预算数, from the best-read document, then the first by path. Two rows of one document
    with the same code are not repeats (that is the issue duplicate_project_code)."""
    groups: dict[tuple[int | None, str, str, str], list[ProjectFacts]] = defaultdict(list)
    for p in projects:
        if (key := p.identity) is not None:
            groups[key].append(p)
    order = {"ok": 0, "partial": 1}
    repeats = []
    for copies in groups.values():
        if len({p.doc_id for p in copies}) < 2:
            continue
        copies.sort(
            key=lambda p: (
                p.budget_total is None,
                order.get(status.get(p.doc_id, ""), 2),
                p.source_path,
                p.project_seq,
            )
        )
        kept = copies[0].doc_id
        group = RepeatedProject(number=0, copies=copies)
        for p in copies:
            p.counted = p.doc_id == kept
            p.repeat = group
        repeats.append(group)
    repeats.sort(
        key=lambda g: (
            _squeeze(g.copies[0].unit_name),
            g.copies[0].project_code or "",
            g.copies[0].label,
        )
    )
    for number, group in enumerate(repeats, 1):
        group.number = number
    return repeats


def _units(projects: Iterable[ProjectFacts]) -> list[UnitBudget]:
    """Budget per unit (names compared without whitespace), each project once; call after
    `_repeats` has marked the repeats."""
    rows: dict[str, list[ProjectFacts]] = defaultdict(list)
    for p in projects:
        rows[_squeeze(p.unit_name)].append(p)
    units = []
    for group in rows.values():
        counted = [p for p in group if p.counted]
        units.append(
            UnitBudget(
                unit_name=next((p.unit_name for p in group if p.unit_name), None),
                total=_sum(counted),
                n_projects=len(counted),
                total_all=_sum(group),
                n_rows=len(group),
                yuan_only=all(p.amount_unit == "元" for p in group if p.budget_total is not None),
            )
        )
    return sorted(units, key=lambda u: (-u.total, u.unit_name or ""))


def _sum(projects: Iterable[ProjectFacts]) -> Decimal:
    return sum((p.budget_total for p in projects if p.budget_total is not None), Decimal())


def _level2(indicators: Iterable[Mapping[str, Any]]) -> list[Level2Share]:
    total: Counter[str] = Counter()
    numeric: Counter[str] = Counter()
    for ind in indicators:
        code = ind["level2_code"] or "other"
        total[code] += 1
        numeric[code] += ind["value_kind"] == "numeric"
    order = list(vocab.LEVEL2_NAMES)
    codes = sorted(total, key=lambda c: order.index(c) if c in order else len(order))
    return [
        Level2Share(
            code=code,
            name=vocab.LEVEL2_NAMES.get(code, code),
            n_indicators=total[code],
            n_numeric=numeric[code],
            quantitative=code in vocab.QUANTITATIVE_LEVEL2,
        )
        for code in codes
    ]
