"""Sign-in throttling over HTTP, in process and shared through a real Redis."""

from __future__ import annotations

from typing import Any

import pytest
import redis
from starlette.testclient import TestClient

from mystocks.app import create_app
from mystocks.settings import DEV_ADMIN_PASSWORD
from tests.conftest import app_on_copy

TOKEN = "/api/v1/auth/token"


def _sign_in(client: TestClient, username: str, password: str) -> Any:
    return client.post(TOKEN, data={"username": username, "password": password})


def test_a_username_is_locked_after_failures_and_answers_429(template_dir, tmp_path):
    app = app_on_copy(template_dir, tmp_path, login_max_failures_per_user=3)
    with TestClient(app) as client:
        for _ in range(3):
            assert _sign_in(client, "admin", "wrong").status_code == 401
        refused = _sign_in(client, "admin", DEV_ADMIN_PASSWORD)  # even the right password
        assert refused.status_code == 429
        assert refused.headers["content-type"] == "application/problem+json"
        assert 1 <= int(refused.headers["Retry-After"]) <= 900
        assert refused.json()["status"] == 429 and "retry in" in refused.json()["detail"]
        # Another user is not locked out by admin's failures.
        app.services.auth.ensure_user("bob", "bob-password", "viewer")
        assert _sign_in(client, "bob", "bob-password").status_code == 200


def test_a_success_clears_the_users_count(template_dir, tmp_path):
    app = app_on_copy(template_dir, tmp_path, login_max_failures_per_user=3)
    with TestClient(app) as client:
        for _ in range(2):
            assert _sign_in(client, "admin", "wrong").status_code == 401
        assert _sign_in(client, "admin", DEV_ADMIN_PASSWORD).status_code == 200
        for _ in range(2):
            assert _sign_in(client, "admin", "wrong").status_code == 401
        assert _sign_in(client, "admin", DEV_ADMIN_PASSWORD).status_code == 200


def test_an_address_is_locked_across_usernames(template_dir, tmp_path):
    app = app_on_copy(template_dir, tmp_path, login_max_failures_per_ip=4)
    with TestClient(app) as client:
        for name in ("a", "b", "c", "d"):
            assert _sign_in(client, name, "wrong").status_code == 401
        assert _sign_in(client, "admin", DEV_ADMIN_PASSWORD).status_code == 429


def test_failures_are_counted_together_by_instances_sharing_redis(
    template_dir, tmp_path, redis_url, redis_prefix
):
    settings = {"redis_url": redis_url, "redis_prefix": redis_prefix}
    a = app_on_copy(template_dir, tmp_path, **settings, login_max_failures_per_user=4)
    b = create_app(a.services.settings)
    with TestClient(a) as on_a, TestClient(b) as on_b:
        for client in (on_a, on_b, on_a):
            assert _sign_in(client, "admin", "wrong").status_code == 401
        assert _sign_in(on_b, "admin", DEV_ADMIN_PASSWORD).status_code == 200  # resets
        for client in (on_a, on_b, on_a, on_b):
            assert _sign_in(client, "admin", "wrong").status_code == 401
        refused = _sign_in(on_a, "admin", DEV_ADMIN_PASSWORD)
        assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 800
    direct = redis.Redis.from_url(redis_url)
    assert int(direct.get(f"{redis_prefix}:login:user:admin") or 0) == 4
    direct.close()


def test_while_redis_is_down_counts_stay_in_the_process_or_sign_in_fails_closed():
    from mystocks.adapters.redis_link import RedisLink
    from mystocks.errors import ServiceUnavailable
    from mystocks.identity.throttle import Limits, RedisThrottle

    down = RedisLink("redis://127.0.0.1:1/0", "nowhere", timeout=0.2)
    throttle = RedisThrottle(down, Limits(max_per_user=2, max_per_ip=100, window=60))
    assert throttle.wait("u", "ip") is None
    throttle.failed("u", "ip")
    throttle.failed("u", "ip")
    assert throttle.wait("u", "ip") is not None  # locked by the local counts
    closed = RedisThrottle(down, Limits(), fail_open=False)
    with pytest.raises(ServiceUnavailable):
        closed.wait("u", "ip")
    with pytest.raises(ServiceUnavailable):
        closed.failed("u", "ip")
