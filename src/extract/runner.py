"""One `extract run`: plan, extract through an engine, commit whole documents to OUT.

Results are committed every few hundred documents or minutes, not only at the end, so a long
run that is stopped keeps what it finished and a re-run skips it. Ctrl-C and SIGTERM stop the
workers, commit the documents already finished and return; a signal that arrives while a
commit is being written waits for it, and a harder kill is covered by the writer's journal.
Either way OUT holds whole documents only.
"""

from __future__ import annotations

import contextlib
import signal
import time
from collections import Counter
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any

from extract.batch import (
    DEFAULT_MEMORY_MB,
    DEFAULT_TIMEOUT,
    TASKS_PER_WORKER,
    Known,
    Outcome,
    Task,
    plan,
    run_local,
)
from extract.collector import reading
from extract.contents import Contents
from extract.filerows import PathBook
from extract.pipeline import FileResult, InputFile, merged_rows
from extract.progress import Progress
from extract.writers import read_tables, write_datasets

COMMIT_EVERY_FILES = 500
COMMIT_EVERY_SECONDS = 120.0


@dataclass(frozen=True, slots=True)
class Options:
    out: Path
    year: int | None = None
    jobs: int = 1
    timeout: float = DEFAULT_TIMEOUT
    memory_mb: int = DEFAULT_MEMORY_MB
    force: bool = False
    engine: str = "local"  # local | dask
    scheduler: str | None = None
    commit_every: int = COMMIT_EVERY_FILES
    commit_seconds: float = COMMIT_EVERY_SECONDS
    tasks_per_worker: int = TASKS_PER_WORKER  # local engine: files before a worker is replaced


@dataclass(frozen=True, slots=True)
class Done:
    """What the summary needs of a finished file once its rows are committed."""

    doc_id: str
    display: str
    status: str
    error: str | None
    counts: dict[str, int]  # rows per dataset
    severities: dict[str, int]  # issues per severity

    @property
    def errors(self) -> int:  # error-level issues
        return self.severities.get("error", 0)

    @classmethod
    def of(cls, result: FileResult) -> Done:
        counts = {name: len(rows) for name, rows in result.rows.items()}
        severities = Counter(str(i.get("severity")) for i in result.rows.get("issues", ()))
        return cls(
            result.doc_id, result.display, result.status, result.error, counts, dict(severities)
        )


@dataclass(slots=True)
class Report:
    done: list[Done] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    unchanged_ids: list[str] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)  # files of formats extract does not read
    worker_rss_kib: list[int] = field(default_factory=list)  # in the order files finished
    commits: int = 0
    interrupted: int | None = None  # the signal that stopped the run

    def by_status(self, status: str) -> int:
        return sum(1 for d in self.done if d.status == status)

    def total(self, dataset: str) -> int:
        return sum(d.counts.get(dataset, 0) for d in self.done)

    def errors(self) -> int:
        return sum(d.errors for d in self.done)

    def by_severity(self, severity: str) -> int:
        return sum(d.severities.get(severity, 0) for d in self.done)


class _Stop(Exception):
    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class _Signals:
    """SIGINT/SIGTERM become `_Stop` in the main thread, but never in the middle of a commit."""

    def __init__(self, book: PathBook, pending_files: list[dict[str, Any]]) -> None:
        self.book = book
        self.pending_files = pending_files  # files rows not tied to a result: next commit
        self._previous: dict[int, Any] = {}
        self._committing = False
        self._pending: int | None = None

    def __enter__(self) -> _Signals:
        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(ValueError):  # not the main thread: leave signals alone
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self._committing:
            self._pending = signum
            return
        raise _Stop(signum)

    def commit(self, out: Path, buffer: list[FileResult]) -> None:
        self._committing = True
        try:
            files, replaced = self.book.commit_rows(buffer)
            rows = merged_rows(buffer)
            rows["files"] = [*self.pending_files, *files]
            write_datasets(out, rows, replace_doc_ids={r.doc_id for r in buffer} | replaced)
            self.pending_files = []
        finally:
            self._committing = False
        if self._pending is not None:
            signum, self._pending = self._pending, None
            raise _Stop(signum)


def stored_errors(out: Path, doc_ids: Sequence[str]) -> int:
    """Error-level issues OUT already holds for these documents (skipped as unchanged)."""
    if not doc_ids or not (out / "issues").is_dir():
        return 0
    table = read_tables(out, ["issues"])["issues"]
    wanted = set(doc_ids)
    return sum(
        1
        for doc_id, severity in zip(
            table.column("doc_id").to_pylist(), table.column("severity").to_pylist(), strict=True
        )
        if severity == "error" and doc_id in wanted
    )


def catalogue(out: Path) -> dict[str, Known]:
    """Documents already in OUT by sha256, from its `documents` dataset."""
    if not (out / "documents").is_dir():
        return {}
    table = read_tables(out, ["documents"])["documents"]
    known: dict[str, Known] = {}
    columns = ["sha256", "extractor_version", "fiscal_year", "fiscal_year_source", "status"]
    for sha, version, year, source, status in zip(
        *(table.column(c).to_pylist() for c in columns), strict=True
    ):
        if sha:
            known[sha] = Known(version, year, source, status)
    return known


@reading
def execute(
    inputs: Sequence[InputFile],
    options: Options,
    progress: Progress | None,
    unsupported: Sequence[str] = (),
) -> Report:
    """Runs the batch; every finished document ends up in OUT, however the run ends.

    `unsupported` names the files of other formats found in the input folders, for `files`.
    """
    extracted_at = datetime.now(UTC)
    report = Report()
    known = None if options.force else catalogue(options.out)
    planned = plan(inputs, known=known, year=options.year, extracted_at=extracted_at)
    book = PathBook.of(options.out, extracted_at)
    pending_files = book.other_rows(
        planned.duplicate_of,
        zip(planned.unchanged, planned.unchanged_ids, strict=True),
        unsupported,
    )
    report.duplicates, report.unchanged = planned.duplicates, planned.unchanged
    report.unchanged_ids = planned.unchanged_ids
    report.unsupported = list(unsupported)
    if progress is not None:
        progress.total = len(planned.tasks) + len(planned.unreadable)
    buffer: list[FileResult] = []
    last_commit = time.monotonic()
    contents = Contents.of(planned)
    with _Signals(book, pending_files) as signals:
        outcomes = _passes(planned.tasks, contents, options, extracted_at, progress)
        try:
            for outcome in _chain(planned.unreadable, outcomes):
                if _repeat(outcome, contents, signals, buffer, report, progress):
                    continue
                _record(report, outcome, progress)
                buffer.append(outcome.result)
                due = time.monotonic() - last_commit >= options.commit_seconds
                if len(buffer) >= options.commit_every or due:
                    signals.commit(options.out, buffer)
                    report.commits += 1
                    buffer, last_commit = [], time.monotonic()
        except _Stop as stop:
            report.interrupted = stop.signum
        finally:
            outcomes.close()
        if buffer or signals.pending_files:
            signals.commit(options.out, buffer)
            report.commits += 1
    return report


def _chain(first: list[FileResult], rest: Iterator[Outcome]) -> Iterator[Outcome]:
    """The files planning could not read, then the engine's outcomes."""
    for result in first:
        yield Outcome(result)
    yield from rest


def _passes(
    tasks: Sequence[Task],
    contents: Contents,
    options: Options,
    extracted_at: datetime,
    progress: Progress | None,
) -> Generator[Outcome, None, None]:
    """The planned tasks, then the duplicates left without a document by files that changed."""
    yield from _engine(tasks, options, extracted_at)
    while more := contents.take_orphans():
        if progress is not None:
            progress.total += len(more)
        yield from _engine(more, options, extracted_at)


def _repeat(
    outcome: Outcome,
    contents: Contents,
    signals: _Signals,
    buffer: list[FileResult],
    report: Report,
    progress: Progress | None,
) -> bool:
    """True when the result's content is held by another path of this run (a file rewritten
    with another input's bytes): it is recorded as a duplicate, and one document per content
    stays. When the path holding it had changed instead, that path becomes the duplicate."""
    result = outcome.result
    repeat = contents.admit(result)
    if repeat is None:
        return False
    book = signals.book
    signals.pending_files.append(book.duplicate_row(repeat.path, repeat.doc_id, repeat.note))
    report.duplicates.append(repeat.path)
    if repeat.path == result.display:
        if progress is not None:
            progress.advance(result)
        return True
    # The earlier holder becomes the duplicate: its result leaves the buffer and the summary.
    buffer[:] = [r for r in buffer if (r.doc_id, r.display) != (repeat.doc_id, repeat.path)]
    report.done = [d for d in report.done if (d.doc_id, d.display) != (repeat.doc_id, repeat.path)]
    return False


def _record(report: Report, outcome: Outcome, progress: Progress | None) -> None:
    report.done.append(Done.of(outcome.result))
    if outcome.worker_rss_kib is not None:
        report.worker_rss_kib.append(outcome.worker_rss_kib)
    if progress is not None:
        progress.advance(outcome.result)


def _engine(
    tasks: Sequence[Task], options: Options, extracted_at: datetime
) -> Generator[Outcome, None, None]:
    if options.engine == "dask":
        from extract.dask_engine import run_dask

        return run_dask(
            tasks,
            year=options.year,
            extracted_at=extracted_at,
            scheduler=options.scheduler,
            jobs=options.jobs,
        )
    return run_local(
        tasks,
        year=options.year,
        extracted_at=extracted_at,
        jobs=options.jobs,
        timeout=options.timeout,
        memory_mb=options.memory_mb,
        tasks_per_worker=options.tasks_per_worker,
    )
