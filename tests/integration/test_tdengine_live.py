"""The TDengine adapter against a real server: only when MYSTOCKS_TEST_TDENGINE_URL is set.

    MYSTOCKS_TEST_TDENGINE_URL=taos://root:taosdata@127.0.0.1:6030/scratch      (native)
    MYSTOCKS_TEST_TDENGINE_URL=taosws://root:taosdata@127.0.0.1:6041/scratch    (WebSocket)

The database named in the URL is not touched: each run creates a throwaway database
`mystocks_test_<random>` on that server and drops it at the end. No server can be installed
on the project's machines, so this module skips there and in CI.
"""

from __future__ import annotations

import dataclasses
import os
import uuid
from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd
import pytest

from mystocks.adapters.interfaces import MINUTE_BAR_COLUMNS, TICK_COLUMNS
from mystocks.adapters.tdengine.store import TDengineTimeSeriesStore, parse_url
from mystocks.domain.series import (
    MARKET_TZ,
    from_rows,
    local_to_utc_ms,
    resample_intraday,
    utc_ms_to_local,
)

LIVE_URL = os.environ.get("MYSTOCKS_TEST_TDENGINE_URL")
if not LIVE_URL:
    # One skip for the module, not one per test: the whole module needs the server.
    pytest.skip(
        "MYSTOCKS_TEST_TDENGINE_URL is not set: no TDengine server to test against "
        "(expected here and in CI; the unit tests cover the SQL the adapter emits)",
        allow_module_level=True,
    )

T0 = 1_501_032_600_000  # 2017-07-26T09:30:00+08:00
SECOND = 1000


@pytest.fixture(scope="module")
def store() -> Iterator[TDengineTimeSeriesStore]:
    assert LIVE_URL
    url = dataclasses.replace(
        parse_url(LIVE_URL), database=f"mystocks_test_{uuid.uuid4().hex[:12]}"
    )
    live = TDengineTimeSeriesStore(url)
    live.create_schema()
    try:
        yield live
    finally:
        live.conn.execute(f"DROP DATABASE IF EXISTS {url.database}")
        live.dispose()


_serial = iter(range(100_000, 999_999))


def fresh(suffix: str = "SH") -> str:
    return f"{next(_serial)}.{suffix}"


def ticks(symbol: str, stamps: list[int], prices: list[float]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "symbol": symbol,
            "ts": np.array(stamps, dtype=np.int64),
            "price": prices,
            "volume": np.full(len(stamps), 100, dtype=np.int64),
            "amount": [p * 100 for p in prices],
            "simulated": 0,
        },
        columns=list(TICK_COLUMNS),
    )


def session_day(symbol: str, day: str, market: str, simulated_every: int = 0) -> pd.DataFrame:
    """A full day of 1-minute bars stamped at the minute's end, amounts integer-valued so
    that sums are exact in any order (the server and NumPy add in different orders)."""
    spans = {"CN": [(570, 690), (780, 900)], "US": [(570, 960)]}[market]
    clock = [m for a, b in spans for m in range(a + 1, b + 1)]
    local = np.array([f"{day}T{m // 60:02d}:{m % 60:02d}:00" for m in clock], "datetime64[s]")
    n = len(local)
    price = np.round(10 + (np.arange(n) * 37 % 101) / 100, 2)
    volume = (np.arange(n) % 13 + 1) * 100
    return pd.DataFrame(
        {
            "symbol": symbol,
            "ts": local_to_utc_ms(local, MARKET_TZ[market]),
            "open": price,
            "high": np.round(price + 0.05, 2),
            "low": np.round(price - 0.04, 2),
            "close": np.round(price + 0.01, 2),
            "volume": volume.astype(np.int64),
            "amount": (volume * 10).astype(np.float64),
            "simulated": (np.arange(n) % simulated_every == 5).astype(np.int64)
            if simulated_every
            else 0,
        },
        columns=list(MINUTE_BAR_COLUMNS),
    )


def resampled(rows: list[Any], minutes: int, market: str) -> list[tuple[Any, ...]]:
    tz = MARKET_TZ[market]
    local = utc_ms_to_local(np.array([r[0] for r in rows], dtype=np.int64), tz)
    bars = resample_intraday(from_rows(local, rows, simulated=False), minutes, market)
    cols = (bars.open, bars.high, bars.low, bars.close, bars.volume, bars.amount)
    stamps = local_to_utc_ms(bars.local, tz).tolist()
    return list(zip(stamps, *(c.tolist() for c in cols), strict=True))


def test_ping_and_schema_is_idempotent(store: TDengineTimeSeriesStore) -> None:
    store.ping()
    store.create_schema()


def test_tick_round_trip_keeps_every_value(store: TDengineTimeSeriesStore) -> None:
    symbol = fresh()
    prices = [10.01, 0.1 + 0.2, 9.99, 1e-7, 123456.78901234]
    assert store.write_ticks(ticks(symbol, [T0 + i * SECOND for i in range(5)], prices)) == 5
    rows = store.read_ticks(symbol, start=None, end=None, after=None, limit=100)
    assert rows == [(T0 + i * SECOND, p, 100, p * 100, 0) for i, p in enumerate(prices)]
    assert all(
        type(v) is t for r in rows for v, t in zip(r, (int, float, int, float, int), strict=True)
    )


def test_minute_bar_round_trip_including_old_history(store: TDengineTimeSeriesStore) -> None:
    symbol = fresh("SZ")
    batch = pd.concat(
        [session_day(symbol, "2000-01-04", "CN"), session_day(symbol, "2017-07-26", "CN")]
    )
    assert store.write_minute_bars(batch) == 480  # KEEP 36500 takes rows from 2000
    rows = store.read_minute_bars(symbol, start=None, end=None)
    expected = list(batch.itertuples(index=False, name=None))
    assert rows == [tuple(r[1:]) for r in expected]


def test_ranges_are_half_open_and_pages_meet(store: TDengineTimeSeriesStore) -> None:
    symbol = fresh()
    store.write_ticks(ticks(symbol, [T0 + i * SECOND for i in range(10)], [10.0] * 10))
    window = store.read_ticks(
        symbol, start=T0 + 2 * SECOND, end=T0 + 5 * SECOND, after=None, limit=99
    )
    assert [r[0] for r in window] == [T0 + 2 * SECOND, T0 + 3 * SECOND, T0 + 4 * SECOND]
    pages, after = [], None
    while True:
        page = store.read_ticks(symbol, start=T0, end=T0 + 10 * SECOND, after=after, limit=4)
        if not page:
            break
        pages.append(page)
        after = page[-1][0]
    assert [len(p) for p in pages] == [4, 4, 2]
    bars = store.read_minute_bars(symbol, start=T0, end=T0)
    assert bars == []


def test_last_write_wins_across_and_within_batches(store: TDengineTimeSeriesStore) -> None:
    symbol = fresh()
    store.write_ticks(ticks(symbol, [T0, T0 + SECOND], [10.0, 10.1]))
    store.write_ticks(ticks(symbol, [T0], [11.0]))
    store.write_ticks(ticks(symbol, [T0 + SECOND, T0 + SECOND], [12.0, 12.5]))
    rows = store.read_ticks(symbol, start=None, end=None, after=None, limit=10)
    assert [(r[0], r[1]) for r in rows] == [(T0, 11.0), (T0 + SECOND, 12.5)]


def test_large_batches_are_chunked(store: TDengineTimeSeriesStore) -> None:
    symbol, other = fresh(), fresh()
    n = 12_345
    batch = pd.concat(
        [ticks(symbol, [T0 + i * 10 for i in range(n)], [10.5] * n), ticks(other, [T0], [1.0])]
    )
    assert store.write_ticks(batch) == n + 1
    rows = store.read_ticks(symbol, start=None, end=None, after=None, limit=n + 1)
    assert len(rows) == n and rows[-1][0] == T0 + (n - 1) * 10
    assert store.count("ticks") >= n + 1


def test_latest_and_summaries(store: TDengineTimeSeriesStore) -> None:
    a, b, nobody = fresh(), fresh("SZ"), fresh()
    store.write_ticks(
        pd.concat([ticks(a, [T0, T0 + SECOND], [10.0, 10.5]), ticks(b, [T0 + 5 * SECOND], [20.0])])
    )
    latest = store.latest_ticks([a, b, nobody])
    assert latest == {
        a: (T0 + SECOND, 10.5, 100, 1050.0, 0),
        b: (T0 + 5 * SECOND, 20.0, 100, 2000.0, 0),
    }
    summary = store.tick_summaries(
        {a: (T0, T0 + 10 * SECOND), b: (T0, T0 + SECOND), nobody: (T0, T0 + 1)}
    )
    assert summary == {a: (10.0, 10.5, 10.0, 200, 2050.0)}


def test_unknown_symbols_read_as_empty(store: TDengineTimeSeriesStore) -> None:
    nobody = fresh()
    assert store.read_ticks(nobody, start=None, end=None, after=None, limit=10) == []
    assert store.read_minute_bars(nobody, start=None, end=None) == []
    assert store.latest_ticks([nobody]) == {}
    assert store.tick_summaries({nobody: (T0, T0 + 1)}) == {}
    for minutes in (5, 60):
        assert (
            store.aggregate_minute_bars(nobody, minutes=minutes, market="CN", start=None, end=None)
            == []
        )


@pytest.mark.parametrize(
    ("market", "days"),
    [("CN", ["2017-07-26", "2017-07-27"]), ("US", ["2024-01-08", "2024-03-11"])],  # winter, summer
)
def test_aggregates_equal_resample_intraday(
    store: TDengineTimeSeriesStore, market: str, days: list[str]
) -> None:
    symbol = fresh("US" if market == "US" else "SH")
    batch = pd.concat([session_day(symbol, d, market, simulated_every=71) for d in days])
    batch = batch.drop(index=batch.index[[0, 7, 200]])  # partial buckets too
    store.write_minute_bars(batch)
    rows = store.read_minute_bars(symbol, start=None, end=None)
    assert len(rows) == len(batch)
    lo, hi = int(batch["ts"].min()) - 3_600_000, int(batch["ts"].max()) + 1
    for minutes in (5, 15, 30, 60):
        got = store.aggregate_minute_bars(symbol, minutes=minutes, market=market, start=lo, end=hi)
        assert [g[:7] for g in got] == resampled(rows, minutes, market), minutes
        previous = None
        for bar in got:  # simulated: 1 when any of the bucket's minutes is
            inside = [r for r in rows if r[0] <= bar[0] and (previous is None or r[0] > previous)]
            assert bar[7] == max(r[7] for r in inside)
            previous = bar[0]
    first_day_sixty = store.aggregate_minute_bars(
        symbol, minutes=60, market=market, start=lo, end=lo + 86_400_000
    )
    local = utc_ms_to_local(np.array([r[0] for r in first_day_sixty]), MARKET_TZ[market])
    expected = {
        "CN": ["10:30", "11:30", "14:00", "15:00"],
        "US": ["10:30", "11:30", "12:30", "13:30", "14:30", "15:30", "16:00"],
    }[market]
    assert [str(t)[11:16] for t in local] == expected
