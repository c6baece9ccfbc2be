"""Matching printed labels against the vocabularies in `vocab`.

Templates print the same label with different padding (`项 目 名 称`), colons (`项目名称：`) and
bracket styles (`资金支出计划（%）` / `资金支出计划(%)`). Comparing a normalised key instead of
the raw text makes one vocabulary entry cover all of them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping

from extract.normalizers import vocab as _vocab

__all__ = ["classify_level1", "classify_level2", "label_key", "match_label"]

# Whitespace of every kind (NFKC turns \u3000 and \u00a0 into spaces first), zero-width
# characters, colons, round brackets and percent signs carry no meaning in a label.
_DROP = re.compile(r"[\s\u200b-\u200f\u2060\ufeff\u00ad:：()（）%％]+")


@functools.lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """Normalise a label so that padding and punctuation variants compare equal.

    Cached: every cell of a table is tried as a label, and the same labels recur in every
    project and every document.

    NFKC is applied because labels are compared, never shown: it folds full-width letters,
    digits and punctuation to one form. It runs again after the drop, since removing a
    character can bring two combinable ones together, and a key must be its own key.
    """
    folded = _DROP.sub("", unicodedata.normalize("NFKC", text))
    return unicodedata.normalize("NFKC", folded)


# id(vocabulary) -> (the vocabulary itself, its key -> canonical lookup). Holding the mapping
# keeps its id from being reused by another object while the entry exists. Vocabularies are
# module constants and are treated as immutable.
_LOOKUPS: dict[int, tuple[Mapping[str, tuple[str, ...]], dict[str, str]]] = {}


def _lookup(vocabulary: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    cached = _LOOKUPS.get(id(vocabulary))
    if cached is not None and cached[0] is vocabulary:
        return cached[1]
    table: dict[str, str] = {}
    for canonical, synonyms in vocabulary.items():
        for synonym in synonyms:
            # The first canonical key listing a synonym wins, so vocab order settles clashes.
            table.setdefault(label_key(synonym), canonical)
    _LOOKUPS[id(vocabulary)] = (vocabulary, table)
    return table


def match_label(text: str, vocab: Mapping[str, tuple[str, ...]]) -> str | None:
    """The canonical key of the synonym `text` spells, or None.

    Exact key equality only: a containment match would let a value cell that happens to
    mention a label (`按预算数执行`) be taken for the label.
    """
    key = label_key(text)
    if not key:
        return None
    return _lookup(vocab).get(key)


def _classify(text: str | None, codes: Mapping[str, str]) -> str:
    if not text:
        return "other"
    key = label_key(text)
    for word, code in codes.items():
        if word in key:
            return code
    return "other"


def classify_level1(text: str | None) -> str:
    """Code of a 一级指标 by containment, so `产出指标` and `产出` agree."""
    return _classify(text, _vocab.LEVEL1_CODES)


def classify_level2(text: str | None) -> str:
    """Code of a 二级指标 by containment, in vocab order (`可持续` is tried before `持续`)."""
    return _classify(text, _vocab.LEVEL2_CODES)
