"""The relational store's tables, as typed SQLAlchemy ORM classes.

One module for all of them, so Alembic (`storage/migrations`) and the schema test see every
table through `Base.metadata`. Migrations, not `create_all`, build the real schema.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NoReturn

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    Integer,
    String,
    Table,
    UniqueConstraint,
    delete,
    select,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.sql import Select

from mystocks.errors import NotFound, StaleVersion


def as_utc(mapping: Any, *keys: str) -> dict[str, Any]:
    """A row as a dict with its datetime `keys` in UTC: we always store UTC, and SQLite gives
    the values back without their zone."""
    row = dict(mapping)
    for key in keys:
        value = row.get(key)
        if value is not None and value.tzinfo is None:
            row[key] = value.replace(tzinfo=dt.UTC)
    return row


def newest_first(
    table: Table,
    columns: Sequence[Any],
    *,
    owner: str | None,
    status: str | None,
    before_id: int | None,
    limit: int,
) -> Select[Any]:
    """A page of an owned, stated table (strategies, jobs), newest first: ids only grow, so
    `before_id` (the last id of the previous page) is the cursor."""
    c = table.c
    stmt = select(*columns).order_by(c.id.desc()).limit(limit)
    if owner is not None:
        stmt = stmt.where(c.owner == owner)
    if status is not None:
        stmt = stmt.where(c.status == status)
    if before_id is not None:
        stmt = stmt.where(c.id < before_id)
    return stmt


def refuse_stale(
    conn: Connection, table: Table, row_id: int, expected_version: int | None, what: str
) -> NoReturn:
    """Why a change conditional on a version matched no row of a versioned `table`: the row
    is gone (404), or it moved on to another version (412). `what`: "Strategy", "Watchlist"."""
    current = conn.execute(select(table.c.version).where(table.c.id == row_id)).scalar()
    if current is None:
        raise NotFound(f"No {what.lower()} {row_id}.")
    raise StaleVersion(
        f"{what} {row_id} is at version {current}, not {expected_version}; "
        "read it again and reapply your change."
    )


def delete_versioned(
    conn: Connection, table: Table, row_id: int, expected_version: int | None, what: str
) -> None:
    """Delete a row of a versioned `table` if it is at `expected_version` (None: any), else
    refuse as `refuse_stale` does."""
    stmt = delete(table).where(table.c.id == row_id)
    if expected_version is not None:
        stmt = stmt.where(table.c.version == expected_version)
    if conn.execute(stmt).rowcount == 0:
        refuse_stale(conn, table, row_id, expected_version, what)


class Base(DeclarativeBase):
    pass


class InstrumentRow(Base):
    __tablename__ = "instruments"

    symbol: Mapped[str] = mapped_column(String(16), primary_key=True)
    code: Mapped[str] = mapped_column(String(12), index=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    pinyin: Mapped[str] = mapped_column(String(64), index=True, default="")
    exchange: Mapped[str] = mapped_column(String(8))
    market: Mapped[str] = mapped_column(String(4))
    type: Mapped[str] = mapped_column(String(8))
    industry: Mapped[str | None] = mapped_column(String(64), index=True)
    currency: Mapped[str] = mapped_column(String(4))
    timezone: Mapped[str] = mapped_column(String(32))
    board: Mapped[str] = mapped_column(String(8))
    lot_size: Mapped[int] = mapped_column(Integer)
    tick_size: Mapped[float] = mapped_column(Float)
    price_limit_pct: Mapped[float | None] = mapped_column(Float)
    listed: Mapped[dt.date | None] = mapped_column(Date)
    # How the daily bars are stored: `raw` as traded (served none, qfq or hfq through the
    # adjustment factors), `qfq` forward-adjusted only (the shipped A-share sample), `none` as
    # the source gave them with no adjustment known (the US sample, indices).
    bars_adjust: Mapped[str] = mapped_column(String(4), server_default="qfq")


class AdjustFactorRow(Base):
    """The cumulative back-adjustment (hfq) factor from `date` on (1.0 before the first)."""

    __tablename__ = "adjust_factors"

    symbol: Mapped[str] = mapped_column(String(16), primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    factor: Mapped[float] = mapped_column(Float)


class CorporateActionRow(Base):
    """A dividend, bonus issue or conversion by ex-date, per share."""

    __tablename__ = "corporate_actions"

    symbol: Mapped[str] = mapped_column(String(16), primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    cash: Mapped[float] = mapped_column(Float)
    shares: Mapped[float] = mapped_column(Float)


class StPeriodRow(Base):
    """Flagged ST or *ST from `start` to `end` inclusive (`end` null: still flagged)."""

    __tablename__ = "st_periods"

    symbol: Mapped[str] = mapped_column(String(16), primary_key=True)
    start: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    end: Mapped[dt.date | None] = mapped_column(Date)
    flag: Mapped[str] = mapped_column(String(8))


class SuspensionRow(Base):
    """Suspended from `start` to `end` inclusive (`end` null: still suspended)."""

    __tablename__ = "suspensions"

    symbol: Mapped[str] = mapped_column(String(16), primary_key=True)
    start: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    end: Mapped[dt.date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200))


class SyncJobRow(Base):
    """A run of the market-data sync (`mystocks sync`, or an admin's sync job) and its
    data-quality report."""

    __tablename__ = "sync_jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner: Mapped[str] = mapped_column(String(64))
    runner: Mapped[str] = mapped_column(String(128))  # host:pid of the process running it
    status: Mapped[str] = mapped_column(String(16))
    request: Mapped[dict[str, Any]] = mapped_column(JSON)
    report: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    error: Mapped[str | None] = mapped_column(String(2000))
    done: Mapped[int] = mapped_column(Integer, server_default="0")  # symbols handled so far
    total: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class DailyBarRow(Base):
    __tablename__ = "daily_bars"

    symbol: Mapped[str] = mapped_column(String(16), primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    open: Mapped[float] = mapped_column(Float)
    high: Mapped[float] = mapped_column(Float)
    low: Mapped[float] = mapped_column(Float)
    close: Mapped[float] = mapped_column(Float)
    volume: Mapped[int] = mapped_column(BigInteger)
    amount: Mapped[float] = mapped_column(Float)


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class MetaRow(Base):
    """Small key/value facts about the store itself (e.g. which sample data was loaded)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(255))


class StrategyRow(Base):
    __tablename__ = "strategies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(String(2000))
    type: Mapped[str] = mapped_column(String(32))
    parameters: Mapped[dict[str, Any]] = mapped_column(JSON)
    symbols: Mapped[list[str]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), index=True)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    period: Mapped[str] = mapped_column(String(8), server_default="1d")
    live: Mapped[str] = mapped_column(String(16), server_default="stopped")
    live_since: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # auto_trade: live signals become market orders on this paper account.
    trade_account_id: Mapped[int | None] = mapped_column(Integer)
    trade_quantity: Mapped[int | None] = mapped_column(BigInteger)  # shares per buy


class SignalRow(Base):
    """A live strategy's buy or sell signal on one closed bar of one symbol."""

    __tablename__ = "strategy_signals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    strategy_id: Mapped[int] = mapped_column(Integer, index=True)
    owner: Mapped[str] = mapped_column(String(64))
    symbol: Mapped[str] = mapped_column(String(16))
    period: Mapped[str] = mapped_column(String(8))
    side: Mapped[str] = mapped_column(String(4))
    price: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(String(300))
    bar_time: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    # What auto_trade made of it: the order placed, or the reason it was refused.
    order_id: Mapped[int | None] = mapped_column(Integer)
    order_refusal: Mapped[str | None] = mapped_column(String(300))
    __table_args__ = (UniqueConstraint("strategy_id", "symbol", "bar_time", name="uq_signal_bar"),)


class BacktestRow(Base):
    """A backtest job; its results (metrics, equity curve, trades) are kept with it as JSON."""

    __tablename__ = "backtests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner: Mapped[str] = mapped_column(String(64), index=True)
    idempotency_key: Mapped[str | None] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(16), index=True)
    progress: Mapped[float] = mapped_column(Float)
    strategy_id: Mapped[int | None] = mapped_column(Integer)
    strategy: Mapped[dict[str, Any]] = mapped_column(JSON)
    symbols: Mapped[list[str]] = mapped_column(JSON)
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date] = mapped_column(Date)
    initial_cash: Mapped[float] = mapped_column(Float)
    costs: Mapped[dict[str, Any]] = mapped_column(JSON)
    metrics: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    equity: Mapped[list[Any] | None] = mapped_column(JSON)
    trades: Mapped[list[Any] | None] = mapped_column(JSON)
    error: Mapped[str | None] = mapped_column(String(2000))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    __table_args__ = (UniqueConstraint("owner", "idempotency_key", name="uq_backtests_key"),)


class TrainingJobRow(Base):
    """A parameter search; its ranked trials are kept with it as JSON."""

    __tablename__ = "training_jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner: Mapped[str] = mapped_column(String(64), index=True)
    idempotency_key: Mapped[str | None] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(16), index=True)
    progress: Mapped[float] = mapped_column(Float)
    strategy_type: Mapped[str] = mapped_column(String(32))
    search: Mapped[dict[str, Any]] = mapped_column(JSON)
    symbols: Mapped[list[str]] = mapped_column(JSON)
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date] = mapped_column(Date)
    objective: Mapped[str] = mapped_column(String(16))
    initial_cash: Mapped[float] = mapped_column(Float)
    costs: Mapped[dict[str, Any]] = mapped_column(JSON)
    trials_planned: Mapped[int] = mapped_column(Integer)
    trials: Mapped[list[Any] | None] = mapped_column(JSON)
    best_parameters: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    best_score: Mapped[float | None] = mapped_column(Float)
    error: Mapped[str | None] = mapped_column(String(2000))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    __table_args__ = (UniqueConstraint("owner", "idempotency_key", name="uq_training_key"),)


class AlertRuleRow(Base):
    """A risk alert rule; `armed` and `last_fired_at` make it fire once per crossing."""

    __tablename__ = "alert_rules"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    symbol: Mapped[str | None] = mapped_column(String(16))  # of a symbol rule
    account_id: Mapped[int | None] = mapped_column(Integer, index=True)  # of an account rule
    strategy_id: Mapped[int | None] = mapped_column(Integer)  # of a strategy rule
    threshold: Mapped[float] = mapped_column(Float)
    window: Mapped[int | None] = mapped_column(Integer)
    severity: Mapped[str] = mapped_column(String(8))
    cooldown_seconds: Mapped[int] = mapped_column(Integer)
    armed: Mapped[bool | None] = mapped_column(Boolean)
    # account_drawdown: the highest equity seen (cents), only ever raised (migration 0009).
    peak: Mapped[int | None] = mapped_column(BigInteger)
    last_fired_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class AlertRow(Base):
    __tablename__ = "alerts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    rule_id: Mapped[int] = mapped_column(Integer)
    owner: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    symbol: Mapped[str | None] = mapped_column(String(16))
    account_id: Mapped[int | None] = mapped_column(Integer)
    strategy_id: Mapped[int | None] = mapped_column(Integer)
    severity: Mapped[str] = mapped_column(String(8))
    message: Mapped[str] = mapped_column(String(300))
    value: Mapped[float] = mapped_column(Float)
    threshold: Mapped[float] = mapped_column(Float)
    fired_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


# Paper trading: money and prices in integer cents (exact; fees round half-up to the fen).
class PaperAccountRow(Base):
    """A paper account. `cash` is what is free to spend; `frozen_cash` is held by open buys."""

    __tablename__ = "paper_accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(100))
    currency: Mapped[str] = mapped_column(String(4))
    initial_cash: Mapped[int] = mapped_column(BigInteger)
    cash: Mapped[int] = mapped_column(BigInteger)
    frozen_cash: Mapped[int] = mapped_column(BigInteger)
    realized_pnl: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    # The account's own pre-trade limits; null: the server's `paper_*` setting applies.
    max_order_value: Mapped[int | None] = mapped_column(BigInteger)
    max_position_value: Mapped[int | None] = mapped_column(BigInteger)
    daily_loss_limit: Mapped[int | None] = mapped_column(BigInteger)
    __table_args__ = (CheckConstraint("cash >= 0 AND frozen_cash >= 0", name="ck_paper_cash"),)


class PaperPositionRow(Base):
    """Shares of one symbol in one account; `bought_today` (bought on `bought_day`) cannot be
    sold that day (T+1), `frozen` are held by open sells."""

    __tablename__ = "paper_positions"

    account_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    symbol: Mapped[str] = mapped_column(String(16), primary_key=True)
    quantity: Mapped[int] = mapped_column(BigInteger)
    frozen: Mapped[int] = mapped_column(BigInteger)
    bought_today: Mapped[int] = mapped_column(BigInteger)
    bought_day: Mapped[dt.date | None] = mapped_column(Date)
    cost: Mapped[int] = mapped_column(BigInteger)  # cents paid for what is held, fees included
    realized_pnl: Mapped[int] = mapped_column(BigInteger)
    __table_args__ = (
        CheckConstraint("quantity >= 0 AND frozen >= 0", name="ck_paper_position_quantity"),
    )


class PaperOrderRow(Base):
    __tablename__ = "paper_orders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[int] = mapped_column(Integer, index=True)
    owner: Mapped[str] = mapped_column(String(64), index=True)
    idempotency_key: Mapped[str] = mapped_column(String(128))
    symbol: Mapped[str] = mapped_column(String(16), index=True)
    side: Mapped[str] = mapped_column(String(4))
    type: Mapped[str] = mapped_column(String(8))
    quantity: Mapped[int] = mapped_column(BigInteger)
    limit_price: Mapped[int | None] = mapped_column(BigInteger)
    limit_up: Mapped[int | None] = mapped_column(BigInteger)  # the day's band when accepted
    limit_down: Mapped[int | None] = mapped_column(BigInteger)
    filled_quantity: Mapped[int] = mapped_column(BigInteger)
    filled_value: Mapped[int] = mapped_column(BigInteger)
    fees: Mapped[int] = mapped_column(BigInteger)
    frozen_cash: Mapped[int] = mapped_column(BigInteger)  # still held for this buy
    status: Mapped[str] = mapped_column(String(20), index=True)
    trading_day: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    strategy_id: Mapped[int | None] = mapped_column(Integer, index=True)  # placed by auto_trade
    __table_args__ = (UniqueConstraint("owner", "idempotency_key", name="uq_paper_orders_key"),)


class PaperOrderEventRow(Base):
    """Every status an order went through, with its time."""

    __tablename__ = "paper_order_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    order_id: Mapped[int] = mapped_column(Integer, index=True)
    status: Mapped[str] = mapped_column(String(20))
    filled_quantity: Mapped[int] = mapped_column(BigInteger)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class PaperTradeRow(Base):
    __tablename__ = "paper_trades"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[int] = mapped_column(Integer, index=True)
    order_id: Mapped[int] = mapped_column(Integer, index=True)
    symbol: Mapped[str] = mapped_column(String(16))
    side: Mapped[str] = mapped_column(String(4))
    price: Mapped[int] = mapped_column(BigInteger)
    quantity: Mapped[int] = mapped_column(BigInteger)
    commission: Mapped[int] = mapped_column(BigInteger)
    stamp_duty: Mapped[int] = mapped_column(BigInteger)
    realized_pnl: Mapped[int | None] = mapped_column(BigInteger)
    tick_time: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class WatchlistRow(Base):
    """A user's named list of instruments; `version` is bumped by every change, items included."""

    __tablename__ = "watchlists"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class WatchlistItemRow(Base):
    """One instrument of a watchlist; `position` is its 0-based place, kept dense."""

    __tablename__ = "watchlist_items"

    watchlist_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    symbol: Mapped[str] = mapped_column(String(16), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(String(200))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ApiKeyRow(Base):
    """A program's key: `key_id` is public (sent with every signed request), `secret` is the
    HMAC secret encrypted with Fernet (it must be recovered to check signatures, so it cannot
    be hashed). A revoked key keeps its row, so the audit trail can still name it."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key_id: Mapped[str] = mapped_column(String(32), unique=True)
    owner: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(100))
    scopes: Mapped[list[str]] = mapped_column(JSON)
    secret: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class ScreenRow(Base):
    """A user's saved screen; `condition` is the contract's ScreenCondition, checked on save."""

    __tablename__ = "screens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(String(500))
    condition: Mapped[dict[str, Any]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class AuditRow(Base):
    """Who did what to which resource, from where, with what outcome (`services.audit`).
    Rows are only ever added; ids only grow, so they page newest first like the others."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    actor: Mapped[str] = mapped_column(String(64), index=True)
    actor_kind: Mapped[str] = mapped_column(String(16))  # user, api_key, system
    key_id: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64), index=True)
    target_type: Mapped[str | None] = mapped_column(String(32))
    target_id: Mapped[str | None] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16))
    client_ip: Mapped[str | None] = mapped_column(String(64))
    request_id: Mapped[str | None] = mapped_column(String(128))
    details: Mapped[dict[str, Any]] = mapped_column(JSON)
