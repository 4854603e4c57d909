"""Handlers of the `api-keys` tag: a signed-in user's keys for programs."""

from __future__ import annotations

from mystocks_contract import typeddicts as td
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from mystocks.api.http import json_response, principal, services


async def list_api_keys() -> Response:
    keys = await run_in_threadpool(services().api_keys.list, principal())
    return json_response(keys, headers={"Cache-Control": "no-store"})


async def create_api_key(*, body: td.ApiKeyCreate) -> Response:
    key = await run_in_threadpool(services().api_keys.create, principal(), body)
    # The secret is in this answer only: no cache may keep it.
    return json_response(key, status=201, headers={"Cache-Control": "no-store"})


async def revoke_api_key(*, key_id: str) -> Response:
    await run_in_threadpool(services().api_keys.revoke, principal(), key_id)
    return Response(status_code=204)
