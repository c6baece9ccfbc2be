"""The same per-file work on a Dask cluster, for batches bigger than one machine.

Only the extraction moves: planning (hashing, skipping, dedup) and writing OUT stay in the
calling process, so the output is the one the local engine writes. Workers read the input
files by path, so the paths must be the same on every worker (a shared filesystem). The
local engine's per-file timeout and memory cap do not apply here; the cluster's own limits
(worker memory limits, nanny restarts) do, and a file whose worker keeps dying is recorded as
failed once Dask gives up on it.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from datetime import datetime

from extract.batch import Outcome, Task, failure, work


def run_dask(
    tasks: Sequence[Task],
    *,
    year: int | None,
    extracted_at: datetime,
    scheduler: str | None = None,
    jobs: int = 2,
) -> Generator[Outcome, None, None]:
    """Outcomes as files finish on the cluster at `scheduler` (a local one when None)."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise RuntimeError(
            "the Dask engine needs the dask extra: pip install '/path/to/extract[dask]' "
            "(the clone of this repository; see the README)"
        ) from exc
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=max(1, jobs), threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        futures = {
            client.submit(work, task.item, year, extracted_at, pure=False, key=f"extract-{i}"): task
            for i, task in enumerate(tasks)
        }
        for future in as_completed(list(futures)):
            task = futures[future]
            try:
                result, rss = future.result()
            except Exception as exc:  # KilledWorker, a worker's exception, a lost connection
                reason = f"failed on the Dask cluster: {type(exc).__name__}: {exc}"
                yield Outcome(failure(task, " ".join(reason.split())[:200], year, extracted_at))
            else:
                yield Outcome(result, rss)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
