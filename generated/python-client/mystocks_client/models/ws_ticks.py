from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ws_ticks_type import WsTicksType

if TYPE_CHECKING:
    from ..models.ws_tick_batch import WsTickBatch


T = TypeVar("T", bound="WsTicks")


@_attrs_define
class WsTicks:
    """The ticks of every subscribed `ticks:{symbol}` channel since the previous frame (one frame per
    connection every `ws_batch_seconds`, 25 ms by default), in the order they were traded per
    symbol. None is left out unless a `gap` message comes first. A frame carries at most about
    1,000 items (one event's items for a symbol are never split); more follow in the next frames.

        Example:
            {'id': '1732423200000-0', 'type': 'ticks', 'channel': 'ticks', 'occurred_at': '2026-11-24T01:30:10.020Z',
                'data': {'items': [{'symbol': '600036.SH', 'ts': '2026-11-24T09:30:10+08:00', 'price': 24.12, 'volume': 1200,
                'amount': 28944.0}]}}

        Attributes:
            id (str): The id of the newest bus event it includes (increasing within a topic).
            type_ (WsTicksType):
            channel (None | str): `ticks`: each item names its symbol, so it belongs to `ticks:{symbol}`.
            occurred_at (datetime.datetime):
            data (WsTickBatch):  Example: {'items': [{'symbol': '600036.SH', 'ts': '2026-11-24T09:30:10+08:00', 'price':
                24.12, 'volume': 1200, 'amount': 28944.0}]}.
    """

    id: str
    type_: WsTicksType
    channel: None | str
    occurred_at: datetime.datetime
    data: WsTickBatch
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
        from ..models.ws_tick_batch import WsTickBatch  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = WsTicksType(d.pop("type"))

        def _parse_channel(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        channel = _parse_channel(d.pop("channel"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        data = WsTickBatch.from_dict(d.pop("data"))

        ws_ticks = cls(
            id=id,
            type_=type_,
            channel=channel,
            occurred_at=occurred_at,
            data=data,
        )

        ws_ticks.additional_properties = d
        return ws_ticks

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
