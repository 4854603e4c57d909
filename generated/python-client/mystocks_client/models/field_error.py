from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.field_error_in import FieldErrorIn

T = TypeVar("T", bound="FieldError")


@_attrs_define
class FieldError:
    """One field of the request that broke the contract or a rule.

    Example:
        {'in': 'query', 'name': 'period', 'detail': "must be one of 1m, 5m, 15m, 30m, 60m, 1d, 1w, 1M; got '2h'"}

    Attributes:
        in_ (FieldErrorIn):
        name (str): Parameter name, or a JSON path into the body (`items[3].high`).
        detail (str):
    """

    in_: FieldErrorIn
    name: str
    detail: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        in_ = self.in_.value

        name = self.name

        detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "in": in_,
                "name": name,
                "detail": detail,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        in_ = FieldErrorIn(d.pop("in"))

        name = d.pop("name")

        detail = d.pop("detail")

        field_error = cls(
            in_=in_,
            name=name,
            detail=detail,
        )

        field_error.additional_properties = d
        return field_error

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
