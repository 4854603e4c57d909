"""Building a live feed from options: shared by `mystocks feed` and the server's lifespan.

The universe, unless symbols are named, is every A-share stock with a stored daily close before
today: the close is where the random walk starts and what the price-limit band (and the quote's
`prev_close`) is computed from, so a stock without one cannot be simulated faithfully and is
left out (the sample data has closes for its ten A-shares; an import of daily bars widens it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal
from zoneinfo import ZoneInfo

from mystocks.adapters.bus import EventBus
from mystocks.adapters.cache import Cache
from mystocks.adapters.manager import UnifiedManager
from mystocks.domain.series import MARKET_TZ
from mystocks.live.feed import LiveFeed, QuoteSource, StoredQuotes
from mystocks.live.replay import ReplayProvider, load_day
from mystocks.live.rollup import ReplayQuotes
from mystocks.live.simulated import DemoClock, SessionClock, SimulatedProvider
from mystocks.market.ingest import IngestService
from mystocks.settings import Settings

ALL_INSTRUMENTS = 1_000_000  # a page no listing reaches
CN = ZoneInfo(MARKET_TZ["CN"])


@dataclass(frozen=True)
class FeedOptions:
    kind: Literal["simulated", "replay"]
    symbols: tuple[str, ...] = ()  # empty: the universe
    clock: Literal["session", "demo"] = "session"
    rate: float = 20.0
    seed: int | None = None
    day: dt.date | None = None  # replay: default the newest day with stored ticks
    speed: float = 60.0
    window: float = 0.2


def parse_symbols(text: str | None) -> tuple[str, ...]:
    return tuple(s.strip().upper() for s in (text or "").split(",") if s.strip())


def options_from(settings: Settings, kind: Literal["simulated", "replay"]) -> FeedOptions:
    """The `MYSTOCKS_FEED_*` settings as options (the command line overrides them)."""
    return FeedOptions(
        kind,
        symbols=parse_symbols(settings.feed_symbols),
        clock=settings.feed_clock,
        rate=settings.feed_rate,
        seed=settings.feed_seed,
        day=settings.feed_day,
        speed=settings.feed_speed,
        window=settings.feed_window_seconds,
    )


def _stocks(data: UnifiedManager, symbols: tuple[str, ...]) -> list[dict[str, Any]]:
    """The named A-share stocks (unknown or other ones refused), or all of them."""
    if symbols:
        found = data.relational.get_instruments(symbols)
        unknown = [s for s in symbols if s not in found]
        if unknown:
            raise ValueError(f"not listed: {', '.join(unknown)}")
        other = [s for s in symbols if (found[s]["market"], found[s]["type"]) != ("CN", "stock")]
        if other:
            raise ValueError(f"the feed serves A-share stocks only, not {', '.join(other)}")
        return [found[s] for s in symbols]
    listing = data.relational.search_instruments(
        q=None, type="stock", exchange=None, industry=None, after=None, limit=ALL_INSTRUMENTS
    )
    return [inst for inst in listing if inst["market"] == "CN"]


def closes_before(data: UnifiedManager, symbols: list[str], day: dt.date) -> dict[str, float]:
    """Each symbol's newest daily close before `day`: the quote's prev_close on `day`."""
    recent = data.relational.recent_daily_bars(symbols, 2)
    closes = {}
    for symbol, bars in recent.items():
        before = [bar for bar in bars if bar[0] < day]
        if before:
            closes[symbol] = float(before[0][4])
    return closes


def _simulated(data: UnifiedManager, options: FeedOptions) -> SimulatedProvider:
    stocks = _stocks(data, options.symbols)
    today = dt.datetime.now(CN).date()
    closes = closes_before(data, [s["symbol"] for s in stocks], today)
    without = [s["symbol"] for s in stocks if s["symbol"] not in closes]
    if options.symbols and without:
        raise ValueError(f"no stored daily close to start from for {', '.join(without)}")
    clock = DemoClock() if options.clock == "demo" else SessionClock()
    return SimulatedProvider(
        [s for s in stocks if s["symbol"] in closes],
        closes,
        clock=clock,
        rate=options.rate,
        seed=options.seed,
    )


def _replay(data: UnifiedManager, options: FeedOptions) -> tuple[ReplayProvider, ReplayQuotes]:
    stocks = _stocks(data, options.symbols)
    symbols = [s["symbol"] for s in stocks]
    day = options.day
    if day is None:
        newest = data.timeseries.latest_ticks(symbols)
        if not newest:
            raise ValueError("no stored ticks to replay")
        day = dt.datetime.fromtimestamp(max(t[0] for t in newest.values()) / 1000, CN).date()
    provider = ReplayProvider(load_day(data.timeseries, symbols, day, MARKET_TZ["CN"]), day,
                              speed=options.speed)  # fmt: skip
    instruments = {s["symbol"]: s for s in stocks}
    quotes = ReplayQuotes(instruments, closes_before(data, provider.symbols, day))
    return provider, quotes


def build_feed(
    options: FeedOptions, data: UnifiedManager, cache: Cache | None, bus: EventBus
) -> LiveFeed:
    """A feed ready to `run`; ValueError says what in the options cannot be served."""
    quotes: QuoteSource
    if options.kind == "replay":
        provider: SimulatedProvider | ReplayProvider
        provider, quotes = _replay(data, options)
    else:
        provider = _simulated(data, options)
    instruments = data.relational.get_instruments(provider.symbols)
    if options.kind == "simulated":
        quotes = StoredQuotes(data, instruments, simulated=provider.simulated)
    return LiveFeed(
        provider, IngestService(data, cache=cache), bus, quotes, instruments, window=options.window
    )
