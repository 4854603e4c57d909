from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.data_source import DataSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="Quote")


@_attrs_define
class Quote:
    """The latest quote. `change` = last − prev_close; `change_pct` = change / prev_close × 100.

    Example:
        {'symbol': '600036.SH', 'name': '招商银行', 'last': 24.36, 'open': 24.1, 'high': 24.5, 'low': 24.02, 'prev_close':
            24.08, 'change': 0.28, 'change_pct': 1.16, 'volume': 48213300, 'amount': 1170412345.0, 'limit_up': 26.49,
            'limit_down': 21.67, 'timestamp': '2017-07-26T15:00:00+08:00', 'source': 'simulated'}

    Attributes:
        symbol (str):
        name (str):
        last (float):
        open_ (float):
        high (float):
        low (float):
        prev_close (float | None): Previous trading day's close; null on the first day of the data.
        change (float | None):
        change_pct (float | None): Percent, rounded to 2 decimals as terminals show it.
        volume (int): Shares traded so far today.
        amount (float): Turnover so far today, in the instrument's currency.
        timestamp (datetime.datetime): Time of the last trade, in the exchange's UTC offset.
        source (DataSource): `real` for shipped or ingested market data, `simulated` for the seeded intraday sample.
            Example: real.
        limit_up (float | None | Unset): The upper price limit of the quote's trading day (A-shares), from the previous
            close and the band of that day's rules, rounded half-up to the tick; null where there is none.
        limit_down (float | None | Unset):
    """

    symbol: str
    name: str
    last: float
    open_: float
    high: float
    low: float
    prev_close: float | None
    change: float | None
    change_pct: float | None
    volume: int
    amount: float
    timestamp: datetime.datetime
    source: DataSource
    limit_up: float | None | Unset = UNSET
    limit_down: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        name = self.name

        last = self.last

        open_ = self.open_

        high = self.high

        low = self.low

        prev_close: float | None
        prev_close = self.prev_close

        change: float | None
        change = self.change

        change_pct: float | None
        change_pct = self.change_pct

        volume = self.volume

        amount = self.amount

        timestamp = self.timestamp.isoformat()

        source = self.source.value

        limit_up: float | None | Unset
        if isinstance(self.limit_up, Unset):
            limit_up = UNSET
        else:
            limit_up = self.limit_up

        limit_down: float | None | Unset
        if isinstance(self.limit_down, Unset):
            limit_down = UNSET
        else:
            limit_down = self.limit_down

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "name": name,
                "last": last,
                "open": open_,
                "high": high,
                "low": low,
                "prev_close": prev_close,
                "change": change,
                "change_pct": change_pct,
                "volume": volume,
                "amount": amount,
                "timestamp": timestamp,
                "source": source,
            }
        )
        if limit_up is not UNSET:
            field_dict["limit_up"] = limit_up
        if limit_down is not UNSET:
            field_dict["limit_down"] = limit_down

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        name = d.pop("name")

        last = d.pop("last")

        open_ = d.pop("open")

        high = d.pop("high")

        low = d.pop("low")

        def _parse_prev_close(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        prev_close = _parse_prev_close(d.pop("prev_close"))

        def _parse_change(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        change = _parse_change(d.pop("change"))

        def _parse_change_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        change_pct = _parse_change_pct(d.pop("change_pct"))

        volume = d.pop("volume")

        amount = d.pop("amount")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        source = DataSource(d.pop("source"))

        def _parse_limit_up(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        limit_up = _parse_limit_up(d.pop("limit_up", UNSET))

        def _parse_limit_down(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        limit_down = _parse_limit_down(d.pop("limit_down", UNSET))

        quote = cls(
            symbol=symbol,
            name=name,
            last=last,
            open_=open_,
            high=high,
            low=low,
            prev_close=prev_close,
            change=change,
            change_pct=change_pct,
            volume=volume,
            amount=amount,
            timestamp=timestamp,
            source=source,
            limit_up=limit_up,
            limit_down=limit_down,
        )

        quote.additional_properties = d
        return quote

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
