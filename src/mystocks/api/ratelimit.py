"""Rate limits: a sliding window per user (by role) or, for anonymous callers and refused
credentials, per client IP. Who is calling was established once, outside this layer
(`api.identity`); this layer only counts.

Every answer carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`; a refused
request gets 429 problem+json with `Retry-After`. The window lives in Redis when configured (one
atomic script per request, so every server process counts together), else in this process. If
Redis cannot answer, requests pass unlimited (`fail_open`, logged once per outage) or get 503.
Liveness, readiness and the contract documents are never limited.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from typing import Protocol

from redis.commands.core import AsyncScript
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mystocks.adapters.redis_link import ERRORS, RedisLink
from mystocks.api.identity import EXEMPT, identity_of, refuse
from mystocks.errors import ServiceUnavailable


class Limiter(Protocol):
    async def hit(self, key: str, limit: int, window: float) -> tuple[bool, int, float] | None:
        """Count a request; (allowed, remaining, seconds until the window frees a slot), or
        None when the count is unavailable and the request may pass unlimited."""
        ...


class InProcessLimiter:
    def __init__(self) -> None:
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    async def hit(self, key: str, limit: int, window: float) -> tuple[bool, int, float]:
        now = time.monotonic()
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - window:
                hits.popleft()
            allowed = len(hits) < limit
            if allowed:
                hits.append(now)
            reset = hits[0] + window - now if hits else window
            return allowed, max(0, limit - len(hits)), reset


# Sliding log in a sorted set: drop old hits, count, add this one if there is room, in one step.
_SCRIPT = """
local key, now, window, limit, member = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]),
  tonumber(ARGV[3]), ARGV[4]
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
local allowed = 0
if count < limit then
  redis.call('ZADD', key, now, member)
  count = count + 1
  allowed = 1
end
redis.call('PEXPIRE', key, math.ceil(window * 1000))
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
local reset = window
if oldest[2] then reset = tonumber(oldest[2]) + window - now end
return {allowed, limit - count, tostring(reset)}
"""


class RedisLimiter:
    def __init__(self, link: RedisLink, *, fail_open: bool = True) -> None:
        self.link = link
        self.fail_open = fail_open
        self._scripts: dict[int, AsyncScript] = {}  # per asyncio client (one per event loop)
        self._seq = 0

    async def hit(self, key: str, limit: int, window: float) -> tuple[bool, int, float] | None:
        if self.link.available:
            self._seq += 1
            now = time.time()
            member = f"{now:.6f}-{id(self)}-{self._seq}"
            try:
                client = self.link.aio
                script = self._scripts.get(id(client))
                if script is None:
                    script = self._scripts[id(client)] = client.register_script(_SCRIPT)
                allowed, remaining, reset = await script(
                    keys=[self.link.key("rate", key)], args=[now, window, limit, member]
                )
            except ERRORS as exc:
                self.link.failed(exc, "counting a request against its rate limit")
            else:
                self.link.succeeded()
                return bool(allowed), max(0, int(remaining)), float(reset)
        if self.fail_open:
            return None
        raise ServiceUnavailable("Rate limiting is unavailable (Redis is down); retry shortly.")


class RateLimitMiddleware:
    def __init__(
        self, app: ASGIApp, limiter: Limiter, limits: dict[str, int], window: float = 60.0
    ) -> None:
        self.app = app
        self.limiter = limiter
        self.limits = limits
        self.window = window

    def _key(self, scope: Scope) -> tuple[str, int]:
        """The window a request counts in, and its limit: the verified user's, by role, else
        the client address's (a refused token counts against the address)."""
        principal = identity_of(scope).principal
        if principal is not None:
            limit = self.limits.get(principal.role, self.limits["anonymous"])
            return f"user:{principal.username}", limit
        client = scope.get("client") or ("unknown", 0)
        return f"ip:{client[0]}", self.limits["anonymous"]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(EXEMPT):
            await self.app(scope, receive, send)
            return
        key, limit = self._key(scope)
        try:
            counted = await self.limiter.hit(key, limit, self.window)
        except ServiceUnavailable as exc:
            await refuse(scope, send, 503, exc.detail, [(b"retry-after", b"2")])
            return
        if counted is None:  # Redis is down and limits fail open
            await self.app(scope, receive, send)
            return
        allowed, remaining, reset = counted
        headers = [
            (b"ratelimit-limit", str(limit).encode()),
            (b"ratelimit-remaining", str(remaining).encode()),
            (b"ratelimit-reset", str(max(1, math.ceil(reset))).encode()),
        ]
        if not allowed:
            wait = max(1, math.ceil(reset))
            detail = f"Rate limit reached; retry in {wait} s."
            retry = [(b"retry-after", str(wait).encode()), *headers]
            await refuse(scope, send, 429, detail, retry)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *headers]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
