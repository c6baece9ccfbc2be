"""WordprocessingML names and attribute readers shared by the Word modules."""

from __future__ import annotations

from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
Element = Any  # lxml ships no type stubs


def val(node: Element | None, name: str = "val") -> str | None:
    """The `w:val` (or other `w:` attribute) of an optional element."""
    if node is None:
        return None
    value = node.get(W + name)
    return None if value is None else str(value)


def int_val(node: Element | None, default: int | None = None, name: str = "val") -> int | None:
    raw = val(node, name)
    if raw is None:
        return default
    try:
        return int(raw.strip())
    except ValueError:
        return default
