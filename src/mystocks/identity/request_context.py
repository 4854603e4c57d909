"""Who is asking, from where, under which request id: read by the audit log deep in a use case.

The request-id middleware (`mystocks.api.observe`) sets both for each HTTP request; services
read them through the two functions below, so they never see HTTP, and a use case run outside
a request (a strategy's order, the CLI) finds None. Context variables follow the request into
the thread pool (anyio copies the context).
"""

from __future__ import annotations

from contextvars import ContextVar

from mystocks.logs import REQUEST_ID

# The client's address as the server sees it (behind a trusted proxy, uvicorn's proxy-headers
# support has already replaced it with the forwarded one).
CLIENT_IP: ContextVar[str | None] = ContextVar("mystocks_client_ip", default=None)


def current_request_id() -> str | None:
    """The id of the request being served, else None."""
    return REQUEST_ID.get()


def current_client_ip() -> str | None:
    """The address of the client of the request being served, else None."""
    return CLIENT_IP.get()
