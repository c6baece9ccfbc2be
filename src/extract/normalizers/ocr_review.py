"""Figures read by OCR that a reviewer should check against the scan.

A scanned page's text is a recogniser's best reading, and a misread figure looks as right as a
true one. The recogniser's confidence in each character travels with the cells and paragraphs
(`model.Cell.confidence`); a cell or paragraph holding a figure (an amount, a percentage, a
comparator) whose least certain character is below `THRESHOLD` gets an `ocr_low_confidence`
warning naming its page and cell, so a reviewer checks exactly those; so does a cell that
holds print OCR read nothing from (an empty field that is not blank on the page).
"""

from __future__ import annotations

import regex

from extract.model import Cell, Document, Paragraph, Table
from extract.normalizers.findings import WARNING, Finding

# Calibrated on our scanned samples (samples/make_scans.py): every figure read wrong had a
# character below this; see tests/test_ocr.py.
THRESHOLD = 0.9
_FIGURE = regex.compile(r"[0-9０-９%％≥≤><＞＜=±]")
_LATIN_ONLY = regex.compile(r"[\p{Latin}\p{N}\p{P}\s]+")
_SHOWN = 40  # characters of the text quoted in the message
# The scanned reader marks a cell with print that no text was read from by confidence 0.
_UNREAD = "OCR read nothing from the print in this cell: check it against the scan"


def low_confidence_findings(doc: Document) -> list[Finding]:
    out: list[Finding] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            if _doubtful(block.text, block.confidence):
                out.append(_finding(block.text, block.confidence, block.location.describe()))
            continue
        for table in block.iter_tables():
            out.extend(_table_findings(table))
    return out


def _table_findings(table: Table) -> list[Finding]:
    out = []
    for cell in table.cells:
        if _doubtful(cell.text, cell.confidence):
            out.append(_finding(cell.text, cell.confidence, _where(cell)))
        elif cell.confidence == 0.0 and not cell.text:
            out.append(Finding(WARNING, "ocr_low_confidence", _UNREAD, _where(cell)))
    return out


def _doubtful(text: str, confidence: float | None) -> bool:
    """A figure, or Latin letters alone (a code, or a figure misread: `O` for `0`), read with
    less than the threshold."""
    if confidence is None or confidence >= THRESHOLD or not text.strip():
        return False
    return bool(_FIGURE.search(text) or _LATIN_ONLY.fullmatch(text.strip()))


def _where(cell: Cell) -> str:
    return cell.location.describe()


def _finding(text: str, confidence: float | None, location: str) -> Finding:
    shown = " ".join(text.split())
    if len(shown) > _SHOWN:
        shown = shown[: _SHOWN - 1] + "…"
    return Finding(
        WARNING,
        "ocr_low_confidence",
        f"OCR read {shown!r} with confidence {confidence or 0:.2f}: check it against the scan",
        location,
    )
