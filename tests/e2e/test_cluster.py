"""Several servers act as one: two `mystocks serve` processes and one `mystocks worker` on one
PostgreSQL database and one Redis. A session ended on one server is refused by the other, a
backtest submitted to one runs on the worker and is followed to its end through the other, and
both count one rate limit."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from httpx_sse import connect_sse
from mystocks_client import AuthenticatedClient
from mystocks_client.api.auth import get_current_user, logout
from mystocks_client.models import BacktestUpdate, BacktestUpdateEvent, Problem
from mystocks_sdk import Client

from mystocks.settings import DEV_ADMIN_PASSWORD
from tests.conftest import WorkerProcess, make_settings, process_env
from tests.e2e.sdk import access_token, expect, on
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


def sign_in(base: str) -> Client:
    return Client.login(base, "admin", DEV_ADMIN_PASSWORD, timeout=60)


def test_two_servers_and_a_worker_act_as_one(cluster: tuple[str, str]) -> None:
    a, b = cluster

    # A session ended through A is refused by B.
    with sign_in(a) as session, on(b, session) as session_on_b:
        assert session_on_b.me().username == "admin"
        assert expect(204, logout.sync_detailed(client=session.api)) is None
        # The very token, with no SDK session around it: `TokenSession` would answer the 401 by
        # refreshing, and the point here is B's refusal of this token.
        ended = AuthenticatedClient(base_url=b, token=access_token(session))
        refused = get_current_user.sync_detailed(client=ended)
    assert refused.status_code == 401
    assert isinstance(refused.parsed, Problem) and "signed out" in str(refused.parsed.detail)

    # A backtest submitted to A runs on the worker; its progress is followed through B.
    with sign_in(a) as admin, on(b, admin, timeout=60) as admin_on_b:
        created = admin.backtest(BACKTEST)  # 202 is the only success the contract gives it
        updates: list[BacktestUpdate] = []
        # The frames themselves (Client.follow returns only the finished job).
        params = {"job_id": created.id}
        with connect_sse(admin_on_b.http, "GET", "/api/v1/sse/backtest", params=params) as stream:
            for sse in stream.iter_sse():
                if sse.event == "backtest_update":
                    updates.append(BacktestUpdateEvent.from_dict(sse.json()).data)
                    if updates[-1].status in ("succeeded", "failed", "cancelled"):
                        break
        statuses = [u.status for u in updates]
        assert statuses[-1] == "succeeded", updates
        assert "running" in statuses
        progress = [u.progress for u in updates]
        assert progress == sorted(progress) and progress[-1] == 1
        done = admin_on_b.job(created)
        assert done.status == "succeeded"
        assert done.metrics is not None and done.metrics.trades > 0

        # One rate limit: each server's answers count down the same window. Raw on purpose (over
        # the SDK's connections): the point is the limiter's headers and its 429.
        remaining = []
        for client in (admin, admin_on_b, admin, admin_on_b):
            answer = client.http.get("/api/v1/users/me")
            remaining.append(int(answer.headers["ratelimit-remaining"]))
        assert remaining == list(range(remaining[0], remaining[0] - 4, -1))
        statuses_by_server: dict[str, list[int]] = {a: [], b: []}
        for i in range(RATE_LIMIT):
            client = (admin, admin_on_b)[i % 2]
            statuses_by_server[client.url].append(client.http.get("/api/v1/users/me").status_code)
    assert statuses_by_server[a][-1] == statuses_by_server[b][-1] == 429
    assert statuses_by_server[a].count(200) + statuses_by_server[b].count(200) < RATE_LIMIT
