"""Legacy Word binaries (.doc, WPS Writer .wps) read through LibreOffice, then as .docx.

No Python library reads the Word 97 binary format well, and LibreOffice converts it faithfully
(merged cells, numbering, tracked changes). Each conversion runs `soffice --headless` in its
own session with a throw-away profile folder, so it never touches a user's LibreOffice or waits
on one already open, and under its own timeout, below the batch's per-file one: on timeout the
whole process group is killed, LibreOffice's helper processes included.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from extract.model import Document, ParseError

# Seconds one conversion may take; `EXTRACT_SOFFICE_TIMEOUT` overrides it.
DEFAULT_TIMEOUT = 90.0
_CANDIDATES = (
    "soffice",
    "libreoffice",
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)
_MISSING = (
    "legacy Word/WPS file: reading it needs LibreOffice (Debian: apt-get install "
    "libreoffice-writer-nogui), or save it as .docx"
)


def soffice() -> str | None:
    """The LibreOffice executable, if one is installed."""
    for candidate in _CANDIDATES:
        found = shutil.which(candidate)
        if found is not None:
            return found
    return None


def _timeout() -> float:
    try:
        return float(os.environ.get("EXTRACT_SOFFICE_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


def convert(data: bytes, suffix: str, target: str) -> bytes:
    """`data` (a file ending in `suffix`) converted by LibreOffice to the `target` format."""
    exe = soffice()
    if exe is None:
        raise ParseError(_MISSING)
    with tempfile.TemporaryDirectory(prefix="extract_soffice_") as tmp:
        root = Path(tmp)
        source = root / f"input{suffix}"
        source.write_bytes(data)
        out = root / "out"
        command = [
            exe,
            f"-env:UserInstallation={(root / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(source),
        ]
        _run(command, _timeout(), home=root)
        produced = sorted(out.glob(f"input.{target.split(':')[0]}"))
        if not produced:
            raise ParseError(
                f"LibreOffice could not convert the file to .{target} (damaged or not a "
                "Word/WPS document)"
            )
        return produced[0].read_bytes()


def _run(command: list[str], timeout: float, *, home: Path) -> None:
    env = {**os.environ, "HOME": str(home)}  # nothing of the user's LibreOffice is touched
    with subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, killed as a whole on timeout
        env=env,
    ) as process:
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(process)
            raise ParseError(
                f"LibreOffice took longer than {timeout:g} s to convert the file "
                "(EXTRACT_SOFFICE_TIMEOUT)"
            ) from None
        finally:
            if process.poll() is None:
                _kill_group(process)


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def parse_doc(data: bytes) -> Document:
    """A .doc or .wps, converted to .docx and read by the Word parser."""
    from extract.parsers.docx_parser import parse_docx

    docx = convert(data, ".doc", "docx")
    doc = parse_docx(docx)
    return Document(
        blocks=doc.blocks,
        source_format="doc",
        encoding=doc.encoding,
        notes=(*doc.notes, "converted to .docx with LibreOffice"),
        n_pages=doc.n_pages,
        unread=doc.unread,
        n_pages_parsed=doc.n_pages_parsed,
        ocr_pages=doc.ocr_pages,
    )
