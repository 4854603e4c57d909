"""The checks an order passes before it is accepted, each refusal an `OrderRefused` whose
`code` is the contract's reason (listed at `OrderInput`). Cash and T+1 are checked again,
atomically, by the store when it freezes them (`PaperStore.place`).

Pure functions of what the caller read: no store, no clock, no service. The trading session is
the clock's fact and is checked first, by `check_session`, before anything is read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from mystocks.domain.rules import Fees, commission, lot_problem
from mystocks.errors import OrderRefused

# An account's own pre-trade limits (cents, null: the `paper_<name>` setting applies).
LIMITS = ("max_order_value", "max_position_value", "daily_loss_limit")


@dataclass(frozen=True)
class Limits:
    """An account's pre-trade limits in cents: its own where set, else the server's."""

    max_order_value: int
    max_position_value: int
    daily_loss_limit: int

    @classmethod
    def of(cls, account: Mapping[str, Any], defaults: Mapping[str, float]) -> Limits:
        """`defaults` in yuan by name (the `paper_<name>` settings)."""
        return cls(
            **{
                name: account[name] if account[name] is not None else round(defaults[name] * 100)
                for name in LIMITS
            }
        )


def check_session(open_now: bool) -> None:
    if not open_now:
        raise OrderRefused("trading_session", "Orders are accepted in trading sessions only.")


def check_order(
    body: Mapping[str, Any],
    account: Mapping[str, Any],
    key: str,
    *,
    instrument: Mapping[str, Any],
    quote: Mapping[str, Any],
    positions: list[dict[str, Any]],
    pending_buys: Callable[[], int],
    daily_loss: Callable[[], int],
    limits: Limits,
    fees: Fees,
) -> tuple[dict[str, Any], int]:
    """The order row to insert and the cash a buy must freeze (its value at the worst price
    it may fill at, plus that value's commission). `pending_buys` (shares of the symbol in open
    buys) and `daily_loss` (cents below the previous close) are asked for only when a buy gets
    that far: the second reads the account's trades."""
    symbol, side, kind, qty = body["symbol"].upper(), body["side"], body["type"], body["quantity"]
    inst = instrument
    if inst["market"] != "CN" or inst["price_limit_pct"] is None:
        raise OrderRefused(
            "unsupported_market", f"Paper trading covers A-share stocks; not {symbol}.", "symbol"
        )
    holding = next((p["quantity"] for p in positions if p["symbol"] == symbol), 0)
    if (why := lot_problem(side, qty, fees.lot, holding)) is not None:
        raise OrderRefused("board_lot", why, "quantity")
    up = None if quote["limit_up"] is None else round(quote["limit_up"] * 100)
    down = None if quote["limit_down"] is None else round(quote["limit_down"] * 100)
    limit = _limit_price(kind, body.get("limit_price"), up, down)
    last = round(quote["last"] * 100)
    # A market buy may fill up to the limit-up price (slippage never crosses it): freeze that.
    worst = limit if limit is not None else (up if side == "buy" and up is not None else last)
    value = worst * qty
    most = limits.max_order_value
    if value > most:
        raise OrderRefused(
            "max_order_value",
            f"The order is worth {value / 100:.2f}; the limit is {most / 100:.2f}.",
            "quantity",
        )
    if side == "buy":
        pending = pending_buys()
        exposure = (holding + pending) * last + value
        most = limits.max_position_value
        if exposure > most:
            raise OrderRefused(
                "max_position",
                f"{symbol} would be worth {exposure / 100:.2f} in this account; the limit is "
                f"{most / 100:.2f}.",
                "quantity",
            )
        # Last, as it reads the account's trades: a losing day stops new risk, not its exit.
        loss = daily_loss()
        most = limits.daily_loss_limit
        if loss > most:
            raise OrderRefused(
                "daily_loss_limit",
                f"The account is {loss / 100:.2f} below the previous trading day's close; the "
                f"limit is {most / 100:.2f}. Sells are still accepted.",
            )
    order = {
        "account_id": account["id"],
        "owner": account["owner"],
        "idempotency_key": key,
        "symbol": symbol,
        "side": side,
        "type": kind,
        "quantity": qty,
        "limit_price": limit,
        "limit_up": up,
        "limit_down": down,
    }
    return order, (value + commission(value, fees) if side == "buy" else 0)


def _limit_price(kind: str, price: float | None, up: int | None, down: int | None) -> int | None:
    if kind == "market":
        if price is not None:
            raise OrderRefused("limit_price", "A market order takes no limit_price.", "limit_price")
        return None
    if price is None:
        raise OrderRefused("limit_price", "A limit order needs a limit_price.", "limit_price")
    cents = round(price * 100)
    if abs(price * 100 - cents) > 1e-6:
        raise OrderRefused("price_tick", "Prices move in ticks of 0.01.", "limit_price")
    if (up is not None and cents > up) or (down is not None and cents < down):
        raise OrderRefused(
            "price_limit",
            f"{price} is outside today's limit band [{(down or 0) / 100:.2f}, "
            f"{(up or 0) / 100:.2f}].",
            "limit_price",
        )
    return cents
