"""Apache Tika's plain text of a .docx, for samples whose Word original we write ourselves.

Tika turns the document into XHTML and its text handler (`XHTMLContentHandler`) writes a TAB
before every `<td>` and a newline after every `<p>`, `<tr>` and `<table>`. A cell is therefore
a TAB, its first paragraph and one line per further paragraph; a table nested in a cell opens
with a second TAB (`\\t\\t`) because its first cell starts right after the outer one's TAB;
merged cells keep no spans (a vertical merge's continuation is an empty cell); a bookmark at a
paragraph's start prints as `[bookmark: name]`. `samples/reference.txt` is real Tika output of
`samples/reference.docx`'s content, and `render(reference.docx)` reproduces it byte for byte
(tests/test_tika_text.py checks it), so renderings of other documents follow the same rules.

Use: `render(docx_bytes) -> str`, or `python samples/tika_render.py FILE.docx > FILE.txt`.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIP = {W + "del", W + "moveFrom", W + "instrText", W + "delText"}


def render(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    out: list[str] = []
    body = root.find(W + "body")
    _blocks(body, out)
    return "".join(out)


def _blocks(parent: Any, out: list[str]) -> None:
    for child in parent:
        if child.tag == W + "p":
            out.append(_paragraph(child) + "\n")
        elif child.tag == W + "tbl":
            _table(child, out)
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                _blocks(content, out)


def _table(tbl: Any, out: list[str]) -> None:
    for tr in tbl.findall(W + "tr"):
        for tc in tr.findall(W + "tc"):
            out.append("\t")
            _blocks(tc, out)
        out.append("\n")
    out.append("\n")


def _paragraph(p: Any) -> str:
    marks = [
        f"[bookmark: {b.get(W + 'name')}]"
        for b in p.iter(W + "bookmarkStart")
        if b.get(W + "name") != "_GoBack"
    ]
    return "".join(marks) + _text(p)


def _text(node: Any) -> str:
    parts: list[str] = []
    for element in node.iter():
        if any(a.tag in _SKIP for a in element.iterancestors()) or element.tag in _SKIP:
            continue
        if element.tag == W + "t" and element.text:
            parts.append(element.text)
        elif element.tag == W + "tab":
            parts.append("\t")
        elif element.tag in (W + "br", W + "cr"):
            parts.append("\n")
    return "".join(parts)


if __name__ == "__main__":
    sys.stdout.write(render(Path(sys.argv[1]).read_bytes()))
