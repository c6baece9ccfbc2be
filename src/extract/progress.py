"""Progress of a run: a bar on a terminal, plain log lines in a pipe or CI log.

A bar redrawn in a CI log is noise, and log lines on a terminal scroll the useful output
away; so the stream decides. Both show files done, rate, time left and failures so far.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from extract.names import shown
from extract.pipeline import FileResult

_LOG_EVERY_SECONDS = 10.0


class Progress:
    def __init__(
        self,
        total: int,
        *,
        quiet: bool = False,
        verbose: bool = False,
        stream: TextIO | None = None,
        tty: bool | None = None,
    ) -> None:
        self.total = total
        self.done = 0
        self.failed = 0
        self.quiet = quiet
        self.verbose = verbose
        self.stream = stream if stream is not None else sys.stderr
        is_tty = self.stream.isatty() if tty is None else tty
        self._start = time.monotonic()
        self._last_log = self._start
        self._bar = None
        if is_tty and not quiet and total > 0:
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread: workers are forked
            self._bar = tqdm(
                total=total, unit="file", file=self.stream, dynamic_ncols=True, leave=False
            )

    def advance(self, result: FileResult) -> None:
        self.done += 1
        if result.status == "failed":
            self.failed += 1
        if result.status != "ok":  # said even with --quiet: what the user must look at
            reason = f": {result.error}" if result.error else ""
            self.note(f"{result.status}: {result.display}{reason}")
        elif self.verbose:
            self.note(f"ok: {result.display}")
        if self._bar is not None:
            self._bar.set_postfix(failed=self.failed, refresh=False)
            self._bar.update(1)
        elif not self.quiet:
            now = time.monotonic()
            # The summary line ends the run; a line every few seconds shows it is alive.
            if self.done < self.total and now - self._last_log >= _LOG_EVERY_SECONDS:
                self._last_log = now
                print(self.line(now), file=self.stream, flush=True)

    def line(self, now: float | None = None) -> str:
        """`120/500 files (24%), 15.2 files/s, 25 s left, 3 failed`."""
        elapsed = max((now if now is not None else time.monotonic()) - self._start, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        share = 100 * self.done // max(self.total, 1)
        return (
            f"{self.done}/{self.total} files ({share}%), {rate:.1f} files/s, "
            f"{left:.0f} s left, {self.failed} failed"
        )

    def note(self, text: str) -> None:
        """A line of its own, printed above the bar when there is one (a file name's control
        characters escaped, so a line stays one line)."""
        text = shown(text)
        if self._bar is not None:
            self._bar.write(text, file=self.stream)
        else:
            print(text, file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
