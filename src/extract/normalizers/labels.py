"""Matching printed labels against the vocabularies in `vocab`.

Templates print the same label with different padding (`项 目 名 称`), colons (`项目名称：`) and
bracket styles (`资金支出计划（%）` / `资金支出计划(%)`). Comparing a normalised key instead of
the raw text makes one vocabulary entry cover all of them.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from extract.normalizers import vocab as _vocab

__all__ = [
    "category_level",
    "classify_level1",
    "classify_level2",
    "label_key",
    "parent_level1_name",
    "strip_score_band",
    "text_key",
]

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
    return text_key(text)


def text_key(text: str) -> str:
    """`label_key` without its cache, for long texts that never recur (a page's text)."""
    folded = _DROP.sub("", unicodedata.normalize("NFKC", text))
    return unicodedata.normalize("NFKC", folded)


_NUMBER = r"[0-9\uff10-\uff19]+(?:[.．][0-9\uff10-\uff19]+)?"
_RANGE = "|".join(re.escape(s) for s in sorted(_vocab.RANGE_SEPARATORS, key=len, reverse=True))
_SCORE = "|".join(re.escape(s) for s in _vocab.SCORE_MARKS)
# `(0-20)分`, `（30分）`, ` (40-50)分` at the end of a 一级 name.
_SCORE_BAND = re.compile(
    rf"\s*[(（]\s*{_NUMBER}\s*(?:(?:{_RANGE})\s*{_NUMBER}\s*)?(?:{_SCORE})?\s*[)）]"
    rf"\s*(?:{_SCORE})?\s*$"
)


def strip_score_band(text: str) -> str:
    """The category name without the score band some templates print after it.

    `level1` keeps the band as printed; only classification must not see it, because
    `成本指标(0-20)分` names the same category as `成本指标`.
    """
    found = _SCORE_BAND.search(text)
    if found is None or found.start() == 0:
        return text
    return text[: found.start()].rstrip()


def _key(text: str | None) -> str:
    return label_key(strip_score_band(text)) if text else ""


def _level1_code(key: str) -> str:
    for word, code in _vocab.LEVEL1_CODES.items():
        if word in key:
            return code
    return "other"


def _level2_rule(key: str) -> str | None:
    """The code of the first 二级 rule that fires (`vocab.LEVEL2_RULES`), None if none does."""
    if not key:
        return None
    for code, groups, need in _vocab.LEVEL2_RULES:
        if sum(any(word in key for word in group) for group in groups) >= need:
            return code
    return None


@functools.lru_cache(maxsize=4096)
def classify_level1(text: str | None) -> str:
    """Code of a 一级指标 by containment, so `产出指标` and `产出` agree; score bands ignored."""
    return _level1_code(_key(text))


@functools.lru_cache(maxsize=4096)
def classify_level2(text: str | None) -> str:
    """Code of a 二级指标 by the ordered rules of `vocab.LEVEL2_RULES`."""
    return _level2_rule(_key(text)) or "other"


_LEVEL1_NAME_KEYS = frozenset(label_key(n) for n in _vocab.LEVEL1_CATEGORY_NAMES)
_AMBIGUOUS_KEYS = frozenset(label_key(n) for n in _vocab.AMBIGUOUS_CATEGORY_NAMES)
_SUFFIXES = tuple(label_key(s) for s in _vocab.CATEGORY_SUFFIXES)
_RULE_WORDS = frozenset(
    word for _, groups, _need in _vocab.LEVEL2_RULES for group in groups for word in group
)


def category_level(text: str) -> int | None:
    """1 or 2 when the text names a 一级 or a 二级 category, None when it may be either or none.

    Some grids print 二级 names under a column headed 一级指标 (鄂州); the level is decided by
    what the cells say, not by the header. Plain 成本指标 is both a 一级 (newer framework) and
    a 二级 of 产出指标 (older one), so it cannot decide anything.
    """
    key = _key(text)
    if not key:
        return None
    if key in _LEVEL1_NAME_KEYS:
        return 1
    if key in _AMBIGUOUS_KEYS:
        return None
    named = key.endswith(_SUFFIXES) or key in _RULE_WORDS
    if named and _level2_rule(key) is not None:
        return 2
    if key.endswith(_SUFFIXES) and _level1_code(key) not in ("other", "cost"):
        return 1
    return None


_COST_LEVEL1_QUALIFIERS = tuple(label_key(q) for q in _vocab.COST_LEVEL1_QUALIFIERS)


def parent_level1_name(level2_text: str) -> str | None:
    """The framework's name of the 一级 a 二级 belongs under, for grids that print no 一级.

    The newer framework's 经济/社会/生态环境成本指标 sit under 成本指标; a plain 成本指标 as a
    二级 is the older framework's, under 产出指标. Unknown names have no parent: None.
    """
    key = _key(level2_text)
    code = _level2_rule(key)
    if code is None or code == "other":
        return None
    if code == "cost" and any(q in key for q in _COST_LEVEL1_QUALIFIERS):
        return _vocab.LEVEL1_NAMES["cost"]
    parent = _vocab.LEVEL2_PARENT.get(code)
    return _vocab.LEVEL1_NAMES[parent] if parent is not None else None
