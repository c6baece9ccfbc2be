"""decode_text: every encoding a budget text arrives in, and no mojibake on the way."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.model import ParseError
from extract.parsers.encoding import NOT_TEXT, UNDECIDED, decode_text

SAMPLE = "第一部分\n绩效目标：合法合规完成采购项目，≥95%\n\t产出指标\t一级指标\n"
TRADITIONAL = "政府採購中心預算績效目標：合法合規完成採購項目，提高資金使用效益。\n" * 3


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le"), "utf-32"),
        (codecs.BOM_UTF32_BE + SAMPLE.encode("utf-32-be"), "utf-32"),
        (SAMPLE.encode("utf-8"), "utf-8"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("utf-32-le"), "utf-32-le"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),
        (SAMPLE.encode("gb2312"), "gb18030"),
    ],
)
def test_each_encoding_decodes_to_the_same_text(data: bytes, encoding: str) -> None:
    assert decode_text(data) == (SAMPLE, encoding)


def test_utf16_without_bom_where_cjk_has_nul_bytes_on_the_other_side() -> None:
    # 一 (U+4E00) is 00 4E in little-endian: a NUL on the "big-endian" side.
    text = "一一一一一一\n一\n"
    assert decode_text(text.encode("utf-16-le")) == (text, "utf-16-le")
    assert decode_text(text.encode("utf-16-be")) == (text, "utf-16-be")


def test_ascii_utf16_without_bom() -> None:
    assert decode_text("hello\r\nworld".encode("utf-16-le")) == ("hello\nworld", "utf-16-le")


def test_traditional_chinese_big5_is_left_to_charset_normalizer() -> None:
    # Big5 bytes are valid GB18030 too, but decode into kana and rare characters.
    assert decode_text(TRADITIONAL.encode("big5")) == (TRADITIONAL, "big5")


def test_newlines_and_bom_are_normalised() -> None:
    data = codecs.BOM_UTF8 + "\ufeffa\r\nb\rc\n\r\n".encode()
    assert decode_text(data) == ("a\nb\nc\n\n", "utf-8-sig")


def test_empty_and_whitespace_only_are_returned() -> None:
    assert decode_text(b"") == ("", "utf-8")
    assert decode_text(b" \r\n\t") == (" \n\t", "utf-8")
    assert decode_text("\u3000\n".encode("gb18030")) == ("\u3000\n", "gb18030")


@pytest.mark.parametrize(
    "data",
    [
        "Café au lait\n".encode("latin-1"),
        "これは日本語のテキストです。\n".encode("shift_jis"),
        b"\x81\x82\x83\x84",
        bytes(range(0x80, 0x100)),
        "中文文本".encode("utf-16-le"),  # no NUL byte to tell UTF-16 by
    ],
)
def test_undecidable_encoding(data: bytes) -> None:
    with pytest.raises(ParseError) as info:
        decode_text(data)
    assert str(info.value) == UNDECIDED
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    "data",
    [
        b"abc\x00def",
        bytes(range(256)) * 4,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        "ab".encode("utf-32-le")[:-1],  # odd length
    ],
)
def test_binary_data_is_not_text(data: bytes) -> None:
    with pytest.raises(ParseError, match=r"^not a text file: ") as info:
        decode_text(data)
    assert str(info.value) == NOT_TEXT


def test_damaged_file_with_a_bom_is_not_guessed_otherwise() -> None:
    with pytest.raises(ParseError) as info:
        decode_text(codecs.BOM_UTF8 + "采购".encode() + b"\xff")
    assert str(info.value) == (
        "the file is marked as UTF-8 text but is damaged at byte 9; save it as UTF-8 again"
    )
    with pytest.raises(ParseError, match="marked as UTF-16 but holds binary data"):
        decode_text(codecs.BOM_UTF16_LE + b"a\x00\x01\x00")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_arbitrary_bytes_decode_or_raise_parse_error(data: bytes) -> None:
    try:
        text, encoding = decode_text(data)
    except ParseError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert "\r" not in text
    assert not text.startswith("\ufeff")
    assert codecs.lookup(encoding)


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=200))
def test_any_utf8_text_comes_back(text: str) -> None:
    decoded, encoding = decode_text(text.encode("utf-8"))
    expected = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    assert decoded == expected
    assert encoding == ("utf-8-sig" if text.startswith("\ufeff") else "utf-8")
