from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ws_ack_data_op import WsAckDataOp
from ..types import UNSET, Unset

T = TypeVar("T", bound="WsAckData")


@_attrs_define
class WsAckData:
    """
    Example:
        {'op': 'subscribe', 'channels': ['ticks:600036.SH'], 'subscriptions': ['ticks:600036.SH']}

    Attributes:
        op (WsAckDataOp): The request answered.
        channels (list[str]): The channels this request subscribed or unsubscribed (empty for `auth`).
        subscriptions (list[str]): Every channel the connection is subscribed to now.
        username (str | Unset): Who the connection is signed in as (on `auth`).
    """

    op: WsAckDataOp
    channels: list[str]
    subscriptions: list[str]
    username: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        op = self.op.value

        channels = self.channels

        subscriptions = self.subscriptions

        username = self.username

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "op": op,
                "channels": channels,
                "subscriptions": subscriptions,
            }
        )
        if username is not UNSET:
            field_dict["username"] = username

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        op = WsAckDataOp(d.pop("op"))

        channels = cast(list[str], d.pop("channels"))

        subscriptions = cast(list[str], d.pop("subscriptions"))

        username = d.pop("username", UNSET)

        ws_ack_data = cls(
            op=op,
            channels=channels,
            subscriptions=subscriptions,
            username=username,
        )

        ws_ack_data.additional_properties = d
        return ws_ack_data

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
