"""How paper trading's rows read in answers and events: orders with their history, trades,
and what an audit line says of an order. Pure functions of stored rows (cents -> yuan)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, cast
from zoneinfo import ZoneInfo

from mystocks_contract import typeddicts as td

from mystocks.domain.rules import yuan

CN = ZoneInfo("Asia/Shanghai")


def order_details(order: Mapping[str, Any]) -> dict[str, Any]:
    """What an audit line says of an order (an accepted one or the body of a refused one)."""
    keys = ("account_id", "symbol", "side", "type", "quantity", "limit_price")
    return {k: order[k] for k in keys if order.get(k) is not None}


def available(position: dict[str, Any], day: dt.date) -> int:
    """Shares of a stored position that can be sold on `day`: not frozen by an open sell,
    not bought that day (T+1)."""
    today = position["bought_today"] if position["bought_day"] == day else 0
    return max(int(position["quantity"] - position["frozen"] - today), 0)


def present_order(row: dict[str, Any], history: list[dict[str, Any]]) -> td.Order:
    filled = row["filled_quantity"]
    limit = row["limit_price"]
    return cast(
        td.Order,
        {
            "id": row["id"],
            "account_id": row["account_id"],
            "owner": row["owner"],
            "symbol": row["symbol"],
            "side": row["side"],
            "type": row["type"],
            "quantity": row["quantity"],
            "limit_price": None if limit is None else yuan(limit),
            "filled_quantity": filled,
            "avg_fill_price": round(row["filled_value"] / filled / 100, 4) if filled else None,
            "fees": yuan(row["fees"]),
            "frozen_cash": yuan(row["frozen_cash"]),
            "status": row["status"],
            "trading_day": row["trading_day"].isoformat(),
            "strategy_id": row["strategy_id"],
            "created_at": row["created_at"].isoformat(),
            "updated_at": row["updated_at"].isoformat(),
            "history": [
                {
                    "status": h["status"],
                    "filled_quantity": h["filled_quantity"],
                    "at": h["at"].isoformat(),
                }
                for h in history
            ],
        },
    )


def present_trade(row: dict[str, Any]) -> td.PaperTrade:
    pnl = row["realized_pnl"]
    return {
        "id": row["id"],
        "order_id": row["order_id"],
        "account_id": row["account_id"],
        "symbol": row["symbol"],
        "side": row["side"],
        "price": yuan(row["price"]),
        "quantity": row["quantity"],
        "commission": yuan(row["commission"]),
        "stamp_duty": yuan(row["stamp_duty"]),
        "realized_pnl": None if pnl is None else yuan(pnl),
        "tick_time": row["tick_time"].astimezone(CN).isoformat(),
        "created_at": row["created_at"].isoformat(),
    }
