"""Cached answers through the API: ETags and 304s, invalidation by ingest (across instances
through Redis), one rebuild per key across processes, private backtest results."""

from __future__ import annotations

import asyncio
import time
import uuid
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from mystocks.adapters.cache import RedisCache
from mystocks.adapters.redis_link import RedisLink
from mystocks.app import create_app
from tests.conftest import app_on_copy, login
from tests.integration.test_backtests_api import INLINE, wait_done

BARS = "/api/v1/market/bars/600036.SH"
QUOTE = "/api/v1/market/quotes/600036.SH"
DAY = {"start": "2017-07-24", "end": "2017-07-28"}


def daily_bar(day: str, close: float) -> dict[str, object]:
    return {
        "symbol": "600036.SH",
        "ts": f"{day}T15:00:00+08:00",
        "open": close,
        "high": close,
        "low": close,
        "close": close,
        "volume": 1000,
    }


def test_bars_carry_an_etag_and_answer_304_when_unchanged(writable_app):
    _, client, admin = writable_app
    first = client.get(BARS, headers=admin, params=DAY)
    etag = first.headers["etag"]
    assert first.status_code == 200 and etag.startswith('W/"')
    assert first.headers["cache-control"] == "no-cache"
    same = client.get(BARS, headers={**admin, "If-None-Match": etag}, params=DAY)
    assert same.status_code == 304 and same.content == b"" and same.headers["etag"] == etag
    other = client.get(BARS, headers={**admin, "If-None-Match": etag}, params={**DAY, "limit": 2})
    assert other.status_code == 200 and other.headers["etag"] != etag  # another answer
    lower = client.get("/api/v1/market/bars/600036.sh", headers=admin, params=DAY)
    assert lower.headers["etag"] == etag  # symbols are case-insensitive; so is the cache


def test_an_ingest_invalidates_the_bars_and_quotes_it_changes(writable_app):
    _, client, admin = writable_app
    before = client.get(BARS, headers=admin, params=DAY)
    quote = client.get(QUOTE, headers=admin)
    other = client.get("/api/v1/market/bars/000001.SZ", headers=admin, params=DAY)
    posted = client.post(
        "/api/v1/market/bars",
        headers=admin,
        json={"period": "1d", "items": [daily_bar("2017-07-27", 27.77)]},
    )
    assert posted.status_code == 200, posted.text
    after = client.get(BARS, headers={**admin, "If-None-Match": before.headers["etag"]}, params=DAY)
    assert after.status_code == 200 and after.headers["etag"] != before.headers["etag"]
    closes = {b["ts"][:10]: b["close"] for b in after.json()["items"]}
    assert closes["2017-07-27"] == 27.77
    assert client.get(QUOTE, headers=admin).headers["etag"] != quote.headers["etag"]
    unchanged = client.get(
        "/api/v1/market/bars/000001.SZ",
        headers={**admin, "If-None-Match": other.headers["etag"]},
        params=DAY,
    )
    assert unchanged.status_code == 304  # another symbol's cached answer survives


def test_finished_backtest_results_are_cached_privately(writable_app):
    app, client, admin = writable_app
    job = client.post("/api/v1/backtests", headers=admin, json=INLINE).json()
    wait_done(client, admin, job["id"])
    url = f"/api/v1/backtests/{job['id']}/equity"
    first = client.get(url, headers=admin)
    assert first.headers["cache-control"] == "private, no-cache"
    hits = app.services.cache.hits  # type: ignore[attr-defined]
    again = client.get(url, headers={**admin, "If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and app.services.cache.hits == hits + 1  # type: ignore[attr-defined]
    app.services.auth.ensure_user("eve", "eve-password", "trader")
    eve = login(client, "eve", "eve-password")
    assert client.get(url, headers=eve).status_code == 404  # the cache never skips the check


def test_instances_share_the_cache_and_its_invalidation_through_redis(
    template_dir: Path, tmp_path: Path, redis_url: str
):
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    a = app_on_copy(template_dir, tmp_path, redis_url=redis_url, redis_prefix=prefix)
    b = create_app(a.services.settings)
    with TestClient(a) as on_a, TestClient(b) as on_b:
        admin = login(on_a, "admin", "mystocks-admin")
        first = on_a.get(BARS, headers=admin, params=DAY)
        misses = b.services.cache.misses  # type: ignore[attr-defined]
        from_b = on_b.get(
            BARS, headers={**admin, "If-None-Match": first.headers["etag"]}, params=DAY
        )
        assert from_b.status_code == 304
        assert b.services.cache.misses == misses  # type: ignore[attr-defined]  # A built it
        bar = daily_bar("2017-07-27", 27.01)
        on_a.post("/api/v1/market/bars", headers=admin, json={"period": "1d", "items": [bar]})
        changed = on_b.get(BARS, headers=admin, params=DAY)
        assert changed.headers["etag"] != first.headers["etag"]
        assert {b["ts"][:10]: b["close"] for b in changed.json()["items"]}["2017-07-27"] == 27.01


async def test_one_rebuild_per_key_across_processes(redis_url: str):
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    caches = [RedisCache(RedisLink(redis_url, prefix)) for _ in range(6)]  # six processes' worth
    calls: list[int] = []

    def build() -> str:
        calls.append(1)
        time.sleep(0.2)  # a slow query
        return "answer"

    answers = await asyncio.gather(*(c.fetch("hot", ["market:X"], 60, build) for c in caches))
    assert len(calls) == 1 and {a.body for a in answers} == {b'"answer"'}


async def test_an_answer_built_during_a_write_is_stale_on_arrival(redis_url: str):
    cache = RedisCache(RedisLink(redis_url, f"test-{uuid.uuid4().hex[:8]}"))

    def build_while_a_write_commits() -> str:
        cache.invalidate(["market:X"])
        return "old"

    await cache.fetch("k", ["market:X"], 60, build_while_a_write_commits)
    assert (await cache.fetch("k", ["market:X"], 60, lambda: "new")).body == b'"new"'


@pytest.mark.parametrize("url", ["redis://127.0.0.1:1/0"])
async def test_a_dead_redis_costs_one_timeout_then_is_bypassed(url: str):
    link = RedisLink(url, "x", cool_down=60)
    cache = RedisCache(link)
    assert (await cache.fetch("k", [], 60, lambda: 1)).body == b"1"
    assert not link.available
    assert (await cache.fetch("k", [], 60, lambda: 2)).body == b"2"  # straight to the database
    cache.invalidate(["market:X"])  # never raises


def test_large_answers_are_served_gzipped_from_the_cache(template_dir, tmp_path, redis_url):
    year = {"start": "2016-01-01", "end": "2016-12-31"}
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    local = app_on_copy(template_dir, tmp_path / "local")
    shared = app_on_copy(template_dir, tmp_path / "redis", redis_url=redis_url, redis_prefix=prefix)
    for app in (local, shared):
        with TestClient(app) as client:
            admin = login(client, "admin", "mystocks-admin")
            answers = [client.get(BARS, headers=admin, params=year) for _ in range(2)]  # miss, hit
            plain = client.get(BARS, headers={**admin, "Accept-Encoding": "identity"}, params=year)
            assert app.services.cache.hits >= 1  # type: ignore[attr-defined]
            for answer in answers:
                assert answer.headers["content-encoding"] == "gzip"
                assert int(answer.headers["content-length"]) < len(plain.content) / 3
                assert answer.json() == plain.json() and len(plain.json()["items"]) > 200
            assert "content-encoding" not in plain.headers
            assert plain.headers["vary"] == "Accept-Encoding"
