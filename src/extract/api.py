"""The notebook API: `load(OUT)` gives every dataset as a pandas DataFrame with its contract types.

`pandas.read_parquet` alone loses some of them: integer columns holding a null become float64,
and decimals become Python objects. Here integers are nullable `Int8/Int16/Int32/Int64`, text is
pandas' `string` dtype (missing = `pd.NA`), money and percentages stay exact decimals
(`decimal128(18, 2)[pyarrow]`, values are `decimal.Decimal`), `value_num` is float64 and
`extracted_at` is a UTC-aware timestamp. `load(OUT, exact=False)` gives the decimals as float64
instead, for the maths pandas does not do on decimals (`describe`, `cumsum`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping

import pandas as pd
import pyarrow as pa
from pandas.api.extensions import ExtensionDtype

from extract.schema import ALL_DATASETS
from extract.writers import output_folder, read_tables

_NULLABLE_INTS: dict[pa.DataType, ExtensionDtype] = {
    pa.int8(): pd.Int8Dtype(),
    pa.int16(): pd.Int16Dtype(),
    pa.int32(): pd.Int32Dtype(),
    pa.int64(): pd.Int64Dtype(),
}


class Datasets(Mapping[str, pd.DataFrame]):
    """All datasets of one OUT, by name (`ds["projects"]`) or as attributes (`ds.projects`)."""

    def __init__(self, frames: Mapping[str, pd.DataFrame]) -> None:
        self._frames = {name: frames[name] for name in ALL_DATASETS}

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self._frames[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._frames)

    def __len__(self) -> int:
        return len(self._frames)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(frame)}" for name, frame in self._frames.items())
        return f"Datasets({sizes})"

    @property
    def documents(self) -> pd.DataFrame:
        return self._frames["documents"]

    @property
    def department_goals(self) -> pd.DataFrame:
        return self._frames["department_goals"]

    @property
    def measures(self) -> pd.DataFrame:
        return self._frames["measures"]

    @property
    def projects(self) -> pd.DataFrame:
        return self._frames["projects"]

    @property
    def project_goals(self) -> pd.DataFrame:
        return self._frames["project_goals"]

    @property
    def spending_plan(self) -> pd.DataFrame:
        return self._frames["spending_plan"]

    @property
    def indicators(self) -> pd.DataFrame:
        return self._frames["indicators"]

    @property
    def issues(self) -> pd.DataFrame:
        return self._frames["issues"]

    @property
    def files(self) -> pd.DataFrame:
        """One row per input path: which document it is, or why it was not read."""
        return self._frames["files"]


def load(out: str | os.PathLike[str], *, exact: bool = True) -> Datasets:
    """Every dataset of OUT, read from one consistent state of the folder.

    `exact=False` gives amounts and percentages as float64 for notebook maths (`describe`,
    `cumsum`, plotting), at the cost of binary rounding; the default keeps exact decimals.
    """
    path = output_folder(out)
    tables = read_tables(path, ALL_DATASETS)
    return Datasets({name: _to_pandas(table, exact) for name, table in tables.items()})


def read_dataset(out: str | os.PathLike[str], name: str, *, exact: bool = True) -> pd.DataFrame:
    """One dataset of OUT; cheaper than `load` when only one is needed."""
    if name not in ALL_DATASETS:
        raise ValueError(f"unknown dataset {name!r}; known: {', '.join(ALL_DATASETS)}")
    return _to_pandas(read_tables(output_folder(out), [name])[name], exact)


def _to_pandas(table: pa.Table, exact: bool = True) -> pd.DataFrame:
    if not exact:
        schema = pa.schema(
            field.with_type(pa.float64()) if pa.types.is_decimal(field.type) else field
            for field in table.schema
        )
        table = table.cast(schema)
    frame: pd.DataFrame = table.to_pandas(types_mapper=_pandas_dtype)
    return frame


def _pandas_dtype(arrow_type: pa.DataType) -> ExtensionDtype | None:
    """None keeps pyarrow's default, which is already right for float64 and UTC timestamps."""
    if pa.types.is_integer(arrow_type):
        return _NULLABLE_INTS.get(arrow_type)
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return pd.StringDtype("pyarrow")
    if pa.types.is_decimal(arrow_type):
        return pd.ArrowDtype(arrow_type)
    return None
