"""Handlers of the `backtests` tag."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from mystocks_contract import typeddicts as td
from mystocks_contract.protocols import JobStatus
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from mystocks.adapters.cache import TTL
from mystocks.api.http import cached, header, json_response, principal, services
from mystocks.jobs.store import TERMINAL


async def list_backtests(
    *, status: JobStatus | None = None, cursor: str | None = None, limit: int = 50
) -> Response:
    page = await run_in_threadpool(
        services().backtests.list_backtests, principal(), status=status, cursor=cursor, limit=limit
    )
    return json_response(page)


async def create_backtest(*, body: td.BacktestRequest) -> Response:
    job, _created = await run_in_threadpool(
        services().backtests.create_backtest, principal(), body, header("Idempotency-Key")
    )
    return json_response(job, status=202, headers={"Location": f"/api/v1/backtests/{job['id']}"})


async def get_backtest(*, backtest_id: int) -> Response:
    return json_response(
        await run_in_threadpool(services().backtests.get_backtest, principal(), backtest_id)
    )


async def _results(operation: str, read: Callable[..., Any], backtest_id: int) -> Response:
    """A finished backtest's results never change: cache them (after checking the caller may
    see the job, which the cache key then need not name)."""
    who = principal()
    job = await run_in_threadpool(services().backtests.get_backtest, who, backtest_id)
    if job["status"] not in TERMINAL:
        return json_response(await run_in_threadpool(read, who, backtest_id))
    ttl = TTL["backtest-results"]
    return await cached(
        operation, [], ttl, partial(read, who), private=True, backtest_id=backtest_id
    )


async def get_backtest_equity(*, backtest_id: int) -> Response:
    return await _results("backtest-equity", services().backtests.get_backtest_equity, backtest_id)


async def list_backtest_trades(*, backtest_id: int) -> Response:
    return await _results("backtest-trades", services().backtests.list_backtest_trades, backtest_id)


async def cancel_backtest(*, backtest_id: int) -> Response:
    return json_response(
        await run_in_threadpool(services().backtests.cancel_backtest, principal(), backtest_id)
    )
