"""The Redis event bus on a real Redis: what one process publishes, another's subscribers get,
and a subscriber resumes after the last id it saw, on any instance."""

from __future__ import annotations

import asyncio

import redis

from mystocks.adapters.bus import Event
from mystocks.adapters.redis_bus import RedisEventBus


async def take(
    bus: RedisEventBus,
    count: int,
    *,
    after: str | None,
    job: int | None = None,
    heartbeat: float = 0.2,
) -> list[Event | None]:
    seen: list[Event | None] = []

    def keep(event: Event) -> bool:
        return job is None or event.data["job"] == job

    async for event in bus.subscribe("backtest", after=after, keep=keep, heartbeat=heartbeat):
        seen.append(event)
        if len(seen) >= count:
            break
    return seen


def test_events_cross_instances_and_resume_by_id(redis_url, redis_prefix):
    one = RedisEventBus(redis_url, prefix=redis_prefix)  # two server processes sharing one Redis
    two = RedisEventBus(redis_url, prefix=redis_prefix)
    published = [
        one.publish("backtest", "backtest_update", {"job": i % 2, "n": i}, owner="ann")
        for i in range(6)
    ]
    assert [e.id for e in published] == sorted(e.id for e in published)

    replay = asyncio.run(take(two, 6, after="0"))
    assert [e.data["n"] for e in replay if e] == [0, 1, 2, 3, 4, 5]
    assert (
        replay[0] is not None and replay[0].owner == "ann" and replay[0].type == "backtest_update"
    )

    resumed = asyncio.run(take(two, 2, after=published[3].id))
    assert [e.data["n"] for e in resumed if e] == [4, 5]
    only_job_1 = asyncio.run(take(one, 3, after="0", job=1))
    assert [e.data["n"] for e in only_job_1 if e] == [1, 3, 5]


def test_live_events_and_heartbeats(redis_url, redis_prefix):
    bus = RedisEventBus(redis_url, prefix=redis_prefix)
    other = RedisEventBus(redis_url, prefix=redis_prefix)

    async def until_event() -> list[Event | None]:
        seen: list[Event | None] = []
        async for item in bus.subscribe("backtest", after=None, keep=lambda e: True, heartbeat=0.2):
            seen.append(item)
            if item is not None:
                return seen
        return seen

    async def scenario() -> list[Event | None]:
        listener = asyncio.create_task(until_event())
        await asyncio.sleep(0.5)  # the listener is waiting: heartbeats come meanwhile
        other.publish("backtest", "backtest_update", {"job": 1, "n": 99})
        return await asyncio.wait_for(listener, timeout=10)

    seen = asyncio.run(scenario())
    assert seen[0] is None  # a heartbeat while nothing happened
    assert seen[-1] is not None and seen[-1].data == {"job": 1, "n": 99}


def test_streams_are_trimmed_to_the_retention_window(redis_url, redis_prefix):
    bus = RedisEventBus(redis_url, prefix=redis_prefix, retention=100)
    for i in range(1000):
        bus.publish("backtest", "backtest_update", {"job": 1, "n": i})
    length = redis.Redis.from_url(redis_url).xlen(f"{redis_prefix}:events:backtest")
    assert 100 <= length < 1000  # approximate trimming keeps at least the window


def test_a_job_run_by_one_server_streams_from_another(
    tmp_path, redis_url, redis_prefix, postgres_sample_database
):
    """Two server instances on one PostgreSQL and one Redis: the job runs on A, B streams it,
    and the state either instance reads agrees with the last event. (Jobs run in A's own pool
    here; tests/integration/test_celery_jobs.py runs them on a worker.)"""
    from starlette.testclient import TestClient

    from mystocks.app import create_app
    from tests.conftest import follow_job, login, make_settings

    url = postgres_sample_database("multi")
    settings = {
        "redis_url": redis_url,
        "redis_prefix": redis_prefix,
        "sse_heartbeat_seconds": 0.2,
        "database_url": url,
        "timeseries_url": url,
        "sample_tick_days": 0,
        "job_queue": "local",
    }
    a = create_app(make_settings(tmp_path / "a", **settings))
    b = create_app(make_settings(tmp_path / "b", **settings))
    with TestClient(a) as on_a, TestClient(b) as on_b:
        token_a = login(on_a, "admin", "mystocks-admin")
        token_b = login(on_b, "admin", "mystocks-admin")
        job = on_a.post(
            "/api/v1/backtests",
            headers=token_a,
            json={
                "strategy": {"type": "sma_cross", "parameters": {}},
                "symbols": ["600036.SH"],
                "start": "2016-01-01",
                "end": "2016-12-31",
            },
        ).json()
        events = follow_job(on_b, token_b, "backtest", job["id"])
        assert events[0]["status"] == "queued"
        assert events[-1]["status"] == "succeeded"
        for client, token in ((on_a, token_a), (on_b, token_b)):
            final = client.get(f"/api/v1/backtests/{job['id']}", headers=token).json()
            assert final["status"] == "succeeded" and final["metrics"] == events[-1]["metrics"]


async def test_an_event_published_after_pinning_is_seen_on_redis(redis_url, redis_prefix):
    from tests.unit.test_bus_readiness import first_after_pinning

    bus = RedisEventBus(redis_url, prefix=redis_prefix)
    try:
        assert await first_after_pinning(bus) == {"n": "after"}
    finally:
        bus.close()
