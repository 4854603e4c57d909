from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.ws_subscribe_type import WsSubscribeType
from ..types import UNSET, Unset

T = TypeVar("T", bound="WsSubscribe")


@_attrs_define
class WsSubscribe:
    """Subscribe to channels. The server answers an `ack` listing the channels now subscribed, and an
    `error` naming each channel it refused (unknown, forbidden, over the limit of
    `ws_max_subscriptions` per connection). Subscribing twice to a channel is harmless.

        Example:
            {'type': 'subscribe', 'channels': ['ticks:600036.SH', 'quotes:000001.SZ'], 'id': 'r1'}

        Attributes:
            type_ (WsSubscribeType):
            channels (list[str]):
            id (str | Unset): Chosen by the client; the server's `ack`, `error` or `pong` answer carries it back as its
                `id`. Example: r1.
    """

    type_: WsSubscribeType
    channels: list[str]
    id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        channels = self.channels

        id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "channels": channels,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = WsSubscribeType(d.pop("type"))

        channels = cast(list[str], d.pop("channels"))

        id = d.pop("id", UNSET)

        ws_subscribe = cls(
            type_=type_,
            channels=channels,
            id=id,
        )

        return ws_subscribe
