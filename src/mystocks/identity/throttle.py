"""Failed sign-ins counted per username and per client address, to stop password guessing.

After `max_per_user` failures for one username within `window` seconds, sign-ins as that user
are refused, without checking the password, until the window that began with the first
failure ends; the same for one address with the higher `max_per_ip` (one address may be a
whole office behind NAT). A successful sign-in clears the user's count, not the address's: a
guesser who knows one password must not reset the count for the others.

The counts live in Redis when configured, so every server process refuses together (a fixed
window: the first failure sets the expiry, later ones only count). If Redis cannot answer,
the counts fall back to this process (logged by the link) when `fail_open`, else sign-ins get
503 as other Redis-backed checks do.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from typing import Protocol

from mystocks.adapters.redis_link import ERRORS, RedisLink
from mystocks.errors import ServiceUnavailable
from mystocks.settings import Settings


@dataclass(frozen=True)
class Limits:
    max_per_user: int = 5
    max_per_ip: int = 20
    window: float = 900.0


class LoginThrottle(Protocol):
    def wait(self, username: str, ip: str) -> int | None:
        """Seconds until a sign-in as `username` from `ip` may be tried, or None: try now."""
        ...

    def failed(self, username: str, ip: str) -> None: ...

    def succeeded(self, username: str) -> None: ...


class InProcessThrottle:
    MAX_KEYS = 100_000  # addresses and names an attacker invents must not grow memory forever

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._counts: dict[str, tuple[int, float]] = {}  # key -> (failures, window end)
        self._lock = threading.Lock()

    def _count(self, key: str, now: float) -> tuple[int, float]:
        count, until = self._counts.get(key, (0, 0.0))
        return (count, until) if until > now else (0, 0.0)

    def wait(self, username: str, ip: str) -> int | None:
        now = time.monotonic()
        waits = []
        with self._lock:
            for key, limit in (
                (f"user:{username}", self.limits.max_per_user),
                (f"ip:{ip}", self.limits.max_per_ip),
            ):
                count, until = self._count(key, now)
                if count >= limit:
                    waits.append(max(1, math.ceil(until - now)))
        return max(waits) if waits else None

    def failed(self, username: str, ip: str) -> None:
        now = time.monotonic()
        with self._lock:
            if len(self._counts) >= self.MAX_KEYS:
                self._counts = {k: v for k, v in self._counts.items() if v[1] > now}
            for key in (f"user:{username}", f"ip:{ip}"):
                count, until = self._count(key, now)
                self._counts[key] = (count + 1, until or now + self.limits.window)

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._counts.pop(f"user:{username}", None)


class RedisThrottle:
    def __init__(self, link: RedisLink, limits: Limits, *, fail_open: bool = True) -> None:
        self.link = link
        self.limits = limits
        self.fail_open = fail_open
        self.local = InProcessThrottle(limits)  # while Redis is down and we fail open

    def _keys(self, username: str, ip: str) -> tuple[str, str]:
        return self.link.key("login", "user", username), self.link.key("login", "ip", ip)

    def _unavailable(self, exc: BaseException | None, doing: str) -> None:
        if exc is not None:
            self.link.failed(exc, doing)
        if not self.fail_open:
            raise ServiceUnavailable("Sign-in is unavailable (Redis is down); retry shortly.")

    def wait(self, username: str, ip: str) -> int | None:
        if self.link.available:
            user_key, ip_key = self._keys(username, ip)
            try:
                pipe = self.link.sync.pipeline(transaction=False)
                for key in (user_key, ip_key):
                    pipe.get(key)
                    pipe.pttl(key)
                user, user_ttl, addr, addr_ttl = pipe.execute()
            except ERRORS as exc:
                self._unavailable(exc, "checking failed sign-ins")
            else:
                self.link.succeeded()
                waits = [
                    max(1, math.ceil(ttl / 1000))
                    for count, ttl, limit in (
                        (user, user_ttl, self.limits.max_per_user),
                        (addr, addr_ttl, self.limits.max_per_ip),
                    )
                    if count is not None and int(count) >= limit
                ]
                return max(waits) if waits else None
        else:
            self._unavailable(None, "")
        return self.local.wait(username, ip)

    def failed(self, username: str, ip: str) -> None:
        if self.link.available:
            window_ms = math.ceil(self.limits.window * 1000)
            try:
                pipe = self.link.sync.pipeline(transaction=True)
                for key in self._keys(username, ip):
                    pipe.set(key, 0, px=window_ms, nx=True)
                    pipe.incr(key)
                pipe.execute()
            except ERRORS as exc:
                self._unavailable(exc, "counting a failed sign-in")
            else:
                self.link.succeeded()
                return
        else:
            self._unavailable(None, "")
        self.local.failed(username, ip)

    def succeeded(self, username: str) -> None:
        self.local.succeeded(username)
        if self.link.available:
            try:
                self.link.sync.delete(self._keys(username, "")[0])
            except ERRORS as exc:
                self.link.failed(exc, "clearing failed sign-ins")


def login_throttle(settings: Settings, link: RedisLink | None) -> LoginThrottle:
    limits = Limits(
        settings.login_max_failures_per_user,
        settings.login_max_failures_per_ip,
        settings.login_failure_window_seconds,
    )
    if link is None:
        return InProcessThrottle(limits)
    return RedisThrottle(link, limits, fail_open=settings.redis_fail_open)
