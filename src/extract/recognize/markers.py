"""The words that mark performance-target material on a page, taken from the templates.

A parser that can read a page two ways, fast and approximate or slow and exact (the PDF
parser's page triage), asks `holds_target_material` about each page's text. The words come
from the template specs, so a new template's titles, headings and labels become markers with
no change here: what a template needs to accept a unit (`require_content`: an indicator
grid's value column, goals, a spending plan), the titles that start its units, and a prose
template's sheet headings and sections. Budget labels that every budget table prints (项目名称,
预算数, 财政拨款) are not markers: they do not make a table a target table.

Text is compared the way the recognizers compare labels (`labels.label_key`: whitespace,
colons, brackets and percent signs dropped, NFKC-folded), so a label split over two lines or
padded with spaces still matches.
"""

from __future__ import annotations

import functools

from extract.normalizers.labels import label_key, text_key
from extract.templates import Template, Vocabulary, load_templates, vocabulary

__all__ = ["holds_target_material", "target_markers"]


@functools.cache
def target_markers() -> tuple[str, ...]:
    """The label keys whose presence makes a page's text target material, shortest first;
    a key that holds another one is left out (the shorter one already matches)."""
    words = vocabulary()
    labels: set[str] = set()
    for spec in load_templates():
        labels.update(_template_words(spec, words))
    keys = {label_key(label) for label in labels} - {""}
    kept = [k for k in keys if not any(other != k and other in k for other in keys)]
    return tuple(sorted(kept, key=lambda k: (len(k), k)))


def _template_words(spec: Template, words: Vocabulary) -> set[str]:
    out = set(spec.title_suffixes) | set(spec.heading_suffixes)
    for section in (spec.sections or {}).values():
        out.update(section)
    for content in spec.require_content:
        if content == "grid":  # a grid header always names its value column
            out.update(words.grid.columns.get("value", ()))
        elif content == "goals":
            out.update(label for f in spec.fields if f.kind == "goals" for label in f.labels)
        elif content == "spending_plan":
            out.update(label for f in spec.fields if f.kind == "plan" for label in f.labels)
    return out


def holds_target_material(text: str) -> bool:
    """Whether the text holds a marker of target material."""
    key = text_key(text)
    return any(marker in key for marker in target_markers())
