"""Handlers of the `strategies` tag."""

from __future__ import annotations

from typing import Any

from mystocks_contract import typeddicts as td
from mystocks_contract.protocols import StrategyStatus
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from mystocks.api.http import header, json_response, principal, services


def _with_etag(strategy: Any, status: int = 200, location: bool = False) -> Response:
    headers = {"ETag": f'"{strategy["version"]}"'}
    if location:
        headers["Location"] = f"/api/v1/strategies/{strategy['id']}"
    return json_response(strategy, status=status, headers=headers)


async def list_strategy_types() -> Response:
    return json_response(services().strategies.list_strategy_types())


async def list_strategies(
    *,
    status: StrategyStatus | None = None,
    owner: str | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> Response:
    page = await run_in_threadpool(
        services().strategies.list_strategies,
        principal(),
        status=status,
        owner=owner,
        cursor=cursor,
        limit=limit,
    )
    return json_response(page)


async def create_strategy(*, body: td.StrategyInput) -> Response:
    created = await run_in_threadpool(services().strategies.create_strategy, principal(), body)
    return _with_etag(created, status=201, location=True)


async def get_strategy(*, strategy_id: int) -> Response:
    found = await run_in_threadpool(services().strategies.get_strategy, principal(), strategy_id)
    return _with_etag(found)


async def replace_strategy(*, strategy_id: int, body: td.StrategyInput) -> Response:
    replaced = await run_in_threadpool(
        services().strategies.replace_strategy, principal(), strategy_id, header("If-Match"), body
    )
    return _with_etag(replaced)


async def update_strategy(*, strategy_id: int, body: td.StrategyPatch) -> Response:
    updated = await run_in_threadpool(
        services().strategies.update_strategy, principal(), strategy_id, header("If-Match"), body
    )
    return _with_etag(updated)


async def start_strategy(*, strategy_id: int, body: td.StrategyStart | None = None) -> Response:
    started = await run_in_threadpool(
        services().strategies.start_strategy,
        principal(),
        strategy_id,
        header("If-Match"),
        (body or {}).get("auto_trade"),
    )
    return _with_etag(started)


async def stop_strategy(*, strategy_id: int) -> Response:
    stopped = await run_in_threadpool(
        services().strategies.stop_strategy, principal(), strategy_id, header("If-Match")
    )
    return _with_etag(stopped)


async def list_signals(
    *, strategy_id: int, cursor: str | None = None, limit: int = 100
) -> Response:
    page = await run_in_threadpool(
        services().strategies.list_signals, principal(), strategy_id, cursor=cursor, limit=limit
    )
    return json_response(page)


async def delete_strategy(*, strategy_id: int) -> Response:
    await run_in_threadpool(
        services().strategies.delete_strategy, principal(), strategy_id, header("If-Match")
    )
    return Response(status_code=204)
