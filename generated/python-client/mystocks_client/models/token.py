from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role
from ..models.token_token_type import TokenTokenType

T = TypeVar("T", bound="Token")


@_attrs_define
class Token:
    """
    Example:
        {'access_token': 'eyJhbGciOiJIUzI1NiJ9.e30.sig', 'token_type': 'bearer', 'expires_in': 3600, 'refresh_token':
            'q5nV0b2hJ1X6ZQx7Uo9d3kG8sTzL4aWfRcEyPmNuHiA', 'refresh_expires_in': 604800, 'role': 'admin'}

    Attributes:
        access_token (str): A JWT (HS256) with `sub`, `role`, `iat`, `exp`, `jti`, the session id `sid` and the
            session's end `sxp` (epoch seconds).
        token_type (TokenTokenType):
        expires_in (int): Seconds until the token expires.
        refresh_token (str): Opaque and single-use: `POST /api/v1/auth/refresh` exchanges it for a new pair before the
            access token expires. Presenting it a second time ends the session (it was copied).
        refresh_expires_in (int): Seconds until the session ends; no refresh is possible after that.
        role (Role): `viewer` reads market data; `trader` also trades (paper); `admin` also ingests data and manages
            users.
             Example: trader.
    """

    access_token: str
    token_type: TokenTokenType
    expires_in: int
    refresh_token: str
    refresh_expires_in: int
    role: Role
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        token_type = self.token_type.value

        expires_in = self.expires_in

        refresh_token = self.refresh_token

        refresh_expires_in = self.refresh_expires_in

        role = self.role.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
                "token_type": token_type,
                "expires_in": expires_in,
                "refresh_token": refresh_token,
                "refresh_expires_in": refresh_expires_in,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access_token = d.pop("access_token")

        token_type = TokenTokenType(d.pop("token_type"))

        expires_in = d.pop("expires_in")

        refresh_token = d.pop("refresh_token")

        refresh_expires_in = d.pop("refresh_expires_in")

        role = Role(d.pop("role"))

        token = cls(
            access_token=access_token,
            token_type=token_type,
            expires_in=expires_in,
            refresh_token=refresh_token,
            refresh_expires_in=refresh_expires_in,
            role=role,
        )

        token.additional_properties = d
        return token

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
