"""Handlers of the `paper` tag."""

from __future__ import annotations

from mystocks_contract import typeddicts as td
from mystocks_contract.protocols import OrderSide, OrderStatus
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from mystocks.api.http import header, json_response, principal, services


async def list_accounts(*, cursor: str | None = None, limit: int = 50) -> Response:
    page = await run_in_threadpool(
        services().paper.list_accounts, principal(), cursor=cursor, limit=limit
    )
    return json_response(page)


async def create_account(*, body: td.AccountInput) -> Response:
    account = await run_in_threadpool(services().paper.create_account, principal(), body)
    location = {"Location": f"/api/v1/accounts/{account['id']}"}
    return json_response(account, status=201, headers=location)


async def get_account(*, account_id: int) -> Response:
    return json_response(
        await run_in_threadpool(services().paper.get_account, principal(), account_id)
    )


async def list_positions(*, account_id: int) -> Response:
    return json_response(
        await run_in_threadpool(services().paper.list_positions, principal(), account_id)
    )


async def list_trades(*, account_id: int, cursor: str | None = None, limit: int = 50) -> Response:
    page = await run_in_threadpool(
        services().paper.list_trades, principal(), account_id, cursor=cursor, limit=limit
    )
    return json_response(page)


async def get_account_equity(
    *, account_id: int, start: str | None = None, end: str | None = None
) -> Response:
    history = await run_in_threadpool(
        services().paper.get_account_equity, principal(), account_id, start=start, end=end
    )
    return json_response(history)


async def list_orders(
    *,
    account_id: int | None = None,
    symbol: str | None = None,
    status: OrderStatus | None = None,
    side: OrderSide | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> Response:
    filters = {
        "account_id": account_id,
        "symbol": symbol and symbol.upper(),
        "status": status,
        "side": side,
    }
    page = await run_in_threadpool(
        services().paper.list_orders, principal(), filters=filters, cursor=cursor, limit=limit
    )
    return json_response(page)


async def create_order(*, body: td.OrderInput) -> Response:
    order, created = await run_in_threadpool(
        services().paper.create_order, principal(), body, header("Idempotency-Key")
    )
    location = {"Location": f"/api/v1/orders/{order['id']}"}
    return json_response(order, status=201 if created else 200, headers=location)


async def get_order(*, order_id: int) -> Response:
    return json_response(await run_in_threadpool(services().paper.get_order, principal(), order_id))


async def cancel_order(*, order_id: int) -> Response:
    order = await run_in_threadpool(services().paper.cancel_order, principal(), order_id)
    return json_response(order)
