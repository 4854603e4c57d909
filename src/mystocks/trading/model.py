"""Paper trading's domain model: an account, an order, a position, a fill and the trade it
makes, as frozen values in integer cents, and `apply_fill`, the A-share arithmetic of a fill.

Pure: no store, no clock. `PaperStore.fill` reads the rows under lock, builds these values
(`of`), calls `apply_fill` and writes back exactly what it returns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

Side = Literal["buy", "sell"]
OPEN = ("new", "partially_filled")


@dataclass(frozen=True)
class Account:
    """What a fill changes of an account: its free and frozen cash and its realized P&L."""

    id: int
    cash: int
    frozen_cash: int
    realized_pnl: int

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> Account:
        return cls(row["id"], row["cash"], row["frozen_cash"], row["realized_pnl"])


@dataclass(frozen=True)
class Order:
    """An accepted order as far as its fills go. `frozen_cash`: what a buy still holds of the
    cash it froze when it was accepted (its value at the worst price plus the commission)."""

    id: int
    account_id: int
    symbol: str
    side: Side
    quantity: int
    filled_quantity: int
    filled_value: int
    fees: int
    frozen_cash: int
    status: str

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> Order:
        return cls(
            row["id"],
            row["account_id"],
            row["symbol"],
            row["side"],
            row["quantity"],
            row["filled_quantity"],
            row["filled_value"],
            row["fees"],
            row["frozen_cash"],
            row["status"],
        )

    @property
    def open(self) -> bool:
        return self.status in OPEN


@dataclass(frozen=True)
class Position:
    """A holding: `frozen`, the shares open sells hold; `bought_today`, the shares bought on
    `bought_day`, which T+1 keeps from being sold that day; `cost`, what the shares held cost
    with their fees (the average cost times the quantity)."""

    account_id: int
    symbol: str
    quantity: int = 0
    frozen: int = 0
    bought_today: int = 0
    bought_day: dt.date | None = None
    cost: int = 0
    realized_pnl: int = 0

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> Position:
        return cls(
            row["account_id"],
            row["symbol"],
            row["quantity"],
            row["frozen"],
            row["bought_today"],
            row["bought_day"],
            row["cost"],
            row["realized_pnl"],
        )


@dataclass(frozen=True)
class Fill:
    """One fill of an order, priced and charged by the matching (cents)."""

    price: int
    quantity: int
    commission: int
    stamp_duty: int
    tick_time: dt.datetime
    day: dt.date  # the trading day, for T+1

    @property
    def value(self) -> int:
        return self.price * self.quantity

    @property
    def fees(self) -> int:
        return self.commission + self.stamp_duty


@dataclass(frozen=True)
class Trade:
    """The trade log's line for a fill; `realized_pnl` is a sell's (None for a buy)."""

    account_id: int
    order_id: int
    symbol: str
    side: Side
    price: int
    quantity: int
    commission: int
    stamp_duty: int
    realized_pnl: int | None
    tick_time: dt.datetime


class FillRefused(ValueError):
    """A fill that cannot apply to the order, position and account given (a bug upstream:
    matching only fills open orders within what they have left)."""


def apply_fill(
    order: Order, position: Position | None, account: Account, fill: Fill
) -> tuple[Order, Position, Account, Trade]:
    """The order, the position, the account and the trade after `fill`.

    * A buy pays the fill's value and fees from the cash its order froze first; what is beyond
      it (a minimum commission on a small partial fill) comes from free cash, and the last fill
      gives back what the order still holds. The shares join the holding's cost with the fees
      and count as bought on `fill.day` (T+1).
    * A sell takes the shares its order froze; the shares sold leave at the holding's average
      cost (the last share takes the remainder, so the cost ends at exactly 0 with the
      holding), and the proceeds net of commission and stamp duty go to free cash. Realized
      P&L: the net proceeds minus that cost.
    """
    if not order.open:
        raise FillRefused(f"order {order.id} is {order.status}")
    if not 0 < fill.quantity <= order.quantity - order.filled_quantity:
        raise FillRefused(f"{fill.quantity} shares do not fit order {order.id}")
    filled = order.filled_quantity + fill.quantity
    done = filled == order.quantity
    held = position or Position(order.account_id, order.symbol)
    if order.side == "buy":
        cost = fill.value + fill.fees
        take = min(cost, order.frozen_cash)  # paid from what the order froze first
        left = order.frozen_cash - take if done else 0  # a filled order gives back the rest
        pnl = None
        same_day = held.bought_day == fill.day
        held = replace(
            held,
            quantity=held.quantity + fill.quantity,
            cost=held.cost + cost,
            bought_today=(held.bought_today if same_day else 0) + fill.quantity,
            bought_day=fill.day,
        )
        frozen_cash = 0 if done else order.frozen_cash - take
        account = replace(
            account,
            cash=account.cash - (cost - take) + left,
            frozen_cash=account.frozen_cash - take - left,
        )
    else:
        if held.frozen < fill.quantity:
            raise FillRefused(f"order {order.id} sells shares it did not freeze")
        removed = (
            held.cost
            if fill.quantity == held.quantity
            else held.cost * fill.quantity // held.quantity
        )
        pnl = fill.value - fill.fees - removed
        held = replace(
            held,
            quantity=held.quantity - fill.quantity,
            frozen=held.frozen - fill.quantity,
            cost=held.cost - removed,
            realized_pnl=held.realized_pnl + pnl,
        )
        frozen_cash = order.frozen_cash
        account = replace(
            account,
            cash=account.cash + fill.value - fill.fees,
            realized_pnl=account.realized_pnl + pnl,
        )
    order = replace(
        order,
        filled_quantity=filled,
        filled_value=order.filled_value + fill.value,
        fees=order.fees + fill.fees,
        frozen_cash=frozen_cash,
        status="filled" if done else "partially_filled",
    )
    trade = Trade(
        order.account_id,
        order.id,
        order.symbol,
        order.side,
        fill.price,
        fill.quantity,
        fill.commission,
        fill.stamp_duty,
        pnl,
        fill.tick_time,
    )
    return order, held, account, trade
