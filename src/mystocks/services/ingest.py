"""Ingest: check a whole batch of bars or ticks, then write it in one transaction, or nothing.

Rules beyond the contract's types (which the API layer has already enforced): the symbol is
listed, times carry an offset, low ≤ open, close ≤ high. Within one batch a later row for the
same (symbol, time) replaces an earlier one, as a later batch replaces stored rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from mystocks_contract import typeddicts as td

from mystocks.errors import FieldProblem, RuleViolation
from mystocks.storage.manager import UnifiedManager

MAX_LISTED_PROBLEMS = 50


class _Checker:
    def __init__(self, data: UnifiedManager, items: Sequence[dict[str, Any]]) -> None:
        self.instruments = data.relational.get_instruments(
            str(item.get("symbol", "")).upper() for item in items
        )
        self.problems: list[FieldProblem] = []
        self.bad_rows: set[int] = set()

    def fail(self, index: int, field: str, detail: str) -> None:
        self.bad_rows.add(index)
        if len(self.problems) < MAX_LISTED_PROBLEMS:
            self.problems.append(FieldProblem("body", f"items[{index}].{field}", detail))

    def symbol(self, index: int, item: dict[str, Any]) -> dict[str, Any] | None:
        symbol = str(item["symbol"]).upper()
        inst = self.instruments.get(symbol)
        if inst is None:
            self.fail(index, "symbol", f"{symbol} is not a listed instrument")
        return inst

    def time(self, index: int, item: dict[str, Any]) -> dt.datetime | None:
        try:
            ts = dt.datetime.fromisoformat(str(item["ts"]))
        except ValueError:
            self.fail(index, "ts", "is not an RFC 3339 date-time")
            return None
        if ts.tzinfo is None:
            self.fail(index, "ts", "needs a UTC offset (…Z or …+08:00)")
            return None
        return ts

    def raise_if_any(self, total: int) -> None:
        if self.problems:
            raise RuleViolation(
                f"{len(self.bad_rows)} of {total} rows broke a rule; nothing was written.",
                tuple(self.problems),
            )


def _check_ohlc(check: _Checker, index: int, item: dict[str, Any]) -> None:
    o, h, low, c = item["open"], item["high"], item["low"], item["close"]
    if h < max(o, c):
        check.fail(index, "high", f"high {h} is below max(open, close) {max(o, c)}")
    if low > min(o, c):
        check.fail(index, "low", f"low {low} is above min(open, close) {min(o, c)}")


def _epoch_ms(ts: dt.datetime) -> int:
    return int(ts.timestamp() * 1000)


class IngestService:
    def __init__(self, data: UnifiedManager) -> None:
        self.data = data

    def bars(self, period: str, items: Sequence[dict[str, Any]]) -> td.IngestResult:
        check = _Checker(self.data, items)
        rows: dict[tuple[str, Any], dict[str, Any]] = {}
        for i, item in enumerate(items):
            inst, ts = check.symbol(i, item), check.time(i, item)
            _check_ohlc(check, i, item)
            if inst is None or ts is None:
                continue
            volume = int(item["volume"])
            row = {
                "symbol": inst["symbol"],
                "open": float(item["open"]),
                "high": float(item["high"]),
                "low": float(item["low"]),
                "close": float(item["close"]),
                "volume": volume,
                "amount": float(item.get("amount", float(item["close"]) * volume)),
            }
            if period == "1d":
                row["date"] = ts.astimezone(ZoneInfo(inst["timezone"])).date()
                rows[(row["symbol"], row["date"])] = row
            else:
                row["ts"], row["simulated"] = _epoch_ms(ts), 0
                rows[(row["symbol"], row["ts"])] = row
        check.raise_if_any(len(items))
        batch = list(rows.values())
        if period == "1d":
            self.data.relational.upsert_daily_bars(batch)
        else:
            self.data.timeseries.write_minute_bars(batch)
        return {"written": len(batch), "symbols": sorted({r["symbol"] for r in batch})}

    def ticks(self, items: Sequence[dict[str, Any]]) -> td.IngestResult:
        check = _Checker(self.data, items)
        rows: dict[tuple[str, int], dict[str, Any]] = {}
        for i, item in enumerate(items):
            inst, ts = check.symbol(i, item), check.time(i, item)
            if inst is None or ts is None:
                continue
            price, volume = float(item["price"]), int(item["volume"])
            row = {
                "symbol": inst["symbol"],
                "ts": _epoch_ms(ts),
                "price": price,
                "volume": volume,
                "amount": float(item.get("amount", price * volume)),
                "simulated": 0,
            }
            rows[(row["symbol"], row["ts"])] = row
        check.raise_if_any(len(items))
        batch = list(rows.values())
        self.data.timeseries.write_ticks(batch)
        return {"written": len(batch), "symbols": sorted({r["symbol"] for r in batch})}
