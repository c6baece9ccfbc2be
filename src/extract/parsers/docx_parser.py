"""Word (.docx) files to the intermediate model; also explains .doc and encrypted files.

Input files come from anywhere (mail attachments, downloads), so the archive is checked before
anything is decompressed and the XML is parsed without DTDs or entities. Every failure reaches
the user as one `ParseError` line, never as a traceback.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib

from lxml import etree  # type: ignore[import-untyped]

from extract.model import Document, ParseError
from extract.parsers.docx_numbering import Numbering
from extract.parsers.docx_ooxml import Element
from extract.parsers.docx_styles import Styles
from extract.parsers.docx_xml import BodyWalker

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200
# Small members may compress very well without harm; the ratio only matters for big ones.
RATIO_MIN_BYTES = 1024 * 1024

_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # Compound File Binary (legacy .doc, encrypted .docx)
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_W_NS = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_NS_STRICT = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_W = "{" + _W_NS.decode() + "}"
_MAIN_PART = "word/document.xml"
_DAMAGED = "not a valid Word file (damaged or not a .docx)"
_UNSAFE_DTD = "unsafe Word file: XML contains a DTD/entities"
_ROOT_START = re.compile(rb"<[^?!]")
# Looked for before parsing: libxml2 may choke on an entity payload before we see the DOCTYPE.
_DTD_MARKERS = tuple(
    word.encode(codec)
    for word in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("utf-8", "utf-16-le", "utf-16-be")
)


def parse_docx(data: bytes) -> Document:
    """Parses a .docx; anything unexpected becomes a ParseError with a one-line reason."""
    try:
        return _parse(data)
    except ParseError:
        raise
    except Exception as exc:
        raise ParseError(f"could not read Word file: {_one_line(exc)}") from exc


def _parse(data: bytes) -> Document:
    if data.startswith(_OLE_MAGIC):
        raise ParseError(_ole_reason(data))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise ParseError(f"{_DAMAGED}: {_one_line(exc)}") from exc
    with archive:
        _check_sizes(archive)
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


def _check_sizes(archive: zipfile.ZipFile) -> None:
    """Refuses zip bombs from the central directory alone, before inflating a byte.

    Reads are also capped at each member's declared size (zipfile stops there and checks the
    CRC), so a directory that lies about sizes cannot get past this either.
    """
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if total > MAX_UNPACKED_BYTES:
            limit = MAX_UNPACKED_BYTES // (1024 * 1024)
            raise ParseError(f"unsafe Word file: it would unpack to more than {limit} MB")
        if info.file_size >= RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise ParseError(
                f"unsafe Word file: {info.filename} is compressed more than {MAX_RATIO}:1"
            )


def _read(archive: zipfile.ZipFile, name: str) -> bytes:
    """Reads at most the declared size; RuntimeError is zip encryption, NotImplemented a codec."""
    try:
        info = archive.getinfo(name)
        with archive.open(info) as member:
            data: bytes = member.read(info.file_size)
    except (
        zipfile.BadZipFile,
        zlib.error,
        ValueError,
        OSError,
        EOFError,
        RuntimeError,
        NotImplementedError,
    ) as exc:
        raise ParseError(f"{_DAMAGED}: {name}: {_one_line(exc)}") from exc
    return data


def _xml(archive: zipfile.ZipFile, name: str) -> Element:
    return _parse_xml(_checked(_read(archive, name)), name)


def _checked(blob: bytes) -> bytes:
    """Strict Open XML mapped onto the usual namespace; a DOCTYPE is refused before parsing."""
    if _W_NS_STRICT in blob:  # Strict Open XML: same vocabulary under another namespace
        blob = blob.replace(_W_NS_STRICT, _W_NS)
    if _has_dtd(blob):
        raise ParseError(_UNSAFE_DTD)
    return blob


def _has_dtd(blob: bytes) -> bool:
    """A DTD can only stand before the root element, so only that head is searched.

    UTF-16 parts (rare) are searched whole. A DOCTYPE the head search misses (hidden after a
    `<` in a comment) still cannot act: entities are off, and `_parse_xml` refuses it.
    """
    if blob[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in blob[:4]:
        return any(marker in blob for marker in _DTD_MARKERS)
    root = _ROOT_START.search(blob)
    head = blob if root is None else blob[: root.start()]
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head


def _parse_xml(blob: bytes, name: str) -> Element:
    """Parses checked bytes with entities, DTDs and network access off."""
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(blob, parser)
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"{_DAMAGED}: {name} is not well-formed XML ({_one_line(exc)})") from exc
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:  # e.g. hidden by another encoding
        raise ParseError(_UNSAFE_DTD)
    return root


def _optional_blob(archive: zipfile.ZipFile, name: str | None) -> bytes | None:
    if name is None or name not in archive.NameToInfo:
        return None
    return _checked(_read(archive, name))


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


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return (text or type(exc).__name__)[:200]
