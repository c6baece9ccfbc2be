"""The column dictionary (src/extract/columns.toml) and the data dictionary generated from it."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import ROOT
from extract import columns
from extract.columns import ColumnsError, description, label_zh, validate
from extract.schema import ALL_DATASETS, DOCUMENTS, SCHEMAS

DICTIONARY = ROOT / "docs" / "DATA-DICTIONARY.md"


def _real_toml() -> dict[str, Any]:
    text = resources.files("extract").joinpath("columns.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def test_every_schema_column_has_a_label_and_a_description() -> None:
    checked = validate(_real_toml())
    for dataset in ALL_DATASETS:
        for name in SCHEMAS[dataset].names:
            entry = checked[dataset][name]
            assert entry.zh.strip() and entry.description.strip(), f"{dataset}.{name}"
            assert columns.label_zh(dataset, name) == entry.zh
            assert columns.description(dataset, name) == entry.description


def test_dictionary_follows_the_schemas() -> None:
    docs = columns.dictionary()
    assert [(d.dataset, d.column) for d in docs] == [
        (dataset, name) for dataset in ALL_DATASETS for name in SCHEMAS[dataset].names
    ]
    types = {(d.dataset, d.column): d.type for d in docs}
    assert types["projects", "budget_total_yuan"] == "decimal128(18,2)"
    assert types["documents", "extracted_at"] == "timestamp[us, UTC]"
    assert types["indicators", "value_num"] == "float64"
    assert types["projects", "period_start"] == "date32"
    assert types["documents", "fiscal_year"] == "int16"


def test_the_labels_a_reviewer_expects() -> None:
    expected = {
        ("projects", "project_code"): "项目编码",
        ("projects", "budget_total_yuan"): "年度预算（元）",
        ("indicators", "level1"): "一级指标",
        ("indicators", "value_raw"): "指标值",
        ("indicators", "comparator"): "比较符",
        ("issues", "doc_id"): "文档编号",
        ("spending_plan", "fiscal_year"): "预算年度",
        ("indicators", "project_seq"): "项目序号",
        ("measures", "seq"): "序号",
        ("documents", "unit_code"): "单位编码",
        ("documents", "unit_name"): "单位名称",
        ("files", "source_path"): "源文件路径",
    }
    assert {key: columns.label_zh(*key) for key in expected} == expected


def test_a_dataset_overrides_a_common_entry() -> None:
    assert "within a document" in columns.description("issues", "seq")
    assert columns.description("issues", "seq") != columns.description("indicators", "seq")
    assert columns.label_zh("issues", "seq") == columns.label_zh("indicators", "seq")


def test_unknown_columns_are_a_key_error() -> None:
    with pytest.raises(KeyError, match=r"projects\.nope"):
        columns.label_zh("projects", "nope")


def test_data_dictionary_is_generated_from_the_column_dictionary() -> None:
    expected = columns.render()
    actual = DICTIONARY.read_text(encoding="utf-8") if DICTIONARY.exists() else ""
    assert actual == expected, (
        "docs/DATA-DICTIONARY.md is out of date with src/extract/columns.toml or "
        "src/extract/schema.py: run `make docs` to regenerate it (never edit it by hand)"
    )


def test_the_generator_prints_the_dictionary() -> None:
    """`python -m extract.columns` is what `make docs` runs; UTF-8 whatever the locale."""
    done = subprocess.run(
        [sys.executable, "-m", "extract.columns"],
        capture_output=True,
        check=True,
        env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C", "PATH": ""},
    )
    assert done.stdout.decode("utf-8") == columns.render()


def test_labels_are_unique_within_a_dataset() -> None:
    for dataset in ALL_DATASETS:
        labels = Counter(d.zh for d in columns.dictionary() if d.dataset == dataset)
        assert [zh for zh, n in labels.items() if n > 1] == [], dataset


# --- validation on small in-memory dictionaries -----------------------------------------------

_SCHEMAS = {
    "things": pa.schema([("doc_id", pa.string()), ("name", pa.string())]),
    "others": pa.schema([("doc_id", pa.string()), ("seq", pa.int32())]),
}


def _good() -> dict[str, Any]:
    return {
        "common": {"doc_id": {"zh": "文档编号", "description": "The document."}},
        "things": {"name": {"zh": "名称", "description": "Its name."}},
        "others": {
            "seq": {"zh": "序号", "description": "Order."},
            "doc_id": {"description": "The document, here."},
        },
    }


def _refused(data: dict[str, Any], *fragments: str) -> None:
    with pytest.raises(ColumnsError) as caught:
        validate(data, _SCHEMAS, announced=frozenset())
    for fragment in fragments:
        assert fragment in str(caught.value)


def test_a_good_dictionary_resolves_common_entries() -> None:
    checked = validate(_good(), _SCHEMAS, announced=frozenset())
    assert checked["things"]["doc_id"].zh == "文档编号"
    assert checked["others"]["doc_id"].zh == "文档编号"
    assert checked["others"]["doc_id"].description == "The document, here."


def test_an_entry_for_a_column_that_does_not_exist_is_refused() -> None:
    data = _good()
    data["things"]["colour"] = {"zh": "颜色", "description": "Its colour."}
    _refused(data, "things.colour", "no such column")


def test_a_missing_entry_is_refused() -> None:
    data = _good()
    del data["things"]["name"]
    _refused(data, "things.name", "no entry")


def test_an_empty_or_missing_field_is_refused() -> None:
    data = _good()
    data["things"]["name"] = {"zh": " ", "description": "Its name."}
    del data["others"]["seq"]["description"]
    _refused(data, "things.name: zh must be a non-empty string", "others.seq: no description")


def test_unknown_datasets_keys_and_common_columns_are_refused() -> None:
    data = _good()
    data["thingz"] = {"name": {"zh": "名称", "description": "Typo."}}
    data["things"]["name"]["zh_cn"] = "名称"
    data["common"]["nothing"] = {"zh": "无", "description": "No dataset has it."}
    _refused(
        data, "[thingz]: no such dataset", "things.name: unknown key 'zh_cn'", "common.nothing"
    )


def test_a_label_used_twice_in_a_dataset_is_refused() -> None:
    data = _good()
    data["things"]["name"]["zh"] = "文档编号"
    _refused(data, "things.name", "already the label of things.doc_id")


def test_every_problem_is_reported_at_once() -> None:
    data = _good()
    del data["things"]["name"]
    data["others"]["colour"] = {"zh": "颜色", "description": "Its colour."}
    _refused(data, "things.name", "others.colour")


def test_an_announced_column_is_tolerated_before_the_schema_has_it() -> None:
    """documents.n_pages_parsed may be in columns.toml before schema.py declares it."""
    without = pa.schema([f for f in DOCUMENTS if f.name != "n_pages_parsed"])
    schemas = {**SCHEMAS, "documents": without}
    checked = validate(_real_toml(), schemas)
    assert checked["documents"]["n_pages_parsed"].zh
    # ... but only the announced one, and only with the allow-list
    with pytest.raises(ColumnsError, match=r"documents\.n_pages_parsed: no such column"):
        validate(_real_toml(), schemas, announced=frozenset())
    # and once the schema has it, its entry is required like any other
    data = _real_toml()
    del data["documents"]["n_pages_parsed"]
    with pytest.raises(ColumnsError, match=r"documents\.n_pages_parsed: no entry"):
        validate(
            data, {**SCHEMAS, "documents": without.append(pa.field("n_pages_parsed", pa.int32()))}
        )


def test_parquet_fields_carry_their_description_and_label(tmp_path: Path) -> None:
    """A tool that shows a Parquet file's schema shows what each column means (issue 17)."""
    from extract.writers import write_datasets
    from test_writers import doc_rows

    out = tmp_path / "out"
    seen = {"source_path": "a.txt", "doc_id": "a", "role": "document"}
    write_datasets(out, {**doc_rows("a", 2021), "files": [seen]}, replace_doc_ids=[])
    for name in ALL_DATASETS:
        path = next((out / name).glob("*.parquet"))
        for field in pq.read_schema(path):
            metadata = field.metadata or {}
            assert metadata[b"label_zh"].decode() == label_zh(name, field.name)
            assert metadata[b"description"].decode() == description(name, field.name)
