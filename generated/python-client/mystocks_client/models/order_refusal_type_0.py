from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OrderRefusalType0")


@_attrs_define
class OrderRefusalType0:
    """Why `auto_trade` placed no order for a signal (null when it placed one, or does not trade); `code` is one of the
    order refusal codes (`OrderInput`), or `no_position` (a sell signal with nothing to sell) or `unavailable` (the
    account is gone).

        Example:
            {'code': 'insufficient_cash', 'detail': 'The order and its fees need 2594.21 of free cash.'}

        Attributes:
            code (str):  Example: insufficient_cash.
            detail (str):  Example: The order and its fees need 2594.21 of free cash..
    """

    code: str
    detail: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "detail": detail,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        detail = d.pop("detail")

        order_refusal_type_0 = cls(
            code=code,
            detail=detail,
        )

        order_refusal_type_0.additional_properties = d
        return order_refusal_type_0

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
