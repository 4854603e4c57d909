"""The TDengine adapter without a server: the SQL it emits, and how it maps answers back.

A fake connection records every statement and answers from canned rows. For aggregation, the
fake evaluates the one window query the adapter sends the way TDengine documents INTERVAL
(windows laid out from Unix 0 plus the offset, FIRST/MAX/MIN/LAST/SUM per window, no row for
an empty window), so the client-side stamping and the 60-minute roll-up can be compared with
`series.resample_intraday` on the same 1-minute bars.
"""

from __future__ import annotations

import functools
import re
import sys
import threading
import types
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import numpy as np
import pandas as pd
import pytest

from mystocks.adapters.interfaces import (
    MINUTE_BAR_COLUMNS,
    TICK_COLUMNS,
    MinuteBarRow,
    TimeSeriesStore,
)
from mystocks.adapters.tdengine import sql as q
from mystocks.adapters.tdengine.store import (
    DriverConnection,
    TableNotFound,
    TDengineTimeSeriesStore,
    TDengineURL,
    connect,
    is_missing_table,
    parse_url,
    to_ms,
    windows_align,
)
from mystocks.domain.series import (
    MARKET_TZ,
    from_rows,
    local_to_utc_ms,
    resample_intraday,
    resample_rows,
    utc_ms_to_local,
)

URL = "taos://root:taosdata@td.example:6030/md"
T0 = 1_709_516_000_000  # 2024-03-04T01:33:20Z


class FakeConnection:
    def __init__(self, answer: Callable[[str], list[tuple[Any, ...]]] | None = None) -> None:
        self.executed: list[str] = []
        self.queries: list[str] = []
        self.answer = answer or (lambda sql: [])
        self.closed = False

    def execute(self, sql: str) -> int:
        self.executed.append(sql)
        return 0

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        self.queries.append(sql)
        return self.answer(sql)

    def close(self) -> None:
        self.closed = True


def store_with(
    conn: FakeConnection, **limits: int
) -> tuple[TDengineTimeSeriesStore, list[TDengineURL]]:
    opened: list[TDengineURL] = []

    def factory(url: TDengineURL) -> FakeConnection:
        opened.append(url)
        return conn

    return TDengineTimeSeriesStore(URL, factory, **limits), opened


def ticks(rows: list[tuple[Any, ...]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(TICK_COLUMNS))


# -- URLs ---------------------------------------------------------------------------------------
def test_native_and_websocket_urls() -> None:
    native = parse_url("taos://root:taosdata@db.local:6030/MD")
    assert native == TDengineURL("taos", "db.local", 6030, "md", "root", "taosdata")
    ws = parse_url("taosws://reader:secret@10.0.0.5/market")
    assert (ws.scheme, ws.host, ws.port, ws.database) == ("taosws", "10.0.0.5", 6041, "market")
    assert parse_url("taos://localhost/md").port == 6030
    assert parse_url("taos://localhost/md").user is None


def test_url_credentials_are_percent_decoded_and_the_password_is_not_shown() -> None:
    url = parse_url("taosws://ops%20team:p%40ss%3Aw%2Frd@h:6041/md")
    assert (url.user, url.password) == ("ops team", "p@ss:w/rd")
    assert "p@ss" not in repr(url)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql://h/md", "taos:// or taosws://"),
        ("http://h:6041/md", "taos:// or taosws://"),
        ("taos://h:6030/", "needs a database"),
        ("taos://h:6030", "needs a database"),
        ("taos:///md", "needs a host"),
        ("taos://h:port/md", "port"),
        ("taos://h:99999/md", "port"),
        ("taos://h/md?timezone=UTC", "no query string"),
        ("taos://h/my-db", "database name"),
        ("taos://h/md/extra", "database name"),
    ],
)
def test_bad_urls_are_refused_clearly(url: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_url(url)


# -- schema -------------------------------------------------------------------------------------
def test_schema_statements() -> None:
    conn = FakeConnection()
    store, _ = store_with(conn)
    store.create_schema()
    assert conn.executed == [
        "CREATE DATABASE IF NOT EXISTS md PRECISION 'ms' KEEP 36500 DURATION 10d "
        "CACHEMODEL 'both' CACHESIZE 16",
        "CREATE STABLE IF NOT EXISTS md.ticks (ts TIMESTAMP, price DOUBLE, volume BIGINT, "
        "amount DOUBLE, simulated TINYINT) TAGS (symbol VARCHAR(16), exchange VARCHAR(8))",
        "CREATE STABLE IF NOT EXISTS md.bars_1m (ts TIMESTAMP, open DOUBLE, high DOUBLE, "
        "low DOUBLE, close DOUBLE, volume BIGINT, amount DOUBLE, simulated TINYINT) "
        "TAGS (symbol VARCHAR(16), exchange VARCHAR(8))",
    ]
    assert store.backend == "tdengine"


def test_the_store_is_a_time_series_store() -> None:
    store: TimeSeriesStore = TDengineTimeSeriesStore.from_url(URL)  # mypy checks the protocol
    assert store.backend == "tdengine"
    with pytest.raises(ValueError, match="needs a database"):
        TDengineTimeSeriesStore.from_url("taos://root:taosdata@localhost:6030/")


def test_no_reserved_word_is_used_as_a_name() -> None:
    keywords = {"id", "value", "state", "start", "end", "first", "last", "count", "key"}
    keywords |= {"tags", "table", "timestamp", "interval", "duration", "level", "period"}
    names = set(q.STABLES.values()) | {c for cols in q.COLUMNS.values() for c in cols}
    assert not names & keywords


# -- names and literals -------------------------------------------------------------------------
def test_subtable_names_are_lowercase_without_dots() -> None:
    assert q.subtable("ticks", "600036.SH") == "t_600036_sh"
    assert q.subtable("bars", "600036.SH") == "b_600036_sh"
    assert q.subtable("bars", "aapl.us") == "b_aapl_us"


@pytest.mark.parametrize(
    "symbol",
    ["600036.SH'; DROP", "600036", ".SH", "ABCDEFGHIJKLM.SH", "600036.S", "60 036.SH",
     "600036.SH ", "600036_SH", "6000.36.SH", "a'b.SH", "`x`.SH", ""],
)  # fmt: skip
def test_symbols_that_are_not_symbols_are_refused_before_any_sql(symbol: str) -> None:
    conn = FakeConnection()
    store, _ = store_with(conn)
    with pytest.raises(ValueError, match="not a symbol"):
        store.read_ticks(symbol, start=None, end=None, after=None, limit=10)
    with pytest.raises(ValueError, match="not a symbol"):
        store.latest_ticks(["600036.SH", symbol])
    with pytest.raises(ValueError, match="not a symbol"):
        store.write_ticks(ticks([(symbol, T0, 1.0, 1, 1.0, 0)]))
    assert conn.queries == [] and conn.executed == []


def test_string_literals_escape_quotes_and_backslashes() -> None:
    assert q.literal("600036.SH") == "'600036.SH'"
    assert q.literal("a'b\\c") == "'a\\'b\\\\c'"


def test_bounds_and_limits_must_be_integers() -> None:
    with pytest.raises(ValueError, match="integer"):
        q.select_ticks("md", "600036.SH", "0; DROP", None, None, 10)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="integer"):
        q.select_ticks("md", "600036.SH", None, None, None, 1.5)  # type: ignore[arg-type]
    assert q.time_filter(np.int64(5), None) == " WHERE ts >= 5"  # type: ignore[arg-type]


# -- writes -------------------------------------------------------------------------------------
def test_multi_row_insert_for_two_symbols() -> None:
    conn = FakeConnection()
    store, _ = store_with(conn)
    batch = ticks(
        [
            ("600036.SH", T0, 35.12, 300, 10536.0, 0),
            ("000001.SZ", T0, 10.5, 100, 1050.0, 1),
            ("600036.SH", T0 + 3000, 0.1 + 0.2, 200, 7026.0, 0),
        ]
    )
    assert store.write_ticks(batch) == 3
    assert conn.executed == [
        "INSERT INTO"
        " md.t_600036_sh USING md.ticks TAGS ('600036.SH', 'SH') VALUES "
        f"({T0},35.12,300,10536.0,0)({T0 + 3000},0.30000000000000004,200,7026.0,0)"
        " md.t_000001_sz USING md.ticks TAGS ('000001.SZ', 'SZ') VALUES "
        f"({T0},10.5,100,1050.0,1)"
    ]


def test_minute_bar_insert() -> None:
    conn = FakeConnection()
    store, _ = store_with(conn)
    batch = pd.DataFrame(
        [("AAPL.US", T0, 1.5, 2.0, 1.0, 1.75, 1000, 1750.0, True)], columns=MINUTE_BAR_COLUMNS
    )
    assert store.write_minute_bars(batch) == 1
    assert conn.executed == [
        "INSERT INTO md.b_aapl_us USING md.bars_1m TAGS ('AAPL.US', 'US') VALUES "
        f"({T0},1.5,2.0,1.0,1.75,1000,1750.0,1)"
    ]


def test_the_last_row_of_a_batch_wins_for_a_repeated_timestamp() -> None:
    conn = FakeConnection()
    store, _ = store_with(conn)
    batch = ticks([("600036.SH", T0, 1.0, 1, 1.0, 0), ("600036.sh", T0, 2.0, 2, 4.0, 0)])
    assert store.write_ticks(batch) == 1
    assert conn.executed == [
        f"INSERT INTO md.t_600036_sh USING md.ticks TAGS ('600036.SH', 'SH') VALUES "
        f"({T0},2.0,2,4.0,0)"
    ]


def test_statements_are_cut_by_rows() -> None:
    conn = FakeConnection()
    store, _ = store_with(conn, max_rows=2)
    rows = [("600036.SH", T0 + i, 1.0, 1, 1.0, 0) for i in range(3)]
    store.write_ticks(ticks([*rows, ("000001.SZ", T0, 2.0, 1, 2.0, 0)]))
    head_a = " md.t_600036_sh USING md.ticks TAGS ('600036.SH', 'SH') VALUES "
    head_b = " md.t_000001_sz USING md.ticks TAGS ('000001.SZ', 'SZ') VALUES "
    assert conn.executed == [
        f"INSERT INTO{head_a}({T0},1.0,1,1.0,0)({T0 + 1},1.0,1,1.0,0)",
        f"INSERT INTO{head_a}({T0 + 2},1.0,1,1.0,0){head_b}({T0},2.0,1,2.0,0)",
    ]


def test_statements_are_cut_by_bytes() -> None:
    groups = [("600036.SH", [f"({T0 + i},1.0,1,1.0,0)" for i in range(10)])]
    head = " md.t_600036_sh USING md.ticks TAGS ('600036.SH', 'SH') VALUES "
    row = len(groups[0][1][0])
    one = len("INSERT INTO") + len(head) + row
    statements = q.insert_statements("md", "ticks", groups, max_bytes=one + 2 * row)
    assert all(len(s) <= one + 2 * row for s in statements)
    assert [s.count("),(") + s.count(")(") + 1 for s in statements] == [3, 3, 3, 1]
    assert all(s.startswith("INSERT INTO" + head) for s in statements)
    with pytest.raises(ValueError, match="cannot hold one row"):
        q.insert_statements("md", "ticks", groups, max_bytes=one - 1)


@pytest.mark.parametrize("seed", range(20))
def test_chunking_keeps_every_row_once_in_order_within_both_limits(seed: int) -> None:
    rng = np.random.default_rng(seed)
    symbols = [f"{600000 + i}.SH" for i in range(int(rng.integers(1, 6)))]
    groups = [
        (s, [f"({T0 + j},{rng.random()!r},1,1.0,0)" for j in range(int(rng.integers(1, 40)))])
        for s in symbols
    ]
    max_rows, max_bytes = int(rng.integers(1, 30)), int(rng.integers(200, 3000))
    statements = q.insert_statements("md", "ticks", groups, max_rows=max_rows, max_bytes=max_bytes)
    parsed: list[tuple[str, str]] = []
    for sql in statements:
        assert len(sql) <= max_bytes and sql.startswith("INSERT INTO md.t_")
        rows = 0
        for table, values in re.findall(r" md\.(t_\w+) USING .*? VALUES ((?:\([^)]*\))+)", sql):
            found = re.findall(r"\([^)]*\)", values)
            parsed += [(table, v) for v in found]
            rows += len(found)
        assert 0 < rows <= max_rows
    assert parsed == [(q.subtable("ticks", s), v) for s, values in groups for v in values]


def test_default_limits_keep_statements_well_under_a_megabyte() -> None:
    rows = [("600036.SH", T0 + i, 12345.678901234567, 10**12, 1.2345678901234567e15, 1)
            for i in range(12_000)]  # fmt: skip
    conn = FakeConnection()
    store, _ = store_with(conn)
    assert store.write_ticks(ticks(rows)) == 12_000
    assert len(conn.executed) == 3  # 5,000 + 5,000 + 2,000 rows
    assert max(len(s.encode()) for s in conn.executed) <= 512 * 1024


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
def test_non_finite_numbers_are_refused_before_sending(bad: float) -> None:
    conn = FakeConnection()
    store, _ = store_with(conn)
    with pytest.raises(ValueError, match="NaN or infinite"):
        store.write_ticks(
            ticks([("600036.SH", T0, 1.0, 1, 1.0, 0), ("600036.SH", T0 + 1, bad, 1, 1.0, 0)])
        )
    assert conn.executed == []


def test_batches_must_have_the_interface_columns_and_types() -> None:
    conn = FakeConnection()
    store, _ = store_with(conn)
    with pytest.raises(ValueError, match="lacks columns"):
        store.write_ticks(pd.DataFrame({"symbol": ["600036.SH"], "ts": [T0]}))
    with pytest.raises(ValueError, match="'ts' must hold integers"):
        store.write_ticks(ticks([("600036.SH", float(T0), 1.0, 1, 1.0, 0)]))
    with pytest.raises(ValueError, match="'volume' must hold integers"):
        store.write_ticks(ticks([("600036.SH", T0, 1.0, 1.5, 1.0, 0)]))
    assert store.write_ticks(ticks([])) == 0
    assert conn.executed == []


def test_floats_round_trip_through_their_text() -> None:
    for value in (0.1 + 0.2, 1e16, 5e-05, 123456.789, -0.0, 2.0**60):
        assert float(q.number(value)) == value


# -- reads --------------------------------------------------------------------------------------
def test_range_read_sql_queries_the_subtable() -> None:
    conn = FakeConnection(lambda sql: [(T0, 35.12, 300, 10536.0, 0)])
    store, _ = store_with(conn)
    rows = store.read_ticks("600036.SH", start=T0 - 10, end=T0 + 10, after=T0 - 5, limit=500)
    assert conn.queries == [
        "SELECT CAST(ts AS BIGINT), price, volume, amount, simulated FROM md.t_600036_sh "
        f"WHERE ts >= {T0 - 10} AND ts < {T0 + 10} AND ts > {T0 - 5} ORDER BY ts LIMIT 500"
    ]
    assert rows == [(T0, 35.12, 300, 10536.0, 0)]
    assert [type(v) for v in rows[0]] == [int, float, int, float, int]


def test_open_range_read_and_zero_limit() -> None:
    conn = FakeConnection()
    store, _ = store_with(conn)
    store.read_ticks("600036.SH", start=None, end=None, after=None, limit=3)
    assert store.read_ticks("600036.SH", start=None, end=None, after=None, limit=0) == []
    store.read_minute_bars("000001.SZ", start=None, end=T0)
    assert conn.queries == [
        "SELECT CAST(ts AS BIGINT), price, volume, amount, simulated FROM md.t_600036_sh "
        "ORDER BY ts LIMIT 3",
        "SELECT CAST(ts AS BIGINT), open, high, low, close, volume, amount, simulated "
        f"FROM md.b_000001_sz WHERE ts < {T0} ORDER BY ts",
    ]


def test_rows_map_whatever_timestamp_type_comes_back() -> None:
    naive = datetime.fromtimestamp(0) + timedelta(seconds=T0 / 1000.0)  # taospy's arithmetic
    aware = datetime.fromtimestamp(T0 / 1000, tz=timezone(timedelta(hours=8)))
    answers = [(T0, 1.0, 1, 1.0, 0), (naive, 1.0, 1, 1.0, 0), (aware, 1.0, 1, 1.0, 0),
               (np.int64(T0), 1.0, 1, 1.0, 0)]  # fmt: skip
    conn = FakeConnection(lambda sql: answers)
    store, _ = store_with(conn)
    rows = store.read_ticks("600036.SH", start=None, end=None, after=None, limit=10)
    assert [r[0] for r in rows] == [T0] * 4


def test_to_ms() -> None:
    assert to_ms(datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=T0)) == T0
    assert to_ms(datetime.fromtimestamp(0) + timedelta(seconds=(T0 + 7) / 1000.0)) == T0 + 7
    for bad in (True, "2024-03-04 09:33:20", 1.5):
        with pytest.raises(TypeError):
            to_ms(bad)


class TaospyError(Exception):  # shaped like taos.error.ProgrammingError
    def __init__(self, msg: str, errno: int) -> None:
        super().__init__(msg)
        self.msg, self.errno = msg, errno


class TaoswsError(Exception):  # shaped like taosws.QueryError: text only
    pass


MISSING = [
    TaospyError("Fail to get table info, error: Table does not exist", 0x80002662 - 2**32),
    TaospyError("Table does not exist: t_600036_sh", 0x80002603 - 2**32),
    TaoswsError("[0x2662] Internal error: `Fail to get table info, error: Table does not exist`"),
    TaoswsError("[0x80002662] Fail to get table info, error: Table does not exist"),
]
NOT_MISSING = [
    TaospyError("Fail to get table info, error: Database not exist", 0x80002662 - 2**32),
    TaospyError("Table does not exist", 0x8000060B - 2**32),
    TaoswsError("[0x0388] Internal error: `Database not exist`"),
    TaoswsError("Table does not exist"),  # no code: not enough to be sure
    TaospyError("syntax error near 'x'", 0x80002600 - 2**32),
]


@pytest.mark.parametrize("exc", MISSING)
def test_missing_table_errors_are_recognised(exc: Exception) -> None:
    assert is_missing_table(exc)


@pytest.mark.parametrize("exc", NOT_MISSING)
def test_other_errors_are_not_taken_for_missing_tables(exc: Exception) -> None:
    assert not is_missing_table(exc)


class RawConnection:
    """Stands in for a taospy or taosws connection object."""

    def __init__(self, native: bool, outcome: Any) -> None:
        self.native, self.outcome, self.closed = native, outcome, False

    def execute(self, sql: str) -> int:
        return 7

    def query(self, sql: str) -> Any:
        if isinstance(self.outcome, Exception):
            raise self.outcome
        if self.native:
            return types.SimpleNamespace(fetch_all=lambda: list(self.outcome))
        return iter(self.outcome)

    def close(self) -> None:
        self.closed = True


@pytest.mark.parametrize(("native", "error"), [(True, TaospyError), (False, TaoswsError)])
def test_driver_connection_maps_a_missing_table_and_nothing_else(
    native: bool, error: type[Exception]
) -> None:
    def wrap(outcome: Any) -> DriverConnection:
        return DriverConnection(
            RawConnection(native, outcome), native=native, query_errors=(error,)
        )

    assert wrap([(1, 2.0)]).query("SELECT 1") == [(1, 2.0)]
    assert wrap([]).execute("INSERT") == 7
    missing = next(e for e in MISSING if isinstance(e, error))
    with pytest.raises(TableNotFound):
        wrap(missing).query("SELECT")
    other = next(e for e in NOT_MISSING if isinstance(e, error))
    with pytest.raises(error):
        wrap(other).query("SELECT")
    with pytest.raises(RuntimeError):  # not the connector's query error: untouched
        wrap(RuntimeError("boom")).query("SELECT")


def test_a_symbol_without_a_table_reads_as_empty_and_other_errors_propagate() -> None:
    def answer(sql: str) -> list[tuple[Any, ...]]:
        if "t_600036_sh" in sql or "b_600036_sh" in sql:
            raise TableNotFound("Table does not exist")
        raise RuntimeError("network down")

    store, _ = store_with(FakeConnection(answer))
    assert store.read_ticks("600036.SH", start=None, end=None, after=None, limit=5) == []
    assert store.read_minute_bars("600036.SH", start=None, end=None) == []
    assert (
        store.aggregate_minute_bars("600036.SH", minutes=5, market="CN", start=None, end=None) == []
    )
    with pytest.raises(RuntimeError):
        store.read_ticks("000001.SZ", start=None, end=None, after=None, limit=5)


# -- latest and summaries -----------------------------------------------------------------------
def test_latest_uses_last_row_per_subtable_and_names_the_tag() -> None:
    conn = FakeConnection(lambda sql: [("600036.SH", T0, 35.1, 100, 3510.0, 0)])
    store, _ = store_with(conn)
    latest = store.latest_ticks(["600036.SH", "000001.SZ", "600036.sh"])
    assert conn.queries == [
        "SELECT symbol, CAST(LAST_ROW(ts) AS BIGINT), LAST_ROW(price), LAST_ROW(volume), "
        "LAST_ROW(amount), LAST_ROW(simulated) FROM md.ticks "
        "WHERE symbol IN ('600036.SH', '000001.SZ') PARTITION BY tbname"
    ]
    row = (T0, 35.1, 100, 3510.0, 0)
    assert latest == {"600036.SH": row, "600036.sh": row}
    assert store.latest_ticks([]) == {}
    assert len(conn.queries) == 1


def test_tick_summaries_one_query_per_distinct_window() -> None:
    def answer(sql: str) -> list[tuple[Any, ...]]:
        if "'AAPL.US'" in sql:
            return [("t_aapl_us", 180.0, 181.0, 179.5, 5000, 900000.0, 12)]
        return [("t_600036_sh", 35.0, 35.5, 34.9, 300, 10500.0, 3)]

    conn = FakeConnection(answer)
    store, _ = store_with(conn)
    found = store.tick_summaries(
        {"600036.SH": (T0, T0 + 100), "000001.SZ": (T0, T0 + 100), "AAPL.US": (T0 + 5, T0 + 9)}
    )
    assert conn.queries == [
        "SELECT tbname, FIRST(price), MAX(price), MIN(price), SUM(volume), SUM(amount), "
        "COUNT(*) FROM md.ticks WHERE symbol IN ('600036.SH', '000001.SZ') "
        f"AND ts >= {T0} AND ts < {T0 + 100} PARTITION BY tbname",
        "SELECT tbname, FIRST(price), MAX(price), MIN(price), SUM(volume), SUM(amount), "
        f"COUNT(*) FROM md.ticks WHERE symbol IN ('AAPL.US') AND ts >= {T0 + 5} "
        f"AND ts < {T0 + 9} PARTITION BY tbname",
    ]
    assert found == {
        "600036.SH": (35.0, 35.5, 34.9, 300, 10500.0),
        "AAPL.US": (180.0, 181.0, 179.5, 5000, 900000.0),
    }
    assert store.tick_summaries({}) == {}


# -- aggregation --------------------------------------------------------------------------------
def test_window_sql_per_interval() -> None:
    conn = FakeConnection()
    store, _ = store_with(conn)
    for minutes in (5, 15, 30, 60):
        store.aggregate_minute_bars(
            "600036.SH", minutes=minutes, market="CN", start=T0, end=T0 + 86_400_000
        )
    windows = [f"INTERVAL({m}m, 1m)" for m in (5, 15, 30, 30)]  # 60 is built from 30
    assert conn.queries == [
        "SELECT CAST(_wstart AS BIGINT), FIRST(open), MAX(high), MIN(low), LAST(close), "
        "SUM(volume), SUM(amount), MAX(simulated) FROM md.b_600036_sh "
        f"WHERE ts >= {T0} AND ts < {T0 + 86_400_000} {w}"
        for w in windows
    ]


def test_which_intervals_the_server_can_window() -> None:
    for market in ("CN", "US"):
        assert [windows_align(m, market) for m in (1, 5, 15, 30, 60, 120)] == [
            False, True, True, True, False, False,
        ]  # fmt: skip


def session_minutes(day: str, market: str) -> list[str]:
    spans = {"CN": [(570, 690), (780, 900)], "US": [(570, 960)]}[market]
    return [f"{day}T{m // 60:02d}:{m % 60:02d}:00" for a, b in spans for m in range(a + 1, b + 1)]


def synthetic_bars(market: str, days: list[str], skip: set[int]) -> list[MinuteBarRow]:
    """1-minute bars of whole sessions (minus the `skip` positions): prices on a 0.01 grid,
    integer-valued amounts, so every sum is exact whatever order it is added in."""
    local = np.array([t for d in days for t in session_minutes(d, market)], "datetime64[s]")
    stamps = local_to_utc_ms(local, MARKET_TZ[market]).tolist()
    rng = np.random.default_rng(7)
    rows: list[MinuteBarRow] = []
    for i, ts in enumerate(stamps):
        if i in skip:
            continue
        base = round(10 + float(rng.integers(0, 500)) / 100, 2)
        high, low = round(base + 0.05, 2), round(base - 0.04, 2)
        volume = int(rng.integers(1, 50)) * 100
        rows.append((ts, base, high, low, round(base + 0.01, 2), volume, float(volume * 10),
                     int(i % 97 == 3)))  # fmt: skip
    return rows


def tdengine_interval(rows: list[MinuteBarRow], sql: str) -> list[tuple[Any, ...]]:
    """INTERVAL(Nm, 1m) as TSX documents it: windows start at Unix 0 + offset, one row per
    non-empty window with _wstart, FIRST, MAX, MIN, LAST, SUM, SUM, MAX."""
    found = re.search(r"INTERVAL\((\d+)m, 1m\)", sql)
    assert found, sql
    size, offset = int(found.group(1)) * 60_000, 60_000
    bounds = re.search(r"ts >= (\d+) AND ts < (\d+)", sql)
    lo, hi = (int(bounds.group(1)), int(bounds.group(2))) if bounds else (-(2**62), 2**62)
    windows: dict[int, list[MinuteBarRow]] = {}
    for r in rows:
        if lo <= r[0] < hi:
            windows.setdefault((r[0] - offset) // size * size + offset, []).append(r)
    return [
        (start, w[0][1], max(r[2] for r in w), min(r[3] for r in w), w[-1][4],
         sum(r[5] for r in w), sum(r[6] for r in w), max(r[7] for r in w))
        for start, w in sorted(windows.items())
    ]  # fmt: skip


def expected_bars(rows: list[MinuteBarRow], minutes: int, market: str) -> list[tuple[Any, ...]]:
    tz = MARKET_TZ[market]
    local = utc_ms_to_local(np.array([r[0] for r in rows], dtype=np.int64), tz)
    bars = resample_intraday(from_rows(local, list(rows), simulated=False), minutes, market)
    stamps = local_to_utc_ms(bars.local, tz).tolist()
    cols = (bars.open, bars.high, bars.low, bars.close, bars.volume, bars.amount)
    return list(zip(stamps, *(c.tolist() for c in cols), strict=True))


CASES = [
    ("CN", ["2024-03-04", "2024-03-05"], {0, 1, 57, 119, 120, 121, 300, 479}),
    ("US", ["2024-01-08", "2024-03-11"], {0, 389, 390, 500, 779}),  # winter and summer time
]


@pytest.mark.parametrize(("market", "days", "skip"), CASES)
@pytest.mark.parametrize("minutes", [5, 15, 30, 60])
def test_aggregates_equal_resample_intraday(
    market: str, days: list[str], skip: set[int], minutes: int
) -> None:
    rows = synthetic_bars(market, days, skip)
    conn = FakeConnection(lambda sql: tdengine_interval(rows, sql))
    store, _ = store_with(conn)
    lo, hi = rows[0][0] - 3_600_000, rows[-1][0] + 1
    got = store.aggregate_minute_bars("600036.SH", minutes=minutes, market=market, start=lo, end=hi)
    assert [g[:7] for g in got] == expected_bars(rows, minutes, market)
    # A bucket is simulated when any of its minutes is: check against the minutes themselves.
    for bar, previous in zip(got, [None, *got[:-1]], strict=True):
        inside = [r for r in rows if r[0] <= bar[0] and (previous is None or r[0] > previous[0])]
        assert bar[7] == max(r[7] for r in inside)


def test_sixty_minute_buckets_per_market() -> None:
    for market, day, clock in [
        ("CN", "2024-03-04", ["10:30", "11:30", "14:00", "15:00"]),
        ("US", "2024-03-11", ["10:30", "11:30", "12:30", "13:30", "14:30", "15:30", "16:00"]),
    ]:
        rows = synthetic_bars(market, [day], set())
        store, _ = store_with(FakeConnection(functools.partial(tdengine_interval, rows)))
        got = store.aggregate_minute_bars("X.US", minutes=60, market=market, start=None, end=None)
        local = utc_ms_to_local(np.array([g[0] for g in got], dtype=np.int64), MARKET_TZ[market])
        assert [str(t)[11:16] for t in local] == clock
        assert got[-1][5] == sum(r[5] for r in rows[-(30 if market == "US" else 60) :])


def test_unaligned_sessions_fall_back_to_the_minute_bars(monkeypatch: pytest.MonkeyPatch) -> None:
    from mystocks.domain import series

    monkeypatch.setitem(series.SESSIONS, "XX", ((9 * 60 + 15, 11 * 60 + 20),))
    monkeypatch.setitem(series.MARKET_TZ, "XX", "Asia/Shanghai")
    assert windows_align(5, "XX")  # 09:15 and 11:20 are on the 5-minute grid
    assert not windows_align(15, "XX") and not windows_align(30, "XX")
    local = np.array([f"2024-03-04T{9 + (15 + m) // 60:02d}:{(15 + m) % 60:02d}:00"
                      for m in range(1, 126)], "datetime64[s]")  # fmt: skip
    stamps = local_to_utc_ms(local, "Asia/Shanghai").tolist()
    rows = [(ts, 1.0, 2.0, 0.5, 1.5, 10, 15.0, 0) for ts in stamps]
    conn = FakeConnection(lambda sql: rows)
    store, _ = store_with(conn)
    got = store.aggregate_minute_bars("600036.SH", minutes=30, market="XX", start=None, end=None)
    assert "INTERVAL" not in conn.queries[0]
    assert [g[:7] for g in got] == expected_bars(rows, 30, "XX")
    assert [g[5] for g in got] == [300, 300, 300, 300, 50]  # the last bucket ends at 11:20


def test_resample_rows_of_nothing() -> None:
    assert resample_rows([], 60, "CN") == []


# -- count, ping, connections -------------------------------------------------------------------
def test_count_ping_and_unknown_tables() -> None:
    conn = FakeConnection(lambda sql: [(42,)] if "COUNT" in sql else [("3.3.7.5",)])
    store, _ = store_with(conn)
    assert store.count("ticks") == 42 and store.count("minute_bars") == 42
    store.ping()
    assert conn.queries == [
        "SELECT COUNT(*) FROM md.ticks",
        "SELECT COUNT(*) FROM md.bars_1m",
        "SELECT SERVER_VERSION()",
    ]
    with pytest.raises(ValueError, match="unknown"):
        store.count("orders")
    empty, _ = store_with(FakeConnection())
    assert empty.count("ticks") == 0


def test_one_connection_per_thread_and_dispose_closes_them_all() -> None:
    made: list[FakeConnection] = []

    def factory(url: TDengineURL) -> FakeConnection:
        made.append(FakeConnection())
        return made[-1]

    store = TDengineTimeSeriesStore(URL, factory)
    store.ping()
    store.ping()
    worker = threading.Thread(target=store.ping)
    worker.start()
    worker.join()
    assert len(made) == 2
    store.dispose()
    assert all(c.closed for c in made)
    store.ping()  # reconnects after dispose
    assert len(made) == 3


def test_connect_native_passes_parsed_url_and_no_database(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []
    fake = types.ModuleType("taos")

    def fake_connect(**kw: Any) -> RawConnection:
        calls.append(kw)
        return RawConnection(True, [])

    fake.connect = fake_connect  # type: ignore[attr-defined]
    fake.ProgrammingError = TaospyError  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "taos", fake)
    conn = connect(parse_url("taos://u:p%40ss@h:7030/md"))
    assert calls == [{"host": "h", "port": 7030, "user": "u", "password": "p@ss"}]
    with pytest.raises(TableNotFound):
        DriverConnection(RawConnection(True, MISSING[0]), native=True,
                         query_errors=(TaospyError,)).query("x")  # fmt: skip
    assert isinstance(conn, DriverConnection)


def test_connect_websocket_uses_taosws(monkeypatch: pytest.MonkeyPatch) -> None:
    import taosws

    calls: list[dict[str, Any]] = []

    def fake_connect(**kw: Any) -> RawConnection:
        calls.append(kw)
        return RawConnection(False, [(1,)])

    monkeypatch.setattr(taosws, "connect", fake_connect)
    conn = connect(parse_url("taosws://h/md"))
    assert calls == [{"host": "h", "port": 6041}]
    assert conn.query("SELECT 1") == [(1,)]
