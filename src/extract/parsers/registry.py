"""Which parser reads which file: the format table of `formats.py`, parsers imported lazily.

A heavy or broken optional parser never stops the others from loading: it is imported by name
the first time a file of its format comes, and an import failure is that file's one-line error.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from extract.collector import reading
from extract.model import Document, ParseError
from extract.parsers import formats

Parser = Callable[[bytes], Document]

# File names a folder walk picks up.
INPUT_SUFFIXES: frozenset[str] = formats.input_suffixes()


def detect_format(data: bytes, name: str) -> str:
    """The format name (`documents.source_format`) of a file, by content first."""
    return formats.detect(data, name)


def parser_for(fmt: str) -> Parser:
    try:
        target = formats.by_name(fmt).parser
    except KeyError:
        raise ParseError(f"{fmt.upper()} files are not supported") from None
    module_name, _, function = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise ParseError(f"{formats.by_name(fmt).title} files cannot be read here ({exc})") from exc
    parser: Parser = getattr(module, function)
    return parser


@reading
def parse(data: bytes, fmt: str) -> Document:
    """The file's document, read with fewer garbage collections (`collector`)."""
    return parser_for(fmt)(data)
