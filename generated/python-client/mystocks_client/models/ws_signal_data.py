from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ws_signal_data_side import WsSignalDataSide
from ..types import UNSET, Unset

T = TypeVar("T", bound="WsSignalData")


@_attrs_define
class WsSignalData:
    """A strategy's signal on a completed bar; later work may add fields.

    Example:
        {'strategy_id': 7, 'symbol': '600036.SH', 'side': 'buy', 'price': 24.18, 'reason': 'SMA5 crossed above SMA20',
            'bar_time': '2026-11-24T09:31:00+08:00'}

    Attributes:
        strategy_id (int):
        symbol (str):
        side (WsSignalDataSide):
        price (float | Unset):
        reason (str | Unset):
        bar_time (datetime.datetime | Unset):
    """

    strategy_id: int
    symbol: str
    side: WsSignalDataSide
    price: float | Unset = UNSET
    reason: str | Unset = UNSET
    bar_time: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        strategy_id = self.strategy_id

        symbol = self.symbol

        side = self.side.value

        price = self.price

        reason = self.reason

        bar_time: str | Unset = UNSET
        if not isinstance(self.bar_time, Unset):
            bar_time = self.bar_time.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "strategy_id": strategy_id,
                "symbol": symbol,
                "side": side,
            }
        )
        if price is not UNSET:
            field_dict["price"] = price
        if reason is not UNSET:
            field_dict["reason"] = reason
        if bar_time is not UNSET:
            field_dict["bar_time"] = bar_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        strategy_id = d.pop("strategy_id")

        symbol = d.pop("symbol")

        side = WsSignalDataSide(d.pop("side"))

        price = d.pop("price", UNSET)

        reason = d.pop("reason", UNSET)

        _bar_time = d.pop("bar_time", UNSET)
        bar_time: datetime.datetime | Unset
        if isinstance(_bar_time, Unset):
            bar_time = UNSET
        else:
            bar_time = datetime.datetime.fromisoformat(_bar_time)

        ws_signal_data = cls(
            strategy_id=strategy_id,
            symbol=symbol,
            side=side,
            price=price,
            reason=reason,
            bar_time=bar_time,
        )

        ws_signal_data.additional_properties = d
        return ws_signal_data

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
