"""Prometheus metrics: what they are, which registry `/metrics` reads, and the scrape-time ones.

The metrics are module-level objects on purpose: prometheus_client's default registry refuses a
second metric of one name, and one process may build several apps (the tests do), so every app
shares these and tests compare deltas. Counters and histograms are incremented where things
happen (the request middleware, the event buses, the caches, ingest, the job books).

What cannot be counted as it happens is read at scrape time by `RuntimeCollector`: the database
pools of each live app and the job queues in the relational store (the store is the truth when
jobs run on Celery workers that may outlive a server).

Several processes (uvicorn workers, `mystocks worker`): set `PROMETHEUS_MULTIPROC_DIR` to an
empty, writable directory before they start. prometheus_client then keeps each process's values
in files there, and `registry()` answers with a `MultiProcessCollector` that sums them: counters
and histograms add up, the connection gauges are summed over live processes (`livesum`). The
scrape-time gauges are those of the process that answers the scrape (pools are per process).
"""

from __future__ import annotations

import logging
import os
import weakref
from collections.abc import Iterable, Iterator
from typing import Any

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4, generate_latest
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

_log = logging.getLogger("mystocks.metrics")

# The text format every Prometheus version reads (the one the contract declares).
CONTENT_TYPE = CONTENT_TYPE_PLAIN_0_0_4
UNMATCHED = "unmatched"  # the operation label of requests no operation matched (404s, /docs)

HTTP_REQUESTS = Counter(
    "mystocks_http_requests",
    "HTTP requests answered, by operationId and status code.",
    ["operation", "status"],
)
HTTP_DURATION = Histogram(
    "mystocks_http_request_duration_seconds",
    "Time from a request's arrival to the end of its answer, by operationId and status code.",
    ["operation", "status"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
SSE_CONNECTIONS = Gauge(
    "mystocks_sse_connections",
    "Server-Sent Event streams open now, by stream.",
    ["stream"],
    multiprocess_mode="livesum",
)
WS_CONNECTIONS = Gauge(
    "mystocks_websocket_connections",
    "WebSocket connections open now.",
    multiprocess_mode="livesum",
)
EVENTS_PUBLISHED = Counter(
    "mystocks_events_published", "Events published on the event bus, by topic.", ["topic"]
)
EVENTS_DROPPED = Counter(
    "mystocks_events_dropped",
    "Items dropped from slow WebSocket readers' queues (each drop is reported as a gap), by kind.",
    ["kind"],
)
JOB_DURATION = Histogram(
    "mystocks_job_duration_seconds",
    "Run time of finished jobs (start to end), by kind and final status.",
    ["kind", "status"],
    buckets=(0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600),
)
INGEST_ROWS = Counter(
    "mystocks_ingest_rows",
    "Rows written to the time-series store by ingest (rate() of it is rows/s), by kind.",
    ["kind"],
)
CACHE_HITS = Counter("mystocks_cache_hits", "Answers served from the cache.", ["backend"])
CACHE_MISSES = Counter("mystocks_cache_misses", "Answers the cache had to build.", ["backend"])


class Watched:
    """What one app lets the collector read at scrape time: its engines and job stores.

    The app holds it; the collector only keeps a weak reference, so an app that is gone
    stops being reported."""

    def __init__(self, engines: dict[str, Any], job_stores: dict[str, Any]) -> None:
        self.engines = engines  # store name -> SQLAlchemy Engine
        self.job_stores = job_stores  # job kind -> JobStore (count_by_status)


_WATCHED: weakref.WeakSet[Watched] = weakref.WeakSet()


def watch(engines: dict[str, Any], job_stores: dict[str, Any]) -> Watched:
    watched = Watched(engines, job_stores)
    _WATCHED.add(watched)
    return watched


def _pool_figures(engine: Any) -> tuple[int, int] | None:
    """(checked out, size) of a QueuePool; None for pools without them (SQLite memory)."""
    pool = engine.pool
    if not hasattr(pool, "checkedout") or not hasattr(pool, "size"):
        return None
    return int(pool.checkedout()), int(pool.size())


class RuntimeCollector(Collector):
    """Database pool gauges and job queue depths, read when Prometheus scrapes."""

    def collect(self) -> Iterable[Metric]:
        checked_out = GaugeMetricFamily(
            "mystocks_db_pool_checked_out",
            "Database connections in use now, by store.",
            labels=["store"],
        )
        size = GaugeMetricFamily(
            "mystocks_db_pool_size",
            "Database pool size (idle and in use), by store.",
            labels=["store"],
        )
        queued = GaugeMetricFamily(
            "mystocks_job_queue_depth", "Jobs waiting for a worker, by kind.", labels=["kind"]
        )
        running = GaugeMetricFamily(
            "mystocks_jobs_running", "Jobs running, by kind.", labels=["kind"]
        )
        pools: dict[str, list[int]] = {}
        jobs: dict[str, list[int]] = {}
        for watched in list(_WATCHED):
            for store, engine in watched.engines.items():
                figures = _pool_figures(engine)
                if figures is not None:
                    total = pools.setdefault(store, [0, 0])
                    total[0] += figures[0]
                    total[1] += figures[1]
            for kind, job_store in watched.job_stores.items():
                try:
                    counts = job_store.count_by_status(owner=None, statuses=("queued", "running"))
                except Exception as exc:  # a scrape must not fail because one store is down
                    _log.warning("job queue depth of %s is not available: %s", kind, exc)
                    continue
                total = jobs.setdefault(kind, [0, 0])
                total[0] += counts["queued"]
                total[1] += counts["running"]
        for store, (out, pool_size) in sorted(pools.items()):
            checked_out.add_metric([store], out)
            size.add_metric([store], pool_size)
        for kind, (waiting, busy) in sorted(jobs.items()):
            queued.add_metric([kind], waiting)
            running.add_metric([kind], busy)
        yield from (checked_out, size, queued, running)


_RUNTIME = RuntimeCollector()
REGISTRY.register(_RUNTIME)
_multiprocess: CollectorRegistry | None = None


def multiprocess() -> bool:
    return bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))


def registry() -> CollectorRegistry:
    """What `/metrics` exposes: this process's metrics, or every process's in multiprocess mode
    (the metrics above then also land in the default registry, which is not read)."""
    global _multiprocess
    if not multiprocess():
        return REGISTRY
    if _multiprocess is None:
        built = CollectorRegistry()
        MultiProcessCollector(built)  # type: ignore[no-untyped-call]
        built.register(_RUNTIME)
        _multiprocess = built
    return _multiprocess


def exposition() -> bytes:
    """The Prometheus text format (0.0.4) of `registry()`."""
    return generate_latest(registry())


def operation_label(operation_id: str | None) -> str:
    return operation_id or UNMATCHED


def samples(name: str, **labels: str) -> Iterator[float]:
    """The values of the samples called `name` with these labels (for tests and the bench)."""
    for metric in registry().collect():
        for sample in metric.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                yield sample.value


def serve_metrics(port: int, host: str) -> None:
    """`MYSTOCKS_METRICS_PORT`: `/metrics` without authentication on a port of its own, from a
    daemon thread (prometheus_client's own small HTTP server), for a scraper that holds no
    token. It listens on the API's address; keep that port inside the network."""
    from prometheus_client import start_http_server

    start_http_server(port, addr=host, registry=registry())
