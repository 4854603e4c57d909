from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TickIngestItem")


@_attrs_define
class TickIngestItem:
    """
    Example:
        {'symbol': '600036.SH', 'ts': '2017-07-27T09:30:03+08:00', 'price': 24.4, 'volume': 1200}

    Attributes:
        symbol (str):
        ts (datetime.datetime):
        price (float):
        volume (int):
        amount (float | Unset): Turnover; default price × volume.
    """

    symbol: str
    ts: datetime.datetime
    price: float
    volume: int
    amount: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        ts = self.ts.isoformat()

        price = self.price

        volume = self.volume

        amount = self.amount

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "symbol": symbol,
                "ts": ts,
                "price": price,
                "volume": volume,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        ts = datetime.datetime.fromisoformat(d.pop("ts"))

        price = d.pop("price")

        volume = d.pop("volume")

        amount = d.pop("amount", UNSET)

        tick_ingest_item = cls(
            symbol=symbol,
            ts=ts,
            price=price,
            volume=volume,
            amount=amount,
        )

        return tick_ingest_item
