from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.order_side import OrderSide
from ..models.order_type import OrderType
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderInput")


@_attrs_define
class OrderInput:
    """An order of a paper account. Checked before acceptance; each refusal is a 422 whose `code`
    names the rule: `board_lot`, `price_tick`, `price_limit`, `t_plus_one`, `insufficient_cash`,
    `insufficient_shares`, `trading_session`, `max_order_value`, `max_position`,
    `daily_loss_limit` (buys only, while the account is down more than its daily loss limit since
    the previous trading day's close), `no_price`, `unsupported_market`, `limit_price`.

        Example:
            {'account_id': 1, 'symbol': '600036.SH', 'side': 'buy', 'type': 'limit', 'quantity': 1000, 'limit_price': 10.5}

        Attributes:
            account_id (int):
            symbol (str):
            side (OrderSide):  Example: buy.
            type_ (OrderType): `market` fills at the next tick (with slippage); `limit` when a tick reaches the price.
                Example: limit.
            quantity (int):
            limit_price (float | Unset): Required for `limit` orders, on the 0.01 tick and inside the day's limit band.
    """

    account_id: int
    symbol: str
    side: OrderSide
    type_: OrderType
    quantity: int
    limit_price: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        symbol = self.symbol

        side = self.side.value

        type_ = self.type_.value

        quantity = self.quantity

        limit_price = self.limit_price

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "account_id": account_id,
                "symbol": symbol,
                "side": side,
                "type": type_,
                "quantity": quantity,
            }
        )
        if limit_price is not UNSET:
            field_dict["limit_price"] = limit_price

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        symbol = d.pop("symbol")

        side = OrderSide(d.pop("side"))

        type_ = OrderType(d.pop("type"))

        quantity = d.pop("quantity")

        limit_price = d.pop("limit_price", UNSET)

        order_input = cls(
            account_id=account_id,
            symbol=symbol,
            side=side,
            type_=type_,
            quantity=quantity,
            limit_price=limit_price,
        )

        return order_input
