from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ParameterRange")


@_attrs_define
class ParameterRange:
    """A range to draw a parameter from, uniformly (integers for integer parameters).

    Example:
        {'minimum': 5, 'maximum': 60}

    Attributes:
        minimum (float):
        maximum (float):
    """

    minimum: float
    maximum: float

    def to_dict(self) -> dict[str, Any]:
        minimum = self.minimum

        maximum = self.maximum

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "minimum": minimum,
                "maximum": maximum,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        minimum = d.pop("minimum")

        maximum = d.pop("maximum")

        parameter_range = cls(
            minimum=minimum,
            maximum=maximum,
        )

        return parameter_range
