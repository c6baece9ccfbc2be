"""The reference content as legacy Word binaries: samples/reference.doc and samples/reference.wps.

LibreOffice writes the Word 97 binary (`--convert-to doc`); the .wps is the Word 97 binary of
another rendering of the same content (samples/variants/nested.docx) under the name Kingsoft
WPS Writer gives its files, which use the same binary format. Their bytes carry LibreOffice's
time stamps, so they are made once and only remade when missing.

Run: `.venv/bin/python samples/make_legacy.py` (skipped with a message without `soffice`).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGETS = {
    HERE / "reference.doc": HERE / "reference.docx",
    HERE / "reference.wps": HERE / "variants" / "nested.docx",
}


def main() -> None:
    exe = shutil.which("soffice")
    if exe is None:
        print("make_legacy: soffice not found, .doc/.wps samples not made", file=sys.stderr)
        return
    for target, source in TARGETS.items():
        if target.exists():
            continue
        with tempfile.TemporaryDirectory() as tmp:
            profile = Path(tmp, "profile").as_uri()
            command = [exe, f"-env:UserInstallation={profile}", "--headless"]
            command += ["--convert-to", "doc", "--outdir", tmp, str(source)]
            subprocess.run(command, check=True, capture_output=True, timeout=300)
            shutil.copy(Path(tmp, source.stem + ".doc"), target)
        print(f"make_legacy: wrote {target.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
