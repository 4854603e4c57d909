"""The Redis ingest rate meter on a real Redis: several processes count into one figure, keys
expire, and a Redis that is down never fails an ingest."""

from __future__ import annotations

import logging

import redis

from mystocks.market.meter import RedisMeter


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_instances_share_one_rate(redis_url, redis_prefix):
    clock = Clock(2_000_000_000.5)
    one = RedisMeter(redis_url, redis_prefix, clock=clock)  # two server processes
    two = RedisMeter(redis_url, redis_prefix, clock=clock)
    one.add(600)
    clock.now += 30
    two.add(1200)
    assert one.rate() == two.rate() == 1800 / 60
    clock.now += 30  # the first second has left the window
    assert one.rate() == 1200 / 60
    raw = redis.Redis.from_url(redis_url)
    key = f"{redis_prefix}:ingest:rows:{int(clock.now) - 30}"
    assert int(raw.get(key)) == 1200
    assert 0 < raw.ttl(key) <= 120  # buckets expire on their own
    raw.close()


def test_a_redis_that_is_down_skips_counting(caplog):
    meter = RedisMeter("redis://127.0.0.1:1/0", "nowhere", timeout=0.2)
    with caplog.at_level(logging.WARNING, logger="mystocks.meter"):
        meter.add(10)  # must not raise
        meter.add(10)
        assert meter.rate() is None
    warnings = [r for r in caplog.records if r.name == "mystocks.meter"]
    assert len(warnings) == 1 and "skipped" in warnings[0].getMessage()  # once a minute


def test_an_ingest_succeeds_while_redis_is_down(template_dir, tmp_path):
    import shutil

    from mystocks.adapters.manager import UnifiedManager
    from mystocks.market.ingest import IngestService
    from tests.conftest import make_settings

    shutil.copytree(template_dir, tmp_path, dirs_exist_ok=True)
    settings = make_settings(tmp_path)
    data = UnifiedManager.from_urls(settings.relational_url, settings.timeseries_store_url)
    ingest = IngestService(data, meter=RedisMeter("redis://127.0.0.1:1/0", "nowhere", timeout=0.2))
    tick = {"symbol": "600036.SH", "ts": "2017-07-27T09:30:03+08:00", "price": 25.9}
    assert ingest.ticks([{**tick, "volume": 100}])["written"] == 1
    data.dispose()
