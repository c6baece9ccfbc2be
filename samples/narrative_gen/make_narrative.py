"""Writes the narrative samples (上海 部门预算 with 七、项目经费情况说明) and the no-target samples
(a 部门决算, a 部门预算 without targets, a notice) as .docx and .pdf, with their golden rows.

    samples/narrative/<name>.docx|.pdf        tests/golden/narrative/<name>/<dataset>.json
    samples/no_targets/<name>.docx|.pdf       tests/golden/no_targets/<name>/<dataset>.json

The golden rows come from the same content spec the documents are written from (truth by
construction), never from running the extractor. The .docx files are checked with python-docx
and the PDFs (printed by LibreOffice, as samples/make_pdfs.py does) with pdfplumber before
anything is written. Deterministic: the same bytes on every run on one machine.

Run: `.venv/bin/python samples/narrative_gen/make_narrative.py`
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent
ROOT = SAMPLES.parent
sys.path[:0] = [str(HERE), str(SAMPLES), str(ROOT / "tests")]

from check import check_docx, check_pdf, check_spec  # noqa: E402
from make_pdfs import convert, normalize, soffice  # noqa: E402
from narrative_docs import DOCS as NARRATIVE  # noqa: E402
from no_target_docs import DOCS as NO_TARGETS  # noqa: E402
from render import render  # noqa: E402
from spec import DocSpec  # noqa: E402

from golden import DATASETS, expected  # noqa: E402
from golden_io import dump  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"


def main() -> None:
    specs: list[DocSpec] = [*NARRATIVE, *NO_TARGETS]
    assert len({s.name for s in specs}) == len(specs), "sample names must differ"
    docs: dict[str, bytes] = {}
    rows = {}
    notes: dict[str, str] = {}
    for spec in specs:
        check_spec(spec)
        data = render(spec)
        assert render(spec) == data, f"{spec.name}: .docx bytes differ between two renderings"
        rows[spec.name] = expected(spec)
        notes[spec.name] = check_docx(data, spec, rows[spec.name])
        docs[spec.name] = data
    if soffice() is None:
        raise SystemExit("soffice not found: the PDFs cannot be printed")
    pdfs = {name: normalize(pdf) for name, pdf in convert(docs).items()}
    for spec in specs:
        notes[spec.name] += "; " + check_pdf(pdfs[spec.name], spec, rows[spec.name])
    for spec in specs:
        folder = SAMPLES / spec.family
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{spec.name}.docx").write_bytes(docs[spec.name])
        (folder / f"{spec.name}.pdf").write_bytes(pdfs[spec.name])
        for dataset in DATASETS:
            dump(GOLDEN / spec.family / spec.name / f"{dataset}.json", rows[spec.name][dataset])
        n = len(rows[spec.name]["projects"])
        print(
            f"wrote samples/{spec.family}/{spec.name}.docx|.pdf ({n} projects): {notes[spec.name]}"
        )


if __name__ == "__main__":
    main()
