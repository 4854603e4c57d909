from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Position")


@_attrs_define
class Position:
    """One holding. `available` can be sold now: shares bought today cannot (T+1), nor those held by
    open sell orders. `cost` is what the shares held cost, fees included; `last_price` is the
    latest trade (null before any market data).

        Example:
            {'symbol': '600036.SH', 'quantity': 1000, 'available': 0, 'cost': 10505, 'avg_cost': 10.505, 'last_price': 10.5,
                'market_value': 10500, 'unrealized_pnl': -5, 'realized_pnl': 0}

        Attributes:
            symbol (str):
            quantity (int):
            available (int):
            cost (float):
            avg_cost (float):
            last_price (float | None):
            market_value (float):
            unrealized_pnl (float):
            realized_pnl (float):
    """

    symbol: str
    quantity: int
    available: int
    cost: float
    avg_cost: float
    last_price: float | None
    market_value: float
    unrealized_pnl: float
    realized_pnl: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        quantity = self.quantity

        available = self.available

        cost = self.cost

        avg_cost = self.avg_cost

        last_price: float | None
        last_price = self.last_price

        market_value = self.market_value

        unrealized_pnl = self.unrealized_pnl

        realized_pnl = self.realized_pnl

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "quantity": quantity,
                "available": available,
                "cost": cost,
                "avg_cost": avg_cost,
                "last_price": last_price,
                "market_value": market_value,
                "unrealized_pnl": unrealized_pnl,
                "realized_pnl": realized_pnl,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        quantity = d.pop("quantity")

        available = d.pop("available")

        cost = d.pop("cost")

        avg_cost = d.pop("avg_cost")

        def _parse_last_price(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        last_price = _parse_last_price(d.pop("last_price"))

        market_value = d.pop("market_value")

        unrealized_pnl = d.pop("unrealized_pnl")

        realized_pnl = d.pop("realized_pnl")

        position = cls(
            symbol=symbol,
            quantity=quantity,
            available=available,
            cost=cost,
            avg_cost=avg_cost,
            last_price=last_price,
            market_value=market_value,
            unrealized_pnl=unrealized_pnl,
            realized_pnl=realized_pnl,
        )

        position.additional_properties = d
        return position

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
