from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.token_request_grant_type import TokenRequestGrantType
from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenRequest")


@_attrs_define
class TokenRequest:
    """
    Example:
        {'grant_type': 'password', 'username': 'admin', 'password': 'mystocks-admin'}

    Attributes:
        username (str):
        password (str):
        grant_type (TokenRequestGrantType | Unset): OAuth2 grant type; only `password` is supported.
        scope (str | Unset): Accepted for OAuth2 compatibility and ignored; the role comes from the user.
    """

    username: str
    password: str
    grant_type: TokenRequestGrantType | Unset = UNSET
    scope: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        password = self.password

        grant_type: str | Unset = UNSET
        if not isinstance(self.grant_type, Unset):
            grant_type = self.grant_type.value

        scope = self.scope

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "username": username,
                "password": password,
            }
        )
        if grant_type is not UNSET:
            field_dict["grant_type"] = grant_type
        if scope is not UNSET:
            field_dict["scope"] = scope

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        password = d.pop("password")

        _grant_type = d.pop("grant_type", UNSET)
        grant_type: TokenRequestGrantType | Unset
        if isinstance(_grant_type, Unset):
            grant_type = UNSET
        else:
            grant_type = TokenRequestGrantType(_grant_type)

        scope = d.pop("scope", UNSET)

        token_request = cls(
            username=username,
            password=password,
            grant_type=grant_type,
            scope=scope,
        )

        return token_request
