"""The safety checks every Office Open XML package (.docx, .xlsx) gets before it is read.

Input files come from mail attachments and downloads, so a package is treated as hostile: the
zip directory is checked for bombs before a byte is inflated, reads stop at each member's
declared size, and XML is parsed with DTDs, entities and network access off (a DTD is refused
outright). The format parsers only say how their messages name the file (`Wording`).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from extract.model import ParseError

Element = Any  # lxml ships no type stubs

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200
# Small members may compress very well without harm; the ratio only matters for big ones.
RATIO_MIN_BYTES = 1024 * 1024

_ROOT_START = re.compile(rb"<[^?!]")
# Looked for before parsing: libxml2 may choke on an entity payload before we see the DOCTYPE.
_DTD_MARKERS = tuple(
    word.encode(codec)
    for word in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("utf-8", "utf-16-le", "utf-16-be")
)
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError)


@dataclass(frozen=True, slots=True)
class Wording:
    """How one format's messages name its files: `Word file` and its damaged-file reason."""

    kind: str  # "Word file", "Excel file"
    damaged: str  # "not a valid Word file (damaged or not a .docx)"

    @property
    def unsafe_dtd(self) -> str:
        return f"unsafe {self.kind}: XML contains a DTD/entities"


def open_package(data: bytes, wording: Wording) -> zipfile.ZipFile:
    """The archive, its directory already checked for zip bombs."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as exc:
        raise ParseError(f"{wording.damaged}: {one_line(exc)}") from exc
    try:
        check_sizes(archive, wording)
    except ParseError:
        archive.close()
        raise
    return archive


def check_sizes(archive: zipfile.ZipFile, wording: Wording) -> None:
    """Refuses zip bombs from the central directory alone, before inflating a byte.

    Reads are also capped at each member's declared size (zipfile stops there and checks the
    CRC), so a directory that lies about sizes cannot get past this either.
    """
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if total > MAX_UNPACKED_BYTES:
            limit = MAX_UNPACKED_BYTES // (1024 * 1024)
            raise ParseError(f"unsafe {wording.kind}: it would unpack to more than {limit} MB")
        if info.file_size >= RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise ParseError(
                f"unsafe {wording.kind}: {info.filename} is compressed more than {MAX_RATIO}:1"
            )


def read_member(archive: zipfile.ZipFile, name: str, wording: Wording) -> bytes:
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
        raise ParseError(f"{wording.damaged}: {name}: {one_line(exc)}") from exc
    return data


def refuse_dtd(blob: bytes, wording: Wording) -> bytes:
    """The blob unchanged, or ParseError if it declares a DTD (checked before any parsing)."""
    if has_dtd(blob):
        raise ParseError(wording.unsafe_dtd)
    return blob


def has_dtd(blob: bytes) -> bool:
    """A DTD can only stand before the root element, so only that head is searched.

    UTF-16 parts (rare) are searched whole. A DOCTYPE the head search misses (hidden after a
    `<` in a comment) still cannot act: entities are off, and `parse_xml` refuses it.
    """
    if blob[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in blob[:4]:
        return any(marker in blob for marker in _DTD_MARKERS)
    root = _ROOT_START.search(blob)
    head = blob if root is None else blob[: root.start()]
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head


def safe_parser() -> Any:
    """An lxml parser with entities, DTDs and network access off."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(blob: bytes, name: str, wording: Wording) -> Element:
    """Parses bytes `refuse_dtd` has passed, with entities, DTDs and network access off."""
    try:
        root = etree.fromstring(blob, safe_parser())
    except etree.XMLSyntaxError as exc:
        raise ParseError(
            f"{wording.damaged}: {name} is not well-formed XML ({one_line(exc)})"
        ) from exc
    refuse_doctype(root, wording)
    return root


def refuse_doctype(root: Element, wording: Wording) -> None:
    """A DOCTYPE the byte search missed (hidden by another encoding) is refused after parsing."""
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise ParseError(wording.unsafe_dtd)


def one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return (text or type(exc).__name__)[:200]
