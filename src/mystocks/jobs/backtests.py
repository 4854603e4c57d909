"""Backtest use cases: queue a job, record what its worker reports, publish after each commit.

Creating a job checks its symbols and range without reading the bars; `inputs` reads them from
the job's row when it is about to run: in the server for the local pool, whose processes touch
no database, or in the `mystocks worker` that runs it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, cast
from zoneinfo import ZoneInfo

import numpy as np
from mystocks_contract import typeddicts as td

from mystocks.adapters.sql.relational import RelationalStore
from mystocks.backtest import BarData, Costs, run_backtest, validate_parameters
from mystocks.domain.adjust import Factors, adjust_prices
from mystocks.domain.boards import band_series, is_st, st_days
from mystocks.errors import FieldProblem, NotFound, RuleViolation
from mystocks.identity.auth import Principal
from mystocks.jobs.book import JobBook, presented
from mystocks.jobs.runner import Work
from mystocks.strategies.store import StrategyStore

COST_DEFAULTS = {
    "commission_rate": 0.00025,
    "min_commission": 5.0,
    "stamp_duty_rate": 0.0005,
    "slippage_ticks": 1,
}


def execute(
    bars: dict[str, BarData],
    strategy_type: str,
    parameters: dict[str, Any],
    initial_cash: float,
    costs: dict[str, Any],
    *,
    progress: Any,
    should_stop: Any,
) -> dict[str, Any]:
    """Run in a worker process; returns plain data (picklable, JSON-ready)."""
    result = run_backtest(
        bars,
        strategy_type,
        parameters,
        initial_cash=initial_cash,
        costs=Costs(**costs),
        progress=progress,
        should_stop=should_stop,
    )
    days = np.datetime_as_string(result.dates.astype("datetime64[D]")).tolist()
    return {
        "metrics": dict(result.metrics),
        "equity": [
            [d, float(e), float(c)]
            for d, e, c in zip(days, result.equity.tolist(), result.cash.tolist(), strict=True)
        ],
        "trades": [
            [
                str(t.time),
                t.symbol,
                t.side,
                t.price,
                t.quantity,
                t.commission,
                t.stamp_duty,
                t.realized_pnl,
            ]
            for t in result.trades
        ],
    }


def check_bars(
    relational: RelationalStore, symbols: list[str], start: dt.date, end: dt.date
) -> dict[str, dict[str, Any]]:
    """The instruments of `symbols`; 422 unless each is listed and has 2 daily bars or more in
    [start, end]. Counts the bars without reading them."""
    instruments = relational.get_instruments(symbols)
    unknown = [s for s in symbols if s not in instruments]
    if unknown:
        raise _symbols_problem(f"{', '.join(unknown)} not listed")
    counts = relational.count_daily_bars(symbols, start=start, end=end)
    for symbol in symbols:
        if counts.get(symbol, 0) < 2:
            raise _symbols_problem(
                f"{symbol} has fewer than 2 daily bars between {start} and {end}"
            )
    return instruments


def _symbols_problem(detail: str) -> RuleViolation:
    return RuleViolation(detail, (FieldProblem("body", "symbols", detail),))


def load_bars(
    relational: RelationalStore, symbols: list[str], start: dt.date, end: dt.date
) -> dict[str, BarData]:
    """Daily bars of `symbols` in [start, end] for the engine, checked by `check_bars`."""
    instruments = check_bars(relational, symbols, start, end)
    bars: dict[str, BarData] = {}
    for symbol in symbols:
        rows = relational.daily_bar_text(symbol, start=start, end=end)
        cols = list(zip(*rows, strict=True))
        prices = [np.asarray(cols[i], dtype=np.float64) for i in (1, 2, 3, 4)]
        dates = np.array(cols[0], dtype="datetime64[D]")
        inst = instruments[symbol]
        if inst["bars_adjust"] == "raw":
            # Stored as traded: forward-adjusted here, as the sample is stored, so an ex-date
            # is no crash in the signals or the equity (the engine does not book bonus shares
            # or dividends); the rules then apply to adjusted prices, as they do on the sample.
            factors = Factors.of(relational.history("adjust_factors", symbol))
            prices = adjust_prices(dates, prices, factors, "qfq")
        # Each day's band as the board's rules stood that day (ChiNext ±10% before 2020-08-24),
        # ST on the days a sync recorded it flagged, else as its name says now.
        band = inst["price_limit_pct"]
        if band is not None and inst["market"] == "CN":
            periods = relational.history("st_periods", symbol)
            st = st_days(dates, periods) if periods else is_st(inst["name"])
            band = band_series(symbol, dates, st=st)
        bars[symbol] = BarData(dates, prices[0], prices[1], prices[2], prices[3], band)
    return bars


def inputs(relational: RelationalStore, row: dict[str, Any]) -> Work:
    """The work of the backtest `row` describes, with its bars read now."""
    bars = load_bars(relational, row["symbols"], row["start"], row["end"])
    strategy = row["strategy"]
    return execute, (
        bars,
        strategy["type"],
        strategy["parameters"],
        row["initial_cash"],
        row["costs"],
    )


def present(row: dict[str, Any]) -> td.Backtest:
    out = presented(
        row,
        (
            "id",
            "owner",
            "status",
            "progress",
            "strategy_id",
            "strategy",
            "symbols",
            "initial_cash",
            "costs",
            "metrics",
            "error",
        ),
    )
    return cast(td.Backtest, out)


def update_of(row: dict[str, Any]) -> dict[str, Any]:
    """The `BacktestUpdate` an event carries."""
    return {
        "backtest_id": row["id"],
        "status": row["status"],
        "progress": row["progress"],
        "metrics": row["metrics"],
        "error": row["error"],
    }


class BacktestService:
    def __init__(
        self, book: JobBook, strategies: StrategyStore, relational: RelationalStore
    ) -> None:
        self.book = book
        self.store = book.store
        self.strategies = strategies
        self.relational = relational

    def _strategy(
        self, principal: Principal, body: Mapping[str, Any]
    ) -> tuple[dict[str, Any], Any]:
        if ("strategy_id" in body) == ("strategy" in body):
            detail = "give exactly one of strategy_id and strategy"
            raise RuleViolation(detail, (FieldProblem("body", "strategy", detail),))
        if "strategy_id" in body:
            stored = self.strategies.get(body["strategy_id"])
            if stored is None or (
                principal.role != "admin" and stored["owner"] != principal.username
            ):
                raise NotFound(f"No strategy {body['strategy_id']}.")
            return {"type": stored["type"], "parameters": stored["parameters"]}, stored
        definition = body["strategy"]
        try:
            parameters = validate_parameters(definition["type"], definition.get("parameters"))
        except ValueError as exc:
            raise RuleViolation(
                str(exc), (FieldProblem("body", "strategy.parameters", str(exc)),)
            ) from None
        return {"type": definition["type"], "parameters": parameters}, None

    def create_backtest(
        self, principal: Principal, body: td.BacktestRequest, key: str | None
    ) -> tuple[td.Backtest, bool]:
        principal.require("trader")
        if key is not None and (found := self.store.find_by_key(principal.username, key)):
            return present(found), False
        strategy, stored = self._strategy(principal, body)
        symbols = [s.upper() for s in body.get("symbols") or (stored or {}).get("symbols") or []]
        if not symbols:
            detail = "name the symbols to test"
            raise RuleViolation(detail, (FieldProblem("body", "symbols", detail),))
        start, end = dt.date.fromisoformat(body["start"]), dt.date.fromisoformat(body["end"])
        if end < start:
            raise RuleViolation(
                f"end ({end}) is before start ({start})",
                (FieldProblem("body", "end", "is before start"),),
            )
        check_bars(self.relational, symbols, start, end)
        fields = {
            "strategy_id": None if stored is None else stored["id"],
            "strategy": strategy,
            "symbols": symbols,
            "start": start,
            "end": end,
            "initial_cash": float(body.get("initial_cash", 1_000_000)),
            "costs": COST_DEFAULTS | (body.get("costs") or {}),
        }
        row, created = self.book.create(principal, key, fields)
        return present(row), created

    def get_backtest(self, principal: Principal, backtest_id: int) -> td.Backtest:
        return present(self.book.visible(principal, backtest_id))

    def list_backtests(
        self, principal: Principal, *, status: str | None, cursor: str | None, limit: int
    ) -> td.BacktestPage:
        rows, next_cursor = self.book.page(principal, status=status, cursor=cursor, limit=limit)
        return {"items": [present(r) for r in rows], "next_cursor": next_cursor}

    def get_backtest_equity(self, principal: Principal, backtest_id: int) -> td.EquityCurve:
        row = self.book.visible(principal, backtest_id, results=True)
        items = [{"date": d, "equity": e, "cash": c} for d, e, c in row["equity"] or []]
        return cast(td.EquityCurve, {"backtest_id": backtest_id, "items": items})

    def list_backtest_trades(self, principal: Principal, backtest_id: int) -> td.BacktestTradeList:
        row = self.book.visible(principal, backtest_id, results=True)
        names = (
            "time",
            "symbol",
            "side",
            "price",
            "quantity",
            "commission",
            "stamp_duty",
            "realized_pnl",
        )
        items = [dict(zip(names, trade, strict=True)) for trade in row["trades"] or []]
        zones = {
            s: i["timezone"] for s, i in self.relational.get_instruments(row["symbols"]).items()
        }
        for item in items:  # a daily fill happens at the next session's open
            item["time"] = _trade_time(item["time"], zones.get(item["symbol"], "Asia/Shanghai"))
        return cast(td.BacktestTradeList, {"backtest_id": backtest_id, "items": items})

    def cancel_backtest(self, principal: Principal, backtest_id: int) -> td.Backtest:
        return present(self.book.cancel(principal, backtest_id))


def _trade_time(value: str, zone: str) -> str:
    """A fill's time in the exchange's zone: daily fills are at the session's 09:30 open."""
    moment = dt.datetime.fromisoformat(value if "T" in value else f"{value}T09:30:00")
    return moment.replace(tzinfo=ZoneInfo(zone)).isoformat()
