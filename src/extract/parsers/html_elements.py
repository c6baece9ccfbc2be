"""What HTML elements mean to a reader: shown or not, block or inline, page furniture.

Kept apart from the walker so the rules a reader applies (what is never text, what is a
menu or a footer) read as data.
"""

from __future__ import annotations

import re
from typing import Any

Element = Any  # lxml ships no type stubs

# Elements whose content is never shown as text.
IGNORED = frozenset(
    {
        *("head", "title", "meta", "link", "base", "style", "script", "noscript"),
        *("template", "xml", "iframe", "frame", "frameset", "noframes", "object"),
        *("embed", "applet", "param", "svg", "math", "canvas", "audio", "video"),
        *("source", "track", "map", "img", "picture", "input", "select", "option"),
        *("optgroup", "datalist", "textarea", "button", "output", "keygen"),
        *("progress", "meter", "rt", "rp"),
    }
)
BLOCKS = frozenset(
    {
        *("html", "body", "address", "article", "aside", "blockquote", "center", "dd"),
        *("details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption"),
        *("figure", "footer", "form", "header", "hgroup", "hr", "legend", "li", "listing"),
        *("main", "menu", "nav", "ol", "p", "plaintext", "pre", "section", "summary", "ul"),
        *("xmp", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "tr", "td", "th", "thead"),
        *("tbody", "tfoot"),
    }
)
HEADINGS = {f"h{level}": level for level in range(1, 7)}
PREFORMATTED = frozenset({"pre", "listing", "plaintext", "xmp"})
ROW_GROUPS = frozenset({"thead", "tbody", "tfoot"})
CELLS = frozenset({"td", "th"})
TABLE_PARTS = frozenset({"table", "caption", "colgroup", "col", "tr", *ROW_GROUPS, *CELLS})
# Page furniture: by element, or by the words of an id or class name.
_FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside"})
_FURNITURE_WORDS = (
    "navigation",
    "navbar",
    "menu",
    "breadcrumb",
    "crumb",
    "footer",
    "header",
    "sidebar",
    "share",
    "copyright",
    "toolbar",
)
_NAME_TOKEN = re.compile(r"[a-z]+")
_NAME_SEPARATORS = re.compile(r"[_\-]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_INTEGER = re.compile(r"\s*([-+]?\d+)")


def integer(raw: str | None, default: int) -> int:
    """An HTML integer attribute: leading digits with an optional sign, else the default."""
    match = _INTEGER.match(raw or "")
    return default if match is None else int(match.group(1)[:10])


def tag_of(el: Element) -> str | None:
    """The lower-case tag of an element; None for comments and processing instructions."""
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else None


def hidden(el: Element) -> bool:
    """Hidden from readers: the `hidden` attribute or an inline `display:none`."""
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return style is not None and _HIDDEN_STYLE.search(style) is not None


def is_furniture(el: Element, tag: str) -> bool:
    """Menus, headers, footers and the like, by element or by what their names say.

    Names are read with their separators dropped (`bread-crumb`, `tool_bar`), and `nav`
    only as the start or end of a word (`topnav`, `nav1`), since it hides inside others.
    """
    if tag in _FURNITURE_TAGS:
        return True
    for name in f"{el.get('id') or ''} {el.get('class') or ''}".lower().split():
        compact = _NAME_SEPARATORS.sub("", name)
        if any(word in compact for word in _FURNITURE_WORDS):
            return True
        if any(t.startswith("nav") or t.endswith("nav") for t in _NAME_TOKEN.findall(name)):
            return True
    return False


def holds(el: Element, *tags: str) -> bool:
    """Whether `el` holds any of `tags` outside nested tables."""
    for child in el:
        tag = tag_of(child)
        if tag in tags:
            return True
        if tag is not None and tag != "table" and holds(child, *tags):
            return True
    return False
