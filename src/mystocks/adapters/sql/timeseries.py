"""The time-series store on SQL (SQLite embedded, or PostgreSQL): ticks and 1-minute bars.

Implements `mystocks.adapters.interfaces.TimeSeriesStore`. Times are integers, epoch
milliseconds UTC: cheap to index and compare, the same on every backend, and what TDengine
stores natively. (symbol, ts) is the primary key, so writing a row for an existing (symbol, ts)
replaces it: the last write wins.

Writes take each backend's fastest bulk path, inside one transaction per batch:
- PostgreSQL: COPY into a temporary staging table, then one INSERT … ON CONFLICT DO UPDATE;
- SQLite: one executemany of an upsert on the raw sqlite3 connection.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from psycopg.errors import UniqueViolation
from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    MetaData,
    SmallInteger,
    String,
    Table,
    bindparam,
    func,
    or_,
    select,
    text,
    tuple_,
)
from sqlalchemy.engine import Engine

from mystocks.adapters.interfaces import (
    MINUTE_BAR_COLUMNS,
    TICK_COLUMNS,
    MinuteBarRow,
    TickRow,
    TickSummary,
    validate_batch,
)
from mystocks.adapters.sql.scope import connect
from mystocks.domain.series import resample_rows

metadata = MetaData()

TICKS = Table(
    "ticks",
    metadata,
    Column("symbol", String(16), primary_key=True),
    Column("ts", BigInteger, primary_key=True),
    Column("price", Float, nullable=False),
    Column("volume", BigInteger, nullable=False),
    Column("amount", Float, nullable=False),
    Column("simulated", SmallInteger, nullable=False, default=0),
)

MINUTE_BARS = Table(
    "minute_bars",
    metadata,
    Column("symbol", String(16), primary_key=True),
    Column("ts", BigInteger, primary_key=True),
    Column("open", Float, nullable=False),
    Column("high", Float, nullable=False),
    Column("low", Float, nullable=False),
    Column("close", Float, nullable=False),
    Column("volume", BigInteger, nullable=False),
    Column("amount", Float, nullable=False),
    Column("simulated", SmallInteger, nullable=False, default=0),
)

# The (symbol, ts) primary key is the composite index every read uses.
# The only table and column names the raw-SQL write paths put into their statements; values
# always travel as parameters or COPY (why bandit's B608 is skipped, pyproject).
TABLES = {"ticks": (TICKS, TICK_COLUMNS), "minute_bars": (MINUTE_BARS, MINUTE_BAR_COLUMNS)}


def _rows(batch: pd.DataFrame, columns: Sequence[str]) -> list[tuple[Any, ...]]:
    """Python-native tuples (sqlite3 refuses numpy scalars); later duplicates win."""
    batch = batch.drop_duplicates(["symbol", "ts"], keep="last")
    return list(zip(*(batch[c].tolist() for c in columns), strict=True))


def _latest_ticks() -> Any:
    """Each symbol's newest tick, built once: every paper order prices itself with it, and
    building and keying this statement cost more than running it."""
    c = TICKS.c
    newest = (
        select(c.symbol, func.max(c.ts).label("ts"))
        .where(c.symbol.in_(bindparam("symbols", expanding=True)))
        .group_by(c.symbol)
        .subquery()
    )
    return select(c.symbol, c.ts, c.price, c.volume, c.amount, c.simulated).where(
        tuple_(c.symbol, c.ts).in_(select(newest.c.symbol, newest.c.ts))
    )


_LATEST_TICKS = _latest_ticks()


class SqlTimeSeriesStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.backend = engine.dialect.name

    def create_schema(self) -> None:
        metadata.create_all(self.engine)

    def ping(self) -> None:
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def dispose(self) -> None:
        self.engine.dispose()

    # -- writes -------------------------------------------------------------------------------
    def _write(self, table: str, batch: pd.DataFrame) -> int:
        _, columns = TABLES[table]
        validate_batch(batch, columns)
        if batch.empty:
            return 0
        if self.backend == "postgresql":
            return self._copy_upsert(table, batch, columns)
        return self._executemany_upsert(table, batch, columns)

    def _executemany_upsert(self, table: str, batch: pd.DataFrame, columns: Sequence[str]) -> int:
        rows = _rows(batch, columns)
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in ("symbol", "ts"))
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
            f"ON CONFLICT (symbol, ts) DO UPDATE SET {updates}"
        )
        with self.engine.begin() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.executemany(sql, rows)
        return len(rows)

    def _copy_upsert(self, table: str, batch: pd.DataFrame, columns: Sequence[str]) -> int:
        batch = batch.drop_duplicates(["symbol", "ts"], keep="last")
        buffer = io.StringIO()
        # CSV, not COPY's text format: pandas quotes CSV correctly, and an unquoted empty
        # field is NULL (so a missing symbol fails NOT NULL instead of becoming ''). Floats
        # are written as their shortest round-trip text, so nothing is lost.
        batch.to_csv(buffer, columns=list(columns), header=False, index=False)
        data = buffer.getvalue()
        names = ", ".join(columns)
        with self.engine.begin() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            cursor = raw.cursor()
            # Fast path: new rows COPY straight into the table. Only when a row already
            # exists (a re-import, a correction) does the batch go through a staging table
            # and an upsert, which writes every row twice.
            try:
                with (
                    raw.transaction(),
                    cursor.copy(f"COPY {table} ({names}) FROM STDIN (FORMAT csv)") as copy,
                ):
                    copy.write(data)
                return len(batch)
            except UniqueViolation:
                pass  # the savepoint rolled the COPY back; upsert instead
            stage = f"stage_{table}"
            updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in ("symbol", "ts"))
            cursor.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS {stage} (LIKE {table} INCLUDING DEFAULTS) "
                "ON COMMIT DELETE ROWS"
            )
            with cursor.copy(f"COPY {stage} ({names}) FROM STDIN (FORMAT csv)") as copy:
                copy.write(data)
            cursor.execute(
                f"INSERT INTO {table} ({names}) SELECT {names} FROM {stage} "
                f"ON CONFLICT (symbol, ts) DO UPDATE SET {updates}"
            )
        return len(batch)

    def write_ticks(self, batch: pd.DataFrame) -> int:
        return self._write("ticks", batch)

    def write_minute_bars(self, batch: pd.DataFrame) -> int:
        return self._write("minute_bars", batch)

    # -- reads --------------------------------------------------------------------------------
    def read_ticks(
        self, symbol: str, *, start: int | None, end: int | None, after: int | None, limit: int
    ) -> list[TickRow]:
        c = TICKS.c
        stmt = (
            select(c.ts, c.price, c.volume, c.amount, c.simulated)
            .where(c.symbol == symbol)
            .order_by(c.ts)
            .limit(limit)
        )
        if start is not None:
            stmt = stmt.where(c.ts >= start)
        if end is not None:
            stmt = stmt.where(c.ts < end)
        if after is not None:
            stmt = stmt.where(c.ts > after)
        with self.engine.connect() as conn:
            return [tuple(row) for row in conn.execute(stmt)]

    def read_minute_bars(
        self, symbol: str, *, start: int | None, end: int | None
    ) -> list[MinuteBarRow]:
        c = MINUTE_BARS.c
        stmt = (
            select(c.ts, c.open, c.high, c.low, c.close, c.volume, c.amount, c.simulated)
            .where(c.symbol == symbol)
            .order_by(c.ts)
        )
        if start is not None:
            stmt = stmt.where(c.ts >= start)
        if end is not None:
            stmt = stmt.where(c.ts < end)
        with self.engine.connect() as conn:
            return [tuple(row) for row in conn.execute(stmt)]

    def aggregate_minute_bars(
        self, symbol: str, *, minutes: int, market: str, start: int | None, end: int | None
    ) -> list[MinuteBarRow]:
        # Session-aware buckets (lunch break, end stamps) are simpler and exact in NumPy than
        # in portable SQL; the rows read are one symbol's, so this stays cheap.
        rows = self.read_minute_bars(symbol, start=start, end=end)
        return resample_rows(rows, minutes, market)

    def latest_ticks(self, symbols: Sequence[str]) -> dict[str, TickRow]:
        if not symbols:
            return {}
        with connect(self.engine) as conn:
            rows = conn.execute(_LATEST_TICKS, {"symbols": list(symbols)})
            return {row[0]: tuple(row[1:]) for row in rows}

    def tick_summaries(self, windows: Mapping[str, tuple[int, int]]) -> dict[str, TickSummary]:
        if not windows:
            return {}
        c = TICKS.c
        inside = or_(
            *(
                (c.symbol == symbol) & (c.ts >= lo) & (c.ts < hi)
                for symbol, (lo, hi) in windows.items()
            )
        )
        stats = (
            select(
                c.symbol,
                func.min(c.ts),
                func.max(c.price),
                func.min(c.price),
                func.sum(c.volume),
                func.sum(c.amount),
            )
            .where(inside)
            .group_by(c.symbol)
        )
        with connect(self.engine) as conn:
            found = {row[0]: row[1:] for row in conn.execute(stats)}
            if not found:
                return {}
            firsts = select(c.symbol, c.price).where(
                tuple_(c.symbol, c.ts).in_([(symbol, row[0]) for symbol, row in found.items()])
            )
            opens = dict(conn.execute(firsts).all())
        return {
            symbol: (float(opens[symbol]), float(hi), float(lo), int(vol), float(amount))
            for symbol, (_, hi, lo, vol, amount) in found.items()
        }

    def count(self, table: str) -> int:
        target, _ = TABLES[table]
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(target)).scalar_one())
