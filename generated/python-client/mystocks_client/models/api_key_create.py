from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.api_key_scope import ApiKeyScope
from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiKeyCreate")


@_attrs_define
class ApiKeyCreate:
    """
    Example:
        {'name': 'research notebook', 'scopes': ['read', 'trade'], 'expires_in_days': 30}

    Attributes:
        name (str): What the key is for, for you to recognise it. Example: research notebook.
        scopes (list[ApiKeyScope]):  Example: ['read'].
        expires_in_days (int | Unset): The key stops working this many days after creation. Default: 90.
    """

    name: str
    scopes: list[ApiKeyScope]
    expires_in_days: int | Unset = 90

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        expires_in_days = self.expires_in_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "scopes": scopes,
            }
        )
        if expires_in_days is not UNSET:
            field_dict["expires_in_days"] = expires_in_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = ApiKeyScope(scopes_item_data)

            scopes.append(scopes_item)

        expires_in_days = d.pop("expires_in_days", UNSET)

        api_key_create = cls(
            name=name,
            scopes=scopes,
            expires_in_days=expires_in_days,
        )

        return api_key_create
