"""Part one of a document (部门整体绩效目标): the overall goal, the item goals, the measures.

Sections are found by their headings' wording, not by bookmarks or styles, because real
documents often lack both; numbering (`一、`, `（一）`) may be typed or automatic, so headings
are compared with numbering stripped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from extract.model import Paragraph
from extract.normalizers import vocab
from extract.normalizers.labels import label_key
from extract.normalizers.text import clean_text, strip_numbering

# `（一）政府采购`, `(二)人员管理`, `1.政府采购`: an item heading inside 分项绩效目标.
_ITEM_HEADING = regex.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十]+\s*[）)]|\d+\s*[.．、])")
# `绩效目标：…` / `绩效指标：…`
_LABELLED = regex.compile(r"^\s*(?P<label>[^：:]{2,8})\s*[：:]\s*(?P<value>.*)$", regex.S)

_SECTION_TITLES: dict[str, tuple[str, ...]] = {
    "overall": vocab.OVERALL_GOAL_TITLES,
    "items": vocab.ITEM_GOALS_TITLES,
    "measures": vocab.MEASURES_TITLES,
}
_SECTION_KEYS: dict[str, str] = {
    label_key(title): section for section, titles in _SECTION_TITLES.items() for title in titles
}
_PART_KEYS: frozenset[str] = frozenset(
    label_key(t) for t in (*vocab.PART_ONE_TITLES, *vocab.PART_TWO_TITLES)
)
_GOAL_KEYS = frozenset(label_key(t) for t in vocab.ITEM_GOAL_LABELS)
_INDICATOR_KEYS = frozenset(label_key(t) for t in vocab.ITEM_INDICATOR_LABELS)
_PART_HEADING = regex.compile(r"^第[一二三四五六七八九十]+部分")


@dataclass(slots=True)
class _Item:
    name: str | None
    goal: str | None = None
    indicator: str | None = None


@dataclass(slots=True)
class PartOne:
    """What part one yielded, as dataset rows without document keys."""

    goals: list[dict[str, str | None]] = field(default_factory=list)
    measures: list[dict[str, str | None]] = field(default_factory=list)


def section_of(text: str) -> str | None:
    """`overall`, `items` or `measures` when the paragraph is that section's heading."""
    key = label_key(strip_numbering(text))
    return _SECTION_KEYS.get(key)


def is_part_heading(text: str) -> bool:
    """`第一部分`, `部门整体绩效目标`, `预算项目绩效目标`: headings that carry no data."""
    stripped = text.strip()
    if _PART_HEADING.match(stripped):
        return True
    return label_key(strip_numbering(stripped)) in _PART_KEYS


def parse_part_one(paragraphs: Sequence[Paragraph]) -> PartOne:
    """Walk part one's paragraphs once, switching section at each recognised heading."""
    section: str | None = None
    overall: list[str] = []
    items: list[_Item] = []
    measures: list[str] = []
    for para in paragraphs:
        text = para.text.strip()
        if not text or is_part_heading(text):
            continue
        heading = section_of(text)
        if heading is not None:
            section = heading
            continue
        if section == "overall":
            overall.append(text)
        elif section == "items":
            _add_item_line(items, text)
        elif section == "measures":
            measures.append(text)
    return PartOne(goals=_goal_rows(overall, items), measures=_measure_rows(measures))


def _add_item_line(items: list[_Item], text: str) -> None:
    labelled = _LABELLED.match(text)
    if labelled is not None:
        key = label_key(labelled["label"])
        value = clean_text(labelled["value"])
        if key in _GOAL_KEYS or key in _INDICATOR_KEYS:
            if not items:
                items.append(_Item(name=None))
            item = items[-1]
            if key in _GOAL_KEYS:
                item.goal = _joined(item.goal, value)
            else:
                item.indicator = _joined(item.indicator, value)
            return
    if _ITEM_HEADING.match(text) or not items:
        items.append(_Item(name=clean_text(strip_numbering(text))))
        return
    # An unlabelled line after an item's heading continues its goal text.
    items[-1].goal = _joined(items[-1].goal, clean_text(text))


def _joined(old: str | None, new: str | None) -> str | None:
    if not old:
        return new
    if not new:
        return old
    return f"{old}\n{new}"


def _goal_rows(overall: list[str], items: list[_Item]) -> list[dict[str, str | None]]:
    rows: list[dict[str, str | None]] = []
    if overall:
        rows.append(
            {
                "kind": "overall",
                "name": None,
                "goal": clean_text("\n".join(overall)),
                "indicator": None,
            }
        )
    for item in items:
        rows.append(
            {"kind": "item", "name": item.name, "goal": item.goal, "indicator": item.indicator}
        )
    return rows


def _measure_rows(paragraphs: list[str]) -> list[dict[str, str | None]]:
    rows: list[dict[str, str | None]] = []
    for raw in paragraphs:
        text = clean_text(raw)
        if not text:
            continue
        lead, sep, _ = strip_numbering(text).partition("。")
        rows.append({"title": lead.strip() if sep and lead.strip() else None, "text": text})
    return rows
