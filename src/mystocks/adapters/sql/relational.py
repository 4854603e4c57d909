"""The relational store: instruments, daily bars, users (SQLAlchemy 2; SQLite or PostgreSQL).

Reads on hot paths use Core `select()` and return plain tuples: building an ORM object per bar
would cost more than the query. The ORM classes define the schema and serve the rare writes.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    String,
    cast,
    create_engine,
    delete,
    event,
    func,
    or_,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine

from mystocks.adapters.sql import migrate
from mystocks.adapters.sql.scope import connect
from mystocks.adapters.sql.tables import Base, InstrumentRow

INSTRUMENT_COLUMNS = tuple(c.name for c in InstrumentRow.__table__.columns)
_INSTRUMENTS = Base.metadata.tables["instruments"]
_DAILY = Base.metadata.tables["daily_bars"]
_USERS = Base.metadata.tables["users"]
_META = Base.metadata.tables["meta"]
# Each stock's dated history, replaced whole per symbol by a sync: table -> its columns after
# `symbol`, oldest first by the first of them.
HISTORY = {
    "adjust_factors": ("date", "factor"),
    "corporate_actions": ("date", "cash", "shares"),
    "st_periods": ("start", "end", "flag"),
    "suspensions": ("start", "end", "reason"),
}


def _date(value: Any) -> dt.date:
    """A date from min() or max() of a date column, which SQLite answers as text."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


@dataclass(frozen=True)
class User:
    username: str
    password_hash: str
    role: str
    created_at: dt.datetime


INSTRUMENT_TTL = 60.0
INSTRUMENT_CACHE_SIZE = 10_000

DailyBar = tuple[dt.date, float, float, float, float, int, float]
"""(date, open, high, low, close, volume, amount)"""


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            # WAL lets readers proceed while an ingest batch writes.
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.close()

        return engine
    # A statement running longer than 30 s is a bug or an attack; let PostgreSQL cancel it.
    return create_engine(
        url,
        pool_size=10,
        max_overflow=10,
        pool_pre_ping=True,
        connect_args={"options": "-c statement_timeout=30000"},
    )


class RelationalStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.backend = engine.dialect.name
        self._instruments: dict[str, tuple[float, dict[str, Any] | None]] = {}
        # Bumped by every daily-bar write through this store: what is derived from the bars
        # and kept in process (a paper account's previous close) is computed again.
        self.daily_version = 0
        # symbol -> (expires, bars asked for, its newest bars): see `recent_daily_bars`.
        self._recent: dict[str, tuple[float, int, list[DailyBar]]] = {}

    def create_schema(self) -> None:
        """Run the Alembic migrations up to the newest (`mystocks db upgrade` does the same)."""
        migrate.upgrade(self.engine)

    def ping(self) -> None:
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def _upsert(self, table: Any, rows: Sequence[dict[str, Any]], keys: Sequence[str]) -> None:
        if not rows:
            return
        insert = pg_insert if self.backend == "postgresql" else sqlite_insert
        stmt = insert(table)
        updates = {c.name: stmt.excluded[c.name] for c in table.columns if c.name not in keys}
        stmt = stmt.on_conflict_do_update(index_elements=list(keys), set_=updates)
        with self.engine.begin() as conn:
            conn.execute(stmt, list(rows))

    # -- meta ---------------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            value = conn.execute(select(_META.c.value).where(_META.c.key == key)).scalar()
        return None if value is None else str(value)

    def set_meta(self, key: str, value: str) -> None:
        self._upsert(_META, [{"key": key, "value": value}], ["key"])

    # -- instruments --------------------------------------------------------------------------
    def upsert_instruments(self, rows: Sequence[dict[str, Any]]) -> None:
        self._upsert(_INSTRUMENTS, rows, ["symbol"])
        self._instruments.clear()

    def get_instrument(self, symbol: str) -> dict[str, Any] | None:
        """One instrument, from a small in-process cache: every market request starts here,
        and instruments change rarely. Writes through this store clear it; writes by another
        process are seen within INSTRUMENT_TTL seconds."""
        now = time.monotonic()
        hit = self._instruments.get(symbol)
        if hit is not None and hit[0] > now:
            return dict(hit[1]) if hit[1] is not None else None
        with connect(self.engine) as conn:
            row = conn.execute(select(_INSTRUMENTS).where(_INSTRUMENTS.c.symbol == symbol)).first()
        found = None if row is None else dict(row._mapping)
        if len(self._instruments) >= INSTRUMENT_CACHE_SIZE:
            self._instruments.clear()
        self._instruments[symbol] = (now + INSTRUMENT_TTL, found)
        return None if found is None else dict(found)

    def get_instruments(self, symbols: Iterable[str]) -> dict[str, dict[str, Any]]:
        wanted = list(set(symbols))
        with connect(self.engine) as conn:
            rows = conn.execute(select(_INSTRUMENTS).where(_INSTRUMENTS.c.symbol.in_(wanted)))
            return {row.symbol: dict(row._mapping) for row in rows}

    def search_instruments(
        self,
        *,
        q: str | None,
        type: str | None,
        exchange: str | None,
        industry: str | None,
        after: str | None,
        limit: int,
        has_bars: bool | None = None,
    ) -> list[dict[str, Any]]:
        stmt = select(_INSTRUMENTS).order_by(_INSTRUMENTS.c.symbol).limit(limit)
        if has_bars is not None:
            stored = select(_DAILY.c.symbol).where(_DAILY.c.symbol == _INSTRUMENTS.c.symbol)
            stmt = stmt.where(stored.exists() if has_bars else ~stored.exists())
        if q:
            c = _INSTRUMENTS.c
            stmt = stmt.where(
                or_(
                    c.code.startswith(q, autoescape=True),
                    c.symbol.startswith(q.upper(), autoescape=True),
                    c.name.startswith(q, autoescape=True),
                    c.pinyin.startswith(q.lower(), autoescape=True),
                )
            )
        if type:
            stmt = stmt.where(_INSTRUMENTS.c.type == type)
        if exchange:
            stmt = stmt.where(_INSTRUMENTS.c.exchange == exchange)
        if industry:
            stmt = stmt.where(_INSTRUMENTS.c.industry == industry)
        if after:
            stmt = stmt.where(_INSTRUMENTS.c.symbol > after)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(stmt)]

    def instruments_of(self, market: str, type: str) -> list[dict[str, Any]]:
        """Every instrument of one market and type (`CN`, `stock`: the A-share universe)."""
        c = _INSTRUMENTS.c
        stmt = select(_INSTRUMENTS).where(c.market == market, c.type == type).order_by(c.symbol)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(stmt)]

    def count_instruments(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(_INSTRUMENTS)).scalar_one())

    # -- dated history: factors, corporate actions, ST periods, suspensions -------------------
    def replace_history(self, table: str, symbol: str, rows: Sequence[Sequence[Any]]) -> bool:
        """Replace `symbol`'s rows of a HISTORY table with `rows` (tuples in HISTORY's column
        order) in one transaction; False, writing nothing, when they are what is stored."""
        if self.history(table, symbol) == [tuple(r) for r in rows]:
            return False
        stored = Base.metadata.tables[table]
        names = HISTORY[table]
        with self.engine.begin() as conn:
            conn.execute(delete(stored).where(stored.c.symbol == symbol))
            if rows:
                values = [{"symbol": symbol, **dict(zip(names, r, strict=True))} for r in rows]
                conn.execute(stored.insert(), values)
        return True

    def merge_history(self, table: str, symbol: str, rows: Sequence[Sequence[Any]]) -> None:
        """Add `rows` to `symbol`'s rows of a HISTORY table, a row with a stored first column
        (its date) replacing that one: for sources that only tell what holds now."""
        names = HISTORY[table]
        values = [{"symbol": symbol, **dict(zip(names, r, strict=True))} for r in rows]
        self._upsert(Base.metadata.tables[table], values, ["symbol", names[0]])

    def history(self, table: str, symbol: str) -> list[tuple[Any, ...]]:
        """`symbol`'s rows of a HISTORY table, oldest first."""
        stored = Base.metadata.tables[table]
        names = HISTORY[table]
        stmt = (
            select(*(stored.c[n] for n in names))
            .where(stored.c.symbol == symbol)
            .order_by(stored.c[names[0]])
        )
        with connect(self.engine) as conn:
            return [tuple(row) for row in conn.execute(stmt)]

    def bar_spans(self, symbols: Iterable[str]) -> dict[str, tuple[dt.date, dt.date]]:
        """The first and newest stored daily bar of each of `symbols` (absent: none)."""
        c = _DAILY.c
        stmt = (
            select(c.symbol, func.min(c.date), func.max(c.date))
            .where(c.symbol.in_(list(symbols)))
            .group_by(c.symbol)
        )
        with self.engine.connect() as conn:
            return {s: (_date(lo), _date(hi)) for s, lo, hi in conn.execute(stmt)}

    # -- daily bars ---------------------------------------------------------------------------
    def upsert_daily_bars(self, rows: Sequence[dict[str, Any]]) -> None:
        self._upsert(_DAILY, rows, ["symbol", "date"])
        self.daily_version += bool(rows)
        self._recent.clear()

    def replace_daily_bars(self, rows: Sequence[dict[str, Any]]) -> None:
        """Bulk load for sample data: one transaction, plain inserts after a delete."""
        symbols = sorted({row["symbol"] for row in rows})
        with self.engine.begin() as conn:
            conn.execute(delete(_DAILY).where(_DAILY.c.symbol.in_(symbols)))
            conn.execute(_DAILY.insert(), list(rows))
        self.daily_version += 1
        self._recent.clear()

    def daily_bars(
        self,
        symbol: str,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        after: dt.date | None = None,
        limit: int | None = None,
    ) -> list[DailyBar]:
        c = _DAILY.c
        stmt = (
            select(c.date, c.open, c.high, c.low, c.close, c.volume, c.amount)
            .where(c.symbol == symbol)
            .order_by(c.date)
        )
        if start is not None:
            stmt = stmt.where(c.date >= start)
        if end is not None:
            stmt = stmt.where(c.date <= end)
        if after is not None:
            stmt = stmt.where(c.date > after)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            return [tuple(row) for row in conn.execute(stmt)]

    def daily_bar_text(
        self, symbol: str, *, start: dt.date | None = None, end: dt.date | None = None
    ) -> Sequence[tuple[str, float, float, float, float, int, float]]:
        """`daily_bars` with the date as ISO text, for the bars hot path: skipping a date object
        per row halves the read, and NumPy builds its dates from text 20x faster. Rows are
        SQLAlchemy's tuple-like rows, not copied into tuples."""
        c = _DAILY.c
        stmt = (
            select(cast(c.date, String), c.open, c.high, c.low, c.close, c.volume, c.amount)
            .where(c.symbol == symbol)
            .order_by(c.date)
        )
        if start is not None:
            stmt = stmt.where(c.date >= start)
        if end is not None:
            stmt = stmt.where(c.date <= end)
        with self.engine.connect() as conn:
            return conn.execute(stmt).all()

    def count_daily_bars(
        self, symbols: Iterable[str], *, start: dt.date, end: dt.date
    ) -> dict[str, int]:
        """How many daily bars each of `symbols` has in [start, end] (absent: none)."""
        c = _DAILY.c
        stmt = (
            select(c.symbol, func.count())
            .where(c.symbol.in_(list(symbols)), c.date >= start, c.date <= end)
            .group_by(c.symbol)
        )
        with self.engine.connect() as conn:
            return {symbol: int(count) for symbol, count in conn.execute(stmt)}

    def recent_daily_bars(
        self, symbols: Iterable[str], count: int, *, cached: bool = False
    ) -> dict[str, list[DailyBar]]:
        """The newest `count` daily bars of each symbol, newest first, in one query. `cached`:
        from an in-process cache where it has them (paper orders price every order from the
        newest two, which change once a day), cleared by bar writes through this store; bars
        written by another process are seen within INSTRUMENT_TTL seconds."""
        if not cached:
            return self._recent_daily_bars(symbols, count)
        now = time.monotonic()
        found: dict[str, list[DailyBar]] = {}
        missing = []
        for symbol in set(symbols):
            hit = self._recent.get(symbol)
            if hit is not None and hit[0] > now and hit[1] >= count:
                if hit[2]:
                    found[symbol] = hit[2][:count]
            else:
                missing.append(symbol)
        if missing:
            wanted = max(count, 2)  # what a quote needs, whoever asks first
            fresh = self._recent_daily_bars(missing, wanted)
            if len(self._recent) >= INSTRUMENT_CACHE_SIZE:
                self._recent.clear()
            for symbol in missing:
                bars = fresh.get(symbol, [])
                self._recent[symbol] = (now + INSTRUMENT_TTL, wanted, bars)
                if bars:
                    found[symbol] = bars[:count]
        return found

    def _recent_daily_bars(self, symbols: Iterable[str], count: int) -> dict[str, list[DailyBar]]:
        c = _DAILY.c
        rank = func.row_number().over(partition_by=c.symbol, order_by=c.date.desc()).label("rank")
        ranked = (
            select(c.symbol, c.date, c.open, c.high, c.low, c.close, c.volume, c.amount, rank)
            .where(c.symbol.in_(list(set(symbols))))
            .subquery()
        )
        stmt = (
            select(*[col for col in ranked.c if col.name != "rank"])
            .where(ranked.c.rank <= count)
            .order_by(ranked.c.symbol, ranked.c.rank)
        )
        found: dict[str, list[DailyBar]] = {}
        with connect(self.engine) as conn:
            for row in conn.execute(stmt):
                found.setdefault(row[0], []).append(tuple(row[1:]))
        return found

    def daily_closes(
        self, symbols: Iterable[str], start: dt.date, end: dt.date
    ) -> dict[str, list[tuple[dt.date, float]]]:
        """Each symbol's (date, close) in [start, end], oldest first, plus its last close before
        `start` (what a day without a bar of its own is marked at), in one query."""
        c = _DAILY.c
        older = _DAILY.alias("older")
        floor = (
            select(func.max(older.c.date))
            .where(older.c.symbol == c.symbol, older.c.date <= start)
            .scalar_subquery()
        )
        stmt = (
            select(c.symbol, c.date, c.close)
            .where(
                c.symbol.in_(sorted(set(symbols))),
                c.date <= end,
                c.date >= func.coalesce(floor, start),
            )
            .order_by(c.symbol, c.date)
        )
        found: dict[str, list[tuple[dt.date, float]]] = {}
        with connect(self.engine) as conn:
            for symbol, day, close in conn.execute(stmt):
                found.setdefault(symbol, []).append((day, close))
        return found

    # -- screening ----------------------------------------------------------------------------
    def screen_universe(
        self,
        *,
        exchange: str | None = None,
        industry: str | None = None,
        type: str | None = None,
        symbols: Sequence[str] | None = None,
    ) -> list[str]:
        """The symbols of the instruments that pass every filter given, in symbol order."""
        c = _INSTRUMENTS.c
        stmt = select(c.symbol).order_by(c.symbol)
        if exchange:
            stmt = stmt.where(c.exchange == exchange)
        if industry:
            stmt = stmt.where(c.industry == industry)
        if type:
            stmt = stmt.where(c.type == type)
        if symbols is not None:
            stmt = stmt.where(c.symbol.in_(list(symbols)))
        with self.engine.connect() as conn:
            return list(conn.execute(stmt).scalars())

    def last_bar_date(self, symbols: Sequence[str], on_or_before: dt.date | None) -> dt.date | None:
        """The newest daily bar date of any of `symbols` (not after `on_or_before`)."""
        c = _DAILY.c
        stmt = select(func.max(c.date)).where(c.symbol.in_(list(symbols)))
        if on_or_before is not None:
            stmt = stmt.where(c.date <= on_or_before)
        with self.engine.connect() as conn:
            found = conn.execute(stmt).scalar()
        if isinstance(found, str):  # SQLite's max() of a date column answers text
            found = dt.date.fromisoformat(found)
        return found

    def screen_bars(
        self, symbols: Sequence[str], start: dt.date, end: dt.date, columns: Sequence[str]
    ) -> list[Any]:
        """(symbol, is the bar of `end`, *columns) of `symbols`' bars in [start, end], by symbol
        then date, in one query: only the fields a screen looks at. Filtering on the symbols
        keeps the read on the (symbol, date) key: SQLite has no index on the date alone."""
        c = _DAILY.c
        stmt = (
            select(c.symbol, (c.date == end).label("today"), *[c[name] for name in columns])
            .where(c.symbol.in_(list(symbols)), c.date >= start, c.date <= end)
            .order_by(c.symbol, c.date)
        )
        return self._plain_rows(stmt)

    def _plain_rows(self, stmt: Any) -> list[Any]:
        """The driver's own row tuples: the columns are plain floats, ints and text already, and
        NumPy reads tuples about ten times faster than SQLAlchemy's Row objects."""
        with self.engine.connect() as conn:
            result = conn.execute(stmt)
            return list(result.cursor.fetchall()) if result.cursor is not None else []

    def screen_bars_last(
        self, symbols: Sequence[str], end: dt.date, count: int, columns: Sequence[str]
    ) -> list[Any]:
        """`screen_bars`' rows of each of `symbols`' last `count` bars up to `end`, however far
        back they go (a symbol suspended for months), by symbol then date."""
        c = _DAILY.c
        rank = func.row_number().over(partition_by=c.symbol, order_by=c.date.desc()).label("rank")
        ranked = (
            select(
                c.symbol,
                (c.date == end).label("today"),
                *[c[name] for name in columns],
                c.date.label("day"),
                rank,
            )
            .where(c.symbol.in_(list(symbols)), c.date <= end)
            .subquery()
        )
        stmt = (
            select(*[col for col in ranked.c if col.name not in ("rank", "day")])
            .where(ranked.c.rank <= count)
            .order_by(ranked.c.symbol, ranked.c.day)
        )
        return self._plain_rows(stmt)

    # -- users --------------------------------------------------------------------------------
    def get_user(self, username: str) -> User | None:
        with connect(self.engine) as conn:
            row = conn.execute(select(_USERS).where(_USERS.c.username == username)).first()
        if row is None:
            return None
        created = row.created_at
        if created.tzinfo is None:  # SQLite drops the zone; we always store UTC
            created = created.replace(tzinfo=dt.UTC)
        return User(row.username, row.password_hash, row.role, created)

    def set_password_hash(self, username: str, password_hash: str) -> None:
        """Replace a user's hash (re-hashed at sign-in with today's algorithm)."""
        with self.engine.begin() as conn:
            conn.execute(
                _USERS.update()
                .where(_USERS.c.username == username)
                .values(password_hash=password_hash)
            )

    def create_user(self, username: str, password_hash: str, role: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                _USERS.insert().values(
                    username=username,
                    password_hash=password_hash,
                    role=role,
                    created_at=dt.datetime.now(dt.UTC),
                )
            )
