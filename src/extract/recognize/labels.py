"""Printed labels → the template fields and grid columns they name.

Forms print one label many ways: `项目资金（元）`, `中期市财政预算(万元)`, `项目概况(450字内)`,
`二、自有资金:0万元`, `其中：当年财政拨款`, `指标值(长期)`. A label is tried as printed, then with
a list number, trailing parentheticals, an ignored prefix (`其中`) and a trailing amount unit
removed; what was removed still tells the amount unit and the horizon.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from extract.normalizers import vocab
from extract.normalizers.labels import label_key
from extract.normalizers.text import strip_numbering
from extract.templates import FieldSpec, Vocabulary

_TRAILING_PAREN = regex.compile(r"\s*[（(]([^（）()]*)[）)]\s*$")
_INLINE = regex.compile(r"^(?P<label>[^：:\n]{1,24}?)\s*[：:]\s*(?P<value>.*)$", regex.S)
_AMOUNT_UNITS = sorted(vocab.AMOUNT_UNITS, key=len, reverse=True)
# Per index: label texts recur in every project, values rarely; the bound keeps memory flat.
_CACHE_LIMIT = 20_000


@dataclass(frozen=True, slots=True)
class Hit:
    """A label found in a cell: the field, how the label scopes it, what it said besides."""

    field: FieldSpec
    scope: str  # amounts: year | either | part | project; else ""
    unit: str | None  # an amount unit printed in the label
    horizon: str | None  # horizon words printed in the label
    value: str | None = None  # the value after the colon of an inline `label：value`


def horizon_of(text: str, words: Vocabulary) -> str | None:
    """`long_term` or `annual` when the text holds words of exactly one horizon."""
    found = {h for h, ws in words.horizons.items() if any(w in text for w in ws)}
    return found.pop() if len(found) == 1 else None


def _unit_in(text: str) -> str | None:
    for unit in _AMOUNT_UNITS:
        if unit in text:
            return unit
    return None


def _variants(text: str, prefixes: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """(key, removed text) for the ways a label may be printed, most literal first."""
    yield label_key(text), ""
    base = strip_numbering(text)
    removed: list[str] = []
    forms = [base]
    while (found := _TRAILING_PAREN.search(base)) is not None and found.start() > 0:
        removed.append(found[1])
        base = base[: found.start()]
        forms.append(base)
    extra = "".join(removed)
    for form in forms:
        key = label_key(form)
        yield key, extra
        for prefix in prefixes:
            if key.startswith(prefix) and len(key) > len(prefix):
                yield key[len(prefix) :], extra
        for unit in _AMOUNT_UNITS:
            if key.endswith(unit) and len(key) > len(unit):
                yield key[: -len(unit)], extra + unit


class HeaderIndex:
    """Header labels of a template's fields, compiled once."""

    def __init__(self, fields: Iterable[FieldSpec], words: Vocabulary) -> None:
        self._words = words
        self._keys: dict[str, tuple[FieldSpec, str]] = {}
        for spec in fields:
            scopes = (
                (("year" if spec.scope == "year" else "project"), spec.labels),
                ("either", spec.either),
                ("part", spec.parts),
            )
            for scope, labels in scopes:
                for label in labels:
                    self._keys.setdefault(
                        label_key(label), (spec, scope if spec.kind == "amount" else "")
                    )
        self._cache: dict[str, Hit | None] = {}
        self._inline: dict[str, Hit | None] = {}

    def clear(self) -> None:
        self._cache.clear()
        self._inline.clear()

    def match(self, text: str) -> Hit | None:
        """The field a whole cell's text labels, or None."""
        if text in self._cache:
            return self._cache[text]
        hit = self._match(text) if 0 < len(text) <= 40 else None
        if len(self._cache) < _CACHE_LIMIT:
            self._cache[text] = hit
        return hit

    def _match(self, text: str) -> Hit | None:
        for key, removed in _variants(text, self._words.ignored_prefixes):
            entry = self._keys.get(key)
            if entry is not None:
                spec, scope = entry
                return Hit(spec, scope, _unit_in(removed), horizon_of(text, self._words))
        return None

    def inline(self, text: str) -> Hit | None:
        """`label：value` in one cell or paragraph, when the label is known."""
        if text in self._inline:
            return self._inline[text]
        hit = self._inline_hit(text)
        if len(self._inline) < _CACHE_LIMIT:
            self._inline[text] = hit
        return hit

    def _inline_hit(self, text: str) -> Hit | None:
        found = _INLINE.match(text)
        if found is None:
            return None
        hit = self.match(found["label"])
        if hit is None:
            return None
        value = found["value"].strip()
        return Hit(hit.field, hit.scope, hit.unit, hit.horizon, value)


@dataclass(frozen=True, slots=True)
class Column:
    field: str  # level1 | level2 | … | sign | unit | weight
    horizon: str | None


class GridLabels:
    """Indicator grid column labels and grid block labels."""

    def __init__(self, words: Vocabulary) -> None:
        self._words = words
        self._keys: dict[str, str] = {}
        for column, labels in words.grid.columns.items():
            for label in labels:
                self._keys.setdefault(label_key(label), column)
        self._blocks = frozenset(label_key(label) for label in words.grid.blocks)
        self._horizon_words = sorted(
            (w for ws in words.horizons.values() for w in ws), key=len, reverse=True
        )
        self._cache: dict[str, Column | None] = {}
        self._block_cache: dict[str, bool] = {}

    def clear(self) -> None:
        self._cache.clear()
        self._block_cache.clear()

    def column(self, text: str) -> Column | None:
        if text in self._cache:
            return self._cache[text]
        found = self._column(text) if 0 < len(text) <= 40 else None
        if len(self._cache) < _CACHE_LIMIT:
            self._cache[text] = found
        return found

    def _column(self, text: str) -> Column | None:
        horizon = horizon_of(text, self._words)
        for key, _ in _variants(text, self._words.ignored_prefixes):
            column = self._keys.get(key)
            if column is None:
                column = self._keys.get(self._without_horizon(key))
            if column is not None:
                return Column(column, horizon)
        return None

    def _without_horizon(self, key: str) -> str:
        for word in self._horizon_words:
            if key.startswith(word) and len(key) > len(word):
                return key[len(word) :]
            if key.endswith(word) and len(key) > len(word):
                return key[: -len(word)]
        return key

    def is_block(self, text: str) -> bool:
        """A label naming a whole grid (`绩效指标`, `长期绩效指标`), not one of its columns."""
        found = self._block_cache.get(text)
        if found is None:
            found = len(text) <= 40 and any(key in self._blocks for key, _ in _variants(text, ()))
            if len(self._block_cache) < _CACHE_LIMIT:
                self._block_cache[text] = found
        return found

    def horizon(self, text: str) -> str | None:
        return horizon_of(text, self._words)


class LabelSet:
    """A plain set of labels, matched the way field labels are (`金额（万元）` is `金额`)."""

    def __init__(self, labels: Iterable[str], words: Vocabulary) -> None:
        self._keys = frozenset(label_key(label) for label in labels)
        self._prefixes = words.ignored_prefixes

    def match(self, text: str | None) -> str | None:
        """None when `text` is none of the labels, else the amount unit it prints (or "")."""
        if not text or len(text) > 40:
            return None
        for key, removed in _variants(text, self._prefixes):
            if key in self._keys:
                return _unit_in(removed) or ""
        return None
