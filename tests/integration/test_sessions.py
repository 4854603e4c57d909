"""Refresh, logout and revocation over HTTP, in process and shared by instances through Redis;
and what happens when Redis goes away mid-run."""

from __future__ import annotations

import uuid
from pathlib import Path

from starlette.testclient import TestClient

from mystocks.app import create_app
from tests.conftest import app_on_copy
from tests.proxy import Proxy

ME = "/api/v1/users/me"
BARS = "/api/v1/market/bars/600036.SH?limit=5"


def sign_in(client: TestClient) -> dict[str, str]:
    answer = client.post(
        "/api/v1/auth/token", data={"username": "admin", "password": "mystocks-admin"}
    )
    assert answer.status_code == 200, answer.text
    return answer.json()  # type: ignore[no-any-return]


def bearer(tokens: dict[str, str]) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


def test_refresh_rotates_and_logout_ends_the_session(client: TestClient):
    tokens = sign_in(client)
    assert tokens["refresh_expires_in"] > tokens["expires_in"] > 0
    renewed = client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert renewed.status_code == 200 and renewed.headers["cache-control"] == "no-store"
    fresh = renewed.json()
    assert client.get(ME, headers=bearer(fresh)).json()["username"] == "admin"

    assert client.post("/api/v1/auth/logout", headers=bearer(fresh)).status_code == 204
    for used in (tokens, fresh):  # every access token of the session, old and new
        refused = client.get(ME, headers=bearer(used))
        assert refused.status_code == 401, refused.text
        assert refused.headers["content-type"] == "application/problem+json"
        assert "signed out" in refused.json()["detail"]
    again = client.post("/api/v1/auth/refresh", json={"refresh_token": fresh["refresh_token"]})
    assert again.status_code == 401
    assert client.get(ME, headers=bearer(sign_in(client))).status_code == 200  # a new session


def test_a_replayed_refresh_token_is_refused_and_ends_the_session(client: TestClient):
    tokens = sign_in(client)
    first = client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    replay = client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert replay.status_code == 401 and "already used" in replay.json()["detail"]
    assert client.get(ME, headers=bearer(first.json())).status_code == 401


def test_bad_refresh_requests_are_problems(client: TestClient):
    unknown = client.post("/api/v1/auth/refresh", json={"refresh_token": "made-up"})
    assert unknown.status_code == 401 and unknown.json()["status"] == 401
    empty = client.post("/api/v1/auth/refresh", json={})
    assert empty.status_code == 400 and "refresh_token" in empty.text
    assert client.post("/api/v1/auth/logout").status_code == 401


def test_a_session_ended_on_one_instance_is_refused_by_another(template_dir, tmp_path, redis_url):
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    a = app_on_copy(template_dir, tmp_path, redis_url=redis_url, redis_prefix=prefix)
    b = create_app(a.services.settings)
    with TestClient(a) as on_a, TestClient(b) as on_b:
        tokens = sign_in(on_a)
        renewed = on_b.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
        assert renewed.status_code == 200  # B knows A's refresh token
        fresh = renewed.json()
        assert on_a.get(ME, headers=bearer(fresh)).status_code == 200
        assert on_a.post("/api/v1/auth/logout", headers=bearer(fresh)).status_code == 204
        assert on_b.get(ME, headers=bearer(fresh)).status_code == 401
        refresh = {"refresh_token": fresh["refresh_token"]}
        assert on_b.post("/api/v1/auth/refresh", json=refresh).status_code == 401


def test_reads_go_on_while_redis_is_down_and_redis_is_picked_up_again(
    template_dir: Path, tmp_path: Path, redis_url: str
):
    proxy, through = Proxy.to_redis(redis_url)
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    settings = {"redis_url": through, "redis_prefix": prefix, "rate_limit_admin": 1000}
    app = app_on_copy(template_dir, tmp_path, **settings)
    link = app.services.redis
    assert link is not None
    with TestClient(app) as client:
        tokens = sign_in(client)
        assert client.get(BARS, headers=bearer(tokens)).headers["ratelimit-limit"] == "1000"
        proxy.cut()
        for _ in range(3):
            answer = client.get(BARS, headers=bearer(tokens))
            assert answer.status_code == 200, answer.text
            assert "ratelimit-limit" not in answer.headers  # limits fail open, as configured
        assert not link.available
        ready = client.get("/ready").json()
        assert ready["status"] == "degraded"
        assert [c["ok"] for c in ready["checks"] if c["name"] == "redis"] == [False]
        proxy.restore()
        assert client.get("/ready").json()["status"] == "ready"  # picked up, no restart
        again = client.get(BARS, headers=bearer(tokens))
        assert again.status_code == 200 and again.headers["ratelimit-limit"] == "1000"
    proxy.cut()


def test_failing_closed_answers_503_while_redis_is_down(template_dir, tmp_path, redis_url):
    proxy, through = Proxy.to_redis(redis_url)
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    settings = {"redis_url": through, "redis_prefix": prefix, "redis_fail_open": False}
    app = app_on_copy(template_dir, tmp_path, **settings)
    with TestClient(app) as client:
        tokens = sign_in(client)
        proxy.cut()
        refused = client.get(BARS, headers=bearer(tokens))
        assert refused.status_code == 503, refused.text
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.headers["retry-after"] == "2" and "Redis is down" in refused.json()["detail"]
        proxy.restore()
        app.services.redis.check()  # type: ignore[union-attr]
        assert client.get(BARS, headers=bearer(tokens)).status_code == 200
    proxy.cut()


async def test_a_burst_of_checks_waits_for_connections_instead_of_failing(redis_url):
    import asyncio

    from mystocks.adapters.redis_link import POOL_SIZE, RedisLink
    from mystocks.identity.sessions import RedisSessions

    # What is tested is the pool: a burst of eight times its size waits for connections. The
    # production connect timeout (0.5 s, so that a Redis that is down fails fast) is not: on a
    # machine busy with other tests, opening 64 connections at once can take longer than that.
    link = RedisLink(redis_url, f"test-{uuid.uuid4().hex[:8]}", timeout=10.0)
    sessions = RedisSessions(link, fail_open=False)  # a failure would raise, not pass
    checks = await asyncio.gather(*(sessions.is_revoked(f"s{i}") for i in range(POOL_SIZE * 8)))
    assert checks == [False] * (POOL_SIZE * 8) and link.available
