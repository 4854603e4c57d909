from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_status import OrderStatus

T = TypeVar("T", bound="OrderStatusChange")


@_attrs_define
class OrderStatusChange:
    """
    Example:
        {'status': 'new', 'filled_quantity': 0, 'at': '2026-11-24T01:30:00Z'}

    Attributes:
        status (OrderStatus): new -> partially_filled -> filled, or cancelled, rejected, expired. Example: filled.
        filled_quantity (int):
        at (datetime.datetime):
    """

    status: OrderStatus
    filled_quantity: int
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        filled_quantity = self.filled_quantity

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "filled_quantity": filled_quantity,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = OrderStatus(d.pop("status"))

        filled_quantity = d.pop("filled_quantity")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        order_status_change = cls(
            status=status,
            filled_quantity=filled_quantity,
            at=at,
        )

        order_status_change.additional_properties = d
        return order_status_change

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
