"""Handlers of the `backtests` tag."""

from __future__ import annotations

from typing import Any

from mystocks_contract.protocols import JobStatus
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from mystocks.api.http import header, json_response, principal, services


async def list_backtests(
    *, status: JobStatus | None = None, cursor: str | None = None, limit: int = 50
) -> Response:
    page = await run_in_threadpool(
        services().backtests.list_backtests, principal(), status=status, cursor=cursor, limit=limit
    )
    return json_response(page)


async def create_backtest(*, body: dict[str, Any]) -> Response:
    job, _created = await run_in_threadpool(
        services().backtests.create_backtest, principal(), body, header("Idempotency-Key")
    )
    return json_response(job, status=202, headers={"Location": f"/api/v1/backtests/{job['id']}"})


async def get_backtest(*, backtest_id: int) -> Response:
    return json_response(
        await run_in_threadpool(services().backtests.get_backtest, principal(), backtest_id)
    )


async def get_backtest_equity(*, backtest_id: int) -> Response:
    return json_response(
        await run_in_threadpool(services().backtests.get_backtest_equity, principal(), backtest_id)
    )


async def list_backtest_trades(*, backtest_id: int) -> Response:
    return json_response(
        await run_in_threadpool(services().backtests.list_backtest_trades, principal(), backtest_id)
    )


async def cancel_backtest(*, backtest_id: int) -> Response:
    return json_response(
        await run_in_threadpool(services().backtests.cancel_backtest, principal(), backtest_id)
    )
