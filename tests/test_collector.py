"""Documents are read with fewer garbage collections, and the collector is left as it was."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from extract.collector import YOUNG, fewer_collections, reading
from extract.model import Document
from extract.parsers.registry import parse
from extract.parsers.xlsx_parser import parse_xlsx
from extract.pipeline import InputFile, extract_file

SHEET = Path(__file__).resolve().parents[1] / "samples" / "flat_sheet" / "jingyan_2023.xlsx"


@pytest.fixture(autouse=True)
def default_thresholds() -> Iterator[None]:
    previous = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*previous)


def young_collections(function: object, *args: object) -> int:
    """Young collections while `function(*args)` runs."""
    seen = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 0:
            seen.append(1)

    gc.collect()
    gc.callbacks.append(count)
    try:
        function(*args)  # type: ignore[operator]
    finally:
        gc.callbacks.remove(count)
    return len(seen)


def test_the_block_raises_the_first_threshold_and_restores_it() -> None:
    with fewer_collections():
        assert gc.get_threshold() == (YOUNG, 10, 10)
        with fewer_collections():  # nested: unchanged, and the outer block restores
            assert gc.get_threshold() == (YOUNG, 10, 10)
        assert gc.get_threshold() == (YOUNG, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_restored_when_the_reading_raises() -> None:
    @reading
    def fails() -> None:
        assert gc.get_threshold()[0] == YOUNG
        raise ValueError("damaged")

    with pytest.raises(ValueError, match="damaged"):
        fails()
    assert gc.get_threshold() == (700, 10, 10)


@pytest.mark.parametrize("threshold", [0, YOUNG * 2])
def test_a_threshold_set_by_the_caller_is_left_alone(threshold: int) -> None:
    gc.set_threshold(threshold, 5, 5)
    with fewer_collections():
        assert gc.get_threshold() == (threshold, 5, 5)
    assert gc.get_threshold() == (threshold, 5, 5)


def test_sheets_are_parsed_with_far_fewer_collections() -> None:
    data = SHEET.read_bytes()

    def bare() -> list[object]:  # the parser itself leaves the collector be
        return [parse_xlsx(data) for _ in range(20)]

    @reading
    def fewer() -> list[object]:
        return [parse_xlsx(data) for _ in range(20)]

    bare_count, fewer_count = young_collections(bare), young_collections(fewer)
    assert bare_count >= 20
    assert fewer_count * 5 <= bare_count, (fewer_count, bare_count)
    assert parse(data, "xlsx") == parse_xlsx(data)  # the same document either way


def test_the_registry_and_extract_file_read_with_the_raised_threshold(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[tuple[int, int, int]] = []

    def spy(data: bytes) -> Document:
        seen.append(gc.get_threshold())
        return parse_xlsx(data)

    monkeypatch.setattr("extract.parsers.xlsx_parser.parse_xlsx", spy)
    assert parse(SHEET.read_bytes(), "xlsx").blocks
    item = InputFile(SHEET, SHEET.name)
    result = extract_file(item, year=None, extracted_at=datetime(2026, 1, 1, tzinfo=UTC))
    assert result.status == "ok"
    assert result.rows["indicators"]
    assert seen == [(YOUNG, 10, 10)] * 2
    assert gc.get_threshold() == (700, 10, 10)
