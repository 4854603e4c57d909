"""Jobs on Celery workers (`mystocks worker`) fed through Redis (MYSTOCKS_JOB_QUEUE=celery).

A message is only a job's key ("backtest:7"), JSON-serialised: the job's row is its input and
its result, so there is no result backend. Everything lives under `redis_prefix` (the broker's
keys and channels too), so servers and workers sharing a Redis but not a database never see
each other's jobs.

What server and worker processes tell each other about a job goes through `JobSignals`:
  - a cancel request: a key with a TTL that the running work polls (`should_stop`);
  - a heartbeat: a key with a short TTL that the running work refreshes. A running job whose
    heartbeat is gone lost its worker (killed, its machine gone): each server's reaper fails it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import redis
from celery import Celery

from mystocks.settings import Settings

log = logging.getLogger("mystocks.jobs")

TASK = "mystocks.run_job"
# A cancel request outlives any job's wait between two `should_stop` checks by far; it expires
# so that requests about jobs that ended meanwhile do not pile up.
CANCEL_TTL_SECONDS = 24 * 3600


def queue_name(settings: Settings) -> str:
    return f"{settings.redis_prefix}.jobs"


VISIBILITY_TIMEOUT = 300  # seconds


def celery_app(settings: Settings) -> Celery:
    """The Celery app servers send jobs with and workers run them with."""
    app = Celery("mystocks", broker=settings.redis_url, set_as_current=False)
    app.conf.update(
        task_serializer="json",
        accept_content=["json"],
        task_ignore_result=True,  # the job's row is its result
        task_default_queue=queue_name(settings),
        broker_transport_options={
            "global_keyprefix": f"{settings.redis_prefix}:celery:",
            "visibility_timeout": VISIBILITY_TIMEOUT,
        },
        broker_connection_retry_on_startup=True,
        # One job at a time per process, acknowledged when it ends: a message whose worker
        # died is delivered again, and skipped if its row has ended by then. Redis delivers a
        # message again when its worker has not acknowledged it within the visibility timeout:
        # a job still running is skipped (its heartbeat is held), and a job a killed worker had
        # taken but not started runs after minutes instead of Celery's default hour.
        worker_prefetch_multiplier=1,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
    )
    return app


class JobSignals:
    """The Redis keys servers and workers share about running jobs."""

    def __init__(self, url: str, prefix: str) -> None:
        self.prefix = prefix
        self._client = redis.Redis.from_url(url)

    def _key(self, what: str, job_id: str) -> str:
        return f"{self.prefix}:jobs:{what}:{job_id}"

    def request_cancel(self, job_id: str) -> None:
        self._client.set(self._key("cancel", job_id), 1, ex=CANCEL_TTL_SECONDS)

    def cancel_requested(self, job_id: str) -> bool:
        return bool(self._client.exists(self._key("cancel", job_id)))

    def claim(self, job_id: str, worker: str, ttl: float) -> bool:
        """Start the job's heartbeat unless it has one: False when another worker runs it
        (a message delivered again while its first delivery is still running)."""
        return bool(self._client.set(self._key("alive", job_id), worker, px=_ms(ttl), nx=True))

    def beat(self, job_id: str, worker: str, ttl: float) -> None:
        self._client.set(self._key("alive", job_id), worker, px=_ms(ttl))

    def release(self, job_id: str) -> None:
        self._client.delete(self._key("alive", job_id), self._key("cancel", job_id))

    def alive(self, job_ids: list[str]) -> set[str]:
        """Those of `job_ids` whose heartbeat is fresh."""
        pipe = self._client.pipeline(transaction=False)
        for job_id in job_ids:
            pipe.exists(self._key("alive", job_id))
        return {job_id for job_id, found in zip(job_ids, pipe.execute(), strict=True) if found}

    def close(self) -> None:
        self._client.close()


Alive = Callable[[list[str]], set[str]]
"""`JobSignals.alive`: which of these job keys have a fresh heartbeat."""


def _ms(seconds: float) -> int:
    return max(1, int(seconds * 1000))


class CeleryJobRunner:
    """The server's side of the Celery queue (a `JobRunner`), and its reaper of lost jobs."""

    def __init__(self, settings: Settings, app: Celery | None = None) -> None:
        assert settings.redis_url is not None  # Settings refuses celery without it
        self.app = app or celery_app(settings)
        self.queue = queue_name(settings)
        self.signals = JobSignals(settings.redis_url, settings.redis_prefix)
        self._stop = threading.Event()
        self._reaper: threading.Thread | None = None

    def submit(self, job_id: str) -> None:
        self.app.send_task(TASK, args=[job_id], queue=self.queue)

    def cancel(self, job_id: str) -> None:
        """Ask whichever worker runs the job to stop; a queued job's row is already cancelled
        by its book, and a worker skips a job whose row has ended."""
        self.signals.request_cancel(job_id)

    def start_reaper(self, reap: Callable[[Alive], Any], every: float) -> None:
        """Call `reap(alive)` now, then every `every` seconds on a daemon thread until shutdown.

        Once now, since jobs of a worker that died while no server ran are found only here;
        every server reaps, and failing a job is conditional, so two reaping at once agree."""
        reap(self.signals.alive)

        def loop() -> None:
            while not self._stop.wait(every):
                try:
                    reap(self.signals.alive)
                except Exception:  # a database or Redis hiccup must not end the reaping
                    log.exception("could not look for jobs whose worker stopped")

        self._reaper = threading.Thread(target=loop, daemon=True, name="mystocks-job-reaper")
        self._reaper.start()

    def shutdown(self) -> None:
        """Stop reaping. Running jobs carry on in their workers: they are not this server's."""
        self._stop.set()
        if self._reaper is not None:
            self._reaper.join()
        self.app.close()
        self.signals.close()
