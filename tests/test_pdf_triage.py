"""PDF page triage: pages without target material are read by PDFium, and nothing changes.

The ground truth is that triage gives exactly the rows of reading every page with pdfplumber,
on every PDF under samples/ (and it does read some of their pages with PDFium: covers, tables
of contents, part one, narrative prose, whole budget documents). The untriaged reading of a
sample reuses the pdfplumber readings of the pages the triaged one made (`_read_page` is a
function of the page alone), so only the pages PDFium read are read again: both readings of
every sample cost little more than one. samples/triage/long_budget.pdf (samples/make_triage.py)
is a 30-page budget document whose two target tables sit on pages 27-29, the last one running
on to page 29 with indicator rows only.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pytest

from conftest import SAMPLES
from extract.model import Document
from extract.parsers import pdf_parser
from extract.parsers.pdf_layout import page_objects
from extract.parsers.pdf_light import LightReader
from extract.parsers.pdf_rulings import table_cells
from extract.pipeline import FileResult, InputFile, extract_file
from extract.recognize.markers import _template_words, holds_target_material, target_markers
from extract.templates import parse_template, vocabulary

LONG = SAMPLES / "triage" / "long_budget.pdf"
EXTRACTED_AT = datetime(2026, 1, 1, tzinfo=UTC)
# Scans are read by OCR only in tests/test_ocr.py (which also triages a mixed PDF).
SAMPLE_PDFS = sorted(p for p in SAMPLES.rglob("*.pdf") if "scanned" not in p.parts)


@dataclass
class Readings:
    """One sample read both ways: the rows, and the pages pdfplumber read when triaged."""

    triaged: FileResult
    full: FileResult
    parsed: list[int] = field(default_factory=list)  # page numbers, triaged reading


def _extract(path: Path, doc: Document) -> FileResult:
    """extract_file's rows of `path`, its PDF parser's result being `doc`."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf_parser, "parse_pdf", lambda data, **_: doc)
        return extract_file(InputFile(path, path.name), year=None, extracted_at=EXTRACTED_AT)


def _read_both(path: Path) -> Readings:
    data = path.read_bytes()
    real = pdf_parser._read_page
    cache: dict[int, bytes] = {}
    parsed: list[int] = []

    def recording(page: Any, *rest: Any) -> Any:
        result = real(page, *rest)
        parsed.append(page.page_number)
        cache[page.page_number] = pickle.dumps(result)  # a copy before the assembly changes it
        return result

    def replaying(page: Any, *rest: Any) -> Any:
        known = cache.get(page.page_number)
        return pickle.loads(known) if known is not None else real(page, *rest)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf_parser, "_read_page", recording)
        triaged = pdf_parser.parse_pdf(data, triage=True)
        patch.setattr(pdf_parser, "_read_page", replaying)
        full = pdf_parser.parse_pdf(data, triage=False)
    return Readings(_extract(path, triaged), _extract(path, full), sorted(parsed))


@pytest.fixture(scope="module")
def readings() -> dict[Path, Readings]:
    return {path: _read_both(path) for path in SAMPLE_PDFS}


def _without(rows: dict[str, list[dict[str, Any]]], column: str) -> dict[str, Any]:
    return {
        name: [{k: v for k, v in r.items() if k != column} for r in rs] for name, rs in rows.items()
    }


def test_triage_gives_the_rows_of_reading_every_page(readings: dict[Path, Readings]) -> None:
    light = 0
    for path, read in readings.items():
        name = path.relative_to(SAMPLES).as_posix()
        assert read.triaged.status == read.full.status, name
        assert _without(read.triaged.rows, "n_pages_parsed") == _without(
            read.full.rows, "n_pages_parsed"
        ), name
        light += read.full.rows["documents"][0]["n_pages_parsed"] - len(read.parsed)
    # The comparison is worth something: many sample pages were read by PDFium.
    assert light >= 80


def test_the_untriaged_reading_replayed_is_the_real_one(
    readings: dict[Path, Readings], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The replay in `_read_both` is sound: a real untriaged parse gives the same rows (and
    `TRIAGE = False` is that parse)."""
    monkeypatch.setattr(pdf_parser, "TRIAGE", False)
    real = pdf_parser.parse_pdf(LONG.read_bytes())
    assert real.n_pages_parsed == 30
    assert _extract(LONG, real).rows == readings[LONG].full.rows


def test_a_long_budget_document_parses_only_its_target_pages(
    readings: dict[Path, Readings],
) -> None:
    read = readings[LONG]
    # Pages 27 and 28 hold the two project tables; 29 only the rest of the second one's grid.
    assert read.parsed == [27, 28, 29]
    assert read.triaged.count("projects") == 2
    assert read.triaged.count("indicators") == 8 + 24
    document = pdfium.PdfDocument(LONG)
    texts = [document[k].get_textpage().get_text_range() for k in range(len(document))]
    document.close()
    with pdfplumber.open(LONG) as pdf:
        continued = pdf.pages[28]
        first_table_top = min(t.bbox[1] for t in continued.find_tables())
        body = [c for c in continued.chars if c["bottom"] <= first_table_top and c["text"].strip()]
    assert [k + 1 for k, text in enumerate(texts) if holds_target_material(text)] == [27, 28]
    assert body == []  # page 29 begins with the table: no title, no label, no heading
    rows = [r for r in read.triaged.rows["indicators"] if r["project_seq"] == 2]
    assert rows[-1]["source_location"].startswith("page 29, table 11")


def test_the_documents_row_counts_the_pages_parsed(readings: dict[Path, Readings]) -> None:
    read = readings[LONG]
    triaged, full = read.triaged.rows["documents"][0], read.full.rows["documents"][0]
    assert (triaged["n_pages"], triaged["n_pages_parsed"]) == (30, 3)
    assert (full["n_pages"], full["n_pages_parsed"]) == (30, 30)
    text = extract_file(
        InputFile(SAMPLES / "reference.txt", "reference.txt"), year=None, extracted_at=EXTRACTED_AT
    )
    assert text.rows["documents"][0]["n_pages_parsed"] is None


def test_the_environment_variable_turns_triage_off(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (SAMPLES / "no_targets" / "hongkou_archives_budget_2024.pdf").read_bytes()
    assert pdf_parser.parse_pdf(data).n_pages_parsed == 3  # its pages of prose go to PDFium
    monkeypatch.setenv("EXTRACT_PDF_TRIAGE", "0")
    assert pdf_parser.parse_pdf(data).n_pages_parsed == 6


def test_scanned_and_unreadable_pages_keep_their_verdicts() -> None:
    """A page without a text layer is pdfplumber's to judge, triage or not."""
    scanned = (Path(__file__).parent / "fixtures" / "pdf" / "scanned.pdf").read_bytes()
    messages = []
    for triage in (True, False):
        with pytest.raises(pdf_parser.ParseError) as info:
            pdf_parser.parse_pdf(scanned, triage=triage)
        messages.append(str(info.value))
    assert messages[0] == messages[1] and messages[0].startswith("scanned PDF")


# --- the PDFium reading ---------------------------------------------------------------------


def test_pdfium_reads_a_page_as_pdfplumber_does() -> None:
    """Chars, lines, tables and cell texts of the light reading equal pdfplumber's."""
    data = LONG.read_bytes()
    reader = LightReader(data)
    try:
        with pdfplumber.open(LONG) as pdf:
            for index in (0, 1, 2, 26, 28):  # cover, prose, budget table, targets
                page = pdf.pages[index]
                light = reader.read(index, page)
                assert light is not None, reader.reason
                chars, _ = page_objects(page)
                key = lambda c: (c["text"], c["x0"], c["top"])  # noqa: E731
                assert len(light.chars) == len(chars)
                for a, b in zip(sorted(light.chars, key=key), sorted(chars, key=key), strict=True):
                    assert a["text"] == b["text"]
                    for name in ("x0", "x1", "top", "bottom", "size"):
                        assert a[name] == pytest.approx(b[name], abs=1e-6), (index, name)
                tables = table_cells(page.edges)
                assert [len(t) for t in light.tables] == [len(t) for t in tables]
                for mine_cells, cells in zip(light.tables, tables, strict=True):
                    for box, other in zip(mine_cells, cells, strict=True):
                        assert box == pytest.approx(other, abs=1e-3)
                full = pdf_parser._read_page(page, None)
                mine = pdf_parser._build_page(
                    index + 1, float(page.height), light.chars, light.tables
                )
                assert [line.text for line in mine.lines] == [line.text for line in full.lines]
                assert [[c.paragraphs for c in t.cells] for t in mine.tables] == [
                    [c.paragraphs for c in t.cells] for t in full.tables
                ]
    finally:
        reader.close()


def test_pdfium_leaves_to_pdfplumber_what_it_cannot_reproduce() -> None:
    """A table of contents printed `目  录`: PDFium keeps one of its two spaces."""
    path = SAMPLES / "narrative_alt" / "baoshan_eco_2024.pdf"
    reader = LightReader(path.read_bytes())
    try:
        with pdfplumber.open(path) as pdf:
            assert reader.read(1, pdf.pages[1]) is None
        assert "spaces" in reader.reason
    finally:
        reader.close()


def test_the_fast_table_finding_is_pdfplumbers() -> None:
    for path in (LONG, SAMPLES / "reference.pdf", SAMPLES / "variants" / "nested.pdf"):
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages[:3]:
                chars, edges = page_objects(page)
                assert chars == [
                    {k: c[k] for k in ("text", "x0", "x1", "top", "bottom", "size")}
                    for c in page.chars
                ]
                assert table_cells(edges) == [t.cells for t in page.find_tables()]


# --- markers --------------------------------------------------------------------------------


def test_markers_come_from_the_templates() -> None:
    markers = target_markers()
    assert {"指标值", "绩效目标", "经费情况说明", "申报表", "支出计划"} <= set(markers)
    # Budget labels every budget table prints are no markers.
    assert not {"项目名称", "预算数", "财政拨款"} & set(markers)
    spec = parse_template(
        "test.toml",
        {"id": "t", "family": "t", "engine": "form", "priority": 9, "title_suffixes": ["考核表"]},
        vocabulary(),
    )
    assert "考核表" in _template_words(spec, vocabulary())


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("一级指标 二级指标 三级指标 指标值", True),
        ("指\n标 值", True),  # split by a line break and padded, as a PDF may print it
        ("资金支出计划（%）", True),
        ("1.街面秩序整治项目绩效目标表", True),
        ("科目编码 科目名称 合计 基本支出 项目支出", False),
        ("项目名称 预算数 财政拨款", False),
    ],
)
def test_page_text_is_compared_as_labels_are(text: str, target: bool) -> None:
    assert holds_target_material(text) is target
