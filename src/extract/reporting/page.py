"""The report page: one HTML file with its CSS and SVG inline, readable top-down.

Order follows a reviewer's questions: did every file go through, what is wrong and where, how
much money and how measurable the targets are, then the detail of every document, issue and
project. Every document-derived string is escaped (`esc`); issue links point at the project's
row (`#project-<doc_id>-<seq>`) or, for document-level issues, the document's row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from extract import __version__
from extract.normalizers.findings import CODE_MEANINGS
from extract.reporting.charts import (
    AMBER,
    BLUE,
    GREEN,
    GREY,
    RED,
    Bar,
    Curve,
    bar_chart,
    esc,
    plan_chart,
)
from extract.reporting.gather import DocumentFacts, IssueFacts, ProjectFacts, ReportFacts

TOP_PROJECTS = 25  # bars in the budget-by-project chart; the rest are summed in one line
TOP_UNITS = 25
_PLAN_CODES = frozenset({"spending_plan_decreasing", "spending_plan_not_100"})
_BUDGET_CODES = frozenset({"budget_sum_mismatch"})
_TEN_THOUSAND = Decimal(10_000)

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f8fafc; color: #111827;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Noto Sans SC",
    "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif; }
main { max-width: 1240px; margin: 0 auto; padding: 20px 24px 60px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #e5e7eb; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.sub, .note { color: #4b5563; }
.note { font-size: 13px; margin: 4px 0 10px; }
nav { margin: 10px 0 0; font-size: 13px; }
nav a { margin-right: 14px; }
a { color: #1d4ed8; text-decoration: none; }
a:hover { text-decoration: underline; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.tiles { display: grid; grid-template-columns: repeat(6, 1fr); gap: 12px; margin-top: 16px; }
.tile { background: #fff; border: 1px solid #e5e7eb; border-left: 5px solid #9ca3af;
  border-radius: 6px; padding: 10px 12px; }
.tile .n { font-size: 26px; font-weight: 650; line-height: 1.2; }
.tile .what { font-size: 13px; color: #374151; font-weight: 600; }
.tile .detail { font-size: 12px; color: #6b7280; }
.tile.tone-good { border-left-color: #16a34a; } .tile.tone-bad { border-left-color: #dc2626; }
.tile.tone-warn { border-left-color: #d97706; } .tile.tone-info { border-left-color: #2563eb; }
.tile.tone-bad .n { color: #b91c1c; } .tile.tone-warn .n { color: #b45309; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 13px; }
th, td { border: 1px solid #e5e7eb; padding: 4px 7px; text-align: left; vertical-align: top; }
td.msg { overflow-wrap: anywhere; }
th { background: #f1f5f9; font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr:target { background: #fef9c3; outline: 2px solid #facc15; }
.badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 12px;
  font-weight: 600; white-space: nowrap; margin: 1px 2px 1px 0; }
.error, .failed { background: #fee2e2; color: #991b1b; }
.warning, .partial { background: #fef3c7; color: #92400e; }
.info { background: #dbeafe; color: #1e40af; }
.ok { background: #dcfce7; color: #166534; }
figure { margin: 0 0 22px; background: #fff; border: 1px solid #e5e7eb; border-radius: 6px;
  padding: 10px 12px; overflow-x: auto; }
figcaption { font-weight: 600; margin-bottom: 2px; }
svg.chart { display: block; max-width: 100%; height: auto; font-size: 13px; }
svg .label { fill: #111827; } svg .value { fill: #374151; font-variant-numeric: tabular-nums; }
svg .axis { fill: #6b7280; font-size: 12px; } svg .sub { fill: #6b7280; }
svg a:hover .bar { opacity: 0.75; } svg a:hover .curve { stroke-opacity: 1; stroke-width: 3; }
.legend span { display: inline-block; width: 12px; height: 12px; border-radius: 2px;
  vertical-align: -1px; margin: 0 4px 0 12px; }
.legend span:first-child { margin-left: 0; }
details summary { cursor: pointer; color: #1d4ed8; margin: 8px 0; }
.empty { color: #6b7280; font-style: italic; }
.plan { white-space: nowrap; font-size: 12px; color: #374151; }
.plan svg { display: block; width: 96px; height: 30px; max-width: none; margin-bottom: 2px; }
@media print { nav { display: none; } figure, tr { break-inside: avoid; } }
"""


def render(facts: ReportFacts, source: str) -> str:
    """The whole page for the output folder `source` (shown in the heading)."""
    body = [
        _header(facts, source),
        _summary(facts),
        _issue_codes(facts),
        _charts(facts),
        _documents(facts.documents),
        _issues(facts.issues),
        _projects(facts.projects),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Extraction quality report: {esc(source)}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )


# --- top of the page ----------------------------------------------------------------------------


def _header(facts: ReportFacts, source: str) -> str:
    when = ""
    if facts.extracted_from is not None and facts.extracted_to is not None:
        first = facts.extracted_from.strftime("%Y-%m-%d %H:%M")
        last = facts.extracted_to.strftime("%Y-%m-%d %H:%M")
        when = f", extracted {first}" + (f" to {last}" if last != first else "") + " UTC"
    years = sorted({d.fiscal_year for d in facts.documents if d.fiscal_year is not None})
    year_text = "fiscal year " + ", ".join(map(str, years)) if years else "fiscal year unknown"
    if years and any(d.fiscal_year is None for d in facts.documents):
        year_text += " and unknown"
    return (
        "<header><h1>Extraction quality report</h1>"
        f'<p class="sub">Output folder <code>{esc(source)}</code>: '
        f"{_plural(len(facts.documents), 'document')}, {esc(year_text)}{esc(when)}. "
        f"Report by extract {esc(__version__)}.</p>"
        '<nav><a href="#summary">Summary</a><a href="#charts">Charts</a>'
        '<a href="#documents">Documents</a><a href="#issues">Issues</a>'
        '<a href="#projects">Projects</a></nav></header>'
    )


def _summary(facts: ReportFacts) -> str:
    failed, partial = facts.count_status("failed"), facts.count_status("partial")
    errors, warnings = facts.count_severity("error"), facts.count_severity("warning")
    total = facts.budget_total()
    share = f"{facts.n_numeric / facts.n_indicators:.0%}" if facts.n_indicators else "—"
    units = len({p.unit_name for p in facts.projects})
    tiles = [
        _tile(
            "bad" if failed else "warn" if partial else "good",
            str(len(facts.documents)),
            "documents",
            f"{facts.count_status('ok')} ok · {partial} partial · {failed} failed",
        ),
        _tile("info", str(len(facts.projects)), "projects", f"in {_plural(units, 'unit')}"),
        _tile(
            "info",
            _wan(total),
            "万元 budget (预算数)",
            f"{_money(total)} yuan",
        ),
        _tile(
            "info",
            str(facts.n_indicators),
            "indicators",
            f"{share} with a numeric target",
        ),
        _tile("bad" if errors else "good", str(errors), "errors", "figures that contradict"),
        _tile(
            "warn" if warnings else "good",
            str(warnings),
            "warnings",
            f"to review · {facts.count_severity('info')} notes",
        ),
    ]
    return f'<section id="summary"><div class="tiles">{"".join(tiles)}</div></section>'


def _tile(tone: str, number: str, what: str, detail: str) -> str:
    return (
        f'<div class="tile tone-{tone}"><div class="n">{esc(number)}</div>'
        f'<div class="what">{esc(what)}</div><div class="detail">{esc(detail)}</div></div>'
    )


def _issue_codes(facts: ReportFacts) -> str:
    codes = facts.issue_codes()
    if not codes:
        return '<h2 id="issue-codes">Issues by kind</h2><p class="empty">No issues found.</p>'
    rows = "".join(
        f"<tr><td>{_badge(severity)}</td><td><code>{esc(code)}</code></td>"
        f"<td>{esc(CODE_MEANINGS.get(code, ''))}</td>"
        f'<td class="num">{n}</td></tr>'
        for severity, code, n in codes
    )
    return (
        '<h2 id="issue-codes">Issues by kind</h2>'
        '<table style="width:auto"><thead><tr><th>Severity</th><th>Code</th><th>Meaning</th>'
        f'<th class="num">Count</th></tr></thead><tbody>{rows}</tbody></table>'
        '<p class="note">Each one is listed under <a href="#issues">Issues</a> with a link to its '
        "project.</p>"
    )


# --- charts -------------------------------------------------------------------------------------


def _charts(facts: ReportFacts) -> str:
    head = '<h2 id="charts">Charts</h2>'
    if not facts.projects:
        return head + '<p class="empty">No projects were extracted: nothing to chart.</p>'
    return head + "".join(
        [
            _budget_by_project(facts.projects),
            _budget_by_unit(facts),
            _quantified_share(facts),
            _plan_curves(facts.projects),
        ]
    )


def _budget_by_project(projects: Sequence[ProjectFacts]) -> str:
    with_budget = sorted(
        (p for p in projects if p.budget_total is not None),
        key=lambda p: (-(p.budget_total or 0), p.source_path, p.project_seq),
    )
    shown = with_budget[:TOP_PROJECTS]
    bars = [
        Bar(
            label=p.label,
            sublabel=p.source_path,
            value=float(p.budget_total or 0),
            value_text=f"{_money(p.budget_total)}",
            tooltip=f"{p.label} · {p.project_code or 'no code'} · {p.source_path}",
            color=RED if _has(p, _BUDGET_CODES) else BLUE,
            href=p.anchor,
        )
        for p in shown
    ]
    notes = []
    rest = with_budget[TOP_PROJECTS:]
    if rest:
        rest_total = sum((p.budget_total or Decimal() for p in rest), Decimal())
        notes.append(
            f"The {len(shown)} largest of {len(with_budget)} projects; the other "
            f"{len(rest)} total {_money(rest_total)} yuan (all are listed under Projects)."
        )
    missing = len(projects) - len(with_budget)
    if missing:
        notes.append(f"{_plural(missing, 'project')} without a readable 预算数 not shown.")
    if not bars:
        return _figure(
            "Budget by project (预算数, yuan)", '<p class="empty">No 预算数 could be read.</p>'
        )
    legend = _legend([(BLUE, "预算数"), (RED, "财政资金 + 其他资金 ≠ 预算数")])
    svg = bar_chart(bars, title="Budget by project (预算数, yuan)", label_width=380)
    return _figure("Budget by project (预算数, yuan)", legend + svg, notes)


def _budget_by_unit(facts: ReportFacts) -> str:
    units = facts.units[:TOP_UNITS]
    bars = [
        Bar(
            label=u.unit_name,
            value=float(u.total),
            value_text=f"{_money(u.total)} · {_plural(u.n_projects, 'project')}",
            tooltip=f"{u.unit_name}: {_money(u.total)} yuan in {_plural(u.n_projects, 'project')}",
        )
        for u in units
    ]
    notes = []
    if len(facts.units) > TOP_UNITS:
        notes.append(f"The {TOP_UNITS} largest of {len(facts.units)} units.")
    svg = bar_chart(bars, title="Budget by unit (预算数, yuan)", value_width=230)
    return _figure("Budget by unit (预算数, yuan)", svg, notes)


def _quantified_share(facts: ReportFacts) -> str:
    title = "Share of indicators with a numeric target, per 二级指标"
    if not facts.level2:
        return _figure(title, '<p class="empty">No indicators were extracted.</p>')
    bars = [
        Bar(
            label=f"{s.name}",
            value=s.share * 100,
            value_text=f"{s.share:.0%} · {s.n_numeric} of {s.n_indicators}",
            tooltip=f"{s.name} ({s.code}): {s.n_numeric} of {s.n_indicators} numeric",
            color=_share_color(s.share) if s.quantitative else GREY,
        )
        for s in facts.level2
    ]
    legend = _legend(
        [(GREEN, "≥ 90%"), (AMBER, "50–90%"), (RED, "< 50%"), (GREY, "may be qualitative")]
    )
    note = (
        "数量、质量、时效、成本 targets should be figures (a text-only one is the warning "
        "quantitative_indicator_with_text_value); 效益 and 满意度 targets may be qualitative."
    )
    svg = bar_chart(bars, title=title, scale_max=100.0, track=True, label_width=180)
    return _figure(title, legend + svg, [note])


def _share_color(share: float) -> str:
    return GREEN if share >= 0.9 else AMBER if share >= 0.5 else RED


def _plan_curves(projects: Sequence[ProjectFacts]) -> str:
    title = "Spending plans (资金支出计划, cumulative %) against the straight line"
    curves = [c for c in (_curve(p) for p in projects) if c is not None]
    if not curves:
        return _figure(title, '<p class="empty">No spending plan could be read.</p>')
    # Drawn last, on top: the plans with a problem.
    curves.sort(key=lambda c: c.color == RED)
    legend = _legend(
        [(BLUE, "a project's plan"), (RED, "plan with an issue"), (GREY, "straight line")]
    )
    notes = [
        f"{_plural(len(curves), 'project')}. Above the dashed line a project spends faster "
        "than evenly through the year, below it slower; every plan should end at 100%."
    ]
    return _figure(title, legend + plan_chart(curves, title=title), notes)


def _curve(project: ProjectFacts, *, small: bool = False) -> Curve | None:
    points = [
        (float(p.month), float(p.pct))
        for p in project.plan
        if p.month is not None and p.pct is not None
    ]
    if not points:
        return None
    text = ", ".join(
        f"{p.period or '?'} {p.pct if p.pct is not None else '?'}%" for p in project.plan
    )
    return Curve(
        points=points,
        tooltip=f"{project.label} ({project.source_path}): {text}",
        color=RED if _has(project, _PLAN_CODES) else BLUE,
        href=None if small else project.anchor,
    )


def _figure(caption: str, body: str, notes: Iterable[str] = ()) -> str:
    note_html = "".join(f'<p class="note">{esc(n)}</p>' for n in notes)
    return f"<figure><figcaption>{esc(caption)}</figcaption>{note_html}{body}</figure>"


def _legend(items: Iterable[tuple[str, str]]) -> str:
    spans = "".join(f'<span style="background:{color}"></span>{esc(text)}' for color, text in items)
    return f'<p class="note legend">{spans}</p>'


# --- detail tables ------------------------------------------------------------------------------


def _documents(documents: Sequence[DocumentFacts]) -> str:
    head = '<h2 id="documents">Documents</h2>'
    if not documents:
        return head + '<p class="empty">This output holds no documents.</p>'
    rows = []
    for d in documents:
        rows.append(
            f'<tr id="{esc(d.anchor)}"><td>{_path(d.source_path)}</td>'
            f"<td>{esc(d.source_format or '—')}</td>"
            f'<td class="num">{esc(d.fiscal_year if d.fiscal_year is not None else "unknown")}</td>'
            f"<td>{esc(d.unit_name or '—')}</td><td>{_badge(d.status)}</td>"
            f'<td class="num">{d.n_projects}</td><td class="num">{d.n_indicators}</td>'
            f'<td class="num">{_count(d.issues.get("error", 0), "error")}</td>'
            f'<td class="num">{_count(d.issues.get("warning", 0), "warning")}</td>'
            f'<td class="num">{d.issues.get("info", 0)}</td>'
            f"<td>{esc(d.error or '')}</td></tr>"
        )
    return (
        head + '<p class="note">Failed and partial documents first, then those with the most '
        "errors and warnings.</p><table><thead><tr><th>File</th><th>Format</th>"
        '<th class="num">Year</th><th>Unit</th><th>Status</th><th class="num">Projects</th>'
        '<th class="num">Indicators</th><th class="num">Errors</th><th class="num">Warnings</th>'
        '<th class="num">Notes</th><th>Reason (failed or partial)</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table>"
    )


def _issues(issues: Sequence[IssueFacts]) -> str:
    head = '<h2 id="issues">Issues</h2>'
    if not issues:
        return head + '<p class="empty">No issues found.</p>'
    serious = [i for i in issues if i.severity != "info"]
    notes = [i for i in issues if i.severity == "info"]
    out = [head]
    if serious:
        out.append(_issue_table(serious))
    else:
        out.append('<p class="empty">No errors or warnings.</p>')
    if notes:
        out.append(
            f"<details><summary>{_plural(len(notes), 'note')} on how the reader resolved "
            f"ambiguities of a file format (info)</summary>{_issue_table(notes)}</details>"
        )
    return "".join(out)


def _issue_table(issues: Sequence[IssueFacts]) -> str:
    rows = []
    for i in issues:
        if i.project_seq is not None:
            target = f"#{i.project_seq} {i.project_label or ''}".strip()
        else:
            target = "document"
        rows.append(
            f"<tr><td>{_badge(i.severity)}</td><td><code>{_code(i.code)}</code></td>"
            f'<td class="msg">{esc(i.message)}</td><td>{_path(i.source_path)}</td>'
            f'<td><a href="#{esc(i.anchor)}">{esc(target)}</a></td>'
            f"<td>{esc(i.location or '')}</td></tr>"
        )
    return (
        "<table><thead><tr><th>Severity</th><th>Code</th><th>Message</th><th>Document</th>"
        "<th>Project</th><th>Location</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def _projects(projects: Sequence[ProjectFacts]) -> str:
    head = '<h2 id="projects">Projects</h2>'
    if not projects:
        return head + '<p class="empty">No projects were extracted.</p>'
    rows = []
    for p in projects:
        curve = _curve(p, small=True)
        spark = (
            plan_chart(
                [curve], title=f"spending plan of {p.label}", width=96, height=30, small=True
            )
            if curve is not None
            else ""
        )
        plan_text = " / ".join(f"{pt.pct.normalize():f}" for pt in p.plan if pt.pct is not None)
        badges = "".join(_badge(i.severity, i.code, title=i.message) for i in p.issues)
        rows.append(
            f'<tr id="{esc(p.anchor)}"><td>{_path(p.source_path)}</td>'
            f'<td class="num">{p.project_seq}</td>'
            f"<td><code>{esc(p.project_code or '—')}</code></td>"
            f"<td>{esc(p.project_name or '—')}</td>"
            f'<td class="num">{_money(p.budget_total)}</td>'
            f'<td class="num">{_money(p.budget_fiscal)}</td>'
            f'<td class="num">{_money(p.budget_other)}</td>'
            f'<td class="plan">{spark}{esc(plan_text + "%" if plan_text else "—")}</td>'
            f'<td class="num">{p.n_numeric} / {p.n_indicators}</td><td>{badges}</td></tr>'
        )
    return (
        head + '<p class="note">Amounts in yuan. Indicators: numeric targets / all. Hover an issue '
        "badge for its message.</p><table><thead><tr><th>Document</th>"
        '<th class="num">#</th><th>项目编码</th><th>项目名称</th><th class="num">预算数</th>'
        '<th class="num">财政资金</th><th class="num">其他资金</th><th>资金支出计划</th>'
        '<th class="num">Indicators</th><th>Issues</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table>"
    )


# --- small pieces -------------------------------------------------------------------------------


def _has(project: ProjectFacts, codes: frozenset[str]) -> bool:
    return any(i.code in codes for i in project.issues)


def _badge(kind: str, text: str | None = None, *, title: str | None = None) -> str:
    tip = f' title="{esc(title)}"' if title else ""
    return f'<span class="badge {esc(kind)}"{tip}>{esc(text or kind)}</span>'


def _count(n: int, severity: str) -> str:
    return _badge(severity, str(n)) if n else "0"


def _path(path: str) -> str:
    """A file path that may wrap after its slashes, never inside a name."""
    return esc(path).replace("/", "/<wbr>")


def _code(code: str) -> str:
    """An issue code that may wrap after its underscores."""
    return esc(code).replace("_", "_<wbr>")


def _money(amount: Decimal | None) -> str:
    return "—" if amount is None else f"{amount:,.2f}"


def _wan(amount: Decimal) -> str:
    return f"{amount / _TEN_THOUSAND:,.2f}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
