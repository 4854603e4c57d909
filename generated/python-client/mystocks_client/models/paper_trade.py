from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_side import OrderSide

T = TypeVar("T", bound="PaperTrade")


@_attrs_define
class PaperTrade:
    """One fill of a paper order; `realized_pnl` on sells only (net of fees, against the average cost).

    Example:
        {'id': 1, 'order_id': 5, 'account_id': 1, 'symbol': '600036.SH', 'side': 'buy', 'price': 10.5, 'quantity': 1000,
            'commission': 5, 'stamp_duty': 0, 'realized_pnl': None, 'tick_time': '2026-11-24T09:31:00+08:00', 'created_at':
            '2026-11-24T01:31:00Z'}

    Attributes:
        id (int):
        order_id (int):
        account_id (int):
        symbol (str):
        side (OrderSide):  Example: buy.
        price (float):
        quantity (int):
        commission (float):
        stamp_duty (float):
        realized_pnl (float | None):
        tick_time (datetime.datetime): The tick it filled on.
        created_at (datetime.datetime):
    """

    id: int
    order_id: int
    account_id: int
    symbol: str
    side: OrderSide
    price: float
    quantity: int
    commission: float
    stamp_duty: float
    realized_pnl: float | None
    tick_time: datetime.datetime
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        order_id = self.order_id

        account_id = self.account_id

        symbol = self.symbol

        side = self.side.value

        price = self.price

        quantity = self.quantity

        commission = self.commission

        stamp_duty = self.stamp_duty

        realized_pnl: float | None
        realized_pnl = self.realized_pnl

        tick_time = self.tick_time.isoformat()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "order_id": order_id,
                "account_id": account_id,
                "symbol": symbol,
                "side": side,
                "price": price,
                "quantity": quantity,
                "commission": commission,
                "stamp_duty": stamp_duty,
                "realized_pnl": realized_pnl,
                "tick_time": tick_time,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        order_id = d.pop("order_id")

        account_id = d.pop("account_id")

        symbol = d.pop("symbol")

        side = OrderSide(d.pop("side"))

        price = d.pop("price")

        quantity = d.pop("quantity")

        commission = d.pop("commission")

        stamp_duty = d.pop("stamp_duty")

        def _parse_realized_pnl(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        realized_pnl = _parse_realized_pnl(d.pop("realized_pnl"))

        tick_time = datetime.datetime.fromisoformat(d.pop("tick_time"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        paper_trade = cls(
            id=id,
            order_id=order_id,
            account_id=account_id,
            symbol=symbol,
            side=side,
            price=price,
            quantity=quantity,
            commission=commission,
            stamp_duty=stamp_duty,
            realized_pnl=realized_pnl,
            tick_time=tick_time,
            created_at=created_at,
        )

        paper_trade.additional_properties = d
        return paper_trade

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
