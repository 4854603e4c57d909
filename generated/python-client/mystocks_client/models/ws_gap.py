from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ws_gap_type import WsGapType

if TYPE_CHECKING:
    from ..models.ws_gap_data import WsGapData


T = TypeVar("T", bound="WsGap")


@_attrs_define
class WsGap:
    """The connection fell behind: its queue (`ws_queue_size` items) overflowed and `data.dropped`
    messages or items of that kind were dropped, the oldest first. What follows is contiguous again;
    fetch what was missed over REST (`GET /api/v1/market/ticks/{symbol}`). A connection whose single
    send stays blocked for `ws_stall_seconds` is closed with 4429.

        Example:
            {'id': '1732423200000-0', 'type': 'gap', 'channel': 'ticks', 'occurred_at': '2026-11-24T01:30:11Z', 'data':
                {'dropped': 5000}}

        Attributes:
            id (str): The id of the newest bus event seen when the gap was found.
            type_ (WsGapType):
            channel (None | str): The kind of channel that lost messages: `ticks`, `bars`, `signals`, `orders` or `alerts`.
            occurred_at (datetime.datetime):
            data (WsGapData):  Example: {'dropped': 5000}.
    """

    id: str
    type_: WsGapType
    channel: None | str
    occurred_at: datetime.datetime
    data: WsGapData
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
        from ..models.ws_gap_data import WsGapData  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = WsGapType(d.pop("type"))

        def _parse_channel(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        channel = _parse_channel(d.pop("channel"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        data = WsGapData.from_dict(d.pop("data"))

        ws_gap = cls(
            id=id,
            type_=type_,
            channel=channel,
            occurred_at=occurred_at,
            data=data,
        )

        ws_gap.additional_properties = d
        return ws_gap

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
