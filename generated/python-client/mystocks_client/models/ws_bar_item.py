from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ws_bar_item_period import WsBarItemPeriod

T = TypeVar("T", bound="WsBarItem")


@_attrs_define
class WsBarItem:
    """One completed bar of the live feed.

    Example:
        {'symbol': '600036.SH', 'period': '1m', 'ts': '2026-11-24T09:31:00+08:00', 'open': 24.1, 'high': 24.2, 'low':
            24.05, 'close': 24.18, 'volume': 310000, 'amount': 7480000.0}

    Attributes:
        symbol (str):
        period (WsBarItemPeriod):
        ts (datetime.datetime): The end of the bar's interval.
        open_ (float):
        high (float):
        low (float):
        close (float):
        volume (int):
        amount (float):
    """

    symbol: str
    period: WsBarItemPeriod
    ts: datetime.datetime
    open_: float
    high: float
    low: float
    close: float
    volume: int
    amount: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        period = self.period.value

        ts = self.ts.isoformat()

        open_ = self.open_

        high = self.high

        low = self.low

        close = self.close

        volume = self.volume

        amount = self.amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "period": period,
                "ts": ts,
                "open": open_,
                "high": high,
                "low": low,
                "close": close,
                "volume": volume,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        period = WsBarItemPeriod(d.pop("period"))

        ts = datetime.datetime.fromisoformat(d.pop("ts"))

        open_ = d.pop("open")

        high = d.pop("high")

        low = d.pop("low")

        close = d.pop("close")

        volume = d.pop("volume")

        amount = d.pop("amount")

        ws_bar_item = cls(
            symbol=symbol,
            period=period,
            ts=ts,
            open_=open_,
            high=high,
            low=low,
            close=close,
            volume=volume,
            amount=amount,
        )

        ws_bar_item.additional_properties = d
        return ws_bar_item

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
