"""Market data use cases: one method per operation of the `market` tag, same names.

Methods take plain, already contract-validated values and return the generated TypedDicts, so
mypy checks every answer's shape against the contract at no cost per request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

import numpy as np
from mystocks_contract import typeddicts as td
from mystocks_contract.protocols import Adjust, BarField, IndicatorName, Period

from mystocks.adapters.cache import Cache
from mystocks.adapters.manager import UnifiedManager
from mystocks.domain import indicators as ind
from mystocks.domain import paging
from mystocks.domain.adjust import NO_FACTORS, Factors, adjust_series
from mystocks.domain.calendar import trading_days
from mystocks.domain.ranges import check_range, parse_date, parse_datetime
from mystocks.domain.series import (
    FIELDS,
    BarSeries,
    from_rows,
    iso_strings,
    local_to_utc_ms,
    resample_calendar,
    utc_ms_to_local,
)
from mystocks.errors import FieldProblem, InvalidRequest, NotFound, RuleViolation
from mystocks.market.ingest import IngestService
from mystocks.market.meter import RateMeter
from mystocks.market.quotes import build_quotes

if TYPE_CHECKING:
    from mystocks.identity.audit import AuditLog, Caller

INTRADAY_MINUTES = {"1m": 1, "5m": 5, "15m": 15, "30m": 30, "60m": 60}
CALENDAR_ALIASES = {"XSHE": "XSHG"}
INSTRUMENT_KEYS = tuple(td.Instrument.__annotations__)
STORED_AS = {
    "qfq": "forward-adjusted (qfq) only, as the shipped sample's source gave them; sync the "
    "stock from a provider to have it as traded",
    "none": "as the source gave them, with no adjustment known",
}


def adjust_modes(inst: dict[str, Any]) -> list[Adjust]:
    """The adjustments `inst`'s bars can be served in, the default first."""
    stored = inst["bars_adjust"]
    return ["qfq", "none", "hfq"] if stored == "raw" else [stored]


def resolve_adjust(inst: dict[str, Any], asked: Adjust | None) -> Adjust:
    modes = adjust_modes(inst)
    if asked is None or asked in modes:
        return asked or modes[0]
    stored = inst["bars_adjust"]
    why = f"{inst['symbol']}'s bars are stored {STORED_AS[stored]}: ask adjust={stored}"
    raise RuleViolation(
        f"{why}.", (FieldProblem("query", "adjust", f"must be {stored} for {inst['symbol']}"),)
    )


COMPUTED_KEYS = ("listed", "adjust_modes", "bars_from", "bars_to")


def public_instrument(row: dict[str, Any], span: tuple[dt.date, dt.date] | None) -> td.Instrument:
    """An instruments-table row as the contract's Instrument; `span` its stored daily bars."""
    listed = row["listed"]
    out = {k: row[k] for k in INSTRUMENT_KEYS if k not in COMPUTED_KEYS}
    out["listed"] = None if listed is None else listed.isoformat()
    out["adjust_modes"] = adjust_modes(row)
    out["bars_from"], out["bars_to"] = (None, None) if span is None else map(str, span)
    return cast(td.Instrument, out)


def empty_note(inst: dict[str, Any], period: str, span: tuple[dt.date, dt.date] | None) -> str:
    """Why a page of bars is empty."""
    symbol = inst["symbol"]
    if period in INTRADAY_MINUTES:
        return (
            f"No intraday bars are stored for {symbol} in this range; they come from the live "
            f"feed, imports or `mystocks sync --symbols {symbol} --periods 1m`."
        )
    if span is None:
        return (
            f"No daily bars are stored for {symbol}; an administrator fetches them with "
            f"`mystocks sync --symbols {symbol}`."
        )
    return f"No bars in this range; {symbol}'s daily bars run from {span[0]} to {span[1]}."


class MarketService:
    def __init__(
        self,
        data: UnifiedManager,
        *,
        cache: Cache | None = None,
        meter: RateMeter | None = None,
        audit: AuditLog | None = None,
    ) -> None:
        self.data = data
        self.ingest = IngestService(data, cache=cache, meter=meter)
        self.audit = audit

    # -- instruments --------------------------------------------------------------------------
    def instrument(self, symbol: str) -> dict[str, Any]:
        found = self.data.relational.get_instrument(symbol.upper())
        if found is None:
            raise NotFound(f"No instrument {symbol.upper()}.")
        return found

    def list_symbols(
        self,
        *,
        q: str | None,
        type: str | None,
        exchange: str | None,
        industry: str | None,
        cursor: str | None,
        limit: int,
        has_bars: bool | None = None,
    ) -> td.InstrumentPage:
        after = paging.decode("symbols", cursor)
        relational = self.data.relational
        rows = relational.search_instruments(
            q=q.strip() if q else None,
            type=type,
            exchange=exchange,
            industry=industry,
            after=after,
            limit=limit + 1,
            has_bars=has_bars,
        )
        more = len(rows) > limit
        spans = relational.bar_spans(r["symbol"] for r in rows[:limit])
        items = [public_instrument(r, spans.get(r["symbol"])) for r in rows[:limit]]
        next_cursor = paging.encode("symbols", items[-1]["symbol"]) if more else None
        return {"items": items, "next_cursor": next_cursor}

    def get_symbol(self, *, symbol: str) -> td.Instrument:
        found = self.instrument(symbol)
        spans = self.data.relational.bar_spans([found["symbol"]])
        return public_instrument(found, spans.get(found["symbol"]))

    # -- quotes -------------------------------------------------------------------------------
    def get_quote(self, *, symbol: str) -> td.Quote:
        return build_quotes(self.data, [self.instrument(symbol)])[0]

    def list_quotes(self, *, symbols: Sequence[str]) -> td.QuoteList:
        wanted = list(dict.fromkeys(s.upper() for s in symbols))
        known = self.data.relational.get_instruments(wanted)
        missing = [s for s in wanted if s not in known]
        if missing:
            raise NotFound(f"No instrument {', '.join(missing)}.")
        return {"items": build_quotes(self.data, [known[s] for s in wanted])}

    # -- bars ---------------------------------------------------------------------------------
    def factors(self, inst: dict[str, Any], adjust: Adjust) -> Factors:
        """The factors that take `inst`'s stored bars to `adjust` (none for stored ones)."""
        if adjust == "none" or inst["bars_adjust"] != "raw":
            return NO_FACTORS
        return Factors.of(self.data.relational.history("adjust_factors", inst["symbol"]))

    def series(
        self,
        inst: dict[str, Any],
        period: str,
        start: dt.date | None,
        end: dt.date | None,
        factors: Factors = NO_FACTORS,
        adjust: Adjust = "none",
    ) -> BarSeries:
        """Every bar of `period` whose trading day lies in [start, end], oldest first, its
        prices taken to `adjust` through `factors` (daily bars before weeks and months are
        built from them)."""
        symbol, tz = inst["symbol"], inst["timezone"]
        if period in INTRADAY_MINUTES:
            lo = local_to_utc_ms(np.datetime64(start, "s"), tz)[0] if start else None
            hi = (
                local_to_utc_ms(np.datetime64(end + dt.timedelta(days=1), "s"), tz)[0]
                if end
                else None
            )
            start_ms = None if lo is None else int(lo)
            end_ms = None if hi is None else int(hi)
            minutes = INTRADAY_MINUTES[period]
            store = self.data.timeseries
            minute_rows = (
                store.read_minute_bars(symbol, start=start_ms, end=end_ms)
                if minutes == 1
                else store.aggregate_minute_bars(
                    symbol, minutes=minutes, market=inst["market"], start=start_ms, end=end_ms
                )
            )
            local = utc_ms_to_local(np.array([r[0] for r in minute_rows], dtype=np.int64), tz)
            intraday = from_rows(local, minute_rows, simulated=any(r[7] for r in minute_rows))
            return adjust_series(intraday, factors, adjust)
        rows = self.data.relational.daily_bar_text(symbol, start=start, end=end)
        local = np.array([r[0] for r in rows], dtype="datetime64[D]")
        daily = adjust_series(from_rows(local, rows, simulated=False), factors, adjust)
        if period == "1w":
            return resample_calendar(daily, "W")
        if period == "1M":
            return resample_calendar(daily, "M")
        return daily

    @staticmethod
    def _page(
        series: BarSeries, kind: str, cursor: str | None, limit: int
    ) -> tuple[slice, str | None]:
        """The slice of `series` after the cursor's stamp, and the cursor of the next page."""
        after = paging.decode(kind, cursor)
        first = 0
        if after is not None:
            try:
                first = int(np.searchsorted(series.local, np.datetime64(after, "s"), "right"))
            except ValueError:
                raise InvalidRequest(
                    "The cursor is not one this list issued.",
                    (FieldProblem("query", "cursor", "is malformed"),),
                ) from None
        stop = min(first + limit, len(series))
        more = stop < len(series)
        next_cursor = paging.encode(kind, str(series.local[stop - 1])) if more else None
        return slice(first, stop), next_cursor

    def list_bars(
        self,
        *,
        symbol: str,
        period: Period = "1d",
        adjust: Adjust | None = None,
        start: str | None = None,
        end: str | None = None,
        fields: Sequence[BarField] | None = None,
        cursor: str | None = None,
        limit: int = 1000,
    ) -> td.BarPage:
        inst = self.instrument(symbol)
        mode = resolve_adjust(inst, adjust)
        lo, hi = parse_date("start", start), parse_date("end", end)
        check_range(lo, hi)
        factors = self.factors(inst, mode)
        series = self.series(inst, period, lo, hi, factors, mode)
        window, next_cursor = self._page(series, f"bars.{period}", cursor, limit)
        page = series.take(window)
        wanted = [f for f in FIELDS if fields is None or f in fields]
        columns = [iso_strings(page.local, inst["timezone"])]
        for name in wanted:
            columns.append(getattr(page, name).tolist())
        keys = ("ts", *wanted)
        items = [dict(zip(keys, row, strict=True)) for row in zip(*columns, strict=True)]
        return {
            "symbol": inst["symbol"],
            "period": period,
            "adjust": mode,
            "adjusted_to": str(factors.anchor) if mode == "qfq" and factors.anchor else None,
            "source": "simulated" if page.simulated else "real",
            "items": cast(list[td.Bar], items),
            "next_cursor": next_cursor,
            "note": None if items else self._empty_note(inst, period),
        }

    def _empty_note(self, inst: dict[str, Any], period: str) -> str:
        span = self.data.relational.bar_spans([inst["symbol"]]).get(inst["symbol"])
        return empty_note(inst, period, span)

    # -- ticks --------------------------------------------------------------------------------
    def list_ticks(
        self,
        *,
        symbol: str,
        start: str | None = None,
        end: str | None = None,
        cursor: str | None = None,
        limit: int = 1000,
    ) -> td.TickPage:
        inst = self.instrument(symbol)
        lo, hi = parse_datetime("start", start), parse_datetime("end", end)
        check_range(lo, hi)
        after = paging.decode_id("ticks", cursor)
        rows = self.data.timeseries.read_ticks(
            inst["symbol"],
            start=None if lo is None else int(lo.timestamp() * 1000),
            end=None if hi is None else int(hi.timestamp() * 1000),
            after=after,
            limit=limit + 1,
        )
        more = len(rows) > limit
        rows = rows[:limit]
        stamps = iso_strings(
            utc_ms_to_local(np.array([r[0] for r in rows], dtype=np.int64), inst["timezone"]),
            inst["timezone"],
        )
        items: list[td.Tick] = [
            {"ts": ts, "price": r[1], "volume": r[2], "amount": r[3]}
            for ts, r in zip(stamps, rows, strict=True)
        ]
        return {
            "symbol": inst["symbol"],
            "source": "simulated" if any(r[4] for r in rows) else "real",
            "items": items,
            "next_cursor": paging.encode("ticks", str(rows[-1][0])) if more else None,
        }

    # -- indicators ---------------------------------------------------------------------------
    def get_indicators(
        self,
        *,
        symbol: str,
        indicator: IndicatorName,
        params: Sequence[float] | None = None,
        period: Period = "1d",
        adjust: Adjust | None = None,
        start: str | None = None,
        end: str | None = None,
        cursor: str | None = None,
        limit: int = 1000,
    ) -> td.IndicatorPage:
        inst = self.instrument(symbol)
        mode = resolve_adjust(inst, adjust)
        lo, hi = parse_date("start", start), parse_date("end", end)
        check_range(lo, hi)
        # Computed over all history up to `end`, so the first values of a range are warmed up
        # exactly as a terminal shows them.
        full = self.series(inst, period, None, hi, self.factors(inst, mode), mode)
        ohlc = ind.OHLC(full.open, full.high, full.low, full.close, full.volume.astype(float))
        spec = ind.INDICATORS[indicator]
        try:
            values = ind.compute(indicator, ohlc, params)
        except ValueError as exc:
            raise InvalidRequest(str(exc), (FieldProblem("query", "params", str(exc)),)) from None
        first = 0 if lo is None else int(np.searchsorted(full.local, np.datetime64(lo, "s")))
        ranged = full.take(slice(first, None))
        window, next_cursor = self._page(ranged, f"ind.{indicator}.{period}", cursor, limit)
        names = list(values)
        cols = [
            [None if np.isnan(v) else round(float(v), 6) for v in values[n][first:][window]]
            for n in names
        ]
        stamps = iso_strings(ranged.local[window], inst["timezone"])
        items: list[td.IndicatorPoint] = [
            {"ts": ts, "values": dict(zip(names, row, strict=True))}
            for ts, row in zip(stamps, zip(*cols, strict=True), strict=True)
        ]
        used = list(params) if params else list(spec.default_params)
        return {
            "symbol": inst["symbol"],
            "period": period,
            "adjust": mode,
            "indicator": indicator,
            "params": [float(p) for p in used],
            "series": names,
            "items": items,
            "next_cursor": next_cursor,
        }

    # -- calendar -----------------------------------------------------------------------------
    def get_calendar(self, *, start: str, end: str, exchange: str = "XSHG") -> td.Calendar:
        lo, hi = parse_date("start", start), parse_date("end", end)
        assert lo is not None and hi is not None
        check_range(lo, hi)
        try:
            days = trading_days(CALENDAR_ALIASES.get(exchange, exchange), lo, hi)
        except ValueError as exc:
            raise InvalidRequest(str(exc), (FieldProblem("query", "start", str(exc)),)) from None
        return {
            "exchange": exchange,
            "start": start,
            "end": end,
            "days": [d.isoformat() for d in days],
        }

    # -- ingest -------------------------------------------------------------------------------
    def ingest_bars(
        self, *, period: str, items: Sequence[td.BarIngestItem], actor: Caller | None = None
    ) -> td.IngestResult:
        result = self.ingest.bars(period, items)
        self._audit_ingest(actor, "bars", {"period": period, **result})
        return result

    def ingest_ticks(
        self, *, items: Sequence[td.TickIngestItem], actor: Caller | None = None
    ) -> td.IngestResult:
        result = self.ingest.ticks(items)
        self._audit_ingest(actor, "ticks", dict(result))
        return result

    def _audit_ingest(self, actor: Caller | None, kind: str, details: dict[str, Any]) -> None:
        """An administrator changed market data: one audit line, after the rows committed."""
        if self.audit is not None and actor is not None:
            details["symbols"] = details.get("symbols", [])[:50]  # a line, not a copy of the data
            self.audit.record(actor, "market.ingest", target=(kind, "market"), details=details)
