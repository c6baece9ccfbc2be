"""The HTML quality report of an output folder: `extract report OUT` and `extract.report(OUT)`.

The report reads OUT through `extract.load`, like any notebook, so it shows exactly what the
datasets hold. It is one self-contained file (inline CSS and SVG, no script, no network), so it
can be mailed to a finance reviewer or archived next to the data and still open years later.
`gather` collects the facts, `page` and `charts` turn them into markup, in Chinese (the
default) or English with every string taken from `messages`.
"""

from __future__ import annotations

import os
from pathlib import Path

from extract.api import load
from extract.reporting.gather import ReportFacts, gather
from extract.reporting.messages import LANGS, Text
from extract.reporting.page import render
from extract.writers import write_file

__all__ = ["LANGS", "REPORT_NAME", "ReportFacts", "gather", "render", "report"]

REPORT_NAME = "report.html"


def report(
    out: str | os.PathLike[str],
    output: str | os.PathLike[str] | None = None,
    lang: str = "zh",
) -> Path:
    """Write the report of OUT to `output` (default `OUT/report.html`) and return its path.

    `lang` is `zh` (Chinese, the default) or `en` (English); another raises ValueError before
    anything is read. Written beside and renamed into place, so a reader never sees half a page.
    """
    Text(lang)  # an unknown language fails here, not after the datasets are loaded
    source = Path(out)
    facts = gather(load(source))
    target = Path(output) if output is not None else source / REPORT_NAME
    page = render(facts, str(source), lang)
    write_file(target, page.encode("utf-8"))
    return target
