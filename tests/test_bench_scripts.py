"""The bench scripts' own machinery still fits the code it measures (no timing is checked:
the benches print figures and assert nothing about them)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_pdf_memory_run_reads_every_page_and_sees_each_one() -> None:
    """bench_pdf's memory child hooks the parser's page reader to note memory page by page:
    a hook that no longer fits the reader's call fails every page, silently."""
    large = ROOT / "samples" / "large" / "40_projects.pdf"
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_pdf.py"), "--child", "parse", str(large)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["pages"] == 42
    assert figures["at_last"] is not None and figures["at_mark"] is not None


def test_the_cli_bench_makes_distinct_documents_that_all_extract() -> None:
    """bench_cli times copies of the text samples: each must be its own document (a copy
    skipped as a duplicate would be timed as nothing) and read as ok."""
    bench = ROOT / "bench" / "bench_cli.py"
    args = ["--small", "2", "--large", "45", "--repeats", "1"]
    done = subprocess.run(
        [sys.executable, str(bench), *args], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert "OUT after the last run: 45 documents, 45 ok" in done.stdout
    assert "at the margin:" in done.stdout
