"""Who is calling, established once per request: `IdentityMiddleware` leaves one `Identity` in
`scope["state"]["identity"]`, which every layer inside reads and none recomputes.

A bearer token is verified here (signature, expiry, and that its session was not revoked, which
may ask Redis), and so is an API key's request signature, which covers the raw body: the body is
read here and handed on unchanged. The rate limiter counts by the identity (`api.ratelimit`),
the contract's security functions turn it into Connexion's token info or a 401 (`api.security`),
and the access log names it (`api.observe`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any, Literal

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mystocks.errors import AuthenticationFailed, ServiceUnavailable
from mystocks.identity.api_keys import (
    KEY_HEADER,
    SIGNING_HEADERS,
    ApiKeyService,
    SignatureRefused,
    SignedRequest,
)
from mystocks.identity.auth import AuthService, Principal
from mystocks.logs import REQUEST_ID

# Liveness, readiness and the contract documents: no identity is established, nothing counted.
EXEMPT = ("/health", "/ready", "/openapi.json", "/docs")
MAX_SIGNED_BODY = 16 * 1024 * 1024  # bytes a signed request's body may have (it is buffered)
_SIGNING = frozenset(name.encode() for name in SIGNING_HEADERS)


@dataclass(frozen=True)
class Identity:
    """What a request presented and what came of it. `via` is the credential it carried (None:
    anonymous); `principal` is set when that credential was verified, `failure` (and, for a
    signature, `code`) says why not. `credential` is the token, or the API key's id."""

    via: Literal["bearer", "signature"] | None = None
    credential: str | None = None
    principal: Principal | None = None
    failure: str | None = None
    code: str | None = None
    both: bool = False  # a bearer token and an API key header together: refused by security

    @property
    def who(self) -> str | None:
        """The caller as the access log names it."""
        p = self.principal
        if p is None:
            return None
        return p.username if p.key_id is None else f"{p.username} key:{p.key_id}"


ANONYMOUS = Identity()


def identity_of(scope: Scope) -> Identity:
    """The identity `IdentityMiddleware` established; anonymous where it did not run (paths it
    leaves alone, or an app built without it)."""
    found: Identity = (scope.get("state") or {}).get("identity", ANONYMOUS)
    return found


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


class IdentityMiddleware:
    def __init__(
        self, app: ASGIApp, auth: AuthService, api_keys: ApiKeyService | None = None
    ) -> None:
        self.app = app
        self.auth = auth
        self.api_keys = api_keys

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(EXEMPT):
            await self.app(scope, receive, send)
            return
        try:
            identity, receive = await self._identify(scope, receive)
        except ServiceUnavailable as exc:  # sessions in Redis, failing closed
            await refuse(scope, send, 503, exc.detail, [(b"retry-after", b"2")])
            return
        except BodyTooLarge:
            detail = f"A signed request's body may have at most {MAX_SIGNED_BODY} bytes."
            await refuse(scope, send, 413, detail, [])
            return
        scope.setdefault("state", {})["identity"] = identity
        await self.app(scope, receive, send)

    async def _identify(self, scope: Scope, receive: Receive) -> tuple[Identity, Receive]:
        token = None
        signing: dict[str, str] = {}
        for name, value in scope.get("headers", []):
            if name == b"authorization" and value[:7].lower() == b"bearer ":
                token = value[7:].decode("latin-1")
            elif name in _SIGNING:
                signing[name.decode()] = value.decode("latin-1")
        signed = KEY_HEADER in signing
        if signed and token is not None:
            return Identity(both=True), receive
        if signed and self.api_keys is not None:
            return await self._signed(scope, receive, signing, self.api_keys)
        if token is None:
            return ANONYMOUS, receive
        try:
            principal = await self.auth.verify(token)
        except AuthenticationFailed as exc:
            return Identity("bearer", token, failure=exc.detail), receive
        return Identity("bearer", token, principal), receive

    @staticmethod
    async def _signed(
        scope: Scope, receive: Receive, headers: dict[str, str], api_keys: ApiKeyService
    ) -> tuple[Identity, Receive]:
        """A request signed with an API key: verify it, reading the body it covers."""
        body, receive = await read_body(receive, MAX_SIGNED_BODY)
        key_id = headers[KEY_HEADER]
        try:
            request = SignedRequest.from_headers(
                headers, scope["method"], *signed_target(scope), body
            )
            principal = await api_keys.verify(request)
        except SignatureRefused as exc:
            return Identity("signature", key_id, failure=exc.detail, code=exc.code), receive
        return Identity("signature", key_id, principal), receive


async def refuse(
    scope: Scope,
    send: Callable[[MutableMapping[str, Any]], Awaitable[None]],
    status: int,
    detail: str,
    headers: list[tuple[bytes, bytes]],
) -> None:
    """A problem+json answer sent from a middleware, before Connexion sees the request."""
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
