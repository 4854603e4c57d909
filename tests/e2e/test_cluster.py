"""Several servers act as one: two `mystocks serve` processes and one `mystocks worker` on one
PostgreSQL database and one Redis. A session ended on one server is refused by the other, a
backtest submitted to one runs on the worker and is followed to its end through the other, and
both count one rate limit."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from httpx_sse import connect_sse

from mystocks.settings import DEV_ADMIN_PASSWORD
from tests.conftest import WorkerProcess, make_settings, process_env
from tests.servers import subprocess_server

BACKTEST = {
    "strategy": {"type": "sma_cross", "parameters": {}},
    "symbols": ["600036.SH", "000002.SZ"],
    "start": "2014-01-01",
    "end": "2016-12-31",
}
RATE_LIMIT = 60  # per admin per minute, across both servers


@pytest.fixture
def cluster(
    tmp_path: Path,
    redis_url: str,
    redis_prefix: str,
    postgres_sample_database: Any,
    start_worker: Callable[..., WorkerProcess],
) -> Iterator[tuple[str, str]]:
    url = postgres_sample_database("cluster")
    settings = make_settings(
        tmp_path / "data",
        database_url=url,
        timeseries_url=url,
        redis_url=redis_url,
        redis_prefix=redis_prefix,
        sample_tick_days=0,
        rate_limit_admin=RATE_LIMIT,
        sse_heartbeat_seconds=0.5,
        sse_max_seconds=120,
    )
    env = process_env(settings)
    with subprocess_server(env) as (a, _), subprocess_server(env) as (b, _):
        start_worker(settings)  # A migrated the database; B found it done
        yield a, b


def sign_in(base: str) -> dict[str, str]:
    form = {"username": "admin", "password": DEV_ADMIN_PASSWORD}
    answer = httpx.post(f"{base}/api/v1/auth/token", data=form, timeout=10)
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


def test_two_servers_and_a_worker_act_as_one(cluster: tuple[str, str]) -> None:
    a, b = cluster

    # A session ended through A is refused by B.
    session = sign_in(a)
    assert httpx.get(f"{b}/api/v1/users/me", headers=session).status_code == 200
    assert httpx.post(f"{a}/api/v1/auth/logout", headers=session).status_code == 204
    refused = httpx.get(f"{b}/api/v1/users/me", headers=session)
    assert refused.status_code == 401 and "signed out" in refused.json()["detail"]

    # A backtest submitted to A runs on the worker; its progress is followed through B.
    admin = sign_in(a)
    created = httpx.post(f"{a}/api/v1/backtests", headers=admin, json=BACKTEST, timeout=30)
    assert created.status_code == 202, created.text
    job_id = created.json()["id"]
    updates = []
    with httpx.Client(base_url=b, headers=admin, timeout=60) as client:
        params = {"job_id": job_id}
        with connect_sse(client, "GET", "/api/v1/sse/backtest", params=params) as stream:
            for sse in stream.iter_sse():
                if sse.event == "backtest_update":
                    updates.append(json.loads(sse.data)["data"])
                    if updates[-1]["status"] in ("succeeded", "failed", "cancelled"):
                        break
    statuses = [u["status"] for u in updates]
    assert statuses[-1] == "succeeded", updates
    assert "running" in statuses
    progress = [u["progress"] for u in updates]
    assert progress == sorted(progress) and progress[-1] == 1
    done = httpx.get(f"{b}/api/v1/backtests/{job_id}", headers=admin).json()
    assert done["status"] == "succeeded" and done["metrics"]["trades"] > 0

    # One rate limit: each server's answers count down the same window.
    remaining = []
    for base in (a, b, a, b):
        answer = httpx.get(f"{base}/api/v1/users/me", headers=admin)
        remaining.append(int(answer.headers["ratelimit-remaining"]))
    assert remaining == list(range(remaining[0], remaining[0] - 4, -1))
    statuses_by_server: dict[str, list[int]] = {a: [], b: []}
    for i in range(RATE_LIMIT):
        base = (a, b)[i % 2]
        statuses_by_server[base].append(
            httpx.get(f"{base}/api/v1/users/me", headers=admin).status_code
        )
    assert statuses_by_server[a][-1] == statuses_by_server[b][-1] == 429
    assert statuses_by_server[a].count(200) + statuses_by_server[b].count(200) < RATE_LIMIT
