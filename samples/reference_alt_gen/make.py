"""Held-out-like documents of the reference layout (TEMPLATES.md family `project_table`), with
golden rows written from their content (truth by construction, never from the extractor).

    samples/reference_alt/<stem>.docx   python-docx, the reference's Word structure
    samples/reference_alt/<stem>.txt    Apache Tika's text of the .docx (samples/tika_render.py)
    samples/reference_alt/<stem>.pdf    the .docx printed by LibreOffice (samples/make_pdfs.py)
    tests/golden/reference_alt/<stem>/<dataset>.json

Eight whole 部门绩效目标 documents (part one: 总体绩效目标, 分项绩效目标, 工作保障措施; part
two: one 绩效目标表 per project) by other departments, years and authors than the seed; the
contents are in docs_a.py and docs_b.py, what each one varies in their `about` lines (printed
when this runs). Before anything is written, every expected text value is looked up in the
.docx (python-docx), the .txt and the PDF (pdfplumber), the PDF must show exactly the .docx's
text, and page breaks must fall where the document says: any failure raises.

Run: `.venv/bin/python samples/reference_alt_gen/make.py` (deterministic: the same bytes on
every run on one machine; the PDFs depend on the installed LibreOffice and fonts).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent
ROOT = SAMPLES.parent
sys.path[:0] = [str(HERE), str(SAMPLES), str(ROOT / "tests")]

from check import check_docx, check_pdf, check_txt, expected  # noqa: E402
from docs_a import DOCS_A  # noqa: E402
from docs_b import DOCS_B  # noqa: E402
from make_pdfs import convert, normalize, soffice  # noqa: E402
from render import render_docx  # noqa: E402
from tika_render import render as tika_text  # noqa: E402

from golden import DATASETS, rows  # noqa: E402
from golden_io import dump  # noqa: E402

DOCS = DOCS_A + DOCS_B
OUT = SAMPLES / "reference_alt"
GOLDEN = ROOT / "tests" / "golden" / "reference_alt"
DEBUG = Path(tempfile.gettempdir()) / "reference_alt_failed"


def main() -> None:
    stems = [d.stem for d in DOCS]
    assert len(set(stems)) == len(stems), "stems must be distinct"
    assert soffice() is not None, "LibreOffice (soffice) is needed for the PDFs"
    built = {}
    for doc in DOCS:
        data = render_docx(doc)
        golden = rows(doc)
        want = expected(doc, golden)
        txt = tika_text(data)
        check_docx(doc, want, data)
        check_txt(doc, want, txt)
        built[doc.stem] = (doc, data, txt, golden, want)
    pdfs = {
        name: normalize(pdf) for name, pdf in convert({s: b[1] for s, b in built.items()}).items()
    }
    notes = {}
    for stem, (doc, data, _, _, want) in built.items():
        try:
            notes[stem] = check_pdf(doc, want, data, pdfs[stem])
        except AssertionError:
            DEBUG.mkdir(parents=True, exist_ok=True)
            (DEBUG / f"{stem}.pdf").write_bytes(pdfs[stem])
            (DEBUG / f"{stem}.docx").write_bytes(data)
            print(f"{stem}: check failed, its .pdf and .docx are in {DEBUG}", file=sys.stderr)
            raise
    OUT.mkdir(exist_ok=True)
    for old in OUT.iterdir():
        if old.stem not in built:
            old.unlink()
    for stem, (doc, data, txt, golden, _) in built.items():
        (OUT / f"{stem}.docx").write_bytes(data)
        (OUT / f"{stem}.txt").write_bytes(txt.encode("utf-8"))
        (OUT / f"{stem}.pdf").write_bytes(pdfs[stem])
        for name in DATASETS:
            dump(GOLDEN / stem / f"{name}.json", golden[name])
        n_ind = len(golden["indicators"])
        print(f"{stem}: {len(doc.projects)} projects, {n_ind} indicators; {notes[stem]}")
        print(f"    {doc.about}")


if __name__ == "__main__":
    main()
