"""Latest quotes, built from the newest tick and the daily bars, in a fixed number of queries.

A quote's day is the trading day of the newest tick, or of the newest daily bar when the
instrument has no ticks that recent. Its open/high/low/volume/amount come from that day's ticks
(or its daily bar), its `prev_close` from the daily bar before that day. A-share price limits are
the exchanges': prev_close × (1 ± the band of that day's rules), rounded half-up to the tick.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

from mystocks_contract import typeddicts as td

from mystocks.adapters.manager import UnifiedManager
from mystocks.domain.boards import band_on, is_st
from mystocks.errors import NotFound

# When the market closes, for stamping a quote that comes from a daily bar.
CLOSE_TIME = {"CN": dt.time(15, 0), "US": dt.time(16, 0)}


def price_limits(
    prev_close: float | None, inst: dict[str, Any], day: dt.date | None = None
) -> tuple[float | None, float | None]:
    """The day's limit-up and limit-down prices, computed in decimal as the exchanges do. On
    `day`, an A-share's band is the board's rule of that date (`domain.boards`: ChiNext was
    ±10% before 2020-08-24, main-board ST ±5% before 2025-07-07); without a day, or for an
    instrument without a band (an index, a US stock), the instrument's stored band."""
    band = inst.get("price_limit_pct")
    if band is not None and day is not None and inst.get("market") == "CN":
        band = band_on(inst["symbol"], day, st=is_st(inst.get("name")))
    if prev_close is None or band is None:
        return None, None
    tick = Decimal(str(inst["tick_size"]))
    base, pct = Decimal(str(prev_close)), Decimal(str(band))

    def to_tick(value: Decimal) -> float:
        return float((value / tick).quantize(Decimal(1), ROUND_HALF_UP) * tick)

    return to_tick(base * (1 + pct)), to_tick(base * (1 - pct))


def _day_window(day: dt.date, zone: ZoneInfo) -> tuple[int, int]:
    start = dt.datetime.combine(day, dt.time(0), zone)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), zone)
    return int(start.timestamp() * 1000), int(end.timestamp() * 1000)


def build_quotes(
    data: UnifiedManager,
    instruments: Sequence[dict[str, Any]],
    *,
    skip_missing: bool = False,
    cached_bars: bool = False,
) -> list[td.Quote]:
    """One quote per instrument, in order; NotFound names those with no market data at all,
    or, with `skip_missing` (a whole market, most of it perhaps never loaded), they are left out.
    `cached_bars`: the daily bars from `RelationalStore.recent_daily_bars`'s cache."""
    symbols = [inst["symbol"] for inst in instruments]
    daily = data.relational.recent_daily_bars(symbols, 2, cached=cached_bars)
    ticks = data.timeseries.latest_ticks(symbols)
    missing = [s for s in symbols if s not in daily and s not in ticks]
    if missing and skip_missing:
        instruments = [i for i in instruments if i["symbol"] in daily or i["symbol"] in ticks]
    elif missing:
        raise NotFound(f"No market data for {', '.join(missing)} yet.")
    plans: dict[str, tuple[dt.date, dt.datetime | None]] = {}
    windows: dict[str, tuple[int, int]] = {}
    for inst in instruments:
        symbol, zone = inst["symbol"], ZoneInfo(inst["timezone"])
        bars, tick = daily.get(symbol, []), ticks.get(symbol)
        tick_time = (
            dt.datetime.fromtimestamp(tick[0] / 1000, dt.UTC).astimezone(zone) if tick else None
        )
        if tick_time is not None and (not bars or tick_time.date() >= bars[0][0]):
            plans[symbol] = (tick_time.date(), tick_time)
            windows[symbol] = _day_window(tick_time.date(), zone)
        else:
            plans[symbol] = (bars[0][0], None)
    summaries = data.timeseries.tick_summaries(windows)
    return [
        _quote(
            inst,
            plans[inst["symbol"]],
            daily.get(inst["symbol"], []),
            ticks.get(inst["symbol"]),
            summaries,
        )
        for inst in instruments
    ]


def _quote(
    inst: dict[str, Any],
    plan: tuple[dt.date, dt.datetime | None],
    bars: list[Any],
    tick: Any,
    summaries: dict[str, Any],
) -> td.Quote:
    symbol = inst["symbol"]
    day, tick_time = plan
    if tick_time is not None:
        open_, high, low, volume, amount = summaries[symbol]
        last, stamp, simulated = tick[1], tick_time, bool(tick[4])
    else:
        _, open_, high, low, last, volume, amount = bars[0]
        zone = ZoneInfo(inst["timezone"])
        stamp = dt.datetime.combine(day, CLOSE_TIME.get(inst["market"], dt.time(0)), zone)
        simulated = False
    before = [bar for bar in bars if bar[0] < day]
    return assemble_quote(
        inst,
        DaySummary(open_, high, low, last, int(volume), amount),
        stamp,
        simulated=simulated,
        prev_close=before[0][4] if before else None,
    )


@dataclass(frozen=True)
class DaySummary:
    """A trading day so far: its first, highest, lowest and latest price and its totals."""

    open: float
    high: float
    low: float
    last: float
    volume: int
    amount: float


def assemble_quote(
    inst: dict[str, Any],
    day: DaySummary,
    stamp: dt.datetime,
    *,
    simulated: bool,
    prev_close: float | None,
) -> td.Quote:
    """The quote of `inst` for a day summarised so far; shared by the endpoint and the live
    feed's replay, so both derive change, change_pct and the limits the same way."""
    change = None if prev_close is None else round(day.last - prev_close, 4)
    change_pct = None if change is None or not prev_close else round(change / prev_close * 100, 2)
    limit_up, limit_down = price_limits(prev_close, inst, stamp.date())
    return {
        "symbol": inst["symbol"],
        "name": inst["name"],
        "last": day.last,
        "open": day.open,
        "high": day.high,
        "low": day.low,
        "prev_close": prev_close,
        "change": change,
        "change_pct": change_pct,
        "volume": day.volume,
        "amount": round(day.amount, 2),  # to the fen: sums in another order then agree
        "limit_up": limit_up,
        "limit_down": limit_down,
        "timestamp": stamp.isoformat(),
        "source": "simulated" if simulated else "real",
    }
