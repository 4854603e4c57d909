"""Handlers of the `dashboard` tag."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from mystocks.api.http import json_response, principal, services


async def get_dashboard(*, watchlist: int | None = None) -> Response:
    snapshot = await run_in_threadpool(services().dashboard.get_dashboard, principal(), watchlist)
    return json_response(snapshot)
