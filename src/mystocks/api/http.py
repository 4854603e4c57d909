"""What every handler shares: its services, the caller, and one way to write JSON.

The composition root puts the app's `Services` into each request's ASGI scope (`state`), so
handlers are plain module functions that Connexion can call, and one process can host several
apps (as the tests do) without globals.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import orjson
from connexion import context
from starlette.responses import Response

from mystocks.adapters.cache import cache_key, matches
from mystocks.container import Services
from mystocks.identity.auth import Principal

JSON = "application/json"
PROBLEM_JSON = "application/problem+json"


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """Serialise with orjson, once, here (the stdlib encoder was half of a bars request)."""
    return Response(orjson.dumps(data), status_code=status, media_type=JSON, headers=headers)


def services() -> Services:
    return context.scope["state"]["services"]  # type: ignore[no-any-return]


def header(name: str) -> str | None:
    """A request header (Connexion passes only path and query parameters to handlers)."""
    value: str | None = context.request.headers.get(name)
    return value


def client_ip() -> str:
    """The caller's address (the forwarded one behind a trusted proxy: uvicorn's proxy headers)."""
    client = context.scope.get("client")
    return str(client[0]) if client else "unknown"


def principal() -> Principal:
    """The authenticated caller (the security layer ran before any handler that needs one)."""
    return context.context["token_info"]["principal"]  # type: ignore[no-any-return]


async def cached(
    operation: str,
    scopes: Sequence[str],
    ttl: float,
    build: Callable[..., Any],
    *,
    private: bool = False,
    **params: Any,
) -> Response:
    """`build(**params)` through the cache, answered with its ETag, or 304 when the client's
    `If-None-Match` already names it. `params` must be everything that changes the answer."""
    key = cache_key(operation, params)
    entry = await services().cache.fetch(key, scopes, ttl, partial(build, **params))
    headers = {"ETag": entry.etag, "Cache-Control": "private, no-cache" if private else "no-cache"}
    if matches(header("If-None-Match"), entry.etag):
        return Response(status_code=304, headers=headers)
    if entry.gzipped is not None and "gzip" in (header("Accept-Encoding") or ""):
        # Compressed once when cached; the gzip middleware lets an encoded answer pass (and
        # adds `Vary` to plain ones itself).
        headers["Content-Encoding"], headers["Vary"] = "gzip", "Accept-Encoding"
        return Response(entry.gzipped, media_type=JSON, headers=headers)
    return Response(entry.body, media_type=JSON, headers=headers)
