"""The `replay` feed provider: the stored ticks of one day, again, at `speed` times their pace.

The ticks of the chosen symbols are read from the time-series store and merged in time order
(ties keep the order of the symbols given). A tick is due once `speed` × the wall time since the
first poll reaches its distance from the day's first tick, counted in trading time: the lunch
break (11:30-13:00) is squeezed out, so a whole A-share day at 1000x takes 14.4 s, not 20.

Replayed ticks are published as new events with their original stamps, but written nowhere:
they are stored already, and writing them again would only repeat them (or, with a newer
`simulated` flag, change them). The quotes published are those of the replayed moment, built
from the replayed ticks (`feed_bars.ReplayQuotes`), not the store's newest, which a replay of
an older day would otherwise report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from mystocks.adapters.interfaces import TimeSeriesStore
from mystocks.domain.series import MARKET_TZ, SESSIONS
from mystocks.live.feed import TICK_COLUMNS, Batch, empty_ticks

MAX_SPEED = 1000.0
ALL_OF_A_DAY = 10_000_000  # a read limit no day of one symbol reaches


def load_day(
    store: TimeSeriesStore, symbols: Sequence[str], day: dt.date, zone: str
) -> pd.DataFrame:
    """The stored ticks of `symbols` on the local `day`, in time order (ties: symbol order)."""
    start = dt.datetime.combine(day, dt.time(0), ZoneInfo(zone))
    lo, hi = (int(t.timestamp() * 1000) for t in (start, start + dt.timedelta(days=1)))
    frames = []
    for symbol in symbols:
        rows = store.read_ticks(symbol, start=lo, end=hi, after=None, limit=ALL_OF_A_DAY)
        if rows:
            frame = pd.DataFrame(rows, columns=["ts", "price", "volume", "amount", "simulated"])
            frames.append(frame.assign(symbol=symbol))
    if not frames:
        return empty_ticks().assign(simulated=pd.Series(dtype=np.int64))
    ticks = pd.concat(frames, ignore_index=True).sort_values("ts", kind="stable")
    ticks["ts"] = pd.to_datetime(ticks["ts"], unit="ms", utc=True).astype("datetime64[ms, UTC]")
    return ticks[[*TICK_COLUMNS, "simulated"]].reset_index(drop=True)


def trading_seconds(seconds_of_day: np.ndarray, market: str) -> np.ndarray:
    """Local seconds after midnight -> seconds of trading since the first open (the lunch break
    counts for nothing; before the open and after the close, time runs as on the clock)."""
    sessions = SESSIONS[market]
    x = np.asarray(seconds_of_day, np.float64)
    out = np.minimum(x - sessions[0][0] * 60, 0.0)
    for opens, closes in sessions:
        out += np.clip(x - opens * 60, 0.0, (closes - opens) * 60)
    return out + np.maximum(x - sessions[-1][1] * 60, 0.0)


def clock_seconds(trading: float, market: str) -> float:
    """The inverse of `trading_seconds` (a point in the lunch break maps to the morning close)."""
    sessions = SESSIONS[market]
    if trading < 0:
        return sessions[0][0] * 60 + trading
    for opens, closes in sessions:
        if trading <= (closes - opens) * 60:
            return opens * 60 + trading
        trading -= (closes - opens) * 60
    return sessions[-1][1] * 60 + trading


class ReplayProvider:
    name = "replay"
    stores_ticks = False
    simulated = False  # nothing is written, so nothing is marked

    def __init__(self, ticks: pd.DataFrame, day: dt.date, *, speed: float, market: str = "CN"):
        if not 1 <= speed <= MAX_SPEED:
            raise ValueError(f"speed must lie in 1..{MAX_SPEED:g}, not {speed:g}")
        if ticks.empty:
            raise ValueError(f"no stored ticks on {day} for the chosen symbols")
        self.ticks, self.day, self.speed, self.market = ticks, day, speed, market
        self.symbols = list(dict.fromkeys(ticks["symbol"].tolist()))
        self.zone = ZoneInfo(MARKET_TZ[market])
        self._midnight = dt.datetime.combine(day, dt.time(0), self.zone)
        local = ticks["ts"].dt.tz_convert(self.zone)
        of_day = (local - local.dt.normalize()).dt.total_seconds().to_numpy()
        trading = trading_seconds(of_day, market)
        self._start = float(trading[0])
        self.offsets = trading - self._start  # trading seconds after the first tick
        self._sent = 0
        self._t0: dt.datetime | None = None

    def poll(self, now: dt.datetime) -> Batch:
        if self._t0 is None:
            self._t0 = now
        # Whole microseconds, so that 5.39 s at 1000x is exactly 5390 trading seconds.
        position = (now - self._t0) // dt.timedelta(microseconds=1) * self.speed / 1e6
        upto = int(np.searchsorted(self.offsets, position, side="right"))
        batch = self.ticks.iloc[self._sent : upto].reset_index(drop=True)
        self._sent = upto
        clock = self._midnight + dt.timedelta(
            seconds=clock_seconds(self._start + position, self.market)
        )
        done = upto == len(self.ticks)
        state = (
            f"finished {self.day} ({len(self.ticks)} ticks)"
            if done
            else f"replaying {self.day} {clock:%H:%M:%S} at {self.speed:g}x"
            f" ({upto}/{len(self.ticks)} ticks)"
        )
        return Batch(batch, clock, state, done)
