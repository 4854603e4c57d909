"""Sync: take real A-share data from providers into the stores, resumably and politely.

For each symbol, in order:
1. daily bars (raw) from the day after the newest stored one, through the ingest checks (a
   refused row is reported, never written); a stock still holding the forward-adjusted sample
   is replaced whole, in one transaction, and from then on stored as traded;
2. when new daily bars came in (an ex-date is always a trading day, so nothing else can have
   changed otherwise): the adjustment factors and corporate actions (full history, replaced),
   ST periods and suspensions (merged by start date); factors computed from the corporate
   actions and the stored closes where no provider has factors;
3. 1-minute bars, when asked, from the newest stored session on.

Each request goes to the providers in order: paced (`rate` requests a second to each),
retried with exponential backoff on a `ProviderError`, then handed to the next provider; a
`NotSupported` goes to the next at once. Nothing ever falls back to simulated data: a symbol no
provider could serve is reported failed and is fetched again by the next run, which starts
where the stores stop (a second run of a finished sync asks for nothing and writes nothing).

Every run ends with a data-quality report (`SyncReport.as_dict`): per symbol, what was
written and from where and the rows refused and why; for each symbol that got new daily bars,
the trading days missing against the exchange calendar (suspended days excepted), zero-volume
days, and factor jumps without a corporate action on that day.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from mystocks.adapters.cache import INSTRUMENTS_SCOPE
from mystocks.adapters.manager import UnifiedManager
from mystocks.adapters.providers import (
    INSTRUMENT_COLUMNS,
    SHANGHAI,
    ST_COLUMNS,
    SUSPENSION_COLUMNS,
    NotSupported,
    Provider,
    ProviderError,
)
from mystocks.adapters.sql.relational import DailyBar
from mystocks.domain.adjust import factors_from_actions
from mystocks.domain.boards import band_on, is_st
from mystocks.domain.calendar import trading_days
from mystocks.market.ingest import IngestService, check
from mystocks.market.sample_data import pinyin_initials

PERIODS = ("1d", "1m")
EXCHANGES = {"SH": "SSE", "SZ": "SZSE", "BJ": "BSE"}
ZONE = "Asia/Shanghai"
LISTED_LIMIT = 20  # days listed per kind in a report (the count is always whole)
REFUSED_LIMIT = 50  # refused rows listed per symbol (refused_count counts them all)
MINUTE_LOOKBACK = dt.timedelta(days=10)  # where a first 1-minute sync starts without --since
CLOSE_MINUTE = 15 * 60
BATCH_ROWS = 100_000  # daily bars checked and written at once


class Unsupported(Exception):
    """No provider has this kind of data."""


class SourceFailed(Exception):
    """Every provider that has this kind of data failed (after its retries)."""


@dataclass
class Pacer:
    """At most `rate` requests a second to each provider."""

    rate: float
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _next: dict[str, float] = field(default_factory=dict)

    def wait(self, provider: str) -> None:
        now = self.clock()
        due = self._next.get(provider, now)
        if due > now:
            self.sleep(due - now)
            now = due
        self._next[provider] = now + 1.0 / self.rate


@dataclass
class Sources:
    """The providers in order, asked with pacing, retries with backoff, and failover."""

    providers: Sequence[Provider]
    pacer: Pacer
    retries: int = 3
    backoff: float = 1.0  # seconds before the first retry, doubled for each next one
    sleep: Callable[[float], None] = time.sleep
    calls: int = 0

    def ask(self, method: str, *args: Any) -> tuple[Any, str]:
        """`method(*args)` of the first provider that answers, and that provider's name."""
        failures, unsupported = [], []
        for provider in self.providers:
            for attempt in range(self.retries + 1):
                self.pacer.wait(provider.name)
                self.calls += 1
                try:
                    return getattr(provider, method)(*args), provider.name
                except NotSupported as exc:
                    unsupported.append(f"{provider.name}: {exc}")
                    break
                except ProviderError as exc:
                    if attempt == self.retries:
                        failures.append(f"{provider.name}: {exc}")
                        break
                    self.sleep(self.backoff * 2**attempt)
        if failures:
            raise SourceFailed("; ".join(failures))
        raise Unsupported("; ".join(unsupported))


@dataclass
class SymbolReport:
    status: str = "up to date"  # synced, up to date, failed
    sources: dict[str, str] = field(default_factory=dict)
    written: dict[str, int] = field(default_factory=dict)
    refused: list[dict[str, Any]] = field(default_factory=list)  # the first REFUSED_LIMIT
    refused_count: int = 0
    missing_days: list[str] = field(default_factory=list)
    missing_day_count: int = 0
    zero_volume_days: list[str] = field(default_factory=list)
    unexplained_factor_jumps: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    replaced_sample: bool = False

    def refuse(self, at: str, name: str, why: str) -> None:
        self.refused_count += 1
        if len(self.refused) < REFUSED_LIMIT:
            self.refused.append({"at": at, "field": name, "why": why})

    def fail(self, what: str, why: Exception) -> None:
        self.errors.append(f"{what}: {why}")
        self.status = "failed"


@dataclass
class SyncReport:
    providers: list[str]
    periods: list[str]
    symbols: dict[str, SymbolReport] = field(default_factory=dict)
    instruments_added: int = 0
    instruments_changed: int = 0
    requests: int = 0
    stopped: bool = False  # asked to stop before every symbol was handled

    @property
    def rows_written(self) -> int:
        return sum(sum(r.written.values()) for r in self.symbols.values())

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.symbols.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "providers": self.providers,
            "periods": self.periods,
            "totals": {
                "symbols": len(self.symbols),
                "synced": self.count("synced"),
                "up_to_date": self.count("up to date"),
                "failed": self.count("failed"),
                "rows_written": self.rows_written,
                "rows_refused": sum(r.refused_count for r in self.symbols.values()),
                "instruments_added": self.instruments_added,
                "instruments_changed": self.instruments_changed,
                "requests": self.requests,
            },
            "symbols": {s: vars(r) for s, r in sorted(self.symbols.items())},
        }


@dataclass
class Batch:
    """Symbols fetched and not yet written: their daily bars are checked and written at once
    (a check or an upsert costs about as much for 2,000 rows as for 100,000)."""

    symbols: list[tuple[dict[str, Any], SymbolReport]] = field(default_factory=list)
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        return sum(len(bars) for bars in self.frames.values())

    def add(self, inst: dict[str, Any], bars: pd.DataFrame | None, mine: SymbolReport) -> None:
        self.symbols.append((inst, mine))
        if bars is not None:
            self.frames[inst["symbol"]] = bars


@dataclass(frozen=True)
class SyncRequest:
    symbols: tuple[str, ...] | None = None  # None: every A-share the first provider lists
    since: dt.date | None = None
    until: dt.date | None = None  # default today in Beijing
    periods: tuple[str, ...] = ("1d",)


Progress = Callable[[int, int, str], None]  # (done, total, symbol)


def instrument_row(listed: Any, known: dict[str, Any] | None, today: dt.date) -> dict[str, Any]:
    """The instruments-table row of a provider's listing (`listed`, an itertuple), over what
    is stored (`known`): names and listing dates from the provider, the rest kept."""
    code, _, market = str(listed.symbol).partition(".")
    name = listed.name if isinstance(listed.name, str) and listed.name else None
    name = name or (known or {}).get("name") or code
    band = band_on(listed.symbol, today, st=is_st(name))
    row = {
        "symbol": listed.symbol,
        "code": code,
        "name": name,
        "pinyin": pinyin_initials(name),
        "exchange": EXCHANGES[market],
        "market": "CN",
        "type": "stock",
        "industry": (known or {}).get("industry"),
        "currency": "CNY",
        "timezone": ZONE,
        "board": listed.board,
        "lot_size": 100,
        "tick_size": 0.01,
        "price_limit_pct": band,
        "listed": listed.listed if isinstance(listed.listed, dt.date) else None,
        "bars_adjust": (known or {}).get("bars_adjust", "raw"),
    }
    if known is not None and row["listed"] is None:
        row["listed"] = known.get("listed")
    return row


class SyncService:
    def __init__(
        self,
        data: UnifiedManager,
        ingest: IngestService,
        sources: Sources,
        *,
        today: Callable[[], dt.date] = lambda: dt.datetime.now(SHANGHAI).date(),
    ) -> None:
        self.data = data
        self.ingest = ingest
        self.sources = sources
        self.today = today

    def run(
        self,
        request: SyncRequest,
        progress: Progress | None = None,
        stopping: Callable[[], bool] = lambda: False,
    ) -> SyncReport:
        """Sync what `request` asks; `stopping` is asked between symbols (True: stop there,
        what was synced is kept and the next run goes on from it)."""
        unknown = [p for p in request.periods if p not in PERIODS]
        if unknown:
            raise ValueError(f"sync takes periods {', '.join(PERIODS)}, not {', '.join(unknown)}")
        report = SyncReport([p.name for p in self.sources.providers], list(request.periods))
        until = request.until or self.today()
        symbols = self._instruments(request, report, until)
        if progress is not None:
            progress(0, len(symbols), "")
        # Read once for the run: each symbol's instrument and its newest stored daily bar.
        instruments = self.data.relational.get_instruments(symbols)
        spans = self.data.relational.bar_spans(symbols)
        batch = Batch()
        for done, symbol in enumerate(symbols):
            if stopping():
                report.stopped = True
                break
            mine = report.symbols.setdefault(symbol, SymbolReport())
            if mine.status != "failed":
                inst = instruments[symbol]
                bars = None
                if "1d" in request.periods:
                    newest = spans[symbol][1] if symbol in spans else None
                    bars = self._fetch_daily(inst, newest, request.since, until, mine)
                if bars is not None and inst["bars_adjust"] != "raw":
                    self._flush(batch, request, until)
                    alone = Batch()  # the sample's bars are replaced whole: this symbol alone
                    alone.add(inst, bars, mine)
                    self._flush(alone, request, until, replace=True)
                    batch = Batch()
                    if progress is not None:
                        progress(done + 1, len(symbols), symbol)
                    continue
                batch.add(inst, bars, mine)
                if batch.rows >= BATCH_ROWS:
                    self._flush(batch, request, until)
                    batch = Batch()
            if progress is not None:
                progress(done + 1, len(symbols), symbol)
        self._flush(batch, request, until)
        report.requests = self.sources.calls
        return report

    # -- instruments ---------------------------------------------------------------------------
    def _instruments(self, request: SyncRequest, report: SyncReport, today: dt.date) -> list[str]:
        """Bring the instruments table up to the provider's list; the symbols to sync."""
        relational = self.data.relational
        try:
            listed, _ = self.sources.ask("instruments")
        except (Unsupported, SourceFailed) as exc:
            if request.symbols is None:
                raise SourceFailed(f"no provider could list the instruments: {exc}") from exc
            listed = pd.DataFrame(columns=list(INSTRUMENT_COLUMNS))  # sync the stored ones
        listed = listed[listed["board"].isin(["main", "chinext", "star", "bse"])]
        wanted = list(request.symbols or listed["symbol"])
        known = relational.get_instruments(wanted)
        changed = []
        for item in listed[listed["symbol"].isin(wanted)].itertuples(index=False):
            before = known.get(item.symbol)
            row = instrument_row(item, before, today)
            if before is None or any(before.get(k) != v for k, v in row.items()):
                changed.append(row)
                report.instruments_added += before is None
                report.instruments_changed += before is not None
        if changed:
            relational.upsert_instruments(changed)
            if self.ingest.cache is not None:
                self.ingest.cache.invalidate([INSTRUMENTS_SCOPE])
        present = set(known) | {r["symbol"] for r in changed}
        for symbol in wanted:
            if symbol not in present:
                report.symbols[symbol] = SymbolReport(
                    status="failed",
                    errors=[f"{symbol} is neither listed by the providers nor stored"],
                )
        return wanted

    # -- symbols, a batch at a time -------------------------------------------------------------
    def _fetch_daily(
        self,
        inst: dict[str, Any],
        newest: dt.date | None,
        since: dt.date | None,
        until: dt.date,
        mine: SymbolReport,
    ) -> pd.DataFrame | None:
        """`inst`'s daily bars after the stored ones (`newest`; all of them, to replace the
        sample's), or None when there are none to write."""
        symbol = inst["symbol"]
        start = since
        if inst["bars_adjust"] == "raw" and newest is not None:
            start = max(start or newest, newest + dt.timedelta(days=1))
        if start is not None and start > until:
            return None
        try:
            bars, mine.sources["1d"] = self.sources.ask("daily_bars", symbol, start, until)
        except (Unsupported, SourceFailed) as exc:
            mine.fail("daily bars", exc)
            return None
        return None if bars.empty else bars

    def _flush(
        self, batch: Batch, request: SyncRequest, until: dt.date, replace: bool = False
    ) -> None:
        """Check and write the batch's daily bars at once, then finish each of its symbols:
        history, quality report, minute bars, status."""
        written = self._write_daily(batch, replace) if batch.frames else {}
        for inst, mine in batch.symbols:
            symbol = inst["symbol"]
            new_days = written.get(symbol, 0)
            if symbol in batch.frames:
                mine.written["1d"] = new_days
            if replace and symbol in batch.frames:
                self.data.relational.upsert_instruments([{**inst, "bars_adjust": "raw"}])
                mine.replaced_sample = inst["bars_adjust"] == "qfq"
            if new_days:  # nothing new, nothing to report again
                stored = self.data.relational.daily_bars(symbol)
                self._history(symbol, mine, stored)
                self._quality(symbol, mine, stored)
            if "1m" in request.periods:
                self._minutes(inst, request.since, until, mine)
            if mine.status != "failed" and (new_days or mine.written.get("1m")):
                mine.status = "synced"

    def _write_daily(self, batch: Batch, replace: bool) -> dict[str, int]:
        """Rows written per symbol; refused rows go to their symbol's report."""
        frame = pd.concat(
            [bars.assign(symbol=symbol) for symbol, bars in batch.frames.items()],
            ignore_index=True,
        )
        frame["ts"] = [d.isoformat() for d in frame["date"]]
        instruments = {inst["symbol"]: inst for inst, _ in batch.symbols}
        checked = check("bars", frame.drop(columns="date"), instruments, naive_zone=ZONE)
        reports = {inst["symbol"]: mine for inst, mine in batch.symbols}
        for row, name, reason in checked.rejected.rows:
            reports[frame["symbol"].loc[row]].refuse(str(frame["date"].loc[row]), name, reason)
        self.ingest.write("bars", "1d", checked.frame, instruments, replace=replace)
        return {str(s): int(n) for s, n in checked.frame.groupby("symbol").size().items()}

    def _history(self, symbol: str, mine: SymbolReport, rows: Sequence[DailyBar]) -> None:
        """Factors, corporate actions, ST periods and suspensions; `rows` the stored daily
        bars, whose closes turn corporate actions into factors where no provider has them."""
        relational = self.data.relational
        actions = None
        try:
            frame, mine.sources["corporate_actions"] = self.sources.ask("corporate_actions", symbol)
            actions = [(r.date, float(r.cash), float(r.shares)) for r in frame.itertuples()]
            relational.replace_history("corporate_actions", symbol, actions)
        except Unsupported:
            pass
        except SourceFailed as exc:
            mine.fail("corporate actions", exc)
        try:
            frame, mine.sources["factors"] = self.sources.ask("adjust_factors", symbol)
            factors = [(r.date, float(r.factor)) for r in frame.itertuples()]
        except Unsupported:
            factors = None
        except SourceFailed as exc:
            mine.fail("adjustment factors", exc)
            factors = None
        if factors is None and actions is not None:
            days = np.array([r[0] for r in rows], dtype="datetime64[D]")
            computed = factors_from_actions(days, np.array([r[4] for r in rows]), actions)
            pairs = zip(computed.days, computed.values, strict=True)
            factors = [(d.item(), float(v)) for d, v in pairs]
            mine.sources["factors"] = "computed from corporate actions"
        if factors is not None:
            relational.replace_history("adjust_factors", symbol, factors)
        for method, table, columns in (
            ("st_history", "st_periods", ST_COLUMNS),
            ("suspensions", "suspensions", SUSPENSION_COLUMNS),
        ):
            try:
                frame, mine.sources[table] = self.sources.ask(method, symbol)
            except Unsupported:
                continue
            except SourceFailed as exc:
                mine.fail(table, exc)
                continue
            spans = [
                tuple(None if pd.isna(v) else v for v in r)
                for r in frame[list(columns)].itertuples(index=False)
            ]
            relational.merge_history(table, symbol, spans)

    def _quality(self, symbol: str, mine: SymbolReport, rows: Sequence[DailyBar]) -> None:
        """Missing trading days, zero-volume days and unexplained factor jumps of what is
        stored now (`rows`, the stored daily bars)."""
        relational = self.data.relational
        if not rows:
            return
        have = {r[0] for r in rows}
        suspended: set[dt.date] = set()
        for start, end, _ in relational.history("suspensions", symbol):
            stop = end or rows[-1][0]
            suspended.update(trading_days("XSHG", start, stop))
        sessions = trading_days("XSHG", rows[0][0], rows[-1][0])
        missing = [d for d in sessions if d not in have and d not in suspended]
        mine.missing_day_count = len(missing)
        mine.missing_days = [d.isoformat() for d in missing[:LISTED_LIMIT]]
        mine.zero_volume_days = [r[0].isoformat() for r in rows if r[5] == 0][:LISTED_LIMIT]
        computed = mine.sources.get("factors") == "computed from corporate actions"
        if not mine.sources.get("corporate_actions") or computed:
            return  # nothing to hold the factors against
        actions = {row[0] for row in relational.history("corporate_actions", symbol)}
        previous = 1.0
        for day, value in relational.history("adjust_factors", symbol):
            # A factor on or before the first bar is where the series starts, not a jump.
            if value != previous and day > rows[0][0] and day not in actions:
                mine.unexplained_factor_jumps.append(day.isoformat())
            previous = value

    def _minutes(
        self, inst: dict[str, Any], since: dt.date | None, until: dt.date, mine: SymbolReport
    ) -> None:
        symbol = inst["symbol"]
        start = since or until - MINUTE_LOOKBACK
        begin = pd.Timestamp(start, tz=ZONE).tz_convert("UTC").value // 1_000_000
        stored = self.data.timeseries.read_minute_bars(symbol, start=int(begin), end=None)
        last_ms = stored[-1][0] if stored else None
        if last_ms is not None:
            last = pd.Timestamp(last_ms, unit="ms", tz="UTC").tz_convert(ZONE)
            complete = last.hour * 60 + last.minute >= CLOSE_MINUTE
            start = last.date() + dt.timedelta(days=1) if complete else last.date()
        if start > until:
            return
        try:
            bars, mine.sources["1m"] = self.sources.ask("minute_bars", symbol, 1, start, until)
        except (Unsupported, SourceFailed) as exc:
            mine.fail("1-minute bars", exc)
            return
        if last_ms is not None:
            bars = bars[bars["ts"] > last_ms]
        if bars.empty:
            return
        frame = bars.assign(symbol=symbol, ts=pd.to_datetime(bars["ts"], unit="ms", utc=True))
        checked = check("bars", frame, {symbol: inst})
        for row, name, reason in checked.rejected.rows:
            mine.refuse(str(frame["ts"].loc[row]), name, reason)
        mine.written["1m"] = self.ingest.write("bars", "1m", checked.frame, {symbol: inst})
