"""Word (.docx) files to the intermediate model; also explains .doc and encrypted files.

Input files come from anywhere (mail attachments, downloads), so the archive is checked before
anything is decompressed and the XML is parsed without DTDs or entities. Every failure reaches
the user as one `ParseError` line, never as a traceback.
"""

from __future__ import annotations

import posixpath
import zipfile

from extract.model import Document, ParseError
from extract.parsers.docx_numbering import Numbering
from extract.parsers.docx_ooxml import Element
from extract.parsers.docx_styles import Styles
from extract.parsers.docx_xml import BodyWalker
from extract.parsers.ooxml_package import (
    MAX_RATIO,
    MAX_UNPACKED_BYTES,
    RATIO_MIN_BYTES,
    Wording,
    one_line,
    open_package,
    parse_xml,
    read_member,
    refuse_dtd,
)

__all__ = ["MAX_RATIO", "MAX_UNPACKED_BYTES", "RATIO_MIN_BYTES", "parse_docx"]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # Compound File Binary (legacy .doc, encrypted .docx)
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_W_NS = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_NS_STRICT = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_W = "{" + _W_NS.decode() + "}"
_MAIN_PART = "word/document.xml"
_WORDING = Wording("Word file", "not a valid Word file (damaged or not a .docx)")


def parse_docx(data: bytes) -> Document:
    """Parses a .docx; anything unexpected becomes a ParseError with a one-line reason."""
    try:
        return _parse(data)
    except ParseError:
        raise
    except Exception as exc:
        raise ParseError(f"could not read Word file: {one_line(exc)}") from exc


def _parse(data: bytes) -> Document:
    if data.startswith(_OLE_MAGIC):
        raise ParseError(_ole_reason(data))
    with open_package(data, _WORDING) as archive:
        main = _main_part(archive)
        if main not in archive.NameToInfo:
            raise ParseError(f"not a Word document: the archive has no {main}")
        root = _xml(archive, main)
        if root.tag != _W + "document":
            raise ParseError(f"not a Word document: {main} is not a WordprocessingML document")
        parts = _related_parts(archive, main)
        styles_part = parts.get("styles")
        styles_blob = _optional_blob(archive, styles_part)
        styles = Styles(styles_blob, lambda blob: _parse_xml(blob, str(styles_part)))
        numbering = Numbering(_optional_xml(archive, parts.get("numbering")), styles)
    walker = BodyWalker(styles, numbering)
    body = root.find(_W + "body")
    blocks = walker.blocks(body) if body is not None else []
    return Document(blocks=tuple(blocks), source_format="docx", notes=tuple(walker.notes))


def _ole_reason(data: bytes) -> str:
    """Word encrypts a .docx into an OLE container holding an `EncryptedPackage` stream."""
    if _ENCRYPTED_STREAM in data:
        return "password-protected Word file: remove the password and save again"
    return "legacy Word .doc file: save it as .docx"


def _xml(archive: zipfile.ZipFile, name: str) -> Element:
    return _parse_xml(_checked(read_member(archive, name, _WORDING)), name)


def _checked(blob: bytes) -> bytes:
    """Strict Open XML mapped onto the usual namespace; a DOCTYPE is refused before parsing."""
    if _W_NS_STRICT in blob:  # Strict Open XML: same vocabulary under another namespace
        blob = blob.replace(_W_NS_STRICT, _W_NS)
    return refuse_dtd(blob, _WORDING)


def _parse_xml(blob: bytes, name: str) -> Element:
    return parse_xml(blob, name, _WORDING)


def _optional_blob(archive: zipfile.ZipFile, name: str | None) -> bytes | None:
    if name is None or name not in archive.NameToInfo:
        return None
    return _checked(read_member(archive, name, _WORDING))


def _optional_xml(archive: zipfile.ZipFile, name: str | None) -> Element | None:
    blob = _optional_blob(archive, name)
    return None if blob is None else _parse_xml(blob, str(name))


def _main_part(archive: zipfile.ZipFile) -> str:
    """The officeDocument the package relationships name, word/document.xml by default."""
    targets = _relationships(archive, "_rels/.rels", "")
    main = targets.get("officeDocument")
    return main if main is not None and main in archive.NameToInfo else _MAIN_PART


def _related_parts(archive: zipfile.ZipFile, main: str) -> dict[str, str]:
    folder, base = posixpath.split(main)
    found = _relationships(archive, posixpath.join(folder, "_rels", base + ".rels"), folder)
    defaults = {kind: posixpath.join(folder, f"{kind}.xml") for kind in ("styles", "numbering")}
    return {**defaults, **found}


def _relationships(archive: zipfile.ZipFile, rels_name: str, folder: str) -> dict[str, str]:
    """Internal relationship targets by the last word of their type (`styles`, …)."""
    if rels_name not in archive.NameToInfo:
        return {}
    out: dict[str, str] = {}
    for rel in _xml(archive, rels_name).iter(_REL_NS + "Relationship"):
        kind = str(rel.get("Type") or "").rsplit("/", 1)[-1]
        target = str(rel.get("Target") or "")
        if not kind or not target or rel.get("TargetMode") == "External":
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        out.setdefault(kind, posixpath.normpath(path))
    return out
