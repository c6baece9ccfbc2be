"""Many files at once: what to extract, and worker processes that keep each file isolated.

Planning happens in the calling process: every input is hashed once, so the same content
under two paths is extracted once and a re-run skips files whose content and extractor
version already have rows in OUT (the `documents` dataset is the catalogue). Extraction runs
in worker processes (pebble's pool): a file that crashes its worker, runs past the timeout or
exhausts the memory limit costs only its own `failed` row, and workers are replaced after a
fixed number of files so memory cannot creep over a long run.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import multiprocessing
import resource
import signal
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import CancelledError, Future, as_completed
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from extract import __version__
from extract.parsers.pdf_light import page_count, scanned_pages
from extract.parsers.registry import detect_format
from extract.pipeline import (
    OUT_OF_MEMORY,
    FileResult,
    InputFile,
    extract_file,
    failed_result,
    unreadable_result,
)

DEFAULT_TIMEOUT = 120.0
# A scanned PDF gets the timeout once per this many scanned pages: a page takes seconds to OCR
# (4-5 s on one core here), so a long scan needs more than a Word file. Its size does not tell
# (a black-and-white scan is 30 KB a page); its first pages do, looked at (10 ms) by the local
# engine when a PDF has more than 15 pages: a shorter one gets the timeout once.
SCANS_PER_TIMEOUT = 15
DEFAULT_MEMORY_MB = 4096
# A worker is replaced after this many files. Its memory does not creep: over 1,000 distinct
# files of one format in one process (.txt, .docx, .xlsx, text PDFs) resident memory stayed
# within 2 MiB. Replacing it more often costs its warm caches (labels and values seen before):
# the first 25 files of a fresh worker take twice as long, so at 100 files a worker
# `extract run --jobs 1` read 94 text files a second at the margin against 118 (bench_cli).
TASKS_PER_WORKER = 1000
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Task:
    """One file to extract, with what planning learned of it."""

    item: InputFile
    sha256: str
    size: int
    source_format: str
    scans: int | None = None  # of a PDF: about how many of its pages are scans, when known

    @property
    def doc_id(self) -> str:
        return self.sha256[:16]

    def scanned(self) -> int | None:
        """About how many of a PDF's pages are scans (None for other files, or a PDF that
        PDFium cannot open)."""
        if self.scans is not None or self.source_format != "pdf":
            return self.scans
        return scanned_pages(str(self.item.path))

    def budget(self, timeout: float) -> float | None:
        """Seconds this file may take: `timeout`, once per `SCANS_PER_TIMEOUT` scanned pages."""
        if timeout <= 0:
            return None
        if self.scans is None and self.source_format == "pdf":
            pages = page_count(str(self.item.path))  # a hundredth of looking at pages
            if pages is None or pages <= SCANS_PER_TIMEOUT:  # scans or not: the timeout once
                return timeout
        return timeout * max(1.0, (self.scanned() or 0) / SCANS_PER_TIMEOUT)


@dataclass(slots=True)
class Plan:
    tasks: list[Task] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # same content as an earlier input
    # duplicate -> (the earlier path with its content, doc_id)
    duplicate_of: dict[str, tuple[str, str]] = field(default_factory=dict)
    duplicate_items: list[InputFile] = field(default_factory=list)  # the duplicates' inputs
    unchanged: list[str] = field(default_factory=list)  # already extracted into OUT
    unchanged_ids: list[str] = field(default_factory=list)  # their doc_ids
    unreadable: list[FileResult] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Known:
    """A document already in OUT, as far as skipping it again is concerned."""

    extractor_version: str | None
    fiscal_year: int | None
    fiscal_year_source: str | None
    status: str | None = None


def plan(
    inputs: Sequence[InputFile],
    *,
    known: dict[str, Known] | None = None,
    year: int | None = None,
    extracted_at: datetime,
) -> Plan:
    """Hashes every input; drops repeats and files OUT already holds for this version."""
    out = Plan()
    seen: dict[str, str] = {}  # sha256 -> the first path with that content
    for item in inputs:
        try:
            sha, size, head = _hash(item.path)
        except OSError as exc:
            out.unreadable.append(_unreadable(item, exc, extracted_at))
            continue
        if sha in seen:
            out.duplicates.append(item.display)
            out.duplicate_of[item.display] = (seen[sha], sha[:16])
            out.duplicate_items.append(item)
            continue
        seen[sha] = item.display
        if known is not None and _is_current(known.get(sha), year):
            out.unchanged.append(item.display)
            out.unchanged_ids.append(sha[:16])
            continue
        planned = dataclasses.replace(item, planned_sha256=sha)
        out.tasks.append(Task(planned, sha, size, detect_format(head, item.path.name)))
    return out


def _is_current(entry: Known | None, year: int | None) -> bool:
    """Extracted by this version, and not failed: a failure may have been the machine's (a
    timeout, a killed worker), so failed files are always tried again."""
    if entry is None or entry.extractor_version != __version__ or entry.status == "failed":
        return False
    # --year applied or dropped explicitly: a run with another --year, and a run without one
    # after a run that forced it, both read the document again.
    if year is None:
        return entry.fiscal_year_source != "option"
    return entry.fiscal_year == year and entry.fiscal_year_source == "option"


def _hash(path: Path) -> tuple[str, int, bytes]:
    digest = hashlib.sha256()
    size = 0
    head = b""
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            if not head:
                head = chunk[:1024]
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size, head


def _unreadable(item: InputFile, exc: OSError, extracted_at: datetime) -> FileResult:
    return unreadable_result(item, f"cannot read the file: {exc.strerror or exc}", extracted_at)


# --- running ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outcome:
    result: FileResult
    worker_rss_kib: int | None = None  # peak resident memory of the worker after this file


def _init_worker(memory_mb: int) -> None:
    """Runs in each new worker: the parent handles Ctrl-C; memory is capped.

    The cap is address space on top of what the worker holds when it starts (a forked worker
    inherits its parent's libraries, which may already reserve a gigabyte), so `memory_mb` is
    what reading one file may take.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if memory_mb > 0:
        limit = _address_space() + memory_mb * 1024 * 1024
        with contextlib.suppress(ValueError, OSError):  # a lower hard limit is in force
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _address_space() -> int:
    """This process's virtual memory size in bytes (0 where /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def work(item: InputFile, year: int | None, extracted_at: datetime) -> tuple[FileResult, int]:
    """The per-file function every engine runs (module level, so it pickles)."""
    result = extract_file(item, year=year, extracted_at=extracted_at)
    return result, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_local(
    tasks: Sequence[Task],
    *,
    year: int | None,
    extracted_at: datetime,
    jobs: int,
    timeout: float = DEFAULT_TIMEOUT,
    memory_mb: int = DEFAULT_MEMORY_MB,
    tasks_per_worker: int = TASKS_PER_WORKER,
    function: Callable[[InputFile, int | None, datetime], tuple[FileResult, int]] = work,
) -> Generator[Outcome, None, None]:
    """Outcomes as files finish, from worker processes on this machine.

    `function` is the per-file work (picklable by reference); tests swap in one that crashes
    or hangs to prove the isolation.

    Closing the generator early (Ctrl-C in the caller) ends the workers at once: files not
    finished by then produce nothing, so the caller only ever holds whole documents.
    """
    from pebble import ProcessExpired, ProcessPool

    # fork: workers start at once with everything imported, and need no importable __main__
    # (a notebook, a script on stdin); the calling process runs no threads of its own here.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    # Before the pool: PDFium is not called while pebble may fork a worker from its thread.
    budgets = [task.budget(timeout) for task in tasks]
    pool = ProcessPool(
        max_workers=max(1, min(jobs, len(tasks))),
        max_tasks=tasks_per_worker,
        initializer=_init_worker,
        initargs=(memory_mb,),
        context=context,
    )
    try:
        futures: dict[Future[tuple[FileResult, int]], tuple[Task, float | None]] = {
            pool.schedule(function, args=(task.item, year, extracted_at), timeout=budget): (
                task,
                budget,
            )
            for task, budget in zip(tasks, budgets, strict=True)
        }
        for future in as_completed(futures):
            task, budget = futures[future]
            try:
                result, rss = future.result()
            except FutureTimeout:
                spent = budget or timeout
                reason = f"stopped after {spent:g} s (--timeout): the file takes too long to read"
                yield Outcome(failure(task, reason, year, extracted_at))
            except ProcessExpired as exc:
                yield Outcome(failure(task, _expired(exc.exitcode), year, extracted_at))
            except CancelledError:
                continue
            except MemoryError:  # the memory cap stopped the worker outside extract_file
                yield Outcome(failure(task, OUT_OF_MEMORY, year, extracted_at))
            except Exception as exc:  # e.g. a result that could not be sent back
                reason = f"internal error while reading the file: {type(exc).__name__}: {exc}"
                yield Outcome(failure(task, reason[:200], year, extracted_at))
            else:
                yield Outcome(result, rss)
    finally:
        pool.stop()  # type: ignore[no-untyped-call]
        pool.join()


def _expired(exitcode: int | None) -> str:
    if exitcode == -signal.SIGKILL:
        return "the reader was killed (most likely out of memory) while reading the file"
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name
        return f"the reader crashed ({name}) while reading the file"
    return f"the reader stopped unexpectedly (exit code {exitcode}) while reading the file"


def failure(task: Task, reason: str, year: int | None, extracted_at: datetime) -> FileResult:
    return failed_result(
        task.item,
        reason,
        sha256=task.sha256,
        size=task.size,
        source_format=task.source_format,
        year=year,
        extracted_at=extracted_at,
    )
