"""Handlers of the `auth` tag."""

from __future__ import annotations

from mystocks_contract import typeddicts as td
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from mystocks.api.http import client_ip, json_response, principal, services


async def create_token(*, body: td.TokenRequest) -> Response:
    # argon2 takes tens of milliseconds: keep it off the event loop.
    token = await run_in_threadpool(
        services().auth.create_token,
        username=body["username"],
        password=body["password"],
        client_ip=client_ip(),
    )
    return json_response(token, headers={"Cache-Control": "no-store"})


async def get_current_user() -> Response:
    return json_response(services().auth.get_current_user(principal()))


async def refresh_token(*, body: td.RefreshRequest) -> Response:
    token = await run_in_threadpool(services().auth.refresh, body["refresh_token"])
    return json_response(token, headers={"Cache-Control": "no-store"})


async def logout() -> Response:
    await run_in_threadpool(services().auth.logout, principal())
    return Response(status_code=204)
