"""`mystocks worker`: a Celery worker running the jobs servers queue (MYSTOCKS_JOB_QUEUE=celery).

It builds from the settings only what jobs need: the relational store (job rows and bars), the
Redis event bus and the job books. No HTTP server, no sample data, no schema changes (servers
migrate). Each pool process builds them on its first job, after the fork, since database and
Redis connections must not be shared between processes.

A job is skipped when its row has ended (cancelled while queued; a message delivered again
after its job ended) or when another worker holds its heartbeat. Otherwise: heartbeat, then
`started`, the work (progress reported, cancel requests polled), the final report, and only
then the heartbeat removed, so while its worker lives a running row always has a heartbeat.
Reports go through the job's book: the row is written, then the event published, so SSE
subscribers on every server see the job's progress.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import redis

from mystocks.adapters.celery_queue import TASK, CeleryJobRunner, JobSignals, celery_app, queue_name
from mystocks.bootstrap import bootstrap, jobs
from mystocks.jobs.book import ReportRouter
from mystocks.jobs.runner import Report, outcome
from mystocks.jobs.store import TERMINAL
from mystocks.settings import Settings

log = logging.getLogger("mystocks.jobs")

# Set in the worker's main process before its pool forks, so every pool process has them.
_settings: Settings | None = None
_process: _PoolProcess | None = None


@dataclass(frozen=True)
class _PoolProcess:
    pid: int
    name: str  # written in the heartbeat: who runs the job
    router: ReportRouter
    signals: JobSignals
    ttl: float


def _here() -> _PoolProcess:
    global _process
    if _process is None or _process.pid != os.getpid():
        assert _settings is not None, "run_worker sets the settings before the pool starts"
        settings = _settings
        # The books' runner is a Celery one that this process only records through.
        router, runner = jobs(bootstrap(settings, prepare=False), serving=False)
        assert isinstance(runner, CeleryJobRunner)
        name = f"{socket.gethostname()}:{os.getpid()}"
        ttl = settings.job_heartbeat_seconds
        _process = _PoolProcess(os.getpid(), name, router, runner.signals, ttl)
    return _process


class CancelCheck:
    """A job's `should_stop`: the engine asks after every symbol, Redis is asked at most every
    `every` seconds; once cancelled, always cancelled."""

    def __init__(self, signals: JobSignals, job_id: str, every: float = 0.5) -> None:
        self.signals = signals
        self.job_id = job_id
        self.every = every
        self.stopped = False
        self._next = 0.0

    def __call__(self) -> bool:
        now = time.monotonic()
        if not self.stopped and now >= self._next:
            self._next = now + self.every
            self.stopped = self.signals.cancel_requested(self.job_id)
        return self.stopped


@contextmanager
def _heartbeat(here: _PoolProcess, job_id: str) -> Iterator[None]:
    """Refresh the job's heartbeat (claimed already) on a thread while the block runs: four
    chances per TTL, so one slow Redis call does not make a live job look dead."""
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(here.ttl / 4):
            try:
                here.signals.beat(job_id, here.name, here.ttl)
            except redis.RedisError as exc:
                log.warning("could not refresh the heartbeat of %s: %s", job_id, exc)

    thread = threading.Thread(target=beat, daemon=True, name=f"mystocks-heartbeat-{job_id}")
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def run_job(job_id: str) -> None:
    """The Celery task: run job `job_id` ("backtest:7") unless it has ended or runs elsewhere."""
    here = _here()
    book, number = here.router.book_of(job_id)
    row = book.store.get(number)
    if row is None or row["status"] in TERMINAL:
        log.info("skipped %s: %s", job_id, "no such job" if row is None else row["status"])
        return
    if not here.signals.claim(job_id, here.name, here.ttl):
        log.info("skipped %s: another worker is running it", job_id)
        return
    try:
        with _heartbeat(here, job_id):
            if book.record(Report(number, "started")) is None:
                log.info("skipped %s: it ended before it started", job_id)
                return
            log.info("running %s", job_id)
            should_stop = CancelCheck(here.signals, job_id)

            def progress(fraction: float) -> None:
                book.record(Report(number, "progress", float(fraction)))

            def run() -> object:
                work, args = book.work(number)  # the bars are read here, from the database
                return work(*args, progress=progress, should_stop=should_stop)

            final = outcome(number, run)
            book.record(final)
            log.info("%s %s", job_id, final.kind)
    finally:
        here.signals.release(job_id)


def run_worker(settings: Settings, *, concurrency: int, loglevel: str) -> None:
    """Start a worker on this process (blocks until it is stopped)."""
    global _settings
    _settings = settings
    app = celery_app(settings)
    app.task(name=TASK)(run_job)
    app.worker_main(
        [
            "worker",
            "--pool=prefork",
            f"--concurrency={concurrency}",
            f"--loglevel={loglevel.upper()}",
            f"--queues={queue_name(settings)}",
            f"--hostname=mystocks-{os.getpid()}@%h",
            # Gossip, mingle and event heartbeats keep workers in touch for monitoring and
            # revocation, which jobs do not use (they cancel through their own keys).
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ]
    )
