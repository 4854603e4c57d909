"""What the live feed keeps in memory: open 1-minute bars per symbol, and replay quotes.

Bars are stamped at the END of their minute, like the stored minute bars and
`series.resample_intraday`: a bar ending at E holds the ticks in [E - 1 min, E), so a tick at
10:15:03 belongs to the 10:16 bar. One exception, as terminals do: a tick stamped exactly at a
session's close (11:30:00, 15:00:00, the closing print) joins the bar that ends then instead of
opening a bar after the close.

A bar closes when a tick of a later minute arrives for its symbol, or when the market clock
passes its end: the 11:30 bar closes at 11:30 although the next tick comes after lunch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
from mystocks_contract import typeddicts as td

from mystocks.domain.series import SESSIONS, BarSeries, resample_intraday
from mystocks.market.quotes import DaySummary, assemble_quote

MINUTE_MS = 60_000


@dataclass
class Bar:
    symbol: str
    end: int  # epoch ms UTC at the end of the minute
    open: float
    high: float
    low: float
    close: float
    volume: int
    amount: float

    def add(self, price: float, volume: int, amount: float) -> None:
        self.high = max(self.high, price)
        self.low = min(self.low, price)
        self.close = price
        self.volume += volume
        self.amount += amount


def ticks_of(frame: pd.DataFrame) -> list[tuple[str, int, float, int, float]]:
    """(symbol, ts ms UTC, price, volume, amount) tuples of a tick frame, as Python values."""
    ms = frame["ts"].dt.tz_convert("UTC").dt.tz_localize(None).astype("datetime64[ms]")
    columns = (frame["symbol"], ms.astype("int64"), frame["price"], frame["volume"])
    return list(zip(*(c.tolist() for c in (*columns, frame["amount"])), strict=True))


class MinuteBars:
    """The open bar of each symbol; `add` and `close_until` return the bars they close."""

    def __init__(self, instruments: Mapping[str, dict[str, Any]]) -> None:
        self._zones = {s: ZoneInfo(inst["timezone"]) for s, inst in instruments.items()}
        self._closes = {
            s: {close for _, close in SESSIONS.get(inst["market"], SESSIONS["CN"])}
            for s, inst in instruments.items()
        }
        self._open: dict[str, Bar] = {}
        self.late = 0  # ticks older than their symbol's open bar (not rolled up)

    def minute_end(self, symbol: str, ts: int) -> int:
        start = ts - ts % MINUTE_MS
        if ts == start:
            local = dt.datetime.fromtimestamp(ts / 1000, self._zones[symbol])
            if local.hour * 60 + local.minute in self._closes[symbol]:
                return ts
        return start + MINUTE_MS

    def add(self, ticks: pd.DataFrame) -> list[Bar]:
        closed = []
        for symbol, ts, price, volume, amount in ticks_of(ticks):
            end = self.minute_end(symbol, ts)
            bar = self._open.get(symbol)
            if bar is not None and bar.end == end:
                bar.add(price, volume, amount)
                continue
            if bar is not None and bar.end > end:
                self.late += 1
                continue
            if bar is not None:
                closed.append(bar)
            self._open[symbol] = Bar(symbol, end, price, price, price, price, volume, amount)
        return closed

    def close_until(self, clock_ms: int) -> list[Bar]:
        """Close the bars whose minute has ended by `clock_ms` (the market clock)."""
        done = [bar for bar in self._open.values() if bar.end <= clock_ms]
        for bar in done:
            del self._open[bar.symbol]
        return done

    def close_all(self) -> list[Bar]:
        """When the feed stops: no more ticks will come for the open bars."""
        done = list(self._open.values())
        self._open.clear()
        return done


ROLLUP_MINUTES = (5, 15, 30, 60)


class PeriodBars:
    """Closed 1-minute bars rolled up into 5, 15, 30 and 60-minute bars, bucketed exactly as
    the bars endpoint buckets stored minutes (`series.resample_intraday`: trading minutes of
    the sessions, end-stamped): a period's bar closes with the minute that ends its bucket. A
    feed started mid-bucket gives a first bucket of only the minutes it saw."""

    def __init__(self, instruments: Mapping[str, dict[str, Any]]) -> None:
        self._instruments = instruments
        self._days: dict[str, tuple[dt.date, list[Bar], list[np.datetime64]]] = {}

    def add(self, closed: list[Bar]) -> list[tuple[str, Bar]]:
        """(period, bar) of every period bar that `closed` completes, in order."""
        out: list[tuple[str, Bar]] = []
        for bar in closed:
            inst = self._instruments[bar.symbol]
            end = dt.datetime.fromtimestamp(bar.end / 1000, ZoneInfo(inst["timezone"]))
            day = self._days.get(bar.symbol)
            if day is None or day[0] != end.date():
                day = self._days[bar.symbol] = (end.date(), [], [])
            day[1].append(bar)
            day[2].append(np.datetime64(end.replace(tzinfo=None), "s"))
            minutes = BarSeries(
                np.array(day[2], dtype="datetime64[s]"),
                np.array([b.open for b in day[1]]),
                np.array([b.high for b in day[1]]),
                np.array([b.low for b in day[1]]),
                np.array([b.close for b in day[1]]),
                np.array([b.volume for b in day[1]], dtype=np.int64),
                np.array([b.amount for b in day[1]]),
            )
            for m in ROLLUP_MINUTES:
                rolled = resample_intraday(minutes, m, inst["market"])
                if rolled.local[-1] == minutes.local[-1]:  # its bucket ended with this minute
                    values = (rolled.open, rolled.high, rolled.low, rolled.close)
                    o, h, lo, c = (float(v[-1]) for v in values)
                    v, a = int(rolled.volume[-1]), float(rolled.amount[-1])
                    out.append((f"{m}m", Bar(bar.symbol, bar.end, o, h, lo, c, v, a)))
        return out


class RunningQuotes:
    """Each symbol's trading day so far, folded tick by tick, and its quote assembled by the
    endpoint's own function (`quotes.assemble_quote`), so nothing is read back per window."""

    def __init__(
        self, instruments: Mapping[str, dict[str, Any]], prev_close: Mapping[str, float | None]
    ) -> None:
        self._instruments = instruments
        self._prev_close = dict(prev_close)
        self._days: dict[str, tuple[dt.date, DaySummary, dt.datetime, bool]] = {}

    def _stamp(self, symbol: str, ts: int) -> dt.datetime:
        zone = ZoneInfo(self._instruments[symbol]["timezone"])
        return dt.datetime.fromtimestamp(ts / 1000, dt.UTC).astimezone(zone)

    def fold(self, ticks: pd.DataFrame, skip: frozenset[str] = frozenset()) -> None:
        """Add `ticks` to their days (a tick of a new day starts one), except `skip`'s."""
        flags = ticks["simulated"].tolist() if "simulated" in ticks else [0] * len(ticks)
        for (symbol, ts, price, volume, amount), simulated in zip(
            ticks_of(ticks), flags, strict=True
        ):
            if symbol in skip:
                continue
            stamp = self._stamp(symbol, ts)
            seen = self._days.get(symbol)
            if seen is None or seen[0] != stamp.date():
                day = DaySummary(price, price, price, price, volume, amount)
            else:
                old = seen[1]
                day = DaySummary(
                    old.open,
                    max(old.high, price),
                    min(old.low, price),
                    price,
                    old.volume + volume,
                    old.amount + amount,
                )
            self._days[symbol] = (stamp.date(), day, stamp, bool(simulated))

    def assembled(self, symbols: list[str]) -> list[td.Quote]:
        return [
            assemble_quote(
                self._instruments[symbol],
                self._days[symbol][1],
                self._days[symbol][2],
                simulated=self._days[symbol][3],
                prev_close=self._prev_close.get(symbol),
            )
            for symbol in symbols
        ]


class ReplayQuotes(RunningQuotes):
    """Quotes as of the replayed moment, kept up tick by tick.

    A replay writes nothing (its ticks are stored already), so the store's newest tick is not
    the replayed one and `build_quotes` would answer for the wrong moment. The day's figures are
    therefore summed here from the replayed ticks."""

    def quotes(self, ticks: pd.DataFrame) -> list[td.Quote]:
        self.fold(ticks)
        return self.assembled(list(dict.fromkeys(ticks["symbol"].tolist())))
