"""Handlers of the `system` tag."""

from __future__ import annotations

from dataclasses import asdict

from starlette.responses import Response

from mystocks import __version__
from mystocks.api.http import json_response, services


async def get_health() -> Response:
    return json_response({"status": "ok"})


async def get_ready() -> Response:
    checks = services().data.check()
    ready = all(c.ok for c in checks)
    body = {
        "status": "ready" if ready else "degraded",
        "checks": [{k: v for k, v in asdict(c).items() if v is not None} for c in checks],
    }
    return json_response(body, status=200 if ready else 503)


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
