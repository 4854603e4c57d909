"""Baseline 2, the floor: bare Starlette + orjson serving `GET /api/v1/market/bars/{symbol}`.

Hand-written checks of the same parameters, the same PyJWT decode (claims cached per token, as
the project does), the same SQLite read through `RelationalStore` in the thread pool, and
`orjson.dumps` of the same payload. Only the daily period is served (others answer 422).
"""

from __future__ import annotations

import datetime as dt
import re
import time
from typing import Any
from zoneinfo import ZoneInfo

import jwt
import orjson
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bench.apps import CURSOR_PATTERN, SYMBOL_PATTERN, data_dir, jwt_secret
from mystocks.adapters.sql.relational import RelationalStore, make_engine
from mystocks.domain import paging
from mystocks.errors import InvalidRequest

FIELDS: tuple[str, ...] = ("open", "high", "low", "close", "volume", "amount")
PERIODS = {"1m", "5m", "15m", "30m", "60m", "1d", "1w", "1M"}
SYMBOL = re.compile(SYMBOL_PATTERN)
CURSOR = re.compile(CURSOR_PATTERN)
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SECRET = jwt_secret()
store = RelationalStore(make_engine(f"sqlite:///{data_dir() / 'mystocks.db'}"))
_claims: dict[str, dict[str, Any]] = {}


class Problem(Exception):
    def __init__(self, status: int, detail: str) -> None:
        self.status, self.detail = status, detail


def authenticate(header: str | None) -> dict[str, Any]:
    scheme, _, token = (header or "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Problem(401, "No bearer token.")
    claims = _claims.get(token)
    if claims is None:
        try:
            claims = jwt.decode(
                token, SECRET, algorithms=["HS256"], options={"require": ["sub", "role", "exp"]}
            )
        except jwt.InvalidTokenError:
            raise Problem(401, "The token is not valid.") from None
        if len(_claims) > 4096:
            _claims.clear()
        _claims[token] = claims
    if claims["exp"] <= time.time():
        raise Problem(401, "The token has expired.")
    return claims


def offset(day: str, tz: ZoneInfo) -> str:
    if tz.key == "Asia/Shanghai":
        return "+08:00"
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(), tz).isoformat()[19:]


def parse_date(name: str, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        if DATE.match(value):
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise Problem(400, f"{name} must be a date (YYYY-MM-DD)")


def read_page(
    symbol: str, start: dt.date | None, end: dt.date | None, after: dt.date | None, limit: int
) -> tuple[dict[str, Any] | None, list[tuple[Any, ...]]]:
    inst = store.get_instrument(symbol)
    if inst is None:
        return None, []
    # The floor reads as fast as the project does: dates as text, no date object per row.
    rows = store.daily_bar_text(symbol, start=start if after is None else after, end=end)
    if after is not None:
        rows = [row for row in rows if row[0] > after.isoformat()]
    return inst, rows[: limit + 1]


async def list_bars(request: Request) -> Response:
    try:
        authenticate(request.headers.get("authorization"))
        symbol, query = request.path_params["symbol"], request.query_params
        if len(symbol) > 16 or not SYMBOL.match(symbol):
            raise Problem(400, "symbol is malformed")
        period = query.get("period", "1d")
        if period not in PERIODS:
            raise Problem(400, "period must be one of " + ", ".join(sorted(PERIODS)))
        start, end = parse_date("start", query.get("start")), parse_date("end", query.get("end"))
        raw_limit = query.get("limit", "1000")
        if not raw_limit.isdigit() or not 1 <= int(raw_limit) <= 5000:
            raise Problem(400, "limit must be an integer in [1, 5000]")
        limit = int(raw_limit)
        wanted = FIELDS
        if "fields" in query:
            asked = query["fields"].split(",")
            if len(asked) > 6 or any(f not in FIELDS for f in asked):
                raise Problem(400, "fields: comma-separated names of bar fields")
            wanted = tuple(f for f in FIELDS if f in asked)
        cursor = query.get("cursor")
        if cursor is not None and (len(cursor) > 200 or not CURSOR.match(cursor)):
            raise Problem(400, "cursor is malformed")
        if period != "1d":
            raise Problem(422, "this baseline serves daily bars only")
        if start is not None and end is not None and end < start:
            raise Problem(400, "end is before start")
        try:
            position = paging.decode("bars.1d", cursor)
        except InvalidRequest:
            raise Problem(400, "bad cursor") from None
        after = dt.date.fromisoformat(position[:10]) if position else None
        inst, rows = await run_in_threadpool(read_page, symbol.upper(), start, end, after, limit)
        if inst is None:
            raise Problem(404, f"No instrument {symbol.upper()}.")
    except Problem as problem:
        body = {"title": "problem", "status": problem.status, "detail": problem.detail}
        return Response(orjson.dumps(body), problem.status, media_type="application/problem+json")
    more = len(rows) > limit
    rows = rows[:limit]
    tz = ZoneInfo(inst["timezone"])
    index = [i + 1 for i, f in enumerate(FIELDS) if f in wanted]
    items = []
    for row in rows:
        item = {"ts": f"{row[0]}T00:00:00{offset(row[0], tz)}"}
        for i in index:
            item[FIELDS[i - 1]] = row[i]
        items.append(item)
    page = {
        "symbol": inst["symbol"],
        "period": period,
        "adjust": "qfq" if inst["bars_adjust"] != "none" else "none",
        "adjusted_to": None,
        "note": None,
        "source": "real",
        "items": items,
        "next_cursor": paging.encode("bars.1d", f"{rows[-1][0]}T00:00:00") if more else None,
    }
    return Response(orjson.dumps(page), media_type="application/json")


app = Starlette(routes=[Route("/api/v1/market/bars/{symbol}", list_bars)])
