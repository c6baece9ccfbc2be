"""What the bench scripts share: timing in turns, cache clearing, distinct document copies.

Bench scripts run as `python bench/NAME.py`, so this folder is on sys.path and they import
this module by its plain name.
"""

from __future__ import annotations

import gc
import importlib
import io
import re
import statistics
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from extract.normalizers import text as text_module
from extract.normalizers.labels import classify_level1, classify_level2, label_key
from extract.normalizers.values import parse_value
from extract.pipeline import FileResult, InputFile, extract_file
from extract.recognize.chooser import recognizer

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXTRACTED_AT = datetime(2021, 1, 28, tzinfo=UTC)
# A project code is `13030421` (region + year) and 13 characters; the 4 after the prefix are
# replaced per copy, which keeps the codes of one document distinct from each other.
CODE = re.compile(rb"(?<=13030421)[A-Z0-9]{4}(?=[A-Z0-9]{9}\b)")
_UNIT = "(本级)".encode()

T = TypeVar("T")


@dataclass
class Timing:
    best: float  # seconds, per document or per page as the caller divides
    median: float


def clear_caches() -> None:
    """Text and label caches emptied, so no document is timed on what an earlier one left."""
    label_key.cache_clear()
    text_module._clean.cache_clear()
    parse_value.cache_clear()
    classify_level1.cache_clear()
    classify_level2.cache_clear()
    recognizer().clear_caches()


def extract_cold(path: Path, name: str) -> FileResult:
    """The whole extraction of one file (no writing), as if it were the first of a run."""
    clear_caches()
    return extract_file(InputFile(path, name), year=None, extracted_at=EXTRACTED_AT)


def time_methods(
    methods: dict[str, Callable[[T], object]], sample: T, repeats: int, per: float = 1.0
) -> dict[str, Timing]:
    """Best and median of `repeats`, the methods taking turns so that a slow moment of the
    machine hits all of them; each time divided by `per` (pages, say)."""
    for method in methods.values():  # warm imports, caches, lazily loaded modules
        method(sample)
    times: dict[str, list[float]] = {name: [] for name in methods}
    for _ in range(repeats):
        for name, method in methods.items():
            gc.collect()
            start = time.perf_counter()
            method(sample)
            times[name].append((time.perf_counter() - start) / per)
    return {name: Timing(min(t), statistics.median(t)) for name, t in times.items()}


def base36(n: int, width: int = 4) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    for _ in range(width):
        n, r = divmod(n, 36)
        out = digits[r] + out
    return out


def distinct_docx(data: bytes, i: int) -> bytes:
    """The same Word document with its own project codes and unit name, so its own doc_id."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            member = src.read(info.filename)
            if info.filename == "word/document.xml":
                member = CODE.sub(base36(i).encode(), member)
                member = member.replace(_UNIT, f"(本级{i})".encode())
            dst.writestr(info, member, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
    return out.getvalue()


def load_sample_module(name: str) -> ModuleType:
    """A module of samples/ (make_samples, make_pdfs), which is not a package."""
    sys.path.insert(0, str(SAMPLES))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(SAMPLES))


def status_kib(key: str) -> int | None:
    """A `Vm...:` figure of /proc/self/status in KiB, None where there is no /proc."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None
