"""Division codes to names, and names to the division, from the national table as data: a
region is read only where the text names one unambiguously (issue 17)."""

from __future__ import annotations

import pytest

from extract.normalizers.regions import division, division_in


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("130304", "河北省 秦皇岛市 北戴河区"),
        ("511124", "四川省 乐山市 井研县"),
        ("310105", "上海市 长宁区"),  # a municipality: no city level
        ("330200", "浙江省 宁波市"),
        ("130000", "河北省"),
    ],
)
def test_codes_give_the_names_of_the_table(code: str, name: str) -> None:
    found = division(code)
    assert found is not None and found.name == name and found.code == code


@pytest.mark.parametrize("code", ["999999", "13030", "1303041", "", None, "310100x"])
def test_codes_not_in_the_table_give_nothing(code: str | None) -> None:
    assert division(code) is None


@pytest.mark.parametrize(
    ("texts", "code"),
    [
        (["井研县马踏镇人民政府"], "511124"),
        (["820001-井研县马踏镇人民政府"], "511124"),
        (["秦皇岛市北戴河区政府采购中心(本级)"], "130304"),
        (["上海市长宁区体育局"], "310105"),
        (["北京市朝阳区教育委员会"], "110105"),
        (["朝阳区教育委员会", "北京市教育委员会"], "110105"),  # the department names the city
        (["宁波市教育局"], "330200"),
        (["上海市体育局"], "310000"),
    ],
)
def test_a_name_printed_in_full_gives_its_division(texts: list[str], code: str) -> None:
    found = division_in(*texts)
    assert found is not None and found.code == code


@pytest.mark.parametrize(
    "texts",
    [
        ["朝阳区教育委员会"],  # 朝阳区 of 北京 and of 长春: not guessed
        ["中国人民银行"],
        ["城区管理局"],  # 城区 is a district of 阳泉 and of others, and a common word
        ["北京市长宁区"],  # contradicts itself
        [None, ""],
    ],
)
def test_no_name_or_an_ambiguous_one_gives_nothing(texts: list[str | None]) -> None:
    assert division_in(*texts) is None
