"""The same per-file work on a Dask cluster, for batches bigger than one machine.

Only the extraction moves: planning (hashing, skipping, dedup) and writing OUT stay in the
calling process, so the output is the one the local engine writes. Workers read the input
files by path, so the paths must be the same on every worker (a shared filesystem). The
local engine's per-file timeout and memory cap do not apply here; the cluster's own limits
(worker memory limits, nanny restarts) do, and a file whose worker keeps dying is recorded as
failed once Dask gives up on it.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from datetime import datetime
from typing import Any, TypeVar

from extract.batch import Outcome, Task, failure, work
from extract.pipeline import FileResult, InputFile

MAX_CHUNK = 16  # files per Dask task at most
T = TypeVar("T")

# A cluster the engine starts for itself has no dashboard and nobody reading its workers'
# profiles or its event-loop and system monitors; left on, they took 5-10% of each worker's
# time (its own CPU, and the GIL taken from the task every 10 ms).
QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.system-monitor.disk": False,
}


def run_dask(
    tasks: Sequence[Task],
    *,
    year: int | None,
    extracted_at: datetime,
    scheduler: str | None = None,
    jobs: int = 2,
    function: Callable[[InputFile, int | None, datetime], tuple[FileResult, int | None]] = work,
) -> Generator[Outcome, None, None]:
    """Outcomes as files finish on the cluster at `scheduler` (a local one when None).

    Files go to the cluster a few at a time (see `chunks`): one Dask task per file cost ~14 ms
    of scheduling each, as much as a small file's extraction. A task that
    fails as a whole (a worker killed by one file) is sent again one file per task, so the
    file that kills its worker fails alone.
    """
    try:
        import dask
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise RuntimeError(
            "the Dask engine needs the dask extra: pip install '/path/to/extract[dask]' "
            "(the clone of this repository; see the README)"
        ) from exc
    cluster = None
    if scheduler is None:
        with dask.config.set(QUIET):  # read as the scheduler and workers start
            cluster = LocalCluster(
                n_workers=max(1, jobs), threads_per_worker=1, processes=True, dashboard_address=None
            )
            client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        pending: dict[Any, list[Task]] = {}
        for number, chunk in enumerate(chunks(tasks, jobs)):
            items = [task.item for task in chunk]
            future = client.submit(
                work_chunk, items, year, extracted_at, function, pure=False, key=f"extract-{number}"
            )
            pending[future] = chunk
        queue = as_completed(list(pending))
        retries = 0
        for future in queue:
            chunk = pending.pop(future)
            try:
                outcomes = future.result()
            except Exception as exc:  # KilledWorker, a worker's exception, a lost connection
                if len(chunk) > 1:  # again one file per task: only the guilty one fails
                    for task in chunk:
                        retries += 1
                        single = client.submit(
                            work_chunk,
                            [task.item],
                            year,
                            extracted_at,
                            function,
                            pure=False,
                            key=f"extract-retry-{retries}",
                        )
                        pending[single] = [task]
                        queue.add(single)
                    continue
                reason = f"failed on the Dask cluster: {type(exc).__name__}: {exc}"
                yield Outcome(failure(chunk[0], " ".join(reason.split())[:200], year, extracted_at))
            else:
                for result, rss in outcomes:
                    yield Outcome(result, rss)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def chunks(tasks: Sequence[T], jobs: int) -> list[list[T]]:
    """The files in tasks that shrink toward the end of the batch (guided scheduling).

    Each task takes the files left divided by four a worker (at most MAX_CHUNK, at least one), so
    a big batch goes in few tasks while the last ones hold a file or two: the workers finish
    together instead of one idling while the other reads a whole last chunk.
    """
    out: list[list[T]] = []
    start, per = 0, max(1, jobs) * 4
    while start < len(tasks):
        size = max(1, min(MAX_CHUNK, (len(tasks) - start) // per))
        out.append(list(tasks[start : start + size]))
        start += size
    return out


def work_chunk(
    items: Sequence[InputFile],
    year: int | None,
    extracted_at: datetime,
    function: Callable[[InputFile, int | None, datetime], tuple[FileResult, int | None]] = work,
) -> list[tuple[FileResult, int | None]]:
    """Runs on a worker: each file's extraction, which never raises for a file's content."""
    return [function(item, year, extracted_at) for item in items]
