"""Handlers of the `system` tag."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from mystocks import __version__, metrics
from mystocks.api.http import json_response, principal, services


async def get_health() -> Response:
    return json_response({"status": "ok"})


async def get_ready() -> Response:
    s = services()
    checks: list[Any] = list(s.data.check())
    if s.redis is not None:
        checks.append(await run_in_threadpool(s.redis.check))
    stores_ok = all(c.ok for c in checks if c.name != "redis")
    status = (
        "unavailable" if not stores_ok else "ready" if all(c.ok for c in checks) else "degraded"
    )
    body = {
        "status": status,
        "checks": [{k: v for k, v in asdict(c).items() if v is not None} for c in checks],
    }
    return json_response(body, status=200 if stores_ok else 503)


async def get_version() -> Response:
    s = services()
    return json_response(
        {
            "name": "mystocks",
            "version": __version__,
            "api_version": s.api_version,
            "environment": s.settings.env,
        }
    )


async def get_metrics() -> Response:
    """Admins only: the metrics name operations, users' request rates and the platform's load."""
    principal().require("admin")
    body = await run_in_threadpool(metrics.exposition)  # the collector queries the job stores
    return Response(body, media_type=metrics.CONTENT_TYPE)
