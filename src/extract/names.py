"""Paths as shown in one-line messages: control characters escaped, the data left exact.

A file may be named `bad\nname.pdf`; printed as it is, the newline splits `failed: NAME:
reason` over two lines and a log reader miscounts. Messages show `bad\\nname.pdf`;
`documents.source_path` and `files.source_path` keep the exact name.
"""

from __future__ import annotations

import unicodedata
from os import PathLike

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown(path: str | PathLike[str]) -> str:
    text = str(path)
    if text.isprintable():
        return text
    return "".join(_escape(ch) for ch in text)


def _escape(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs"):
        code = ord(ch)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return ch
