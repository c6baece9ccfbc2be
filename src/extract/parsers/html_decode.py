"""Web page bytes to text: byte-order mark, then the page's own charset, then detection.

Government sites serve GBK pages that say so in a `<meta>` tag, UTF-8 pages that say nothing,
and pages whose declaration is a leftover of the CMS they were migrated from. A declaration
is therefore believed only when its decoding reads as text (for GB encodings: as common
Chinese, which UTF-8 bytes read as GBK are not); otherwise UTF-8 and the text-file detection of
`encoding.py` get their turn, and a declared decoding kept against that doubt is reported in
the notes rather than written silently. The DOCTYPE is cut from the text here too, before
libxml2 sees it.
"""

from __future__ import annotations

import codecs
import re

from extract.model import ParseError
from extract.parsers.encoding import _looks_chinese, _looks_like_text, decode_text

# Where a declaration can be: browsers look at the first KiB; CMS heads with long scripts
# push the meta tag further, so a larger window is scanned.
_PRESCAN_BYTES = 16 * 1024
_META = re.compile(rb"<meta\b[^>]*>", re.I)
_XML_DECLARATION = re.compile(rb"^\s*<\?xml\b[^>]*\bencoding\s*=\s*[\"']([A-Za-z0-9_.:\-]+)", re.I)
_CHARSET = re.compile(rb"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.I)
# Every label of the GB family: GB18030 is a superset of GBK and GB2312, and a page labelled
# GB2312 routinely holds GBK-only characters, so all of them decode as GB18030.
_GB_LABELS = frozenset(
    {
        "gb2312",
        "gb_2312",
        "gb_2312-80",
        "csgb2312",
        "gbk",
        "x-gbk",
        "cp936",
        "ms936",
        "windows-936",
        "gb18030",
        "chinese",
        "csiso58gb231280",
        "iso-ir-58",
        "euc-cn",
    }
)
# Labels WHATWG reads as windows-1252 (a page saying latin-1 is cp1252 in every browser).
_CP1252_CODECS = frozenset({"latin-1", "iso8859-1", "ascii"})
# UTF-32 LE's mark starts with UTF-16 LE's: `decode_text` tells them apart.
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)
_DOCTYPE_START = re.compile(r"<!doctype\b", re.I)
_DOCTYPE_SUBSET = re.compile(r"<!doctype\b[^>\[]*\[.*?\]\s*>", re.I | re.S)
_DOCTYPE_WINDOW = 4096  # a DOCTYPE comes first; one further down is page text
# Control characters libxml2 refuses or shows as nothing; NUL never reaches here.
_CONTROLS = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f]")


def decode_html(data: bytes) -> tuple[str, str, list[str]]:
    """(text, encoding used, notes); ParseError when no encoding gives readable text."""
    if data.startswith(_BOMS):
        text, encoding = decode_text(data)
        return _clean(text), encoding, []
    notes: list[str] = []
    declared = _declaration(data[:_PRESCAN_BYTES])
    doubtful: str | None = None  # the declared decoding, when it does not read as text
    if declared is not None:
        label, codec = declared
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            notes.append(f"the page declares charset {label} but is not encoded in it")
        else:
            if _plausible(text, codec):
                return _clean(text), codec, notes
            if "\x00" not in text:
                doubtful = _clean(text)
    if b"\x00" not in data:
        try:
            return _clean(data.decode("utf-8")), "utf-8", notes
        except UnicodeDecodeError:
            pass
    try:
        text, encoding = decode_text(data)
    except ParseError:
        if declared is None or doubtful is None:
            raise
        notes.append(f"the page declares charset {declared[0]}, but its text does not look Chinese")
        return doubtful, declared[1], notes
    if declared is not None and doubtful is not None:
        notes.append(f"the page declares charset {declared[0]} but reads as {encoding}")
    return _clean(text), encoding, notes


def _declaration(head: bytes) -> tuple[str, str] | None:
    """(label, Python codec) of the page's `<?xml encoding>` or first known `<meta>` charset."""
    labels: list[bytes] = []
    xml = _XML_DECLARATION.match(head)
    if xml is not None:
        labels.append(xml.group(1))
    for meta in _META.finditer(head):
        charset = _CHARSET.search(meta.group(0))
        if charset is not None:
            labels.append(charset.group(1))
    for raw in labels:
        label = raw.decode("ascii", errors="ignore").strip().lower()
        codec = _codec(label)
        if codec is not None:
            return label, codec
    return None


def _codec(label: str) -> str | None:
    if label in _GB_LABELS:
        return "gb18030"
    if label.startswith(("utf-16", "utf-32", "ucs-2", "unicode")):
        return "utf-8"  # a declaration readable as ASCII cannot be in UTF-16: WHATWG says UTF-8
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name in _CP1252_CODECS else name


def _plausible(text: str, codec: str) -> bool:
    """Whether a declared decoding reads as text rather than as another encoding's bytes."""
    if "\x00" in text:
        return False
    if codec == "utf-8":
        return True  # strict UTF-8 of non-UTF-8 bytes fails instead of producing mojibake
    if not _looks_like_text(text):
        return False
    return _looks_chinese(text, require_gb2312=codec == "gb18030")


def _clean(text: str) -> str:
    """Drops a leading BOM and the control characters browsers do not show."""
    return _CONTROLS.sub("", text.removeprefix("\ufeff"))


def strip_doctype(text: str) -> tuple[str, bool]:
    """Cuts the DOCTYPE (with any internal subset); True if it declared entities.

    libxml2's HTML parser never expands declared entities, but it reads an internal subset as
    text of the body, which scrambles the page; browsers show `&name;` literally, as we do.
    """
    start = _DOCTYPE_START.search(text, 0, _DOCTYPE_WINDOW)
    if start is None:
        return text, False
    begin = start.start()
    subset = _DOCTYPE_SUBSET.match(text, begin)
    # Without an internal subset (or with one never closed) it ends at its first `>`.
    end = subset.end() if subset is not None else text.find(">", begin) + 1 or len(text)
    return text[:begin] + text[end:], "<!entity" in text[begin:end].lower()
