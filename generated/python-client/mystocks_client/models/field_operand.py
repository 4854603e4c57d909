from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.screen_field import ScreenField

T = TypeVar("T", bound="FieldOperand")


@_attrs_define
class FieldOperand:
    """A field of the daily bar; `change_pct` is the day's change against the previous close, in
    percent.

        Example:
            {'field': 'close'}

        Attributes:
            field (ScreenField):  Example: close.
    """

    field: ScreenField

    def to_dict(self) -> dict[str, Any]:
        field = self.field.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "field": field,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = ScreenField(d.pop("field"))

        field_operand = cls(
            field=field,
        )

        return field_operand
