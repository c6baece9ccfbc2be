"""Hostile and broken input files, built in memory, for the bad-input matrix tests.

Each builder returns the bytes of one file; `MATRIX` names the class, the file name it is fed
under, and what the user must see. Kept apart from the tests so the matrix reads as a table.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pdf"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def zip_archive(members: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _noise(n: int = 4096, seed: int = 1) -> bytes:
    return random.Random(seed).randbytes(n)


def _reference_text() -> str:
    return (SAMPLES / "reference.txt").read_text(encoding="utf-8")


def _document_xml(doctype: str, body: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<w:document xmlns:w="{W_NS}">'
        f"<w:body><w:p><w:r><w:t>{body}</w:t></w:r></w:p></w:body></w:document>"
    )


def laughs_docx() -> bytes:
    entities = '<!ENTITY a "lol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{f"&{chr(97 + i)};" * 10}">' for i in range(9)
    )
    return zip_archive({"word/document.xml": _document_xml(f"<!DOCTYPE d [{entities}]>", "&j;")})


def _external_entity() -> bytes:
    doctype = '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    return zip_archive({"word/document.xml": _document_xml(doctype, "&x;")})


def zip_bomb() -> bytes:
    """A zip of about 1 MB that would expand to 300 MB, written as a stream."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/document.xml", "w", force_zip64=True) as member,
    ):
        chunk = bytes(1 << 20)
        for _ in range(300):
            member.write(chunk)
    return buffer.getvalue()


def _undecidable() -> bytes:
    """Japanese in Shift-JIS: not UTF-8, UTF-16 or GB18030, so never guessed into mojibake."""
    return "これは日本語のテキストです。\n".encode("shift_jis")


@dataclass(frozen=True)
class Case:
    name: str  # the class of bad input, as the issue names it
    filename: str
    build: Callable[[], bytes]
    status: str  # what documents.status must say
    error: str | None  # the start of documents.error (None: no error)


def _reference_docx() -> bytes:
    return (SAMPLES / "reference.docx").read_bytes()


MATRIX: tuple[Case, ...] = (
    Case("empty file", "empty.txt", lambda: b"", "failed", "the file is empty"),
    Case(
        "whitespace-only text",
        "blank.txt",
        lambda: " \n\u3000\n\t\r\n".encode(),
        "failed",
        "the file has no text, only spaces and blank lines",
    ),
    Case("random bytes named .txt", "noise.txt", _noise, "failed", "not a text file"),
    Case("random bytes named .docx", "noise.docx", _noise, "failed", "not a valid Word file"),
    Case("random bytes named .pdf", "noise.pdf", _noise, "failed", "not a valid PDF file"),
    Case(
        "truncated .docx",
        "cut.docx",
        lambda: _reference_docx()[:15000],
        "failed",
        "not a valid Word file",
    ),
    Case(  # detected by its members, not its name: read as a workbook, which it is not either
        "broken workbook named .docx",
        "sheet.docx",
        lambda: zip_archive({"xl/workbook.xml": "<workbook/>", "[Content_Types].xml": "<Types/>"}),
        "failed",
        "not an Excel workbook",
    ),
    Case(
        "zip that is no Office file",
        "archive.docx",
        lambda: zip_archive({"readme.txt": "hello", "[Content_Types].xml": "<Types/>"}),
        "failed",
        "not a Word document",
    ),
    Case(
        ".doc renamed .docx",
        "legacy.docx",
        lambda: OLE + bytes(4096),
        "failed",
        "legacy Word .doc file",
    ),
    Case("zip bomb", "bomb.docx", zip_bomb, "failed", "unsafe Word file: it would unpack"),
    Case("XML entity expansion", "laughs.docx", laughs_docx, "failed", "unsafe Word file: XML"),
    Case("XML external entity", "xxe.docx", _external_entity, "failed", "unsafe Word file: XML"),
    Case(
        "password-protected .docx",
        "password.docx",
        lambda: OLE + bytes(512) + "EncryptedPackage".encode("utf-16-le") + bytes(512),
        "failed",
        "password-protected Word file",
    ),
    Case(
        "encrypted PDF",
        "encrypted.pdf",
        lambda: (FIXTURES / "encrypted.pdf").read_bytes(),
        "failed",
        "password-protected PDF",
    ),
    Case(
        "scanned PDF",
        "scanned.pdf",
        lambda: (FIXTURES / "scanned.pdf").read_bytes(),
        "failed",
        "scanned PDF",
    ),
    Case("GBK text", "gbk.txt", lambda: _reference_text().encode("gbk"), "ok", None),
    Case(
        "GB18030 text",
        "gb18030.txt",  # a character outside GBK (four bytes in GB18030) in a last note
        lambda: (_reference_text() + "\n附注：𠀀\n").encode("gb18030"),
        "ok",
        None,
    ),
    Case("UTF-16 with BOM", "utf16.txt", lambda: _reference_text().encode("utf-16"), "ok", None),
    Case(
        "UTF-8 with BOM", "utf8bom.txt", lambda: _reference_text().encode("utf-8-sig"), "ok", None
    ),
    Case(
        "mixed CRLF/LF",
        "crlf.txt",
        lambda: "".join(
            line + ("\r\n" if i % 2 else "\n")
            for i, line in enumerate(_reference_text().split("\n"))
        ).encode(),
        "ok",
        None,
    ),
    Case(
        "undecidable encoding",
        "undecided.txt",
        _undecidable,
        "failed",
        "cannot decide the text encoding",
    ),
    Case(
        "no project tables",
        "part_one.txt",
        lambda: "一、总体绩效目标\n保障运转。\n三、工作保障措施\n完善制度。制定制度。\n".encode(),
        "ok",
        None,
    ),
    Case(  # contract v2: readable, holds no targets -> ok, 0 projects, a no_target_tables note
        "no targets",
        "notice.txt",
        lambda: "关于印发预算的通知\n请各单位认真执行。\n".encode(),
        "ok",
        None,
    ),
)


def long_pdf(n_pages: int) -> bytes:
    """A valid PDF of `n_pages` pages, each a heading and a small ruled 3x3 table.

    Written object by object (no PDF library needed): every page shares one content stream
    and the standard Helvetica font, so 2,000 pages take well under a megabyte.
    """
    content = [b"BT /F1 12 Tf 72 760 Td (Long document) Tj ET", b"0.5 w"]
    for i in range(4):  # a 3x3 grid of ruling lines
        y = 700 - 20 * i
        content.append(f"72 {y} m 372 {y} l S".encode())
        x = 72 + 100 * i
        content.append(f"{x} 700 m {x} 640 l S".encode())
    for r in range(3):
        for c in range(3):
            x, y = 80 + 100 * c, 686 - 20 * r
            content.append(f"BT /F1 10 Tf {x} {y} Td (cell {r}{c}) Tj ET".encode())
    stream = b"\n".join(content)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, filled in below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    first_page = len(objects) + 1
    kids = " ".join(f"{first_page + i} 0 R" for i in range(n_pages)).encode()
    objects[1] = b"<< /Type /Pages /Count %d /Kids [" % n_pages + kids + b"] >>"
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
        b" /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    )
    objects.extend(page for _ in range(n_pages))
    return pdf_of(objects)


def pdf_of(objects: list[bytes]) -> bytes:
    """A PDF file of these objects, numbered from 1 (the first is the catalog), with its
    cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
