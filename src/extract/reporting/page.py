"""The report page: one HTML file with its CSS and SVG inline, readable top-down.

Order follows a reviewer's questions: did every file go through (and which could not be read),
was a project read twice, what is wrong and where, how much money and how measurable the
targets are, then the detail of every document, issue and project. Every string of the page
comes from `messages` in the report's language; every document-derived string is escaped
(`esc`). Issue links point at the project's row (`#project-<doc_id>-<seq>`) or, for
document-level issues, the document's row. Amounts are shown in the unit the document printed
(万元 or 元), the exact figure in 元 on hover.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from extract import __version__
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
from extract.reporting.gather import (
    SEVERITIES,
    DocumentFacts,
    IssueFacts,
    ProjectFacts,
    ReportFacts,
)
from extract.reporting.messages import MESSAGES, Text

TOP_PROJECTS = 25  # bars in the budget-by-project chart; the rest are summed in one line
TOP_UNITS = 25
FOLD_ROWS = 10  # longer tables above the charts are folded (<details>)
_PLAN_CODES = frozenset({"spending_plan_decreasing", "spending_plan_not_100"})
_BUDGET_CODES = frozenset({"budget_sum_mismatch"})
_TEN_THOUSAND = Decimal(10_000)
WAN, YUAN = "万元", "元"

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
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px;
  margin-top: 16px; }
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
.wide { overflow-x: auto; }
th.name, td.name { min-width: 10em; }
td.name { word-break: keep-all; overflow-wrap: anywhere; }
th.file, td.file { min-width: 8em; }
tr.left-out td.num { color: #6b7280; }
ul.copies { margin: 0; padding-left: 1.2em; }
th { background: #f1f5f9; font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr:target { background: #fef9c3; outline: 2px solid #facc15; }
.badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 12px;
  font-weight: 600; white-space: nowrap; margin: 1px 2px 1px 0; }
.badge.code { white-space: normal; }
th.issues, td.issues { min-width: 9em; }
.error, .failed { background: #fee2e2; color: #991b1b; }
.warning, .partial { background: #fef3c7; color: #92400e; }
.info { background: #dbeafe; color: #1e40af; }
.ok, .counted { background: #dcfce7; color: #166534; }
.repeat { background: #ede9fe; color: #5b21b6; }
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


def render(facts: ReportFacts, source: str, lang: str = "zh") -> str:
    """The whole page for the output folder `source` (shown in the heading), in `lang`
    (`zh` or `en`)."""
    t = Text(lang)
    body = [
        _header(t, facts, source),
        _summary(t, facts),
        _not_read(t, facts),
        _repeats(t, facts),
        _issue_codes(t, facts),
        _charts(t, facts),
        _documents(t, facts.documents),
        _issues(t, facts),
        _projects(t, facts.projects),
    ]
    return (
        f'<!DOCTYPE html>\n<html lang="{t.html_lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(t('page_title', source=source))}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )


# --- top of the page ----------------------------------------------------------------------------


def _header(t: Text, facts: ReportFacts, source: str) -> str:
    when = ""
    if facts.extracted_from is not None and facts.extracted_to is not None:
        first = facts.extracted_from.strftime("%Y-%m-%d %H:%M")
        last = facts.extracted_to.strftime("%Y-%m-%d %H:%M")
        when = (
            t("extracted_at", first=first)
            if last == first
            else t("extracted_between", first=first, last=last)
        )
    years = sorted({d.fiscal_year for d in facts.documents if d.fiscal_year is not None})
    if years:
        year_text = t("years", years=t("years_sep").join(map(str, years)))
        if any(d.fiscal_year is None for d in facts.documents):
            year_text += t("years_and_unknown")
    else:
        year_text = t("years_unknown")
    sub = t.html(
        "header",
        source=f"<code>{esc(source)}</code>",
        documents=esc(t.n("n_documents", len(facts.documents))),
        years=esc(year_text),
        when=esc(when),
        version=esc(__version__),
    )
    links = [
        ("summary", "nav_summary"),
        ("not-read", "nav_not_read"),
        ("repeats", "nav_repeats"),
        ("charts", "nav_charts"),
        ("documents", "nav_documents"),
        ("issues", "nav_issues"),
        ("projects", "nav_projects"),
    ]
    nav = "".join(f'<a href="#{anchor}">{esc(t(key))}</a>' for anchor, key in links)
    return f'<header><h1>{esc(t("title"))}</h1><p class="sub">{sub}</p><nav>{nav}</nav></header>'


def severity_counts(t: Text, counts: Mapping[str, int]) -> str:
    """`0 errors, 90 warnings, 11 notes` / `0 个错误、90 个警告、11 条提示`."""
    return t("count_sep").join(t.n(f"count_{s}", counts.get(s, 0)) for s in SEVERITIES)


def _summary(t: Text, facts: ReportFacts) -> str:
    failed, partial = facts.count_status("failed"), facts.count_status("partial")
    errors, warnings = facts.count_severity("error"), facts.count_severity("warning")
    counted = facts.counted_projects()
    total = facts.budget_total()
    unit = _unit_of(counted)
    share = f"{facts.n_numeric / facts.n_indicators:.0%}" if facts.n_indicators else "—"
    units = len(facts.units)
    left_out = facts.left_out()
    projects_detail = t.n("tile_projects_detail", units, units=units)
    budget_detail = t("tile_budget_detail", yuan=f"{total:,.2f}")
    if left_out:
        projects_detail += t("tile_projects_repeats", rows=len(facts.projects), left=len(left_out))
        budget_detail += t(
            "tile_budget_left_out",
            n=len(left_out),
            amount=amount_text(_sum(left_out), _unit_of(left_out), grouped=True),
            all=amount_text(facts.budget_total(every_row=True), unit, grouped=True),
        )
    tiles = [
        _tile(
            "bad" if failed else "warn" if partial else "good",
            str(len(facts.documents)),
            t.n("tile_documents", len(facts.documents)),
            t("tile_documents_detail", ok=facts.count_status("ok"), partial=partial, failed=failed),
        ),
        _tile(
            "bad" if failed else "good",
            str(failed),
            t.n("tile_not_read", failed),
            t("tile_not_read_some") if failed else t("tile_not_read_none"),
            href="#not-read",
        ),
        _tile("info", str(len(counted)), t.n("tile_projects", len(counted)), projects_detail),
        _tile(
            "info",
            amount_text(total, unit, grouped=True).removesuffix(f" {unit}"),
            f"{unit} {t('tile_budget')}",
            budget_detail,
            title=exact_yuan(total),
        ),
        _tile(
            "info",
            str(facts.n_indicators),
            t.n("tile_indicators", facts.n_indicators),
            t("tile_indicators_detail", share=share),
        ),
        _tile(
            "bad" if errors else "good",
            str(errors),
            t.n("tile_errors", errors),
            t("tile_errors_detail"),
            href="#issues",
        ),
        _tile(
            "warn" if warnings else "good",
            str(warnings),
            t.n("tile_warnings", warnings),
            t("tile_warnings_detail", notes=t.n("count_info", facts.count_severity("info"))),
            href="#issues",
        ),
    ]
    counts = t("counts_read", counts=severity_counts(t, facts.severity_counts()))
    if failed:
        counts += " " if t.lang == "en" else ""
        counts += t.n("counts_not_read", failed)
    return (
        f'<section id="summary"><div class="tiles">{"".join(tiles)}</div>'
        f'<p class="note counts">{esc(counts)}</p></section>'
    )


def _tile(
    tone: str,
    number: str,
    what: str,
    detail: str,
    *,
    title: str | None = None,
    href: str | None = None,
) -> str:
    tip = f' title="{esc(title)}"' if title else ""
    what_html = f'<a href="{esc(href)}">{esc(what)}</a>' if href else esc(what)
    return (
        f'<div class="tile tone-{tone}"><div class="n"{tip}>{esc(number)}</div>'
        f'<div class="what">{what_html}</div><div class="detail">{esc(detail)}</div></div>'
    )


def _not_read(t: Text, facts: ReportFacts) -> str:
    head = f'<h2 id="not-read">{esc(t("h_not_read"))}</h2>'
    documents = facts.not_read()
    if not documents:
        return head + f'<p class="empty">{esc(t("not_read_none"))}</p>'
    rows = []
    for d in documents:
        codes = "".join(
            _badge(i.severity, i.code, title=i.message) for i in facts.unread_issues(d.doc_id)
        )
        rows.append(
            f'<tr id="not-read-{esc(d.doc_id)}"><td class="file">'
            f'<a href="#{esc(d.anchor)}">{_path(d.source_path)}</a></td>'
            f"<td>{esc(d.source_format or '—')}</td>"
            f'<td class="msg">{esc(d.reason or "—")}</td><td>{codes}</td></tr>'
        )
    table = _table(
        [
            ("file", t("col_file")),
            ("", t("col_format")),
            ("", t("col_reason")),
            ("", t("col_issue_codes")),
        ],
        rows,
    )
    return head + f'<p class="note">{esc(t("not_read_note"))}</p>' + _folded(t, table, len(rows))


def _repeats(t: Text, facts: ReportFacts) -> str:
    head = f'<h2 id="repeats">{esc(t("h_repeats"))}</h2>'
    if not facts.repeats:
        return head + f'<p class="empty">{esc(t("repeats_none"))}</p>'
    left_out = facts.left_out()
    note = (
        t.n("repeats_count", len(facts.repeats))
        + (" " if t.lang == "en" else "")
        + t("repeats_note")
        + t(
            "repeats_left_out",
            n=len(left_out),
            amount=amount_text(_sum(left_out), _unit_of(left_out), grouped=True),
        )
    )
    rows = []
    for group in facts.repeats:
        first = group.copies[0]
        copies = []
        for p in group.copies:
            mark = _badge("counted", t("counted")) if p.counted else ""
            copies.append(
                f'<li><a href="#{esc(p.anchor)}">{_path(p.source_path)}</a> · '
                f"{_amount(p.budget_total, p.amount_unit)} {mark}</li>"
            )
        differ = _badge("warning", t("amounts_differ")) if group.amounts_differ else ""
        rows.append(
            f'<tr id="{esc(group.anchor)}"><td class="name">'
            f"{esc(first.unit_name or t('unit_not_printed'))}</td>"
            f"<td><code>{esc(first.project_code or '—')}</code></td>"
            f'<td class="name">{esc(first.project_name or "—")}</td>'
            f'<td class="num">{esc(_year(t, first.fiscal_year))}</td>'
            f'<td class="num">{group.n_documents}</td>'
            f'<td><ul class="copies">{"".join(copies)}</ul>{differ}</td></tr>'
        )
    table = _table(
        [
            ("name", t("col_unit")),
            ("", t("col_project_code")),
            ("name", t("col_project_name")),
            ("num", t("col_year")),
            ("num", t("col_n_documents")),
            ("", t("col_copies")),
        ],
        rows,
    )
    return head + f'<p class="note">{esc(note)}</p>' + _folded(t, table, len(rows))


def _issue_codes(t: Text, facts: ReportFacts) -> str:
    head = f'<h2 id="issue-codes">{esc(t("h_issue_codes"))}</h2>'
    codes = facts.issue_codes()
    not_read = f'<p class="note">{esc(t("issue_codes_not_read"))}</p>' if facts.not_read() else ""
    if not codes:
        return head + f'<p class="empty">{esc(t("no_issues"))}</p>' + not_read
    rows = [
        f"<tr><td>{_severity(t, severity)}</td><td><code>{esc(code)}</code></td>"
        f"<td>{esc(t.meaning(code))}</td>"
        f'<td class="num">{n}</td></tr>'
        for severity, code, n in codes
    ]
    table = _table(
        [
            ("", t("col_severity")),
            ("", t("col_code")),
            ("", t("col_meaning")),
            ("num", t("col_count")),
        ],
        rows,
        style="width:auto",
    )
    counts = t("counts_read", counts=severity_counts(t, facts.severity_counts()))
    return (
        head
        + f'<p class="note counts">{esc(counts)}</p>'
        + table
        + f'<p class="note">{t.html("issue_codes_note")}</p>'
        + not_read
    )


# --- charts -------------------------------------------------------------------------------------


def _charts(t: Text, facts: ReportFacts) -> str:
    head = f'<h2 id="charts">{esc(t("h_charts"))}</h2>'
    if not facts.projects:
        return head + f'<p class="empty">{esc(t("charts_empty"))}</p>'
    return head + "".join(
        [
            _budget_by_project(t, facts),
            _budget_by_unit(t, facts),
            _quantified_share(t, facts),
            _plan_curves(t, facts.projects),
        ]
    )


def _budget_by_project(t: Text, facts: ReportFacts) -> str:
    title = t("chart_projects")
    projects = facts.counted_projects()
    with_budget = sorted(
        (p for p in projects if p.budget_total is not None),
        key=lambda p: (-(p.budget_total or 0), p.source_path, p.project_seq),
    )
    shown = with_budget[:TOP_PROJECTS]
    bars = []
    for p in shown:
        tip = t(
            "bar_project_tip",
            label=p.label,
            code=p.project_code or t("no_code"),
            path=p.source_path,
            yuan=f"{p.budget_total:.2f}",
        )
        if p.repeat is not None:
            tip += t("bar_project_repeat", n=p.repeat.n_documents)
        bars.append(
            Bar(
                label=p.label,
                sublabel=p.source_path,
                value=float(p.budget_total or 0),
                value_text=_amount_plain(p.budget_total, p.amount_unit),
                tooltip=tip,
                color=RED if _has(p, _BUDGET_CODES) else BLUE,
                href=p.anchor,
            )
        )
    notes = []
    rest = with_budget[TOP_PROJECTS:]
    if rest:
        notes.append(
            t(
                "chart_projects_top",
                shown=len(shown),
                n=len(with_budget),
                rest=len(rest),
                amount=amount_text(_sum(rest), _unit_of(rest), grouped=True),
            )
        )
    if facts.repeats:
        notes.append(t("chart_projects_once"))
    missing = len(projects) - len(with_budget)
    if missing:
        notes.append(t.n("chart_projects_missing", missing))
    if not bars:
        return _figure(title, f'<p class="empty">{esc(t("chart_projects_empty"))}</p>')
    legend = _legend([(BLUE, t("legend_budget")), (RED, t("legend_budget_mismatch"))])
    svg = bar_chart(bars, title=title, label_width=380)
    return _figure(title, legend + svg, notes)


def _budget_by_unit(t: Text, facts: ReportFacts) -> str:
    title = t("chart_units")
    bars = []
    for u in facts.units[:TOP_UNITS]:
        unit = YUAN if u.yuan_only else WAN
        name = u.unit_name or t("unit_not_printed")
        amount = amount_text(u.total, unit, grouped=True)
        text = t.n("bar_unit", u.n_projects, amount=amount)
        if u.n_left_out:
            text += t("bar_unit_left_out", n=u.n_left_out)
        bars.append(
            Bar(
                label=name,
                value=float(u.total),
                value_text=text,
                tooltip=t(
                    "bar_unit_tip",
                    unit=name,
                    amount=f"{amount} ({exact_yuan(u.total)})",
                    n=u.n_projects,
                    rows=u.n_rows,
                    all=amount_text(u.total_all, unit, grouped=True),
                ),
            )
        )
    notes = []
    if len(facts.units) > TOP_UNITS:
        notes.append(t("chart_units_top", top=TOP_UNITS, n=len(facts.units)))
    svg = bar_chart(bars, title=title, value_width=330)
    return _figure(title, svg, notes)


def _quantified_share(t: Text, facts: ReportFacts) -> str:
    title = t("chart_share")
    if not facts.level2:
        return _figure(title, f'<p class="empty">{esc(t("chart_share_empty"))}</p>')
    bars = [
        Bar(
            label=f"{s.name}",
            value=s.share * 100,
            value_text=t("bar_share", share=f"{s.share:.0%}", n=s.n_numeric, all=s.n_indicators),
            tooltip=t("bar_share_tip", name=s.name, code=s.code, n=s.n_numeric, all=s.n_indicators),
            color=_share_color(s.share) if s.quantitative else GREY,
        )
        for s in facts.level2
    ]
    legend = _legend(
        [
            (GREEN, "≥ 90%"),
            (AMBER, "50–90%"),
            (RED, "< 50%"),
            (GREY, t("legend_share_qualitative")),
        ]
    )
    svg = bar_chart(bars, title=title, scale_max=100.0, track=True, label_width=180)
    return _figure(title, legend + svg, [t("chart_share_note")])


def _share_color(share: float) -> str:
    return GREEN if share >= 0.9 else AMBER if share >= 0.5 else RED


def _plan_curves(t: Text, projects: Sequence[ProjectFacts]) -> str:
    title = t("chart_plans")
    curves = [c for c in (_curve(p) for p in projects) if c is not None]
    if not curves:
        return _figure(title, f'<p class="empty">{esc(t("chart_plans_empty"))}</p>')
    # Drawn last, on top: the plans with a problem.
    curves.sort(key=lambda c: c.color == RED)
    legend = _legend(
        [
            (BLUE, t("legend_plan")),
            (RED, t("legend_plan_issue")),
            (GREY, t("legend_straight")),
        ]
    )
    notes = [t.n("chart_plans_note", len(curves))]
    chart = plan_chart(curves, title=title, straight_tip=t("straight_tip"))
    return _figure(title, legend + chart, notes)


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


def _documents(t: Text, documents: Sequence[DocumentFacts]) -> str:
    head = f'<h2 id="documents">{esc(t("h_documents"))}</h2>'
    if not documents:
        return head + f'<p class="empty">{esc(t("documents_empty"))}</p>'
    rows = []
    for d in documents:
        rows.append(
            f'<tr id="{esc(d.anchor)}"><td class="file">{_path(d.source_path)}</td>'
            f"<td>{esc(d.source_format or '—')}</td>"
            f'<td class="num">{esc(_year(t, d.fiscal_year))}</td>'
            f'<td class="name">{esc(d.unit_name or "—")}</td><td>{_status(t, d.status)}</td>'
            f'<td class="num">{d.n_projects}</td><td class="num">{d.n_indicators}</td>'
            f'<td class="num">{_count(t, d.issues.get("error", 0), "error")}</td>'
            f'<td class="num">{_count(t, d.issues.get("warning", 0), "warning")}</td>'
            f'<td class="num">{d.issues.get("info", 0)}</td>'
            f'<td class="msg">{esc(d.reason)}</td></tr>'
        )
    columns = [
        ("file", t("col_file")),
        ("", t("col_format")),
        ("num", t("col_year")),
        ("name", t("col_unit")),
        ("", t("col_status")),
        ("num", t("col_projects")),
        ("num", t("col_indicators")),
        ("num", t("col_errors")),
        ("num", t("col_warnings")),
        ("num", t("col_notes")),
        ("", t("col_reason_doc")),
    ]
    return head + f'<p class="note">{esc(t("documents_note"))}</p>' + _table(columns, rows)


def _issues(t: Text, facts: ReportFacts) -> str:
    head = f'<h2 id="issues">{esc(t("h_issues"))}</h2>'
    issues = facts.read_issues()
    not_read = f'<p class="note">{esc(t("issue_codes_not_read"))}</p>' if facts.not_read() else ""
    if not issues:
        return head + f'<p class="empty">{esc(t("no_issues"))}</p>' + not_read
    serious = [i for i in issues if i.severity != "info"]
    notes = [i for i in issues if i.severity == "info"]
    counts = t("issues_read_only", counts=severity_counts(t, facts.severity_counts()))
    out = [head, f'<p class="note counts">{esc(counts)}</p>', not_read]
    if serious:
        out.append(_issue_table(t, serious))
    else:
        out.append(f'<p class="empty">{esc(t("no_serious"))}</p>')
    if notes:
        out.append(
            f"<details><summary>{esc(t.n('notes_summary', len(notes)))}</summary>"
            f"{_issue_table(t, notes)}</details>"
        )
    return "".join(out)


def _issue_table(t: Text, issues: Sequence[IssueFacts]) -> str:
    rows = []
    for i in issues:
        if i.project_seq is not None:
            target = f"#{i.project_seq} {i.project_label or ''}".strip()
        else:
            target = t("target_document")
        rows.append(
            f"<tr><td>{_severity(t, i.severity)}</td><td><code>{_code(i.code)}</code></td>"
            f'<td class="msg">{esc(i.message)}</td><td class="file">{_path(i.source_path)}</td>'
            f'<td class="name"><a href="#{esc(i.anchor)}">{esc(target)}</a></td>'
            f"<td>{esc(i.location or '')}</td></tr>"
        )
    columns = [
        ("", t("col_severity")),
        ("", t("col_code")),
        ("", t("col_message")),
        ("file", t("col_document")),
        ("name", t("col_project")),
        ("", t("col_location")),
    ]
    return _table(columns, rows)


def _projects(t: Text, projects: Sequence[ProjectFacts]) -> str:
    head = f'<h2 id="projects">{esc(t("h_projects"))}</h2>'
    if not projects:
        return head + f'<p class="empty">{esc(t("projects_empty"))}</p>'
    rows = []
    for p in projects:
        curve = _curve(p, small=True)
        spark = (
            plan_chart(
                [curve],
                title=t("spark_title", label=p.label),
                width=96,
                height=30,
                small=True,
                straight_tip=t("straight_tip"),
            )
            if curve is not None
            else ""
        )
        plan_text = " / ".join(f"{pt.pct.normalize():f}" for pt in p.plan if pt.pct is not None)
        badges = "".join(
            f'<span class="badge code {esc(i.severity)}" title="{esc(i.message)}">'
            f"{_code(i.code)}</span>"
            for i in p.issues
        )
        if p.repeat is not None:
            tip = t("repeat_badge_counted") if p.counted else t("repeat_badge_left_out")
            badges += (
                f'<a class="badge repeat" href="#{esc(p.repeat.anchor)}" title="{esc(tip)}">'
                f"{esc(t('repeat_badge', n=p.repeat.n_documents))}</a>"
            )
        left_out = "" if p.counted else ' class="left-out"'
        rows.append(
            f'<tr id="{esc(p.anchor)}"{left_out}><td class="file">{_path(p.source_path)}</td>'
            f'<td class="num">{p.project_seq}</td>'
            f"<td><code>{esc(p.project_code or '—')}</code></td>"
            f'<td class="name">{esc(p.project_name or "—")}</td>'
            f"{_amount_cell(p.budget_total, p.amount_unit)}"
            f"{_amount_cell(p.budget_fiscal, p.amount_unit)}"
            f"{_amount_cell(p.budget_other, p.amount_unit)}"
            f'<td class="plan">{spark}{esc(plan_text + "%" if plan_text else "—")}</td>'
            f'<td class="num">{p.n_numeric} / {p.n_indicators}</td>'
            f'<td class="issues">{badges}</td></tr>'
        )
    columns = [
        ("file", t("col_document")),
        ("num", "#"),
        ("", t("col_project_code")),
        ("name", t("col_project_name")),
        ("num", t("col_budget_total")),
        ("num", t("col_budget_fiscal")),
        ("num", t("col_budget_other")),
        ("", t("col_plan")),
        ("num", t("col_indicators")),
        ("issues", t("col_issues")),
    ]
    return head + f'<p class="note">{esc(t("projects_note"))}</p>' + _table(columns, rows)


# --- amounts ------------------------------------------------------------------------------------


def amount_text(value: Decimal, unit: str | None, *, grouped: bool = False) -> str:
    """An amount in the unit the document printed: `6.00 万元` for 60000.00 yuan of a 万元
    table, `60000.00 元` of a 元 one (or when no unit was printed). At least two decimals,
    more when the figure needs them (`1436.0472 万元`), so that nothing is rounded away;
    `grouped` puts thousands separators in (for totals, which no document prints)."""
    if unit == WAN:
        return f"{_decimal(value / _TEN_THOUSAND, grouped)} {WAN}"
    return f"{_decimal(value, grouped)} {YUAN}"


def exact_yuan(value: Decimal) -> str:
    """The exact figure in yuan, shown on hover: `60000.00 元`."""
    return f"{value:.2f} {YUAN}"


def _decimal(value: Decimal, grouped: bool) -> str:
    exponent = value.normalize().as_tuple().exponent
    places = max(2, -exponent) if isinstance(exponent, int) else 2
    return f"{value:{',' if grouped else ''}.{places}f}"


def _amount(value: Decimal | None, unit: str | None) -> str:
    """An amount as markup: the printed figure with the exact yuan on hover."""
    if value is None:
        return "—"
    return f'<span title="{esc(exact_yuan(value))}">{esc(amount_text(value, unit))}</span>'


def _amount_cell(value: Decimal | None, unit: str | None) -> str:
    if value is None:
        return '<td class="num">—</td>'
    return f'<td class="num" title="{esc(exact_yuan(value))}">{esc(amount_text(value, unit))}</td>'


def _amount_plain(value: Decimal | None, unit: str | None) -> str:
    return "—" if value is None else amount_text(value, unit)


def _unit_of(projects: Iterable[ProjectFacts]) -> str:
    """The unit to show a sum in: 元 when every amount summed was printed in 元, else 万元."""
    units = {p.amount_unit for p in projects if p.budget_total is not None}
    return YUAN if units == {YUAN} else WAN


def _sum(projects: Iterable[ProjectFacts]) -> Decimal:
    return sum((p.budget_total for p in projects if p.budget_total is not None), Decimal())


# --- small pieces -------------------------------------------------------------------------------


def _table(columns: Sequence[tuple[str, str]], rows: Sequence[str], style: str = "") -> str:
    """A table of `rows` (markup) under (class, text) column headers, in a scrolling box."""
    head = "".join(
        (f'<th class="{kind}">' if kind else "<th>") + f"{esc(text)}</th>" for kind, text in columns
    )
    attr = f' style="{style}"' if style else ""
    return (
        f'<div class="wide"><table{attr}><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _folded(t: Text, table: str, n_rows: int) -> str:
    """A table near the top of the page, folded away when long so the charts stay in view."""
    if n_rows <= FOLD_ROWS:
        return table
    return f"<details><summary>{esc(t.n('show_rows', n_rows))}</summary>{table}</details>"


def _has(project: ProjectFacts, codes: frozenset[str]) -> bool:
    return any(i.code in codes for i in project.issues)


def _badge(kind: str, text: str | None = None, *, title: str | None = None) -> str:
    tip = f' title="{esc(title)}"' if title else ""
    return f'<span class="badge {esc(kind)}"{tip}>{esc(text or kind)}</span>'


def _label(t: Text, prefix: str, value: str) -> str:
    key = f"{prefix}_{value}"
    return t(key) if key in MESSAGES else value


def _severity(t: Text, severity: str) -> str:
    return _badge(severity, _label(t, "severity", severity))


def _status(t: Text, status: str) -> str:
    return _badge(status, _label(t, "status", status))


def _year(t: Text, year: int | None) -> str:
    return str(year) if year is not None else t("year_unknown")


def _count(t: Text, n: int, severity: str) -> str:
    return _badge(severity, str(n), title=t.n(f"count_{severity}", n)) if n else "0"


def _path(path: str) -> str:
    """A file path that may wrap after its slashes and underscores, nowhere else."""
    return esc(path).replace("/", "/<wbr>").replace("_", "_<wbr>")


def _code(code: str) -> str:
    """An issue code that may wrap after its underscores."""
    return esc(code).replace("_", "_<wbr>")
