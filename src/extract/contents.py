"""One document per content within a run, even when files change while it reads them.

Planning hashes every input and gives each content to one path. A file rewritten after that
is read as other bytes: they may be another path's content (two results, one doc_id), and the
paths planned as its duplicates no longer have a document. Results pass through here: a repeat
of a content already held becomes a `duplicate` path, and the duplicates a changed file left
behind are read themselves, in another pass.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from extract.batch import Plan, Task
from extract.pipeline import FileResult, InputFile


@dataclass(frozen=True, slots=True)
class Repeat:
    """`path` holds the same bytes as `first`, which holds the document `doc_id`."""

    path: str
    doc_id: str
    first: str
    changed: bool  # `path` was rewritten during the run

    @property
    def note(self) -> str:
        suffix = "; the file changed during the run" if self.changed else ""
        return f"duplicate of {self.first}{suffix}"


@dataclass(slots=True)
class Contents:
    holder: dict[str, str] = field(default_factory=dict)  # doc_id -> the path holding it
    tasks: dict[str, Task] = field(default_factory=dict)  # planned doc_id -> its task
    waiting: dict[str, list[InputFile]] = field(default_factory=dict)  # duplicates by doc_id
    orphans: list[Task] = field(default_factory=list)
    changed_holders: set[str] = field(default_factory=set)  # held by a path that changed

    @classmethod
    def of(cls, planned: Plan) -> Contents:
        contents = cls()
        for path, doc_id in zip(planned.unchanged, planned.unchanged_ids, strict=True):
            contents.holder[doc_id] = path
        for task in planned.tasks:
            contents.tasks[task.doc_id] = task
        for item in planned.duplicate_items:
            _, doc_id = planned.duplicate_of[item.display]
            contents.waiting.setdefault(doc_id, []).append(item)
        return contents

    def admit(self, result: FileResult) -> Repeat | None:
        """None when the result is the first of its content in this run. Otherwise the path
        that becomes a duplicate: the result's own, or, when the path holding the content had
        changed and this one did not, the holder's (so which path holds a content does not
        depend on which file a worker finished first)."""
        changed = result.changed_from is not None
        self._release(result.changed_from)
        first = self.holder.get(result.doc_id)
        if first is None or first == result.display:
            self.holder[result.doc_id] = result.display
            if changed:
                self.changed_holders.add(result.doc_id)
            return None
        if result.doc_id in self.changed_holders and not changed:
            self.holder[result.doc_id] = result.display
            self.changed_holders.discard(result.doc_id)
            return Repeat(first, result.doc_id, result.display, changed=True)
        return Repeat(result.display, result.doc_id, first, changed=changed)

    def _release(self, planned_id: str | None) -> None:
        """The planned content of a changed file: its waiting duplicates are read themselves."""
        if planned_id is None or planned_id in self.holder:
            return
        task = self.tasks.get(planned_id)
        for item in self.waiting.pop(planned_id, []):
            if task is not None:
                self.orphans.append(dataclasses.replace(task, item=_planned(item, task)))

    def take_orphans(self) -> list[Task]:
        taken, self.orphans = self.orphans, []
        return taken


def _planned(item: InputFile, task: Task) -> InputFile:
    return dataclasses.replace(item, planned_sha256=task.sha256)
