"""CSV / TSV files to the model: every encoding a Chinese office writes, the three separators,
quoted fields with line breaks, title lines above the header as paragraphs."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from extract.model import Location, ParseError, Table
from extract.parsers.csv_parser import NO_FIELDS, parse_csv
from extract.parsers.encoding import UNDECIDED
from extract.parsers.tika_text import BLANK
from extract.pipeline import InputFile, extract_file


def _fields(line: str) -> list[str]:
    return line.split("|")


ROWS = [
    ["部门项目支出绩效目标表"],
    ["金额单位：元"],
    _fields("单位名称|项目名称|预算数|年度目标|一级指标|三级指标|指标值"),
    _fields(
        "820001-井研县马踏镇人民政府|村组干部报酬|3,309,840.00|1.按时发放\n2.维护稳定|产出指标|发放人数|≥95%"
    ),
    _fields("||||效益指标|社会稳定|明显提升"),
]


def _csv(rows: list[list[str]], delimiter: str, *, pad: bool = True) -> str:
    """As Excel writes it: fields quoted when they hold the separator, a quote or a line
    break, and (with `pad`) every record padded to the widest one."""
    width = max(len(row) for row in rows)
    lines = []
    for row in rows:
        fields = row + [""] * (width - len(row)) if pad else row
        quoted = [
            f'"{f.replace(chr(34), chr(34) * 2)}"'
            if delimiter in f or '"' in f or "\n" in f or "," in f
            else f
            for f in fields
        ]
        lines.append(delimiter.join(quoted))
    return "\r\n".join(lines) + "\r\n"


def _texts(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows()]


@pytest.mark.parametrize("delimiter", [",", "\t", ";"], ids=["comma", "tab", "semicolon"])
@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be"]
)
def test_encodings_and_separators(encoding: str, delimiter: str) -> None:
    data = _csv(ROWS, delimiter).encode(encoding)
    doc = parse_csv(data)
    assert doc.source_format == "csv" and doc.n_pages is None
    expected = {"gbk": "gb18030", "utf-16-le": "utf-16-le", "utf-16-be": "utf-16-be"}
    assert doc.encoding == expected.get(encoding, encoding)
    name = {",": "comma", "\t": "tab", ";": "semicolon"}[delimiter]
    assert doc.notes == (f"read as CSV separated by {name}",)
    title, unit, table = doc.blocks
    assert [title.text, unit.text] == ["部门项目支出绩效目标表", "金额单位：元"]  # type: ignore[union-attr]
    assert title.location == Location(row=1, line=1)
    assert unit.location == Location(row=2, line=2)
    assert isinstance(table, Table)
    assert _texts(table) == ROWS[2:]


def test_quoted_line_breaks_are_paragraphs_and_lines_are_counted() -> None:
    doc = parse_csv(_csv(ROWS, ",").encode())
    (table,) = doc.tables()
    goal = table.rows()[1][3]
    assert goal.paragraphs == ("1.按时发放", "2.维护稳定")
    assert goal.location == Location(table=1, row=4, col=4, line=4)
    # The record after the two-line field starts on line 6.
    assert table.rows()[2][4].location == Location(table=1, row=5, col=5, line=6)
    assert table.location == Location(table=1, line=3)
    assert table.location.sheet is None


def test_unpadded_title_lines_and_excel_text_guards() -> None:
    rows = [["绩效目标表"], ["项目编码", "项目名称"], ['="00123"', "项目A"]]
    doc = parse_csv(_csv(rows, ",", pad=False).replace('"=""00123"""', '="00123"').encode())
    (table,) = doc.tables()
    assert [p.text for p in doc.paragraphs()] == ["绩效目标表"]
    assert _texts(table) == [["项目编码", "项目名称"], ["00123", "项目A"]]


def test_a_single_column_file_is_paragraphs() -> None:
    doc = parse_csv("一、部门职责\n二、项目概况\n".encode())
    assert [p.text for p in doc.paragraphs()] == ["一、部门职责", "二、项目概况"]
    assert list(doc.tables()) == []


def test_commas_inside_quotes_do_not_decide_the_separator() -> None:
    rows = [["项目", "金额"], ["甲", "1,234.50"], ["乙", "2,000.00"]]
    doc = parse_csv(_csv(rows, "\t").encode())
    assert doc.notes == ("read as CSV separated by tab",)
    (table,) = doc.tables()
    assert _texts(table)[1] == ["甲", "1,234.50"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", BLANK),
        (b" \r\n\t\r\n", BLANK),
        (b",,,\r\n,,\r\n", NO_FIELDS),
        ("これは日本語のテキストです。\n".encode("shift_jis"), UNDECIDED),
    ],
    ids=["empty", "blank", "only separators", "undecidable encoding"],
)
def test_unreadable_files(data: bytes, message: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_csv(data)
    assert str(info.value) == message


def test_a_flat_sheet_csv_reads_to_projects(tmp_path: Path) -> None:
    rows = [
        ["井研县部门预算项目绩效目标申报表(2023年度)"],
        ["金额单位:元"],
        _fields(
            "单位名称|项目名称|预算数|年度目标|一级指标|二级指标|三级指标|指标性质|指标值|度量单位|权重"
            "|指标方向性"
        ),
        ["820-马踏镇部门", "", "8,827,620.53"],
        _fields(
            "820001-井研县马踏镇人民政府|村组干部报酬|3,309,840.00|按时发放村组干部报酬|产出指标"
            "|数量指标|发放人数|≥|95|人|10|正向指标"
        ),
        _fields("||||效益指标|社会效益指标|维护社会稳定|≥|95|%|10|正向指标"),
    ]
    path = tmp_path / "jingyan.csv"
    path.write_bytes(_csv(rows, ",").encode("gb18030"))
    result = extract_file(
        InputFile(path, path.name), year=None, extracted_at=datetime(2026, 1, 1, tzinfo=UTC)
    )
    assert result.status == "ok", result.rows.get("issues")
    (project,) = result.rows["projects"]
    assert project["project_name"] == "村组干部报酬"
    assert str(project["budget_total_yuan"]) == "3309840.00"
    assert [i["level3"] for i in result.rows["indicators"]] == ["发放人数", "维护社会稳定"]
    (document,) = result.rows["documents"]
    assert document["source_format"] == "csv"
