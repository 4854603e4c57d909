from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.ws_auth_type import WsAuthType
from ..types import UNSET, Unset

T = TypeVar("T", bound="WsAuth")


@_attrs_define
class WsAuth:
    """The first client message: the access token of `POST /api/v1/auth/token`. It must arrive within
    `ws_auth_timeout_seconds` (5 s by default) of connecting, else the server closes with 4408; a
    missing, bad, expired or revoked token closes with 4401. Sent again later on the same
    connection (same user), it replaces the token before the old one expires.

        Example:
            {'type': 'auth', 'token': 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.x'}

        Attributes:
            type_ (WsAuthType):
            token (str):
            id (str | Unset): Chosen by the client; the server's `ack`, `error` or `pong` answer carries it back as its
                `id`. Example: r1.
    """

    type_: WsAuthType
    token: str
    id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        token = self.token

        id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "token": token,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = WsAuthType(d.pop("type"))

        token = d.pop("token")

        id = d.pop("id", UNSET)

        ws_auth = cls(
            type_=type_,
            token=token,
            id=id,
        )

        return ws_auth
