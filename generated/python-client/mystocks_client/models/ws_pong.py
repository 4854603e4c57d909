from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ws_pong_type import WsPongType

if TYPE_CHECKING:
    from ..models.ws_pong_data import WsPongData


T = TypeVar("T", bound="WsPong")


@_attrs_define
class WsPong:
    """The answer to `ping`.

    Example:
        {'id': 'p7', 'type': 'pong', 'channel': None, 'occurred_at': '2026-11-24T01:30:00Z', 'data': {}}

    Attributes:
        id (str): The `id` of the client's request it answers; empty when it had none.
        type_ (WsPongType):
        channel (None | str): Null for this message.
        occurred_at (datetime.datetime):
        data (WsPongData): Empty. Example: {}.
    """

    id: str
    type_: WsPongType
    channel: None | str
    occurred_at: datetime.datetime
    data: WsPongData
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
        from ..models.ws_pong_data import WsPongData  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = WsPongType(d.pop("type"))

        def _parse_channel(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        channel = _parse_channel(d.pop("channel"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        data = WsPongData.from_dict(d.pop("data"))

        ws_pong = cls(
            id=id,
            type_=type_,
            channel=channel,
            occurred_at=occurred_at,
            data=data,
        )

        ws_pong.additional_properties = d
        return ws_pong

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
