"""Who is asking, from where, under which request id: read by the audit log deep in a use case.

The API layer binds each HTTP request's ASGI scope here (`mystocks.api.client_context`);
services read the caller's address and the request id through the two functions below, so
they never see HTTP, and a use case run outside a request (a strategy's order, the CLI) finds
None. Context variables follow the request into the thread pool (anyio copies the context).
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from mystocks.logs import REQUEST_ID

Scope = MutableMapping[str, Any]
_scope: ContextVar[Scope | None] = ContextVar("mystocks_request_scope", default=None)

@contextmanager
def bound(scope: Scope) -> Iterator[None]:
    token = _scope.set(scope)
    try:
        yield
    finally:
        _scope.reset(token)


def current_request_id() -> str | None:
    """The id of the request being served (`mystocks.api.observe` sets it), else None."""
    return REQUEST_ID.get()


def current_client_ip() -> str | None:
    """The client's address as the server sees it (behind a trusted proxy, uvicorn's
    proxy-headers support has already replaced it with the forwarded one)."""
    scope = _scope.get()
    client = None if scope is None else scope.get("client")
    return None if not client else str(client[0])
