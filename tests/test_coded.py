"""Leading codes before names, and check-box choices."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.normalizers import vocab
from extract.normalizers.coded import split_code, ticked_choice

CODES: list[tuple[str, str | None, str]] = [
    ("[015001]武汉市青山区教育局", "015001", "武汉市青山区教育局"),
    ("【015001】武汉市青山区教育局", "015001", "武汉市青山区教育局"),
    ("［015001］武汉市青山区教育局", "015001", "武汉市青山区教育局"),
    ("(433)乌海市供销合作社联合社(部门)", "433", "乌海市供销合作社联合社(部门)"),
    ("(421)乌海市档案馆(部门)", "421", "乌海市档案馆(部门)"),
    ("（433001）乌海市档案馆", "433001", "乌海市档案馆"),
    ("(421001)乌海市档案馆", "421001", "乌海市档案馆"),
    ("820001-井研县马踏镇人民政府", "820001", "井研县马踏镇人民政府"),
    ("705-沐川县沐溪镇部门", "705", "沐川县沐溪镇部门"),
    ("705001-沐川县沐溪镇人民政府", "705001", "沐川县沐溪镇人民政府"),
    ("820-马踏镇部门", "820", "马踏镇部门"),
    ("632001秦皇岛市北戴河区政府采购中心(本级)", "632001", "秦皇岛市北戴河区政府采购中心(本级)"),
    ("632001 某某局", "632001", "某某局"),
    ("632001　某某局", "632001", "某某局"),
    ("205001 - 某某教育局(本级)", "205001", "某某教育局(本级)"),
    (" [015001] 武汉市青山区教育局 ", "015001", "武汉市青山区教育局"),
    ("（４３３）乌海市档案馆", "433", "乌海市档案馆"),
    ("123456789012某局", "123456789012", "某局"),
    ("532328元谋县财政局", "532328", "元谋县财政局"),
    ("500101万州区财政局", "500101", "万州区财政局"),
    # no code
    ("武汉市青山区教育局", None, "武汉市青山区教育局"),
    ("乌海市档案馆(部门)", None, "乌海市档案馆(部门)"),
    ("", None, ""),
    # not a code: too short or too long, a year, an amount, no CJK name
    ("(31)部门预算项目", None, "(31)部门预算项目"),
    ("12秦皇岛", None, "12秦皇岛"),
    ("1234567890123某局", None, "1234567890123某局"),
    ("2023年项目支出绩效目标申报表", None, "2023年项目支出绩效目标申报表"),
    ("2023年度", None, "2023年度"),
    ("184.59万元", None, "184.59万元"),
    ("184万元", None, "184万元"),
    ("250万", None, "250万"),
    ("300元", None, "300元"),
    ("100%", None, "100%"),
    ("015001 ABC", None, "015001 ABC"),
    ("015001", None, "015001"),
    ("[015001]", None, "[015001]"),
]


@pytest.mark.parametrize(("text", "code", "name"), CODES)
def test_split_code(text: str, code: str | None, name: str) -> None:
    assert split_code(text) == (code, name)


CHOICES: list[tuple[str, str | None]] = [
    ("新增项目□延续项目√", "延续项目"),
    ("新增项目□ 延续项目√", "延续项目"),
    ("新增项目□  延续项目√ ", "延续项目"),
    ("□新增项目 ☑延续项目", "延续项目"),
    ("√新增项目 □延续项目", "新增项目"),
    ("新增项目■ 延续项目□", "新增项目"),
    ("新增项目☑延续项目☐", "新增项目"),
    ("☐新增项目☒延续项目", "延续项目"),
    ("○新增项目 ●延续项目", "延续项目"),
    ("新增项目✓ 延续项目□", "新增项目"),
    ("新增项目✔ 延续项目〇", "新增项目"),
    ("□新增项目 ▣延续项目 □其他", "延续项目"),
    ("新增项目√ 延续项目", "新增项目"),  # the mark is joined to the label before it
    ("新增项目 √延续项目", "延续项目"),  # ... or to the one after it
    ("☑延续项目", "延续项目"),
    ("延续项目√", "延续项目"),
    # no tick, two ticks, or a shape that does not tell
    ("新增项目□延续项目□", None),
    ("□新增项目 □延续项目", None),
    ("新增项目√延续项目√", None),
    ("√新增项目 √延续项目", None),
    ("新增项目√延续项目", None),
    ("延续项目", None),
    ("√", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "choice"), CHOICES)
def test_ticked_choice(text: str, choice: str | None) -> None:
    assert ticked_choice(text) == choice


def test_marks_are_data() -> None:
    assert set(vocab.TICKED_MARKS).isdisjoint(vocab.UNTICKED_MARKS)


@settings(max_examples=300)
@given(st.one_of(st.text(), st.text(alphabet=list("0123456789[]()（）-年万元□√☑■ 新增延续项目局"))))
def test_coded_readers_never_raise(text: str) -> None:
    code, name = split_code(text)
    if code is None:
        assert name == text
    else:
        assert code.isdigit() and 3 <= len(code) <= 12
        assert name and name == name.strip()
    choice = ticked_choice(text)
    assert choice is None or (choice and choice in text)
