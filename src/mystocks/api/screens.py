"""Handlers of the `screens` tag."""

from __future__ import annotations

from typing import Any

from mystocks_contract import typeddicts as td
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from mystocks.api.http import header, json_response, principal, services


def _with_etag(screen: Any, status: int = 200, location: bool = False) -> Response:
    headers = {"ETag": f'"{screen["version"]}"'}
    if location:
        headers["Location"] = f"/api/v1/screens/{screen['id']}"
    return json_response(screen, status=status, headers=headers)


async def run_screen(
    *, body: td.ScreenRunRequest, cursor: str | None = None, limit: int = 100
) -> Response:
    result = await run_in_threadpool(
        services().screens.run_screen, principal(), body, cursor=cursor, limit=limit
    )
    return json_response(result)


async def list_builtin_screens() -> Response:
    return json_response(services().screens.list_builtin_screens())


async def list_screens(*, cursor: str | None = None, limit: int = 20) -> Response:
    page = await run_in_threadpool(
        services().screens.list_screens, principal(), cursor=cursor, limit=limit
    )
    return json_response(page)


async def create_screen(*, body: td.ScreenInput) -> Response:
    created = await run_in_threadpool(services().screens.create_screen, principal(), body)
    return _with_etag(created, status=201, location=True)


async def get_screen(*, screen_id: int) -> Response:
    found = await run_in_threadpool(services().screens.get_screen, principal(), screen_id)
    return _with_etag(found)


async def replace_screen(*, screen_id: int, body: td.ScreenInput) -> Response:
    replaced = await run_in_threadpool(
        services().screens.replace_screen, principal(), screen_id, header("If-Match"), body
    )
    return _with_etag(replaced)


async def delete_screen(*, screen_id: int) -> Response:
    await run_in_threadpool(
        services().screens.delete_screen, principal(), screen_id, header("If-Match")
    )
    return Response(status_code=204)
