"""Jobs on `mystocks worker` processes (MYSTOCKS_JOB_QUEUE=celery): a real worker subprocess,
PostgreSQL and Redis. The server queues, the worker runs and reports through the event bus,
cancel requests and heartbeats cross processes, and a killed worker's job is failed."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from mystocks.app import create_app
from mystocks.settings import DEV_ADMIN_PASSWORD, Settings
from tests.conftest import WorkerProcess, follow_job, login, make_settings

BACKTEST = {
    "strategy": {"type": "sma_cross", "parameters": {}},
    "symbols": ["600036.SH", "000002.SZ", "600085.SH"],
    "start": "2015-01-01",
    "end": "2016-12-31",
}
# About 500 trials over every sample symbol: 15 s or more of work, so it is surely still
# running when a test acts on it (a test that finds it finished fails).
LONG_TRAINING = {
    "strategy_type": "macd_trend",
    "ranges": {
        "fast": {"minimum": 2, "maximum": 20},
        "slow": {"minimum": 21, "maximum": 60},
        "signal": {"minimum": 2, "maximum": 15},
    },
    "trials": 500,
    "symbols": [
        *("600036.SH", "600085.SH", "600809.SH", "601766.SH", "000002.SZ", "002230.SZ"),
        *("002594.SZ", "002739.SZ", "300059.SZ", "300104.SZ", "000001.SH"),
        *("AAPL.US", "IBM.US", "MSFT.US", "GOOG.US"),
    ],
    "start": "2000-01-01",
    "end": "2017-12-31",
}


@pytest.fixture
def settings(
    tmp_path: Path, redis_url: str, redis_prefix: str, postgres_sample_database: Any
) -> Settings:
    """A server's and its workers' settings: one PostgreSQL database, one Redis prefix."""
    url = postgres_sample_database("celery")
    return make_settings(
        tmp_path / "server",
        database_url=url,
        timeseries_url=url,
        redis_url=redis_url,
        redis_prefix=redis_prefix,
        sample_tick_days=0,
        job_heartbeat_seconds=3,  # the reaper acts within about 4 s
        sse_heartbeat_seconds=0.2,
        sse_max_seconds=90,  # a stuck job fails the test instead of hanging it
    )


@dataclass
class Cluster:
    """A server (called through ASGI) and the `mystocks worker` processes a test starts."""

    client: TestClient
    headers: dict[str, str]
    settings: Settings
    start_worker: Callable[..., WorkerProcess]

    def worker(self) -> WorkerProcess:
        return self.start_worker(self.settings)

    def submit(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        job: dict[str, Any] = self.client.post(path, headers=self.headers, json=body).json()
        assert job["status"] == "queued", job
        return job

    def follow(
        self, kind: str, job_id: int, on_event: Callable[[dict[str, Any]], None] | None = None
    ) -> list[dict[str, Any]]:
        return follow_job(self.client, self.headers, kind, job_id, on_event)


@pytest.fixture
def cluster(settings: Settings, start_worker: Callable[..., WorkerProcess]) -> Iterator[Cluster]:
    assert settings.job_queue_mode == "celery"  # chosen by the Redis URL alone
    with TestClient(create_app(settings)) as client:
        yield Cluster(client, login(client, "admin", DEV_ADMIN_PASSWORD), settings, start_worker)


class OnceRunning:
    """An `on_event` that calls `action` at the first update showing progress, and only then."""

    def __init__(self, action: Callable[[], None]) -> None:
        self.action = action
        self.at: float | None = None

    def __call__(self, update: dict[str, Any]) -> None:
        if update["progress"] > 0 and self.at is None:
            self.action()
            self.at = time.monotonic()


def test_a_backtest_runs_on_the_worker_and_streams_its_progress(cluster: Cluster) -> None:
    worker = cluster.worker()
    job = cluster.submit("/api/v1/backtests", BACKTEST)

    updates = cluster.follow("backtest", job["id"])
    statuses = [u["status"] for u in updates]
    assert statuses[0] == "queued" and statuses[-1] == "succeeded", statuses
    progress = [u["progress"] for u in updates if u["status"] == "running"]
    assert progress[0] == 0.0 and len(progress) == 4  # started, then one per symbol
    assert progress == sorted(progress) and progress[-1] == 1.0
    client, headers = cluster.client, cluster.headers
    final = client.get(f"/api/v1/backtests/{job['id']}", headers=headers).json()
    assert final["metrics"] == updates[-1]["metrics"] and final["metrics"]["trades"] > 0
    trades = client.get(f"/api/v1/backtests/{job['id']}/trades", headers=headers).json()
    assert trades["items"], "the worker stored the results with the row"
    assert f"running backtest:{job['id']}" in worker.log()


def test_a_running_job_cancelled_on_another_server_stops_on_the_worker(cluster: Cluster) -> None:
    cluster.worker()
    job = cluster.submit("/api/v1/training-jobs", LONG_TRAINING)
    # A second server starting while the job runs (a restart, or one more instance) must not
    # fail it: its worker's heartbeat is alive. It is also where the cancel request goes.
    with TestClient(create_app(cluster.settings)) as other:
        other_headers = login(other, "admin", DEV_ADMIN_PASSWORD)

        def cancel() -> None:
            url = f"/api/v1/training-jobs/{job['id']}/cancel"
            response = other.post(url, headers=other_headers)
            # The job as it is after the request: still running, or already stopped if the
            # worker heard of the cancel before the answer read the job again.
            assert response.json()["status"] in ("running", "cancelled"), response.text

        cancelled = OnceRunning(cancel)
        updates = cluster.follow("training", job["id"], cancelled)
    assert updates[-1]["status"] == "cancelled", updates[-1]
    assert updates[-1]["error"] == "cancelled on request"
    assert 0 < updates[-1]["progress"] < 0.5  # stopped soon after, far from the end
    assert cancelled.at is not None


def test_a_killed_workers_job_is_failed_by_the_reaper(cluster: Cluster) -> None:
    worker = cluster.worker()
    job = cluster.submit("/api/v1/training-jobs", LONG_TRAINING)
    # The worker and its pool, with no goodbye.
    killed = OnceRunning(lambda: worker.signal(signal.SIGKILL))
    updates = cluster.follow("training", job["id"], killed)
    assert updates[-1]["status"] == "failed", updates[-1]
    assert updates[-1]["error"] == "the worker running the training stopped"
    assert updates[-1]["progress"] < 0.5  # failed by the reaper, not run to its end
    assert killed.at is not None


def test_a_job_cancelled_while_queued_is_skipped_by_the_worker(cluster: Cluster) -> None:
    client, headers = cluster.client, cluster.headers
    # No worker yet: the jobs wait in the queue.
    first = cluster.submit("/api/v1/backtests", BACKTEST)
    cancelled = client.post(f"/api/v1/backtests/{first['id']}/cancel", headers=headers).json()
    assert cancelled["status"] == "cancelled" and cancelled["finished_at"] is not None
    second = cluster.submit("/api/v1/backtests", BACKTEST)

    worker = cluster.worker()
    assert cluster.follow("backtest", second["id"])[-1]["status"] == "succeeded"
    # The queue is first in, first out: the worker took the first message before the second.
    after = client.get(f"/api/v1/backtests/{first['id']}", headers=headers).json()
    assert after["status"] == "cancelled" and after["started_at"] is None
    assert f"skipped backtest:{first['id']}: cancelled" in worker.log()
    assert f"running backtest:{first['id']}" not in worker.log()
