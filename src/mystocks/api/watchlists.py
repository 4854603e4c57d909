"""Handlers of the `watchlists` tag."""

from __future__ import annotations

from typing import Any

from mystocks_contract import typeddicts as td
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from mystocks.api.http import header, json_response, principal, services


def _with_etag(watchlist: Any, status: int = 200, location: bool = False) -> Response:
    headers = {"ETag": f'"{watchlist["version"]}"'}
    if location:
        headers["Location"] = f"/api/v1/watchlists/{watchlist['id']}"
    return json_response(watchlist, status=status, headers=headers)


async def list_watchlists(*, cursor: str | None = None, limit: int = 20) -> Response:
    page = await run_in_threadpool(
        services().watchlists.list_watchlists, principal(), cursor=cursor, limit=limit
    )
    return json_response(page)


async def create_watchlist(*, body: td.WatchlistInput) -> Response:
    created = await run_in_threadpool(services().watchlists.create_watchlist, principal(), body)
    return _with_etag(created, status=201, location=True)


async def get_watchlist(*, watchlist_id: int) -> Response:
    found = await run_in_threadpool(services().watchlists.get_watchlist, principal(), watchlist_id)
    return _with_etag(found)


async def update_watchlist(*, watchlist_id: int, body: td.WatchlistPatch) -> Response:
    updated = await run_in_threadpool(
        services().watchlists.update_watchlist, principal(), watchlist_id, header("If-Match"), body
    )
    return _with_etag(updated)


async def delete_watchlist(*, watchlist_id: int) -> Response:
    await run_in_threadpool(
        services().watchlists.delete_watchlist, principal(), watchlist_id, header("If-Match")
    )
    return Response(status_code=204)


async def put_watchlist_item(
    *, watchlist_id: int, symbol: str, body: td.WatchlistItemInput | None = None
) -> Response:
    changed, added = await run_in_threadpool(
        services().watchlists.put_watchlist_item,
        principal(),
        watchlist_id,
        symbol,
        header("If-Match"),
        body or {},
    )
    return _with_etag(changed, status=201 if added else 200)


async def delete_watchlist_item(*, watchlist_id: int, symbol: str) -> Response:
    changed = await run_in_threadpool(
        services().watchlists.delete_watchlist_item,
        principal(),
        watchlist_id,
        symbol,
        header("If-Match"),
    )
    return _with_etag(changed)


async def get_watchlist_quotes(*, watchlist_id: int) -> Response:
    quotes = await run_in_threadpool(
        services().watchlists.get_watchlist_quotes, principal(), watchlist_id
    )
    return json_response(quotes)
