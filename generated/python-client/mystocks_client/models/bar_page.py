from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bar_page_adjust import BarPageAdjust
from ..models.data_source import DataSource
from ..models.period import Period

if TYPE_CHECKING:
    from ..models.bar import Bar


T = TypeVar("T", bound="BarPage")


@_attrs_define
class BarPage:
    """
    Example:
        {'symbol': '600036.SH', 'period': '1d', 'adjust': 'qfq', 'source': 'real', 'items': [{'ts':
            '2017-07-25T00:00:00+08:00', 'open': 24.0, 'high': 24.2, 'low': 23.9, 'close': 24.08, 'volume': 40200100,
            'amount': 966416404.0}, {'ts': '2017-07-26T00:00:00+08:00', 'open': 24.1, 'high': 24.5, 'low': 24.02, 'close':
            24.36, 'volume': 48213300, 'amount': 1170412345.0}], 'next_cursor': None}

    Attributes:
        symbol (str):
        period (Period): `1m` `5m` `15m` `30m` `60m` intraday; `1d` daily; `1w` weekly; `1M` monthly. A-share 60-minute
            bars are 09:30-10:30, 10:30-11:30, 13:00-14:00, 14:00-15:00 (stamped 10:30, 11:30, 14:00, 15:00).
            Weekly and monthly bars aggregate the daily bars of each calendar week or month.
             Example: 1d.
        adjust (BarPageAdjust): Price adjustment of the stored data; the shipped A-share sample is forward-adjusted
            (`qfq`).
        source (DataSource): `real` for shipped or ingested market data, `simulated` for the seeded intraday sample.
            Example: real.
        items (list[Bar]):
        next_cursor (None | str):
    """

    symbol: str
    period: Period
    adjust: BarPageAdjust
    source: DataSource
    items: list[Bar]
    next_cursor: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        period = self.period.value

        adjust = self.adjust.value

        source = self.source.value

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_cursor: None | str
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "period": period,
                "adjust": adjust,
                "source": source,
                "items": items,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bar import Bar  # noqa: PLC0415

        d = dict(src_dict)
        symbol = d.pop("symbol")

        period = Period(d.pop("period"))

        adjust = BarPageAdjust(d.pop("adjust"))

        source = DataSource(d.pop("source"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Bar.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        bar_page = cls(
            symbol=symbol,
            period=period,
            adjust=adjust,
            source=source,
            items=items,
            next_cursor=next_cursor,
        )

        bar_page.additional_properties = d
        return bar_page

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
