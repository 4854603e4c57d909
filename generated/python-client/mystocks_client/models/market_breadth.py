from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MarketBreadth")


@_attrs_define
class MarketBreadth:
    """How the A-share market moved, from the latest quote of every listed A-share stock that has
    market data (the quotes `GET /api/v1/market/quotes` answers). The counts cover the stocks whose
    latest quote is from `trading_day`, the trading day of the newest quote; a stock whose latest
    quote is older (suspended, or not updated since) is counted in `stale` only.

        Example:
            {'as_of': '2017-07-26T14:59:50+08:00', 'trading_day': '2017-07-26', 'stocks': 4, 'advancing': 2, 'declining': 2,
                'unchanged': 0, 'limit_up': 0, 'limit_down': 0, 'stale': 6}

        Attributes:
            as_of (datetime.datetime | None): Time of the newest quote, in the exchange's UTC offset; null when no A-share
                has market data.
            trading_day (datetime.date | None): The exchange-local day of `as_of`.
            stocks (int): Stocks counted (those with a quote on `trading_day`).
            advancing (int): Of those, stocks whose last price is above the previous close.
            declining (int): Stocks whose last price is below the previous close.
            unchanged (int): Stocks whose last price equals the previous close. A stock without a previous close (its
                first day in the data) is in none of `advancing`, `declining` and `unchanged`.
            limit_up (int): Stocks whose last price has reached the day's upper price limit (`Quote.limit_up`, the
                exchange's rounding), compared exactly, not in floating point; they are advancing too.
            limit_down (int): Stocks whose last price has reached the day's lower price limit; declining too.
            stale (int): Stocks whose latest quote is from an earlier trading day; in no other count.
    """

    as_of: datetime.datetime | None
    trading_day: datetime.date | None
    stocks: int
    advancing: int
    declining: int
    unchanged: int
    limit_up: int
    limit_down: int
    stale: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of: None | str
        if isinstance(self.as_of, datetime.datetime):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        trading_day: None | str
        if isinstance(self.trading_day, datetime.date):
            trading_day = self.trading_day.isoformat()
        else:
            trading_day = self.trading_day

        stocks = self.stocks

        advancing = self.advancing

        declining = self.declining

        unchanged = self.unchanged

        limit_up = self.limit_up

        limit_down = self.limit_down

        stale = self.stale

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "trading_day": trading_day,
                "stocks": stocks,
                "advancing": advancing,
                "declining": declining,
                "unchanged": unchanged,
                "limit_up": limit_up,
                "limit_down": limit_down,
                "stale": stale,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_as_of(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.datetime.fromisoformat(data)

                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        as_of = _parse_as_of(d.pop("as_of"))

        def _parse_trading_day(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                trading_day_type_0 = datetime.date.fromisoformat(data)

                return trading_day_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        trading_day = _parse_trading_day(d.pop("trading_day"))

        stocks = d.pop("stocks")

        advancing = d.pop("advancing")

        declining = d.pop("declining")

        unchanged = d.pop("unchanged")

        limit_up = d.pop("limit_up")

        limit_down = d.pop("limit_down")

        stale = d.pop("stale")

        market_breadth = cls(
            as_of=as_of,
            trading_day=trading_day,
            stocks=stocks,
            advancing=advancing,
            declining=declining,
            unchanged=unchanged,
            limit_up=limit_up,
            limit_down=limit_down,
            stale=stale,
        )

        market_breadth.additional_properties = d
        return market_breadth

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
