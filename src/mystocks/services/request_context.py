"""Who is asking, from where, under which request id: read by the audit log deep in a use case.

The API layer binds each HTTP request's ASGI scope here (`mystocks.api.client_context`);
services read the caller's address and the request id through the two functions below, so
they never see HTTP, and a use case run outside a request (a strategy's order, the CLI) finds
None. Context variables follow the request into the thread pool (anyio copies the context).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

Scope = MutableMapping[str, Any]
_scope: ContextVar[Scope | None] = ContextVar("mystocks_request_scope", default=None)

# A client's X-Request-ID is logged and stored: only a short, plain token is taken from it.
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


@contextmanager
def bound(scope: Scope) -> Iterator[None]:
    token = _scope.set(scope)
    try:
        yield
    finally:
        _scope.reset(token)


def current_request_id() -> str | None:
    """The id of the request being served: the one the request-id middleware put in the
    scope's state, else a well-formed `X-Request-ID` header, else None. (The one place to
    repoint when request ids get a context variable of their own.)"""
    scope = _scope.get()
    if scope is None:
        return None
    given = scope.get("state", {}).get("request_id")
    if given:
        return str(given)
    for name, value in scope.get("headers", []):
        if name == b"x-request-id":
            text = value.decode("latin-1")
            return text if _REQUEST_ID.match(text) else None
    return None


def current_client_ip() -> str | None:
    """The client's address as the server sees it (behind a trusted proxy, uvicorn's
    proxy-headers support has already replaced it with the forwarded one)."""
    scope = _scope.get()
    client = None if scope is None else scope.get("client")
    return None if not client else str(client[0])
