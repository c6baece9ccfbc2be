"""`extract report OUT`: one self-contained HTML page that shows what the datasets hold.

The page is parsed with the standard library's html.parser and its figures compared with the
datasets and with values read off samples/reference.txt by hand; then headless Chromium loads it
(where installed) to prove that it renders without errors and draws its charts.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

import extract
from budget_docs import Project, document
from conftest import SAMPLES
from extract.cli import main
from extract.reporting import gather, render


class Page(HTMLParser):
    """What the tests look at: ids, links, elements by tag and class, table rows, text."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.tags: Counter[str] = Counter()
        self.classes: Counter[str] = Counter()
        self.rows: dict[str, list[str]] = {}  # row id -> its cells' text
        self.text: list[str] = []
        self._row: str | None = None
        self._cell: list[str] | None = None
        self._in_svg = 0  # chart tooltips are not the cell's text
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags[tag] += 1
        self._in_svg += tag == "svg"
        for name in (a.get("class") or "").split():
            self.classes[f"{tag}.{name}"] += 1
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "a" and a.get("href"):
            self.links.append(a["href"] or "")
        if tag == "tr" and a.get("id"):
            self._row = a["id"]
            self.rows[self._row] = []
        if tag == "td" and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        self._in_svg -= tag == "svg"
        if tag == "td" and self._row is not None and self._cell is not None:
            self.rows[self._row].append("".join(self._cell).strip())
            self._cell = None
        if tag == "tr":
            self._row = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None and not self._in_svg:
            self._cell.append(data)

    def has_text(self, fragment: str) -> bool:
        return fragment in "".join(self.text)


@pytest.fixture(scope="module")
def samples_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("samples")
    # The reference content in all its renderings: 20 documents of one unit and one year.
    source = root / "in"
    layouts = ("autonumber", "breaks_tabs", "continued", "nested", "pagebreak_plain")
    layouts += ("pagebreak_repeat", "repeated_level1", "tracked")
    for path in [
        *(SAMPLES / f"reference.{ext}" for ext in ("txt", "docx", "pdf")),
        *(p for name in layouts for p in SAMPLES.glob(f"variants/{name}.*") if p.suffix != ".txt"),
        *SAMPLES.glob("large/*"),
    ]:
        target = source / path.relative_to(SAMPLES)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    out = root / "out"
    result = CliRunner().invoke(main, ["run", str(source), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(main, ["report", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"report -> {out / 'report.html'}\n"
    return out


@pytest.fixture(scope="module")
def page(samples_out: Path) -> Page:
    return Page((samples_out / "report.html").read_text(encoding="utf-8"))


def test_every_document_has_a_row_with_its_status_and_counts(samples_out: Path, page: Page) -> None:
    docs = extract.load(samples_out).documents
    assert len(docs) == 20
    for doc in docs.itertuples():
        cells = page.rows[f"doc-{doc.doc_id}"]
        # File, format, year, unit, status, projects, indicators, errors, warnings, notes, reason
        assert cells[:7] == [
            doc.source_path,
            doc.source_format,
            "2021",
            "秦皇岛市北戴河区政府采购中心(本级)",
            "ok",
            str(doc.n_projects),
            str(doc.n_indicators),
        ]
    reference = docs.set_index("source_path").loc["reference.txt", "doc_id"]
    # The reference's two text-only 成本指标 targets, and two notes on blank lines in cells.
    assert page.rows[f"doc-{reference}"][7:] == ["0", "2", "2", ""]


def test_reference_projects_show_their_amounts_and_plans(samples_out: Path, page: Page) -> None:
    docs = extract.load(samples_out).documents.set_index("source_path")
    reference = docs.loc["reference.txt", "doc_id"]
    assert page.rows[f"project-{reference}-1"] == [
        "reference.txt",
        "1",
        "13030421K8U6FQHZNYVC1",
        "国有土地交易中心运行费用",
        "60,000.00",
        "60,000.00",
        "0.00",
        "20 / 50 / 80 / 100%",
        "4 / 9",  # 数量, 质量, 时效 and 满意度 are figures; 成本 and the four 效益 are text
        "quantitative_indicator_with_text_value",
    ]
    assert page.rows[f"project-{reference}-2"][4:9] == [
        "130,000.00",
        "130,000.00",
        "0.00",
        "20 / 50 / 75 / 100%",
        "6 / 9",
    ]
    assert page.rows[f"project-{reference}-3"][4] == "110,300.00"


def test_summary_totals_match_the_datasets(samples_out: Path, page: Page) -> None:
    ds = extract.load(samples_out)
    total = sum(ds.projects["budget_total_yuan"], Decimal())
    assert total == Decimal("13333200.00")  # 18 × (6 + 13 + 11.03) 万元 + 2 × the 40 projects
    assert page.has_text(f"{total:,.2f} yuan")
    assert page.has_text("1,333.32万元 budget (预算数)")
    assert page.has_text("134projects")
    assert page.has_text("1206indicators")
    assert page.has_text("0errorsfigures that contradict")
    assert page.has_text("90warningsto review · 11 notes")


def test_every_issue_is_listed_with_a_link_to_its_project(samples_out: Path, page: Page) -> None:
    issues = extract.load(samples_out).issues
    assert len(issues) == 101
    project_links = [link for link in page.links if link.startswith("#project-")]
    # One link per project-level issue in the issues list, plus one per bar of the budget chart
    # and one per curve of the spending-plan chart.
    assert len(project_links) == issues["project_seq"].notna().sum() + 25 + 134
    document_links = [link for link in page.links if link.startswith("#doc-")]
    assert len(document_links) == issues["project_seq"].isna().sum() == 11
    for link in page.links:
        assert link[1:] in page.ids, link  # every link lands somewhere


def test_charts_show_the_figures(page: Page) -> None:
    assert page.tags["figure"] == 4
    assert page.classes["svg.chart"] == 4
    assert page.classes["polyline.curve"] == 134 * 2  # the chart and one sparkline per project
    assert page.classes["polyline.straight"] == 134 + 1
    assert page.classes["rect.bar"] == 25 + 1 + 9  # top projects, the one unit, nine 二级指标
    assert page.has_text("The 25 largest of 134 projects")
    assert page.has_text("13,333,200.00 · 134 projects")  # the one unit's bar
    assert page.has_text("100% · 134 of 134")  # 数量指标, 质量指标, 时效指标
    assert page.has_text("33% · 44 of 134")  # 成本指标: 90 text-only targets


def test_the_page_needs_nothing_from_outside(samples_out: Path) -> None:
    markup = (samples_out / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img|iframe|object)\b", markup)
    assert not re.search(r"\bsrc=|url\(|@import", markup)
    assert set(re.findall(r"https?://[^\"' )]+", markup)) == {"http://www.w3.org/2000/svg"}


def test_document_text_is_escaped(tmp_path: Path) -> None:
    hostile = Project(name='评审费<script>alert("x")</script>', code="13030421MUG5OBR3ORRT9")
    source = tmp_path / "in"
    source.mkdir()
    (source / "a&b.txt").write_text(document(hostile), encoding="utf-8")
    out = tmp_path / 'out "quoted" <dir>'
    assert CliRunner().invoke(main, ["run", str(source), "--out", str(out)]).exit_code == 0
    markup = extract.report(out).read_text(encoding="utf-8")
    page = Page(markup)
    assert page.tags["script"] == 0
    assert page.has_text('评审费<script>alert("x")</script>')
    assert "a&amp;b.txt" in markup
    assert "&lt;dir&gt;" in markup


def test_failed_documents_and_no_projects(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "notice.txt").write_text(
        "关于印发预算的通知\n请各单位认真执行。\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["run", str(tmp_path / "empty.txt"), str(tmp_path / "notice.txt"), "--out", str(out)]
    )
    assert result.exit_code == 1
    markup = extract.report(out, tmp_path / "r.html").read_text(encoding="utf-8")
    page = Page(markup)
    docs = extract.load(out).documents.set_index("source_path")
    empty = page.rows[f"doc-{docs.loc[str(tmp_path / 'empty.txt'), 'doc_id']}"]
    assert empty[1:5] == ["txt", "unknown", "—", "failed"]
    assert empty[-1] == "the file is empty"
    notice = page.rows[f"doc-{docs.loc[str(tmp_path / 'notice.txt'), 'doc_id']}"]
    assert notice[4] == "ok"  # readable, without targets: 0 projects and a note (contract v2)
    assert notice[-1] == ""
    assert page.has_text("No projects were extracted: nothing to chart.")
    assert page.classes["svg.chart"] == 0
    assert page.has_text("fiscal year unknown")
    for link in page.links:
        assert link[1:] in page.ids, link


def test_an_empty_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "documents").mkdir()
    facts = gather(extract.load(out))
    page = Page(render(facts, "out"))
    assert page.has_text("This output holds no documents.")
    assert page.has_text("No issues found.")


def test_report_command_usage(tmp_path: Path, samples_out: Path) -> None:
    missing = CliRunner().invoke(main, ["report", str(tmp_path / "nope")])
    assert missing.exit_code == 2
    assert "does not exist" in missing.output
    target = tmp_path / "elsewhere.html"
    written = CliRunner().invoke(main, ["report", str(samples_out), "--output", str(target)])
    assert written.exit_code == 0
    assert target.read_bytes() == (samples_out / "report.html").read_bytes()  # deterministic
    blocked = CliRunner().invoke(
        main, ["report", str(samples_out), "-o", str(tmp_path / "x" / "r.html")]
    )
    assert blocked.exit_code == 2


# --- in a browser -------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not on PATH (Debian: apt-get install chromium)"
)


def _chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            *args,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _console_errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


@needs_chromium
def test_console_errors_are_detected(tmp_path: Path) -> None:
    """The check below can fail: a page with a script error is caught."""
    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><p>x</p><script>undefinedFunction()</script>", encoding="utf-8")
    proc = _chromium(bad, tmp_path / "profile", "--dump-dom")
    assert any("Uncaught ReferenceError" in line for line in _console_errors(proc.stderr))


@needs_chromium
def test_report_renders_in_chromium(samples_out: Path, tmp_path: Path) -> None:
    report = samples_out / "report.html"
    proc = _chromium(report, tmp_path / "profile", "--dump-dom")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert _console_errors(proc.stderr) == []
    dom = Page(proc.stdout)
    assert dom.classes["svg.chart"] == 4
    assert dom.classes["rect.bar"] == 35
    assert dom.has_text("Extraction quality report")

    shot = tmp_path / "report.png"
    proc = _chromium(
        report, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,2000"
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert _console_errors(proc.stderr) == []
    with Image.open(shot) as image:
        assert image.size == (1280, 2000)
        colors = {rgb: n for n, rgb in image.convert("RGB").getcolors(maxcolors=1 << 24) or []}
    # The budget bars are drawn in the first screen: many pixels of exactly their blue.
    assert colors.get((0x25, 0x63, 0xEB), 0) > 20_000
