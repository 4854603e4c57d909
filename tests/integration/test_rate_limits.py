"""Rate limits per user (by role) and per address, in process and shared through Redis."""

from __future__ import annotations

import uuid
from pathlib import Path

from starlette.testclient import TestClient

from mystocks.app import create_app
from tests.conftest import app_on_copy, login

QUOTE = "/api/v1/market/quotes/600036.SH"


def test_a_user_over_the_limit_gets_429_with_retry_after(template_dir: Path, tmp_path: Path):
    app = app_on_copy(template_dir, tmp_path, rate_limit_admin=3, rate_limit_anonymous=2)
    with TestClient(app) as client:
        admin = login(client, "admin", "mystocks-admin")  # anonymous: 1 of 2
        answers = [client.get(QUOTE, headers=admin) for _ in range(4)]
        assert [a.status_code for a in answers] == [200, 200, 200, 429]
        assert [a.headers["ratelimit-remaining"] for a in answers] == ["2", "1", "0", "0"]
        assert all(a.headers["ratelimit-limit"] == "3" for a in answers)
        refused = answers[-1]
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.json()["status"] == 429 and int(refused.headers["retry-after"]) >= 1
        assert client.get("/health").status_code == 200  # liveness is never limited
        assert client.get(QUOTE).status_code == 401  # anonymous: 2 of 2
        assert client.get(QUOTE).status_code == 429  # the address is over its own limit


def test_instances_count_together_through_redis(template_dir, tmp_path, redis_url):
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    settings = {"rate_limit_admin": 3, "redis_url": redis_url, "redis_prefix": prefix}
    a = app_on_copy(template_dir, tmp_path / "a", **settings)
    b = create_app(a.services.settings)  # a second instance on the same stores and Redis
    with TestClient(a) as on_a, TestClient(b) as on_b:
        token = login(on_a, "admin", "mystocks-admin")
        assert [on_a.get(QUOTE, headers=token).status_code for _ in range(2)] == [200, 200]
        assert [on_b.get(QUOTE, headers=token).status_code for _ in range(2)] == [200, 429]
