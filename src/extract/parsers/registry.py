"""Which parser reads which file: detection from content first, the file name second.

Parsers are imported lazily by name so that a heavy or broken optional parser never stops the
others from loading; adding a format is one entry in `PARSERS`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import PurePath

from extract.model import Document, ParseError

Parser = Callable[[bytes], Document]

# format -> "module:function"
PARSERS: dict[str, str] = {
    "txt": "extract.parsers.tika_text:parse_tika_text",
    "docx": "extract.parsers.docx_parser:parse_docx",
    # Legacy/encrypted Word files are OLE containers; the docx parser explains what to do.
    "doc": "extract.parsers.docx_parser:parse_docx",
    "pdf": "extract.parsers.pdf_parser:parse_pdf",
}
# File names a folder walk picks up.
INPUT_SUFFIXES: frozenset[str] = frozenset({".txt", ".docx", ".doc", ".pdf"})

_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BINARY_SUFFIX_FORMAT = {".docx": "docx", ".pdf": "pdf", ".doc": "doc"}


def detect_format(data: bytes, name: str) -> str:
    """`pdf`, `docx`, `doc` or `txt`: by magic bytes, else by a binary suffix, else text."""
    if _PDF_MAGIC in data[:1024]:
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        return "docx"
    if data.startswith(_OLE_MAGIC):
        return "doc"
    return _BINARY_SUFFIX_FORMAT.get(PurePath(name).suffix.lower(), "txt")


def parser_for(fmt: str) -> Parser:
    target = PARSERS.get(fmt)
    if target is None:
        raise ParseError(f"{fmt.upper()} files are not supported yet")
    module_name, _, function = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise ParseError(f"{fmt.upper()} files are not supported yet ({exc})") from exc
    parser: Parser = getattr(module, function)
    return parser


def parse(data: bytes, fmt: str) -> Document:
    return parser_for(fmt)(data)
