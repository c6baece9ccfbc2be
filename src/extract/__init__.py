"""extract: Chinese budget performance-target documents to analysis-ready datasets.

`extract.load(OUT)` is the notebook entry point and `extract.report(OUT)` writes the HTML
quality report; both are imported lazily so that the command line does not pay for pandas when
it does not need it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "load", "report"]

if TYPE_CHECKING:
    from extract.api import load
    from extract.reporting import report


def __getattr__(name: str) -> Any:
    if name == "load":
        from extract.api import load as _load

        return _load
    if name == "report":
        from extract.reporting import report as _report

        return _report
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
