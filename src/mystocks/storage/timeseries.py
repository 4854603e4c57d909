"""The time-series store on SQL (SQLite embedded, or PostgreSQL): ticks and 1-minute bars.

Times are integers, epoch milliseconds UTC: cheap to index and compare, the same on every
backend, and what TDengine stores natively. (symbol, ts) is the primary key, so writing a row
for an existing (symbol, ts) replaces it: the last write wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    MetaData,
    SmallInteger,
    String,
    Table,
    func,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine

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

TickRow = tuple[int, float, int, float, int]
"""(ts_ms, price, volume, amount, simulated)"""
MinuteBarRow = tuple[int, float, float, float, float, int, float, int]
"""(ts_ms, open, high, low, close, volume, amount, simulated)"""


class SqlTimeSeriesStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.backend = engine.dialect.name

    def create_schema(self) -> None:
        metadata.create_all(self.engine)

    def ping(self) -> None:
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def _upsert(self, table: Table, rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        insert = pg_insert if self.backend == "postgresql" else sqlite_insert
        stmt = insert(table)
        updates = {c.name: stmt.excluded[c.name] for c in table.columns if not c.primary_key}
        stmt = stmt.on_conflict_do_update(index_elements=["symbol", "ts"], set_=updates)
        with self.engine.begin() as conn:
            conn.execute(stmt, list(rows))

    def write_ticks(self, rows: Sequence[dict[str, Any]]) -> None:
        """Write ticks (keys symbol, ts, price, volume, amount, simulated) in one transaction."""
        self._upsert(TICKS, rows)

    def write_minute_bars(self, rows: Sequence[dict[str, Any]]) -> None:
        self._upsert(MINUTE_BARS, rows)

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

    def latest_tick(self, symbol: str) -> TickRow | None:
        c = TICKS.c
        stmt = (
            select(c.ts, c.price, c.volume, c.amount, c.simulated)
            .where(c.symbol == symbol)
            .order_by(c.ts.desc())
            .limit(1)
        )
        with self.engine.connect() as conn:
            row = conn.execute(stmt).first()
        return None if row is None else tuple(row)

    def tick_summary(
        self, symbol: str, *, start: int, end: int
    ) -> tuple[float, float, float, int, float] | None:
        """(open, high, low, volume, amount) of the ticks in [start, end), or None if none."""
        c = TICKS.c
        window = (c.symbol == symbol) & (c.ts >= start) & (c.ts < end)
        first = select(c.price).where(window).order_by(c.ts).limit(1).scalar_subquery()
        stmt = select(
            first,
            func.max(c.price),
            func.min(c.price),
            func.sum(c.volume),
            func.sum(c.amount),
            func.count(),
        ).where(window)
        with self.engine.connect() as conn:
            row = conn.execute(stmt).one()
        if not row[5]:
            return None
        return float(row[0]), float(row[1]), float(row[2]), int(row[3]), float(row[4])

    def count(self, table: str) -> int:
        target = TICKS if table == "ticks" else MINUTE_BARS
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(target)).scalar_one())
