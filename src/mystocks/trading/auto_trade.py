"""auto_trade: a running strategy's live signals placed as market orders on a paper account.

A strategy started with `auto_trade` (`POST /strategies/{id}/start`) names one of its owner's
paper accounts and the shares to buy on a `buy` signal; a `sell` signal sells what the account
can sell of that symbol today. The order goes through `PaperService.create_order`, the path and
checks every order takes (session, lots, limit band, cash, T+1, risk limits), as the strategy's
owner, keyed by the signal (`Idempotency-Key: signal-<id>`), so a signal places at most one
order whichever instance stored it. A refusal is not an error of the strategy: it is kept on the
signal (`order_refusal`), like the order it placed otherwise (`order_id`).
"""

from __future__ import annotations

import logging
from typing import Any

from mystocks_contract import typeddicts as td

from mystocks.errors import MyStocksError, OrderRefused
from mystocks.identity.auth import Principal
from mystocks.trading.service import PaperService

log = logging.getLogger("mystocks.auto_trade")


class AutoTrader:
    def __init__(self, paper: PaperService) -> None:
        self.paper = paper

    def place(self, strategy: dict[str, Any], signal: dict[str, Any]) -> dict[str, Any]:
        """The signal's outcome: `{"order_id": …}` or `{"order_refusal": "code: detail"}`;
        `{}` when the strategy does not trade."""
        account_id = strategy.get("trade_account_id")
        if account_id is None:
            return {}
        # The owner's own orders: `trader` is enough for them, whatever the owner's role.
        owner = Principal(strategy["owner"], "trader", 2**62)
        quantity = strategy["trade_quantity"]
        if signal["side"] == "sell":
            held = self.paper.sellable(account_id, signal["symbol"])
            if held == 0:
                return {"order_refusal": "no_position: nothing of it to sell in the account"}
            quantity = held
        body: td.OrderInput = {
            "account_id": account_id,
            "symbol": signal["symbol"],
            "side": signal["side"],
            "type": "market",
            "quantity": quantity,
        }
        try:
            order, _ = self.paper.create_order(
                owner, body, f"signal-{signal['id']}", strategy_id=strategy["id"]
            )
        except OrderRefused as exc:
            return {"order_refusal": f"{exc.code}: {exc.detail}"[:300]}
        except MyStocksError as exc:  # the account is gone, or its owner changed
            return {"order_refusal": f"unavailable: {exc.detail}"[:300]}
        log.info(
            "strategy %s: %s signal %s placed order %s",
            strategy["id"],
            signal["side"],
            signal["id"],
            order["id"],
        )
        return {"order_id": order["id"]}


def refusal(text: str | None) -> dict[str, str] | None:
    """A stored `code: detail` as the contract's `OrderRefusal`."""
    if text is None:
        return None
    code, _, detail = text.partition(": ")
    return {"code": code, "detail": detail}
