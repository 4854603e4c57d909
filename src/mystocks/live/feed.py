"""The live market feed: a provider makes ticks, `LiveFeed` stores, rolls up and publishes them.

Every window (200 ms by default) `LiveFeed.step` asks its provider for the ticks produced since
the last window, then in this order:
1. writes them through `IngestService.write`, the path imports take (the same vectorised checks,
   batched writes to the time-series store, cache invalidation per symbol);
2. rolls them into 1-minute bars in memory (`feed_bars.MinuteBars`) and writes the bars that
   closed (a tick of a later minute came, or the market clock passed the minute's end);
3. only then, with the writes committed, publishes on the event bus.

Event contract (agreed with the WebSocket and strategy-signal work; keep it stable):
topic `market`, no owner (market data is public); per window at most ONE event of each type,
never one per tick, which keeps Redis Streams cheap at high tick rates (subscribers split the
items by symbol). Events carry the bus envelope `{id, type, occurred_at, data}`:

- `ticks`:  `{"items": [{"symbol": "600036.SH", "ts": "2026-11-24T10:15:03.250+08:00",
             "price": 25.31, "volume": 300, "amount": 7593.0}, ...]}` in time order; `ts` is
             exchange-local ISO-8601 with milliseconds and the offset (+08:00 for A-shares).
- `quotes`: `{"items": [Quote, ...]}`, one per symbol that ticked in the window, exactly what
             GET /api/v1/market/quotes answers afterwards (a symbol's day is read back once
             with the endpoint's `quotes.build_quotes`, then kept up from each window's ticks
             and assembled by the same `quotes.assemble_quote`: `StoredQuotes`; a replay, which
             writes nothing, sums the replayed ticks: `feed_bars.ReplayQuotes`).
- `bars`:   `{"items": [{"symbol", "period": "1m", "ts", "open", "high", "low", "close",
             "volume", "amount"}, ...]}`: the 1-minute bars closed in the window, `ts` the END
             of the minute (`2026-11-24T10:16:00+08:00`), as the bars endpoint stamps them,
             then the `5m`, `15m`, `30m` and `60m` bars those minutes completed (bucketed as
             the endpoint buckets stored minutes; only the 1-minute bars are stored).

Providers (`FeedProvider`): `feed_simulated.SimulatedProvider` (seeded random walk on a session
or around-the-clock clock) and `feed_replay.ReplayProvider` (a stored day again, faster). A
replay's ticks are stored already: it writes neither ticks nor bars, and only publishes.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
from mystocks_contract import typeddicts as td

from mystocks.adapters.bus import EventBus
from mystocks.adapters.manager import STORE_ERRORS, UnifiedManager
from mystocks.adapters.redis_link import ERRORS as REDIS_ERRORS
from mystocks.domain.series import iso_strings
from mystocks.live.rollup import Bar, MinuteBars, PeriodBars, RunningQuotes, ticks_of
from mystocks.market.ingest import IngestService, check
from mystocks.market.quotes import DaySummary, build_quotes

# A window lost to a store or Redis failing is counted and logged; the feed goes on.
WINDOW_ERRORS: tuple[type[Exception], ...] = (*STORE_ERRORS, *REDIS_ERRORS)

log = logging.getLogger("mystocks.feed")

TOPIC = "market"
TICK_COLUMNS = ("symbol", "ts", "price", "volume", "amount")


def empty_ticks() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype=object) for c in TICK_COLUMNS})
    return frame.astype(
        {"symbol": object, "ts": "datetime64[ms, UTC]", "price": float, "volume": np.int64,
         "amount": float}
    )  # fmt: skip


@dataclass(frozen=True)
class Batch:
    """What a provider produced since its last poll."""

    ticks: pd.DataFrame  # TICK_COLUMNS (ts tz-aware UTC), in time order; a replay adds `simulated`
    clock: dt.datetime  # the market time reached: bars whose minute ended by then close
    state: str  # for the status line: "trading", "closed until 2026-11-25 09:30+08:00", ...
    done: bool = False  # a replay that has emitted its last tick


class FeedProvider(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def symbols(self) -> Sequence[str]: ...

    @property
    def stores_ticks(self) -> bool:
        """False when the ticks are stored already (a replay): nothing is written, only
        published."""
        ...

    @property
    def simulated(self) -> bool:
        """Stored ticks and bars are marked simulated: quotes say `source: simulated`."""
        ...

    def poll(self, now: dt.datetime) -> Batch:
        """The ticks due by wall time `now` (tz-aware) that earlier polls did not return."""
        ...


class QuoteSource(Protocol):
    def quotes(self, ticks: pd.DataFrame) -> list[td.Quote]:
        """The quotes of the symbols in `ticks`, once they are written."""
        ...


class StoredQuotes(RunningQuotes):
    """Quotes of ticks just written. A symbol's day is read back once, with the endpoint's own
    code (`build_quotes`, after the write: it includes this window), when the feed first sees
    it or its day changes; from then on each window's ticks are folded in, so a window costs
    no query however long the day has run (re-reading the day's ticks grew with every tick)."""

    def __init__(
        self,
        data: UnifiedManager,
        instruments: Mapping[str, dict[str, Any]],
        *,
        simulated: bool,
    ) -> None:
        super().__init__(instruments, {})
        self._data = data
        self._simulated = simulated  # how the ticks were stored: the quote's `source`

    def quotes(self, ticks: pd.DataFrame) -> list[td.Quote]:
        ticks = ticks.assign(simulated=int(self._simulated))
        symbols = list(dict.fromkeys(ticks["symbol"].tolist()))
        last_day = {s: self._stamp(s, ts).date() for s, ts, *_ in ticks_of(ticks)}
        fresh = [s for s in symbols if self._days.get(s, (None,))[0] != last_day[s]]
        for quote in build_quotes(self._data, [self._instruments[s] for s in fresh]):
            stamp = dt.datetime.fromisoformat(quote["timestamp"])
            day = DaySummary(
                quote["open"],
                quote["high"],
                quote["low"],
                quote["last"],
                quote["volume"],
                quote["amount"],
            )
            simulated = quote["source"] == "simulated"
            self._days[quote["symbol"]] = (stamp.date(), day, stamp, simulated)
            self._prev_close[quote["symbol"]] = quote["prev_close"]
        self.fold(ticks, skip=frozenset(fresh))  # the read-back already holds their ticks
        return self.assembled(symbols)


def tick_items(ticks: pd.DataFrame, zone: str) -> list[dict[str, Any]]:
    utc = ticks["ts"].dt.tz_convert(zone).dt.tz_localize(None).astype("datetime64[ms]")
    stamps = iso_strings(utc.to_numpy(), zone, unit="ms")
    return [
        {"symbol": s, "ts": ts, "price": p, "volume": v, "amount": a}
        for s, ts, p, v, a in zip(
            ticks["symbol"].tolist(),
            stamps,
            ticks["price"].tolist(),
            ticks["volume"].tolist(),
            ticks["amount"].tolist(),
            strict=True,
        )
    ]


def bar_item(bar: Bar, zone: ZoneInfo, period: str = "1m") -> dict[str, Any]:
    end = dt.datetime.fromtimestamp(bar.end / 1000, zone)
    return {
        "symbol": bar.symbol,
        "period": period,
        "ts": end.isoformat(timespec="seconds"),
        "open": bar.open,
        "high": bar.high,
        "low": bar.low,
        "close": bar.close,
        "volume": bar.volume,
        "amount": bar.amount,
    }


def bar_frame(bars: Sequence[Bar]) -> pd.DataFrame:
    """Closed bars as checked ingest rows (`IngestService.write` takes them as they are)."""
    frame = pd.DataFrame(
        [(b.symbol, b.end, b.open, b.high, b.low, b.close, b.volume, b.amount) for b in bars],
        columns=["symbol", "ts", "open", "high", "low", "close", "volume", "amount"],
    )
    frame["ts"] = pd.to_datetime(frame["ts"], unit="ms", utc=True).astype("datetime64[ms, UTC]")
    return frame


@dataclass
class FeedStats:
    started: float = field(default_factory=time.monotonic)
    ticks: int = 0
    bars: int = 0
    events: int = 0
    rejected: int = 0  # ticks the ingest checks refused (a provider bug if ever non-zero)
    errors: int = 0  # windows lost to a store or bus failure (logged)
    state: str = "starting"
    recent: list[tuple[float, int]] = field(default_factory=list)  # (monotonic, ticks)

    def record(self, ticks: int, keep: float = 10.0) -> None:
        now = time.monotonic()
        self.recent = [(t, n) for t, n in self.recent if now - t <= keep]
        self.recent.append((now, ticks))
        self.ticks += ticks

    def rate(self, seconds: float = 5.0) -> float:
        """Ticks per second over the last `seconds` (at most the 10 kept)."""
        now = time.monotonic()
        span = max(min(seconds, now - self.started), 1e-9)
        return sum(n for t, n in self.recent if now - t <= seconds) / span


class LiveFeed:
    def __init__(
        self,
        provider: FeedProvider,
        ingest: IngestService,
        bus: EventBus,
        quotes: QuoteSource,
        instruments: Mapping[str, dict[str, Any]],
        *,
        window: float = 0.2,
    ) -> None:
        self.provider = provider
        self.ingest = ingest
        self.bus = bus
        self.quote_source = quotes
        self.instruments = dict(instruments)
        self.window = window
        self.bars = MinuteBars(self.instruments)
        self.periods = PeriodBars(self.instruments)  # 5m to 60m bars, published, not stored
        self.stats = FeedStats()
        self.done = False
        # Events speak exchange-local time; one feed serves one market's zone.
        zones = {inst["timezone"] for inst in self.instruments.values()} or {"Asia/Shanghai"}
        self.zone = sorted(zones)[0]

    def step(self, now: dt.datetime) -> None:
        """One window: poll, write, roll up, then publish what was written."""
        batch = self.provider.poll(now)
        self.stats.state, self.done = batch.state, batch.done
        ticks = batch.ticks
        if not ticks.empty and self.provider.stores_ticks:
            checked = check("ticks", ticks, self.instruments)
            self.stats.rejected += len({row for row, _, _ in checked.rejected.rows})
            ticks = checked.frame
            self.ingest.write(
                "ticks", "tick", ticks, self.instruments, simulated=self.provider.simulated
            )
        closed = self.bars.add(ticks)
        closed += self.bars.close_until(int(batch.clock.timestamp() * 1000))
        self._finish(ticks, closed)

    def close(self, now: dt.datetime) -> None:
        """Stop: take the provider's last ticks, close the open bars, write and publish them."""
        self.step(now)
        self._finish(empty_ticks(), self.bars.close_all())

    def _finish(self, ticks: pd.DataFrame, closed: list[Bar]) -> None:
        if closed and self.provider.stores_ticks:
            self.ingest.write(
                "bars", "1m", bar_frame(closed), self.instruments, simulated=self.provider.simulated
            )
        quotes = self.quote_source.quotes(ticks) if not ticks.empty else []
        self.stats.record(len(ticks))
        self.stats.bars += len(closed)
        zone = ZoneInfo(self.zone)
        bars = [bar_item(bar, zone) for bar in closed]
        bars += [bar_item(bar, zone, period) for period, bar in self.periods.add(closed)]
        for kind, items in (
            ("ticks", tick_items(ticks, self.zone) if not ticks.empty else []),
            ("quotes", quotes),
            ("bars", bars),
        ):
            if items:
                self.bus.publish(TOPIC, kind, {"items": items})
                self.stats.events += 1

    def run(
        self,
        stop: threading.Event,
        *,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        on_window: Callable[[FeedStats], None] | None = None,
    ) -> None:
        """Step every `window` seconds until `stop` is set or the provider is done, then close.

        A store or bus failure loses that window's writes or events (logged, counted) and the
        feed goes on: a feed beside a server must outlive a database restart."""
        try:
            while not stop.is_set() and not self.done:
                started = time.monotonic()
                try:
                    self.step(clock())
                except WINDOW_ERRORS:
                    self.stats.errors += 1
                    log.exception("live feed: a window was lost")
                if on_window is not None:
                    on_window(self.stats)
                stop.wait(max(0.0, self.window - (time.monotonic() - started)))
        finally:
            self.close(clock())
            if on_window is not None:
                on_window(self.stats)


class FeedThread:
    """A feed beside the server: started in its lifespan, stopped (and flushed) on shutdown."""

    def __init__(self, feed: LiveFeed) -> None:
        self.feed = feed
        self._stop = threading.Event()
        self._thread = threading.Thread(target=feed.run, args=(self._stop,), name="live-feed")
        self._thread.daemon = True  # never hold the process open if shutdown is skipped

    def start(self) -> None:
        self._thread.start()
        feed = self.feed
        log.info("live feed started: %s, %d symbols", feed.provider.name, len(feed.instruments))

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._thread.join(timeout)
