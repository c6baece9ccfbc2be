"""extract: Chinese budget performance-target documents to analysis-ready datasets.

`extract.load(OUT)` is the notebook entry point, `extract.report(OUT)` writes the HTML quality
report and `extract.history(OUT)` follows projects across years; all are imported lazily so
that the command line does not pay for pandas when it does not need it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "history", "load", "read_dataset", "report"]

if TYPE_CHECKING:
    from extract.api import load, read_dataset
    from extract.reporting import report
    from extract.timeline import history

_LAZY = {
    "load": "extract.api",
    "read_dataset": "extract.api",
    "report": "extract.reporting",
    "history": "extract.timeline",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'extract' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    """The lazily imported API too, so `dir(extract)` and tab completion show it."""
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})
