"""Handlers of the `audit` tag."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from mystocks.api.http import json_response, principal, services


async def list_audit(
    *,
    actor: str | None = None,
    action: str | None = None,
    since: str | None = None,
    until: str | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> Response:
    page = await run_in_threadpool(
        services().audit.list_audit,
        principal(),
        actor=actor,
        action=action,
        since=since,
        until=until,
        cursor=cursor,
        limit=limit,
    )
    return json_response(page, headers={"Cache-Control": "no-store"})
