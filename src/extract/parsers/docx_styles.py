"""Paragraph styles of a Word document, read only as far as the document uses them.

A styles part is often 350 KB (Word's templates carry every built-in style) while a document
uses a handful of them; parsing it whole took longer than the rest of the extraction. So the
part is indexed by a byte scan of its `<w:style …>` start tags, and a style is parsed when a
paragraph first asks for it. A part the scan does not understand (another namespace prefix, an
escaped style id, a style without its end tag) is parsed whole instead, so nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from extract.parsers.docx_ooxml import Element, W, int_val, val

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_MAX_LEVELS = 9
_STYLE_CHAIN_LIMIT = 32  # basedOn chains are short; the limit only stops malicious cycles

_ROOT_TAG = re.compile(rb"<w:styles\b[^>]*>")
_STYLE_TAG = re.compile(rb"<w:style\b([^>]*)>")
_ATTR = re.compile(rb"""\bw:(styleId|type|default)\s*=\s*(["'])(.*?)\2""")
_STYLE_END = b"</w:style>"
_ROOT_END = b"</w:styles>"

Parse = Callable[[bytes], Element]


@dataclass(frozen=True, slots=True)
class _Style:
    name: str
    based_on: str | None
    outline: int | None
    num_id: str | None
    ilvl: int | None


def _style(node: Element) -> _Style:
    ppr = node.find(W + "pPr")
    numpr = ppr.find(W + "numPr") if ppr is not None else None
    return _Style(
        name=val(node.find(W + "name")) or "",
        based_on=val(node.find(W + "basedOn")),
        outline=int_val(ppr.find(W + "outlineLvl")) if ppr is not None else None,
        num_id=val(numpr.find(W + "numId")) if numpr is not None else None,
        ilvl=int_val(numpr.find(W + "ilvl")) if numpr is not None else None,
    )


class Styles:
    """Paragraph styles by id, for heading levels and style-borne numbering.

    `blob` is the styles part, already checked for DTDs; `parse` parses XML bytes safely.
    """

    def __init__(self, blob: bytes | None, parse: Parse) -> None:
        self._blob = blob or b""
        self._parse = parse
        self._styles: dict[str, _Style] = {}
        self._spans: dict[str, tuple[int, int]] = {}
        self._root_tag = b""
        self._complete = blob is None
        self._headings: dict[str | None, int | None] = {}
        self._numbers: dict[str | None, tuple[str | None, int | None]] = {}
        self.default: str | None = None
        if blob is not None and not self._index():
            self._load_all()

    def _index(self) -> bool:
        """Finds every style's byte span and the default paragraph style; False if unsure."""
        blob = self._blob
        root = _ROOT_TAG.search(blob)
        if root is None:
            return False
        self._root_tag = root.group()
        for match in _STYLE_TAG.finditer(blob, root.end()):
            attrs = {m.group(1): m.group(3) for m in _ATTR.finditer(match.group(1))}
            raw_id = attrs.get(b"styleId")
            if raw_id is None:
                continue
            if b"&" in raw_id:
                return False
            if match.group(1).endswith(b"/"):
                end = match.end()
            else:
                close = blob.find(_STYLE_END, match.end())
                if close < 0:
                    return False
                end = close + len(_STYLE_END)
            style_id = raw_id.decode("utf-8", "replace")
            self._spans[style_id] = (match.start(), end)
            if attrs.get(b"type") == b"paragraph" and attrs.get(b"default") in (b"1", b"true"):
                self.default = style_id
        return True

    def _load_all(self) -> None:
        self._styles.clear()
        self._spans.clear()
        self._complete = True
        self.default = None
        for node in self._parse(self._blob).iter(W + "style"):
            style_id = node.get(W + "styleId")
            if style_id is None:
                continue
            self._styles[str(style_id)] = _style(node)
            if node.get(W + "type") == "paragraph" and node.get(W + "default") in ("1", "true"):
                self.default = str(style_id)

    def _get(self, style_id: str) -> _Style | None:
        style = self._styles.get(style_id)
        if style is not None or self._complete:
            return style
        span = self._spans.pop(style_id, None)
        if span is None:
            return None
        start, end = span
        root = self._parse(self._root_tag + self._blob[start:end] + _ROOT_END)
        node = root.find(W + "style")
        if node is None:  # the scan and the parser disagree: trust the parser
            self._load_all()
            return self._styles.get(style_id)
        style = self._styles[style_id] = _style(node)
        return style

    def _chain(self, style_id: str | None) -> list[tuple[str, _Style]]:
        out: list[tuple[str, _Style]] = []
        current = style_id if style_id is not None else self.default
        while current is not None and len(out) < _STYLE_CHAIN_LIMIT:
            style = self._get(current)
            if style is None or any(current == seen for seen, _ in out):
                break
            out.append((current, style))
            current = style.based_on
        return out

    def numbered_styles(self) -> dict[str, str]:
        """numId by style id, for abstractNums that borrow their levels via `numStyleLink`."""
        if not self._complete:
            self._load_all()
        return {sid: s.num_id for sid, s in self._styles.items() if s.num_id is not None}

    def heading_level(self, style_id: str | None) -> int | None:
        """1-based level from the nearest style that sets an outline level or is `Heading N`."""
        if style_id in self._headings:
            return self._headings[style_id]
        level = None
        for sid, style in self._chain(style_id):
            if style.outline is not None:
                level = style.outline + 1 if 0 <= style.outline < _MAX_LEVELS else None
                break
            m = _HEADING_NAME.match(style.name.strip()) or _HEADING_NAME.match(sid)
            if m:
                level = int(m.group(1))
                break
        self._headings[style_id] = level
        return level

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a paragraph of this style inherits; the nearest style wins."""
        found = self._numbers.get(style_id)
        if found is None:
            found = next(
                ((s.num_id, s.ilvl) for _, s in self._chain(style_id) if s.num_id is not None),
                (None, None),
            )
            self._numbers[style_id] = found
        return found
