"""The vectorized CSV gives the bytes of Python's `csv.writer` over the cells as they were
rendered one by one: on random tables of every type the schema uses, and on real outputs."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SAMPLES
from extract import writers
from extract.cli import main
from extract.csv_out import CSV_UNSAFE_PREFIXES, csv_bytes
from extract.schema import SCHEMAS


def reference_csv(table: pa.Table) -> bytes:
    """The writer as it was: Python's csv module, one rendered cell at a time."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(table.column_names)
    is_text = [pa.types.is_string(f.type) or pa.types.is_large_string(f.type) for f in table.schema]
    for values in zip(*(c.to_pylist() for c in table.columns), strict=True):
        writer.writerow(_cell(v, t) for v, t in zip(values, is_text, strict=True))
    return out.getvalue().encode("utf-8-sig")


def _cell(value: Any, is_text: bool) -> str:
    if value is None:
        return ""
    if is_text:
        return "'" + value if value.startswith(CSV_UNSAFE_PREFIXES) else value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return str(value)


PIECES = [*",\"\r\n\t =+-@'a1. 万元≥%\u3000", "绩效", "指标"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)
FLOATS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-1e6, max_value=1e6),
    st.integers(-100000, 100000).map(float),
    st.sampled_from([0.0, -0.0, 1e-4, 9.99e-5, 1e15, 1e16, 9999999999999998.0, 123456789012345.6]),
)
UTC_TIMES = st.datetimes(
    min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=st.just(dt.UTC)
)


def _values(kind: pa.DataType) -> st.SearchStrategy[Any]:
    if pa.types.is_string(kind):
        return TEXT
    if pa.types.is_floating(kind):
        return FLOATS
    if pa.types.is_decimal(kind):
        limit = 10 ** (kind.precision - kind.scale) - 1
        return st.decimals(-limit, limit, places=kind.scale, allow_nan=False)
    if pa.types.is_timestamp(kind):
        return UTC_TIMES
    if pa.types.is_date(kind):
        return st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1))
    bits = kind.bit_width - 1
    return st.integers(-(2**bits), 2**bits - 1)


@st.composite
def tables(draw: st.DrawFn, schema: pa.Schema) -> pa.Table:
    n = draw(st.integers(0, 6))
    columns = {
        field.name: draw(st.lists(st.none() | _values(field.type), min_size=n, max_size=n))
        for field in schema
    }
    return pa.table(columns, schema=schema)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_random_tables_give_the_csv_modules_bytes(name: str, data: st.DataObject) -> None:
    table = data.draw(tables(SCHEMAS[name]))
    assert csv_bytes(table) == reference_csv(table)


def test_chunked_and_sliced_columns(tmp_path: Path) -> None:
    schema = SCHEMAS["issues"]
    rows = [{"doc_id": f"d{i}", "message": f'=x,"{i}"\n', "seq": i} for i in range(9)]
    table = pa.Table.from_pylist(rows, schema=schema)
    chunked = pa.concat_tables([table.slice(0, 4), table.slice(4)]).slice(2, 5)
    assert chunked.column("doc_id").num_chunks == 2
    assert csv_bytes(chunked) == reference_csv(chunked)


def test_real_outputs_give_the_same_bytes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    sources = [
        SAMPLES / "reference.txt",
        *sorted((SAMPLES / "declaration_form").glob("*.txt")),
        *sorted((SAMPLES / "flat_sheet").glob("*.csv")),
    ]
    result = CliRunner().invoke(main, ["run", *map(str, sources), "--out", str(out)])
    assert result.exit_code == 0, result.output
    for name in SCHEMAS:
        written = (out / f"{name}.csv").read_bytes()
        rows = writers.read_table_unlocked(out, name)
        assert written == reference_csv(rows), name
        assert rows.num_rows > 0, name
