"""Who is calling, and rate limits: a sliding window per user (by role) or, without a valid
token, per client IP.

The bearer token is verified here once per request (signature, expiry, and that its session was
not revoked, which may ask Redis), and so is an API key's request signature, which covers the
raw body: it is read here and handed on unchanged. The security layer then reuses the outcome
(`api.security`).
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
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, Protocol

import orjson
from redis.commands.core import AsyncScript
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mystocks.errors import AuthenticationFailed, ServiceUnavailable
from mystocks.logs import REQUEST_ID
from mystocks.services.api_keys import (
    KEY_HEADER,
    SIGNING_HEADERS,
    ApiKeyService,
    SignatureRefused,
    SignedRequest,
)
from mystocks.services.auth import AuthService, Principal
from mystocks.services.redis_link import ERRORS, RedisLink

EXEMPT = ("/health", "/ready", "/openapi.json", "/docs")
MAX_SIGNED_BODY = 16 * 1024 * 1024  # bytes a signed request's body may have (it is buffered)


def signed_target(scope: Scope) -> tuple[str, str]:
    """The path and query a signature covers: exactly as sent (percent-encoded, no `?`)."""
    path = scope.get("raw_path") or scope["path"].encode()
    return path.decode("latin-1"), scope.get("query_string", b"").decode("latin-1")


class BodyTooLarge(Exception):
    pass


async def read_body(receive: Receive, limit: int) -> tuple[bytes, Receive]:
    """The whole request body, and a `receive` that hands it to the app as if unread."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":  # the client went away
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    body = b"".join(chunks)
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()  # after the body: a disconnect, when it comes
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return body, replay


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
        self,
        app: ASGIApp,
        limiter: Limiter,
        auth: AuthService,
        limits: dict[str, int],
        window: float = 60.0,
        *,
        api_keys: ApiKeyService | None = None,
    ) -> None:
        self.app = app
        self.limiter = limiter
        self.auth = auth
        self.api_keys = api_keys
        self.limits = limits
        self.window = window

    async def _signed(self, scope: Scope, receive: Receive) -> tuple[Principal | None, Receive]:
        """A request signed with an API key: verify it (reading the body it covers), leaving
        the key's principal, or why it was refused, for the security layer."""
        wanted = {name.encode() for name in SIGNING_HEADERS}
        headers = {
            name.decode(): value.decode("latin-1")
            for name, value in scope.get("headers", [])
            if name in wanted
        }
        if self.api_keys is None or KEY_HEADER not in headers:
            return None, receive
        body, receive = await read_body(receive, MAX_SIGNED_BODY)
        try:
            request = SignedRequest.from_headers(
                headers, scope["method"], *signed_target(scope), body
            )
            principal = await self.api_keys.verify(request)
        except SignatureRefused as exc:
            scope["state"]["key_failure"] = exc
            return None, receive
        scope["state"]["key_principal"] = principal
        return principal, receive

    async def _who(self, scope: Scope) -> tuple[str, int]:
        """The rate-limit key and limit; the verified principal (or why the token failed) is
        left in the scope's state for the security layer."""
        state = scope.setdefault("state", {})
        for name, value in scope.get("headers", []):
            if name == b"authorization" and value[:7].lower() == b"bearer ":
                token = value[7:].decode("latin-1")
                try:
                    principal = await self.auth.verify(token)
                except AuthenticationFailed as exc:
                    state["auth_failure"] = (token, exc.detail)
                    break  # the security layer answers 401; count it against the address
                state["principal"] = (token, principal)
                return f"user:{principal.username}", self.limits.get(
                    principal.role, self.limits["anonymous"]
                )
        client = scope.get("client") or ("unknown", 0)
        return f"ip:{client[0]}", self.limits["anonymous"]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(EXEMPT):
            await self.app(scope, receive, send)
            return
        try:
            scope.setdefault("state", {})
            signer, receive = await self._signed(scope, receive)
            if signer is None:
                key, limit = await self._who(scope)
            else:
                key = f"user:{signer.username}"
                limit = self.limits.get(signer.role, self.limits["anonymous"])
            counted = await self.limiter.hit(key, limit, self.window)
        except ServiceUnavailable as exc:
            await _refuse(scope, send, 503, exc.detail, [(b"retry-after", b"2")])
            return
        except BodyTooLarge:
            detail = f"A signed request's body may have at most {MAX_SIGNED_BODY} bytes."
            await _refuse(scope, send, 413, detail, [])
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
            await _refuse(scope, send, 429, detail, retry)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *headers]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _refuse(
    scope: Scope,
    send: Callable[[MutableMapping[str, Any]], Awaitable[None]],
    status: int,
    detail: str,
    headers: list[tuple[bytes, bytes]],
) -> None:
    slug, title = {
        413: ("too-large", "Content Too Large"),
        429: ("too-many-requests", "Too Many Requests"),
    }.get(status, ("unavailable", "Service Unavailable"))
    problem = {
        "type": f"/problems/{slug}",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": scope["path"],
    }
    if (request_id := REQUEST_ID.get()) is not None:  # set by `api.observe`, outside this
        problem["request_id"] = request_id
    body = orjson.dumps(problem)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
