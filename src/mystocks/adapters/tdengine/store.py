"""The time-series store on TDengine 3.3: ticks and 1-minute bars in two supertables.

Implements `mystocks.adapters.interfaces.TimeSeriesStore`. URLs:
    taos://user:pass@host:6030/db      native connector (taospy; needs libtaos.so)
    taosws://user:pass@host:6041/db    WebSocket connector (taos-ws-py, through taosAdapter)

Layout (SQL text in `tdengine_sql`): supertables `ticks` and `bars_1m`, one subtable per symbol
(`t_600036_sh`, `b_600036_sh`) with the code in a `symbol` tag and the exchange suffix in an
`exchange` tag. Writing a row for an existing (symbol, ts) overwrites it (§2, §8).

Not transactional: TDengine has no transactions, and the parts of one INSERT that land on
different vnodes can fail independently (§2). A failed batch may be partly applied; re-sending
the whole batch is safe, since every row overwrites by (symbol, ts).

Section numbers (§N) refer to the team's TDengine fact sheet (`TDENGINE.md`).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal, Protocol
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from mystocks.adapters.interfaces import (
    MINUTE_BAR_COLUMNS,
    TICK_COLUMNS,
    MinuteBarRow,
    TickRow,
    TickSummary,
    validate_batch,
)
from mystocks.adapters.tdengine import sql as q
from mystocks.domain.series import MARKET_TZ, SESSIONS, resample_rows

DEFAULT_PORTS = {"taos": 6030, "taosws": 6041}
# §6: 0x2662 "Fail to get table info" (its text then says "Table does not exist"); 0x2603 is
# the parser's own "Table does not exist". The text is required too: 0x2662 also wraps
# other failures, such as a missing database, which must not read as "no data".
MISSING_TABLE_CODES = frozenset({0x2662, 0x2603})
_CODE_IN_TEXT = re.compile(r"\[0x([0-9A-Fa-f]{4,8})\]")  # taosws: "[0x2662] Internal error: …"


class TableNotFound(Exception):
    """The queried subtable does not exist: that symbol has no rows yet."""


def is_missing_table(exc: BaseException) -> bool:
    """taospy errors carry `errno` (signed 32-bit: compare its low 16 bits, §6) and `msg`;
    taosws errors carry only their text, with the code in brackets."""
    text = str(getattr(exc, "msg", None) or exc)
    if "table does not exist" not in text.lower():
        return False
    errno = getattr(exc, "errno", None)
    if isinstance(errno, int):
        return (errno & 0xFFFF) in MISSING_TABLE_CODES
    found = _CODE_IN_TEXT.search(text)
    return found is not None and (int(found.group(1), 16) & 0xFFFF) in MISSING_TABLE_CODES


@dataclass(frozen=True)
class TDengineURL:
    scheme: Literal["taos", "taosws"]
    host: str
    port: int
    database: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)


def parse_url(url: str) -> TDengineURL:
    """`taos://user:pass@host:6030/db` or `taosws://…:6041/db`; user and password are
    percent-decoded, the port defaults by scheme, the database is required."""
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS:
        raise ValueError(f"a TDengine URL starts taos:// or taosws://, not {parts.scheme!r}")
    if parts.query or parts.fragment:
        raise ValueError("a TDengine URL takes no query string or fragment")
    if not parts.hostname:
        raise ValueError("a TDengine URL needs a host")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError:  # urllib's message names no URL part; say which one is wrong
        raise ValueError("a TDengine URL's port must be a number from 1 to 65535") from None
    database = unquote(parts.path.removeprefix("/"))
    if not database:
        raise ValueError("a TDengine URL needs a database: taos://host:6030/<database>")
    return TDengineURL(
        scheme="taos" if parts.scheme == "taos" else "taosws",
        host=parts.hostname,
        port=port,
        database=q.database_name(database),
        user=None if parts.username is None else unquote(parts.username),
        password=None if parts.password is None else unquote(parts.password),
    )


class Connection(Protocol):
    """What the store needs of a connection; tests pass a fake with these three methods."""

    def execute(self, sql: str) -> int: ...

    def query(self, sql: str) -> list[tuple[Any, ...]]: ...

    def close(self) -> None: ...


class DriverConnection:
    """A taospy or taosws connection behind `Connection`. Only the connector's query-error
    class is inspected, and only a missing table becomes `TableNotFound`."""

    def __init__(
        self, raw: Any, *, native: bool, query_errors: tuple[type[BaseException], ...]
    ) -> None:
        self._raw = raw
        self._native = native
        self._errors = query_errors

    def execute(self, sql: str) -> int:
        return int(self._raw.execute(sql))

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        try:
            result = self._raw.query(sql)
            # taospy: TaosResult.fetch_all() -> tuples. taosws: iterating the TaosResult
            # gives tuples (and timestamps as strings, §4: hence the CASTs in every SELECT).
            return list(result.fetch_all()) if self._native else [tuple(r) for r in result]
        except self._errors as exc:
            if is_missing_table(exc):
                raise TableNotFound(str(exc)) from exc
            raise

    def close(self) -> None:
        self._raw.close()


def connect(url: TDengineURL) -> Connection:
    """Open a connection with the connector the scheme names. No database is selected (every
    name is qualified) and no time zone is passed (taospy's is process-wide, §4)."""
    credentials = {
        k: v for k, v in (("user", url.user), ("password", url.password)) if v is not None
    }
    if url.scheme == "taos":
        import taos  # lazily: importing taospy loads libtaos.so, which few machines have

        raw = taos.connect(host=url.host, port=url.port, **credentials)
        return DriverConnection(raw, native=True, query_errors=(taos.ProgrammingError,))
    import taosws

    raw = taosws.connect(host=url.host, port=url.port, **credentials)
    return DriverConnection(raw, native=False, query_errors=(taosws.QueryError,))


_LOCAL_EPOCH = datetime.fromtimestamp(0)  # taospy's own naive epoch (taos/field.py)


def to_ms(value: object) -> int:
    """A timestamp as the connectors may return it -> epoch ms. The SELECTs cast to BIGINT,
    so this normally sees ints; datetimes are handled for completeness: aware ones exactly,
    naive ones (taospy without a time zone) by inverting taospy's arithmetic, which adds the
    offset to a local-time epoch and ignores DST (§4)."""
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        origin = _LOCAL_EPOCH if value.tzinfo is None else datetime(1970, 1, 1, tzinfo=UTC)
        micros = (value - origin) // timedelta(microseconds=1)
        return (micros + 500) // 1000
    raise TypeError(f"not a timestamp: {value!r}")


def _bar(row: Sequence[Any], ts: int) -> MinuteBarRow:
    return (
        ts, float(row[1]), float(row[2]), float(row[3]), float(row[4]),
        int(row[5]), float(row[6]), int(row[7]),
    )  # fmt: skip


def windows_align(minutes: int, market: str) -> bool:
    """Whether TDengine's clock windows are exactly the market's trading-minute buckets:
    every session edge is on the grid (so no bucket crosses lunch or needs clamping at the
    close), and so is the zone's UTC offset, summer and winter (windows are laid out from
    Unix 0 in UTC, §4)."""
    if minutes < 2 or 60 % minutes:
        return False
    edges = [edge for session in SESSIONS[market] for edge in session]
    zone = ZoneInfo(MARKET_TZ[market])
    offsets = [datetime(2001, m, 1, tzinfo=zone).utcoffset() for m in (1, 7)]
    return all(e % minutes == 0 for e in edges) and all(
        o is not None and (o // timedelta(minutes=1)) % minutes == 0 for o in offsets
    )


class TDengineTimeSeriesStore:
    backend = "tdengine"

    def __init__(
        self,
        url: str | TDengineURL,
        connect: Callable[[TDengineURL], Connection] = connect,
        *,
        max_rows: int = q.MAX_STATEMENT_ROWS,
        max_bytes: int = q.MAX_STATEMENT_BYTES,
    ) -> None:
        self.url = parse_url(url) if isinstance(url, str) else url
        self.db = self.url.database
        self._connect = connect
        self.max_rows, self.max_bytes = max_rows, max_bytes
        # §6: both connectors declare threadsafety 2; one connection per thread is the safe
        # reading. Every connection opened is remembered so `dispose` can close them all.
        self._local = threading.local()
        self._opened: list[Connection] = []
        self._lock = threading.Lock()

    @classmethod
    def from_url(cls, url: str) -> TDengineTimeSeriesStore:
        """The store for a `taos://` or `taosws://` URL, with the real connectors."""
        return cls(url)

    @property
    def conn(self) -> Connection:
        conn: Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect(self.url)
            with self._lock:
                self._opened.append(conn)
            self._local.conn = conn
        return conn

    def create_schema(self) -> None:
        for sql in q.create_statements(self.db):
            self.conn.execute(sql)

    def ping(self) -> None:
        self.conn.query("SELECT SERVER_VERSION()")

    def dispose(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
            self._local = threading.local()
        for conn in opened:
            conn.close()

    # -- writes -------------------------------------------------------------------------------
    def _write(self, kind: q.Kind, batch: pd.DataFrame, columns: Sequence[str]) -> int:
        validate_batch(batch, columns)  # the same refusals as every other backend
        if batch.empty:
            return 0
        groups = q.value_groups(batch, kind)  # validates everything before any SQL is sent
        statements = q.insert_statements(
            self.db, kind, groups, max_rows=self.max_rows, max_bytes=self.max_bytes
        )
        for sql in statements:
            self.conn.execute(sql)
        return sum(len(values) for _, values in groups)

    def write_ticks(self, batch: pd.DataFrame) -> int:
        return self._write("ticks", batch, TICK_COLUMNS)

    def write_minute_bars(self, batch: pd.DataFrame) -> int:
        return self._write("bars", batch, MINUTE_BAR_COLUMNS)

    # -- reads --------------------------------------------------------------------------------
    def _subtable_rows(self, sql: str) -> list[tuple[Any, ...]]:
        """Rows of a one-subtable query; a subtable not created yet has no rows."""
        try:
            return self.conn.query(sql)
        except TableNotFound:
            return []

    def read_ticks(
        self, symbol: str, *, start: int | None, end: int | None, after: int | None, limit: int
    ) -> list[TickRow]:
        sql = q.select_ticks(self.db, symbol, start, end, after, limit)  # validates first
        if limit <= 0:
            return []
        return [
            (to_ms(r[0]), float(r[1]), int(r[2]), float(r[3]), int(r[4]))
            for r in self._subtable_rows(sql)
        ]

    def read_minute_bars(
        self, symbol: str, *, start: int | None, end: int | None
    ) -> list[MinuteBarRow]:
        rows = self._subtable_rows(q.select_bars(self.db, symbol, start, end))
        return [_bar(r, to_ms(r[0])) for r in rows]

    def _windows(
        self, symbol: str, minutes: int, start: int | None, end: int | None
    ) -> list[MinuteBarRow]:
        rows = self._subtable_rows(q.select_windows(self.db, symbol, minutes, start, end))
        return [_bar(r, q.window_stamp(to_ms(r[0]), minutes)) for r in rows]

    def aggregate_minute_bars(
        self, symbol: str, *, minutes: int, market: str, start: int | None, end: int | None
    ) -> list[MinuteBarRow]:
        """Server-side INTERVAL windows where they are the market's buckets (5, 15, 30 minutes
        for CN and US); 60-minute bars from the 30-minute ones, client side, because
        INTERVAL(60m) windows sit on whole hours, not on 09:30-10:30 (§8); anything else from
        the 1-minute bars. Same buckets and stamps as `series.resample_intraday`."""
        if minutes == 1:
            return self.read_minute_bars(symbol, start=start, end=end)
        if windows_align(minutes, market):
            return self._windows(symbol, minutes, start, end)
        if minutes % 30 == 0 and windows_align(30, market):
            return resample_rows(self._windows(symbol, 30, start, end), minutes, market)
        rows = self.read_minute_bars(symbol, start=start, end=end)
        return resample_rows(rows, minutes, market)

    def latest_ticks(self, symbols: Sequence[str]) -> dict[str, TickRow]:
        # Subtable names fold case (§2), so `abc.SH` and `ABC.SH` are one series: answer
        # under each spelling asked for.
        asked: dict[str, list[str]] = {}
        for s in symbols:
            asked.setdefault(q.canonical_symbol(s), []).append(s)
        if not asked:
            return {}
        found: dict[str, TickRow] = {}
        for r in self.conn.query(q.select_latest(self.db, list(asked))):
            row = (to_ms(r[1]), float(r[2]), int(r[3]), float(r[4]), int(r[5]))
            for spelling in asked.get(str(r[0]).upper(), []):
                found[spelling] = row
        return found

    def tick_summaries(self, windows: Mapping[str, tuple[int, int]]) -> dict[str, TickSummary]:
        """One query per distinct window (symbols of one market share theirs), each over the
        supertable with a tag filter and one row per subtable, mapped back by table name."""
        by_window: dict[tuple[int, int], dict[str, list[str]]] = {}
        for s, window in windows.items():
            by_window.setdefault(window, {}).setdefault(q.canonical_symbol(s), []).append(s)
        found: dict[str, TickSummary] = {}
        for (lo, hi), asked in by_window.items():
            tables = {q.subtable("ticks", code): spellings for code, spellings in asked.items()}
            for r in self.conn.query(q.select_summaries(self.db, list(asked), lo, hi)):
                if not r[6]:
                    continue
                summary = (float(r[1]), float(r[2]), float(r[3]), int(r[4]), float(r[5]))
                for spelling in tables.get(str(r[0]).lower(), []):
                    found[spelling] = summary
        return found

    def count(self, table: str) -> int:
        kinds: dict[str, q.Kind] = {"ticks": "ticks", "minute_bars": "bars"}
        if table not in kinds:
            raise ValueError(f"unknown time-series table {table!r}")
        rows = self.conn.query(q.select_count(self.db, kinds[table]))
        return int(rows[0][0]) if rows and rows[0][0] is not None else 0
