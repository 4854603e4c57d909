"""Handlers of the `market` tag: parse, call one service method, answer.

Service calls touch the database, so they run in the thread pool, off the event loop.
"""

from __future__ import annotations

from mystocks_contract import typeddicts as td
from mystocks_contract.protocols import (
    Adjust,
    BarField,
    Exchange,
    IndicatorName,
    InstrumentType,
    Period,
)
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from mystocks.adapters.cache import INSTRUMENTS_SCOPE, TTL, market_scope
from mystocks.api.http import cached, json_response, principal, services


async def list_symbols(
    *,
    q: str | None = None,
    type: InstrumentType | None = None,
    exchange: Exchange | None = None,
    industry: str | None = None,
    has_bars: bool | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> Response:
    return await cached(
        "symbols",
        [INSTRUMENTS_SCOPE],
        TTL["symbols"],
        services().market.list_symbols,
        q=q,
        type=type,
        exchange=exchange,
        industry=industry,
        has_bars=has_bars,
        cursor=cursor,
        limit=limit,
    )


async def get_symbol(*, symbol: str) -> Response:
    return json_response(await run_in_threadpool(services().market.get_symbol, symbol=symbol))


async def list_quotes(*, symbols: list[str]) -> Response:
    symbols = [s.upper() for s in symbols]
    scopes = sorted({market_scope(s) for s in symbols})
    return await cached(
        "quotes", scopes, TTL["quotes"], services().market.list_quotes, symbols=symbols
    )


async def get_quote(*, symbol: str) -> Response:
    symbol = symbol.upper()
    return await cached(
        "quote", [market_scope(symbol)], TTL["quotes"], services().market.get_quote, symbol=symbol
    )


async def list_bars(
    *,
    symbol: str,
    period: Period = "1d",
    adjust: Adjust | None = None,
    start: str | None = None,
    end: str | None = None,
    fields: list[BarField] | None = None,
    cursor: str | None = None,
    limit: int = 1000,
) -> Response:
    symbol = symbol.upper()
    return await cached(
        "bars",
        [market_scope(symbol)],
        TTL["bars:1d" if period in ("1d", "1w", "1M") else "bars:intraday"],
        services().market.list_bars,
        symbol=symbol,
        period=period,
        adjust=adjust,
        start=start,
        end=end,
        fields=fields,
        cursor=cursor,
        limit=limit,
    )


async def ingest_bars(*, body: td.BarIngest) -> Response:
    principal().require("admin")
    result = await run_in_threadpool(
        services().market.ingest_bars,
        period=body["period"],
        items=body["items"],
        actor=principal(),
    )
    return json_response(result)


async def list_ticks(
    *,
    symbol: str,
    start: str | None = None,
    end: str | None = None,
    cursor: str | None = None,
    limit: int = 1000,
) -> Response:
    page = await run_in_threadpool(
        services().market.list_ticks,
        symbol=symbol,
        start=start,
        end=end,
        cursor=cursor,
        limit=limit,
    )
    return json_response(page)


async def ingest_ticks(*, body: td.TickIngest) -> Response:
    principal().require("admin")
    result = await run_in_threadpool(
        services().market.ingest_ticks, items=body["items"], actor=principal()
    )
    return json_response(result)


async def get_indicators(
    *,
    symbol: str,
    indicator: IndicatorName,
    params: list[float] | None = None,
    period: Period = "1d",
    adjust: Adjust | None = None,
    start: str | None = None,
    end: str | None = None,
    cursor: str | None = None,
    limit: int = 1000,
) -> Response:
    symbol = symbol.upper()
    return await cached(
        "indicators",
        [market_scope(symbol)],
        TTL["indicators"] if period in ("1d", "1w", "1M") else TTL["bars:intraday"],
        services().market.get_indicators,
        symbol=symbol,
        adjust=adjust,
        indicator=indicator,
        params=params,
        period=period,
        start=start,
        end=end,
        cursor=cursor,
        limit=limit,
    )


async def get_calendar(*, start: str, end: str, exchange: str = "XSHG") -> Response:
    days = await run_in_threadpool(
        services().market.get_calendar, start=start, end=end, exchange=exchange
    )
    return json_response(days)


async def create_sync_job(*, body: td.SyncJobRequest) -> Response:
    who = principal()
    who.require("admin")
    job = await run_in_threadpool(services().sync.create_sync_job, who.username, body)
    return json_response(job, status=202, headers={"Location": f"/api/v1/sync-jobs/{job['id']}"})


async def get_sync_job(*, job_id: int) -> Response:
    principal().require("admin")
    return json_response(await run_in_threadpool(services().sync.get_sync_job, job_id))
