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
from dataclasses import replace
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
from extract.normalizers.findings import CODE_MEANINGS
from extract.reporting import LANGS, gather, render
from extract.reporting.messages import CODE_MEANINGS_ZH, MESSAGES, Text, fields

HEADING_TAGS = frozenset({"h1", "h2", "figcaption", "th"})


class Page(HTMLParser):
    """What the tests look at: ids, links, elements by tag and class, table rows (by row id
    and by section), cell titles, headings, text."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.tags: Counter[str] = Counter()
        self.classes: Counter[str] = Counter()
        self.rows: dict[str, list[str]] = {}  # row id -> its cells' text
        self.cell_titles: dict[str, list[str | None]] = {}  # row id -> its cells' title
        self.sections: dict[str, list[list[str]]] = {}  # h2 id -> the rows of its tables
        self.texts: dict[str, list[str]] = {}  # h2 id -> the text under it
        self.headings: list[str] = []  # h1, h2, figcaption and th texts
        self.text: list[str] = []
        self._section = ""
        self._row: list[str] | None = None
        self._row_id: str | None = None
        self._cell: list[str] | None = None
        self._heading: list[str] | None = None
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
        if tag == "h2" and a.get("id"):
            self._section = a["id"] or ""
            self.sections.setdefault(self._section, [])
            self.texts.setdefault(self._section, [])
        if tag in HEADING_TAGS:
            self._heading = []
        if tag == "a" and a.get("href"):
            self.links.append(a["href"] or "")
        if tag == "tr":
            self._row = []
            self.sections.setdefault(self._section, []).append(self._row)
            self._row_id = a.get("id")
            if self._row_id is not None:
                self.rows[self._row_id] = self._row
                self.cell_titles[self._row_id] = []
        if tag == "td" and self._row is not None:
            self._cell = []
            if self._row_id is not None:
                self.cell_titles[self._row_id].append(a.get("title"))

    def handle_endtag(self, tag: str) -> None:
        self._in_svg -= tag == "svg"
        if tag == "td" and self._row is not None and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        if tag in HEADING_TAGS and self._heading is not None:
            self.headings.append("".join(self._heading).strip())
            self._heading = None
        if tag == "tr":
            self._row = None
            self._row_id = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        self.texts.setdefault(self._section, []).append(data)
        if self._cell is not None and not self._in_svg:
            self._cell.append(data)
        if self._heading is not None and not self._in_svg:
            self._heading.append(data)

    def has_text(self, fragment: str) -> bool:
        return fragment in "".join(self.text)

    def table_rows(self, section: str) -> list[list[str]]:
        """The body rows of the tables under the heading `section` (header rows are empty)."""
        return self.sections[section]

    def section_text(self, section: str) -> str:
        return "".join(self.texts[section])


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
    english = out / "report-en.html"
    result = CliRunner().invoke(main, ["report", str(out), "--lang", "en", "-o", str(english)])
    assert result.exit_code == 0, result.output
    assert result.output == f"report -> {english}\n"
    return out


@pytest.fixture(scope="module")
def page(samples_out: Path) -> Page:
    """The English page (`--lang en`)."""
    return Page((samples_out / "report-en.html").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def page_zh(samples_out: Path) -> Page:
    """The page as `extract report OUT` writes it: in Chinese."""
    return Page((samples_out / "report.html").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def mixed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One department's file in three renderings, a corrupt file, a 元 document, a document
    whose 预算数 contradicts its parts, and one project without a code in three documents
    (two of them of one year, the third of the next)."""
    root = tmp_path_factory.mktemp("mixed")
    source = root / "in"
    source.mkdir()
    for name in ("reference.txt", "reference.docx", "reference.pdf"):
        shutil.copy(SAMPLES / name, source / name)
    shutil.copy(SAMPLES / "declaration_form" / "shanghai_putuo_2026.txt", source)
    (source / "bad.pdf").write_text("not a pdf\n", encoding="utf-8")
    meeting = Project(name="会议费", code="13030421AAAAAAAAAAAA1", total="7.00", fiscal="6.00")
    (source / "mismatch.txt").write_text(document(meeting), encoding="utf-8")
    archive = Project(name="档案整理经费", code="", total="2.50", fiscal="2.50")
    (source / "x1.txt").write_text(document(archive), encoding="utf-8")
    # Another rendering of x1: the same project, other bytes (identical files are run once).
    other = replace(archive, goals=("1.档案整理工作顺利完成。",))
    (source / "x2.txt").write_text(document(other), encoding="utf-8")
    next_year = document(archive, title="2022年部门预算绩效目标")
    (source / "x3.txt").write_text(next_year, encoding="utf-8")
    out = root / "out"
    result = CliRunner().invoke(main, ["run", str(source), "--out", str(out), "--quiet"])
    assert result.exit_code == 1, result.output  # bad.pdf failed
    extract.report(out)
    extract.report(out, out / "report-en.html", lang="en")
    return out


@pytest.fixture(scope="module")
def mixed(mixed_out: Path) -> Page:
    return Page((mixed_out / "report-en.html").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def mixed_zh(mixed_out: Path) -> Page:
    return Page((mixed_out / "report.html").read_text(encoding="utf-8"))


def _doc_ids(out: Path) -> dict[str, str]:
    """source_path -> doc_id"""
    docs = extract.load(out).documents
    return dict(zip(docs["source_path"], docs["doc_id"], strict=True))


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
    reference = _doc_ids(samples_out)["reference.txt"]
    assert page.rows[f"project-{reference}-1"] == [
        "reference.txt",
        "1",
        "13030421K8U6FQHZNYVC1",
        "国有土地交易中心运行费用",
        "6.00 万元",  # as printed: the reference's tables are in 万元
        "6.00 万元",
        "0.00 万元",
        "20 / 50 / 80 / 100%",
        "4 / 9",  # 数量, 质量, 时效 and 满意度 are figures; 成本 and the four 效益 are text
        # its issue, then: the same project is in all 20 documents (large/ holds it too)
        "quantitative_indicator_with_text_valuein 20 documents",
    ]
    assert page.rows[f"project-{reference}-2"][4:9] == [
        "13.00 万元",
        "13.00 万元",
        "0.00 万元",
        "20 / 50 / 75 / 100%",
        "6 / 9",
    ]
    assert page.rows[f"project-{reference}-3"][4] == "11.03 万元"
    # The exact yuan on hover.
    assert page.cell_titles[f"project-{reference}-3"][4] == "110300.00 元"


def test_summary_totals_count_each_project_once(samples_out: Path, page: Page) -> None:
    ds = extract.load(samples_out)
    every_row = sum(ds.projects["budget_total_yuan"], Decimal())
    assert every_row == Decimal("13333200.00")  # 18 × (6 + 13 + 11.03) 万元 + 2 × the 40 projects
    once = ds.projects.drop_duplicates(["unit_code", "project_code"])
    assert len(once) == 40  # large/ holds the reference's three projects and 37 more
    total = sum(once["budget_total_yuan"], Decimal())
    assert total == Decimal("3963900.00")
    assert page.has_text("396.39万元 预算数 (each project once)")
    assert page.has_text(f"exactly {total:,.2f} 元")
    assert page.has_text("94 repeated rows (936.93 万元) left out, all rows 1,333.32 万元")
    assert page.has_text("40projectsin 1 unit; 134 rows, 94 of them repeats from other documents")
    assert page.has_text("1206indicators")
    assert page.has_text("0errorsfigures that contradict, in the files read")
    assert page.has_text("90warningsto review · 11 notes")
    assert page.has_text("0files not readevery file was read")


def test_issue_counts_are_by_severity(page: Page, page_zh: Page) -> None:
    assert page.has_text("Issues in the files read: 0 errors, 90 warnings, 11 notes.")
    assert page.has_text("0 errors, 90 warnings, 11 notes, all in the files read.")
    assert page_zh.has_text("已读取文件中的问题：0 个错误、90 个警告、11 条提示。")
    assert page_zh.has_text("0 个错误、90 个警告、11 条提示，均来自已读取的文件。")
    for p in (page, page_zh):
        text = "".join(p.text)
        assert not re.search(r"\d+ issues|\d+ 个问题", text)


def test_every_issue_is_listed_with_a_link_to_its_project(samples_out: Path, page: Page) -> None:
    issues = extract.load(samples_out).issues
    assert len(issues) == 101
    project_links = [link for link in page.links if link.startswith("#project-")]
    # One link per project-level issue in the issues list, plus one per bar of the budget chart,
    # one per curve of the spending-plan chart and one per copy of a repeated project.
    assert len(project_links) == issues["project_seq"].notna().sum() + 25 + 134 + 134
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
    assert page.has_text("The 25 largest of 40 projects")
    assert page.has_text("A project read from several documents is shown once.")
    assert page.has_text("396.39 万元 · 40 projects (94 repeats left out)")  # the one unit's bar
    assert page.has_text("100% · 134 of 134")  # 数量指标, 质量指标, 时效指标
    assert page.has_text("33% · 44 of 134")  # 成本指标: 90 text-only targets


def test_the_page_needs_nothing_from_outside(samples_out: Path) -> None:
    for name in ("report.html", "report-en.html"):
        markup = (samples_out / name).read_text(encoding="utf-8")
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
    for lang in ("zh", "en"):
        markup = extract.report(out, lang=lang).read_text(encoding="utf-8")
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
    markup = extract.report(out, tmp_path / "r.html", lang="en").read_text(encoding="utf-8")
    page = Page(markup)
    ids = _doc_ids(out)
    empty = page.rows[f"doc-{ids[str(tmp_path / 'empty.txt')]}"]
    assert empty[1:5] == ["txt", "unknown", "—", "failed"]
    assert empty[-1] == "the file is empty"
    assert page.rows[f"not-read-{ids[str(tmp_path / 'empty.txt')]}"][1:3] == [
        "txt",
        "the file is empty",
    ]
    notice = page.rows[f"doc-{ids[str(tmp_path / 'notice.txt')]}"]
    assert notice[4] == "ok"  # readable, without targets: 0 projects and a note (contract v2)
    assert notice[-1] == ""
    assert f"not-read-{ids[str(tmp_path / 'notice.txt')]}" not in page.rows
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
    page = Page(render(facts, "out", "en"))
    assert page.has_text("This output holds no documents.")
    assert page.has_text("No issues found.")
    assert page.has_text("Every file was read.")
    assert page.has_text("No project appears in more than one document.")
    page = Page(render(facts, "out"))
    assert page.has_text("此输出中没有文件。")
    assert page.has_text("未发现问题。")


def test_report_command_usage(tmp_path: Path, samples_out: Path) -> None:
    missing = CliRunner().invoke(main, ["report", str(tmp_path / "nope")])
    assert missing.exit_code == 2
    assert "does not exist" in missing.output
    target = tmp_path / "elsewhere.html"
    written = CliRunner().invoke(main, ["report", str(samples_out), "--output", str(target)])
    assert written.exit_code == 0
    assert target.read_bytes() == (samples_out / "report.html").read_bytes()  # deterministic
    written = CliRunner().invoke(
        main, ["report", str(samples_out), "-o", str(target), "--lang", "zh"]
    )
    assert written.exit_code == 0
    assert target.read_bytes() == (samples_out / "report.html").read_bytes()  # zh is the default
    blocked = CliRunner().invoke(
        main, ["report", str(samples_out), "-o", str(tmp_path / "x" / "r.html")]
    )
    assert blocked.exit_code == 2
    unknown = CliRunner().invoke(
        main, ["report", str(samples_out), "--lang", "fr", "-o", str(target)]
    )
    assert unknown.exit_code == 2
    assert "Invalid value for '--lang'" in unknown.output
    assert "'zh'" in unknown.output and "'en'" in unknown.output
    with pytest.raises(ValueError, match="unknown report language 'fr'"):
        extract.report(samples_out, target, lang="fr")


# --- issue 17: what a reviewer sees ---------------------------------------------------------------


def test_files_not_read_are_not_figures_that_contradict(mixed_out: Path, mixed: Page) -> None:
    ids = _doc_ids(mixed_out)
    bad = ids["bad.pdf"]
    reason = extract.load(mixed_out).documents.set_index("doc_id").loc[bad, "error"]
    assert reason.startswith("not a valid PDF file")
    assert mixed.rows[f"not-read-{bad}"] == ["bad.pdf", "pdf", reason, "file_unreadable"]
    assert len([r for r in mixed.rows if r.startswith("not-read-")]) == 1
    assert mixed.has_text("1file not readdamaged, empty or unreadable")
    # The one error of the documents read is the 预算数 that contradicts its parts.
    assert mixed.has_text("1errorfigures that contradict, in the files read")
    assert mixed.has_text(
        "Issues in the files read: 1 error, 11 warnings, 9 notes. 1 more file could not be read"
    )
    kinds = [
        (row[1], int(row[3]))
        for row in mixed.table_rows("issue-codes")
        if row and row[0] == "error"
    ]
    assert kinds == [("budget_sum_mismatch", 1)]
    listed = [row[1] for row in mixed.table_rows("issues") if row and row[0] == "error"]
    assert listed == ["budget_sum_mismatch"]
    assert "file_unreadable" not in "".join(mixed.section_text("issues"))


def test_files_not_read_in_chinese(mixed_out: Path, mixed_zh: Page) -> None:
    bad = _doc_ids(mixed_out)["bad.pdf"]
    assert mixed_zh.rows[f"not-read-{bad}"][0] == "bad.pdf"
    assert mixed_zh.rows[f"doc-{bad}"][4] == "未读取"
    assert mixed_zh.has_text("1份文件未读取")
    assert mixed_zh.has_text("1个错误已读取文件中相互矛盾的数字等")
    assert mixed_zh.has_text("已读取文件中的问题：1 个错误、11 个警告、9 条提示。另有 1 份文件")


def test_the_same_project_in_several_documents_is_flagged(mixed_out: Path, mixed: Page) -> None:
    repeats = {row[2]: row for row in mixed.table_rows("repeats") if row}
    # The reference's three projects (by their codes) and the one without a code (by its
    # name) of 2021; its 2022 namesake is next year's project, not a repeat.
    assert sorted(repeats) == ["人事代理经费", "国有土地交易中心运行费用", "档案整理经费", "评审费"]
    unit, code, _, year, n_docs, copies = repeats["评审费"]
    assert (unit, code, year, n_docs) == (
        "秦皇岛市北戴河区政府采购中心(本级)",
        "13030421MUG5OBR3ORRT9",
        "2021",
        "3",
    )
    assert copies == (
        "reference.docx · 13.00 万元 countedreference.pdf · 13.00 万元 reference.txt · 13.00 万元"
    )
    assert repeats["档案整理经费"][1] == "—"
    assert repeats["档案整理经费"][4] == "2"
    assert "x1.txt" in repeats["档案整理经费"][5] and "x2.txt" in repeats["档案整理经费"][5]
    assert "x3.txt" not in repeats["档案整理经费"][5]
    # Each copy links to its row of the projects table, and each such row back.
    ids = _doc_ids(mixed_out)
    for name in ("reference.txt", "reference.docx", "reference.pdf"):
        assert f"#project-{ids[name]}-2" in mixed.links
        assert mixed.rows[f"project-{ids[name]}-2"][-1].endswith("in 3 documents")
    assert mixed.has_text("4 projects appear in more than one document.")
    assert mixed.has_text("the other 7 rows (62.56 万元) are left out")


def test_a_long_list_of_repeats_is_folded(page: Page, page_zh: Page, mixed: Page) -> None:
    """40 repeated projects (each with up to 20 documents) would push the charts out of the
    first screen: their table is folded, and still all there."""
    assert page.has_text("Show the 40 rows")
    assert page_zh.has_text("展开 40 行")
    assert len([r for r in page.rows if r.startswith("repeat-")]) == 40
    assert page.has_text("40 projects appear in more than one document.")
    assert not mixed.has_text("Show the")  # 4 rows: shown as they are


def test_unit_totals_count_a_repeated_project_once(mixed_out: Path, mixed: Page) -> None:
    projects = extract.load(mixed_out).projects
    unit = projects[projects["unit_code"] == "632001"]
    assert len(unit) == 13
    assert sum(unit["budget_total_yuan"], Decimal()) == Decimal("1045900.00")
    # Once each: the reference's 30.03 万元, 会议费 7.00, 档案整理经费 2.50 in 2021 and 2022.
    assert mixed.has_text("42.03 万元 · 6 projects (7 repeats left out)")
    assert mixed.has_text("219,975,300.00 元 · 3 projects")  # a unit printing 元, no repeats
    tip = "秦皇岛市北戴河区政府采购中心(本级): 42.03 万元 (420300.00 元) in 6 projects"
    assert mixed.has_text(f"{tip}; all 13 rows 104.59 万元")
    assert mixed.has_text("22,039.56万元 预算数 (each project once)")
    assert mixed.has_text("7 repeated rows (62.56 万元) left out, all rows 22,102.12 万元")


def test_repeats_match_names_without_whitespace(mixed_out: Path) -> None:
    datasets = dict(extract.load(mixed_out).items())
    projects = datasets["projects"].copy()
    x2 = _doc_ids(mixed_out)["x2.txt"]
    projects.loc[projects["doc_id"] == x2, "project_name"] = " 档案整理\u3000经费\n"
    projects.loc[projects["doc_id"] == x2, "unit_name"] = "秦皇岛市北戴河区 政府采购中心(本级)"
    datasets["projects"] = projects
    facts = gather(datasets)
    names = sorted(group.copies[0].label.strip() for group in facts.repeats)
    assert "档案整理经费" in names
    archive = next(g for g in facts.repeats if g.copies[0].project_code is None)
    assert [p.source_path for p in archive.copies] == ["x1.txt", "x2.txt"]
    assert [p.counted for p in archive.copies] == [True, False]
    # A different name is a different project.
    projects.loc[projects["doc_id"] == x2, "project_name"] = "档案整理费"
    facts = gather(datasets)
    assert all(g.copies[0].project_code is not None for g in facts.repeats)


def test_amounts_as_printed_with_the_yuan_on_hover(mixed_out: Path, mixed: Page) -> None:
    markup = (mixed_out / "report-en.html").read_text(encoding="utf-8")
    assert '<td class="num" title="60000.00 元">6.00 万元</td>' in markup
    ids = _doc_ids(mixed_out)
    shanghai = ids["shanghai_putuo_2026.txt"]
    # Printed in 元: stays in 元.
    assert mixed.rows[f"project-{shanghai}-1"][4] == "168215300.00 元"
    assert mixed.cell_titles[f"project-{shanghai}-1"][4] == "168215300.00 元"
    meeting = ids["mismatch.txt"]
    assert mixed.rows[f"project-{meeting}-1"][4:7] == ["7.00 万元", "6.00 万元", "0.00 万元"]
    assert mixed.cell_titles[f"project-{meeting}-1"][4:7] == [
        "70000.00 元",
        "60000.00 元",
        "0.00 元",
    ]


def test_name_columns_have_room(mixed_out: Path, mixed: Page) -> None:
    markup = (mixed_out / "report.html").read_text(encoding="utf-8")
    css = re.search(r"<style>(.*?)</style>", markup, re.S)
    assert css is not None
    rule = re.search(r"th\.name, td\.name \{([^}]*)\}", css.group(1))
    assert rule is not None and "min-width: 10em" in rule.group(1)
    assert re.search(r"td\.name \{[^}]*word-break: keep-all", css.group(1))
    # The name columns carry the class: 项目名称 in the projects table, the unit in documents.
    ids = _doc_ids(mixed_out)
    reference = ids["reference.txt"]
    assert '<td class="name">国有土地交易中心运行费用</td>' in markup
    assert f'<tr id="doc-{reference}">' in markup
    assert '<td class="name">秦皇岛市北戴河区政府采购中心(本级)</td>' in markup
    assert '<th class="name">项目名称</th>' in markup
    assert '<th class="name">单位</th>' in markup
    assert mixed.classes["td.name"] >= 16  # every project row at least


# --- languages --------------------------------------------------------------------------------

HEADING_IDS = (
    "title",
    "h_not_read",
    "h_repeats",
    "h_issue_codes",
    "h_charts",
    "h_documents",
    "h_issues",
    "h_projects",
    "chart_projects",
    "chart_units",
    "chart_share",
    "chart_plans",
)


def _headings(lang: str) -> set[str]:
    column = LANGS.index(lang)
    return {MESSAGES[key][column] for key in HEADING_IDS}


def test_chinese_by_default_english_on_request(
    mixed_out: Path, mixed: Page, mixed_zh: Page
) -> None:
    zh_markup = (mixed_out / "report.html").read_text(encoding="utf-8")
    en_markup = (mixed_out / "report-en.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in zh_markup
    assert '<html lang="en">' in en_markup
    zh, en = _headings("zh"), _headings("en")
    assert zh.isdisjoint(en)
    assert set(mixed_zh.headings) >= zh
    assert set(mixed_zh.headings).isdisjoint(en)
    assert set(mixed.headings) >= en
    assert set(mixed.headings).isdisjoint(zh)
    # Column headers and explanations too.
    assert mixed_zh.has_text("严重程度") and not mixed_zh.has_text("Severity")
    assert mixed.has_text("Severity") and not mixed.has_text("严重程度")
    assert mixed_zh.has_text("财政资金 + 其他资金 ≠ 预算数")  # the meaning of budget_sum_mismatch
    assert mixed_zh.has_text("金额按原文的单位显示")
    assert not mixed_zh.has_text("Amounts in the unit printed")
    assert "<title>抽取质量报告：" in zh_markup
    assert "<title>Extraction quality report: " in en_markup


def test_no_english_report_text_on_the_chinese_page(page_zh: Page) -> None:
    """Every English message (long enough to be unambiguous) is absent from the zh page."""
    text = "".join(page_zh.text)
    english = [
        form
        for key, (_, en) in MESSAGES.items()
        for form in en.split("|")
        if any("a" <= ch <= "z" for ch in form) and key not in {"page_title", "header"}
    ]
    for form in english:
        for piece in re.split(r"\{[a-z_]+\}", form):
            piece = piece.strip(" .,;:()")
            if " " in piece and re.search(r"[a-z]{3}", piece):
                assert piece not in text, piece


def test_every_message_has_both_languages() -> None:
    for key, (zh, en) in MESSAGES.items():
        assert zh and en, key
        zh_fields = fields(zh)
        en_fields = set().union(*(fields(form) for form in en.split("|")))
        assert zh_fields <= en_fields | {"n"} and en_fields <= zh_fields | {"n"}, key
        assert "|" not in zh, key
    assert set(CODE_MEANINGS) <= set(CODE_MEANINGS_ZH)
    assert Text("en").n("count_info", 1) == "1 note"
    assert Text("en").n("count_info", 11) == "11 notes"
    assert Text("zh").n("count_info", 11) == "11 条提示"


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
    assert dom.has_text("抽取质量报告")

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
