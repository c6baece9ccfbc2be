"""The intermediate model's own constructors."""

from __future__ import annotations

import dataclasses
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.model import Cell, Location

_PARAGRAPH = st.sampled_from(["", " ", "\u3000", "\t", "项目名称", " 100万元 ", "a\tb"])


@given(st.lists(_PARAGRAPH, max_size=5))
def test_a_cells_text_is_its_paragraphs_without_blank_ones_at_either_end(
    paragraphs: list[str],
) -> None:
    kept = [i for i, p in enumerate(paragraphs) if p.strip()]
    expected = "\n".join(paragraphs[kept[0] : kept[-1] + 1]) if kept else ""
    where = Location(table=1, row=2, col=3)
    cell = Cell.from_paragraphs(paragraphs, 1, 2, row_span=2, col_span=3, location=where)
    assert cell.text == expected
    assert cell.paragraphs == tuple(paragraphs)
    assert (cell.row, cell.col, cell.row_span, cell.col_span) == (1, 2, 2, 3)
    assert cell.location is where and cell.tables == () and cell.confidence is None


def test_a_cell_without_a_location_gets_an_empty_one() -> None:
    cell = Cell.from_paragraphs(("x",), 0, 0, confidence=0.5)
    assert (cell.text, cell.location, cell.confidence) == ("x", Location(), 0.5)


def test_records_compare_hash_pickle_and_replace_as_frozen_ones() -> None:
    """Records are plain dataclasses at run time (built 5x faster), frozen to mypy only."""
    a = Cell.from_paragraphs(("项目名称",), 1, 2, location=Location(table=1, row=2, col=3))
    b = Cell.from_paragraphs(("项目名称",), 1, 2, location=Location(table=1, row=2, col=3))
    assert a == b and hash(a) == hash(b) and len({a, b, Location(), Location()}) == 2
    assert pickle.loads(pickle.dumps(a)) == a
    moved = dataclasses.replace(a, col=4)
    assert (moved.col, a.col) == (4, 2)
    assert not hasattr(a, "__dict__")  # slotted: no attribute can be added by a typo


@pytest.mark.skipif(
    shutil.which("mypy", path=str(Path(sys.executable).parent)) is None,
    reason="mypy is not installed (the test extra)",
)
def test_mypy_refuses_an_assignment_to_a_records_field(tmp_path: Path) -> None:
    script = tmp_path / "assign.py"
    script.write_text(
        "from extract.model import Cell, Location\n"
        "cell = Cell('x', 0, 0)\n"
        "cell.text = 'y'\n"
        "Location().page = 2\n",
        encoding="utf-8",
    )
    mypy = shutil.which("mypy", path=str(Path(sys.executable).parent))
    assert mypy is not None
    done = subprocess.run(
        [mypy, "--strict", "--no-incremental", str(script)], capture_output=True, text=True
    )
    assert done.returncode == 1, done.stdout
    assert 'assign.py:3: error: Property "text" defined in "Cell" is read-only' in done.stdout
    assert 'assign.py:4: error: Property "page" defined in "Location" is read-only' in done.stdout
