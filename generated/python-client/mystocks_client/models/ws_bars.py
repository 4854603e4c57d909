from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ws_bars_type import WsBarsType

if TYPE_CHECKING:
    from ..models.ws_bar_batch import WsBarBatch


T = TypeVar("T", bound="WsBars")


@_attrs_define
class WsBars:
    """Bars of the subscribed `bars:{symbol}:{period}` channels completed since the previous frame,
    stamped at the end of their interval.

        Example:
            {'id': '9', 'type': 'bars', 'channel': 'bars', 'occurred_at': '2026-11-24T01:31:00.050Z', 'data': {'items':
                [{'symbol': '600036.SH', 'period': '1m', 'ts': '2026-11-24T09:31:00+08:00', 'open': 24.1, 'high': 24.2, 'low':
                24.05, 'close': 24.18, 'volume': 310000, 'amount': 7480000.0}]}}

        Attributes:
            id (str): The id of the newest bus event it includes (increasing within a topic).
            type_ (WsBarsType):
            channel (None | str): `bars`: each item names its symbol and period (`bars:{symbol}:{period}`).
            occurred_at (datetime.datetime):
            data (WsBarBatch):  Example: {'items': [{'symbol': '600036.SH', 'period': '1m', 'ts':
                '2026-11-24T09:31:00+08:00', 'open': 24.1, 'high': 24.2, 'low': 24.05, 'close': 24.18, 'volume': 310000,
                'amount': 7480000.0}]}.
    """

    id: str
    type_: WsBarsType
    channel: None | str
    occurred_at: datetime.datetime
    data: WsBarBatch
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
        from ..models.ws_bar_batch import WsBarBatch  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = WsBarsType(d.pop("type"))

        def _parse_channel(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        channel = _parse_channel(d.pop("channel"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        data = WsBarBatch.from_dict(d.pop("data"))

        ws_bars = cls(
            id=id,
            type_=type_,
            channel=channel,
            occurred_at=occurred_at,
            data=data,
        )

        ws_bars.additional_properties = d
        return ws_bars

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
