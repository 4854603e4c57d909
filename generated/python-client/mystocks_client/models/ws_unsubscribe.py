from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.ws_unsubscribe_type import WsUnsubscribeType
from ..types import UNSET, Unset

T = TypeVar("T", bound="WsUnsubscribe")


@_attrs_define
class WsUnsubscribe:
    """Stop receiving channels; answered by an `ack`. Unknown or unsubscribed channels are ignored.

    Example:
        {'type': 'unsubscribe', 'channels': ['ticks:600036.SH'], 'id': 'r2'}

    Attributes:
        type_ (WsUnsubscribeType):
        channels (list[str]):
        id (str | Unset): Chosen by the client; the server's `ack`, `error` or `pong` answer carries it back as its
            `id`. Example: r1.
    """

    type_: WsUnsubscribeType
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
        type_ = WsUnsubscribeType(d.pop("type"))

        channels = cast(list[str], d.pop("channels"))

        id = d.pop("id", UNSET)

        ws_unsubscribe = cls(
            type_=type_,
            channels=channels,
            id=id,
        )

        return ws_unsubscribe
