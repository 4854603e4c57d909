from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.ws_ping_type import WsPingType
from ..types import UNSET, Unset

T = TypeVar("T", bound="WsPing")


@_attrs_define
class WsPing:
    """A heartbeat; the server answers `pong`. Any client message resets the idle timeout
    (`ws_idle_timeout_seconds`, 60 s by default, then close 4408), so an otherwise quiet client
    pings every 20-30 s.

        Example:
            {'type': 'ping', 'id': 'p7'}

        Attributes:
            type_ (WsPingType):
            id (str | Unset): Chosen by the client; the server's `ack`, `error` or `pong` answer carries it back as its
                `id`. Example: r1.
    """

    type_: WsPingType
    id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = WsPingType(d.pop("type"))

        id = d.pop("id", UNSET)

        ws_ping = cls(
            type_=type_,
            id=id,
        )

        return ws_ping
