"""Every input format in one table: how it is recognised, which suffixes it has, who reads it.

Detection looks at the content first, as docling does: PDF magic, the members of a ZIP
(`word/document.xml` vs `xl/workbook.xml`), the streams of an OLE compound file
(`WordDocument` vs `Workbook` vs `EncryptedPackage`), HTML markup in any encoding. The file
name only breaks ties the content cannot (a `.wps` is a Word binary by content; a `.csv` and a
Tika `.txt` are both text). Suffixes, messages and the CLI's list of formats derive from here.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

import olefile

__all__ = ["FORMATS", "FormatSpec", "by_name", "detect", "input_suffixes", "suffix_list"]


@dataclass(frozen=True, slots=True)
class FormatSpec:
    name: str  # documents.source_format
    suffixes: tuple[str, ...]
    parser: str  # "module:function", imported when first needed
    title: str  # how messages name it
    needs: str | None = None  # what must be installed beyond the core packages


FORMATS: tuple[FormatSpec, ...] = (
    FormatSpec("pdf", (".pdf",), "extract.parsers.pdf_parser:parse_pdf", "PDF"),
    FormatSpec("docx", (".docx", ".docm"), "extract.parsers.docx_parser:parse_docx", "Word"),
    FormatSpec("xlsx", (".xlsx", ".xlsm"), "extract.parsers.xlsx_parser:parse_xlsx", "Excel"),
    FormatSpec("xls", (".xls", ".et"), "extract.parsers.xls_parser:parse_xls", "Excel 97-2003"),
    FormatSpec(
        "doc", (".doc",), "extract.parsers.office_convert:parse_doc", "Word 97-2003", "LibreOffice"
    ),
    FormatSpec(
        "wps", (".wps",), "extract.parsers.office_convert:parse_doc", "WPS Writer", "LibreOffice"
    ),
    FormatSpec("html", (".html", ".htm"), "extract.parsers.html_parser:parse_html", "web page"),
    FormatSpec("csv", (".csv", ".tsv"), "extract.parsers.csv_parser:parse_csv", "CSV"),
    FormatSpec("txt", (".txt",), "extract.parsers.tika_text:parse_tika_text", "text"),
)
_BY_NAME = {spec.name: spec for spec in FORMATS}
_BY_SUFFIX = {suffix: spec.name for spec in FORMATS for suffix in spec.suffixes}

_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MEMBERS = (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"))
# Markup that only HTML starts with; checked on the first KiB decoded in every likely encoding.
_HTML = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|table|body)\b",
    re.I | re.S,
)
_HTML_CODECS = ("utf-8", "utf-16-le", "utf-16-be")


def by_name(name: str) -> FormatSpec:
    return _BY_NAME[name]


def input_suffixes() -> frozenset[str]:
    """File name endings a folder walk picks up."""
    return frozenset(_BY_SUFFIX)


def suffix_list() -> str:
    """`.txt, .docx, …` for messages."""
    return ", ".join(s for spec in FORMATS for s in spec.suffixes)


def detect(data: bytes, name: str) -> str:
    """The format `data` is, by content; the suffix of `name` settles what content cannot."""
    suffix = PurePath(name).suffix.lower()
    if _PDF_MAGIC in data[:1024]:
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        return _zip_format(data) or _BY_SUFFIX.get(suffix, "docx")
    if data.startswith(_OLE_MAGIC):
        return _ole_format(data, suffix)
    if _looks_like_html(data[:1024]):
        return "html"
    guess = _BY_SUFFIX.get(suffix)
    if guess in ("csv", "html"):
        return guess
    if guess in ("docx", "xlsx", "pdf", "xls", "doc", "wps"):
        return guess  # a binary format by name, damaged content: its parser explains
    return "txt"


def _zip_format(data: bytes) -> str | None:
    """`docx` or `xlsx` from the archive's member names (no member is inflated)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        return None
    for member, fmt in _ZIP_MEMBERS:
        if member in names:
            return fmt
    return None


def _ole_format(data: bytes, suffix: str) -> str:
    """A compound file's format from its stream names."""
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, IndexError, EOFError, TypeError):
        return _BY_SUFFIX.get(suffix, "doc")
    try:
        streams = {"/".join(entry) for entry in ole.listdir(streams=True, storages=False)}
    finally:
        ole.close()
    if "EncryptedPackage" in streams:  # an encrypted .docx/.xlsx: its parser explains
        named = _BY_SUFFIX.get(suffix, "docx")
        return named if named in ("docx", "xlsx") else "docx"
    if "WordDocument" in streams:
        return "wps" if suffix == ".wps" else "doc"
    if "Workbook" in streams or "Book" in streams:
        return "xls"
    return _BY_SUFFIX.get(suffix, "doc")


def _looks_like_html(head: bytes) -> bool:
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    for codec in _HTML_CODECS:
        try:
            text = head.decode(codec, errors="ignore").lstrip("\ufeff")
        except LookupError:
            continue
        if _HTML.match(text.encode("ascii", errors="ignore")):
            return True
    return False
