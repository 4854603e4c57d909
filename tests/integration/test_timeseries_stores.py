"""One storage suite, run against every time-series backend.

SQLite and PostgreSQL always (PostgreSQL must be reachable in CI); TDengine when
MYSTOCKS_TEST_TDENGINE_URL names a server (none can be installed here); and the in-memory fake
other tests use in their place, so that the fake is held to what the real stores do.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from mystocks.adapters.interfaces import MINUTE_BAR_COLUMNS, TICK_COLUMNS, TimeSeriesStore
from mystocks.adapters.manager import open_timeseries
from mystocks.adapters.memory import InMemoryTimeSeriesStore
from mystocks.domain.series import (
    from_rows,
    local_to_utc_ms,
    resample_intraday,
    utc_ms_to_local,
)

BACKENDS = ["memory", "sqlite", "postgresql"]
if os.environ.get("MYSTOCKS_TEST_TDENGINE_URL"):
    BACKENDS.append("tdengine")

T0 = 1_501_032_600_000  # 2017-07-26T09:30:00+08:00 in epoch ms
SECOND = 1000


@pytest.fixture(scope="module", params=BACKENDS)
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TimeSeriesStore]:
    if request.param == "memory":
        yield InMemoryTimeSeriesStore()
        return
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('ts') / 'timeseries.db'}"
    elif request.param == "postgresql":
        make: Callable[[str], str] = request.getfixturevalue("postgres_database")
        url = make("ts")
    else:
        url = os.environ["MYSTOCKS_TEST_TDENGINE_URL"]
    store = open_timeseries(url)
    store.create_schema()
    yield store
    store.dispose()


_counter = iter(range(100_000, 999_999))


def fresh_symbol() -> str:
    """A symbol no other test of this module wrote, so tests do not see each other's rows."""
    return f"{next(_counter)}.SH"


def ticks(symbol: str, stamps: list[int], prices: list[float] | None = None) -> pd.DataFrame:
    prices = prices or [10.0 + i / 100 for i in range(len(stamps))]
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


def minute_bars(symbol: str, clock: list[str], day: str = "2017-07-26") -> pd.DataFrame:
    local = np.array([f"{day}T{t}:00" for t in clock], dtype="datetime64[s]")
    n = len(local)
    price = 10 + np.arange(n) / 100
    return pd.DataFrame(
        {
            "symbol": symbol,
            "ts": local_to_utc_ms(local, "Asia/Shanghai"),
            "open": price,
            "high": price + 0.05,
            "low": price - 0.05,
            "close": price + 0.01,
            "volume": np.full(n, 1000, dtype=np.int64),
            "amount": price * 1000,
            "simulated": 1,
        },
        columns=list(MINUTE_BAR_COLUMNS),
    )


A_SHARE_DAY = [f"{9 + (30 + m) // 60:02d}:{(30 + m) % 60:02d}" for m in range(1, 121)] + [
    f"{13 + m // 60:02d}:{m % 60:02d}" for m in range(1, 121)
]


def test_round_trip_keeps_every_value(store):
    symbol = fresh_symbol()
    batch = ticks(symbol, [T0 + i * SECOND for i in range(5)], [10.01, 10.02, 9.99, 10.0, 12.34])
    assert store.write_ticks(batch) == 5
    rows = store.read_ticks(symbol, start=None, end=None, after=None, limit=100)
    assert rows == [
        (T0 + i * SECOND, p, 100, p * 100, 0)
        for i, p in enumerate([10.01, 10.02, 9.99, 10.0, 12.34])
    ]


def test_ranges_are_half_open_and_pages_meet_exactly(store):
    symbol = fresh_symbol()
    store.write_ticks(ticks(symbol, [T0 + i * SECOND for i in range(10)]))
    window = store.read_ticks(
        symbol, start=T0 + 2 * SECOND, end=T0 + 5 * SECOND, after=None, limit=100
    )
    assert [r[0] for r in window] == [T0 + 2 * SECOND, T0 + 3 * SECOND, T0 + 4 * SECOND]
    first = store.read_ticks(symbol, start=None, end=None, after=None, limit=4)
    second = store.read_ticks(symbol, start=None, end=None, after=first[-1][0], limit=4)
    third = store.read_ticks(symbol, start=None, end=None, after=second[-1][0], limit=4)
    stamps = [r[0] for r in first + second + third]
    assert stamps == [T0 + i * SECOND for i in range(10)] and len(third) == 2


def test_same_symbol_and_time_last_write_wins(store):
    symbol = fresh_symbol()
    store.write_ticks(ticks(symbol, [T0, T0 + SECOND], [10.0, 10.1]))
    store.write_ticks(ticks(symbol, [T0], [11.0]))
    store.write_ticks(ticks(symbol, [T0 + SECOND, T0 + SECOND], [12.0, 12.5]))  # within a batch
    rows = store.read_ticks(symbol, start=None, end=None, after=None, limit=10)
    assert [(r[0], r[1]) for r in rows] == [(T0, 11.0), (T0 + SECOND, 12.5)]


def test_empty_results(store):
    symbol = fresh_symbol()
    assert store.read_ticks(symbol, start=None, end=None, after=None, limit=10) == []
    assert store.read_minute_bars(symbol, start=None, end=None) == []
    assert store.latest_ticks([symbol]) == {}
    assert store.tick_summaries({symbol: (T0, T0 + 1)}) == {}
    assert store.aggregate_minute_bars(symbol, minutes=5, market="CN", start=None, end=None) == []


def test_latest_ticks_and_summaries_for_many_symbols(store):
    a, b = fresh_symbol(), fresh_symbol()
    store.write_ticks(
        pd.concat([ticks(a, [T0, T0 + SECOND], [10.0, 10.5]), ticks(b, [T0 + 5 * SECOND], [20.0])])
    )
    latest = store.latest_ticks([a, b, fresh_symbol()])
    assert set(latest) == {a, b}
    assert latest[a][:2] == (T0 + SECOND, 10.5) and latest[b][:2] == (T0 + 5 * SECOND, 20.0)
    summary = store.tick_summaries({a: (T0, T0 + 10 * SECOND), b: (T0, T0 + SECOND)})
    assert summary == {a: (10.0, 10.5, 10.0, 200, 2050.0)}


def test_minute_bars_aggregate_on_a_share_sessions(store):
    symbol = fresh_symbol()
    batch = minute_bars(symbol, A_SHARE_DAY)
    store.write_minute_bars(batch)
    rows = store.read_minute_bars(symbol, start=None, end=None)
    assert len(rows) == 240 and rows[0][0] == batch["ts"].iloc[0]
    series = from_rows(
        utc_ms_to_local(np.array([r[0] for r in rows]), "Asia/Shanghai"), rows, simulated=True
    )
    for minutes in (5, 15, 30, 60):
        expected = resample_intraday(series, minutes, "CN")
        got = store.aggregate_minute_bars(
            symbol, minutes=minutes, market="CN", start=None, end=None
        )
        assert [r[0] for r in got] == local_to_utc_ms(expected.local, "Asia/Shanghai").tolist()
        assert [r[5] for r in got] == expected.volume.tolist()
        assert [r[1] for r in got] == pytest.approx(expected.open.tolist())
        assert [r[4] for r in got] == pytest.approx(expected.close.tolist())
        assert all(r[7] == 1 for r in got)
    sixty = store.aggregate_minute_bars(symbol, minutes=60, market="CN", start=None, end=None)
    local = utc_ms_to_local(np.array([r[0] for r in sixty]), "Asia/Shanghai")
    assert [str(t)[11:16] for t in local] == ["10:30", "11:30", "14:00", "15:00"]


def test_large_batches(store):
    symbol = fresh_symbol()
    n = 60_000
    assert store.write_ticks(ticks(symbol, [T0 + i * 10 for i in range(n)], [10.0] * n)) == n
    rows = store.read_ticks(symbol, start=None, end=None, after=None, limit=n + 1)
    assert len(rows) == n and rows[-1][0] == T0 + (n - 1) * 10


@pytest.mark.parametrize(
    "spoil",
    [
        lambda b: b.drop(columns=["price"]),
        lambda b: b.assign(price=[10.0, float("nan"), 10.0]),
        lambda b: b.assign(price=[10.0, float("inf"), 10.0]),
    ],
    ids=["missing-column", "nan", "inf"],
)
def test_bad_batches_are_refused_whole(store, spoil):
    symbol = fresh_symbol()
    batch = spoil(ticks(symbol, [T0, T0 + SECOND, T0 + 2 * SECOND]))
    with pytest.raises(ValueError):
        store.write_ticks(batch)
    assert store.read_ticks(symbol, start=None, end=None, after=None, limit=10) == []


def test_a_failing_batch_leaves_nothing_behind(store):
    """A database error part-way through a batch rolls the whole batch back."""
    symbol = fresh_symbol()
    batch = ticks(symbol, [T0, T0 + SECOND])
    batch["symbol"] = [symbol, None]  # passes the frame checks, fails in the database (NOT NULL)
    with pytest.raises(Exception):  # noqa: B017 - each driver raises its own error type
        store.write_ticks(batch)
    assert store.read_ticks(symbol, start=None, end=None, after=None, limit=10) == []


def test_store_url_selects_the_backend(tmp_path: Path):
    store = open_timeseries(f"sqlite:///{tmp_path / 'x.db'}")
    assert store.backend == "sqlite"
    with pytest.raises(ValueError):
        open_timeseries("taos://root:taosdata@localhost:6030/")  # no database named
