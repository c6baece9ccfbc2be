"""Shared fixtures: paths of samples and the golden-file switch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Scanned pages are left unread unless a test asks for OCR (`tests/test_ocr.py`): OCR takes
# seconds a page, and the other tests' scanned fixtures are about the error without it. Set
# before any test runs, so worker processes and CLI subprocesses inherit it.
os.environ["EXTRACT_OCR"] = "0"

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"
CORPUS = ROOT.parent / "shared" / "corpus"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current output (the run then fails on purpose)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
