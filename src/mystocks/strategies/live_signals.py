"""Live strategy signals: running strategies evaluated on each closed bar of the live feed.

The feed publishes the 1-minute bars that close (topic `market`, event `bars`). For each running
strategy trading a symbol, those bars are rolled up to the strategy's period with the same code
the bars endpoint uses (`series.resample_intraday`; a daily bar closes with the 15:00 minute),
and on every period bar that closes the strategy's target holding is recomputed with
`backtest.strategies.target_positions`, the function backtests trade on. A change of the target
is a signal: `buy` when it goes to 1, `sell` when it goes to 0, at the bar's close.

The history a strategy starts from (the stored bars of the previous month, up to the day of the
first live bar) and every live bar since are kept per strategy and symbol, and the target is
computed over all of them, so a live signal is exactly what a backtest over the same bars sees
(indicators with a seed, like MACD's EMAs, depend on where the series starts). A strategy
started mid-bucket gets a first bucket of only the minutes it saw.

Every server instance evaluates; the store keeps the first signal per strategy, symbol and bar,
and only a stored signal is published (topic `signals`, event `signal`, the owner's). A strategy
started with `auto_trade` has each stored signal placed as an order first (`AutoTrader`), so the
published signal names its order, or why there is none.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np

from mystocks.adapters.bus import EventBus
from mystocks.adapters.follow import follow
from mystocks.backtest.strategies import target_positions
from mystocks.domain.indicators import OHLC
from mystocks.domain.series import BarSeries, resample_intraday
from mystocks.strategies.signal_store import SignalStore
from mystocks.strategies.store import StrategyStore
from mystocks.trading.auto_trade import AutoTrader, refusal

log = logging.getLogger("mystocks.signals")

LIVE_PERIODS = {"1m": 1, "5m": 5, "15m": 15, "30m": 30, "60m": 60, "1d": 0}
HISTORY_DAYS = 30  # calendar days of stored bars a strategy starts from
CLOSE = {"CN": dt.time(15, 0), "US": dt.time(16, 0)}


def _concat(parts: Sequence[BarSeries]) -> BarSeries:
    def cat(name: str) -> np.ndarray:
        return np.concatenate([getattr(p, name) for p in parts])

    return BarSeries(
        cat("local").astype("datetime64[s]"),
        cat("open"),
        cat("high"),
        cat("low"),
        cat("close"),
        cat("volume"),
        cat("amount"),
    )


def _daily(minutes: BarSeries) -> BarSeries:
    """1-minute bars -> one bar per day, stamped with the day (as daily bars are)."""
    days = minutes.local.astype("datetime64[D]")
    starts = np.flatnonzero(np.r_[True, days[1:] != days[:-1]])
    ends = np.r_[starts[1:], len(days)]
    return BarSeries(
        days[starts].astype("datetime64[s]"),
        minutes.open[starts],
        np.maximum.reduceat(minutes.high, starts),
        np.minimum.reduceat(minutes.low, starts),
        minutes.close[ends - 1],
        np.add.reduceat(minutes.volume, starts),
        np.add.reduceat(minutes.amount, starts),
    )


@dataclass
class Track:
    """One running strategy on one symbol: its history and the live minutes since."""

    history: BarSeries
    minutes: list[tuple[Any, ...]] = field(default_factory=list)  # (local, o, h, l, c, v, a)
    closed: int = 0  # period bars of the live part already evaluated


class LiveSignals:
    def __init__(
        self,
        strategies: StrategyStore,
        signals: SignalStore,
        market: Any,  # MarketService: instruments and stored series
        bus: EventBus,
        trader: AutoTrader | None = None,  # places the orders of strategies that trade
    ) -> None:
        self.strategies = strategies
        self.signals = signals
        self.market = market
        self.bus = bus
        self._running: dict[int, dict[str, Any]] = {}
        self._tracks: dict[tuple[int, str], Track] = {}
        self._lock = threading.Lock()
        self.trader = trader
        self.following = threading.Event()  # set once bars published from then on are seen

    def refresh(self) -> None:
        """Reload which strategies run (after a start or stop here, and now and then for those
        started on another instance)."""
        running = {row["id"]: row for row in self.strategies.running()}
        with self._lock:
            for key in [k for k in self._tracks if k[0] not in running]:
                del self._tracks[key]
            for sid, row in running.items():  # restarted or edited: start over
                if sid in self._running and self._running[sid]["version"] != row["version"]:
                    for key in [k for k in self._tracks if k[0] == sid]:
                        del self._tracks[key]
            self._running = running

    def on_bars(self, items: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        """The feed's closed 1-minute bars; answers the signals stored (and published)."""
        stored: list[tuple[dict[str, Any], dict[str, Any]]] = []
        with self._lock:
            for bar in items:
                for row in self._running.values():
                    if bar["symbol"] in row["symbols"] and bar.get("period", "1m") == "1m":
                        stored += [(row, signal) for signal in self._advance(row, bar)]
        out = []
        for row, signal in stored:
            if self.trader is not None and (outcome := self.trader.place(row, signal)):
                signal = self.signals.record_order(signal, outcome)
            self.bus.publish("signals", "signal", present(signal), owner=signal["owner"])
            out.append(signal)
        return out

    async def run(self) -> None:
        """Follow the feed's bars until cancelled (a task of the server's lifespan)."""
        await follow(
            self.bus,
            "market",
            "bars",
            self.on_bars,
            self.refresh,
            what="live signals",
            ready=self.following,
        )

    def _track(self, row: dict[str, Any], symbol: str, first: dt.datetime) -> Track:
        key = (row["id"], symbol)
        track = self._tracks.get(key)
        if track is None:
            inst = self.market.instrument(symbol)
            day = first.date()
            period = row["period"]
            start = day - dt.timedelta(days=HISTORY_DAYS)
            history = self.market.series(inst, period, start, day - dt.timedelta(days=1))
            track = self._tracks[key] = Track(history)
        return track

    def _advance(self, row: dict[str, Any], bar: dict[str, Any]) -> list[dict[str, Any]]:
        ts = dt.datetime.fromisoformat(bar["ts"])
        symbol, period = bar["symbol"], row["period"]
        track = self._track(row, symbol, ts)
        local = np.datetime64(ts.replace(tzinfo=None), "s")
        values = (bar["open"], bar["high"], bar["low"], bar["close"], bar["volume"], bar["amount"])
        track.minutes.append((local, *values))
        live = self._live_bars(track, period, ts)
        if len(live) <= track.closed:
            return []
        full = _concat([track.history, live])
        ohlc = OHLC(full.open, full.high, full.low, full.close, full.volume.astype(float))
        target = target_positions(row["type"], row["parameters"], ohlc)
        out = []
        for i in range(len(track.history) + track.closed, len(full)):
            if i > 0 and target[i] != target[i - 1]:
                out.append(self._store(row, symbol, full, i, int(target[i]), ts.tzinfo))
        track.closed = len(live)
        return [s for s in out if s is not None]

    @staticmethod
    def _live_bars(track: Track, period: str, ts: dt.datetime) -> BarSeries:
        """The live part's closed period bars."""
        cols = list(zip(*track.minutes, strict=True))
        floats = [np.array(c, dtype=np.float64) for c in cols[1:5]]
        minutes = BarSeries(
            np.array(cols[0], dtype="datetime64[s]"),
            floats[0],
            floats[1],
            floats[2],
            floats[3],
            np.array(cols[5], dtype=np.int64),
            np.array(cols[6], dtype=np.float64),
        )
        if period == "1d":
            days = _daily(minutes)
            complete = ts.time() >= CLOSE["CN"]  # the day's last minute has closed
            return days if complete else days.take(slice(0, len(days) - 1))
        bars = resample_intraday(minutes, LIVE_PERIODS[period], "CN")
        complete = bars.local[-1] == minutes.local[-1]  # its bucket ended with this minute
        return bars if complete else bars.take(slice(0, len(bars) - 1))

    def _store(
        self, row: dict[str, Any], symbol: str, full: BarSeries, i: int, target: int, tz: Any
    ) -> dict[str, Any] | None:
        local = full.local[i].astype("datetime64[s]").item()
        if row["period"] == "1d":  # a daily bar is stamped with its day: it closed at 15:00
            local = dt.datetime.combine(local.date(), CLOSE["CN"])
        bar_time = local.replace(tzinfo=tz or ZoneInfo("Asia/Shanghai"))
        side = "buy" if target == 1 else "sell"
        reason = (
            f"{row['type']} {row['parameters']}: target {1 - target} -> {target} "
            f"on the {row['period']} bar closing {bar_time.isoformat()}"
        )
        return self.signals.add(
            {
                "strategy_id": row["id"],
                "owner": row["owner"],
                "symbol": symbol,
                "period": row["period"],
                "side": side,
                "price": float(full.close[i]),
                "reason": reason[:300],
                "bar_time": bar_time.astimezone(dt.UTC),  # SQLite keeps no offset: store UTC
            }
        )


def present(signal: dict[str, Any], zone: str = "Asia/Shanghai") -> dict[str, Any]:
    """A stored signal as the contract's `Signal` (times exchange-local, with their offset)."""
    bar_time = signal["bar_time"].astimezone(ZoneInfo(zone))
    return {
        "id": signal["id"],
        "strategy_id": signal["strategy_id"],
        "symbol": signal["symbol"],
        "period": signal["period"],
        "side": signal["side"],
        "price": signal["price"],
        "reason": signal["reason"],
        "bar_time": bar_time.isoformat(),
        "created_at": signal["created_at"].isoformat(),
        "order_id": signal.get("order_id"),
        "order_refusal": refusal(signal.get("order_refusal")),
    }
