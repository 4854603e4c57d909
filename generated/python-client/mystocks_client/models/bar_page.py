from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.adjust import Adjust
from ..models.data_source import DataSource
from ..models.period import Period

if TYPE_CHECKING:
    from ..models.bar import Bar


T = TypeVar("T", bound="BarPage")


@_attrs_define
class BarPage:
    """
    Example:
        {'symbol': '600036.SH', 'period': '1d', 'adjust': 'qfq', 'adjusted_to': None, 'source': 'real', 'items': [{'ts':
            '2017-07-25T00:00:00+08:00', 'open': 24.0, 'high': 24.2, 'low': 23.9, 'close': 24.08, 'volume': 40200100,
            'amount': 966416404.0}, {'ts': '2017-07-26T00:00:00+08:00', 'open': 24.1, 'high': 24.5, 'low': 24.02, 'close':
            24.36, 'volume': 48213300, 'amount': 1170412345.0}], 'next_cursor': None, 'note': None}

    Attributes:
        symbol (str):
        period (Period): `1m` `5m` `15m` `30m` `60m` intraday; `1d` daily; `1w` weekly; `1M` monthly. A-share 60-minute
            bars are 09:30-10:30, 10:30-11:30, 13:00-14:00, 14:00-15:00 (stamped 10:30, 11:30, 14:00, 15:00).
            Weekly and monthly bars aggregate the daily bars of each calendar week or month.
             Example: 1d.
        adjust (Adjust): Price adjustment (复权): `none` as traded, `qfq` forward-adjusted (前复权: today's prices,
            earlier ones scaled down through each dividend and bonus issue), `hfq` back-adjusted (后复权:
            the listing's prices, later ones scaled up). Volumes are never adjusted.
             Example: qfq.
        adjusted_to (datetime.date | None): For `qfq`, the ex-date of the newest corporate action the prices are
            anchored at (prices from that day on are as traded; a later action moves every earlier price). Null when no
            action is recorded, for `none` and `hfq`, and for the shipped sample, whose anchor its source does not say.
            Example: 2024-06-14.
        source (DataSource): `real` for shipped or ingested market data, `simulated` for the seeded intraday sample.
            Example: real.
        items (list[Bar]):
        next_cursor (None | str):
        note (None | str): Why a page is empty (no bars stored for the instrument at all, or none in the range asked and
            where they are); null when it has bars. Example: No daily bars are stored for 600519.SH; an administrator
            fetches them with `mystocks sync --symbols 600519.SH`..
    """

    symbol: str
    period: Period
    adjust: Adjust
    adjusted_to: datetime.date | None
    source: DataSource
    items: list[Bar]
    next_cursor: None | str
    note: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        period = self.period.value

        adjust = self.adjust.value

        adjusted_to: None | str
        if isinstance(self.adjusted_to, datetime.date):
            adjusted_to = self.adjusted_to.isoformat()
        else:
            adjusted_to = self.adjusted_to

        source = self.source.value

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_cursor: None | str
        next_cursor = self.next_cursor

        note: None | str
        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "period": period,
                "adjust": adjust,
                "adjusted_to": adjusted_to,
                "source": source,
                "items": items,
                "next_cursor": next_cursor,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bar import Bar  # noqa: PLC0415

        d = dict(src_dict)
        symbol = d.pop("symbol")

        period = Period(d.pop("period"))

        adjust = Adjust(d.pop("adjust"))

        def _parse_adjusted_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                adjusted_to_type_0 = datetime.date.fromisoformat(data)

                return adjusted_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        adjusted_to = _parse_adjusted_to(d.pop("adjusted_to"))

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

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        bar_page = cls(
            symbol=symbol,
            period=period,
            adjust=adjust,
            adjusted_to=adjusted_to,
            source=source,
            items=items,
            next_cursor=next_cursor,
            note=note,
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
