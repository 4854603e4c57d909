"""The `simulated` feed provider: a seeded random walk per symbol on a market clock.

Each symbol starts at its stored last daily close (the quote's `prev_close`) and moves in whole
ticks (its instrument's `tick_size`, 0.01 for A-shares): a step is the rounded product of the
price and a normal draw (`volatility`, 0.1% a tick) with a pull back towards the close
(`reversion`), so a long-running demo wanders a few percent instead of drifting onto a limit
and staying there. Prices are clipped to the day's price-limit band, computed by
`quotes.price_limits` exactly as the quote's `limit_up`/`limit_down` (±10% main board, ±20%
ChiNext 300/301 and STAR 688, ±5% ST). Volumes are whole board lots (`lot_size`, 100).

Ticks arrive as a Poisson process at `rate` ticks/s over all symbols, only while the clock
trades; each is stamped with the wall time at which it falls (milliseconds, one stamp per
symbol at most once).
- `SessionClock`: A-share sessions, 09:30-11:30 and 13:00-15:00 Asia/Shanghai on trading days
  of the exchange calendar (`storage.calendar`); outside them nothing comes and the status says
  until when.
- `DemoClock`: trades around the clock, so something moves whenever a newcomer looks. Its ticks
  carry the real current time, so a demo at night stores ticks and bars at hours no exchange
  trades. They are marked simulated (`source: simulated` in quotes and tick pages), like the
  sample intraday data, rather than kept out of the stores: the quotes endpoint must agree with
  the events, and it reads the stores. Point `MYSTOCKS_DATA_DIR` at a scratch folder to keep
  demo data apart.
Same seed, instruments and poll times give the same ticks.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Mapping, Sequence
from typing import Any, Protocol
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from mystocks.domain.calendar import calendar_bounds, trading_days
from mystocks.domain.series import MARKET_TZ, SESSIONS
from mystocks.live.feed import Batch, empty_ticks
from mystocks.market.quotes import price_limits

Span = tuple[dt.datetime, dt.datetime]


class MarketClock(Protocol):
    name: str

    def trading(self, start: dt.datetime, end: dt.datetime) -> list[Span]:
        """The parts of [start, end) when the market trades."""
        ...

    def state(self, at: dt.datetime) -> str: ...


class DemoClock:
    name = "demo"

    def trading(self, start: dt.datetime, end: dt.datetime) -> list[Span]:
        return [(start, end)] if end > start else []

    def state(self, at: dt.datetime) -> str:
        return "trading (demo clock, around the clock)"


@functools.lru_cache(maxsize=64)
def _sessions_on(exchange: str, market: str, day: dt.date) -> tuple[Span, ...]:
    lo, hi = calendar_bounds(exchange)
    if not lo <= day <= hi or not trading_days(exchange, day, day):
        return ()
    zone = ZoneInfo(MARKET_TZ[market])
    midnight = dt.datetime.combine(day, dt.time(0), zone)
    return tuple(
        (midnight + dt.timedelta(minutes=a), midnight + dt.timedelta(minutes=b))
        for a, b in SESSIONS[market]
    )


class SessionClock:
    name = "session"

    def __init__(self, exchange: str = "XSHG", market: str = "CN") -> None:
        self.exchange, self.market = exchange, market
        self.zone = ZoneInfo(MARKET_TZ[market])

    def _spans(self, first: dt.date, last: dt.date) -> list[Span]:
        days = (first + dt.timedelta(days=i) for i in range((last - first).days + 1))
        return [s for day in days for s in _sessions_on(self.exchange, self.market, day)]

    def trading(self, start: dt.datetime, end: dt.datetime) -> list[Span]:
        spans = self._spans(start.astimezone(self.zone).date(), end.astimezone(self.zone).date())
        return [(max(a, start), min(b, end)) for a, b in spans if a < end and b > start]

    def state(self, at: dt.datetime) -> str:
        local = at.astimezone(self.zone)
        # Long holidays (Spring Festival, National Day) close the market for up to ~10 days.
        for opens, closes in self._spans(local.date(), local.date() + dt.timedelta(days=20)):
            if opens <= at < closes:
                return f"trading until {closes:%H:%M}"
            if opens > at:
                return f"closed until {opens.isoformat(timespec='minutes')}"
        return f"closed (the {self.exchange} calendar ends {calendar_bounds(self.exchange)[1]})"


class SimulatedProvider:
    name = "simulated"
    stores_ticks = True
    simulated = True

    def __init__(
        self,
        instruments: Sequence[dict[str, Any]],
        prev_close: Mapping[str, float],
        *,
        clock: MarketClock,
        rate: float = 20.0,
        seed: int | None = None,
        volatility: float = 0.001,
        reversion: float = 0.002,
    ) -> None:
        if not instruments:
            raise ValueError("the simulated feed needs at least one symbol with a daily close")
        self.symbols = [inst["symbol"] for inst in instruments]
        self.clock, self.rate = clock, rate
        self.volatility, self.reversion = volatility, reversion
        self.seed = seed if seed is not None else int(np.random.default_rng().integers(2**31))
        self._rng = np.random.default_rng(self.seed)
        # Prices are kept as whole ticks: k ticks of 1/scale each (0.01 -> scale 100), and
        # k / scale is the float nearest the decimal price, as float("25.31") is.
        self._scale = np.array([round(1 / inst["tick_size"]) for inst in instruments], np.float64)
        start = [round(prev_close[s] * k) for s, k in zip(self.symbols, self._scale, strict=True)]
        self._base = np.array(start, np.int64)
        self._k = self._base.copy()
        # The bands of today's rules, as the quotes of today apply them.
        today = dt.datetime.now(ZoneInfo(MARKET_TZ["CN"])).date()
        self.limits: dict[str, tuple[float | None, float | None]] = {
            inst["symbol"]: price_limits(prev_close[inst["symbol"]], inst, today)
            for inst in instruments
        }
        big = np.iinfo(np.int64).max // 4
        self._up = np.array(
            [big if up is None else round(up * k) for (up, _), k in zip(
                self.limits.values(), self._scale, strict=True)],
            np.int64,
        )  # fmt: skip
        self._down = np.array(
            [1 if down is None else max(1, round(down * k)) for (_, down), k in zip(
                self.limits.values(), self._scale, strict=True)],
            np.int64,
        )  # fmt: skip
        self._lot = np.array([int(inst.get("lot_size") or 100) for inst in instruments], np.int64)
        self._last_ms = np.full(len(instruments), -1, np.int64)
        self._since: dt.datetime | None = None

    def poll(self, now: dt.datetime) -> Batch:
        since, self._since = self._since, now
        spans = self.clock.trading(since, now) if since is not None else []
        lengths = np.array([(b - a).total_seconds() for a, b in spans], np.float64)
        count = int(self._rng.poisson(self.rate * lengths.sum())) if len(spans) else 0
        if count == 0:
            return Batch(empty_ticks(), now, self.clock.state(now))
        # Uniform instants over the trading parts of the window, in order.
        offset = np.sort(self._rng.random(count)) * lengths.sum()
        edges = np.cumsum(lengths)
        span = np.minimum(np.searchsorted(edges, offset, side="right"), len(spans) - 1)
        starts_ms = np.array([a.timestamp() * 1000 for a, _ in spans])
        into = offset - np.r_[0.0, edges[:-1]][span]
        stamps = np.floor(starts_ms[span] + into * 1000).astype(np.int64)
        who = self._rng.integers(0, len(self.symbols), count)
        shocks = self._rng.standard_normal(count)
        lots = np.maximum(1, np.rint(np.exp(self._rng.normal(1.2, 0.9, count)))).astype(np.int64)
        ticks = self._walk(who, shocks, stamps)
        frame = pd.DataFrame({
            "symbol": [self.symbols[i] for i in who.tolist()],
            "ts": pd.to_datetime(stamps, unit="ms", utc=True).astype("datetime64[ms, UTC]"),
            "price": ticks / self._scale[who],
            "volume": lots * self._lot[who],
        })  # fmt: skip
        frame["amount"] = frame["price"] * frame["volume"]
        frame = frame.sort_values("ts", kind="stable", ignore_index=True)
        return Batch(frame, now, self.clock.state(now))

    def _walk(self, who: np.ndarray, shocks: np.ndarray, stamps: np.ndarray) -> np.ndarray:
        """Advance each symbol's price tick by tick (clipping makes the path sequential); also
        makes each symbol's stamps strictly increasing, since (symbol, ts) keys a stored tick."""
        out = np.empty(len(who), np.int64)
        k, base, up, down, last = self._k, self._base, self._up, self._down, self._last_ms
        for i, (j, z) in enumerate(zip(who.tolist(), shocks.tolist(), strict=True)):
            pull = self.reversion * math.log(k[j] / base[j])
            step = round(k[j] * (self.volatility * z - pull))
            k[j] = min(max(k[j] + step, down[j]), up[j])
            out[i] = k[j]
            stamps[i] = last[j] = max(stamps[i], last[j] + 1)
        return out
