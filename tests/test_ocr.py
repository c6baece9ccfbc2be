"""Scanned PDFs read by OCR (the `ocr` extra): the same rows as the text PDF they are scans of.

The scans are our own text PDFs rendered as a scanner would give them (`samples/make_scans.py`:
150-300 dpi, greyscale or colour, turned up to 1°, noise, a red seal over cells). Tests that run
the recogniser skip, with the reason, where the extra is not installed; the image steps need
only OpenCV, and the error without OCR needs nothing.
"""

from __future__ import annotations

import importlib.util
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import extract
from conftest import GOLDEN, SAMPLES
from extract.cli import main
from extract.model import Cell, Document, Location, Paragraph, ParseError, Table
from extract.normalizers.ocr_review import THRESHOLD, low_confidence_findings
from extract.parsers import ocr_engine, pdf_parser
from extract.pipeline import FileResult, InputFile, extract_file
from golden_io import comparable, load

SCANNED = SAMPLES / "scanned"
FIXTURE = Path(__file__).parent / "fixtures" / "pdf" / "scanned.pdf"
EXTRACTED_AT = datetime(2026, 1, 1, tzinfo=UTC)
CONTENT = ("projects", "project_goals", "spending_plan", "indicators", "department_goals")
UNAVAILABLE = ocr_engine.available()
needs_ocr = pytest.mark.skipif(UNAVAILABLE is not None, reason=f"no OCR here: {UNAVAILABLE}")
needs_cv2 = pytest.mark.skipif(
    importlib.util.find_spec("cv2") is None, reason="OpenCV (the ocr extra) is not installed"
)
# Scans whose every field OCR reads exactly (all are measured by `samples/score.py scanned`).
EXACT = {
    "dongguan_2019": GOLDEN / "declaration_form" / "dongguan_2019",
    "ezhou_2022": GOLDEN / "declaration_form" / "ezhou_2022",  # colour, 250 dpi, turned 1°
    "reference_200": GOLDEN / "reference",  # a grey seal over a table
    "mixed_reference": GOLDEN / "reference",  # pages 2 and 4 of 5 scanned
    "funing_zhujian_2022": GOLDEN / "reference_alt" / "funing_zhujian_2022",  # black and white
    # the page image in three strips, a page number added over it as text
    "haigang_jiaoyu_2023": GOLDEN / "reference_alt" / "haigang_jiaoyu_2023",
}
# Scans read all but a field or two: (golden, fields that may differ).
NEAR = {
    "reference_300_colour": (GOLDEN / "reference", 1),  # a lone `"` read as `u`
    # `≤300元/人·月` read without its `·` (value_raw and value_unit)
    "qinglong_minzheng_2024": (GOLDEN / "reference_alt" / "qinglong_minzheng_2024", 2),
}
# Scans with misreadings left: every wrong figure must be flagged for review.
INEXACT = {
    "lulong_shuili_2022": GOLDEN / "reference_alt" / "lulong_shuili_2022",  # 150 dpi, blurred
}


def _extract(path: Path) -> FileResult:
    return extract_file(InputFile(path, path.name), year=None, extracted_at=EXTRACTED_AT)


@pytest.fixture(scope="module")
def scans() -> dict[str, FileResult]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EXTRACT_OCR", "1")
        return {name: _extract(SCANNED / f"{name}.pdf") for name in [*EXACT, *NEAR, *INEXACT]}


# --- without OCR --------------------------------------------------------------------------


def test_without_the_extra_a_scan_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    hint = "OCR is not installed (rapidocr is missing); " + ocr_engine.INSTALL_HINT
    monkeypatch.setattr(ocr_engine, "available", lambda: hint)
    with pytest.raises(ParseError) as info:
        pdf_parser.parse_pdf(FIXTURE.read_bytes(), ocr=True)
    message = str(info.value)
    assert message == (
        "scanned PDF: the pages are images without a text layer; it needs OCR: OCR is not"
        " installed (rapidocr is missing); install the OCR extra: pip install"
        " 'jixiao-extract[ocr]'"
    )


def test_no_ocr_leaves_scans_unread_and_says_so() -> None:
    with pytest.raises(ParseError) as info:
        pdf_parser.parse_pdf(FIXTURE.read_bytes(), ocr=False)
    assert str(info.value).endswith("it needs OCR: OCR is turned off (--no-ocr / EXTRACT_OCR=0)")


def test_availability_names_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "openvino" else real(name)
    )
    reason = ocr_engine.available()
    assert reason is not None and reason.startswith("OCR is not installed (openvino")
    assert "pip install 'jixiao-extract[ocr]'" in reason


# --- review of what OCR read ----------------------------------------------------------------


def _cell(text: str, confidence: float | None, col: int) -> Cell:
    location = Location(page=3, table=2, row=5, col=col + 1)
    return Cell(text, 4, col, location=location, confidence=confidence)


def test_low_confidence_figures_are_flagged_with_their_cell() -> None:
    cells = (
        _cell("≥90%", THRESHOLD - 0.3, 0),  # a doubtful figure
        _cell("满意度", 0.2, 1),  # doubtful, but no figure: a wrong word shows itself
        _cell("1560.00", THRESHOLD + 0.05, 2),  # sure enough
        _cell("13.00", None, 3),  # from a text layer
    )
    table = Table(cells, 5, 4, Location(page=3, table=2))
    paragraph = Paragraph("预算数13万元", location=Location(page=2), confidence=0.5)
    findings = low_confidence_findings(Document((paragraph, table), "pdf"))
    assert [(f.code, f.severity, f.location) for f in findings] == [
        ("ocr_low_confidence", "warning", "page 2"),
        ("ocr_low_confidence", "warning", "page 3, table 2, row 5, col 1"),
    ]
    assert findings[1].message == (
        "OCR read '≥90%' with confidence 0.60: check it against the scan"
    )


# --- the image steps (OpenCV only) ----------------------------------------------------------


def _grid_page(angle: float) -> Any:
    """A white 200 dpi page with a 3x3 ruled table whose first column's lower two cells are
    merged, turned by `angle`, with speckle noise."""
    import cv2
    import numpy as np

    page = np.full((1000, 1400), 238, np.uint8)
    xs, ys = (200, 500, 800, 1100), (200, 300, 400, 500)
    for x in xs:
        cv2.line(page, (x, ys[0]), (x, ys[-1]), 20, 3)
    for i, y in enumerate(ys):
        start = xs[1] if i == 2 else xs[0]  # no line between the merged cells
        cv2.line(page, (start, y), (xs[-1], y), 20, 3)
    for x in (230, 530, 830):  # "text": blocks of strokes inside cells
        for y in (235, 335, 435):
            cv2.rectangle(page, (x, y), (x + 150, y + 30), 30, -1)
    rng = np.random.default_rng(7)
    speckle = rng.random(page.shape) < 0.002
    page[speckle] = 30
    matrix = cv2.getRotationMatrix2D((700, 500), angle, 1.0)
    return cv2.warpAffine(page, matrix, (1400, 1000), borderValue=238)


@needs_cv2
@pytest.mark.parametrize("angle", [0.0, 0.8, -1.0])
def test_rulings_of_a_turned_noisy_scan_give_cells_with_spans(angle: float) -> None:
    from extract.parsers import scan_image
    from extract.parsers.pdf_rulings import line_edge, table_cells
    from extract.parsers.pdf_tables import PageTable

    grey = _grid_page(angle)
    skew = scan_image.skew(grey)
    assert skew == pytest.approx(angle, abs=0.1)
    straight = scan_image.straighten(grey, skew)
    text = [(x, y, x + 150.0, y + 30.0, 30.0) for x in (230, 530, 830) for y in (235, 335, 435)]
    k = 72 / 200
    edges = [
        line_edge(r.x0 * k, r.x1 * k, r.y0 * k, r.y1 * k, (r.x1 - r.x0) * k, (r.y1 - r.y0) * k)
        for r in scan_image.rules(straight, 200, text)
    ]
    tables = table_cells(edges)
    assert len(tables) == 1
    table = PageTable.from_boxes(tables[0], 1)
    assert table is not None
    spans = sorted((c.row, c.col, c.row_span, c.col_span) for c in table.cells)
    assert spans == [
        (0, 0, 1, 1), (0, 1, 1, 1), (0, 2, 1, 1),
        (1, 0, 2, 1), (1, 1, 1, 1), (1, 2, 1, 1),
        (2, 1, 1, 1), (2, 2, 1, 1),
    ]  # fmt: skip


def _skew_by_turning_the_image(grey: Any) -> float:
    """The skew as measured before the ink's places were turned instead: each angle tried
    turns the whole image (warpAffine, nearest pixel) and sums its rows."""
    import cv2
    import numpy as np

    from extract.parsers import scan_image

    scale = min(1.0, 900 / grey.shape[1])
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    binary = scan_image.ink(small)
    h, w = binary.shape

    def sharpness(angle: float) -> float:
        matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        turned = cv2.warpAffine(binary, matrix, (w, h), flags=cv2.INTER_NEAREST)
        return float(np.square(turned.sum(axis=1, dtype=np.float64)).sum())

    best = max(np.arange(-2.0, 2.0 + 1e-9, 0.25), key=sharpness)
    return -float(max(np.arange(best - 0.25, best + 0.25 + 1e-9, 0.05), key=sharpness))


@needs_cv2
@pytest.mark.parametrize("angle", [-1.7, -0.35, 0.0, 0.6, 1.25])
def test_skew_is_the_angle_turning_the_image_finds(angle: float) -> None:
    from extract.parsers import scan_image

    grey = _grid_page(angle)
    assert scan_image.skew(grey) == _skew_by_turning_the_image(grey)


@needs_cv2
def test_blobs_are_the_connected_components_boxes() -> None:
    """Blobs traced by their borders have the boxes labelling gives, blobs inside another's
    hole included, on sparse and dense masks alike."""
    import cv2
    import numpy as np

    from extract.parsers import scan_image

    ring = np.zeros((60, 60), np.uint8)
    cv2.circle(ring, (30, 30), 20, 255, 3)
    ring[28:33, 28:33] = 255  # a dot inside the ring's hole
    rng = np.random.default_rng(3)
    masks = [ring, np.zeros((10, 10), np.uint8), scan_image.ink(_grid_page(0.0))]
    masks += [(rng.random((50, 70)) < p).astype(np.uint8) * 255 for p in (0.05, 0.3, 0.6)]
    for mask in masks:
        n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        labelled = sorted(tuple(int(v) for v in box[:4]) for box in stats[1:n])
        traced = scan_image.blobs(mask)
        assert sorted(traced) == labelled
        assert traced == sorted(traced, key=lambda box: (box[1], box[0]))  # top to bottom
    assert len(scan_image.blobs(ring)) == 2


@needs_cv2
def test_a_grey_seal_is_removed_and_the_print_under_it_kept() -> None:
    import cv2
    import numpy as np

    from extract.parsers import scan_seals

    page = np.full((1200, 1200), 240, np.uint8)
    for y in range(60, 1200, 60):  # lines of print, most of the page's ink
        cv2.rectangle(page, (80, y), (1120, y + 20), 25, -1)
    cv2.rectangle(page, (500, 560), (700, 600), 25, -1)  # print under the seal
    cv2.circle(page, (600, 600), 160, 120, 10)  # the seal's ring, in grey
    cv2.circle(page, (600, 600), 40, 120, -1)  # its star
    cleaned, found = scan_seals.without_grey_seals(page, 200)
    assert found == 1
    assert cleaned[600, 600 - 160] == 255 and cleaned[600 + 20, 600] == 255  # ring, star gone
    assert cleaned[590, 520] == 25 and cleaned[70, 100] == 25  # print kept


@needs_cv2
def test_a_black_seal_loses_its_ring_and_star_and_keeps_the_print() -> None:
    """A black-and-white scan prints the seal as black as the text: it goes by its shape."""
    import cv2
    import numpy as np

    from extract.parsers import scan_seals

    page = np.full((1200, 1200), 255, np.uint8)
    for y in (*range(60, 500, 60), *range(720, 1200, 60)):  # rows of thin print, one across
        cv2.rectangle(page, (80, y), (1120, y + 6), 0, -1)  # the ring below its star
    cv2.circle(page, (600, 600), 150, 0, 10)  # the ring
    star = np.array([[600, 540], [620, 590], [670, 590], [630, 620], [645, 670], [600, 640],
                     [555, 670], [570, 620], [530, 590], [580, 590]], np.int32)  # fmt: skip
    cv2.fillPoly(page, [star], 0)
    cleaned, found = scan_seals.without_grey_seals(page, 200)
    assert found == 1
    assert cleaned[600, 450] == 255 and cleaned[600, 750] == 255  # the ring
    assert cleaned[600, 600] == 255 and cleaned[610, 600] == 255  # the star
    assert cleaned[63, 600] == 0 and cleaned[723, 600] == 0  # print, outside and inside


@needs_cv2
def test_a_table_is_no_seal() -> None:
    """Circles the transform fits to a grid's lines and text are not taken for seals: a ring
    must be inked most of the way round."""
    import cv2
    import numpy as np

    from extract.parsers import scan_seals

    page = np.full((1400, 1400), 240, np.uint8)
    for v in range(100, 1400, 150):
        cv2.line(page, (v, 100), (v, 1300), 20, 3)
        cv2.line(page, (100, v), (1300, v), 20, 3)
    for x in range(130, 1300, 150):  # and text in the cells
        for y in range(130, 1300, 150):
            cv2.putText(page, "88", (x, y + 60), cv2.FONT_HERSHEY_SIMPLEX, 2.5, 20, 6)
    assert scan_seals.seals(page, 200) == []
    arc = page.copy()
    cv2.ellipse(arc, (700, 700), (150, 150), 0, 0, 150, 110, 10)  # a curve: not a ring
    assert scan_seals.seals(arc, 200) == []
    cv2.circle(page, (700, 700), 150, 110, 10)  # a seal's ring among them
    found = scan_seals.seals(page, 200)
    assert [(round(x / 10), round(y / 10)) for x, y, _ in found] == [(70, 70)]


@needs_cv2
def test_red_ink_becomes_paper_and_black_under_it_stays() -> None:
    import numpy as np

    from extract.parsers import scan_seals

    rgb = np.full((10, 30, 3), 240, np.uint8)
    rgb[:, 10:20] = (215, 60, 70)  # seal ink
    rgb[:, 20:] = (30, 12, 14)  # black print under the seal (toner shows through)
    grey = scan_seals.grey_without_seals(rgb)
    assert grey[0, 0] == 240 and grey[0, 15] == 255 and grey[0, 25] == 30


@needs_cv2
def test_a_short_line_takes_the_size_of_the_line_above_not_of_a_heading() -> None:
    """A paragraph's last line `核。` has one Han character, and its box is as tall as a
    heading's: `。` is no measure of the em (it sits where the recogniser fired), so the line
    takes the size of the body line just above it."""
    from extract.parsers import pdf_scanned
    from extract.parsers.ocr_engine import Glyph

    def line(text: str, x: float, top: float, em: float, height: float, n: int) -> list[Glyph]:
        return [
            Glyph(c, x + i * em, top, x + (i + 0.8) * em, top + height, 0.99, height, n)
            for i, c in enumerate(text)
        ]

    heading = line("三、工作保障措施", 250, 100, 40.0, 46.0, 0)
    body = line("细化绩效目标将部门整体绩效目标细化", 250, 200, 29.0, 36.0, 1)
    last = [
        Glyph("核", 245, 245, 275, 291, 0.99, 46.0, 2),
        Glyph("。", 276, 245, 314, 291, 0.99, 46.0, 2),
    ]
    chars = pdf_scanned._chars([*heading, *body, *last], 72 / 200)
    sizes = {c["text"]: round(c["size"] * 200 / 72, 1) for c in chars}
    assert sizes["核"] == 29.0 and sizes["三"] == 40.0


@needs_ocr
def test_detection_is_compiled_per_page_size_and_keeps_a_few() -> None:
    """Each input shape gets its own compiled model (fixed shapes: less memory, faster), the
    same shape again reuses it, and only the latest few are kept."""
    import numpy as np

    from extract.parsers import ocr_detect

    model = ocr_engine._model_dir()
    assert model is not None
    fixed = ocr_detect.FixedShape(model / ocr_engine._MODELS[0])
    sizes = [(64, 64), (64, 96), (64, 64), (96, 64), (96, 96), (128, 64), (128, 96)]
    for h, w in sizes:
        out = fixed(np.zeros((1, 3, h, w), dtype=np.float32))
        assert out.shape[-2:] == (h, w)  # a probability map of the page
    kept = list(fixed._compiled)
    assert len(kept) == ocr_detect.SHAPES_KEPT
    assert kept[-2:] == [(1, 3, 128, 64), (1, 3, 128, 96)]
    assert (1, 3, 64, 64) not in kept


@needs_ocr
def test_the_detectors_input_is_rapidocrs_own_to_the_bit() -> None:
    """Normalised by a table of grey levels, the detector's input is what rapidocr's float64
    normalisation gives, value for value, in the model's layout."""
    import numpy as np
    from rapidocr.ch_ppocr_det.utils import DetPreProcess

    from extract.parsers import ocr_detect

    config = ocr_engine.engine().cfg.Det
    theirs_prep = DetPreProcess(config.limit_side_len, config.limit_type, config.mean, config.std)
    image = np.random.default_rng(7).integers(0, 256, (700, 500, 3), dtype=np.uint8)
    theirs = theirs_prep(image)
    table = ocr_detect.grey_table(theirs_prep)
    ours = ocr_detect.model_input(table, theirs_prep.resize(image))
    assert ours.shape == theirs.shape and ours.flags["C_CONTIGUOUS"]
    assert np.array_equal(ours, theirs)
    # Written into a buffer kept from page to page, each page's values replace the last's.
    kept = np.full_like(ours, np.nan)
    for seed in (8, 9):
        page = np.random.default_rng(seed).integers(0, 256, (700, 500, 3), dtype=np.uint8)
        assert ocr_detect.model_input(table, theirs_prep.resize(page), kept) is kept
        assert np.array_equal(kept, theirs_prep(page))


@needs_ocr
def test_pages_read_from_threads_read_as_one_after_the_other() -> None:
    """PDFium and the OCR engine are one per process; two threads reading scanned pages at
    once (a notebook's thread pool) get each page's own characters, as read alone."""
    from concurrent.futures import ThreadPoolExecutor

    from extract.parsers import pdf_scanned

    data = (SCANNED / "dongguan_2019.pdf").read_bytes()

    def text(index: int) -> str:
        reader = pdf_scanned.ScanReader(data)
        try:
            return "".join(c["text"] for c in reader.read(index).chars)
        finally:
            reader.close()

    alone = [text(0), text(1)]
    assert alone[0] and alone[0] != alone[1]
    with ThreadPoolExecutor(max_workers=2) as pool:
        assert list(pool.map(text, [0, 1, 1, 0])) == [*alone, *reversed(alone)]


@needs_ocr
def test_lines_read_together_read_as_each_alone() -> None:
    """Lines of one padded width go through the recogniser together: each comes out with the
    text, confidence and character places it has when read alone, in the order given."""
    import cv2
    import numpy as np
    from rapidocr.ch_ppocr_rec.typings import TextRecInput

    from extract.parsers import ocr_rec

    recogniser = ocr_engine.engine().text_rec
    assert isinstance(recogniser, ocr_rec.Recogniser)
    texts = ["123", "456", "7890", "12.5", "≥90%", "100", "3", "2,800", "65", "-"]
    lines = []
    for text in texts:
        image = np.full((40, 24 * len(text) + 16, 3), 255, dtype=np.uint8)
        cv2.putText(
            image, text.replace("≥", ">"), (8, 30), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (0, 0, 0), 2
        )
        lines.append(image)
    batches: list[int] = []
    model = recogniser._model

    def counted(batch: Any) -> Any:
        batches.append(len(batch))
        return model(batch)

    recogniser._model = counted
    try:
        together = recogniser(TextRecInput(img=lines, return_word_box=True))
    finally:
        recogniser._model = model
    assert sum(batches) == len(lines) and max(batches) > 1  # some lines were read together
    for index, image in enumerate(lines):
        alone = recogniser(TextRecInput(img=[image], return_word_box=True))
        assert together.txts[index] == alone.txts[0]
        assert together.scores[index] == pytest.approx(alone.scores[0], abs=1e-4)
        ours, theirs = together.word_results[index], alone.word_results[0]
        assert ours.words == theirs.words and ours.line_txt_len == theirs.line_txt_len
    assert "".join(together.txts).count("1") >= 2  # the lines were read, not left blank


@needs_ocr
def test_character_boxes_are_rapidocrs_own() -> None:
    """Characters placed back on the page a line at a time get the corners rapidocr's own
    placing gives them, one point at a time (the order of a box's corners aside): on a line
    box turned a little either way, as the detector's boxes are, and on a whole page."""
    import copy

    import numpy as np
    from rapidocr.cal_rec_boxes import CalRecBoxes
    from rapidocr.cal_rec_boxes.main import Direction

    from extract.parsers import ocr_boxes, scan_image, scan_seals
    from extract.parsers.pdf_scanned import DPI

    theirs = CalRecBoxes()
    rng = np.random.default_rng(5)
    for _ in range(200):
        x, y = rng.uniform(0, 1500, 2)
        w, h = rng.uniform(30, 900), rng.uniform(20, 60)
        lean = rng.uniform(-0.03, 0.03)  # radians
        c, s = np.cos(lean), np.sin(lean)
        corners = [(0, 0), (w, 0), (w, h), (0, h)]
        box = np.array([(x + c * a - s * b, y + s * a + c * b) for a, b in corners], np.float32)
        chars = []
        for left in sorted(rng.uniform(0, w - 10, rng.integers(1, 12))):
            right = left + rng.uniform(5, 30)
            chars.append([[left, 0.0], [right, 0.0], [right, h], [left, h]])
        ours = ocr_boxes.to_page(box, copy.deepcopy(chars))
        expected = theirs.reverse_rotate_crop_image(box.copy(), chars, Direction.HORIZONTAL)
        assert [sorted(map(tuple, b)) for b in ours] == [sorted(map(tuple, b)) for b in expected]

    top = _page_image(SCANNED / "dongguan_2019.pdf", DPI)[:1000]  # the form's table
    grey = scan_seals.grey_without_seals(top)
    grey = scan_image.straighten(grey, scan_image.skew(grey))
    ocr = ocr_engine.engine()
    assert isinstance(ocr.cal_rec_boxes, ocr_boxes.WordBoxes)
    ours_glyphs = ocr_engine.recognise(grey)
    ocr.cal_rec_boxes = theirs
    try:
        their_glyphs = ocr_engine.recognise(grey)
    finally:
        ocr.cal_rec_boxes = ocr_boxes.WordBoxes()
    assert len(ours_glyphs) > 100 and ours_glyphs == their_glyphs


def _page_image(path: Path, dpi: float) -> Any:
    """The first page of `path` as RGB pixels at `dpi`."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        page = pdf[0]
        image = page.render(scale=dpi / 72, rev_byteorder=True).to_numpy()[:, :, :3].copy()
        page.close()
    finally:
        pdf.close()
    return image


# --- scans read by OCR ----------------------------------------------------------------------


def _content(result: FileResult, name: str) -> list[dict[str, Any]]:
    return comparable(result.rows.get(name, []), name)


@needs_ocr
@pytest.mark.parametrize("name", list(EXACT))
def test_a_scan_gives_the_rows_of_its_text_pdf(scans: dict[str, FileResult], name: str) -> None:
    result = scans[name]
    assert result.status == "ok", result.error
    for dataset in CONTENT:
        assert _content(result, dataset) == load(EXACT[name] / f"{dataset}.json"), dataset


@needs_ocr
@pytest.mark.parametrize("name", list(NEAR))
def test_a_scan_gives_all_but_a_field_or_two(scans: dict[str, FileResult], name: str) -> None:
    golden, allowed = NEAR[name]
    result = scans[name]
    assert result.status == "ok", result.error
    wrong = []
    for dataset in CONTENT:
        expected = load(golden / f"{dataset}.json")
        got = _content(result, dataset)
        assert len(got) == len(expected), dataset
        for i, (have, want) in enumerate(zip(got, expected, strict=True)):
            wrong += [(dataset, i, k, have.get(k)) for k in want if have.get(k) != want[k]]
    assert len(wrong) <= allowed, wrong


@needs_ocr
def test_scans_count_their_ocr_pages_and_carry_confidence(scans: dict[str, FileResult]) -> None:
    pages = {name: r.rows["documents"][0]["ocr_pages"] for name, r in scans.items()}
    assert pages["reference_200"] == 5 and pages["dongguan_2019"] == 2
    assert pages["mixed_reference"] == 2  # pages 2 and 4 of 5 are scans
    confidences = [r["ocr_confidence"] for r in scans["reference_200"].rows["indicators"]]
    assert all(c is not None and 0 < c <= 1 for c in confidences)
    mixed = scans["mixed_reference"].rows["indicators"]
    # Page 2 holds no indicators; page 4 (scanned) holds project 3's, pages 3 and 5 are text.
    read = {(r["project_seq"], r["ocr_confidence"] is not None) for r in mixed}
    assert (3, True) in read and (1, False) in read
    text = _extract(SAMPLES / "reference.pdf").rows
    assert text["documents"][0]["ocr_pages"] == 0
    assert all(r["ocr_confidence"] is None for r in text["indicators"])


@needs_ocr
@pytest.mark.parametrize("name", list(INEXACT))
def test_every_misread_figure_is_flagged(scans: dict[str, FileResult], name: str) -> None:
    """Figures OCR read wrong (an indicator's comparator and number, a project's amounts) each
    raise ocr_low_confidence on their row; a figure not read at all leaves its field empty,
    which validation reports (empty_required_field)."""
    result = scans[name]
    issues = result.rows["issues"]
    flagged = {_row_of(r["location"]) for r in issues if r["code"] == "ocr_low_confidence"}
    empty = {r["message"] for r in issues if r["code"] == "empty_required_field"}
    wrong, unread = [], []
    expected = load(INEXACT[name] / "indicators.json")
    assert len(result.rows["indicators"]) == len(expected)
    for got, want in zip(result.rows["indicators"], expected, strict=True):
        figure = (got["comparator"], got["value_num"])
        if got["value_raw"] is None and want["value_raw"] is not None:
            unread.append(want["value_raw"])
        elif figure != (want["comparator"], want["value_num"]):
            wrong.append((got["value_raw"], want["value_raw"], _row_of(got["source_location"])))
    projects = zip(
        result.rows["projects"],
        _content(result, "projects"),
        load(INEXACT[name] / "projects.json"),
        strict=True,
    )
    for row, got, want in projects:
        for key in ("budget_total_yuan", "budget_fiscal_yuan", "budget_other_yuan"):
            if got[key] != want[key]:  # a project's location is its table: any row of it
                where = _row_of(row["source_location"])
                rows = [f for f in flagged if where and f and f[0] == where[0]]
                wrong.append((got[key], want[key], rows[0] if rows else where))
    assert not [w for w in wrong if w[2] not in flagged], wrong
    assert not unread or any("指标值" in message for message in empty), unread


def _row_of(location: str | None) -> tuple[str, str] | None:
    """(table, row) of a location such as `page 3, table 2, row 5, col 4`."""
    if not location:
        return None
    parts = dict(p.split(" ", 1) for p in location.split(", ") if " " in p)
    return (parts.get("table", ""), parts.get("row", ""))


@needs_ocr
def test_the_cli_reads_scans_and_no_ocr_leaves_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXTRACT_OCR", "1")
    scan = SCANNED / "dongguan_2019.pdf"
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(scan), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "1 file: 1 ok" in result.output
    docs = extract.load(out).documents
    assert docs["ocr_pages"].tolist() == [2]
    other = tmp_path / "other"
    result = CliRunner().invoke(main, ["run", str(scan), "--out", str(other), "--no-ocr"])
    assert result.exit_code == 1
    error = extract.load(other).documents["error"].iloc[0]
    assert error.endswith("OCR is turned off (--no-ocr / EXTRACT_OCR=0)")
