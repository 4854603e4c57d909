"""Paper trading's writes: accounts, positions, orders (with their status history) and trades.

Every change of money or shares is one transaction that either happens whole or not at all:
* accepting an order inserts it (the unique (owner, Idempotency-Key) finds a repeat) and
  freezes its cash or shares with a conditional UPDATE (`cash >= need`), so concurrent orders
  on one account can never overspend it, with no lock held between read and write;
* a fill (`fill`) moves the order, the position, the trade log and the account's cash together,
  as the pure `model.apply_fill` computes them from the rows it read under lock.
Amounts are integer cents.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from sqlalchemy import bindparam, case, func, insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from mystocks.adapters.sql.scope import begin, connect
from mystocks.adapters.sql.tables import Base, as_utc, newest_first
from mystocks.errors import OrderRefused
from mystocks.trading.model import OPEN, Account, Fill, Order, Position, Trade, apply_fill

ACCOUNTS = Base.metadata.tables["paper_accounts"]
POSITIONS = Base.metadata.tables["paper_positions"]
ORDERS = Base.metadata.tables["paper_orders"]
EVENTS = Base.metadata.tables["paper_order_events"]
TRADES = Base.metadata.tables["paper_trades"]


class DuplicateOrder(Exception):
    """An order with this (owner, Idempotency-Key) exists: the transaction that tried to insert
    it is spoiled (PostgreSQL refuses anything more in it), so the caller rolls back, then reads
    the first order (`find_by_key`)."""


# The statements every order runs, built once with bound parameters: building a Core
# statement and computing its cache key per call cost more than running it.
_ACCOUNT = select(ACCOUNTS).where(ACCOUNTS.c.id == bindparam("b_id"))
_ACCOUNT_LOCKED = _ACCOUNT.with_for_update()
_HOLDING_LOCKED = (
    select(POSITIONS)
    .where(
        POSITIONS.c.account_id == bindparam("b_account"),
        POSITIONS.c.symbol == bindparam("b_symbol"),
    )
    .with_for_update()
)
_BY_KEY = select(ORDERS).where(
    ORDERS.c.owner == bindparam("b_owner"), ORDERS.c.idempotency_key == bindparam("b_key")
)
_POSITIONS = (
    select(POSITIONS)
    .where(POSITIONS.c.account_id == bindparam("b_account"))
    .order_by(POSITIONS.c.symbol)
)
_PENDING_BUYS = select(
    func.coalesce(func.sum(ORDERS.c.quantity - ORDERS.c.filled_quantity), 0)
).where(
    ORDERS.c.account_id == bindparam("b_account"),
    ORDERS.c.symbol == bindparam("b_symbol"),
    ORDERS.c.side == "buy",
    ORDERS.c.status.in_(OPEN),
)
_HISTORY = (
    select(EVENTS)
    .where(EVENTS.c.order_id.in_(bindparam("b_ids", expanding=True)))
    .order_by(EVENTS.c.id)
)
_OPEN_ORDERS = (
    select(ORDERS)
    .where(ORDERS.c.symbol.in_(bindparam("b_symbols", expanding=True)), ORDERS.c.status.in_(OPEN))
    .order_by(ORDERS.c.id)
)
_TRADES_AFTER = select(func.max(TRADES.c.id), func.min(TRADES.c.tick_time)).where(
    TRADES.c.account_id == bindparam("b_account"), TRADES.c.id > bindparam("b_after")
)
_EVENT = insert(EVENTS)


def _utc(row: Any) -> dict[str, Any]:
    return as_utc(row._mapping, "created_at", "updated_at", "at", "tick_time")


class PaperStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- accounts -----------------------------------------------------------------------------
    def create_account(
        self, owner: str, name: str, currency: str, cash: int, limits: dict[str, int | None]
    ) -> dict[str, Any]:
        """`limits`: the account's own max_order_value, max_position_value, daily_loss_limit
        (cents; None where the setting applies)."""
        values = limits | {
            "owner": owner,
            "name": name,
            "currency": currency,
            "initial_cash": cash,
            "cash": cash,
            "frozen_cash": 0,
            "realized_pnl": 0,
            "created_at": dt.datetime.now(dt.UTC),
        }
        with begin(self.engine) as conn:
            new = conn.execute(insert(ACCOUNTS).values(**values)).inserted_primary_key
            assert new is not None
            return _utc(conn.execute(select(ACCOUNTS).where(ACCOUNTS.c.id == new[0])).one())

    def get_account(self, account_id: int) -> dict[str, Any] | None:
        with connect(self.engine) as conn:
            row = conn.execute(_ACCOUNT, {"b_id": account_id}).first()
        return None if row is None else _utc(row)

    def page_accounts(
        self, *, owner: str | None, before_id: int | None, limit: int
    ) -> list[dict[str, Any]]:
        stmt = newest_first(
            ACCOUNTS, [ACCOUNTS], owner=owner, status=None, before_id=before_id, limit=limit
        )
        with connect(self.engine) as conn:
            return [_utc(r) for r in conn.execute(stmt)]

    def positions(self, account_id: int, symbol: str | None = None) -> list[dict[str, Any]]:
        stmt = _POSITIONS if symbol is None else _POSITIONS.where(POSITIONS.c.symbol == symbol)
        with connect(self.engine) as conn:
            return [_utc(r) for r in conn.execute(stmt, {"b_account": account_id})]

    def page_trades(
        self, account_id: int, *, before_id: int | None, limit: int
    ) -> list[dict[str, Any]]:
        stmt = newest_first(
            TRADES, [TRADES], owner=None, status=None, before_id=before_id, limit=limit
        ).where(TRADES.c.account_id == account_id)
        with connect(self.engine) as conn:
            return [_utc(r) for r in conn.execute(stmt)]

    def strategy_flows(self, strategy_id: int) -> dict[str, tuple[int, int]]:
        """Per symbol, what the orders a strategy placed (auto_trade) did: (net shares bought,
        net cash paid in cents, fees included), in one aggregate query."""
        t, o = TRADES.c, ORDERS.c
        buy = t.side == "buy"
        value = t.price * t.quantity
        shares = func.sum(case((buy, t.quantity), else_=-t.quantity))
        paid = func.sum(
            case((buy, value + t.commission), else_=-value + t.commission + t.stamp_duty)
        )
        stmt = (
            select(t.symbol, shares, paid)
            .join(ORDERS, o.id == t.order_id)
            .where(o.strategy_id == strategy_id)
            .group_by(t.symbol)
        )
        with connect(self.engine) as conn:
            return {row[0]: (int(row[1]), int(row[2])) for row in conn.execute(stmt)}

    def trades(self, account_id: int) -> list[dict[str, Any]]:
        """Every trade of the account in the order it happened (for its equity history)."""
        c = TRADES.c
        stmt = (
            select(
                c.id, c.symbol, c.side, c.price, c.quantity, c.commission, c.stamp_duty, c.tick_time
            )
            .where(c.account_id == account_id)
            .order_by(c.tick_time, c.id)
        )
        with connect(self.engine) as conn:
            return [_utc(r) for r in conn.execute(stmt)]

    def trades_after(self, account_id: int, after_id: int) -> tuple[int, dt.datetime] | None:
        """(newest id, earliest tick_time) of the account's trades with an id above
        `after_id`, None when there are none: what tells a cached previous close whether a
        trade of an earlier day came in since (only today's trades follow, as a rule)."""
        with connect(self.engine) as conn:
            params = {"b_account": account_id, "b_after": after_id}
            newest, earliest = conn.execute(_TRADES_AFTER, params).one()
        return None if newest is None else (newest, as_utc({"t": earliest}, "t")["t"])

    # -- orders -------------------------------------------------------------------------------
    def place(
        self,
        order: dict[str, Any],
        *,
        freeze_cash: int,
        day: dt.date,
    ) -> dict[str, Any]:
        """Accept `order` (status new) and freeze what it needs: `freeze_cash` cents of a buy,
        the shares of a sell. OrderRefused when the cash or the sellable shares are short;
        DuplicateOrder when its (owner, idempotency_key) was used (a race the caller's read of
        the key lost). Inside a unit of work, it is part of the unit's transaction."""
        now = dt.datetime.now(dt.UTC)
        values = order | {
            "filled_quantity": 0,
            "filled_value": 0,
            "fees": 0,
            "frozen_cash": freeze_cash,
            "status": "new",
            "trading_day": day,
            "created_at": now,
            "updated_at": now,
        }
        try:
            with begin(self.engine) as conn:
                # The order first: a repeated key fails here, before anything is frozen twice.
                row = conn.execute(insert(ORDERS).values(**values).returning(*ORDERS.c)).one()
                if order["side"] == "buy":
                    self._freeze_cash(conn, order["account_id"], freeze_cash)
                else:
                    self._freeze_shares(conn, order, day)
                self._event(conn, row.id, "new", 0, now)
            return _utc(row)
        except IntegrityError as exc:  # the caller finds out whether it was the key
            raise DuplicateOrder(order["idempotency_key"]) from exc

    @staticmethod
    def _freeze_cash(conn: Connection, account_id: int, amount: int) -> None:
        c = ACCOUNTS.c
        done = conn.execute(
            update(ACCOUNTS)
            .where(c.id == account_id, c.cash >= amount)
            .values(cash=c.cash - amount, frozen_cash=c.frozen_cash + amount)
        ).rowcount
        if not done:
            raise OrderRefused(
                "insufficient_cash",
                f"The order and its fees need {amount / 100:.2f} of free cash.",
                "quantity",
            )

    @staticmethod
    def _freeze_shares(conn: Connection, order: dict[str, Any], day: dt.date) -> None:
        c = POSITIONS.c
        locked = case((c.bought_day == day, c.bought_today), else_=0)
        mine = (c.account_id == order["account_id"], c.symbol == order["symbol"])
        qty = order["quantity"]
        done = conn.execute(
            update(POSITIONS)
            .where(*mine, c.quantity - c.frozen - locked >= qty)
            .values(frozen=c.frozen + qty)
        ).rowcount
        if done:
            return
        held = conn.execute(select(c.quantity - c.frozen).where(*mine)).scalar() or 0
        if held >= qty:
            raise OrderRefused(
                "t_plus_one",
                "Shares bought today can be sold from the next trading day.",
                "quantity",
            )
        raise OrderRefused("insufficient_shares", f"Only {held} shares can be sold.", "quantity")

    @staticmethod
    def _event(conn: Connection, order_id: int, status: str, filled: int, at: dt.datetime) -> None:
        values = {"order_id": order_id, "status": status, "filled_quantity": filled, "at": at}
        conn.execute(_EVENT, values)

    def find_by_key(self, owner: str, key: str) -> dict[str, Any] | None:
        with connect(self.engine) as conn:
            row = conn.execute(_BY_KEY, {"b_owner": owner, "b_key": key}).first()
        return None if row is None else _utc(row)

    def get_order(self, order_id: int) -> dict[str, Any] | None:
        with connect(self.engine) as conn:
            row = conn.execute(select(ORDERS).where(ORDERS.c.id == order_id)).first()
        return None if row is None else _utc(row)

    def history(self, order_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
        """Each order's status changes, oldest first, in one query."""
        out: dict[int, list[dict[str, Any]]] = {i: [] for i in order_ids}
        with connect(self.engine) as conn:
            for row in conn.execute(_HISTORY, {"b_ids": order_ids}):
                out[row.order_id].append(_utc(row))
        return out

    def page_orders(
        self, *, filters: dict[str, Any], before_id: int | None, limit: int
    ) -> list[dict[str, Any]]:
        """Newest first; `filters` are column = value (owner, account_id, symbol, status)."""
        stmt = newest_first(
            ORDERS, [ORDERS], owner=None, status=None, before_id=before_id, limit=limit
        )
        for name, value in filters.items():
            if value is not None:
                stmt = stmt.where(ORDERS.c[name] == value)
        with connect(self.engine) as conn:
            return [_utc(r) for r in conn.execute(stmt)]

    def open_orders(self, symbols: list[str]) -> list[dict[str, Any]]:
        with connect(self.engine) as conn:
            return [_utc(r) for r in conn.execute(_OPEN_ORDERS, {"b_symbols": symbols})]

    def pending_buys(self, account_id: int, symbol: str) -> int:
        """The shares the account's open buys of `symbol` have yet to fill."""
        with connect(self.engine) as conn:
            params = {"b_account": account_id, "b_symbol": symbol}
            return int(conn.execute(_PENDING_BUYS, params).scalar_one())

    def open_orders_before(self, day: dt.date) -> list[dict[str, Any]]:
        """Open orders of a trading day before `day`, oldest first (day orders due to expire)."""
        c = ORDERS.c
        stmt = select(ORDERS).where(c.status.in_(OPEN), c.trading_day < day).order_by(c.id)
        with connect(self.engine) as conn:
            return [_utc(r) for r in conn.execute(stmt)]

    def close(self, order_id: int, status: str) -> dict[str, Any] | None:
        """End an open order (cancelled, expired) and release what it still holds; None when
        it was no longer open (filled or ended meanwhile).

        The UPDATE is conditional on the order as read (open, at its fill), like a fill's: of
        several instances ending it at once, or a fill racing the end, exactly one changes it
        and its holdings are released once, also on SQLite, where FOR UPDATE locks nothing.
        An end that lost to a fill reads the order again."""
        c = ORDERS.c
        while True:
            now = dt.datetime.now(dt.UTC)
            with begin(self.engine) as conn:
                order = conn.execute(
                    select(ORDERS).where(c.id == order_id, c.status.in_(OPEN)).with_for_update()
                ).first()
                if order is None:
                    return None
                changed = conn.execute(
                    update(ORDERS)
                    .where(
                        c.id == order_id,
                        c.status.in_(OPEN),
                        c.filled_quantity == order.filled_quantity,
                    )
                    .values(status=status, frozen_cash=0, updated_at=now)
                ).rowcount
                if changed:
                    self._release(conn, order._mapping, order.frozen_cash)
                    self._event(conn, order_id, status, order.filled_quantity, now)
                    return _utc(conn.execute(select(ORDERS).where(c.id == order_id)).one())

    @staticmethod
    def _release(conn: Connection, order: Any, cash: int) -> None:
        """Give back what an ending order still holds: its frozen cash, or its unsold shares."""
        if order["side"] == "buy":
            a = ACCOUNTS.c
            conn.execute(
                update(ACCOUNTS)
                .where(a.id == order["account_id"])
                .values(cash=a.cash + cash, frozen_cash=a.frozen_cash - cash)
            )
        else:
            p = POSITIONS.c
            rest = order["quantity"] - order["filled_quantity"]
            conn.execute(
                update(POSITIONS)
                .where(p.account_id == order["account_id"], p.symbol == order["symbol"])
                .values(frozen=p.frozen - rest)
            )

    # -- fills --------------------------------------------------------------------------------
    def fill(
        self, order: dict[str, Any], fill: Fill
    ) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """Apply one fill of `order` (as read, at its `filled_quantity`): the order, the
        position, the trade and the account's cash in ONE transaction, as `model.apply_fill`
        computes them. None when the order changed meanwhile (another instance filled it, or it
        was cancelled): nothing is done.

        The order is claimed first, with an UPDATE conditional on it as read: of several
        instances filling it at once exactly one goes on, and on SQLite that first write takes
        the database's write lock, so what is read next cannot change before the commit. On
        PostgreSQL the account, then the position, are read FOR UPDATE (every writer of a
        position that reads first locks its account first: no deadlock)."""
        now = dt.datetime.now(dt.UTC)
        o = ORDERS.c
        with begin(self.engine) as conn:
            claimed = conn.execute(
                update(ORDERS)
                .where(
                    o.id == order["id"],
                    o.status.in_(OPEN),
                    o.filled_quantity == order["filled_quantity"],
                )
                .values(updated_at=now)
                .returning(*ORDERS.c)
            ).first()
            if claimed is None:
                return None
            mine = (
                POSITIONS.c.account_id == claimed.account_id,
                POSITIONS.c.symbol == claimed.symbol,
            )
            account = conn.execute(_ACCOUNT_LOCKED, {"b_id": claimed.account_id}).one()
            where = {"b_account": claimed.account_id, "b_symbol": claimed.symbol}
            held = conn.execute(_HOLDING_LOCKED, where).first()
            after, position, funds, trade = apply_fill(
                Order.of(dict(claimed._mapping)),
                None if held is None else Position.of(dict(held._mapping)),
                Account.of(dict(account._mapping)),
                fill,
            )
            row = conn.execute(
                update(ORDERS)
                .where(o.id == after.id)
                .values(
                    filled_quantity=after.filled_quantity,
                    filled_value=after.filled_value,
                    fees=after.fees,
                    frozen_cash=after.frozen_cash,
                    status=after.status,
                )
                .returning(*ORDERS.c)
            ).one()
            self._event(conn, after.id, after.status, after.filled_quantity, now)
            if held is None:
                conn.execute(insert(POSITIONS).values(**asdict(position)))
            else:
                conn.execute(update(POSITIONS).where(*mine).values(**asdict(position)))
            logged = self._insert_trade(conn, trade, now)
            a = ACCOUNTS.c
            conn.execute(
                update(ACCOUNTS)
                .where(a.id == funds.id)
                .values(
                    cash=funds.cash, frozen_cash=funds.frozen_cash, realized_pnl=funds.realized_pnl
                )
            )
        return _utc(row), logged

    @staticmethod
    def _insert_trade(conn: Connection, trade: Trade, now: dt.datetime) -> dict[str, Any]:
        values = asdict(trade) | {"created_at": now}
        return _utc(conn.execute(insert(TRADES).values(**values).returning(*TRADES.c)).one())
