"""PDF samples: the .docx samples printed by LibreOffice, and bad PDFs for the parser's tests.

make_samples.main calls `write_pdfs` with the documents it rendered. LibreOffice
(`soffice --headless --convert-to pdf`) runs with a throw-away profile, so it runs next to any
other LibreOffice and never reads a user's settings, and with TZ=UTC, so the time stamp it
writes always has the same form. That stamp (/CreationDate) and the trailer's /ID and
/DocChecksum change on every run; `normalize` overwrites them with fixed values of the same
length, so the cross-reference offsets stay valid and the bytes are the same on every run on
one machine (another machine's fonts or LibreOffice version give other, equally stable, bytes).

Every PDF is checked before it is written: it must show the reference's visible text (what
its .docx adds, such as repeated labels, aside), the footer `— N —` on every page, and for the
pagebreak variants an indicator table split across two pages, repeating its header row or not.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pdfplumber
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
FIXED_DATE = b"20210128090000"  # D:YYYYMMDDHHmmSS, the samples' date
DATE = re.compile(rb"/(?:CreationDate|ModDate)\s*\(D:(\d{14})")
TRAILER_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")
ANY_DATE = re.compile(rb"D:(\d{14})")
FOOTER = re.compile(r"^—\s*(\d+)\s*—$")
HEADER = re.compile(r"^第\s*(\d+)\s*页\s*共\s*(\d+)\s*页$")
SOFFICE_TIMEOUT = 900  # seconds for one batch; the 40-project document takes the longest

SCAN_DPI = 100
SCAN_PAGES = 2
PASSWORD = "secret"
OWNER_PASSWORD = "owner"


def _options(**values: bool | int | str) -> str:
    """writer_pdf_Export's filter options in the JSON form `--convert-to` accepts."""
    kinds = {bool: "boolean", int: "long", str: "string"}
    spec = {
        key: {"type": kinds[type(value)], "value": str(value).lower() if value is True else value}
        for key, value in values.items()
    }
    return "pdf:writer_pdf_Export:" + json.dumps(spec, separators=(",", ":"))


# A user password: nothing opens without it.
ENCRYPT = _options(EncryptFile=True, DocumentOpenPassword=PASSWORD)
# Only an owner password (restrictions): any reader opens it without asking.
OWNER_ONLY = _options(
    RestrictPermissions=True,
    PermissionPassword=OWNER_PASSWORD,
    Printing=0,
    Changes=0,
    EnableCopyingOfContent=False,
)


@dataclass(frozen=True)
class SplitTable:
    """A table expected to start on one page and continue on the next."""

    title: str  # the paragraph just above the table's document section
    rows: list[list[str]]  # the table's cell texts, header row first
    repeat_header: bool


@dataclass(frozen=True)
class PdfSample:
    target: Path  # the .pdf to write
    docx: bytes  # what LibreOffice prints
    text: str  # the .docx's visible body text
    header: bool = False  # `第 N 页 共 M 页` on every page
    split: SplitTable | None = None


# --- LibreOffice ----------------------------------------------------------------------------


def soffice() -> str | None:
    return shutil.which("soffice")


def cannot_print() -> str | None:
    """Why LibreOffice cannot print our samples here, or None. Without a CJK font it draws
    every Chinese character as the one missing glyph, and the PDF's text layer maps them all to
    one character (`主主主主`): a document no template reads, useless to measure or check."""
    if soffice() is None:
        return "soffice (LibreOffice) is not installed"
    fonts = shutil.which("fc-list")
    if fonts is not None:
        listed = subprocess.run([fonts, ":lang=zh", "family"], capture_output=True, text=True)
        if not listed.stdout.strip():
            return "LibreOffice has no CJK font here (Debian: apt-get install fonts-noto-cjk)"
    return None


def convert(sources: Mapping[str, bytes], export: str = "pdf") -> dict[str, bytes]:
    """{name: .docx bytes} -> {name: PDF bytes}, in one LibreOffice run with a fresh profile."""
    problem = cannot_print()
    if problem is not None:
        raise SystemExit(f"cannot print PDFs: {problem}")
    exe = soffice()
    assert exe is not None
    with tempfile.TemporaryDirectory(prefix="make_pdfs_") as tmp:
        root = Path(tmp)
        (root / "in").mkdir()
        inputs = []
        for name, data in sources.items():
            path = root / "in" / f"{name}.docx"
            path.write_bytes(data)
            inputs.append(str(path))
        command = [
            exe,
            f"-env:UserInstallation={(root / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            export,
            "--outdir",
            str(root / "out"),
            *inputs,
        ]
        env = {**os.environ, "TZ": "UTC"}
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=SOFFICE_TIMEOUT, env=env, check=False
        )
        out = {}
        for name in sources:
            pdf = root / "out" / f"{name}.pdf"
            if not pdf.is_file():
                raise RuntimeError(f"LibreOffice made no PDF of {name}:\n{done.stderr}")
            out[name] = pdf.read_bytes()
        return out


def normalize(pdf: bytes) -> bytes:
    """Fixed time stamps and a content-derived /ID and /DocChecksum, all of the same length."""
    dated, n_dates = DATE.subn(lambda m: m.group(0)[:-14] + FIXED_DATE, pdf)
    assert n_dates, "no /CreationDate found: has LibreOffice's output changed?"
    blank = _stamp(dated, b"0" * 32)
    digest = hashlib.md5(blank).hexdigest().upper().encode()  # an identifier, not security
    out = _stamp(dated, digest)
    assert TRAILER_ID.search(out), "no trailer /ID found: has LibreOffice's output changed?"
    stamps = {m.group(1) for m in ANY_DATE.finditer(out)}
    assert stamps == {FIXED_DATE}, f"other time stamps left: {stamps}"
    assert b"/Metadata" not in out, "XMP metadata (with its own dates) is not normalized"
    return out


def _stamp(data: bytes, digest: bytes) -> bytes:
    buf = bytearray(data)
    for pattern in (TRAILER_ID, CHECKSUM):
        for m in pattern.finditer(data):
            for group in range(1, (m.lastindex or 0) + 1):
                start, end = m.span(group)
                buf[start:end] = digest[: end - start].ljust(end - start, b"0")
    return bytes(buf)


# --- checks ---------------------------------------------------------------------------------


def page_texts(pdf: bytes, password: str | None = None) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf), password=password) as doc:
        return [page.extract_text() or "" for page in doc.pages]


def body_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if not FOOTER.match(line) and not HEADER.match(line)]


def check_furniture(pages: list[str], header: bool) -> None:
    total = len(pages)
    for number, text in enumerate(pages, 1):
        lines = [line.strip() for line in text.splitlines()]
        footers = [m for m in map(FOOTER.match, lines) if m]
        assert [int(m.group(1)) for m in footers] == [number], f"footer of page {number}"
        headers = [(int(m.group(1)), int(m.group(2))) for m in map(HEADER.match, lines) if m]
        assert headers == ([(number, total)] if header else []), f"header of page {number}"


def chars(texts: Iterable[str]) -> Counter[str]:
    return Counter(c for text in texts for c in text if not c.isspace())


def check_text(pages: list[str], expected: Counter[str], repeated: Counter[str]) -> int:
    """The body shows `expected` plus `repeated` some whole number of times, which it returns."""
    got = chars(line for page in pages for line in body_lines(page))
    missing, extra = expected - got, got - expected
    assert not missing, f"missing from the PDF: {''.join(sorted(missing.elements()))}"
    times = sum(extra.values()) // max(1, sum(repeated.values()))
    scaled = Counter({c: n * times for c, n in repeated.items()})
    assert extra == scaled, f"extra text in the PDF: {''.join(sorted(extra.elements()))}"
    return times


def _flat(cell: str | None) -> str:
    return re.sub(r"\s+", "", cell or "")


def check_split(pdf: bytes, split: SplitTable) -> str:
    """Where the table breaks: rows on both pages, the header repeated as asked."""
    title = _flat(split.title)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        pages = [_flat(page.extract_text()) for page in doc.pages]
        first = next(k for k, text in enumerate(pages) if title in text)
        before = doc.pages[first].extract_tables()[-1]
        after = doc.pages[first + 1].extract_tables()[0]
    want = [[_flat(cell) for cell in row] for row in split.rows]
    got_before = [[_flat(cell) for cell in row] for row in before]
    got_after = [[_flat(cell) for cell in row] for row in after]
    assert got_before[0] == want[0], "the table does not start on the title's page"
    repeated = got_after[0] == want[0]
    assert repeated == split.repeat_header, f"header row repeated: {repeated}"
    rows = got_before[1:] + got_after[1 if repeated else 0 :]
    # Column 0 holds vertically merged labels, printed once per page at most; compare the rest.
    assert [r[1:] for r in rows] == [r[1:] for r in want[1:]], "rows lost or split"
    n_before, n_after = len(got_before) - 1, len(rows) - len(got_before) + 1
    assert n_before and n_after, "the page break does not fall inside the table"
    head = " (header row repeated)" if repeated else ""
    return f"break after page {first + 1}: {n_before} rows there, {n_after} on the next{head}"


def n_pages(pdf: bytes, password: str | None = None) -> int:
    with pdfplumber.open(io.BytesIO(pdf), password=password) as doc:
        return len(doc.pages)


# --- writing --------------------------------------------------------------------------------


def write(target: Path, data: bytes, note: str = "", password: str | None = None) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    pages = n_pages(data, password)
    print(f"wrote {target.relative_to(ROOT)} ({len(data)} bytes, {pages} pages){note}")


def write_pdfs(samples: list[PdfSample], reference: PdfSample, fixtures: Path) -> None:
    """Prints every sample, checks it against the reference's PDF, writes it; then fixtures."""
    problem = cannot_print()
    if problem is not None:
        print(f"PDF samples not regenerated: {problem}")
        return
    everything = [reference, *samples]
    names = {sample.target.stem for sample in everything}
    assert len(names) == len(everything), "PDF samples need distinct file names"
    pdfs = convert({s.target.stem: s.docx for s in everything})
    pdfs = {name: normalize(pdf) for name, pdf in pdfs.items()}
    ref_pdf = pdfs[reference.target.stem]
    ref_pages = page_texts(ref_pdf)
    check_furniture(ref_pages, reference.header)
    check_text(ref_pages, chars([reference.text]), Counter())
    baseline = chars(line for page in ref_pages for line in body_lines(page))
    checked = {reference.target: (ref_pdf, "")}
    for sample in samples:
        pdf = pdfs[sample.target.stem]
        pages = page_texts(pdf)
        check_furniture(pages, sample.header)
        # What the .docx adds to the reference's text (repeated labels, more projects) shows;
        # what it only stores differently (automatic numbers) prints as the reference does.
        expected = baseline + (chars([sample.text]) - chars([reference.text]))
        header_row = chars(sample.split.rows[0]) if sample.split else Counter()
        repeats = check_text(pages, expected, header_row)
        note = ""
        if sample.split:
            note = "; " + check_split(pdf, sample.split)
            assert (repeats > 0) == sample.split.repeat_header
        checked[sample.target] = (pdf, note)
    for target, (pdf, note) in checked.items():
        write(target, pdf, note)
    write_fixtures(reference, ref_pdf, fixtures)


# --- bad inputs for the parser's tests ------------------------------------------------------


def scanned(pdf: bytes) -> bytes:
    """The first pages as grey images only, as a scanner makes them: no text, no fonts."""
    with tempfile.TemporaryDirectory(prefix="make_pdfs_") as tmp:
        source = Path(tmp) / "in.pdf"
        source.write_bytes(pdf)
        command = ["pdftoppm", "-r", str(SCAN_DPI), "-gray", "-png", "-l", str(SCAN_PAGES)]
        subprocess.run([*command, str(source), f"{tmp}/page"], check=True, timeout=120)
        images = [Image.open(path).convert("L") for path in sorted(Path(tmp).glob("page*.png"))]
    assert len(images) == SCAN_PAGES
    out = io.BytesIO()
    stamp = datetime(2021, 1, 28, 9, 0, 0).timetuple()
    images[0].save(
        out,
        "PDF",
        save_all=True,
        append_images=images[1:],
        resolution=float(SCAN_DPI),
        quality=60,
        title="扫描件（样例）",
        creationDate=stamp,
        modDate=stamp,
    )
    return out.getvalue()


def write_fixtures(reference: PdfSample, ref_pdf: bytes, folder: Path) -> None:
    """scanned.pdf always (deterministic); the encrypted ones only when missing: encryption
    draws a random document ID and key, so every run would give other bytes for no reason."""
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (poppler-utils): scanned.pdf not regenerated")
    else:
        data = scanned(ref_pdf)
        with pdfplumber.open(io.BytesIO(data)) as doc:
            assert not any(page.chars for page in doc.pages), "a scan has no text layer"
        write(folder / "scanned.pdf", data, "; images only")
    for name, export, password in (
        ("encrypted.pdf", ENCRYPT, PASSWORD),
        ("owner_only.pdf", OWNER_ONLY, None),
    ):
        target = folder / name
        if target.exists():
            print(f"kept {target.relative_to(ROOT)} (encrypted: made once)")
            continue
        data = convert({"reference": reference.docx}, export)["reference"]
        if password:
            try:
                page_texts(data)
            except Exception:  # pdfplumber wraps pdfminer's password error
                pass
            else:
                raise AssertionError(f"{name} opens without its password")
        assert "第一部分" in page_texts(data, password)[0], f"{name} does not read back"
        note = f"; user password {password!r}" if password else "; owner password only"
        write(target, data, note, password)
