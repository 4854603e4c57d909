from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Bar")


@_attrs_define
class Bar:
    """One K-line bar. `ts` is always present; the others unless left out by `fields=`.

    Example:
        {'ts': '2017-07-26T00:00:00+08:00', 'open': 24.1, 'high': 24.5, 'low': 24.02, 'close': 24.36, 'volume':
            48213300, 'amount': 1170412345.0}

    Attributes:
        ts (datetime.datetime): End of the bar's interval (intraday) or 00:00 of its last trading day (1d, 1w, 1M), in
            the exchange's offset.
        open_ (float | Unset):
        high (float | Unset):
        low (float | Unset):
        close (float | Unset):
        volume (int | Unset): Shares.
        amount (float | Unset): Turnover in the instrument's currency.
    """

    ts: datetime.datetime
    open_: float | Unset = UNSET
    high: float | Unset = UNSET
    low: float | Unset = UNSET
    close: float | Unset = UNSET
    volume: int | Unset = UNSET
    amount: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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
                "ts": ts,
            }
        )
        if open_ is not UNSET:
            field_dict["open"] = open_
        if high is not UNSET:
            field_dict["high"] = high
        if low is not UNSET:
            field_dict["low"] = low
        if close is not UNSET:
            field_dict["close"] = close
        if volume is not UNSET:
            field_dict["volume"] = volume
        if amount is not UNSET:
            field_dict["amount"] = amount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ts = datetime.datetime.fromisoformat(d.pop("ts"))

        open_ = d.pop("open", UNSET)

        high = d.pop("high", UNSET)

        low = d.pop("low", UNSET)

        close = d.pop("close", UNSET)

        volume = d.pop("volume", UNSET)

        amount = d.pop("amount", UNSET)

        bar = cls(
            ts=ts,
            open_=open_,
            high=high,
            low=low,
            close=close,
            volume=volume,
            amount=amount,
        )

        bar.additional_properties = d
        return bar

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
