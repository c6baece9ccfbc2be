"""The facts the quality report shows, gathered from the datasets into plain Python values.

Kept apart from the HTML so that what the report claims (totals, shares, which project an issue
belongs to) can be tested without parsing markup, and so that rendering never touches pandas.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

import pandas as pd

from extract.normalizers import vocab

SEVERITIES = ("error", "warning", "info")
_STATUS_ORDER = {"failed": 0, "partial": 1, "ok": 2}


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
    unit_name: str | None
    project_code: str | None
    project_name: str | None
    budget_total: Decimal | None
    budget_fiscal: Decimal | None
    budget_other: Decimal | None
    plan: list[PlanPoint] = field(default_factory=list)
    n_indicators: int = 0
    n_numeric: int = 0
    issues: list[IssueFacts] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return project_anchor(self.doc_id, self.project_seq)

    @property
    def label(self) -> str:
        return self.project_name or self.project_code or f"project {self.project_seq}"

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


@dataclass(frozen=True, slots=True)
class UnitBudget:
    unit_name: str
    total: Decimal
    n_projects: int


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

    def count_status(self, status: str) -> int:
        return sum(1 for d in self.documents if d.status == status)

    def count_severity(self, severity: str) -> int:
        return sum(1 for i in self.issues if i.severity == severity)

    def budget_total(self) -> Decimal:
        return sum((p.budget_total for p in self.projects if p.budget_total is not None), Decimal())

    def issue_codes(self) -> list[tuple[str, str, int]]:
        """(severity, code, count), worst severity first, then most frequent."""
        counts = Counter((i.severity, i.code) for i in self.issues)
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
    return ReportFacts(
        documents=_documents(docs, issues),
        projects=projects,
        issues=issues,
        units=_units(projects),
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
            unit_name=r["unit_name"],
            project_code=r["project_code"],
            project_name=r["project_name"],
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


def _units(projects: Iterable[ProjectFacts]) -> list[UnitBudget]:
    totals: dict[str, Decimal] = defaultdict(Decimal)
    counts: Counter[str] = Counter()
    for p in projects:
        name = p.unit_name or "(unit not printed)"
        counts[name] += 1
        if p.budget_total is not None:
            totals[name] += p.budget_total
    units = [UnitBudget(name, totals[name], n) for name, n in counts.items()]
    return sorted(units, key=lambda u: (-u.total, u.unit_name))


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
