"""extract: Chinese budget performance-target documents to analysis-ready datasets.

`extract.load(OUT)` is the notebook entry point; it is imported lazily so that the command line
does not pay for pandas when it does not need it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "load"]

if TYPE_CHECKING:
    from extract.api import load


def __getattr__(name: str) -> Any:
    if name == "load":
        from extract.api import load as _load

        return _load
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
