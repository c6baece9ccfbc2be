"""Inline text to lines, whitespace collapsed the way a reader sees the page.

HTML source is wrapped at arbitrary points, so a newline in it is not a line break: it
collapses with the spaces around it into one space, and into nothing between two Chinese
characters (CSS Text's segment-break rule; a space there would split words a Chinese reader
reads whole). `&nbsp;` and the ideographic space are spacing, not content, and collapse too.
Lines end at `<br>` and at block boundaries only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# Spacing characters read as a plain space; a source newline stays "\n" until the line is
# closed, where it decides between a space and nothing.
_SPACES = str.maketrans(
    {
        "\t": " ",
        "\r": "\n",
        "\f": " ",
        "\v": " ",
        "\xa0": " ",
        "\u1680": " ",
        "\u2028": "\n",
        "\u2029": "\n",
        "\u202f": " ",
        "\u205f": " ",
        "\u3000": " ",
        **{chr(code): " " for code in range(0x2000, 0x200B)},
        # Invisible: zero-width spaces and joiners, byte-order marks, soft hyphens.
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
        "\xad": None,
    }
)
_RUN = re.compile(r"[ \n]+")
_WIDE = frozenset({"W", "F"})


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text. `chars` counts its visible characters and `link_chars` those inside
    links: a cell of menu links and a cell of data differ in that share."""

    text: str
    heading_level: int | None = None
    chars: int = 0
    link_chars: int = 0


@dataclass(slots=True)
class CellDraft:
    """A cell placed on its table's grid, its content still lines and tables."""

    row: int
    col: int
    row_span: int
    col_span: int
    items: list[Line | TableDraft]

    def chars(self) -> int:
        """Visible characters, those of nested tables included."""
        return sum(item.chars if isinstance(item, Line) else item.chars() for item in self.items)


@dataclass(slots=True)
class TableDraft:
    """A table read but not yet numbered: numbers follow reading order once all are known."""

    cells: list[CellDraft]
    n_rows: int
    n_cols: int

    def chars(self) -> int:
        return sum(cell.chars() for cell in self.cells)


@dataclass(slots=True)
class Flow:
    """Blocks in reading order: closed lines and tables, plus the line being written."""

    items: list[Line | TableDraft] = field(default_factory=list)
    heading_level: int | None = None
    in_link: int = 0
    preformatted: int = 0
    _parts: list[str] = field(default_factory=list)
    _level: int | None = None
    _chars: int = 0
    _link_chars: int = 0

    def child(self) -> Flow:
        """An empty flow in the same inline context, for content that may be discarded."""
        return Flow(
            heading_level=self.heading_level, in_link=self.in_link, preformatted=self.preformatted
        )

    def text(self, raw: str | None) -> None:
        if not raw:
            return
        if self.preformatted:
            first, *rest = raw.split("\n")
            self._append(first)
            for line in rest:
                self.break_line()
                self._append(line)
        else:
            self._append(raw)

    def _append(self, raw: str) -> None:
        piece = raw.translate(_SPACES)
        if not piece:
            return
        visible = len(piece) - piece.count(" ") - piece.count("\n")
        if visible and not self._chars:
            self._level = self.heading_level
        self._chars += visible
        if self.in_link:
            self._link_chars += visible
        self._parts.append(piece)

    def break_line(self) -> None:
        """Closes the current line; an empty one leaves nothing."""
        if not self._parts:
            return
        text = _collapse("".join(self._parts))
        if text:
            self.items.append(Line(text, self._level, self._chars, self._link_chars))
        self._parts.clear()
        self._level = None
        self._chars = self._link_chars = 0

    def add(self, item: Line | TableDraft) -> None:
        self.break_line()
        self.items.append(item)

    def extend(self, items: list[Line | TableDraft]) -> None:
        self.break_line()
        self.items.extend(items)

    def close(self) -> list[Line | TableDraft]:
        self.break_line()
        return self.items


def _collapse(text: str) -> str:
    return _RUN.sub(lambda run: _joint(run, text), text).strip()


def _joint(run: re.Match[str], text: str) -> str:
    """One space for a whitespace run; none for a source line break between wide characters."""
    if "\n" not in run.group(0):
        return " "
    start, end = run.span()
    if start > 0 and end < len(text) and _wide(text[start - 1]) and _wide(text[end]):
        return ""
    return " "


def _wide(char: str) -> bool:
    """East Asian wide characters (ideographs, full-width punctuation), Hangul excepted."""
    return unicodedata.east_asian_width(char) in _WIDE and not 0xAC00 <= ord(char) <= 0xD7A3
