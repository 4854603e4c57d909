"""The latest quote of an instrument, built from the newest tick and the daily bars.

The quote's day is the trading day of the newest tick, or of the newest daily bar when the
instrument has no ticks that recent. Its open/high/low/volume/amount come from that day's ticks
(or its daily bar), its `prev_close` from the daily bar before that day. A-share price limits are
the terminal's: prev_close × (1 ± band), rounded half-up to the tick.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

from mystocks_contract import typeddicts as td

from mystocks.errors import NotFound
from mystocks.storage.manager import UnifiedManager

# When the market closes, for stamping a quote that comes from a daily bar.
CLOSE_TIME = {"CN": dt.time(15, 0), "US": dt.time(16, 0)}


def price_limits(
    prev_close: float | None, inst: dict[str, Any]
) -> tuple[float | None, float | None]:
    """The day's limit-up and limit-down prices, computed in decimal as the exchanges do."""
    band = inst.get("price_limit_pct")
    if prev_close is None or band is None:
        return None, None
    tick = Decimal(str(inst["tick_size"]))
    base, pct = Decimal(str(prev_close)), Decimal(str(band))

    def to_tick(value: Decimal) -> float:
        return float((value / tick).quantize(Decimal(1), ROUND_HALF_UP) * tick)

    return to_tick(base * (1 + pct)), to_tick(base * (1 - pct))


def build_quote(data: UnifiedManager, inst: dict[str, Any]) -> td.Quote:
    symbol = inst["symbol"]
    zone = ZoneInfo(inst["timezone"])
    daily = data.relational.last_daily_bars(symbol, 1)
    tick = data.timeseries.latest_tick(symbol)
    tick_time = dt.datetime.fromtimestamp(tick[0] / 1000, dt.UTC).astimezone(zone) if tick else None
    if tick_time is not None and (not daily or tick_time.date() >= daily[0][0]):
        day = tick_time.date()
        start = dt.datetime.combine(day, dt.time(0), zone)
        summary = data.timeseries.tick_summary(
            symbol,
            start=int(start.timestamp() * 1000),
            end=int((start + dt.timedelta(days=1)).timestamp() * 1000),
        )
        assert summary is not None  # the newest tick itself lies in that window
        open_, high, low, volume, amount = summary
        last, stamp, simulated = tick[1], tick_time, bool(tick[4])  # type: ignore[index]
    elif daily:
        day, open_, high, low, last, volume, amount = daily[0]
        stamp = dt.datetime.combine(day, CLOSE_TIME.get(inst["market"], dt.time(0)), zone)
        simulated = False
    else:
        raise NotFound(f"No market data for {symbol} yet.")
    before = data.relational.last_daily_bars(symbol, 1, before=day)
    prev_close = before[0][4] if before else None
    change = None if prev_close is None else round(last - prev_close, 4)
    change_pct = (
        None
        if prev_close is None or change is None or prev_close == 0
        else round(change / prev_close * 100, 2)
    )
    limit_up, limit_down = price_limits(prev_close, inst)
    return {
        "symbol": symbol,
        "name": inst["name"],
        "last": last,
        "open": open_,
        "high": high,
        "low": low,
        "prev_close": prev_close,
        "change": change,
        "change_pct": change_pct,
        "volume": int(volume),
        "amount": amount,
        "limit_up": limit_up,
        "limit_down": limit_down,
        "timestamp": stamp.isoformat(),
        "source": "simulated" if simulated else "real",
    }
