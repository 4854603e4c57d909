from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WsTickItem")


@_attrs_define
class WsTickItem:
    """One trade, as the live feed publishes it.

    Example:
        {'symbol': '600036.SH', 'ts': '2026-11-24T09:30:10+08:00', 'price': 24.12, 'volume': 1200, 'amount': 28944.0}

    Attributes:
        symbol (str):
        ts (datetime.datetime):
        price (float):
        volume (int): Shares traded in this tick.
        amount (float):
    """

    symbol: str
    ts: datetime.datetime
    price: float
    volume: int
    amount: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        ts = self.ts.isoformat()

        price = self.price

        volume = self.volume

        amount = self.amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "ts": ts,
                "price": price,
                "volume": volume,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        ts = datetime.datetime.fromisoformat(d.pop("ts"))

        price = d.pop("price")

        volume = d.pop("volume")

        amount = d.pop("amount")

        ws_tick_item = cls(
            symbol=symbol,
            ts=ts,
            price=price,
            volume=volume,
            amount=amount,
        )

        ws_tick_item.additional_properties = d
        return ws_tick_item

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
