"""One Redis connection pool per process, and what to do when Redis is gone.

The cache, rate limits and token revocation all talk to Redis through a `RedisLink`. Redis
being down or slow must never make a read fail, nor cost every request a timeout: commands get
short timeouts and no retries, and after a failure the link reports Redis as unavailable for a
cool-down (callers then bypass it at once) before trying again, so Redis coming back is picked up
without a restart. One warning is logged per outage, and one line when it ends.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
import weakref
from dataclasses import dataclass

import redis
import redis.asyncio as aioredis
from redis.backoff import NoBackoff
from redis.retry import Retry

log = logging.getLogger("mystocks.redis")

POOL_SIZE = 64  # asyncio connections per event loop

# What a failing Redis raises through redis-py (timeouts and refused connections included).
ERRORS = (redis.RedisError, OSError)


@dataclass(frozen=True)
class RedisCheck:
    name: str
    backend: str
    ok: bool
    latency_ms: float
    error: str | None = None


class RedisLink:
    def __init__(
        self, url: str, prefix: str, *, timeout: float = 0.5, cool_down: float = 2.0
    ) -> None:
        self.url = url
        self.prefix = prefix
        self.cool_down = cool_down
        options = {
            "socket_timeout": timeout,
            "socket_connect_timeout": timeout,
            "retry": Retry(NoBackoff(), 0),
            "health_check_interval": 30,
        }
        self._options = options
        self.sync = redis.Redis.from_url(url, **options)
        self._aio: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, aioredis.Redis] = (
            weakref.WeakKeyDictionary()
        )
        self._down_until = 0.0
        self._down_since: float | None = None
        self._lock = threading.Lock()

    @property
    def aio(self) -> aioredis.Redis:
        """The asyncio client of the running event loop (its connections belong to that loop;
        a process normally has one, tests start several)."""
        loop = asyncio.get_running_loop()
        client = self._aio.get(loop)
        if client is None:
            # A burst (thousands of WebSocket sign-ins at once) waits for a connection instead
            # of failing with "too many connections", which would look like Redis being down.
            pool = aioredis.BlockingConnectionPool.from_url(
                self.url, max_connections=POOL_SIZE, timeout=5, **self._options
            )
            client = self._aio[loop] = aioredis.Redis(connection_pool=pool)
        return client

    def key(self, *parts: str) -> str:
        return ":".join((self.prefix, *parts))

    @property
    def available(self) -> bool:
        """False during the cool-down after a failure: callers skip Redis without waiting."""
        return time.monotonic() >= self._down_until

    def failed(self, exc: BaseException, doing: str) -> None:
        with self._lock:
            now = time.monotonic()
            self._down_until = now + self.cool_down
            if self._down_since is None:
                self._down_since = now
                log.warning(
                    "Redis at %s failed while %s (%s: %s); going on without it,"
                    " retrying every %.0f s",
                    self.url.rsplit("@", 1)[-1],  # never log a password in the URL
                    doing,
                    type(exc).__name__,
                    exc,
                    self.cool_down,
                )

    def succeeded(self) -> None:
        if self._down_since is not None:
            with self._lock:
                if self._down_since is not None:
                    log.warning("Redis is back after %.1f s", time.monotonic() - self._down_since)
                    self._down_since = None

    def check(self) -> RedisCheck:
        """Readiness: ping now, whatever the cool-down says."""
        started = time.perf_counter()
        try:
            self.sync.ping()
        except ERRORS as exc:
            self.failed(exc, "answering a readiness check")
            elapsed = (time.perf_counter() - started) * 1000
            return RedisCheck("redis", "redis", False, elapsed, type(exc).__name__)
        self.succeeded()
        self._down_until = 0.0
        return RedisCheck("redis", "redis", True, (time.perf_counter() - started) * 1000)

    def close(self) -> None:
        self.sync.close()
