from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ws_quotes_type import WsQuotesType

if TYPE_CHECKING:
    from ..models.ws_quote_batch import WsQuoteBatch


T = TypeVar("T", bound="WsQuotes")


@_attrs_define
class WsQuotes:
    """The latest quote of each subscribed `quotes:{symbol}` channel that changed since the previous
    frame. Quotes are conflated: a client that reads slowly gets the newest quote per symbol, never a
    backlog.

        Example:
            {'id': '8', 'type': 'quotes', 'channel': 'quotes', 'occurred_at': '2026-11-24T07:00:00Z', 'data': {'items':
                [{'symbol': '600036.SH', 'name': '招商银行', 'last': 24.36, 'open': 24.1, 'high': 24.5, 'low': 24.02, 'prev_close':
                24.08, 'change': 0.28, 'change_pct': 1.16, 'volume': 48213300, 'amount': 1170412345.0, 'timestamp':
                '2026-11-24T15:00:00+08:00', 'source': 'simulated'}]}}

        Attributes:
            id (str): The id of the newest bus event it includes (increasing within a topic).
            type_ (WsQuotesType):
            channel (None | str): `quotes`: each item names its symbol (`quotes:{symbol}`).
            occurred_at (datetime.datetime):
            data (WsQuoteBatch):  Example: {'items': [{'symbol': '600036.SH', 'name': '招商银行', 'last': 24.36, 'open': 24.1,
                'high': 24.5, 'low': 24.02, 'prev_close': 24.08, 'change': 0.28, 'change_pct': 1.16, 'volume': 48213300,
                'amount': 1170412345.0, 'timestamp': '2026-11-24T15:00:00+08:00', 'source': 'simulated'}]}.
    """

    id: str
    type_: WsQuotesType
    channel: None | str
    occurred_at: datetime.datetime
    data: WsQuoteBatch
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_.value

        channel: None | str
        channel = self.channel

        occurred_at = self.occurred_at.isoformat()

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "channel": channel,
                "occurred_at": occurred_at,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ws_quote_batch import WsQuoteBatch  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = WsQuotesType(d.pop("type"))

        def _parse_channel(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        channel = _parse_channel(d.pop("channel"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        data = WsQuoteBatch.from_dict(d.pop("data"))

        ws_quotes = cls(
            id=id,
            type_=type_,
            channel=channel,
            occurred_at=occurred_at,
            data=data,
        )

        ws_quotes.additional_properties = d
        return ws_quotes

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
