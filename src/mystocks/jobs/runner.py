"""Job runners, and the local one: backtests in a pool of worker processes beside the server.

Workers are spawned (not forked: the server holds threads and database pools a fork would copy
half-alive), at most `workers` jobs run at once and the rest queue. A worker reports through a
queue that a pump thread in the server reads: `started`, `progress` (fraction), and the result
or the error comes back through the job's future. Cancelling sets a flag the worker checks
between symbols. Every report is handed to `on_report`, which stores it and only then
publishes the event (the service's job), so no event describes uncommitted state.

A runner is handed only a job's key; `prepare(key)` builds its work from the job's stored row.
This runner prepares in the server (workers touch no database); the Celery runner
(`adapters/celery_queue.py`) sends the key and a `mystocks worker` prepares the same way.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from queue import Empty
from typing import Any, Protocol

log = logging.getLogger("mystocks.jobs")

# The job tables' `error` column and the contract's `error` (Backtest, TrainingJob) hold at most
# this many characters; an exception's message has no such bound.
ERROR_LENGTH = 2000


@dataclass(frozen=True)
class Report:
    job_id: Any  # the runner's key ("backtest:7"); a JobBook sees its own int ids
    kind: str  # started | progress | succeeded | failed | cancelled
    progress: float = 0.0
    result: Any = None
    error: str | None = None


Work = tuple[Callable[..., Any], tuple[Any, ...]]
"""`(work, args)`: run as `work(*args, progress=..., should_stop=...)`; `work` is a top-level
function (picklable) and returns plain data (JSON-ready)."""


class JobRunner(Protocol):
    def submit(self, job_id: str) -> None:
        """Run job `job_id` ("backtest:7"): the work its stored row describes."""
        ...

    def cancel(self, job_id: str) -> None: ...

    def shutdown(self) -> None: ...


def outcome(job_id: Any, run: Callable[[], Any]) -> Report:
    """The final report of a job whose result `run()` returns or whose error it raises."""
    from mystocks.backtest import Cancelled

    try:
        return Report(job_id, "succeeded", 1.0, result=run())
    except Cancelled:
        return Report(job_id, "cancelled", error="cancelled on request")
    except Exception as exc:  # the job's own failure, reported on the job
        return Report(job_id, "failed", error=f"{type(exc).__name__}: {exc}"[:ERROR_LENGTH])


def _run(
    job_id: str, work: Callable[..., Any], args: tuple[Any, ...], reports: Any, cancelled: Any
) -> Any:
    """Inside a worker process."""
    reports.put((job_id, "started", 0.0))
    return work(
        *args,
        progress=lambda f: reports.put((job_id, "progress", float(f))),
        should_stop=lambda: job_id in cancelled,
    )


class ProcessJobRunner:
    def __init__(
        self,
        on_report: Callable[[Report], None],
        prepare: Callable[[str], Work],
        workers: int = 2,
    ) -> None:
        self._on_report = on_report
        self._prepare = prepare
        self._workers = workers
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        self._stop = threading.Event()
        self._futures: dict[str, Future[Any]] = {}
        self._finals: queue.Queue[Report] = queue.Queue()

    def _start(self) -> ProcessPoolExecutor:
        # Started on the first job, so apps that never run one spawn nothing.
        with self._lock:
            if self._pool is None:
                context = mp.get_context("spawn")
                self._manager = context.Manager()
                self._reports = self._manager.Queue()
                self._cancelled = self._manager.dict()
                self._pool = ProcessPoolExecutor(self._workers, mp_context=context)
                self._pump = threading.Thread(
                    target=self._pump_reports, daemon=True, name="mystocks-job-reports"
                )
                self._pump.start()
            return self._pool

    def _pump_reports(self) -> None:
        """The one consumer of every report, so they are recorded in the order they happened.

        A job's final report comes from its future, after its worker put all its progress
        reports on the queue; draining the queue before recording a final keeps them ahead."""
        while not self._stop.is_set():
            try:
                final = self._finals.get(timeout=0.05)
            except Empty:
                final = None
            if not self._drain():
                return
            if final is not None:
                self._report(final)

    def _drain(self) -> bool:
        """Record every queued worker report; False once the manager is gone (shutdown)."""
        while True:
            try:
                job_id, kind, fraction = self._reports.get_nowait()
            except Empty:
                return True
            except (EOFError, OSError):
                return False
            self._report(Report(job_id, kind, fraction))

    def _report(self, report: Report) -> None:
        try:
            self._on_report(report)
        except Exception:  # a failed report must not kill the pump for every other job
            log.exception("could not record %s of job %s", report.kind, report.job_id)

    def submit(self, job_id: str) -> None:
        work, args = self._prepare(job_id)
        pool = self._start()
        future = pool.submit(_run, job_id, work, args, self._reports, self._cancelled)
        self._futures[job_id] = future
        future.add_done_callback(lambda done: self._finished(job_id, done))

    def _finished(self, job_id: str, future: Future[Any]) -> None:
        """On the executor's thread: turn the outcome into a final report for the pump."""
        self._futures.pop(job_id, None)
        self._cancelled.pop(job_id, None)
        if future.cancelled():  # cancelled while still queued: it never ran
            final = Report(job_id, "cancelled", error="cancelled before it started")
        else:
            final = outcome(job_id, future.result)
        self._finals.put(final)

    def cancel(self, job_id: str) -> None:
        if self._pool is None:
            return
        future = self._futures.get(job_id)
        if future is None or not future.cancel():  # running already: ask it to stop
            self._cancelled[job_id] = True

    def shutdown(self) -> None:
        """Ask running jobs to stop, let the workers exit, then stop the manager they talk to
        (in the other order, idle workers die noisily reaching for a manager that is gone).
        Jobs interrupted here are failed by the next start (`JobBook.fail_interrupted`)."""
        self._stop.set()
        if self._pool is not None:
            for job_id in list(self._futures):
                self._cancelled[job_id] = True
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._manager.shutdown()
