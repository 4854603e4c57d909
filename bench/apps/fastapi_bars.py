"""Baseline 1: `GET /api/v1/market/bars/{symbol}` written the idiomatic FastAPI way.

Typed parameters (FastAPI + Pydantic validate them), an `HTTPBearer` dependency decoding the JWT
with PyJWT on every request (`async def`, as FastAPI's security tutorial writes it: no I/O, so no
thread hop), a `def` endpoint (run in the thread pool) reading the same SQLite
rows through `RelationalStore`, and the generated Pydantic `BarPage` as `response_model`.
Only the daily period is served; the others validate and then answer 422.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import jwt
from fastapi import Depends, FastAPI, HTTPException, Path, Query
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from mystocks_contract.models import BarPage
from mystocks_contract.protocols import BarField, Period

from bench.apps import CURSOR_PATTERN, SYMBOL_PATTERN, data_dir, jwt_secret
from mystocks.adapters.sql.relational import RelationalStore, make_engine
from mystocks.domain import paging
from mystocks.errors import InvalidRequest

FIELDS: tuple[BarField, ...] = ("open", "high", "low", "close", "volume", "amount")
SECRET = jwt_secret()
store = RelationalStore(make_engine(f"sqlite:///{data_dir() / 'mystocks.db'}"))
bearer = HTTPBearer()
app = FastAPI(title="bars baseline (FastAPI)")


async def current_user(
    credentials: Annotated[HTTPAuthorizationCredentials, Depends(bearer)],
) -> dict[str, Any]:
    try:
        return jwt.decode(
            credentials.credentials,
            SECRET,
            algorithms=["HS256"],
            options={"require": ["sub", "role", "exp"]},
        )
    except jwt.InvalidTokenError as exc:
        raise HTTPException(401, "The token is not valid.") from exc


@app.get("/api/v1/market/bars/{symbol}", response_model=BarPage, response_model_exclude_unset=True)
def list_bars(
    symbol: Annotated[str, Path(max_length=16, pattern=SYMBOL_PATTERN)],
    _user: Annotated[dict[str, Any], Depends(current_user)],
    period: Period = "1d",
    start: dt.date | None = None,
    end: dt.date | None = None,
    fields: Annotated[str | None, Query(description="comma-separated bar fields")] = None,
    cursor: Annotated[str | None, Query(max_length=200, pattern=CURSOR_PATTERN)] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
) -> dict[str, Any]:
    wanted = list(FIELDS)
    if fields is not None:
        asked = fields.split(",")
        if not asked or len(asked) > 6 or any(f not in FIELDS for f in asked):
            raise HTTPException(422, "fields: comma-separated names of bar fields")
        wanted = [f for f in FIELDS if f in asked]
    if period != "1d":
        raise HTTPException(422, "this baseline serves daily bars only")
    if start is not None and end is not None and end < start:
        raise HTTPException(400, "end is before start")
    try:
        position = paging.decode("bars.1d", cursor)
    except InvalidRequest as exc:
        raise HTTPException(400, "bad cursor") from exc
    after = dt.date.fromisoformat(position[:10]) if position else None
    inst = store.get_instrument(symbol.upper())
    if inst is None:
        raise HTTPException(404, f"No instrument {symbol.upper()}.")
    rows = store.daily_bars(inst["symbol"], start=start, end=end, after=after, limit=limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    tz = ZoneInfo(inst["timezone"])
    items = []
    for row in rows:
        item: dict[str, Any] = {"ts": dt.datetime.combine(row[0], dt.time(), tz)}
        item.update((f, v) for f, v in zip(FIELDS, row[1:], strict=True) if f in wanted)
        items.append(item)
    return {
        "symbol": inst["symbol"],
        "period": period,
        "adjust": "qfq" if inst["bars_adjust"] != "none" else "none",
        "adjusted_to": None,
        "note": None,
        "source": "real",
        "items": items,
        "next_cursor": paging.encode("bars.1d", f"{rows[-1][0]}T00:00:00") if more else None,
    }
