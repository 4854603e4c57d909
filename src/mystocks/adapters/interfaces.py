"""The contract every time-series backend honours (SQL on SQLite/PostgreSQL, TDengine).

Conventions shared by all backends, and checked by the shared storage test suite:
- times are integers, epoch milliseconds UTC (`ts`); ranges are half-open, start ≤ ts < end;
- (symbol, ts) identifies a row: writing an existing (symbol, ts) replaces it (last write wins),
  and within one batch the later row wins;
- a batch is written whole or, on error, not at all where the backend allows it (TDengine
  cannot promise it across vnodes: see its adapter);
- reads return rows oldest first as plain tuples (no object per row).

Write batches are pandas DataFrames with exactly these columns:
    ticks:        symbol, ts, price, volume, amount, simulated
    minute bars:  symbol, ts, open, high, low, close, volume, amount, simulated
(`ts` int64 ms UTC, `volume` int64, `simulated` 0/1). Minute bars are stamped at the END of
their minute, as terminals label them (09:31 is the first A-share bar).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

import numpy as np
import pandas as pd

TickRow = tuple[int, float, int, float, int]
"""(ts_ms, price, volume, amount, simulated)"""

MinuteBarRow = tuple[int, float, float, float, float, int, float, int]
"""(ts_ms, open, high, low, close, volume, amount, simulated)"""

TickSummary = tuple[float, float, float, int, float]
"""(open, high, low, volume, amount) of the ticks in a window"""

TICK_COLUMNS = ("symbol", "ts", "price", "volume", "amount", "simulated")
MINUTE_BAR_COLUMNS = (
    "symbol", "ts", "open", "high", "low", "close", "volume", "amount", "simulated",
)  # fmt: skip


def validate_batch(batch: pd.DataFrame, columns: Sequence[str]) -> None:
    """Refuse a batch every backend would store wrongly: a missing column, a non-numeric or
    non-finite number (SQLite would keep text in a number column, PostgreSQL would keep NaN)."""
    missing = [c for c in columns if c not in batch.columns]
    if missing:
        raise ValueError(f"the batch lacks columns {missing}")
    if batch.empty:
        return  # nothing to store wrongly (and an empty frame's columns have no number type)
    for column in columns:
        if column == "symbol":
            continue
        values = batch[column]
        if not pd.api.types.is_numeric_dtype(values):
            raise ValueError(f"column {column!r} must be numeric, not {values.dtype}")
        whole = pd.api.types.is_integer_dtype(values) or (
            column == "simulated" and pd.api.types.is_bool_dtype(values)
        )
        if column in ("ts", "volume", "simulated") and not whole:
            raise ValueError(f"column {column!r} must hold integers, not {values.dtype}")
        if not np.isfinite(values.to_numpy(dtype=np.float64)).all():
            raise ValueError(f"column {column!r} holds NaN or infinite values")


class TimeSeriesStore(Protocol):
    backend: str
    """`sqlite`, `postgresql` or `tdengine`: for readiness reports and logs."""

    def create_schema(self) -> None: ...

    def ping(self) -> None: ...

    def dispose(self) -> None: ...

    def write_ticks(self, batch: pd.DataFrame) -> int:
        """Write a batch; returns the rows written."""
        ...

    def write_minute_bars(self, batch: pd.DataFrame) -> int: ...

    def read_ticks(
        self, symbol: str, *, start: int | None, end: int | None, after: int | None, limit: int
    ) -> list[TickRow]:
        """Ticks with start ≤ ts < end and ts > after, oldest first, at most `limit`."""
        ...

    def read_minute_bars(
        self, symbol: str, *, start: int | None, end: int | None
    ) -> list[MinuteBarRow]: ...

    def aggregate_minute_bars(
        self, symbol: str, *, minutes: int, market: str, start: int | None, end: int | None
    ) -> list[MinuteBarRow]:
        """`minutes`-minute bars (5, 15, 30, 60) built from the 1-minute bars in [start, end).

        Buckets are counted in trading minutes of the market's sessions
        (`mystocks.domain.series.SESSIONS`) and stamped at their END: A-share 60-minute bars
        end at 10:30, 11:30, 14:00 and 15:00; 30-minute bars at 10:00 ... 11:30, 13:30 ... 15:00.
        `simulated` is 1 when any source bar was simulated.
        """
        ...

    def latest_ticks(self, symbols: Sequence[str]) -> dict[str, TickRow]:
        """The newest tick of each symbol that has one."""
        ...

    def tick_summaries(self, windows: Mapping[str, tuple[int, int]]) -> dict[str, TickSummary]:
        """For each symbol, (open, high, low, volume, amount) of its ticks in [start, end);
        symbols without ticks there are left out. A fixed number of queries, whatever the count
        of symbols (quotes of a whole watchlist must not cost a query each)."""
        ...

    def count(self, table: str) -> int:
        """Rows in `ticks` or `minute_bars` (for status lines and tests)."""
        ...
