"""The time-series port in memory: a fake for tests that need ticks and minute bars but no
database, held to the same shared suite as the SQL and TDengine stores
(`tests/integration/test_timeseries_stores.py`), so it behaves as they do: half-open ranges,
last write wins per (symbol, ts), a bad batch refused whole, rows oldest first as tuples.

It keeps nothing across processes and is never chosen by a URL: a server on it would lose its
ticks at every restart.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from mystocks.adapters.interfaces import (
    MINUTE_BAR_COLUMNS,
    TICK_COLUMNS,
    MinuteBarRow,
    TickRow,
    TickSummary,
    validate_batch,
)
from mystocks.domain.series import resample_rows

_INTEGERS = {"ts", "volume", "simulated"}


class InMemoryTimeSeriesStore:
    backend = "memory"

    def __init__(self) -> None:
        # table -> symbol -> ts -> row (without the symbol)
        self._tables: dict[str, dict[str, dict[int, tuple[Any, ...]]]] = {
            "ticks": {},
            "minute_bars": {},
        }
        self._lock = threading.Lock()

    def create_schema(self) -> None:
        pass

    def ping(self) -> None:
        pass

    def dispose(self) -> None:
        pass

    def _write(self, table: str, batch: pd.DataFrame, columns: Sequence[str]) -> int:
        validate_batch(batch, columns)
        if batch["symbol"].isna().any():  # a database's NOT NULL: refused whole, as there
            raise ValueError("the batch has a row without a symbol")
        staged: dict[str, dict[int, tuple[Any, ...]]] = {}
        values = [
            batch[c].astype("int64").tolist() if c in _INTEGERS else batch[c].tolist()
            for c in columns[1:]
        ]
        for symbol, *row in zip(batch["symbol"].tolist(), *values, strict=True):
            staged.setdefault(str(symbol), {})[int(row[0])] = tuple(
                int(v) if c in _INTEGERS else float(v)
                for c, v in zip(columns[1:], row, strict=True)
            )
        with self._lock:  # the whole batch at once: readers never see half of it
            stored = self._tables[table]
            for symbol, rows in staged.items():
                stored.setdefault(symbol, {}).update(rows)
        return len(batch)

    def write_ticks(self, batch: pd.DataFrame) -> int:
        return self._write("ticks", batch, TICK_COLUMNS)

    def write_minute_bars(self, batch: pd.DataFrame) -> int:
        return self._write("minute_bars", batch, MINUTE_BAR_COLUMNS)

    def _rows(
        self, table: str, symbol: str, start: int | None, end: int | None, after: int | None
    ) -> list[tuple[Any, ...]]:
        with self._lock:
            rows = list(self._tables[table].get(symbol, {}).values())
        low = max(
            start if start is not None else -(2**63), after + 1 if after is not None else -(2**63)
        )
        return sorted(
            (r for r in rows if (low is None or r[0] >= low) and (end is None or r[0] < end)),
            key=lambda r: r[0],
        )

    def read_ticks(
        self, symbol: str, *, start: int | None, end: int | None, after: int | None, limit: int
    ) -> list[TickRow]:
        return self._rows("ticks", symbol, start, end, after)[:limit]

    def read_minute_bars(
        self, symbol: str, *, start: int | None, end: int | None
    ) -> list[MinuteBarRow]:
        return self._rows("minute_bars", symbol, start, end, None)

    def aggregate_minute_bars(
        self, symbol: str, *, minutes: int, market: str, start: int | None, end: int | None
    ) -> list[MinuteBarRow]:
        rows = self.read_minute_bars(symbol, start=start, end=end)
        return resample_rows(rows, minutes, market)

    def latest_ticks(self, symbols: Sequence[str]) -> dict[str, TickRow]:
        latest = {}
        with self._lock:
            for symbol in symbols:
                rows = self._tables["ticks"].get(symbol)
                if rows:
                    latest[symbol] = rows[max(rows)]
        return latest

    def tick_summaries(self, windows: Mapping[str, tuple[int, int]]) -> dict[str, TickSummary]:
        found: dict[str, TickSummary] = {}
        for symbol, (lo, hi) in windows.items():
            rows = self._rows("ticks", symbol, lo, hi, None)
            if rows:
                prices = [r[1] for r in rows]
                volume = sum(r[2] for r in rows)
                amount = sum(r[3] for r in rows)
                found[symbol] = (rows[0][1], max(prices), min(prices), volume, float(amount))
        return found

    def count(self, table: str) -> int:
        with self._lock:
            return sum(len(rows) for rows in self._tables[table].values())
