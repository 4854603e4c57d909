"""The one place that picks real adapters: `bootstrap(settings) -> Core`.

Every process starts here: the server (`mystocks.app.create_app`), each CLI command, the feed
process (`mystocks feed`) and the job worker (`mystocks worker`). What a process needs beyond
the core it builds from the core's parts, by constructor injection; nothing is set afterwards.

    settings ──bootstrap──> Core: stores (relational, time series), Redis link, event bus,
                                  cache, ingest meter
                   └─jobs──> the job books and the runner that executes them
"""

from __future__ import annotations

from dataclasses import dataclass

from mystocks.adapters.bus import EventBus, InProcessEventBus
from mystocks.adapters.cache import Cache, LocalCache, NoCache, RedisCache
from mystocks.adapters.celery_queue import CeleryJobRunner
from mystocks.adapters.manager import UnifiedManager
from mystocks.adapters.redis_bus import RedisEventBus
from mystocks.adapters.redis_link import RedisLink
from mystocks.jobs.book import ReportRouter
from mystocks.jobs.kinds import add_books
from mystocks.jobs.runner import JobRunner, ProcessJobRunner
from mystocks.market.meter import RateMeter, make_meter
from mystocks.market.sample import load_sample_data
from mystocks.settings import Settings


@dataclass(frozen=True)
class Core:
    """What every process of one deployment shares: its stores, Redis, bus, cache and meter."""

    settings: Settings
    data: UnifiedManager
    redis: RedisLink | None  # one pooled client per process: cache, rate limits, sessions
    bus: EventBus
    cache: Cache
    meter: RateMeter  # ingested rows per second, across processes when through Redis

    @property
    def shared_cache(self) -> Cache | None:
        """The cache that servers read, when this process can reach it (through Redis): a
        process that serves nothing tells it what it changed. Without Redis each server's own
        cache catches up within its TTL (minutes at most)."""
        return self.cache if self.redis is not None else None

    def close(self) -> None:
        self.data.dispose()
        if self.redis is not None:
            self.redis.close()


def bootstrap(settings: Settings, *, prepare: bool = True, sample: bool | None = None) -> Core:
    """The core of `settings`. `prepare` creates or migrates the schema (servers, imports, the
    feed; not the worker: servers migrate); `sample` loads the sample data on first start
    (default: `MYSTOCKS_LOAD_SAMPLE_DATA`, and only when preparing)."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    data = UnifiedManager.from_urls(settings.relational_url, settings.timeseries_store_url)
    if prepare:
        data.create_schema()
        if settings.load_sample_data if sample is None else sample:
            load_sample_data(data, tick_days=settings.sample_tick_days)
    link = RedisLink(settings.redis_url, settings.redis_prefix) if settings.redis_url else None
    # With Redis, events cross server processes; its key prefix must be unique per database,
    # since job ids restart with a new database while a stream would still hold old events.
    bus: EventBus = (
        RedisEventBus(settings.redis_url, prefix=settings.redis_prefix)
        if settings.redis_url
        else InProcessEventBus()
    )
    cache: Cache = (
        NoCache() if not settings.cache else RedisCache(link) if link is not None else LocalCache()
    )
    # With Redis, every instance and `mystocks import` counts ingested rows into one rate.
    meter = make_meter(settings.redis_url, settings.redis_prefix)
    return Core(settings, data, link, bus, cache, meter)


def jobs(core: Core, *, serving: bool) -> tuple[ReportRouter, JobRunner]:
    """The job books (one per kind of job) and the runner that executes them.

    A server (`serving`) with MYSTOCKS_JOB_QUEUE=celery queues jobs for `mystocks worker`
    processes, which may outlive it: it fails only the running jobs whose worker's heartbeat is
    gone, and keeps checking. A server with the local queue runs them in a pool of its own
    processes; whatever was queued or running died with the previous server. A worker records
    its reports through the same books, and queues nothing itself.
    """
    settings = core.settings
    router = ReportRouter()
    runner: JobRunner
    if settings.job_queue_mode == "celery" or not serving:
        runner = CeleryJobRunner(settings)
    else:
        runner = ProcessJobRunner(router, router.work, workers=settings.job_workers)
    add_books(router, core.data.relational, core.bus, runner)
    if isinstance(runner, CeleryJobRunner):
        if serving:
            runner.start_reaper(router.reap, every=settings.job_heartbeat_seconds / 4)
    else:
        for book in router.books.values():
            book.fail_interrupted()
    return router, runner
