"""Field accuracy of the extractor on sample families, against their golden rows.

`.venv/bin/python samples/score.py declaration_form declaration_form_alt …` prints, per family
and format, the share of golden fields (row × column, rows matched by position) the extraction
gets exactly right, the way held-out documents are scored; the golden test only says pass or
fail. Missing and extra rows count their fields as wrong.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from extract.pipeline import InputFile, extract_file  # noqa: E402
from extract.schema import DATASETS  # noqa: E402
from golden_io import comparable, load  # noqa: E402

CONTENT = [name for name in DATASETS if name != "issues"]


def score(path: Path, golden: Path) -> tuple[int, int]:
    result = extract_file(
        InputFile(path, path.name), year=None, extracted_at=datetime(2026, 1, 1, tzinfo=UTC)
    )
    right = total = 0
    for name in CONTENT:
        expected = load(golden / f"{name}.json")
        got = comparable(result.rows.get(name, []), name)
        if name == "documents":
            for row in got:
                row.pop("n_issues", None)
        for i in range(max(len(expected), len(got))):
            want = expected[i] if i < len(expected) else {}
            have = got[i] if i < len(got) else {}
            for key in set(want) | set(have):
                total += 1
                right += want.get(key) == have.get(key)
    return right, total


def scanned_goldens() -> dict[Path, Path]:
    """Each scanned sample (`make_scans.py`) with the golden of the text PDF it is a scan of."""
    sys.path.insert(0, str(ROOT / "samples"))
    from make_scans import MIXED, SCANS

    def golden(source: str) -> Path:
        family, _, name = source.rpartition("/")
        stem = name.removesuffix(".pdf")
        return ROOT / "tests" / "golden" / (family or stem) / (stem if family else "")

    out = {ROOT / "samples" / "scanned" / f"{n}.pdf": golden(s.source) for n, s in SCANS.items()}
    for name, (scan, _) in MIXED.items():
        out[ROOT / "samples" / "scanned" / f"{name}.pdf"] = golden(SCANS[scan].source)
    return out


def main(families: list[str]) -> None:
    for family in families:
        if family == "scanned":
            right_all = total_all = 0
            for path, golden in scanned_goldens().items():
                right, total = score(path, golden)
                right_all += right
                total_all += total
                print(f"{'scanned':<22} {path.stem:<26} {right / total:.4f}  ({right}/{total})")
            print(f"{'scanned':<22} {'all':<26} {right_all / total_all:.4f}")
            continue
        per_format: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for golden in sorted((ROOT / "tests" / "golden" / family).glob("*/")):
            for path in sorted((ROOT / "samples" / family).glob(f"{golden.name}.*")):
                right, total = score(path, golden)
                per_format[path.suffix][0] += right
                per_format[path.suffix][1] += total
        for suffix, (right, total) in sorted(per_format.items()):
            print(f"{family:<22} {suffix:<6} {right / total:.4f}  ({right}/{total} fields)")


if __name__ == "__main__":
    main(sys.argv[1:] or ["declaration_form", "declaration_form_alt", "flat_sheet", "narrative"])
