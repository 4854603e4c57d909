from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BarIngestItem")


@_attrs_define
class BarIngestItem:
    """
    Example:
        {'symbol': '600036.SH', 'ts': '2017-07-27T00:00:00+08:00', 'open': 24.36, 'high': 24.8, 'low': 24.3, 'close':
            24.71, 'volume': 51234500}

    Attributes:
        symbol (str):
        ts (datetime.datetime): For `1m`, the end of the minute; for `1d`, any time on the trading day (its exchange-
            local date is used).
        open_ (float):
        high (float):
        low (float):
        close (float):
        volume (int):
        amount (float | Unset): Turnover; default close × volume.
    """

    symbol: str
    ts: datetime.datetime
    open_: float
    high: float
    low: float
    close: float
    volume: int
    amount: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        ts = self.ts.isoformat()

        open_ = self.open_

        high = self.high

        low = self.low

        close = self.close

        volume = self.volume

        amount = self.amount

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "symbol": symbol,
                "ts": ts,
                "open": open_,
                "high": high,
                "low": low,
                "close": close,
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

        open_ = d.pop("open")

        high = d.pop("high")

        low = d.pop("low")

        close = d.pop("close")

        volume = d.pop("volume")

        amount = d.pop("amount", UNSET)

        bar_ingest_item = cls(
            symbol=symbol,
            ts=ts,
            open_=open_,
            high=high,
            low=low,
            close=close,
            volume=volume,
            amount=amount,
        )

        return bar_ingest_item
