"""What every handler shares: its services, the caller, and one way to write JSON.

The composition root puts the app's `Services` into each request's ASGI scope (`state`), so
handlers are plain module functions that Connexion can call, and one process can host several
apps (as the tests do) without globals.
"""

from __future__ import annotations

from typing import Any

import orjson
from connexion import context
from starlette.responses import Response

from mystocks.services.auth import Principal
from mystocks.services.container import Services

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


def principal() -> Principal:
    """The authenticated caller (the security layer ran before any handler that needs one)."""
    return context.context["token_info"]["principal"]  # type: ignore[no-any-return]
