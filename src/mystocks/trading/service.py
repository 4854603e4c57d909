"""Paper trading use cases: accounts and orders (owners see theirs, admins all).

An order is checked before it is accepted, each refusal an `OrderRefused` with its reason code:
the trading session, board lots (`rules.lot_problem`), the 0.01 tick, the day's limit band (from
the quote's prev_close, as the quotes endpoint computes it), the pre-trade limits from settings,
then, atomically in the store, the cash for the order plus its fees (frozen while it is open) or
the shares sellable today (T+1). Fills are `mystocks.trading.matching`'s.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, cast

from mystocks_contract import typeddicts as td

from mystocks.adapters.bus import EventBus
from mystocks.adapters.manager import UnifiedManager
from mystocks.adapters.uow import SqlUnitOfWork, UnitOfWork
from mystocks.domain import paging
from mystocks.domain.calendar import trading_days
from mystocks.domain.ranges import check_range, parse_date
from mystocks.domain.rules import Costs, Fees, commission, to_cents, yuan
from mystocks.errors import NotFound, OrderRefused, PreconditionRequired
from mystocks.identity.audit import AuditLog
from mystocks.identity.auth import Principal
from mystocks.market.quotes import build_quotes
from mystocks.settings import Settings
from mystocks.trading.checks import LIMITS, Limits, check_order, check_session
from mystocks.trading.equity import Mark, PreviousClose, present_equity, replay
from mystocks.trading.present import CN, available, order_details, present_order, present_trade
from mystocks.trading.store import DuplicateOrder, PaperStore

SESSIONS = ((dt.time(9, 30), dt.time(11, 30)), (dt.time(13, 0), dt.time(15, 0)))
PREVIOUS_CLOSE_TTL = 60.0  # seconds; like the instrument cache's (storage.relational)
PREVIOUS_CLOSE_CACHE_SIZE = 10_000


def _maybe_yuan(cents: int | None) -> float | None:
    return None if cents is None else yuan(cents)


@dataclass(frozen=True)
class Valuation:
    """An account marked to market, in cents: each position (its stored row plus `last`, its
    latest trade or None, and `value`, quantity x last, or its cost while it has no price)."""

    account: dict[str, Any]
    positions: list[dict[str, Any]]

    @property
    def market_value(self) -> int:
        return sum(p["value"] for p in self.positions)

    @property
    def unrealized_pnl(self) -> int:
        return sum(p["value"] - p["cost"] for p in self.positions)

    @property
    def equity(self) -> int:
        return int(self.account["cash"] + self.account["frozen_cash"]) + self.market_value


def trading_day(now: dt.datetime | None = None) -> dt.date:
    return (now or dt.datetime.now(dt.UTC)).astimezone(CN).date()


class PaperService:
    def __init__(
        self,
        store: PaperStore,
        data: UnifiedManager,
        settings: Settings,
        bus: EventBus | None = None,
        costs: Costs | None = None,
        audit: AuditLog | None = None,
        uow: Callable[[], UnitOfWork] | None = None,
    ) -> None:
        self.bus = bus
        self.store = store
        self.data = data
        self.settings = settings
        self.fees = Fees.of(costs or Costs())
        self._previous_close: dict[int, PreviousClose] = {}  # account id ->
        # Every order placed, refused or cancelled gets a line, placed and cancelled ones in
        # the order's own transaction.
        self.audit = audit
        # Each change of orders, positions and cash is one unit of work (`adapters.uow`).
        self.uow: Callable[[], UnitOfWork] = uow or (
            lambda: SqlUnitOfWork(self.store.engine, self.bus)
        )

    # -- accounts -----------------------------------------------------------------------------
    def visible_account(self, principal: Principal, account_id: int) -> dict[str, Any]:
        row = self.store.get_account(account_id)
        # Someone else's account is "not found", not "forbidden": ids are not secrets to probe.
        if row is None or (principal.role != "admin" and row["owner"] != principal.username):
            raise NotFound(f"No account {account_id}.")
        return row

    def create_account(self, principal: Principal, body: td.AccountInput) -> td.Account:
        principal.require("trader")
        amounts: dict[str, int | None] = {}
        for name in ("initial_cash", *LIMITS):
            try:
                value = cast(float | None, body.get(name))
                amounts[name] = None if value is None else to_cents(float(value), name)
            except ValueError as exc:
                raise OrderRefused(name, str(exc), name) from None
        cash = amounts.pop("initial_cash")
        assert cash is not None  # required by the contract
        row = self.store.create_account(principal.username, body["name"], "CNY", cash, amounts)
        return self._present_account(row)

    def get_account(self, principal: Principal, account_id: int) -> td.Account:
        return self._present_account(self.visible_account(principal, account_id))

    def list_accounts(
        self, principal: Principal, *, cursor: str | None, limit: int
    ) -> td.AccountPage:
        before = paging.decode_id("accounts", cursor)
        owner = None if principal.role == "admin" else principal.username
        rows = self.store.page_accounts(owner=owner, before_id=before, limit=limit + 1)
        items = [self._present_account(r) for r in rows]
        return cast(td.AccountPage, paging.id_page("accounts", items, limit))

    def last_prices(self, symbols: list[str]) -> dict[str, int]:
        """The latest trade of each symbol in cents: its newest tick, else its last close."""
        ticks = self.data.timeseries.latest_ticks(symbols)
        daily = self.data.relational.recent_daily_bars(symbols, 1, cached=True)
        out = {s: round(bars[0][4] * 100) for s, bars in daily.items() if bars}
        out.update({s: round(tick[1] * 100) for s, tick in ticks.items()})
        return out

    def valuation(
        self, row: dict[str, Any], positions: list[dict[str, Any]] | None = None
    ) -> Valuation:
        """The account `row` marked to market: what its presentation, risk alerts and the
        dashboard all read, so they agree to the cent. `positions`: its stored positions, when
        the caller has just read them."""
        if positions is None:
            positions = self.store.positions(row["id"])
        prices = self.last_prices([r["symbol"] for r in positions]) if positions else {}
        marked = []
        for r in positions:
            last = prices.get(r["symbol"])
            value = r["quantity"] * last if last is not None else r["cost"]
            marked.append(r | {"last": last, "value": value})
        return Valuation(row, marked)

    @staticmethod
    def _positions(valued: Valuation) -> list[dict[str, Any]]:
        day = trading_day()
        out = []
        for r in valued.positions:
            out.append(
                {
                    "symbol": r["symbol"],
                    "quantity": r["quantity"],
                    "available": available(r, day),
                    "cost": yuan(r["cost"]),
                    "avg_cost": round(r["cost"] / r["quantity"] / 100, 4) if r["quantity"] else 0,
                    "last_price": None if r["last"] is None else yuan(r["last"]),
                    "market_value": yuan(r["value"]),
                    "unrealized_pnl": yuan(r["value"] - r["cost"]),
                    "realized_pnl": yuan(r["realized_pnl"]),
                }
            )
        return out

    def strategy_pnl(
        self, strategy_id: int, flows: dict[str, tuple[int, int]] | None = None
    ) -> int:
        """The P&L in cents of the orders a strategy placed (auto_trade): cash received minus
        cash paid (fees included), plus what the shares it still holds are worth now."""
        if flows is None:
            flows = self.store.strategy_flows(strategy_id)
        prices = self.last_prices(list(flows)) if flows else {}
        return sum(
            shares * prices.get(symbol, 0) - paid for symbol, (shares, paid) in flows.items()
        )

    def sellable(self, account_id: int, symbol: str) -> int:
        """The shares of `symbol` the account can sell now (T+1 and open sells counted)."""
        held = self.store.positions(account_id, symbol)
        return available(held[0], trading_day()) if held else 0

    def list_positions(self, principal: Principal, account_id: int) -> td.PositionList:
        valued = self.valuation(self.visible_account(principal, account_id))
        return cast(td.PositionList, {"items": self._positions(valued)})

    def get_account_equity(
        self, principal: Principal, account_id: int, *, start: str | None, end: str | None
    ) -> td.AccountEquity:
        row = self.visible_account(principal, account_id)
        lo, hi = parse_date("start", start), parse_date("end", end)
        check_range(lo, hi)
        return present_equity(row["id"], row["initial_cash"], self.equity_marks(row), lo, hi)

    def equity_marks(self, row: dict[str, Any], now: dt.datetime | None = None) -> list[Mark]:
        """The account at each trading day's close from its first day (`paper_equity`), the
        last (today, or the last trading day before it) as it is now; a few queries whatever
        the number of days."""
        today = trading_day(now)
        days, _, marks = self._past_marks(row, today)
        now_value = self.valuation(row).market_value
        marks.append(Mark(days[-1] if days else today, row["cash"] + row["frozen_cash"], now_value))
        return marks

    def _past_marks(
        self, row: dict[str, Any], today: dt.date
    ) -> tuple[list[dt.date], list[dict[str, Any]], list[Mark]]:
        """(trading days from the account's first to `today`'s or the last before it, the
        account's trades, its marks at the close of each of those days but the last)."""
        first = trading_day(row["created_at"])
        days = trading_days("XSHG", first, today) if first <= today else []
        past = days[:-1]
        trades = [t | {"day": trading_day(t["tick_time"])} for t in self.store.trades(row["id"])]
        symbols = {t["symbol"] for t in trades}
        closes = self.data.relational.daily_closes(symbols, first, past[-1]) if past else {}
        return days, trades, replay(row["initial_cash"], trades, closes, past)

    def previous_close(self, row: dict[str, Any], now: dt.datetime | None = None) -> int:
        """The account's equity at the previous trading day's close in cents (the newest but
        one point of `equity_marks`; the initial cash on its first day), kept in process
        (`PreviousClose`): a buy then costs one small query here, not a replay of every trade."""
        today, clock = trading_day(now), time.monotonic()
        bars = self.data.relational.daily_version
        hit = self._previous_close.get(row["id"])
        if hit is not None and hit.day == today and hit.bars == bars and hit.expires > clock:
            if hit.end is None:
                return hit.equity
            newer = self.store.trades_after(row["id"], hit.seen)
            if newer is None:
                return hit.equity
            if newer[1] >= hit.end:  # today's trades only: the close before stands
                self._previous_close[row["id"]] = replace(hit, seen=newer[0])
                return hit.equity
        days, trades, marks = self._past_marks(row, today)
        if marks:
            end = dt.datetime.combine(days[-2] + dt.timedelta(days=1), dt.time(0), CN)
            seen = max((t["id"] for t in trades), default=0)
            base = PreviousClose(
                today, bars, clock + PREVIOUS_CLOSE_TTL, end, seen, marks[-1].equity
            )
        else:
            base = PreviousClose(
                today, bars, clock + PREVIOUS_CLOSE_TTL, None, 0, row["initial_cash"]
            )
        if len(self._previous_close) >= PREVIOUS_CLOSE_CACHE_SIZE:
            self._previous_close.clear()
        self._previous_close[row["id"]] = base
        return base.equity

    def daily_loss(self, row: dict[str, Any], positions: list[dict[str, Any]] | None = None) -> int:
        """How far the account is below the previous trading day's close, in cents (negative:
        a gain): the newest point of its equity history against the one before, or against
        the initial cash on its first day. `positions` as for `valuation`."""
        return self.previous_close(row) - self.valuation(row, positions).equity

    def _present_account(self, row: dict[str, Any]) -> td.Account:
        valued = self.valuation(row)
        return {
            "id": row["id"],
            "owner": row["owner"],
            "name": row["name"],
            "currency": row["currency"],
            "initial_cash": yuan(row["initial_cash"]),
            "cash": yuan(row["cash"]),
            "frozen_cash": yuan(row["frozen_cash"]),
            "market_value": yuan(valued.market_value),
            "equity": yuan(valued.equity),
            "realized_pnl": yuan(row["realized_pnl"]),
            "unrealized_pnl": yuan(valued.unrealized_pnl),
            "max_order_value": _maybe_yuan(row["max_order_value"]),
            "max_position_value": _maybe_yuan(row["max_position_value"]),
            "daily_loss_limit": _maybe_yuan(row["daily_loss_limit"]),
            "created_at": row["created_at"].isoformat(),
        }

    def list_trades(
        self, principal: Principal, account_id: int, *, cursor: str | None, limit: int
    ) -> td.PaperTradePage:
        self.visible_account(principal, account_id)
        before = paging.decode_id("trades", cursor)
        rows = self.store.page_trades(account_id, before_id=before, limit=limit + 1)
        items = [present_trade(r) for r in rows]
        return cast(td.PaperTradePage, paging.id_page("trades", items, limit))

    # -- orders -------------------------------------------------------------------------------
    def get_order(self, principal: Principal, order_id: int) -> td.Order:
        return self.present_order(self._order(principal, order_id))

    def _order(self, principal: Principal, order_id: int) -> dict[str, Any]:
        row = self.store.get_order(order_id)
        if row is None or (principal.role != "admin" and row["owner"] != principal.username):
            raise NotFound(f"No order {order_id}.")
        return row

    def list_orders(
        self, principal: Principal, *, filters: dict[str, Any], cursor: str | None, limit: int
    ) -> td.OrderPage:
        before = paging.decode_id("orders", cursor)
        if principal.role != "admin":
            filters = filters | {"owner": principal.username}
        rows = self.store.page_orders(filters=filters, before_id=before, limit=limit + 1)
        items = self.present_orders(rows)
        return cast(td.OrderPage, paging.id_page("orders", items, limit))

    def cancel_order(self, principal: Principal, order_id: int) -> td.Order:
        """The order as it is after the cancel (one that had ended already, unchanged)."""
        principal.require("trader")
        order = self._order(principal, order_id)
        with self.uow() as uow:
            closed = self.store.close(order_id, "cancelled")
            if closed is not None:
                self._audit_order(principal, "order.cancel", closed)
                answer = self.order_events(uow, closed)
                uow.commit()  # the cancel, its audit line, then its event
                return answer
        return self.present_order(self.store.get_order(order_id) or order)

    def expire_due(self, now: dt.datetime | None = None) -> int:
        """Expire the day orders whose day has ended: every open order of an earlier trading
        day and, with exchange sessions, today's once the close (15:00 in Shanghai) has passed
        on a trading day. Each is ended by `PaperStore.close`, whose conditional update lets
        one of several instances sweeping at once win it; its `order_update` goes out after
        the commit. Answers how many this call expired."""
        local = (now or dt.datetime.now(dt.UTC)).astimezone(CN)
        due = local.date()
        exchange = self.settings.paper_session == "exchange"
        if exchange and local.time() >= SESSIONS[-1][1] and trading_days("XSHG", due, due):
            due += dt.timedelta(days=1)  # today's orders too
        expired = 0
        for order in self.store.open_orders_before(due):
            with self.uow() as uow:
                ended = self.store.close(order["id"], "expired")
                if ended is not None:
                    self.order_events(uow, ended)
                    uow.commit()
                    expired += 1
        return expired

    def order_events(
        self, uow: UnitOfWork, order: dict[str, Any], trade: dict[str, Any] | None = None
    ) -> td.Order:
        """An order's change (and the trade that made it) to its owner, on topic `orders`, sent
        when `uow` commits; built from the unit's own rows. Answers the order as presented."""
        presented = self.present_order(order)
        if trade is not None:
            uow.publish("orders", "trade", dict(present_trade(trade)), owner=order["owner"])
        uow.publish("orders", "order_update", dict(presented), owner=order["owner"])
        return presented

    def create_order(
        self,
        principal: Principal,
        body: td.OrderInput,
        key: str | None,
        *,
        strategy_id: int | None = None,
    ) -> tuple[td.Order, bool]:
        """(order, created): a repeated Idempotency-Key answers the first order. `strategy_id`
        marks an order a strategy's signal placed (`mystocks.trading.auto_trade`)."""
        principal.require("trader")
        if key is None:
            raise PreconditionRequired("Send an Idempotency-Key header with every order.")
        with self.uow() as uow:  # one connection for the reads, the order and its audit line
            account = self.visible_account(principal, body["account_id"])
            repeat = self.store.find_by_key(account["owner"], key)
            if repeat is not None:
                return self.present_order(repeat), False
            try:
                order, freeze = self._check(account, body, key)
                order["strategy_id"] = strategy_id
                row = self.store.place(order, freeze_cash=freeze, day=trading_day())
            except OrderRefused as refused:
                uow.rollback()
                if self.audit is not None:  # the order is not there: its refusal is a line alone
                    details = order_details(body) | {"code": refused.code}
                    self.audit.record(principal, "order.create", outcome="refused", details=details)
                    uow.commit()
                raise
            except DuplicateOrder:  # the same key, placed meanwhile: answer that order
                uow.rollback()
                first = self.store.find_by_key(account["owner"], key)
                if first is None:
                    raise
                return self.present_order(first), False
            self._audit_order(principal, "order.create", row)
            uow.commit()
        # Its history is the one event `place` wrote with it: no need to read it back.
        return present_order(
            row, [{"status": "new", "filled_quantity": 0, "at": row["created_at"]}]
        ), True

    def _audit_order(self, principal: Principal, action: str, order: dict[str, Any]) -> None:
        """An order's audit line, written in the unit of work of its change."""
        if self.audit is None:
            return
        details = order_details(order) | {"status": order["status"]}
        if order.get("strategy_id") is not None:
            details["strategy_id"] = order["strategy_id"]
        self.audit.record(principal, action, target=("order", order["id"]), details=details)

    def _check(
        self, account: dict[str, Any], body: td.OrderInput, key: str
    ) -> tuple[dict[str, Any], int]:
        """`checks.check_order` on what it needs, read in the order the checks ask for it."""
        check_session(self.in_session())
        symbol = body["symbol"].upper()
        inst, quote = self.quote(symbol)
        positions = self.store.positions(account["id"])  # all: the daily loss values them
        defaults = {name: getattr(self.settings, f"paper_{name}") for name in LIMITS}
        return check_order(
            body,
            account,
            key,
            instrument=inst,
            quote=quote,
            positions=positions,
            pending_buys=lambda: self.store.pending_buys(account["id"], symbol),
            daily_loss=lambda: self.daily_loss(account, positions),
            limits=Limits.of(account, defaults),
            fees=self.fees,
        )

    def quote(self, symbol: str) -> tuple[dict[str, Any], dict[str, Any]]:
        inst = self.data.relational.get_instrument(symbol)
        if inst is None:
            raise NotFound(f"No instrument {symbol}.")
        try:
            quote = build_quotes(self.data, [inst], cached_bars=True)[0]
        except NotFound:
            raise OrderRefused("no_price", f"No market data for {symbol} yet.", "symbol") from None
        return inst, dict(quote)

    def in_session(self, now: dt.datetime | None = None) -> bool:
        if self.settings.paper_session == "always":
            return True
        local = (now or dt.datetime.now(dt.UTC)).astimezone(CN)
        if not trading_days("XSHG", local.date(), local.date()):
            return False
        return any(start <= local.time() < end for start, end in SESSIONS)

    def fee(self, value: int) -> int:
        return commission(value, self.fees)

    def present_orders(self, rows: list[dict[str, Any]]) -> list[td.Order]:
        history = self.store.history([r["id"] for r in rows])
        return [present_order(r, history[r["id"]]) for r in rows]

    def present_order(self, row: dict[str, Any]) -> td.Order:
        return self.present_orders([row])[0]
