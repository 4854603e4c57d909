"""How fast ingest writes: rows counted per second, read as the mean over the last minute.

`InProcessMeter` counts what this process writes. `RedisMeter` adds every count to per-second
keys in Redis (`<prefix>:ingest:rows:<epoch second>`, INCRBY with a short expiry), so every
server process and every `mystocks import` counts into one figure that any instance reports.
Counting must never cost an ingest: on a Redis error the count is dropped and a warning logged
(at most once a minute, or an outage would log one line per batch).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

import redis

log = logging.getLogger("mystocks.meter")

WINDOW = 60  # seconds


class RateMeter(Protocol):
    def add(self, rows: int) -> None:
        """Count `rows` written now."""
        ...

    def rate(self) -> float | None:
        """Rows per second over the last WINDOW seconds (this second included); None when the
        counts cannot be read."""
        ...


class InProcessMeter:
    def __init__(self, window: int = WINDOW, clock: Callable[[], float] = time.time) -> None:
        self.window = window
        self._clock = clock
        self._counts: dict[int, int] = {}
        self._lock = threading.Lock()  # ingest runs on the thread pool

    def add(self, rows: int) -> None:
        if rows <= 0:
            return
        second = int(self._clock())
        with self._lock:
            self._counts[second] = self._counts.get(second, 0) + rows
            if len(self._counts) > self.window:
                for old in [s for s in self._counts if s <= second - self.window]:
                    del self._counts[old]

    def rate(self) -> float:
        now = int(self._clock())
        with self._lock:
            total = sum(n for s, n in self._counts.items() if now - self.window < s <= now)
        return total / self.window


class RedisMeter:
    def __init__(
        self,
        url: str,
        prefix: str,
        *,
        window: int = WINDOW,
        clock: Callable[[], float] = time.time,
        timeout: float = 0.5,
    ) -> None:
        self.window = window
        self._clock = clock  # wall time: instances share buckets, so their clocks must agree
        self._key = f"{prefix}:ingest:rows:"
        # Short timeouts: an ingest waits for this call, and a missing Redis must not stall it.
        self._client = redis.Redis.from_url(
            url, socket_timeout=timeout, socket_connect_timeout=timeout
        )
        self._warned_at = -float("inf")

    def _warn(self, message: str, *args: Any) -> None:
        now = time.monotonic()
        if now - self._warned_at >= 60:
            self._warned_at = now
            log.warning(message, *args)

    def add(self, rows: int) -> None:
        if rows <= 0:
            return
        key = f"{self._key}{int(self._clock())}"
        try:
            pipe = self._client.pipeline(transaction=False)
            pipe.incrby(key, rows)
            pipe.expire(key, 2 * self.window)  # read for `window` s; the rest covers clock skew
            pipe.execute()
        except redis.RedisError as exc:
            self._warn("ingest rate: could not count %d rows in Redis (%r); skipped", rows, exc)

    def rate(self) -> float | None:
        now = int(self._clock())
        keys = [f"{self._key}{s}" for s in range(now - self.window + 1, now + 1)]
        try:
            values: list[Any] = self._client.mget(keys)
        except redis.RedisError as exc:
            self._warn("ingest rate: could not read the counts from Redis (%r)", exc)
            return None
        return sum(int(v) for v in values if v is not None) / self.window

    def close(self) -> None:
        self._client.close()


def make_meter(redis_url: str | None, prefix: str) -> RateMeter:
    """The meter a process uses: shared through Redis when there is one."""
    return RedisMeter(redis_url, prefix) if redis_url else InProcessMeter()
